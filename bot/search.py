"""Search: the orchestrator. Normalize the question, read its intent (bot/intent.py), rank passages
lexically and densely and fuse them with the question's context (bot/fusion.py), use the catalogue of
articles and numbered lists (bot/catalog.py), and decide whether the bulletins answer it at all
(bot/answerability.py)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.analysis import in_dictionary, lexical_query, query_terms, question_tokens, word_pieces
from bot import kinds, roles, segment, typos
from bot.analysis import idf, unheld_once
from bot.answerability import check, on_topic, requirements, verdict
from bot.catalog import Catalog, ListEntry, ListQuery
from bot.config import Config
from bot.embed import Embedder
from bot.errors import IndexUnavailable, QuestionError
from bot.fusion import fuse_rankings, opening_keys, with_context
from bot.index import REBUILD_HINT, IndexSnapshot, current_generation, open_snapshot
from bot.intent import ASK_PHRASE, ORDINAL_WORD, SERIES, is_content, parse_intent
from bot.listspans import CHAPTERS, is_heading_point
from bot.neighbours import asker_words, found_by_meaning, passage_words
from bot.ordinals import another_point, no_points_of, no_such_point
from bot.phrasing import (archive_synonyms, plain_words, resolve_people, unknown_addressed, with_written_forms,
                           written_forms)
from bot.question import Intent
from bot.records import Passage
from bot.textutil import normalize_text, normalized_passage

__all__ = ["Answer", "Evidence", "Intent", "Result", "Searcher", "fuse_rankings", "parse_intent"]

# How deep the context ranking and the answerability check look.
CONTEXT_DEPTH = 40
RELATED = 3  # passages offered as "相关内容" when nothing answers
ARTICLE_CACHE = 1024


@dataclass(frozen=True)
class Evidence:
    dense_top: float  # best cosine between question and a passage
    coverage: float  # share of the question's IDF mass found in the best lexical passage
    list_score: float = 0.0  # how well the question names a numbered list (share of what it says)
    context_coverage: float = 0.0  # share of its content words found in the answer's passage or article
    passage_coverage: float = 0.0  # … in the answer's passage alone


@dataclass(frozen=True)
class Result:
    rank: int
    score: float
    row_id: int
    passage: Passage
    outline: bool = False
    note: str | None = None  # a follow-up's answer in words ("这是区委书记毕志伟讲的。"), shown above the passage


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
    related: tuple[Result, ...] = ()  # nearest passages when nothing answers ("相关内容"), never the answer
    kind: str = "search"  # "search", "smalltalk" (notice holds the reply) or "followup" (bot/conversation.py)
    read_as: tuple[str, ...] = ()  # words of the question read otherwise than typed (homophone typos: "商贸中心")


@dataclass(frozen=True)
class _Lexical:
    terms: list[str]  # the question's words
    ranking: list[tuple[int, float]]  # BM25 ranking of passages
    dfs: dict[str, int]  # document frequency of each word (passages whose body holds it)
    postings: dict[str, int]  # rows holding each word in any column (title, speaker and lead included)


def reading_note(words: tuple[str, ...]) -> str:
    """What the asker is told when the question was read otherwise than typed (bot/typos.py): "（按“商贸中心”理解）"."""
    return "（按{}理解）".format("、".join(f"“{w}”" for w in words))


def _told_reading(answer: Answer, words: tuple[str, ...]) -> Answer:
    """The answer with the words read otherwise than typed, told above its first result."""
    answer = replace(answer, read_as=words)
    if not (answer.answered and answer.results):
        return answer  # told with "没有找到" instead (bot/render.py)
    first = answer.results[0]
    return replace(answer, results=(replace(first, note=reading_note(words)), *answer.results[1:]))


# The words of the question a clear lexical winner must hold: one rare word alone ("招商" in a passage that
# mentions it in passing) is no evidence that it answers.
CLEAR_WORDS = 3


FAR_MORE = 2.0  # a result below the answering depth holding this many times the question's share of those above
FAR_WORDS = 2  # … and at least this many of its words: one word found is weak evidence ("你好，你是谁开发的" / 开发区)


def holding_far_more(coverages: list[float], depth: int, floor: float, answers: Callable[[int], bool]) -> int | None:
    """The first result below the first `depth` holding far more of the question (`coverages`: each result's share,
    literally or by meaning) than every one above it — FAR_MORE times their best, and `floor` — and answering:
    the asker's words ranked passages sharing a few of them over the one that says it all in its own words."""
    for i in range(depth, len(coverages)):
        if coverages[i] >= max(floor, FAR_MORE * max(coverages[:i], default=0.0)) and answers(i):
            return i
    return None


