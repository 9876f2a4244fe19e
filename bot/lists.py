"""Lists: where an article's directive lists are — numbered in every common style, and unnumbered.

Numbered: 一是/一要/一要有/第一，/一、/（一）/(1)/1./首先…其次…最后, ordinals past 十, nested levels kept apart
(a sub-list ends with the point that holds it). Unnumbered: consecutive paragraphs or sentences opening with
要…, parallel openers (聚焦…/强化…/坚持…), and bullet lines. A point runs to the next point of its list; the
last point ends where unrelated text begins (会议还…, 会上…, another person speaking, 区领导…出席) or at the end
of its paragraph — unless its paragraph is only a heading, when it runs on over the paragraphs below it.

Everything here works on character offsets of one article's text (paragraphs joined by newlines, simplified).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

import bot.textutil  # noqa: F401  (quiets jieba before first use)

from bot.textutil import CJK, CN_NUMERAL, SENTENCE_ENDS, cn_to_int, split_sentences

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
}
# 首先…其次…再次…最后: ordinal words, numbered by their order.
_SEQUENCE = re.compile(rf"(?:(?<=^)|(?<=[{SENTENCE_ENDS}：:，,\n]))(?P<w>首先|其次|再次|然后|最后)(?=[，,：:]|要)")
# Text that is no longer the list: the meeting reporting, another person speaking, attendance.
_STOP_OPENER = re.compile(rf"^(?:会议|会上|会前|会后|大会|与会|此外|另外|据悉|据了解|同志们|附件\s*\d*\s*[:：]|[{CJK}]{{0,4}}领导[{CJK}、]{{0,20}}(?:出席|参加))")
_UNNUMBERED_MIN = 3
_SCAN_CHARS = 4000
_PEEK = 80  # how much of a sentence or paragraph its opening is judged by
_HEAD_CLAUSE_MAX = 16  # a point's first clause is a short heading ("要抓好指标提升，…")
_PARALLEL_FLAGS = ("v", "vd", "vn", "d", "a", "ad")  # openers that are verbs (聚焦, 强化, 坚持…) or adverbs
_NOT_OPENER_AFTER_YAO = "求素点闻害是么么不"


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


def find_markers(text: str) -> list[Marker]:
    found = []
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


def _sentence_starts(text: str, start: int, end: int) -> list[int]:
    offs, pos = [], start
    for s in split_sentences(text[start:end]):
        offs.append(pos + (len(s) - len(s.lstrip())))
        pos += len(s)
    return offs


def is_stop(fragment: str, names: list[str]) -> bool:
    """Text that ends a list: reporting of the meeting, attendance, or a named person speaking anew."""
    s = fragment.lstrip("　 ")
    return bool(_STOP_OPENER.match(s)) or any(s.startswith(n) for n in names)


def _last_point_end(text: str, start: int, marker_end: int, names: list[str], same_style: re.Pattern | None) -> int:
    """Where a list's last point ends (see the module docstring)."""
    p_start, p_end = paragraph_bounds(text, start)
    # Inside its paragraph: stop at a sentence that reports or hands over to someone else (looked for
    # within a few screens: a longer point is cut into parts later anyway).
    for off in _sentence_starts(text, marker_end, min(p_end, marker_end + _SCAN_CHARS))[1:]:
        if is_stop(text[off:min(p_end, off + _PEEK)], names):
            return off
    own = text[start:p_end]
    if len(own) > 40 or len(split_sentences(own)) > 1:
        return p_end
    # A heading-only point ("三、保障措施"): it runs over the paragraphs below it.
    end = p_end
    while end < len(text):
        nxt_start = end + 1
        _, nxt_end = paragraph_bounds(text, nxt_start)
        para = text[nxt_start:nxt_end]
        if is_stop(para, names) or (same_style and same_style.match(para)):
            break
        end = nxt_end
    return end


def _numbered_bounds(text: str, lst: ListSpan, names: list[str]) -> list[tuple[int, int]]:
    bounds = []
    for i, m in enumerate(lst.markers):
        if i + 1 < len(lst.markers):
            bounds.append((m.start, lst.markers[i + 1].start))
        else:
            pattern = MARKER_STYLES.get(lst.style)
            bounds.append((m.start, _last_point_end(text, m.start, m.end, names, pattern)))
    return bounds


def _opener(fragment: str) -> str | None:
    """The word a directive opens with: 要 + verb, or a verb such as 聚焦/强化/坚持; None otherwise.

    A dictionary look-up of the first two characters (jieba's part-of-speech table), not a tagger run:
    tagging every sentence with jieba's HMM costs milliseconds each and dominated indexing."""
    s = fragment.lstrip("　 -")
    if s.startswith("要") and len(s) > 1 and s[1] not in _NOT_OPENER_AFTER_YAO:
        return "要"
    word = s[:2]
    if len(word) == 2 and _word_tags().get(word) in _PARALLEL_FLAGS and not _word_tags().get(s[:3]):
        return word
    return None


