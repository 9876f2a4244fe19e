"""Duty questions: who leads a task, by when it must be done, what a unit must do — answered from each point's
tasks (bot/tasks.py: lead, partners, deadline).

Like every kind of question, three functions: `asks` reads what the question asks of a point's tasks, `prefers`
says whether a candidate passage has what that needs (its tasks name a lead, a deadline, the unit), and `holds`
whether a candidate can answer at all (a unit the question asks about must be named by it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from bot.kinds.when import DEADLINE_ASK, DEADLINE_SAID, says_when_due
from bot.phrasing import written_forms
from bot.question import Intent
from bot.records import Passage
from bot.textutil import CJK, abbreviates, coordinates, normalized_passage, shortens
from bot.units import LEVELS, SUFFIXES, abbreviates_unit, unit_at, unit_forms, without_place

# "谁牵头", "由谁负责", "哪个部门负责", "哪些单位负责", "牵头单位是哪个": the lead (or partners) of a task.
_DOES = r"(?:来)?(?:牵头|负责|主抓|承办|承担|落实|推进|实施|组织实施|搞|管|抓|办|干|弄|划定?|组织)"
WHO = re.compile(rf"谁{_DOES}|哪(?:几?个|些|家)(?:部门|单位|机构)|什么(?:部门|单位)|(?:牵头|责任|配合)(?:单位|部门)")
# What a unit is asked to do: "县住建局要做哪些事", "区司法局负责什么", "县水利局有什么任务",
# "对县交通运输局提了什么要求".
UNIT_DUTY = re.compile(r"要?做|干(?:什么|啥|哪些|些什么|些啥)|(?:哪些|什么|啥)活|负责|承担|任务|职责|分工"
                       r"|(?:布置|安排|部署|交办|分配)了?(?:哪些|什么|啥|哪几)"
                       r"|(?:牵头|主抓|分管|管)了?(?:哪些|什么|啥|哪几|哪块)"
                       rf"|对[^，。]{{1,14}}?(?:{'|'.join(SUFFIXES)})(?:提|有|作)了?(?:什么|哪些|啥)要求")
# Its items asked of the unit itself ("农业农村局管哪几项", "县财政局负责哪些"): the unit's points, not a list's items.
UNIT_ITEMS = re.compile(r"(?:管|负责|牵头|承担|分管|主抓)了?哪")
# The words a duty question asks with ("布置了哪些任务", "有什么要求"): how it asks, not its topic.
# (and where the duties are listed: "在分工表里", "清单中", jieba cutting "分工|表里")
_ASKS_DUTY = re.compile(r"任务|职责|分工|布置|安排|部署|交办|要求|负责|承担|工作|事情?|(?:表|清单|台账)[里中内上]?")
# A lead a text states: a unit, then 牵头 ("区人社局要牵头会同…", "由县水利局牵头").
_LEAD_SAID = re.compile(rf"(?:{'|'.join(SUFFIXES)})(?:要|负责|来)?牵头")
# A level as an adjective ("县级物流配送中心"): a thing at that level, not a unit.
_LEVEL_ADJECTIVE = re.compile(r"^[省市县区镇乡村]级")
# A name ending like a unit's that names a meeting or a body that meets ("县委常委会"), not one given tasks; or that
# holds a meeting by its form ("2025年…设施推进会部署了哪几项": the meeting, then 部署, no unit "…推进会部").
# (a union, an association or the Red Cross is given tasks: "县总工会", "县个体劳动者协会", "县红十字会")
_MEETING = re.compile(r"(?<!管委)(?<!委员)(?<![工协])(?<!十字)会$"
                      r"|(?:推进|调度|座谈|动员|常务|专题|联席|协调|现场|部署|工作|培训|表彰|发布)会")


@dataclass(frozen=True)
class DutyAsk:
    who: bool = False  # the lead unit
    deadline: bool = False  # the deadline
    units: tuple[str, ...] = ()  # units whose tasks are asked about ("县住建局要做哪些事")
    doers: tuple[str, ...] = ()  # units whose task's deadline is asked ("县卫健局…最晚啥时候要弄完")

    def __bool__(self) -> bool:
        return self.who or self.deadline or bool(self.units)


def named_units(question: str) -> tuple[str, ...]:
    """Units the question names, as it writes them ("县住建局", "区司法局"), or bare as people say them where a
    name can start ("住建局要干啥", "那应急局负责什么"): a bureau or commission without its place."""
    # "专题会上区住建局…": the meeting's 上 ends the meeting, no unit starts with it (a name holding "会上" is none)
    question = question.replace("会上", "会，")
    found, i = [], 0
    while i < len(question):
        name = unit_at(question, i) or _bare_unit(question, i)
        if name and (inner := _named_within(question, i, name)):
            i, name = inner  # "方案里县农业农村局": the words before a unit named in full are no part of it
        # (a village is named by two characters or more before 村: "乡村", "农村" are no village)
        if name and not _MEETING.search(name) and not _LEVEL_ADJECTIVE.match(name) \
                and not (len(name) == 2 and name.endswith("村")):
            found.append(name)
            i += len(name)
        else:
            i += 1
    return tuple(dict.fromkeys(found))


def _named_within(question: str, i: int, name: str) -> tuple[int, str] | None:
    """A unit named in full from a level inside `name` read at `i`, ending where it ends, after a word saying where
    it is named ("方案里县农业农村局", "通知中区财政局"): where it starts and its name, or None."""
    end = i + len(name)
    for j in range(i + 1, end - 2):
        if question[j - 1] in _WHERE_NAMED and question[j] in LEVELS and (inner := unit_at(question, j)) \
                and j + len(inner) == end:
            return j, inner
    return None


_WHERE_NAMED = "里中内"
# A bureau or commission by its name, with its level or bare ("县卫健局", "区发改委", "应急局").
_BUREAU = re.compile(rf"[{''.join(LEVELS)}]?[{CJK}]{{1,8}}[局委]")


# Where a bare unit's name can start in a question: its head, after punctuation, or after a word leading up to it.
_SPOKEN_BEFORE = r"请问|问一?下|那么?|[我咱他她你]们"  # never inside a name
_LEAD_IN = re.compile(rf"{_SPOKEN_BEFORE}|对|给|让|跟|和|与|及")
# (or after where it is named: "任务分工表里农业农村局", "方案中发改委")
_BARE_AFTER = re.compile(rf"(?:^|[^{CJK}]|{_LEAD_IN.pattern}|(?:表|单|案|则|点|知|账|件)[{_WHERE_NAMED}])$")
_BARE_ENDS = ("局", "委")  # 住建局, 发改委 (not 办: "怎么办")
# Words ending in 局 that name no bureau: 格局, 大局, 布局…
_NOT_BUREAU = ("格局", "大局", "布局", "当局", "结局", "开局", "变局", "饭局", "残局", "全局", "时局", "骗局", "僵局", "定局",
               "常委", "编委", "评委")


def _bare_unit(question: str, i: int) -> str | None:
    """A bureau or commission named at `i` without its place ("应急局", "发改委"), read as if the county's."""
    if not _BARE_AFTER.search(question[max(0, i - 3):i]):
        return None
    name = unit_at("县" + question[i:], 0)
    if not name or _LEAD_IN.match(name, 1) or re.search(_SPOKEN_BEFORE, name):
        return None  # "请问住建局", "周海涛他们应急管理局": the name starts after those words
    if len(name) < 4 or not name.endswith(_BARE_ENDS) or name.endswith(_NOT_BUREAU):
        return None
    # a unit named in full inside the run ("办法里区财政局"): that one is named, from where it starts
    if any(unit_at(question, j) for j in range(i + 1, i + len(name) - 3)):
        return None
    return name[1:]


