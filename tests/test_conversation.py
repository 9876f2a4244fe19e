"""Follow-ups and small talk (bot/conversation.py, bot/smalltalk.py) on the real model and the bundled
bulletin, as an official chatting with the bot would notice them."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.conversation import Conversations, read_followup
from bot.render import console_text
from bot.smalltalk import CHITCHAT, GREETING, HELP, THANKS, classify


@pytest.fixture
def chat(searcher):
    """One chat's conversation: `chat("第三个呢")` → (answer, console text)."""
    chats = Conversations(searcher, minutes=30)

    def ask(question: str, now: float = 0.0):
        answer = chats.ask("c", question, now=now)
        return answer, console_text(answer)

    return ask


def test_the_third_of_a_list_and_who_said_it(chat):
    _, text = chat("八个聚力分别是什么")
    assert "全部要点（共八条）" in text
    answer, text = chat("第三个呢")
    assert answer.answered and answer.results[0].passage.text.startswith("三要聚力项目招引")
    answer, text = chat("这是谁讲的")
    assert text.startswith("这是区委书记毕志伟讲的。") and "三要聚力项目招引" in text
    _, text = chat("哪天开的会")
    assert text.startswith("出自《全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开》，2021年4月25日。")


def test_the_third_point_is_the_last_list_asked_about(chat):
    chat("八个聚力分别是什么")
    chat("刘宗国提了哪些要求")
    answer, text = chat("第三个呢")
    assert answer.results[0].passage.text.startswith("三要有善谋善胜、大开大合的高标准")
    assert "聚力" not in text
    _, text = chat("这是谁讲的")
    assert text.startswith("这是区长刘宗国讲的。")
    answer, _ = chat("下一条")
    assert answer.results[0].passage.text.startswith("四要有敢于改革")
    answer, _ = chat("全部要点")
    assert answer.results[0].outline and "七要有与人为善" in answer.results[0].passage.text
    _, text = chat("第九条")
    assert "共七条，没有第九条" in text


def test_a_question_that_names_its_topic_is_answered_on_its_own(chat):
    chat("刘宗国提了哪些要求")
    answer, _ = chat("第三个聚力是什么")
    assert answer.kind == "search" and answer.results[0].passage.text.startswith("三要聚力项目招引")
    answer, _ = chat("座谈会哪天召开")
    assert answer.kind == "search" and answer.answered


def test_without_a_recent_answer_a_follow_up_is_a_question_of_its_own(chat):
    answer, _ = chat("这是谁讲的")
    assert answer.kind == "search" and not answer.answered
    chat("刘宗国提了哪些要求", now=0.0)
    answer, _ = chat("第三个呢", now=31 * 60.0)  # kept for 30 minutes
    assert answer.kind == "search"
    chat("刘宗国提了哪些要求")
    assert not chat("出国护照怎么办理")[0].answered  # a new topic, not covered: the list is left behind
    answer, _ = chat("第三个呢")
    assert answer.kind == "search"


def test_more_and_next_walk_the_results_of_a_plain_question(chat, searcher):
    first, _ = chat("要素保障怎么落实")
    answer, text = chat("还有呢")
    assert answer.kind == "followup" and answer.results[0].passage.passage_id == first.results[1].passage.passage_id
    for _ in range(len(first.results) - 2):
        chat("下一条")
    _, text = chat("下一条")
    assert text == "没有更多结果了。"


def test_expand_shows_the_point_with_its_neighbours_and_the_original_the_whole_article(chat):
    chat("第三个聚力是什么")
    answer, text = chat("展开说说")
    assert text.startswith("这一条及其前后文：")
    assert "二要聚力项目建设" in text and "三要聚力项目招引" in text and "四要聚力企业培育" in text
    _, text = chat("原文")
    assert text.startswith("原文全文：") and "在山亭宾馆召开" in text and "七要有与人为善" in text
    # The chat still looks at the third point.
    _, text = chat("这是谁讲的")
    assert "毕志伟" in text


@pytest.mark.parametrize("utterance, act, ordinal", [
    ("第三个呢", "ordinal", 3), ("第三条", "ordinal", 3), ("那第五点呢？", "ordinal", 5), ("最后一条呢", "ordinal", -1),
    ("下一条", "next", None), ("还有呢", "next", None), ("展开说说", "expand", None), ("详细点", "expand", None),
    ("给我看看原文", "original", None), ("这是谁讲的", "who", None), ("这条是谁提的？", "who", None),
    ("哪天开的会", "when", None), ("这是哪个会", "when", None), ("全部要点", "all", None),
    ("第三个是什么", "ordinal", 3), ("能详细说说吗", "expand", None), ("啥时候开的", "when", None),
])
def test_follow_ups_are_read_by_their_shape(utterance, act, ordinal):
    found = read_followup(utterance)
    assert found is not None and found.act == act and found.ordinal == ordinal


@pytest.mark.parametrize("question", [
    "第三个聚力是什么", "刘宗国提出的第七点", "具体措施有哪些", "资金来源是什么", "考察学习是哪几天",
    "谁参加了这次考察", "还有哪些企业要培育", "项目建设详细要求是什么",
])
def test_questions_with_a_topic_are_not_follow_ups(question):
    assert read_followup(question) is None


