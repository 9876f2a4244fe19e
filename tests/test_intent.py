"""Intent: what a question asks for, read from its words alone."""

import pytest

from bot.intent import is_content, named_places, parse_intent, parse_time


@pytest.mark.parametrize(
    "question,kind,ordinal,count",
    [
        ("第三个聚力是什么", "ordinal", 3, None),
        ("第二次推进会上林卫东强调的第一点", "ordinal", 1, None),  # the meeting's number is not the point's
        ("邵文杰讲严管厚爱时提的最后一点", "ordinal", -1, None),
        ("提了几点要求", "list", None, None),
        ("林卫东强调了什么", "list", None, None),
        ("讲了哪几个坚持", "list", None, None),
        ("八个聚力分别是什么", "list", None, 8),
        ("第二次推进会在哪里开的", "plain", None, None),
        ("考察学习是哪几天", "plain", None, None),
        ("那几个拖后腿的项目怎么办", "plain", None, None),
        ("刘副县长在第二次调度会上定了几件事", "list", None, None),  # "几件事": the points, as "几条" asks
        ("讲了三件事分别是什么", "list", None, 3),
        ("王县长讲了几点", "list", None, None),
        ("娃托管完晚上最迟几点能接走", "plain", None, None),  # an hour, not how many points
        ("早市每天几点开门", "plain", None, None),
        ("夏季饮食要把好哪五道关", "list", None, 5),  # counted by the list's own measure word
        ("学员要当好哪“三员”", "list", None, 3),  # a name counting its points, in quotes
        ("今年实施哪四大行动", "list", None, 4),
        ("三大攻坚战是什么", "plain", None, None),
        ("骆书记讲管网要三个到位，二要是啥", "ordinal", 2, None),  # the point by its printed marker
        ("奖补办法倒数第二条讲的什么", "ordinal", -2, None),
        ("乡村公路养护分工表都有哪些任务", "list", None, None),  # a table's rows asked
        ("任务清单里列了啥", "list", None, None),
    ],
)
def test_ordinals_lists_and_what_someone_said(question, kind, ordinal, count):
    intent = parse_intent(question)
    assert (intent.kind, intent.ordinal, intent.count) == (kind, ordinal, count)


def test_meeting_number_time_and_recency():
    assert parse_intent("第二次推进会上林卫东强调的第一点").series == 2
    assert parse_intent("县政府第二十三次常务会议提了哪些要求").series == 23
    t = parse_time("2023年5月18日的防汛会议")
    assert (t.year, t.month, t.day) == (2023, 5, 18)
    assert parse_time("五月份的防汛会议").month == 5
    # a month a figure is counted to or a task is due by is not when the meeting was
    t = parse_time("2024年推进会上通报，截至4月底有多少家养殖场完成整改")
    assert (t.year, t.month, t.day) == (2024, None, None)
    assert parse_time("6月底前要完成哪些事").month is None and parse_time("3月12日常务会议讲了什么").day == 12
    # a period's months are the figures' months, reported at a later month's meeting
    t = parse_time("今年1到5月全县食品抽检了多少批次")
    assert (t.month, t.through) == (None, 5)
    assert (parse_time("2024年1—4月完成投资多少").year, parse_time("1月至4月完成投资多少").month) == (2024, None)
    assert parse_time("1月至4月完成投资多少").through == 4 and parse_time("4月25日的会议").through is None
    assert parse_time("最近一次推进会").recent and parse_time("上次调度会").recent
    assert parse_time("去年的招商会").relative_year == -1
    assert not parse_time("项目建设有什么要求").said


