"""`policybot inspect`: how bulletins are understood — articles, dates, speakers, lists, noise — without indexing.

Admins run it before adding a bulletin; the bot's upload confirmation shows the same summary.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import Config
from bot.errors import PolicyBotError

from bot.records import Article, NumberedList, Passage, Tasks
from bot.textutil import as_written

if TYPE_CHECKING:  # (the parsing stack is imported when a file is inspected, not when the CLI starts)
    from bot.pipeline import ParsedBulletin

PREVIEW_CHARS = 16


def article_record(article: Article, passages: list[Passage], lists: list[NumberedList]) -> dict:
    """One article as inspect reports it; `points` hold each point's full text and its tasks (or null)."""
    points: dict[str, dict[int, dict]] = {}
    for p in passages:
        if p.kind == "point" and p.list_id and p.ordinal:
            by_ordinal = points.setdefault(p.list_id, {})
            point = by_ordinal.setdefault(p.ordinal, {"text": "", "tasks": tasks_record(p.tasks)})
            point["text"] += p.text  # a long point's parts are one point
    place = {nl.list_id: k for k, nl in enumerate(lists)}
    # People are read in simplified characters (so one person is one name across an archive); shown here as the
    # bulletin writes them, like its title and points ("周啟航" in a traditional bulletin).
    written = "\n".join((article.title, article.byline or "", article.text))

    def named(person: str | None) -> str | None:
        return as_written(person, written) if person else person

    return {
        "title": article.title,
        "date": article.date,
        "date_source": article.date_source,
        "speakers": [named(p) for p in article.speakers],
        "lists": [
            {
                "label": nl.label,
                "speaker": named(nl.speaker),
                "numbered": nl.numbered,
                "style": nl.style,
                "size": nl.size,
                "lead": nl.lead,
                # the point holding a sub-list: its list's place in "lists" (from 0) and its number (from 1)
                "within": {"list": place[nl.parent], "point": nl.parent_point} if nl.parent in place else None,
                "first": nl.first,  # the number its first point is printed with (numbering run on: 4 for 4.…6.)
                "points": [point for _, point in sorted(points.get(nl.list_id, {}).items())],
            }
            for nl in lists
        ],
        "passages": sum(1 for p in passages if p.kind != "outline"),
        "dropped_lines": list(article.dropped),
    }


def tasks_record(tasks: Tasks | None) -> dict | None:
    """A point's tasks as JSON: lead and partner units, the deadline (ISO date, "长期" or null) as normalised and as written."""
    if not tasks:
        return None
    return {"lead": list(tasks.lead), "partners": list(tasks.partners), "deadline": tasks.deadline,
            "deadline_text": tasks.deadline_text}


def inspect_files(paths: list[Path], config: Config) -> dict:
    """Every file's understanding, read exactly as `policybot add` reads it; a file that can't be read
    carries its `error` instead of articles."""
    from bot.pipeline import ParseSettings, parse_bulletin  # the one parsing path: what inspect shows is what add indexes

    files = []
    for path in paths:
        fmt = path.suffix.lstrip(".").lower()
        try:
            parsed = parse_bulletin(path.read_bytes(), path.name, ParseSettings.of(config))
        except PolicyBotError as exc:
            files.append({"file": path.name, "format": fmt, "encoding": None, "articles": [], "error": exc.message})
            continue
        except OSError as exc:
            files.append({"file": path.name, "format": fmt, "encoding": None, "articles": [],
                          "error": f"无法读取文件：{exc.strerror}"})
            continue
        files.append(file_record(parsed))
    return {"files": files}


def file_record(parsed: ParsedBulletin) -> dict:
    """One parsed file as inspect reports it (the bot's upload reply shows what `add` parsed this way)."""
    return {
        "file": parsed.file,
        "format": parsed.format,
        "encoding": parsed.encoding,
        "articles": [article_record(a, *parsed.passages[a.article_id]) for a in parsed.articles],
    }


def _preview(text: str, n: int = PREVIEW_CHARS) -> str:
    flat = "".join(text.split())
    return flat[:n] + ("…" if len(flat) > n else "")


def _tasks_note(tasks: dict | None) -> str:
    if not tasks:
        return ""
    parts = [f"牵头 {'、'.join(tasks['lead'])}" if tasks["lead"] else "",
             f"配合 {'、'.join(tasks['partners'])}" if tasks["partners"] else "",
             f"时限 {tasks['deadline'] or tasks['deadline_text']}" if tasks["deadline"] or tasks["deadline_text"] else ""]
    return "   [" + "；".join(p for p in parts if p) + "]"


def format_inspection(report: dict) -> str:
    """The readable view: one block per article, each list with the first characters of its points."""
    out: list[str] = []
    for f in report["files"]:
        out.append(f"{f['file']} ({f['format']}, {f.get('encoding') or '-'})")
        if f.get("error"):
            out.append(f"  not readable: {f['error']}")
            continue
        for i, a in enumerate(f["articles"], 1):
            out.append(f"  [{i}] {a['title']}")
            out.append(f"      date: {a['date'] or 'unknown'} ({a['date_source']})"
                       f"   speakers: {'、'.join(a['speakers']) or '-'}   passages: {a['passages']}")
            for nl in a["lists"]:
                kind = "numbered" if nl["numbered"] else "unnumbered"
                held = nl.get("within")
                under = f", under point {held['point']} of 「{a['lists'][held['list']]['label']}」" if held else ""
                out.append(f"      list 「{nl['label']}」 {nl['size']} points, {kind}{under}, speaker: {nl['speaker'] or '-'}")
                for j, point in enumerate(nl["points"], 1):
                    out.append(f"        {j}. {_preview(point['text'])}{_tasks_note(point['tasks'])}")
            if a["dropped_lines"]:
                out.append(f"      dropped as noise: {len(a['dropped_lines'])} line(s): "
                           + " | ".join(_preview(x, 20) for x in a["dropped_lines"][:6])
                           + (" …" if len(a["dropped_lines"]) > 6 else ""))
        if not f["articles"]:
            out.append("  no article found")
    return "\n".join(out)


def register_cli(sub) -> None:
    from bot.clihelp import examples

    p = sub.add_parser(
        "inspect", help="show how bulletins are understood (articles, dates, lists), without indexing",
        description="How each bulletin is read: its articles (title, date and where the date came from, speakers), "
                    "numbered and unnumbered lists, and the page-noise lines dropped. Nothing is indexed.",
        epilog=examples("policybot inspect bulletin.txt", "policybot inspect --json eval/archive/corpus/*"))
    p.add_argument("files", nargs="+", help="bulletin files (any format bot/load.py READERS reads; another is refused with the list)")
    p.add_argument("--json", action="store_true", help="print one JSON document")
    p.set_defaults(func=_cmd_inspect)


def _cmd_inspect(args, config: Config) -> int:
    paths = [Path(f) for f in args.files]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise PolicyBotError(f"file not found: {', '.join(missing)}")
    from bot.output import print_json  # one JSON writer for every command (schema_version, separators)

    report = inspect_files(paths, config)
    if args.json:
        print_json(report, indent=1)
    else:
        print(format_inspection(report))
    return 1 if any(f.get("error") for f in report["files"]) else 0

