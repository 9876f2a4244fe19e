"""What a question names that the answer must hold: the place its documents come from, the measure of an amount."""

from bot.intent import title_places
from bot.kinds.amount import measure_asked, states_figure
from tests.conftest import searcher_over, top_result


def test_places_are_read_from_the_head_of_titles_whole():
    assert title_places("嵘州市澜湾区人民政府关于印发支持先进制造业发展若干措施的通知") == ["嵘州市", "澜湾区"]
    assert title_places("中共杏坪镇委员会办公室关于开展人居环境整治的通知") == ["杏坪镇"]
    assert title_places("澧县城头山镇召开乡村振兴推进会") == ["澧县", "城头山镇"]
    assert title_places("在全县经济工作会议上的讲话") == []
    assert title_places("老旧小区改造工作方案") == []


def test_an_amount_of_money_needs_a_sum_and_a_count_its_measure():
    assert measure_asked("企业服务驿站的运营经费是多少") == "元"
    assert measure_asked("地质灾害隐患点有多少处") == "处"
    assert measure_asked("地区生产总值增长多少") is None
    assert not states_figure("10.设立企业服务驿站，三季度末前建成投用。", "元")
    assert states_figure("对新认定的企业奖励100万元。", "元")
    assert states_figure("对全县137处隐患点实行一点一策。", "处")
    assert not states_figure("镇应急站要储备沙袋5000条。", "元")
    assert states_figure("改造方案须经小区三分之二以上居民同意", None)  # a share is an amount
    assert not states_figure("要充分尊重居民意愿", None)
    # a day, a month or a year says when, not how much
    assert not states_figure("3月12日，区委书记周继恒主持召开区委常委会会议", None)
    assert states_figure("全区60周岁以上老年人口已达9.3万人", None)
    # a sum said aloud in 万 after what is paid ("一年最多补40万", a press conference's words); not a count in 万
    assert states_figure("一个主体一年最多补40万；新建的收储点另补", "元")
    assert not states_figure("全县补种面积5万亩", "元") and not states_figure("惠及群众40万人", "元")


def test_a_count_of_years_asked_needs_a_number_of_years_not_a_date():
    from bot.intent import parse_intent

    assert parse_intent("预制菜企业的贷款贴息最长能贴几年？").asks_amount
    assert not parse_intent("近几年全县建了哪些项目").asks_amount and not parse_intent("几年级的学生能报名").asks_amount
    assert measure_asked("贷款贴息最长能贴几年") == "年"
    assert states_figure("政府贴一半，最长贴两年。", "年") and states_figure("贴息期限不超过2年", "年")
    assert not states_figure("2024年推出“预制菜贷”，企业综合融资成本下降约1.2个百分点。", "年")


def test_a_total_asked_prefers_a_passage_stating_a_total():
    from bot.intent import parse_intent
    from bot.kinds import amount

    question = "望江路农贸市场提升改造总共投资多少"
    ask = amount.asks(question, parse_intent(question))
    assert amount.prefers(ask, None, "三、关于资金保障。项目总投资860万元，其中申请上级补助资金300万元。")
    assert not amount.prefers(ask, None, "一、关于改造工期。改造工程于4月20日开工，由区商务局牵头。")
    assert not amount.prefers(ask, None, "对新设摊位每个补助2000元。")  # a figure, no total
    question = "每个摊位补助多少钱"  # no total asked: no passage preferred for its figures
    assert not amount.prefers(amount.asks(question, parse_intent(question)), None, "项目总投资860万元。")
    # what was spent is a total too: a rate stated per household is no answer to "改造花了多少钱"
    question = "县创业孵化园改造花了多少钱"
    ask = amount.asks(question, parse_intent(question))
    assert not amount.holds(ask, None, "入驻县创业孵化园的，每户每年最高补贴1.5万元。", {}, 0.0)
    assert amount.holds(ask, None, "县创业孵化园由旧厂房改造而成，共投入资金420万元。", {}, 0.0)


def test_a_result_reported_prefers_a_figure_told_as_reached_not_a_target():
    """"推进会上通报的检验率是多少" asks what was reached ("检验率为52.3%"), not the target the plan set ("10月底前
    检验率达到85%以上", "确保全年…达到88%以上的目标"); a question asking no result prefers neither."""
    from bot.intent import parse_intent
    from bot.kinds import amount

    question = "2024年农机推进会上通报的检验率是多少"
    ask = amount.asks(question, parse_intent(question))
    assert amount.prefers(ask, None, "会议通报，今年以来，全县共清理变型拖拉机187台；拖拉机检验率为52.3%，培训驾驶人员436人次。")
    assert not amount.prefers(ask, None, "县农机中心要组织流动检验车下乡，10月底前全县检验率达到85%以上。")
    assert not amount.prefers(ask, None, "会议要求，确保全年检验率达到88%以上的目标。")
    plain = "农机检验率是多少"
    assert not amount.prefers(amount.asks(plain, parse_intent(plain)), None, "拖拉机检验率为52.3%。")


def test_what_stands_now_or_was_done_in_a_year_prefers_a_figure_told_as_reached():
    """"现在一天能处理多少包裹", "2024年新建了多少处…" ask a result: a plan's figures are its targets (a 工作要点's "日均处理
    包裹量达到3万件", a 方案's 总体目标) unless it says what stands ("目前已建成"); a deed done asked of no time ("一共整合了
    多少资金") asks what the plan sets; a target exceeded ("超额完成年度目标") is a result told."""
    from bot.intent import parse_intent
    from bot.kinds import amount
    from bot.records import Passage

    def passage(title: str) -> Passage:
        return Passage(passage_id="a#1", article_id="a", kind="text", position=0, text="", title=title, date=None,
                       date_text="", source="a.txt")

    plan, news = passage("2025年全县物流工作要点"), passage("县级物流配送中心试运营见闻")
    question = "县级物流配送中心现在一天能处理多少包裹"
    ask = amount.asks(question, parse_intent(question))
    assert amount.prefers(ask, news, "中心去年12月试运营以来，日均处理包裹2.6万件，快递进村单件成本降了一半。")
    assert not amount.prefers(ask, plan, "4.推动县级物流配送中心满负荷运营。整合快递资源，日均处理包裹量达到3万件。")
    assert amount.prefers(ask, plan, "目前，县级物流配送中心已建成投用，日均处理包裹1.8万件。")
    question = "2024年全县新建改建了多少处健身场地"
    ask = amount.asks(question, parse_intent(question))
    fitness_plan = passage("全民健身设施补短板三年行动方案")
    assert not amount.prefers(ask, fitness_plan, "一、总体目标 2024年至2026年，全县新建改建健身场地90处；到2026年底，人均"
                                                 "场地面积达到2.6平方米。")
    assert amount.prefers(ask, news, "2024年，全县新建改建健身场地37处，超额完成年度目标；群众满意度达到96%。")
    question = "粪污整县推进一共整合了多少资金"
    assert not amount.asks(question, parse_intent(question)).reached


