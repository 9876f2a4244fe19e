"""Search: normalize the question, read its intent, fuse lexical and dense rankings, use the
structure of numbered lists, and decide whether the bulletins answer it at all."""

from __future__ import annotations

import math
import re
import threading
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bot.config import Config
from bot.embed import Embedder
from bot.errors import QuestionError
from bot.index import IndexSnapshot, current_generation, open_snapshot
from bot.passages import NumberedList, Passage
from bot.textutil import (
    CN_NUMERAL,
    STOPWORDS,
    char_bigrams,
    char_unigrams,
    cn_to_int,
    normalize_text,
    query_terms,
    tokens,
)

_N = rf"[{CN_NUMERAL}\d]{{1,3}}"
# "第三个聚力", "聚力的第五条", "第七点": an ordinal followed by a counter word, a question, or nothing.
ORDINAL = re.compile(rf"第\s*(?P<n>{_N})\s*(?P<unit>个|条|点|项|方面|要求|要|是)?(?=[个条点项方面要是什么呢吗？?，,的]|$)")
COUNT = re.compile(rf"(?P<n>{_N}|几)\s*(?:个|条|点|项)")
# "分别是什么", "哪八个方面", "八个聚力都有哪些", "全部要点".
LIST_ASK = re.compile(
    rf"分别|各(?:是|有|为)|哪(?:{_N}|几)\s*(?:个|条|点|项|方面)|(?:{_N})\s*(?:个|条|点|项)[^，,。？?]{{0,10}}"
    rf"(?:是什么|是哪些|有哪些|都有|包括|内容)|全部要点|所有要点|哪几方面"
)

ORDINAL_WORD = re.compile(rf"第?{_N}(?:个|条|点|项)?")
# A question asking for several things ("有哪些要求", "包括什么").
ASKS_FOR_MANY = re.compile(r"哪些|哪几|什么要求|要求是什么|包括什么|包括哪|有什么")


@dataclass(frozen=True)
class Intent:
    kind: str  # "plain" | "ordinal" | "list"
    ordinal: int | None = None
    count: int | None = None
    rest: str = ""  # the question without its ordinal / list words: what points to the list


@dataclass(frozen=True)
class Evidence:
    dense_top: float  # best cosine between question and a passage
    coverage: float  # share of the question's IDF mass found in the best lexical passage
    list_score: float = 0.0  # how well the question names a numbered list


@dataclass(frozen=True)
class Result:
    rank: int
    score: float
    row_id: int
    passage: Passage
    outline: bool = False


@dataclass(frozen=True)
class Answer:
    query: str
    normalized: str
    answered: bool
    results: tuple[Result, ...]
    intent: Intent
    terms: tuple[str, ...]
    evidence: Evidence
    generation: str = ""
    notice: str | None = None  # why nothing was answered, in Chinese, when there is a specific reason


def parse_intent(question: str) -> Intent:
    """Find an ordinal ("第三个聚力") or a request for a whole list ("八个聚力分别是什么")."""
    m = ORDINAL.search(question)
    if m:
        n = cn_to_int(m.group("n"))
        if n:
            rest = (question[: m.start()] + question[m.end():]).strip()
            return Intent("ordinal", ordinal=n, rest=rest)
    if LIST_ASK.search(question):
        c = COUNT.search(question)
        count = cn_to_int(c.group("n")) if c and c.group("n") != "几" else None
        rest = COUNT.sub(" ", question)
        return Intent("list", count=count, rest=rest)
    return Intent("plain", rest=question)


def fuse_rankings(rankings: list[list[int]], k: int = 60, weights: list[float] | None = None) -> list[tuple[int, float]]:
    """Reciprocal rank fusion: score(d) = Σ w / (k + rank)."""
    weights = weights or [1.0] * len(rankings)
    scores: dict[int, float] = {}
    for ranking, w in zip(rankings, weights):
        for rank, doc in enumerate(ranking, start=1):
            scores[doc] = scores.get(doc, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda x: (-x[1], x[0]))


