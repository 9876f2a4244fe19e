"""Homophone typos (bot/typos.py): a question typed with a pinyin input method is read as the archive writes it."""

import pytest

from bot.render import answer_record, console_text
from bot.typos import homophones


def test_homophones_share_a_common_reading_not_a_rare_one():
    assert "贸" in homophones("茂")  # mào
    assert "财" in homophones("彩")  # cái / cǎi: tones aside
    assert "委" not in homophones("有")  # 有's rare reading wěi is no one's typo


def test_a_homophone_typo_is_read_as_the_word_the_archive_holds_and_the_asker_is_told(hexi):
    answer = hexi.search("区彩政局每月要调度什么")
    assert answer.answered
    assert "区财政局要每月调度专项债券" in answer.results[0].passage.text
    assert answer.read_as == ("财政局",)
    shown = console_text(answer)
    assert shown.startswith("（按“财政局”理解）")
    assert answer_record(answer)["read_as"] == ["财政局"]


def test_a_question_read_otherwise_and_not_answered_says_what_was_looked_for(hexi):
    answer = hexi.search("区彩政局明年的预算是多少")  # the archive gives no budget
    assert not answer.answered
    assert console_text(answer).startswith("（按“财政局”理解）抱歉")


@pytest.mark.parametrize("question", [
    "区财政局每月要调度什么",
    "林卫东在第一次推进会上讲了哪四个方面",
    "北桥镇汛期值班怎么安排",
    "每个村最多配几个巡堤员",  # 最多 + a measure: no typo of anything
    "林区长讲的第二点是什么",  # a surname before a post is a name, whatever it sounds like
    "今天中午吃点什么好",  # off-topic words the archive never writes stay as typed
])
def test_questions_typed_right_are_read_as_typed(hexi, question):
    answer = hexi.search(question)
    assert answer.read_as == ()
    assert not (answer.results and answer.results[0].note)


def test_a_typo_the_archive_cannot_back_is_left_alone(hexi):
    # No homophone of 芬 makes a word the archive writes beside 北桥镇: the question stays as asked.
    answer = hexi.search("北桥镇芬洪抢险物资有啥要求")
    assert answer.read_as == ()
