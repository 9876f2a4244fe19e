"""Amount questions ("奖励多少钱", "建了多少处", "增长目标是多少"): a passage stating no figure of what is asked
cannot answer them, however close its topic. Money needs a sum of money, a count with its measure word ("多少处",
"多少亩") a figure of that measure, "增长多少" any figure.

A whole list asked for by its count ("强调了几个方面") asks for the list, not for a figure in it."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from bot.analysis import word_starts
from bot.question import Intent
from bot.records import Passage
from bot.textutil import (CJK, CN_NUMERAL, ONE_OF, POINT_PLACE, RATE_BASES, abbreviates, enumerates, is_cjk, jieba,
                          normalized_passage)

# A figure: digits, a count in Chinese numerals with its measure word, or a share ("三分之二", "过半数").
_QUANTITY = re.compile(rf"\d|[{CN_NUMERAL}百千万亿]+\s*[个名家项座处亿万元人天次%倍条所批]|[{CN_NUMERAL}百]+分之[{CN_NUMERAL}]+"
                       r"|过半|半数|一半")
_MONEY_ASK = re.compile(r"经费|资金|投资|金额|费用|奖励|奖补|补贴|补助|多少钱|预算|罚款|罚金|收费|价格|工资|租金|[万亿]?元")
_MEASURE_ASK = re.compile(r"(?:多少|几)\s*(个|家|项|人|名|座|栋|幢|间|处|条|亩|公里|吨|户|所|批|次|天|辆|套|台|张|件|份|年(?!级))")
# Measure words that say nothing of what is counted: "多少个摊位" counts 摊位, and "两个农贸市场" is no answer.
_SAID_OF_COUNT = set("没未不已还要能可会被在是有了的都")  # what starts a clause after a count, not a noun
_SOME = ("那", "这", "前", "头", "好", "十")  # "那几天", "前几次", "好几批": a few, not a question
_GENERIC_MEASURES = ("个", "家", "项", "名", "座", "处", "条", "所", "批", "套", "台", "辆", "户", "间", "张", "件", "份")
_FIGURE = rf"[\d{CN_NUMERAL}百千万亿.]"
# (or said aloud, "每顿补3块钱", "一年最多补40万", as a press conference's transcript writes it: a sum paid in 万 with no
# word after it)
_MONEY = re.compile(rf"{_FIGURE}\s*(?:万|亿)?元|{_FIGURE}\s*块钱|"
                    rf"(?:补|奖|拿|给|领|贴|发|罚)[^，,。；;\d]{{0,4}}?{_FIGURE}+\s*(?:万|亿)块?(?![{CJK}])")


# What kind of money is asked ("取暖补贴", "护理补贴", "创业补贴"): the word before the money word, when it says a
# kind (not "每月补贴", "一次性补贴", "能领多少补贴").
_MONEY_KIND = re.compile(rf"([{CJK}]{{2}})(?=补贴|补助|津贴|奖励|奖补|经费)")
_NOT_KIND_WORDS = {"标准", "额度", "金额", "最高", "最多", "平均", "合计", "总共", "分别", "按照", "给予", "政策",
                   "工作", "项目", "专项", "财政", "配套", "上级", "县级", "安排", "落实"}
_NOT_A_KIND = set("的了多少每能可给拿领发次性额外些什么哪这那笔个月年人户项该其上下予享受得到里内")
# A rate asked per something ("每亩补助多少钱", "每人每月多少"): the figure must be that rate.
_PER = re.compile(r"(?:每|单)\s*({})".format("|".join(RATE_BASES)))


@dataclass(frozen=True)
class Measure:
    """What an amount question counts: "元" for money, a measure word ("处"), or None for any figure; the
    rate's base when it asks one ("亩" of "每亩补助多少钱"); the kind of money it asks ("取暖" of "取暖补贴")."""

    unit: str | None
    per: str | None = None
    kind: str | None = None
    thing: str | None = None  # what a generic measure word counts ("摊位" of "多少个摊位")
    total: bool = False  # a sum asked ("总额是多少", "一共投资多少"): a rate ("每亩每年40元") is none
    cap: bool = False  # a most asked ("最高能贷多少", "最多补多少"): a figure said as the most
    funds: bool = False  # money set aside asked ("安排了多少经费"): a sum said as funds, not any sum
    share: bool = False  # a proportion asked ("奖补比例是多少", "占比多少"): a figure said as a share of something
    reached: bool = False  # a result asked ("推进会上通报的检验率是多少"): a figure said as reached, not as a target
    total_named: str | None = None  # the total asked by its name ("总投资"): best where that name gives the figure


