"""Articles: split a cleaned bulletin into articles with title, date (and where it came from), speakers, byline.

A headline needs headline evidence: a short line without sentence punctuation followed by a metadata line
(发布时间…, a 文号), a dateline ("5月18日，…"), or 本报讯. Headings without it (section headings, "2020年工作
回顾", a list's 一、 heading) stay inside their article. Lines before the first headline are page furniture.
A 简报 is read as its reader reads it: the entries of its 本期要目 are its items' headlines, and under a masthead
with an issue number (第13期) a headline standing alone with its text right under it opens an item.
An article's date is its own dateline, with the year from the text, else the page's metadata, else the file
name, else the configured year, else unknown; a date mentioned in the body is never the article's date.
Without a dateline, the day a speech or report was given (its occasion line, its signature date, in Arabic or
Chinese numerals) or a notice's 成文日期 wins over the page's 发布时间.

A title is what an official would call the document: issuer lines, the author's name line and a menu item
above the headline are not part of it, nor a column label (【工作动态】) or a chapter heading (第一章); a text
without a title takes its file name when that is a title (downloads keep it), else its first sentence. Speakers are people who spoke or issued: a speech is its author's
alone (byline, signature, name line or "X在…上的讲话"), a transcript's officials speak in turn (see
speakers.turns), and a notice issued by an office has none.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import replace

import bot.textutil  # noqa: F401  (quiets jieba before first use)

from bot.records import Article
from bot.load import CAPTION, INLINE_CONTENTS, LINE_MARKER, NEWS_OPENER, NEWS_OPENING, TITLE_MAX_CHARS, Block, LoadedBulletin
from bot.speakers import ASKED, known_names, meeting_chair, person_name, speech_marks, turns
from bot.textutil import (CJK, CN_NUMERAL, FULL_STOPS, SENTENCE_ENDS, YEAR, cn_to_int, int_to_cn, left_open,
                          to_simplified)

# "本报讯" (this paper reports) opens a news article in Chinese newspapers.
ARTICLE_OPENING = NEWS_OPENING
# A section heading's number: "二、", "（三）".
_SECTION_NUMBER = re.compile(rf"^\s*([（(]?)([{CN_NUMERAL}]{{1,3}})([、）)])")
DATE = re.compile(r"(?:(\d{4})\s*年\s*)?(\d{1,2})\s*月\s*(\d{1,2})\s*日")
# A dateline opens the lead: "5月18日，", "2023年10月18日，", "本报讯（通讯员 廖清）5月9日，".
DATELINE = re.compile(rf"^\s*(?:{NEWS_OPENER}\s*)?(?:[（(][^）)]{{0,40}}[）)])?\s*[:：]?\s*"
                      r"(?:(\d{4})\s*年\s*)?(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日")
# "5月15日至10月31日，分三个阶段推进": a period of months a plan sets, no dateline ("4月21日—23日，…考察" is one)
_PERIOD_TO = re.compile(r"\s*(?:至|到|—|－|-|~|～)\s*(?:\d{4}\s*年\s*)?(\d{1,2})\s*月")


# A lead naming who held it first: "县政府新闻办于5月28日上午举行新闻发布会，…", "县委于2024年3月5日召开…" (the day of
# what is reported, not a deadline: "于6月30日前召开" sets one).
_HELD_ON = re.compile(rf"^\s*[{CJK}“”《》（）()、]{{2,30}}?于\s*(?:(\d{{4}})\s*年\s*)?(\d{{1,2}})\s*月\s*(\d{{1,2}})\s*日"
                      rf"(?![前后起])[^，,。；;]{{0,12}}?(?:召开|举行|主持召开)")


# "2024年11月15日供暖季开始前，完成…": a plan's deadline opening its sentence, no dateline.
_BEFORE_DAY = re.compile(r"[^，,。；;：:\n]{0,12}?(?:前|以前|之前)(?![往来夕])")


def dateline(text: str) -> re.Match | None:
    """The dateline opening a paragraph, if any."""
    m = DATELINE.match(text) or _HELD_ON.match(text)
    if m and m.group(2) and (to := _PERIOD_TO.match(text, m.end())) and int(to.group(1)) != int(m.group(2)):
        return None
    if m and _BEFORE_DAY.match(text, m.end()):
        return None
    return m


FILE_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[-_.]?(\d{2})(?:[-_.]?(\d{2}))?)?(?!\d)")
BYLINE = re.compile(rf"[(（]\s*([{CJK}]{{2,4}}(?:[\s、，,]+[{CJK}]{{2,4}})*)\s*[)）]\s*$")
# A trailing credit in brackets: "（记者 陈晓 通讯员 王蕾）", "(区应急管理局 供稿)".
CREDIT = re.compile(r"^[(（][^()（）。]{2,40}[)）]$")
TITLE_MAX = TITLE_MAX_CHARS
# An issuer line: one or more offices, nothing else ("中共杏坪镇委员会办公室　杏坪镇人民政府办公室").
ISSUER = re.compile(rf"^(?:[{CJK}]{{2,24}}?(?:办公室|人民政府|委员会|指挥部|领导小组|管委会|政府|党委|局|厅|委|办|中心)"
                    r"[ \u3000]*){1,3}(?:文件)?$")
# A speech's title ("在全县农村工作会议上的讲话"), and one naming its author ("向思远在全区…会议上的讲话").
SPEECH = re.compile(r"在[^，。]{2,60}?上的(?:讲话|致辞|发言)(?:稿|提纲)?(?:[（(][^）)]{0,20}[）)])?$")
SPEECH_TITLE = re.compile(rf"^(?P<name>[{CJK}]{{2,4}}?)(?:同志)?在[^，。]{{2,60}}?上的(?:讲话|致辞|发言|报告|工作报告)")
# A portal's menu item or a column name standing above a headline ("新闻中心", "政务公开").
MENU_MAX = 4
CHAPTER = re.compile(rf"^\s*第[{CN_NUMERAL}\d]+[章编节]")
# A 简报's table of contents ("本期要目", "目录") and the marks before its entries (★ 县政府召开…).
CONTENTS = re.compile(r"^[【\[［]?(?:本期|今日)?(?:要目|目录|导读)[】\]］]?\s*[:：]?$")

# A 简报's masthead: its issue number ("第13期", "青枫政务信息　第13期", "2025年第13期") near the top.
ISSUE = re.compile(rf"(?:^|[\s\u3000])(?:(?:19|20)\d{{2}}\s*年\s*)?第\s*[\d{CN_NUMERAL}]+\s*期"
                   rf"(?:\s*[（(]\s*总第\s*[\d{CN_NUMERAL}]+\s*期\s*[）)])?$")  # "2025年第7期（总第203期）"
# A column label before an item's headline ("【工作动态】县政府召开…").
COLUMN = re.compile(r"^[【\[［][^】\]］]{1,8}[】\]］]\s*")
ENTRY_MARK = re.compile(rf"^(?:[\s★☆●○◎◉◆◇♦❖■□▲△▶►·•\-—]+|\d{{1,2}}\s*[.、．]\s*|[{CN_NUMERAL}]{{1,2}}\s*、\s*)")
DOCUMENT_FIELDS = ("docno", "document", "speaker")
DOCNO_FIELD = "文号："  # how a notice's number reads among its paragraphs


# A notice's or minutes' salutation alone on its line ("各乡镇人民政府，县直有关部门："), or a line shorter than a
# sentence saying who met ("文号：雾府办纪〔2023〕17号"): not the lead.
_ADDRESSEE_LINE = re.compile(rf"^[^{SENTENCE_ENDS}\n]{{2,80}}[：:]\s*$")
LEAD_MIN = 20


def article_identity(paragraphs: list[str] | tuple[str, ...]) -> str:
    """Identity from normalized text: whitespace, line endings and encoding don't change it."""
    norm = re.sub(r"\s+", "", "".join(paragraphs))
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def _iso(y: int, m: int, d: int) -> str:
    return f"{y:04d}-{m:02d}-{d:02d}"


