"""Signals of one (listing, protected app) pair and their combination into a score.

Each signal yields an evidence value in [0, 1] (``evidence`` section of the settings) and a
:class:`Reason`. Name, package, developer and icon evidence are combined with a noisy-OR
(``1 - (1-name)(1-package)(1-developer)(1-icon)``). The developer field is a claim, not an identity:
it never lowers the score here (the only trust it earns is in ``index``: an official package id
without a certificate); an official developer name on a listing signed with a known non-official
certificate is itself evidence (``developer_impersonation``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from rapidfuzz import fuzz
from rapidfuzz.distance import Indel, Levenshtein

from .candidates import WHOLE_PACKAGE_MIN
from .compiled import CompiledApp, Lexicon, Ref, developer_core
from .deformation import Edit, single_edit, split_affixes
from .edge_layout import LAYOUT_KIND
from .english import english_word, spelt_in
from .icons import MASKED_KINDS, SEARCH_KIND, SHORTLIST_ONLY, TILE_KIND, TWIN
from .listing_view import ListingView
from .memo import BoundedMemo
from .models import Reason
from .normalize import is_cjk, skeleton
from .phonetic import homophone, may_read_as, phrase_syllables

if TYPE_CHECKING:
    from .keypoints import Verdict

# Per-signal evidence collector: keeps the strongest reason for each signal name.
Signals = dict[str, tuple[float, Reason]]


# Name signals by (listing name, app index): they depend on nothing else (the evidence settings and
# the lexicon are the index's own).
NameSignalCache = BoundedMemo[tuple[str, int], tuple[tuple[str, tuple[float, Reason]], ...]]


def _add(signals: Signals, evidence: float, reason: Reason) -> None:
    current = signals.get(reason.signal)
    # at equal evidence the longer identifier is kept: it is the more specific (交通银行买单吧, not 买单吧)
    if (
        current is None
        or evidence > current[0]
        or (evidence == current[0] and len(str(reason.value)) > len(str(current[1].value)))
    ):
        signals[reason.signal] = (evidence, reason)


def _only_added_words(text: str, lex: Lexicon) -> bool:
    """True when ``text`` splits completely into added words (官方, 极速版, pro ...), version numbers or
    years (2027, v2) and edition names (极简版, 尊贵版: one or two characters and 版)."""
    if not text:
        return True
    return _split_into_added_words(text, lex.added_words)


def ornamental_latin(tokens: list[str], lex: Lexicon) -> bool:
    """Every Latin token of a name is an added word, a generic token or a number (记账本Pro, 天气HD 2): the
    Latin part can spell no brand in pinyin (ListingView.spelled_match needs a match to take some in)."""
    added = _word_set(lex.added_words)
    return all(
        t.isdigit() or t in added or t in lex.generic_tokens or _only_added_words(t, lex) for t in tokens
    )


@cache
def _word_set(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(words)


@lru_cache(maxsize=1 << 16)
def _split_into_added_words(text: str, words: tuple[str, ...]) -> bool:
    """``_only_added_words`` for one word list (memoised: a listing's name parts recur against every
    app it is scored with)."""
    n_text = len(text)
    reachable = [True] + [False] * n_text
    for end in range(1, n_text + 1):
        for word in words:
            n = len(word)
            if n <= end and reachable[end - n] and text[end - n : end] == word:
                reachable[end] = True
                break
        else:
            if text[end - 1] == _EDITION and any(reachable[end - k] for k in (2, 3) if k <= end):
                reachable[end] = True
            elif text[end - 1] in _DIGITS:  # skeletons read 0/1 as o/l: 2027 is 2o27
                start = end
                while start > 0 and text[start - 1] in _DIGITS:
                    start -= 1
                run = text[start:end]
                versioned = start > 0 and text[start - 1] == "v" and reachable[start - 1]
                if sum(c.isdigit() for c in run) >= 2 or versioned:
                    reachable[end] = reachable[start] or versioned
    return reachable[-1]


_EDITION = "版"
_DIGITS = frozenset("0123456789ol")


def _affix_kind(before: str, after: str, lex: Lexicon) -> tuple[str, str]:
    """How a reference is embedded: added words only, or another prefix/suffix."""
    affix = before + after
    if not affix:
        return "identical", ""
    if _only_added_words(before, lex) and _only_added_words(after, lex):
        return "added_words", affix
    if before and not after:
        return "prefix", affix
    if after and not before:
        return "suffix", affix
    return "affix", affix


def has_finance_context(text: str, lex: Lexicon) -> bool:
    return _contains_any(without_ordinary_nouns(text, lex), lex.finance_context)


def without_ordinary_nouns(text: str, lex: Lexicon) -> str:
    """``text`` with the ordinary things named with a finance word (lexicon ordinary_nouns: 保险箱)
    blanked out, at the same length (positions in it stay those of ``text``)."""
    for noun in lex.ordinary_nouns:
        if noun in text:
            text = text.replace(noun, "\0" * len(noun))
    return text


@lru_cache(maxsize=1 << 16)
def _contains_any(text: str, words: tuple[str, ...]) -> bool:
    return any(word in text for word in words)


def _short_keyword_context(text: str, lex: Lexicon) -> bool:
    """A finance word or a lure (证书更新, 积分兑换, ETC) next to a short brand keyword."""
    return has_finance_context(text, lex) or any(word in text for word in lex.lure_words)


def _doubled_signal(view: ListingView, ref: Ref, ev: dict, lex: Lexicon, signals: Signals) -> None:
    """The reference appears once doubled characters of the listing are collapsed (中国建设设银行,
    江苏银银行, 工工商银行): a repetition that may sit inside added words."""
    collapsed = view.collapsed
    if collapsed is view.skel or len(ref.collapsed) < 3:
        return
    pos = collapsed.find(ref.collapsed)
    if pos < 0:
        return
    deformation, affix = _affix_kind(collapsed[:pos], collapsed[pos + len(ref.collapsed) :], lex)
    detail = {"deformation": "repetition", "affix": affix, "listing_part": view.skel}
    _add(signals, ev["name_doubled"], Reason("name_doubled", ref.text, detail))


def _slice(view: ListingView, start: int, length: int):
    return lambda: view.core_syllables[start : start + length]


def _windows(view: ListingView, lr: int, lex: Lexicon) -> list:
    """``_listing_windows``, computed once per listing and reference length (many references share one)."""
    found = view.windows.get(lr)
    if found is None:
        found = view.windows[lr] = list(_listing_windows(view, lr, lex))
    return found


def _listing_windows(view: ListingView, lr: int, lex: Lexicon):
    """Parts of the listing name compared with a reference of ``lr`` characters for one-edit and
    sound-alike deformations: (skeleton part, characters as written, syllables (lazy), whole name?).

    The whole name without added words, the whole name as it is (掌上活 for 掌上生活: 掌上 is also an
    added word), and the start/end of a longer name — those only when the rest of the name is added
    words or finance words (中国人民大学 is not 中国人寿 with 大学 added). A part that is an ordinary
    category noun (农商银行, 网上银行 …) is never a deformation of a brand."""
    core, original = view.core, view.core_original
    category = lex.category_names
    seen = set()
    if core not in category:
        seen.add(core)
        yield core, original, lambda: view.core_syllables, True
    skel = view.skel
    if skel != core and skel not in category and skel not in seen:
        seen.add(skel)
        written = view.norm if len(view.norm) == len(skel) else skel
        yield skel, written, lambda: phrase_syllables(written), True
    offset = sum(len(p) for p in view.affixes[0])  # where the core starts in the skeleton
    if len(core) > lr:
        for length in (lr - 1, lr, lr + 1):
            if not 0 < length < len(core):
                continue
            for start in (0, len(core) - length):
                window = core[start : start + length]
                at = offset + start
                rest = skel[:at] + "\0" + skel[at + length :]
                if window in category or window in seen:
                    continue
                if not (_only_added_words(rest.replace("\0", ""), lex) or has_finance_context(rest, lex)):
                    continue
                seen.add(window)
                yield window, original[start : start + length], _slice(view, start, length), False


def _brand_lost(window: str, edit: Edit, brand: frozenset[str]) -> bool:
    """The edit took out the name's only link to the brand: it replaced or dropped a character of the
    brand keywords, and none is left (惠生活 is not 泰康's 泰生活: 生活 alone is anyone's name)."""
    return any(c in brand for c in edit.ref_part) and not any(c in brand for c in window)


def _continued(skel: str, ref: str, lex: Lexicon) -> bool:
    """Every mention of ``ref`` in ``skel`` is followed by a word that makes it part of another term
    (lexicon term_continuations: a name ending in 银行 followed by 业协会 or 间)."""
    follows = next((after for word, after in lex.term_continuations if ref.endswith(word)), None)
    if not follows:
        return False
    start = skel.find(ref)
    while start >= 0:
        if not skel.startswith(follows, start + len(ref)):
            return False
        start = skel.find(ref, start + 1)
    return True


def _cjk_ref_signals(
    view: ListingView, ref: Ref, ev: dict, lex: Lexicon, signals: Signals, brand: frozenset[str] = frozenset()
) -> None:
    skel = view.skel
    lr = len(ref.skel)
    if ref.skel not in skel:
        _doubled_signal(view, ref, ev, lex, signals)
    if skel == ref.skel:
        if view.norm == ref.norm:
            _add(
                signals,
                ev["name_identical"],
                Reason("name_identical", ref.text, {"deformation": "identical"}),
            )
        else:
            _add(signals, ev["homoglyph"], Reason("name_homoglyph", ref.text, {"deformation": "homoglyph"}))
        return
    pos = skel.find(ref.skel)
    if pos >= 0 and _continued(skel, ref.skel, lex):
        return  # 北京银行业协会, 上海银行间利率: the official name is part of another term
    if pos >= 0:
        deformation, affix = _affix_kind(skel[:pos], skel[pos + lr :], lex)
        detail = {"deformation": deformation, "affix": affix}
        if ref.norm not in view.norm and lr >= 3:
            _add(signals, ev["homoglyph"], Reason("name_homoglyph", ref.text, {"deformation": "homoglyph"}))
        if ref.kind == "name" and lr >= 3:
            _add(signals, ev["official_name_contained"], Reason("official_name_contained", ref.text, detail))
        elif lr >= 3:
            _add(signals, ev["brand_keyword_long"], Reason("brand_keyword", ref.text, detail))
        else:
            rest = skel[:pos] + "\0" + skel[pos + lr :]
            decorated_only = _only_added_words(skel[:pos], lex) and _only_added_words(skel[pos + lr :], lex)
            if decorated_only or _short_keyword_context(rest, lex):  # 建行服务号, 工行官方版, 工行贷款
                _add(signals, ev["brand_keyword_short"], Reason("brand_keyword", ref.text, detail))
            else:
                _add(signals, ev["brand_keyword_short_bare"], Reason("brand_keyword", ref.text, detail))
        return
    if lr < 3:
        return
    window_factor = ev["window_factor"]
    for window, written, syllables, whole in _windows(view, lr, lex):
        if len(window) != lr:
            continue
        # Sound-alikes: same length, every differing character shares a reading.
        diffs = [i for i in range(lr) if written[i] != ref.original[i]]
        # (a character none of whose readings is the reference's cannot read so in any phrase: most
        # windows are refuted before pypinyin segments them, the slow part)
        if (
            diffs
            and all(
                homophone(written[i], ref.original[i]) or may_read_as(written[i], ref.syllables[i])
                for i in diffs
            )
            and all(
                syllables()[i] == ref.syllables[i] or homophone(written[i], ref.original[i]) for i in diffs
            )
        ):
            evidence = ev["homophone"] if lr >= 4 else ev["homophone_short"]
            detail = {"deformation": "homophone", "listing_part": written}
            _add(
                signals,
                evidence * (1 if whole else window_factor),
                Reason("name_homophone", ref.text, detail),
            )
            break
    for window, _written, _syllables, whole in _windows(view, lr, lex):
        edit = single_edit(ref.skel, window)
        if edit is None or (edit.kind == "omission" and not whole) or _brand_lost(window, edit, brand):
            continue
        evidence = ev["single_edit_long"] if lr >= 4 else ev["single_edit_short"]
        detail = {
            "deformation": edit.kind,
            "position": edit.position,
            "original": edit.ref_part,
            "changed": edit.new_part,
            "listing_part": window,
        }
        _add(signals, evidence * (1 if whole else window_factor), Reason("name_squat", ref.text, detail))
        return
    core = view.core
    # Several edits on a long name (e.g. two characters changed in 中国工商银行手机银行): edit similarity.
    if lr >= 8:
        similarity = max(
            Levenshtein.normalized_similarity(ref.skel, core),
            Levenshtein.normalized_similarity(ref.skel, skel),
        )
        if similarity >= ev["name_similarity_min"]:
            detail = {"deformation": "edits", "similarity": round(similarity, 3), "listing_part": core}
            _add(signals, ev["name_similarity"], Reason("name_similarity", ref.text, detail))


def _latin_ref_signals(view: ListingView, ref: Ref, ev: dict, lex: Lexicon, signals: Signals) -> None:
    listing_tokens = view.latin
    if not listing_tokens:
        return
    if (
        len(ref.tokens) >= 2 and len(ref.skel) >= 8
    ):  # "Bank of Ningbo" / "Ningbo Bank Mobile": word order, extras
        similarity = fuzz.token_set_ratio(" ".join(ref.tokens), " ".join(listing_tokens)) / 100
        if similarity >= ev["name_similarity_min"]:
            detail = {"deformation": "words", "similarity": round(similarity, 3)}
            _add(signals, ev["name_similarity"], Reason("name_similarity", ref.text, detail))
    for token in ref.tokens:
        if len(token) < 3 or token in lex.generic_tokens or token.isdigit():
            continue
        if token in listing_tokens:
            if len(token) >= 4:
                detail = {"deformation": "identical" if view.skel == ref.skel else "added_words"}
                _add(signals, ev["brand_keyword_long"], Reason("brand_keyword", ref.text, detail))
            elif _short_keyword_context(view.skel.replace(token, "\0"), lex):
                _add(signals, ev["brand_keyword_short"], Reason("brand_keyword", ref.text, {}))
            else:
                _add(signals, ev["brand_keyword_short_bare"], Reason("brand_keyword", ref.text, {}))
            continue
        if len(token) < 4:
            continue
        for lt in listing_tokens:
            pos = lt.find(token)
            if pos >= 0:
                deformation, affix = _affix_kind(lt[:pos], lt[pos + len(token) :], lex)
                if deformation != "added_words" and len(token) < 5:
                    continue  # a short acronym inside an ordinary word ("calc" in "cloudcalc")
                detail = {"deformation": deformation, "affix": affix}
                _add(signals, ev["brand_keyword_long"] * 0.95, Reason("brand_keyword", ref.text, detail))
                break
            if (len(token) < 5 and len(lt) != len(token)) or lt in lex.generic_tokens:
                continue  # 4-letter acronyms: only same-length look-alikes (substitution, swap)
            edit = single_edit(token, lt)
            if edit is not None:
                evidence = ev["single_edit_long"] if len(token) >= 5 else ev["single_edit_short"]
                detail = {
                    "deformation": edit.kind,
                    "position": edit.position,
                    "original": edit.ref_part,
                    "changed": edit.new_part,
                    "listing_part": lt,
                }
                _add(signals, evidence, Reason("name_squat", ref.text, detail))
                break


def _spelling_signals(view: ListingView, ref: Ref, ev: dict, lex: Lexicon, signals: Signals) -> None:
    listing_tokens = view.latin
    if not listing_tokens or not ref.cjk:
        return
    joined = view.spelled  # Chinese characters in pinyin, Latin kept: 工商yinhang, Zhong Guo Yin Hang
    if len(ref.spelled) >= 6 and ref.spelled in joined and view.spelled_match(ref.spelled):
        detail = {"deformation": "pinyin", "spelling": ref.spelled}
        _add(signals, ev["pinyin_spelling"], Reason("pinyin_spelling", ref.text, detail))
    elif len(ref.initials) >= 4 and ref.initials in listing_tokens:
        detail = {"deformation": "initials", "spelling": ref.initials}
        _add(signals, ev["pinyin_spelling"], Reason("pinyin_initials", ref.text, detail))
    elif len(ref.spelled) >= 6 and view.english and _english_names(view, ref, lex):
        detail = {"deformation": "english", "spelling": ref.spelled}
        _add(signals, ev["pinyin_spelling"], Reason("pinyin_spelling", ref.text, detail))


def _english_names(view: ListingView, ref: Ref, lex: Lexicon) -> bool:
    """The name written in English spells the reference (China Construction Bank App: 中国建设银行), and
    its other words are English words of institutions' names, added words or numbers, its Chinese part
    added or finance words: Ping An Bank Street Photos is a photo app, not 平安银行."""
    span = spelt_in(ref.spelled, view.english)
    if span is None:
        return False
    rest = view.english[: span[0]] + view.english[span[1] :]
    added = _word_set(lex.added_words)
    for piece in rest:
        if not (
            piece.isdigit()
            or piece in added
            or piece in lex.generic_tokens
            or english_word(piece, lex)
            or _only_added_words(piece, lex)
        ):
            return False
    chinese = "".join(c for c in view.skel if is_cjk(c))
    return not chinese or _only_added_words(chinese, lex) or has_finance_context(chinese, lex)


def latin_brand_signals(view: ListingView, app: CompiledApp, ev: dict, lex: Lexicon, signals: Signals) -> None:
    """The brand in Latin letters that only the official package id or an English developer name spells
    (CompiledApp.latin_brands): Eastmoney钱包 for com.eastmoney.android, Ｐｉｎｇ Ａｎ Ｂａｎｋ钱包 for Ping An
    Bank Co., Ltd. Such a word is not curated like a brand keyword (a package token may be an ordinary
    word), so it counts only when the rest of the name is added words or finance words, or nothing."""
    if not view.latin or not app.latin_brands or "brand_keyword" in signals:
        return
    joined = "".join(view.latin)
    chinese = "".join(c for c in view.skel if is_cjk(c))
    for brand, origin in app.latin_brands.items():
        pos = joined.find(brand)
        if pos < 0:
            continue
        rest = joined[:pos] + joined[pos + len(brand) :]
        if not (_only_added_words(rest, lex) or rest in lex.generic_tokens):
            continue
        if chinese and not (_only_added_words(chinese, lex) or has_finance_context(chinese, lex)):
            continue
        detail = {"deformation": "latin_brand", "from": origin, "listing_part": brand}
        _add(signals, ev["latin_brand"], Reason("brand_keyword", brand, detail))
        return


def name_signals(view: ListingView, app: CompiledApp, ev: dict, lex: Lexicon, signals: Signals) -> None:
    for ref in app.refs:
        if ref.cjk:
            _cjk_ref_signals(view, ref, ev, lex, signals, app.brand_characters)
            _spelling_signals(view, ref, ev, lex, signals)
        else:
            _latin_ref_signals(view, ref, ev, lex, signals)
    if ev["latin_brand"]:
        latin_brand_signals(view, app, ev, lex, signals)


def _contiguous(needle: tuple[str, ...], hay: list[str]) -> int:
    n = len(needle)
    for i in range(len(hay) - n + 1):
        if tuple(hay[i : i + n]) == needle:
            return i
    return -1


def package_signals(view: ListingView, app: CompiledApp, ev: dict, lex: Lexicon, signals: Signals) -> None:
    tokens = view.package_tokens
    if not tokens:
        return
    package = view.listing.package_id
    added = set(lex.added_words) | lex.generic_tokens
    for official, official_tokens in app.packages.items():
        if not official_tokens:
            continue
        detail: dict = {"official_package": official}
        if tokens == list(official_tokens) or "".join(tokens) == "".join(official_tokens):
            plain = "".join(c for c in (package or "").lower() if c.isalnum())
            kind = "separator" if plain == "".join(c for c in official if c.isalnum()) else "homoglyph"
            reason = Reason("package_squat", package, {**detail, "deformation": kind})
            _add(signals, ev["package_same_tokens"], reason)
            continue
        pos = _contiguous(official_tokens, tokens)
        if pos >= 0:
            before, after = tokens[:pos], tokens[pos + len(official_tokens) :]
            extra = before + after
            kind = "added_words" if all(t in added for t in extra) else ("prefix" if before else "suffix")
            detail.update(deformation=kind, affix=".".join(extra))
            _add(signals, ev["package_affix"], Reason("package_squat", package, detail))
            continue
        whole = single_edit(official, package.lower()) if package and len(official) >= WHOLE_PACKAGE_MIN else None
        if whole is not None:  # one character from this very package id (com.cmbc.cc.mbank1)
            detail.update(deformation=whole.kind, original=whole.ref_part, changed=whole.new_part)
            _add(signals, ev["package_squat"], Reason("package_squat", package, detail))
            continue
        if len(tokens) == len(official_tokens):
            diffs = [i for i in range(len(tokens)) if tokens[i] != official_tokens[i]]
            if (
                len(diffs) == 1
                and official_tokens[diffs[0]] in app.distinctive_tokens
                and tokens[diffs[0]] not in lex.generic_tokens  # mbank is a word, not a squat of mybank
            ):
                edit = single_edit(official_tokens[diffs[0]], tokens[diffs[0]])
                if edit is not None:
                    detail.update(deformation=edit.kind, original=edit.ref_part, changed=edit.new_part)
                    _add(signals, ev["package_squat"], Reason("package_squat", package, detail))
                    continue
    if "package_squat" in signals:
        return
    # Token-level evidence outside the official structure: only long tokens are specific enough.
    for token in app.distinctive_tokens:
        if token in tokens:
            _add(
                signals, ev["package_token_reuse"], Reason("package_token_reuse", token, {"package": package})
            )
            continue
        for pt in tokens:
            pos = pt.find(token)
            if pos >= 0:
                kind, affix = _affix_kind(pt[:pos], pt[pos + len(token) :], lex)
                if kind != "added_words" and len(token) < 5:
                    continue
                detail = {"package": package, "deformation": kind, "affix": affix}
                # never more than the token found whole: newchinalife is 新华人寿's own token, not an
                # added word before 中国人寿's chinalife (session 29)
                weight = min(ev["package_affix"] * 0.95, ev["package_token_reuse"])
                _add(signals, weight, Reason("package_token_reuse", token, detail))
                break
            if len(token) < 6 or pt in lex.generic_tokens:
                continue
            edit = single_edit(token, pt)
            if edit is not None:
                detail = {"package": package, "deformation": edit.kind, "original": edit.ref_part}
                detail["changed"] = edit.new_part
                _add(signals, ev["package_token_squat"], Reason("package_squat", package, detail))
                break
    for ref in app.refs:  # the brand spelt in pinyin inside a package id
        if len(ref.spelled_plain) >= 6 and any(ref.spelled_plain in t for t in tokens):
            detail = {"package": package, "deformation": "pinyin"}
            _add(signals, ev["package_token_reuse"], Reason("package_token_reuse", ref.spelled_plain, detail))


PHASH_FAR = "phash_far"  # in icon hits: pHash distance to the app's nearest pHash when beyond the radius
ICON_SIGNALS = {"phash": "icon_phash", "value": "icon_value_phash"}  # the masked_* kinds: icon_masked_phash
# where each masked hash hides a part of the icon (the alert's ``masked_corner``)
MASKED_WHERE = {
    "masked_tl": "top_left",
    "masked_tr": "top_right",
    "masked_bl": "bottom_left",
    "masked_br": "bottom_right",
    "masked_centre": "centre",
    "masked_middle": "middle",
    "masked_bottom": "bottom_band",
    "masked_top": "top_band",
}


# kinds that only put an app on the shortlist: icons.WIDE_KINDS, RELAYOUT_MASK_KINDS, the tile's, the
# keypoint search's, and the edge layout's (kept out of icons.py, whose code keys the cached icon hashes)
_SHORTLIST_ONLY = SHORTLIST_ONLY | {LAYOUT_KIND}
_REGION = ("masked_centre", "masked_middle", "masked_bottom", "masked_top")
_MIDDLE = ("masked_centre", "masked_middle")
_MASK_ORDER = ("masked_tl", "masked_tr", "masked_bl", "masked_br", *_REGION)


def icon_signal(
    hits: dict[str, int] | None,
    view: ListingView,
    cfg: dict,
    lex: Lexicon,
    signals: Signals,
    verify: Callable[[], Verdict | None] | None = None,
    verify_shape: Callable[[], Verdict | None] | None = None,
) -> None:
    """Icon near an official icon by one or more hash kinds (kind → Hamming distance): the whole-icon
    pHash (or an indexed crop/hue variant of the official icon), the hue-invariant value-channel pHash,
    the corner-masked pHashes (a badge in that corner). Each kind that matched is a reason; they are one
    piece of evidence (the strongest counts, not their sum: they all look at the same image). A plain
    pHash near match alone is weak evidence — many simple icons share a pHash neighbourhood; with a
    finance word in the name, or confirmed, it is enough for a ``suspect`` alert, never for
    ``counterfeit`` without a name/package signal.

    ``verify`` (keypoints.py, called at most once, only when the icon would decide): the keypoint
    verdict of the listing's icon against this app's official icon, None when either file is missing.
    Under a name without brand text it is what confirms an icon (``keypoints.required_for_icon_only``)
    and what lets a geometric variant's single hash match or a masked middle / band count."""
    if not hits:
        return
    kp = cfg["keypoints"]
    near_identical = near_identical_masks(hits, cfg["icons"])  # (before the geometric variants fold in)
    # brand text that could not alert by itself (a 3-letter keyword without a finance word: ＢＯＣ, 0.25)
    # leaves the icon to decide, as under a name without brand text (keypoints.verify_under_weak_brand)
    least = cfg["thresholds"]["alert"] if kp["verify_under_weak_brand"] else 0.0
    brand_text = any(signals[s][0] >= least for s in NAME_SIGNALS + PACKAGE_SIGNALS if s in signals)
    use_keypoints = bool(kp["enabled"]) and verify is not None and not brand_text
    verdicts: list[Verdict | None] = []

    def verdict() -> Verdict | None:
        if not verdicts:
            verdicts.append(verify() if verify is not None else None)
        return verdicts[0]

    geometric = False
    # one hash kind only, beyond keypoints.single_kind_max_distance: verified only as the listing's one
    # far candidate (keypoints.far_single_kind), and confirmed only by many matches spread wide
    matched = [d for k, d in hits.items() if k not in (PHASH_FAR, SEARCH_KIND)]
    far_single = len(matched) == 1 and matched[0] > kp["single_kind_max_distance"] and TILE_KIND not in hits
    # found by the keypoint search alone (search.py): no hash of the icon is near this app's
    search_votes = hits.get(SEARCH_KIND)
    searched_only = search_votes is not None and not matched
    laid_out = hits.get(LAYOUT_KIND)  # edge_layout.py found this app: its edges lie where the icon's do
    wide = any(k in _SHORTLIST_ONLY for k in hits)
    hits = {k: d for k, d in hits.items() if k not in _SHORTLIST_ONLY}
    geo_any = "phash_geo" in hits or "value_geo" in hits or wide
    geo_hits = {k: d for k, d in hits.items() if k in ("phash_geo", "value_geo")}
    if geo_any:
        # A geometric variant of the official icon (turned, cut off-centre, re-laid out) counts only
        # when the listing's pHash and value hash both match one: then as two kinds (confirmed).
        plain = {k: d for k, d in hits.items() if k not in ("phash_geo", "value_geo")}
        if (
            hits.get("phash_geo", 64) <= cfg["icons"]["geometry_phash_distance"]
            and hits.get("value_geo", 64) <= cfg["icons"]["max_distance"]
            and not ("phash" in plain and "value" in plain)
        ):
            geometric = True
            plain["phash"] = min(plain.get("phash", 64), hits["phash_geo"])
            plain["value"] = min(plain.get("value", 64), hits["value_geo"])
        hits = plain
    ev = cfg["evidence"]
    icons = cfg["icons"]
    finance = has_finance_context(view.skel, lex)
    # Confirmed: two hash kinds agree (the corner masks count as one), or a corner-masked hash matched
    # and the whole pHash is still within icons.confirm_distance (a badge moves it a little; an
    # unrelated icon that shares a masked hash by chance is far away). One pHash or one value hash
    # alone, even exact, never confirms: simple shapes share them too often (the scale bench's
    # ordinary icons matched exactly by the hundred).
    has_masked = any(k in MASKED_WHERE for k in hits)
    kinds = ("phash" in hits) + ("value" in hits) + has_masked
    far = hits.get(PHASH_FAR)
    near = far is not None and far <= icons["confirm_distance"]
    # The middle mask leaves only the logo's periphery (often a plain field and a frame): it never
    # confirms on its own (measured: bench/lookalike/operating_point.py, ordinary icons matched it
    # ten times as often as any other kind)
    confirming_mask = any(k in MASKED_WHERE and k not in _MIDDLE for k in hits)
    confirmed = kinds >= 2 or (confirming_mask and near)
    region_only = "phash" not in hits and "value" not in hits and not near and any(k in _REGION for k in hits)
    shortlisted = geo_any or region_only
    if region_only:
        # A middle / band mask alone, the rest of the icon far from the official one: the mask hid what
        # differs (a plain field around a masked middle matches many icons); only keypoints can tell
        hits = {k: d for k, d in hits.items() if k not in _REGION}
        has_masked = any(k in MASKED_WHERE for k in hits)
        kinds = has_masked
        confirmed = False
    # Keypoints decide where the icon decides: under a name without brand text.
    keypoints_confirm = False
    confirmed_by = None
    check = use_keypoints and (
        (not finance and kp["required_for_icon_only"])
        or (finance and kp["finance_name_check"])
        or (shortlisted and not any(k in ICON_SIGNALS or k in MASKED_WHERE for k in hits))
    )
    found = verdict() if check else None
    # A blurred listing icon keeps few corners: fewer than min_inliers matches do not refute it when two
    # hash kinds already agree and some matches still agree (measured: strongly blurred copies reach
    # 4-18 matches, unrelated flat icons 0-4); the hash rule decides.
    blind = (
        check
        and finance  # under a generic name an unverifiable icon stays unconfirmed (unverifiable_hash_rule)
        and found is not None
        and found.blurred
        and kp["blurred_min_inliers"] <= found.inliers < kp["min_inliers"]
        and confirmed
        and (not geometric or bool(kp["blurred_geometric"]))
        and bool(kp["blurred_hash_rule"])
    )
    if check and found is not None and not blind:
        # the agreeing matches must cover the logo, not one shared shape (a ring, a letter): an unrelated
        # icon's chance agreement is packed into a small area (keypoints.min_spread), unless it is large
        # Under a name without finance words the keypoints alone make the alert: when few hash kinds
        # agree with them (the hashes only shortlisted the icon), more matches must agree
        # (keypoints.weak_hash_min_inliers; unrelated icons' chance agreements reach 20-26)
        agreeing = sum(1 for k in {**hits, **geo_hits} if k != PHASH_FAR)
        weak = not finance and agreeing <= kp["weak_hash_kinds"]
        needed = max(kp["min_inliers"], kp["weak_hash_min_inliers"]) if weak else kp["min_inliers"]
        keypoints_confirm = found.inliers >= needed and (
            found.spread >= kp["min_spread"] or found.inliers >= kp["spread_exempt_inliers"]
        )
        if weak and keypoints_confirm:
            # ... and cover more of the logo: a shared letter in one typeface plus an edge reached 29
            # matches over 0.11 of an unrelated logo (keypoints.weak_hash_min_spread)
            keypoints_confirm = (
                found.spread >= kp["weak_hash_min_spread"]
                or found.inliers >= kp["weak_hash_spread_exempt_inliers"]
            )
            if keypoints_confirm and found.spread < kp["weak_hash_min_spread"]:
                # exempted by their count, matches packed in a small part of the logo (a shared letter,
                # an ellipse's edge) must move the whole icon back onto the official one
                # (keypoints.weak_hash_exempt_min_edge_agreement)
                keypoints_confirm = (found.agreement or 0.0) >= kp["weak_hash_exempt_min_edge_agreement"]
        if far_single:
            keypoints_confirm = (
                found.inliers >= kp["far_min_inliers"] and found.spread >= kp["far_min_spread"]
            )
        edges = found.agreement  # None: no transform was fitted (or a verdict without it)
        # nothing but the keypoints says this is the app's icon: many matches over much of the logo,
        # and the edges of the whole icon moved back where the official ones are
        search_rule = (
            search_votes is not None
            and found.inliers >= kp["search_min_inliers"]
            and found.spread >= kp["search_min_spread"]
            and edges is not None
            and edges >= kp["search_min_edge_agreement"]
        )
        if searched_only:
            keypoints_confirm = search_rule
        elif search_rule and kp["search_hashed_apps"]:
            keypoints_confirm = True  # a far hash hit must not make the copy harder to confirm
        # The whole icon, moved back by the fitted transform, decides past the counts: a chance agreement
        # of many matches (a shared ring, a letter) leaves the rest of the edges apart, while a flat
        # drawing copied keeps few corners but all its edges (keypoints.edge_agreement)
        by_edges = (
            not searched_only
            and bool(kp["edge_confirm"])
            and edges is not None
            and found.inliers >= kp["edge_confirm_inliers"]
            and edges >= kp["edge_confirm_agreement"]
            and found.overlap >= kp["edge_confirm_overlap"]
            and found.spread >= kp["edge_confirm_spread"]
        )
        vetoed = edges is not None and edges < kp["min_edge_agreement"]
        # ... unless the matches confirm and the moved icon still covers nearly all of the official drawing:
        # grain, hatching or cuts added edges all over the copy (keypoints.noisy_min_covered)
        noisy = vetoed and keypoints_confirm and noisy_covers(found, kp)
        vetoed = vetoed and not noisy
        # Matches on the outline of the shape that holds the official drawing (a white disc on a
        # gradient, a rounded square) are shared by every icon made on that template: the drawing inside
        # it must agree too (keypoints.Features.content; None: no such shape, or nothing drawn in it)
        vetoed = vetoed or (found.content is not None and found.content < kp["min_content_agreement"])
        if found.channel is not None and found.channel.startswith("aligned_"):
            # paired by place (keypoints.verify, aligned): a shared template's outline pairs by place as
            # well as a copy does; the whole icon and the drawing inside the outline must agree more
            vetoed = vetoed or (
                edges is None
                or edges < kp["aligned_min_edge_agreement"]
                or (found.content is not None and found.content < kp["aligned_min_content_agreement"])
            )
        confirmed_by = ("noisy" if noisy else "matches") if keypoints_confirm else "edges"
        keypoints_confirm = (keypoints_confirm or by_edges) and not vetoed
        # the keypoints refuse it, but the icon lies where the official drawing does, every edge in place
        # (keypoints.in_place: a flat logo recoloured or recompressed keeps few corners)
        placed = (
            not keypoints_confirm
            and kp["in_place_min_edge_agreement"] > 0
            and found.in_place is not None
            and found.in_place >= kp["in_place_min_edge_agreement"]
            and (found.in_place_content is None or found.in_place_content >= kp["in_place_min_content"])
        )
        if placed:
            keypoints_confirm = True
            confirmed_by = "in_place"
        if not keypoints_confirm and verify_shape is not None:
            # the light/dark pattern changed (dark mode, gold on black, a two-colour print): the
            # silhouettes match and the edges inside agree, moved back by their transform
            shaped = verify_shape()
            if shaped is not None and shape_confirms(shaped, kp):
                confirmed_by = "shape"
                if (shaped.channel or "").startswith(TWIN):
                    confirmed_by = "twins" if _twins_agree(shaped, kp) else "covered"
                keypoints_confirm, found = True, shaped
        if not finance and kp["required_for_icon_only"]:
            confirmed = keypoints_confirm
        elif finance and not keypoints_confirm:
            finance = False  # refuted: the finance word alone does not make the icon a copy
            confirmed = False
    elif (
        check
        and found is None
        and not finance
        and kp["required_for_icon_only"]
        and not kp["unverifiable_hash_rule"]
    ):
        confirmed = False
    # every low frequency of the official icon is kept (pHash, value hash and the masked hashes): a
    # blurred, pixelated or cell-filtered copy, which keeps too few corners for the keypoints. Only an
    # icon the keypoints looked at: a hash-only listing stays with the rules above (unverifiable_hash_rule)
    near_identical = near_identical if not confirmed and check and found is not None else None
    confirmed = confirmed or near_identical is not None
    if keypoints_confirm and confirmed_by == "in_place":
        detail = {
            "channel": found.in_place_channel,
            "edge_agreement": found.in_place,
            "content_agreement": found.in_place_content,
            "keypoint_inliers": found.inliers,
            "hash_kinds": sorted(k for k in {**hits, **geo_hits} if k != PHASH_FAR),
        }
        if laid_out is not None:
            detail["edge_layout_distance"] = laid_out
        evidence = ev["icon_with_finance_name"] if finance else ev["icon_confirmed"]
        if finance:
            detail["finance_name"] = True
        _add(signals, evidence, Reason("icon_in_place", found.in_place, detail))
    elif keypoints_confirm:
        detail = {
            "min_inliers": kp["min_inliers"],
            "channel": found.channel,
            "scale": found.scale,
            "angle": found.angle,
            "spread": found.spread,
            "edge_agreement": found.agreement,
            "content_agreement": found.content,
            "confirmed_by": confirmed_by,  # the counts above, or few matches and the whole icon's edges
            "hash_kinds": sorted(k for k in {**hits, **geo_hits} if k != PHASH_FAR),
        }
        if confirmed_by in ("covered", "noisy"):  # the official drawing found whole in the icon (edge_coverage)
            detail["covered"], detail["content_covered"] = found.covered, found.content_covered
        if search_votes is not None:
            detail["search_votes"] = search_votes  # the keypoint search put this app on the shortlist
        if laid_out is not None:
            detail["edge_layout_distance"] = laid_out
        evidence = ev["icon_with_finance_name"] if finance else ev["icon_confirmed"]
        if finance:
            detail["finance_name"] = True
        _add(signals, evidence, Reason("icon_keypoints", found.inliers, detail))
    if not any(k in ICON_SIGNALS or k in MASKED_WHERE for k in hits):
        return
    # the closest masked match; at equal distance the mask that hides least (a corner, then the middle,
    # then a band) says most precisely what was changed
    masked = [(d, _MASK_ORDER.index(kind), kind) for kind, d in hits.items() if kind in MASKED_WHERE]
    chosen = {k: d for k, d in hits.items() if k in ICON_SIGNALS}
    if masked:
        distance, _order, kind = min(masked)
        chosen[kind] = distance
    for kind, distance in chosen.items():
        radius = icons["max_distance"] if kind == "phash" else icons["extra_max_distance"]
        detail: dict = {"max_distance": radius, "hash_kinds_matched": kinds}
        if geometric:
            detail["geometric_variant"] = True
        if near_identical is not None:
            detail["near_identical_masks"] = near_identical  # confirmed by the hashes alone
        if blind:
            detail["keypoints_blurred"] = found.inliers  # too blurred to verify: the hash rule decided
        if kind in MASKED_WHERE:
            detail["masked_corner"] = MASKED_WHERE[kind]
        if finance:
            evidence = ev["icon_with_finance_name"]
            detail["finance_name"] = True
        elif confirmed:
            evidence = ev["icon_confirmed"]
            detail["confirmed"] = True
        elif distance <= icons["identical_distance"]:
            evidence = ev["icon_identical"]
        else:
            evidence = ev["icon_similar"]
        _add(signals, evidence, Reason(ICON_SIGNALS.get(kind, "icon_masked_phash"), distance, detail))


