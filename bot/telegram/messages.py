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
    BotCommand("tasks", "某单位的任务，如 /tasks 住建局"),
    BotCommand("due", "近30天到期的任务"),
    BotCommand("follow", "关注某单位的任务和到期提醒"),
    BotCommand("unfollow", "取消关注"),
]
ADMIN_COMMANDS = PUBLIC_COMMANDS + [BotCommand("reindex", "重建索引"), BotCommand("stats", "使用统计"),
                                    BotCommand("feedback", "最近的👎回答"), BotCommand("members", "成员和已启用的群"),
                                    BotCommand("allowchat", "在本群启用（群聊中使用）")]

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
PREV_PAGE = "◀ 上一页"
NEXT_PAGE = "下一页 ▶"
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
        "回答之后还可以接着问：“第三个呢”“下一条”“这是谁讲的”“哪天开的会”“展开说说”“全部要点”。\n"
        "任务台账：/tasks 住建局 看该单位牵头的任务，/due 看近30天到期的任务，"
        "/follow 住建局 关注后有新任务会通知您，并在截止前提醒。"
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


# ---------------------------------------------------------------- admin: sources, removal, dates

CONFIRM_REMOVE = "确认删除"
CANCEL = "取消"
REMOVE_CANCELLED = "已取消，没有任何改动。"
REMOVING = "正在删除…"
BULLETIN_GONE = "这份公报已不在收录中。"
DATE_PROMPT_HEAD = "📅 设置日期"  # a reply to a message starting so is read as the date (bot.telegram.admin)
SOURCES_WITH_BUTTONS = 15  # /sources for admins: buttons for this many of the newest bulletins


def remove_button(number: int) -> str:
    return f"🗑 删除 {number}"


def set_date_button(label: str) -> str:
    return f"📅 日期 {label}"


def set_date_for(title: str, chars: int = 18) -> str:
    return f"📅 设置日期：《{title if len(title) <= chars else title[:chars] + '…'}》"


def admin_sources_text(total: int, bulletins: list[tuple[int, str, list[tuple[str, str, str]]]],
                       with_buttons: int) -> str:
    """/sources for an admin: numbered bulletins (number, file, [(article label, date_text, title)])."""
    lines = [f"<b>已收录 {total} 份公报</b>（最近添加的在前）", ""]
    for number, file, articles in bulletins:
        lines.append(f"{number}. 📄 {escape(file)}")
        for label, date_text, title in articles:
            lines.append(f"  {escape(label)} {escape(date_text or '日期不详')} 《{escape(title)}》")
    lines += ["", "按钮：🗑 删除公报（会先请您确认）；📅 设置或更正文章日期。"]
    if total > with_buttons:
        lines.append(f"（按钮只列出最近添加的 {with_buttons} 份；其他公报可在服务器上用 policybot remove / set-date。）")
    return "\n".join(lines)


def confirm_remove_text(file: str, titles: list[str]) -> str:
    lines = [f"确认删除公报 {file}？", "将移除文章："] + [f"  《{t}》" for t in titles]
    lines.append("文件会移入 corpus/.removed/，需要时可以找回。")
    return "\n".join(lines)


def date_prompt(title: str, date: str | None, date_text: str, article_id: str) -> str:
    now = date_text if date else f"{date_text}（年份不详）" if date_text else "日期不详"
    return (f"{DATE_PROMPT_HEAD}\n《{title}》\n现在的日期：{now}\n文章编号：{article_id}\n"
            "请回复这条消息，写上日期，例如 2024-03-05 或 2024年3月5日。")


def date_set(title: str, date: str) -> str:
    y, m, d = (int(x) for x in date.split("-"))
    return f"✅ 已设置日期：《{title}》 {y}年{m}月{d}日\n（保存在 corpus/.dates.yaml，重建索引后依然有效。）"


UNKNOWN_DATES = "以下文章的日期不详，可以点按钮设置："


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
        tasks = sum(1 for nl in a["lists"] for point in nl["points"] if point["tasks"])
        if tasks:
            out.append(f"  识别出任务 {tasks} 项（写明牵头单位或完成时限）")
        if a["dropped_lines"]:
            out.append(f"  已去除网页杂项 {len(a['dropped_lines'])} 行")
    return "\n".join(out)


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
        f"今天提问 {stats.today} 个，近 7 天 {stats.week} 个",
        f"近 7 天：已回答 {stats.answered_week} 个（回答率 {share}），未找到（拒答）{stats.refused_week} 个，"
        f"其中 👎 {stats.thumbs_down_week} 个",
        f"全部反馈：👍 {stats.thumbs_up} · 👎 {stats.thumbs_down}",
        f"新公报提醒订阅：{subscribers} 个聊天",
    ]
    if stats.unanswered:
        lines += ["", "最近没有答上的问题："]
        lines += [f"• {escape(ts[5:16].replace('T', ' '))} {escape(q[:60])}" for ts, q in stats.unanswered]
    return "\n".join(lines)


# ---------------------------------------------------------------- access (bot.telegram.access)