@pytest.mark.parametrize(
    "question,amount,fact",
    [
        ("招商引资落地项目的奖励标准是多少", True, True),  # an amount is a particular fact
        ("北桥镇要储备多少沙袋", True, True),
        ("签了约好几个月还不开工的项目，要怎么处理", False, False),  # 好几个 is not a question
        ("那几个拖后腿的工业项目怎么办", False, False),  # nor 那几个
        ("考察团参观了哪些企业", False, True),
        ("汛期值班有什么要求", False, False),
        ("返乡创业孵化基地总面积多大", True, True),  # a size asked of a measure is an amount
        ("这项工作影响有多大", False, False),
        # a point asked by its place asks the point itself, not a fact within it
        ("马县长动员会讲话第二部分第四条是什么", False, False),
        ("第三个聚力讲的是什么？", False, False),
        ("第三个聚力提到了哪些企业", False, True),
        ("哪个会议的第三条是什么", False, True),
    ],
)
def test_what_kind_of_answer_is_asked(question, amount, fact):
    intent = parse_intent(question)
    assert (intent.asks_amount, intent.asks_fact) == (amount, fact)


def test_a_count_of_things_by_their_measure_word_asks_a_figure():
    for question in ("河堤每个村配几台抽水机", "今年要新建几所幼儿园", "北桥镇要储备多少沙袋"):
        assert parse_intent(question).asks_figure, question
    for question in ("书记讲了几条", "今年要办几件实事", "汛期值班有什么要求"):
        assert not parse_intent(question).asks_figure, question
    # long things counted by 条 are a figure, not a list's points ("几条路子" is a way of doing, a point)
    for question in ("推进会上讲，客货邮融合线路有几条了？", "今年开通了几条公交线路", "治理了几条河"):
        intent = parse_intent(question)
        assert (intent.kind, intent.asks_figure) == ("plain", True), question
    for question in ("县长讲了几条", "有几条意见", "村集体增收有几条路子"):
        assert parse_intent(question).kind == "list", question


def test_questions_asking_when():
    assert parse_intent("座谈会哪天召开").asks_when and parse_intent("考察学习是哪几天").asks_when
    assert parse_intent("什么时候开工").asks_when and parse_intent("实施方案是几月几日印发的").asks_when
    assert not parse_intent("项目建设要抓哪些工作").asks_when
    assert not parse_intent("天天都要抓安全吗").asks_when


def test_named_people_and_places():
    assert parse_intent("副区长李志明在防汛会议上讲了什么").names == ("李志明",)
    assert parse_intent("陶春林在开发区改革推进会上讲了什么").names == ("陶春林",)
    assert parse_intent("招商干部队伍要怎么建设").names == ()
    # a word of place opening a question is no name followed by 在 ("田里|埋在地下"); a name opening one is
    assert parse_intent("田里埋在地下的那些工程能不能直接填土").names == ()
    assert parse_intent("王国庆在推进会上讲了什么").names == ("王国庆",)
    assert named_places("临川区2024年地区生产总值增长目标是多少") == ("临川区",)
    assert named_places("开发区原来托管的社区归谁管") == ()  # kinds of place, not names
    # a district after its city is a place though its name is a common word ("石门"); "各区县" is no name
    assert "石门区" in named_places("云州市石门区背街小巷整治由谁牵头")
    assert named_places("全市各区县要干什么") == ()
    # jieba cuts "枣|林区": the name is a rare word of its own, the level joined to its last character a common one
    assert named_places("枣林区老旧小区加装电梯每部补助多少钱") == ("枣林区",)
    assert named_places("国有林区管护经费有多少") == ()
    # a village by a name that is no common word, or a place's in jieba's dictionary ("沙洲"); not a count, a verb or
    # a kind of village
    assert named_places("沙洲村的村级代办点配了几个代办员") == ("沙洲村",)
    assert named_places("上箐村竹林托管以后一亩能收多少钱") == ("上箐村",)
    assert named_places("角湾古村的修缮补助是多少") == ("角湾古村",)
    for question in ("今年选了几个村试点", "县财政给钱扶持村集体经济", "快递进村有什么补贴", "贫困村有多少", "示范村奖补多少"):
        assert named_places(question) == (), question
    # going to the town is no town: "跑去乡里" (a villager asking whether the papers must be taken there)
    assert named_places("俺爹刚满八十，还得俺跑去乡里交材料才能领那个钱不？") == ()
    assert named_places("回到镇上还要再交一遍吗") == ()
    assert named_places("白沙镇的老人去乡里领钱吗") == ("白沙镇",)