def _text_date(y: int | None, m: int, d: int) -> str:
    return f"{y}年{m}月{d}日" if y else f"{m}月{d}日"


def _file_date(name: str) -> tuple[int | None, int | None, int | None]:
    m = FILE_DATE.search(name)
    if not m:
        return None, None, None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    mo_i = int(mo) if mo and 1 <= int(mo) <= 12 else None
    d_i = int(d) if d and mo_i and 1 <= int(d) <= 31 else None
    return y, mo_i, d_i


_MONTH_DAY = re.compile(r"(?<![\d年/-])(\d{1,2})\s*(?:月|-|/)\s*(\d{1,2})\s*日?(?!\d)")


def _text_year(paragraphs: list[str]) -> int | None:
    """The year an article's text speaks of most ("确保2024年工业投资增长10%"), the latest of equals: the year
    of a dateline that gives only month and day when nothing else does."""
    years = Counter(int(y) for para in paragraphs for y in YEAR.findall(para))
    if not years:
        return None
    return max(years, key=lambda y: (years[y], y))


def find_date(paragraphs: list[str], meta: list[Block], file_name: str,
              default_year: int | None, bulletin: list[Block] | None = None) -> tuple[str | None, str, str]:
    """(ISO date or None, date as written, where it came from) for one article.

    `bulletin`: the page fields above the first headline (a 简报's masthead date); they date the articles
    below it that carry no date of their own. A 会议纪要 is dated, as a meeting report is, by the meeting its
    lead reports ("5月30日，副区长…主持召开专题会议"), not by its masthead or 印发 date: officials name it by the
    meeting (three of the five archives written apart date it so; the issue counts a publish date taken for
    the meeting's as an error)."""
    page = [b.date for b in meta if b.date and b.role == "page"]
    document = [b.date for b in meta if b.date and b.role in ("document", "written")]
    if not (page or document):
        page = [b.date for b in bulletin or [] if b.date and b.role == "page"]
    for para in [p for p in paragraphs[:3] if not p.startswith(DOCNO_FIELD)][:2]:  # past the notice's 文号
        m = dateline(para)
        if not m:
            continue
        day = int(m.group(3))
        if m.group(2):
            month = int(m.group(2))
        elif page or document:  # "29日上午，…": the month is the page's (or the one before it)
            y, pm, pd = (page or document)[0]
            month = pm if day <= pd else (pm - 2) % 12 + 1
            if month > pm:
                y -= 1
            if 1 <= day <= 31:
                return _iso(y, month, day), _text_date(y, month, day), "dateline+page"
            continue
        else:
            continue
        if not (1 <= month <= 12 and 1 <= day <= 31):
            continue
        if m.group(1):
            return _iso(int(m.group(1)), month, day), _text_date(int(m.group(1)), month, day), "dateline"
        if page or document:
            y, pm, _ = (page or document)[0]
            if pm < month - 6:  # a December meeting published in January
                y -= 1
            return _iso(y, month, day), _text_date(y, month, day), "dateline+page"
        fy, _, _ = _file_date(file_name)
        if fy:
            return _iso(fy, month, day), _text_date(fy, month, day), "dateline+filename"
        ty = _text_year(paragraphs)
        if ty:
            return _iso(ty, month, day), _text_date(ty, month, day), "dateline+text"
        if default_year:
            return _iso(default_year, month, day), _text_date(default_year, month, day), "dateline+config"
        return None, _text_date(None, month, day), "dateline"
    dated = [b.date for b in meta if b.date and b.role == "dated"]
    if dated:
        y, mo, d = dated[0]
        return _iso(y, mo, d), _text_date(y, mo, d), "document"
    if document:
        y, mo, d = document[0]
        return _iso(y, mo, d), _text_date(y, mo, d), "document"
    if page:
        y, mo, d = page[0]
        return _iso(y, mo, d), _text_date(y, mo, d), "page"
    fy, fm, fd = _file_date(file_name)
    if fy and fm and fd:
        return _iso(fy, fm, fd), _text_date(fy, fm, fd), "filename"
    # A reader app's publish day without its year ("苇塘市场监管　6月20日 08:30"): the year the text speaks of, as for
    # a dateline of month and day.
    day = next((m for b in meta if b.role == "page" and not b.date and (m := _MONTH_DAY.search(b.text))), None)
    ty = _text_year(paragraphs) if day else None
    if ty and 1 <= int(day.group(1)) <= 12 and 1 <= int(day.group(2)) <= 31:
        month, d = int(day.group(1)), int(day.group(2))
        return _iso(ty, month, d), _text_date(ty, month, d), "page+text"
    return None, "", "none"


