"""Where lists are: numbered in every common style, unnumbered, nested levels, and where a list ends."""

from bot.lists import find_lists, find_markers, group_lists


def points(text: str, names: list[str] | None = None, bullets: set[int] | None = None) -> list[list[str]]:
    return [[text[s:e].strip() for s, e in lst.bounds] for lst in find_lists(text, names or [], bullets)]


def test_markers_need_a_sentence_boundary():
    # "统一要求" and "唯一是" are not list markers
    markers = find_markers("会议统一要求。一要抓学习。二要抓落实。唯一是指")
    assert [(m.n, m.style) for m in markers] == [(1, "要"), (2, "要")]
    assert len(group_lists(markers)) == 1


def test_ordinals_past_ten_and_sequence_words():
    text = "。".join(f"{n}要抓好第{i}项" for i, n in enumerate("一二三四五六七八九十", 1)) + "。十一要抓好收尾。"
    (lst,) = find_lists(text, [])
    assert len(lst.bounds) == 11
    text = "他强调，首先，要抓学习。其次，要抓落实。再次，要抓督查。最后，要抓宣传。会议还研究了其他事项。"
    assert points(text) == [["首先，要抓学习。", "其次，要抓落实。", "再次，要抓督查。", "最后，要抓宣传。"]]


def test_a_list_opened_without_punctuation_before_it():
    text = "她在主持时要求，各乡镇各部门一要有紧迫感，立即行动；二要有执行力，抓好落实；三要有进取心，争先进位。"
    assert [len(p) for p in points(text)] == [3]


def test_the_last_point_ends_where_the_meeting_reporting_begins():
    text = ("会议要求——一是抓开工。对未开工项目逐一建账。二是抓手续。三是抓要素。"
            "四是抓督办。每月通报一次。会议还听取了统计局的汇报。区领导钱某某出席会议。")
    (lst,) = points(text)
    assert lst[-1] == "四是抓督办。每月通报一次。"


def test_the_last_point_ends_where_another_person_speaks():
    text = "第一，要抓责任。第二，要抓重点。第三，要抓整改。建立台账。\n廖晨要求，各村要在月底前完成自查。"
    (lst,) = points(text, ["廖晨"])
    assert lst[-1] == "第三，要抓整改。建立台账。"
    text = "一是抓排查；二是抓防控；三是抓安全；四是抓值守，确保快速响应.会议明确，各镇要在10日前报送情况。"
    (lst,) = points(text)
    assert lst[-1] == "四是抓值守，确保快速响应."


def test_nested_levels_are_kept_apart():
    text = "\n".join([
        "一、总体要求", "到年底完成任务。",
        "二、重点任务", "（一）提升水源", "1.新建水源。建水库两座。", "2.保护水源。设立界标。",
        "（二）改造管网", "每年改造80公里。",
        "三、保障措施", "（一）加强领导。成立专班。", "（二）加大投入。安排资金。",
    ])
    found = find_lists(text, [])
    sizes = [(lst.style, len(lst.bounds), lst.parent) for lst in found]
    assert sizes == [("、", 3, None), ("（）", 2, 0), ("1.", 2, 1), ("（）", 2, 0)]
    sub = found[2]
    assert text[sub.bounds[-1][0]:sub.bounds[-1][1]].strip() == "2.保护水源。设立界标。"  # ends with its holder
    top = found[0]
    assert text[top.bounds[-1][0]:top.bounds[-1][1]].strip().endswith("安排资金。")  # a heading point runs on


def test_parallel_paragraphs_are_a_list_and_the_reporting_after_them_is_not():
    text = "\n".join([
        "邵文杰要求，全区要以更严的标准推动作风好转。",
        "强化政治担当，把作风建设摆在突出位置。各单位要亲自过问。",
        "强化执行落实，坚决整治慢作为。对重点任务建立清单。",
        "强化纪律约束，严查损害营商环境的行为。发现一起查处一起。",
        "会上，三个单位作了表态发言。",
    ])
    (lst,) = find_lists(text, ["邵文杰"])
    assert not lst.numbered and len(lst.bounds) == 3
    assert text[lst.bounds[0][0]:].startswith("强化政治担当")


def test_directive_sentences_in_one_paragraph_are_a_list_after_their_lead():
    text = ("许建平强调，要把区委主要领导的批示要求不折不扣落到实处。要抓好指标提升，各单位报送方案。"
            "要推动集成办理，新增套餐20项。要落实服务专员制度，全程代办。\n会议以视频形式开到各镇。")
    (lst,) = points(text, ["许建平"])
    assert [p[:6] for p in lst] == ["要抓好指标提", "要推动集成办", "要落实服务专"]
    text = "会议要求，要坚持以用定建，防止闲置。要规范入驻管理，建立退出机制。要加快厂房进度，按期交付。"
    (lst,) = points(text)
    assert lst[0].startswith("要坚持以用定建")


def test_bullet_lines_are_a_list():
    text = "葛晓东对近期工作作了安排：\n- 要在3月底前完成社区移交。\n- 要制定考核办法。\n- 要加快流程再造。\n各局负责同志参加会议。"
    (lst,) = find_lists(text, ["葛晓东"], bullets={1, 2, 3})
    assert lst.style == "bullet" and len(lst.bounds) == 3


def test_ordinary_paragraphs_are_not_lists():
    text = "\n".join([
        "会议传达学习了全市经济工作会议精神。",
        "会议审议并原则通过了管理办法。",
        "会议听取了重点项目谋划情况汇报。",
        "会议听取了预算执行情况的汇报。",
    ])
    assert find_lists(text, []) == []


def test_first_then_second_third_is_one_list_with_its_sub_lists():
    text = ("他指出，首先，必须统一思想。一是要抓规划，二是要抓建设，三是要抓管理。第二，必须深化改革。要坚持既定思路。"
            "第三，必须转变作风。要把从严从实作为座右铭。")
    found = find_lists(text, [])
    assert [(lst.style, len(lst.bounds)) for lst in found] == [("第", 3), ("是", 3)]
    assert found[1].parent == 0


def test_a_heading_point_runs_on_until_the_closing_words_or_an_annex():
    text = "\n".join(["一、总体要求", "到年底完成任务。", "二、保障措施", "各部门要加强协同。", "同志们，时间紧、任务重。"])
    (lst,) = find_lists(text, [])
    assert text[lst.bounds[-1][0]:lst.bounds[-1][1]].strip() == "二、保障措施\n各部门要加强协同。"
    text = "\n".join(["一、总体要求", "到年底完成任务。", "二、保障措施", "各部门要加强协同。", "附件：重点任务清单"])
    (lst,) = find_lists(text, [])
    assert "附件" not in text[lst.bounds[-1][0]:lst.bounds[-1][1]]
