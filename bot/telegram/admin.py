"""Admin handlers: bulletin uploads, /sources with remove (confirmed) and set-date buttons, /reindex,
/stats, the admins' command menu, and the subscribers' digest sent when new articles arrive.

Every change goes through bot.ingest's locked, journalled operations, as the CLI's do."""

from __future__ import annotations

import asyncio
import logging
import re
import tempfile
import time
from pathlib import Path

from telegram import BotCommandScopeChat, BotCommandScopeChatMember, ForceReply, Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import filters

from bot.errors import IndexBusy, PolicyBotError
from bot.ingest import add_files, remove_bulletin, set_date, sync
from bot.inspection import file_record
from bot.load import format_problem
from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram import commands, tasks
from bot.telegram.commands import article_summaries
from bot.telegram.send import push, send_parts
from bot.telegram.service import BotContext, BotService
from bot.telegram_html import split_message

log = logging.getLogger("policybot.telegram")

DIGEST_ARTICLES = 10  # a digest names at most this many articles (and their lists) as buttons
DIGEST_BUTTONS = 20
ANNOUNCE_EVERY = 120  # seconds between looks for bulletins added outside the bot


async def on_admin_seen(update: Update, context: BotContext) -> None:
    """The first time an admin writes in a chat, that chat's command menu gets the admin commands.

    (Set at start, it fails with "chat not found" for admins who have not opened the chat yet.)"""
    svc = context.service
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or user.id not in svc.admins or (chat.id, user.id) in svc.menus_set:
        return
    svc.menus_set.add((chat.id, user.id))
    scope = BotCommandScopeChat(chat.id) if chat.type == ChatType.PRIVATE else BotCommandScopeChatMember(chat.id,
                                                                                                         user.id)
    try:
        await context.bot.set_my_commands(msg.ADMIN_COMMANDS, scope=scope)
    except TelegramError as exc:
        svc.menus_set.discard((chat.id, user.id))  # try again on the admin's next message
        log.warning("could not set the admin command menu in chat %s: %s", chat.id, exc)


def _article_ids(svc: BotService) -> set[str]:
    return {a["article_id"] for a in svc.snapshot().articles()}


def _changing(svc: BotService, change, *args, **kwargs):
    """Run an index change in the index worker; return (ids of the articles it added, its report).

    Changes are serialized in that worker, so each digest names only the articles its own change added; they are
    marked announced there too, so the watch for bulletins added elsewhere (`announce_added`) never repeats them."""
    before = _article_ids(svc)
    report = change(*args, **kwargs)
    added = [a["article_id"] for a in svc.snapshot().articles() if a["article_id"] not in before]
    svc.store.unannounced(added)
    return added, report


def _added_elsewhere(svc: BotService) -> list[str]:
    """Articles of the published index not announced yet (added with `policybot add`, or by another process)."""
    svc.searcher.refresh()
    return svc.store.unannounced([a["article_id"] for a in svc.snapshot().articles()])


async def announce_added(context: BotContext) -> list[str]:
    """Every few minutes: bulletins added outside the bot (the command line, a script) get the same digest to
    subscribers and the same note to followers as an upload. Runs in the index worker, after any change there."""
    svc = context.service
    added = await svc.run(svc.index_pool, _added_elsewhere, svc)
    if added:
        schedule_digest(context, added)
        await tasks.notify_new_tasks(context, added)
    return added


def announce_baseline(svc: BotService) -> None:
    """At the bot's first start, what the index holds counts as announced (a new bot does not announce its archive)."""
    svc.store.announce_baseline([a["article_id"] for a in svc.snapshot().articles()])


def watch_added(app, every_seconds: float = ANNOUNCE_EVERY) -> None:
    """Schedule `announce_added` (PTB's JobQueue)."""
    if app.job_queue is None:
        log.warning("no job queue (install python-telegram-bot[job-queue]): bulletins added elsewhere not announced")
        return
    app.job_queue.run_repeating(announce_added, every_seconds, first=1, name="announce-added")


