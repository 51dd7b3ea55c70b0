"""Names: how counterfeit apps alter an institution's name (20 kinds), and the generic names, developers
and package ids of apps that belong to nobody in the ledger."""

from __future__ import annotations

# simplified -> traditional, for the characters that occur in the institutions' names
TRAD = dict(pair for pair in (
    "业業 东東 乐樂 买買 云雲 产產 众眾 储儲 兴興 农農 动動 华華 单單 发發 团團 国國 宁寧 宝寶 寿壽 广廣 术術 "
    "机機 满滿 现現 涨漲 纷紛 线線 络絡 综綜 缤繽 缴繳 网網 联聯 苏蘇 设設 证證 财財 货貨 费費 车車 邮郵 钱錢 "
    "银銀 闪閃 间間 阳陽 际際 险險 马馬 贷貸 务務 汇匯 长長 门門 时時 万萬 个個 会會 开開 报報 优優 价價 购購 "
    "实實 质質 户戶 关關 号號 码碼 亿億 岁歲 达達 总總 积積 红紅 飞飛 记記 账賬").split())

HOMOGLYPH = {"工": "エ", "口": "ロ", "力": "カ", "二": "ニ", "八": "ハ", "人": "入", "己": "已", "土": "士",
             "天": "夭", "日": "曰", "千": "干", "商": "啇", "设": "没", "国": "囯", "平": "乎", "民": "氏",
             "银": "锒", "泰": "秦", "马": "乌", "拉": "垃", "大": "太", "太": "大", "中": "申", "宝": "宔",
             "广": "厂", "夏": "厦", "支": "攴"}
LATIN_HOMOGLYPH = {"I": "l", "l": "I", "O": "0", "o": "0", "C": "С", "B": "В", "A": "А", "M": "М", "P": "Р",
                   "E": "Е", "H": "Н", "a": "а", "e": "е", "c": "с", "p": "р", "i": "і"}

EMOJI = ["💰", "🏦", "✨", "🔥", "💳", "🧧", "⭐", "👍", "💎", "🎁"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060"]

NAME_KINDS = ["suffix_official", "suffix_speed", "suffix_loan", "suffix_welfare", "decorated", "emoji",
              "doubled_char", "swapped_chars", "traditional", "homoglyph", "fullwidth", "pinyin", "english",
              "miniprogram", "official_account", "spaced", "invisible_chars", "abbrev_product", "mixed_latin",
              "sibling_product"]


def _cjk(ch):
    return "\u4e00" <= ch <= "\u9fff"


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else ("\u3000" if c == " " else c) for c in s)


def abbr(inst):
    """The shortest Chinese keyword of the institution (工行, 招行 ...), else its short name."""
    zh = [k for k in inst["keywords"] if all(_cjk(c) for c in k)]
    return min(zh, key=lambda k: (len(k), zh.index(k))) if zh else inst["short"]


def base_names(inst):
    out = [inst["short"]]
    for app in inst["apps"]:
        for n in app["names"]:
            if n not in out:
                out.append(n)
    return out


