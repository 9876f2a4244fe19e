"""Index storage: one SQLite file (articles, passages, their term frequencies, manifest), one FAISS
file and the lexical matrix built from the term frequencies (bot/lexical.py).

Every change is written as a new *generation* folder and published by atomically replacing the
`CURRENT` pointer file, so a reader always sees a complete generation — the one before a change or
the one after it — even if the writer is killed at any moment.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from functools import cached_property
from dataclasses import dataclass, fields
from pathlib import Path

import faiss
import numpy as np

from bot import lexical, vectors
from bot.config import VectorsConfig
from bot.errors import IndexUnavailable
from bot.records import SEARCHABLE_KINDS, Article, NumberedList, Passage, Tasks  # noqa: F401  (SEARCHABLE_KINDS: callers filter SQL by it)
from bot.textutil import normalize_text, normalized_passage, to_simplified
from bot.analysis import (  # noqa: F401  (embedding_text is part of what the index offers its callers)
    char_bigrams,
    embedding_text,
    lexical_body,
    lexical_chars,
    lexical_columns,
    lexical_context,
    lexical_grams,
    lexical_head,
    list_tokens,
    title_terms,
)

INDEX_VERSION = "55"  # bump when what is stored changes; older indexes ask for --rebuild
CURRENT = "CURRENT"
SQLITE_NAME = "index.sqlite"
CATALOG_NAME = "catalog.bin"  # bot.catalog's articles and lists, stored at publish
FAISS_NAME = "vectors.faiss"
REBUILD_HINT = "run `policybot index --rebuild`"

SCHEMA = """
CREATE TABLE manifest(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE bulletins(file TEXT PRIMARY KEY, sha TEXT NOT NULL, format TEXT, encoding TEXT,
                       added_at TEXT NOT NULL, articles INTEGER NOT NULL DEFAULT 0, note TEXT,
                       article_ids TEXT NOT NULL DEFAULT '[]');
CREATE TABLE articles(article_id TEXT PRIMARY KEY, file TEXT NOT NULL, position INTEGER, title TEXT,
                      date TEXT, date_text TEXT, speakers TEXT, byline TEXT, chars INTEGER,
                      title_terms TEXT NOT NULL DEFAULT '[]', searched_text TEXT NOT NULL DEFAULT '',
                      paragraphs TEXT NOT NULL DEFAULT '[]');  -- as published, for 原文 (version 10)
CREATE TABLE lists(list_id TEXT PRIMARY KEY, article_id TEXT NOT NULL, style TEXT, size INTEGER,
                   lead TEXT, label TEXT, speaker TEXT, headlines TEXT, tokens TEXT NOT NULL,
                   parent TEXT, parent_point INTEGER,  -- the point holding a sub-list (version 11)
                   first INTEGER NOT NULL DEFAULT 1);  -- the number its first point is printed with
CREATE TABLE passages(id INTEGER PRIMARY KEY AUTOINCREMENT, passage_id TEXT UNIQUE NOT NULL,
                      article_id TEXT NOT NULL, kind TEXT NOT NULL, position INTEGER, text TEXT NOT NULL,
                      title TEXT, date TEXT, date_text TEXT, source TEXT, speaker TEXT, list_id TEXT,
                      ordinal INTEGER, list_size INTEGER, list_label TEXT, lead TEXT, headline TEXT,
                      tasks TEXT);  -- a point's Tasks as JSON (version 8), NULL when it names none
CREATE INDEX passages_article ON passages(article_id);
CREATE INDEX passages_list ON passages(list_id, ordinal);
-- Per searchable passage: its token count and packed term frequencies (bot/lexical.py), from which
-- each generation's lexical matrix is built at publish.
CREATE TABLE passage_terms(id INTEGER PRIMARY KEY, length INTEGER NOT NULL, postings BLOB NOT NULL);
-- The terms passage_terms names by id (terms of removed passages stay until a rebuild).
CREATE TABLE terms(term_id INTEGER PRIMARY KEY, term TEXT UNIQUE NOT NULL);
-- The directive ledger (bot/ledger.py, version 9): every task's latest version as JSON, built at publish from
-- the points' tasks, so it changes atomically with them.
CREATE TABLE ledger(position INTEGER PRIMARY KEY, task_id TEXT NOT NULL, record TEXT NOT NULL);
"""

_PASSAGE_FIELDS = [f.name for f in fields(Passage)]
# Passages and list points read while answering are kept (a generation never changes): an answer
# reads about forty candidates, and the next question mostly reads the same ones.
PASSAGE_CACHE = 20_000
# Passages a phrase's character pairs rank first, read to find the phrase itself (`holds_phrase`).
PHRASE_DEPTH = 5


@dataclass(frozen=True)
class Manifest:
    model: str
    dimension: int
    passages: int  # searchable passages (in FAISS and the lexical matrix)
    articles: int
    bulletins: int
    built_at: str
    generation: str


# BM25 column weights: words, character bigrams, single characters, a point's headline, its context.
# (Multiples of 0.1: lexical.py stores weighted frequencies in tenths.)
COLUMN_WEIGHTS = (1.0, 0.5, 0.2, 1.0, 0.2)


# ---------------------------------------------------------------- reading


class IndexSnapshot:
    """A published generation opened read-only: SQLite connection, FAISS index, lexical matrix, lists
    and manifest."""

    def __init__(self, root: Path, generation: str, nprobe: int | None = None):
        self.root = root
        self.generation = generation
        self._passages: dict[int, Passage] = {}
        self._points: dict[str, list[tuple[int, Passage]]] = {}
        folder = root / generation
        db_path, vec_path = folder / SQLITE_NAME, folder / FAISS_NAME
        if not db_path.is_file() or not vec_path.is_file():
            raise IndexUnavailable(f"index generation {generation} is incomplete; {REBUILD_HINT}")
        try:
            # immutable=1: a published generation never changes, so no locks are needed.
            self.db = sqlite3.connect(f"file:{db_path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            meta = dict(self.db.execute("SELECT key, value FROM manifest").fetchall())
            if meta.get("version") != INDEX_VERSION:
                # Before reading its other files: another version may store other files.
                raise IndexUnavailable(f"the index was built by another version of policybot "
                                       f"({meta.get('version')}, now {INDEX_VERSION}); {REBUILD_HINT}")
            self.vectors = vectors.prepare(faiss.read_index(str(vec_path)), nprobe)
            self.lexical_index = lexical.LexicalIndex(folder)
            self._check(meta, generation)
            self._exact = vectors.exact_matrix(self.vectors)  # searched by a matrix product (vectors.search)
        except (sqlite3.DatabaseError, RuntimeError, ValueError) as exc:
            # SQLite's own text may say "run 'rebuild'" (an FTS5 command): name ours instead.
            raise IndexUnavailable(f"the index is damaged ({_reason(exc)}); {REBUILD_HINT}") from exc

    def _check(self, meta: dict, generation: str) -> None:
        try:
            self.manifest = Manifest(
                model=meta["model"],
                dimension=int(meta["dimension"]),
                passages=int(meta["passages"]),
                articles=int(meta["articles"]),
                bulletins=int(meta["bulletins"]),
                built_at=meta["built_at"],
                generation=generation,
            )
        except (KeyError, ValueError) as exc:
            raise IndexUnavailable(f"the index manifest is incomplete; {REBUILD_HINT}") from exc
        n_sql = self.db.execute(
            f"SELECT count(*) FROM passages WHERE kind IN {SEARCHABLE_KINDS}"
        ).fetchone()[0]
        n_lex = self.lexical_index.passages
        if not (self.vectors.ntotal == n_sql == n_lex == self.manifest.passages):
            raise IndexUnavailable(
                f"the index is inconsistent (FAISS {self.vectors.ntotal}, SQLite {n_sql}, lexical {n_lex}, "
                f"manifest {self.manifest.passages} passages); {REBUILD_HINT}"
            )
        if self.vectors.d != self.manifest.dimension:
            raise IndexUnavailable(f"the index's vector dimension does not match its manifest; {REBUILD_HINT}")
        if not (self.root / generation / CATALOG_NAME).is_file():
            raise IndexUnavailable(f"index generation {generation} has no catalogue; {REBUILD_HINT}")

    @cached_property
    def lists(self) -> dict[str, NumberedList]:
        """Every numbered list, by id (read when first needed: answering uses the stored catalogue)."""
        return read_lists(self.db)

    def catalog_blob(self) -> bytes:
        """The catalogue of articles and lists as `bot.catalog` stored it at publish."""
        return (self.root / self.generation / CATALOG_NAME).read_bytes()

    def check_model(self, model_name: str, dimension: int | None = None) -> None:
        if self.manifest.model != model_name:
            raise IndexUnavailable(
                f"the index was built with model '{self.manifest.model}' but config.yaml names '{model_name}'; "
                f"{REBUILD_HINT}"
            )
        if dimension is not None and dimension != self.manifest.dimension:
            raise IndexUnavailable(f"the model's dimension differs from the index's; {REBUILD_HINT}")

    def passages_by_ids(self, ids: list[int]) -> dict[int, Passage]:
        cache = self._passages  # (read with get: another thread may clear it meanwhile)
        found = {i: p for i in ids if (p := cache.get(i)) is not None}
        missing = [int(i) for i in ids if i not in found]
        if missing:
            marks = ",".join("?" * len(missing))
            rows = self.db.execute(f"SELECT * FROM passages WHERE id IN ({marks})", missing).fetchall()
            read = {row["id"]: _row_passage(row) for row in rows}
            found.update(read)
            if len(read) <= PASSAGE_CACHE // 10:  # an answer's candidates, not a tool reading everything
                if len(cache) + len(read) > PASSAGE_CACHE:
                    cache.clear()  # (bounded; cheaper and thread-safer than an LRU's bookkeeping)
                cache.update(read)
        return found

    def clear_cache(self) -> None:
        self._passages.clear()
        self._points.clear()

    def passage(self, passage_id: str) -> tuple[int, Passage] | None:
        row = self.db.execute("SELECT * FROM passages WHERE passage_id = ?", (passage_id,)).fetchone()
        return (row["id"], _row_passage(row)) if row else None

    def list_points(self, list_id: str) -> list[tuple[int, Passage]]:
        """A list's outline, then its points in order."""
        points = self._points.get(list_id)
        if points is None:
            rows = self.db.execute(
                "SELECT * FROM passages WHERE list_id = ? ORDER BY kind = 'point', ordinal", (list_id,)
            ).fetchall()
            points = [(row["id"], _row_passage(row)) for row in rows]
            if len(self._points) >= PASSAGE_CACHE // 10:
                self._points.clear()
            self._points[list_id] = points
        return list(points)

    def article(self, article_id: str) -> Article | None:
        """The article as published (title, date, speakers, paragraphs), None when this generation has no such
        article (removed, or replaced by a corrected edition)."""
        row = self.db.execute("SELECT * FROM articles WHERE article_id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        return Article(row["article_id"], row["file"], row["position"], row["title"], row["date"], row["date_text"],
                       tuple(json.loads(row["speakers"] or "[]")), row["byline"],
                       tuple(json.loads(row["paragraphs"] or "[]")))

    def article_passages(self, article_id: str) -> list[tuple[int, Passage]]:
        """An article's passages in reading order (outlines, which repeat their points' headlines, left out)."""
        rows = self.db.execute("SELECT * FROM passages WHERE article_id = ? AND kind != 'outline' ORDER BY position",
                               (article_id,)).fetchall()
        return [(row["id"], _row_passage(row)) for row in rows]

    def list_ids_of(self, ids: list[int]) -> list[str | None]:
        """The list each passage belongs to (None for plain text), in the order of ids."""
        found: dict[int, str | None] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            found.update(self.db.execute(
                f"SELECT id, list_id FROM passages WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
        return [found.get(i) for i in ids]

    def article_texts(self, article_ids: list[str]) -> dict[str, str]:
        """Each article's title and passages in reading order, normalized as questions are (stored when
        the article was added: assembling and normalizing them per answer cost about 3 ms a question
        about articles not read yet)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        found = dict(self.db.execute(f"SELECT article_id, searched_text FROM articles WHERE article_id IN ({marks})", ids))
        return {aid: found.get(aid, "") for aid in ids}

    def articles(self) -> list[dict]:
        """Every article with its count of searchable passages (they sum to the manifest's count;
        a list's outline is shown but not searched, so it is not counted)."""
        return read_articles(self.db)

    def task_points(self) -> list[Passage]:
        """Every point naming a lead unit or a deadline (the ledger's rows), in the order they were added."""
        return read_task_points(self.db)

    def ledger_records(self) -> list[str]:
        """The ledger's tasks (JSON records) as published with this generation."""
        return [r[0] for r in self.db.execute("SELECT record FROM ledger ORDER BY position")]

    def bulletins(self) -> list[dict]:
        return [dict(r) for r in self.db.execute("SELECT * FROM bulletins ORDER BY added_at, file")]

    def lexical(self, terms: list[str], limit: int, max_postings: int = 0) -> list[tuple[int, float]]:
        """BM25 ranking (as FTS5's bm25() gives it) over jieba words, character bigrams and characters;
        above `max_postings` (0: no cap) the commonest terms are left out, the rarest always stays."""
        return self.lexical_index.score(terms, limit, max_postings)

    def document_frequencies(self, terms: list[str]) -> dict[str, int]:
        """Passages whose body holds each term (terms in no body are left out)."""
        return self.lexical_index.document_frequencies(terms)

    def posting_counts(self, terms: list[str]) -> dict[str, int]:
        """Passages holding each term in any lexical column: what scoring it costs."""
        return self.lexical_index.posting_counts(terms)

    def holds_phrase(self, phrase: str, depth: int = PHRASE_DEPTH) -> bool:
        """Whether a passage writes `phrase` (normalized) as it stands: looked for in the `depth` passages its
        character pairs rank first, those holding every pair."""
        pairs = char_bigrams(phrase)
        if not pairs:
            return False
        ids = [i for i, _ in self.lexical(pairs, depth)]
        return any(phrase in normalized_passage(p.text) for p in self.passages_by_ids(ids).values())

    def body_terms(self, ids: list[int], terms: list[str]) -> dict[int, set[str]]:
        """Which of `terms` the body of each passage holds."""
        return self.lexical_index.body_terms(ids, terms)

    def dense(self, query_vectors: np.ndarray, limit: int) -> list[list[tuple[int, float]]]:
        if self.vectors.ntotal == 0:
            return [[] for _ in range(len(query_vectors))]
        scores, ids = vectors.search(self.vectors, query_vectors, limit, self._exact)
        return [[(int(i), float(s)) for i, s in zip(row_ids, row_s) if i >= 0] for row_ids, row_s in zip(ids, scores)]

    def close(self) -> None:
        self.db.close()


# Readers shared by a snapshot and the writer (which builds the catalogue from them before publishing).


def read_articles(db: sqlite3.Connection) -> list[dict]:
    rows = db.execute(
        "SELECT a.*, (SELECT count(*) FROM passages p WHERE p.article_id = a.article_id "
        f"AND p.kind IN {SEARCHABLE_KINDS}) AS passages FROM articles a ORDER BY a.file, a.position"
    ).fetchall()
    return [{k: row[k] for k in row.keys() if k not in ("title_terms", "searched_text", "paragraphs")}
            | {"speakers": json.loads(row["speakers"] or "[]")} for row in rows]


def read_article_texts(db: sqlite3.Connection) -> Iterator[str]:
    """Each article's text in simplified characters, one at a time (the archive's whole text is never held)."""
    for (paragraphs,) in db.execute("SELECT paragraphs FROM articles"):
        yield to_simplified("\n".join(json.loads(paragraphs or "[]")))


def read_task_points(db: sqlite3.Connection) -> list[Passage]:
    rows = db.execute("SELECT * FROM passages WHERE tasks IS NOT NULL AND kind = 'point' ORDER BY id")
    return [_row_passage(row) for row in rows]


def read_alias_texts(db: sqlite3.Connection) -> list[str]:
    """Passages that may declare a unit's short name ("（以下简称县住建局）")."""
    return [r[0] for r in db.execute("SELECT text FROM passages WHERE text LIKE '%简称%'")]


def read_title_terms(db: sqlite3.Connection) -> dict[str, list[str]]:
    """Each article's title words, as `title_terms` gave them when it was added."""
    return {aid: json.loads(terms) for aid, terms in db.execute("SELECT article_id, title_terms FROM articles")}


def read_lists(db: sqlite3.Connection) -> dict[str, NumberedList]:
    return {row["list_id"]: _row_list(row) for row in db.execute("SELECT * FROM lists")}


def read_list_tokens(db: sqlite3.Connection) -> dict[str, tuple[list[str], list[list[str]]]]:
    """(named words, words of each headline) per list, as `list_tokens` gave them when it was added."""
    return {lid: tuple(json.loads(tokens)) for lid, tokens in db.execute("SELECT list_id, tokens FROM lists")}


def _tasks_json(tasks: Tasks | None) -> str | None:
    if not tasks:
        return None
    return json.dumps({"lead": list(tasks.lead), "partners": list(tasks.partners), "deadline": tasks.deadline,
                       "deadline_text": tasks.deadline_text}, ensure_ascii=False)


def _row_tasks(value: str | None) -> Tasks | None:
    if not value:
        return None
    t = json.loads(value)
    return Tasks(tuple(t["lead"]), tuple(t["partners"]), t["deadline"], t["deadline_text"])


def _row_passage(row: sqlite3.Row) -> Passage:
    values = {name: row[name] for name in _PASSAGE_FIELDS}
    values["tasks"] = _row_tasks(values["tasks"])
    return Passage(**values)


def _row_list(row: sqlite3.Row) -> NumberedList:
    return NumberedList(
        list_id=row["list_id"],
        article_id=row["article_id"],
        style=row["style"],
        size=row["size"],
        lead=row["lead"],
        label=row["label"],
        speaker=row["speaker"],
        headlines=tuple(json.loads(row["headlines"])),
        parent=row["parent"],
        parent_point=row["parent_point"],
        first=row["first"],
    )


def current_generation(root: Path) -> str | None:
    try:
        name = (root / CURRENT).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name if re.fullmatch(r"gen-[\w-]+", name) else None


def stored_version(root: Path) -> str | None:
    """The INDEX_VERSION the current generation was written by (None when there is none, or it
    cannot be read)."""
    generation = current_generation(root)
    if generation is None:
        return None
    try:
        db = sqlite3.connect(f"file:{root / generation / SQLITE_NAME}?mode=ro", uri=True)
        try:
            row = db.execute("SELECT value FROM manifest WHERE key = 'version'").fetchone()
        finally:
            db.close()
    except sqlite3.DatabaseError:
        return None
    return row[0] if row else None


def open_snapshot(root: Path, nprobe: int | None = None) -> IndexSnapshot:
    """The current generation; `nprobe` (config `vectors.nprobe`) overrides the one stored with an IVF index."""
    generation = current_generation(root)
    if generation is None:
        raise IndexUnavailable(f"no index found in {root}; run `policybot index` to build it")
    return IndexSnapshot(root, generation, nprobe)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, RuntimeError):  # FAISS: a C++ location and a message of several lines
        return f"{FAISS_NAME} cannot be read"
    text = str(exc).split(";")[0].strip() or type(exc).__name__
    if "rebuild" in text.lower():
        return "database disk image is malformed"
    return text[:160]


def damaged(exc: BaseException) -> IndexUnavailable:
    """A SQLite or FAISS error met while reading the index, as the one-line message naming the fix."""
    return IndexUnavailable(f"the index is damaged ({_reason(exc)}); {REBUILD_HINT}")


# ---------------------------------------------------------------- writing


class GenerationWriter:
    """Builds the next generation in a fresh folder; `publish` makes it current in one atomic rename."""

    def __init__(self, root: Path, base: IndexSnapshot | None, dimension: int, settings: VectorsConfig):
        self.root = root
        self.settings = settings
        root.mkdir(parents=True, exist_ok=True)
        self.generation = f"gen-{time.strftime('%Y%m%d%H%M%S')}-{uuid.uuid4().hex[:6]}"
        self.folder = root / self.generation
        self.folder.mkdir()
        self.db_path = self.folder / SQLITE_NAME
        self.db = sqlite3.connect(self.db_path)
        self.db.row_factory = sqlite3.Row
        if base is not None:
            base.db.backup(self.db)
            self.vectors = faiss.clone_index(base.vectors)
        else:
            # Each passage's packed term frequencies take 1-3 KB: on 4 KB pages one row a page wastes
            # a third of the table; 16 KB pages cut it by 25% (33.2 → 24.8 MiB at 10k passages).
            self.db.execute("PRAGMA page_size = 16384")
            self.db.executescript(SCHEMA)
            self.vectors = vectors.new_index(dimension)
        self.dimension = dimension
        self._term_ids: dict[str, int] | None = None  # loaded on the first passage added
        self.db.execute("BEGIN")

    # -- changes
    def remove_articles(self, article_ids: list[str]) -> int:
        """Remove articles with their passages and lists; returns the searchable passages removed,
        counted as add_article's caller counts those it adds (a 7-passage article: +7, then -7)."""
        removed = 0
        for aid in article_ids:
            ids = [r[0] for r in self.db.execute(
                f"SELECT id FROM passages WHERE article_id = ? AND kind IN {SEARCHABLE_KINDS}", (aid,))]
            if ids:
                self.vectors.remove_ids(np.asarray(ids, dtype=np.int64))
                self.db.executemany("DELETE FROM passage_terms WHERE id = ?", [(i,) for i in ids])
            removed += len(ids)
            self.db.execute("DELETE FROM passages WHERE article_id = ?", (aid,))
            self.db.execute("DELETE FROM lists WHERE article_id = ?", (aid,))
            self.db.execute("DELETE FROM articles WHERE article_id = ?", (aid,))
        return removed

    def add_article(self, article, file: str, passages: list[Passage], lists: list[NumberedList],
                    vectors: np.ndarray) -> None:
        """Add one article; `vectors` holds one row per searchable passage, in order."""
        # The article as answers look words up in it: title and passages in reading order (outlines
        # included: they hold the lists' lead sentences), normalized as questions are, once, here.
        in_order = sorted(passages, key=lambda p: p.position)
        searched = normalize_text("\n".join([article.title or ""] + [p.text for p in in_order]))
        self.db.execute(
            "INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (article.article_id, file, article.position, article.title, article.date, article.date_text,
             json.dumps(list(article.speakers), ensure_ascii=False), article.byline, len(article.text),
             json.dumps(title_terms(article.title), ensure_ascii=False), searched,
             json.dumps(list(article.paragraphs), ensure_ascii=False)),
        )
        for nl in lists:
            self.db.execute(
                "INSERT INTO lists VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (nl.list_id, nl.article_id, nl.style, nl.size, nl.lead, nl.label, nl.speaker,
                 json.dumps(list(nl.headlines), ensure_ascii=False),
                 json.dumps(list_tokens(nl), ensure_ascii=False), nl.parent, nl.parent_point, nl.first),
            )
        ids = []
        for p in passages:
            row = {name: getattr(p, name) for name in _PASSAGE_FIELDS}
            row["tasks"] = _tasks_json(p.tasks)
            cur = self.db.execute(
                f"INSERT INTO passages ({','.join(_PASSAGE_FIELDS)}) VALUES ({','.join('?' * len(_PASSAGE_FIELDS))})",
                [row[name] for name in _PASSAGE_FIELDS],
            )
            if p.kind in SEARCHABLE_KINDS:
                ids.append(cur.lastrowid)
                length, postings = lexical.pack_terms(lexical_columns(p), COLUMN_WEIGHTS, self._term_id)
                self.db.execute("INSERT INTO passage_terms VALUES (?,?,?)", (cur.lastrowid, length, postings))
        if len(ids) != len(vectors):
            raise ValueError("one vector per searchable passage is required")
        if ids:
            self.vectors.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), np.asarray(ids, dtype=np.int64))

    def _term_id(self, term: str) -> int:
        """The term's id in the vocabulary table, added when new."""
        if self._term_ids is None:
            self._term_ids = dict(self.db.execute("SELECT term, term_id FROM terms").fetchall())
        found = self._term_ids.get(term)
        if found is None:
            found = self._term_ids[term] = self.db.execute("INSERT INTO terms(term) VALUES (?)", (term,)).lastrowid
        return found

    def set_bulletin(self, file: str, sha: str, fmt: str, encoding: str, article_ids: list[str],
                     owned: int, note: str = "") -> None:
        """Record a file: its content hash and every article it holds (owned or duplicate)."""
        self.db.execute(
            "INSERT INTO bulletins VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(file) DO UPDATE SET sha=excluded.sha, "
            "format=excluded.format, encoding=excluded.encoding, articles=excluded.articles, note=excluded.note, "
            "article_ids=excluded.article_ids",
            (file, sha, fmt, encoding, time.strftime("%Y-%m-%d %H:%M:%S"), owned, note, json.dumps(article_ids)),
        )

    def reassign_article(self, article_id: str, file: str) -> None:
        """An article whose file went away stays, owned by another file that holds it too."""
        self.db.execute("UPDATE articles SET file = ? WHERE article_id = ?", (file, article_id))

    def remove_bulletin(self, file: str) -> None:
        self.db.execute("DELETE FROM bulletins WHERE file = ?", (file,))

    # -- publishing
    def set_ledger(self, records: list[tuple[str, str]]) -> None:
        """The ledger's tasks (task id, JSON record), in their order, replacing the previous generation's."""
        self.db.execute("DELETE FROM ledger")
        self.db.executemany("INSERT INTO ledger(position, task_id, record) VALUES (?,?,?)",
                            [(i, task_id, record) for i, (task_id, record) in enumerate(records)])

    def publish(self, model: str, catalog: bytes) -> Manifest:
        """Write the manifest, the lexical matrix, the vectors and `catalog` (the catalogue built from
        this generation's articles and lists), then make the generation current."""
        counts = {
            "passages": self.db.execute(f"SELECT count(*) FROM passages WHERE kind IN {SEARCHABLE_KINDS}").fetchone()[0],
            "articles": self.db.execute("SELECT count(*) FROM articles").fetchone()[0],
            "bulletins": self.db.execute("SELECT count(*) FROM bulletins").fetchone()[0],
        }
        built_at = time.strftime("%Y-%m-%d %H:%M:%S")
        meta = {"version": INDEX_VERSION, "model": model, "dimension": str(self.dimension), "built_at": built_at,
                **{k: str(v) for k, v in counts.items()}}
        self.db.execute("DELETE FROM manifest")
        self.db.executemany("INSERT INTO manifest VALUES (?, ?)", list(meta.items()))
        self.db.commit()
        # IDF and lengths change with every passage added or removed: the matrix is rebuilt from the
        # stored term frequencies (a few seconds at 100k passages, no tokenizing).
        keys = lexical.term_keys(self.db.execute("SELECT term_id, term FROM terms"))
        lexical.build(self.db.execute("SELECT id, length, postings FROM passage_terms ORDER BY id"), keys, self.folder)
        self.db.execute("VACUUM")
        self.db.close()
        (self.folder / CATALOG_NAME).write_bytes(catalog)
        # The writer's vectors are handed over (no reference kept here), so an exact index becoming an
        # IVF one is freed before its copy is built.
        final = vectors.finalize(self._take_vectors(), self.settings.approximate_from, self.settings.nprobe,
                                 self.folder)
        faiss.write_index(final, str(self.folder / FAISS_NAME))
        del final
        _fsync_tree(self.folder)
        pointer = self.root / f"{CURRENT}.{self.generation}.tmp"
        with open(pointer, "w", encoding="ascii") as fh:
            fh.write(self.generation + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(pointer, self.root / CURRENT)  # the commit point
        _fsync_dir(self.root)
        return Manifest(model=model, dimension=self.dimension, generation=self.generation, built_at=built_at, **counts)

    def _take_vectors(self) -> faiss.Index:
        held, self.vectors = self.vectors, None
        return held

    def abandon(self) -> None:
        try:
            self.db.close()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_tree(folder: Path) -> None:
    for child in folder.iterdir():
        with open(child, "rb") as fh:
            os.fsync(fh.fileno())
    _fsync_dir(folder)


def prune_generations(root: Path, previous: str | None = None) -> None:
    """Delete old and abandoned generations, keeping the current one and `previous`
    (readers that loaded it keep working on their open files)."""
    keep = {current_generation(root), previous}
    for p in root.glob("gen-*"):
        if p.is_dir() and p.name not in keep:
            shutil.rmtree(p, ignore_errors=True)
    for tmp in root.glob(f"{CURRENT}.*.tmp"):
        tmp.unlink(missing_ok=True)