# A document's formal name ("…办公室关于印发《…实施方案》的通知"): its issuer, 关于, the matter, then the kind of document.
# Not a citation of one ("根据《…关于…的通知》": 《 before 关于).
FORMAL_TITLE = re.compile(r"^[^。；;，,：:《》“”]{2,40}关于[^。；;：:]{2,}的(?:通知|意见|决定|通报|报告|批复|函|公告|通告|决议)$")


def _is_title_line(block: Block, after_number: bool = False) -> bool:
    """A headline line. Right under a 文号 a notice's title may be too long to look like a heading; there
    a line without sentence punctuation is the title. A document's formal name is a title line wherever it stands,
    however its file marks headings (a PDF marks none)."""
    if after_number and not (block.meta or block.noise):
        return len(block.text) <= TITLE_MAX and not re.search(rf"[{SENTENCE_ENDS}，,：:]", block.text)
    if not (block.meta or block.noise) and len(block.text) <= TITLE_MAX and FORMAL_TITLE.match(block.text.strip()):
        return True
    # (a photo's caption standing alone over a dateline, as a headline would, is none)
    return block.heading and len(block.text) <= TITLE_MAX and not CAPTION.match(block.text)


def _headline_over_fields(blocks: list[Block], content: list[int], pos: int) -> bool:
    """A headline with clause punctuation ("重磅！招聘会来了，岗位超过3000个") is still one when it stands
    alone (after a blank line, or first) and a page's byline or fields follow it directly, or when it is the
    first line under the byline, apart from the text."""
    block = blocks[content[pos]]
    # one colon after a short name is a headline's ("对话局长｜许丽娟：督察整改“一件一件改到位”")
    colon = re.search(r"[：:]", block.text)
    if block.meta or len(block.text) > TITLE_MAX or re.search(r"[。；;]|[，,、]$", block.text) or (
            colon and (colon.start() > 12 or re.search(r"[：:]", block.text[colon.end():]))):
        return False
    alone = pos == 0 or block.gap or blocks[content[pos - 1]].meta or blocks[content[pos - 1]].heading
    following = blocks[content[pos + 1]] if pos + 1 < len(content) else None
    if following and following.meta and following.role == "page":
        return bool(alone)
    # or the first line under the page's byline ("云溪发布 2025-06-05 17:20"), standing apart from the text below
    above = [blocks[k] for k in content[:pos]]
    return bool(block.gap and above and all(b.meta and b.role == "page" for b in above)
                and following and following.gap and not following.meta)


