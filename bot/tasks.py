"""Tasks of a directive point: who leads it, who helps, and by when — as the document writes it.

Read from the point's own words, in the forms notices, plans, task lists and meeting reports use:
- form fields: "牵头单位：…；配合单位：…；完成时限：…", "责任单位：…，时限：…" (a document may say that the unit
  listed first leads: "排在第一位的为牵头单位");
- sentences: "由县水利局牵头，县应急管理局配合", "由…会同…负责", "县住建局要会同县生态环境分局…" (the unit that is
  the point's subject leads), "…配合";
- task tables (附件 with 序号/工作任务/牵头单位/配合单位/完成时限), whose rows the loader turns into "a | b | c" lines:
  each row becomes a point (`task_table_spans`) and its cells are read by the table's header.
Deadlines are normalised to an ISO date: "6月底前" → the month's last day, "年底前" → 12-31, "三季度末" → 09-30,
the year from the document's date when the text gives none; "长期坚持"/"常态化推进" → "长期". A validity period
("有效期至…") or a start date ("自…起施行") is no deadline.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from bot.listspans import ListSpan
from bot.unnumbered import NOT_DIRECTING_AFTER_YAO
from bot.records import Tasks
from bot.textutil import CJK, CN_ORDINALS, SENTENCE_ENDS, cn_to_int, to_simplified
from bot.units import (LEAD_LABELS, PARTNER_LABELS, SHORT_LABELS, TASK_FIELD, TIME_LABELS, clean_unit, unit_at,
                        units_at)

LONG_TERM = "长期"
_TASK_COLUMN = re.compile(r"任务|事项|内容|措施|目标")

_NUM = rf"\d{{1,2}}|[{CN_ORDINALS}]{{1,3}}"
_YEAR = r"(?:(?P<y>(?:19|20)\d{2})\s*年|(?P<rel>今|明|本)年)?"
_DEADLINE = re.compile(
    rf"{_YEAR}(?:"
    rf"(?P<m>{_NUM})\s*月(?:(?P<d>\d{{1,2}}|[{CN_ORDINALS}]{{1,3}})\s*[日号]|(?P<part>上旬|中旬|下旬|底|末|份)?)"
    rf"|(?P<yend>年?(?:底|末))"
    rf"|(?P<within>年?内)(?=\s*[{CJK}])"
    rf"|第?(?P<q>[一二三四1-4])\s*季度(?P<qend>末|底)?"
    rf"|(?P<h>上|下)半年"
    rf")"
    rf"|(?P<ny>(?:19|20)\d{{2}})\s*[.\-/．]\s*(?P<nm>\d{{1,2}})(?:\s*[.\-/．]\s*(?P<nd>\d{{1,2}}))?(?!\d)"
)
# In a 时限 field or column only: a bare year or "年内" is that year's end, "持续推进" a standing task.
_FIELD_YEAR = re.compile(r"^\s*(?:(?P<y>(?:19|20)\d{2})\s*年(?:内|度)?|年内)\s*(?:完成|前)?\s*$")
_FIELD_LONG_TERM = re.compile(r"长期|持续|常态化|经常性")
_BEFORE = re.compile(r"\s*(?:以前|之前|前)")
_GOAL_HEAD = 12  # where a point's heading names it a goal ("（一）总体目标")
_LONG_TERM = re.compile(r"长期(?:坚持|推进|开展|执行|落实)|常态化(?:推进|开展|落实|实施)")
# A duty that recurs ("每季度开展一次集中核查", "每月25日前报送", "按月调度、按季通报") has no last day: it is
# kept up, as 长期坚持 is — unless a date is also set. A frequency inside a quoted name (“每日一巡、每周一评”机制)
# names a mechanism, not this point's rhythm.
_EVERY = r"每(?:个)?(?:季度|季|月|周|旬|半年|年)"
_RECURRING = re.compile(rf"{_EVERY}[^，,。；;“”]{{0,10}}?(?:一次|至少|开展|调度|通报|报送|召开|督查|检查|核查|巡查|报告)"
                        rf"|{_EVERY}\d{{1,2}}日前|按(?:月|季|季度|周)(?:调度|通报|报送|督查|检查|考核)")
_EVERY_BEFORE = re.compile(rf"{_EVERY}(?:最后一个月)?$")


def _recurring(text: str) -> re.Match | None:
    for m in _RECURRING.finditer(text):
        if text.count("“", 0, m.start()) <= text.count("”", 0, m.start()):  # not inside a quoted name
            return m
    return None
# What turns a date into something else than a deadline: a validity period, a start, a report's "as of", a routine.
_NOT_DEADLINE = re.compile(r"(?:有效期(?:至|到|为)?|截至|截止到?|自|从|每年|每月|每季度?|以来|去年|上年)\s*$")
_NOT_AFTER = re.compile(r"\s*(?:起|以来|开始|施行|实施|生效|有效)")
# a date that says what qualifies, not when: "2025年12月31日前提交申请的项目，适用本细则的补贴标准"
# (who or what qualifies is named after 的: "…的摸排，按月报送" is the work itself, still due by its date)
_QUALIFIES = re.compile(r"[^，,。；;]{1,12}的(?:[^，,。；;的]{0,4}?)(?:项目|企业|单位|农户|住户|家庭|个人|人员|小区|对象|主体|申请"
                        r"|车辆|学生|机构|商户|经营者)[，,]?\s*(?:适用|享受|可以?|按|给予|纳入|不再|均)")
_COMPLETES = re.compile(r"\s*(?:完成|建成|全面|全部|实现|基本|上线|出台|投用|投入|新(?:增|建|培育|引进|招引|认定|打造|创建|开工|开通|改造))")
_OPENING_SENTENCES = 3  # a point's headline and the two sentences after it say whom it is given to
# "第二水厂要…": a sentence that directs someone (not "但也要清醒看到": an adverb's 要 is the speaker's own)
_DIRECTS = re.compile(rf"\s*[^，,。；;！？\n]{{1,14}}?(?<![也还更都就却又才则而仍但])要(?!{NOT_DIRECTING_AFTER_YAO})")
_DAYS_BACK = 90  # a month-only deadline this long before the document's date means that month of the next year
_MARKER = re.compile(rf"^\s*(?:第[{CN_ORDINALS}]{{1,3}}条[ \u3000]*|\d{{1,2}}\s*[.．、]|[（(]\s*(?:\d{{1,2}}|[{CN_ORDINALS}]{{1,3}})\s*[）)]|"
                     rf"[{CN_ORDINALS}]{{1,3}}\s*[、.．]|第?[{CN_ORDINALS}]{{1,3}}(?:是|要)[，,]?)\s*")
_CLAUSE_END = "。；;，,：:\n"
_SUBJECT_VERBS = ("要", "牵头", "负责", "会同", "共同负责", "共同牵头", "按职责", "按照职责", "按行业", "按照行业", "按职能", "按照职能", "按分工",
                  "按照分工", "分别", "统筹", "联合开展", "组织开展")
# A unit doing its work at a rhythm ("区财政局每年安排专项资金…", "县政府督查室每季度对任务进展开展督查", "…办公室每月
# 5日前通报上月进度"), by a rate ("县财政局按每亩每年8元的标准安排…"), to whom it is done ("县政府督查室对进度滞后的
# 乡镇予以通报") or within a time ("县公交公司年内新增新能源公交车30辆"): officialese for what the unit is to do.
_ACTS = "安排|开展|组织|拨付|兑付|通报|调度|督查|进行|实施"
_UNIT_DOES = re.compile(rf"(?:{_EVERY}|按(?:季度|季|月|周|年))(?:\d{{1,2}}日前)?(?:都|均)?(?:对[^，,。；;]{{1,20}}?)?(?:{_ACTS})"
                          rf"|按[^，,。；;]{{1,14}}?(?:标准|比例)(?:安排|拨付|兑付|发放|给予)"
                          rf"|对[^，,。；;]{{1,20}}?(?:予以|给予)"
                          # "县市场监管局对报警装置仍未安装到位的，一律责令停止使用"
                          rf"|对[^，,。；;]{{1,20}}?的[，,](?:一律|一经查实|依法|均|立即)"
                          rf"|(?:年内|今年内|年底前|\d{{1,2}}月(?:底|末)?前)(?:新增|完成|建成|实施|开展|启动|推出|制定|出台|建立)")
# The head of a unit named after it, then its verb: "县供销社主任马骏要…", "区城管局局长 陈志刚负责…".
_HEAD_OF_UNIT = re.compile(rf"副?(?:局长|主任|书记|部长|队长|所长|站长|院长|校长|社长|会长|经理|董事长)[ \u3000]?"
                           rf"[{CJK}]{{0,3}}?(?={'|'.join(_SUBJECT_VERBS)})")
_ROW_SPLIT = re.compile(r"\s*\|\s*|\t+|[ \u3000]{2,}")
_FIRST_LEADS = re.compile(r"(?:排在?|列)?(?:第一位|首位|第一个|排名第一|排第一)的?(?:单位|部门)?(?:为|是)牵头")


@dataclass(frozen=True)
class TaskContext:
    """What reading a point's tasks needs of its document."""

    date: dt.date | None  # the document's date: the year of "6月底前"
    first_leads: bool = False  # "排在第一位的为牵头单位": of several 责任单位 the first leads, the others help
    headers: tuple[tuple[str, ...], ...] = ()  # task tables' column names, as the header rows give them


