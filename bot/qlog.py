"""Question log: every question asked (time, chat type, question, answered or refused, what was
answered — title, list, point — latency, feedback) in SQLite; feeds /stats and `policybot log --since
DATE` (CSV), so an admin can review the answers without reading passage ids."""

from __future__ import annotations

import csv
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable
from datetime import datetime, timedelta
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS questions(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    ts TEXT NOT NULL,               -- local time, ISO
    chat_type TEXT NOT NULL,        -- private | group | supergroup | console
    question TEXT NOT NULL,
    answered INTEGER NOT NULL,
    top_passage_id TEXT,
    latency_ms INTEGER,
    feedback INTEGER,               -- 1 = 👍, -1 = 👎, NULL = none
    title TEXT,                     -- what was answered: the article's title,
    list TEXT,                      -- the list of the point (label), if any,
    point INTEGER                   -- and the point's number in it
);
CREATE INDEX IF NOT EXISTS questions_ts ON questions(ts);
"""
# Columns added since the first version: a log written before gets them (empty) when opened.
ADDED_COLUMNS = {"title": "TEXT", "list": "TEXT", "point": "INTEGER"}
CSV_HEAD = ["id", "time", "chat_type", "question", "answered", "refused", "title", "list", "point",
            "top_passage_id", "latency_ms", "feedback"]

# passage id -> (article title, list label, point number), from the index; None when not indexed.
Describe = Callable[[str], "tuple[str | None, str | None, int | None] | None"]


def describer(snapshot_of: Callable) -> Describe:
    """A Describe reading the current index generation (`snapshot_of()` returns it)."""
    def describe(passage_id: str):
        found = snapshot_of().passage(passage_id)
        if found is None:
            return None
        p = found[1]
        return p.title, p.list_label, p.ordinal
    return describe


@dataclass(frozen=True)
class Stats:
    today: int
    week: int
    answered_share: float | None  # over the week
    unanswered: list[tuple[str, str]]  # (ts, question), newest first
    thumbs_up: int
    thumbs_down: int
    answered_week: int = 0  # answered over the week (a 👎 answer included: it was answered, wrongly)
    refused_week: int = 0  # "not found" over the week
    thumbs_down_week: int = 0


@dataclass(frozen=True)
class FeedbackRow:
    log_id: int
    ts: str
    question: str
    top_passage_id: str | None


class QuestionLog:
    """A small thread-safe SQLite log; the bot writes from worker threads."""

    def __init__(self, path: Path, describe: Describe | None = None):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.executescript(SCHEMA)
        have = {r[1] for r in self._db.execute("PRAGMA table_info(questions)")}
        for column, kind in ADDED_COLUMNS.items():
            if column not in have:
                self._db.execute(f"ALTER TABLE questions ADD COLUMN {column} {kind}")
        self._db.commit()
        self._lock = threading.Lock()
        self.describe = describe

    def _what(self, passage_id: str | None, describe: Describe | None) -> tuple:
        """(title, list, point) of an answer's passage, as the index names it now."""
        if not passage_id or describe is None:
            return None, None, None
        try:
            return describe(passage_id) or (None, None, None)
        except Exception:  # noqa: BLE001 - the log never fails a question (say, the index is being swapped)
            return None, None, None

    def record(self, chat_type: str, question: str, answered: bool, top_passage_id: str | None,
               latency_ms: int) -> int:
        title, label, point = self._what(top_passage_id, self.describe) if answered else (None, None, None)
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO questions(ts, chat_type, question, answered, top_passage_id, latency_ms, title, list, "
                "point) VALUES (?,?,?,?,?,?,?,?,?)",
                (datetime.now().isoformat(timespec="seconds"), chat_type, question[:2000], int(answered),
                 top_passage_id, latency_ms, title, label, point),
            )
            self._db.commit()
            return int(cur.lastrowid)

    def feedback(self, log_id: int, value: int) -> bool:
        with self._lock:
            cur = self._db.execute("UPDATE questions SET feedback = ? WHERE id = ?", (value, log_id))
            self._db.commit()
            return cur.rowcount == 1

    def stats(self, now: datetime | None = None, latest: int = 5) -> Stats:
        now = now or datetime.now()
        today = now.replace(hour=0, minute=0, second=0, microsecond=0).isoformat(timespec="seconds")
        week = (now - timedelta(days=7)).isoformat(timespec="seconds")
        with self._lock:
            q = self._db.execute
            n_today = q("SELECT count(*) FROM questions WHERE ts >= ?", (today,)).fetchone()[0]
            n_week, answered = q("SELECT count(*), sum(answered) FROM questions WHERE ts >= ?", (week,)).fetchone()
            unanswered = q("SELECT ts, question FROM questions WHERE answered = 0 ORDER BY id DESC LIMIT ?",
                           (latest,)).fetchall()
            up = q("SELECT count(*) FROM questions WHERE feedback = 1").fetchone()[0]
            down = q("SELECT count(*) FROM questions WHERE feedback = -1").fetchone()[0]
            down_week = q("SELECT count(*) FROM questions WHERE feedback = -1 AND ts >= ?", (week,)).fetchone()[0]
        answered = answered or 0
        return Stats(n_today, n_week, answered / n_week if n_week else None, unanswered, up, down,
                     answered_week=answered, refused_week=n_week - answered, thumbs_down_week=down_week)

    def with_feedback(self, value: int, limit: int = 10) -> list[FeedbackRow]:
        """Questions whose answer got `value` (1 👍, -1 👎), newest first."""
        with self._lock:
            rows = self._db.execute("SELECT id, ts, question, top_passage_id FROM questions WHERE feedback = ? "
                                    "ORDER BY id DESC LIMIT ?", (value, limit)).fetchall()
        return [FeedbackRow(*row) for row in rows]

    def most_unanswered(self, since: datetime, limit: int = 10) -> list[tuple[str, int]]:
        """The unanswered questions asked most since `since`: (question, times), the same words counted once."""
        with self._lock:
            return self._db.execute(
                "SELECT trim(question) AS q, count(*) AS n FROM questions WHERE answered = 0 AND ts >= ? "
                "AND chat_type != 'console' GROUP BY q ORDER BY n DESC, max(id) DESC LIMIT ?",
                (since.isoformat(timespec="seconds"), limit)).fetchall()

    def export_csv(self, since: str, out, describe: Describe | None = None, feedback: int | None = None) -> int:
        """Rows since `since` as CSV; an answer logged without its title (an older log, an inline
        choice) is named through `describe` when its passage is still indexed; `feedback` (1 👍, -1 👎)
        keeps only the questions whose answer got it."""
        where, args = "ts >= ?", [since]
        if feedback is not None:
            where, args = where + " AND feedback = ?", args + [feedback]
        with self._lock:
            rows = self._db.execute(
                "SELECT id, ts, chat_type, question, answered, title, list, point, top_passage_id, latency_ms, "
                f"feedback FROM questions WHERE {where} ORDER BY id", args
            ).fetchall()
        out.write("\ufeff")  # a UTF-8 BOM: Excel on Chinese Windows otherwise reads the file as GBK
        writer = csv.writer(out)
        writer.writerow(CSV_HEAD)
        for rid, ts, chat_type, question, answered, title, label, point, top, latency, feedback in rows:
            if answered and title is None:
                title, label, point = self._what(top, describe)
            row = [rid, ts, chat_type, question, "yes" if answered else "no", "no" if answered else "yes",
                   title, label, point, top, latency, feedback]
            writer.writerow([safe_cell(v) for v in row])
        return len(rows)

    def close(self) -> None:
        self._db.close()


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A CSV cell a spreadsheet shows as text: a question starting like a formula (=HYPERLINK(…),
    +, -, @, or a tab/CR before one) gets a leading apostrophe (the OWASP CSV-injection advice)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def log_path(data_dir: Path) -> Path:
    return data_dir / "questions.sqlite"


