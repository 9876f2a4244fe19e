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
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from bot.errors import BulletinError

FORMATS = (".txt", ".md", ".html", ".htm", ".docx")
SENTENCE_END = "。！？!?；;…:："
CLOSERS = "”’」』)）】》\"'"
HEADING_MAX_CHARS = 40
_TRAILING_GROUP = re.compile(r"[(（][^()（）]{1,30}[)）]$")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass(frozen=True)
class Block:
    """A paragraph of a bulletin; headings are kept apart so they never swallow text."""

    text: str
    heading: bool = False


@dataclass(frozen=True)
class LoadedBulletin:
    name: str
    format: str
    encoding: str
    blocks: tuple[Block, ...]


def ends_sentence(line: str) -> bool:
    """True when a line ends a sentence, looking past closing quotes and a trailing byline "(宋伟)"."""
    s = line.rstrip()
    group = _TRAILING_GROUP.search(s)
    if group and group.start() > 0:
        s = s[: group.start()].rstrip()
    s = s.rstrip(CLOSERS)
    return bool(s) and s[-1] in SENTENCE_END


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


def repair_line_breaks(lines: list[str], headings: set[int] | None = None) -> list[Block]:
    """Join lines into paragraphs: a line not ending a sentence continues, across blank lines too."""
    headings = headings or set()
    blocks: list[Block] = []
    current = ""
    for i, raw in enumerate(lines):
        line = raw.strip().strip("\u3000").strip()
        if not line:
            continue
        is_heading = i in headings or (not current and looks_like_heading(line))
        if is_heading:
            if current:
                blocks.append(Block(current))
                current = ""
            blocks.append(Block(line, heading=True))
            continue
        current = _join(current, line) if current else line
        if ends_sentence(current):
            blocks.append(Block(current))
            current = ""
    if current:
        blocks.append(Block(current))
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
            line = re.sub(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+", "", line)  # list bullets
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
    title = trafilatura.extract_metadata(html)
    lines, headings = _markdown_lines(extracted)
    if title and title.title and title.title.strip() not in extracted[:200]:
        lines.insert(0, title.title.strip())
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
    blocks = repair_line_breaks(text_check.split("\n"), headings)
    if not blocks:
        raise BulletinError("文件中没有可用的正文。")
    return LoadedBulletin(name=Path(name).name, format=fmt, encoding=encoding, blocks=tuple(blocks))


def load_file(path: Path, max_bytes: int | None = None, max_unpacked: int | None = None) -> LoadedBulletin:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BulletinError(f"无法读取文件 {path.name}：{exc.strerror}") from exc
    return load_bulletin(data, path.name, max_bytes, max_unpacked)
