"""Where lists are: numbered in every common style, unnumbered, nested levels, and where a list ends."""

from bot.lists import find_lists, find_markers, group_lists


def points(text: str, names: list[str] | None = None, bullets: set[int] | None = None) -> list[list[str]]:
    return [[text[s:e].strip() for s, e in lst.bounds] for lst in find_lists(text, names or [], bullets)]


def test_markers_need_a_sentence_boundary():
    # "统一要求" and "唯一是" are not list markers
    markers = find_markers("会议统一要求。一要抓学习。二要抓落实。唯一是指")
    assert [(m.n, m.style) for m in markers] == [(1, "要"), (2, "要")]
    assert len(group_lists(markers)) == 1


def test_notes_numbered_inline_after_full_stops_are_a_list_but_decimals_are_not():
    text = "说明：1.配合单位排在首位的为主要配合单位。2.完成时限为长期的任务每半年报送一次进展。3.本表由县督查室负责解释。"
    assert [len(p) for p in points(text)] == [3]
    assert points(text)[0][1].startswith("2.完成时限")
    assert points("全年增长6.2%。2.5万人次参加培训。") == []


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


def test_the_last_point_goes_on_as_its_siblings_do_though_its_sentence_opens_like_reporting():
    text = ("二、议定事项\n（一）关于管网建设。会议议定，县住建局要在11月底前完工。\n"
            "（二）关于验收工作。会议议定，由县生态环境分局牵头制定细则。\n"
            "（三）关于信访回头看。会议议定，由县信访局牵头，四季度完成。\n三、有关要求")
    inner = [p for p in points(text) if p[0].startswith("（一）")][0]
    assert inner[-1] == "（三）关于信访回头看。会议议定，由县信访局牵头，四季度完成。"
    lone = "会议要求：一要抓进度。二要抓安全。会议指出，全年任务已过半。"
    assert points(lone)[0][-1] == "二要抓安全。"  # the earlier point does not go on so: reporting again


def test_the_last_point_ends_where_another_person_speaks():
    text = "第一，要抓责任。第二，要抓重点。第三，要抓整改。建立台账。\n廖晨要求，各村要在月底前完成自查。"
    (lst,) = points(text, ["廖晨"])
    assert lst[-1] == "第三，要抓整改。建立台账。"
    text = "一是抓排查；二是抓防控；三是抓安全；四是抓值守，确保快速响应.会议明确，各镇要在10日前报送情况。"
    (lst,) = points(text)
    assert lst[-1] == "四是抓值守，确保快速响应."


def test_the_last_point_ends_before_a_contact_line():
    text = ("一、今年改哪些、改多少？\n全区改造小区31个，涉及居民4860户。\n二、钱从哪里来？\n区级财政拿出1.2亿元。\n"
            "三、居民有没有发言权？\n改什么、怎么改由居民议定。\n咨询电话：0917-6213058（区住建局城建科）\n")
    (lst,) = points(text)
    assert lst[-1] == "三、居民有没有发言权？\n改什么、怎么改由居民议定。"


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


def test_the_articles_of_measures_are_each_chapters_list_and_chapter_headings_a_list_of_their_own():
    # 第X条 number on across the chapters (as 3.…4. under 二、 do), and each chapter holds its own: one list of
    # articles per chapter, under that chapter's point
    text = "\n".join([
        "第一章　总则", "第一条　为推广农业新技术，制定本办法。", "第二条　本办法适用于本区农业经营主体。",
        "第二章　补助标准", "第三条　连片示范新品种的，每亩补助200元。", "第四条　组织培训的，每次补助2000元。",
        "第三章　附则", "第五条　本办法自5月1日起施行。",
        "抄送：区委办公室，区人大常委会办公室。",
    ])
    found = find_lists(text, [])
    chapters, *articles = [[text[s:e].strip() for s, e in lst.bounds] for lst in found]
    assert chapters == ["第一章　总则", "第二章　补助标准", "第三章　附则"]  # each its heading alone
    assert [[p[:3] for p in lst] for lst in articles] == [["第一条", "第二条"], ["第三条", "第四条"], ["第五条"]]
    assert [(lst.parent, lst.parent_point) for lst in found[1:]] == [(0, 0), (0, 1), (0, 2)]
    assert [m.n for lst in found[1:] for m in lst.markers] == [1, 2, 3, 4, 5]  # "第三条" is still the third article
    assert not any("章" in p for lst in articles for p in lst)
    assert articles[-1][-1] == "第五条　本办法自5月1日起施行。"


