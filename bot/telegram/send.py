"""Sending: an HTML answer in parts, or an edit of the message a button sits on."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


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