def _under_page_fields(blocks: list[Block], content: list[int], pos: int, run_end: int) -> bool:
    """A portal's document title under its field table ("成文日期：…", "发布日期：…"), before any text: the page's
    own name above the table ("鹤川县人民政府") was the site's. Not a body heading ("一、总体要求")."""
    before = [blocks[k] for k in content[:pos]]
    title = "".join(blocks[k].text for k in content[pos:run_end + 1])
    return (before[-1].meta and before[-1].role in ("page", "written")
            and all(b.meta or b.heading for b in before) and len(re.findall(rf"[{CJK}]", title)) >= 10
            and not LINE_MARKER.match(title))


# A notice's closing words left alone on a line ("…办公室　2024年11月18日 / 印发"): 印 and 抄 start no name here.
_CLOSING_WORD = re.compile(r"^(?:印发|抄送|抄报|签发|主送|附件)$")


def _person_line(text: str) -> str | None:
    """The name on a line that holds only a person's name (a speech's author under its title)."""
    name = re.sub(r"[ \u3000]", "", to_simplified(text))
    return name if len(text) <= 6 and person_name(name) and not _CLOSING_WORD.match(name) else None


# A decorative mark before a headline ("■白沙镇完成夏粮收购", "★…"): layout, not the title's words.
_TITLE_MARK = re.compile(r"^[★☆●○◆◇■□▲△▶►•·▪]+\s*")
# A masthead's words spaced out letter by letter ("工　作　简　报"): one word, as it is asked for ("简报里说…").
_LETTER_SPACED = re.compile(rf"(?<![{CJK}])[{CJK}](?:[ \u3000]+[{CJK}](?![{CJK}])){{2,}}")


def _unspaced(line: str) -> str:
    return _LETTER_SPACED.sub(lambda m: re.sub(r"[ \u3000]+", "", m.group(0)), line)


# A line going on from the issuer's to name the document: "…办公室 / 关于印发…的通知", "…领导小组 / 第三次会议纪要".
_NAMES_ON = re.compile(rf"^(?:关于|第[{CN_NUMERAL}\d]{{1,4}}(?:次|届)|[{CJK}]{{0,12}}纪要$)")


def joined_title(lines: list[str]) -> str:
    """A headline's lines as one title: apart by a space, but not where a line breaks inside brackets
    ("…关于印发《埭湖县烟花" / "爆竹安全管理…方案》的通知": one name cut by the page's width)."""
    title = ""
    for line in lines:
        cut = left_open(title) or left_open(title, "《", "》")
        title = title + line if cut or not title else f"{title} {line}"
    return title


def title_lines(lines: list[str]) -> list[str]:
    """The lines of a headline run that are the title: not an issuer line, not the speaker's name, not a
    menu item standing above the headline. A run that is all of these stays as it is."""
    lines = [_unspaced(_TITLE_MARK.sub("", COLUMN.sub("", t)) or t) for t in lines]
    kept = [t for k, t in enumerate(lines) if not _person_line(t) and not (
        ISSUER.match(t) and not (k + 1 < len(lines) and _NAMES_ON.match(lines[k + 1])))]
    if len(kept) > 1 and len(kept[0]) <= MENU_MAX and len(kept[1]) > MENU_MAX:
        kept = kept[1:]
    if lines and all(_person_line(t) for t in lines):
        return []  # only the author's name: no title (the file name or the first sentence gives one)
    return kept or lines


def _continues_numbering(blocks: list[Block], content: list[int], pos: int) -> bool:
    """A heading numbered "二、" (or "（三）") under its predecessor "一、" ("（二）") in the same text is the next
    section of one document, not a new article's headline, whatever its first line looks like."""
    n, numbered = _section_number(blocks[content[pos]].text)
    if n < 2:
        return False
    return any(blocks[content[j]].text.startswith(numbered(n - 1)) for j in range(pos))


def _section_number(heading: str):
    """(n, a function writing another number in the heading's style) of a heading numbered "三、" or "（三）"."""
    m = _SECTION_NUMBER.match(heading)
    n = (cn_to_int(m.group(2)) or 0) if m else 0
    return n, lambda k: f"{m.group(1)}{int_to_cn(k)}{m.group(3)}"


def _opens_numbering(blocks: list[Block], content: list[int], pos: int) -> bool:
    """A heading numbered "一、" with its "二、" further down as a heading: the first section of one document
    (a 简报's "一、…" under its masthead), not an article's headline — unless what follows it opens as news does
    ("6月21日，区长…": a 简报's numbered items, each a story of its own)."""
    n, numbered = _section_number(blocks[content[pos]].text)
    if n != 1 or (pos + 1 < len(content) and _opens_article(blocks[content[pos + 1]])):
        return False
    return any(blocks[content[j]].heading and blocks[content[j]].text.startswith(numbered(2))
               for j in range(pos + 1, len(content)))


def _opens_article(block: Block) -> bool:
    """A paragraph that can follow a headline: a dateline or 本报讯 opening."""
    return bool(dateline(block.text) or ARTICLE_OPENING.match(block.text))