def schedule_digest(context: BotContext, new: list[str]) -> int:
    """Queue one digest of the articles `new`; returns how many chats get it."""
    svc = context.service
    subscribers = len(svc.store.subscribers())
    if not new or not subscribers:
        return 0
    if context.application.job_queue is None:  # PTB installed without its job-queue extra
        log.warning("no job queue (install python-telegram-bot[job-queue]): digest not sent")
        return 0
    context.application.job_queue.run_once(send_digest, 0, data=new, name="digest")
    return subscribers


async def send_digest(context: BotContext) -> None:
    """One short note to every subscriber: new articles, their directive headlines, buttons to read each.

    Sending goes through PTB's rate limiter (Telegram's overall and per-group limits); a chat that
    blocked the bot or no longer exists is unsubscribed."""
    svc = context.service
    summaries = article_summaries(svc, list(context.job.data))[:DIGEST_ARTICLES]
    if not summaries:
        return
    text = msg.digest_text([(a["title"], a["date_text"], [(nl.label, nl.size, nl.headlines) for nl in lists])
                            for a, lists in summaries])
    buttons = []
    for a, lists in summaries:
        buttons += [(msg.read_list_button(nl.label), kb.ReadList(nl.list_id)) for nl in lists]
        buttons.append((msg.read_article_button(a["title"]), kb.FullText(a["article_id"])))
    markup = kb.digest_keyboard(buttons[:DIGEST_BUTTONS])
    parts = split_message(text)

    def moved(old: int, new: int) -> None:  # a group became a supergroup: its subscription moves along
        svc.store.unsubscribe(old)
        svc.store.subscribe(new)

    sent = 0
    for chat_id in svc.store.subscribers():
        sent += await push(context.bot, chat_id, parts, markup, gone=svc.store.unsubscribe, moved=moved,
                           what="digest")
    log.info("digest of %d article(s) sent to %d chat(s)", len(summaries), sent)


async def on_document(update: Update, context: BotContext) -> None:
    """An admin's bulletin file is added to corpus/ and the index; anyone else gets a polite refusal."""
    svc = context.service
    message = update.effective_message
    if not svc.is_admin(update):
        await message.reply_text(msg.UPLOAD_ADMIN_ONLY)
        return
    doc = message.document
    name = Path(doc.file_name or "bulletin.txt").name
    limit = svc.config.max_file_bytes
    problem = format_problem(name)  # .doc/.wps: how to save it as .docx or PDF
    if problem:
        await message.reply_text(problem)
        return
    if doc.file_size and doc.file_size > limit:
        await message.reply_text(msg.file_too_big(doc.file_size, svc.config.ingest.max_file_mb))
        return
    status = await message.reply_text(msg.ingesting(name))
    tg_file = await doc.get_file()
    data = bytes(await tg_file.download_as_bytearray())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            added, report = await svc.run(svc.index_pool, _changing, svc, add_files, svc.config,
                                           svc.searcher.embedder, [path], wait_seconds=600)
        except PolicyBotError as exc:
            await status.edit_text(msg.not_ingested(name, exc.message))
            return
        understood = ""
        if (report.articles_added or report.articles_replaced) and report.parsed:
            # What the add read, as `policybot inspect` shows it (not parsed a second time).
            understood = "\n\n" + msg.understanding_text(file_record(report.parsed[0]))
    await svc.run(svc.query_pool, svc.searcher.refresh)
    notified = schedule_digest(context, added)
    await tasks.notify_new_tasks(context, added)  # followers of a unit the new bulletin gives a task
    undated = [(a.title, a.article_id) for pb in report.parsed for a in pb.articles
               if a.date is None and a.article_id in added]
    text = msg.report_text(report, name) + understood + msg.digest_scheduled(notified)
    if undated:  # offer to set what could not be read from the bulletin
        text += "\n\n" + msg.UNKNOWN_DATES
    await status.edit_text(_fit(text), reply_markup=kb.set_date_keyboard(undated[:10]) if undated else None)


