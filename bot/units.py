"""Unit names: the bureaus, offices and towns a directive names, recognised by their shape.

A unit name is a government prefix (县/区/市/镇/乡…, a place ending in 镇/区/街道…, or 各/有关/相关) and a name
ending in what an organisation's name ends in (局, 委, 办, 办公室, 中心, 公司, 政府, 街道, 管委会, …), as in
"县住房和城乡建设局", "城关镇人民政府", "各村（社区）". Names are kept as written. Documents also say which short name
stands for which full one ("县住房和城乡建设局（以下简称县住建局）"); `learn_aliases` reads that, so the ledger can
match a unit by either name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from bot.textutil import CJK, CN_ORDINALS


# The labels under which a plan names a task's units and its time limit ("牵头单位：县住建局　完成时限：6月底前").
LEAD_LABELS = ("牵头单位", "牵头部门", "主责单位", "主办单位", "责任单位", "责任部门")
PARTNER_LABELS = ("配合单位", "配合部门", "协办单位", "协同单位", "参与单位")
TIME_LABELS = ("完成时限", "完成时间", "时限", "截止时间", "办结时限")
# Short labels ("。牵头：镇财政所；配合：镇农业服务中心") stand for 牵头单位/配合单位 where no word runs into them.
SHORT_LABELS = {"牵头": "牵头单位", "配合": "配合单位"}
TASK_FIELD = re.compile(r"(?P<label>%s|(?<![%s])(?:%s))\s*[：:]" % ("|".join(LEAD_LABELS + PARTNER_LABELS + TIME_LABELS),
                                                                   CJK, "|".join(SHORT_LABELS)))

# What an organisation's name ends in, longest first (so "分局" wins over "局" where both would end a match).
SUFFIXES = (
    "人民政府", "指挥部", "管委会", "办事处", "办公室", "委员会", "分公司", "服务中心", "成员单位",
    "开发区", "高新区", "示范区", "新区", "园区", "专班", "小组",
    "政府", "公司", "中心", "分局", "街道", "社区", "乡镇", "部门", "单位", "集团",
    "学校", "中专", "中学", "小学", "幼儿园", "职校", "技校",  # a school leads a task too ("县职业中专要会同…")
    "银行", "支行", "分行", "农商行",  # so does a bank ("县农商银行": a credit product; "人民银行县支行")
    "局", "委", "办", "室", "队", "所", "院", "社", "联", "会", "站", "处", "厅", "部", "村", "镇", "乡", "股",
    "科", "馆",
)
# Where a unit's name starts: a level of government, or a collective (各乡镇, 有关单位, 相关乡镇人民政府).
LEVELS = "省市州盟县区旗镇乡"
COLLECTIVE = ("各", "有关", "相关")
# Bodies named by their line of work before the place: "公安桦港分局", "国家税务总局松溪县税务局".
SECTORS = ("公安", "国家税务总局")
# A place's own name then its level ("城关镇人民政府", "澜湾高新区管委会"): the level sits within the first characters.
PLACE_LEVEL = re.compile(r"^[%s]{1,5}?(?:镇|乡|区|县|市|街道|园区)" % CJK)
# A zone named in full after its place ("埭湖经济开发区管委会", "松溪高新技术产业开发区"): longer than a level.
ZONE_LEVEL = re.compile(r"^([%s]{1,4}?)(?:经济技术开发区|经济开发区|高新技术产业开发区|工业园区|产业园区|产业集聚区)" % CJK)
# What before 镇 or 乡 makes a common word of them ("城镇", "城乡", "下乡", "返乡", "入乡"), not a town's name.
WORD_BEFORE_TOWN = "城村集下返回入家故老各全本该乡"


def common_level_word(name: str) -> bool:
    """A level after a character that makes a word of it ("城乡", "下乡"): no place, however a name ends."""
    return len(name) == 2 and name[0] in WORD_BEFORE_TOWN and name[1] in "镇乡"


# What a place's own name never holds: words that tie a clause together ("所需经费由区…" is no place "所需经费由区").
_NOT_IN_PLACE = set("由对在将把要向的是为从于经按以给")
# What a unit's name never holds: a meeting ("区政府第三十一次常务会议给区消防救援大队" is a meeting, then a unit), a
# document ("整县推进方案里县农业农村局" is a plan, then a unit; "任务分工表里农业农村局" a table, then a unit).
_NEVER_INSIDE = re.compile(rf"会议|会上|第[{CN_ORDINALS}百\d]+[次届期部]|给|让|方案|细则|要点|讲话|通知"
                           r"|表[里中内上]|分工表|清单|台账")
# A point's number in brackets ("第（二）部分", "（三）县农业局") is never inside a unit's name.
_NUMBERED = re.compile(rf"[（(][{CN_ORDINALS}\d]+[）)]")
# A street office's own sections, named in its documents after the bare level ("街道城建办", "街道平安办").
_OWN_LEVELS = ("街道", "社区")
# A hotline's number inside a unit's name ("区12345热线服务中心", "县120急救指挥中心").
_HOTLINE = r"\d{3,5}(?=热线|急救|指挥|便民|服务)"
# Words that follow a unit and are never inside one: what it must do, with whom, by when.
STOP_WORDS = ("要", "会同", "牵头", "负责", "配合", "协助", "对", "在", "于", "将", "把", "向", "的", "是", "已",
              "等", "也", "都", "还", "就", "须", "按", "联合", "承担", "抓", "做", "加强", "委托",
              "局长", "主任", "书记", "县长", "区长", "市长", "镇长", "乡长", "副", "负责人", "同志")
# ends like a unit's name, names a thing, an event or people ("区直干部"), or is no name ("内部")
NOT_UNITS = ("网站", "平台", "会议", "大会", "全会", "例会", "干部", "全部", "内部", "外部", "局部", "学科", "本科", "专科")
NEVER_FIRST = "由对在将把要向与和及请经按以为从自于并或其该本我给"  # what no unit's name starts with
ZONES = ("开发区", "高新区", "园区", "新区")  # "各镇和开发区": the zone of the place, named bare
TIME_WORDS = ("今年", "明年", "去年", "当前", "目前", "同时", "此外", "其中", "近年", "年内", "今后")  # "今年开发区要…"
# A unit's partner named after the verb saying so ("会同县住建局"): no unit's name starts with it.
_WITH_WHOM = ("会同", "协同", "配合", "协助", "联合")
JOINERS = "和及与"  # "县民政局和县财政局": two units, unless the name itself holds the word (县住房和城乡建设局)
MAX_NAME = 20
_LAST_CHARS = {suffix[-1] for suffix in SUFFIXES} | {"）", ")"}
_PAREN = re.compile(r"[（(][%s]{1,4}[）)]" % CJK)  # "各村（社区）"
_ALIAS = re.compile(r"([%s（）()]{3,30}?)[（(](?:以下)?简称[“\"「]?([%s]{2,12}?)[”\"」]?[）)]" % (CJK, CJK))


def looks_like_unit(name: str, in_field: bool = False) -> bool:
    """Whether `name` has the shape of a unit's name (a government prefix and an organisation's ending); listed
    in a 牵头单位/责任单位 field, the ending is enough ("税务局")."""
    if _NUMBERED.search(name):
        return False
    core = _PAREN.sub("", name)
    if len(core) < 2 or len(core) > MAX_NAME or not re.fullmatch(f"[{CJK}](?:[{CJK}]|{_HOTLINE})*", core):
        return False
    if not core.endswith(SUFFIXES) or core in SUFFIXES or core.endswith(NOT_UNITS):
        return False
    if core.startswith(_WITH_WHOM):  # "牵头，会同县住建局…": the partner follows, no place "会同县"
        return False
    if (core.startswith("全") and not in_field) or core[0] in NEVER_FIRST or core.startswith(TIME_WORDS):  # "全县各单位" is everyone; "由县…" is a clause
        return False
    if _NEVER_INSIDE.search(core):
        return False
    place = PLACE_LEVEL.match(core)
    zone = ZONE_LEVEL.match(core)
    return in_field or core[0] in LEVELS or core.startswith(COLLECTIVE + SECTORS) \
        or (core.startswith(_OWN_LEVELS) and len(core) > 2) \
        or bool(place and not _NOT_IN_PLACE & set(place.group(0)[:-1]) and not common_level_word(place.group(0))) \
        or bool(zone and not _NOT_IN_PLACE & set(zone.group(1)))


# The units of a plan named by their part in it ("各牵头单位要制定…", "各配合单位"): 牵头/配合 is no stop there.
_BY_PART = re.compile(r"(?:各|有关|相关)(?:牵头|配合|协办|责任)(?:单位|部门)")


def without_place(name: str) -> str:
    """A unit's name without the place it belongs to ("杏坪镇妇联" → "妇联", "县住房和城乡建设局" → "住房和城乡建设局"):
    a level alone at its head is the county's own (not "县住房和城乡", a place read into the name); the name
    itself when nothing of two characters would be left."""
    if name[:1] in LEVELS:
        return name[1:] if len(name) >= 3 else name
    m = PLACE_LEVEL.match(name) or ZONE_LEVEL.match(name)
    return name[m.end():] if m and len(name) - m.end() >= 2 else name


def abbreviates_unit(short: str, full: str) -> bool:
    """`short` is how people shorten `full` (without its place): its first and last characters and, in order,
    some of the rest — 应急局 of 县应急管理局, 住建局 of 住房和城乡建设局, 人社局 of 县人力资源和社会保障局."""
    core = without_place(full)
    if len(short) < 3 or short[0] != core[0] or short[-1] != core[-1]:
        return False
    rest = iter(core[1:-1])
    return all(ch in rest for ch in short[1:-1])


def unit_at(text: str, pos: int) -> str | None:
    """The longest unit name starting at `pos`, or None."""
    if by_part := _BY_PART.match(text, pos):
        return by_part.group(0)
    run = _name_run().match(text, pos, min(len(text), pos + MAX_NAME + 6))
    if not run:
        return None
    name = run.group(0)
    for e in range(len(name), 1, -1):
        if name[e - 1] in _LAST_CHARS and looks_like_unit(name[:e]) and not _UNIT_THEN_VERB.search(name, 0, e):
            return name[:e]
    return None


# A unit's name ending, then what it does: two words, not one name ("县自然资源局组织技术单位逐点勘查").
# (not 组织部, 统筹办, 协调办…: bodies named for what they do)
_UNIT_THEN_VERB = re.compile(r"(?:局|委|办|院|所|队|站|中心|公司)(?:组织|统筹|指导|督促|协调|开展|落实|制定|建立|实施|推进|"
                             r"委托|负责|牵头|会同)(?![部办处科组室股])")


@lru_cache(maxsize=1)
def _name_run() -> re.Pattern:
    """Characters a name can be made of, up to a word that follows a unit (its first character is never one)."""
    stops = "|".join(sorted(STOP_WORDS, key=len, reverse=True))
    return re.compile(rf"[{CJK}](?:(?!{stops})(?:[{CJK}]|[（(][{CJK}]{{1,4}}[）)]|{_HOTLINE}))*")


def units_at(text: str, pos: int) -> tuple[list[str], int]:
    """Units joined by 、 (or 和/及/与) starting at `pos`: (names, end of the last one)."""
    names: list[str] = []
    while True:
        name = unit_at(text, pos)
        if name is None:
            break
        names += split_joined(name)
        pos += len(name)
        if pos < len(text) and text[pos] in "、" + JOINERS and unit_at(text, pos + 1):
            pos += 1
            continue
        break
    return names, pos


def split_joined(name: str) -> list[str]:
    """"县民政局和县财政局" → both; "县住房和城乡建设局" stays one name (its first half is no unit)."""
    for i, ch in enumerate(name):
        right = name[i + 1:]
        if ch in JOINERS and looks_like_unit(name[:i]) and (looks_like_unit(right) or right in ZONES):
            return [name[:i]] + split_joined(name[i + 1:])
    return [name]


def clean_unit(item: str) -> str | None:
    """A unit as a form field lists it ("县水利局按行业分工负责" → "县水利局"); None when the item is not one."""
    item = re.sub(r"[（(](?:牵头|配合|协办)[）)]", "", item).strip(" \u3000")  # "县发改委（牵头）"
    if item.startswith(("（", "(")) and not item.endswith(("）", ")")):
        item = item[1:]
    if item.endswith(("）", ")")) and not re.search(r"[（(][^）)]*[）)]$", item):
        item = item[:-1]
    item = re.sub(r"(?:按|根据|依据).{0,12}负责$|(?:分别|共同)?负责$|等$", "", item)
    if looks_like_unit(item, in_field=True):
        return item
    name = unit_at(item, 0)
    return name if name and len(name) >= len(item) - 1 else None


def learn_aliases(text: str) -> dict[str, str]:
    """Short names a document declares for units: {"县住建局": "县住房和城乡建设局"}."""
    aliases: dict[str, str] = {}
    for m in _ALIAS.finditer(text):
        full, short = m.group(1), m.group(2)
        # the full name is the unit ending right before the parenthesis: the longest unit-shaped tail
        for i in range(len(full)):
            if looks_like_unit(full[i:]):
                aliases[short] = full[i:]
                break
    return aliases


# Every one of a kind of body, as people say it ("每个乡镇", "每一个村"): documents write the collective (各乡镇, 各村).
_EACH = re.compile(r"每一?个?(?=[%s])" % CJK)


def as_written(name: str) -> set[str]:
    """The name, and the collective documents write for "every one" of a kind of body ("每个乡镇" → "各乡镇")."""
    each = _EACH.match(name)
    return {name, "各" + name[each.end():]} if each else {name}


def unit_forms(name: str, aliases: dict[str, str] | None = None) -> set[str]:
    """Every form a unit goes by: as written, its full and short names, and without its level ("住建局"); a
    collective said with 每 as documents write it (`as_written`)."""
    aliases = aliases or {}
    forms = as_written(name)
    forms |= {full for short, full in aliases.items() if short == name}
    forms |= {short for short, full in aliases.items() if full == name}
    for f in list(forms):
        if len(f) > 3 and f[0] in LEVELS and not f[1:].startswith(("委", "政府")):
            forms.add(f[1:])
    return forms


def same_unit(a: str, b: str, aliases: dict[str, str] | None = None) -> bool:
    """住建局 = 县住建局 = 县住房和城乡建设局 (when the documents declare that short name)."""
    return bool(unit_forms(a, aliases) & unit_forms(b, aliases))
