"""Passages of the bundled bulletin: numbered points, their lists, outlines and packed paragraphs."""

import re

import pytest

from bot.articles import split_articles
from bot.load import load_bulletin
from bot.passages import article_passages
from bot.textutil import split_sentences
from tests.conftest import BUNDLED

JULI = ["项目谋划", "项目建设", "项目招引", "企业培育", "改革赋能", "要素保障", "深化国企改革", "作风建设"]


@pytest.fixture(scope="module")
def meeting():
    _, article = split_articles(load_bulletin(BUNDLED.read_bytes(), BUNDLED.name), default_year=2021)
    return article_passages(article)


def test_each_of_the_eight_juli_points_is_exactly_one_passage(meeting):
    passages, lists = meeting
    (juli,) = [nl for nl in lists if nl.size == 8]
    assert juli.label == "八个聚力"
    assert juli.lead == "在工作中要聚力八个方面狠下功夫、攻坚突破。"
    assert juli.speaker == "毕志伟"
    points = [p for p in passages if p.list_id == juli.list_id and p.kind == "point"]
    assert [p.ordinal for p in points] == list(range(1, 9))
    for i, (p, topic) in enumerate(zip(points, JULI)):
        assert p.text.startswith("一二三四五六七八"[i] + "要聚力" + topic)
        # the point holds nothing of the next one
        assert "要聚力" not in p.text[4:] or i == 7
        assert p.list_size == 8 and p.title.startswith("全区聚焦")
    assert points[7].text.endswith("决不允许歪风邪气在山亭滋生。")
    assert "“五比五看”发展竞赛" in points[6].text
    assert "着力打造一批核心竞争力强" in points[6].text  # repaired line break stays inside the point


def test_the_third_point_of_current_work_holds_its_continuation(meeting):
    passages, lists = meeting
    (current,) = [nl for nl in lists if nl.size == 4]
    third = next(p for p in passages if p.list_id == current.list_id and p.ordinal == 3)
    assert third.text.startswith("三要守牢安全发展底线。")
    assert "疫情防控" in third.text and "风险隐患排查治理。" in third.text
    assert "四要" not in third.text


def test_all_numbered_lists_are_found_with_speakers(meeting):
    _, lists = meeting
    found = {(nl.size, nl.speaker) for nl in lists}
    assert {(5, "毕志伟"), (2, "毕志伟"), (8, "毕志伟"), (4, "毕志伟"), (7, "刘宗国")} <= found
    liu = next(nl for nl in lists if nl.speaker == "刘宗国")
    assert liu.headlines[6] == "七要有与人为善、团结共赢的好风气"


def test_outline_holds_the_lead_and_every_headline(meeting):
    passages, lists = meeting
    juli = next(nl for nl in lists if nl.size == 8)
    (outline,) = [p for p in passages if p.list_id == juli.list_id and p.kind == "outline"]
    lines = outline.text.split("\n")
    assert lines[0] == juli.lead
    assert lines[1] == "一要聚力项目谋划狠下功夫、攻坚突破。"
    assert len(lines) == 9


def test_packed_passages_never_cut_a_sentence_and_keep_all_text(meeting):
    passages, _ = meeting
    for p in passages:
        if p.kind == "text":
            # a passage ends a sentence, or the clause that introduces a list ("值得我们学习:")
            assert re.search(r"[。！？!?；;:：]$", p.text), p.text[-20:]
            assert p.chars <= 600
    all_text = "".join(p.text for p in passages if p.kind != "outline")
    assert "座谈会在山亭宾馆召开" in all_text and "第二季度省定重点项目的开工率必须达到100%" in all_text


def test_other_list_styles():
    from bot.records import Article

    text = ("会议部署三项工作:第一,抓好春耕。做好准备。第二,抓好防汛。第三,抓好安全。",
            "（一）加强领导。明确责任。", "（二）强化督导。")
    art = Article("a1", "x.txt", 0, "测试", None, "", (), None, text)
    passages, lists = article_passages(art)
    assert sorted(nl.size for nl in lists) == [2, 3]
    second = next(p for p in passages if p.ordinal == 2 and p.list_size == 3)
    assert second.text == "第二,抓好防汛。"