def _fit(text: str, limit: int = 4096) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def on_reindex(update: Update, context: BotContext) -> None:
    """/reindex — rebuild everything, showing progress in one edited message."""
    svc = context.service
    if not svc.is_admin(update):
        await update.effective_message.reply_text(msg.ADMIN_ONLY)
        return
    status = await update.effective_message.reply_text(msg.REINDEXING)
    loop = asyncio.get_running_loop()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < 1.0 and done < total:
            return  # Telegram flood limits: at most one edit a second
        last[0] = now
        asyncio.run_coroutine_threadsafe(_quiet_edit(status, msg.reindex_progress(stage, done, total)), loop)

    try:
        added, report = await svc.run(svc.index_pool, _changing, svc, sync, svc.config, svc.searcher.embedder,
                                       rebuild=True, progress=progress, wait_seconds=600)
    except IndexBusy as exc:
        await status.edit_text(exc.message)
        return
    await svc.run(svc.query_pool, svc.searcher.refresh)
    notified = schedule_digest(context, added)  # bulletins an admin copied into corpus/ by hand
    m = report.manifest
    await _quiet_edit(status, msg.reindexed(m.bulletins, m.articles, m.passages) + msg.digest_scheduled(notified))


async def _quiet_edit(message: Message, text: str) -> None:
    try:
        await message.edit_text(text)
    except TelegramError:
        pass  # e.g. "message is not modified"


async def on_stats(update: Update, context: BotContext) -> None:
    """/stats — corpus size, questions today and this week, share answered, latest unanswered, 👍/👎."""
    svc = context.service
    if not svc.is_admin(update):
        await update.effective_message.reply_text(msg.ADMIN_ONLY)
        return
    stats = await svc.run(svc.query_pool, svc.qlog.stats)
    m = svc.snapshot().manifest
    text = msg.stats_text(stats, m.bulletins, m.articles, m.passages, len(svc.store.subscribers()))
    text += "\n\n" + msg.follows_text(svc.store.follows())
    await send_parts(update.effective_message, split_message(text))


# ---------------------------------------------------------------- /sources, remove, set date


async def on_sources(update: Update, context: BotContext) -> None:
    """/sources — for an admin, numbered with 删除 and 日期 buttons; for anyone else the plain list."""
    svc = context.service
    if not svc.is_admin(update):
        await commands.on_sources(update, context)
        return
    snap = svc.snapshot()
    articles = snap.articles()
    bulletins = sorted(snap.bulletins(), key=lambda b: (b["added_at"], b["file"]), reverse=True)
    if not bulletins:
        await update.effective_message.reply_text(msg.NO_BULLETINS)
        return
    listed, buttons = [], []
    for number, b in enumerate(bulletins, 1):
        own = [a for a in articles if a["file"] == b["file"]]
        labels = [f"{number}.{k}" if len(own) > 1 else str(number) for k in range(1, len(own) + 1)]
        listed.append((number, b["file"], [(label, a["date_text"], a["title"]) for label, a in zip(labels, own)]))
        if own and number <= msg.SOURCES_WITH_BUTTONS:
            buttons.append((number, [(label, a["article_id"]) for label, a in zip(labels, own)]))
    text = msg.admin_sources_text(len(bulletins), listed, msg.SOURCES_WITH_BUTTONS)
    await send_parts(update.effective_message, split_message(text), kb.sources_keyboard(buttons))


def _article(svc: BotService, article_id: str) -> dict | None:
    return next((a for a in svc.snapshot().articles() if a["article_id"] == article_id), None)


async def _admin_button(update: Update, context: BotContext) -> BotService | None:
    """The service when an admin pressed the button; otherwise the press is answered and None."""
    svc = context.service
    if not svc.is_admin(update):
        await update.callback_query.answer(msg.ADMIN_ONLY, show_alert=True)
        return None
    return svc


async def _article_button(update: Update, context: BotContext, confirming: bool = False):
    """(service, query, article id, its row) for an admin's press on an article's button; None when the press
    is refused or the article is gone (the admin is told; a stale confirmation, `confirming`, is edited to say so)."""
    svc = await _admin_button(update, context)
    if svc is None:
        return None
    query = update.callback_query
    article_id = kb.decode(query.data).article_id
    row = _article(svc, article_id)
    if row is None:
        await query.answer(msg.BULLETIN_GONE, show_alert=True)
        if confirming:
            await _quiet_edit(query.message, msg.BULLETIN_GONE)
        return None
    return svc, query, article_id, row


