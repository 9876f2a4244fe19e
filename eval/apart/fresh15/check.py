"""Checks fresh15: decodes every corpus file (utf-8, else GBK; .docx via python-docx, paragraphs and table rows
in body order; .pdf via pypdfium2; .html with script/style dropped and tags stripped), removes all whitespace and
asserts that every truth string and every eval expect string is a substring of its file, plus format rules.
Run:  /work/main/.venv/bin/python check.py     (needs PyYAML, python-docx, pypdfium2)
"""
import html as htmlmod
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
WS = re.compile(r"\s+")


def decode(path):
    ext = os.path.splitext(path)[1].lower()
    if ext == ".docx":
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
        d = docx.Document(path)
        out = []
        for el in d.element.body.iterchildren():
            tag = el.tag.rsplit("}", 1)[-1]
            if tag == "p":
                out.append(Paragraph(el, d).text)
            elif tag == "tbl":
                for row in Table(el, d).rows:
                    cells = []
                    for c in row.cells:
                        if not cells or cells[-1] is not c:
                            cells.append(c)
                    out.append(" ".join(c.text for c in cells))
        return "\n".join(out)
    if ext == ".pdf":
        import pypdfium2
        doc = pypdfium2.PdfDocument(path)
        return "\n".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    raw = open(path, "rb").read()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("gbk")
    if ext in (".html", ".htm"):
        text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
        text = re.sub(r"(?s)<!--.*?-->", " ", text)
        text = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</tr>|</li>|</h\d>", "\n", text)
        text = re.sub(r"(?s)<[^>]+>", " ", text)
        text = htmlmod.unescape(text)
    return text


def squash(s):
    return WS.sub("", s)


CN_DIGIT = {"〇": 0, "零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def cn_year(y):
    return "".join("〇一二三四五六七八九"[int(c)] for c in str(y))


def cn_num(n):
    n = int(n)
    if n < 10:
        return "〇一二三四五六七八九"[n]
    if n == 10:
        return "十"
    if n < 20:
        return "十" + "〇一二三四五六七八九"[n - 10]
    return "〇一二三四五六七八九"[n // 10] + "十" + ("" if n % 10 == 0 else "〇一二三四五六七八九"[n % 10])


def date_forms(iso):
    y, m, d = iso.split("-")
    mi, di = int(m), int(d)
    full = [f"{y}年{mi}月{di}日", f"{y}年{m}月{d}日", iso, f"{cn_year(y)}年{cn_num(mi)}月{cn_num(di)}日"]
    return full, f"{mi}月{di}日", y


CJK = re.compile(r"[\u3400-\u9fff]")
PUNCT = re.compile(r"[\s，。、；：？！“”‘’（）《》【】\-—…,.;:?!()\"'<>\[\]0-9A-Za-z%‰·]")


def main():
    errors = []
    truth = yaml.safe_load(open(os.path.join(HERE, "truth.yaml"), encoding="utf-8"))
    ev = yaml.safe_load(open(os.path.join(HERE, "eval.yaml"), encoding="utf-8"))
    files = sorted(os.listdir(CORPUS))
    raw_texts = {f: decode(os.path.join(CORPUS, f)) for f in files}
    texts = {f: squash(t) for f, t in raw_texts.items()}

    # ---- truth ----
    n_lists_num = n_lists_un = n_tasks = 0
    seen_files = set()
    for art in truth:
        f = art["file"]
        where = f"{f}:{art['title'][:12]}"
        if f not in texts:
            errors.append(f"truth: unknown file {f}")
            continue
        seen_files.add(f)
        t = texts[f]
        def need(s, what):
            if squash(s) not in t:
                errors.append(f"{where}: {what} not found: {s!r}")
                return -1
            return t.find(squash(s))
        need(art["title"], "title")
        for sp in art["speakers"]:
            need(sp, "speaker")
        if art["date"] is not None:
            full, md, y = date_forms(art["date"])
            if not (any(x in t for x in full) or (md in t and y in t)):
                errors.append(f"{where}: date {art['date']} not written in the file")
        for lst in art["lists"]:
            if lst["numbered"]:
                n_lists_num += 1
            else:
                n_lists_un += 1
            if lst["speaker"] is not None:
                need(lst["speaker"], "list speaker")
            a = need(lst["first"], "list first")
            b = need(lst["last"], "list last")
            if a >= 0 and b >= 0 and not a < b:
                errors.append(f"{where}: first not before last: {lst['first']!r}")
            if lst["ends_before"] is not None:
                c = t.find(squash(lst["ends_before"]), max(b, 0))
                if c < 0:
                    errors.append(f"{where}: ends_before not found after last: {lst['ends_before']!r}")
            if not isinstance(lst["size"], int) or lst["size"] < 1:
                errors.append(f"{where}: bad size")
        for task in art["tasks"]:
            n_tasks += 1
            need(task["first"], "task first")
            if not 6 <= len(squash(task["first"])) <= 12:
                errors.append(f"{where}: task first not 6-12 chars: {task['first']!r}")
            for u in task["lead"] + task["partners"]:
                need(u, "task unit")
            dl = task["deadline"]
            if dl is not None and dl != "长期" and not re.fullmatch(r"20\d\d-\d\d-\d\d", dl):
                errors.append(f"{where}: bad deadline {dl!r}")
    for f in files:
        if f not in seen_files:
            errors.append(f"corpus file without truth: {f}")

    # ---- eval ----
    kinds = {"who", "when", "unit", "ordinal", "list", "fact", "paraphrase", "date", "variant", "negative"}
    ids = set()
    counts = {}
    for e in ev:
        if e["id"] in ids:
            errors.append(f"eval: duplicate id {e['id']}")
        ids.add(e["id"])
        if e["kind"] not in kinds:
            errors.append(f"eval {e['id']}: unknown kind {e['kind']}")
        counts[e["kind"]] = counts.get(e["kind"], 0) + 1
        if e["kind"] == "negative":
            if e["expect"]:
                errors.append(f"eval {e['id']}: negative with expect")
            continue
        if not e["expect"]:
            errors.append(f"eval {e['id']}: answerable without expect")
        for group in e["expect"]:
            homes = [f for f in files if all(squash(s) in texts[f] for s in group)]
            for s in group:
                if not 5 <= len(squash(s)) <= 15:
                    errors.append(f"eval {e['id']}: expect not 5-15 chars: {s!r}")
            if not homes:
                errors.append(f"eval {e['id']}: group not found together in one file: {group}")
            if e["kind"] == "paraphrase" and homes:
                # the question shares no run of 3 consecutive characters with the passage holding the answer
                q = PUNCT.sub("", e["q"])
                grams = {q[i:i + 3] for i in range(len(q) - 2)}
                for f in homes:
                    for para in raw_texts[f].splitlines():
                        p = squash(para)
                        if any(squash(s) in p for s in group):
                            bad = sorted(g for g in grams if g in p)
                            if bad:
                                errors.append(f"eval {e['id']}: paraphrase shares {bad} with its passage")
    n_neg = counts.get("negative", 0)
    if len(ev) != 40 or n_neg != 10:
        errors.append(f"eval: expected 40 entries / 10 negative, got {len(ev)} / {n_neg}")

    # ---- sizes ----
    for art in truth:
        pass
    print(f"articles={len(truth)} files={len(files)} lists_numbered={n_lists_num} lists_unnumbered={n_lists_un} tasks={n_tasks}")
    print("eval:", len(ev), ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    if errors:
        print("\n".join(errors))
        print(f"FAILED ({len(errors)})")
        sys.exit(1)
    print("OK")


if __name__ == "__main__":
    main()
