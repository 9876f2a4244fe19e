"""What went wrong, for admins: /feedback (recent 👎 answers, each one tap away) and the weekly note of
the unanswered questions people ask most (which bulletins are missing)."""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from telegram import Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import Application

from bot.render import passage_summary
from bot.search import Result
from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram.questions import render_result, result_keyboard
from bot.telegram.send import NO_PREVIEW, send_parts
from bot.telegram.service import BotContext, BotService
from bot.telegram_html import split_message

log = logging.getLogger("policybot.telegram")

FEEDBACK_ROWS = 10
SUMMARY_ROWS = 10
SUMMARY_AT = time(9, 0)  # local time, on Mondays
MONDAY = 1  # PTB's run_daily counts days from Sunday = 0


def _answered(svc: BotService, passage_id: str | None) -> str:
    found = svc.snapshot().passage(passage_id) if passage_id else None
    return passage_summary(found[1]) if found else "（该段落已不在公报中）"


async def on_feedback_list(update: Update, context: BotContext) -> None:
    """/feedback — recent 👎 answers: the question, what was answered, a button to open each."""
    svc = context.service
    if not svc.is_admin(update):
        await update.effective_message.reply_text(msg.ADMIN_ONLY)
        return
    rows = await svc.run(svc.query_pool, svc.qlog.with_feedback, -1, FEEDBACK_ROWS)
    if not rows:
        await update.effective_message.reply_text(msg.NO_FEEDBACK)
        return
    text = msg.feedback_text([(r.ts, r.question, _answered(svc, r.top_passage_id)) for r in rows])
    buttons = [(msg.feedback_button(i, r.question), answer) for i, r in enumerate(rows, 1)
               if (answer := svc.store.answer_of_log(r.log_id)) is not None]
    await send_parts(update.effective_message, split_message(text), kb.answers_keyboard(buttons) if buttons else None)


async def on_read_answer(update: Update, context: BotContext) -> None:
    """A /feedback button: the answer as it was given, with its buttons, as a new message."""
    svc = context.service
    query = update.callback_query
    stored = svc.store.answer(kb.decode(query.data).answer)
    found = svc.snapshot().passage(stored.results[0][0]) if stored and stored.results else None
    if found is None or query.message is None:
        await query.answer(msg.PASSAGE_GONE, show_alert=True)
        return
    await query.answer()
    row_id, passage = found
    result = Result(1, 0.0, row_id, passage, stored.results[0][1])
    total = len(stored.results)
    await send_parts(query.message, render_result(result, stored.terms, 0, total),
                     result_keyboard(stored.answer_id, 0, total, result, stored.log_id))


def schedule_weekly_summary(app: Application) -> None:
    """Every Monday morning, admins get the week's most-asked unanswered questions (needs PTB's job queue)."""
    if app.job_queue is None:
        log.warning("no job queue (install python-telegram-bot[job-queue]): no weekly summary")
        return
    at = SUMMARY_AT.replace(tzinfo=datetime.now().astimezone().tzinfo)
    app.job_queue.run_daily(send_weekly_summary, at, days=(MONDAY,), name="weekly-summary")


async def send_weekly_summary(context: BotContext) -> None:
    svc = context.service
    rows = await svc.run(svc.query_pool, svc.qlog.most_unanswered, datetime.now() - timedelta(days=7), SUMMARY_ROWS)
    if not rows:
        return
    stats = await svc.run(svc.query_pool, svc.qlog.stats)
    parts = split_message(msg.weekly_summary_text(rows, stats.answered_share))
    for admin_id in sorted(svc.admins):
        try:
            for part in parts:
                await context.bot.send_message(admin_id, part, parse_mode=ParseMode.HTML,
                                               link_preview_options=NO_PREVIEW)
        except TelegramError as exc:
            log.warning("weekly summary to admin %s failed: %s", admin_id, exc)
