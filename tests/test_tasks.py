"""Tasks of a directive point: lead unit, partners and deadline, as an official reading the bulletin would list them.

Every sentence here is invented (白沙县, 东湖区 and their towns are no real places)."""

import io

import pytest

from bot.pipeline import ParseSettings, parse_bulletin
from bot.tasks import point_tasks
from bot.units import learn_aliases, looks_like_unit, same_unit, unit_at, units_at
from tests.conftest import BUNDLED

GENRES = BUNDLED.parent.parent / "tests" / "data" / "genres"

PLAN = "白沙县人民政府办公室关于印发某某方案的通知"  # an article text without conventions or tables


def tasks(point: str, date: str | None = "2024-03-05", article: str = PLAN):
    return point_tasks(point, article + "\n" + point, date)


def test_form_fields_give_lead_partners_and_a_month_end_in_the_documents_year():
    t = tasks("3.改造供水管网40公里。（牵头单位：县水务局；配合单位：县财政局、柳溪镇人民政府；完成时限：6月底前）")
    assert t.lead == ("县水务局",)
    assert t.partners == ("县财政局", "柳溪镇人民政府")
    assert (t.deadline, t.deadline_text) == ("2024-06-30", "6月底前")


def test_a_deadline_word_quoted_as_a_name_is_no_deadline():
    assert tasks("2.完成时限为“长期坚持”的任务，牵头单位每半年报送一次工作进展。") is None  # no task at all
    assert tasks("5.开展河道保洁。由县水利局牵头，长期坚持。").deadline == "长期"


def test_a_unit_acting_at_a_rhythm_by_a_rate_or_upon_someone_leads_its_point():
    assert tasks("7.建立通报制度。县防汛抗旱指挥部办公室每月5日前通报上月进度。").lead == ("县防汛抗旱指挥部办公室",)
    assert tasks("4.落实管护经费。县财政局按每亩每年8元的标准安排管护经费。").lead == ("县财政局",)
    assert tasks("（三）严格督查考核。县政府督查室对进度滞后的乡镇予以通报。").lead == ("县政府督查室",)
    assert tasks("（三）严格督导。县政府督查室每季度对任务进展开展督查并通报。").lead == ("县政府督查室",)
    assert tasks("三是推进车辆更新，县公交公司年内新增新能源公交车30辆。").lead == ("县公交公司",)
    # a unit's past work reported in a brief is no task
    assert tasks("四、评定工作启动。县文旅局6月中旬发布评定公告，已有11个项目申报。") is None


def test_a_periods_end_limits_a_units_task_and_a_campaigns_own_period_is_no_task():
    t = tasks("四、关于联合执法。由县公安局、县市场监管局联合开展专项行动，行动时间为2025年7月20日至10月20日。")
    assert t.lead == ("县公安局", "县市场监管局") and t.deadline == "2025-10-20"
    assert tasks("一、行动时间。2025年11月10日至2026年3月31日，分三个阶段推进。") is None
    assert tasks("二是抓招商，力争三季度新签约亿元以上项目10个。").deadline == "2024-09-30"
    assert tasks("三是抓更新，县公交公司年内新增新能源公交车30辆。").deadline == "2024-12-31"
    assert tasks("（四）关于信访回头看。由县信访局牵头，四季度完成。").deadline == "2024-12-31"


def test_a_sentence_with_lead_partners_and_deadline():
    t = tasks("2.整治背街小巷。由县城管局牵头，县住建局、石门镇人民政府配合，9月底前完成首批12条。")
    assert t.lead == ("县城管局",) and t.partners == ("县住建局", "石门镇人民政府")
    assert t.deadline == "2024-09-30"


def test_work_done_within_the_year_is_due_at_its_end_unless_a_limit_is_set():
    t = tasks("（三）在“美”字上下功夫。結合城市更新，年內建成8個口袋公園和6公里城市綠道。")  # traditional text too
    assert (t.deadline, t.deadline_text) == ("2024-12-31", "年內")
    assert tasks("今年内实现村级快递服务全覆盖。").deadline == "2024-12-31"
    # "年内上线12个…；6月底前完成首批8个": the limit set with 前 is when it is due
    t = tasks("1.推行一件事。年内上线12个集成服务。由区数据局牵头，6月底前完成首批8个事项上线。")
    assert t.deadline == "2024-06-30"
    assert tasks("城区内完成改造，方便群众。") is None  # 内 of a place is no time


def test_an_item_opening_with_a_unit_and_a_colon_is_that_units():
    # a 督查通报 lists each unit's overdue task after its name
    t = tasks("（三）县商务局：一季度应完成的外贸主体培育任务只完成40%，要在4月底前补齐。")
    assert t.lead == ("县商务局",) and t.deadline == "2024-04-30"
    # a unit named with a colon later in the point is not whose it is
    later = tasks("（一）加强统筹。具体由以下单位落实，县财政局：保障资金。")
    assert later is None or later.lead == ()


