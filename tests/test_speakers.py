"""Who speaks: names read from their posts (jieba misses many), pronouns, and the meeting's chair."""

from bot.speakers import ASKED, known_names, meeting_chair, plausible_name, speaker_before, speech_marks, turns


def test_names_are_read_from_the_post_before_them_and_kept_whole():
    text = ("县委副书记、县长范志勇出席会议并讲话，县委常委、常务副县长欧阳敏主持会议。区委常委、常务副区长许建平出席。"
            "张立华强调，要抓好落实。")
    names = known_names(text)
    assert {"范志勇", "欧阳敏", "许建平", "张立华"} <= set(names)
    assert "张立" not in names
    # at a ceremony the post's holder declares it open
    assert "葛文辉" in known_names("7月22日晚，消费季在沿河夜市启幕。副县长葛文辉宣布消费季启动，县商务局局长殷岚介绍活动安排。")


def test_a_surname_of_its_own_spelling_is_a_surname():
    # 阎 is a surname of its own, not only the 闫 of some registers
    text = "副县长阎立敏出席会议并讲话，县农业农村局局长范晓光通报情况。阎立敏指出，要抓好秋收禁烧。"
    names = known_names(text)
    assert {"阎立敏", "范晓光"} <= set(names)
    assert [who for _, who in speech_marks(text[text.index("阎立敏指出"):], names)] == ["阎立敏"]


def test_a_pronoun_speaks_for_the_last_person_named():
    text = "开工活动结束后，陶春林主持召开推进会。他强调，项目建设要在快优安上下功夫。"
    names = known_names("县委书记陶春林出席。" + text)
    marks = speech_marks(text, names)
    assert [who for _, who in marks] == ["陶春林"]


def test_the_meeting_speaks_for_its_chair_named_only_in_the_headline():
    title, lead = "韩立松主持召开全区重点项目建设第三次调度会", "10月18日，全区重点项目建设第三次调度会在白沙镇召开。"
    body = lead + "会议强调，四季度是决战期。会议提出以下三点要求：一要冲刺目标。"
    names = known_names(title + "\n" + body)
    chair = meeting_chair(title, lead, names)
    assert chair == "韩立松"
    marks = speech_marks(body, names)
    assert speaker_before(marks, body.index("一要"), chair) == "韩立松"


def test_a_place_in_the_headline_is_not_a_chair():
    title = "东湖区召开冬季安全生产专题会议"
    lead = "12月1日上午，区委常委、常务副区长钟以宁主持召开冬季安全生产专题会议。"
    assert meeting_chair(title, lead, known_names(title + lead)) == "钟以宁"


def test_the_chair_is_the_one_named_before_chairing_though_the_room_comes_between():
    lead = "4月8日，副区长祁晓岚在区行政中心5号楼301会议室主持召开专题会议，研究老旧市场改造有关问题。"
    assert meeting_chair("关于老旧市场改造有关问题的会议纪要", lead, known_names(lead)) == "祁晓岚"
    # someone named after 主持 (who attended) is not the chair
    lead = "会议由区政府办公室主持，副区长祁晓岚出席。"
    assert meeting_chair("专题会议纪要", lead, known_names(lead)) is None


def test_a_relayed_instruction_belongs_to_its_author():
    text = ("会上，许建平传达了区委书记周永年对营商环境工作作出的批示。周永年在批示中指出，营商环境是金字招牌。"
            "一要对标先进找差距；二要刀刃向内抓整改。")
    names = known_names("区委常委、常务副区长许建平出席会议并讲话。" + text)
    assert speaker_before(speech_marks(text, names), text.index("一要"), None) == "周永年"


def test_each_answer_of_a_transcript_belongs_to_its_answerer():
    text = ("6月3日，区商务局局长罗文涛出席发布会并回答记者提问。区委宣传部副部长田慧主持发布会。\n"
            "田慧：下面请罗文涛局长介绍情况。\n"
            "罗文涛：今年办好三件事：一是发放消费券；二是举办车展。\n"
            "后续安排将另行公布。\n"
            "记者：消费券什么时候领取？\n"
            "罗文涛：6月10日起领取。")
    names = known_names(text)
    marks = speech_marks(text, names)
    assert speaker_before(marks, text.index("一是"), None) == "罗文涛"
    assert speaker_before(marks, text.index("后续安排"), None) == "罗文涛"  # a turn runs over its lines
    assert speaker_before(marks, text.index("什么时候"), "田慧") is None  # a reporter asks; no official says it
    assert [who for _, _, who in turns(text, names)] == ["田慧", "罗文涛", ASKED, "罗文涛"]


def test_the_answers_of_a_qa_belong_to_the_official_who_answers():
    text = ("区人社局局长韩志诚就措施有关内容回答了记者提问。\n问：措施有哪些支持？\n答：主要有三方面：一是补助。\n"
            "问：怎样申请？\n答：在线申请。")
    names = known_names(text)
    assert speaker_before(speech_marks(text, names), text.index("一是"), None) == "韩志诚"


def test_field_labels_are_not_turns():
    text = "牵头单位：区商务局\n配合单位：区财政局\n完成时限：6月底前"
    assert turns(text, known_names(text)) == []