def near_identical_masks(hits: dict[str, int], icons: dict) -> int | None:
    """How many masked hashes of the listing's icon lie within ``icons.identical_distance`` of this
    app's, when its pHash and value hash do too and at least ``icons.near_identical_masks`` of them
    do; else None (or when the setting is 0). The listing icon's own hashes only (not its content box's
    or tile's), against the official icon's indexed ones: its crop, avatar and hue variants count, its
    geometric variants' tables do not."""
    least, radius = icons["near_identical_masks"], icons["identical_distance"]
    if not least or hits.get("phash", 64) > radius or hits.get("value", 64) > radius:
        return None
    masks = sum(1 for kind in MASKED_KINDS if hits.get(kind, 64) <= radius)
    return masks if masks >= least else None


def noisy_covers(found: Verdict, kp: dict) -> bool:
    """The listing icon moved back covers ``keypoints.noisy_min_covered`` of the official icon's edge pixels
    (and ``twin_min_content_covered`` of those on its content, when measured): keypoints.verify measures it
    when the edge agreement is low (NOISY_BELOW). 0: off."""
    least = kp["noisy_min_covered"]
    return (
        least > 0
        and found.covered is not None
        and found.covered >= least
        and (found.content_covered is None or found.content_covered >= kp["twin_min_content_covered"])
    )


