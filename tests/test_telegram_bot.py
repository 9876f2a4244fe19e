"""The real PTB Application, the real index and model, against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import shutil
import socket
import sys
import threading
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

import pytest

from bot.config import load_config
from tests.conftest import make_config
from tests.fakebotapi import BOT_ID, FakeTelegram

TOKEN = "123456789:AAExampleExampleExampleExample12345"
ADMIN = 111
GROUP = -100200300

NEW_BULLETIN = """全区秸秆禁烧和综合利用工作推进会召开

本报讯 10月12日,全区秸秆禁烧和综合利用工作推进会召开。副区长周立新出席会议并讲话。
周立新强调,一要严格落实网格化监管。各镇街要把禁烧责任落实到村、到地块、到人,实行24小时巡查值守。
二要加快推进秸秆综合利用。大力推广秸秆还田、饲料化和基料化利用,确保综合利用率达到95%以上。
三要强化督导考核。区农业农村局要会同生态环境部门开展明察暗访,对出现火点的镇街严肃问责。(李静)
"""


class TagBalance(HTMLParser):
    """Checks that a Telegram HTML message opens and closes its tags in order."""

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.ok = True

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False


def balanced(html: str) -> bool:
    parser = TagBalance()
    parser.feed(html)
    parser.close()
    return parser.ok and not parser.stack


def buttons(params: dict) -> dict[str, str]:
    markup = params.get("reply_markup") or {}
    return {b["text"]: b["callback_data"] for row in markup.get("inline_keyboard", []) for b in row}


class BotHarness:
    """Runs the Application on its own event loop in a thread, like `policybot run` does."""

    def __init__(self, config, searcher, tg: FakeTelegram):
        from bot.telegram import build_application

        self.config = config
        self.tg = tg
        self.app = build_application(config, TOKEN, searcher)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)

    def call(self, coro, timeout=60):
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def start(self):
        self.thread.start()

        async def go():
            await self.app.initialize()
            await self.app.post_init(self.app)
            await self.app.updater.start_polling(poll_interval=0.0, timeout=1)
            await self.app.start()

        self.call(go())

    def stop(self):
        async def halt():
            await self.app.updater.stop()
            await self.app.stop()
            await self.app.post_shutdown(self.app)
            await self.app.shutdown()

        self.call(halt())
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)

    # -- conversations
    def ask(self, text: str, user: int, chat: int | None = None, chat_type: str = "private", **kw) -> dict:
        """Send a message and wait for the bot's reply to it (the next sendMessage in that chat)."""
        chat = chat if chat is not None else user
        start = self.tg.mark()
        self.tg.send_text(chat, user, text, chat_type=chat_type, **kw)
        reply = self.tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == chat, start=start)
        assert "_error" not in reply, reply["_error"]  # the strict fake accepted it
        return reply

    def press(self, chat: int, user: int, message_id: int, data: str, edit: bool = True) -> tuple[dict, dict | None]:
        """Press a button; return the callback answer and the edit (if one is expected)."""
        start = self.tg.mark()
        query_id = self.tg.press_button(chat, user, message_id, data)
        answered = self.tg.wait_for(lambda m, p: m == "answerCallbackQuery" and p["callback_query_id"] == query_id,
                                    start=start)
        edits = [p for m, p in self.tg.calls[start:] if m == "editMessageText"]
        if not edits and edit:
            try:
                edits = [self.tg.wait_for(lambda m, p: m == "editMessageText", start=start, timeout=3)]
            except AssertionError:
                edits = []
        if edits:
            assert "_error" not in edits[0], edits[0]["_error"]
        return answered, (edits[0] if edits else None)

    @property
    def service(self):
        return self.app.bot_data["service"]


class Recorder(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@pytest.fixture(scope="module")
def harness(built, searcher, tmp_path_factory, embedder):
    from bot.search import Searcher

    recorder = Recorder()
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.INFO)  # what `policybot -v run` shows
    root.addHandler(recorder)

    folder = tmp_path_factory.mktemp("tgbot")
    shutil.copytree(built.index, folder / "index")
    with FakeTelegram(TOKEN) as tg:
        cfg_path = make_config(folder, telegram={
            "base_url": tg.base_url, "base_file_url": tg.base_file_url, "admins": [ADMIN],
            "questions_per_minute": 6, "access": "open",  # who may ask: tests/test_telegram_access.py
        }, ingest={"max_file_mb": 1})
        config = load_config(cfg_path)
        h = BotHarness(config, Searcher(config, embedder), tg)
        h.start()
        try:
            yield h
        finally:
            h.stop()
            root.removeHandler(recorder)
            root.setLevel(level)
    # The token never reaches a log line (httpx logs request URLs, which contain it).
    assert recorder.lines and not any(TOKEN in line for line in recorder.lines)
    # No handler failed: every flow above ended in a reply, not in the apology of the error handler.
    assert not [line for line in recorder.lines if "error while handling" in line]


