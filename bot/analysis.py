"""Text analysis shared by the index and the question side: terms, character n-grams, and the
lexical columns a passage is indexed under. Both sides change here together (bump INDEX_VERSION in
bot/index.py when the passage side changes)."""

from __future__ import annotations

import math
import re
from functools import lru_cache

import numpy as np

from bot.records import NumberedList, Passage
# jieba as textutil imports it (quickly)
from bot.textutil import CJK, CJK_FIRST, CJK_LAST, jieba, normalize_text, to_simplified

# Question words and particles carry no topic; they are dropped from lexical queries.
STOPWORDS = frozenset(
    "的 了 是 在 和 与 及 或 吗 呢 吧 啊 呀 么 什么 哪些 哪个 哪 怎么 怎样 如何 为什么 是否 有没有 有 都 "
    "请问 请 一下 关于 对于 方面 分别 这 那 这个 那个 这些 那些 我 我们 你 你们 他 他们 要 也 就 还 "
    "哪几 几 个 条 点 项 吗？ 多少 谁 何 时候 时间 具体 "
    # "还有多少户没完工", "还有哪些问题": what is left is asked by the rest ("完工", "问题"), not by "still have"
    "还有 "
    # "要是托育机构多报人数咋处理": the condition's words say what is asked about, not its "if"; "柘塘那边": the place,
    # not "over there"
    "如果 假如 要是 万一 倘若 若是 的话 那边 这边 那里 这里 那儿 这儿".split()
)

_CJK_RUN = re.compile(rf"[{CJK}]+")


def idf(df: int, n: int) -> float:
    """BM25's inverse document frequency of a term found in `df` of `n` passages."""
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


# jieba's dictionary counts words in general Chinese text: a word this common (工作, 任务, 以后, 目标)
# says little about what a question is after, however rare it is in a small archive.
COMMON_WORD = 10_000


# Parts of speech that never say what a question is about, however rarely jieba saw the word: pronouns (别的, 咱们,
# 本人), conjunctions, prepositions, particles and modal words. Not a distributive pronoun: "每个村配几台" asks a rate.
_FUNCTION_TAGS = ("r", "c", "p", "u", "y")
_DISTRIBUTIVE = ("每", "各")


def is_common_word(term: str) -> bool:
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(term, 0) >= COMMON_WORD or (
        (word_tag(term) or "x").startswith(_FUNCTION_TAGS) and not term.startswith(_DISTRIBUTIVE))


def in_dictionary(term: str) -> bool:
    """A word of jieba's dictionary, not one its HMM guessed at a question's odd cut ("哪天开的" → "天开")."""
    jieba.dt.check_initialized()
    return term in jieba.dt.FREQ


def dictionary() -> dict[str, int]:
    """jieba's dictionary (word → frequency), for look-ups in a loop without a call each."""
    jieba.dt.check_initialized()
    return jieba.dt.FREQ


def word_tag(term: str) -> str | None:
    """The part of speech jieba's dictionary gives the word ("ns" a place, "v" a verb), None when it has none. Its
    tables take a second to load: read only where a question or a text needs it."""
    import jieba.posseg

    return jieba.posseg.dt.word_tag_tab.get(term)


def word_frequency(term: str) -> int:
    """How often jieba's dictionary saw the word in general Chinese text (0: never)."""
    jieba.dt.check_initialized()
    return jieba.dt.FREQ.get(term, 0)


def word_starts(text: str, guess: bool = True) -> set[int]:
    """Where jieba's words (its accurate mode, no sub-words) start in `text`. Without `guess`, only the words of its
    dictionary are words (its HMM joins unknown characters to their neighbours: "去桂岭|镇")."""
    starts, pos = set(), 0
    for word in jieba.cut(text, HMM=guess):
        starts.add(pos)
        pos += len(word)
    return starts


# A year's 年 ends its word unless a time word goes on from it ("2025年底", "2024年内"): jieba otherwise joins it
# to the word after ("2025年老旧小区" → 年老, "2024年中小学" → 年中), a word no passage about 老旧小区 holds.
_AFTER_YEAR = re.compile(r"(?<=\d年)(?![底内初中末度前后以来])")


def tokens(text: str) -> list[str]:
    """jieba search-mode tokens (words and their sub-words), lower-cased, punctuation dropped."""
    out = []
    for piece in _AFTER_YEAR.split(text):
        for tok in jieba.cut_for_search(piece):
            tok = tok.strip().lower()
            if tok and any(c.isalnum() for c in tok):
                out.append(tok)
    return out


@lru_cache(maxsize=4096)
def question_tokens(text: str) -> tuple[str, ...]:
    """A question's tokens, cached: one answer reads the same question (and parts of it) several times."""
    return tuple(tokens(text))


