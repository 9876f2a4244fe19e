"""The `policybot` command line: a thin layer over ingest, search, render and evaluate."""

from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import os
import sqlite3
import sys
from pathlib import Path

from bot.config import Config, load_config
from bot.errors import PolicyBotError, QuestionError, UsageError
from bot.clihelp import HelpFormatter, examples, wrapped
from bot.output import Printable, document, print_json, strip_controls  # noqa: F401 (re-exported)

log = logging.getLogger("policybot")

def _progress_bar():
    """A tqdm bar per stage, on stderr so JSON on stdout stays clean. The bar is advanced by what was done
    since the last call, so its rate is the true one (setting its count directly made tqdm report
    rates like 45/45 [8987794.29/s])."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}
    labels = {"read": ("reading bulletins", "file"), "embed": ("embedding passages", "passage")}

    def update(stage: str, done: int, total: int) -> None:
        bar = bars.get(stage)
        if bar is None:
            desc, unit = labels.get(stage, (stage, "it"))
            bar = bars[stage] = tqdm(total=total, desc=desc, unit=f" {unit}s", file=sys.stderr, leave=False,
                                     smoothing=0, mininterval=0.5)
        bar.total = total
        if done > bar.n:
            bar.update(done - bar.n)
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
    for title, date in report.dates_set:
        print(f"  date set: 《{title}》 {date}", file=out)
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


def cmd_set_date(args, config: Config) -> int:
    from bot.ingest import set_date

    report = set_date(config, _embedder(config), args.article_id, args.date, progress=_progress_bar(),
                      wait_seconds=args.wait)
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
        print_report(sync(config, _embedder(config), progress=_progress_bar()), out=sys.stderr)


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
    if args.file is None or Path(args.file).is_dir():
        return _eval_sets(args, config)
    if args.bench and not args.report:
        raise UsageError("--bench goes with --report DIR (the bench figures are shown in the report)")
    cases = load_cases(Path(args.file))
    k = args.k
    searcher = _searcher(config)
    from bot.conversation import answer_each

    answers = answer_each(searcher, [c.q for c in cases], k)  # as `query` answers them, small talk included
    report = evaluate(cases, answers, k)
    summary = report.summary()
    if args.report:
        from bot.evalsets import ledger_of
        from bot.report import write_report

        report.tasks = ledger_of(searcher.snapshot, config)
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
    _print_misses(summary["not_first"])
    return 0


def _print_misses(misses: list[dict], indent: str = "") -> None:
    if not misses:
        print(f"{indent}not answered first: none")
        return
    print(f"{indent}not answered first ({len(misses)}):")
    for m in misses:
        where = f"rank {m['found_rank']}" if m["found_rank"] else ("answered" if m["answered"] else "not answered")
        print(f"{indent}  {m['id']} [{m['kind']}] {m['q']} — {where}; top: {m['top']}")


def _shown(path: Path) -> str:
    """A path relative to the working folder when it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _eval_sets(args, config: Config) -> int:
    """Every bundled set (or the one folder given: eval.yaml + corpus/), each on a temporary index."""
    from bot.evalsets import bundled_sets, evaluate_set, folder_set
    from bot.targets import QUALITY, quality_figures

    sets = bundled_sets() if args.file is None else [folder_set(Path(args.file))]
    embedder = _embedder(config)
    summaries: dict[str, dict] = {}
    for evalset in sets:
        print(f"evaluating {evalset.name}: {len(evalset.bulletins)} bulletins, {_shown(evalset.questions)}",
              file=sys.stderr)
        report = evaluate_set(config, embedder, evalset, args.k)
        summaries[evalset.name] = report.summary()
        if args.report:
            from bot.report import write_report

            path = write_report(report, Path(args.report) / evalset.name, bench_file=args.bench,
                                title=f"policybot evaluation: {evalset.name}")
            print(f"report written: {path}", file=sys.stderr)
    if args.json:
        print_json({"k": args.k, "sets": summaries}, indent=2)
        return 0
    head = ["set", "questions", "hit@1", "hit@3", "hit@5", "MRR", "off-topic refused", "median chars", "not first"]
    rows = [[name, s["questions"], f"{s['hit@1']:.3f}", f"{s['hit@3']:.3f}", f"{s['hit@5']:.3f}", f"{s['mrr']:.3f}",
             f"{s['offtopic_rejected']}/{s['offtopic_questions']}", f"{s['median_chars_read']:g}"
             if s["median_chars_read"] is not None else "-", len(s["not_first"])] for name, s in summaries.items()]
    rows.append(["target", "", QUALITY["hit@1"].text, QUALITY["hit@3"].text, "", "",
                 QUALITY['offtopic_share'].text, QUALITY["median_chars_read"].text, ""])
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]
    print(f"k = {args.k}; every set indexed from a temporary copy of its bulletins")
    for r in [head, *rows]:
        print("  ".join(str(x).ljust(w) for x, w in zip(r, widths)).rstrip())
    for name, s in summaries.items():
        short = [t.label for key, t in QUALITY.items() if t.met(quality_figures(s)[key]) is False]
        print(f"\n{name}: " + ("every target met" if not short else "short of: " + "; ".join(short)))
        _print_misses(s["not_first"], indent="  ")
    return 0


