"""Index lifecycle: formats, identity and duplicates, replace and remove, sync, the embedding cache,
bad files, one writer at a time, readers during a rebuild, and SIGKILL at any moment."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import zipfile
from pathlib import Path

import docx
import opencc
import pytest

from bot.config import load_config
from bot.errors import BulletinError, IndexBusy, IndexUnavailable
from bot.index import current_generation, open_snapshot
from bot.ingest import add_files, remove_bulletin, sync, writer_lock
from bot.search import Searcher
from tests.conftest import BUNDLED, ROOT, make_config, top_result

TITLE = "全区乡村振兴暨安全生产工作会议召开"
PARAS = [
    "本报讯 3月8日,全区乡村振兴暨安全生产工作会议在区行政中心召开。区委副书记王建国出席会议并讲话。",
    "王建国强调,要重点抓好三项工作:一是抓好粮食生产。稳定粮食播种面积,确保全年粮食产量稳定在20万吨以上。"
    "二是抓好人居环境整治。持续开展村庄清洁行动,年内完成改厕3000户。三是抓好农民增收。发展村级集体经济,"
    "确保农民人均可支配收入增长8%以上。",
    "会议要求,各镇街要压实安全责任,深化隐患排查,做好防汛物资储备。(张华)",
]
TEXT = TITLE + "\n\n" + "\n\n".join(PARAS) + "\n"


def as_html(title: str, paras: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paras)
    return f"""<!doctype html><html><head><meta charset="utf-8"><title>{title}</title>
