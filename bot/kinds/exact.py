"""What a question names exactly: a name in quotes ("“免证办”服务谁牵头") or a figure with its measure ("今年22个老旧
小区什么时候开工"). The user typed them as the bulletin writes them, so a passage holding them is about that very
thing; a passage on the same topic without them is about another (another programme, another project).

They only order candidates: an official may quote a name loosely, and whether the figure must be in the
article at all is answerability's check (bot/answerability.py)."""

from __future__ import annotations

import re

from bot.question import Intent
from bot.records import Passage

_QUOTED = re.compile(r"[“\"「『]([^”\"」』]{2,16})[”\"」』]")
# (a sum by its magnitude alone, "单笔3万以上", is one: a bulletin writes "3万元")
_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:%|[万亿]?元|[万亿]|公里|[个名家项座处人天次倍条所批户亩吨辆套台栋间])")


def asks(question: str, intent: Intent) -> tuple[str, ...]:
    """The quoted names and the figures with their measure the (normalized) question holds, whitespace removed.
    A question asking for a point by its place or for a whole list names with them the list it means (the
    catalogue's choice), not a passage: "“千名干部进千企”推进会上的第四点"."""
    if intent.kind != "plain":
        return ()
    found = [m.group(1) for m in _QUOTED.finditer(question)] + [m.group(0) for m in _FIGURE.finditer(question)]
    return tuple(dict.fromkeys("".join(f.split()) for f in found))


def prefers(ask: tuple[str, ...], passage: Passage, text: str) -> int:
    """How many of them the passage holds, a figure whole ("22个" is not in "122个"). `text`: the passage's normalized
    text."""
    flat = "".join(text.split())
    return sum(1 for f in ask if re.search(("(?<![\\d.])" if f[0].isdigit() else "") + re.escape(f), flat))


def holds(ask: tuple[str, ...], passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    return True