def cmd_calibrate(args, config: Config) -> int:
    """The answer decision's constants: leave-one-set-out over the bundled sets and any set folders given."""
    import tempfile

    from bot import calibrate
    from bot.evaluate import load_cases
    from bot.evalsets import bundled_sets, folder_set, indexed

    sets = bundled_sets() + [folder_set(Path(f)) for f in args.sets]
    names = [s.name for s in sets]
    if len(set(names)) != len(names):
        raise UsageError(f"two sets have the same name: {', '.join(names)} (name the folders apart)")
    embedder = _embedder(config)
    start = calibrate.configured_values(config.search)
    with tempfile.TemporaryDirectory(prefix="policybot-calibrate-") as tmp:
        work = Path(args.work) if args.work else Path(tmp)
        searchers = {}
        for s in sets:
            print(f"indexing {s.name}: {len(s.bulletins)} bulletins", file=sys.stderr)
            searchers[s.name] = (indexed(config, embedder, s, work / s.name), load_cases(s.questions))
        score = calibrate.search_scorer(searchers, args.k)
        folds = calibrate.leave_one_set_out(score, names, start)
        fitted = calibrate.fit(score, names, start)
        on_all = score(calibrate.params_of(fitted))
    record = {"k": args.k, "configured": start, "fitted_on_all": fitted,
              "sets": {f.held_out: {"configured": dataclasses.asdict(f.configured), "held_out": dataclasses.asdict(
                  f.score), "fitted_without_it": f.params, "fitted_on_all": dataclasses.asdict(on_all[f.held_out])}
                       for f in folds},
              "worst_held_out": calibrate.worst(folds).held_out}
    if args.json:
        print_json(record, indent=2)
        return 0

    def fig(s) -> str:
        return f"{s.hit1:.3f} {s.rejected}/{s.negatives} ({s.refused})"

    head = ["set", "configured", "left out of the fit", "fitted on all"]
    rows = [[f.held_out, fig(f.configured), fig(f.score), fig(on_all[f.held_out])] for f in folds]
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    print(f"k = {args.k}; each figure: hit@1, near misses refused, (answerable refused)")
    for r in [head, *rows]:
        print("  ".join(x.ljust(w) for x, w in zip(r, widths)).rstrip())
    w = calibrate.worst(folds)
    print(f"\nworst set left out of the fit: {w.held_out} ({fig(w.score)})")
    print("\nfitted on every set (search: in config.yaml):")
    for name, value in fitted.items():
        mark = "" if value == start[name] else f"   # configured {start[name]:g}"
        print(f"  {name}: {value:g}{mark}")
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
    parser = argparse.ArgumentParser(
        prog="policybot", formatter_class=HelpFormatter,
        description=wrapped("Answer officials' questions with the directive passages of district bulletins: ask, "
                             "add and remove bulletins, see how they are understood, run the Telegram bot, measure "
                             "quality and speed."),
        epilog=examples("policybot query \"第三个聚力是什么\"", "policybot add bulletin.docx",
                        "policybot run                      # the bot with $TELEGRAM_BOT_TOKEN, else the console chat",
                        "policybot COMMAND --help           # a command's options, defaults and examples"))
    parser.add_argument("--config", help="config file (default: ./config.yaml, or $POLICYBOT_CONFIG)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log details to stderr (uploads, digests, errors)")
    from bot import __version__

    parser.add_argument("--version", action="version", version=f"policybot {__version__}")
    # --config is accepted after the subcommand too (`policybot query --config X …`).
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default=argparse.SUPPRESS,
                        help="config file (default: ./config.yaml, or $POLICYBOT_CONFIG)")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    original_add = sub.add_parser

    def add_parser(name, **kwargs):
        kwargs["description"] = wrapped(kwargs.get("description") or kwargs.get("help"))
        return original_add(name, parents=[common, *kwargs.pop("parents", [])], formatter_class=HelpFormatter,
                            **kwargs)

    sub.add_parser = add_parser  # type: ignore[method-assign]
    wait_help = "seconds to wait while another add/remove/index runs (0: refuse at once)"

    p = sub.add_parser(
        "index", help="sync the index with corpus/ (or rebuild it from nothing)",
        description="Bring the index in step with the bulletins in corpus/: new and changed files are indexed, "
                    "removed ones dropped. Passages embedded before come from the embedding cache.",
        epilog=examples("policybot index              # also after an upgrade", "policybot index --rebuild    # a damaged index"))
    p.add_argument("--rebuild", action="store_true", help="start from nothing (the embedding cache is kept)")
    p.add_argument("--wait", type=float, default=0, help=wait_help)
    p.set_defaults(func=cmd_index)

    p = sub.add_parser(
        "add", help="copy bulletins into corpus/ and index what is new",
        description="Add bulletins (.txt .md .html .docx): all or nothing. Duplicates are skipped, a corrected "
                    "article (same title and date) replaces the old one; the report says how each was understood.",
        epilog=examples("policybot add 2024-03-05_招商推进会.txt", "policybot add downloads/*.docx --wait 60"))
    p.add_argument("files", nargs="+", metavar="FILE", help="bulletin files")
    p.add_argument("--wait", type=float, default=0, help=wait_help)
    p.set_defaults(func=cmd_add)

    p = sub.add_parser(
        "remove", help="remove a bulletin (file name or article id)",
        description="Remove a bulletin from the index; its file moves to corpus/.removed/ (nothing is deleted).",
        epilog=examples("policybot remove shanting_2021-04_bulletin.txt",
                        "policybot remove 7beaebe89fbbe79f     # an article id from `policybot sources`"))
    p.add_argument("ident", metavar="FILE|ARTICLE_ID", help="a file name in corpus/, or an article id")
    p.add_argument("--wait", type=float, default=0, help=wait_help)
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser(
        "set-date", help="set or correct an article's date",
        description="Set the date of an article whose date is unknown (日期不详) or wrong. The date is kept in "
                    "corpus/.dates.yaml, so re-indexing and rebuilds keep it, and the index is updated at once.",
        epilog=examples("policybot sources                       # article ids, with their dates",
                        "policybot set-date 7beaebe89fbbe79f 2024-03-05",
                        "policybot set-date 7beaebe89fbbe79f 2024年3月5日"))
    p.add_argument("article_id", metavar="ARTICLE_ID", help="the article's id, as `policybot sources` shows it")
    p.add_argument("date", metavar="DATE", help="2024-03-05, 2024/3/5 or 2024年3月5日")
    p.add_argument("--wait", type=float, default=0, help=wait_help)
    p.set_defaults(func=cmd_set_date)

    p = sub.add_parser(
        "query", help="ask questions",
        description="Answer questions as the bot does: the best passage with its headline and source.",
        epilog=examples("policybot query \"第三个聚力是什么\"", "policybot query --json -k 3 \"八个聚力分别是什么\"",
                        "policybot query --json --file questions.txt > answers.jsonl"))
    p.add_argument("question", nargs="*", help="the question (words are joined)")
    p.add_argument("-k", type=int, default=None,
                   help="results per question, 1-100 (default: search.top_k of the config, 5)")
    p.add_argument("--json", action="store_true", help="print one JSON document a question, one a line")
    p.add_argument("--file", help="questions, one a line (lines end at \\n only)")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser(
        "eval", help="score answers against expected passages",
        description="Score the search on questions with expected passages (format: eval/dev_eval.yaml's header). "
                    "Without FILE, every bundled set (eval/, tests/data/heldout) is scored, each on a temporary "
                    "index of its own bulletins, in one table with the targets (bot/targets.py).",
        epilog=examples("policybot eval                          # every bundled set: what `make eval` runs",
                        "policybot eval eval/archive             # one set folder: eval.yaml + corpus/",
                        "policybot eval my_questions.yaml        # questions on the current index",
                        "policybot eval --report reports/        # also reports/<set>/report.html"))
    p.add_argument("file", nargs="?", help="questions (dev_eval.yaml format) scored on the current index, or a "
                   "folder holding eval.yaml and corpus/ (default: every bundled set)")
    p.add_argument("-k", type=int, default=5, help="results scored per question (1-100)")
    p.add_argument("--json", action="store_true", help="print the summary as JSON")
    p.add_argument("--report", metavar="DIR", help="write DIR/report.html (DIR/<set>/ for several sets): charts, "
                                                   "every question with what came first and its rank")
    p.add_argument("--bench", metavar="FILE", help="a `policybot bench --out FILE` result shown in the report")
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "calibrate", help="fit the answer decision's constants, judged leave-one-set-out",
        description="Fit the constants that decide whether a result answers (search: min_dense, min_coverage, "
                    "min_dense_with_lexical, min_context_coverage, min_topic_coverage, min_amount_coverage, "
                    "close_cosine, paraphrase_cosine, meaning_cosine, meaning_margin) and which comes first (dense_weight, "
                    "context_weight, lexical_clear) on every bundled set and the set folders given, each set counting once; "
                    "for each set, also fit them without it and measure it: the figure a set gets from "
                    "constants it did not help choose. Prints the table and the constants fitted on all.",
        epilog=examples("policybot calibrate", "policybot calibrate ../realworld_set   # eval.yaml + corpus/",
                        "policybot calibrate --work /tmp/cal --json"))
    p.add_argument("sets", nargs="*", metavar="DIR", help="more set folders (eval.yaml + corpus/)")
    p.add_argument("-k", type=int, default=5, help="results scored per question")
    p.add_argument("--work", metavar="DIR", help="keep the sets' indexes here (default: a temporary folder)")
    p.add_argument("--json", action="store_true", help="print the folds and fits as JSON")
    p.set_defaults(func=cmd_calibrate)

    p = sub.add_parser(
        "sources", help="bulletins and articles indexed",
        description="List the indexed bulletins, their articles (id, date, title, passages, speakers) and totals.",
        epilog=examples("policybot sources", "policybot sources --json | jq '.articles[].title'"))
    p.add_argument("--json", action="store_true", help="print them as JSON")
    p.set_defaults(func=cmd_sources)

    p = sub.add_parser(
        "chat", help="console Q&A, as the bot answers",
        description="Ask questions in the console and get the bot's answers as text (builds the index if missing). "
                    "Type 下一条 for the next result; Ctrl-D ends. Reads lines from stdin when piped.",
        epilog=examples("policybot chat", "printf '第三个聚力是什么\\n下一条\\n' | policybot chat"))
    p.set_defaults(func=cmd_chat)

    p = sub.add_parser(
        "run", help="the Telegram bot with a token, else the console chat",
        description="Start the Telegram bot when the token variable (telegram.token_env, TELEGRAM_BOT_TOKEN) is "
                    "set, long polling or a webhook (telegram.webhook); otherwise the console chat. Builds the "
                    "index if missing and rebuilds it after an upgrade.",
        epilog=examples("TELEGRAM_BOT_TOKEN=123456789:AA... policybot -v run", "policybot run    # no token: console"))
    p.set_defaults(func=cmd_run)

    for register in _extensions():
        register(sub)
    return parser


def _extensions():
    """Subcommands that live in their own modules (bench, log, inspect, tasks), registered if present."""
    out = []
    for module in ("bot.bench", "bot.qlog", "bot.inspection", "bot.ledger"):
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
    # faiss logs which CPU build it tried at INFO ("Could not load library with AVX512 support …"): an
    # alarming line about nothing wrong. Its warnings still show.
    logging.getLogger("faiss").setLevel(logging.WARNING)
    # sentence-transformers says at INFO that the bundled model folder has no modules.json and is set
    # up as a plain transformer: the expected way the model is read, not a problem.
    logging.getLogger("sentence_transformers").setLevel(logging.WARNING)
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
