#!/usr/bin/env python3
"""Add N made-up proposals to a Shangliang SQLite database, for benchmarks.

    python3 bench/gen_proposals.py DB_PATH [N] [--seed S] [--committee NAME] [--ids-out FILE]
                                   [--vocabulary basic|rich]

N defaults to 100000. The database must already hold the demo data (`shangliang serve --demo`
once), and the server must NOT be running on it: the rows are written straight into the file,
bypassing the API and its workflow.

The proposals are spread over the committee's five latest sessions (the demo's 十四届一次…五次会议),
older sessions mostly closed, the current one in every state. Each gets a title from topic
templates (关于…的建议, up to 50 characters), a proposer among the members with accounts (some
joint with co-signers, some collective from 民盟), and a body of 300-2,000 characters built from
phrase templates. Rows follow what the workflow would have written: filed-and-later proposals get
gapless numbers per session (continuing after the demo's, counters updated) and their unit
assignments (lead, sometimes co-units) in matching states; handled ones a consultation; the reply
stages a reply letter (released from 'replied' on); rated ones their feedback. Step history,
extensions and notifications are not written. The same seed gives the same rows.

--ids-out writes the ids of the added proposals that staff can see (all but drafts), one a line.
--vocabulary rich (for the search benchmark) mixes local details and sentences of the hand-written
proposals in tests/data/similar_pairs.json into the bodies, for more realistic bigram statistics;
the default `basic` gives the same rows as before for the same seed. Rows are written in batches,
so memory stays small even for a million proposals.
"""

import argparse
import calendar
import json
import os
import re
import random
import sqlite3
import sys
import time

TOPICS = [
    # (category, title cores, nouns used in the body, usual lead unit, co-units)
    ("社会事业", ["加快社区嵌入式养老服务设施建设", "完善居家养老上门服务体系", "扩大社区老年助餐服务覆盖面",
                "推进老旧小区居家适老化改造", "加强养老护理人才队伍建设", "提升失能老年人长期照护能力"],
     ["养老服务", "社区养老", "老年助餐", "居家养老"], "区民政局", ["区卫生健康局", "区医疗保障局", "区住房和城市更新局"]),
    ("科教文卫", ["推进义务教育优质均衡发展", "丰富中小学课后服务内容", "加强中小学生心理健康教育",
                "扩大普惠性学前教育资源", "建设高水平职业教育实训基地"],
     ["义务教育", "课后服务", "学前教育", "心理健康教育"], "区教育局", ["区财政局", "区人力资源和社会保障局"]),
    ("城市建设", ["缓解老城区停车难问题", "优化公交线网提升公交分担率", "加快打通城市断头路", "推进慢行交通系统建设",
                "加强电动自行车充电设施建设"],
     ["停车设施", "公共交通", "路网建设", "慢行系统"], "区交通运输局", ["公安汉江分局", "区城市管理执法委员会"]),
    ("城市建设", ["加快推进老旧小区改造", "推进既有住宅加装电梯", "加强历史街区保护与活化利用", "推进城中村综合整治"],
     ["城市更新", "老旧小区改造", "加装电梯", "历史街区"], "区住房和城市更新局", ["区自然资源和规划局", "区财政局"]),
    ("经济建设", ["持续优化法治化营商环境", "推动惠企政策免申即享", "破解中小微企业融资难题", "规范涉企行政检查",
                "支持民营经济高质量发展"],
     ["营商环境", "惠企政策", "中小微企业", "政务服务"], "区发展和改革局",
     ["区政务服务和大数据管理局", "区市场监督管理局", "区商务局"]),
    ("科教文卫", ["提升社区卫生服务中心服务能力", "做实家庭医生签约服务", "推进紧密型医联体建设", "完善院前急救体系"],
     ["基层医疗", "家庭医生", "医联体", "急救网络"], "区卫生健康局", ["区医疗保障局", "区财政局"]),
    ("城市建设", ["深入推进生活垃圾分类", "加强餐饮油烟污染治理", "推进河湖水环境综合治理", "建设海绵城市提升防涝能力"],
     ["生态环境", "垃圾分类", "水环境", "大气污染防治"], "区生态环境分局", ["区水务和湖泊局", "区城市管理执法委员会"]),
    ("社会事业", ["为社区减负增效", "加强社区工作者队伍建设", "完善矛盾纠纷多元化解机制", "培育发展社区社会组织"],
     ["社区治理", "基层治理", "社区工作者", "社会组织"], "区民政局", ["区委组织部", "区司法局"]),
    ("科教文卫", ["打造沿江文化旅游带", "发展夜间经济激发消费活力", "保护传承非物质文化遗产", "推进公共文化服务提质增效"],
     ["文化旅游", "夜间经济", "非遗保护", "公共文化"], "区文化和旅游局", ["区商务局", "区委宣传部"]),
    ("社会事业", ["做好高校毕业生就业服务", "加强灵活就业人员权益保障", "建设家门口就业服务站", "加大创业担保贷款支持"],
     ["就业服务", "灵活就业", "创业扶持", "技能培训"], "区人力资源和社会保障局", ["区发展和改革局", "区财政局"]),
    ("经济建设", ["加快发展数字经济", "推动传统商圈转型升级", "培育壮大科技型中小企业", "盘活闲置楼宇发展楼宇经济"],
     ["数字经济", "商圈升级", "科技创新", "楼宇经济"], "区发展和改革局", ["区科学技术和经济信息化局", "区商务局"]),
    ("政治法律", ["防范和打击电信网络诈骗", "完善公共法律服务体系", "加强未成年人保护工作", "推进诉源治理"],
     ["法治建设", "反诈宣传", "公共法律服务", "未成年人保护"], "区司法局", ["公安汉江分局", "区人民法院"]),
    ("其他", ["加强校园周边食品安全监管", "加强高层建筑消防安全治理", "规范农贸市场管理", "加强燃气安全管理"],
     ["食品安全", "消防安全", "农贸市场", "燃气安全"], "区市场监督管理局", ["区应急管理局", "区商务局"]),
]
TITLE_FORMS = ["关于{}的建议", "关于{}的几点建议", "关于进一步{}的建议", "关于{}的对策建议"]

