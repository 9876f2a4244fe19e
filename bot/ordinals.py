"""Ordinal paths: a point addressed by its place in a document's outline — "第三个聚力", "第二部分第三条",
"重点任务（一）里第2项下面的第（1）小项", "第二点意见里的第三条", "办法第五条" — read from a question, and
found among the lists of an article (each list knows the point of the list that holds it).

A path is one step per level, outermost first. A step may say how its level is numbered. Numbering written
out is meant: （二） is a （一）-style list and (1) a (1)-style one, and an outermost 第五条 a 办法's article, wherever
the document has lists numbered so. Other wording only hints — 第二部分 a document's top level (一、 in a plan),
第2项 an Arabic-numbered list (2.) — as officials rarely copy a document's numbering: the list the question
names by its words comes first, the hint decides between lists it names alike. A point the document does not
have is no other point: the question is refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Protocol

from bot.lists import find_markers
from bot.textutil import CJK, CN_NUMERAL, cn_to_int

_N = rf"[{CN_NUMERAL}\d]{{1,3}}"
# One ordinal, as a follow-up asks for another point of the same list (bot/conversation.py): "第三条呢".
ORDINAL = re.compile(rf"第\s*(?P<n>{_N})\s*(?P<unit>个|条|章|点|项|方面|要求|要|是)?(?=[个条点项方面要是什么呢吗？?，,的]|$)")
# "最后一点", "最后一条": the last point of a list.
LAST = re.compile(r"最后\s*(?:一\s*)?(?:个|条|点|项|方面|要求)")

# A point counted from the end: "倒数第二条", "倒数第三项" (a list's measure must follow: "倒数第一" alone is a rank).
_BACK = rf"倒数\s*第\s*(?P<back>{_N})\s*(?P<back_unit>个方面|方面|个|条|点|项|要求)"
# One step of a path: "（二）", "第（1）小项", "第2项", "第二部分", "第五条", "第二点", "最后一条", "倒数第二条".
# A point by the marker it is printed with, the numeral bare ("“三个持续”，一要是啥", "存在的问题，二是啥"): after a pause or
# 的/里/中, before what asks it (not "统一是…").
_MARKED = (rf"(?:(?<=^)|(?<=[，,。：:\s的里中]))(?P<marked>[{CN_NUMERAL}]{{1,2}})(?P<mark>是|要)"
           r"(?=是|说|讲|指|呢|啥|什么|[？?，,。]|$)")
_STEP = re.compile(
    rf"{_BACK}|{_MARKED}|"
    rf"第?\s*[（(]\s*(?P<bn>{_N})\s*[）)]\s*(?:小项|小点|大项|项|条|点|款)?"
    rf"|第\s*(?P<n>{_N})\s*(?P<unit>大部分|部分|个方面|方面|小项|大项|项|条|章|点|个|件事|件|要求|要|是)"
    rf"|第\s*(?P<bare>{_N})(?=[什么呢吗？?，,的里之]|中的|下面|$)"
    rf"|(?P<last>{LAST.pattern})"
)
# A place in a ranking, not a point of a list: "排名倒数第一", "排第一的是哪个镇", "名列第三" (not "安排第二项").
_RANKED = re.compile(r"(?:倒数|排名|排在|(?<![安编])排|名列|位列|位居)\s*$")
# ...but a place in a list, said with the list's own measure: "分工表排第6项的", "排在第三条的" (not "排名第三条").
_LISTED = re.compile(r"(?<![安编])排在?\s*$")
_LIST_UNITS = ("项", "条", "点", "部分", "大部分", "方面", "个方面")
# What joins two steps into one path: nothing, or 的 / 里 / 中 / 下面 / 之 after a few words ("第二点意见里的",
# "第二点意见的"); "和", "与", a comma keep them apart ("第二条和第三条" asks two things).
_JOIN = re.compile(rf"(?:[{CJK}]{{0,4}}?(?:里面|里头|里边|里|当中|之中|中间|中|下面|下边|下属|下|内|之|的))?的?")


@dataclass(frozen=True)
class Step:
    """One level of a path: the point's number (-1: the last, -2: the one before it) and the list styles it names,
    if any."""

    n: int
    styles: tuple[str, ...] = ()  # list styles (bot/listspans.py MARKER_STYLES) the question's wording suggests
    top: bool = False  # "第二部分": the document's top level
    firm: bool = False  # the styles are written out ("（二）", a 办法's "第五条"): where the document numbers a level so,
    #                     only that level is meant
    words: str = field(default="", compare=False)  # as the question wrote it ("第二点", "第（1）小项")


@dataclass(frozen=True)
class OrdinalPath:
    steps: tuple[Step, ...]
    start: int  # where the path is written in the question
    end: int


def _step(m: re.Match) -> Step | None:
    if m.group("last"):
        return Step(-1)
    if m.group("marked"):
        # (the marker said is the list's: "一要是啥" of a meeting that numbered its points 一要…三要 is one of those)
        n = cn_to_int(m.group("marked"))
        return Step(n, (m.group("mark"),), firm=True) if n else None
    if m.group("bn"):
        raw = m.group("bn")
        n = cn_to_int(raw)
        return Step(n, ("(1)",) if raw.isdigit() else ("（）",), firm=True) if n else None
    raw = m.group("n") or m.group("bare") or m.group("back")
    n = cn_to_int(raw)
    if not n:
        return None
    if m.group("back"):
        n = -n  # counted from the end, numbered as a step from the start is ("倒数第二条" of a 办法: its articles)
    unit = m.group("unit") or m.group("back_unit") or ""
    if unit.endswith("部分"):
        return Step(n, ("、",), top=True)
    if unit == "条":
        return Step(n, ("条",), firm=True)  # a 办法's articles are numbered 第五条; elsewhere any list will do
    if unit == "章":
        return Step(n, ("章",), firm=True)  # a 办法's chapter (bot/listspans.py CHAPTERS)
    if unit == "要":  # "第四要" of a meeting that numbered its points 一要…三要: one of those
        return Step(n, ("要",), firm=True)  # (not 是: in "第二是什么" it asks as often as it marks)
    return Step(n, ("1.",) if raw.isdigit() else ())


def read_path(question: str) -> OrdinalPath | None:
    """The longest run of steps the question joins into one path (the first of equals), or None."""
    found = [(m, replace(s, words=m.group(0).strip())) for m in _STEP.finditer(question)
             if not _ranked(question[:m.start()], m) and (s := _step(m))]
    best: list[tuple[re.Match, Step]] = []
    run: list[tuple[re.Match, Step]] = []
    for m, s in found:
        if run and not _JOIN.fullmatch(question[run[-1][0].end():m.start()].strip()):
            run = []
        run.append((m, s))
        if len(run) > len(best):
            best = list(run)
    if not best:
        return None
    # Only the outermost 第X条 is a 办法's article; below a point ("第二部分第三条") 条 counts any point.
    steps = [s if k == 0 or s.styles != ("条",) else replace(s, firm=False) for k, (_, s) in enumerate(best)]
    return OrdinalPath(tuple(steps), best[0][0].start(), best[-1][0].end())


def _ranked(before: str, m: re.Match) -> bool:
    """The step read at `m` is a place in a ranking, by the words `before` it."""
    return _RANKED.search(before) is not None and not (m.group("unit") in _LIST_UNITS and _LISTED.search(before))


class Level(Protocol):
    """A list as a path is walked over it (bot.catalog.ListEntry)."""

    list_id: str
    size: int
    style: str
    parent: str | None
    parent_point: int | None
    first: int  # the number its first point is printed with


@dataclass(frozen=True)
class Resolved:
    """Where a path leads: the list and point it addresses, the list it starts from, how well it fits."""

    list_id: str
    ordinal: int
    root: str
    fit: int  # firm steps whose list is numbered as the question writes it
    hint: int = 0  # other steps whose list is numbered as the question's wording suggests


def _walk(steps: tuple[Step, ...], level: Level, children: dict[tuple[str, int], list[Level]],
          numbered: set[str], named: bool = False) -> tuple[str, int, int, int] | None:
    """The path followed down from `level`: (list id, point, fit, hint) of where it leads — each step's point in
    its list, each next step in a list that point holds (the best fitting of them). A firm step fits only a
    list numbered as it says when the article `numbered` any list so."""
    step = steps[0]
    n = _place(step.n, level, named)
    if n is None or (step.firm and numbered & set(step.styles) and level.style not in step.styles):
        return None
    fits = level.style in step.styles
    fit, hint = int(fits and step.firm), int(fits and not step.firm)
    if len(steps) == 1:
        return level.list_id, n, fit, hint
    below = [r for c in children.get((level.list_id, n), []) if (r := _walk(steps[1:], c, children, numbered, True))]
    if not below:
        return None
    list_id, point, more, more_hint = max(below, key=lambda r: (r[2], r[3]))  # the first of equals
    return list_id, point, fit + more, hint + more_hint


def _place(n: int, level: Level, named: bool) -> int | None:
    """Which point of `level` number `n` is (1-based), or None. Numbering that runs on from the point before
    (4.…6. under （二） after 1.…3. under （一）) is addressed by its printed numbers when no point above it is
    named ("分工第5项"); under a named point by its place there ("（二）里的第1项"), or by a printed number past it."""
    if n < 0:  # counted from the end
        return level.size + 1 + n if -n <= level.size else None
    if 1 <= n <= level.size and (named or level.first == 1):
        return n
    printed = n - level.first + 1
    return printed if level.first > 1 and 1 <= printed <= level.size else None


def resolve(steps: tuple[Step, ...], lists: Iterable[Level], rank: dict[str, float] | None = None,
            only: str | None = None) -> Resolved | None:
    """The point `steps` address among one article's lists, or None when no list has it.

    Every list may be where the path starts; of those it leads through, the one whose numbering fits what the
    question writes out best wins, then the one the question names best by its words (`rank`: list id → its
    score), then the one whose numbering fits what the wording hints, then the outermost (a document's top
    level before a sub-list), then the first.
    `only`: start from this list alone."""
    lists = list(lists)
    rank = rank or {}
    children: dict[tuple[str, int], list[Level]] = {}
    for lst in lists:
        if lst.parent and lst.parent_point:
            children.setdefault((lst.parent, lst.parent_point), []).append(lst)
    by_id = {lst.list_id: lst for lst in lists}
    numbered = {lst.style for lst in lists}
    first = steps[0]
    if first.n < 0 and first.firm and (runs := [lst for lst in lists if lst.style in first.styles]):
        # A 办法's articles counted from the end ("倒数第二条"), numbered on across its chapters: the article printed
        # that far from its last one, found as "第六条" is.
        last = max(lst.first + lst.size - 1 for lst in runs)
        if last + 1 + first.n < 1:
            return None
        steps = (replace(first, n=last + 1 + first.n),) + steps[1:]
    walked = [(Resolved(r[0], r[1], lst.list_id, r[2], r[3]), i) for i, lst in enumerate(lists)
              if (only is None or lst.list_id == only)
              and (not steps[0].top or lst.parent is None)
              and (r := _walk(steps, lst, children, numbered))]
    if not walked:
        return None
    return min(walked, key=lambda x: (-x[0].fit, -rank.get(x[0].root, 0.0), -x[0].hint,
                                      _depth(by_id[x[0].root], by_id), x[1]))[0]


def _depth(lst: Level, by_id: dict[str, Level]) -> int:
    d, seen = 0, set()
    while lst.parent and lst.parent in by_id and lst.list_id not in seen:
        seen.add(lst.list_id)
        lst, d = by_id[lst.parent], d + 1
    return d


def no_points_of(people: tuple[str, ...], title: str | None) -> str:
    """Why a list asked of someone is not answered: the document the question names (its title) has none of theirs."""
    where = f"《{title}》" if title else "您说的这份文件"
    return f"{where}里没有找到{'、'.join(people)}讲的要点，请核对讲话人后再问。"


def no_such_point(steps: tuple[Step, ...], title: str | None) -> str:
    """Why a path is not answered: the document the question names (its title) has no point there."""
    where = f"《{title}》" if title else "您说的这份文件"
    return f"{where}里没有{'下的'.join(s.words or f'第{s.n}条' for s in steps)}，请核对序号后再问。"


class Shown(Protocol):
    """A passage as shown: a point of a list (its place in it) or another passage."""
    kind: str
    ordinal: int | None
    text: str


def another_point(asked: int | None, passage: Shown) -> bool:
    """The passage is not the point asked for by its place (`asked`: the place, -1 the last, None none): a point of
    some list at another place, or a passage of no list that does not say the place (the "三年行动方案第二条" of an
    archive with no such plan is no other list's point and no meeting's lead)."""
    if not asked or asked < 0:
        return False
    if passage.kind == "point" and passage.ordinal is not None:
        return passage.ordinal != asked
    return not any(m.n == asked for m in find_markers(passage.text))
