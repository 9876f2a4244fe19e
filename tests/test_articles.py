"""Splitting the bundled bulletin into articles with their metadata."""

import pytest

from bot.articles import article_identity, split_articles
from bot.load import load_bulletin
from bot.pipeline import ParseSettings, parse_bulletin
from tests.conftest import BUNDLED


def articles():
    return split_articles(load_bulletin(BUNDLED.read_bytes(), BUNDLED.name), default_year=2021)


def test_the_bundled_file_holds_two_articles_with_titles_dates_and_bylines():
    a, b = articles()
    assert a.title == "拓视野 借良方 增信心 我区党政考察团赴日照潍坊济宁考察学习"
    assert b.title == "全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开"
    assert (a.date, a.date_text) == ("2021-04-21", "2021年4月21日")
    assert (b.date, b.date_text) == ("2021-04-25", "2021年4月25日")
    assert a.byline == "宋伟"
    assert b.byline == "孙伟 高翔翔 丁浩 陈梦喆"
    assert b.speakers == ("毕志伟", "刘宗国")


def test_bylines_and_the_news_opening_are_not_part_of_the_text():
    a, b = articles()
    assert a.paragraphs[0].startswith("今年是实施")
    assert a.paragraphs[-1].endswith("创新之路。")
    assert b.paragraphs[-1].endswith("行动新局面。")


def test_article_identity_ignores_whitespace_and_line_endings():
    assert article_identity(["一段 文字。", "第二段。"]) == article_identity(["一段文字。\r\n第二段。"])
    assert article_identity(["一段文字。"]) != article_identity(["一段文字!"])


def test_year_comes_from_the_file_name_before_the_config():
    data = "某区召开会议\n\n本报讯 5月6日,某区召开会议。会议强调要抓好落实。\n".encode()
    (art,) = split_articles(load_bulletin(data, "bulletin_2019-05.txt"), default_year=2021)
    assert art.date == "2019-05-06"
    (art,) = split_articles(load_bulletin(data, "bulletin.txt"), default_year=2021)
    assert art.date == "2021-05-06"


def test_a_notice_keeps_its_document_number_and_signature_date_as_text():
    from tests.conftest import ROOT

    data = (ROOT / "tests" / "data" / "nanling_notice.txt").read_bytes()
    (art,) = split_articles(load_bulletin(data, "nanling_notice.txt"))
    assert art.paragraphs[0] == "文号：南政办发〔2022〕8号"  # officials ask for it by that name
    assert "2022年3月18日" in art.paragraphs and art.date_source == "document"
    assert not any("人民政府办公室文件" in p for p in art.paragraphs)  # the red header is furniture


def test_a_notices_closing_word_wrapped_onto_its_own_line_is_no_speaker():
    art = _one("县应急管理局关于做好冬季烟花爆竹安全管理的通知\n\n各乡镇人民政府：\n\n现将有关事项通知如下。\n"
               "一、加强源头管控。县应急管理局牵头，2024年12月底前完成。\n二、加强宣传教育。各乡镇负责。\n\n"
               "县应急管理局\n2024年11月20日\n\n抄送：县委办公室，县政府办公室。\n县应急管理局　　2024年11月20日\n印发\n— 2 —\n")
    assert art.date == "2024-11-20" and "印发" not in art.speakers


def _one(text: str, name: str = "x.txt"):
    (art,) = split_articles(load_bulletin(text.encode("utf-8"), name))
    return art


def test_the_dateline_after_a_reporter_credit_and_a_day_only_dateline():
    art = _one("区委召开党政联席会议\n\n发布时间：2023-10-12\n\n本网讯（记者 吕晓岚 通讯员 孔令宇）10月11日，区委召开会议。会议要求抓好落实。\n")
    assert (art.date, art.date_source) == ("2023-10-11", "dateline+page")
    assert art.paragraphs[0].startswith("（记者")
    art = _one("区政府召开常务会议\n\n发布时间：2023-12-30\n\n29日上午，区长温立群主持召开区政府常务会议。会议强调抓好年终工作。\n")
    assert (art.date, art.date_source) == ("2023-12-29", "dateline+page")
    art = _one("区政府召开常务会议\n\n发布时间：2024-01-02\n\n30日上午，区长温立群主持召开区政府常务会议。会议强调抓好年终工作。\n")
    assert art.date == "2023-12-30"  # the day before the page's month began


def test_a_lead_naming_who_held_it_before_the_day_is_a_dateline():
    # published the next day: the press conference is dated by its own day; a deadline set "于…前" dates nothing
    art = _one("城镇燃气安全新闻发布会实录\n\n发布日期：2024-05-29　　信息来源：县政府新闻办\n\n"
               "县政府新闻办于5月28日上午举行新闻发布会，介绍燃气安全专项整治有关情况。\n\n主持人：各位记者，上午好！\n")
    assert (art.date, art.date_source) == ("2024-05-28", "dateline+page")
    art = _one("关于开展燃气安全检查的通知\n\n发布日期：2024-05-29\n\n各乡镇于6月30日前召开动员会，部署燃气安全检查。\n")
    assert art.date == "2024-05-29"


def test_a_speech_header_is_not_part_of_the_title():
    text = ("在全区招商引资推进会上的讲话\n区委副书记、区长　贾正川\n（二〇二三年九月六日）\n\n同志们：\n"
            "今天我们召开会议。我讲三点意见。一要抓招商。引进项目。二要抓服务。三要抓落实。\n")
    art = _one(text)
    assert art.title == "在全区招商引资推进会上的讲话"
    assert (art.date, art.chair) == ("2023-09-06", "贾正川")
    from bot.passages import article_passages

    _, (nl,) = article_passages(art)
    assert (nl.size, nl.speaker) == (3, "贾正川")  # the byline's speaker gives the speech's list


def test_a_speech_whose_authors_name_stands_alone_under_its_title_keeps_the_title():
    # title, blank line, the author's name alone, blank line, the day in brackets: the name line has the headline
    # evidence (the dated line under it), but the title is the line above it, not "同志们："
    text = ("在全县公共法律服务暨普法工作会议上的讲话\n\n韦正航\n\n（2024年3月15日）\n\n同志们：\n\n"
            "　　今天召开会议。下面，我讲三点意见。\n\n　　一、认清形势\n\n　　二、突出重点\n\n　　三、压实责任\n")
    art = _one(text)
    assert art.title == "在全县公共法律服务暨普法工作会议上的讲话"
    assert (art.date, art.speakers) == ("2024-03-15", ("韦正航",))
    assert not art.dropped