def test_a_total_asked_by_its_name_is_best_where_that_name_gives_its_figure():
    """"老旧小区改造总投资多少钱": "总投资约1.86亿元" before a report of what was spent ("累计完成投资1.21亿元，占总投资的
    65.1%"); a subsidy of a share of the investment ("按实际投资额的30%补助，最高100万元") gives no total."""
    from bot.intent import parse_intent
    from bot.kinds import amount

    question = "2024年老旧小区改造总投资多少钱"
    ask = amount.asks(question, parse_intent(question))
    planned = "今年全县计划改造城镇老旧小区28个，涉及居民3460户，总投资约1.86亿元。"
    spent = "截至10月25日，28个小区已全部开工，累计完成投资1.21亿元，占总投资的65.1%。"
    assert amount.prefers(ask, None, planned) > amount.prefers(ask, None, spent) > 0
    question = "返乡创业孵化基地总面积多大"
    ask = amount.asks(question, parse_intent(question))
    assert amount.prefers(ask, None, "孵化基地由闲置厂房改造，总面积1.1万平方米，入驻项目26个。")
    assert not amount.prefers(ask, None, "基地要完善全链条服务，明年底前出孵企业不少于15家。")
    subsidy = "对建成运营的县级物流分拨中心，按实际投资额的30%给予一次性补助，最高不超过100万元。"
    question = "县级物流分拨中心总投资多少钱"
    assert not amount.holds(amount.asks(question, parse_intent(question)), None, subsidy, {}, 0.0)
    assert amount.holds(amount.asks(question, parse_intent(question)), None, "分拨中心项目计划投资1200万元。", {}, 0.0)


def test_the_most_asked_needs_a_most_stated_and_funds_asked_need_funds_stated():
    from bot.intent import parse_intent
    from bot.kinds import amount

    def answers(question: str, text: str) -> bool:
        return amount.holds(amount.asks(question, parse_intent(question)), None, text, {}, 0.0)

    # "单户…最高": a most per firm; a running total over all firms is no answer
    assert not answers("“禾企贷”单户企业最高能贷多少钱", "“禾企贷”累计为312家企业发放贷款9.8亿元。")
    assert answers("“禾企贷”单户企业最高能贷多少钱", "“禾企贷”单户最高放贷500万元。")
    # funds set aside: a report's other sums (账款) do not say them
    assert not answers("常务会议给森林防火安排了多少经费", "会议研究清理拖欠民营企业账款1.2亿元、秋冬季森林防火等工作。")
    assert answers("常务会议给森林防火安排了多少经费", "县财政安排森林防火专项经费300万元。")
    # a proportion asked needs a share stated: the loan's sums are no 贴息比例
    assert not answers("小微企业担保贷款贴息比例是多少", "个人可申请最高20万元的担保贷款，期限最长3年。")
    assert answers("小微企业担保贷款贴息比例是多少", "对符合条件的担保贷款，财政按贷款利息的50%给予贴息。")
    assert answers("在园区外租场地，租金补的比例是多少", "在园区外租用场地的，租金补一半。")


def test_a_count_of_a_thing_needs_that_thing_and_a_fine_is_money():
    from bot.kinds.amount import asks, holds
    from bot.question import Intent
    from bot.records import Passage

    def answers(question: str, text: str) -> bool:
        ask = asks(question, Intent(kind="plain", asks_amount=True))
        passage = Passage(passage_id="a:001", article_id="a", kind="point", position=1, text=text, title="",
                          date=None, date_text=None, source="a.txt")
        return holds(ask, passage, text, {}, 0.0)

    # "两个农贸市场" counts markets, not stalls; a stall count does
    assert not answers("市场改造后一共有多少个摊位", "完成城东、城西两个农贸市场提升改造。")
    assert answers("市场改造后一共有多少个摊位", "改造后市场设固定摊位120个。")
    assert measure_asked("飞线充电罚款标准是多少") == "元"
    assert not answers("飞线充电罚款标准是多少", "新增电动自行车充电端口5000个。")
    # a sum asked is not answered by a rate; a rate asked is
    assert not answers("全县一年发放的耕地保护补偿资金总额是多少", "永久基本农田每亩每年40元，一般耕地每亩每年20元。")
    assert not answers("农贸市场改造一共投资多少", "摊位租金按每月300元/个收取。")
    assert answers("农贸市场改造一共投资多少", "项目总投资860万元，其中区财政安排500万元。")
    assert answers("每亩补偿多少钱", "永久基本农田每亩每年40元。")
    # 个 counts anything: "上线事项不少于300项" answers "上线多少个事项"
    assert answers("小程序要上线多少个事项", "“便民通”小程序上线事项不少于300项。")


def test_a_meeting_named_formally_is_read_by_its_kind_informal_names_are_not():
    from bot.intent import named_meetings

    assert named_meetings("冯志远在全区农村工作会议上讲了哪几点意见") == ("农村",)
    assert named_meetings("青石县经济工作会议上陶春林讲了什么") == ("经济",)
    assert named_meetings("2024年开年大会上安排了多少个项目") == ()  # reports say it in other words
    assert named_meetings("第二次调度会上周永年强调的第三点") == ()
    assert named_meetings("8月份的生态环保推进会对白鹭溪有什么要求") == ()  # the report: 生态环境保护推进会


def _pinned(question: str, words: tuple[str, ...], article: str) -> bool:
    """Whether an article (its one passage) holds what the question pins down (people, meetings, figures, dates)."""
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    req = requirements(parse_intent(question), dict.fromkeys(words, 1.0), (), (), question, set(words))
    return check(req, article, article, None, None).pinned


def test_a_meeting_named_is_not_pinned_by_another_meeting_that_discussed_its_topic():
    q = "陈书记在全县森林防火工作会议上讲了哪几点意见"
    assert not _pinned(q, ("森林", "防火"), "县委常委会会议。会议研究了春季森林防火工作。会议强调，要严格落实各级林长责任。")
    assert _pinned(q, ("森林", "防火"), "全县森林防火工作会议召开。会议强调，要严格落实各级林长责任。")


