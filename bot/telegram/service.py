"""What the handlers share: search, the question log, the bot's store, per-user limits, worker pools."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections import defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from enum import Enum

from telegram import Update
from telegram.ext import CallbackContext, ContextTypes, ExtBot

from bot.config import Config
from bot.conversation import Conversations
from bot.index import IndexSnapshot
from bot.qlog import QuestionLog
from bot.search import Searcher
from bot.smalltalk import newest_examples
from bot.telegram.store import BotStore

WINDOW_SECONDS = 60.0


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit: say so once
    QUIET = "quiet"  # over the limit and already told: say nothing (Telegram allows ~1 message/s a chat)


class RateLimit:
    """A sliding one-minute window of questions per user, with one warning per window."""

    def __init__(self, per_minute: int):
        self.per_minute = per_minute
        self._asked: dict[int, deque[float]] = defaultdict(deque)
        self._warned_until: dict[int, float] = {}

    def check(self, user_id: int, now: float | None = None) -> Verdict:
        now = time.monotonic() if now is None else now
        window = self._asked[user_id]
        while window and now - window[0] > WINDOW_SECONDS:
            window.popleft()
        if len(window) < self.per_minute:
            window.append(now)
            return Verdict.ALLOW
        if now < self._warned_until.get(user_id, 0.0):
            return Verdict.QUIET
        # Quiet until the oldest question leaves the window, i.e. until asking works again.
        self._warned_until[user_id] = window[0] + WINDOW_SECONDS
        return Verdict.WARN


class BotService:
    def __init__(self, config: Config, searcher: Searcher, qlog: QuestionLog, store: BotStore):
        self.config = config
        self.searcher = searcher
        self.qlog = qlog
        self.store = store
        self.conversations = Conversations(searcher, config.conversation.followup_minutes)  # each chat's last answer
        self.admins = set(config.telegram.admins)  # and those who claimed the bot (bot.telegram.access.setup)
        self.claim_code: str | None = None  # while the bot has no admin: the one-time code for /claim
        self.claim_tries = 0
        self.questions = RateLimit(config.telegram.questions_per_minute)
        # Inline queries arrive while an official types: a looser window of their own, never a reply.
        self.inline = RateLimit(config.telegram.questions_per_minute * 3)
        self.menus_set: set[tuple[int, int]] = set()  # (chat, admin) whose command menu is set
        self.query_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="search")
        self.index_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index")
        zone = config.telegram.zone
        self.today = lambda: dt.datetime.now(zone).date()  # the officials' day (deadlines, reminders); tests set it

    def is_admin(self, update: Update) -> bool:
        return bool(update.effective_user) and update.effective_user.id in self.admins

    def snapshot(self) -> IndexSnapshot:
        return self.searcher.snapshot

    def examples(self) -> list[str]:
        snap = self.snapshot()
        return newest_examples(snap.articles(), list(snap.lists.values()))

    async def run(self, pool: ThreadPoolExecutor, fn, *args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, lambda: fn(*args, **kwargs))

    def close(self) -> None:
        self.query_pool.shutdown(wait=False, cancel_futures=True)
        self.index_pool.shutdown(wait=True)
        self.qlog.close()
        self.store.close()


class BotContext(CallbackContext[ExtBot, dict, dict, dict]):
    """The context every handler receives: PTB's, plus the bot's shared state as a typed attribute
    (as PTB's examples/contexttypesbot.py does), instead of a lookup by string key in each handler."""

    @property
    def service(self) -> BotService:
        return self.bot_data["service"]


CONTEXT_TYPES = ContextTypes(context=BotContext)
