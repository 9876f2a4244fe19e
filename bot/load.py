"""Load: a bulletin file (any supported format and encoding) becomes clean paragraphs.

Each format has its reader (`READERS = {suffix: reader}`); every reader returns one shape, a `Reading`:
lines in reading order, the headings its markup or layout marks, its pages and the lines it saw wrapped at
the margin. From there all formats go the same way: page furniture out (`clean`), wrapped lines joined,
paragraphs repaired.

Newspaper and PDF text extraction leaves line breaks inside sentences ("都市农" / "业、文旅康养");
they are repaired by rule: a line that does not end a sentence continues on the next
non-empty line, unless it is a heading.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from html import unescape
from pathlib import Path

from charset_normalizer import from_bytes

from bot.analysis import char_bigrams
from bot.clean import FIELD_KEYS, FIELD_LABEL, Line, clean_lines, full_date, running_furniture
from bot.errors import BulletinError
from bot.textutil import CJK, CN_ORDINALS, FULL_STOPS, SENTENCE_ENDS, is_cjk, left_open
from bot.units import TASK_FIELD

SENTENCE_END = SENTENCE_ENDS + "…:："
CLOSERS = "”’」』)）】》\"'"
HEADING_MAX_CHARS = 40
TITLE_MAX_CHARS = 80  # the longest line read as a title (a document's full name); articles.TITLE_MAX
# A banner or menu item above a page's headline: a short label without digits, fields or sentence marks.
_MENU_ITEM = re.compile(r"[^\d:：。；;，,！？!?]{1,16}")
_FURNITURE_LINES = 8
# A page heading sharing this much of the <title>'s character pairs names the same document in full.
HEADLINE_SHARE = 0.6
# A trailing group — a byline "(宋伟)", a note "[牵头单位：…]" — is looked past when deciding a sentence ends.
_TRAILING_GROUP = re.compile(r"[(（\[【［][^()（）\[\]【】［］]{1,60}[)）\]】］]$")
# "本报讯", "本网讯（记者…）": a news opening always starts a paragraph.
# (traditional forms too: 本報訊)
# A bracketed source ("【新华社讯】", "【县融媒体中心消息】") opens a story; a post's section label ("【进展】",
# "【对话】") only names a part of the same one.
NEWS_OPENER = (rf"(?:本[报報][^，,。（()）\s]{{0,12}}?[讯訊]|[{CJK}]{{1,8}}[讯訊](?=[\s（(【\d])"
               rf"|【(?!(?:{FIELD_KEYS})】)[^】]{{0,12}}(?:[讯訊电電]|消息)】)")
NEWS_OPENING = re.compile(rf"^{NEWS_OPENER}")
# A 简报's contents with their entries on the label's line: "【本期要目】区城管局推动…；柳塘街道…", or a post's
# "今日导读｜县委书记…；副县长…" (the label unbracketed, then a separator)
INLINE_CONTENTS = re.compile(r"^(?:[【\[［](?:本期|今日)?(?:要目|目录|导读)[】\]］]\s*[:：｜|]?"
                             r"|(?:本期|今日)(?:要目|目录|导读)\s*[:：｜|])\s*(?P<entries>\S.*)$")
# A list marker at the start of a line starts a paragraph: "（二）…", "三、…", "1、…", "第二，…".
LINE_MARKER = re.compile(rf"^(?:[（(][{CN_ORDINALS}\d]{{1,3}}[）)]|[{CN_ORDINALS}]{{1,3}}、|\d{{1,2}}[、.．](?!\d)"
                         rf"|第[{CN_ORDINALS}]{{1,3}}[，,、：:])")
# A line opening a point of a sub-list ("一是…", "一要…") or any marked point.
_POINT_LINE = re.compile(rf"^(?:[{CN_ORDINALS}]{{1,2}}[是要](?!否|不是|求)|{LINE_MARKER.pattern[1:]})")
# Paragraphs pasted onto one line keep a space after their last full stop.
_PASTED_BREAK = re.compile(rf"(?<=[{FULL_STOPS}])[ \u3000]+(?=[{CJK}“\"（(])")
_CJK = re.compile(rf"[{CJK}]")


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


_OPEN_FIELD_MAX = 400
_GROUP_TAIL = 64  # a trailing group is at most 62 characters
# A document's full name ("关于开展…专项检查的通知") set as wide as the text: it ends its line, and the addressee
# line after it ("各镇人民政府、街道办事处：") opens the text.
_DOCUMENT_NAME = re.compile(r"^[^。；;！？!?：:]*关于[^。；;！？!?：:]{2,80}的(?:通知|意见|方案|办法|决定|通报|报告|批复|函|规定|细则)》?$")
_ADDRESSEE = re.compile(r"^[^。；;！？!?]{2,80}[：:]$")
# … or its first line when it wraps in a narrow column ("各乡镇人民政府，县政府各部门，县直各单" / "位："): who a
# notice is sent to opens with 各 and names a body before its first comma.
_ADDRESSEE_OPENS = re.compile(rf"^各[{CJK}]{{2,20}}(?:[，,、：:]|$)")
# … and the end of such a name set over two lines ("…关于印发《聆溪县202" / "4—2025年…实施方案》的通知").
_DOCUMENT_NAME_END = re.compile(r"^[^。；;！？!?：:]*的(?:通知|意见|方案|办法|决定|通报|报告|批复|函|规定|细则)》?$")


def _addressed_after(name: str, line: str) -> bool:
    """`line` is whom the document `name` ends is sent to: the two never run together."""
    line = line.strip()
    return bool(_DOCUMENT_NAME_END.search(name.strip()) and (_ADDRESSEE.match(line) or _ADDRESSEE_OPENS.match(line)))


def ends_sentence(line: str) -> bool:
    """True when a line ends a sentence, looking past closing quotes and a trailing byline "(宋伟)"."""
    s = line.rstrip()
    group = _TRAILING_GROUP.search(s, max(0, len(s) - _GROUP_TAIL))  # at its end: a long paragraph is not rescanned
    if group and group.start() > 0:
        s = s[: group.start()].rstrip()
    s = s.rstrip(CLOSERS)
    # a field opened in brackets and cut at its label ("…景点。（牵头单位：" over a page break) has not ended — in a
    # paragraph of a point's length (a file of such lines is not read as one endless paragraph)
    if s[-1:] in "：:" and len(s) <= _OPEN_FIELD_MAX and left_open(s):
        return False
    # a half-width full stop after a Chinese character ends a sentence too (mixed punctuation)
    # an arrow pointing on ("家长速看→", "👇") closes a post's headline as a stop does
    return bool(s) and (s[-1] in SENTENCE_END + "→↓⬇👇" or (s[-1] == "." and len(s) > 1 and is_cjk(s[-2])))


# A 简报 or WeChat headline led by the place or unit it reports on ("芦渡镇：“四查四清”扎实做好汛前准备",
# "县住建局：老旧小区改造提速"): its one colon follows a name, not a clause ("会议强调：…", "主持人：…").
_NAMED_HEADLINE = re.compile(rf"^[{CJK}]{{2,12}}(?:镇|乡|街道|村|社区|县|区|市|局|委|办|园区|中心)[：:](?=.{{6}})")


def looks_like_heading(line: str) -> bool:
    """A short line with no sentence punctuation at its end or inside: a headline, not a broken sentence."""
    s = line.strip()
    rest = _NAMED_HEADLINE.sub("", s, count=1)
    return (
        # (a document's full name runs longer: "XX区人民政府办公室关于印发《…实施方案》的通知")
        0 < len(s) <= (TITLE_MAX_CHARS if _DOCUMENT_NAME.match(s) else HEADING_MAX_CHARS)
        and not ends_sentence(s)
        and not re.search(rf"[{SENTENCE_ENDS}，,、]$", s)
        and not re.search(r"[。，,：:；;]", rest)  # headlines carry no clause punctuation
        and not FIELD_LABEL.match(s)  # "【地点】县融媒体中心": a field, its label in brackets instead of a colon
        # a bracket left open ("（一）动员部署阶段（2024年11月25日至11月" over "30日）。…"): a sentence cut at the
        # line's end, its heading and text one paragraph
        and not left_open(s)
    )


def _ends_paragraph(line: str) -> bool:
    """A line that can end a paragraph: a sentence's end, a headline, an address ("同志们：") or a numbered
    section heading, short, whatever its commas ("一、正视短板，把城市管理摆到更加突出的位置")."""
    s = line.strip()
    return ends_sentence(s) or looks_like_heading(s) or s.endswith(("：", ":")) or section_heading(s)


def section_heading(line: str) -> bool:
    """A numbered section heading, short, whatever its commas ("一、正视短板，把城市管理摆到更加突出的位置")."""
    return len(line) <= HEADING_MAX_CHARS and bool(LINE_MARKER.match(line)) and not re.search(r"[，,、：:]$", line)


def _join(a: str, b: str) -> str:
    # Latin words broken across lines need their space back; Chinese does not, nor a figure broken in
    # Chinese text ("7月2" / "0日前完成").
    if a and b and a[-1].isascii() and a[-1].isalnum() and b[0].isascii() and b[0].isalnum():
        figure = a[-1].isdigit() and b[0].isdigit() and _CJK.search(a[-12:] + b[:12])
        return a + b if figure else f"{a} {b}"
    return a + b


# A bracketed label alone on its line, dropped as furniture ("【工作动态】", "【下步打算】"), but where it stands a part
# of the text begins.
_SECTION_LABEL = re.compile(rf"^[【\[［][{CJK}]{{2,8}}[】\]］]$")
# A line opening with such a label and going on ("【要闻二】全县…部署会召开"): a post's headline or a contents entry
# under its column, never the rest of the line above it.
_LABELLED_LINE = re.compile(rf"^[【\[［][{CJK}]{{2,8}}[】\]］]\s*\S")
# What a report's section label says its part holds: news, plans, lessons, problems ("【工作动态】", "【下步安排】").
_WORK_SECTION = re.compile(r"动态|进展|安排|打算|计划|经验|做法|问题|不足|成效|措施|建议|部署|情况|亮点|下步|下一步")


# A record's field on its own line ("地　点：县政府新闻发布厅", "发布人：县商务局局长　邵明川"), and the short lines listing
# more of it under it ("　　　　县财政局副局长　戴　静"): each its own paragraph, however it ends.
_LISTED_MAX = 30
_RECORD_FIELD = re.compile(r"^(?:%s)\s*[:：]" % "|".join(r"\s*".join(key) for key in FIELD_KEYS.split("|")))


def _opens_sentence(line: str, texts: list[str], start: int) -> bool:
    """A short line left open in a name's brackets ("《聆溪县2024—2025年冬季清洁取") whose next line is no headline
    ("暖实施方案》已经县政府同意，…"): a paragraph's first line cut by a narrow column, not a headline."""
    if not left_open(line, "《“", "》”"):
        return False
    following = next((texts[k] for k in range(start, len(texts)) if texts[k]), "")  # (no copy of the rest per line)
    return bool(following) and not looks_like_heading(following)


