"""Shared fixtures: the real model, the bundled corpus, and an index built from them in a temp folder."""

from __future__ import annotations

import os

# The suite runs a worker process per core (pytest-xdist), each with the model's two OpenMP threads: workers
# that spin while they wait steal the core another process needs (959 tests: 72 s waiting passively, 89 s
# spinning). A single answering process is faster spinning (bot/__init__.py). Set before torch loads.
os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")

import shutil
from pathlib import Path

import numpy as np
import pytest
import yaml

from bot.config import Config, load_config
from bot.embed import Embedder

ROOT = Path(__file__).resolve().parents[1]
BUNDLED = ROOT / "corpus" / "shanting_2021-04_bulletin.txt"


def make_config(folder: Path, files: list[Path] | None = None, **overrides) -> Path:
    """A config.yaml in `folder` with its own corpus/ (copies of `files`) and index/."""
    folder.mkdir(parents=True, exist_ok=True)
    corpus = folder / "corpus"
    corpus.mkdir(exist_ok=True)
    for f in files if files is not None else [BUNDLED]:
        shutil.copy(f, corpus / f.name)
    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    for key, value in overrides.items():
        if isinstance(value, dict):
            raw.setdefault(key, {}).update(value)
        else:
            raw[key] = value
    path = folder / "config.yaml"
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return path


class RememberingEmbedder(Embedder):
    """The real model, which embeds a passage once per test process: the suite indexes the same bulletins
    (the bundled one above all) in dozens of folders, and each folder's own embedding cache starts empty.
    What reaches the model, the index and its cache is unchanged; only the model's repeated work is saved."""

    def __init__(self, config):
        super().__init__(config)
        self._seen: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        new = [t for t in dict.fromkeys(texts) if t not in self._seen]
        if new:
            self._seen.update(zip(new, super().encode(new, progress)))
        if not texts:
            return super().encode(texts)
        return np.stack([self._seen[t] for t in texts])


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    return RememberingEmbedder(load_config(ROOT / "config.yaml").model)


@pytest.fixture(scope="session")
def built(tmp_path_factory, embedder) -> Config:
    """The bundled corpus, indexed once for the whole session (treat as read-only)."""
    from bot.ingest import sync

    config = load_config(make_config(tmp_path_factory.mktemp("built")))
    sync(config, embedder)
    return config


@pytest.fixture(scope="session")
def searcher(built, embedder):
    from bot.search import Searcher

    return Searcher(built, embedder)


@pytest.fixture(autouse=True)
def cli_shares_the_model(monkeypatch, embedder):
    """The CLI run in-process uses the session's model object (same model, same files) instead of
    loading its own copy for every command."""
    import bot.cli

    monkeypatch.setattr(bot.cli, "_embedder",
                        lambda config: embedder if config.model == embedder.config else Embedder(config.model))


HEXI = ROOT / "tests" / "data" / "hexi"


@pytest.fixture(scope="session")
def hexi(tmp_path_factory, embedder):
    """Searcher over our own small archive: three meetings of one series (March, June, September
    2022, same speaker, a point restated), a second speaker, and a town's flood meeting."""
    from bot.ingest import sync
    from bot.search import Searcher

    config = load_config(make_config(tmp_path_factory.mktemp("hexi"), sorted(HEXI.glob("*.txt"))))
    sync(config, embedder)
    return Searcher(config, embedder)


def searcher_over(folder: Path, embedder: Embedder, bulletins: dict[str, str]):
    """A Searcher over bulletins written for a test ({file name: text}), indexed in `folder`."""
    from bot.ingest import sync
    from bot.search import Searcher

    src = folder / "src"
    src.mkdir(parents=True)
    for name, text in bulletins.items():
        (src / name).write_text(text, encoding="utf-8")
    config = load_config(make_config(folder / "site", sorted(src.iterdir())))
    sync(config, embedder)
    return Searcher(config, embedder)


def top_result(searcher, question: str):
    """The first result of an answered question (fails, naming the question, when it is not answered)."""
    answer = searcher.search(question)
    assert answer.answered, question
    return answer.results[0]


@pytest.fixture(scope="session")
def lichuan(tmp_path_factory, embedder):
    """A helper's archive (eval/apart/fresh121): a 副县长's speech at a 部署会 (一、 with （一）… under it) and a later
    WeChat report of three points he set out at a 推进会, among the county's other bulletins."""
    from bot.ingest import sync
    from bot.search import Searcher

    files = sorted((ROOT / "eval/apart/fresh121/corpus").iterdir())
    config = load_config(make_config(tmp_path_factory.mktemp("lichuan"), files))
    sync(config, embedder)
    return Searcher(config, embedder)

