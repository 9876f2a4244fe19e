"""Duty questions (bot/kinds/duty.py): who leads, by when, what a unit must do — read from a point's tasks, and shown
in the source line under the answer."""

from bot.kinds import duty
from bot.records import Passage, Tasks
from bot.render import source_line


def _point(text: str, tasks: Tasks | None) -> Passage:
    return Passage("p1", "a1", "point", 1, text, "白沙县城乡建设重点任务分工方案", "2024-03-08", "2024年3月8日", "x.txt",
                   tasks=tasks)


LED = _point("1.完成城区老旧小区改造15个。（牵头单位：县住建局；配合单位：县财政局；完成时限：2024年11月底前）",
             Tasks(("县住建局",), ("县财政局",), "2024-11-30", "2024年11月底前"))
PLAIN = _point("2.老旧小区改造要尊重居民意愿，做到应改尽改。", None)


def test_who_when_and_unit_questions_are_told_apart():
    assert duty.asks("老旧小区改造由哪个部门牵头").who
    assert duty.asks("高新区扩区规划由谁负责编制").who
    assert not duty.asks("领导干部会议由谁主持").who  # a meeting's chair, not a task's lead
    assert duty.asks("老旧小区改造最晚什么时候完成").deadline
    # a time asked of a thing's being done, as people ask it; not a meeting's day nor when something starts
    assert all(duty.asks(q).deadline for q in ("易涝点什么时候整治完", "受理窗口什么时候要设好", "菜市场什么时候能改造完",
                                               "排查哪天前要过一遍", "完工时间是哪天"))
    assert not any(duty.asks(q).deadline for q in ("座谈会哪天召开", "什么时候开始供暖", "什么时候开会",
                                                   "审批时限要压缩到几天", "办理期限是多少个工作日"))  # a length of time
    assert duty.asks("整改时限是什么时候").deadline
    assert duty.asks("县住建局要做哪些事").units == ("县住建局",)
    # Asking who leads, a unit-shaped thing in the question is the task, not whose duties are asked.
    assert duty.asks("县级物流配送中心归哪个部门负责建").units == ()
    assert not duty.asks("老旧小区改造有什么要求")
    assert duty.asks("书记在常委会上对区交通运输局提了什么要求").units == ("区交通运输局",)
    assert duty.asks("会议对招商引资提了什么要求").units == ()
    assert duty.asks("刘朝晖对开发区和园区发展有什么要求").units == ()  # places, not a unit
    # a meeting that gives the task, then the unit given it: the meeting's words are no part of the unit's name
    assert "县应急管理局" in duty.asks("县政府第十二次常务会议给县应急管理局派了什么任务").units
    # … and a meeting's 上 ends it ("专题会上区住建局…", "常委会上让县农业农村局…")
    assert duty.asks("停车治理专题会上区住建局被安排干啥").units == ("区住建局",)
    # a meeting by its form before 部署 is no unit "…推进会部"; 乡村 and 农村 are no village
    assert duty.asks("2025年社区嵌入式服务设施推进会部署了哪几项").units == ()
    assert duty.asks("乡村公路养护分工表都有哪些任务").units == ()
    assert duty.asks("县委常委会上让县农业农村局干啥").units == ("县农业农村局",)
    assert duty.asks("陈副县长在调度会上给县文旅局布置了哪些事").units == ("县文旅局",)
    assert duty.asks("县财政局在老旧小区改造里管哪些事").units == ("县财政局",)  # 管 as 负责
    # a union or the Red Cross is given tasks, though its name ends like a meeting's
    assert duty.asks("县总工会在骑手权益保障任务分工里要干些啥").units == ("县总工会",)
    assert duty.asks("县红十字会负责什么").units == ("县红十字会",)
    assert duty.asks("县委常委会提了哪些任务").units == ()


def test_a_point_whose_tasks_hold_what_is_asked_is_preferred():
    ask = duty.asks("老旧小区改造谁牵头，最晚什么时候完成")
    assert duty.prefers(ask, LED, LED.text) == 2
    assert duty.prefers(ask, PLAIN, PLAIN.text) == 0


def test_a_units_own_task_comes_before_one_it_shares():
    shared = _point("5.在建工地安全度汛。责任单位：县住建局、县交通运输局、县水利局按行业分工负责，长期坚持。",
                    Tasks(("县住建局", "县交通运输局", "县水利局"), (), "长期", "长期坚持"))
    ask = duty.asks("县住建局要做哪些事")
    assert duty.prefers(ask, LED, LED.text) > duty.prefers(ask, shared, shared.text) > 0