@lru_cache(maxsize=16)
def document_context(article_text: str, date: str | None) -> TaskContext:
    """The document's date, its convention on who leads, and its task tables' headers."""
    day = None
    if date:
        try:
            day = dt.date.fromisoformat(date)
        except ValueError:
            day = None
    text = to_simplified(article_text)
    headers = tuple(cells for line in text.split("\n") if (cells := table_header(line)))
    return TaskContext(day, bool(_FIRST_LEADS.search(text)), headers)


def point_tasks(point: str, article_text: str, date: str | None) -> Tasks | None:
    """The tasks of one point of an article dated `date` (ISO), or None when it names no lead unit and no deadline."""
    return read_tasks(point, document_context(article_text, date))


def read_tasks(point: str, context: TaskContext) -> Tasks | None:
    shown = point.strip()
    text = _simplified(shown)
    cells = _row_cells(text) if context.headers else None
    if cells is not None:
        labelled = _labelled_row(cells, context.headers)
        if labelled is not None:
            text = shown = labelled
    fields = list(_fields(text))
    lead_fields = [(label, value) for label, value, _ in fields if label in LEAD_LABELS]
    by_units = _by_clauses(text)
    if _several_tasks(lead_fields, by_units):
        return None  # a heading point over several tasks (its sub-points not found as a list): none is its own
    lead: list[str] = []
    partners: list[str] = []
    deadline, deadline_text = None, None
    for label, value, raw in fields:
        if label in TIME_LABELS and deadline is None:
            deadline, deadline_text = _deadline_in(raw, context.date, strict=False)
    leads_named = [v for label, v in lead_fields if label.startswith(("牵头", "主"))]
    responsible = [v for label, v in lead_fields if label.startswith("责任")]
    if leads_named:
        lead = leads_named[0]
        partners += [u for units in responsible for u in units]  # beside a 牵头单位, 责任单位 carry it out with it
    elif responsible and (marked := _marked_leads(fields)):
        lead = marked  # "责任单位：县发改委（牵头）、县财政局"
        partners += [u for u in responsible[0] if u not in marked]
    elif responsible:
        lead = responsible[0][:1] if context.first_leads else responsible[0]
        partners += responsible[0][1:] if context.first_leads else []
    elif by_units and not _subject_first(text, subjects := _subjects(text), by_units[0]):
        lead, helpers, _ = by_units[0]
        partners += helpers
    else:
        lead, helping = _assisting(text, subjects if by_units else _subjects(text))
        lead, supporting = _supporting(text, lead)
        partners += helping + supporting
    for label, value, _ in fields:
        if label in PARTNER_LABELS:
            partners += value
    partners += _partners(text)
    if deadline is None:
        # the end of a period ("行动时间为7月20日至10月20日") is a task's limit only when the point gives the task to
        # a unit; alone ("一、行动时间。…至2026年3月31日") it dates the campaign
        deadline, deadline_text = _deadline_in(text, context.date, strict=True, ranges=bool(lead))
    if deadline is None and lead:
        # a duty that recurs ("每季度开展一次") is kept up by the unit it is given to; a rhythm with no one to
        # keep it ("执法队员每周巡查一次") describes how work goes, not a task
        if recurring := _recurring(text):
            deadline, deadline_text = LONG_TERM, recurring.group(0)
    lead = _unique(lead)
    partners = [p for p in _unique(partners) if p not in lead]
    tasks = Tasks(tuple(_as_shown(u, text, shown) for u in lead), tuple(_as_shown(u, text, shown) for u in partners),
                  deadline, _as_shown(deadline_text, text, shown) if deadline_text else None)
    return tasks if tasks else None


