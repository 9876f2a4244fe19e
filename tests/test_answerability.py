"""Answerability: the people, meetings, places and figures a question names, and its content, must be
found in the answering passage or its article; otherwise an honest no-answer with related passages."""

import pytest

from bot.render import answer_record, console_text


@pytest.mark.parametrize(
    "question",
    [
        "第四次推进会提了哪些要求",  # a meeting of the series that never took place
        "副区长王强在推进会上讲了什么",  # a person no bulletin names
        "重点项目建设的奖励标准是多少",  # an amount no bulletin states
        "林卫东在北桥镇防汛会议上讲了什么",  # a speaker who was not at that meeting
        "2021年的推进会提了哪些要求",  # a year with no meeting
        "明天会下雨吗",
        "镇应急站的沙袋由哪家企业供应",  # "which firm": the sandbag passage names none
        "标准厂房建设贷款由哪家银行提供",  # "which bank": no bulletin names one
    ],
)
def test_questions_the_bulletins_do_not_answer_get_no_answer(hexi, question):
    answer = hexi.search(question)
    assert not answer.answered and answer.results == ()


@pytest.mark.parametrize(
    "question,expected",
    [
        ("全镇有多少座山塘要做汛前检查", "11座山塘"),
        ("镇应急站要储备多少条沙袋", "沙袋5000条"),
        ("第三次推进会在哪个镇召开", "青柳镇"),
        ("截至6月份重点项目完成了多少投资", "完成投资41亿元"),  # a date the article mentions, not its own
        ("北桥镇汛期安全会议是哪天开的", "2022年5月26日"),  # "哪天开的" is an ask, not the content word "天开"
        ("河西园区的标准厂房招租由哪家企业负责", "河西园区运营有限公司"),  # a 公司 is a firm
    ],
)
def test_questions_the_bulletins_answer_are_answered(hexi, question, expected):
    answer = hexi.search(question)
    assert answer.answered
    assert any(expected in r.passage.text for r in answer.results[:3])


def test_a_no_answer_offers_related_passages_apart_from_the_answer(hexi):
    answer = hexi.search("北桥镇沙袋储备经费是多少")
    assert not answer.answered and answer.results == ()
    assert answer.related and "沙袋" in answer.related[0].passage.text
    record = answer_record(answer)
    assert record["results"] == [] and record["message"]
    assert record["related"][0]["text"] == answer.related[0].passage.text
    assert set(record["related"][0]) >= {"article_id", "date", "title", "passage_id"}
    text = console_text(answer)
    assert text.startswith("抱歉") and "仅供参考" in text and "沙袋" in text


def test_every_result_carries_its_article_and_date(hexi):
    record = answer_record(hexi.search("第二次推进会上林卫东强调的第一点"))
    top = record["results"][0]
    assert top["date"] == "2022-06-20" and top["article_id"]
    assert "2022年6月20日" in console_text(hexi.search("第二次推进会上林卫东强调的第一点"))


def test_a_term_is_found_whole_or_by_most_of_its_parts():
    from bot.answerability import _found

    terms = {"农民工": 6.0, "农民": 4.0, "民工": 6.0, "考察学习": 5.0, "考察": 3.0, "学习": 2.0}
    assert not _found("农民工", terms, "农民人均可支配收入增长8%")  # 农民 alone is not 农民工
    assert _found("农民工", terms, "保障农民工工资按时足额支付")
    assert _found("考察学习", terms, "赴日照考察，学习先进经验")  # its parts, each found
    # A two-word abbreviation by each word's first character ("技改" of "技术改造"); nothing looser.
    assert _found("技改", {"技改": 4.0}, "技术改造奖励比例由原来的5%提高到8%")
    assert not _found("农民", {"农民": 4.0}, "农村居民人均可支配收入")


def test_an_everyday_word_no_bulletin_writes_counts_once_not_with_each_of_its_parts():
    from bot.analysis import unheld_once

    weights = {"包工": 5.8, "工头": 5.8, "包工头": 5.8, "工人": 4.2}
    assert unheld_once(weights, {"工人"}) == {"包工头": 5.8, "工人": 4.2}
    # parts the archive writes stay: "农民" found where "农民工" is not tells the two apart
    assert unheld_once({"农民工": 6.0, "农民": 4.0}, {"农民"}) == {"农民工": 6.0, "农民": 4.0}


