"""Name transforms used by counterfeiters, and word lists for unrelated / hard-negative apps."""

from __future__ import annotations

import random

TRAD = {"银": "銀", "国": "國", "农": "農", "业": "業", "设": "設", "邮": "郵", "储": "儲", "发": "發", "广": "廣",
        "兴": "興", "华": "華", "证": "證", "险": "險", "寿": "壽", "东": "東", "财": "財", "宁": "寧", "苏": "蘇",
        "贷": "貸", "网": "網", "众": "眾", "阳": "陽", "买": "買", "单": "單", "动": "動", "间": "間", "钱": "錢",
        "开": "開", "车": "車", "乐": "樂", "浙": "浙", "泰": "泰", "门": "門", "资": "資", "产": "產", "长": "長",
        "场": "場", "级": "級", "务": "務", "气": "氣", "实": "實", "头": "頭", "宝": "寶", "惠": "惠", "经": "經",
        "济": "濟", "财富": "財富", "渤": "渤", "杭": "杭", "浦": "浦", "汇": "匯", "关": "關", "会": "會", "这": "這",
        "体": "體", "机": "機", "从": "從", "后": "後", "几": "幾", "执": "執", "岁": "歲", "时": "時", "扑": "撲",
        "艺": "藝", "报": "報", "无": "無", "让": "讓", "丰": "豐", "为": "為", "个": "個", "见": "見", "号": "號",
        "护": "護", "进": "進", "远": "遠", "户": "戶", "达": "達", "淘": "淘", "金": "金", "活": "活", "捷": "捷",
        "掌": "掌", "卡": "卡", "云": "雲", "数": "數", "码": "碼", "们": "們", "对": "對", "书": "書", "积": "積",
        "君": "君", "弘": "弘", "涨": "漲", "通": "通", "测": "測", "类": "類", "币": "幣", "庆": "慶"}

LOOKALIKE = {"银": ["锒", "垠", "鋃"], "行": ["衍", "彳亍"], "工": ["エ", "土"], "商": ["啇", "滴"], "建": ["健", "键"],
             "设": ["没", "投"], "农": ["衣", "浓"], "中": ["申", "仲"], "国": ["囯", "固"], "招": ["绍", "沼"],
             "交": ["郊", "佼"], "通": ["诵", "逋"], "民": ["氏", "泯"], "生": ["牛", "笙"], "兴": ["共", "兵"],
             "业": ["亚", "並"], "光": ["兴", "尧"], "大": ["太", "犬"], "平": ["乎", "苹"], "安": ["按", "宴"],
             "人": ["入", "八"], "寿": ["涛", "筹"], "保": ["堡", "褓"], "险": ["脸", "检"], "证": ["正", "征"],
             "券": ["劵", "卷"], "信": ["倍", "言"], "华": ["哗", "桦"], "泰": ["秦", "奏"], "邮": ["油", "柚"],
             "储": ["诸", "楮"], "浦": ["蒲", "捕"], "发": ["友", "拨"], "广": ["厂", "庆"], "微": ["徽", "薇"],
             "众": ["从", "仌"], "网": ["冈", "罔"], "太": ["大", "犬"], "阳": ["阴", "杨"], "新": ["亲", "薪"],
             "康": ["慷", "唐"], "财": ["材", "才"], "富": ["福", "副"], "东": ["冻", "车"], "方": ["万", "芳"],
             "海": ["悔", "诲"], "君": ["群", "郡"], "北": ["比", "兆"], "京": ["亰", "凉"], "上": ["土", "卡"],
             "江": ["汪", "红"], "苏": ["办", "酥"], "宁": ["丁", "拧"], "南": ["男", "楠"], "杭": ["抗", "航"],
             "州": ["川", "洲"], "浙": ["哲", "淅"], "渤": ["勃", "脖"], "夏": ["厦", "复"], "河": ["何", "柯"],
             "动": ["劫", "运"], "卡": ["咔", "佧"], "空": ["控", "穴"], "掌": ["撑", "常"], "活": ["话", "括"],
             "买": ["卖", "实"], "单": ["丹", "革"], "吧": ["巴", "把"], "金": ["全", "佥"], "管": ["菅", "馆"],
             "家": ["嫁", "冢"], "涨": ["张", "胀"], "乐": ["东", "尔"], "淘": ["掏", "陶"], "易": ["昜", "剔"],
             "弘": ["宏", "引"], "喜": ["嘉", "善"], "奔": ["奋", "犇"], "缤": ["滨", "傧"], "纷": ["份", "芬"],
             "精": ["睛", "请"], "彩": ["采", "綵"], "惠": ["慧", "蕙"], "车": ["东", "牟"], "主": ["王", "住"]}