def _clear_lexical_first(fused: list[tuple[int, float]], lexical: list[tuple[int, float]],
                         clear: float, held: int) -> list[tuple[int, float]]:
    """The passage holding far more of the question's words than any other (BM25 `clear` times the second's, and
    `held` ≥ CLEAR_WORDS of the question's words) goes first: rank fusion weighs a rank, not a margin, and a
    long paragraph far from the question in meaning (a speech's remarks holding the one sentence asked about)
    would sink below passages that hold a few words."""
    if len(lexical) < 2 or lexical[1][1] <= 0 or lexical[0][1] < clear * lexical[1][1] or held < CLEAR_WORDS:
        return fused
    top = lexical[0][0]
    if not fused or top not in {d for d, _ in fused}:
        return fused
    return [(top, fused[0][1] + 1e-9)] + [x for x in fused if x[0] != top]


def fitting_first(ranked: list[tuple[int, float]], fit: dict[int, int], pool: dict[int, Passage],
                  topic: dict[str, float]) -> list[tuple[int, float]]:
    """`ranked` with the passages holding most of what the question's kinds ask first (`fit`), and of those fitting
    alike, the one whose words hold more of `topic` ("…让哪个部门下达补助资金": the point saying 下达补助资金, not the
    speaker's first point the dense ranking prefers); otherwise (and with no `topic`) in rank order."""
    if not topic:  # (no texts to read: the fit alone orders them)
        return sorted(ranked, key=lambda x: -fit.get(x[0], 0))
    # (each word once: not also the parts jieba's search mode gives of it, "自建房" and 自建, 建房)
    words = {t: w for t, w in topic.items() if not any(t != u and t in u for u in topic)}
    # (under its document's title, where a table's row says what it is part of: "…任务分解表")
    share = {d: sum(w for t, w in words.items() if t in normalized_passage(pool[d].text + "\n" + pool[d].title))
             for d in fit}
    return sorted(ranked, key=lambda x: (-fit.get(x[0], 0), -share.get(x[0], 0.0)))


