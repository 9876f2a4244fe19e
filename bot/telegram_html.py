"""Telegram HTML (parse_mode HTML): escaping, highlighting, and splitting long messages safely.

Telegram limits a message to 4096 characters (UTF-16 code units) and rejects unbalanced tags, so
long passages are cut after a sentence end where possible, never inside a tag or an entity, with
open tags closed at the end of a part and re-opened at the start of the next.
"""

from __future__ import annotations

import html
import re
from typing import Iterable

from bot.textutil import SENTENCE_ENDS


LIMIT = 4096
_TOKEN = re.compile(r"<[^>]*>|&#?\w+;|[\s\S]")
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")
SENTENCE_BREAKS = frozenset(SENTENCE_ENDS + "\n")


def escape(text: str) -> str:
    """Escape &, < and > — all Telegram's HTML mode needs."""
    return html.escape(text, quote=False)


def highlight(text: str, terms: Iterable[str]) -> str:
    """Escape `text` and wrap every occurrence of any term in <b>…</b> (longest first, no overlaps)."""
    unique = sorted({t for t in terms if t and t.strip()}, key=len, reverse=True)
    if not unique:
        return escape(text)
    pattern = re.compile("|".join(re.escape(t) for t in unique), re.IGNORECASE)
    out, pos = [], 0
    for m in pattern.finditer(text):
        out.append(escape(text[pos : m.start()]))
        out.append(f"<b>{escape(m.group())}</b>")
        pos = m.end()
    out.append(escape(text[pos:]))
    return "".join(out)


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _apply(stack: list[tuple[str, str]], token: str) -> list[tuple[str, str]]:
    if not token.startswith("<") or len(token) < 3:
        return stack
    m = _TAG_NAME.match(token)
    if not m:
        return stack
    name = m.group(1).lower()
    if token.startswith("</"):
        for k in range(len(stack) - 1, -1, -1):
            if stack[k][0] == name:
                return stack[:k] + stack[k + 1 :]
        return stack
    if token.endswith("/>"):
        return stack
    return stack + [(name, token)]


def _closers(stack: list[tuple[str, str]]) -> str:
    return "".join(f"</{name}>" for name, _ in reversed(stack))


def split_message(text: str, limit: int = LIMIT) -> list[str]:
    """Split HTML into parts of at most `limit` UTF-16 units, each with balanced tags."""
    tokens = _TOKEN.findall(text)
    sizes = [utf16_len(t) for t in tokens]
    parts: list[str] = []
    stack: list[tuple[str, str]] = []
    i = 0
    while i < len(tokens):
        prefix = "".join(raw for _, raw in stack)
        pieces, size, local = [prefix], utf16_len(prefix), list(stack)
        best_break = best_space = None  # (next token index, stack, pieces count)
        j = i
        while j < len(tokens):
            after = _apply(local, tokens[j])
            if size + sizes[j] + utf16_len(_closers(after)) > limit:
                break
            pieces.append(tokens[j])
            size += sizes[j]
            local = after
            j += 1
            if tokens[j - 1] in SENTENCE_BREAKS:
                best_break = (j, list(local), len(pieces))
            elif tokens[j - 1].isspace():
                best_space = (j, list(local), len(pieces))
        if j < len(tokens):
            chosen = best_break or best_space
            if chosen is not None and chosen[0] > i:
                j, local, count = chosen
                pieces = pieces[:count]
            elif j == i:  # a single token longer than the limit (cannot happen with real tags)
                pieces.append(tokens[j])
                j += 1
        part = "".join(pieces) + _closers(local)
        if re.sub(r"<[^>]*>", "", part).strip():
            parts.append(part)
        stack, i = local, j
    return parts or [text]
