"""Telegram HTML: escaping hostile text, highlighting, and splitting long messages with balanced tags."""

import re
from html.parser import HTMLParser

import pytest

from bot.telegram_html import escape, highlight, split_message, utf16_len


class Check(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.ok, self.text = [], True, []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.ok = False

    def handle_data(self, data):
        self.text.append(data)


def parse(part: str) -> Check:
    c = Check()
    c.feed(part)
    c.close()
    return c


def visible(html: str) -> str:
    return "".join(parse(html).text)


def test_hostile_text_is_escaped():
    assert escape('<script>alert("x")</script> & &amp;') == '&lt;script&gt;alert("x")&lt;/script&gt; &amp; &amp;amp;'


def test_highlight_marks_terms_and_stays_safe():
    out = highlight("<b>招商引资</b> & 招商 A&B", ["招商", "招商引资", "&", "<b>"])
    assert parse(out).ok and not parse(out).stack
    assert "<b>招商引资</b>" in out and "<b>招商</b>" in out
    assert "<b>&lt;b&gt;</b>" in out and "<b>&amp;</b>" in out
    assert visible(out) == "<b>招商引资</b> & 招商 A&B"


@pytest.mark.parametrize("size", [5000, 20000])
def test_long_passages_split_at_sentence_ends_with_balanced_tags(size):
    sentence = "各产业链长要带头到<b>重点区域</b>抓推介&amp;搞对接，千方百计引项目。"
    body = (sentence * (size // 30 + 1))
    html = f"<b>标题 · 第三条</b>\n\n{body}\n\n<i>《来源》 · 2021年4月25日</i>"
    parts = split_message(html)
    assert len(parts) >= 2
    for part in parts:
        assert utf16_len(part) <= 4096
        check = parse(part)
        assert check.ok and not check.stack, part[:80]
    for part in parts[:-1]:
        assert re.sub(r"(</[^>]+>)+$", "", part).endswith(("。", "\n")), part[-30:]
    assert "".join(visible(p) for p in parts) == visible(html)


def test_a_tag_spanning_a_cut_is_closed_and_reopened():
    html = "<i>" + "很长的引用文字，没有句号" * 600 + "</i>"
    parts = split_message(html, limit=1000)
    assert len(parts) > 1
    assert all(p.startswith("<i>") and p.endswith("</i>") for p in parts)
    assert "".join(visible(p) for p in parts) == visible(html)


def test_emoji_count_as_two_utf16_units():
    html = "😀" * 3000  # 6000 UTF-16 units
    parts = split_message(html)
    assert len(parts) == 2 and all(utf16_len(p) <= 4096 for p in parts)
    assert "".join(parts) == html


def test_entities_are_never_cut():
    html = "&amp;" * 2000
    parts = split_message(html, limit=1001)
    assert all(re.fullmatch(r"(&amp;)+", p) for p in parts)