def _contents(blocks: list[Block]) -> tuple[list[Block], frozenset[str]]:
    """A 简报's table of contents is page furniture, and its entries are headlines: each line listed under
    "本期要目" that stands alone as a heading further down opens an article there, dateline or not. Returns the
    blocks with the contents marked as noise, and the entries' texts."""
    out, listed = list(blocks), set()
    for k, block in enumerate(blocks):
        inline = None if block.meta else INLINE_CONTENTS.match(block.text)
        if inline:
            # "【本期要目】区城管局推动…；柳塘街道…": the entries on the label's line, each found again below
            entries = [e.strip() for e in re.split(r"[；;]", inline.group("entries")) if e.strip()]
            below = re.sub(r"\s+", "", "".join(b.text for b in blocks[k + 1:]))
            if entries and all(re.sub(r"\s+", "", e) in below for e in entries):
                out[k] = replace(block, noise=True)
                # the last entry going on in the next line ("…破解老旧" / "小区管理难题"), as a headline below has it
                nxt = k + 1
                if nxt < len(blocks) and not blocks[nxt].meta and len(blocks[nxt].text) <= 20:
                    whole = re.sub(r"\s+", "", entries[-1] + blocks[nxt].text)
                    after = re.sub(r"\s+", "", "".join(b.text for b in blocks[nxt + 1:]))
                    if whole in after:
                        out[nxt] = replace(blocks[nxt], noise=True)
                        entries[-1] += blocks[nxt].text.strip()
                listed.update(entries)
            continue
        if block.meta or not CONTENTS.match(block.text):  # "【本期目录】" is read as a widget: still the contents
            continue
        j, entries = k + 1, []
        while j < len(blocks) and not blocks[j].meta:
            # (an entry may carry its column: "【要闻一】县全民健身中心建成试开放")
            entry = COLUMN.sub("", ENTRY_MARK.sub("", blocks[j].text).strip()).strip()
            if entry and not blocks[j].noise:
                # listed as "1.…" and headed "一、…" below: the same heading, numbered in the body's style
                # (or under its column, "【要闻一】锦塘镇：…", the column and the headline on one line)
                again = [i for i in range(j + 1, len(blocks))
                         if entry in (blocks[i].text.strip(), ENTRY_MARK.sub("", blocks[i].text.strip()),
                                      COLUMN.sub("", blocks[i].text.strip()))]
                if again and not any(blocks[i].heading for i in again) and len(entry) <= TITLE_MAX:
                    # a line alone below that the contents list is a headline, though it reads long or has a colon
                    # ("沈卓然调研托育服务工作：让更多家庭“托得起、托得好”")
                    out[again[0]] = replace(blocks[again[0]], heading=True)
                elif not any(blocks[i].heading for i in again):
                    if blocks[j].bullet and (not entries or all(blocks[e].bullet for e, _ in entries)):
                        # "● 典型做法": a bulleted entry is the contents' though its part is headed otherwise below
                        out[j] = replace(blocks[j], noise=True)
                        j += 1
                        continue
                    break  # the contents end at the first line not listed again below
                entries.append((j, entry))
            j += 1
        for j, entry in entries:
            out[j] = replace(blocks[j], noise=True)
            listed.add(entry)
        if entries:
            out[k] = replace(block, noise=True)
    return out, frozenset(listed)


