"""Inline keyboards and their one callback-data codec.

A button's data names what to show by stable ids only: passage and list ids come from their
article's text (they survive uploads, re-indexing and restarts), an answer id is a row in the bot's
own store (bot.telegram.store). Each kind has a one-letter prefix that PTB dispatches on with
`CallbackQueryHandler(..., pattern=matches(Kind))`; fields are separated by "|", which no id holds.
Telegram allows 64 bytes of callback data; `encode` refuses anything longer.
"""

from __future__ import annotations

from dataclasses import astuple, dataclass, fields

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from bot.telegram import messages as msg

MAX_BYTES = 64
SEP = "|"


@dataclass(frozen=True)
class ShowResult:
    """Result `index` of stored answer `answer` (◀ 上一条 / 下一条 ▶ / 返回结果)."""

    answer: int
    index: int


@dataclass(frozen=True)
class ShowOutline:
    """A list's outline; `answer` > 0 keeps the way back to that answer's result `index`."""

    list_id: str
    answer: int = 0
    index: int = 0


@dataclass(frozen=True)
class ShowPoint:
    """Point `ordinal` of a list, with the same way back as ShowOutline."""

    list_id: str
    ordinal: int
    answer: int = 0
    index: int = 0


@dataclass(frozen=True)
class Feedback:
    """👍 (1) or 👎 (-1) on question-log row `log_id`."""

    log_id: int
    value: int


@dataclass(frozen=True)
class ReadList:
    """A list's outline as a new message (from /outline, /latest and the subscribers' digest)."""

    list_id: str


@dataclass(frozen=True)
class FullText:
    """The whole article (原文), sent as new messages."""

    article_id: str


@dataclass(frozen=True)
class Apply:
    """申请使用: a stranger asks the admins for access."""


@dataclass(frozen=True)
class Decide:
    """同意 (approve 1) / 拒绝 (0) under an application, for the admins."""

    user: int
    approve: int


@dataclass(frozen=True)
class ReadAnswer:
    """A stored answer's first result as a new message (from /feedback)."""

    answer: int


@dataclass(frozen=True)
class AskRemove:
    """Admin: remove the bulletin holding this article — asks for confirmation first."""

    article_id: str


@dataclass(frozen=True)
class ConfirmRemove:
    """Admin: yes, remove the bulletin holding this article."""

    article_id: str


@dataclass(frozen=True)
class CancelRemove:
    """Admin: no, keep it."""


@dataclass(frozen=True)
class SetDate:
    """Admin: set or correct this article's date (the bot then asks for it)."""

    article_id: str


@dataclass(frozen=True)
class TaskPage:
    """Page `page` of a unit's tasks (/tasks 住建局); the unit as the official wrote it (at most 18 characters)."""

    unit: str
    page: int


@dataclass(frozen=True)
class DuePage:
    """Page `page` of the tasks falling due in the next days (/due)."""

    page: int


PREFIXES: dict[type, str] = {ShowResult: "r", ShowOutline: "o", ShowPoint: "p", Feedback: "f", ReadList: "l",
                             FullText: "t", Apply: "a", Decide: "d", ReadAnswer: "v", AskRemove: "k",
                             ConfirmRemove: "x", CancelRemove: "n", SetDate: "s", TaskPage: "u", DuePage: "w"}
KINDS = {prefix: kind for kind, prefix in PREFIXES.items()}


def encode(action) -> str:
    values = [str(v) for v in astuple(action)]
    if any(SEP in v for v in values):
        raise ValueError(f"callback field holds {SEP!r}: {values}")
    data = SEP.join([PREFIXES[type(action)], *values])
    if len(data.encode()) > MAX_BYTES:
        raise ValueError(f"callback data longer than {MAX_BYTES} bytes: {data}")
    return data


def decode(data: str | None):
    """The action a button names, or None for data this codec did not write (old or forged buttons)."""
    prefix, *values = (data or "").split(SEP)
    kind = KINDS.get(prefix)
    if kind is None or len(values) != len(fields(kind)):
        return None
    converted = []
    for f, value in zip(fields(kind), values):
        if f.type in ("int", int):
            try:
                converted.append(int(value))
            except ValueError:
                return None
        else:
            converted.append(value)
    return kind(*converted)


def matches(kind: type):
    """PTB `CallbackQueryHandler(pattern=...)` for one kind: data this codec decodes to that kind."""
    return lambda data: isinstance(decode(data), kind)


def _button(text: str, action) -> InlineKeyboardButton:
    return InlineKeyboardButton(text, callback_data=encode(action))


def _feedback_row(log_id: int | None) -> list[list[InlineKeyboardButton]]:
    if not log_id:
        return []
    return [[_button(msg.THUMBS_UP, Feedback(log_id, 1)), _button(msg.THUMBS_DOWN, Feedback(log_id, -1))]]


