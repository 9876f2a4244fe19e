"""PDF: the text lines of a PDF in reading order, with what its layout tells (headings, pages, wrapped lines).

Read with pypdfium2 (Chrome's PDFium; Apache-2.0/BSD). Chosen by measurement against pdfplumber/pdfminer.six and
pypdf (see the README): the same CJK text on our fixtures, ten times faster (5,000 pages in 0.5 s against 4.7 s
and 6.5 s), broken cross-reference tables repaired, nesting depth bounded in C; none of the three orders a
two-column page by itself, so the order is decided here from each character's position:

- characters become line segments (a jump back, down, or across a gap of two characters starts a new one);
- a page whose segments leave a vertical gutter in its middle third, with lines filling both sides, is read
  column by column; a line crossing the gutter (a masthead, a title over both columns) stays where it stands;
- a segment reaching its column's right margin was wrapped there by the typesetter: it continues on the
  next line, even when it looks like a headline ("…关于印发《…污水治理" / "提升行动实施方案》的通知");
- lines in a font clearly larger than the body's are headings; a title over two lines is joined back.

Running headers, footers and page marks are left in place; `clean.running_furniture` and `clean.classify` tell
them by shape, for PDF and plain text alike. A PDF without a text layer (a scan) is refused with a message:
there is no OCR here.
"""

from __future__ import annotations

import re
import statistics
import threading
import time
from collections import Counter
from dataclasses import dataclass

from bot.errors import BulletinError
from bot.textutil import CJK, CN_ORDINALS, CN_YEAR_DIGITS

# Refuse a document longer than this: a bulletin or plan has tens of pages; thousands are hostile or a book.
MAX_PAGES = 500
# Reading stops after this long; at ~11 ms a page (134 pages of text in 1.5 s) only a hostile file reaches it.
MAX_SECONDS = 20.0
# PDFium is not thread-safe; the bot reads uploads in a worker pool.
_PDFIUM = threading.Lock()
_HEADING_SIZE = 1.2  # a heading's font is at least this many times the body's
_INDENT = 1.5  # a line set in this many characters from its column's left edge opens a paragraph
_BAND_GAP = 3.0  # white this many lines high across a two-column page ends its columns
_SENTENCE = re.compile(r"[。！？；，!?;]")
_CJK_CHAR = re.compile(rf"[{CJK}]")
_CLOSING = re.compile(r"[。，、；：？！）》」』”’．,.;:?!)\]]+")
_DATE_ALONE = re.compile(rf"^\s*(?:\d{{4}}|[{CN_YEAR_DIGITS}]{{4}})\s*年\s*[\d{CN_ORDINALS}]{{1,3}}\s*月"
                         rf"\s*[\d{CN_ORDINALS}]{{1,3}}\s*日\s*$")


@dataclass(frozen=True)
class Segment:
    text: str
    x0: float
    x1: float
    top: float  # PDF coordinates: y grows upwards
    bottom: float
    size: float


@dataclass(frozen=True)
class PdfText:
    lines: list[str]
    headings: frozenset[int]
    page_starts: tuple[int, ...]  # line index where each page after the first begins
    wrapped: frozenset[int]  # lines that reached their column's right margin


def read_pdf(data: bytes, max_pages: int = MAX_PAGES, max_seconds: float = MAX_SECONDS) -> PdfText:
    """The text lines of a PDF; BulletinError when it is encrypted, broken, too long, slow or a scan."""
    import pypdfium2 as pdfium

    deadline = time.monotonic() + max_seconds
    with _PDFIUM:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if "password" in str(exc).lower():
                raise BulletinError("这个 PDF 设置了打开密码，无法读取。请发送未加密的文件。") from exc
            raise BulletinError("这个 PDF 文件已损坏，无法打开。") from exc
        try:
            count = len(document)
            if count > max_pages:
                raise BulletinError(f"这个 PDF 有 {count} 页，超过 {max_pages} 页的上限，不像是一份公报。")
            pages = []
            rereader = _Rereader(data)
            for number in range(count):
                if time.monotonic() > deadline:
                    raise BulletinError(f"这个 PDF 读取超时（超过 {max_seconds:.0f} 秒），可能已损坏。")
                page = document[number]
                textpage = page.get_textpage()  # the page's text, read once for both
                try:
                    pages.append(_page_segments(textpage, deadline, max_seconds)
                                 + rereader.lost(page, textpage, number, deadline))
                finally:
                    textpage.close()
                    page.close()
        except pdfium.PdfiumError as exc:
            raise BulletinError("这个 PDF 文件已损坏，无法读取。") from exc
        finally:
            document.close()
    text = "".join(s.text for segments in pages for s in segments if s.text.strip())
    if len(text) < 20:
        raise BulletinError("这个 PDF 没有文字层（可能是扫描件或图片），无法读取文字。请发送可复制文字的 PDF 或 Word 文件。")
    # A font without a Unicode map gives private-use or replacement characters: the text would be gibberish.
    if sum(1 for c in text if "\ue000" <= c <= "\uf8ff" or c == "\ufffd") > 0.3 * len(text):
        raise BulletinError("这个 PDF 的文字无法正确提取（字体缺少编码信息）。请发送 Word 文件或重新导出的 PDF。")
    return _layout(pages)


