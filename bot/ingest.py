"""Ingest: keep the index in step with corpus/ — add, replace, remove — one atomic generation per change.

Every operation (index, add, remove, the bot's upload and /reindex) is a *sync*: the wanted state is
the articles of the files in corpus/ (an article's identity is its normalized text, so the same
article in two files or encodings is kept once), the index is diffed against it, and the difference
is written as a new generation. Only passages whose text is new to the embedding cache are embedded.

All or nothing: `add` and `remove` change corpus/ only while holding the writer lock, and only through
a journal (corpus/.pending/) that names the generation it belongs to. The files are put in place (or
moved to corpus/.removed/) once that generation is current; a journal whose generation never became
current is dropped. So a refused, failed or killed command leaves corpus/ and the index as they were,
and running it again finishes the job.
"""

from __future__ import annotations

import datetime
import errno
import fcntl
import hashlib
import json
import logging
import os
import re
import shutil
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np
import yaml

from bot.config import Config
from bot.embed import Embedder
from bot.errors import BulletinError, IndexBusy, IndexUnavailable, IndexUnwritable, PolicyBotError
from bot.catalog import Catalog
from bot.index import (
    INDEX_VERSION,
    SEARCHABLE_KINDS,
    GenerationWriter,
    IndexSnapshot,
    Manifest,
    current_generation,
    damaged,
    embedding_text,
    open_snapshot,
    prune_generations,
    read_alias_texts,
    read_articles,
    read_list_tokens,
    stored_version,
    read_lists,
    read_task_points,
    read_article_texts,
    read_title_terms,
)
from bot.ledger import published_tasks
from bot.load import FORMATS
from bot.pipeline import ParsedBulletin, ParseSettings, file_sha, parse_bulletin
from bot.records import Article

log = logging.getLogger(__name__)
PENDING = ".pending"  # corpus/.pending/: files of an add or remove waiting for their generation
DATES = ".dates.yaml"  # corpus/.dates.yaml: article dates set by an admin (article id -> ISO date)
REMOVED = ".removed"  # corpus/.removed/: removed and superseded bulletins (nothing is deleted)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


@dataclass
class SyncReport:
    files_added: list[str] = field(default_factory=list)
    files_replaced: list[str] = field(default_factory=list)
    files_unchanged: list[str] = field(default_factory=list)
    files_removed: list[str] = field(default_factory=list)
    articles_added: list[str] = field(default_factory=list)  # titles
    articles_replaced: list[str] = field(default_factory=list)
    articles_removed: list[str] = field(default_factory=list)
    superseded: list[tuple[str, str, str]] = field(default_factory=list)  # (title, old file, new file)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, title) already indexed
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    warnings: list[str] = field(default_factory=list)
    passages_added: int = 0
    passages_removed: int = 0
    embedded: int = 0
    cached: int = 0
    lists: list[tuple[str, int]] = field(default_factory=list)  # (label, size) of lists added
    dates_set: list[tuple[str, str]] = field(default_factory=list)  # (title, ISO date) set by an admin
    manifest: Manifest | None = None
    changed: bool = False
    parsed: list[ParsedBulletin] = field(default_factory=list)  # the files an add placed, as it read them


@dataclass
class CorpusChange:
    """What an add or remove does to corpus/, applied only once its generation is published."""

    place: dict[str, bytes] = field(default_factory=dict)  # corpus file name -> content
    parsed: dict[str, ParsedBulletin] = field(default_factory=dict)  # the same files, already parsed
    retire: list[str] = field(default_factory=list)  # corpus file names moved to corpus/.removed/


# ---------------------------------------------------------------- dates set by an admin


_DATE = re.compile(r"^\s*(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?\s*$")


def parse_date(text: str) -> str:
    """'2024-03-05', '2024/3/5', '2024.3.5' or '2024年3月5日' as an ISO date; BulletinError otherwise."""
    m = _DATE.match(text or "")
    try:
        if not m:
            raise ValueError
        return datetime.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        raise BulletinError(f"日期格式不对：{(text or '').strip()[:30]!r}。请写成 2024-03-05 或 2024年3月5日。") from None


