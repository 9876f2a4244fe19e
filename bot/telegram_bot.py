"""The Telegram bot (python-telegram-bot 22): a thin layer over search, render and ingest.

Officials ask in private chats (every text is a question) or in groups (/ask, a mention, or a reply
to the bot). Admins (user ids in config) send bulletin files and use /reindex and /stats. Search and
indexing run in worker threads so one slow request never stalls the others.
"""

from __future__ import annotations

import asyncio
import logging
import re
import secrets
import tempfile
import time
from collections import OrderedDict, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from telegram import (
    BotCommand,
    BotCommandScopeChat,
    BotCommandScopeDefault,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ParseMode
from telegram.error import InvalidToken, TelegramError
from telegram.ext import (
    AIORateLimiter,
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

from bot.config import Config
from bot.errors import ConfigError, IndexBusy, PolicyBotError, QuestionError
from bot.index import IndexSnapshot
from bot.ingest import SyncReport, add_files, sync
from bot.load import FORMATS
from bot.qlog import QuestionLog, log_path
from bot.render import (
    example_questions,
    source_line,
    telegram_answer,
    telegram_no_answer,
    telegram_outline,
)
from bot.search import Answer, Result, Searcher
from bot.telegram_html import escape, split_message
from bot.textutil import int_to_cn

log = logging.getLogger("policybot.telegram")

TOKEN_FORMAT = re.compile(r"^\d{5,}:[A-Za-z0-9_-]{30,}$")
APOLOGY = "抱歉，处理您的消息时出了点问题，请稍后再试。"
STALE = "这条消息已过期（公报索引已更新或机器人已重启），请重新提问。"
ADMIN_ONLY = "抱歉，这个操作只有管理员可以使用。"
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
PUBLIC_COMMANDS = [
    BotCommand("start", "机器人能回答什么"),
    BotCommand("help", "怎么提问"),
    BotCommand("ask", "提问（群聊中使用）"),
    BotCommand("outline", "公报中的各条要点"),
    BotCommand("sources", "已收录的公报"),
]
ADMIN_COMMANDS = PUBLIC_COMMANDS + [BotCommand("reindex", "重建索引"), BotCommand("stats", "使用统计")]


@dataclass
class CachedAnswer:
    generation: str
    answer: Answer
    log_id: int


class BotService:
    """What the handlers share: search, the question log, recent answers, per-user limits."""

    def __init__(self, config: Config, searcher: Searcher, qlog: QuestionLog):
        self.config = config
        self.searcher = searcher
        self.qlog = qlog
        self.admins = set(config.telegram.admins)
        self.answers: OrderedDict[str, CachedAnswer] = OrderedDict()
        self.asked: dict[int, deque[float]] = defaultdict(deque)
        self.query_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="search")
        self.index_pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="index")

    # -- limits
    def allow(self, user_id: int, now: float | None = None) -> bool:
        """Sliding one-minute window of questions per user."""
        now = time.monotonic() if now is None else now
        window = self.asked[user_id]
        while window and now - window[0] > 60:
            window.popleft()
        if len(window) >= self.config.telegram.questions_per_minute:
            return False
        window.append(now)
        return True

    def is_admin(self, update: Update) -> bool:
        return bool(update.effective_user) and update.effective_user.id in self.admins

    # -- answers kept for the buttons
    def remember(self, answer: Answer, log_id: int) -> str:
        key = secrets.token_hex(4)
        self.answers[key] = CachedAnswer(answer.generation, answer, log_id)
        while len(self.answers) > self.config.telegram.answer_cache:
            self.answers.popitem(last=False)
        return key

    def recall(self, key: str) -> CachedAnswer | None:
        cached = self.answers.get(key)
        if cached is None or cached.generation != self.snapshot().generation:
            return None
        return cached

    def snapshot(self) -> IndexSnapshot:
        return self.searcher.snapshot

    def examples(self) -> list[str]:
        return example_questions(list(self.snapshot().lists.values()))

    async def run(self, pool: ThreadPoolExecutor, fn, *args, **kwargs):
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(pool, lambda: fn(*args, **kwargs))


