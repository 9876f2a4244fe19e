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
    assert art.paragraphs[0] == "南政办发〔2022〕8号"  # officials ask for it
    assert "2022年3月18日" in art.paragraphs and art.date_source == "document"
    assert not any("人民政府办公室文件" in p for p in art.paragraphs)  # the red header is furniture