def test_a_meeting_named_is_not_pinned_by_the_society_or_a_unit_working_with_another():
    # "全社会" and "会同" hold 会 but name no meeting: a 常务会议 touching veterans' affairs is not that meeting
    q = "陶县长在全县退役军人工作会议上讲了哪几点意见"
    standing = ("县政府第二十二次常务会议召开。会议强调，要落实好退役军人各项优待，让军人成为全社会尊崇的职业；"
                "县退役军人事务局会同县财政局做好保障。")
    assert not _pinned(q, ("退役", "军人"), standing)
    assert _pinned(q, ("退役", "军人"), "在全县退役军人工作会议上的讲话。同志们：今天召开全县退役军人工作会议。")


def test_whether_a_question_is_answered_does_not_depend_on_how_many_results_are_shown(hexi):
    questions = ["北桥镇沙袋储备经费是多少", "北桥镇汛期安全工作会议哪天召开", "山塘汛前检查什么时候完成", "沙袋要储备多少条"]
    for k in (1, 3):
        for one, five in zip(hexi.search_many(questions, k), hexi.search_many(questions, 5)):
            assert one.answered == five.answered, (one.query, k)
            assert not one.answered or one.results[0].passage == five.results[0].passage


def test_a_rate_asked_per_something_needs_that_rate():
    from bot.kinds.amount import per_asked, states_rate

    assert per_asked("秸秆打捆离田每亩补助多少钱") == "亩"
    assert per_asked("每个村补助多少") is None  # "每个": a count, not a rate's base
    assert states_rate("新建日光温室的，每亩一次性补助1.2万元", "亩")
    assert states_rate("塑料大棚补助4000元/亩", "亩")
    assert not states_rate("收储企业上门打捆回收，每吨收购价不低于260元", "亩")
    assert states_rate("举报属实的，每查实1户奖励500元", "户") and per_asked("每查实一户奖励多少") == "户"
    # one of a thing, as people ask a rate; not a count, nor "统一" or "第一"
    assert per_asked("加装一台电梯县里补多少钱") == "台" and per_asked("改厕一户能补多少") == "户"
    assert per_asked("一户一档，今年建了多少户") is None and per_asked("第一台电梯补了多少钱") is None
    assert per_asked("快递进村派一件补贴多少") == "件" and per_asked("一年补多少钱") is None  # a time is no thing


def test_a_rates_base_is_no_kind_of_subsidy_and_a_count_of_times_is_not_paid_once():
    from bot.kinds.amount import measure_asked, money_kind, states_figure

    assert money_kind("快递进村派一件补贴多少") is None and money_kind("冬季取暖补贴每月多少") == "取暖"
    assert measure_asked("扶持资金一年申报几次") == "次" and measure_asked("办完要几天") == "天"
    assert measure_asked("今年要建几个托儿所") is None  # "几个" counts things as often as it asks a list
    assert measure_asked("清明那几天设了多少个检查点") == "个" and measure_asked("前几次检查发现多少问题") is None
    assert not states_figure("每条航线一次性补助50万元", "次") and states_figure("每年集中申报两次", "次")
    assert states_figure("在村务公开栏公示5个工作日", "天") and not states_figure("6月5日前完成", "天")


def test_a_machine_is_counted_by_tai_or_bu():
    from bot.kinds.amount import states_rate

    assert states_rate("加装电梯的，每部电梯给予补贴20万元", "台") and not states_rate("每户补贴2000元", "台")


def test_a_vehicle_or_a_person_is_a_rates_base_by_any_of_its_measure_words():
    """"每辆一年能拿多少" is answered by "每车每年2.4万元"; "每人补多少" by "每名学员补贴1200元"."""
    from bot.kinds.amount import states_rate

    assert states_rate("按每车每年2.4万元的标准落实运营补助", "辆") and states_rate("每台车补助3000元", "辆")
    assert states_rate("每名学员补贴1200元", "人") and states_rate("每人奖励500元", "名")
    assert not states_rate("每条线路每年8万元", "辆") and not states_rate("每户补贴2000元", "人")


def test_a_rate_asked_prefers_a_passage_stating_it_and_the_archives_county_is_named_without_its_level(tmp_path,
                                                                                                      embedder):
    """"加装一台电梯补多少钱": the 办法's article giving the sum per lift answers, not the briefing's progress figures;
    "柳岩加装…" names 柳岩县 as people say it, so the neighbouring county's page giving its own sum does not."""
    searcher = searcher_over(tmp_path, embedder, {
        "measures_2024-03-02.txt":
            "柳岩县既有住宅加装电梯补助办法\n\n2024年3月2日\n\n"
            "第一条　为做好既有住宅加装电梯工作，制定本办法。\n"
            "第二条　项目竣工验收后，按每台14万元的标准给予补助，补助不超过工程总造价的四成。\n"
            "第三条　补助资金由县财政局统一拨付。\n",
        "brief_2024-09-20.txt":
            "柳岩县加装电梯工作简报\n\n2024年9月20日\n\n"
            "今年以来全县加装电梯工作进展顺利，已竣工电梯48台，县里拨付加装电梯补助资金610万元，完成年度目标的六成。\n",
        "neighbour_2024-05-08.txt":
            "石渠县既有住宅加装电梯补助细则\n\n2024年5月8日\n\n"
            "一、补助对象。本县城区既有多层住宅加装电梯。\n二、补助标准。加装电梯每台县里补助11万元，同一单元只补一次。\n"})
    assert "每台14万元" in top_result(searcher, "柳岩加装一台电梯县里补多少钱").passage.text
    unplaced = searcher.search("加装一台电梯县里补多少钱")
    assert unplaced.answered and "每台" in unplaced.results[0].passage.text  # a sum per lift, not the money paid out


def test_the_thing_a_measure_counts_is_the_word_after_it_unless_another_figure_is_asked():
    from bot.kinds.amount import thing_counted

    assert thing_counted("改造后一共有多少个摊位") == "摊位"
    assert thing_counted("年度计划搬迁多少户多少人") is None  # "多少人" is asked too, nothing counted by 户
    assert thing_counted("停车泊位还剩多少个没建") is None  # what is said of the count, no noun counted


def test_a_measure_word_inside_a_word_measures_nothing():
    from bot.kinds.amount import measure_asked

    assert measure_asked("孵化基地累计入驻了多少项目") is None  # 项目 is counted, not 项
    assert measure_asked("建了多少处") == "处" and measure_asked("多少家企业") == "家"


