"""Records: what a bulletin becomes — articles, their numbered lists, the passages an official reads, a point's tasks.

They sit at the bottom of the house: parsing builds them, the index stores them, search and render read them,
and none of them imports anything of the project, so every step can stand on them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# List styles whose points carry no numbers ("要…。要…", bullets, parallel paragraphs).
UNNUMBERED_STYLES = ("bullet", "para:", "sent:")
# Passage kinds an answer can be (an outline stands for its list and is searched through its points).
SEARCHABLE_KINDS = ("point", "text")


@dataclass(frozen=True)
class Article:
    article_id: str
    source: str
    position: int
    title: str
    date: str | None  # ISO date, e.g. "2021-04-25"
    date_text: str  # as a reader writes it, e.g. "2021年4月25日"
    speakers: tuple[str, ...]
    byline: str | None
    paragraphs: tuple[str, ...]  # as published (traditional characters stay traditional)
    date_source: str = "none"  # dateline | dateline+page | dateline+filename | dateline+config | document | page | filename | none
    chair: str | None = None  # who chaired or addressed the meeting (headline or lead)
    names: tuple[str, ...] = ()  # people the article names (simplified), read once for its passages
    dropped: tuple[str, ...] = ()  # lines removed as page noise within the article
    sections: tuple[str, ...] = ()  # headlines of a 简报's briefs read as one issue: the paragraphs that open them

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


@dataclass(frozen=True)
class NumberedList:
    list_id: str
    article_id: str
    style: str
    size: int
    lead: str  # the sentence that introduces the list
    label: str  # short name, e.g. "八个聚力"
    speaker: str | None
    headlines: tuple[str, ...]
    parent: str | None = None  # the list one of whose points holds this one (a sub-list), by list_id
    parent_point: int | None = None  # that point's ordinal (1-based)
    first: int = 1  # the number its first point is printed with: 4 where 1.…3. under （一） run on as 4.… under （二）

    @property
    def numbered(self) -> bool:
        return not self.style.startswith(UNNUMBERED_STYLES)


@dataclass(frozen=True)
class Tasks:
    """Who must do a directive point and by when, as the document writes it."""

    lead: tuple[str, ...] = ()  # 牵头单位, or the unit that is the point's subject
    partners: tuple[str, ...] = ()  # 配合单位
    deadline: str | None = None  # ISO date, "长期", or None when none is written
    deadline_text: str | None = None  # as written, e.g. "6月底前"

    def __bool__(self) -> bool:
        return bool(self.lead or self.deadline)


@dataclass(frozen=True)
class Passage:
    passage_id: str
    article_id: str
    kind: str  # "point" | "text" | "outline"
    position: int  # order within the article (outlines sit before their first point)
    text: str
    title: str
    date: str | None
    date_text: str
    source: str
    speaker: str | None = None
    list_id: str | None = None
    ordinal: int | None = None
    list_size: int | None = None
    list_label: str | None = None
    lead: str | None = None
    headline: str | None = None
    tasks: Tasks | None = None  # a point's lead unit, partners and deadline, when it names any

    @property
    def chars(self) -> int:
        return len(re.sub(r"\s+", "", self.text))
