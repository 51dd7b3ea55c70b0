"""Name and package deformations used by counterfeiters, written for the independent set."""

from __future__ import annotations

import random

import opencc
from pypinyin import Style, lazy_pinyin
from vocab import EMOJI, INSURANCE_SUFFIXES, PREFIXES, SOUND, SPACERS, SUFFIXES, VISUAL

_S2T = opencc.OpenCC("s2t")
_S2HK = opencc.OpenCC("s2hk")


def added_words(name: str, rng: random.Random, insurance: bool = False) -> str:
    pool = SUFFIXES + (INSURANCE_SUFFIXES * 3 if insurance else ())
    style = rng.random()
    if style < 0.55:
        return name + rng.choice(("", "", "-", " ", "·")) + rng.choice(pool)
    if style < 0.8:
        return rng.choice(PREFIXES) + name
    return rng.choice(PREFIXES) + name + rng.choice(pool)


def emoji(name: str, rng: random.Random) -> str:
    a, b = rng.choice(EMOJI), rng.choice(EMOJI)
    style = rng.random()
    if style < 0.35:
        return a + name + b
    if style < 0.6:
        return name + a + b
    if style < 0.8:
        cut = rng.randint(1, len(name) - 1)
        return name[:cut] + a + name[cut:]
    return a + rng.choice(("你好", "我的", "官方", "")) + name + b


def doubled(name: str, rng: random.Random) -> str:
    i = rng.randint(1, len(name) - 1) if len(name) > 1 else 0
    return name[: i + 1] + name[i] + name[i + 1 :]


def traditional(name: str, rng: random.Random) -> str:
    converted = (_S2HK if rng.random() < 0.3 else _S2T).convert(name)
    if rng.random() < 0.3:  # only part of the name converted, as hand-typed names are
        cut = rng.randint(1, len(name) - 1)
        converted = converted[:cut] + name[cut:]
    return converted


def pinyin(name: str, rng: random.Random) -> str:
    syllables = lazy_pinyin(name, style=Style.NORMAL)
    style = rng.random()
    if style < 0.35:
        return "".join(syllables)
    if style < 0.55:
        return " ".join(s.capitalize() for s in syllables)
    if style < 0.75:
        half = max(1, len(name) // 2)
        return name[:half] + "".join(lazy_pinyin(name[half:]))
    if style < 0.9:
        return "".join(s[0] for s in syllables).upper() + rng.choice(("", " app", "手机银行", "贷款"))
    return "".join(syllables) + rng.choice((".apk", " app", "V5"))


def spacing(name: str, rng: random.Random) -> str:
    sep = rng.choice(SPACERS)
    if rng.random() < 0.5:
        return sep.join(name)
    cut = rng.randint(1, len(name) - 1)
    return name[:cut] + sep + name[cut:]


def _swap_one(name: str, table: dict[str, str], rng: random.Random) -> str | None:
    positions = [i for i, ch in enumerate(name) if ch in table]
    if not positions:
        return None
    i = rng.choice(positions)
    return name[:i] + rng.choice(table[name[i]]) + name[i + 1 :]


def visual(name: str, rng: random.Random) -> str | None:
    return _swap_one(name, VISUAL, rng)


def sound(name: str, rng: random.Random) -> str | None:
    return _swap_one(name, SOUND, rng)


def omission(name: str, rng: random.Random) -> str | None:
    if len(name) < 4:
        return None
    i = rng.randint(1, len(name) - 2)
    return name[:i] + name[i + 1 :]


def combined(name: str, rng: random.Random, insurance: bool) -> str:
    out = name
    for step in rng.sample(("spacing", "emoji", "added", "traditional", "doubled"), 2):
        if step == "spacing":
            out = spacing(out, rng)
        elif step == "emoji":
            out = emoji(out, rng)
        elif step == "added":
            out = added_words(out, rng, insurance)
        elif step == "traditional":
            out = _S2T.convert(out)
        else:
            out = doubled(out, rng)
    return out


# ---------------------------------------------------------------- package ids

_LOOKALIKE = {"l": "1", "o": "0", "i": "l", "m": "rn", "b": "6", "s": "5", "e": "3", "g": "q", "a": "4"}


def _edit_token(token: str, rng: random.Random) -> str:
    if len(token) < 3:
        return token + rng.choice("sx")
    i = rng.randint(0, len(token) - 2)
    how = rng.choice(("transpose", "substitute", "insert", "omit", "double", "lookalike"))
    if how == "transpose":
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :]
    if how == "substitute":
        return token[:i] + rng.choice("abcdeimnprstuvx".replace(token[i], "")) + token[i + 1 :]
    if how == "insert":
        return token[:i] + rng.choice("aeimnsd") + token[i:]
    if how == "omit":
        return token[:i] + token[i + 1 :]
    if how == "double":
        return token[: i + 1] + token[i] + token[i + 1 :]
    options = [j for j, ch in enumerate(token) if ch in _LOOKALIKE]
    if not options:
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :]
    j = rng.choice(options)
    return token[:j] + _LOOKALIKE[token[j]] + token[j + 1 :]


