"""Loading bulletins: encodings, line endings, line-break repair, and files that are not bulletins."""

import pytest

from bot.errors import BulletinError
from bot.clean import clean_lines
from bot.load import Block, ends_sentence, load_bulletin, repair_line_breaks
from tests.conftest import BUNDLED


def paragraphs(text: str) -> list[str]:
    return [b.text for b in load_bulletin(text.encode("utf-8"), "x.txt").blocks]


def test_broken_lines_in_the_bundled_bulletin_read_as_one_sentence_again():
    text = "\n".join(b.text for b in load_bulletin(BUNDLED.read_bytes(), BUNDLED.name).blocks)
    assert "又有都市农业、文旅康养" in text
    assert "艾坦姆流体控制技术(山东)有限公司" in text
    assert "精准施策、持续发力" in text
    assert "挂图作战,争分夺秒赶进度" in text


def test_a_line_not_ending_a_sentence_continues_across_blank_lines_in_double_spaced_text():
    # extraction that double-spaces every line (the seed bulletin) leaves blank lines inside sentences
    lines = ["第一段讲到这里,还没有", "", "", "讲完。", "", "第二段。"]
    assert [b.text for b in repair_line_breaks(lines)] == ["第一段讲到这里,还没有讲完。", "第二段。"]


def test_a_speech_with_a_blank_line_after_every_paragraph_keeps_its_section_headings_apart():
    # the headings carry commas ("一、正视短板，把…"), the address ends with a colon: paragraph ends all the same,
    # so the blank lines are paragraph breaks, not double spacing, and "一是…" under a heading opens its own paragraph
    lines = ["在全区城市管理工作会议上的讲话", "", "区长　周某", "", "同志们：", "", "下面，我讲三点意见。", "",
             "一、正视短板，把城市管理摆到更加突出的位置", "", "一是欠账多；二是车位缺；三是秩序乱。", "",
             "二、聚焦重点，集中力量打好三场攻坚战", "", "一是打好改造攻坚战。二是打好停车攻坚战。三是打好市容攻坚战。", "",
             "三、完善机制，推动城市管理常态长效", "", "一是健全网格；二是用好平台；三是强化考核。", "",
             "最后，我再强调一点：要为群众办实事。", "", "周某", "2024年4月16日"]
    texts = [b.text for b in repair_line_breaks(lines)]
    assert "二、聚焦重点，集中力量打好三场攻坚战" in texts
    assert "一是打好改造攻坚战。二是打好停车攻坚战。三是打好市容攻坚战。" in texts


def test_a_section_heading_with_a_comma_stays_apart_from_the_indented_paragraph_under_it():
    # no blank lines: each paragraph indented; the heading carries a comma and no full stop, yet it ends there
    lines = ["同志们：", "　　下面，我讲两点意见。", "　　一、认清形势，把养老服务摆在突出位置",
             "　　一是需求增长快。二是供给不均衡。", "　　二、抓住重点，补齐农村养老短板",
             "一是建好互助养老点。二是用好志愿服务队伍。"]
    texts = [b.text for b in repair_line_breaks(lines)]
    assert "一、认清形势，把养老服务摆在突出位置" in texts and "一是需求增长快。二是供给不均衡。" in texts
    assert "二、抓住重点，补齐农村养老短板" in texts  # the sub-point opens its own paragraph, indented or not
    # a numbered sentence broken by the page width still runs on
    wrapped = ["三、全面推行河长制，县级河长每月巡河不少于", "一次，乡级河长每周巡河一次。"]
    assert [b.text for b in repair_line_breaks(wrapped)] == ["三、全面推行河长制，县级河长每月巡河不少于一次，乡级河长每周巡河一次。"]


def test_a_line_ending_inside_an_open_bracket_runs_on_past_the_page_break():
    lines = ["3.建设旅游环线。串联主要景区。（牵头单位：", "— 2 —", "县文旅局、县交通运输局；完成时限：7月15日前）",
             "4.会议强调：", "要抓好安全。"]
    cleaned = clean_lines(lines)
    texts = [b.text for b in repair_line_breaks(cleaned) if not b.noise]
    assert texts[0] == "3.建设旅游环线。串联主要景区。（牵头单位：县文旅局、县交通运输局；完成时限：7月15日前）"
    assert not ends_sentence("串联主要景区。（牵头单位：") and ends_sentence("会议强调：")


def test_elsewhere_a_blank_line_ends_a_paragraph_unless_a_page_break_stood_there():
    lines = ["（一）地区生产总值增长6.5%左右", "", "责任单位：区发展和改革局", "", "（二）工业增加值增长9%",
             "责任单位：区工业和信息化局", "", "各地要加快推进重点项目建设，", "", "- 2 -", "", "确保按期完成。"]
    assert [b.text for b in repair_line_breaks(clean_lines(lines)) if not b.noise] == [
        "（一）地区生产总值增长6.5%左右", "责任单位：区发展和改革局", "（二）工业增加值增长9%",
        "责任单位：区工业和信息化局", "各地要加快推进重点项目建设，确保按期完成。"]