EMOJI = ["💰", "🔥", "⭐", "🎁", "💳", "🏦", "✅", "🧧", "✨", "👍", "💯", "🎉"]
SYMBOLS = [("【", "】"), ("★", "★"), ("『", "』"), ("「", "」"), ("<", ">"), ("✦", ""), ("", "®"), ("", "™"),
           ("『官方』", ""), ("", "·官方")]
SUFFIXES = ["官方版", "极速版", "贷款", "福利", "福利版", "官方正版", "Pro", "HD", "2025", "国际版", "安全版", "精简版",
            "借款", "客户端", "最新版", "Lite", "升级版", "专业版", "企业版", "助手", "快贷", "积分兑换", "额度提升", "VIP"]
PREFIXES = ["新版", "正版", "官方", "掌上", "手机", "e", "快捷", "安全", "我的", "云"]
MINI_TAILS = ["小程序", "服务", "在线", "办理", "助手", "生活服务", "信用卡服务", "快贷"]
OA_TAILS = ["客服", "服务号", "福利社", "官方号", "资讯", "会员中心", "积分商城", "在线客服"]
ZW = ["\u200b", "\u200c", "\u2060"]


def fullwidth(s: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch for ch in s)


def transform(kind: str, base: str, inst: dict, rng: random.Random) -> tuple[str, dict]:
    """Apply one counterfeit name transform; returns the new name and its parameters."""
    p: dict = {"base": base}
    if kind == "decorated":
        if rng.random() < 0.5:
            e = rng.choice(EMOJI)
            where = rng.choice(["both", "before", "after"])
            p.update(emoji=e, where=where)
            name = {"both": e + base + e, "before": e + base, "after": base + e}[where]
        else:
            a, b = rng.choice(SYMBOLS)
            p.update(left=a, right=b)
            name = a + base + b
    elif kind == "doubled":
        i = rng.randrange(len(base))
        p.update(index=i)
        name = base[:i + 1] + base[i:]
    elif kind == "traditional":
        name = "".join(TRAD.get(ch, ch) for ch in base)
        if name == base:
            name = base + "（繁體版）"
            p.update(fallback="tail")
    elif kind == "pinyin":
        py = inst["pinyin"]
        style = rng.choice(["lower", "title", "joined", "mixed", "upper"])
        p.update(style=style)
        if style == "lower":
            name = py
        elif style == "title":
            name = " ".join(w.capitalize() for w in py.split())
        elif style == "joined":
            name = "".join(w.capitalize() for w in py.split()) + rng.choice(["", "App", " Mobile"])
        elif style == "upper":
            name = py.upper().replace(" ", "")
        else:
            name = base[:2] + py.split()[-1]
    elif kind == "suffix":
        s = rng.choice(SUFFIXES)
        sep = rng.choice(["", "", "-", " ", "·"])
        p.update(suffix=s, sep=sep)
        name = base + sep + s
    elif kind == "prefix":
        s = rng.choice(PREFIXES)
        p.update(prefix=s)
        name = s + base
    elif kind == "lookalike":
        cand = [i for i, ch in enumerate(base) if ch in LOOKALIKE]
        if not cand:
            name = base + rng.choice(["官方", "助手"])
            p.update(fallback="tail")
        else:
            i = rng.choice(cand)
            rep = rng.choice(LOOKALIKE[base[i]])
            p.update(index=i, replacement=rep)
            name = base[:i] + rep + base[i + 1:]
    elif kind == "spaced":
        sep = rng.choice([" ", "·", ".", "-", "  "] + ZW)
        p.update(sep=sep)
        name = sep.join(base) if sep not in ZW else base[:2] + sep + base[2:]
    elif kind == "brand_product":
        kw = rng.choice(inst["keywords"])
        s = rng.choice(["贷款", "快贷", "借钱", "信用卡", "积分", "钱包", "e贷", "分期", "理财", "商城", "红包", "额度"])
        p.update(keyword=kw, product=s)
        name = kw + s
    elif kind == "english":
        style = rng.choice(["mobile", "bank", "full", "fullwidth"])
        p.update(style=style)
        en = inst["en"]
        if style == "mobile":
            name = en + " Mobile"
        elif style == "bank":
            name = en + rng.choice([" Bank App", " Wallet", " Pay", " Online"])
        elif style == "fullwidth":
            name = fullwidth(en)
        else:
            name = en + " " + base
    elif kind == "miniprogram":
        s = rng.choice(MINI_TAILS)
        p.update(tail=s)
        name = base + s
    elif kind == "official_account":
        s = rng.choice(OA_TAILS)
        p.update(tail=s)
        name = base + s
    elif kind == "combo":
        s = rng.choice(SUFFIXES)
        e = rng.choice(EMOJI)
        cand = [i for i, ch in enumerate(base) if ch in LOOKALIKE]
        if cand:
            i = rng.choice(cand)
            rep = LOOKALIKE[base[i]][0]
            base2 = base[:i] + rep + base[i + 1:]
            p.update(index=i, replacement=rep)
        else:
            base2 = base
        p.update(suffix=s, emoji=e)
        name = e + base2 + s
    else:
        raise ValueError(kind)
    return name, p


