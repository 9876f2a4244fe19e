"""Public commands: /start, /help, /outline, /sources, /latest, /subscribe, /unsubscribe."""

from __future__ import annotations

from collections import defaultdict

from telegram import Update
from telegram.constants import ChatMemberStatus, ChatType, ParseMode
from telegram.error import TelegramError

from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram.send import send_parts
from bot.telegram.service import BotContext, BotService
from bot.telegram_html import split_message

LATEST_BULLETINS = 3


async def on_start(update: Update, context: BotContext) -> None:
    """/start — what the bot knows."""
    svc = context.service
    snap = svc.snapshot()
    dated = sorted((a["date"], a["date_text"]) for a in snap.articles() if a["date"])
    first, last = (dated[0][1], dated[-1][1]) if dated else (None, None)
    text = msg.start_text(snap.manifest.bulletins, snap.manifest.articles, first, last, svc.examples())
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def on_help(update: Update, context: BotContext) -> None:
    """/help — how to ask, with three example questions."""
    text = msg.help_text(context.service.examples(), context.bot.username)
    await update.effective_message.reply_text(text, parse_mode=ParseMode.HTML)


async def on_outline(update: Update, context: BotContext) -> None:
    """/outline — the numbered lists across bulletins, each one tap away."""
    snap = context.service.snapshot()
    articles = {a["article_id"]: a for a in snap.articles()}
    lists = sorted(snap.lists.values(), key=lambda nl: (articles.get(nl.article_id, {}).get("date") or "",
                                                         nl.list_id), reverse=True)[:40]
    if not lists:
        await update.effective_message.reply_text(msg.NO_LISTS)
        return
    rows = [(nl.label, nl.size, articles.get(nl.article_id, {}).get("date_text") or "", nl.speaker) for nl in lists]
    markup = kb.lists_keyboard([(msg.outline_button(i, nl.label), nl.list_id) for i, nl in enumerate(lists, 1)])
    await send_parts(update.effective_message, split_message(msg.outline_list_text(rows)), markup)


async def on_sources(update: Update, context: BotContext) -> None:
    """/sources — bulletins indexed, with their articles' dates."""
    snap = context.service.snapshot()
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


async def on_latest(update: Update, context: BotContext) -> None:
    """/latest — the newest bulletins with their lists' headlines, each list one tap away."""
    svc = context.service
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


async def _may_change_subscription(update: Update, context: BotContext) -> bool:
    """In a group only its own administrators (or the bot's) may subscribe it; in private, anyone."""
    chat, user = update.effective_chat, update.effective_user
    if chat.type == ChatType.PRIVATE or context.service.is_admin(update):
        return True
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError:
        member = None
    if member is not None and member.status in (ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR):
        return True
    await update.effective_message.reply_text(msg.GROUP_ADMINS_ONLY)
    return False


async def on_subscribe(update: Update, context: BotContext) -> None:
    """/subscribe — a short note whenever an admin adds a bulletin."""
    if not await _may_change_subscription(update, context):
        return
    fresh = context.service.store.subscribe(update.effective_chat.id)
    await update.effective_message.reply_text(msg.SUBSCRIBED if fresh else msg.ALREADY_SUBSCRIBED)


async def on_unsubscribe(update: Update, context: BotContext) -> None:
    """/unsubscribe — no more notes."""
    if not await _may_change_subscription(update, context):
        return
    gone = context.service.store.unsubscribe(update.effective_chat.id)
    await update.effective_message.reply_text(msg.UNSUBSCRIBED if gone else msg.NOT_SUBSCRIBED)
