"""The directive ledger: every indexed point that names a lead unit or a deadline, as one table of tasks.

`policybot tasks` lists them (nearest deadline first) for the 督查室 and the bureaus: filtered by unit (its short
and full names match, as the documents declare them: "县住房和城乡建设局（以下简称县住建局）"), by deadline, overdue
or standing tasks, and printed as text, JSON, CSV (UTF-8 with BOM, formula-neutral) or an .xlsx to print.

A task is one task across documents: a corrected re-issue, a later meeting moving its deadline, a bulletin
restating it word for word each give it a new version (same lead unit, highly similar words; the later document
wins), and the ledger shows the latest with what it replaced ("原为6月底前，《…》（2024-06-12）调整"). The versions
are matched at publish, and the ledger is stored as a table of the index generation (atomic with the points).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import re
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from bot.errors import UsageError
from bot.index import read_alias_texts
from bot.qlog import safe_cell
from bot.records import Passage
from bot.textutil import CJK
from bot.units import as_written, learn_aliases, same_unit, unit_forms

LONG_TERM = "长期"
COLUMNS = ("序号", "工作任务", "牵头单位", "配合单位", "完成时限", "来源")
COLUMN_WIDTHS = (6, 60, 22, 30, 18, 36)  # characters; the task's text wraps in its column
# Two points of different documents are one task when the same unit leads them and their words (character
# bigrams, without the units' names and the deadline) overlap this much: Dice, or containment of the shorter.
SAME_TASK_DICE = 0.6
SAME_TASK_CONTAINED = 0.8
MIN_CONTAINED_BIGRAMS = 10  # containment alone says nothing about a short sentence
_WORD_CHARS = re.compile(rf"[{CJK}0-9A-Za-z%]+")


@dataclass(frozen=True)
class Change:
    """An earlier version of a task that a later document replaced (moved its deadline, changed a figure)."""

    task_id: str  # the earlier version's own id
    deadline: str | None
    deadline_text: str | None
    text: str
    title: str  # the earlier document
    date: str | None
    by_title: str  # the document that replaced it
    by_date: str | None

    def record(self) -> dict:
        return {"task_id": self.task_id, "deadline": self.deadline, "deadline_text": self.deadline_text,
                "text": self.text, "title": self.title, "date": self.date, "by_title": self.by_title,
                "by_date": self.by_date}

    @property
    def note(self) -> str:
        """"原为6月底前，《…》（2024-06-12）调整" — what the ledger shows beside the latest version."""
        was = self.deadline_text or self.deadline or "无时限"
        return f"原为{was}，{self.by_title}（{self.by_date or '日期不详'}）调整"


@dataclass(frozen=True)
class Task:
    task_id: str
    passage_id: str
    article_id: str
    title: str
    date: str | None
    list: str | None  # the list's label ("八个聚力")
    ordinal: int | None
    text: str
    lead: tuple[str, ...]
    partners: tuple[str, ...]
    deadline: str | None  # ISO date, "长期", or None
    deadline_text: str | None
    status: str  # "open" | "overdue" | "long_term" | "undated"
    changes: tuple[Change, ...] = ()  # earlier versions this one replaced, oldest first
    list_id: str | None = None  # the list of the point (全部要点)

    def record(self) -> dict:
        return {"task_id": self.task_id, "passage_id": self.passage_id, "article_id": self.article_id,
                "title": self.title, "date": self.date, "list": self.list, "ordinal": self.ordinal,
                "text": self.text, "lead": list(self.lead), "partners": list(self.partners),
                "deadline": self.deadline, "deadline_text": self.deadline_text, "status": self.status,
                "changes": [c.record() for c in self.changes]}

    @property
    def moved(self) -> Change | None:
        """The latest earlier version whose deadline differs from this one's (the deadline was moved)."""
        return next((c for c in reversed(self.changes) if c.deadline != self.deadline), None)

    @property
    def due(self) -> str:
        """The deadline as a reader writes it down: "2024-06-30（6月底前）", "长期坚持", or as written."""
        if self.deadline == LONG_TERM:
            return self.deadline_text or LONG_TERM
        if self.deadline and self.deadline_text and self.deadline != self.deadline_text:
            return f"{self.deadline}（{self.deadline_text}）"
        return self.deadline or self.deadline_text or ""

    @property
    def source(self) -> str:
        return f"{self.title} · {self.date}" if self.date else self.title