def test_a_worker_left_unpaid_asked_in_everyday_words_is_answered(tmp_path, embedder):
    """"包工头卷钱跑了，工人的钱咋弄": the press conference's "如果老板跑了，工人的工资怎么办？…先行垫付" answers;
    包工头 and its parts 包工, 工头 — three words no bulletin writes for one — had kept it under the topic floor."""
    from tests.conftest import searcher_over

    searcher = searcher_over(tmp_path, embedder, {
        "press_2024-11-19.txt":
            "睦源县根治欠薪冬季行动新闻发布会\n\n2024年11月19日\n\n"
            "记者：如果老板跑了，工人的工资怎么办？\n孔维嘉：这种情况，县里有兜底的办法。县财政每年拿出300万元作为"
            "欠薪应急周转金，老板找不到人的，先由政府垫上，再依法向欠薪的老板追偿。\n"
            "记者：对施工企业有哪些要求？\n孔维嘉：施工总承包单位要开设农民工工资专用账户，按月足额支付工资。\n",
        "rules_2024-10-12.txt":
            "睦源县工程建设领域农民工工资支付实施细则\n\n2024年10月12日\n\n"
            "第三条　施工总承包单位应当自合同签订之日起30日内开设农民工工资专用账户。\n"
            "第十条　对拖欠农民工工资情节严重的用人单位，依法列入失信联合惩戒对象名单。\n"})
    answer = searcher.search("包工头卷钱跑了，工人的钱咋弄")
    assert answer.answered and "先由政府垫上" in answer.results[0].passage.text


def test_what_kind_of_one_a_question_asks_for():
    from bot.intent import parse_intent
    from bot.kinds.named import asks as kind_asked

    assert "公司" in kind_asked("商贸中心由哪家企业投资建设") and "银行" in kind_asked("补贴通过哪一家银行发放")
    assert kind_asked("哪所学校承办") == ("学校",)
    assert kind_asked("哪个部门牵头") == ()  # a unit: a duty question's (bot/kinds/duty.py)
    assert parse_intent("禁止野外用火的时间是哪段").asks_when


def test_a_name_numbered_in_order_must_be_the_one_the_article_names():
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "县第三实验小学什么时候投入使用"
    req = requirements(parse_intent(question), {"实验": 3.0, "小学": 3.0, "投入使用": 2.0}, (), (), question, set())
    second = "建成县第二实验小学并于秋季投入使用，新增学位1620个"
    assert not check(req, second, second, None, None).pinned
    third = "县第三实验小学9月1日投入使用"
    assert check(req, third, third, None, None).pinned


def test_a_figure_the_question_names_is_found_whole_not_inside_another():
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "经营性收入50万元以上的村要达到多少个"
    req = requirements(parse_intent(question), {"经营性": 3.0, "收入": 2.0}, (), (), question, set())
    text = "到2025年，经营性收入30万元以上的村达到1500个中的40个"
    assert not check(req, text, text, None, None).pinned  # "50" only inside 1500 and 2025
    assert check(req, text + "，50万元以上的村10个", text, None, None).pinned is False  # must be in the article
    assert check(req, text, text + "，50万元以上的村10个", None, None).pinned


def test_a_document_named_by_its_kind_must_be_that_document():
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "2024年政府工作报告提出的地区生产总值增长目标是多少"
    req = requirements(parse_intent(question), {"地区生产总值": 3.0, "增长": 2.0}, (), (), question, set())
    meeting = "区委常委会会议听取了前三季度经济运行情况汇报，地区生产总值增长6.1%"
    assert not check(req, meeting, meeting, None, None).pinned  # a meeting's figure, not the report's target
    report = "政府工作报告 今年的主要预期目标是：地区生产总值增长6%左右"
    assert check(req, report, report, None, None).pinned
    # the next year's report recalls 2024 in its review: it is still not the 2024 report
    from bot.catalog import ArticleEntry

    later = ArticleEntry("r25", "2025年政府工作报告", frozenset(), "2025-01-16", (), None)
    recalled = "2025年政府工作报告 一、2024年工作回顾 二、主要目标：地区生产总值增长6%左右"
    assert not check(req, recalled, recalled, later, None).pinned
    own = ArticleEntry("r24", "政府工作报告", frozenset(), "2024-01-20", (), None)
    assert check(req, report, report, own, None).pinned