def test_a_line_broken_inside_brackets_is_no_heading_and_a_title_broken_inside_a_name_has_no_space():
    # a PDF's width cuts "（一）动员部署阶段（2024年11月25日至11月" before "30日）": one point, not a new article's headline
    text = ("埭湖县人民政府办公室关于印发《埭湖县烟花\n爆竹安全管理实施方案》的通知\n\n各乡镇人民政府：\n\n"
            "现将方案印发给你们，请认真贯彻执行。\n\n三、工作步骤\n\n（一）动员部署阶段（2024年11月25日至11月\n"
            "30日）。各乡镇制定具体工作方案。\n（二）排查整治阶段（2024年12月1日至2025\n年2月28日）。全面开展隐患排查。\n")
    art = _one(text)
    assert art.title == "埭湖县人民政府办公室关于印发《埭湖县烟花爆竹安全管理实施方案》的通知"
    assert "（一）动员部署阶段（2024年11月25日至11月30日）。各乡镇制定具体工作方案。" in art.paragraphs


def test_paragraphs_pasted_onto_one_line_are_apart_again():
    art = _one("某区召开会议\n\n发布时间：2023-06-09\n\n6月8日，某区召开会议。 郝远征强调，要紧盯目标。 会议还研究了其他事项。\n")
    assert art.paragraphs == ("6月8日，某区召开会议。", "郝远征强调，要紧盯目标。", "会议还研究了其他事项。")


GENRES = BUNDLED.parent.parent / "tests" / "data" / "genres"


def _genre(name: str, default_year: int | None = None):
    path = GENRES / name
    return split_articles(load_bulletin(path.read_bytes(), path.name), default_year=default_year)


def test_a_press_conference_is_one_article_spoken_by_its_officials_in_turn():
    (art,) = _genre("press_conference.txt")
    assert art.title == "雁滨区夏季消费季活动新闻发布会实录"
    assert art.date == "2025-06-03"
    assert art.speakers == ("田慧", "罗文涛", "柯晓岚")  # the host, then the answerers; reporters are no one


def test_a_policy_qa_belongs_to_the_official_the_lead_says_answers():
    (art,) = _genre("policy_qa.txt")
    assert art.speakers == ("韩志诚",)
    assert art.date == "2025-04-09"


def test_a_speech_is_its_authors_and_dated_by_its_signature_in_chinese_numerals():
    (art,) = _genre("speech.txt")
    assert art.title == "在全区安全生产工作会议上的讲话"  # the name line under it is the speaker, not the title
    assert art.speakers == ("向思远",)  # "罗文涛同志通报了…" names a listener
    assert art.date == "2025-03-28"


def test_a_work_report_is_dated_by_its_occasion_line_and_given_by_its_byline():
    (art,) = _genre("gov_report.txt")
    assert art.title == "雁滨区政府工作报告（摘要）"
    assert art.date == "2025-01-08"
    assert art.speakers == ("向思远",)
    assert not any("人民代表大会" in p for p in art.paragraphs)


def test_a_wechat_post_loses_its_prompts_and_keeps_no_guessed_year():
    (art,) = _genre("wechat.txt")
    assert art.title == "重磅！雁滨区夏季招聘会来了，岗位超过3000个"
    assert art.date is None and art.date_text == "5月20日"  # no year anywhere: unknown, never guessed
    assert _genre("wechat.txt", default_year=2025)[0].date == "2025-05-20"
    text = art.text
    for noise in ("关注我们", "推荐阅读", "公交线路", "编辑", "阅读原文", "在看"):
        assert noise not in text, noise


def test_a_posts_publish_day_without_a_year_takes_the_year_its_text_speaks_of():
    text = "\n".join([
        "点击上方蓝字关注我们", "", "夏季用电高峰，这份安全提示请收好", "", "柳岩应急　7月3日 09:15", "",
        "　　2025年上半年，全县共排查电动自行车充电隐患410处。县应急管理局提醒，高温天气不要在楼道充电。", "",
        "来源：柳岩县应急管理局", "编辑：何　静", "阅读原文",
    ])
    (art,) = split_articles(load_bulletin(text.encode("utf-8"), "post.txt"))
    assert (art.date, art.date_source) == ("2025-07-03", "page+text")


def test_a_dump_of_two_posts_is_two_articles_and_their_related_links_are_noise():
    # the related links end at the post's furniture (来源/编辑/阅读原文); the next post's headline follows that
    first, second = _genre("wechat_two_posts.txt")
    assert first.title == "雁滨区启动“护河月”志愿行动，首批招募500人"
    assert second.title == "老党员守河十二年，记满九本巡河笔记"
    assert second.date == "2025-07-15"
    for art in (first, second):
        for noise in ("往期推荐", "从“臭水沟”", "新栽垂柳", "来源", "阅读原文"):
            assert noise not in art.text, noise
    assert "护河月" not in second.text  # a link to the first post, with its comma, is a link too


def test_the_items_of_one_post_take_its_publish_year_for_their_datelines():
    # the post's headline (a sentence with a comma) over its publish day, then two news items dated "2月10日", "2月8日"
    text = ("点击上方蓝字 关注“云溪发布”\n\n元宵将至，这些事项请牢记！| 要闻两则\n\n云溪发布　2025年2月10日 20:05　涔州\n\n"
            "【要闻一】\n\n全县安全生产工作推进会召开\n\n　　2月10日上午，全县安全生产工作推进会召开。会议要求压实责任。\n\n"
            "【要闻二】\n\n“法律明白人”走进新春集市\n\n　　2月8日，县司法局在溪口集市开展普法赶集活动。\n")
    first, second = split_articles(load_bulletin(text.encode("utf-8"), "post.txt"))
    assert (first.date, second.date) == ("2025-02-10", "2025-02-08")


def test_a_red_header_notice_with_its_plan_is_one_article_dated_by_its_signature():
    (art,) = _genre("notice.txt")
    assert art.title == "石屏乡人民政府关于印发《石屏乡二〇一二年春季植树造林工作方案》的通知"
    assert art.date == "2012-02-20"  # "二0一二年二月二十日": a Chinese-numeral year with an Arabic zero
    assert art.speakers == ()  # issued by an office, spoken by no one
    assert any(p.startswith("三、保障措施") for p in art.paragraphs)


def test_a_portal_page_is_dated_by_the_documents_own_date_and_its_table_is_not_text():
    (art,) = _genre("portal.html")
    assert art.title.startswith("雁滨区人民政府办公室关于印发")
    assert art.date == "2025-04-02"  # 成文日期 and the signature, not 发布日期 2025-04-07
    assert not any("索引号" in p or "无障碍" in p or "当前位置" in p for p in art.paragraphs)


def test_a_briefing_of_one_paragraph_items_is_one_issue_dated_by_its_masthead():
    # news in brief (a headline over one paragraph each, no contents list) is one issue to read, as the archives
    # written apart read it; items of several paragraphs are articles of their own (below)
    (issue,) = _genre("briefing.txt")
    assert (issue.title, issue.date) == ("工作简报 第12期", "2025-05-16")
    for said in ("新城街道开展燃气安全入户检查", "5月底前全部整改到位", "湖畔镇召开防汛工作部署会", "沙袋不少于5000个"):
        assert said in issue.text, said


