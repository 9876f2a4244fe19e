"""The evaluation sets the project carries (eval/, tests/data/heldout): each indexed from a temporary
copy of its own bulletins and scored, so `make eval` works in a fresh clone and never touches the
running bot's corpus or index."""

from __future__ import annotations

import dataclasses
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from bot.config import Config
from bot.evaluate import Report, evaluate, load_cases

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT / "eval"
DEV_EVAL = EVAL / "dev_eval.yaml"


@dataclass(frozen=True)
class EvalSet:
    name: str
    questions: Path
    bulletins: tuple[Path, ...]
    about: str


def bundled_sets() -> list[EvalSet]:
    """Every set shipped with the project, the bundled bulletin's first."""
    def folder(path: Path) -> tuple[Path, ...]:
        return tuple(sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".")))

    return [
        EvalSet("dev", DEV_EVAL, (ROOT / "corpus" / "shanting_2021-04_bulletin.txt",), "the bundled bulletin"),
        EvalSet("archive", EVAL / "archive" / "eval.yaml", folder(EVAL / "archive" / "corpus"),
                "meeting reports, 21 files"),
        EvalSet("archive2", EVAL / "archive2" / "eval.yaml", folder(EVAL / "archive2" / "corpus"),
                "plans, reports, speeches, 20 files"),
        EvalSet("heldout", ROOT / "tests" / "data" / "heldout" / "eval.yaml",
                folder(ROOT / "tests" / "data" / "heldout" / "corpus"), "written apart, never tuned on"),
    ]


def evaluate_set(config: Config, embedder, evalset: EvalSet, k: int, work: Path | None = None) -> Report:
    """Index a temporary copy of the set's bulletins with `config`'s settings and score its questions.

    `work` keeps the index (and its embedding cache) between runs; by default a temporary folder."""
    from bot.conversation import answer_each

    cases = load_cases(evalset.questions)
    with tempfile.TemporaryDirectory(prefix=f"policybot-eval-{evalset.name}-") as tmp:
        searcher = indexed(config, embedder, evalset, (work / evalset.name) if work else Path(tmp))
        # as `policybot query` and the bot answer them, small talk included (`policybot eval FILE` does the same)
        report = evaluate(cases, answer_each(searcher, [c.q for c in cases], k), k)
        report.tasks = ledger_of(searcher.snapshot, searcher.config)
    return report


def indexed(config: Config, embedder, evalset: EvalSet, site: Path):
    """A Searcher over the set's bulletins, indexed in `site` (corpus/, index/, data/) with `config`'s settings."""
    from bot.ingest import sync
    from bot.search import Searcher

    corpus = site / "corpus"
    shutil.rmtree(corpus, ignore_errors=True)
    corpus.mkdir(parents=True)
    for f in evalset.bulletins:
        shutil.copy(f, corpus / f.name)
    site_config = dataclasses.replace(config, corpus=corpus, index=site / "index", data=site / "data")
    sync(site_config, embedder)  # a kept site an earlier version indexed is rebuilt by sync
    return Searcher(site_config, embedder)


def folder_set(folder: Path) -> EvalSet:
    """An evaluation set in a folder of its own: eval.yaml and corpus/."""
    from bot.errors import PolicyBotError

    questions, corpus = folder / "eval.yaml", folder / "corpus"
    if not questions.is_file() or not corpus.is_dir():
        raise PolicyBotError(f"{folder} is not an evaluation set (it needs eval.yaml and corpus/)")
    return EvalSet(folder.name, questions, tuple(sorted(p for p in corpus.iterdir() if p.is_file())), "")


def ledger_of(snapshot, config: Config) -> list:
    """The tasks of an evaluated index, for the report's ledger page."""
    import datetime as dt

    from bot.ledger import load_ledger

    return load_ledger(snapshot, config, dt.date.today())[0]
