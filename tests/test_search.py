"""Search over the bundled bulletin with the real model: intents, fusion, structure, off-topic, bad input."""

import pytest

from bot.errors import QuestionError
from bot.intent import parse_intent
from tests.conftest import searcher_over, top_result


@pytest.mark.parametrize(
    "question,kind,ordinal,count",
    [
        ("第三个聚力是什么", "ordinal", 3, None),
        ("聚力的第五条", "ordinal", 5, None),
        ("刘宗国讲的第三点", "ordinal", 3, None),
        ("当前工作的第二个要求", "ordinal", 2, None),
        ("八个聚力分别是什么", "list", None, 8),
        ("要求聚力哪八个方面", "list", None, 8),
        ("有哪几个方面值得学习", "list", None, None),
        ("第一季度经济运行情况怎么样", "plain", None, None),  # an ordinal word, not a point number
        ("考察团参观了哪些企业", "plain", None, None),
    ],
)
def test_parse_intent(question, kind, ordinal, count):
    intent = parse_intent(question)
    assert (intent.kind, intent.ordinal, intent.count) == (kind, ordinal, count)



@pytest.mark.parametrize(
    "question,start",
    [
        ("第三个聚力是什么", "三要聚力项目招引"),
        ("聚力的第五条", "五要聚力改革赋能"),
        ("刘宗国讲的第三点", "三要有善谋善胜"),
        ("刘宗国提出的第七点", "七要有与人为善"),
        ("当前工作的第二个要求", "二要加快项目纳统"),
        ("第一个聚力是什么", "一要聚力项目谋划"),
    ],
)
def test_ordinal_questions_return_that_point(searcher, question, start):
    result = top_result(searcher, question)
    assert result.passage.text.startswith(start)
    assert result.passage.kind == "point"


def test_list_questions_return_the_outline(searcher):
    for question in ("八个聚力分别是什么", "要求聚力哪八个方面"):
        result = top_result(searcher, question)
        assert result.outline
        lines = result.passage.text.split("\n")
        assert "聚力八个方面" in lines[0]
        assert lines[1:] == [f"{n}要聚力{t}狠下功夫、攻坚突破。" for n, t in zip(
            "一二三四五六七八", ["项目谋划", "项目建设", "项目招引", "企业培育", "改革赋能", "要素保障", "深化国企改革", "作风建设"])]


@pytest.mark.parametrize(
    "question,expected",
    [
        ("招商方面有什么要求？", "三要聚力项目招引"),
        ("要素保障怎么落实", "六要聚力要素保障"),
        ("企業培育", "四要聚力企业培育"),  # traditional characters
        ("ＥＸＡＭＰＬＥ　三倒六个一制度", "三倒六个一"),  # full-width Latin and spaces
        ("疫情防控有什么要求", "疫情防控"),
    ],
)
def test_paraphrases_find_the_directive(searcher, question, expected):
    answer = searcher.search(question)
    assert answer.answered
    assert any(expected in r.passage.text for r in answer.results[:3])


def test_the_readmes_first_question_gets_the_directive_first(searcher):
    # "两个差在" names 招商引资 in passing; the directive on winning projects (项目招引) is what is asked
    assert "三要聚力项目招引" in searcher.search("招商方面有什么要求？").results[0].passage.text


def test_an_everyday_word_finds_the_directive_written_the_bulletins_way(searcher, monkeypatch):
    # "厂子" is what officials say; the bulletin writes 企业 (bot/phrasing.py)
    assert top_result(searcher, "对厂子有什么扶持").passage.text.startswith("四要聚力企业培育")
    import bot.phrasing

    monkeypatch.setattr(bot.phrasing, "_WRITTEN_FORMS", ())
    import bot.search

    monkeypatch.setattr(bot.search, "archive_synonyms", lambda terms, counts: {})
    # without the written forms and the thesaurus's synonyms (bot/thesaurus.py): nothing found
    assert not searcher.search("对厂子有什么扶持").answered


def test_results_carry_their_source(searcher):
    result = top_result(searcher, "第三个聚力是什么")
    p = result.passage
    assert p.title == "全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开"
    assert (p.date, p.date_text, p.speaker, p.ordinal, p.list_size) == ("2021-04-25", "2021年4月25日", "毕志伟", 3, 8)


@pytest.mark.parametrize(
    "question",
    ["明天会下雨吗", "怎么做红烧肉", "How do I reset my password?", "今天天气怎么样", "篮球比赛规则", "如何申请低保",
     "hello, how are you?", "😀😀😀", "<script>alert(1)</script>", '"', "*", "OR", "NEAR(", ")", "a OR b NEAR(c, d)",
     "'; DROP TABLE passages; --",
     # how to do something the bulletin never mentions: "开展/落实/推进" ask how, they say nothing of a topic
     "垃圾分类怎么开展", "秸秆禁烧怎么落实", "疫苗接种怎么安排"],
)
def test_off_topic_and_hostile_questions_are_not_answered(searcher, question):
    answer = searcher.search(question)
    assert not answer.answered
    assert answer.results == ()


def test_empty_and_huge_questions(searcher):
    assert not searcher.search("   \n\t ").answered
    with pytest.raises(QuestionError) as err:
        searcher.search("招商" * 5000)
    assert "太长" in err.value.message


def test_batch_search_matches_single_search(searcher):
    questions = ["第三个聚力是什么", "要素保障怎么落实", "明天会下雨吗", ""]
    batch = searcher.search_many(questions)
    for q, a in zip(questions, batch):
        single = searcher.search(q)
        assert a.answered == single.answered
        assert [r.passage.passage_id for r in a.results] == [r.passage.passage_id for r in single.results]


TWIN_LIST_BULLETIN = """全区数字经济推进会召开
本报讯 5月10日，全区数字经济推进会召开。区委书记毕志伟出席会议并讲话。
毕志伟指出，在工作中要聚力八个方面狠下功夫、攻坚突破。一要聚力项目谋划狠下功夫、攻坚突破。要围绕数字经济谋划一批大数据中心项目。二要聚力项目建设狠下功夫、攻坚突破。要加快数字经济产业园建设进度。三要聚力项目招引狠下功夫、攻坚突破。要面向长三角招引数字经济头部企业和软件外包企业。四要聚力企业培育狠下功夫、攻坚突破。要培育一批数字经济专精特新企业。五要聚力改革赋能狠下功夫、攻坚突破。要推进数据要素市场化改革。六要聚力要素保障狠下功夫、攻坚突破。要保障算力和电力供应。七要聚力深化国企改革狠下功夫、攻坚突破。要推动国企数字化转型。八要聚力作风建设狠下功夫、攻坚突破。要以数字化手段提升服务效能。
（王明）
"""


def test_an_ordinal_picks_among_identical_lists_by_what_the_rest_of_the_question_finds(tmp_path, embedder):
    """Two bulletins with the same eight headlines (label, lead, speaker all equal): the list's name
    cannot decide, so the list whose point the question's other words find must win — both ways."""
    from bot.config import load_config
    from bot.ingest import sync
    from bot.search import Searcher

    from tests.conftest import BUNDLED, make_config

    twin = tmp_path / "twin_2021-05.txt"
    twin.write_text(TWIN_LIST_BULLETIN, encoding="utf-8")
    config = load_config(make_config(tmp_path / "site", [BUNDLED, twin]))
    sync(config, embedder)
    searcher = Searcher(config, embedder)

    digital = searcher.search("数字经济头部企业招引，第三个聚力是什么")
    assert digital.answered and digital.results[0].passage.ordinal == 3
    assert "数字经济头部企业" in digital.results[0].passage.text
    assert digital.results[0].passage.title == "全区数字经济推进会召开"

    seed = searcher.search("线索库签约库开工库，第三个聚力是什么")
    assert seed.answered and seed.results[0].passage.ordinal == 3
    assert "线索库" in seed.results[0].passage.text
    assert seed.results[0].passage.date == "2021-04-25"


# A later bulletin that retells the study tour and the meeting without saying when they were.
RETOLD_BULLETIN = """山亭区工业发展学习交流会召开
本报讯 区直部门负责同志交流考察学习体会。
大家认为，这次到日照、潍坊、济宁三市的区（市）考察学习，时间虽短，收获很大。考察学习期间，考察团走进企业车间和项目现场，学习楼宇经济、工业产业发展等方面的先进经验和做法。
会议回顾了全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开以来的工作，座谈会在山亭宾馆召开后，各部门逐条抓落实。
"""


def test_a_when_question_is_answered_by_the_passage_that_states_the_date(tmp_path, embedder):
    """"考察学习是哪几天": a later bulletin retelling the tour without its days must not answer in place
    of the one that states them."""
    from bot.config import load_config
    from bot.ingest import sync
    from bot.search import Searcher

    from tests.conftest import BUNDLED, make_config

    retold = tmp_path / "retold_2021-06-10.txt"
    retold.write_text(RETOLD_BULLETIN, encoding="utf-8")
    config = load_config(make_config(tmp_path / "site", [BUNDLED, retold]))
    sync(config, embedder)
    searcher = Searcher(config, embedder)
    for question, date in (("考察学习是哪几天", "4月21日—23日"), ("座谈会是哪天召开的", "4月25日")):
        answer = searcher.search(question)
        assert answer.answered and answer.intent.asks_when
        assert date in answer.results[0].passage.text.replace(" ", ""), question


def test_a_word_no_bulletin_writes_is_found_by_its_meaning(hexi):
    # "河堤" is written nowhere; the point says "巡堤员" — near in meaning, so the point answers
    assert "巡堤员" in top_result(hexi, "河堤每个村配几个人巡").passage.text
    # what the point does not hold stays unanswered: pumps, a reservoir
    assert not hexi.search("河堤每个村配几台抽水机").answered
    assert not hexi.search("水库每个村配几个人巡").answered