def _several_tasks(lead_fields: list[tuple[str, list[str]]], by_units: list[tuple[list[str], list[str], bool]]) -> bool:
    """Whether a point names the leads of several tasks: two 牵头单位 fields, two 由…牵头, or both naming others."""
    named = {tuple(v) for label, v in lead_fields if not label.startswith("责任")}
    responsible = {tuple(v) for label, v in lead_fields if label.startswith("责任")}
    by = {tuple(lead) for lead, _, _ in by_units}
    if len(named) > 1 or len(responsible) > 1 or len(by) > 1:
        return True
    return bool(by and (named or responsible) and not by & (named | responsible))


def _simplified(shown: str) -> str:
    """Simplified characters at the same offsets (unit names are then cut from the text as published)."""
    text = to_simplified(shown)
    if len(text) != len(shown):
        text = "".join(c2 if len(c2 := to_simplified(c)) == 1 else c for c in shown)
    return text


def _as_shown(piece: str, text: str, shown: str) -> str:
    i = text.find(piece)
    return shown[i:i + len(piece)] if i >= 0 and text is not shown else piece


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


# --- form fields -------------------------------------------------------------------------------------------------

def _fields(text: str):
    """(label, units, raw value) of each "牵头单位：…" field, the value ending at ；/。 or the next field."""
    found = list(TASK_FIELD.finditer(text))
    for k, m in enumerate(found):
        stop = found[k + 1].start() if k + 1 < len(found) else len(text)
        raw = _field_value(text[m.end():stop].lstrip(" \u3000\n"))  # a value broken onto the next line
        label = SHORT_LABELS.get(m.group("label"), m.group("label"))
        yield label, ([] if label in TIME_LABELS else _unit_items(raw)), raw