def test_a_speech_titled_with_its_authors_name_is_theirs_alone():
    data = ("向思远在全区防汛工作会议上的讲话\n\n同志们：\n　　刚才，罗文涛同志强调了当前的汛情，我完全赞同。下面讲两点意见。\n"
            "　　一、思想上要高度重视。\n　　二、行动上要迅速有力。\n").encode()
    (art,) = split_articles(load_bulletin(data, "speech.txt"))
    assert art.speakers == ("向思远",)


def test_a_speech_whose_author_goes_unnamed_has_no_other_speaker():
    data = ("区长在全区安全生产工作会议上的讲话\n\n同志们：\n　　刚才，罗文涛同志强调了安全生产形势，我都赞同。下面讲两点意见。\n"
            "　　一、思想上要高度重视。\n　　二、行动上要迅速有力。\n").encode()
    (art,) = split_articles(load_bulletin(data, "speech.txt"))
    assert art.speakers == ()


def test_a_portals_field_list_with_values_on_their_own_lines_is_metadata():
    (art,) = _genre("portal_fields.txt")
    assert art.title == "雁滨区人民政府关于公布区级行政许可事项清单的通知"
    assert not any("YB002" in p or "发文机构" in p for p in art.paragraphs)
    unsigned = (GENRES / "portal_fields.txt").read_text(encoding="utf-8").rsplit("雁滨区人民政府\n", 1)[0]
    (art,) = split_articles(load_bulletin(unsigned.encode(), "portal.txt"))
    assert art.date == "2025-02-17"  # 成文日期, not 发布日期 2025-02-20


def test_a_page_field_row_under_a_headline_keeps_the_headline_as_title():
    data = ("雁滨区人民政府\n首页 >> 公开信息\n\n雁滨区人民政府办公室关于做好春耕备耕工作的通知\n\n"
            "索引号:YB003-2025-00012 发文日期:2025年03月01日 文号:\n\n雁政办〔202512\n\n各街道办事处：\n"
            "　　春耕在即，请各街道抓紧做好农资储备和技术指导，确保不误农时。\n").encode()
    (art,) = split_articles(load_bulletin(data, "page.txt"))
    assert art.title == "雁滨区人民政府办公室关于做好春耕备耕工作的通知"
    assert art.date == "2025-03-01"


def test_a_work_report_with_its_authors_name_spaced_out_under_the_occasion_line():
    data = ("政府工作报告\n2025年1月8日在雁滨区第三届人民代表大会第四次会议上\n向 思 远\n各位代表：\n"
            "　　现在，我代表区人民政府向大会报告工作，请予审议。\n　　过去一年，全区经济运行总体平稳。\n").encode()
    (art,) = split_articles(load_bulletin(data, "report.txt"))
    assert (art.title, art.date, art.speakers) == ("政府工作报告", "2025-01-08", ("向思远",))
    assert not any("思 远" in p or p == "向思远" for p in art.paragraphs)


def test_a_headline_less_report_is_titled_by_its_first_sentence_without_the_credit():
    data = "本网讯（记者 陈晓 林立）5月4日，新城街道组织消防演练。街道要求各社区做好值守。\n".encode()
    (art,) = split_articles(load_bulletin(data, "news.txt"))
    assert art.title == "5月4日，新城街道组织消防演练"


@pytest.mark.parametrize("name", ["briefing_contents.txt", "briefing_contents_stars.txt"])
def test_a_briefings_contents_list_its_articles_dateline_or_not(name):
    """本期要目 names the items (numbered, or marked ★): each opens an article, the last one without a dateline
    too; the masthead and the contents are no article."""
    arts = _genre(name)
    assert [a.title for a in arts] == ["县政府召开重点项目攻坚调度会", "县市场监管局开展夏季食品安全检查", "石桥镇推进人居环境整治"]
    assert [a.date for a in arts] == ["2025-05-28", "2025-05-26", "2025-05-30"]  # the last: the masthead's date
    assert not any("本期要目" in p or p.startswith("★") for a in arts for p in a.paragraphs)


def test_a_briefings_contents_marked_with_double_circles_list_its_articles():
    text = "\n".join([
        "柳岩政务", "（简　报）", "第7期", "", "柳岩县人民政府办公室编　　　　2024年8月2日", "", "【本期要目】",
        "◎全县农村公路养护工作稳步推进", "◎县卫健局开展夏季病媒生物防制", "", "━━━━━━━━━━━━", "",
        "全县农村公路养护工作稳步推进", "", "　　今年以来，县交通运输局完成农村公路日常养护820公里，修复水毁路段14处。", "",
        "━━━━━━━━━━━━", "",
        "县卫健局开展夏季病媒生物防制", "", "　　7月起，县卫健局组织各乡镇集中清理积水容器，消杀重点场所360处。", "",
    ])
    arts = split_articles(load_bulletin(text.encode("utf-8"), "brief.txt"))
    assert [a.title for a in arts] == ["全县农村公路养护工作稳步推进", "县卫健局开展夏季病媒生物防制"]
    assert not any(p.startswith("◎") for a in arts for p in a.paragraphs)


def test_a_speech_whose_text_opens_with_its_authors_name_is_titled_by_its_file_name():
    data = (GENRES / "speech_name_only.txt").read_bytes()
    (art,) = split_articles(load_bulletin(data, "梁国华在全县防汛工作会议上的讲话.docx.txt"))
    assert art.title == "梁国华在全县防汛工作会议上的讲话" and art.speakers == ("梁国华",)
    assert art.date == "2025-04-28"  # its signature
    (art,) = split_articles(load_bulletin(data, "speech_0428.txt"))
    assert art.title != "梁国华"  # a name alone is no title; without a title-like file name, the first sentence


def test_a_measures_text_opening_with_its_first_chapter_takes_its_title_from_the_file_name():
    data = ("第一章　总则\n\n第一条　为加强城市供水管理，保障供水安全，制定本办法。\n第二条　本办法适用于本县城市规划区内的城市供水。\n\n"
            "第二章　附则\n\n第三条　本办法自2025年1月1日起施行。\n").encode()
    (art,) = split_articles(load_bulletin(data, "青枫县城市供水管理办法.txt"))
    assert art.title == "青枫县城市供水管理办法" and art.paragraphs[0].startswith("第一章")