def idf(df: int, n: int) -> float:
    return math.log(1 + (n - df + 0.5) / (df + 0.5))


@dataclass
class _ListDescriptor:
    nl: NumberedList
    named: set[str]  # tokens of label, lead and speaker
    heads: list[set[str]] = field(default_factory=list)  # tokens of each point's headline


@dataclass(frozen=True)
class _Lexical:
    terms: list[str]  # the question's words
    ranking: list[tuple[int, float]]  # BM25 ranking of passages
    dfs: dict[str, int]  # document frequency of each word


def _describe(nl: NumberedList, words: tuple[list[str], list[list[str]]]) -> _ListDescriptor:
    named, heads = words
    return _ListDescriptor(nl, set(named), [set(h) for h in heads])


class Searcher:
    """Holds the current index snapshot and the model; reloads when a new generation is published."""

    def __init__(self, config: Config, embedder: Embedder | None = None):
        self.config = config
        self.embedder = embedder or Embedder(config.model)
        self._lock = threading.Lock()
        self._snapshot: IndexSnapshot | None = None
        self._lists: list[_ListDescriptor] = []
        # Inverted maps over the lists, so naming a list costs the question's terms, not the number of lists.
        self._named_index: dict[str, set[int]] = {}
        self._head_share: dict[str, dict[int, float]] = {}
        self._by_size: dict[int, set[int]] = {}
        if current_generation(config.index):
            self.embedder.preload()  # overlaps the model's import with reading the index
        self.refresh()

    @property
    def snapshot(self) -> IndexSnapshot:
        self.refresh()
        assert self._snapshot is not None
        return self._snapshot

    def refresh(self) -> bool:
        """Load the published generation if it changed; cheap when it did not (one small file read)."""
        generation = current_generation(self.config.index)
        if self._snapshot is not None and generation == self._snapshot.generation:
            return False
        with self._lock:
            if self._snapshot is not None and generation == self._snapshot.generation:
                return False
            snap = open_snapshot(self.config.index)
            snap.check_model(self.embedder.name)
            # Lists are immutable (their id comes from their article's text): a new generation only
            # describes the lists it adds, from the words stored with them.
            known = {d.nl.list_id: d for d in self._lists}
            self._lists = [known.get(nl.list_id) or _describe(nl, snap.list_tokens[nl.list_id])
                           for nl in snap.lists.values()]
            named_index: dict[str, set[int]] = defaultdict(set)
            head_share: dict[str, dict[int, float]] = defaultdict(dict)
            by_size: dict[int, set[int]] = defaultdict(set)
            for i, d in enumerate(self._lists):
                by_size[d.nl.size].add(i)
                for t in d.named:
                    named_index[t].add(i)
                for t, c in Counter(t for h in d.heads for t in h).items():
                    head_share[t][i] = c / len(d.heads)
            self._named_index, self._head_share, self._by_size = dict(named_index), dict(head_share), dict(by_size)
            self._snapshot = snap  # old snapshots stay valid for searches already running
            return True

    # ------------------------------------------------------------ public API

    def search(self, question: str, k: int | None = None) -> Answer:
        return self.search_many([question], k)[0]

    def search_many(self, questions: list[str], k: int | None = None) -> list[Answer]:
        """Answer many questions, embedding them in one batch."""
        k = k or self.config.search.top_k
        snap = self.snapshot
        normalized = [self._normalize(q) for q in questions]
        valid = [n for n in normalized if n]
        # The lexical side costs about a millisecond (bot/lexical.py): run in line, it costs less than
        # starting a thread for it did (answer p50 at 10k on 2 busy cores: 30.5 → 27.9 ms).
        lexical_all = [self._lexical_side(snap, n) for n in valid]
        vectors = self.embedder.encode_queries(valid) if valid else None
        dense_all = snap.dense(vectors, self.config.search.candidates) if valid else []
        answers, j = [], 0
        for q, n in zip(questions, normalized):
            if not n:
                answers.append(self._empty(q, n, snap))
                continue
            answers.append(self._answer(q, n, dense_all[j], lexical_all[j], k, snap))
            j += 1
        return answers

    # ------------------------------------------------------------ steps

    def _normalize(self, question: str) -> str:
        if len(question) > self.config.search.max_question_chars * 4:
            question = question[: self.config.search.max_question_chars * 4]
        n = normalize_text(question)
        if len(n) > self.config.search.max_question_chars:
            raise QuestionError(f"问题太长了（{len(n)} 字），请控制在 {self.config.search.max_question_chars} 字以内。")
        return n

    def _empty(self, q: str, n: str, snap: IndexSnapshot) -> Answer:
        return Answer(q, n, False, (), Intent("plain"), (), Evidence(0.0, 0.0), snap.generation, "请输入一个问题。")

    def _lexical_side(self, snap: IndexSnapshot, normalized: str) -> _Lexical:
        terms = query_terms(normalized)
        ranking = snap.lexical(self.lexical_terms(snap, normalized, terms), self.config.search.candidates,
                               self.config.search.lexical_postings)
        return _Lexical(terms, ranking, snap.document_frequencies(terms))

    def _answer(self, question: str, normalized: str, dense: list[tuple[int, float]], lex: _Lexical, k: int,
                snap: IndexSnapshot) -> Answer:
        cfg = self.config.search
        intent = parse_intent(normalized)
        terms, lexical = lex.terms, lex.ranking
        fused = fuse_rankings([[i for i, _ in lexical], [i for i, _ in dense]], cfg.rrf_k,
                              [cfg.lexical_weight, cfg.dense_weight])
        n_docs = max(1, snap.manifest.passages)
        dfs = lex.dfs
        weights = {t: idf(dfs.get(t, 0), n_docs) for t in terms}
        coverage = self._coverage(snap, weights, [i for i, _ in lexical[:10]] + [i for i, _ in fused[:5]])
        dense_top = dense[0][1] if dense else 0.0

        picked: list[tuple[int, Passage, bool]] = []
        list_score = 0.0
        if intent.kind == "plain" and ASKS_FOR_MANY.search(normalized):
            # "安全生产有哪些要求": when a list's own lead names every content word of the question,
            # the question is about that list as a whole — show its outline first.
            topic = self._list_named_by(normalized)
            if topic is not None:
                picked += [(rid, p, True) for rid, p in snap.list_points(topic.list_id) if p.kind == "outline"]
        if intent.kind in ("ordinal", "list"):
            rest_terms = query_terms(intent.rest)
            rest_weights = {t: weights.get(t, idf(0, n_docs)) for t in rest_terms}
            chosen = self._choose_list(snap, intent, rest_weights, [doc for doc, _ in fused])
            if chosen:
                list_score, nl = chosen
                points = snap.list_points(nl.list_id)
                if intent.kind == "ordinal":
                    picked += [(rid, p, False) for rid, p in points if p.kind == "point" and p.ordinal == intent.ordinal]
                else:
                    picked += [(rid, p, True) for rid, p in points if p.kind == "outline"]

        # Terms to mark in the answer: the question's content words, not its ordinal ("第三个").
        marked = tuple(t for t in query_terms(intent.rest) if len(t) > 1 and not ORDINAL_WORD.fullmatch(t))
        evidence = Evidence(round(dense_top, 4), round(coverage, 4), round(list_score, 4))
        answered = bool(picked) or self._on_topic(evidence)
        if not answered:
            return Answer(question, normalized, False, (), intent, marked, evidence, snap.generation)

        results: list[Result] = []
        top_score = fused[0][1] if fused else 0.0
        seen: set[int] = set()
        for rid, p, outline in picked:
            results.append(Result(len(results) + 1, round(top_score, 6), rid, p, outline))
            seen.add(rid)
        order = [(doc, s) for doc, s in fused if doc not in seen][: max(0, k - len(results))]
        by_id = snap.passages_by_ids([doc for doc, _ in order])
        for doc, s in order:
            if doc in by_id:
                results.append(Result(len(results) + 1, round(s, 6), doc, by_id[doc]))
        return Answer(question, normalized, True, tuple(results[:k]), intent, marked, evidence, snap.generation)

    def lexical_terms(self, snap: IndexSnapshot, normalized: str, terms: list[str]) -> list[str]:
        """The lexical query's terms: all of them (scoring from the lexical matrix costs about a
        millisecond per million postings, so no term has to be left out for speed)."""
        return self._lexical_query(normalized, terms)

    @staticmethod
    def _lexical_query(normalized: str, terms: list[str]) -> list[str]:
        """Words, then character bigrams and characters of the question's content (stopwords removed)."""
        content = "".join(t for t in tokens(normalized) if t not in STOPWORDS)
        extra = list(dict.fromkeys(char_bigrams(content) + char_unigrams(content)))
        return terms + [t for t in extra if t not in terms]

    def _coverage(self, snap: IndexSnapshot, weights: dict[str, float], candidates: list[int]) -> float:
        """Best share of the question's IDF mass that one passage contains."""
        # Single characters (做, 吗) say little about a topic; judge by words when the question has any.
        words = {t: w for t, w in weights.items() if len(t) > 1}
        weights = words or weights
        total = sum(weights.values())
        if not total or not candidates:
            return 0.0
        found = snap.body_terms(list(dict.fromkeys(candidates)), list(weights))
        return max((sum(weights[t] for t in held) / total for held in found.values()), default=0.0)

    def _on_topic(self, e: Evidence) -> bool:
        cfg = self.config.search
        return e.dense_top >= cfg.min_dense or (e.coverage >= cfg.min_coverage and e.dense_top >= cfg.min_dense_with_lexical)

    def _list_named_by(self, question: str) -> NumberedList | None:
        """The list whose label, lead or speaker holds every content word of the question, if exactly one does."""
        words = [t for t in query_terms(question) if len(t) > 1]
        if not words:
            return None
        named = set.intersection(*(self._named_index.get(t, set()) for t in words))
        return self._lists[named.pop()].nl if len(named) == 1 else None

    def _choose_list(self, snap: IndexSnapshot, intent: Intent, weights: dict[str, float],
                     fused: list[int]) -> tuple[float, NumberedList] | None:
        """The numbered list the rest of the question names best, with its score.

        A term found in a list's label, lead or speaker counts fully; one found only in its points'
        headlines counts by the share of headlines holding it (so "聚力" names the list whose every
        point is a 聚力, not a list where one point mentions it). A matching size ("八个") adds weight.
        Ties go to the list whose point ranks best in the fused ranking."""
        weights = {t: w for t, w in weights.items() if len(t) > 1}  # single characters name nothing
        mean_w = sum(weights.values()) / len(weights) if weights else 1.0
        scores: dict[int, float] = defaultdict(float)
        for t, w in weights.items():
            named = self._named_index.get(t, set())
            for i in named:
                scores[i] += w
            for i, share in self._head_share.get(t, {}).items():
                if i not in named:
                    scores[i] += w * share
        if intent.count:
            for i in self._by_size.get(intent.count, ()):
                scores[i] += mean_w
        # "哪八个方面" asks for a list of eight: when such lists exist, only they qualify.
        exact = bool(intent.count) and intent.count in self._by_size
        # Only the best is used: one pass keeps the top score and its ties (at scale many lists share
        # a term, so sorting every candidate would dominate the answer).
        top, tied = 0.0, []
        for i, score in scores.items():
            if score < top - 1e-9 or score <= 0:
                continue
            nl = self._lists[i].nl
            if (intent.ordinal and nl.size < intent.ordinal) or (exact and nl.size != intent.count):
                continue
            if score > top + 1e-9:
                top, tied = score, []
            tied.append((score, nl))
        if len(tied) <= 1:
            return tied[0] if tied else None
        best_rank: dict[str, int] = {}
        for rank, list_id in enumerate(snap.list_ids_of(fused)):
            if list_id is not None:
                best_rank.setdefault(list_id, rank)
        return min(tied, key=lambda c: best_rank.get(c[1].list_id, 10**6))