# Phrase templates: {n} the topic noun, {a} {b} {c} figures, {y} a year.
SITUATION = [
    "近年来，区委、区政府高度重视{n}工作，出台了一系列政策措施，取得了积极成效。",
    "截至{y}年底，全区{n}相关设施达到{a}处，服务覆盖人口约{b}万人。",
    "{y}年，全区围绕{n}共投入资金约{c}亿元，实施项目{a}个。",
    "据12345热线统计，{y}年涉及{n}的群众诉求达{d}件，同比增长{p}%。",
    "调研中了解到，有{p}%的受访群众对{n}工作表示满意，但也提出了不少意见和建议。",
    "与先进城区相比，我区{n}在投入规模、服务质量和管理水平上仍有一定差距。",
    "随着城市更新和人口结构变化，群众对{n}的需求日益多样化、个性化。",
]
PROBLEMS = [
    "{n}设施布局不均衡，部分老旧片区短板明显",
    "{n}相关政策落实不到位，群众获得感不强",
    "部门之间协同不够，{n}工作存在多头管理、推诿扯皮现象",
    "{n}专业人才短缺，队伍年龄结构偏大、流动性强",
    "{n}经费保障不足，过度依赖财政投入，社会资本参与度低",
    "信息化水平不高，{n}数据分散在各部门，难以共享",
    "{n}监督考核机制不健全，重建设、轻管理的问题较为突出",
]
CAUSES = [
    "规划与建设衔接不够，配套设施建设滞后于城市开发",
    "扶持政策碎片化，资金分散使用，撬动效应不明显",
    "基层力量薄弱，点多面广与人手不足的矛盾突出",
    "市场化运营机制不健全，专业机构培育不够",
    "考核评价中群众满意度的权重偏低",
    "宣传引导不够，群众参与的渠道和方式有限",
]
SUGGESTIONS = [
    ("加强统筹规划", "将{n}纳入全区国民经济和社会发展规划，摸清底数、补齐短板，逐年滚动实施。"),
    ("完善政策体系", "研究出台{n}专项扶持政策，明确资金来源、支持标准和绩效评价办法。"),
    ("创新体制机制", "建立由区政府分管领导牵头、相关部门参加的{n}联席会议制度，定期研究解决重大问题。"),
    ("强化要素保障", "在用地、资金和人才等方面向{n}倾斜，鼓励社会资本通过多种方式参与建设运营。"),
    ("加强队伍建设", "拓宽{n}人才引进渠道，落实薪酬激励和职业发展政策，稳定一线工作队伍。"),
    ("推进数字赋能", "整合各部门{n}数据，建设统一的信息服务平台，实现需求精准识别、服务精准供给。"),
    ("健全长效管理", "完善{n}考核评价机制，把群众满意度作为重要指标，定期督查通报。"),
    ("广泛凝聚合力", "发挥街道社区、社会组织和志愿者作用，形成政府主导、社会参与、群众受益的{n}工作格局。"),
]
REPLY_WORKS = [
    "我局会同相关部门制定了{n}工作实施方案，明确年度目标任务{a}项，目前已完成{b}项。",
    "{y}年，全区在{n}方面投入资金约{c}亿元，新建和改造项目{a}个。",
    "我局建立了{n}工作联席会议制度，定期研究解决推进中的困难和问题。",
    "我局组织开展{n}专项督查，发现并督促整改问题{a}个。",
]
REPLY_PLANS = [
    "将您的建议纳入明年{n}工作重点任务，抓好落实",
    "会同相关部门研究完善{n}扶持政策",
    "加强{n}信息化建设，提高服务精准度",
    "强化督促检查，确保{n}各项措施落地见效",
]
RESULT_TEXT = {
    "A": "您提出的建议切合实际，我局已予以采纳并在工作中落实。",
    "B": "您提出的建议我局高度认同，相关工作正在推进，已列入明年工作计划。",
    "C": "您提出的建议很有价值，但受现行政策和财政资金限制，目前尚难以全面实施，我们将留作今后工作参考。",
}
ORD = "一二三四五六七八九十"