def test_a_result_below_the_answering_depth_holding_far_more_of_the_question_answers_first():
    from bot.search import holding_far_more

    # "换了电暖气以后电费能便宜点吗": the fifth result holds 电费/便宜 by meaning (电价补贴), the first four a word each
    assert holding_far_more([0.4, 0.2, 0.4, 0.2, 0.8], 3, 0.42, lambda i: True) == 4
    assert holding_far_more([0.0, 0.0, 0.0, 0.0, 0.54], 3, 0.42, lambda i: True) == 4
    # not far more, below the floor, or not an answer: the order stands
    assert holding_far_more([0.5, 0.2, 0.4, 0.2, 0.8], 3, 0.42, lambda i: True) is None
    assert holding_far_more([0.0, 0.0, 0.0, 0.3, 0.4], 3, 0.42, lambda i: True) is None
    assert holding_far_more([0.4, 0.2, 0.4, 0.2, 0.8], 3, 0.42, lambda i: False) is None
    # from the second result on (which answer of an answered question comes first): "已签约未开工项目…4月底前"
    # below a point sharing a quarter of the question
    assert holding_far_more([0.26, 0.85, 0.3], 1, 0.42, lambda i: True) == 1
    assert holding_far_more([0.3, 0.5, 0.3], 1, 0.42, lambda i: True) is None  # not far more


def test_a_document_named_by_its_kind_answers_before_a_report_of_the_same_work(tmp_path, embedder):
    """"…方案里…谁牵头": the plan's point, not a later progress report's near-copy naming the same lead."""
    searcher = searcher_over(tmp_path, embedder, {
        "plan_2025-03-10.txt":
            "全县农村人居环境整治提升行动方案\n\n2025年3月10日\n\n为改善农村人居环境，制定本方案。\n"
            "1.垃圾收运。各乡镇配齐保洁员，垃圾日产日清。牵头单位：县城管局；完成时限：2025年6月底前。\n"
            "2.畜禽粪污处理。规模养殖场配套建设粪污处理设施，综合利用率达到90%以上。牵头单位：县农业农村局；"
            "完成时限：2025年10月底前。\n"
            "3.村庄绿化。每个行政村新植树木不少于500株。牵头单位：县林业局。\n",
        "report_2025-11-20.txt":
            "全县农村人居环境整治提升工作推进情况通报\n\n2025年11月20日\n\n今年以来，各地各部门扎实推进整治提升。\n"
            "一、规模养殖场粪污处理。全县规模养殖场粪污处理设施全部建成，综合利用率达到92%。牵头单位：县农业农村局。\n"
            "二、垃圾收运。全县垃圾收运体系覆盖所有行政村。牵头单位：县城管局。\n"})
    assert "2025年10月底前" in top_result(searcher, "人居环境整治方案里规模养殖场粪污处理由哪个单位牵头").passage.text


def test_a_different_thing_of_the_same_kind_does_not_answer(tmp_path, embedder):
    """The measures subsidise doctoral graduates; asked about master's graduates — a word the archive never writes,
    whose kin (博士) the passage names — the bot says it has no answer instead of giving the 博士 figure."""
    searcher = searcher_over(tmp_path, embedder, {
        "talent_measures_2025-04-02.txt":
            "县人才引进若干措施\n\n2025年4月2日\n\n第一条　为加快集聚各类人才，制定本措施。\n"
            "第二条　企业新引进全日制博士研究生的，按每人每年3万元给予生活补贴，最长补贴3年。\n"
            "第三条　企业新建省级技能大师工作室的，一次性奖励10万元。\n"})
    assert not searcher.search("企业引进硕士研究生每人补贴多少").answered
    assert "每人每年3万元" in top_result(searcher, "企业引进博士研究生每人补贴多少").passage.text


def test_an_everyday_word_is_no_contrast_with_its_kin(searcher):
    # "地方" (places) has a kin 中央 in 同义词词林 (地方 as against 中央): the passage naming 中央活力区 still answers
    assert "海曲印象文化广场" in top_result(searcher, "日照东港区考察了哪些地方").passage.text


def test_a_figure_said_in_a_lists_lead_in_is_answered(tmp_path, embedder):
    """"全区60岁以上老人有多少": the figure is said only in the sentence that leads into the meeting's 要 points."""
    searcher = searcher_over(tmp_path, embedder, {
        "committee_2025-03-12.txt":
            "周明主持召开区委常委会会议 研究养老服务体系建设\n\n发布时间：2025-03-13\n\n"
            "3月12日，区委书记周明主持召开区委常委会会议，听取城中村改造工作汇报，研究部署养老服务体系建设工作。\n"
            "会议要求，一是坚持规划先行，6月底前完成详细规划调整；二是坚持阳光征收，做到政策、标准、结果“三公开”。\n"
            "会议强调，全区60周岁以上老年人口已达9.3万人，养老服务供给必须跟上。要织密服务网络，年内实现街道综合养老服务"
            "中心全覆盖；要办好老年助餐，新增社区老年食堂20个；要壮大护理队伍，稳定一线护理人员。\n"})
    assert "9.3万人" in top_result(searcher, "全区60岁以上老人有多少").passage.text


def test_the_points_a_list_question_counts_come_before_the_meetings_opening(tmp_path, embedder):
    """"…要从哪四个方面入手": the secretary's sentence naming the four, not the opening that says there are four —
    nor the page's abstract repeating that opening (a portal's "摘要：…" cut off with an ellipsis)."""
    searcher = searcher_over(tmp_path, embedder, {
        "shiwan_2023-05-11.html":
            "<html><body><h1>石湾镇召开人居环境整治动员会</h1>"
            "<p>来源：石湾融媒　发布时间：2023-05-11 10:02</p>"
            "<p>摘要：5月10日，石湾镇召集镇班子成员、各村（社区）书记共50余人召开人居环境整治动员会。会议总结了去年"
            "整治成效，对今年工作从4个方面进行了安排部署。镇党委书记何立新要求，各村要把任务分解...</p>"
            "<p>5月10日，石湾镇召集镇班子成员、各村（社区）书记共50余人召开人居环境整治动员会。</p>"
            "<p>会议总结了去年整治成效，对今年工作从4个方面进行了安排部署。</p>"
            "<p>镇党委书记何立新要求，各村要把任务分解到户，从垃圾清运、污水治理、厕所改造、村容绿化等4个方面入手，"
            "确保年底前见到成效。</p><p>责任编辑：林可</p></body></html>"})
    answer = searcher.search("石湾镇人居环境整治要从哪四个方面入手？")
    assert answer.answered and "垃圾清运、污水治理" in answer.results[0].passage.text
    assert not any(r.passage.text.startswith("摘要") for r in answer.results)


def test_what_a_speaker_required_on_one_matter_is_the_point_that_holds_it(tmp_path, embedder):
    """"周明对园区建设提出了什么要求": his list is chosen by his name, and the matter asked about is none of its
    headlines — the one point that holds it answers first, the outline of all four after it."""
    searcher = searcher_over(tmp_path, embedder, {
        "econ_2025-02-10.txt":
            "全县经济工作会议召开\n\n发布时间：2025-02-10\n\n2月9日，全县经济工作会议召开。县委书记周明出席并讲话。\n"
            "周明强调，要稳中求进，全面完成全年目标任务。\n"
            "一要稳住工业基本盘，推动规上工业增加值增长8%；全力保障重点企业满产达产。\n"
            "二要扩大有效投资，全年实施重点项目120个；大抓园区扩容提质，新建标准厂房20万平方米；大抓招商引资，"
            "引进亿元以上项目30个。\n"
            "三要提升消费活力，办好年货节、汽车消费节等促消费活动。\n"
            "四要兜牢民生底线，新增城镇就业3000人以上。\n"})
    answer = searcher.search("周明对园区建设提出了什么要求")
    assert answer.answered and "大抓园区扩容提质" in answer.results[0].passage.text
    assert answer.results[1].passage.kind == "outline"
    whole = searcher.search("周明在经济工作会议上提出了哪些要求")  # no one matter: the outline
    assert whole.answered and whole.results[0].passage.kind == "outline"


def test_when_something_is_due_is_answered_by_the_time_named_not_by_an_ongoing_task(tmp_path, embedder):
    """"…什么时候完成": the meeting's "年底前完成" answers, not a plan's point on the same matter whose deadline is
    "长期坚持" — a deadline that names no time."""
    searcher = searcher_over(tmp_path, embedder, {
        "standing_2024-09-11.txt":
            "县政府召开第八次常务会议\n\n发布时间：2024-09-11\n\n9月10日，县长王军主持召开县政府第八次常务会议。\n"
            "会议研究了村级便民服务站规范化建设工作。会议强调，要对照统一标准，年底前完成全县120个村便民服务站规范化提升。"
            "要配齐工作人员，确保服务不断档。\n",
        "points_2024-05-06.txt":
            "县便民服务提升工作要点\n\n2024年5月6日\n\n"
            "1.推进村级便民服务站规范化。县政务服务中心要常态化开展便民服务站业务培训，推动服务规范化提升。"
            "（牵头单位：县政务服务中心；完成时限：长期坚持）\n"
            "2.推行帮办代办。各乡镇要在每个村明确1名帮办代办员。（牵头单位：各乡镇人民政府；完成时限：2024年6月底前）\n"})
    assert "年底前完成全县120个村" in top_result(searcher, "村级便民服务站规范化提升要在什么时候完成").passage.text


