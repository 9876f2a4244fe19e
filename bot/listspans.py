"""The shapes lists are cut from: a list's points as character spans of one article's text (`ListSpan`,
with the `Marker`s that number them), the paragraphs, sentences and clauses they are made of, the ordinal
styles (`MARKER_STYLES`), and the text no point runs into (the meeting reporting, attendance, a closing
block, a chapter heading, a signature). `bot/lists.py` finds numbered lists and nests them,
`bot/unnumbered.py` lists without ordinals; both stand on this."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from bot.textutil import CJK, CN_NUMERAL, CN_YEAR_DIGITS, SENTENCE_ENDS, split_sentences

NUM = rf"[{CN_NUMERAL}]{{1,3}}"
BOUNDARY = rf"(?:(?<=^)|(?<=[{SENTENCE_ENDS}：:，,\n—－]))"
PARA_START = r"(?:(?<=^)|(?<=\n))"
# style → pattern; group "n" holds the numeral.
MARKER_STYLES = {
    "是": re.compile(rf"{BOUNDARY}(?P<n>{NUM})是(?!否|不是)"),
    # "各部门一要有…": 一要有 opens a list even without punctuation before it
    "要": re.compile(rf"(?:{BOUNDARY}|(?=一要有))(?P<n>{NUM})要(?!求|素|点|闻|害|是)"),
    "第": re.compile(rf"{BOUNDARY}第(?P<n>{NUM})[，,、：:]"),
    "、": re.compile(rf"{PARA_START}(?P<n>{NUM})、"),
    "（）": re.compile(rf"(?:(?<=^)|(?<=[\n。；;：:]))[（(](?P<n>{NUM})[）)]"),
    "(1)": re.compile(r"(?:(?<=^)|(?<=[\n。；;：:]))[（(](?P<n>\d{1,2})[）)]"),
    # at a paragraph's start, or inline after a colon, a semicolon or a full stop when a word follows ("主要抓了三个
    # 环节：1.统一配送标准。…；2.推行…", "说明：1.…。2.…"): never a decimal ("1.5万元")
    "1.": re.compile(rf"(?:{PARA_START}|(?<=[：:；;。]))(?P<n>\d{{1,2}})[、.．](?!\d)(?=[\s{CJK}“（(【《])"),
    # a post's zero-padded numbered headings: "01 竹林基地建设"
    "01": re.compile(rf"{PARA_START}(?P<n>0[1-9]|1\d)[ \u3000]+(?=[{CJK}])"),
    # a post's numbered headings in brackets: "【01 种粮补贴】"
    "【】": re.compile(rf"{PARA_START}[【\[［]\s*(?P<n>\d{{1,2}})(?=[\s\u3000】\]］]|[{CJK}])"),
    # 办法/条例: "第一条　为加快…" opens its paragraph
    "条": re.compile(rf"{PARA_START}第(?P<n>{NUM})条(?![款件例])"),
    # … and its chapters, "第二章　补贴对象和标准" alone on their line: a list of headings of its own (CHAPTERS)
    "章": re.compile(rf"{PARA_START}第(?P<n>{NUM})章(?=[ \u3000]|[^\n。；;，,]{{0,24}}$)", re.M),
}
CHAPTERS = "章"  # the style of a 办法's chapter list: each point is its heading; the 第X条 run on across them
# Text that is no longer the list: the meeting reporting, another person speaking, attendance.
STOP_OPENER = re.compile(rf"^(?:会议|会上|会前|会后|大会|与会|此外|另外|据悉|据了解|同志们|附件\s*\d*\s*[:：]"
                          rf"|[{CJK}]{{0,4}}领导[{CJK}、]{{0,20}}(?:出席|参加))")
# What closes a document or a page, never a point: the 抄送/印发 block (a 简报's 报：/送：/发：), an annex, the speaker turning to the
# audience, a reporter's or questioner's turn, an editor's or source line, "related articles", a 【section】, a
# contact line ("咨询电话：0917-…", "联系人：…").
CLOSING = re.compile(rf"^(?:抄送|抄报|印发|附件|附：|[报送发][:：]|各位[{CJK}]{{1,4}}[，,：:！!]|(?:记者|问|答|主持人)[:：]"
                      rf"|[（(【\[]?(?:责任编辑|编辑|来源|审核|作者|记者|通讯员|供稿|撰稿|校对|监制)\s*[:：\s]"
                      rf"|相关推荐|往期推荐|推荐阅读|延伸阅读|相关阅读|扫一扫|【[^】]{{1,16}}】\s*$"
                      rf"|[（(]?(?:咨询|联系|服务|监督|举报|投诉)(?:电话|热线|方式)\s*[:：]|[（(]?联系人\s*[:：]"
                      # a 纪要's attendance block: "出席：…", "列席：…", "请假：…"
                      rf"|(?:出席|列席|参会|参加|请假|缺席)(?:人员|单位|领导|同志)?\s*[:：])")
# A chapter or section heading of a 办法/条例 ("第二章　申报与兑现"): it belongs to no point.
SECTION_HEADING = re.compile(rf"^第{NUM}[章节编](?:[\s　]|$)")
# A notice's signature: the issuer alone on its line, or a date alone on its line.
SIGNATURE = re.compile(rf"^(?:[{CJK}（）()]{{2,30}}(?:人民政府|政府|办公室|办公厅|委员会|指挥部|管委会|领导小组|党委|党组|局)"
                        rf"|(?:\d{{4}}|[{CN_YEAR_DIGITS}Ｏ]{{4}})\s*年[\d{CN_YEAR_DIGITS}十]{{1,3}}\s*月"
                        rf"[\d{CN_YEAR_DIGITS}十]{{1,3}}\s*日(?:印发)?)$")
PEEK = 80  # how much of a sentence or paragraph its opening is judged by
HEADING_POINT = 40  # a point this short, one sentence at most, can be only the heading of the sub-points under it
CELL_SEP = re.compile(r"\s*[|｜]\s*")


@dataclass
class Marker:
    start: int
    end: int  # end of the marker itself
    n: int
    style: str


@dataclass
class ListSpan:
    """One list: each point's (start, end) in the article text. `parent`: index of the list holding it."""

    style: str
    numbered: bool
    markers: list[Marker] = field(default_factory=list)
    bounds: list[tuple[int, int]] = field(default_factory=list)
    parent: int | None = None
    parent_point: int | None = None

    @property
    def start(self) -> int:
        return self.bounds[0][0]

    @property
    def end(self) -> int:
        return self.bounds[-1][1]