def test_responsible_units_all_lead_unless_the_document_says_the_first_does():
    point = "5.清理拖欠账款。责任单位：县工信局、县财政局，时限：2024年8月15日前。"
    assert tasks(point).lead == ("县工信局", "县财政局")
    rule = "表中责任单位有多个的，排在第一位的为牵头单位。\n" + point
    t = point_tasks(point, rule, "2024-03-05")
    assert t.lead == ("县工信局",) and t.partners == ("县财政局",)
    assert t.deadline == "2024-08-15"


def test_units_sharing_the_work_by_trade_and_a_standing_task():
    t = tasks("4.汛期巡查。责任单位：县交通局、县水务局按行业分工负责，长期坚持。")
    assert t.lead == ("县交通局", "县水务局")
    assert (t.deadline, t.deadline_text) == ("长期", "长期坚持")
    assert tasks("6.信息报送。责任单位：各镇（街道），常态化推进。").deadline == "长期"
    assert tasks("6.信息报送。责任单位：各镇（街道），常态化推进。").lead == ("各镇（街道）",)


def test_the_unit_a_point_is_given_to_leads_it_and_those_it_works_with_are_partners():
    t = tasks("要抓好校舍改造，县教育局要会同县应急管理局逐校排查，年底前完成加固。")
    assert t.lead == ("县教育局",) and t.partners == ("县应急管理局",)
    assert t.deadline == "2024-12-31"
    two = tasks("二是保障经费。县民政局、县财政局要落实补贴资金，确保按月发放。")
    assert two.lead == ("县民政局", "县财政局") and two.deadline is None


def test_a_unit_named_in_passing_deep_in_a_speech_paragraph_gives_no_task():
    point = ("一、认清形势\n今年以来，全县经济总体平稳。但也要看到，困难不少。"
             "各部门要把压力转化为动力，不能有歇脚的想法。")
    assert tasks(point) is None


def test_responsible_for_implementing_is_a_task_interpreting_alone_is_not():
    t = tasks("六、组织实施。本办法由县科技局会同县财政局负责解释和组织实施。")
    assert t.lead == ("县科技局",) and t.partners == ("县财政局",)
    assert tasks("第九条 本办法由县科技局负责解释。") is None


def test_quarters_year_ends_and_explicit_dates():
    assert tasks("3.建成驿站。由东湖高新区管委会牵头，三季度末前建成投用。").deadline == "2024-09-30"
    assert tasks("4.上线服务。县政务服务中心要在二季度上线8个事项。").deadline == "2024-06-30"
    assert tasks("1.完成清查。县审计局要于2025年1月20日前报送结果。").deadline == "2025-01-20"
    assert tasks("2.推进改造。县住建局要在2025年底前全部完工。").deadline == "2025-12-31"


def test_a_month_already_past_when_the_document_was_written_is_next_years():
    # a meeting in November asks for something "by the end of March": next March
    assert tasks("要加快规划编制，县自然资源局要在3月底前报批。", "2024-11-05").deadline == "2025-03-31"
    assert tasks("要加快规划编制，县自然资源局要在3月底前报批。", "2024-02-05").deadline == "2024-03-31"


def test_a_validity_period_or_a_start_date_is_no_deadline():
    assert tasks("七、附则。本措施自2024年5月1日起施行，有效期至2026年12月31日。") is None
    t = tasks("七、组织实施。以上措施由县商务局负责组织实施，有效期至2026年12月31日。")
    assert t.lead == ("县商务局",) and t.deadline is None


def test_no_deadline_when_none_is_written_and_no_task_without_unit_or_deadline():
    assert tasks("8.值班值守。责任单位：各镇人民政府、县防汛办。").deadline is None
    assert tasks("3.优化营商环境。持续深化“放管服”改革，提升企业满意度。") is None
    assert tasks("截至3月底，全县已完成投资12亿元。") is None


def test_a_month_without_a_year_in_an_undated_document_is_kept_as_written():
    t = tasks("一要清查到位，由县水务局牵头，6月底前完成。", None)
    assert t.lead == ("县水务局",) and t.deadline is None and t.deadline_text == "6月底前"


def test_a_heading_over_several_tasks_gives_none_of_them_to_itself():
    point = ("（一）提速审批\n1.推行并联审批。由县审批局牵头，6月底前完成。"
             "2.推行免证办。由县数据局牵头，9月底前完成。")
    assert tasks(point) is None


def test_traditional_text_keeps_its_unit_names_as_published():
    t = tasks("2.整治河道。由縣水務局牽頭，縣財政局配合，6月底前完成。")
    assert t.lead == ("縣水務局",) and t.partners == ("縣財政局",) and t.deadline == "2024-06-30"


