"""Ordinal paths (bot/ordinals.py): a point asked for by its place in a document's outline — through several
levels ("（一）里第2项下面的第（1）小项"), by a 办法's article numbering ("第五条"), by a speech's points and their
sub-points — read from the question, found in the outline the index keeps, and refused when it is not there."""

from types import SimpleNamespace as Shown

import pytest

from bot.config import load_config
from bot.intent import parse_intent
from bot.ordinals import Step, another_point, read_path, resolve
from bot.render import console_text
from tests.conftest import ROOT, make_config, searcher_over, top_result


def test_a_path_is_read_level_by_level_with_the_numbering_each_level_names():
    steps = parse_intent("供水方案主要任务（一）里第2项下面的第（1）小项是什么").path
    assert [s.n for s in steps] == [1, 2, 1]
    assert [s.styles for s in steps] == [("（）",), ("1.",), ("(1)",)]
    top, sub = parse_intent("供水方案第二部分第三条").path
    assert (top.n, top.top, sub.n) == (2, True, 3)
    assert [s.n for s in parse_intent("彭书记讲话第二点意见中的第四条").path] == [2, 4]
    assert [s.n for s in parse_intent("彭书记讲话第二点意见的最后一条").path] == [2, -1]
    assert parse_intent("奖补办法第五条讲的是什么").path == (Step(5, ("条",), firm=True),)
    # One level, as before: "第三个聚力", the last point; words that only look like ordinals are none.
    assert parse_intent("第三个聚力是什么").path == (Step(3),)
    assert parse_intent("讲话的最后一点").path == (Step(-1),)
    for plain in ("第三产业增加值是多少", "第一书记要做什么", "第一季度工业增长多少"):
        assert read_path(plain) is None, plain
    # Two ordinals the question does not join are two questions, not one path.
    assert len(read_path("第二条和第三条有什么不同").steps) == 1


def test_a_point_is_counted_from_the_end_or_named_by_its_marker_or_its_row():
    # (numbered as a step from the start is: "倒数第一条" of a 办法 is its last article)
    assert read_path("讲话第二点意见的倒数第二条").steps[-1] == Step(-2, ("条",))
    assert read_path("奖补办法倒数第一条讲的什么").steps == (Step(-1, ("条",), firm=True),)
    # "“三个持续”，一要是啥", "存在的问题，二是啥": the numeral bare before the marker the list is printed with.
    # (the marker said is the list's, firmly: "第四要" of a meeting numbering 一要…三要 is none of its other lists)
    assert read_path("县委常委会说文旅消费要“三个持续”，一要是啥").steps == (Step(1, ("要",), firm=True),)
    assert read_path("推进会上说存在的问题，二是啥").steps == (Step(2, ("是",), firm=True),)
    assert read_path("书记在常委会上讲的第四要是什么").steps == (Step(4, ("要",), firm=True),)
    assert read_path("八个聚力第二是什么").steps == (Step(2),)  # 是 asks here: any list's second
    assert read_path("局长说下阶段要干三件事，第三件是啥").steps == (Step(3),)
    # A row of a table "排第6项" is a place in the list; "排第一的", "排名倒数第一" are ranks, "统一是" no marker.
    assert read_path("分工表排第6项的是个啥任务").steps == (Step(6, ("1.",)),)
    for rank in ("满意度排第一的是哪个镇", "哪个镇排名倒数第一", "统一是什么意思", "倒数第一的是哪个镇"):
        assert read_path(rank) is None, rank


class _List:
    def __init__(self, list_id, size, style, parent=None, parent_point=None, first=1):
        self.list_id, self.size, self.style, self.parent, self.parent_point = list_id, size, style, parent, parent_point
        self.first = first


def test_a_path_is_walked_down_the_lists_each_point_holds():
    lists = [_List("top", 3, "、"), _List("tasks", 3, "（）", "top", 2), _List("a", 3, "1.", "tasks", 1),
             _List("a2", 2, "(1)", "a", 2), _List("b", 2, "1.", "tasks", 2), _List("guard", 3, "（）", "top", 3)]
    found = resolve((Step(1, ("（）",)), Step(2, ("1.",)), Step(1, ("(1)",))), lists)
    assert (found.list_id, found.ordinal, found.root) == ("a2", 1, "tasks")
    found = resolve((Step(2, ("、",), top=True), Step(3)), lists)
    assert (found.list_id, found.ordinal) == ("tasks", 3)
    # No such point: a fourth under a point holding three, a sub-point under a point that holds none.
    assert resolve((Step(2, ("、",), top=True), Step(4)), lists) is None
    assert resolve((Step(1, ("（）",)), Step(3, ("1.",)), Step(1, ("(1)",))), lists) is None


