"""Everyday phrasing: colloquial words and people addressed by surname and post, read as bulletins write them."""

import pytest

from bot.phrasing import plain_words, resolve_people
from tests.conftest import searcher_over, top_result

PEOPLE = ["王立群", "李卫东", "王志刚", "欧阳明", "周文涛"]
LAST_SPOKE = {"王立群": "2024-06-12", "王志刚": "2025-01-10", "李卫东": "2024-02-20"}.get


@pytest.mark.parametrize("spoken,written", [
    ("住建局要干啥", "住建局要做什么"),
    ("防汛物资不够咋整", "防汛物资不够怎么办"),
    ("项目啥时候开工", "项目什么时候开工"),
    ("这事有啥说法", "这事有什么要求"),
    ("咱们镇要搞啥", "我们镇要做什么"),
    ("书记都让大家干啥了", "书记提了哪些要求"),
    ("今年GDP增长目标是多少", "今年地区生产总值GDP增长目标是多少"),  # as county bulletins write it, abbreviation kept
    ("招商方面有什么要求", "招商方面有什么要求"),  # written Chinese is left as it is
    ("住建局这块要干啥", "住建局要做什么"),
    ("河那边的堤防", "河那边的堤防"),  # a place over there stays
    ("县里对新评上的景区奖励多少钱", "县对新评上的景区奖励多少钱"),  # the county that writes, no word to look for
    ("区里今年办几件实事", "区今年办几件实事"),
    ("县里程碑式的项目有哪些", "县里程碑式的项目有哪些"),  # 里程碑 is a word
    ("企业头一回升规奖多少", "企业首次升规奖多少"),  # as bulletins write it (jieba would cut 头一|回升|规)
    ("24年高标准农田项目总投资多少", "2024年高标准农田项目总投资多少"),  # a year by its last two digits
    ("25年底前要完成多少户", "2025年底前要完成多少户"),
    ("满15年的老党员补多少", "满15年的老党员补多少"),  # a length of time stays
    ("近20年来", "近20年来"),
    ("贷款期限15年", "贷款期限15年"),
    ("24年前的旧账", "24年前的旧账"),
    # the year before, as 去年 (a time the meeting's date places, no words the figure's passage holds)
    ("2025年推进会上说，上一年一共巡河多少人次", "2025年推进会上说，去年一共巡河多少人次"),
    ("前一年的数据", "去年的数据"),
    ("上年度考核结果", "上年度考核结果"),
])
def test_colloquial_words_are_read_in_their_written_form(spoken, written):
    assert plain_words(spoken) == written


def test_a_person_addressed_by_surname_and_post_is_named():
    assert resolve_people("李书记讲了几点", PEOPLE, LAST_SPOKE) == "李卫东讲了几点"
    assert resolve_people("欧阳书记强调了什么", PEOPLE, LAST_SPOKE) == "欧阳明强调了什么"


def test_two_people_of_one_surname_are_both_named_most_recent_first():
    assert resolve_people("王副县长强调了什么", PEOPLE, LAST_SPOKE) == "王志刚、王立群强调了什么"


@pytest.mark.parametrize("question", [
    "全县长期坚持什么",  # 全 + 县长 inside 全县长期: no one surnamed 全
    "周文涛县长讲了什么",  # the full name is already there
    "赵局长提了什么要求",  # nobody surnamed 赵 in the archive
    "县长强调了什么",  # a post alone
])
def test_questions_without_a_resolvable_address_are_left_alone(question):
    assert resolve_people(question, PEOPLE, LAST_SPOKE) == question


def test_an_official_asks_for_a_speaker_by_surname_and_post(hexi):
    """Over our own archive: "林区长" is 林卫东, whose lists the bulletins hold, and the answer is his."""
    answer = hexi.search("林区长在第二次推进会上讲了几点")
    assert answer.answered
    assert answer.results[0].passage.speaker == "林卫东"
    assert not hexi.search("林区长在北桥镇防汛会议上讲了什么").answered  # he was not at that meeting


def test_the_weather_asked_of_a_place_is_small_talk_and_a_weather_topic_is_not():
    from bot.smalltalk import CHITCHAT, classify

    assert classify("今天塬州天气怎么样，会下雪吗") == CHITCHAT
    assert classify("青石镇明天下雨吗") == CHITCHAT
    assert classify("高温天气有什么要求") is None
    assert classify("防汛天气") is None