def read_dates(corpus: Path) -> dict[str, str]:
    """corpus/.dates.yaml: the dates admins set (article id -> ISO date); empty when there are none.
    It lives with the bulletins, so a rebuild from corpus/ keeps every correction."""
    path = corpus / DATES
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except FileNotFoundError:
        return {}
    except (OSError, yaml.YAMLError, UnicodeDecodeError) as exc:
        raise PolicyBotError(f"{path} cannot be read ({type(exc).__name__}); fix or remove it") from exc
    if not isinstance(raw, dict):
        raise PolicyBotError(f"{path} must map article ids to dates")
    return {str(k): parse_date(str(v)) for k, v in raw.items()}


def _write_dates(corpus: Path, dates: dict[str, str]) -> None:
    text = "# Article dates set by an admin (policybot set-date, or the bot): article id -> date.\n" + \
        yaml.safe_dump(dict(sorted(dates.items())), allow_unicode=True)
    _write_synced(corpus / (DATES + ".tmp"), text.encode("utf-8"))
    os.replace(corpus / (DATES + ".tmp"), corpus / DATES)


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        return []
    return sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in FORMATS and not p.name.startswith("."))


def corpus_name(name: str) -> str:
    """The name a bulletin gets in corpus/: no folders, no leading dot (dot files are never synced)."""
    return Path(name).name.lstrip(".") or "bulletin"


@contextmanager
def writer_lock(root: Path, wait_seconds: float = 0) -> Iterator[None]:
    """One writer at a time across processes; a second one waits up to `wait_seconds`, then is refused."""
    try:
        root.mkdir(parents=True, exist_ok=True)
        fh = open(root / ".lock", "a")
    except OSError as exc:
        raise _unwritable(root, exc) from exc
    with fh:
        deadline = time.monotonic() + wait_seconds
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise IndexBusy("另一个索引任务正在进行，请稍后再试。(another index change is running; try again later)")
                time.sleep(0.2)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _unwritable(folder: Path, exc: BaseException) -> IndexUnwritable:
    reason = getattr(exc, "strerror", None) or str(exc)
    return IndexUnwritable(f"cannot write to {folder} ({reason}); make it writable (and free some space) "
                           "and run the same command again — nothing was changed")


@contextmanager
def _writing(config: Config, wait_seconds: float) -> Iterator[None]:
    """The writer lock, a finished or dropped journal from an interrupted add/remove, and one-line
    messages for an index that cannot be written or read."""
    with writer_lock(config.index, wait_seconds):
        try:
            finish_pending(config)
            yield
        except PolicyBotError:
            raise
        except sqlite3.OperationalError as exc:
            if "readonly" in str(exc) or "disk is full" in str(exc) or "unable to open" in str(exc):
                raise _unwritable(config.index, exc) from exc
            raise damaged(exc) from exc
        except sqlite3.DatabaseError as exc:
            raise damaged(exc) from exc
        except OSError as exc:
            folder = Path(exc.filename).parent if getattr(exc, "filename", None) else config.index
            if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.ENOTDIR):
                raise _unwritable(folder, exc) from exc
            raise


# ---------------------------------------------------------------- the corpus journal


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())


def _stage(corpus: Path, change: CorpusChange, generation: str) -> None:
    """Write the files and the journal naming `generation`, before that generation is published."""
    folder = corpus / PENDING
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "files").mkdir(parents=True)
    for name, data in change.place.items():
        _write_synced(folder / "files" / name, data)
    plan = {"generation": generation, "place": sorted(change.place), "retire": sorted(change.retire)}
    _write_synced(folder / "journal.tmp", json.dumps(plan, ensure_ascii=False).encode("utf-8"))
    os.replace(folder / "journal.tmp", folder / "journal.json")


