"""Splitting the bundled bulletin into articles with their metadata."""

from bot.articles import article_identity, split_articles
from bot.load import load_bulletin
from tests.conftest import BUNDLED


def articles():
    return split_articles(load_bulletin(BUNDLED.read_bytes(), BUNDLED.name), default_year=2021)


def test_the_bundled_file_holds_two_articles_with_titles_dates_and_bylines():
    a, b = articles()
    assert a.title == "拓视野 借良方 增信心 我区党政考察团赴日照潍坊济宁考察学习"
    assert b.title == "全区聚焦“工业强区、产业兴区”改革攻坚突破座谈会召开"
    assert (a.date, a.date_text) == ("2021-04-21", "2021年4月21日")
    assert (b.date, b.date_text) == ("2021-04-25", "2021年4月25日")
    assert a.byline == "宋伟"
    assert b.byline == "孙伟 高翔翔 丁浩 陈梦喆"
    assert b.speakers == ("毕志伟", "刘宗国")


def test_bylines_and_the_news_opening_are_not_part_of_the_text():
    a, b = articles()
    assert a.paragraphs[0].startswith("今年是实施")
    assert a.paragraphs[-1].endswith("创新之路。")
    assert b.paragraphs[-1].endswith("行动新局面。")


def test_article_identity_ignores_whitespace_and_line_endings():
    assert article_identity(["一段 文字。", "第二段。"]) == article_identity(["一段文字。\r\n第二段。"])
    assert article_identity(["一段文字。"]) != article_identity(["一段文字!"])


def test_year_comes_from_the_file_name_before_the_config():
    data = "某区召开会议\n\n本报讯 5月6日,某区召开会议。会议强调要抓好落实。\n".encode()
    (art,) = split_articles(load_bulletin(data, "bulletin_2019-05.txt"), default_year=2021)
    assert art.date == "2019-05-06"
    (art,) = split_articles(load_bulletin(data, "bulletin.txt"), default_year=2021)
    assert art.date == "2021-05-06"


def test_a_notice_keeps_its_document_number_and_signature_date_as_text():
    from tests.conftest import ROOT

    data = (ROOT / "tests" / "data" / "nanling_notice.txt").read_bytes()
    (art,) = split_articles(load_bulletin(data, "nanling_notice.txt"))
    assert art.paragraphs[0] == "文号：南政办发〔2022〕8号"  # officials ask for it by that name
    assert "2022年3月18日" in art.paragraphs and art.date_source == "document"
    assert not any("人民政府办公室文件" in p for p in art.paragraphs)  # the red header is furniture


def _one(text: str, name: str = "x.txt"):
    (art,) = split_articles(load_bulletin(text.encode("utf-8"), name))
    return art


def test_the_dateline_after_a_reporter_credit_and_a_day_only_dateline():
    art = _one("区委召开党政联席会议\n\n发布时间：2023-10-12\n\n本网讯（记者 吕晓岚 通讯员 孔令宇）10月11日，区委召开会议。会议要求抓好落实。\n")
    assert (art.date, art.date_source) == ("2023-10-11", "dateline+page")
    assert art.paragraphs[0].startswith("（记者")
    art = _one("区政府召开常务会议\n\n发布时间：2023-12-30\n\n29日上午，区长温立群主持召开区政府常务会议。会议强调抓好年终工作。\n")
    assert (art.date, art.date_source) == ("2023-12-29", "dateline+page")
    art = _one("区政府召开常务会议\n\n发布时间：2024-01-02\n\n30日上午，区长温立群主持召开区政府常务会议。会议强调抓好年终工作。\n")
    assert art.date == "2023-12-30"  # the day before the page's month began


def test_a_speech_header_is_not_part_of_the_title():
    text = ("在全区招商引资推进会上的讲话\n区委副书记、区长　贾正川\n（二〇二三年九月六日）\n\n同志们：\n"
            "今天我们召开会议。我讲三点意见。一要抓招商。引进项目。二要抓服务。三要抓落实。\n")
    art = _one(text)
    assert art.title == "在全区招商引资推进会上的讲话"
    assert (art.date, art.chair) == ("2023-09-06", "贾正川")
    from bot.passages import article_passages

    _, (nl,) = article_passages(art)
    assert (nl.size, nl.speaker) == (3, "贾正川")  # the byline's speaker gives the speech's list


def test_paragraphs_pasted_onto_one_line_are_apart_again():
    art = _one("某区召开会议\n\n发布时间：2023-06-09\n\n6月8日，某区召开会议。 郝远征强调，要紧盯目标。 会议还研究了其他事项。\n")
    assert art.paragraphs == ("6月8日，某区召开会议。", "郝远征强调，要紧盯目标。", "会议还研究了其他事项。")
