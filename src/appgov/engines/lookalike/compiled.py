"""Protected apps compiled once into the forms the screening compares against."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pypinyin import Style, lazy_pinyin

from .icons import INDEX_KINDS, hash_to_int, official_hashes
from .models import ProtectedApp
from .normalize import collapse_runs, is_cjk, latin_tokens, normalise, package_tokens, skeleton, source_key
from .phonetic import phrase_syllables
from .resources import load_yaml


class IconFileError(ValueError):
    """An icon file named by a protected app or a listing could not be read."""


@dataclass(frozen=True, slots=True)
class Lexicon:
    added_words: tuple[str, ...]  # skeleton forms, longest first
    generic_tokens: frozenset[str]
    finance_context: tuple[str, ...]  # skeleton forms
    platform_id_sources: frozenset[str]  # source_key()s of sources whose ids the platform assigns
    category_names: frozenset[str]  # skeleton forms of ordinary category nouns (农商银行, 网上银行 ...)
    institution_words: tuple[str, ...]  # skeleton forms of words that end an institution's name
    lure_words: tuple[str, ...] = ()  # skeleton forms: lures next to a short keyword (证书更新, 积分)
    # skeleton forms of ordinary things named with an institution or finance word (保险箱, 基金会)
    ordinary_nouns: tuple[str, ...] = ()
    # source_key()s of app stores that keep a bundle id to the one publisher who registered it (App Store)
    unique_bundle_id_sources: frozenset[str] = frozenset()
    # English words of institutions' English names and their pinyin, skeleton form (english.py)
    english_words: tuple[tuple[tuple[str, ...], str], ...] = ()
    # the pinyin of generic English words (finance → jinrong): no institution's own package or name token,
    # but a name may still spell a brand with them (民生yinhang), so they are not generic_tokens
    generic_pinyin: frozenset[str] = frozenset()
    # (the word an official name ends with, what may follow it) that make the name part of another term,
    # skeleton forms, the longest continuation first (银行 + 业协会)
    term_continuations: tuple[tuple[str, tuple[str, ...]], ...] = ()
    # (long, short) forms of institution words people write either way (农商银行, 农商行)
    abbreviations: tuple[tuple[str, str], ...] = ()


@cache
def lexicon() -> Lexicon:
    data = load_yaml("lexicon.yaml")
    added = {skeleton(str(w)) for w in data["added_words"]}
    added.discard("")
    generic = set()
    for token in data["generic_tokens"]:  # in both folds: names (i → l) and package ids (0/1 only)
        generic.update(latin_tokens(str(token)))
        generic.update(package_tokens(str(token)))
    english = tuple(
        (tuple(latin_tokens(str(english))), "".join(latin_tokens(str(spelt))))
        for english, spelt in (data.get("english_words") or {}).items()
        if latin_tokens(str(english))
    )
    # the pinyin of a generic English word is no institution's package token either (finance → jinrong:
    # com.happy.jinrong is nobody's, session 29)
    generic_pinyin = set()
    for words, spelt in (data.get("english_words") or {}).items():
        if spelt and all(w in generic for w in latin_tokens(str(words))):
            generic_pinyin.update(latin_tokens(str(spelt)))  # (one word: pinyin is written without spaces)
            generic_pinyin.update(package_tokens(str(spelt)))
    context = {skeleton(str(w)) for w in data["finance_context"]}
    context.discard("")
    return Lexicon(
        added_words=tuple(sorted(added, key=lambda w: (-len(w), w))),
        generic_tokens=frozenset(generic),
        generic_pinyin=frozenset(generic_pinyin - generic),
        finance_context=tuple(sorted(context, key=len, reverse=True)),
        platform_id_sources=frozenset(source_key(str(s)) for s in data["platform_id_sources"]),
        unique_bundle_id_sources=frozenset(source_key(str(s)) for s in data.get("unique_bundle_id_sources", ())),
        english_words=english,
        category_names=frozenset(skeleton(str(w)) for w in data["category_names"]) - {""},
        institution_words=tuple(
            sorted({skeleton(str(w)) for w in data["institution_words"]} - {""}, key=len, reverse=True)
        ),
        lure_words=tuple(
            sorted({skeleton(str(w)) for w in data.get("lure_words", ())} - {""}, key=len, reverse=True)
        ),
        ordinary_nouns=tuple(
            sorted({skeleton(str(w)) for w in data.get("ordinary_nouns", ())} - {""}, key=len, reverse=True)
        ),
        abbreviations=tuple((str(long), str(short)) for short, long in (data.get("abbreviations") or {}).items()),
        term_continuations=tuple(
            (skeleton(str(word)), tuple(sorted({skeleton(str(w)) for w in follows} - {""}, key=len, reverse=True)))
            for word, follows in (data.get("term_continuations") or {}).items()
        ),
    )


_COMPANY_FORMS = (
    "股份有限公司",
    "有限责任公司",
    "有限公司",
    "股份公司",
    "集团",
    "公司",
    "coltd",
    "limited",
    "ltd",
    "inc",
)


@cache
def _company_forms() -> tuple[str, ...]:
    return tuple(skeleton(f) for f in _COMPANY_FORMS)


LATIN_BRAND_MIN = 6  # letters of a package token or English developer name that may stand for the brand
_ENGLISH_COMPANY_FORMS = frozenset({"co", "ltd", "limited", "inc", "corp", "corporation", "company", "plc", "llc"})


def latin_brands(package_tokens: frozenset[str], developers: tuple[str, ...]) -> dict[str, str]:
    """``CompiledApp.latin_brands`` of an app's distinctive package tokens and developer names."""
    found: dict[str, str] = {}
    for developer in developers:
        if any(is_cjk(c) for c in developer):
            continue
        forms = {"".join(latin_tokens(f)) for f in _ENGLISH_COMPANY_FORMS}
        words = [t for t in latin_tokens(developer) if t not in forms]
        joined = "".join(words)
        if len(joined) >= LATIN_BRAND_MIN and not joined.isdigit():
            found[joined] = "developer"
    for token in sorted(package_tokens):
        folded = "".join(latin_tokens(token))
        if len(folded) >= LATIN_BRAND_MIN:
            found.setdefault(folded, "package")
    return found


