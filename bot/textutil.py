"""Shared Chinese text helpers: normalization, sentences, numerals and jieba tokens."""

from __future__ import annotations

import logging
import re
import sys
import unicodedata
from functools import lru_cache


def _import_jieba():
    """jieba imports setuptools' pkg_resources only to open its own data files, and falls back to
    opening them by path when that import fails. pkg_resources takes 0.3 s to import (1 s on a busy
    machine) and nothing else on the answer path needs it: hide it while jieba is imported."""
    hidden = "pkg_resources" not in sys.modules
    if hidden:
        sys.modules["pkg_resources"] = None  # makes `import pkg_resources` raise ImportError
    try:
        import jieba
    finally:
        if hidden and sys.modules.get("pkg_resources", ...) is None:
            del sys.modules["pkg_resources"]
    return jieba


jieba = _import_jieba()
jieba.setLogLevel(logging.WARNING)

SENTENCE_SPLIT = re.compile(r"(?<=[。！？!?；;])(?![”’」』)）\"'])|(?<=[。！？!?；;][”’」』)）\"'])")
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CN_NUMERAL = "一二三四五六七八九十两"
# Question words and particles carry no topic; they are dropped from lexical queries.
STOPWORDS = frozenset(
    "的 了 是 在 和 与 及 或 吗 呢 吧 啊 呀 么 什么 哪些 哪个 哪 怎么 怎样 如何 为什么 是否 有没有 有 都 "
    "请问 请 一下 关于 对于 方面 分别 这 那 这个 那个 这些 那些 我 我们 你 你们 他 他们 要 也 就 还 "
    "哪几 几 个 条 点 项 吗？ 多少 谁 何 时候 时间 具体".split()
)


@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


def normalize_text(text: str) -> str:
    """Full-width to half-width (NFKC), traditional to simplified, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text)
    text = "".join(c for c in text if unicodedata.category(c)[0] != "C" or c in "\n\t")
    text = _t2s().convert(text)
    return re.sub(r"\s+", " ", text).strip()


def to_simplified(text: str) -> str:
    """Traditional → simplified characters; simplified text comes back unchanged."""
    return _t2s().convert(text)


def split_sentences(text: str) -> list[str]:
    """Split at 。！？；!?; (keeping closing quotes with their sentence); never cut inside a sentence."""
    return [s for s in SENTENCE_SPLIT.split(text) if s.strip()]


def cn_to_int(token: str) -> int | None:
    """Chinese or Arabic numeral up to 99 ("三" → 3, "十二" → 12, "12" → 12)."""
    token = token.strip()
    if token.isdigit():
        return int(token)
    if not token or any(c not in CN_DIGITS and c != "十" for c in token):
        return None
    if "十" in token:
        tens, _, ones = token.partition("十")
        t = CN_DIGITS.get(tens, None) if tens else 1
        o = CN_DIGITS.get(ones, None) if ones else 0
        return None if t is None or o is None else t * 10 + o
    return CN_DIGITS[token] if len(token) == 1 else None


def int_to_cn(n: int, counting: bool = False) -> str:
    """3 → "三"; with counting=True, 2 → "两" as in "两个方面"."""
    digits = "零一二三四五六七八九"
    if counting and n == 2:
        return "两"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")


def tokens(text: str) -> list[str]:
    """jieba search-mode tokens (words and their sub-words), lower-cased, punctuation dropped."""
    out = []
    for tok in jieba.cut_for_search(text):
        tok = tok.strip().lower()
        if tok and any(c.isalnum() for c in tok):
            out.append(tok)
    return out


def query_terms(text: str) -> list[str]:
    """Distinct content tokens of a question, in order."""
    seen: dict[str, None] = {}
    for tok in tokens(text):
        if tok not in STOPWORDS and tok not in seen:
            seen[tok] = None
    return list(seen)


_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")


def char_bigrams(text: str) -> list[str]:
    """Overlapping CJK character bigrams: they keep word order ("企业培育" ≠ "培育现有企业")
    and survive segmentation differences between a question and a passage."""
    grams = []
    for run in _CJK_RUN.findall(text):
        grams += [run[i : i + 2] for i in range(len(run) - 1)]
    return grams


def char_unigrams(text: str) -> list[str]:
    """Single CJK characters: a weak signal that lets 招商 meet 招引 and 培育 meet 培壮."""
    return [c for run in _CJK_RUN.findall(text) for c in run]
