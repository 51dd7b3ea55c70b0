"""Pinyin of names for sound-alike (homophone) detection, with pypinyin.

Syllables are toneless and "fuzzy" (zh/z, ch/c, sh/s, l/n, -ang/-an, -eng/-en, -ing/-in are merged),
so near-homophones that many southern speakers do not distinguish count as sound-alikes too.
Per-character results are cached: after warm-up a name's syllables cost one dict lookup per character.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin, pinyin

from .normalize import is_cjk


def fuzzy_syllable(syllable: str) -> str:
    s = syllable
    if s[:2] in ("zh", "ch", "sh"):
        s = s[0] + s[2:]
    elif s[:1] == "l":
        s = "n" + s[1:]
    if s.endswith("ng") and s[-3:-2] in ("a", "e", "i"):
        s = s[:-1]
    return s


class _Readings(dict):
    """char → frozenset of fuzzy toneless syllables (all heteronym readings)."""

    def __missing__(self, ch: str) -> frozenset[str]:
        if is_cjk(ch):
            found = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
            value = frozenset(fuzzy_syllable(s) for s in (found[0] if found else ()) if s)
        else:
            value = frozenset()
        self[ch] = value
        return value


class _DefaultSyllable(dict):
    """char → its most common fuzzy syllable (the character itself if it has no pinyin)."""

    def __missing__(self, ch: str) -> str:
        if is_cjk(ch):
            found = lazy_pinyin(ch, style=Style.NORMAL, errors="ignore")
            value = fuzzy_syllable(found[0]) if found else ch
        else:
            value = ch
        self[ch] = value
        return value


READINGS = _Readings()
DEFAULT_SYLLABLE = _DefaultSyllable()


def char_syllables(text: str) -> list[str]:
    """Default fuzzy syllable of every character (fast, context-free)."""
    table = DEFAULT_SYLLABLE
    return [table[ch] for ch in text]


def phrase_syllables(text: str) -> list[str]:
    """Context-aware fuzzy syllables (银行 → yin han, not yin xin); one entry per character."""
    return list(_phrase_syllables(text))


@lru_cache(maxsize=65536)  # a feed repeats names (one app in many stores); pypinyin is the slow part
def _phrase_syllables(text: str) -> tuple[str, ...]:
    out: list[str] = []
    for item in lazy_pinyin(text, style=Style.NORMAL, errors=lambda chars: list(chars)):
        out.append(fuzzy_syllable(item) if item.isalpha() and item.isascii() and len(item) > 1 else item)
    if len(out) != len(text):  # pypinyin merges nothing for CJK, but be safe with odd input
        return tuple(char_syllables(text))
    return tuple(out)


def homophone(a: str, b: str) -> bool:
    """True when two different characters share a (fuzzy) reading."""
    if a == b:
        return False
    ra, rb = READINGS[a], READINGS[b]
    return bool(ra and rb and not ra.isdisjoint(rb))


def may_read_as(ch: str, syllable: str) -> bool:
    """False only when ``ch`` is a character with readings and none of them (heteronyms included) is
    ``syllable``: then no phrase reads it so."""
    readings = READINGS[ch]
    return not readings or syllable in readings


def pinyin_string(text: str) -> str:
    """Whole name spelt in (fuzzy) pinyin: 工商银行 → gonsanyinhan."""
    return "".join(phrase_syllables(text))


def initials(text: str) -> str:
    """First letter of each syllable / character: 工商银行 → gsyh."""
    return "".join(s[0] for s in phrase_syllables(text) if s)
