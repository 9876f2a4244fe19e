"""The catalogue: every article (title, date, speakers, meeting series) and every numbered list
(label, lead, speaker, headlines), with inverted maps so a question finds what it names by its
terms, not by a loop over the archive. Choosing a list weighs everything the question says."""

from __future__ import annotations

import marshal
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from bot.analysis import list_tokens, query_terms, title_terms
from bot.intent import LAST_YEAR, SERIES, THIS_YEAR, document_spans, meeting_spans, title_places, words_within
from bot.ordinals import Resolved, resolve
from bot.question import Intent, TimeRef
from bot.records import NumberedList
from bot.speakers import posts_named
from bot.textutil import PLACE_LEVELS, abbreviates, cn_to_int, normalize_text


STORED_FORMAT = ("policybot-catalog", 4)
CANDIDATES = 40  # lists read against their article's text per question
TERM_ARRAYS = 4096  # terms whose list arrays are kept (`Catalog._term_arrays`)
ALTERNATES = 2  # close runners-up offered after the chosen list
TABLE = "table"  # a task table's style (bot/tasks.py)
# A question asking for a table ("分工表", "任务表", "一览表", "台账里"), not a word holding 表 (代表, 表彰, 发表).
TABLE_ASKED = re.compile(r"(?:分工|任务|责任|清单|一览|汇总)表|台账")
RULES = ("条", "章")  # the styles of a rule's articles and of its chapters (bot/listspans.py)
RUNNER_UP = 0.6  # … scoring at least this share of the best list's score
SAID_MARGIN = 0.05  # a close list matching this much less of the question than the best is another list (`_pick`)
ARTICLE_CREDIT = 0.5  # a question word found only elsewhere in a list's article counts this much (`_score`)


@dataclass(frozen=True)
class ArticleEntry:
    article_id: str
    title: str  # normalized
    title_terms: frozenset[str]
    date: str | None  # ISO
    speakers: tuple[str, ...]
    series: int | None  # "第二次调度会" in the title → 2

    @property
    def year(self) -> int | None:
        return int(self.date[:4]) if self.date else None

    @property
    def issuers(self) -> tuple[str, ...]:
        """The places its title opens with: who issued it ("鹤岭镇人民政府关于…" → 鹤岭镇)."""
        return _title_places(self.title)


def _lead_year(lead: str) -> int | None:
    """The year a list's lead speaks of, relative to its own: -1 for the past year ("过去一年，全县…取得明显成效"),
    0 for this one ("今年要重点抓好…"), None for neither or both."""
    past, this = bool(LAST_YEAR.search(lead)), bool(THIS_YEAR.search(lead))
    return -1 if past and not this else 0 if this and not past else None


_LEVELS = PLACE_LEVELS  # a place's level, which people leave out ("岫宁" for 岫宁县)


@lru_cache(maxsize=4096)
def _title_places(title: str) -> tuple[str, ...]:
    return tuple(title_places(title))


@dataclass(frozen=True)
class ListEntry:
    """What choosing a list and answering from it need (its words are in the catalogue's inverted maps)."""

    list_id: str
    article_id: str
    size: int
    speaker: str | None
    lead: str
    style: str = ""  # how its points are numbered (bot/lists.py)
    parent: str | None = None  # the list whose point holds it
    parent_point: int | None = None
    first: int = 1  # the number its first point is printed with


@dataclass(frozen=True)
class Choice:
    """A list the question points at: its score, the share of what the question says that the list and
    its article account for, and close runners-up (other meetings of a series, the speaker's other lists)."""

    entry: ListEntry
    score: float
    share: float
    alternates: tuple[ListEntry, ...] = ()
    # A question addressing a point (bot/ordinals.py): the point in the chosen list's article and in each
    # alternate's that the path leads to, the chosen one's first — empty when the chosen article has none.
    points: tuple[Resolved, ...] = ()