class Searcher:
    """Holds the current index snapshot, its catalogue and the model; reloads when a new generation is published."""

    def __init__(self, config: Config, embedder: Embedder | None = None):
        self.config = config
        self.embedder = embedder or Embedder(config.model)
        self._lock = threading.Lock()
        self._snapshot: IndexSnapshot | None = None
        self.catalog = Catalog()
        self._articles: OrderedDict[str, str] = OrderedDict()  # article id → normalized text
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
            snap = open_snapshot(self.config.index, self.config.vectors.nprobe)
            snap.check_model(self.embedder.name)
            try:
                self.catalog = Catalog.loads(snap.catalog_blob())
            except (OSError, ValueError) as exc:
                snap.close()
                raise IndexUnavailable(f"the index's catalogue cannot be read ({exc}); {REBUILD_HINT}") from exc
            self._snapshot = snap  # old snapshots stay valid for searches already running
            return True

    def clear_caches(self) -> None:
        """Forget every cache an answer fills (question embeddings and tokens, words, passages, article texts):
        the next answer costs what a question never asked before, about passages never read, costs."""
        self.embedder.clear_cache()
        self.embedder.clear_words()
        self.snapshot.clear_cache()
        self._articles.clear()
        normalized_passage.cache_clear()
        question_tokens.cache_clear()
        opening_keys.cache_clear()
        passage_words.cache_clear()

    # ------------------------------------------------------------ public API

    def search(self, question: str, k: int | None = None) -> Answer:
        return self.search_many([question], k)[0]

    def search_many(self, questions: list[str], k: int | None = None) -> list[Answer]:
        """Answer many questions, embedding them in one batch."""
        k = k or self.config.search.top_k
        snap = self.snapshot
        catalog = self.catalog
        readings = [self._understand(self._normalize(q), catalog, snap) for q in questions]
        normalized = [r.text for r in readings]
        valid = [n for n in normalized if n]
        # The lexical side costs about a millisecond (bot/lexical.py): run in line, it costs less than
        # starting a thread for it did (answer p50 at 10k on 2 busy cores: 30.5 → 27.9 ms).
        # Passages are ranked for the question with its everyday words' written forms too ("暖气费" → 热费);
        # what an answer must hold is read from the question as asked (`_answer`, the forms as alternatives).
        ranked = [with_written_forms(n) for n in valid]
        # An answer may hold the archive's synonyms of the words it never writes ("实习" → 见习; bot/thesaurus.py).
        synonymous = [archive_synonyms(query_terms(n), snap.posting_counts) for n in valid]
        lexical_all = [self._lexical_side(snap, n) for n in ranked]
        vectors = self.embedder.encode_queries(ranked) if valid else None
        dense_all = snap.dense(vectors, self.config.search.candidates) if valid else []
        answers, j = [], 0
        for q, n, reading in zip(questions, normalized, readings):
            if not n:
                answers.append(self._empty(q, n, snap))
                continue
            answer = self._answer(q, n, dense_all[j], lexical_all[j], k, snap, catalog, synonymous[j])
            answers.append(_told_reading(answer, reading.words) if reading.words else answer)
            j += 1
        return answers

    # ------------------------------------------------------------ steps

    def _normalize(self, question: str) -> str:
        limit = self.config.search.max_question_chars
        # The whole question is measured (a cut copy would quote the cut's length); only absurdly long
        # input skips normalizing and is measured as sent.
        n = normalize_text(question) if len(question) <= limit * 20 else question.strip()
        if len(n) > limit:
            raise QuestionError(f"问题太长了（{len(n)} 字），请控制在 {limit} 字以内。")
        return n

    @staticmethod
    def _understand(normalized: str, catalog: Catalog, snap: IndexSnapshot) -> typos.Reading:
        """The question in the bulletins' words: colloquial words written out, people addressed by
        surname and post ("王县长") named as the archive names them, homophone typos read as the word the
        archive holds ("商茂中心" → 商贸中心)."""
        if not normalized:
            return typos.Reading(normalized)
        plain = plain_words(normalized)
        named = resolve_people(plain, catalog.people, catalog.last_spoke, lambda person: catalog.posts.get(person, ()),
                               with_units=bool(kinds.duty.UNIT_DUTY.search(plain)))
        reading = typos.correct(named, snap)
        return replace(reading, text=segment.archive_words(reading.text, snap))

    def _empty(self, q: str, n: str, snap: IndexSnapshot) -> Answer:
        return Answer(q, n, False, (), Intent("plain"), (), Evidence(0.0, 0.0), snap.generation, "请输入一个问题。")

    def _lexical_side(self, snap: IndexSnapshot, normalized: str) -> _Lexical:
        terms = query_terms(normalized)
        # A meeting's number ("第二次") is matched against titles by the catalogue; as words it would
        # find the second point of every list ("第二，…").
        text = SERIES.sub(" ", normalized)
        ranking = snap.lexical(self.lexical_terms(snap, text, query_terms(text)), self.config.search.candidates,
                               self.config.search.lexical_postings)
        return _Lexical(terms, ranking, snap.document_frequencies(terms), snap.posting_counts(terms))

    def _article_text(self, snap: IndexSnapshot, article_ids: list[str]) -> dict[str, str]:
        """Normalized article texts, cached (an article id names its text, whatever the generation)."""
        missing = [a for a in dict.fromkeys(article_ids) if a not in self._articles]
        if missing:
            for aid, text in snap.article_texts(missing).items():
                self._articles[aid] = text
            while len(self._articles) > ARTICLE_CACHE:
                self._articles.popitem(last=False)
        return {a: self._articles.get(a, "") for a in article_ids}

    def _answer(self, question: str, normalized: str, dense: list[tuple[int, float]], lex: _Lexical, k: int,
                snap: IndexSnapshot, catalog: Catalog, synonymous: dict[str, tuple[str, ...]]) -> Answer:
        cfg = self.config.search
        intent = parse_intent(normalized)
        n_docs = max(1, snap.manifest.passages)
        weights = {t: idf(lex.dfs.get(t, 0), n_docs) for t in lex.terms}
        speakers = catalog.speakers_in(normalized)
        people = speakers + tuple(p for p in intent.names if not any(p in s or s in p for s in speakers))
        # What points at a list or an article: the rest of the question's content words that occur
        # somewhere in the archive (a word found nowhere cannot tell one list from another), without
        # its ordinal, figures, time words, question and speech words, and the speakers (matched apart).
        pointing = {t: weights.get(t, idf(0, n_docs)) for t in query_terms(intent.rest)
                    if is_content(t) and lex.postings.get(t) and not any(t in s for s in speakers)}

        fused2 = fuse_rankings([[i for i, _ in lex.ranking], [i for i, _ in dense]], cfg.rrf_k,
                               [cfg.lexical_weight, cfg.dense_weight])
        pool = snap.passages_by_ids([doc for doc, _ in fused2[:CONTEXT_DEPTH]])
        fused = with_context(fused2[:CONTEXT_DEPTH], pool, catalog, pointing, speakers, intent,
                             cfg.context_weight) + fused2[CONTEXT_DEPTH:]
        # "哪五个方面", "分别是什么" ask for the points of a list, not a fact its lead states
        # ("什么时候完工" asks a task's deadline, not the day a meeting was held)
        asked_of = kinds.asked(normalized, intent)
        lead_asked = roles.asks_lead(normalized, (intent.asks_fact or intent.asks_amount)
                                     and intent.kind not in ("list", "ordinal")) and not asked_of.of_deadline
        fused = self._points_first(fused, pool, lead_asked, catalog.holders)
        if not (intent.time.places or intent.series):  # where the question places its meeting, the article decides
            fused = _clear_lexical_first(fused, lex.ranking, cfg.lexical_clear,
                                         self._words_held(snap, lex.ranking[:1], normalized))
        # A "when" question ("座谈会哪天召开") is answered by a passage stating a date or a deadline, a duty
        # question ("谁牵头", "最晚什么时候完成", "县住建局要做哪些事") by a point whose tasks name what it asks
        # (bot/kinds): those among the best go first, most of what is asked first (a retelling of the same
        # meeting without its day says nothing about when); each must still answer (below).
        fit = self._fit(asked_of, pool, pointing)
        if fit:
            # (a duty's ties broken by the words of the matter: a figure's or a date's are left to the ranking, which
            # also reads the question's meaning — "新修的好田…每亩" is the 高标准农田's 亩均投入)
            fused = (fitting_first(fused[:CONTEXT_DEPTH], fit, pool, pointing if asked_of.of_duty else {})
                     + fused[CONTEXT_DEPTH:])
        picked, list_share, refusal = self._list_answer(snap, catalog, intent, pointing, speakers, fused, pool,
                                                        asked_of)
        if refusal:  # the list the question names has not what it asks: no other list stands in
            return Answer(question, normalized, False, (), intent, (), Evidence(0.0, 0.0), snap.generation,
                          notice=refusal)
        # The answer is chosen among the configured top_k whatever -k asks to show: whether and what is answered
        # does not depend on how many results are shown.
        results = self._results(snap, picked, fused, pool, max(k, cfg.top_k))

        # Answerability: the question's specific content must be in an answer's passage or article; where a point
        # is asked by its place, the words saying the place ("第二点意见里的最后一条") are no content.
        said = intent.rest if intent.path else normalized
        asked = {t: weights.get(t, idf(0, n_docs)) for t in query_terms(ASK_PHRASE.sub(" ", said))}
        unread = [t for t in asked if t not in lex.postings]  # the question cut otherwise without its asking words
        held = {t for t, n in (lex.postings | (snap.posting_counts(unread) if unread else {})).items() if n}
        pieces = self._pieces(snap, [t for t in asked if t not in held], n_docs)
        known = catalog.places_in(normalized)
        places = known + tuple(p for p in intent.places if not any(p in o or o in p for o in known))
        req = requirements(intent, asked | pieces, people, places, normalized, held | set(pieces),
                           written_forms(normalized), synonymous, unknown_addressed(normalized, catalog.people),
                           catalog.home)
        texts = self._article_text(snap, [r.passage.article_id for r in results])
        bodies = [normalized_passage(r.passage.text) for r in results]
        # The asker's own words, which no passage writes, are looked for by meaning (bot/neighbours.py).
        # (a word a synonym may stand for is looked for by meaning too: the synonym is one word of several)
        unwritten = [t for t in asker_words(list(req.weights), held | set(pieces))
                     if not any(t in spoken for spoken in req.alternatives)]
        meant = found_by_meaning(unwritten, bodies, self.embedder, cfg.meaning_cosine, cfg.meaning_margin,
                                 frozenset(req.weights))
        cosine = dict(dense)
        checks = [check(req, body, texts[r.passage.article_id], catalog.articles.get(r.passage.article_id),
                        catalog.latest_year, m, cosine.get(r.row_id, 0.0) >= cfg.paraphrase_cosine,
                        normalized_passage(r.passage.lead or "") if asked_of.of_deadline else "")
                  for r, body, m in zip(results, bodies, meant)]
        listed = {rid for rid, _, _ in picked}
        # A "when" or duty question: a result that has what it asks and answers goes first, wherever it is
        # among those shown; otherwise the first of the best `answer_depth` that answers.
        fits = [self._fits(asked_of, r.passage) for r in results[:cfg.top_k]]
        depth = cfg.top_k if any(fits) else cfg.answer_depth

        def answers(i: int) -> bool:
            """Result i holds what the question pins down and enough of it, and what its kind asks (a point asked by
            its place and found by the ranking, no list chosen, is no other point: "第二条" is not a list's 第七条)."""
            r = results[i]
            if r.row_id not in listed and intent.kind == "ordinal" and another_point(intent.ordinal, r.passage):
                return False
            return (verdict(checks[i], intent, list_share if r.row_id in listed else 0.0, cosine.get(r.row_id, 0.0), cfg,
                            asked_of.of_deadline)
                    and asked_of.holds(r.passage, bodies[i], req.weights, cfg.min_context_coverage))

        passing = [i for i in range(min(depth, len(results))) if answers(i)]
        if any(fits):
            passing = (sorted((i for i in passing if fits[i]), key=lambda i: -fits[i])
                       + [i for i in passing if i < cfg.answer_depth and not fits[i]])
        else:
            far = holding_far_more([c.coverage for c in checks[:cfg.top_k]], depth, cfg.min_context_coverage,
                                   lambda i: checks[i].words >= FAR_WORDS and answers(i))
            if far is not None:
                passing = [far] + passing
        best = checks[passing[0]] if passing else (max(checks, key=lambda c: c.coverage) if checks else None)
        dense_top = dense[0][1] if dense else 0.0
        own = {t: w for t, w in weights.items() if t in normalized}  # not the written forms ranking added
        if not intent.asks_figure:
            own = unheld_once(own, held)
        coverage = self._coverage(snap, own, [i for i, _ in lex.ranking[:10]] + [i for i, _ in fused2[:5]])
        evidence = Evidence(round(dense_top, 4), round(coverage, 4), round(list_share, 4),
                            round(best.coverage, 4) if best else 0.0,
                            round(best.passage_coverage, 4) if best else 0.0)
        # Terms to mark in the answer: the question's content words, not its ordinal ("第三个").
        marked = tuple(t for t in query_terms(intent.rest) if len(t) > 1 and not ORDINAL_WORD.fullmatch(t))
        # A list the question names specifically answers it even when no passage is near the question
        # ("聚力的第五条" is far from the point's words); anything else must also be on topic.
        if not passing or not (results[passing[0]].row_id in listed or
                               on_topic(evidence.dense_top, evidence.context_coverage, cfg)):
            # Offered apart as "相关内容" only when they hold some of what the question says: a question
            # about cooking gets no passages about industrial policy.
            near = [r for r, c in zip(results, checks) if c.coverage >= cfg.min_topic_coverage]
            related = tuple(replace(r, rank=i + 1) for i, r in enumerate(near[:RELATED]))
            return Answer(question, normalized, False, (), intent, marked, evidence, snap.generation,
                          related=related)
        # A result that answers goes before those that do not (a near-copy in another bulletin); among those that
        # answer, one holding far more of the question than every one above it ("已签约未开工项目…4月底前" below
        # "帮扶项目资产管理"): whether the question is answered was decided above, only which answer comes first.
        # (Not when the lead is asked — "谁参加了这次考察": the opening names them in fewer of the question's words.)
        # (Among those holding as much of what a when or duty question asks: "综合受理窗口什么时候设好" is the point
        # naming the window, not another of the plan's with a deadline too.)
        first = passing[0]
        if not lead_asked:
            closer = holding_far_more([c.coverage for c in checks[:cfg.top_k]], 1, cfg.min_context_coverage,
                                      lambda i: checks[i].words >= FAR_WORDS and i in passing
                                      and (not any(fits) or fits[i] == fits[first]))
            if closer is not None and checks[closer].coverage > checks[first].coverage:
                first = closer
        if first:
            results = [results[first]] + results[:first] + results[first + 1:]
        results = [replace(r, rank=i + 1) for i, r in enumerate(results[:k])]
        return Answer(question, normalized, True, tuple(results), intent, marked, evidence, snap.generation)

    @staticmethod
    def _pieces(snap: IndexSnapshot, unheld: list[str], n_docs: int) -> dict[str, float]:
        """The archive's words inside question terms no passage holds and jieba's dictionary does not know: such
        a term is a cut across words ("槐岭镇夏播最晚…" → "镇夏播"), and the word in it (夏播) is what was asked."""
        odd = [t for t in unheld if len(t) >= 3 and not in_dictionary(t)]
        if not odd:
            return {}
        pieces = {t: word_pieces(t) for t in odd}
        dfs = snap.document_frequencies(list(dict.fromkeys(p for ps in pieces.values() for p in ps)))
        found: dict[str, float] = {}
        for ps in pieces.values():
            words = [p for p in ps if dfs.get(p)]
            for p in words:
                if not any(p != w and p in w for w in words):  # the longest words held, not their parts
                    found[p] = idf(dfs[p], n_docs)
        return found

    @staticmethod
    def _points_first(fused: list[tuple[int, float]], pool: dict[int, Passage], lead_asked: bool,
                      holders: frozenset[tuple[str, int]] = frozenset()) -> list[tuple[int, float]]:
        """A passage that frames the answer (an opening, an addressee line, headings, a point that is only the
        heading of its sub-points (`holders`: (list, point) pairs a sub-list stands under), an attachment's caption,
        a closing: bot/roles.py) goes after the directive point ranked next below it, unless the question asks what
        the opening says (when, where, who chaired). An opening frames its own article's points: with none of them
        below it (a 简报's item told in its first paragraph), another document's point does not go before it."""
        head = fused[:CONTEXT_DEPTH]
        framing = [p is not None and roles.frames(p, lead_asked, (p.list_id, p.ordinal) in holders)
                   for p in (pool.get(d) for d, _ in head)]
        last_answering = {pool[d].article_id: i for i, ((d, _), f) in enumerate(zip(head, framing))
                          if not f and d in pool}  # each article's lowest answering place
        out: list[tuple[int, float]] = []
        held: list[tuple[int, float]] = []
        for i, (x, f) in enumerate(zip(head, framing)):
            p = pool.get(x[0])
            if f and not (roles.role(p) == "lead" and last_answering.get(p.article_id, -1) < i):
                held.append(x)
                continue
            out.append(x)
            out += held
            held = []
        return out + held + fused[CONTEXT_DEPTH:]

    @staticmethod
    def _words_held(snap: IndexSnapshot, ranked: list[tuple[int, float]], question: str) -> int:
        """How many of the question's content words (two characters or more) the first passage holds."""
        words = [t for t in query_terms(question) if len(t) > 1 and is_content(t)]
        if not ranked or not words:
            return 0
        return len(snap.body_terms([ranked[0][0]], words).get(ranked[0][0], set()))

    @staticmethod
    def _fits(asked_of: kinds.Asked, p: Passage) -> int:
        """How much of what a when or duty question asks the passage holds (bot/kinds): a date or deadline, a lead,
        the unit."""
        return asked_of.prefers(p, normalized_passage(p.text)) if asked_of else 0

    def _fit(self, asked_of: kinds.Asked, pool: dict[int, Passage], topic: dict[str, float]) -> dict[int, int]:
        """`_fits` of every candidate in the pool that can answer it on the question's `topic` (its content words:
        the 住建局's tasks in another matter are no answer to "停车治理上区住建局要干啥", and put first they would
        push the point where it is a partner out of those shown), empty when the question asks for none of it."""
        if not asked_of:
            return {}
        floor = self.config.search.min_context_coverage
        fit = {}
        for d, p in pool.items():
            text = normalized_passage(p.text)
            if (f := asked_of.prefers(p, text)) and asked_of.holds(p, text, topic, floor):
                fit[d] = f
        return fit

    def _list_answer(self, snap: IndexSnapshot, catalog: Catalog, intent: Intent, pointing: dict[str, float],
                     speakers: tuple[str, ...], fused: list[tuple[int, float]],
                     pool: dict[int, Passage], asked_of: kinds.Asked = kinds.Asked()
                     ) -> tuple[list[tuple[int, Passage, bool]], float, str | None]:
        """The point or outline of the list the question names, with its close runners-up, and the
        share of what the question says that the list accounts for (0 when no list answers); third, why the
        list the question names cannot answer it, when it cannot (the path leads nowhere, or someone else gave
        it). "哪些" asked
        of what units must do (`of_units`) is answered by their points, not by a list; unless the question asks
        for the list's items (`intent.items`: "哪几条要求"), one matter it names may narrow the list to a point."""
        cfg = self.config.search
        of_units = asked_of.of_units
        if not (intent.kind in ("ordinal", "list") or (intent.asks_many and not of_units)):
            return [], 0.0, None
        fused_lists = [pool[d].list_id for d, _ in fused[:CONTEXT_DEPTH] if d in pool and pool[d].list_id]
        choice = catalog.choose(ListQuery(pointing, speakers, intent),
                                lambda aid: self._article_text(snap, [aid])[aid],
                                fused_lists, cfg.list_tolerance, cfg.recent_tolerance)
        needed = cfg.min_list_share if intent.kind != "plain" else cfg.min_topic_share
        if not choice or choice.share < needed:
            return [], 0.0, None
        art = catalog.articles.get(choice.entry.article_id)
        title = art.title if art else None
        # A list someone else gave is not what the person the question names said ("薛局长在推进会上提了哪几点要求"
        # of the meeting where 贾县长 gave the points and 薛局长 only reported).
        # (nor a point of it: "聂红在发布会上讲的第二点"); a question in its own words is left to the ranking
        if speakers and choice.entry.speaker and choice.entry.speaker not in speakers:
            return [], 0.0, no_points_of(speakers, title) if intent.kind != "plain" else None
        picked: list[tuple[int, Passage, bool]] = []
        if intent.kind == "ordinal":
            if not choice.points:
                # "第九条" of a list of five, a sub-point under a point that has none: no other point stands in
                return [], 0.0, no_such_point(intent.path, title)
            for point in choice.points:
                for rid, p in snap.list_points(point.list_id):
                    if p.kind == "point" and p.ordinal == point.ordinal:
                        picked += self._with_sub_list(snap, catalog, rid, p)
            return picked, choice.share, None
        if of_units and not intent.count and (not intent.items or kinds.duty.UNIT_ITEMS.search(intent.rest)):
            # "陈副县长在调度会上给县文旅局布置了哪些事", "分工表里农业农村局管哪几项": of the list the meeting and speaker
            # choose, the points naming the unit (its lead, partners or words) — the unit's share of the list, not
            # the whole list (the items asked of it are the unit's: "管哪几项" is not "哪几条做法" of the list)
            own = [(rid, p, False) for rid, p in snap.list_points(choice.entry.list_id)
                   if p.kind == "point" and asked_of.holds(p, normalized_passage(p.text), {}, 0.0)]
            # (those it leads first, then those it helps with, each in the list's order)
            own.sort(key=lambda x: -asked_of.prefers(x[1], normalized_passage(x[1].text)))
            if own:
                return own, choice.share, None
        if not (intent.count or intent.items):  # "哪几条要求", "分别是什么": the list's items, not one point
            picked += self._narrowed_to(snap, catalog, choice.entry, pointing)
        for entry in (choice.entry,) + choice.alternates:
            picked += [(rid, p, True) for rid, p in snap.list_points(entry.list_id) if p.kind == "outline"]
        return picked, choice.share, None

    @staticmethod
    def _narrowed_to(snap: IndexSnapshot, catalog: Catalog, entry: ListEntry,
                     pointing: dict[str, float]) -> list[tuple[int, Passage, bool]]:
        """"秦肖对抓项目提出了什么要求": of the list the speaker's words choose, the one point that holds what the
        question asks about when the list itself does not name it (in its label, lead, headlines or title)."""
        topic = [t for t in pointing if t not in catalog.own_words(entry.list_id, pointing)]
        if not topic:
            return []
        holding = [(rid, p, False) for rid, p in snap.list_points(entry.list_id)
                   if p.kind == "point" and all(t in normalized_passage(p.text) for t in topic)]
        return holding if len(holding) == 1 else []

    @staticmethod
    def _with_sub_list(snap: IndexSnapshot, catalog: Catalog, rid: int,
                       p: Passage) -> list[tuple[int, Passage, bool]]:
        """A point that is only its heading ("（三）推行“管委会+公司”运营模式") is answered by the outline
        of the sub-list it holds, when that shows the heading and what it holds; a 办法's chapter ("第二章
        补助标准") by its heading and then the articles (第X条) between it and the next chapter."""
        head = p.text.strip()
        if not is_heading_point(head):
            return [(rid, p, False)]
        entries = catalog.lists_of_article(p.article_id)
        for entry in entries:
            if entry.parent == p.list_id and entry.parent_point == p.ordinal:
                outline = [(orid, op) for orid, op in snap.list_points(entry.list_id)
                           if op.kind == "outline" and head in op.text]
                if outline:
                    return [(outline[0][0], outline[0][1], True)]
        if any(e.list_id == p.list_id and e.style == CHAPTERS for e in entries):
            nxt = [q.position for _, q in snap.list_points(p.list_id) if q.kind == "point" and q.ordinal == p.ordinal + 1]
            end = nxt[0] if nxt else float("inf")
            held = sorted(((q.position, qrid, q) for e in entries if e.list_id != p.list_id and e.parent is None
                           for qrid, q in snap.list_points(e.list_id) if q.kind == "point"
                           and p.position < q.position < end), key=lambda x: x[0])
            return [(rid, p, False)] + [(qrid, q, False) for _, qrid, q in held]
        return [(rid, p, False)]

    @staticmethod
    def _results(snap: IndexSnapshot, picked: list[tuple[int, Passage, bool]], fused: list[tuple[int, float]],
                 pool: dict[int, Passage], k: int) -> list[Result]:
        """The list's answer first, then the fused ranking, k in all."""
        results: list[Result] = []
        top_score = fused[0][1] if fused else 0.0
        seen: set[int] = set()
        for rid, p, outline in picked:
            if rid not in seen:
                results.append(Result(len(results) + 1, round(top_score, 6), rid, p, outline))
                seen.add(rid)
        order = [(doc, s) for doc, s in fused if doc not in seen][: max(0, k - len(results))]
        missing = [doc for doc, _ in order if doc not in pool]
        by_id = {**pool, **snap.passages_by_ids(missing)} if missing else pool
        for doc, s in order:
            if doc in by_id:
                results.append(Result(len(results) + 1, round(s, 6), doc, by_id[doc]))
        return results[:k]

    def lexical_terms(self, snap: IndexSnapshot, normalized: str, terms: list[str]) -> list[str]:
        """The lexical query's terms: all of them (scoring from the lexical matrix costs about a
        millisecond per million postings, so no term has to be left out for speed; the far safety cap
        `search.lexical_postings` is applied by the index)."""
        return lexical_query(normalized, terms)

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