@pytest.mark.parametrize("header", [
    "冬季用电安全，这份提醒请收好！\n青枫发布 青枫发布\n2024-12-02 18:30 发表于湖南\n",  # account name twice, then the time
    "青枫发布\n2024年12月2日 18:30\n\n冬季用电安全，这份提醒请收好！\n",  # account and time above the headline
])
def test_a_reader_apps_account_line_above_its_publish_time_is_no_headline(header):
    body = ("\n入冬以来，我县用电负荷持续攀升。12月2日，县应急管理局联合县供电公司发布冬季用电安全提醒。\n"
            "一是不私拉乱接电线，电动自行车不进楼入户充电。\n二是取暖器具远离可燃物，人走断电。\n")
    (art,) = split_articles(load_bulletin((header + body).encode(), "post.txt"))
    assert art.title.startswith("冬季用电安全") and art.date == "2024-12-02"
    assert not any("青枫发布" in p for p in art.paragraphs)


def test_a_measure_is_dated_by_the_day_it_was_adopted_under_its_title():
    data = ("青枫县城市供水管理办法\n（2024年12月6日县人民政府第15次常务会议审议通过）\n\n第一章　总则\n\n"
            "第一条　为加强城市供水管理，保障供水安全，制定本办法。\n第二条　本办法自2025年1月1日起施行。\n").encode()
    (art,) = split_articles(load_bulletin(data, "water.txt"))
    assert art.title == "青枫县城市供水管理办法" and art.date == "2024-12-06"


def test_a_briefings_items_of_several_paragraphs_are_its_articles():
    """Under a 简报's masthead (第13期) each headline standing alone with its text under it is an item; a column
    label (【工作动态】) is not part of its title; the masthead's date dates an item that states none. Items of one
    paragraph each are the issue's briefs: one article, titled by the masthead."""
    first, second = _genre("briefing_long_items.txt")
    assert (first.title, first.date) == ("石桥镇“院落长”让小事不出院", "2025-07-04")
    assert (second.title, second.date) == ("县农业农村局抓好“双抢”农机调度", "2025-07-04")
    assert "7月底前完成晚稻插秧" in second.text and "院落长" not in second.text
    for name in ("briefing_no_datelines.txt", "briefing_columns.txt"):
        (issue,) = _genre(name)
        assert issue.title.endswith("第13期") and issue.date == "2025-06-20"  # the masthead's day, not an item's
        assert "石桥镇推进人居环境整治" in issue.text


def test_a_chapter_heading_right_under_a_measures_title_is_not_part_of_it():
    data = ("青枫县科技型中小企业研发费用补助办法\n第一章　总则\n第一条　为鼓励企业加大研发投入，制定本办法。\n"
            "第二条　本办法所称研发费用，是指企业研究开发活动中发生的费用。\n第二章　补助标准\n"
            "第三条　对符合条件的企业，按研发费用增量的10%给予补助。\n").encode()
    (art,) = split_articles(load_bulletin(data, "rd.txt"))
    assert art.title == "青枫县科技型中小企业研发费用补助办法" and art.paragraphs[0].startswith("第一章")


def test_a_briefing_masthead_counting_its_total_issues_names_the_issue():
    (issue,) = _genre("briefing_total_issue.txt")  # "2025年第7期（总第203期）", three one-paragraph briefs
    assert issue.title == "云溪政务信息 2025年第7期（总第203期）" and issue.date == "2025-03-20"
    assert "桥头镇“红黄绿”三色管理推动矛盾纠纷就地化解" in issue.text


def test_a_post_titled_with_an_exclamation_keeps_it_whole_over_its_original_byline():
    (art,) = _genre("wechat_exclaimed_title.txt")  # "原创 云溪教育 云溪教育 2025-06-05 17:20 发表于湖南"
    assert art.title == "重磅！2025年云溪县城区义务教育招生政策发布，家长速看→" and art.date == "2025-06-05"
    assert art.paragraphs[0].startswith("6月5日") and not any("关注" in p for p in art.paragraphs)


def test_a_traditional_red_header_notice_is_titled_below_its_document_number():
    (art,) = _genre("notice_red_header_traditional.txt")
    assert art.title == "雲溪縣人民政府關於印發2024年為民辦實事項目的通知" and art.date == "2024-02-26"


def test_a_measure_with_its_number_under_the_title_keeps_that_title_not_its_first_chapter():
    (art,) = _genre("measures_docno.txt")
    assert art.title == "云溪县村级公益事业建设奖补办法" and art.date == "2024-08-20"
    assert any(p.startswith("第一章") for p in art.paragraphs)


def test_a_dateline_without_a_year_takes_the_year_its_text_speaks_of():
    (art,) = _genre("meeting_dateline_no_year.txt")
    assert art.date == "2024-07-11"


def test_a_briefing_drawn_with_rules_and_a_bracketed_contents_list_holds_its_items():
    arts = _genre("briefing_rules_contents.txt")  # "━━━━" rules, "【本期目录】", a masthead spaced out
    assert [a.title for a in arts] == ["桥头镇“红黄绿”三色管理推动矛盾纠纷就地化解", "县交通运输局开展春运道路安全大检查"]


def test_a_press_conferences_bracketed_fields_are_no_headlines():
    (art,) = _genre("press_conference_fields.txt")  # "【地点】县融媒体中心…", "【主持人】…"
    assert art.title == "云溪县“智慧养老”服务提升行动新闻发布会实录" and art.date == "2025-04-10"
    assert "吴海峰" in art.speakers


def test_the_first_line_under_a_posts_byline_is_its_headline_whole():
    (art,) = _genre("wechat_byline_above.txt")  # "云溪发布 2025-06-05 17:20 湖南", then the headline
    assert art.title == "重磅！2025年云溪县城区义务教育招生政策发布，家长速看→" and art.date == "2025-06-05"
    assert art.paragraphs[0].startswith("又到一年招生季")


def test_a_posts_account_line_over_its_original_mark_is_no_part_of_the_headline():
    (art,) = _genre("wechat_original_mark.txt")  # headline, "澄溪应急", "原创 澄溪应急 澄溪应急", publish time
    assert art.title == "冬季防火专项行动启动！这些重点请收好" and art.date == "2024-11-28"


def test_a_portals_report_is_titled_by_the_pages_headline_and_its_broken_occasion_line_dates_it():
    (art,) = _genre("portal_report_spaced.txt")  # headline, spaced CMS fields, "政 府 工 作 报 告", occasion in two lines
    assert art.title == "青禾镇2023年政府工作报告" and art.date == "2023-03-01"
    assert art.speakers == ("孙立新",) or list(art.speakers) == ["孙立新"]
    assert art.paragraphs[0] == "青禾镇镇长 孙立新"  # who gave it stays in the text, where "谁作的报告" finds it


