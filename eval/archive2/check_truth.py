"""Check archive2: every truth.yaml and eval.yaml string is an exact substring of its decoded, whitespace-free file.

Run with an interpreter that has PyYAML and python-docx, e.g.
    .venv/bin/python eval/archive2/check_truth.py   # from the project root
Exits 1 and lists the failures when anything is off.
"""
from __future__ import annotations

import datetime as dt
import html
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"
KINDS = {"paraphrase", "ordinal", "list", "fact", "date", "variant", "who", "when", "unit", "negative"}
CN_DIGITS = "〇一二三四五六七八九"


def decode_docx(path: Path) -> str:
    """Paragraphs and table rows in body order (cells one per line)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = docx.Document(str(path))
    parts = []
    for child in doc.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append(Paragraph(child, doc).text)
        elif tag == "tbl":
            for row in Table(child, doc).rows:
                parts.append("\n".join(c.text for c in row.cells))
    return "\n".join(parts)


def decode_html(raw: bytes) -> str:
    text = raw.decode("utf-8")
    text = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", text)
    text = re.sub(r"(?s)<[^>]+>", "\n", text)
    return html.unescape(text)


def decode(path: Path) -> str:
    if path.suffix == ".docx":
        return decode_docx(path)
    raw = path.read_bytes()
    if path.suffix in (".html", ".htm"):
        return decode_html(raw)
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gbk")


def squash(s: str) -> str:
    return re.sub(r"\s+", "", s)


def cn_number(n: int, year: bool = False) -> str:
    if year:
        return "".join(CN_DIGITS[int(c)] for c in str(n))
    if n < 10:
        return CN_DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else CN_DIGITS[tens]) + "十" + (CN_DIGITS[ones] if ones else "")


def date_forms(iso: str) -> list[str]:
    d = dt.date.fromisoformat(iso)
    return [f"{d.year}年{d.month}月{d.day}日", iso, f"{d.year}年{d.month:02d}月{d.day:02d}日",
            f"{cn_number(d.year, True)}年{cn_number(d.month)}月{cn_number(d.day)}日"]


def main() -> int:
    errors: list[str] = []
    texts = {p.name: squash(decode(p)) for p in sorted(CORPUS.iterdir()) if p.is_file()}
    truth = yaml.safe_load((HERE / "truth.yaml").read_text(encoding="utf-8"))
    seen_files = set()
    n_lists = n_tasks = 0
    for art in truth:
        name = art["file"]
        seen_files.add(name)
        if name not in texts:
            errors.append(f"{name}: file missing")
            continue
        text = texts[name]
        where = lambda s: text.find(squash(s))

        def need(s: str | None, what: str) -> int:
            if s is None:
                return -1
            pos = where(s)
            if pos < 0:
                errors.append(f"{name}: {what} not found: {s}")
            return pos

        need(art["title"], "title")
        for sp in art["speakers"]:
            need(sp, "speaker")
        if art["date"] is not None:
            forms = date_forms(art["date"])
            d = dt.date.fromisoformat(art["date"])
            md = f"{d.month}月{d.day}日"
            if not any(f in text for f in forms) and not (md in text and str(d.year) in text):
                errors.append(f"{name}: date {art['date']} not written in the text")
        for lst in art["lists"]:
            n_lists += 1
            if lst["speaker"] is not None and lst["speaker"] not in art["speakers"]:
                errors.append(f"{name}: list speaker {lst['speaker']} not in speakers")
            a, b = need(lst["first"], "list first"), need(lst["last"], "list last")
            if a >= 0 and b >= 0:
                b = text.find(squash(lst["last"]), a)
                if b < 0:
                    errors.append(f"{name}: last before first: {lst['last']}")
            if lst["ends_before"] is not None and b >= 0:
                need(lst["ends_before"], "ends_before")
                if text.find(squash(lst["ends_before"]), b) < 0:
                    errors.append(f"{name}: ends_before not after last: {lst['ends_before']}")
            if not isinstance(lst["size"], int) or lst["size"] < 2:
                errors.append(f"{name}: bad size {lst['size']}")
        for task in art.get("tasks", []):
            n_tasks += 1
            first = squash(task["first"])
            if not 6 <= len(first) <= 12:
                errors.append(f"{name}: task first not 6-12 chars: {first}")
            need(task["first"], "task first")
            for unit in task["lead"] + task["partners"]:
                need(unit, "task unit")
            dl = task["deadline"]
            if dl is not None and dl != "长期":
                try:
                    dt.date.fromisoformat(dl)
                except ValueError:
                    errors.append(f"{name}: bad deadline {dl}")
    for name in texts:
        if name not in seen_files:
            errors.append(f"{name}: in corpus/ but not in truth.yaml")

    evals = yaml.safe_load((HERE / "eval.yaml").read_text(encoding="utf-8"))
    kinds = Counter(e["kind"] for e in evals)
    ids = Counter(e["id"] for e in evals)
    errors += [f"eval: duplicate id {i}" for i, c in ids.items() if c > 1]
    shared_single = 0
    for e in evals:
        if e["kind"] not in KINDS:
            errors.append(f"eval {e['id']}: unknown kind {e['kind']}")
        if e["kind"] == "negative":
            if e["expect"]:
                errors.append(f"eval {e['id']}: negative with expect")
            continue
        if not e["expect"]:
            errors.append(f"eval {e['id']}: answerable without expect")
        for group in e["expect"]:
            for s in group:
                if not 5 <= len(squash(s)) <= 15:
                    errors.append(f"eval {e['id']}: expect not 5-15 chars: {s}")
            homes = [n for n, t in texts.items() if all(squash(s) in t for s in group)]
            if not homes:
                errors.append(f"eval {e['id']}: group found in no single file: {group}")
            if len(group) == 1 and len(homes) > 1:
                shared_single += 1
    answerable = sum(c for k, c in kinds.items() if k != "negative")
    if len(evals) != 80 or kinds["negative"] != 20:
        errors.append(f"eval: expected 80 questions with 20 negatives, got {len(evals)} / {kinds['negative']}")

    chars = {n: len(re.findall(r"[\u4e00-\u9fff]", t)) for n, t in texts.items()}
    print(f"files={len(texts)} articles={len(truth)} lists={n_lists} tasks={n_tasks}")
    print(f"CJK chars per file: min={min(chars.values())} max={max(chars.values())} total={sum(chars.values())}")
    print(f"questions={len(evals)} answerable={answerable} " + " ".join(f"{k}={v}" for k, v in sorted(kinds.items())))
    print(f"single-string groups found in more than one file: {shared_single}")
    for err in errors:
        print("FAIL", err)
    print("OK" if not errors else f"{len(errors)} failure(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
