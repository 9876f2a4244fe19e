"""`policybot bench` runs end to end on the bundled corpus and reports every figure (timings are
measured there, never asserted here); its sites are made of the pool asked for, and made again when
what they were made of changes."""

import json
from pathlib import Path

from bot.bench import _site
from bot.cli import main
from bot.config import load_config
from tests.conftest import make_config


SMALL = """全区防汛工作调度会召开

本报讯 5月1日,全区防汛工作调度会召开。副区长赵一出席会议并讲话。

会议强调,一要压实防汛责任。各镇街要落实责任清单,明确到人。二要加强防汛巡查。对重点部位每天巡查两次。
三要做好防汛物资储备。储备编织袋一千条,确保随时调用。
"""


def test_bench_runs_end_to_end_and_reports_every_figure(tmp_path, capsys):
    # The smallest run that still measures every figure in its own process: one small bulletin,
    # one round, a bare-model sample of two passages.
    (tmp_path / "small.txt").write_text(SMALL, encoding="utf-8")
    cfg = make_config(tmp_path / "site", files=[tmp_path / "small.txt"])
    out = tmp_path / "bench"
    questions = tmp_path / "q.yaml"
    questions.write_text('- {id: a, kind: ordinal, q: "防汛物资储备编织袋多少条", expect: [[储备编织袋一千条]]}\n'
                         '- {id: b, kind: negative, q: "明天会下雨吗", expect: []}\n', encoding="utf-8")
    code = main(["--config", str(cfg), "bench", "--sizes", "bundled", "--work", str(out), "--rounds", "1", "--cold-rounds", "1",
                 "--bare-sample", "2", "--eval", str(questions), "--out", str(tmp_path / "r.json"), "--json"])
    printed, table = capsys.readouterr()  # --json prints the document; the table goes to stderr as it runs
    assert code == 0
    result = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert json.loads(printed) == result and result["schema_version"] == 1
    quality = result["sizes"][0]["query"]["quality"]
    assert (quality["hit@1"], quality["offtopic_rejected"], quality["offtopic_questions"]) == (1.0, 1, 1)
    row = result["sizes"][0]
    assert row["query"]["lexical_quality"] == {"hit@1": 1.0, "hit@3": 1.0}  # the lexical ranking alone
    assert row["size"] == "bundled" and row["index"]["passages"] >= 3 and row["index"]["bare_encode_passages"] == 2
    for key in ("index_passages_per_s", "bare_encode_passages_per_s", "index_to_bare_ratio", "embedded_to_bare_ratio",
                "embedded", "index_bytes", "matrix_bytes",
                "index_peak_rss_mb"):
        assert row["index"][key] > 0, key
    for key in ("answer_ms_p50", "answer_ms_p95", "embed_ms_p50", "answer_to_embed_ratio", "lexical_ms_p50",
                "uncached_answer_ms_p50", "uncached_to_embed_ratio"):
        assert row["query"][key] > 0, key
    assert len(row["query"]["answer_ms"]) == 2
    assert row["cold_start_s"] > 0 and row["bare_model_load_s"] > 0 and row["cold_to_bare_ratio"] > 0
    assert "| bundled |" in table and "exact" in table
    assert result["machine"] and result["date"]


def test_a_site_is_made_of_its_pool_and_made_again_when_that_changes(tmp_path):
    # Another district's bulletins as the pool: the scale corpus holds their words, and the
    # bundled bulletin stays the only one that states its own facts (no twins of its answers).
    (tmp_path / "pool").mkdir()
    (tmp_path / "pool" / "small.txt").write_text(SMALL, encoding="utf-8")
    cfg = load_config(make_config(tmp_path / "site"))
    folder = tmp_path / "bench" / "size-300"

    def made() -> str:
        return "".join(f.read_text(encoding="utf-8") for f in (folder / "corpus").glob("scale_*.txt"))

    _site(cfg, folder, "300", tmp_path / "pool")
    assert "防汛" in made() and "聚力" not in made()
    assert {f.name for f in cfg.corpus.iterdir()} <= {f.name for f in (folder / "corpus").iterdir()}
    (folder / "index").mkdir()  # an index built from that corpus
    _site(cfg, folder, "300", tmp_path / "pool")  # the same pool: kept, index and all
    assert (folder / "index").exists()
    _site(cfg, folder, "300", cfg.corpus)  # another pool: made again, the index removed
    assert "聚力" in made() and not (folder / "index").exists()
    # A corpus without a record (an older bench, a build that did not finish) is made again too.
    (folder / "corpus-made-of.txt").unlink()
    for f in (folder / "corpus").glob("scale_*.txt"):
        f.unlink()
    _site(cfg, folder, "300", cfg.corpus)
    assert "聚力" in made()
    # The bundled size is the corpus alone: another pool changes nothing there.
    bundled = tmp_path / "bench" / "size-bundled"
    _site(cfg, bundled, "bundled", cfg.corpus)
    (bundled / "index").mkdir()
    _site(cfg, bundled, "bundled", tmp_path / "pool")
    assert (bundled / "index").exists() and not list((bundled / "corpus").glob("scale_*.txt"))


def test_bench_refuses_bad_sizes_and_missing_questions_with_a_message(tmp_path, capsys):
    cfg = make_config(tmp_path / "site")
    questions = tmp_path / "q.yaml"
    questions.write_text('- {id: a, kind: fact, q: "三保工作", expect: [[三保]]}\n', encoding="utf-8")
    assert main(["--config", str(cfg), "bench", "--sizes", "lots", "--eval", str(questions)]) != 0
    assert "--sizes" in capsys.readouterr().err
    assert main(["--config", str(cfg), "bench", "--eval", str(tmp_path / "nope.yaml")]) != 0
    assert "--eval" in capsys.readouterr().err
    assert main(["--config", str(cfg), "bench", "--eval", str(questions), "--pool", str(tmp_path / "none")]) != 0
    assert "--pool" in capsys.readouterr().err
    (tmp_path / "flat").mkdir()  # bulletins without a numbered list cannot make a scale corpus
    (tmp_path / "flat" / "note.txt").write_text("通知\n\n本报讯 5月1日,全区召开会议。会议听取了汇报。\n", encoding="utf-8")
    assert main(["--config", str(cfg), "bench", "--eval", str(questions), "--sizes", "300", "--work",
                 str(tmp_path / "b"), "--pool", str(tmp_path / "flat")]) == 1
    assert "numbered lists" in capsys.readouterr().err


def test_reuse_takes_only_an_index_this_version_wrote(tmp_path, built):
    """`bench --reuse` after an upgrade rebuilds instead of failing on the old index."""
    import shutil
    import sqlite3

    from bot.bench import _reusable
    from bot.index import CURRENT, SQLITE_NAME

    site = tmp_path / "size-50"
    assert not _reusable(site)  # nothing there yet
    shutil.copytree(built.index, site / "index")
    assert not _reusable(site)  # no indexing figures to report
    (site / "index-result.json").write_text("{}")
    assert _reusable(site)
    generation = (site / "index" / CURRENT).read_text().strip()
    with sqlite3.connect(site / "index" / generation / SQLITE_NAME) as db:
        db.execute("UPDATE manifest SET value = '1' WHERE key = 'version'")
    assert not _reusable(site)