def _field_value(rest: str) -> str:
    depth = 0
    for i, ch in enumerate(rest):
        if ch in "（(":
            depth += 1
        elif ch in "）)":
            if depth == 0:
                return rest[:i]
            depth -= 1
        elif ch in "；;。\n" and depth == 0:
            return rest[:i]
    return rest


def _unit_items(value: str) -> list[str]:
    """Units listed in a field, up to the first item that is none ("区司法局，各部门按职责分工负责，长期坚持")."""
    units = []
    for item in re.split(r"[、，,]", value):
        if not item.strip():
            continue
        unit = clean_unit(item)
        if unit is None:
            break
        units.append(unit)
    return units


def _marked_leads(fields) -> list[str]:
    """Units a 责任单位 field marks as leading: "县发改委（牵头）"."""
    return [unit for label, _, raw in fields if label.startswith("责任")
            for item in re.split(r"[、，,]", raw) if re.search(r"[（(]牵头[）)]", item) and (unit := clean_unit(item))]


# --- sentences ---------------------------------------------------------------------------------------------------

def _by_clauses(text: str) -> list[tuple[list[str], list[str], bool]]:
    """(lead, partners, outright) of each "由X牵头", "由X负责", "由X会同Y负责…" (not "由X负责解释": an interpretation
    clause); `outright`: the clause says 牵头, naming the lead whoever the sentence's subject is."""
    found = []
    starts = [m.end() for m in re.finditer("由", text)]
    starts += [m.end() for m in re.finditer(r"[（(，,；;。\n]\s*", text)]  # "（县住建局牵头，各乡镇配合）"
    for start in sorted(set(starts)):
        lead, end = units_at(text, start)
        if not lead:
            continue
        helpers: list[str] = []
        if text.startswith("会同", end):
            helpers, end = units_at(text, end + 2)
            end = _skip_to_verb(text, end)
        end += len(m.group(0)) if (m := _JOINTLY.match(text, end)) else 0  # "由X和Y共同负责"
        if text.startswith("为牵头", end):  # "县住建局为牵头单位"
            found.append((lead, helpers, False))
        elif text.startswith("牵头", end) or (text.startswith("负责", end) and not _interprets_only(text, end + 2)):
            if text[start - 1] == "由" or text.startswith("牵头", end) or text[start - 1] in "（(" \
                    or re.match(r"负责[。；;]", text[end:end + 3]):  # "…30家以上，开发区管委会负责。"
                found.append((lead, helpers, text[start - 1] == "由" and text.startswith("牵头", end)))
        elif text.startswith("负责", end) and _interprets_only(text, end + 2):
            continue  # "本办法由县自然资源局会同县农业农村局负责解释"
        elif text[start - 1] == "由" and (helpers or _BY_DOES.match(text, _past_time(text, end))):
            # "由县农业农村局逐户建立台账", "由区发改局会同区教育局核定": the unit the work is given to
            found.append((lead, helpers, False))
    return found


_JOINTLY = re.compile(r"共同|联合|一起|分别|具体")
# what a unit named after 由 does when the work is its own (not "由县政府常务会议审议", "由…解释")
# (after a manner or rhythm: "由区财政局按季度拨付至各街道")
_BY_DOES = re.compile(r"(?:按(?:季度|季|月|年|期|周|比例|规定|程序|进度))?"
                      r"(?:逐[户村项个一]|组织|统一|统筹|建立|制定|开展|落实|指导|督促|协调|实施|推进|做好|抓好|完成|委托"
                      r"|拨付|兑付|发放|审核|核定)")


