"""The directive ledger in Telegram: /tasks 住建局 (a unit's tasks, nearest deadline first, paged), /due (what falls
due in the next 30 days, by unit), /follow 住建局 and /unfollow; followers hear of a unit's new tasks when a bulletin
is added, and are reminded before each deadline (telegram.reminder_days, at telegram.reminder_at local time).

The ledger is read from the published index (bot.ledger), so a task whose deadline a later document moved is
reminded of by its new deadline only, and a removed document's tasks are gone. What a follower was told is kept
in the bot's store, so a reminder is sent once per task, deadline and day, across restarts.
"""

from __future__ import annotations

import datetime as dt
import logging

from telegram import Update
from telegram.ext import Application

from bot.config import reminder_time
from bot.ledger import LONG_TERM, Task, is_news, load_ledger, select, unit_matches
from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram.send import edit_parts, push, send_parts
from bot.telegram.service import BotContext, BotService
from bot.telegram_html import split_message

log = logging.getLogger("policybot.telegram")

PAGE_TASKS = 5  # tasks a page: five blocks of at most TEXT_CHARS stay far below Telegram's 4096 characters
TEXT_CHARS = 300
DUE_DAYS = 30
MAX_UNIT = 18  # characters of a unit's name: it travels in a page button's 64 bytes (3 bytes a character)

_cache: dict[tuple[str, dt.date], tuple[list[Task], dict[str, str]]] = {}


def ledger(svc: BotService, today: dt.date) -> tuple[list[Task], dict[str, str]]:
    """The tasks of the published index as of `today` (read once per index generation and day)."""
    snap = svc.snapshot()
    key = (snap.generation, today)
    found = _cache.get(key)
    if found is None:  # two threads may both read it: the same result, and the cache keeps one
        found = load_ledger(snap, svc.config, today)
        _cache.clear()
        _cache[key] = found
    return found


def _unit_arg(context: BotContext) -> str:
    return " ".join(context.args or []).strip()


def _unit_ok(unit: str) -> bool:
    """A name that fits a button's data (no field separator, short enough)."""
    return len(unit) <= MAX_UNIT and kb.SEP not in unit