def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def paragraphs(text: str) -> list[tuple[int, int]]:
    paras, pos = [], 0
    for para in text.split("\n"):
        paras.append((pos, pos + len(para)))
        pos += len(para) + 1
    return paras


def sentence_starts(text: str, start: int, end: int) -> list[int]:
    return [s for s, _ in clause_spans(text, start, end)]


def clause_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of every sentence of text[start:end] as `split_sentences` cuts it (at 。！？ and ；)."""
    spans, pos = [], start
    for s in split_sentences(text[start:end]):
        spans.append((pos + (len(s) - len(s.lstrip())), pos + len(s)))
        pos += len(s)
    return spans


def is_stop(fragment: str, names: list[str]) -> bool:
    """Text that ends a list: reporting of the meeting, attendance, a named person speaking anew, or what
    closes a document or page (抄送, 附件, an editor's line, a reporter's turn, 各位代表…)."""
    s = fragment.lstrip("　 ")
    return bool(STOP_OPENER.match(s) or CLOSING.match(s)) or any(s.startswith(n) for n in names)


def is_heading_point(text: str) -> bool:
    """A point whose own words are only a heading ("（三）推行“管委会+公司”运营模式", "2.推进公共厕所提档升级。"):
    short, no sentence ending before its last character. Over a sub-list, its sub-points say what to do."""
    t = text.strip()
    return len(t) <= HEADING_POINT and not any(c in SENTENCE_ENDS for c in t[:-1])


def is_section_heading(para: str) -> bool:
    """A chapter or section heading of a 办法/条例 ("第二章　补助标准")."""
    return bool(SECTION_HEADING.match(para.strip()))


def ends_document(para: str) -> bool:
    """A paragraph no point runs into: a 第X章 heading or a signature line."""
    s = para.strip()
    return bool(SECTION_HEADING.match(s) or (len(s) <= 40 and SIGNATURE.match(s)))


def opens_with_marker(para: str) -> bool:
    """A paragraph that is a point of its own: it opens with an ordinal, or it is a table's row."""
    s = para.lstrip("　 ")
    return any(p.match(s) for p in MARKER_STYLES.values()) or len(CELL_SEP.split(s.strip())) >= 2



def paragraphs_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], text.find("\n", start, end)
    while pos >= 0:
        nxt = text.find("\n", pos + 1, end)
        out.append((pos + 1, end if nxt < 0 else nxt))
        pos = nxt
    return out



class Coverage:
    """Character ranges already taken by lists, merged and sorted, for overlap checks in O(log n)."""

    def __init__(self, ranges: list[tuple[int, int]]):
        self.starts: list[int] = []
        self.ends: list[int] = []
        for s, e in sorted(ranges):
            self.add(s, e)

    def add(self, s: int, e: int) -> None:
        i = bisect.bisect_left(self.starts, s)
        # merge with the neighbours it touches
        while i > 0 and self.ends[i - 1] >= s:
            i -= 1
            s, e = min(s, self.starts[i]), max(e, self.ends[i])
            del self.starts[i], self.ends[i]
        while i < len(self.starts) and self.starts[i] <= e:
            e = max(e, self.ends[i])
            del self.starts[i], self.ends[i]
        self.starts.insert(i, s)
        self.ends.insert(i, e)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect.bisect_left(self.starts, e) - 1  # the last range starting before e
        return i >= 0 and self.ends[i] > s

