"""Lists: where an article's directive lists are — numbered in every common style, and unnumbered.

Numbered: 一是/一要/一要有/第一，/一、/（一）/(1)/1./第一条/首先…其次…最后, ordinals past 十, task-table rows;
nested levels kept apart (a sub-list ends with the point that holds it; numbering that runs on across its
holder's points, 1.…3. under 一、 and 4.…5. under 二、, is one sub-list per holder point). Unnumbered:
consecutive paragraphs, sentences or ；-clauses opening with 要… or with a unit that must act (县财政局要…),
parallel openers (聚焦…/强化…/坚持…), bullet lines and "——" lines. An unnumbered list held whole by one numbered
point is that point's sub-list (a table's rows under a section row, "县X局要…" sentences under a meeting's
topic), unless the point names its own task's units in fields; elsewhere a numbered list covering it wins.

Where a list ends: a point runs to the next point of its list. The last point ends where unrelated text begins
(会议还…, 会上…, another person speaking, 区领导…出席, an editor's line, 抄送/印发, 附件, a signature, a 第X章
heading, the speaker turning to the audience) or where its paragraph does — unless it opens a paragraph that is
only a heading, or its siblings run over several paragraphs, when it runs on over the paragraphs below it as
its siblings do (as many as each of them holds, when they all hold the same number). Points of one list look
alike: an unnumbered list's last point keeps the sentences after it only when the earlier points also carry
sentences after their own.

Everything here works on character offsets of one article's text (paragraphs joined by newlines, simplified).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

import bot.textutil  # noqa: F401  (quiets jieba before first use)

from bot.units import TASK_FIELD
from bot.textutil import CJK, CN_NUMERAL, CN_YEAR_DIGITS, FULL_STOPS, SENTENCE_ENDS, cn_to_int, split_sentences

_NUM = rf"[{CN_NUMERAL}]{{1,3}}"
_BOUNDARY = rf"(?:(?<=^)|(?<=[{SENTENCE_ENDS}：:，,\n—－]))"
_PARA_START = r"(?:(?<=^)|(?<=\n))"
# style → pattern; group "n" holds the numeral.
MARKER_STYLES = {
    "是": re.compile(rf"{_BOUNDARY}(?P<n>{_NUM})是(?!否|不是)"),
    # "各部门一要有…": 一要有 opens a list even without punctuation before it
    "要": re.compile(rf"(?:{_BOUNDARY}|(?=一要有))(?P<n>{_NUM})要(?!求|素|点|闻|害|是)"),
    "第": re.compile(rf"{_BOUNDARY}第(?P<n>{_NUM})[，,、：:]"),
    "、": re.compile(rf"{_PARA_START}(?P<n>{_NUM})、"),
    "（）": re.compile(rf"(?:(?<=^)|(?<=[\n。；;：:]))[（(](?P<n>{_NUM})[）)]"),
    "(1)": re.compile(r"(?:(?<=^)|(?<=[\n。；;：:]))[（(](?P<n>\d{1,2})[）)]"),
    "1.": re.compile(rf"{_PARA_START}(?P<n>\d{{1,2}})[、.．](?!\d)"),
    # a post's zero-padded numbered headings: "01 竹林基地建设"
    "01": re.compile(rf"{_PARA_START}(?P<n>0[1-9]|1\d)[ \u3000]+(?=[{CJK}])"),
    # a post's numbered headings in brackets: "【01 种粮补贴】"
    "【】": re.compile(rf"{_PARA_START}[【\[［]\s*(?P<n>\d{{1,2}})(?=[\s\u3000】\]］]|[{CJK}])"),
    # 办法/条例: "第一条　为加快…" opens its paragraph
    "条": re.compile(rf"{_PARA_START}第(?P<n>{_NUM})条(?![款件例])"),
    # … and its chapters, "第二章　补贴对象和标准" alone on their line: a list of headings of its own (CHAPTERS)
    "章": re.compile(rf"{_PARA_START}第(?P<n>{_NUM})章(?=[ \u3000]|[^\n。；;，,]{{0,24}}$)", re.M),
}
CHAPTERS = "章"  # the style of a 办法's chapter list: each point is its heading; the 第X条 run on across them
# 首先…其次…再次…最后: ordinal words, numbered by their order.
_SEQUENCE = re.compile(rf"(?:(?<=^)|(?<=[{SENTENCE_ENDS}：:，,\n]))(?P<w>首先|其次|再次|然后|最后)(?=[，,：:]|要)")
# Text that is no longer the list: the meeting reporting, another person speaking, attendance.
_STOP_OPENER = re.compile(rf"^(?:会议|会上|会前|会后|大会|与会|此外|另外|据悉|据了解|同志们|附件\s*\d*\s*[:：]"
                          rf"|[{CJK}]{{0,4}}领导[{CJK}、]{{0,20}}(?:出席|参加))")
# What closes a document or a page, never a point: the 抄送/印发 block (a 简报's 报：/送：/发：), an annex, the speaker turning to the
# audience, a reporter's or questioner's turn, an editor's or source line, "related articles", a 【section】.
_CLOSING = re.compile(rf"^(?:抄送|抄报|印发|附件|附：|[报送发][:：]|各位[{CJK}]{{1,4}}[，,：:！!]|(?:记者|问|答|主持人)[:：]"
                      rf"|[（(【\[]?(?:责任编辑|编辑|来源|审核|作者|记者|通讯员|供稿|撰稿|校对|监制)\s*[:：\s]"
                      rf"|相关推荐|往期推荐|推荐阅读|延伸阅读|相关阅读|扫一扫|【[^】]{{1,16}}】\s*$)")
# A chapter or section heading of a 办法/条例 ("第二章　申报与兑现"): it belongs to no point.
_SECTION_HEADING = re.compile(rf"^第{_NUM}[章节编](?:[\s　]|$)")
# A notice's signature: the issuer alone on its line, or a date alone on its line.
_SIGNATURE = re.compile(rf"^(?:[{CJK}（）()]{{2,30}}(?:人民政府|政府|办公室|办公厅|委员会|指挥部|管委会|领导小组|党委|党组)"
                        rf"|(?:\d{{4}}|[{CN_YEAR_DIGITS}Ｏ]{{4}})\s*年[\d{CN_YEAR_DIGITS}十]{{1,3}}\s*月"
                        rf"[\d{CN_YEAR_DIGITS}十]{{1,3}}\s*日(?:印发)?)$")
_UNNUMBERED_MIN = 3  # unnumbered points without a lead ("会议要求，") before them
_SCAN_CHARS = 4000
_PEEK = 80  # how much of a sentence or paragraph its opening is judged by
_HEAD_CLAUSE_MAX = 24  # a point's first clause is a short heading ("要抓好指标提升，…")
_PARALLEL_FLAGS = ("v", "vd", "vn", "d", "a", "ad")  # openers that are verbs (聚焦, 强化, 坚持…) or adverbs
# 要 that is not "must": 要求, 要素, 要点, 要闻, 要害, 要是, 要么, 要不是/要不然
# What follows a 要 that directs no one ("要求", "要素", "要点", "不是"…): a word, or a negation.
NOT_DIRECTING_AFTER_YAO = r"(?:[求素点闻害是么]|不是|不然|不要)"
_NOT_DIRECTIVE_YAO = re.compile(rf"要{NOT_DIRECTING_AFTER_YAO}")
# Words ending in 要 that are no directive: 主要, 重要, 需要, 只要, 必要, 将要, 纲要, 摘要 …
_YAO_WORD_FIRST = set("主重需只想必首纲概摘提紧次简扼索将快险政机显权")
# "会议要求，" / "冯志远强调：" / "在随后召开的会议上，刘朝晖要求，": the clause that introduces what follows.
_LEAD_VERB = r"(?:强调|要求|指出|提出|表示|部署|希望|说)"
_LEAD = re.compile(rf"^(?:[^，,。；;：:！？!?\n]{{1,24}}[，,])??[^，,。；;：:！？!?\n]{{1,16}}?{_LEAD_VERB}[，,：:]")
_ACTOR_YAO = re.compile(rf"^[^，,。；;：:！？!?\n“”\"]{{1,14}}?要(?=[{CJK}“])")
_LEADS = re.compile(r"^由[^，,。；;：:！？!?\n“”\"]{2,20}?牵头(?=[，,])")
_MUST = re.compile(r"^[^，,。；;：:！？!?\n]{0,14}?(?:必须|务必)")
_DASH = ("——", "－－", "—", "－")
_CELL_SEP = re.compile(r"\s*[|｜]\s*")
_ALIKE_MIN = 2  # earlier heading points whose bodies are alike, for the last one's body to be read as theirs


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


# "一查水库山塘…二查隐患点位…", "一抓…二抓…": a numeral and one verb repeated, each opening a paragraph or a
# sentence. Its style is the verb ("查"), so two such lists never mix; a character that counts or dates
# ("一个", "一月", "一年") is no verb, nor one the fixed styles read (是, 要).
_VERB_POINT = re.compile(rf"(?:(?<=^)|(?<=[\n。；;]))[ \u3000]*(?P<n>[{CN_NUMERAL}]{{1,2}})(?P<v>[{CJK}])")
_NOT_VERB = frozenset("是要个月年日天次位名项件条批类种段期份季周号层点届些直起方同样致般定度切旦律体共半边"
                      "来则等者时道家门级线流轮场把分成批")


def _verb_markers(text: str) -> list[Marker]:
    by_verb: dict[str, list[tuple[int, int, int]]] = {}
    for m in _VERB_POINT.finditer(text):
        v, n = m.group("v"), cn_to_int(m.group("n"))
        if n and v not in _NOT_VERB and _CJK_ONLY.match(v):
            by_verb.setdefault(v, []).append((m.start("n"), m.end(), n))
    return [Marker(a, b, n, v) for v, found in by_verb.items() if {1, 2} <= {n for _, _, n in found}
            for a, b, n in found]


_CJK_ONLY = re.compile(rf"[{CJK}]")


def find_markers(text: str) -> list[Marker]:
    found = _verb_markers(text)
    for style, pattern in MARKER_STYLES.items():
        for m in pattern.finditer(text):
            n = cn_to_int(m.group("n"))
            if n:
                found.append(Marker(m.start(), m.end(), n, style))
    n = 0
    for m in _SEQUENCE.finditer(text):
        n = 1 if m.group("w") == "首先" else (n + 1 if n else 0)
        if n:
            found.append(Marker(m.start(), m.end(), n, "首先"))
        if n == 1:  # "首先，…第二，…第三，…": 首先 also opens a 第 list
            found.append(Marker(m.start(), m.end(), 1, "第"))
    return sorted(found, key=lambda m: m.start)


def group_lists(markers: list[Marker]) -> list[ListSpan]:
    """Markers of one style with ordinals 1, 2, 3 … form a list; a 1 starts a new one."""
    lists: list[ListSpan] = []
    open_lists: dict[str, ListSpan] = {}
    for m in markers:
        current = open_lists.get(m.style)
        if m.n == 1:
            current = ListSpan(m.style, True, [m])
            open_lists[m.style] = current
            lists.append(current)
        elif current and m.n == current.markers[-1].n + 1:
            current.markers.append(m)
    return sorted((lst for lst in lists if len(lst.markers) >= 2), key=lambda lst: lst.markers[0].start)


def paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    paras, pos = [], 0
    for para in text.split("\n"):
        paras.append((pos, pos + len(para)))
        pos += len(para) + 1
    return paras


def _sentence_starts(text: str, start: int, end: int) -> list[int]:
    return [s for s, _ in _clauses(text, start, end)]


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
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
    return bool(_STOP_OPENER.match(s) or _CLOSING.match(s)) or any(s.startswith(n) for n in names)


def is_section_heading(para: str) -> bool:
    """A chapter or section heading of a 办法/条例 ("第二章　补助标准")."""
    return bool(_SECTION_HEADING.match(para.strip()))


def _ends_document(para: str) -> bool:
    """A paragraph no point runs into: a 第X章 heading or a signature line."""
    s = para.strip()
    return bool(_SECTION_HEADING.match(s) or (len(s) <= 40 and _SIGNATURE.match(s)))


def _opens_with_marker(para: str) -> bool:
    """A paragraph that is a point of its own: it opens with an ordinal, or it is a table's row."""
    s = para.lstrip("　 ")
    return any(p.match(s) for p in MARKER_STYLES.values()) or len(_CELL_SEP.split(s.strip())) >= 2