def test_numbering_that_runs_on_under_each_heading_is_one_sub_list_per_heading():
    text = "\n".join([
        "一、扩大投资", "1.实施重点项目60个。（牵头单位：县发改局）", "2.争取专项债券8亿元。（牵头单位：县财政局）",
        "二、壮大工业", "3.新增规上企业10家。（牵头单位：县工信局）", "4.建成标准厂房。（牵头单位：园区管委会）",
        "三、改善民生", "5.新增就业3000人。（牵头单位：县人社局）",
        "抄送：县委办公室。", "　　县政府办公室　　2024年2月1日印发",
    ])
    found = find_lists(text, [])
    assert [(lst.style, len(lst.bounds), lst.parent) for lst in found] == [("、", 3, None), ("1.", 2, 0), ("1.", 2, 0)]
    top = found[0]
    last = text[top.bounds[-1][0]:top.bounds[-1][1]]
    assert last.startswith("三、改善民生") and "5.新增就业" in last and "抄送" not in last and "印发" not in last
    assert text[found[2].bounds[-1][0]:found[2].bounds[-1][1]].strip().endswith("园区管委会）")  # not 三、


def test_a_heading_point_takes_its_sub_points_and_not_the_closing_paragraph_after_them():
    text = "\n".join([
        "（一）政务服务", "1.推行一件事集成办理。", "2.推行免证办。",
        "（二）基层服务", "3.建设便民服务中心。", "4.设立企业服务驿站。",
        "各责任单位要于每月5日前报送进展。",
    ])
    top = find_lists(text, [])[0]
    assert text[top.bounds[-1][0]:top.bounds[-1][1]].strip() == "（二）基层服务\n3.建设便民服务中心。\n4.设立企业服务驿站。"


def test_a_last_point_that_is_a_whole_sentence_ends_with_its_paragraph_like_its_siblings():
    text = "\n".join(["预期目标是：", "1.生产总值增长6%；", "2.投资增长7%；", "3.失业率控制在5.5%以内。",
                      "实现上述目标，重点抓好三方面工作。", "各位代表，让我们团结奋斗！"])
    (lst,) = points(text)
    assert lst[-1] == "3.失业率控制在5.5%以内。"


def test_a_point_inside_a_paragraph_never_runs_into_the_next_turn_or_the_closing():
    text = "高局长：重点实施三个一批：一是改造商业网点；二是建设物流设施；三是培育电商主体。\n记者：请问资金从哪里来？"
    (lst,) = points(text, ["高局长"])
    assert lst[-1] == "三是培育电商主体。"
    text = "\n".join(["一、回顾", "二、今年的主要目标和重点工作", "今年重点抓好项目建设。", "各位代表，新征程催人奋进。"])
    (lst,) = points(text)
    assert "各位代表" not in lst[-1] and lst[-1].endswith("今年重点抓好项目建设。")


def test_unit_led_clauses_after_a_lead_are_a_list_of_two_or_more():
    text = "会议要求，县住建局要加快建设停车场，年底前投入使用；县公安局要规范路边停车泊位。\n会议还研究了其他事项。"
    (lst,) = points(text)
    assert lst == ["县住建局要加快建设停车场，年底前投入使用；", "县公安局要规范路边停车泊位。"]