def test_a_list_right_after_another_lists_last_point_is_not_named_by_that_point():
    from bot.records import Article

    text = ("3月18日，书记周明主持召开会议。会议要求，要对照清单逐项复核；要聚焦难点问题，实行领导包案；"
            "要举一反三建立长效机制。县住建局要加快雨污分流改造；县林业局要完成矿坑复绿；县水利局要开展河道清淤。",)
    art = Article("a1", "x.txt", 0, "测试", None, "", (), None, text)
    _, lists = article_passages(art)
    everyone, units = lists
    assert units.size == 3 and "举一反三" not in units.label and "举一反三" not in (units.lead or "")


def test_a_reports_section_label_over_a_list_names_it():
    """"【下步安排】" on its own line over "下一步，…抓好三项工作：一是…": the list is the section's (its lead says so), not the
    【经验做法】 list above it."""
    from bot.records import Article

    text = ("【经验做法】", "柳塘镇探索“三个一”工作法：一是组建一支团队；二是建好一本台账；三是安排一条热线。",
            "【下步安排】", "下一步，办公室将重点抓好三项工作：一是开展年终考核；二是推进人才招引；三是谋划明年项目。")
    art = Article("a1", "x.txt", 0, "测试", None, "", (), None, text)
    _, (practice, plans) = article_passages(art)
    assert plans.lead.startswith("【下步安排】下一步") and practice.lead.startswith("【经验做法】")
    assert "办公室将重点抓好三项工作" in plans.label  # the label is still the list's own words


def test_a_clause_only_dating_the_list_does_not_name_it():
    from bot.records import Article

    text = ("截至3月19日，全县清理林下可燃物1.2万亩。1.县林业局要做好清明节期间森林防火工作。2.县水利局要做好验收准备。"
            "3.县生态环境分局要启动排污口排查。",)
    art = Article("a1", "x.txt", 0, "测试", None, "", (), None, text)
    _, (lst,) = article_passages(art)
    assert not lst.label.startswith("截至")


def test_a_briefs_passages_are_titled_by_the_issue_and_the_brief_they_stand_under():
    parsed = _parsed_all("briefing_total_issue.txt")  # three one-paragraph briefs: one issue
    (article,) = parsed.articles
    passages = parsed.passages[article.article_id][0]
    road = next(p for p in passages if "客运站" in p.text)
    assert road.title == "云溪政务信息 2025年第7期（总第203期） 县交通运输局开展春运道路安全大检查"
    assert not any("第7期" in p.text for p in passages)  # the masthead is the title, not text


def test_sentence_splitting_handles_mixed_width_punctuation():
    assert split_sentences("如何择路前行?4月21日,考察。“好”。") == ["如何择路前行?", "4月21日,考察。", "“好”。"]


def test_a_point_longer_than_a_few_screens_is_cut_at_sentence_ends_and_stays_that_point():
    from bot.records import Article
    from bot.passages import MAX_POINT_CHARS

    endless = "各单位要对照任务清单逐项推进落实。" * 2000  # 34,000 characters after "二要"
    paras = ("会议提出两点要求。一要抓好学习。", "二要抓好落实。" + endless, "会议还研究了其他事项。")
    art = Article("a1", "x.txt", 0, "测试", None, "", (), None, paras)
    passages, (nl,) = article_passages(art)
    second = [p for p in passages if p.list_id == nl.list_id and p.ordinal == 2]
    assert len(second) > 10 and all(len(p.text) <= MAX_POINT_CHARS for p in second)
    assert all(p.text.endswith("。") for p in second)
    assert second[0].text.startswith("二要抓好落实。") and nl.size == 2


GENRES = BUNDLED.parent.parent / "tests" / "data" / "genres"


def _parsed(name: str):
    from bot.pipeline import ParseSettings, parse_bulletin

    path = GENRES / name
    (article,) = (parsed := parse_bulletin(path.read_bytes(), name, ParseSettings())).articles
    return parsed.passages[article.article_id]


def _parsed_all(name: str):
    from bot.pipeline import ParseSettings, parse_bulletin

    path = GENRES / name
    return parse_bulletin(path.read_bytes(), name, ParseSettings())


def _points(passages, nl) -> list[str]:
    return [p.text for p in passages if p.list_id == nl.list_id and p.kind == "point"]


def test_each_answer_of_a_press_conference_is_its_answerers():
    passages, lists = _parsed("press_conference_lists.txt")
    assert [(nl.size, nl.speaker) for nl in lists] == [(3, "何静"), (3, "梁振宇")]
    for nl in lists:
        assert not any("记者" in text for text in _points(passages, nl))
    answer = next(p for p in passages if p.kind == "text" and "10个工作日内" in p.text)
    assert answer.speaker == "何静"  # the text of an answer is its answerer's too