def developer_core(skel: str) -> str:
    """A developer skeleton without its company-form ending (股份有限公司, 有限公司, Co. Ltd ...)."""
    for form in _company_forms():
        if skel.endswith(form) and len(skel) > len(form) + 1:
            return skel[: -len(form)]
    return skel


def developer_keys(developer: str) -> set[str]:
    """Lookup keys of a developer name: its skeleton, and the skeleton without a company-form ending
    (中国工商银行股份有限公司 and 中国工商银行有限公司 share 中国工商银行)."""
    skel = skeleton(developer)
    return {skel, developer_core(skel)} if skel else set()


@dataclass(frozen=True, slots=True)
class Ref:
    """One official name or brand keyword in comparable forms."""

    text: str
    kind: str  # "name" | "keyword"
    norm: str
    skel: str
    cjk: bool  # contains Chinese characters (else a Latin/digit reference)
    syllables: tuple[str, ...]  # fuzzy phrase pinyin, one per character of the skeleton
    tokens: tuple[str, ...]  # Latin tokens (skeleton)
    spelled: str  # plain toneless pinyin, e.g. gongshangyinhang ('' for Latin refs)
    initials: str  # gsyh ('' for Latin refs)
    original: str  # characters as written, aligned with ``skel``
    spelled_plain: str  # pinyin spelling folded like package ids (no i→l): gongshangyinhang
    collapsed: str  # ``skel`` with runs of one character written once


@dataclass(slots=True)
class CompiledApp:
    index: int
    app: ProtectedApp
    refs: list[Ref]
    packages: dict[str, tuple[str, ...]]  # lower-case official package id → skeleton tokens
    distinctive_tokens: frozenset[str]  # of official package ids
    name_tokens: frozenset[str]  # Latin tokens of names and keywords (skeleton)
    name_tokens_plain: frozenset[str]  # the same folded like package ids
    certs: frozenset[str]
    developers: tuple[str, ...]  # skeletons
    developer_keys: frozenset[str]  # skeletons and the same without company-form words (有限公司 ...)
    developer_cores: tuple[str, ...]  # skeletons without company-form words
    icon_hashes: dict[str, tuple[int, ...]]  # hash kind → hashes (phash: icon + crop/hue variants)
    brand_characters: frozenset[str] = frozenset()  # keyword characters that name the institution (泰, 康)
    # the brand in Latin letters where no name or keyword spells it (scoring.latin_brand_signals), folded
    # like a name's Latin tokens → where it comes from: a long distinctive token of an official package id
    # (com.eastmoney.android → eastmoney) or an official developer name written in English without its
    # company form (Ping An Bank Co., Ltd. → pinganbank)
    latin_brands: dict[str, str] = field(default_factory=dict)
    # every character of the names' and keywords' skeletons: a name sharing none of them has no name
    # signal with the app except a sound-alike in other characters, which the pinyin keys retrieve
    ref_characters: frozenset[str] = frozenset()


def written_forms(text: str, lex: Lexicon) -> list[str]:
    """An official name or keyword, and the same with an institution word written the other way
    (lexicon abbreviations: 广州农商银行 and 广州农商行; session 30): a listing may write either."""
    forms = [text]
    for long, short in lex.abbreviations:
        if long in text:
            forms.append(text.replace(long, short))
        elif short in text:
            forms.append(text.replace(short, long))
    return forms


def compile_ref(text: str, kind: str) -> Ref | None:
    norm = normalise(text)
    skel = skeleton(text)
    if not skel:
        return None
    cjk = any(is_cjk(c) for c in skel)
    if cjk:
        plain = [
            p for p in lazy_pinyin(norm, style=Style.NORMAL, errors=lambda chars: list(chars)) if p.strip()
        ]
        spelled = "".join(latin_tokens("".join(plain)))
        inits = "".join(latin_tokens("".join(p[0] for p in plain)))
        spelled_plain = "".join(package_tokens("".join(plain)))
    else:
        spelled = inits = spelled_plain = ""
    return Ref(
        text=text,
        kind=kind,
        norm=norm,
        skel=skel,
        cjk=cjk,
        syllables=tuple(phrase_syllables(norm if len(norm) == len(skel) else skel)),
        original=norm if len(norm) == len(skel) else skel,
        tokens=tuple(latin_tokens(text)),
        spelled=spelled,
        initials=inits,
        spelled_plain=spelled_plain,
        collapsed=collapse_runs(skel),
    )


