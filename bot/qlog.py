"""Question log: every question asked (time, chat type, question, answered, top passage, latency,
feedback) in SQLite; feeds /stats and `policybot log --since DATE` (CSV)."""

from __future__ import annotations

import csv
import sqlite3
import sys
import threading
import time
from dataclasses import dataclass
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
    feedback INTEGER                -- 1 = 👍, -1 = 👎, NULL = none
);
CREATE INDEX IF NOT EXISTS questions_ts ON questions(ts);
"""


@dataclass(frozen=True)
class Stats:
    today: int
    week: int
    answered_share: float | None  # over the week
    unanswered: list[tuple[str, str]]  # (ts, question), newest first
    thumbs_up: int
    thumbs_down: int


@dataclass(frozen=True)
class FeedbackRow:
    log_id: int
    ts: str
    question: str
    top_passage_id: str | None


class QuestionLog:
    """A small thread-safe SQLite log; the bot writes from worker threads."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.executescript(SCHEMA)
        self._lock = threading.Lock()

    def record(self, chat_type: str, question: str, answered: bool, top_passage_id: str | None,
               latency_ms: int) -> int:
        with self._lock:
            cur = self._db.execute(
                "INSERT INTO questions(ts, chat_type, question, answered, top_passage_id, latency_ms) "
                "VALUES (?,?,?,?,?,?)",
                (datetime.now().isoformat(timespec="seconds"), chat_type, question[:2000], int(answered),
                 top_passage_id, latency_ms),
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
        return Stats(n_today, n_week, (answered or 0) / n_week if n_week else None, unanswered, up, down)

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

    def export_csv(self, since: str, out, feedback: int | None = None, answer=None) -> int:
        """CSV of the questions since `since` (only those with that `feedback`, when given); `answer`
        (top_passage_id → text) adds a column saying what was answered."""
        where, args = "ts >= ?", [since]
        if feedback is not None:
            where, args = where + " AND feedback = ?", args + [feedback]
        with self._lock:
            rows = self._db.execute(
                "SELECT id, ts, chat_type, question, answered, top_passage_id, latency_ms, feedback "
                f"FROM questions WHERE {where} ORDER BY id", args
            ).fetchall()
        out.write("\ufeff")  # a UTF-8 BOM: Excel on Chinese Windows otherwise reads the file as GBK
        writer = csv.writer(out)
        header = ["id", "time", "chat_type", "question", "answered", "top_passage_id", "latency_ms", "feedback"]
        writer.writerow(header + (["answer"] if answer else []))
        for row in rows:
            extra = [answer(row[5])] if answer else []
            writer.writerow([safe_cell(v) for v in (*row, *extra)])
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
    p = sub.add_parser("log", help="export the question log as CSV")
    p.add_argument("--since", default="1970-01-01", help="date (YYYY-MM-DD) or ISO time; default: everything")
    p.add_argument("--feedback", choices=("up", "down"),
                   help="only the questions whose answer got 👍 (up) or 👎 (down), with what was answered")
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
    feedback = {"up": 1, "down": -1}.get(args.feedback or "")
    log = QuestionLog(path)
    try:
        n = log.export_csv(since, sys.stdout, feedback, _answer_lookup(config) if feedback else None)
    finally:
        log.close()
    print(f"{n} questions since {since}", file=sys.stderr)
    return 0


def _answer_lookup(config):
    """top_passage_id → one line saying what was answered, from the current index ("" without one)."""
    from bot.errors import PolicyBotError
    from bot.index import open_snapshot
    from bot.render import passage_summary

    try:
        snap = open_snapshot(config.index)
    except PolicyBotError:
        return lambda passage_id: ""

    def lookup(passage_id: str | None) -> str:
        found = snap.passage(passage_id) if passage_id else None
        return passage_summary(found[1]) if found else ""

    return lookup


def now_ms() -> float:
    return time.perf_counter() * 1000
