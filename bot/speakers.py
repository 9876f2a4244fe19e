"""Speakers: who says what in a bulletin — names, the clauses where they speak, the meeting's chair.

Chinese bulletins introduce officials by post ("区委书记周永年出席并讲话", "副县长郑凯通报") and then quote
them by name ("周永年强调，…", "他说，…"). jieba's name tagging misses or cuts many names (范志勇, 许建平,
欧阳敏 come out as other words), so names are first read from the post that precedes them, then from jieba.
A directive list belongs to the person who speaks in the clause that introduces it; "会议强调/会议要求"
belongs to the person who chaired or addressed the meeting (often named only in the headline). In a
transcript (press conference, 答记者问) each answer belongs to its answerer, the line's "姓名：" or "答：", and
a reporter's question to no official. A place (杏坪镇), a role (申请人) or a name with the next word glued
on (王强昨日) is not a person. All functions work on simplified text.
"""

from __future__ import annotations

import bisect
import re

import bot.textutil  # noqa: F401  (quiets jieba before first use)

from bot.units import LEVELS, MAX_NAME, SECTORS, unit_at
from bot.textutil import CJK, CN_ORDINALS, FULL_STOPS

# Posts that stand right before a person's name in Chinese official news.
# What a question says someone named did next ("陶春林在…", "杨国庆副县长讲…", "王县长的…"): the words a name
# (or a name and its post) is followed by in a question, read alike wherever a question's person is looked for.
DID_NEXT = "在|讲|提|强调|说|指出|要求|部署|带队|主持|的|出席|作|就|对"
POSTS = ("书记|副书记|区长|副区长|县长|副县长|市长|副市长|镇长|副镇长|乡长|副乡长|主任|副主任|局长|副局长|"
         "主席|副主席|部长|副部长|常委|组长|副组长|指挥长|总指挥|秘书长|院长|校长|厅长|省长|州长|旗长|队长|"
         "站长|所长|专员|董事长|总经理|经理|委员|政委|检察长|庭长|社长|会长|理事长|党组成员")
# What follows a name in such text: a verb of presence or speech, a preposition, or punctuation.
# Time words ("昨日", "近日", "上午") too, so a two-character name never takes the next character ("王强昨").
_AFTER_NAME = ("出席|主持|作|做|在|参加|讲|强调|指出|要求|表示|提出|说|同志|代|就|对|向|带队|调研|率|宣读|"
               "传达|通报|等|和|与|及|指示|批示|部署|希望|介绍|汇报|致辞|回答|接受|应邀|"
               "检查|察看|查看|视察|督导|看望|慰问|走访|深入|来到|冒雨|先后|到|赴|要|牵头|负责|"
               "宣布|揭牌|剪彩|颁发|"  # (a ceremony's: "副县长葛文澜宣布消费季启动")
               "昨日|昨天|今日|今天|明日|明天|近日|日前|前不久|上午|下午|晚上|一行|[，、。；（(：:\\s]")
# A list of who presents ("发布人：区财政局副局长 汪振宇；…") may set the name apart from the post with a space.
_NAME = rf"[{CJK}]{{2,4}}?(?={_AFTER_NAME}|$)"
_NAME_AFTER_POST = re.compile(rf"(?:{POSTS})[ \u3000]?(?P<name>{_NAME})")
_NAME_HERE = re.compile(_NAME)  # the name right after a post, read from where it starts
# A two-character name set with a space inside to fill the width of a three-character one ("县财政局副局长　戴　静" in a
# list of who presents): the name is the two characters.
_SPACED_NAME = re.compile(rf"([{CJK}])[ \u3000]{{1,2}}([{CJK}])(?=[ \u3000]*(?:$|[；;，,、。\n]))", re.M)
# A name then its post on a line of a record's list of who presents ("发布人：鲁振宇　县消防救援大队大队长",
# "　　　　丁　宏　县住建局副局长").
_NAME_THEN_POST = re.compile(rf"^[ \u3000]*(?:[{CJK}]{{2,3}}[：:][ \u3000]*)?(?P<name>[{CJK}]{{2,4}}?|[{CJK}][ \u3000][{CJK}])"
                             rf"[ \u3000]+[^\s，。；;]{{0,24}}?(?:{POSTS})[ \u3000]*$", re.M)
_SPACED_AFTER_POST = re.compile(rf"(?:{POSTS})[ \u3000]+(?={_SPACED_NAME.pattern})", re.M)