def _headline_starts(blocks: list[Block], listed: frozenset[str] = frozenset()) -> list[tuple[int, int]]:
    """(first, end) block indexes of every headline run that has headline evidence after it (or that a table of
    contents lists: `listed`; in a 简报, a headline standing alone with its text right under it)."""
    starts: list[tuple[int, int]] = []
    content = [k for k, b in enumerate(blocks) if not b.noise]
    briefing = _is_briefing(blocks, content)
    pos = 0
    while pos < len(content):
        k = content[pos]
        over_fields = not _is_title_line(blocks[k]) and _headline_over_fields(blocks, content, pos)
        if not (_is_title_line(blocks[k]) or over_fields):
            if ARTICLE_OPENING.match(blocks[k].text) and (not starts or starts[-1][1] < k):
                # 本报讯 without a headline still opens a new article when text came before it
                if any(not blocks[j].meta and not blocks[j].heading for j in content[:pos]):
                    starts.append((k, k))
            pos += 1
            continue
        if _continues_numbering(blocks, content, pos) or _opens_numbering(blocks, content, pos):
            pos += 1
            continue
        run_end = pos
        # a headline may take two lines; a line after a blank line or page noise starts a new run
        while (run_end + 1 < len(content) and _is_title_line(blocks[content[run_end + 1]])
               and not blocks[content[run_end + 1]].gap and not CHAPTER.match(blocks[content[run_end + 1]].text)):
            run_end += 1
        nxt = run_end + 1
        evidence = False
        metas = 0
        numbered = False  # a 文号 among them: a red-header notice, whose title follows
        while nxt < len(content) and blocks[content[nxt]].meta:
            # a page field or a 文号 is headline evidence; a signature date closes a notice instead
            evidence = evidence or blocks[content[nxt]].role != "document"
            numbered = numbered or blocks[content[nxt]].role == "docno"
            nxt += 1
            metas += 1
        if metas and not evidence:
            pos = run_end + 1
            continue
        elif nxt < len(content) and _opens_article(blocks[content[nxt]]):
            evidence = True
        elif over_fields and pos > 0:
            evidence = True  # the first line under a post's byline, standing alone
        elif pos > 0 and _under_page_fields(blocks, content, pos, run_end):
            evidence = True
        elif listed and any(COLUMN.sub("", blocks[content[j]].text.strip()) in listed
                            for j in range(pos, run_end + 1)):
            evidence = True
        elif briefing and nxt < len(content) and pos > 0 and blocks[content[nxt]].gap is False \
                and not (blocks[content[nxt]].heading or blocks[content[nxt]].meta) and blocks[content[pos]].gap:
            evidence = True  # a 简报's item: a headline standing alone after a blank line, its text right under it
        if evidence:
            first, last = content[pos], content[run_end]
            # A name alone over the fields ("韦正航" / "（2024年3月15日）") is a speech's author line: its title
            # is the headline run just above it ("在…会议上的讲话"), apart from it by a blank line.
            back = pos
            if all(_person_line(blocks[content[j]].text) for j in range(pos, run_end + 1)):
                taken = starts[-1][1] if starts else 0
                while back > 0 and content[back - 1] >= taken and _is_title_line(blocks[content[back - 1]]) \
                        and not _person_line(blocks[content[back - 1]].text):
                    back -= 1
                    if blocks[content[back]].gap:
                        break  # the title's first line (a two-line title has no blank line inside)
            first = content[back]
            # A red-header notice: issuer line, 文号, then the real title before the first paragraph.
            # A 办法's first chapter under its 文号 is no title: the title was above the number.
            if numbered and nxt < len(content) and _is_title_line(blocks[content[nxt]], after_number=True) \
                    and not CHAPTER.match(blocks[content[nxt]].text):
                after = nxt
                # the title's lines; the issuer's line and its "关于…的通知" line are one title, apart or not
                while (after + 1 < len(content) and _is_title_line(blocks[content[after + 1]])
                       and (not blocks[content[after + 1]].gap
                            or (ISSUER.match(blocks[content[after]].text)
                                and blocks[content[after + 1]].text.startswith("关于")))):
                    after += 1
                # (an issuer's name alone under the 文号 is its signature, the title above it: "…工作要点" / 文号 /
                # "…领导小组办公室" / date)
                signature = after == nxt and ISSUER.match(to_simplified(blocks[content[nxt]].text.strip()))
                if not (signature and pos < nxt - 1):
                    first, last = content[nxt], content[after]
                    nxt = after + 1
            starts.append((first, last + 1))
            pos = max(nxt, run_end + 1)
            continue
        pos = run_end + 1
    return starts


def split_articles(loaded: LoadedBulletin, default_year: int | None = None) -> list[Article]:
    """Split a bulletin into articles: headlines with evidence start them; see the module docstring."""
    blocks, listed = _contents(list(loaded.blocks))
    starts = _headline_starts(blocks, listed)
    briefs: tuple[str, ...] = ()
    if not listed and _brief_items(blocks, starts):
        # an issue of one-paragraph briefs ("【督察整改】…" over its paragraph) is read as one article; each brief's
        # headline stays its section
        # the headlines from the first brief's to the last's (a heading after the last brief's body is none)
        end = next((k for k in range(starts[-1][1] + 1, len(blocks)) if blocks[k].heading and not blocks[k].noise),
                   len(blocks))
        briefs = tuple(b.text for b in blocks[starts[0][0]:end]
                       if b.heading and not b.noise and not ISSUE.search(b.text.strip()))
        starts = []
    if not starts:
        # No headline evidence anywhere: one article, titled by its first heading run (up to a blank line)
        # that is not an issuer's or a speaker's line, if it opens the file.
        first_text = next((k for k, b in enumerate(blocks) if not (b.noise or b.meta or b.heading)), len(blocks))
        runs: list[list[int]] = []
        for k in range(first_text):
            if blocks[k].heading and not CHAPTER.match(blocks[k].text):  # a chapter heading opens the text
                if runs and not blocks[k].gap and runs[-1][-1] == k - 1:
                    runs[-1].append(k)
                else:
                    runs.append([k])
        run = next((r for r in runs if any(not (ISSUER.match(blocks[k].text) or _person_line(blocks[k].text))
                                           for k in r)), runs[0] if runs else None)
        starts = [(run[0], run[-1] + 1)] if run else [(0, 0)]
    elif any(not (b.noise or b.meta or b.heading) for b in blocks[: starts[0][0]]):
        # Text before the first headline is an article of its own (a page with several articles).
        starts.insert(0, (0, 0))
    # the fields above the first paragraph: a 简报's masthead dates every article under it
    first_text = next((k for k, b in enumerate(blocks) if not (b.noise or b.meta or b.heading)), len(blocks))
    masthead = [b for b in blocks[:first_text] if b.meta]
    articles: list[Article] = []
    page_headline: list[str] = []  # a headline over page fields and nothing else, the document's title below it
    carried: list[Block] = []
    for n, (first, body_start) in enumerate(starts):
        end = starts[n + 1][0] if n + 1 < len(starts) else len(blocks)
        # Headline lines; for the first article, what stands before the headline is page furniture.
        titles = [b.text for b in blocks[first:body_start] if b.heading or (b.text and not (b.meta or b.noise))]
        lead_in = (blocks[:first] if n == 0 else []) + carried
        span = blocks[body_start:end]
        article = _make_article(loaded, len(articles), titles, lead_in, span, default_year, masthead)
        if article and page_headline and _compact(article.title) in _compact("".join(page_headline)):
            # A portal repeats the document's title under its own headline, which names it whole ("沙沟镇2021年
            # 政府工作报告" over "政 府 工 作 报 告"): the headline is the title.
            article = replace(article, title=joined_title(title_lines(page_headline)))
        page_headline = titles if not article and titles and all(
            b.noise or b.meta for b in span) else []
        # the fields of a page headline with no text of its own date the document under it, and every item of the
        # post after it that has no date of its own (a post of two news items, its headline over its publish day)
        carried = [b for b in span if b.meta] if page_headline else []
        masthead = masthead + [b for b in carried if b not in masthead]
        if article:
            articles.append(article)
    if len(articles) == 1:
        # A 简报 whose items could not be told apart is the issue itself: its masthead names it
        # ("柏峪区农业农村工作简报 第15期"), not its first item's headline.
        head = [b.text for b in blocks[:first_text] if b.heading and not b.noise]
        issue = next((k for k, t in enumerate(head) if ISSUE.search(t)), None)
        if issue is not None:
            articles[0] = replace(articles[0], title=joined_title(title_lines(head[:issue + 1])))
            # the issue is dated by its masthead, not by its first item's day
            dated = next((b.date for b in masthead if b.date and all(b.date)), None)
            if dated:
                articles[0] = replace(articles[0], date=_iso(*dated), date_text=_text_date(*dated), date_source="page")
            paras = list(articles[0].paragraphs)
            while paras and paras[0] in head[:issue + 1]:  # the masthead's lines are the title, not text
                paras.pop(0)
            articles[0] = replace(articles[0], paragraphs=tuple(paras), sections=tuple(h for h in briefs if h in paras))
    return articles