def money_kind(question: str) -> str | None:
    """The kind of subsidy or reward the question asks the amount of ("取暖" of "冬季取暖补贴每月多少"), or None.
    A kind is the word before the money word ("独生子女" of "独生子女奖励"), not two characters across words ("场县" of
    "健身广场县补助多少钱")."""
    starts = sorted(word_starts(question, guess=False))
    kinds = []
    for m in _MONEY_KIND.finditer(question):
        end = m.end(1)  # the money word starts a word there; the kind is the word before it
        word = question[starts[bisect_left(starts, end) - 1]:end]
        if (len(word) >= 2 and not _NOT_A_KIND & set(m.group(1)) and word not in _NOT_KIND_WORDS
                and not (word[0] == "一" and word[1:] in RATE_BASES)):  # "派一件补贴多少": a rate's base
            kinds.append(word)
    return kinds[-1] if kinds else None  # the last: "养老服务补贴办法里…取暖补贴" asks the 取暖 one


def _measure_ask(question: str) -> re.Match | None:
    """The first "多少" + measure word whose measure is a word of its own: "多少项目" asks a count of 项目, not of 项.
    ("几" + a measure of its own, "申报几次", "几天办结", after any "多少"; "几个", "几家" count things as often as they
    ask a list, and "那几天" asks nothing)"""
    starts = None
    asked = sorted(_MEASURE_ASK.finditer(question), key=lambda m: m.group(0).startswith("几"))
    for m in asked:
        if m.group(0).startswith("几") and (m.group(1) in _GENERIC_MEASURES or question[m.start() - 1:m.start()] in _SOME):
            continue
        if m.end() == len(question):
            return m
        starts = starts if starts is not None else word_starts(question, guess=False)
        if m.end() in starts:
            return m
    return None


def measure_asked(question: str) -> str | None:
    """What the question's amount is measured in: "元" for money, its measure word ("多少处"), or None."""
    m = _measure_ask(question)
    if m:
        return m.group(1)
    return "元" if _MONEY_ASK.search(question) else None


def thing_counted(question: str) -> str | None:
    """The word a generic measure word counts ("摊位" of "改造后一共有多少个摊位"), or None."""
    m = _measure_ask(question)
    if not m or m.group(1) not in _GENERIC_MEASURES:
        return None
    words = jieba.lcut(question[m.end():m.end() + 8])
    word = words[0] if words else ""
    # (another figure asked next is nothing counted, "多少户多少人"; nor is what is said of the count, "多少个没建")
    if re.search(r"多少|几|什么|哪|啥", word) or word[:1] in _SAID_OF_COUNT:
        return None
    return word if len(word) >= 2 and all(is_cjk(c) for c in word) else None


# An indicator asked by its name ("年产值预计多少", "合格率是多少", "粮食产量达到多少"): a passage giving other figures
# (the county's 生产总值, an investment) does not state it.
_INDICATOR = re.compile(r"(?:值|额|量|率|收入|规模|指数|人次)$")
_BEFORE_HOW_MUCH = {"预计", "大概", "大约", "约", "能", "将", "要", "可", "会", "是", "有", "为", "达到", "可达", "一共"}