def test_unit_shapes():
    assert units_at("县住房和城乡建设局要", 0)[0] == ["县住房和城乡建设局"]
    assert units_at("县民政局和县财政局要", 0)[0] == ["县民政局", "县财政局"]
    assert units_at("各村（社区）要", 0)[0] == ["各村（社区）"]
    assert units_at("县农业局局长张三说", 0)[0] == ["县农业局"]
    assert not looks_like_unit("全县各单位") and not looks_like_unit("县政府门户网站")
    assert looks_like_unit("石门镇人民政府") and looks_like_unit("东湖高新区管委会")
    # a party department ends in 部; a body named by its line of work before the place
    assert looks_like_unit("县委宣传部") and looks_like_unit("公安东湖分局")
    assert not looks_like_unit("县直干部") and not looks_like_unit("区内部")
    # a bureau's own section, a cultural venue; a degree is none
    assert looks_like_unit("区教育局基础教育科") and units_at("县文化馆、县图书馆配合", 0)[0] == ["县文化馆", "县图书馆"]
    assert units_at("县职业学校专科招生", 0)[0] == ["县职业学校"]
    # a point's place in a question is no unit ("整县推进方案重点任务第（二）部分…": a "县" then a "部")
    from bot.kinds.duty import named_units
    assert named_units("粪污整县推进方案重点任务第（二）部分的第1条是什么") == ()
    assert named_units("粪污整县推进方案第二部分第1条是什么") == ()
    assert named_units("整县推进方案里县农业农村局要干什么") == ("县农业农村局",)


def test_a_partner_named_after_hui_tong_is_no_unit_of_a_place_hui_tong_county():
    t = tasks("第四，强化协同联动。县财政局要牵头，会同县住建局在7月15日前拨付第一批县级配套资金。")
    assert t.lead == ("县财政局",) and t.partners == ("县住建局",)


def test_a_unit_past_the_opening_is_given_the_task_by_its_verb_and_date_and_a_note_in_brackets_is_skipped():
    t = tasks("2.推进“免申即享”。梳理惠企政策清单，主动推送、直接兑付。县财政局会同县数据局负责，三季度末前完成首批上线。")
    assert t.lead == ("县财政局",)
    t = tasks("（一）加强统筹调度。县营商环境领导小组办公室（设在县发改局）要建立工作台账，实行月调度。")
    assert t.lead == ("县营商环境领导小组办公室",)


def test_a_units_head_named_as_the_subject_gives_the_task_to_the_unit():
    t = tasks("一是抓好农资保供，县供销社主任马骏要在3月底前把化肥调运到各村服务点。")
    assert (t.lead, t.deadline) == (("县供销社",), "2024-03-31")


def test_a_task_begun_by_one_date_and_done_by_another_is_due_when_done():
    t = tasks("5.改造老旧小区12个，由县住建局牵头，10月底前全部开工，12月底前基本完工。")
    assert (t.deadline, t.deadline_text) == ("2024-12-31", "12月底前")
    assert tasks("6.新建口袋公园3个，由县城管局牵头，10月底前开工。").deadline == "2024-10-31"  # begun is all it says


def test_a_unit_told_to_act_by_a_date_after_the_points_facts_is_its_lead():
    point = ("三、关于资金保障。项目总投资500万元，其中申请上级补助200万元。其余由县级财政统筹。"
             "县财政局要在6月15日前将首期资金拨付到位，后续按进度拨付。")
    t = tasks(point)
    assert t.lead == ("县财政局",) and t.deadline == "2024-06-15"
    t = tasks("三是紧盯燃放管控，公安东湖分局要会同各镇划定禁放区域。")
    assert t.lead == ("公安东湖分局",) and t.partners == ("各镇",)


def test_aliases_declared_by_a_document():
    aliases = learn_aliases("白沙县住房和城乡建设局（以下简称县住建局）会同县财政局……")
    assert aliases == {"县住建局": "白沙县住房和城乡建设局"}
    assert same_unit("住建局", "县住建局", aliases)
    assert same_unit("县住建局", "白沙县住房和城乡建设局", aliases)
    assert not same_unit("县住建局", "县财政局", aliases)


TABLE_BULLETIN = """白沙县2024年城乡环境整治重点任务分工表

白沙县人民政府办公室
2024年4月2日

为抓好城乡环境整治，现将重点任务分工如下。

序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限
1 | 完成城区主干道绿化提升 | 县城管局 | 县住建局、石门镇人民政府 | 2024年10月底
2 | 建成垃圾中转站3座 | 县城管局 | 柳溪镇人民政府 | 长期坚持
3 | 开展农贸市场改造 | 县市场监管局 | 县商务局 | 11月底前

各责任单位要按月报送进展。
"""


def test_a_task_table_as_text_rows_gives_one_point_per_row():
    parsed = parse_bulletin(TABLE_BULLETIN.encode(), "fenggong.txt", ParseSettings())
    points = [p for ps, _ in parsed.passages.values() for p in ps if p.kind == "point" and p.tasks]
    got = [(p.tasks.lead, p.tasks.partners, p.tasks.deadline) for p in points]
    assert got == [
        (("县城管局",), ("县住建局", "石门镇人民政府"), "2024-10-31"),
        (("县城管局",), ("柳溪镇人民政府",), "长期"),
        (("县市场监管局",), ("县商务局",), "2024-11-30"),
    ]
    assert "完成城区主干道绿化提升" in points[0].text