def test_everyday_words_bring_the_written_ones_along():
    from bot.phrasing import with_written_forms, written_forms

    assert with_written_forms("交的暖气费能要回来一部分吗").split()[1:] == ["热费", "供暖费", "供暖", "供热", "退还", "返还"]
    assert written_forms("老年人助餐补贴标准是多少") == {}  # written already: nothing added
    assert written_forms("村里管水员的工钱谁出") == {"工钱": ("报酬", "劳务费"),
                                                   "村里": ("村级", "村内", "本村", "村组", "各村")}
    # one of a thing in a rate asked is written with 每 ("一户一年最多拿多少" / "每户每年最高…"), a mean with 均 ("一亩能收
    # 多少钱" / "亩均收益860元")
    assert written_forms("产业奖补一户一年最多能拿多少钱") == {"一户": ("每户", "户均"), "一年": ("每年",)}
    assert written_forms("托管以后一亩竹林能收多少钱")["一亩"] == ("每亩", "亩均")
    assert "亩均" not in with_written_forms("托管以后一亩竹林能收多少钱")  # enough to answer, no reason to rank higher
    # taking several subsidies at once, as rules forbid it ("不得叠加享受")
    assert "叠加享受" in written_forms("一个项目能不能几样补贴一起拿")["一起拿"]
    # cheating as people say it, as rules write it ("以虚报、冒领等手段骗取…", "弄虚作假")
    assert set(written_forms("拿假材料骗补贴被查出来会咋样")) == {"骗", "假材料", "查出"}
    assert "骗取" in written_forms("拿假材料骗补贴被查出来会咋样")["骗"]
    assert written_forms("防范电信网络诈骗有哪些措施") == {}  # 骗 inside 诈骗 is no everyday word of its own
    assert written_forms("统一年度考核多少分") == {} and written_forms("第一年补多少") == {}
    assert written_forms("校外培训机构一次最多能预收多少钱") == {"一次": ("每次", "单次")}
    assert written_forms("快递进村派一件补多少") == {"一件": ("每件",)}
    # one of a thing counted with 个 ("一个人一个月给多少钱" / "每人每月860元")
    assert written_forms("现在低保一个人一个月给多少钱") == {"低保": ("最低生活保障",), "一个人": ("每人", "人均"),
                                                       "一个月": ("每月",)}
    assert "一个月" not in written_forms("一个月内要办完这件事")  # no figure asked
    # a first batch is written 首批; what it all costs, 总投资
    assert written_forms("扶持资金第一批啥时候拨") == {"第一批": ("首批",)}
    assert written_forms("三年改造一共要投多少钱")["一共要投"] == ("总投资", "总投入")
    # a village's sanitation and its complaints, as plans write them
    assert written_forms("茅房修好了户主不肯画押咋办") == {"茅房": ("厕所", "户厕"), "画押": ("签字", "确认")}
    assert written_forms("工人告状没拿到工钱，最多几天得弄利索")["告状"] == ("投诉", "举报", "信访")


def test_the_post_addressed_picks_among_people_of_one_surname():
    # 陈明 is a 副县长 (addressed "陈县长"), 陈华 a 局长: the address says which one; a post the archive gives neither
    # still names both.
    posts = {"陈明": ("副县长",), "陈华": ("局长",), "马林": ("县委副书记",)}.get
    people = ["陈明", "陈华", "马林"]
    assert resolve_people("陈县长让干啥", people, None, lambda p: posts(p, ())) == "陈明让干啥"
    assert resolve_people("陈副县长讲了什么", people, None, lambda p: posts(p, ())) == "陈明讲了什么"
    assert resolve_people("陈局长讲了几点", people, None, lambda p: posts(p, ())) == "陈华讲了几点"
    assert resolve_people("马书记强调了什么", people, None, lambda p: posts(p, ())) == "马林强调了什么"
    assert resolve_people("陈主任说了什么", people, None, lambda p: posts(p, ())) == "陈明、陈华说了什么"
    # after a word ending in a character that could start a name ("会上许局长": 上许 is no surname)
    deputy = {"许文涛": ("县财政局副局长",), "何颖": ("县文旅局局长",)}.get
    assert resolve_people("发布会上许局长说的第二点是什么", ["许文涛", "何颖"], None, lambda p: deputy(p, ())) \
        == "发布会上许文涛说的第二点是什么"
    assert resolve_people("会上赵局长说了啥", ["许文涛", "何颖"], None, lambda p: deputy(p, ())) == "会上赵局长说了啥"
    # the head of a 残联, 工商联 or 协会 is its 理事长 or 会长
    heads = {"葛敏": ("理事长",), "葛林": ("局长",)}.get
    assert resolve_people("葛理事长说了啥", ["葛敏", "葛林"], None, lambda p: heads(p, ())) == "葛敏说了啥"


