"""The dictionaries the extraction uses, read once from data/*.yaml."""

import functools
import json
import re
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"
NORMALISE = re.compile(r"[\s+＋（）()·]")
SDK_CATALOGUE = Path(__file__).parents[1] / "apkscan" / "data" / "sdk_catalogue.json"


@functools.cache
def taxonomy() -> dict:
    return yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))["pi_types"]


@functools.cache
def permission_groups() -> dict:
    return yaml.safe_load((DATA / "permissions.yaml").read_text(encoding="utf-8"))["groups"]


@functools.cache
def completeness_rules() -> list:
    return yaml.safe_load((DATA / "completeness.yaml").read_text(encoding="utf-8"))["rules"]


@functools.cache
def sdk_catalogue() -> list:
    """The package scanner's SDK catalogue: each SDK's names, vendor and the personal information it collects."""
    return json.loads(SDK_CATALOGUE.read_text(encoding="utf-8"))["sdks"]


@functools.cache
def pi_words() -> list[tuple[str, str | None]]:
    """(word, pi type), longest word first, so that 身份证号码 is found before 身份证. Words of `not_pi`
    (页面图片: a picture of the app, not the user's) come with None: they take their place in the sentence so
    that a shorter synonym inside them (图片) is not read there."""
    data = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    pairs = [(w, code) for code, spec in taxonomy().items() for w in spec["synonyms"]]
    pairs += [(w, None) for w in data.get("not_pi") or []]
    return sorted(pairs, key=lambda p: -len(p[0]))


@functools.cache
def captured_with() -> dict[str, str]:
    """{word: the device type its capture declares too} (语音输入 -> microphone), from taxonomy.yaml captured_with."""
    data = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    return {w: code for code, words in (data.get("captured_with") or {}).items() for w in words}


@functools.cache
def captured_by() -> dict[str, str]:
    """{type: the device whose capture it is} (voice -> microphone), from taxonomy.yaml captured_by."""
    data = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    return data.get("captured_by") or {}