def test_clauses_each_led_by_its_unit_are_a_list_however_long_their_first_clause():
    # a standing meeting's paragraph: what the meeting stressed, then one clause per unit; the first clauses are long
    text = ("会议强调，当前已进入事故易发期，必须绷紧安全这根弦。区应急管理局要在5月底前对全区有限空间作业企业开展一次"
            "全覆盖执法检查，严禁未经审批作业；区住建局要对全区在建工地深基坑、高支模等危大工程开展汛前排查，6月10日前"
            "完成整改；各街道要落实属地责任，对辖区内老旧厂房开展拉网式排查。会议强调，对重大隐患要挂牌督办。\n"
            "会议要求，由区发改局牵头，区商务局配合，对已签约未开工的项目逐一梳理，6月底前完成问题清单；"
            "区商务局要聚焦两条产业链，全年开展小分队招商不少于20次；开发区管委会要加快标准厂房建设。\n"
            "会议还研究了其他事项。")
    safety, projects = points(text)
    assert [p[:5] for p in safety] == ["区应急管理", "区住建局要", "各街道要落"]
    assert safety[-1].endswith("拉网式排查。")
    # "由区发改局牵头，…" gives a task to its lead unit as "区发改局要…" does
    assert [p[:5] for p in projects] == ["由区发改局", "区商务局要", "开发区管委"]


def test_bare_points_then_points_each_led_by_its_unit_are_two_lists():
    # what the meeting asks of everyone (要…；要…；要…), then of each unit: the second clause's long first clause
    # ("要聚焦A、B、C等难点问题") is still a point, and the unit clauses are not the last point's detail
    text = ("会议要求，要对照整改清单逐项复核，防止问题反弹；要聚焦干流水质、沿岸遗留矿坑、城区管网错接混接等难点问题，"
            "实行领导包案，6月30日前全部完成整改；要举一反三建立长效机制。县生态环境分局要牵头建立整改台账；"
            "县住建局要会同城关街道加快雨污分流改造，9月底前完成；县自然资源局要牵头推进矿坑生态修复。\n"
            "会议还研究了其他事项。")
    everyone, units = points(text)
    assert [p[:4] for p in everyone] == ["要对照整", "要聚焦干", "要举一反"]
    assert everyone[-1] == "要举一反三建立长效机制。"
    assert [p[:4] for p in units] == ["县生态环", "县住建局", "县自然资"]


def test_two_clauses_after_a_lead_are_a_list_however_long_the_first():
    text = ("会议强调，要严格按照“上报一个、核实一个、销号一个”的要求推进整改，9月30日前完成现场核查；"
            "要对违法占用林地行为依法严肃查处，做到发现一起、查处一起。\n会议还研究了其他事项。")
    (lst,) = points(text)
    assert [p[:4] for p in lst] == ["要严格按", "要对违法"]


def test_two_clauses_of_one_kind_after_an_inline_series_are_the_next_list_but_a_headline_points_body_is_not():
    # "…：一是…；二是…；三是…。" ends its series; two ；-clauses of one kind after it are points of their own (bare 要, or
    # each led by its unit with its deadline right after 要)
    text = ("柳青指出，当前正值主汛期。他要求，一是紧盯沿河企业，严防废水入河；二是紧盯行洪通道，发现障碍立即清除；"
            "三是紧盯示范段建设，加快施工进度。要把整治与防汛结合起来，县水利局要8月底前完成排查；要把问题发现与群众参与"
            "结合起来，县河长办要每月公布一次办理情况。\n"
            "彭立介绍，下一步将从三个方面发力：一是做优包装；二是拓宽渠道；三是降低寄递成本，推动协议价。"
            "县商务局要联合县邮政分公司，9月底前建成直播基地；县交通运输局要10月底前推动线路衔接，让山货出得去。\n"
            "记者了解到，活动将持续到年底。")
    found = points(text, ["柳青", "彭立"])
    assert [[p[:4] for p in lst] for lst in found] == [
        ["一是紧盯", "二是紧盯", "三是紧盯"], ["要把整治", "要把问题"],
        ["一是做优", "二是拓宽", "三是降低"], ["县商务局", "县交通运"]]
    # a point set as a headline ("第二，多措并举保供应。") keeps the units' clauses after it as its body
    text = ("苏立诚要求，第一，提高认识抓部署。各乡镇要高度重视。第二，多措并举保供应。县发改局要会同县天然气公司落实气源，"
            "11月10日前完成；县供电公司要加强设备巡检。第三，压紧压实保安全。各乡镇要组织网格员逐户走访。\n会议还研究了其他事项。")
    (lst,) = points(text, ["苏立诚"])
    assert "县供电公司要加强设备巡检" in lst[1]