def test_a_deadline_asked_is_answered_by_the_deadline_not_by_a_status_date(tmp_path, embedder):
    """"…啥时候完工" asks when the work must be done: a briefing's "11月底前全面完成年度任务" answers, not its opening
    "截至9月30日，已完成改造131户" — a date, but of where the work stood."""
    searcher = searcher_over(tmp_path, embedder, {
        "brief_2024-10-12.txt":
            "县残联推进困难残疾人家庭无障碍改造\n\n2024年10月12日\n\n"
            "今年县残联把困难残疾人家庭无障碍改造列为民生实事，计划改造180户。截至9月30日，已完成改造131户，"
            "完成率72.8%，户均投入6200元。改造根据残疾类别和家庭需求，"
            "重点做卫生间坐便改造、加装扶手、地面防滑和闪光门铃等项目。\n"
            "推进中县残联坚持三条：一是坚持需求导向，会同各乡镇逐户上门评估，方案同本人和家属商量后再施工；二是坚持质量为先，"
            "请第三方机构抽查验收，合格率100%；三是坚持跟踪服务，完工后一个月内回访，教会大家正确使用。北岗村的王大姐说，"
            "现在自己就能洗澡了。\n"
            "下一步，县残联将加快剩余49户改造进度，11月底前全面完成年度任务，并开展回头看，发现问题及时整改。\n",
        "plan_2024-02-20.txt":
            "关于印发《加装电梯三年行动方案》的通知\n\n2024年2月20日\n\n"
            "（一）优化审批服务。\n"
            "1.县住建局负责设立加装电梯综合受理窗口，统一收件、一次告知。由县住建局牵头，县行政审批局配合，4月底前完成。\n"
            "2.编制技术导则。明确消防、结构和采光等要求。由县住建局牵头，县消防救援大队配合，6月底前完成。\n"})
    assert "11月底前全面完成年度任务" in top_result(searcher, "残疾人家庭无障碍改造啥时候完工").passage.text


def test_a_speechs_review_of_last_year_is_not_the_list_of_this_years_tasks(tmp_path, embedder):
    """A speech reviews the past year ("过去一年，…取得明显成效：一是…") before this year's tasks ("今年要重点抓好三件
    事"): "今年…要抓哪几件事" is the tasks, though the review's lead holds more of the question's words; "去年…取得了
    哪些成效" the review."""
    searcher = searcher_over(tmp_path, embedder, {
        "speech_2025-03-18.txt":
            "在全县农村饮水安全工作会议上的讲话\n\n副县长　邵明远\n\n（2025年3月18日）\n\n同志们：\n"
            "今天召开全县农村饮水安全工作会议，主要任务是总结去年工作、部署今年任务。\n下面，我讲两点意见。\n一、肯定成绩\n"
            "过去一年，全县农村饮水安全工作取得明显成效。一是供水保障更加稳定。二是水质监测更加严格。三是管护机制更加健全。\n"
            "二、明确任务\n今年要重点抓好三件事。一是推进规模化供水。二是更新老旧管网。三是落实水费收缴。\n"
            "同志们，农村饮水安全事关群众切身利益，大家要守土尽责。\n"})
    tasks = searcher.search("邵县长说今年农村饮水安全要抓哪几件事")
    assert tasks.answered and tasks.results[0].passage.text.startswith("今年要重点抓好三件事")
    review = searcher.search("邵县长说去年饮水安全取得了哪些成效")
    assert review.answered and review.results[0].passage.text.startswith("过去一年")


def test_the_meeting_a_question_names_picks_the_speech_given_there_and_its_outline(tmp_path, embedder):
    """"讲了几点" of the speech at the meeting named is its outline, though a section's lead holds the meeting's words;
    "在普法会议上讲的第二点意见" is the speech's second point, not the second point of a later 常委会 that discussed 普法."""
    searcher = searcher_over(tmp_path, embedder, {
        "speech_2024-03-15.txt":
            "在全县公共法律服务暨普法工作会议上的讲话\n\n韦正航\n\n（2024年3月15日）\n\n同志们：\n\n"
            "今天召开全县公共法律服务暨普法工作会议。下面，我讲三点意见。\n\n一、认清形势，把公共法律服务摆在更加突出的位置\n\n"
            "（一）这是回应群众期盼的需要。去年热线接听咨询1.9万人次。\n（二）这是护航县域发展的要求。\n\n"
            "二、突出重点，推动公共法律服务和普法工作提质增效\n\n（一）织密服务网络。\n（二）创新普法方式。\n\n"
            "三、压实责任，为法治建设提供坚强保障\n\n（一）落实第一责任人职责。\n（二）加强督查考核。\n\n"
            "同志们，希望大家把各项任务抓到位。\n",
        "committee_2025-01-14.txt":
            "县委常委会召开会议 研究部署法治建设工作\n\n1月14日，县委书记韦正航主持召开县委常委会会议。"
            "会议认为，2025年是普法收官之年。一要抓好普法总结验收。二要提升服务效能，县司法局要推进公共法律服务中心建设。"
            "三要压实法治建设第一责任人职责。\n"})
    outline = searcher.search("韦书记上次在公共法律服务会议上讲了几点")
    assert outline.answered and outline.results[0].passage.text.startswith("下面，我讲三点意见")
    second = searcher.search("韦书记在普法会议上讲的第二点意见是什么")
    assert second.answered and second.results[0].passage.text.startswith("二、突出重点")


def test_a_meeting_of_several_matters_answers_with_the_list_of_the_matter_asked(tmp_path, embedder):
    """A 常务会议 turns to one matter after another ("会议听取了…的汇报。会议指出…。会议要求：一是…"): the list of
    the matter asked about answers, though only the sentence before its lead names that matter and the meeting's
    next list (its units' tasks, no numbers) is as much the meeting's."""
    searcher = searcher_over(tmp_path, embedder, {
        "standing_2025-03-21.txt":
            "县政府召开第十二次常务会议\n\n发布时间：2025-03-21\n\n"
            "3月20日，县长李平主持召开县政府第十二次常务会议，研究春耕备耕、学校食堂管理等工作。\n"
            "会议听取了县农业农村局关于春耕准备工作情况的汇报。会议指出，今年全县粮食播种面积要稳定在52万亩以上。"
            "会议要求：一是抓好种子化肥调运。3月底前全部运送到村。二是做好农机具检修。组织农机手集中保养。"
            "三是做好防灾准备。备足抗旱排涝物资。\n"
            "会议审议通过了《县中小学食堂管理办法》。会议要求，县教育局要牵头落实校长陪餐制度，4月底前覆盖全部学校；"
            "县市场监管局要严格食材采购查验，每学期检查不少于2次；各学校要加强从业人员健康管理。\n"
            "会议还研究了其他事项。\n"})
    farming = searcher.search("第十二次常务会议对春耕准备提了哪几条要求")
    assert farming.answered and "抓好种子化肥调运" in farming.results[0].passage.text
    assert farming.results[0].passage.kind == "outline"  # the items asked for: the whole list, not one point


def test_a_time_asked_of_what_a_named_official_required_is_the_deadline_in_their_meeting(tmp_path, embedder):
    """"钱县长要求…细则啥时候正式印发" asks the deadline the county head set at his meeting ("6月底前正式印发"), not the
    day of that meeting, and not the notice or the press conference about the same 细则 that never name him."""
    searcher = searcher_over(tmp_path, embedder, {
        "standing_2024-04-02.txt":
            "钱立新主持召开县政府第九次常务会议\n\n发布时间：2024-04-03\n\n"
            "4月2日，县长钱立新主持召开县政府第九次常务会议，研究农机购置补贴实施细则正式印发、春季森林防火等工作。"
            "副县长孔维、蒋晓燕出席会议。\n"
            "会议审议了《县农机购置补贴实施细则（草案）》，原则同意修改完善后按程序印发。会议强调，要把政策落细落实，"
            "县农业农村局要对照会议意见逐条修改，6月底前正式印发，并同步制定操作指引；要管好用好资金，县财政局要设立"
            "补贴资金专户，实行专款专用；要把服务送上门，各乡镇要在便民服务中心设立农机服务岗。\n"
            "会议还研究了春季森林防火工作。\n",
        "notice_2024-07-05.txt":
            "县人民政府办公室关于印发《县农机购置补贴实施细则》的通知\n\n2024年7月5日\n\n"
            "各乡镇人民政府，县直各单位：《县农机购置补贴实施细则》已经县政府同意，现正式印发给你们，请认真遵照执行。\n"
            "第一条 为规范农机购置补贴资金管理，提高资金使用效益，制定本细则。\n"
            "第二条 补贴资金按“自主购机、定额补贴、先购后补”的方式兑付。\n"
            "第三条 农机购置补贴资金由县财政局设立专户管理，专款专用。\n"
            "第四条 农机购置补贴资金的申请，由购机农户向乡镇便民服务中心提出。\n"
            "第五条 农机购置补贴资金实行公示制度，公示期不少于7个工作日。\n"
            "第六条 骗取农机购置补贴资金的，追回资金并取消其三年内申请资格。\n"
            "第七条 本细则自印发之日起施行，由县农业农村局负责解释。\n",
        "speech_2024-02-20.txt":
            "在全县农业农村工作会议上的讲话\n\n县委书记　沈国平\n\n（2024年2月20日）\n\n同志们：\n"
            "下面，我讲两点意见。\n一、抓政策落地。县农业农村局要会同县财政局，抓紧起草农机购置补贴实施细则，把补贴标准、"
            "申请流程写细写实，3月底前提请县政府常务会议审议。\n"
            "二、抓资金保障。农机购置补贴资金要足额列入预算，今年安排不少于500万元，做到应补尽补。\n",
        "press_2024-07-20.txt":
            "县农机购置补贴政策新闻发布会实录\n\n发布时间：2024-07-20\n\n"
            "主持人：各位记者朋友，上午好！《县农机购置补贴实施细则》已于7月5日正式印发施行。今天请县农业农村局介绍细则的"
            "主要内容。\n县农业农村局局长：细则明确了补贴对象、补贴标准和申请流程，购机农户可到乡镇便民服务中心申请。\n"
            "记者：细则正式印发后，补贴资金多久能到账？\n县财政局副局长：补贴资金公示无异议后15个工作日内直接打到农户账户。\n"
            "记者：今年农机购置补贴资金安排了多少？\n县财政局副局长：今年县财政安排农机购置补贴资金500万元，细则印发后即可申请。\n"})
    assert "6月底前正式印发" in top_result(searcher, "钱县长要求农机购置补贴细则啥时候正式印发").passage.text


