"""Ingest: keep the index in step with corpus/ — add, replace, remove — one atomic generation per change.

Every operation (index, add, remove, the bot's upload and /reindex) is a *sync*: the wanted state is
the articles of the files in corpus/ (an article's identity is its normalized text, so the same
article in two files or encodings is kept once), the index is diffed against it, and the difference
is written as a new generation. Only passages whose text is new to the embedding cache are embedded.
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import shutil
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterator

import numpy as np

from bot.articles import Article, split_articles
from bot.config import Config
from bot.embed import Embedder
from bot.errors import BulletinError, IndexBusy, IndexUnavailable
from bot.index import (
    SEARCHABLE_KINDS,
    GenerationWriter,
    IndexSnapshot,
    Manifest,
    current_generation,
    embedding_text,
    open_snapshot,
    prune_generations,
)
from bot.load import FORMATS, load_bulletin
from bot.passages import NumberedList, Passage, article_passages

Progress = Callable[[str, int, int], None]  # (stage, done, total)


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


@dataclass
class SyncReport:
    files_added: list[str] = field(default_factory=list)
    files_replaced: list[str] = field(default_factory=list)
    files_unchanged: list[str] = field(default_factory=list)
    files_removed: list[str] = field(default_factory=list)
    articles_added: list[str] = field(default_factory=list)  # titles
    articles_replaced: list[str] = field(default_factory=list)
    articles_removed: list[str] = field(default_factory=list)
    duplicates: list[tuple[str, str]] = field(default_factory=list)  # (file, title) already indexed
    errors: list[tuple[str, str]] = field(default_factory=list)  # (file, message)
    passages_added: int = 0
    passages_removed: int = 0
    embedded: int = 0
    cached: int = 0
    lists: list[tuple[str, int]] = field(default_factory=list)  # (label, size) of lists added
    manifest: Manifest | None = None
    changed: bool = False


def file_sha(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def parse_bulletin(data: bytes, name: str, config: Config) -> ParsedBulletin:
    """Load and split a bulletin; BulletinError when it can't be read or holds no article."""
    loaded = load_bulletin(data, name, config.max_file_bytes)
    articles = split_articles(loaded, config.ingest.default_year)
    if not articles:
        raise BulletinError("文件中没有找到公报文章。")
    passages = {a.article_id: article_passages(a, config.ingest.passage_chars) for a in articles}
    if not any(p.kind in SEARCHABLE_KINDS for ps, _ in passages.values() for p in ps):
        raise BulletinError("文件中没有可检索的正文。")
    return ParsedBulletin(name, file_sha(data), loaded.format, loaded.encoding, articles, passages)


def corpus_files(corpus: Path) -> list[Path]:
    if not corpus.is_dir():
        return []
    return sorted(p for p in corpus.iterdir() if p.is_file() and p.suffix.lower() in FORMATS and not p.name.startswith("."))


@contextmanager
def writer_lock(root: Path, wait_seconds: float = 0) -> Iterator[None]:
    """One writer at a time across processes; a second one waits up to `wait_seconds`, then is refused."""
    root.mkdir(parents=True, exist_ok=True)
    with open(root / ".lock", "w") as fh:
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


class EmbeddingCache:
    """Vectors keyed by (model, text hash), so unchanged passages are never embedded twice."""

    def __init__(self, path: Path, model: str):
        self.db = sqlite3.connect(path)
        self.db.execute("CREATE TABLE IF NOT EXISTS vectors(model TEXT, key TEXT, vec BLOB, PRIMARY KEY(model, key))")
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
    for i in range(0, len(todo), batch):
        chunk = todo[i : i + batch]
        vectors = embedder.encode(chunk)
        cache.put_many(chunk, vectors)
        known.update({cache.key(t): v for t, v in zip(chunk, vectors)})
        report.embedded += len(chunk)
        if progress:
            progress("embed", min(i + batch, len(todo)), len(todo))
    if not texts:
        return np.zeros((0, embedder.dimension), dtype=np.float32)
    return np.stack([known[cache.key(t)] for t in texts])


