"""Follow-ups and small talk in a Telegram chat: the real Application against the strict fake Bot API."""

from __future__ import annotations

import shutil

import pytest

from bot.config import load_config
from tests.conftest import make_config
from tests.fakebotapi import FakeTelegram
from tests.test_telegram_bot import TOKEN, BotHarness, balanced, buttons

OFFICIAL = 301  # listed as an admin so that the flow holds whatever access rules the bot applies


@pytest.fixture(scope="module")
def bot(built, tmp_path_factory, embedder):
    from bot.search import Searcher

    folder = tmp_path_factory.mktemp("tgconvo")
    shutil.copytree(built.index, folder / "index")
    with FakeTelegram(TOKEN) as tg:
        config = load_config(make_config(folder, telegram={
            "base_url": tg.base_url, "base_file_url": tg.base_file_url, "admins": [OFFICIAL]}))
        h = BotHarness(config, Searcher(config, embedder), tg)
        h.start()
        try:
            yield h
        finally:
            h.stop()


def test_greeting_gets_an_introduction_and_chit_chat_a_polite_no(bot):
    text = bot.ask("你好", user=OFFICIAL)["text"]
    assert "可以这样问" in text and text.count("• ") == 3 and "没有找到" not in text and balanced(text)
    text = bot.ask("今天天气怎么样", user=OFFICIAL)["text"]
    assert text.startswith("我只回答公报中的内容") and "相关内容" not in text


def test_follow_ups_answer_from_the_last_answer_and_old_buttons_keep_working(bot):
    outline = bot.ask("八个聚力分别是什么", user=OFFICIAL)
    third = bot.ask("第三个呢", user=OFFICIAL)
    assert "八个聚力 · 第三条 / 共八条" in third["text"] and "三要<b>聚力</b>项目招引" in third["text"]
    assert {"全部要点", "原文", "👍"} <= set(buttons(third))
    who = bot.ask("这是谁讲的", user=OFFICIAL)["text"]
    assert who.startswith("这是区委书记毕志伟讲的。") and balanced(who)
    bot.ask("刘宗国提了哪些要求", user=OFFICIAL)
    text = bot.ask("第三个呢", user=OFFICIAL)["text"]
    assert "三要有善谋善胜" in text and "聚力" not in text
    # The first answer's buttons still open its points.
    _, second = bot.press(OFFICIAL, OFFICIAL, outline["_message_id"], buttons(outline)["第二条"])
    assert "二要聚力项目建设" in second["text"]
