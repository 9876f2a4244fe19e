"""Every text the Telegram bot shows a user (simplified Chinese), as constants or small builders.

Builders return Telegram HTML (escaped, balanced) unless their name says `plain`. Answers
themselves (a passage with its headline and source) are rendered by bot.render, shared with the CLI.
"""

from __future__ import annotations

from telegram import BotCommand

from bot.render import headline, source_line
from bot.search import Result
from bot.telegram_html import LIMIT, escape, highlight, split_message
from bot.textutil import int_to_cn, split_sentences

# ---------------------------------------------------------------- command menus

PUBLIC_COMMANDS = [
    BotCommand("start", "机器人能回答什么"),
    BotCommand("help", "怎么提问"),
    BotCommand("ask", "提问（群聊中使用）"),
    BotCommand("outline", "公报中的各条要点"),
    BotCommand("latest", "最新收录的公报"),
    BotCommand("sources", "已收录的公报"),
    BotCommand("subscribe", "订阅新公报提醒"),
    BotCommand("unsubscribe", "取消订阅"),
]
ADMIN_COMMANDS = PUBLIC_COMMANDS + [BotCommand("reindex", "重建索引"), BotCommand("stats", "使用统计")]

# ---------------------------------------------------------------- short notes

APOLOGY = "抱歉，处理您的消息时出了点问题，请稍后再试。"
ADMIN_ONLY = "抱歉，这个操作只有管理员可以使用。"
UPLOAD_ADMIN_ONLY = "抱歉，只有管理员可以上传公报。如需添加，请联系管理员。"
BUTTON_EXPIRED = "这个按钮已失效，请重新提问。"
ANSWER_GONE = "这条回答已不在记录中，请重新提问。"
PASSAGE_GONE = "这部分内容已不在公报中（公报可能已更正或移除），请重新提问。"
ARTICLE_GONE = "这篇文章的原文已不在收录的公报中。"
FEEDBACK_THANKS = "谢谢您的反馈！"
NO_LISTS = "已收录的公报中没有编号的要点。"
NO_BULLETINS = "还没有收录公报。"
SUBSCRIBED = "已订阅：有新公报收录时，我会发一条简短的提醒。发送 /unsubscribe 可以取消。"
ALREADY_SUBSCRIBED = "您已经订阅了新公报提醒。发送 /unsubscribe 可以取消。"
UNSUBSCRIBED = "已取消订阅，不会再收到新公报提醒。"
NOT_SUBSCRIBED = "您没有订阅新公报提醒。发送 /subscribe 可以订阅。"
INLINE_NOTHING = "没有找到相关内容，点此私聊提问"
INLINE_TOO_FAST = "提问太快了，请稍后再试"
INLINE_EMPTY = "输入问题，查找公报中的要求"
INLINE_START = "inline"  # /start parameter of the inline results button

# Button labels
PREV = "◀ 上一条"
NEXT = "下一条 ▶"
ALL_POINTS = "全部要点"
BACK_TO_RESULTS = "↩ 返回结果"
FULL_TEXT = "原文"
THUMBS_UP = "👍"
THUMBS_DOWN = "👎"


def point_button(n: int) -> str:
    return f"第{int_to_cn(n)}条"


def too_fast(per_minute: int) -> str:
    return f"您提问有点快，请稍等一分钟再问（每分钟最多 {per_minute} 个问题）。"


def ask_usage(example: str) -> str:
    return "请在 /ask 后面写上问题，例如：/ask " + example


# ---------------------------------------------------------------- commands


def start_text(bulletins: int, articles: int, first: str | None, last: str | None, examples: list[str]) -> str:
    span = ""
    if first and last:
        span = f"，时间从 {first} 到 {last}" if first != last else f"，日期 {first}"
    text = (
        "您好！我是政策问答机器人，回答关于区里公报中工作要求的问题，并给出原文出处。\n\n"
        f"目前收录 {bulletins} 份公报、{articles} 篇文章{span}。\n\n"
        "直接发送问题即可，例如：\n" + "\n".join(f"• {q}" for q in examples) +
        "\n\n/help 查看提问方法，/outline 查看各条要点，/latest 查看最新公报，/subscribe 订阅新公报提醒。"
    )
    return escape(text)


