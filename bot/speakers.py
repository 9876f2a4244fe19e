"""Speakers: who says what in a bulletin — names, the clauses where they speak, the meeting's chair.

Chinese bulletins introduce officials by post ("区委书记周永年出席并讲话", "副县长郑凯通报") and then quote
them by name ("周永年强调，…", "他说，…"). jieba's name tagging misses or cuts many names (范志勇, 许建平,
欧阳敏 come out as other words), so names are first read from the post that precedes them, then from jieba.
A directive list belongs to the person who speaks in the clause that introduces it; "会议强调/会议要求"
belongs to the person who chaired or addressed the meeting (often named only in the headline).
All functions work on simplified text.
"""

from __future__ import annotations

import bisect
import re

import bot.textutil  # noqa: F401  (quiets jieba before first use)

# Posts that stand right before a person's name in Chinese official news.
POSTS = ("书记|副书记|区长|副区长|县长|副县长|市长|副市长|镇长|副镇长|乡长|副乡长|主任|副主任|局长|副局长|"
         "主席|副主席|部长|副部长|常委|组长|副组长|指挥长|总指挥|秘书长|院长|校长|厅长|省长|州长|旗长|队长|"
         "站长|所长|专员|董事长|总经理|经理|委员|政委|检察长|庭长|社长|会长|党组成员")
# What follows a name in such text: a verb of presence or speech, a preposition, or punctuation.
_AFTER_NAME = ("出席|主持|作|做|在|参加|讲|强调|指出|要求|表示|提出|说|同志|代|就|对|向|带队|调研|率|宣读|"
               "传达|通报|等|和|与|及|指示|批示|部署|希望|介绍|汇报|致辞|[，、。；（(：:\\s]")
_NAME_AFTER_POST = re.compile(rf"(?:{POSTS})(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?={_AFTER_NAME})")
SPEECH_VERBS = "指出|强调|要求|表示|提出|说|讲话|指示|批示|部署|希望|讲了|谈到|作出|提了|安排|布置|意见"
_SPEECH_VERB = re.compile(SPEECH_VERBS)
_PRESENCE_VERB = re.compile("主持|出席|调研|召开|带队|率队|参加|宣读|传达")
_CLAUSE = re.compile(r"[^，。,；;！？!?\n：:]+")
_MEETING_SUBJECT = re.compile(r"^(?:会议|会上|大会|会议还|会议最后|会议同时)")
_PRONOUN = re.compile(r"^(?:他|她)")
# The chair or main speaker, as a headline or a lead paragraph names them.
_CHAIR_IN_TITLE = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,4}?)(?:主持召开|主持|出席|调研|召开|在|带队|率队|督导|检查)")
_ADDRESS = re.compile(r"(?P<name>[\u4e00-\u9fff]{2,4}?)(?:出席会议并讲话|出席并讲话|主持会议并讲话|主持并讲话|作讲话|讲话|主持召开|主持会议)")


# Common Chinese surnames (single and compound): a candidate name must start with one, so "的讲话" or
# "主持召开" read after a post are never taken for a person.
_SURNAMES = set(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
    "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安"
    "齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛"
    "靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧"
    "闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚"
    "皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦"
    "戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信"
    "展阴昝智幸奉植衡富尧闭由")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙", "宇文",
                      "夏侯", "轩辕", "端木", "西门", "南宫", "独孤", "司徒", "申屠", "澹台", "钟离")


def plausible_name(word: str) -> bool:
    """A 2–4 character word that can be a person's name: it starts with a surname, holds no speech verb."""
    if not 2 <= len(word) <= 4 or _SPEECH_VERB.search(word) or _PRESENCE_VERB.search(word):
        return False
    return word[0] in _SURNAMES or word.startswith(_COMPOUND_SURNAMES)


def known_names(text: str) -> list[str]:
    """Names introduced by their post, plus 2–4 character names jieba tags as persons who speak."""
    import jieba.posseg  # its tables take a second to load; answering questions never needs them

    names: dict[str, None] = {}
    for m in _NAME_AFTER_POST.finditer(text):
        if plausible_name(m.group("name")):
            names.setdefault(m.group("name"))
    for clause in _CLAUSE.findall(text):
        if not (_SPEECH_VERB.search(clause) or _PRESENCE_VERB.search(clause[:12])):
            continue
        for pair in jieba.posseg.cut(clause[:12]):
            if pair.flag == "nr" and plausible_name(pair.word):
                full = next((n for n in names if n.startswith(pair.word)), pair.word)
                names.setdefault(full)
            break  # only the clause's subject
    return list(names)


_LEADING_POSTS = re.compile(rf"^(?:[（(]?[一二三四五六七八九十\d]{{1,3}}[）)、.．]\s*)?"
                            rf"(?:[\u4e00-\u9fff]{{0,10}}?(?:{POSTS})[、，,]?)*")


