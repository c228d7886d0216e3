"""The templated minority of the classifier's training sentences (seeded; a fixed list of firms).

Each template family is its own ``group`` (``tpl-...``), so the group split keeps a family wholly
in train or wholly in val and a val figure never rewards memorising a template. Most sentences
in ``sentences.jsonl`` are hand-written (``corpus/src``); these add firm-name variety to the
commonest patterns and to the hard negatives.
"""

from __future__ import annotations

import random

FIRMS = [  # none of the firms at the centre of the evaluation articles' test storylines
    ("Hygon", "海光信息"), ("MetaX", "沐曦"), ("Iluvatar CoreX", "天数智芯"), ("Enflame", "燧原科技"),
    ("StepFun", "阶跃星辰"), ("Baichuan", "百川智能"), ("iFlytek", "科大讯飞"), ("SenseTime", "商汤科技"),
    ("Megvii", "旷视科技"), ("Horizon Robotics", "地平线"), ("YMTC", "长江存储"), ("CXMT", "长鑫存储"),
    ("Hua Hong", "华虹半导体"), ("Naura", "北方华创"), ("AMEC", "中微公司"), ("Inspur", "浪潮信息"),
    ("Sugon", "中科曙光"), ("Unisoc", "紫光展锐"), ("Loongson", "龙芯中科"), ("Alibaba Cloud", "阿里云"),
    ("Tencent", "腾讯"), ("Montage Technology", "澜起科技"), ("GigaDevice", "兆易创新"), ("Zhaoxin", "兆芯"),
    ("Empyrean", "华大九天"), ("Piotech", "拓荆科技"), ("UBTech", "优必选"), ("Sophgo", "算能"),
]
MONEY = [("$300 million", "20亿元"), ("$1.2 billion", "85亿元"), ("$150 million", "10亿元"),
         ("$700 million", "50亿元"), ("$90 million", "6亿元")]
PCT = ["4%", "7.5%", "12%", "9%", "15%", "3.2%"]