def indicator_asked(question: str) -> str | None:
    """The indicator whose figure the question asks ("年产值" of "项目投产后年产值预计多少"), or None."""
    i = question.find("多少")
    if i < 0:
        return None
    words = [w for w in jieba.lcut(question[max(0, i - 12):i]) if w.strip()]
    while words and words[-1] in _BEFORE_HOW_MUCH:
        words.pop()
    word = words[-1] if words else ""
    if word == "率" and len(words) > 1:  # jieba's "留用|率": the rate of 留用 (not "总共|值": what it is worth)
        word = words[-2] + word
    return word if len(word) >= 2 and all(is_cjk(c) for c in word) and _INDICATOR.search(word) else None


# A day, a month or a year is when, not how much ("3月12日，区委书记…主持召开"): no figure of an amount asked.
_DATES = re.compile(r"\d{4}\s*年(?:\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?)?|\d{1,2}\s*月\s*\d{1,2}\s*[日号]"
                    r"|\d{1,2}\s*月(?:份|底|末|初|中旬|上旬|下旬)?|\d{1,2}\s*[日号](?=[，,。、上下午晚前后起至])")


# Measure words one thing is counted by either way ("一台电梯" / "每部电梯", "几天" / "5个工作日").
# (个 counts anything: "上线多少个事项" is answered by "上线事项不少于300项")
_SAME_MEASURE = {"天": "(?:天|个?工作日|个?自然日)", "个": "(?:个|项|件|家|处|座|所|条|名|批|类|户|人|种)"}
# A number of years ("最长贴几年": "两年", "3年"), not a year's date ("2024年"), which the figures before a measure would
# otherwise read as "4年".
_YEARS_COUNTED = re.compile(rf"(?<![\d.])(?:\d{{1,2}}|[{CN_NUMERAL}半]+)\s*(?:个)?(?:年|周年)")
# (a firm's rate is written "单个企业…最高200万元" as often as "每家": 个 before what 家 counts; a vehicle's "每车",
# "每台车"; a person's "每名", "每位")
_SAME_BASE = {"台": "(?:台|部)", "部": "(?:台|部)", "家": "(?:家|个(?=企业|单位|机构|主体|公司|商户|经营主体))",
              "辆": "(?:辆|车|台(?=车|客车|公交|校车|班车))", "人": "(?:人|名|位)", "名": "(?:名|人|位)"}


def states_figure(text: str, unit: str | None) -> bool:
    """The (normalized) text states a figure of what the question measures (any figure when it names none;
    a date is none)."""
    if unit is None:
        text = _DATES.sub(" ", text)
    if unit == "年":  # (a count of years is no quantity of `_QUANTITY`'s, whose "一年" would be any text's figure)
        return bool(_YEARS_COUNTED.search(text))
    if not _QUANTITY.search(text):
        return False
    if unit == "元":
        return bool(_MONEY.search(text))
    # ("一次性补助50万元" says how it is paid, no count of times; days are counted in working days too)
    return unit is None or bool(re.search(rf"{_FIGURE}\s*{_SAME_MEASURE.get(unit, unit)}(?!性)", text))


def per_asked(question: str) -> str | None:
    """The base of a rate the question asks ("亩" of "每亩补助多少钱", "台" of "一台补多少钱"), or None; not for a
    count ("一户一档…建了多少户")."""
    m = _PER.search(question)
    if not m and measure_asked(question) in ("元", None):
        # one of a thing, as people ask a rate ("加装一台电梯补多少钱"): that thing is the rate's base (not "一年"; nor
        # "一个人", as often the one who asks as a rate's base)
        m = next((o for o in ONE_OF.finditer(question) if o.group(1) in RATE_BASES and "个" not in o.group(0)), None)
    return m.group(1) if m else None


def states_rate(text: str, per: str) -> bool:
    """The (normalized) text states a figure per `per`: "每亩300元", "300元/亩", "亩均", "每核实1人奖励3万元"."""
    per = _SAME_BASE.get(per, per)
    return bool(re.search(rf"(?:每|单)\s*{per}|每[^，,。；;\d]{{0,4}}?[1一]\s*{per}|/\s*{per}|{per}均", text))