def asks(question: str, intent: Intent | None = None) -> DutyAsk:
    """What the (normalized) question asks of a point's tasks."""
    who = bool(WHO.search(question))
    # Asking who leads, the units named are the task's objects ("县级物流配送中心"), not whose duties are asked.
    deadline = bool(DEADLINE_ASK.search(question))
    named = named_units(question) if not who and (deadline or UNIT_DUTY.search(question)) else ()
    units = named if UNIT_DUTY.search(question) else ()
    # A deadline asked of a bureau's or commission's task is that unit's: another unit's deadline on the topic does not
    # answer. (Only those: read outside a duty question, names ending otherwise are often cuts across words.)
    doers = () if units else tuple(d for u in named for d in re.split(r"[和与及、]", u) if _BUREAU.fullmatch(d))
    return DutyAsk(who, deadline, units, doers)


def _forms(unit: str) -> set[str]:
    """A unit's forms (bot/units.py), and its name without the place it belongs to ("杏坪镇妇联" → "妇联")."""
    return unit_forms(unit) | {without_place(unit)}


def _names_unit(unit: str, passage: Passage, text: str) -> bool:
    forms = _forms(unit)
    tasks = passage.tasks
    named = tuple(normalized_passage(n) for n in tasks.lead + tasks.partners) if tasks else ()
    title = normalized_passage(passage.title)
    # (a unit asked by the short name people use: "应急局" is the 县应急管理局 a task names)
    return any(f in text or f in title or any(f in n or abbreviates_unit(f, n) for n in named) for f in forms)


