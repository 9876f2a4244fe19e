"""Sending: an HTML answer in parts, an edit of the message a button sits on, a note pushed to a chat that may be
gone, and the pace of it all."""

from __future__ import annotations

import logging
from collections.abc import Callable

from aiolimiter import AsyncLimiter
from telegram import Bot, InlineKeyboardMarkup, LinkPreviewOptions, Message, Update
from telegram.constants import ParseMode
from telegram.error import BadRequest, ChatMigrated, Forbidden, TelegramError
from telegram.ext import AIORateLimiter

log = logging.getLogger("policybot.telegram")

NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
# Telegram allows about one message a second in a private chat, with short bursts; PTB's limiter paces
# groups and the whole bot but not private chats, so a burst of button presses met 429s.
PRIVATE_BURST = 6
PRIVATE_PER_SECOND = 1.5
KEEP_LIMITERS = 1024


class PacedRateLimiter(AIORateLimiter):
    """PTB's AIORateLimiter (the overall and per-group limits, retries on 429) plus a pace per private chat."""

    def __init__(self, private_burst: int = PRIVATE_BURST, private_per_second: float = PRIVATE_PER_SECOND,
                 **kwargs):
        super().__init__(**kwargs)
        self._burst, self._per_second = private_burst, private_per_second
        self._private: dict[int, AsyncLimiter] = {}

    def _private_limiter(self, chat_id: int) -> AsyncLimiter:
        if len(self._private) > KEEP_LIMITERS:  # forget idle chats
            self._private = {k: v for k, v in self._private.items() if not v.has_capacity(v.max_rate)}
        if chat_id not in self._private:
            self._private[chat_id] = AsyncLimiter(self._burst, self._burst / self._per_second)
        return self._private[chat_id]

    async def process_request(self, callback, args, kwargs, endpoint, data, rate_limit_args):
        try:
            chat_id = int(data.get("chat_id"))
        except (TypeError, ValueError):
            chat_id = 0
        if chat_id <= 0 or endpoint == "sendChatAction":
            # Groups (negative ids) have PTB's own limit; no chat (answerCallbackQuery …) or "typing…": none.
            return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)
        async with self._private_limiter(chat_id):
            return await super().process_request(callback, args, kwargs, endpoint, data, rate_limit_args)


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


async def push(bot: Bot, chat_id: int, parts: list[str], markup: InlineKeyboardMarkup | None, *,
               gone: Callable[[int], object], moved: Callable[[int, int], object], what: str) -> bool:
    """Send an unrequested message (a digest, a follower's note) in parts, the keyboard on the last part.

    A chat that blocked the bot or no longer exists is `gone(chat_id)`; a group that became a supergroup is
    `moved(old, new)` (what it subscribed to moves along); any other failure is logged. True if sent."""
    try:
        for i, part in enumerate(parts):
            await bot.send_message(chat_id, part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                   reply_markup=markup if i == len(parts) - 1 else None)
        return True
    except ChatMigrated as exc:
        moved(chat_id, exc.new_chat_id)
        log.info("%s: chat %s moved to %s", what, chat_id, exc.new_chat_id)
    except Forbidden as exc:
        gone(chat_id)
        log.info("%s: chat %s dropped: %s", what, chat_id, exc.message)
    except BadRequest as exc:
        if "chat not found" in exc.message.lower():
            gone(chat_id)
            log.info("%s: chat %s dropped: %s", what, chat_id, exc.message)
        else:
            log.warning("%s to %s failed: %s", what, chat_id, exc.message)
    except TelegramError as exc:
        log.warning("%s to %s failed: %s", what, chat_id, exc)
    return False