# A question asking the sum of something ("补偿资金总额", "一共投资多少", "累计发放多少")
# (or what was spent: "改造花了多少钱", "投了多少钱" ask what it cost in all, not a rate)
_TOTAL_ASK = re.compile(r"总额|总数|总量|总计|合计|共计|累计|一共|总共|总投资|总投入|总规模"
                        r"|(?:花了|花费了?|耗资|投了|投入了|用了)[^，,。？?]{0,4}?多少")
# a figure stated per something: "每亩每年40元", "300元/亩"
_RATE_BEFORE = re.compile(r"每\s*[^\d，,。；;]{1,6}$")


# A total asked by its name ("总投资多少", "总规模是多少").
_TOTAL_NAMED = re.compile(r"总(?:投资|投入|额|数|量|规模|造价|面积|产值|金额)")
# A total a text states: "总投资860万元", "共计投入1.2亿元", "累计发放3200万元", "累计排查经营性自建房7035栋" (what is
# counted may come between; after 总 only a few characters: "总体要求" is no total)
_TOTAL_SAID = re.compile(r"总[^，,。；;\d]{0,4}\d|(?:共计|合计|累计|总计)[^，,。；;\d]{0,12}\d")


# The most asked ("最高能贷多少", "最多补贴多少钱", "上限是多少") and how a text says a figure is the most.
_CAP_ASK = re.compile(r"(?:最高|最多|上限|封顶|至多)[^，,。？?]{0,8}?多少")
_CAP_SAID = re.compile(r"最高|最多|上限|不超过|不高于|封顶|以内|为限|至多|最长|不得超过")
# Money set aside asked ("安排了多少经费", "资金有多少", "预算多少"), and how a text says it is funds.
_FUNDS_ASK = re.compile(r"多少[^，,。？?]{0,2}(?:经费|资金|预算)|(?:经费|资金|预算)[^，,。？?]{0,6}多少")
_FUNDS_SAID = re.compile(r"经费|资金|预算|拨付|安排|投入|列支|补助|补贴|奖补")
_CLAUSE = re.compile(r"[，,。；;：:]")


# A proportion asked ("补贴比例是多少", "占比多少", "百分之几") and how a text states one ("50%", "三分之一", "七成", "一半",
# "全额"): a sum of money or a count is no proportion.
_SHARE_ASK = re.compile(r"(?:比例|比率|占比|百分比|费率|利率)[^，,。？?]{0,4}?多[少大高]|百分之几|几成"
                        r"|(?:什么|多大|多高|多少)的?(?:比例|比率|比重|费率|利率)")  # "按啥比例补"
_SHARE_SAID = re.compile(rf"\d\s*[%％‰]|百分之|分之|[{CN_NUMERAL}]\s*成(?![本果立员为绩效功熟交])|一半|半数|全额|足额|[\d.]+\s*倍")


# A result asked: what a meeting reported, what stands by a day ("会上通报的…是多少", "截至6月底完成了多少").
# What stands now ("现在一天能处理多少包裹", "目前有多少家"), what it came to ("最后是多少"), and what was done ("2024年新建改建
# 了多少处", "一共改造了多少户": a deed and 了 before the amount) ask a result too; not "为了", "除了", "到了…年".
_REACHED_ASK = re.compile(r"通报|汇报|截[至止]|已经|实际|(?:达到|完成|取得)了|现在|目前|眼下|如今|现有|最后|最终")
# (a deed done is asked of a time: "一共整合了多少资金" of no year asks what a plan sets, "2024年…建了多少处" what was done;
# a sum set aside, "2026年县财政安排了多少钱", is a plan's)
_DONE_ASK = re.compile(r"(?<![为除到排划定署])了[^，,。？?了]{0,6}?(?:多少|几[^个])")
_TIME_SAID = re.compile(r"(?:\d{2,4}|今|去|前|上半|下半)年|以来|季度|\d+\s*月")
# A clause setting a target rather than telling a result ("确保全年综合利用率达到88%以上的目标", "10月底前…达到85%以上").
_TARGET_SAID = re.compile(r"确保|力争|争取|目标|预计|计划|要|前|以上|不低于|不少于|力求|将")