APPLY = "申请使用"
APPROVE = "同意"
REJECT = "拒绝"
STRANGER = "您好！本机器人只为授权的工作人员提供政策问答。如需使用，请点击下方“申请使用”，管理员同意后即可提问。"
APPLICATION_PENDING = "您的申请已提交，正在等待管理员审核，审核后会通知您。"
APPLIED = "✅ 申请已提交给管理员，审核后会通知您。"
ALREADY_MEMBER = "您已经可以使用本机器人，直接发送问题即可。"
NO_ADMIN_TO_ASK = "暂时无法提交申请（管理员尚未启用机器人），请直接联系管理员。"
APPLICATION_DONE = "这份申请已经处理过了。"
MEMBERS_ONLY_ALERT = "本机器人只为授权的工作人员提供服务。请私聊机器人，点击“申请使用”。"
INLINE_APPLY = "仅限授权人员使用，点此申请"
INLINE_APPLY_START = "apply"  # /start parameter of that button: the private chat then offers 申请使用
GROUP_NOT_ENABLED = "本群尚未启用政策问答机器人。如需启用，请管理员在群里发送 /allowchat。"
GROUP_ENABLED = "✅ 已在本群启用政策问答：用 /ask 加问题提问，或 @机器人 提问。"
GROUP_ALREADY_ENABLED = "本群已经启用。"
ALLOWCHAT_IN_GROUP = "请在要启用的群里发送 /allowchat。"
REJECTED = "抱歉，您的使用申请未获同意。如有疑问，请联系管理员。"
REVOKE_USAGE = "用法：/revoke 用户或群的编号（见 /members）"
CLAIM_CLOSED = "本机器人已有管理员。"
CLAIM_WRONG = "认领码不正确。认领码在机器人启动时打印在服务器的日志中。"
CLAIMED = "✅ 您已成为本机器人的管理员。发送公报文件即可收录；/members 管理成员，/stats 查看使用情况。"
GROUP_ADMINS_ONLY = "抱歉，只有本群的管理员可以为本群订阅或取消订阅。"


def application_text(name: str, username: str | None, user_id: int) -> str:
    """Plain text: the applicant's name is theirs to choose, shown as written."""
    at = f" @{username}" if username else ""
    return f"📝 使用申请\n{name}{at}\n用户编号：{user_id}\n\n同意后，对方即可向机器人提问。"


def decided(name: str, user_id: int, approve: bool, admin: str) -> str:
    verdict = "✅ 已同意" if approve else "❌ 已拒绝"
    return f"{verdict}：{name}（{user_id}）的使用申请 · {admin}"


def approved(examples: list[str]) -> str:
    text = "✅ 您的使用申请已通过，现在可以直接发送问题了。"
    if examples:
        text += "例如：\n" + "\n".join(f"• {q}" for q in examples[:2])
    return text


def members_text(admins: list[tuple[int, str]], members: list[tuple[int, str]], chats: list[tuple[int, str]],
                 pending: int) -> str:
    """/members as plain text: (id, name) per line; names from config have no name."""
    def block(title: str, rows: list[tuple[int, str]]) -> list[str]:
        return [f"{title}（{len(rows)}）"] + [f"• {i} {name}".rstrip() for i, name in rows] + [""]

    lines = block("管理员", admins) + block("成员", members) + block("已启用的群", chats)
    if pending:
        lines.append(f"待审核的申请：{pending} 份")
    lines.append("移除：/revoke 编号")
    return "\n".join(lines).strip()


def revoked(ident: int) -> str:
    return f"已移除 {ident}，对方将不能再使用机器人。"


def not_a_member(ident: int) -> str:
    return f"{ident} 不在成员或已启用的群中（见 /members）。"


def in_config(ident: int) -> str:
    return f"{ident} 写在配置文件 config.yaml 的 telegram.members / member_chats 中，请在那里删除后重启机器人。"


# ---------------------------------------------------------------- what went wrong (bot.telegram.feedback)

NO_FEEDBACK = "最近没有收到 👎 反馈。"


def feedback_text(rows: list[tuple[str, str, str]]) -> str:
    """/feedback as HTML: (time, question, what was answered) of recent 👎 answers, newest first."""
    lines = [f"<b>最近的 👎 反馈（{len(rows)} 条）</b>"]
    for i, (ts, question, answered) in enumerate(rows, 1):
        lines += ["", f"{i}. {escape(ts[5:16].replace('T', ' '))} 问：{escape(question[:80])}",
                  f"答：{escape(answered[:120])}"]
    lines += ["", "点下面的按钮查看当时的回答。"]
    return "\n".join(lines)


def feedback_button(i: int, question: str) -> str:
    return f"{i}. {question[:24]}"


def weekly_summary_text(rows: list[tuple[str, int]], answered_share: float | None) -> str:
    """The Monday note to admins: the unanswered questions asked most in the past week."""
    share = f"，回答率 {answered_share:.0%}" if answered_share is not None else ""
    lines = [f"<b>本周没有答上的问题</b>（按提问次数{share}）"]
    lines += [f"• {escape(q[:80])}（{n} 次）" for q, n in rows]
    lines += ["", "这些问题可能说明还缺哪些公报：收录后再问即可答上。"]
    return "\n".join(lines)