def test_a_sub_points_task_fields_on_a_line_of_their_own_are_its_own_not_its_parents():
    """A narrow column puts "（牵头单位：…）" on its own line after "2.审核认定。…系统。": they are the fields of that
    sub-point, not a paragraph after the sub-list that the point over it (（一）) would take."""
    text = ("白沙县人民政府办公室关于印发河道清障行动方案的通知\n2024年5月20日\n"
            "一、重点任务\n（一）全面摸排建档\n"
            "1.拉网排查。对河道内的违建、堆放问题逐段排查。（牵头单位：县河长办；完成时限：2024年6月30日）\n"
            "2.审核认定。对发现的问题逐一现场核实，\n统一录入管理系统。\n"
            "（牵头单位：县水利局；配合单位：县自然资\n源局；完成时限：2024年7月15日）\n"
            "（二）分类整改销号\n1.清理乱堆。集中清理河道内的建筑垃圾。（牵头单位：柳溪镇人民政府；完成时限：2024年9月30日）\n")
    parsed = parse_bulletin(text.encode(), "plan.txt", ParseSettings())
    points = {p.text[:6]: p for ps, _ in parsed.passages.values() for p in ps if p.kind == "point"}
    checked = points["2.审核认定"]
    assert checked.tasks.lead == ("县水利局",) and checked.tasks.deadline == "2024-07-15"
    assert "县水利局" not in points["（一）全面摸"].text


def test_a_task_table_in_a_word_document(tmp_path):
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("东湖区2024年营商环境重点任务清单")
    doc.add_paragraph("东湖区人民政府办公室")
    doc.add_paragraph("2024年3月1日")
    doc.add_paragraph("现将重点任务印发给你们，请认真抓好落实。")
    table = doc.add_table(rows=3, cols=5)
    rows = [("序号", "工作任务", "牵头单位", "配合单位", "完成时限"),
            ("1", "推行企业开办一日办结", "区审批局", "区市场监管局、区税务局", "6月底前"),
            ("2", "建立涉企诉求直通车", "区营商办", "", "2024年12月31日前")]  # an empty cell: no partners
    for row, values in zip(table.rows, rows):
        for cell, value in zip(row.cells, values):
            cell.text = value
    doc.add_paragraph("抄送：区委办公室。")
    buf = io.BytesIO()
    doc.save(buf)
    parsed = parse_bulletin(buf.getvalue(), "list.docx", ParseSettings())
    points = [p for ps, _ in parsed.passages.values() for p in ps if p.kind == "point" and p.tasks]
    got = [(p.tasks.lead, p.tasks.partners, p.tasks.deadline) for p in points]
    assert got == [(("区审批局",), ("区市场监管局", "区税务局"), "2024-06-30"),
                   (("区营商办",), (), "2024-12-31")]


def test_a_bracketed_lead_without_by_and_a_numeric_or_bare_year_limit_in_a_field():
    t = tasks("5.建设智慧停车场。（县住建局牵头，各镇人民政府配合，2024年底前完成）")
    assert t.lead == ("县住建局",) and t.partners == ("各镇人民政府",) and t.deadline == "2024-12-31"
    assert tasks("6.完善台账。（牵头单位：县统计局；完成时限：2024.8.15）").deadline == "2024-08-15"
    assert tasks("7.建立机制。（牵头单位：县统计局；完成时限：2025年）").deadline == "2025-12-31"
    assert tasks("8.巡查河湖。（牵头单位：县水务局；完成时限：持续推进）").deadline == "长期"


def test_responsible_units_beside_a_lead_unit_carry_the_work_with_it():
    t = tasks("9.推进垃圾分类。牵头单位：县城管局；责任单位：各镇人民政府；完成时限：10月底前。")
    assert t.lead == ("县城管局",) and t.partners == ("各镇人民政府",) and t.deadline == "2024-10-31"


def test_a_unit_marked_as_leading_among_the_responsible_and_partners_ending_in_etc():
    t = tasks("3.建设口袋公园。责任单位：县城管局、县住建局（牵头）、县财政局；完成时限：8月底前。")
    assert t.lead == ("县住建局",) and t.partners == ("县城管局", "县财政局")
    t = tasks("4.清理河道。由县水务局牵头，县农业局、县环保局等配合，年底前完成。")
    assert t.partners == ("县农业局", "县环保局")


def test_fields_on_lines_of_their_own_and_units_sharing_the_work_beside_the_leads():
    t = tasks("2.招商引资到位资金增长10%。\n牵头单位:县商务局\n责任单位:白沙经济开发区,各镇,税务局")
    assert t.lead == ("县商务局",) and t.partners == ("白沙经济开发区", "各镇", "税务局")
    t = tasks("4.推行告知承诺制。9月底前公布事项清单。(县审批局、县司法局牵头,县直各有关部门及各镇人民政府按职责分工负责)")
    assert t.lead == ("县审批局", "县司法局") and t.partners == ("县直各有关部门", "各镇人民政府")
    assert t.deadline == "2024-09-30"


def test_units_named_as_lead_and_helper_and_units_sharing_a_task_by_their_duties():
    t = tasks("5.推进海绵城市建设。县住建局为牵头单位，县水务局、县财政局为配合单位，10月底前完成。")
    assert t.lead == ("县住建局",) and t.partners == ("县水务局", "县财政局") and t.deadline == "2024-10-31"
    t = tasks("三是抓好秸秆禁烧。县农业局、县环保局按职责分工负责，各镇要落实网格巡查。")
    assert t.lead == ("县农业局", "县环保局", "各镇")


