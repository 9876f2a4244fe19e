"""Page noise is dropped by the shape of a line and its neighbours; dated fields are kept apart as metadata."""

from bot.clean import classify, clean_lines, strip_glosses
from bot.load import load_bulletin
from tests.conftest import ROOT

DATA = ROOT / "tests" / "data"


def kinds(lines: list[str]) -> list[str]:
    return [line.kind for line in clean_lines(lines) if line.text]


def test_web_page_furniture_is_noise_whatever_the_site():
    for line in ["您的位置：首页 » 政务要闻 » 区县动态", "首页 > 新闻中心 > 临川要闻", "【字号：大 中 小】【打印】【关闭】",
                 "[打印本页] [关闭窗口]", "DSC_0042.JPG", "微信图片_20230705163012.jpg", "- 3 -", "—12—", "第 2 页",
                 "上一篇：东湖区开展秋季征兵体检工作", "下一篇：区人大常委会视察全区养老服务工作",
                 "版权所有：东湖区人民政府办公室　技术支持：区大数据中心", "责任编辑：罗小川　校对：沈宁",
                 "分享到：微信 微博", "微信扫一扫", "预览结束", "岑川县人民政府　　无障碍　|　长辈版　|　English",
                 # a page's abstract: the article's opening again, cut off
                 "摘要：5月10日，石湾镇召开人居环境整治动员会，对今年工作从4个方面进行了安排部署。镇党委书记...",
                 "【内容摘要】2023年5月10日，石湾镇召开人居环境整治动员会……"]:
        assert classify(line).kind == "noise", line


def test_dated_fields_are_metadata_with_their_date():
    meta = classify("信息来源：区生态环境分局　　发布日期：2022-10-12　　阅读次数：1,286")
    assert (meta.kind, meta.date, meta.role) == ("meta", (2022, 10, 12), "page")
    masthead = classify("南岭日报　2022年5月22日　第03版：要闻")
    assert (masthead.kind, masthead.date) == ("meta", (2022, 5, 22))
    signature = classify("2022年3月18日")
    assert (signature.kind, signature.role) == ("meta", "document")
    assert classify("南政办发〔2022〕8号").role == "docno"


def test_text_is_never_noise():
    for line in ["会议要求：", "唐明远就做好下一阶段工作提出以下四点要求：", "要严控机动车污染。交警要开展联合执法。",
                 "2020年工作回顾", "三、保障措施", "会议要求——",
                 "5 | 新建高标准农田5万亩 | 区农业农村局 | 区财政局 | 2025年10月31日前",  # a task row and its deadline
                 # a row naming what a site's banner offers, as work to do, is no banner
                 "2 | 为800户特殊困难老年人家庭实施居家适老化改造 | 区民政局 | 2025年11月底前",
                 "推进无障碍环境建设 | 县住建局 | 县残联 | 年底前"]:
        assert classify(line).kind == "text", line


def test_a_hard_wrapped_sentence_is_not_taken_for_a_field():
    # "会议要求：各村要" would look like a key and a value if it stood alone
    lines = ["　　彭国栋就开展好行动提出三点要求。镇班子成员按照", "会议要求：各村要在月底前完成自查，", "做到不留死角。"]
    assert kinds(lines) == ["text", "text", "text"]


def test_pinyin_glosses_are_removed():
    assert strip_glosses("縣長(zhǎng)高書恆主持會(huì)議(yì)") == "縣長高書恆主持會議"
    assert strip_glosses("潍柴(潍坊)材料(2021)") == "潍柴(潍坊)材料(2021)"


def test_a_bulletin_keeps_what_it_dropped_in_order():
    loaded = load_bulletin((DATA / "donghu_web_pages.txt").read_bytes(), "donghu_web_pages.txt")
    assert loaded.dropped[0].startswith("您的位置")
    assert "DSC_0042.JPG" in loaded.dropped and "- 3 -" in loaded.dropped
    text = "\n".join(b.text for b in loaded.blocks if not b.noise)
    for noise in ("打印", "上一篇", "版权所有", "DSC_0042", "责任编辑"):
        assert noise not in text
    # the page break sat between two points of a list: both stay whole
    assert "要严控机动车污染。" in text


def test_more_page_furniture_and_what_each_keeps():
    table = ["索 引 号：11450000MB1534/2023-00412    发文日期：2023-02-20",
             "发布机构：桐溪区人民政府办公室          文    号：桐政办〔2023〕6号", "分    类：综合政务      有 效 性：有效"]
    assert [classify(x).kind for x in table] == ["meta", "noise", "noise"]  # a government page's info table
    crumb = classify("首页 > 要闻动态 > 政务要闻    发布日期：2023-06-09")
    assert (crumb.kind, crumb.date) == ("meta", (2023, 6, 9))  # dropped from the text, its date kept
    for line in ["第02版：要闻", "石门县人民政府公报　　　　2023年第8期", "（完）", "设为首页|加入收藏"]:
        assert classify(line).kind == "noise", line
    # a task list's fields are content, not page fields
    assert classify("责任单位：区发展和改革局").kind == "text"
    assert classify("牵头单位：区工业和信息化局　完成时限：6月底").kind == "text"


