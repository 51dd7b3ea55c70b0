"""Names: counterfeit name variants of official names, and the names of non-brand apps.

Everything random is drawn from the caller's random.Random, in call order.
"""

from __future__ import annotations

import unicodedata

from pypinyin import Style, lazy_pinyin

# simplified -> traditional for the characters of the official names (hand-made, one-to-one)
TRAD = dict(zip(
    "银业发国农华广兴阳寿险财东乐证联邮储设宁庆长岛苏买单动间众网车产闪马费贷时达宝钱亿丰圳龙优点资经"
    "济个现实万与书汉体号务关观见贝传报录写让惠门云户泽汇阅讯钟结专应无远开纪节约简爱厂标图"
    "师岁协会这进创义",
    "銀業發國農華廣興陽壽險財東樂證聯郵儲設寧慶長島蘇買單動間眾網車產閃馬費貸時達寶錢億豐圳龍優點資經"
    "濟個現實萬與書漢體號務關觀見貝傳報錄寫讓惠門雲戶澤匯閱訊鐘結專應無遠開紀節約簡愛廠標圖"
    "師歲協會這進創義", strict=True))

# one homophone (or near-homophone) per character, as used by copycats to dodge keyword filters
HOMOPHONE = {
    "银": "垠", "行": "航", "商": "尚", "发": "法", "信": "鑫", "光": "广", "大": "达", "业": "叶", "安": "按",
    "华": "花", "交": "教", "通": "同", "建": "健", "设": "社", "北": "贝", "京": "精", "江": "将", "苏": "酥",
    "宁": "柠", "波": "播", "杭": "航", "州": "洲", "长": "常", "沙": "莎", "成": "城", "都": "督", "农": "侬",
    "联": "连", "微": "薇", "众": "重", "网": "往", "平": "苹", "人": "仁", "寿": "受", "太": "泰", "洋": "阳",
    "保": "宝", "康": "糠", "阳": "杨", "泰": "太", "证": "正", "君": "军", "弘": "宏", "易": "亦", "淘": "桃",
    "金": "今", "东": "冬", "方": "芳", "财": "才", "富": "付", "云": "芸", "闪": "山", "付": "富", "拉": "啦",
    "卡": "咔", "翼": "亿", "支": "知", "逸": "易", "花": "华", "招": "昭", "浦": "普", "兴": "星", "邮": "由",
    "储": "除", "民": "敏", "生": "升", "乐": "勒", "涨": "张", "徽": "辉", "渝": "瑜", "丰": "风", "收": "手",
    "管": "馆", "家": "佳", "好": "号", "主": "注", "口": "扣", "袋": "代", "中": "钟", "国": "果", "海": "嗨",
}

EMOJI = ["💰", "🔥", "✅", "🎁", "⭐", "💳", "🧧", "👍", "📈", "🏦"]


