"""The `policybot` command line: a thin layer over ingest, search, render and evaluate."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from bot.config import Config, load_config
from bot.errors import PolicyBotError, QuestionError

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
    for file, title in report.duplicates:
        print(f"  already indexed, nothing added: {file} — {title}", file=out)
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
    return 1 if report.errors and not report.changed and not report.files_unchanged else 0


def cmd_add(args, config: Config) -> int:
    from bot.ingest import add_files

    report = add_files(config, _embedder(config), [Path(f) for f in args.files], progress=_progress_bar(),
                       wait_seconds=args.wait)
    print_report(report)
    return 1 if report.errors else 0


def cmd_remove(args, config: Config) -> int:
    from bot.ingest import remove_bulletin

    report = remove_bulletin(config, _embedder(config), args.ident, progress=_progress_bar(), wait_seconds=args.wait)
    print_report(report)
    return 0


def ensure_index(config: Config) -> None:
    """Build the index when it is missing (what `make run` relies on)."""
    from bot.index import current_generation
    from bot.ingest import sync

    if current_generation(config.index) is None:
        print("index not found: building it now …", file=sys.stderr)
        print_report(sync(config, _embedder(config), progress=_progress_bar()), out=sys.stderr)


def _questions(args) -> list[str]:
    questions = list(args.question or [])
    if args.file:
        try:
            text = Path(args.file).read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise PolicyBotError(f"cannot read questions file {args.file}: {exc}") from exc
        questions += [line.strip() for line in text.splitlines() if line.strip()]
    if not questions:
        raise PolicyBotError("give a question, or --file FILE with one question a line")
    return [" ".join(questions)] if args.question and not args.file and len(args.question) > 1 else questions


def cmd_query(args, config: Config) -> int:
    from bot.render import answer_record, console_text

    searcher = _searcher(config)
    questions = _questions(args)
    batch = 64
    for i in range(0, len(questions), batch):
        chunk = questions[i : i + batch]
        try:
            answers = searcher.search_many(chunk, args.k)
        except QuestionError:
            answers = [_safe_search(searcher, q, args.k) for q in chunk]
        for q, answer in zip(chunk, answers):
            if isinstance(answer, QuestionError):
                if args.json:
                    print(json.dumps({"query": q, "answered": False, "results": [], "message": answer.message},
                                     ensure_ascii=False))
                else:
                    print(f"问：{q}\n{answer.message}\n")
                continue
            if args.json:
                print(json.dumps(answer_record(answer), ensure_ascii=False))
            else:
                print(f"问：{q}\n{console_text(answer, show=args.k or config.search.top_k)}\n")
    return 0


def _safe_search(searcher, q: str, k: int | None):
    try:
        return searcher.search(q, k)
    except QuestionError as exc:
        return exc


def cmd_eval(args, config: Config) -> int:
    from bot.evaluate import evaluate, load_cases

    cases = load_cases(Path(args.file))
    k = args.k or 5
    searcher = _searcher(config)
    answers = searcher.search_many([c.q for c in cases], k)
    report = evaluate(cases, answers, k)
    summary = report.summary()
    if args.report:
        from bot.report import write_report

        path = write_report(report, Path(args.report), bench_file=args.bench)
        print(f"report written: {path}", file=sys.stderr)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    print(f"questions: {summary['questions']}  (k = {k})")
    print(f"hit@1 {summary['hit@1']:.3f}   hit@3 {summary['hit@3']:.3f}   hit@5 {summary['hit@5']:.3f}   "
          f"MRR {summary['mrr']:.3f}")
    print(f"off-topic rejected: {summary['offtopic_rejected']}")
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


def cmd_sources(args, config: Config) -> int:
    from bot.index import open_snapshot

    snap = open_snapshot(config.index)
    bulletins = snap.bulletins()
    articles = snap.articles()
    if args.json:
        print(json.dumps({"bulletins": bulletins, "articles": articles, "manifest": snap.manifest.__dict__},
                         ensure_ascii=False, indent=2))
        return 0
    for b in bulletins:
        print(f"{b['file']}  ({b['format']}, {b['encoding']}, added {b['added_at']})")
        for a in (a for a in articles if a["file"] == b["file"]):
            print(f"  [{a['article_id']}] {a['date_text'] or '日期不详'}  《{a['title']}》  {a['passages']} passages"
                  + (f"  speakers: {'、'.join(a['speakers'])}" if a["speakers"] else ""))
    m = snap.manifest
    print(f"total: {m.bulletins} bulletins, {m.articles} articles, {m.passages} searchable passages; model {m.model}")
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
    from bot.telegram_bot import run_bot

    ensure_index(config)
    return run_bot(config, token)


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
    p.add_argument("-k", type=int, default=None, help="results per question")
    p.add_argument("--json", action="store_true", help="one JSON object a line")
    p.add_argument("--file", help="questions, one a line")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("eval", help="score an evaluation file")
    p.add_argument("file")
    p.add_argument("-k", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p.add_argument("--report", help="write DIR/report.html with charts")
    p.add_argument("--bench", help="bench JSON to include in the report")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser("sources", help="bulletins and articles indexed")
    p.add_argument("--json", action="store_true")
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
    for module in ("bot.bench", "bot.qlog"):
        try:
            mod = __import__(module, fromlist=["register_cli"])
        except ImportError:
            continue
        if hasattr(mod, "register_cli"):
            out.append(mod.register_cli)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        config = load_config(args.config)
        return int(args.func(args, config) or 0)
    except PolicyBotError as exc:
        print(f"policybot: {exc.message}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
