"""Fusion: reciprocal rank fusion of the lexical and dense rankings, and of a context ranking that
puts first the passages whose article the question points at (its title, date, speakers, meeting)."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

import numpy as np

from bot.analysis import bigram_keys
from bot.catalog import Catalog, article_match
from bot.intent import document_spans, meeting_spans, words_within
from bot.question import Intent
from bot.records import Passage

# A target asked ("计划新建多少", "目标是多少", "任务是多少", "力争达到多少"), not a result.
TARGET_ASK = re.compile(r"计划|目标|任务|打算|准备|力争|预计|拟")
NEAR_COPY = 0.5  # bigram Jaccard from which two passages count as copies of one text
COPY_DEPTH = 20  # near-copies are looked for among this many best candidates
COPY_CHARS = 200  # … by their opening characters: a restated point or reprinted notice starts alike
CURRENT_DEPTH = 5  # "现在…多少": the newest bulletin stating it is looked for among this many best candidates
CURRENT_SHARE = 0.06  # … and gets this much context share: a near-tie goes to the newer (3% at context_weight 0.5)


def fuse_rankings(rankings: list[list[int]], k: int = 60, weights: list[float] | None = None) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score(d) = Σ w / (k + rank)."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[int, float] = {}
    for ranking, w in zip(rankings, weights):
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))


def context_share(p: Passage, catalog: Catalog, weights: dict[str, float], speakers: tuple[str, ...],
                  intent: Intent, titles: bool = True, issuers: frozenset[str] = frozenset(),
                  named: frozenset[str] = frozenset(), memo: dict | None = None) -> float:
    """The share of what the question says about *where* (its words, speaker, meeting number, date)
    that the passage's article holds in its title, speakers and date, from -1 to 1. Near-copies of a
    point in other bulletins differ exactly here. Without `titles`, only speaker, meeting number, date and the
    `named` words (those naming the meeting or document the question places its answer in) count. `issuers`: the
    places the question names that issue a few documents (Catalog.issuing). `memo`: shares already worked out for
    this question, by what they depend on (one question's candidates share a few articles)."""
    # A year the passage states is the year of what it states ("2024年全区PM2.5平均浓度" in a 2025 meeting's
    # report): the question's year asks that, not when the meeting was.
    # So is last year named in the passage for "去年…是多少": a year's results are reported the next year with the year
    # written out ("2024年全县实现进出口总额…" at a 2025 meeting) — past years only ("今年" targets stated in last year's
    # plans, "到2025年底…", are not this year's documents).
    time = intent.time
    year = time.year or (catalog.latest_year + time.relative_year
                         if catalog.latest_year and time.relative_year is not None and time.relative_year < 0 else None)
    # (Not for a target asked — "2024年计划新建多少亩": the plan of that year is in that year's documents; a later
    # report naming the year states what was done.)
    year_said = bool(year) and f"{year}年" in p.text and not TARGET_ASK.search(intent.rest)
    key = (p.article_id, p.speaker, year_said, titles)
    if memo is not None and key in memo:
        return memo[key]
    art = catalog.articles.get(p.article_id)
    if art is None:
        return 0.0
    strong = max(weights.values(), default=1.0)
    if year_said:
        intent = replace(intent, time=replace(time, year=None, relative_year=None))
    asked, got = article_match(art, p.speaker, intent, speakers, catalog.latest_year, strong,
                               spoke_elsewhere=any(s in art.speakers for s in speakers), partial=0.5,
                               issuers=issuers)
    if year_said:
        asked, got = asked + strong, got + strong
    asked += sum(weights.values())  # the same scale for every passage, copies or not
    got += sum(w for t, w in weights.items() if t in art.title_terms and (titles or t in named))
    share = got / asked if asked else 0.0
    if memo is not None:
        memo[key] = share
    return share


def near_copies(passages: dict[int, Passage], threshold: float = NEAR_COPY) -> set[int]:
    """Candidates whose text is mostly the same as a candidate's from another article (a list restated
    in a later bulletin, a notice reprinted): character-bigram Jaccard of their openings at least
    `threshold`. Every pair's shared bigrams are counted at once on a candidates × bigrams bit matrix
    (AND, then popcount: 0.04 ms for 20 candidates; comparing the sets pair by pair took 0.8 ms). Not
    a float matrix product: BLAS runs that on every core and, with the cores busy (the bot indexing
    an upload, another process), its threads wait for each other — p95 44 ms here, p50 0.06. Meant
    for the best few candidates (COPY_DEPTH): the pair counts grow with the square of their number."""
    keyed = {rid: opening_keys(p.text) for rid, p in passages.items()}
    ids = [rid for rid, k in keyed.items() if len(k)]
    if len(ids) < 2:
        return set()
    keys = [keyed[rid] for rid in ids]
    sizes = np.array([len(k) for k in keys], dtype=np.int64)
    _, column = np.unique(np.concatenate(keys), return_inverse=True)
    held = np.zeros((len(ids), int(column.max()) + 1), dtype=bool)
    held[np.repeat(np.arange(len(ids)), sizes), column] = True
    bits = np.packbits(held, axis=1)
    common = np.bitwise_count(bits[:, None, :] & bits[None, :, :]).sum(axis=2, dtype=np.int64)  # shared bigrams
    copy = common >= threshold * (sizes[:, None] + sizes[None, :] - common)
    articles = np.array([passages[rid].article_id for rid in ids])
    copy &= articles[:, None] != articles[None, :]  # (also rules out a passage with itself)
    return {ids[i] for i in np.flatnonzero(copy.any(axis=1))}


@lru_cache(maxsize=8192)
def opening_keys(text: str) -> np.ndarray:
    """The bigrams of a passage's opening, by which near-copies are found (cached)."""
    return bigram_keys(text[:COPY_CHARS])


def latest_meeting(passages: dict[int, Passage], catalog: Catalog, weights: dict[str, float]) -> str | None:
    """The newest article among the candidates' whose title holds the question's best-matched words
    (the latest 调度会 among the 调度会 the candidates come from)."""
    best, found = 0.0, []
    for p in passages.values():
        art = catalog.articles.get(p.article_id)
        if art is None or not art.date:
            continue
        matched = sum(w for t, w in weights.items() if t in art.title_terms)
        if matched > best + 1e-9:
            best, found = matched, [art]
        elif matched and abs(matched - best) <= 1e-9:
            found.append(art)
    return max(found, key=lambda a: a.date).article_id if found else None


def newest_stating(ranked: list[tuple[int, float]], passages: dict[int, Passage], catalog: Catalog,
                   weights: dict[str, float]) -> set[int]:
    """Among the best candidates whose passage holds at least the question's words the best one holds, those of
    the newest article ("低保标准现在每月多少钱": last year's meeting raised it, this year's 简报 raised it again) —
    none when they are all of one article or undated."""
    found: list[tuple[int, str, str]] = []  # (candidate, article, date)
    least = None
    for doc, _ in ranked[:CURRENT_DEPTH]:
        p = passages.get(doc)
        if p is None:
            continue
        held = sum(w for t, w in weights.items() if t in p.text)
        if least is None:
            least = held
        art = catalog.articles.get(p.article_id)
        if held and held >= least - 1e-9 and art is not None and art.date:
            found.append((doc, art.article_id, art.date))
    if len({a for _, a, _ in found}) < 2:
        return set()
    newest = max(found, key=lambda f: f[2])[1]
    return {doc for doc, a, _ in found if a == newest}


def with_context(fused: list[tuple[int, float]], passages: dict[int, Passage], catalog: Catalog,
                 weights: dict[str, float], speakers: tuple[str, ...], intent: Intent,
                 weight: float) -> list[tuple[int, float]]:
    """Fused scores scaled by (1 + weight × context share). The speaker, meeting number, date and meeting the
    question names count for every passage; its other words in an article's title only for near-copies,
    so the copy from the article the question points at goes first (a title sharing the question's
    everyday words says little about a passage that has its own)."""
    top = {doc: passages[doc] for doc, _ in fused[:COPY_DEPTH] if doc in passages}
    copies = near_copies(top) if weight else set()
    # the words naming the meeting or document the question places its answer in ("安委会汛期会议对县住建局…",
    # "老旧小区改造方案里…") are where, not what: in an article's title they count for every passage
    named = words_within(weights, intent.rest, meeting_spans(intent.rest) + document_spans(intent.rest))
    latest = latest_meeting(top, catalog, weights) if intent.time.recent else None
    newest = newest_stating(fused, passages, catalog, weights) if intent.time.current else set()
    issuers = catalog.issuing(intent.places)  # once for the question, not per candidate
    rescored = []
    memo: dict = {}
    for doc, score in fused:
        p = passages.get(doc)
        share = (context_share(p, catalog, weights, speakers, intent, doc in copies, issuers, named, memo)
                 if p is not None else 0.0)
        if latest and p is not None and p.article_id == latest:
            share += 1.0  # "最近一次…": the newest of the meetings the question's words name
        if doc in newest:
            share += CURRENT_SHARE  # "现在…": the newest bulletin stating what is asked
        rescored.append((doc, score * (1 + weight * share)))
    rescored.sort(key=lambda x: (-x[1], x[0]))
    return rescored
