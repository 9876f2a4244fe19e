"""Answerability: does a passage answer the question, judged on the question's specific content?

A question is more than its topic: the people, meetings, numbers and dates it names, and the words
that carry its content, must be found in the answering passage or its article. On an archive the
dense cosine of an unanswerable question is as high as an answerable one's, and everyday words lift
lexical overlap, so the topic alone says little; what the question *pins down* decides."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.analysis import in_dictionary, is_common_word, unheld_once
from bot.catalog import ArticleEntry, date_matches
from bot.config import SearchConfig
from bot.intent import (DOCUMENT_FORMAL, SERIES_UNITS, is_content, meeting_forms, meeting_spans,
                        named_meetings, named_slogans, periods, towns_in, words_within)
from bot.question import Intent
from bot.speakers import person_name
from bot.textutil import CJK, CN_NUMERAL, POINT_PLACE, SENTENCE_ENDS, abbreviates, enumerates, int_to_cn
from bot.thesaurus import kin
from bot.typos import sounds_alike

COMMON_WEIGHT = 0.5
SYNONYM_WEIGHT = 0.5  # a word found only as a synonym of it (bot/thesaurus.py)
_CJK = re.compile(rf"[{CJK}]")
# With a grade letter: "5A级" is not "4A级"; with its magnitude: "突破1亿元" is not the "1" of "1000万元", "世界500强"
# not "500万元".
_NUMBER = re.compile(r"(?<![A-Za-z\d.])\d+(?:\.\d+)?(?:[A-Za-z](?![A-Za-z])|[万亿]|强)?")  # (not PM2.5's 2.5)
# A year said of the document or meeting itself ("2024年政府工作报告", "2023年县政府常务会议"): it is that year's,
# not a later one recalling the year.
_DOCUMENT_YEAR = re.compile(rf"((?:19|20)\d{{2}})\s*年度?[^，,。；;？?！!]{{0,12}}?(?:{DOCUMENT_FORMAL.pattern}"
                            r"|会议|大会|全会|常委会|(?:推进|调度|座谈|部署|动员|联席|专题|现场|务虚)会)")
_LETTER_GRADE = re.compile(r"(?<![A-Za-z\d])[A-Ea-e]{1,5}级")
# A grade of a thing in a graded series ("二级网格长", "三星级", "丙级民宿", "省级示范村"): the grade, then what is
# graded (its first character), which another grade of the series is followed by too ("三级网格员", "市级示范村").
_GRADE = rf"[{CN_NUMERAL}\d]|[甲乙丙丁]|国家|省|市|县"
_GRADED = re.compile(rf"(?<![{CN_NUMERAL}\d甲乙丙丁第])({_GRADE})(星?级)(?=([{CJK}]))")
# a figure of the whole county ("全县累计排查隐患2300项"; not "落实全县“攻坚年”要求": no figure follows)
_WHOLE_COUNTY = re.compile(rf"全[县区市旗][^{SENTENCE_ENDS}，,；;]{{0,12}}?\d")
# A thing's phase ("朗湖泵站二期", "储备库三期工程"): another phase's passage does not answer (not an issue, "第二期"; nor
# "期间", "期限", "期末"…).
_PHASE = re.compile(rf"(?<=[{CJK}])(?<![第每本上下这那哪几各])[二三四五六七八九]期(?![间限末初中货刊望待盼])")
_ORDINAL_NAME = re.compile(rf"第[{CN_NUMERAL}\d]{{1,3}}(?![{CN_NUMERAL}\d个条点项次批期届轮季章节部要是时位线名步阶件])[{CJK}]")


@dataclass(frozen=True)
class Requirements:
    """What a passage must account for to answer the question."""

    weights: dict[str, float]  # content words (IDF-weighted)
    people: tuple[str, ...]  # named people and places
    numbers: tuple[str, ...]  # figures other than the question's date
    intent: Intent
    places: tuple[str, ...] = ()  # named places: they locate the article, a passage need not repeat them
    meetings: tuple[str, ...] = ()  # the kind of each meeting named ("农村" of "全区农村工作会议")
    documents: tuple[str, ...] = ()  # the kind of document named by its formal name ("政府工作报告", "实施方案")
    document_year: str | None = None  # the year said of that document ("2024" of "2024年政府工作报告")
    # everyday words and what bulletins write instead ("暖气费" → 热费, 供暖费; bot/phrasing.py)
    alternatives: dict[str, tuple[str, ...]] = field(default_factory=dict)
    meeting_words: frozenset[str] = frozenset()  # content words naming the meeting ("区委常委会"): they point at the article
    meeting_forms: tuple[str, ...] = ()  # the form of each meeting named ("推进" of "养老服务推进会")
    # the archive's synonyms of words it never writes ("实习" → 见习; bot/thesaurus.py): weaker than the written
    # forms above, as meaning is (a synonym of a vague word is found anywhere: "明天" → 未来)
    synonyms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # people addressed as surname + post whom no one the archive names can be (bot/phrasing.unknown_addressed):
    # the article must write them so ("宁副区长", "副区长宁…"), or it is about someone else
    addressed: tuple[tuple[str, str], ...] = ()
    # people the question says spoke ("宁雅琴在…会议上讲了"), grouped as named side by side: one of each group must
    # be a speaker of the answer's article (read once per question, `speaking`)
    speaking: tuple[tuple[str, ...], ...] = ()
    # the question's words the archive never writes, each with its kin ("硕士": 学士, 博士…; bot/thesaurus.py): a
    # passage naming a kin and not the word some way is about another thing of that kind ("博士研究生…补贴");
    # everyday words are left out, having many senses
    kindred: tuple[tuple[str, frozenset[str]], ...] = ()
    home: str | None = None  # the place the archive is of (Catalog.home): an article need not name it
    # the graded things the question names ("二级网格长" → ("二", "级", "网")): a passage giving another grade of
    # that thing and not this one ("三级网格员…每人每月800元") is about another grade
    grades: tuple[tuple[str, str, str], ...] = ()
    # the periods the question counts over ("1到8月" → (1, 8), "二季度" → (4, 6)): a passage counting over others
    # and not these ("1—7月…新签约项目11个") gives another period's figures
    periods: frozenset[tuple[int, int]] = frozenset()
    # the counting names the question quotes ("“三个到位”": ("三个到位", 3, "到位")): the article says the name, or says
    # what it counts as often ("责任到位、措施到位、资金到位"), or it is another meeting's slogan
    slogans: tuple[tuple[str, int, str], ...] = ()


@dataclass(frozen=True)
class Check:
    coverage: float  # share of the content words' weight found in the passage or its article
    passage_coverage: float  # … in the passage alone
    pinned: bool  # people, meeting number, figures and date all found
    words: int = 0  # how many of the content words the passage holds (literally, otherwise written or by meaning)
    stated_coverage: float = 0.0  # … in the passage or the lead-in of its list (check's `lead`)


def requirements(intent: Intent, weights: dict[str, float], people: tuple[str, ...], places: tuple[str, ...],
                 question: str, known: set[str], alternatives: dict[str, tuple[str, ...]] | None = None,
                 synonyms: dict[str, tuple[str, ...]] | None = None,
                 addressed: tuple[tuple[str, str], ...] = (), home: str | None = None) -> Requirements:
    """`known`: the question's terms found somewhere in the archive; `home`: the place the archive is of."""
    time_digits = {str(x) for x in (intent.time.year, intent.time.month, intent.time.day) if x}
    # Figures other than the date and a point's place ("第3项", "（2）", "1."): those must be in the article.
    figures = POINT_PLACE.sub(" ", question)
    numbers = tuple(n for n in dict.fromkeys(_NUMBER.findall(figures)) if n not in time_digits)
    # A name numbered in order ("第三实验小学", "第二人民医院"): the number is the name's, not an ordinal — another
    # school's passage does not answer.
    numbers += tuple(dict.fromkeys(_ORDINAL_NAME.findall(question) + _PHASE.findall(question)))
    # A grade by its letters ("评上了A级", "AAA级景区"): the article must give that grade.
    numbers += tuple(g for g in dict.fromkeys(_LETTER_GRADE.findall(question)) if g not in numbers)
    # People are checked as names (pinned); counting them as content too would let a question about
    # someone's trip nobody reported pass on his name alone.
    # A word no bulletin holds but common in any Chinese text (任务, 以后) counts half: an archive
    # too small to know it is everyday would otherwise let its absence refuse "改厕任务是多少".
    # A term found neither in the archive nor in jieba's dictionary is a cut across words ("天开" from
    # "哪天开的"), not content a passage could hold; people are pinned by their own check.
    content = {t: w * (COMMON_WEIGHT if t not in known and is_common_word(t) else 1.0)
               for t, w in (weights if intent.asks_figure else unheld_once(weights, known)).items()
               if is_content(t) and not any(t in p or p in t for p in people)
               and (t in known or in_dictionary(t) or not _CJK.search(t))}
    document_year = _DOCUMENT_YEAR.search(question)
    meeting_words = words_within(content, question, meeting_spans(question))
    # (not an everyday word: "地方" is places as often as the 地方 of 中央)
    # (a kin word read alike is the word typed wrong, not another kind: "检测" for the archive's 监测)
    kindred = tuple((t, k) for t in content if t not in known and not is_common_word(t)
                    and (k := frozenset(x for x in kin(t) if not sounds_alike(t, x))))
    return Requirements(content, people + places, numbers, intent, places, named_meetings(question),
                        tuple(dict.fromkeys(DOCUMENT_FORMAL.findall(question))),
                        document_year.group(1) if document_year else None, alternatives or {}, meeting_words,
                        meeting_forms(question), synonyms or {}, addressed, speaking(intent, people, places), kindred,
                        home, tuple(dict.fromkeys(_GRADED.findall(question))), periods(question),
                        named_slogans(question))