def _twins_agree(shaped: Verdict, kp: dict) -> bool:
    """The twins' fit moves the listing icon's edges where the official ones are (keypoints.twin_min_edge_*,
    twin_min_content_agreement)."""
    return (shaped.agreement or 0.0) >= kp["twin_min_edge_agreement"] and (
        shaped.content is None or shaped.content >= kp["twin_min_content_agreement"]
    )


def twins_cover(shaped: Verdict, kp: dict) -> bool:
    """The twins' fit moves the listing icon onto nearly all of the official drawing (``covered``, and
    ``content_covered`` when measured: keypoints.edge_coverage): a copy that kept the official drawing whole
    and added to it (a frame, a ribbon, a word, a shadow, a gloss), whose added edges the edge agreement
    counts against it, with more keypoints agreeing than the twins' own bar (keypoints.twin_cover_min_inliers:
    a stack of bars covers another's) (keypoints.twin_min_covered; 0: off)."""
    least = kp["twin_min_covered"]
    return (
        least > 0
        and shaped.inliers >= kp["twin_cover_min_inliers"]
        and shaped.covered is not None
        and shaped.covered >= least
        and (shaped.content_covered is None or shaped.content_covered >= kp["twin_min_content_covered"])
    )


def shape_confirms(shaped: Verdict, kp: dict) -> bool:
    """The second look's verdict confirms the copy: the silhouettes' (``keypoints.verify_shape``, channel
    ``shape``: silhouettes_confirm) or the twin-tolerant matches' (``keypoints.verify_twins``, channel
    ``twin_…``: twins_confirm)."""
    if (shaped.channel or "").startswith(TWIN):
        return twins_confirm(shaped, kp)
    return silhouettes_confirm(shaped, kp)


