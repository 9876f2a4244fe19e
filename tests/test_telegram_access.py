"""Who may use the bot (telegram.access: members): strangers apply, admins decide, groups are enabled by
admins; the first admin claims the bot with the code printed at start; /feedback shows what went wrong.
The real PTB Application, index and model against the strict fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import csv
import logging
import os
import re
import shutil
import subprocess
import sys
import time

import pytest

from bot.config import load_config
from tests.conftest import ROOT, make_config
from tests.fakebotapi import FakeTelegram
from tests.test_telegram_bot import TOKEN, BotHarness, Recorder, buttons

ADMIN = 111
PRE_APPROVED = 120  # telegram.members in the config
CLOSED_GROUP = -100500600
QUESTION = "第三个聚力是什么"
PASSAGE = "项目招引"


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", "", html)


def sent_to(tg: FakeTelegram, chat: int, start: int) -> list[dict]:
    return [p for m, p in tg.calls[start:] if m == "sendMessage" and int(p["chat_id"]) == chat]


@pytest.fixture(scope="module")
def recorder():
    rec = Recorder()
    root = logging.getLogger()
    level = root.level
    root.setLevel(logging.WARNING)  # what `policybot run` shows by default
    root.addHandler(rec)
    yield rec
    root.removeHandler(rec)
    root.setLevel(level)
    assert not any(TOKEN in line for line in rec.lines)  # the token is never printed
    assert not [line for line in rec.lines if "error while handling" in line]


def start_harness(folder, built, embedder, tg: FakeTelegram, **telegram) -> BotHarness:
    from bot.search import Searcher

    if not (folder / "index").exists():
        shutil.copytree(built.index, folder / "index")
    config = load_config(make_config(folder, telegram={"base_url": tg.base_url, "base_file_url": tg.base_file_url,
                                                       **telegram}))
    harness = BotHarness(config, Searcher(config, embedder), tg)
    harness.start()
    return harness


@pytest.fixture(scope="module")
def members(built, embedder, tmp_path_factory, recorder):
    """The bot in members mode (the default) with one admin and one pre-approved member."""
    with FakeTelegram(TOKEN) as tg:
        h = start_harness(tmp_path_factory.mktemp("access"), built, embedder, tg, admins=[ADMIN],
                          members=[PRE_APPROVED])
        tg.open_chat(ADMIN)  # the admin pressed Start long ago: applications can reach them
        try:
            yield h
        finally:
            h.stop()


def apply_and_decide(h: BotHarness, user: int, verdict: str) -> dict:
    """A stranger asks, presses 申请使用; the admin presses `verdict`; returns what the stranger is told."""
    tg = h.tg
    note = h.ask(QUESTION, user=user)
    assert PASSAGE not in note["text"] and "授权" in note["text"]
    start = tg.mark()
    answered, edit = h.press(user, user, note["_message_id"], buttons(note)["申请使用"])
    assert edit is not None and "已提交" in edit["text"] and not buttons(edit)
    application = tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == ADMIN
                              and str(user) in p["text"], start=start)
    assert f"用户{user}" in application["text"] and set(buttons(application)) == {"同意", "拒绝"}
    start = tg.mark()
    _, decided = h.press(ADMIN, ADMIN, application["_message_id"], buttons(application)[verdict])
    assert decided is not None and ("已同意" if verdict == "同意" else "已拒绝") in decided["text"]
    return tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == user, start=start)


def test_a_stranger_applies_is_approved_answered_and_revoked(members):
    h, tg, stranger = members, members.tg, 401
    told = apply_and_decide(h, stranger, "同意")
    assert "已通过" in told["text"]
    answer = h.ask(QUESTION, user=stranger)
    assert PASSAGE in plain(answer["text"])

    assert f"{stranger}" in h.ask("/members", user=ADMIN)["text"]
    assert "已移除" in h.ask(f"/revoke {stranger}", user=ADMIN)["text"]
    again = h.ask(QUESTION, user=stranger)
    assert PASSAGE not in again["text"] and "申请使用" in buttons(again)
    # The revoked user's old buttons answer with an alert, never a passage.
    start = tg.mark()
    answered, edit = h.press(stranger, stranger, answer["_message_id"], buttons(answer)["下一条 ▶"], edit=False)
    assert answered.get("show_alert") and "授权" in answered["text"] and edit is None
    assert not sent_to(tg, stranger, start)


def test_a_rejected_applicant_is_told_and_stays_out(members):
    told = apply_and_decide(members, 402, "拒绝")
    assert "未获同意" in told["text"]
    assert PASSAGE not in members.ask(QUESTION, user=402)["text"]


def test_pre_approved_members_and_admins_are_answered(members):
    assert PASSAGE in plain(members.ask(QUESTION, user=PRE_APPROVED)["text"])
    assert PASSAGE in plain(members.ask(QUESTION, user=ADMIN)["text"])
    assert "配置文件" in members.ask(f"/revoke {PRE_APPROVED}", user=ADMIN)["text"]
    assert "管理员" in members.ask("/members", user=PRE_APPROVED)["text"]  # members are not admins


def test_a_strangers_inline_query_gets_no_passage_but_a_way_to_apply(members):
    tg = members.tg
    for user, expect_results in ((403, False), (PRE_APPROVED, True)):
        start = tg.mark()
        query_id = tg.send_inline_query(user, QUESTION)
        answer = tg.wait_for(lambda m, p: m == "answerInlineQuery" and p["inline_query_id"] == query_id, start=start)
        assert bool(answer["results"]) is expect_results
    start = tg.mark()
    query_id = tg.send_inline_query(403, QUESTION)
    answer = tg.wait_for(lambda m, p: m == "answerInlineQuery" and p["inline_query_id"] == query_id, start=start)
    assert answer["button"]["start_parameter"] == "apply" and PASSAGE not in str(answer)


def test_a_group_not_allowed_hears_once_then_nothing_until_an_admin_allows_it(members):
    h, tg = members, members.tg
    notice = h.ask(f"/ask {QUESTION}", user=PRE_APPROVED, chat=CLOSED_GROUP, chat_type="supergroup")
    assert "尚未启用" in notice["text"] and PASSAGE not in notice["text"]
    start = tg.mark()
    tg.send_text(CLOSED_GROUP, 404, f"/ask {QUESTION}", chat_type="supergroup")
    tg.send_text(CLOSED_GROUP, 404, "/allowchat", chat_type="supergroup")  # not an admin: silence too
    time.sleep(0.8)
    assert not sent_to(tg, CLOSED_GROUP, start)
    assert "已在本群启用" in h.ask("/allowchat", user=ADMIN, chat=CLOSED_GROUP, chat_type="supergroup")["text"]
    answer = h.ask(f"/ask {QUESTION}", user=404, chat=CLOSED_GROUP, chat_type="supergroup")
    assert PASSAGE in plain(answer["text"])
    # Anyone in an allowed group may press the buttons under the group's answers.
    answered, edit = h.press(CLOSED_GROUP, 405, answer["_message_id"], buttons(answer)["下一条 ▶"])
    assert "text" not in answered and edit is not None


def test_a_group_an_admin_adds_the_bot_to_is_allowed(members):
    h, tg, group = members, members.tg, -100500800
    start = tg.mark()
    tg.add_bot_to_group(group, ADMIN)
    greeting = tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == group, start=start)
    assert "已在本群启用" in greeting["text"]
    assert PASSAGE in plain(h.ask(f"/ask {QUESTION}", user=406, chat=group, chat_type="supergroup")["text"])
    # Only the group's own administrators subscribe it to new-bulletin notes.
    assert "只有本群的管理员" in h.ask("/subscribe", user=406, chat=group, chat_type="supergroup")["text"]
    tg.chat_admins[group] = {407}
    assert "已订阅" in h.ask("/subscribe", user=407, chat=group, chat_type="supergroup")["text"]
    assert group in h.service.store.subscribers()


def test_feedback_lists_a_thumbs_down_and_opens_that_answer(members, capsys):
    h, tg = members, members.tg
    reply = h.ask("要素保障怎么落实", user=PRE_APPROVED)
    answered, _ = h.press(PRE_APPROVED, PRE_APPROVED, reply["_message_id"], buttons(reply)["👎"], edit=False)
    assert "谢谢" in answered["text"]
    listing = h.ask("/feedback", user=ADMIN)
    assert "要素保障怎么落实" in listing["text"] and "答：" in listing["text"] and "《" in listing["text"]
    start = tg.mark()
    h.press(ADMIN, ADMIN, listing["_message_id"], next(v for k, v in buttons(listing).items() if "要素保障" in k),
            edit=False)
    opened = tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == ADMIN, start=start)
    assert opened["text"] == reply["text"] and "👎" in buttons(opened)
    assert "管理员" in h.ask("/feedback", user=PRE_APPROVED)["text"]

    from bot.cli import main

    assert main(["--config", str(h.config.path), "log", "--feedback", "down"]) == 0
    out, err = capsys.readouterr()
    row = next(line for line in out.splitlines() if "要素保障怎么落实" in line)
    fields = next(csv.reader([row]))
    assert fields[4] == "yes" and fields[6] and fields[-1] == "-1"  # answered, what was answered (its title), 👎
    assert re.search(r"^\d+ questions", err)


def test_the_weekly_summary_names_the_unanswered_questions_asked_most(members):
    h, tg = members, members.tg
    for _ in range(2):
        assert "没有找到" in h.ask("怎么做红烧肉", user=PRE_APPROVED)["text"]
    assert "没有找到" in h.ask("垃圾分类怎么收费", user=PRE_APPROVED)["text"]
    assert "没有找到" not in h.ask("明天天气怎么样", user=PRE_APPROVED)["text"]  # small talk: not a missing bulletin
    (job,) = h.app.job_queue.get_jobs_by_name("weekly-summary")
    start = tg.mark()
    h.call(job.run(h.app))
    note = tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == ADMIN, start=start)
    text = plain(note["text"])
    assert "怎么做红烧肉（2 次）" in text and text.index("红烧肉") < text.index("垃圾分类") and "天气" not in text


def test_claim_code_makes_the_first_admin_and_access_survives_a_restart(built, embedder, tmp_path, recorder):
    folder = tmp_path / "claim"
    with FakeTelegram(TOKEN) as tg:
        start_line = len(recorder.lines)
        h = start_harness(folder, built, embedder, tg)
        try:
            printed = [line for line in recorder.lines[start_line:] if "claim" in line]
            assert len(printed) == 1
            code = re.search(r"/claim (\d+)", printed[0]).group(1)
            assert "不正确" in h.ask("/claim 00000000", user=501)["text"]
            mark = tg.mark()
            assert "成为本机器人的管理员" in h.ask(f"/claim {code}", user=501)["text"]
            menu = tg.wait_for(lambda m, p: m == "setMyCommands" and p.get("scope", {}).get("type") == "chat",
                               start=mark)
            assert "members" in {c["command"] for c in menu["commands"]}
            assert any("claim: user 501" in line for line in recorder.lines[start_line:])
            assert "已有管理员" in h.ask(f"/claim {code}", user=502)["text"]  # one time only
            assert "已通过" in apply_and_decide_as(h, 503, admin=501)["text"]
        finally:
            h.stop()
        # A new Application on the same data: the admin and the member are still there, no new code.
        start_line = len(recorder.lines)
        h = start_harness(folder, built, embedder, tg)
        try:
            assert not [line for line in recorder.lines[start_line:] if "claim" in line]
            assert PASSAGE in plain(h.ask(QUESTION, user=503)["text"])
            assert "503" in h.ask("/members", user=501)["text"]
        finally:
            h.stop()


def apply_and_decide_as(h: BotHarness, user: int, admin: int) -> dict:
    tg = h.tg
    note = h.ask(QUESTION, user=user)
    start = tg.mark()
    h.press(user, user, note["_message_id"], buttons(note)["申请使用"])
    application = tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == admin, start=start)
    start = tg.mark()
    h.press(admin, admin, application["_message_id"], buttons(application)["同意"])
    return tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == user, start=start)


def test_private_chats_are_paced_and_groups_are_not_slowed_by_them():
    from bot.telegram.send import PacedRateLimiter

    async def burst() -> tuple[float, float]:
        limiter = PacedRateLimiter(private_burst=2, private_per_second=20.0)

        async def send(*args, **kwargs):
            return True

        async def timed(chat_id: int, n: int) -> float:
            started = time.monotonic()
            await asyncio.gather(*[limiter.process_request(send, (), {}, "sendMessage", {"chat_id": chat_id}, None)
                                   for _ in range(n)])
            return time.monotonic() - started

        return await timed(42, 10), await timed(-100, 10)

    private, group = asyncio.run(burst())
    assert private >= 0.35  # 8 beyond the burst of 2, at 20 a second
    assert group < 0.1


def test_run_with_telegram_unreachable_says_so_in_one_line(built, tmp_path, capsys, monkeypatch):
    from bot.cli import main
    from tests.test_telegram_bot import free_port

    cfg = make_config(tmp_path, index=str(built.index),
                      telegram={"base_url": f"http://127.0.0.1:{free_port()}/bot", "admins": [ADMIN]})
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", TOKEN)
    assert main(["--config", str(cfg), "run"]) == 1
    _, err = capsys.readouterr()
    assert "cannot reach Telegram" in err and "Traceback" not in err and TOKEN not in err
    assert len(err.strip().splitlines()) == 1


def test_the_policybot_process_end_to_end(built, tmp_path):
    """`python -m bot run` as deployed, over loopback only: access (apply, approve, answer, revoke; a stranger's
    inline query; a group not allowed, then allowed), follow-ups, small talk, an admin's PDF upload answered, and
    /feedback showing a 👎 — one process, its own copy of the index (the upload must not touch the shared one)."""
    shutil.copytree(built.index, tmp_path / "index")
    with FakeTelegram(TOKEN) as tg:
        cfg = make_config(tmp_path, telegram={"base_url": tg.base_url, "base_file_url": tg.base_file_url,
                                              "admins": [ADMIN]})
        tg.open_chat(ADMIN)
        env = {**os.environ, "TELEGRAM_BOT_TOKEN": TOKEN, "PYTHONPATH": str(ROOT)}
        proc = subprocess.Popen([sys.executable, "-m", "bot", "--config", str(cfg), "run"], cwd=tmp_path, env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            tg.wait_for(lambda m, p: m == "setMyCommands", timeout=60)  # started: the model is loaded
            h = ProcessHarness(tg)
            # A stranger gets no passage but the 申请使用 button; approved, they are answered; revoked, not.
            note = h.ask(QUESTION, user=601)
            assert PASSAGE not in note["text"] and "申请使用" in buttons(note)
            start = tg.mark()
            query_id = tg.send_inline_query(603, QUESTION)
            inline = tg.wait_for(lambda m, p: m == "answerInlineQuery" and p["inline_query_id"] == query_id,
                                 start=start)
            assert inline["results"] == [] and PASSAGE not in str(inline)
            told = apply_and_decide(h, 602, "同意")
            assert "已通过" in told["text"]
            assert PASSAGE in plain(h.ask(QUESTION, user=602)["text"])

            # Follow-ups refer to the last answer; small talk gets an introduction.
            h.ask("八个聚力分别是什么", user=602)
            third = plain(h.ask("第三个呢", user=602)["text"])
            assert "三要聚力项目招引" in third
            assert h.ask("这是谁讲的", user=602)["text"].startswith("这是区委书记毕志伟讲的。")
            h.ask("刘宗国提了哪些要求", user=602)
            third = plain(h.ask("第三个呢", user=602)["text"])
            assert "三要有善谋善胜" in third and "聚力" not in third
            hello = h.ask("你好", user=602)["text"]
            assert "可以这样问" in hello and "没有找到" not in hello

            # 👎 on an answer; the admin's /feedback lists it.
            reply = h.ask("要素保障怎么落实", user=602)
            h.press(602, 602, reply["_message_id"], buttons(reply)["👎"], edit=False)
            assert "要素保障怎么落实" in h.ask("/feedback", user=ADMIN)["text"]

            assert "已移除" in h.ask("/revoke 602", user=ADMIN)["text"]
            assert PASSAGE not in h.ask(QUESTION, user=602)["text"]

            # A group not allowed hears one notice, then nothing; after /allowchat its /ask is answered.
            group = -100500900
            notice = h.ask(f"/ask {QUESTION}", user=ADMIN + 1, chat=group, chat_type="supergroup")
            assert "尚未启用" in notice["text"]
            start = tg.mark()
            tg.send_text(group, ADMIN + 1, f"/ask {QUESTION}", chat_type="supergroup")
            time.sleep(0.8)
            assert not sent_to(tg, group, start)
            assert "已在本群启用" in h.ask("/allowchat", user=ADMIN, chat=group, chat_type="supergroup")["text"]
            assert PASSAGE in plain(h.ask(f"/ask {QUESTION}", user=ADMIN + 1, chat=group,
                                          chat_type="supergroup")["text"])

            # An admin's PDF upload is indexed, and a question about it answered.
            pdf = ROOT / "tests" / "data" / "pdf" / "red_notice.pdf"
            start = tg.mark()
            tg.send_document(ADMIN, ADMIN, pdf.name, pdf.read_bytes())
            done = tg.wait_for(lambda m, p: m == "editMessageText" and ("已收录" in p.get("text", "")
                                                                       or "未收录" in p.get("text", "")),
                               start=start, timeout=120)
            assert "已收录" in done["text"]
            assert "扩建东岭水库水厂" in plain(h.ask("东岭水库水厂扩建有什么安排", user=ADMIN)["text"])
        finally:
            proc.terminate()
            _, err = proc.communicate(timeout=30)
        assert TOKEN not in err and "Traceback" not in err
    assert all(url.startswith("http://127.0.0.1:") for url in (tg.base_url, tg.base_file_url))


class ProcessHarness(BotHarness):
    """The conversation helpers of BotHarness, for a bot running in another process."""

    def __init__(self, tg: FakeTelegram):
        self.tg = tg
