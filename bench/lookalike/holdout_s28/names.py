"""Names, developers, package ids, certificates and mini-program ids: made-up ones and counterfeit
mutations of official names. Every function takes the shared random.Random and draws in a fixed order."""

from __future__ import annotations

TRAD = dict(zip(
    "银国业设农发兴邮储险寿证东广华财贷联云闪满宝钱苏宁汇丰众网买单动间车费马长万开门爱乐这为达阳泰"
    "产浦喜奔惠现精彩远户通君弘涨乐财富黄红蓝绿贝资讯亿镇铁义观双岁协区",
    "銀國業設農發興郵儲險壽證東廣華財貸聯雲閃滿寶錢蘇寧匯豐眾網買單動間車費馬長萬開門愛樂這為達陽泰"
    "產浦喜奔惠現精彩遠戶通君弘漲樂財富黃紅藍綠貝資訊億鎮鐵義觀雙歲協區", strict=True))

HOMO_CJK = {"工": "エ", "口": "ロ", "人": "入", "银": "锒", "设": "没", "招": "昭", "商": "啇", "国": "囯",
            "发": "友", "民": "氏", "太": "大", "金": "全", "证": "正", "泰": "秦", "宁": "宇", "海": "悔",
            "平": "乎", "险": "俭", "活": "话", "财": "材", "贷": "货", "建": "健", "微": "徽", "浙": "淅",
            "北": "比", "卡": "卞", "翼": "冀", "拉": "垃", "农": "衣", "光": "尧", "华": "毕", "信": "倍",
            "兴": "舆", "京": "凉", "寿": "涛", "满": "瞒", "通": "涌", "众": "从", "邮": "郎"}
HOMO_LAT = {"A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О",
            "P": "Р", "T": "Т", "X": "Х", "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "i": "і"}

SUFFIXES = ["官方版", "极速版", "贷款", "福利", "福利版", "最新版", "Pro", "2025", "HD", "专业版", "助手", "Lite",
            "手机版", "官方正版", "会员版"]
SEPS = ["", "", "", "-", " ", "—", "·"]
PREFIXES = ["官方", "正版", "新版", "手机", "官方正版", "最新", "安全"]
EMOJI = ["🔥", "💰", "✅", "🎁", "⭐", "💳", "🏦", "🧧", "👍", "📈"]
ZW = ["\u200b", "\u200c", "\u200d", "\ufeff"]
SPACES = [" ", "\u3000", "\u00a0"]
LOAN = ["{s}贷款", "{s}极速贷", "{s}信用贷", "{s}快贷-极速到账", "{s}备用金", "{s}分期借款", "{s}借钱", "{s}额度提升",
        "{s}网贷", "{s}秒批贷"]

GENERIC_FIN = ["手机银行", "信用卡管家", "银行助手", "掌上理财", "极速借款", "信用卡还款", "理财通宝", "借款大师",
               "额度查询", "随身银行", "贷款计算器", "账单管家", "钱包助手", "征信查询", "快速提额"]

_PRE = ["天天", "快乐", "超级", "极速", "全民", "口袋", "智能", "轻松", "万能", "小熊", "趣", "简单", "每日", "随手",
        "萌宠", "开心", "飞速", "一键", "熊猫", "橙子", "青柠", "番茄", "西瓜", "蜜蜂", "星空", "极简"]
_NOUN = ["消消乐", "清理大师", "记账本", "天气", "日历", "相机", "音乐", "视频", "阅读", "小说", "计步", "健身", "菜谱",
         "翻译", "扫描王", "壁纸", "输入法", "浏览器", "地图", "打车", "外卖", "直播", "拼图", "象棋", "斗地主", "跑酷",
         "钓鱼", "农场", "漫画", "学英语", "背单词", "记事本", "闹钟", "手电筒", "指南针", "测速", "录音机", "文件管理",
         "相册", "修图", "美颜", "驾考", "租房", "旅行", "酒店", "火车票", "宠物", "育儿", "团购", "快递", "K歌",
         "短剧", "桌球", "填字", "成语接龙", "数独", "睡眠", "冥想", "时钟", "计算器", "二维码", "投屏", "遥控器"]
_CITY = ["北京", "上海", "深圳", "广州", "杭州", "成都", "武汉", "南京", "厦门", "西安", "长沙", "苏州", "合肥", "重庆",
         "天津", "郑州", "济南", "福州", "昆明", "东莞"]
_BRANDC = list("云帆星辰蓝鲸飞鱼青柠橙木瓜火山极光麦芽松果海豚熊猫青藤米粒石榴竹叶雨燕晨曦银杏暖阳雪松乐途")
_IND = ["网络科技", "信息技术", "软件", "互动娱乐", "数码科技", "文化传媒", "智能科技", "网络技术", "科技"]
_PKW = ["yunfan", "xingchen", "lanjing", "feiyu", "qingning", "mugua", "huoshan", "jiguang", "maiya", "dolphin",
        "tiger", "panda", "pixel", "lemon", "maple", "cloudy", "starry", "happy", "fastx", "smart", "bee", "kiwi",
        "orbit", "mango", "sunny", "nova", "leaf", "wave", "zen", "ember", "quark", "otter", "rocket", "tofu"]
_PKS = ["app", "android", "mobile", "client", "lite", "pro", "free", "game", "tool", "reader", "hd", "plus", "go"]
_LET = "abcdefghijklmnopqrstuvwxyz"


class Maker:
    """Draws unique made-up names, developers and ids."""

    def __init__(self, R, reserved_names=(), reserved_packages=()):
        self.R = R
        self.names: set[str] = set(reserved_names)
        self.packages: set[str] = set(reserved_packages)
        self.certs: set[str] = set()

    def app_name(self) -> str:
        R = self.R
        for _ in range(1000):
            n = R.choice(_PRE) + R.choice(_NOUN)
            if R.random() < 0.2:
                n += R.choice(["Pro", "HD", "大师", "极速版", "2025", "Lite"])
            if n not in self.names:
                self.names.add(n)
                return n
        raise RuntimeError("name pool exhausted")

    def developer(self) -> str:
        R = self.R
        city = R.choice(_CITY)
        b = R.choice(_BRANDC) + R.choice(_BRANDC)
        return f"{city}{R.choice(['', '市'])}{b}{R.choice(_IND)}有限公司"

    def package(self) -> str:
        R = self.R
        for _ in range(1000):
            p = f"{R.choice(['com', 'com', 'cn', 'net', 'io'])}.{R.choice(_PKW)}{R.choice(['', str(R.randint(1, 99))])}" \
                f".{R.choice(_PKS)}"
            if p not in self.packages:
                self.packages.add(p)
                return p
        raise RuntimeError("package pool exhausted")

    def cert(self) -> str:
        for _ in range(100):
            c = f"{self.R.getrandbits(256):064x}"
            if c not in self.certs:
                self.certs.add(c)
                return c
        raise RuntimeError("cert collision")

    def wx(self) -> str:
        return "wx" + f"{self.R.getrandbits(64):016x}"

    def gh(self) -> str:
        return "gh_" + f"{self.R.getrandbits(48):012x}"

    def ali(self) -> str:
        return "2021" + f"{self.R.randint(0, 10 ** 12 - 1):012d}"


def cert_format(R, hex64: str, fmt: str | None = None) -> tuple[str, str]:
    fmt = fmt or R.choice(["lower", "upper", "upper_colon", "lower_colon"])
    s = hex64.upper() if fmt.startswith("upper") else hex64.lower()
    if fmt.endswith("colon"):
        s = ":".join(s[i:i + 2] for i in range(0, 64, 2))
    return s, fmt


def traditional(name: str) -> str:
    return "".join(TRAD.get(ch, ch) for ch in name)


def fullwidth(s: str) -> str:
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ("\u3000" if ch == " " else ch) for ch in s)


