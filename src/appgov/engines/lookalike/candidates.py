"""Candidate generation: which protected apps a listing could imitate, found through inverted indexes.

Nothing here compares a listing with every protected app. Channels:

* name keys: pairs of characters at distance 1 or 2 ("gap-agnostic", so an omission or insertion
  still shares keys with the original) over the skeleton, and the same over fuzzy pinyin syllables
  (sound-alikes share pinyin keys). Keys shared by more than ``max_key_df`` protected apps (银行,
  手机, 中国 ...) carry no identity and are dropped.
* tokens: distinctive Latin tokens of official package ids, Latin names/keywords, pinyin spellings
  and initials; looked up exactly, through single-deletion neighbourhoods (SymSpell: insertion,
  omission, substitution, transposition, repetition at edit distance 1) and by containment
  (``icbcpro`` contains ``icbc``: 4-character prefixes of protected tokens index the containment test).
* official package ids (exact), official certificates, and icons (see :mod:`.icons`).
"""

from __future__ import annotations

from collections import defaultdict

from .compiled import CompiledApp
from .deformation import single_edit
from .normalize import is_cjk, latin_tokens
from .phonetic import DEFAULT_SYLLABLE, char_syllables

WHOLE_PACKAGE_MIN = 10  # an official package id this long is compared whole (one edit anywhere)
EDIT_GATE = 6  # a listing id longer than 2 * EDIT_GATE + 1 is looked up whole only when it begins or ends like one


def _pair_keys(items: list[str], sep: str = "") -> set[str]:
    keys = set()
    n = len(items)
    for i in range(n - 1):
        keys.add(items[i] + sep + items[i + 1])
        if i + 2 < n:
            keys.add(items[i] + sep + items[i + 2])
    return keys


def _deletions(token: str) -> set[str]:
    return {token[:i] + token[i + 1 :] for i in range(len(token))}


class TokenIndex:
    """Latin tokens → apps: exact, single-edit neighbourhood (SymSpell) and containment lookups."""

    def __init__(self, tokens: dict[str, set[int]], *, max_df: int, min_token: int):
        self.min_token = min_token
        self.tokens = {k: tuple(sorted(v)) for k, v in tokens.items() if len(v) <= max_df}
        deletes: dict[str, set[str]] = defaultdict(set)
        prefix4: dict[str, set[str]] = defaultdict(set)
        for token in self.tokens:
            if len(token) >= 5:  # shorter tokens are one edit away from too many ordinary words
                for d in _deletions(token):
                    deletes[d].add(token)
            if len(token) >= 4:
                prefix4[token[:4]].add(token)
        self.deletes = {k: tuple(v) for k, v in deletes.items()}
        self.prefix4 = {k: tuple(v) for k, v in prefix4.items()}

    def candidates(self, listing_tokens: list[str], out: set[int]) -> None:
        """Apps whose distinctive tokens equal, are one edit from, or are contained in a listing token."""
        tokens = self.tokens
        deletes = self.deletes
        for token in listing_tokens:
            n = len(token)
            if n < self.min_token:
                continue
            hit = tokens.get(token)
            if hit:
                out.update(hit)
            if n < 5 or n > 40:
                continue
            for original in deletes.get(token, ()):  # token = original minus one character
                out.update(tokens[original])
            for d in _deletions(token):
                if n > 5:
                    hit = tokens.get(d)  # token = original (5+ characters) plus one character
                    if hit:
                        out.update(hit)
                for original in deletes.get(d, ()):  # substitution / transposition
                    out.update(tokens[original])
            prefix4 = self.prefix4
            for i in range(n - 3):
                for original in prefix4.get(token[i : i + 4], ()):
                    if original in token:
                        out.update(tokens[original])


