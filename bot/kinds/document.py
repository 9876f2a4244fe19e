"""Questions saying which kind of document holds the answer ("督察整改方案里…谁牵头", "防汛通知里说…", "招商引资若干措施
对总部企业…"): a point of a document of that kind — its title says so — goes before a report or a speech retelling the
same work in nearly the same words. Naming the document refuses nothing: a document's title need not say its kind (a
WeChat post of a 办法)."""

from __future__ import annotations

from bot.question import Intent
from bot.records import Passage


def asks(question: str, intent: Intent) -> tuple[str, ...]:
    """The kinds of document the question names ("方案"), read with its intent (bot/intent.py named_documents)."""
    return intent.documents


def prefers(ask: tuple[str, ...], passage: Passage, text: str) -> int:
    return int(any(kind in passage.title for kind in ask))


def holds(ask: tuple[str, ...], passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    return True
