"""The `policybot` CLI as testers use it: JSON contract, files of questions, eval, sources, chat, errors."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import ROOT, make_config

RESULT_KEYS = {"rank", "score", "text", "title", "date", "speaker", "ordinal", "passage_id"}


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
    first = record["results"][0]
    assert RESULT_KEYS <= set(first)
    assert first["rank"] == 1 and first["ordinal"] == 3 and first["speaker"] == "毕志伟"
    assert first["text"].startswith("三要聚力项目招引") and first["date"] == "2021-04-25"
    assert [r["rank"] for r in record["results"]] == [1, 2, 3]


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
    assert (pork["answered"], pork["results"]) == (False, [])
    assert (hostile["answered"], hostile["results"]) == (False, [])
    assert huge["answered"] is False and "太长" in huge["message"]


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
    assert summary["hit@1"] == pytest.approx(2 / 3, abs=1e-3)
    assert (summary["offtopic_rejected"], summary["offtopic_questions"]) == (1, 1)
    assert summary["schema_version"] == 1
    assert [m["id"] for m in summary["misses"]] == ["c"]
    code, out, _ = run_cli(capsys, "--config", str(built.path), "eval", str(f))
    assert "hit@1 0.667" in out and "misses:" in out and "c [fact]" in out


def test_sources_lists_bulletins_and_articles(built, capsys):
    code, out, _ = run_cli(capsys, "--config", str(built.path), "sources", "--json")
    data = json.loads(out)
    assert [b["file"] for b in data["bulletins"]] == ["shanting_2021-04_bulletin.txt"]
    assert [a["date"] for a in data["articles"]] == ["2021-04-21", "2021-04-25"]
    assert all(a["passages"] > 5 for a in data["articles"])


def test_chat_reads_questions_from_stdin(built, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.StringIO("第三个聚力是什么\n下一条\n明天会下雨吗\n"))
    code, out, _ = run_cli(capsys, "--config", str(built.path), "chat")
    assert code == 0
    assert "八个聚力 · 第三条 / 共八条" in out and "三要聚力项目招引" in out
    assert "第2个结果" in out
    assert "没有找到" in out


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
