"""Clean: the lines of a bulletin lose their page noise and reading aids, and their metadata is told apart.

Bulletins are copied from web pages, newspapers and Word files. Around the article sit breadcrumbs, font-size
widgets, print/close links, previous/next-article links, share buttons, image file names, hit counters,
editor credits, copyright footers and page-break marks. Each is recognised by the *shape* of its line (short,
no sentence punctuation, key–value fields, bracketed widgets, a file name, a bare page number) and by its
neighbours (a hard-wrapped sentence is never noise), never by one site's wording. Lines carrying the page's
dates (发布时间：2024-04-29, a newspaper masthead, a document's signature date, a 文号) are kept apart as
metadata: the article step reads its date from them.

Pinyin reading aids glued to characters ("会(huì)议") are removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.speakers import POSTS
from bot.textutil import CJK, CN_DIGITS, CN_ORDINALS, CN_YEAR_DIGITS, SENTENCE_ENDS, cn_to_int, is_cjk, to_simplified

_PINYIN_GLOSS = re.compile(rf"(?<=[{CJK}])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{{1,7}}[)）]")
_IMAGE = re.compile(rf"^[\w\-.()（）{CJK}]{{0,80}}\.(?:jpe?g|png|gif|bmp|webp|tiff?|svg)$", re.I)
# Where a copied page held a picture or a video: "（图片）", "(视频)".
_MEDIA_PLACEHOLDER = re.compile(r"^[（(]\s*(?:图片|配图|图|视频|音频|动图|GIF)\s*[）)]$", re.I)
_PAGE_MARK = re.compile(r"^(?:[-—－–~～·•\s]*\d{1,3}[-—－–~～·•\s]*|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?"
                        r"|共\s*\d{1,3}\s*页|\d{1,3}\s*/\s*\d{1,3})$")
# "首页 > 新闻中心 > 临川要闻", "当前位置：首页 » 政务公开"
_CRUMB_SEP = re.compile(r"\s*(?:>|＞|»|›|→|>>)\s*")
_CRUMB_LEAD = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|当前页面)\s*[:：]")
# A field: a short key, a colon, a short value without sentence or clause punctuation.
_KEY = rf"[{CJK}A-Za-z](?:[ \u3000]{{0,4}}[{CJK}A-Za-z]){{0,5}}"
_FIELD = rf"{_KEY}\s*[:：]\s*[^\s:：{SENTENCE_ENDS}，,][^:：{SENTENCE_ENDS}，,]{{0,40}}?"
_FIELDS = re.compile(rf"^(?:{_FIELD})(?:\s*[|｜/]?\s+{_FIELD}|\s*[|｜]\s*{_FIELD})*\s*[:：]?\s*$")
_KEYS = re.compile(rf"(?:^|\s|[|｜])({_KEY})\s*[:：]")
# Keys of a page's own fields (any CMS): a field line is noise only when every key is one of these, so a
# task list's "牵头单位：…" or "完成时限：…" stays text.
_PAGE_KEY = re.compile(r"来源|出处|发布|更新|时间|日期|作者|编辑|责编|编审|审核|审校|校对|签发|[一二三终初复]审|监制|出品|统筹|录入"
                       r"|视觉|摄像|剪辑|排版|美编|配音|点击|浏览|阅读|访问"
                       r"|字号|字体|分类|索引|文号|机构|有效|主题|栏目|编号|摄影|记者|通讯员|供稿|稿源|整理|图文"
                       r"|公开|标题|体裁|组配|载体|语种")  # a portal's 公开方式, 标 题, 体裁分类
# A field written with a bracketed label ("【时间】2024年11月19日上午", "【地点】县融媒体中心", "【主持人】…"): the
# value of a meeting's or press conference's record, never a headline (a column label, "【工作动态】", opens one).
FIELD_KEYS = "时间|日期|地点|会场|发布人|发言人|主持人?|出席|出席人员|参会人员|参加人员|嘉宾|议题|议程|来源|发布单位|发布机构"
FIELD_LABEL = re.compile(rf"^[【\[［](?:{FIELD_KEYS})[】\]］]\s*\S")
# The field of a meeting's or press conference's record saying when it was held ("时间：2025年3月12日上午9:30",
# "【会议时间】…"): its day, not the day the page was published ("发布时间：…").
# (written out, as a record's fields are: "时间：2025-03-13 09:30 来源：…" is a portal's publish line)
_HELD_FIELD = re.compile(r"^[【\[［]?(?:会议|发布会|活动|举办)?时\s*间[】\]］]?\s*[:：]?\s*(?:\d{4}|[一二〇○零]{4})\s*年"
                         r"(?!.*(?:来源|作者|浏览|点击|编辑))")
# Bracketed widgets: 【字体：大 中 小】【打印本页】【关闭窗口】[打印] [关闭]
_WIDGETS = re.compile(r"^(?:\s*[【\[［](?!\s*\d)[^】\]］]{1,16}[】\]］]\s*[|｜]?\s*)+$")  # "【01 种粮补贴】" is a heading
_PREV_NEXT = re.compile(r"^(?:上一篇|下一篇|上一条|下一条|上篇|下篇|前一篇|后一篇)\s*[:：]?")
_FOOTER = re.compile(r"版权所有|©|&copy;|Copyright|ICP备|网站标识码|技术支持\s*[:：]|主办\s*[:：]|承办\s*[:：]", re.I)
_SHARE = re.compile(r"^(?:分享到|分享至|分享\s*[:：]|扫一扫|微信扫一扫|打印本页|打印|关闭窗口|关闭|返回顶部|收藏本页|预览结束|加载更多|阅读原文"
                    r"|相关阅读|相关链接|相关新闻|相关文章|延伸阅读|本篇文章\d+字|本文\d+字|全文\d+字"
                    # a reader app's widgets: read-aloud, preview and swipe hints
                    r"|听全文|收听全文|朗读全文|语音播报|预览时标签不可点|继续滑动看下一个|向上滑动看下一个|轻触阅读原文)")
# A reader app's toolbar run together ("分享收藏点赞在看", "赞 在看 写留言").
_TOOLBAR_WORDS = re.compile(r"^(?:(?:分享|收藏|点赞|在看|转发|推荐|写留言|留言|赞)\s*){2,}$")
# A reader app's call to follow or scan ("点击上方蓝字关注我们", "长按识别二维码关注"): an imperative to
# tap, press or scan, and follow — the shape of every platform's prompt, not one account's wording.
_FOLLOW_PROMPT = re.compile(r"^[^。；;]{0,12}(?:点击|点(?:上方|下方|蓝字)|长按|扫描|扫码|识别)[^。，,；;]{0,14}(?:关注|订阅|识别二维码)[^。，,；;]{0,6}$")
# A post's cover teaser or a pointer to what follows ("🔥今冬取暖这些事，一图读懂→", "戳这里👇"): a short line pointing
# down, or opening with a pictograph and pointing on, says where to look, not what is said. A headline may end in
# "→" itself ("…新校区来了，颜值太高了→"); one leading into a list ("补贴标准如下👇") stays, its list needs it.
_POINTS_DOWN = re.compile(r"[👇⬇↓▼]\ufe0f?\s*$")
_POINTS_ON = re.compile(r"[→➡⇒👉]\ufe0f?\s*$")
_PICTOGRAPH = re.compile(r"^[\U0001F300-\U0001FAFF\u2600-\u27BF]")
_TEASER_MAX = 30
_LEADS_INTO = re.compile(r"如下|以下|下列|下面")
# A page's abstract of the article, cut off ("摘要：4月22日，…召开…上劲会。会议系统性学习了…..."): the opening
# again, not a paragraph of its own.
_ABSTRACT = re.compile(r"^(?:[【\[［]\s*(?:内容)?摘\s*要\s*[】\]］]|(?:内容)?摘\s*要\s*[:：]|导\s*读\s*[:：]).*(?:\.{3,}|…+)\s*$")
# A disclaimer closing a post: it and everything after it are the platform's, not the article's.
_DISCLAIMER = re.compile(r"^(?:免责声明|版权声明|特别声明)\s*[:：]?$")
# A toolbar: three or more two-character words in a row ("分享　收藏　点赞　在看"); single characters
# spaced out are a name ("向 思 远").
_TOOLBAR = re.compile(rf"^[{CJK}]{{2}}(?:[ \u3000]+[{CJK}]{{2}}){{2,}}$")
# A site's banner over its sections ("柘源县人民政府门户网站 | 政策文件 | 规范性文件"): the site named in it, or the
# versions it offers ("某县人民政府　　无障碍 | 长辈版 | English").
_SITE_BAR = re.compile(r"门户网站|政府网站|政务网|^首页"
                       r"|(?:^|[|｜\s])(?:无障碍(?:阅读|浏览)?|长辈版|关怀版|适老版|English|繁[體体]版?)(?=$|[|｜\s])")
# A site's search box ("请输入关键字  搜索", "站内搜索").
_SEARCH_BOX = re.compile(r"^(?:请输入(?:关键[字词]|搜索内容)?|站内搜索|全站搜索|高级搜索)[\s\u3000]*(?:搜索|检索|查询)?$")
# A site's menu: four or more short items set apart by wide spaces ("首页  政务公开  政务服务  互动交流  走进鹤川").
_MENU = re.compile(rf"^[{CJK}]{{2,6}}(?:(?:[ \u3000]{{2,}}|\t)[{CJK}]{{2,6}}){{3,}}$")
# A short line without a Chinese character or a number of substance: "A+A-", "OA KR", "|".
_NO_TEXT = re.compile(rf"^[^{CJK}\d]{{1,12}}$")
# A rule drawn with characters ("━━━━━━", "————", "==========", "* * *"): a 简报's separator, any length.
# A post's separator may name the next item between its rules ("━━━━ 次条 ━━━━").
_RULE_CHARS = r"[\s━─—－\-=＝_＿*＊·•~～]{3,}"
_RULE = re.compile(rf"^{_RULE_CHARS}(?:(?:次条|头条|第[{CN_ORDINALS}\d]{{1,2}}条){_RULE_CHARS})?$")  # (spaces are rule chars)
_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*(?:年|-|/|\.)\s*(\d{1,2})\s*(?:月|-|/|\.)\s*(\d{1,2})\s*日?")
# The key a document number may be written under ("文号：", "发文字号：").
_DOC_NUMBER_KEY = re.compile(r"^(?:发文)?(?:文号|字号)\s*[:：]\s*")
_YEAR_NUMBER = r"[〔\[［(（]\s*(?:19|20)\d{2}\s*[〕\]］)）]\s*\d{1,4}\s*号"
_DOC_NUMBER_SHAPE = rf"[{CJK}]{{1,12}}\s*{_YEAR_NUMBER}"
# a line that is only a document number, its issuer's abbreviation written or not (a 纪要's "〔2025〕3号")
_DOC_NUMBER = re.compile(rf"^(?:[{CJK}]{{1,12}}\s*)?{_YEAR_NUMBER}$")
_DOC_NUMBER_IN = re.compile(_DOC_NUMBER_SHAPE)  # one inside a line ("某县教育局　某教〔2024〕36号")
_PAGE_WORDS = re.compile(r"发布|更新|时间|日期|第\s*\d+\s*版|来源|日报|晚报|报\b")
# A newspaper edition line ("第02版：要闻"), a PDF running header ("某县人民政府公报　　2023年第8期"),
# "（完）" closing a wire story.
_EDITION = re.compile(rf"^第\s*[0-9０-９A-Z]{{1,3}}\s*版(?:\s*[:：]?\s*[{CJK}]{{0,10}})?$")
_RUNNING_HEAD = re.compile(rf"^[{CJK}《》]{{2,24}}[ \u3000]{{2,}}(?:(?:19|20)\d{{2}}\s*年\s*)?第\s*\d{{1,3}}\s*[期版]$")
# A navigation bar: short links joined by bars ("设为首页|加入收藏|无障碍阅读").
_NAV_BAR = re.compile(r"^[^|｜]{1,8}(?:\s*[|｜]\s*[^|｜]{1,8}){1,}$")
# A table's header or numbered row ("序号 | 工作任务 | 牵头单位", "3 | 开展… | 县商务局"), not a bar of links;
# a pager ("1 | 2 | 下一页") is one.
_TABLE_ROW = re.compile(r"^[|｜]?\s*(?:序号|\d{1,3})\s*[|｜](?!.*[上下首尾末]页)")
_END_MARK = re.compile(r"^[（(]\s*完\s*[）)]$")
_RELATED = re.compile(r"^[^\w]{0,3}\s*(?:相关|延伸|推荐|往期|更多|热门|精彩)(?:阅读|链接|新闻|文章|推荐|回顾)\s*[:：]?$")
# "（二〇二三年九月六日）" under a speech's title: the date the speech was given.
_CN_DATE = re.compile(rf"([{CN_YEAR_DIGITS}]{{4}})\s*年\s*([{CN_ORDINALS}]{{1,3}})\s*月\s*([{CN_ORDINALS}]{{1,3}})\s*日")
# A speech's byline: posts, a space, the speaker's name.
_SPEECH_BYLINE = re.compile(rf"^(?:[{CJK}]{{0,12}}?(?:{POSTS})[、，,]?)+[ \u3000]+[{CJK}]{{2,4}}$")
# The occasion line under a speech's or report's title: "——2024年1月15日在县第十八届人民代表大会第四次会议上".
# (each run of spaces read one way only: a line of rules and spaces must not take quadratic time)
_OCCASION = re.compile(rf"^[—－\-─]*\s*(?:[（(]\s*)?(?P<date>[^在（）()\s][^在（）()]{{5,15}}?日)\s*(?:[，,]\s*)?在[^{SENTENCE_ENDS}]{{2,60}}?[上中]"
                       r"(?:的讲话|的报告)?\s*[）)]?$")
# A signature date alone on its line, in Arabic or Chinese numerals ("2024年3月12日", "二〇二四年六月十八日").
_SIGNATURE_DATE = re.compile(rf"[\s\d{CN_YEAR_DIGITS}十年月日\-/.]+")
_TASK_KEY = re.compile(r"牵头|责任(?:单位|部门|人)|配合|协办|完成(?:时限|时间)|时限|时间节点|进度安排")
_BRACKETED_FIELDS = re.compile(r"^[（(]([^()（）]+[:：][^()（）]+)[）)]$")
_BRACKETED_DATE = re.compile(r"^[（(]\s*([^()（）]{6,24})\s*[）)]$")
# "（2024年12月6日县人民政府第15次常务会议审议通过）" under a 办法's title: the day it was adopted or issued.
_ADOPTED = re.compile(r"^[（(][^()（）]{0,6}?((?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)[^()（）]{0,40}?"
                      r"(?:通过|印发|发布|公布|修订|修正)[^()（）]{0,60}[）)]$")
# A reader app's mark of an original post with its author and account ("原创 澄溪应急 澄溪应急"), on a line of its own.
_ORIGINAL = re.compile(rf"^原创(?:[ \u3000]+[{CJK}A-Za-z0-9]{{2,16}}){{1,2}}$")
# Where a post was published from, after its time ("发表于湖南", "江西").
_POSTED_FROM = rf"(?:[ \u3000]*(?:发[表布]于|来自)[{CJK}]{{2,8}}|[ \u3000]+[{CJK}]{{2,4}})?"  # or the place alone
# A reader app's byline under the headline: the account's name (perhaps after 原创, or twice), then the publish
# day and time.
_APP_BYLINE = re.compile(rf"^(?:[{CJK}A-Za-z]{{2,16}}[ \u3000]+){{1,3}}(?:(?:19|20)\d{{2}}\s*(?:年|-|/))?"
                         r"\s*\d{1,2}\s*(?:月|-|/)\s*\d{1,2}\s*日?"
                         rf"(?:\s+\d{{1,2}}:\d{{2}})?{_POSTED_FROM}$")
# A publish line: a date and clock time alone, perhaps where it was posted or how often read ("2024-12-02 18:30
# 发表于湖南", "2024-07-12 08:30  阅读 528").
_APP_TIME = re.compile(r"^(?:(?:19|20)\d{2}\s*(?:年|-|/))?\s*\d{1,2}\s*(?:月|-|/)\s*\d{1,2}\s*日?\s+\d{1,2}:\d{2}(?::\d{2})?"
                       rf"{_POSTED_FROM}(?:\s+(?:阅读|浏览|点击)(?:量|数|次数)?\s*[:：]?\s*\d+)?$")
# The field of a portal's table that dates the document itself (成文日期, 印发日期, 签发日期).
_WRITTEN_FIELD = re.compile(r"(?:成文|印发|签发|发文)(?:日期|时间)\s*[:：]\s*([^|｜]{6,16})")
# A page field's key alone on its line, its value on the next ("• 索引号:" / "6107280000/2024-001005").
_LONE_KEY = re.compile(rf"^(?:[-•·●▪◆■*]\s*)?(?P<key>{_KEY})\s*[:：]$")
# A bullet: a dot or a pin, check or arrow a post marks its items with ("📌 竹林改造：…", "✅ …").
_BULLET = re.compile(r"^\s*(?:(?:[-•·●▪◆■○◇*]|\u2022)\s+|[📌✅☑✔🔹🔸🔺➤►▶]\ufe0f?\s*(?=\S))")
_SENTENCE_END = SENTENCE_ENDS + "…"


@dataclass(frozen=True)
class Line:
    """One cleaned line. `kind`: text, meta (a dated page or document field) or noise (dropped)."""

    text: str
    kind: str = "text"
    bullet: bool = False
    date: tuple[int, int, int] | None = None  # for meta lines carrying a date
    # meta: "page" (published, masthead), "document" (a signature date), "dated" (a bracketed date under a
    # speech's title, or the occasion line under a report's), "docno" (文号), "written" (a portal's 成文日期
    # field: the document's date, though not a line of the document), "speaker" (a speech's byline)
    role: str = ""


def strip_glosses(text: str) -> str:
    """Remove pinyin reading aids: 会(huì)议 → 会议."""
    return _PINYIN_GLOSS.sub("", text)


def full_date(text: str) -> tuple[int, int, int] | None:
    m = _FULL_DATE.search(text)
    if m:
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = _CN_DATE.search(text)
        if not m:
            return None
        digits = CN_DIGITS | dict.fromkeys(CN_YEAR_DIGITS[:6], 0)  # 〇 and the marks typed for it
        y = int("".join(str(digits[c]) for c in m.group(1)))
        mo, d = cn_to_int(m.group(2)) or 0, cn_to_int(m.group(3)) or 0
    return (y, mo, d) if 1 <= mo <= 12 and 1 <= d <= 31 else None


def _cell_fields(s: str) -> str:
    """A table row of key and value cells as fields: "| 索引号： | YB001 | 主题分类： | 就业 |" → "索引号：YB001 | 主题分类：就业"."""
    if s.count("|") + s.count("｜") == 1:  # "记 者 | 张子鹤": a credit's key and its value
        key, _, value = re.split(r"\s*([|｜])\s*", s, maxsplit=1)
        compact = re.sub(r"[ \u3000]", "", key)
        return f"{compact}：{value}" if 1 < len(compact) <= 4 and value else s
    if s.count("|") + s.count("｜") < 2:
        return s
    row = re.sub(r"\s*[|｜]+\s*", " | ", s).strip(" |")
    return re.sub(r"([:：]) \| ", r"\1", row)


def _page_fields_only(s: str) -> bool:
    keys = _KEYS.findall(s)
    compact = [to_simplified(k.replace(" ", "").replace("\u3000", "")) for k in keys]
    return bool(keys) and all(_PAGE_KEY.search(k) or k in ("名称", "文件名称") for k in compact)  # 名称: the document's


def _widgets_only(s: str) -> bool:
    """A toolbar of bracketed widgets and widget words set apart by wide spaces ("【字号：大 中 小】   打印本页   关闭窗口")."""
    parts = [x for x in re.split(r"[ \u3000]{2,}", s) if x]
    return len(parts) >= 2 and all(_WIDGETS.match(x) or (len(x) <= 8 and _SHARE.match(x)) for x in parts)


def _teaser(s: str) -> bool:
    """A short line pointing down, or opening with a pictograph and pointing on (a cover teaser), not a
    sentence and not leading into a list."""
    pointing = _POINTS_DOWN.search(s) or (_POINTS_ON.search(s) and _PICTOGRAPH.match(s))
    return len(s) <= _TEASER_MAX and bool(pointing) and not _LEADS_INTO.search(s) and not re.search(r"[。；;！!？?]", s)


def _has_sentence_end(s: str) -> bool:
    return any(c in s for c in _SENTENCE_END)


def classify(line: str, mid_sentence: bool = False) -> Line:
    """What one stripped line is. `mid_sentence`: the previous line did not end a sentence (hard wraps)."""
    s = line.strip()
    # Read in simplified characters (a traditional 鶴政發〔2023〕31號 is a document number too); kept as written.
    t = to_simplified(s)
    t = t if len(t) == len(s) else s
    # Unambiguous by shape even inside a wrapped sentence: an image file name, a bare page number, a
    # PDF running header, an app's call to follow.
    if _IMAGE.match(t) or _MEDIA_PLACEHOLDER.match(t) or _PAGE_MARK.match(t) or _RUNNING_HEAD.match(t) or _FOLLOW_PROMPT.match(t) or _RULE.match(t):
        return Line(s, "noise")
    if mid_sentence:
        # an app's byline with its clock time is one even under a headline that ends without a stop
        if _APP_BYLINE.match(t) and re.search(rf"\d:\d\d{_POSTED_FROM}$", t):
            return Line(s, "meta", date=full_date(s), role="page")
        if _APP_TIME.match(t):  # "2024-07-12 08:30  阅读 528" under the credits: no sentence goes on so
            return Line(s, "meta", date=full_date(s), role="page")
        bullet = _BULLET.match(s)
        if bullet:  # an item marked with a bullet starts anew, whatever the line before it
            return Line(s[bullet.end():].strip(), bullet=True)
        return Line(s)
    date = full_date(s)
    if date and _HELD_FIELD.match(t):
        return Line(s, "meta", date=date, role="dated")  # "时间：2025年3月12日上午9:30": the day it was held
    if _ORIGINAL.match(t):
        return Line(s, "meta", role="page")
    if date and FIELD_LABEL.match(t):
        return Line(s, "meta", date=date, role="page")  # "【日期】2024-11-19" (a written-out 时间 is the event's, above)
    if _DOC_NUMBER.match(_DOC_NUMBER_KEY.sub("", t)):  # "汀府办纪〔2024〕9号", "文号：汀府办纪〔2024〕9号"
        return Line(s, "meta", role="docno")
    if date and len(s) <= 16 and _SIGNATURE_DATE.fullmatch(t):
        return Line(s, "meta", date=date, role="document")  # a signature date under a notice or speech
    occasion = _OCCASION.match(t)
    if occasion and full_date(occasion.group("date")):
        return Line(s, "meta", date=date, role="dated")  # the day a speech or report was given
    adopted = _ADOPTED.match(t)
    if adopted:
        # adopted, then issued ("…审议通过，2024年9月19日…印发"): the day it was issued, the last said
        return Line(s, "meta", date=full_date(list(_FULL_DATE.finditer(t))[-1].group(0)), role="dated")
    bracketed = _BRACKETED_DATE.match(t)
    if bracketed and date and full_date(bracketed.group(1)):
        return Line(s, "meta", date=date, role="dated")  # "（2023年10月9日）" under a speech's title
    short_plain = len(s) <= 80 and not _has_sentence_end(s) and "，" not in s
    furniture = short_plain and (
        _CRUMB_LEAD.match(t) or len(_CRUMB_SEP.split(t)) >= 3 or (t.startswith("首页") and _CRUMB_SEP.search(t))
        or _FOOTER.search(t) or _EDITION.match(t) or (_NAV_BAR.match(t) and not _TABLE_ROW.match(t)))
    furniture = furniture or _WIDGETS.match(t) or (len(s) <= 40 and _SHARE.match(t)) or _NO_TEXT.match(t) \
        or _END_MARK.match(t) or (_PREV_NEXT.match(t) and not _has_sentence_end(s[-1:]) and len(s) <= 80) \
        or _FOLLOW_PROMPT.match(t) or _TOOLBAR.match(t) or _TOOLBAR_WORDS.match(t) or _MENU.match(t) \
        or _widgets_only(t) or _SEARCH_BOX.match(t) \
        or (_SITE_BAR.search(t) and len(re.findall("[|｜]", t)) >= 2 and not _TABLE_ROW.match(t)) \
        or _teaser(s)
    if _ABSTRACT.match(t):
        return Line(s, "noise")  # its dates are the article's own, read there
    if furniture:
        # a breadcrumb or masthead that also carries the page's date keeps the date
        return Line(s, "meta", date=date, role="page") if date and not _PREV_NEXT.match(t) else Line(s, "noise")
    segments = len(re.split(r"[\s\u3000|｜]+", t))
    fields = _cell_fields(t)  # a portal's field table: "| 索引号： | YB001 | 成文日期： | 2025-04-02 |"
    fields = _BRACKETED_FIELDS.sub(r"\1", fields)  # "（来源：县融媒体中心  编辑：陈雨）"
    # A dated field row is the page's unless it is a task's (牵头单位, 完成时限: the point's own, kept as text).
    if short_plain and _FIELDS.match(fields) and (_page_fields_only(fields) or (date and not _TASK_KEY.search(fields))):
        written = _WRITTEN_FIELD.search(fields)
        if written and full_date(written.group(1)):  # 成文日期: the document's own date, not the page's
            return Line(s, "meta", date=full_date(written.group(1)), role="written")
        return Line(s, "meta", date=date, role="page") if date else Line(s, "noise")
    # (a numbered table row "5 | 新建高标准农田 | 区农业农村局 | 2025年10月31日前" is a task with its deadline)
    if short_plain and date and (_PAGE_WORDS.search(t) or segments >= 2) and not _TASK_KEY.search(t) \
            and not _TABLE_ROW.match(t):
        written = _WRITTEN_FIELD.search(t)
        return Line(s, "meta", date=date, role="written" if written and written.start() == 0 else "page")
    if _APP_BYLINE.match(t):
        return Line(s, "meta", date=date, role="page")  # "枫岭发布　4月16日 18:20": account and publish time
    if len(s) <= 40 and re.search(r"[ \u3000]", s) and _SPEECH_BYLINE.match(t):
        return Line(s, "meta", role="speaker")  # "区委副书记、区长　贾正川" under a speech's title
    bullet = _BULLET.match(t)
    if bullet:
        return Line(s[bullet.end():].strip(), bullet=True)
    return Line(s)


def _numbers_onto_headings(lines: list[str]) -> list[str]:
    """A post's section number alone on its line over its heading ("01" / "禁烧时段：全面零火点") is that heading's
    number ("01 禁烧时段：…"), not a page number. Zero-padded, so "1" alone stays a page mark; "10"… once
    "01"… came before. Lines keep their places (the number's own line becomes blank)."""
    out = list(lines)
    padded = False
    for i, raw in enumerate(lines[:-1]):
        number = raw.strip()
        if not (re.fullmatch(r"0[1-9]", number) or (padded and re.fullmatch(r"1\d", number))):
            continue
        nxt = next((j for j in range(i + 1, min(i + 3, len(lines))) if lines[j].strip()), None)
        heading = lines[nxt].strip() if nxt is not None else ""
        if heading and len(heading) <= 30 and is_cjk(heading[0]) and not _has_sentence_end(heading[-1:]):
            out[i], out[nxt] = "", f"{number} {heading}"
            padded = True
    return out


def clean_lines(lines: list[str], headings: set[int] | None = None) -> list[Line]:
    """Classify every line; blank lines are kept (as empty text) because they separate paragraphs.

    `headings`: lines marked as headings by the document's own markup; they are text, never fields."""
    headings = headings or set()
    lines = _numbers_onto_headings(lines)
    out: list[Line] = []
    previous = ""  # the last kept text line, to tell a hard-wrapped sentence from a new line
    related = False  # after "相关新闻：", the headlines listed are links, not text
    key = ""  # a page field's key alone on its line ("• 发文日期:"): its value is on the next line
    closed = False  # after a disclaimer, the page's own text
    joined: set[int] = set()  # lines read as the end of the line before them
    for i, raw in enumerate(lines):
        s = strip_glosses(raw).strip().strip("\u3000").strip()
        if not s:
            out.append(Line(""))
            continue
        closed = closed or bool(_DISCLAIMER.match(s))
        if closed:
            out.append(Line(s, "noise"))
            continue
        if key and len(s) <= 40 and not _has_sentence_end(s) and not _LONE_KEY.match(s):
            field = classify(f"{key}：{s}")  # the value, read as the field it completes
            out.append(Line(s, "meta", date=field.date, role=field.role) if field.kind == "meta" else Line(s, "noise"))
            key = ""
            continue
        lone = _LONE_KEY.match(s)
        key = lone.group("key") if lone and _page_fields_only(f"{lone.group('key')}：") else ""
        if key:
            out.append(Line(s, "noise"))
            continue
        if i in headings:
            out.append(Line(s))
            previous = ""
            continue
        if i in joined:
            out.append(Line(s, "meta", role="dated"))  # the rest of an occasion line broken in two
            continue
        # An occasion line broken in two ("——2021年2月27日在某镇第十六届人民代表大会" / "第六次会议上").
        if s[:1] in "—－-" and not _OCCASION.match(s) and i + 1 < len(lines):
            whole = s + lines[i + 1].strip()
            occasion = _OCCASION.match(whole)
            if occasion and full_date(occasion.group("date")):
                out.append(Line(s, "meta", date=full_date(whole), role="dated"))
                joined.add(i + 1)
                previous = ""
                continue
        mid = bool(previous) and not previous.rstrip("”’」』)）】》\"'")[-1:] in _SENTENCE_END + ":：" \
            and len(previous) >= 12 and not _looks_standalone(previous)
        line = classify(s, mid_sentence=mid)
        if related and line.kind == "text" and (len(s) <= 60 and not re.search(r"[。，,；;]", s)
                                                or len(s) <= 40 and not re.search(r"[。；;！!？?]", s)):
            line = Line(s, "noise")  # a related-news headline
        elif line.kind == "text" or (line.kind == "noise" and line.text):
            # the links end at text, and at the page's own furniture after them ("来源：…", "阅读原文"): in a
            # reader app's dump the next post's headline follows that furniture
            related = False
        if _RELATED.match(s):
            related, line = True, Line(s, "noise")
        if line.kind == "meta" and (_APP_TIME.match(s) or _ORIGINAL.match(s)):
            _account_above(out)
        out.append(line)
        if line.kind == "text":
            previous = line.text
        elif line.kind == "meta":
            previous = ""
    return out


def _account_above(out: list[Line]) -> None:
    """The line right above a reader app's publish time is the account's name ("青枫发布", "青枫发布 青枫发布"), the
    first half of the app's byline — page metadata, not a headline: short, plain, no blank line between."""
    if out and out[-1].kind == "text" and out[-1].text and len(out[-1].text) <= 16 \
            and not re.search(rf"[{_SENTENCE_END}，,、：:]", out[-1].text):
        out[-1] = Line(out[-1].text, "meta", role="page")


def _looks_standalone(line: str) -> bool:
    """A short line without clause punctuation (a headline) does not continue on the next line."""
    return len(line) <= 40 and not re.search(r"[。，,：:；;]", line)


def running_furniture(lines: list[str], page_starts: list[int] | None = None, edge: int = 3) -> set[int]:
    """Indexes of running headers and footers: a short line that repeats at the edge of several pages.

    A printed document repeats its header ("某县人民政府办公室规范性文件") and footer at every page; text
    extracted from it carries them wherever the page broke, often inside a list point. `page_starts`
    (line indexes where a page begins) come from the PDF reader; for plain text the pages are cut at bare
    page marks ("— 2 —", "第1页 共3页") and form feeds. A line counts when it stands among the first or last
    `edge` lines of at least two pages, alike once digits are ignored ("报告 3", "2024年第8期"); its
    occurrences in the middle of a page stay text. The page marks themselves are noise by `classify`."""
    marks = [i for i, line in enumerate(lines) if "\f" in line or _PAGE_MARK.match(line.strip())]
    if page_starts is None:
        page_starts = [i + 1 for i in marks]
    if not page_starts:
        return set()
    skip = set(marks)
    bounds = sorted({0, *page_starts, len(lines)})
    seen: dict[str, set[int]] = {}
    places: dict[str, list[int]] = {}

    def edges(indexes) -> list[int]:
        found: list[int] = []
        for i in indexes:
            if i not in skip and lines[i].strip("\f \u3000").strip():
                found.append(i)
                if len(found) == edge:
                    break
        return found

    for page, (start, end) in enumerate(zip(bounds, bounds[1:])):
        for i in set(edges(range(start, end)) + edges(range(end - 1, start - 1, -1))):
            s = lines[i].strip("\f \u3000").strip()
            if len(s) > 40 or _has_sentence_end(s):
                continue
            key = re.sub(r"[\d\s\u3000]+", "#", s)
            seen.setdefault(key, set()).add(page)
            places.setdefault(key, []).append(i)
    found = {i for key, pages in seen.items() if len(pages) >= 2 for i in places[key]}
    # A header printed from the second page on only (the first carries the masthead instead): a line at the top
    # of a later page that restates the document's first line ("杉溪县乡村振兴工作简报 2026年第3期" under the
    # masthead "乡村振兴工作简报") is the running header, even in a document of two pages.
    first = next((lines[i].strip("\f \u3000").strip() for i in range(len(lines)) if i not in skip
                  and lines[i].strip("\f \u3000").strip()), "")
    # Likewise a line at the top of a later page giving the document's number ("某县教育局　某教〔2024〕36号"), which
    # its first page states under the masthead: the number is never a line of the body's own.
    number = next((m.group(0) for i in range(min(len(lines), bounds[1] if len(bounds) > 2 else len(lines)))
                   if (m := _DOC_NUMBER_IN.search(lines[i]))), None)
    if len(first) >= 4 and not _has_sentence_end(first):
        for start, end in zip(bounds[1:], bounds[2:]):
            for i in edges(range(start, end)):
                s = lines[i].strip("\f \u3000").strip()
                if len(s) <= 40 and (first in s or (number and number in s)) and not _has_sentence_end(s):
                    found.add(i)
    return found
