"""Words a question says that the archive never writes, found by meaning: an everyday word ("炉子", "摆摊")
matches a passage's word near it in the embedding model's space ("炉具", "摊贩").

Only the asker's own words are read this way: words no passage holds. A word the archive writes elsewhere but
not in this passage is a real difference (another subsidy, another county), and so is a word holding one the
archive writes ("博士后" of "博士", "义务教育" of "教育"): it names something more specific than the archive does."""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from bot.analysis import is_common_word, tokens
from bot.embed import Embedder
from bot.textutil import CJK
from bot.thesaurus import kin

_WORD = re.compile(rf"[{CJK}]{{2,}}")
BACKGROUND = 10  # a term's nearest words whose mean cosine a synonym must stand out from


def asker_words(terms: list[str], held: set[str]) -> list[str]:
    """The question's words no passage holds, whole (not the parts jieba's search mode also gives: "自行" of
    "自行车"), holding none of the question's words that passages do hold, and not common in any Chinese text
    (学校, 工作: their nearest words are merely related — 学校 / 教育 — and their absence already counts half)."""
    unheld = [t for t in terms if t not in held]
    return [t for t in unheld if not any(t != u and t in u for u in unheld)
            and not any(len(h) > 1 and h in t for h in held) and not is_common_word(t)]


@lru_cache(maxsize=8192)  # a passage's words come back with every question it answers
def passage_words(text: str) -> tuple[str, ...]:
    """The distinct words of two or more Chinese characters a passage is written in."""
    return tuple(dict.fromkeys(t for t in tokens(text) if _WORD.fullmatch(t)))


def found_by_meaning(terms: list[str], texts: list[str], embedder: Embedder, cosine: float,
                     margin: float, asked: frozenset[str] = frozenset()) -> list[frozenset[str]]:
    """For each text, the terms one of its words means: a word at least `cosine` near the term that also stands
    out, `margin` above the mean of the term's `BACKGROUND` nearest words among all the texts'. Single words'
    cosines are noisy (a vague word is 0.7 from everything); a synonym is both near and nearer than the rest
    (炉子 / 炉具 0.88 against 0.74 for the next words). A word inside the term or holding it is no synonym
    ("农民" of "农民工"), nor is its kin ("博士" of "硕士": bot/thesaurus.py), nor a word the question `asked`
    besides ("硕士研究生": the passage's 研究生 is the question's own, not another word for 硕士)."""
    if not terms or not texts:
        return [frozenset() for _ in texts]
    words = [passage_words(t) for t in texts]
    vocabulary = list(dict.fromkeys(w for ws in words for w in ws))
    if not vocabulary:
        return [frozenset() for _ in texts]
    vectors = embedder.encode_words(list(terms) + vocabulary)
    cosines = vectors[: len(terms)] @ vectors[len(terms) :].T  # terms × vocabulary
    background = (-np.sort(-cosines, axis=1)[:, : min(BACKGROUND, len(vocabulary))]).mean(axis=1)
    means = (cosines >= cosine) & (cosines - background[:, None] >= margin)
    kindred = [kin(t) for t in terms]
    for j, w in enumerate(vocabulary):
        for i, t in enumerate(terms):
            if w in t or t in w or w in asked or any(k in w for k in kindred[i]):  # "博士研究生" for "硕士"
                means[i, j] = False
    column = {w: j for j, w in enumerate(vocabulary)}
    return [frozenset(t for i, t in enumerate(terms) if any(means[i, column[w]] for w in ws)) for ws in words]