def test_a_colon_announces_points_each_led_by_its_unit():
    text = ("温淑敏对下半年重点任务作了分工：县数据局要牵头，9月底前打通5个系统的数据接口；县行政审批服务局要在8月底前"
            "完成窗口改造；各乡镇要在10月底前为每个行政村配齐1名代办员。\n会议还研究了其他事项。")
    (lst,) = points(text, ["温淑敏"])
    assert [p[:5] for p in lst] == ["县数据局要", "县行政审批", "各乡镇要在"]


def test_the_first_point_after_a_lead_is_not_swallowed_and_unit_led_details_stay_in_their_point():
    text = ("会议强调，各乡镇要时刻绷紧安全这根弦，把隐患消除在萌芽状态。要紧盯燃气安全，逐户排查。"
            "要紧盯道路交通，对客运车辆实行出车前检查。县交警大队要加强夜间巡逻。要紧盯消防安全，开展全面检查。")
    (lst,) = points(text)
    assert [p[:6] for p in lst] == ["各乡镇要时刻", "要紧盯燃气安", "要紧盯道路交", "要紧盯消防安"]
    assert "县交警大队要加强夜间巡逻。" in lst[2]
    # a one-clause exhortation before points written as heading and detail is still the lead
    text = "她要求，各单位要抓紧落实。要抓好问题交办，逐一销号。要抓好入库纳统，应统尽统。要抓好施工安全，防范事故。"
    (lst,) = points(text)
    assert lst[0].startswith("要抓好问题交办") and len(lst) == 3


def test_sentences_whose_points_hold_clauses_are_not_split_at_every_clause():
    text = ("他要求，要鼓足干劲，振奋精神；要主动想，主动谋划。要开足马力，冲刺开门红；要抓调度稳增长。"
            "要筑牢防线，维护稳定；要紧盯风险隐患；要守牢纪律红线。")
    (lst,) = points(text)
    assert [p[:5] for p in lst] == ["要鼓足干劲", "要开足马力", "要筑牢防线"]


def test_the_last_inline_point_ends_with_its_clause_when_its_siblings_do():
    text = "他要求，要压紧责任；要加大执法力度；要做好应急准备，确保快速处置。同时县级领导要做好包联工作。（责任编辑：林雨）"
    (lst,) = points(text)
    assert lst[-1] == "要做好应急准备，确保快速处置。"
    text = "会议要求，要抓好开工，逐一明确时间。要抓好要素，建立清单。要抓好储备，谋划项目。（记者 林雨）"
    (lst,) = points(text)
    assert lst[-1] == "要抓好储备，谋划项目。"


def test_a_short_point_over_sub_points_of_another_style_holds_them_though_it_ends_with_a_stop():
    text = "\n".join(["（一）深化农村厕所革命", "1.开展问题厕所回头看。对新改户厕逐户排查，8月底前完成整改。",
                      "2.推进公共厕所提档升级。", "（1）在中心村新建公厕10座。", "（2）建立公厕管护员制度。",
                      "（二）提升生活垃圾治理水平", "1.完善收运处置体系。", "2.推进源头分类减量。"])
    lists = find_lists(text, [])
    sub = next(lst for lst in lists if text[lst.start:lst.start + 3] == "（1）")
    holder = lists[sub.parent]
    assert text[holder.start:holder.start + 2] == "1." and sub.parent_point == 1  # under "2.推进公共厕所…"


def test_dash_lines_targets_and_table_rows_are_lists():
    text = "\n".join(["今年重点抓好以下工作：", "——坚持项目为王。实施重点项目60个。", "——坚持产业强区。做大两大产业集群。",
                      "各位代表，让我们团结奋斗！"])
    (lst,) = find_lists(text, [])
    assert lst.style.startswith("bullet") and len(lst.bounds) == 2
    text = "主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长4%；城镇新增就业5000人。"
    (lst,) = points(text)
    assert lst == ["地区生产总值增长6%左右；", "一般公共预算收入增长4%；", "城镇新增就业5000人。"]
    text = "\n".join(["附件", "序号 | 工作任务 | 牵头单位 | 完成时限。", "1 | 建成引水管道 | 县水利局 | 2024年12月底前。",
                      "2 | 改造老旧管网 | 县住建局 | 2025年6月底前。", "抄送：县委办公室。"])
    (lst,) = find_lists(text, [])
    assert lst.style == "table" and [text[s:e][:1] for s, e in lst.bounds] == ["1", "2"]


