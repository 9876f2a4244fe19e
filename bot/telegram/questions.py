"""Questions: private texts, group mentions and replies, /ask — searched, logged and answered."""

from __future__ import annotations

import logging
import time

from telegram import MessageEntity, Update
from telegram.constants import ChatAction, ParseMode
from telegram.error import TelegramError

from bot.errors import QuestionError
from bot.render import telegram_answer, telegram_no_answer, telegram_outline
from bot.search import Result
from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram.send import send_parts
from bot.telegram.service import BotContext, Verdict

log = logging.getLogger("policybot.telegram")


async def answer_question(update: Update, context: BotContext, question: str) -> None:
    """Search, log, and reply with the best passage and its buttons."""
    svc = context.service
    message = update.effective_message
    user = update.effective_user
    if user is not None:
        verdict = svc.questions.check(user.id)
        if verdict is Verdict.WARN:
            await message.reply_text(msg.too_fast(svc.questions.per_minute))
        if verdict is not Verdict.ALLOW:
            return
    try:
        await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    except TelegramError:
        pass  # the typing indicator is a nicety
    started = time.perf_counter()
    try:
        # Small talk, a follow-up of this chat's last answer ("第三个呢"), or a question: bot/conversation.py.
        answer = await svc.run(svc.query_pool, svc.conversations.ask, update.effective_chat.id, question)
    except QuestionError as exc:
        await message.reply_text(exc.message)
        return
    latency = int((time.perf_counter() - started) * 1000)
    if answer.kind == "smalltalk":  # a greeting or chit-chat: no question about the bulletins, nothing to log
        await message.reply_text(telegram_no_answer(answer, svc.examples()), parse_mode=ParseMode.HTML)
        return
    top = answer.results[0].passage.passage_id if answer.answered and answer.results else None
    log_id = await svc.run(svc.query_pool, svc.qlog.record, update.effective_chat.type, question,
                           answer.answered, top, latency)
    if not answer.answered or not answer.results:
        await message.reply_text(telegram_no_answer(answer, svc.examples()), parse_mode=ParseMode.HTML)
        return
    answer_id = svc.store.save_answer(log_id, answer.terms,
                                      [(r.passage.passage_id, r.outline) for r in answer.results])
    first = answer.results[0]
    await send_parts(message, render_result(first, answer.terms, 0, len(answer.results)),
                     result_keyboard(answer_id, 0, len(answer.results), first, log_id))


def render_result(result: Result, terms: tuple[str, ...], index: int, total: int) -> list[str]:
    if result.outline or result.passage.kind == "outline":
        return telegram_outline(result.passage)
    return telegram_answer(result, terms, index + 1, total)


def result_keyboard(answer_id: int, index: int, total: int, result: Result, log_id: int | None):
    p = result.passage
    return kb.answer_keyboard(answer_id, index, total, p.list_id, result.outline or p.kind == "outline",
                              p.article_id, log_id, p.list_size or 0)


async def on_private_text(update: Update, context: BotContext) -> None:
    """In a private chat every text message is a question."""
    await answer_question(update, context, update.effective_message.text or "")


async def on_group_text(update: Update, context: BotContext) -> None:
    """In groups, answer mentions of the bot and replies to it; stay silent on other chatter."""
    message = update.effective_message
    text = message.text or ""
    username = context.bot.username
    mentioned = False
    for _, value in message.parse_entities([MessageEntity.MENTION]).items():
        if username and value.lower() == f"@{username.lower()}":
            mentioned = True
            text = text.replace(value, " ")
    replied = (
        message.reply_to_message is not None
        and message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.id == context.bot.id
    )
    if mentioned or replied:
        await answer_question(update, context, text.strip())


async def on_ask(update: Update, context: BotContext) -> None:
    """/ask 问题 — the way to ask in a group."""
    question = " ".join(context.args or []).strip()
    if not question:
        await update.effective_message.reply_text(msg.ask_usage(context.service.examples()[1]))
        return
    await answer_question(update, context, question)
