"""The buttons under answers, outlines and digests: navigation, points, feedback, 原文."""

from __future__ import annotations

from telegram import Update

from bot.render import telegram_answer, telegram_outline
from bot.search import Result
from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram.questions import render_result, result_keyboard
from bot.telegram.send import edit_parts, send_parts
from bot.telegram.service import BotContext, BotService


async def on_show_result(update: Update, context: BotContext) -> None:
    """◀ 上一条 / 下一条 ▶ / 返回结果: result `index` of a stored answer, in the same message."""
    query = update.callback_query
    svc = context.service
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


async def on_show_outline(update: Update, context: BotContext) -> None:
    """全部要点: a list's outline with a button per point, the way back to the answer, 原文 and feedback."""
    query = update.callback_query
    svc = context.service
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


async def on_read_list(update: Update, context: BotContext) -> None:
    """A list button under /outline, /latest or a digest: its outline as a new message."""
    query = update.callback_query
    found = _outline(context.service, kb.decode(query.data).list_id)
    if found is None or query.message is None:
        await query.answer(msg.PASSAGE_GONE, show_alert=True)
        return
    await query.answer()
    nl, outline = found
    await send_parts(query.message, telegram_outline(outline), kb.outline_keyboard(nl.list_id, nl.size,
                                                                                     nl.article_id))


async def on_show_point(update: Update, context: BotContext) -> None:
    """第N条 under an outline: that point, with its neighbours one tap away."""
    query = update.callback_query
    svc = context.service
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


async def on_feedback(update: Update, context: BotContext) -> None:
    """👍 / 👎: stored with the question."""
    query = update.callback_query
    svc = context.service
    action = kb.decode(query.data)
    ok = action.value in (1, -1) and await svc.run(svc.query_pool, svc.qlog.feedback, action.log_id, action.value)
    await query.answer(msg.FEEDBACK_THANKS if ok else msg.ANSWER_GONE)


async def on_full_text(update: Update, context: BotContext) -> None:
    """原文: the whole article as published (stored in the index when it was added), as new messages cut at
    sentence ends."""
    query = update.callback_query
    svc = context.service
    action = kb.decode(query.data)
    article = await svc.run(svc.query_pool, lambda: svc.snapshot().article(action.article_id))
    if article is None or query.message is None:
        await query.answer(msg.ARTICLE_GONE, show_alert=True)
        return
    await query.answer()
    await send_parts(query.message, msg.article_parts(article.title, article.date_text, article.speakers,
                                                      article.paragraphs))


async def on_unknown_button(update: Update, context: BotContext) -> None:
    """Buttons this codec did not write (from an older version of the bot): a polite note."""
    await update.callback_query.answer(msg.BUTTON_EXPIRED, show_alert=True)