def _fitted_over_the_logo(shaped: Verdict, kp: dict) -> bool:
    """The verdict's fit moved the icon back (its edge agreement measured) over enough of the logo."""
    return shaped.agreement is not None and shaped.spread >= kp["min_spread"]


def twins_confirm(twins: Verdict, kp: dict) -> bool:
    """Enough twin-tolerant matches over enough of the logo (keypoints.twin_min_inliers), and the icon moved
    back by their transform has its edges where the official ones are, inside the official shape too (two
    unrelated drawings of rings or rays match twin to twin as easily as a copy does), or covers the whole
    official drawing (twins_cover)."""
    if not _fitted_over_the_logo(twins, kp) or not kp["twin_min_inliers"] or twins.inliers < kp["twin_min_inliers"]:
        return False
    return _twins_agree(twins, kp) or twins_cover(twins, kp)


def silhouettes_confirm(shaped: Verdict, kp: dict) -> bool:
    """Enough silhouette matches over enough of the logo, and the edges of the icon moved back by their
    transform where the official ones are (keypoints.shape_*): with more matches, a little less agreement
    (an outline, a gloss)."""
    if not _fitted_over_the_logo(shaped, kp) or not kp["shape_min_inliers"]:
        return False
    if shaped.content is not None and shaped.content < kp["min_content_agreement"]:
        return False
    edges = shaped.agreement
    if shaped.inliers >= kp["shape_exempt_inliers"] and edges >= kp["shape_exempt_min_edge_agreement"]:
        return True
    return shaped.inliers >= kp["shape_min_inliers"] and edges >= kp["shape_min_edge_agreement"]