def test_commands_are_registered_and_start_says_what_the_bot_knows(harness):
    commands = harness.tg.calls_of("setMyCommands")
    public = next(c for c in commands if "scope" not in c or c["scope"].get("type") == "default")
    assert [c["command"] for c in public["commands"]] == [
        "start", "help", "ask", "outline", "latest", "sources", "subscribe", "unsubscribe",
        "tasks", "due", "follow", "unfollow"]
    # No admin has written yet: no menu is set for a chat Telegram would not know ("chat not found").
    assert all(c.get("scope", {}).get("type") in (None, "default") for c in commands)
    reply = harness.ask("/start", user=201)
    assert "1 份公报" in reply["text"] and "2 篇文章" in reply["text"]
    assert "2021年4月21日" in reply["text"] and "2021年4月25日" in reply["text"]
    help_reply = harness.ask("/help", user=201)
    assert help_reply["text"].count("？") >= 3 and "/ask" in help_reply["text"]
    assert "@policy_test_bot" in help_reply["text"]  # inline mode is explained


def test_open_mode_answers_everyone(harness):
    """telegram.access: open — a user nobody approved is answered in private, inline and in any group."""
    assert "三要<b>聚力</b>项目招引" in harness.ask("第三个聚力是什么", user=290)["text"]
    group = harness.ask("/ask 第三个聚力是什么", user=290, chat=-100999, chat_type="supergroup")
    assert "三要<b>聚力</b>项目招引" in group["text"]


def test_admin_menu_is_set_when_the_admin_first_writes(harness):
    start = harness.tg.mark()
    harness.ask("/help", user=ADMIN)
    menu = harness.tg.wait_for(lambda m, p: m == "setMyCommands" and p.get("scope", {}).get("type") == "chat",
                               start=start)
    assert int(menu["scope"]["chat_id"]) == ADMIN and "_error" not in menu
    assert {"reindex", "stats"} <= {c["command"] for c in menu["commands"]}
    harness.ask("/help", user=ADMIN)  # once is enough
    assert len([p for m, p in harness.tg.calls[start:] if m == "setMyCommands"]) == 1


def test_private_question_gets_the_point_as_html_with_buttons(harness):
    reply = harness.ask("第三个聚力是什么？", user=202)
    text = reply["text"]
    assert reply["parse_mode"] == "HTML"
    assert "八个聚力 · 第三条 / 共八条" in text
    assert "三要<b>聚力</b>项目招引" in text  # the question's term in bold
    assert "《全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开》 · 2021年4月25日 · 毕志伟" in text
    assert len(text) <= 4096 and balanced(text)
    keys = buttons(reply)
    assert {"下一条 ▶", "全部要点", "原文", "👍", "👎"} <= set(keys)
    assert all(len(data.encode()) <= 64 for data in keys.values())


def test_a_homophone_typo_is_answered_and_the_reading_told_above_the_point(harness):
    text = harness.ask("企业陪育有哪些措施", user=202)["text"]
    assert text.startswith("（按“培育”理解）")
    assert "四要聚力<b>企业</b><b>培育</b>" in text  # the word as read is marked, as the asker's words are


def test_next_button_edits_the_same_message_and_back_again(harness):
    reply = harness.ask("要素保障怎么落实", user=203)
    mid = reply["_message_id"]
    first_text = reply["text"]
    answered, edit = harness.press(203, 203, mid, buttons(reply)["下一条 ▶"])
    assert edit is not None and int(edit["message_id"]) == mid
    assert edit["text"] != first_text and "第 2 / 5 个结果" in edit["text"] and balanced(edit["text"])
    back = buttons(edit)["◀ 上一条"]
    _, edit_back = harness.press(203, 203, mid, back)
    assert edit_back["text"] == first_text
    # The same button again changes nothing: Telegram says "message is not modified", the user sees no error.
    start = harness.tg.mark()
    answered, _ = harness.press(203, 203, mid, back, edit=False)
    assert "text" not in answered
    time.sleep(0.3)
    assert not [p for m, p in harness.tg.calls[start:] if m == "sendMessage" and int(p["chat_id"]) == 203]


def test_all_points_keeps_feedback_and_the_way_back(harness):
    reply = harness.ask("第三个聚力是什么", user=204)
    mid = reply["_message_id"]
    _, outline = harness.press(204, 204, mid, buttons(reply)["全部要点"])
    assert "在工作中要聚力八个方面狠下功夫、攻坚突破。" in outline["text"]
    assert "八要聚力作风建设狠下功夫、攻坚突破。" in outline["text"]
    keys = buttons(outline)
    assert len([k for k in keys if k.startswith("第")]) == 8
    assert {"↩ 返回结果", "原文", "👍", "👎"} <= set(keys)
    _, second = harness.press(204, 204, mid, keys["第二条"])
    assert "二要聚力项目建设" in second["text"] and "第二条 / 共八条" in second["text"]
    assert {"◀ 上一条", "下一条 ▶", "全部要点", "↩ 返回结果", "👍"} <= set(buttons(second))
    _, back = harness.press(204, 204, mid, buttons(second)["↩ 返回结果"])
    assert back["text"] == reply["text"]
    answered, _ = harness.press(204, 204, mid, buttons(second)["👎"], edit=False)
    assert "谢谢" in answered.get("text", "")


