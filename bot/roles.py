"""Passage roles: what a passage is within its document, decided by its shape — its text, kind and position.

- "point": a directive point of a list, or a paragraph of the body ("text" in the middle of a document);
- "outline": a list's lead with its headlines (kind "outline"), or headings alone ("二、重点任务（一）…1.…");
- "lead": the opening paragraph (when, where, who chaired, who attended), or one leading into the points below it
  ("…会议要求，");
- "addressee": the salutation alone ("各乡镇人民政府，县政府各部门：", "各位代表：");
- "attachment": an attachment's caption ("附件：…分工表");
- "closing": what follows the body (抄送, 特此通知, the issuer and date that sign it off).

Only a directive point or a body paragraph says what to do; the others frame it. A question gets a point before
what frames it unless it asks what the lead says (`asks_lead`: when, where, who chaired or attended).
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.listspans import is_heading_point
from bot.records import Passage
from bot.textutil import SENTENCE_ENDS

ANSWERING = ("point",)
# "…在哪里召开", "谁主持", "哪些人参加", "报告是谁作的": what an opening paragraph says.
LEAD_ASK = re.compile(r"哪里|哪儿|什么地方|在哪|地点|主持|出席|参加|参会|与会|列席|谁|哪位|哪天|哪一天|"
                      r"什么时候|什么时间|何时|几号|几月几|文号")
# A salutation on its own: units or "各位代表" then a colon, and nothing else.
_ADDRESSEE = re.compile(rf"^[^{SENTENCE_ENDS}\n]{{2,80}}[：:]\s*$")
_ATTACHMENT = re.compile(r"^\s*附件\s*\d*\s*[：:]?")
_CLOSING = re.compile(r"^\s*(?:抄送|[报送发][:：]|特此(?:通知|通报|函告)|联系人|联系电话|（此件|\(此件)")
_SIGNED = re.compile(rf"^[^{SENTENCE_ENDS}]{{2,60}}(?:19|20)\d{{2}}\s*年\s*\d{{1,2}}\s*月\s*\d{{1,2}}\s*日\s*$")
_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}]")
# A paragraph leading into the points that follow ("…首批安排项目38个。会议要求，", "现将有关事项通知如下："): what it
# states frames them, as an opening does.
_LEADS_IN = re.compile(r"(?:要求|强调|指出|提出|部署|明确|议定|决定|如下|意见)[，,：:]\s*$")
HEADING_CHARS = 24  # a line this short is a heading when the passage's lines all are


def role(p: Passage, holds_points: bool = False) -> str:
    """What the passage is (see the module's docstring). `holds_points`: the passage is a point with a sub-list
    under it; when its own words are only its heading ("2.推进公共厕所提档升级。"), its sub-points say what to do."""
    return _role(p.text, p.kind, p.position, holds_points)


@lru_cache(maxsize=16384)  # every question reads the roles of its forty candidates: popular passages recur
def _role(text: str, kind: str, position: int, holds_points: bool) -> str:
    text = text.strip()
    if kind == "outline" or _headings_only(text):
        return "outline"
    if holds_points and is_heading_point(text):
        return "outline"
    if _ATTACHMENT.match(text):
        return "attachment"
    if _CLOSING.match(text) or (kind == "text" and _SIGNED.match(text)):
        return "closing"
    if _ADDRESSEE.match(text) and kind == "text":
        return "addressee"
    if kind == "text" and (position == 0 or _LEADS_IN.search(text)):
        return "lead"
    return "point"


def _headings_only(text: str) -> bool:
    """Three or more short lines without a sentence within them: a table of contents or a headings-only summary."""
    lines = [x.strip() for x in text.split("\n") if x.strip()]
    if len(lines) < 3:
        return False
    return all(len(x) <= HEADING_CHARS and not _SENTENCE_END.search(x[:-1]) for x in lines)


def asks_lead(question: str, asks_fact: bool = False) -> bool:
    """The question asks what an opening paragraph says: when, where, who chaired or attended, or a fact or
    figure (a report's opening states what was done); only a question about what to do is answered by a point."""
    return asks_fact or bool(LEAD_ASK.search(question))


def frames(p: Passage, question_asks_lead: bool, holds_points: bool = False) -> bool:
    """The passage frames the answer rather than being it: a point goes before it."""
    r = role(p, holds_points)
    if r in ANSWERING:
        return False
    return not (r == "lead" and question_asks_lead)