def service(context: ContextTypes.DEFAULT_TYPE) -> BotService:
    return context.application.bot_data["service"]


# ---------------------------------------------------------------- keyboards


def answer_keyboard(key: str, index: int, cached: CachedAnswer) -> InlineKeyboardMarkup:
    results = cached.answer.results
    result = results[index]
    rows: list[list[InlineKeyboardButton]] = []
    nav = []
    if index > 0:
        nav.append(InlineKeyboardButton("◀ 上一条", callback_data=f"r:{key}:{index - 1}"))
    if index + 1 < len(results):
        nav.append(InlineKeyboardButton("下一条 ▶", callback_data=f"r:{key}:{index + 1}"))
    if nav:
        rows.append(nav)
    if result.passage.list_id and not result.outline:
        rows.append([InlineKeyboardButton("全部要点", callback_data=f"o:{result.passage.list_id}")])
    rows.append([
        InlineKeyboardButton("👍", callback_data=f"f:{cached.log_id}:1"),
        InlineKeyboardButton("👎", callback_data=f"f:{cached.log_id}:-1"),
    ])
    return InlineKeyboardMarkup(rows)


def outline_keyboard(list_id: str, size: int) -> InlineKeyboardMarkup:
    buttons = [InlineKeyboardButton(f"第{int_to_cn(n)}条", callback_data=f"p:{list_id}:{n}") for n in range(1, size + 1)]
    return InlineKeyboardMarkup([buttons[i : i + 4] for i in range(0, len(buttons), 4)])


def point_keyboard(list_id: str, ordinal: int, size: int) -> InlineKeyboardMarkup:
    nav = []
    if ordinal > 1:
        nav.append(InlineKeyboardButton("◀ 上一条", callback_data=f"p:{list_id}:{ordinal - 1}"))
    if ordinal < size:
        nav.append(InlineKeyboardButton("下一条 ▶", callback_data=f"p:{list_id}:{ordinal + 1}"))
    rows = [nav] if nav else []
    rows.append([InlineKeyboardButton("全部要点", callback_data=f"o:{list_id}")])
    return InlineKeyboardMarkup(rows)


# ---------------------------------------------------------------- sending


async def send_parts(message: Message, parts: list[str], markup: InlineKeyboardMarkup | None = None) -> Message:
    """Send an HTML message in parts; the keyboard goes on the last part."""
    sent = message
    for i, part in enumerate(parts):
        sent = await message.reply_text(
            part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
            reply_markup=markup if i == len(parts) - 1 else None,
        )
    return sent


async def edit_parts(update: Update, parts: list[str], markup: InlineKeyboardMarkup | None) -> None:
    """Edit the message the button sits on; any overflow follows as new messages."""
    query = update.callback_query
    await query.edit_message_text(parts[0], parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                  reply_markup=markup if len(parts) == 1 else None)
    if len(parts) > 1 and query.message is not None:
        for i, part in enumerate(parts[1:], start=1):
            await query.message.reply_text(part, parse_mode=ParseMode.HTML, link_preview_options=NO_PREVIEW,
                                           reply_markup=markup if i == len(parts) - 1 else None)


# ---------------------------------------------------------------- officials


async def answer_question(update: Update, context: ContextTypes.DEFAULT_TYPE, question: str) -> None:
    """Search, log, and reply with the best passage and its buttons."""
    svc = service(context)
    message = update.effective_message
    user = update.effective_user
    if user is not None and not svc.allow(user.id):
        await message.reply_text(
            f"您提问有点快，请稍等一分钟再问（每分钟最多 {svc.config.telegram.questions_per_minute} 个问题）。"
        )
        return
    try:
        await context.bot.send_chat_action(update.effective_chat.id, ChatAction.TYPING)
    except TelegramError:
        pass  # the typing indicator is a nicety
    started = time.perf_counter()
    try:
        answer = await svc.run(svc.query_pool, svc.searcher.search, question)
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
    key = svc.remember(answer, log_id)
    cached = svc.answers[key]
    await send_parts(message, render_result(answer.results[0], answer, 0), answer_keyboard(key, 0, cached))