def test_a_unit_asked_about_must_be_named_by_the_answer():
    def holds(question, topic=None):
        return duty.holds(duty.asks(question), LED, LED.text, topic or {}, 0.42)

    assert holds("住建局要做哪些事")
    assert holds("县财政局要做哪些事")  # a partner has its share
    assert not holds("县人社局要做哪些事")
    assert holds("县住建局在老旧小区改造中要做哪些事", {"老旧": 3.0, "小区": 2.0, "改造": 2.0})
    assert not holds("县住建局在防汛抗旱中负责什么", {"防汛": 3.0, "抗旱": 3.0})  # its task on another topic


def test_a_unit_asked_bare_and_short_as_people_say_it_is_the_one_the_tasks_name():
    assert duty.asks("住建局要做什么").units == ("住建局",)
    assert duty.asks("请问应急局负责什么").units == ("应急局",)  # the lead-in is no part of the name
    assert duty.asks("那人社局有什么任务").units == ("人社局",)
    assert duty.asks("构建新格局要做什么").units == ()  # 格局 names no bureau
    assert duty.asks("县应急管理局在能力提升方案里牵头哪些事").units == ("县应急管理局",)
    assert duty.asks("周海涛他们应急管理局在森林防火上要做什么").units == ("应急管理局",)
    # a unit named in full inside the run is named from where it starts, not from the question's head
    assert duty.asks("招商引资奖励办法里区财政局负责什么").units == ("区财政局",)
    row = _point("1 | 开展重大事故隐患动态清零行动 | 县应急管理局 | 县安委会各成员单位 | 2025年6月30日前",
                 Tasks(("县应急管理局",), ("县安委会各成员单位",), "2025-06-30", "2025年6月30日前"))
    assert duty.holds(duty.asks("应急局牵头要做什么"), row, row.text, {}, 0.42)  # 应急局 of 县应急管理局
    assert duty.prefers(duty.asks("应急局牵头要做什么"), row, row.text) == 2
    assert not duty.holds(duty.asks("教育局要做什么"), row, row.text, {}, 0.42)
    renamed = _point("3.推进城镇老旧小区改造。", Tasks(("县住房和城乡建设局",), ("县人力资源和社会保障局",), None, None))
    assert duty.holds(duty.asks("住建局要做什么"), renamed, renamed.text, {}, 0.42)
    assert duty.holds(duty.asks("人社局要干什么"), renamed, renamed.text, {}, 0.42)
    # a unit without its place is the whole rest of its name, not a place read into it ("县住房和城乡" + "建设局")
    roads = _point("4.推进农村公路建设。", Tasks(("县交通建设局",), (), None, None))
    assert not duty.holds(duty.asks("县住房和城乡建设局要做什么"), roads, roads.text, {}, 0.42)


def test_a_traditional_bulletins_point_answers_a_unit_asked_in_simplified_words():
    point = Passage("p2", "a2", "point", 2, "要守住底線抓質量。區住建局要組織對在建項目開展質量安全“回頭看”，6月15日前形成問題清單。",
                    "老舊小區改造現場推進會召開", "2025-06-03", "2025年6月3日", "y.txt", lead="常世平指出，老舊小區改造一頭連著民生",
                    tasks=Tasks(("區住建局",), (), "2025-06-15", "6月15日前"))
    from bot.textutil import normalize_text

    ask = duty.asks("常区长在老旧小区改造现场推进会上对区住建局提了啥要求")
    assert duty.prefers(ask, point, normalize_text(point.text)) == 2  # it names the unit, which leads alone
    assert duty.holds(ask, point, normalize_text(point.text), {"老旧": 3.0, "小区": 2.0, "改造": 2.0}, 0.42)


def test_the_source_line_names_the_lead_partners_and_deadline():
    line = source_line(LED)
    assert "牵头：县住建局" in line and "配合：县财政局" in line and "时限：2024年11月底前" in line
    assert "牵头" not in source_line(PLAIN)


# ---------------------------------------------------------------- asked of a real index (our own 白沙县 bulletins)

import pytest  # noqa: E402

from bot.config import load_config  # noqa: E402
from bot.render import console_text  # noqa: E402
from tests.conftest import ROOT, make_config, top_result  # noqa: E402