def test_list_question_answers_with_the_outline(harness):
    reply = harness.ask("八个聚力分别是什么", user=205)
    assert "全部要点（共八条）" in reply["text"] and "六要聚力要素保障狠下功夫、攻坚突破。" in reply["text"]
    keys = buttons(reply)
    assert len([k for k in keys if k.startswith("第")]) == 8 and "全部要点" not in keys
    _, sixth = harness.press(205, 205, reply["_message_id"], keys["第六条"])
    assert "六要聚力要素保障" in sixth["text"] and "↩ 返回结果" in buttons(sixth)


def test_group_chatter_is_ignored_and_ask_mentions_and_replies_are_answered(harness):
    start = harness.tg.mark()
    harness.tg.send_text(GROUP, 206, "大家好，今天下午开会", chat_type="supergroup")
    reply = harness.ask("/ask 刘宗国提出的第七点", user=206, chat=GROUP, chat_type="supergroup")
    sent = [p for m, p in harness.tg.calls[start:] if m == "sendMessage"]
    assert sent[0] is reply  # nothing was said to the chatter before the /ask answer
    assert "七要有与人为善" in reply["text"].replace("<b>", "").replace("</b>", "")
    mention = harness.ask("@policy_test_bot 当前工作的第二个要求", user=207, chat=GROUP, chat_type="supergroup")
    assert "二要加快项目纳统" in mention["text"].replace("<b>", "").replace("</b>", "")
    replied = harness.ask("那第三个聚力呢", user=208, chat=GROUP, chat_type="supergroup",
                          reply_to_bot_message_id=mention["_message_id"])
    assert "第三条 / 共八条" in replied["text"] and "项目招引狠下功夫" in replied["text"]


def test_no_answer_says_so_and_offers_outline_and_examples(harness):
    reply = harness.ask("怎么做红烧肉", user=209)
    assert "没有找到" in reply["text"] and "/outline" in reply["text"]
    assert reply["text"].count("•") == 2
    assert "相关内容" not in reply["text"]  # nothing near an off-topic question


def test_an_unstated_figure_is_refused_with_the_nearest_passages_set_apart(harness):
    reply = harness.ask("招商引资给企业的土地优惠价格是多少", user=230)
    text = reply["text"]
    assert text.startswith("抱歉，现有公报中没有找到") and "并不回答这个问题" in text
    related = text.split("并不回答这个问题")[1]
    assert "◦" in related and "《全区聚焦" in related and balanced(text)
    assert "第" not in text.split("抱歉")[0]  # no headline of an answer above the refusal


def test_too_long_question_quotes_its_real_length(harness):
    reply = harness.ask("请问" * 2500, user=229)
    assert "问题太长了（5000 字）" in reply["text"] and "500 字以内" in reply["text"]


def test_feedback_is_stored_and_stale_buttons_get_a_polite_note(harness):
    from bot.telegram import keyboards as kb

    reply = harness.ask("三保工作", user=210)
    answered, _ = harness.press(210, 210, reply["_message_id"], buttons(reply)["👍"], edit=False)
    assert "谢谢" in answered.get("text", "")
    from bot.qlog import QuestionLog, log_path

    stats = QuestionLog(log_path(harness.config.data)).stats()
    assert stats.thumbs_up >= 1
    mid = reply["_message_id"]
    answered, edit = harness.press(210, 210, mid, "r:deadbeef:1", edit=False)  # an older bot's button
    assert "已失效" in answered.get("text", "") and edit is None
    answered, _ = harness.press(210, 210, mid, kb.encode(kb.ShowResult(99999999, 0)), edit=False)
    assert "不在记录中" in answered.get("text", "")
    answered, _ = harness.press(210, 210, mid, kb.encode(kb.ShowOutline("0000000000000000:L9")), edit=False)
    assert "已不在公报中" in answered.get("text", "")
    # An answer whose passage was later corrected away: a polite note, not an error.
    gone = harness.service.store.save_answer(None, (), [("0000000000000000:007", False)])
    answered, _ = harness.press(210, 210, mid, kb.encode(kb.ShowResult(gone, 0)), edit=False)
    assert "已不在公报中" in answered.get("text", "")


def test_rate_limit_message(harness):
    for i in range(6):
        reply = harness.ask(f"第{'一二三四五六'[i]}个聚力是什么", user=211)
        assert "聚力" in reply["text"]
    reply = harness.ask("第七个聚力是什么", user=211)
    assert "请稍等" in reply["text"]