def _page(items: list, page: int) -> tuple[int, int, list, int]:
    """(page, pages, the page's items, the number of its first item) of a list shown PAGE_TASKS a page."""
    pages = max(1, -(-len(items) // PAGE_TASKS))
    page = min(max(page, 0), pages - 1)
    return page, pages, items[page * PAGE_TASKS:(page + 1) * PAGE_TASKS], page * PAGE_TASKS + 1


def _keyboard(shown: list[Task], first: int, page: int, pages: int, page_action):
    """原文 / 全部要点 of each task shown, and ◀ / ▶ to the neighbouring pages (`page_action(n)` names page n)."""
    return kb.tasks_keyboard([(first + i, t.article_id, t.list_id) for i, t in enumerate(shown)],
                             page_action(page - 1) if page > 0 else None,
                             page_action(page + 1) if page + 1 < pages else None)


def unit_page(svc: BotService, unit: str, page: int) -> tuple[str, object] | None:
    """Page `page` of the tasks `unit` leads (text, keyboard), or None when it leads none."""
    tasks, aliases = ledger(svc, svc.today())
    found = select(tasks, aliases, unit)
    if not found:
        return None
    page, pages, shown, first = _page(found, page)
    blocks = [msg.task_block(first + i, t, TEXT_CHARS) for i, t in enumerate(shown)]
    return (msg.tasks_page(unit, blocks, page, pages, len(found)),
            _keyboard(shown, first, page, pages, lambda n: kb.TaskPage(unit, n)))


def due_soon(tasks: list[Task], today: dt.date, days: int) -> list[Task]:
    """Tasks whose deadline falls from today to `days` days on, nearest first."""
    last = (today + dt.timedelta(days=days)).isoformat()
    return [t for t in tasks if t.deadline and t.deadline != LONG_TERM and today.isoformat() <= t.deadline <= last]


def due_page(svc: BotService, page: int) -> tuple[str, object]:
    """Page `page` of what falls due in the next DUE_DAYS days, by lead unit (a task led by two is under each)."""
    today = svc.today()
    tasks, _ = ledger(svc, today)
    rows = sorted(((unit, t) for t in due_soon(tasks, today, DUE_DAYS) for unit in (t.lead or (msg.NO_LEAD,))),
                  key=lambda row: (row[0], row[1].deadline))
    if not rows:
        return msg.nothing_due(DUE_DAYS), None
    page, pages, shown, first = _page(rows, page)
    groups: list[tuple[str, list[str]]] = []
    for i, (unit, task) in enumerate(shown):
        if not groups or groups[-1][0] != unit:
            groups.append((unit, []))
        groups[-1][1].append(msg.task_block(first + i, task, TEXT_CHARS))
    return (msg.due_page(DUE_DAYS, groups, page, pages, len(rows)),
            _keyboard([t for _, t in shown], first, page, pages, kb.DuePage))


async def on_tasks(update: Update, context: BotContext) -> None:
    """/tasks 住建局 — the unit's tasks, nearest deadline first, five a page."""
    svc, message = context.service, update.effective_message
    unit = _unit_arg(context)
    if not unit:
        await message.reply_text(msg.TASKS_USAGE)
        return
    if not _unit_ok(unit):
        await message.reply_text(msg.UNIT_TOO_LONG)
        return
    shown = await svc.run(svc.query_pool, unit_page, svc, unit, 0)
    if shown is None:
        await message.reply_text(msg.no_tasks(unit))
        return
    await send_parts(message, split_message(shown[0]), shown[1])


async def on_task_page(update: Update, context: BotContext) -> None:
    svc, query = context.service, update.callback_query
    action = kb.decode(query.data)
    shown = await svc.run(svc.query_pool, unit_page, svc, action.unit, action.page)
    await query.answer()
    if shown is None:
        await edit_parts(update, [msg.no_tasks(action.unit)], None)
        return
    await edit_parts(update, split_message(shown[0]), shown[1])


async def on_due(update: Update, context: BotContext) -> None:
    """/due — what falls due in the next 30 days, by unit."""
    svc = context.service
    text, markup = await svc.run(svc.query_pool, due_page, svc, 0)
    await send_parts(update.effective_message, split_message(text), markup)


async def on_due_page(update: Update, context: BotContext) -> None:
    svc, query = context.service, update.callback_query
    text, markup = await svc.run(svc.query_pool, due_page, svc, kb.decode(query.data).page)
    await query.answer()
    await edit_parts(update, split_message(text), markup)


# ---------------------------------------------------------------- following a unit


async def on_follow(update: Update, context: BotContext) -> None:
    """/follow 住建局 — the chat hears of the unit's new tasks and is reminded before each deadline."""
    svc, message = context.service, update.effective_message
    unit = _unit_arg(context)
    if not unit:
        units = [u for _, u in svc.store.follows(update.effective_chat.id)]
        await message.reply_text(msg.following_list(units) if units else msg.FOLLOW_USAGE)
        return
    if not _unit_ok(unit):
        await message.reply_text(msg.UNIT_TOO_LONG)
        return
    if not svc.store.follow(update.effective_chat.id, unit):
        await message.reply_text(msg.already_following(unit))
        return
    today = svc.today()
    tasks, aliases = await svc.run(svc.query_pool, ledger, svc, today)
    open_tasks = [t for t in select(tasks, aliases, unit) if t.status == "open"]
    telegram = svc.config.telegram
    await message.reply_text(msg.followed(unit, telegram.reminder_days, telegram.reminder_at, len(open_tasks)))


async def on_unfollow(update: Update, context: BotContext) -> None:
    """/unfollow 住建局 (one unit), /unfollow 全部 (every one); without a name: the units followed."""
    svc, message, chat = context.service, update.effective_message, update.effective_chat.id
    unit = _unit_arg(context)
    units = [u for _, u in svc.store.follows(chat)]
    if not units:
        await message.reply_text(msg.following_none())
        return
    if not unit:
        await message.reply_text(msg.following_list(units))
        return
    gone = units if unit in ("全部", "所有", "all") else [u for u in units if u == unit]
    if not gone:
        await message.reply_text(msg.following_list(units))
        return
    for u in gone:
        svc.store.unfollow(chat, u)
    await message.reply_text(msg.unfollowed(gone))


def _followers(svc: BotService, task: Task, aliases: dict[str, str]) -> list[tuple[int, str]]:
    """(chat, unit followed) of the chats following a unit that leads `task`."""
    return [(chat, unit) for chat, unit in svc.store.follows()
            if any(unit_matches(unit, lead, aliases) for lead in task.lead)]


async def _tell(context: BotContext, chat_id: int, text: str) -> bool:
    """Send a note to a follower; a chat that blocked the bot or is gone stops following, a group that became a
    supergroup keeps its follows under its new id."""
    store = context.service.store

    def moved(old: int, new: int) -> None:
        for _, unit in store.follows(old):
            store.follow(new, unit)
        store.unfollow(old)

    return await push(context.bot, chat_id, split_message(text), None, gone=store.unfollow, moved=moved,
                      what="note to follower")


async def notify_new_tasks(context: BotContext, added: list[str]) -> int:
    """After an upload: one message to each chat following a unit that the new articles `added` give a task (a
    new one, a moved deadline or a corrected figure; not one restated word for word). Returns the chats told."""
    svc = context.service
    if not added or not svc.store.follows():
        return 0
    today = svc.today()
    tasks, aliases = await svc.run(svc.query_pool, ledger, svc, today)
    new = set(added)
    per_chat: dict[int, list[tuple[str, str, Task]]] = {}
    for task in tasks:
        if task.article_id not in new or not is_news(task):
            continue
        for chat, unit in _followers(svc, task, aliases):
            if svc.store.tell_task_once(chat, f"new:{task.task_id}@{task.deadline}", ""):
                per_chat.setdefault(chat, []).append((unit, msg.task_block(None, task, TEXT_CHARS), task))
    told = 0
    for chat, items in per_chat.items():
        text = msg.new_tasks_note([(unit, block) for unit, block, _ in items])
        told += await _tell(context, chat, text)
    return told


async def send_reminders(context: BotContext, today: dt.date | None = None) -> int:
    """The day's reminders: to each follower, the tasks of its units due in one of telegram.reminder_days
    (at most once per task, deadline and day, whatever restarts or catch-ups happen). Returns the chats told."""
    svc = context.service
    if not svc.store.follows():
        return 0
    today = today or svc.today()
    tasks, aliases = await svc.run(svc.query_pool, ledger, svc, today)
    days = set(svc.config.telegram.reminder_days)
    per_chat: dict[int, list[tuple[str, int, str]]] = {}
    told_what: dict[int, list[str]] = {}
    for task in tasks:
        if not task.deadline or task.deadline == LONG_TERM:
            continue
        left = (dt.date.fromisoformat(task.deadline) - today).days
        if left not in days:
            continue
        for chat, unit in _followers(svc, task, aliases):
            what = f"remind:{task.task_id}@{task.deadline}"
            if svc.store.tell_task_once(chat, what, today.isoformat()):
                per_chat.setdefault(chat, []).append((unit, left, msg.task_block(None, task, TEXT_CHARS)))
                told_what.setdefault(chat, []).append(what)
    told = 0
    for chat, items in per_chat.items():
        text = msg.reminder_note(items)
        if await _tell(context, chat, text):
            told += 1
        else:
            for what in told_what[chat]:  # not delivered: the next run may try again
                svc.store.untell_task(chat, what, today.isoformat())
    if told:
        log.info("task reminders sent to %d chat(s)", told)
    return told


async def _catch_up(context: BotContext) -> None:
    """At start: today's reminders if their hour has passed (the bot was down at that time); sent ones are not
    sent again."""
    telegram = context.service.config.telegram
    if dt.datetime.now(telegram.zone).time() >= reminder_time(telegram.reminder_at):
        await send_reminders(context)


def schedule_reminders(app: Application) -> None:
    """Every day at telegram.reminder_at local time (PTB's JobQueue), and once soon after start."""
    if app.job_queue is None:
        log.warning("no job queue (install python-telegram-bot[job-queue]): no task reminders")
        return
    telegram = app.bot_data["service"].config.telegram
    at = reminder_time(telegram.reminder_at).replace(tzinfo=telegram.zone)
    app.job_queue.run_daily(send_reminders, at, name="task-reminders")
    app.job_queue.run_once(_catch_up, 1, name="task-reminders-catch-up")
