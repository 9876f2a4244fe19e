"""Lists without ordinals: task-table rows, bullet and "——" lines, paragraphs opening alike (要…, a unit that
must act, parallel verbs such as 聚焦/强化/坚持, paragraphs a colon announces, paragraphs headed by a short
sentence), and sentences or ；-clauses of one paragraph opening so. See `bot/lists.py` for how they meet the
numbered lists."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import bot.textutil  # noqa: F401  (quiets jieba before first use)

from bot.analysis import word_tag
from bot.listspans import (CELL_SEP, MARKER_STYLES, PEEK, STOP_OPENER, Coverage, ListSpan, clause_spans, is_stop,
                           opens_with_marker, paragraphs)
from bot.textutil import CJK, CN_NUMERAL, FULL_STOPS, SENTENCE_ENDS
from bot.units import COLLECTIVE, LEVELS

_UNNUMBERED_MIN = 3  # unnumbered points without a lead ("会议要求，") before them
_HEAD_CLAUSE_MAX = 24  # a point's first clause is a short heading ("要抓好指标提升，…")
_PARALLEL_FLAGS = ("v", "vd", "vn", "d", "a", "ad")  # openers that are verbs (聚焦, 强化, 坚持…) or adverbs
# 要 that is not "must": 要求, 要素, 要点, 要闻, 要害, 要是, 要么, 要不是/要不然
# What follows a 要 that directs no one ("要求", "要素", "要点", "不是"…): a word, or a negation.
NOT_DIRECTING_AFTER_YAO = r"(?:[求素点闻害是么]|不是|不然|不要)"
_NOT_DIRECTIVE_YAO = re.compile(rf"要{NOT_DIRECTING_AFTER_YAO}")
# Words ending in 要 that are no directive: 主要, 重要, 需要, 只要, 必要, 将要, 纲要, 摘要 …
_YAO_WORD_FIRST = set("主重需只想必首纲概摘提紧次简扼索将快险政机显权")
# "会议要求，" / "冯志远强调：" / "在随后召开的会议上，刘朝晖要求，": the clause that introduces what follows.
_LEAD_VERB = r"(?:强调|要求|指出|提出|表示|部署|希望|说|明确|决定|议定)"
# (not a noun after 的: "按照“管行业必须管安全”的要求，…" is a point's detail, not who required it)
_LEAD = re.compile(rf"^(?:[^，,。；;：:！？!?\n]{{1,24}}[，,])??[^，,。；;：:！？!?\n]{{1,16}}?(?<!的){_LEAD_VERB}[，,：:]")
# A clause ending in a colon that announces the points after it (within one sentence), or a sentence
# framing them ("要把防汛作为头等大事来抓，…，重点盯住三个方面：要…；要…").
_ANNOUNCING = re.compile(r"^[^，,。；;：:！？!?\n]{2,30}[：:]|^[^。；;：:！？!?\n]{2,80}[：:](?=要)")
_ACTOR_YAO = re.compile(rf"^[^，,。；;：:！？!?\n“”\"]{{1,14}}?要(?=[{CJK}“\d])")  # (or its deadline: "县交通运输局要10月底前…")
_LEADS = re.compile(r"^由[^，,。；;：:！？!?\n“”\"]{2,20}?牵头(?=[，,])")
# Everyone addressed at once ("各级各部门要…", "全县上下要…"): an exhortation framing the units' tasks, no unit's own.
_EVERYONE = COLLECTIVE + ("全", "我们", "大家")
# Each place of a level ("各镇要落实属地责任", "各乡镇要…"): units given their part, not everyone exhorted.
_PLACES_EACH = re.compile(rf"各(?:乡镇|县区|区县|街道|社区|园区|开发区|村|[{LEVELS}])")
_MUST = re.compile(r"^[^，,。；;：:！？!?\n]{0,14}?(?:必须|务必)")
_DASH = ("——", "－－", "—", "－")


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
    if len(word) == 2 and word_tag(word) in _PARALLEL_FLAGS and not word_tag(s[:3]):
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
        # "会议要求，各成员单位要对照清单抓好落实：要加大…；要…": what the colon announces are the points
        colon = _ANNOUNCING.match(rest)
        if colon and (found := _opening(rest[colon.end():])) and found[0] == "要" and not found[1]:
            return _Directive("要", pad + lead.end() + colon.end(), False, True, _short_head(rest[colon.end():]))
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
        # "下一步，全县将在保进度和强管护上同时发力：要加快…；要强化…": a colon announcing bare 要 points leads them as a
        # speaker's "要求，" does
        # (or points each led by its unit: "温淑敏对下半年重点任务作了分工：县数据局要牵头，…；县行政审批服务局要…")
        colon = _ANNOUNCING.match(s)
        if colon and (after := _opening(s[colon.end():])) and after[0] == "要":
            return _Directive("要", pad + colon.end(), after[1], True, _short_head(s[colon.end() + after[2]:]))
        return None
    key, actor, at = found
    return _Directive(key, pad, actor, False, _short_head(s[at:]))


def _short_head(s: str) -> bool:
    return len(re.split(r"[，,。；;！？!?：:]", s, maxsplit=1)[0]) <= _HEAD_CLAUSE_MAX


@dataclass(frozen=True)
class _Item:
    """A paragraph, sentence or clause that may be a point: where its point would start, where it ends."""

    start: int
    end: int
    directive: _Directive | None


def _items(text: str, units: list[tuple[int, int]], deep: bool = True) -> list[_Item]:
    out = []
    for us, ue in units:
        d = _directive(text[us:min(ue, us + PEEK)], deep) if us < ue else None
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
        # bare 要 points followed by points each led by its unit ("要…；要…；要…。县林业局要…；县应急管理局要…；
        # 各乡镇要…"): what the meeting asks of everyone, then of each unit — two lists
        tail = 0
        while tail < len(current) - 2 and items[current[-1 - tail]].directive.actor:
            tail += 1
        if tail >= _UNNUMBERED_MIN and not any(items[k].directive.actor for k in current[1:-tail]):
            units = current[-tail:]
            del current[-tail:]
            finish()
            current[:] = units
        finish()

    def finish() -> None:
        if not current:
            return
        if not items[current[0]].directive.head_ok and not all(items[k].directive.actor for k in current) \
                and not (len(current) > 1 and _after_semicolon(text, items[current[1]].start)):
            del current[0]  # a long sentence led by a unit, followed by points of another kind: not one of them
        if not current:
            return
        first = items[current[0]]
        led = first.directive.lead or first.directive.key == "——" or _after_colon(text, first.start)
        kept = current[:1] + [k for k in current[1:] if not items[k].directive.actor]
        if len(kept) < len(current) and len(kept) >= 2:
            current[:] = kept
        # the lead's sentence states something before its 要 ("会议强调，元旦春节是消费旺季，要坚决守住底线。"),
        # then three or more points alike — bare 要 sentences, or each led by its unit ("县民政局要…；县财政局要…"):
        # the statement frames the points, it is not the first of them
        if len(current) >= 4 and first.directive.lead and _states_first(text[first.start:first.end]) \
                and not any(items[k].directive.lead for k in current[1:]) \
                and len({items[k].directive.actor for k in current[1:]}) == 1 \
                and not _after_semicolon(text, items[current[1]].start):
            del current[0]
            first = items[current[0]]
        clausal = [bool(re.search(r"[，,]", text[items[k].start:items[k].end])) for k in current]
        # (not when every point is led by its unit and the first names one: "程晓岚要求，县粮食和物资储备局要…；县农业农村局
        # 要…，…；各乡镇要…" — that unit's task is short, not a statement before them, as "各级各部门要高度重视" is)
        if len(current) >= 3 and first.directive.lead and first.directive.head_ok and not clausal[0] and all(clausal[1:]) \
                and not (all(items[k].directive.actor for k in current)
                         and not text.startswith(_EVERYONE, first.start)):
            del current[0]
        # points each led by its unit, then a sentence of its own to everyone ("…；县水利局要加强…水位监测。各级领导干部要
        # 坚守岗位…"): the exhortation closing the division of work, not one unit's part of it
        last = items[current[-1]]
        if len(current) >= 4 and all(items[k].directive.actor and not text.startswith(_EVERYONE, items[k].start)
                                     for k in current[:-1]) \
                and text.startswith(_EVERYONE, last.start) and not _PLACES_EACH.match(text, last.start) \
                and not _after_semicolon(text, last.start):
            del current[-1]
        # two ；-clauses each giving a unit its part ("会议指出，…。县市场监管局要…；县教育局要…"), right after
        # what the meeting said: a division of the work (inside a point they are its detail)
        before = items[current[0] - 1] if current[0] > 0 else None
        actors = [items[k].directive.actor for k in current]
        divided = len(current) == 2 and _after_semicolon(text, items[current[1]].start) and before is not None \
            and ((all(actors) and (bool(_LEAD.match(text[before.start:before.end].lstrip()))
                                   # or after a bare 要 point: "要把…发挥出来。县委组织部要…；县总工会要…"
                                   or (before.directive is not None and before.directive.key == "要"
                                       and not before.directive.actor)))
                 # or after the last of points numbered inline ("…：一是…；二是…；三是…。"), both of one kind (after a
                 # point set as a headline, "第二，多措并举保供应。县发改局要…；县供电公司要…", they are its body)
                 or (len(set(actors)) == 1 and _after_semicolon(text, before.start)
                     and any(MARKER_STYLES[style].match(text[before.start:before.end].lstrip()) for style in "是第")))
        if len(current) >= (2 if led or divided else _UNNUMBERED_MIN):
            runs.append(list(current))

    next_key: list[str | None] = [None] * len(items)  # the key of the next directive after each item
    for i in range(len(items) - 2, -1, -1):
        d = items[i + 1].directive
        next_key[i] = (None if d.lead else d.key) if d else next_key[i + 1]
    key = None
    lacking = 0
    for i, item in enumerate(items):
        d = item.directive
        if d is None:
            if current and is_stop(text[item.start:item.end], []):
                # the meeting turning to its next item ("会议研究了清明期间森林防火工作。会议指出，…"), an annex, a
                # reporter's turn: what follows is not the points before it continued
                close()
                current, key = [], None
            continue
        if key == "要" and d.key != "要" and not d.lead and next_key[i] == "要":
            continue  # "积极发挥…" between "要推动股权投资，…。" and "要抓好…": it continues the 要 point
        # where every point so far is led by its unit ("县住建局要…。县交通运输局要…"), a sentence led by
        # another unit is the next point however long its first clause
        by_units = bool(current) and d.actor and not lacking  # (counted as the run grows: long runs stay linear)
        # a ；-clause after a point is the next point, however long its first clause
        parallel = bool(current) and _after_semicolon(text, item.start)
        # (but the paragraph ending in ；-clauses each led by its unit, after points for everyone: "要…；要…。县委组织部
        # 要会同…摸排；县总工会要…。" — the division of the work, a list of its own)
        if current and not (d.head_ok or parallel) and not by_units and d.key == key and not d.lead \
                and not (d.actor and all(x.directive.actor for x in items[i + 1:] if x.directive)
                         and any(x.directive and _after_semicolon(text, x.start) for x in items[i + 1:])):
            continue  # a long sentence of the same kind inside a list: the point's detail
        # what a lead or a colon introduces starts a list of its own
        if (d.head_ok or by_units or parallel) and d.key == key and not d.lead and not _after_colon(text, item.start):
            current.append(i)
            lacking += not d.actor
            continue
        close()
        # a sentence led by its unit opens a list of such sentences however long its first clause
        current, key = ([i], d.key) if d.head_ok or d.actor or d.lead else ([], None)
        lacking = int(bool(current) and not d.actor)  # points of the run not led by a unit
    close()
    return runs


def _states_first(sentence: str) -> bool:
    """The sentence opens with a statement clause, its directive later ("元旦春节期间是消费旺季，要…"); a clause
    opening with a verb other than 要 states too ("搬迁避让是…治本之策，要算好安全账")."""
    head = re.split(r"[，,]", sentence, maxsplit=1)
    opening = _opening(head[0]) if len(head) > 1 else None
    return len(head) > 1 and (opening is None or opening[0] != "要") and not _MUST.match(head[0])


def _after_semicolon(text: str, pos: int) -> bool:
    """The item at `pos` is a ；-clause: coordinate with the clause before it."""
    return text[max(0, pos - 1):pos] in ("；", ";")


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
        cells = CELL_SEP.split(line) if ("|" in line or "｜" in line) else []
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
                  if not Coverage([(a.start, a.end) for a in announced]).overlaps(lst.start, lst.end)]
    found += announced
    taken = Coverage([(lst.start, lst.end) for lst in announced])
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
    when or where (`_SETTING`) or reports the meeting (`STOP_OPENER`) is none."""
    def headed(k: int) -> bool:
        s, e = paras[k]
        para = text[s:e].lstrip("　 ")
        head = _HEADLINE_SENTENCE.match(para)
        return bool(head) and len(para) > head.end() + 4 and not STOP_OPENER.match(para) \
            and not _SETTING.match(para) and not opens_with_marker(para)

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
    a short heading clause that is no setting (`STOP_OPENER`, a time) followed by sentences of its own."""
    s, e = para
    d = item.directive
    if d:
        return d.head_ok and not d.lead and d.key != "——"
    para = text[s:e]
    head = _HEADING_CLAUSE.match(para)
    return bool(head) and not STOP_OPENER.match(para) and not _SETTING.match(para) \
        and any(c in para[head.end():] for c in FULL_STOPS)


# A paragraph that opens with when or where it happens, not with what to do.
_SETTING = re.compile(rf"^(?:今年|去年|明年|近年|近期|目前|当前|截至|截止|其中|同时|为此|为|在|对|从|自|随着|通过|经过|据|"
                      rf"[{CN_NUMERAL}\d]+月|[{CJK}]{{1,4}}(?:以来|期间|之前|之后|以后|时))")


def _sentence_lists(text: str, s: int, e: int, names: list[str]) -> list[ListSpan]:
    """Points inside one paragraph: sentences (要…。要…。) or, when the directives are ；-clauses of one
    sentence, its clauses (要…；要…；要…。). Sentences whose every point holds ；-clauses of its own are the list
    and those clauses its details ("要鼓足干劲，…；要主动想…。要开足马力，…；要坚定…。")."""
    clauses = clause_spans(text, s, e)
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
                if is_stop(text[item.start:min(e, item.start + PEEK)], names):
                    last_end = item.start
                    break
        bounds.append((starts[-1], last_end))
        return ListSpan("sent:" + items[run[0]].directive.key, False, bounds=bounds)

    found: list[ListSpan] = []
    items = _items(text, [(g[0][0], g[-1][1]) for g in sentences])
    taken: set[int] = set()  # sentences a sentence-level list took
    for run in _runs(text, items):
        key = items[run[0]].directive.key
        inner = [sum(1 for d in (_directive(text[cs:min(ce, cs + PEEK)]) for cs, ce in sentences[k][1:])
                     if d and d.key == key) for k in run]
        # sentences of one kind: bare 要 sentences, or each led by its unit (mixed, their clauses are the points)
        if (all(inner) or not any(inner)) and len({items[k].directive.actor for k in run}) == 1:
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
    paras = paragraphs(text)
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
    clauses = clause_spans(text, start, e)
    if not clauses or len(clauses) < (3 if colon else 4) or text[clauses[-1][1] - 1:clauses[-1][1]] not in "。！!":
        return []
    if any(len(text[a:b]) > 40 or re.search(r"[，,：:]", text[a:b]) for a, b in clauses):
        return []
    if any(text[b - 1] not in "；;" for _, b in clauses[:-1]):
        return []
    return [ListSpan("sent:；", False, bounds=clauses)]