def test_a_unit_head_asked_what_to_do_stands_for_the_unit():
    posts = {"许晨": ("区市场监管局局长",), "陈明": ("副县长",)}.get
    people = ["许晨", "陈明"]
    def resolved(question: str, with_units: bool = False) -> str:
        return resolve_people(question, people, None, lambda p: posts(p, ()), with_units=with_units)

    assert resolved("许局长那边要做什么", with_units=True) == "区市场监管局要做什么"
    assert resolved("许局长要做什么", with_units=True) == "许晨要做什么"  # the person, unless "那边"
    assert resolved("许局长那边怎么说") == "许晨怎么说"
    assert resolved("陈县长那边要做什么", with_units=True) == "陈明要做什么"  # a county head heads no unit
    assert resolved("许局长他们要干什么", with_units=True) == "区市场监管局要干什么"
    assert resolved("许局长他们市场监管局要做什么", with_units=True) == "市场监管局要做什么"  # named next: once


def test_a_deputy_stays_a_deputy_with_the_unit_written_before_the_post():
    posts = {"许晨": ("区市场监管局副局长",), "王敏": ("区纪委副书记",), "李强": ("区委书记",)}.get
    people = ["许晨", "王敏", "李强"]
    assert resolve_people("许副局长讲了什么", people, None, lambda p: posts(p, ())) == "许晨讲了什么"
    # "书记" alone is the party secretary, not the discipline commission's deputy
    assert resolve_people("书记讲了几点", people, None, lambda p: posts(p, ())) == "书记李强讲了几点"


def test_an_official_addressed_by_post_gets_their_own_points_not_a_namesakes(tmp_path, embedder):
    """Over our own three reports: 副县长 陈明 on forest fires, 县林业局局长 陈华 on seedlings, 县长 罗海 on spring
    farming, where 县供销社主任 马骏 is given a task. "县长" alone is 罗海, not the 副县长 whose post holds the word."""
    from bot.config import load_config
    from bot.ingest import sync
    from bot.search import Searcher
    from tests.conftest import ROOT, make_config

    config = load_config(make_config(tmp_path, sorted((ROOT / "tests" / "data" / "posts").glob("*.txt"))))
    sync(config, embedder)
    searcher = Searcher(config, embedder)
    assert searcher.catalog.posts == {"陈明": ("副县长",), "陈华": ("局长",), "罗海": ("县长",),
                                      "马骏": ("县供销社主任",)}
    for question, speaker, other, words in (("陈县长讲了几点", "陈明", "陈华", "严管野外火源"),
                                            ("陈局长让大家干啥", "陈华", "陈明", "严格调运检疫"),
                                            ("县长讲了几点", "罗海", "陈明", "抓好农资保供")):
        answer = searcher.search(question)
        assert answer.answered, question
        assert answer.results[0].passage.speaker == speaker, question
        assert other not in {r.passage.speaker for r in answer.results[:3]}, question  # not offered the namesake's
        assert words in "".join(r.passage.text for r in answer.results[:3]), question
    # 马骏 speaks nowhere: the farming meeting names him with his post where it gives him a task
    assert "农资保供" in top_result(searcher, "马主任要干啥").passage.text
    # "马主任那边": his unit, whose task it is — the point naming 县供销社 as its lead, with its deadline
    answer = searcher.search("马主任那边要干啥")
    first = answer.results[0].passage if answer.answered else None
    assert first and "农资保供" in first.text and first.tasks.lead == ("县供销社",) and first.tasks.deadline