def _page_segments(textpage, deadline: float, max_seconds: float) -> list[Segment]:
    """The page's characters grouped into line segments, in the file's own order.

    About 15 µs a character: one call into PDFium for its box; its text comes in one call for the page, its
    font size only where the box height changes. The deadline is checked every few thousand characters, so
    one page dense with text cannot hold the reader past it."""
    import ctypes

    import pypdfium2.raw as raw

    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    if len(text) != count:  # characters outside the BMP: read them one by one
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage.raw, i) or 0xFFFE) for i in range(count))
    box = raw.FS_RECTF()
    segments: list[Segment] = []
    chars: list[tuple[str, float, float, float, float, float]] = []
    size = height = 0.0
    for i, char in enumerate(text):
        if i % 4096 == 4095 and time.monotonic() > deadline:
            raise BulletinError(f"这个 PDF 读取超时（超过 {max_seconds:.0f} 秒），可能已损坏。")
        if char in "\r\n\x00\ufffe\uffff":
            continue
        if char == " " and raw.FPDFText_IsGenerated(textpage.raw, i) == 1:
            continue  # a space PDFium inferred from a gap: the gap itself tells
        raw.FPDFText_GetLooseCharBox(textpage.raw, i, ctypes.byref(box))
        x0, y0, x1, y1 = box.left, box.bottom, box.right, box.top
        if abs((y1 - y0) - height) > 0.05 * height or not size:
            height = y1 - y0
            size = raw.FPDFText_GetFontSize(textpage.raw, i) or height
        if chars:
            px0, py0, px1, py1, psize = chars[-1][1:]
            step = max(size, psize, 1.0)
            baseline_moved = abs((y0 + y1) / 2 - (py0 + py1) / 2) > 0.5 * step
            # a headline overhanging its column's edge leaves less than two characters of gutter before the
            # next column's line drawn on its baseline: set in another size, with white between, it is apart
            resized = abs(size - psize) > 0.1 * step and x0 - px1 > 0.5 * min(size, psize)
            if baseline_moved or resized or x0 < px0 - 0.5 * step or x0 - px1 > 2 * step:
                segments.append(_segment(chars))
                chars = []
        chars.append((char, x0, y0, x1, y1, size))
    if chars:
        segments.append(_segment(chars))
    return [s for s in segments if s.text.strip()]


class _Rereader:
    """What PDFium drops, read again with pypdf (BSD-3).

    PDFium's text page leaves out a text object that draws a single CJK glyph through a predefined CMap
    (reportlab's STSong-Light, "(Y\\007) Tj"): a paragraph's last character wrapped onto a line of its own, a
    title's last character, a lone "。". The object is still there, with its position and no text. Such
    objects are found page by page (a few calls per text object), and only their pages are read again with
    pypdf, whose text operations carry their positions: each lost object takes the text drawn at its origin."""

    MAX_LOST = 500  # a document with more lost objects than this is not what this repairs: keep PDFium's text

    def __init__(self, data: bytes):
        self.data = data
        self.reader = None
        self.recovered = 0

    def lost(self, page, textpage, number: int, deadline: float) -> list[Segment]:
        import pypdfium2.raw as raw

        origins = []
        for obj in page.get_objects(max_depth=1):
            if obj.type != raw.FPDF_PAGEOBJ_TEXT:
                continue
            if raw.FPDFTextObj_GetText(obj.raw, textpage.raw, None, 0) <= 2:  # the terminator alone
                left, bottom, _, _ = obj.get_bounds()
                size = _object_size(obj)
                if size > 0:
                    origins.append((left, bottom, size))
        if not origins or self.recovered + len(origins) > self.MAX_LOST or time.monotonic() > deadline:
            return []
        drawn = self._drawn(number)
        out = []
        for x, y, size in origins:
            text = next((t for tx, ty, t in drawn if abs(tx - x) < 0.25 * size and abs(ty - y) < 0.25 * size), "")
            if text:
                width = sum(size if ord(c) > 0x2E7F else 0.5 * size for c in text)
                # boxes as PDFium's loose boxes stand to the baseline (ascent 0.88, descent 0.12 of the size)
                out.append(Segment(text, x, x + width, y + 0.88 * size, y - 0.12 * size, size))
        self.recovered += len(out)
        return out

    def _drawn(self, number: int) -> list[tuple[float, float, str]]:
        """(x, y, text) of every text operation pypdf reads on the page; nothing when it cannot read it."""
        drawn: list[tuple[float, float, str]] = []

        def visit(text, cm, tm, font, size):
            text = text.strip()
            if text:
                x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
                y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                drawn.append((x, y, text))

        try:
            import io

            from pypdf import PdfReader

            if self.reader is None:
                self.reader = PdfReader(io.BytesIO(self.data))
            self.reader.pages[number].extract_text(visitor_text=visit)
        except Exception:  # noqa: BLE001 - a page pypdf cannot read keeps what PDFium read
            return []
        return drawn