# Final states: older sessions mostly closed; the current one at every stage.
OLD_STATES = [("closed", 84), ("not_filed", 7), ("merged", 5), ("feedback_received", 2), ("replied", 1),
              ("second_handling", 1)]
CURRENT_STATES = [("draft", 4), ("awaiting_cosign", 2), ("submitted", 6), ("returned", 2), ("filed", 4),
                  ("assigned", 6), ("in_handling", 14), ("reply_unit_review", 4), ("reply_cppcc_review", 3),
                  ("replied", 8), ("feedback_received", 6), ("second_handling", 2), ("closed", 30),
                  ("not_filed", 5), ("merged", 4)]
FILED = {"filed", "assigned", "in_handling", "reply_unit_review", "reply_cppcc_review", "replied",
         "feedback_received", "second_handling", "closed"}
ASSIGNED = FILED - {"filed"}
HANDLED = {"reply_unit_review", "reply_cppcc_review", "replied", "feedback_received", "second_handling", "closed"}
RELEASED = {"replied", "feedback_received", "second_handling", "closed"}
DECLINE = [("没有具体建议的", 50), ("属于司法程序中的诉讼、仲裁等具体案件", 20), ("涉及提案人个人及亲属事务", 15),
           ("属于学术讨论的", 15)]


# --vocabulary rich: local details (invented streets and communities of the district, residents,
# places and objects, other cities) and whole sentences from the hand-written proposals of
# tests/data/similar_pairs.json (the `a` side of each pair and the distractors; the `b` side and the
# novel ones stay unseen, for queries), so that the bigram statistics look more like a real
# corpus: tens of thousands of distinct bigrams with a long tail instead of about 2,600.
STREETS = ["江滨", "荣华", "长丰", "柳湖", "白沙", "六合", "汉兴", "民意", "新华", "万松", "唐家墩", "北湖", "前进",
           "满春", "汉正", "宝丰", "古田", "韩家墩", "易家", "琴断口", "龟山", "鹦鹉", "洲头", "晴川", "水塔", "四新",
           "蔡甸", "永丰", "沙湖", "东亭", "南湖", "关山", "花山", "青山", "红钢城", "建设", "冶金", "钢花", "工人村",
           "白玉山"]
COMMUNITIES = ["幸福", "和平", "建设", "长青", "红旗", "桃源", "振兴", "育才", "锦绣", "友谊", "团结", "望江", "金桥",
               "紫阳", "青年", "杨汊湖", "三眼桥", "西马", "大智", "球场", "花楼", "统一", "黄陂", "宝善", "荷花",
               "梅园", "兰亭", "竹苑", "丹水池", "后湖", "百步亭", "常码头", "台北", "香港路", "苗栗", "新荣", "塔子湖",
               "谌家矶", "二七", "车站"]
