"""Wiring: the PTB Application with every handler, and how it runs (long polling or a webhook).

Officials ask in private chats (every text is a question), in groups (/ask, a mention, or a reply
to the bot) and inline in any chat ("@bot 问题") — in `members` mode only those the access gate lets
through (bot.telegram.access). Admins (user ids in config, or the first to /claim the bot) send bulletin
files, approve members and use /reindex, /stats, /feedback. Search and indexing run in worker threads
so one slow request never stalls the others.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import urlparse

from telegram import BotCommandScopeDefault, Update
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    ChosenInlineResultHandler,
    CommandHandler,
    ChatMemberHandler,
    InlineQueryHandler,
    MessageHandler,
    TypeHandler,
    filters,
)

from bot.config import Config
from bot.errors import ConfigError
from bot.qlog import QuestionLog, describer, log_path
from bot.search import Searcher
from bot.telegram import access, admin, buttons, commands, feedback, inline, questions, tasks
from bot.telegram import keyboards as kb
from bot.telegram import messages as msg
from bot.telegram.send import PacedRateLimiter
from bot.telegram.service import CONTEXT_TYPES, BotContext, BotService
from bot.telegram.store import BotStore, store_path

log = logging.getLogger("policybot.telegram")

TOKEN_FORMAT = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
SECRET_TOKEN_FORMAT = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


async def on_error(update: object, context: BotContext) -> None:
    """Stack traces go to the log; the user gets a short apology."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update):
        try:
            if update.callback_query is not None:
                await update.callback_query.answer(msg.APOLOGY)
            elif update.effective_message is not None:
                await update.effective_message.reply_text(msg.APOLOGY)
        except TelegramError:
            log.warning("could not send the apology")


async def post_init(application: Application) -> None:
    """The public command menu (admins get theirs when they first write: admin.on_admin_seen); at the bot's first
    start, before any update is read, the archive it starts with counts as announced."""
    admin.announce_baseline(application.bot_data["service"])
    await application.bot.set_my_commands(msg.PUBLIC_COMMANDS, scope=BotCommandScopeDefault())


async def post_shutdown(application: Application) -> None:
    application.bot_data["service"].close()


def check_token(token: str) -> str:
    token = token.strip()
    if not TOKEN_FORMAT.match(token):
        raise ConfigError("the Telegram bot token looks malformed (expected digits:letters from @BotFather); "
                          "check the token environment variable")
    return token


def webhook_options(config: Config) -> dict:
    """Arguments of PTB's run_webhook / start_webhook for config `telegram.webhook`.

    Updates are accepted only with the secret token (PTB answers 403 otherwise), so a secret is required."""
    hook = config.telegram.webhook
    url = urlparse(hook.url)
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ConfigError(f"config: telegram.webhook.url must be an https:// address, not {hook.url!r}")
    if not hook.secret_token or not SECRET_TOKEN_FORMAT.match(hook.secret_token):
        raise ConfigError("config: telegram.webhook.secret_token is required: 1-256 characters of A-Z a-z 0-9 _ -")
    if not 0 < int(hook.port) < 65536:
        raise ConfigError(f"config: telegram.webhook.port must be a TCP port, not {hook.port}")
    return {
        "listen": hook.listen,
        "port": int(hook.port),
        "url_path": url.path.lstrip("/"),
        "webhook_url": hook.url,
        "secret_token": hook.secret_token,
        "allowed_updates": Update.ALL_TYPES,
    }


