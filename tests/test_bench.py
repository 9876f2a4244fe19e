"""The scale corpus repeats exactly and indexes to about N passages; `policybot bench` runs end to end
on the bundled corpus and reports every figure (timings are measured there, never asserted here)."""

import hashlib
import json
import re
from pathlib import Path

from bot.articles import split_articles
from bot.bench import _site
from bot.cli import main
from bot.load import load_file
from bot.passages import article_passages
from bot.scale_corpus import make_scale_corpus
from bot.config import load_config
from tests.conftest import ROOT, make_config


def digest(folder: Path) -> str:
    h = hashlib.sha1()
    for f in sorted(folder.iterdir()):
        h.update(f.name.encode() + f.read_bytes())
    return h.hexdigest()


def test_scale_corpus_is_deterministic_realistic_and_sized(tmp_path):
    a = make_scale_corpus(400, tmp_path / "a", ROOT / "corpus")
    b = make_scale_corpus(400, tmp_path / "b", ROOT / "corpus")
    c = make_scale_corpus(400, tmp_path / "c", ROOT / "corpus", seed=7)
    assert digest(tmp_path / "a") == digest(tmp_path / "b")
    assert digest(tmp_path / "a") != digest(tmp_path / "c")
    assert a == b
    passages, lists, titles = 0, 0, set()
    for f in sorted((tmp_path / "a").iterdir()):
        for article in split_articles(load_file(f), 2021):
            titles.add(article.title)
            ps, numbered = article_passages(article)
            passages += sum(1 for p in ps if p.kind in ("point", "text"))
            lists += len(numbered)
            assert article.date and article.speakers
    assert 0.85 * 400 <= passages <= 1.15 * 400
    assert lists >= a["articles"] * 0.9  # every article carries a numbered list, like real meeting reports
    assert len(titles) == a["articles"]  # no two articles are copies
    text = "".join(f.read_text(encoding="utf-8") for f in (tmp_path / "a").iterdir())
    dates = re.findall(r"(\d+)月(\d+)日", text)
    assert len(dates) > 50  # varied numbers keep their roles: a month stays a month, a day a day
    assert all(1 <= int(m) <= 12 and 1 <= int(d) <= 31 for m, d in dates), dates
    assert all(2015 <= int(y) <= 2030 for y in re.findall(r"(\d{4})年", text))


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


def test_scale_corpus_is_made_from_the_pool_and_made_again_when_the_pool_changes(tmp_path):
    # Another district's bulletins as the pool: the scale corpus holds their words, and the
    # bundled bulletin stays the only one that states its own facts (no twins of its answers).
    (tmp_path / "pool").mkdir()
    (tmp_path / "pool" / "small.txt").write_text(SMALL, encoding="utf-8")
    cfg = load_config(make_config(tmp_path / "site"))
    site = _site(cfg, tmp_path / "bench" / "size-300", "300", tmp_path / "pool")
    corpus = site.parent / "corpus"
    made = "".join(f.read_text(encoding="utf-8") for f in corpus.glob("scale_*.txt"))
    assert "防汛" in made and "聚力" not in made
    assert {f.name for f in cfg.corpus.iterdir()} <= {f.name for f in corpus.iterdir()}
    (site.parent / "index").mkdir()  # an index built from that corpus
    _site(cfg, tmp_path / "bench" / "size-300", "300", cfg.corpus)
    made = "".join(f.read_text(encoding="utf-8") for f in corpus.glob("scale_*.txt"))
    assert "聚力" in made and not (site.parent / "index").exists()


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