def test_the_kind_of_money_asked_is_the_one_named_last_before_the_money_word():
    from bot.kinds.amount import money_kind

    assert money_kind("养老服务补贴办法里困难老人的冬季取暖补贴每月多少") == "取暖"
    assert money_kind("一次性创业补贴多少") == "创业"
    # funds of a kind ("运营经费": not the centre's investment); generic funds name none
    assert money_kind("县级电商公共服务中心一年的运营经费是多少") == "运营"
    assert money_kind("今年安排了多少工作经费") is None and money_kind("项目经费有多少") is None
    assert money_kind("每人每月补贴多少") is None and money_kind("能领多少一次性补贴") is None
    assert money_kind("新评上4A级景区，县里奖励多少") is None  # where it is given, not what kind


def test_an_indicator_asked_by_name_needs_a_figure_of_that_indicator():
    from bot.intent import parse_intent
    from bot.kinds import amount
    from bot.records import Passage

    question = "新材料项目投产后年产值预计多少"
    ask = amount.asks(question, parse_intent(question))
    assert ask.thing == "年产值"
    fields = {f: None for f in Passage.__dataclass_fields__}
    county = "全县地区生产总值达到286.4亿元，新材料项目落户经开区。"
    project = "新材料项目总投资12亿元，投产后预计年产值30亿元。"
    assert not amount.holds(ask, Passage(**(fields | {"text": county, "title": ""})), county, {}, 0.0)
    assert amount.holds(ask, Passage(**(fields | {"text": project, "title": ""})), project, {}, 0.0)
    assert amount.indicator_asked("食品抽检合格率是多少") == "合格率"
    assert amount.indicator_asked("补助多少钱") is None and amount.indicator_asked("总投资多少") is None


def test_a_time_of_day_asked_is_answered_by_a_passage_stating_hours():
    from bot.intent import parse_intent
    from bot.kinds import when
    from bot.records import Passage

    fields = {f: None for f in Passage.__dataclass_fields__}
    rule = Passage(**(fields | {"text": "高温时段中午12时至15时停止露天作业"}))
    row = Passage(**(fields | {"text": "完成工地扬尘治理，2025年6月底前"}))
    q = "天太热的时候，露天干活的工人中午哪段时间必须歇着"
    ask = when.asks(q, parse_intent(q))
    assert ask == "clock"
    assert when.prefers(ask, rule, rule.text) == 1 and when.prefers(ask, row, row.text) == 0
    q = "推进会哪天召开"  # a day asked: a date answers, an hour alone does not
    ask = when.asks(q, parse_intent(q))
    assert ask == "date" and when.prefers(ask, row, row.text) == 1 and when.prefers(ask, rule, rule.text) == 0
    assert not when.asks("加装电梯谁牵头", parse_intent("加装电梯谁牵头"))
    for q in ("防汛调度会上陶春林强调了哪几点", "王县长讲了几点"):  # how many points, not what time
        assert when.asks(q, parse_intent(q)) != "clock"
    assert when.asks("早市几点到几点可以出摊", parse_intent("早市几点到几点可以出摊")) == "clock"


def test_a_time_asked_of_what_someone_required_is_a_deadline():
    from bot.intent import parse_intent
    from bot.kinds import when

    for q in ("钱县长要求补贴细则什么时候印发", "会上让县住建局什么时候报方案"):
        assert when.asks(q, parse_intent(q)) == "due", q
    assert when.asks("推进会哪天召开", parse_intent("推进会哪天召开")) == "date"


def test_a_time_of_day_question_gets_the_hours_not_a_dated_task(tmp_path, embedder):
    # a plan's dated task row shares the question's words; the rule giving the hours answers it
    searcher = searcher_over(tmp_path, embedder, {
        "heat_2025-06.txt":
            "关于做好2025年高温天气露天作业防暑降温工作的通知\n2025年6月3日\n"
            "一、开展高温天气露天作业防暑降温专项检查，县人社局牵头，2025年6月底前完成。\n"
            "二、高温天气期间，建筑工地露天作业中午12时至15时一律停工休息，早晚错峰施工。\n"
            "三、用人单位要为露天作业人员配发防暑药品和清凉饮料，所需费用不得从工资中扣除。\n"})
    assert "12时至15时" in top_result(searcher, "高温天气露天作业的工人中午哪段时间要停工").passage.text


def test_a_rank_asked_needs_a_rank_stated():
    from bot.kinds.rank import asks, holds
    from bot.question import Intent
    from bot.records import Passage

    def answers(question: str, text: str) -> bool:
        ask = asks(question, Intent(kind="plain"))
        passage = Passage(passage_id="a:001", article_id="a", kind="point", position=1, text=text, title="",
                          date=None, date_text=None, source="a.txt")
        return bool(ask) and holds(ask, passage, text, {}, 0.0)

    assert not answers("课后服务满意度在全市排第几", "区教育局每学期组织一次课后服务满意度测评，结果纳入学校年度考核。")
    assert answers("耕地保护考核在全市排第几", "2025年全县耕地保护目标责任考核位列全市第二。")
    # the province's ranking does not answer for the city's; a rank given with no scope may
    assert not answers("营商环境在全市排第几", "全省营商环境评价中，我县排名由第41位跃升至第17位。")
    assert answers("营商环境在全市排第几", "营商环境评价排名第3，进位明显。")
    assert answers("营商环境排第几", "全省营商环境评价中，我县排名第17位。")
    assert not asks("第三个聚力是什么", Intent(kind="ordinal"))


def test_the_meeting_a_question_names_locates_the_article_an_amounts_passage_need_not_repeat_it():
    from bot.answerability import check, requirements, verdict
    from bot.catalog import ArticleEntry
    from bot.config import SearchConfig
    from bot.intent import meeting_spans, parse_intent

    q = "2025年3月区委常委会上说全区60岁以上老人有多少"
    assert [q[s:e] for s, e in meeting_spans(q)] == ["3月区委常委会"]
    weights = {"区委": 1.0, "常委": 1.0, "常委会": 1.0, "全区": 1.0, "以上": 1.0, "老人": 1.0}
    req = requirements(parse_intent(q), weights, (), (), q, set(weights))
    passage = "会议强调,全区60周岁以上老人已达9.3万人,养老服务供给必须跟上。"
    art = ArticleEntry("a", "周继恒主持召开区委常委会会议", frozenset(), "2025-03-12", (), None)
    c = check(req, passage, "周继恒主持召开区委常委会会议\n" + passage, art, 2025)
    assert c.passage_coverage == 1.0 and verdict(c, req.intent, 0.0, 0.8, SearchConfig())


