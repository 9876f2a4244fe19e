"""A deterministic scale corpus for benchmarks: bulletins built from the corpus's own sentences and
numbered lists, with places, people and numbers varied (fixed seed), so results repeat."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass
from pathlib import Path

import jieba.posseg

from bot.errors import BulletinError, PolicyBotError
from bot.ingest import corpus_files
from bot.pipeline import ParseSettings, parse_bulletin
from bot.records import SEARCHABLE_KINDS
from bot.textutil import CN_ORDINALS, int_to_cn, split_sentences

ARTICLES_PER_FILE = 50
CALIBRATION_ARTICLES = 150
# Changes whenever the same seed and pool would give other text: `policybot bench` makes a corpus
# made by another version again.
GENERATOR_VERSION = "2"


@dataclass
class Pools:
    sentences: list[str]
    lists: list[tuple[str, list[str], list[list[str]]]]  # (lead, point headline bodies, point sentences)
    places: list[str]
    people: list[str]
    titles: list[str]


def build_pools(corpus: Path, default_year: int | None = None) -> Pools:
    sentences, lists, places, people, titles = [], [], set(), set(), []
    for path in corpus_files(corpus):
        parsed = parse_bulletin(path.read_bytes(), path.name, ParseSettings(default_year=default_year))
        for article in parsed.articles:
            titles.append(article.title)
            passages, numbered = parsed.passages[article.article_id]
            for p in passages:
                if p.kind == "text":
                    sentences += [s for s in split_sentences(p.text) if 12 <= len(s) <= 160]
            for nl in numbered:
                points = [p for p in passages if p.list_id == nl.list_id and p.kind == "point"]
                bodies = [re.sub(rf"^[{CN_ORDINALS}]+[是要]有?|^第[{CN_ORDINALS}]+[，,、]", "", h)
                          for h in nl.headlines]
                rest = [split_sentences(p.text)[1:] for p in points]
                lists.append((nl.lead, bodies, rest))
                for r in rest:
                    sentences += [s for s in r if 12 <= len(s) <= 160]
            for word in jieba.posseg.cut(article.text):
                if word.flag == "ns" and 2 <= len(word.word) <= 4:
                    places.add(word.word)
                elif word.flag == "nr" and len(word.word) == 3 and word.word[-1] not in "省市区县镇街村乡":
                    people.add(word.word)
    # A sentence never spans a paragraph break (a point's continuation can hold one).
    sentences = [re.sub(r"\s+", "", s) for s in sentences]
    return Pools(sentences, lists, sorted(places), sorted(people), titles)


def _number(match: re.Match, rng: random.Random) -> str:
    """Another number in the same role: a month stays a month, a day a day, a year written before 年
    a nearby year; any other number keeps its digit count (no "13月", "32日" or "227年度")."""
    digits, unit = match.group(1), match.group(2)
    if unit == "月":
        return str(rng.randint(1, 12)) + unit
    if unit in ("日", "号") and int(digits) <= 31:
        return str(rng.randint(1, 28)) + unit
    if unit == "年" and len(digits) == 4:
        return str(int(digits) + rng.randint(-2, 2)) + unit
    if unit == "年":
        return digits + unit  # "3年行动", "5年内": a duration keeps its figure
    low = 10 ** (len(digits) - 1) if len(digits) > 1 else 1
    return str(rng.randint(low, 10 ** len(digits) - 1)) + unit


def _vary(sentence: str, rng: random.Random, pools: Pools) -> str:
    """Change numbers and places so generated text is new text, not copies."""
    sentence = re.sub(r"(\d+)([月日号年]?)", lambda m: _number(m, rng), sentence)
    if pools.places and rng.random() < 0.5:
        for place in pools.places:
            if place in sentence:
                sentence = sentence.replace(place, rng.choice(pools.places))
                break
    return sentence


def _article(i: int, rng: random.Random, pools: Pools) -> tuple[str, int]:
    """One article's text and the number of passages it should make."""
    place = rng.choice(pools.places or ["本区"])
    speaker = rng.choice(pools.people or ["某某某"])
    lead, bodies, rests = rng.choice(pools.lists)
    topic = re.split(r"[，,、]", bodies[0])[0][:10]
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    title = f"{place}{topic}工作推进会召开（第{i}期）"
    opening = f"本报讯 {month}月{day}日,{place}{topic}工作推进会召开。{speaker}出席会议并讲话。"
    opening += "".join(_vary(s, rng, pools) for s in rng.sample(pools.sentences, 2))
    size = rng.randint(3, min(8, len(bodies))) if len(bodies) >= 3 else len(bodies)
    points = []
    for j in range(size):
        follow = rests[j] if j < len(rests) and rests[j] else []
        extra = [_vary(s, rng, pools) for s in (follow[:1] + rng.sample(pools.sentences, rng.randint(1, 2)))]
        points.append(f"{int_to_cn(j + 1)}要{bodies[j]}。" + "".join(extra))
    lead_sentence = re.sub(r"^.{0,6}?(强调|指出|要求)[,，]?", "", lead) or "要抓好以下工作"
    if not re.search(r"[。：:！？；，,]$", lead_sentence):
        lead_sentence += "："  # a point opens a sentence or a clause, as in the source
    body = f"{speaker}强调,{lead_sentence}" + "".join(points)
    closing = "".join(_vary(s, rng, pools) for s in rng.sample(pools.sentences, 3))
    byline = rng.choice(pools.people or ["记者"])
    text = f"{title}\n\n{opening}\n\n{body}\n\n{closing}({byline})\n"
    return text, size + 2


def make_scale_corpus(passages: int, out: Path, source: Path, seed: int = 2021,
                      default_year: int | None = 2021) -> dict:
    """Write bulletins to `out` totalling about `passages` searchable passages; same seed, same files."""
    pools = build_pools(source, default_year)
    if not pools.lists or len(pools.sentences) < 3:
        raise PolicyBotError(f"{source}: a scale corpus is made of bulletins' numbered lists and sentences; "
                             f"found {len(pools.lists)} lists and {len(pools.sentences)} sentences")
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    total, i, files = 0, 0, 0
    batch: list[str] = []
    # The first articles are counted exactly through the pipeline; that calibrates the estimate
    # used for the rest (counting every article would cost minutes at 100k passages).
    exact = estimated = 0
    total_f = 0.0
    while total_f < passages:
        text, guess = _article(i, rng, pools)
        if i < CALIBRATION_ARTICLES:
            n = _count_passages(text, default_year)
            exact += n
            estimated += guess
            total_f += n
        else:
            total_f += guess * exact / max(1, estimated)
        total = round(total_f)
        batch.append(text)
        i += 1
        if len(batch) == ARTICLES_PER_FILE or total >= passages:
            (out / f"scale_{files:05d}.txt").write_text("\n".join(batch), encoding="utf-8")
            files += 1
            batch = []
    return {"articles": i, "files": files, "passages": total}


def _count_passages(text: str, default_year: int | None) -> int:
    """Searchable passages the pipeline makes of one article (so N means N passages once indexed)."""
    try:
        parsed = parse_bulletin(text.encode("utf-8"), "count.txt", ParseSettings(default_year=default_year))
    except BulletinError:  # nothing searchable in it
        return 0
    return sum(1 for ps, _ in parsed.passages.values() for p in ps if p.kind in SEARCHABLE_KINDS)