def test_a_flood_of_questions_gets_one_please_wait(harness):
    user = 231
    start = harness.tg.mark()
    for i in range(30):
        harness.tg.send_text(user, user, f"第{'一二三四五六七八'[i % 8]}个聚力是什么")
    mine = lambda: [p for m, p in harness.tg.calls[start:] if m == "sendMessage" and int(p["chat_id"]) == user]
    deadline = time.monotonic() + 30
    while len(mine()) < 7 and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # anything still coming would arrive now
    sent = mine()
    waits = [p for p in sent if "请稍等" in p["text"]]
    assert 1 <= len(waits) <= 2
    assert len(sent) - len(waits) == 6  # questions_per_minute in this config


def test_outline_and_sources_commands(harness):
    outline = harness.ask("/outline", user=212)
    assert "八个聚力（共八条）" in outline["text"]
    assert len(buttons(outline)) == 5
    start = harness.tg.mark()
    harness.press(212, 212, outline["_message_id"], next(v for k, v in buttons(outline).items() if "八个聚力" in k),
                  edit=False)
    sent = harness.tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == 212, start=start)
    assert "全部要点（共八条）" in sent["text"] and "第八条" in buttons(sent)
    sources = harness.ask("/sources", user=212)
    assert "shanting_2021-04_bulletin.txt" in sources["text"] and "2021年4月25日" in sources["text"]


def test_latest_lists_the_newest_bulletins_with_their_lists_headlines(harness):
    reply = harness.ask("/latest", user=215)
    text = reply["text"]
    assert "最新收录" in text and "shanting_2021-04_bulletin.txt" in text
    assert "八个聚力（共八条）" in text and "三要聚力项目招引" in text
    assert len(text) <= 4096 and balanced(text)
    keys = buttons(reply)
    assert any("八个聚力" in k for k in keys)


def test_inline_query_lists_passages_and_a_chosen_one_is_logged(harness):
    start = harness.tg.mark()
    query_id = harness.tg.send_inline_query(241, "第三个聚力是什么")
    answer = harness.tg.wait_for(lambda m, p: m == "answerInlineQuery" and p["inline_query_id"] == query_id,
                                 start=start)
    assert "_error" not in answer
    results = answer["results"]
    assert 1 <= len(results) <= 5 and all(r["type"] == "article" for r in results)
    top = results[0]
    assert "三要聚力项目招引" in top["title"]
    assert "八个聚力 · 第三条" in top["description"] and "2021年4月25日" in top["description"]
    posted = top["input_message_content"]
    assert posted["parse_mode"] == "HTML" and balanced(posted["message_text"])
    assert "《全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开》 · 2021年4月25日" in posted["message_text"]

    harness.tg.choose_inline_result(241, top["id"], "第三个聚力是什么")
    import sqlite3

    from bot.qlog import log_path

    deadline = time.monotonic() + 10
    rows = []
    while not rows and time.monotonic() < deadline:
        with sqlite3.connect(log_path(harness.config.data)) as db:
            rows = db.execute("SELECT question, top_passage_id FROM questions WHERE chat_type = 'inline'").fetchall()
        time.sleep(0.05)
    assert rows == [("第三个聚力是什么", top["id"])]

    for text in ("", "怎么做红烧肉"):
        start = harness.tg.mark()
        query_id = harness.tg.send_inline_query(241, text)
        empty = harness.tg.wait_for(lambda m, p: m == "answerInlineQuery" and p["inline_query_id"] == query_id,
                                    start=start)
        assert empty["results"] == [] and empty["button"]["start_parameter"] == "inline"


def test_full_text_of_a_bundled_article(harness):
    reply = harness.ask("第三个聚力是什么", user=216)
    # 原文 is the article as the index stored it when it was added: the bulletin file is not read again (a file
    # moved aside, or a PDF that would take seconds to parse, does not matter).
    bulletin = harness.config.corpus / "shanting_2021-04_bulletin.txt"
    aside = bulletin.with_name(".aside")
    bulletin.rename(aside)
    try:
        start = harness.tg.mark()
        harness.press(216, 216, reply["_message_id"], buttons(reply)["原文"], edit=False)
        part = harness.tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == 216, start=start)
    finally:
        aside.rename(bulletin)
    assert "_error" not in part and "<b>全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开</b>" in part["text"]
    assert "八要聚力作风建设" in part["text"] and "毕志伟" in part["text"]


def test_non_admin_upload_is_refused_and_nothing_is_stored(harness):
    corpus_before = sorted(p.name for p in harness.config.corpus.iterdir())
    start = harness.tg.mark()
    harness.tg.send_document(213, 213, "new.txt", NEW_BULLETIN.encode("utf-8"))
    reply = harness.tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == 213, start=start)
    assert "只有管理员" in reply["text"]
    assert not harness.tg.calls_of("getFile") or all(c["file_id"] != "file1" for c in harness.tg.calls_of("getFile"))
    assert sorted(p.name for p in harness.config.corpus.iterdir()) == corpus_before
    refused = harness.ask("/reindex", user=213)
    assert "管理员" in refused["text"]