GENERIC_TOKENS = {
    "com",
    "cn",
    "android",
    "mobile",
    "app",
    "mbank",
    "bank",
    "client",
    "phone",
    "main",
    "net",
    "www",
}


def typo_package(package: str, rng: random.Random) -> str:
    """One distinctive token edited, or brand tokens re-framed (added token, prefix, separators)."""
    parts = package.split(".")
    distinctive = [i for i, p in enumerate(parts) if p.lower() not in GENERIC_TOKENS] or [len(parts) - 1]
    style = rng.random()
    if style < 0.6:
        i = rng.choice(distinctive)
        for _ in range(5):
            edited = _edit_token(parts[i], rng)
            if edited != parts[i]:
                parts[i] = edited
                break
        return ".".join(parts)
    if style < 0.8:
        return (
            package
            + "."
            + rng.choice(("loan", "vip", "plus", "pro", "new", "fast", "daikuan", "jifen", "app2", "hd"))
        )
    if style < 0.9:
        return (
            rng.choice(("cn.", "com.", "net.", "io."))
            + ".".join(parts[1:])
            + rng.choice(("", "s", "1", "2024"))
        )
    return package.replace(".", rng.choice(("_", "", ".m.")), 1)


def _within_one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diffs = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diffs) <= 1 or (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and a[diffs[0]] == b[diffs[1]]
            and a[diffs[1]] == b[diffs[0]]
        )
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def near_brand_token(package: str, brand_tokens: set[str]) -> bool:
    """True when a token of package equals, contains or is one edit from a distinctive protected token
    (an unrelated app must not carry a typo-squat by accident)."""
    for token in package.lower().split("."):
        for brand in brand_tokens:
            if len(brand) >= 3 and (brand in token or _within_one_edit(token, brand)):
                return True
    return False


def brand_tokens_of(packages) -> set[str]:
    return {t.lower() for pkg in packages for t in pkg.split(".") if t.lower() not in GENERIC_TOKENS}


def random_package(rng: random.Random, avoid: set[str] | None = None) -> str:
    for _ in range(50):
        package = _random_package(rng)
        if not avoid or not near_brand_token(package, avoid):
            return package
    raise RuntimeError("could not draw a package id away from the protected brands")


def _random_package(rng: random.Random) -> str:
    syll = (
        "lede",
        "kuai",
        "xin",
        "jin",
        "rong",
        "dai",
        "qian",
        "bao",
        "hui",
        "fu",
        "yin",
        "tong",
        "le",
        "an",
        "da",
        "sheng",
        "yun",
        "fei",
        "hua",
        "ming",
    )
    head = rng.choice(("com", "com", "cn", "net", "io", "org"))
    mid = "".join(rng.sample(syll, rng.randint(1, 2)))
    tail = rng.choice(("", ".app", ".android", ".mobile", ".client", ".loan", "." + rng.choice(syll)))
    return f"{head}.{mid}{tail}"


def wechat_appid(rng: random.Random) -> str:
    return "wx" + "".join(rng.choice("0123456789abcdef") for _ in range(16))


def official_account_id(rng: random.Random) -> str:
    return "gh_" + "".join(rng.choice("0123456789abcdef") for _ in range(12))


def alipay_appid(rng: random.Random) -> str:
    return "20" + str(rng.randint(19, 24)) + "".join(rng.choice("0123456789") for _ in range(12))
