"""Inline mode: "@bot 问题" in any chat, and the results people chose."""

from __future__ import annotations

from telegram import InlineQueryResultArticle, InlineQueryResultsButton, InputTextMessageContent, Update
from telegram.constants import ParseMode

from bot.errors import QuestionError
from bot.telegram import messages as msg
from bot.telegram.send import NO_PREVIEW
from bot.telegram.service import BotContext, Verdict

INLINE_CACHE_SECONDS = 60


async def on_inline_query(update: Update, context: BotContext) -> None:
    """"@bot 问题" in any chat: the best passages, each posted with its source when chosen."""
    query = update.inline_query
    svc = context.service
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


async def on_chosen_inline(update: Update, context: BotContext) -> None:
    """An inline result was posted (BotFather /setinlinefeedback): logged like an answered question."""
    chosen = update.chosen_inline_result
    svc = context.service
    await svc.run(svc.query_pool, svc.qlog.record, "inline", chosen.query, True, chosen.result_id, 0)