def _last_point_end(text: str, lst: ListSpan, earlier: list[tuple[int, int]], names: list[str]) -> int:
    """Where a list's last point ends (see the module docstring); `earlier`: the bounds of the points before."""
    last = lst.markers[-1]
    p_start, p_end = paragraph_bounds(text, last.start)
    # Inside its paragraph: stop at a sentence that reports or hands over to someone else (looked for
    # within a few screens: a longer point is cut into parts later anyway).
    for off in _sentence_starts(text, last.end, min(p_end, last.end + _SCAN_CHARS))[1:]:
        if is_stop(text[off:min(p_end, off + _PEEK)], names):
            return off
    if text[p_start:last.start].strip():
        # Points set apart by semicolons are clauses of one sentence ("一是…；二是…；三是…。1—5月，全县…"): the last
        # ends with that sentence. Otherwise a point inside a paragraph ends with it.
        if earlier and all(text[s:e].rstrip()[-1:] in "；;" for s, e in earlier):
            stop = re.search(f"[{FULL_STOPS}]", text[last.end:p_end])
            if stop and text[last.end + stop.end():p_end].strip():
                return last.end + stop.end()
        return p_end
    # Paragraphs below the earlier points' own: the body a heading point carries.
    bodies = [text[paragraph_bounds(text, s)[1]:e].strip() for s, e in earlier]
    bodies = [b for b in bodies if b]
    own = text[last.start:p_end].strip()
    heading = len(own) <= 40 and own[-1:] not in SENTENCE_ENDS
    if not bodies and not heading:
        return p_end
    only_points = bool(bodies) and all(_opens_with_marker(line) for b in bodies for line in b.split("\n") if line.strip())
    # Headings whose bodies are alike, k paragraphs each without sub-points ("【01 种粮补贴】" over its paragraph;
    # "一、抓好机收" over its paragraph and its 责任单位 line): so is the last one's, and what follows is the
    # document's again ("各村、各单位要高度重视…"). A plan's heading points hold their sub-points instead.
    sizes = {len([x for x in b.split("\n") if x.strip()]) for b in bodies}
    alike = (heading and len(bodies) == len(earlier) >= _ALIKE_MIN and len(sizes) == 1
             and not any(_opens_with_marker(x) for b in bodies for x in b.split("\n") if x.strip()))
    left = sizes.pop() if alike else None  # paragraphs the last point still takes, when its siblings say
    same_style = MARKER_STYLES.get(lst.style)
    end, sub_points = p_end, False
    while end < len(text) and left != 0:
        nxt_start = end + 1
        _, nxt_end = paragraph_bounds(text, nxt_start)
        para = text[nxt_start:nxt_end]
        if para.strip():
            if (is_stop(para, names) or _ends_document(para) or (same_style and same_style.match(para.lstrip("　 ")))
                    or (lst.style != "首先" and re.match(r"^\s*最后[，,]", para))):
                break
            # where the siblings hold only sub-points, text after this point's sub-points is not its own
            if only_points and sub_points and not _opens_with_marker(para):
                break
            if alike and _opens_with_marker(para):
                break  # alike bodies hold no sub-points: a marked paragraph is another list's
            sub_points = sub_points or _opens_with_marker(para)
            left = left - 1 if left is not None else None
        end = nxt_end
    return end


