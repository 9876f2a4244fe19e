"""The answer gate's evidence on evaluation sets: one line (JSON) per question with what decided it.

    python scripts/gate_features.py NAME CONFIG EVAL.yaml [NAME CONFIG EVAL.yaml ...] > features.jsonl

Each line: the set's name, the case's kind, whether it was answered, whether the first result holds the expected
passage (`hit1`; a negative has none), the evidence (dense cosine, lexical coverage, the answer's coverage in its
passage and article) and the question's kind. Used to judge a gate change on every set at once, and to fit a
model leave-one-set-out (see docs/quality.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bot.config import load_config
from bot.evaluate import load_cases, meets
from bot.search import Searcher


def rows(name: str, config: str, eval_path: str):
    searcher = Searcher(load_config(Path(config)))
    cases = load_cases(Path(eval_path))
    for case, answer in zip(cases, searcher.search_many([c.q for c in cases])):
        e, it = answer.evidence, answer.intent
        top = answer.results[0].passage.text if answer.answered and answer.results else ""
        yield {"set": name, "id": case.id, "kind": case.kind, "q": case.q, "answered": answer.answered,
               "hit1": bool(top) and meets(case, top), "dense": e.dense_top, "coverage": e.coverage,
               "context": e.context_coverage, "passage": e.passage_coverage, "list": e.list_score,
               "fact": it.asks_fact, "amount": it.asks_amount, "when": it.asks_when, "intent": it.kind}


def main(argv: list[str]) -> None:
    for i in range(0, len(argv) - 2, 3):
        for row in rows(*argv[i:i + 3]):
            print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1:])