def developer_is_official(developer: str | None, app: CompiledApp, match_ratio: float) -> bool | None:
    """True/False when the listing names a developer, None when it does not. Names are compared
    without their company-form ending: 宁海银行股份有限公司 is not 宁波银行股份有限公司 (similar as whole
    strings, different entities), 中国工商银行有限公司 is 中国工商银行股份有限公司."""
    if not developer:
        return None
    dev, core = _developer_forms(developer)
    if dev in app.developer_keys:
        return True
    if any(core == d or Indel.normalized_similarity(core, d) >= match_ratio for d in app.developer_cores):
        return True
    # A branch or centre of the official entity (中国工商银行股份有限公司北京市分行, 交通银行太平洋信用卡中心)
    # speaks for it as much as the head office does.
    return any(
        (dev.startswith(full) and len(dev) > len(full))
        or (core.startswith(d) and core.endswith(_branch_words()))
        for full, d in zip(app.developers, app.developer_cores, strict=True)
    )


@lru_cache(maxsize=1 << 14)  # a feed names a few thousand developers, each against every app it scores
def _developer_forms(developer: str) -> tuple[str, str]:
    dev = skeleton(developer)
    return dev, developer_core(dev)


@cache
def _branch_words() -> tuple[str, ...]:
    return tuple(skeleton(w) for w in ("分行", "支行", "分公司", "中心", "营业部", "事业部"))


