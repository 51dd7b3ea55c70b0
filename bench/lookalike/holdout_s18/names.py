"""Name disguises (each returns (new_name, params) or None when the base does not allow it)."""
import data

FULLWIDTH = {chr(c): chr(c + 0xFEE0) for c in range(0x21, 0x7F)}


def suffix(base, rng):
    s = rng.choice(data.SUFFIXES)
    sep = rng.choice(["", "", "-", " ", "（"])
    name = base + sep + s + ("）" if sep == "（" else "")
    return name, {"suffix": s, "sep": sep}


def emoji(base, rng):
    e = rng.choice(data.EMOJIS)
    where = rng.choice(["start", "end", "middle", "both"])
    if where == "start":
        name = e + base
    elif where == "end":
        name = base + e
    elif where == "middle" and len(base) >= 2:
        i = len(base) // 2
        name = base[:i] + e + base[i:]
    else:
        e2 = rng.choice(data.EMOJIS)
        name = e + base + e2
        where = "both"
    return name, {"emoji": e, "where": where}


def doubled(base, rng):
    idx = [i for i, c in enumerate(base) if not c.isascii()]
    if not idx:
        return None
    i = rng.choice(idx)
    return base[:i + 1] + base[i] + base[i + 1:], {"doubled_index": i, "char": base[i]}


def homophone(base, rng):
    idx = [i for i, c in enumerate(base) if c in data.HOMOPHONES]
    if not idx:
        return None
    i = rng.choice(idx)
    return base[:i] + data.HOMOPHONES[base[i]] + base[i + 1:], {"index": i, "from": base[i],
                                                                 "to": data.HOMOPHONES[base[i]]}


def traditional(base, rng):
    out = "".join(data.TRAD.get(c, c) for c in base)
    if out == base:
        return None
    return out, {"converted": sum(1 for a, b in zip(base, out, strict=False) if a != b)}


def pinyin(base, rng):
    if not all(c in data.PINYIN for c in base) or len(base) < 2:
        return None
    syl = [data.PINYIN[c] for c in base]
    style = rng.choice(["camel", "lower", "spaced", "half", "upper_half"])
    if style == "camel":
        name = "".join(s.capitalize() for s in syl)
    elif style == "lower":
        name = "".join(syl)
    elif style == "spaced":
        name = " ".join(s.capitalize() for s in syl)
    elif style == "half":
        k = len(base) // 2
        name = base[:k] + "".join(s.capitalize() for s in syl[k:])
    else:
        k = len(base) // 2
        name = "".join(syl[:k]).upper() + base[k:]
    return name, {"style": style}


def spaced(base, rng):
    has_ascii = any(c.isascii() and c.isalpha() for c in base)
    style = rng.choice(["space", "dot", "zwsp", "middot", "fullwidth"] if has_ascii else
                       ["space", "dot", "zwsp", "middot", "space_one"])
    if style == "fullwidth":
        name = "".join(FULLWIDTH.get(c, c) for c in base)
    elif style == "space":
        name = " ".join(base)
    elif style == "space_one":
        i = rng.randrange(1, len(base))
        name = base[:i] + " " + base[i:]
    elif style == "dot":
        name = ".".join(base)
    elif style == "middot":
        name = "·".join(base)
    else:
        i = rng.randrange(1, len(base))
        name = base[:i] + "\u200b" + base[i:]
    return name, {"style": style}


DISGUISES = {"name_suffix": suffix, "name_emoji": emoji, "name_doubled": doubled, "name_homophone": homophone,
             "name_traditional": traditional, "name_pinyin": pinyin, "name_spaced": spaced}


def norm(s):
    """Normalisation used only by this builder's own assertions (not by any detector)."""
    s = "".join(FULLWIDTH_REV.get(c, c) for c in s)
    return "".join(c for c in s if not c.isspace() and c not in "\u200b·.-_").lower()


FULLWIDTH_REV = {v: k for k, v in FULLWIDTH.items()}
