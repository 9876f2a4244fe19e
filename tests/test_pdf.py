"""PDF bulletins (bot/pdf.py through load and the parse pipeline) and PDF-layout text: reading order, two
columns, running headers and page marks gone even inside a list point, wrapped lines joined, scans and
hostile files refused with a message, quickly; a PDF added on the CLI answers a question.

The PDFs of tests/data/pdf/ are made by scripts/make_pdf_fixtures.py (our own words)."""

from __future__ import annotations

import io
import time

import pytest

from bot.cli import main
from bot.config import load_config
from bot.errors import BulletinError
from bot.load import load_bulletin
from bot.pipeline import ParseSettings, parse_bulletin
from bot.search import Searcher
from tests.conftest import ROOT, make_config, top_result

PDFS = ROOT / "tests" / "data" / "pdf"


def parsed(name: str):
    return parse_bulletin((PDFS / name).read_bytes(), name, ParseSettings())


def lists(bulletin) -> list[list[str]]:
    """Each numbered list as its points' texts, in order."""
    out = []
    for passages, numbered in bulletin.passages.values():
        for nl in numbered:
            out.append([p.text for p in sorted(passages, key=lambda p: p.position)
                        if p.kind == "point" and p.list_id == nl.list_id])
    return out


def points(bulletin) -> list[str]:
    return [p for points in lists(bulletin) for p in points]


def test_red_header_notice_reads_as_its_title_date_and_plan():
    notice = parsed("red_notice.pdf")
    assert notice.format == "pdf"
    [article] = notice.articles
    # the issuer's red line is not the title; the title set over two lines is one
    assert article.title == "青川县人民政府办公室关于印发《青川县城乡供水保障提升三年行动方案》的通知"
    assert article.date == "2025-03-06"
    sizes = {points[0][:5]: len(points) for points in lists(notice)}
    assert sizes["一、工作目"] == 3 and sizes["（一）建设"] == 2 and sizes["（1）第一"] == 2
    # a point keeps its 牵头单位 and deadline, though a line broke after "完成时限："
    assert any(p.startswith("1.扩建东岭水库水厂。") and p.endswith("完成时限：2026年6月底前）") for p in points(notice))
    assert not any("—" in p for p in points(notice))  # page marks "— 2 —" never reach a point


def test_two_column_brief_is_read_column_by_column():
    brief = parsed("two_column_brief.pdf")
    first, second = brief.articles
    assert (first.title, second.title) == ("白沙镇集中整治农村人居环境", "云溪街道开展安全生产大排查")
    a, b = "".join(first.paragraphs), "".join(second.paragraphs)
    # sentences that cross a line inside their column come out whole, each in its own article
    assert "白沙镇组织镇村干部和志愿者四百余人" in a and "拆除乱搭乱建棚舍四十三处。" in a
    assert "云溪街道抽调安监、城管和社区工作人员" in b and "依法责令停业整顿并公开曝光。" in b
    assert "云溪" not in a and "白沙" not in b


def test_running_header_and_page_footer_leave_a_point_crossing_the_page_whole():
    report = parsed("report_page_break.pdf")
    [article] = report.articles
    assert article.title == "青川县2025年一季度重点工作推进情况的报告"
    [plan] = [points for points in lists(report) if len(points) == 5]
    third = plan[2]
    assert third.startswith("3.推进城区老旧小区改造。") and "改造完成后同步引入物业服务。" in third
    assert third.endswith("（牵头单位：县住房和城乡建设局；配合单位：县财政局、各街道办事处；完成时限：2025年11月底前）")
    text = "\n".join(article.paragraphs)
    assert "青川县人民政府工作报告" not in text and "第1页" not in text and "共2页" not in text
    assert {"青川县人民政府工作报告", "第1页 共2页"} <= set(article.dropped)