def test_the_meeting_of_a_series_is_the_one_the_article_reports_not_one_it_announces():
    from bot.answerability import check, requirements
    from bot.catalog import ArticleEntry
    from bot.intent import parse_intent

    question = "供水工程第三次推进会上提了哪些要求"
    req = requirements(parse_intent(question), {"供水": 2.0, "工程": 1.0}, (), (), question, set())
    second = ArticleEntry("a2", "供水工程第二次推进会召开", frozenset(), "2024-07-10", (), 2)
    text = "供水工程第二次推进会召开。会议要求加快进度，第三次推进会将于9月召开。"
    assert not check(req, text, text, second, None).pinned


def test_a_meeting_named_by_its_form_is_one_the_article_reports_not_one_it_mentions():
    from bot.answerability import check, requirements
    from bot.catalog import ArticleEntry
    from bot.intent import parse_intent

    question = "周书记在文旅暑期调度会上讲了哪些要求"
    req = requirements(parse_intent(question), {"文旅": 2.0, "暑期": 2.0}, ("周明远",), (), question, set())
    speech = ArticleEntry("s", "在全县文旅发展大会上的讲话", frozenset(), "2025-03-02", ("周明远",), 6)
    body = ("在全县文旅发展大会上的讲话。同志们：今天召开全县文旅发展大会。" + "一是抓项目，暑期前完成古村修缮。" * 20
            + "领导小组每季度召开一次调度会，研究文旅重大问题。")
    assert not check(req, body, body, speech, None).pinned  # the speech mentions 调度会; it was not given at one
    report = ArticleEntry("r", "全县文旅暑期调度会召开", frozenset(), "2025-06-11", ("周明远",), 3)
    text = "全县文旅暑期调度会召开。6月11日，周明远主持召开全县文旅暑期调度会。会议要求抓好暑期安全。"
    assert check(req, text, text, report, None).pinned


def test_a_figure_with_its_magnitude_is_that_figure():
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "年网络零售额首次突破1亿元的奖多少"
    req = requirements(parse_intent(question), {"网络": 2.0, "零售额": 3.0, "突破": 1.0}, (), (), question, set())
    text = "第5条 年网络零售额首次突破1000万元的，奖励10万元；首次突破5000万元的，奖励30万元。"
    assert not check(req, text, text, None, None).pinned  # a "1" is there, "1亿" is not
    assert check(req, text + "首次突破1亿元的，奖励50万元。", text + "首次突破1亿元的，奖励50万元。", None, None).pinned
    question = "对世界500强企业落户奖多少钱"
    req = requirements(parse_intent(question), {"世界": 2.0, "企业": 1.0, "落户": 2.0}, (), (), question, set())
    text = "新落户的区域性总部，一次性奖励500万元。"
    assert not check(req, text, text, None, None).pinned


def test_another_grade_of_the_thing_asked_is_no_answer():
    """"二级网格长每月补助多少": a passage giving the 三级网格员's allowance, and never the 二级, is about another grade;
    a passage giving both grades, or none, is judged on its words as before."""
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "二级网格长每月补助多少钱"
    req = requirements(parse_intent(question), {"网格": 3.0, "补助": 2.0}, (), (), question, set())
    other = "县财政对三级网格员给予巡护补助，标准为每人每月800元。"
    assert not check(req, other, other, None, None).pinned
    both = "二级网格长每人每月补助500元，三级网格员每人每月补助800元。"
    assert check(req, both, both, None, None).pinned
    question = "省级示范村奖励多少"
    req = requirements(parse_intent(question), {"示范村": 3.0, "奖励": 2.0}, (), (), question, set())
    text = "新评为市级示范村的，奖励10万元。"
    assert not check(req, text, text, None, None).pinned
    question = "县级财政配套多少"  # "县级配套" is that grade, though "市级财政" comes first
    req = requirements(parse_intent(question), {"财政": 2.0, "配套": 3.0}, (), (), question, set())
    text = "市级财政补助30%，县级配套20%。"
    assert check(req, text, text, None, None).pinned


