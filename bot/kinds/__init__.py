"""Question kinds that ask something of a point beyond its topic: a date (`when`: "哪天召开"), a lead, a deadline
or what a unit must do (`duty`: "谁牵头", "最晚什么时候完成", "县住建局要做哪些事"), one of a kind by name (`named`:
"哪家银行"), a milestone (`milestone`: "什么时候投产"), a figure (`amount`: "奖励多少钱", "建了多少处"), a rank (`rank`: "在全市排第几"), how often (`often`:
"多久巡一次"); the kind of document the answer is in (`document`: "整改方案里…"); and what every question may name
exactly, a quoted name or a figure (`exact`: "“免证办”", "22个老旧小区").

Every kind is a module with the same three functions, so a new kind is one new module in KINDS:
- `asks(question, intent)`: what the (normalized) question asks of this kind, falsy when nothing;
- `prefers(ask, passage, text)`: how much of it a candidate holds (those holding more go first);
- `holds(ask, passage, text, topic, floor)`: whether a candidate can answer at all (`topic`: the question's
  content words, IDF-weighted; `floor`: the share of them a passage on the question's topic holds).
"""

from __future__ import annotations

from dataclasses import dataclass
from types import ModuleType

from bot.kinds import amount, document, duty, exact, milestone, named, often, rank, when
from bot.question import Intent
from bot.records import Passage

KINDS: tuple[ModuleType, ...] = (when, milestone, duty, named, amount, rank, often, document, exact)


@dataclass(frozen=True)
class Asked:
    """What one question asks of each kind it is of."""

    asks: tuple[tuple[ModuleType, object], ...] = ()

    def __bool__(self) -> bool:
        return bool(self.asks)

    def prefers(self, passage: Passage, text: str) -> int:
        return sum(kind.prefers(ask, passage, text) for kind, ask in self.asks)

    def holds(self, passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
        return all(kind.holds(ask, passage, text, topic, floor) for kind, ask in self.asks)

    @property
    def of_deadline(self) -> bool:
        """A deadline is asked ("什么时候完工", "最晚哪天"): a task's point answers, not a report's opening."""
        return any((kind is when and ask == "due") or (kind is duty and ask.deadline) for kind, ask in self.asks)

    @property
    def of_duty(self) -> bool:
        """A lead, a deadline or what a unit must do is asked ("谁牵头", "县住建局要做哪些事")."""
        return any(kind is duty for kind, _ in self.asks)

    @property
    def of_units(self) -> bool:
        """What units must do is asked ("县应急管理局牵头哪些事"): their points answer, not a list's outline."""
        return any(kind is duty and ask.units for kind, ask in self.asks)


def asked(question: str, intent: Intent) -> Asked:
    """The kinds the (normalized) question is of, with what it asks of each."""
    return Asked(tuple((kind, ask) for kind in KINDS if (ask := kind.asks(question, intent))))
