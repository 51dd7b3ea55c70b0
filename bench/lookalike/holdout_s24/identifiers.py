"""Invented identifiers for listings: foreign packages, AppIDs, certificates, developers, typosquats."""

from __future__ import annotations

import seeding

PKG_WORDS = [
    "kuaijie",
    "youqian",
    "jisu",
    "tool",
    "helper",
    "wallet",
    "cash",
    "life",
    "pocket",
    "smart",
    "super",
    "easy",
    "xiaobang",
    "duoduo",
    "xingxing",
    "qianbao",
    "jieqian",
    "daikuan",
    "licai",
    "fuli",
    "quan",
    "tianqi",
    "qingli",
    "jibu",
    "shouji",
    "app",
    "plus",
    "lite",
    "go",
    "hub",
    "mate",
    "box",
    "lab",
    "daily",
]
PKG_TOKENS = [
    "xinghe",
    "mili",
    "kuaicheng",
    "qingning",
    "lanjing",
    "xiaolu",
    "jiguang",
    "yida",
    "quwan",
    "lexiang",
    "zhixuan",
    "fengchao",
    "muyu",
    "feiyu",
    "chengzi",
    "youpin",
    "wanxiang",
    "tuzi",
    "yunqi",
    "haotian",
    "mingyue",
    "dongfeng",
    "xiaoqi",
    "qiyuan",
    "ruike",
]
CITIES = [
    "深圳市",
    "广州",
    "杭州",
    "成都",
    "武汉",
    "厦门",
    "南昌",
    "合肥",
    "长沙",
    "郑州",
    "西安",
    "福州",
    "济南",
    "昆明",
    "东莞",
    "佛山",
    "苏州",
    "无锡",
    "贵阳",
    "南宁",
    "海口",
    "石家庄",
    "太原",
    "兰州",
]
CO_WORDS = [
    "云启",
    "星河",
    "米粒",
    "快橙",
    "青柠",
    "蓝鲸",
    "小鹿",
    "极光",
    "易达",
    "趣玩",
    "乐享",
    "智选",
    "蜂巢",
    "木鱼",
    "飞鱼",
    "橙子",
    "优品",
    "万象",
    "兔子",
    "云栖",
    "浩天",
    "明月",
    "小七",
    "启元",
    "锐客",
    "丰禾",
    "青木",
    "麦田",
    "橘猫",
    "鲸落",
]
CO_TAILS = ["网络科技有限公司", "信息技术有限公司", "科技有限公司", "软件开发有限公司", "互联网服务有限公司"]
PERSONS = ["王磊", "李娜", "张伟", "刘洋", "陈静", "杨帆", "赵敏", "黄鑫", "周杰", "吴昊"]


def foreign_package(r) -> str:
    tok = r.choice(PKG_TOKENS)
    w = r.choice(PKG_WORDS)
    form = r.randrange(4)
    if form == 0:
        return f"com.{tok}.{w}"
    if form == 1:
        return f"cn.{tok}{r.randrange(2, 99)}.{w}"
    if form == 2:
        return f"com.{tok}.{w}.{r.choice(PKG_WORDS)}"
    return f"com.{w}{tok}.android"


def foreign_ios(r) -> str:
    return f"com.{r.choice(PKG_TOKENS)}.{r.choice(PKG_WORDS)}{r.choice(['', 'ios', 'app'])}"


def wx_appid(stream: str) -> str:
    return "wx" + seeding.hex_id(stream, 16)


def alipay_appid(stream: str) -> str:
    return "2021" + seeding.digits(stream, 12)


def gh_id(stream: str) -> str:
    return "gh_" + seeding.hex_id(stream, 12)


def cert(stream: str) -> str:
    return seeding.hex_id("foreign-cert/" + stream, 64)


def company(r) -> str:
    if r.random() < 0.08:
        return r.choice(PERSONS)
    return r.choice(CITIES) + r.choice(CO_WORDS) + r.choice(CO_TAILS)


def typosquat(pkg: str, r) -> tuple[str, str]:
    """A mistyped or padded copy of a package id and the trick used."""
    parts = pkg.split(".")
    i = 1 if len(parts) > 2 else len(parts) - 1
    tok = parts[i]
    how = r.choice(
        ["swap", "omit", "double", "homoglyph", "tld", "extra_segment", "separator", "suffix_word"]
    )
    if how == "swap" and len(tok) > 3:
        j = r.randrange(1, len(tok) - 2)
        tok = tok[:j] + tok[j + 1] + tok[j] + tok[j + 2 :]
    elif how == "omit" and len(tok) > 4:
        j = r.randrange(1, len(tok) - 1)
        tok = tok[:j] + tok[j + 1 :]
    elif how == "double":
        j = r.randrange(1, len(tok))
        tok = tok[:j] + tok[j] + tok[j:]
    elif how == "homoglyph" and any(c in tok for c in "iolm"):
        c = next(c for c in "iolm" if c in tok)
        tok = tok.replace(c, {"i": "l", "o": "0", "l": "1", "m": "rn"}[c], 1)
    elif how == "tld":
        parts[0] = {"com": "cn", "cn": "com"}.get(parts[0], "net")
    elif how == "extra_segment":
        parts.append(r.choice(["pro", "vip", "new", "v2", "plus"]))
    elif how == "separator" and len(tok) > 4:
        j = r.randrange(2, len(tok) - 1)
        tok = tok[:j] + r.choice(["_", "."]) + tok[j:]
    else:
        how = "suffix_word"
        tok = tok + r.choice(["vip", "app", "online", "hk"])
    parts[i] = tok
    return ".".join(parts), how
