"""Render: answers as console text, JSON records, and the pieces the Telegram layer formats."""

from __future__ import annotations

from bot.passages import Passage
from bot.search import Answer, Result
from bot.textutil import int_to_cn

NO_ANSWER = "抱歉，现有公报中没有找到与这个问题相关的内容。"
NO_CHINESE_HINT = "目前只能回答中文问题，请用中文提问。"


def headline(result: Result) -> str:
    """"八个聚力 · 第三条 / 共八条" for a point, "八个聚力 · 全部要点（共八条）" for an outline."""
    p = result.passage
    if result.outline or p.kind == "outline":
        return f"{p.list_label} · 全部要点（共{int_to_cn(p.list_size or 0)}条）"
    if p.kind == "point" and p.ordinal:
        return f"{p.list_label} · 第{int_to_cn(p.ordinal)}条 / 共{int_to_cn(p.list_size or 0)}条"
    return "相关段落"


def source_line(p: Passage) -> str:
    """《title》 · date · speaker"""
    parts = [f"《{p.title}》"]
    if p.date_text:
        parts.append(p.date_text)
    if p.speaker:
        parts.append(p.speaker)
    return " · ".join(parts)


def no_answer_text(answer: Answer) -> str:
    if answer.notice:
        return answer.notice
    has_cjk = any("\u4e00" <= c <= "\u9fff" for c in answer.normalized)
    return NO_ANSWER if has_cjk else f"{NO_ANSWER}{NO_CHINESE_HINT}"


def console_text(answer: Answer, show: int = 1) -> str:
    """Plain text as the bot would show it: headline, passage, source line."""
    if not answer.answered or not answer.results:
        return no_answer_text(answer)
    blocks = []
    for result in answer.results[:show]:
        prefix = f"[{result.rank}] " if show > 1 else ""
        blocks.append(f"{prefix}【{headline(result)}】\n{result.passage.text}\n—— {source_line(result.passage)}")
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
    if not answer.answered:
        record["message"] = no_answer_text(answer)
    return record