_AT = re.compile(r"\s*将?[于在]\s*")


def _past_time(text: str, pos: int) -> int:
    """Past a time set between a unit and its verb ("由区商务局会同区民政局于2025年8月底前制定…")."""
    at = _AT.match(text, pos)
    when = _DEADLINE.match(text, at.end()) if at else None
    limit = _BEFORE.match(text, when.end()) if when else None
    return limit.end() if limit else pos


def _skip_to_verb(text: str, pos: int) -> int:
    m = re.compile(r"[^，,。；;]{0,6}?(?=牵头|负责)").match(text, pos)
    return m.end() if m else pos


def _interprets_only(text: str, pos: int) -> bool:
    return bool(re.match(r"解释(?![和及与、并])", text[pos:pos + 3]))


def _clause_starts(text: str) -> list[int]:
    marker = _MARKER.match(text)
    starts = [marker.end() if marker else 0]
    starts += [i + 1 for i, ch in enumerate(text) if ch in _CLAUSE_END]
    return [s + len(text[s:]) - len(text[s:].lstrip()) for s in starts if s < len(text)]


def _subjects(text: str) -> list[str]:
    """Units that are a clause's subject and must act: "县住建局要…", "县民政局、县财政局要…", "区营商办牵头…".
    Only near the point's start: the headline and the sentence after it, and past that only while the sentences
    direct someone ("第二水厂要在9月底前封顶。县水利局要…，县住建局要…"); the first of them with such a subject
    gives them all. A unit exhorted after a statement, deep in a long paragraph ("县政府将实行月调度…。县政府
    督查室要…"), is the speaker's aside, not who the point is given to."""
    ends = [m.end() for m in re.finditer(r"[。！？\n]", text)][:_OPENING_SENTENCES] or [len(text)]
    starts = _clause_starts(text)
    begin = 0
    for n, end_of_sentence in enumerate(ends):
        if n >= 2 and not _DIRECTS.match(text, ends[n - 2]):
            break
        subjects = []
        for start in starts:
            if start < begin:
                continue
            if start >= end_of_sentence:
                break
            names, end = units_at(text, start)
            end = _past_head(text, end)
            # "（一）区数据局：…" — a point opening with a unit and a colon is that unit's (a 督查通报's items)
            # (a time between the unit and its verb: "县安委办将于9月25日前组织“回头看”")
            timed = _past_time(text, end)
            if names and (text.startswith(_SUBJECT_VERBS, end) or _UNIT_DOES.match(text, end)
                          or (timed > end and _BY_DOES.match(text, timed))
                          or (start == starts[0] and text.startswith(("：", ":"), end))):
                subjects += names
        if subjects:
            return subjects
        begin = end_of_sentence
    # past the opening, a unit directed to act by a date is the point's task, no aside ("三、关于资金保障。项目总投资
    # 860万元…。区财政局要在5月31日前将首期资金拨付到位", "…。县财政局会同县数据局负责，三季度末前完成首批上线")
    for start in starts:
        names, end = units_at(text, start)
        end = _past_head(text, end)
        if names and text.startswith(("要", "牵头", "负责", "会同"), end):
            sentence_end = next((e for e in ends if e > end), len(text))
            if _deadline_in(text[end:sentence_end], None, strict=True)[1]:
                return names
    return []


# a subject told to support another unit: "区数据局要配合区城管局在9月底前完成平台升级"
_ASSISTS = re.compile(r"\s*(?:要|应|须|需)?\s*(?:积极|主动|全力)?(?:配合|协助)")


def _assisting(text: str, subjects: list[str]) -> tuple[list[str], list[str]]:
    """(lead, partners) of a point whose subject is told to support another unit: that unit leads the work, the
    subject is its partner ("区数据局要配合区城管局…": 区城管局 leads)."""
    if len(subjects) == 1 and (at := text.find(subjects[0])) >= 0:
        m = _ASSISTS.match(text, at + len(subjects[0]))
        if m:
            supported, _ = units_at(text, m.end())
            if supported:
                return supported, subjects
    return subjects, []


def _supporting(text: str, subjects: list[str]) -> tuple[list[str], list[str]]:
    """(lead, partners) when the point directs its first subject ("各社区要在9月底前组建志愿消防队") and a later
    clause names another unit for a part of the work ("，街道应急管理办负责组织业务培训"): that one supports."""
    if len(subjects) < 2:
        return subjects, []
    verbs = {}
    for unit in subjects:
        at = text.find(unit)
        verbs[unit] = (at, text[_past_head(text, at + len(unit)):][:2] if at >= 0 else "")
    first_at, first_verb = verbs[subjects[0]]
    if not first_verb.startswith("要"):
        return subjects, []
    helping = [u for u in subjects[1:] if verbs[u][1] == "负责"
               and re.search(r"[，,；;]", text[first_at:verbs[u][0]])]
    return [u for u in subjects if u not in helping], helping


