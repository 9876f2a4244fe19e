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

from bot.speakers import POSTS
from bot.textutil import cn_to_int

_PINYIN_GLOSS = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}[)）]")
_IMAGE = re.compile(r"^[\w\-.()（）\u4e00-\u9fff]{0,80}\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg)$", re.I)
_PAGE_MARK = re.compile(r"^(?:[-—－–~～·•\s]*\d{1,3}[-—－–~～·•\s]*|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
                        r"|共\s*\d{1,3}\s*页|\d{1,3}\s*/\s*\d{1,3})$")
# "首页 > 新闻中心 > 临川要闻", "当前位置：首页 » 政务公开"
_CRUMB_SEP = re.compile(r"\s*(?:>|＞|»|›|→|>>)\s*")
_CRUMB_LEAD = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|当前页面)\s*[:：]")
# A field: a short key, a colon, a short value without sentence or clause punctuation.
_KEY = r"[\u4e00-\u9fffA-Za-z](?:[ \u3000]{0,4}[\u4e00-\u9fffA-Za-z]){0,5}"
_FIELD = rf"{_KEY}\s*[:：]\s*[^\s:：。！？!?；;，,][^:：。！？!?；;，,]{{0,40}}?"
_FIELDS = re.compile(rf"^(?:{_FIELD})(?:\s*[|｜/]?\s+{_FIELD}|\s*[|｜]\s*{_FIELD})*\s*[:：]?\s*$")
_KEYS = re.compile(rf"(?:^|\s|[|｜])({_KEY})\s*[:：]")
# Keys of a page's own fields (any CMS): a field line is noise only when every key is one of these, so a
# task list's "牵头单位：…" or "完成时限：…" stays text.
_PAGE_KEY = re.compile(r"来源|出处|发布|更新|时间|日期|作者|编辑|责编|审核|审校|校对|签发|终审|初审|录入|点击|浏览|阅读|访问"
                       r"|字号|字体|分类|索引|文号|机构|有效|主题|栏目|编号|摄影|记者|通讯员|供稿|稿源|整理|图文")
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
# A newspaper edition line ("第02版：要闻"), a PDF running header ("某县人民政府公报　　2023年第8期"),
# "（完）" closing a wire story.
_EDITION = re.compile(r"^第\s*[0-9０-９A-Z]{1,3}\s*版(?:\s*[:：]?\s*[\u4e00-\u9fff]{0,10})?$")
_RUNNING_HEAD = re.compile(r"^[\u4e00-\u9fff《》]{2,24}[ \u3000]{2,}(?:(?:19|20)\d{2}\s*年\s*)?第\s*\d{1,3}\s*[期版]$")
# A navigation bar: short links joined by bars ("设为首页|加入收藏|无障碍阅读").
_NAV_BAR = re.compile(r"^[^|｜]{1,8}(?:\s*[|｜]\s*[^|｜]{1,8}){1,}$")
# A table's header or numbered row ("序号 | 工作任务 | 牵头单位", "3 | 开展… | 县商务局"), not a bar of links;
# a pager ("1 | 2 | 下一页") is one.
_TABLE_ROW = re.compile(r"^[|｜]?\s*(?:序号|\d{1,3})\s*[|｜](?!.*[上下首尾末]页)")
_END_MARK = re.compile(r"^[（(]\s*完\s*[）)]$")
_RELATED = re.compile(r"^(?:相关阅读|相关链接|相关新闻|相关文章|延伸阅读|推荐阅读|更多新闻)\s*[:：]?$")
# "（二〇二三年九月六日）" under a speech's title: the date the speech was given.
_CN_DATE = re.compile(r"([〇零OО○一二三四五六七八九]{4})\s*年\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*日")
# A speech's byline: posts, a space, the speaker's name.
_SPEECH_BYLINE = re.compile(rf"^(?:[\u4e00-\u9fff]{{0,12}}?(?:{POSTS})[、，,]?)+[ \u3000]+[\u4e00-\u9fff]{{2,4}}$")
_BRACKETED_DATE = re.compile(r"^[（(]\s*([^()（）]{6,24})\s*[）)]$")
_BULLET = re.compile(r"^\s*(?:[-•·●▪◆■○◇*]|\u2022)\s+")
_SENTENCE_END = "。！？!?；;…"