def _word_tags() -> dict[str, str]:
    import jieba.posseg  # its tables take a second to load; answering questions never needs them

    return jieba.posseg.dt.word_tag_tab


def _head_clause(fragment: str) -> str:
    return re.split(r"[，,。；;！？!?：:]", fragment, maxsplit=1)[0]


def _runs(items: list[tuple[int, str | None, bool]]) -> list[list[int]]:
    """Indexes of maximal runs of consecutive items sharing an opener (items: (pos, opener, short head))."""
    runs, current, key = [], [], None
    for i, (_, opener, ok) in enumerate(items):
        if opener and ok and (opener == key):
            current.append(i)
            continue
        if len(current) >= _UNNUMBERED_MIN:
            runs.append(current)
        current, key = ([i], opener) if opener and ok else ([], None)
    if len(current) >= _UNNUMBERED_MIN:
        runs.append(current)
    return runs


def unnumbered_lists(text: str, names: list[str], bullets: set[int]) -> list[ListSpan]:
    """Lists without ordinals: bullet paragraphs, parallel paragraphs, parallel sentences in one paragraph."""
    found: list[ListSpan] = []
    paras: list[tuple[int, int]] = []
    pos = 0
    for para in text.split("\n"):
        paras.append((pos, pos + len(para)))
        pos += len(para) + 1
    # Bullet lines: their shape says they are a list.
    i = 0
    while i < len(paras):
        j = i
        while j < len(paras) and j in bullets:
            j += 1
        if j - i >= 2:
            found.append(ListSpan("bullet", False, bounds=[paras[k] for k in range(i, j)]))
        i = max(j, i + 1)
    # Paragraphs opening with the same directive word.
    items = []
    for k, (s, e) in enumerate(paras):
        frag = text[s:min(e, s + _PEEK)]
        items.append((k, _opener(frag) if k not in bullets else None, len(_head_clause(frag.lstrip("- "))) <= 20))
    for run in _runs(items):
        found.append(ListSpan("para:" + items[run[0]][1], False, bounds=[paras[items[k][0]] for k in run]))
    # Sentences of one paragraph opening with the same directive word (要…。要…。要…。).
    for s, e in paras:
        starts = _sentence_starts(text, s, e)
        cand = []
        for off in starts:
            frag = text[off:min(e, off + _PEEK)]
            lead = re.match(r"^[^，。；;：:]{1,12}?(?:强调|要求|指出|提出|说|表示)[，,：:]", frag)
            if lead and _opener(frag[lead.end():]) == "要":  # "会议要求，要坚持…": the point starts after the lead
                off, frag = off + lead.end(), frag[lead.end():]
            cand.append((off, _opener(frag), len(_head_clause(frag)) <= _HEAD_CLAUSE_MAX))
        # continuation sentences (no opener) may sit between points: drop them before finding runs
        points = [c for c in cand if c[1]]
        for run in _runs(points):
            offs = [points[k][0] for k in run]
            bounds = [(offs[k], offs[k + 1]) for k in range(len(offs) - 1)]
            last_end = e
            for off in [c[0] for c in cand if c[0] > offs[-1]]:
                if is_stop(text[off:min(e, off + _PEEK)], names):
                    last_end = off
                    break
            bounds.append((offs[-1], last_end))
            found.append(ListSpan("sent:" + points[run[0]][1], False, bounds=bounds))
    return found


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


def find_lists(text: str, names: list[str], bullets: set[int] | None = None) -> list[ListSpan]:
    """Every list of an article, in reading order, with nesting resolved and each point's bounds."""
    numbered = group_lists(find_markers(text))
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
            i = bisect.bisect_right([s for s, _ in kept[k].bounds], lst.start) - 1
            if i >= 0 and kept[k].bounds[i][0] < lst.start < kept[k].bounds[i][1]:
                holder = (k, i)
                break
        if holder:
            k, i = holder
            limit = kept[k].bounds[i][1]
            if lst.markers[-1].start >= limit:
                continue  # its ordinals run past the point that holds it: not one list
            lst.parent, lst.parent_point = k, i
            lst.bounds[-1] = (lst.bounds[-1][0], min(lst.bounds[-1][1], limit))
        elif open_lists:
            continue  # overlaps an open list without sitting inside one of its points
        open_lists.append(len(kept))
        kept.append(lst)
    covered = _Coverage([(lst.start, lst.end) for lst in kept])
    for lst in unnumbered_lists(text, names, bullets or set()):
        if covered.overlaps(lst.start, lst.end):
            continue  # a numbered list already covers this text
        covered.add(lst.start, lst.end)
        kept.append(lst)
    order = sorted(range(len(kept)), key=lambda k: kept[k].start)
    remap = {old: new for new, old in enumerate(order)}
    result = [kept[k] for k in order]
    for lst in result:
        if lst.parent is not None:
            lst.parent = remap[lst.parent]
    return result