@pytest.fixture(scope="module")
def baisha(tmp_path_factory, embedder):
    from bot.ingest import sync
    from bot.search import Searcher

    # the 2024 plan and meeting, and a 2025 bulletin (the archive's newest year; the ledger's tests use the 2024 ones)
    files = sorted((ROOT / "tests/data/tasks").glob("*.txt")) + sorted((ROOT / "tests/data/tasks_2025").glob("*.txt"))
    config = load_config(make_config(tmp_path_factory.mktemp("duty"), files))
    sync(config, embedder)
    return Searcher(config, embedder)


@pytest.mark.parametrize("question,point,source", [
    ("城区停车泊位建设由哪个部门牵头", "停车泊位", "牵头：县城管局"),
    ("柳溪河道清淤最晚什么时候完成", "柳溪河道", "时限：2024年9月30日前"),
    # "白沙工业园区" is where the service post is; the quoted "一窗通办" is what is asked about
    ("白沙工业园区“一窗通办”服务谁来牵头", "一窗通办", "牵头：县行政审批服务局"),
    # the archive's newest bulletin is of 2025; the 15 old estates are in the 2024 plan, the one that answers
    ("今年15个老旧小区什么时候要完成改造", "老旧小区改造15个", "2024年11月"),
])
def test_the_point_asked_about_answers_first_with_its_tasks_in_the_source_line(baisha, question, point, source):
    answer = baisha.search(question)
    assert answer.answered and point in answer.results[0].passage.text
    assert source in console_text(answer)


def test_a_units_duties_are_its_points_and_a_unit_given_none_gets_no_answer(baisha):
    assert "县水务局" in top_result(baisha, "县水务局要做哪些事").passage.text
    # "牵头哪些事": its points, not the outline of the plan they stand in
    answer = baisha.search("县水务局在城乡建设重点任务里牵头哪些事")
    assert answer.answered and answer.results[0].passage.kind == "point" and "县水务局" in answer.results[0].passage.text
    assert not baisha.search("县人社局在城乡建设中要做哪些事").answered


def test_a_speaker_named_by_surname_and_post_is_the_speech_author_in_its_byline(tmp_path, embedder):
    """A speech names its author only in the line under its title; "周县长" is that author (the archive knows him
    as a speaker) though the body never names him, so his point is the answer, with its lead unit."""
    from bot.ingest import sync
    from bot.search import Searcher

    files = sorted((ROOT / "tests/data/speech").glob("*.txt")) + sorted((ROOT / "tests/data/tasks").glob("*.txt"))
    config = load_config(make_config(tmp_path, files))
    sync(config, embedder)
    searcher = Searcher(config, embedder)
    answer = searcher.search("周县长在防汛会上让哪个部门牵头排查危房")
    assert answer.answered and "危旧房屋" in answer.results[0].passage.text
    assert "周明远" in console_text(answer) and "牵头：县住建局" in console_text(answer)
    # Someone the speech is not by gets no answer from it.
    assert not searcher.search("刘书记在防汛会上让哪个部门牵头排查危房").answered


def test_a_deadline_said_in_a_paragraph_counts_for_a_deadline_question():
    from bot.records import Passage

    ask = duty.asks("旅游环线规划最晚什么时候编完")
    assert ask.deadline
    fields = {f: None for f in Passage.__dataclass_fields__}
    fields.update(passage_id="p", article_id="a", text="由县交通运输局会同县文旅局在6月底前完成环线规划编制。", tasks=None)
    passage = Passage(**fields)
    assert duty.prefers(ask, passage, passage.text) == 1


def test_a_lead_said_in_a_paragraph_counts_for_a_who_question():
    from bot.records import Passage

    ask = duty.asks("轧钢厂职工安置办法由哪个部门牵头拿出来")
    fields = {f: None for f in Passage.__dataclass_fields__}
    fields.update(passage_id="p", article_id="a", text="会议指出，区人社局要牵头会同区国资中心拿出分类安置办法。", tasks=None)
    passage = Passage(**fields)
    assert duty.prefers(ask, passage, passage.text) == 1
    assert duty.prefers(ask, PLAIN, PLAIN.text) == 0