def test_a_portal_task_table_is_named_by_its_page_heading_and_its_rows_sit_under_their_sections():
    # The page's <title> is a short label; its <h2> (which the text extractor drops) names the notice.
    data = (GENRES / "portal_task_table.html").read_bytes()
    parsed = parse_bulletin(data, "portal_task_table.html", ParseSettings())
    (article,) = parsed.articles
    assert article.title == "青禾县人民政府关于印发2024年重点民生实事任务分工的通知"
    lists = {nl.list_id: nl for nl in parsed.lists}
    sections = next(nl for nl in lists.values() if nl.headlines[:1] == ("一、办好教育医疗实事",))
    assert sections.headlines == ("一、办好教育医疗实事", "二、办好交通出行实事")  # not "工作要求："
    rows = [nl for nl in lists.values() if nl.parent == sections.list_id]
    assert [(nl.parent_point, nl.size) for nl in rows] == [(1, 2), (2, 2)]
    points = [p for ps, _ in parsed.passages.values() for p in ps if p.kind == "point" and p.tasks]
    got = [(p.text.split(" | ")[0], p.tasks.lead, p.tasks.deadline) for p in points if "|" in p.text]
    assert got == [("1", ("县教育局",), "2024-08-31"), ("2", ("县卫健局",), "2024-10-31"),
                   ("3", ("县交通运输局",), "2024-11-30"), ("4", ("县住建局",), "长期")]
    assert not any(p.text.startswith("|") for ps, _ in parsed.passages.values() for p in ps)


def test_a_points_lead_is_the_first_unit_it_directs_near_its_start_not_a_detail_handed_on_by_a_by_clause():
    context = "全县供水工程推进会召开。2024年5月10日，会议要求：\n"
    t = point_tasks("1.抓进度。水厂要在9月底前封顶，主管网年底前完成敷设。县水利局要细化到周，县住建局要加强巡查。",
                    context, "2024-05-10")
    assert t.lead == ("县水利局", "县住建局")
    t = point_tasks("2.保用地。县自然资源局要会同柳塘镇完成勘界，5月15日前上报；临时用地由各乡镇负责协调。",
                    context, "2024-05-10")
    assert (t.lead, t.partners, t.deadline) == (("县自然资源局",), ("柳塘镇",), "2024-05-15")
    # a statement first, then a unit told to act: the speaker's aside, not the point's owner
    t = point_tasks("三、压实责任\n政府将实行月调度，滞后的由我本人约谈。县督查室要跟踪问效。", context, "2024-05-10")
    assert t is None or not t.lead


def test_units_sharing_a_task_jointly_both_lead_it():
    t = point_tasks("（一）加快滞后项目进度。鹤鸣小学扩建项目由鹤鸣镇人民政府和县教育局共同负责，2025年3月底前完成主体工程。",
                    "", "2024-12-20")
    assert (t.lead, t.deadline) == (("鹤鸣镇人民政府", "县教育局"), "2025-03-31")


def test_a_duty_that_recurs_is_kept_up_unless_a_date_is_set():
    # "每季度一次开展集中核查", "每月5日前报送": no last day, as 长期坚持 has none — and the 5th is no deadline
    assert point_tasks("严查违法占地。由县自然资源局牵头，每季度一次开展集中核查。", "", "2025-04-15").deadline == "长期"
    assert point_tasks("2.各责任单位要于每月5日前将上月进展报县营商办。", "", "2024-04-08").deadline == "长期"
    assert point_tasks("3.县财政局要按月调度、按季通报资金拨付进度。", "", "2025-02-10").deadline == "长期"
    # a date set beside the rhythm is the deadline; a rhythm inside a quoted mechanism's name is none
    assert point_tasks("4.县住建局要在6月底前建成平台，此后每季度通报一次。", "", "2025-02-10").deadline == "2025-06-30"
    assert point_tasks("5.县城管局牵头推行“每日一巡、每周一评”机制。", "", "2025-02-10").deadline is None
    # a rhythm no unit is given ("执法队员每周巡查一次") describes how the work goes: no task
    assert point_tasks("二是推行积分管理。执法队员每周对商户开展一次巡查打分。", "", "2025-02-10") is None


def test_a_unit_named_after_you_does_the_work_and_its_last_stage_is_the_deadline():
    t = point_tasks("三是改户厕。全县已排查问题厕所412个，由县农业农村局逐户建立台账，7月底前整改率要达到90%，"
                    "9月底前全部清零。", "", "2025-06-16")
    assert (t.lead, t.deadline) == (("县农业农村局",), "2025-09-30")
    # an article of a 办法 gives its duty to the unit it opens with
    t = point_tasks("第四条　县自然资源局负责耕地保护的监督管理，会同县农业农村局做好耕地质量建设。", "", "2025-06-16")
    assert (t.lead, t.partners) == (("县自然资源局",), ("县农业农村局",))


