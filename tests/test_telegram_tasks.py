"""The directive ledger in Telegram: /tasks 住建局 paged with 原文/全部要点, /due, /follow with one message when an
upload gives the unit a task, reminders before deadlines fired by a clock the test sets (never twice, never after
the deadline moved or the document was removed), surviving a restart. The real PTB Application, index and model
against the strict fake Bot API on 127.0.0.1, over our own bulletins of an invented county (tests/data/tasks)."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from bot.config import load_config
from bot.telegram import tasks as tg_tasks
from bot.telegram.service import BotContext
from tests.conftest import ROOT, make_config
from tests.fakebotapi import FakeTelegram
from tests.test_telegram_bot import TOKEN, BotHarness, buttons

ADMIN = 111
FOLLOWER = 601
OTHER = 602  # follows another unit
BLOCKER = 603  # follows, then blocks the bot
FORESTER = 604  # follows the forestry bureau
TASK_FILES = sorted((ROOT / "tests" / "data" / "tasks").glob("*.txt"))
# An upload (our own words) dated 2024-05-20: a new task for the housing bureau, and the old-housing task of the
# March plan restated with its deadline moved from 11月底 to 10月底.
UPLOAD = """白沙县召开城市建设调度会

发布时间：2024-05-20

　　5月20日，白沙县召开城市建设调度会，听取城区重点项目进展汇报。
　　会议要求，一是整治城区易涝积水点，由县住建局牵头，县水务局配合，7月底前完成20处积水点改造；二是完成城区老旧小区改造15个，同步加装电梯30部，由县住建局牵头，县财政局、石门镇人民政府配合，10月底前完成。
"""


# Added from the command line (our own words): a task for the forestry bureau, due at the end of the year.
FOREST = """白沙县部署松材线虫病防治工作

发布时间：2024-05-21

