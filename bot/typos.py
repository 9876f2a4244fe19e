"""Homophone typos: a question typed with a pinyin input method often holds a character of the right sound
and the wrong meaning ("乡镇商茂中心" for 商贸中心, "区彩政局" for 区财政局). Such a character stands out against
the archive: neither character pair it forms with its neighbours is written in any passage or is a common word.
It is read as a homophone (a shared reading, tones aside) that makes a word the archive writes with a neighbour,
when the archive also writes the homophone with its context ("商贸中") or jieba's model reads the run around it
as words and far likelier than typed ("方按重点" → 方案|重点). Never a guess the archive cannot back: a place or a
person the archive does not know stays unknown, and the question is refused as it would have been; a character
that is a word of its own ("每件最多补多少") or a surname before a post ("何县长") stays as typed.

Readings come from pypinyin's character table (pinyin_dict.json: the readings of 41,000 characters); only
characters jieba's dictionary knows as words of their own are candidates, so rare characters never replace a
common one.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, distribution
from typing import Protocol

from bot.analysis import dictionary, in_dictionary, word_frequency, word_starts
from bot.phrasing import ADDRESS_POSTS
from bot.textutil import CJK, PLACE_LEVELS, is_cjk, jieba

log = logging.getLogger(__name__)

# Tone marks (grave, acute, macron, caron); ü keeps its diaeresis ("lü" is not "lu").
_TONES = {0x0300, 0x0301, 0x0304, 0x030C}

DISTRIBUTION = "pypinyin"
DATA_FILE = "pypinyin/pinyin_dict.json"  # {code point: "readings,comma,separated"}; read, never imported (its
                                         # package imports a 2.5 MB phrase table, 0.3 s, that typos do not need)
_CJK_RUN = re.compile(rf"[{CJK}]{{2,}}")
_SURNAME = re.compile(rf"[{CJK}](?=副?(?:{ADDRESS_POSTS}))")

# A character's readings that count, in the table's order (commonest first): its rare readings would make
# homophones of characters no one confuses (有 yǒu, and wěi as in 委).
READINGS = 2

# A pair the archive never writes still fits when it is a word this common in general text ("上周"); a rare word
# may be the typo itself ("中点" for 重点, "专向" for 专项).
KNOWN_WORD = 1000

# How much likelier (in nats, jieba's unigram model) a run must read with a homophone whose context the archive
# does not write as such: "方按重点" → 方案重点 gains 7.3, "整治中要做" → 整治重要做 4.1.
LIKELIER = 4.5

# Homophones tried at one place, best first: each costs a phrase lookup.
TRIES = 3


class Archive(Protocol):
    """The archive a typo is checked against (an IndexSnapshot)."""

    def posting_counts(self, terms: list[str]) -> dict[str, int]: ...  # passages holding each term

    def holds_phrase(self, phrase: str) -> bool: ...  # whether a passage writes the phrase


def _toneless(reading: str) -> str:
    decomposed = unicodedata.normalize("NFD", reading)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if ord(c) not in _TONES))


@lru_cache(maxsize=1)
def _by_sound() -> tuple[dict[str, tuple[str, ...]], dict[str, tuple[str, ...]], dict[str, tuple[str, ...]]]:
    """Each character's toneless readings; the characters of each reading that are words of their own in jieba's
    dictionary, most frequent first; and the other Chinese characters of each reading (the rare characters of
    place names, "陂", "柘")."""
    readings: dict[str, tuple[str, ...]] = {}
    sounds: dict[str, list[str]] = {}
    rare: dict[str, list[str]] = {}
    try:
        table = json.loads(distribution(DISTRIBUTION).locate_file(DATA_FILE).read_text(encoding="utf-8"))
    except (PackageNotFoundError, OSError, ValueError) as exc:
        log.warning("typos: %s's reading table cannot be read (%s); questions are read as typed", DISTRIBUTION, exc)
        table = {}
    for code, spelled in table.items():
        char = chr(int(code))
        toneless = tuple(dict.fromkeys(_toneless(r) for r in spelled.split(",")[:READINGS]))
        readings[char] = toneless
        if in_dictionary(char):
            for sound in toneless:
                sounds.setdefault(sound, []).append(char)
        elif is_cjk(char):
            for sound in toneless:
                rare.setdefault(sound, []).append(char)
    ranked = {s: tuple(sorted(cs, key=word_frequency, reverse=True)) for s, cs in sounds.items()}
    return readings, ranked, {s: tuple(cs) for s, cs in rare.items()}


def sounds_alike(a: str, b: str) -> bool:
    """Two words read alike, tones aside, character by character ("检测" / "监测")."""
    readings = _by_sound()[0]
    return len(a) == len(b) and all(x == y or set(readings.get(x, ())) & set(readings.get(y, ())) for x, y in zip(a, b))


def homophones(char: str) -> tuple[str, ...]:
    """Characters sharing a reading with `char` (tones aside), itself left out."""
    readings, sounds, _ = _by_sound()
    out = dict.fromkeys(c for r in readings.get(char, ()) for c in sounds.get(r, ()))
    out.pop(char, None)
    return tuple(out)


def rare_homophones(char: str) -> tuple[str, ...]:
    """Characters sharing a reading with `char` that are no words of their own (a place name's "陂" of 碑)."""
    readings, _, rare = _by_sound()
    out = dict.fromkeys(c for r in readings.get(char, ()) for c in rare.get(r, ()))
    out.pop(char, None)
    return tuple(out)


def _pairs(run: str, i: int, char: str) -> list[str]:
    """The character pairs `char` forms at position `i` of `run` with its neighbours."""
    out = []
    if i > 0:
        out.append(run[i - 1] + char)
    if i + 1 < len(run):
        out.append(char + run[i + 1])
    return out


def _context(chars: list[str], i: int, char: str) -> str:
    """`char` at position `i` with three characters of context: a neighbour each side, or two on one side at an edge."""
    start = min(max(0, i - 1), max(0, len(chars) - 3))
    return "".join(chars[start:i]) + char + "".join(chars[i + 1 : start + 3])


def _cut(text: str) -> list[tuple[int, str]]:
    """jieba's cut of `text` (its dictionary's words), each word with where it starts."""
    bounds = sorted(word_starts(text, guess=False)) + [len(text)]
    return [(a, text[a:b]) for a, b in zip(bounds, bounds[1:])]


def _read_words(typed: str, read: str) -> list[str]:
    """The words of `read` holding a character that differs from `typed` (a character jieba leaves alone with the
    characters around it: "槐陂区", not "陂")."""
    return [word if len(word) > 1 else read[max(0, start - 1) : start + 2]
            for start, word in _cut(read) if typed[start : start + len(word)] != word]


def _log_probability(text: str) -> float:
    """The log probability of jieba's likeliest cut of `text` (its dictionary's unigram model)."""
    dag, route = jieba.dt.get_DAG(text), {}
    jieba.dt.calc(text, dag, route)
    return route[0][0]


def _reads_better(chars: list[str], i: int, char: str) -> bool:
    """Whether `char` at `i` makes the run words: jieba cuts it into a word of two characters or more whose
    neighbours are such words too ("方案|重点", not "县委|健|局"), and the run reads `LIKELIER` than as typed."""
    typed, read = "".join(chars), "".join(chars[:i]) + char + "".join(chars[i + 1 :])
    cut = _cut(read)
    at = next(k for k, (start, word) in enumerate(cut) if start <= i < start + len(word))
    around = cut[max(0, at - 1) : at + 2]
    return (all(len(word) > 1 for _, word in around)
            and _log_probability(read) - _log_probability(typed) >= LIKELIER)


def _correct_run(run: str, archive: Archive, before: str = "", after: str = "") -> str:
    """`run` of CJK characters corrected; `before` and `after` are the characters around it in the question."""
    if len(run) < 3:  # too little context to tell a typo from a word
        return run
    freq = dictionary()
    pairs = sorted({run[i : i + 2] for i in range(len(run) - 1)})
    counts = archive.posting_counts(pairs)
    known = {p for p in pairs if counts.get(p, 0) > 0 or freq.get(p, 0) >= KNOWN_WORD}
    surnames = {m.start() for m in _SURNAME.finditer(run)}  # "何县长" is no typo of 和县
    # a character next to a figure is read with it ("城区那126公里"), not with its one CJK neighbour
    beside_figure = {0} if before.isalnum() else set()
    beside_figure |= {len(run) - 1} if after.isalnum() else set()
    suspects = [i for i in range(len(run)) if i not in surnames and i not in beside_figure
                and not any(p in known for p in _pairs(run, i, run[i]))]
    chars = list(run)
    # Two characters typed in the wrong order ("创业保担贷款" for 担保): a pair neither written nor a word whose reverse
    # is a word the archive writes with the characters around it.
    unknown = [i for i in range(len(run) - 1) if run[i : i + 2] not in known and i not in surnames
               and run[i + 1] + run[i] in freq]
    swapped = archive.posting_counts(sorted({run[i + 1] + run[i] for i in unknown})) if unknown else {}
    for i in unknown:
        pair = run[i + 1] + run[i]
        if swapped.get(pair, 0) and chars[i : i + 2] == list(run[i : i + 2]):
            context = "".join(chars[max(0, i - 1) : i]) + pair + "".join(chars[i + 2 : i + 3])
            if len(context) >= 3 and archive.holds_phrase(context):
                chars[i : i + 2] = [pair[0], pair[1]]
    suspects = [i for i in suspects if chars[i] == run[i]]
    for i in suspects:
        # a homophone making a word the archive holds with a neighbour (the words looked up first: few pairs are),
        # most such words first, then most pairs held (only those making a word of the dictionary can)
        left, right = chars[i - 1] if i > 0 else "", chars[i + 1] if i + 1 < len(chars) else ""
        tried = [(c, _pairs(chars, i, c)) for c in homophones(run[i])
                 if (left and left + c in freq) or (right and c + right in freq)]
        words = archive.posting_counts(sorted({p for _, ps in tried for p in ps if p in freq}))
        tried = [(c, ps) for c, ps in tried if any(words.get(p, 0) for p in ps)]
        counts = words | archive.posting_counts(sorted({p for _, ps in tried for p in ps if p not in words}))
        scored = sorted(((sum(1 for p in ps if words.get(p, 0)), sum(1 for p in ps if counts.get(p, 0)),
                          max(counts.get(p, 0) for p in ps)), c) for c, ps in tried)
        for score, c in reversed(scored[-TRIES:]):
            if not score[0]:
                break
            # ...and written with its context somewhere, or making words of the whole run: a character that fits
            # one neighbour only is as likely a word of its own the question meant ("每件最多补多少" is no typo of 不多少)
            if archive.holds_phrase(_context(chars, i, c)) or _reads_better(chars, i, c):
                chars[i] = c
                break
        if chars[i] == run[i] and any(c in PLACE_LEVELS + "村" for c in run[i + 1 : i + 3]):
            # A place name's character ("槐碑区" for the archive's 槐陂区: place names keep old characters, in pairs
            # no dictionary lists as words) only where the archive writes it with its context: jieba's model knows
            # no such name. (Before a level only: elsewhere a pair across two words — "实现旅游" — would do.)
            rare = [(c, _pairs(chars, i, c)) for c in homophones(run[i]) + rare_homophones(run[i])]
            held = archive.posting_counts(sorted({p for _, ps in rare for p in ps}))
            ranked = sorted(((max(held.get(p, 0) for p in ps), c) for c, ps in rare), reverse=True)
            for n, c in ranked[:TRIES]:
                if n and archive.holds_phrase(_context(chars, i, c)):
                    chars[i] = c
                    break
    return "".join(chars)


@dataclass(frozen=True)
class Reading:
    text: str  # the question as read
    words: tuple[str, ...] = ()  # the words read otherwise than typed ("商贸中心"), to tell the asker


def correct(text: str, archive: Archive) -> Reading:
    """`text` with each character that fits none of its neighbours read as the homophone the archive holds
    beside them ("乡镇商茂中心" → 乡镇商贸中心); characters that fit, and those no homophone fits, stay."""
    words: list[str] = []

    def run(m: re.Match) -> str:
        read = _correct_run(m.group(0), archive, text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1])
        if read != m.group(0):
            words.extend(_read_words(m.group(0), read))
        return read

    read = _CJK_RUN.sub(run, text)
    return Reading(read, tuple(dict.fromkeys(words)))
