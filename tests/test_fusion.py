"""Fusion: reciprocal rank fusion, and context among near-copies of one text in several bulletins."""

import random
from dataclasses import replace

import pytest

from bot.analysis import char_bigrams
from bot.articles import split_articles
from bot.fusion import COPY_CHARS, NEAR_COPY, fuse_rankings, near_copies, opening_keys
from bot.load import load_file
from bot.passages import article_passages
from bot.records import Passage
from tests.conftest import HEXI


def passage(pid: str, article: str, text: str) -> Passage:
    """A passage record of that text in that article, its other fields empty."""
    fields = {f: None for f in Passage.__dataclass_fields__}
    fields.update(passage_id=pid, article_id=article, text=text)
    return Passage(**fields)


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


def test_near_copies_are_the_pairs_whose_openings_share_half_their_bigrams():
    """Against the definition, pair by pair, on our own archive (a point restated word for word at
    three meetings, and passages that only share their wording in part), in random groups of 20."""
    passages = [p for f in sorted(HEXI.glob("*.txt")) for a in split_articles(load_file(f), 2022)
                for p in article_passages(a)[0]]
    by_id = dict(enumerate(passages))

    def jaccard(a, b):
        x, y = set(char_bigrams(a[:COPY_CHARS])), set(char_bigrams(b[:COPY_CHARS]))
        return len(x & y) / len(x | y) if x | y else 0.0

    rng = random.Random(5)
    found = 0
    for _ in range(200):
        group = {i: by_id[i] for i in rng.sample(sorted(by_id), 20)}
        expected = {i for i, p in group.items() for j, q in group.items()
                    if p.article_id != q.article_id and jaccard(p.text, q.text) >= NEAR_COPY}
        assert near_copies(group) == expected
        found += len(expected)
    assert found > 20  # the groups did hold copies
    for p in passages:  # the keys are the bigrams `char_bigrams` finds, one number each
        keys = opening_keys(p.text)
        assert {chr(k >> 21) + chr(k & 0x1FFFFF) for k in keys.tolist()} == set(char_bigrams(p.text[:COPY_CHARS]))
        assert len(keys) == len(set(char_bigrams(p.text[:COPY_CHARS])))
    odd = replace(passages[0], text="\ud800" + passages[0].text, article_id="elsewhere")  # a lone surrogate
    assert near_copies({0: passages[0], 1: odd}) == {0, 1}


def test_a_passage_holding_far_more_of_the_question_goes_first():
    from bot.search import _clear_lexical_first

    fused = [(7, 0.030), (3, 0.029), (9, 0.020)]
    assert _clear_lexical_first(fused, [(9, 32.7), (3, 21.8)], 1.4, 6)[0][0] == 9  # 1.5 times the next: first
    assert _clear_lexical_first(fused, [(9, 25.0), (3, 21.8)], 1.4, 6) == fused  # close: the fusion decides
    assert _clear_lexical_first(fused, [(9, 32.7), (3, 21.8)], 1.4, 1) == fused  # one rare word is no evidence


def test_a_year_the_passage_states_is_not_contradicted_by_its_meetings_date():
    # "2024年全区PM2.5平均浓度" asked; the 2025 meeting's report states the 2024 figure, the 2024 report another
    from bot.catalog import ArticleEntry, Catalog
    from bot.fusion import context_share
    from bot.intent import parse_intent

    catalog = Catalog(articles={a: ArticleEntry(a, "", frozenset(), date, (), None)
                                for a, date in (("a2025", "2025-04-08"), ("a2024", "2024-03-01"))}, latest_year=2025)
    intent = parse_intent("2024年全区PM2.5平均浓度是多少")
    weights = {"平均": 3.0, "浓度": 4.0}
    stated = context_share(passage("p1", "a2025", "会议通报，2024年全区PM2.5平均浓度为38微克/立方米。"),
                           catalog, weights, (), intent)
    other = context_share(passage("p2", "a2025", "今年PM2.5平均浓度要降到36微克/立方米。"), catalog, weights, (), intent)
    assert stated > 0 > other


def test_last_year_named_in_a_passage_is_last_years_as_an_article_of_last_year_is():
    # "去年进出口总额是多少" on an archive whose newest year is 2025: this year's meeting states 2024's total with the
    # year written out; it is as much last year's as a 2024 article's passage, and more than this year's other passages
    from bot.catalog import ArticleEntry, Catalog
    from bot.fusion import context_share
    from bot.intent import parse_intent

    catalog = Catalog(articles={a: ArticleEntry(a, "", frozenset(), date, (), None)
                                for a, date in (("a2025", "2025-04-21"), ("a2024", "2024-04-17"))}, latest_year=2025)
    intent = parse_intent("去年全县进出口总额是多少")
    weights = {"进出口": 3.0, "总额": 4.0}
    stated = context_share(passage("p1", "a2025", "商务局通报，2024年全县实现进出口总额53.9亿元。"), catalog, weights, (), intent)
    dated = context_share(passage("p2", "a2024", "一季度全县实现进出口总额11.2亿元。"), catalog, weights, (), intent)
    other = context_share(passage("p3", "a2025", "一季度全县进出口总额增长6.2%。"), catalog, weights, (), intent)
    assert stated == dated > other
    # a target asked is that year's plan: a later report naming the year states what was done, not what was planned
    intent = parse_intent("2024年全县计划新建多少亩高标准农田")
    weights = {"新建": 3.0, "高标准": 3.0, "农田": 2.0}
    planned = context_share(passage("p4", "a2024", "今年全县计划新建高标准农田2.4万亩。"), catalog, weights, (), intent)
    reported = context_share(passage("p5", "a2025", "2024年，全县新建高标准农田2.5万亩。"), catalog, weights, (), intent)
    assert planned > reported