def test_a_speech_is_one_outline_of_its_points_with_their_sub_lists_and_a_closing_apart():
    passages, lists = _parsed("speech_three_points.txt")
    outline, *subs = lists
    assert outline.size == 3 and outline.headlines[2].startswith("三、压实责任")
    assert [nl.size for nl in subs] == [2, 3, 2] and {nl.speaker for nl in lists} == {"陆文涛"}
    third = _points(passages, outline)[2]
    assert "森林防火" not in third and "同志们" not in third and "2024年10月15日" not in third


def test_a_standing_meetings_topics_each_keep_their_own_list():
    passages, lists = _parsed("standing_meeting_topics.txt")
    assert [(nl.numbered, nl.size, nl.speaker) for nl in lists] == [
        (True, 4, "陆文涛"), (False, 3, "陆文涛"), (False, 3, "陆文涛")]
    assert _points(passages, lists[1])[0].startswith("县住建局要加快建设城东立体停车场")
    assert _points(passages, lists[2])[-1].startswith("要严格考核") and "其他事项" not in _points(passages, lists[2])[-1]


def test_a_plans_four_levels_are_each_their_own_list_and_none_runs_into_the_cc_block():
    passages, lists = _parsed("plan_nested.txt")
    assert [(nl.style, nl.size) for nl in lists] == [("、", 3), ("（）", 2), ("1.", 2), ("1.", 2), ("(1)", 2), ("1.", 3)]
    every_point = [p.text for p in passages if p.kind == "point"]
    assert not any("抄送" in t or "印发" in t for t in every_point)
    assert _points(passages, lists[0])[1] == "二、重点任务"  # its sub-lists are passages of their own


def test_the_articles_of_measures_are_their_chapters_lists_and_the_chapters_a_list_led_by_the_measures_title():
    passages, lists = _parsed("measures_articles.txt")
    chapters, *articles = lists
    assert (chapters.size, chapters.label, chapters.lead) == (3, "三章", "松溪区农业科技推广补助办法")
    # each chapter's point is its heading alone; its articles are a list of its own, named by the chapter
    assert _points(passages, chapters) == ["第一章　总则", "第二章　补助标准", "第三章　附则"]
    assert [(nl.size, nl.label, nl.parent, nl.parent_point) for nl in articles] == [
        (2, "第一章 总则", chapters.list_id, 1), (3, "第二章 补助标准", chapters.list_id, 2),
        (1, "第三章 附则", chapters.list_id, 3)]
    assert not any("章" in t or "抄送" in t for nl in articles for t in _points(passages, nl))


def test_which_chapters_a_measure_has_is_answered_by_its_chapters(tmp_path, embedder):
    from bot.config import load_config
    from bot.ingest import sync
    from bot.search import Searcher
    from tests.conftest import make_config

    config = load_config(make_config(tmp_path, [GENRES / "measures_articles.txt"]))
    sync(config, embedder)
    answer = Searcher(config, embedder).search("农业科技推广补助办法有哪几章")
    assert answer.answered
    first = answer.results[0].passage
    assert first.list_label == "三章" and "第二章" in first.text and "补助标准" in first.text


def test_a_chapter_asked_by_its_number_is_answered_by_its_heading_and_the_articles_it_holds(tmp_path, embedder):
    from bot.config import load_config
    from bot.ingest import sync
    from bot.search import Searcher
    from tests.conftest import make_config

    config = load_config(make_config(tmp_path, [GENRES / "measures_articles.txt"]))
    sync(config, embedder)
    answer = Searcher(config, embedder).search("补助办法第二章是什么")
    assert answer.answered
    first = answer.results[0].passage.text
    # the chapter's heading, then its three articles in order, and nothing of the chapters around it
    assert first.startswith("第二章　补助标准")
    assert [first.index(f"{n}　") for n in ("第三条", "第四条", "第五条")] == sorted(
        first.index(f"{n}　") for n in ("第三条", "第四条", "第五条"))
    assert "第二条" not in first and "第六条" not in first


def test_a_reports_targets_and_dash_lines_are_lists_of_the_one_who_gives_it():
    _, lists = _parsed("plan_targets_dash.txt")
    assert [(nl.size, nl.label, nl.speaker) for nl in lists][1] == (3, "三个坚持", "宋立伟")
    assert lists[0].size == 4 and lists[0].speaker == "宋立伟"