def _found(term: str, weights: dict[str, float], text: str) -> bool:
    """A term is found in the text, or two thirds of it are made of the question's shorter terms that
    are (jieba's search mode gives "考察学习" and also "考察", "学习"; a text may hold only the parts)."""
    if term in text:
        return True
    if abbreviates(term, text) or enumerates(term, text):  # "技改" of "技术改造", "四乱" of "乱占、乱采、乱堆、乱建"
        return True
    covered = [False] * len(term)
    for part in weights:
        if part != term and part in term and part in text:
            start = term.find(part)
            while start >= 0:
                covered[start : start + len(part)] = [True] * len(part)
                start = term.find(part, start + 1)
    # Two thirds of a longer term; a three-character one whole ("农民" alone is not "农民工").
    return sum(covered) >= (len(term) if len(term) <= 3 else len(term) * 2 / 3)


def _side_by_side(people: tuple[str, ...], question: str) -> list[tuple[str, ...]]:
    """The people named, grouped where the question joins them with "、" (each group answered by any of it)."""
    groups: list[list[str]] = []
    for p in people:
        joined = next((g for g in groups if any(f"{p}、{q}" in question or f"{q}、{p}" in question for q in g)), None)
        if joined is not None:
            joined.append(p)
        else:
            groups.append([p])
    return [tuple(g) for g in groups]


