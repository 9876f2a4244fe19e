"""Passages: the unit an official reads — list points, list outlines, and packed paragraphs.

Where lists are is decided in `bot.lists`; this module turns an article and its list spans into passages.
Every point is one passage (a point longer than a few screens is cut at sentence ends into parts that keep
its list and ordinal); every list gets an outline passage (its lead and each point's headline); other text
is packed by whole sentences into passages of a few hundred characters. Traditional-character articles are
read in simplified characters (where lists are, labels, speakers) and shown as published (passage text,
leads, headlines); the index and the list catalogue match them in simplified form.

Who says a list: the person speaking in the clause that introduces it, else the chair, else the one person the
lead says gives the report or answers the questions; in a transcript (新闻发布会, 答记者问) the answerer whose
turn holds it ("高志红：…", "答：…"), never the host or the first official named.
"""

from __future__ import annotations

import bisect
import os
import re
from dataclasses import replace

from bot.lists import find_lists
from bot.listspans import CHAPTERS, is_section_heading, paragraph_bounds
from bot.records import Article, NumberedList, Passage
from bot.speakers import ASKED, known_names, speaker_before, speech_marks, turns, voice_of
from bot.tasks import point_tasks, task_table_spans
from bot.textutil import SENTENCE_ENDS, cn_to_int, int_to_cn, simplified_aligned, split_sentences, to_simplified


MAX_POINT_CHARS = 1500  # about three phone screens; longer points are cut into parts at sentence ends


# A lead-in stating a figure ("…老年人口已达9.3万人"); a date is none ("3月12日，…会议要求：").
_DATE = re.compile(r"\d{4}\s*年|\d{1,2}\s*月|\d{1,2}\s*[日号]")
_FIGURE = re.compile(r"\d")
LEAD_PARAGRAPHS = 3  # where a lead says who delivers the document: past a subtitle and a date line
MAX_ASKED = 78  # a reporter's question short enough to lead the list that answers it (a long one is its own passage)


CLAUSE_MIN = 4  # characters before a long headline's first comma that make a clause (not "第三，", "一是，", "同时，")


def _headline(point_text: str) -> str:
    """A point's first sentence, within its first paragraph (a heading line is a headline of its own)."""
    opening = point_text.strip().split("\n", 1)[0][:400]
    first = split_sentences(opening)[0].strip() if opening else ""
    first = first.rstrip(SENTENCE_ENDS)
    if len(first) > 60:
        # to its first clause, past a marker set off by a comma ("第三，县财政局正在推进…": not "第三" alone)
        first = first[:CLAUSE_MIN] + re.split(r"[，,]", first[CLAUSE_MIN:], maxsplit=1)[0][:60 - CLAUSE_MIN]
    return first


def _common_prefix(heads: list[str]) -> str:
    prefix = os.path.commonprefix(heads)
    return re.sub(r"[，,、。：:；;（(“\"]+.*$", "", prefix)


# A meeting report's sentence taking up one matter of several ("会议听取了…的汇报", "会议研究了…", "会议还审议了…", or
# stating where it stands: "会议指出，今年以来，全县农村消防安全形势…").
_AGENDA = re.compile(r"^(?:会议|会上)(?:还|首先|随后|接着)?(?:听取|研究|审议|讨论|传达|学习|通报|分析|指出|认为)")
MAX_AGENDA = 120


def _agenda(text: str, first_start: int) -> str:
    """The sentence taking up the matter a list's paragraph is about, when a meeting's report gives several a
    paragraph each ("会议听取了…关于河湖长制工作的汇报，研究部署…“清四乱”…。会议强调，…。一是…"): it names the
    list as much as the lead does."""
    para_start, _ = paragraph_bounds(text, first_start)
    sentences = split_sentences(text[max(para_start, first_start - 2000):first_start].strip())
    agenda = sentences[0].strip() if len(sentences) >= 2 else ""
    return agenda if len(agenda) <= MAX_AGENDA and _AGENDA.match(agenda) else ""


def _section(text: str, first_start: int) -> str:
    """The label of the report's section a list stands in, on its own line just above the list's paragraph or the
    paragraph leading it ("【下步安排】" over "下一步，…将重点抓好四项工作：一是…"): it names the list as its lead does."""
    start, _ = paragraph_bounds(text, first_start)
    for _ in range(2):
        if start <= 0:
            return ""
        start, end = paragraph_bounds(text, start - 1)
        above = text[start:end].strip()
        if above and COLUMN_LABEL.fullmatch(above):
            return above
    return ""