@functools.cache
def live_only() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(words of a live call, words that say it is recorded): taxonomy.yaml live_only."""
    data = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8")).get("live_only") or {}
    return tuple(data.get("words") or []), tuple(data.get("unless") or [])


@functools.cache
def captures() -> dict[str, list[str]]:
    """{device type: the types its capture is} (microphone -> voice), from taxonomy.yaml captures."""
    data = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    return data.get("captures") or {}


@functools.cache
def pi_pattern() -> tuple[re.Pattern, dict[str, str | None]]:
    """One expression for every word of pi_words (longest first at each place), and the type of each word."""
    words = pi_words()
    return re.compile("|".join(re.escape(w) for w, _c in words)), dict(words)


# a measure word before 个 makes 个推 of 每个推送 a word of the sentence, not the brand
MEASURE_BEFORE = "每一这那单多几各某整两三四五六七八九十"


def name_fits(text: str, match: re.Match) -> bool:
    """Whether a match of sdk_name_pattern or vendor_pattern in normalised text is the name: a short Latin name
    (TBS, MMKV) only as a word (SDK or Kit may follow), 个推 not after a measure word. (Checked after matching: one
    plain alternation of hundreds of names is several times faster than one with look-arounds.)"""
    name, start, end = match.group(), match.start(), match.end()
    if name.isascii() and len(name) <= 5:
        before = text[start - 1 : start]
        after = text[end:]
        return not (before.isascii() and before.isalnum()) and (
            not after or not (after[0].isascii() and after[0].isalnum()) or after.startswith(("sdk", "kit"))
        )
    if name.startswith("个"):
        return start == 0 or text[start - 1] not in MEASURE_BEFORE
    return True


@functools.cache
def sdk_name_pattern() -> tuple[re.Pattern, dict[str, dict]]:
    """One expression for every normalised name of sdk_names (a match is the name where name_fits), and the
    catalogue entry of each."""
    names = sdk_names()
    return re.compile("|".join(re.escape(n) for n, _e in names)), dict(names)


@functools.cache
def pi_words_needing_a_verb() -> dict[str, tuple[str, list[str]]]:
    """{word: (pi type, verbs)}: words that declare the type only with one of the verbs before them in the same
    part of the sentence (短信验证码 declares SMS only where the app reads it: 自动读取短信验证码); longest first, so
    that 收款账号 (payment_info) holds its place before 账号 (account_info) is read inside it."""
    pairs = [
        (word, (code, spec["with_verb"]["verbs"]))
        for code, spec in taxonomy().items()
        if spec.get("with_verb")
        for word in spec["with_verb"]["words"]
    ]
    return dict(sorted(pairs, key=lambda p: -len(p[0])))


@functools.cache
def permission_words() -> list[tuple[str, str]]:
    pairs = [(w, code) for code, spec in permission_groups().items() for w in spec["words"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@functools.cache
def permission_short_words() -> list[tuple[str, str]]:
    pairs = [(w, code) for code, spec in permission_groups().items() for w in spec.get("short") or []]
    return sorted(pairs, key=lambda p: -len(p[0]))


@functools.cache
def permission_names() -> list[tuple[str, str, bool]]:
    """(word, group, is a bare name) for every word and bare name of every group, longest first (a word before a
    bare name of the same length)."""
    pairs = {(w, c, False) for w, c in permission_words()}
    pairs |= {(w, c, True) for w, c in permission_short_words() if (w, c, False) not in pairs}
    return sorted(pairs, key=lambda p: (-len(p[0]), p[2], p[0]))


@functools.cache
def permission_of_data() -> dict[str, str]:
    """{personal-information type: permission group} for the data a permission guards (location -> location)."""
    return {t: code for code, spec in permission_groups().items() for t in spec.get("data") or []}


@functools.cache
def purposes_reading() -> dict[str, tuple[str, list[str]]]:
    """{permission group: (the data type it guards, the words of a purpose that reads that data)}: a permission
    given with such a purpose (位置权限：用于展示附近的ATM) labels the data too (FRESH_SET_BRIEF.md), from
    permissions.yaml `reads_with`."""
    return {
        code: (spec.get("reads_data") or spec["data"][0], list(spec["reads_with"]))
        for code, spec in permission_groups().items()
        if spec.get("reads_with") and (spec.get("data") or spec.get("reads_data"))
    }


@functools.cache
def permission_to_group() -> dict[str, str]:
    """{permission as a scan reports it: group}: Android, iOS and HarmonyOS names, a mini-program's scopes
    (scope.userLocation) and its requiredPrivateInfos (requiredPrivateInfos:getLocation)."""
    out = {
        name: code
        for code, spec in permission_groups().items()
        for platform in ("android", "ios", "harmony")
        for name in spec.get(platform) or []
    }
    for code, spec in permission_groups().items():
        for name in spec.get("miniprogram") or []:
            if name.startswith("scope."):
                out[name] = code
            elif name.startswith("wx."):
                out["requiredPrivateInfos:" + name[3:]] = code
    return out


@functools.cache
def permission_id_to_group() -> dict[str, str]:
    """permission_to_group and the mini-program scopes and interfaces (scope.userLocation, wx.getLocation), plus each
    identifier's bare name (CAMERA, READ_PHONE_STATE, getLocation) where only one group has it."""
    full = {k: v for k, v in permission_to_group().items() if not k.startswith("requiredPrivateInfos:")}
    for code, spec in permission_groups().items():
        for name in spec.get("miniprogram") or []:
            full[name] = code
    bare: dict[str, set[str]] = {}
    for name, code in full.items():
        bare.setdefault(name.rsplit(".", 1)[-1], set()).add(code)
    return {**{k: next(iter(v)) for k, v in bare.items() if len(v) == 1}, **full}


@functools.cache
def _aliases_file() -> dict:
    return yaml.safe_load((DATA / "sdk_aliases.yaml").read_text(encoding="utf-8"))


@functools.cache
def sdk_functions() -> dict[str, list[str]]:
    return _aliases_file()["functions"]


def functions_in(text: str) -> set[str]:
    """The functions (push, analytics, map …) a name speaks of: 个推消息推送 -> {push}."""
    low = normalise(text)
    return {f for f, words in sdk_functions().items() if any(w.lower() in low for w in words)}


def _brand(name: str) -> str:
    """A name without the function and generic words it ends with: 个推推送 -> 个推, 友盟+ 统计分析 -> 友盟,
    支付宝支付 -> 支付宝, 百度移动统计 -> 百度."""
    key = normalise(name)
    endings = sorted(
        {w.lower() for words in sdk_functions().values() for w in words} | set(GENERIC_SDK_WORDS),
        key=len,
        reverse=True,
    )
    changed = True
    while changed:
        changed = False
        for w in endings:
            if key.endswith(w) and len(key) > len(w):
                key, changed = key[: -len(w)], True
    return key.strip("-_/.")