def test_a_unit_that_coordinates_or_jointly_carries_out_the_work_leads_it():
    t = point_tasks("（一）强化组织领导。区创建指挥部统筹推进攻坚行动，各成员单位主要负责同志为第一责任人。", "", "2025-01-20")
    assert t.lead == ("区创建指挥部",)
    t = point_tasks("（二）强化督查考核。区委督查室、区政府督查室联合开展暗访督查，结果纳入考核。", "", "2025-01-20")
    assert t.lead == ("区委督查室", "区政府督查室")


def test_a_date_long_before_the_document_says_what_qualifies_not_when():
    # "2000年底前建成的老旧小区": the houses qualifying, not a deadline
    assert point_tasks("一、适用范围。本细则适用于2000年底前建成的城镇老旧小区。", "", "2025-07-10") is None
    assert point_tasks("1.县住建局要在2024年12月底前完成。", "", "2025-01-10").deadline == "2024-12-31"
    # "…前提交申请的项目，适用…": the date says which applications qualify, the point has no deadline
    t = point_tasks("六、组织实施。县住建局负责本细则的组织实施。2025年12月31日前提交申请的项目，适用本细则规定的补贴标准。",
                    "", "2025-07-10")
    assert (t.lead, t.deadline) == (("县住建局",), None)
    # the work itself named after 的 is still due by its date
    t = point_tasks("（一）摸排。县农业农村局要在6月底前完成全部村的摸排，按月报送进展。", "", "2025-03-10")
    assert t.deadline == "2025-06-30"


def test_the_last_limit_of_a_sentence_is_when_the_point_is_done_and_a_time_may_stand_before_the_verb():
    t = point_tasks("三、加快安置房建设。县城投公司要在10月15日前完成剩余土方外运，11月底前实现600套安置房全部开工；"
                    "县自然资源局要在9月底前办结用地手续。", "", "2025-06-20")
    assert (t.lead[0], t.deadline, t.deadline_text) == ("县城投公司", "2025-11-30", "11月底前")
    # "由A会同B于…前制定": A leads though a date stands between the units and the verb
    t = point_tasks("（2）对新设助餐点给予一次性补贴，由县商务局会同县民政局于2025年8月底前制定认定办法。", "", "2025-03-01")
    assert (t.lead, t.partners, t.deadline) == (("县商务局",), ("县民政局",), "2025-08-31")


def test_a_unit_told_to_support_another_is_its_partner_and_the_other_leads():
    t = point_tasks("二是用好数字城管平台，县数据局要配合县城管局在9月底前完成平台升级。", "", "2024-04-16")
    assert (t.lead, t.partners, t.deadline) == (("县城管局",), ("县数据局",), "2024-09-30")
    # the helpers named after the work ("…，县水利局配合") stay partners of the subject
    t = point_tasks("（三）县财政局要在6月底前拨付资金，县水利局配合。", "", "2024-04-16")
    assert (t.lead, t.partners) == (("县财政局",), ("县水利局",))


def test_the_units_of_a_plan_named_by_their_part_in_it_are_units():
    # "各牵头单位" is read as "各责任单位" already was: the plan's lead units as one collective
    t = point_tasks("（一）落实责任。各牵头单位要制定具体方案，5月20日前报县城管委办公室。", "", "2025-05-12")
    assert (t.lead, t.deadline) == (("各牵头单位",), "2025-05-20")
    assert units_at("各配合单位要积极支持", 0) == (["各配合单位"], 5)


def test_a_unit_that_entrusts_the_work_to_a_contractor_leads_it():
    t = point_tasks("四、规范设施运维。污水处理设施由县住建局委托第三方专业机构统一运维，每季度开展一次运行评估。", "", "2025-05-12")
    assert (t.lead, t.deadline) == (("县住建局",), "长期")


def test_partners_named_right_after_the_lead_with_a_dunhao():
    # "由A牵头、B配合": the partners' clause starts after the lead's, though no comma parts them
    t = point_tasks("要清理楼道杂物，由县消防救援大队牵头、各乡镇和县公安局配合，10月底前完成。", "", "2025-04-01")
    assert (t.lead, t.partners, t.deadline) == (("县消防救援大队",), ("各乡镇", "县公安局"), "2025-10-31")


def test_a_later_clause_giving_one_part_to_another_unit_makes_it_a_partner():
    t = point_tasks("四、组建巡查队。各村要在8月底前组建护林巡查队，镇林业站负责组织技能培训。", "", "2025-04-01")
    assert (t.lead, t.partners) == (("各村",), ("镇林业站",))
    # units each told what they must do lead together
    t = point_tasks("县卫健局要制定方案，县财政局要保障经费。", "", "2025-04-01")
    assert t.lead == ("县卫健局", "县财政局") and t.partners == ()


def test_a_unit_given_work_with_a_partner_leads_it_whatever_the_verb():
    t = point_tasks("三要规范收费，收费标准由县发改局会同县教育局核定，不得捆绑收费。", "", "2025-04-01")
    assert (t.lead, t.partners) == (("县发改局",), ("县教育局",))
    # …but interpreting a measure is no task
    assert point_tasks("第十条 本办法由县应急局会同县财政局负责解释。", "", "2025-04-01") is None