def _numbered_bounds(text: str, lst: ListSpan, names: list[str]) -> list[tuple[int, int]]:
    bounds = []
    for i, m in enumerate(lst.markers):
        if i + 1 < len(lst.markers):
            end = lst.markers[i + 1].start
            # a chapter heading between two 条 belongs to neither
            for s, e in _paragraphs_between(text, m.end, end):
                if _SECTION_HEADING.match(text[s:e].strip()):
                    end = s
                    break
            bounds.append((m.start, end))
        else:
            bounds.append((m.start, _last_point_end(text, lst, bounds, names)))
    return bounds


def _paragraphs_between(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], text.find("\n", start, end)
    while pos >= 0:
        nxt = text.find("\n", pos + 1, end)
        out.append((pos + 1, end if nxt < 0 else nxt))
        pos = nxt
    return out


# ---- unnumbered lists -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class _Directive:
    """How a sentence, clause or paragraph opens as a point of an unnumbered list."""

    key: str  # "要", a parallel verb (聚焦, 强化…) or "——"
    shift: int  # where the point starts: after a lead such as "会议要求，"
    actor: bool = False  # "县财政局要…": a unit or person named before 要
    lead: bool = False  # a lead opened the fragment: the point is the first of what is introduced
    head_ok: bool = True  # its first clause is short, as a point's heading is


