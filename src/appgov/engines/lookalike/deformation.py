"""Classification of how one identifier deforms another (app squatting, Hu et al., WWW 2020).

Single-edit deformations of a reference ``ref`` into a candidate ``s``:
insertion, omission, substitution, transposition (adjacent swap) and repetition (a character doubled).
Substitutions are refined into homophones (same pinyin) and homoglyphs (look-alike characters) by the
caller, which knows the pinyin and confusable tables. Affix games (added words such as 官方/极速版/pro,
other prefixes or suffixes) are recognised by :func:`split_affixes`.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Edit:
    kind: str  # insertion | omission | substitution | transposition | repetition
    position: int
    ref_part: str
    new_part: str


def single_edit(ref: str, s: str) -> Edit | None:
    """The one edit that turns ``ref`` into ``s``, or None when they differ by more (or not at all)."""
    lr, ls = len(ref), len(s)
    if ls == lr:
        first = -1
        for i in range(lr):
            if ref[i] != s[i]:
                first = i
                break
        if first < 0:
            return None
        if ref[first + 1 :] == s[first + 1 :]:
            return Edit("substitution", first, ref[first], s[first])
        if (
            first + 1 < lr
            and ref[first] == s[first + 1]
            and ref[first + 1] == s[first]
            and ref[first + 2 :] == s[first + 2 :]
        ):
            return Edit("transposition", first, ref[first : first + 2], s[first : first + 2])
        return None
    if ls == lr + 1:
        i = 0
        while i < lr and ref[i] == s[i]:
            i += 1
        if s[i + 1 :] != ref[i:]:
            return None
        added = s[i]
        # A doubled character: the inserted one equals a neighbour in the result.
        if (i > 0 and s[i - 1] == added) or (i + 1 < ls and s[i + 1] == added):
            return Edit("repetition", i, "", added)
        return Edit("insertion", i, "", added)
    if ls == lr - 1:
        i = 0
        while i < ls and ref[i] == s[i]:
            i += 1
        if ref[i + 1 :] != s[i:]:
            return None
        return Edit("omission", i, ref[i], "")
    return None


def differing_positions(ref: str, s: str) -> list[int]:
    """Positions where two equally long strings differ."""
    return [i for i in range(len(ref)) if ref[i] != s[i]]


def split_affixes(text: str, words: tuple[str, ...]) -> tuple[str, list[str], list[str]]:
    """Strip added words (longest first) from both ends: (core, removed prefixes, removed suffixes)."""
    prefixes: list[str] = []
    suffixes: list[str] = []
    changed = True
    while changed and text:
        changed = False
        for word in words:
            if len(word) < len(text):
                if text.startswith(word):
                    prefixes.append(word)
                    text = text[len(word) :]
                    changed = True
                    break
                if text.endswith(word):
                    suffixes.insert(0, word)
                    text = text[: -len(word)]
                    changed = True
                    break
    return text, prefixes, suffixes
