"""Conversation: what a chat said last, and what a follow-up ("第三个呢", "这是谁讲的", "展开说说") refers to.

Each chat keeps its last answer, and the result it is looking at, for `conversation.followup_minutes`.
An utterance is a follow-up by its shape: short, with a follow-up act (an ordinal, 下一条/还有呢,
展开/详细/原文, 谁讲的, 哪天/哪个会, 全部要点) and nothing else of substance once the act, the words
pointing back (这/这个/这条) and the particles are taken out. "第三个呢" is a follow-up; "第三个聚力呢"
and "刘宗国的第三条" name their topic and are answered on their own. Small talk is decided first
(bot/smalltalk.py), then follow-ups, then search — the same for the console chat and the Telegram bot.
"""

from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass, replace
from functools import cached_property
from typing import Callable

from bot.index import IndexSnapshot
from bot.ordinals import LAST, ORDINAL
from bot.question import Intent
from bot.records import Passage
from bot.search import Answer, Evidence, Result, Searcher
from bot.smalltalk import classify, newest_examples, reply, without_courtesies
from bot.speakers import POSTS
from bot.textutil import CJK, cn_to_int, int_to_cn, normalize_text

ORDINAL_ACT, NEXT, EXPAND, ORIGINAL, WHO, WHEN, ALL = "ordinal", "next", "expand", "original", "who", "when", "all"

# The follow-up acts, each read from the utterance; the first that matches decides.
_ACTS: tuple[tuple[str, re.Pattern], ...] = (
    (WHO, re.compile(r"谁(?:讲|说|提|部署|强调|要求|指出)|(?:讲|说|提)(?:的|话的)?(?:人|领导)?是谁|哪位领导|谁的讲话|讲话人")),
    (WHEN, re.compile(r"哪一?天|哪一?年|[什啥]么?时候|什么时间|何时|几月几[日号]|几号|哪个会议?|什么会议?|哪次会议?|哪场会议?|哪篇|出处|来源|出自哪")),
    (ALL, re.compile(r"全部要点|所有要点|全部内容|都有哪些|一共几条|总共几条|都是什么|分别是什么")),
    (ORIGINAL, re.compile(r"原文|全文|完整(?:内容|的)?")),
    (EXPAND, re.compile(r"展开|详细|具体|多说|细说|再说说")),
    (NEXT, re.compile(r"下一[条个点项段]|还有|其他|其它|别的|继续|接着|然后呢|再来一[条个]")),
)
# What else a follow-up may say: words pointing back at the answer, the act's verbs, particles.
_BACK = re.compile(r"这一?[个条段点项篇]?|那一?[个条段点项篇]?|它|此|刚才|上面|前面|上一?[个条]|以上|该|这些|那些|"
                   r"请问|请|麻烦|再|给我|给|我|看看|看|说说|讲讲|说|讲|一下|一点|点儿?|些|内容|要求|会议?|开|召开|"
                   r"讲话|话|提的?|是|的|了|呢|吗|啊|呀|吧|么|个|条|项|段|篇|文章|要点|什么|啥|怎么做|怎么办|咋办|"
                   r"能不能|可不可以|能|可以|后面|后边|[\s\W_]")
MAX_CHARS = 16  # a follow-up is a few words; anything longer is a question of its own


@dataclass(frozen=True)
class Followup:
    act: str
    ordinal: int | None = None  # for "第三个呢"; -1 for "最后一条"


def read_followup(question: str) -> Followup | None:
    """The follow-up act `question` makes, or None when it stands on its own."""
    text = normalize_text(question)
    if not text or len(text) > MAX_CHARS:
        return None
    m = ORDINAL.search(text)
    last = LAST.search(text) if m is None else None
    if m or last:
        n = cn_to_int(m.group("n")) if m else -1
        rest = text[: (m or last).start()] + text[(m or last).end():]
        return Followup(ORDINAL_ACT, n) if n and not _BACK.sub("", rest) else None
    for act, pattern in _ACTS:
        if pattern.search(text):
            return Followup(act) if not _BACK.sub("", pattern.sub("", text)) else None
    return None


@dataclass(frozen=True)
class Turn:
    """A chat's last answer and the result being looked at."""

    answer: Answer
    focus: Result
    index: int  # the focus's place among answer.results (-1 when it came from a list, not the results)
    at: float  # time.monotonic() of the last exchange


