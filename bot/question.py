"""A question as read: what it asks for (`Intent`) and when it places its meeting (`TimeRef`).

The records every question kind and the searcher share; reading them from a question's words is `bot.intent`'s
work, so the kinds (`bot.kinds`) stand on this module alone."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.ordinals import Step


# A time of day asked ("几点出摊", "晚上最迟几点能接走", "哪段时间"). "几点" alone is also how many points
# ("强调了哪几点", "讲了几点"): a clock is asked when the hour is placed in the day or an act follows it.
CLOCK_ASK = re.compile(r"几点钟|(?:最迟|最晚|最早|晚上|早上|上午|下午|中午|傍晚|每天)几点"
                       r"|几点(?=到|至|开始|开门|关门|营业|出摊|收摊|上班|下班|以前|之前|前|以后|之后|能|可以|结束|截止|起)"
                       r"|哪段时间|什么时段|哪个时段|几时")


@dataclass(frozen=True)
class TimeRef:
    """When the question places its meeting; None fields are not said."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    recent: bool = False  # "最近一次", "最新", "上次"
    relative_year: int | None = None  # -1 for "去年", 0 for "今年" (resolved against the archive's dates)
    current: bool = False  # "现在", "目前": the state now, which the newest bulletin stating it gives
    through: int | None = None  # the last month of a period the figures asked cover ("1到5月": 5), reported after it

    @property
    def said(self) -> bool:
        return bool(self.year or self.month or self.day or self.recent or self.relative_year is not None
                    or self.through)

    @property
    def places(self) -> bool:
        """Said to place the meeting or document meant: not a bare "今年", which officials say of whatever is
        current ("今年县财政安排了多少") and which only prefers the newest year's articles (bot/catalog.py)."""
        return self.said and not (self.relative_year == 0 and not (self.year or self.month or self.day
                                                                     or self.recent or self.through))


@dataclass(frozen=True)
class Intent:
    kind: str  # "plain" | "ordinal" | "list"
    ordinal: int | None = None  # -1: the last point (of the path's last level)
    path: tuple[Step, ...] = ()  # the point's place in the outline, outermost level first (bot/ordinals.py)
    count: int | None = None
    rest: str = ""  # the question without its ordinal / list words: what points to the list
    series: int | None = None  # "第二次调度会" → 2
    time: TimeRef = TimeRef()
    asks_many: bool = False  # "有哪些要求": may be answered by a list as a whole
    items: bool = False  # a list's items asked for ("哪几条要求", "分别是什么"): the whole list, not one point of it
    articles: bool = False  # a rule's articles asked ("奖补办法一共几条"): its 第X条 list, not a summary of it
    asks_amount: bool = False  # "多少", "标准", "目标"
    asks_figure: bool = False  # an amount, or a count of things by their measure word ("建几所")
    asks_fact: bool = False  # a particular fact rather than what to do ("考察了哪些企业")
    asks_when: bool = False  # a date ("座谈会哪天召开")
    names: tuple[str, ...] = ()  # people the question names by pattern (known speakers are found by the catalogue)
    places: tuple[str, ...] = ()  # place names ("临川区", "白沙镇")
    documents: tuple[str, ...] = ()  # kinds of document the question says its answer is in ("整改方案里" → 方案)