def test_a_units_duty_on_a_topic_said_in_everyday_words_is_found_in_the_written_ones():
    """"县市场监管局在电动车整治里要干啥": the topic is written 电动自行车 in the bulletin; its point answers."""
    from bot.kinds import duty
    from bot.records import Passage

    fields = {f: None for f in Passage.__dataclass_fields__}
    text = "县市场监管局要加大电动自行车电池抽检力度，10月底前抽检不少于50批次；"
    point = Passage(**(fields | {"text": text, "title": "全县电动自行车安全隐患全链条整治推进会召开"}))
    ask = duty.DutyAsk(who=False, deadline=False, units=("县市场监管局",))
    topic = {"电动": 1.95, "动车": 5.81, "电动车": 5.81, "整治": 2.51}
    assert duty.holds(ask, point, text, topic, 0.42)
    # "县气象局在森林防火上要干啥": the table's title says 森林防灭火, a compound holding 防火
    row = "9 | 发布森林火险气象等级预报和预警信息 | 县气象局 | 县应急管理局 | 长期坚持。"
    point = Passage(**(fields | {"text": row, "title": "关于印发2024年森林防灭火工作任务分工方案的通知"}))
    ask = duty.DutyAsk(who=False, deadline=False, units=("县气象局",))
    assert duty.holds(ask, point, row, {"森林": 1.6, "防火": 2.2}, 0.42)
    assert not duty.holds(ask, point, row, {"森林": 1.6, "防汛": 2.2}, 0.6)


def test_a_school_leads_a_task():
    """"县职业中专要会同经济开发区管委会在8月31日前新开设订单班4个": the school leads it."""
    from bot.tasks import point_tasks

    text = "第二，围绕产业需求抓对接。县职业中专要会同经济开发区管委会在8月31日前新开设订单班4个。"
    assert point_tasks(text, text, "2024-05-10").lead == ("县职业中专",)


def test_a_units_task_on_the_topic_asked_is_found_where_the_unit_is_a_partner(tmp_path, embedder):
    """"区住建局在停车治理上要干啥": the 住建局 leads six tasks of the year's plan on other matters and is a partner in
    the parking meeting's fourth point; its own tasks on other matters answer nothing and must not push the point
    that does out of those considered."""
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "plan_2025-03-05.txt":
            "槐川区2025年城市建设重点任务分工\n\n2025年3月5日\n\n"
            "一、老旧小区改造。区住建局牵头，年底前完成26个小区改造。\n"
            "二、建筑工地扬尘整治。区住建局负责督促在建工地落实围挡、冲洗、覆盖措施，长期坚持。\n"
            "三、物业服务覆盖。区住建局牵头，改造完成的小区同步引入物业服务，10月底前完成。\n"
            "四、燃气管网更新。区住建局牵头，区城投公司配合，9月底前完成老旧燃气管网更新12公里。\n"
            "五、房屋安全排查。区住建局牵头，6月底前完成城区自建房安全隐患排查。\n"
            "六、建筑市场整治。区住建局负责，长期开展建筑市场秩序专项整治。\n",
        "meeting_2024-11-25.txt":
            "关于城区停车治理工作的专题会议纪要\n\n2024年11月25日\n\n"
            "11月22日，副区长宁雅琴主持召开专题会议，研究城区停车治理工作。现将会议议定事项纪要如下：\n"
            "一、规范路内停车。区公安分局交警大队负责重新施划路内泊位，12月底前完成。\n"
            "二、整治占道停车。区城管局牵头，每周开展一次夜间集中整治。\n"
            "三、推进错时共享。区机关事务服务中心负责推动机关单位停车场夜间向居民开放。\n"
            "四、挖潜建设停车设施。区自然资源局负责梳理城区闲置地块，区住建局配合，年底前提出临时停车场选址清单。\n"})
    assert top_result(searcher, "区住建局在停车治理上要干啥").passage.text.startswith("四、挖潜建设停车设施")


def test_a_units_share_of_the_list_a_meeting_names_is_its_points_there(tmp_path, embedder):
    """"陈副县长在暑期调度会上给县文旅局布置了哪些事": of the meeting's four points, the two naming the 县文旅局."""
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "meeting_2025-06-11.txt":
            "全县乡村旅游暑期旺季工作调度会召开\n\n2025年6月11日\n\n"
            "6月11日下午，全县乡村旅游暑期旺季工作调度会召开。副县长陈晓岚出席会议并讲话。\n"
            "陈晓岚指出，暑期是全年客流最集中的时段，各级各部门务必把准备工作做在前面。\n"
            "要把游客安全放在首位。县文旅局牵头，会同县应急管理局，对全县A级景区开展一轮安全大检查，7月5日前全部完成。\n"
            "要管住“舌尖上的安全”。县市场监督管理局要对景区周边餐饮单位开展专项抽查。\n"
            "要打通出行的“最后一公里”。县交通运输局要在暑期开通3条旅游专线。\n"
            "要做好宣传引流。县委宣传部、县文旅局要联合策划夏季系列活动，6月底前发布暑期精品线路。\n"})
    answer = searcher.search("陈副县长在暑期调度会上给县文旅局布置了哪些事")
    assert answer.answered
    first = [r.passage.text for r in answer.results[:2]]
    assert first[0].startswith("要把游客安全放在首位") and first[1].startswith("要做好宣传引流")