@dataclass(slots=True)
class PairScore:
    score: float
    reasons: list[Reason]
    specificity: int  # twice the length of the official identifier that matched best, +1 when the listing
    # is named exactly so and it is the app's official name (ties go to the longer, then to that app)
    brand: float  # evidence of brand text alone (name, package, developer claim): what attribution ranks


NAME_SIGNALS = (
    "name_identical",
    "name_homoglyph",
    "name_doubled",
    "official_name_contained",
    "brand_keyword",
    "name_squat",
    "name_homophone",
    "name_similarity",
    "pinyin_spelling",
    "pinyin_initials",
)
PACKAGE_SIGNALS = ("package_squat", "package_token_reuse")
ICON_SIGNAL_NAMES = (
    "icon_phash", "icon_value_phash", "icon_masked_phash", "icon_keypoints", "icon_in_place", "icon_redrawn"
)


def score_pair(
    view: ListingView,
    app: CompiledApp,
    icon_hits: dict[str, int] | None,
    cfg: dict,
    lex: Lexicon,
    verify: Callable[[], Verdict | None] | None = None,
    name_cache: NameSignalCache | None = None,
    verify_shape: Callable[[], Verdict | None] | None = None,
    text: bool = True,
) -> PairScore | None:
    """Score one (listing, app) pair; ``icon_hits``: hash kind → distance of the icon matches, if any.
    ``name_cache``: the name signals of earlier (name, app) pairs (a feed lists one app in many stores).
    ``text``: False when no name, package or developer index retrieved the app (only its icon did): its
    name signals are then looked for only when the name has Latin letters or shares a character with one
    of the app's names or keywords (a one-character change of a three-character name, e海逋财 for
    e海通财, keeps one pair of characters in common: the name keys do not retrieve it, the icon may).

    The listing is known not to carry an official package id or an official certificate (``index``
    decides those first)."""
    ev = cfg["evidence"]
    signals: Signals = {}
    if not text and not view.latin and app.ref_characters.isdisjoint(view.skel):
        pass
    elif name_cache is None:
        name_signals(view, app, ev, lex, signals)
    else:
        key = (view.listing.name, app.index)
        known = name_cache.get(key)
        if known is None:
            name_signals(view, app, ev, lex, signals)
            name_cache.put(key, tuple(signals.items()))
        else:
            signals.update(known)
    package_signals(view, app, ev, lex, signals)
    icon_signal(icon_hits, view, cfg, lex, signals, verify, verify_shape)
    listing = view.listing
    developer = listing.developer
    official_dev = developer_is_official(developer, app, cfg["developer"]["match_ratio"])
    dev_ev = 0.0
    if official_dev and listing.cert_sha256:
        # Signed, but not with an official key (official certificates never reach scoring).
        dev_ev = ev["developer_impersonation"]
        _add(
            signals,
            dev_ev,
            Reason("developer_impersonation", developer, {"certificate": listing.cert_sha256}),
        )
    if not signals:
        return None
    name_ev = max((signals[s][0] for s in NAME_SIGNALS if s in signals), default=0.0)
    pkg_ev = max((signals[s][0] for s in PACKAGE_SIGNALS if s in signals), default=0.0)
    icon_ev = max((signals[s][0] for s in ICON_SIGNAL_NAMES if s in signals), default=0.0)
    brand = 1 - (1 - name_ev) * (1 - pkg_ev) * (1 - dev_ev)
    score = 1 - (1 - brand) * (1 - icon_ev)
    ordered = sorted(signals.values(), key=lambda item: -item[0])
    reasons = [reason for _, reason in ordered]
    # the longest identifier among the strongest signals (ties between apps go to the more specific);
    # a listing named exactly as an official name goes to that app before one that has the name as a
    # brand keyword (a group lists its apps' names as keywords of each: 平安好车主). Not for resembling
    # names: 象顺农商银行 is one character from 象山农商银行 and from 抚顺农商银行 alike.
    names = app.app.names
    specificity = max(
        (
            2 * len(str(reason.value)) + (reason.signal == "name_identical" and reason.value in names)
            for evidence, reason in ordered
            if evidence == ordered[0][0]
            and reason.signal not in ICON_SIGNAL_NAMES + ("developer_impersonation",)
        ),
        default=0,
    )
    if official_dev and not listing.cert_sha256:
        # No certificate to check it against: reported, and it changes nothing (anyone can type it).
        reasons.append(Reason("developer_claimed_unverified", developer))
    elif official_dev is False:
        reasons.append(Reason("developer_mismatch", developer))
        if _distinct_entity(view, developer, signals, app, bool(cfg["developer"]["other_institution"])):
            score *= cfg["developer"]["distinct_entity_factor"]
            brand *= cfg["developer"]["distinct_entity_factor"]
            reasons.append(Reason("developer_distinct_entity", developer, {"listing_core": view.core}))
    return PairScore(score=score, reasons=reasons, specificity=specificity, brand=brand)