def pdf_style_text(width: int = 28) -> str:
    """A notice as PDF text extraction leaves it: lines cut at `width` characters (paragraphs indented two
    spaces), and at each page end a page mark and the running header, here inside list point 2."""
    paragraphs = [
        "为切实做好今年秋冬季森林防火工作，保护森林资源和群众生命财产安全，现将有关事项通知如下。",
        "一、压实防火责任",
        "1.镇村两级签订防火责任书。各村要把防火责任落实到山头地块，明确网格护林员，做到每片山林有人看、有人管。",
        "2.加强重点时段巡查。清明、春节等祭祀用火高峰期间，各村安排专人在主要路口和坟山设卡值守。"
        "（牵头单位：镇应急办；配合单位：镇林业站；完成时限：长期坚持）",
        "3.严格野外用火审批。确需野外用火的，须提前向镇林业站报备，落实隔离带和看护人员后方可用火。",
        "二、做好扑救准备",
        "1.充实扑火队伍。镇半专业扑火队保持三十人以上，每季度组织一次实战演练。",
        "2.储备扑火物资。镇应急办在年底前补齐风力灭火机、二号工具等物资，建立台账，定期检查维护。",
    ]
    lines = ["        东坪镇人民政府文件", "        东政发〔2025〕12号"]
    title = "  东坪镇人民政府关于切实做好今年秋冬季森林防火工作的通知"
    lines += [title[:width], title[width:], "各村（社区）、镇直各单位："]
    for text in paragraphs:
        text = "  " + text
        lines += [text[i:i + width] for i in range(0, len(text), width)]
    breaks = [lines.index(next(x for x in lines if x.endswith(end))) + 1 for end in ("落实到山", "风力灭火机、二")]
    for page, at in reversed(list(enumerate(breaks, 1))):
        lines[at:at] = ["", f"— {page} —", "", "东坪镇人民政府规范性文件", ""]
    return "\n".join(lines) + "\n"


def test_pdf_layout_text_loses_its_running_header_and_joins_words_broken_at_the_width():
    bulletin = parse_bulletin(pdf_style_text().encode(), "dongping_fire.txt", ParseSettings())
    [article] = bulletin.articles
    assert article.title == "东坪镇人民政府关于切实做好今年秋冬季森林防火工作的通知"  # wrapped, not two headings
    first, second = [p for p in points(bulletin) if p.startswith(("1.镇村两级", "2.加强重点时段"))]
    # the page mark and the header repeated at each page fell inside point 1, between "山" and "头地块"
    assert "防火责任落实到山头地块，明确网格护林员" in first and first.endswith("有人管。")
    assert second.endswith("设卡值守。（牵头单位：镇应急办；配合单位：镇林业站；完成时限：长期坚持）")
    assert "规范性文件" not in article.text and "—" not in article.text
    assert "补齐风力灭火机、二号工具等物资" in article.text


def narrow_notice(width: int = 21) -> str:
    """A plan's notice as a narrow PDF column leaves it: the issuer's line with its 文号 repeated atop every page,
    the title wrapped over three lines above the 文号, no line marked as a heading."""
    header = "鹭川县人民政府办公室文件　鹭政办发〔2024〕7号"
    title = "鹭川县人民政府办公室关于印发《鹭川县茶叶产业提质增效三年行动实施方案（2024—2026年）》的通知"
    body = ["各乡镇人民政府，县政府各部门：",
            "　　《鹭川县茶叶产业提质增效三年行动实施方案（2024—2026年）》已经县政府同意，现印发给你们，请认真组织实施。",
            "鹭川县人民政府办公室", "2024年4月2日",
            "一、总体目标", "　　到2026年，全县茶园面积稳定在十二万亩，茶叶综合产值突破四十亿元。",
            "二、重点任务", "　　1.改造低产茶园。每年改造低产茶园一万亩，推广绿色防控技术。",
            "　　2.培育龙头企业。支持茶企技术改造，每年新增规模以上茶企三家。"]
    lines = [header, title[:width], title[width:2 * width], title[2 * width:], "鹭政办发〔2024〕7号"]
    for text in body:
        lines += [text[i:i + width] for i in range(0, len(text), width)]
    lines[12:12] = ["", "— 1 —", "", header, ""]
    return "\n".join(lines) + "\n"


