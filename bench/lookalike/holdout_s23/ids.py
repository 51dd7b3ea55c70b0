"""Seeded random streams and invented identifiers: packages, AppIDs, gh_ ids, certificates, file names."""

from __future__ import annotations

import random

import numpy as np

SEED = 2323
HEX = "0123456789abcdef"

# syllables for invented package words (pinyin-like, as Chinese developers name their packages)
SYLLABLES = [
    "an", "bao", "bei", "bo", "cai", "chen", "da", "dian", "duo", "fan", "feng", "fu", "gao", "guo", "hai",
    "hao", "he", "hong", "hua", "hui", "jia", "jie", "jin", "jing", "kai", "kang", "le", "li", "lian",
    "long", "lu", "mei", "ming", "mu", "ning", "pin", "qi", "qian", "qing", "rui", "sen", "shan", "shun",
    "tian", "tong", "wan", "wei", "wen", "xi", "xin", "xing", "xun", "ya", "yi", "you", "yu", "yuan",
    "yun", "ze", "zhi", "zhou", "zi",
]
EN_WORDS = [
    "app", "mobile", "client", "tool", "pro", "lite", "plus", "go", "box", "hub", "pay", "cash", "wallet",
    "note", "daily", "smart", "easy", "fast", "cloud", "star", "sun", "link",
]


def stream(name: str) -> random.Random:
    """The random stream called `name`: random.Random(f"2323-{name}")."""
    return random.Random(f"{SEED}-{name}")


def np_stream(name: str) -> np.random.Generator:
    """A numpy generator seeded from the stream called `name`."""
    return np.random.default_rng(stream(name).getrandbits(64))


def hex_digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice(HEX) for _ in range(n))


def new_cert(rng: random.Random) -> str:
    return hex_digits(rng, 64)


def cert_text(cert: str, style: str) -> str:
    """A certificate digest as a feed writes it: plain lower case, upper case or colon pairs."""
    if style == "colon":
        return ":".join(cert[i:i + 2] for i in range(0, 64, 2)).upper()
    if style == "upper":
        return cert.upper()
    return cert


def cert_style(rng: random.Random) -> str:
    return rng.choices(["plain", "upper", "colon"], weights=[70, 12, 18])[0]


def norm_cert(text: str | None) -> str | None:
    if not text:
        return None
    return text.replace(":", "").strip().lower()


def wechat_appid(rng: random.Random) -> str:
    return "wx" + hex_digits(rng, 16)


def alipay_appid(rng: random.Random) -> str:
    return "2021" + "".join(rng.choice("0123456789") for _ in range(12))


def gh_id(rng: random.Random) -> str:
    return "gh_" + hex_digits(rng, 12)


def word(rng: random.Random, lo: int = 1, hi: int = 3) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(lo, hi)))


def random_package(rng: random.Random) -> str:
    tld = rng.choices(["com", "cn", "net", "io", "top"], weights=[70, 12, 8, 5, 5])[0]
    parts = [tld, word(rng, 1, 3)]
    parts.append(rng.choice(EN_WORDS) if rng.random() < 0.35 else word(rng, 1, 2))
    if rng.random() < 0.3:
        parts.append(rng.choice(EN_WORDS))
    return ".".join(parts)


def digits(rng: random.Random, n: int) -> str:
    return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(n - 1))
