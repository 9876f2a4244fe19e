"""Small talk: greetings, thanks, "你是谁/怎么用", and chit-chat (weather, jokes), told apart from questions
about the bulletins before any search runs.

An utterance is small talk when, once its greeting, thanks, help and chit-chat phrases, the words that
address the bot and the particles are taken out, nothing of substance is left: "你好" and "你是谁，能做
什么" are small talk, "你好，八个聚力是什么？谢谢" is a question (what is left, "八个聚力是什么", is
searched as usual). Off-topic questions that read like policy ("垃圾分类怎么开展") are not small talk:
they go through the usual answer decision and its refusal.
"""

from __future__ import annotations

import re

from bot.textutil import CJK, CN_NUMERAL, int_to_cn, normalize_text

GREETING, THANKS, HELP, CHITCHAT = "greeting", "thanks", "help", "chitchat"

# Each kind's phrases, longest first where one holds another.
_PHRASES: dict[str, str] = {
    # About the bot itself: who or what it is, who made it, what it can do, how to use it.
    HELP: (r"你是(?:谁|什么|哪家|哪个公司|什么公司)?(?:开发|做|制作|研发|设计|训练|创造)的|"
           r"(?:谁|哪家|哪个公司|什么公司)(?:开发|做|制作|研发|设计|训练|创造)了?的?你|你是谁|你是什么|"
           r"你叫什么(?:名字)?|你能(?:干|做|帮我?做?)(?:些)?(?:什么|啥)|你会(?:干|做)?(?:些)?(?:什么|啥)|"
           r"你可以(?:干|做)?(?:些)?(?:什么|啥)|(?:能|可以)(?:干|做|问)(?:些)?(?:什么|啥)|(?:怎么|如何|咋)(?:使用|用|问)|"
           r"使用说明|使用方法|帮助|\bhelp\b|有什么用|介绍一下你?自己|自我介绍"),
    GREETING: (r"你好|您好|大家好|\bhi\b|\bhello\b|\bhey\b|嗨|哈喽|哈啰|早上好|上午好|中午好|下午好|晚上好|早安|午安|晚安|早|"
               r"在吗|在不在|喂|有人吗|再见|拜拜|\bbye\b"),
    THANKS: (r"谢谢|多谢|感谢|谢了|\bthanks\b|\bthank you\b|\bthx\b|辛苦了|好的|收到|明白了|知道了|懂了|好吧|好|"
             r"\bok\b|\bokay\b|行|不错|厉害|棒"),
    CHITCHAT: (r"(?:今天|明天|后天|现在|这几天|最近|周末|本周|下周|外面)?(?:的)?(?:天气|气温|温度|下雨|下雪|刮风|降温|升温)"
               r"(?:怎么样|咋样|如何|好不好|会不会|吗|多少度|冷不冷|热不热)?|"
               r"(?:会不会|要不要|是不是|能不能|有没有)(?:下雨|下雪|刮风|降温|出太阳)|(?:要不要|需不需要|得不得)?带(?:把)?伞|"
               r"下不下(?:雨|雪)|刮不刮风|出不出太阳|"  # asked as A-not-A ("今天塬州下不下雨")
               # a remark on the day's weather ("今儿个天这么热", "天真冷啊")
               r"(?:今儿个?|今天|这两天|这几天)?天儿?(?:这么|那么|真|好|太|挺|可|怪)(?:热|冷|闷|晒|干)|"
               r"(?:讲|说|来)(?:一?个|点)?(?:笑话|段子|故事)|笑话|段子|唱(?:一?首)?歌|"
               # asked to write or recommend something to read or hear ("帮我写一首关于秋天的诗", "推荐几本课外书")
               r"(?:帮我|给我|替我)?(?:写|作|编|创作)(?:一|几|两)?(?:首|篇|段|个)[^，,。？?！!]{0,12}?(?:诗|词|歌|作文|故事|小说)|"
               r"(?:帮我|给我)?推荐(?:一|几|两)?(?:本|部|首|个)[^，,。？?！!]{0,12}?(?:书|电影|电视剧|歌|游戏|小说)|"
               # errands ("帮我订一张明天去省城的高铁票", "叫个车", "点份外卖"): what a bulletin bot cannot do
               r"(?:帮我|给我|替我)?(?:订|预订|预定|买|抢|叫|约|点)(?:一|几|两)?(?:张|个|份|辆|间|杯)?[^，,。？?！!]{0,12}?"
               r"(?:车票|机票|火车票|高铁票|动车票|门票|电影票|票|出租车?|网约车|车|外卖|酒店|宾馆|房间|会议室|饭|奶茶|咖啡)|"
               r"你(?:几岁|多大|喜欢|是男|是女|是人|是机器人|开心|累)(?:吗|不)?|"
               # "have you eaten", the everyday greeting ("你吃了吗", "你今天吃饭了没")
               r"你?(?:今天|早上|中午|晚上|今晚)?(?:吃饭|吃)(?:了|过)(?:饭)?(?:吗|没有?|不)?|聊聊天|陪我聊|聊天|无聊|哈哈+|呵呵|嘿嘿|"
               # leisure ("周末带孩子去哪儿玩比较好", "中午吃什么"): where to go, what to eat
               r"(?:周末|假期|节假日|放假|五一|十一|国庆|春节|暑假|寒假)?(?:带(?:孩子|娃|小孩|老人|家人|爸妈|对象))?"
               r"(?:去|到)?(?:哪(?:儿|里)?|什么地方)(?:玩|旅游|旅行|逛|耍|吃)(?:比较|最)?(?:好|合适|有意思|好玩)?|"
               # asked how one is or invited out, as to a colleague ("忙完了没", "在忙啥", "晚上一起吃个饭", "下班了吗")
               r"(?:你|您)?(?:在)?忙(?:完了?|好了?)?(?:没有?|吗|不忙|什么|啥)|(?:你|您)?忙不忙|下班了?(?:没有?|吗)|"
               r"(?:早上|中午|晚上|今晚|明晚|改天|周末|下班后)?(?:一起|一块儿?|咱们?|我们)(?:去)?"
               r"(?:吃(?:个|顿)?饭|喝(?:一杯|两杯|点儿?|个?酒|茶|咖啡)|聚(?:一?聚|个餐)|打(?:个)?(?:球|牌)|钓鱼|散步|爬山)|"
               r"(?:早上|中午|晚上|今天|明天|今晚){0,2}(?:在)?(?:食堂|饭堂|餐厅|家里)?(?:早饭|午饭|晚饭|早餐|午餐|晚餐|夜宵)?"
               r"(?:吃|喝)(?:点儿?|些|个)?(?:什么|啥)(?:好|比较好)?"),
}
_KINDS = {kind: re.compile(pattern, re.IGNORECASE) for kind, pattern in _PHRASES.items()}
# Words that address the bot or only carry tone: they say nothing about what is asked.
# ("同志，你们那边今天下雨没有": the asker's place and an A-not-A "没有" too)
_FILLER = re.compile(r"请问|请|麻烦|机器人|小助手|助手|同志|老师|bot|呀|啊|吗|呢|吧|哦|噢|嗯|哈|啦|了|的|么|你们|我们|咱们|你|我|"
                     r"一下|是|会|能|可以|今儿个|今儿|今天|明天|后天|现在|这个|那个|县城|城里|这边|那边|这儿|那儿|这里|那里|外面|没有|没|"
                     r"[\s\W_]", re.IGNORECASE)