def test_a_quarters_meeting_is_a_meeting_of_a_series():
    assert parse_intent("2024年第三季度重点项目建设推进会提了哪些要求").series == 3
    assert parse_intent("第二次调度会提了哪些要求").series == 2
    assert parse_intent("第一季度完成投资多少").series is None  # a quarter's figure, no meeting


def test_content_words_leave_out_ordinals_questions_speech_and_time():
    assert [t for t in ["第二", "二个", "要求", "提了", "最近", "哪几天", "2023", "防汛", "沙袋"] if is_content(t)] == \
        ["防汛", "沙袋"]
    # a duration or a deadline asked ("多长时间查一次", "最晚哪天") is no word a passage could hold
    assert [t for t in ["多长时间", "多久", "最晚", "最迟", "水质", "夏播"] if is_content(t)] == ["水质", "夏播"]
    assert [t for t in ["pm2.5", "5g", "2025", "48"] if is_content(t)] == ["pm2.5", "5g"]  # a name holding a figure
    # yes-or-no asked A-not-A, money asked in the word said for yuan
    assert [t for t in ["是不是", "能不能", "可不可", "块钱", "不能", "不断"] if is_content(t)] == ["不能", "不断"]
    # the day one asks on ("你今天吃饭了没", "明天开会吗") says nothing a passage holds
    assert [t for t in ["今天", "明天", "昨天", "今晚", "当天", "天然气"] if is_content(t)] == ["当天", "天然气"]


def test_people_are_named_by_any_post_bulletins_use_and_must_look_like_names():
    from bot.intent import named_people

    assert named_people("指挥长杜海涛在防汛会上提的第三点要求") == ("杜海涛",)
    assert named_people("常务副县长欧阳敏主持时提了什么") == ("欧阳敏",)
    assert named_people("会议在哪里召开的") == ()  # "会议" opens the question but is nobody
    # a full name before its post, as people are named formally
    assert named_people("杨秀兰副县长在新闻发布会上讲了什么") == ("杨秀兰",)
    assert named_people("请问周海涛局长讲了什么") == ("周海涛",)
    assert named_people("全县长期坚持什么") == ()
    # a name ends where a word starts: 在 of 现在 says no one was somewhere
    assert named_people("全县现在电动自行车大概有多少辆？") == ()
    assert named_people("宁雅琴在推进会上说了什么") == ("宁雅琴",)


def test_a_post_addressed_after_a_verb_of_company_leaves_no_place_guessed_across_them():
    from bot.intent import named_places

    assert named_places("洪少锋、洪雅琴陪县长巡河时介绍，今年主要抓了哪几件事") == ()
    assert named_places("李明跟县长调研梅岭镇") == ("梅岭镇",)
    assert named_places("和平县长期坚持什么") == ("和平县",)  # a county's name is no preposition


def test_a_town_jieba_cuts_apart_is_still_a_place_and_common_words_ending_in_town_are_not():
    assert named_places("桂岭镇积分超市每年安排多少钱") == ("桂岭镇",)
    assert named_places("城乡融合怎么推进") == () and named_places("重点乡镇要做什么") == ()
    assert named_places("返乡创业有什么补贴") == ()
    # a town's name is not inside a word of the dictionary: "第三届梅乡杯" is a contest, "去柏岭镇" a town jieba's guess joins
    assert named_places("第三届梅乡杯农民丰收节啥时候办") == ()
    assert named_places("去柏岭镇调研的是谁") == ("柏岭镇",)
    # levels compounded after a preposition name no town ("在县乡一体改革里": no "在县乡")
    assert named_places("县委编办在县乡一体改革里负责干啥") == ()


def test_the_periods_figures_are_counted_over_are_read_as_months():
    from bot.intent import periods

    assert periods("1到8月预制菜园区新签了多少个项目") == {(1, 8)}
    assert periods("今年1—7月，园区新签约项目11个") == {(1, 7)}
    assert periods("二季度签了多少项目") == {(4, 6)} == periods("第二季度")
    assert periods("前三季度完成投资多少") == {(1, 9)}
    assert periods("上半年") == {(1, 6)} and periods("下半年") == {(7, 12)}
    assert periods("前8个月") == {(1, 8)}
    # a span of days is no period of months, nor a deadline
    assert periods("排查鉴定阶段（8月11日至10月31日）") == frozenset() == periods("6月底前完成")