def build_application(config: Config, token: str, searcher: Searcher | None = None) -> Application:
    """The PTB Application with every handler wired; `searcher` may be shared (tests)."""
    token = check_token(token)
    if config.telegram.webhook is not None:
        webhook_options(config)  # a bad webhook section is reported before anything starts
    # httpx logs request URLs, which contain the token, at INFO: keep it out of every log.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    searcher = searcher or Searcher(config)
    qlog = QuestionLog(log_path(config.data), describe=describer(lambda: searcher.snapshot))  # names each answer
    svc = BotService(config, searcher, qlog, BotStore(store_path(config.data)))
    builder = (
        ApplicationBuilder()
        .token(token)
        .context_types(CONTEXT_TYPES)
        # Telegram's limits (30 messages a second overall, 20 a minute per group, about one a second in a
        # private chat), with retries on 429.
        .rate_limiter(PacedRateLimiter(max_retries=2))
        .concurrent_updates(True)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if config.telegram.base_url:
        builder = builder.base_url(config.telegram.base_url)
    if config.telegram.base_file_url:
        builder = builder.base_file_url(config.telegram.base_file_url)
    if config.telegram.proxy:
        # PTB's HTTPXRequest(proxy=…), for both the bot's calls and long polling.
        builder = builder.proxy(config.telegram.proxy).get_updates_proxy(config.telegram.proxy)
    app = builder.build()
    app.bot_data["service"] = svc
    access.setup(svc)

    if config.telegram.access == "members":
        # The one gate: who may use the bot is decided here, before any handler below sees the update.
        app.add_handler(TypeHandler(Update, access.gate), group=-2)
    app.add_handler(TypeHandler(Update, admin.on_admin_seen), group=-1)
    app.add_handler(CommandHandler("start", commands.on_start))
    app.add_handler(CommandHandler("help", commands.on_help))
    app.add_handler(CommandHandler("ask", questions.on_ask))
    app.add_handler(CommandHandler("outline", commands.on_outline))
    app.add_handler(CommandHandler("sources", admin.on_sources))  # admins get remove/date buttons
    app.add_handler(CommandHandler("latest", commands.on_latest))
    app.add_handler(CommandHandler("subscribe", commands.on_subscribe))
    app.add_handler(CommandHandler("unsubscribe", commands.on_unsubscribe))
    app.add_handler(CommandHandler("tasks", tasks.on_tasks))
    app.add_handler(CommandHandler("due", tasks.on_due))
    app.add_handler(CommandHandler("follow", tasks.on_follow))
    app.add_handler(CommandHandler("unfollow", tasks.on_unfollow))
    # Admin checks happen inside the handlers, so non-admins get a polite refusal instead of silence.
    app.add_handler(CommandHandler("reindex", admin.on_reindex))
    app.add_handler(CommandHandler("stats", admin.on_stats))
    app.add_handler(CommandHandler("feedback", feedback.on_feedback_list))
    app.add_handler(CommandHandler("claim", access.on_claim, filters=filters.ChatType.PRIVATE))
    app.add_handler(CommandHandler("members", access.on_members))
    app.add_handler(CommandHandler("revoke", access.on_revoke))
    app.add_handler(CommandHandler("allowchat", access.on_allowchat))
    app.add_handler(ChatMemberHandler(access.on_bot_added, ChatMemberHandler.MY_CHAT_MEMBER))
    app.add_handler(MessageHandler(filters.Document.ALL, admin.on_document))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & admin.DATE_REPLY,
                                   admin.on_date_reply))  # before on_private_text: a date, not a question
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE,
                                   questions.on_private_text))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS, questions.on_group_text))
    for kind, callback in [
        (kb.ShowResult, buttons.on_show_result),
        (kb.ShowOutline, buttons.on_show_outline),
        (kb.ShowPoint, buttons.on_show_point),
        (kb.ReadList, buttons.on_read_list),
        (kb.Feedback, buttons.on_feedback),
        (kb.FullText, buttons.on_full_text),
        (kb.Apply, access.on_apply),
        (kb.Decide, access.on_decide),
        (kb.ReadAnswer, feedback.on_read_answer),
        (kb.AskRemove, admin.on_ask_remove),
        (kb.ConfirmRemove, admin.on_confirm_remove),
        (kb.CancelRemove, admin.on_cancel_remove),
        (kb.SetDate, admin.on_set_date_button),
        (kb.TaskPage, tasks.on_task_page),
        (kb.DuePage, tasks.on_due_page),
    ]:
        app.add_handler(CallbackQueryHandler(callback, pattern=kb.matches(kind)))
    app.add_handler(CallbackQueryHandler(buttons.on_unknown_button))
    app.add_handler(InlineQueryHandler(inline.on_inline_query))
    app.add_handler(ChosenInlineResultHandler(inline.on_chosen_inline))
    app.add_error_handler(on_error)
    if config.telegram.weekly_summary:
        feedback.schedule_weekly_summary(app)
    tasks.schedule_reminders(app)
    admin.watch_added(app)  # bulletins added with `policybot add` get the same digest and notes as uploads
    return app


class FailedStart(logging.Filter):
    """PTB logs a start that cannot reach Telegram with a long traceback; the CLI says it in one line."""

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        return not ("Network Retry Loop" in text and "Aborting" in text)


def run_bot(config: Config, token: str) -> int:
    """Long polling (default) or a webhook (`telegram.webhook`) until interrupted. The token is never logged."""
    app = build_application(config, token)
    logging.getLogger("telegram.ext").addFilter(FailedStart())
    try:
        if config.telegram.webhook is not None:
            app.run_webhook(**webhook_options(config))
        else:
            app.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken as exc:
        raise ConfigError("Telegram rejected the bot token; check the token environment variable") from exc
    return 0
