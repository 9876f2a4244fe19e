"""Write the PDF test fixtures of tests/data/pdf/ (invented text, our own words) with reportlab.

    python scripts/make_pdf_fixtures.py [OUT_DIR]

They imitate what officials receive as PDF: a red-header notice with its plan (一、（一）1.（1）, page numbers
"— 1 —"), a two-column 简报 carrying two articles, a report whose numbered list and a point's 牵头单位 cross a page
break (a running header and "第1页 共2页" footers), and a scan (an image, no text layer). The CJK font is
reportlab's built-in CID font STSong-Light, so nothing is embedded and the files stay small. Hostile files
(thousands of pages, deep nesting, a broken xref, encryption) are made by the tests themselves.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageBreak, PageTemplate, Paragraph, Spacer

FONT = "STSong-Light"
OUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "pdf"


def _styles() -> dict[str, ParagraphStyle]:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    body = ParagraphStyle("body", fontName=FONT, fontSize=15, leading=26, firstLineIndent=30,
                          alignment=TA_JUSTIFY, wordWrap="CJK")
    return {
        "body": body,
        "flat": ParagraphStyle("flat", parent=body, firstLineIndent=0),
        "small": ParagraphStyle("small", parent=body, fontSize=11, leading=18, firstLineIndent=22),
        "issuer": ParagraphStyle("issuer", parent=body, fontSize=30, leading=40, alignment=TA_CENTER,
                                 firstLineIndent=0, textColor=colors.red),
        "center": ParagraphStyle("center", parent=body, alignment=TA_CENTER, firstLineIndent=0),
        "title": ParagraphStyle("title", parent=body, fontSize=21, leading=32, alignment=TA_CENTER,
                                firstLineIndent=0),
        "head": ParagraphStyle("head", parent=body, fontSize=15, leading=26, firstLineIndent=0),
        "right": ParagraphStyle("right", parent=body, alignment=2, firstLineIndent=0),
    }


def _page_number(style: str):
    """onPage callback drawing a page mark ("— 1 —" or "第1页 共N页") and, optionally, a running header."""

    def draw(c: canvas.Canvas, doc, header: str = "", total: int = 0) -> None:
        c.saveState()
        c.setFont(FONT, 12)
        n = c.getPageNumber()
        mark = f"— {n} —" if style == "dash" else f"第{n}页 共{total}页"
        c.drawCentredString(A4[0] / 2, 14 * mm, mark)
        if header:
            c.drawCentredString(A4[0] / 2, A4[1] - 14 * mm, header)
            c.line(25 * mm, A4[1] - 16 * mm, A4[0] - 25 * mm, A4[1] - 16 * mm)
        c.restoreState()

    return draw


def _doc(buffer, frames, on_page) -> BaseDocTemplate:
    doc = BaseDocTemplate(buffer, pagesize=A4, leftMargin=28 * mm, rightMargin=26 * mm, topMargin=30 * mm,
                          bottomMargin=28 * mm)
    doc.addPageTemplates([PageTemplate(id="page", frames=frames(doc), onPage=on_page)])
    return doc


def _one_frame(doc) -> list[Frame]:
    return [Frame(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")]


def red_notice(s) -> bytes:
    """A red-header notice issuing a plan: issuer, 文号, two-line title, signature date, plan 一、（一）1.（1）."""
    p = lambda text, style="body": Paragraph(text, s[style])  # noqa: E731
    story = [
        p("青川县人民政府办公室文件", "issuer"), Spacer(1, 10),
        p("青政办发〔2025〕7号", "center"), Spacer(1, 16),
        p("青川县人民政府办公室关于印发《青川县城乡供水保障提升三年行动方案》的通知", "title"), Spacer(1, 12),
        p("各乡镇人民政府，县政府各部门：", "flat"),
        p("《青川县城乡供水保障提升三年行动方案》已经县政府同意，现印发给你们，请结合实际认真抓好落实，"
          "执行中遇到的问题及时报告县水务局。"),
        Spacer(1, 24), p("青川县人民政府办公室", "right"), p("2025年3月6日", "right"), PageBreak(),
        p("青川县城乡供水保障提升三年行动方案", "title"), Spacer(1, 8),
        p("为让城乡居民喝上放心水，补齐农村供水设施老化和管护薄弱的短板，结合我县实际，制定本方案。"),
        p("一、工作目标", "head"),
        p("到2027年底，全县农村自来水普及率达到百分之九十八，规模化供水工程覆盖人口比例达到百分之八十五，"
          "水质达标率稳定在百分之九十五以上。"),
        p("二、主要任务", "head"),
        p("（一）建设骨干水源工程", "head"),
        p("1.扩建东岭水库水厂。新增日供水能力两万吨，配套建设清水输水管道二十八公里，向周边五个乡镇延伸供水。"
          "（牵头单位：县水务局；配合单位：县发展改革局、县财政局；完成时限：2026年6月底前）"),
        p("2.推进联村并网。对供水规模不足千人的分散水厂实施整合，分两批接入骨干管网。"),
        p("（1）第一批整合石门、双溪等九座小水厂，2025年底前完成管网连通。"),
        p("（2）第二批整合其余小水厂，同步关停水质不稳定的水源井。（牵头单位：县水务局；长期坚持）"),
        p("（二）加强工程运行管护", "head"),
        p("1.落实管护责任。按照县级统管、乡镇监管、村级协管的分工，逐个工程明确管护主体和管护人员，"
          "管护经费列入县级财政预算。"),
        p("2.严格水质检测。县疾控中心每季度对出厂水和末梢水抽检一次，检测结果在政府网站公开。"),
        p("三、保障措施", "head"),
        p("（一）加强组织领导。县政府成立供水保障提升工作专班，由分管副县长任组长，专班办公室设在县水务局。"),
        p("（二）强化资金保障。统筹中央和省级补助资金、地方政府专项债券资金，三年计划投入四点二亿元。"),
    ]
    buffer = io.BytesIO()
    _doc(buffer, _one_frame, _page_number("dash")).build(story)
    return buffer.getvalue()


def _wrap(text: str, size: float, width: float, indent: int = 2) -> list[str]:
    """Break CJK text into lines of at most `width` points, the first indented by `indent` characters."""
    lines, line = [], "\u3000" * indent
    for char in text:
        if pdfmetrics.stringWidth(line + char, FONT, size) > width:
            lines.append(line)
            line = ""
        line += char
    return lines + [line]


def _end_page(c: canvas.Canvas, number: int, size: float) -> None:
    """The page mark "— n —" centred at the foot, then the next page."""
    c.setFont(FONT, size)
    c.drawCentredString(A4[0] / 2, 14 * mm, f"— {number} —")
    c.showPage()


def _masthead(c: canvas.Canvas, name: tuple[str, float, float], issue: tuple[str, float, float]) -> None:
    """A 简报's red name and its issue number, centred; each (text, font size, distance from the page top)."""
    for (text, size, down), colour in ((name, colors.red), (issue, colors.black)):
        c.setFillColor(colour)
        c.setFont(FONT, size)
        c.drawCentredString(A4[0] / 2, A4[1] - down, text)