def test_figures_of_another_period_are_no_answer_for_the_period_asked():
    """"1到8月新签了多少个项目": a 简报's "1—7月…新签约项目11个" counts another period; "二季度签了多少" is not answered
    by the 一季度's figure. A passage naming no period, or the period asked among others, is judged as before."""
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "1到8月园区新签了多少个项目"
    req = requirements(parse_intent(question), {"园区": 2.0, "新签": 3.0, "项目": 1.0}, (), (), question, set())
    other = "今年1—7月，园区新签约项目11个，协议总投资36.8亿元。"
    assert not check(req, other, other, None, None).pinned
    own = "今年1—8月，园区新签约项目13个，协议总投资41.2亿元。"
    assert check(req, own, own, None, None).pinned
    question = "园区二季度签了多少项目"
    req = requirements(parse_intent(question), {"园区": 2.0, "项目": 1.0}, (), (), question, set())
    first = "一季度，园区新签约项目6个，协议投资23.5亿元。"
    assert not check(req, first, first, None, None).pinned
    both = "一季度园区签约项目6个，二季度签约9个。"
    assert check(req, both, both, None, None).pinned
    plain = "园区新签约项目9个。"
    assert check(req, plain, plain, None, None).pinned


def test_a_passage_telling_of_another_town_does_not_answer_for_the_town_asked():
    """"鹭坪镇累计排查隐患多少项": the 简报 names 鹭坪镇 in another item, its item on 柘塘镇 gives the figure."""
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "鹭坪镇今年累计排查隐患多少项"
    req = requirements(parse_intent(question), {"排查": 2.0, "隐患": 3.0, "累计": 1.0}, (), ("鹭坪镇",), question, set())
    article = "安全生产工作简报 鹭坪镇开展消防演练。柘塘镇累计排查隐患417项，全镇整改率98%。"
    other = "今年以来，柘塘镇累计排查隐患417项，全镇整改率98%。"
    assert not check(req, other, article, None, None).pinned
    county = "今年以来，全县累计排查隐患2300项。"  # the whole county's figure is not the town's
    assert not check(req, county, article, None, None).pinned
    plain = "今年以来，累计排查隐患2300项。"  # no place named: the article locates it, as before
    assert check(req, plain, article, None, None).pinned
    own = "对县里排查出的我镇47项隐患逐项整改，累计排查隐患600项。"  # the town speaking of itself ("我镇") is no other
    assert check(req, own, article, None, None).pinned
    both = "柘塘、鹭坪两镇累计排查隐患600项。"
    assert check(req, both, article, None, None).pinned


def test_a_grade_with_its_letter_is_that_grade():
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "新评定为国家5A级旅游景区的奖励多少"
    req = requirements(parse_intent(question), {"旅游": 2.0, "景区": 2.0, "奖励": 1.0}, (), (), question, set())
    text = "对新评定为国家4A级、3A级旅游景区的，分别给予一次性奖励100万元、30万元。5月起受理申报。"
    assert not check(req, text, text, None, None).pinned  # "5" is there, "5A" is not
    # a grade by its letters alone: "A级" asked, and only "AAA级" or no grade given
    question = "食堂等级评定哪些学校评上了A级"
    req = requirements(parse_intent(question), {"食堂": 2.0, "等级": 1.0, "评定": 1.0}, (), (), question, set())
    assert not check(req, "9月底前完成学校食堂等级评定。", "9月底前完成学校食堂等级评定。", None, None).pinned
    assert not check(req, "3所食堂评为AAA级。", "3所食堂评为AAA级。", None, None).pinned
    assert check(req, "等级评定中，6所学校食堂评为A级。", "等级评定中，6所学校食堂评为A级。", None, None).pinned


def test_a_latin_word_asked_in_any_case_is_found_as_written():
    from bot.analysis import query_terms
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "5G基站和AI算力中心建设有什么要求"
    terms = [t for t in query_terms(question) if t in ("5g", "基站", "ai", "算力")]
    assert "5g" in terms and "ai" in terms  # the question's words are read in lower case
    req = requirements(parse_intent(question), {t: 1.0 for t in terms}, (), (), question, set())
    assert "ai" in req.weights
    text = "加快5G基站和AI算力中心建设，年底前新建基站300个。"
    assert check(req, text, text, None, None).coverage == 1.0