def _is_briefing(blocks: list[Block], content: list[int]) -> bool:
    """A 简报: its masthead (the first lines kept) numbers the issue ("第15期", "2026年第3期（总第27期）")."""
    return any(ISSUE.search(blocks[k].text.strip()) for k in content[:6] if blocks[k].heading or blocks[k].meta)


_POINT_MARK = re.compile(rf"[{CN_NUMERAL}]是[，,]?[{CJK}]|[（(][1-9{CN_NUMERAL}][）)]|(?<![\d.])[1-9][.．、](?!\d)")


def _brief_items(blocks: list[Block], starts: list[tuple[int, int]]) -> bool:
    """A 简报 (its masthead numbers the issue) whose items, the last aside, are each a headline over a single
    paragraph: news in brief, one issue to read, not articles of their own. Items of several paragraphs (an
    experience reported at length, a meeting with its points) are articles."""
    if len(starts) < 2 or not _is_briefing(blocks, [k for k, b in enumerate(blocks) if not b.noise]):
        return False
    # from the first item to the last one's headline: each headline over exactly one paragraph
    run = 0
    for b in blocks[starts[0][0]:starts[-1][0]]:
        if b.noise or b.meta or not b.text.strip():
            continue
        if b.heading:
            if run > 1:
                return False
            run = 0
        elif _POINT_MARK.search(b.text):
            return False  # a brief reports; an item setting out points ("一是…二是…") is an article of its own
        else:
            run += 1
    return run == 1


def _compact(title: str) -> str:
    return re.sub(r"[\s\u3000]", "", to_simplified(title))


