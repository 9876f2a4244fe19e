"""How-often questions (bot/kinds/often.py)."""

from bot.intent import parse_intent
from bot.kinds import asked, often


def test_how_often_is_asked_by_a_duration_then_once():
    for q in ("县里的河长多久要去河边巡一次", "多长时间开一次调度会", "隔多久通报一回"):
        assert often.asks(q, parse_intent(q)), q
    for q in ("多久能办好", "几天巡一次", "一年体检几次", "河长巡河制度是什么"):  # a duration, a figure, no frequency
        assert not often.asks(q, parse_intent(q)), q
    q = "几天巡一次"
    assert [kind for kind, _ in asked(q, parse_intent(q)).asks if kind is often] == []


def test_a_passage_stating_no_recurrence_cannot_answer_and_one_counting_the_times_goes_first():
    counted = "严格落实河湖长巡河制度，县级河湖长每季度巡河不少于1次，镇级河湖长每月不少于1次。"
    every = "县“双减”办每月调度工作进展。"
    once = "两周一次，由县教育局通报。"
    none = "开展“民间河长”志愿行动，聘请民间河长100名以上。"
    assert often.prefers(True, None, counted) == 2 and often.prefers(True, None, "每月调度一次进展。") == 2
    assert often.prefers(True, None, every) == 1 and often.holds(True, None, once, {}, 0.0)
    assert often.prefers(True, None, "坚持一季度一观摩、一月一调度。") == 2  # the times said in the recurrence
    assert often.prefers(True, None, none) == 0 and not often.holds(True, None, none, {}, 0.0)


def test_how_often_the_county_head_of_rivers_patrols_is_the_point_saying_it(tmp_path, embedder):
    """"县里的河长多久要去河边巡一次": the point giving each level's patrols, not the plan's points naming 河长 without
    saying how often."""
    from tests.conftest import searcher_over, top_result

    searcher = searcher_over(tmp_path, embedder, {
        "plan_2025-03-12.txt":
            "盘石县2025年河湖长制工作要点\n\n2025年3月12日\n\n"
            "1.开展“民间河长”志愿行动，聘请民间河长100名以上。牵头单位：县妇联；完成时限：长期坚持。\n"
            "2.推行无人机巡河，实现县级河湖巡查全覆盖，村级河湖长巡河打卡率达到95%以上。牵头单位：县水利局；完成时限：年底前。\n"
            "3.建立河长履职档案，河长调整后5个工作日内完成公示牌更新。牵头单位：县河长办；完成时限：长期坚持。\n"
            "4.县级河长到河边巡查发现问题，要当场交办、限期整改。牵头单位：县河长办；完成时限：长期坚持。\n"
            "5.河长巡河要沿河边步行察看，如实填写巡河日志。牵头单位：县水利局；完成时限：长期坚持。\n",
        "meeting_2025-04-02.txt":
            "全县河湖长制工作推进会召开\n\n2025年4月2日\n\n"
            "4月2日，全县河湖长制工作推进会召开。副县长秦海明出席会议并讲话。\n"
            "秦海明要求，第一，坚持问题清零。各镇要对河湖“四乱”问题逐一销号，6月底前全部整改到位。\n"
            "第二，坚持长效管护。严格落实县镇村三级河湖长巡河制度，县级河湖长每季度巡河不少于1次，镇级河湖长每月不少于1次，"
            "村级河湖长每周不少于1次。\n"})
    assert "县级河湖长每季度巡河" in top_result(searcher, "县里的河长多久要去河边巡一次").passage.text