def test_a_report_of_the_archives_own_district_answers_though_it_never_names_it(tmp_path, embedder):
    """"2024年榕岙区春季植树造林计划新造林多少亩": the district's own meeting report says "全区", never "榕岙区"; the archive is of
    榕岙区 (its documents are issued by it), so the report answers — a neighbouring district would still be refused."""
    notice = ("榕岙区人民政府办公室关于{0}的通知\n\n2024年{1}月8日\n\n各街道办事处，区政府各部门：现就{0}有关事项通知如下。"
              "一、提高认识。二、落实责任，各街道要明确一名分管负责同志。三、加强督查。\n")
    searcher = searcher_over(tmp_path, embedder, {
        "n1.txt": notice.format("做好秋季学校安全工作", 9),
        "n2.txt": notice.format("开展城乡环境整治月活动", 4),
        "n3.txt": notice.format("加强夏季防汛值守", 6),
        "meeting_2024-03-12.txt":
            "全区春季植树造林推进会召开\n\n发布时间：2024-03-12\n\n3月12日，全区春季植树造林推进会召开。副区长蓝建明出席会议"
            "并讲话。会议明确，今年全区计划新造林1.2万亩，完成退化林修复0.8万亩。会议要求，一要抓好苗木调运，3月底前全部"
            "到位。二要落实管护责任，确保成活率达到90%以上。\n"})
    answer = searcher.search("2024年榕岙区春季植树造林计划新造林多少亩")
    assert answer.answered and "计划新造林1.2万亩" in answer.results[0].passage.text
    assert not searcher.search("2024年柏溪区春季植树造林计划新造林多少亩").answered


def test_a_list_named_inside_the_document_named_is_that_heading_s_points_not_the_outline(tmp_path, embedder):
    """"托育分工方案里重点任务有哪几条": the plan's title holds every word, so all its lists score alike; the words
    naming the document ("托育分工方案") point at the article, and the list whose own heading says "重点任务" is
    meant — not the outline of the plan's sections, whose lead says "方案"."""
    searcher = searcher_over(tmp_path, embedder, {
        "plan_2024-03-28.txt":
            "关于印发《桐溪县婴幼儿托育服务体系建设重点任务分工方案》的通知\n\n2024年3月28日\n\n"
            "为加快构建普惠可及的婴幼儿托育服务体系，结合我县实际，制定本方案。\n"
            "一、工作目标\n到2024年底，全县新增普惠托位600个，每个镇至少建成1个示范性托育服务机构。\n"
            "二、重点任务\n"
            "（一）扩大普惠托育服务供给。建成县托育综合服务中心，设置托位不少于150个。\n"
            "（二）推进社区嵌入式托育。新建住宅小区按每千人不少于10个托位的标准配建托育设施。\n"
            "（三）落实财政支持政策。对备案的普惠托育机构按实际收托人数给予运营补助。\n"
            "（四）加强综合监管。建立托育机构备案和质量评估制度，严禁违规收费。\n"
            "三、保障措施\n"
            "（一）加强组织领导。县卫健局牵头建立联席会议制度。\n"
            "（二）严格督查考核。将托育服务纳入乡镇年度考核。\n"})
    top = top_result(searcher, "托育分工方案里重点任务有哪几条").passage.text
    assert "（一）扩大普惠托育服务供给" in top and "（四）加强综合监管" in top, top


def test_an_article_numbered_as_asked_is_found_past_a_commentary_named_alike(tmp_path, embedder):
    """"招商引资项目奖励办法第七条咋规定的": the press conference on the 办法 carries its name in its title and words
    ("规定") of the question, and has no 第七条; the 办法 itself, a close runner-up, has it and answers."""
    from tests.conftest import searcher_over

    articles = "".join(f"第{n}条　{text}\n" for n, text in zip("一二三四五六七八", (
        "为加大招商引资力度，根据有关规定，制定本办法。", "本办法适用于新引进的工业和服务业项目。",
        "新引进项目固定资产投资达到1亿元的，按投资额的1%给予奖励。", "新落户的区域性总部，经认定后一次性奖励200万元。",
        "新引进企业年纳税首次超过1000万元的，奖励50万元。", "引荐人引进项目落地的，按实际到位资金的千分之一给予奖励。",
        "【租赁厂房补贴】租用标准厂房的新引进企业，前三年按实际租金的50%给予补贴，每家每年最高100万元。",
        "本办法自发布之日起施行，由区商务局负责解释。")))
    searcher = searcher_over(tmp_path, embedder, {
        "measures_2024-09-10.txt":
            "槐川区人民政府关于印发《槐川区招商引资项目奖励办法》的通知\n\n2024年9月10日\n\n" + articles,
        "press_2024-09-20.txt":
            "《槐川区招商引资项目奖励办法》政策解读新闻发布会实录\n\n2024年9月20日\n\n"
            "主持人：请区商务局负责同志介绍《办法》的主要规定。\n"
            "区商务局局长：《办法》的规定主要有三方面。一是奖励覆盖面更广，服务业项目也能享受；"
            "二是兑现流程更简，企业申报后30个工作日内拨付；三是对引荐人给予奖励，鼓励全民招商。\n"})
    assert "租赁厂房补贴" in top_result(searcher, "招商引资项目奖励办法第七条咋规定的").passage.text


def test_a_matter_named_by_a_coined_word_is_the_list_under_the_sentence_taking_it_up(tmp_path, embedder):
    """"常务会议对散乱污提了哪几条要求": jieba cuts the question's coined word apart (散乱|污提) and the matter's list is
    led by a sentence that never names it ("会议强调，…"); the sentence before it taking the matter up ("会议听取了…
    “散乱污”企业整治…的汇报") names it, so that list answers — not the meeting's first matter's."""
    searcher = searcher_over(tmp_path, embedder, {
        "standing_2024-05-09.txt":
            "县政府召开第二十次常务会议\n\n发布时间：2024-05-09\n\n"
            "5月8日，县长钟明主持召开县政府第二十次常务会议，研究夏粮收购、“散乱污”企业整治等工作。\n"
            "会议听取了县粮食局关于夏粮收购准备情况的汇报。会议指出，夏粮收购事关种粮农民切身利益，必须收得进、储得好。"
            "会议要求，要抓好仓容准备，县粮食局要在6月上旬前腾足仓容；要做好资金保障，县财政局要及早落实收购贷款；"
            "要强化市场监管，县市场监管局要严查压级压价。\n"
            "会议听取了县生态环境分局关于“散乱污”企业整治情况的汇报，研究部署下一阶段工作。会议强调，这项工作关系"
            "群众身边的空气和水，必须一抓到底。一是全面摸排建档，做到底数清楚。二是分类处置到位，关停取缔一批、"
            "整改提升一批。三是严防死灰复燃，建立动态巡查机制。\n"
            "会议还研究了其他事项。\n"})
    top = top_result(searcher, "县政府常务会议对散乱污提了哪几条要求").passage.text
    assert "全面摸排建档" in top and "严防死灰复燃" in top, top


def test_a_result_reported_at_a_meeting_is_the_figure_reached_not_the_target(tmp_path, embedder):
    """"推进会上通报的检验率是多少": the meeting reported what was reached ("检验率为52.3%"); the plan's target and the
    meeting's own call to reach more ("检验率达到85%以上") are no answer, though they are points on 检验 as the report
    is not."""
    searcher = searcher_over(tmp_path, embedder, {
        "plan_2024-04-12.txt":
            "县人民政府办公室关于印发2024年农机安全生产工作任务分工方案的通知\n\n2024年4月12日\n\n"
            "（一）开展变型拖拉机清理。由县农业农村局牵头，6月底前完成。\n"
            "（二）提高检验率和持证率。推行上门检、集中检、预约检，对偏远村组安排流动检验车巡回服务。由县农机发展中心牵头，"
            "10月底前检验率达到85%以上。\n"
            "（三）加强宣传教育。开展农机安全进村入户活动。\n",
        "meeting_2024-05-21.txt":
            "全县农机安全生产工作推进会召开\n\n发布时间：2024-05-21\n\n"
            "5月21日，全县农机安全生产工作推进会召开。副县长俞海平出席并讲话，县农业农村局局长通报前段工作情况。\n"
            "会议通报，今年以来，全县共清理整治变型拖拉机187台，占登记总数251台的74.5%；拖拉机、联合收割机检验率为52.3%，"
            "培训驾驶操作人员436人次；1至4月全县未发生农机安全死亡事故。但部分乡镇清理进度滞后，机库管理不规范。\n"
            "俞海平指出，夏收即将展开，农机作业量大，安全生产压力陡增，各地要把思想统一到县委、县政府的部署上来。\n"
            "第一，紧盯清理整治，守住源头关口。剩余变型拖拉机要在6月30日前全部清理到位。\n"
            "第二，紧盯检验培训，切实提高持证水平。县农机发展中心要组织流动检验车下乡进村，开展上门检、预约检，"
            "10月底前全县检验率达到85%以上。\n"
            "第三，紧盯夏收作业，保障机收安全。县农业农村局要在5月31日前完成联合收割机安全检查。\n"
            "第四，紧盯责任落实，推动监管到底。各乡镇要把农机安全纳入网格化管理。\n"
            "会议强调，农机安全事关群众生命财产安全，各地务必克服麻痹思想，抓细抓实各项措施。\n",
        "points_2024-03-01.txt":
            "2024年全县农机工作要点\n\n2024年3月1日\n\n"
            "1.抓好农机年度检验。拖拉机、联合收割机检验率达到85%以上。（牵头单位：县农机发展中心；完成时限：10月底前）\n"
            "2.抓好驾驶人培训。全年培训驾驶操作人员800人次以上。（牵头单位：县农机发展中心；完成时限：11月底前）\n"
            "3.抓好农机购置补贴。及时兑付补贴资金。（牵头单位：县农业农村局；完成时限：长期坚持）\n"})
    assert "检验率为52.3%" in top_result(searcher, "2024年农机推进会上通报的检验率是多少").passage.text


