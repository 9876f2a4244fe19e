"""Ranking questions ("满意度在全市排第几", "考核拿了第几名", "排名情况怎样"): a passage stating no rank cannot answer
them, however close its topic — a near miss officials often ask of a measure whose result was never published."""

from __future__ import annotations

import re

from bot.question import Intent
from bot.records import Passage
from bot.textutil import CN_NUMERAL

_ASKS = re.compile(r"排(?:在|名)?第几|第几名|第几位|名次|排名(?:多少|情况|怎么样|如何)|位列第几|居第几"
                   # "排名靠前吗" asks the rank; "排名靠后的机构咋处理" asks what is done to those ranked so
                   r"|排名(?:靠前|靠后)(?=[吗呢？?]|还是|不|没|$)"
                   # who holds a place: "哪个镇排名倒数第一", "排第一的是哪家", "谁是第一名"
                   rf"|倒数第[{CN_NUMERAL}\d]+|(?:排名|排在?|名列|位列|位居)第[{CN_NUMERAL}\d]+")
# a rank stated: "位列全市第二", "排名第3", "第一名", "前十名", "名列前茅", "居全省首位"
_STATES = re.compile(rf"(?:位列|位居|名列|排名|排在|居)[^，,。；;]{{0,8}}?(?:第[{CN_NUMERAL}\d]+|前[{CN_NUMERAL}\d]*|首位|末位|前茅|榜首)"
                     rf"|第[{CN_NUMERAL}\d]+名|前[{CN_NUMERAL}\d]+名|倒数(?:第[{CN_NUMERAL}\d]+|前[{CN_NUMERAL}\d]+)")


# Who holds an extreme: "开工率最低的是哪个乡镇", "哪个镇进度最慢", "谁垫底" — answered by a passage naming the holder of that
# end, not the other ("开工率达到52%，位居全县第一" names the best, never the worst).
_LOW = r"最(?:低|少|慢|差|小|弱)|垫底|末位|倒数第一"
_HIGH = r"最(?:高|多|快|好|大|强|优)|首位|榜首|头名"
_EXTREME_ASK = re.compile(rf"(?P<end>{_LOW}|{_HIGH})的?(?:是|为|在|属)?(?:哪(?:个|家|些|几个|一个)?|谁)"
                          rf"|(?:哪(?:个|家|些|几个|一个)?|谁)[^，,。？?]{{0,10}}?(?P<end2>{_LOW}|{_HIGH})")
_LOW_SAID = re.compile(_LOW)
_HIGH_SAID = re.compile(rf"{_HIGH}|(?:位列|位居|名列|排名|排在|居)[^，,。；;]{{0,8}}?第[一1](?![\d十])")


# Where a rank is counted: "在全市排第几" asks the city's ranking; a passage giving the province's answers another.
_SCOPE = re.compile(r"全(?:国|省|市|州|区|县)")


def asks(question: str, intent: Intent) -> str | bool:
    """What a ranking question asks: the scope it names ("全市"), True when it names none, False when it is none;
    "low" or "high" when it asks who holds an extreme ("开工率最低的是哪个乡镇")."""
    if intent.kind == "ordinal":
        return False
    if not _ASKS.search(question):
        if extreme := _EXTREME_ASK.search(question):
            end = extreme.group("end") or extreme.group("end2")
            return "low" if re.fullmatch(_LOW, end) else "high"
        return False
    scope = _SCOPE.search(question)
    return scope.group(0) if scope else True


def prefers(ask: str | bool, passage: Passage, text: str) -> int:
    return 0  # stating a rank is no reason to rank a passage higher (another measure's rank); only to keep one


def holds(ask: str | bool, passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    if ask in ("low", "high"):
        return bool((_LOW_SAID if ask == "low" else _HIGH_SAID).search(text))
    if not _STATES.search(text):
        return False
    scopes = set(_SCOPE.findall(text))
    return not (isinstance(ask, str) and scopes and ask not in scopes)  # "全省…排名第7位" asked "在全市排第几"
