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


def test_a_place_names_rare_character_is_read_where_the_archive_writes_the_name(tmp_path, embedder):
    """"槐碑区" for the archive's 槐陂区: 陂 forms no dictionary word with its neighbours, so only the archive's own
    writing of the name backs the reading; the asker is told the name as read."""
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "plan_2025-03-05.txt":
            "槐陂区2025年城镇老旧小区改造提升实施方案\n\n2025年3月5日\n\n"
            "一、加装电梯。槐陂区对具备条件的多层住宅加装电梯，区级财政对每部电梯补助15万元，年底前完成加装40部。\n"
            "二、管网更新。区住建局牵头，6月底前完成26个小区供水、排水管网排查。\n"
            "三、文旅融合。依托改造后的老街区发展夜间消费，全年实现旅游收入3.8亿元。\n"})
    answer = searcher.search("槐碑区老楼加装电梯每部补多少钱")
    assert answer.answered and "每部电梯补助15万元" in answer.results[0].passage.text
    assert answer.read_as == ("槐陂区",)
    # a pair across two of the archive's words ("实现旅游") backs no reading away from a place's level
    assert searcher.search("县旅游发展委员会负责什么").read_as == ()


class _Archive:
    """An archive of one text: a pair is held where the text writes it."""

    def __init__(self, text: str):
        self.text = text

    def posting_counts(self, terms):
        return {t: self.text.count(t) for t in terms}

    def holds_phrase(self, phrase):
        return phrase in self.text


def test_two_characters_typed_in_the_wrong_order_are_read_in_the_archives():
    from bot.typos import correct

    archive = _Archive("县金融服务中心要简化创业担保贷款审批流程，力争审批时限压缩到7个工作日以内。")
    assert correct("创业保担贷款审批时限要压缩到几天", archive).text == "创业担保贷款审批时限要压缩到几天"
    assert correct("创业保担贷款审批时限要压缩到几天", archive).words == ("担保",)
    assert correct("担保贷款怎么申请", archive).text == "担保贷款怎么申请"  # typed right