def help_text(examples: list[str], bot_username: str | None) -> str:
    inline = f"在任何聊天中输入 @{bot_username} 问题，可以把找到的要求直接发到那个聊天里。\n" if bot_username else ""
    text = (
        "怎么提问：\n"
        "• 按主题问：" + examples[2] + "\n"
        "• 问第几条：" + examples[1] + "\n"
        "• 问一组要点：" + examples[0] + "\n\n"
        "私聊时直接发问题；群聊中请用 /ask 问题，或 @我，或回复我的消息。\n" + inline +
        "答案下方可以点“下一条”看其他结果，点“全部要点”看整组要求，点“原文”读整篇文章，"
        "点 👍/👎 告诉我们答得好不好。\n"
        "回答之后还可以接着问：“第三个呢”“下一条”“这是谁讲的”“哪天开的会”“展开说说”“全部要点”。"
    )
    return escape(text)


def outline_list_text(rows: list[tuple[str, int, str, str | None]]) -> str:
    """/outline: (label, size, date_text, speaker) of each list."""
    lines = ["<b>公报中的各组要点</b>（点按钮查看）", ""]
    for i, (label, size, date_text, speaker) in enumerate(rows, start=1):
        who = f" · {speaker}" if speaker else ""
        lines.append(f"{i}. {escape(label)}（共{int_to_cn(size)}条）— {escape(date_text)}{escape(who)}")
    return "\n".join(lines)


def outline_button(i: int, label: str) -> str:
    return f"{i}. {label}"[:30]


def sources_text(bulletins: int, files: list[tuple[str, list[tuple[str, str]]]]) -> str:
    """/sources: each file with its articles' (date_text, title)."""
    lines = [f"<b>已收录 {bulletins} 份公报</b>", ""]
    for file, articles in files:
        lines.append(f"📄 {escape(file)}")
        for date_text, title in articles:
            lines.append(f"  • {escape(date_text or '日期不详')} 《{escape(title)}》")
    return "\n".join(lines)


def _article_block(title: str, date_text: str, lists: list[tuple[str, int, tuple[str, ...]]],
                   headline_chars: int = 40) -> list[str]:
    lines = [f"《<b>{escape(title)}</b>》 {escape(date_text or '日期不详')}"]
    for label, size, headlines in lists:
        lines.append(f"  ▸ {escape(label)}（共{int_to_cn(size)}条）")
        for h in headlines:
            short = h if len(h) <= headline_chars else h[:headline_chars] + "…"
            lines.append(f"    · {escape(short)}")
    if not lists:
        lines.append("  （没有编号的要点）")
    return lines


def latest_text(bulletins: list[tuple[str, str, list[tuple[str, str, list]]]]) -> str:
    """/latest: (file, added date, [(title, date_text, lists)]) of the newest bulletins."""
    lines = ["<b>最新收录的公报</b>", ""]
    for file, added, articles in bulletins:
        lines.append(f"📄 {escape(file)}（{escape(added)} 收录）")
        for title, date_text, lists in articles:
            lines += _article_block(title, date_text, lists)
        lines.append("")
    return "\n".join(lines).rstrip()


def digest_text(articles: list[tuple[str, str, list]]) -> str:
    """The subscribers' note after an upload: the new articles and their directive headlines."""
    lines = [f"🆕 <b>新收录 {len(articles)} 篇公报文章</b>", ""]
    for title, date_text, lists in articles:
        lines += _article_block(title, date_text, lists, headline_chars=30)
    lines += ["", "点下面的按钮阅读。发送 /unsubscribe 可以取消提醒。"]
    return "\n".join(lines)


def read_list_button(label: str) -> str:
    return f"📋 {label}"[:30]


def read_article_button(title: str) -> str:
    return f"📄 {title}"[:30]


# ---------------------------------------------------------------- 原文 and inline


def article_parts(title: str, date_text: str, speakers: tuple[str, ...], paragraphs: tuple[str, ...]) -> list[str]:
    """A whole article (原文) as Telegram HTML parts (≤ 4096 each), cut after sentence ends."""
    meta = " · ".join(x for x in [date_text, "、".join(speakers)] if x) or "日期不详"
    body = "\n\n".join(escape(p.strip()) for p in paragraphs if p.strip())
    return split_message(f"<b>{escape(title)}</b>\n<i>{escape(meta)}</i>\n\n{body}")


def inline_title(result: Result) -> str:
    p = result.passage
    if p.kind == "point" and p.headline:
        return p.headline[:100]
    if result.outline or p.kind == "outline":
        return f"{p.list_label} · 全部要点"
    first = split_sentences(p.text)
    return (first[0] if first else p.text)[:100]


def inline_description(result: Result) -> str:
    """headline · date · point, the line under an inline result's title."""
    p = result.passage
    return " · ".join(x for x in [headline(result), p.date_text, p.title] if x)[:200]


