"""Calibration of the answer decision: its few constants fitted on every development set together, and judged
leave-one-set-out — fitted without a set, measured on it — so that no figure reported for a set comes from
constants tuned on that set.

The constants are those of `search` that decide whether a result answers (bot/answerability.py `verdict`,
`on_topic`): how near in meaning, how much of the question's content must be found, what an amount question
needs — and how the rankings are fused, which decides what comes first. A set's figure is what `policybot eval` reports: hit@1 over its answerable questions and the share of its
near misses refused; a fit maximizes their mean over the sets it is fitted on, each set counting once, by
coordinate descent over a small grid from the configured values (a tie keeps the value already held).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# The decision's constants and the values tried for each (the configured value is always tried too).
GRID: dict[str, tuple[float, ...]] = {
    "min_dense": (0.70, 0.74, 0.76, 0.78, 0.80, 0.82, 0.84, 0.86, 0.90),
    "min_coverage": (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5),
    "min_dense_with_lexical": (0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75),
    "min_context_coverage": (0.25, 0.3, 0.36, 0.42, 0.5, 0.6, 0.7),
    "min_topic_coverage": (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4),
    "min_amount_coverage": (0.2, 0.3, 0.4, 0.5, 0.6, 0.7),
    "close_cosine": (0.8, 0.85, 0.9, 1.01),
    "paraphrase_cosine": (0.74, 0.76, 0.78, 0.8, 0.82, 1.01),
    # words the archive never writes, found by meaning (bot/neighbours.py); 1.01 and 2.0 turn it off
    "meaning_cosine": (0.76, 0.78, 0.8, 0.82, 0.85, 1.01),
    "meaning_margin": (0.05, 0.075, 0.1, 0.125, 2.0),
    # how the rankings are fused (bot/fusion.py): they decide which passage comes first
    "dense_weight": (0.3, 0.4, 0.5, 0.6, 0.75, 1.0),
    "context_weight": (0.25, 0.5, 0.75, 1.0),
    "lexical_clear": (1.2, 1.3, 1.4, 1.5, 2.0, 1000.0),
}
ROUNDS = 3  # coordinate-descent sweeps; the fits settle in two on our sets

Params = tuple[tuple[str, float], ...]


@dataclass(frozen=True)
class SetScore:
    """One set's answers under one setting of the constants."""

    hits: int  # answerable questions answered with the expected passage first
    answerable: int
    rejected: int  # near misses refused
    negatives: int
    refused: int  # answerable questions refused ("没有找到")

    @property
    def hit1(self) -> float:
        return self.hits / self.answerable if self.answerable else 1.0

    @property
    def rejected_share(self) -> float:
        return self.rejected / self.negatives if self.negatives else 1.0

    @property
    def objective(self) -> float:
        return (self.hit1 + self.rejected_share) / 2


Scorer = Callable[[Params], dict[str, SetScore]]


def params_of(values: dict[str, float]) -> Params:
    return tuple(sorted(values.items()))


def objective(scores: dict[str, SetScore], sets: Sequence[str]) -> float:
    """The mean of the sets' objectives: every set counts once, whatever its size."""
    return sum(scores[s].objective for s in sets) / len(sets)


def fit(score: Scorer, sets: Sequence[str], start: dict[str, float],
        grid: dict[str, tuple[float, ...]] = GRID, rounds: int = ROUNDS) -> dict[str, float]:
    """The constants that maximize `objective` over `sets`, by coordinate descent from `start`."""
    best = dict(start)
    best_value = objective(score(params_of(best)), sets)
    for _ in range(rounds):
        moved = False
        for name, values in grid.items():
            for v in sorted(set(values) | {start[name]}):
                if v == best[name]:
                    continue
                trial = {**best, name: v}
                value = objective(score(params_of(trial)), sets)
                if value > best_value + 1e-9:
                    best, best_value, moved = trial, value, True
        if not moved:
            break
    return best


@dataclass(frozen=True)
class Fold:
    held_out: str
    params: dict[str, float]  # fitted on every other set
    score: SetScore  # the held-out set's figures under them
    configured: SetScore  # … and under the configured constants


def leave_one_set_out(score: Scorer, sets: Sequence[str], start: dict[str, float],
                      grid: dict[str, tuple[float, ...]] = GRID) -> list[Fold]:
    """For each set: the constants fitted on the others, and that set's figures under them."""
    configured = score(params_of(start))
    folds = []
    for held in sets:
        params = fit(score, [s for s in sets if s != held], start, grid)
        folds.append(Fold(held, params, score(params_of(params))[held], configured[held]))
    return folds


def worst(folds: Sequence[Fold]) -> Fold:
    """The fold whose held-out set fares worst (by the objective)."""
    return min(folds, key=lambda f: (f.score.objective, f.score.hit1))


def cached(score: Scorer) -> Scorer:
    """A scorer that answers each setting once (folds share most of the settings they try)."""
    memo: dict[Params, dict[str, SetScore]] = {}

    def scored(params: Params) -> dict[str, SetScore]:
        if params not in memo:
            memo[params] = score(params)
        return memo[params]

    return scored


def search_scorer(searchers: dict[str, tuple[object, list]], k: int) -> Scorer:
    """A scorer over indexed sets: {name: (Searcher, cases)}; each setting answers every set's questions with the
    search settings replaced (question embeddings are cached by the embedder, so a setting costs the decision)."""
    from bot.evaluate import evaluate

    def score(params: Params) -> dict[str, SetScore]:
        out = {}
        for name, (searcher, cases) in searchers.items():
            base = searcher.config  # type: ignore[attr-defined]
            searcher.config = dataclasses.replace(base, search=dataclasses.replace(base.search, **dict(params)))  # type: ignore[attr-defined]
            try:
                report = evaluate(cases, searcher.search_many([c.q for c in cases], k), k)  # type: ignore[attr-defined]
            finally:
                searcher.config = base  # type: ignore[attr-defined]
            on_topic, negatives = report.on_topic, report.negatives
            out[name] = SetScore(sum(1 for c in on_topic if c.found_rank == 1), len(on_topic),
                                 sum(1 for c in negatives if not c.answered), len(negatives),
                                 sum(1 for c in on_topic if not c.answered))
        return out

    return cached(score)


def configured_values(search_config, grid: dict[str, tuple[float, ...]] = GRID) -> dict[str, float]:
    return {name: getattr(search_config, name) for name in grid}