def _lead(text: str, first_start: int) -> str:
    """The sentence that introduces a list: its own clause before the first point, or the previous paragraph's
    last sentence when the list opens a paragraph ("…提出以下四点要求：")."""
    para_start, _ = paragraph_bounds(text, first_start)
    before = text[max(para_start, first_start - 2000):first_start].strip()
    if not before and para_start > 0:
        prev_start, _ = paragraph_bounds(text, para_start - 1)
        while prev_start > 0 and is_section_heading(text[prev_start:para_start]):  # "第一章　总则": no lead
            para_start = prev_start
            prev_start, _ = paragraph_bounds(text, prev_start - 1)
        sentences = split_sentences(text[prev_start:para_start - 1].strip())
        return sentences[-1].strip() if sentences and len(sentences[-1].strip()) <= 80 else ""
    sentences = split_sentences(before)
    if not sentences:
        return ""
    last = sentences[-1].strip()
    if before[-1:] in SENTENCE_ENDS or len(last) >= 8 or len(sentences) == 1:
        return last if before[-1:] in SENTENCE_ENDS else last.rstrip("，,：: ")
    return (sentences[-2] + last).strip().rstrip("，,：: ")


def _chapter_label(heading: str) -> str:
    """"第一章　总　则" → "第一章 总则": a chapter's articles are named by their chapter."""
    number, _, name = re.sub(r"^\s+", "", heading).partition("章")
    name = re.sub(r"\s+", "", name)
    return f"{number}章 {name}".strip()


# a name the lead gives the list, counting its points: “四查四改” over four points, “三个坚持” over three
_COUNTED_NAME = re.compile(r"“(?P<name>(?P<n>[一二两三四五六七八九十])[^“”]{1,10})”")
# a clause that only dates the meeting ("10月12日", "2025年3月5日上午") names no list
# a 简报 column's label before a brief's headline ("【督察整改】")
COLUMN_LABEL = re.compile(r"^[【\[［][^】\]］]{1,8}[】\]］]\s*")
_DATE_CLAUSE = re.compile(r"^(?:截至|截止|到)?(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下]午|晚)?$")


def _label(lead: str, bodies: list[str], size: int, speaker: str | None) -> str:
    prefix = _common_prefix(bodies)
    if len(prefix) >= 2:
        return f"{int_to_cn(size, counting=True)}个{prefix}"
    for m in _COUNTED_NAME.finditer(lead):
        if cn_to_int(m.group("n").replace("两", "二")) == size:
            return m.group("name")
    for clause in re.split(r"[，,：:。；;]", lead):
        clause = clause.strip().strip("【】[]［］")  # a report's section label names its list ("【下步安排】")
        if len(clause) >= 4 and not (speaker and clause.startswith(speaker)) and not _DATE_CLAUSE.match(clause):
            return clause[:16]
    return f"{speaker}讲话要点" if speaker else "要点"


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


def _split_long(text: str, limit: int = MAX_POINT_CHARS) -> list[str]:
    """A point longer than `limit` characters, cut at sentence ends into parts of at most about `limit`."""
    if len(text) <= limit:
        return [text]
    parts, current = [], ""
    for sentence in split_sentences(text):
        if current and len(current) + len(sentence) > limit:
            parts.append(current)
            current = ""
        while len(sentence) > limit:  # one endless sentence: cut it hard
            parts.append(sentence[:limit])
            sentence = sentence[limit:]
        current += sentence
    if current.strip():
        parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def reading_text(article: Article) -> tuple[str, str]:
    """(text as shown, the same text in simplified characters with the same offsets)."""
    shown = "\n".join(article.paragraphs)
    return shown, simplified_aligned(shown)