_ASIDE = re.compile(r"[（(][^（）()，,。；;]{1,16}[）)]")  # "县…领导小组办公室（设在县发改局）要…"


def _past_head(text: str, end: int) -> int:
    """Past the head of the unit just read, when the sentence's subject is they ("县供销社主任马骏要…": the unit's task),
    and past a note on the unit in brackets ("（设在县发改局）")."""
    aside = _ASIDE.match(text, end)
    end = aside.end() if aside else end
    head = _HEAD_OF_UNIT.match(text, end)
    return head.end() if head else end


def _subject_first(text: str, subjects: list[str], by: tuple[list[str], list[str], bool]) -> bool:
    """Whether the point gives its task to a subject ("县自然资源局要会同柳塘镇…") before a 由 clause hands a
    detail to another ("…临时用地，由各乡镇负责协调") — not when the clause names the lead outright ("县政府要尽早
    分解目标…，由县商务局牵头")."""
    by_lead, _, outright = by
    return not outright and bool(subjects) and bool(by_lead) and 0 <= text.find(subjects[0]) < text.find(by_lead[0])


def _partners(text: str) -> list[str]:
    """Units after "会同", and the units of a clause ending in "配合"/"协助" ("…，县财政局、县水利局配合")."""
    partners = []
    for m in re.finditer("会同", text):
        partners += units_at(text, m.end())[0]
    for m in re.finditer(r"(?:配合|协助)(?!单位|部门)|为(?:配合|协办)单位|按照?(?:职责|行业|职能)?分工(?:负责|落实)|按职责负责", text):
        start = max(text.rfind(ch, 0, m.start()) for ch in _CLAUSE_END) + 1
        clause = re.sub(r"等(?:单位|部门)?$|为$", "", text[start:m.start()].strip())
        clause = re.sub(r"^.*牵头[、和及与]", "", clause)  # "由A牵头、B配合": the partners follow the lead
        names, end = units_at(clause, 0)
        if names and end == len(clause):
            partners += names
    return partners


# --- deadlines ---------------------------------------------------------------------------------------------------

# What only begins a task by its date ("…前全部开工"): a later date in the sentence says when it is done.
_STARTS = re.compile(r"\s*(?:全部|全面|陆续|集中)?(?:开工|动工|启动|开始)")


_SENTENCE_END = re.compile(f"[{SENTENCE_ENDS}\n]")


def _final_stage(text: str, pos: int, doc_date: dt.date | None) -> tuple[str, str] | None:
    """The deadline of the work's last stage, when the sentence goes on to one ("7月底前整改率要达到90%，9月底前
    全部清零", "10月15日前完成土方外运，11月底前实现全部开工"): the point is done when its last limit falls. A ；
    ends the sentence, so another unit's clause keeps its own date."""
    stages = [(day, text[m.start():limit.end()]) for m in _DEADLINE.finditer(text, pos, _sentence_end(text, pos))
              if (limit := _BEFORE.match(text, m.end())) and (day := _normalise(m, doc_date))]
    return max(stages) if stages else None


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos)
    return m.start() if m else len(text)


_QUOTED = re.compile(r"“[^“”]{0,30}”")


def _unquoted(pattern: re.Pattern[str], text: str) -> re.Match | None:
    """The first match not inside quotation marks: a quoted “长期坚持” names the words ("时限为“长期坚持”的任务"), it
    is no limit of this point."""
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    return next((m for m in pattern.finditer(text) if not any(a < m.start() < b for a, b in quoted)), None)