def test_ordinary_prose_with_a_must_here_and_there_is_no_list():
    text = ("会议指出，当前防汛形势严峻，全县要高度重视。今年以来，全县新开工项目42个。"
            "这项工作十分重要，需要各方配合。会议听取了有关汇报。")
    assert find_lists(text, []) == []


def test_unit_led_sentences_under_a_numbered_topic_are_its_sub_list_whatever_their_length():
    # a standing meeting's topic "二、…" holds directives each led by its unit; one opens with a long clause
    text = ("一、研究防汛工作\n会议要求，各地要压实责任。\n"
            "二、研究安全生产工作\n会议强调，四季度事故易发多发。"
            "县应急局要牵头开展隐患排查，11月底前完成全覆盖检查。"
            "县住建局要抓好在建工地的高处作业安全。"
            "县消防救援大队要对商场、宾馆、学校和人员密集的小场所开展夜间消防检查并通报结果。"
            "各镇要落实属地责任，建立问题清单。\n"
            "三、其他事项\n会议还研究了其他事项。")
    lists = find_lists(text, [])
    topics = next(lst for lst in lists if lst.parent is None and len(lst.bounds) == 3)
    units = [lst for lst in lists if lst.parent is not None]
    assert len(units) == 1 and units[0].parent_point == 1  # under 二、 (0-based point 1)
    heads = [text[s:e][:4] for s, e in units[0].bounds]
    assert heads == ["县应急局", "县住建局", "县消防救", "各镇要落"]
    assert topics.bounds[1][0] <= units[0].bounds[0][0] and units[0].bounds[-1][1] <= topics.bounds[1][1]


def test_the_last_heading_point_takes_as_many_paragraphs_as_its_alike_siblings():
    # each section: its heading, one paragraph and its task line; then the notice's closing paragraph
    sections = [("一、抓好机收", "要摸清农机底数，5月底前完成检修。", "责任单位：镇农业服务中心"),
                ("二、严格禁烧", "实行网格化值守，发现火点立即处置。", "牵头单位：镇执法队"),
                ("三、做好收购", "设立临时收购点2个，严禁压级压价。", "责任单位：镇经济发展办")]
    text = "\n".join(line for section in sections for line in section)
    text += "\n各村、各单位要高度重视，主要负责同志亲自抓。\n镇人民政府"
    (lst,) = [lst for lst in find_lists(text, []) if lst.parent is None]
    assert text[slice(*lst.bounds[-1])].strip().endswith("责任单位：镇经济发展办")


def test_a_numeral_and_one_verb_repeated_are_a_list_and_months_are_not():
    text = "\n".join(["村里对“四查四改”作出安排。", "一查用火用电，改私拉乱接。逐户查看。", "二查危旧房屋，改住人隐患。动员搬离。",
                      "三查山塘堤坝，改渗漏险段。逐一查看。", "村主任要求，各组张贴检查结果。"])
    (lst,) = find_lists(text, [])
    assert [text[s:e].strip()[:2] for s, e in lst.bounds] == ["一查", "二查", "三查"]
    assert "张贴" not in text[lst.start:lst.end]
    months = "\n".join(["一月份完成招标，组织专家评审。", "二月份开工建设，同步监理。", "三月份完成主体，组织验收。"])
    assert not [lst for lst in find_lists(months, []) if lst.numbered]


def test_paragraphs_each_headed_by_a_short_sentence_are_one_list():
    text = "\n".join([
        "会议强调，耕地是粮食生产的命根子，必须守住红线。",
        "压实保护责任。县自然资源局要在5月底前签订目标责任书。",
        "严查违法占地。对疑似违法图斑实行闭环管理。",
        "推动良田粮用。年底前复耕撂荒地3000亩以上。",
        "会议还研究了其他事项。",
    ])
    (lst,) = find_lists(text, [])
    assert [text[s:e].strip()[:6] for s, e in lst.bounds] == ["压实保护责任", "严查违法占地", "推动良田粮用"]
    # two such paragraphs, or headings that tell when ("今年以来。") are no list
    assert not find_lists("\n".join(text.split("\n")[:3]), [])