def _opening(s: str) -> tuple[str, bool, int] | None:
    """(key, actor, where the key word starts) when `s` opens with a directive; None otherwise."""
    if s.startswith("要") and len(s) > 1 and not _NOT_DIRECTIVE_YAO.match(s):
        return "要", False, 0
    m = _LEADS.match(s)  # "由区发改局牵头，…配合，…": a task given to its lead unit, as "区发改局要…" is
    if m:
        return "要", True, m.end()
    m = _ACTOR_YAO.match(s)
    if m and m.end() >= 2 and s[m.end() - 2] not in _YAO_WORD_FIRST and not _NOT_DIRECTIVE_YAO.match(s, m.end() - 1):
        return "要", True, m.end() - 1
    word = s[:2]
    if len(word) == 2 and _word_tags().get(word) in _PARALLEL_FLAGS and not _word_tags().get(s[:3]):
        return word, False, 0
    return None


@lru_cache(maxsize=8192)  # a sentence is judged as a sentence, as a clause and as a point's detail
def _directive(fragment: str, deep: bool = True) -> _Directive | None:
    """The directive a fragment opens with: 要 + verb, a unit + 要, a verb such as 聚焦/强化/坚持, a dash;
    after a lead ("会议要求，"), the rest of the sentence when it holds a directive (`deep`: looked for past
    the lead's first clause too, as in a paragraph of points; a paragraph opening so is a lead of its own).

    Verbs are looked up by their first two characters in jieba's part-of-speech table, not tagged: tagging
    every sentence with jieba's HMM costs milliseconds each and dominated indexing."""
    s = fragment.lstrip("　 -")
    pad = len(fragment) - len(s)
    if s.startswith(_DASH):
        return _Directive("——", pad)
    lead = _LEAD.match(s)
    if lead:
        rest = s[lead.end():]
        found = _opening(rest)
        if found and found[0] == "要":
            return _Directive("要", pad + lead.end(), found[1], True, _short_head(rest[found[2]:]))
        if _MUST.match(rest):  # "白宝强要求，全县各级各部门必须强化…": 必须/务必 direct as 要 does
            return _Directive("要", pad + lead.end(), True, True, True)
        # "黄晓广强调，招商引资是…，各级各部门要…": the directive sits later in the lead's sentence
        body = re.split(f"[{SENTENCE_ENDS}]", rest, maxsplit=1)[0]
        if deep and any((o := _opening(c)) and o[0] == "要" for c in re.split(r"[，,]", body)[1:]):
            return _Directive("要", pad + lead.end(), False, True, True)
        return None
    found = _opening(s)
    if not found:
        return None
    key, actor, at = found
    return _Directive(key, pad, actor, False, _short_head(s[at:]))


def _short_head(s: str) -> bool:
    return len(re.split(r"[，,。；;！？!?：:]", s, maxsplit=1)[0]) <= _HEAD_CLAUSE_MAX


def _word_tags() -> dict[str, str]:
    import jieba.posseg  # its tables take a second to load; answering questions never needs them

    return jieba.posseg.dt.word_tag_tab


@dataclass(frozen=True)
class _Item:
    """A paragraph, sentence or clause that may be a point: where its point would start, where it ends."""

    start: int
    end: int
    directive: _Directive | None