_COPY_SIGNALS = (
    "name_identical",
    "official_name_contained",
    "brand_keyword",
    "name_homoglyph",
    "name_doubled",
)


def _distinct_entity(
    view: ListingView, developer: str, signals: Signals, app: CompiledApp, other_institution: bool
) -> bool:
    """The listing's developer is an entity named after the listing itself (e.g. 安顺农商银行 by
    安顺农商银行股份有限公司) while the name only resembles the protected one: most likely another,
    genuine institution rather than an imitator. Also when the developer is itself a financial
    institution whose own name is in the listing's name (招商证券智远一户通 by 招商证券股份有限公司): a
    package or icon that resembles a protected app's is then that institution's own. With
    ``other_institution``, also when the developer is a financial institution that is not the app's and
    no icon matched (新华保险 · com.newchinalife by 新华人寿保险股份有限公司 is not a copy of 中国人寿's
    com.chinalife app; 华安保险 by 华安财产保险股份有限公司 not of 平安). Never applies to copied official
    names or brand keywords."""
    if any(s in signals for s in _COPY_SIGNALS):
        return False
    dev = skeleton(developer)
    own = developer_core(dev)
    if len(own) >= 3 and own in view.skel and institution_name(own, view.lexicon):
        return True
    if any(s in signals for s in ICON_SIGNAL_NAMES):
        return False
    if other_institution and _another_institution(own, app, view.lexicon):
        return True
    if "package_squat" in signals:
        return False
    core = view.core
    if len(core) < 3:
        return False
    return core in dev