def _object_size(obj) -> float:
    import ctypes

    import pypdfium2.raw as raw

    size = ctypes.c_float(0)
    if not raw.FPDFTextObj_GetFontSize(obj.raw, ctypes.byref(size)):
        return 0.0
    a, b, c, d, _, _ = obj.get_matrix().get()
    return float(size.value) * max(abs(d), abs(a), 1e-6) if (a or d) else float(size.value)


def _segment(chars) -> Segment:
    inked = [c for c in chars if not c[0].isspace()] or chars
    return Segment(
        text="".join(c[0] for c in chars).strip(),
        x0=min(c[1] for c in inked), x1=max(c[3] for c in inked),
        top=max(c[4] for c in inked), bottom=min(c[2] for c in inked),
        size=statistics.median(c[5] for c in inked),
    )


def _gutter(segments: list[Segment]) -> float | None:
    """The x of a vertical gutter between two columns of running text, or None for a one-column page.
    Only lines of text tell it: a page mark ("— 2 —") centred under the columns stands in their gutter."""
    segments = [s for s in segments if _CJK_CHAR.search(s.text)]
    if len(segments) < 6:
        return None
    left, right = min(s.x0 for s in segments), max(s.x1 for s in segments)
    width = right - left
    best = None
    for k in range(26, 75):  # candidate gutters across the middle of the text area, 1 % apart
        x = left + width * k / 100
        crossing = sum(1 for s in segments if s.x0 < x < s.x1)
        if best is None or crossing < best[0]:
            best = (crossing, x)
    crossing, x = best
    lhs = [s for s in segments if s.x1 <= x]
    rhs = [s for s in segments if s.x0 >= x]
    if len(lhs) < 3 or len(rhs) < 3 or crossing > 0.3 * (len(lhs) + len(rhs)):
        return None
    # Columns of running text: most lines fill their side (a table's cells and a page's centred
    # headings do not), and the two sides stand next to each other, not one above the other.
    def filled(side: list[Segment], a: float, b: float) -> bool:
        return sum(1 for s in side if s.x1 - s.x0 >= 0.6 * (b - a)) >= 0.5 * len(side)

    side_by_side = min(s.bottom for s in lhs) < max(s.top for s in rhs) and min(s.bottom for s in rhs) < max(
        s.top for s in lhs)
    inner_left = max(s.x1 for s in lhs)
    inner_right = min(s.x0 for s in rhs)
    if side_by_side and filled(lhs, left, inner_left) and filled(rhs, inner_right, right):
        return (inner_left + inner_right) / 2
    return None


def _reading_order(segments: list[Segment]) -> list[list[Segment]]:
    """Blocks of segments in reading order: one per column run, cut by lines crossing the gutter."""
    by_height = sorted(segments, key=lambda s: (-s.top, s.x0))
    gutter = _gutter(segments)
    if gutter is None:
        return [by_height]
    by_height = _masthead_rows(by_height, gutter)
    # where each column's text stops and starts: a line whose last characters (a full stop, a figure) overhang the
    # gutter but stop short of the other column's text is still its column's
    right_starts = [s.x0 for s in segments if s.x0 >= gutter]
    left_ends = [s.x1 for s in segments if s.x1 <= gutter]
    right_start = statistics.median(right_starts) if right_starts else gutter  # a centred masthead line is no column's
    left_end = statistics.median(left_ends) if left_ends else gutter
    blocks: list[list[Segment]] = []
    lhs: list[Segment] = []
    rhs: list[Segment] = []
    lowest = None  # the bottom of the lowest line so far
    for s in by_height:
        if lowest is not None and lowest - s.top > _BAND_GAP * s.size:
            # a band of white across the page ends the columns above it (a footer's 报/送/发 block below)
            blocks += [b for b in (lhs, rhs) if b]
            lhs, rhs = [], []
        lowest = s.bottom if lowest is None else min(lowest, s.bottom)
        if s.x1 <= gutter or s.x1 < right_start - s.size:
            lhs.append(s)
        elif s.x0 >= gutter or s.x0 > left_end + s.size:
            rhs.append(s)
        else:  # a line over both columns ends the column run above it
            blocks += [b for b in (lhs, rhs) if b]
            blocks.append([s])
            lhs, rhs = [], []
    blocks += [b for b in (lhs, rhs) if b]
    return blocks