def two_column_brief(s) -> bytes:
    """A 简报: masthead across the page, then two articles side by side in two columns.

    The lines are written row by row across both columns, as some layout programs write them, so the file's
    own text order interleaves the columns: only reading by position gets each article whole."""
    articles = [
        ("白沙镇集中整治农村人居环境",
         ["本期讯 3月下旬以来，白沙镇组织镇村干部和志愿者四百余人，对十二个村的房前屋后、沟渠河塘开展集中清理，"
          "累计清运生活垃圾六百余吨，拆除乱搭乱建棚舍四十三处。",
          "镇党委要求，各村要建立门前三包台账，每月开展一次评比，评比结果与村干部绩效挂钩；要把清理出的空地"
          "改造成小菜园、小果园，防止垃圾反弹。"]),
        ("云溪街道开展安全生产大排查",
         ["本期讯 为迎接汛期到来，云溪街道抽调安监、城管和社区工作人员组成六个检查组，对辖区内的加油站、"
          "建筑工地和老旧小区逐一排查，共发现隐患八十七处，已整改七十九处。",
          "街道办事处提出，剩余隐患要在四月底前全部整改到位；对拒不整改的经营主体，依法责令停业整顿并公开曝光。"]),
    ]
    size, leading, gap = 11, 18, 8 * mm
    left, width = 28 * mm, A4[0] - 54 * mm
    col = (width - gap) / 2
    columns = []
    for title, paragraphs in articles:
        rows = [("title", title), ("", "")]
        for text in paragraphs:
            rows += [("", line) for line in _wrap(text, size, col)]
        columns.append(rows)
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    _masthead(c, ("工作简报", 34, 40 * mm), ("第5期", 15, 52 * mm))
    c.drawCentredString(A4[0] / 2, A4[1] - 62 * mm, "青川县人民政府办公室编　　　　2025年4月2日")
    c.line(left, A4[1] - 67 * mm, left + width, A4[1] - 67 * mm)
    y = A4[1] - 80 * mm
    for row in range(max(len(rows) for rows in columns)):
        for k, rows in enumerate(columns):
            if row < len(rows) and rows[row][1]:
                kind, text = rows[row]
                x = left + k * (col + gap)
                c.setFont(FONT, 14 if kind else size)
                if kind:
                    c.drawCentredString(x + col / 2, y, text)
                else:
                    c.drawString(x, y, text)
        y -= leading
    _end_page(c, 1, 12)
    c.save()
    return buffer.getvalue()