def test_upload_sends_one_digest_to_each_subscriber_and_old_buttons_keep_working(harness):
    from bot.telegram.store import BotStore, store_path

    tg = harness.tg
    for user in (251, 252, 253, 254):
        assert "已订阅" in harness.ask("/subscribe", user=user)["text"]
    assert "已经订阅" in harness.ask("/subscribe", user=251)["text"]
    assert "已取消订阅" in harness.ask("/unsubscribe", user=253)["text"]
    tg.block(254)  # blocked the bot since subscribing: Telegram answers 403
    old = harness.ask("要素保障怎么落实", user=255)  # an answer from before the upload

    start = tg.mark()
    tg.send_document(ADMIN, ADMIN, "jiegan_2021-10.txt", NEW_BULLETIN.encode("gb18030"))
    done = tg.wait_for(lambda m, p: m == "editMessageText" and "已收录" in p.get("text", ""), start=start, timeout=120)
    assert "全区秸秆禁烧和综合利用工作推进会召开" in done["text"] and "（3条）" in done["text"]
    assert "解析结果" in done["text"] and "3 条（编号，周立新）" in done["text"]  # what inspect says
    assert (harness.config.corpus / "jiegan_2021-10.txt").is_file()

    digests = {}
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (len(digests) < 2 or 254 in harness.service.store.subscribers()):
        digests = {int(p["chat_id"]): p for m, p in tg.calls[start:]
                   if m == "sendMessage" and "新收录" in p.get("text", "") and "_error" not in p}
        time.sleep(0.05)
    time.sleep(0.5)
    sent = [int(p["chat_id"]) for m, p in tg.calls[start:] if m == "sendMessage" and "新收录" in p.get("text", "")]
    assert sorted(sent) == [251, 252, 254]  # one each; none to the unsubscribed; 254's refused (403)
    assert sorted(digests) == [251, 252]
    digest = digests[251]
    assert "全区秸秆禁烧和综合利用工作推进会召开" in digest["text"] and "2021年10月12日" in digest["text"]
    assert "三要强化督导考核" in digest["text"] and balanced(digest["text"])
    keys = buttons(digest)
    assert any(k.startswith("📋") for k in keys) and any(k.startswith("📄") for k in keys)
    # The blocked subscriber is dropped, and subscriptions survive a restart (they live in SQLite).
    assert BotStore(store_path(harness.config.data)).subscribers() == [251, 252]

    start = tg.mark()
    harness.press(252, 252, digests[252]["_message_id"], next(v for k, v in buttons(digests[252]).items()
                                                          if k.startswith("📋")), edit=False)
    outline = tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == 252, start=start)
    assert "全部要点（共三条）" in outline["text"] and "第三条" in buttons(outline)

    # The new bulletin is answered, and the buttons of an answer from before the upload still work.
    reply = harness.ask("秸秆综合利用率要达到多少", user=214)
    assert "95%" in reply["text"] and "2021年10月12日" in reply["text"] and "周立新" in reply["text"]
    answered, edit = harness.press(255, 255, old["_message_id"], buttons(old)["下一条 ▶"])
    assert "text" not in answered and edit is not None and "第 2 / 5 个结果" in edit["text"]

    # the same file again adds nothing, says so, and sends no digest
    start = tg.mark()
    tg.send_document(ADMIN, ADMIN, "copy.txt", NEW_BULLETIN.encode("utf-8"))
    again = tg.wait_for(lambda m, p: m == "editMessageText" and "已经收录过" in p.get("text", ""),
                        start=start, timeout=60)
    assert "没有重复添加" in again["text"]
    assert not (harness.config.corpus / "copy.txt").exists()
    assert not [p for m, p in tg.calls[start:] if m == "sendMessage" and "新收录" in p.get("text", "")]


def long_bulletin() -> str:
    """A made-up bulletin whose one article is two Telegram messages long. Its long middle repeats one
    paragraph, so indexing embeds it once and the test stays fast."""
    lines = ["全区城乡环境综合整治工作推进会召开", "",
             "本报讯 11月3日,全区城乡环境综合整治工作推进会召开。区长王建国出席会议并讲话。",
             "王建国强调,一要抓好河道治理工作。各镇街要落实河长巡河制度,对黑臭水体逐条建立台账、限期销号。"
             "二要抓好垃圾分类工作。年底前城区小区分类投放设施全覆盖,农村生活垃圾收运处置体系覆盖所有行政村。"
             "三要抓好道路保洁工作。主次干道实行机械化清扫,背街小巷落实专人保洁,确保路面见本色。"]
    lines += ["各镇街要对照整治清单逐项建立工作台账,明确责任人和完成时限,每周调度一次进展。对推进缓慢的单位,"
              "由区督查室通报并限期整改;对整改不到位的,约谈主要负责同志。区财政要统筹安排整治资金,"
              "区自然资源、住建、城管等部门要加强业务指导,确保各项整治任务按期完成、群众满意。"] * 40
    lines.append("会议要求,各部门要加强协作,形成整治合力。(张敏)")
    return "\n".join(lines) + "\n"