def test_a_notices_formal_name_above_its_number_is_its_title_though_no_line_looks_like_a_heading():
    bulletin = parse_bulletin(narrow_notice().encode(), "luchuan_tea.txt", ParseSettings())
    [article] = bulletin.articles
    assert article.title == "鹭川县人民政府办公室关于印发《鹭川县茶叶产业提质增效三年行动实施方案（2024—2026年）》的通知"


def test_a_scan_without_text_is_refused_with_a_message():
    with pytest.raises(BulletinError) as err:
        load_bulletin((PDFS / "scanned.pdf").read_bytes(), "scanned.pdf")
    assert "扫描件" in err.value.message


def _many_pages(count: int) -> bytes:
    """A PDF whose page tree names `count` pages (all one page object): small file, huge page count."""
    kids = b" ".join([b"3 0 R"] * count)
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % count,
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"]
    return _pdf(objects)


def _deep_nesting(depth: int) -> bytes:
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Deep " + b"[" * depth + b"]" * depth + b" >>"]
    return _pdf(objects)


def _pdf(objects: list[bytes]) -> bytes:
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.write(b"".join(b"%010d 00000 n \n" % o for o in offsets))
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _encrypted() -> bytes:
    from reportlab.lib.pdfencrypt import StandardEncryption
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, encrypt=StandardEncryption("user-secret", ownerPassword="owner-secret"))
    c.drawString(72, 720, "secret")
    c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("kind", ["pages", "nesting", "truncated", "garbage", "encrypted"])