def sync(config: Config, embedder: Embedder, rebuild: bool = False, progress: Progress | None = None,
         wait_seconds: float = 0) -> SyncReport:
    """Bring the index in line with corpus/ in one atomic step and say what changed."""
    root = config.index
    with writer_lock(root, wait_seconds):
        base: IndexSnapshot | None = None
        if not rebuild and current_generation(root):
            base = open_snapshot(root)  # a damaged index raises IndexUnavailable naming --rebuild
            base.check_model(embedder.name)
        try:
            return _sync_locked(config, embedder, base, progress)
        finally:
            if base is not None:
                base.close()


def _sync_locked(config: Config, embedder: Embedder, base: IndexSnapshot | None,
                 progress: Progress | None) -> SyncReport:
    report = SyncReport()
    old_bulletins = {b["file"]: b for b in base.bulletins()} if base else {}
    old_articles = {a["article_id"]: a for a in base.articles()} if base else {}
    old_by_file: dict[str, list[str]] = {}
    for aid, a in old_articles.items():
        old_by_file.setdefault(a["file"], []).append(aid)

    wanted: dict[str, str] = {}  # article_id -> file that owns it
    parsed: list[ParsedBulletin] = []
    files = corpus_files(config.corpus)
    seen_files = set()
    # Files unchanged since the last sync keep their articles without being parsed again.
    changed_paths = []
    for path in files:
        data = path.read_bytes()
        sha = file_sha(data)
        seen_files.add(path.name)
        old = old_bulletins.get(path.name)
        held = json.loads(old["article_ids"]) if old else []
        if old and old["sha"] == sha and all(aid in old_articles for aid in held):
            report.files_unchanged.append(path.name)
            for aid in held:
                wanted.setdefault(aid, path.name)
        else:
            changed_paths.append((path, data))
    for i, (path, data) in enumerate(changed_paths):
        if progress:
            progress("read", i + 1, len(changed_paths))
        try:
            pb = parse_bulletin(data, path.name, config)
        except BulletinError as exc:
            report.errors.append((path.name, exc.message))
            # Keep what an unreadable file contributed before: nothing is lost to a bad edit.
            for aid in old_by_file.get(path.name, []):
                wanted.setdefault(aid, path.name)
            continue
        parsed.append(pb)
        for a in pb.articles:
            if a.article_id in wanted:
                report.duplicates.append((path.name, a.title))
            else:
                wanted[a.article_id] = path.name
        (report.files_replaced if path.name in old_bulletins else report.files_added).append(path.name)

    removed_files = [f for f in old_bulletins if f not in seen_files]
    report.files_removed = removed_files
    to_remove = [aid for aid in old_articles if aid not in wanted]
    new_articles = [
        (pb, a) for pb in parsed for a in pb.articles if wanted.get(a.article_id) == pb.file and a.article_id not in old_articles
    ]
    # A corrected article (same title and date, other text) replaces the old one.
    removed_keys = {(old_articles[aid]["title"], old_articles[aid]["date"]): aid for aid in to_remove}
    for _, a in new_articles:
        if (a.title, a.date) in removed_keys:
            report.articles_replaced.append(a.title)
        else:
            report.articles_added.append(a.title)
    replaced_ids = {removed_keys[(a.title, a.date)] for _, a in new_articles if (a.title, a.date) in removed_keys}
    report.articles_removed = [old_articles[aid]["title"] for aid in to_remove if aid not in replaced_ids]

    reassigned = any(aid in old_articles and old_articles[aid]["file"] != f for aid, f in wanted.items())
    bulletin_changes = bool(parsed) or bool(removed_files) or reassigned
    if base is not None and not to_remove and not new_articles and not bulletin_changes:
        report.manifest = base.manifest
        return report

    searchable = [p for pb, a in new_articles for p in pb.passages[a.article_id][0] if p.kind in SEARCHABLE_KINDS]
    cache = EmbeddingCache(config.index / "embeddings.sqlite", embedder.name)
    try:
        vectors = embed_passages([embedding_text(p) for p in searchable], embedder, cache, report, progress)
    finally:
        cache.close()

    writer = GenerationWriter(config.index, base, embedder.dimension)
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
            owned = sum(1 for a in pb.articles if wanted.get(a.article_id) == pb.file)
            writer.set_bulletin(pb.file, pb.sha, pb.format, pb.encoding, [a.article_id for a in pb.articles], owned)
        report.manifest = writer.publish(embedder.name)
    except BaseException:
        writer.abandon()
        raise
    report.changed = True
    prune_generations(config.index, previous=base.generation if base else None)
    return report