def _columns(c: canvas.Canvas, columns: list[list[str]], left: float, step: float, top: float, size: float,
             leading: float) -> None:
    """Columns of lines side by side from `top`, each `step` right of the one before; a "■" line is a headline."""
    for k, column in enumerate(columns):
        y = top
        for line in column:
            c.setFont(FONT, 12.5 if line.startswith("■") else size)
            c.drawString(left + k * step, y, line)
            y -= leading


def flowing_brief(s) -> bytes:
    """A 简报 whose items flow through two columns without blank lines between them: the masthead's issuer and
    date set apart on one baseline, a second page with a few lines a column over a page mark centred in the
    gutter, and a date broken at a column's edge ("7月2" / "0日前")."""
    size, leading, gap = 11, 18, 8 * mm
    left, width = 18 * mm, A4[0] - 36 * mm
    col = (width - gap) / 2
    page1 = [
        ["■白沙镇完成夏粮收购", "　　截至6月15日，白沙镇收购夏粮一万二千", "吨，比去年同期多收一千五百吨，种粮农户", "户均增收二千余元，收购秩序总体平稳。",
         "■云溪乡推广稻鱼共养", "　　云溪乡今年在三个村推广稻鱼共养一千", "二百亩，每亩比单种水稻多收入九百元，带", "动一百三十户农户增收。"],
        ["■东岭村建成冷链仓库", "　　东岭村利用衔接资金建成冷链仓库一座，", "库容八百吨，本村和周边村的蔬菜水果可以", "错峰上市，每公斤多卖三角钱。",
         "■县农业农村局开展农机安全检查", "　　县农业农村局组织检查组对全县联合收割", "机开展安全检查，共检查农机三百四十台，", "督促整改隐患二十一处。"],
    ]
    page2 = [
        ["■下一步工作安排", "1.抓好夏播管理。县农业农村局要组织农技", "人员包村指导，7月底前完成苗情调查。", "2.做好防汛准备。县水务局要会同各乡镇清", "理排涝沟渠，全面清淤疏浚，确保在7月2"],
        ["0日前完成，备足抽水泵等防汛物资。", "3.强化质量监管。县市场监管局要每月抽检", "蔬菜基地农药残留不少于200批次，长期坚", "持。"],
    ]
    for page in (page1, page2):
        for column in page:
            for line in column:
                assert pdfmetrics.stringWidth(line, FONT, 12.5 if line.startswith("■") else size) <= col, line
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    _masthead(c, ("青川县农业农村工作简报", 30, 35 * mm), ("第8期", 14, 46 * mm))
    c.setFont(FONT, 12)
    c.drawString(left, A4[1] - 56 * mm, "青川县农业农村局编")
    c.drawRightString(left + width, A4[1] - 56 * mm, "2025年6月18日")
    c.line(left, A4[1] - 60 * mm, left + width, A4[1] - 60 * mm)
    for number, (page, top) in enumerate(((page1, A4[1] - 72 * mm), (page2, A4[1] - 25 * mm)), start=1):
        _columns(c, page, left, col + gap, top, size, leading)
        if number == 2:
            c.setFont(FONT, 10.5)
            c.drawString(left, 40 * mm, "报：市农业农村局，县委、县政府领导。")
            c.drawString(left, 34 * mm, "发：各乡镇人民政府，县直有关部门。")
        _end_page(c, number, 11)
    c.save()
    return buffer.getvalue()