class CandidateIndex:
    def __init__(self, apps: list[CompiledApp], *, max_key_df: int, max_token_df: int, min_token: int):
        self.min_token = min_token
        char_pairs: dict[str, set[int]] = defaultdict(set)
        pinyin_pairs: dict[str, set[int]] = defaultdict(set)
        name_tokens: dict[str, set[int]] = defaultdict(set)  # skeleton-folded, for Latin in names
        package_tokens: dict[str, set[int]] = defaultdict(set)  # folded like package ids
        # Every pair of each app (generic ones included) and how many must be shared: a name that
        # shares only "北京" with 北京银行 is not a candidate; one that shares 北京 + 银行 is.
        self.app_char_pairs: list[frozenset[str]] = []
        self.app_pinyin_pairs: list[frozenset[str]] = []
        self.app_min_shared: list[int] = []
        for app in apps:
            all_chars: set[str] = set()
            all_pinyin: set[str] = set()
            shortest = 99
            for ref in app.refs:
                if ref.cjk:
                    chars = [c for c in ref.skel if is_cjk(c)]
                    shortest = min(shortest, len(chars))
                    for key in _pair_keys(chars):
                        char_pairs[key].add(app.index)
                        all_chars.add(key)
                    cjk_syllables = [s for s, c in zip(ref.syllables, ref.skel, strict=False) if is_cjk(c)]
                    for syllables in (cjk_syllables, char_syllables("".join(chars))):
                        for key in _pair_keys(syllables, " "):
                            pinyin_pairs[key].add(app.index)
                            all_pinyin.add(key)
                    if len(ref.spelled) >= 6:
                        name_tokens[ref.spelled].add(app.index)
                        package_tokens[ref.spelled_plain].add(app.index)
                    if len(ref.initials) >= 4:
                        name_tokens[ref.initials].add(app.index)
            for token in app.name_tokens:
                name_tokens[token].add(app.index)
            for token in app.distinctive_tokens:
                name_tokens["".join(latin_tokens(token))].add(app.index)
            for token in app.latin_brands:  # (an English developer name: pinganbank)
                name_tokens[token].add(app.index)
            for token in app.distinctive_tokens | app.name_tokens_plain:
                package_tokens[token].add(app.index)
            self.app_char_pairs.append(frozenset(all_chars))
            self.app_pinyin_pairs.append(frozenset(all_pinyin))
            self.app_min_shared.append(1 if shortest <= 2 else 2)
        self.char_pairs = {k: tuple(sorted(v)) for k, v in char_pairs.items() if len(v) <= max_key_df}
        self.pinyin_pairs = {k: tuple(sorted(v)) for k, v in pinyin_pairs.items() if len(v) <= max_key_df}
        self.char_keys = frozenset(self.char_pairs)
        self.pinyin_keys = frozenset(self.pinyin_pairs)
        self.name_tokens = TokenIndex(name_tokens, max_df=max_token_df, min_token=min_token)
        self.package_tokens = TokenIndex(package_tokens, max_df=max_token_df, min_token=min_token)
        # Official package ids with one distinctive token masked: com.*.creditcard → (app, token).
        # A listing package with the same frame and a token one edit away is a structural squat,
        # whatever the token length.
        structures: dict[str, list[tuple[int, str]]] = defaultdict(list)
        for app in apps:
            for package_tokens in app.packages.values():
                for i, token in enumerate(package_tokens):
                    if token in app.distinctive_tokens and len(token) >= 3:
                        frame = "|".join((*package_tokens[:i], "*", *package_tokens[i + 1 :]))
                        structures[frame].append((app.index, token))
        self.structures = dict(structures)
        # Official package ids long enough to be compared whole (scoring.package_signals, 10+ characters)
        # and each of them with one character deleted: a listing package one edit from one of them in
        # any place, a short or generic token included (ocm.gf.client), is found by its own deletions
        whole: dict[str, set[int]] = defaultdict(set)
        for app in apps:
            for package in app.packages:
                if len(package) >= WHOLE_PACKAGE_MIN:
                    for key in (package, *_deletions(package)):
                        whole[key].add(app.index)
        self.whole_packages = {k: tuple(sorted(v)) for k, v in whole.items()}
        # one edit leaves either the first or the last EDIT_GATE characters of a long id as they were
        long_ids = [p for app in apps for p in app.packages if len(p) >= WHOLE_PACKAGE_MIN]
        self.whole_heads = frozenset(p[:EDIT_GATE] for p in long_ids)
        self.whole_tails = frozenset(p[-EDIT_GATE:] for p in long_ids)

    def name_candidates(self, skel: str, out: set[int]) -> None:
        """Apps sharing distinctive character-pair or pinyin-pair keys with the skeleton of a name,
        and at least ``app_min_shared`` pairs in all (generic pairs included)."""
        if len(skel) < 2:
            return
        listing_chars = {a + b for a, b in zip(skel, skel[1:], strict=False)}
        listing_chars.update(a + b for a, b in zip(skel, skel[2:], strict=False))
        found: set[int] = set()
        char_pairs = self.char_pairs
        for key in listing_chars & self.char_keys:
            found.update(char_pairs[key])
        table = DEFAULT_SYLLABLE
        syllables = [table[c] for c in skel]
        spaced = [s + " " for s in syllables]
        listing_pinyin = {a + b for a, b in zip(spaced, syllables[1:], strict=False)}
        listing_pinyin.update(a + b for a, b in zip(spaced, syllables[2:], strict=False))
        pinyin_pairs = self.pinyin_pairs
        for key in listing_pinyin & self.pinyin_keys:
            found.update(pinyin_pairs[key])
        if not found:
            return
        app_chars, app_pinyin, need = self.app_char_pairs, self.app_pinyin_pairs, self.app_min_shared
        for index in found:
            k = need[index]
            # Pinyin pairs collide more (摄影/设银 are both "se yin"): two are always required.
            if len(app_chars[index] & listing_chars) >= k or len(app_pinyin[index] & listing_pinyin) >= 2:
                out.add(index)

    def package_edit_candidates(self, package_id: str, out: set[int]) -> None:
        """Apps with an official package id (10+ characters) one insertion, deletion, substitution or
        swap of neighbours away from this one (SymSpell over the whole id)."""
        package = package_id.lower()
        if not WHOLE_PACKAGE_MIN - 1 <= len(package) <= 100:
            return
        if len(package) > 2 * EDIT_GATE + 1 and (
            package[:EDIT_GATE] not in self.whole_heads and package[-EDIT_GATE:] not in self.whole_tails
        ):
            return  # (an edit at or after EDIT_GATE keeps the head, one before it the tail)
        whole = self.whole_packages
        for key in (package, *_deletions(package)):
            hit = whole.get(key)
            if hit:
                out.update(hit)

    def structure_candidates(self, package_tokens: list[str], out: set[int]) -> None:
        """Apps whose official package id equals this one except one distinctive token, one edit away."""
        structures = self.structures
        for i, token in enumerate(package_tokens):
            frame = "|".join((*package_tokens[:i], "*", *package_tokens[i + 1 :]))
            for index, original in structures.get(frame, ()):
                if original != token and single_edit(original, token) is not None:
                    out.add(index)
