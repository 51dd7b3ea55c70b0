"""Names: decorations of official names, and names of apps that are not protected."""

from __future__ import annotations

import unicodedata

SUFFIXES = ["官方版", "极速版", "贷款", "福利版", "福利", "贷款专版", "2025新版", "手机版", "安全版", "官方正版",
            "极速贷", "领券", "助手", "专业版", "APP", "借款", "官方客户端", "红包版"]
SEPARATORS = ["", "", "", "-", " ", "·", "|", "（", "【"]
CLOSERS = {"（": "）", "【": "】"}
EMOJI = ["💰", "🧧", "🔥", "✅", "⭐", "💳", "🎁", "🏦", "💯", "✨"]
HOMOGLYPHS = {
    "银": "锒", "商": "啇", "建": "健", "设": "没", "国": "囯", "浦": "蒲", "信": "佶", "华": "毕", "民": "氏",
    "广": "厂", "平": "乎", "泰": "秦", "证": "征", "券": "卷", "海": "梅", "通": "诵", "财": "材", "人": "入",
    "渤": "勃", "恒": "桓", "江": "汪", "北": "比", "京": "亰", "微": "徽", "网": "冈", "浙": "淅", "太": "大",
    "友": "犮", "金": "全", "众": "仌", "农": "衣", "工": "エ", "招": "拈", "业": "亚", "储": "诸", "宁": "宇",
    "上": "土", "光": "兴", "度": "席", "东": "朿", "阳": "杨", "新": "亲", "生": "牛", "动": "劫", "易": "昜",
}
FULLWIDTH = {ch: chr(ord(ch) + 0xFEE0) for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"}
TRADITIONAL = {
    "银": "銀", "国": "國", "农": "農", "业": "業", "设": "設", "发": "發", "华": "華", "险": "險", "寿": "壽",
    "证": "證", "邮": "郵", "储": "儲", "广": "廣", "东": "東", "财": "財", "阳": "陽", "宁": "寧", "苏": "蘇",
    "众": "眾", "网": "網", "兴": "興", "丰": "豐", "乐": "樂", "动": "動", "间": "間", "买": "買", "单": "單",
    "纷": "紛", "现": "現", "满": "滿", "机": "機", "车": "車", "贷": "貸", "京": "京", "涨": "漲", "宝": "寶",
    "诚": "誠", "通": "通", "泰": "泰", "渤": "渤", "汇": "匯", "浙": "浙", "为": "為", "电": "電", "开": "開",
    "户": "戶", "远": "遠", "体": "體", "时": "時", "经": "經", "团": "團", "惠": "惠", "对": "對", "产": "產",
}
MP_SUFFIXES = ["小程序", "服务小程序", "福利小程序", "助手", "服务", "领券中心", "官方小程序", "办卡"]
OA_SUFFIXES = ["公众号", "服务号", "官方服务", "客服中心", "微银行", "福利社", "订阅号", "在线客服"]
REPACK_SUFFIXES = ["破解版", "去广告版", "免费VIP版", "修改版", "v9.1.0", "(内购版)", "绿色版", "免登录版"]
BUILD_SUFFIXES = [("HD", ".hd"), ("关怀版", ".care"), ("国际版", ".intl"), ("内测版", ".beta"),
                  ("极速版", ".lite"), ("大字版", ".elder"), ("Lite", ".mini"), ("预览版", ".preview")]
COPY_SUFFIXES = {"bank": ["手机银行", "APP", "客户端", "官方", "掌上银行", "移动版"],
                 "insurer": ["保险服务", "APP", "客户端", "官方", "保单查询", "移动版"],
                 "securities": ["炒股开户", "APP", "客户端", "官方", "证券交易", "移动版"],
                 "holding": ["APP", "客户端", "官方", "服务", "移动版"]}
DEV_VARIANTS = ["{dev}", "{dev}", "{dev}", "{dev} ", "{dev}客户服务中心", "{dev}网络金融部", "{short}官方", "{en}"]

# names for icon-only copies: everyday and loan-ish names with no brand in them
ICON_ONLY_NAMES = [
    "极速借款", "随心借", "口袋钱包", "惠省钱", "天天记账", "手机清理大师", "全能扫描王", "WiFi万能钥匙助手",
    "日历天气", "步数宝", "快捷贷", "e钱包", "小额速借", "信用分查询", "财富管家", "云闪借", "安心花",
    "月光宝盒", "省钱快报", "借钱花", "分期宝", "优选理财", "卡管家", "易借钱", "闪电到账", "金库助手",
    "额度宝", "便民缴费", "话费充值", "生活缴费助手", "积分兑换", "优惠券大全", "返利网", "会员中心",
    "掌中宝", "e家通", "好借好还", "轻松贷", "秒批贷", "福袋", "红包群", "刷脸支付", "钱包助手",
    "数字钱包", "收款码助手", "云商户", "扫码付", "转账助手", "安全中心", "证件扫描", "小鱼理财",
    "稳稳赚", "财神到", "聚宝盆", "存钱罐", "每日签到", "金币商城", "Cash Go", "Money Box", "Quick Loan",
    "Pay Helper", "Wallet Pro", "SafeKey", "Smart Card", "QuickPay", "MoneyTree", "CoinNote",
]

ORDINARY_PREFIX = ["天天", "口袋", "全能", "超级", "简单", "极简", "小", "我的", "智慧", "乐享", "随手", "轻松", "悦",
                   "快乐", "酷", "萌", "趣", "一起", "每日", "好"]
ORDINARY_NOUN = ["天气", "相机", "扫描", "阅读", "音乐", "健身", "菜谱", "地图", "翻译", "日历", "笔记", "清理",
                 "壁纸", "闹钟", "计步", "学英语", "识花", "修图", "录音", "视频", "小说", "拼图", "跑步", "瑜伽",
                 "钓鱼", "象棋", "围棋", "消消乐", "单词", "宠物", "花园", "旅行", "打车", "外卖", "快递", "租房",
                 "装修", "育儿", "问诊", "驾考", "公交", "地铁", "天文", "手账", "电台", "K歌", "直播", "漫画"]

GENERIC_FINANCE = [
    "记账本", "随手记账", "理财计算器", "房贷计算器", "个税计算器", "汇率换算", "实时汇率", "社保查询",
    "公积金查询", "医保服务", "信用卡管家", "账单助手", "股票行情", "基金净值查询", "存款利率表", "车险比价",
    "黄金价格", "贵金属行情", "外汇牌价", "复利计算", "退休金计算", "发票助手", "记账鸭", "钱迹",
    "家庭账本", "预算管家", "债券收益计算", "汇率助手", "货币转换", "保险计算器", "养老金测算", "信用报告解读",
    "理财日历", "工资条", "AA记账", "彩虹账本", "小账本", "每日记账", "财务报表助手", "退税助手",
    "ETF行情", "可转债助手", "期货行情", "大额存单比价", "利率计算器",
]
SHARED_CHAR = [
    "工商注册查询", "建设工程计价", "农业天气通", "中国象棋大师", "交通违章查询", "招商加盟网", "浦东公交",
    "中信书屋", "光明日报", "华夏旅游", "民生热线", "广州地铁", "平安校园", "兴趣部落", "浙里办事", "渤海观潮",
    "恒温助手", "北京公交", "上海地铁", "江苏招考", "宁波通", "微信读书助手", "网商课堂", "人寿年丰菜谱",
    "太平洋航运", "新华字典", "泰山旅游", "阳光学车", "友谊足球", "众包跑腿", "中信菜谱", "华泰物流", "国泰航空助手",
    "广发快递", "东方网", "海通物流", "银河天文", "京剧大全", "度假攻略", "光大航海日志",
]
# other Chinese financial institutions (real names, not in the ledger)
OTHER_INSTITUTIONS = [
    ("长沙银行", "长沙银行股份有限公司", "bank", "长"), ("徽商银行", "徽商银行股份有限公司", "bank", "徽"),
    ("成都银行", "成都银行股份有限公司", "bank", "成"), ("重庆银行", "重庆银行股份有限公司", "bank", "渝"),
    ("郑州银行", "郑州银行股份有限公司", "bank", "郑"), ("青岛银行", "青岛银行股份有限公司", "bank", "青"),
    ("齐鲁银行", "齐鲁银行股份有限公司", "bank", "齐"), ("苏州银行", "苏州银行股份有限公司", "bank", "苏"),
    ("汉口银行", "汉口银行股份有限公司", "bank", "汉"), ("福建海峡银行", "福建海峡银行股份有限公司", "bank", "福"),
    ("泉州银行", "泉州银行股份有限公司", "bank", "泉"), ("广州农商银行", "广州农村商业银行股份有限公司", "bank", "G"),
    ("上海农商银行", "上海农村商业银行股份有限公司", "bank", "S"), ("北京农商银行", "北京农村商业银行股份有限公司", "bank", "B"),
    ("重庆农村商业银行", "重庆农村商业银行股份有限公司", "bank", "C"), ("哈尔滨银行", "哈尔滨银行股份有限公司", "bank", "哈"),
    ("盛京银行", "盛京银行股份有限公司", "bank", "盛"), ("天津银行", "天津银行股份有限公司", "bank", "T"),
    ("兰州银行", "兰州银行股份有限公司", "bank", "L"), ("东莞银行", "东莞银行股份有限公司", "bank", "D"),
    ("温州银行", "温州银行股份有限公司", "bank", "温"), ("台州银行", "台州银行股份有限公司", "bank", "T"),
    ("中原银行", "中原银行股份有限公司", "bank", "Z"), ("九江银行", "九江银行股份有限公司", "bank", "九"),
    ("桂林银行", "桂林银行股份有限公司", "bank", "G"), ("富滇银行", "富滇银行股份有限公司", "bank", "F"),
    ("大地保险", "中国大地财产保险股份有限公司", "insurer", "D"), ("华安保险", "华安财产保险股份有限公司", "insurer", "安"),
    ("天安财险", "天安财产保险股份有限公司", "insurer", "T"), ("国华人寿", "国华人寿保险股份有限公司", "insurer", "华"),
    ("合众人寿", "合众人寿保险股份有限公司", "insurer", "和"), ("百年人寿", "百年人寿保险股份有限公司", "insurer", "B"),
    ("前海人寿", "前海人寿保险股份有限公司", "insurer", "Q"), ("东方证券", "东方证券股份有限公司", "securities", "D"),
    ("国信证券", "国信证券股份有限公司", "securities", "G"), ("兴业证券", "兴业证券股份有限公司", "securities", "X"),
    ("光大证券", "光大证券股份有限公司", "securities", "E"), ("长江证券", "长江证券股份有限公司", "securities", "C"),
    ("方正证券", "方正证券股份有限公司", "securities", "F"), ("国元证券", "国元证券股份有限公司", "securities", "Y"),
    ("财通证券", "财通证券股份有限公司", "securities", "C"), ("中泰证券", "中泰证券股份有限公司", "securities", "Z"),
    ("申万宏源证券", "申万宏源证券有限公司", "securities", "S"), ("国金证券", "国金证券股份有限公司", "securities", "鑫"),
    ("华西证券", "华西证券股份有限公司", "securities", "西"), ("长城证券", "长城证券股份有限公司", "securities", "C"),
]
OTHER_APP_SUFFIX = {"bank": ["", "手机银行", "直销银行", "信用卡"], "insurer": ["", "服务", "e家", "保单服务"],
                    "securities": ["", "金融终端", "掌上财富", "开户"]}

CITIES = ["深圳市", "广州市", "杭州市", "上海", "北京", "成都市", "武汉市", "南京市", "厦门市", "长沙市", "西安市",
          "郑州市", "合肥市", "苏州市", "东莞市", "佛山市", "福州市", "南昌市"]
COMPANY_WORDS = ["星辰", "云帆", "鼎盛", "佳讯", "蓝海", "极光", "启明", "瑞丰", "易达", "优品", "橙子", "果壳",
                 "智汇", "乐游", "青柠", "火鸟", "海豚", "木棉", "银杏", "蜂鸟", "鲸鱼", "萤火", "白鹭", "零点"]
COMPANY_TAILS = ["科技有限公司", "网络科技有限公司", "信息技术有限公司", "软件开发有限公司", "互联网科技有限公司"]
SURNAMES = ["Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun"]
GIVEN = ["Wei", "Fang", "Min", "Jing", "Lei", "Jun", "Yan", "Tao", "Hui", "Qiang", "Li", "Ning"]


def normalise(name: str) -> str:
    return "".join(unicodedata.normalize("NFKC", name).lower().split())


def company(rng) -> str:
    return rng.choice(CITIES) + rng.choice(COMPANY_WORDS) + rng.choice(COMPANY_WORDS) + rng.choice(COMPANY_TAILS)


def person(rng) -> str:
    return f"{rng.choice(GIVEN)} {rng.choice(SURNAMES)}"


def developer(rng, source_kind: str) -> str | None:
    if source_kind == "ios" and rng.random() < 0.35:
        return person(rng)
    if source_kind in ("mp", "oa") and rng.random() < 0.2:
        return "个人"
    if rng.random() < 0.06:
        return None
    return company(rng)


def with_suffix(rng, base: str, suffixes: list[str]) -> str:
    sep = rng.choice(SEPARATORS)
    return base + sep + rng.choice(suffixes) + CLOSERS.get(sep, "")


def emoji(rng, base: str) -> str:
    e = rng.choice(EMOJI)
    where = rng.randint(0, 3)
    if where == 0:
        return e + base
    if where == 1:
        return base + e
    if where == 2:
        return e + base + e
    return base + e + rng.choice(["官方", "福利", "借款", "领红包"])


def doubled(rng, base: str) -> str:
    i = rng.randrange(len(base))
    out = base[:i + 1] + base[i] + base[i + 1:]
    return out if rng.random() < 0.7 else out + rng.choice(["", "APP", "手机版"])


def homoglyph(rng, base: str) -> str | None:
    spots = [i for i, ch in enumerate(base) if ch in HOMOGLYPHS or ch in FULLWIDTH]
    if not spots:
        return None
    i = rng.choice(spots)
    ch = base[i]
    rep = HOMOGLYPHS.get(ch) or FULLWIDTH[ch]
    if ch in FULLWIDTH:  # the whole Latin run goes full-width
        return "".join(FULLWIDTH.get(c, c) for c in base)
    return base[:i] + rep + base[i + 1:]


def traditional(rng, base: str) -> str | None:
    if not any(ch in TRADITIONAL and TRADITIONAL[ch] != ch for ch in base):
        return None
    out = "".join(TRADITIONAL.get(ch, ch) for ch in base)
    return out if rng.random() < 0.6 else out + rng.choice(["手機銀行", "官方版", "客戶端", "APP"])


def pinyin(rng, py: str, english_kw: list[str]) -> str:
    style = rng.randint(0, 4)
    if style == 0:
        return py
    if style == 1:
        return py.replace(" ", "")
    if style == 2:
        return py.lower() + " APP"
    if style == 3:
        initials = "".join(w[0] for w in py.split()).upper()
        return f"{py} ({initials})"
    return py + rng.choice([" Mobile", " Bank", " Pro", " Lite"])


def ordinary(rng) -> str:
    return rng.choice(ORDINARY_PREFIX) + rng.choice(ORDINARY_NOUN)