def test_an_everyday_word_is_found_written_the_bulletins_way():
    from bot.answerability import check, requirements
    from bot.intent import parse_intent
    from bot.phrasing import written_forms

    question = "暖气费能要回来吗"
    weights = {"暖气费": 3.0, "要回来": 2.0}
    plain = requirements(parse_intent(question), weights, (), (), question, set())
    told = requirements(parse_intent(question), weights, (), (), question, set(), written_forms(question))
    text = "室温不达标的，用户可以申请按日退还热费"
    assert check(plain, text, text, None, None).coverage == 0.0
    assert check(told, text, text, None, None).coverage == 1.0
    # the everyday word with a noun suffix ("盖房子" of 盖房 → 建房); another part of it is not ("盖房子" is no 房子 a
    # bulletin writes 住房)
    question = "农村自己盖房子最高能盖几层"
    weights = {"农村": 1.5, "房子": 4.7, "盖房子": 5.8}
    told = requirements(parse_intent(question), weights, (), (), question, set(), written_forms(question))
    text = "农村村民建房层数原则上不超过三层，房屋总高度不超过12米"
    assert check(told, text, text, None, None).coverage == 1.0
    assert check(told, "农村住房安全隐患排查", "农村住房安全隐患排查", None, None).coverage < 0.5


def test_a_pronoun_or_a_particle_says_nothing_of_what_is_asked_however_rare():
    from bot.analysis import is_common_word

    assert is_common_word("别的") and is_common_word("咱们") and is_common_word("工作")  # a pronoun; a frequent word
    assert not is_common_word("光伏") and not is_common_word("托儿所")
    assert not is_common_word("每个")  # "每个村配几台": a rate asked


def test_people_named_side_by_side_are_alternatives_and_a_meetings_year_is_its_own():
    from bot.answerability import check, requirements
    from bot.catalog import ArticleEntry
    from bot.intent import parse_intent

    # "刘副县长" of an archive with two deputies surnamed 刘 is read as "刘晓岚、刘光明": either one's meeting answers
    question = "刘晓岚、刘光明在第二次农村公路调度会上定了几件事"
    req = requirements(parse_intent(question), {"农村": 1.0, "公路": 2.0}, ("刘晓岚", "刘光明"), (), question, set())
    text = "副县长刘光明主持召开全县农村公路建设第二次调度会。会议明确了三件事。"
    assert check(req, text, text, None, None).pinned
    question = "2023年县政府常务会议对养老服务补贴办法提了什么要求"
    req = requirements(parse_intent(question), {"养老": 2.0, "补贴": 2.0}, (), (), question, set())
    later = ArticleEntry("m24", "县政府第12次常务会议", frozenset(), "2024-05-10", (), None)
    text = "会议审议养老服务补贴办法。2023年全县发放补贴800万元。"
    assert not check(req, text, text, later, None).pinned  # 2024's meeting recalling 2023 is not 2023's
    # whatever the meeting is called ("…委员会全体会议")
    question = "2023年县防汛抗旱指挥部全体会议提了哪些要求"
    req = requirements(parse_intent(question), {"防汛": 2.0, "抗旱": 2.0}, (), (), question, set())
    later = ArticleEntry("f24", "县防汛抗旱指挥部召开2024年全体会议", frozenset(), "2024-04-02", (), None)
    text = "会议指出，2023年全县安全度汛。要压实防汛责任。"
    assert not check(req, text, text, later, None).pinned


def test_a_check_counts_the_words_a_passage_holds_literally_or_by_meaning():
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "家里烧煤的炉子还能用吗"
    req = requirements(parse_intent(question), {"烧煤": 3.0, "炉子": 5.0, "家里": 4.0}, (), (), question, {"烧煤"})
    text = "还能烧煤吗？禁燃区内已完成改造的农户要将原有燃煤炉具拆除。"
    assert check(req, text, text, None, None).words == 1
    assert check(req, text, text, None, None, frozenset({"炉子"})).words == 2  # 炉子 read by meaning (炉具)