# (family, labels, status, English template, Chinese template); {f} firm, {g} second firm,
# {m} money, {p} percent; "" skips a language
FAMILIES: list[tuple[str, tuple[str, ...], str | None, str, str]] = [
    ("el-add", ("entity_list",), "enacted",
     "The Commerce Department added {f} and two of its subsidiaries to the Entity List on Tuesday.",
     "美国商务部周二将{f}及其两家子公司列入实体清单。"),
    ("el-background", ("entity_list",), "background",
     "{f}, which has been on the Entity List since 2019, reported higher sales of its domestic products.",
     "{f}自2019年起已被列入美国实体清单，近年持续加大国产化投入。"),
    ("el-weigh", ("entity_list",), "proposed",
     "U.S. officials are weighing whether to blacklist {f}, according to people familiar with the matter.",
     "知情人士称，美方正在考虑将{f}加入实体清单。"),
    ("ec-licence-grant", ("export_control",), "reversed",
     "Washington has begun granting licences that let suppliers resume shipments to {f}.",
     "美方已开始向供应商发放许可证，允许其恢复对{f}供货。"),
    ("ec-restrict", ("export_control",), "enacted",
     "New U.S. rules require a licence for any shipment of advanced accelerators to {f}.",
     "美国新规要求，向{f}出口先进加速芯片须事先获得许可。"),
    ("tariff-hike", ("tariff",), "enacted",
     "Duties on chips from China rose to 50%, raising costs for buyers of {f} parts.",
     "美方对中国芯片加征的关税升至50%，{f}的海外客户成本随之上升。"),
    ("inv-probe", ("investigation",), "enacted",
     "Regulators opened a probe into {f} over suspected breaches of data-security rules.",
     "监管部门对{f}涉嫌违反数据安全规定的行为立案调查。"),
    ("invest-round", ("investment",), None,
     "{f} raised {m} in a new funding round led by state-backed funds.",
     "{f}完成{m}新一轮融资，由国资背景基金领投。"),
    ("invest-ipo", ("investment",), None,
     "{f} filed for an initial public offering on Shanghai's STAR Market.",
     "{f}向上交所科创板递交招股书，拟首次公开发行股票。"),
    ("model-release", ("model_release",), None,
     "{f} released an open-weight reasoning model that it says rivals leading U.S. systems.",
     "{f}发布新一代开源推理大模型，称性能比肩美国领先模型。"),
    ("model-domestic-chips", ("model_release",), None,
     "{f} said its latest large model was trained entirely on domestic accelerators.",
     "{f}表示，其最新大模型完全基于国产算力集群训练完成。"),
    ("chip-launch", ("chip_launch",), None,
     "{f} unveiled a new AI accelerator built on a 7-nanometre process.",
     "{f}推出基于7纳米工艺的新一代AI加速芯片。"),
    ("chip-mass", ("chip_launch",), None,
     "{f} has started volume production of its next-generation inference chip.",
     "{f}新一代推理芯片已进入量产阶段。"),
    ("market", ("market_move",), None,
     "Shares of {f} jumped {p} after the company reported record quarterly revenue.",
     "{f}股价大涨{p}，公司季度营收创历史新高。"),
    ("market-fall", ("market_move",), None,
     "{f} shares fell {p} in Hong Kong trading on worries about slowing demand.",
     "受需求放缓担忧影响，{f}股价下跌{p}。"),
    ("partner", ("partnership",), None,
     "{f} signed a strategic cooperation agreement with {g} to build computing clusters.",
     "{f}与{g}签署战略合作协议，共建智算集群。"),
    ("tender", ("partnership",), None,
     "{f} won a tender to supply servers for a provincial computing centre.",
     "{f}中标某省级智算中心服务器采购项目。"),
    ("policy-subsidy", ("policy_plan",), None,
     "The city will subsidise up to 30% of the computing costs of firms such as {f} that use domestic chips.",
     "该市将对{f}等使用国产芯片的企业给予最高30%的算力费用补贴。"),
    # hard negatives
    ("neg-price-partner", (), None,
     "Prices of {f}'s accelerators rose {p} this quarter as its partners stocked up.",
     "本季度{f}加速卡价格上涨{p}，渠道伙伴纷纷备货。"),
    ("neg-risk-warning", (), None,
     "{f} warned investors of risks in its prospectus, including customer concentration.",
     "{f}在公告中提示投资风险，称存在客户集中度较高等风险。"),
    ("neg-inquiries", (), None,
     "{f}'s sales team is fielding inquiries from customers about delivery times.",
     "{f}销售团队正在答复客户关于交货周期的询问。"),
    ("neg-hiring", (), None,
     "{f} is hiring hundreds of engineers for its research centre in Shanghai.",
     "{f}正在为上海研发中心招聘数百名工程师。"),
    ("neg-profile", (), None,
     "Founded in 2016, {f} employs about 1,500 people, most of them engineers.",
     "{f}成立于2016年，目前员工约1500人，其中大部分为研发人员。"),
    ("neg-conference", (), None,
     "Executives from {f} spoke on a panel about AI safety at the Shanghai conference.",
     "{f}高管在上海举行的大会上参加了人工智能安全圆桌讨论。"),
]


def generate(seed: int = 0, per_family: int = 9) -> list[tuple[str, tuple[str, ...], str | None, str]]:
    """(group, labels, status, text) rows: ``per_family`` firm fills per family and language."""
    rng = random.Random(seed)
    rows: list[tuple[str, tuple[str, ...], str | None, str]] = []
    for family, labels, status, en, zh in FAMILIES:
        for lang, tpl in (("en", en), ("zh", zh)):
            if not tpl:
                continue
            for pick in rng.sample(range(len(FIRMS)), per_family):
                other = FIRMS[(pick + 1 + rng.randrange(len(FIRMS) - 1)) % len(FIRMS)]
                k = 0 if lang == "en" else 1
                money = rng.choice(MONEY)[k]
                text = tpl.format(f=FIRMS[pick][k], g=other[k], m=money, p=rng.choice(PCT))
                rows.append((f"tpl-{family}", labels, status, text))
    return rows
