"""Name transforms for counterfeit names, and pools of neutral app / company names."""

from __future__ import annotations

from opencc import OpenCC
from pypinyin import lazy_pinyin
from seeds import pick

_S2T = OpenCC("s2t")

EMOJI = ["💰", "🏦", "💳", "🔥", "✨", "🎁", "💴", "⭐", "🧧", "👍"]
DECOR = ["【官方】{}", "「{}」", "{}™", "★{}★", "{}®", "《{}》", "{}·官方正版", "{}-官方", "{}（官方）", "☆{}☆",
         "[正版]{}", "{}｜官方"]
SUFFIX = ["{}官方版", "{}极速版", "{}贷款", "{}福利版", "{}借款", "{}额度提升", "{}2025新版", "{}安全版", "{}分期",
          "官方{}下载", "{}Pro", "{}福利", "{}贷款专区"]
MINI = ["{}信用卡福利", "{}积分兑换", "{}服务助手", "{}小程序", "{}额度查询", "{}积分商城", "{}优惠券"]
OFFICIAL_ACCOUNT = ["{}客服中心", "{}服务号", "{}福利社", "{}信用卡中心", "{}资讯", "{}理财课堂"]
SPLIT_SEPS = [" ", "·", "_", ".", "-", "丨"]
RADICALS = {"银": "钅艮", "行": "彳亍", "招": "扌召", "信": "亻言", "华": "化十", "付": "亻寸", "投": "扌殳",
            "保": "亻呆", "好": "女子", "明": "日月", "财": "贝才", "海": "氵每", "江": "氵工", "浙": "氵折",
            "陆": "阝击", "险": "阝佥", "通": "甬辶", "动": "云力", "泰": "三人水"}


def traditional(s: str) -> str:
    return _S2T.convert(s)


def pinyin_variant(rng, s: str) -> tuple[str, str]:
    syl = lazy_pinyin(s)
    style = pick(rng, ["lower", "title", "spaced", "initials", "mixed"])
    if style == "lower":
        out = "".join(syl)
    elif style == "title":
        out = "".join(x.capitalize() for x in syl)
    elif style == "spaced":
        out = " ".join(syl)
    elif style == "initials":
        out = "".join(x[0].upper() for x in syl if x) + "手机版"
    else:
        out = s[:2] + "".join(syl[2:]) if len(s) > 2 else "".join(syl)
    return out, style


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isalnum() else c for c in s)


def doubled(rng, s: str) -> tuple[str, int]:
    i = int(rng.integers(len(s)))
    return s[: i + 1] + s[i] + s[i + 1:], i


def split_chars(rng, s: str) -> tuple[str, str]:
    hits = [c for c in s if c in RADICALS]
    if hits and rng.random() < 0.5:
        c = pick(rng, hits)
        return s.replace(c, RADICALS[c], 1), "radical:" + c
    sep = pick(rng, SPLIT_SEPS)
    return sep.join(s), "sep:" + sep


# neutral names: no brand, no institution; filtered again against the keyword list at build time
NEUTRAL_PRE = ["安心", "快捷", "随手", "便民", "智慧", "易", "乐", "优", "小鹿", "青橙", "星光", "蓝鲸", "极简", "悦",
               "省心", "每日", "云端", "闪电", "金豆", "稳稳", "多多", "满分", "幸运", "开心", "小象", "萌兔",
               "橙子", "柠檬", "熊猫", "飞鱼"]
NEUTRAL_NOUN = ["钱包", "记账", "理财", "缴费", "助手", "工具箱", "清理", "相册", "天气", "日历", "笔记", "扫描",
                "计步", "听书", "阅读", "优选", "商城", "卡包", "收银", "账本", "省钱", "便签", "翻译", "测速",
                "计算器", "借还", "分期", "钱袋", "存钱罐", "管家"]
NEUTRAL_EN = ["Wallet", "CashBook", "EasyPay", "Cleaner", "Notes", "Scanner", "Money", "Budget", "Pocket",
              "Coin", "Finance", "Daily"]
NEUTRAL_EN_SUF = ["Pro", "Lite", "Plus", "Go", "X", "Max", "Mini", "HD"]

CITIES = ["深圳市", "广州市", "杭州", "成都", "武汉", "厦门", "合肥", "长沙", "西安", "郑州", "南昌", "福州", "济南",
          "昆明", "东莞市", "佛山市", "珠海", "温州", "贵阳", "太原"]
CO_WORDS = ["星辰", "云帆", "蓝海", "嘉禾", "启明", "瑞丰", "恒信", "汇通", "鼎盛", "凌云", "盛世", "博远", "金桥",
            "新思", "优途", "智联", "天宇", "晨光", "万象", "青禾", "卓越", "锦程", "华锐", "聚点", "易达", "拓维"]
CO_TRADE = ["网络科技", "信息技术", "软件开发", "科技", "数字科技", "网络技术", "互联网科技"]
PKG_WORDS = ["wallet", "cash", "pay", "fast", "easy", "smart", "daily", "note", "tool", "clean", "star", "cloud",
             "money", "lucky", "happy", "finance", "credit", "loan", "coin", "pocket", "helper", "plus", "go", "box"]
PKG_ORGS = ["xinghe", "yunfan", "lanhai", "jiahe", "qiming", "ruifeng", "huitong", "lingyun", "boyuan", "jinqiao",
            "xinsi", "youtu", "zhilian", "tianyu", "chenguang", "wanxiang", "qinghe", "zhuoyue", "jincheng", "yida"]


def neutral_name(rng) -> str:
    if rng.random() < 0.2:
        return pick(rng, NEUTRAL_EN) + " " + pick(rng, NEUTRAL_EN_SUF)
    return pick(rng, NEUTRAL_PRE) + pick(rng, NEUTRAL_NOUN)


def company(rng) -> str:
    return pick(rng, CITIES) + pick(rng, CO_WORDS) + pick(rng, CO_TRADE) + "有限公司"


def package(rng) -> str:
    tld = pick(rng, ["com", "com", "com", "cn", "net", "top", "io"])
    return f"{tld}.{pick(rng, PKG_ORGS)}.{pick(rng, PKG_WORDS)}{pick(rng, ['', '', str(int(rng.integers(2, 99)))])}"