def has_ascii_letter(s: str) -> bool:
    return any(ch.isascii() and ch.isalpha() for ch in s)


def homoglyph(R, name: str) -> tuple[str, list[str]]:
    idx = [i for i, ch in enumerate(name) if ch in HOMO_CJK or ch in HOMO_LAT]
    if not idx:
        return name, []
    k = 2 if len(idx) > 3 and R.random() < 0.3 else 1
    picks = sorted(R.sample(idx, k))
    chars = list(name)
    swaps = []
    for i in picks:
        rep = HOMO_CJK.get(chars[i]) or HOMO_LAT[chars[i]]
        swaps.append(f"{chars[i]}->{rep}")
        chars[i] = rep
    return "".join(chars), swaps


def insert_spacing(R, name: str) -> tuple[str, str]:
    zero = R.random() < 0.5
    pos = R.randint(1, len(name) - 1)
    ch = R.choice(ZW) if zero else R.choice(SPACES)
    return name[:pos] + ch + name[pos:], f"U+{ord(ch):04X}@{pos}"


def double_char(R, name: str) -> tuple[str, int]:
    cjk = [i for i, ch in enumerate(name) if ord(ch) > 0x2E80]
    i = R.choice(cjk or list(range(len(name))))
    return name[:i + 1] + name[i] + name[i + 1:], i


def typo_package(R, pkg: str) -> tuple[str, str]:
    """A package id one or two edits away from the official one."""
    kinds = ["substitute", "insert_segment", "omit", "transpose", "tld_swap", "double", "append_digit"]
    subst = [("l", "1"), ("i", "l"), ("o", "0"), ("m", "rn"), ("w", "vv"), ("b", "d"), ("c", "e"), ("n", "m")]
    for _ in range(50):
        k = R.choice(kinds)
        parts = pkg.split(".")
        out = pkg
        if k == "substitute":
            opts = [(a, b) for a, b in subst if a in pkg]
            if not opts:
                continue
            a, b = R.choice(opts)
            pos = [i for i in range(len(pkg)) if pkg.startswith(a, i)]
            i = R.choice(pos)
            out = pkg[:i] + b + pkg[i + len(a):]
        elif k == "insert_segment":
            out = pkg + "." + R.choice(["app", "mobile", "official", "v2", "new", "android"])
        elif k == "omit":
            i = R.randrange(len(pkg))
            if pkg[i] == ".":
                continue
            out = pkg[:i] + pkg[i + 1:]
        elif k == "transpose":
            i = R.randrange(len(pkg) - 1)
            if "." in pkg[i:i + 2] or pkg[i] == pkg[i + 1]:
                continue
            out = pkg[:i] + pkg[i + 1] + pkg[i] + pkg[i + 2:]
        elif k == "tld_swap":
            if parts[0] not in ("com", "cn"):
                continue
            parts[0] = {"com": "cn", "cn": "com"}[parts[0]]
            out = ".".join(parts)
        elif k == "double":
            i = R.randrange(len(pkg))
            if pkg[i] == ".":
                continue
            out = pkg[:i] + pkg[i] + pkg[i:]
        elif k == "append_digit":
            out = pkg + str(R.randint(1, 9))
        if out != pkg and ".." not in out and not out.endswith("."):
            return out, k
    raise RuntimeError("no typo for " + pkg)
