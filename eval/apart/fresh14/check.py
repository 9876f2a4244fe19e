#!/usr/bin/env python3
"""Check fresh14: decode every corpus file, then verify truth.yaml and eval.yaml against the decoded text.

Decoding: .txt utf-8, else GBK; .html with <script>/<style> dropped, tags stripped, entities unescaped;
.docx via python-docx (paragraphs and table rows in body order, cells joined); .pdf by a small built-in reader
of reportlab content streams (UCS-2 CID strings in stream order; no third-party PDF library needed).
All whitespace is removed before matching.

Usage: python check.py            (needs PyYAML and python-docx, e.g. /work/main/.venv/bin/python check.py)
       python check.py --dump F   (print the decoded text of corpus file F)
"""
import base64, html, os, re, sys, zlib
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, 'corpus')
WS = re.compile(r'\s+')


# ---------------------------------------------------------------- decoding
def _pdf_streams(data):
    for m in re.finditer(rb'<<(.*?)>>\s*stream\r?\n(.*?)endstream', data, re.S):
        d, raw = m.group(1), m.group(2).strip()
        try:
            if b'ASCII85Decode' in d:
                raw = base64.a85decode(raw[:-2] if raw.endswith(b'~>') else raw)
            if b'FlateDecode' in d:
                raw = zlib.decompress(raw)
        except Exception:
            continue
        yield raw


def _pdf_strings(s):
    i, n = 0, len(s)
    while i < n:
        if s[i] == 0x28:  # '('
            depth, i, buf = 1, i + 1, bytearray()
            while i < n:
                c = s[i]
                if c == 0x5C:  # backslash
                    nx = s[i + 1]
                    if 0x30 <= nx <= 0x37:
                        j, oc = i + 1, b''
                        while j < n and len(oc) < 3 and 0x30 <= s[j] <= 0x37:
                            oc += bytes([s[j]]); j += 1
                        buf.append(int(oc, 8) & 255); i = j; continue
                    buf.append({0x6E: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12}.get(nx, nx)); i += 2; continue
                if c == 0x28:
                    depth += 1
                elif c == 0x29:
                    depth -= 1
                    if depth == 0:
                        break
                buf.append(c); i += 1
            yield bytes(buf)
        i += 1


def read_pdf(path):
    pages = []
    for s in _pdf_streams(open(path, 'rb').read()):
        if b'BT' not in s or b'Tj' not in s:
            continue
        parts = [b.decode('utf-16-be', 'replace') if len(b) % 2 == 0 else b.decode('latin-1')
                 for b in _pdf_strings(s) if b]
        pages.append('\n'.join(parts))
    return '\n'.join(pages)


def read_docx(path):
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(path)
    out = []
    for el in d.element.body.iterchildren():
        tag = el.tag.split('}')[1]
        if tag == 'p':
            out.append(Paragraph(el, d).text)
        elif tag == 'tbl':
            for row in Table(el, d).rows:
                out.append(' | '.join(c.text for c in row.cells))
    return '\n'.join(out)


def read_html(path):
    t = open(path, encoding='utf-8').read()
    t = re.sub(r'(?is)<(script|style)\b.*?</\1>', ' ', t)
    t = re.sub(r'(?s)<[^>]+>', '\n', t)
    return html.unescape(t)


def read_txt(path):
    b = open(path, 'rb').read()
    try:
        return b.decode('utf-8')
    except UnicodeDecodeError:
        return b.decode('gbk')


def read(name):
    p = os.path.join(CORPUS, name)
    ext = name.rsplit('.', 1)[-1].lower()
    return {'pdf': read_pdf, 'docx': read_docx, 'html': read_html, 'htm': read_html}.get(ext, read_txt)(p)


def flat(s):
    return WS.sub('', s)


# ---------------------------------------------------------------- checks
KINDS = {'who', 'when', 'unit', 'ordinal', 'list', 'fact', 'paraphrase', 'date', 'variant', 'negative'}
CN_DIG = '〇一二三四五六七八九'


def cn_num(n):
    return ''.join(CN_DIG[int(c)] for c in str(n))