def _own_ranges(s: int, e: int, inner: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of a point's span not inside one of its sub-lists."""
    ranges = [(s, e)]
    for a, b in inner:
        out = []
        for x, y in ranges:
            if a >= y or b <= x:
                out.append((x, y))
                continue
            if a > x:
                out.append((x, a))
            if b < y:
                out.append((b, y))
        ranges = out
    return ranges


def article_passages(article: Article, passage_chars: int = 260) -> tuple[list[Passage], list[NumberedList]]:
    """All passages of one article, in reading order, plus its lists."""
    shown, text = reading_text(article)
    # the names the article step read (a speech's byline first); an Article built by hand has none
    names = list(article.names) or known_names(to_simplified(article.title) + "\n" + text)
    # who delivers it: the chair, else the one person the lead says gives the report or answers the questions
    voice = voice_of("\n".join(text.split("\n", LEAD_PARAGRAPHS)[:LEAD_PARAGRAPHS]), names)
    chair = article.chair or voice
    # a transcript: each answer is its answerer's (a question or an unnamed host is no one's)
    transcript = turns(text, names, voice)
    marks = speech_marks(text, names, transcript)
    taken = [(start, None if who == ASKED else who or None) for start, _, who in transcript]  # each turn's speaker
    turn_starts = [offset for offset, _ in taken]
    bullets = {i for i, para in enumerate(article.paragraphs) if para.startswith("- ")}
    spans = find_lists(text, names, bullets)

    def speaker_at(pos: int, floor: int = 0, default: str | None = None) -> str | None:
        """Who speaks at `pos`: someone speaking since `floor` (within the current turn of a transcript),
        else the turn's speaker, else `default`."""
        i = bisect.bisect_right(turn_starts, pos) - 1
        if i >= 0:
            return speaker_before(marks, pos, chair, max(floor, taken[i][0])) or taken[i][1]
        return speaker_before(marks, pos, chair, floor) or default
    common = dict(title=article.title, date=article.date, date_text=article.date_text, source=article.source)
    # a 简报 read as one issue: each passage is titled by the issue and the brief it stands under
    section_starts, offset = [], 0
    for para in article.paragraphs:
        if para in article.sections:
            section_starts.append((offset, COLUMN_LABEL.sub("", para).strip()))
        offset += len(para) + 1

    def asked_before(pos: int) -> tuple[int, int] | None:
        """Where the reporter's question stands that the answer holding `pos` replies to (a short one)."""
        i = bisect.bisect_right(turn_starts, pos) - 1
        if i < 1 or transcript[i][2] == ASKED or transcript[i - 1][2] != ASKED:
            return None
        start, end, _ = transcript[i - 1]
        return (start, end) if len(text[start:end].strip()) <= MAX_ASKED else None

    def titled(pos: int) -> dict:
        i = bisect.bisect_right([s for s, _ in section_starts], pos) - 1
        return common | {"title": f"{article.title} {section_starts[i][1]}"} if i >= 0 else common
    spans += task_table_spans(text, spans)  # a task table's rows: each a point carrying its tasks

    pieces: list[tuple[int, int, str, object]] = []  # (start, end, kind, payload)
    lists: list[NumberedList] = []
    simple_leads: list[str] = []
    last_ends = {e for o in spans for _, e in o.bounds[-1:]}  # where each list's last point ends
    for k, lst in enumerate(spans):
        heads = [_headline(text[s:e]) for s, e in lst.bounds]
        marker_len = [m.end - m.start for m in lst.markers] if lst.markers else [0] * len(heads)
        bodies = [h[n:].lstrip("-—－ ") for h, n in zip(heads, marker_len)]  # bullets and dashes are no words
        para_start, _ = paragraph_bounds(text, lst.start)
        floor = paragraph_bounds(text, para_start - 1)[0] if para_start > 0 else 0
        if lst.parent is not None:  # someone speaking inside the point that holds it, else that list's speaker
            holder_start = spans[lst.parent].bounds[lst.parent_point][0]
            speaker = speaker_before(marks, lst.start, chair, holder_start) or lists[lst.parent].speaker
        else:
            speaker = speaker_at(lst.start, floor, chair)
        lead = _lead(text, lst.start)  # simplified: what the label is made of
        shown_lead = _lead(shown, lst.start)
        if any(lst.start - d in last_ends for d in (0, 1, 2)):
            # right after another list's last point ("要…；要…。县林业局要…；…"): that point is no lead
            lead = shown_lead = ""
        if lst.parent is not None and spans[lst.parent].style == CHAPTERS:
            # a chapter's articles are led by the chapter's heading ("第二章　保护责任"), not by the last
            # sentence of the article before it
            s0, e0 = spans[lst.parent].bounds[lst.parent_point]
            lead, shown_lead = _headline(text[s0:e0]), _headline(shown[s0:e0])
        label_lead = lead
        if lead and (agenda := _agenda(text, lst.start)) and not lead.startswith(agenda):
            lead, shown_lead = agenda + lead, _agenda(shown, lst.start) + shown_lead
        if lead and (section := _section(text, lst.start)):
            lead, shown_lead = section + lead, _section(shown, lst.start) + shown_lead
        if lst.parent is None and (asked := asked_before(lst.start)):
            # a list answering a reporter's question is led by that question: the question alone answers nothing
            lead, shown_lead = f"{text[asked[0]:asked[1]].strip()}{lead}", f"{shown[asked[0]:asked[1]].strip()}{shown_lead}"
        simple_leads.append(lead)
        nl = NumberedList(
            list_id=f"{article.article_id}:L{k}",
            article_id=article.article_id,
            style=lst.style,
            size=len(lst.bounds),
            lead=shown_lead,  # as published, like the headlines: an outline shows them
            label=(f"{int_to_cn(len(lst.bounds), counting=True)}章" if lst.style == CHAPTERS
                   else _chapter_label(lead) if lst.parent is not None and spans[lst.parent].style == CHAPTERS
                   else _label(label_lead, bodies, len(lst.bounds), speaker)),
            speaker=speaker,
            headlines=tuple(_headline(shown[s:e]).lstrip("-—－ ") for s, e in lst.bounds),
            parent=lists[lst.parent].list_id if lst.parent is not None else None,
            parent_point=lst.parent_point + 1 if lst.parent is not None else None,
            first=lst.markers[0].n if lst.markers else 1,
        )
        lists.append(nl)
        for i, (s, e) in enumerate(lst.bounds):
            pieces.append((s, e, "point", (nl, i + 1)))

    # A point holding a sub-list keeps only its own words: the sub-list's points are passages of their own.
    inner = sorted((lst.start, lst.end) for lst in spans if lst.parent is not None)

    covered = sorted((s, e) for s, e, _, _ in pieces)
    pos = 0
    free: list[tuple[int, int]] = []
    for s, e in covered + [(len(text), len(text))]:
        if s > pos:
            free.append((pos, s))
        pos = max(pos, e)
    for s, e in free:
        offset = s
        for para in shown[s:e].split("\n"):
            if para.strip():
                pieces.append((offset, offset + len(para), "text", para))
            offset += len(para) + 1

    pieces.sort(key=lambda x: (x[0], x[2] != "point"))
    passages: list[Passage] = []
    texts_pending: list[tuple[int, str]] = []
    leads = "\n".join(simple_leads)

    def flush_texts() -> None:
        # Short neighbouring paragraphs are packed together; long ones are cut at sentence ends.
        merged: list[tuple[list[int], str]] = []  # (where each of its paragraphs starts, text)
        for start, para in texts_pending:
            core = to_simplified(para.strip().rstrip("，,：: "))
            if core and len(core) < 80 and core in leads and not _FIGURE.search(_DATE.sub("", core)):
                continue  # the lead-in of a list lives in its outline and in the points' context
                # (one stating a figure is also a passage: "…60周岁以上老年人口已达9.3万人，…" may be asked)
            # In a press conference, one answerer's words are never packed with another's.
            other_voice = taken and merged and (who := speaker_at(start)) and who != next(
                (w for w in map(speaker_at, merged[-1][0]) if w), who)
            if merged and not other_voice and len(merged[-1][1]) < passage_chars * 0.3 \
                    and len(merged[-1][1]) + len(para) <= passage_chars * 1.25:
                merged[-1] = (merged[-1][0] + [start], merged[-1][1] + para)
            else:
                merged.append(([start], para))
        if len(merged) > 1 and len(merged[-1][1]) < passage_chars * 0.25:
            # a tiny remainder before a list (a notice's signature and date) is read with the text before it
            tail = merged.pop()
            merged[-1] = (merged[-1][0] + tail[0], merged[-1][1] + tail[1])
        for starts, chunk_src in merged:
            # a question packed with its answer ("记者：…" + "何静：…") is the answerer's
            speaker = next((who for who in map(speaker_at, starts) if who), None) if taken else speaker_at(starts[0])
            for chunk in _pack(chunk_src, passage_chars):
                passages.append(Passage(passage_id="", article_id=article.article_id, kind="text", position=0,
                                        text=chunk, speaker=speaker, **titled(starts[0])))
        texts_pending.clear()

    emitted_outline: set[str] = set()
    for s, e, kind, payload in pieces:
        if kind == "text":
            texts_pending.append((s, payload.strip()))
            continue
        flush_texts()
        nl, ordinal = payload
        if nl.list_id not in emitted_outline:
            emitted_outline.add(nl.list_id)
            passages.append(Passage(passage_id="", article_id=article.article_id, kind="outline", position=0,
                                    text=outline_text(nl), speaker=nl.speaker, list_id=nl.list_id,
                                    list_size=nl.size, list_label=nl.label, lead=nl.lead, **titled(s)))
        held = inner[bisect.bisect_right(inner, (s, len(text))):bisect.bisect_left(inner, (e, 0))]
        body = "\n".join(shown[x:y].strip() for x, y in _own_ranges(s, e, held))
        body = re.sub(r"\n+", "\n", body.strip())
        for part in _split_long(body):
            passages.append(Passage(passage_id="", article_id=article.article_id, kind="point", position=0,
                                    text=part, speaker=nl.speaker, list_id=nl.list_id, ordinal=ordinal,
                                    list_size=nl.size, list_label=nl.label, lead=nl.lead,
                                    headline=nl.headlines[ordinal - 1],
                                    tasks=point_tasks(body, text, article.date), **titled(s)))
    flush_texts()
    return (
        [replace(p, passage_id=f"{article.article_id}:{i:03d}", position=i) for i, p in enumerate(passages)],
        lists,
    )


def outline_text(nl: NumberedList) -> str:
    """The lead sentence and every point's headline, one a line."""
    lines = [nl.lead] if nl.lead else []
    lines += [h + ("。" if not h.endswith(("。", "！", "？")) else "") for h in nl.headlines]
    return "\n".join(lines)