GENERIC_SDK_WORDS = [
    "sdk",
    "kit",
    "服务",
    "组件",
    "插件",
    "控件",
    "开放平台",
    "平台",
    "移动",
    "手机",
    "云",
    "科技",
]


@functools.cache
def sdk_brands() -> list[tuple[str, dict, frozenset]]:
    """(brand, catalogue entry, functions), longest brand first: each SDK's maker as policies name it (the
    first word of its Chinese name, its English name and its vendor), with what it does. A policy naming an SDK
    by brand and function ("个推消息推送SDK", "友盟+ U-App统计SDK", "HUAWEI Push Kit") is resolved to the one
    catalogue SDK of that brand with that function; a brand with several such SDKs resolves to none."""

    function_words = {w.lower() for words in sdk_functions().values() for w in words}
    generic = function_words | set(GENERIC_SDK_WORDS) | {"account", "core", "ml", "mobile", "cloud"}

    def usable(brand: str) -> bool:
        # a product name that is only a function (Push Kit, Analytics Kit) is no brand
        return len(brand) >= 2 and not (brand.isascii() and len(brand) < 3) and brand not in generic

    by_vendor: dict[str, set[str]] = {}
    own: dict[str, set[str]] = {}
    for entry in sdk_catalogue():
        zh = entry.get("name_zh") or ""
        names = [
            zh.split(" ")[0] if " " in zh else zh,
            entry["name"].split(" ")[0],
            entry["vendor"].split(" ")[0],
        ]
        brands = {b for b in map(_brand, names + sdk_aliases().get(entry["id"], [])) if usable(b)}
        own[entry["id"]] = brands
        by_vendor.setdefault(normalise(entry["vendor"]), set()).update(brands)
    out = []
    for entry in sdk_catalogue():
        functions = sdk_functions_of(entry["id"])
        # a brand is its vendor's: 腾讯 names Tencent's Beacon as well as its MTA
        brands = own[entry["id"]] | by_vendor[normalise(entry["vendor"])]
        out += [(b, entry, functions) for b in brands]
    return sorted(out, key=lambda p: -len(p[0]))


def resolve_sdk(mention: str) -> dict | None:
    """The catalogue SDK a policy's name of it stands for, by brand and function, or None when it is not one
    (or could be several)."""
    key = normalise(mention)
    wanted = functions_in(mention)
    if not wanted:
        return None
    hits = {}
    for brand, entry, functions in sdk_brands():
        if brand in key and wanted & functions:
            hits.setdefault(entry["id"], (len(brand), entry))
    if not hits:
        return None
    best = max(n for n, _e in hits.values())
    top = [e for n, e in hits.values() if n == best]
    return top[0] if len(top) == 1 else None


def normalise(text: str) -> str:
    """Lower case without spaces, plus signs, brackets and middle dots: how names are compared."""
    return NORMALISE.sub("", text).lower()


@functools.cache
def sdk_aliases() -> dict[str, list[str]]:
    return _aliases_file()["aliases"]


@functools.cache
def sdk_names() -> list[tuple[str, dict]]:
    """(normalised name as a policy writes it, catalogue entry), longest first: the catalogue's Chinese and English
    names and the aliases of data/sdk_aliases.yaml (a short name of Latin letters, TBS or MMKV, only as a whole word)."""
    aliases = sdk_aliases()
    pairs = []
    for entry in sdk_catalogue():
        own = aliases.get(entry["id"], [])
        for name in {entry.get("name_zh"), entry.get("name"), *own}:
            # a two-character brand (环信, 同盾) only as an alias written down for it
            if name and (len(normalise(name)) >= 3 or (name in own and len(normalise(name)) == 2)):
                pairs.append((normalise(name), entry))
    return sorted(pairs, key=lambda p: -len(p[0]))


@functools.cache
def sdk_packages() -> list[tuple[str, dict]]:
    """(Java package, catalogue entry), longest first: the package names of the catalogue's signatures, which a
    policy's SDK list may give instead of a name (com.igexin.sdk is Getui's)."""
    pairs = [
        (package.lower(), entry)
        for entry in sdk_catalogue()
        for package in (entry.get("signatures") or {}).get("packages") or []
    ]
    return sorted(pairs, key=lambda p: -len(p[0]))