@dataclass(frozen=True)
class ListQuery:
    """What a question says that is matched against lists and articles (terms weighted by IDF)."""

    weights: dict[str, float]  # content words of what points at the list
    speakers: tuple[str, ...]  # known speakers the question names
    intent: Intent


def _series(title: str) -> int | None:
    m = SERIES.search(title)
    return cn_to_int(m.group("n")) if m else None


def describe_article(row: dict, words: list[str] | None = None) -> ArticleEntry:
    """An article's entry; `words`: its title's words as the index stored them, else tokenized here."""
    title = normalize_text(row.get("title") or "")
    return ArticleEntry(row["article_id"], title, frozenset(title_terms(title) if words is None else words), row.get("date"),
                        tuple(row.get("speakers") or ()), _series(title))


def describe_list(nl: NumberedList, words: tuple[list[str], list[list[str]]] | None = None
                  ) -> tuple[ListEntry, frozenset[str], list[frozenset[str]]]:
    """A list's entry, its naming words (label, lead, speaker) and each headline's words: as the index
    stored them when the list was added, or tokenized here."""
    named, heads = words or list_tokens(nl)
    entry = ListEntry(nl.list_id, nl.article_id, nl.size, nl.speaker, nl.lead, nl.style, nl.parent, nl.parent_point,
                      nl.first)
    return entry, frozenset(named), [frozenset(h) for h in heads]


def date_matches(time: TimeRef, date: str | None, latest_year: int | None) -> bool | None:
    """True / False when the question's time is said and the article's date is known, else None."""
    if not date or not time.said:
        return None
    y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
    year = time.year
    if year is None and time.relative_year is not None and latest_year:
        year = latest_year + time.relative_year
    checks = [(year, y), (time.month, m), (time.day, d)]
    said = [a == b for a, b in checks if a is not None]
    # a period's figures ("1到5月") are reported in its last month or the next (a report of 6月10日)
    if time.through and time.month is None:
        said.append(time.through <= m <= time.through + 1)
    if not said:
        return None
    return all(said)


def article_match(art: ArticleEntry | None, speaker: str | None, intent: Intent, speakers: tuple[str, ...],
                  latest_year: int | None, strong: float, *, spoke_elsewhere: bool, partial: float,
                  issuers: frozenset[str] = frozenset()) -> tuple[float, float]:
    """(asked, got): how much the question says about *where* — who spoke, which meeting of a series, when, in what
    kind of document — and how
    much of it an article holds, each thing said weighing `strong` (the question's strongest word). `speaker`: who
    speaks the candidate (a list, a passage); `spoke_elsewhere`: a speaker asked about is found elsewhere in the
    article, worth `partial`. A meeting number or date the article contradicts counts against it; `issuers`: places
    the question names that issue a few of the archive's documents (Catalog.issuing), found in the article's title
    ("鹤岭镇问题厕所谁牵头": the town's own task list before the county's plan naming it in passing). The one match of
    question and article the list choice (Catalog) and the ranking of passages (bot/fusion.py) share."""
    asked = got = 0.0
    for place in issuers:
        asked += strong
        if art and place in art.issuers:
            got += strong
    if speakers:
        asked += strong
        if speaker in speakers:
            got += strong
        elif spoke_elsewhere:
            got += partial * strong
    for kind in intent.documents:  # "整改方案里…": a 方案, as its title says
        asked += strong
        if art and kind in art.title:
            got += strong
    if intent.series:
        asked += strong
        if art and art.series is not None:
            got += strong if art.series == intent.series else -strong
    time = intent.time
    if time.year is None and time.relative_year is not None:
        # "今年" / "去年" is read against the archive's newest year: an article of that year is preferred, one of
        # another year is not contradicted — the asker's "今年" may be the year of the document they have in mind
        # ("今年秋天山上起火的风险" of last autumn's notice). A month or day said with it is still checked.
        when = date_matches(replace(time, relative_year=None), art.date if art else None, latest_year)
        if art and art.date and latest_year and int(art.date[:4]) == latest_year + time.relative_year:
            asked += strong
            got += strong
    elif art and time.year and not (time.month or time.day) and re.search(rf"(?<!\d){time.year}\s*年", art.title):
        # a document titled by the year it is about ("2025年生态环境状况公报", "2024年政府工作报告") is that year's,
        # however late it was published
        when = True
    else:
        when = date_matches(time, art.date if art else None, latest_year)
    if when is not None:
        asked += strong
        got += strong if when else -strong
    return asked, got


