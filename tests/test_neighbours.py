"""Words the archive never writes, found by meaning with the real model (bot/neighbours.py)."""

from bot.neighbours import asker_words, found_by_meaning

TEXTS = [
    "第七条 食品摊贩应当在街道划定的区域和时段内经营，早市时段为5时至8时。",
    "全镇划分网格42个，落实网格员巡查责任。",
    "已完成改造的农户要将原有燃煤炉具拆除，冬季不得复烧散煤。",
    "第九条 对博士研究生每人每月发放生活补贴1500元。",
]

def test_an_everyday_word_is_found_where_the_bulletin_says_it_formally(embedder):
    got = found_by_meaning(["摆摊", "炉子", "冬天"], TEXTS, embedder, 0.8, 0.075)
    assert got == [frozenset({"摆摊"}), frozenset(), frozenset({"炉子", "冬天"}), frozenset()]

def test_a_vague_word_is_found_nowhere(embedder):
    # "接着" (go on) is about as near every word of these texts: none is its synonym
    assert found_by_meaning(["接着"], TEXTS, embedder, 0.8, 0.075) == [frozenset()] * len(TEXTS)

def test_a_word_holding_the_passage_word_is_no_synonym(embedder):
    # "博士后" is near "博士" in meaning, and something else: the near miss stays a miss
    assert found_by_meaning(["博士后"], TEXTS, embedder, 0.8, 0.075)[3] == frozenset()

def test_only_the_askers_own_whole_words_are_read_by_meaning():
    terms = ["电动", "自行", "自行车", "充电", "义务", "教育", "义务教育", "炉子", "学校"]
    held = {"电动", "教育"}
    # parts of a longer word (自行 of 自行车), words holding a word the archive writes (义务教育) and words
    # common in any text (学校) are not
    assert asker_words(terms, held) == ["自行车", "充电", "炉子"]

def test_nothing_asked_or_nothing_to_read(embedder):
    assert found_by_meaning([], TEXTS, embedder, 0.8, 0.075) == [frozenset()] * len(TEXTS)
    assert found_by_meaning(["摆摊"], ["", "42"], embedder, 0.8, 0.075) == [frozenset(), frozenset()]

def test_a_kin_or_a_word_the_question_asks_besides_is_no_synonym(embedder):
    # 博士 is 硕士's kin (同义词词林 "#": another degree), not another word for it
    assert found_by_meaning(["硕士"], ["对新引进的博士每人每月发放生活补贴1500元。"], embedder, 0.8, 0.075) == [frozenset()]
    # the passage's 炉具 stands for 炉子 — unless the question asks 炉具 too: then it is that word's
    assert found_by_meaning(["炉子"], [TEXTS[2]], embedder, 0.8, 0.075) == [frozenset({"炉子"})]
    assert found_by_meaning(["炉子"], [TEXTS[2]], embedder, 0.8, 0.075, frozenset({"炉具"})) == [frozenset()]