def test_a_figure_inside_a_name_is_no_figure_asked():
    """"今年PM2.5要控制在多少": 2.5 is part of the pollutant's name, not a figure the answer must hold apart from it."""
    from bot.answerability import requirements
    from bot.intent import parse_intent

    question = "2025年秋冬季PM2.5要控制在多少"
    assert requirements(parse_intent(question), {"秋冬季": 3.0, "pm2.5": 4.0}, (), (), question, set()).numbers == ()
    question = "首次突破1亿元的企业奖励多少"
    assert requirements(parse_intent(question), {"突破": 3.0}, (), (), question, set()).numbers == ("1亿",)


def test_the_year_before_an_articles_told_as_last_year_is_the_year_asked():
    """"2023年全县民营经济增加值是多少": a 2024 speech saying "去年，全县民营经济增加值达到118.6亿元" gives 2023's figure;
    asked of 2022 it does not."""
    from bot.answerability import check, requirements
    from bot.catalog import ArticleEntry
    from bot.intent import parse_intent

    speech = "同志们：今天我们召开全县民营经济发展大会。去年，全县民营经济增加值达到118.6亿元，占全县生产总值的52%。"
    art = ArticleEntry("a1", "在全县民营经济发展大会上的讲话", frozenset(), "2024-02-26", (), None)
    for year, pinned in (("2023", True), ("2022", False)):
        question = f"{year}年全县民营经济增加值是多少"
        req = requirements(parse_intent(question), {"民营": 1.7, "经济": 2.4, "增加值": 4.0}, (), (), question, set())
        assert check(req, speech, speech, art, 2024).pinned is pinned


def test_a_kin_word_read_alike_is_the_word_typed_wrong_not_another_kind():
    """"新增专业检测设备多少套" of an archive writing 监测: the two read alike (jiance), so the passage naming 监测 is not
    about another kind of thing; 博士 and 硕士 do not, and a passage naming the other degree stays another kind."""
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    question = "新增专业检测设备多少套"
    req = requirements(parse_intent(question), {"新增": 3.0, "专业": 3.0, "检测": 5.8, "设备": 2.6}, (), (), question,
                       {"新增", "专业", "设备"})
    text = "4.扩大专业监测覆盖面。新增普适型监测设备36套。"
    assert check(req, text, text, None, None).pinned
    question = "企业引进硕士研究生每人补贴多少"
    req = requirements(parse_intent(question), {"企业": 2.0, "引进": 2.0, "硕士": 5.8, "补贴": 2.0}, (), (), question,
                       {"企业", "引进", "补贴"})
    text = "企业新引进全日制博士研究生的，按每人每年3万元给予生活补贴。"
    assert not check(req, text, text, None, None).pinned


def test_another_county_must_be_told_of_in_the_passage_named_with_or_without_its_level():
    """In an archive of one county (home 獐溪县): "柘峰县…卡点设了多少个" is not answered by the county's own plan naming
    柘峰县 in another point only; "新增一个托位县里补多少钱" (a place "托位县" misread from 县里) still is by a passage
    naming 托位."""
    from bot.answerability import check, requirements
    from bot.intent import parse_intent

    def pinned(question, places, passage, article):
        req = requirements(parse_intent(question), {"卡点": 3.0, "托位": 3.0}, (), places, question, {"卡点", "托位"},
                           home="獐溪县")
        return check(req, passage, article, None, None).pinned

    plan = ("獐溪县森林防灭火工作要点 各乡镇人民政府，县直有关单位：现将工作要点印发给你们，请结合实际认真贯彻落实，确保全年"
            "不发生重特大森林火灾，并按季度报送工作进展情况，年底前报送全年工作总结。1.在重要进山路口设立防火检查卡点126个。"
            "2.乡镇专业扑火队员不少于30人，配齐风力灭火机等装备。3.组织开展县乡两级森林火灾扑救实战化演练不少于2次，"
            "与柘峰县开展1次跨区域联合演练。")
    point = "1.在重要进山路口设立防火检查卡点126个。"
    assert not pinned("柘峰县森林防火检查卡点设了多少个", ("柘峰县",), point, plan)
    assert pinned("獐溪县森林防火检查卡点设了多少个", ("獐溪县",), point, plan)
    subsidy = "一是补建设，每新增1个托位补助5000元。"
    assert pinned("新增一个托位县里补多少钱", ("托位县",), subsidy, "托育机构扶持办法 " + subsidy)