def status_of(deadline: str | None, today: dt.date) -> str:
    if deadline == LONG_TERM:
        return "long_term"
    if not deadline:
        return "undated"
    return "overdue" if deadline < today.isoformat() else "open"


def build_tasks(points: list[Passage], today: dt.date, aliases: dict[str, str] | None = None) -> list[Task]:
    """One task per point with tasks (a long point's parts are one task), nearest deadline first, then standing
    tasks, then those without a deadline; ties in reading order. A task a later document restates, corrects or
    reschedules is one task: its latest version, with the earlier ones as its `changes` (see `merge_versions`)."""
    parts: dict[tuple, list[Passage]] = {}
    for p in points:
        if p.kind == "point" and p.tasks:
            parts.setdefault((p.article_id, p.list_id, p.ordinal), []).append(p)
    tasks = []
    for (article_id, list_id, ordinal), ps in parts.items():
        first = ps[0]
        t = first.tasks
        tasks.append(Task(
            task_id=f"{list_id}:{ordinal}", passage_id=first.passage_id, article_id=article_id, title=first.title,
            date=first.date, list=first.list_label, ordinal=ordinal, text="".join(p.text for p in ps),
            lead=t.lead, partners=t.partners, deadline=t.deadline, deadline_text=t.deadline_text,
            status=status_of(t.deadline, today), list_id=list_id))
    return sorted(merge_versions(tasks, aliases or {}), key=_deadline_order)


def _bigrams(task: Task) -> set[str]:
    """The words of a task without what varies between versions of it: its units' names and its deadline."""
    text = task.text
    for name in (*task.lead, *task.partners, task.deadline_text or ""):
        if name:
            text = text.replace(name, " ")
    runs = _WORD_CHARS.findall(text)
    return {run[i:i + 2] for run in runs for i in range(len(run) - 1)}


def same_task(a: Task, b: Task, aliases: dict[str, str], grams: dict[str, set[str]]) -> bool:
    """Whether two tasks of different documents are versions of one: a lead unit in common and highly similar
    words (character-bigram Dice, or the shorter contained in the longer)."""
    if a.article_id == b.article_id or not a.lead or not b.lead:
        return False
    if not any(same_unit(x, y, aliases) and _level(x) == _level(y) for x in a.lead for y in b.lead):
        return False
    ga, gb = grams[a.task_id], grams[b.task_id]
    if not ga or not gb:
        return False
    shared = len(ga & gb)
    if 2 * shared / (len(ga) + len(gb)) >= SAME_TASK_DICE:
        return True
    shorter = min(len(ga), len(gb))
    return shorter >= MIN_CONTAINED_BIGRAMS and shared / shorter >= SAME_TASK_CONTAINED


def _level(unit: str) -> str:
    """县 of 县住建局, 区 of 区住建局: a county's bureau and a district's are not one unit."""
    return unit[0] if unit[:1] in "省市州县区镇乡" else ""


def merge_versions(tasks: list[Task], aliases: dict[str, str]) -> list[Task]:
    """The latest version of every task: in the order of their documents' dates, a task that is the same as an
    earlier one (`same_task`) replaces it, and keeps what it replaced as its changes. Documents without a date
    cannot be placed in time: their tasks stand alone."""
    grams = {t.task_id: _bigrams(t) for t in tasks}
    dated = sorted((t for t in tasks if t.date), key=lambda t: (t.date, t.article_id))
    latest: dict[str, Task] = {}  # current versions by task id, in date order
    by_unit: dict[str, set[str]] = {}  # a lead unit's every form → ids of current versions it leads
    order: dict[str, int] = {}  # the date order of versions
    for task in dated:
        forms = {f for unit in task.lead for f in unit_forms(unit, aliases)}
        candidates = sorted({i for f in forms for i in by_unit.get(f, ()) if i in latest}, key=order.get)
        match = next((latest[i] for i in candidates if latest[i].date < task.date
                      and same_task(latest[i], task, aliases, grams)), None)
        if match is not None:
            del latest[match.task_id]
            change = Change(match.task_id, match.deadline, match.deadline_text, match.text, match.title,
                            match.date, task.title, task.date)
            task = replace(task, changes=match.changes + (change,))
        latest[task.task_id] = task
        order[task.task_id] = len(order)
        for f in forms:
            by_unit.setdefault(f, set()).add(task.task_id)
    return list(latest.values()) + [t for t in tasks if not t.date]