def _another_institution(own: str, app: CompiledApp, lex: Lexicon) -> bool:
    """``own`` (a developer skeleton without its company form) names a financial institution that is not
    the app's: neither holds the other's official developer, institution name, official name or brand
    keyword (a sibling entity such as 中国人寿财产保险 holds the 中国人寿 keyword: the same group)."""
    if len(own) < 4 or not institution_name(own, lex):
        return False
    theirs = (*app.developer_cores, developer_core(skeleton(app.app.institution)))
    if any(t and (t in own or own in t) for t in theirs):
        return False
    return not any(len(ref.skel) >= 2 and ref.skel in own for ref in app.refs)


def institution_name(text: str, lex: Lexicon) -> bool:
    """``text`` (a skeleton) names an institution: it has an institution word (银行, 证券, 保险 …) after
    at least two characters that are not added words, and the part up to that word is not an ordinary
    category noun (手机银行, 网上银行, 农商银行 are not institutions), nor an ordinary thing (保险箱)."""
    text = without_ordinary_nouns(text, lex)
    for word in lex.institution_words:
        pos = text.find(word, 2)
        while pos >= 2:
            head = text[:pos]
            name = text[: pos + len(word)]
            stripped = split_affixes(head, lex.added_words)[0] if head not in lex.added_words else ""
            if len(stripped) >= 2 and name not in lex.category_names and head not in lex.category_names:
                return True
            pos = text.find(word, pos + 1)
    return False