def test_numbering_that_runs_on_is_addressed_by_its_printed_numbers_or_by_place_under_its_heading():
    # 1.…2. under 一、, 3.…5. under 二、: "第4项" is the one printed 4., "二、里的第1项" the one printed 3.
    lists = [_List("top", 2, "、"), _List("a", 2, "1.", "top", 1), _List("b", 3, "1.", "top", 2, first=3)]
    found = resolve((Step(4, ("1.",)),), lists)
    assert (found.list_id, found.ordinal) == ("b", 2)
    found = resolve((Step(2), Step(1)), lists)
    assert (found.list_id, found.ordinal) == ("b", 1)
    assert resolve((Step(6, ("1.",)),), lists) is None


def test_a_point_asked_by_its_marker_is_one_of_the_list_numbered_so(tmp_path, embedder):
    # a standing meeting's 一要…三要, then four bureaus' tasks unnumbered: "第四要" is none of the bureaus' tasks
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "standing_2024-04-10.txt":
            "县委书记罗启明主持召开县委常委会会议\n\n2024年4月10日\n\n"
            "4月10日，县委书记罗启明主持召开县委常委会会议，研究河湖管护和农村寄递物流工作。\n\n"
            "会议研究了河湖管护工作。会议强调，一要压实河湖长责任，县级河湖长5月底前把负责的河湖巡查一遍；"
            "二要抓好日常管护，对已整改的问题定期复核；三要发动群众参与监督，建设城区段幸福河湖。\n\n"
            "会议研究了农村寄递物流工作。会议要求，县商务局要逐村制定站点建设方案，8月底前实现村级站点全覆盖；"
            "县交通运输局要统筹客运和寄递资源，6月底前新增融合线路1条；县农业农村局要在年底前建成产地寄递服务中心；"
            "县邮政分公司要带动快递企业下沉服务。\n"})
    answer = searcher.search("罗书记在常委会上讲的第四要是什么？")
    assert not answer.answered and "没有第四要" in (answer.notice or "")
    assert top_result(searcher, "罗书记在常委会上讲的第三要是什么？").passage.text.startswith("三要发动群众")


# ---------------------------------------------------------------- asked of a real index (our own 苇塘县 bulletins)

@pytest.fixture(scope="module")
def weitang(tmp_path_factory, embedder):
    from bot.ingest import sync
    from bot.search import Searcher

    files = sorted((ROOT / "tests/data/outline").glob("*.txt"))
    config = load_config(make_config(tmp_path_factory.mktemp("ordinals"), files))
    sync(config, embedder)
    return Searcher(config, embedder)


def _first(searcher, question):
    answer = searcher.search(question)
    assert answer.answered, question
    return answer.results[0].passage.text


def test_a_nested_plan_is_answered_at_the_level_the_path_names(weitang):
    assert _first(weitang, "供水保障方案主要任务（一）里第2项下面的第（1）小项是什么").startswith("（1）人口800人以上")
    # Numbering 1. restarts under each （）: "（二）里的第1项" is the first under （二）, not under （一）.
    assert _first(weitang, "供水保障方案（二）里的第1项").startswith("1.县疾控中心")
    assert "健全长效管护机制" in _first(weitang, "农村供水保障提升实施方案第二部分第三条")
    # The list the question names by its words comes before the numbering "第2项" only hints at (1.…).
    assert _first(weitang, "供水保障方案保障措施第2项").startswith("（二）强化资金保障")


def test_a_task_list_numbered_on_across_its_sections(weitang):
    assert _first(weitang, "营商环境重点任务责任分工第4项").startswith("4.设立2亿元")
    assert _first(weitang, "营商环境责任分工第三部分的第1项").startswith("6.推行涉企检查")


def test_an_article_of_a_measure_is_its_own_numbering_not_a_commentary_on_it(weitang):
    """The 办法 and a newer 答记者问 on it both name 茶产业奖补办法; "第五条" is the 办法's article, not 五是."""
    assert _first(weitang, "茶产业发展奖补办法第五条讲的是什么").startswith("第五条　【品牌创建】")


