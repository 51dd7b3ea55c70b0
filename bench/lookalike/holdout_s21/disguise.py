"""Disguised forms of an official name or brand keyword, and the normaliser the self-check uses to undo them."""

from __future__ import annotations

import random
import re
import unicodedata

SUFFIXES = [
    "官方版",
    "极速版",
    "贷款",
    "福利",
    "Pro",
    "助手",
    "客服",
    "服务中心",
    "手机版",
    "2025",
    "最新版",
    "官方正版",
    "App",
    "福利版",
    "借款",
    "提额",
    "积分兑换",
]
PREFIXES = ["官方", "新版", "正版", "【官方】"]
EMOJI = ["💰", "🎁", "🔥", "✅", "🏦", "💳", "🧧", "⭐"]
SEPARATORS = [" ", "\u3000", "·", "-", "_", "•", ".", "~"]
WRAPS = [("【", "】"), ("「", "」"), ("★", "★"), ("<", ">"), ("[", "]")]
ZERO_WIDTH = ["\u200b", "\u2060", "\u200c"]
LATIN_HOMO = {
    "I": ["l", "1", "Ι", "Ӏ"],
    "C": ["С", "Ϲ"],
    "B": ["В", "Β"],
    "M": ["М", "Μ"],
    "O": ["0", "О"],
    "A": ["А", "Α"],
    "E": ["Е", "Ε"],
    "P": ["Р", "Ρ"],
    "T": ["Т", "Τ"],
    "K": ["К", "Κ"],
    "H": ["Н", "Η"],
    "a": ["а"],
    "e": ["е"],
    "o": ["о", "0"],
    "p": ["р"],
    "c": ["с"],
    "i": ["і", "1"],
    "l": ["1", "I"],
    "y": ["у"],
    "x": ["х"],
}
# Latin look-alikes folded back by the self-check (on top of NFKC)
FOLD = {
    "Ι": "i",
    "Ӏ": "i",
    "С": "c",
    "Ϲ": "c",
    "В": "b",
    "Β": "b",
    "М": "m",
    "Μ": "m",
    "О": "o",
    "А": "a",
    "Α": "a",
    "Е": "e",
    "Ε": "e",
    "Р": "p",
    "Ρ": "p",
    "Т": "t",
    "Τ": "t",
    "К": "k",
    "Κ": "k",
    "Н": "h",
    "Η": "h",
    "а": "a",
    "е": "e",
    "о": "o",
    "р": "p",
    "с": "c",
    "і": "i",
    "у": "y",
    "х": "x",
}
# look-alike characters a person reads as the character (katakana, split forms, variants)
CJK_HOMO = {
    "工": ["エ"],
    "口": ["ロ"],
    "行": ["彳亍"],
    "国": ["囯"],
    "寿": ["夀"],
    "力": ["カ"],
    "二": ["ニ"],
    "八": ["ハ"],
    "夕": ["タ"],
    "商": ["啇"],
}
CJK_FOLD = {
    "エ": "工",
    "ロ": "口",
    "彳亍": "行",
    "囯": "国",
    "夀": "寿",
    "カ": "力",
    "ニ": "二",
    "ハ": "八",
    "タ": "夕",
    "啇": "商",
}
TRAD = {
    "银": "銀",
    "国": "國",
    "业": "業",
    "华": "華",
    "发": "發",
    "兴": "興",
    "宁": "寧",
    "苏": "蘇",
    "丰": "豐",
    "众": "眾",
    "网": "網",
    "寿": "壽",
    "险": "險",
    "证": "證",
    "云": "雲",
    "闪": "閃",
    "宝": "寶",
    "东": "東",
    "乐": "樂",
    "财": "財",
    "汇": "匯",
    "门": "門",
    "钱": "錢",
    "设": "設",
    "农": "農",
    "邮": "郵",
    "储": "儲",
    "广": "廣",
    "车": "車",
    "动": "動",
    "间": "間",
    "阳": "陽",
    "买": "買",
    "单": "單",
    "缤": "繽",
    "纷": "紛",
    "贷": "貸",
    "极": "極",
    "问": "問",
    "长": "長",
    "泰": "泰",
    "远": "遠",
    "户": "戶",
    "卫": "衛",
    "产": "產",
    "浦": "浦",
    "喜": "喜",
    "弘": "弘",
    "君": "君",
    "淘": "淘",
    "积": "積",
    "费": "費",
    "惠": "惠",
    "复": "復",
    "义": "義",
    "体": "體",
    "号": "號",
    "务": "務",
    "员": "員",
    "专": "專",
    "营": "營",
    "厅": "廳",
    "满": "滿",
    "万": "萬",
    "与": "與",
    "归": "歸",
    "团": "團",
    "渤": "渤",
    "联": "聯",
    "管": "管",
    "家": "家",
}
SIMP = {v: k for k, v in TRAD.items() if len(k) == 1 and k != v}