def inline_message(result: Result, terms: tuple[str, ...]) -> str:
    """The message an inline result posts: headline, passage (cut at a sentence end if needed), source."""
    p = result.passage
    head = f"<b>{escape(headline(result))}</b>\n\n"
    tail = f"\n\n<i>{escape(source_line(p))}</i>"
    budget = LIMIT - 200 - len(head) - len(tail)
    text = p.text
    if len(text) > budget:
        cut, kept = 0, []
        for sentence in split_sentences(text):
            if cut + len(sentence) > budget:
                break
            kept.append(sentence)
            cut += len(sentence)
        text = ("".join(kept) or text[:budget]) + "……"
    return head + highlight(text, [t for t in terms if len(t) > 1]) + tail


# ---------------------------------------------------------------- admins


def report_text(report, file_name: str | None = None) -> str:
    """What an upload or re-index did (a bot.ingest.SyncReport), for the admin."""
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
    for _, title in report.duplicates:
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


DATE_SOURCES = {
    "dateline": "日期取自正文",
    "dateline+page": "日期取自正文，年份取自网页发布时间",
    "dateline+filename": "日期取自正文，年份取自文件名",
    "dateline+config": "日期取自正文，年份取自配置",
    "document": "日期取自落款",
    "page": "日期取自网页发布时间",
    "filename": "日期取自文件名",
    "none": "未找到日期",
}


def understanding_text(file_record: dict, limit: int = 6) -> str:
    """How a bulletin was understood (one file of `policybot inspect`), for the admin's upload reply."""
    if file_record.get("error"):
        return f"未能读取：{file_record['error']}"
    out = ["解析结果（与 policybot inspect 相同）："]
    for a in file_record["articles"]:
        date = a["date"] or "日期不详"
        who = "、".join(a["speakers"]) or "未识别"
        out.append(f"《{a['title']}》 {date}（{DATE_SOURCES.get(a['date_source'], a['date_source'])}）；讲话人：{who}")
        for nl in a["lists"][:limit]:
            kind = "编号" if nl["numbered"] else "未编号"
            out.append(f"  · {nl['label']}：{nl['size']} 条（{kind}，{nl['speaker'] or '讲话人未识别'}）")
        if len(a["lists"]) > limit:
            out.append(f"  · 另有 {len(a['lists']) - limit} 组要点")
        if a["dropped_lines"]:
            out.append(f"  已去除网页杂项 {len(a['dropped_lines'])} 行")
    return "\n".join(out)


def unsupported_file(name: str, formats) -> str:
    return f"不支持这种文件（{name}）。请发送 {'、'.join(formats)} 格式的公报。"


def file_too_big(size_bytes: int, limit_mb: float) -> str:
    return f"文件太大（{size_bytes / 1048576:.1f} MB），上限是 {limit_mb} MB。"


def ingesting(name: str) -> str:
    return f"正在收录 {name} …"


def not_ingested(name: str, reason: str) -> str:
    return f"❌ {name} 未收录：{reason}"


def digest_scheduled(subscribers: int) -> str:
    return f"\n已安排向 {subscribers} 位订阅者发送新公报提醒。" if subscribers else ""


REINDEXING = "正在重建索引 …"


def reindex_progress(stage: str, done: int, total: int) -> str:
    label = "读取公报" if stage == "read" else "计算向量"
    return f"正在重建索引 … {label} {done}/{total}"


def reindexed(bulletins: int, articles: int, passages: int) -> str:
    return f"✅ 索引已重建：{bulletins} 份公报、{articles} 篇文章、{passages} 个段落。"


def stats_text(stats, bulletins: int, articles: int, passages: int, subscribers: int) -> str:
    """/stats (a bot.qlog.Stats) as HTML."""
    share = f"{stats.answered_share:.0%}" if stats.answered_share is not None else "—"
    lines = [
        "<b>使用统计</b>",
        f"公报 {bulletins} 份 · 文章 {articles} 篇 · 段落 {passages} 个",
        f"今天提问 {stats.today} 个，近 7 天 {stats.week} 个，回答率 {share}",
        f"反馈：👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}",
        f"新公报提醒订阅：{subscribers} 个聊天",
    ]
    if stats.unanswered:
        lines += ["", "最近没有答上的问题："]
        lines += [f"• {escape(ts[5:16].replace('T', ' '))} {escape(q[:60])}" for ts, q in stats.unanswered]
    return "\n".join(lines)
