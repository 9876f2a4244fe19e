"""Public handlers: questions (private, groups, inline), commands, and the buttons under answers."""

from __future__ import annotations

import logging
import time
from collections import defaultdict

from telegram import (
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InputTextMessageContent,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import ContextTypes

from bot.articles import split_articles
from bot.errors import PolicyBotError, QuestionError
from bot.load import load_bulletin
from bot.render import telegram_answer, telegram_no_answer, telegram_outline
from bot.search import Result
from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram.service import BotService, Verdict, service
from bot.telegram_html import split_message

log = logging.getLogger("policybot.telegram")

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
LATEST_BULLETINS = 3
INLINE_CACHE_SECONDS = 60


# ---------------------------------------------------------------- sending


async def send_parts(message: Message, parts: list[str], markup: InlineKeyboardMarkup | None = None) -> Message:
    """Reply with an HTML message in parts; the keyboard goes on the last part."""
    sent = message
    for i, part in enumerate(parts):
        sent = await message.reply_text(part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                        reply_markup=markup if i == len(parts) - 1 else None)
    return sent


async def edit_parts(update: Update, parts: list[str], markup: InlineKeyboardMarkup | None) -> None:
    """Edit the message the button sits on; any overflow follows as new messages."""
    query = update.callback_query
    try:
        await query.edit_message_text(parts[0], parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                      reply_markup=markup if len(parts) == 1 else None)
    except BadRequest as exc:
        if "not modified" not in exc.message.lower():
            raise
        return  # the same button pressed twice: the message already shows it
    if len(parts) > 1 and query.message is not None:
        await send_parts(query.message, parts[1:], markup)


# ---------------------------------------------------------------- questions


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Search, log, and reply with the best passage and its buttons."""
    svc = service(context)
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


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a private chat every text message is a question."""
    await answer_question(update, context, update.effective_message.text or "")


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
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


async def on_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask 问题 — the way to ask in a group."""
    question = " ".join(context.args or []).strip()
    if not question:
        await update.effective_message.reply_text(msg.ask_usage(service(context).examples()[1]))
        return
    await answer_question(update, context, question)


# ---------------------------------------------------------------- commands


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start — what the bot knows."""
    svc = service(context)
    snap = svc.snapshot()
    dated = sorted((a["date"], a["date_text"]) for a in snap.articles() if a["date"])
    first, last = (dated[0][1], dated[-1][1]) if dated else (None, None)
    text = msg.start_text(snap.manifest.bulletins, snap.manifest.articles, first, last, svc.examples())
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help — how to ask, with three example questions."""
    text = msg.help_text(service(context).examples(), context.bot.username)
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def on_outline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/outline — the numbered lists across bulletins, each one tap away."""
    snap = service(context).snapshot()
    articles = {a["article_id"]: a for a in snap.articles()}
    lists = sorted(snap.lists.values(), key=lambda nl: (articles.get(nl.article_id, {}).get("date") or "",
                                                         nl.list_id), reverse=True)[:40]
    if not lists:
        await update.effective_message.reply_text(msg.NO_LISTS)
        return
    rows = [(nl.label, nl.size, articles.get(nl.article_id, {}).get("date_text") or "", nl.speaker) for nl in lists]
    markup = kb.lists_keyboard([(msg.outline_button(i, nl.label), nl.list_id) for i, nl in enumerate(lists, 1)])
    await send_parts(update.effective_message, split_message(msg.outline_list_text(rows)), markup)


async def on_sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sources — bulletins indexed, with their articles' dates."""
    snap = service(context).snapshot()
    articles = snap.articles()
    files = [(b["file"], [(a["date_text"], a["title"]) for a in articles if a["file"] == b["file"]])
             for b in snap.bulletins()]
    await send_parts(update.effective_message, split_message(msg.sources_text(snap.manifest.bulletins, files)))


def article_summaries(svc: BotService, article_ids: list[str]) -> list[tuple[dict, list]]:
    """(article row, its lists) for the given articles, in their order; unknown ids are skipped."""
    snap = svc.snapshot()
    rows = {a["article_id"]: a for a in snap.articles()}
    lists = defaultdict(list)
    for nl in sorted(snap.lists.values(), key=lambda nl: nl.list_id):
        lists[nl.article_id].append(nl)
    return [(rows[i], lists[i]) for i in article_ids if i in rows]


def _list_rows(lists: list) -> list[tuple[str, int, tuple[str, ...]]]:
    return [(nl.label, nl.size, nl.headlines) for nl in lists]


async def on_latest(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/latest — the newest bulletins with their lists' headlines, each list one tap away."""
    svc = service(context)
    snap = svc.snapshot()
    bulletins = sorted(snap.bulletins(), key=lambda b: (b["added_at"], b["file"]), reverse=True)[:LATEST_BULLETINS]
    if not bulletins:
        await update.effective_message.reply_text(msg.NO_BULLETINS)
        return
    by_file = defaultdict(list)
    for a in snap.articles():
        by_file[a["file"]].append(a["article_id"])
    shown, buttons = [], []
    for b in bulletins:
        summaries = article_summaries(svc, by_file[b["file"]])
        shown.append((b["file"], b["added_at"][:10],
                      [(a["title"], a["date_text"], _list_rows(lists)) for a, lists in summaries]))
        buttons += [(msg.read_list_button(nl.label), nl.list_id) for _, lists in summaries for nl in lists]
    markup = kb.lists_keyboard(buttons[:20]) if buttons else None
    await send_parts(update.effective_message, split_message(msg.latest_text(shown)), markup)


async def on_subscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/subscribe — a short note whenever an admin adds a bulletin."""
    fresh = service(context).store.subscribe(update.effective_chat.id)
    await update.effective_message.reply_text(msg.SUBSCRIBED if fresh else msg.ALREADY_SUBSCRIBED)


async def on_unsubscribe(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/unsubscribe — no more notes."""
    gone = service(context).store.unsubscribe(update.effective_chat.id)
    await update.effective_message.reply_text(msg.UNSUBSCRIBED if gone else msg.NOT_SUBSCRIBED)


# ---------------------------------------------------------------- buttons


async def on_show_result(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """◀ 上一条 / 下一条 ▶ / 返回结果: result `index` of a stored answer, in the same message."""
    query = update.callback_query
    svc = service(context)
    action = kb.decode(query.data)
    stored = svc.store.answer(action.answer)
    if stored is None or not 0 <= action.index < len(stored.results):
        await query.answer(msg.ANSWER_GONE, show_alert=True)
        return
    passage_id, outline = stored.results[action.index]
    found = svc.snapshot().passage(passage_id)
    if found is None:
        await query.answer(msg.PASSAGE_GONE, show_alert=True)
        return
    await query.answer()
    row_id, passage = found
    result = Result(action.index + 1, 0.0, row_id, passage, outline)
    total = len(stored.results)
    await edit_parts(update, render_result(result, stored.terms, action.index, total),
                     result_keyboard(action.answer, action.index, total, result, stored.log_id))


def _log_id(svc: BotService, answer_id: int) -> int | None:
    stored = svc.store.answer(answer_id) if answer_id else None
    return stored.log_id if stored else None


def _outline(svc: BotService, list_id: str):
    """(list, outline passage) or None when the list is gone."""
    snap = svc.snapshot()
    nl = snap.lists.get(list_id)
    outline = next((p for _, p in snap.list_points(list_id) if p.kind == "outline"), None) if nl else None
    return (nl, outline) if outline is not None else None


async def on_show_outline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """全部要点: a list's outline with a button per point, the way back to the answer, 原文 and feedback."""
    query = update.callback_query
    svc = service(context)
    action = kb.decode(query.data)
    found = _outline(svc, action.list_id)
    if found is None:
        await query.answer(msg.PASSAGE_GONE, show_alert=True)
        return
    await query.answer()
    nl, outline = found
    await edit_parts(update, telegram_outline(outline),
                     kb.outline_keyboard(nl.list_id, nl.size, nl.article_id, action.answer, action.index,
                                         _log_id(svc, action.answer)))


async def on_read_list(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A list button under /outline, /latest or a digest: its outline as a new message."""
    query = update.callback_query
    found = _outline(service(context), kb.decode(query.data).list_id)
    if found is None or query.message is None:
        await query.answer(msg.PASSAGE_GONE, show_alert=True)
        return
    await query.answer()
    nl, outline = found
    await send_parts(query.message, telegram_outline(outline), kb.outline_keyboard(nl.list_id, nl.size,
                                                                                     nl.article_id))


async def on_show_point(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """第N条 under an outline: that point, with its neighbours one tap away."""
    query = update.callback_query
    svc = service(context)
    action = kb.decode(query.data)
    points = {p.ordinal: (rid, p) for rid, p in svc.snapshot().list_points(action.list_id) if p.kind == "point"}
    if action.ordinal not in points:
        await query.answer(msg.PASSAGE_GONE, show_alert=True)
        return
    await query.answer()
    rid, p = points[action.ordinal]
    parts = telegram_answer(Result(1, 0.0, rid, p), (), 1, 1)
    await edit_parts(update, parts, kb.point_keyboard(action.list_id, p.ordinal, p.list_size or len(points),
                                                      p.article_id, action.answer, action.index,
                                                      _log_id(svc, action.answer)))


async def on_feedback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """👍 / 👎: stored with the question."""
    query = update.callback_query
    svc = service(context)
    action = kb.decode(query.data)
    ok = action.value in (1, -1) and await svc.run(svc.query_pool, svc.qlog.feedback, action.log_id, action.value)
    await query.answer(msg.FEEDBACK_THANKS if ok else msg.ANSWER_GONE)


def read_article(svc: BotService, article_id: str):
    """The article as published (from its bulletin in corpus/), or None when it is gone."""
    row = next((a for a in svc.snapshot().articles() if a["article_id"] == article_id), None)
    if row is None:
        return None  # removed or replaced by a corrected version since the button was sent
    if article_id in svc.article_cache:
        return svc.article_cache[article_id]
    path = svc.config.corpus / row["file"]
    try:
        loaded = load_bulletin(path.read_bytes(), path.name, svc.config.max_file_bytes)
    except (OSError, PolicyBotError):
        return None
    article = next((a for a in split_articles(loaded, svc.config.ingest.default_year)
                    if a.article_id == article_id), None)
    if article is not None:
        if len(svc.article_cache) > 64:
            svc.article_cache.clear()
        svc.article_cache[article_id] = article
    return article


async def on_full_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """原文: the whole article as new messages, cut at sentence ends."""
    query = update.callback_query
    svc = service(context)
    action = kb.decode(query.data)
    article = await svc.run(svc.query_pool, read_article, svc, action.article_id)
    if article is None or query.message is None:
        await query.answer(msg.ARTICLE_GONE, show_alert=True)
        return
    await query.answer()
    await send_parts(query.message, msg.article_parts(article.title, article.date_text, article.speakers,
                                                      article.paragraphs))


async def on_unknown_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Buttons this codec did not write (from an older version of the bot): a polite note."""
    await update.callback_query.answer(msg.BUTTON_EXPIRED, show_alert=True)


# ---------------------------------------------------------------- inline mode


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """"@bot 问题" in any chat: the best passages, each posted with its source when chosen."""
    query = update.inline_query
    svc = service(context)
    text = query.query.strip()
    if not text:
        await query.answer([], cache_time=INLINE_CACHE_SECONDS,
                           button=InlineQueryResultsButton(msg.INLINE_EMPTY, start_parameter=msg.INLINE_START))
        return
    if svc.inline.check(query.from_user.id) is not Verdict.ALLOW:
        await query.answer([], cache_time=0, is_personal=True,
                           button=InlineQueryResultsButton(msg.INLINE_TOO_FAST, start_parameter=msg.INLINE_START))
        return
    try:
        answer = await svc.run(svc.query_pool, svc.searcher.search, text)
    except QuestionError:
        answer = None
    if answer is None or not answer.answered or not answer.results:
        await query.answer([], cache_time=INLINE_CACHE_SECONDS,
                           button=InlineQueryResultsButton(msg.INLINE_NOTHING, start_parameter=msg.INLINE_START))
        return
    results = [
        InlineQueryResultArticle(
            id=r.passage.passage_id,
            title=msg.inline_title(r),
            description=msg.inline_description(r),
            input_message_content=InputTextMessageContent(msg.inline_message(r, answer.terms),
                                                          parse_mode=ParseMode.HTML,
                                                          link_preview_options=NO_PREVIEW),
        )
        for r in answer.results
    ]
    await query.answer(results, cache_time=INLINE_CACHE_SECONDS)


async def on_chosen_inline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An inline result was posted (BotFather /setinlinefeedback): logged like an answered question."""
    chosen = update.chosen_inline_result
    svc = service(context)
    await svc.run(svc.query_pool, svc.qlog.record, "inline", chosen.query, True, chosen.result_id, 0)