def test_a_passage_is_read_under_its_articles_title():
    """"三年一共要改造多少个": the plan's "一、总体目标 … 改造老旧小区60个" answers; "三年" is its title's
    ("…三年行动方案"), which the passage's figures are of."""
    from bot.answerability import check, requirements, verdict
    from bot.catalog import ArticleEntry
    from bot.config import SearchConfig
    from bot.intent import parse_intent

    q = "老旧小区三年一共要改造多少个"
    weights = {"老旧": 1.0, "小区": 1.0, "三年": 1.5, "改造": 1.0}
    req = requirements(parse_intent(q), weights, (), (), q, set(weights))
    passage = "一、总体目标 2024年至2026年，全县改造老旧小区60个，惠及居民8400户。"
    title = "柳岩县老旧小区改造三年行动方案"
    art = ArticleEntry("a", title, frozenset(), "2024-02-01", (), None)
    c = check(req, passage, title + "\n" + passage, art, 2024)
    assert c.passage_coverage == 1.0 and verdict(c, req.intent, 0.0, 0.76, SearchConfig())


def test_a_ceremony_a_question_names_locates_the_article_as_a_meeting_does():
    from bot.answerability import check, requirements, verdict
    from bot.catalog import ArticleEntry
    from bot.config import SearchConfig
    from bot.intent import meeting_spans, parse_intent

    q = "刘局长在消防宣传月启动仪式上说火灾隐患举报奖励多少"
    assert [q[s:e] for s, e in meeting_spans(q)] == ["消防宣传月启动仪式"]
    weights = {"消防": 1.0, "宣传": 1.0, "启动": 1.0, "仪式": 1.0, "火灾": 1.0, "隐患": 1.0, "举报": 1.0, "奖励": 1.0}
    req = requirements(parse_intent(q), weights, (), (), q, set(weights))
    passage = "三是开展火灾隐患有奖举报,经核实的给予100元至500元奖励。"
    art = ArticleEntry("a", "我县消防宣传月启动仪式举行", frozenset(), "2025-11-01", (), None)
    c = check(req, passage, "我县消防宣传月启动仪式举行\n" + passage, art, 2025)
    assert c.passage_coverage == 1.0 and verdict(c, req.intent, 0.0, 0.75, SearchConfig())


def test_a_meeting_named_by_its_form_is_one_the_article_reports_as_such():
    from bot.intent import meeting_forms

    assert meeting_forms("沈区长在全区养老服务推进会上讲了哪几点") == ("推进",)
    assert meeting_forms("第一次重点项目调度会的第二点要求是什么") == ("调度",)
    assert meeting_forms("县政府第三十二次常务会议对防汛提了哪些要求") == ()
    assert meeting_forms("副县长在森林防火新闻发布会上讲了什么") == ("发布",)  # not the 常务会议 that discussed fire
    q = "沈区长在全区养老服务推进会上讲了哪几点"
    assert not _pinned(q, ("养老", "服务"), "区委常委会会议听取全区城中村改造工作推进情况汇报，研究部署养老服务体系建设工作。")
    assert _pinned(q, ("养老", "服务"), "全区养老服务推进大会召开。会议要求，要织密服务网络。")



def test_what_a_question_names_about_its_meeting_and_year_decides_the_answer(tmp_path, embedder):
    # a 常委会 that discussed elderly care is no 养老服务推进会; a report titled by the year it reports on answers
    # that year's figure though published the next year
    searcher = searcher_over(tmp_path, embedder, {
        "committee_2025-03.txt":
            "周明主持召开区委常委会会议\n发布时间：2025-03-13\n"
            "3月12日，区委书记周明主持召开区委常委会会议，听取全区养老服务推进情况汇报，研究部署养老服务体系建设工作。\n"
            "会议强调，要织密养老服务网络，街道建综合养老服务中心；要办好老年助餐，新增社区老年食堂20个；"
            "要壮大护理队伍，稳定一线护理人员。\n",
        "eco_report.txt":
            "2025年青溪区生态环境状况公报（摘要）\n发布时间：2026-04-20\n"
            "2025年，全区生态环境质量持续改善。现将主要情况公报如下。\n"
            "一是强化执法监管，全年立案查处环境违法案件27件，罚没款186.4万元；二是畅通公众监督渠道，受理环保投诉315件。\n",
        "standing_2026-04.txt":
            "区政府召开第五次常务会议\n发布时间：2026-04-28\n"
            "4月27日，区长李华主持召开区政府第五次常务会议，研究生态环境保护工作。会议要求，要严格环境执法，"
            "对违法排污企业依法处罚；要加快污水管网建设。\n"})
    assert not searcher.search("周书记在全区养老服务推进会上讲了哪几点").answered
    assert searcher.search("周书记在区委常委会上对养老服务讲了哪几点").answered
    assert "186.4万元" in top_result(searcher, "2025年全区环境违法案件罚没了多少钱").passage.text


def test_what_someone_said_is_in_an_article_they_spoke_in_not_one_that_names_them():
    from bot.answerability import check, requirements
    from bot.catalog import ArticleEntry
    from bot.intent import parse_intent

    speech = "在全区城市管理工作会议上的讲话\n区长宁晓峰\n刚才，宁雅琴同志通报了去年工作情况。下面，我讲三点意见。"
    art = ArticleEntry("a", "在全区城市管理工作会议上的讲话", frozenset(), "2024-04-16", ("宁晓峰",), None)

    def pinned(question: str, people: tuple[str, ...]) -> bool:
        req = requirements(parse_intent(question), {"城市": 1.0, "管理": 1.0}, people, (), question, {"城市", "管理"})
        return check(req, speech, speech, art, 2024).pinned

    assert not pinned("宁雅琴在全区城市管理工作会议上讲了哪三点意见", ("宁雅琴",))  # named, not the speaker
    assert pinned("宁晓峰在全区城市管理工作会议上讲了哪三点意见", ("宁晓峰",))
    assert pinned("宁晓峰、宁雅琴在全区城市管理工作会议上讲了哪三点意见", ("宁晓峰", "宁雅琴"))  # one of them
    assert pinned("会上对宁雅琴提了什么要求", ("宁雅琴",))  # named as the one asked of, not as a speaker


def test_someone_addressed_by_a_surname_no_one_in_the_archive_has_is_someone_else():
    from bot.answerability import check, requirements
    from bot.intent import parse_intent
    from bot.phrasing import unknown_addressed

    people = ["宁晓峰", "柯振宇"]
    assert unknown_addressed("严副区长在全区城市管理工作会议上讲了什么", people) == (("严", "副区长"),)
    assert unknown_addressed("宁区长讲了几点", people) == ()  # 宁 is someone the archive names
    assert unknown_addressed("全县长期坚持什么", people) == ()  # 全 + 县长 inside a word
    q = "严副区长在全区城市管理工作会议上讲了什么"
    text = "全区城市管理工作会议召开。区长宁晓峰出席并讲话。"
    req = requirements(parse_intent(q), {"城市": 1.0}, (), (), q, {"城市"}, addressed=unknown_addressed(q, people))
    assert not check(req, text, text, None, None).pinned
    assert check(req, text + "副区长严明主持会议。", text + "副区长严明主持会议。", None, None).pinned


