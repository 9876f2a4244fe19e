"""Choosing a list by everything the question says, over our own archive (tests/data/hexi): three
meetings of one series (March, June, September 2022), a second speaker, a town's flood meeting."""

import pytest

from tests.conftest import top_result


@pytest.mark.parametrize(
    "question,start,date",
    [
        ("第二次推进会上林卫东强调的第一点", "一要盯紧未开工项目", "2022-06-20"),  # the meeting's number
        ("第一次推进会的第三点要求", "三是落实资金来源", "2022-03-15"),
        ("6月份推进会上苏明提的第二点", "第二，区发改局要每月通报项目进度", "2022-06-20"),  # month and speaker
        ("林卫东在第三次推进会上讲的最后一点", "三要谋划明年项目", "2022-09-18"),  # the last point
        ("赵青山提的第二点要求", "二是排查山塘隐患", "2022-05-26"),
    ],
)
def test_an_ordinal_answers_from_the_list_the_question_points_at(hexi, question, start, date):
    result = top_result(hexi, question)
    assert result.passage.kind == "point" and result.passage.text.startswith(start)
    assert result.passage.date == date


def test_the_speaker_picks_between_lists_of_one_meeting(hexi):
    assert top_result(hexi, "第二次推进会上苏明的第一点要求").passage.text.startswith("第一，各镇街要落实项目包保责任")
    assert top_result(hexi, "第二次推进会上林卫东的第一点要求").passage.text.startswith("一要盯紧未开工项目")


def test_most_recent_meeting_of_a_series_wins_and_the_others_stay_close(hexi):
    latest = hexi.search("最近一次重点项目推进会提了哪些要求")
    assert latest.answered and latest.results[0].outline
    assert latest.results[0].passage.date == "2022-09-18"
    # What someone said, as a whole: their latest outline first, their earlier ones one tap away.
    said = hexi.search("林卫东强调了什么")
    outlines = [r.passage.date for r in said.results if r.outline]
    assert outlines[0] == "2022-09-18" and set(outlines[1:3]) == {"2022-06-20", "2022-03-15"}


def test_a_list_question_without_specific_evidence_falls_back_to_the_ranking(hexi):
    """"第五点" of nothing in particular: no list has five points, so no list answers it."""
    answer = hexi.search("第五点要求是什么")
    assert all(r.passage.ordinal != 5 for r in answer.results)


def test_a_point_that_is_only_a_heading_is_answered_with_what_it_holds(hexi):
    """A work plan's "（二）推行…" is a heading over a sub-list: the answer shows the heading and its points."""
    result = top_result(hexi, "园区提质增效工作方案重点任务的第二项是什么")
    assert result.passage.text.startswith("（二）推行“园区+平台”运营")
    assert "组建河西园区运营有限公司" in result.passage.text


def test_the_catalogue_stored_at_publish_is_the_one_its_rows_describe(hexi):
    """Readers load the catalogue stored with the generation; building it again from the index's rows
    (tokenizing titles and lists afresh) gives the same articles, lists and maps."""
    from bot.catalog import Catalog
    from bot.index import read_article_texts, read_articles, read_lists

    snap = hexi.snapshot
    stored = Catalog.loads(snap.catalog_blob())
    fresh = Catalog.build(read_articles(snap.db), list(read_lists(snap.db).values()), texts=read_article_texts(snap.db))
    assert stored == fresh
    assert len(stored.lists) >= 5 and {"林卫东", "苏明", "赵青山"} <= stored.speakers
    assert "区长" in stored.posts["林卫东"]  # the posts the articles give their speakers
    with pytest.raises(ValueError):
        Catalog.loads(b"\x00 not a catalogue")


def test_an_index_without_its_catalogue_asks_for_a_rebuild(tmp_path, hexi):
    import shutil

    from bot.errors import IndexUnavailable
    from bot.index import CATALOG_NAME, open_snapshot

    root = tmp_path / "index"
    shutil.copytree(hexi.config.index, root, symlinks=True)
    (root / hexi.snapshot.generation / CATALOG_NAME).unlink()
    with pytest.raises(IndexUnavailable, match="rebuild"):
        open_snapshot(root)


def test_a_damaged_catalogue_is_a_message_naming_the_fix(tmp_path, hexi):
    import dataclasses
    import shutil

    from bot.errors import IndexUnavailable
    from bot.index import CATALOG_NAME
    from bot.search import Searcher

    root = tmp_path / "index"
    shutil.copytree(hexi.config.index, root, symlinks=True)
    (root / hexi.snapshot.generation / CATALOG_NAME).write_bytes(b"\xff" * 64)
    config = dataclasses.replace(hexi.config, index=root)
    with pytest.raises(IndexUnavailable, match="catalogue cannot be read.*rebuild"):
        Searcher(config, hexi.embedder)


