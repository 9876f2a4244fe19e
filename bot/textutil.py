"""Shared Chinese text helpers: the CJK block, sentence ends and numerals (each defined once here), normalization,
sentences (terms live in bot/analysis.py)."""

from __future__ import annotations

import logging
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from functools import lru_cache


# Characters of Chinese text, each defined once; every module builds its patterns from these names.
# The CJK Unified Ideographs block: what Chinese words, names and bigrams are made of.
CJK_FIRST, CJK_LAST = 0x4E00, 0x9FFF
PLACE_LEVELS = "省市县区镇乡"  # the level ending a place's name ("岫宁县", "柘塘镇")
CJK = f"{chr(CJK_FIRST)}-{chr(CJK_LAST)}"  # as a range inside a regex class: rf"[{CJK}]{{2,4}}"

# A sentence ends at a full stop, an exclamation or a question mark (full- or half-width); a semicolon ends the
# clauses officials write as points ("一是…；二是…"), so most splitting treats it as an end too.
FULL_STOPS = "。！？!?"
# A year as text writes it ("2024年"), not inside a longer number.
YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
SENTENCE_ENDS = FULL_STOPS + "；;"

# Chinese numerals as points are counted ("一、", "（二）", "第三"), and as quantities ("两个方面").
CN_ORDINALS = "一二三四五六七八九十"
CN_NUMERAL = CN_ORDINALS + "两"
CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
# What a rate is counted per ("每亩300元", "每台12万元", "每件0.3元"), and the times and occasions a rate may be
# counted in too ("每年", "每次", "单笔").
RATE_BASES = ("亩", "户", "人", "吨", "公里", "平方米", "立方米", "座", "头", "只", "辆", "台", "家", "所", "张", "床",
              "间", "件", "份", "套", "处", "名", "节", "课时")
RATE_TIMES = ("年", "月", "天", "次", "笔")
# One of a thing in a rate asked ("加装一台电梯补多少钱", "一户一年最多能拿多少", "派一件补贴多少", "一个人一个月给多少"): bulletins write
# the rate with 每 ("每户每年最高…"); not "第一", "统一", "唯一", "单一", "同一".
ONE_OF = re.compile(r"(?<![第统唯单同])一\s*个?\s*({})(?=[^，,。；;？?]{{0,10}}?(?:多少|几))".format(
    "|".join(RATE_BASES + RATE_TIMES)))
# A point's place written in figures ("第3项", "（2）", "1、", "1."): no figure of an amount (not a decimal, "1.5万元").
POINT_PLACE = re.compile(r"第\s*\d+|[（(]\s*\d+\s*[）)]|(?<![\d.])\d+\s*[、．](?!\d)|(?<![\d.])\d+\.(?!\d)")
# Digits of a year written in numerals ("二〇二四", "二0一二"): 〇 also typed as 零, O, ○ or an Arabic 0.
CN_YEAR_DIGITS = "〇零OО○0一二三四五六七八九"


def left_open(text: str, opening: str = "（(", closing: str = "）)") -> bool:
    """More opening brackets than closing ones: the text was cut inside brackets ("（一）动员部署阶段（2024年11月25日至
    11月"; with 《 and 》, "…关于印发《埭湖县烟花")."""
    return sum(map(text.count, opening)) > sum(map(text.count, closing))


def is_cjk(char: str) -> bool:
    return CJK_FIRST <= ord(char) <= CJK_LAST


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


def _read_cache_whole(tokenizer, initialize):
    """jieba's own initialize, except that its dictionary cache file is read in one piece:
    `marshal.load` on a file object reads it in small pieces (1.3 s for the 9 MB cache on this
    machine; `marshal.loads` of the same bytes takes 0.35 s), and the first answer waits for it.
    The same file, written by jieba when it is missing; anything else goes to jieba unchanged."""

    def fast(dictionary=None):
        if dictionary or tokenizer.initialized or tokenizer.dictionary is not None or tokenizer.cache_file:
            return initialize(dictionary)
        path = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")
        with tokenizer.lock:
            if tokenizer.initialized:
                return None
            try:
                with open(path, "rb") as f:
                    freq, total = marshal.loads(f.read())
                if not isinstance(freq, dict) or not isinstance(total, int):
                    raise ValueError("not a jieba dictionary cache")
            except (OSError, EOFError, ValueError, TypeError):
                return initialize(dictionary)  # jieba builds it and writes the cache
            tokenizer.FREQ, tokenizer.total = freq, total
            tokenizer.initialized = True
        return None

    return fast


jieba = _import_jieba()
jieba.setLogLevel(logging.WARNING)
jieba.dt.initialize = _read_cache_whole(jieba.dt, jieba.dt.initialize)

# A half-width full stop ends a sentence after a Chinese character ("妥善处置."), never inside a number.
SENTENCE_SPLIT = re.compile(rf"(?<=[{SENTENCE_ENDS}])(?![”’」』)）\"'])|(?<=[{SENTENCE_ENDS}][”’」』)）\"'])|(?<=[{CJK}]\.)(?!\d)")
@lru_cache(maxsize=1)
def _t2s():
    import opencc

    return opencc.OpenCC("t2s")


# NFKC's own mapping of the full-width ASCII forms and the ideographic space: Chinese text is full of
# them (，：（）), and once they are mapped most of it is already NFKC, which is checked far faster than
# it is computed (0.09 against 0.4 ms for a 1,000-character article). A regular expression replaces
# them: `str.translate` looks every character up in a dict (0.09–0.24 ms for 1,500 characters, 0.03).
_FULL_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)} | {"\u3000": " "}
_FULL_WIDTH_FORM = re.compile("[\uff01-\uff5e\u3000]")


