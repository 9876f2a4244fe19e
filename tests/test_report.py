"""`policybot eval --report DIR`: an HTML page with charts, the misses with their top result, and
the bench figures when a bench result is given."""

import json
import re
from pathlib import Path

import pytest

from bot.cli import main
from bot.errors import PolicyBotError
from bot.evaluate import Case, CaseResult, Report
from bot.report import write_report

BENCH = {
    "date": "2026-11-25", "machine": "2 CPU cores", "model": "m3e-small",
    "sizes": [{
        "size": "bundled", "cold_start_s": 4.2, "bare_model_load_s": 3.9,
        "index": {"passages": 39, "index_passages_per_s": 40.0, "bare_encode_passages_per_s": 45.0,
                  "index_to_bare_ratio": 0.89, "index_bytes": 300000, "index_peak_rss_mb": 900.0},
        "query": {"answer_ms_p50": 20.0, "answer_ms_p95": 30.0, "embed_ms_p50": 18.0, "answer_to_embed_ratio": 1.11,
                  "lexical_ms_p50": 0.5, "answer_ms": [18.0, 20.0, 31.0], "query_peak_rss_mb": 800.0},
    }],
}


def report() -> Report:
    cases = [
        CaseResult(Case("a", "ordinal", "第三个聚力是什么", (("三要聚力项目招引",),)), 1, 120, True, "三要聚力项目招引…"),
        CaseResult(Case("b", "fact", "考察了<哪些>企业 & 地方", (("潍柴",),)), None, None, True, "<script>alert(1)</script>"),
        CaseResult(Case("c", "negative", "明天会下雨吗", ()), None, None, False, ""),
    ]
    return Report(5, cases)


def test_report_has_charts_figures_and_escaped_misses(tmp_path):
    bench = tmp_path / "bench.json"
    bench.write_text(json.dumps(BENCH), encoding="utf-8")
    page = write_report(report(), tmp_path / "out", bench_file=bench)
    html = page.read_text(encoding="utf-8")
    for png in ("hits_by_kind.png", "chars_read.png", "latency.png", "ratios.png"):
        assert (tmp_path / "out" / png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f'src="{png}"' in html
    assert "Not answered first (1)" in html and "Every question (3)" in html
    # the per-question table: question, expected, what came, rank
    assert "三要聚力项目招引" in html and "not in the first 5" in html and "refused (right)" in html
    assert "考察了&lt;哪些&gt;企业 &amp; 地方" in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<script>" not in html
    assert "2 CPU cores" in html  # the bench machine
    # the summary row, cell by cell: one of two on-topic questions found at rank 1, one negative rejected
    row = dict(zip(re.findall(r"<th>(.*?)</th>", html)[:8], re.findall(r"<td[^>]*>(.*?)</td>", html)[:8]))
    assert row == {"questions": "3", "k": "5", "hit@1": "0.5", "hit@3": "0.5", "hit@5": "0.5", "MRR": "0.5",
                   "off-topic rejected": "1/1", "median chars read": "120"}
    # coloured by target (bot/targets.py): hit@1 0.5 is short of 0.85, the median of 120 characters keeps ≤ 250
    assert re.search(r'<td style="color:#cc3311[^"]*">0.5</td>', html)
    assert re.search(r'<td style="color:#228833[^"]*">120</td>', html)


def test_report_without_bench_has_no_speed_section(tmp_path):
    html = write_report(report(), tmp_path).read_text(encoding="utf-8")
    assert "Speed" not in html and not (tmp_path / "latency.png").exists()


def test_a_file_that_is_not_a_bench_result_is_a_message(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(PolicyBotError, match="bench"):
        write_report(report(), tmp_path / "x", bench_file=bad)


def test_eval_report_from_the_cli(built, tmp_path, capsys):
    f = tmp_path / "mini.yaml"
    f.write_text('- {id: a, kind: ordinal, q: "第一个聚力是什么", expect: [[一要聚力项目谋划]]}\n'
                 '- {id: d, kind: negative, q: "明天会下雨吗", expect: []}\n', encoding="utf-8")
    assert main(["--config", str(built.path), "eval", str(f), "--report", str(tmp_path / "r")]) == 0
    assert "report written" in capsys.readouterr().err
    html = (tmp_path / "r" / "report.html").read_text(encoding="utf-8")
    assert "Not answered first (0)" in html and Path(tmp_path / "r" / "hits_by_kind.png").exists()


def test_the_docs_state_the_targets_the_code_holds():
    """Targets are defined once (bot/targets.py); the docs that quote them must say the same bounds."""
    from bot.targets import QUALITY, SPEED
    from tests.conftest import ROOT

    for doc, targets in (("quality.md", QUALITY), ("performance.md", SPEED)):
        text = (ROOT / "docs" / doc).read_text(encoding="utf-8")
        assert "bot/targets.py" in text, doc
        for t in targets.values():
            assert t.text in text, (doc, t.key, t.text)


def test_report_has_a_ledger_page(tmp_path):
    import datetime as dt

    from bot.ledger import build_tasks
    from tests.test_ledger import version

    points = [version("plan", "2024-03-01", "1.改造老旧小区15个。（牵头单位：县住建局；完成时限：6月底前）", "县住建局",
                      "2024-06-30", "6月底前"),
              version("plan", "2024-03-01", "2.建成停车泊位2000个。（牵头单位：县城管局<b>）", "县城管局", None, None,
                      ordinal=2),
              version("meeting", "2024-05-01", "改造老旧小区15个，县住建局要在8月底前完成。", "县住建局", "2024-08-31",
                      "8月底前")]
    with_tasks = report()
    with_tasks.tasks = build_tasks(points, dt.date(2024, 7, 1))
    page = write_report(with_tasks, tmp_path / "out").read_text(encoding="utf-8")
    assert "Directive ledger (2 tasks)" in page and "Tasks per lead unit" in page
    assert (tmp_path / "out" / "due_by_month.png").stat().st_size > 1000
    assert "Tasks without a deadline (1)" in page and "&lt;b&gt;" in page  # escaped
    assert "原为6月底前" in page  # the moved deadline
    assert "Directive ledger" not in write_report(report(), tmp_path / "plain").read_text(encoding="utf-8")
