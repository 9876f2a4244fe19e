"""Ranking questions ("满意度在全市排第几", "考核拿了第几名", "排名情况怎样"): a passage stating no rank cannot answer
them, however close its topic — a near miss officials often ask of a measure whose result was never published."""

from __future__ import annotations

import re

from bot.question import Intent
from bot.records import Passage
from bot.textutil import CN_NUMERAL

_ASKS = re.compile(r"排(?:在|名)?第几|第几名|第几位|名次|排名(?:多少|情况|怎么样|如何|靠前|靠后)|位列第几|居第几")
# a rank stated: "位列全市第二", "排名第3", "第一名", "前十名", "名列前茅", "居全省首位"
_STATES = re.compile(rf"(?:位列|位居|名列|排名|排在|居)[^，,。；;]{{0,8}}?(?:第[{CN_NUMERAL}\d]+|前[{CN_NUMERAL}\d]*|首位|末位|前茅|榜首)"
                     rf"|第[{CN_NUMERAL}\d]+名|前[{CN_NUMERAL}\d]+名")


def asks(question: str, intent: Intent) -> bool:
    return bool(_ASKS.search(question)) and intent.kind != "ordinal"


def prefers(ask: bool, passage: Passage, text: str) -> int:
    return 0  # stating a rank is no reason to rank a passage higher (another measure's rank); only to keep one


def holds(ask: bool, passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    return bool(_STATES.search(text))
