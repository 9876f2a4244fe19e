"""How-often questions ("河长多久要去河边巡一次", "多长时间调度一次"): answered by a passage stating a recurrence
("县级河湖长每季度巡河不少于1次", "每月调度一次"); one naming the same people or matter without saying how often
("聘请民间河长100名") does not answer them, and of those that do, one counting the times goes first."""

from __future__ import annotations

import re

from bot.question import Intent
from bot.records import Passage
from bot.textutil import CJK, CN_NUMERAL

# how often asked: a duration asked, then once ("多久…一次", "隔多长时间…一回"); "几天巡一次" and "一年几次" ask a
# figure (bot/kinds/amount.py), "多久能办好" a duration
_ASKS = re.compile(r"(?:多久|多长时间|多少时间)[^，,。；;？?]{0,10}?一(?:次|回|趟|遍|轮)")
# a recurrence stated: "每季度", "每2个月", "每半年", "一月一次", "两周一次", or "一季度一观摩、一月一调度"
_EVERY = (rf"每(?:[{CN_NUMERAL}半\d]+个?)?(?:年度?|季度?|月|周|星期|旬|天|日)"
          rf"|[{CN_NUMERAL}半\d]+个?(?:年|季度?|月|周|星期|天|日)一(?:次|回|轮)"
          rf"|一(?:年|季度?|月|周|旬|天|日)一(?=[{CJK}])")
_STATES = re.compile(_EVERY)
# … counting the times ("每季度巡河不少于1次", "每月调度一次")
_COUNTS = re.compile(rf"(?:{_EVERY})[^，,。；;]{{0,16}}?[{CN_NUMERAL}\d]+(?:次|遍|轮|回)|一(?:年|季度?|月|周|旬|天|日)一(?=[{CJK}])")


def asks(question: str, intent: Intent) -> bool:
    return bool(_ASKS.search(question))


def prefers(ask: bool, passage: Passage, text: str) -> int:
    return 2 if _COUNTS.search(text) else 1 if _STATES.search(text) else 0


def holds(ask: bool, passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    return _STATES.search(text) is not None