def _deadline_in(text: str, doc_date: dt.date | None, strict: bool, ranges: bool = False) -> tuple[str | None, str | None]:
    """(normalised deadline, as written) of the first deadline in `text`. `strict` (running text): a date counts
    only as a limit ("…前", "…底完成", "在二季度"); in a 时限 field or column any date is one. `ranges`: the day a
    period runs to ("7月20日至10月20日") is a limit too."""
    long_term = _unquoted(_LONG_TERM, text) or (None if strict else _unquoted(_FIELD_LONG_TERM, text))
    bare = None if strict else _FIELD_YEAR.match(text)
    if bare:
        year = int(bare.group("y")) if bare.group("y") else (doc_date.year if doc_date else None)
        return (dt.date(year, 12, 31).isoformat() if year else None), text.strip()
    weak: tuple[str, str] | None = None  # a period's end the work is done in ("年内建成"), kept unless a limit follows
    for m in _DEADLINE.finditer(text):
        if long_term and long_term.start() < m.start():
            break
        before = text[max(0, m.start() - 6):m.start()]
        if _NOT_DEADLINE.search(before) or _NOT_AFTER.match(text, m.end()) or _EVERY_BEFORE.search(before):
            continue
        end = m.end()
        limit = _BEFORE.match(text, end)
        if limit and _QUALIFIES.match(text, limit.end()):
            continue
        # "6月底完成", "年内建成", "上半年完成": a period that ends, then the work done in it
        loose = bool(m.group("within") or m.group("h") or m.group("q")) and not limit  # "四季度完成": within it
        ends_period = bool(m.group("part") in ("底", "末") or m.group("yend") or m.group("qend") or loose)
        # "到年底…要收尾", "力争到2026年底组建…": the end of a period reached is the limit (not "截至年底")
        # — not in a plan's goals ("一、工作目标。到2025年底…达到…"), which state targets, not tasks
        reached = ends_period and re.search(r"(?<!截)(?<!直)到\s*$", before) and "目标" not in text[:_GOAL_HEAD]
        # "行动时间为2025年7月20日至10月20日": the day a period runs to is its limit
        range_end = ranges and re.search(r"[\d日]\s*[至到～~—－]\s*$", before)
        if strict and not (limit or reached or range_end or (ends_period and _COMPLETES.match(text, end))
                           or ((m.group("q") or m.group("h") or m.group("within"))
                               and re.search(r"(?:[在于]|力争|争取)\s*$", before))):
            continue
        if (m.group("yend") or m.group("within")) and not (m.group("y") or m.group("rel")
                                                          or (m.group("yend") or m.group("within")).startswith("年")):
            continue  # "底"/"末"/"内" alone is no date
        start_year = re.search(r"((?:19|20)\d{2})\s*年[^至到～~—－]{0,8}[至到～~—－]\s*$", text[:m.start()]) if range_end else None
        # a period's end without its year is in the year the period starts ("2025年7月20日至10月20日")
        day = _normalise(m, dt.date(int(start_year.group(1)), 1, 1) if start_year and not m.group("y") else doc_date)
        written = text[m.start():limit.end() if limit else end]
        after = limit.end() if limit else end
        if _STARTS.match(text, after) and _deadline_in(text[after:_sentence_end(text, after)],
                                                                  doc_date, strict)[1]:
            continue  # "10月底前全部开工，12月底前基本完工": the work is due when it is done, not begun
        if day is None and doc_date is None and not m.group("y"):
            return None, written  # "6月底前" in a document without a year: kept as written
        if day is not None and doc_date is not None and dt.date.fromisoformat(day) < doc_date - dt.timedelta(days=366):
            continue  # "2000年底前建成的老旧小区": a date long before the document says what qualifies, not when
        if day is not None and strict and loose:
            # "年内上线12个…，6月底前完成首批8个": a date set as a limit ("…前") says when more firmly
            weak = weak or (day, written)
            continue
        if day is not None:
            final = _final_stage(text, after, doc_date)
            return final if final and final[0] > day else (day, written)
    if weak:
        return weak
    if long_term:
        return LONG_TERM, long_term.group(0)
    return None, None


def _normalise(m: re.Match, doc_date: dt.date | None) -> str | None:
    if m.group("ny"):  # "2024.6.30", "2024-06"
        year, month = int(m.group("ny")), int(m.group("nm"))
        if not 1 <= month <= 12:
            return None
        try:
            return dt.date(year, month, int(m.group("nd") or calendar.monthrange(year, month)[1])).isoformat()
        except ValueError:
            return None
    year = int(m.group("y")) if m.group("y") else None
    if year is None and doc_date is not None:
        year = doc_date.year + (1 if m.group("rel") == "明" else 0)
    if year is None:
        return None
    explicit = bool(m.group("y") or m.group("rel"))
    if m.group("m"):
        month = cn_to_int(m.group("m")) or 0
        if not 1 <= month <= 12:
            return None
        if m.group("d"):
            day_n = cn_to_int(m.group("d")) or 0
        else:
            part = m.group("part")
            day_n = {"上旬": 10, "中旬": 20}.get(part or "", calendar.monthrange(year, month)[1])
        try:
            day = dt.date(year, month, day_n)
        except ValueError:
            return None
        if not explicit and doc_date and (doc_date - day).days > _DAYS_BACK:
            try:
                day = day.replace(year=year + 1)  # said in the autumn, "3月底前" is next spring
            except ValueError:
                day = dt.date(year + 1, month, 28)
        return day.isoformat()
    if m.group("yend") or m.group("within"):
        return dt.date(year, 12, 31).isoformat()
    if m.group("q"):
        q = cn_to_int(m.group("q")) or 0
        if not 1 <= q <= 4:
            return None
        month = q * 3
        return dt.date(year, month, calendar.monthrange(year, month)[1]).isoformat()
    if m.group("h"):
        return dt.date(year, 6 if m.group("h") == "上" else 12, 30 if m.group("h") == "上" else 31).isoformat()
    return None


