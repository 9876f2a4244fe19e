"""The real PTB Application, the real index and model, against a fake Bot API server on 127.0.0.1."""

from __future__ import annotations

import asyncio
import io
import logging
import shutil
import sys
import threading
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
        from bot.telegram_bot import build_application

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
        return self.tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == chat, start=start)

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
        return answered, (edits[0] if edits else None)


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
            "questions_per_minute": 6,
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


def test_commands_are_registered_and_start_says_what_the_bot_knows(harness):
    commands = harness.tg.calls_of("setMyCommands")
    public = next(c for c in commands if "scope" not in c or c["scope"].get("type") == "default")
    assert [c["command"] for c in public["commands"]] == ["start", "help", "ask", "outline", "sources"]
    reply = harness.ask("/start", user=201)
    assert "1 份公报" in reply["text"] and "2 篇文章" in reply["text"]
    assert "2021年4月21日" in reply["text"] and "2021年4月25日" in reply["text"]
    help_reply = harness.ask("/help", user=201)
    assert help_reply["text"].count("？") >= 3 and "/ask" in help_reply["text"]


def test_private_question_gets_the_point_as_html_with_buttons(harness):
    reply = harness.ask("第三个聚力是什么？", user=202)
    text = reply["text"]
    assert reply["parse_mode"] == "HTML"
    assert "八个聚力 · 第三条 / 共八条" in text
    assert "三要<b>聚力</b>项目招引" in text  # the question's term in bold
    assert "《全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开》 · 2021年4月25日 · 毕志伟" in text
    assert len(text) <= 4096 and balanced(text)
    keys = buttons(reply)
    assert {"下一条 ▶", "全部要点", "👍", "👎"} <= set(keys)
    assert all(len(data.encode()) <= 64 for data in keys.values())


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


def test_all_points_shows_the_outline_and_each_point_is_one_tap_away(harness):
    reply = harness.ask("第三个聚力是什么", user=204)
    mid = reply["_message_id"]
    _, outline = harness.press(204, 204, mid, buttons(reply)["全部要点"])
    assert "在工作中要聚力八个方面狠下功夫、攻坚突破。" in outline["text"]
    assert "八要聚力作风建设狠下功夫、攻坚突破。" in outline["text"]
    points = buttons(outline)
    assert len(points) == 8
    _, second = harness.press(204, 204, mid, points["第二条"])
    assert "二要聚力项目建设" in second["text"] and "第二条 / 共八条" in second["text"]


def test_list_question_answers_with_the_outline(harness):
    reply = harness.ask("八个聚力分别是什么", user=205)
    assert "全部要点（共八条）" in reply["text"] and "六要聚力要素保障狠下功夫、攻坚突破。" in reply["text"]


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


def test_feedback_is_stored_and_stale_buttons_get_a_polite_note(harness):
    reply = harness.ask("三保工作", user=210)
    answered, _ = harness.press(210, 210, reply["_message_id"], buttons(reply)["👍"], edit=False)
    assert "谢谢" in answered.get("text", "")
    from bot.qlog import QuestionLog, log_path

    stats = QuestionLog(log_path(harness.config.data)).stats()
    assert stats.thumbs_up >= 1
    answered, edit = harness.press(210, 210, reply["_message_id"], "r:deadbeef:1", edit=False)
    assert "过期" in answered.get("text", "") and edit is None
    answered, _ = harness.press(210, 210, reply["_message_id"], "o:0000000000000000:L9", edit=False)
    assert "过期" in answered.get("text", "")


def test_rate_limit_message(harness):
    for i in range(6):
        reply = harness.ask(f"第{'一二三四五六'[i]}个聚力是什么", user=211)
        assert "聚力" in reply["text"]
    reply = harness.ask("第七个聚力是什么", user=211)
    assert "请稍等" in reply["text"]


def test_outline_and_sources_commands(harness):
    outline = harness.ask("/outline", user=212)
    assert "八个聚力（共八条）" in outline["text"]
    assert len(buttons(outline)) == 5
    sources = harness.ask("/sources", user=212)
    assert "shanting_2021-04_bulletin.txt" in sources["text"] and "2021年4月25日" in sources["text"]


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


def test_admin_uploads_a_bulletin_and_it_is_answered_a_moment_later(harness):
    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, "jiegan_2021-10.txt", NEW_BULLETIN.encode("gb18030"))
    done = harness.tg.wait_for(lambda m, p: m == "editMessageText" and "已收录" in p.get("text", ""),
                               start=start, timeout=120)
    assert "全区秸秆禁烧和综合利用工作推进会召开" in done["text"]
    assert "（3条）" in done["text"]
    assert (harness.config.corpus / "jiegan_2021-10.txt").is_file()
    reply = harness.ask("秸秆综合利用率要达到多少", user=214)
    assert "95%" in reply["text"] and "2021年10月12日" in reply["text"] and "周立新" in reply["text"]
    # the same file again adds nothing and says so
    start = harness.tg.mark()
    harness.tg.send_document(ADMIN, ADMIN, "copy.txt", NEW_BULLETIN.encode("utf-8"))
    again = harness.tg.wait_for(lambda m, p: m == "editMessageText" and "已经收录过" in p.get("text", ""),
                                start=start, timeout=60)
    assert "没有重复添加" in again["text"]
    assert not (harness.config.corpus / "copy.txt").exists()


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


def test_admin_stats(harness):
    reply = harness.ask("/stats", user=ADMIN)
    assert "今天提问" in reply["text"] and "回答率" in reply["text"] and "怎么做红烧肉" in reply["text"]


def test_bot_id_is_the_fake_servers(harness):
    assert harness.app.bot.id == BOT_ID


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