def test_a_units_tasks_in_a_table_named_short_are_its_points_there(tmp_path, embedder):
    """"县供电公司在农网任务分工表里负责哪些事": the plan's points the company leads, its title writing 农村电网 out and
    "分工表里" no topic of the question (jieba cuts it 分工|表里); the meeting naming the company is no table."""
    from tests.conftest import searcher_over, top_result

    searcher = searcher_over(tmp_path, embedder, {
        "tasks_2024-06-28.txt":
            "芦溪县2024年农村电网巩固提升工程重点任务分工\n\n2024年6月28日\n\n"
            "一、编制年度项目储备和实施计划。牵头单位：县发改局；配合单位：县供电公司；完成时限：2024年7月15日前。\n"
            "二、完成10千伏线路新建改造180公里。牵头单位：县供电公司；配合单位：各乡镇人民政府；完成时限：12月底前。\n"
            "三、改造低电压台区50个。牵头单位：县供电公司；配合单位：县发改局；完成时限：10月底前。\n"
            "四、开展电力设施保护专项行动。牵头单位：县公安局；配合单位：县供电公司；完成时限：长期坚持。\n",
        "meeting_2024-09-10.txt":
            "县委常委会召开会议\n\n2024年9月10日\n\n"
            "9月10日，县委常委会召开会议，研究迎峰度冬电力保供工作。\n"
            "会议要求，县供电公司要加快在建项目收尾，确保年度项目12月底前全部投运；县发改局要会同县供电公司做好有序用电准备。\n"})
    assert top_result(searcher, "县供电公司在农网任务分工表里负责哪些事").passage.text.startswith(
        ("二、完成10千伏线路", "三、改造低电压台区"))


def test_a_units_task_on_the_archives_theme_is_found_by_its_theme_word(tmp_path, embedder):
    """"县公安局在河湖治理上有啥任务": in an archive of 河湖 work the theme word weighs little, yet the point where the
    公安局 leads on 河湖 is the answer — not a school-term inspection where it is a partner, which only shares 治理."""
    from tests.conftest import searcher_over, top_result

    searcher = searcher_over(tmp_path, embedder, {
        "river_2025-04-02.txt":
            "全县河湖长制工作推进会召开\n\n2025年4月2日\n\n"
            "4月2日，全县河湖长制工作推进会召开。副县长秦海明出席会议并讲话。\n"
            "秦海明要求，第一，坚持问题清零。各镇要对河湖“四乱”问题逐一销号，6月底前全部整改到位。\n"
            "第二，坚持长效管护。严格落实河湖长巡河制度，县级河湖长每季度巡河不少于1次。县公安局要会同县水利局"
            "开展打击非法采砂、非法捕捞专项行动，长期坚持。\n"
            "第三，坚持系统修复。县林业局要在河湖两岸补植护岸林，年底前完成。\n",
        "river_2024-05-10.txt":
            "全县幸福河湖建设现场会召开\n\n2024年5月10日\n\n"
            "5月10日，全县幸福河湖建设现场会在青石镇召开。\n"
            "会议要求，县水利局要加快编制幸福河湖建设方案，县财政局要保障河湖管护经费，县生态环境分局要开展入河排污口排查。\n",
        "school_2025-12-20.txt":
            "县教育局关于做好寒假期间校外培训治理工作的通知\n\n2025年12月20日\n\n"
            "一、开展寒假前校外培训专项治理，由县教育局牵头，县市场监管局、县公安局配合，2026年1月20日前完成。\n"
            "二、加强学生假期安全教育，由县教育局负责，放假前完成。\n"})
    assert top_result(searcher, "县公安局在河湖治理上有啥任务？").passage.text.startswith("第二，坚持长效管护")