COMMUNITY_KINDS = ["社区", "社区", "小区", "村", "里"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰文辉力志红建国春梅海燕斌鹏宇浩凯晨欣怡佳琪雪梦婷子涵博文思远嘉诚俊峰立新德胜秋菊冬青晓光红霞"
CITIES = ["杭州", "成都", "深圳", "上海", "苏州", "宁波", "厦门", "青岛", "长沙", "合肥", "南京", "重庆", "西安", "郑州",
          "广州", "天津", "济南", "福州", "南昌", "贵阳", "昆明", "无锡", "佛山", "东莞", "温州", "嘉兴", "绍兴", "常州"]
ORGS = ["企业", "商户", "学校", "幼儿园", "医疗机构", "养老机构", "物业公司", "社会组织", "个体工商户", "农贸市场",
        "快递网点", "托育机构", "社区卫生服务站", "驾校", "培训机构", "餐饮门店", "互联网平台企业"]
THINGS = ["适老化扶手", "无障碍坡道", "智慧停车", "共享单车", "电动汽车充电桩", "垃圾中转站", "雨污分流", "口袋公园",
          "社区食堂", "日间照料中心", "托育服务", "校外培训", "人工智能", "5G基站", "新能源汽车", "跨境电商", "直播电商",
          "冷链物流", "预制菜", "低空经济", "数据要素", "算力中心", "网格员", "物业管理", "业主委员会", "公租房",
          "保障性租赁住房", "学区划分", "课后托管", "近视防控", "医保报销", "异地就医", "DRG付费", "慢病管理",
          "心理咨询热线", "食品抽检", "明厨亮灶", "外卖骑手", "快递小哥", "新就业形态", "零工市场", "非遗工坊", "汉绣",
          "楚剧", "码头文化", "江滩公园", "夜市", "文创街区", "背街小巷", "断头路", "人行天桥", "公交站台", "地铁接驳",
          "潮汐车道", "错时停车", "立体停车库", "电梯加装", "二次供水", "燃气管道", "飞线充电", "高空抛物", "楼道堆物",
          "消防通道", "应急避难场所", "AED除颤仪", "社区医院", "家庭病床", "长期护理保险", "失能老人", "独居老人",
          "留守儿童", "困境儿童", "残疾人托养", "孤独症儿童", "婴幼儿照护", "普惠托育", "学前教育", "职业教育",
          "产教融合", "科创园区", "孵化器", "专精特新", "首贷续贷", "知识产权质押", "政府采购", "工程款拖欠", "信用修复",
          "一网通办", "APP", "小程序", "WiFi", "PM2.5", "噪声扰民", "油烟直排", "渣土车", "黑臭水体", "河湖长制",
          "湿地保护", "绿道", "屋顶绿化", "城市微更新", "历史建筑", "里份", "老字号", "夜经济", "露营地", "民宿",
          "全民健身", "学校体育场馆开放", "社区书房", "城市书房", "志愿服务", "时间银行", "邻里中心", "红色物业",
          "群租房", "电信诈骗", "校园欺凌", "未成年人网络保护", "法律援助", "人民调解", "社区矫正", "食品小作坊",
          "农村集体经济", "菜篮子工程", "平价菜店", "临期食品", "快递包装", "塑料污染", "光伏屋顶", "节能改造"]
LOCAL = [
    "以{s}街道{c}为例，{t1}和{t2}问题较为集中，居民多次通过12345热线反映。",
    "{s}街道{c}居民{p}告诉我们：“{t1}的事说了好几年，一直没有解决。”",
    "我们在{s}街道走访了{a}户居民和{b}家{o}，{t1}、{t2}是大家最关心的问题。",
    "{s}片区的{t1}项目已经启动，但{t2}配套仍未跟上。",
    "{s}街道{c}曾试行{t1}，{o}和居民反映较好，但因经费和人手所限未能坚持。",
    "据{s}街道统计，辖区内涉及{t1}的投诉去年有{d}件，其中{a}件与{t2}有关。",
    "{c}的{p}委员在走访中发现，{t1}与{t2}相互交织，单靠一个部门难以解决。",
    "{city}在{t1}方面起步较早，其{t2}的做法值得我区学习借鉴。",
]
LOCAL_ADVICE = [
    "建议在{s}街道{c}先行试点{t1}，成熟后在全区推广。",
    "可借鉴{city}的做法，把{t1}与{t2}统筹起来推进。",
    "建议由{s}街道牵头，组织{o}和居民代表共同商议{t1}的具体方案。",
    "建议将{t1}纳入明年区政府民生实事项目，并同步考虑{t2}。",
]


class RichVocabulary:
    def __init__(self, path):
        with open(path, encoding="utf-8") as f:
            data = json.load(f)
        texts = [p["a"]["title"] + "。" + p["a"]["body"] for p in data["pairs"]]
        texts += [d["title"] + "。" + d["body"] for d in data["distractors"]]
        self.pool = []
        for t in texts:
            for sent in re.findall(r"[^。；！？\n]+[。；！？]?", t):
                sent = re.sub(r"^(为此建议：|建议：|具体建议：)?[一二三四五六七八九十]是", "", sent.strip())
                if len(sent) >= 8:
                    self.pool.append(sent[:-1] + "。" if sent[-1] in "。；" else sent if sent[-1] in "！？" else sent + "。")
        if not self.pool:
            sys.exit(f"gen_proposals: no sentences in {path}")

    def sentences(self, rng, k):
        return "".join(rng.choice(self.pool) for _ in range(k))

    def local(self, rng, advice=False):
        t1, t2 = rng.sample(THINGS, 2)
        return rng.choice(LOCAL_ADVICE if advice else LOCAL).format(
            s=rng.choice(STREETS), c=rng.choice(COMMUNITIES) + rng.choice(COMMUNITY_KINDS), t1=t1, t2=t2,
            p=rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else ""),
            o=rng.choice(ORGS), city=rng.choice(CITIES), a=rng.randint(12, 480), b=rng.randint(3, 60),
            d=rng.randint(40, 3000))


