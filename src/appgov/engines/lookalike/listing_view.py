"""A listing in the comparable forms the scoring needs, computed once per listing."""

from __future__ import annotations

import re
from functools import lru_cache

from pypinyin import Style, lazy_pinyin

from .compiled import Lexicon
from .deformation import split_affixes
from .english import english_spelling
from .models import Listing
from .normalize import collapse_runs, is_cjk, latin_tokens, normalise, package_tokens, skeleton, source_key
from .phonetic import phrase_syllables

# Ids that mini-program and official-account platforms assign: WeChat AppID, official-account
# original id, Alipay AppID.
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+|[^\u3400-\u9fff]+")
_PLATFORM_ID = re.compile(r"wx[0-9a-f]{16}|gh_[0-9a-f]{12}|20\d{14}", re.IGNORECASE)


def is_platform_id(package_id: str | None, source: str, lex: Lexicon) -> bool:
    if not package_id:
        return False
    if _PLATFORM_ID.fullmatch(package_id):
        return True
    # On a mini-program / official-account source, an id without dots is the platform's id.
    return "." not in package_id and source_key(source) in lex.platform_id_sources


def platform_vouches(package_id: str | None, source: str, lex: Lexicon) -> bool:
    """The listing's id is one its platform assigns or keeps to one publisher: a mini-program or
    official-account id, or a bundle id on an App Store (``unique_bundle_id_sources``). A listing there
    with an official id is the official app, whatever its developer field says."""
    return is_platform_id(package_id, source, lex) or (
        bool(package_id) and source_key(source) in lex.unique_bundle_id_sources
    )


def platform_verifies_publisher(source: str, lex: Lexicon) -> bool:
    """The listing's store shows the publisher's verified legal entity as its developer: the App Store
    (``unique_bundle_id_sources``; an organisation enrols with its D-U-N-S number and is shown under its
    legal name). Not the mini-program and official-account platforms (issue 14 counts their developer
    field as a claim), Android stores or download sites: anyone may type a developer name there."""
    return source_key(source) in lex.unique_bundle_id_sources


