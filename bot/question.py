"""A question as read: what it asks for (`Intent`) and when it places its meeting (`TimeRef`).

The records every question kind and the searcher share; reading them from a question's words is `bot.intent`'s
work, so the kinds (`bot.kinds`) stand on this module alone."""

from __future__ import annotations

from dataclasses import dataclass

from bot.ordinals import Step


@dataclass(frozen=True)
class TimeRef:
    """When the question places its meeting; None fields are not said."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    recent: bool = False  # "最近一次", "最新", "上次"
    relative_year: int | None = None  # -1 for "去年", 0 for "今年" (resolved against the archive's dates)

    @property
    def said(self) -> bool:
        return bool(self.year or self.month or self.day or self.recent or self.relative_year is not None)


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
    asks_amount: bool = False  # "多少", "标准", "目标"
    asks_fact: bool = False  # a particular fact rather than what to do ("考察了哪些企业")
    asks_when: bool = False  # a date ("座谈会哪天召开")
    names: tuple[str, ...] = ()  # people the question names by pattern (known speakers are found by the catalogue)
    places: tuple[str, ...] = ()  # place names ("临川区", "白沙镇")