def overhang_brief(s) -> bytes:
    """A 简报 whose first item flows from the foot of the left column to the top of the right one, where the second
    item then starts; a left line's closing full stop hangs past the column's edge into the gutter, as typesetters
    hang punctuation: still the left column's line, not a line across both."""
    size, leading, gap = 11, 18, 10 * mm
    left, width = 14 * mm, A4[0] - 34 * mm  # the columns' gutter a little left of the page's middle
    col = (width - gap) / 2
    first = ("　　今年以来，县城管局把门前责任区作为市容整治的抓手，全县已签订责任书二千一百份，沿街商户签订率达到百分之"
             "百。主要做法：一是划清责任边界，责任区延伸至人行道外侧；二是推行积分管理，每周巡查打分并公示；三是开展联合"
             "执法，对屡教不改的占道经营依法处理。下一步，县城管局将在6月底前把门前责任区推广到所有农贸市场周边，并由商户"
             "推选街长参与日常管理，推动责任制从签下来转向管起来。")
    second = ("　　石塘街道在老旧小区推行楼栋长制度，目前已选聘楼栋长二百一十名。街道的做法可以概括为三个一：（1）一张清"
              "单，明确楼栋长的巡查职责；（2）一支队伍，由党员和热心居民组成；（3）一套积分，参与巡查可兑换生活用品。")
    def hung(lines: list[str]) -> list[str]:
        """Punctuation that would open a line hangs at the end of the line before, past the column's edge."""
        for i in range(1, len(lines)):
            while lines[i][:1] and lines[i][0] in "，。；：、":
                lines[i - 1], lines[i] = lines[i - 1] + lines[i][0], lines[i][1:]
        return lines

    lines = hung(_wrap(first, size, col, indent=0))
    if not any(pdfmetrics.stringWidth(line, FONT, size) > col for line in lines):
        lines[4], lines[5] = lines[4] + lines[5][0], lines[5][1:]  # set tight: one character past the edge
    cut = 9  # lines of the left column; the rest of the first item opens the right column
    right = lines[cut:] + ["■石塘街道楼栋长破解老旧小区管理难题"] + hung(_wrap(second, size, col, indent=0))
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    _masthead(c, ("城市管理工作简报", 30, 35 * mm), ("第3期", 14, 46 * mm))
    c.setFont(FONT, 12)
    c.drawCentredString(A4[0] / 2, A4[1] - 56 * mm, "青川县城市管理局编　　2025年5月6日")
    top = A4[1] - 70 * mm
    c.setFont(FONT, 12.5)
    c.drawString(left, top, "■县城管局推行门前责任区制度")
    _columns(c, [[""] + lines[:cut], right], left, col + gap, top, size, leading)
    _end_page(c, 1, 11)
    c.save()
    return buffer.getvalue()


