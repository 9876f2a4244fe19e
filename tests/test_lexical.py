"""The lexical matrix ranks as SQLite FTS5's bm25() does over the same columns, and answers document
frequencies and body coverage from the same files."""

from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from pathlib import Path

import pytest

from bot import lexical
from bot.evaluate import load_cases
from bot.index import (
    COLUMN_WEIGHTS,
    SEARCHABLE_KINDS,
    lexical_body,
    lexical_chars,
    lexical_context,
    lexical_grams,
    lexical_head,
    open_snapshot,
)
from bot.analysis import query_terms
from bot.textutil import normalize_text
from tests.conftest import top_result

ROOT = Path(__file__).resolve().parents[1]
DEV_EVAL = ROOT / "eval" / "dev_eval.yaml"
OWN_QUESTIONS = ["三倒六个一制度是怎么规定的", "项目建设要抓哪些工作", "干部作风", "经济运行监测", "明天会下雨吗",
                 "招商引资 企业 项目 发展 工作 要求", "潍柴"]


def _questions() -> list[str]:
    extra = [c.q for c in load_cases(DEV_EVAL)]
    return OWN_QUESTIONS + extra


def _fts5_reference(snap) -> sqlite3.Connection:
    """The bundled corpus's searchable passages in an FTS5 table, columns as the index builds them."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE fts USING fts5(body, grams, chars, head, context, tokenize = 'unicode61')")
    ids = [r[0] for r in snap.db.execute(f"SELECT id FROM passages WHERE kind IN {SEARCHABLE_KINDS} ORDER BY id")]
    for rid, p in snap.passages_by_ids(ids).items():
        db.execute("INSERT INTO fts(rowid, body, grams, chars, head, context) VALUES (?,?,?,?,?,?)",
                   (rid, lexical_body(p), lexical_grams(p), lexical_chars(p), lexical_head(p), lexical_context(p)))
    return db


def _ties(ranking: list[tuple[int, float]]) -> list[slice]:
    """Ranks holding equal scores (FTS5 orders ties arbitrarily), best first."""
    spans, start = [], 0
    for i in range(1, len(ranking) + 1):
        if i == len(ranking) or not ranking[i][1] == pytest.approx(ranking[start][1], rel=1e-5):
            spans.append(slice(start, i))
            start = i
    return spans


def test_same_top10_as_fts5_bm25(searcher):
    snap = searcher.snapshot
    fts = _fts5_reference(snap)
    weights = ", ".join(str(w) for w in COLUMN_WEIGHTS)
    compared = 0
    for q in _questions():
        n = normalize_text(q)
        terms = searcher.lexical_terms(snap, n, query_terms(n))
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in terms)
        ref = [(rid, -s) for rid, s in fts.execute(
            f"SELECT rowid, bm25(fts, {weights}) AS s FROM fts WHERE fts MATCH ? ORDER BY s LIMIT 10", (match,))]
        ours = snap.lexical(terms, 10)
        assert len(ours) == len(ref), q
        for (_, a), (_, b) in zip(ours, ref):
            assert a == pytest.approx(b, rel=1e-5), q
        # The same passages at every score; the last tie may be cut differently by the limit.
        for span in _ties(ref)[:-1]:
            assert {rid for rid, _ in ours[span]} == {rid for rid, _ in ref[span]}, q
        compared += 1
    assert compared >= len(OWN_QUESTIONS)


def test_frequencies_and_body_coverage_come_from_the_matrix(searcher):
    snap = searcher.snapshot
    ids = [r[0] for r in snap.db.execute(f"SELECT id FROM passages WHERE kind IN {SEARCHABLE_KINDS} ORDER BY id")]
    bodies = {rid: set(lexical_body(p).split()) for rid, p in snap.passages_by_ids(ids).items()}
    terms = ["聚力", "项目", "三倒六个一", "企业", "潍柴", "不存在的词语"]
    expected_df = {t: sum(t in b for b in bodies.values()) for t in terms}
    assert snap.document_frequencies(terms) == {t: n for t, n in expected_df.items() if n}
    some = ids[:12] + [10**9]  # an id that is not in the index is ignored
    held = snap.body_terms(some, terms)
    assert held == {rid: {t for t in terms if t in bodies[rid]} for rid in ids[:12]}


def test_build_matches_bm25_by_hand_and_breaks_ties_by_row(tmp_path: Path):
    docs = {
        3: [["项目", "建设", "项目"], [], [], ["项目"], []],
        5: [["企业", "培育"], [], [], [], ["项目"]],
        8: [["企业", "培育"], [], [], [], ["项目"]],  # the same as 5: a tie
        9: [["作风", "建设"], ["作风"], [], [], []],
    }
    vocabulary: dict[str, int] = {}
    packed = {rid: lexical.pack_terms(cols, COLUMN_WEIGHTS, lambda t: vocabulary.setdefault(t, len(vocabulary)))
              for rid, cols in docs.items()}
    keys = lexical.term_keys((i, t) for t, i in vocabulary.items())
    meta = lexical.build(((rid, *packed[rid]) for rid in sorted(docs)), keys, tmp_path)
    index = lexical.LexicalIndex(tmp_path)
    assert meta["passages"] == index.passages == 4
    lengths = {rid: sum(len(c) for c in cols) for rid, cols in docs.items()}
    avgdl = sum(lengths.values()) / len(lengths)

    def bm25(rid: int, terms: list[str]) -> float:
        score = 0.0
        for t in terms:
            tf = sum(w * col.count(t) for w, col in zip(COLUMN_WEIGHTS, docs[rid]))
            if not tf:
                continue
            n = sum(any(t in col for col in cols) for cols in docs.values())
            score += lexical.idf(n, len(docs)) * tf * 2.2 / (tf + 1.2 * (0.25 + 0.75 * lengths[rid] / avgdl))
        return score

    terms = ["项目", "企业", "建设", "缺席"]
    ranking = index.score(terms, 10)
    expected = sorted(((rid, bm25(rid, terms)) for rid in docs if bm25(rid, terms)), key=lambda x: (-x[1], x[0]))
    assert [rid for rid, _ in ranking] == [rid for rid, _ in expected]
    assert [s for _, s in ranking] == pytest.approx([s for _, s in expected], rel=1e-6)
    assert [rid for rid, _ in index.score(["企业"], 1)] == [5]  # of two equal passages, the lower row id
    assert index.posting_counts(["项目", "作风", "缺席"]) == {"项目": 3, "作风": 1}
    # The safety cap leaves the commonest terms out and always keeps the rarest.
    assert [rid for rid, _ in index.score(["项目", "作风"], 10, max_postings=1)] == [9]
    assert not math.isnan(sum(s for _, s in ranking))


def test_pruned_scoring_gives_exactly_the_exhaustive_ranking(tmp_path: Path):
    """Skipping the postings of terms that cannot lift a passage into the best results changes no
    score and no rank: checked against summing every posting, on a corpus where common characters
    are in most passages (as in bulletins) and rare words in a few."""
    import numpy as np

    rng = np.random.default_rng(7)
    vocabulary = [f"w{i}" for i in range(400)]
    weights = 1 / np.arange(1, len(vocabulary) + 1) ** 1.1  # Zipf: a few terms in most passages
    weights /= weights.sum()
    docs = {rid: [list(rng.choice(vocabulary, size=rng.integers(5, 60), p=weights)), [], [], [], []]
            for rid in range(1, 3001)}
    ids: dict[str, int] = {}
    packed = {rid: lexical.pack_terms(cols, COLUMN_WEIGHTS, lambda t: ids.setdefault(t, len(ids)))
              for rid, cols in docs.items()}
    lexical.build(((rid, *packed[rid]) for rid in sorted(docs)), lexical.term_keys((i, t) for t, i in ids.items()),
                  tmp_path)
    index = lexical.LexicalIndex(tmp_path)

    def exhaustive(terms: list[str], limit: int) -> list[tuple[int, float]]:
        columns = sorted(index._columns(list(dict.fromkeys(terms))).values(), key=lambda s: (s[1] - s[0], s[0]))
        rows = np.concatenate([index.rows[a:b] for a, b, _ in columns])
        sums = np.bincount(rows, weights=np.concatenate([index.impacts[a:b] for a, b, _ in columns]),
                           minlength=index.passages)
        hit = np.flatnonzero(sums)
        order = np.lexsort((hit, -sums[hit]))[:limit]
        return [(int(index.row_ids[h]), float(sums[h])) for h in hit[order]]

    for _ in range(150):
        # Two to twenty terms: some of the commonest (in most passages), some rare, some in between.
        terms = list(rng.choice(vocabulary[:8], size=rng.integers(1, 5))) + \
            list(rng.choice(vocabulary, size=rng.integers(1, 16), p=np.sqrt(weights) / np.sqrt(weights).sum()))
        for limit in (1, 5, 50):
            assert index.score(terms, limit) == exhaustive(terms, limit)


def test_an_empty_matrix_answers_nothing(tmp_path: Path):
    lexical.build(iter(()), lexical.term_keys(()), tmp_path)
    index = lexical.LexicalIndex(tmp_path)
    assert index.passages == 0
    assert index.score(["项目"], 10) == []
    assert index.document_frequencies(["项目"]) == {}
    assert index.body_terms([1, 2], ["项目"]) == {}


def test_a_question_of_common_words_keeps_its_rarest_term_under_a_tight_cap(built, embedder):
    """With a cap of one posting only the rarest term is scored, and it still finds the directive."""
    from dataclasses import replace

    from bot.search import Searcher

    tight = Searcher(replace(built, search=replace(built.search, lexical_postings=1)), embedder)
    assert "三倒六个一" in top_result(tight, "三倒六个一制度是怎么规定的").passage.text


def test_a_snapshot_with_a_damaged_matrix_asks_for_a_rebuild(built, tmp_path: Path):
    import shutil

    from bot.errors import IndexUnavailable

    root = tmp_path / "index"
    shutil.copytree(built.index, root)
    snap = open_snapshot(root)
    folder = root / snap.generation
    snap.close()
    (folder / "lexical-rows.npy").write_bytes(b"not an array")
    with pytest.raises(IndexUnavailable, match="rebuild"):
        open_snapshot(root)


def test_the_words_a_cut_across_words_may_hold():
    from bot.analysis import word_pieces

    # jieba's HMM cuts "槐岭镇夏播最晚…" as 槐岭 | 镇夏播 | …: the archive's word 夏播 is inside
    assert word_pieces("镇夏播") == ["镇夏", "夏播"]
    assert word_pieces("夏播") == []


def test_a_years_nian_ends_its_word_unless_a_time_word_goes_on_from_it():
    from bot.analysis import tokens

    # "2025年老旧小区" cut "年老" left the question a word no passage about 老旧小区 holds
    assert "年老" not in tokens("区住建局在2025年老旧小区改造方案里要干啥")
    assert {"老旧", "小区"} <= set(tokens("区住建局在2025年老旧小区改造方案里要干啥"))
    assert "年底" in tokens("2025年底前完成") and "年内" in tokens("2024年内建成")