# A photo's caption in a post ("▲ 开幕当晚，…（记者 摄）", "▲ 网格员在…开展巡查").
CAPTION = re.compile(r"^\s*[▲△]")
# A line that ends where it ends whatever its last character: a caption, or a short field ("审核：温岚"); a bulleted
# line does too (`Line.bullet`).
_ENDS_ITS_LINE = re.compile(rf"{CAPTION.pattern}|^[^\s：:，,。]{{1,6}}[：:][^：:，,。]{{1,14}}$")


# A point's task fields on a line of their own ("（牵头单位：县水利局；…完成时限：2024年7月15日）" after "2.审核认定。…系统。"):
# the fields of the paragraph above, not a paragraph after it (which a list would leave to the point over it).
_TASK_FIELDS_LINE = re.compile(rf"^[（(]\s*{TASK_FIELD.pattern}")


def _reopened(blocks: list[Block], line: str) -> str:
    """The paragraph above, taken back from `blocks` to go on with `line` when the line is its task fields; page
    noise between them stays where it stood. "" when the line opens a paragraph of its own."""
    if not _TASK_FIELDS_LINE.match(line):
        return ""
    j = next((k for k in range(len(blocks) - 1, -1, -1) if not blocks[k].noise), None)
    if j is None or blocks[j].heading or blocks[j].meta or TABLE_ROW.match(blocks[j].text) or any(
            b.role for b in blocks[j + 1:]):
        return ""
    return blocks.pop(j).text


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
        # Blank lines after most lines are paragraph breaks when the lines before them end sentences or are
        # headlines (a short post, one paragraph a line); inside sentences, they are double spacing.
        after = [k - 1 for k in range(1, len(texts)) if not texts[k] and texts[k - 1]]
        # (a bulleted line, a photo's caption, a short field and page furniture end where their line ends too:
        # "● 暴雨来袭，城区排涝连夜奋战", "▲ 开幕当晚，…（记者 摄）", "审核：温岚")
        ended = sum(1 for k in after if _ends_paragraph(texts[k]) or _ENDS_ITS_LINE.match(texts[k])
                    or (isinstance(lines[k], Line) and (lines[k].kind != "text" or lines[k].bullet)))
        blank_breaks = blank < 0.8 * (len(texts) - blank) or ended >= 0.8 * len(after)
    blank_since_text = noise_since_text = False
    section = False  # the paragraph so far is one numbered line short enough to be a section's heading
    listing = False  # the line before was a record's field (or a line listing more of it)

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
            label_role = ""
            if _SECTION_LABEL.match(line):
                flush()  # a 简报's or post's section label ("【工作动态】") ends what stood above it
                # a report's part named by what it holds ("【下步安排】"): furniture to the article split, but kept
                # in the article's text, where it names the list under it (a post's column, "【要闻一】", is not)
                label_role = "section" if _WORK_SECTION.search(line) else ""
            blocks.append(Block(line, noise=True, role=label_role))  # page noise never joins or splits the paragraph around it
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
        if _RECORD_FIELD.match(line) or (listing and len(line) <= _LISTED_MAX and not re.search(r"[：:。；;！？!?]", line)):
            flush()
            add(Block(line))
            listing = True
            continue
        listing = False
        is_heading = not item.bullet and (i in headings or (not current and looks_like_heading(line)
                                                             and not _opens_sentence(line, texts, i + 1)))
        if is_heading:
            flush()
            add(Block(line, heading=True))
            continue
        if current and section and (_POINT_LINE.match(line) or item.text[:1] in " \u3000\t"):
            # "一、看清形势，把…作为新引擎" alone on its line is a section heading when what follows opens a
            # point or an indented paragraph of its own ("　　一是资源禀赋独特。…"), not its continuation.
            flush()
        section = False
        if item.bullet or NEWS_OPENING.match(line) or LINE_MARKER.match(line) or _LABELLED_LINE.match(line):
            flush()
            current_bullet = item.bullet
            section = section_heading(line)
        elif not current:
            current = _reopened(blocks, line)
        elif _addressed_after(current, line):
            # a notice's name, its lines run together, then whom it is sent to: the name is the document's title
            add(Block(current, heading=True))
            current, current_bullet = "", False
        current = _join(current, line) if current else line
        if ends_sentence(current) or INLINE_CONTENTS.match(current):
            flush()  # a 简报's contents on its label's line ("【本期要目】A；B") end there, stop or not
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


