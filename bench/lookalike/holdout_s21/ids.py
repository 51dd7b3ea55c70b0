"""Invented identifiers: package ids, bundle ids, AppIDs, account ids, certificates, file names."""

from __future__ import annotations

import random

BANK_WORDS = ["mbank", "mobilebank", "client", "android", "pbank", "mbs", "portal"]
APP_WORDS = {
    "life": ["life", "elife", "shenghuo"],
    "card": ["card", "xyk", "creditcard", "cardspace"],
    "elife": ["elife", "ebuy", "shenghuo"],
    "mdb": ["maidanba", "mdb", "creditlife"],
    "wx": ["wx"],
}
VENDOR_WORDS = [
    "yunfan",
    "kuaile",
    "xinghe",
    "tianqi",
    "jizhang",
    "mingri",
    "haoyun",
    "xiaomai",
    "shanhu",
    "lanmao",
    "qingfeng",
    "baixing",
    "feiyu",
    "dongfang",
    "jinqiu",
    "yiqi",
    "lehuo",
    "zhiyun",
    "youxuan",
    "huoban",
    "dayu",
    "xiaozhu",
    "mofang",
    "chengzi",
    "tuzi",
    "shuimu",
    "lvye",
    "jiuzhou",
    "hongri",
    "beike",
]
APP_TAILS = [
    "app",
    "pro",
    "lite",
    "tool",
    "helper",
    "client",
    "android",
    "mobile",
    "free",
    "plus",
    "hd",
    "go",
    "note",
    "calc",
    "weather",
    "video",
    "music",
    "reader",
    "game",
    "camera",
    "wallet",
    "loan",
    "cash",
]
CITIES = [
    "杭州",
    "深圳",
    "广州",
    "成都",
    "武汉",
    "南京",
    "厦门",
    "长沙",
    "合肥",
    "西安",
    "苏州",
    "郑州",
    "济南",
    "青岛",
    "福州",
    "昆明",
    "重庆",
    "天津",
    "沈阳",
    "大连",
]
FIRM_WORDS = [
    "云帆",
    "星河",
    "乐享",
    "青禾",
    "万象",
    "启明",
    "飞鱼",
    "橙子",
    "知行",
    "蓝鲸",
    "拾光",
    "繁星",
    "小满",
    "有光",
    "木棉",
    "远山",
    "点点",
    "微光",
    "好运来",
    "聚力",
    "百川",
    "嘉禾",
    "闪电",
    "立方",
]
FIRM_KINDS = [
    "网络科技有限公司",
    "信息技术有限公司",
    "软件有限公司",
    "科技有限公司",
    "互联网科技有限公司",
    "数字科技有限公司",
    "文化传媒有限公司",
]
EN_FIRMS = [
    "Bluefin Apps Ltd.",
    "Orange Pixel Studio",
    "Sunny Day Software",
    "Greenleaf Labs",
    "Moonlit Games",
    "Tiny Tools Inc.",
    "Happy Panda Studio",
    "Nimbus Soft",
    "Riverstone Apps",
    "Firefly Mobile",
]


def _hex(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(n))


def cert_hex(rng: random.Random) -> str:
    return _hex(rng, 64)


def wx_appid(rng: random.Random) -> str:
    return "wx" + _hex(rng, 16)


def gh_id(rng: random.Random) -> str:
    return "gh_" + _hex(rng, 12)


def alipay_appid(rng: random.Random) -> str:
    return "20" + str(rng.choice([19, 20, 21, 22, 23])) + "".join(rng.choice("0123456789") for _ in range(12))


def _word(rng: random.Random, stem: str) -> str:
    if stem == "mb":
        return rng.choice(BANK_WORDS)
    if stem == "app":
        return rng.choice(["app", "client", "mobile", "android"])
    return rng.choice(APP_WORDS.get(stem, [stem, stem + "app", "client"]))


def package_id(rng: random.Random, key: str, stem: str) -> str:
    w = _word(rng, stem)
    pat = rng.randrange(4)
    if pat == 0:
        return f"com.{key}.{w}"
    if pat == 1:
        return f"cn.com.{key}.{w}"
    if pat == 2:
        return f"com.{key}.android.{w}"
    return f"com.{key}{rng.choice(['bank', 'fin', 'group', 'app'])}.{w}"


def bundle_id(rng: random.Random, key: str, stem: str) -> str:
    w = _word(rng, stem)
    return rng.choice([f"com.{key}.{w}.iphone", f"cn.{key}.{w}ios", f"com.{key}.ios.{w}"])


def harmony_id(rng: random.Random, key: str, stem: str) -> str:
    w = _word(rng, stem)
    return rng.choice([f"com.{key}.hm.{w}", f"cn.{key}.harmony.{w}", f"com.{key}.{w}.hmos"])


def random_package(rng: random.Random) -> str:
    return (
        f"{rng.choice(['com', 'com', 'cn', 'net', 'io'])}.{rng.choice(VENDOR_WORDS)}.{rng.choice(APP_TAILS)}"
    )


def random_bundle(rng: random.Random) -> str:
    return f"com.{rng.choice(VENDOR_WORDS)}.{rng.choice(APP_TAILS)}{rng.choice(['', 'app', 'ios', str(rng.randrange(2, 9))])}"


def random_developer(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(EN_FIRMS)
    return rng.choice(CITIES) + rng.choice(FIRM_WORDS) + rng.choice(FIRM_KINDS)


def cert_style(rng: random.Random, c: str) -> str:
    """The same certificate written the way some feed writes it: case, colons, surrounding spaces."""
    k = rng.randrange(6)
    if k == 0:
        return c.upper()
    if k == 1:
        return ":".join(c[i : i + 2] for i in range(0, 64, 2)).upper()
    if k == 2:
        return ":".join(c[i : i + 2] for i in range(0, 64, 2))
    if k == 3 and rng.random() < 0.3:
        return " " + c.upper() + " "
    return c


def file_name(rng: random.Random, ext: str, taken: set[str]) -> str:
    while True:
        n = _hex(rng, rng.choice([10, 12, 16]))
        if n not in taken:
            taken.add(n)
            return f"{n}.{ext}"
