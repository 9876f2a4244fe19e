"""Intent: what a question asks for, read from its words alone — an ordinal point, a whole list,
a meeting of a series, a time, an amount or a person — and what remains to point at a passage."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.analysis import in_dictionary, question_tokens, word_frequency, word_starts, word_tag
from bot.ordinals import read_path
from bot.question import CLOCK_ASK, Intent, TimeRef
from bot.speakers import DID_NEXT, POSTS, is_surname, plausible_name
from bot.textutil import CJK, CN_NUMERAL, YEAR, cn_to_int
from bot.units import WORD_BEFORE_TOWN, common_level_word

_N = rf"[{CN_NUMERAL}\d]{{1,3}}"
# A term that is only an ordinal or a count ("第三", "三个"): never a topic word.
ORDINAL_WORD = re.compile(rf"第?{_N}(?:个|条|点|项|次)?")
# The words saying a total is counted ("一共几条", "一共要投多少钱"): how a count or an amount is asked, no word of
# the list or the passage.
_TOTAL = "一共|总共"
COUNT = re.compile(rf"(?:(?:{_TOTAL}|共)(?:有|是)?)?(?P<n>{_N}|几)\s*(?:个|条|点|项|件)")
_UNITS_ASKED = "(?:部门|单位|机构)"  # "哪几个部门": units asked for, not points
# "分别是什么", "哪八个方面", "八个聚力都有哪些", "全部要点", "提了几点要求", "定了几件事", "任务是咋分工的" (not "哪几个
# 部门": which units, answered by the tasks of the point).
# "哪五道关", "哪四大行动", "分哪几步": the measure words that count a list's items.
_ITEMS = r"(?:个|条|点|项|件|方面|道|大|步)"
LIST_ASK = re.compile(
    rf"分别|各(?:是|有|为)|哪(?P<asked>{_N}|几)\s*{_ITEMS}(?!{_UNITS_ASKED})|哪\s*[“\"](?P<named>{_N})[{CJK}][”\"]"
    rf"|(?:怎么|怎样|如何|咋)\s*分工|分工(?:是|情况|安排)"  # how the work was divided: each unit's part, the list
    rf"|(?:{_N})\s*(?:个|条|点|项|件)[^，,。？?]{{0,10}}"
    rf"(?:是什么|是哪些|有哪些|都有|包括|内容)|全部要点|所有要点|哪几方面|(?<![第\d{CN_NUMERAL}])几\s*(?:点|条|项|件)"
    # a table's rows asked ("分工表都有哪些任务", "任务清单里列了啥")
    rf"|(?:(?:分工|任务|责任|一览|汇总)表|清单|台账)[里中上]?(?:都|{_TOTAL})?(?:有|包括|列了?|定了?)(?:哪些|什么|啥)"
)
# "X强调了什么", "会上提了哪些要求", "讲了哪几个坚持": what someone said at a meeting, as a whole.
SPEECH_ASK = re.compile(rf"(?:强调|指出|提出|提|讲|部署|要求|批示)了?(?:哪些|什么|哪几)(?!几?个?{_UNITS_ASKED})")
# A question asking for several things ("有哪些要求", "包括什么").
ASKS_FOR_MANY = re.compile(r"哪些|哪几(?![天日号年月])|什么要求|要求是什么|包括什么|包括哪|有什么|[干做说讲有]些(?:啥|什么)")
# A question asking for a quantity, a standard or a target: its answer is a figure the passage must state.
# "那几个项目" points at some ("those few"); it asks no amount.
# A size asked of a measure ("总面积多大", "里程有多长"): an amount, as 多少 is.
SIZE_ASK = r"(?:面积|规模|长度|里程|距离|高度|宽度|深度|容量|库容|体量|重量)[^，,。？?]{0,3}?多[大长远高宽深重]"
# (a number of years, "最长贴几年", but not "近几年", "这几年" or "几年级")
AMOUNT_ASK = re.compile(rf"多少|(?<![好哪那这])几[个名家项座处亿万元人天次]|(?<![好哪那这近前头后])几年(?!级)"
                        rf"|比例|标准是|标准为|什么标准|目标是|增长目标|金额|{SIZE_ASK}")
# Things counted by their own measure word ("每个村配几台抽水机", "建几所", "几辆车"): a figure asked, whose thing the
# answer must name (not 条 or 件, which count a list's points as often: "讲了几条", "办几件实事").
_THINGS_COUNTED = re.compile(r"(?<![好哪那这])几\s*[台辆套所张间栋]")
# Long things counted by 条 ("客货邮融合线路有几条了", "开通了几条公交线路", "修了几条路"): a figure asked, not a list's
# points ("讲了几条", "有几条意见"); a way of doing things ("几条路子") is a point.
_LONG = "路线河渠街巷沟溪江"
_LENGTHS_COUNTED = re.compile(rf"(?<![好哪那这])几\s*条\s*[^，,。？?！!\s]{{0,4}}?[{_LONG}](?![子径数])"
                              rf"|[{_LONG}](?:一共|总共|共)?(?:有|开通了?|建成了?|修了?|开了?)?几\s*条")


def _asks_amount(question: str) -> bool:
    """An amount is asked, not a few things described on the way to asking how ("山里几个村子一到枯水季就断水，
    区里准备怎么解决": 几个 counts nothing asked)."""
    asked = [m for m in AMOUNT_ASK.finditer(question)
             if not (m.group(0).startswith("几") and REQUIREMENT_ASK.search(question, m.end()))]
    return bool(asked)


# A question asking when ("哪天召开", "哪几天", "什么时候"): its answer is a date the passage states.
WHEN_ASK = re.compile(r"哪一?天|哪几天|什么时候|什么时间|何时|几月几[日号]|几号|哪一?年|哪个月|哪段时间|时间段?[是为]?(?:哪|什么)")
# A question asking how to act or what is required: any directive on its topic answers it.
REQUIREMENT_ASK = re.compile(r"怎么|怎样|如何|要求|规定|措施|办法|举措|任务|意见|部署|打算|做好|抓好|落实|注意")
# A question asking for a particular fact (which city, which firms, where, when, who): the fact's
# own words must be found where it is answered.
FACT_ASK = re.compile(rf"哪|什么|谁|几|多少|是否|有没有|吗|{SIZE_ASK}")
# After a point's place, the point itself asked ("第二部分第四条是什么", "第三个聚力讲的是啥"): no fact within it.
_POINT_ITSELF = re.compile(rf"[^的，,。\s{CN_NUMERAL}]{{0,4}}的?(?:具体)?(?:内容)?(?:是|讲|说|写|指)的?(?:是|了)?"
                           rf"(?:什么|啥)(?:内容|意思)?[\s？?。！!]*")

# Words that only ask ("哪几天", "多少", "什么"): they carry no content a passage could hold.
# "多长时间", "多久" ask a duration; "最晚", "最迟" a deadline; A-not-A asks yes or no ("是不是", "能不能", "可不可以");
# "几块钱" asks money by the word said for yuan.
ASK_WORD = re.compile(r"[哪几谁]|什么|多少|怎|如何|是否|有没有|多[久长大高远宽深重]|最[晚迟]|([^\W\d])不\1|块钱")
# A rule's articles asked ("奖补办法一共几条，分别是啥", "细则有哪些条款"): its 第X条 list, not a press conference's
# summary of it ("办法一共十二条，概括起来有三个特点").
ARTICLES_ASKED = re.compile(r"(?:办法|细则|条例|规定|章程|规则)[^，,。？?]{0,8}?(?:几|多少|哪几|哪些)条|条款")
# "主要有哪几个变化", "主要讲了啥": a hedge on how much is asked, not a word a passage must write (not "主要任务有哪些":
# the list's own name).
HEDGE = re.compile(r"主要(?=有|是|讲|说|包括|涉及|就是)")
# The asking phrase itself, cut out before a question's content is read: jieba would otherwise cut
# across it ("哪天开的" → "天开").
ASK_PHRASE = re.compile(# "按啥比例补": a share asked (bot/kinds/amount.py checks one is said: "按投资额的10%")
                        r"(?:什么|多大|多高|多少)的?(?:比例|比率|比重)|(?:比例|比率|比重)(?=[是为有]?多[少大高])"
                        r"|哪[天里位个些家年月日儿]|什么时候|什么地方|什么|多少|几[个天次名项条点]|谁|是否|有没有"
                        r"|多长时间|多久|多[长大高远宽深重]|最[晚迟]"
                        # "最多补多少", "最高能贷多少": the most asked is how the amount is asked (bot/kinds/amount.py
                        # checks a most is said), not a word the passage must write ("每户每年封顶1.2万元")
                        r"|最[多少高低](?=[^，,。？?]{0,3}?(?:多少|几))|(?:封顶|上限)(?=[^，,。？?]{0,3}?(?:多少|几))"
                        # "一共要投多少钱": a total asked (bot/kinds/amount.py), not a word a passage writes ("总投资")
                        rf"|(?:{_TOTAL})(?=[^，,。？?]{{0,4}}?(?:多少|几))"
                        # "怎么开展", "如何推进", "咋落实": how to act, with an act of no topic of its own
                        r"|(?:怎么|怎样|如何|咋)(?:样)?(?:开展|推进|落实|抓好?|搞|弄|干|部署|实施|执行|安排|进行|操作|做好?)"
                        r"|[这那](?:件|个)?事(?:情|儿)?(?=由|是|要|归|该|得|谁|哪|怎|，|,|$)"  # "这件事由哪个部门牵头"
                        rf"|{HEDGE.pattern}")

# Words that say someone spoke ("要求", "强调", "会上"): how a question asks, not what about.
SPEECH_WORD = re.compile(r"要求|强调|指出|提出|讲话|讲|提|说|部署|表示|意见|会上|会议上")

# A meeting of a series: "第二次调度会", "第二十三次常务会议", a quarter's "第三季度推进会".
# The meeting word must follow: "第一次创业" is no meeting of a series.
SERIES_UNITS = ("次", "季度")  # what numbers a meeting of a series
SERIES = re.compile(rf"第\s*(?P<n>{_N})\s*(?:{'|'.join(SERIES_UNITS)})(?=[^，,。？?]{{0,10}}会)")
MONTH = re.compile(rf"(?<![\d{CN_NUMERAL}])(\d{{1,2}}|[{CN_NUMERAL}]{{1,2}})\s*月")
DAY = re.compile(rf"月\s*(\d{{1,2}}|[{CN_NUMERAL}]{{1,3}})\s*[日号]")
RECENT = re.compile(r"最近|最新|上一?次|近期|新近")
# The state now ("低保标准现在多少", "目前有多少人"), not a word holding the characters ("体现在", "表现在").
CURRENT = re.compile(r"(?<![体表出实])现在|目前|如今|眼下|现阶段|现行")
LAST_YEAR = re.compile(r"去年|上一?年|过去(?:的)?一年")
THIS_YEAR = re.compile(r"今年|本年")
# (and the meeting pointed at as one both know: "2025年那次推进会", "这回的会")
TIME_WORD = re.compile(r"最近|最新|上一?次|近期|去年|今年|本年|上半年|下半年|月份|以前|之前|原来|目前|现在|以后|[今明昨后]天|今晚"
                       r"|[这那]一?[次回]|上一?回")
# Named people: a title right before a name ("副区长李志明"), or a name opening the question and
# followed by what people do at meetings ("陶春林在…", "邵文杰讲…").
# The posts are the ones bulletins are read with (bot.speakers), so a question names people as they do.
TITLED_NAME = re.compile(rf"(?:{POSTS}|同志)(?P<name>[{CJK}]{{2,4}}?)(?={DID_NEXT})")
OPENING_NAME = re.compile(rf"^(?P<name>[{CJK}]{{2,3}}?)(?=在|讲|强调|提出|提|带队|主持|指出|批示|说)")
# A full name before its post, as people are named formally ("杨国庆副县长在…讲了什么", "请问周海涛局长…").
# (not a post's qualifier: "常务副县长欧阳敏" — after a name's post come the words of what they did)
NAME_BEFORE_POST = re.compile(rf"^(?:请问|问一下|听说)?(?P<name>[{CJK}]{{2,3}}?)"
                              rf"(?=(?:{POSTS})(?:{DID_NEXT}|，|,|$))")


_LETTERED = re.compile(r"[a-z]")  # (terms are lower case)


def is_content(term: str) -> bool:
    """A term that can say what a question is about: not an ordinal, figure, time, question or speech word (a name
    holding a figure is one: "pm2.5", "5g")."""
    return (len(term) > 1 and (not any(c.isdigit() for c in term) or _LETTERED.search(term) is not None)
            and not ORDINAL_WORD.fullmatch(term)
            and not ASK_WORD.search(term) and not SPEECH_WORD.fullmatch(term.rstrip("了过"))
            and not TIME_WORD.search(term))


# A month a figure is counted to or a task is due by ("截至4月底有多少家", "6月底前完成"), not when the meeting was.
_CUT_OFF_BEFORE = re.compile(rf"(?:截至|截止|(?<![\d{CN_NUMERAL}])(?:到|至))\s*(?:\d{{4}}\s*年)?\s*$")
_CUT_OFF_AFTER = re.compile(r"\s*(?:份)?\s*(?:底|末|前|以来)")
# Nor are the months a period spans ("1到4月", "1—4月", "1月至4月完成投资多少"): its figures are reported once it
# ends, at a meeting of its last month or the next (TimeRef.through).
_PERIOD = re.compile(rf"(?<![\d{CN_NUMERAL}])(?:\d{{1,2}}|[{CN_NUMERAL}]{{1,2}})\s*月?\s*(?:到|至|—|－|-|~|～)\s*"
                     rf"(?P<end>\d{{1,2}}|[{CN_NUMERAL}]{{1,2}})\s*月")

# Other periods figures are counted over: a quarter ("二季度", "第二季度", "前三季度"), a half ("上半年"), the first
# months ("前8个月").
_QUARTER = re.compile(r"(前)?第?([一二三四1-4])季度")
_HALF = re.compile(r"([上下])半年")
_FIRST_MONTHS = re.compile(rf"前\s*(\d{{1,2}}|[{CN_NUMERAL}]{{1,3}})\s*个月")
_PERIOD_START = re.compile(rf"\d{{1,2}}|[{CN_NUMERAL}]{{1,2}}")


def periods(text: str) -> frozenset[tuple[int, int]]:
    """The periods `text` counts figures over, each as its first and last month: "1到8月", "1—8月" → (1, 8),
    "二季度" → (4, 6), "前三季度" → (1, 9), "上半年" → (1, 6), "前8个月" → (1, 8)."""
    found = set()
    for m in _PERIOD.finditer(text):
        first, last = cn_to_int(_PERIOD_START.match(m.group(0)).group(0)), cn_to_int(m.group("end"))
        if first and last and 1 <= first <= last <= 12:
            found.add((first, last))
    for m in _QUARTER.finditer(text):
        q = cn_to_int(m.group(2))
        found.add((1 if m.group(1) else 3 * q - 2, 3 * q))
    for m in _HALF.finditer(text):
        found.add((1, 6) if m.group(1) == "上" else (7, 12))
    for m in _FIRST_MONTHS.finditer(text):
        if (n := cn_to_int(m.group(1))) and 1 <= n <= 12:
            found.add((1, n))
    return frozenset(found)


def _meeting_month(question: str, periods: list[re.Match]) -> re.Match | None:
    return next((m for m in MONTH.finditer(question)
                 if not _CUT_OFF_BEFORE.search(question, 0, m.start()) and not _CUT_OFF_AFTER.match(question, m.end())
                 and not any(p.start() <= m.start() < p.end() for p in periods)),
                None)


def parse_time(question: str) -> TimeRef:
    year = YEAR.search(question)
    periods = list(_PERIOD.finditer(question))
    month = _meeting_month(question, periods)
    through = cn_to_int(periods[0].group("end")) if periods else None
    day = DAY.search(question, month.start()) if month else None
    rel = -1 if LAST_YEAR.search(question) else 0 if THIS_YEAR.search(question) else None
    m = cn_to_int(month.group(1)) if month else None
    d = cn_to_int(day.group(1)) if day else None
    return TimeRef(
        year=int(year.group(1)) if year else None,
        month=m if m and 1 <= m <= 12 else None,
        day=d if d and 1 <= d <= 31 else None,
        through=through if through and 1 <= through <= 12 else None,
        recent=bool(RECENT.search(question)),
        relative_year=rel,
        current=bool(CURRENT.search(question)),
    )


# Common nouns that end like a place name ("开发区" is a kind of place, "临川区" is one).
_COUNTY = re.compile(rf"(?=([{CJK}]{{2}}[县区])(?![级域委]))")
_FUNCTION_CHARS = frozenset("的是了着过给让被说讲向在对和与及或把将从到")  # no place name is made of these
# A post addressed after a preposition or a verb of company ("洪雅琴陪县长巡河", "向区长汇报"): a name guessed across
# them ("琴陪县") is no place.
_BEFORE_POST = _FUNCTION_CHARS | frozenset("陪跟找请")  # (not 同, 随: 大同区, 随县)
RARE_NAME = 100  # a word seen less often than this in jieba's dictionary may be a place's own name
_GENERIC_PLACES = frozenset("开发区 示范区 高新区 功能区 保护区 风景区 经济区 试验区 集聚区 新城区 老城区 主城区 城市 "
                            "各县 本市 全市 全县 全镇 全区 城区 园区 社区 景区 辖区 片区 街区 小区 市区 县区".split())


# A town's name: two characters and 镇 or 乡, which jieba cuts apart when it does not know the name ("桂岭|镇").
_CITY_DISTRICT = re.compile(rf"[{CJK}]{{2,3}}市([{CJK}]{{2}}[区县])(?![级域委])")
_TOWN = re.compile(rf"[{CJK}]{{2}}[镇乡](?![镇村区])")
# … as a question names one: a town before its villages too ("梅岗镇村集体经济", checked in `named_places`), or a
# city's street office, the town's level in a city ("鹤鸣街道")
_TOWN_ASKED = re.compile(rf"[{CJK}]{{2}}(?:[镇乡](?![镇区])|街道)")
# (a common word before the level — "城镇", "下乡" — is no town's name: bot.units.WORD_BEFORE_TOWN; nor is going
# there: "俺跑去乡里交材料", "回到镇上")
_NOT_TOWN = re.compile(rf"^.[{WORD_BEFORE_TOWN}去到往赴][镇乡]$|^(?:重点|所在|各个|有关|相关|贫困|偏远|边远)"
                       r"|[哪个些什么几这那每各全本该其此我你他]")  # "哪个镇": a question; "我镇": the town itself


def towns_in(text: str) -> set[str]:
    """The towns a passage names by their name and level ("柘塘镇"; not "城镇", "全镇", "各乡镇", "…出的我镇")."""
    return {m.group(0) for m in _TOWN.finditer(text) if not _NOT_TOWN.search(m.group(0))
            and not _FUNCTION_CHARS & set(m.group(0)[:2])}


def _market_town(name: str) -> bool:
    """A town named for a family's market ("马集镇", "刘集乡"): a surname, 集, the level."""
    return name[1] == "集" and is_surname(name[0])


# A name counting what it stands for, quoted as officials quote it ("“三个到位”", "“四查四清”", "“两奖一补”").
_SLOGAN = re.compile(rf"[“\"‘'](?P<name>(?P<n>[二三四五六七八九十两])个?(?P<word>[{CJK}]{{1,4}}))[”\"’']")


def named_slogans(question: str) -> tuple[tuple[str, int, str], ...]:
    """The counting names the question quotes: (the name, its count, what is counted: "到位" of "三个到位")."""
    return tuple(dict.fromkeys((m.group("name"), cn_to_int(m.group("n")) or 0, m.group("word"))
                               for m in _SLOGAN.finditer(question)))


def named_places(question: str) -> tuple[str, ...]:
    """Place names the question names ("临川区", "白沙镇", "邹城市"): three or four characters ending
    in an administrative suffix, as jieba cuts them, and towns it cuts apart."""
    tokens = [t for t in question_tokens(question) if len(t) in (3, 4) and t[-1] in "区县镇乡市"]
    # (a town's name is not inside a word of the dictionary: "第三届梅乡杯" names a contest, not a town "届梅乡")
    starts = word_starts(question, guess=False)
    # (a family's market town, "马集镇", is a town though 集镇 is a word: a question starts no word in its name)
    # (nor a compound of levels after a preposition: "在县乡一体改革里" names no town "在县")
    towns = [m.group(0) for m in _TOWN_ASKED.finditer(question)
             if (not _NOT_TOWN.search(m.group(0)) or _market_town(m.group(0))) and m.start() in starts
             and not m.group(0).endswith(_NOT_PLACE_END) and m.group(0)[0] not in _NEVER_FIRST
             # (before 村, only a name no word of the dictionary, its level and 村 no word either: "梅岗镇村集体经济"
             # is the town's; "组织镇村干部", "宋立群在乡村振兴…" name none)
             and not (question.startswith("村", m.end()) and (in_dictionary(m.group(0)[:2])
                                                             or in_dictionary(m.group(0)[-1] + "村")
                                                             or _FUNCTION_CHARS & set(m.group(0)[:2])))
             # (a street office's name is rare as a word: not "城市街道", "沿线街道")
             and not (m.group(0).endswith("街道") and (word_frequency(m.group(0)[:2]) >= RARE_NAME
                                                      or _FUNCTION_CHARS & set(m.group(0)[:2])))]
    # a district or county written after its city ("琮州市石门区") is a place however common its name's words
    districts = [m.group(1) for m in _CITY_DISTRICT.finditer(question)
                 if not m.group(1).endswith(_NOT_PLACE_END) and m.group(1)[0] not in _NEVER_FIRST]
    return tuple(dict.fromkeys(t for t in tokens + towns + districts + _counties(question) + _villages(question)
                               if t not in _GENERIC_PLACES and t[0] not in "全本我该各每这那"
                               and not (t[-2] in _BEFORE_POST and f"{t}长" in question)))


# A village by its two-character name ("沙洲村", "上箐村", "角湾古村"), where a name stands: opening the question or a
# clause, after its town ("石笋镇上箐村") or a preposition ("在荷塘村") — not "多少个村", "扶持村集体经济", "快递进村",
# "2025年农村公路", "还得去村部".
_VILLAGE = re.compile(rf"(?:^|(?<=[\s，,。；;、：:？?！!“”\"（(镇乡县区在到去给对从和与及]))([{CJK}]{{2}})[古新]?村(?![民委级组集庄])")
_PLACE_TAGS = ("ns", "nr", "nz")  # a place's, a person's (柳林, 白沙) or another proper name's


def _villages(question: str) -> list[str]:
    """Villages the question names: a name no word but a rare one or a proper name in jieba's dictionary ("沙洲" is a
    place there, "扶持" a verb), not ending in a word of 村 other than a place ("农村", "进村"; "塘村" is one)."""
    found = [m for m in _VILLAGE.finditer(question) if not _FUNCTION_CHARS & set(m.group(1))
             and m.group(1)[0] not in _NEVER_FIRST
             and word_tag(m.group(0)[-2:]) in (None, "ns")]
    if not found:
        return []
    starts = word_starts(question, guess=False)
    # (after its town the name may not start a word: jieba reads "石笋镇上箐村" as 镇上)
    return [m.group(0) for m in found if (m.start() in starts or question[m.start() - 1:m.start()] in "镇乡")
            and (word_frequency(m.group(1)) < RARE_NAME or (word_tag(m.group(1)) or "").startswith(_PLACE_TAGS))]


def _counties(question: str) -> list[str]:
    """Counties and districts jieba cuts apart ("乔|山县", "澜|湾区"): a name of two characters rare in general
    text (临川, 邹城: a place's own name) starting a word, then 县 or 区, its last character and level no
    common word either ("年|地区") unless the name is a word of its own ("枣林|区"). Common words before the level
    ("示范县", "贫困县") are kinds of county."""
    starts = word_starts(question)
    found = []
    for m in _COUNTY.finditer(question):
        name = m.group(1)
        own = word_frequency(name[:2])
        # its level joined to the name's last character as a common word ("枣|林区") is no objection when the name
        # is itself a rare word jieba knows (枣林) and the whole no word of its own (保税区, 棚户区 are kinds of area)
        if m.start() in starts and own < RARE_NAME \
                and (word_frequency(name[1:]) < RARE_NAME or (own > 0 and word_frequency(name) == 0)) \
                and not name.endswith(_NOT_PLACE_END) and not _FUNCTION_CHARS & set(name[:2]) \
                and name[0] not in _NEVER_FIRST + CN_NUMERAL:
            found.append(name)
    return found


# A place as an issuer names itself at the head of a title: a name and its level, places within places
# ("枫岭县人民政府关于…", "嵘州市澜湾区…", "中共杏坪镇委员会…", "澧县城头山镇召开…"); jieba cuts unknown names
# apart ("澜|湾区"), titles spell them whole.
_TITLE_PLACE = re.compile(rf"[{CJK}]{{1,3}}?[县区市镇乡](?![级域村直])")
_NOT_PLACE_END = ("城乡", "县乡", "市县", "区县", "县市", "城市", "城区", "新区", "园区", "社区", "景区", "市区", "小区",
                   "城镇", "乡镇", "全县", "全区", "全市", "全镇", "全乡")
_NEVER_FIRST = "由对在将把要向与和及请经按以为从自于并或其该本我全各每这那召关"  # a preposition, verb or pronoun


def title_places(title: str) -> list[str]:
    """Place names a (normalized) title opens with: the places an archive's documents come from."""
    places, pos = [], 4 if title.startswith("中国共产党") else 2 if title.startswith("中共") else 0
    while m := _TITLE_PLACE.match(title, pos):
        name = m.group(0)
        if name in _GENERIC_PLACES or name[0] in _NEVER_FIRST + CN_NUMERAL or name.endswith(_NOT_PLACE_END) \
                or common_level_word(name):  # "…县返乡入乡创业…"
            break
        places.append(name)
        pos = m.end()
    return places


# A meeting the question names by its formal name ("全区农村工作会议上", "经济工作会议"): the name runs up to
# 会议/大会/会 where what was said there follows.
_SAID_THERE = r"(?=上|讲|提|的|中|对|要求|强调|部署|说|精神|$)"  # what follows a meeting's name: what was said there
# (a ceremony or forum is an occasion as a meeting is: "在安全生产月启动仪式上说")
_MEETING = re.compile(rf"([{CJK}\d]{{2,16}}?)(?:会议|大会|会|仪式|典礼|论坛){_SAID_THERE}")
_MEETING_START = re.compile(r".*(?:在|的|于|上|，)")  # what comes before the name: the speaker, "在"
_MEETING_TIME = re.compile(rf"^.*?(?:\d+\s*年|\d+\s*月份?|[一二三四]季度|上半年|下半年|今年|去年|最近一次|上次|这次)")
_MEETING_LEVEL = re.compile(r"^(?:全[区县市镇乡]|[区县市镇乡])")
MEETING_TAIL = 2  # characters of a meeting's name, before 工作会议, that tell its kind ("农村" of "全区农村工作会议")


@lru_cache(maxsize=1024)  # read by fusion, the catalogue and answerability for one question: once
def _meeting_names(question: str) -> tuple[tuple[int, str, int], ...]:
    """(start, name, end) of each meeting the question names: the name after its speaker, time and level ("区委常委"
    of "2025年3月区委常委会上"), up to (not with) 会议/大会/会; `end` is past that."""
    found = []
    for m in _MEETING.finditer(question):
        name = _MEETING_LEVEL.sub("", _MEETING_TIME.sub("", _MEETING_START.sub("", m.group(1))).strip())
        found.append((m.end(1) - len(name), name, m.end()))
    return tuple(found)


def words_within(words, text: str, spans: list[tuple[int, int]]) -> frozenset[str]:
    """Those of `words` that stand inside one of the spans of `text` (the question's words naming its meeting or
    document: `meeting_spans`, `document_spans`)."""
    return frozenset(t for t in words if any(t in text[s:e] for s, e in spans))


def meeting_spans(question: str) -> list[tuple[int, int]]:
    """Where the question names a meeting ("2025年3月区委常委会上", "在老旧小区改造现场推进会上"): the name, after
    its speaker, time and level, up to 会议/大会/会."""
    return [(start, end) for start, _, end in _meeting_names(question)]


# What kind of meeting a question names by its form ("推进会", "调度会议", "座谈会", "动员大会"): the stem.
_MEETING_FORM = re.compile(rf"(推进|调度|座谈|部署|动员|现场|观摩|联席|务虚|培训|交流|协调|约谈|发布|通报|汇报|表彰|启动|誓师|"
                           rf"恳谈|推介|签约)(?:会议|大会|会){_SAID_THERE}")


def meeting_forms(question: str) -> tuple[str, ...]:
    """The form of each meeting the question names ("养老服务推进会上" → 推进): a report of that meeting says it
    ("推进会", "推进大会"), whatever words it names the meeting's topic in."""
    return tuple(dict.fromkeys(m.group(1) for m in _MEETING_FORM.finditer(question)))


def named_meetings(question: str) -> tuple[str, ...]:
    """The kind of each meeting the question names by a formal name ("X工作会议"), as the documents write it:
    the last characters before 工作 ("农村" of "全区农村工作会议"), after the speaker, time and level. Informal
    names ("开年大会", "调度会") are left out: reports call those meetings by other words."""
    out = []
    for _, name, _ in _meeting_names(SERIES.sub(" ", question)):
        if not name.endswith("工作"):
            # an informal name ("开年大会", "生态环保推进会", "重点项目调度会") is said in other words by the report
            # ("生态环境保护推进会", "重点项目建设第一次调度会")
            continue
        name = name[:-2][-MEETING_TAIL:]
        if len(name) >= 2 and not any(c.isdigit() for c in name):
            out.append(name)
    return tuple(dict.fromkeys(out))


# A document named by its kind's formal name: the article answering must be (or cite) one (bot/answerability.py).
DOCUMENT_FORMAL = re.compile(r"政府工作报告|实施方案|工作方案|管理办法|实施细则|若干措施|工作要点|任务分工")
# The kinds a document is named by ("…方案", "…办法"), and other texts a question may say something is in ("简报里").
DOCUMENT_KINDS = "方案|办法|细则|通知|清单|措施|规划|分工|要点"
_REPORT_KINDS = "简报|通报|纪要|讲话|意见"  # a report named by its kind, as its title names it
_SAYING_KINDS = f"{_REPORT_KINDS}|文件|报告"
# A document named by its kind, the answer said to be in it ("督察整改方案里…", "老旧小区改造方案里要干啥", "招商引资若干
# 措施对总部企业…", "防汛通知里说…"): a document of that kind, its title says so.
# ("农网分工文件里", "任务分工表里": the kind, then the word for a document or a table)
# (a report by its kind too: "双减简报里说…", "会议纪要中…", "讲话里提到…", "防汛会讲话，第三点…"; not "文件", "报告":
# every notice is a 文件)
DOCUMENT_NAMED = re.compile(rf"[{CJK}]{{2}}({DOCUMENT_KINDS}|{_REPORT_KINDS})(?:文件|表)?"
                            r"(?=里|中|内|上|对|规定|明确|提出|要求|说|的?第|[，,]第)")


def named_documents(question: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(DOCUMENT_NAMED.findall(question)))


# Where the name of a document named by its kind starts: after the words before it ("区住建局在…", "，", "对…的").
_BEFORE_NAME = re.compile(r".*(?:在|从|按|据|照|，|,|。|？|\?|\s)")


def document_spans(question: str) -> list[tuple[int, int]]:
    """Where the question names a document by its kind ("区住建局在2025年老旧小区改造方案里…" → "2025年老旧小区改造
    方案"): its name, from the words before it to the kind."""
    spans = []
    for m in DOCUMENT_NAMED.finditer(question):
        before = _BEFORE_NAME.match(question, 0, m.start())
        spans.append((before.end() if before else 0, m.end()))
    return spans


# Where a document, not a person, says something ("简报里讲的…", "方案里提到的…", "纪要中说…"): a name starting with a
# surname (简, 方, 纪, 文) may be a document's kind.
_DOCUMENT_WORD = re.compile(f"{DOCUMENT_KINDS}|{_SAYING_KINDS}")


def named_people(question: str) -> tuple[str, ...]:
    names = [m.group("name") for m in TITLED_NAME.finditer(question)]
    for opening in (OPENING_NAME, NAME_BEFORE_POST):
        # (a name ends where a word starts: "全县现在…" names no one "全县现" before 在, which is 现在's)
        if (m := opening.search(question)) and m.end("name") in word_starts(question, guess=False):
            names.append(m.group("name"))
    # (a word of place opening the question is no name: "田里埋在地下的工程", "村里在…")
    return tuple(dict.fromkeys(n for n in names if plausible_name(n) and not _DOCUMENT_WORD.match(n)
                               and word_tag(n[:2]) not in ("s", "f")))


def parse_intent(question: str) -> Intent:
    """Find an ordinal ("第三个聚力"), a request for a whole list ("八个聚力分别是什么", "X强调了什么"),
    and the question's meeting, time, and what kind of fact it asks for."""
    series_m = SERIES.search(question)
    series = cn_to_int(series_m.group("n")) if series_m else None
    # The series number is not a point number: read ordinals with it taken out.
    scan = SERIES.sub(lambda m: " " * len(m.group(0)), question)
    amount = _asks_amount(question) or _LENGTHS_COUNTED.search(question) is not None
    common = dict(
        series=series,
        time=parse_time(question),
        asks_many=bool(ASKS_FOR_MANY.search(question)),
        asks_amount=amount,
        asks_figure=amount or _THINGS_COUNTED.search(question) is not None,
        asks_fact=bool(FACT_ASK.search(question)) and not REQUIREMENT_ASK.search(question),
        asks_when=bool(WHEN_ASK.search(question)),
        names=named_people(question),
        places=named_places(question),
        documents=named_documents(question),
    )
    path = read_path(scan)
    if path and _POINT_ITSELF.fullmatch(question, path.end) and not common["asks_when"]:
        common["asks_fact"] = bool(FACT_ASK.search(question, 0, path.start))
    if path:
        rest = (question[: path.start] + question[path.end:]).strip()
        return Intent("ordinal", ordinal=path.steps[-1].n, path=path.steps, rest=rest, **common)
    # ("几点能接走" asks an hour, "线路有几条" a figure)
    which = LIST_ASK.search(_LENGTHS_COUNTED.sub(" ", CLOCK_ASK.sub(" ", scan)))
    if which or SPEECH_ASK.search(scan):
        c = COUNT.search(scan)
        count = cn_to_int(c.group("n")) if c and c.group("n") != "几" else None
        if count is None and which and which.group("asked") not in (None, "几"):
            count = cn_to_int(which.group("asked"))  # "哪五道关"
        if count is None and which and which.group("named"):
            count = cn_to_int(which.group("named"))  # "当好哪“三员”": a name counting its points
        rest = HEDGE.sub(" ", COUNT.sub(" ", question))
        return Intent("list", count=count, rest=rest, items=bool(which), articles=bool(ARTICLES_ASKED.search(scan)),
                      **common)
    return Intent("plain", rest=question, **common)