NAME_KINDS = ["decorated", "doubled", "traditional", "pinyin", "suffix", "prefix", "lookalike", "spaced",
              "brand_product", "english", "miniprogram", "official_account", "combo"]

# Names for icon-only copies: generic, say nothing about the institution.
GENERIC_NAMES = ["生活助手", "钱包", "查询", "便民服务", "掌上助手", "优选", "金融服务", "小额贷", "快捷支付", "天天领",
                 "积分商城", "余额查询", "安心借", "工具箱", "随心付", "惠生活", "易借", "好分期", "闪电借款", "手机助手",
                 "我的卡包", "账单查询", "额度评估", "官方服务", "安全中心", "红包助手", "借呗呗", "享花", "速贷通",
                 "Wallet", "EasyPay", "Pocket Bank", "CashGo", "Money Tool", "理财通知", "信用查询", "办卡助手",
                 "生活圈", "福利社", "便捷通", "金服", "易付宝盒", "卡卡助手", "快速到账", "小金库", "财富助手"]

# Ordinary unrelated apps.
UNRELATED = ["天气预报", "日历", "记事本", "扫描全能", "计算器", "外卖到家", "买菜助手", "打车出行", "地图导航", "健身打卡",
             "音乐播放器", "短视频", "小说阅读", "美颜相机", "快递查询", "翻译官", "文件管理", "手电筒", "闹钟", "菜谱大全",
             "二手交易", "租房助手", "驾考宝典", "英语单词", "儿童故事", "拼图游戏", "消消乐", "象棋", "壁纸精选", "录音机",
             "随手记", "记账本", "生活缴费", "话费充值", "汇率换算", "房贷计算器", "个税计算器", "基金小助手", "股票行情通",
             "理财日历", "工资条", "公积金查询", "社保查询", "电子发票", "发票管家", "优惠券", "比价助手", "加油省钱",
             "停车缴费", "水电燃气", "电影票", "酒店预订", "火车票", "机票特价", "团购", "生鲜配送", "宠物社区", "医院挂号",
             "体检报告", "药品查询", "运动计步", "睡眠监测", "冥想", "记单词", "K歌", "直播", "相册管家", "清理大师",
             "WiFi助手", "Notes", "Weather Pro", "Budget Book", "Currency", "Photo Editor", "Step Counter", "PDF Reader"]