class Conversations:
    """Each chat's last answer, kept for `minutes`; answers small talk, follow-ups and questions."""

    def __init__(self, searcher: Searcher, minutes: float = 30, max_chats: int = 10_000):
        self.searcher = searcher
        self.seconds = minutes * 60
        self.max_chats = max_chats
        self._turns: dict[object, Turn] = {}
        self._lock = threading.Lock()

    def ask(self, chat: object, question: str, k: int | None = None, now: float | None = None) -> Answer:
        """The answer to `question` in `chat`: small talk, a follow-up of the chat's last answer, or a search.
        Raises QuestionError for a question that cannot be searched (too long)."""
        now = time.monotonic() if now is None else now
        talk = small_talk(self.searcher, question)
        if talk is not None:
            return talk
        turn = self._live(chat, now)
        act = read_followup(question) if turn is not None else None
        if act is not None:
            answer, after = resolve(self.searcher.snapshot, turn, act, question)
            self._keep(chat, after or turn, now)
            return answer
        answer = _searched(self.searcher.search(without_courtesies(question), k), question)
        if answer.answered and answer.results:
            self._keep(chat, Turn(answer, answer.results[0], 0, now), now)
        else:  # a new topic the bulletins do not cover: "第三个呢" next is not about the one before
            with self._lock:
                self._turns.pop(chat, None)
        return answer

    def _live(self, chat: object, now: float) -> Turn | None:
        with self._lock:
            turn = self._turns.get(chat)
            if turn is not None and (self.seconds <= 0 or now - turn.at > self.seconds):
                del self._turns[chat]
                return None
            return turn

    def _keep(self, chat: object, turn: Turn, now: float) -> None:
        with self._lock:
            self._turns[chat] = replace(turn, at=now)
            if len(self._turns) > self.max_chats:  # drop the expired, then the oldest
                self._turns = {c: t for c, t in self._turns.items() if now - t.at <= self.seconds}
                while len(self._turns) > self.max_chats:
                    del self._turns[min(self._turns, key=lambda c: self._turns[c].at)]


def small_talk(searcher: Searcher, question: str) -> Answer | None:
    """An unanswered Answer of kind "smalltalk" carrying the reply, or None when `question` asks something."""
    kind = classify(question)
    if kind is None:
        return None
    snap = searcher.snapshot
    examples = newest_examples(snap.articles(), list(snap.lists.values()))
    return Answer(question, normalize_text(question), False, (), Intent("plain"), (), Evidence(0.0, 0.0),
                  snap.generation, notice=reply(kind, examples), kind="smalltalk")


def answer_each(searcher: Searcher, questions: list[str], k: int | None = None) -> list[Answer]:
    """Questions asked one by one, with no conversation (`policybot query`, `eval`): small talk is
    answered as such, the rest searched in one batch."""
    talks = [small_talk(searcher, q) for q in questions]
    asked = [q for q, t in zip(questions, talks) if t is None]
    searched = iter(searcher.search_many([without_courtesies(q) for q in asked], k))
    return [t if t is not None else _searched(next(searched), q) for q, t in zip(questions, talks)]


def _searched(answer: Answer, question: str) -> Answer:
    """A search's answer under the question as it was asked (before its courtesies were left out)."""
    return answer if answer.query == question else replace(answer, query=question)


# ---------------------------------------------------------------- resolving a follow-up


@dataclass(frozen=True)
class _Context:
    """What a follow-up is resolved against: the chat's turn, the index, and the list the focus belongs to."""

    snap: IndexSnapshot
    turn: Turn
    act: Followup
    question: str

    @property
    def passage(self) -> Passage:
        return self.turn.focus.passage

    @cached_property
    def points(self) -> dict[int, Result]:
        """The focus's list, point by ordinal (empty when the focus belongs to no list)."""
        return {r.passage.ordinal: r for r in _list_results(self.snap, self.passage.list_id) if not r.outline}

    def shown(self, result: Result, index: int, note: str | None = None) -> tuple[Answer, Turn]:
        """`result` as the answer, and the turn that looks at it (`index` among the results, -1 from a list)."""
        turn = self.turn
        result = replace(result, rank=1, note=note)
        return (Answer(self.question, normalize_text(self.question), True, (result,), Intent("plain"),
                       turn.answer.terms, Evidence(0.0, 0.0), self.snap.generation, kind="followup"),
                Turn(turn.answer, replace(result, note=None), index, turn.at))

    def told(self, notice: str) -> tuple[Answer, None]:
        """No passage, only `notice` (why the follow-up has no answer); the chat keeps its turn."""
        return (Answer(self.question, normalize_text(self.question), False, (), Intent("plain"), (),
                       Evidence(0.0, 0.0), self.snap.generation, notice=notice, kind="followup"), None)


def _ordinal(c: _Context) -> tuple[Answer, Turn | None]:
    """"第三个呢": that point of the focus's list, or that result when the focus is in no list."""
    if c.points:
        n = len(c.points) if c.act.ordinal == -1 else c.act.ordinal
        if n not in c.points:
            return c.told(f"“{c.passage.list_label}”共{int_to_cn(len(c.points))}条，没有第{int_to_cn(n)}条。")
        return c.shown(c.points[n], -1)
    results = c.turn.answer.results
    n = len(results) if c.act.ordinal == -1 else c.act.ordinal
    if not 1 <= n <= len(results):
        return c.told(f"上一个回答只有{len(results)}个结果。")
    return c.shown(results[n - 1], n - 1)