def answer_keyboard(answer: int, index: int, total: int, list_id: str | None, is_outline: bool,
                    article_id: str, log_id: int | None, list_size: int = 0) -> InlineKeyboardMarkup:
    """Under result `index` of an answer: navigation, 全部要点 (or, under an outline, its points), 原文, feedback."""
    rows: list[list[InlineKeyboardButton]] = []
    if list_id and is_outline:
        points = [_button(msg.point_button(n), ShowPoint(list_id, n, answer, index)) for n in range(1, list_size + 1)]
        rows += [points[i : i + 4] for i in range(0, len(points), 4)]
    nav = []
    if index > 0:
        nav.append(_button(msg.PREV, ShowResult(answer, index - 1)))
    if index + 1 < total:
        nav.append(_button(msg.NEXT, ShowResult(answer, index + 1)))
    if nav:
        rows.append(nav)
    extra = []
    if list_id and not is_outline:
        extra.append(_button(msg.ALL_POINTS, ShowOutline(list_id, answer, index)))
    extra.append(_button(msg.FULL_TEXT, FullText(article_id)))
    rows.append(extra)
    return InlineKeyboardMarkup(rows + _feedback_row(log_id))


def outline_keyboard(list_id: str, size: int, article_id: str, answer: int = 0, index: int = 0,
                     log_id: int | None = None) -> InlineKeyboardMarkup:
    """Under an outline: one button per point, then 返回结果 (when opened from an answer), 原文, feedback."""
    points = [_button(msg.point_button(n), ShowPoint(list_id, n, answer, index)) for n in range(1, size + 1)]
    rows = [points[i : i + 4] for i in range(0, len(points), 4)]
    tail = [_button(msg.BACK_TO_RESULTS, ShowResult(answer, index))] if answer else []
    tail.append(_button(msg.FULL_TEXT, FullText(article_id)))
    return InlineKeyboardMarkup(rows + [tail] + _feedback_row(log_id))


def point_keyboard(list_id: str, ordinal: int, size: int, article_id: str, answer: int = 0, index: int = 0,
                   log_id: int | None = None) -> InlineKeyboardMarkup:
    """Under a point opened from an outline: neighbours, 全部要点, 返回结果, 原文, feedback."""
    nav = []
    if ordinal > 1:
        nav.append(_button(msg.PREV, ShowPoint(list_id, ordinal - 1, answer, index)))
    if ordinal < size:
        nav.append(_button(msg.NEXT, ShowPoint(list_id, ordinal + 1, answer, index)))
    rows = [nav] if nav else []
    second = [_button(msg.ALL_POINTS, ShowOutline(list_id, answer, index))]
    if answer:
        second.append(_button(msg.BACK_TO_RESULTS, ShowResult(answer, index)))
    second.append(_button(msg.FULL_TEXT, FullText(article_id)))
    rows.append(second)
    return InlineKeyboardMarkup(rows + _feedback_row(log_id))


def lists_keyboard(items: list[tuple[str, str]], per_row: int = 2) -> InlineKeyboardMarkup:
    """(button text, list id) → buttons sending each list's outline as a new message."""
    buttons = [_button(text, ReadList(list_id)) for text, list_id in items]
    return InlineKeyboardMarkup([buttons[i : i + per_row] for i in range(0, len(buttons), per_row)])


def digest_keyboard(items: list[tuple[str, object]]) -> InlineKeyboardMarkup:
    """(button text, action) → one button a row."""
    return InlineKeyboardMarkup([[_button(text, action)] for text, action in items])


def apply_keyboard() -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(msg.APPLY, Apply())]])


def decision_keyboard(user_id: int) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(msg.APPROVE, Decide(user_id, 1)), _button(msg.REJECT, Decide(user_id, 0))]])


def answers_keyboard(items: list[tuple[str, int]]) -> InlineKeyboardMarkup:
    """(button text, stored answer id) → one button a row, each opening that answer as a new message."""
    return InlineKeyboardMarkup([[_button(text, ReadAnswer(answer))] for text, answer in items])


def sources_keyboard(bulletins: list[tuple[str, list[tuple[str, str]]]]) -> InlineKeyboardMarkup:
    """Admin /sources: per bulletin (number, [(article number, article id)]) a row with 删除 (by its first
    article: removing an article's bulletin removes the file) and 日期 for each of its articles."""
    rows = []
    for number, articles in bulletins:
        row = [_button(msg.remove_button(number), AskRemove(articles[0][1]))]
        row += [_button(msg.set_date_button(label), SetDate(article_id)) for label, article_id in articles]
        rows += [row[i : i + 4] for i in range(0, len(row), 4)]
    return InlineKeyboardMarkup(rows)


def confirm_remove_keyboard(article_id: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup([[_button(msg.CONFIRM_REMOVE, ConfirmRemove(article_id)),
                                  _button(msg.CANCEL, CancelRemove())]])


def set_date_keyboard(articles: list[tuple[str, str]]) -> InlineKeyboardMarkup:
    """(title, article id) of articles whose date is unknown → one 设置日期 button a row."""
    return InlineKeyboardMarkup([[_button(msg.set_date_for(title), SetDate(aid))] for title, aid in articles])


def tasks_keyboard(items: list[tuple[int, str, str | None]], previous=None, following=None) -> InlineKeyboardMarkup:
    """Under a page of tasks: per task (number, article id, list id) 原文 and 全部要点, then ◀ / ▶ pages."""
    rows = []
    for n, article_id, list_id in items:
        row = [_button(msg.task_button(n, msg.FULL_TEXT), FullText(article_id))]
        if list_id:
            row.append(_button(msg.task_button(n, msg.ALL_POINTS), ReadList(list_id)))
        rows.append(row)
    nav = [_button(text, action) for text, action in ((msg.PREV_PAGE, previous), (msg.NEXT_PAGE, following))
           if action is not None]
    return InlineKeyboardMarkup(rows + ([nav] if nav else []))
