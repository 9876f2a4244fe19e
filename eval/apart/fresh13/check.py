#!/usr/bin/env python3
"""Check truth.yaml and eval.yaml of this archive against corpus/.

Decodes every corpus file (utf-8, else GBK; .docx via python-docx, paragraphs and table rows in body order;
.pdf via pypdfium2 (or pdfminer.six); .html with script/style dropped, tags stripped, entities unescaped),
removes all whitespace and asserts that every truth string and every eval expect string is a substring.
Run:  /work/main/.venv/bin/python check.py      (prints counts and OK, or the failures and exits 1)
"""
import html, re, sys, datetime
from pathlib import Path
import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / 'corpus'
KINDS = {'who', 'when', 'unit', 'ordinal', 'list', 'fact', 'paraphrase', 'date', 'variant', 'negative'}


def read_docx(p):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(str(p))
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.rsplit('}', 1)[-1]
        if tag == 'p':
            out.append(Paragraph(el, d).text)
        elif tag == 'tbl':
            for row in Table(el, d).rows:
                cells = []
                for c in row.cells:
                    if not cells or c.text != cells[-1]:
                        cells.append(c.text)
                out.append(' | '.join(cells))
    return '\n'.join(out)


def read_pdf(p):
    try:
        import pypdfium2 as pdfium
        doc = pdfium.PdfDocument(str(p))
        return '\n'.join(pg.get_textpage().get_text_range() for pg in doc)
    except ImportError:
        from pdfminer.high_level import extract_text
        return extract_text(str(p))


def read_html(p):
    t = p.read_bytes().decode('utf-8')
    t = re.sub(r'(?is)<(script|style)\b.*?</\1>', ' ', t)
    t = re.sub(r'(?i)<br\s*/?>|</p>|</div>|</li>|</tr>|</h\d>', '\n', t)
    t = re.sub(r'(?s)<[^>]+>', ' ', t)
    return html.unescape(t)


def read_text(p):
    b = p.read_bytes()
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('gbk')


def decode(p):
    s = p.suffix.lower()
    if s == '.docx':
        return read_docx(p)
    if s == '.pdf':
        return read_pdf(p)
    if s in ('.html', '.htm'):
        return read_html(p)
    return read_text(p)


def norm(t):
    return re.sub(r'\s+', '', t)