def test_a_post_named_alone_is_whoever_the_archive_gives_it_most_recent_first():
    posts = {"陈明": ("副县长",), "马林": ("书记",), "王立群": ("县长",), "周文涛": ("县长",)}.get
    recency = {"王立群": "2024-01-01", "周文涛": "2025-03-01"}.get
    resolve = lambda q: resolve_people(q, list({"陈明", "马林", "王立群", "周文涛"}), recency, lambda p: posts(p, ()))
    assert resolve("县长在防汛会上讲了什么") == "县长周文涛、王立群在防汛会上讲了什么"
    assert resolve("常委会上书记强调了什么") == "常委会上书记马林强调了什么"
    assert resolve("县委书记让干啥") == "县委书记马林让干啥"
    # three 县长: an archive of several counties, and the post alone says no more than it did
    many = {"王立群": ("县长",), "周文涛": ("县长",), "李卫东": ("县长",)}.get
    assert resolve_people("县长讲了几点", ["王立群", "周文涛", "李卫东"], recency, lambda p: many(p, ())) == "县长讲了几点"
    # a deputy's post alone names no one; a post inside a word or after an unknown surname is not this one
    for question in ("副县长讲了什么", "全县长期坚持什么", "赵县长讲了什么", "县长热线有什么要求"):
        assert resolve(question) == question



def test_a_quantity_in_chinese_numerals_is_also_asked_in_figures():
    from bot.phrasing import with_written_forms

    assert with_written_forms("违法占地过了十亩要约谈吗").endswith(" 10亩")
    assert with_written_forms("补助三十万元够不够").endswith(" 30万元")
    assert with_written_forms("提前两天通知吗").endswith(" 2天")
    # points and lists are counted, not measured; an ordinal is no quantity; a campaign's years name it
    for question in ("八个聚力分别是什么", "第三个聚力是什么", "三年行动有哪些任务", "一人一档怎么建"):
        assert with_written_forms(question) == question


def test_a_share_in_tenths_is_also_asked_as_a_percentage():
    from bot.phrasing import with_written_forms

    assert with_written_forms("债券资金三个月要花掉八成吗").endswith(" 80%")
    assert with_written_forms("七成以上的村完成了吗").endswith(" 70%")
    # 成 inside a word is no share
    for question in ("班子三成员分工", "一成不变的做法", "第三成果奖"):
        assert with_written_forms(question) == question


def test_this_block_after_a_topic_means_as_to_but_is_a_measure_word_before_a_noun():
    assert plain_words("县发改局在项目建设这块都有哪些任务") == "县发改局在项目建设都有哪些任务"
    assert plain_words("这块地归谁管") == "这块地归谁管"


def test_a_grade_won_and_a_stay_overnight_are_found_in_the_words_rules_write(tmp_path, embedder):
    """"景区评上4A级能奖多少钱" of "对新评定为国家4A级…奖励"; "旅行社拉外地人来住一宿，县里给补多少" of "组织过夜游客…奖励" —
    though no bulletin writes 评上, 外地人 or 住一宿."""
    from bot.phrasing import written_forms

    assert written_forms("这学期参加课后服务的学生有多少") == {"这学期": ("本学期",)}
    searcher = searcher_over(tmp_path, embedder, {
        "t20240619_7731042.html":
            "<html><body><h1>蔺溪县文旅融合发展奖励办法</h1><p>发布日期：2024-06-17</p>"
            "<p>第一条 为加快文旅融合发展，激发市场主体活力，结合本县实际，制定本办法。</p>"
            "<p>第二条 本办法适用于在本县登记注册的文旅经营主体。</p>"
            "<p>第三条 对新评定为国家5A级、4A级、3A级的旅游景区，分别给予景区运营主体一次性奖励300万元、100万元、30万元。</p>"
            "<p>第四条 对新获评省级旅游度假区的，给予运营主体一次性奖励80万元。</p>"
            "<p>第五条 对新评定为甲级、乙级旅游民宿的，分别给予一次性奖励20万元、10万元。</p>"
            "<p>第六条 旅行社全年组织过夜游客在本县住宿1晚以上、累计达到3000人次的，按每人次10元给予奖励。</p>"
            "<p>第七条 本办法自发布之日起施行。</p></body></html>",
        "plan_2024-05-20.txt":
            "蔺溪县文旅融合发展三年行动实施方案\n\n2024年5月20日\n\n"
            "一、发展目标。到2026年，全县年接待游客突破600万人次。\n"
            "二、重点任务。提升鸣岩峡景区，力争创成国家4A级旅游景区；培育乡村民宿，建成精品民宿30家。\n"})
    assert "100万元" in top_result(searcher, "景区评上4A级能奖多少钱").passage.text
    assert "每人次10元" in top_result(searcher, "旅行社拉外地人来住一宿，县里给补多少").passage.text