def nfkc(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


def to_trad(s: str) -> str:
    return "".join(TRAD.get(ch, ch) for ch in s)


def fullwidth(s: str) -> str:
    out = []
    for ch in s:
        o = ord(ch)
        out.append(chr(o + 0xFEE0) if 0x21 <= o <= 0x7E else ("\u3000" if ch == " " else ch))
    return "".join(out)


def pinyin(s: str) -> list[str]:
    return [p for p in lazy_pinyin(s, style=Style.NORMAL) if p.strip()]


def latin_keyword(inst):
    for k in inst["keywords"]:
        if k.isascii():
            return k
    return None


# ------------------------------------------------------------------ counterfeit name variants
# each: fn(R, inst, app) -> (name, source_hint) ; source_hint None or 'mini' / 'oa'

def _brand(inst, app):
    return app["names"][0]


def v_emoji(R, inst, app):
    e = R.choice(EMOJI)
    n = _brand(inst, app)
    return R.choice([e + n + e, n + e, e + n, e + e + n]), None


def v_doubled_char(R, inst, app):
    n = _brand(inst, app)
    i = R.randrange(len(n))
    return n[: i + 1] + n[i] + n[i + 1:], None


def v_traditional(R, inst, app):
    n = _brand(inst, app)
    t = to_trad(n)
    if t == n:
        t = to_trad(inst["keywords"][0]) + R.choice(["手機銀行", "APP", "官方"])
    return t, None


def v_pinyin(R, inst, app):
    py = pinyin(_brand(inst, app))
    style = R.randrange(4)
    if style == 0:
        return " ".join(py), None
    if style == 1:
        return "".join(p.capitalize() for p in py), None
    if style == 2:
        return "".join(py) + R.choice([" app", " APP", "-mobile"]), None
    return "".join(p[0] for p in py).upper() + " " + "".join(py), None


def v_english(R, inst, app):
    en = inst["en"]
    lk = latin_keyword(inst)
    if lk and R.random() < 0.4:
        return lk + R.choice([" Mobile", " App", " Pay", " Wallet", " Online"]), None
    return en + R.choice(["", " Mobile", " App", " Mobile Banking", " Official"]), None


def v_official_edition(R, inst, app):
    return _brand(inst, app) + R.choice(["官方版", "官方正版", "(官方)", "官方APP", "官方下载"]), None


def v_speed_edition(R, inst, app):
    return _brand(inst, app) + R.choice(["极速版", "精简版", "Lite", "青春版", "老年版"]), None


def v_loan(R, inst, app):
    k = R.choice([inst["keywords"][0], inst["abbr"]])
    return k + R.choice(["贷款", "极速贷", "快贷", "借钱", "信用贷", "备用金借款"]), None


def v_welfare(R, inst, app):
    k = R.choice([inst["keywords"][0], inst["abbr"], _brand(inst, app)])
    return k + R.choice(["福利", "福利社", "领红包", "积分兑换", "福利中心", "会员福利"]), None


def v_miniprogram(R, inst, app):
    k = R.choice([inst["keywords"][0], _brand(inst, app)])
    return k + R.choice(["小程序", "助手", "服务平台", "在线服务"]), "mini"


def _is_bank(inst):
    return "bank" in inst["kind"]


def v_official_account(R, inst, app):
    k = R.choice([inst["keywords"][0], inst["abbr"]])
    extra = ["信用卡中心", "微银行"] if _is_bank(inst) else ["会员中心", "在线"]
    return k + R.choice(["服务号", "客服中心", "粉丝福利", "资讯"] + extra), "oa"


def v_spaces(R, inst, app):
    n = _brand(inst, app)
    mode = R.randrange(3)
    if mode == 0:
        return " ".join(n), None
    i = R.randrange(1, len(n))
    sep = " " if mode == 1 else "\u3000"
    return n[:i] + sep + n[i:], None


def v_fullwidth(R, inst, app):
    lk = latin_keyword(inst)
    n = _brand(inst, app)
    if lk and R.random() < 0.6:
        return fullwidth(lk) + n, None
    return n + fullwidth(R.choice(["APP", "Pro", "HD", "(官方)"])), None


def v_abbrev(R, inst, app):
    return inst["abbr"] + R.choice(["APP", "助手", "掌上服务", "手机版", "e站"]), None


def v_brackets(R, inst, app):
    n = _brand(inst, app)
    a, b = R.choice([("【", "】"), ("「", "」"), ("[", "]"), ("《", "》"), ("(", ")")])
    return a + n + b + R.choice(["", "官方", "客户端"]), None


def v_new_version(R, inst, app):
    return _brand(inst, app) + R.choice(["2025新版", "HD", "Pro", "最新版", "v9.0", "Plus"]), None


def v_customer_service(R, inst, app):
    k = R.choice([inst["keywords"][0], inst["abbr"]])
    return k + R.choice(["在线客服", "客服热线", "人工客服", "投诉中心", "服务中心"]), None


def v_homophone(R, inst, app):
    n = _brand(inst, app)
    idx = [i for i, ch in enumerate(n) if ch in HOMOPHONE]
    if not idx:
        n = inst["keywords"][0]
        idx = [i for i, ch in enumerate(n) if ch in HOMOPHONE]
    i = R.choice(idx)
    return n[:i] + HOMOPHONE[n[i]] + n[i + 1:], None


def v_separator(R, inst, app):
    n = _brand(inst, app)
    i = R.randrange(1, len(n))
    return n[:i] + R.choice(["·", "-", "_", "|", "•"]) + n[i:], None


def v_credit_limit(R, inst, app):
    k = R.choice([inst["keywords"][0], inst["abbr"]])
    if _is_bank(inst):
        return k + R.choice(["信用卡提额", "额度提升", "备用金", "信用卡代还", "提额秘籍"]), None
    return k + R.choice(["额度提升", "提额秘籍", "额度秒批", "临时额度"]), None


NAME_KINDS = [
    ("name_emoji", v_emoji), ("name_doubled_char", v_doubled_char), ("name_traditional", v_traditional),
    ("name_pinyin", v_pinyin), ("name_english", v_english), ("name_official_edition", v_official_edition),
    ("name_speed_edition", v_speed_edition), ("name_loan", v_loan), ("name_welfare", v_welfare),
    ("name_miniprogram", v_miniprogram), ("name_official_account", v_official_account),
    ("name_spaces", v_spaces), ("name_fullwidth", v_fullwidth), ("name_abbrev", v_abbrev),
    ("name_brackets", v_brackets), ("name_new_version", v_new_version),
    ("name_customer_service", v_customer_service), ("name_homophone", v_homophone),
    ("name_separator", v_separator), ("name_credit_limit", v_credit_limit),
]

# ------------------------------------------------------------------ non-brand names

GENERIC_PREFIX = ["掌上", "极速", "随身", "便捷", "智慧", "全能", "快捷", "安心", "好用", "简单", "轻松", "闪电",
                  "如意", "惠民", "乐享", "优选", "万能", "贴心", "实用", "口碑", "星光", "速达"]
GENERIC_FIN_NOUN = ["查询", "助手", "工具箱", "服务", "钱包", "记账", "省钱", "优惠", "借款", "分期", "理财通",
                    "额度", "账单", "积分", "缴费", "卡包", "贷款", "钱袋", "金融", "借呗呗", "花花"]
OVERLAY_WORDS = ["手机银行", "金融服务", "掌上理财", "安全支付", "信用服务", "便民缴费", "极速借款", "钱包"]

UNREL_PREFIX = ["星光", "小鹿", "青柠", "柚子", "蓝鲸", "橙子", "麦田", "云朵", "番茄", "松果", "萤火", "布丁",
                "海豚", "熊猫", "竹子", "微光", "晴天", "彩虹", "白鹭", "木棉", "咕咚", "跳跳", "元气", "米粒"]
UNREL_NOUN = {
    "game": ["消消乐", "跑酷", "象棋", "麻将", "斗地主", "五子棋", "数独", "拼图", "塔防", "赛车", "钓鱼大师",
             "农场", "连连看", "桌球"],
    "tool": ["手电筒", "计算器", "扫描王", "录音机", "指南针", "清理大师", "文件管理", "WiFi助手", "输入法",
             "翻译", "测距仪", "二维码"],
    "life": ["天气", "日历", "闹钟", "菜谱", "健身", "计步", "外卖", "打车", "地图", "快递查询", "租房", "宠物"],
    "media": ["短视频", "音乐", "电台", "小说", "漫画", "相机", "修图", "壁纸", "直播", "K歌"],
    "edu": ["背单词", "口算", "题库", "驾考", "英语听力", "识字", "编程课", "古诗词"],
    "social": ["聊天", "交友", "社区", "树洞", "群聊"],
}
UNREL_PICTO = {"game": ["gamepad", "smile", "bolt", "heart"], "tool": ["gear", "magnifier", "bolt", "envelope"],
               "life": ["house", "pin", "calendar", "drop", "cart", "moon"], "media": ["play", "note", "camera"],
               "edu": ["book", "calendar", "glyph_tile"], "social": ["chat", "heart", "smile"]}

SIMILAR_NAMES = ["番茄闹钟", "晴天日记", "口袋相册", "青柠记事", "步步计步", "暖暖日历", "彩虹壁纸", "小满菜谱",
                 "木棉读书", "清风翻译", "蓝莓扫描", "喵喵相机", "好运天气", "星空电台", "叮咚提醒", "元气打卡",
                 "快乐拼图", "悦动健身", "熊猫看书", "海豚浏览器", "柚子时钟", "松鼠备忘", "白鹭地图", "麦穗外卖",
                 "云朵网盘", "小象乐园", "萤火阅读", "森林专注", "水滴清理", "贝壳输入法"]

GENERIC_GLYPHS = list("乐记云快天星书学购游米豆果鱼猫读听看拍修省券享优福兔鹿禾舟")

CITIES = ["深圳", "广州", "杭州", "成都", "北京", "上海", "武汉", "南京", "厦门", "长沙", "西安", "苏州", "合肥",
          "郑州", "重庆", "福州", "济南", "昆明"]
FIRMS = ["星禾", "云帆", "蓝图", "青木", "优品", "乐游", "拓维", "瑞达", "恒远", "嘉禾", "启明", "博雅", "新锐",
         "睿思", "万象", "千寻", "天启", "锦程", "易达", "凡星", "青橙", "墨池", "初心", "迅捷"]
TRADES = ["网络科技", "信息技术", "软件", "互动娱乐", "数字科技", "科技"]
PERSONS = ["Wei Zhang", "Min Li", "Jun Wang", "Lei Liu", "Yang Chen", "Jing Zhao", "Tao Huang", "Fang Zhou",
           "Hao Wu", "Xiu Lin", "Qiang Sun", "Ying He"]


def generic_developer(R):
    if R.random() < 0.12:
        return R.choice(PERSONS)
    return R.choice(CITIES) + "市" + R.choice(FIRMS) + R.choice(TRADES) + "有限公司"


def generic_fin_name(R):
    return R.choice(GENERIC_PREFIX) + R.choice(GENERIC_FIN_NOUN)


def unrelated_name(R, cat):
    return R.choice(UNREL_PREFIX) + R.choice(UNREL_NOUN[cat])


# ------------------------------------------------------------------ hard negatives: real, non-protected names
# (name, developer, kind of icon) — financial apps of institutions that are not in the ledger
LEGIT_FIN = [
    ("新网银行", "四川新网银行股份有限公司"), ("百信银行", "中信百信银行股份有限公司"),
    ("亿联银行", "吉林亿联银行股份有限公司"), ("苏宁银行", "江苏苏宁银行股份有限公司"),
    ("众邦银行", "武汉众邦银行股份有限公司"), ("富民银行", "重庆富民银行股份有限公司"),
    ("蓝海银行", "威海蓝海银行股份有限公司"), ("华通银行", "福建华通银行股份有限公司"),
    ("三湘银行", "湖南三湘银行股份有限公司"), ("南京银行", "南京银行股份有限公司"),
    ("青岛银行", "青岛银行股份有限公司"), ("贵阳银行", "贵阳银行股份有限公司"),
    ("哈尔滨银行", "哈尔滨银行股份有限公司"), ("渤海银行", "渤海银行股份有限公司"),
    ("恒丰银行", "恒丰银行股份有限公司"), ("厦门银行", "厦门银行股份有限公司"),
    ("齐鲁银行", "齐鲁银行股份有限公司"), ("郑州银行", "郑州银行股份有限公司"),
    ("苏州银行", "苏州银行股份有限公司"), ("北京农商银行", "北京农村商业银行股份有限公司"),
    ("成都农商银行", "成都农村商业银行股份有限公司"), ("宁波通商银行", "宁波通商银行股份有限公司"),
    ("杭州联合银行", "杭州联合农村商业银行股份有限公司"), ("重庆三峡银行", "重庆三峡银行股份有限公司"),
    ("中国银行", "中国银行股份有限公司"), ("中国工商银行", "中国工商银行股份有限公司"),
    ("随手记", "深圳市随手科技有限公司"), ("度小满金融", "度小满科技(北京)有限公司"),
    ("京东金融", "京东科技控股股份有限公司"), ("水滴保", "水滴保险经纪有限公司"),
]

# other real companies whose names contain part of a protected brand
SUBSTRING_COMPANY = [
    ("中信建投蜻蜓点金", "中信建投证券股份有限公司"), ("华夏基金", "华夏基金管理有限公司"),
    ("民生证券", "民生证券股份有限公司"), ("兴业证券优理宝", "兴业证券股份有限公司"),
    ("浙商证券汇金谷", "浙商证券股份有限公司"), ("华泰保险", "华泰保险集团股份有限公司"),
    ("国泰航空", "国泰航空有限公司"), ("太平洋咖啡", "太平洋咖啡(中国)有限公司"),
    ("太平洋电脑", "广州太平洋电脑信息咨询有限公司"), ("新华网", "新华网股份有限公司"),
    ("招商蛇口", "招商局蛇口工业区控股股份有限公司"), ("光大证券金阳光", "光大证券股份有限公司"),
    ("平安北京", "北京市公安局"), ("中国邮政", "中国邮政集团有限公司"),
    ("东方证券东方赢家", "东方证券股份有限公司"), ("南京证券", "南京证券股份有限公司"),
    ("华夏航空", "华夏航空股份有限公司"), ("阳光高考", "全国高等学校学生信息咨询与就业指导中心"),
    ("阳光出行", "阳光出行(浙江)科技有限公司"), ("中信书院", "中信出版集团股份有限公司"),
    ("太平通", "太平人寿保险有限公司"), ("网商园", "杭州网商园科技有限公司"),
    ("国泰基金", "国泰基金管理有限公司"), ("国泰产险", "国泰财产保险有限责任公司"),
    ("东方航空", "中国东方航空股份有限公司"),
]

# ordinary words that happen to contain a brand keyword (a keyword-inside-a-word trap)
KEYWORD_INSIDE = [
    ("个人保险计算器", "人保"), ("群众安全教育平台", "众安"), ("春招联盟", "招联"), ("爱国寿司外卖", "国寿"),
    ("Shibor上海银行间利率", "上海银行"), ("宁波银行业协会", "宁波银行"), ("北京银行业协会", "北京银行"),
    ("社交行为心理学", "交行"), ("基建行业资讯", "建行"), ("黄浦发布", "浦发"), ("Piccolo钢琴陪练", "PICC"),
    ("大众安装师傅", "众安"), ("急招行政助理", "招行"), ("黄金管家", "金管家"), ("华夏基金管家", "金管家"),
]

GENERIC_WORD = ["银行卡余额查询", "房贷计算器", "理财记账本", "保险知识大全", "金融计算器", "银行网点地图",
                "证券开户指南", "信用卡还款提醒", "个税计算器", "汇率换算", "基金定投计算", "车险报价比价",
                "银行利率查询", "电子钱包助手", "存款利息计算", "金价行情", "股票模拟炒股", "外汇牌价",
                "银行卡归属地查询", "理财课堂", "保险理赔指南", "记账钱包", "公积金查询", "数字人民币",
                "手机银行使用教程"]


def initials(s: str) -> str:
    return "".join(p[0] for p in pinyin(s) if p and p[0].isalpha()).lower()
