"""Name copies as counterfeiters write them: suffixes, emoji, doubled characters, homoglyphs, traditional
characters, pinyin, separators, English and full-width forms, abbreviations with generic words."""

from __future__ import annotations

from opencc import OpenCC
from pypinyin import lazy_pinyin

SUFFIXES = [
    "官方版",
    "极速版",
    "贷款",
    "福利",
    "专业版",
    "最新版",
    "手机版",
    "助手",
    "客户端",
    "Pro",
    "2025",
    "分期",
    "借款",
    "领券",
    "提额",
    "积分商城",
    "极速贷",
    "官方正版",
    "安全版",
    "福利版",
]
PREFIXES = ["官方", "新版", "正版", "全新"]
EMOJI = ["💰", "🔥", "✅", "🏦", "💳", "🎁", "⭐", "🧧"]
GENERIC_TAILS = ["e贷", "快贷助手", "分期宝", "钱包", "借呗助手", "积分兑换", "提额神器", "理财通"]
# visually confusable replacements (Kangxi radicals, compatibility ideographs, katakana, variants, look-alikes)
HOMOGLYPHS = {
    "工": ["⼯", "エ"],
    "人": ["⼈"],
    "大": ["⼤"],
    "口": ["⼝", "ロ"],
    "日": ["⽇"],
    "金": ["⾦"],
    "行": ["⾏", "行", "彳亍"],
    "生": ["⽣"],
    "民": ["⺠"],
    "长": ["⻓"],
    "车": ["⻋"],
    "国": ["囯"],
    "商": ["啇"],
    "平": ["乎"],
    "太": ["大"],
    "海": ["海"],
    "京": ["亰"],
    "银": ["锒", "钅艮"],
    "子": ["⼦"],
    "山": ["⼭"],
    "心": ["⼼"],
    "业": ["亚"],
    "光": ["尧"],
    "东": ["东"],
    "安": ["按"],
    "保": ["堡"],
    "建": ["健"],
    "通": ["诵"],
    "发": ["友"],
    "信": ["倍"],
}
LATIN_HOMOGLYPHS = {
    "O": "0",
    "I": "l",
    "C": "С",
    "B": "В",
    "A": "А",
    "M": "М",
    "P": "Р",
    "E": "Е",
    "H": "Н",
    "T": "Т",
    "i": "1",
    "o": "0",
    "a": "а",
    "e": "е",
    "c": "с",
}
_S2T = OpenCC("s2t")


def suffix(base, r):
    s = r.choice(SUFFIXES)
    sep = r.choice(["", "", "-", " "])
    return base + sep + s, {"suffix": s}


def prefix(base, r):
    p = r.choice(PREFIXES)
    return p + base, {"prefix": p}


def emoji(base, r):
    e = r.choice(EMOJI)
    where = r.choice(["before", "after", "inside"])
    if where == "before":
        out = e + base
    elif where == "after":
        out = base + e
    else:
        k = max(1, len(base) // 2)
        out = base[:k] + e + base[k:]
    return out, {"emoji": e, "where": where}


def doubled(base, r):
    i = r.randrange(len(base))
    return base[: i + 1] + base[i:], {"doubled": base[i]}


def homoglyph(base, r):
    idx = [i for i, c in enumerate(base) if c in HOMOGLYPHS]
    out = list(base)
    if idx:
        picks = r.sample(idx, min(len(idx), r.choice([1, 1, 2])))
        swaps = {}
        for i in picks:
            out[i] = r.choice(HOMOGLYPHS[base[i]])
            swaps[base[i]] = out[i]
        return "".join(out), {"swaps": swaps}
    idx = [i for i, c in enumerate(base) if c in LATIN_HOMOGLYPHS]
    i = r.choice(idx)
    out[i] = LATIN_HOMOGLYPHS[base[i]]
    return "".join(out), {"swaps": {base[i]: out[i]}}


def can_homoglyph(base: str) -> bool:
    return any(c in HOMOGLYPHS or c in LATIN_HOMOGLYPHS for c in base)


def traditional(base, r):
    t = _S2T.convert(base)
    extra = r.choice(["", "", "官方", "APP"])
    return t + extra, {"traditional": t, "extra": extra}


def can_traditional(base: str) -> bool:
    return _S2T.convert(base) != base


def _syllables(base: str) -> list:
    """Pinyin per character; 行 in these names is always read hang (as in 银行)."""
    syl = lazy_pinyin(base)
    if len(syl) != len(base):
        syl = [lazy_pinyin(c)[0] for c in base]
    return ["hang" if c == "行" else s for c, s in zip(base, syl, strict=True)]


def pinyin(base, r):
    syl = _syllables(base)
    form = r.choice(["camel", "spaced", "initials", "mixed"])
    if form == "camel":
        out = "".join(s.capitalize() for s in syl)
    elif form == "spaced":
        out = " ".join(syl)
    elif form == "initials":
        out = "".join(x[0] for x in syl).upper() + r.choice(["", "手机银行", " APP"])
    else:
        k = max(1, len(base) // 2)
        out = base[:k] + "".join(syl[k:])
    return out, {"form": form}


def spaced(base, r):
    how = r.choice(["space", "dot", "zwsp", "brackets", "hyphen"])
    if how == "space":
        out = " ".join(base)
    elif how == "dot":
        out = "·".join(base)
    elif how == "zwsp":
        k = max(1, len(base) // 2)
        out = base[:k] + "\u200b" + base[k:]
    elif how == "brackets":
        out = r.choice(["【{}】", "「{}」", "《{}》"]).format(base)
    else:
        k = max(1, len(base) // 2)
        out = base[:k] + "-" + base[k:]
    return out, {"how": how}


def fullwidth(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def english(en_short: str, r):
    form = r.choice(["plain", "fullwidth", "mobile", "pro"])
    if form == "fullwidth":
        return fullwidth(en_short), {"form": form}
    if form == "mobile":
        return en_short + r.choice([" Mobile", " Bank", " App", "手机银行"]), {"form": form}
    if form == "pro":
        return en_short + " Pro", {"form": form}
    return en_short, {"form": form}


def abbreviation(short_kw: str, r):
    tail = r.choice(GENERIC_TAILS)
    return short_kw + tail, {"tail": tail}


MUTATIONS = {
    "suffix": suffix,
    "prefix": prefix,
    "emoji": emoji,
    "doubled": doubled,
    "homoglyph": homoglyph,
    "traditional": traditional,
    "pinyin": pinyin,
    "spaced": spaced,
}
