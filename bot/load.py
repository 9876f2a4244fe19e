"""Load: a bulletin file (any supported format and encoding) becomes clean paragraphs.

Newspaper text extraction leaves line breaks inside sentences ("都市农" / "业、文旅康养");
they are repaired by rule: a line that does not end a sentence continues on the next
non-empty line, unless it is a heading.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from charset_normalizer import from_bytes

from bot.clean import Line, clean_lines
from bot.errors import BulletinError

FORMATS = (".txt", ".md", ".html", ".htm", ".docx")
SENTENCE_END = "。！？!?；;…:："
CLOSERS = "”’」』)）】》\"'"
HEADING_MAX_CHARS = 40
# A trailing group — a byline "(宋伟)", a note "[牵头单位：…]" — is looked past when deciding a sentence ends.
_TRAILING_GROUP = re.compile(r"[(（\[【［][^()（）\[\]【】［］]{1,60}[)）\]】］]$")
# "本报讯", "本网讯（记者…）": a news opening always starts a paragraph.
# (traditional forms too: 本報訊)
NEWS_OPENER = r"(?:本[报報][^，,。（()）\s]{0,12}?[讯訊]|[\u4e00-\u9fff]{1,8}[讯訊](?=[\s（(【\d])|【[^】]{0,12}】)"
NEWS_OPENING = re.compile(rf"^{NEWS_OPENER}")
# A list marker at the start of a line starts a paragraph: "（二）…", "三、…", "1、…", "第二，…".
LINE_MARKER = re.compile(r"^(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[、.．](?!\d)"
                         r"|第[一二三四五六七八九十]{1,3}[，,、：:])")
# Paragraphs pasted onto one line keep a space after their last full stop.
_PASTED_BREAK = re.compile(r"(?<=[。！？!?])[ \u3000]+(?=[\u4e00-\u9fff“\"（(])")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Block:
    """A paragraph of a bulletin; headings are kept apart so they never swallow text.

    `meta` blocks are page or document fields carrying a date (发布时间…, a masthead, a signature date, a
    文号): never article text, but the article step reads dates and headline evidence from them."""

    text: str
    heading: bool = False
    meta: bool = False
    noise: bool = False  # dropped page noise, kept in sequence so each article can show what it lost
    gap: bool = False  # a blank line or dropped noise stood before it (a two-line headline has none)
    bullet: bool = False
    date: tuple[int, int, int] | None = None
    role: str = ""


@dataclass(frozen=True)
class LoadedBulletin:
    name: str
    format: str
    encoding: str
    blocks: tuple[Block, ...]
    dropped: tuple[str, ...] = ()  # lines removed as page noise, in order


# A table row as text: three or more cells between "|" ("序号 | 工作任务 | 牵头单位", "| 1 | … |", "|---|---|").
TABLE_ROW = re.compile(r"^\|?[^|\n]+(?:\|[^|\n]*){2,}$")


def ends_sentence(line: str) -> bool:
    """True when a line ends a sentence, looking past closing quotes and a trailing byline "(宋伟)"."""
    s = line.rstrip()
    group = _TRAILING_GROUP.search(s)
    if group and group.start() > 0:
        s = s[: group.start()].rstrip()
    s = s.rstrip(CLOSERS)
    # a half-width full stop after a Chinese character ends a sentence too (mixed punctuation)
    return bool(s) and (s[-1] in SENTENCE_END or (s[-1] == "." and len(s) > 1 and "\u4e00" <= s[-2] <= "\u9fff"))


def looks_like_heading(line: str) -> bool:
    """A short line with no sentence punctuation at its end or inside: a headline, not a broken sentence."""
    s = line.strip()
    return (
        0 < len(s) <= HEADING_MAX_CHARS
        and not ends_sentence(s)
        and not re.search(r"[。！？!?；;，,、]$", s)
        and not re.search(r"[。，,：:；;]", s)  # headlines carry no clause punctuation
    )


def _join(a: str, b: str) -> str:
    # Latin words broken across lines need their space back; Chinese does not.
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        return f"{a} {b}"
    return a + b


def repair_line_breaks(lines: list[str] | list[Line], headings: set[int] | None = None,
                       blank_breaks: bool | None = None) -> list[Block]:
    """Join lines into paragraphs: a line not ending a sentence continues on the next one.

    Lines may be cleaned `Line`s: noise is skipped, metadata and bullets start blocks of their own."""
    headings = headings or set()
    blocks: list[Block] = []
    current = ""
    current_bullet = False
    gap = False
    texts = [(x.text if isinstance(x, Line) else x).strip() for x in lines]
    # Extraction that double-spaces every line leaves blank lines inside sentences; elsewhere a blank
    # line ends a paragraph (unless page noise such as "- 2 -" stood in it: a page break).
    blank = sum(1 for t in texts if not t)
    if blank_breaks is None:  # plain text: decide from the text itself
        blank_breaks = blank < 0.8 * (len(texts) - blank)
    blank_since_text = noise_since_text = False

    def add(block: Block) -> None:
        nonlocal gap
        blocks.append(replace(block, gap=gap))
        gap = False

    def flush() -> None:
        nonlocal current, current_bullet
        if current:
            add(Block(current, bullet=current_bullet))
        current, current_bullet = "", False

    for i, raw in enumerate(lines):
        item = raw if isinstance(raw, Line) else Line(raw)
        line = item.text.strip().strip("\u3000").strip()
        if not line:
            gap = gap or not current
            blank_since_text = True
            continue
        if item.kind == "noise":
            blocks.append(Block(line, noise=True))  # never joins or splits the paragraph around it
            gap = gap or not current
            noise_since_text = True
            continue
        if current and blank_since_text and not noise_since_text and blank_breaks:
            flush()
        blank_since_text = noise_since_text = False
        if item.kind == "meta":
            flush()
            add(Block(line, meta=True, date=item.date, role=item.role))
            continue
        if TABLE_ROW.match(line):  # a table's row (text or markdown, as docx rows are made): a paragraph of its own
            flush()
            if re.search(r"[^\s|:\-]", line):  # a markdown rule row "|---|---|" carries nothing
                add(Block(line))
            continue
        is_heading = not item.bullet and (i in headings or (not current and looks_like_heading(line)))
        if is_heading:
            flush()
            add(Block(line, heading=True))
            continue
        if item.bullet or NEWS_OPENING.match(line) or LINE_MARKER.match(line):
            flush()
            current_bullet = item.bullet
        current = _join(current, line) if current else line
        if ends_sentence(current):
            flush()
    flush()
    return blocks


def decode(data: bytes) -> tuple[str, str]:
    """Decode bytes with UTF-8 (with or without BOM) first, then charset-normalizer's best guess."""
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise BulletinError("文件看起来是二进制文件，不是文本公报。")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data, cp_isolation=["gb18030", "big5", "utf_16", "utf_8"]).best() or from_bytes(data).best()
    if best is None:
        raise BulletinError("无法识别文件编码（支持 UTF-8、GB18030/GBK、Big5）。")
    return str(best), best.encoding