def test_a_point_asked_by_its_part_and_number_is_answered_when_asked_what_it_is(tmp_path, embedder):
    """"马县长动员会讲话第二部分第四条是啥" asks the point itself: its "是啥" asks no fact within it, so the point (found by
    its place) answers though few of the question's words are in it."""
    searcher = searcher_over(tmp_path, embedder, {
        "speech_2024-04-10.txt":
            "在全县城区生活垃圾分类工作动员部署会上的讲话\n\n马晓光\n\n（2024年4月10日）\n\n同志们：\n"
            "今天召开全县城区生活垃圾分类工作动员部署会。下面，我讲三点意见。\n"
            "一、提高认识\n（一）这是改善人居环境的需要。\n（二）这是提升治理水平的需要。\n"
            "二、突出重点\n（一）抓好前端投放。每300户设置1个投放点。\n（二）抓好中端收运。严禁混装混运。\n"
            "（三）抓好末端处理。建成厨余垃圾处理站。\n（四）抓好示范创建。年底前每个社区打造1个示范小区。\n"
            "三、强化保障\n（一）压实责任。\n（二）严格考核。\n谢谢大家！\n",
        "news_2024-06-12.txt":
            "常务副县长马晓光调研城区生活垃圾分类工作\n\n发布时间：2024-06-12\n\n"
            "6月12日，常务副县长马晓光到城关镇调研生活垃圾分类工作，要求加快补齐设施短板。\n"})
    assert "抓好示范创建" in top_result(searcher, "马县长动员会讲话第二部分第四条是啥").passage.text


def test_a_neighbouring_county_named_in_one_point_of_a_plan_does_not_make_the_plan_its_own(tmp_path, embedder):
    """"柘岭县森林防火检查卡点设了多少个": the archive's plan names 柘岭县 in one point (a joint drill with it) and gives its
    own county's checkpoints in another; that figure is not 柘岭县's. Asked of the archive's own county, it answers."""
    searcher = searcher_over(tmp_path, embedder, {
        "points_2024-03-01.txt":
            "獐溪县2024年森林防灭火工作要点\n\n2024年3月1日\n\n"
            "各乡镇人民政府，县直有关单位：现将《獐溪县2024年森林防灭火工作要点》印发给你们，请结合实际认真贯彻落实。\n"
            "1.严格火源管控。在重要进山路口设立防火检查卡点126个，防火期内实行24小时值守。（牵头单位：各乡镇人民政府）\n"
            "2.加强队伍建设。乡镇专业扑火队员不少于30人。（牵头单位：县应急管理局）\n"
            "3.开展实战演练。组织县乡两级扑火演练不少于2次，与柘岭县开展1次跨区域联合演练。（牵头单位：县应急管理局）\n",
        "n1.txt": "獐溪县人民政府办公室关于做好春季学校安全工作的通知\n\n2024年3月8日\n\n各乡镇：请加强校园安全排查。\n",
        "n2.txt": "獐溪县人民政府办公室关于开展环境整治月活动的通知\n\n2024年4月2日\n\n各乡镇：请开展环境整治。\n"})
    assert not searcher.search("柘岭县森林防火检查卡点设了多少个").answered
    assert "检查卡点126个" in top_result(searcher, "獐溪县森林防火检查卡点设了多少个").passage.text


def test_a_table_asked_for_is_the_tables_rows_not_the_outline_of_the_plan_attaching_it(tmp_path, embedder):
    """"村集体经济重点任务分工表里都有哪些任务": the plan's outline ("一、工作目标。二、任务分工。三、工作要求。") holds the title's
    words as well as the attached table; a table asked for is its rows."""
    searcher = searcher_over(tmp_path, embedder, {
        "plan_2025-03-10.txt":
            "关于印发《柏原县2025年发展壮大村级集体经济重点任务分工方案》的通知\n\n2025年3月10日\n\n"
            "各乡镇人民政府，县直有关单位：现将《柏原县2025年发展壮大村级集体经济重点任务分工方案》印发给你们，请认真抓好落实。\n"
            "柏原县2025年发展壮大村级集体经济重点任务分工方案\n"
            "一、工作目标。全年村级集体经济收入10万元以上的村占比达到60%。\n"
            "二、任务分工。各牵头单位要细化措施，按时限完成。\n"
            "三、工作要求。各乡镇每季度报送进展情况。\n"
            "附件：重点任务分工表\n"
            "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
            "1 | 建成“飞地抱团”产业项目4个 | 县农业农村局 | 各乡镇人民政府 | 2025年10月底前\n"
            "2 | 每个乡镇组建1家强村公司 | 各乡镇人民政府 | 县农业农村局 | 2025年6月底前\n"
            "3 | 下达村级集体经济扶持资金1600万元 | 县财政局 | 县农业农村局 | 2025年4月30日前\n"
            "4 | 村集体“三资”收支情况按月公开 | 县农业农村局 | 各乡镇人民政府 | 长期坚持\n"})
    top = top_result(searcher, "2025年村集体经济重点任务分工表里都有哪些任务").passage.text
    assert "飞地抱团" in top and "三资" in top, top


def test_a_period_asked_is_the_figures_months_and_its_year_the_report_dated_in_it(tmp_path, embedder):
    """"2024年港航建设1到4月完成投资多少": the May 2024 meeting reporting January to April, its year only in the page's
    publication line; not the May 2025 meeting of the same series."""
    page = ("全县内河港口航运建设推进会召开\n\n发布时间：{d}　　来源：县交通运输局\n\n"
            "{md}，全县内河港口航运建设推进会召开。县交通运输局通报全县港航建设进展情况。\n"
            "通报介绍，今年全县港航建设计划完成投资{plan}亿元，1—4月已完成投资{done}亿元。\n"
            "会议要求，各乡镇、各部门要倒排工期，确保全年任务按期完成。\n")
    searcher = searcher_over(tmp_path, embedder, {
        "port_2024.txt": page.format(d="2024-05-23", md="5月22日", plan="2.3", done="0.62"),
        "port_2025.txt": page.format(d="2025-05-21", md="5月20日", plan="2.9", done="0.95")})
    assert "0.62亿元" in top_result(searcher, "2024年港航建设1到4月完成投资多少").passage.text


def test_another_periods_figure_is_no_answer_and_a_count_spelled_out_is_one(tmp_path, embedder):
    """"1到8月预制菜园区新签了多少个项目": the meeting's 1—8月 figure, not the 简报's 1—7月 one the words match as well;
    "第十九次常务会议上说预制菜园区二季度签了多少项目", which that meeting answers only with 一季度's figure, is refused;
    "2024年推进会上通报全县排查出多少个四乱问题" is the count the 2024 report gives as "乱占、乱采、乱堆、乱建" — the
    2025 report, which writes "四乱", is another year's."""
    searcher = searcher_over(tmp_path, embedder, {
        "brief_2025-08-05.txt":
            "预制菜产业园工作简报（第7期）\n\n2025年8月5日\n\n"
            "【工作动态】园区1—7月招商成绩单出炉。今年1—7月，预制菜产业园新签约项目11个，协议总投资36.8亿元，"
            "其中10亿元以上项目1个。\n",
        "meeting_2025-04-18.txt":
            "韩立新主持召开县政府第十九次常务会议\n\n2025年4月18日\n\n"
            "4月18日上午，县长韩立新主持召开县政府第十九次常务会议，研究预制菜产业园建设等工作。\n"
            "会议听取了预制菜产业园建设情况汇报。一季度，园区新签约项目6个，协议投资23.5亿元，已开工3个。\n",
        "meeting_2025-09-10.txt":
            "县政府第二十三次常务会议召开\n\n2025年9月10日\n\n"
            "会议研究了预制菜产业园招商引资工作。今年1—8月，园区新签约项目13个，协议总投资41.2亿元，其中亿元以上项目7个，"
            "已开工项目8个。\n",
        "river_2024-06-12.txt":
            "全县河湖“清四乱”专项行动推进会召开\n\n2024年6月12日\n\n"
            "6月12日，全县河湖专项行动推进会召开。县水利局局长彭永康通报，今年2月专项行动启动以来，全县共排查出"
            "河湖“乱占、乱采、乱堆、乱建”问题186个，已完成整改152个。\n",
        "river_2025-06-10.txt":
            "全县河湖“清四乱”专项行动推进会召开\n\n2025年6月10日\n\n"
            "6月10日，全县河湖专项行动推进会召开。县水利局局长彭永康通报，今年3月新一轮排查启动以来，全县共排查出"
            "河湖“四乱”问题97个，已完成整改71个。\n"})
    assert "新签约项目13个" in top_result(searcher, "1到8月预制菜园区新签了多少个项目").passage.text
    assert not searcher.search("县政府第十九次常务会议上说预制菜园区二季度签了多少项目").answered
    assert "问题186个" in top_result(searcher, "2024年推进会上通报全县排查出多少个四乱问题").passage.text