# A place's name, as the weather is asked of it: two or three characters, or with its level ("塬州", "青石镇").
_WEATHER_PLACE = re.compile(rf"[{CJK}]{{2,3}}|[{CJK}]{{1,3}}[州市县区镇乡村]")
_WEATHER_ASKED = re.compile(r"天气.{0,2}(?:怎么样|咋样|如何|好不好)|会不会|下雨|下雪|刮风|多少度|冷不冷|热不热|带伞|"
                            r"下不下[雨雪]|刮不刮风|出不出太阳")
# An utterance longer than this is never small talk: people chat in a few words.
MAX_CHARS = 30


def classify(question: str) -> str | None:
    """The kind of small talk `question` is, or None when it asks something (searched as usual)."""
    text = normalize_text(question)
    if not text or len(text) > MAX_CHARS:
        return None
    found = []
    for kind, pattern in _KINDS.items():
        if pattern.search(text):
            found.append(kind)
            text = pattern.sub(" ", text)
    left = _FILLER.sub("", text)
    # the weather asked of a place ("今天塬州天气怎么样"): the place's name is all that is left
    if not found or (left and not (CHITCHAT in found and _WEATHER_PLACE.fullmatch(left)
                                   and _WEATHER_ASKED.search(normalize_text(question)))):
        return None
    # One reply per utterance: chit-chat ("讲个笑话") is declined even after a greeting; a greeting with
    # "你是谁" gets the introduction; thanks are thanked.
    for kind in (CHITCHAT, HELP, GREETING, THANKS):
        if kind in found:
            return kind
    return None


# Courtesies around a question ("你好，…", "…，谢谢！"): left out of what is searched, they only add noise
# ("你好，八个聚力是什么？谢谢" was refused with them, answered without them).
_OPENING = re.compile(r"^(?:你好|您好|大家好|hi\b|hello\b|嗨|哈喽|早上好|上午好|中午好|下午好|晚上好|在吗)[\s\W_]*",
                      re.IGNORECASE)
_CLOSING = re.compile(r"(?<=[\s\W_])(?:谢谢|多谢|感谢|谢了|thanks|thank you|辛苦了)[\s\W_]*$", re.IGNORECASE)


def without_courtesies(question: str) -> str:
    """The question without a greeting before it or thanks after it (the question itself when nothing
    else would be left)."""
    core = _CLOSING.sub("", _OPENING.sub("", question.strip())).strip()
    return core or question