def test_full_text_of_a_long_article_comes_in_valid_parts(harness):
    from tests.fakebotapi import parse_html

    text = long_bulletin()
    assert len(text) > 1.2 * 4096
    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, "huanjing_2021-11.txt", text.encode("utf-8"))
    harness.tg.wait_for(lambda m, p: m == "editMessageText" and "已收录" in p.get("text", ""), start=start,
                        timeout=120)
    reply = harness.ask("河道治理有什么要求", user=217)
    assert "一要抓好河道治理工作" in re.sub(r"<[^>]+>", "", reply["text"])
    start = harness.tg.mark()
    answered, _ = harness.press(217, 217, reply["_message_id"], buttons(reply)["原文"], edit=False)
    assert "text" not in answered
    parts = []
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        parts = [p for m, p in harness.tg.calls[start:] if m == "sendMessage" and int(p["chat_id"]) == 217]
        if parts and "张敏" not in parts[-1]["text"] and "形成整治合力" in parts[-1]["text"]:
            break
        time.sleep(0.05)
    assert len(parts) >= 2 and all("_error" not in p for p in parts)
    shown = [parse_html(p["text"]) for p in parts]
    assert all(len(s.encode("utf-16-le")) // 2 <= 4096 and balanced(p["text"]) for s, p in zip(shown, parts))
    assert all(s.rstrip().endswith(("。", "。)", ")")) for s in shown)  # cut at sentence ends
    whole = "".join(shown)
    assert whole.startswith("全区城乡环境综合整治工作推进会召开") and "三要抓好道路保洁工作。" in whole
    assert whole.count("确保各项整治任务按期完成、群众满意。") == 40 and "形成整治合力。" in whole


def test_admin_bad_file_gets_a_clear_message(harness):
    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, "bad.txt", bytes(range(256)) * 10)
    msg = harness.tg.wait_for(lambda m, p: m == "editMessageText" and "未收录" in p.get("text", ""),
                              start=start, timeout=60)
    assert "二进制" in msg["text"]
    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, "slides.pptx", b"PK\x03\x04")
    msg = harness.tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == ADMIN, start=start)
    assert "不支持" in msg["text"]
    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, "通知.wps", b"\xd0\xcf\x11\xe0" + bytes(64))
    msg = harness.tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == ADMIN, start=start)
    assert "另存为" in msg["text"] and ".docx 或 PDF" in msg["text"]


def test_reindex_keeps_the_buttons_of_earlier_answers_working(harness):
    old = harness.ask("第三个聚力是什么", user=218)
    start = harness.tg.mark()
    harness.tg.send_text(ADMIN, ADMIN, "/reindex")
    harness.tg.wait_for(lambda m, p: m == "editMessageText" and "索引已重建" in p.get("text", ""), start=start,
                        timeout=120)
    answered, outline = harness.press(218, 218, old["_message_id"], buttons(old)["全部要点"])
    assert "text" not in answered and "全部要点（共八条）" in outline["text"]
    _, back = harness.press(218, 218, old["_message_id"], buttons(outline)["↩ 返回结果"])
    assert back["text"] == old["text"]


def test_admin_stats(harness):
    # Self-contained: it makes the unanswered question and the subscription it then reads, so it holds
    # whichever tests of this module ran before it (or on which worker).
    def subscribers(text: str) -> int:
        return int(re.search(r"订阅：(\d+) 个聊天", text).group(1))

    before = subscribers(harness.ask("/stats", user=ADMIN)["text"])
    harness.ask("怎么做红烧肉", user=261)
    assert "已订阅" in harness.ask("/subscribe", user=262)["text"]
    reply = harness.ask("/stats", user=ADMIN)
    assert "今天提问" in reply["text"] and "回答率" in reply["text"] and "怎么做红烧肉" in reply["text"]
    assert subscribers(reply["text"]) == before + 1


UNDATED = """全区冬季消防安全工作部署会召开

本报讯 11月3日,全区冬季消防安全工作部署会召开。副区长林海峰出席会议并讲话。
林海峰要求,一要全面排查火灾隐患。对人员密集场所和老旧小区逐一检查,建立问题清单,限期整改到位。
二要加强消防宣传。进社区、进企业开展消防演练,提高群众自防自救能力。
三要落实值班值守。节假日期间严格执行领导带班制度,确保信息畅通、处置及时。(王敏)
"""