def _table_row(cells: list[str]) -> str:
    """A table row as one line, the same from every format: its non-empty cells joined by " | " (a merged
    cell repeats its text once); a section row ("一、稳增长扩投资") is its one cell;
    a Markdown rule row ("---|:---") is nothing."""
    kept: list[str] = []
    for cell in cells:
        t = cell.strip()
        if t and (not kept or kept[-1] != t):
            kept.append(t)
    if not kept or all(set(c) <= set("-:：— ") for c in kept):
        return ""
    return " | ".join(kept)


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
            if line.strip().startswith("|") and line.strip().endswith("|"):  # a table row "| 1 | … | … |"
                line = _table_row(line.strip()[1:-1].split("|"))
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
    if not extracted or not _CJK.search(extracted) or not re.search(rf"[{CJK}][^\n]{{8,}}[{FULL_STOPS}]", extracted):
        raise BulletinError("网页中没有找到正文（可能只有导航或脚本）。")
    meta = trafilatura.extract_metadata(html)
    title = meta.title.strip() if meta and meta.title else ""
    title = _title_over_site_name(html, title)
    title = re.split(r"\s*[_|｜]\s*", title)[0].strip()  # "标题_栏目_网站" in <title>
    title = _page_headline(html, title, extracted) or title
    lines, headings = _markdown_lines(extracted)
    lines, headings = _past_furniture(lines, headings, title)
    # The page's own date (meta tags, the info bar) gives an article's year when its dateline has none.
    if meta and meta.date and meta.date[:10] not in extracted[:400]:
        lines.insert(0, f"发布时间：{meta.date[:10]}")
        headings = {h + 1 for h in headings}
    first_lines = [x.strip("# ").strip() for x in extracted.split("\n")[:6]]
    if title and title not in first_lines:
        lines.insert(0, title)
        headings = {h + 1 for h in headings} | {0}
    return lines, headings, encoding


