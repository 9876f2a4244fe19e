"""Everyday phrasing: a question as officials say it ("咋整", "干啥", "王县长讲了几点") read the way the
bulletins write it ("怎么办", "做什么", "王立群讲了几点"), before its intent and words are looked at.

Two steps, both about how people talk, never about one archive's wording:
- colloquial words and dialect question words are mapped to their standard written forms;
- a person addressed as surname + post ("王县长", "李书记", "张副局长") is resolved to the people of the
  archive who have that surname (the catalogue's speakers), most recent first, so the question names them
  as the bulletins do. A surname matching no one leaves the question as it was.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from bot.speakers import DID_NEXT, base_post, is_surname, post_title
from bot.thesaurus import synonyms
from bot.units import unit_at
from bot.analysis import in_dictionary, word_starts
from bot.textutil import CJK, CN_ORDINALS, ONE_OF, cn_to_int

# Colloquial → written, applied in order (longer phrases first). Each is a general word of spoken Chinese.
_COLLOQUIAL: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    (r"咋(?:整|办|弄|搞)", "怎么办"),
    (r"怎么(?:整|弄|搞)", "怎么办"),
    (r"(?:多会儿|啥时候|啥时间|几时)", "什么时候"),
    (r"(?:干|做|搞|弄)(?:啥|哈|什么)(?:子)?", "做什么"),
    (r"有啥(?:说法|讲究)", "有什么要求"),
    (r"头一(?:回|次|遭)|第一回", "首次"),  # "头一回升规": bulletins write 首次
    # "上一年", "前一年": the year before, as 去年 is (a time, not words a passage must hold); not "上年度"
    (r"(?:上一|前一)年(?![度级])", "去年"),
    (r"啥", "什么"),
    (r"咋", "怎么"),
    (r"咱们|咱", "我们"),
    # "住建局这块": the unit itself ("许局长那边" is read with the person: their unit, bot.phrasing.resolve_people)
    (r"(?<=[局委办队部所站])(?:那边|这边|那块|这块|那儿|这儿|那里|这里)", ""),
    # "工业园区这块都有哪些任务": "这块" after a topic is "as to" (not "这块地", a measure word before a noun)
    (r"(?:这一?块|那一?块|这一?方面|那一?方面)(?=[都有要的还又，,？?。！!]|$)", ""),
    (r"俺们|俺", "我们"),
    # "县里给多少奖励": the county (government) that writes the bulletin, not a word to look for ("县里程" is a word)
    (r"(?<=[县区市])里(?![程面边头外弄巷])", ""),
    (r"(?<=[让叫要])(?:大家|我们|各单位|各部门|各地)?(?=做什么)", ""),
    # Abbreviations officials say for what county bulletins write out (the abbreviation is kept: some write it).
    (r"(?i)(?<![A-Za-z])GDP(?![A-Za-z])", "地区生产总值GDP"),
    (r"(?i)(?<![A-Za-z])CPI(?![A-Za-z])", "居民消费价格CPI"),
))
# "让做什么" / "要求做什么" after the step above: what someone asked others to do is what they required.
_ASKED_TO_DO = re.compile(r"(?:都)?[让叫]做什么(?:了|呢|啊)?")

# Posts officials address each other by (a deputy is addressed by the post too: "王县长" may be 副县长).
ADDRESS_POSTS = ("书记|县长|区长|市长|镇长|乡长|局长|主任|部长|主席|秘书长|院长|厅长|省长|州长|旗长|组长|"
                 "指挥长|委员|常委|主委|馆长|所长|站长|队长|行长|校长|理事长|会长|社长|董事长")
_ADDRESSED = re.compile(rf"(?P<surname>[{CJK}]{{1,2}}?)(?P<post>副?(?:{ADDRESS_POSTS}))"
                        r"(?P<side>那边|这边|那块|这块|那儿|这儿|那里|这里|他们)?")


# A leading post named alone as who spoke or acted ("县长在防汛会上讲了什么", "常委会上书记强调了什么"): whoever the
# archive gives that post (not a deputy). Not a post inside a word ("全县长期"), after a deputy's 副, or after a
# surname the archive does not know ("赵县长": someone else).
MAX_HOLDERS = 2  # one county's 县长 over the years an archive spans; more are other counties'
_POST_ALONE = re.compile(rf"(?:(?<![{CJK}])|(?<=[上会里中时和与及]))(?:[区县市州旗]委)?(?P<post>书记|县长|区长|市长|州长|旗长|镇长|乡长)"
                         r"(?=在|上次|最近|讲|说|强调|要求|提|让|指出|部署|主持|作了|布置|安排|对)")

# Everyday words and the words bulletins write for the same thing. Unlike the colloquial forms above these are
# words in their own right (a bulletin may say 老人 too), so the written forms are added to the question, not put
# in place: officials ask "暖气费能退吗" of a bulletin saying "按日退还热费". General spoken/official register
# pairs, never one archive's wording.
_WRITTEN_FORMS: tuple[tuple[str, str], ...] = (
    ("暖气费", "热费 供暖费"), ("暖气", "供暖 供热"), ("自来水", "供水"), ("马路", "道路 公路"),
    ("盖房", "建房 修建 建筑物"), ("工钱", "报酬 劳务费"), ("工资", "报酬"), ("还清", "清偿 偿还"),
    ("还钱", "清偿 偿还"), ("要回来", "退还 返还"), ("退钱", "退还 返还"), ("几回", "次数"),
    ("大学生", "高校毕业生"), ("应届生", "高校毕业生"), ("老人", "老年人"), ("小卖部", "商店 超市"),
    ("起火", "火灾 火情"), ("着火", "火灾 火情"), ("歇着", "休息 停止作业"), ("干活", "作业 施工"),
    ("看病", "就医 诊疗"), ("上学", "入学 就学"), ("孩子", "儿童 学生"), ("房子", "住房 房屋"),
    ("断水", "缺水 停水"), ("没水", "缺水 停水"), ("厂里", "企业"), ("工厂", "企业"), ("打工", "务工 就业"),
    ("老百姓", "群众 居民"), ("开会", "会议"), ("晾", "晾晒 晒"), ("拆了", "拆除"),
    ("罚钱", "罚款"), ("补钱", "补贴 补助"), ("吃饭", "就餐 助餐"), ("办手续", "申请 办理"),
    ("厂子", "企业"), ("厂家", "企业"), ("老乡", "群众 村民"), ("乡亲", "群众 村民"), ("水泥路", "硬化路 公路"),
    ("石子", "砂石"), ("沙子", "砂石"), ("看着", "管护 养护"), ("看管", "管护 养护"), ("难处", "困难 诉求"),
    ("难事", "困难 诉求"), ("给个结果", "办结 答复"), ("腾出来", "交地 征拆"), ("腾地", "交地 征拆"),
    ("占地", "征地 用地"), ("涨价", "价格 稳价"), ("修路", "公路 道路"), ("钱从哪", "资金 经费"),
    ("出钱", "资金 经费"), ("找工作", "就业 求职"), ("白住", "免费入住 免费住宿"), ("白用", "免费使用"),
    ("读研", "研究生 硕士"), ("读完研", "研究生 硕士"), ("房租", "租金"), ("装电梯", "加装电梯"), ("停车位", "泊位 车位"),
    ("下大雨", "强降雨 降雨"), ("发大水", "洪水 汛情"), ("涨水", "洪水 汛情"), ("滑坡", "地质灾害"),
    ("塌方", "地质灾害"), ("天黑", "夜间"), ("晚上", "夜间"), ("吃住", "餐饮 住宿"), ("手机上办", "掌上办 网上办理"),
    ("网上办", "网上办理"), ("跑腿", "跑动"), ("领钱", "发放 领取"), ("发钱", "发放"), ("扣钱", "扣减"),
    ("吵架", "矛盾纠纷"), ("闹矛盾", "矛盾纠纷"), ("请客", "招待 接待"), ("客人", "接待 招待"),
    ("村里", "村级 村内 本村 村组 各村"), ("镇里", "镇级 乡镇"), ("镇上", "镇级 乡镇"),
    ("吃喝", "招待 餐饮"), ("第一批", "首批"), ("头一批", "首批"),
    ("年纪大", "年满 老年 高龄"), ("上了年纪", "年满 老年 高龄"), ("退下来", "离岗 退休 退出"),
    ("一共要投", "总投资 总投入"), ("一共投", "总投资 总投入"), ("总共投", "总投资 总投入"),
    # vehicles, shops and streets
    ("电瓶车", "电动自行车"), ("电动车", "电动自行车"), ("黑车", "非法营运"), ("堵车", "交通拥堵"),
    ("菜市场", "农贸市场"), ("菜场", "农贸市场"), ("店主", "商户 经营户"), ("老板", "经营者 经营主体"),
    ("意外险", "意外伤害保险"), ("责任险", "责任保险"), ("工伤险", "工伤保险"),
    ("小摊", "摊贩 摊点"), ("摆摊", "摊贩 占道经营"), ("店门口", "门前"), ("假货", "假冒伪劣"),
    ("乱收费", "违规收费"), ("饭馆", "餐饮"), ("饭店", "餐饮"), ("食堂", "餐饮"),
    # homes and buildings
    ("翻修", "改造 维修"), ("装修", "改造 装饰装修"), ("老房子", "老旧 危房"), ("盖楼", "建设 建筑"),
    ("工地", "建筑工地 施工"), ("升降机", "电梯"), ("煤气", "燃气"), ("液化气", "瓶装燃气 液化石油气"),
    ("臭水沟", "黑臭水体"), ("厕所", "公厕 卫生厕所"), ("拆迁", "征收 征拆"),
    # seasons, fire and safety
    ("过年", "春节"), ("鞭炮", "烟花爆竹"), ("放炮", "燃放烟花爆竹"), ("山火", "森林火灾 森林防火"),
    ("上坟", "祭扫"), ("烧纸", "祭祀用火"), ("野炊", "野外用火"), ("烧秸秆", "秸秆焚烧"),
    ("结冰", "道路结冰 冰冻"), ("下大雪", "降雪 雨雪冰冻"), ("救火", "灭火 消防"),
    # work, money and people
    ("欠薪", "拖欠工资"), ("讨薪", "拖欠工资 欠薪"), ("农民工", "务工人员"), ("招工", "招聘 用工"),
    ("贷款", "融资 信贷"), ("低保", "最低生活保障"), ("孤寡老人", "特困人员 独居老人"), ("辍学", "控辍保学"),
    ("补课", "校外培训"), ("学校门口", "校园周边"), ("庄稼", "农作物"), ("种地", "耕地 种植"),
    ("办证", "审批 办理"),
    # weather, land and villages
    ("大暴雨", "强降雨 暴雨"), ("暴雨", "强降雨"), ("提早", "提前"), ("撤出来", "转移 撤离"), ("撤走", "转移 撤离"),
    ("搬走", "搬迁 转移"), ("老人小孩", "老弱病残 老幼"), ("乱占", "违法占用 违规占用"), ("乱建", "违法建设"),
    ("违建", "违法建设"), ("乱搭乱建", "违法建设 私搭乱建"), ("荒地", "撂荒地"), ("好田", "高标准农田"),
    ("种粮", "粮食生产 粮食播种"), ("打药", "病虫害防治 统防统治"), ("水渠", "沟渠 灌溉"), ("倒垃圾", "垃圾收运"),
    ("自家门口", "门前"), ("门口", "门前"), ("村里的规矩", "村规民约"), ("挨家挨户", "逐户 入户"),
    ("一家一户", "逐户"), ("上门", "入户"),
    # who answers for it and what befalls them
    ("骗", "骗取 套取 冒领"), ("假材料", "弄虚作假 虚假材料"), ("造假", "弄虚作假"), ("作假", "弄虚作假"),
    ("刷单", "弄虚作假 虚假交易"),
    ("好处", "奖励 补贴"), ("赏钱", "奖励 奖金"), ("奖金", "奖励"), ("检举", "举报"), ("牵线", "引荐 中介"),
    ("介绍老板", "引荐 中介"), ("打到账上", "拨付 兑付 到账"), ("到账", "拨付 兑付"), ("批下来", "审核通过 审批"),
    ("刚出校门", "高校毕业生 应届"), ("刚毕业", "高校毕业生 应届"), ("掌勺", "厨师"), ("红白喜事", "家宴 宴席"),
    ("班车", "客运 公交"), ("刁难", "吃拿卡要 设卡"),
    ("给钱", "补贴 补助 资金"), ("交钱", "缴费 缴纳 费用"), ("不让", "禁止 严禁 不得"),
    ("查出", "查实 发现"), ("打火机", "火种"), ("冒烟", "烟点 火情"),
    ("楼下", "低层"), ("剩下", "剩余 尚未"),
    ("一起拿", "叠加享受 重复享受 同时享受"), ("两头拿", "叠加享受 重复享受"), ("两头都拿", "叠加享受 重复享受"),
    ("重复拿", "重复享受 叠加享受"),
    ("挂个牌子", "挂牌"), ("挂牌子", "挂牌"), ("夜宵", "夜间 餐饮"), ("关门", "营业时间 歇业"),
    ("叫去谈话", "约谈"), ("找去谈话", "约谈"), ("谈话提醒", "约谈"), ("挨处分", "问责 追责 处分"),
    ("一把手", "主要负责人 主要负责同志"), ("管事的", "责任人 负责人"),
    # getting it done and reporting it
    ("摸底", "排查 摸排"), ("过一遍", "排查"), ("查一遍", "排查"), ("交差", "完成"), ("弄完", "完成"),
    ("搞完", "完成"), ("干完", "完成"), ("报上去", "报送 上报"), ("交上去", "报送 上报"), ("奖钱", "奖励 奖补"),
    ("这学期", "本学期"), ("这个月", "本月"), ("这周", "本周"), ("这个季度", "本季度"),
    ("评上", "评定 评为 获评 创成"), ("外地人", "外地游客 游客"), ("住一宿", "过夜 住宿"), ("住一晚", "过夜 住宿"),
    # children, schools, homes and moving
    ("娃", "孩子 学生 子女"), ("念书", "就学 入学 上学"), ("托管", "课后服务 托管"),
    ("打工家庭", "务工人员 随迁子女"), ("外地娃", "随迁子女"), ("进城", "随迁 进城"),
    ("升降梯", "电梯"), ("公家", "财政 政府"), ("贴钱", "补贴"), ("搬回", "回迁 安置"), ("新房", "安置房"),
    ("租房", "租房 过渡 临时安置"), ("拆房", "拆除 征收"), ("老楼", "老旧小区 既有住宅"),
    # sanitation, complaints, chiefs and deadlines as said in a village
    ("茅房", "厕所 户厕"), ("茅厕", "厕所 户厕"), ("旱厕", "厕所 户厕"), ("掏粪", "清掏 抽粪"), ("抽粪", "清掏"),
    ("画押", "签字 确认"), ("按手印", "签字 确认"), ("点头", "同意 确认"), ("头头", "负责人 负责同志"),
    ("一把抓", "统筹"), ("告状", "投诉 举报 信访"), ("说道", "反映 投诉"), ("找说法", "投诉 反映 诉求"),
    ("半夜", "夜间 24小时"), ("划掉", "销号"), ("了结", "办结 销号"), ("弄利索", "办结 处理"), ("动土", "开工 施工"),
    ("动工", "开工 施工"), ("落在后头", "排名靠后 末位"), ("垫上", "垫付"), ("垫给", "垫付"), ("跑路", "逃匿"),
    ("机器", "设备"), ("上亿", "亿元"), ("分部", "分支机构"),
    ("偷偷", "暗访"), ("突击", "暗访 突击检查"),
    # paying one's share, teachers, nurseries, road upkeep, fishing
    ("自己掏", "自付 个人负担"), ("自掏腰包", "自付 个人负担"), ("老师", "教师"), ("托儿所", "托育 托位"),
    ("修修补补", "养护 维修"), ("打鱼", "捕捞"), ("钓鱼", "垂钓"), ("打到卡上", "拨付 兑付 到账"),
    # funerals, woods, buses and help as said in a village
    ("白事", "丧事 治丧 殡葬"), ("后事", "丧事 治丧 安葬"), ("挪坟", "迁坟"), ("装灰的盒子", "骨灰盒"),
    ("炮仗", "鞭炮 烟花爆竹"), ("一天下来", "日均"), ("平均一天", "日均"), ("抱团", "合作社 联合"),
    ("山旮旯", "偏远 边远"), ("顶天", "最高 最多"), ("顶多", "最多 最高"), ("林子底下", "林下"), ("林子下面", "林下"),
    ("帮衬", "扶持 补助 帮扶"),
    ("守着", "值守 看守"), ("冷柜", "冷藏"), ("孤老", "特困 五保"), ("吃救济", "低保 特困 救助"), ("不作数", "逾期 失效"),
    ("挣到钱", "增收 收益"), ("到站不停", "甩站"), ("甩客", "甩站"),
    # kitchens, meals and parents; livestock and its dung
    ("饭堂", "食堂 助餐"), ("开伙", "就餐 助餐"), ("灶房", "厨房 食堂"), ("伙房", "厨房 食堂"), ("送饭", "送餐"),
    ("盒饭", "配餐 供餐"), ("馆子", "餐饮 餐馆"), ("爹妈", "家长 父母"), ("化验", "检测 检验"), ("人头", "人次 人数"),
    ("猪屎", "粪污 粪便"), ("鸡粪", "粪污 粪便"), ("牛粪", "粪污 粪便"), ("猪粪", "粪污 粪便"), ("粪水", "粪污"),
    ("粪坑", "储存池 粪污"), ("沤肥", "堆沤 有机肥 粪肥"), ("养猪的", "养殖户 养殖场"),
)


# A year said by its last two digits ("24年高标准农田", "25年底前", "去年也就是24年"): bulletins write 2024年 (years
# 2015-2029). Not a length of time ("满15年", "连续20年", "近20年来", "期限为15年", "20年以上", "第15年") nor a figure's
# part ("1.25年").
_SHORT_YEAR = re.compile(r"(?<![\d.．满近续过达第多这那每共约为期限用够足等])(1[5-9]|2\d)年"
                         r"(?![来内以多后间期半代级龄左前]|的时间|之内)")


def plain_words(question: str) -> str:
    """The question with colloquial words in their written form ("住建局要干啥" → "住建局要做什么")."""
    for pattern, written in _COLLOQUIAL:
        question = pattern.sub(written, question)
    question = _SHORT_YEAR.sub(r"20\1年", question)
    return _ASKED_TO_DO.sub("提了哪些要求", question)


# A quantity counted in Chinese numerals ("过了十亩", "两个小时", "三十万元"): bulletins write its figure in
# Arabic numerals ("10亩"), which is the word they are found by.
# Only measures of things (not 个/次/项, which count points and lists: "八个聚力"; nor 年/月, which name
# campaigns: "三年行动"); an ordinal ("第三") is no quantity.
_CN_QUANTITY = re.compile(r"(?<!第)(?P<n>[一二两三四五六七八九十]{1,3})(?P<wan>万|亿)?"
                          r"(?P<unit>亩|元|人|户|家|所|座|天|小时|公里|米|吨|台|辆|倍|套|间)")


# A share said in tenths ("花掉八成", "七成以上"): bulletins write it as a percentage (80%). Only where jieba cuts 成
# alone or with its numeral: not inside another word ("三成员", "一成不变").
_CN_SHARE = re.compile(rf"(?<![第{CN_ORDINALS}])(?P<n>[{CN_ORDINALS[:-1]}])成")


_SINGLE = ("次", "笔")  # "一次最多预收多少": bulletins write 单次 as often as 每次
# "一亩能收多少钱": bulletins write a mean per 亩 as 亩均 ("亩均收益860元"), per day as 日均
_AVERAGED = {"亩": "亩均", "人": "人均", "户": "户均", "天": "日均"}


def _figures(question: str, ranking: bool) -> dict[str, tuple[str, ...]]:
    # (a mean, "亩均", is how a rate asked may be written, not what it is of: "亩均产量" is no 亩均投资, so it lets a
    # passage answer without ranking it higher)
    found = {m.group(0): (f"每{m.group(1)}",) + ((f"单{m.group(1)}",) if m.group(1) in _SINGLE else ())
             + ((_AVERAGED[m.group(1)],) if m.group(1) in _AVERAGED and not ranking else ())
             for m in ONE_OF.finditer(question)}
    for m in _CN_QUANTITY.finditer(question):
        n = cn_to_int(m.group("n").replace("两", "二"))
        if n and n > 1:  # "一个", "一次": a figure of speech as often as a count
            found[m.group(0)] = (f"{n}{m.group('wan') or ''}{m.group('unit')}",)
    shares = list(_CN_SHARE.finditer(question))
    starts = word_starts(question, guess=False) | {len(question)} if shares else set()
    for m in shares:
        # "成" or "八成" a word of jieba's cut ("三成员", "一成不变" are not): a word ends after 成 and one starts at it
        # or at its numeral
        if m.end() in starts and (m.end() - 1 in starts or m.start() in starts):
            found[m.group(0)] = (f"{cn_to_int(m.group('n')) * 10}%",)
    return found


def _inside_word(char: str, question: str) -> bool:
    """A one-character everyday word only ever said inside a word of the dictionary with the one before it ("诈骗"
    holds no "骗" of cheating for a subsidy; "拿假材料骗补贴" does)."""
    if len(char) > 1:
        return False
    at = [i for i, c in enumerate(question) if c == char]
    return all(i > 0 and in_dictionary(question[i - 1:i + 1]) for i in at)


def written_forms(question: str, ranking: bool = False) -> dict[str, tuple[str, ...]]:
    """The written words for each everyday word of the question that has them ("暖气费" → 热费, 供暖费), leaving
    out those the question says already: what a bulletin may say instead. A quantity in Chinese numerals is
    written in figures ("十亩" → 10亩). `ranking`: only the forms worth ranking passages by (not a rate's mean)."""
    forms = {spoken: tuple(w for w in written.split() if w not in question)
             for spoken, written in _WRITTEN_FORMS if spoken in question and not _inside_word(spoken, question)}
    forms.update({spoken: ws for spoken, ws in _figures(question, ranking).items() if ws[0] not in question})
    return {spoken: ws for spoken, ws in forms.items() if ws}


def with_written_forms(question: str) -> str:
    """The question with its everyday words' written forms added after it, for ranking passages by words and
    by meaning ("交的暖气费能要回来吗 热费 供暖费 退还 返还")."""
    added = dict.fromkeys(w for ws in written_forms(question, ranking=True).values() for w in ws)
    return f"{question} {' '.join(added)}" if added else question


def archive_synonyms(terms: list[str], counts: Callable[[list[str]], dict[str, int]]) -> dict[str, tuple[str, ...]]:
    """For each of the question's words no bulletin writes, its synonyms that bulletins do write ("实习" → 见习;
    bot/thesaurus.py); `counts` gives how many passages hold each word. A word the archive writes is asked as
    written: a synonym would blur the difference it makes (another subsidy, another county)."""
    held = counts(terms)
    # whole words only: not the parts jieba's search mode also gives ("义务" of "义务教育" is no 责任)
    unheld = [t for t in terms if not held.get(t) and not any(t != u and t in u for u in terms)]
    options = {t: synonyms(t) for t in unheld}
    found = counts(list(dict.fromkeys(s for ss in options.values() for s in ss)))
    return {t: kept for t, ss in options.items() if (kept := tuple(s for s in ss if found.get(s)))}


# A person addressed as surname + post at the head of the question or after a lead-in ("宁副区长在…讲了什么",
# "请问王县长说…"), followed by what they did: not "全县长期" (全 + 县长 inside a word).
_ADDRESSED_WHO = re.compile(rf"(?:^|(?<=[^{CJK}])|(?<=请问|听说|问下)|(?<=那))(?P<surname>[{CJK}]{{1,2}}?)"
                            rf"(?P<post>副?(?:{ADDRESS_POSTS}))"
                            rf"(?={DID_NEXT}|上次|最近|那边|这边|他们|让|，|,|$)")


def unknown_addressed(question: str, people: Iterable[str]) -> tuple[tuple[str, str], ...]:
    """(surname, post) of each person the (resolved) question still addresses as surname + post ("宁副区长")
    though no one the archive names has that surname: someone the bulletins do not name, unless a text writes
    them so ("副区长宁…")."""
    known = {p[:1] for p in people} | {p[:2] for p in people}
    return tuple(dict.fromkeys((m.group("surname"), m.group("post")) for m in _ADDRESSED_WHO.finditer(question)
                               if is_surname(m.group("surname")) and m.group("surname") not in known))


def resolve_people(question: str, people: Iterable[str], recency: Callable[[str], str] | None = None,
                   posts: Callable[[str], tuple[str, ...]] | None = None, with_units: bool = False) -> str:
    """Replace "王县长" with the archive's people surnamed 王 ("王立群"; several joined by "、", the most
    recent first by `recency`, a sortable string such as the ISO date they last spoke). With `posts` (the posts
    the archive gives a person), those of them holding the post addressed go: "陈县长" is the 副县长 陈明, not
    the 局长 陈华 (a deputy is addressed by the post, "陈副县长" only by the deputy's); when the archive gives
    none of them that post, every one of the surname. A full name already in the question, or a surname no one
    in the archive has, is left alone. With `posts`, a leading post named alone ("县长讲了几点") is whoever the
    archive gives that post, the most recent first, written after it ("县长王立群讲了几点") — unless more than
    MAX_HOLDERS hold it (an archive of several counties). `with_units` (a question asking what someone must do):
    one addressed at the head of a unit with "那边/这块" ("许局长那边要干啥") stands for that unit ("区市场监管局"),
    whose tasks are what is asked; "许局长要干啥" stays the person."""
    if not (_ADDRESSED.search(question) or (posts and _POST_ALONE.search(question))):
        return question  # most questions address no one: the archive's people are not walked for them
    people = [p for p in people if 2 <= len(p) <= 4]
    if not people:
        return question

    def named(m: re.Match[str]) -> str:
        return _named(m, m.group("surname"))

    def _named(m: re.Match[str], surname: str) -> str:
        start = m.end("surname") - len(surname)
        unchanged = question[start:m.end()]
        if not is_surname(surname):
            # "会上许局长": the match took the character before the surname ("上许" is no surname)
            if len(surname) == 2 and is_surname(surname[1]):
                return surname[0] + _named(m, surname[1])
            return unchanged
        # "…王立群县长": a full name before the post is already what the bulletins say.
        before = question[max(0, start - 3):m.end("surname")]
        if any(p in before for p in people):
            return unchanged
        found = [p for p in people if p.startswith(surname) and len(p) > len(surname)]
        if not found:
            return unchanged
        if posts:
            held = [p for p in found if any(_addressed_by(m.group("post"), post) for post in posts(p))]
            found = held or found
        found.sort(key=lambda p: (recency(p) if recency else None) or "", reverse=True)
        if m.group("side") and with_units and posts and len(found) == 1:
            unit = next((u for post in posts(found[0]) if (u := unit_at(post, 0)) and post != u), None)
            if unit:
                # "周局长他们应急管理局…": the unit is named next, as the asker says it
                return "" if question[m.end():].startswith((unit, unit[1:])) else unit
        return "、".join(found)

    question = _ADDRESSED.sub(named, question)
    if posts is None:
        return question

    def holders(m: re.Match[str]) -> str:
        held = [p for p in people if any(base_post(t) == t and t.endswith(m.group("post"))
                                         for t in map(post_title, posts(p)))]
        if not held or len(held) > MAX_HOLDERS:
            return m.group(0)  # many 县长: an archive of several counties; the post alone says which no better
        held.sort(key=lambda p: (recency(p) if recency else None) or "", reverse=True)
        return m.group(0) + "、".join(held)  # "县长王立群": as bulletins name them

    return _POST_ALONE.sub(holders, question)


def _addressed_by(address: str, post: str) -> bool:
    """Whether a person holding `post` ("副县长", "县委书记") is addressed by `address` ("县长", "副县长", "书记")."""
    title = post_title(post)  # "区市场监管局副局长" is a 副局长
    if address.startswith("副"):
        return base_post(title) == address[1:] and "副" in title
    return base_post(title).endswith(address)