def _next(c: _Context) -> tuple[Answer, Turn | None]:
    """"下一条 / 还有呢": after a point asked for by its number, the next point; otherwise the next result."""
    turn, p = c.turn, c.passage
    by_number = turn.index == -1 or turn.answer.intent.kind == "ordinal"
    if c.points and p.kind == "point" and not turn.focus.outline and by_number:
        n = (p.ordinal or 0) + 1
        if n not in c.points:
            return c.told(f"这已经是“{p.list_label}”的最后一条了（共{int_to_cn(len(c.points))}条）。")
        return c.shown(c.points[n], -1)
    i = turn.index + 1 if turn.index >= 0 else 1
    if i >= len(turn.answer.results):
        return c.told("没有更多结果了。")
    return c.shown(turn.answer.results[i], i)


def _all(c: _Context) -> tuple[Answer, Turn | None]:
    """"全部要点": the outline of the focus's list."""
    outline = next((r for r in _list_results(c.snap, c.passage.list_id) if r.outline), None)
    if outline is None:
        return c.told("上一个回答不属于公报中的一组要点，可以用 /outline 查看各组要点。")
    return c.shown(outline, -1)


def _expand(c: _Context) -> tuple[Answer, None]:
    """"展开说说": a point with the passages before and after it, a list's outline with its points in full;
    "原文": the whole article."""
    focus, p = c.turn.focus, c.passage
    article = [q for _, q in c.snap.article_passages(p.article_id)]
    at = next((i for i, q in enumerate(article) if q.passage_id == p.passage_id), None)
    if c.act.act == ORIGINAL or not article:
        shown, note = article, "原文全文："
    elif focus.outline or p.kind == "outline":
        shown, note = [r.passage for _, r in sorted(c.points.items())] or article, f"“{p.list_label}”各条全文："
    elif at is None:
        shown, note = article, "原文全文："
    else:
        shown, note = article[max(0, at - 1): at + 2], "这一条及其前后文："
    # One passage holding them all, under the focus's id and headline: the buttons under the reply lead
    # back to the stored passage.
    text = "\n\n".join(q.text.strip() for q in shown) or p.text
    passage = replace(p, text=text, kind="text" if focus.outline else p.kind)
    answer, _ = c.shown(replace(focus, passage=passage, outline=False), c.turn.index, note)
    return answer, None


def _who(c: _Context) -> tuple[Answer, Turn | None]:
    """"这是谁讲的": the focus's speaker, with the post the article introduces them by."""
    p = c.passage
    if p.speaker:
        text = c.snap.article_texts([p.article_id]).get(p.article_id, "")
        note = f"这是{_with_post(p.speaker, text)}讲的。"
    else:
        row = next((a for a in c.snap.articles() if a["article_id"] == p.article_id), None)
        named = "、".join(row["speakers"]) if row and row["speakers"] else ""
        note = "公报中这段话没有写明讲话人" + (f"；这篇报道提到的讲话人：{named}。" if named else "。")
    return c.shown(c.turn.focus, c.turn.index, note)


def _when(c: _Context) -> tuple[Answer, Turn | None]:
    """"哪天开的会 / 哪个会": the article the focus comes from, and its date."""
    p = c.passage
    when = p.date_text or p.date
    note = f"出自《{p.title}》，{when}。" if when else f"出自《{p.title}》，公报中没有写明日期。"
    return c.shown(c.turn.focus, c.turn.index, note)


RESOLVERS: dict[str, Callable[[_Context], tuple[Answer, Turn | None]]] = {
    ORDINAL_ACT: _ordinal, NEXT: _next, ALL: _all, EXPAND: _expand, ORIGINAL: _expand, WHO: _who, WHEN: _when}


def resolve(snap: IndexSnapshot, turn: Turn, act: Followup, question: str) -> tuple[Answer, Turn | None]:
    """The answer to a follow-up of `turn`, and the turn it leaves (None: the chat keeps looking at the same)."""
    return RESOLVERS[act.act](_Context(snap, turn, act, question))


def _list_results(snap: IndexSnapshot, list_id: str | None) -> list[Result]:
    """A list's outline and points as results (none without a list)."""
    if not list_id:
        return []
    return [Result(1, 0.0, rid, p, p.kind == "outline") for rid, p in snap.list_points(list_id)
            if p.kind == "outline" or p.ordinal]


def _with_post(name: str, article_text: str) -> str:
    """"区委书记毕志伟" when the article introduces the speaker by post, else the name alone."""
    m = re.search(rf"((?:[{CJK}]{{0,3}}?)(?:{POSTS})){re.escape(name)}", article_text)
    return f"{m.group(1)}{name}" if m else name