def test_close_lists_are_the_same_list_again_only_when_they_match_the_question_as_fully(tmp_path, embedder):
    """Among lists scored close to the best, the most recent wins (a series' latest meeting) — but a close list
    that matches less of the question (the 常委会 that is not the 秋冬生产工作会议 asked about) is another list."""
    from bot.config import load_config
    from bot.ingest import sync
    from bot.search import Searcher
    from tests.conftest import ROOT, make_config

    folder = ROOT / "tests" / "data" / "catalog"
    config = load_config(make_config(tmp_path, sorted(folder.glob("qin_*.txt"))))
    sync(config, embedder)
    catalog = Searcher(config, embedder).catalog
    by_title = {catalog.articles[e.article_id].title[:5]: i for i, e in enumerate(catalog.lists)}
    speech, committee = by_title["在全县秋冬"], by_title["覃建国主持"]
    assert catalog.articles[catalog.lists[committee].article_id].date > "2025-02-10"  # the committee is later
    picked = catalog._pick([(9.2, 1.0, speech), (8.5, 0.92, committee)], [], 0.1)
    assert picked.entry is catalog.lists[speech]
    same = catalog._pick([(9.2, 1.0, speech), (8.5, 1.0, committee)], [], 0.1)
    assert same.entry is catalog.lists[committee]  # as fully matched: the same list again, the latest first


def test_a_document_titled_by_its_year_is_that_years_however_late_it_was_published():
    from bot.catalog import ArticleEntry, article_match
    from bot.intent import parse_intent

    report = ArticleEntry("a", "2025年柘源县生态环境状况公报", frozenset(), "2026-04-22", (), None)
    meeting = ArticleEntry("b", "县委常委会会议", frozenset(), "2026-04-22", (), None)
    intent = parse_intent("2025年全县环境违法案件罚没了多少钱")
    asked, got = article_match(report, None, intent, (), 2026, 1.0, spoke_elsewhere=False, partial=0.5)
    assert asked == got == 1.0
    asked, got = article_match(meeting, None, intent, (), 2026, 1.0, spoke_elsewhere=False, partial=0.5)
    assert got == -1.0  # dated 2026 and not about 2025 by its title



def test_a_town_named_prefers_the_towns_own_documents_to_the_countys_mentioning_it():
    from bot.catalog import ArticleEntry, Catalog, article_match
    from bot.intent import parse_intent

    town = ArticleEntry("t", "鹤岭镇人民政府关于印发重点任务清单的通知", frozenset(), "2026-03-02", (), None)
    county = [ArticleEntry(f"c{i}", f"柘源县人民政府办公室关于印发第{i}号方案的通知", frozenset(), "2025-05-28", (), None)
              for i in range(3)]
    catalog = Catalog(articles={a.article_id: a for a in [town, *county]})
    intent = parse_intent("鹤岭镇问题厕所咋整改，谁来牵头")
    issuers = catalog.issuing(intent.places)
    assert issuers == {"鹤岭镇"}
    assert catalog.issuing(parse_intent("柘源县问题厕所谁牵头").places) == frozenset()  # issues most: no pointer
    got = {a.article_id: article_match(a, None, intent, (), None, 1.0, spoke_elsewhere=False, partial=0.5,
                                       issuers=issuers)[1] for a in [town, county[0]]}
    assert got["t"] > got["c0"]



def test_the_archives_own_place_issues_most_of_its_documents():
    from bot.catalog import ArticleEntry, Catalog

    def notices(place: str, n: int) -> list[ArticleEntry]:
        return [ArticleEntry(f"{place}{i}", f"{place}人民政府办公室关于印发第{i}号方案的通知", frozenset(), "2025-05-28", (),
                             None) for i in range(n)]

    town = ArticleEntry("t", "鹤岭镇人民政府关于印发重点任务清单的通知", frozenset(), "2026-03-02", (), None)
    meeting = ArticleEntry("m", "全县春耕生产推进会召开", frozenset(), "2026-03-10", (), None)
    assert Catalog(articles={a.article_id: a for a in [town, meeting, *notices("柘源县", 3)]}).home == "柘源县"
    # too few documents, or another place issuing nearly as many: no place is the archive's own
    assert Catalog(articles={a.article_id: a for a in [town, meeting, *notices("柘源县", 2)]}).home is None
    assert Catalog(articles={a.article_id: a for a in [*notices("柘源县", 3), *notices("桐岭县", 2)]}).home is None