def states_cap(text: str, unit: str | None) -> bool:
    """A clause of the text says a figure of `unit` is the most ("单个企业年度补助最高200万元"), or a sum of money's most
    as a share ("补助金额不超过项目总投资的40%"); not another figure's ("次品率降到2%以内" of a subsidy's most)."""
    return any(_CAP_SAID.search(c) and (states_figure(c, unit) or (unit == "元" and _SHARE_SAID.search(c)
                                                                    and _FUNDS_SAID.search(c)))
               for c in _CLAUSE.split(text))


# A year gone by asked of ("去年全县见习留用率是多少"): what was reached in it, unless its plan is asked ("去年定的目标").
_PAST_YEAR = re.compile(r"去年|上年|上一年|前年")
_PLAN_ASKED = re.compile(r"目标|计划|预期|任务|要求|定了|定的|要[^，,。？?]{0,6}多少")


def reached_asked(question: str) -> bool:
    return bool(_REACHED_ASK.search(question) or (_DONE_ASK.search(question) and _TIME_SAID.search(question))
                or (_PAST_YEAR.search(question) and not _PLAN_ASKED.search(question)))


_SENTENCE = re.compile(r"[。；;！!？?\n]")


# A plan's title ("…实施方案", "…工作要点", "任务分工"): its figures are targets unless said as what stands ("目前全县已建成
# 11个"), and a point's place ("1.", "（2）") is no figure at all.
_PLAN_TITLE = re.compile(r"方案|要点|规划|计划|分工|清单|安排")
_STANDS = re.compile(r"已|截[至止]|目前|现有|去年|上年")


def states_reached(text: str, unit: str | None, thing: str | None = None, plan: bool = False) -> bool:
    """A clause of the text states a figure of `unit` (of `thing`, when the question names what it counts) as a
    result: no target is set in it; in a plan (`plan`), its sentence says what stands."""
    return any(states_figure(c, unit) and not _TARGET_SAID.search(c) and (thing is None or thing in c)
               for s in _SENTENCE.split(POINT_PLACE.sub(" ", text))
               if not plan or _STANDS.search(s) for c in _CLAUSE.split(s))


def share_asked(question: str) -> bool:
    return bool(_SHARE_ASK.search(question))


def cap_asked(question: str) -> bool:
    return bool(_CAP_ASK.search(question))


def funds_asked(question: str) -> bool:
    return bool(_FUNDS_ASK.search(question))


def total_asked(question: str) -> bool:
    return bool(_TOTAL_ASK.search(question)) and per_asked(question) is None


def states_total(text: str, unit: str | None) -> bool:
    """The text states a figure of `unit` that is not a rate (not "每亩每年40元", not "300元/亩")."""
    pattern = re.compile(rf"{_FIGURE}+\s*(?:万|亿)?元" if unit == "元" else rf"{_FIGURE}+\s*{unit}" if unit
                         else rf"{_FIGURE}+")
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 8):m.start()]
        if not _RATE_BEFORE.search(before) and not text.startswith("/", m.end()):
            return True
    return False


def asks(question: str, intent: Intent) -> Measure | None:
    if not intent.asks_amount or intent.kind == "list":
        return None
    share = share_asked(question)  # (a share of money, "补贴比例", is no sum of money)
    return Measure(None if share else measure_asked(question), per_asked(question), money_kind(question),
                   thing_counted(question) or indicator_asked(question), total_asked(question),
                   cap_asked(question), funds_asked(question), share, reached_asked(question),
                   m.group(0) if (m := _TOTAL_NAMED.search(question)) else None)