def reply(kind: str, examples: list[str]) -> str:
    """What the bot says to small talk of `kind` (plain text; the examples are questions the newest
    bulletins answer)."""
    if kind == CHITCHAT:
        return "我只回答公报中的内容，闲聊、天气这类问题帮不上忙。可以问我公报里的工作要求，例如：\n" + _bullets(examples[:1])
    if kind == THANKS:
        return "不客气！还有问题可以接着问，例如：\n" + _bullets(examples[:2])
    opening = "您好！" if kind == GREETING else ""
    return (f"{opening}我是政策问答助手：根据已收录的公报回答工作要求、会议部署等问题，给出原文段落和出处"
            "（标题、日期、讲话人、第几条）；公报中没有的内容会直接说明。可以这样问：\n" + _bullets(examples[:3])
            + "\n回答后还可以接着问“第三个呢”“这是谁讲的”“展开说说”。")


def _bullets(lines: list[str]) -> str:
    return "\n".join(f"• {line}" for line in lines)


# ---------------------------------------------------------------- example questions

_COUNTED_LABEL = re.compile(rf"^[{CN_NUMERAL}\d]+个")
# A headline's numbering ("三要", "（二）", "第四，") and the list's own word ("聚力") say nothing of its topic.
_NUMBERING = re.compile(rf"^(?:[{CN_NUMERAL}]+[是要]有?|第[{CN_NUMERAL}]+[，,、]?|[（(][^)）]{{1,3}}[)）]|\d+[.、．])")


# Verbs that link or close a directive ("把签约转化率作为硬指标", "聚力项目招引狠下功夫"): not its topic.
_LINKING = re.compile(r"作为|成为|进行|实现|开展|狠下功夫|攻坚突破|是|为")


def newest_examples(articles: list[dict], lists: list) -> list[str]:
    """Three questions built from the numbered lists of the newest articles (newest first): one asking
    for a whole list, one for a point by its number, one for a point's topic (in this order: /help
    names each). Articles without a date
    come after dated ones; with no list at all, three generic questions.

    Args:
        articles: article rows as the index gives them (article_id, date, position, file).
        lists: the index's NumberedList records.
    """
    order = {a["article_id"]: (a.get("date") or "", a.get("file") or "", -(a.get("position") or 0))
             for a in articles}
    # Newest article first; within an article, its longest numbered list first (the core directives).
    ranked = sorted((nl for nl in lists if nl.size >= 2 and nl.article_id in order),
                    key=lambda nl: (order[nl.article_id], nl.numbered, nl.size), reverse=True)
    if not ranked:
        return ["会议提出了哪些要求？", "第一条要求是什么？", "会议是哪天召开的？"]
    pick = (ranked * 2)[:2]  # one list alone gives all three
    return [_whole_list(pick[0]), _ordinal_question(pick[1]), _topic_question(pick[0])]


def _name(nl) -> str:
    """How an official names the list: its label when it counts ("八个聚力"), else its speaker's points."""
    if _COUNTED_LABEL.match(nl.label or ""):
        return nl.label
    return f"{nl.speaker}讲话" if nl.speaker else "会议"


def _whole_list(nl) -> str:
    if _COUNTED_LABEL.match(nl.label or ""):
        return f"{nl.label}分别是什么？"
    return f"{nl.speaker}提了哪些要求？" if nl.speaker else "会议提出了哪些要求？"


def _ordinal_question(nl) -> str:
    n = min(3, nl.size)
    return f"{_name(nl)}的第{int_to_cn(n)}条是什么？"


def _topic_question(nl) -> str:
    """"项目招引有什么要求？" from the headline "三要聚力项目招引狠下功夫、攻坚突破"."""
    import jieba.posseg

    head = nl.headlines[min(2, len(nl.headlines) - 1)] if nl.headlines else ""
    head = _NUMBERING.sub("", head.strip())
    shared = re.sub(rf"^[{CN_NUMERAL}\d两]+个", "", nl.label or "")
    if shared and head.startswith(shared):
        head = head[len(shared):]  # "聚力项目招引…" → "项目招引…"
    head = re.split(r"[，,、；;。：:]", head)[0]
    cut = list(jieba.posseg.cut(head))
    # The topic starts at the first noun-like word: the directive verbs before it ("持续推进", "抓好") are
    # how every point opens, not what it is about.
    start = next((i for i, w in enumerate(cut) if w.flag[:1] == "n" or w.flag in ("vn", "l", "i")), 0)
    words = []
    for w in cut[start:]:  # the run of content words from there ("经济运行监测", "项目招引"), at most two
        if len(w.word) < 2 or not (w.flag[:1] in ("n", "v") or w.flag in ("l", "i")) or _LINKING.fullmatch(w.word):
            break
        words.append(w.word)
    topic = "".join(words[:2]) or head[:8]
    return f"{topic}有什么要求？" if topic else _whole_list(nl)