@cache
def _icon_hashes(
    path: Path, crops: bool, hues: bool, avatars: bool, geometry: bool = True
) -> dict[str, tuple[str, ...]]:
    return official_hashes(path, crops=crops, hues=hues, avatars=avatars, geometry=geometry)


def _distinctive(token: str, generic: frozenset[str], min_len: int) -> bool:
    return len(token) >= min_len and token not in generic and not token.isdigit()


def compile_app(
    index: int,
    app: ProtectedApp,
    *,
    icons_root: str | Path | None,
    min_token: int,
    icon_variants: bool = True,
    hue_variants: bool = True,
    avatar_variants: bool = True,
    geometry_variants: bool = True,
    precomputed: dict[Path, dict[str, tuple[str, ...]]] | None = None,
) -> CompiledApp:
    """``precomputed``: the official icon's hashes by path (icon_cache.official_hashes_many), computed
    here when the path is not in it."""
    lex = lexicon()
    refs: list[Ref] = []
    seen: set[str] = set()
    for kind, texts in (("name", app.names), ("keyword", app.brand_keywords)):
        for text in (form for written in texts for form in written_forms(written, lex)):
            ref = compile_ref(text, kind)
            if ref is not None and (ref.skel, kind) not in seen:
                seen.add((ref.skel, kind))  # type: ignore[arg-type]
                refs.append(ref)
    packages = {p.lower(): tuple(package_tokens(p)) for p in app.package_ids}
    not_own = lex.generic_tokens | lex.generic_pinyin
    distinctive = {t for tokens in packages.values() for t in tokens if _distinctive(t, not_own, min_token)}
    name_tokens = {t for ref in refs for t in ref.tokens if _distinctive(t, lex.generic_tokens, min_token)}
    name_tokens_plain = {
        t for ref in refs for t in package_tokens(ref.text) if _distinctive(t, lex.generic_tokens, min_token)
    }
    found: dict[str, list[int]] = {kind: [] for kind in INDEX_KINDS}
    given = dict(app.icon_hashes or {})
    if app.icon_phash:
        given["phash"] = app.icon_phash
    for kind, value in given.items():
        if kind in found:
            found[kind].append(hash_to_int(value))
    # The file is read when variants are wanted or when the precomputed fingerprint is incomplete.
    if app.icon and (icon_variants or app.icon_hashes is None or "phash" not in given):
        path = Path(icons_root, app.icon) if icons_root else Path(app.icon)
        try:
            computed = (precomputed or {}).get(path) or _icon_hashes(
                path,
                icon_variants,
                icon_variants and hue_variants,
                icon_variants and avatar_variants,
                icon_variants and geometry_variants,
            )
        except (OSError, ValueError) as exc:
            raise IconFileError(f"app {app.app_id}: cannot read icon {path}: {exc}") from None
        for kind, values in computed.items():
            found[kind].extend(h for h in map(hash_to_int, values) if h not in found[kind])
    icon_hashes = {kind: tuple(values) for kind, values in found.items() if values}
    return CompiledApp(
        index=index,
        app=app,
        refs=refs,
        packages=packages,
        distinctive_tokens=frozenset(distinctive),
        name_tokens=frozenset(name_tokens),
        name_tokens_plain=frozenset(name_tokens_plain),
        certs=frozenset(app.cert_sha256),
        developers=tuple(skeleton(d) for d in app.developers),
        developer_keys=frozenset(k for d in app.developers for k in developer_keys(d)),
        developer_cores=tuple(developer_core(skeleton(d)) for d in app.developers),
        icon_hashes=icon_hashes,
        brand_characters=_brand_characters(refs, app.institution, lex),
        latin_brands=latin_brands(frozenset(distinctive), tuple(app.developers)),
        ref_characters=frozenset(c for ref in refs for c in ref.skel),
    )


def _brand_characters(refs: list[Ref], institution: str, lex: Lexicon) -> frozenset[str]:
    """The Chinese characters of the brand keywords that name the institution (泰康保险集团's 泰生活 and 泰康:
    泰, 康; not 生活, a keyword's ordinary word), its institution words (银行, 保险 …) left out of its
    name (华农保险: 华, 农). When no keyword character is in the rest of the name (an English name),
    every keyword character."""
    keyword = {c for ref in refs if ref.kind == "keyword" for c in ref.skel if is_cjk(c)}
    own = skeleton(institution)
    for word in lex.institution_words:  # (longest first)
        own = own.replace(word, "")
    named = frozenset(c for c in keyword if c in own)
    return named or frozenset(keyword)