def _past_furniture(lines: list[str], headings: set[int], title: str) -> tuple[list[str], set[int]]:
    """The lines from the page's headline on, when only a banner and menu items stand before it.

    A small page's extraction keeps the site banner and the menu ("禾丰县人民政府", "首页", "政务公开"), which
    would run into the headline; metadata fields (索引号：…, 发布日期：…) and sentences before it stay."""
    top = [x.strip("# ").strip() for x in lines[:_FURNITURE_LINES]]
    if not title or title not in top:
        return lines, headings
    at = top.index(title)
    if at == 0 or not all(_MENU_ITEM.fullmatch(x) for x in top[:at] if x):
        return lines, headings
    return lines[at:], {h - at for h in headings if h >= at}


def _title_over_site_name(html: str, title: str) -> str:
    """The <title> element's lead when the extractor's title is only the site's or column's name.

    A portal's banner is its page's only <h1> ("XX县人民政府"), which the extractor takes as the title; the
    <title> element reads "标题_栏目_网站", so a title that is its last part names the site, not the page."""
    found = re.search(r"<title[^>]*>(.*?)</title>", html, re.S | re.I)
    if not found or not title:
        return title
    parts = [p.strip() for p in re.split(r"\s*[_|｜]\s*|\s+-\s+", unescape(found.group(1))) if p.strip()]
    if len(parts) > 1 and title.strip() == parts[-1] != parts[0]:
        return parts[0]
    return title