def test_inline_figures_after_a_colon_are_a_list_and_the_last_keeps_as_many_sentences_as_the_others():
    text = ("今年以来，全区老年助餐点已达55个。在提质上主要抓了三个环节：1.统一配送标准。由中心厨房统一加工，2小时内送达；"
            "2.推行“一卡通”结算。刷社保卡即可就餐；3.引入“食安封签”。每份餐食加贴封签。区民政局局长表示，年底前完成改造。")
    (lst,) = points(text)
    assert [p[:2] for p in lst] == ["1.", "2.", "3."]
    assert lst[-1] == "3.引入“食安封签”。每份餐食加贴封签。"
    assert not points("全年增长1.5个百分点，投资2.3亿元。")  # decimals are no markers


def test_a_requirement_inside_a_point_is_no_lead_and_a_colon_announces_the_points():
    # "按照…的要求，" inside the first 要 sentence is its detail: the first point is not swallowed into a lead
    text = ("吴立新强调，今年是攻坚之年。要压实部门责任，按照“谁主管谁负责”的要求，县住建局要在5月底前制定指引。"
            "要聚焦重点场所，开展集中整治。要推动网格管理落地，长期坚持。\n"
            "会议要求，各成员单位要对照清单抓好落实：要加大宣传力度；要开展一次全面检测；要完善追责机制。\n")
    lists = points(text, ["吴立新"])
    assert [p[:6] for p in lists[0]] == ["要压实部门责", "要聚焦重点场", "要推动网格管"]
    assert [p[:6] for p in lists[1]] == ["要加大宣传力", "要开展一次全", "要完善追责机"]


def test_a_sentence_framing_the_points_with_a_colon_is_the_lead_not_the_first_point():
    # "要把…来抓，…，重点抓好三件事：要…；要…；要…": the framing 要-sentence announces the points after its colon
    text = ("孟长青要求，要把秋粮收储作为眼下的头等大事来抓，抢抓晴好天气，重点抓好三件事：要盯紧烘干能力，"
            "县粮食局要在10月10日前完成烘干塔检修；要盯紧仓容调度，腾出空仓不少于2万吨；要盯紧收购价格，严防压级压价。\n"
            "孟长青强调，各乡镇要落实属地责任。\n")
    (lst,) = points(text, ["孟长青"])
    assert [p[:6] for p in lst] == ["要盯紧烘干能", "要盯紧仓容调", "要盯紧收购价"]


def test_a_lead_sentence_stating_the_situation_before_its_directive_frames_the_bare_points_after_it():
    text = ("会议研究了秋季开学工作。会议强调，开学季是校园安全的关键期，要坚决守住不发生重大事故的底线。"
            "要加强校车管理，县交通运输局要在9月5日前完成校车安全检测。要加强食堂监管，长期坚持。"
            "要加强周边整治，各镇要清理校园周边无证摊点。\n会议还研究了其他事项。\n")
    (lst,) = points(text)
    assert [p[:5] for p in lst] == ["要加强校车", "要加强食堂", "要加强周边"]


def test_a_lead_sentence_opening_with_a_verb_or_followed_by_unit_led_points_still_frames_them():
    # "搬迁安置是…之策，要算好…账。" opens with a verb (搬迁) yet states; the ；-clauses after it are the points
    text = ("钱立军强调，搬迁安置是消除隐患的根本之策，要算好安全账。要加快安置房建设，县住建局要加强质量监管；"
            "要做好后续扶持，县人社局要落实就业帮扶；要及时拆旧复垦，县自然资源局要抓好验收。\n")
    (lst,) = points(text, ["钱立军"])
    assert [p[:5] for p in lst] == ["要加快安置", "要做好后续", "要及时拆旧"]
    # the same when each point is led by its unit ("县民政局要…；县财政局要…")
    text = ("会议强调，社会救助是困难群众生活的最后防线，要在兜底上下功夫。县民政局要在1月10日前完成提标；"
            "县财政局要足额安排资金；县医保局要落实一站式结算；各乡镇要开展冬春走访。会议要求，县纪委监委要严肃查处问题。\n")
    lists = points(text)
    assert [p[:4] for p in lists[0]] == ["县民政局", "县财政局", "县医保局", "各乡镇要"]