def mutate(kind: str, inst: dict, rr) -> tuple[str, dict]:
    """A counterfeit's name made from the institution's names. Returns (name, params)."""
    bases = base_names(inst)
    base = rr.choice(bases[:3])
    p = {"base": base}
    if kind == "suffix_official":
        suf = rr.choice(["官方版", "正式版", "最新版", "2024新版", "官方正版", "(官方)", "官方下载"])
        name = base + suf
    elif kind == "suffix_speed":
        suf = rr.choice(["极速版", "Lite", "简洁版", "青春版", "轻享版", "大字版"])
        name = base + suf
    elif kind == "suffix_loan":
        suf = rr.choice(["贷款", "借款", "快贷", "分期", "备用金", "e贷", "信用贷", "极速借"])
        base = rr.choice([base, abbr(inst)])
        p["base"] = base
        name = base + suf
    elif kind == "suffix_welfare":
        suf = rr.choice(["福利", "红包版", "领券", "福利版", "积分兑换", "送好礼"])
        name = base + suf
    elif kind == "decorated":
        pat = rr.choice(["【官方】{}", "[正版]{}", "★{}★", "『{}』", "{}™", "{}®", "「{}」官方", "《{}》"])
        suf = pat
        name = pat.format(base)
    elif kind == "emoji":
        e = rr.choice(EMOJI)
        pat = rr.choice(["{e}{b}", "{b}{e}", "{e}{b}{e}", "{b} {e}"])
        suf = pat
        name = pat.format(e=e, b=base)
    elif kind == "doubled_char":
        idx = [i for i, c in enumerate(base) if _cjk(c)]
        i = rr.choice(idx)
        name = base[: i + 1] + base[i] + base[i + 1:]
        suf = i
    elif kind == "swapped_chars":
        pairs = [i for i in range(len(base) - 1) if _cjk(base[i]) and _cjk(base[i + 1]) and base[i] != base[i + 1]]
        i = rr.choice(pairs)
        name = base[:i] + base[i + 1] + base[i] + base[i + 2:]
        suf = i
    elif kind == "traditional":
        cands = [b for b in bases if any(c in TRAD for c in b)]
        base = rr.choice(cands[:3])
        p["base"] = base
        name = "".join(TRAD.get(c, c) for c in base)
        suf = "t2s"
    elif kind == "homoglyph":
        cands = [b for b in bases if any(c in HOMOGLYPH for c in b)]
        if cands:
            base = rr.choice(cands[:3])
            idx = [i for i, c in enumerate(base) if c in HOMOGLYPH]
            i = rr.choice(idx)
            name = base[:i] + HOMOGLYPH[base[i]] + base[i + 1:]
            suf = f"{base[i]}->{HOMOGLYPH[base[i]]}"
        else:
            base = inst["en_abbr"]
            idx = [i for i, c in enumerate(base) if c in LATIN_HOMOGLYPH]
            i = rr.choice(idx)
            name = base[:i] + LATIN_HOMOGLYPH[base[i]] + base[i + 1:] + rr.choice(["手机银行", "官方", "APP"])
            suf = f"{base[i]}->{LATIN_HOMOGLYPH[base[i]]}"
        p["base"] = base
    elif kind == "fullwidth":
        latin = [b for b in bases if any("A" <= c.upper() <= "Z" for c in b)]
        if latin and rr.random() < 0.5:
            base = latin[0]
            name = fullwidth(base)
        else:
            base = inst["en_abbr"]
            name = fullwidth(base) + rr.choice(["", "手机版", "APP", "官方"])
        p["base"] = base
        suf = "fullwidth"
    elif kind == "pinyin":
        syl = inst["pinyin"]
        style = rr.choice(["title_words", "lower_joined", "camel", "upper_joined"])
        if style == "title_words":
            half = max(1, len(syl) // 2)
            name = "".join(syl[:half]).title() + " " + "".join(syl[half:]).title()
        elif style == "lower_joined":
            name = "".join(syl)
        elif style == "camel":
            name = "".join(s.title() for s in syl)
        else:
            name = "".join(syl).upper()
        name += rr.choice(["", " App", "-Mobile"])
        base = inst["short"]
        p["base"] = base
        suf = style
    elif kind == "english":
        pat = rr.choice(["{n}", "{n} Mobile", "{n} App", "{a} Mobile Banking", "{a} Official", "{a} Pay"])
        name = pat.format(n=inst["en_name"], a=inst["en_abbr"])
        base = inst["en_name"]
        p["base"] = base
        suf = pat
    elif kind == "miniprogram":
        pat = rr.choice(["{}小程序", "{}+", "{}服务", "{}会员中心", "{}助手"])
        name = pat.format(base)
        suf = pat
    elif kind == "official_account":
        pat = rr.choice(["{}服务号", "{}客服", "{}订阅号", "{}公众号", "{}微银行"])
        base = rr.choice([base, abbr(inst)])
        p["base"] = base
        name = pat.format(base)
        suf = pat
    elif kind == "spaced":
        sep = rr.choice([" ", "·", "-", "_", "."])
        name = sep.join(base)
        suf = sep
    elif kind == "invisible_chars":
        k = rr.randint(1, 2)
        chars = list(base)
        ins = []
        for _ in range(k):
            i = rr.randint(1, len(chars) - 1)
            z = rr.choice(INVISIBLE)
            chars.insert(i, z)
            ins.append(f"U+{ord(z):04X}@{i}")
        name = "".join(chars)
        suf = ins
    elif kind == "abbrev_product":
        a = abbr(inst)
        suf = rr.choice(["钱包", "理财通", "借呗", "现金贷", "信用卡中心", "积分宝", "金库"])
        base = a
        p["base"] = base
        name = a + suf
    elif kind == "mixed_latin":
        pat = rr.choice(["{a}{b}", "{b}{a}", "{b}-{a}", "{a} {b}"])
        name = pat.format(a=inst["en_abbr"], b=inst["short"])
        base = inst["short"]
        p["base"] = base
        suf = pat
    elif kind == "sibling_product":
        apps = inst["apps"]
        app = apps[1] if len(apps) > 1 else apps[0]
        base = app["names"][0]
        p["base"] = base
        suf = rr.choice(["Plus", "Pro", "极速版", "2.0", "Max", "国际版"])
        name = base + suf
    else:
        raise KeyError(kind)
    p["change"] = suf
    return name, p


# ---- names of apps that belong to nobody --------------------------------------------------------

FIN_PREFIX = ["安心", "随心", "速易", "极速", "易", "好", "放心", "及时", "惠", "小", "融", "优", "快", "聚", "盈",
              "满分", "闪电", "如意", "鑫", "蓝鲸", "橙子", "米粒", "星光", "乐享", "悦", "诚", "宜", "应急", "即刻"]
FIN_SUFFIX = ["借", "贷", "钱包", "花", "分期", "借款", "白卡", "e贷", "宝", "通", "管家", "备用金", "借条", "金融",
              "钱庄", "优选", "卡", "周转", "钱袋"]
SERVICE_NAMES = ["安全控件", "网银助手", "账户安全中心", "客户服务中心", "额度查询", "资金验证", "安全认证", "在线客服",
                 "网点查询", "贷款审批进度", "积分商城", "电子回单", "数字证书助手", "账户解冻", "征信修复", "额度提升中心",
                 "社保查询助手", "退款理赔中心", "远程协助", "防骗中心"]
ORD_PREFIX = ["天天", "快乐", "全民", "超级", "极简", "小", "萌", "云", "悦", "趣", "轻", "每日", "开心", "奇妙", "嗨",
              "疯狂", "指尖", "口袋", "乐", "大"]
ORD_NOUN = ["消消乐", "天气", "日历", "相机", "修图", "壁纸", "闹钟", "翻译", "词典", "菜谱", "健身", "跑步", "音乐", "电台",
            "小说", "漫画", "地图", "公交", "打车", "外卖", "团购", "快递", "短视频", "直播", "K歌", "学英语", "口算", "驾考",
            "租房", "相册", "扫描", "清理", "浏览器", "输入法", "手电筒", "计步器", "记事本", "便签", "课程表", "宠物",
            "识花", "钓鱼", "象棋", "围棋", "麻将", "赛车", "跑酷", "塔防", "农场", "斗地主", "拼图", "连连看", "种树",
            "冥想", "睡眠", "喝水提醒", "读书", "播客", "视频剪辑", "美妆", "穿搭", "二手车", "家政", "装修", "旅行"]
ENGLISH_ORD = ["Tiny Notes", "PhotoBox", "Sky Weather", "Pixel Run", "Word Master", "Daily Yoga", "Sleep Well",
               "Snap Scan", "Go Fit", "Cloud Reader", "Music Wave", "Quick Clean", "Star Puzzle", "Zen Garden",
               "Cook Book", "Focus Timer", "Bubble Pop", "Road Trip", "Memo Pad", "Hello Pets"]
CITIES = ["深圳", "杭州", "广州", "成都", "武汉", "南京", "厦门", "重庆", "西安", "长沙", "苏州", "合肥", "郑州", "济南",
          "福州", "青岛", "昆明", "南宁", "天津", "东莞"]
FIRMS = ["云帆", "星途", "汇鑫", "蓝海", "乐享", "飞鱼", "青橙", "点点", "创联", "易达", "博远", "天启", "盛世", "锦程",
         "微光", "智橙", "米粒", "极光", "优品", "趣玩", "掌心", "斑马", "象限", "蜂鸟", "海豚", "木棉", "松果", "萤火"]
TRADES = ["网络科技", "信息技术", "软件开发", "科技", "互联网服务", "数字科技", "网络技术", "信息科技"]
PEOPLE = ["张伟", "李娜", "王磊", "刘洋", "陈静", "杨帆", "赵鹏", "黄丽", "周杰", "吴昊", "孙敏", "郭强"]
ENGLISH_DEVS = ["Sunny Apps Studio", "Lucky Dev Ltd", "FastLoan Tech", "Golden Bridge Apps", "Blue Whale Mobile",
                "Apex Digital Ltd", "Orange Tree Games", "Moonlight Soft"]
PKG_WORDS = ["kuaidai", "jinrong", "qianbao", "yidai", "xinyong", "huiying", "sudai", "anxin", "haojie", "lehua",
             "fenqi", "jiekuan", "licai", "baoxian", "zhifu", "tianqi", "xiangji", "yinyue", "ditu", "youxi",
             "jizhang", "xiaoshuo", "manhua", "jianshen", "waimai", "kuaidi", "fanyi", "bizhi", "naozhong",
             "shouji", "anquan", "kefu", "zhushou", "wallet", "loan", "cash", "money", "smart", "easy", "happy",
             "star", "cloud", "fun", "joy", "tool", "fast", "lite", "plus", "daily", "super"]
PKG_TAILS = ["app", "android", "client", "mobile", "pro", "main", "free", "hd"]


def company(rr) -> str:
    r = rr.random()
    if r < 0.72:
        return rr.choice(CITIES) + rr.choice(FIRMS) + rr.choice(TRADES) + "有限公司"
    if r < 0.87:
        return rr.choice(PEOPLE)
    return rr.choice(ENGLISH_DEVS)


def finance_name(rr) -> str:
    return rr.choice(FIN_PREFIX) + rr.choice(FIN_SUFFIX)


def ordinary_name(rr) -> str:
    if rr.random() < 0.1:
        return rr.choice(ENGLISH_ORD)
    return rr.choice(ORD_PREFIX) + rr.choice(ORD_NOUN)


def package(rr) -> str:
    head = rr.choice(["com", "com", "com", "cn", "net", "io"])
    return ".".join([head, rr.choice(PKG_WORDS), rr.choice(PKG_WORDS + PKG_TAILS)])
