"""The directive ledger (`policybot tasks`): what each unit must do and by when, across the indexed bulletins.

Built over our own two bulletins (tests/data/tasks: an invented county, 白沙县): a task-division notice that
declares a short name ("白沙县住房和城乡建设局（以下简称县住建局）") and a standing meeting's inline tasks."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.config import load_config
from bot.ledger import Task, build_tasks, select, unit_matches, write_csv
from bot.records import Passage, Tasks
from tests.conftest import ROOT, make_config

TASK_FILES = sorted((ROOT / "tests" / "data" / "tasks").glob("*.txt"))
TASK_KEYS = {"task_id", "passage_id", "article_id", "title", "date", "list", "ordinal", "text", "lead", "partners",
             "deadline", "deadline_text", "status", "changes"}


@pytest.fixture(scope="module")
def ledger_config(tmp_path_factory, embedder):
    from bot.ingest import sync

    config_path = make_config(tmp_path_factory.mktemp("ledger"), TASK_FILES)
    sync(load_config(config_path), embedder)
    return config_path


def tasks_cli(capsys, config_path: Path, *args) -> tuple[int, list[dict]]:
    code = main(["--config", str(config_path), "tasks", "--json", "--today", "2024-07-01", *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return code, json.loads(out)["tasks"]


def test_every_task_is_listed_nearest_deadline_first(ledger_config, capsys):
    code, tasks = tasks_cli(capsys, ledger_config)
    assert code == 0
    assert all(set(t) == TASK_KEYS for t in tasks)
    assert [t["deadline"] for t in tasks] == ["2024-05-31", "2024-06-30", "2024-09-30", "2024-09-30", "2024-11-30",
                                              "长期", "长期"]
    first = tasks[0]
    assert first["lead"] == ["县住建局"] and first["partners"] == ["县水务局"] and first["status"] == "overdue"
    assert first["title"] == "白沙县召开县政府常务会议" and first["date"] == "2024-04-15"
    assert {t["status"] for t in tasks[-2:]} == {"long_term"}
    # the validity period of the notice is no task, and no point is listed twice
    assert len({t["task_id"] for t in tasks}) == len(tasks) == 7


def test_a_unit_by_its_short_name_gets_exactly_the_tasks_it_leads(ledger_config, capsys):
    _, tasks = tasks_cli(capsys, ledger_config, "--unit", "住建局")
    assert [(t["lead"], t["deadline"]) for t in tasks] == [(["县住建局"], "2024-05-31"), (["县住建局"], "2024-11-30")]
    # with the tasks it helps with: the notice names it by its full name there, which it declared
    _, helped = tasks_cli(capsys, ledger_config, "--unit", "县住建局", "--partners")
    assert [t["deadline"] for t in helped] == ["2024-05-31", "2024-06-30", "2024-11-30"]
    _, none = tasks_cli(capsys, ledger_config, "--unit", "区住建局")
    assert none == []


def test_deadline_filters(ledger_config, capsys):
    _, before = tasks_cli(capsys, ledger_config, "--due-before", "2024-06-30")
    assert [t["deadline"] for t in before] == ["2024-05-31", "2024-06-30"]
    _, after = tasks_cli(capsys, ledger_config, "--due-after", "2024-09-30")
    assert [t["deadline"] for t in after] == ["2024-09-30", "2024-09-30", "2024-11-30"]
    _, overdue = tasks_cli(capsys, ledger_config, "--overdue")
    assert [t["deadline"] for t in overdue] == ["2024-05-31", "2024-06-30"]
    _, standing = tasks_cli(capsys, ledger_config, "--long-term")
    assert sorted(t["lead"][0] for t in standing) == ["县农业农村局", "各镇"]
    code = main(["--config", str(ledger_config), "tasks", "--due-before", "6月底"])
    assert code == 2 and "2024-06-30" in capsys.readouterr().err


def test_the_spreadsheet_a_supervision_office_prints(ledger_config, tmp_path, capsys):
    openpyxl = pytest.importorskip("openpyxl")
    path = tmp_path / "ledger.xlsx"
    assert main(["--config", str(ledger_config), "tasks", "--unit", "住建局", "--xlsx", str(path)]) == 0
    sheet = openpyxl.load_workbook(path).active
    rows = list(sheet.values)
    assert rows[0] == ("序号", "工作任务", "牵头单位", "配合单位", "完成时限", "来源")
    assert len(rows) == 3 and rows[1][2] == "县住建局" and rows[1][4].startswith("2024-05-31")
    assert rows[2][5] == "白沙县人民政府办公室关于印发《白沙县2024年城乡建设重点任务分工方案》的通知 · 2024-03-08"
    assert sheet.freeze_panes == "A2" and sheet.column_dimensions["B"].width >= 60


def test_the_csv_opens_in_a_spreadsheet_without_mangling_or_formulas(ledger_config, tmp_path, capsys):
    path = tmp_path / "ledger.csv"
    assert main(["--config", str(ledger_config), "tasks", "--csv", str(path)]) == 0
    data = path.read_bytes()
    assert data.startswith("\ufeff".encode())  # Excel reads UTF-8 only with its BOM
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == ["序号", "工作任务", "牵头单位", "配合单位", "完成时限", "来源"] and len(rows) == 8
    hostile = Task("x:L0:1", "x:001", "x", "=cmd|' /C calc'!A0", "2024-01-01", None, 1, "=HYPERLINK(\"http://x\")",
                   ("+县财政局",), (), "2024-06-30", "6月底前", "open")
    out = io.StringIO()
    write_csv([hostile], out)
    cells = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))[1]
    assert cells[1].startswith("'=") and cells[2].startswith("'+") and cells[5].startswith("'=")


def point(pid: str, lead: tuple, deadline: str | None, partners: tuple = (), ordinal: int = 1) -> Passage:
    return Passage(passage_id=pid, article_id="a", kind="point", position=ordinal, text=f"任务{pid}。", title="标题",
                   date="2024-03-01", date_text="2024年3月1日", source="f.txt", list_id="a:L0", ordinal=ordinal,
                   list_label="要点", tasks=Tasks(lead, partners, deadline, deadline))


def test_order_status_and_unit_names_without_an_index():
    today = dt.date(2024, 7, 1)
    points = [point("1", ("县水务局",), None, ordinal=1), point("2", ("县住建局",), "长期", ordinal=2),
              point("3", ("区住建局",), "2024-08-31", ordinal=3), point("4", ("县住房和城乡建设局",), "2024-06-30", ordinal=4)]
    tasks = build_tasks(points, today)
    assert [(t.deadline, t.status) for t in tasks] == [("2024-06-30", "overdue"), ("2024-08-31", "open"),
                                                      ("长期", "long_term"), (None, "undated")]
    aliases = {"县住建局": "县住房和城乡建设局"}
    assert [t.lead for t in select(tasks, aliases, unit="县住建局")] == [("县住房和城乡建设局",), ("县住建局",)]
    assert len(select(tasks, aliases, unit="住建局")) == 3  # the county's and the district's bureau alike
    assert unit_matches("住建局", "县住建局", {}) and not unit_matches("县住建局", "区住建局", {})
    assert unit_matches("每个乡镇", "各乡镇", {}) and not unit_matches("每个乡镇", "县住建局", {})


def test_a_configured_alias_names_a_unit_the_documents_never_shorten(ledger_config, capsys):
    import yaml

    raw = yaml.safe_load(ledger_config.read_text(encoding="utf-8"))
    raw["ledger"] = {"aliases": ["水务局=县水务局"]}
    path = ledger_config.parent / "aliases.yaml"  # beside the index it reads
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    _, tasks = tasks_cli(capsys, path, "--unit", "县水利和水务局")
    assert tasks == []
    raw["ledger"] = {"aliases": ["县水利和水务局=县水务局"]}
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    _, tasks = tasks_cli(capsys, path, "--unit", "县水利和水务局")
    assert [t["lead"] for t in tasks] == [["县水务局"]]
    raw["ledger"] = {"aliases": ["县水务局"]}
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    assert main(["--config", str(path), "tasks"]) == 2 and "县水利" not in capsys.readouterr().err


def version(article: str, date: str, text: str, lead: str, deadline: str, deadline_text: str, ordinal: int = 1):
    return Passage(passage_id=f"{article}:{ordinal:03d}", article_id=article, kind="point", position=ordinal,
                   text=text, title=f"《{article}》", date=date, date_text=date, source=f"{article}.txt",
                   list_id=f"{article}:L0", ordinal=ordinal, list_label="要点",
                   tasks=Tasks((lead,), (), deadline, deadline_text))


def test_a_later_document_changes_a_task_rather_than_adding_one():
    plan = version("plan", "2024-03-01", "3.改造城镇老旧小区22个，惠及居民3100户，同步完善配套设施。（牵头单位：县住建局；"
                   "完成时限：6月底前）", "县住建局", "2024-06-30", "6月底前")
    other = version("plan", "2024-03-01", "4.新建城市公园两处，增加绿地面积。（牵头单位：县住建局；完成时限：9月底前）",
                    "县住建局", "2024-09-30", "9月底前", ordinal=2)
    corrected = version("fix", "2024-03-05", "3.改造城镇老旧小区25个，惠及居民3100户，同步完善配套设施。（牵头单位："
                        "县住建局；完成时限：6月底前）", "县住建局", "2024-06-30", "6月底前")
    moved = version("meeting", "2024-05-20", "改造城镇老旧小区25个，惠及居民3100户，同步完善配套设施，县住建局要在"
                    "8月底前完成。", "县住建局", "2024-08-31", "8月底前")
    restated = version("bulletin", "2024-06-01", "改造城镇老旧小区25个，惠及居民3100户，同步完善配套设施，县住建局要在"
                       "8月底前完成。", "县住建局", "2024-08-31", "8月底前")
    district = version("district", "2024-06-02", "改造城镇老旧小区25个，惠及居民3100户，同步完善配套设施，区住建局要在"
                       "10月底前完成。", "区住建局", "2024-10-31", "10月底前")
    tasks = build_tasks([plan, other, corrected, moved, restated, district], dt.date(2024, 7, 1))
    housing = [t for t in tasks if "老旧小区" in t.text]
    # one task for the county's bureau (the latest version, the corrected figure), one for the district's
    assert [(t.lead, t.deadline) for t in housing] == [(("县住建局",), "2024-08-31"), (("区住建局",), "2024-10-31")]
    latest = housing[0]
    assert "25个" in latest.text and latest.article_id == "bulletin"
    assert [c.title for c in latest.changes] == ["《plan》", "《fix》", "《meeting》"]
    assert latest.moved.deadline == "2024-06-30" and latest.moved.by_title == "《meeting》"
    assert latest.moved.note == "原为6月底前，《meeting》（2024-05-20）调整"
    assert any("公园" in t.text and not t.changes for t in tasks)  # the same unit's other task stays its own
    assert latest.record()["changes"][0]["deadline_text"] == "6月底前"