def sdk_of_package(name: str) -> dict | None:
    """The catalogue SDK whose package `name` is or lies in (com.igexin.sdk -> getui), else None."""
    name = name.lower()
    return next((e for p, e in sdk_packages() if name == p or name.startswith(p + ".")), None)


@functools.cache
def sdk_functions_of(sdk_id: str) -> frozenset[str]:
    """What a catalogue SDK does: from sdk_aliases.yaml `sdk_functions`, else its names, else its category."""
    fixed = (_aliases_file().get("sdk_functions") or {}).get(sdk_id)
    if fixed:
        return frozenset(fixed)
    entry = next(e for e in sdk_catalogue() if e["id"] == sdk_id)
    zh = entry.get("name_zh") or ""
    return frozenset(functions_in(f"{zh} {entry['name']}") or functions_in(entry.get("category", "")))


@functools.cache
def _vendor_data() -> tuple[dict, dict]:
    data = _aliases_file()
    return data.get("vendors") or {}, data.get("primary") or {}


def strict_vendors() -> frozenset[str]:
    return frozenset(_aliases_file().get("strict_vendors") or [])


def umbrella_sdks() -> frozenset[str]:
    return frozenset(_aliases_file().get("umbrella") or [])


@functools.cache
def not_voice_beside() -> tuple[str, ...]:
    """Words (声纹) in whose part of a sentence voice is not read: taxonomy.yaml not_voice_beside."""
    data = yaml.safe_load((DATA / "taxonomy.yaml").read_text(encoding="utf-8"))
    return tuple(data.get("not_voice_beside") or [])


def reading_functions() -> dict[str, str]:
    """{SDK function: permission group}: an SDK of the function used for a purpose that reads the group's data
    (permissions.yaml reads_with) declares the data, from sdk_aliases.yaml reading_functions."""
    return dict(_aliases_file().get("reading_functions") or {})


def device_words() -> tuple[str, ...]:
    """Words after a maker's name that make it the brand of the user's device (华为手表), not an SDK's maker."""
    return tuple(_aliases_file().get("device_words") or [])


def destination_words() -> tuple[str, ...]:
    """Words before a maker's name that make it where content is shared (分享到微博), not an SDK's maker."""
    return tuple(_aliases_file().get("destination_words") or [])


def host_platform_sdks() -> dict[str, frozenset[str]]:
    """{word naming a mini-program: the SDKs that are its host platform's own features there}."""
    return {k: frozenset(v) for k, v in (_aliases_file().get("host_platform") or {}).items()}


@functools.cache
def vendor_pattern() -> tuple[re.Pattern, dict[str, frozenset[str]]]:
    """One expression for every normalised name of an SDK maker (longest first; a match is the name where
    name_fits), and the catalogue vendors each name stands for."""
    by_name: dict[str, set[str]] = {}
    for vendor, names in _vendor_data()[0].items():
        for name in names:
            by_name.setdefault(normalise(str(name)), set()).add(vendor)
    parts = [re.escape(name) for name in sorted(by_name, key=len, reverse=True)]
    return re.compile("|".join(parts)), {n: frozenset(v) for n, v in by_name.items()}


def resolve_vendor(vendors: frozenset[str], wanted: set[str]) -> list[dict]:
    """The catalogue SDKs a policy means when it names only their maker(s) and the functions `wanted`: for each
    function, the maker's one SDK with it (or the maker's primary one for it). With no function, none: a maker
    named alone does not say which of its products is embedded, even where the catalogue lists one SDK of it
    (FRESH_SET_BRIEF.md; the policy's name of it is listed as written). [] when that is not one SDK."""
    if not wanted:
        return []
    entries = [e for e in sdk_catalogue() if e["vendor"] in vendors]
    primary = _vendor_data()[1]
    out = []
    for function in sorted(wanted):
        hits = [e for e in entries if function in sdk_functions_of(e["id"])]
        if len(hits) > 1:
            chosen = {primary.get(v, {}).get(function) for v in vendors} - {None}
            hits = [e for e in hits if e["id"] in chosen]
        if len(hits) == 1 and hits[0] not in out:
            out.append(hits[0])
    return out