def finish_pending(config: Config) -> bool:
    """Apply the journal when its generation is the current one, else drop it; True if applied.
    Safe to repeat: a file already in place or already retired is skipped."""
    folder = config.corpus / PENDING
    if not folder.exists():
        return False
    try:
        plan = json.loads((folder / "journal.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        plan = None
    applied = bool(plan) and plan.get("generation") == current_generation(config.index)
    if applied:
        for name in plan["place"]:
            staged = folder / "files" / name
            if staged.exists():
                target = config.corpus / name
                if target.is_file() and target.read_bytes() != staged.read_bytes():
                    _retire(config.corpus, name)  # an edition replaced under its own name is kept too
                os.replace(staged, target)
        for name in plan["retire"]:
            _retire(config.corpus, name)
    shutil.rmtree(folder)
    return applied


def _retire(corpus: Path, name: str) -> bool:
    path = corpus / name
    if not path.is_file():
        return False
    trash = corpus / REMOVED
    trash.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d%H%M%S")
    target = trash / f"{stamp}-{name}"
    for i in range(2, 1000):  # two removals within a second keep both files
        if not target.exists():
            break
        target = trash / f"{stamp}-{i}-{name}"
    os.replace(path, target)
    return True


# ---------------------------------------------------------------- embedding cache


class EmbeddingCache:
    """Vectors keyed by (model, text hash), so unchanged passages are never embedded twice."""

    def __init__(self, path: Path, model: str):
        self.db = sqlite3.connect(path)
        try:
            self.db.execute("CREATE TABLE IF NOT EXISTS vectors(model TEXT, key TEXT, vec BLOB, PRIMARY KEY(model, key))")
        except sqlite3.DatabaseError:
            self.db.close()
            raise
        self.model = model

    @staticmethod
    def key(text: str) -> str:
        return hashlib.sha1(text.encode("utf-8")).hexdigest()

    def get_many(self, texts: list[str]) -> dict[str, np.ndarray]:
        found: dict[str, np.ndarray] = {}
        keys = list({self.key(t) for t in texts})
        for i in range(0, len(keys), 500):
            chunk = keys[i : i + 500]
            rows = self.db.execute(
                f"SELECT key, vec FROM vectors WHERE model = ? AND key IN ({','.join('?' * len(chunk))})",
                [self.model, *chunk],
            )
            found.update({k: np.frombuffer(v, dtype=np.float32) for k, v in rows})
        return found

    def put_many(self, texts: list[str], vectors: np.ndarray) -> None:
        self.db.executemany(
            "INSERT OR REPLACE INTO vectors VALUES (?,?,?)",
            [(self.model, self.key(t), np.asarray(v, dtype=np.float32).tobytes()) for t, v in zip(texts, vectors)],
        )
        self.db.commit()

    def close(self) -> None:
        self.db.close()


def embed_passages(texts: list[str], embedder: Embedder, cache: EmbeddingCache, report: SyncReport,
                   progress: Progress | None, batch: int = 256) -> np.ndarray:
    known = cache.get_many(texts)
    todo = list(dict.fromkeys(t for t in texts if cache.key(t) not in known))
    # Longest first across all chunks, as sentence-transformers does within one call: batches of
    # similar length waste no time on padding, so indexing runs at the bare model's speed.
    todo.sort(key=len, reverse=True)
    report.cached += len(texts) - len(todo)
    if progress and todo:
        progress("embed", 0, len(todo))  # the bar's clock starts before the first batch, so its rate is true
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        vectors = embedder.encode(chunk)
        cache.put_many(chunk, vectors)
        known.update({cache.key(t): v for t, v in zip(chunk, vectors)})
        report.embedded += len(chunk)
        if progress:
            progress("embed", min(i + batch, len(todo)), len(todo))
    if not texts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.stack([known[cache.key(t)] for t in texts])


def _catalog(db: sqlite3.Connection) -> bytes:
    """The catalogue of the generation about to be published, from its rows and the words stored with
    them (no tokenizing), as readers load it."""
    return Catalog.build(read_articles(db), list(read_lists(db).values()), read_list_tokens(db),
                         read_title_terms(db), read_article_texts(db)).dumps()


def _embed_cached(config: Config, texts: list[str], embedder: Embedder, report: SyncReport,
                  progress: Progress | None) -> np.ndarray:
    """Embed through the cache; a damaged cache is set aside (kept for inspection) and started afresh."""
    path = config.index / "embeddings.sqlite"
    for attempt in (1, 2):
        try:
            cache = EmbeddingCache(path, embedder.name)
            try:
                return embed_passages(texts, embedder, cache, report, progress)
            finally:
                cache.close()
        except sqlite3.DatabaseError as exc:
            if attempt == 2 or any(w in str(exc) for w in ("readonly", "disk is full", "unable to open")):
                raise
            aside = path.with_name(f"embeddings.damaged-{time.strftime('%Y%m%d%H%M%S')}.sqlite")
            os.replace(path, aside)
            for extra in ("-journal", "-wal", "-shm"):
                Path(f"{path}{extra}").unlink(missing_ok=True)
            report.embedded = report.cached = 0
            report.warnings.append(f"the embedding cache was damaged ({exc}): set aside as {aside.name}; "
                                   "every passage is embedded again")
    raise AssertionError("unreachable")


# ---------------------------------------------------------------- sync


def sync(config: Config, embedder: Embedder, rebuild: bool = False, progress: Progress | None = None,
         wait_seconds: float = 0) -> SyncReport:
    """Bring the index in line with corpus/ in one atomic step and say what changed. An index an earlier version
    of policybot wrote is rebuilt (what an upgrade needs; passages embedded before come from the cache)."""
    with _writing(config, wait_seconds):
        stale = stored_version(config.index) not in (INDEX_VERSION, None)
        base = _open_base(config, embedder) if not (rebuild or stale) else None
        try:
            return _sync_locked(config, embedder, base, progress)
        finally:
            if base is not None:
                base.close()


def _open_base(config: Config, embedder: Embedder) -> IndexSnapshot | None:
    if not current_generation(config.index):
        return None
    base = open_snapshot(config.index)  # a damaged index raises IndexUnavailable naming --rebuild
    try:
        base.check_model(embedder.name)
    except IndexUnavailable:
        base.close()
        raise
    return base


_MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")


def correction_key(article) -> tuple[str, str | None, str | None]:
    """(title, month-day, year or None) of an Article or an index row: editions of one article share the
    title and the day; the year counts when both editions know it (a file name may be all that gave it)."""
    get = article.get if isinstance(article, dict) else lambda k: getattr(article, k)
    date, written = get("date"), get("date_text") or ""
    if date:
        return get("title"), date[5:], date[:4]
    m = _MONTH_DAY.search(written)
    return get("title"), (f"{int(m.group(1)):02d}-{int(m.group(2)):02d}" if m else None), None


def same_edition(a: tuple, b: tuple) -> bool:
    """Two correction keys name the same article: same title and day, and no two different years."""
    return bool(a[0]) and a[0] == b[0] and a[1] is not None and a[1] == b[1] and (
        a[2] is None or b[2] is None or a[2] == b[2])


def _supersede(wanted: dict[str, str], keys: dict[str, tuple], mtimes: dict[str, float]) -> dict[str, str]:
    """A corrected article (same title and date, other text) replaces the one it corrects, whatever
    the files are called: the most recently written file wins. Returns {loser id: winner id}."""
    by_day: dict[tuple, list[str]] = {}
    for aid in wanted:
        title, day, _ = keys[aid]
        if title and day:
            by_day.setdefault((title, day), []).append(aid)
    groups: list[list[str]] = []
    for aids in by_day.values():
        years = {keys[a][2] for a in aids} - {None}
        if len(years) <= 1:
            groups.append(aids)  # one year, or editions that don't say theirs
        else:  # a yearly meeting with the same title and day: each year is its own article
            groups += [[a for a in aids if keys[a][2] == y] for y in years]
    losers: dict[str, str] = {}
    for aids in groups:
        files = {wanted[a] for a in aids}
        if len(files) < 2:
            continue  # two articles of one file are both kept
        newest = max(files, key=lambda f: (mtimes.get(f, 0.0), f))
        winner = next(a for a in aids if wanted[a] == newest)
        losers.update({a: winner for a in aids if wanted[a] != newest})
    return losers


def _sync_locked(config: Config, embedder: Embedder, base: IndexSnapshot | None,
                 progress: Progress | None, change: CorpusChange | None = None) -> SyncReport:
    report = SyncReport()
    change = change or CorpusChange()
    old_bulletins = {b["file"]: b for b in base.bulletins()} if base else {}
    old_articles = {a["article_id"]: a for a in base.articles()} if base else {}
    old_by_file: dict[str, list[str]] = {}
    for aid, a in old_articles.items():
        old_by_file.setdefault(a["file"], []).append(aid)

    # The files wanted: corpus/ as it is, minus the files being retired, plus the files being placed.
    sources: dict[str, Path | bytes] = {p.name: p for p in corpus_files(config.corpus) if p.name not in change.retire}
    sources.update(change.place)
    mtimes: dict[str, float] = {}
    now = time.time()

    dates = read_dates(config.corpus)
    # Articles whose admin-set date the index does not hold yet: their files are read again and the
    # articles written anew (same ids, so answers behind buttons keep working).
    redated = {aid for aid, iso in dates.items() if aid in old_articles and old_articles[aid]["date"] != iso}
    wanted: dict[str, str] = {}  # article_id -> file that owns it
    keys: dict[str, tuple] = {aid: correction_key(a) for aid, a in old_articles.items()}
    parsed: list[ParsedBulletin] = []
    held_by: dict[str, list[str]] = {}  # file -> articles it holds
    seen_files = set()
    # Files unchanged since the last sync keep their articles without being parsed again.
    changed_paths = []
    for name in sorted(sources):
        source = sources[name]
        seen_files.add(name)
        try:
            data = source if isinstance(source, bytes) else source.read_bytes()
            mtimes[name] = now if isinstance(source, bytes) else source.stat().st_mtime
        except OSError as exc:
            report.errors.append((name, f"无法读取文件：{exc.strerror}"))
            for aid in old_by_file.get(name, []):
                wanted.setdefault(aid, name)
            continue
        sha = file_sha(data)
        old = old_bulletins.get(name)
        held = json.loads(old["article_ids"]) if old else []
        if old and old["sha"] == sha and all(aid in old_articles and aid not in redated for aid in held):
            report.files_unchanged.append(name)
            held_by[name] = held
            for aid in held:
                wanted.setdefault(aid, name)
        else:
            changed_paths.append((name, data))
    for i, (name, data) in enumerate(changed_paths):
        if progress:
            progress("read", i, len(changed_paths))  # files read so far
        try:
            pb = change.parsed.get(name) or parse_bulletin(data, name, ParseSettings.of(config), dates)
        except BulletinError as exc:
            report.errors.append((name, exc.message))
            # Keep what an unreadable file contributed before: nothing is lost to a bad edit.
            for aid in old_by_file.get(name, []):
                wanted.setdefault(aid, name)
            continue
        parsed.append(pb)
        held_by[name] = [a.article_id for a in pb.articles]
        for a in pb.articles:
            keys[a.article_id] = correction_key(a)
            if a.article_id in wanted:
                report.duplicates.append((name, a.title))
            else:
                wanted[a.article_id] = name
        (report.files_replaced if name in old_bulletins else report.files_added).append(name)
    if progress and changed_paths:
        progress("read", len(changed_paths), len(changed_paths))

    losers = _supersede(wanted, keys, mtimes)
    for aid, winner in losers.items():
        if aid in old_articles:
            report.superseded.append((keys[aid][0], wanted[aid], wanted[winner]))
        del wanted[aid]
    # An add retires the files it supersedes completely, so corpus/ holds what is indexed.
    if change.place:
        for name, held in held_by.items():
            if name not in change.place and held and all(aid in losers for aid in held):
                change.retire.append(name)
                seen_files.discard(name)
                parsed = [pb for pb in parsed if pb.file != name]
                for lst in (report.files_unchanged, report.files_replaced, report.files_added):
                    if name in lst:
                        lst.remove(name)

    removed_files = [f for f in old_bulletins if f not in seen_files]
    report.files_removed = removed_files
    redated &= {a.article_id for pb in parsed for a in pb.articles if wanted.get(a.article_id) == pb.file}
    to_remove = [aid for aid in old_articles if aid not in wanted]
    new_articles = [
        (pb, a) for pb in parsed for a in pb.articles if wanted.get(a.article_id) == pb.file and a.article_id not in old_articles
    ]
    report.dates_set = [(a.title, a.date) for pb in parsed for a in pb.articles if a.article_id in redated]
    # A corrected article (same title and date, other text) replaces the old one.
    removed_keys = [(correction_key(old_articles[aid]), aid) for aid in to_remove]
    replaced_ids = set()
    for _, a in new_articles:
        corrects = [aid for key, aid in removed_keys if same_edition(key, correction_key(a))]
        (report.articles_replaced if corrects else report.articles_added).append(a.title)
        replaced_ids.update(corrects)
    report.articles_removed = [old_articles[aid]["title"] for aid in to_remove if aid not in replaced_ids]

    # A redated article is written anew under its id (after the diff above, so it reads as redated,
    # neither removed nor added).
    to_remove += sorted(redated)
    new_articles += [(pb, a) for pb in parsed for a in pb.articles if a.article_id in redated]
    reassigned = any(aid in old_articles and old_articles[aid]["file"] != f for aid, f in wanted.items())
    bulletin_changes = bool(parsed) or bool(removed_files) or reassigned
    if base is not None and not to_remove and not new_articles and not bulletin_changes:
        # A file the index never held (say, one that could not be read) just leaves corpus/.
        report.files_removed = [name for name in change.retire if _retire(config.corpus, name)]
        report.manifest = base.manifest
        return report

    searchable = [p for pb, a in new_articles for p in pb.passages[a.article_id][0] if p.kind in SEARCHABLE_KINDS]
    vectors = _embed_cached(config, [embedding_text(p) for p in searchable], embedder, report, progress)

    # The dimension from what is at hand, so a change whose passages are all cached (a rebuild, a
    # removal) never loads the model: no torch import, seconds saved.
    dimension = vectors.shape[1] if len(vectors) else base.manifest.dimension if base else embedder.dimension
    writer = GenerationWriter(config.index, base, dimension, config.vectors)
    try:
        report.passages_removed = writer.remove_articles(to_remove)
        offset = 0
        for pb, a in new_articles:
            passages, lists = pb.passages[a.article_id]
            n = sum(1 for p in passages if p.kind in SEARCHABLE_KINDS)
            writer.add_article(a, pb.file, passages, lists, vectors[offset : offset + n])
            offset += n
            report.passages_added += n
            report.lists += [(nl.label, nl.size) for nl in lists]
        del vectors  # the index holds its own copy; at 100k passages this is 200 MB
        for f in removed_files:
            writer.remove_bulletin(f)
        for aid, file in wanted.items():
            if aid in old_articles and old_articles[aid]["file"] != file and aid not in to_remove:
                writer.reassign_article(aid, file)
        for pb in parsed:
            # Superseded articles are left out, so the file reads as unchanged at the next sync.
            held = [a.article_id for a in pb.articles if a.article_id not in losers]
            owned = sum(1 for aid in held if wanted.get(aid) == pb.file)
            writer.set_bulletin(pb.file, pb.sha, pb.format, pb.encoding, held, owned)
        for name in report.files_unchanged:
            if any(aid in losers for aid in held_by[name]):
                old = old_bulletins[name]
                held = [aid for aid in held_by[name] if aid not in losers]
                owned = sum(1 for aid in held if wanted.get(aid) == name)
                writer.set_bulletin(name, old["sha"], old["format"], old["encoding"], held, owned, old["note"] or "")
        if change.place or change.retire:
            try:
                _stage(config.corpus, change, writer.generation)
            except OSError as exc:
                raise _unwritable(config.corpus, exc) from exc
        writer.set_ledger(published_tasks(read_task_points(writer.db), read_alias_texts(writer.db)))
        report.manifest = writer.publish(embedder.name, _catalog(writer.db))
    except BaseException:
        writer.abandon()
        shutil.rmtree(config.corpus / PENDING, ignore_errors=True)
        raise
    report.changed = True
    finish_pending(config)  # the commit point has passed: corpus/ follows
    prune_generations(config.index, previous=base.generation if base else None)
    return report


def add_files(config: Config, embedder: Embedder, paths: list[Path], progress: Progress | None = None,
              wait_seconds: float = 0) -> SyncReport:
    """Index bulletins and keep them in corpus/, all or nothing (see the module docstring).

    A file holding only articles already indexed adds nothing and says so; a file holding a corrected
    article (same title and date) replaces it, and an older file left with nothing is retired."""
    errors: list[tuple[str, str]] = []
    incoming: list[tuple[str, bytes, ParsedBulletin]] = []
    dates = read_dates(config.corpus)
    for path in paths:
        name = corpus_name(str(path))
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            errors.append((Path(path).name, f"无法读取文件：{exc.strerror}"))
            continue
        try:
            incoming.append((name, data, parse_bulletin(data, name, ParseSettings.of(config), dates)))
        except BulletinError as exc:
            errors.append((Path(path).name, exc.message))
    duplicates: list[tuple[str, str]] = []
    if not incoming:  # nothing readable: no lock taken, no model loaded
        return SyncReport(errors=errors)
    with _writing(config, wait_seconds):
        base = _open_base(config, embedder)
        try:
            indexed = {a["article_id"]: a for a in base.articles()} if base else {}
            change = CorpusChange()
            for name, data, pb in incoming:
                if all(a.article_id in indexed or a.article_id in _ids(change) for a in pb.articles):
                    duplicates += [(Path(name).name, a.title) for a in pb.articles]
                    continue
                target = _target_name(config.corpus, name, data, pb, indexed, change)
                if target != name:
                    pb = parse_bulletin(data, target, ParseSettings.of(config), dates)
                change.place[target] = data
                change.parsed[target] = pb
            if change.place:
                report = _sync_locked(config, embedder, base, progress, change)
                report.parsed = list(change.parsed.values())
            else:
                report = SyncReport(manifest=base.manifest if base else None)
        finally:
            if base is not None:
                base.close()
    report.errors = errors + report.errors
    report.duplicates = duplicates + report.duplicates
    return report


def _ids(change: CorpusChange) -> set[str]:
    return {a.article_id for pb in change.parsed.values() for a in pb.articles}


def _target_name(corpus: Path, name: str, data: bytes, pb: ParsedBulletin, indexed: dict[str, dict],
                 change: CorpusChange) -> str:
    """`name`, unless corpus/ holds another file of that name that this one does not correct."""
    existing = corpus / name
    taken = name in change.place or existing.exists()
    if not taken or (existing.is_file() and existing.read_bytes() == data and name not in change.place):
        return name
    if name not in change.place:
        keys = [correction_key(a) for a in pb.articles]
        old = [a for a in indexed.values() if a["file"] == name]
        if old and all(any(same_edition(correction_key(a), k) for k in keys) for a in old):
            return name  # a corrected edition under the same name: it takes the old one's place
    stem, suffix = Path(name).stem, Path(name).suffix
    for i in range(2, 1000):
        candidate = f"{stem}-{i}{suffix}"
        if candidate not in change.place and not (corpus / candidate).exists():
            return candidate
    raise BulletinError("corpus 中同名文件太多。")


def remove_bulletin(config: Config, embedder: Embedder, ident: str, progress: Progress | None = None,
                    wait_seconds: float = 0) -> SyncReport:
    """Remove a bulletin by file name (or path) or by article id; its file moves to corpus/.removed/
    once the index no longer holds it. Nothing changes until the writer lock is held."""
    with _writing(config, wait_seconds):
        base = _open_base(config, embedder)
        try:
            name = Path(ident).name
            known = {b["file"] for b in base.bulletins()} if base else set()
            if not (config.corpus / name).is_file() and name not in known:
                owner = next((a["file"] for a in base.articles() if a["article_id"] == ident), None) if base else None
                if owner is None:
                    raise BulletinError(f"没有找到公报 {ident}（用 `policybot sources` 查看文件名和编号）。")
                name = owner
            return _sync_locked(config, embedder, base, progress, CorpusChange(retire=[name]))
        finally:
            if base is not None:
                base.close()


def set_date(config: Config, embedder: Embedder, article_id: str, date: str, progress: Progress | None = None,
             wait_seconds: float = 0) -> SyncReport:
    """Set (or correct) an article's date: stored in corpus/.dates.yaml, so every later sync and a
    rebuild keep it, and written into the index at once. Under the writer lock; if indexing fails the
    file is put back as it was, so nothing changed."""
    iso = parse_date(date)
    with _writing(config, wait_seconds):
        base = _open_base(config, embedder)
        try:
            article = next((a for a in base.articles() if a["article_id"] == article_id), None) if base else None
            if article is None:
                raise BulletinError(f"没有找到文章 {article_id}（用 `policybot sources` 或 /sources 查看文章编号）。")
            before = (config.corpus / DATES).read_bytes() if (config.corpus / DATES).is_file() else None
            dates = read_dates(config.corpus)
            dates[article_id] = iso
            try:
                _write_dates(config.corpus, dates)
            except OSError as exc:
                raise _unwritable(config.corpus, exc) from exc
            try:
                return _sync_locked(config, embedder, base, progress)
            except BaseException:
                if before is None:
                    (config.corpus / DATES).unlink(missing_ok=True)
                else:
                    _write_synced(config.corpus / DATES, before)
                raise
        finally:
            if base is not None:
                base.close()