def _name_at(clause: str, names: list[str]) -> str | None:
    """The name a clause opens with (its subject), looking past posts ("区委书记骆子墨讲了…")."""
    posts = _LEADING_POSTS.match(clause)  # a list marker and posts before the name: "1、市委书记聂长河讲话…"
    for start in ([0, posts.end()] if posts and posts.end() else [0]):
        for name in sorted(names, key=len, reverse=True):
            if clause.startswith(name, start):
                return name
    return None


def speech_marks(text: str, names: list[str]) -> list[tuple[int, str]]:
    """(offset, who) for every clause whose subject speaks: a named person, "他/她" (the last person named),
    or "会议" (recorded as "" — the meeting itself, resolved to its chair by the caller)."""
    marks: list[tuple[int, str]] = []
    last_person = None
    for m in _CLAUSE.finditer(text):
        clause = m.group().lstrip()
        offset = m.end() - len(clause)
        name = _name_at(clause, names)
        if name is None:
            # a name mentioned later in the clause ("会上，许建平传达了…") still makes the next 他 refer to them
            inside = [n for n in names if n in clause]
            if inside:
                last_person = max(inside, key=lambda n: clause.rfind(n))
        speaks = bool(_SPEECH_VERB.search(clause[:24]))
        if name:
            last_person = name
            if speaks:
                marks.append((offset, name))
        elif speaks and _PRONOUN.match(clause) and last_person:
            marks.append((offset, last_person))
        elif speaks and _MEETING_SUBJECT.match(clause):
            marks.append((offset, ""))
    return marks


def meeting_chair(title: str, lead: str, names: list[str]) -> str | None:
    """The person a headline or lead paragraph says chaired or addressed the meeting."""
    m = _CHAIR_IN_TITLE.match(title)
    if m:  # only a person the text knows: "东湖区召开…" names a place, not a chair
        full = next((n for n in names if n == m.group("name") or n.startswith(m.group("name"))), None)
        if full:
            return full
    for m in _ADDRESS.finditer(lead):
        for name in sorted(names, key=len, reverse=True):
            if m.group("name").endswith(name) or m.group(0).startswith(name):
                return name
    return None


def speaker_before(marks: list[tuple[int, str]], pos: int, chair: str | None, floor: int = 0) -> str | None:
    """Who speaks at `pos`: the last speech mark before it (not before `floor`); the meeting means its chair.

    `marks` are in text order (as `speech_marks` returns them)."""
    i = bisect.bisect_right(marks, (pos, "\uffff")) - 1
    if i < 0 or marks[i][0] < floor:
        return None
    return marks[i][1] or chair


# A turn of a transcript (新闻发布会, 答记者问): "高志红：…", "答：…", "记者：…" open a paragraph.
_TURN = re.compile(r"^\s*(?P<who>[\u4e00-\u9fff]{1,10}?)\s*[：:]")
_QUESTION_TURN = re.compile(r"^(?:问|记者|[\u4e00-\u9fff]{0,10}记者|主持人)$")
# What the person who delivers a document does in its lead: gives the report or speech, answers questions.
_DELIVERS = re.compile(r"作[^，。；]{0,12}(?:报告|讲话)|发表[^，。；]{0,8}讲话|致辞|回答[^，。；]{0,6}提问|答记者问|接受[^，。；]{0,10}采访"
                       r"|解读")


def voice_of(lead: str, names: list[str]) -> str | None:
    """The one person a lead says delivers the document: "县长王立群代表县人民政府作政府工作报告",
    "区工信局局长韦明亮就《办法》有关内容回答了记者提问". None when no one, or several, do."""
    for sentence in re.split(r"[。！？!?]", lead):
        if not _DELIVERS.search(sentence):
            continue
        named = {n for n in names if n in sentence}
        named = {n for n in named if not any(n != m and n in m for m in named)}  # the longest form only
        return named.pop() if len(named) == 1 else None
    return None


def turn_marks(text: str, names: list[str], answerer: str | None) -> list[tuple[int, str | None]]:
    """(offset, who) for every paragraph that opens a turn of a transcript: a named person ("高志红：…"), the
    answerer ("答：…", when the lead names one), or a question (None: "记者：…", "问：…"). In text order."""
    marks: list[tuple[int, str | None]] = []
    pos = 0
    for para in text.split("\n"):
        m = _TURN.match(para)
        if m:
            who = m.group("who")
            name = next((n for n in sorted(names, key=len, reverse=True) if who.startswith(n)), None)
            if name:
                marks.append((pos, name))
            elif who == "答":
                marks.append((pos, answerer))
            elif _QUESTION_TURN.match(who):
                marks.append((pos, None))
        pos += len(para) + 1
    return marks