def test_work_set_in_the_year_is_due_at_its_end():
    t = point_tasks("三是做优服务。县民政局要会同各镇在年内新建养老服务站9个。", "", "2024-05-22")
    assert (t.lead, t.partners, t.deadline) == (("县民政局",), ("各镇",), "2024-12-31")


def test_a_street_offices_own_sections_and_hotline_centres_are_units_and_a_clause_is_no_place():
    assert units_at("街道综治办牵头", 0) == (["街道综治办"], 5)
    assert units_at("县12345热线服务中心要", 0) == (["县12345热线服务中心"], 12)
    # "所需经费由县财政局保障": 所需经费由县 is no place
    t = point_tasks("三要建强队伍。各镇要建设微型消防站，所需经费由县财政局统筹保障。", "", "2024-03-14")
    assert "所需经费由县财政局" not in t.lead and t.lead[0] == "各镇"
    assert point_tasks("按照行业分工，县商务局、县教育局按照行业分工开展检查，12月底前完成。", "", "2024-03-14").lead \
        == ("县商务局", "县教育局")


def test_short_field_labels_a_unit_paying_at_a_rhythm_and_one_acting_each_month():
    t = point_tasks("五、保洁经费。保洁员报酬由镇财政保障。牵头：镇财政所；配合：镇农业服务中心。", "", "2025-03-01")
    assert (t.lead, t.partners) == (("镇财政所",), ("镇农业服务中心",))
    # "由县财政局按季度拨付": the unit the work is given to, though a rhythm stands before its verb
    t = point_tasks("（2）补助资金由县财政局按季度拨付至各乡镇，各乡镇人民政府负责审核发放。", "", "2025-03-01")
    assert t.lead == ("县财政局",)
    assert point_tasks("（二）强化保障。县财政局每年安排专项资金不少于500万元。", "", "2025-03-01").lead == ("县财政局",)
    t = point_tasks("（三）强化督查。县城管委办每月开展一次明察暗访，结果全县通报。", "", "2025-03-01")
    assert (t.lead, t.deadline) == (("县城管委办",), "长期")
    # a word running into 牵头 is no label ("由县水利局牵头：…" is the sentence's own)
    assert units_at("县财政局按季度拨付", 0) == (["县财政局"], 4)


def test_the_end_of_a_period_reached_is_a_limit_but_a_plans_goal_is_no_task():
    t = point_tasks("（二）推进集团化办学。力争到2026年底组建教育集团6个。", "", "2025-03-01")
    assert (t.deadline, t.deadline_text) == ("2026-12-31", "2026年底")
    assert point_tasks("县住建局要加快进度，到年底，改造都要收尾。", "", "2025-03-01").deadline == "2025-12-31"
    assert point_tasks("截至去年底，全县已改造12个。县住建局要抓紧。", "", "2025-03-01").deadline is None
    assert point_tasks("一、工作目标。到2025年底，全县污水治理率达到60%以上。", "", "2025-03-01") is None


def test_schools_and_a_bureaus_sections_are_units_and_a_field_value_may_start_on_the_next_line():
    t = point_tasks("四、开展心理健康排查。牵头单位：县教育局基础教育股；配合单位：县卫健局。", "", "2024-08-16")
    assert (t.lead, t.partners) == (("县教育局基础教育股",), ("县卫健局",))
    assert point_tasks("一、开展隐患排查。各学校要在8月25日前完成排查。", "", "2024-08-16").lead == ("各学校",)
    t = point_tasks("二、严格食堂管理。9月30日前完成等级评定。牵头单位：\n县教育局后勤服务中心；配合单位：县市场监管局。", "",
                    "2024-08-16")
    assert t.lead == ("县教育局后勤服务中心",)
    t = point_tasks("3.园区消防站建设。县消防救援大队、县工业园区管委会共同负责，年底前建成投用。", "", "2024-04-08")
    assert t.lead == ("县消防救援大队", "县工业园区管委会")


def test_a_unit_given_a_time_before_its_verb_and_a_unit_named_before_what_it_organises_lead():
    t = point_tasks("三是县安委办将于9月25日前组织“回头看”，对仍未整改的单位在全县通报。", "", "2024-05-10")
    assert (t.lead, t.deadline) == (("县安委办",), "2024-09-25")
    t = point_tasks("一、关于新增隐患点处置。新增的9处隐患点由县自然资源局组织技术单位逐点勘查，5月31日前完成编制。",
                    "", "2024-05-10")
    assert t.lead == ("县自然资源局",)  # not "县自然资源局组织技术单位"
    assert unit_at("县委组织部负责干部培训", 0) == "县委组织部"  # a body named for what it does stays whole


def test_a_unit_dealing_with_those_who_fail_leads_the_point():
    # "X对…的，一律…": the unit is who acts on them
    t = point_tasks("要抓好农贸市场整治，县商务局对摊位划线仍不规范的，一律限期整改到位。", "", "2025-03-02")
    assert t.lead == ("县商务局",)
    t = point_tasks("三是严查违法用地，县自然资源局对新增违法占地的，依法立案查处。", "", "2025-03-02")
    assert t.lead == ("县自然资源局",)