def _spaced_name(text: str, start: int) -> str | None:
    """The two-character name set apart at `start` ("戴　静"), or None."""
    m = _SPACED_NAME.match(text, start)
    return m.group(1) + m.group(2) if m and person_name(m.group(1) + m.group(2)) else None


SPEECH_VERBS = "指出|强调|要求|表示|提出|说|讲话|介绍|通报|指示|批示|部署|希望|讲了|谈到|作出|提了|安排|布置|意见"
_SPEECH_VERB = re.compile(SPEECH_VERBS)
_PRESENCE_VERB = re.compile("主持|出席|调研|召开|带队|率队|参加|宣读|传达|检查|察看|视察|督导|看望|慰问|走访")
_CLAUSE = re.compile(r"[^，。,；;！？!?\n：:]+")
_MEETING_SUBJECT = re.compile(r"^(?:会议|会上|大会|会议还|会议最后|会议同时)")
_PRONOUN = re.compile(r"^(?:他|她)")
_POINTS_GIVEN = re.compile(rf"提[出了]?[{CN_ORDINALS}两几\d]+[点条项个](?:方面)?(?:要求|希望|意见|建议)")
# The chair or main speaker, as a headline or a lead paragraph names them.
_CHAIR_IN_TITLE = re.compile(rf"^(?P<name>[{CJK}]{{2,4}}?)(?:主持召开|主持|出席|调研|召开|在|带队|率队|督导|检查)")
_ADDRESS = re.compile(rf"(?P<name>[{CJK}]{{2,4}}?)(?:出席会议并讲话|出席并讲话|主持会议并讲话|主持并讲话|作讲话|讲话|主持召开|主持会议"
                      r"|(?:代表[^，。；]{2,12}?)?作[^，。；]{0,10}?报告)")
# Who answers the questions of a 答记者问 ("局长韦明亮就《办法》有关内容回答了记者提问").
_ANSWERS = re.compile(r"回答|答记者问|答问|接受[^，。；]{0,10}采访")
# A turn of a transcript: a label at a line's start, then a colon ("高志红：", "记者：", "问：", "答：").
# The label may carry the speaker in brackets ("主持人（区委宣传部副部长田慧）：") and a bullet before it ("▲").
# A post may stand before the name with a space between ("副区长 刘海燕：", "区商务局局长　许晨：").
_TURN = re.compile(r"^[ \u3000▲△■□●◆◇★☆►▶>＞]*(?:【[^】\n]{1,6}】[ \u3000]*)?(?P<label>[^\s，。,；;：:！？!?“”\"《》（）()]{1,16}?"
                   r"(?:[ \u3000]+[^\s，。,；;：:！？!?“”\"《》（）()]{2,4}?)?)[ \u3000]*"
                   r"(?:[（(](?P<inner>[^（）()\n]{2,30})[）)])?[ \u3000]*[：:]", re.M)
_ASKER = re.compile(r"^(?:问|提问|记者|主持人问)$|记者$")
_ANSWER = re.compile(r"^答$")
_HOST = re.compile(r"^(?:主持人|主持)$")
# Words ending in a place's, an office's or a role's suffix are not people ("杏坪镇", "高新区", "申请人").
_PLACE_END = "省市县区镇乡村街局委办处所站园人者员"
_POST_WORD = re.compile(rf"(?:{POSTS})$")
# The mark of a reporter's question: nobody among the officials says it.
ASKED = "\x00"


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
    "展阴昝智幸奉植衡富尧闭由阎鄂荀钮郦傅洪赖")
_COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "尉迟", "公孙", "长孙", "宇文",
                      "夏侯", "轩辕", "端木", "西门", "南宫", "独孤", "司徒", "申屠", "澹台", "钟离")


# A post as a pattern, the longer first at each position ("副县长" before "县长").
_POST = re.compile(rf"(?:{POSTS})")
# A post's rank word, what an address names ("陈县长" of 副县长 陈明, "马书记" of 区委副书记 马林).
_DEPUTY = re.compile(r"^(?:常务)?副")


def post_title(post: str) -> str:
    """The post word a post ends in, without the unit written before it ("区市场监管局副局长" → "副局长")."""
    return next((post[i:] for i in range(len(post)) if _POST.fullmatch(post, i)), post)


def base_post(post: str) -> str:
    """The post without its deputy mark: what officials address a deputy by ("副县长" → "县长")."""
    return _DEPUTY.sub("", post)