def test_unnumbered_lists_of_a_meeting_report_start_after_the_lead_and_stop_before_the_byline():
    passages, lists = _parsed("meeting_unnumbered.txt")
    first, second = lists
    # "陆文涛强调，冬季是事故易发多发期，各乡镇各部门要时刻绷紧…。" states the situation: it frames the 要 points
    assert _points(passages, first)[0].startswith("要紧盯燃气安全") and first.size == 3
    assert _points(passages, second)[-1] == "要做好应急准备，确保一旦发生险情能够快速处置。"
    assert not any("责任编辑" in p.text or "会后" in p.text for p in passages if p.kind == "point")


def test_a_notices_own_list_is_kept_apart_from_the_plan_it_issues():
    passages, lists = _parsed("notice_own_list.txt")
    notice, plan = lists
    assert (notice.size, plan.size) == (2, 3)
    last = _points(passages, notice)[-1]
    assert last.startswith("二、压实责任") and "青岚县人民政府办公室" not in last and "工作方案" not in last


def test_a_points_task_lines_under_it_are_its_tasks_never_page_fields():
    """"牵头单位：县水利局  配合单位：…  完成时限：2025年6月30日前" on a line of its own is the point's, though dated."""
    passages, lists = _parsed("plan_task_lines.txt")
    points = [p for p in passages if p.kind == "point" and p.tasks]
    # (and "县政府每季度调度一次" under 保障措施 is the county government's standing duty)
    assert [(p.tasks.lead, p.tasks.deadline) for p in points] == [
        (("县住建局",), "2025-10-31"), (("县生态环境分局",), "2025-12-31"), (("县水利局",), "2025-06-30"),
        (("县政府",), "长期")]


def test_a_posts_bracketed_numbered_headings_are_a_list():
    passages, lists = _parsed("wechat_numbered_headings.txt")  # "【01 耕地地力补贴】"
    assert [nl.size for nl in lists] == [3]
    assert _points(passages, lists[0])[1].startswith("【02 农机购置补贴】")


def test_an_inline_list_in_one_sentence_ends_with_it():
    passages, lists = _parsed("portal_toolbar_banner.txt")  # "…三是…全覆盖检查。1—4月，全县规上工业增加值增长7.2%。"
    (nl,) = lists
    assert _points(passages, nl)[-1].endswith("全覆盖检查。")


def test_a_posts_pinned_items_and_zero_padded_headings_are_lists():
    passages, lists = _parsed("wechat_pins_and_numbers.txt")  # "📌 茶园改造…" lines, "01 茶园基地建设" headings
    assert [nl.size for nl in lists] == [3, 3]
    assert "茶企技改" in _points(passages, lists[0])[1]
    assert _points(passages, lists[1])[2].startswith("03 茶叶品牌创建")


def test_an_answer_turn_naming_its_answerer_in_brackets_is_theirs():
    # "答（区教育局局长　方婉清）：": the post and name in brackets, a wide space between them; three officials
    # in the lead, the first never answering
    from bot.speakers import ASKED, known_names, turns

    _, lists = _parsed("press_conference_bracketed_answers.txt")
    assert [(nl.size, nl.speaker) for nl in lists] == [(3, "方婉清"), (2, "柯向东")]
    text = (GENRES / "press_conference_bracketed_answers.txt").read_text(encoding="utf-8")
    assert [who for _, _, who in turns(text, known_names(text))] == [ASKED, "方婉清", ASKED, "柯向东"]


def test_a_briefings_items_each_keep_the_one_who_inspected_or_chaired():
    # "区长钟远航冒雨到…。…他要求，一要…" is his; "副区长周映雪…主持召开…。会议要求，要…" the chair's of that item
    _, lists = _parsed("briefing_meeting_items.txt")
    assert {nl.speaker for nl in lists if nl.size == 2} == {"钟远航", "周映雪"}
    assert all(nl.speaker for nl in lists if nl.size == 2)


def test_minutes_decisions_are_the_chairs_whose_name_follows_the_number_and_addressee_lines():
    # "文号"/"汀府办纪〔2024〕9号" and "各街道办事处，区直有关部门：" come before the paragraph naming the chair
    _, lists = _parsed("minutes_addressee.txt")
    assert [(nl.size, nl.speaker) for nl in lists] == [(3, "周映雪")]