<style>p {{ color: #333 }}</style><script>var x = "<p>脚本里的文字不是正文</p>";</script></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/gov">政务公开</a></li></ul></nav>
<article><h1>{title}</h1>{body}</article>
<footer>版权所有 © 区融媒体中心 备案号12345678</footer></body></html>""".encode("utf-8")


def as_docx(title: str, paras: list[str], table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    document.add_heading(title, level=1)
    for p in paras:
        document.add_paragraph(p)
    if table:
        t = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, cell in enumerate(row):
                t.cell(r, c).text = cell
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def bulletin(i: int, topic: str = "防汛") -> str:
    """A small synthetic bulletin with a numbered list; `i` makes its text unique."""
    return (
        f"全区第{i}次{topic}工作调度会召开\n\n"
        f"本报讯 5月{i % 28 + 1}日,全区第{i}次{topic}工作调度会召开。副区长赵{i}出席会议并讲话。\n\n"
        f"会议强调,一要压实{topic}责任。各镇街要落实第{i}号责任清单,明确到人。"
        f"二要加强{topic}巡查。对重点部位每天巡查{i}次,发现问题及时处置。"
        f"三要做好{topic}物资储备。储备编织袋{i * 100}条,确保随时调用。\n\n"
        f"会议要求,各部门要把第{i}项任务落到实处,确保安全度汛。\n"
    )


def fresh(tmp_path: Path, files: dict[str, bytes], **overrides):
    folder = tmp_path / "site"
    cfg = make_config(folder, files=[], **overrides)
    for name, data in files.items():
        (folder / "corpus" / name).write_bytes(data)
    return load_config(cfg)


def texts(config) -> list[str]:
    snap = open_snapshot(config.index)
    try:
        return [r[0] for r in snap.db.execute("SELECT text FROM passages ORDER BY id")]
    finally:
        snap.close()


# ---------------------------------------------------------------- formats and identity


def test_the_same_article_in_every_format_and_encoding_is_indexed_once(tmp_path, embedder):
    files = {
        "a_utf8.txt": TEXT.encode("utf-8"),
        "b_gb18030_crlf.txt": TEXT.replace("\n", "\r\n").encode("gb18030"),
        "c_bom.md": b"\xef\xbb\xbf" + ("# " + TEXT).encode("utf-8"),
        "d.html": as_html(TITLE, PARAS),
        "e.docx": as_docx(TITLE, PARAS),
    }
    config = fresh(tmp_path, files)
    report = sync(config, embedder)
    assert report.articles_added == [TITLE]
    assert sorted(f for f, _ in report.duplicates) == ["b_gb18030_crlf.txt", "c_bom.md", "d.html", "e.docx"]
    assert not report.errors
    snap = open_snapshot(config.index)
    assert snap.manifest.articles == 1
    assert len(snap.bulletins()) == 5  # every file is known, so none is parsed again
    assert all("脚本里的文字" not in t and "首页" not in t for t in texts(config))
    again = sync(config, embedder)
    assert not again.changed and len(again.files_unchanged) == 5


def test_docx_tables_are_indexed(tmp_path, embedder):
    data = as_docx("全区重点项目推进表", ["本报讯 6月1日,全区重点项目推进情况通报如下。"],
                   table=[["项目", "进度"], ["城东污水处理厂", "完成投资百分之六十"]])
    config = fresh(tmp_path, {"t.docx": data})
    sync(config, embedder)
    answer = Searcher(config, embedder).search("城东污水处理厂进度")
    assert answer.answered and "城东污水处理厂 | 完成投资百分之六十" in answer.results[0].passage.text


def test_a_big5_bulletin_in_traditional_characters_is_found_by_simplified_questions(tmp_path, embedder):
    traditional = opencc.OpenCC("s2t").convert(TEXT)
    config = fresh(tmp_path, {"big5.txt": traditional.encode("big5")})
    report = sync(config, embedder)
    assert not report.errors and len(report.articles_added) == 1
    answer = Searcher(config, embedder).search("改厕任务是多少")
    assert answer.answered
    assert "3000戶" in answer.results[0].passage.text  # shown as published


# ---------------------------------------------------------------- add, replace, remove, sync


def test_add_copies_new_bulletins_and_adding_again_adds_nothing(tmp_path, embedder):
    config = fresh(tmp_path, {"b1.txt": bulletin(1).encode()})
    sync(config, embedder)
    new = tmp_path / "incoming" / "b2.txt"
    new.parent.mkdir()
    new.write_text(bulletin(2), encoding="utf-8")
    report = add_files(config, embedder, [new])
    assert report.articles_added == ["全区第2次防汛工作调度会召开"] and report.passages_added >= 3
    assert (config.corpus / "b2.txt").read_text(encoding="utf-8") == bulletin(2)
    generation = current_generation(config.index)
    # the same file again, and the same text as GB18030 under another name: nothing added, and it says so
    other = tmp_path / "incoming" / "copy.txt"
    other.write_bytes(bulletin(2).replace("\n", "\r\n").encode("gb18030"))
    report = add_files(config, embedder, [new, other])
    assert not report.articles_added and len(report.duplicates) == 2
    assert current_generation(config.index) == generation
    assert sorted(p.name for p in config.corpus.iterdir() if p.is_file()) == ["b1.txt", "b2.txt"]


def test_a_corrected_article_replaces_the_old_one(tmp_path, embedder):
    config = fresh(tmp_path, {"b.txt": bulletin(3).encode()})
    sync(config, embedder)
    corrected = bulletin(3).replace("储备编织袋300条", "储备编织袋500条、救生衣80件")
    (config.corpus / "b.txt").write_text(corrected, encoding="utf-8")
    report = sync(config, embedder)
    assert report.articles_replaced == ["全区第3次防汛工作调度会召开"] and not report.articles_added
    assert report.files_replaced == ["b.txt"]
    joined = "".join(texts(config))
    assert "救生衣80件" in joined and "编织袋300条" not in joined
    assert open_snapshot(config.index).manifest.articles == 1
    # only the changed passage was embedded again
    assert report.embedded == 1 and report.cached >= 3


def test_articles_that_only_share_sentences_are_both_kept(tmp_path, embedder):
    shared = "会议要求,各部门要把任务落到实处,确保安全度汛。"
    a = "甲镇召开防汛会议\n\n本报讯 6月1日,甲镇召开防汛会议。" + shared + "\n"
    b = "乙镇召开防汛会议\n\n本报讯 6月2日,乙镇召开防汛会议。" + shared + "\n"
    config = fresh(tmp_path, {"a.txt": a.encode(), "b.txt": b.encode()})
    report = sync(config, embedder)
    assert sorted(report.articles_added) == ["乙镇召开防汛会议", "甲镇召开防汛会议"]


def test_remove_by_file_and_by_article_id(tmp_path, embedder, capsys):
    from bot.cli import main

    config = fresh(tmp_path, {"b4.txt": bulletin(4).encode(), "b5.txt": bulletin(5).encode()})
    sync(config, embedder)
    report = remove_bulletin(config, embedder, "b4.txt")
    assert report.articles_removed == ["全区第4次防汛工作调度会召开"] and report.files_removed == ["b4.txt"]
    assert not (config.corpus / "b4.txt").exists()
    assert [p.name.endswith("b4.txt") for p in (config.corpus / ".removed").iterdir()] == [True]  # nothing lost
    article_id = open_snapshot(config.index).articles()[0]["article_id"]
    assert main(["--config", str(config.path), "remove", article_id]) == 0
    out = capsys.readouterr().out
    assert "articles removed: 1" in out and "files removed: 1" in out
    assert open_snapshot(config.index).manifest.articles == 0
    with pytest.raises(BulletinError, match="没有找到"):
        remove_bulletin(config, embedder, "no-such-bulletin")


def test_add_and_remove_count_passages_alike(tmp_path, embedder):
    config = fresh(tmp_path, {})
    added = add_files(config, embedder, [_write(tmp_path / "b9.txt", bulletin(9))])
    removed = remove_bulletin(config, embedder, "b9.txt")
    # searchable passages both ways (the list's outline row is not one): +N then -N, not -(N+1)
    assert added.passages_added > 0 and removed.passages_removed == added.passages_added


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_an_admin_sets_an_unknown_date_and_a_rebuild_keeps_it(tmp_path, embedder, capsys):
    from bot.cli import main
    from bot.ingest import read_dates, set_date

    config = fresh(tmp_path, {"b3.txt": bulletin(3).encode()})  # "5月4日" and no year anywhere: date unknown
    sync(config, embedder)
    (article,) = open_snapshot(config.index).articles()
    assert article["date"] is None
    ids_before = texts(config)
    report = set_date(config, embedder, article["article_id"], "2024年5月4日")
    assert report.dates_set == [("全区第3次防汛工作调度会召开", "2024-05-04")]
    assert report.articles_added == [] and report.articles_removed == []
    (article2,) = open_snapshot(config.index).articles()
    assert (article2["article_id"], article2["date"], article2["date_text"]) == (article["article_id"], "2024-05-04",
                                                                                  "2024年5月4日")
    assert texts(config) == ids_before  # the same passages, now dated
    assert read_dates(config.corpus) == {article["article_id"]: "2024-05-04"}
    # the correction lives with the bulletins: a rebuild from corpus/ keeps it
    sync(config, embedder, rebuild=True)
    assert open_snapshot(config.index).articles()[0]["date"] == "2024-05-04"
    # the CLI corrects it again; wrong dates and unknown articles are messages that change nothing
    assert main(["--config", str(config.path), "set-date", article["article_id"], "2024-05-14"]) == 0
    assert "date set: 《全区第3次防汛工作调度会召开》 2024-05-14" in capsys.readouterr().out
    assert main(["--config", str(config.path), "set-date", article["article_id"], "2024-13-40"]) == 1
    assert "日期格式不对" in capsys.readouterr().err
    assert main(["--config", str(config.path), "set-date", "0000000000000000", "2024-05-01"]) == 1
    assert "没有找到文章" in capsys.readouterr().err
    assert open_snapshot(config.index).articles()[0]["date"] == "2024-05-14"
    assert read_dates(config.corpus) == {article["article_id"]: "2024-05-14"}


def test_sync_follows_files_deleted_and_edited_in_the_corpus(tmp_path, embedder):
    config = fresh(tmp_path, {f"b{i}.txt": bulletin(i).encode() for i in (6, 7, 8)})
    sync(config, embedder)
    (config.corpus / "b6.txt").unlink()
    (config.corpus / "b7.txt").write_text(bulletin(7).replace("赵7", "钱7"), encoding="utf-8")
    (config.corpus / "b9.txt").write_text(bulletin(9), encoding="utf-8")
    report = sync(config, embedder)
    assert report.files_removed == ["b6.txt"] and report.files_replaced == ["b7.txt"]
    assert report.files_added == ["b9.txt"] and report.files_unchanged == ["b8.txt"]
    assert report.articles_replaced == ["全区第7次防汛工作调度会召开"]
    titles = sorted(a["title"] for a in open_snapshot(config.index).articles())
    assert titles == [f"全区第{i}次防汛工作调度会召开" for i in (7, 8, 9)]


def test_an_article_held_by_two_files_survives_removing_one(tmp_path, embedder):
    config = fresh(tmp_path, {"a.txt": bulletin(10).encode()})
    sync(config, embedder)
    (config.corpus / "b.txt").write_bytes(bulletin(10).encode("gb18030"))
    sync(config, embedder)
    remove_bulletin(config, embedder, "a.txt")
    (article,) = open_snapshot(config.index).articles()
    assert article["file"] == "b.txt"
    assert Searcher(config, embedder).search("第10次防汛调度会储备多少编织袋").answered


def test_a_second_rebuild_embeds_nothing(tmp_path, embedder):
    config = fresh(tmp_path, {"b.txt": bulletin(11).encode()})
    first = sync(config, embedder)
    assert first.embedded > 0
    again = sync(config, embedder, rebuild=True)
    assert again.changed and again.embedded == 0 and again.cached == first.embedded


# ---------------------------------------------------------------- bad files


def fake_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "not a word document")
    return buf.getvalue()


NAV_ONLY = ("<html><body><nav><a href='/'>首页</a> <a href='/a'>新闻</a> <a href='/b'>政务</a></nav>"
            "<footer><a href='/c'>联系我们</a></footer></body></html>").encode()


@pytest.mark.parametrize(
    "name,data,message",
    [
        ("empty.txt", b"", "空"),
        ("binary.txt", bytes(range(256)) * 40, "二进制"),
        ("english.txt", b"Minutes of the meeting. Nothing in Chinese here.", "中文"),
        ("fake.docx", fake_docx(), "Word"),
        ("nav.html", NAV_ONLY, "正文"),
        ("huge.txt", ("正文。" * 200000).encode(), "太大"),
        ("slides.pdf", b"%PDF-1.4", "损坏"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "另存为"),
    ],
)
def test_bad_files_get_a_clear_message_and_change_nothing(tmp_path, embedder, name, data, message):
    config = fresh(tmp_path, {"good.txt": bulletin(12).encode()}, ingest={"max_file_mb": 0.5})
    sync(config, embedder)
    generation = current_generation(config.index)
    path = tmp_path / name
    path.write_bytes(data)
    report = add_files(config, embedder, [path])
    assert [f for f, _ in report.errors] == [name] and message in report.errors[0][1]
    assert current_generation(config.index) == generation
    assert [p.name for p in config.corpus.iterdir() if p.is_file()] == ["good.txt"]


def test_a_bad_edit_in_the_corpus_loses_nothing(tmp_path, embedder):
    config = fresh(tmp_path, {"b.txt": bulletin(13).encode()})
    sync(config, embedder)
    (config.corpus / "b.txt").write_bytes(bytes(range(256)) * 10)
    report = sync(config, embedder)
    assert report.errors and report.errors[0][0] == "b.txt"
    assert open_snapshot(config.index).manifest.articles == 1


# ---------------------------------------------------------------- concurrency and crashes


def test_a_second_writer_is_refused_or_waits(tmp_path, embedder):
    config = fresh(tmp_path, {"b.txt": bulletin(14).encode()})
    released = threading.Event()

    def hold():
        with writer_lock(config.index):
            released.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.3)
    with pytest.raises(IndexBusy) as err:
        sync(config, embedder)
    assert "another index change is running" in err.value.message
    threading.Timer(0.5, released.set).start()
    report = sync(config, embedder, wait_seconds=10)  # waits for the first, then runs
    holder.join()
    assert report.changed


def test_queries_keep_working_during_rebuilds_and_see_the_new_index(tmp_path, embedder):
    config = fresh(tmp_path, {"b.txt": bulletin(15).encode()})
    sync(config, embedder)
    searcher = Searcher(config, embedder)
    errors: list[BaseException] = []
    answered = []
    stop = threading.Event()

    def ask():
        while not stop.is_set():
            try:
                answered.append(searcher.search("防汛物资储备多少编织袋").answered)
            except BaseException as exc:  # noqa: BLE001 - any failure is the test's failure
                errors.append(exc)

    thread = threading.Thread(target=ask)
    thread.start()
    try:
        for i in range(3):
            sync(config, embedder, rebuild=True)
        (config.corpus / "new.txt").write_text(bulletin(16, topic="森林防火"), encoding="utf-8")
        sync(config, embedder)
    finally:
        stop.set()
        thread.join()
    assert not errors and answered and all(answered)
    assert "森林防火" in top_result(searcher, "森林防火物资储备").passage.text


# The child process rebuilds the index and stops itself at a chosen moment (after writing a few
# articles into the new generation, just before the CURRENT pointer is replaced, or just after it),
# says so through a marker file, and waits there to be killed: the kill lands after writing started.
KILLED_CHILD = """
import os, sys, time
import bot.index, bot.ingest
stage, marker, config = sys.argv[1:4]

def reached():
    open(marker, "w").close()
    time.sleep(600)  # SIGKILL arrives here

if stage == "writing":
    add_article, added = bot.index.GenerationWriter.add_article, []
    def hooked(self, *args, **kwargs):
        add_article(self, *args, **kwargs)
        added.append(1)
        if len(added) == 3:
            reached()
    bot.index.GenerationWriter.add_article = hooked
elif stage == "before-commit":
    replace = os.replace
    def hooked(src, dst, *args, **kwargs):
        if os.path.basename(dst) == "CURRENT":
            reached()
        return replace(src, dst, *args, **kwargs)
    os.replace = hooked
else:
    bot.ingest.prune_generations = lambda *args, **kwargs: reached()
from bot.cli import main
sys.exit(main(["--config", config, "index", "--rebuild"]))
"""


def _killed_at(config, stage: str, tmp_path: Path) -> None:
    marker = tmp_path / f"reached-{stage}"
    proc = subprocess.Popen([sys.executable, "-c", KILLED_CHILD, stage, str(marker), str(config.path)],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 240
        while not marker.exists():
            assert proc.poll() is None, proc.stderr.read().decode()[-2000:]
            assert time.monotonic() < deadline, "the child never reached " + stage
            time.sleep(0.05)
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        proc.stderr.close()


def test_sigkill_during_a_rebuild_leaves_the_old_or_the_new_index(tmp_path, embedder):
    config = fresh(tmp_path, {f"b{i:02d}.txt": bulletin(i).encode() for i in range(10)})
    later = {f"b{i:02d}.txt": bulletin(i, topic="安全生产") for i in range(10, 20)}
    for name, text in later.items():
        (config.corpus / name).write_text(text, encoding="utf-8")
    sync(config, embedder)  # every passage is now in the embedding cache: the children load no model
    for name in later:
        (config.corpus / name).unlink()
    sync(config, embedder)
    question = "第7次防汛调度会对重点部位每天巡查几次"
    before = Searcher(config, embedder).search(question).results[0].passage.passage_id
    for name, text in later.items():
        (config.corpus / name).write_text(text, encoding="utf-8")
    old = current_generation(config.index)
    for stage, articles in (("writing", 10), ("before-commit", 10), ("after-commit", 20)):
        _killed_at(config, stage, tmp_path)
        # the killed rebuild had written a generation of its own
        assert len([p for p in config.index.glob("gen-*") if p.name != old]) >= 1, stage
        snap = open_snapshot(config.index)  # loads: manifest, FAISS and SQLite agree
        assert snap.manifest.articles == articles, stage
        snap.close()
        assert (current_generation(config.index) == old) == (articles == 10), stage
        # whatever happened, the index answers the question as before (article 7 is in both states)
        answer = Searcher(config, embedder).search(question)
        assert answer.results[0].passage.passage_id == before, stage
    (config.corpus / "b20.txt").write_text(bulletin(20), encoding="utf-8")
    sync(config, embedder)  # the next change cleans up and completes
    assert open_snapshot(config.index).manifest.articles == 21
    assert len(list(config.index.glob("gen-*"))) <= 2


# ---------------------------------------------------------------- damaged indexes


def test_damaged_indexes_give_a_message_naming_rebuild(tmp_path, embedder, capsys):
    from bot.cli import main

    config = fresh(tmp_path, {"b.txt": bulletin(17).encode()})
    sync(config, embedder)
    gen = config.index / current_generation(config.index)
    saved = tmp_path / "saved"
    shutil.copytree(gen, saved)

    def expect_unavailable():
        with pytest.raises(IndexUnavailable) as err:
            Searcher(config, embedder)
        assert "policybot index --rebuild" in err.value.message
        assert main(["--config", str(config.path), "query", "防汛"]) == 1
        assert "policybot index --rebuild" in capsys.readouterr().err

    (gen / "vectors.faiss").write_bytes(b"garbage")
    expect_unavailable()
    shutil.copy(saved / "vectors.faiss", gen / "vectors.faiss")
    with open(gen / "index.sqlite", "r+b") as fh:
        fh.seek(0)
        fh.write(b"\x00" * 200)
    expect_unavailable()
    shutil.copy(saved / "index.sqlite", gen / "index.sqlite")
    # FAISS and SQLite disagree: a vector file from another generation
    other = fresh(tmp_path / "other", {"x.txt": bulletin(18).encode(), "y.txt": bulletin(19).encode()})
    sync(other, embedder)
    shutil.copy(other.index / current_generation(other.index) / "vectors.faiss", gen / "vectors.faiss")
    expect_unavailable()
    # a sync refuses to build on a damaged index; a rebuild repairs it
    with pytest.raises(IndexUnavailable):
        sync(config, embedder)
    assert main(["--config", str(config.path), "index", "--rebuild"]) == 0
    capsys.readouterr()
    assert Searcher(config, embedder).search("防汛物资储备").answered
    (config.index / "CURRENT").write_text("gen-missing\n")
    expect_unavailable()


# ---------------------------------------------------------------- all or nothing, and corrections


def malformed_docx() -> bytes:
    """A real .docx whose word/document.xml is cut in the middle of a tag."""
    good = zipfile.ZipFile(io.BytesIO(as_docx(TITLE, PARAS)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for item in good.infolist():
            data = good.read(item.filename)
            z.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return buf.getvalue()


def zip_bomb(unpacked_mb: int) -> bytes:
    """A small .docx whose document.xml inflates to `unpacked_mb` MB."""
    good = zipfile.ZipFile(io.BytesIO(as_docx(TITLE, PARAS)))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for item in good.infolist():
            if item.filename == "word/document.xml":
                with z.open("word/document.xml", "w", force_zip64=True) as fh:
                    chunk = b"<w:p><w:r><w:t>" + "防汛".encode() * 100_000 + b"</w:t></w:r></w:p>"
                    for _ in range(unpacked_mb * 1048576 // len(chunk) + 1):
                        fh.write(chunk)
            else:
                z.writestr(item, good.read(item.filename))
    return buf.getvalue()


def corpus_names(config) -> list[str]:
    return sorted(p.name for p in config.corpus.iterdir() if p.is_file())


def test_a_malformed_docx_is_a_per_file_message_and_blocks_no_other_file(tmp_path, embedder, capsys):
    from bot.cli import main

    config = fresh(tmp_path, {"bad.docx": malformed_docx(), "b1.txt": bulletin(20).encode()})
    report = sync(config, embedder)
    assert [f for f, _ in report.errors] == ["bad.docx"] and "损坏" in report.errors[0][1]
    assert report.articles_added == ["全区第20次防汛工作调度会召开"]
    new = tmp_path / "b2.txt"
    new.write_text(bulletin(21), encoding="utf-8")
    assert main(["--config", str(config.path), "add", str(new)]) == 0  # the bad file in corpus/ blocks nothing
    out = capsys.readouterr().out
    assert "articles added: 1" in out and "not indexed: bad.docx" in out
    assert main(["--config", str(config.path), "add", str(tmp_path / "again.docx")]) == 1  # unreadable path
    bad = tmp_path / "mine.docx"
    bad.write_bytes(malformed_docx())
    assert main(["--config", str(config.path), "add", str(bad)]) == 1
    _, err = capsys.readouterr()
    assert "Traceback" not in err and open_snapshot(config.index).manifest.articles == 2


def test_a_zip_bomb_is_refused_before_it_is_inflated(tmp_path, embedder):
    config = fresh(tmp_path, {}, ingest={"max_unpacked_mb": 8})
    bomb = tmp_path / "bomb.docx"
    bomb.write_bytes(zip_bomb(12))
    assert bomb.stat().st_size < 1048576
    report = add_files(config, embedder, [bomb])
    assert [f for f, _ in report.errors] == ["bomb.docx"] and "压缩炸弹" in report.errors[0][1]
    assert corpus_names(config) == []


def test_a_corrected_article_under_another_file_name_replaces_the_old_one(tmp_path, embedder, capsys):
    from bot.cli import main

    config = fresh(tmp_path, {"b.txt": bulletin(22).encode()})
    sync(config, embedder)
    fixed = tmp_path / "b-corrected.txt"
    fixed.write_text(bulletin(22).replace("储备编织袋2200条", "储备编织袋2500条"), encoding="utf-8")
    assert main(["--config", str(config.path), "add", str(fixed)]) == 0
    out = capsys.readouterr().out
    assert "articles replaced: 1" in out and "corrected article replaces the old one" in out
    assert corpus_names(config) == ["b-corrected.txt"]  # the old edition went to corpus/.removed/
    assert [p.name.endswith("-b.txt") for p in (config.corpus / ".removed").iterdir()] == [True]
    (article,) = open_snapshot(config.index).articles()
    assert article["file"] == "b-corrected.txt"
    joined = "".join(texts(config))
    assert "编织袋2500条" in joined and "编织袋2200条" not in joined
    assert not sync(config, embedder).changed  # stable: the next sync changes nothing
    # a second correction under the same name: the previous edition is kept in corpus/.removed/ too
    fixed.write_text(bulletin(22).replace("储备编织袋2200条", "储备编织袋2600条"), encoding="utf-8")
    assert add_files(config, embedder, [fixed]).articles_replaced == ["全区第22次防汛工作调度会召开"]
    assert corpus_names(config) == ["b-corrected.txt"] and len(list((config.corpus / ".removed").iterdir())) == 2
    assert "编织袋2600条" in "".join(texts(config))


def test_a_corrected_copy_dropped_into_the_corpus_wins_and_stays_won(tmp_path, embedder):
    config = fresh(tmp_path, {"old.txt": bulletin(23).encode()})
    sync(config, embedder)
    time.sleep(0.01)
    (config.corpus / "new.txt").write_text(bulletin(23).replace("赵23", "钱23"), encoding="utf-8")
    report = sync(config, embedder)
    assert report.articles_replaced == ["全区第23次防汛工作调度会召开"]
    assert report.superseded == [("全区第23次防汛工作调度会召开", "old.txt", "new.txt")]
    (article,) = open_snapshot(config.index).articles()
    assert article["file"] == "new.txt"
    assert not sync(config, embedder).changed


def test_add_and_remove_refused_by_another_writer_change_nothing_and_a_rerun_finishes(tmp_path, embedder):
    config = fresh(tmp_path, {"b1.txt": bulletin(24).encode()})
    sync(config, embedder)
    new = tmp_path / "b2.txt"
    new.write_text(bulletin(25), encoding="utf-8")
    generation = current_generation(config.index)
    with writer_lock(config.index):
        with pytest.raises(IndexBusy):
            add_files(config, embedder, [new])
        with pytest.raises(IndexBusy):
            remove_bulletin(config, embedder, "b1.txt")
    assert corpus_names(config) == ["b1.txt"] and current_generation(config.index) == generation
    report = add_files(config, embedder, [new])
    assert report.articles_added == ["全区第25次防汛工作调度会召开"]
    assert remove_bulletin(config, embedder, "b1.txt").articles_removed == ["全区第24次防汛工作调度会召开"]
    assert corpus_names(config) == ["b2.txt"]
    with pytest.raises(BulletinError, match="没有找到"):  # removing again is a message, not a traceback
        remove_bulletin(config, embedder, "b1.txt")


def test_an_add_that_fails_before_publishing_changes_nothing_and_a_rerun_finishes(tmp_path, embedder, monkeypatch):
    import errno

    from bot.errors import IndexUnwritable
    from bot.index import GenerationWriter

    config = fresh(tmp_path, {"b1.txt": bulletin(26).encode()})
    sync(config, embedder)
    new = tmp_path / "b2.txt"
    new.write_text(bulletin(27), encoding="utf-8")
    publish = GenerationWriter.publish

    def read_only(self, model, catalog):
        raise PermissionError(errno.EROFS, "Read-only file system", str(self.folder))

    monkeypatch.setattr(GenerationWriter, "publish", read_only)
    with pytest.raises(IndexUnwritable, match="make it writable"):
        add_files(config, embedder, [new])
    assert corpus_names(config) == ["b1.txt"] and not (config.corpus / ".pending").exists()
    monkeypatch.setattr(GenerationWriter, "publish", publish)
    assert add_files(config, embedder, [new]).articles_added == ["全区第27次防汛工作调度会召开"]
    assert corpus_names(config) == ["b1.txt", "b2.txt"]


def test_an_add_killed_after_publishing_is_finished_by_the_next_command(tmp_path, embedder, monkeypatch):
    import bot.ingest

    config = fresh(tmp_path, {"b1.txt": bulletin(28).encode()})
    sync(config, embedder)
    new = tmp_path / "b2.txt"
    new.write_text(bulletin(29), encoding="utf-8")
    finish = bot.ingest.finish_pending
    calls = []

    def dies_after_publishing(config):  # the first call (under the lock) runs; the one after publish "dies"
        calls.append(1)
        return finish(config) if len(calls) == 1 else False

    monkeypatch.setattr(bot.ingest, "finish_pending", dies_after_publishing)
    add_files(config, embedder, [new])
    assert corpus_names(config) == ["b1.txt"] and (config.corpus / ".pending" / "journal.json").exists()
    monkeypatch.setattr(bot.ingest, "finish_pending", finish)
    report = sync(config, embedder)  # any next change applies the journal first
    assert corpus_names(config) == ["b1.txt", "b2.txt"] and not report.files_removed
    assert open_snapshot(config.index).manifest.articles == 2 and not (config.corpus / ".pending").exists()


def test_a_dot_file_is_added_under_a_visible_name(tmp_path, embedder):
    config = fresh(tmp_path, {})
    hidden = tmp_path / ".hidden.txt"
    hidden.write_text(bulletin(30), encoding="utf-8")
    report = add_files(config, embedder, [hidden])
    assert report.files_added == ["hidden.txt"] and corpus_names(config) == ["hidden.txt"]
    assert not sync(config, embedder).changed and open_snapshot(config.index).manifest.articles == 1


def test_damaged_sqlite_pages_and_embedding_cache_are_one_line_and_rebuild_recovers(tmp_path, embedder, capsys):
    from bot.cli import main

    config = fresh(tmp_path, {f"b{i}.txt": bulletin(i).encode() for i in (31, 32, 33)})
    sync(config, embedder)
    db = config.index / current_generation(config.index) / "index.sqlite"
    size = db.stat().st_size
    with open(db, "r+b") as fh:  # every page but the first
        fh.seek(4096)
        fh.write(bytes(range(256)) * ((size - 4096) // 256))
    assert main(["--config", str(config.path), "query", "防汛物资储备多少编织袋"]) == 1
    err = capsys.readouterr().err
    assert "policybot index --rebuild" in err and "Traceback" not in err and "'rebuild'" not in err
    assert len(err.strip().splitlines()) == 1
    (config.index / "embeddings.sqlite").write_bytes(b"\x00garbage" * 1000)
    assert main(["--config", str(config.path), "index", "--rebuild"]) == 0
    out = capsys.readouterr().out
    assert "warning: the embedding cache was damaged" in out
    assert list(config.index.glob("embeddings.damaged-*.sqlite"))
    assert Searcher(config, embedder).search("第32次防汛调度会储备多少编织袋").answered
    assert sync(config, embedder, rebuild=True).embedded == 0  # the new cache works


def test_editions_of_one_article_and_a_yearly_meeting_of_the_same_name():
    from bot.ingest import correction_key, same_edition

    def key(date, date_text):
        return correction_key({"title": "全区防汛工作会议召开", "date": date, "date_text": date_text})

    # a corrected copy whose file name gave no year is still the same article
    assert same_edition(key("2021-10-12", "2021年10月12日"), key(None, "10月12日"))
    # the same meeting a year later is another article, never a correction
    assert not same_edition(key("2023-05-18", "2023年5月18日"), key("2024-05-18", "2024年5月18日"))
    assert not same_edition(key(None, ""), key(None, ""))  # no date at all: nothing to go by


def test_articles_are_stored_as_answers_read_them(tmp_path, embedder):
    """Each article's title and passages in reading order, normalized once when it is added (simplified,
    half-width): what the answerability check and the list catalogue look words up in."""
    from bot.textutil import normalize_text

    traditional = ROOT / "tests" / "data" / "nanling_flood_traditional.txt"
    config = load_config(make_config(tmp_path / "site", [BUNDLED, traditional]))
    sync(config, embedder)
    snap = open_snapshot(config.index)
    ids = [a["article_id"] for a in snap.articles()]
    stored = snap.article_texts(ids + ["no-such-article"])
    for aid in ids:
        title = snap.db.execute("SELECT title FROM articles WHERE article_id = ?", (aid,)).fetchone()[0]
        texts = [t for (t,) in snap.db.execute("SELECT text FROM passages WHERE article_id = ? ORDER BY position", (aid,))]
        assert stored[aid] == normalize_text("\n".join([title] + texts))
    flood = next(text for text in stored.values() if "南岭县" in text)
    assert "召开防汛备汛工作会" in flood and "發" not in flood and "，" not in flood
    assert stored["no-such-article"] == "" and "searched_text" not in snap.articles()[0]