def word_pieces(term: str) -> list[str]:
    """The words a term may be made of when jieba's HMM cut across words ("镇夏播" of "槐岭镇夏播最晚…": 夏播):
    its substrings of two characters or more, longest first."""
    return [term[i : i + n] for n in range(len(term) - 1, 1, -1) for i in range(len(term) - n + 1)]


def unheld_once(weights: dict[str, float], held: set[str] | frozenset[str]) -> dict[str, float]:
    """`weights` without the parts of a word no passage holds that no passage holds either: jieba's search mode
    gives "包工头" with "包工" and "工头", and an everyday word the archive never writes would count three times
    against what it does write ("包工头卷钱跑了，工人的钱咋弄" / "老板跑了，工人的工资怎么办"). (A word is one of
    jieba's dictionary: "文旅项目", a cut across two, leaves 文旅 asked.)"""
    return {t: w for t, w in weights.items()
            if t in held or not any(t != u and t in u and u not in held and in_dictionary(u) for u in weights)}


def query_terms(text: str) -> list[str]:
    """Distinct content tokens of a question, in order."""
    return [t for t in dict.fromkeys(question_tokens(text)) if t not in STOPWORDS]


def char_bigrams(text: str) -> list[str]:
    """Overlapping CJK character bigrams: they keep word order ("企业培育" ≠ "培育现有企业")
    and survive segmentation differences between a question and a passage."""
    grams = []
    for run in _CJK_RUN.findall(text):
        grams += [run[i : i + 2] for i in range(len(run) - 1)]
    return grams


def bigram_keys(text: str) -> np.ndarray:
    """The distinct bigrams `char_bigrams` finds, each as one number made of its two code points,
    sorted: computed on the code points at once (building the strings and hashing them took twice
    as long), for comparing many texts' bigram sets."""
    codes = np.frombuffer(text.encode("utf-32-le", "replace"), dtype=np.uint32).astype(np.int64)
    cjk = (codes >= CJK_FIRST) & (codes <= CJK_LAST)
    pairs = cjk[:-1] & cjk[1:]
    return np.unique((codes[:-1][pairs] << 21) | codes[1:][pairs])


def char_unigrams(text: str) -> list[str]:
    """Single CJK characters: a weak signal that lets 招商 meet 招引 and 培育 meet 培壮."""
    return [c for run in _CJK_RUN.findall(text) for c in run]


def lexical_query(normalized: str, terms: list[str]) -> list[str]:
    """Words, then character bigrams and characters of the question's content (stopwords removed)."""
    content = "".join(t for t in question_tokens(normalized) if t not in STOPWORDS)
    extra = list(dict.fromkeys(char_bigrams(content) + char_unigrams(content)))
    return terms + [t for t in extra if t not in terms]


# ---------------------------------------------------------------- passage side
# Passages are indexed in the form questions are searched in (NFKC, simplified characters), so a
# bulletin in traditional characters or full-width digits is found by ordinary questions; the
# passage itself is shown as published.


def lexical_body(passage: Passage) -> str:
    return " ".join(tokens(normalize_text(passage.text)))


def lexical_grams(passage: Passage) -> str:
    return " ".join(char_bigrams(normalize_text(passage.text)))


def lexical_chars(passage: Passage) -> str:
    return " ".join(char_unigrams(normalize_text(passage.text)))


def lexical_head(passage: Passage) -> str:
    """A point's headline states its topic; matching it says more than matching its body."""
    if not passage.headline:
        return ""
    head = normalize_text(passage.headline)
    return " ".join(tokens(head) + char_bigrams(head))


def lexical_context(passage: Passage) -> str:
    """Title, speaker and list lead: they say what a point is about without being its words."""
    parts = [passage.title, passage.speaker or "", passage.list_label or "", passage.lead or ""]
    return " ".join(tokens(normalize_text(" ".join(p for p in parts if p))))


def lexical_columns(passage: Passage) -> list[list[str]]:
    """The passage's tokens per lexical column, in the index's COLUMN_WEIGHTS order (the body first)."""
    columns = (lexical_body, lexical_grams, lexical_chars, lexical_head, lexical_context)
    return [column(passage).split() for column in columns]


def list_tokens(nl: NumberedList) -> tuple[list[str], list[list[str]]]:
    """The words that name a list (label, lead, speaker) and those of each point's headline. Stored at
    publish: tokenizing every list when a generation is opened made cold starts at scale slow
    (1,675 lists: 2.9 s of jieba on a busy machine, racing the model load for the GIL)."""
    named = normalize_text(" ".join(x for x in (nl.label, nl.lead, nl.speaker or "") if x))
    return tokens(named), [tokens(normalize_text(h)) for h in nl.headlines]


def title_terms(title: str | None) -> list[str]:
    """An article title's words, as the catalogue matches questions against them (stored at publish:
    tokenizing 16,000 titles when a generation is opened made cold starts at scale slow)."""
    return tokens(normalize_text(title or ""))


def embedding_text(passage: Passage) -> str:
    return to_simplified(passage.text)