def abbreviates(short: str, text: str, words: bool = False) -> bool:
    """A two-character word is said in `text` as the two words it abbreviates, each by its first character
    ("技改" of "技术改造", "规上" of "规模以上"), as officials say what bulletins write out. `words`: what it reads must be
    one of jieba's words or two ("地灾" of 地质|灾害; not "下步" of "下一步我们", whose 步我 is no word)."""
    if not (len(short) == 2 and is_cjk(short[0]) and is_cjk(short[1])):
        return False
    runs = re.finditer(rf"(?={re.escape(short[0])}[{CJK}]{re.escape(short[1])}[{CJK}])", text)
    if not words:
        return next(runs, None) is not None
    jieba.dt.check_initialized()
    known = jieba.dt.FREQ
    return any(known.get(run := text[m.start():m.start() + 4]) or (known.get(run[:2]) and known.get(run[2:]))
               for m in runs)


def shortens(short: str, text: str) -> bool:
    """A two-character word is said in `text` by the first character of one word and the last of the next, both
    words of the dictionary ("农网" of "农村电网"). Looser than `abbreviates` (it reads "农民" in "农村居民"): only for
    finding a duty question's topic in a task's document, never for what a question pins down."""
    if not (len(short) == 2 and is_cjk(short[0]) and is_cjk(short[1])):
        return False
    spans = [m.start() for m in re.finditer(rf"(?={re.escape(short[0])}[{CJK}]{{2}}{re.escape(short[1])})", text)]
    if spans:
        jieba.dt.check_initialized()
    return any(jieba.dt.FREQ.get(text[i:i + 2]) and jieba.dt.FREQ.get(text[i + 2:i + 4]) for i in spans)


# short items in one run, set off by quotes or punctuation ("乱占、乱采、乱堆、乱建")
_ITEMS = re.compile(rf"(?<![{CJK}、])[{CJK}]{{1,4}}(?:、[{CJK}]{{1,4}})+(?![{CJK}、])")


def enumerates(short: str, text: str) -> bool:
    """A numeral and a character ("四乱", "三改") is said in `text` as that many short items, each holding the
    character, in one run set off by quotes or punctuation ("“乱占、乱采、乱堆、乱建”问题"), as bulletins spell out what
    officials count."""
    if len(short) != 2 or short[0] not in CN_DIGITS or not is_cjk(short[1]) or short[1] in CN_DIGITS:
        return False
    n = CN_DIGITS[short[0]]
    if n < 2 or short[1] not in text:
        return False
    return any(len(items := m.group(0).split("、")) == n and all(short[1] in i for i in items)
               for m in _ITEMS.finditer(text))


def coordinates(short: str, text: str) -> bool:
    """A two-character word is said in `text` inside a compound sharing its last character ("防火" of "防灭火",
    "中学" of "中小学"): its first character, one more, then its last, the last two a word of their own (灭火, 小学)."""
    if len(short) != 2 or not (is_cjk(short[0]) and is_cjk(short[1])):
        return False
    jieba.dt.check_initialized()
    return any(m.group(1) + short[1] in jieba.dt.FREQ
               for m in re.finditer(rf"{re.escape(short[0])}([{CJK}]){re.escape(short[1])}", text))


def nfkc(text: str) -> str:
    """`unicodedata.normalize("NFKC", text)`, the same string, sooner for Chinese text."""
    mapped = _FULL_WIDTH_FORM.sub(lambda m: _FULL_WIDTH[m.group()], text)
    return mapped if unicodedata.is_normalized("NFKC", mapped) else unicodedata.normalize("NFKC", text)


def normalize_text(text: str) -> str:
    """Full-width to half-width (NFKC), traditional to simplified, whitespace collapsed."""
    text = nfkc(text)
    if not text.isprintable():  # only then can it hold control or format characters
        # Line breaks and tabs become the spaces they are collapsed to below anyway; a text with
        # nothing else unprintable (an article's paragraphs) skips the character-by-character pass.
        text = text.replace("\n", " ").replace("\t", " ")
        if not text.isprintable():
            text = "".join(c for c in text if unicodedata.category(c)[0] != "C")
    text = _t2s().convert(text)
    return re.sub(r"\s+", " ", text).strip()


@lru_cache(maxsize=8192)
def normalized_passage(text: str) -> str:
    """`normalize_text`, cached: a passage's text (or title, lead, task unit) is read as questions are, and the same
    passages answer many questions. `normalized_passage.cache_clear()` forgets them."""
    return normalize_text(text) if text else ""


def to_simplified(text: str) -> str:
    """Traditional → simplified characters; simplified text comes back unchanged."""
    return _t2s().convert(text)


def simplified_aligned(text: str) -> str:
    """`text` in simplified characters with the same offsets: converted whole, or character by character where a
    phrase conversion changes lengths (a span found in the result is the same span of `text`)."""
    converted = to_simplified(text)
    if len(converted) != len(text):
        converted = "".join(c2 if len(c2 := to_simplified(c)) == 1 else c for c in text)
    return converted


def as_written(simplified: str, text: str) -> str:
    """`simplified` as `text` writes it: the traditional "周啟航" of a traditional bulletin for "周启航" read in
    simplified; the string itself when the text does not hold it either way."""
    if not simplified or simplified in text:
        return simplified
    at = simplified_aligned(text).find(simplified)
    return text[at:at + len(simplified)] if at >= 0 else simplified


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
    digits = "零" + CN_ORDINALS[:9]
    if n >= 100 or n < 0:
        return str(n)
    if counting and n == 2:
        return "两"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
