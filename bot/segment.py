"""The archive's own words in a question jieba cuts across: "对清四乱提了哪几条要求" is cut 清四|乱提, a piece no
bulletin holds and a word that means something else, while the bulletins write “清四乱” (a campaign's name jieba's
dictionary does not know). Where a question's word is found in no passage, a longer run across its edge that the
archive holds as a word, and jieba's dictionary does not, is read as one: it is quoted (“清四乱”), as the bulletins quote such names, so every later
reading of the question cuts it whole."""

from __future__ import annotations

from typing import Protocol

from bot.textutil import CN_NUMERAL, is_cjk, jieba

# The archive's words read across a cut: three to six characters (two-character words are jieba's own business).
SHORTEST, LONGEST = 3, 6
QUOTES = "“”"


class Archive(Protocol):
    def posting_counts(self, terms: list[str]) -> dict[str, int]: ...  # passages holding each term


def _cjk(text: str) -> bool:
    return all(is_cjk(c) for c in text)


def _splits_number(text: str, at: int) -> bool:
    """A cut at `at` falls inside a number ("第四|十二次"): its own words are no word of the archive's."""
    return 0 < at < len(text) and text[at - 1] in _NUMERALS and text[at] in _NUMERALS


_NUMERALS = CN_NUMERAL + "百千万亿零〇0123456789"


def archive_words(text: str, archive: Archive) -> str:
    """`text` with the archive's words that jieba cuts across quoted; unchanged where every word of it is held or
    no held word crosses a cut."""
    cut = [(w, s, e) for w, s, e in jieba.tokenize(text) if len(w) >= 2 and _cjk(w)]
    if not cut:
        return text
    held = archive.posting_counts(sorted({w for w, _, _ in cut}))
    unheld = [(s, e) for w, s, e in cut if not held.get(w)]
    spans: dict[str, list[tuple[int, int]]] = {}
    for s, e in unheld:
        for a in range(max(0, s - LONGEST + 1), e):
            for b in range(a + SHORTEST, min(len(text), a + LONGEST) + 1):
                if (a < s < b or a < e < b) and _cjk(text[a:b]) and not (_splits_number(text, a)
                                                                         or _splits_number(text, b)):
                    spans.setdefault(text[a:b], []).append((a, b))
    if not spans:
        return text
    # a word of jieba's dictionary it cut otherwise is jieba's choice ("永兴|县政府" is no name cut apart)
    jieba.dt.check_initialized()
    spans = {w: at for w, at in spans.items() if w not in jieba.dt.FREQ}
    if not spans:
        return text
    counts = archive.posting_counts(sorted(spans))
    found = sorted(((a, b) for word, at in spans.items() if counts.get(word) for a, b in at),
                   key=lambda ab: (ab[0] - ab[1], ab[0]))
    chosen: list[tuple[int, int]] = []
    for a, b in found:  # the longest first, none overlapping another
        if all(b <= c or a >= d for c, d in chosen):
            chosen.append((a, b))
    for a, b in sorted(set(chosen), reverse=True):
        if a == 0 or text[a - 1] not in QUOTES:  # (quoted already: the question's own quotes cut it whole)
            text = f"{text[:a]}“{text[a:b]}”{text[b:]}"
    return text