# ---------------------------------------------------------------- the directive ledger (bot.telegram.tasks)

TASKS_USAGE = "请在命令后写上单位名称，例如：/tasks 住建局"
FOLLOW_USAGE = "请在命令后写上要关注的单位，例如：/follow 住建局"
NO_LEAD = "未写明牵头单位"
UNIT_TOO_LONG = "单位名称太长或含有特殊符号，请写简称，例如：住建局"
STATUS_LABELS = {"overdue": "已逾期", "long_term": "长期任务", "undated": "未写明时限", "open": ""}


def task_block(n: int | None, task, text_chars: int) -> str:
    """One task of the ledger (a bot.ledger.Task) as HTML: what, by when, who, from which document."""
    text = " ".join(task.text.split())
    text = text[:text_chars] + ("…" if len(text) > text_chars else "")
    status = STATUS_LABELS.get(task.status, "")
    due = task.due or "未写明时限"
    lines = [(f"<b>{n}.</b> " if n else "") + escape(text),
             f"⏰ {escape(due)}" + (f"（{status}）" if status and task.due else ""),
             f"牵头：{escape('、'.join(task.lead) or '—')}" + (f"　配合：{escape('、'.join(task.partners))}"
                                                              if task.partners else ""),
             f"📄 {escape(task.source)}"]
    if task.moved:
        lines.append(f"↪ {escape(task.moved.note)}")
    return "\n".join(lines)


def tasks_page(unit: str, blocks: list[str], page: int, pages: int, total: int) -> str:
    head = f"<b>{escape(unit)}的任务</b>（共 {total} 项，按截止时间排列" + (f"，第 {page + 1}/{pages} 页）" if pages > 1 else "）")
    return head + "\n\n" + "\n\n".join(blocks)


def no_tasks(unit: str) -> str:
    return f"已收录的公报中没有由“{unit}”牵头的任务。可以换个写法试试（如全称或简称）。"


def due_page(days: int, groups: list[tuple[str, list[str]]], page: int, pages: int, total: int) -> str:
    head = f"<b>近 {days} 天到期的任务</b>（共 {total} 项" + (f"，第 {page + 1}/{pages} 页）" if pages > 1 else "）")
    return head + "\n\n" + "\n\n".join(f"<b>【{escape(unit)}】</b>\n" + "\n\n".join(blocks)
                                         for unit, blocks in groups)


def nothing_due(days: int) -> str:
    return f"未来 {days} 天内没有到期的任务。"


def task_button(n: int, label: str) -> str:
    return f"{n} {label}"


def followed(unit: str, days: tuple[int, ...], at: str, open_tasks: int) -> str:
    before = "、".join(f"{d}天" for d in sorted(days, reverse=True))
    return (f"已关注“{unit}”：新公报给它布置任务时我会告诉您，并在每项任务截止前{before}的{at}提醒。"
            f"目前有 {open_tasks} 项待完成的任务，发送 /tasks {unit} 查看。发送 /unfollow {unit} 可以取消。")


def already_following(unit: str) -> str:
    return f"您已经关注了“{unit}”。发送 /unfollow {unit} 可以取消。"


def unfollowed(units: list[str]) -> str:
    return f"已取消关注：{'、'.join(units)}。"


def following_none() -> str:
    return "您没有关注任何单位。发送 /follow 住建局 可以关注。"


def following_list(units: list[str]) -> str:
    return f"您关注的单位：{'、'.join(units)}。发送 /unfollow 单位名称 取消其中一个，/unfollow 全部 取消全部。"


def new_tasks_note(items: list[tuple[str, str]]) -> str:
    """(unit followed, task block) of a new bulletin's tasks, for one follower."""
    return "<b>📌 新公报给您关注的单位布置了任务</b>\n\n" + "\n\n".join(
        f"【{escape(unit)}】\n{block}" for unit, block in items)


def reminder_note(items: list[tuple[str, int, str]]) -> str:
    """(unit followed, days left, task block) due soon, for one follower."""
    return "<b>⏰ 任务到期提醒</b>\n\n" + "\n\n".join(
        f"【{escape(unit)}】还有 {days} 天到期\n{block}" if days else f"【{escape(unit)}】今天到期\n{block}"
        for unit, days, block in items)


def follows_text(follows: list[tuple[int, str]]) -> str:
    """/stats: who follows which unit's tasks."""
    if not follows:
        return "任务关注：无"
    by_unit: dict[str, list[str]] = {}
    for chat, unit in follows:
        by_unit.setdefault(unit, []).append(str(chat))
    return "任务关注：\n" + "\n".join(f"• {escape(unit)}：{len(chats)} 个聊天（{', '.join(chats[:10])}"
                                      + ("…" if len(chats) > 10 else "") + "）"
                                      for unit, chats in sorted(by_unit.items()))
