"""The scale corpus: the same seed and pool give the same bulletins, indexing to about N passages,
each a meeting report with a numbered list; varied numbers keep their roles."""

import hashlib
import random
import re
from pathlib import Path

import pytest

from bot.articles import split_articles
from bot.errors import PolicyBotError
from bot.load import load_file
from bot.passages import article_passages
from bot.scale_corpus import _number, make_scale_corpus
from tests.conftest import ROOT


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
    dates = re.findall(r"(\d+)月(\d+)日", text)  # the openings' and the varied sentences' own
    assert all(1 <= int(m) <= 12 and 1 <= int(d) <= 31 for m, d in dates), dates


def vary(text: str, seed: int) -> str:
    rng = random.Random(seed)
    return re.sub(r"(\d+)([月日号年]?)", lambda m: _number(m, rng), text)


def test_a_varied_number_keeps_its_role():
    text = "12月31日、0月、08月5号,2021年完成,3年行动,投资271.174亿元,共有296人"
    outs = {vary(text, seed) for seed in range(40)}
    assert len(outs) > 30  # numbers do change
    for out in outs:
        check_roles(out)


def check_roles(out: str) -> None:
    month, day = re.search(r"^(\d+)月(\d+)日", out).groups()
    assert 1 <= int(month) <= 12 and 1 <= int(day) <= 28
    assert all(1 <= int(m) <= 12 for m in re.findall(r"、(\d+)月", out))
    assert re.search(r"(\d+)号", out) and 1 <= int(re.search(r"(\d+)号", out).group(1)) <= 28
    assert 2019 <= int(re.search(r"(\d{4})年", out).group(1)) <= 2023
    assert ",3年行动" in out  # a duration keeps its figure
    amount = re.search(r"投资(\d+)\.(\d+)亿元", out).groups()
    assert (len(amount[0]), len(amount[1])) == (3, 3) and len(re.search(r"共有(\d+)人", out).group(1)) == 3


def test_a_pool_without_numbered_lists_is_refused_with_a_message(tmp_path):
    (tmp_path / "pool").mkdir()
    (tmp_path / "pool" / "note.txt").write_text("通知\n\n本报讯 5月1日,全区召开会议。会议听取了汇报。\n", encoding="utf-8")
    with pytest.raises(PolicyBotError, match="numbered lists"):
        make_scale_corpus(100, tmp_path / "out", tmp_path / "pool")