def cn(n):
    if n <= 10:
        return "十" if n == 10 else ORD[n - 1]
    if n < 20:
        return "十" + ORD[n % 10 - 1]
    return ORD[n // 10 - 1] + "十" + (ORD[n % 10 - 1] if n % 10 else "")


def fill(rng, tmpl, noun, year):
    return tmpl.format(n=noun, a=rng.randint(6, 60), b=rng.randint(3, 40), c=round(rng.uniform(0.5, 9.5), 1),
                       d=rng.randint(300, 6000), p=round(rng.uniform(8, 45), 1), y=year)


def numbered(rng, items, noun, year):
    leads = ["一是", "二是", "三是", "四是", "五是", "六是", "七是"]
    return "；".join(leads[i] + fill(rng, x, noun, year) for i, x in enumerate(items)) + "。"


def body(rng, topic, core, year, target_len, vocab=None):
    """Situation, analysis and suggestions of about `target_len` characters together; with a
    RichVocabulary, local details and sentences from its pool are mixed in."""
    nouns = topic[2]
    noun = rng.choice(nouns)
    situation = "".join(fill(rng, s, noun, year) for s in rng.sample(SITUATION, 2))
    if vocab:
        situation += vocab.local(rng) + vocab.sentences(rng, rng.randint(1, 3))
    situation += "\n但在调研中也发现，" + core + "方面仍存在一些问题：" + numbered(rng, rng.sample(PROBLEMS, 3), noun, year)
    analysis = "造成上述问题的原因主要有：" + numbered(rng, rng.sample(CAUSES, 3), rng.choice(nouns), year)
    sugg = rng.sample(SUGGESTIONS, rng.randint(3, 5))
    suggestions = "\n".join(f"{ORD[i]}、{h}。{fill(rng, d, rng.choice(nouns), year)}" for i, (h, d) in enumerate(sugg))
    if vocab:
        suggestions += vocab.local(rng, advice=True)
    # Grow (more situation and analysis sentences) or trim to the target length.
    extra = 0
    while len(situation) + len(analysis) + len(suggestions) < target_len and extra < 60:
        n2 = rng.choice(nouns)
        if vocab and extra % 3 == 2:
            situation += "\n" + vocab.local(rng) + vocab.sentences(rng, rng.randint(2, 4))
        elif extra % 2 == 0:
            situation += "\n" + "".join(fill(rng, s, n2, year) for s in rng.sample(SITUATION, 2))
        else:
            analysis += "\n此外，" + numbered(rng, rng.sample(CAUSES, 2), n2, year)
        extra += 1
    # Trim whole sentences off the situation while that keeps the total at 300 or more.
    total = len(situation) + len(analysis) + len(suggestions)
    if total > target_len:
        cut = situation.rfind("。", 0, max(1, len(situation) - (total - target_len)))
        if cut > 0 and total - (len(situation) - cut - 1) >= 300:
            situation = situation[:cut + 1]
    return situation, analysis, suggestions


def reply_letter(rng, addressee, title, label, unit, noun, year, result, date):
    works = rng.sample(REPLY_WORKS, 2)
    plans = rng.sample(REPLY_PLANS, 3)
    return (f"{addressee}：\n您提出的《{title}》（{label}）收悉。我单位高度重视，认真研究并与您沟通协商，现答复如下：\n"
            f"一、工作开展情况\n{fill(rng, works[0], noun, year)}{fill(rng, works[1], noun, year)}\n"
            f"二、下一步工作打算\n一是{plans[0].format(n=noun)}；二是{plans[1].format(n=noun)}；三是{plans[2].format(n=noun)}。\n"
            f"{RESULT_TEXT[result]}\n感谢您对我区{noun}工作的关心和支持。\n\n{unit}\n{date}")


def weighted(rng, table):
    total = sum(w for _, w in table)
    x = rng.uniform(0, total)
    for v, w in table:
        x -= w
        if x <= 0:
            return v
    return table[-1][0]


NOW = int(time.time())


def iso(y, doy, hour):
    """ISO timestamp (UTC) `doy` days into year `y`, plus `hour` hours, but never after now."""
    t = calendar.timegm((y, 1, 1, 0, 0, 0)) + int(doy * 86400) + hour * 3600
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(min(t, NOW - 60)))