# Hard negatives: generic finance names a bank might also use, but no institution.
GENERIC_BANKISH = ["手机银行助手", "银行卡管家", "信用卡管家", "网银助手", "银行卡余额查询", "银行网点查询", "银行利率计算",
                   "存款计算器", "贷款计算器", "保险助手", "保单管家", "证券行情", "股票开户助手", "信用卡还款", "银联助手",
                   "卡号归属地查询", "转账助手", "理财产品对比", "基金定投计算", "保险知识问答", "车险比价", "医保查询",
                   "银行客服电话大全", "养老金计算器", "房贷利率查询", "外汇牌价", "黄金价格", "记账本Pro", "生活缴费通",
                   "理财记账"]

# Hard negatives: contain a protected brand's characters with another meaning.
BRAND_SUBSTRING = [("工商注册查询", "icbc"), ("工商年报助手", "icbc"), ("建设工程计价", "ccb"), ("建设工程资料员", "ccb"),
                   ("农业技术推广", "abc"), ("中国银行业协会资讯", "boc"), ("交通违章查询", "bocom"), ("交通出行助手", "bocom"),
                   ("邮政快递查询", "psbc"), ("招商加盟网", "cmb"), ("招商引资服务平台", "cmb"), ("浦东新区政务", "spdb"),
                   ("光大同学会", "ceb"), ("民生服务热线", "cmbc"), ("兴业太极拳", "cib"), ("平安校园", "pab"),
                   ("平安西安", "pingan"), ("华夏收藏网", "hxb"), ("广发传单设计", "cgb"), ("渤海湾天气", "cbhb"),
                   ("北京公交", "bob"), ("上海地铁", "bosc"), ("江苏政务服务", "jsb"), ("宁波天气", "nbcb"),
                   ("南京地铁", "njcb"), ("杭州公积金", "hzb"), ("太平洋汽车网", "cpic"), ("人保部社保查询", "picc"),
                   ("新华字典", "nci"), ("新华网", "nci"), ("泰康小区物业", "taikang"), ("太平天国历史", "taiping"),
                   ("阳光高考", "sunshine"), ("众安小区门禁", "zhongan"), ("中信书店", "citic"), ("国泰航空", "gtja"),
                   ("海通物流", "haitong"), ("东方财经新闻", "eastmoney"), ("银河系百科", "galaxy"), ("人寿保险知识", "chinalife")]

# Hard negatives: legit apps of real institutions that are not protected here (own invented icons).
OTHER_INSTITUTIONS = [("长沙银行", "长沙银行股份有限公司"), ("成都银行", "成都银行股份有限公司"),
                      ("重庆银行", "重庆银行股份有限公司"), ("中原银行", "中原银行股份有限公司"),
                      ("徽商银行", "徽商银行股份有限公司"), ("兴业证券优理宝", "兴业证券股份有限公司"),
                      ("民生证券", "民生证券股份有限公司"), ("中信建投蜻蜓点金", "中信建投证券股份有限公司"),
                      ("华夏基金管家", "华夏基金管理有限公司"), ("太平洋证券", "太平洋证券股份有限公司"),
                      ("上海农商银行", "上海农村商业银行股份有限公司"), ("北京农商银行", "北京农村商业银行股份有限公司"),
                      ("南京证券", "南京证券股份有限公司"), ("东方证券", "东方证券股份有限公司"),
                      ("浙商证券", "浙商证券股份有限公司"), ("广州银行", "广州银行股份有限公司"),
                      ("青岛银行", "青岛银行股份有限公司"), ("苏州银行", "苏州银行股份有限公司"),
                      ("华安证券", "华安证券股份有限公司"), ("国元证券", "国元证券股份有限公司")]