def render_result(result: Result, answer: Answer, index: int) -> list[str]:
    if result.outline:
        return telegram_outline(result.passage)
    return telegram_answer(result, answer.terms, index + 1, len(answer.results))


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In a private chat every text message is a question."""
    await answer_question(update, context, update.effective_message.text or "")


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """In groups, answer mentions of the bot and replies to it; stay silent on other chatter."""
    message = update.effective_message
    text = message.text or ""
    username = context.bot.username
    mentioned = False
    for entity, value in message.parse_entities([MessageEntity.MENTION]).items():
        if username and value.lower() == f"@{username.lower()}":
            mentioned = True
            text = text.replace(value, " ")
    replied = (
        message.reply_to_message is not None
        and message.reply_to_message.from_user is not None
        and message.reply_to_message.from_user.id == context.bot.id
    )
    if not (mentioned or replied):
        return
    await answer_question(update, context, text.strip())


async def on_ask(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/ask 问题 — the way to ask in a group."""
    question = " ".join(context.args or []).strip()
    if not question:
        await update.effective_message.reply_text("请在 /ask 后面写上问题，例如：/ask " + service(context).examples()[1])
        return
    await answer_question(update, context, question)


async def on_start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start — what the bot knows."""
    snap = service(context).snapshot()
    articles = snap.articles()
    dates = sorted(a["date"] for a in articles if a["date"])
    span = ""
    if dates:
        first = next(a["date_text"] for a in articles if a["date"] == dates[0])
        last = next(a["date_text"] for a in articles if a["date"] == dates[-1])
        span = f"，时间从 {first} 到 {last}" if first != last else f"，日期 {first}"
    text = (
        "您好！我是政策问答机器人，回答关于区里公报中工作要求的问题，并给出原文出处。\n\n"
        f"目前收录 {snap.manifest.bulletins} 份公报、{snap.manifest.articles} 篇文章{span}。\n\n"
        "直接发送问题即可，例如：\n" + "\n".join(f"• {q}" for q in service(context).examples()) +
        "\n\n/help 查看提问方法，/outline 查看各条要点，/sources 查看已收录的公报。"
    )
    await update.effective_message.reply_text(escape(text), parse_mode=ParseMode.HTML)


async def on_help(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/help — how to ask, with three example questions."""
    examples = service(context).examples()
    text = (
        "怎么提问：\n"
        "• 按主题问：" + examples[2] + "\n"
        "• 问第几条：" + examples[1] + "\n"
        "• 问一组要点：" + examples[0] + "\n\n"
        "私聊时直接发问题；群聊中请用 /ask 问题，或 @我，或回复我的消息。\n"
        "答案下方可以点“下一条”看其他结果，点“全部要点”看整组要求，点 👍/👎 告诉我们答得好不好。"
    )
    await update.effective_message.reply_text(escape(text), parse_mode=ParseMode.HTML)