def test_a_title_naming_its_county_then_returning_home_names_one_place():
    from bot.intent import title_places

    assert title_places("桐溪县返乡入乡创业政策解读会实录") == ["桐溪县"]
    assert title_places("澧县城头山镇召开防汛会议") == ["澧县", "城头山镇"]


def test_this_matter_is_how_the_question_points_not_what_it_is_about():
    from bot.intent import ASK_PHRASE

    assert "事由" not in ASK_PHRASE.sub(" ", "新增1500个停车位这件事由哪个部门牵头")
    assert "事由" in ASK_PHRASE.sub(" ", "事由是什么")



def test_a_hedge_a_total_and_a_rules_articles_are_how_a_list_is_asked():
    changes = parse_intent("施局长说兜底保障新办法主要有哪几个变化")
    assert "主要" not in changes.rest and "变化" in changes.rest
    assert "主要" in parse_intent("主要任务有哪些").rest  # the list's own name
    rules = parse_intent("渔业转型升级扶持办法一共几条，分别是啥")
    assert rules.articles and "一共" not in rules.rest
    assert not parse_intent("推进会一共讲了几条").articles  # a meeting's points, no rule's articles


def test_a_quoted_counting_name_is_read_with_its_count():
    from bot.intent import named_slogans

    assert named_slogans("第十九次常务会议上提的“三个到位”是哪三个") == (("三个到位", 3, "到位"),)
    assert named_slogans("阮局长说的“两奖一补”是哪些") == (("两奖一补", 2, "奖一补"),)
    assert named_slogans("“一网统管”平台建设总投资是多少") == ()  # one is no count of points
    assert named_slogans("三个到位是什么") == ()  # unquoted: a count as often as a name


def test_the_most_asked_is_how_an_amount_is_asked_not_its_content():
    from bot.intent import ASK_PHRASE

    assert "最多" not in ASK_PHRASE.sub(" ", "在园区外租场地一年最多补多少")
    assert "最高" not in ASK_PHRASE.sub(" ", "创业担保贷款最高能贷多少")
    assert "一共" not in ASK_PHRASE.sub(" ", "老旧管网改造一共要投多少钱")  # a total asked, as 总投资 says it
    # a name that opens with 最: "最低生活保障" is what is asked about
    assert "最低" in ASK_PHRASE.sub(" ", "最低生活保障标准是多少")


def test_a_series_number_is_a_meetings():
    assert parse_intent("返乡人员第一次创业能领多少补贴").series is None  # 第一次创业: no meeting
    assert parse_intent("第一次供水推进会布置了哪些任务").series == 1


def test_a_county_jieba_cuts_apart_is_still_a_place_and_a_kind_of_county_is_not():
    assert named_places("乔山县农村供水保障提升方案由哪个部门牵头") == ("乔山县",)
    assert named_places("岑山县企业招用高校毕业生的扩岗补贴每人多少") == ("岑山县",)
    assert named_places("临川区2024年地区生产总值增长目标是多少") == ("临川区",)  # not "年地区"
    assert named_places("产粮大县奖励多少") == ()


def test_which_units_is_asked_of_a_points_tasks_not_a_whole_list():
    from bot.kinds import duty

    # "要求哪几个部门…制定指引": the point naming the units answers, not the speech as a whole
    question = "张县长在全体会议上要求哪几个部门5月底前制定行业指引"
    assert parse_intent(question).kind != "list"
    assert duty.asks(question).who
    assert parse_intent("张县长在全体会议上要求了哪几点").kind == "list"
    # how the work was divided asks for each unit's part, the whole list; a task table named by its kind does not
    assert parse_intent("温县长在推进会上，下半年的任务是咋分工的").kind == "list"
    assert parse_intent("任务分工表里住建局干啥").kind != "list"