def _page_headline(html: str, title: str, extracted: str) -> str | None:
    """The page's own headline (<h1>…<h3>) when it is the <title> written out in full and the extracted text
    lost it.

    A portal's <title> is often a shortened label ("…任务分工表") of the document its page heading names
    ("…关于印发…任务分工的通知"), and the extractor may drop that heading as page furniture. A heading that
    shares most of the title's character pairs is the same document's fuller name; a site name or a
    column heading shares few."""
    if not title:
        return None
    kept = re.sub(r"\s+", "", extracted)
    import lxml.html

    try:
        doc = lxml.html.document_fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    wanted = set(char_bigrams(title))
    if not wanted:
        return None
    shortest = len(re.sub(r"\s+", "", title)) + 1  # the heading says more than the title
    for el in doc.iter("h1", "h2", "h3"):
        text = re.sub(r"\s+", "", el.text_content())
        if not shortest <= len(text) <= 80:
            continue
        if text in kept:
            return None  # the extractor kept the page's heading: it is found where it stands
        if len(wanted & set(char_bigrams(text))) / len(wanted) >= HEADLINE_SHARE:
            return text
    return None


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
                row_text = _table_row([cell.text for cell in row.cells])
                if row_text:
                    lines.extend((row_text if "|" not in row_text or ends_sentence(row_text) else row_text + "。", ""))
    return lines, headings


@dataclass(frozen=True)
class Reading:
    """What a reader makes of a file, the one shape every format comes in.

    `markup`: blank lines there are real paragraph ends (Markdown, HTML, Word); elsewhere the text decides.
    `page_starts`: line indexes where a page begins (PDF); plain text gets its pages from its page marks.
    `wrapped`: lines that reached the right margin, so they continue on the next line (PDF layout)."""

    lines: list[str]
    format: str
    encoding: str
    headings: frozenset[int] = frozenset()
    markup: bool = False
    page_starts: tuple[int, ...] | None = None
    wrapped: frozenset[int] = field(default_factory=frozenset)