def _items(text: str, units: list[tuple[int, int]], deep: bool = True) -> list[_Item]:
    out = []
    for us, ue in units:
        d = _directive(text[us:min(ue, us + _PEEK)], deep) if us < ue else None
        out.append(_Item(us + d.shift if d else us, ue, d))
    return out


def _runs(text: str, items: list[_Item]) -> list[list[int]]:
    """Indexes of the runs of items that are points of one list: consecutive directives sharing a key
    (items without a directive in between are the points' continuation).

    Points of a list look alike. Where bare 要 points follow the first, a sentence led by a unit ("各县区要…")
    continues the point before it rather than opening one; a one-clause exhortation after the lead ("各单位要
    抓紧落实。") before points written as heading and body is still the lead. A run needs three points; two
    after a lead ("会议要求，") or a colon; two dashes."""
    runs: list[list[int]] = []
    current: list[int] = []

    def close() -> None:
        if not current:
            return
        if not items[current[0]].directive.head_ok and not all(items[k].directive.actor for k in current):
            del current[0]  # a long sentence led by a unit, followed by points of another kind: not one of them
        if not current:
            return
        first = items[current[0]]
        led = first.directive.lead or first.directive.key == "——" or _after_colon(text, first.start)
        kept = current[:1] + [k for k in current[1:] if not items[k].directive.actor]
        if len(kept) < len(current) and len(kept) >= 2:
            current[:] = kept
        clausal = [bool(re.search(r"[，,]", text[items[k].start:items[k].end])) for k in current]
        if len(current) >= 3 and first.directive.lead and first.directive.head_ok and not clausal[0] and all(clausal[1:]):
            del current[0]
        if len(current) >= (2 if led else _UNNUMBERED_MIN):
            runs.append(list(current))

    next_key: list[str | None] = [None] * len(items)  # the key of the next directive after each item
    for i in range(len(items) - 2, -1, -1):
        d = items[i + 1].directive
        next_key[i] = (None if d.lead else d.key) if d else next_key[i + 1]
    key = None
    for i, item in enumerate(items):
        d = item.directive
        if d is None:
            continue
        if key == "要" and d.key != "要" and not d.lead and next_key[i] == "要":
            continue  # "积极发挥…" between "要推动股权投资，…。" and "要抓好…": it continues the 要 point
        # where every point so far is led by its unit ("县住建局要…。县交通运输局要…"), a sentence led by
        # another unit is the next point however long its first clause
        by_units = bool(current) and d.actor and all(items[k].directive.actor for k in current)
        if current and not d.head_ok and not by_units and d.key == key and not d.lead:
            continue  # a long sentence of the same kind inside a list: the point's detail
        # what a lead or a colon introduces starts a list of its own
        if (d.head_ok or by_units) and d.key == key and not d.lead and not _after_colon(text, item.start):
            current.append(i)
            continue
        close()
        # a sentence led by its unit opens a list of such sentences however long its first clause
        current, key = ([i], d.key) if d.head_ok or d.actor else ([], None)
    close()
    return runs


def _after_colon(text: str, pos: int) -> bool:
    """The text before `pos` ends with a colon: what follows was announced ("提出三点要求：")."""
    return text[max(0, pos - 8):pos].rstrip()[-1:] in ("：", ":")


def _table_lists(text: str, paras: list[tuple[int, int]]) -> list[ListSpan]:
    """Rows of a table (cells joined by " | " when the file was read): each data row is a point; a first
    row of short labels without figures (序号 | 工作任务 | 牵头单位…) is the table's header, not a point."""
    found: list[ListSpan] = []
    rows: list[tuple[int, list[str]]] = []

    def flush() -> None:
        data = rows[1:] if rows and _is_header(rows[0][1]) else rows
        data = [(k, cells) for k, cells in data if not all(set(c) <= set("-:：— ") for c in cells)]
        if len(data) >= 2:
            found.append(ListSpan("table", True, bounds=[paras[k] for k, _ in data]))
        rows.clear()

    for k, (s, e) in enumerate(paras):
        line = text[s:e].strip().rstrip("。").strip("|｜ ")
        cells = _CELL_SEP.split(line) if ("|" in line or "｜" in line) else []
        if len(cells) >= 2 and (not rows or len(cells) == len(rows[-1][1])):
            rows.append((k, cells))
            continue
        flush()
        if len(cells) >= 2:
            rows.append((k, cells))
    flush()
    return found


def _is_header(cells: list[str]) -> bool:
    return all(len(c) <= 8 and not re.search(r"\d", c) for c in cells)


