"""jieba's dictionary is read from its cache in one piece (the first answer waits for it); with no
cache, or a damaged one, jieba builds it as usual and the words are the same."""

import jieba
import pytest

from bot.textutil import _read_cache_whole, nfkc, normalize_text
from tests.conftest import ROOT


def fresh_tokenizer(tmp_path, fallback=None):
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(tmp_path)
    tok.initialize = _read_cache_whole(tok, fallback or tok.initialize)
    return tok


def test_the_dictionary_is_built_once_then_read_from_its_cache(tmp_path):
    first = fresh_tokenizer(tmp_path)
    words = list(first.cut_for_search("招商引资方面有什么要求"))  # no cache yet: jieba builds and writes it
    assert (tmp_path / "jieba.cache").is_file()

    def rebuilt(dictionary=None):
        pytest.fail("the cache was there: jieba's own (slow) initialize must not run")

    second = fresh_tokenizer(tmp_path, rebuilt)
    assert list(second.cut_for_search("招商引资方面有什么要求")) == words
    assert second.FREQ == first.FREQ and second.total == first.total
    assert words == list(jieba.cut_for_search("招商引资方面有什么要求"))


def test_a_damaged_cache_is_rebuilt_not_fatal(tmp_path):
    (tmp_path / "jieba.cache").write_bytes(b"\x00not marshal")
    tok = fresh_tokenizer(tmp_path)
    assert "招商" in list(tok.cut_for_search("招商引资"))
    assert tok.FREQ.get("招商", 0) > 0


def test_normalize_text_keeps_its_meaning_on_the_fast_path():
    assert normalize_text("  第三條　要求\u200b\n 加強 ") == "第三条 要求 加强"
    assert normalize_text("ＡＢＣ１２３") == "ABC123"
    assert normalize_text("a\x07b\tc") == "ab c"


def test_nfkc_is_unicodedata_nfkc():
    """The fast NFKC gives exactly unicodedata's, on tricky strings and on every bulletin we have."""
    import unicodedata
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    tricky = ["，。：（）！？　全角空格", "ＡＢＣ１２３～", "①②㊀㈠", "ﬁ ligature ｶﾀｶﾅ ﾞ", "e\u0301 cafe\u0301",
              "兀 \uf900\uf901 compatibility ideographs", "２０２３年１２月１５日", "", "　", "ｎｏ ｃｈａｎｇｅ needed",
              "Ａ\u0301", "＜\u0338 full-width forms before combining marks"]
    texts = tricky + [f.read_text(encoding="utf-8", errors="replace")
                      for f in sorted((root / "corpus").iterdir()) + sorted((root / "tests" / "data").rglob("*.txt"))
                      if f.is_file()]
    assert len(texts) > len(tricky) + 5
    for text in texts:
        assert nfkc(text) == unicodedata.normalize("NFKC", text)


def test_the_cjk_block_sentence_ends_and_numerals_are_written_once():
    """Every module builds its patterns from textutil's names; a second spelling drifts (issue 19, Shape)."""
    sources = {p.name: p.read_text(encoding="utf-8") for p in (ROOT / "bot").rglob("*.py")}
    for spelled in ("0x4E00", "\\u4e00", "\\u9fff", "一二三四五六七八九", "。！？!?"):
        writers = [name for name, text in sources.items() if spelled in text]
        assert writers == ([] if spelled.startswith("\\") else ["textutil.py"]), (spelled, writers)


def test_a_word_is_shortened_from_the_first_of_one_word_and_the_last_of_the_next():
    from bot.textutil import abbreviates, shortens

    assert shortens("农网", "农村电网巩固提升工程") and shortens("农网", "推进农村电网建设")
    assert not shortens("打鱼", "打击非法捕鱼") and not shortens("农网", "农业电子商务网")
    assert not abbreviates("农网", "农村电网")  # the strict reading (first characters of both) stays as it was


def test_a_word_is_said_inside_a_compound_sharing_its_last_character():
    from bot.textutil import coordinates

    assert coordinates("防火", "全县森林防灭火工作") and coordinates("中学", "全县中小学") and coordinates("进口", "进出口")
    assert not coordinates("防火", "防止火灾")  # 止火 is no word
    assert not coordinates("防火", "防汛工作") and not coordinates("防", "防灭火")


def test_a_numeral_and_a_character_is_the_items_it_counts_spelled_out():
    from bot.textutil import enumerates

    assert enumerates("四乱", "全县共排查出河湖“乱占、乱采、乱堆、乱建”问题186个")
    assert not enumerates("四乱", "排查出“乱占、乱采”问题")  # two items are not four
    assert not enumerates("四乱", "乱占、乱采、乱堆、违建")  # each item holds the character
    assert not enumerates("四乱", "清四乱专项行动")  # (the word itself is found as a word)
    assert enumerates("三改", "推进“改厕、改厨、改圈”")


def test_a_word_said_short_is_read_where_the_text_writes_it_out_as_words():
    from bot.textutil import abbreviates

    assert abbreviates("地灾", "会议听取了全县地质灾害防治工作情况汇报", words=True)  # 地质|灾害
    assert abbreviates("技改", "对企业技术改造给予奖励", words=True)
    assert not abbreviates("下步", "下一步我们将抓好项目申报", words=True)  # 下一|步我: 步我 is no word
    assert abbreviates("下步", "下一步我们将抓好项目申报")  # the looser reading, by first characters only