def test_headlines_and_bylines_are_not_joined_to_the_next_line():
    blocks = repair_line_breaks(["某区召开工作会议", "", "本报讯 会议强调了三点。(张三)", "", "另一篇文章标题", "正文。"])
    assert [(b.text, b.heading) for b in blocks[:3]] == [
        ("某区召开工作会议", True), ("本报讯 会议强调了三点。(张三)", False), ("另一篇文章标题", True)]
    assert ends_sentence("积极谋划下步工作创新之路。(宋伟)")
    assert not ends_sentence("既有工业企业、高新产业,又有都市农")


@pytest.mark.parametrize("encoding,newline,bom", [("utf-8", "\n", False), ("utf-8", "\r\n", True),
                                                 ("gb18030", "\r\n", False), ("gbk", "\n", False)])
def test_encodings_and_line_endings_give_the_same_paragraphs(encoding, newline, bom):
    original = BUNDLED.read_text(encoding="utf-8")
    data = original.replace("\n", newline).encode(encoding)
    if bom:
        data = b"\xef\xbb\xbf" + data
    expected = [b.text for b in load_bulletin(BUNDLED.read_bytes(), "a.txt").blocks]
    assert [b.text for b in load_bulletin(data, "a.txt").blocks] == expected


def test_markdown_headings_start_articles_and_markup_is_dropped():
    md = "# 某镇召开安全生产会议\n\n本报讯 会议要求**各村**做好排查。\n\n- 一是加强巡查。\n- 二是落实责任。\n"
    blocks = load_bulletin(md.encode("utf-8"), "b.md").blocks
    assert (blocks[0].text, blocks[0].heading) == ("某镇召开安全生产会议", True)
    assert "各村做好排查" in blocks[1].text


@pytest.mark.parametrize(
    "data,name,message",
    [
        (b"", "a.txt", "空"),
        (b"   \n\n ", "a.txt", "空"),
        (bytes(range(256)) * 20, "a.txt", "二进制"),
        (b"just some english text, no chinese at all.", "a.txt", "中文"),
        ("正文。".encode(), "a.pptx", "不支持"),
        ("正文。".encode(), "a.pdf", "损坏"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "通知.doc", "另存为” .docx 或 PDF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "通知.WPS", "另存为” .docx 或 PDF"),
        ("正文。".encode() * 10, "a.txt", None),
    ],
)
def test_files_that_are_not_bulletins_get_a_clear_message(data, name, message):
    if message is None:
        assert load_bulletin(data, name).blocks
        return
    with pytest.raises(BulletinError) as err:
        load_bulletin(data, name)
    assert message in err.value.message


def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(BulletinError, match="太大"):
        load_bulletin("正文。".encode() * 1000, "a.txt", max_bytes=1000)


def test_markup_paragraphs_are_paragraphs_even_without_a_full_stop():
    from tests.test_ingest import as_docx

    data = as_docx("某县重点任务分工", ["（一）地区生产总值增长6.5%左右", "责任单位：县发展和改革局",
                                     "（二）工业增加值增长9%以上", "责任单位：县工业和信息化局"])
    texts = [b.text for b in load_bulletin(data, "a.docx").blocks if not b.meta]
    assert texts[-4:] == ["（一）地区生产总值增长6.5%左右", "责任单位：县发展和改革局", "（二）工业增加值增长9%以上",
                          "责任单位：县工业和信息化局"]
    md = "# 某县重点任务分工\n\n责任单位：县发展和改革局\n\n各部门要按照分工加快推进前期工作，\n确保年内开工。\n"
    assert [b.text for b in load_bulletin(md.encode(), "b.md").blocks][1:] == [
        "责任单位：县发展和改革局", "各部门要按照分工加快推进前期工作，确保年内开工。"]


def test_a_headline_led_by_the_place_it_reports_on_is_a_heading_and_a_field_is_not():
    from bot.load import looks_like_heading

    assert looks_like_heading("石岗村：“四查四改”筑牢冬季安全防线")
    assert looks_like_heading("县住建局：老旧小区改造提速增效")
    for line in ("主持人：韦丽", "会议强调：抓好秋冬种", "地点：县政府三楼会议室"):
        assert not looks_like_heading(line)


def test_a_documents_full_name_is_a_heading_however_long():
    from bot.articles import split_articles
    from bot.load import load_bulletin, looks_like_heading

    name = "云岭区人民政府办公室关于印发《云岭区2025年城镇老旧小区改造提升实施方案》的通知"
    assert len(name) > 40 and looks_like_heading(name)
    assert not looks_like_heading("今年全区共完成城镇老旧小区改造二十六个涉及居民四千八百余户群众满意度持续提升居民普遍点赞")  # no name
    text = (f"{name}\n\n云政办发〔2025〕7号\n\n各街道办事处，区政府有关部门：\n\n《云岭区2025年城镇老旧小区改造提升实施方案》"
            "已经区政府同意，现印发给你们，请认真组织实施。\n\n云岭区人民政府办公室\n2025年3月5日\n")
    (art,) = split_articles(load_bulletin(text.encode("utf-8"), "plan.txt"))
    assert art.title == name  # the title in full, not its first sentence cut short