def test_admin_sets_an_unknown_date_and_removes_a_bulletin_with_confirmation(harness):
    """From Telegram alone: the upload reply offers to set a date it could not read; the date is asked
    for in a reply; /sources offers removal, which asks first and can be cancelled. Same operations
    as `policybot set-date` and `policybot remove`."""
    tg, corpus = harness.tg, harness.config.corpus
    start = tg.mark()
    tg.send_document(ADMIN, ADMIN, "xiaofang.txt", UNDATED.encode("utf-8"))  # "11月3日", no year anywhere
    done = tg.wait_for(lambda m, p: m == "editMessageText" and "已收录" in p.get("text", ""), start=start, timeout=120)
    assert "日期不详" in done["text"]
    ((label, data),) = buttons(done).items()
    assert label.startswith("📅 设置日期") and "冬季消防安全" in label
    start = tg.mark()
    tg.press_button(ADMIN, ADMIN, int(done["message_id"]), data)
    prompt = tg.wait_for(lambda m, p: m == "sendMessage" and p.get("text", "").startswith("📅 设置日期"), start=start)
    assert prompt["reply_markup"].get("force_reply") and "11月3日（年份不详）" in prompt["text"]
    wrong = harness.ask("下个月吧", user=ADMIN, reply_to_bot_message_id=prompt["_message_id"])
    assert "日期格式不对" in wrong["text"]
    ok = harness.ask("2025年11月3日", user=ADMIN, reply_to_bot_message_id=prompt["_message_id"])
    assert "已设置日期" in ok["text"] and "2025年11月3日" in ok["text"]
    assert "2025-11-03" in (corpus / ".dates.yaml").read_text(encoding="utf-8")
    answer = harness.ask("冬季消防安全工作有什么要求", user=216)
    assert "林海峰" in answer["text"] and "2025年11月3日" in answer["text"]

    sources = harness.ask("/sources", user=ADMIN)
    assert "1. 📄 xiaofang.txt" in sources["text"] and "2025年11月3日" in sources["text"]
    remove = buttons(sources)["🗑 删除 1"]
    assert "📅 日期 1" in buttons(sources)
    refused, _ = harness.press(ADMIN, 216, sources["_message_id"], remove, edit=False)  # not an admin
    assert refused["text"] == "抱歉，这个操作只有管理员可以使用。"
    start = tg.mark()
    tg.press_button(ADMIN, ADMIN, sources["_message_id"], remove)
    confirm = tg.wait_for(lambda m, p: m == "sendMessage" and "确认删除公报" in p.get("text", ""), start=start)
    assert "xiaofang.txt" in confirm["text"] and "冬季消防安全" in confirm["text"]
    _, cancelled = harness.press(ADMIN, ADMIN, confirm["_message_id"], buttons(confirm)["取消"])
    assert "已取消" in cancelled["text"] and (corpus / "xiaofang.txt").is_file()
    start = tg.mark()
    tg.press_button(ADMIN, ADMIN, sources["_message_id"], remove)
    confirm = tg.wait_for(lambda m, p: m == "sendMessage" and "确认删除公报" in p.get("text", ""), start=start)
    start = tg.mark()
    tg.press_button(ADMIN, ADMIN, confirm["_message_id"], buttons(confirm)["确认删除"])
    removed = tg.wait_for(lambda m, p: m == "editMessageText" and "已移除文章" in p.get("text", ""), start=start,
                          timeout=120)
    assert "冬季消防安全" in removed["text"]
    assert not (corpus / "xiaofang.txt").exists()
    assert any(p.name.endswith("xiaofang.txt") for p in (corpus / ".removed").iterdir())  # nothing deleted
    assert "林海峰" not in harness.ask("冬季消防安全工作有什么要求", user=217)["text"]


def test_bot_id_is_the_fake_servers(harness):
    assert harness.app.bot.id == BOT_ID


def test_the_fake_refused_nothing_it_should_not_have(harness):
    """Every Bot API error during the session was one a test provoked on purpose."""
    allowed = ("blocked by the user", "message is not modified")
    assert [e for e in harness.tg.errors if not any(a in e[2] for a in allowed)] == []


# ---------------------------------------------------------------- webhook mode


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_webhook_mode_answers_and_refuses_requests_without_the_secret(built, searcher, tmp_path):
    from bot.telegram.app import webhook_options

    port = free_port()
    secret = "s3cret_Token-for-tests"
    with FakeTelegram(TOKEN) as tg:
        cfg = make_config(tmp_path, index=str(built.index), telegram={
            "base_url": tg.base_url, "base_file_url": tg.base_file_url, "admins": [ADMIN], "access": "open",
            "webhook": {"url": f"http://127.0.0.1:{port}/policybot", "listen": "127.0.0.1", "port": port,
                        "secret_token": secret}})
        config = load_config(cfg)
        h = BotHarness(config, searcher, tg)
        h.thread.start()

        async def go():
            await h.app.initialize()
            await h.app.post_init(h.app)
            await h.app.updater.start_webhook(**webhook_options(config))
            await h.app.start()

        async def halt():
            await h.app.updater.stop()
            await h.app.stop()
            await h.app.post_shutdown(h.app)
            await h.app.shutdown()

        h.call(go())
        try:
            hook = tg.calls_of("setWebhook")[-1]
            assert hook["url"] == f"http://127.0.0.1:{port}/policybot" and hook["secret_token"] == secret
            reply = h.ask("第三个聚力是什么", user=301)  # delivered by POST with the secret header
            assert "三要<b>聚力</b>项目招引" in reply["text"]
            assert tg.webhook_replies and set(tg.webhook_replies) == {200}

            update = json.dumps({"update_id": 999, "message": {
                "message_id": 1, "date": 0, "chat": {"id": 302, "type": "private"},
                "from": {"id": 302, "is_bot": False, "first_name": "x"}, "text": "/start"}}).encode()
            for headers in ({}, {"X-Telegram-Bot-Api-Secret-Token": "wrong"}):
                request = urllib.request.Request(f"http://127.0.0.1:{port}/policybot", data=update,
                                                 headers={"Content-Type": "application/json", **headers})
                with pytest.raises(urllib.error.HTTPError) as refused:
                    urllib.request.urlopen(request, timeout=5)
                assert refused.value.code == 403
            time.sleep(0.3)
            assert not [p for m, p in tg.calls if m == "sendMessage" and int(p["chat_id"]) == 302]
        finally:
            h.call(halt())
            h.loop.call_soon_threadsafe(h.loop.stop)
            h.thread.join(10)