def _paragraph_lists(text: str, paras: list[tuple[int, int]], bullets: set[int]) -> list[ListSpan]:
    """Bullet lines, and paragraphs opening with the same directive word (要…, 强化…, ——…)."""
    found: list[ListSpan] = []
    i = 0
    while i < len(paras):  # bullet lines: their shape says they are a list
        j = i
        while j < len(paras) and j in bullets:
            j += 1
        if j - i >= 2:
            found.append(ListSpan("bullet", False, bounds=[paras[k] for k in range(i, j)]))
        i = max(j, i + 1)
    items = _items(text, [(s, e) if k not in bullets else (s, s) for k, (s, e) in enumerate(paras)], deep=False)
    announced = _announced_paragraphs(text, paras, items)
    announced += [lst for lst in _headline_paragraphs(text, paras)
                  if not _Coverage([(a.start, a.end) for a in announced]).overlaps(lst.start, lst.end)]
    found += announced
    taken = _Coverage([(lst.start, lst.end) for lst in announced])
    for run in _runs(text, items):
        key = items[run[0]].directive.key
        style = "bullet:dash" if key == "——" else "para:" + key
        lst = ListSpan(style, False, bounds=[(items[k].start, items[k].end) for k in run])
        if not taken.overlaps(lst.start, lst.end):
            found.append(lst)
    return [lst for lst in found if len(lst.bounds) >= 2]


def _announced_paragraphs(text: str, paras: list[tuple[int, int]], items: list[_Item]) -> list[ListSpan]:
    """Paragraphs a colon announces ("刘建军在讲话中强调：") that each open as a point, with openers of several
    kinds ("要清醒认识…。", "坚持问题导向，…", "强化源头治理，…", "压实各方责任，…"): one list. Three at least,
    two of them read as directives; a paragraph no directive word opens is a point when it opens with a short
    heading clause ("压实各方责任，") that is no time, place or meeting ("今年以来，", "会上，")."""
    found: list[ListSpan] = []
    k = 0
    while k < len(paras):
        if not _after_colon(text, paras[k][0]):
            k += 1
            continue
        run = []
        while k + len(run) < len(paras) and _opens_point(text, paras[k + len(run)], items[k + len(run)]):
            run.append(k + len(run))
        directives = [items[j].directive for j in run if items[j].directive]
        if len(run) >= _UNNUMBERED_MIN and len(directives) >= 2 and len({d.key for d in directives}) + (
                len(directives) < len(run)) >= 2:
            found.append(ListSpan("para:mixed", False, bounds=[(items[j].start, paras[j][1]) for j in run]))
        k += max(1, len(run))
    return found


_HEADING_CLAUSE = re.compile(rf"^[{CJK}]{{4,8}}[，,]")
# "压实保护责任。全面落实…": a paragraph headed by a short sentence of its own, its body after it
_HEADLINE_SENTENCE = re.compile(rf"^[{CJK}“”]{{4,12}}[。．]")


def _headline_paragraphs(text: str, paras: list[tuple[int, int]]) -> list[ListSpan]:
    """Consecutive paragraphs each headed by a short sentence that names what to do ("压实保护责任。…",
    "严查违法占地。…", "推动良田粮用。…"): one list, announced or not. Three at least; a heading that tells
    when or where (`_SETTING`) or reports the meeting (`_STOP_OPENER`) is none."""
    def headed(k: int) -> bool:
        s, e = paras[k]
        para = text[s:e].lstrip("　 ")
        head = _HEADLINE_SENTENCE.match(para)
        return bool(head) and len(para) > head.end() + 4 and not _STOP_OPENER.match(para) \
            and not _SETTING.match(para) and not _opens_with_marker(para)

    found: list[ListSpan] = []
    k = 0
    while k < len(paras):
        j = k
        while j < len(paras) and headed(j):
            j += 1
        if j - k >= _UNNUMBERED_MIN:
            found.append(ListSpan("para:head", False, bounds=[paras[i] for i in range(k, j)]))
        k = max(j, k + 1)
    return found


def _opens_point(text: str, para: tuple[int, int], item: _Item) -> bool:
    """Whether a paragraph opens as a point of announced paragraphs: a directive with a short first clause, or
    a short heading clause that is no setting (`_STOP_OPENER`, a time) followed by sentences of its own."""
    s, e = para
    d = item.directive
    if d:
        return d.head_ok and not d.lead and d.key != "——"
    para = text[s:e]
    head = _HEADING_CLAUSE.match(para)
    return bool(head) and not _STOP_OPENER.match(para) and not _SETTING.match(para) \
        and any(c in para[head.end():] for c in FULL_STOPS)


# A paragraph that opens with when or where it happens, not with what to do.
_SETTING = re.compile(rf"^(?:今年|去年|明年|近年|近期|目前|当前|截至|截止|其中|同时|为此|为|在|对|从|自|随着|通过|经过|据|"
                      rf"[{CN_NUMERAL}\d]+月|[{CJK}]{{1,4}}(?:以来|期间|之前|之后|以后|时))")