def prefers(ask: Measure, passage: Passage, text: str) -> int:
    """Stating some figure is no reason to rank a passage higher, only a reason to refuse one that has none; stating
    the rate asked ("每台补多少钱": "按每台15万元给予补助") or the total asked ("总共投资多少": "项目总投资860万元") is: that
    passage answers where the plan's other points (its schedule, its lead unit) do not."""
    if ask.per and states_rate(text, ask.per) and states_figure(text, ask.unit):
        return 1
    if ask.reached:
        # a result asked: a passage telling one ("检验率为52.3%") answers where the plan's target ("10月底前检验率达到
        # 85%以上") does not; of those, one telling the total asked ("一共整改了多少处": "累计整改隐患1107处") first
        plan = passage is not None and bool(_PLAN_TITLE.search(normalized_passage(passage.title)))
        return 1 + _total_stated(ask, text) if states_reached(text, ask.unit, ask.thing, plan) else 0
    return _total_stated(ask, text)


def _total_stated(ask: Measure, text: str) -> int:
    """2 when the total is named as asked and given its figure, 1 when a total of what is asked is stated, else 0."""
    if ask.total_named and _figure_after(ask.total_named, text):
        return 2  # the total named as asked and its figure ("总投资约1.86亿元", "总面积1.1万平方米")
    if ask.total and ask.funds:
        # the funds' total ("衔接资金一共安排了多少": "安排衔接资金1.86亿元"), not another total the passage states
        # ("资产总额3260万元"): a sum said of funds in its own clause
        return int(any(_FUNDS_SAID.search(c) and states_total(c, ask.unit) for c in _CLAUSE.split(text)))
    # (a report of what was spent, "累计完成投资1.21亿元，占总投资的65.1%", is a total, after the one named as asked)
    return int(ask.total and _TOTAL_SAID.search(text) is not None and states_total(text, ask.unit))


def holds(ask: Measure, passage: Passage, text: str, topic: dict[str, float], floor: float) -> bool:
    return (states_figure(text, ask.unit) and (ask.per is None or states_rate(text, ask.per))
            and (ask.kind is None or _says_kind(ask.kind, text + "\n" + passage.title))
            and (ask.thing is None or _says_thing(ask.thing, text))
            and (not ask.total or states_total(text, ask.unit))
            and (not ask.total_named or _gives_total(ask.total_named, text))
            and (not ask.cap or states_cap(text, ask.unit))
            and (not ask.funds or bool(_FUNDS_SAID.search(text)))
            and (not ask.share or bool(_SHARE_SAID.search(text))))


def _figure_after(word: str, text: str) -> bool:
    """`word` is given a figure a few characters on, in its clause and not as a share of it ("总投资约1.86亿元",
    "投资总额860万元"; not "占总投资的65.1%")."""
    return re.search(rf"{word}[^，,。；;\d的]{{0,4}}\d", text) is not None


def _gives_total(named: str, text: str) -> bool:
    """The total asked by its name is given a figure ("总投资约1.86亿元", "计划投资1.2亿元", "投资总额860万元"), not only
    taken a share of ("按实际投资额的30%给予补助"); a one-character root (额, 数) is too common to look for."""
    root = named[1:]
    return len(root) < 2 or _figure_after(root, text)


def _says_thing(thing: str, text: str) -> bool:
    """The counted thing is named in the passage, whole or by a two-character part ("充电口" / "充电端口"), or
    spelled out ("四乱": "乱占、乱采、乱堆、乱建")."""
    return any(thing[i:i + 2] in text or enumerates(thing[i:i + 2], text) for i in range(len(thing) - 1))


def _says_kind(kind: str, text: str) -> bool:
    """The kind is said, whole or as the two words it abbreviates ("技改" of "技术改造")."""
    return kind in text or abbreviates(kind, text)