def report_across_pages(s) -> bytes:
    """A report whose numbered list and one point's 牵头单位 run across the page break, under a running header."""
    p = lambda text, style="body": Paragraph(text, s[style])  # noqa: E731
    filler = ("今年以来，全县上下坚持稳中求进，工业生产平稳回升，消费市场持续回暖，重点项目建设进度快于序时，"
              "城乡居民收入增速高于经济增速，民生保障水平进一步提高。")
    story = [p("青川县2025年一季度重点工作推进情况的报告", "title"), Spacer(1, 10), p(filler), p(filler),
             p(filler), p("下一步，重点抓好以下五项工作："),
             p("1.抓好春季农业生产。落实粮食播种面积三十二万亩，做好种子、化肥等农资调度，确保春播不误农时。"),
             p("2.加快重点项目建设。对列入年度计划的四十六个重点项目实行挂图作战，每月通报开工和投资完成情况，"
               "对进度滞后的项目由县领导现场督办。"),
             p("3.推进城区老旧小区改造。年内完成十八个小区的管网更新、外墙保温和加装电梯，改造前充分征求居民意见，"
               "施工期间做好交通疏导和安全防护，让居民少受影响，改造完成后同步引入物业服务。"
               "（牵头单位：县住房和城乡建设局；配合单位：县财政局、各街道办事处；完成时限：2025年11月底前）"),
             p("4.稳定就业基本盘。开展春风行动专场招聘十场以上，新增城镇就业两千二百人。"),
             p("5.守牢安全生产底线。开展燃气、消防和道路交通专项整治，坚决遏制较大以上事故发生。")]
    # enough filler before the list that point 3 and its 牵头单位 cross onto page 2 (checked in the tests)
    story[4:4] = [p(filler) for _ in range(5)]

    def on_page(c, doc):
        _page_number("total")(c, doc, header="青川县人民政府工作报告", total=2)

    buffer = io.BytesIO()
    _doc(buffer, _one_frame, on_page).build(story)
    return buffer.getvalue()