async def on_outline(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/outline — the numbered lists across bulletins, each one tap away."""
    snap = service(context).snapshot()
    articles = {a["article_id"]: a for a in snap.articles()}
    lists = sorted(snap.lists.values(), key=lambda nl: (articles.get(nl.article_id, {}).get("date") or "", nl.list_id),
                   reverse=True)[:40]
    if not lists:
        await update.effective_message.reply_text("已收录的公报中没有编号的要点。")
        return
    lines = ["<b>公报中的各组要点</b>（点按钮查看）", ""]
    buttons = []
    for i, nl in enumerate(lists, start=1):
        a = articles.get(nl.article_id, {})
        who = f" · {nl.speaker}" if nl.speaker else ""
        lines.append(f"{i}. {escape(nl.label)}（共{int_to_cn(nl.size)}条）— {escape(a.get('date_text') or '')}{escape(who)}")
        buttons.append(InlineKeyboardButton(f"{i}. {nl.label}"[:30], callback_data=f"o:{nl.list_id}"))
    markup = InlineKeyboardMarkup([buttons[i : i + 2] for i in range(0, len(buttons), 2)])
    await send_parts(update.effective_message, split_message("\n".join(lines)), markup)


async def on_sources(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/sources — bulletins indexed, with their articles' dates."""
    snap = service(context).snapshot()
    articles = snap.articles()
    lines = [f"<b>已收录 {snap.manifest.bulletins} 份公报</b>", ""]
    for b in snap.bulletins():
        lines.append(f"📄 {escape(b['file'])}")
        for a in (a for a in articles if a["file"] == b["file"]):
            lines.append(f"  • {escape(a['date_text'] or '日期不详')} 《{escape(a['title'])}》")
    await send_parts(update.effective_message, split_message("\n".join(lines)))


# ---------------------------------------------------------------- buttons


async def on_callback(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Every button press is answered, stale ones with a polite note."""
    query = update.callback_query
    svc = service(context)
    kind, _, rest = (query.data or "").partition(":")
    if kind == "r":
        key, _, index_text = rest.partition(":")
        cached = svc.recall(key)
        if cached is None or not index_text.isdigit() or int(index_text) >= len(cached.answer.results):
            await query.answer(STALE, show_alert=True)
            return
        await query.answer()
        index = int(index_text)
        result = cached.answer.results[index]
        await edit_parts(update, render_result(result, cached.answer, index), answer_keyboard(key, index, cached))
    elif kind == "o":
        snap = svc.snapshot()
        nl = snap.lists.get(rest)
        outline = next((p for _, p in snap.list_points(rest) if p.kind == "outline"), None) if nl else None
        if outline is None:
            await query.answer(STALE, show_alert=True)
            return
        await query.answer()
        await edit_parts(update, telegram_outline(outline), outline_keyboard(nl.list_id, nl.size))
    elif kind == "p":
        list_id, _, n_text = rest.rpartition(":")
        snap = svc.snapshot()
        points = {p.ordinal: (rid, p) for rid, p in snap.list_points(list_id) if p.kind == "point"}
        if not n_text.isdigit() or int(n_text) not in points:
            await query.answer(STALE, show_alert=True)
            return
        await query.answer()
        rid, p = points[int(n_text)]
        parts = telegram_answer(Result(1, 0.0, rid, p), (), 1, 1)
        await edit_parts(update, parts, point_keyboard(list_id, p.ordinal, p.list_size or len(points)))
    elif kind == "f":
        log_id, _, value = rest.partition(":")
        ok = log_id.isdigit() and value in ("1", "-1") and await svc.run(
            svc.query_pool, svc.qlog.feedback, int(log_id), int(value))
        await query.answer("谢谢您的反馈！" if ok else STALE)
    else:
        await query.answer("这个按钮已失效，请重新提问。")


# ---------------------------------------------------------------- admins


def describe_report(report: SyncReport, file_name: str | None = None) -> str:
    """What an upload or re-index did, in Chinese for the admin."""
    lines = []
    if report.articles_added or report.articles_replaced:
        lines.append(f"✅ 已收录 {file_name or ''}".rstrip())
        for title in report.articles_added:
            lines.append(f"  新增文章：《{title}》")
        for title in report.articles_replaced:
            lines.append(f"  更正文章（替换旧版本）：《{title}》")
        lines.append(f"  新增段落 {report.passages_added} 个")
        if report.lists:
            lines.append("  编号要点：" + "、".join(f"{label}（{size}条）" for label, size in report.lists))
    for file, title in report.duplicates:
        lines.append(f"ℹ️ 《{title}》已经收录过，没有重复添加。")
    for file, message in report.errors:
        lines.append(f"❌ {file} 未收录：{message}")
    if report.articles_removed:
        lines.append("已移除文章：" + "、".join(f"《{t}》" for t in report.articles_removed))
    if not lines:
        lines.append("没有变化。")
    if report.manifest:
        m = report.manifest
        lines.append(f"\n目前共 {m.bulletins} 份公报、{m.articles} 篇文章、{m.passages} 个段落。")
    return "\n".join(lines)


async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An admin's bulletin file is added to corpus/ and the index; anyone else gets a polite refusal."""
    svc = service(context)
    message = update.effective_message
    if not svc.is_admin(update):
        await message.reply_text("抱歉，只有管理员可以上传公报。如需添加，请联系管理员。")
        return
    doc = message.document
    name = Path(doc.file_name or "bulletin.txt").name
    limit = svc.config.max_file_bytes
    if Path(name).suffix.lower() not in FORMATS:
        await message.reply_text(f"不支持这种文件（{name}）。请发送 {'、'.join(FORMATS)} 格式的公报。")
        return
    if doc.file_size and doc.file_size > limit:
        await message.reply_text(f"文件太大（{doc.file_size / 1048576:.1f} MB），上限是 {svc.config.ingest.max_file_mb:g} MB。")
        return
    status = await message.reply_text(f"正在收录 {name} …")
    tg_file = await doc.get_file()
    data = bytes(await tg_file.download_as_bytearray())
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            report = await svc.run(svc.index_pool, add_files, svc.config, svc.searcher.embedder, [path],
                                   wait_seconds=600)
        except PolicyBotError as exc:
            await status.edit_text(f"❌ {name} 未收录：{exc.message}")
            return
    await svc.run(svc.query_pool, svc.searcher.refresh)
    await status.edit_text(describe_report(report, name))


async def on_reindex(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/reindex — rebuild everything, showing progress in one edited message."""
    svc = service(context)
    if not svc.is_admin(update):
        await update.effective_message.reply_text(ADMIN_ONLY)
        return
    status = await update.effective_message.reply_text("正在重建索引 …")
    loop = asyncio.get_running_loop()
    last = [0.0]

    def progress(stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - last[0] < 1.0 and done < total:
            return  # Telegram flood limits: at most one edit a second
        last[0] = now
        label = "读取公报" if stage == "read" else "计算向量"
        text = f"正在重建索引 … {label} {done}/{total}"
        asyncio.run_coroutine_threadsafe(_quiet_edit(status, text), loop)

    try:
        report = await svc.run(svc.index_pool, sync, svc.config, svc.searcher.embedder, rebuild=True,
                               progress=progress, wait_seconds=600)
    except IndexBusy as exc:
        await status.edit_text(exc.message)
        return
    await svc.run(svc.query_pool, svc.searcher.refresh)
    m = report.manifest
    await status.edit_text(f"✅ 索引已重建：{m.bulletins} 份公报、{m.articles} 篇文章、{m.passages} 个段落。")


async def _quiet_edit(message: Message, text: str) -> None:
    try:
        await message.edit_text(text)
    except TelegramError:
        pass  # e.g. "message is not modified"


async def on_stats(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/stats — corpus size, questions today and this week, share answered, latest unanswered, 👍/👎."""
    svc = service(context)
    if not svc.is_admin(update):
        await update.effective_message.reply_text(ADMIN_ONLY)
        return
    stats = await svc.run(svc.query_pool, svc.qlog.stats)
    m = svc.snapshot().manifest
    share = f"{stats.answered_share:.0%}" if stats.answered_share is not None else "—"
    lines = [
        "<b>使用统计</b>",
        f"公报 {m.bulletins} 份 · 文章 {m.articles} 篇 · 段落 {m.passages} 个",
        f"今天提问 {stats.today} 个，近 7 天 {stats.week} 个，回答率 {share}",
        f"反馈：👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}",
    ]
    if stats.unanswered:
        lines += ["", "最近没有答上的问题："]
        lines += [f"• {escape(ts[5:16].replace('T', ' '))} {escape(q[:60])}" for ts, q in stats.unanswered]
    await send_parts(update.effective_message, split_message("\n".join(lines)))


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Stack traces go to the log; the user gets a short apology."""
    log.error("error while handling an update", exc_info=context.error)
    if isinstance(update, Update):
        try:
            if update.callback_query is not None:
                await update.callback_query.answer(APOLOGY)
            elif update.effective_message is not None:
                await update.effective_message.reply_text(APOLOGY)
        except TelegramError:
            log.warning("could not send the apology")


# ---------------------------------------------------------------- wiring


async def post_init(application: Application) -> None:
    """Register the command menu (public, plus admin commands in admins' chats)."""
    bot = application.bot
    await bot.set_my_commands(PUBLIC_COMMANDS, scope=BotCommandScopeDefault())
    for admin in application.bot_data["service"].admins:
        try:
            await bot.set_my_commands(ADMIN_COMMANDS, scope=BotCommandScopeChat(admin))
        except TelegramError:
            log.info("admin %s has not started a chat with the bot yet", admin)


async def post_shutdown(application: Application) -> None:
    svc: BotService = application.bot_data["service"]
    svc.query_pool.shutdown(wait=False, cancel_futures=True)
    svc.index_pool.shutdown(wait=True)
    svc.qlog.close()


def check_token(token: str) -> str:
    token = token.strip()
    if not TOKEN_FORMAT.match(token):
        raise ConfigError("the Telegram bot token looks malformed (expected digits:letters from @BotFather); "
                          "check the token environment variable")
    return token


def build_application(config: Config, token: str, searcher: Searcher | None = None) -> Application:
    """The PTB Application with every handler wired; `searcher` may be shared (tests)."""
    token = check_token(token)
    # httpx logs request URLs, which contain the token, at INFO: keep it out of every log.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    searcher = searcher or Searcher(config)
    svc = BotService(config, searcher, QuestionLog(log_path(config.data)))
    builder = (
        ApplicationBuilder()
        .token(token)
        .rate_limiter(AIORateLimiter(max_retries=2))
        .concurrent_updates(True)
        .post_init(post_init)
        .post_shutdown(post_shutdown)
    )
    if config.telegram.base_url:
        builder = builder.base_url(config.telegram.base_url)
    if config.telegram.base_file_url:
        builder = builder.base_file_url(config.telegram.base_file_url)
    app = builder.build()
    app.bot_data["service"] = svc

    app.add_handler(CommandHandler("start", on_start))
    app.add_handler(CommandHandler("help", on_help))
    app.add_handler(CommandHandler("ask", on_ask))
    app.add_handler(CommandHandler("outline", on_outline))
    app.add_handler(CommandHandler("sources", on_sources))
    app.add_handler(CommandHandler("reindex", on_reindex))
    app.add_handler(CommandHandler("stats", on_stats))
    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_private_text))
    app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.GROUPS, on_group_text))
    app.add_handler(CallbackQueryHandler(on_callback))
    app.add_error_handler(on_error)
    # Admin checks happen inside the handlers, so non-admins get a polite refusal instead of silence.
    return app


def run_bot(config: Config, token: str) -> int:
    """Long polling until interrupted. The token is never logged."""
    app = build_application(config, token)
    try:
        app.run_polling(allowed_updates=Update.ALL_TYPES)
    except InvalidToken as exc:
        raise ConfigError("Telegram rejected the bot token; check the token environment variable") from exc
    return 0