async def on_ask_remove(update: Update, context: BotContext) -> None:
    """🗑 删除 — ask for confirmation, naming the bulletin and every article it holds."""
    found = await _article_button(update, context)
    if found is None:
        return
    svc, query, article_id, row = found
    await query.answer()
    titles = [a["title"] for a in svc.snapshot().articles() if a["file"] == row["file"]]
    await query.message.reply_text(msg.confirm_remove_text(row["file"], titles),
                                   reply_markup=kb.confirm_remove_keyboard(article_id))


async def on_confirm_remove(update: Update, context: BotContext) -> None:
    """确认删除 — remove the bulletin as `policybot remove` does (locked; the file goes to corpus/.removed/)."""
    found = await _article_button(update, context, confirming=True)
    if found is None:
        return
    svc, query, article_id, row = found
    await query.answer(msg.REMOVING)
    await _quiet_edit(query.message, msg.REMOVING)
    try:
        report = await svc.run(svc.index_pool, remove_bulletin, svc.config, svc.searcher.embedder, article_id,
                               wait_seconds=600)
    except PolicyBotError as exc:
        await _quiet_edit(query.message, exc.message)
        return
    await svc.run(svc.query_pool, svc.searcher.refresh)
    log.info("bulletin %s removed by admin %s", row["file"], update.effective_user.id)
    await _quiet_edit(query.message, _fit(msg.report_text(report, row["file"])))


async def on_cancel_remove(update: Update, context: BotContext) -> None:
    """取消 — nothing changes."""
    if await _admin_button(update, context) is None:
        return
    await update.callback_query.answer()
    await _quiet_edit(update.callback_query.message, msg.REMOVE_CANCELLED)


async def on_set_date_button(update: Update, context: BotContext) -> None:
    """📅 — ask for the date as a reply to a message naming the article (so the answer needs no state
    kept in the bot, and survives a restart)."""
    svc = await _admin_button(update, context)
    if svc is None:
        return
    query = update.callback_query
    row = _article(svc, kb.decode(query.data).article_id)
    if row is None:
        await query.answer(msg.ARTICLE_GONE, show_alert=True)
        return
    await query.answer()
    await query.message.reply_text(msg.date_prompt(row["title"], row["date"], row["date_text"], row["article_id"]),
                                   reply_markup=ForceReply(selective=True, input_field_placeholder="2024-03-05"))


class _DateReply(filters.MessageFilter):
    """A reply to the bot's date prompt (msg.date_prompt)."""

    def filter(self, message: Message) -> bool:
        replied = message.reply_to_message
        return bool(replied and replied.from_user and replied.from_user.is_bot
                     and (replied.text or "").startswith(msg.DATE_PROMPT_HEAD))


DATE_REPLY = _DateReply()
_ARTICLE_ID = re.compile(r"文章编号：([0-9a-f]{16})")


async def on_date_reply(update: Update, context: BotContext) -> None:
    """The date for the article the prompt names, set as `policybot set-date` does."""
    svc = context.service
    message = update.effective_message
    if not svc.is_admin(update):
        await message.reply_text(msg.ADMIN_ONLY)
        return
    found = _ARTICLE_ID.search(message.reply_to_message.text or "")
    if found is None:
        await message.reply_text(msg.BUTTON_EXPIRED)
        return
    try:
        report = await svc.run(svc.index_pool, set_date, svc.config, svc.searcher.embedder, found[1], message.text,
                               wait_seconds=600)
    except PolicyBotError as exc:
        await message.reply_text(exc.message)
        return
    await svc.run(svc.query_pool, svc.searcher.refresh)
    row = _article(svc, found[1])
    log.info("date of article %s set to %s by admin %s", found[1], row and row["date"], update.effective_user.id)
    if row is not None and row["date"]:
        await message.reply_text(msg.date_set(row["title"], row["date"]))
    else:
        await message.reply_text(msg.report_text(report))
