"""Articles: split a loaded bulletin into articles with title, date, speakers and byline."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

import bot.textutil  # noqa: F401  (quiets jieba before first use)

from bot.load import Block, LoadedBulletin

# "本报讯" (this paper reports) opens a news article in Chinese newspapers.
ARTICLE_OPENING = re.compile(r"^(本报讯|本报[^，,。]{0,12}讯|【[^】]{0,12}】)")
DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
FILE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?!\d)")
BYLINE = re.compile(r"[(（]\s*([\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*)\s*[)）]\s*$")
SPEECH_VERBS = "指出|强调|要求|表示|提出|说|讲话|指示|部署"
_SPEECH = re.compile(rf"(?:同志)?[^，。,；;]{{0,8}}?(?:{SPEECH_VERBS})")
_VERB = re.compile(SPEECH_VERBS)
_CLAUSE_END = re.compile(r"[，。,；;！？!?\n]")
_WINDOW = 24  # a name, "同志", up to 8 characters, the verb: the clause's last 24 characters hold them


@dataclass(frozen=True)
class Article:
    article_id: str
    source: str
    position: int
    title: str
    date: str | None  # ISO date, e.g. "2021-04-25"
    date_text: str  # as a reader writes it, e.g. "2021年4月25日"
    speakers: tuple[str, ...]
    byline: str | None
    paragraphs: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.paragraphs)


def article_identity(paragraphs: list[str] | tuple[str, ...]) -> str:
    """Identity from normalized text: whitespace, line endings and encoding don't change it."""
    norm = re.sub(r"\s+", "", "".join(paragraphs))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def speech_marks(text: str) -> list[tuple[int, str]]:
    """(offset, name) for every person named by jieba (flag nr) who speaks right there ("毕志伟强调").

    Part-of-speech tagging is the slow part of indexing, so only the clause in front of each speech
    verb is tagged, never the whole text."""
    import jieba.posseg  # its tables take a second to load, and answering questions never needs them

    marks: dict[int, str] = {}
    done: set[int] = set()
    for verb in _VERB.finditer(text):
        start = max(0, verb.start() - _WINDOW)
        ends = [m.end() for m in _CLAUSE_END.finditer(text, start, verb.start())]
        start = ends[-1] if ends else start
        if start in done or verb.start() - start < 2:
            continue
        done.add(start)
        offset = start
        for pair in jieba.posseg.cut(text[start : verb.end()]):
            if pair.flag == "nr" and len(pair.word) >= 2 and _SPEECH.match(text, offset + len(pair.word)):
                marks[offset] = pair.word
            offset += len(pair.word)
    return sorted(marks.items())


def find_date(paragraphs: list[str], year: int | None) -> tuple[str | None, str]:
    for para in paragraphs[:3]:
        m = DATE.search(para)
        if m:
            y = int(m.group(1)) if m.group(1) else year
            month, day = int(m.group(2)), int(m.group(3))
            if not (1 <= month <= 12 and 1 <= day <= 31):
                continue
            if y:
                return f"{y:04d}-{month:02d}-{day:02d}", f"{y}年{month}月{day}日"
            return None, f"{month}月{day}日"
    return None, ""


def _segments(blocks: tuple[Block, ...]) -> list[tuple[list[str], list[str]]]:
    """Group blocks into (title lines, paragraphs) per article."""
    segments: list[tuple[list[str], list[str]]] = []
    titles: list[str] = []
    paras: list[str] = []
    for block in blocks:
        starts_new = block.heading or (ARTICLE_OPENING.match(block.text) and paras)
        if starts_new and paras:
            segments.append((titles, paras))
            titles, paras = [], []
        if block.heading:
            titles.append(block.text)
        else:
            paras.append(block.text)
    if paras:
        segments.append((titles, paras))
    elif titles and segments:
        segments[-1][1].extend(titles)
    return segments


def split_articles(loaded: LoadedBulletin, default_year: int | None = None) -> list[Article]:
    """Split a bulletin into articles; the year comes from the text, else the file name, else the config."""
    m = FILE_YEAR.search(loaded.name)
    year = int(m.group(1)) if m else default_year
    articles = []
    for position, (titles, paras) in enumerate(_segments(loaded.blocks)):
        paras = list(paras)
        byline = None
        b = BYLINE.search(paras[-1])
        if b and b.start() > 0:
            byline = re.sub(r"[\s、，,]+", " ", b.group(1)).strip()
            paras[-1] = paras[-1][: b.start()].rstrip()
        paras[0] = ARTICLE_OPENING.sub("", paras[0]).lstrip(" ：:")
        paras = [p for p in paras if p]
        if not paras:
            continue
        title = " ".join(titles) if titles else _fallback_title(paras[0], loaded.name)
        date, date_text = find_date(paras, year)
        speakers: dict[str, None] = {}
        for para in paras:
            for _, name in speech_marks(para):
                speakers.setdefault(name)
        articles.append(
            Article(
                article_id=article_identity(paras),
                source=loaded.name,
                position=position,
                title=title,
                date=date,
                date_text=date_text,
                speakers=tuple(speakers),
                byline=byline,
                paragraphs=tuple(paras),
            )
        )
    return articles


def _fallback_title(first_paragraph: str, file_name: str) -> str:
    first = re.split(r"[。！？!?]", first_paragraph, maxsplit=1)[0]
    return first[:30] + ("…" if len(first) > 30 else "") if first else file_name
