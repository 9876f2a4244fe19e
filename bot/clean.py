"""Clean: the lines of a bulletin lose their page noise and reading aids, and their metadata is told apart.

Bulletins are copied from web pages, newspapers and Word files. Around the article sit breadcrumbs, font-size
widgets, print/close links, previous/next-article links, share buttons, image file names, hit counters,
editor credits, copyright footers and page-break marks. Each is recognised by the *shape* of its line (short,
no sentence punctuation, key–value fields, bracketed widgets, a file name, a bare page number) and by its
neighbours (a hard-wrapped sentence is never noise), never by one site's wording. Lines carrying the page's
dates (发布时间：2024-04-29, a newspaper masthead, a document's signature date, a 文号) are kept apart as
metadata: the article step reads its date from them.

Pinyin reading aids glued to characters ("会(huì)议") are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}[)）]")
_IMAGE = re.compile(r"^[\w\-.()（）\u4e00-\u9fff]{0,80}\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg)$", re.I)
_PAGE_MARK = re.compile(r"^(?:[-—－–~～·•\s]*\d{1,3}[-—－–~～·•\s]*|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
                        r"|共\s*\d{1,3}\s*页|\d{1,3}\s*/\s*\d{1,3})$")
# "首页 > 新闻中心 > 临川要闻", "当前位置：首页 » 政务公开"
_CRUMB_SEP = re.compile(r"\s*(?:>|＞|»|›|→|>>)\s*")
_CRUMB_LEAD = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|当前页面)\s*[:：]")
# A field: a short key, a colon, a short value without sentence or clause punctuation.
_FIELD = r"[\u4e00-\u9fffA-Za-z]{1,6}\s*[:：]\s*[^\s:：。！？!?；;，,][^:：。！？!?；;，,]{0,40}?"
_FIELDS = re.compile(rf"^(?:{_FIELD})(?:\s*[|｜/]?\s+{_FIELD}|\s*[|｜]\s*{_FIELD})*\s*$")
# Bracketed widgets: 【字体：大 中 小】【打印本页】【关闭窗口】[打印] [关闭]
_WIDGETS = re.compile(r"^(?:\s*[【\[［][^】\]］]{1,16}[】\]］]\s*[|｜]?\s*)+$")
_PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)\s*[:：]?")
_FOOTER = re.compile(r"版权所有|©|&copy;|Copyright|ICP备|网站标识码|技术支持\s*[:：]|主办\s*[:：]|承办\s*[:：]", re.I)
_SHARE = re.compile(r"^(?:分享到|分享至|扫一扫|微信扫一扫|打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|预览结束|加载更多|阅读原文"
                    r"|相关阅读|相关链接|相关新闻|相关文章|延伸阅读|本篇文章\d+字|本文\d+字|全文\d+字)")
# A short line without a Chinese character or a number of substance: "A+A-", "OA KR", "|".
_NO_TEXT = re.compile(r"^[^\u4e00-\u9fff\d]{1,12}$")
_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")
_DOC_NUMBER = re.compile(r"^[\u4e00-\u9fff]{1,12}\s*[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号$")
_PAGE_WORDS = re.compile(r"发布|更新|时间|日期|第\s*\d+\s*版|来源|日报|晚报|报\b")
_BULLET = re.compile(r"^\s*(?:[-•·●▪◆■○◇*]|\u2022)\s+")
_SENTENCE_END = "。！？!?；;…"


@dataclass(frozen=True)
class Line:
    """One cleaned line. `kind`: text, meta (a dated page or document field) or noise (dropped)."""

    text: str
    kind: str = "text"
    bullet: bool = False
    date: tuple[int, int, int] | None = None  # for meta lines carrying a date
    role: str = ""  # meta: "page" (published, masthead), "document" (a dated signature line), "docno"


def strip_glosses(text: str) -> str:
    """Remove pinyin reading aids: 会(huì)议 → 会议."""
    return _PINYIN_GLOSS.sub("", text)


def full_date(text: str) -> tuple[int, int, int] | None:
    m = _FULL_DATE.search(text)
    if not m:
        return None
    y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    return (y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _has_sentence_end(s: str) -> bool:
    return any(c in s for c in _SENTENCE_END)


def classify(line: str, mid_sentence: bool = False) -> Line:
    """What one stripped line is. `mid_sentence`: the previous line did not end a sentence (hard wraps)."""
    s = line.strip()
    # Unambiguous by shape even inside a wrapped sentence: an image file name, a bare page number.
    if _IMAGE.match(s):
        return Line(s, "noise")
    if _PAGE_MARK.match(s):
        return Line(s, "noise")
    if mid_sentence:
        return Line(s)
    date = full_date(s)
    if _DOC_NUMBER.match(s):
        return Line(s, "meta", role="docno")
    if date and len(s) <= 16 and re.fullmatch(r"[\s\d年月日\-/.]+", s):
        return Line(s, "meta", date=date, role="document")  # a signature date under a notice
    short_plain = len(s) <= 80 and not _has_sentence_end(s) and "，" not in s
    if short_plain and (_CRUMB_LEAD.match(s) or len(_CRUMB_SEP.split(s)) >= 3 or s.startswith("首页") and _CRUMB_SEP.search(s)):
        return Line(s, "noise")
    if _WIDGETS.match(s) or (len(s) <= 40 and _SHARE.match(s)) or _NO_TEXT.match(s):
        return Line(s, "noise")
    if _PREV_NEXT.match(s) and not _has_sentence_end(s[-1:]) and len(s) <= 80:
        return Line(s, "noise")
    if short_plain and _FOOTER.search(s):
        return Line(s, "noise")
    segments = len(re.split(r"[\s\u3000|｜]+", s))
    if short_plain and (_FIELDS.match(s) or (date and (_PAGE_WORDS.search(s) or segments >= 2))):
        if date:
            return Line(s, "meta", date=date, role="page")
        return Line(s, "noise")
    bullet = _BULLET.match(s)
    if bullet:
        return Line(s[bullet.end():].strip(), bullet=True)
    return Line(s)


def clean_lines(lines: list[str], headings: set[int] | None = None) -> list[Line]:
    """Classify every line; blank lines are kept (as empty text) because they separate paragraphs.

    `headings`: lines marked as headings by the document's own markup; they are text, never fields."""
    headings = headings or set()
    out: list[Line] = []
    previous = ""  # the last kept text line, to tell a hard-wrapped sentence from a new line
    for i, raw in enumerate(lines):
        s = strip_glosses(raw).strip().strip("\u3000").strip()
        if not s:
            out.append(Line(""))
            continue
        if i in headings:
            out.append(Line(s))
            previous = ""
            continue
        mid = bool(previous) and not previous.rstrip("”’」』)）】》\"'")[-1:] in _SENTENCE_END + ":：" \
            and len(previous) >= 12 and not _looks_standalone(previous)
        line = classify(s, mid_sentence=mid)
        out.append(line)
        if line.kind == "text":
            previous = line.text
        elif line.kind == "meta":
            previous = ""
    return out


def _looks_standalone(line: str) -> bool:
    """A short line without clause punctuation (a headline) does not continue on the next line."""
    return len(line) <= 40 and not re.search(r"[。，,：:；;]", line)
