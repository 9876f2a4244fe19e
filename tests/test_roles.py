"""Passage roles (bot/roles.py): what a passage is, by its shape, and which ones a question reads first."""

from bot import roles
from bot.records import Passage


def _p(text: str, kind: str = "text", position: int = 3) -> Passage:
    return Passage("p", "a", kind, position, text, "白沙县城乡建设会议", None, "", "x.txt")


def test_each_role_by_its_shape():
    assert roles.role(_p("4月2日，白沙县召开城乡建设推进会，县长主持会议。", position=0)) == "lead"
    assert roles.role(_p("各镇人民政府，县政府各部门：", position=1)) == "addressee"
    # a paragraph leading into the points below it, mid-report
    assert roles.role(_p("会议研究了农村公路建设计划。今年全县计划新改建农村公路120公里。会议要求，")) == "lead"
    assert roles.role(_p("会议要求，要加快项目建设进度，确保年底前完工。")) == "point"
    assert roles.role(_p("一、总体目标\n二、重点任务\n三、保障措施", kind="point")) == "outline"
    assert roles.role(_p("附件：白沙县重点任务分工表")) == "attachment"
    assert roles.role(_p("抄送：县委办公室，县人大常委会办公室。")) == "closing"
    assert roles.role(_p("白沙县人民政府办公室 2024年3月8日")) == "closing"
    assert roles.role(_p("1.完成城区老旧小区改造15个。", kind="point")) == "point"
    assert roles.role(_p("会议要求，各镇要压实责任，确保按期完成。")) == "point"


def test_an_opening_frames_a_how_question_and_answers_when_where_who():
    opening = _p("4月2日，白沙县召开城乡建设推进会，县长主持会议。", position=0)
    assert roles.frames(opening, roles.asks_lead("老旧小区改造怎么推进"))
    assert not roles.frames(opening, roles.asks_lead("城乡建设推进会在哪里召开"))
    assert not roles.frames(opening, roles.asks_lead("推进会由谁主持"))
    assert not roles.frames(opening, roles.asks_lead("改造了多少个小区", asks_fact=True))
    assert roles.frames(_p("附件：白沙县重点任务分工表"), roles.asks_lead("推进会在哪里召开"))


def test_a_point_that_is_only_the_heading_of_its_sub_points_frames_them():
    heading = _p("2.推进公共厕所提档升级。", kind="point")
    assert roles.role(heading, holds_points=True) == "outline"  # "（1）…（2）…" under it say what to do
    assert roles.frames(heading, roles.asks_lead("村里公共厕所谁来看管"), holds_points=True)
    assert roles.role(heading) == "point"  # the same words with nothing under them are the point
    detailed = _p("2.推进公共厕所提档升级。新建公厕10座，明确管护人员。", kind="point")
    assert roles.role(detailed, holds_points=True) == "point"


def test_a_point_that_is_only_its_heading_is_answered_with_the_sub_points_it_holds(tmp_path, embedder):
    # "1.推进公共厕所提档升级。" ends with a full stop and is still only a heading: asked for it, an official gets
    # what it holds, not the bare heading
    from bot.config import load_config
    from bot.ingest import sync
    from bot.listspans import is_heading_point
    from bot.search import Searcher
    from tests.conftest import make_config

    assert is_heading_point("1.推进公共厕所提档升级。") and is_heading_point("（三）推行“管委会+公司”运营模式")
    assert not is_heading_point("1.推进公共厕所提档升级。年内新建公厕12座。")
    bulletin = tmp_path / "src" / "toilet_plan_2025-04.txt"
    bulletin.parent.mkdir()
    bulletin.write_text(
        "东湖区农村人居环境整治提升工作方案\n2025年4月8日\n"
        "一、工作目标\n到2025年底，农村卫生厕所普及率达到95%。\n"
        "二、重点任务\n1.推进公共厕所提档升级。\n（1）新建改建农村公厕12座，区农业农村局牵头，9月底前完成。\n"
        "（2）落实公厕专人保洁，各镇负责，长期坚持。\n2.推进生活垃圾分类。\n"
        "（1）每个行政村配备分类收集点，区城管局牵头，10月底前完成。\n（2）推行积分兑换，各村负责。\n",
        encoding="utf-8")
    config = load_config(make_config(tmp_path / "site", [bulletin]))
    sync(config, embedder)
    answer = Searcher(config, embedder).search("人居环境整治方案重点任务第1项是什么")
    assert answer.answered
    shown = answer.results[0].passage.text
    assert "推进公共厕所提档升级" in shown and "新建改建农村公厕12座" in shown


def test_an_opening_yields_to_its_own_articles_points_not_to_another_documents():
    """A meeting's opening goes after its points; a 简报 item told in its first paragraph, with no point of its own
    below, stays where it ranks — another document's point does not jump it."""
    from bot.search import Searcher

    def p(article: str, kind: str, position: int, text: str) -> Passage:
        return Passage(f"{article}:{position}", article, kind, position, text, article, None, "", f"{article}.txt")

    pool = {
        1: p("brief", "text", 0, "今年以来，柘塘镇推行隐患“三色”分级管控，红色隐患一律立即停产停业整改。"),
        2: p("plan", "point", 4, "6 | 建成两支乡镇专职消防队并投入执勤 | 县消防救援大队 | 年底前"),
        3: p("meeting", "text", 0, "4月2日，县政府召开安全生产推进会，县长主持会议。"),
        4: p("meeting", "point", 2, "一要压实企业主体责任，重大隐患立即停产整改。"),
    }
    fused = [(1, 0.9), (2, 0.8), (3, 0.7), (4, 0.6)]
    order = [d for d, _ in Searcher._points_first(fused, pool, lead_asked=False)]
    assert order == [1, 2, 4, 3]
