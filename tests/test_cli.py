"""The `policybot` CLI as testers use it: JSON contract, files of questions, eval, sources, chat, errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from bot.cli import main
from tests.conftest import ROOT, make_config

RESULT_KEYS = {"rank", "score", "text", "title", "date", "speaker", "ordinal", "passage_id", "article_id"}


def run_cli(capsys, *args) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_query_json_contract(built, capsys):
    code, out, _ = run_cli(capsys, "--config", str(built.path), "query", "--json", "-k", "3", "第三个聚力是什么")
    assert code == 0
    (line,) = out.strip().splitlines()
    record = json.loads(line)
    assert record["query"] == "第三个聚力是什么" and record["answered"] is True
    assert len(record["results"]) == 3
    assert record["schema_version"] == 1
    first = record["results"][0]
    assert RESULT_KEYS <= set(first)
    assert first["rank"] == 1 and first["ordinal"] == 3 and first["speaker"] == "毕志伟"
    assert first["text"].startswith("三要聚力项目招引") and first["date"] == "2021-04-25"
    assert (first["kind"], first["list"], first["list_size"]) == ("point", "八个聚力", 8)
    assert isinstance(first["score"], float) and first["passage_id"]
    assert [r["rank"] for r in record["results"]] == [1, 2, 3]
    # the whole list asked for: an outline, no ordinal
    code, out, _ = run_cli(capsys, "--config", str(built.path), "query", "--json", "-k", "1", "八个聚力分别是什么")
    outline = json.loads(out)["results"][0]
    assert (outline["kind"], outline["list"], outline["list_size"], outline["ordinal"]) == ("outline", "八个聚力", 8, None)


def test_query_file_one_question_a_line_including_bad_ones(built, capsys, tmp_path):
    questions = tmp_path / "q.txt"
    questions.write_text("八个聚力分别是什么\n\n怎么做红烧肉\n\"OR NEAR( *\n" + "长" * 10000 + "\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "--config", str(built.path), "query", "--json", "--file", str(questions))
    assert code == 0
    records = [json.loads(line) for line in out.strip().splitlines()]
    assert len(records) == 4  # the blank line is skipped
    outline, pork, hostile, huge = records
    assert outline["answered"] and "聚力八个方面" in outline["results"][0]["text"]
    assert outline["results"][0]["ordinal"] is None
    assert (pork["answered"], pork["results"]) == (False, []) and pork["message"]
    assert set(pork) == {"schema_version", "query", "answered", "results", "message", "related"}
    assert set(huge) == set(pork)  # a refused question has the shape of an unanswered one
    assert huge["related"] == [] and all(RESULT_KEYS <= set(r) for r in pork["related"])
    assert (hostile["answered"], hostile["results"]) == (False, [])
    assert huge["answered"] is False and "太长" in huge["message"]


def test_query_file_lines_end_at_newline_only(built, capsys, tmp_path):
    questions = tmp_path / "q.txt"
    questions.write_text("第三个聚力\u2028是什么\n第六个聚力\x85是什么\r\n招商\x0c引资\n", encoding="utf-8")
    code, out, _ = run_cli(capsys, "--config", str(built.path), "query", "--json", "--file", str(questions))
    records = [json.loads(line) for line in out.strip().splitlines()]
    assert code == 0 and len(records) == 3
    assert records[0]["query"] == "第三个聚力\u2028是什么" and records[1]["query"] == "第六个聚力是什么"


@pytest.mark.parametrize("k", ["-1", "0", "101"])
def test_k_out_of_range_is_a_usage_error(built, capsys, k):
    code, out, err = run_cli(capsys, "--config", str(built.path), "query", "-k", k, "第三个聚力是什么")
    assert code == 2 and out == "" and "-k" in err and len(err.strip().splitlines()) == 1
    code, _, err = run_cli(capsys, "--config", str(built.path), "query", "-k", "x", "招商")
    assert code == 2 and "Traceback" not in err


def test_a_long_question_is_reported_with_its_true_length(built, capsys):
    code, out, _ = run_cli(capsys, "--config", str(built.path), "query", "--json", "长" * 3456)
    assert code == 0 and "3456 字" in json.loads(out)["message"]


def test_nothing_printed_carries_terminal_control_characters(tmp_path, embedder, capsys):
    from bot.config import load_config
    from bot.ingest import sync

    cfg = make_config(tmp_path / "esc", files=[])
    text = ("\x1b[31m全区防汛工作调度会召开\x1b[0m\n\n本报讯 5月1日,全区防汛工作调度会召开。副区长赵一出席会议并讲话。\n\n"
            "会议强调,一要压实防汛责任。各镇街要落实责任清单。二要加强防汛巡查。对重点部位每天巡查。"
            "三要做好防汛物资储备。储备编织袋一千条。\n")
    (tmp_path / "esc" / "corpus" / "esc.txt").write_text(text, encoding="utf-8")
    sync(load_config(cfg), embedder)
    outputs = []
    for args in (["sources"], ["sources", "--json"], ["query", "防汛物资储备\x1b]0;title\x07"],
                 ["query", "--json", "防汛物资储备"], ["index"]):
        code, out, err = run_cli(capsys, "--config", str(cfg), *args)
        outputs.append(out + err)
    assert all("\x1b" not in o and "\x07" not in o for o in outputs)
    assert "全区防汛工作调度会召开" in outputs[0]


def test_readable_query_shows_headline_passage_and_source(built, capsys):
    code, out, _ = run_cli(capsys, "--config", str(built.path), "query", "-k", "1", "刘宗国提出的第七点")
    assert "刘宗国" in out and "第七条 / 共七条" in out
    assert "七要有与人为善、团结共赢的好风气" in out
    assert "《全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开》 · 2021年4月25日 · 刘宗国" in out


def test_eval_scores_a_small_file(built, capsys, tmp_path):
    f = tmp_path / "mini.yaml"
    f.write_text(
        '- {id: a, kind: ordinal, q: "第一个聚力是什么", expect: [[一要聚力项目谋划]]}\n'
        '- {id: b, kind: fact, q: "三倒六个一制度", expect: [[三倒六个一]]}\n'
        '- {id: c, kind: fact, q: "三倒六个一制度", expect: [[这句话不存在]]}\n'
        '- {id: d, kind: negative, q: "明天会下雨吗", expect: []}\n',
        encoding="utf-8",
    )
    code, out, _ = run_cli(capsys, "--config", str(built.path), "eval", str(f), "--json")
    summary = json.loads(out)
    assert set(summary) == {"schema_version", "k", "questions", "hit@1", "hit@3", "hit@5", "mrr", "offtopic_rejected",
                            "offtopic_questions", "median_chars_read", "hit@3_by_kind", "misses", "not_first"}
    assert set(summary["misses"][0]) == {"id", "kind", "q", "found_rank", "answered", "top"}
    assert (summary["k"], summary["questions"]) == (5, 4)
    assert summary["hit@1"] == pytest.approx(2 / 3, abs=1e-3) and summary["hit@5"] == pytest.approx(2 / 3, abs=1e-3)
    assert summary["mrr"] == pytest.approx(2 / 3, abs=1e-3) and isinstance(summary["median_chars_read"], (int, float))
    assert summary["hit@3_by_kind"] == {"fact": 0.5, "ordinal": 1.0}
    assert (summary["offtopic_rejected"], summary["offtopic_questions"]) == (1, 1)
    assert summary["schema_version"] == 1
    assert [m["id"] for m in summary["misses"]] == ["c"]
    code, out, _ = run_cli(capsys, "--config", str(built.path), "eval", str(f))
    assert "hit@1 0.667" in out and "not answered first (1):" in out and "c [fact]" in out and "off-topic rejected: 1/1" in out
    (tmp_path / "a-file").write_text("")
    code, _, err = run_cli(capsys, "--config", str(built.path), "eval", str(f), "--report", str(tmp_path / "a-file" / "r"))
    assert code == 1 and "cannot use" in err and "Traceback" not in err
    code, _, err = run_cli(capsys, "--config", str(built.path), "eval", str(f), "-k", "0")
    assert code == 2 and "-k" in err


def test_sources_lists_bulletins_and_articles(built, capsys):
    code, out, _ = run_cli(capsys, "--config", str(built.path), "sources", "--json")
    data = json.loads(out)
    assert data["schema_version"] == 1
    (bulletin,) = data["bulletins"]
    assert bulletin["file"] == "shanting_2021-04_bulletin.txt" and bulletin["articles"] == 2
    assert [a["date"] for a in data["articles"]] == ["2021-04-21", "2021-04-25"]
    assert bulletin["article_ids"] == [a["article_id"] for a in data["articles"]]  # a list, not a string
    assert all(a["passages"] > 5 and isinstance(a["speakers"], list) for a in data["articles"])
    manifest = data["manifest"]
    # every key README documents, no more
    assert set(data) == {"schema_version", "bulletins", "articles", "manifest"}
    assert set(bulletin) == {"file", "sha", "format", "encoding", "added_at", "articles", "note", "article_ids"}
    assert set(data["articles"][0]) == {"article_id", "file", "position", "title", "date", "date_text", "speakers",
                                        "byline", "chars", "passages", "lists"}
    assert set(manifest) == {"model", "dimension", "passages", "articles", "bulletins", "built_at", "generation"}
    assert sum(a["passages"] for a in data["articles"]) == manifest["passages"]
    assert (manifest["articles"], manifest["bulletins"], manifest["model"]) == (2, 1, "m3e-small")
    lists = data["articles"][1]["lists"]
    assert {"label": "八个聚力", "size": 8} in [{k: nl[k] for k in ("label", "size")} for nl in lists]
    code, out, _ = run_cli(capsys, "--config", str(built.path), "sources")
    assert f"{manifest['passages']} searchable passages" in out


def test_chat_reads_questions_from_stdin(built, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("第三个聚力是什么\n下一条\n明天会下雨吗\n"))
    code, out, _ = run_cli(capsys, "--config", str(built.path), "chat")
    assert code == 0
    assert "八个聚力 · 第三条 / 共八条" in out and "三要聚力项目招引" in out
    assert "八个聚力 · 第四条 / 共八条" in out  # "下一条" after a point asked by its number: the next point
    assert "我只回答公报中的内容" in out  # weather is small talk (bot/smalltalk.py)


def test_relative_paths_resolve_against_the_config_folder(built, tmp_path, capsys, monkeypatch):
    """A tester points the CLI at a copy of corpus and index anywhere, from any working directory."""
    import shutil

    copy = tmp_path / "copy"
    shutil.copytree(built.path.parent, copy)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("POLICYBOT_CONFIG", str(copy / "config.yaml"))
    code, out, _ = run_cli(capsys, "query", "--json", "-k", "1", "第六个聚力是什么")
    assert json.loads(out)["results"][0]["text"].startswith("六要聚力要素保障")


def test_missing_index_is_a_message_naming_the_fix_not_a_traceback(tmp_path):
    cfg = make_config(tmp_path / "empty")
    proc = subprocess.run([sys.executable, "-m", "bot", "--config", str(cfg), "query", "招商"],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert proc.returncode == 1
    assert "policybot index" in proc.stderr and "Traceback" not in proc.stderr


def test_index_built_with_another_model_is_refused(built, tmp_path, capsys):
    import shutil

    import yaml

    copy = tmp_path / "other"
    shutil.copytree(built.path.parent, copy)
    raw = yaml.safe_load((copy / "config.yaml").read_text(encoding="utf-8"))
    raw["model"]["name"] = str(Path(os.environ.get("HOME", "/")) / "some-other-model")
    (copy / "config.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    code, _, err = run_cli(capsys, "--config", str(copy / "config.yaml"), "query", "招商")
    assert code == 1
    assert "m3e-small" in err and "policybot index --rebuild" in err


def test_log_export_neutralises_formulas_and_starts_with_a_bom(tmp_path, capsys):
    import csv
    import io

    from bot.qlog import QuestionLog, log_path

    cfg = make_config(tmp_path / "site", files=[])
    log = QuestionLog(log_path(tmp_path / "site" / "data"))
    hostile = ['=HYPERLINK("http://x","点我")', "+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "正常的问题"]
    for q in hostile:
        log.record("private", q, False, None, 10)
    log.close()
    code, out, err = run_cli(capsys, "--config", str(cfg), "log")
    assert code == 0 and out.startswith("\ufeff") and "7 questions" in err
    rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    assert rows[0][3] == "question"
    assert [r[3] for r in rows[1:]] == ["'" + q for q in hostile[:-1]] + ["正常的问题"]
    code, _, err = run_cli(capsys, "--config", str(cfg), "log", "--since", "yesterday")
    assert code == 2 and "--since" in err


def test_log_names_what_was_answered_and_what_was_refused(built, searcher, tmp_path, capsys):
    import csv
    import io
    import sqlite3

    from bot.qlog import QuestionLog, describer, log_path

    cfg = make_config(tmp_path / "site", files=[], index=str(built.index))
    data = tmp_path / "site" / "data"
    data.mkdir()
    # a log written by the first version (no title/list/point columns), with one answer in it
    answer = searcher.search("第三个聚力是什么")
    top = answer.results[0].passage.passage_id
    old = sqlite3.connect(log_path(data))
    old.execute("CREATE TABLE questions(id INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, chat_type TEXT NOT "
                "NULL, question TEXT NOT NULL, answered INTEGER NOT NULL, top_passage_id TEXT, latency_ms INTEGER, "
                "feedback INTEGER)")
    old.execute("INSERT INTO questions(ts, chat_type, question, answered, top_passage_id, latency_ms) VALUES "
                "('2026-11-30T10:00:00', 'private', '旧问题：第三个聚力', 1, ?, 30)", (top,))
    old.commit()
    old.close()
    log = QuestionLog(log_path(data), describe=describer(lambda: searcher.snapshot))
    log.record("private", "第三个聚力是什么", True, top, 25)
    log.record("private", "明天会下雨吗", False, None, 20)
    log.close()
    code, out, _ = run_cli(capsys, "--config", str(cfg), "log")
    head, *rows = list(csv.reader(io.StringIO(out.lstrip("\ufeff"))))
    rows = [dict(zip(head, r)) for r in rows]
    assert code == 0 and head[:9] == ["id", "time", "chat_type", "question", "answered", "refused", "title", "list",
                                      "point"]
    for row in rows[:2]:  # the new row as recorded, the old one named from the index at export
        assert (row["answered"], row["refused"], row["list"], row["point"]) == ("yes", "no", "八个聚力", "3")
        assert "改革攻坚突破座谈会" in row["title"]
    assert (rows[2]["refused"], rows[2]["title"]) == ("yes", "")


def test_run_without_network_is_one_line(built, tmp_path, capsys, monkeypatch):
    import shutil
    import socket

    copy = tmp_path / "offline"
    shutil.copytree(built.path.parent, copy)
    with socket.socket() as s:  # a loopback port nobody listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    raw = yaml.safe_load((copy / "config.yaml").read_text(encoding="utf-8"))
    raw["telegram"]["base_url"] = f"http://127.0.0.1:{port}/bot"
    (copy / "config.yaml").write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN", "123456789:AAHfake-token-for-tests_0123456789abc")
    code, out, err = run_cli(capsys, "--config", str(copy / "config.yaml"), "run")
    assert code == 1 and "cannot reach Telegram" in err and "Traceback" not in err
    assert len(err.strip().splitlines()) <= 2


def test_chat_after_an_upgrade_rebuilds_an_index_of_another_version(built, tmp_path, capsys, monkeypatch):
    """`make run` after pulling a new version: an index written by an earlier policybot (older version,
    without the files this version adds) is rebuilt (from the embedding cache) instead of the bot
    refusing to start; a query before that names the version, not damage, and the fix."""
    import io
    import shutil
    import sqlite3

    from bot.index import INDEX_VERSION, SQLITE_NAME, current_generation, stored_version

    copy = tmp_path / "copy"
    shutil.copytree(built.path.parent, copy)
    index = copy / "index"
    old = current_generation(index)
    db = sqlite3.connect(index / old / SQLITE_NAME)
    db.execute("UPDATE manifest SET value = '4' WHERE key = 'version'")
    db.execute("ALTER TABLE articles DROP COLUMN searched_text")  # nor articles' normalized text (version 7)
    db.execute("ALTER TABLE passages DROP COLUMN tasks")  # nor points' tasks (version 8)
    db.execute("DROP TABLE ledger")  # nor the directive ledger (version 9)
    db.commit()
    db.close()
    (index / old / "lexical-maxes.npy").unlink()  # version 4 had no stored term maxima
    assert stored_version(index) == "4"
    code, out, err = run_cli(capsys, "--config", str(copy / "config.yaml"), "query", "第三个聚力是什么")
    assert code == 1 and "another version of policybot (4, now" in err and "index --rebuild" in err
    assert "damaged" not in err
    monkeypatch.setattr(sys, "stdin", io.StringIO("第三个聚力是什么\n"))
    code, out, err = run_cli(capsys, "--config", str(copy / "config.yaml"), "chat")
    assert code == 0, err
    assert "another version of policybot (4" in err
    assert "三要聚力项目招引" in out
    assert current_generation(index) != old and stored_version(index) == INDEX_VERSION
    # `policybot index` after an upgrade rebuilds too (sync does), instead of asking for --rebuild.
    newer = current_generation(index)
    db = sqlite3.connect(index / newer / SQLITE_NAME)
    db.execute("UPDATE manifest SET value = '4' WHERE key = 'version'")
    db.commit()
    db.close()
    code, out, err = run_cli(capsys, "--config", str(copy / "config.yaml"), "index")
    assert code == 0, err
    assert current_generation(index) != newer and stored_version(index) == INDEX_VERSION


def test_every_command_teaches_its_use(capsys):
    """--help of each command: a description, the default of every option that has one, an example."""
    from bot.cli import build_parser

    commands = build_parser()._subparsers._group_actions[0].choices
    assert {"index", "add", "remove", "set-date", "query", "eval", "sources", "chat", "run", "bench", "log",
            "inspect"} <= set(commands)
    for name, sub in commands.items():
        text = sub.format_help()
        assert sub.description and "examples:" in text and f"policybot {name}" in text.split("examples:")[1], name
        for action in sub._actions:
            if action.default not in (None, False, "==SUPPRESS==") and action.option_strings and action.help:
                assert "default" in action.help or "(default: " in text, (name, action.dest)
    bench = commands["bench"].format_help()
    assert "(default: bundled)" in bench and "(default: 3)" in bench and "10000" in bench
    assert main(["--version"]) == 0 and capsys.readouterr().out.startswith("policybot ")


def test_verbose_logging_keeps_library_noise_out(built, capsys):
    import logging

    assert main(["-v", "--config", str(built.path), "sources"]) == 0
    # faiss's "Could not load library with AVX512 support" and sentence-transformers' "No modules.json
    # found" are INFO lines about nothing wrong
    assert logging.getLogger("faiss").getEffectiveLevel() >= logging.WARNING
    assert logging.getLogger("sentence_transformers").getEffectiveLevel() >= logging.WARNING


def test_calibrate_refuses_a_folder_that_is_no_set_and_a_set_named_twice(tmp_path, capsys):
    cfg = str(make_config(tmp_path))
    assert main(["--config", cfg, "calibrate", str(tmp_path / "nothing")]) == 1
    assert "is not an evaluation set" in capsys.readouterr().err
    assert main(["--config", cfg, "calibrate", str(ROOT / "eval" / "archive")]) == 2
    assert "same name" in capsys.readouterr().err