def test_a_place_in_a_ranking_is_asked_as_a_rank_not_as_a_point():
    """"哪个镇排名倒数第一" asks who came last, not the first point of the meeting's list; a passage stating no rank
    does not answer it."""
    from bot.intent import parse_intent
    from bot.kinds.rank import asks, holds
    from bot.records import Passage

    def passage(text: str) -> Passage:
        return Passage(passage_id="a:001", article_id="a", kind="point", position=1, text=text, title="", date=None,
                       date_text=None, source="a.txt")

    for q in ("2024年自建房推进会上哪个镇排名倒数第一", "秸秆禁烧考核排第一的是哪个乡", "哪个镇名列第三"):
        intent = parse_intent(q)
        assert intent.kind != "ordinal" and not intent.path, q
        assert asks(q, intent), q
    q = "2024年自建房推进会上哪个镇排名倒数第一"
    ask = asks(q, parse_intent(q))
    first = "第一，聚焦排查质量。各镇要在5月31日前对排查数据开展一次交叉复核，实行“周通报、月排名”。"
    assert not holds(ask, passage(first), first, {}, 0.0)
    ranked = "从进度看，青山镇完成率98%位列第一，河口镇完成率61%排名倒数第一。"
    assert holds(ask, passage(ranked), ranked, {}, 0.0)
    assert parse_intent("第一条是什么").kind == "ordinal"  # a point asked by its place still is one
    assert parse_intent("会议安排第二项是什么").kind == "ordinal"  # 安排 is no ranking


def test_a_span_of_years_is_no_deadline_and_a_closing_date_is_one():
    """"3年内不得再申请补助" names no time to finish by (年内 of "年内建成" does); "申报将于7月31日截止" does."""
    from bot.kinds.when import DEADLINE_SAID

    for text in ("年内建成投用", "今年年内完成", "2025年内完成验收", "6月底前完成", "第一批申报将于7月31日截止，",
                 "截止日期为9月15日"):
        assert DEADLINE_SAID.search(text), text
    for text in ("追回已拨付资金，3年内不得再申请补助", "五年内不得参与评优", "截至9月30日，已完成改造131户"):
        assert not DEADLINE_SAID.search(text), text


def test_a_count_of_buildings_needs_buildings_and_a_total_may_name_what_it_counts():
    """"累计排查了多少栋": a passage totalling lines ("累计达到7条") does not state it; "累计排查经营性自建房7035栋" —
    the thing counted between 累计 and the figure — does, and is preferred as the total."""
    from bot.intent import parse_intent
    from bot.kinds import amount
    from bot.records import Passage

    q = "2025年那次自建房推进会说累计排查了多少栋"
    ask = amount.asks(q, parse_intent(q))
    assert ask.unit == "栋" and ask.total
    fields = {f: None for f in Passage.__dataclass_fields__}
    lines = "县交通运输局要加快客货邮合作线路开通，年底前累计达到4条以上；"
    houses = "会上通报，专项整治开展以来，全县累计排查经营性自建房7035栋，鉴定为C级、D级的291栋。"
    assert not amount.holds(ask, Passage(**(fields | {"text": lines})), lines, {}, 0.0)
    assert amount.holds(ask, Passage(**(fields | {"text": houses})), houses, {}, 0.0)
    assert amount.prefers(ask, Passage(**(fields | {"text": houses})), houses) >= 1


def test_a_subsidys_kind_is_the_word_before_it_and_a_sum_by_its_magnitude_is_a_figure():
    """"健身广场县里补助多少钱" names no kind of subsidy ("场县" is two characters across words); "独生子女奖励" does.
    "单笔3万以上" names a figure a passage writing "3万元" holds, and "13万元" does not."""
    from bot.kinds import exact
    from bot.kinds.amount import money_kind
    from bot.phrasing import plain_words
    from bot.question import Intent

    assert money_kind(plain_words("镇级全民健身广场县里补助多少钱")) is None
    assert money_kind("独生子女奖励多少") == "独生子女" and money_kind("冬季取暖补贴每月多少") == "取暖"
    ask = exact.asks("村里单笔3万以上的开支要走啥程序", Intent(kind="plain"))
    assert ask == ("3万",)
    assert exact.prefers(ask, None, "单笔3万元（含）以上的支出") == 1 and exact.prefers(ask, None, "单笔13万元") == 0


def test_a_place_in_a_ranking_named_as_a_condition_is_no_rank_asked():
    """"排名靠后的定点培训机构咋处理" asks what is done to them (a passage stating no rank answers); "排名靠前吗" asks
    the rank."""
    from bot.kinds.rank import asks
    from bot.question import Intent

    assert not asks("冯县长说评估排名靠后的定点培训机构咋处理", Intent(kind="plain"))
    assert asks("我县营商环境排名靠前吗", Intent(kind="plain"))


def test_the_total_of_funds_asked_is_a_sum_said_of_funds():
    """"衔接资金一共安排了多少钱": "安排衔接资金1.86亿元" states it; a town's "资产总额3260万元" is another total."""
    from bot.intent import parse_intent
    from bot.kinds import amount
    from bot.records import Passage

    q = "2024年全县衔接资金一共安排了多少钱"
    ask = amount.asks(q, parse_intent(q))
    assert ask.total and ask.funds
    fields = {f: None for f in Passage.__dataclass_fields__}
    funds = "今年全县安排衔接资金1.86亿元，实施项目132个。"
    assets = "近年来，柘塘镇利用衔接资金建成茶叶加工厂等经营性资产9处，资产总额3260万元。"
    assert (amount.prefers(ask, Passage(**(fields | {"text": funds})), funds)
            > amount.prefers(ask, Passage(**(fields | {"text": assets})), assets))


def test_a_rate_per_piece_and_a_count_of_times_are_answered_by_the_article_stating_them(tmp_path, embedder):
    """"快递进村派一件补贴多少" is the sum per piece (每件), "一件" no kind of subsidy; "扶持资金一年申报几次" the article
    counting the calls (两次), not one paying a route "一次性"."""
    searcher = searcher_over(tmp_path, embedder, {
        "measures_2024-06-05.txt":
            "沙洲县交通物流发展扶持资金管理办法\n\n2024年6月5日\n\n"
            "第一条　县财政每年安排交通物流发展扶持资金2000万元，由县交通运输局会同县财政局管理。\n"
            "第二条　对新开通至干线港口的集装箱班轮航线，运营满一年且年运量不低于5000标箱的，每条航线一次性补助40万元。\n"
            "第三条　承担建制村快递配送的寄递企业，按进村派件量每件0.3元给予补贴，单个企业年度补贴最高15万元。\n"
            "第四条　扶持资金每年集中申报两次，分别于3月和9月受理。\n"})
    assert "每件0.3元" in top_result(searcher, "快递进村派一件补贴多少").passage.text
    assert top_result(searcher, "扶持资金一年申报几次").passage.text.startswith("第四条")