@pytest.mark.parametrize("question, documents", [
    ("督察整改方案里规模养殖场粪污治理由哪个单位牵头", ("方案",)),
    ("招商引资若干措施对总部企业奖励多少", ("措施",)),
    ("防汛通知里说全县有多少座中型水库", ("通知",)),
    ("县水利局在防汛抗旱分工里负责哪些工作", ("分工",)),  # a 任务分工 named short
    ("农业农村工作要点里县农业农村局牵头几项", ("要点",)),
    ("农网分工文件里户均配变容量目标定的多少", ("分工",)),  # the kind, then the word for a document
    ("防汛任务分工表里县水利局负责哪些事", ("分工",)),
    ("双减简报里说这学期参加课后服务的学生有多少", ("简报",)),  # a report by its kind, as its title names it
    ("防汛会议纪要中对县水利局提了什么要求", ("纪要",)),
    ("这个方案怎么样", ()),  # no document named by its name
    ("招商方面有什么要求", ()),
])
def test_a_document_is_named_by_its_kind_where_the_answer_is_said_to_be_in_it(question, documents):
    assert parse_intent(question).documents == documents


def test_a_documents_name_runs_from_the_words_before_it_to_its_kind():
    from bot.intent import document_spans

    def spans(q):
        return [q[s:e] for s, e in document_spans(q)]

    assert spans("区住建局在2025年老旧小区改造方案里要干啥") == ["2025年老旧小区改造方案"]
    assert spans("督察整改方案里规模养殖场粪污治理由哪个单位牵头") == ["督察整改方案"]
    assert spans("招商方面有什么要求") == []


def test_the_meeting_pointed_at_and_an_if_are_no_content():
    """"2025年那次推进会": 那次 points at the meeting the year names; "要是…咋处理": the condition is what is asked
    about, not its 要是."""
    from bot.analysis import query_terms
    from bot.intent import is_content

    assert not is_content("那次") and not is_content("这回") and is_content("推进")
    assert "要是" not in query_terms("要是托育机构多报孩子人数骗补贴咋处理")
    assert "托育" in query_terms("要是托育机构多报孩子人数骗补贴咋处理")


def test_a_document_saying_something_is_no_person_and_a_familys_market_town_is_a_place():
    from bot.intent import named_places, named_people

    assert named_people("简报里讲的搬迁企业回头看是谁牵头") == () and named_people("方案里提到的补助标准") == ()
    assert named_people("简宏伟在会上讲了什么") == ("简宏伟",)  # 简 is a surname still
    assert named_places("马集镇的暑期托管点设在哪所学校") == ("马集镇",) and named_places("王集乡有什么任务") == ("王集乡",)
    assert named_places("加强中心集镇建设") == () and named_places("小集镇建设怎么搞") == ()


def test_a_report_named_by_its_kind_answers_before_a_meeting_retelling_the_same_work(tmp_path, embedder):
    """"双减简报里说参加课后服务的学生有多少": the 简报's figure first, not the 常委会's report of the same work."""
    from tests.conftest import searcher_over, top_result

    searcher = searcher_over(tmp_path, embedder, {
        "committee_2025-06-10.txt":
            "县委常委会召开会议\n\n2025年6月10日\n\n"
            "会议研究了“双减”工作。会议指出，全县“双减”工作扎实推进，参加课后服务的学生有3.2万人，参与率达到93.6%，家长满意度持续提升。"
            "会议要求，要坚持学校教育主阵地，让学生作业负担和校外培训负担实实在在减下来。\n",
        "briefing_2025-03-28.txt":
            "“双减”工作简报\n第3期\n县“双减”工作专班办公室　2025年3月28日\n\n"
            "【工作动态】全县课后服务实现“应开尽开”。本学期开学以来，全县52所义务教育学校全部开展课后服务，"
            "参与学生3.41万人。\n"
            "【下步安排】专班将加强课后服务经费保障，确保教师劳务报酬按时兑现。\n"})
    top = top_result(searcher, "双减简报里说参加课后服务的学生有多少")
    assert "3.41万人" in top.passage.text, top.passage.text