@pytest.mark.parametrize("utterance, kind", [
    ("你好", GREETING), ("您好！", GREETING), ("在吗", GREETING), ("hello", GREETING), ("谢谢", THANKS),
    ("好的，谢谢！", THANKS), ("你是谁，能做什么", HELP), ("你好，怎么用？", HELP), ("帮助", HELP), ("你是谁开发的？", HELP),
    ("今天天气怎么样", CHITCHAT), ("明天会下雨吗", CHITCHAT), ("明天县城会不会下雨，要不要带伞", CHITCHAT), ("讲个笑话", CHITCHAT), ("你几岁了", CHITCHAT),
    ("你好，今天天气咋样", CHITCHAT), ("帮我写一首关于秋天的诗", CHITCHAT), ("帮我推荐几本适合小学生看的课外书", CHITCHAT),
    ("国庆带爸妈去哪里玩比较好", CHITCHAT), ("中午吃啥", CHITCHAT), ("你好，今天中午食堂吃啥", CHITCHAT),
    ("今天中午吃点啥好", CHITCHAT), ("晚饭吃点什么好呢", CHITCHAT), ("周末去哪玩", CHITCHAT),
    ("帮我订一张明天去省城的高铁票", CHITCHAT), ("帮我叫个车", CHITCHAT), ("给我点份外卖", CHITCHAT),
    ("今天塬州下不下雨", CHITCHAT), ("明天刮不刮风", CHITCHAT),
    ("同志，你们那边今天下雨没有？", CHITCHAT), ("那边有没有下雨", CHITCHAT),  # the asker's place, A-not-A with 没有
    ("今儿个天这么热，你那边下雨没？", CHITCHAT), ("天真冷啊", CHITCHAT),  # a remark on the weather, said as people talk
    ("喂，你今天吃饭了没？", CHITCHAT), ("你吃了吗", CHITCHAT), ("吃饭了没有", CHITCHAT),  # "have you eaten", a greeting
    ("忙完了没？晚上一起吃个饭", CHITCHAT), ("在忙啥", CHITCHAT), ("下班了吗", CHITCHAT), ("周末一起钓鱼", CHITCHAT),
])
def test_small_talk_is_told_apart(utterance, kind):
    assert classify(utterance) == kind


@pytest.mark.parametrize("question", [
    "你好，八个聚力是什么？谢谢", "谢谢，项目招引有什么要求", "高温天气施工有什么要求", "垃圾分类怎么开展",
    "资金怎么用", "防汛期间下雨天气要注意什么", "寄宿学生在食堂吃什么", "学校食堂吃什么有标准吗", "游客去哪儿玩有优惠", "写一篇工作总结要注意什么", "推荐企业申报有什么要求", "汛期下雨要怎么防范", "怎么做红烧肉", "How do I reset my password?",
    "去哪里办理退役军人优待证", "学校食堂午餐吃什么标准", "买车有补贴吗", "景区门票减免政策是什么", "订单农业有啥扶持",
    "汛期下不下雨都要值班吗", "低保户吃饭有补助吗", "学生吃了午餐要午休吗",
    "防汛工作忙不忙得过来", "一起推进的项目有哪些", "老人一起吃饭补贴多少",
    "你们那边招商引资有没有奖励", "今天下雨没有停工的工地要罚吗", "天这么热工地要停工吗",
])
def test_questions_are_not_small_talk(question):
    assert classify(question) is None


def test_a_greeting_gets_an_introduction_whose_examples_are_answered(chat, searcher):
    answer, text = chat("你好")
    assert answer.kind == "smalltalk" and not answer.answered and not answer.results
    examples = [line[2:] for line in text.split("\n") if line.startswith("• ")]
    assert len(examples) == 3 and all(searcher.search(q).answered for q in examples)
    answer, text = chat("今天天气怎么样")
    assert text.startswith("我只回答公报中的内容") and not answer.related
    answer, _ = chat("你好，八个聚力是什么？谢谢")
    assert answer.answered and answer.results[0].outline


def test_examples_come_from_the_newest_bulletin(hexi):
    from bot.smalltalk import newest_examples

    snap = hexi.snapshot
    examples = newest_examples(snap.articles(), list(snap.lists.values()))
    newest = max((a for a in snap.articles() if a["date"]), key=lambda a: a["date"])
    lists = [nl for nl in snap.lists.values() if nl.article_id == newest["article_id"]]
    assert lists and any((nl.speaker or nl.label) in examples[0] for nl in lists)
    assert all(hexi.search(q).answered for q in examples)


def test_query_json_says_small_talk_apart(built, capsys):
    code = main(["--config", str(built.path), "query", "--json", "你好"])
    assert code == 0
    record = json.loads(capsys.readouterr().out)
    assert record["answered"] is False and record["kind"] == "smalltalk" and record["results"] == []
    assert "可以这样问" in record["message"] and record["related"] == []


def test_console_chat_follows_up(built, capsys, monkeypatch):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.StringIO("你好\n八个聚力分别是什么\n第三个呢\n这是谁讲的\n讲个笑话\n/quit\n第五个呢\n"))
    assert main(["--config", str(built.path), "chat"]) == 0
    out = capsys.readouterr().out
    assert "可以这样问" in out and "八个聚力 · 第三条 / 共八条" in out
    assert "这是区委书记毕志伟讲的。" in out and "我只回答公报中的内容" in out
    assert "/quit" not in out and "第五条" not in out  # the chat ended there


def test_followup_minutes_zero_answers_every_message_on_its_own(searcher):
    chats = Conversations(searcher, minutes=0)
    chats.ask("c", "刘宗国提了哪些要求", now=0.0)
    answer = chats.ask("c", "第三个呢", now=0.0)
    assert answer.kind == "search" and answer.results[0].passage.text.startswith("三要聚力项目招引")
