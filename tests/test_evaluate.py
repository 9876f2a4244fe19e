"""Eval scoring on a tiny hand-made set, exactly as dev_eval.yaml's header defines it."""

from pathlib import Path

import pytest

from bot.evaluate import Case, evaluate, load_cases
from bot.records import Passage
from bot.search import Answer, Evidence, Intent, Result


def passage(text: str) -> Passage:
    return Passage("p", "a", "text", 0, text, "t", None, "", "f")


def answer(*texts: str, answered: bool = True) -> Answer:
    results = tuple(Result(i + 1, 1.0 / (i + 1), i, passage(t)) for i, t in enumerate(texts))
    return Answer("q", "q", answered, results if answered else (), Intent("plain"), (), Evidence(0, 0))


def test_scoring_ranks_chars_and_negatives():
    cases = [
        Case("1", "fact", "q1", (("甲", "乙"),)),  # found at rank 2 (needs both strings in one result)
        Case("2", "fact", "q2", (("丙",), ("丁",))),  # alternative groups: rank 1
        Case("3", "fact", "q3", (("戊",),)),  # missed
        Case("4", "negative", "q4", ()),  # rejected
        Case("5", "negative", "q5", ()),  # answered: fails
    ]
    answers = [
        answer("甲 甲甲", "甲 乙 xx"),
        answer("有 丁"),
        answer("无关", "无关"),
        answer(answered=False),
        answer("something"),
    ]
    report = evaluate(cases, answers, k=5)
    assert report.hit(1) == pytest.approx(1 / 3)
    assert report.hit(3) == pytest.approx(2 / 3)
    assert report.mrr == pytest.approx((1 / 2 + 1) / 3)
    # characters read: whitespace-free lengths up to the found rank: 3+4=7 and 2 → median 4.5
    assert report.median_chars == 4.5
    assert report.rejected == (1, 2)
    assert [m.case.id for m in report.misses()] == ["3", "5"]
    assert report.per_kind() == {"fact": pytest.approx(2 / 3)}


def test_results_beyond_k_do_not_count():
    report = evaluate([Case("1", "fact", "q", (("目标",),))], [answer("a", "b", "目标")], k=2)
    assert report.hit(5) == 0


def test_load_cases_reads_the_shared_format(tmp_path: Path):
    f = tmp_path / "e.yaml"
    f.write_text('- {id: a, kind: ordinal, q: "第一个聚力是什么", expect: [[一要聚力项目谋划]]}\n'
                 '- {id: b, kind: negative, q: "天气", expect: []}\n', encoding="utf-8")
    cases = load_cases(f)
    assert cases[0].expect == (("一要聚力项目谋划",),)
    assert cases[1].expect == ()


def test_a_held_out_archive_of_other_places_is_answered_and_its_negatives_refused(tmp_path, embedder):
    """Seven bulletins of two invented places (江北区, 石桥县: web pages, an HTML page, a traditional newspaper
    page, a red-header notice, a meeting series) with 32 questions written apart from the development sets.
    Measured when written: hit@1 0.96, hit@3 1.00, negatives 5/6 — the bar keeps a margin for the model's
    and jieba's versions, not for regressions of the method."""
    from bot.config import load_config
    from bot.evalsets import bundled_sets, evaluate_set
    from tests.conftest import ROOT

    (heldout,) = [s for s in bundled_sets() if s.name == "heldout"]
    report = evaluate_set(load_config(ROOT / "config.yaml"), embedder, heldout, k=5)
    rejected, negatives = report.rejected
    assert report.hit(1) >= 0.88 and report.hit(3) >= 0.95
    assert rejected >= negatives - 1


def test_every_bundled_set_is_in_the_project():
    """`make eval` needs nothing beside the clone: every set's questions and bulletins are bundled."""
    from bot.evalsets import bundled_sets

    sets = {s.name: s for s in bundled_sets()}
    assert set(sets) == {"dev", "archive", "archive2", "heldout"}
    for s in sets.values():
        assert load_cases(s.questions) and s.bulletins and all(f.is_file() for f in s.bulletins), s.name


def test_the_bundled_sets_are_scored_as_the_bot_answers_small_talk(tmp_path, searcher, embedder, monkeypatch):
    """A request for a poem on a topic the bulletin covers is small talk: the bot declines it, so must `make eval`
    (searched alone, "帮我写一首关于招商引资的诗" finds the 招商 directive)."""
    import bot.evalsets
    from bot.evalsets import EvalSet, evaluate_set

    questions = tmp_path / "eval.yaml"
    questions.write_text('- {id: n1, kind: negative, q: "帮我写一首关于招商引资的诗", expect: []}\n', encoding="utf-8")
    monkeypatch.setattr(bot.evalsets, "indexed", lambda *args: searcher)
    report = evaluate_set(searcher.config, embedder, EvalSet("t", questions, (), ""), k=5)
    assert report.rejected == (1, 1)