def test_webhook_without_a_secret_token_is_a_config_error(built, tmp_path):
    from bot.errors import ConfigError
    from bot.telegram import build_application

    cfg = make_config(tmp_path, index=str(built.index),
                      telegram={"webhook": {"url": "https://bot.example.org/hook", "port": 8443}})
    with pytest.raises(ConfigError, match="secret_token"):
        build_application(load_config(cfg), TOKEN)


def test_run_without_token_starts_the_console_chat_with_a_hint(built, capsys, monkeypatch):
    from bot.cli import main

    monkeypatch.delenv("TELEGRAM_BOT_TOKEN", raising=False)
    monkeypatch.setattr(sys, "stdin", io.StringIO("第三个聚力是什么\n"))
    assert main(["--config", str(built.path), "run"]) == 0
    out, err = capsys.readouterr()
    assert "TELEGRAM_BOT_TOKEN" in err and "三要聚力项目招引" in out


def test_malformed_token_is_a_clear_error_without_the_token(built, capsys, monkeypatch):
    from bot.cli import main

    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "not-a-token-secret")
    assert main(["--config", str(built.path), "run"]) == 1  # a failure with a reason (2 is for usage errors)
    _, err = capsys.readouterr()
    assert "malformed" in err and "not-a-token-secret" not in err and "Traceback" not in err


def test_admin_uploads_a_corrected_edition_and_a_broken_docx(harness):
    """The upload path runs the same all-or-nothing add as the CLI: a corrected article under another
    file name replaces the old one and says so; a .docx with malformed XML is a per-file message."""
    from tests.test_ingest import malformed_docx

    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, "jiegan_2021-10.txt", NEW_BULLETIN.encode("utf-8"))
    harness.tg.wait_for(lambda m, p: m == "editMessageText" and ("已收录" in p.get("text", "")
                                                                 or "已经收录过" in p.get("text", "")),
                        start=start, timeout=120)
    start = harness.tg.mark()
    corrected = NEW_BULLETIN.replace("95%", "96%")
    assert corrected != NEW_BULLETIN
    harness.tg.send_document(ADMIN, ADMIN, "jiegan_更正.txt", corrected.encode("utf-8"))
    done = harness.tg.wait_for(lambda m, p: m == "editMessageText" and "已收录" in p.get("text", ""),
                               start=start, timeout=120)
    assert "更正文章" in done["text"]
    names = [p.name for p in harness.config.corpus.iterdir() if p.is_file()]
    assert "jiegan_更正.txt" in names and "jiegan_2021-10.txt" not in names
    reply = harness.ask("秸秆综合利用率要达到多少", user=215)
    assert "96%" in reply["text"] and "95%" not in reply["text"]
    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, "broken.docx", malformed_docx())
    msg = harness.tg.wait_for(lambda m, p: m == "editMessageText" and "未收录" in p.get("text", ""),
                              start=start, timeout=60)
    assert "broken.docx" in msg["text"] and "损坏" in msg["text"]


def test_admin_uploads_a_pdf_notice_and_it_is_answered(harness):
    """A red-header notice as officials get it, a PDF: the upload reply says how it was understood, and a
    question about its plan is answered from it."""
    pdf = Path(__file__).parent / "data" / "pdf" / "red_notice.pdf"
    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, pdf.name, pdf.read_bytes())
    done = harness.tg.wait_for(lambda m, p: m == "editMessageText" and ("已收录" in p.get("text", "")
                                                                        or "未收录" in p.get("text", "")),
                               start=start, timeout=120)
    assert "已收录" in done["text"] and "供水保障" in done["text"]
    text = re.sub(r"<[^>]+>", "", harness.ask("东岭水库水厂扩建有什么安排", user=ADMIN)["text"])
    assert "扩建东岭水库水厂" in text and "牵头单位：县水务局" in text and "供水保障" in text