def _check_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t")
    if controls > max(5, len(text) // 100):
        raise BulletinError("文件看起来是二进制文件，不是文本公报。")
    if not _CJK.search(text):
        raise BulletinError("文件中没有中文正文，不像是一份公报。")
    return text


def _markdown_lines(text: str) -> tuple[list[str], set[int]]:
    lines, headings = [], set()
    for line in text.split("\n"):
        m = re.match(r"^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$", line)
        if m:
            headings.add(len(lines))
            line = m.group(2)
        else:
            line = re.sub(r"^\s{0,3}[-*+]\s+", "- ", line)  # bullets stay bullets (a list's shape)
            line = re.sub(r"^\s{0,3}>\s?", "", line)  # block quotes
        line = re.sub(r"(\*\*|__|\*|`)", "", line)
        line = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", line)
        lines.append(line)
    return lines, headings


def _html_lines(data: bytes) -> tuple[list[str], set[int], str]:
    import trafilatura

    html, encoding = decode(data)
    # trafilatura keeps the main text and drops scripts, styles and navigation.
    extracted = trafilatura.extract(
        html, output_format="markdown", include_comments=False, include_tables=True, favor_recall=True
    )
    # Navigation, menus and footers are link lists without sentences; a bulletin has sentences.
    if not extracted or not _CJK.search(extracted) or not re.search(r"[\u4e00-\u9fff][^\n]{8,}[。！？!?]", extracted):
        raise BulletinError("网页中没有找到正文（可能只有导航或脚本）。")
    meta = trafilatura.extract_metadata(html)
    lines, headings = _markdown_lines(extracted)
    # The page's own date (meta tags, the info bar) gives an article's year when its dateline has none.
    if meta and meta.date and meta.date[:10] not in extracted[:400]:
        lines.insert(0, f"发布时间：{meta.date[:10]}")
        headings = {h + 1 for h in headings}
    title = meta.title.strip() if meta and meta.title else ""
    title = re.split(r"\s*[_|｜]\s*", title)[0].strip()  # "标题_栏目_网站" in <title>
    first_lines = [x.strip("# ").strip() for x in extracted.split("\n")[:6]]
    if title and title not in first_lines:
        lines.insert(0, title)
        headings = {h + 1 for h in headings} | {0}
    return lines, headings, encoding


def check_unpacked_size(data: bytes, max_unpacked: int) -> None:
    """Refuse a zip whose content would exceed `max_unpacked` bytes once decompressed (a zip bomb).

    The declared sizes are checked first (instant); then every entry is streamed through the
    decompressor with a running count, so an entry lying about its size is caught as well, in
    bounded memory, before any XML parser sees it."""
    too_big = BulletinError(f"文件解压后超过 {max_unpacked / 1048576:.0f} MB，不像是一份公报（可能是压缩炸弹）。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            entries = z.infolist()
            if sum(e.file_size for e in entries) > max_unpacked:
                raise too_big
            total = 0
            for entry in entries:
                with z.open(entry) as stream:
                    while chunk := stream.read(1 << 20):
                        total += len(chunk)
                        if total > max_unpacked:
                            raise too_big
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError, OSError, ValueError) as exc:
        raise BulletinError("这个 .docx 文件无法打开（不是有效的 Word 文档）。") from exc


def _docx_lines(data: bytes, max_unpacked: int | None = None) -> tuple[list[str], set[int]]:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if max_unpacked is not None:
        check_unpacked_size(data, max_unpacked)
    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise BulletinError("这个 .docx 文件无法打开（不是有效的 Word 文档）。") from exc
    except Exception as exc:  # noqa: BLE001 - malformed XML inside (lxml's own errors): this file only
        raise BulletinError(f"这个 .docx 文件已损坏，无法读取（{type(exc).__name__}）。") from exc
    lines: list[str] = []
    headings: set[int] = set()
    body = document.element.body
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            para = docx.text.paragraph.Paragraph(child, document)
            style = (para.style.name if para.style is not None else "") or ""
            if style.lower().startswith(("heading", "title")) and para.text.strip():
                headings.add(len(lines))
            lines.append(para.text)
            lines.append("")
        elif tag == "tbl":
            table = docx.table.Table(child, document)
            for row in table.rows:
                cells = []
                for cell in row.cells:
                    t = cell.text.strip()
                    if t and (not cells or cells[-1] != t):  # merged cells repeat their text
                        cells.append(t)
                if cells:
                    row_text = " | ".join(cells)
                    lines.append(row_text if ends_sentence(row_text) else row_text + "。")
                    lines.append("")
    return lines, headings


def load_bulletin(data: bytes, name: str, max_bytes: int | None = None,
                  max_unpacked: int | None = None) -> LoadedBulletin:
    """Turn a bulletin file's bytes into paragraphs; raise BulletinError with a reason when it can't.
    `max_unpacked` caps what a .docx may decompress to."""
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        raise BulletinError(f"不支持的文件类型 {suffix or '(无扩展名)'}；支持 {'、'.join(FORMATS)}。")
    if not data or not data.strip():
        raise BulletinError("文件是空的。")
    if max_bytes is not None and len(data) > max_bytes:
        raise BulletinError(f"文件太大（{len(data) / 1048576:.1f} MB，上限 {max_bytes / 1048576:.1f} MB）。")
    headings: set[int] = set()
    if suffix == ".docx":
        lines, headings = _docx_lines(data, max_unpacked)
        encoding, fmt = "docx", "docx"
    elif suffix in (".html", ".htm"):
        lines, headings, encoding = _html_lines(data)
        fmt = "html"
    else:
        text, encoding = decode(data)
        text = _check_text(text)
        fmt = suffix.lstrip(".")
        if suffix == ".md":
            lines, headings = _markdown_lines(text)
        else:
            lines = text.split("\n")
    text_check = _check_text("\n".join(lines))
    lines = text_check.split("\n")
    # split paragraphs pasted onto one line ("…。 郝远征要求，…"); markup headings keep their place
    split_lines: list[str] = []
    moved: set[int] = set()
    for i, line in enumerate(lines):
        if i in headings:
            moved.add(len(split_lines))
        split_lines += _PASTED_BREAK.split(line) if i not in headings else [line]
    lines, headings = split_lines, moved
    cleaned = clean_lines(lines, headings)
    # Markup (Markdown, HTML, Word) separates paragraphs for real: a blank line there always ends one.
    blocks = repair_line_breaks(cleaned, headings, blank_breaks=True if fmt in ("md", "html", "docx") else None)
    if not any(not b.noise and not b.meta for b in blocks):
        raise BulletinError("文件中没有可用的正文。")
    dropped = tuple(b.text for b in blocks if b.noise)
    return LoadedBulletin(name=Path(name).name, format=fmt, encoding=encoding, blocks=tuple(blocks), dropped=dropped)


def load_file(path: Path, max_bytes: int | None = None, max_unpacked: int | None = None) -> LoadedBulletin:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BulletinError(f"无法读取文件 {path.name}：{exc.strerror}") from exc
    return load_bulletin(data, path.name, max_bytes, max_unpacked)