def test_a_speech_point_and_its_sub_point(weitang):
    assert _first(weitang, "彭书涵文旅产业发展大会讲话第二点意见里的第三条").startswith("三是抓线路串联")
    assert _first(weitang, "彭书涵在文旅产业发展大会上讲的第三点").startswith("第三，要强化保障")
    assert _first(weitang, "彭书涵讲话第二点意见的最后一条").startswith("四是抓宣传营销")


def test_points_counted_from_the_end_and_a_rules_articles_asked_whole(weitang):
    assert _first(weitang, "彭书涵讲话第二点意见的倒数第二条").startswith("三是抓线路串联")
    assert _first(weitang, "营商环境责任分工第二部分的倒数第二项").startswith("4.设立2亿元")
    assert _first(weitang, "茶产业发展奖补办法倒数第二条").startswith("第六条")  # the 办法's articles, from the end
    # "一共几条" of the 办法: its outline (three chapters holding seven articles), not the answers on it (六个方面).
    whole = weitang.search("茶产业发展奖补办法一共几条，分别是啥")
    assert whole.answered and "第一章" in whole.results[0].passage.text and "第三章" in whole.results[0].passage.text


def test_a_point_the_outline_does_not_have_is_refused_not_replaced(weitang):
    for question in ("彭书涵文旅产业发展大会讲话第三点意见里的第四条",  # 第三 holds two
                     "茶产业发展奖补办法第九条讲的是什么",  # seven articles
                     "供水保障方案主要任务（三）里第1项下面的第（2）小项",  # 1. under （三） holds no sub-points
                     "供水保障方案（二）里第3项",  # two under （二）; the plan's 二、 has a third （）, but （二） is said
                     "茶产业发展奖补办法倒数第九条讲的是什么"):  # seven articles, counted from the end
        answer = weitang.search(question)
        assert not answer.answered and not answer.results, question
        assert "没有" in console_text(answer) and "核对序号" in console_text(answer), question
    # The notice names the 办法 that has no such article, not the answers on it whose title also names it.
    for question in ("茶产业发展奖补办法第九条讲的是什么", "茶产业发展奖补办法倒数第九条讲的是什么"):
        notice = console_text(weitang.search(question))
        assert "关于印发《苇塘县茶产业发展奖补办法》的通知" in notice and "答记者问" not in notice, question


def test_inspect_shows_the_outline_a_path_is_walked_on(capsys):
    """An admin checking a plan sees which point holds each sub-list, as paths are resolved against it."""
    import json

    from bot.cli import main

    assert main(["inspect", "--json", str(ROOT / "tests/data/outline/weitang_task_division.txt")]) == 0
    lists = json.loads(capsys.readouterr().out)["files"][0]["articles"][0]["lists"]
    sections = [lst for lst in lists if lst["within"]]
    assert [(s["within"]["point"], s["first"], s["size"]) for s in sections] == [(1, 1, 2), (2, 3, 3), (3, 6, 2)]
    assert main(["inspect", str(ROOT / "tests/data/outline/weitang_water_plan.txt")]) == 0
    assert "2 points, numbered, under point 2 of 「（一）扩大集中供水覆盖」" in capsys.readouterr().out


def test_a_speechs_third_opinion_is_its_third_section_not_the_third_under_its_first(lichuan):
    """The report of another meeting is no answer (the question names the 部署会); of the speech's lists, all named
    alike, the outline its sections make comes before the sub-list under its first section."""
    assert _first(lichuan, "温县长在电动车整治部署会上讲的第三点意见是啥？").startswith("三、压实各方责任")


def test_a_point_of_a_document_the_archive_lacks_is_no_other_lists_point(searcher):
    # (the bulletin has no 方案: its 第二条 was once the 五个方面's second, then the district head's seventh)
    for question in ("三年行动方案第二条是啥", "三年行动方案里第二条是啥"):
        answer = searcher.search(question)
        assert not answer.answered, question
    assert parse_intent("三年行动方案第二条是啥").documents == ("方案",)
    assert another_point(2, Shown(kind="point", ordinal=7, text="七要有与人为善、团结共赢的好风气。"))
    assert another_point(2, Shown(kind="text", ordinal=None, text="今年是实施“十四五”规划开局之年"))
    assert not another_point(2, Shown(kind="text", ordinal=None, text="一是抓项目；二是抓招商；三是抓服务。"))
    assert not another_point(None, Shown(kind="point", ordinal=7, text="七要…"))
    # a point of a list the bulletin has is answered as before
    assert searcher.search("八个聚力第二条是啥").results[0].passage.text.startswith("二要聚力项目建设")
