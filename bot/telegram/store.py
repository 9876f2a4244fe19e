"""The bot's own state in SQLite under the data dir: answers behind buttons, subscribers, and who
may use the bot (members, allowed groups, claimed admins, pending applications), the units a chat follows and
what it was already told of their tasks (reminders are sent once, across restarts), and the articles already
announced (a bulletin added from the command line is announced once, by whichever bot process sees it).

Answers are stored as the stable ids of their passages, so the buttons under an answer keep
working after uploads, re-indexing and restarts; a passage that is gone later is noticed when a
button asks for it. Subscriptions and access grants survive restarts for the same reason.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created REAL NOT NULL,
    log_id INTEGER,                 -- row in the question log (for 👍/👎)
    terms TEXT NOT NULL,            -- JSON list: the question's terms, shown in bold
    results TEXT NOT NULL           -- JSON list of [passage_id, is_outline]
);
CREATE TABLE IF NOT EXISTS subscribers(
    chat_id INTEGER PRIMARY KEY,
    since REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS grants(
    kind TEXT NOT NULL,             -- member (a user) | chat (a group) | admin (claimed with the code)
    id INTEGER NOT NULL,
    name TEXT NOT NULL,             -- as shown in /members
    since REAL NOT NULL,
    by INTEGER,                     -- the admin who granted it
    PRIMARY KEY (kind, id)
);
CREATE TABLE IF NOT EXISTS applications(
    user_id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    asked REAL NOT NULL
);
CREATE TABLE IF NOT EXISTS told(     -- groups already told the bot is not enabled there
    chat_id INTEGER PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS follows(  -- /follow 住建局: the chat hears of that unit's tasks
    chat_id INTEGER NOT NULL,
    unit TEXT NOT NULL,             -- as the follower wrote it (matched like policybot tasks --unit)
    since REAL NOT NULL,
    PRIMARY KEY (chat_id, unit)
);
CREATE TABLE IF NOT EXISTS announced(  -- articles subscribers and followers were told of (or that predate them)
    article_id TEXT PRIMARY KEY
);
CREATE TABLE IF NOT EXISTS told_tasks(  -- what a follower was told: never twice the same thing
    chat_id INTEGER NOT NULL,
    what TEXT NOT NULL,             -- "remind:<task id>@<deadline>" or "new:<task id>@<deadline>"
    day TEXT NOT NULL,              -- the day it was told (ISO); a reminder is once per task, deadline and day
    PRIMARY KEY (chat_id, what, day)
);
"""
KEEP_ANSWERS = 50_000  # older answers' buttons say the answer is gone; a row is ~200 bytes


@dataclass(frozen=True)
class StoredAnswer:
    answer_id: int
    log_id: int | None
    terms: tuple[str, ...]
    results: tuple[tuple[str, bool], ...]  # (passage_id, is_outline)


@dataclass(frozen=True)
class Grant:
    kind: str
    ident: int
    name: str
    since: float


def store_path(data_dir: Path) -> Path:
    return data_dir / "telegram.sqlite"