def days_into(y):
    """Now, as days into year `y`."""
    return (NOW - calendar.timegm((y, 1, 1, 0, 0, 0))) / 86400


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("db", help="path of the SQLite database file (server stopped)")
    ap.add_argument("n", type=int, nargs="?", default=100000, help="number of proposals to add (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=20260108, help="random seed (default: %(default)s)")
    ap.add_argument("--committee", default="武汉市汉江区政协", help="committee name (default: %(default)s)")
    ap.add_argument("--ids-out", help="write the ids of the added non-draft proposals to this file")
    ap.add_argument("--vocabulary", choices=["basic", "rich"], default="basic",
                    help="basic: phrase templates only (default); rich: also local details and sentences of "
                         "the hand-written proposals in --sentences")
    ap.add_argument("--sentences", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests",
                                                        "data", "similar_pairs.json"),
                    help="the hand-written proposals whose sentences --vocabulary rich mixes in")
    args = ap.parse_args()
    if args.n < 0:
        ap.error("N must be >= 0")

    started = time.time()
    rng = random.Random(args.seed)
    vocab = RichVocabulary(args.sentences) if args.vocabulary == "rich" else None
    db = sqlite3.connect(args.db, timeout=5)
    try:
        row = db.execute("SELECT id FROM committees WHERE name = ?", (args.committee,)).fetchone()
        if row is None:
            sys.exit(f"gen_proposals: no committee named {args.committee} in {args.db} (run `serve --demo` first)")
        cid = row[0]
        sessions = db.execute(
            "SELECT s.id, t.number, s.number, s.start_date, s.is_current FROM sessions s JOIN terms t ON t.id = s.term_id "
            "WHERE s.committee_id = ? ORDER BY s.start_date DESC LIMIT 5", (cid,)).fetchall()[::-1]
        if not sessions:
            sys.exit("gen_proposals: the committee has no sessions")
        units = {name: uid for uid, name in db.execute("SELECT id, name FROM units WHERE committee_id = ?", (cid,))}
        members = db.execute("SELECT id, user_id, name FROM members WHERE committee_id = ? AND user_id IS NOT NULL "
                             "AND status = 'active' ORDER BY id", (cid,)).fetchall()
        if len(members) < 10:
            sys.exit("gen_proposals: the committee has fewer than 10 members with accounts")
        group = db.execute("SELECT u.id, u.name, g.party_id FROM users u JOIN role_grants g ON g.user_id = u.id WHERE "
                           "g.committee_id = ? AND g.role = 'group_contact' AND g.party_id IS NOT NULL LIMIT 1",
                           (cid,)).fetchone()
        counters = {sid: n for sid, n in db.execute("SELECT session_id, last_number FROM proposal_number_counters")}
        next_id = (db.execute("SELECT COALESCE(MAX(id), 0) FROM proposals").fetchone()[0]) + 1

        proposals, cosigners, assignments, consultations, replies, feedback, visible = [], [], [], [], [], [], []
        filed_by_session, merged_rows = {}, []  # what the merged proposals need, kept to the end
        counts = {"assignments": 0, "consultations": 0, "replies": 0, "feedback": 0, "chars": 0}

        def flush():
            """Writes the rows generated so far (one transaction for the whole run, committed at the end)."""
            for p in proposals:
                if p[4] is not None:
                    filed_by_session.setdefault(p[2], []).append(p[0])
                if p[18] == "merged":
                    merged_rows.append((p[0], p[2]))
                counts["chars"] += len(p[8]) + len(p[9]) + len(p[10])
            db.executemany(
                "INSERT INTO proposals (id, committee_id, session_id, between_sessions, number, number_label, kind, "
                "title, situation, analysis, suggestions, category, keywords, proposer_user_id, proposer_member_id, "
                "proposer_name, group_type, group_id, state, version, decline_reason, round, result_category, "
                "satisfaction, is_key, published, due_at, submitted_at, filed_at, assigned_at, replied_at, closed_at, "
                "published_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", proposals)
            db.executemany("INSERT OR IGNORE INTO proposal_cosigners (proposal_id, member_id, user_id, name, status) "
                           "VALUES (?, ?, ?, ?, ?)", cosigners)
            db.executemany(
                "INSERT INTO proposal_assignments (proposal_id, unit_id, role, state, round, sign_due, opinion_due, "
                "reply_due, signed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", assignments)
            db.executemany(
                "INSERT INTO proposal_consultations (proposal_id, unit_id, method, held_on, people, content, "
                "created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", consultations)
            db.executemany(
                "INSERT INTO proposal_replies (proposal_id, unit_id, round, body, result_category, state, created_at, "
                "released_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", replies)
            db.executemany("INSERT INTO proposal_feedback (proposal_id, round, user_id, rating, created_at) VALUES "
                           "(?, ?, ?, ?, ?)", feedback)
            for name, rows in (("assignments", assignments), ("consultations", consultations), ("replies", replies),
                               ("feedback", feedback)):
                counts[name] += len(rows)
            for rows in (proposals, cosigners, assignments, consultations, replies, feedback):
                rows.clear()

        per_session = [args.n // len(sessions)] * len(sessions)
        per_session[-1] += args.n - sum(per_session)
        pid = next_id
        for (sid, term, snum, start, is_current), count in zip(sessions, per_session):
            year = int(start[:4])
            table = CURRENT_STATES if is_current else OLD_STATES
            number = counters.get(sid, 0)
            for _ in range(count):
                state = weighted(rng, table)
                topic = rng.choice(TOPICS)
                core = rng.choice(topic[1])
                title = rng.choice(TITLE_FORMS).format(core)
                situation, analysis, suggestions = body(rng, topic, core, year - 1, rng.randint(300, 2000), vocab)
                kind, group_type, group_id, member_id = "individual", None, None, None
                if group and rng.random() < 0.03:
                    kind, group_type, group_id = "collective", "party", group[2]
                    user_id, name = group[0], group[1]
                    addressee = "民盟汉江区委"
                else:
                    member_id, user_id, name = rng.choice(members)
                    addressee = name + "委员"
                    if rng.random() < 0.2:
                        kind = "joint"
                        for m in rng.sample(members, rng.randint(1, 3)):
                            if m[0] == member_id:
                                continue
                            pending = state == "awaiting_cosign"
                            cosigners.append((pid, m[0], m[1], m[2], "pending" if pending else "confirmed"))
                if state == "awaiting_cosign" and kind != "joint":
                    state = "submitted"
                doy = rng.uniform(-12, 3) if rng.random() < 0.85 else rng.uniform(30, 300)
                # What is still being signed for or answered was assigned recently (assignment is
                # at doy + 30), so its deadlines lie ahead, as in a committee that keeps up.
                if is_current and state in ("assigned", "in_handling", "reply_unit_review"):
                    back = {"assigned": (0.5, 5), "in_handling": (3, 80), "reply_unit_review": (52, 85)}[state]
                    doy = days_into(year) - 30 - rng.uniform(*back)
                created = iso(year, doy - rng.uniform(1, 8), 2)
                submitted = None if state == "draft" else iso(year, doy, 3)
                num = label = filed = assigned = replied = closed = due = None
                result = satisfaction = None
                rnd = 2 if state == "second_handling" else 1
                version = 1
                if state in FILED:
                    number += 1
                    num = number
                    label = f"{cn(term)}届{cn(snum)}次会议 第{num:04d}号"
                    filed = iso(year, doy + 20, 2)
                    version += 2
                if state in ASSIGNED:
                    assigned = iso(year, doy + 30, 2)
                    due = time.strftime("%Y-%m-%d", time.gmtime(calendar.timegm((year, 1, 1, 0, 0, 0)) +
                                                                 int((doy + 30 + 91) * 86400)))
                    if state == "second_handling":  # the new deadline after 不满意
                        due = time.strftime("%Y-%m-%d", time.gmtime(NOW + rng.randint(10, 80) * 86400))
                    version += 2
                    lead = topic[3]
                    roles = [(lead, "lead")] + [(u, "co") for u in rng.sample(topic[4], rng.choice([0, 0, 1, 2]))]
                    for u, role in roles:
                        if state == "assigned":
                            a_state = "awaiting_sign"
                        elif role == "lead" and state in RELEASED and state != "second_handling":
                            a_state = "replied"
                        else:
                            a_state = "signed" if role == "lead" else "opinion_sent"
                        assignments.append((pid, units[u], role, a_state, rnd, iso(year, doy + 37, 0)[:10],
                                            iso(year, doy + 60, 0)[:10] if role == "co" else None, due,
                                            None if a_state == "awaiting_sign" else iso(year, doy + 32, 3),
                                            assigned))
                    if state in HANDLED or (state == "in_handling" and rng.random() < 0.6):
                        consultations.append((pid, units[lead], rng.choice(["meeting", "phone", "site", "forum"]),
                                              iso(year, doy + 50, 3)[:10], name + "委员",
                                              f"{lead}与{name}就{core}进行沟通协商，介绍了办理思路并听取了意见建议。",
                                              assigned))
                    if state in HANDLED:
                        result = weighted(rng, [("A", 45), ("B", 40), ("C", 15)])
                        r_state = {"reply_unit_review": "unit_review", "reply_cppcc_review": "cppcc_review"}.get(state, "released")
                        released = iso(year, doy + 85, 3) if r_state == "released" else None
                        replies.append((pid, units[lead], 1, reply_letter(rng, addressee, title, label, lead,
                                                                          rng.choice(topic[2]), year, result,
                                                                          iso(year, doy + 80, 3)[:10]),
                                        result, r_state, iso(year, doy + 80, 3), released))
                        version += 3
                        if r_state == "released":
                            replied = released
                        else:
                            result = None
                    if state in ("feedback_received", "closed", "second_handling"):
                        satisfaction = "unsatisfied" if state == "second_handling" else weighted(
                            rng, [("satisfied", 72), ("basic", 26), ("unsatisfied", 2)])
                        feedback.append((pid, 1, user_id, satisfaction, iso(year, doy + 100, 5)))
                        version += 1
                    if state == "closed":
                        closed = iso(year, doy + 110, 3)
                        version += 1
                state_at = closed or replied or assigned or filed or submitted or created
                published = 1 if state == "closed" and rng.random() < 0.4 else 0
                proposals.append((
                    pid, cid, sid, 1 if doy > 5 else 0, num, label, kind, title, situation, analysis, suggestions,
                    topic[0], " ".join(rng.sample(topic[2], 2)), user_id, member_id, name, group_type, group_id,
                    state, version, weighted(rng, DECLINE) if state == "not_filed" else None, rnd, result, satisfaction,
                    1 if state in FILED and rng.random() < 0.01 else 0, published, due, submitted, filed, assigned,
                    replied, closed, closed if published else None, created, state_at))
                if state != "draft":
                    visible.append(pid)
                pid += 1
                if len(proposals) >= 10000:
                    flush()
            counters[sid] = number
        flush()

        # Merged proposals point at an earlier filed one of their session.
        merged = []
        for merged_id, sid in merged_rows:
            if filed_by_session.get(sid):
                merged.append((rng.choice(filed_by_session[sid]), merged_id))

        with db:
            db.executemany("UPDATE proposals SET merged_into_id = ? WHERE id = ?", merged)
            db.executemany(
                "INSERT INTO proposal_number_counters (session_id, last_number) VALUES (?, ?) ON CONFLICT (session_id) "
                "DO UPDATE SET last_number = excluded.last_number", list(counters.items()))
        if args.ids_out:
            with open(args.ids_out, "w") as f:
                f.write("\n".join(map(str, visible)) + "\n")
        total = db.execute("SELECT COUNT(*) FROM proposals WHERE committee_id = ?", (cid,)).fetchone()[0]
        print(f"gen_proposals: added {args.n} proposals to committee {cid} ({args.committee}) in "
              f"{time.time() - started:.1f} s; it now has {total}; body text {counts['chars'] // max(1, args.n)} "
              f"characters on average; {counts['assignments']} assignments, {counts['consultations']} consultations, "
              f"{counts['replies']} replies, {counts['feedback']} feedback")
    finally:
        db.close()


if __name__ == "__main__":
    main()