def test_hostile_pdfs_are_refused_with_a_message_quickly(kind):
    good = (PDFS / "red_notice.pdf").read_bytes()
    data = {
        "pages": lambda: _many_pages(100_000),
        "nesting": lambda: _deep_nesting(200_000),
        "truncated": lambda: good[: len(good) // 2],
        "garbage": lambda: b"%PDF-1.7\n" + bytes(range(256)) * 200,
        "encrypted": _encrypted,
    }[kind]()
    start = time.monotonic()
    with pytest.raises(BulletinError) as err:
        parse_bulletin(data, f"{kind}.pdf", ParseSettings(max_file_bytes=5 << 20))
    assert time.monotonic() - start < 5
    expected = {"pages": "页的上限", "encrypted": "密码"}.get(kind, "PDF")
    assert expected in err.value.message


def test_a_pdf_added_on_the_cli_answers_a_question(tmp_path, embedder, capsys):
    config = load_config(make_config(tmp_path, files=[]))
    pdfs = [PDFS / "red_notice.pdf", PDFS / "report_page_break.pdf", PDFS / "scanned.pdf"]
    assert main(["--config", str(config.path), "add", *map(str, pdfs)]) == 1  # the scan is not indexed…
    out = capsys.readouterr().out
    assert "files added: 2" in out and "not indexed: scanned.pdf" in out and "扫描件" in out  # …the others are
    searcher = Searcher(config, embedder)
    answer = searcher.search("东岭水库水厂扩建由哪个单位牵头")
    assert answer.answered and "扩建东岭水库水厂" in answer.results[0].passage.text
    assert "县水务局" in answer.results[0].passage.text
    assert "2025年11月底前" in top_result(searcher, "老旧小区改造什么时候完成").passage.text


def test_reading_stops_at_the_time_cap():
    from bot.pdf import read_pdf

    with pytest.raises(BulletinError) as err:
        read_pdf((PDFS / "report_page_break.pdf").read_bytes(), max_seconds=0)
    assert "超时" in err.value.message


def test_a_brief_flowing_through_columns_keeps_its_masthead_date_its_columns_and_a_date_broken_at_the_edge():
    brief = parsed("flowing_brief.pdf")
    assert {a.date for a in brief.articles} == {"2025-06-18"}  # the masthead's date, set apart from its issuer
    assert not any(p.startswith("2025年") for a in brief.articles for p in a.paragraphs)
    (plan,) = [nl for nl in brief.lists if nl.size == 3]
    second = next(p for ps, _ in brief.passages.values() for p in ps if p.text.startswith("2.做好防汛准备"))
    # the page's second column goes on where the first stopped, over its page mark and its footer block
    assert "确保在7月20日前完成，备足抽水泵等防汛物资。" in second.text
    assert (second.tasks.lead, second.tasks.deadline) == (("县水务局",), "2025-07-20")
    third = next(p for ps, _ in brief.passages.values() for p in ps if p.text.startswith("3.强化质量监管"))
    assert third.text.endswith("长期坚持。")  # not the 报/发 block under the columns


def test_a_full_line_before_an_indented_one_ends_its_paragraph():
    # a headline set across the column's whole width, then the story's first line indented two characters:
    # the headline reached the margin but was not wrapped there (a two-column 简报's second story)
    from bot.pdf import Segment, _layout

    def row(text, x0, x1, top):
        return Segment(text, x0, x1, top, top - 12, 12.0)

    lines = [row("马立强调度秋冬季大气污染防治攻坚工作会", 56, 284, 700),
             row("11月17日，副区长马立强主持召开全区", 80, 284, 681),
             row("秋冬季大气污染防治攻坚调度会，听取了", 56, 284, 662),
             row("有关单位的汇报。", 56, 150, 643)]
    text = _layout([lines])
    assert text.lines[:4] == [s.text for s in lines]
    assert 0 not in text.wrapped and 1 in text.wrapped and 2 in text.wrapped


def test_a_line_hanging_past_its_column_edge_stays_in_its_column():
    # the left column's fifth line is set one character past the edge (toward a centred masthead line over the
    # gutter): it is no line across both columns, so the first item runs on into the right column whole and the
    # second item's last point stays its own
    brief = parsed("overhang_brief.pdf")
    first, second = brief.articles
    assert first.title == "县城管局推行门前责任区制度"  # the headline's decorative ■ is layout, not its words
    assert first.title == "县城管局推行门前责任区制度"  # the headline's decorative ■ is layout, not its words
    text = "".join(first.paragraphs)
    assert "三是开展联合执法，对屡教不改的占道经营依法处理。" in text and "转向管起来。" in text
    assert "楼栋长" not in text
    (points,) = [nl for nl in brief.lists if nl.size == 3 and nl.article_id == second.article_id]
    last = next(p for ps, _ in brief.passages.values() for p in ps if p.text.startswith("（3）"))
    assert last.text == "（3）一套积分，参与巡查可兑换生活用品。"


def test_a_brief_set_in_one_size_keeps_every_character_and_splits_at_its_headlines():
    # PDFium reads no text from a string of one CJK glyph (a headline's last character, a paragraph's last "。"
    # wrapped alone): those are read again, so nothing is lost. Headlines no larger than the text still open
    # their items, set apart by white space; the running header restating the masthead from page 2 on only is
    # furniture, though it stands inside "二查…"; "一查…四查" is a list.
    brief = parsed("plain_brief.pdf")
    first, second = brief.articles
    assert (first.title, second.title) == ("全乡部署秋冬森林防火和冬修水利工作", "石岗村：“四查四改”筑牢冬季安全防线")
    assert "罗文斌出席并讲话。" in "".join(first.paragraphs)
    meeting, checks = lists(brief)
    assert [p[:2] for p in meeting] == ["1.", "2.", "3."]
    assert [p[:2] for p in checks] == ["一查", "二查", "三查", "四查"]
    assert checks[1] == "二查危旧房屋，改住人隐患。对住在土坯房的老人逐户核实，动员搬到亲属家或安置房居住。"
    assert checks[-1].endswith("补齐灭火器和应急灯。")  # the next paragraph ("韦志强要求，…") is not the point's
    assert not any("简报" in p for p in points(brief))


def test_a_headline_overhanging_its_column_stays_apart_from_the_next_columns_line_on_its_baseline():
    # The stream draws the two columns row by row; the first item's headline, a size larger, reaches into the
    # gutter, and the right column's first line (the same item, continued) stands on its baseline.
    brief = parsed("overhanging_brief.pdf")
    first, second = brief.articles
    assert (first.title, second.title) == ("南湖街道推行“楼栋管家”破解老旧小区难题", "县市场监管局开展“你点我检”食品抽检")
    (checks,) = lists(brief)
    assert [p[:2] for p in checks] == ["一是", "二是", "三是"]
    assert checks[-1].startswith("三是兑好奖，街道每季度评选一次优秀管家，给予适当补贴。")


def test_a_document_name_as_wide_as_the_text_is_not_run_into_its_addressee_line():
    # the title happens to fill the line as a wrapped line does; the addressee line after it opens the text
    title = "关于开展2025年夏季校园食品安全专项检查的通知"
    width = len(title)
    body = ("  为切实保障夏季校园食品安全，经研究，决定于6月至8月在全镇开展专项检查。现将有关事项通知如下：",
            "一、检查重点",
            "  （一）学校食堂。重点检查食材进货查验和留样制度落实情况，牵头单位：镇市场监管所，7月底前完成。",
            "  （二）校园周边。集中整治无证摊贩，责任单位：镇综合执法队；完成时限：8月15日前。")
    lines = ["   禾丰镇食品安全委员会办公室文件", "        禾食安办〔2025〕3号", title, "各村（社区），镇直各单位："]
    for text in body:
        lines += [text[i:i + width] for i in range(0, len(text), width)]
    lines += ["", "禾丰镇食品安全委员会办公室", "2025年5月20日"]
    [article] = parse_bulletin("\n".join(lines).encode(), "notice.txt", ParseSettings()).articles
    assert article.title == title
    assert article.date == "2025-05-20"


def test_a_document_name_over_several_short_lines_is_the_title_and_not_run_into_its_wrapped_addressee():
    # a narrow column: the red header, the document number, the name set over three centred lines (none at the
    # margin), then the addressee, itself wrapped — the name is the title, not the red header over it
    lines = ["   芩溪县人民政府办公室文件", "   芩政办发〔2024〕9号", "芩溪县人民政府办公室关于印发《芩溪",
             "县农文旅融合三年行动实施方案（2024", "—2026年）》的通知", "各乡镇人民政府，县政府各部门，县直各",
             "单位：", "  《芩溪县农文旅融合三年行动实施方案》已经县政府常务会议研究同意，现印发给你们，请认真抓好落实。",
             "", "芩溪县人民政府办公室", "2024年5月20日"]
    [article] = parse_bulletin("\n".join(lines).encode(), "notice.txt", ParseSettings()).articles
    assert article.title == "芩溪县人民政府办公室关于印发《芩溪县农文旅融合三年行动实施方案（2024—2026年）》的通知"
    assert article.date == "2024-05-20"


def test_a_notice_set_by_count_keeps_its_title_its_plan_and_a_deadline_opening_a_sentence():
    """A narrow column broken at a count of characters: the title cut inside 《》 and inside its year ("《桐川县202" /
    "4—2025年…》的通知") is one title, not joined to the addressee line; the text's first line cut inside 《》 is no
    headline; the plan under the signature stays in the notice, and "2024年11月15日供暖季开始前，完成…" is its target,
    no news item's dateline opening another article."""
    notice = parsed("counted_notice.pdf")
    [article] = notice.articles
    assert article.title == "桐川县人民政府办公室关于印发《桐川县2024—2025年冬季清洁取暖实施方案》的通知"
    assert article.date == "2024-08-26"
    heads = [points[0][:4] for points in lists(notice)]
    assert heads[:2] == ["一、总体", "（一）推"] and "（一）设" in heads
    assert any(p.startswith("一、总体目标\n2024年11月15日供暖季开始前，完成清洁取暖改造5200户") for p in points(notice))
