"""The `policybot` command line: a thin layer over ingest, search, render and evaluate."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

from bot.config import Config, load_config
from bot.errors import PolicyBotError, QuestionError, UsageError
from bot.output import Printable, document, print_json, strip_controls  # noqa: F401 (re-exported)

log = logging.getLogger("policybot")

def _progress_bar():
    """A tqdm bar per stage, on stderr so JSON on stdout stays clean."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}
    labels = {"read": "reading bulletins", "embed": "embedding passages"}

    def update(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            bar = bars[stage] = tqdm(total=total, desc=labels.get(stage, stage), unit="", file=sys.stderr, leave=False)
        bar.total = total
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return update


def _embedder(config: Config):
    from bot.embed import Embedder

    return Embedder(config.model)


def _searcher(config: Config):
    embedder = _embedder(config)
    if (config.index / "CURRENT").is_file():
        # Start loading the model (seconds of imports) before importing the search stack (jieba,
        # faiss), so that the two overlap instead of adding up.
        embedder.preload()
    from bot.search import Searcher

    return Searcher(config, embedder)


def print_report(report, out=None) -> None:
    """What a sync did: added / replaced / unchanged / removed, with counts."""
    out = out or sys.stdout
    def line(label: str, items: list) -> None:
        if items:
            print(f"  {label}: {len(items)}  ({', '.join(map(str, items[:6]))}{' …' if len(items) > 6 else ''})", file=out)

    line("files added", report.files_added)
    line("files replaced", report.files_replaced)
    line("files unchanged", report.files_unchanged)
    line("files removed", report.files_removed)
    line("articles added", report.articles_added)
    line("articles replaced", report.articles_replaced)
    line("articles removed", report.articles_removed)
    for title, old, new in report.superseded:
        print(f"  corrected article replaces the old one: 《{title}》 ({old} → {new})", file=out)
    for file, title in report.duplicates:
        print(f"  already indexed, nothing added: {file} — {title}", file=out)
    for warning in report.warnings:
        print(f"  warning: {warning}", file=out)
    for file, message in report.errors:
        print(f"  not indexed: {file} — {message}", file=out)
    if report.lists:
        print("  numbered lists: " + ", ".join(f"{label} ({size})" for label, size in report.lists), file=out)
    if report.changed:
        print(f"  passages: +{report.passages_added} / -{report.passages_removed} "
              f"(embedded {report.embedded}, from cache {report.cached})", file=out)
    m = report.manifest
    if m:
        state = "updated" if report.changed else "unchanged"
        print(f"index {state}: {m.bulletins} bulletins, {m.articles} articles, {m.passages} passages "
              f"(model {m.model}, generation {m.generation})", file=out)
    elif not report.changed:
        print("nothing changed", file=out)


def cmd_index(args, config: Config) -> int:
    from bot.ingest import sync

    report = sync(config, _embedder(config), rebuild=args.rebuild, progress=_progress_bar(), wait_seconds=args.wait)
    print_report(report)
    return 1 if report.errors else 0  # the index is in step with every file that could be read


def cmd_add(args, config: Config) -> int:
    from bot.ingest import add_files

    from bot.ingest import corpus_name

    report = add_files(config, _embedder(config), [Path(f) for f in args.files], progress=_progress_bar(),
                       wait_seconds=args.wait)
    print_report(report)
    given = {Path(f).name for f in args.files} | {corpus_name(f) for f in args.files}
    return 1 if any(file in given for file, _ in report.errors) else 0  # a bad file already in corpus/ is
    # reported, but does not make this add a failure


def cmd_remove(args, config: Config) -> int:
    from bot.ingest import remove_bulletin

    report = remove_bulletin(config, _embedder(config), args.ident, progress=_progress_bar(), wait_seconds=args.wait)
    print_report(report)
    return 1 if report.errors else 0


def ensure_index(config: Config) -> None:
    """Build the index when it is missing, and rebuild it when an earlier version of policybot wrote
    it (what `make run` relies on after an upgrade; passages already embedded come from the cache)."""
    from bot.index import INDEX_VERSION, current_generation, stored_version
    from bot.ingest import sync

    if current_generation(config.index) is None:
        print("index not found: building it now …", file=sys.stderr)
        print_report(sync(config, _embedder(config), progress=_progress_bar()), out=sys.stderr)
    elif (version := stored_version(config.index)) not in (INDEX_VERSION, None):
        print(f"the index was written by another version of policybot ({version}, now {INDEX_VERSION}): "
              "rebuilding it …", file=sys.stderr)
        print_report(sync(config, _embedder(config), rebuild=True, progress=_progress_bar()), out=sys.stderr)


def _questions(args) -> list[str]:
    questions = list(args.question or [])
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyBotError(f"cannot read questions file {args.file}: {exc}") from exc
        # One question a line, and a line ends at \n only: str.splitlines() would also split on
        # U+2028, U+0085 and form feeds inside a question, giving more records than lines.
        questions += [line.strip() for line in text.split("\n") if line.strip()]
    if not questions:
        raise UsageError("give a question, or --file FILE with one question a line")
    return [" ".join(questions)] if args.question and not args.file and len(args.question) > 1 else questions


def _refusal_record(question: str, message: str) -> dict:
    """A question refused before search (too long, empty …), in the shape of render.answer_record."""
    return {"query": question, "answered": False, "results": [], "message": message, "related": []}


def cmd_query(args, config: Config) -> int:
    if args.k is not None and not 1 <= args.k <= 100:
        raise UsageError(f"-k takes a number of results from 1 to 100, not {args.k}")
    questions = _questions(args)
    searcher = _searcher(config)
    from bot.conversation import answer_each  # (imports the search stack: after the model load starts)
    from bot.render import answer_record, console_text
    batch = 64
    for i in range(0, len(questions), batch):
        chunk = questions[i : i + batch]
        try:
            answers = answer_each(searcher, chunk, args.k)  # small talk is told apart before search
        except QuestionError:
            answers = [_safe_search(searcher, q, args.k) for q in chunk]
        for q, answer in zip(chunk, answers):
            if isinstance(answer, QuestionError):
                if args.json:
                    print_json(_refusal_record(q, answer.message))
                else:
                    print(f"问：{q}\n{answer.message}\n")
                continue
            if args.json:
                print_json(answer_record(answer))
            else:
                print(f"问：{q}\n{console_text(answer, show=args.k or config.search.top_k)}\n")
    return 0


def _safe_search(searcher, q: str, k: int | None):
    from bot.conversation import answer_each

    try:
        return answer_each(searcher, [q], k)[0]
    except QuestionError as exc:
        return exc


def cmd_eval(args, config: Config) -> int:
    from bot.evaluate import evaluate, load_cases

    if not 1 <= args.k <= 100:
        raise UsageError(f"-k takes a number of results from 1 to 100, not {args.k}")
    cases = load_cases(Path(args.file))
    k = args.k
    searcher = _searcher(config)
    from bot.conversation import answer_each

    answers = answer_each(searcher, [c.q for c in cases], k)  # as `query` answers them, small talk included
    report = evaluate(cases, answers, k)
    summary = report.summary()
    if args.report:
        from bot.report import write_report

        path = write_report(report, Path(args.report), bench_file=args.bench)
        print(f"report written: {path}", file=sys.stderr)
    if args.json:
        print_json(summary, indent=2)
        return 0
    print(f"questions: {summary['questions']}  (k = {k})")
    print(f"hit@1 {summary['hit@1']:.3f}   hit@3 {summary['hit@3']:.3f}   hit@5 {summary['hit@5']:.3f}   "
          f"MRR {summary['mrr']:.3f}")
    print(f"off-topic rejected: {summary['offtopic_rejected']}/{summary['offtopic_questions']}")
    print(f"median characters read: {summary['median_chars_read']}")
    print("hit@3 by kind: " + ", ".join(f"{k_} {v:.2f}" for k_, v in summary["hit@3_by_kind"].items()))
    if summary["misses"]:
        print("misses:")
        for m in summary["misses"]:
            where = f"rank {m['found_rank']}" if m["found_rank"] else ("answered" if m["answered"] else "not answered")
            print(f"  {m['id']} [{m['kind']}] {m['q']} — {where}; top: {m['top']}")
    else:
        print("misses: none")
    return 0


def sources_record(snap) -> dict:
    """What is indexed: bulletins, their articles (with their numbered lists) and the manifest.
    An article's `passages` counts its searchable passages, so they sum to the manifest's count."""
    lists: dict[str, list[dict]] = {}
    for nl in snap.lists.values():
        lists.setdefault(nl.article_id, []).append({"list_id": nl.list_id, "label": nl.label, "size": nl.size})
    bulletins = [{**b, "article_ids": json.loads(b["article_ids"] or "[]")} for b in snap.bulletins()]
    articles = [{**a, "lists": lists.get(a["article_id"], [])} for a in snap.articles()]
    return {"bulletins": bulletins, "articles": articles, "manifest": snap.manifest.__dict__}


def cmd_sources(args, config: Config) -> int:
    from bot.index import open_snapshot

    snap = open_snapshot(config.index)
    try:
        record = sources_record(snap)
    finally:
        snap.close()
    if args.json:
        print_json(record, indent=2)
        return 0
    for b in record["bulletins"]:
        print(f"{b['file']}  ({b['format']}, {b['encoding']}, added {b['added_at']})")
        for a in (a for a in record["articles"] if a["file"] == b["file"]):
            print(f"  [{a['article_id']}] {a['date_text'] or '日期不详'}  《{a['title']}》  {a['passages']} passages"
                  + (f"  speakers: {'、'.join(a['speakers'])}" if a["speakers"] else ""))
    m = record["manifest"]
    print(f"total: {m['bulletins']} bulletins, {m['articles']} articles, {m['passages']} searchable passages; "
          f"model {m['model']}")
    return 0


def cmd_chat(args, config: Config) -> int:
    from bot.chat import console_chat

    ensure_index(config)
    return console_chat(config, _searcher(config), interactive=sys.stdin.isatty())


def cmd_run(args, config: Config) -> int:
    token = os.environ.get(config.telegram.token_env, "").strip()
    if not token:
        print(f"No Telegram token in ${config.telegram.token_env}: starting the console chat. "
              f"To connect Telegram, export {config.telegram.token_env}=<token from @BotFather> and run again.",
              file=sys.stderr)
        return cmd_chat(args, config)
    from telegram.error import NetworkError

    from bot.telegram import run_bot

    ensure_index(config)
    try:
        return run_bot(config, token)
    except NetworkError as exc:
        where = config.telegram.base_url or "api.telegram.org"
        raise PolicyBotError(f"cannot reach Telegram at {where} ({exc.message}); check the network "
                             "(or telegram.base_url) and run again") from exc


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policybot", description="Policy Q&A over district bulletins.")
    parser.add_argument("--config", help="config file (default ./config.yaml or $POLICYBOT_CONFIG)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr")
    # --config is accepted after the subcommand too (`policybot query --config X …`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default=argparse.SUPPRESS, help="config file")
    sub = parser.add_subparsers(dest="command", required=True)
    original_add = sub.add_parser

    def add_parser(name, **kwargs):
        return original_add(name, parents=[common, *kwargs.pop("parents", [])], **kwargs)

    sub.add_parser = add_parser  # type: ignore[method-assign]

    p = sub.add_parser("index", help="sync the index with corpus/ (or rebuild it)")
    p.add_argument("--rebuild", action="store_true", help="start from nothing")
    p.add_argument("--wait", type=float, default=0, help="seconds to wait for another running change")
    p.set_defaults(func=cmd_index)

    p = sub.add_parser("add", help="copy bulletins into corpus/ and index what is new")
    p.add_argument("files", nargs="+")
    p.add_argument("--wait", type=float, default=0)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser("remove", help="remove a bulletin (file name or article id)")
    p.add_argument("ident")
    p.add_argument("--wait", type=float, default=0)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("query", help="ask questions")
    p.add_argument("question", nargs="*")
    p.add_argument("-k", type=int, default=None, help="results per question (1-100)")
    p.add_argument("--json", action="store_true", help="print one JSON document a question, one a line")
    p.add_argument("--file", help="questions, one a line (lines end at \\n only)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("eval", help="score an evaluation file")
    p.add_argument("file")
    p.add_argument("-k", type=int, default=5, help="results scored per question (1-100)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--report", help="write DIR/report.html with charts")
    p.add_argument("--bench", help="bench JSON to include in the report")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("sources", help="bulletins and articles indexed")
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser("chat", help="console Q&A, as the bot answers")
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser("run", help="the Telegram bot with a token, else the console chat")
    p.set_defaults(func=cmd_run)

    for register in _extensions():
        register(sub)
    return parser


def _extensions():
    """Subcommands that live in their own modules (bench, log), registered if present."""
    out = []
    for module in ("bot.bench", "bot.qlog", "bot.inspection"):
        try:
            mod = __import__(module, fromlist=["register_cli"])
        except ImportError:
            continue
        if hasattr(mod, "register_cli"):
            out.append(mod.register_cli)
    return out


def main(argv: list[str] | None = None) -> int:
    """Exit status: 0 done, 1 failed (with a one-line reason), 2 wrong usage, 130 interrupted."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = Printable(stdout), Printable(stderr)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = stdout, stderr


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        config = load_config(args.config)
        return int(args.func(args, config) or 0)
    except UsageError as exc:
        print(f"policybot: {exc.message}", file=sys.stderr)
        return 2
    except PolicyBotError as exc:
        print(f"policybot: {exc.message}", file=sys.stderr)
        return 1
    except sqlite3.DatabaseError as exc:
        # Pages damaged past what opening the index checks, met while answering.
        from bot.index import damaged

        log.debug("database error", exc_info=True)
        print(f"policybot: {damaged(exc).message}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
    except OSError as exc:  # a report folder, --out file or data folder that cannot be written or read
        where = f" {exc.filename}" if getattr(exc, "filename", None) else ""
        log.debug("file error", exc_info=True)
        print(f"policybot: cannot use{where}: {exc.strerror or exc}", file=sys.stderr)
        return 1