def register_cli(sub) -> None:
    from bot.clihelp import examples

    p = sub.add_parser(
        "log", help="export the question log as CSV",
        description="Every question the bot was asked, as CSV on stdout (UTF-8 with BOM, opens in Excel): time, "
                    "chat type, question, whether it was answered or refused, what was answered (title, list, "
                    "point), latency and feedback.",
        epilog=examples("policybot log > log.csv", "policybot log --since 2026-11-01 > november.csv"))
    p.add_argument("--since", default="1970-01-01", help="date (YYYY-MM-DD) or ISO time; the default is everything")
    p.add_argument("--feedback", choices=("up", "down"),
                   help="only the questions whose answer got 👍 (up) or 👎 (down)")
    p.set_defaults(func=_cmd_log)


def _cmd_log(args, config) -> int:
    from bot.errors import UsageError

    try:
        since = datetime.fromisoformat(args.since).isoformat(timespec="seconds")
    except ValueError as exc:
        raise UsageError(f"--since needs a date like 2026-11-01, not {args.since!r}") from exc
    path = log_path(config.data)
    if not path.exists():
        print("no questions logged yet", file=sys.stderr)
        return 0
    from bot.index import current_generation, open_snapshot

    snap = open_snapshot(config.index) if current_generation(config.index) else None
    log = QuestionLog(path)
    try:
        n = log.export_csv(since, sys.stdout, describer(lambda: snap) if snap else None,
                          {"up": 1, "down": -1}.get(args.feedback or ""))
    finally:
        log.close()
        if snap is not None:
            snap.close()
    print(f"{n} questions since {since}", file=sys.stderr)
    return 0


def now_ms() -> float:
    return time.perf_counter() * 1000