def test_a_portals_banner_toolbar_and_share_bar_are_no_part_of_its_article():
    (art,) = _genre("portal_toolbar_banner.txt")  # "…门户网站 | 政策文件 | 会议信息", "【字号：大 中 小】   打印本页   关闭窗口"
    assert art.title == "云溪县召开县政府第12次常务会议" and art.date == "2025-05-12"
    assert art.paragraphs[0].startswith("5月12日") and not any("分享" in p or "打印" in p for p in art.paragraphs)


def test_a_red_header_notices_issuer_line_and_its_about_line_are_one_title_apart_or_not():
    data = ("云溪县人民政府办公室文件\n\n云政办发〔2024〕17号\n\n云溪县人民政府办公室\n\n关于印发《云溪县老年助餐服务实施方案》的通知\n\n"
            "各乡镇人民政府：\n　　现将《云溪县老年助餐服务实施方案》印发给你们，请认真组织实施。\n\n云溪县人民政府办公室\n2024年5月8日\n").encode()
    (art,) = split_articles(load_bulletin(data, "notice.txt"))
    assert art.title.replace(" ", "") == "云溪县人民政府办公室关于印发《云溪县老年助餐服务实施方案》的通知"


def test_a_notices_second_section_is_not_a_new_article_whatever_its_first_line():
    # "6月1日至6月30日为…" under "二、" reads like a news dateline; the numbering says it is the notice's section
    data = ("某镇人民政府关于做好夏收工作的通知\n\n各村民委员会：\n\n现将有关事项通知如下。\n\n一、抓好机收调度\n"
            "镇农业服务中心要摸清农机底数，5月底前完成检修。\n\n二、严格落实禁烧\n6月1日至6月30日为禁烧重点时段，"
            "全镇实行网格化值守。\n\n三、做好收购服务\n设立临时收购点2个。\n\n某镇人民政府\n2023年5月26日\n").encode()
    (art,) = split_articles(load_bulletin(data, "notice.txt"))
    assert art.title == "某镇人民政府关于做好夏收工作的通知"
    assert "二、严格落实禁烧" in art.paragraphs


def test_a_posts_headline_is_its_title_not_the_cover_teaser_above_it():
    post = ("溪桥发布\n2025年3月2日 18:02 林川\n\n点击上方蓝字关注我们\n\n💡春耕补贴这些事，一次说清→\n\n（图片）\n\n"
                    "溪桥区2025年春耕生产补贴政策解读\n\n今年全区春耕补贴有两项调整。一是耕地地力补贴每亩提高到115元；"
                    "二是农机购置补贴改为先购后补，由区农业农村局统一受理。\n")
    articles = split_articles(load_bulletin(post.encode(), "post.txt"))
    assert [a.title for a in articles] == ["溪桥区2025年春耕生产补贴政策解读"]


def test_a_document_number_under_its_key_is_the_notices_number_not_its_title():
    # "文号：…9号" under the masthead ("会 议 纪 要") reads like the bare number: the headline below titles it
    text = ("汀州区人民政府办公室\n会 议 纪 要\n文号：汀府办纪〔2024〕9号\n\n全区城市内涝治理专题会议纪要\n\n各街道办事处：\n\n"
            "2024年5月8日，副区长周映雪主持召开全区城市内涝治理专题会议。现将会议议定事项纪要如下：\n"
            "一、由区城管局牵头，5月31日前完成易涝点清淤。\n二、区住建局要督促物业企业配齐挡水板。\n")
    (article,) = split_articles(load_bulletin(text.encode(), "minutes.txt"))
    assert article.title == "全区城市内涝治理专题会议纪要"
    assert article.chair == "周映雪"


def test_a_briefings_contents_on_the_labels_line_are_no_article_and_its_items_are():
    # "【本期要目】A；B" on one line, each item under a column label ("【工作动态】A"): two articles, no masthead one
    articles = _genre("briefing_inline_contents.txt")
    assert [a.title for a in articles] == ["县水利局开展河道“清四乱”专项行动", "白塔镇建立“河小青”志愿巡河队伍"]
    assert all(a.date == "2025-05-08" for a in articles)


def test_minutes_are_dated_by_the_meeting_they_record_not_their_issue():
    (art,) = _genre("minutes_meeting_date.txt")
    assert art.title == "关于老城区雨污分流改造有关问题的会议纪要"
    assert art.date == "2024-05-30"  # the meeting its lead reports; the 纪要 was issued on 6月3日
    assert art.speakers == ("周映雪",)  # who chaired, though the room stands between her name and 主持


def test_a_speech_is_its_signatures_author_not_the_comrades_it_names():
    text = "\n".join([
        "在全县秋冬生产工作会议上的讲话", "", "同志们：",
        "　　刚才，罗文斌同志通报了全县秋粮收购情况，韦丽同志对冬修水利作了安排，讲得都很好。下面，我讲两点意见。",
        "　　一、抓紧秋冬种。各乡镇要在11月底前完成油菜移栽。", "　　二、抓好冬修水利。县水利局要在年底前完成山塘清淤。",
        "", "覃建国", "二〇二五年十月二十日",
    ])
    (art,) = split_articles(load_bulletin(text.encode("utf-8"), "speech.txt"))
    assert art.speakers == ("覃建国",) and art.date == "2025-10-20"


def test_a_posts_section_labels_are_parts_of_it_and_its_one_official_speaks_in_his_paragraph():
    text = "\n".join([
        "点击上方蓝字关注我们", "", "签约率98.1%！后洼村城中村改造跑出“加速度”", "", "鹤汀发布　10月24日 19:02", "",
        "　　10月23日，后洼村征收现场一片忙碌。", "",
        "【进展】截至10月23日，后洼村应签约486户，已签约477户。", "",
        "【对话】区房屋征收服务中心主任周明远：我们主要做了三件事：一是“一户一档”，每户张榜公示；二是“阳光选房”，"
        "全程直播；三是“暖心服务”，免费搬家。", "",
        "【下一步】望澄街道将继续对剩余9户上门沟通。",
    ])
    (art,) = split_articles(load_bulletin(text.encode("utf-8"), "post.txt"), default_year=2025)
    assert art.title == "签约率98.1%！后洼村城中村改造跑出“加速度”"
    assert art.speakers == ("周明远",)


def test_contents_running_onto_a_second_line_are_furniture_and_open_no_article():
    text = "\n".join([
        "创文工作简报", "", "第6期", "", "区指挥部办公室编　2025年4月15日", "",
        "【本期要目】区城管局推动“门前三包”落地见效；柳塘街道“楼道长”破解老旧", "小区管理难题", "",
        "【工作动态】区城管局推动“门前三包”落地见效", "今年以来，区城管局把“门前三包”作为关键一招。", "",
        "【基层经验】柳塘街道“楼道长”破解老旧小区管理难题", "柳塘街道辖区内有无物业老旧小区19个。",
    ])
    arts = split_articles(load_bulletin(text.encode("utf-8"), "brief.txt"), default_year=2025)
    assert [a.title for a in arts] == ["区城管局推动“门前三包”落地见效", "柳塘街道“楼道长”破解老旧小区管理难题"]