def _sentence_lists(text: str, s: int, e: int, names: list[str]) -> list[ListSpan]:
    """Points inside one paragraph: sentences (要…。要…。) or, when the directives are ；-clauses of one
    sentence, its clauses (要…；要…；要…。). Sentences whose every point holds ；-clauses of its own are the list
    and those clauses its details ("要鼓足干劲，…；要主动想…。要开足马力，…；要坚定…。")."""
    clauses = _clauses(text, s, e)
    if len(clauses) < 2:
        return []
    sentences: list[list[tuple[int, int]]] = []
    for c in clauses:
        if sentences and text[max(s, sentences[-1][-1][1] - 3):sentences[-1][-1][1]].rstrip("”’」』)）\"' ")[-1:] in "；;":
            sentences[-1].append(c)
        else:
            sentences.append([c])

    def spans(items: list[_Item], run: list[int]) -> ListSpan:
        starts = [items[k].start for k in run]
        bounds = [(starts[k], starts[k + 1]) for k in range(len(starts) - 1)]
        # the last point keeps the units after its own only when an earlier point kept some too
        last_end = items[run[-1]].end
        if any(run[k + 1] - run[k] > 1 for k in range(len(run) - 1)):
            last_end = e
            for item in items[run[-1] + 1:]:
                if is_stop(text[item.start:min(e, item.start + _PEEK)], names):
                    last_end = item.start
                    break
        bounds.append((starts[-1], last_end))
        return ListSpan("sent:" + items[run[0]].directive.key, False, bounds=bounds)

    found: list[ListSpan] = []
    items = _items(text, [(g[0][0], g[-1][1]) for g in sentences])
    taken: set[int] = set()  # sentences a sentence-level list took
    for run in _runs(text, items):
        key = items[run[0]].directive.key
        inner = [sum(1 for d in (_directive(text[cs:min(ce, cs + _PEEK)]) for cs, ce in sentences[k][1:])
                     if d and d.key == key) for k in run]
        if all(inner) or not any(inner):
            found.append(spans(items, run))
            taken.update(range(run[0], run[-1] + 1))
    # ；-clauses: in the sentences no sentence-level list took, a segment between two taken stretches at a time
    segments: list[list[tuple[int, int]]] = [[]]
    for k, group in enumerate(sentences):
        if k in taken:
            if segments[-1]:
                segments.append([])
            continue
        segments[-1].extend(group)
    for units in segments:
        items = _items(text, units)
        found += [spans(items, run) for run in _runs(text, items)]
    return found


def unnumbered_lists(text: str, names: list[str], bullets: set[int]) -> list[ListSpan]:
    """Lists without ordinals: task-table rows, bullet and dash lines, parallel paragraphs, parallel sentences
    and clauses in one paragraph."""
    paras = _paragraphs(text)
    found = _table_lists(text, paras) + _paragraph_lists(text, paras, bullets)
    for s, e in paras:
        found += _sentence_lists(text, s, e, names) or _item_clauses(text, s, e)
    return found


def _item_clauses(text: str, s: int, e: int) -> list[ListSpan]:
    """A paragraph that is only short ；-clauses without a comma ("地区生产总值增长6%左右；固定资产投资增长6%；
    …。"): a list of items, such as a plan's targets — four at least, three after a colon that introduces them."""
    if "；" not in text[s:e] and ";" not in text[s:e]:
        return []
    start = s
    colon = re.match(rf"[^{SENTENCE_ENDS}]{{0,60}}?[：:]", text[s:e])
    if colon:
        start = s + colon.end()
    clauses = _clauses(text, start, e)
    if not clauses or len(clauses) < (3 if colon else 4) or text[clauses[-1][1] - 1:clauses[-1][1]] not in "。！!":
        return []
    if any(len(text[a:b]) > 40 or re.search(r"[，,：:]", text[a:b]) for a, b in clauses):
        return []
    if any(text[b - 1] not in "；;" for _, b in clauses[:-1]):
        return []
    return [ListSpan("sent:；", False, bounds=clauses)]


class _Coverage:
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


def _point_at(lst: ListSpan, pos: int) -> int | None:
    """The point of `lst` that holds `pos` strictly inside it."""
    i = bisect.bisect_right([s for s, _ in lst.bounds], pos) - 1
    return i if i >= 0 and lst.bounds[i][0] < pos < lst.bounds[i][1] else None


def _split_by_holders(lst: ListSpan, kept: list[ListSpan], open_lists: list[int]) -> list[tuple[int, int, ListSpan]]:
    """Numbering that runs on across the points that hold it (1.…2. under （一）, 3.…4. under （二）, 5.…7. under
    三、): one sub-list per holding point — the innermost open list's point around each marker — each of two
    points or more. Empty when a marker lies outside every open list."""
    groups: dict[tuple[int, int], list[int]] = {}
    for n, m in enumerate(lst.markers):
        where = next(((k, i) for k in reversed(open_lists) if (i := _point_at(kept[k], m.start)) is not None), None)
        if where is None:
            return []
        groups.setdefault(where, []).append(n)
    parts = []
    for (k, i), ns in groups.items():
        if len(ns) < 2:
            continue  # a lone number under its heading is that point's text
        bounds = [lst.bounds[n] for n in ns]
        bounds[-1] = (bounds[-1][0], min(bounds[-1][1], kept[k].bounds[i][1]))
        parts.append((k, i, ListSpan(lst.style, True, [lst.markers[n] for n in ns], bounds)))
    return parts


