"""`policybot inspect`: how bulletins are understood, held against a truth file and read as an admin reads it."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bot.cli import main
from tests.conftest import BUNDLED, ROOT

DATA = ROOT / "tests" / "data"
ARCHIVE = ROOT / "eval" / "archive"
SCORER = ROOT / "eval" / "tools" / "structure_score.py"


def inspect_json(capsys, *files: Path) -> dict:
    assert main(["inspect", "--json", *map(str, files)]) == 0
    return json.loads(capsys.readouterr().out)


def test_the_development_archive_is_understood_as_its_truth_file_says(capsys, tmp_path):
    report = inspect_json(capsys, *sorted((ARCHIVE / "corpus").iterdir()))
    out = tmp_path / "inspect.json"
    out.write_text(json.dumps(report, ensure_ascii=False), encoding="utf-8")
    proc = subprocess.run([sys.executable, str(SCORER), str(ARCHIVE / "truth.yaml"), str(out),
                           "--min-f1", "0.95", "--min-dates", "0.95", "--min-lists", "0.9", "--min-size", "0.9",
                           "--max-swallowed", "0", "--min-speakers", "0.85"], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout


def test_the_json_record_has_every_documented_key(capsys):
    report = inspect_json(capsys, DATA / "donghu_web_pages.txt")
    assert report["schema_version"] == 1
    (f,) = report["files"]
    assert (f["file"], f["format"], f["encoding"]) == ("donghu_web_pages.txt", "txt", "utf-8")
    first, second = f["articles"]
    assert set(first) >= {"title", "date", "date_source", "speakers", "lists", "passages", "dropped_lines"}
    assert (first["title"], first["date"], first["date_source"]) == (
        "东湖区召开秋冬季大气污染防治攻坚推进会", "2022-10-11", "dateline+page")
    (lst,) = first["lists"]
    assert (lst["speaker"], lst["numbered"], lst["size"]) == ("唐明远", False, 4)
    assert lst["points"][2]["text"].startswith("要严控机动车污染。") and "会上" not in lst["points"][-1]["text"]
    assert any(x.startswith("上一篇") for x in first["dropped_lines"])
    # the second article: its chair is named in the lead, the meeting speaks for him
    assert second["date"] == "2022-12-01" and second["lists"][0]["speaker"] == "钟以宁"


def test_no_year_is_guessed(capsys, tmp_path):
    bulletin = tmp_path / "notice.txt"
    bulletin.write_text("某县召开春耕生产会议\n\n本报讯 3月2日，某县召开春耕生产会议。会议要求抓好春耕备耕。\n", encoding="utf-8")
    (article,) = inspect_json(capsys, bulletin)["files"][0]["articles"]
    assert (article["date"], article["date_source"]) == (None, "dateline")


def test_a_notice_with_nested_levels(capsys):
    (article,) = inspect_json(capsys, DATA / "nanling_notice.txt")["files"][0]["articles"]
    assert article["title"].replace(" ", "") == "南岭县人民政府办公室关于印发《南岭县农村供水保障三年行动方案》的通知"
    assert (article["date"], article["date_source"]) == ("2022-03-18", "document")
    sizes = [(x["size"], x["points"][0]["text"][:6]) for x in article["lists"]]
    assert sizes == [(3, "一、总体要求"), (3, "（一）实施水"), (2, "1.新建水源"), (2, "1.落实管护"), (3, "（一）加强组")]


def test_traditional_documents_are_read_in_simplified_and_shown_as_published(capsys):
    (article,) = inspect_json(capsys, DATA / "nanling_flood_traditional.txt")["files"][0]["articles"]
    assert article["title"] == "南嶺縣召開防汛備汛工作會議"  # shown as published, glosses gone
    (lst,) = article["lists"]
    # read in simplified (one person is one name across the archive), shown as the bulletin writes him
    assert lst["speaker"] == article["speakers"][0] == "蔣文博"
    assert lst["points"][1]["text"].startswith("二要抓好隱患排查")


def test_the_seed_bulletin_parses_as_before(capsys):
    _, meeting = inspect_json(capsys, BUNDLED)["files"][0]["articles"]
    lists = {(x["size"], x["speaker"]) for x in meeting["lists"]}
    assert {(8, "毕志伟"), (5, "毕志伟"), (4, "毕志伟"), (2, "毕志伟"), (7, "刘宗国")} == lists
    assert meeting["date"] == "2021-04-25"


def test_the_readable_view_and_a_bad_file(capsys, tmp_path):
    assert main(["inspect", str(DATA / "nanling_flood_traditional.txt")]) == 0
    out = capsys.readouterr().out
    assert "蒋文博讲话要点" in out and "1. 一要壓實防汛責任" in out
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 400)
    assert main(["inspect", str(bad)]) == 1
    assert "not readable" in capsys.readouterr().out
    assert main(["inspect", str(tmp_path / "missing.txt")]) != 0
    assert "file not found" in capsys.readouterr().err


def test_the_admins_chinese_summary_says_the_same():
    from bot.config import load_config
    from bot.inspection import inspect_files
    from bot.telegram.messages import understanding_text

    report = inspect_files([DATA / "donghu_web_pages.txt"], load_config(ROOT / "config.yaml"))
    text = understanding_text(report["files"][0])
    assert "《东湖区召开秋冬季大气污染防治攻坚推进会》 2022-10-11" in text
    assert "4 条（未编号，唐明远）" in text and "已去除网页杂项" in text


def test_each_point_shows_its_tasks_and_the_admin_sees_how_many():
    from bot.config import load_config
    from bot.inspection import inspect_files
    from bot.telegram.messages import understanding_text

    report = inspect_files([ROOT / "tests" / "data" / "tasks" / "baisha_standing_meeting_0415.txt"],
                           load_config(ROOT / "config.yaml"))
    (lst,) = report["files"][0]["articles"][0]["lists"]
    assert lst["points"][1]["tasks"] == {"lead": ["县城管局"], "partners": ["县应急管理局"], "deadline": "2024-09-30",
                                         "deadline_text": "三季度末前"}
    assert lst["points"][2]["tasks"]["deadline"] == "长期"
    assert "识别出任务 3 项" in understanding_text(report["files"][0])