def test_a_zone_named_in_full_is_a_unit_and_a_lead_named_outright_wins_over_the_subject():
    # "埭湖经济开发区管委会": a place, then the zone's full name, then the body — longer than a level's name
    assert looks_like_unit("埭湖经济开发区管委会") and looks_like_unit("松溪高新技术产业开发区管委会")
    t = tasks("四是拓展外贸新业态。埭湖经济开发区管委会要在6月底前建成跨境电商孵化中心。", date="2025-01-14")
    assert (t.lead, t.deadline) == (("埭湖经济开发区管委会",), "2025-06-30")
    # "…，X负责。" at the sentence's end gives X the work; "由X牵头" names the lead whoever the subject is
    t = tasks("二是培育新动能。年内新培育跨境电商企业30家以上，埭湖经济开发区管委会负责。", date="2025-01-14")
    assert (t.lead, t.deadline) == (("埭湖经济开发区管委会",), "2025-12-31")  # what is newly achieved 年内: by its end
    t = tasks("一是稳住基本盘。县政府要尽早分解下达外贸目标，由县商务局牵头，2月底前将目标分解到乡镇。", date="2025-01-14")
    assert (t.lead, t.deadline) == (("县商务局",), "2025-02-28")


def _tasks_of(text: str, name: str = "report.txt") -> list[tuple[str, tuple, str | None]]:
    parsed = parse_bulletin(text.encode(), name, ParseSettings())
    return [(p.text[:8], p.tasks.lead, p.tasks.deadline)
            for ps, _ in parsed.passages.values() for p in ps if p.kind == "point" and p.tasks]


def test_what_the_meeting_settled_unit_by_unit_is_a_list_and_the_closing_word_to_everyone_no_point_of_it():
    """"会议明确，县应急管理局要…；县消防救援大队要…；县住建局要…。" gives each unit its task; "各级领导干部要坚守岗位…"
    after them is said to everyone: no unit's task, and no point of the list."""
    text = ("岑川县召开农村消防安全部署会\n\n"
            "　　2025年7月21日，全县农村消防安全部署会召开，副县长常立群出席会议并讲话。\n"
            "　　会议明确，县应急管理局要牵头组织专项督查，8月15日前完成第一轮督查；县消防救援大队要对茶叶作坊开展夜查，"
            "8月底前实现全覆盖；县住建局要加快民居线路改造，9月底前完成600户。各级领导干部要坚守岗位、靠前指挥，"
            "确需外出的严格履行报备手续。\n")
    assert _tasks_of(text) == [("县应急管理局要牵", ("县应急管理局",), "2025-08-15"),
                               ("县消防救援大队要", ("县消防救援大队",), "2025-08-31"),
                               ("县住建局要加快民", ("县住建局",), "2025-09-30")]
    (listed,) = parse_bulletin(text.encode(), "report.txt", ParseSettings()).lists
    assert listed.size == 3


def test_two_units_parts_after_the_meetings_points_for_everyone_are_a_list_inside_a_point_its_detail():
    """"要…；要…；要…。县委组织部要…；县总工会要…。": after the points for everyone, the two units' parts are the
    division of the work — each a task of its unit. Inside a numbered point ("三、加快…。区城投集团要…；区自然资源分局
    要…。") the same clauses are that point's detail: the point keeps its task."""
    text = ("岑川县委常委会研究新就业形态劳动者服务工作\n\n"
            "　　2025年6月24日，县委书记常立群主持召开县委常委会会议。会议指出，外卖骑手、快递员是城市服务的提供者。"
            "要把党建引领贯穿始终，推动配送站点党组织应建尽建；要把实事办到心坎上，用好骑手驿站；"
            "要把积极作用发挥出来，鼓励骑手参与隐患随手拍。县委组织部要会同县人社局在8月底前完成配送站点党组织覆盖情况摸排；"
            "县总工会要在7月底前为一线骑手开展一次免费体检。\n")
    assert [(lead, deadline) for _, lead, deadline in _tasks_of(text)] == [
        (("县委组织部",), "2025-08-31"), (("县总工会",), "2025-07-31")]
    minutes = ("关于城中村改造推进工作的会议纪要\n\n"
               "　　2025年9月15日，副区长常立群主持召开专题会议，纪要如下：\n"
               "　　一、攻坚剩余户签约。由柏溪街道办事处牵头，10月底前完成全部签约。\n"
               "　　二、加快安置房建设。项目受土方外运影响，开工时间推迟。区城投集团要在10月15日前完成土方外运，"
               "11月底前实现安置房全部开工；区自然资源分局要同步办理用地和规划许可手续。\n"
               "　　三、做好拆后地块管理。由区城市更新中心负责，长期坚持。\n")
    got = _tasks_of(minutes, "minutes.txt")
    assert [text[:4] for text, _, _ in got] == ["一、攻坚", "二、加快", "三、做好"]
    assert got[1][1:] == (("区城投集团",), "2025-11-30")