def test_a_banks_product_its_lead_a_units_items_an_extreme_and_a_town_before_its_villages(tmp_path, embedder):
    """What 督查室 staff ask of a task table and a meeting series: "冷链贷是哪家单位牵头推出的" is the row its 牵头单位
    column gives to a bank (no 局 or 委, and no row says 单位); "任务分工表里商务局管哪几项" is the rows the 商务局
    leads, the table named before the bare unit; "…建设进度最慢的是哪个乡镇", of a report naming only the best town,
    is refused while "最快" is answered; "柘岭镇村集体…", a town the archive never names, is refused — not the
    county's figure."""
    searcher = searcher_over(tmp_path, embedder, {
        "tasks_2024-03-20.txt":
            "桐川县人民政府办公室关于印发《桐川县2024年农产品冷链物流建设任务分工方案》的通知\n\n2024年3月20日\n\n"
            "各乡镇人民政府，县政府各部门：\n现将任务分工方案印发给你们，请认真抓好落实。\n"
            "附件：桐川县2024年农产品冷链物流建设任务分工表\n"
            "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
            "1 | 建成县级农产品冷链集配中心一处 | 县商务局 | 县发改局 | 2024年9月30日前\n"
            "2 | 在重点产区新建产地冷藏保鲜设施30座 | 县农业农村局 | 各乡镇人民政府 | 10月底前\n"
            "3 | 开通县乡村三级冷链配送线路8条 | 县商务局 | 县交通运输局 | 2024年11月30日前\n"
            "4 | 推出冷链设施建设专属信贷产品“冷链贷” | 县农商银行 | 县财政局 | 6月底前\n"
            "5 | 制定冷链设施用电优惠办法 | 县发改局 | 县供电公司、县商务局 | 5月底前\n",
        "push_2024-05-16.txt":
            "全县冷链物流建设推进会召开\n\n2024年5月16日\n\n"
            "5月16日，全县冷链物流建设推进会召开。副县长邵明川出席会议并讲话，县商务局、县农业农村局、县财政局"
            "和各乡镇分管负责同志参加会议。\n\n"
            "会上，县商务局通报了冷链物流建设进展。截至5月15日，全县已开工产地冷库17座，其中梨园镇开工9座，"
            "进度位居全县第一；村集体参与建设冷库6座，带动村集体增收80万元。\n\n"
            "邵明川指出，冷链物流是农产品出村进城的关键环节，各乡镇要把冷库建设作为今年农业农村工作的重点，"
            "倒排工期、挂图作战，确保10月底前全部建成投用，县财政局要及时拨付建设补助资金。\n",
        "push_2025-05-20.txt":
            "全县冷链物流建设推进会召开\n\n2025年5月20日\n\n"
            "5月20日，全县冷链物流建设推进会召开。副县长邵明川出席会议并讲话，县商务局、县农业农村局、县财政局"
            "和各乡镇分管负责同志参加会议。\n\n"
            "会上，县商务局通报了冷链物流建设进展。去年全县建成产地冷库32座，冷链集配中心投入运营，"
            "全年冷链配送农产品1.6万吨。今年计划新建产地冷库24座，截至5月18日已开工11座。\n\n"
            "邵明川强调，要把冷链设施管好用好，防止建而不用，各乡镇要落实管护主体，县商务局要组织冷链运营培训，"
            "提高设施利用率，让农户真正得到实惠。\n",
    })
    assert top_result(searcher, "冷链贷是哪家单位牵头推出的").passage.text.startswith("4 | 推出冷链设施建设专属信贷产品")
    answer = searcher.search("任务分工表里商务局管哪几项")
    assert answer.answered and [r.passage.text[:2] for r in answer.results[:2]] == ["1 ", "3 "]
    assert not searcher.search("2024年冷链推进会上建设进度最慢的是哪个乡镇").answered
    assert "梨园镇开工9座" in top_result(searcher, "2024年冷链推进会上建设进度最快的是哪个乡镇").passage.text
    assert not searcher.search("柘岭镇村集体参与建设了多少座冷库").answered


def test_a_meeting_named_by_all_the_question_says_answers_its_figure_and_a_worst_it_never_names_is_refused(
        tmp_path, embedder):
    """"2025年危房改造推进会说今年要改多少户": every word of the question names the meeting (its title), so its report
    stating "今年纳入改造计划580户" answers — nothing is left for the passage to hold of its own; "开工率最低的是哪个乡镇",
    of a report naming only the town ranked first, is refused, and "最高" answered."""
    searcher = searcher_over(tmp_path, embedder, {
        "push_2024-05-21.txt":
            "全县农村危房改造工作推进会召开\n\n2024年5月21日\n\n"
            "5月21日，全县农村危房改造工作推进会在县行政中心召开。副县长邵明川出席会议并讲话，县住建局局长通报工作进展，"
            "各乡镇分管负责同志和县直相关部门负责同志参加会议。\n\n"
            "会议通报，截至5月20日，全县已完成疑似危房等级鉴定1120户，纳入今年改造计划680户，已开工215户，开工率31.6%。"
            "梨园镇推行村干部包户做法，开工率达到52%，位居全县第一。\n\n"
            "邵明川指出，农村危房改造是守住住房安全底线的民生工程，各乡镇要压实属地责任，对照年度任务倒排工期，"
            "确保10月底前全部竣工，县财政局要及时拨付补助资金，县住建局要加强技术指导和质量巡查。\n\n"
            "邵明川强调，要严格对象认定，坚持公开公示，杜绝优亲厚友，确保改造资金用在最需要的农户身上。\n",
        "push_2025-05-20.txt":
            "全县农村危房改造工作推进会召开\n\n2025年5月20日\n\n"
            "5月20日，全县农村危房改造工作推进会在县行政中心召开。副县长邵明川出席会议并讲话，县住建局局长通报工作进展，"
            "各乡镇分管负责同志和县直相关部门负责同志参加会议。\n\n"
            "会议通报，去年全县实际完成农村危房改造683户，补助资金全部发放到户。今年纳入改造计划580户，"
            "截至5月19日已开工326户，开工率56.2%。\n\n"
            "邵明川指出，今年是两年行动的收官之年，各乡镇要对照任务清单逐户销号，确保10月底前全部竣工，"
            "县住建局要组织第三方开展竣工验收，县审计局要对补助资金使用情况开展专项审计。\n\n"
            "邵明川强调，要巩固改造成果，建立农房安全常态化巡查机制，防止改后又危。\n",
    })
    assert "今年纳入改造计划580户" in top_result(searcher, "2025年危房改造推进会说今年要改多少户").passage.text
    assert not searcher.search("2024年危房改造推进会上开工率最低的是哪个乡镇").answered
    assert "位居全县第一" in top_result(searcher, "2024年危房改造推进会上开工率最高的是哪个乡镇").passage.text


def test_a_meeting_named_short_as_officials_do_is_the_meeting_its_title_names_in_full(tmp_path, embedder):
    """"程县长在粮食工作会上…": officials shorten "全县粮食生产与储备安全工作会议" to its kind and 工作会; the speech
    given there answers (it was refused: the name's kind and 会 had more than a few characters between them)."""
    searcher = searcher_over(tmp_path, embedder, {
        "grain_speech_2024-03-05.txt":
            "在全县粮食生产与储备安全工作会议上的讲话\n\n程晓岚\n\n（2024年3月5日）\n\n同志们：\n\n"
            "今天召开全县粮食生产与储备安全工作会议，总结去年工作，部署今年任务。下面，我讲三点意见。\n\n"
            "一、稳面积、提单产，守住粮食生产基本盘\n\n"
            "（一）抓好春播备耕。各乡镇要在3月底前把种子、化肥、农药调运到村，确保不误农时。\n\n"
            "（二）抓好高标准农田建设。今年新建高标准农田3万亩，由县农业农村局牵头，10月底前全部完工。\n\n"
            "二、强储备、优管理，确保储备粮数量真实质量良好\n\n"
            "（一）落实储备规模。县级储备粮规模保持在2.5万吨以上，不得擅自动用。\n\n"
            "（二）开展库存数量和质量大清查。县粮食和物资储备局会同县财政局，9月底前对全县承储库点逐仓开展清查，"
            "发现问题立即整改、限期销号。\n\n"
            "三、强保障、严考核，压实粮食安全责任\n\n"
            "（一）强化资金保障。县财政局要足额安排储备粮利息费用补贴，做到专款专用。\n\n"
            "（二）严格考核问责。把粮食安全责任制考核结果纳入乡镇年度综合考核。\n\n同志们，……谢谢大家！\n",
        "spring_2024-04-02.txt":
            "全县春耕生产现场会召开\n\n2024年4月2日\n\n"
            "4月2日，全县春耕生产现场会在柘塘镇召开。副县长程晓岚出席会议并讲话，要求各乡镇抢抓农时，"
            "做好农资供应和农技服务，确保春播面积稳定在28万亩以上。\n",
    })
    first = top_result(searcher, "程县长在粮食工作会上说库存大清查由哪个部门牵头").passage.text
    assert "县粮食和物资储备局会同" in first
    assert "二、强储备" in top_result(searcher, "程县长在粮食工作会议上讲的第二点意见是什么").passage.text