def test_places_roles_and_glued_characters_are_not_people():
    assert not plausible_name("杏坪镇") and not plausible_name("高新区") and not plausible_name("申请人")
    assert not plausible_name("王强昨日")
    assert plausible_name("欧阳文华") and plausible_name("王强")
    names = known_names("副县长王强昨日带队检查防汛工作。镇长陈立新主持会议。")
    assert "王强" in names and not any(n.startswith("王强昨") for n in names)


def test_a_report_given_names_its_giver_as_the_meetings_speaker():
    lead = "1月14日，在县人民代表大会第五次会议上，县长郑立群代表县人民政府作政府工作报告。"
    assert meeting_chair("县政府工作报告摘编", lead, known_names(lead)) == "郑立群"


def test_an_official_who_briefs_the_meeting_speaks_there_one_who_is_briefed_does_not():
    text = ("5月9日，全县防汛工作推进会召开。县长马骏出席并讲话。会上，县水利局局长卢春明通报了去年汛期全县险情处置情况。"
            "各乡镇要每月向镇长蔡光远汇报进展。")
    names = known_names(text)
    assert [name for _, name in speech_marks(text, names)] == ["马骏", "卢春明"]


def test_a_transcripts_host_named_in_brackets_and_bulleted_questions():
    text = ("主持人（区委宣传部副部长田慧）：请罗文涛局长介绍。\n罗文涛：今年重点抓好两件事：一是稳岗；二是扩岗。\n"
            "▲雁滨晚报记者：补贴何时发放？\n罗文涛：6月底前发放。")
    names = known_names(text)
    assert [who for _, _, who in turns(text, names)] == ["田慧", "罗文涛", ASKED, "罗文涛"]
def test_the_one_who_gives_the_report_or_answers_is_its_voice_and_each_turn_is_its_speakers():
    from bot.speakers import turns, voice_of

    assert voice_of("1月12日，区长宋立伟代表区人民政府作政府工作报告。", ["宋立伟"]) == "宋立伟"
    # two answerers in the lead: nobody is the voice of the whole transcript
    assert voice_of("局长何静、局长梁振宇出席发布会并回答记者提问。", ["何静", "梁振宇"]) is None
    text = "何静局长：我们推出三项举措。\n记者：资金从哪里来？\n答：主要有三个来源。"
    assert [who for _, _, who in turns(text, ["何静"], "梁振宇")] == ["何静", ASKED, "梁振宇"]


def test_a_sentence_opened_by_a_person_is_theirs_when_a_later_clause_gives_the_points():
    from bot.speakers import speech_marks

    text = ("周立新传达学习了县委会议精神，结合本镇实际提出四点要求：一是要认清形势；二是要吃透政策。"
            "郑海燕就做好乡镇机构改革后续工作提三点希望：一是正确面对改革；二是稳妥推进。")
    marks = speech_marks(text, ["周立新", "郑海燕"])
    assert [who for at, who in marks if at < text.index("郑海燕")][-1] == "周立新"
    assert marks[-1][1] == "郑海燕"


def test_a_list_of_who_presents_names_each_after_a_space():
    # a press conference's "发布人" line: post, a space, the name; each then answers in a turn of their own
    text = "发布人：区人社局局长 田晓梅；区财政局副局长 汪振宇\n汪振宇：我来回答。第一，贷款最高30万元。"
    assert known_names(text) == ["田晓梅", "汪振宇"]


def test_the_posts_an_archive_gives_its_people():
    from bot.speakers import posts_named

    text = ("县委常委、副县长陈明出席会议并讲话。县水利局局长 陈华介绍了情况。马林书记强调，要抓好落实。"
            "陈华（县水利局局长）：谢谢。县长王立群主持。陈明同志指出")
    assert posts_named(text, {"陈明", "陈华", "马林", "王立群"}) == {
        "陈明": {"副县长"}, "陈华": {"县水利局局长"}, "马林": {"书记"}, "王立群": {"县长"}}
    # a unit's head keeps the unit (the words before it never: "出席的有"); a government's head is its level alone
    assert posts_named("出席的有区市场监管局局长许晨，区政府副区长刘海燕。", {"许晨", "刘海燕"}) == {
        "许晨": {"区市场监管局局长"}, "刘海燕": {"副区长"}}


def test_an_interviewed_official_is_named_and_answers_the_interview():
    from bot.speakers import voice_of

    lead = "——县商务局负责人答记者问\n近日，县商务局局长方志远接受了记者采访。"
    assert "方志远" in known_names(lead)
    # the subtitle names no one: the sentence after it says who answers
    assert voice_of(lead, known_names(lead)) == "方志远"


def test_officials_of_common_surnames_outside_the_first_hundred_are_named_and_their_she_resolved():
    """傅, 洪 and 赖 are common surnames: "副县长傅晓岚…" names her, and the "她强调" after her words is hers — not the
    bureau head's who reported before her."""
    text = ("9月12日，全县乡村医生工作推进会召开。副县长傅晓岚出席会议并讲话，县卫健局局长洪丽萍通报进展情况。\n"
            "洪丽萍通报，全县新招聘乡村医生22名。\n"
            "傅晓岚指出，乡村医生是群众健康的守门人。她强调，要重点抓好四个方面工作：\n"
            "第一，要在引进上下功夫。\n")
    names = known_names(text)
    assert {"傅晓岚", "洪丽萍"} <= set(names)
    marks = speech_marks(text, names)
    assert speaker_before(marks, text.index("第一"), None) == "傅晓岚"
    assert plausible_name("赖文华")