def test_a_street_office_or_a_phase_the_archive_never_names_is_not_answered_by_another(tmp_path, embedder):
    """"鹤鸣街道的排涝网格名单啥时候报": the archive's streets are 峪城 and 朗湖, so the grid list they report answers
    the question naming one of them, not one naming another street; "朗湖泵站二期啥时候完工" is a phase no bulletin
    speaks of — the pumping station's duty watch is no answer."""
    searcher = searcher_over(tmp_path, embedder, {
        "flood_plan_2025-05-06.txt":
            "岑川县2025年城区排涝工作方案\n\n2025年5月6日\n\n"
            "（一）落实网格化责任。峪城街道、朗湖街道要把城区划分为若干排涝责任网格，每个网格明确一名责任人，"
            "5月底前将网格责任人名单报县防汛抗旱指挥部办公室。\n"
            "（二）确保设施好用。朗湖泵站要落实24小时值守，县住建局要在6月10日前组织一次满负荷试运行。\n"
            "（三）加快泵站扩容改造。朗湖泵站扩容改造由县住建局牵头，9月底前完成主体工程。\n"})
    assert "网格责任人名单" in top_result(searcher, "峪城街道的排涝网格名单啥时候报").passage.text
    assert not searcher.search("鹤鸣街道的排涝网格名单啥时候报").answered
    assert "扩容改造" in top_result(searcher, "朗湖泵站扩容改造啥时候完工").passage.text
    assert not searcher.search("朗湖泵站二期啥时候完工").answered


def test_a_meeting_reports_list_is_named_by_what_its_paragraph_says_first(tmp_path, embedder):
    """A 常委会 report gives each matter a paragraph: "会议指出，…农村消防安全形势…夏季…。会议强调，…一要…" is the
    fire safety list, though its own lead names neither; the tea paragraph's list after it is another matter's."""
    searcher = searcher_over(tmp_path, embedder, {
        "committee_2025-06-05.txt":
            "常立群主持召开县委常委会会议\n\n"
            "　　2025年6月5日，县委书记常立群主持召开县委常委会会议，研究夏季农村消防安全和茶产业发展工作。\n"
            "　　会议指出，今年以来全县农村消防安全形势总体平稳，但夏季高温天气即将到来，农村用电负荷加大，火灾风险上升。"
            "会议强调，各级各部门要时刻绷紧安全这根弦，一要压紧责任链条，县级领导包乡镇、乡镇干部包村；"
            "二要紧盯茶叶作坊和木结构村寨，逐户排查隐患；三要抓实应急准备，确保村级志愿消防队有警即出。\n"
            "　　会议听取了今年春茶生产销售情况汇报。会议强调，要把夏秋茶开发作为茶农增收的重要抓手，"
            "一要扩大机采面积；二要开发红茶和茶饮原料；三要办好斗茶大赛，擦亮区域品牌。\n"})
    assert top_result(searcher, "县委常委会对夏季农村消防提了哪三个“要”").passage.text.startswith("会议指出")


def test_when_a_thing_starts_producing_is_not_answered_by_a_deadline_for_another_step(tmp_path, embedder):
    """"印染集中区啥时候投产": the plan only sets when its sewage pre-treatment is finished — no answer; a meeting's
    "智能纺纱项目12月底前建成投产" answers the same question of that project; finishing asked ("…啥时候建完") takes any
    deadline."""
    searcher = searcher_over(tmp_path, embedder, {
        "textile_plan_2025-03-12.txt":
            "岑川县纺织服装产业升级实施方案\n\n2025年3月12日\n\n"
            "（一）推进印染集中区建设。由县纺织服装产业园管委会牵头、县生态环境分局配合，9月底前完成集中区污水预处理"
            "设施建设。\n"
            "（二）培育服装品牌。县商务局要支持企业参加展会，年内新增自主品牌5个。\n",
        "industry_meeting_2025-05-20.txt":
            "全县重点工业项目推进会召开\n\n"
            "　　2025年5月20日，全县重点工业项目推进会召开。会议要求，县工信局要倒排工期，智能纺纱项目12月底前建成投产；"
            "县自然资源局要加快新材料产业园用地报批。\n"})
    assert not searcher.search("印染集中区啥时候投产").answered
    assert "建成投产" in top_result(searcher, "智能纺纱项目啥时候投产").passage.text
    assert "污水预处理" in top_result(searcher, "印染集中区的污水预处理设施啥时候建完").passage.text


def test_money_said_aloud_a_share_asked_by_its_kind_and_a_cap_by_its_word():
    """A press conference's transcript writes money as it is said ("每顿补3块钱"); "按啥比例补" asks a share and
    "封顶多少" a most, which the passage says as "按投资额的10%" and "最高不超过50万元" — neither word is content."""
    from bot.intent import ASK_PHRASE
    from bot.kinds.amount import share_asked, states_figure

    assert states_figure("80岁以上的老人每顿补3块钱", "元") and not states_figure("每顿补一块肉", "元")
    assert share_asked("按什么比例补") and share_asked("补贴比例多大") and not share_asked("按比例补吗")
    said = ASK_PHRASE.sub(" ", "按什么比例补、封顶多少")
    assert "比例" not in said and "封顶" not in said
    assert "比例" in ASK_PHRASE.sub(" ", "奖补比例怎么定的")  # a share's rules asked, not its figure


def test_a_share_and_a_cap_asked_in_everyday_words_are_answered_by_the_point_giving_them(tmp_path, embedder):
    """"景区搞夜游项目，县里按啥比例补、封顶多少": the plan's point giving "按实际投资额的10%…最高不超过50万元"
    answers; the words 比例 and 封顶, which it does not write, had refused it."""
    searcher = searcher_over(tmp_path, embedder, {
        "night_plan_2024-06-20.txt":
            "越屏县促进夜间经济发展实施方案\n\n2024年6月20日\n\n"
            "（一）丰富夜间消费业态\n"
            "1.开发夜游产品。支持古镇景区开发夜游线路和沉浸式演艺项目，对投资额在200万元以上的夜游项目，"
            "按实际投资额的10%给予补助，单个项目最高不超过50万元。（牵头单位：县文旅局；完成时限：2024年10月底前）\n"
            "2.培育特色夜市。在城区打造2条夜市街区，统一设置摊位、照明和垃圾收集点。（牵头单位：县商务局）\n",
        "night_meeting_2025-09-10.txt":
            "全县夜间经济推进会召开\n\n2025年9月10日\n\n"
            "会议通报，今年1至8月，全县接待游客428万人次，同比增长10.6%，旅游收入增长14.2%。"
            "会议要求，县文旅局要加快古镇夜游项目建设，9月底前开门迎客。\n"})
    answer = searcher.search("景区搞夜游项目，县里按啥比例补、封顶多少")
    assert answer.answered and "投资额的10%" in answer.results[0].passage.text