def is_news(task: Task) -> bool:
    """Whether a task's latest version tells its unit something: a new task, a moved deadline, changed words (a
    corrected figure) — not a task restated word for word."""
    if not task.changes:
        return True
    last = task.changes[-1]
    return last.deadline != task.deadline or _words(last.text) != _words(task.text)


def _words(text: str) -> str:
    return "".join(_WORD_CHARS.findall(re.sub(r"^\s*\S{0,4}?[.．、]", "", text)))


def _deadline_order(task: Task) -> tuple:
    rank = 2 if not task.deadline else 1 if task.deadline == LONG_TERM else 0
    return rank, task.deadline or "", task.date or "", task.passage_id


def unit_matches(query: str, unit: str, aliases: dict[str, str]) -> bool:
    """"住建局" names 县住建局 and 区住建局; "县住建局" names 县住建局 and the full name the documents give it,
    not 区住建局; "每个乡镇" names 各乡镇."""
    wanted = as_written(query) | {full for short, full in aliases.items() if short == query} \
        | {short for short, full in aliases.items() if full == query}
    return bool(wanted & unit_forms(unit, aliases))


def select(tasks: list[Task], aliases: dict[str, str], unit: str | None = None, partners: bool = False,
           due_before: str | None = None, due_after: str | None = None, overdue: bool = False,
           long_term: bool = False) -> list[Task]:
    """The tasks a filter keeps: a unit leading them (or helping, with `partners`), a deadline on or before / on
    or after a date, past due, or standing ("长期")."""
    out = []
    for t in tasks:
        if unit:
            units = t.lead + (t.partners if partners else ())
            if not any(unit_matches(unit, u, aliases) for u in units):
                continue
        dated = bool(t.deadline) and t.deadline != LONG_TERM
        if due_before and not (dated and t.deadline <= due_before):
            continue
        if due_after and not (dated and t.deadline >= due_after):
            continue
        if overdue and t.status != "overdue":
            continue
        if long_term and t.status != "long_term":
            continue
        out.append(t)
    return out


def configured_aliases(entries: tuple[str, ...]) -> dict[str, str]:
    """The alias table of config.yaml ("县住建局=县住房和城乡建设局"): {short: full}."""
    aliases = {}
    for entry in entries:
        short, sep, full = entry.partition("=")
        if not sep or not short.strip() or not full.strip():
            raise UsageError(f"config: ledger.aliases needs entries like 县住建局=县住房和城乡建设局, not {entry!r}")
        aliases[short.strip()] = full.strip()
    return aliases


def declared_aliases(texts: list[str]) -> dict[str, str]:
    aliases: dict[str, str] = {}
    for text in texts:
        aliases.update(learn_aliases(text))
    return aliases


def published_tasks(points: list[Passage], alias_texts: list[str]) -> list[tuple[str, str]]:
    """The ledger as an index generation stores it (built at publish): (task id, JSON record) of every task's
    latest version, without a status (that depends on the day it is read)."""
    tasks = build_tasks(points, dt.date.min, declared_aliases(alias_texts))
    return [(t.task_id, json.dumps({k: v for k, v in t.record().items() if k != "status"} | {"list_id": t.list_id},
                                   ensure_ascii=False)) for t in tasks]


def task_of(record: str, today: dt.date) -> Task:
    """A stored ledger record as a Task, its status counted from `today`."""
    r = json.loads(record)
    changes = tuple(Change(**c) for c in r.pop("changes", ()))
    for key in ("lead", "partners"):
        r[key] = tuple(r[key])
    return Task(**r, changes=changes, status=status_of(r["deadline"], today))


def load_ledger(snapshot, config, today: dt.date) -> tuple[list[Task], dict[str, str]]:
    """Every task of an index as of `today` (latest versions, nearest deadline first, as published with the
    generation) and the unit aliases (declared by the documents, and configured)."""
    aliases = declared_aliases(read_alias_texts(snapshot.db)) | configured_aliases(config.ledger.aliases)
    tasks = [task_of(record, today) for record in snapshot.ledger_records()]
    return sorted(tasks, key=_deadline_order), aliases


def table_rows(tasks: list[Task]) -> list[list]:
    """The rows a 督查室 prints: 序号, 工作任务, 牵头单位, 配合单位, 完成时限, 来源."""
    return [[i, t.text, "、".join(t.lead), "、".join(t.partners), t.due, t.source] for i, t in enumerate(tasks, 1)]