class ListingView:
    __slots__ = (
        "listing",
        "skel",
        "_norm",
        "_core",
        "_latin",
        "_pkg_tokens",
        "_core_syllables",
        "_lex",
        "collapsed",
        "platform_id",
        "_spelled",
        "_english",
        "windows",
    )
    _spelled: tuple[str, frozenset[int], tuple[tuple[int, int], ...]] | None

    def __init__(self, listing: Listing, lex: Lexicon, platform_ids_exact: bool = True):
        self.listing = listing
        self.skel = skeleton(listing.name)
        self._lex = lex
        self._norm: str | None = None
        self._core: tuple[str, list[str], list[str]] | None = None
        self._latin: list[str] | None = None
        self._pkg_tokens: list[str] | None = None
        self._core_syllables: list[str] | None = None
        self._spelled = None
        self._english: tuple[str, ...] | None = None
        self.windows: dict[int, list] = {}  # scoring's name windows by reference length
        self.collapsed = collapse_runs(self.skel)
        # A platform-assigned id is compared exactly only (by the index), never as a look-alike id.
        self.platform_id = platform_ids_exact and is_platform_id(listing.package_id, listing.source, lex)

    @property
    def lexicon(self) -> Lexicon:
        return self._lex

    @property
    def norm(self) -> str:
        if self._norm is None:
            self._norm = normalise(self.listing.name)
        return self._norm

    @property
    def core(self) -> str:
        """The skeleton with added words (官方, 极速版, pro ...) stripped from both ends."""
        if self._core is None:
            self._core = split_affixes(self.skel, self._lex.added_words)
        return self._core[0]

    @property
    def affixes(self) -> tuple[list[str], list[str]]:
        self.core  # noqa: B018 - fills the cache
        assert self._core is not None
        return self._core[1], self._core[2]

    @property
    def core_original(self) -> str:
        """The characters of ``core`` as written (before homoglyph folding), when they align."""
        norm = self.norm
        if len(norm) != len(self.skel):
            return self.core
        prefixes, _ = self.affixes
        start = sum(len(p) for p in prefixes)
        return norm[start : start + len(self.core)]

    @property
    def core_syllables(self) -> list[str]:
        if self._core_syllables is None:
            self._core_syllables = phrase_syllables(self.core_original)
        return self._core_syllables

    @property
    def latin(self) -> list[str]:
        """Latin tokens of the name (skeleton), e.g. ["lcbc", "pro"]."""
        if self._latin is None:
            name = self.listing.name
            # full-width letters and digits too (Ｐｉｎｇ Ａｎ: latin_tokens folds them by NFKC)
            self._latin = latin_tokens(name) if any(_latin_letter(c) for c in name) else []
        return self._latin

    @property
    def package_tokens(self) -> list[str]:
        if self._pkg_tokens is None:
            pkg = self.listing.package_id
            self._pkg_tokens = package_tokens(pkg) if pkg and not self.platform_id else []
        return self._pkg_tokens

    @property
    def spelled(self) -> str:
        """The name with its Chinese characters written in plain pinyin and Latin kept, folded like
        ``latin_tokens`` and joined: 工商yinhang → gongshangylnhang, Zhong Guo → zhongguo."""
        return self._spelling()[0]

    @property
    def english(self) -> tuple[str, ...]:
        """The name's Latin words spelt in pinyin pieces when some are English words of the lexicon
        (China Construction Bank → zhongguo, jlanshe, ylnhang), else ()."""
        if self._english is None:
            self._english = english_spelling(tuple(self.latin), self._lex) if self.latin else ()
        return self._english

    def spelled_match(self, target: str) -> bool:
        """``target`` (a brand spelt in pinyin) is in ``spelled``; in a name that mixes Chinese and Latin
        the match must start and end at syllable / word boundaries and take in some of the Latin
        (时光待办 spells shiguangdaiban, which contains guangda: not a spelling of 光大)."""
        spelled, boundaries, latin_spans = self._spelling()
        if not latin_spans or len(latin_spans) == 1 and latin_spans[0] == (0, len(spelled)):
            return target in spelled
        start = spelled.find(target)
        while start >= 0:
            end = start + len(target)
            if (
                start in boundaries
                and end in boundaries
                and any(a < end and start < b for a, b in latin_spans)
            ):
                return True
            start = spelled.find(target, start + 1)
        return False

    def _spelling(self) -> tuple[str, frozenset[int], tuple[tuple[int, int], ...]]:
        if self._spelled is None:
            self._spelled = _spelling_of(self.norm)
        return self._spelled


@lru_cache(maxsize=65536)  # a feed repeats names (one app in many stores); pypinyin is the slow part
def _spelling_of(norm: str) -> tuple[str, frozenset[int], tuple[tuple[int, int], ...]]:
    units: list[tuple[str, bool]] = []
    for run in _CJK_RUN.findall(norm):
        if is_cjk(run[0]):
            units.extend((syllable, False) for syllable in lazy_pinyin(run, style=Style.NORMAL))
        else:
            units.extend((token, True) for token in latin_tokens(run))
    text, boundaries, latin_spans, pos = [], {0}, [], 0
    for unit, is_latin in units:
        folded = "".join(latin_tokens(unit)) if not is_latin else unit
        if not folded:
            continue
        text.append(folded)
        if is_latin:
            latin_spans.append((pos, pos + len(folded)))
        pos += len(folded)
        boundaries.add(pos)
    return "".join(text), frozenset(boundaries), tuple(latin_spans)


def _latin_letter(c: str) -> bool:
    """A Latin letter or digit, half width or full width (U+FF10-FF5A)."""
    return (c.isascii() and c.isalnum()) or ("\uff10" <= c <= "\uff5a" and c.isalnum())
