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
The spans, paragraphs and stops are `bot/listspans.py`'s; the lists without ordinals are found by
`bot/unnumbered.py`; this module finds the numbered ones, where each ends, and how all of them nest.
"""
from __future__ import annotations

import bisect
import re

from bot.listspans import (CHAPTERS, MARKER_STYLES, PEEK, SECTION_HEADING, Coverage, ListSpan, Marker,
                           ends_document, is_stop, opens_with_marker, paragraph_bounds, paragraphs_between,
                           sentence_starts)
from bot.textutil import CJK, CN_NUMERAL, FULL_STOPS, SENTENCE_ENDS, cn_to_int
from bot.units import TASK_FIELD
from bot.unnumbered import unnumbered_lists

# 首先…其次…再次…最后: ordinal words, numbered by their order.
_SEQUENCE = re.compile(rf"(?:(?<=^)|(?<=[{SENTENCE_ENDS}：:，,\n]))(?P<w>首先|其次|再次|然后|最后)(?=[，,：:]|要)")
_SCAN_CHARS = 4000
_OPENER = 4  # characters of a sentence's opening ("会议议定") its sibling points may all share
_ALIKE_MIN = 2  # earlier heading points whose bodies are alike, for the last one's body to be read as theirs


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
        if n and v not in _NOT_VERB:
            by_verb.setdefault(v, []).append((m.start("n"), m.end(), n))
    return [Marker(a, b, n, v) for v, found in by_verb.items() if {1, 2} <= {n for _, _, n in found}
            for a, b, n in found]



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


def _last_point_end(text: str, lst: ListSpan, earlier: list[tuple[int, int]], names: list[str]) -> int:
    """Where a list's last point ends (see the module docstring); `earlier`: the bounds of the points before."""
    last = lst.markers[-1]
    p_start, p_end = paragraph_bounds(text, last.start)
    # Inside its paragraph: stop at a sentence that reports or hands over to someone else (looked for
    # within a few screens: a longer point is cut into parts later anyway).
    for off in sentence_starts(text, last.end, min(p_end, last.end + _SCAN_CHARS))[1:]:
        fragment = text[off:min(p_end, off + PEEK)]
        # unless every earlier point goes on the same way ("（一）关于…。会议议定，…" in each): then it is the points'
        if is_stop(fragment, names) and not (earlier and all(fragment[:_OPENER] in text[s:e] for s, e in earlier)):
            return off
    if text[p_start:last.start].strip():
        # Points set apart by semicolons are clauses of one sentence ("一是…；二是…；三是…。1—5月，全县…"): the last
        # ends with that sentence. Otherwise a point inside a paragraph ends with it.
        if earlier and all(text[s:e].rstrip()[-1:] in "；;" for s, e in earlier):
            # as many sentences as each earlier point holds ("1.统一配送标准。由中心厨房…送达；"): a headline and its
            # detail take two
            inner = min(len(re.findall(f"[{FULL_STOPS}]", text[s:e])) for s, e in earlier)
            pos = last.end
            for _ in range(inner + 1):
                stop = re.search(f"[{FULL_STOPS}]", text[pos:p_end])
                if not stop:
                    break
                pos += stop.end()
            if pos > last.end and text[pos:p_end].strip():
                return pos
        return p_end
    # Paragraphs below the earlier points' own: the body a heading point carries.
    bodies = [text[paragraph_bounds(text, s)[1]:e].strip() for s, e in earlier]
    bodies = [b for b in bodies if b]
    own = text[last.start:p_end].strip()
    # a short line ("2.推进公共厕所提档升级。") over sub-points of another style is their heading, stop or not
    following = text[p_end:p_end + 2000].lstrip("\n　 ")
    same_style = MARKER_STYLES.get(lst.style)
    heading = len(own) <= 40 and (own[-1:] not in SENTENCE_ENDS or (
        len(re.findall(f"[{FULL_STOPS}]", own)) <= 1 and opens_with_marker(following.split("\n", 1)[0])
        and not (same_style and same_style.match(following))))
    if not bodies and not heading:
        return p_end
    only_points = bool(bodies) and all(opens_with_marker(line) for b in bodies for line in b.split("\n") if line.strip())
    # Headings whose bodies are alike, k paragraphs each without sub-points ("【01 种粮补贴】" over its paragraph;
    # "一、抓好机收" over its paragraph and its 责任单位 line): so is the last one's, and what follows is the
    # document's again ("各村、各单位要高度重视…"). A plan's heading points hold their sub-points instead.
    sizes = {len([x for x in b.split("\n") if x.strip()]) for b in bodies}
    alike = (heading and len(bodies) == len(earlier) >= _ALIKE_MIN and len(sizes) == 1
             and not any(opens_with_marker(x) for b in bodies for x in b.split("\n") if x.strip()))
    left = sizes.pop() if alike else None  # paragraphs the last point still takes, when its siblings say
    end, sub_points = p_end, False
    while end < len(text) and left != 0:
        nxt_start = end + 1
        _, nxt_end = paragraph_bounds(text, nxt_start)
        para = text[nxt_start:nxt_end]
        if para.strip():
            if (is_stop(para, names) or ends_document(para) or (same_style and same_style.match(para.lstrip("　 ")))
                    or (lst.style != "首先" and re.match(r"^\s*最后[，,]", para))):
                break
            # where the siblings hold only sub-points, text after this point's sub-points is not its own
            if only_points and sub_points and not opens_with_marker(para):
                break
            if alike and opens_with_marker(para):
                break  # alike bodies hold no sub-points: a marked paragraph is another list's
            sub_points = sub_points or opens_with_marker(para)
            left = left - 1 if left is not None else None
        end = nxt_end
    return end


def _numbered_bounds(text: str, lst: ListSpan, names: list[str]) -> list[tuple[int, int]]:
    bounds = []
    for i, m in enumerate(lst.markers):
        if i + 1 < len(lst.markers):
            end = lst.markers[i + 1].start
            # a chapter heading between two 条 belongs to neither
            for s, e in paragraphs_between(text, m.end, end):
                if SECTION_HEADING.match(text[s:e].strip()):
                    end = s
                    break
            bounds.append((m.start, end))
        else:
            bounds.append((m.start, _last_point_end(text, lst, bounds, names)))
    return bounds



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
                if child.parent == k and child.parent_point in moved and all(child is not p for p in parts):
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
    covered = Coverage([(lst.start, lst.end) for lst in kept])
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
