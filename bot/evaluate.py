"""Evaluation: score answers against an expectations file (format in ../shared/dev_eval.yaml's header)."""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.errors import PolicyBotError
from bot.search import Answer


@dataclass(frozen=True)
class Case:
    id: str
    kind: str
    q: str
    expect: tuple[tuple[str, ...], ...]


@dataclass
class CaseResult:
    case: Case
    found_rank: int | None  # 1-based rank where an expectation group is met, within k
    chars_read: int | None
    answered: bool
    top_text: str

    @property
    def passed(self) -> bool:
        if self.case.kind == "negative":
            return not self.answered
        return self.found_rank is not None


@dataclass
class Report:
    k: int
    cases: list[CaseResult] = field(default_factory=list)
    tasks: list = field(default_factory=list)  # the directive ledger of the index evaluated (bot.ledger.Task)

    @property
    def on_topic(self) -> list[CaseResult]:
        return [c for c in self.cases if scored(c.case)]

    @property
    def negatives(self) -> list[CaseResult]:
        return [c for c in self.cases if c.case.kind == "negative"]

    def hit(self, n: int, cases: list[CaseResult] | None = None) -> float:
        cases = self.on_topic if cases is None else cases
        if not cases:
            return 0.0
        return sum(1 for c in cases if c.found_rank is not None and c.found_rank <= n) / len(cases)

    @property
    def mrr(self) -> float:
        cases = self.on_topic
        return sum(1 / c.found_rank for c in cases if c.found_rank) / len(cases) if cases else 0.0

    @property
    def median_chars(self) -> float | None:
        chars = [c.chars_read for c in self.on_topic if c.chars_read is not None]
        return statistics.median(chars) if chars else None

    @property
    def rejected(self) -> tuple[int, int]:
        return sum(1 for c in self.negatives if not c.answered), len(self.negatives)

    def per_kind(self) -> dict[str, float]:
        kinds = sorted({c.case.kind for c in self.on_topic})
        return {kind: self.hit(3, [c for c in self.on_topic if c.case.kind == kind]) for kind in kinds}

    def misses(self) -> list[CaseResult]:
        return [c for c in self.cases if not c.passed]

    def not_first(self) -> list[CaseResult]:
        """Every question not answered first: an on-topic question whose passage is not result 1
        (found lower, or not at all), and an off-topic question that was answered."""
        return [c for c in self.cases if (c.found_rank != 1 if scored(c.case) else c.answered)]

    def summary(self) -> dict:
        rej, neg = self.rejected
        return {
            "k": self.k,
            "questions": len(self.cases),
            "hit@1": round(self.hit(1), 4),
            "hit@3": round(self.hit(3), 4),
            "hit@5": round(self.hit(5), 4),
            "mrr": round(self.mrr, 4),
            "offtopic_rejected": rej,  # off-topic questions refused ...
            "offtopic_questions": neg,  # ... out of this many
            "median_chars_read": self.median_chars,
            "hit@3_by_kind": {k: round(v, 4) for k, v in self.per_kind().items()},
            "misses": [_brief(c) for c in self.misses()],
            "not_first": [_brief(c) for c in self.not_first()],
        }


def _brief(c: CaseResult) -> dict:
    return {"id": c.case.id, "kind": c.case.kind, "q": c.case.q, "found_rank": c.found_rank,
            "answered": c.answered, "top": " ".join(c.top_text.split())[:80]}


def load_cases(path: Path) -> list[Case]:
    try:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PolicyBotError(f"cannot read evaluation file {path}: {exc}") from exc
    if not isinstance(raw, list):
        raise PolicyBotError(f"evaluation file {path} must be a YAML list of questions")
    cases = []
    for i, item in enumerate(raw):
        if not isinstance(item, dict) or "q" not in item:
            raise PolicyBotError(f"evaluation file {path}: entry {i + 1} needs at least 'q'")
        groups = tuple(tuple(str(s) for s in g) for g in (item.get("expect") or []))
        cases.append(Case(str(item.get("id", i + 1)), str(item.get("kind", "unknown")), str(item["q"]), groups))
    return cases


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def scored(case: Case) -> bool:
    """Counted in hit@k and MRR (a negative passes by not being answered instead)."""
    return case.kind != "negative"


def meets(case: Case, text: str) -> bool:
    """Whether a result's text holds every string of one of the case's expectation groups."""
    text = _squash(text)
    return any(group and all(_squash(s) in text for s in group) for group in case.expect)


def score_case(case: Case, answer: Answer, k: int) -> CaseResult:
    results = list(answer.results[:k]) if answer.answered else []
    found, chars, read = None, None, 0
    for result in results:
        read += len(_squash(result.passage.text))
        if meets(case, result.passage.text):
            found, chars = result.rank, read
            break
    top = results[0].passage.text if results else ""
    return CaseResult(case, found, chars, answer.answered and bool(results), top)


def evaluate(cases: list[Case], answers: list[Answer], k: int) -> Report:
    return Report(k, [score_case(c, a, k) for c, a in zip(cases, answers)])
