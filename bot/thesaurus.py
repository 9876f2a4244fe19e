"""Synonyms of Chinese words: the words an official may say for what a bulletin writes (实习 / 见习, 检举 / 举报,
年轻人 / 青年), from the extended 同义词词林 (HIT-SCIR's Cilin, as the WordSimilarity package ships it).

Cilin's synonym groups ("=" codes) are read as synonyms, only small ones: a large group is a loose field of
meaning ("长久 悠久 漫长 … 长期 老 永"), whose members do not stand in for each other. A word in several groups
(位置: place, rank, post) has the members of each. Its small groups of kindred words ("#": 学士 硕士 博士 副博士)
are things of one kind that differ: a word is never found as its kin (`kin`); a large one ("东区 产区 保税区 …
开发区", 60 kinds of 区) is a loose field again.

The data file is read, never the package: its module computes similarities this project does not use."""

from __future__ import annotations

import logging
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

log = logging.getLogger(__name__)

DISTRIBUTION = "WordSimilarity"
DATA_FILE = "data/cilin_ex.txt"
GROUP_MAX = 10  # words in a synonym group read as synonyms; larger groups are fields of meaning


def data_path() -> Path | None:
    """Where the installed Cilin file is, or None when the package is not installed."""
    try:
        path = Path(str(distribution(DISTRIBUTION).locate_file(DATA_FILE)))
    except PackageNotFoundError:
        return None
    return path if path.is_file() else None


@lru_cache(maxsize=1)
def _read() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """(synonyms, kin) of every word the file groups."""
    path = data_path()
    if path is None:
        log.warning("thesaurus: %s is not installed; questions are read without synonyms", DISTRIBUTION)
        return {}, {}
    same: dict[str, list[str]] = {}
    kindred: dict[str, list[str]] = {}
    with path.open(encoding="utf-8-sig") as f:
        for line in f:
            code, *words = line.split()
            if not 2 <= len(words) <= GROUP_MAX:
                continue
            by_word = same if code.endswith("=") else kindred if code.endswith("#") else None
            if by_word is None:
                continue
            for w in words:
                by_word.setdefault(w, []).extend(x for x in words if x != w)
    return ({w: tuple(dict.fromkeys(s)) for w, s in same.items()},
            {w: tuple(dict.fromkeys(s)) for w, s in kindred.items()})


def _groups() -> dict[str, tuple[str, ...]]:
    return _read()[0]


def synonyms(word: str) -> tuple[str, ...]:
    """The word's synonyms of two or more characters (none for a single character: 口, 位 mean too much)."""
    if len(word) < 2:
        return ()
    return tuple(s for s in _groups().get(word, ()) if len(s) >= 2)


def kin(word: str) -> frozenset[str]:
    """Words of the same kind that are not the word ("博士" of "硕士", "专车" of "班车"): a passage naming one does not
    name it."""
    return frozenset(_read()[1].get(word, ()))