@dataclass(frozen=True)
class ReadLimits:
    """What a reader may spend on one file."""

    max_unpacked: int | None = None  # a .docx (zip) larger than this once unpacked is refused


def _read_text(data: bytes, limits: ReadLimits) -> Reading:
    text, encoding = decode(data)
    lines = _check_text(text).split("\n")
    return Reading(lines, "txt", encoding, wrapped=hard_wrapped(lines))


def _read_markdown(data: bytes, limits: ReadLimits) -> Reading:
    text, encoding = decode(data)
    lines, headings = _markdown_lines(_check_text(text))
    return Reading(lines, "md", encoding, frozenset(headings), markup=True)


def _read_html(data: bytes, limits: ReadLimits) -> Reading:
    lines, headings, encoding = _html_lines(data)
    return Reading(lines, "html", encoding, frozenset(headings), markup=True)


def _read_docx(data: bytes, limits: ReadLimits) -> Reading:
    lines, headings = _docx_lines(data, limits.max_unpacked)
    return Reading(lines, "docx", "docx", frozenset(headings), markup=True)


def _read_pdf(data: bytes, limits: ReadLimits) -> Reading:
    from bot.pdf import read_pdf

    pdf = read_pdf(data)
    # a large line carrying a date (a 简报's masthead "…编　2025年4月2日") is the page's metadata, not a heading
    headings = frozenset(i for i in pdf.headings if not full_date(pdf.lines[i]))
    return Reading(pdf.lines, "pdf", "pdf", headings, page_starts=pdf.page_starts, wrapped=pdf.wrapped)


READERS: dict[str, Callable[[bytes, ReadLimits], Reading]] = {
    ".txt": _read_text,
    ".md": _read_markdown,
    ".html": _read_html,
    ".htm": _read_html,
    ".docx": _read_docx,
    ".pdf": _read_pdf,
}
FORMATS = tuple(READERS)
# Formats officials still receive but no well-kept library reads (binary Office 97 / WPS): say what to do.
SAVE_AS = {".doc": "Word 97-2003 文档", ".wps": "WPS 文字文档", ".xls": "Excel 97-2003 表格", ".et": "WPS 表格"}


def format_problem(name: str) -> str | None:
    """Why a file of this name cannot be read (a message for the admin), or None when its format is supported."""
    suffix = Path(name).suffix.lower()
    if suffix in FORMATS:
        return None
    if suffix in SAVE_AS:
        return (f"{Path(name).name} 是旧版 {SAVE_AS[suffix]}（{suffix}），无法直接读取。"
                f"请在 WPS 或 Word 中“另存为” .docx 或 PDF 后再发送。")
    return f"不支持的文件类型 {suffix or '(无扩展名)'}；支持 {'、'.join(FORMATS)}。"


def hard_wrapped(lines: list[str]) -> frozenset[int]:
    """Lines cut at a fixed width (text extracted from a PDF, 28 characters a line): they continue.

    The text is hard-wrapped when its longest line length is also its most common one, on at least a quarter
    of its lines; then a line of that length (give or take one) was cut by the width, not by its author."""
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) < 8:
        return frozenset()
    width = max(lengths)
    full = sum(1 for n in lengths if n >= width - 1)
    if width < 15 or width > 120 or full < 0.25 * len(lengths) or Counter(lengths).most_common(1)[0][0] < width - 1:
        return frozenset()
    return frozenset(i for i, line in enumerate(lines) if line.strip() and len(line.rstrip()) >= width - 1)


def _ends_period(line: str) -> bool:
    s = line.rstrip().rstrip(CLOSERS)
    return bool(s) and s[-1] in FULL_STOPS + "…"


