"""Passages: the unit an official reads — numbered points, list outlines, and packed paragraphs.

Numbered points (一是…二是…, 一要…, 第一，…, 一、…, （一）…) are found across an article; a point runs
until the next point of its list, across paragraph breaks, and the last point runs to the end of its
paragraph (or of the next one, when its own paragraph holds only its headline). Other text is packed
by whole sentences into passages of a few hundred characters.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from bot.articles import Article, speech_marks
from bot.textutil import CN_NUMERAL, cn_to_int, int_to_cn, split_sentences

_NUM = rf"[{CN_NUMERAL}]{{1,3}}"
_BOUNDARY = r"(?:(?<=^)|(?<=[。！？!?；;：:，,\n]))"
# style → pattern; group "n" holds the numeral. Paragraph-start-only styles use (?<=^|\n).
MARKER_STYLES = {
    "是": re.compile(rf"{_BOUNDARY}(?P<n>{_NUM})是(?!否|不是)"),
    "要": re.compile(rf"{_BOUNDARY}(?P<n>{_NUM})要(?!求|素|点|闻|害)"),
    "第": re.compile(rf"{_BOUNDARY}第(?P<n>{_NUM})[，,、：:]"),
    "、": re.compile(rf"(?:(?<=^)|(?<=\n))(?P<n>{_NUM})、"),
    "（）": re.compile(rf"(?:(?<=^)|(?<=[\n。；;：:]))[（(](?P<n>{_NUM}|\d{{1,2}})[）)]"),
    "1.": re.compile(r"(?:(?<=^)|(?<=\n))(?P<n>\d{1,2})[、.．](?!\d)"),
}


@dataclass(frozen=True)
class NumberedList:
    list_id: str
    article_id: str
    style: str
    size: int
    lead: str  # the sentence that introduces the list
    label: str  # short name, e.g. "八个聚力"
    speaker: str | None
    headlines: tuple[str, ...]


@dataclass(frozen=True)
class Passage:
    passage_id: str
    article_id: str
    kind: str  # "point" | "text" | "outline"
    position: int  # order within the article (outlines sit before their first point)
    text: str
    title: str
    date: str | None
    date_text: str
    source: str
    speaker: str | None = None
    list_id: str | None = None
    ordinal: int | None = None
    list_size: int | None = None
    list_label: str | None = None
    lead: str | None = None
    headline: str | None = None

    @property
    def chars(self) -> int:
        return len(re.sub(r"\s+", "", self.text))


@dataclass
class _Marker:
    start: int
    end: int  # end of the marker itself
    n: int
    style: str


@dataclass
class _List:
    style: str
    markers: list[_Marker] = field(default_factory=list)


def find_markers(text: str) -> list[_Marker]:
    found = []
    for style, pattern in MARKER_STYLES.items():
        for m in pattern.finditer(text):
            n = cn_to_int(m.group("n"))
            if n:
                found.append(_Marker(m.start(), m.end(), n, style))
    return sorted(found, key=lambda m: m.start)


def group_lists(markers: list[_Marker]) -> list[_List]:
    """Markers of one style with ordinals 1, 2, 3 … form a list; a 1 starts a new one."""
    lists: list[_List] = []
    open_lists: dict[str, _List] = {}
    for m in markers:
        current = open_lists.get(m.style)
        if m.n == 1:
            current = _List(m.style, [m])
            open_lists[m.style] = current
            lists.append(current)
        elif current and m.n == current.markers[-1].n + 1:
            current.markers.append(m)
    result = [lst for lst in lists if len(lst.markers) >= 2]
    # A list nested inside a single point of another list is a sub-list; keep only the outer one.
    result.sort(key=lambda lst: lst.markers[0].start)
    return result


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, (len(text) if end < 0 else end)


def _headline(point_text: str) -> str:
    first = split_sentences(point_text)[0].strip() if point_text.strip() else ""
    first = first.rstrip("。！？!?；;")
    if len(first) > 60:
        first = re.split(r"[，,]", first, maxsplit=1)[0][:60]
    return first


def _common_prefix(heads: list[str]) -> str:
    prefix = os.path.commonprefix(heads)
    return re.sub(r"[，,、。：:；;（(“\"]+.*$", "", prefix)


def _lead(text: str, first_start: int) -> str:
    """The sentence that introduces a list: its own clause before the marker, or the previous sentence."""
    para_start, _ = _paragraph_bounds(text, first_start)
    before = text[para_start:first_start]
    sentences = split_sentences(before)
    if not sentences:
        return ""
    last = sentences[-1].strip()
    if before.rstrip()[-1:] in "。！？!?；;" or len(last) >= 8 or len(sentences) == 1:
        return last if before.rstrip()[-1:] in "。！？!?；;" else last.rstrip("，,：: ")
    return (sentences[-2] + last).strip().rstrip("，,：: ")


def _label(lead: str, heads: list[str], size: int, speaker: str | None) -> str:
    prefix = _common_prefix(heads)
    if len(prefix) >= 2:
        return f"{int_to_cn(size, counting=True)}个{prefix}"
    for clause in re.split(r"[，,：:。；;]", lead):
        clause = clause.strip()
        if len(clause) >= 4 and not (speaker and clause.startswith(speaker)):
            return clause[:16]
    return f"{speaker}讲话要点" if speaker else "要点"


def _speaker_at(marks: list[tuple[int, str]], pos: int) -> str | None:
    before = [name for off, name in marks if off <= pos]
    return before[-1] if before else None


def _speaker_of(marks: list[tuple[int, str]], start: int, end: int) -> str | None:
    """Who speaks in a stretch of text: the first speaker named inside it, else the one speaking before it."""
    inside = [name for off, name in marks if start <= off < end]
    return inside[0] if inside else _speaker_at(marks, start)


def _pack(text: str, target: int) -> list[str]:
    """Pack whole sentences into chunks of about `target` characters."""
    chunks, current = [], ""
    for sentence in split_sentences(text):
        if current and len(current) + len(sentence) > target * 1.25 and len(current) >= target * 0.4:
            chunks.append(current)
            current = ""
        current += sentence
    if current.strip():
        if chunks and len(current) < target * 0.25:
            chunks[-1] += current
        else:
            chunks.append(current)
    return [c.strip() for c in chunks if c.strip()]


def article_passages(article: Article, passage_chars: int = 260) -> tuple[list[Passage], list[NumberedList]]:
    """All passages of one article, in reading order, plus its numbered lists."""
    text = "\n".join(article.paragraphs)
    marks = speech_marks(text)
    lists = group_lists(find_markers(text))
    common = dict(title=article.title, date=article.date, date_text=article.date_text, source=article.source)

    spans: list[tuple[int, int, str, object]] = []  # (start, end, kind, payload)
    numbered: list[NumberedList] = []
    taken: list[tuple[int, int]] = []
    for k, lst in enumerate(lists):
        bounds = []
        for i, m in enumerate(lst.markers):
            if i + 1 < len(lst.markers):
                end = lst.markers[i + 1].start
            else:
                p_start, end = _paragraph_bounds(text, m.start)
                if len(split_sentences(text[m.start:end])) <= 1 and end < len(text):
                    nxt_start = end + 1
                    _, nxt_end = _paragraph_bounds(text, nxt_start)
                    if not find_markers(text[nxt_start:nxt_end]):
                        end = nxt_end
            bounds.append((m.start, end))
        if any(s < te and ts < bounds[-1][1] for s, _ in bounds[:1] for ts, te in taken):
            continue  # overlaps a list already taken (nested list): the outer list wins
        taken.append((bounds[0][0], bounds[-1][1]))
        heads = [_headline(text[s:e]) for s, e in bounds]
        bodies = [h[len(text[m.start:m.end]):] for h, m in zip(heads, lst.markers)]
        speaker = _speaker_at(marks, lst.markers[0].start)
        lead = _lead(text, lst.markers[0].start)
        nl = NumberedList(
            list_id=f"{article.article_id}:L{k}",
            article_id=article.article_id,
            style=lst.style,
            size=len(lst.markers),
            lead=lead,
            label=_label(lead, bodies, len(lst.markers), speaker),
            speaker=speaker,
            headlines=tuple(heads),
        )
        numbered.append(nl)
        for i, (s, e) in enumerate(bounds):
            spans.append((s, e, "point", (nl, i + 1)))

    # Text outside the points, paragraph by paragraph, packed by sentences.
    covered = sorted((s, e) for s, e, _, _ in spans)
    pos = 0
    free: list[tuple[int, int]] = []
    for s, e in covered + [(len(text), len(text))]:
        if s > pos:
            free.append((pos, s))
        pos = max(pos, e)
    for s, e in free:
        offset = s
        for para in text[s:e].split("\n"):
            if para.strip():
                spans.append((offset, offset + len(para), "text", para))
            offset += len(para) + 1

    spans.sort(key=lambda x: x[0])
    passages: list[Passage] = []
    texts_pending: list[tuple[int, str]] = []

    def flush_texts() -> None:
        # Short neighbouring paragraphs are packed together; long ones are cut at sentence ends.
        merged: list[tuple[int, str]] = []
        leads = [nl.lead for nl in numbered]
        for start, para in texts_pending:
            core = para.strip().rstrip("，,：: ")
            if len(core) < 80 and any(core and core in lead for lead in leads):
                continue  # the lead-in of a list lives in its outline and in the points' context
            if merged and len(merged[-1][1]) < passage_chars * 0.3 and len(merged[-1][1]) + len(para) <= passage_chars * 1.25:
                merged[-1] = (merged[-1][0], merged[-1][1] + para)
            else:
                merged.append((start, para))
        for start, chunk_src in merged:
            offset = start
            for chunk in _pack(chunk_src, passage_chars):
                passages.append(
                    Passage(
                        passage_id="",
                        article_id=article.article_id,
                        kind="text",
                        position=0,
                        text=chunk,
                        speaker=_speaker_of(marks, offset, offset + len(chunk)),
                        **common,
                    )
                )
                offset += len(chunk)
        texts_pending.clear()

    emitted_outline: set[str] = set()
    for s, e, kind, payload in spans:
        if kind == "text":
            texts_pending.append((s, payload.strip()))
            continue
        flush_texts()
        nl, ordinal = payload
        if nl.list_id not in emitted_outline:
            emitted_outline.add(nl.list_id)
            passages.append(
                Passage(
                    passage_id="",
                    article_id=article.article_id,
                    kind="outline",
                    position=0,
                    text=outline_text(nl),
                    speaker=nl.speaker,
                    list_id=nl.list_id,
                    list_size=nl.size,
                    list_label=nl.label,
                    lead=nl.lead,
                    **common,
                )
            )
        passages.append(
            Passage(
                passage_id="",
                article_id=article.article_id,
                kind="point",
                position=0,
                text=re.sub(r"\n+", "\n", text[s:e].strip()),
                speaker=nl.speaker,
                list_id=nl.list_id,
                ordinal=ordinal,
                list_size=nl.size,
                list_label=nl.label,
                lead=nl.lead,
                headline=nl.headlines[ordinal - 1],
                **common,
            )
        )
    flush_texts()
    return (
        [
            _replace(p, passage_id=f"{article.article_id}:{i:03d}", position=i)
            for i, p in enumerate(passages)
        ],
        numbered,
    )


def outline_text(nl: NumberedList) -> str:
    """The lead sentence and every point's headline, one a line."""
    lines = [nl.lead] if nl.lead else []
    lines += [h + ("。" if not h.endswith(("。", "！", "？")) else "") for h in nl.headlines]
    return "\n".join(lines)


def _replace(p: Passage, **changes) -> Passage:
    from dataclasses import replace

    return replace(p, **changes)
