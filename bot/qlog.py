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

    def export_csv(self, since: str, out) -> int:
        with self._lock:
            rows = self._db.execute(
                "SELECT id, ts, chat_type, question, answered, top_passage_id, latency_ms, feedback "
                "FROM questions WHERE ts >= ? ORDER BY id", (since,)
            ).fetchall()
        out.write("\ufeff")  # a UTF-8 BOM: Excel on Chinese Windows otherwise reads the file as GBK
        writer = csv.writer(out)
        writer.writerow(["id", "time", "chat_type", "question", "answered", "top_passage_id", "latency_ms", "feedback"])
        writer.writerows([safe_cell(v) for v in row] for row in rows)
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
    from bot.cli import examples

    p = sub.add_parser(
        "log", help="export the question log as CSV",
        description="Every question the bot was asked, as CSV on stdout (UTF-8 with BOM, opens in Excel): time, "
                    "chat type, question, whether it was answered or refused, what was answered (title, list, "
                    "point), latency and feedback.",
        epilog=examples("policybot log > log.csv", "policybot log --since 2026-11-01 > november.csv"))
    p.add_argument("--since", default="1970-01-01", help="date (YYYY-MM-DD) or ISO time; the default is everything")
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
    log = QuestionLog(path)
    try:
        n = log.export_csv(since, sys.stdout)
    finally:
        log.close()
    print(f"{n} questions since {since}", file=sys.stderr)
    return 0


def now_ms() -> float:
    return time.perf_counter() * 1000