def _masthead_rows(by_height: list[Segment], gutter: float) -> list[Segment]:
    """A masthead's issuer and date set apart on one baseline over the columns ("…局编" … "2024年7月12日"): one
    line across the gutter, not the first lines of two columns."""
    out: list[Segment] = []
    for s in by_height:
        if out:
            r = out[-1]
            if _same_row(r, s) and r.x1 <= gutter <= s.x0 and (_DATE_ALONE.match(s.text) or _DATE_ALONE.match(r.text)):
                out[-1] = Segment(f"{r.text}　{s.text}", r.x0, s.x1, max(r.top, s.top), min(r.bottom, s.bottom),
                                  max(r.size, s.size))
                continue
        out.append(s)
    return out


def _same_row(a: Segment, b: Segment) -> bool:
    """Two segments on one baseline (within half a character)."""
    return abs(a.bottom - b.bottom) < 0.5 * max(a.size, b.size)


def _rows(block: list[Segment]) -> list[Segment]:
    """Segments on one baseline of a block joined into one line (a date set apart by spaces)."""
    rows: list[Segment] = []
    for s in block:
        if rows and _same_row(rows[-1], s):
            r = rows[-1]
            gap = "" if s.x0 - r.x1 < 0.5 * s.size else " "
            rows[-1] = Segment(r.text + gap + s.text, r.x0, max(r.x1, s.x1), max(r.top, s.top),
                               min(r.bottom, s.bottom), max(r.size, s.size))
        else:
            rows.append(s)
    return rows


def _layout(pages: list[list[Segment]]) -> PdfText:
    # the body's size: the one most characters are set in
    sizes = Counter(round(s.size, 1) for segments in pages for s in segments for _ in s.text)
    body = sizes.most_common(1)[0][0] if sizes else 0.0
    lines: list[str] = []
    headings: set[int] = set()
    wrapped: set[int] = set()
    page_starts: list[int] = []
    for number, segments in enumerate(pages):
        if number:
            page_starts.append(len(lines))
        for block in _reading_order(segments):
            rows = _rows(block)
            # the right margin most full lines reach (a line the typesetter let overflow does not move it)
            ends = sorted(r.x1 for r in rows)
            margin = ends[int(0.8 * (len(ends) - 1))]
            column = margin - min(r.x0 for r in rows)
            left = min(r.x0 for r in rows)
            # the line pitch most rows keep: white of a line or more above a row sets it apart (a 简报 item's
            # headline between its predecessor's last line and its own text), as a blank line does in plain text
            steps = [a.top - b.top for a, b in zip(rows, rows[1:]) if a.top - b.top > 0]
            pitch = statistics.median(steps) if steps else 0.0
            previous: Segment | None = None
            for k, row in enumerate(rows):
                if previous is not None and pitch and previous.top - row.top > 1.6 * pitch and lines and lines[-1]:
                    lines.append("")
                # the next line indented as a paragraph's first is: this one ended its paragraph, however full
                ends_paragraph = k + 1 < len(rows) and rows[k + 1].x0 - left >= _INDENT * rows[k + 1].size
                # a title: larger than the body, short, no sentence inside (a large-print body is no title)
                big = row.size >= _HEADING_SIZE * body and len(row.text) <= 60 and not _SENTENCE.search(row.text)
                if (big and previous is not None and len(lines) - 1 in headings and abs(row.size - previous.size) < 0.5
                        and previous.bottom - row.top < 1.0 * row.size):
                    lines[-1] += row.text  # a title set over two lines
                    previous = row
                    continue
                if previous is not None and lines and lines[-1] and _CLOSING.fullmatch(row.text):
                    # closing punctuation is never set at a line's start: a row of it alone ("。") is the end of the
                    # line above, pushed over the margin
                    lines[-1] += row.text
                    wrapped.discard(len(lines) - 1)
                    previous = row
                    continue
                if big:
                    headings.add(len(lines))
                elif (len(rows) > 1 and row.x1 >= margin - 1.2 * row.size and row.x1 - row.x0 >= 0.5 * column
                      and not ends_paragraph):
                    wrapped.add(len(lines))
                lines.append(row.text)
                previous = row
            lines.append("")  # a column run, a line across the columns: blocks of their own
    return PdfText(lines, frozenset(headings), tuple(page_starts), frozenset(wrapped))