def test_a_speech_header_gives_its_speaker_and_date():
    byline = classify("区委副书记、区长　贾正川")
    assert (byline.kind, byline.role) == ("meta", "speaker")
    dated = classify("（二〇二三年九月六日）")
    assert (dated.kind, dated.role, dated.date) == ("meta", "dated", (2023, 9, 6))
    assert classify("（2023年10月9日）").date == (2023, 10, 9)


def test_related_news_headlines_after_the_article_are_links():
    lines = ["会议要求各村抓好落实。", "", "相关新闻：", "1.青湾镇开展森林防火宣传", "2.青湾镇召开交通安全培训会"]
    assert kinds(lines) == ["text", "noise", "noise", "noise"]


def test_reader_app_prompts_toolbars_and_recommended_links_are_noise():
    for line in ["点击上方蓝字关注我们", "长按识别二维码关注", "分享　收藏　点赞　在看"]:
        assert classify(line).kind == "noise", line
    lines = ["韩志诚表示，欢迎大家参加。", "", "▼ 往期推荐", "雁滨区新增两条公交线路", "春季“双选会”圆满落幕！",
             "来源：雁滨区人社局"]
    assert kinds(lines) == ["text", "noise", "noise", "noise", "noise"]
    byline = classify("雁滨人社　5月20日 17:45")
    assert (byline.kind, byline.role) == ("meta", "page")


def test_chinese_numeral_and_occasion_dates_are_the_documents():
    for line, date in [("二〇二五年三月二十八日", (2025, 3, 28)), ("二0一二年二月二十日", (2012, 2, 20))]:
        signature = classify(line)
        assert (signature.kind, signature.role, signature.date) == ("meta", "document", date), line
    occasion = classify("——2025年1月8日在雁滨区第三届人民代表大会第四次会议上")
    assert (occasion.kind, occasion.role, occasion.date) == ("meta", "dated", (2025, 1, 8))
    assert classify("2025年1月8日在区政务中心召开了会议，研究部署防汛工作。").kind == "text"


def test_a_portal_field_table_is_metadata_and_its_written_date_is_the_documents():
    row = classify("| 发布机构： | 雁滨区人民政府办公室 | 成文日期： | 2025-04-02 | ")
    assert (row.kind, row.role, row.date) == ("meta", "written", (2025, 4, 2))
    published = classify("| 文号： | 雁政办发〔2025〕5号 | 发布日期： | 2025-04-07 | ")
    assert (published.kind, published.role) == ("meta", "page")
    assert classify("| 索引号： | YB001-2025-00031 | 主题分类： | 劳动就业 | ").kind == "noise"
    assert classify("| 1 | 建成物流配送中心 | 县交通运输局 | 2025年6月底 |").kind == "text"  # a task row stays
    # spaced keys of another CMS, its 公开方式 and 标 题 fields: still the page's
    assert classify("索 引 号: | ysx0012/2021-0000066 | 主 题 词: | 政务公开 | 公开方式: | 主动公开 |").kind == "noise"
    assert classify("标 题: | 某镇2021年政府工作报告 |").kind == "noise"
    assert classify("项目名称：城北小学新建工程").kind == "text"


def test_a_speech_byline_in_traditional_characters_names_its_speaker():
    assert classify("雁濱區人民政府區長　向思遠").role == "speaker"


def test_a_field_key_alone_on_its_line_makes_its_value_a_field():
    lines = ["• 索引号:", "YB002-2025-00107", "• 主题分类:", "• 成文日期:", "2025年02月17日", "• 牵头单位：", "区商务局"]
    cleaned = [line for line in clean_lines(lines) if line.text]
    assert [line.kind for line in cleaned] == ["noise", "noise", "noise", "noise", "meta", "text", "text"]
    assert (cleaned[4].role, cleaned[4].date) == ("written", (2025, 2, 17))


def test_credit_fields_are_noise_in_traditional_characters_too():
    for line in ["全媒體記者:陳曉 林立", "編輯:蘇雯 邱岩", "編審:韓志誠", "编审：韩志诚"]:
        assert classify(line).kind == "noise", line


def test_a_posts_credits_prompts_and_disclaimer_are_noise_whatever_the_account():
    lines = ["Hi~新朋友，记得点蓝字关注我们哟", "区委书记向思远强调，要抓好落实。", "记 者 | 陈晓 林立", "视 觉 | 方 圆",
             "编 辑:苏 雯", "二 审:邱岩", "总监制:韩志诚", "免责声明", "本号转载的文章版权归原作者所有，如有异议请联系删除。"]
    assert kinds(lines) == ["noise", "text"] + ["noise"] * 7