def test_a_most_asked_of_a_firm_is_the_most_said_of_that_money_not_a_rate_capped_elsewhere(tmp_path, embedder):
    """"设备更新补助一家企业一年最多能给多少": the 细则's "单个企业年度补助最高200万元" (a firm's rate written 单个企业)
    answers, not a 简报 item on shared workshops whose only "most" is a defect rate ("降到2%以内")."""
    searcher = searcher_over(tmp_path, embedder, {
        "fund_rules_2024-05-27.txt":
            "绫溪县纺织服装产业升级专项资金管理实施细则\n\n2024年5月27日\n\n"
            "第一条　为推动纺织服装产业升级，规范专项资金管理，制定本细则。\n\n"
            "第二条　专项资金由县财政每年安排3000万元，县经信局会同县财政局负责审核兑现。\n\n"
            "第三条　技术改造补助。企业实施智能化改造项目，按项目设备投资额的8%给予补助。\n\n"
            "第四条　设备更新补助。企业当年新购置生产设备投资额达到500万元以上的，按设备投资额的10%给予补助，"
            "单个企业年度补助最高200万元。\n\n"
            "第五条　首次升规奖励。对首次纳入规模以上统计的纺织服装企业，一次性奖励8万元。\n",
        "brief_2024-06-20.txt":
            "纺织服装产业升级工作简报（第6期）\n\n2024年6月20日\n\n"
            "【经验做法】桑园镇探索“共享工厂”模式，破解小微企业设备更新难题。镇政府牵头、村集体入股，"
            "建成共享印花和裁剪中心，统一购置设备，周边40多家家庭作坊按件计费使用，平均每家节省设备投入30万元以上，"
            "一家企业一年能少花不少钱，产品次品率从6%降到2%以内。\n",
    })
    first = top_result(searcher, "设备更新补助一家企业一年最多能给多少").passage.text
    assert "单个企业年度补助最高200万元" in first


def test_cheating_for_a_subsidy_asked_in_everyday_words_is_the_clause_on_fraud(tmp_path, embedder):
    """"骗了创业补贴的人以后还能再申请吗": bulletins write 骗取, 虚报, 冒领 and 弄虚作假 — the clause saying what befalls
    those who cheat answers, ahead of the clauses on applying."""
    searcher = searcher_over(tmp_path, embedder, {
        "startup_rules_2024-03-12.txt":
            "返乡入乡创业扶持办法\n\n2024年3月12日\n\n"
            "第一条　为鼓励返乡入乡人员创业，制定本办法。\n\n"
            "第五条　一次性创业补贴。首次创办小微企业并正常经营6个月以上的，给予一次性创业补贴1万元。\n\n"
            "第八条　申请程序。申请人向创业所在地镇便民服务中心提交申请，镇里初审、县人社局复核，"
            "公示无异议后30个工作日内拨付到位。申请人每年可申请一次。\n\n"
            "第十一条　以虚报、冒领等手段骗取扶持资金的，由县人社局会同县财政局追回资金，5年内取消其申报资格；"
            "构成犯罪的，依法追究刑事责任。\n",
        "press_2024-04-10.txt":
            "返乡入乡创业扶持政策新闻发布会实录\n\n2024年4月10日\n\n"
            "记者：创业补贴怎么申请，多长时间能到账？\n\n"
            "段伟：申请人到创业所在地的镇便民服务中心提交材料就行，镇里初审、县人社局复核，公示以后钱直接打到卡上，"
            "一般一个月以内就能到账。\n",
    })
    assert "5年内取消其申报资格" in top_result(searcher, "骗了创业补贴的人以后还能再申请吗").passage.text


def test_last_years_figure_is_the_one_reached_not_the_threshold_a_rule_sets(tmp_path, embedder):
    """"去年全县见习留用率是多少": the 简报's "留用率53.2%" (what was reached) answers, not the 细则's "留用率达到50%以上的
    见习单位…给予奖励" (a threshold for a reward)."""
    searcher = searcher_over(tmp_path, embedder, {
        "trainee_rules_2024-03-01.txt":
            "青年就业见习补贴实施细则\n\n2024年3月1日\n\n"
            "第七条　见习期间，县财政按每人每月1900元标准给予见习单位补贴。\n\n"
            "第九条　见习期满当年留用率达到50%以上的见习单位，按留用人数每人给予3000元一次性奖励。\n",
        "brief_2025-04-01.txt":
            "青年就业工作简报（第2期）\n\n2025年4月1日\n\n"
            "【工作动态】全县青年人才驿站运行平稳。截至3月25日，驿站累计接待入住青年412人次，提供岗位推荐1260余次，"
            "帮助186名青年实现就业。去年全县共有586名青年参加就业见习，期满留用312人，留用率53.2%。"
            "今年以来已募集见习岗位420个，其中专业技术类岗位占比34%。\n",
        "press_2024-06-20.txt":
            "青年就业见习新闻发布会实录\n\n2024年6月20日\n\n"
            "记者：今年全县计划提供多少见习岗位？\n\n"
            "程国栋：今年全县计划募集见习岗位600个以上，见习期满后用人单位可以择优留用，留用的青年越多，单位拿到的奖励越多。\n",
    })
    assert "留用率53.2%" in top_result(searcher, "去年全县见习留用率是多少").passage.text


def test_a_plans_list_asked_by_a_name_holding_chengxiang_is_the_whole_list(tmp_path, embedder):
    """"城乡污水治理任务分工方案的保障措施有哪几条": "城乡" is no unit (a town "城|乡") whose duties are asked, so the
    outline of the three measures comes first, not the one measure naming a lead unit."""
    searcher = searcher_over(tmp_path, embedder, {
        "sewage_plan_2024-04-15.txt":
            "绫溪县城乡生活污水治理三年攻坚行动任务分工方案\n\n2024年4月15日\n\n"
            "为补齐城乡生活污水收集处理短板，制定本方案。\n\n"
            "一、工作目标\n\n到2026年底，全县农村生活污水治理率达到80%以上。\n\n"
            "二、重点任务\n\n（一）完成县城老城区雨污分流改造18公里。\n\n（二）当年完成24个村庄生活污水治理。\n\n"
            "三、保障措施\n\n"
            "（一）加强组织领导。县城乡生活污水治理工作领导小组统筹推进，领导小组办公室设在县住建局，负责日常调度。\n\n"
            "（二）强化资金保障。县财政局要统筹县级配套资金，积极争取上级资金和专项债券。\n\n"
            "（三）严格考核问责。将污水治理纳入乡镇和部门年度综合考核，对工作滞后的予以通报。\n",
    })
    first = top_result(searcher, "城乡污水治理任务分工方案的保障措施有哪几条").passage
    assert first.kind == "outline" and "（三）严格考核问责" in first.text


def test_the_archives_own_county_named_is_not_answered_by_a_document_another_county_issued(tmp_path, embedder):
    """An archive of 岫宁县 holding a neighbour's rules too: "岫宁加装一台电梯补多少钱" is answered by 岫宁's 办法 (15万元),
    not by 崇丰县's 细则 (12万元), though the question's county need not be written in its own documents."""
    searcher = searcher_over(tmp_path, embedder, {
        "xn_elevator_2024-05-08.txt":
            "岫宁县人民政府关于印发《岫宁县既有住宅加装电梯财政补助办法》的通知\n\n2024年5月8日\n\n"
            "第一条 为改善老旧小区居住条件，制定本办法。\n第二条 本办法适用于城区既有住宅。\n"
            "第三条 加装电梯须经本单元业主表决同意。\n第四条 加装电梯项目按每台15万元的标准给予补助。\n",
        "xn_water_2024-03-02.txt":
            "岫宁县人民政府办公室关于印发城区供水管网改造方案的通知\n\n2024年3月2日\n\n"
            "一、改造老旧供水管网40公里。\n二、新建加压泵站2座。\n三、年底前完成全部改造。\n",
        "xn_roads_2024-04-10.txt":
            "岫宁县人民政府办公室关于做好农村公路养护工作的通知\n\n2024年4月10日\n\n"
            "一、落实养护资金。\n二、健全管护队伍。\n三、加强考核。\n",
        "cf_elevator_2024-08-06.txt":
            "崇丰县人民政府办公室关于印发《崇丰县既有住宅加装电梯补助实施细则》的通知\n\n2024年8月6日\n\n"
            "一、适用范围。城区2000年以前建成的多层住宅。\n二、补助标准。每台电梯补助12万元，补助金额不超过工程造价的35%。\n"
            "三、申请程序。由业主代表向街道提出申请。\n"})
    top = top_result(searcher, "岫宁加装一台电梯县里补多少钱").passage.text
    assert "15万元" in top, top


def test_what_stands_now_a_mean_for_a_rate_and_a_village_no_bulletin_names(tmp_path, embedder):
    """"配送中心现在一天能处理多少包裹" is the figure reached (told in a long news story), not the plan's target;
    "一亩竹林能收多少钱" is answered by "亩均收益…860元"; a village no bulletin names is refused, however well the rest
    of the question matches ("沙洲村的村级代办点配了几个代办员")."""
    searcher = searcher_over(tmp_path, embedder, {
        "points_2025-02-18.txt":
            "2025年全县物流工作要点\n\n2025年2月18日\n\n"
            "1.推动县级物流配送中心满负荷运营。整合快递、商超、农资配送资源，实现统仓共配，县级物流配送中心日均处理"
            "包裹量达到3万件。（牵头单位：县商务局；完成时限：2025年12月底前）\n"
            "2.完善村级寄递服务点。每个建制村至少建成1个服务点。（牵头单位：县交通运输局；完成时限：2025年9月底前）\n"
            "3.做实帮办代办。各乡镇要为每个村级代办点至少配备1名专职代办员。（牵头单位：各乡镇人民政府；完成时限：长期坚持）\n",
        "news_2025-07-22.txt":
            "竹乡快递进村来　鲜笋竹器出山快\n\n2025年7月22日\n\n"
            "7月21日，在石笋镇的寄递物流综合服务点，几名工作人员正忙着把一箱箱竹编果篮、笋干打包装车。这个服务点每天"
            "发出的竹制品订单有300多单，旺季时一天要发七八百单。在县级物流配送中心，智能分拣线正在高速运转。据介绍，中心"
            "去年12月试运营以来，日均处理包裹2.6万件，统仓共配使快递进村单件成本由1.2元降至0.6元，县内当日达比例提高到"
            "92%。中心还为本地农产品开辟了绿色通道，今年以来帮助发出竹笋、竹制品等农产品包裹80多万件。\n",
        "brief_2025-04-15.txt":
            "竹产业工作简报（第3期）\n\n2025年4月15日\n\n"
            "【经验做法】石笋镇上箐村推行竹林托管。过去近四成竹山无人打理，村股份经济合作社组建托管服务队，统一劈山、"
            "施肥和采伐，收益按保底加分红分配。目前已托管竹林3200亩，竹林亩均收益由原来的不足400元提高到860元。\n"})
    assert "2.6万件" in top_result(searcher, "县级物流配送中心现在一天能处理多少包裹").passage.text
    assert "860元" in top_result(searcher, "上箐村竹林托管以后，一亩竹林能收多少钱").passage.text
    assert not searcher.search("沙洲村的村级代办点配了几个代办员").answered