def posts_named(text: str, names: frozenset[str] | set[str]) -> dict[str, set[str]]:
    """The posts the (simplified) text gives people, in one pass over its posts: each of `names` (its speakers)
    with a post written before the name ("副县长陈明", "县水利局局长 陈华"), right after it ("马林书记") or in brackets
    after it ("陈华（县水利局局长）"), the longest of `names` standing there; and anyone else a post introduces as
    `known_names` reads a name ("县供销社主任马骏要…"), speaker or not — whom officials may mean by "马主任"."""
    found: dict[str, set[str]] = {}
    lengths = sorted({len(n) for n in names}, reverse=True)

    def named_at(start: int) -> str | None:
        known = next((text[start:start + k] for k in lengths if text[start:start + k] in names), None)
        if known:
            return known
        if spaced := _spaced_name(text, start):
            return spaced
        m = _NAME_HERE.match(text, start)
        return m.group(0) if m and person_name(m.group(0)) else None

    def named_before(end: int) -> str | None:
        return next((text[end - k:end] for k in lengths if end - k >= 0 and text[end - k:end] in names), None)

    for m in _POST.finditer(text):
        post, start, end = m.group(0), m.start(), m.end()
        if not _GOVERNMENT_HEAD.search(post):
            post = _with_unit(text, start, post)
        after = end + 1 if text[end:end + 1] in (" ", "\u3000") else end
        name = named_at(after) or named_before(start)
        if name is None and text[end:end + 1] in ("）", ")"):
            opening = max(text.rfind("（", max(0, start - 24), start), text.rfind("(", max(0, start - 24), start))
            name = named_before(opening) if opening > 0 else None
        if name:
            found.setdefault(name, set()).add(post)
    return found


# The head of a government, whose post names its level alone ("副区长", "县长"): no unit stands before it.
_GOVERNMENT_HEAD = re.compile(r"[省市州盟县区旗镇乡]长$")


def _with_unit(text: str, start: int, post: str) -> str:
    """A post with the unit written right before it ("区市场监管局局长"): whose head the person is. The longest
    such unit that opens with its level or line of work ("区…", "县…", "公安…"), so the words before it ("出席的有")
    are never read into it."""
    for size in range(min(MAX_NAME, start), 2, -1):
        name = text[start - size:start]
        if name.startswith(tuple(LEVELS) + SECTORS) and unit_at(text, start - size) == name:
            return name + post
    return post


def is_surname(text: str) -> bool:
    """Whether `text` is a common Chinese surname ("王", "欧阳")."""
    return text in _SURNAMES or text in _COMPOUND_SURNAMES


def plausible_name(word: str) -> bool:
    """A 2–4 character word that can be a person's name: it starts with a surname, holds no speech verb."""
    if not 2 <= len(word) <= 4 or _SPEECH_VERB.search(word) or _PRESENCE_VERB.search(word):
        return False
    if len(word) >= 3 and word[-1] in _PLACE_END:  # a place, an office or a role, not a person
        return False
    if len(word) == 4:  # four characters: a compound surname, else a name with the next word glued on
        return word.startswith(_COMPOUND_SURNAMES)
    return word[0] in _SURNAMES or word.startswith(_COMPOUND_SURNAMES)


def person_name(word: str) -> bool:
    """A plausible name that is not a post ("区长" starts with the surname 区, yet names no one)."""
    return plausible_name(word) and not _POST_WORD.search(word)


def known_names(text: str) -> list[str]:
    """Names introduced by their post, plus 2–4 character names jieba tags as persons who speak."""
    import jieba.posseg  # its tables take a second to load; answering questions never needs them

    names: dict[str, None] = {}
    for m in _NAME_AFTER_POST.finditer(text):
        if plausible_name(m.group("name")):
            names.setdefault(m.group("name"))
    for m in _SPACED_AFTER_POST.finditer(text):
        if spaced := _spaced_name(text, m.end()):
            names.setdefault(spaced)
    for m in _NAME_THEN_POST.finditer(text):
        name = re.sub(r"[ \u3000]", "", m.group("name"))
        if plausible_name(name):
            names.setdefault(name)
    for clause in _CLAUSE.findall(text):
        if not (_SPEECH_VERB.search(clause) or _PRESENCE_VERB.search(clause[:12])):
            continue
        for pair in jieba.posseg.cut(clause[:12]):
            if pair.flag == "nr" and plausible_name(pair.word):
                full = next((n for n in names if n.startswith(pair.word)), pair.word)
                names.setdefault(full)
            break  # only the clause's subject
    return list(names)