def test_the_village_and_a_guest_are_said_as_bulletins_write_them():
    """"村里现金最多能留多少": a bulletin writes 村级 (or 村组, 本村); "来客人吃饭": it writes 招待, 接待."""
    from bot.phrasing import written_forms

    forms = written_forms("村里来客人吃饭还能报销吗")
    assert "村级" in forms["村里"] and "招待" in forms["客人"]


def test_getting_on_in_years_and_stepping_down_are_asked_of_what_bulletins_write_as_age_and_leaving_the_post(
        tmp_path, embedder):
    """"村医年纪大了退下来，每个月能领点啥": a task table writes "年满60周岁离岗的老年乡村医生…每人每月300元" — found
    though no bulletin writes 年纪, 退下来 or 领."""
    searcher = searcher_over(tmp_path, embedder, {
        "doctors_2024-04-16.txt":
            "岑川县乡村医生队伍建设任务分工方案\n\n2024年4月16日\n\n"
            "序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限\n"
            "1 | 面向社会定向招聘乡村医生，每年不少于20名 | 县卫健局 | 县人社局 | 长期坚持\n"
            "2 | 与卫生职业学院签订订单定向培养协议，每年招收30名 | 县卫健局 | 县教育局 | 2024年5月31日前\n"
            "3 | 组织在岗乡村医生全员轮训，每人每年不少于2周 | 县人民医院 | 县卫健局 | 2024年10月31日前\n"
            "4 | 按服务人口每人每年12元的标准落实乡村医生公共卫生补助 | 县财政局 | 县卫健局 | 长期坚持\n"
            "5 | 对年满60周岁离岗的老年乡村医生按每人每月300元发放生活补助 | 县人社局 | 县财政局 | 2024年9月30日前\n"
            "6 | 完成30个村卫生室标准化提档升级 | 县卫健局 | 各乡镇人民政府 | 2024年12月31日前\n"
            "7 | 将村卫生室全部纳入医保定点管理 | 县医保局 | 县卫健局 | 2024年6月30日前\n"
            "8 | 建立乡村医生年度考核和退出机制 | 县卫健局 | 各乡镇人民政府 | 2024年11月30日前\n",
        "push_2024-09-12.txt":
            "全县乡村医生队伍建设推进会召开\n\n"
            "　　2024年9月12日，全县乡村医生队伍建设推进会召开。副县长常立群出席会议并讲话。\n"
            "　　常立群强调，要在引进上下功夫，县卫健局要在10月底前完成今年定向招聘；要在培养上求突破，"
            "县人民医院要每季度组织一次巡回带教；要在留人上出实招，县财政局要确保公共卫生补助按季度足额拨付。\n"})
    assert "离岗" in top_result(searcher, "村医年纪大了退下来，每个月能领点啥").passage.text


def test_a_year_said_by_its_last_two_digits_places_the_meeting(tmp_path, embedder):
    """"孔县长25年那个农田推进会上说…哪个部门牵头": the 2025 meeting's point answers; "25" read as a figure the
    article must give had refused every passage."""
    searcher = searcher_over(tmp_path, embedder, {
        "farm_meeting_2024-06-27.txt":
            "全县高标准农田建设推进会召开\n\n2024年6月27日\n\n副县长孔德昭出席会议并讲话。他强调，要重点抓好三个方面的工作。"
            "第一，紧盯节点抓进度，县农业农村局要加强统筹调度。第二，严把标准抓质量，县水利局要会同乡镇开展质量抽查。"
            "第三，管好资金抓规范，县财政局要加强项目资金全过程监管。\n",
        "farm_meeting_2025-06-24.txt":
            "全县高标准农田建设推进会召开\n\n2025年6月24日\n\n副县长孔德昭出席会议并讲话。他强调，要重点抓好三个方面的工作。"
            "第一，紧盯节点抓进度，未开工项目要限时开工。第二，严把标准抓质量，对去年建成的项目开展回头看。"
            "第三，建管并重抓长效，县农业农村局要牵头制定高标准农田建后管护考核办法，8月底前出台。\n"})
    result = top_result(searcher, "孔县长25年那个农田推进会上说，建后管护考核办法是哪个部门牵头搞")
    assert "县农业农村局要牵头制定" in result.passage.text and result.passage.date.startswith("2025")
