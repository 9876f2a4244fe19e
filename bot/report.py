"""Evaluation report for testers: DIR/report.html with PNG charts of quality and, given a bench
result, of speed. Chart labels stay ASCII (matplotlib's default font has no Chinese glyphs); the
questions and passages appear in the HTML, escaped."""

from __future__ import annotations

import html
import json
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # files only, never a window
import matplotlib.pyplot as plt  # noqa: E402

from bot.errors import PolicyBotError  # noqa: E402
from bot.evaluate import CaseResult, Report  # noqa: E402
from bot.targets import QUALITY, SPEED, quality_figures  # noqa: E402

MET, SHORT = "#228833", "#cc3311"  # bar and cell colours: target met / not met


def _save(fig, path: Path) -> str:
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path.name


def chart_hits_by_kind(report: Report, path: Path) -> str:
    kinds = sorted({c.case.kind for c in report.on_topic})
    fig, ax = plt.subplots(figsize=(7, 3.6))
    width = 0.26
    for j, n in enumerate((1, 3, 5)):
        values = [report.hit(n, [c for c in report.on_topic if c.case.kind == kind]) for kind in kinds]
        ax.bar([i + (j - 1) * width for i in range(len(kinds))], values, width, label=f"hit@{n}")
    counts = {kind: sum(1 for c in report.on_topic if c.case.kind == kind) for kind in kinds}
    ax.set_xticks(range(len(kinds)), [f"{kind}\n({counts[kind]})" for kind in kinds])
    ax.set_ylim(0, 1.05)
    ax.set_ylabel("share of questions")
    ax.set_title(f"hit@k by question kind (k = {report.k}; questions in brackets)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False)
    return _save(fig, path)


def chart_chars_read(report: Report, path: Path) -> str:
    chars = [c.chars_read for c in report.on_topic if c.chars_read is not None]
    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.hist(chars, bins=min(20, max(5, len(chars))), color="#4477aa")
    if report.median_chars is not None:
        ax.axvline(report.median_chars, color="#cc3311", linestyle="--", label=f"median {report.median_chars:g}")
        ax.legend()
    ax.set_xlabel("characters read until the answer")
    ax.set_ylabel("questions")
    ax.set_title("Characters read (found questions)")
    return _save(fig, path)


def chart_latency(bench: dict, path: Path) -> str:
    fig, ax = plt.subplots(figsize=(7, 3.4))
    for row in bench["sizes"]:
        q = row["query"]
        ax.hist(q.get("answer_ms", []), bins=30, alpha=0.55,
                label=f"{row['index']['passages']} passages (p50 {q['answer_ms_p50']} ms)")
        ax.axvline(q["embed_ms_p50"], color="black", linestyle=":", linewidth=1)
    ax.set_xlabel("warm answer latency, ms (dotted: bare question embedding p50)")
    ax.set_ylabel("answers")
    ax.set_title("Answer latency")
    ax.legend(fontsize=8)
    return _save(fig, path)


def chart_ratios(bench: dict, path: Path) -> str:
    sizes = [str(r["index"]["passages"]) for r in bench["sizes"]]
    fig, axes = plt.subplots(1, 2, figsize=(8, 3.2))
    for ax, (key, section, title) in zip(axes, (
        ("answer_to_embed_ratio", "query", "answer p50 / bare embed p50 (lower is better)"),
        ("index_to_bare_ratio", "index", "indexing / bare encode throughput (higher is better)"),
    )):
        target = SPEED[key]
        values = [r[section][key] for r in bench["sizes"]]
        ax.bar(sizes, values, color=[MET if target.met(v) else SHORT for v in values])
        ax.axhline(target.bound, color="black", linestyle="--", label=f"target {target.text}")
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("passages")
        ax.legend(fontsize=8)
    return _save(fig, path)


def chart_due_by_month(tasks: list, path: Path) -> str:
    """Tasks falling due per month (ISO deadlines only)."""
    months: dict[str, int] = {}
    for t in tasks:
        if t.deadline and t.deadline[:1].isdigit():
            months[t.deadline[:7]] = months.get(t.deadline[:7], 0) + 1
    keys = sorted(months)
    fig, ax = plt.subplots(figsize=(7, 3.2))
    ax.bar(range(len(keys)), [months[k] for k in keys], color="#4477aa")
    ax.set_xticks(range(len(keys)), keys, rotation=45, ha="right")
    ax.set_ylabel("tasks")
    ax.set_title("Tasks falling due per month")
    return _save(fig, path)


def ledger_section(tasks: list, folder: Path) -> list[str]:
    """The report's ledger page: tasks per lead unit, falling due per month (a chart), tasks without a deadline."""
    parts = [f"<h2>Directive ledger ({len(tasks)} tasks)</h2>"]
    if not tasks:
        return parts + ["<p>no point of these bulletins names a lead unit or a deadline</p>"]
    per_unit: dict[str, list] = {}
    for t in tasks:
        for unit in t.lead or ("(no lead unit)",):
            per_unit.setdefault(unit, []).append(t)
    rows = [[unit, len(ts), sum(1 for t in ts if t.status == "open"), sum(1 for t in ts if t.status == "overdue"),
             sum(1 for t in ts if t.status == "long_term"), sum(1 for t in ts if t.status == "undated")]
            for unit, ts in sorted(per_unit.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    parts += ["<h3>Tasks per lead unit</h3>",
              _table(["unit", "tasks", "open", "overdue", "long-term", "no deadline"], rows)]
    chart = chart_due_by_month(tasks, folder / "due_by_month.png")
    parts.append(f'<p><img src="{chart}" alt="{chart}"></p>')
    undated = [t for t in tasks if not t.deadline]
    parts.append(f"<h3>Tasks without a deadline ({len(undated)})</h3>")
    if undated:
        parts.append(_table(["task", "lead", "source"], [[t.text[:120], "、".join(t.lead), t.source] for t in undated]))
    moved = [t for t in tasks if t.moved]
    if moved:
        parts.append(f"<h3>Deadlines moved by a later document ({len(moved)})</h3>")
        parts.append(_table(["task", "deadline", "was"], [[t.text[:120], t.due, t.moved.note] for t in moved]))
    return parts


def _table(head: list[str], rows: list[list], colours: list[list[str | None]] | None = None) -> str:
    out = ["<table><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in head) + "</tr>"]
    for i, row in enumerate(rows):
        cells = []
        for j, x in enumerate(row):
            colour = colours[i][j] if colours else None
            style = f' style="color:{colour};font-weight:bold"' if colour else ""
            cells.append(f"<td{style}>{html.escape(str(x))}</td>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    return "\n".join(out) + "</table>"


def _expected(c: CaseResult) -> str:
    return " | ".join("+".join(g) for g in c.case.expect) or "(no answer)"


def _what_came(c: CaseResult) -> str:
    if not c.answered:
        return "(refused: no answer given)"
    return " ".join(c.top_text.split())[:200]


def _rank(c: CaseResult, k: int) -> str:
    if c.case.kind == "negative":
        return "answered (wrong)" if c.answered else "refused (right)"
    return str(c.found_rank) if c.found_rank else f"not in the first {k}"


def load_bench(path: Path) -> dict:
    try:
        bench = json.loads(Path(path).read_text(encoding="utf-8"))
        bench["sizes"][0]["query"]["answer_ms_p50"]
    except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
        raise PolicyBotError(f"{path} is not a `policybot bench --out FILE` result ({exc})") from exc
    return bench


def write_report(report: Report, folder: Path, bench_file: str | Path | None = None,
                 title: str = "policybot evaluation") -> Path:
    """Write folder/report.html and its charts; returns the HTML file's path."""
    bench = load_bench(Path(bench_file)) if bench_file else None
    folder.mkdir(parents=True, exist_ok=True)
    s = report.summary()
    charts = [chart_hits_by_kind(report, folder / "hits_by_kind.png"),
              chart_chars_read(report, folder / "chars_read.png")]
    figures = quality_figures(s)

    def colour(key: str) -> str | None:
        met = QUALITY[key].met(figures[key]) if key in QUALITY else None
        return None if met is None else (MET if met else SHORT)

    parts = [
        f"<h1>{html.escape(title)}</h1>",
        _table(["questions", "k", "hit@1", "hit@3", "hit@5", "MRR", "off-topic rejected", "median chars read"],
               [[s["questions"], s["k"], s["hit@1"], s["hit@3"], s["hit@5"], s["mrr"],
                 f'{s["offtopic_rejected"]}/{s["offtopic_questions"]}', s["median_chars_read"]],
                ["target", "", QUALITY["hit@1"].text, QUALITY["hit@3"].text, "", "", QUALITY["offtopic_share"].text,
                 QUALITY["median_chars_read"].text]],
               [[None, None, colour("hit@1"), colour("hit@3"), None, None, colour("offtopic_share"),
                 colour("median_chars_read")], [None] * 8]),
        "<h2>hit@3 by kind</h2>",
        _table(["kind", "hit@3"], [[k, v] for k, v in s["hit@3_by_kind"].items()]),
    ]
    parts += [f'<p><img src="{c}" alt="{c}"></p>' for c in charts]
    head = ["id", "kind", "question", "expected", "what came first", "rank"]

    def rows(cases: list[CaseResult]) -> list[list]:
        return [[c.case.id, c.case.kind, c.case.q, _expected(c), _what_came(c), _rank(c, report.k)] for c in cases]

    not_first = report.not_first()

    def rank_colours(cases: list[CaseResult]) -> list[list[str | None]]:
        """The rank cell: red when the question failed (not in the first k, or a wrong answer), amber
        when its passage came lower than first."""
        return [[None] * 5 + [SHORT if not c.passed else "#aa7700" if c in not_first else None] for c in cases]

    parts.append(f"<h2>Not answered first ({len(not_first)})</h2>")
    if not_first:
        parts.append("<p>On-topic questions whose passage is not the first result (found lower, or not at all), "
                     "and off-topic questions that were answered.</p>")
        parts.append(_table(head, rows(not_first), rank_colours(not_first)))
    else:
        parts.append("<p>none: every on-topic question answered first, every off-topic one refused</p>")
    parts.append(f"<h2>Every question ({len(report.cases)})</h2>")
    parts.append(_table(head, rows(report.cases), rank_colours(report.cases)))
    if report.tasks:
        parts += ledger_section(report.tasks, folder)
    if bench:
        from bot.bench import format_table

        parts.append(f"<h2>Speed ({html.escape(bench.get('date', ''))}, {html.escape(bench.get('machine', ''))},"
                     f" model {html.escape(bench.get('model', ''))})</h2>")
        lines = [ln.strip("| ").split(" | ") for ln in format_table(bench).splitlines()]
        parts.append(_table(lines[0], lines[2:]))
        for c in (chart_latency(bench, folder / "latency.png"), chart_ratios(bench, folder / "ratios.png")):
            parts.append(f'<p><img src="{c}" alt="{c}"></p>')
    style = ("body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse;margin:1em 0}"
             "td,th{border:1px solid #ccc;padding:.3em .6em;vertical-align:top}th{background:#f4f4f4}")
    page = (f'<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>{html.escape(title)}</title>'
            f"<style>{style}</style></head><body>\n" + "\n".join(parts) + "\n</body></html>\n")
    out = folder / "report.html"
    out.write_text(page, encoding="utf-8")
    return out