_NOUN_SUFFIX = "子儿"  # said after a word with no change of its meaning ("盖房子", "小孩儿")


def _written_otherwise(term: str, alternatives: dict[str, tuple[str, ...]], text: str) -> bool:
    """The everyday word the term is part of, or is with a noun suffix, is written otherwise in the text ("暖气" of
    "暖气费" as "热费"; "盖房子" as "建房")."""
    return any((term in spoken or (term[-1] in _NOUN_SUFFIX and term[:-1] == spoken))
               and any(w in text for w in written) for spoken, written in alternatives.items())


def _series_forms(n: int) -> tuple[str, ...]:
    return tuple(f"第{x}{unit}" for x in (n, int_to_cn(n)) for unit in SERIES_UNITS)


# A person said to speak: the name, where and when, then a speech verb ("宁雅琴在全区…会议上讲了", "陈明强调").
_SAID_BY = r"(?:在[^，,。？?]{0,24}?)?(?:上|中|时)?(?:讲|说|强调|指出|提出|要求|部署)"


def speaking(intent: Intent, people: tuple[str, ...], places: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The people the question says spoke, grouped as it names them side by side ("宁晓峰、宁雅琴在…讲了": one of
    them); not places, nor people it names otherwise ("对陈明提了什么要求")."""
    said = intent.rest
    named = tuple(p for p in people if p not in places and person_name(p))  # ("区长在…说": a post)
    return tuple(group for group in _side_by_side(named, said)
                 if re.search("(?:" + "|".join(map(re.escape, group)) + ")" + _SAID_BY, said)
                 and not any(re.search("对" + re.escape(p), said) for p in group))


# 会 of a meeting, not of 全社会, 协会, 工会, 机会, 体会, 领会 or 会同 ("县民政局会同县财政局")
_MEETING = r"(?<![社协学工机商体领理都])会(?![同员])"
_COUNTY_LEVELS = "县市旗"  # (not 区: 景区, 园区, 社区 are no districts)
REPORTED_WITHIN = 300  # characters of an article (title first) within which it names the meeting it reports
OPENING = 150  # characters of an article (title first) that say what it is about: its title and first sentences
MEETING_NAME_GAP = 12  # words a meeting's full name holds between its kind and 工作会议 ("粮食|生产与储备安全|工作会议")


def check(req: Requirements, passage: str, article: str, art: ArticleEntry | None, latest_year: int | None,
          meant: frozenset[str] = frozenset(), near: bool = False, lead: str = "") -> Check:
    """`passage` and `article` are normalized texts (the article's includes its title); `meant`: the question's
    words the archive never writes that a word of the passage is near in meaning (bot/neighbours.py); `near`: the
    passage as a whole is near the question in meaning (search.paraphrase_cosine); `lead`: the normalized lead-in of
    the passage's list, which may name what its point is about ("会议审议了《…扶持资金管理办法》…会议强调" over "要…逐条
    修改，5月底前正式印发")."""
    total = sum(req.weights.values())
    # The question's words are read in lower case ("5a", "gdp"); so is the text they are looked for in.
    passage, lower_article = passage.lower(), article.lower()
    context = passage + "\n" + lower_article
    # what locates the article — its places, the meeting named by its title ("区委常委会") — a passage need not repeat
    local = {t: w for t, w in req.weights.items() if not any(t in p for p in req.places)
             and not (t in req.meeting_words and art and t in art.title)}
    # A passage is read under its article's title ("一、总体目标 …300台" of the "加装电梯三年行动实施方案"): what the title
    # says, its figures are of.
    headed = passage + "\n" + art.title.lower() if art else passage
    written = [t for t in local if _found(t, local, headed) or _written_otherwise(t, req.alternatives, headed)]
    # Meaning alone is weak evidence: one word near in meaning, none of the question's own and the passage no
    # nearer the question as a whole ("明天会下雨吗" / a flood passage's 降雨) does not make it an answer.
    # So are synonyms alone: "明天" → 未来, "下雨" → 降雨 is found in any archive.
    synonymous = {} if not written and not near else req.synonyms
    if len(meant) < 2 and not near and not written:
        meant = frozenset()
    # (and a synonym counts for half its word: Cilin's groups are loose — "后果" / "结果")
    by_synonym = {t for t in local if t not in written and _written_otherwise(t, synonymous, passage)}
    written += sorted(by_synonym)

    def credit(t: str, w: float) -> float:
        if t in meant or _found(t, req.weights, context) or _written_otherwise(t, req.alternatives, context):
            return w
        return SYNONYM_WEIGHT * w if _written_otherwise(t, synonymous, context) else 0.0

    found_ctx = sum(credit(t, w) for t, w in req.weights.items())
    other_kind = any(not credit(t, 1.0) and any(k in passage for k in kin_words) for t, kin_words in req.kindred)
    other_kind = other_kind or any(_other_grade(g, passage) for g in req.grades)
    other_kind = other_kind or bool(req.periods and (stated := periods(passage)) and not stated & req.periods)
    # A town asked ("鹭坪镇今年排查隐患多少项") locates the article, but a passage telling of another town and not of it
    # (a 简报's item on 柘塘镇, in an issue naming 鹭坪镇 elsewhere) is about that town.
    other_kind = other_kind or any(_other_town(t, passage, req.intent.asks_amount) for t in req.places
                                   if t[-1] in "镇乡")
    held = written + [t for t in local if t in meant and t not in written]
    found_psg = sum(local[t] * (SYNONYM_WEIGHT if t in by_synonym and t not in meant else 1.0) for t in held)
    total_psg = sum(local.values())
    intent = req.intent
    # A place may be named without its level ("新枫岭", "我县" in 枫岭县's own report): its name is enough.
    # A person is the article's speaker though the text may not name them (a speech's author line is its byline).
    spoke = art.speakers if art else ()
    # People named side by side ("刘晓岚、刘光明": one "刘副县长" the archive has two of) are alternatives.
    # In an archive of one county, another county or city is told of in the passage, or the article is about it (its
    # title or opening names it): a plan naming "柘峰县" in one point (a joint drill) is not about 柘峰县's checkpoints.
    # (An archive of several places has no home: a report need not repeat its own county's name past its byline.)
    opening = passage + "\n" + lower_article[:OPENING]

    # (the archive's own county is no given in a document another county issued: "崇丰县人民政府办公室关于印发…" in an
    # archive of 岫宁县 does not answer "岫宁加装一台电梯补多少钱")
    issued_elsewhere = bool(art and req.home and any(i != req.home and i[-1:] == req.home[-1:] for i in art.issuers))

    def located(p: str) -> bool:
        if (p == req.home and not issued_elsewhere) or p in spoke:
            return True
        if p not in req.places or len(p) < 3:
            return p in article
        where = opening if req.home and p[-1] in _COUNTY_LEVELS else article
        return p in where or p[:-1] in where  # a place read with or without its level ("托位县" from "县里")

    pinned = not other_kind and all(any(located(p) for p in group) for group in _side_by_side(req.people,
                                                                                                 req.intent.rest))
    # What someone said ("宁雅琴在…会议上讲了哪三点意见") is in an article they spoke in: one that only names them
    # ("刚才，宁雅琴同志通报了…", in another's speech) reports someone else's words.
    pinned = pinned and (not art or all(any(p in spoke for p in group) for group in req.speaking))
    pinned = pinned and all(re.search(rf"{surname}副?{post.lstrip('副')}|{post.lstrip('副')}{surname}", article)
                            for surname, post in req.addressed)
    # A figure is found whole: "50" is not in "1500" or "2025".
    pinned = pinned and all(re.search(rf"(?<![\d.]){re.escape(n)}(?![\d.])" if n[0].isdigit()
                                      else rf"(?<![A-Za-z]){re.escape(n)}" if n[0].isascii() else re.escape(n), article)
                            for n in req.numbers)
    # The meeting the question names is one the article reports: its kind, then 会 ("农村工作会议", "调度会").
    # Within one sentence: "…森林防火工作。会议强调" reports another meeting that discussed the topic.
    # (named short, as officials do, "粮食工作会" of the "全县粮食生产与储备安全工作会议": the kind first, 工作会 last, in
    # the title or opening that names the meeting reported)
    pinned = pinned and all(re.search(re.escape(m) + rf"[^{SENTENCE_ENDS}]{{0,6}}{_MEETING}", article)
                            or re.search(re.escape(m) + rf"[^{SENTENCE_ENDS}]{{0,{MEETING_NAME_GAP}}}工作{_MEETING}",
                                         article[:REPORTED_WITHIN])
                            for m in req.meetings)
    # A meeting named by its form ("推进会上") is one the article reports as such ("推进会", "推进大会", "推进会议").
    # — in its title or opening, where a report names the meeting it reports: a speech that mentions "每季度召开
    # 一次调度会" deep in its text was not given at a 调度会.
    pinned = pinned and all(re.search(re.escape(f) + rf".{{0,2}}{_MEETING}", article[:REPORTED_WITHIN])
                            for f in req.meeting_forms)
    pinned = pinned and all(d in article for d in req.documents)
    pinned = pinned and all(name in article or f"{n}个{word}" in article or article.count(word) >= n
                            for name, n, word in req.slogans)
    if req.document_year and art:
        # that year's document: dated in it, or naming it in its title ("2024—2026年…实施方案")
        pinned = pinned and ((art.date or "")[:4] == req.document_year or req.document_year in art.title)
    if intent.series:
        # the meeting of the series the article reports, by its title; a later one it only announces is not it
        if art and art.series:
            pinned = pinned and art.series == intent.series
        else:
            pinned = pinned and any(f in article for f in _series_forms(intent.series))
    # A date said outright pins the article; "今年"/"去年" alone only prefers it (bot/fusion.py): they are read
    # against the archive's newest year, and an official asking "今年" of last year's plan still means that plan.
    t = intent.time
    if t.year or t.month or t.day or t.through:
        when = date_matches(t, art.date if art else None, latest_year)
        if when is False:
            # The date may be one the article mentions ("截至6月底"), not the day it was published.
            # (the year is the article's own when it is dated that year: "1—4月" told in a report of 5月22日)
            words = [f"{t.year}年"] if t.year and not (art and art.year == t.year) else []
            words += [f"{t.month}月"] if t.month else [f"{t.through}月"] if t.through else []
            # … or the year before the article's, told as "去年" ("去年，全县民营经济增加值达到118.6亿元" in a 2024 speech
            # is 2023's figure)
            last_year = bool(t.year and not t.month and art and art.year == t.year + 1 and "去年" in passage)
            pinned = pinned and (last_year or (bool(words) and all(w in article for w in words)))
    # A question of only names and numbers ("刘宗国提出的第七点") is all pinned; one of no words at all
    # (emoji, punctuation) has nothing a passage could answer.
    empty = 1.0 if req.people or req.numbers or intent.series or intent.ordinal else 0.0
    # (every word locating the article — "2025年危房改造推进会说今年要改多少户", all of it the meeting's title — leaves
    # the passage nothing of its own to hold: the meeting's passage stating the figure answers)
    own = found_psg / total_psg if total_psg else 1.0 if total else empty
    stated = own
    if lead and total_psg:  # … and with the lead-in of its list, which may say what its task is about
        lead = lead.lower()
        stated += sum(w for t, w in local.items() if t not in held and (
            _found(t, local, lead) or _written_otherwise(t, req.alternatives, lead))) / total_psg
    return Check(found_ctx / total if total else empty, own, pinned, len(held), stated)


def _other_grade(grade: tuple[str, str, str], passage: str) -> bool:
    """The passage gives another grade of the graded thing the question names and never that grade ("市级财政补助30%，
    县级配套" still answers "县级财政配套多少")."""
    level, mark, thing = grade
    if f"{level}{mark}" in passage:
        return False
    return any(m.group(1) != level for m in _GRADED.finditer(passage) if m.group(2) == mark and m.group(3) == thing)


def _other_town(town: str, passage: str, amount: bool = False) -> bool:
    """The passage names a town other than `town` and not `town` (with or without its level); with `amount` (a
    figure asked of the town), a passage giving the county's own ("全县接待游客412万人次") is another's too."""
    if town in passage or town[:-1] in passage:
        return False
    return bool(towns_in(passage) - {town}) or (amount and bool(_WHOLE_COUNTY.search(passage)))


def verdict(c: Check, intent: Intent, list_share: float, cosine: float, cfg: SearchConfig,
            deadline: bool = False) -> bool:
    """One result's verdict: what the question pins down is there, and enough of its content.
    `list_share`: how specifically the question names the list this result answers from (0 if none);
    `cosine`: the result's dense similarity to the question; `deadline`: the question asks when a task is due."""
    if not c.pinned:
        return False
    # A fact asked in everyday words of a passage very near it in meaning: the floor of shared words is enough.
    fact_needs = cfg.min_context_coverage if cosine < cfg.paraphrase_cosine else min(cfg.min_context_coverage,
                                                                                      cfg.min_coverage)
    topical = c.coverage >= (fact_needs if intent.asks_fact else cfg.min_topic_coverage)
    if list_share:  # a list the question names specifically (its share was checked when choosing it)
        return topical
    needed = cfg.min_amount_coverage if cosine < cfg.close_cosine else cfg.min_amount_coverage / 2
    if deadline:
        # A deadline asked is the one its task's own sentence states: the task's words are in the passage or the
        # lead-in of its list ("医共体总院的新住院大楼最晚啥时候完工" is not answered by another task's date in a meeting
        # that mentions the building), as an amount's are — fewer of them for a passage very near in meaning.
        if c.stated_coverage < needed:
            return False
    if intent.asks_amount:
        # The figure's own words must be in the passage (that it states a figure of what is asked is the amount
        # kind's check, bot/kinds/amount.py); a passage very near the question in meaning may say them in other
        # words ("压缩" / "压减").
        return c.passage_coverage >= needed
    return topical


def on_topic(dense_top: float, context_coverage: float, cfg: SearchConfig) -> bool:
    """The floor under every answer: the question is near some passage in meaning, or the answer's
    passage and article hold enough of it (its own coverage: everyday words shared with some other
    passage prove nothing)."""
    return dense_top >= cfg.min_dense or (context_coverage >= cfg.min_coverage
                                          and dense_top >= cfg.min_dense_with_lexical)
