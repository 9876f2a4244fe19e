"""Fusion: reciprocal rank fusion, and context among near-copies of one text in several bulletins."""

import pytest

from bot.fusion import fuse_rankings


def test_reciprocal_rank_fusion_rewards_agreement_and_respects_weights():
    fused = fuse_rankings([[1, 2], [3, 2]], k=60)
    assert fused[0][0] == 2  # second in both rankings beats first in one
    assert fused[0][1] == pytest.approx(2 / 62)
    lexical_led = fuse_rankings([[1, 2], [2, 1]], k=60, weights=[1.0, 0.5])
    assert lexical_led[0][0] == 1


@pytest.mark.parametrize("meeting,date", [("第二次", "2022-06-20"), ("第三次", "2022-09-18"), ("9月份", "2022-09-18")])
def test_the_copy_from_the_meeting_the_question_names_comes_first(hexi, meeting, date):
    """"二要加快竣工投产…" is said word for word at the June and the September meeting."""
    answer = hexi.search(f"{meeting}推进会上对加快竣工投产有什么要求")
    assert answer.answered
    top = answer.results[0].passage
    assert top.text.startswith("二要加快竣工投产") and top.date == date


def test_without_a_meeting_named_both_copies_are_offered(hexi):
    answer = hexi.search("加快竣工投产有什么要求")
    dates = {r.passage.date for r in answer.results[:2] if r.passage.text.startswith("二要加快竣工投产")}
    assert dates == {"2022-06-20", "2022-09-18"}


def test_the_latest_meeting_answers_a_question_about_the_most_recent_one(hexi):
    answer = hexi.search("最近一次推进会在哪里召开")
    assert answer.answered and "青柳镇" in answer.results[0].passage.text
    assert answer.results[0].passage.date == "2022-09-18"