# --- task tables -------------------------------------------------------------------------------------------------

def table_header(line: str) -> tuple[str, ...] | None:
    """A task table's header row ("序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限"), as its cells."""
    cells = _row_cells(line)
    if not cells or not any(_header_role(c) in ("lead", "responsible") for c in cells):
        return None
    if not any(_TASK_COLUMN.search(c) for c in cells):
        return None
    return tuple(cells)


def _row_cells(line: str) -> list[str] | None:
    cells = [c.strip().rstrip("。") for c in _ROW_SPLIT.split(line.strip().rstrip("。"))]
    cells = [c for c in cells if c]
    return cells if len(cells) >= 3 else None


def _header_role(cell: str) -> str | None:
    cell = re.sub(r"\s", "", cell)
    if any(label in cell for label in LEAD_LABELS) or cell in ("牵头", "责任", "负责单位", "牵头领导单位"):
        return "lead" if not cell.startswith("责任") else "responsible"
    if any(label in cell for label in PARTNER_LABELS) or cell == "配合":
        return "partners"
    if any(label in cell for label in TIME_LABELS) or "时限" in cell or "时间" in cell:
        return "time"
    if _TASK_COLUMN.search(cell):
        return "task"
    return None


def _labelled_row(cells: list[str], headers: tuple[tuple[str, ...], ...]) -> str | None:
    """A table row as the labelled text its header makes of it ("…。牵头单位：…；配合单位：…；完成时限：…")."""
    header = next((h for h in headers if len(h) == len(cells)), None)
    if header is None:  # an empty cell was dropped: cells are placed by what they hold
        return _placed_row(cells) if headers else None
    if tuple(cells) in headers:
        return None  # the header itself
    parts = {"task": "", "lead": "", "responsible": "", "partners": "", "time": ""}
    for name, cell in zip(header, cells):
        role = _header_role(name)
        if role and not parts[role]:
            parts[role] = cell
    return _row_text(parts)


def _placed_row(cells: list[str]) -> str | None:
    parts = {"task": "", "lead": "", "responsible": "", "partners": "", "time": ""}
    for cell in cells:
        if re.fullmatch(r"\d{1,3}", cell):
            continue  # 序号
        units = _unit_items(cell)
        if units and len(units) == len([x for x in re.split(r"[、，,]", cell) if x.strip()]):
            parts["partners" if parts["lead"] else "lead"] = cell
        elif _deadline_in(cell, None, strict=False)[1]:
            parts["time"] = cell
        elif not parts["task"]:
            parts["task"] = cell
    return _row_text(parts) if parts["task"] else None


def _row_text(parts: dict[str, str]) -> str:
    fields = [("牵头单位", parts["lead"]), ("责任单位", parts["responsible"]), ("配合单位", parts["partners"]),
              ("完成时限", parts["time"])]
    return parts["task"] + "（" + "；".join(f"{label}：{value}" for label, value in fields if value) + "）"


def task_table_spans(text: str, spans: list[ListSpan]) -> list[ListSpan]:
    """Each task table's rows as one list, a row a point (rows inside a list found already are left to it)."""
    taken = [(s.start, s.end) for s in spans]
    tables: list[ListSpan] = []
    rows: list[tuple[int, int]] = []
    width = 0
    offset = 0
    for line in text.split("\n") + [""]:
        start, end = offset, offset + len(line)
        offset = end + 1
        simple = line.strip()
        if not simple:
            continue
        header = table_header(simple)
        cells = _row_cells(simple)
        if header:
            if rows:
                tables.append(ListSpan(style="table", numbered=True, bounds=rows))
            rows, width = [], len(header)
            continue
        if width and cells and width - 1 <= len(cells) <= width and not any(a <= start < b for a, b in taken):
            rows.append((start, end))
            continue
        if rows:
            tables.append(ListSpan(style="table", numbered=True, bounds=rows))
        rows, width = [], 0
    if rows:
        tables.append(ListSpan(style="table", numbered=True, bounds=rows))
    return tables