def prefers(ask: DutyAsk, passage: Passage, text: str) -> int:
    """How much of what the question asks the passage's tasks hold (0 when nothing): a point whose tasks name
    its lead answers "谁牵头", one with a deadline "最晚什么时候", one whose lead or partners are the unit asked
    about "县住建局要做哪些事" (more when it leads alone). `text`: the passage's normalized text."""
    tasks = passage.tasks
    score = 0
    # a lead its tasks carry, or one its text states (a meeting report's paragraph, which is no list point)
    if ask.who and ((tasks and tasks.lead) or _LEAD_SAID.search(text)):
        score += 1
    # a deadline its tasks carry, or one its text states ("…由县交通运输局会同县文旅局在6月底前完成环线规划编制"
    # inside a speech's paragraph, which is no list point)
    if ask.deadline and ((tasks and tasks.deadline) or DEADLINE_SAID.search(text)):
        score += 1
    if ask.doers and any(_names_unit(u, passage, text) for u in ask.doers):
        score += 1
    if ask.units and tasks and any(_names_unit(u, passage, "") for u in ask.units):
        score += 1
        # The unit's own task (it alone leads) before one it shares with others.
        lead = normalized_passage(tasks.lead[0]) if len(tasks.lead) == 1 else ""
        if lead and any(f in lead or abbreviates_unit(f, lead) for u in ask.units for f in _forms(u)):
            score += 1
    return score


def holds(ask: DutyAsk, passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    """A passage can answer what a unit must do only if it names that unit (in its words, tasks or title), and
    on the topic the question gives ("县卫健局在农村污水治理中负责什么"): at least `floor` of the topic's weight
    (`topic`: the question's content words, IDF-weighted) in the passage or its title — the unit's other tasks in
    a document about something else do not answer. A task's deadline asked needs a passage naming a time; asked of a
    bureau ("县卫健局…最晚啥时候要弄完"), one naming that bureau, on the topic, as for its duties."""
    if ask.deadline and not ask.who and not says_when_due(passage, text):
        return False  # a task's deadline is asked: one saying no time cannot answer
    if ask.doers:
        if not any(_names_unit(u, passage, text) for u in ask.doers):
            return False
    elif not ask.units:
        return True
    elif not all(_names_unit(u, passage, text) for u in ask.units):
        return False
    units = ask.units + ask.doers
    own = {t: w for t, w in topic.items()
           if not any(t in u or _overlaps(t, u) for u in units) and not _ASKS_DUTY.fullmatch(t)}
    total = sum(own.values())
    # Where the point's topic is said: the point, its document's title, and the lead-in of its list ("会议研究了
    # 《…集体经济三年行动方案》…会议强调" over "县农业农村局要牵头…") and the heading it stands under.
    # (read as the text is: a traditional bulletin's title and lead are asked of in simplified words)
    context = (passage.title, passage.lead or "", passage.headline or "")
    where = "\n".join((text, *(normalized_passage(x) for x in context)))
    # By weight, or by count: a word the archive's theme makes common weighs little ("河湖" in an archive of 河湖
    # work), yet it says the matter as well as the rarer word beside it ("河湖治理").
    said = [t for t in own if _said(t, where)]
    return not total or max(sum(own[t] for t in said) / total, len(said) / len(own)) >= floor


def _said(term: str, where: str) -> bool:
    """The topic's word is there, or the word bulletins write for it ("电动车": 电动自行车; bot/phrasing.py), or
    inside a compound ("防火" of "森林防灭火"), or written out ("农网" of "农村电网")."""
    return (term in where or any(f in where for f in _written(term)) or coordinates(term, where)
            or abbreviates(term, where) or shortens(term, where))


@lru_cache(maxsize=4096)
def _written(term: str) -> tuple[str, ...]:
    return tuple(f for forms in written_forms(term).values() for f in forms)


def _overlaps(term: str, unit: str) -> bool:
    """A term cut across the unit's name and the word after it ("局要" of "县农业农村局要做什么"): the unit's, not the
    topic's."""
    return any(term.startswith(unit[-k:]) for k in range(1, min(len(term), len(unit))))