class BotStore:
    """Thread-safe; every call is one short transaction."""

    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._db = sqlite3.connect(path, check_same_thread=False)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)
        self._lock = threading.Lock()

    # ------------------------------------------------------------ answers
    def save_answer(self, log_id: int | None, terms: tuple[str, ...], results: list[tuple[str, bool]]) -> int:
        with self._lock, self._db:
            cur = self._db.execute("INSERT INTO answers(created, log_id, terms, results) VALUES (?,?,?,?)",
                                   (time.time(), log_id, json.dumps(list(terms), ensure_ascii=False),
                                    json.dumps([[pid, bool(o)] for pid, o in results])))
            answer_id = int(cur.lastrowid)
            if answer_id % 1000 == 0:
                self._db.execute("DELETE FROM answers WHERE id <= ?", (answer_id - KEEP_ANSWERS,))
            return answer_id

    def answer(self, answer_id: int) -> StoredAnswer | None:
        with self._lock:
            row = self._db.execute("SELECT log_id, terms, results FROM answers WHERE id = ?",
                                   (answer_id,)).fetchone()
        if row is None:
            return None
        return StoredAnswer(answer_id, row[0], tuple(json.loads(row[1])),
                            tuple((pid, bool(o)) for pid, o in json.loads(row[2])))

    def answer_of_log(self, log_id: int) -> int | None:
        """The stored answer given to question-log row `log_id` (for /feedback's buttons)."""
        with self._lock:
            row = self._db.execute("SELECT id FROM answers WHERE log_id = ? ORDER BY id DESC LIMIT 1",
                                   (log_id,)).fetchone()
        return row[0] if row else None

    # ------------------------------------------------------------ subscribers
    def subscribe(self, chat_id: int) -> bool:
        """True when the chat was not subscribed yet."""
        with self._lock, self._db:
            cur = self._db.execute("INSERT OR IGNORE INTO subscribers(chat_id, since) VALUES (?,?)",
                                   (chat_id, time.time()))
            return cur.rowcount == 1

    def unsubscribe(self, chat_id: int) -> bool:
        """True when the chat was subscribed."""
        with self._lock, self._db:
            return self._db.execute("DELETE FROM subscribers WHERE chat_id = ?", (chat_id,)).rowcount == 1

    def subscribers(self) -> list[int]:
        with self._lock:
            return [r[0] for r in self._db.execute("SELECT chat_id FROM subscribers ORDER BY since")]

    # ------------------------------------------------------------ access
    def grant(self, kind: str, ident: int, name: str, by: int | None = None) -> bool:
        """True when `ident` did not hold this grant yet."""
        with self._lock, self._db:
            cur = self._db.execute("INSERT OR IGNORE INTO grants(kind, id, name, since, by) VALUES (?,?,?,?,?)",
                                   (kind, ident, name, time.time(), by))
            return cur.rowcount == 1

    def revoke(self, kind: str, ident: int) -> bool:
        with self._lock, self._db:
            return self._db.execute("DELETE FROM grants WHERE kind = ? AND id = ?", (kind, ident)).rowcount == 1

    def has_grant(self, kind: str, ident: int) -> bool:
        with self._lock:
            return self._db.execute("SELECT 1 FROM grants WHERE kind = ? AND id = ?",
                                    (kind, ident)).fetchone() is not None

    def grants(self, kind: str) -> list[Grant]:
        with self._lock:
            rows = self._db.execute("SELECT id, name, since FROM grants WHERE kind = ? ORDER BY since",
                                    (kind,)).fetchall()
        return [Grant(kind, *row) for row in rows]

    def apply(self, user_id: int, name: str) -> bool:
        """True when the user had no application pending."""
        with self._lock, self._db:
            cur = self._db.execute("INSERT OR IGNORE INTO applications(user_id, name, asked) VALUES (?,?,?)",
                                   (user_id, name, time.time()))
            return cur.rowcount == 1

    def application(self, user_id: int) -> str | None:
        """The applicant's name while the application is pending."""
        with self._lock:
            row = self._db.execute("SELECT name FROM applications WHERE user_id = ?", (user_id,)).fetchone()
        return row[0] if row else None

    def pending_applications(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM applications").fetchone()[0]

    def close_application(self, user_id: int) -> bool:
        with self._lock, self._db:
            return self._db.execute("DELETE FROM applications WHERE user_id = ?", (user_id,)).rowcount == 1

    def tell_once(self, chat_id: int) -> bool:
        """True the first time it is asked for a chat (the group gets its one notice), False after."""
        with self._lock, self._db:
            return self._db.execute("INSERT OR IGNORE INTO told(chat_id) VALUES (?)", (chat_id,)).rowcount == 1

    # ------------------------------------------------------------ followers of a unit's tasks
    def follow(self, chat_id: int, unit: str) -> bool:
        """True when the chat did not follow this unit yet."""
        with self._lock, self._db:
            cur = self._db.execute("INSERT OR IGNORE INTO follows(chat_id, unit, since) VALUES (?,?,?)",
                                   (chat_id, unit, time.time()))
            return cur.rowcount == 1

    def unfollow(self, chat_id: int, unit: str | None = None) -> int:
        """Stop following `unit` (every unit when None); how many follows ended."""
        with self._lock, self._db:
            if unit is None:
                return self._db.execute("DELETE FROM follows WHERE chat_id = ?", (chat_id,)).rowcount
            return self._db.execute("DELETE FROM follows WHERE chat_id = ? AND unit = ?", (chat_id, unit)).rowcount

    def follows(self, chat_id: int | None = None) -> list[tuple[int, str]]:
        """(chat, unit) of every follow (of one chat), oldest first."""
        with self._lock:
            if chat_id is None:
                return self._db.execute("SELECT chat_id, unit FROM follows ORDER BY since").fetchall()
            return self._db.execute("SELECT chat_id, unit FROM follows WHERE chat_id = ? ORDER BY since",
                                    (chat_id,)).fetchall()

    def tell_task_once(self, chat_id: int, what: str, day: str) -> bool:
        """True the first time (chat, what, day) is asked for: the caller then tells it; False ever after."""
        with self._lock, self._db:
            return self._db.execute("INSERT OR IGNORE INTO told_tasks(chat_id, what, day) VALUES (?,?,?)",
                                    (chat_id, what, day)).rowcount == 1

    def untell_task(self, chat_id: int, what: str, day: str) -> None:
        """Forget a telling that could not be delivered, so the next run tries again."""
        with self._lock, self._db:
            self._db.execute("DELETE FROM told_tasks WHERE chat_id = ? AND what = ? AND day = ?", (chat_id, what, day))

    def announce_baseline(self, article_ids: list[str]) -> None:
        """At the bot's first start (nothing announced ever), the index's articles count as announced: a new bot
        does not announce the archive it starts with."""
        with self._lock, self._db:
            if self._db.execute("SELECT 1 FROM announced LIMIT 1").fetchone() is None:
                self._db.executemany("INSERT OR IGNORE INTO announced(article_id) VALUES (?)",
                                     [(a,) for a in article_ids])

    def unannounced(self, article_ids: list[str]) -> list[str]:
        """Of `article_ids`, those not announced yet, now marked announced."""
        with self._lock, self._db:
            known = {r[0] for r in self._db.execute("SELECT article_id FROM announced")}
            new = [a for a in dict.fromkeys(article_ids) if a not in known]
            self._db.executemany("INSERT OR IGNORE INTO announced(article_id) VALUES (?)", [(a,) for a in new])
        return new

    def close(self) -> None:
        with self._lock:
            self._db.close()