def scanned() -> bytes:
    """A scan: one page holding only an image (grey bars where lines of text were), no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader

    image = Image.new("L", (620, 880), 255)
    draw = ImageDraw.Draw(image)
    for row in range(60, 820, 34):
        draw.rectangle((60, row, 560 - (row * 7) % 120, row + 14), fill=90)
    png = io.BytesIO()
    image.save(png, "PNG")
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.drawImage(ImageReader(io.BytesIO(png.getvalue())), 0, 0, A4[0], A4[1])
    c.showPage()
    c.save()
    return buffer.getvalue()


def plain_brief(s) -> bytes:
    """A 简报 set line by line in one size: its items' headlines are no larger than their text and stand apart by
    a blank line only; a headline's last character and a paragraph's last "。" fall alone on a line (PDFium reads
    no text from such one-glyph strings); a running header restating the masthead from page 2 on only, inside a
    point of a "一查…四查" list."""
    size, leading, per_line = 12, 20, 16
    left, top = 30 * mm, A4[1] - 62 * mm
    items = [
        ("全乡部署秋冬森林防火和冬修水利工作",
         ["10月9日，全乡秋冬季森林防火和冬修水利工作会议召开，副乡长罗文斌出席并讲话。",
          "会议要求：",
          "1.落实巡山责任。乡林业站要在11月15日前把护林员巡山路线落实到每个山头。",
          "2.清理可燃物。各村要在进山路口清理枯枝落叶，11月底前完成。",
          "3.修好山塘水渠。乡水利站牵头，12月20日前完成全乡18口山塘清淤。"]),
        ("石岗村：“四查四改”筑牢冬季安全防线",
         ["10月12日，石岗村召开冬季安全工作会，村主任韦志强对“四查四改”作出安排，全村分四个小组逐户上门。",
          "一查用火用电，改私拉乱接。对全村312户的电线和灶台逐户查看，10月31日前建立问题清单，做到户户过一遍的目标要求。",
          "二查危旧房屋，改住人隐患。对住在土坯房的老人逐户核实，动员搬到亲属家或安置房居住。",
          "三查山塘堤坝，改渗漏险段。对村里6口山塘逐一查看坝体，11月20日前修补到位。",
          "四查应急物资，改短缺不足。村委会负责在12月10日前补齐灭火器和应急灯。",
          "韦志强要求，各小组要把检查结果张贴在村务公开栏，接受群众监督。"]),
    ]

    def wrap(text: str, indent: bool) -> list[str]:
        text = ("\u3000\u3000" if indent else "") + text
        return [text[i:i + per_line] for i in range(0, len(text), per_line)]

    rows: list[str | None] = []  # None: a blank line
    for title, paragraphs in items:
        rows += wrap(title, False) + [None]
        for paragraph in paragraphs:
            rows += wrap(paragraph, True)
        rows.append(None)
    # the fixture is what it claims: a headline's last character and a paragraph's "。" alone on their lines
    assert "作" in rows and "。" in rows, rows
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    _masthead(c, ("安全生产工作简报", 28, 35 * mm), ("第5期", 14, 46 * mm))
    c.setFont(FONT, 11)
    c.drawString(left, A4[1] - 54 * mm, "岭口乡安全生产委员会办公室")
    c.drawRightString(A4[0] - left, A4[1] - 54 * mm, "2025年10月15日")
    y, page = top, 1
    for row in rows:
        if y < 30 * mm:
            _end_page(c, page, 10.5)
            page += 1
            c.setFont(FONT, 10)
            c.drawString(left, A4[1] - 15 * mm, "岭口乡安全生产工作简报 第5期")
            y = A4[1] - 28 * mm
        if row is not None:
            c.setFont(FONT, size)
            c.drawString(left, y, row)
        y -= leading
    _end_page(c, page, 10.5)
    c.save()
    return buffer.getvalue()


def overhanging_brief(s) -> bytes:
    """A 简报 with its contents on one line, whose two columns are drawn row by
    row (left line, then right line, in one stream); the first item's headline, a size larger than its text,
    overhangs the left column into the gutter, and the right column's first line continues that item on the
    headline's baseline."""
    size, head, leading = 10.5, 12, 15
    left, gap = 17 * mm, 10 * mm
    width = A4[0] - 2 * left
    col = (width - gap) / 2
    right_x = left + col + gap
    contents = "【本期要目】南湖街道推行“楼栋管家”破解老旧小区难题；县市场监管局开展“你点我检”食品抽检"
    per_line = int(width // size)
    lefts = ["南湖街道推行“楼栋管家”破解老旧小区难题",
             "　　今年以来，南湖街道在辖区17个无物业老旧", "小区推行“楼栋管家”，由热心居民担任管家，",
             "负责楼道巡查、矛盾调解和诉求收集。主要做法", "有三条：一是选好人，每栋楼推选一名管家，",
             "街道统一发放工作证；二是定好责，管家每周", "巡查楼道不少于两次，发现问题当天上报；三是"]
    rights = ["兑好奖，街道每季度评选一次优秀管家，给予", "适当补贴。下一步，南湖街道将在年底前把这一",
              "做法推广到全部老旧小区。", "",
              "县市场监管局开展“你点我检”食品抽检", "　　县市场监管局近日在全县开展“你点我检”",
              "食品抽检活动，群众点名的米面油、肉蛋奶等"]
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    _masthead(c, ("南湖民生工作简报", 26, 32 * mm), ("第3期", 13, 42 * mm))
    c.setFont(FONT, 11)
    c.drawString(left, A4[1] - 52 * mm, "南湖县人民政府办公室编")
    c.drawRightString(left + width, A4[1] - 52 * mm, "2025年9月8日")
    y = A4[1] - 62 * mm
    c.setFont(FONT, size)
    for i in range(0, len(contents), per_line):
        c.drawString(left, y, contents[i:i + per_line])
        y -= leading
    y -= leading
    for k, (a, b) in enumerate(zip(lefts, rights)):  # row by row: the stream interleaves the columns
        c.setFont(FONT, head if k == 0 else size)
        c.drawString(left, y, a)
        c.setFont(FONT, head if b.startswith("县市场监管局开展") else size)
        if b:
            c.drawString(right_x, y, b)
        y -= leading
    _end_page(c, 1, 10.5)
    c.save()
    overhang = pdfmetrics.stringWidth(lefts[0], FONT, head) - col
    assert 0 < overhang < gap - 2 * size, "the headline overhangs its column, not into the next"
    return buffer.getvalue()


def counted_notice(s) -> bytes:
    """A notice issuing a plan, set by a typesetter that breaks every line at a count of characters in a narrow
    column, title and text in one size: the title breaks inside 《》 and inside a year ("《桐川县202" / "4—2025年…"),
    the plan's title before its last word, a paragraph's first line inside 《》; lines holding figures end short of
    the margin; a plan's sentence opens with a deadline ("2024年11月15日供暖季开始前，…")."""
    size, count, left, step = 11.0, 21, 40 * mm, 16.0
    blocks = [
        ("center", "桐川县人民政府办公室文件"), ("center", "桐政办发〔2024〕31号"),
        ("title", "桐川县人民政府办公室关于印发《桐川县2024—2025年冬季清洁取暖实施方案》的通知"),
        ("flat", "各乡镇人民政府，县政府各部门："),
        ("text", "《桐川县2024—2025年冬季清洁取暖实施方案》已经县政府同意，现印发给你们，请认真组织实施。"),
        ("right", "桐川县人民政府办公室"), ("right", "2024年8月26日"),
        ("title", "桐川县2024—2025年冬季清洁取暖实施方案"),
        ("text", "为改善冬季空气质量，保障群众温暖过冬，制定本方案。"),
        ("flat", "一、总体目标"),
        ("text", "2024年11月15日供暖季开始前，完成清洁取暖改造5200户，其中“气代煤”2100户、“电代煤”3100户。"),
        ("flat", "二、重点任务"),
        ("flat", "（一）推进“气代煤”改造"),
        ("text", "1.管网铺设。县住建局牵头，9月30日前完成乡镇中压管网铺设26公里。"),
        ("text", "2.入户安装。县燃气公司负责，10月31日前完成2100户壁挂炉安装和通气。"),
        ("flat", "（二）推进“电代煤”改造"),
        ("text", "1.电网增容。县供电公司负责，10月15日前完成配电变压器增容改造40台。"),
        ("text", "2.电价政策。县发改局负责，落实居民采暖期谷段电价政策。"),
        ("flat", "三、资金补助"),
        ("text", "（一）设备补贴。“电代煤”用户按设备购置费的80%给予补贴，每户最高2800元。"),
        ("text", "（二）运行补贴。采暖季内，“电代煤”用户每度电补贴0.2元，每户最高补贴1000度。"),
    ]
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, pagesize=A4)
    c.setFont(FONT, size)
    y = A4[1] - 30 * mm
    for style, text in blocks:
        first = "\u3000\u3000" if style == "text" else ""
        body = first + text
        lines = [body[i:i + count] for i in range(0, len(body), count)]
        for line in lines:
            if style == "center" or style == "title":
                c.drawCentredString(A4[0] / 2, y, line.strip())
            elif style == "right":
                c.drawRightString(left + count * size, y, line)
            else:
                c.drawString(left, y, line)
            y -= step
            if y < 30 * mm:
                _end_page(c, 1, size)
                c.setFont(FONT, size)
                y = A4[1] - 30 * mm
        if style in ("title", "right") and text.endswith(("日", "通知", "方案")):
            y -= step / 2
    _end_page(c, 2, size)
    c.save()
    return buffer.getvalue()


def main(out: Path = OUT) -> None:
    s = _styles()
    out.mkdir(parents=True, exist_ok=True)
    files = {"red_notice.pdf": red_notice(s), "two_column_brief.pdf": two_column_brief(s),
             "report_page_break.pdf": report_across_pages(s), "scanned.pdf": scanned(),
             "flowing_brief.pdf": flowing_brief(s), "overhang_brief.pdf": overhang_brief(s),
             "plain_brief.pdf": plain_brief(s), "overhanging_brief.pdf": overhanging_brief(s),
             "counted_notice.pdf": counted_notice(s)}
    for name, data in files.items():
        (out / name).write_bytes(data)
        print(f"{out / name}: {len(data)} bytes")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
