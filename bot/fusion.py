"""Fusion: reciprocal rank fusion of the lexical and dense rankings, and of a context ranking that
puts first the passages whose article the question points at (its title, date, speakers, meeting)."""

from __future__ import annotations

from bot.catalog import Catalog, date_matches
from bot.intent import Intent
from bot.passages import Passage


def fuse_rankings(rankings: list[list[int]], k: int = 60, weights: list[float] | None = None) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score(d) = Σ w / (k + rank)."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[int, float] = {}
    for ranking, w in zip(rankings, weights):
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))


def context_share(p: Passage, catalog: Catalog, weights: dict[str, float], speakers: tuple[str, ...],
                  intent: Intent) -> float:
    """The share of what the question says about *where* (its words, speaker, meeting number, date)
    that the passage's article holds in its title, speakers and date, from -1 to 1. Near-copies of a
    point in other bulletins differ exactly here."""
    art = catalog.articles.get(p.article_id)
    if art is None:
        return 0.0
    strong = max(weights.values(), default=1.0)
    asked = sum(weights.values())
    got = sum(w for t, w in weights.items() if t in art.title_terms)
    if speakers:
        asked += strong
        if p.speaker in speakers:
            got += strong
        elif any(s in art.speakers for s in speakers):
            got += 0.5 * strong
    if intent.series:
        asked += strong
        if art.series is not None:
            got += strong if art.series == intent.series else -strong
    when = date_matches(intent.time, art.date, catalog.latest_year)
    if when is not None:
        asked += strong
        got += strong if when else -strong
    return got / asked if asked else 0.0


def with_context(fused: list[tuple[int, float]], passages: dict[int, Passage], catalog: Catalog,
                 weights: dict[str, float], speakers: tuple[str, ...], intent: Intent,
                 weight: float) -> list[tuple[int, float]]:
    """Fused scores scaled by (1 + weight × context share): close candidates are reordered by the
    article they come from; a passage far down the ranking is not lifted over a clear winner."""
    rescored = []
    for doc, score in fused:
        p = passages.get(doc)
        share = context_share(p, catalog, weights, speakers, intent) if p is not None else 0.0
        rescored.append((doc, score * (1 + weight * share)))
    rescored.sort(key=lambda x: (-x[1], x[0]))
    return rescored