def test_a_brief_whose_contents_list_its_numbered_sections_is_one_article_with_those_sections():
    # contents numbered "1." and the sections headed "一、" below: one issue, its sections a list, the contents furniture
    text = "\n".join([
        "乡村振兴工作简报", "2025年第2期", "", "县农业农村局编　　　2025年3月31日", "", "【本期要目】",
        "1.春耕备耕有序推进", "2.高标准农田建设开工", "3.下一步工作安排", "",
        "　　一、春耕备耕有序推进", "　　全县已调运化肥1.2万吨，检修农机860台套。",
        "　　二、高标准农田建设开工", "　　今年计划新建高标准农田3万亩，首批项目3月开工。",
        "　　三、下一步工作安排", "　　（一）抓好春播。县农业农村局牵头，4月底前完成早稻播种。",
        "　　（二）抓好防灾。县气象局负责，汛期加密预报。",
    ])
    parsed = parse_bulletin(text.encode("utf-8"), "brief.txt", ParseSettings(default_year=2025))
    assert [a.title for a in parsed.articles] == ["乡村振兴工作简报 2025年第2期"]
    lists = parsed.passages[parsed.articles[0].article_id][1]
    assert [(nl.style, nl.size) for nl in lists] == [("、", 3), ("（）", 2)]


def test_minutes_numbered_without_an_issuer_keep_their_two_line_title_and_end_before_the_attendance():
    text = "\n".join([
        "蓼川县河湖长制工作领导小组", "第二次会议纪要", "", "〔2025〕2号", "",
        "蓼川县河湖长制工作领导小组办公室　　　　2025年7月3日", "",
        "　　2025年6月30日，副县长沈知远主持召开领导小组第二次会议。现将议定事项纪要如下：",
        "　　一、县水利局要在7月底前完成河道清障。", "　　二、各乡镇要落实巡河制度。",
        "　　出席：沈知远、罗青、县水利局、县生态环境分局", "　　记录：钱小雨",
    ])
    parsed = parse_bulletin(text.encode("utf-8"), "minutes.txt", ParseSettings(default_year=2025))
    (art,) = parsed.articles
    assert art.title == "蓼川县河湖长制工作领导小组 第二次会议纪要"  # the bare 〔2025〕2号 is its number, no title
    assert art.date == "2025-06-30"
    (nl,) = parsed.passages[art.article_id][1]
    last = [p.text for p in parsed.passages[art.article_id][0] if p.kind == "point"][-1]
    assert nl.size == 2 and "出席" not in last


def test_a_posts_second_item_after_its_separator_is_an_article_of_its_own():
    text = "\n".join([
        "点击上方蓝字关注我们", "", "全县防汛工作会议召开", "", "蓼川发布　7月16日 07:45", "",
        "　　7月15日，全县防汛工作会议召开。会议要求，要压实责任。", "", "来源：县融媒体中心", "",
        "━━━━━━━━━━ 次条 ━━━━━━━━━━", "", "对话局长｜罗青：河道清障“一段一段清到位”", "",
        "蓼川发布　7月16日 07:45", "", "　　7月15日，县水利局局长罗青做客热线节目，回应群众关切。",
    ])
    parsed = parse_bulletin(text.encode("utf-8"), "post.txt", ParseSettings(default_year=2025))
    assert [a.title for a in parsed.articles] == ["全县防汛工作会议召开", "对话局长｜罗青：河道清障“一段一段清到位”"]


def test_a_period_of_months_opening_a_notices_section_is_no_dateline_of_a_new_article():
    # "一、整治时间" over "5月15日至10月31日，…" is the notice's first section, not a news headline over its dateline
    art = _one("东湖区城市管理委员会办公室文件\n\n关于开展“洁净街巷”集中整治行动的通知\n各街道办事处：\n"
               "为改善城区环境，决定开展集中整治行动。现将有关事项通知如下。\n一、整治时间\n"
               "2025年5月15日至10月31日，分动员部署、集中攻坚两个阶段推进。\n二、整治内容\n"
               "（一）占道经营整治。由区城管局牵头，6月底前完成。\n（二）背街小巷整治。各街道办事处负责，9月底前完成。\n"
               "东湖区城市管理委员会办公室\n2025年5月12日\n")
    assert art.title == "关于开展“洁净街巷”集中整治行动的通知"
    assert art.date == "2025-05-12"
    # a trip over days of one month still dates its report
    art = _one("区党政考察团赴外地考察学习\n\n4月21日—23日，区党政考察团先后到三个县区考察学习。\n")
    assert art.date_text.endswith("4月21日")


def test_a_portal_banner_is_not_the_title_when_the_title_element_names_the_page_first():
    # the site's banner is the page's only <h1>; the <title> reads "标题_栏目_网站"
    page = """<!doctype html><html><head><meta charset="utf-8">
<title>全镇春耕备耕工作调度会召开_工作动态_禾丰县人民政府</title></head><body>
<div class="header"><h1>禾丰县人民政府</h1></div>
<div class="nav"><a href="#">首页</a><a href="#">政务公开</a></div>
<div class="article"><h2>全镇春耕备耕工作调度会召开</h2>
<div id="zoom"><p>3月2日，全镇春耕备耕工作调度会召开。副镇长林秋实出席会议并讲话。</p>
<p>林秋实要求，一要抓好种子化肥供应，二要抓好农机检修，确保春耕生产顺利开展。</p></div></div>
<div class="footer"><p>主办单位：禾丰县人民政府办公室</p></div></body></html>"""
    (article,) = parse_bulletin(page.encode("utf-8"), "news.html", ParseSettings()).articles
    assert article.title == "全镇春耕备耕工作调度会召开"


def test_a_briefs_bulleted_contents_are_furniture_and_its_bracketed_section_labels_end_paragraphs():
    # "● 下步工作安排" is headed "【下步工作】" below: still the contents; the label line between it and the next part's
    # paragraph is where that paragraph begins (it had been read as one bullet "下步工作安排今年以来…")
    text = "\n".join([
        "农村寄递物流工作简报", "", "第3期", "", "县交通运输局　　　　2024年9月10日", "", "【本期要目】",
        "● 全县寄递物流网络基本成形", "● 经验做法", "● 下步工作安排", "", "【工作进展】",
        "今年以来，全县新建村级寄递服务站46个，快递进村覆盖率达到92%。", "", "【下步工作】",
        "1.补齐站点短板。县交通运输局要在10月底前完成剩余12个村的站点建设。",
        "2.降低寄递成本。县邮政分公司要牵头推行共同配送，年底前覆盖所有乡镇。",
    ])
    parsed = parse_bulletin(text.encode("utf-8"), "brief.txt", ParseSettings(default_year=2024))
    (art,) = parsed.articles
    passages, lists = parsed.passages[art.article_id]
    texts = [p.text for p in passages]
    # (the label stays as a line of its own: it names what follows, "【下步工作】" the list under it)
    assert any(t.startswith("【工作进展】今年以来，全县新建村级寄递服务站46个") for t in texts)
    assert not any("下步工作安排" in t for t in texts)
    assert [(nl.size, nl.label) for nl in lists] == [(2, "下步工作")]