def join_wrapped(lines: list[Line], wrapped: frozenset[int], headings: set[int]) -> tuple[list[Line], set[int]]:
    """Join each line wrapped at the margin with the text line after it, across blank lines and page noise.

    A wrapped headline ("…关于印发《…污水治理" / "提升行动实施方案》的通知") stays one heading; a line that
    ends with a full stop is not joined (its paragraph may end at the margin), nor is a line opening a list
    point, nor a document's name and its addressee line; a colon or semicolon at the margin continues
    ("完成时限：" / "2026年6月底前）")."""
    out: list[Line] = []
    out_headings: set[int] = set()
    held: list[Line] = []  # blank lines and noise passed over while joining: kept, after the joined line
    joining = False
    for i, line in enumerate(lines):
        if joining and (not line.text.strip() or line.kind == "noise"):
            held.append(line)
            continue
        if joining and line.kind == "text" and i not in headings and not line.bullet \
                and not LINE_MARKER.match(line.text) \
                and not _addressed_after(out[-1].text, line.text):
            head = out[-1]
            text = _join(head.text, line.text)
            out[-1] = replace(head, text=text)
            if len(out) - 1 in out_headings and re.search(f"[{SENTENCE_ENDS}，,：:]", line.text):
                out_headings.discard(len(out) - 1)  # the "headline" ran into a sentence: it was text
            joining = i in wrapped and not _ends_period(text)
            if not joining:
                out += held
                held = []
            continue
        out += held
        held = []
        if i in headings:
            out_headings.add(len(out))
        out.append(line)
        joining = i in wrapped and line.kind == "text" and not _ends_period(line.text)
        if joining and looks_like_heading(line.text):
            out_headings.add(len(out) - 1)
    out += held
    return out, out_headings


def load_bulletin(data: bytes, name: str, max_bytes: int | None = None,
                  max_unpacked: int | None = None) -> LoadedBulletin:
    """Turn a bulletin file's bytes into paragraphs; raise BulletinError with a reason when it can't.
    `max_unpacked` caps what a .docx may decompress to."""
    problem = format_problem(name)
    if problem:
        raise BulletinError(problem)
    if not data or not data.strip():
        raise BulletinError("文件是空的。")
    if max_bytes is not None and len(data) > max_bytes:
        raise BulletinError(f"文件太大（{len(data) / 1048576:.1f} MB，上限 {max_bytes / 1048576:.1f} MB）。")
    reading = READERS[Path(name).suffix.lower()](data, ReadLimits(max_unpacked))
    lines = _check_text("\n".join(reading.lines)).split("\n")
    if len(lines) != len(reading.lines):  # a reader's line held a line break: its marks no longer hold
        reading = replace(reading, headings=frozenset(), page_starts=None, wrapped=frozenset())
    furniture = running_furniture(lines, None if reading.page_starts is None else list(reading.page_starts))
    # split paragraphs pasted onto one line ("…。 郝远征要求，…"); marked lines keep their place
    split_lines: list[str] = []
    moved: dict[int, int] = {}
    for i, line in enumerate(lines):
        moved[i] = len(split_lines)
        keep = i in reading.headings or i in reading.wrapped or i in furniture
        split_lines += [line] if keep else _PASTED_BREAK.split(line)
    headings = {moved[i] for i in reading.headings}
    cleaned = clean_lines(split_lines, headings)
    for i in furniture:  # running headers and footers: page noise wherever the page broke
        cleaned[moved[i]] = Line(cleaned[moved[i]].text, "noise")
    cleaned, headings = join_wrapped(cleaned, frozenset(moved[i] for i in reading.wrapped), headings)
    blocks = repair_line_breaks(cleaned, headings, blank_breaks=True if reading.markup else None)
    if not any(not b.noise and not b.meta for b in blocks):
        raise BulletinError("文件中没有可用的正文。")
    dropped = tuple(b.text for b in blocks if b.noise)
    return LoadedBulletin(name=Path(name).name, format=reading.format, encoding=reading.encoding,
                          blocks=tuple(blocks), dropped=dropped)


def load_file(path: Path, max_bytes: int | None = None, max_unpacked: int | None = None) -> LoadedBulletin:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise BulletinError(f"无法读取文件 {path.name}：{exc.strerror}") from exc
    return load_bulletin(data, path.name, max_bytes, max_unpacked)