def test_this_year_said_in_passing_does_not_keep_a_clearly_better_worded_passage_back(tmp_path, embedder):
    """"今年县财政给老年助餐安排了多少专项资金": the 2024 press conference's "今年县级财政已安排专项资金820万元"
    holds far more of the question than any other passage; a bare "今年" (the newest year is 2025) only prefers
    that year's articles and must not let the fusion bury it under 2025's passages on 补贴资金."""
    searcher = searcher_over(tmp_path, embedder, {
        "press_2024-07-19.txt":
            "越屏县老年助餐服务补贴政策新闻发布会实录\n\n2024年7月19日\n\n"
            "记者：补贴资金从哪里来？\n滕国栋：第一，资金来源有保障。补贴资金县里出七成、乡镇出三成，"
            "今年县级财政已安排专项资金820万元。第二，拨付节奏有规矩。按月核算、按季拨付。\n",
        "brief_2025-03-28.txt":
            "老年助餐工作简报\n\n2025年3月28日\n\n"
            "下步安排：一是扩面提质，年底前助餐点增加到70个；二是加强补贴资金监管，由县财政局牵头、县审计局配合，"
            "每半年开展一次补贴资金专项核查；三是落实助餐补贴，县财政局要在8月15日前拨付二季度助餐补贴资金。\n",
        "rules_2025-01-10.txt":
            "越屏县老年助餐服务补贴管理办法\n\n2025年1月10日\n\n"
            "第一条　为规范老年助餐服务补贴管理，提高财政资金使用效益，制定本办法。\n"
            "第二条　补贴资金由县财政纳入年度预算，按季拨付到助餐点。\n"})
    answer = searcher.search("今年县财政给老年助餐安排了多少专项资金")
    assert answer.answered and "820万元" in answer.results[0].passage.text



def test_a_rule_asked_in_everyday_words_is_answered_where_the_bulletins_write_it_their_way(tmp_path, embedder):
    # "一个人一个月" is written 每人每月, and a sum said aloud in 万 is money (both refused before: no 每人, no 元)
    searcher = searcher_over(tmp_path, embedder, {
        "rules_2024-07.txt":
            "岭南县社会救助和农村建房管理办法\n2024年7月10日\n"
            "第一条 为保障困难群众基本生活、规范农村建房，制定本办法。\n"
            "第二条 全县城乡最低生活保障标准统一为每人每月860元，低保金按差额发放。\n"
            "第三条 村民建房层数原则上不超过三层，房屋总高度不超过12米。\n"
            "第四条 本办法由县民政局、县自然资源局按职责负责解释。\n",
        "press_2024-08.txt":
            "岭南县秸秆综合利用新闻发布会实录\n2024年8月6日\n"
            "记者：合作社收储秸秆，县里有什么补助？\n"
            "林海涛：合作社、家庭农场每收储一吨秸秆补60块钱，一个主体一年最多补40万；收储点建成验收后一次性再给5万元。\n"
            "记者：秸秆焚烧怎么管？\n"
            "林海涛：县里实行网格化巡查，发现火点两小时内处置到位。\n"})
    assert "每人每月860元" in top_result(searcher, "现在低保一个人一个月给多少钱").passage.text
    assert "一年最多补40万" in top_result(searcher, "合作社收秸秆，一年到头最多能拿多少补贴？").passage.text


def test_a_deadline_asked_is_the_one_of_the_task_the_passage_or_its_lead_in_states(tmp_path, embedder):
    # the article tells of the new ward building; its points set other tasks' dates, none the building's;
    # a standing meeting names the rules it passed before the clause that dates them
    searcher = searcher_over(tmp_path, embedder, {
        "medical_2024-05.txt":
            "全县县域医共体建设推进会召开\n2024年5月8日\n"
            "会议指出，县人民医院新住院大楼主体已经封顶，医共体建设进入关键阶段。会议要求：\n"
            "一要理顺管理体制，县卫健局要牵头修订医共体章程，9月底前完成。\n"
            "二要推进医保支付改革，县医保局要在10月15日前完成年度付费总额测算。\n"
            "三要做实家庭医生签约，各乡镇卫生院要在年底前实现重点人群签约全覆盖。\n",
        "standing_2024-04.txt":
            "县政府召开第十二次常务会议\n2024年4月16日\n"
            "会议审议了《返乡入乡创业扶持资金管理办法（草案）》，原则同意修改完善后按程序印发。会议强调，"
            "要把政策落细落实，县人社局要对照会议意见逐条修改，5月底前正式印发；要管好用好资金，县财政局要设立专户，"
            "实行专款专用；要把服务送上门，各镇要在便民服务中心设立创业服务岗。\n"})
    answer = searcher.search("医共体总院的新住院大楼最晚啥时候完工？")
    assert not answer.answered
    assert "9月底前" in top_result(searcher, "医共体章程最晚啥时候修订完？").passage.text
    assert "5月底前正式印发" in top_result(searcher, "返乡创业扶持资金管理办法最晚啥时候印发").passage.text


def test_insurance_said_short_is_found_as_the_rules_write_it(tmp_path, embedder):
    # 意外险 is written 意外伤害保险 (refused before: 家政公司, 服务员 and 意外险 all unwritten)
    searcher = searcher_over(tmp_path, embedder, {
        "rules_2024-06.txt":
            "宁川县家政服务和老年助餐扶持办法\n2024年6月12日\n"
            "第一条 为促进家政服务提质扩容、办好老年助餐，制定本办法。\n"
            "第二条 家政企业为从业人员购买意外伤害保险的，按保费的60%给予补贴，每人每年最高200元。\n"
            "第三条 新建社区老年助餐点的，按每个点5万元给予一次性建设补助。\n"
            "第四条 本办法由县商务局、县民政局按职责负责解释。\n"})
    assert "按保费的60%" in top_result(searcher, "家政公司给服务员买意外险，政府能补多少？").passage.text