def test_a_section_label_over_an_items_headline_is_no_article_and_no_part_of_the_item_before():
    # "【会议动态】" under the masthead and "【经验做法】" above the second item's headline: kept as text only where they
    # name what follows in the same article, so the masthead opens no article and item one does not end with a label
    text = "\n".join([
        "基层治理工作简报", "", "2025年第3期（总第27期）", "", "区委社会工作部编　　　　2025年4月18日", "",
        "【会议动态】", "", "区委社会工作部召开社区减负推进会", "",
        "4月15日，区委社会工作部召开全区社区减负推进会。部长魏琳出席会议并讲话。", "",
        "魏琳要求，一是坚决清理牌子多，各街道要在4月底前完成回头看。二是坚决压减报表多，6月底前实现一次采集。", "",
        "【经验做法】", "", "蒲口街道小区议事厅让居民事居民议", "",
        "今年以来，蒲口街道在21个小区推行小区议事厅，已协商解决问题93件。", "",
        "居民代表说，有事大家商量着办，心里踏实。",
    ])
    arts = split_articles(load_bulletin(text.encode("utf-8"), "brief.txt"), default_year=2025)
    unlabelled = text.replace("【会议动态】", "").replace("【经验做法】", "")
    assert [a.title for a in arts] == [a.title for a in split_articles(load_bulletin(unlabelled.encode("utf-8"),
                                                                                      "brief.txt"), default_year=2025)]
    assert not any(a.paragraphs[-1].startswith("【") or a.paragraphs == ("【会议动态】",) for a in arts)
    assert "【会议动态】" not in "".join(a.text for a in arts)  # over the first headline: the masthead's, dropped


def test_a_title_above_its_number_and_issuer_stays_the_title():
    # title / 文号 / issuer / date: the issuer's name under the number is its signature, not a red-header title
    text = "\n".join([
        "梧溪县2025年农村寄递物流工作要点", "", "梧交发〔2025〕3号", "", "梧溪县交通运输局", "2025年2月10日", "",
        "为巩固去年工作成效，现提出2025年工作要点如下。", "一、完善县乡村三级网络。年内新建村级站点30个。",
        "二、推进客货邮融合。6月底前开通融合线路5条。",
    ])
    parsed = parse_bulletin(text.encode("utf-8"), "points.txt", ParseSettings(default_year=2025))
    assert [a.title for a in parsed.articles] == ["梧溪县2025年农村寄递物流工作要点"]


def test_a_posts_todays_contents_open_its_items_though_a_headline_reads_long():
    """A WeChat post's "今日导读" lists its items ("1.…", or with its column "【要闻二】…"); each item's headline below
    opens an article, one with a colon included, and the contents are no article of their own."""
    text = "\n".join([
        "点击上方蓝字关注我们", "", "今日导读",
        "1.魏书记调研托育服务：让更多家庭“托得起、托得好”", "2.【要闻二】任县长调研农村寄递物流 察看快递进村服务点", "",
        "桐溪发布　2025年11月06日 19:05", "", "【要闻一】", "",
        "魏书记调研托育服务：让更多家庭“托得起、托得好”", "",
        "　　11月5日，县委书记魏明远到溪口镇调研托育服务体系建设，察看了县托育综合服务中心的保育室和配餐间。", "",
        "　　魏明远要求：一是坚持普惠导向；二是坚持安全第一。", "",
        "【要闻二】", "", "任县长调研农村寄递物流 察看快递进村服务点", "",
        "　　11月4日，县长任海涛到县级物流配送中心调研，要求年底前实现快递进村全覆盖。", "",
    ])
    arts = split_articles(load_bulletin(text.encode("utf-8"), "mp_weixin_1106.txt"))
    assert [a.title for a in arts] == ["魏书记调研托育服务：让更多家庭“托得起、托得好”",
                                       "任县长调研农村寄递物流 察看快递进村服务点"]
    assert not any("今日导读" in p for a in arts for p in a.paragraphs)


@pytest.mark.parametrize("entries, headlines", [
    # "今日导读 / 1. A / 2. B", then "【要闻一】A" (column and headline on one line)
    (["1. 锦塘镇：污水“管”起来　村庄“靓”起来", "2. 全县乡镇综合应急救援队技能比武举行"],
     ["【要闻一】锦塘镇：污水“管”起来　村庄“靓”起来", "【要闻二】全县乡镇综合应急救援队技能比武举行"]),
    # each entry under its column, one a line with no blank line between (a line opening with a column label never
    # continues the one above)
    (["【要闻一】锦塘镇：污水“管”起来　村庄“靓”起来", "【要闻二】全县乡镇综合应急救援队技能比武举行"],
     ["【要闻一】锦塘镇：污水“管”起来　村庄“靓”起来", "【要闻二】全县乡镇综合应急救援队技能比武举行"]),
])
def test_a_posts_contents_open_items_headed_by_their_column_on_the_same_line(entries, headlines):
    """A post's "今日导读" lists its items; each item below, headed "【要闻一】A", is an article titled as listed — not
    one article "今日导读" whose entries run through the first item's text."""
    text = "\n".join([
        "点击上方蓝字关注我们", "", "绫溪发布　2025年7月18日 20:05", "", "今日导读", *entries, "",
        headlines[0], "", "　　盛夏时节，走进锦塘镇荷塘村，过去发黑发臭的排水沟不见了，接户率达到93%。", "",
        headlines[1], "", "　　7月17日，全县乡镇综合应急救援队技能比武在桑园镇举行，5支队伍同场竞技。", "",
    ])
    arts = split_articles(load_bulletin(text.encode("utf-8"), "mp_weixin_0718.txt"))
    assert [a.title for a in arts] == ["锦塘镇：污水“管”起来　村庄“靓”起来", "全县乡镇综合应急救援队技能比武举行"]
    assert not any("今日导读" in p for a in arts for p in a.paragraphs)
    assert "接户率达到93%" in "".join(arts[0].paragraphs) and "5支队伍同场竞技" in "".join(arts[1].paragraphs)