def _holder(text: str, kept: list[ListSpan], inner: ListSpan) -> tuple[int, int] | None:
    """The numbered point whose sub-list an unnumbered list is: a table's rows under a section heading
    (一、稳增长), "县X局要…。县Y局要…" under a meeting's topic (二、研究…). The innermost point holding it whole,
    when no numbered sub-list is there already and, unless it is a table, the point does not name its own
    task's units ("责任单位：…": its sentences are that task's detail)."""
    best = None
    for k, lst in enumerate(kept):
        i = _point_at(lst, inner.start)
        if i is not None and inner.end <= lst.bounds[i][1]:
            if best is None or lst.bounds[i][0] >= kept[best[0]].bounds[best[1]][0]:
                best = (k, i)
    if best is None or any(lst.parent == best[0] and lst.parent_point == best[1] for lst in kept):
        return None
    s, e = kept[best[0]].bounds[best[1]]
    return best if inner.style == "table" or not TASK_FIELD.search(text, s, e) else None


def _by_chapter(kept: list[ListSpan], chapters: list[ListSpan]) -> list[ListSpan]:
    """`kept` and the chapter lists after them, each top-level list of 第X条 cut at the chapter headings: the
    articles under a chapter are a list held by that chapter's point (numbering runs on across them)."""
    out = list(kept)
    for ch in chapters:
        index = len(out)
        out.append(ch)
        heads = [m.start for m in ch.markers]
        for k, lst in enumerate(out[:index]):
            if lst.style != "条" or lst.parent is not None or lst.end <= heads[0]:
                continue
            groups: dict[int, list[int]] = {}
            for n, m in enumerate(lst.markers):
                groups.setdefault(bisect.bisect_right(heads, m.start) - 1, []).append(n)
            if -1 in groups:
                continue  # articles before the first chapter: not a chapters' 办法
            parts = [ListSpan(lst.style, True, [lst.markers[n] for n in ns], [lst.bounds[n] for n in ns], index, c)
                     for c, ns in sorted(groups.items())]
            # where each article went (part, point), for the lists its articles hold ("（一）…" under 第五条)
            moved = {}
            for p, (_, ns) in enumerate(sorted(groups.items())):
                for j, n in enumerate(ns):
                    moved[n] = (k if p == 0 else len(out) + p - 1, j)
            out[k] = parts[0]
            out.extend(parts[1:])
            for child in out:
                if child.parent == k and child.parent_point in moved and child not in parts:
                    child.parent, child.parent_point = moved[child.parent_point]
    return out


def find_lists(text: str, names: list[str], bullets: set[int] | None = None) -> list[ListSpan]:
    """Every list of an article, in reading order, with nesting resolved and each point's bounds."""
    numbered = group_lists(find_markers(text))
    # A 办法's chapters are a list of headings, apart: its articles (第X条) number on across them, and the
    # articles of each chapter are that chapter's list (`_by_chapter`), as 4.…5. under 二、 are 二、's.
    chapters = [lst for lst in numbered if lst.style == CHAPTERS]
    numbered = [lst for lst in numbered if lst.style != CHAPTERS]
    for lst in chapters:
        lst.bounds = [(m.start, paragraph_bounds(text, m.start)[1]) for m in lst.markers]
    for lst in numbered:
        lst.bounds = _numbered_bounds(text, lst, names)
    # Nesting: a list starting inside a point of another list ends with that point. Only lists still
    # open at this start can hold it (kept in `open_lists`, innermost last), so this stays linear.
    numbered.sort(key=lambda lst: (lst.start, -lst.end))
    kept: list[ListSpan] = []
    open_lists: list[int] = []
    for lst in numbered:
        open_lists = [k for k in open_lists if kept[k].end > lst.start]
        holder = None
        for k in reversed(open_lists):
            i = _point_at(kept[k], lst.start)
            if i is not None:
                holder = (k, i)
                break
        if holder:
            k, i = holder
            limit = kept[k].bounds[i][1]
            if lst.markers[-1].start >= limit:
                # its ordinals run past the point that holds it: numbering continued under the next heading
                for k, j, part in _split_by_holders(lst, kept, open_lists):
                    part.parent, part.parent_point = k, j
                    open_lists.append(len(kept))
                    kept.append(part)
                continue
            lst.parent, lst.parent_point = k, i
            lst.bounds[-1] = (lst.bounds[-1][0], min(lst.bounds[-1][1], limit))
        elif open_lists:
            continue  # overlaps an open list without sitting inside one of its points
        open_lists.append(len(kept))
        kept.append(lst)
    covered = _Coverage([(lst.start, lst.end) for lst in kept])
    for lst in unnumbered_lists(text, names, bullets or set()):
        if holder := _holder(text, kept, lst):
            lst.parent, lst.parent_point = holder
            kept.append(lst)
            continue
        if covered.overlaps(lst.start, lst.end):
            continue  # a numbered list already covers this text
        covered.add(lst.start, lst.end)
        kept.append(lst)
    kept = _by_chapter(kept, chapters)
    order = sorted(range(len(kept)), key=lambda k: kept[k].start)
    remap = {old: new for new, old in enumerate(order)}
    result = [kept[k] for k in order]
    for lst in result:
        if lst.parent is not None:
            lst.parent = remap[lst.parent]
    return result