def test_of_an_articles_lists_scored_alike_the_one_whose_own_lead_holds_the_question_stands_for_it():
    """"净街亮城行动要整治哪几方面": every word is in the notice's title, so its outline of sections and its
    "二、整治内容" score alike; the list whose own lead says 整治 answers, not the outline listed first."""
    from bot.catalog import ArticleEntry, Catalog, ListEntry

    notice = ArticleEntry("n", "关于开展“净街亮城”集中整治行动的通知", frozenset(), "2025-05-12", (), None)
    outline = ListEntry("n:0", "n", 3, None, "现将有关事项通知如下")
    contents = ListEntry("n:1", "n", 5, None, "二、整治内容", parent="n:0", parent_point=2)
    catalog = Catalog(articles={"n": notice}, lists=[outline, contents], named_index={"整治": {1}})
    picked = catalog._pick([(9.0, 1.0, 0), (9.0, 1.0, 1)], [], 0.1, (), frozenset({"净街亮", "行动", "整治"}))
    assert picked.entry is contents
    # "讲了哪三点意见": the outline whose lead says 意见 stays, though a section's lead holds other words of the title
    speech = ArticleEntry("s", "在全区城市管理工作会议上的讲话", frozenset(), "2024-04-16", (), None)
    points = ListEntry("s:0", "s", 3, "宁晓峰", "下面，我讲三点意见")
    section = ListEntry("s:1", "s", 3, "宁晓峰", "三、完善机制，推动城市管理常态长效", parent="s:0", parent_point=3)
    catalog = Catalog(articles={"s": speech}, lists=[points, section], named_index={"意见": {0}, "城市": {1}, "管理": {1}})
    picked = catalog._pick([(9.0, 1.0, 0), (9.0, 1.0, 1)], [], 0.1, (), frozenset({"城市", "管理", "意见"}))
    assert picked.entry is points


def test_the_meeting_a_question_names_points_at_an_article_not_at_one_of_its_lists():
    """"在公共法律服务会议上讲了几点": the meeting's words are in a section's lead too, yet the speech's outline
    answers; "在普法会议上讲的第二点意见": the speech at the 普法…工作会议, not a later 常委会 that discussed 普法."""
    from bot.catalog import ArticleEntry, Catalog, ListEntry

    speech = ArticleEntry("s", "在全县公共法律服务暨普法工作会议上的讲话", frozenset(), "2024-03-15", ("韦正航",), None)
    committee = ArticleEntry("c", "县委常委会召开会议研究部署法治建设工作", frozenset(), "2025-01-14", ("韦正航",), None)
    points = ListEntry("s:0", "s", 3, "韦正航", "下面，我讲三点意见")
    section = ListEntry("s:1", "s", 3, "韦正航", "一、认清形势，把公共法律服务摆在更加突出的位置", parent="s:0",
                        parent_point=1)
    topic = ListEntry("c:0", "c", 3, "韦正航", "会议认为，今年是普法收官之年")
    catalog = Catalog(articles={"s": speech, "c": committee}, lists=[points, section, topic],
                      named_index={"公共": {1}, "法律": {1}, "服务": {1}, "意见": {0}, "普法": {2}, "会议": {2}},
                      title_index={"公共": {0, 1}, "法律": {0, 1}, "服务": {0, 1}, "普法": {0, 1}, "会议": {0, 1, 2}})
    how_many = catalog._pick([(9.0, 1.0, 1), (9.0, 1.0, 0)], [], 0.1, (), frozenset({"公共", "法律", "服务", "会议"}),
                             meeting=frozenset({"公共", "法律", "服务", "会议"}))
    assert how_many.entry is points
    # not the sub-list when nothing names the meeting: its own words then point at it
    section_asked = catalog._pick([(9.0, 1.0, 1), (9.0, 1.0, 0)], [], 0.1, (), frozenset({"公共", "法律", "服务"}))
    assert section_asked.entry is section
    second = catalog._pick([(5.8, 1.0, 2), (5.8, 1.0, 0)], [], 0.1, (), frozenset({"普法", "会议", "意见"}),
                           meeting=frozenset({"普法", "会议"}))
    assert second.entry is points
    # a meeting named by words both titles hold: the most recent, as for a series
    latest = catalog._pick([(5.8, 1.0, 2), (5.8, 1.0, 0)], [], 0.1, (), frozenset({"会议", "意见"}),
                           meeting=frozenset({"会议"}))
    assert latest.entry is topic


def test_a_word_said_short_points_at_the_list_whose_lead_writes_it_out(tmp_path, embedder):
    """"严书记在常委会上对地灾防汛提了哪几条要求": of the 常委会's two lists, the one whose lead writes 地质灾害 is meant —
    though another document writes 地灾 itself, so the short form is the archive's word too."""
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "committee_2025-05-27.txt":
            "严树峰主持召开县委常委会会议\n\n2025年5月27日\n\n"
            "会议研究了农村宅基地规范管理工作。严树峰要求，一要摸清底数，逐户建立台账；二要严格审批，一户一宅；"
            "三要加强监管，坚决制止乱占耕地建房。\n"
            "会议听取了全县地质灾害防治工作情况汇报。严树峰强调，一要把人员转移放在首位，提前转移受威胁群众；"
            "二要把隐患管控落到实处，对隐患点实行一点一策；三要把应急准备做足，备足抢险物资。\n",
        "relocation_2025-04-15.txt":
            "全县地灾避险搬迁工作推进会召开\n\n2025年4月15日\n\n"
            "葛文涛强调，搬迁避让是从根本上消除地灾威胁的治本之策。一是算好搬迁账；二是选好安置点；三是落实好补助。\n"})
    answer = searcher.search("严书记在常委会上对地灾防汛提了哪几条要求")
    assert answer.answered and "一要把人员转移" in answer.results[0].passage.text