def test_a_heading_about_following_up_is_text():
    for line in ["重点关注群众诉求", "持续关注防汛形势", "扫黑除恶重点关注行业"]:
        assert classify(line).kind == "text", line


def test_a_measure_adopted_then_issued_is_dated_by_its_issue():
    line = classify("（2024年9月10日县人民政府第8次常务会议审议通过，2024年9月19日县人民政府以云政规〔2024〕3号印发）")
    assert (line.kind, line.role, line.date) == ("meta", "dated", (2024, 9, 19))


def test_credits_in_brackets_and_a_publish_line_after_them_are_the_pages():
    lines = clean_lines(["会上还为上半年项目推进成效明显的单位颁发了流动红旗", "（来源：县融媒体中心  编辑：陈雨  责任编辑：罗宏）",
                         "2024-07-12 08:30  阅读 528"])
    assert [(x.kind, x.date) for x in lines[1:]] == [("noise", None), ("meta", (2024, 7, 12))]
    assert classify("（牵头单位：县住建局  完成时限：2024年11月30日前）").kind == "text"  # a task's, not the page's


def test_a_posts_section_number_alone_over_its_heading_is_its_number_not_a_page_mark():
    data = ("点击上方蓝字关注我们\n\n秸秆禁烧明白卡请收好\n\n会上明确了三项措施：\n\n01\n禁烧时段：全面零火点\n10月1日至12月31日为禁烧时段。\n\n"
            "02\n综合利用：还田是首选\n区农业农村局牵头，11月15日前完成粉碎还田。\n\n03\n举报有奖\n经核实给予举报人200元奖励。\n\n1\n").encode()
    text = "\n".join(b.text for b in load_bulletin(data, "post.txt").blocks if not b.noise)
    assert "01 禁烧时段：全面零火点" in text and "03 举报有奖" in text
    assert "\n1\n" not in text + "\n"  # an unpadded number alone is still a page mark


def test_a_posts_cover_teaser_and_picture_placeholders_are_noise_and_a_list_lead_in_is_text():
    for line in ["🔥今冬取暖这些事，一图读懂→", "戳这里看全部名单👇", "（图片）", "(视频)"]:
        assert classify(line).kind == "noise", line
    # pointing at the list below, or a sentence that happens to end in a pointing hand: the post's own words
    for line in ["补贴标准如下👇", "天冷了，家里取暖准备好了吗？区住建局为大家整理了今冬清洁取暖的政策要点，赶紧收藏👇",
                 "新校区来了，颜值太高了→"]:  # a headline may end pointing on
        assert classify(line).kind == "text", line


def test_a_header_restating_the_masthead_from_the_second_page_on_is_furniture():
    from bot.clean import running_furniture

    lines = ["安全生产工作简报", "第5期", "二查危旧房屋，改住人隐患。对住在土坯房的老人逐户核实，动员搬",
             "岭口乡安全生产工作简报 第5期", "到亲属家或安置房居住。", "三查山塘堤坝，改渗漏险段。"]
    assert running_furniture(lines, page_starts=[3]) == {3}
    # the same words in the middle of a page stay, and so does the first page's own masthead
    middle = lines[:3] + ["一查用火用电。", "逐户查看。", "问题建档。"] + lines[3:]
    assert running_furniture(middle, page_starts=[2]) == set()


def test_a_header_giving_the_documents_number_from_the_second_page_on_is_furniture():
    from bot.clean import running_furniture

    # a red-header notice of two pages: page 2 opens with its issuer and number, inside a point's lead unit field
    lines = ["松台县卫生健康局文件", "松卫〔2025〕12号", "关于做好夏季食品安全工作的通知", "二、加强餐饮监管。牵头单位：",
             "松台县卫生健康局　松卫〔2025〕12号", "县卫生监督所；完成时限：7月底前。"]
    assert running_furniture(lines, page_starts=[4]) == {4}


def test_a_sentence_opening_with_a_document_number_is_text_not_the_number_line():
    # only a line that is the number alone is page metadata; a body sentence citing one stays (a second,
    # unanchored pattern once shadowed the line test and dropped such sentences)
    assert classify("松政办发〔2024〕9号").kind != "text"
    assert classify("松政办发〔2024〕9号文件明确，各乡镇要在6月底前完成排查。").kind == "text"


def test_a_records_time_field_dates_the_event_not_the_page():
    held = classify("时间：2024年6月20日上午10:00")
    assert held.kind == "meta" and held.date == (2024, 6, 20) and held.role == "dated"
    assert classify("【会议时间】2024年3月5日下午").role == "dated"
    # a portal's publish line, however it is labelled, stays the page's
    assert classify("时间：2024-06-21 09:30").role == "page"
    assert classify("时间：2024年06月21日　来源：县政府办公室").role == "page"