def test_two_units_given_their_parts_after_what_the_meeting_said_are_a_list_but_not_inside_a_point():
    text = ("会议审议通过《食材配送办法》。会议指出，集中配送是守护校园食品安全的关键。县市场监管局要加强抽检，每学期不少于2次；"
            "县教育局要指导学校落实进货查验制度。\n")
    (lst,) = points(text)
    assert [p[:6] for p in lst] == ["县市场监管局", "县教育局要指"]
    # under a point's heading they are that point's detail
    text = "会议要求：\n1.抓工业稳增长。县工信局要走访重点企业；县工业园区管委会要加快厂房招商。\n2.抓项目。县发改局要调度。\n"
    assert not any(lst[0].startswith("县工信局") for lst in points(text))


def test_a_bureaus_signature_after_the_last_point_is_not_part_of_it():
    text = "现将有关事项通知如下。\n一、开展排查。各学校要全面排查。\n二、严格值守。发生事故须立即报告。\n松台县教育局\n2024年8月16日\n"
    (lst,) = points(text)
    assert lst[-1] == "二、严格值守。发生事故须立即报告。"


def test_a_meeting_turning_to_its_next_item_ends_the_list_before_it():
    # a 常委会 report of two items: the units' tasks under the second are a list of their own, not the detail of the
    # first item's last point (the first of them opens with a long clause, as a point's detail would)
    text = ("会议强调，要聚焦主导产业精准招商，绘好招商图谱。\n"
            "要强化项目落地服务，逐一建立问题清单。\n"
            "要把招商实绩作为检验干部能力的重要标尺。\n"
            "会议研究了冬季供暖保障工作。会议指出，今冬气温偏低，各级各部门务必守住群众温暖过冬的底线。\n"
            "各街道要把网格员、楼栋长和社区干部全部派到独居老人和困难家庭家中，做到底数清、情况明。\n"
            "县住建局、县发改局要加强热源和煤炭储备调度，遇极寒天气及时启动应急预案。\n"
            "县融媒体中心要通过广播、短视频等渠道宣传安全取暖常识。\n"
            "会议还研究了其他事项。")
    investment, heating = points(text)
    assert [p[:5] for p in investment] == ["要聚焦主导", "要强化项目", "要把招商实"]
    assert [p[:4] for p in heating] == ["各街道要", "县住建局", "县融媒体"]


def test_points_a_colon_announces_after_a_plain_statement_and_a_speakers_unit_tasks_are_lists():
    # "下一步，…同时发力：要…；要…": the colon announces the points as "会议要求，" does
    text = ("下一步，全县将在保进度和强管护上同时发力：要加快剩余巷道施工，县住建局要在8月底前完成9条巷道的管网施工；"
            "要强化后续管护，由江城镇牵头组建巷长队伍，9月底前实现巡查全覆盖。\n")
    (lst,) = points(text)
    assert [p[:6] for p in lst] == ["要加快剩余巷", "要强化后续管"]
    # "程晓岚要求，A局要…；B局要…，…；各乡镇要…": the first unit's short task is a point, not a statement before them
    text = ("程晓岚要求，县粮食和物资储备局要在8月15日前完成早稻轮入任务；县农业农村局要组织农机手抢收抢烘，确保7月底前"
            "收获进度达到95%以上；各乡镇要加强收购点安全检查，严防火灾事故发生。\n")
    (lst,) = points(text, ["程晓岚"])
    assert [p[:4] for p in lst] == ["县粮食和", "县农业农", "各乡镇要"]
    # … but everyone exhorted first ("各级各部门要高度重视") frames the units' tasks after it
    text = ("程晓岚要求，各级各部门要高度重视早稻收购；县粮食和物资储备局要组织收储企业延长收购时间，做到应收尽收；"
            "县农业农村局要组织农机手抢收抢烘，确保颗粒归仓；各乡镇要加强收购点安全检查，严防火灾事故发生。\n")
    (lst,) = points(text, ["程晓岚"])
    assert [p[:4] for p in lst] == ["县粮食和", "县农业农", "各乡镇要"]
