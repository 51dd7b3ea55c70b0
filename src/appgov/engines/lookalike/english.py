"""A name written in English, spelt the way the engine spells Chinese names (pinyin): China Construction
Bank → zhongguo jianshe yinhang, Bank of Nanjing → nanjing yinhang. The English names of Chinese
financial institutions are translations word by word (建设 construction, 招商 merchants) or keep the
pinyin of a place or brand (Nanjing, Bohai, Taiping); ``english_words`` in lexicon.yaml holds the words."""

from __future__ import annotations

from functools import cache

from .compiled import Lexicon

# "Bank of Nanjing", "Industrial and Commercial Bank of China": the word after "of" comes first in Chinese
_OF = "of"


@cache
def _table(words: tuple[tuple[tuple[str, ...], str], ...]) -> tuple[dict[tuple[str, ...], str], int]:
    return dict(words), max((len(english) for english, _ in words), default=0)


def english_spelling(tokens: tuple[str, ...], lex: Lexicon) -> tuple[str, ...]:
    """The name's Latin tokens (skeleton form) as pinyin pieces, or () when none is an English word of
    the lexicon (then the pinyin spelling of the name already says all)."""
    if not lex.english_words or not tokens:
        return ()
    words, longest = _table(lex.english_words)
    if _OF in tokens[1:-1]:
        k = tokens.index(_OF, 1)
        tokens = (tokens[k + 1], *tokens[:k], *tokens[k + 2 :])
    pieces: list[str] = []
    known = False
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            spelt = words.get(tokens[i : i + n])
            if spelt is not None:
                if spelt:
                    pieces.append(spelt)
                known = known or bool(spelt)
                i += n
                break
        else:
            pieces.append(tokens[i])
            i += 1
    return tuple(pieces) if known else ()


def spelt_in(target: str, pieces: tuple[str, ...]) -> tuple[int, int] | None:
    """Where ``target`` (a brand in pinyin) is made of whole consecutive pieces' letters, starting and
    ending at a piece's edge (zhongguo|jianshe|yinhang holds jiansheyinhang, not anshe): the pieces' range."""
    for start in range(len(pieces)):
        text = ""
        for end in range(start, len(pieces)):
            text += pieces[end]
            if len(text) >= len(target):
                if text == target:
                    return start, end + 1
                break
    return None


def english_word(piece: str, lex: Lexicon) -> bool:
    """A piece that the lexicon spelt from an English word (china → zhongguo), not a word kept as it was."""
    return piece in _spellings(lex.english_words)


@cache
def _spellings(words: tuple[tuple[tuple[str, ...], str], ...]) -> frozenset[str]:
    return frozenset(spelt for _, spelt in words if spelt)
