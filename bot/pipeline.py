"""The parse pipeline, assembled once: bytes of a bulletin → articles → lists and passages.

load (formats, encodings, page noise) → articles (title, date, speakers) → passages (lists, points, packed
text). Ingest, the bot's upload reply, `policybot inspect` and the scale corpus all parse through
`parse_bulletin`, so a limit or a step added here holds everywhere.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace

from bot.articles import split_articles
from bot.config import Config
from bot.errors import BulletinError
from bot.load import load_bulletin
from bot.passages import article_passages
from bot.records import SEARCHABLE_KINDS, Article, NumberedList, Passage

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ParseSettings:
    """What parsing needs of the configuration, and nothing more."""

    max_file_bytes: int | None = None  # larger files are refused
    max_unpacked_bytes: int | None = None  # a .docx (zip) larger than this once unpacked is refused
    default_year: int | None = None  # year of "4月25日" when nothing else gives one
    passage_chars: int = 260  # target size of packed passages

    @classmethod
    def of(cls, config: Config) -> ParseSettings:
        return cls(config.max_file_bytes, config.max_unpacked_bytes, config.ingest.default_year,
                   config.ingest.passage_chars)


@dataclass
class ParsedBulletin:
    file: str
    sha: str
    format: str
    encoding: str
    articles: list[Article]
    passages: dict[str, tuple[list[Passage], list[NumberedList]]]

    @property
    def lists(self) -> list[NumberedList]:
        return [nl for _, lists in self.passages.values() for nl in lists]


def file_sha(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def with_date(article: Article, iso: str) -> Article:
    """The article with an admin's date (date_source "admin")."""
    y, m, d = (int(x) for x in iso.split("-"))
    return replace(article, date=iso, date_text=f"{y}年{m}月{d}日", date_source="admin")


def parse_bulletin(data: bytes, name: str, settings: ParseSettings,
                   dates: dict[str, str] | None = None) -> ParsedBulletin:
    """Load and split a bulletin; BulletinError when it can't be read or holds no article.
    `dates` (article id -> ISO date, from corpus/.dates.yaml) are dates set by an admin: they win.

    Whatever goes wrong inside a loader or parser (malformed XML, a library's own error) is this
    file's problem only: it becomes a BulletinError, so one bad file never blocks the others."""
    try:
        loaded = load_bulletin(data, name, settings.max_file_bytes, settings.max_unpacked_bytes)
        articles = [with_date(a, dates[a.article_id]) if dates and a.article_id in dates else a
                    for a in split_articles(loaded, settings.default_year)]
        if not articles:
            raise BulletinError("文件中没有找到公报文章。")
        passages = {a.article_id: article_passages(a, settings.passage_chars) for a in articles}
    except BulletinError:
        raise
    except (Exception, RecursionError) as exc:  # noqa: BLE001 - any loader failure is a per-file message
        log.warning("cannot read %s", name, exc_info=True)
        raise BulletinError(f"文件无法读取，可能已损坏（{type(exc).__name__}）。") from exc
    if not any(p.kind in SEARCHABLE_KINDS for ps, _ in passages.values() for p in ps):
        raise BulletinError("文件中没有可检索的正文。")
    return ParsedBulletin(name, file_sha(data), loaded.format, loaded.encoding, articles, passages)