_LEADING_POSTS = re.compile(rf"^(?:[（(]?[{CN_ORDINALS}\d]{{1,3}}[）)、.．]\s*)?"
                            rf"(?:[{CJK}]{{0,10}}?(?:{POSTS})[、，,]?)*")


def _name_at(clause: str, names: list[str]) -> str | None:
    """The name a clause opens with (its subject), looking past posts ("区委书记骆子墨讲了…")."""
    posts = _LEADING_POSTS.match(clause)  # a list marker and posts before the name: "1、市委书记聂长河讲话…"
    for start in ([0, posts.end()] if posts and posts.end() else [0]):
        for name in sorted(names, key=len, reverse=True):
            if clause.startswith(name, start):
                return name
    return None


def answerer(text: str, names: list[str]) -> str | None:
    """The official a 答记者问 says answers the questions: the person named in the clause that says so."""
    for clause in _CLAUSE.findall(text):
        if _ANSWERS.search(clause):
            named = [n for n in names if n in clause]
            if named:
                return min(named, key=clause.find)
    return None


def _without_posts(label: str) -> str:
    """"县商务局局长高志红" → "高志红", "县民政局局长　谭永红" → "谭永红"; a label without a post stays as it is."""
    return re.sub(rf"^[{CJK}]{{0,12}}?(?:{POSTS})[ \u3000]*", "", label) or label


def _one_label(label: str) -> bool:
    """A turn's label is one word, or a post and the name after it ("副区长 刘海燕"), never two words of a
    sentence ("一是 抓落实")."""
    head = re.split(r"[ \u3000]+", label)[0]
    return head == label or bool(_POST_WORD.search(head))


def _label_name(label: str, names: list[str]) -> str | None:
    """The official a turn's label names: one of `names`, alone or with a post after it ("何静局长")."""
    if label in names:
        return label
    return next((n for n in sorted(names, key=len, reverse=True)
                 if label.startswith(n) and _POST.fullmatch(label, len(n))), None)


def turns(text: str, names: list[str], replier: str | None = None) -> list[tuple[int, int, str]]:
    """(start, end, who) of every turn of a transcript (press conference, 答记者问): who is a named official,
    the answerer for "答：" (the one the text says answers, else `replier`), "" for an unnamed host, or ASKED
    for a reporter's question. Each answer belongs to its answerer.

    A line opening "姓名：" is a turn only in a transcript — when two or more lines open with a turn label —
    and only when the label is a person the text names or a name-shaped word, so "牵头单位：" never is one."""
    found: list[tuple[int, str]] = []
    found_labels = [m for m in _TURN.finditer(text) if _one_label(m.group("label"))]
    labels = [_without_posts(m.group("label")) for m in found_labels]
    for m in found_labels:
        label = _without_posts(m.group("label"))
        inner = _without_posts(m.group("inner") or "")
        if inner and (inner in names or person_name(inner)) and not _ASKER.search(label):
            found.append((m.start(), inner))  # "主持人（…副部长田慧）：", "发布人（局长韩志诚）："
        elif _HOST.match(label):
            found.append((m.start(), ""))  # an unnamed host: the article's chair, if any
        elif _ASKER.search(label):
            found.append((m.start(), ASKED))
        elif _ANSWER.match(label):
            found.append((m.start(), "答"))
        elif named := _label_name(label, names):
            found.append((m.start(), named))
        elif person_name(label) and labels.count(label) >= 2:
            found.append((m.start(), label))
    if len(found) == 1 and found[0][1] not in (ASKED, "", "答") and found[0][1] in names:
        # one official given the floor in a post ("【对话】区房屋征收服务中心主任周明远：…"): their paragraph is theirs
        start = found[0][0]
        end = text.find("\n", start)
        return [(start, len(text) if end < 0 else end, found[0][1])]
    if len(found) < 2 or all(who in (ASKED, "") for _, who in found):
        return []
    replier = (answerer(text, names) or replier) if any(who == "答" for _, who in found) else None
    out = []
    for k, (start, who) in enumerate(found):
        end = found[k + 1][0] if k + 1 < len(found) else len(text)
        who = (replier or "") if who == "答" else who  # "": the article's chair, when no one is named
        out.append((start, end, who))
    return out