　　5月21日，白沙县召开松材线虫病防治工作会议。
　　会议要求，一是全面开展秋季普查，由县林业局牵头，各镇配合，12月底前完成全县松林普查；二是严格疫木管理，严禁疫木流出。
"""


def sent_to(tg: FakeTelegram, chat: int, start: int) -> list[dict]:
    return [p for m, p in tg.calls[start:] if m == "sendMessage" and int(p["chat_id"]) == chat and "_error" not in p]


def start(folder, tg, embedder, day: dt.date) -> BotHarness:
    from bot.search import Searcher

    config = load_config(folder / "config.yaml")
    h = BotHarness(config, Searcher(config, embedder), tg)
    h.start()
    assert h.app.job_queue.get_jobs_by_name("announce-added")  # the watch for bulletins added elsewhere runs
    for name in ("task-reminders-catch-up", "announce-added"):  # the test decides when these run, not the clock
        for job in h.app.job_queue.get_jobs_by_name(name):
            job.schedule_removal()
    h.service.today = lambda: day
    return h


def remind(h: BotHarness, day: dt.date) -> int:
    """The reminder job's callback, run on the bot's loop as the JobQueue would, on a day the test chooses."""
    return h.call(tg_tasks.send_reminders(BotContext(h.app), today=day))


@pytest.fixture(scope="module")
def ledger_bot(tmp_path_factory, embedder):
    from bot.ingest import sync

    folder = tmp_path_factory.mktemp("tgtasks")
    with FakeTelegram(TOKEN) as tg:
        path = make_config(folder, TASK_FILES, telegram={"base_url": tg.base_url, "base_file_url": tg.base_file_url,
                                                         "admins": [ADMIN], "access": "open"})
        sync(load_config(path), embedder)
        h = start(folder, tg, embedder, dt.date(2024, 5, 24))
        try:
            yield h, folder, embedder
        finally:
            if h.thread.is_alive():  # the last test stops it to restart
                h.stop()


def test_tasks_of_a_unit_paged_with_source_buttons(ledger_bot, monkeypatch):
    h = ledger_bot[0]
    monkeypatch.setattr(tg_tasks, "PAGE_TASKS", 1)
    first = h.ask("/tasks 住建局", user=FOLLOWER)
    assert "排水" in first["text"] and "第 1/2 页" in first["text"] and "2024-05-31" in first["text"]
    keys = buttons(first)
    assert {"1 原文", "1 全部要点", "下一页 ▶"} <= set(keys) and all(len(v.encode()) <= 64 for v in keys.values())
    _, second = h.press(FOLLOWER, FOLLOWER, first["_message_id"], keys["下一页 ▶"])
    assert "老旧小区" in second["text"] and "第 2/2 页" in second["text"] and "◀ 上一页" in buttons(second)
    assert "2 原文" in buttons(second)
    assert "没有由“区住建局”牵头的任务" in h.ask("/tasks 区住建局", user=FOLLOWER)["text"]
    assert "/tasks 住建局" in h.ask("/tasks", user=FOLLOWER)["text"]
    assert "请写简称" in h.ask("/tasks " + "住" * 19, user=FOLLOWER)["text"]  # would not fit a page button's 64 bytes
    assert "请写简称" in h.ask("/follow 住建局|x", user=FOLLOWER)["text"]


def test_a_question_about_a_units_duties_is_answered_with_its_task(ledger_bot):
    h = ledger_bot[0]
    text = h.ask("住建局要干啥", user=FOLLOWER)["text"]
    assert "牵头：县住建局" in text and "时限：" in text
    assert "没有找到" in h.ask("县人社局在城乡建设中要做哪些事", user=FOLLOWER)["text"]


def test_a_bulletin_added_from_the_command_line_is_announced_to_followers_once(ledger_bot, tmp_path):
    from bot.ingest import add_files
    from bot.telegram import admin

    h, _, embedder = ledger_bot
    assert "已关注" in h.ask("/follow 县林业局", user=FORESTER)["text"]
    assert "订阅" in h.ask("/subscribe", user=FORESTER)["text"]
    bulletin = tmp_path / "linye_0521.txt"
    bulletin.write_text(FOREST, encoding="utf-8")
    add_files(h.config, embedder, [bulletin])  # `policybot add`, while the bot runs
    mark = h.tg.mark()
    (added,) = h.call(admin.announce_added(BotContext(h.app)))
    h.tg.wait_for(lambda m, p: m == "sendMessage" and int(p["chat_id"]) == FORESTER and "新收录" in p["text"]
                  and "松材线虫病" in p["text"], start=mark)  # the subscribers' digest of the new bulletin
    time.sleep(0.3)
    texts = [p["text"] for p in sent_to(h.tg, FORESTER, mark)]
    assert len(texts) == 2 and any("布置了任务" in t and "12月底前" in t for t in texts)  # and the follower's note
    assert h.call(admin.announce_added(BotContext(h.app))) == []  # never twice
    assert not sent_to(h.tg, FOLLOWER, mark)  # the housing bureau got no task from it


def test_due_lists_the_next_30_days_by_unit(ledger_bot):
    h = ledger_bot[0]
    due = h.ask("/due", user=FOLLOWER)["text"]
    assert "【县住建局】" in due and "排水" in due
    assert "停车泊位" not in due  # 6月底: after the 30 days from 2024-05-24


def test_follow_upload_reminders_moves_removal_and_restart(ledger_bot):
    from bot.ingest import remove_bulletin

    h, folder, embedder = ledger_bot
    tg = h.tg
    assert "已关注“住建局”" in h.ask("/follow 住建局", user=FOLLOWER)["text"]
    assert "已经关注" in h.ask("/follow 住建局", user=FOLLOWER)["text"]
    assert "已关注" in h.ask("/follow 县城管局", user=OTHER)["text"]

    mark = tg.mark()
    tg.send_document(ADMIN, ADMIN, "diaodu_0520.txt", UPLOAD.encode("utf-8"))
    tg.wait_for(lambda m, p: m == "editMessageText" and "已收录" in p.get("text", ""), start=mark, timeout=120)
    time.sleep(0.3)
    told = sent_to(tg, FOLLOWER, mark)
    assert len(told) == 1  # one message, both tasks in it
    assert "积水点" in told[0]["text"] and "老旧小区" in told[0]["text"] and "原为2024年11月底前" in told[0]["text"]
    assert not sent_to(tg, OTHER, mark)  # the upload gives the city-management bureau no task
    from bot.telegram import admin

    assert h.call(admin.announce_added(BotContext(h.app))) == []  # an upload is not announced again by the watch

    stats = h.ask("/stats", user=ADMIN)["text"]
    assert "住建局：1 个聊天" in stats and "县城管局：1 个聊天" in stats

    mark = tg.mark()
    assert remind(h, dt.date(2024, 5, 24)) == 1  # 排水 is due 5-31: seven days before
    reminder = sent_to(tg, FOLLOWER, mark)
    assert len(reminder) == 1 and "还有 7 天到期" in reminder[0]["text"] and "排水" in reminder[0]["text"]
    assert remind(h, dt.date(2024, 5, 24)) == 0  # never twice for the same task and day
    assert remind(h, dt.date(2024, 11, 23)) == 0  # the old-housing task's old deadline: it was moved
    mark = tg.mark()
    assert remind(h, dt.date(2024, 10, 30)) == 1  # its new deadline, one day before
    assert "还有 1 天到期" in sent_to(tg, FOLLOWER, mark)[0]["text"]

    # The upload is removed: its new task is gone, and the old-housing task has its March deadline again.
    remove_bulletin(h.config, embedder, "diaodu_0520.txt")
    h.service.searcher.refresh()
    assert remind(h, dt.date(2024, 7, 24)) == 0  # 积水点 (7月底) no longer exists
    h.stop()

    # A restart: a new Application on the same store keeps follows and what was told.
    h2 = start(folder, tg, embedder, dt.date(2024, 5, 24))
    try:
        assert h2.app.job_queue.get_jobs_by_name("task-reminders")
        assert remind(h2, dt.date(2024, 5, 24)) == 0  # already told before the restart
        # Another follower has blocked the bot since following: the reminder gets 403 and the follow is dropped.
        assert "已关注" in h2.ask("/follow 住建局", user=BLOCKER)["text"]
        tg.block(BLOCKER)
        mark = tg.mark()
        assert remind(h2, dt.date(2024, 5, 30)) == 1
        assert "排水" in sent_to(tg, FOLLOWER, mark)[0]["text"]
        assert h2.service.store.follows(BLOCKER) == [] and h2.service.store.follows(FOLLOWER)
        assert "已取消关注：住建局" in h2.ask("/unfollow 住建局", user=FOLLOWER)["text"]
        assert remind(h2, dt.date(2024, 11, 29)) == 0  # no follower of the housing bureau any more
    finally:
        h2.stop()
