"""When questions ("座谈会哪天召开", "考察学习是哪几天", "什么时候完成"): a passage that states a date or carries a
deadline has what they ask."""

from __future__ import annotations

import re

from bot.question import CLOCK_ASK, Intent
from bot.records import Passage
from bot.tasks import LONG_TERM
from bot.textutil import CN_ORDINALS, normalized_passage

# A date a passage states: a month (with its day), or a part of a month ("4月21日—23日", "6月底",
# "十二月十五日", "5月中旬"). "11月254日" is no date, nor is "291天", "一月一调度" or "2021年工作要点".
DATE_SAID = re.compile(r"(?<!\d)\d{1,2}\s*月(?:\s*\d{1,2}\s*[日号]|份|[上中下]旬|[初底末])(?!\d)"
                   rf"|[{CN_ORDINALS}]{{1,2}}月[{CN_ORDINALS}]{{1,3}}[日号]")


# A time of day a passage states ("12时至15时", "早市时段为5时至8时", "8:30"): what "哪段时间", "几点" ask.
CLOCK_SAID = re.compile(r"(?<![\d.])(?:[01]?\d|2[0-4])\s*(?:时|点|:[0-5]\d)(?!\d)")


# A part of the year a deadline names ("年底前完成", "三季度末前"): a time, as a date is.
YEAR_PART = r"年底|年末|[一二三四]季度末?"
# A deadline a text states: a date or part of a month or year, then 前 ("6月底前", "9月30日前", "年底前"), or 年内
# ("年内建成", not the span of "3年内不得再申请"); a date something closes on ("将于7月31日截止", "截止日期为7月31日").
_THIS_YEAR = r"(?:(?<=\d{4})|(?<![\d一二两三四五六七八九十几多半数]))年内"  # "2025年内", not "3年内"
DEADLINE_SAID = re.compile(rf"(?:{DATE_SAID.pattern}|{YEAR_PART}|{_THIS_YEAR})\s*(?:以|之)?前|{_THIS_YEAR}"
                           rf"|(?:{DATE_SAID.pattern})\s*截止"
                           rf"|截止(?:日期|时间)?(?:为|是|到|至)?\s*(?:{DATE_SAID.pattern})")

# A time limit asked as a length ("审批时限要压缩到几天", "办理期限是多少个工作日"): an amount of days, no deadline.
_DURATION_ASKED = r"[^，,。？?！!]{0,6}?(?:几|多少)个?(?:工作日|天|日|小时|个月|月|周)"
# "最晚什么时候完成", "截止时间", "完成时限", "什么时候要设好", "啥时候整治完", "完工时间": the deadline of a task —
# a time asked of its being done (not "哪天召开": a meeting's day).
DONE = (r"完成|完工|竣工|建成|办结|到位|开工|全部|实现|投用|投入使用|上线|出台|通车|开通|交付|落地"
        r"|[建造弄做办搞修装改干治]完|[设建办弄做搞修装]好")
WHEN_WORD = r"(?:什么时候|何时|哪一?天|几号|几月份?|哪个月)"
# (and a time asked of what someone required: "县长要求…方案什么时候出台" asks the directive's deadline, not the
# day of the meeting that required it)
DEADLINE_ASK = re.compile(rf"最晚|最迟|截止|(?:期限|时限)(?!{_DURATION_ASKED})|{WHEN_WORD}(?:之|以)?前|(?:要求|部署|布置|[让叫])[^，,。？?！!]*{WHEN_WORD}"
                          rf"|{WHEN_WORD}(?:要|能)?[^，,。？?！!]{{0,3}}?(?:{DONE})|(?:{DONE})的?(?:时间|日期)")


def states_date(passage: str) -> bool:
    """The (normalized) passage states a date: what answers "哪天召开"."""
    return bool(DATE_SAID.search(passage))


def asks(question: str, intent: Intent) -> str:
    """"clock" for a time of day ("中午哪段时间", "几点出摊"), "due" for a deadline ("什么时候完工"), "date" for a day
    ("哪天召开"), "" for none."""
    if CLOCK_ASK.search(question):
        return "clock"
    if intent.asks_when and DEADLINE_ASK.search(question):
        return "due"
    return "date" if intent.asks_when else ""


def prefers(ask: str, passage: Passage, text: str) -> int:
    """1 when the passage states what is asked: a time of day, or a date or a deadline; 2 when a deadline is asked
    and it states one. `text`: the passage's normalized text."""
    if ask == "clock":
        return int(bool(CLOCK_SAID.search(text)))
    if states_deadline(passage, text):
        return 2 if ask == "due" else 1  # "什么时候完工": "10月底前全面完工", before "截至9月30日，已完成…"
    return int(states_date(text))


def states_deadline(passage: Passage, text: str) -> bool:
    """The passage states a deadline naming a time: in its text ("6月底前", "年内") or its tasks — "长期坚持" names none,
    and "什么时候完成" is better answered by one that does."""
    tasks = passage.tasks
    return bool(DEADLINE_SAID.search(text)) or bool(tasks and tasks.deadline and tasks.deadline != LONG_TERM)


# Any time a task may be due by, loosely: a month ("3月开工"), a year ("到2026年"), a part of one ("年底", "三季度",
# "汛前"), a rhythm or no end ("每月", "长期坚持"), or at once ("立即", "即日起").
_DUE_SAID = re.compile(rf"(?:\d{{1,2}}|[{CN_ORDINALS}]{{1,3}})\s*月|\d{{2,4}}\s*年|明年|年[内初中前]|{YEAR_PART}"
                       r"|[上下]半年|[汛节春]前|长期|常态化|持续|每(?:年|季度?|月|周|天|日)|立即|即日|尽快|马上|随时"
                       # or a length of time ("最迟几天要办完": "3个工作日内办结")
                       rf"|(?:\d+|[{CN_ORDINALS}]{{1,3}})\s*个?(?:工作日|天|日|小时|周|星期|个月)")


def holds(ask: str, passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    """A day asked may be in the article's lead (the day of its meeting): any passage may answer. A deadline asked
    is a task's: the passage, the lead-in of its list or the heading it stands under says by when (its tasks' deadline
    or any time), or it cannot answer "最晚啥时候要弄完"."""
    return ask != "due" or says_when_due(passage, text)


def says_when_due(passage: Passage, text: str) -> bool:
    """The passage's tasks carry a deadline, or it or its heading names any time, or the lead-in of its list states a
    deadline ("以下工作6月底前完成": not the meeting's own day, which a lead often gives, nor the day the article is
    dated, which its first passage may hold)."""
    if passage.tasks and passage.tasks.deadline:
        return True
    dated = normalized_passage(passage.date_text)  # ("" for an undated one: nothing taken out)
    return (any(_DUE_SAID.search(t.replace(dated, "")) for t in (text, passage.headline or ""))
            or bool(DEADLINE_SAID.search(passage.lead or "")))