def test_a_posts_contents_on_one_line_unbracketed_leave_its_publish_day_to_date_every_item():
    """"今日导读｜A；B" is the post's contents (unbracketed, a separator after the label), not its first text: the
    publish day under it dates the second item's dateline ("12月9日") too, as it dates the first's."""
    text = "\n".join([
        "点击上方蓝字 关注我们", "",
        "今日导读｜高书记到柳湾镇调研皮具产业；邓县长调研课后服务工作", "",
        "禾塘发布　2024年12月10日 21:06", "", "今日导读", "【要闻一】高书记到柳湾镇调研皮具产业",
        "【要闻二】邓县长调研课后服务工作", "", "【要闻一】", "", "高书记到柳湾镇调研皮具产业", "",
        "　　12月10日，县委书记高明远到柳湾镇调研皮具产业，察看了产业园二期建设现场。", "",
        "【要闻二】", "", "邓县长调研课后服务工作", "",
        "　　12月9日，县长邓海涛带队调研全县中小学课后服务工作，要求把好事办好。", "",
    ])
    arts = split_articles(load_bulletin(text.encode("utf-8"), "mp_weixin_1210.txt"))
    assert [a.title for a in arts] == ["高书记到柳湾镇调研皮具产业", "邓县长调研课后服务工作"]
    assert [a.date for a in arts] == ["2024-12-10", "2024-12-09"]
    assert not any("今日导读" in p for a in arts for p in a.paragraphs)


def test_a_press_conference_lists_who_presents_names_spaced_out_and_one_on_a_line_of_their_own():
    """"县财政局副局长　戴　静": a two-character name spaced to a three-character width is 戴静, whose answer is hers;
    the last presenter alone on a line (like a speech's byline) makes the transcript no one person's speech."""
    art = _one("桐川县冷链物流建设新闻发布会实录\n\n"
               "时　间：2024年6月20日上午10:00\n地　点：县政府新闻发布厅\n"
               "发布人：县商务局局长　邵明川\n　　　　县财政局副局长　戴　静\n"
               "　　　　梨园镇党委书记　华若愚\n主持人：县政府新闻办主任　谭　雪\n\n"
               "谭雪：各位记者朋友，上午好！首先请邵明川局长介绍总体情况。\n\n"
               "邵明川：今年全县计划新建产地冷库30座，目前已开工17座。\n\n"
               "县融媒体中心记者：冷库建设有哪些资金支持？\n\n"
               "戴静：主要从两个方面支持。第一，建设给补助，按投资的30%补助。第二，贷款有贴息，贴息比例50%。\n\n"
               "桐川日报记者：梨园镇有什么做法？\n\n"
               "华若愚：我们主要推行村集体入股建冷库，8个村已经入股。\n\n"
               "谭雪：今天的发布会到此结束，谢谢各位！\n")
    assert art.speakers == ("谭雪", "邵明川", "戴静", "华若愚")


def test_a_double_spaced_post_keeps_its_headlines_and_photo_captions_out_of_its_paragraphs():
    """A post with a blank line after every line: the headline with a comma, the "▲ …（记者 摄）" caption and the
    bulleted contents end where their line ends (only a text running to the width goes on), and a caption
    standing over a dated paragraph is no headline of an article of its own."""
    lines = [
        "点击上方蓝字关注我们", "岑川发布　2025年7月22日 20:15", "今日导读",
        "● 夜市开市，老街“活”起来", "● 暴雨来袭，城区排涝连夜奋战", "【要闻一】", "夜市开市，老街“活”起来",
        "　　7月19日晚，岑川老街夜市开市，当晚客流超过2万人次，本地小吃摊位前排起长队。",
        "▲ 开市当晚，老街游人如织（融媒体记者　单一帆　摄）",
        "　　县商务局介绍，夜市将持续到10月底，每周五、周六晚举办露天音乐会，并分两期发放消费券。",
        "【要闻二】", "暴雨来袭，城区排涝连夜奋战",
        "　　7月21日夜间，我县遭遇入汛以来最强降雨，城区3小时降雨量达到88毫米，排涝队员全部到岗。",
        "▲ 排涝队员在建设路抽排积水",
        "　　7月22日上午，副县长常立群到城北泵站检查设备运行，要求各街道加强低洼小区巡查。",
        "▼往期推荐", "来源：岑川县融媒体中心", "审核：单一帆",
    ]
    text = "\n\n".join(lines)
    arts = split_articles(load_bulletin(text.encode("utf-8"), "mp_weixin_0722.txt"))
    assert [a.title for a in arts] == ["夜市开市，老街“活”起来", "暴雨来袭，城区排涝连夜奋战"]
    body = "".join(arts[0].paragraphs)
    assert "当晚客流超过2万人次" in body and not any(p.startswith("▲") and "县商务局介绍" in p for p in arts[0].paragraphs)
    assert any("常立群到城北泵站检查设备运行" in p for p in arts[1].paragraphs)


def test_a_portal_banner_offering_its_site_versions_is_no_headline():
    """"某县人民政府　　无障碍 | 长辈版 | English" over the breadcrumb is the site's banner: the page's one article is
    titled by its headline."""
    text = "\n".join([
        "岑川县人民政府　　无障碍　|　长辈版　|　English", "", "首页 > 政务公开 > 政府会议", "",
        "常立群主持召开县政府第九次常务会议", "", "发布时间：2024-11-15 09:30　　来源：县政府办公室", "",
        "　　11月14日，县长常立群主持召开县政府第九次常务会议，研究农村客运和蔬菜保供工作。",
        "　　会议要求，县交通运输局要在12月底前完成客运班线优化。",
    ])
    arts = split_articles(load_bulletin(text.encode("utf-8"), "t20241115_1.html.txt"))
    assert [a.title for a in arts] == ["常立群主持召开县政府第九次常务会议"]


BRIEF = """鹭川县茶产业发展
工　作　简　报
第2期
鹭川县茶产业发展工作专班　　　　2025年3月10日

【工作动态】
春茶开采以来，全县组织技术人员深入茶园开展指导，已培训茶农一千二百人次，春茶鲜叶收购价格同比上涨一成。

【下步安排】
下一步，专班将重点抓好三项工作：一是抓品质提升，由县农业农村局牵头，4月底前完成茶园农残抽检；二是抓品牌推广，由县商务局牵头，组织茶企参加春季茶博会；三是抓金融支持，由县财政局牵头，落实茶企贷款贴息。

报：县委、县政府主要领导
送：县委、县政府分管领导
发：各乡镇，县直有关单位
（共印40份）
"""


def test_a_briefs_masthead_spaced_out_letter_by_letter_is_named_as_one_word():
    bulletin = parse_bulletin(BRIEF.encode("gbk"), "brief_2.txt", ParseSettings())
    # (asked for as "简报里说…": the word the masthead spells out, not four single characters)
    assert [a.title for a in bulletin.articles] == ["鹭川县茶产业发展 工作简报 第2期"]
