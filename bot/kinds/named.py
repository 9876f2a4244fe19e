"""Questions asking for one of a kind by name ("哪家银行发放", "由哪家企业投资建设", "哪所学校承办"): a passage
naming no one of that kind cannot answer them, however close its topic."""

from __future__ import annotations

import re

from bot.question import Intent
from bot.records import Passage
from bot.textutil import CJK

_KIND_ASK = re.compile(rf"哪(?:一)?[家所]([{CJK}]{{2}})")
# A kind's other words: a firm is also a 公司, 集团 or 厂.
_KIND_WORDS = {"企业": ("企业", "公司", "集团", "厂"), "公司": ("企业", "公司", "集团", "厂"),
               "银行": ("银行", "农商行", "信用社")}
# Kinds that are any unit: "哪家单位牵头" asks who leads (bot/kinds/duty.py), answered by a task's lead — a table's
# row names its lead in the 牵头单位 column, never with the word 单位.
_ANY_UNIT = ("单位", "部门", "机构")


def asks(question: str, intent: Intent | None = None) -> tuple[str, ...]:
    """The words naming the kind the question asks for ("哪家银行" → 银行, 农商行, 信用社), or ()."""
    m = _KIND_ASK.search(question)
    if not m or m.group(1) in _ANY_UNIT:
        return ()
    return _KIND_WORDS.get(m.group(1), (m.group(1),))


def prefers(ask: tuple[str, ...], passage: Passage, text: str) -> int:
    return 0  # naming a bank is no reason to rank a passage higher; only a reason to refuse one that names none


def holds(ask: tuple[str, ...], passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    return any(w in text for w in ask)