def test_this_year_prefers_the_newest_years_article_without_contradicting_an_older_one():
    # "今年秋天山上起火的风险" may be asked of last autumn's notice: 今年 is read against the archive's newest year, so
    # that year's article is preferred, but the older one is not ranked as if its date said otherwise; a month said
    # with 今年 still has to be the article's.
    from bot.catalog import ArticleEntry, Catalog
    from bot.fusion import context_share
    from bot.intent import parse_intent

    catalog = Catalog(articles={a: ArticleEntry(a, "", frozenset(), date, (), None)
                                for a, date in (("new", "2025-09-02"), ("old", "2024-09-03"))}, latest_year=2025)
    weights = {"秋天": 3.0, "风险": 2.0}
    share = lambda q, a: context_share(passage("p", a, "入秋以来降水偏少，森林火险等级明显偏高。"), catalog, weights, (),
                                        parse_intent(q))
    assert share("今年秋天山上起火的风险为什么高", "new") > share("今年秋天山上起火的风险为什么高", "old") == 0.0
    assert share("今年9月部署了什么", "old") > 0 > share("今年3月部署了什么", "old")


def test_a_town_that_issues_a_few_documents_puts_its_own_passage_before_the_countys_naming_it():
    # "鹤岭镇问题厕所谁牵头": the town's own task list ranks before the county's plans that name the town in passing
    from bot.catalog import ArticleEntry, Catalog
    from bot.fusion import with_context
    from bot.intent import parse_intent

    town = ArticleEntry("t", "鹤岭镇人民政府关于印发重点任务清单的通知", frozenset(), "2026-03-02", (), None)
    county = [ArticleEntry(f"c{i}", f"柘源县人民政府办公室关于印发第{i}号方案的通知", frozenset(), "2025-05-28", (), None)
              for i in range(3)]
    catalog = Catalog(articles={a.article_id: a for a in [town, *county]})
    passages = {0: passage("c0:1", "c0", "鹤岭镇等乡镇要完成问题厕所整改，县农业农村局牵头。"),
                1: passage("t:1", "t", "问题厕所整改，镇农业服务中心牵头，6月底前完成。")}
    intent = parse_intent("鹤岭镇问题厕所咋整改，谁来牵头")
    ranked = with_context([(0, 0.03), (1, 0.029)], passages, catalog, {"问题": 2.0, "厕所": 3.0}, (), intent, 0.5)
    assert ranked[0][0] == 1


def test_the_meeting_a_question_names_counts_in_every_articles_title():
    # "安委会汛期会议对县住建局提了什么要求": the unit is named in both meetings' points; the one of the meeting the
    # question names goes first though fused a little lower (its title words are where, not what)
    from bot.catalog import ArticleEntry, Catalog
    from bot.fusion import with_context
    from bot.intent import parse_intent

    catalog = Catalog(articles={
        "flood": ArticleEntry("flood", "县安委会召开汛期安全生产会议", frozenset({"安委会", "汛期", "安全", "生产", "会议"}),
                              "2025-06-03", (), None),
        "gas": ArticleEntry("gas", "全县燃气安全工作推进会召开", frozenset({"燃气", "安全", "工作", "推进会"}),
                            "2025-06-10", (), None)}, latest_year=2025)
    passages = {1: passage("g", "gas", "县住建局要把燃气管道改造收尾作为当前头号任务。"),
                2: passage("f", "flood", "三要盯紧在建工地。县住建局要督促危大工程落实专项施工方案。")}
    intent = parse_intent("安委会汛期会议对县住建局提了什么要求")
    weights = {"安委会": 5.0, "汛期": 4.0, "会议": 1.0, "县住建局": 3.0}
    ranked = with_context([(1, 0.0200), (2, 0.0195)], passages, catalog, weights, (), intent, 0.5)
    assert [doc for doc, _ in ranked] == [2, 1]


def test_the_state_now_is_the_newest_bulletin_stating_it(tmp_path, embedder):
    """"高龄津贴现在每月多少": last year's meeting raised it and this year's briefing raised it again — both state
    the allowance, the newer one is the state now; asked without "现在", the first may be either."""
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "meeting_2024-03-12.txt":
            "槐川县召开养老服务工作会议\n\n2024年3月12日\n\n"
            "会议研究了高龄老人津贴发放工作。经县政府研究，80周岁以上老人高龄津贴由每人每月100元提高到150元，"
            "县民政局要在4月底前将高龄津贴足额发放到位，高龄津贴发放情况每季度通报一次。\n\n"
            "会议还研究了养老机构消防安全工作，要求各养老院在5月底前完成消防设施改造。\n",
        "brief_2025-02-20.txt":
            "槐川县养老服务工作简报 第2期\n\n2025年2月20日\n\n"
            "提标政策落地。自2025年1月1日起，全县80周岁以上老人高龄津贴由每人每月150元提高到200元，"
            "截至2月中旬已按新标准发放到位。\n\n"
            "各镇正在推进居家养老服务站建设，年内新建12个。\n"})
    now = searcher.search("高龄津贴现在每月多少钱")
    assert now.answered and "150元提高到200元" in now.results[0].passage.text
    assert any("100元提高到150元" in r.passage.text for r in now.results[1:])  # the older one stays offered


def test_now_is_read_as_a_time_only_where_it_stands_alone():
    from bot.intent import parse_time

    assert parse_time("低保标准目前是多少").current and parse_time("现在每月发多少").current
    assert not parse_time("成效体现在哪些方面").current and not parse_time("低保标准是多少").current
