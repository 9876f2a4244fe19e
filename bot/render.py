"""Render: answers as console text, JSON records, and the pieces the Telegram layer formats."""

from __future__ import annotations

import re

from bot.records import Passage
from bot.search import Answer, Result, reading_note
from bot.textutil import int_to_cn, is_cjk

NO_ANSWER = "抱歉，现有公报中没有找到与这个问题相关的内容。"
NO_CHINESE_HINT = "目前只能回答中文问题，请用中文提问。"
RELATED_HEADING = "以下是相关内容，仅供参考，并不回答这个问题："


def headline(result: Result) -> str:
    """"八个聚力 · 第三条 / 共八条" for a point, "八个聚力 · 全部要点（共八条）" for an outline."""
    p = result.passage
    if result.outline or p.kind == "outline":
        return f"{p.list_label} · 全部要点（共{int_to_cn(p.list_size or 0)}条）"
    if p.kind == "point" and p.ordinal:
        return f"{p.list_label} · 第{int_to_cn(p.ordinal)}条 / 共{int_to_cn(p.list_size or 0)}条"
    return "相关段落"


def source_line(p: Passage) -> str:
    """《title》 · date · speaker, then the point's tasks when it names any: "牵头：县住建局 · 时限：6月底前"."""
    parts = [f"《{p.title}》"]
    if p.date_text or p.date:
        parts.append(p.date_text or p.date)
    if p.speaker:
        parts.append(p.speaker)
    return " · ".join(parts + tasks_parts(p))


def tasks_parts(p: Passage) -> list[str]:
    """The point's lead, partners and deadline as a reader scans them ("牵头：县住建局", "配合：…", "时限：…")."""
    t = p.tasks
    if not t:
        return []
    parts = [f"牵头：{'、'.join(t.lead)}"] if t.lead else []
    if t.partners:
        parts.append(f"配合：{'、'.join(t.partners)}")
    if t.deadline:
        parts.append(f"时限：{t.deadline_text or t.deadline}")
    return parts


def no_answer_text(answer: Answer) -> str:
    if answer.notice:
        return answer.notice
    has_cjk = any(is_cjk(c) for c in answer.normalized)
    text = NO_ANSWER if has_cjk else f"{NO_ANSWER}{NO_CHINESE_HINT}"
    # what was looked for, when the question was read otherwise than typed (bot/typos.py)
    return f"{reading_note(answer.read_as)}{text}" if answer.read_as else text


def console_text(answer: Answer, show: int = 1) -> str:
    """Plain text as the bot would show it: headline, passage, source line."""
    if not answer.answered or not answer.results:
        if not answer.related:
            return no_answer_text(answer)
        # The nearest passages, set apart and marked as not being the answer.
        related = [f"· {r.passage.text[:80]}{'…' if len(r.passage.text) > 80 else ''}\n  —— {source_line(r.passage)}"
                   for r in answer.related]
        return "\n".join([no_answer_text(answer), "", RELATED_HEADING, *related])
    blocks = []
    for result in answer.results[:show]:
        prefix = f"[{result.rank}] " if show > 1 else ""
        note = f"{result.note}\n" if result.note else ""
        blocks.append(f"{note}{prefix}【{headline(result)}】\n{result.passage.text}\n—— {source_line(result.passage)}")
    return "\n\n".join(blocks)


def result_record(result: Result) -> dict:
    p = result.passage
    return {
        "rank": result.rank,
        "score": result.score,
        "text": p.text,
        "title": p.title,
        "date": p.date,
        "speaker": p.speaker,
        "ordinal": p.ordinal,
        "passage_id": p.passage_id,
        "article_id": p.article_id,
        "kind": "outline" if result.outline else p.kind,
        "list": p.list_label,
        "list_size": p.list_size,
    }


def answer_record(answer: Answer) -> dict:
    record = {
        "query": answer.query,
        "answered": answer.answered,
        "results": [result_record(r) for r in answer.results] if answer.answered else [],
    }
    if answer.read_as:
        record["read_as"] = list(answer.read_as)  # words read otherwise than typed (homophone typos)
    if answer.kind != "search":
        record["kind"] = answer.kind  # "smalltalk": `message` is the reply to a greeting, thanks or chit-chat
    if not answer.answered:
        record["message"] = no_answer_text(answer)
        # Nearest passages, offered apart from the (empty) answer: "相关内容", never the answer.
        record["related"] = [result_record(r) for r in answer.related]
    return record


# ---------------------------------------------------------------- Telegram (HTML parse mode)


def telegram_answer(result: Result, terms: tuple[str, ...], position: int, total: int) -> list[str]:
    """One result as Telegram HTML parts (≤ 4096 each): bold headline, passage with the question's
    terms in bold, source line, and where it sits among the results."""
    from bot.telegram_html import escape, highlight, split_message

    p = result.passage
    marked = [t for t in terms if len(t) > 1]
    body = highlight(p.text, marked)
    counter = f"（第 {position} / {total} 个结果）" if total > 1 else ""
    note = f"{escape(result.note)}\n\n" if result.note else ""
    html = f"{note}<b>{escape(headline(result))}</b>\n\n{body}\n\n<i>{escape(source_line(p))}</i>"
    if counter:
        html += f"\n{escape(counter)}"
    return split_message(html)


def telegram_outline(passage: Passage) -> list[str]:
    """A list's outline: lead, then numbered headlines (each also a button in the bot)."""
    from bot.telegram_html import escape, split_message

    lines = passage.text.split("\n")
    title = f"<b>{escape(passage.list_label or '要点')} · 全部要点（共{int_to_cn(passage.list_size or 0)}条）</b>"
    html = "\n".join([title, "", *(escape(line) for line in lines), "", f"<i>{escape(source_line(passage))}</i>"])
    return split_message(html)


def telegram_no_answer(answer: Answer, examples: list[str]) -> str:
    from bot.telegram_html import escape

    lines = [escape(no_answer_text(answer))]
    if answer.kind != "search":
        return lines[0]  # small talk's reply, or why a follow-up has no answer: no search to suggest around
    if answer.related:
        # The nearest passages, set apart and marked as not being the answer (never shown as one).
        lines += ["", escape(RELATED_HEADING)]
        for r in answer.related[:3]:
            p = r.passage
            head = p.headline or p.text
            head = head[:60] + ("…" if len(head) > 60 else "")
            lines.append(f"◦ {escape(head)}\n   —— <i>{escape(source_line(p))}</i>")
    lines += ["", "可以试试 /outline 查看公报中的各条要点，或这样问："]
    lines += [f"• {escape(e)}" for e in examples[:2]]
    return "\n".join(lines)


def passage_summary(p: Passage, chars: int = 50) -> str:
    """One line naming a passage, for admins' lists (what an answer was): headline, first words, source."""
    words = re.sub(r"\s+", "", p.text)
    lead = headline(Result(1, 0.0, 0, p)) if p.kind in ("point", "outline") else ""
    text = words[:chars] + ("…" if len(words) > chars else "")
    return " ".join(x for x in (lead, text) if x) + " —— " + source_line(p)