def _make_article(loaded: LoadedBulletin, position: int, titles: list[str], lead_in: list[Block],
                  span: list[Block], default_year: int | None, masthead: list[Block]) -> Article | None:
    meta = [b for b in lead_in + span if b.meta]
    dropped = [b.text for b in lead_in if not b.meta] + [b.text for b in span if b.noise and b.role != "section"]
    # A notice's 文号 and signature date are part of the document (officials ask for them); page
    # fields (发布时间, 来源, 点击数) are not.
    # The 文号 is named as officials name it ("文号：临政办发〔2023〕15号"), so a question asking for it finds it.
    paras = [_as_text(b) for b in lead_in if b.meta and b.role == "docno"]
    # a name alone under the title, before the text ("向 思 远" under a work report), is its author's line
    top = next((k for k, b in enumerate(span) if not (b.noise or b.meta or b.heading)), len(span))
    author_lines = {k for k in range(top) if span[k].heading and _person_line(span[k].text)}
    kept = [k for k, b in enumerate(span) if k not in author_lines and (not b.noise or b.role == "section")
            and (not b.meta or b.role in DOCUMENT_FIELDS)]
    # A report's section label ("【下步安排】") is text where it names what follows it in this article: not at its end
    # (the next item's label, above that item's headline), nor alone (a masthead's).
    labels = {k for k in kept if span[k].noise}
    while kept and kept[-1] in labels:
        dropped.append(span[kept.pop()].text)
    if all(k in labels for k in kept):
        dropped += [span[k].text for k in kept]
        kept = []
    paras += [_as_text(span[k]) for k in kept]
    byline = None
    while paras and CREDIT.match(paras[-1]) and not BYLINE.search(paras[-1]):
        dropped.append(paras.pop())  # "(区应急管理局 供稿)": a credit, not text
    if paras:
        b = BYLINE.search(paras[-1])
        if b and (b.start() > 0 or len(paras) > 1):
            byline = re.sub(r"[\s、，,]+", " ", b.group(1)).strip()
            paras[-1] = paras[-1][: b.start()].rstrip()
        paras[0] = ARTICLE_OPENING.sub("", paras[0]).lstrip(" ：:")
    paras = [p for p in paras if p]
    if not paras:
        return None
    title = joined_title(title_lines(titles)) or _fallback_title(paras[0], loaded.name)
    date, date_text, date_source = find_date(paras, meta, loaded.name, default_year, masthead)
    simple = to_simplified("\n".join(paras))
    names = known_names(to_simplified(title) + "\n" + simple)
    # a speech's byline ("区长　贾正川"), its signature, or a name alone under its title names who gives it
    given_by = [to_simplified(b.text.split()[-1]) for b in lead_in + span if b.meta and b.role == "speaker"]
    given_by += [n for t in titles + [b.text for b in lead_in if b.heading] + [span[k].text for k in sorted(author_lines)]
                 if (n := _person_line(t))]
    # a signature: the author's name alone on a line at the end, over the date it was given ("陈志鸿 / 二〇二五年二月十八日")
    tail = [b for b in span if not b.noise]
    while tail and tail[-1].meta and tail[-1].role == "document":
        tail.pop()
    if len(tail) < len(span) and tail and tail[-1].heading and (n := _person_line(tail[-1].text)) and n not in given_by:
        given_by.append(n)
    speech = SPEECH_TITLE.match(to_simplified(title))
    if speech and person_name(speech.group("name")):
        given_by.append(speech.group("name"))  # "冯志远在全区…大会上的讲话"
    transcript = turns(simple, names)
    if (given_by or SPEECH.search(to_simplified(title))) and not _officials_take_turns(transcript):
        # A speech is its author's words throughout: "王立群同志讲得很好" names a listener, not a speaker;
        # a speech whose author goes unnamed ("县长在…上的讲话") has no other speaker either.
        # (Not a transcript whose list of who presents sets one of them on a line like a byline: "鹊山镇党委书记　袁卫华"
        # under "发布人：…", each of them answering in turn.)
        names = given_by[:1]
        transcript = turns(simple, names)
    # the lead: the first paragraph after a notice's number and addressee lines ("文号：…17号", "各乡镇人民政府：")
    lead = next((p for p in paras[:3] if len(p) >= LEAD_MIN and not _ADDRESSEE_LINE.match(p)), paras[0])
    chair = given_by[0] if given_by else meeting_chair(to_simplified(title), to_simplified(lead), names)
    speakers: dict[str, None] = {}
    for _, _, who in transcript:  # a transcript: its officials in the order they take the floor
        if who and who != ASKED:
            speakers.setdefault(who)
    if chair:
        speakers.setdefault(chair)
    for _, who in speech_marks(simple, names, transcript):
        if who and who != ASKED:
            speakers.setdefault(who)
    return Article(
        article_id=article_identity(paras),
        source=loaded.name,
        position=position,
        title=title,
        date=date,
        date_text=date_text,
        speakers=tuple(speakers),
        byline=byline,
        paragraphs=tuple(paras),
        date_source=date_source,
        chair=chair,
        names=tuple(names),
        dropped=tuple(dropped),
    )


def _as_text(block: Block) -> str:
    if block.role == "docno":
        return f"{DOCNO_FIELD}{block.text}"
    return ("- " + block.text) if block.bullet else block.text


def _officials_take_turns(transcript: list[tuple[int, int, str]]) -> bool:
    """Two or more officials speak in the turns (`turns`: "苏明远：…", "戴静：…"): a transcript, no one author's speech."""
    return len({who for _, _, who in transcript if who and who != ASKED}) >= 2


def _fallback_title(first_paragraph: str, file_name: str) -> str:
    """A file name that is a title ("梁国华在全县防汛工作会议上的讲话.docx": downloads keep it); else the first
    sentence, without a reporter's credit before it ("（记者 陈晓）5月4日，…")."""
    stem = re.sub(r"[\d_\-.\s]+", " ", re.sub(r"(?:\.[A-Za-z0-9]{1,5})+$", "", file_name)).strip()
    if len(re.findall(rf"[{CJK}]", stem)) >= 8 and re.fullmatch(rf"[{CJK}（）《》“”、 ]+", stem):
        return stem
    first = re.split(rf"[{FULL_STOPS}]", first_paragraph, maxsplit=1)[0]
    first = re.sub(r"^\s*[（(][^（）()]{1,30}[）)]\s*", "", first)
    return first[:30] + ("…" if len(first) > 30 else "") if first else file_name