def write_csv(tasks: list[Task], out) -> None:
    out.write("\ufeff")  # a UTF-8 BOM: Excel on Chinese Windows otherwise reads the file as GBK
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    writer.writerows([safe_cell(v) for v in row] for row in table_rows(tasks))


def write_xlsx(tasks: list[Task], path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    sheet = book.active
    sheet.title = "任务台账"
    sheet.append(COLUMNS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in table_rows(tasks):
        # a cell is text, never a formula (openpyxl would store "=…" as one)
        sheet.append([v if not isinstance(v, str) else safe_cell(v) for v in row])
    for i, width in enumerate(COLUMN_WIDTHS, 1):
        sheet.column_dimensions[get_column_letter(i)].width = width * 2 if i > 1 else width  # CJK: two widths
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    sheet.freeze_panes = "A2"
    book.save(path)


def format_tasks(tasks: list[Task]) -> str:
    lines = []
    for i, t in enumerate(tasks, 1):
        head = t.text.split("\n", 1)[0]
        head = head[:60] + ("…" if len(head) > 60 else "")
        lines.append(f"{i}. [{t.due or '无时限'}] {head}")
        lines.append(f"   牵头：{'、'.join(t.lead) or '-'}   配合：{'、'.join(t.partners) or '-'}   来源：{t.source}")
        if t.moved:
            lines.append(f"   {t.moved.note}")
    lines.append(f"{len(tasks)} task(s)")
    return "\n".join(lines)


def _date_arg(value: str | None, flag: str) -> str | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise UsageError(f"{flag} needs a date like 2024-06-30, not {value!r}") from exc


def register_cli(sub) -> None:
    from bot.clihelp import examples

    p = sub.add_parser(
        "tasks", help="the directive ledger: every indexed task (lead unit, partners, deadline)",
        description="Every directive point of the index that names a lead unit or a deadline, nearest deadline "
                    "first: what each unit must do, by when. A unit matches its short and full names.",
        epilog=examples("policybot tasks --unit 住建局", "policybot tasks --due-before 2024-06-30 --json",
                        "policybot tasks --overdue --xlsx 台账.xlsx"))
    p.add_argument("--unit", help="only tasks this unit leads (short or full name, e.g. 住建局)")
    p.add_argument("--partners", action="store_true", help="with --unit: also tasks the unit helps with")
    p.add_argument("--due-before", metavar="DATE", help="deadline on or before DATE (YYYY-MM-DD)")
    p.add_argument("--due-after", metavar="DATE", help="deadline on or after DATE (YYYY-MM-DD)")
    p.add_argument("--overdue", action="store_true", help="deadline passed (before --today)")
    p.add_argument("--long-term", action="store_true", help="standing tasks (长期)")
    p.add_argument("--today", metavar="DATE", help="the day statuses are counted from (default: today)")
    out = p.add_mutually_exclusive_group()
    out.add_argument("--json", action="store_true", help="print one JSON document")
    out.add_argument("--csv", metavar="FILE", help="write a CSV (UTF-8 with BOM; '-' for stdout)")
    out.add_argument("--xlsx", metavar="FILE", help="write a spreadsheet to print")
    p.set_defaults(func=_cmd_tasks)


def _cmd_tasks(args, config) -> int:
    from bot.index import open_snapshot
    from bot.output import print_json

    today = dt.date.fromisoformat(_date_arg(args.today, "--today")) if args.today else dt.date.today()
    due_before, due_after = _date_arg(args.due_before, "--due-before"), _date_arg(args.due_after, "--due-after")
    snap = open_snapshot(config.index)
    try:
        ledger, aliases = load_ledger(snap, config, today)
    finally:
        snap.close()
    tasks = select(ledger, aliases, args.unit and args.unit.strip(), args.partners,
                   due_before, due_after, args.overdue, args.long_term)
    if args.json:
        print_json({"tasks": [t.record() for t in tasks]}, indent=1)
    elif args.csv == "-":
        write_csv(tasks, sys.stdout)
    elif args.csv:
        with open(args.csv, "w", encoding="utf-8", newline="") as f:
            write_csv(tasks, f)
        print(f"{len(tasks)} task(s) written to {args.csv}", file=sys.stderr)
    elif args.xlsx:
        write_xlsx(tasks, Path(args.xlsx))
        print(f"{len(tasks)} task(s) written to {args.xlsx}", file=sys.stderr)
    else:
        print(format_tasks(tasks))
    return 0
