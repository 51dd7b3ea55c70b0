"""Seeded random streams and invented identifiers (certificates, packages, mini-program ids, file names)."""

from __future__ import annotations

import random

SEED = 2222


def stream(name: str) -> random.Random:
    """Every random stream of the build: random.Random(f"2222-{name}")."""
    return random.Random(f"{SEED}-{name}")


def cert(rng: random.Random) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(64))


def cert_display(hexstr: str, rng: random.Random) -> str:
    """The same certificate as a store might print it (upper case with colons, or plain)."""
    r = rng.random()
    if r < 0.12:
        return ":".join(hexstr[i:i + 2] for i in range(0, 64, 2)).upper()
    if r < 0.24:
        return hexstr.upper()
    return hexstr


def wx_appid(rng: random.Random) -> str:
    return "wx" + "".join(rng.choice("0123456789abcdef") for _ in range(16))


def alipay_appid(rng: random.Random) -> str:
    return "2021" + "".join(rng.choice("0123456789") for _ in range(12))


def gh_id(rng: random.Random) -> str:
    return "gh_" + "".join(rng.choice("0123456789abcdef") for _ in range(12))


SYLLABLES = ["ka", "lo", "mi", "zen", "tu", "bo", "xin", "yun", "pai", "duo", "le", "qi", "fang", "hui", "tong",
             "jia", "ming", "rui", "sheng", "da", "wei", "an", "kuai", "bei", "hao", "yi", "lian", "bao", "feng"]
TLDS = ["com", "cn", "net", "top", "io"]
WORDS = ["wallet", "pay", "life", "assist", "helper", "tool", "cash", "money", "finance", "lite", "pro", "box",
         "note", "bill", "card", "loan", "fast", "easy", "daily", "plus", "go", "hub", "mate", "smart", "cloud"]


def random_word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts))


def random_package(rng: random.Random) -> str:
    first = rng.choice(["com", "com", "cn", "net", "top", "io.github"])
    return f"{first}.{random_word(rng, rng.choice([2, 3]))}.{rng.choice(WORDS)}{rng.choice(['', '', str(rng.randint(1, 99))])}"


CITIES = ["深圳", "广州", "杭州", "成都", "武汉", "厦门", "长沙", "郑州", "合肥", "南昌", "西安", "济南", "福州", "昆明",
          "南宁", "石家庄", "太原", "贵阳", "海口", "东莞", "佛山", "温州", "泉州", "无锡"]
FIRMS = ["云帆", "易达", "星辰", "智汇", "恒信", "聚财", "乐享", "优品", "快点", "鑫源", "博远", "天启", "九州",
         "掌中", "小蜜蜂", "蓝海", "金石", "橙子", "米粒", "青柠", "启航", "万象", "新禾", "瑞丰"]
FIRM_TAILS = ["科技有限公司", "网络科技有限公司", "信息技术有限公司", "软件有限公司", "数字科技有限公司",
              "网络技术有限公司", "电子商务有限公司"]
EN_DEVS = ["Lucky Star Studio", "Mobile Tools Inc.", "Happy Dev Ltd", "Sunrise Apps", "BlueOcean Soft",
           "Pocket Labs", "Golden Tree Technology", "Fast Money Apps", "Daily Helper Studio", "OneTap Ltd"]


def random_developer(rng: random.Random) -> str:
    if rng.random() < 0.15:
        return rng.choice(EN_DEVS)
    return rng.choice(CITIES) + "市" + rng.choice(FIRMS) + rng.choice(FIRM_TAILS)


def random_domain(rng: random.Random) -> str:
    return f"{random_word(rng, rng.choice([2, 3]))}{rng.choice(['', '', str(rng.randint(1, 999))])}.{rng.choice(TLDS)}"


def date(rng: random.Random) -> str:
    y = rng.choice([2024, 2025, 2025])
    m = rng.randint(1, 12)
    d = rng.randint(1, 28)
    return f"{y:04d}-{m:02d}-{d:02d}"


def file_name(rng: random.Random, taken: set[str]) -> str:
    while True:
        n = "".join(rng.choice("0123456789abcdefghijklmnopqrstuvwxyz") for _ in range(14))
        if n not in taken:
            taken.add(n)
            return n


def typo_package(pkg: str, rng: random.Random) -> tuple[str, str]:
    """A typo-squatted form of a package id and the kind of typo."""
    kinds = ["swap_adjacent", "double_letter", "drop_letter", "homoglyph", "suffix", "tld_swap", "insert_dot",
             "hyphen"]
    for _ in range(30):
        kind = rng.choice(kinds)
        parts = pkg.split(".")
        i = rng.randrange(1, len(parts))
        seg = parts[i]
        if kind == "swap_adjacent" and len(seg) > 2:
            j = rng.randrange(len(seg) - 1)
            seg = seg[:j] + seg[j + 1] + seg[j] + seg[j + 2:]
        elif kind == "double_letter":
            j = rng.randrange(len(seg))
            seg = seg[:j] + seg[j] + seg[j:]
        elif kind == "drop_letter" and len(seg) > 3:
            j = rng.randrange(len(seg))
            seg = seg[:j] + seg[j + 1:]
        elif kind == "homoglyph":
            table = {"i": "l", "l": "1", "o": "0", "m": "rn", "b": "d", "c": "e", "n": "m", "a": "e", "e": "c"}
            cand = [j for j, ch in enumerate(seg) if ch in table]
            if not cand:
                continue
            j = rng.choice(cand)
            seg = seg[:j] + table[seg[j]] + seg[j + 1:]
        elif kind == "suffix":
            seg = seg + rng.choice(["app", "pro", "2", "new", "plus", "hd", "x"])
        elif kind == "tld_swap":
            if parts[0] == "com":
                parts[0] = "cn"
            elif parts[0] == "cn":
                parts[0] = "com"
            else:
                continue
            out = ".".join(parts)
            if out != pkg:
                return out, kind
            continue
        elif kind == "insert_dot" and len(seg) > 3:
            j = rng.randrange(1, len(seg) - 1)
            seg = seg[:j] + "." + seg[j:]
        elif kind == "hyphen" and len(seg) > 3:
            j = rng.randrange(1, len(seg) - 1)
            seg = seg[:j] + "_" + seg[j:]
        else:
            continue
        parts[i] = seg
        out = ".".join(parts)
        if out != pkg:
            return out, kind
    return pkg + "x", "suffix"