def test_a_list_is_answered_only_as_the_question_names_it(tmp_path, embedder):
    """A list asked of someone who gave none there, or by a quoted name no meeting used, is refused, though the meeting
    and its points are near; asked as said, by its printed marker, it is answered."""
    from bot.render import console_text

    searcher = searcher_over(tmp_path, embedder, {
        "roads_2025-06-10.txt":
            "全县乡村公路养护推进会召开\n\n2025年6月10日\n\n"
            "县交通运输局局长薛国平通报了上半年养护情况，全县整治病害路段120公里。副县长贾振宇强调，一要抓路长履职，"
            "压实县乡村三级责任；二要抓病害整治，9月底前完成县道修复；三要抓安全防护，汛前完成临水临崖路段护栏安装。\n",
        "committee_2025-07-02.txt":
            "骆振邦主持召开县委常委会会议\n\n2025年7月2日\n\n"
            "会议研究了污水管网整治工作。骆振邦强调，要做到“三个到位”：一要排查到位，逐段建立台账；二要整改到位，"
            "年底前完成修复；三要监管到位，建立长效巡查机制。\n"})
    said = searcher.search("贾县长在公路养护推进会上提了哪几点要求")
    assert said.answered and "一要抓路长履职" in said.results[0].passage.text
    for question in ("薛局长在公路养护推进会上提了哪几点要求", "薛国平在推进会上讲的第二点是啥"):
        answer = searcher.search(question)
        assert not answer.answered and "薛国平" in console_text(answer), question
    assert _first_text(searcher, "骆书记讲管网要三个到位，二要是啥").startswith("二要整改到位")
    assert searcher.search("县委常委会上提的“三个到位”是哪三个").answered
    assert not searcher.search("推进会上提的“四个一批”是哪几个").answered


def _first_text(searcher, question: str) -> str:
    answer = searcher.search(question)
    return answer.results[0].passage.text if answer.answered else ""



@pytest.fixture(scope="module")
def hongchuan(tmp_path_factory, embedder):
    """A helper's archive (eval/apart/fresh122): a plan's notice as a narrow PDF column, a 简报 whose masthead is spaced
    letter by letter, a press conference on a 办法, two years of one 推进会, a WeChat post of a 县长's river patrol."""
    from bot.config import load_config
    from bot.ingest import sync
    from bot.search import Searcher
    from tests.conftest import ROOT, make_config

    files = sorted((ROOT / "eval/apart/fresh122/corpus").iterdir())
    config = load_config(make_config(tmp_path_factory.mktemp("hongchuan"), files))
    sync(config, embedder)
    return Searcher(config, embedder)


def _first_text(searcher, question: str) -> str:
    answer = searcher.search(question)
    assert answer.answered, question
    return answer.results[0].passage.text


def test_a_plan_wrapped_in_a_narrow_pdf_column_is_found_by_the_kind_its_title_names(hongchuan):
    # (its title, above the 文号 on no heading, was cut to its first 30 characters: "方案" was no longer in it)
    assert _first_text(hongchuan, "三年行动方案里“建强原料基地”下面第2条是啥？").startswith("2.完善质量追溯")


def test_a_brief_named_by_its_spaced_masthead_answers_with_its_list_whole(hongchuan):
    text = _first_text(hongchuan, "预制菜工作简报里说下步要抓哪几项工作？")
    assert "一是抓项目攻坚" in text and "四是抓品牌推广" in text


def test_a_number_of_years_asked_is_answered_by_the_passage_counting_years(hongchuan):
    assert "最长贴两年" in _first_text(hongchuan, "预制菜企业的贷款贴息最长能贴几年？")


def test_the_year_before_is_the_meetings_last_year_not_words_its_report_must_write(hongchuan):
    assert "累计巡河2.6万人次" in _first_text(hongchuan, "2025年河湖长制推进会上说，上一年各级河湖长一共巡河多少人次？")


def test_a_post_addressed_after_a_verb_of_company_names_no_county(hongchuan):
    # ("洪局长陪县长" once named a county "琴陪县" no bulletin has, and the list was refused)
    text = _first_text(hongchuan, "洪局长陪县长巡河时介绍，今年河湖管护主要抓了哪几件事？")
    assert "一是抓巡河履职" in text and "三是抓幸福河湖" in text


def test_now_said_of_the_whole_county_is_no_person_named(lichuan):
    # ("全县现在…" once named a person "全县现", and the figure's passage was refused for not naming them)
    assert "保有量已超过16.8万辆" in _first_text(lichuan, "全县现在电动自行车大概有多少辆？")


def test_a_share_asked_in_everyday_words_is_answered_where_the_bulletin_writes_it_otherwise(lichuan):
    # "老师" is written 教师; "别的" is a pronoun, no word a passage must hold (the plan's rule was refused for want of
    # the question's own words)
    assert "不低于符合条件教师总数的10%" in _first_text(lichuan, "老师去别的学校轮岗，每年得轮出去多大比例？")


def test_a_bulletins_plan_asked_as_a_whole_a_collective_said_with_each_and_a_speech_named_before_its_point(
        tmp_path, embedder):
    """How officials point at a document: "第5期厨房简报下步安排要干些啥" asks the issue's plan of work as a whole (not
    one of its points, nor a notice's section on funds); "每个乡镇" is the 各乡镇 a task table's row gives the work to;
    "温县长厨房改造会讲话，第三点意见讲的啥" is the speech's third heading, not the third of his later inspection's list."""
    plan = ("一是{a}，由县住建局牵头、各乡镇配合，{d}前完成。二是{b}，由县妇联牵头，年底前组织培训2场。"
            "三是{c}，由县农业农村局牵头，年底前形成经验材料。\n")
    searcher = searcher_over(tmp_path, embedder, {
        "brief04.txt": "农村厨房改造工作简报\n\n第4期\n\n县农村厨房改造工作专班　　2024年9月10日\n\n"
                       "【工作动态】截至9月5日，全县完成厨房改造1260户，占年度任务的70%。\n\n【下步安排】下一步，专班将重点抓好三项工作。"
                       + plan.format(a="加快施工进度", b="开展用火安全培训", c="总结推广做法", d="10月底"),
        "brief05.txt": "农村厨房改造工作简报\n\n第5期\n\n县农村厨房改造工作专班　　2024年11月20日\n\n"
                       "【工作动态】截至11月15日，全县完成厨房改造1800户，年度任务全面完成。\n\n【下步安排】下一步，专班将重点抓好三项工作。"
                       + plan.format(a="组织竣工验收", b="开展烟道清理培训", c="谋划明年任务", d="12月20日"),
        "notice_2024-03-01.txt":
            "桂川县人民政府办公室关于印发《桂川县农村厨房改造行动任务分工方案》的通知\n\n2024年3月1日\n\n"
            "各乡镇人民政府，县政府各部门：现将任务分工方案印发给你们，请认真抓好落实。\n"
            "一、资金安排\n（一）统筹安排专项资金。县财政每年安排厨房改造专项资金500万元。\n（二）鼓励社会投入。\n"
            "附件：任务分工表\n序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
            "1 | 制定厨房改造技术导则 | 县住建局 | 县农业农村局 | 2024年4月30日前\n"
            "2 | 在各乡镇建设厨房改造样板间 | 各乡镇人民政府 | 县住建局 | 2024年6月30日前\n"
            "3 | 开展改造户满意度回访 | 县农业农村局 | 县统计局 | 2024年12月31日前\n",
        "speech_2024-04-18.txt":
            "在全县农村厨房改造工作会议上的讲话\n\n温立新\n\n（2024年4月18日）\n\n同志们：\n下面，我讲几点意见。\n"
            "一、把认识统一得更到位一些\n厨房改造是群众天天受益的民生实事，各乡镇要把它摆上重要议程。\n"
            "二、把工作推进得更扎实一些\n县住建局要在5月底前完成技术培训，各乡镇要在6月底前建成样板间。\n"
            "三、把责任压得更紧一些\n县委督查室要每月通报进度，对排名靠后的乡镇约谈主要负责人。\n谢谢大家。\n",
        "check_2025-07-21.txt":
            "温立新带队检查农村厨房改造工作\n\n2025年7月21日\n\n"
            "7月21日，副县长温立新带队检查农村厨房改造工作。温立新指出，当前改造进入攻坚期，要抓好三件事：一是加快收尾，"
            "未完工的改造户要在8月底前全部完工；二是严把质量，烟道和灶台要逐户检查；三是加强宣传，引导群众用好新厨房。\n",
    })
    answer = searcher.search("第5期厨房简报下步安排要干些啥？")
    assert answer.answered and "组织竣工验收" in answer.results[0].passage.text
    assert "谋划明年任务" in answer.results[0].passage.text and "加快施工进度" not in answer.results[0].passage.text
    assert top_result(searcher, "每个乡镇都要建样板间，任务分工里定的是啥时候弄完？").passage.text.startswith("2 | 在各乡镇")
    assert "三、把责任压得更紧一些" in top_result(searcher, "温县长厨房改造会讲话，第三点意见讲的啥？").passage.text