def test_of_points_fitting_a_duty_question_alike_the_one_saying_what_is_asked_goes_first():
    """"…让哪个部门下达补助资金": both points name a lead unit; the one whose words hold the question's (下达, 补助资金)
    goes before the first point the dense ranking put higher; points that do not fit keep their places after."""
    from bot.records import Passage
    from bot.search import fitting_first

    def point(i: int, text: str) -> Passage:
        return Passage(f"a:{i:03d}", "a", "point", i, text, "危房改造推进会", "2025-05-21", "2025年5月21日", "a.txt")

    pool = {1: point(1, "第一，摸清底数。各乡镇要对照民政部门推送的数据逐户核实。"),
            2: point(2, "据了解，今年全县危房改造任务已全部竣工。"),
            3: point(3, "第三，用好资金。县财政局要在6月10日前下达首批补助资金4410万元。")}
    topic = {"下达": 3.0, "补助": 2.0, "资金": 2.0, "部门": 2.0}
    ranked = [(1, 0.03), (2, 0.02), (3, 0.01)]
    assert [d for d, _ in fitting_first(ranked, {1: 1, 3: 1}, pool, topic)] == [3, 1, 2]
    assert [d for d, _ in fitting_first(ranked, {1: 2, 3: 1}, pool, topic)] == [1, 3, 2]  # more of what is asked
    assert [d for d, _ in fitting_first(ranked, {1: 1, 3: 1}, pool, {})] == [1, 3, 2]  # no topic: the ranking's order


def test_a_deadline_asked_of_a_units_task_needs_that_unit_and_a_time():
    """"县人社局…最晚啥时候要弄完": the deadline of another unit's task does not answer, nor does the unit's task
    that says no time at all."""
    untimed = _point("3.县住建局要指导物业企业做好小区消防通道清理。", Tasks(("县住建局",), (), None, None))

    def holds(question, passage):
        return duty.holds(duty.asks(question), passage, passage.text, {"老旧": 3.0, "小区": 2.0}, 0.42)

    assert duty.asks("县住建局老旧小区改造最晚啥时候要弄完").doers == ("县住建局",)
    assert holds("县住建局老旧小区改造最晚啥时候要弄完", LED)
    assert holds("县财政局老旧小区改造最晚什么时候完成", LED)  # a partner's deadline is the task's
    assert not holds("县人社局老旧小区改造最晚什么时候完成", LED)
    assert not holds("县住建局小区消防通道清理最晚什么时候完成", untimed)
    assert holds("老旧小区改造最晚什么时候完成", LED)  # no unit named: any task's deadline may answer
    # only a bureau or commission is read as the unit whose deadline is asked: other names read outside a duty
    # question are often cuts across words
    assert duty.asks("县长要求返乡创业扶持资金办法什么时候正式印发").doers == ()
    assert duty.asks("镇村综合运输服务站要在什么时候前建好").doers == ()
    assert duty.asks("鹭坪镇和县商务局的逾期隐患什么时候必须整改完").doers == ("县商务局",)
    # a time said loosely is still a time ("3月开工", "每月调度", "长期坚持")
    for text in ("2.县住建局要抓好小区改造，3月开工。", "2.县住建局要每月调度小区改造进度。", "2.县住建局长期坚持小区改造。",
                 "2.县住建局受理小区改造申请，5个工作日内办结。"):  # a length asked ("最迟几天要办完")
        assert holds("县住建局老旧小区改造最晚什么时候完成", _point(text, None))


def test_the_day_an_article_is_dated_is_no_time_a_task_is_due():
    # a report's first passage holds its date line: "2024年3月8日…" says nothing of by when the task is due
    from bot.kinds.when import says_when_due

    opening = _point("2024年3月8日会议指出，县人民医院新住院大楼主体已经封顶。", None)
    assert not says_when_due(opening, opening.text)
    assert says_when_due(_point("2024年3月8日会议要求，新住院大楼2025年6月底前投用。", None),
                         "2024年3月8日会议要求，新住院大楼2025年6月底前投用。")


def test_a_units_deadline_no_bulletin_sets_is_refused(tmp_path, embedder):
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "standing_2024-06-14.txt":
            "县政府召开第18次常务会议\n\n2024年6月14日\n\n"
            "会议研究了今年的暑期托管服务工作。会议指出，暑期托管是解决双职工家庭孩子暑期看护难的民生实事。"
            "县教育局要在7月5日前制定暑期托管服务工作方案，合理确定托管学校布点；"
            "县财政局要在8月底前将托管补助资金拨付到各托管学校；"
            "县卫健局要指导托管学校做好防溺水、防中暑等健康安全工作。\n"
            "会议还研究了其他事项。\n"})
    assert searcher.search("县财政局的托管补助资金最晚啥时候拨付到位").answered
    answer = searcher.search("县卫健局指导托管学校防溺水，最晚啥时候要弄完？")
    assert not answer.answered  # its point sets no time; the 教育局's and 财政局's deadlines are theirs
