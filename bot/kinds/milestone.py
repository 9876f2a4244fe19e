"""When a thing reaches a milestone ("印染集中区啥时候投产", "新院区什么时候开工", "大桥哪天通车"): answered by a passage
stating that milestone ("年底前建成投产", "3月开工建设"); a deadline of the same project for another step ("9月底前完成
污水预处理设施建设") tells nothing of when it starts producing. Only milestones no general word of finishing stands
for are read so: "什么时候完工/建成/完成" is answered by any deadline of the task (bot/kinds/when.py)."""

from __future__ import annotations

import re

from bot.kinds.when import WHEN_WORD
from bot.question import Intent
from bot.records import Passage

# Each milestone as a question names it, and the ways bulletins write it.
_MILESTONES: dict[str, tuple[str, ...]] = {
    "投产": ("投产", "投入生产", "试生产", "达产"),
    "开工": ("开工", "动工", "开建", "破土"),
    "通车": ("通车",),
    "开业": ("开业", "开张", "营业", "开门迎客"),
    "投用": ("投用", "投入使用", "启用", "投入运营", "运营"),
}
# (not "上线": a service "上线" is asked of what a plan writes "推行", "…一件事要在啥时候前上线" of "推行社会救助“一件事”…9月30日前")
_SPOKEN = {"开张": "开业", "动工": "开工", "启用": "投用", "投入使用": "投用"}
_WHEN = rf"(?:{WHEN_WORD}|最晚|最迟)"  # (多会儿, 啥时候 are read as 什么时候 first: bot/phrasing.py)
_ASKS = re.compile(rf"{_WHEN}[^，,。？?！!]{{0,6}}?(?P<m>{'|'.join(sorted({*_MILESTONES, *_SPOKEN}, key=len, reverse=True))})"
                   r"(?![^，,。？?！!]{0,2}(?:了没|没有|吗))")


def asks(question: str, intent: Intent) -> str:
    """The milestone a when-question asks ("投产"), "" for none."""
    m = _ASKS.search(question)
    return _SPOKEN.get(m.group("m"), m.group("m")) if m and intent.asks_when else ""


def prefers(ask: str, passage: Passage, text: str) -> int:
    return int(holds(ask, passage, text, {}, 0.0))


def holds(ask: str, passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    return any(w in text for w in _MILESTONES[ask])