@dataclass
class Catalog:
    articles: dict[str, ArticleEntry] = field(default_factory=dict)
    lists: list[ListEntry] = field(default_factory=list)
    named_index: dict[str, set[int]] = field(default_factory=dict)
    head_share: dict[str, dict[int, float]] = field(default_factory=dict)
    title_index: dict[str, set[int]] = field(default_factory=dict)  # term → lists whose article title holds it
    by_article: dict[str, list[int]] = field(default_factory=dict)
    speaker_index: dict[str, set[int]] = field(default_factory=dict)  # speaker → their lists
    series_index: dict[int, set[int]] = field(default_factory=dict)  # meeting number → lists of that meeting
    speakers: frozenset[str] = frozenset()
    latest_year: int | None = None
    posts: dict[str, tuple[str, ...]] = field(default_factory=dict)  # person → the posts the archive gives them (speakers and officials introduced by post)
    _arrays: dict[str, tuple] = field(default_factory=dict, compare=False, repr=False)  # see _term_arrays
    _last_spoke: dict[str, str] | None = field(default=None, compare=False, repr=False)  # see last_spoke
    _places: frozenset[str] | None = field(default=None, compare=False, repr=False)  # see places_in
    _issued: dict[str, int] | None = field(default=None, compare=False, repr=False)  # see issuing
    _home: tuple[str | None] | None = field(default=None, compare=False, repr=False)  # see home (once per catalogue)
    _holders: frozenset[tuple[str, int]] | None = field(default=None, compare=False, repr=False)  # see holders
    _people: tuple[str, ...] | None = field(default=None, compare=False, repr=False)  # see people

    @classmethod
    def build(cls, article_rows: list[dict], lists: list[NumberedList],
              words: dict[str, tuple[list[str], list[list[str]]]] | None = None,
              titles: dict[str, list[str]] | None = None, texts: Iterable[str] = ()) -> Catalog:
        """The catalogue of these articles and lists. `words`: each list's words and `titles` each
        article's title words, as the index stored them (else they are tokenized here); `texts`: the articles'
        texts (simplified), where the speakers' posts are read."""
        words, titles = words or {}, titles or {}
        articles = {r["article_id"]: describe_article(r, titles.get(r["article_id"])) for r in article_rows}
        described = [describe_list(nl, words.get(nl.list_id)) for nl in lists]
        entries = [e for e, _, _ in described]
        named_index: dict[str, set[int]] = defaultdict(set)
        head_share: dict[str, dict[int, float]] = defaultdict(dict)
        title_index: dict[str, set[int]] = defaultdict(set)
        by_article: dict[str, list[int]] = defaultdict(list)
        speaker_index: dict[str, set[int]] = defaultdict(set)
        series_index: dict[int, set[int]] = defaultdict(set)
        for i, (e, named, heads) in enumerate(described):
            by_article[e.article_id].append(i)
            if e.speaker:
                speaker_index[e.speaker].add(i)
            for t in named:
                named_index[t].add(i)
            for t, c in Counter(t for h in heads for t in h).items():
                head_share[t][i] = c / len(heads)
            art = articles.get(e.article_id)
            for t in art.title_terms if art else ():
                title_index[t].add(i)
            if art and art.series:
                series_index[art.series].add(i)
        speakers = {s for a in articles.values() for s in a.speakers} | {e.speaker for e in entries if e.speaker}
        years = [a.year for a in articles.values() if a.year]
        named = frozenset(s for s in speakers if s and len(s) >= 2)
        posts: dict[str, set[str]] = defaultdict(set)
        for text in texts:
            for name, held in posts_named(text, named).items():
                posts[name] |= held
        return cls(articles, entries, dict(named_index), dict(head_share), dict(title_index), dict(by_article),
                   dict(speaker_index), dict(series_index), named, max(years) if years else None,
                   {name: tuple(sorted(held)) for name, held in posts.items()})

    # ------------------------------------------------------------ stored with each generation

    def dumps(self) -> bytes:
        """The catalogue as stored with a generation at publish (marshal: plain data, no code is run
        when it is read). Building it from the index's rows took 0.3 s at 10k passages and seconds
        at 100k, all of it at a cold start; reading it back takes a fifth of that."""
        return marshal.dumps((
            STORED_FORMAT,
            [(a.article_id, a.title, a.title_terms, a.date, a.speakers, a.series) for a in self.articles.values()],
            [(e.list_id, e.article_id, e.size, e.speaker, e.lead, e.style, e.parent, e.parent_point, e.first)
             for e in self.lists],
            self.named_index, self.head_share, self.title_index, self.by_article, self.speaker_index,
            self.series_index, self.speakers, self.latest_year, self.posts,
        ))

    @classmethod
    def loads(cls, blob: bytes) -> Catalog:
        """A catalogue stored by `dumps`; ValueError when the bytes are not one."""
        try:
            stored = marshal.loads(blob)
            tag, arts, lists, *maps = stored
        except (EOFError, TypeError, ValueError) as exc:
            raise ValueError("not a stored catalogue") from exc
        if tag != STORED_FORMAT or len(maps) != 9:
            raise ValueError("a catalogue stored in another format")
        articles = {a[0]: ArticleEntry(*a) for a in arts}
        entries = [ListEntry(*e) for e in lists]
        return cls(articles, entries, *maps)

    def speakers_in(self, question: str) -> tuple[str, ...]:
        """Known speakers named in the question (longest first, so "杜海涛" is not read as "海涛" only)."""
        found = [s for s in sorted(self.speakers, key=len, reverse=True) if s in question]
        return tuple(s for s in found if not any(s != o and s in o for o in found))

    @property
    def holders(self) -> frozenset[tuple[str, int]]:
        """(list id, point number) of every point a sub-list stands under."""
        if self._holders is None:
            self._holders = frozenset((e.parent, e.parent_point) for e in self.lists
                                      if e.parent is not None and e.parent_point is not None)
        return self._holders

    def issuing(self, places: tuple[str, ...]) -> frozenset[str]:
        """Of the places a question names, those that issue some of the archive's documents but not most of them
        (at most a third): a town among a county's, not the county itself."""
        if not places or not self.articles:
            return frozenset()
        limit = len(self.articles) / 3
        issued = self._issue_counts()
        return frozenset(p for p in places if 0 < issued.get(p, 0) <= limit)

    def _issue_counts(self) -> dict[str, int]:
        """How many of the archive's documents each place issues (names at the head of their titles), counted once."""
        if self._issued is None:
            self._issued = {}
            for a in self.articles.values():
                for p in set(a.issuers):
                    self._issued[p] = self._issued.get(p, 0) + 1
        return self._issued

    @property
    def home(self) -> str | None:
        """The place the archive is of: the one issuing the most documents (three at least, twice any other's
        count) — a report of its own meeting may say only "全区", never its name."""
        if self._home is None:
            ranked = sorted(self._issue_counts().items(), key=lambda x: -x[1])
            clear = ranked and ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1])
            self._home = (ranked[0][0] if clear else None,)
        return self._home[0]

    def places_in(self, question: str) -> tuple[str, ...]:
        """Places the archive's documents come from (as their titles name them) that the question names, in full or
        as people say them without the level ("岫宁加装电梯…" of 岫宁县)."""
        if self._places is None:
            self._places = frozenset(p for a in self.articles.values() for p in a.issuers)
        found = [p for p in sorted(self._places, key=len, reverse=True)
                 if p in question or (len(p) >= 3 and p[-1] in _LEVELS and p[:-1] in question)]
        return tuple(p for p in found if not any(p != o and p in o for o in found))

    @property
    def people(self) -> tuple[str, ...]:
        """Everyone a question may name or address: the speakers and the officials the bulletins give a post."""
        if self._people is None:
            self._people = tuple(sorted(self.speakers | self.posts.keys()))
        return self._people

    def last_spoke(self, person: str) -> str:
        """The latest date (ISO; "" when unknown) of an article where `person` spoke or issued a list."""
        if self._last_spoke is None:
            last: dict[str, str] = {}
            dated = [(a.date or "", a.speakers) for a in self.articles.values()]
            dated += [((self.articles[e.article_id].date or "") if e.article_id in self.articles else "", (e.speaker,))
                      for e in self.lists if e.speaker]
            for date, names in dated:
                for name in names:
                    if date > last.get(name, ""):
                        last[name] = date
            self._last_spoke = last
        return self._last_spoke.get(person, "")

    # ------------------------------------------------------------ choosing a list

    def choose(self, ev: ListQuery, article_text, fused_lists: list[str], tolerance: float,
               recent_tolerance: float) -> Choice | None:
        """The list the question names best, scored on everything it says.

        A term found in a list's label, lead or speaker, or in its article's title, counts fully; one
        found only in its points' headlines counts by the share of headlines holding it (so "聚力" names
        the list whose every point is a 聚力); one found only elsewhere in the article counts half. The
        speaker the question names, its meeting's number ("第二次") and its time count like its rarest
        term; a list of the asked size gets a little more. Lists within `tolerance` of the best are
        close: the most recent of them wins (a series' latest meeting), then the one whose point the
        fused ranking finds first. `article_text(article_id)` gives an article's normalized text."""
        weights = {t: w for t, w in ev.weights.items() if len(t) > 1}
        pre = self._candidates(ev, weights, fused_lists)
        # Only the best few by their own words are read against their article (a text look-up each).
        results = [r for i, base, found in pre if (r := self._score(i, base, found, ev, weights, article_text))]
        if not results:
            return None
        # the question's words as a list's own label or lead may say them, its speech words too ("三点意见")
        words = frozenset(weights) | {t for t in query_terms(ev.intent.rest) if len(t) > 1}
        # (and those naming the document: "托育分工方案里重点任务有哪几条" asks the list under "二、重点任务", not the
        # plan's outline whose lead says "方案")
        rest = ev.intent.rest
        meeting = words_within(words, rest, meeting_spans(rest) + document_spans(rest))
        # a table asked ("分工表里都有哪些任务"): the table's rows, not the outline of the plan that attaches it
        table = bool(TABLE_ASKED.search(rest))
        return self._pick(results, fused_lists, recent_tolerance if ev.intent.time.recent else tolerance,
                          ev.intent.path, words, ev.intent.time.relative_year, meeting, table,
                          ev.intent.articles)

    def _candidates(self, ev: ListQuery, weights: dict[str, float],
                    fused_lists: list[str]) -> list[tuple[int, float, set[str]]]:
        """The best CANDIDATES lists by their own words — those any of the question's pointers reach
        through the inverted maps, plus the lists of the best fused passages, the speaker's and the
        meeting's — each with that score and the words it was found by; higher score first, then
        lower index. Scored in numpy: at 100k passages a common word reaches thousands of lists."""
        n = len(self.lists)
        scores = np.zeros(n)
        touched = np.zeros(n, dtype=bool)
        for t, w in weights.items():
            named, heads, shares = self._term_arrays(t)
            scores[named] += w
            scores[heads] += w * shares
            touched[named] = touched[heads] = True
        reached = [self._index_of(list_id) for list_id in fused_lists[:10]]
        reached += [i for s in ev.speakers for i in self.speaker_index.get(s, ())]
        reached += list(self.series_index.get(ev.intent.series, ())) if ev.intent.series else []
        touched[[i for i in reached if i is not None]] = True
        ids = np.flatnonzero(touched)
        best = ids[np.lexsort((ids, -scores[ids]))][:CANDIDATES].tolist()
        return [(i, float(scores[i]), self._found_by(i, weights)) for i in best]

    def _term_arrays(self, term: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(lists naming `term` in their label, lead, speaker or article title; other lists whose
        headlines hold it; their share of headlines holding it), cached by term."""
        arrays = self._arrays.get(term)
        if arrays is None:
            named = self.named_index.get(term, set()) | self.title_index.get(term, set())
            heads = [(i, share) for i, share in self.head_share.get(term, {}).items() if i not in named]
            arrays = (np.fromiter(named, dtype=np.int64, count=len(named)),
                      np.fromiter((i for i, _ in heads), dtype=np.int64, count=len(heads)),
                      np.fromiter((share for _, share in heads), dtype=np.float64, count=len(heads)))
            if len(self._arrays) >= TERM_ARRAYS:
                self._arrays.clear()
            self._arrays[term] = arrays
        return arrays

    def own_words(self, list_id: str, terms) -> set[str]:
        """Which of `terms` the list names itself: in its label, lead, speaker, headlines or article title."""
        i = self._index_of(list_id)
        return self._found_by(i, dict.fromkeys(terms, 1.0)) if i is not None else set()

    def _found_by(self, i: int, weights: dict[str, float]) -> set[str]:
        return {t for t in weights if i in self.named_index.get(t, ()) or i in self.title_index.get(t, ())
                or i in self.head_share.get(t, ())}

    def _score(self, i: int, score: float, found: set[str], ev: ListQuery, weights: dict[str, float],
               article_text) -> tuple[float, float, int] | None:
        """(score, share of what the question says, list index), or None when the list cannot answer."""
        intent = ev.intent
        nl = self.lists[i]
        strong = max(weights.values(), default=1.0)
        mean_w = sum(weights.values()) / len(weights) if weights else 1.0
        art = self.articles.get(nl.article_id)
        # A word said short that the list's lead writes out ("对地灾防汛提了哪几条要求": "全县地质灾害防治工作") is the
        # list's own, as a word its lead writes.
        spelled = {t for t in weights if t not in found and abbreviates(t, nl.lead, words=True)}
        score += sum(weights[t] for t in spelled)
        # Words found nowhere in a list's own words may still be in its article ("县长", a place).
        # (The article's text is read only when something is to be looked up in it.)
        unfound = [t for t in weights if t not in found and t not in spelled]
        text = article_text(nl.article_id) if unfound else ""
        score += sum(ARTICLE_CREDIT * weights[t] for t in unfound if t in text)
        # a word in a few of its headlines is in its article too: never less than the article's half credit
        # ("做好应急准备" of four points against another list of the meeting that only shares its article)
        for t in found:
            if i not in self.named_index.get(t, ()) and i not in self.title_index.get(t, ()):
                score += max(0.0, ARTICLE_CREDIT - self.head_share[t][i]) * weights[t]
        matched = score  # each word by the credit it earned: full, by headline share, or half
        asked, got = article_match(art, nl.speaker, intent, ev.speakers, self.latest_year, strong,
                                   spoke_elsewhere=bool(art) and any(s in art.speakers for s in ev.speakers),
                                   partial=0.3,  # spoke there (not merely named: "区长沈若川…出席"), as fusion reads it
                                   issuers=self.issuing(intent.places))
        if intent.count:
            asked += 0.5 * mean_w
            if nl.size == intent.count:
                got += 0.5 * mean_w
        total = score + got
        if total <= 0:
            return None
        asked += sum(weights.values())
        return total, ((matched + max(0.0, got)) / asked if asked else 0.0), i

    def _pick(self, results: list[tuple[float, float, int]], fused_lists: list[str], tolerance: float,
              path: tuple = (), words: frozenset[str] = frozenset(), relative_year: int | None = None,
              meeting: frozenset[str] = frozenset(), table: bool = False, articles: bool = False) -> Choice:
        """The best list; among close ones (the same list in several bulletins) the most recent. A question
        addressing a point (`path`) prefers, among close ones, an article where the point exists, and where the
        lists are numbered as the question says. Of an article's lists scored alike (the question's words all in
        its title), one whose own label or lead holds the question's words the first one's holds and more stands for
        it ("净街亮城行动要整治哪几方面": "二、整治内容", not the notice's outline of its sections; "讲了哪三点意见":
        still "我讲三点意见", not "三、完善机制，推动城市管理…" holding other words of the title)."""
        def own(i: int) -> frozenset[str]:
            """The question's words the list itself names (label, lead, speaker), but those naming the meeting ("在公共
            法律服务会议上讲了几点") or document: they point at the article, whichever of its lists says them."""
            return frozenset(t for t in words if i in self.named_index.get(t, ()) and t not in meeting)

        top = max(r[0] for r in results)
        # The band is for the same list in several bulletins: within one article the lists differ,
        # and the best scored of them stands for its article.
        # A close list that misses some of what the question says (a word the best list's title holds, "全县农村工作
        # 会议") is another meeting, not the same list again: the band keeps those matching as fully as the best.
        said = max((r[1] for r in results if r[0] >= top * (1 - tolerance)), default=0.0)
        # A list whose lead speaks of another year than the question's ("过去一年，…取得明显成效" for "今年要抓哪几件
        # 事"): a speech's review before its tasks, not what is asked — when a close list does not contradict it.
        band = [r for r in results if r[0] >= top * (1 - tolerance) and r[1] >= said - SAID_MARGIN]
        other_year = set() if relative_year is None else {
            r[2] for r in band if _lead_year(self.lists[r[2]].lead) not in (None, relative_year)}
        if len(other_year) == len(band):
            other_year = set()
        # a table asked: an article's table among the close lists stands for it (not the plan's outline above it)
        tabled = {self.lists[r[2]].article_id for r in band if self.lists[r[2]].style == TABLE} if table else set()
        per_article: dict[str, tuple[float, float, int]] = {}
        for r in results:
            aid = self.lists[r[2]].article_id
            if r[2] in other_year or (aid in tabled and self.lists[r[2]].style != TABLE):
                continue
            if r[0] >= top * (1 - tolerance) and r[1] >= said - SAID_MARGIN and (
                    aid not in per_article or r[0] > per_article[aid][0]
                    or (r[0] == per_article[aid][0] and (own(r[2]) > own(per_article[aid][2])  # strictly more
                                                         # as much: the outline the others stand under ("讲了几点")
                                                         or (own(r[2]) == own(per_article[aid][2])
                                                             and self.lists[r[2]].parent is None
                                                             and self.lists[per_article[aid][2]].parent is not None)))):
                per_article[aid] = r
        rank = {lid: n for n, lid in reversed(list(enumerate(fused_lists)))}
        scores = {self.lists[r[2]].list_id: r[0] for r in results}
        # (a table asked, its rows are the points addressed: "分工表最后一条", not the plan's last section)
        points = {aid: self.resolve(path, aid, scores, only=self.lists[r[2]].list_id if aid in tabled else None)
                  for aid, r in per_article.items()} if path else {}

        def order(r: tuple[float, float, int]) -> tuple:
            nl = self.lists[r[2]]
            art = self.articles.get(nl.article_id)
            newest = -int(art.date.replace("-", "")) if art and art.date else 0
            return newest, rank.get(nl.list_id, 10**6), -r[0]

        def fits(r: tuple[float, float, int]) -> tuple:
            """Where the point exists first, numbered as said; else where more of the path exists, or where its
            first level is numbered as said (the document a refusal names: the 办法 for "第十九条", not a
            commentary on it)."""
            if not path:
                return 0, 0, 0
            aid = self.lists[r[2]].article_id
            point = points.get(aid)
            if point:
                return 0, 0, -point.fit
            for k in range(len(path) - 1, 0, -1):
                if part := self.resolve(path[:k], aid, scores):
                    return 1, -k, -part.fit
            return 1, 0, -any(e.style in path[0].styles for e in self.lists_of_article(aid))

        # Of close lists in several articles, one whose title names less of the meeting the question names than
        # another's ("在普法会议上讲的第二点意见": a 常委会 that discussed 普法, below the speech at the 普法…工作会议)
        # is not the one meant, however recent.
        named = {r[2]: frozenset(t for t in meeting if r[2] in self.title_index.get(t, ())) for r in per_article.values()}

        def less(r: tuple[float, float, int]) -> int:
            return int(any(named[r[2]] < other for other in named.values()))

        def ruled(r: tuple[float, float, int]) -> int:
            """A rule's articles asked: its 第X条 list (or its chapters holding them) first."""
            return -int(articles and self.lists[r[2]].style in RULES)

        best = min(per_article.values(), key=lambda r: (ruled(r),) + fits(r) + (less(r),) + order(r))
        # (of an article's lists scored alike, the outline the others stand under first, as within `resolve`: "讲的第三点
        # 意见" of a speech is its third point, not the third of the sub-list under its first)
        def runner_up(r: tuple[float, float, int]) -> tuple:
            newest, *rest = order(r)
            return (-r[0], newest, self.lists[r[2]].parent is not None, *rest)

        others = sorted((r for r in results if r is not best), key=runner_up)
        alternates = tuple(self.lists[r[2]] for r in others if r[0] >= top * RUNNER_UP)[:ALTERNATES]
        if not path:
            return Choice(self.lists[best[2]], best[0], best[1], alternates)
        chosen = points.get(self.lists[best[2]].article_id)
        if chosen is None and (firm := sum(step.firm for step in path)):
            # The point numbered as the question writes it ("办法第七条") in a close runner-up, where the best-named
            # article has none (a press conference on the 办法, titled with its name): that document is meant.
            for r in others:
                if r[0] < top * RUNNER_UP:
                    break
                held = self.resolve(path, self.lists[r[2]].article_id, scores)
                if held and held.fit >= firm:
                    best, chosen = r, held
                    break
        if chosen is None:
            return Choice(self.lists[best[2]], best[0], best[1], alternates)
        entry = self.lists[self._index_of(chosen.root)]
        # a runner-up is read from where it starts: the same path in another meeting's or speaker's list
        more = [p for e in alternates if (p := self.resolve(path, e.article_id, scores, only=e.list_id))]
        found = tuple(dict.fromkeys([chosen] + more))
        return Choice(entry, best[0], best[1], tuple(self.lists[self._index_of(p.root)] for p in found[1:]), found)

    def resolve(self, path: tuple, article_id: str, scores: dict[str, float] | None = None,
                only: str | None = None) -> Resolved | None:
        """The point `path` addresses in one article (bot/ordinals.py), lists named better by the question
        (`scores`) first; None when the article has no such point."""
        return resolve(path, self.lists_of_article(article_id), scores, only)

    def lists_of_article(self, article_id: str) -> list[ListEntry]:
        return [self.lists[i] for i in self.by_article.get(article_id, ())]

    def _index_of(self, list_id: str) -> int | None:
        aid = list_id.rsplit(":", 1)[0]
        for i in self.by_article.get(aid, ()):
            if self.lists[i].list_id == list_id:
                return i
        return None