def date_forms(iso):
    d = datetime.date.fromisoformat(iso)
    cn = '〇一二三四五六七八九'
    y_cn = ''.join(cn[int(c)] for c in str(d.year))

    def num_cn(n):
        if n < 10: return cn[n]
        if n == 10: return '十'
        if n < 20: return '十' + cn[n - 10]
        return cn[n // 10] + '十' + (cn[n % 10] if n % 10 else '')
    return [f'{d.year}年{d.month}月{d.day}日', d.isoformat(), f'{y_cn}年{num_cn(d.month)}月{num_cn(d.day)}日'], \
        f'{d.month}月{d.day}日', str(d.year)


def main():
    errors = []
    texts = {p.name: decode(p) for p in sorted(CORPUS.iterdir()) if p.is_file()}
    normed = {k: norm(v) for k, v in texts.items()}
    truth = yaml.safe_load((HERE / 'truth.yaml').read_text(encoding='utf-8'))
    ev = yaml.safe_load((HERE / 'eval.yaml').read_text(encoding='utf-8'))

    # ---- truth
    n_num = n_unnum = n_tasks = 0
    for a in truth:
        f = a['file']
        if f not in normed:
            errors.append(f'truth: no file {f}'); continue
        t = normed[f]

        def has(s, what):
            if s is None: return
            if norm(s) != s: errors.append(f'{f}: whitespace in {what} {s!r}')
            if s not in t: errors.append(f'{f}: {what} not found: {s!r}')
        has(a['title'], 'title')
        for sp in a.get('speakers') or []:
            has(sp, 'speaker')
        if a['date'] is not None:
            full, md, yr = date_forms(str(a['date']))
            if not (any(x in t for x in full) or (md in t and yr in t)):
                errors.append(f'{f}: date {a["date"]} not written in the file')
        for L in a.get('lists') or []:
            if L['numbered']: n_num += 1
            else: n_unnum += 1
            if L['speaker'] is not None:
                has(L['speaker'], 'list speaker')
                if L['speaker'] not in (a.get('speakers') or []):
                    errors.append(f'{f}: list speaker {L["speaker"]} not among speakers')
            for k in ('first', 'last', 'ends_before'):
                has(L[k], k)
            i1 = t.find(L['first'])
            i2 = t.find(L['last'], i1 + 1)
            if i1 < 0 or i2 <= i1:
                errors.append(f'{f}: list order first<last fails: {L["first"]!r} / {L["last"]!r}')
            if L['ends_before'] is not None:
                i3 = t.find(L['ends_before'], i2 + 1)
                if i3 <= i2:
                    errors.append(f'{f}: ends_before not after last: {L["ends_before"]!r}')
            if not isinstance(L['size'], int) or L['size'] < 2:
                errors.append(f'{f}: bad size {L["size"]}')
        for tk in a.get('tasks') or []:
            n_tasks += 1
            has(tk['first'], 'task first')
            if not 6 <= len(tk['first']) <= 12:
                errors.append(f'{f}: task first length {len(tk["first"])}: {tk["first"]!r}')
            for u in tk['lead'] + tk['partners']:
                has(u, 'unit')
            dl = tk['deadline']
            if dl is not None and dl != '长期':
                try: datetime.date.fromisoformat(str(dl))
                except ValueError: errors.append(f'{f}: bad deadline {dl!r}')

    # ---- eval
    ids = [e['id'] for e in ev]
    if len(ids) != len(set(ids)): errors.append('eval: duplicate ids')
    kinds = {}
    for e in ev:
        kinds[e['kind']] = kinds.get(e['kind'], 0) + 1
        if e['kind'] not in KINDS: errors.append(f'{e["id"]}: unknown kind {e["kind"]}')
        if (e['kind'] == 'negative') != (e['expect'] == []):
            errors.append(f'{e["id"]}: negative kind and empty expect must go together')
        for g in e['expect']:
            for s in g:
                if not 5 <= len(s) <= 15: errors.append(f'{e["id"]}: expect length {len(s)} {s!r}')
            files = [f for f, t in normed.items() if all(s in t for s in g)]
            if not files:
                errors.append(f'{e["id"]}: group {g} not found together in any file')
            elif len(g) == 1 and len(files) > 1:
                print(f'note: {e["id"]} single-string group {g} occurs in {files}')
            if e['kind'] == 'paraphrase' and files:
                q = norm(e['q'])
                for f in files:
                    t = texts[f]
                    nt = normed[f]
                    for s in g:
                        # the passage: the raw paragraph/line holding s, widened to 80 chars each side
                        i = nt.find(s)
                        window = nt[max(0, i - 80): i + len(s) + 80]
                        para = next((norm(x) for x in t.split('\n') if s in norm(x)), '')
                        passage = window + '\x00' + para
                        shared = {q[k:k + 3] for k in range(len(q) - 2) if q[k:k + 3] in passage}
                        if shared:
                            errors.append(f'{e["id"]}: paraphrase shares 3-grams with its passage: {sorted(shared)}')
    n_neg = kinds.get('negative', 0)
    if len(ev) != 40: errors.append(f'eval: {len(ev)} entries, expected 40')
    if n_neg != 10: errors.append(f'eval: {n_neg} negatives, expected 10')
    if kinds.get('paraphrase', 0) < 8: errors.append('eval: fewer than 8 paraphrase questions')

    print(f'files={len(texts)} articles={len(truth)} lists_numbered={n_num} lists_unnumbered={n_unnum} tasks={n_tasks}')
    print('eval kinds: ' + ', '.join(f'{k}={v}' for k, v in sorted(kinds.items())) + f'  total={len(ev)}')
    if errors:
        print('\n'.join('FAIL ' + e for e in errors))
        sys.exit(1)
    print('OK')


if __name__ == '__main__':
    main()