def test_a_press_conference_turn_written_post_space_name_is_that_officials():
    # "副区长 宁远舟：", "区城管局局长 郑晓川：", "区商务局局长　费一鸣：": the post, a space, the name, a colon
    from bot.speakers import ASKED, known_names, turns

    _, lists = _parsed("press_conference_post_space_name.txt")
    assert [(nl.size, nl.speaker) for nl in lists] == [(3, "宁远舟"), (2, "郑晓川"), (2, "费一鸣")]
    text = (GENRES / "press_conference_post_space_name.txt").read_text(encoding="utf-8")
    assert [who for _, _, who in turns(text, known_names(text))] == [
        "苏禾", "宁远舟", ASKED, "郑晓川", ASKED, "费一鸣", ""]


def test_paragraphs_a_colon_announces_are_one_list_though_their_openers_differ():
    # "要把…。", "坚持…，", "强化…，", "织密预警网络，": four points of one speaker; the settings before the colon
    # ("去年汛期，…", "目前，…") and the meeting's other business after are none of them
    passages, lists = _parsed("meeting_announced_mixed_openers.txt")
    assert [(nl.size, nl.speaker) for nl in lists] == [(4, "秦望川")]
    points = _points(passages, lists[0])
    assert points[0].startswith("要把思想认识提上来") and points[3].startswith("织密预警网络")
    assert not any("会议还" in p or "编辑" in p for p in points)


def test_a_list_answering_a_reporters_question_is_led_by_that_question():
    from bot.records import Article

    text = ("6月3日，县应急管理局局长宋立平就防汛避险答记者问。",
            "问：群众转移后家里的财产谁来看管？",
            "答：我们主要有两条措施。第一，村里组织巡逻队，每天两次巡查转移户房屋；第二，派出所加密夜间巡防。",
            "问：转移期间吃住怎么解决？",
            "答：安置点统一提供三餐和床铺，费用由县财政兜底。")
    art = Article("q1", "q.txt", 0, "防汛避险答记者问", "2024-06-03", "", (), None, text)
    passages, (nl,) = article_passages(art)
    assert nl.lead.startswith("问：群众转移后家里的财产谁来看管？") and "两条措施" in nl.lead
    assert "两条措施" in nl.label and "看管" not in nl.label  # named by the answer, as any list is
    # the question alone is no passage: it leads the list its answer is
    assert not any(p.text.strip() == "问：群众转移后家里的财产谁来看管？" for p in passages)
    assert any(p.kind == "point" and "巡逻队" in p.text and "财产谁来看管" in (p.lead or "") for p in passages)


def test_a_lists_lead_in_stating_a_figure_is_also_a_passage_of_its_own():
    from bot.records import Article

    paragraphs = ("3月12日，区委书记周明主持召开区委常委会会议，研究养老服务工作。",
                  "会议强调，全区60周岁以上老年人口已达9.3万人，养老服务供给必须跟上。",
                  "要织密服务网络，年内实现街道综合养老服务中心全覆盖；要办好老年助餐，新增助餐点20个；要壮大护理队伍。",
                  "会议要求：",
                  "一是压实责任。二是加强督查。三是抓好宣传。")
    art = Article("a1", "x.txt", 0, "测试", None, "", (), None, paragraphs)
    passages, _ = article_passages(art)
    texts = [p.text for p in passages if p.kind == "text"]
    # the figure may be asked ("全区60岁以上老人有多少"): its sentence is searched, not only shown in the outline
    assert any("9.3万人" in t for t in texts)
    assert not any(t.strip() == "会议要求：" for t in texts)  # a lead-in saying nothing itself stays in the outline


def test_a_long_points_headline_is_its_first_clause_past_its_marker():
    """An outline shows each point by its first sentence, cut at a comma when long: "第三，县财政局正在推进…" is headed
    by what the point says, not by "第三" alone."""
    from bot.passages import _headline

    long_point = ("第三，县财政局正在推进5个镇农村会计委托代理服务中心规范化建设，目前已完成3个，其余2个年底前完成，"
                  "届时报账审核时间将压缩到3个工作日以内。")
    assert _headline(long_point) == "第三，县财政局正在推进5个镇农村会计委托代理服务中心规范化建设"
    assert _headline("一要聚力项目谋划。要立足资源禀赋。") == "一要聚力项目谋划"
