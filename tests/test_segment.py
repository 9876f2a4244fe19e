"""The archive's own words in a question jieba cuts across (bot/segment.py)."""

from bot.segment import archive_words


class Archive:
    def __init__(self, words: dict[str, int]):
        self.words = words

    def posting_counts(self, terms: list[str]) -> dict[str, int]:
        return {t: self.words.get(t, 0) for t in terms}


def test_a_campaign_s_name_cut_across_is_read_whole_where_the_archive_holds_it():
    # jieba cuts 散乱|污提: "污提" is held by no passage, "散乱污" (the bulletins write “散乱污”) is
    archive = Archive({"散乱污": 4, "散乱": 1, "常务会议": 3, "要求": 9})
    assert archive_words("常务会议对散乱污提了哪些要求", archive) == "常务会议对“散乱污”提了哪些要求"
    assert archive_words("常务会议对“散乱污”提了哪些要求", archive) == "常务会议对“散乱污”提了哪些要求"  # quoted once
    assert archive_words("散乱污提了哪些要求", archive) == "“散乱污”提了哪些要求"  # at the question's head too


def test_a_number_is_never_cut_into_nor_a_dictionary_word_quoted():
    # "第四十二次": the archive's "十二次" (of its 第十二次 meeting) is no word of the question's
    archive = Archive({"十二次": 3, "常务会议": 3, "县政府": 5})
    assert archive_words("县政府第四十二次常务会议研究了哪些事项", archive) == "县政府第四十二次常务会议研究了哪些事项"
    # "永兴县政府": jieba's own word (县政府) cut otherwise is its choice, the place stays whole
    archive = Archive({"县政府": 9, "党组": 2})
    assert archive_words("给永兴县政府党组讲课的是谁", archive) == "给永兴县政府党组讲课的是谁"


def test_a_question_whose_words_are_all_held_or_no_word_crosses_a_cut_is_unchanged():
    assert archive_words("常务会议对散乱污提了哪些要求", Archive({})) == "常务会议对散乱污提了哪些要求"
    held = Archive({"散乱": 2, "污提": 1, "常务会议": 3, "哪些": 1, "要求": 9, "散乱污": 5})
    assert archive_words("常务会议对散乱污提了哪些要求", held) == "常务会议对散乱污提了哪些要求"
    assert archive_words("", Archive({})) == ""