def _compat_map() -> dict[str, list[str]]:
    """Kangxi radicals and CJK compatibility ideographs that NFKC folds onto a common character."""
    m: dict[str, list[str]] = {}
    for lo, hi in ((0x2F00, 0x2FD5), (0xF900, 0xFAD9)):
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            n = unicodedata.normalize("NFKC", ch)
            if len(n) == 1 and n != ch:
                m.setdefault(n, []).append(ch)
    return m


COMPAT = _compat_map()


def to_trad(s: str) -> str:
    return "".join(TRAD.get(c, c) for c in s)


def fullwidth(s: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in s)


def disguise(kind: str, base: str, rng: random.Random, pinyin: str = "", trad: str = "") -> str:
    """One disguise of `base` (an official name or brand keyword)."""
    if kind == "suffix":
        return base + rng.choice(["", " ", "-"]) + rng.choice(SUFFIXES)
    if kind == "prefix":
        return rng.choice(PREFIXES) + base
    if kind == "emoji":
        e = rng.choice(EMOJI)
        pos = rng.randrange(3)
        if pos == 0:
            return e + base + e
        if pos == 1 and len(base) > 1:
            i = rng.randrange(1, len(base))
            return base[:i] + e + base[i:]
        return base + e + rng.choice(SUFFIXES)
    if kind == "spaces":
        return rng.choice([" ", "\u3000", "  "]).join(base)
    if kind == "symbols":
        if rng.random() < 0.5:
            a, b = rng.choice(WRAPS)
            return a + base + b + rng.choice(["", rng.choice(SUFFIXES)])
        return rng.choice(SEPARATORS[2:]).join(base)
    if kind == "zero_width":
        z = rng.choice(ZERO_WIDTH)
        return z.join(base)
    if kind == "homoglyph":
        chars = list(base)
        idx = [i for i, c in enumerate(chars) if c in LATIN_HOMO or c in CJK_HOMO or c in COMPAT]
        if not idx:
            raise ValueError(f"no homoglyph for {base}")
        for i in rng.sample(idx, min(len(idx), rng.choice([1, 1, 2]))):
            c = chars[i]
            pool = LATIN_HOMO.get(c) or CJK_HOMO.get(c) or COMPAT[c]
            chars[i] = rng.choice(pool)
        return "".join(chars)
    if kind == "fullwidth":
        return fullwidth(base) + rng.choice(["", "手机银行", "APP"])
    if kind == "traditional":
        return (trad or to_trad(base)) + rng.choice(["", "", "官方版", "手機版"])
    if kind == "pinyin":
        p = pinyin
        style = rng.randrange(4)
        if style == 0:
            return p.replace(" ", "")
        if style == 1:
            return " ".join(w.capitalize() for w in p.split())
        if style == 2:
            return p.replace(" ", "").upper()
        return "".join(w.capitalize() for w in p.split()) + rng.choice(["App", "Pro", ""])
    if kind == "exact":
        return base
    raise ValueError(kind)


_DROP = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff·•._\-~【】「」★<>\[\]()（）!！?？,，:：/|]+")


def normalise(s: str) -> str:
    """NFKC, fold look-alikes, traditional to simplified, drop spaces, marks and emoji, lower case."""
    s = "".join(FOLD.get(c, c) for c in s)
    s = unicodedata.normalize("NFKC", s)
    for k, v in CJK_FOLD.items():
        s = s.replace(k, v)
    s = "".join(FOLD.get(c, SIMP.get(c, c)) for c in s)
    s = _DROP.sub("", s)
    s = "".join(c for c in s if not unicodedata.category(c).startswith("S"))
    s = s.lower()
    return s.replace("1", "i").replace("l", "i").replace("0", "o")


def normalise_pinyin(s: str) -> str:
    return re.sub(r"[^a-z]", "", s.lower())