def cn_md(n):
    if n < 10: return CN_DIG[n]
    if n == 10: return '十'
    if n < 20: return '十' + CN_DIG[n - 10]
    return CN_DIG[n // 10] + '十' + (CN_DIG[n % 10] if n % 10 else '')


def date_written(text, iso):
    y, m, d = (int(x) for x in iso.split('-'))
    forms = ['%d年%d月%d日' % (y, m, d), '%d-%02d-%02d' % (y, m, d), '%d年%02d月%02d日' % (y, m, d),
             '%s年%s月%s日' % (cn_num(y), cn_md(m), cn_md(d))]
    if any(f in text for f in forms):
        return True
    return ('%d月%d日' % (m, d) in text) and (str(y) in text)


def trigrams(s):
    s = flat(s)
    return {s[i:i + 3] for i in range(len(s) - 2)}


def main():
    if len(sys.argv) > 2 and sys.argv[1] == '--dump':
        print(read(sys.argv[2])); return 0
    errs = []
    files = sorted(os.listdir(CORPUS))
    texts = {f: flat(read(f)) for f in files}
    truth = yaml.safe_load(open(os.path.join(HERE, 'truth.yaml'), encoding='utf-8'))
    ev = yaml.safe_load(open(os.path.join(HERE, 'eval.yaml'), encoding='utf-8'))

    n_lists = n_num = n_tasks = 0
    covered = set()
    for a in truth:
        f = a['file']
        if f not in texts:
            errs.append('truth: no such file %s' % f); continue
        covered.add(f)
        T = texts[f]
        where = '%s / %s' % (f, a['title'][:20])
        for s in [a['title']] + list(a['speakers']):
            if flat(s) not in T:
                errs.append('%s: string not in file: %s' % (where, s))
        if a['date'] is not None and not date_written(T, a['date']):
            errs.append('%s: date %s not written in the file' % (where, a['date']))
        for L in a['lists']:
            n_lists += 1; n_num += bool(L['numbered'])
            if L['speaker'] is not None and L['speaker'] not in a['speakers']:
                errs.append('%s: list speaker %s not among speakers' % (where, L['speaker']))
            pos = []
            for k in ('first', 'last', 'ends_before'):
                v = L[k]
                if v is None:
                    continue
                i = T.find(flat(v))
                if i < 0:
                    errs.append('%s: list %s not in file: %s' % (where, k, v))
                pos.append(i)
            if all(p >= 0 for p in pos) and pos != sorted(pos):
                errs.append('%s: list order first<last<ends_before broken: %s' % (where, L['first']))
            if not isinstance(L['size'], int) or L['size'] < 2:
                errs.append('%s: bad size in list %s' % (where, L['first']))
        for t in a.get('tasks') or []:
            n_tasks += 1
            fs = flat(t['first'])
            if fs not in T:
                errs.append('%s: task first not in file: %s' % (where, t['first']))
            if not 6 <= len(fs) <= 12:
                errs.append('%s: task first not 6-12 chars: %s' % (where, t['first']))
            for u in t['lead'] + t['partners']:
                if flat(u) not in T:
                    errs.append('%s: unit not in file: %s' % (where, u))
            dl = t['deadline']
            if not (dl is None or dl == '长期' or re.fullmatch(r'\d{4}-\d{2}-\d{2}', str(dl))):
                errs.append('%s: bad deadline %r' % (where, dl))
    for f in files:
        if f not in covered:
            errs.append('file without truth article: %s' % f)

    ids = set(); kinds = {}
    for q in ev:
        if q['id'] in ids:
            errs.append('eval: duplicate id %s' % q['id'])
        ids.add(q['id'])
        k = q['kind']; kinds[k] = kinds.get(k, 0) + 1
        if k not in KINDS:
            errs.append('eval %s: unknown kind %s' % (q['id'], k))
        if (k == 'negative') != (q['expect'] == []):
            errs.append('eval %s: negative iff expect is empty' % q['id'])
        for g in q['expect']:
            homes = [f for f in files if all(flat(s) in texts[f] for s in g)]
            for s in g:
                if not 5 <= len(flat(s)) <= 15:
                    errs.append('eval %s: expect string not 5-15 chars: %s' % (q['id'], s))
                if not any(flat(s) in texts[f] for f in files):
                    errs.append('eval %s: expect string in no file: %s' % (q['id'], s))
            if not homes:
                errs.append('eval %s: group not together in one file: %s' % (q['id'], g))
            elif len(homes) > 1 and not q.get('multi'):
                errs.append('eval %s: group found in several files %s: %s' % (q['id'], homes, g))
            for h in (homes if k == 'paraphrase' else []):
                shared = trigrams(q['q']) & trigrams(texts[h])
                if shared:
                    errs.append('eval %s: paraphrase shares 3-char runs with %s: %s' % (q['id'], h, sorted(shared)))
    n_neg = kinds.get('negative', 0)
    if len(ev) != 40 or n_neg != 10:
        errs.append('eval: want 40 questions with 10 negatives, have %d / %d' % (len(ev), n_neg))
    if kinds.get('paraphrase', 0) < 8:
        errs.append('eval: want at least 8 paraphrase questions')

    print('files=%d articles=%d lists=%d (numbered %d, unnumbered %d) tasks=%d' %
          (len(files), len(truth), n_lists, n_num, n_lists - n_num, n_tasks))
    print('questions=%d ' % len(ev) + ' '.join('%s=%d' % kv for kv in sorted(kinds.items())))
    if errs:
        print('\n'.join('FAIL ' + e for e in errs))
        return 1
    print('OK')
    return 0


if __name__ == '__main__':
    sys.exit(main())