@dataclass(frozen=True)
class Line:
    """One cleaned line. `kind`: text, meta (a dated page or document field) or noise (dropped)."""

    text: str
    kind: str = "text"
    bullet: bool = False
    date: tuple[int, int, int] | None = None  # for meta lines carrying a date
    # meta: "page" (published, masthead), "document" (a signature date), "dated" (a bracketed date under a
    # speech's title), "docno" (文号)
    role: str = ""


def strip_glosses(text: str) -> str:
    """Remove pinyin reading aids: 会(huì)议 → 会议."""
    return _PINYIN_GLOSS.sub("", text)


def full_date(text: str) -> tuple[int, int, int] | None:
    m = _FULL_DATE.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _CN_DATE.search(text)
        if not m:
            return None
        digits = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"零": 0, "O": 0, "О": 0, "○": 0}
        y = int("".join(str(digits[c]) for c in m.group(1)))
        mo, d = cn_to_int(m.group(2)) or 0, cn_to_int(m.group(3)) or 0
    return (y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _page_fields_only(s: str) -> bool:
    keys = _KEYS.findall(s)
    return bool(keys) and all(_PAGE_KEY.search(k.replace(" ", "").replace("\u3000", "")) for k in keys)


def _has_sentence_end(s: str) -> bool:
    return any(c in s for c in _SENTENCE_END)


def classify(line: str, mid_sentence: bool = False) -> Line:
    """What one stripped line is. `mid_sentence`: the previous line did not end a sentence (hard wraps)."""
    s = line.strip()
    # Unambiguous by shape even inside a wrapped sentence: an image file name, a bare page number, a
    # PDF running header.
    if _IMAGE.match(s) or _PAGE_MARK.match(s) or _RUNNING_HEAD.match(s):
        return Line(s, "noise")
    if mid_sentence:
        return Line(s)
    date = full_date(s)
    if _DOC_NUMBER.match(s):
        return Line(s, "meta", role="docno")
    if date and len(s) <= 16 and re.fullmatch(r"[\s\d年月日\-/.]+", s):
        return Line(s, "meta", date=date, role="document")  # a signature date under a notice
    bracketed = _BRACKETED_DATE.match(s)
    if bracketed and date and full_date(bracketed.group(1)):
        return Line(s, "meta", date=date, role="dated")  # "（2023年10月9日）" under a speech's title
    short_plain = len(s) <= 80 and not _has_sentence_end(s) and "，" not in s
    furniture = short_plain and (
        _CRUMB_LEAD.match(s) or len(_CRUMB_SEP.split(s)) >= 3 or (s.startswith("首页") and _CRUMB_SEP.search(s))
        or _FOOTER.search(s) or _EDITION.match(s) or (_NAV_BAR.match(s) and not _TABLE_ROW.match(s)))
    furniture = furniture or _WIDGETS.match(s) or (len(s) <= 40 and _SHARE.match(s)) or _NO_TEXT.match(s) \
        or _END_MARK.match(s) or (_PREV_NEXT.match(s) and not _has_sentence_end(s[-1:]) and len(s) <= 80)
    if furniture:
        # a breadcrumb or masthead that also carries the page's date keeps the date
        return Line(s, "meta", date=date, role="page") if date and not _PREV_NEXT.match(s) else Line(s, "noise")
    segments = len(re.split(r"[\s\u3000|｜]+", s))
    if short_plain and _FIELDS.match(s) and (_page_fields_only(s) or date):
        return Line(s, "meta", date=date, role="page") if date else Line(s, "noise")
    if short_plain and date and (_PAGE_WORDS.search(s) or segments >= 2):
        return Line(s, "meta", date=date, role="page")
    if _SPEECH_BYLINE.match(s):
        return Line(s, "meta", role="speaker")  # "区委副书记、区长　贾正川" under a speech's title
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
    related = False  # after "相关新闻：", the headlines listed are links, not text
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
        if related and line.kind == "text" and len(s) <= 60 and not _has_sentence_end(s[-1:]):
            line = Line(s, "noise")  # a related-news headline
        elif line.kind == "text":
            related = False
        if _RELATED.match(s):
            related, line = True, Line(s, "noise")
        out.append(line)
        if line.kind == "text":
            previous = line.text
        elif line.kind == "meta":
            previous = ""
    return out


def _looks_standalone(line: str) -> bool:
    """A short line without clause punctuation (a headline) does not continue on the next line."""
    return len(line) <= 40 and not re.search(r"[。，,：:；;]", line)