def speech_marks(text: str, names: list[str],
                 spans: list[tuple[int, int, str]] | None = None) -> list[tuple[int, str]]:
    """(offset, who) for every clause whose subject speaks: a named person, "他/她" (the last person named),
    or "会议" (the one the paragraph says chaired, else recorded as "" — the meeting itself, resolved to its chair
    by the caller: a 简报 reports several meetings, each item's chair in its own paragraph). In a transcript,
    every line of a turn is marked with its speaker (ASKED for a reporter's question); `spans`: the transcript's
    turns when the caller has them (`turns`), else they are read here."""
    marks: list[tuple[int, str]] = []
    for start, end, who in turns(text, names) if spans is None else spans:
        line = start
        while line < end:
            marks.append((line, who))
            nl = text.find("\n", line, end)
            line = end if nl < 0 else nl + 1
    last_person = None
    subject, prev_end = None, 0  # the person a sentence opened with, who goes on speaking in its later clauses
    presiding = None  # who the paragraph says chaired ("刘光明…主持召开…会"): its "会议要求" is theirs
    for m in _CLAUSE.finditer(text):
        clause = m.group().lstrip()
        offset = m.end() - len(clause)
        if re.search(f"[{FULL_STOPS}\n]", text[prev_end:m.start()]):
            subject = None
        if "\n" in text[prev_end:m.start()]:
            presiding = None
        prev_end = m.end()
        name = _name_at(clause, names)
        presiding = _chair_in(clause, names) or presiding
        if name is None:
            # a name mentioned later in the clause ("会上，许建平传达了…") still makes the next 他 refer to them
            inside = [n for n in names if n in clause]
            if inside:
                last_person = max(inside, key=lambda n: clause.rfind(n))
        # "提出四点要求", "提三点希望" at a long clause's end speak too
        speaks = bool(_SPEECH_VERB.search(clause[:24]) or _POINTS_GIVEN.search(clause))
        if name:
            last_person = subject = name
            if speaks:
                marks.append((offset, name))
        elif speaks and subject and not _PRONOUN.match(clause) and not _MEETING_SUBJECT.match(clause):
            marks.append((offset, subject))  # "吴小秋传达了…，结合实际提出四点要求："
        elif speaks and _PRONOUN.match(clause) and last_person:
            marks.append((offset, last_person))
        elif speaks and _MEETING_SUBJECT.match(clause):
            marks.append((offset, presiding or ""))
    return sorted(marks)


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
    # words between the name and what they do: "毕志伟出席并作重要讲话", "刘海燕在区行政中心302会议室主持召开…"
    # — the one who speaks before the one who chairs
    clauses = _CLAUSE.findall(lead)
    for word in ("讲话", "主持"):
        if who := next((who for clause in clauses if (who := _chair_in(clause, names, word))), None):
            return who
    return None


def _chair_in(clause: str, names: list[str], word: str = "主持") -> str | None:
    """Who a clause says chairs (or speaks, `word`): the person named last before it ("刘光明在…主持召开…")."""
    at = clause.find(word)
    if at <= 0:
        return None  # most clauses chair nothing: the names are not walked for them
    before = [n for n in names if 0 <= clause.find(n) < at]
    return max(before, key=lambda n: (clause.rfind(n, 0, at), len(n))) if before else None


def speaker_before(marks: list[tuple[int, str]], pos: int, chair: str | None, floor: int = 0) -> str | None:
    """Who speaks at `pos`: the last speech mark before it (not before `floor`); the meeting means its chair.

    `marks` are in text order (as `speech_marks` returns them)."""
    i = bisect.bisect_right(marks, (pos, "\uffff")) - 1
    if i < 0 or marks[i][0] < floor or marks[i][1] == ASKED:
        return None
    return marks[i][1] or chair


# What the person who delivers a document does in its lead: gives the report or speech, answers questions.
_DELIVERS = re.compile(r"作[^，。；]{0,12}(?:报告|讲话)|发表[^，。；]{0,8}讲话|致辞|回答[^，。；]{0,6}提问|答记者问|接受[^，。；]{0,10}采访"
                       r"|解读")


def voice_of(lead: str, names: list[str]) -> str | None:
    """The one person a lead says delivers the document: "县长王立群代表县人民政府作政府工作报告",
    "区工信局局长韦明亮就《办法》有关内容回答了记者提问". None when no one, or several, do. A sentence saying it
    of no one by name ("——县工业园区管委会负责人答记者问", a subtitle) leaves it to the next."""
    for sentence in re.split(f"[{FULL_STOPS}\n]", lead):
        if not _DELIVERS.search(sentence):
            continue
        named = {n for n in names if n in sentence}
        named = {n for n in named if not any(n != m and n in m for m in named)}  # the longest form only
        if named:
            return named.pop() if len(named) == 1 else None
    return None