def add_files(config: Config, embedder: Embedder, paths: list[Path], progress: Progress | None = None,
              wait_seconds: float = 0) -> SyncReport:
    """Copy bulletins into corpus/ (after checking they parse and hold something new), then sync."""
    pre = SyncReport()
    indexed: set[str] = set()
    if current_generation(config.index):
        try:
            snap = open_snapshot(config.index)
            indexed = {a["article_id"] for a in snap.articles()}
            snap.close()
        except IndexUnavailable:
            indexed = set()
    config.corpus.mkdir(parents=True, exist_ok=True)
    copied = False
    for path in paths:
        try:
            data = Path(path).read_bytes()
        except OSError as exc:
            pre.errors.append((Path(path).name, f"无法读取文件：{exc.strerror}"))
            continue
        try:
            pb = parse_bulletin(data, Path(path).name, config)
        except BulletinError as exc:
            pre.errors.append((Path(path).name, exc.message))
            continue
        fresh = [a for a in pb.articles if a.article_id not in indexed]
        if not fresh:
            pre.duplicates += [(pb.file, a.title) for a in pb.articles]
            continue
        target = config.corpus / pb.file
        if target.exists() and file_sha(target.read_bytes()) != pb.sha:
            target = _free_name(config.corpus, pb.file)
        if not target.exists():
            tmp = target.with_name(f".{target.name}.part")
            tmp.write_bytes(data)
            tmp.replace(target)
            copied = True
        indexed |= {a.article_id for a in pb.articles}
    report = sync(config, embedder, progress=progress, wait_seconds=wait_seconds) if copied else SyncReport()
    report.errors = pre.errors + report.errors
    report.duplicates = pre.duplicates + report.duplicates
    return report


def _free_name(folder: Path, name: str) -> Path:
    stem, suffix = Path(name).stem, Path(name).suffix
    for i in range(2, 1000):
        candidate = folder / f"{stem}-{i}{suffix}"
        if not candidate.exists():
            return candidate
    raise BulletinError("corpus 中同名文件太多。")


def remove_bulletin(config: Config, embedder: Embedder, ident: str, progress: Progress | None = None,
                    wait_seconds: float = 0) -> SyncReport:
    """Remove a bulletin by file name (or path) or by article id; its file moves to corpus/.removed/."""
    name = Path(ident).name
    target = config.corpus / name
    if not target.is_file():
        snap = open_snapshot(config.index)
        try:
            owner = next((a["file"] for a in snap.articles() if a["article_id"] == ident), None)
        finally:
            snap.close()
        if owner is None:
            raise BulletinError(f"没有找到公报 {ident}（用 `policybot sources` 查看文件名和编号）。")
        target = config.corpus / owner
    trash = config.corpus / ".removed"
    trash.mkdir(exist_ok=True)
    shutil.move(str(target), str(trash / f"{time.strftime('%Y%m%d%H%M%S')}-{target.name}"))
    return sync(config, embedder, progress=progress, wait_seconds=wait_seconds)
