"""Synthetic, labelled data for the look-alike engine (never committed; written under bench/data/).

* ``build_protected``: ~1,200 protected financial apps assembled from realistic parts (national banks,
  city and rural commercial banks, village banks, insurers, securities firms, fund managers,
  consumer-finance companies), with package ids, developers, certificates and PNG logos.
* ``build_eval``: labelled listings. Positives cover every deformation type (names and package ids),
  icon imitations (recolour, crop, badge, blur), repackaging, and an official package id without a
  certificate under a foreign developer. Hard negatives: the official apps themselves on other
  stores, other institutions' genuine apps (protected and not), the institutions' own other apps,
  generic finance tools, same-city non-financial apps, ordinary apps.
* ``unrelated_listing``: the bulk of the 2.3-million-listing scale set.

The deformations are produced by this generator's own rules and word lists (its homoglyph and
added-word lists overlap the engine's data files only partly), but the whole set is synthetic.
"""

from __future__ import annotations

import hashlib
import json
import random
from dataclasses import dataclass, field
from pathlib import Path

import icons_gen
import wordlists as W
from opencc import OpenCC
from pypinyin import Style, lazy_pinyin

from appgov.engines.lookalike.icons import fingerprint, phash_image

_s2t = OpenCC("s2t")

GEN_HOMOGLYPHS = {
    "银": "锒垠很",
    "行": "衍仃",
    "商": "啇裔",
    "工": "エ",
    "农": "衣",
    "建": "健廷",
    "设": "没",
    "招": "沼昭",
    "交": "父",
    "通": "诵涌",
    "民": "氏",
    "兴": "共",
    "光": "先",
    "华": "毕哗",
    "夏": "复",
    "信": "倍佶",
    "平": "乎苹",
    "安": "案按",
    "人": "入八",
    "寿": "涛筹",
    "保": "堡褓",
    "险": "检俭脸",
    "证": "征怔",
    "券": "劵卷",
    "金": "全舍",
    "融": "触隔",
    "中": "申巾",
    "国": "囯圄",
    "邮": "油铀",
    "储": "诸楮",
    "大": "太犬",
    "天": "夭无",
    "广": "厂",
    "发": "友拔",
    "海": "晦悔",
    "江": "汪红",
    "京": "凉惊",
    "东": "冻陈",
    "南": "喃楠",
    "北": "比兆",
    "州": "洲",
    "城": "诚域",
    "宁": "宇拧",
    "波": "坡被",
    "杭": "抗坑",
    "泰": "秦奉",
    "长": "张",
    "沙": "砂纱",
    "山": "出",
    "湖": "糊瑚",
    "福": "幅副",
    "门": "闩们",
    "青": "清菁",
    "岛": "鸟乌",
    "成": "戍",
    "都": "部",
    "武": "斌",
    "西": "酉",
    "合": "含",
    "济": "挤",
    "深": "探",
    "阳": "阴",
    "明": "朋",
    "州 ": "",
    "新": "亲",
    "德": "徳",
    "宝": "室",
    "丰": "韦",
}
LATIN_HOMOGLYPHS = {"I": "l1", "O": "0", "B": "8", "S": "5", "C": "С", "A": "А", "E": "Е", "M": "Μ", "P": "Р"}
GEN_ADDED_SUFFIX = [
    "官方版",
    "极速版",
    "Pro",
    "Lite",
    "尊享版",
    "青春版",
    "HD",
    "Plus",
    "极简版",
    "2027",
    "国际版",
    "手机版",
    "大字版",
    "官方",
    "客户端",
    "关怀版",
]
GEN_ADDED_PREFIX = ["官方", "新版", "掌上", "我的", "移动"]
GEN_OTHER_SUFFIX = [
    "e家",
    "生活",
    "理财通",
    "贷款",
    "钱包",
    "惠民",
    "云",
    "财富",
    "闪付",
    "商城",
    "积分",
    "服务",
]
GEN_OTHER_PREFIX = ["e", "i", "云", "惠", "智慧", "超级", "速易"]
PKG_ADDED = ["pro", "lite", "vip", "new", "hd", "plus"]
PKG_OTHER = ["wallet", "loan", "cash", "fast", "help", "tools", "cloud"]
STORES = [
    "huawei",
    "xiaomi",
    "oppo",
    "vivo",
    "tencent",
    "baidu",
    "360",
    "wandoujia",
    "apple",
    "website",
    "wechat-miniprogram",
    "alipay-miniprogram",
]


@dataclass
class Institution:
    name: str
    kind: str
    short: str
    acronym: str
    abbreviation: str | None
    place: str | None
    cert: str
    icon_path: str
    icon_hash: str
    apps: list[dict] = field(default_factory=list)
    icon_fp: dict = field(default_factory=dict)  # all icon hashes (icons.fingerprint), as ingest stores them


def initials(text: str) -> str:
    return "".join(p[0] for p in lazy_pinyin(text, style=Style.NORMAL) if p)


def spelled(text: str) -> str:
    return "".join(lazy_pinyin(text, style=Style.NORMAL))


def mini_id(rng: random.Random, kind: str) -> str:
    """A platform-assigned id: WeChat mini-program AppID, official-account id, Alipay AppID."""
    if kind == "wx":
        return "wx" + rng.randbytes(8).hex()
    if kind == "gh_":
        return "gh_" + rng.randbytes(6).hex()
    return "2021" + "".join(rng.choice("0123456789") for _ in range(12))


def _cert(rng: random.Random) -> str:
    return hashlib.sha256(rng.randbytes(32)).hexdigest()


def _institution_specs(rng: random.Random) -> tuple[list[tuple], list[str]]:
    specs: list[tuple] = []
    for inst, short, acro, abbr in W.NATIONAL_BANKS:
        specs.append((inst, "national_bank", short, acro, abbr, None, 3))
    cities = W.CITIES[:]
    rng.shuffle(cities)
    held_out = cities[:25]  # places whose banks are NOT protected (hard negatives)
    for city in cities[25:155]:
        specs.append(
            (f"{city}银行", "city_bank", f"{city}银行", initials(city).upper() + "CB", None, city, 2)
        )
    places = cities[155:] + W.COUNTIES
    for place in places:
        suffix = rng.choice(["农商银行", "农商银行", "农村商业银行"])
        specs.append(
            (
                f"{place}{suffix}",
                "rural_bank",
                f"{place}农商银行",
                initials(place).upper() + "RCB",
                None,
                place,
                1,
            )
        )
    for city in cities[25:155]:
        specs.append(
            (
                f"{city}农商银行",
                "rural_bank",
                f"{city}农商银行",
                initials(city).upper() + "RCB",
                None,
                city,
                1,
            )
        )
    for county in W.COUNTIES:
        specs.append(
            (
                f"{county}村镇银行",
                "village_bank",
                f"{county}村镇银行",
                initials(county).upper() + "VB",
                None,
                county,
                1,
            )
        )
    for brand in W.INSURER_BRANDS:
        for suffix in rng.sample(W.INSURER_SUFFIXES, rng.choice([1, 1, 2])):
            specs.append(
                (
                    f"{brand}{suffix}",
                    "insurer",
                    f"{brand}{suffix}",
                    initials(brand).upper() + "IC",
                    None,
                    None,
                    1,
                )
            )
    for brand in W.SECURITIES_BRANDS:
        specs.append(
            (f"{brand}证券", "securities", f"{brand}证券", initials(brand).upper() + "SC", None, None, 1)
        )
    for brand in W.FUND_BRANDS:
        specs.append(
            (f"{brand}基金", "fund", f"{brand}基金", initials(brand).upper() + "FUND", None, None, 1)
        )
    for brand in W.CONSUMER_FINANCE:
        specs.append(
            (
                f"{brand}消费金融",
                "consumer_finance",
                f"{brand}消费金融",
                initials(brand).upper() + "CF",
                None,
                None,
                1,
            )
        )
    return specs, held_out


def _unique(name: str, used: set[str]) -> str:
    base, n = name, 2
    while name in used:
        name = f"{base}{n}"
        n += 1
    used.add(name)
    return name


def build_protected(
    rng: random.Random, icons_dir: Path, target: int = 1200
) -> tuple[list[Institution], list[str]]:
    specs, held_out = _institution_specs(rng)
    icons_dir.mkdir(parents=True, exist_ok=True)
    institutions: list[Institution] = []
    used_packages: set[str] = set()
    used_names: set[str] = set()
    count = 0
    for inst, kind, short, acro, abbr, place, n_apps in specs:
        if count >= target or inst in used_names:
            continue
        used_names.add(inst)
        icon = icons_gen.logo(rng, acro[:3] if rng.random() < 0.6 else "")
        icon_rel = f"protected/{len(institutions):05d}.png"
        (icons_dir / "protected").mkdir(exist_ok=True)
        icon.save(icons_dir / icon_rel)
        it = Institution(inst, kind, short, acro, abbr, place, _cert(rng), icon_rel, phash_image(icon))
        it.icon_fp = IconFingerprint(fingerprint(icon))
        it.icon_fp.path = icon_rel  # a listing that shows the official icon points at its file
        token = acro.lower()
        app_kinds = ["main", "credit_card", "direct"][: max(1, min(n_apps, target - count))]
        for app_kind in app_kinds:
            if app_kind == "main":
                names = [inst] + (
                    [f"{inst}手机银行"] if "银行" in inst else [f"{inst}APP"] if rng.random() < 0.3 else []
                )
                pkg_tail = rng.choice(["mobilebank", "mbank", "bank", "client", "app", "android"])
                pkg = rng.choice(
                    [f"com.{token}.{pkg_tail}", f"cn.com.{token}.{pkg_tail}", f"com.{spelled(short)}.mobile"]
                )
            elif app_kind == "credit_card":
                names = [f"{short}信用卡"]
                pkg = f"com.{token}.creditcard"
            else:
                names = [f"{short}直销银行"]
                pkg = f"com.{token}.direct"
            pkg = _unique(pkg, used_packages)
            keywords = [short]
            if abbr:
                keywords.append(abbr)
            keywords.append(acro)
            extra = random.Random(f"{inst}/{app_kind}")  # apart from rng: older cases stay the same
            if app_kind == "main" and extra.random() < 0.5:  # its WeChat mini-program / official account
                pkg_extra = [mini_id(extra, extra.choice(["wx", "wx", "gh_"]))]
            else:
                pkg_extra = []
            app = {
                "app_id": f"app{count:05d}",
                "institution": inst,
                "names": list(dict.fromkeys(names)),
                "brand_keywords": list(dict.fromkeys(keywords)),
                "package_ids": [pkg, *pkg_extra],
                "developers": [f"{inst}股份有限公司"],
                "cert_sha256": [it.cert],
                "icon": it.icon_path,
                "icon_phash": it.icon_hash,
                "icon_hashes": extra_hashes(it.icon_fp),
            }
            it.apps.append(app)
            count += 1
        institutions.append(it)
    return institutions, held_out


# ---------------------------------------------------------------------------------------- deformations


def _char_pool() -> list[str]:
    text = "".join(
        W.APP_PREFIXES + W.APP_NOUNS + W.CITIES + W.COUNTIES + W.INSURER_BRANDS + W.SECURITIES_BRANDS
    )
    return sorted({c for c in text if "\u4e00" <= c <= "\u9fff"})


POOL = _char_pool()
_BY_PINYIN: dict[str, list[str]] = {}
for _c in POOL:
    _BY_PINYIN.setdefault(lazy_pinyin(_c, style=Style.NORMAL)[0], []).append(_c)


def _is_homophone(a: str, b: str) -> bool:
    return lazy_pinyin(a, style=Style.NORMAL) == lazy_pinyin(b, style=Style.NORMAL)


def _random_char(rng: random.Random, avoid: str) -> str:
    while True:
        c = rng.choice(POOL)
        if c != avoid and not _is_homophone(c, avoid) and c not in GEN_HOMOGLYPHS.get(avoid, ""):
            return c


def deform_name(kind: str, text: str, rng: random.Random) -> str | None:
    n = len(text)
    if kind == "insertion":
        i = rng.randint(1, n - 1)
        return text[:i] + _random_char(rng, text[i]) + text[i:]
    if kind == "omission":
        if n < 4:
            return None
        i = rng.randrange(n)
        return text[:i] + text[i + 1 :]
    if kind == "substitution":
        i = rng.randrange(n)
        return text[:i] + _random_char(rng, text[i]) + text[i + 1 :]
    if kind == "transposition":
        options = [i for i in range(n - 1) if text[i] != text[i + 1]]
        i = rng.choice(options)
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == "repetition":
        i = rng.randrange(n)
        return text[:i] + text[i] + text[i:]
    if kind == "homophone":
        options = [
            i
            for i, c in enumerate(text)
            if len(_BY_PINYIN.get(lazy_pinyin(c, style=Style.NORMAL)[0], [])) > 1
        ]
        if not options:
            return None
        out = list(text)
        for i in rng.sample(options, min(len(options), rng.choice([1, 1, 2]))):
            same = [c for c in _BY_PINYIN[lazy_pinyin(out[i], style=Style.NORMAL)[0]] if c != text[i]]
            out[i] = rng.choice(same)
        return "".join(out)
    if kind == "homoglyph":
        options = [i for i, c in enumerate(text) if GEN_HOMOGLYPHS.get(c)]
        if not options:
            return None
        i = rng.choice(options)
        return text[:i] + rng.choice(GEN_HOMOGLYPHS[text[i]]) + text[i + 1 :]
    if kind == "variant_form":  # traditional characters, spaces, punctuation, emoji, full width
        out = _s2t.convert(text) if rng.random() < 0.6 else text
        i = rng.randint(1, len(out) - 1)
        return (
            out[:i]
            + rng.choice([" ", "·", "-", "🔥", "✨", "\u200b", "・"])
            + out[i:]
            + rng.choice(["", "！", "®"])
        )
    if kind == "added_words":
        return rng.choice([text + rng.choice(GEN_ADDED_SUFFIX), rng.choice(GEN_ADDED_PREFIX) + text])
    if kind == "prefix_suffix":
        return rng.choice([text + rng.choice(GEN_OTHER_SUFFIX), rng.choice(GEN_OTHER_PREFIX) + text])
    if kind == "pinyin":
        return rng.choice([spelled(text), spelled(text).capitalize() + " App", initials(text).upper()])
    raise ValueError(kind)


def deform_token(kind: str, token: str, rng: random.Random) -> str | None:
    letters = "abcdefghijklmnopqrstuvwxyz"
    n = len(token)
    if kind == "pkg_insertion":
        i = rng.randint(1, n - 1)
        return token[:i] + rng.choice(letters) + token[i:]
    if kind == "pkg_omission":
        if n < 4:
            return None
        i = rng.randrange(n)
        return token[:i] + token[i + 1 :]
    if kind == "pkg_substitution":
        i = rng.randrange(n)
        return token[:i] + rng.choice([c for c in letters if c != token[i]]) + token[i + 1 :]
    if kind == "pkg_transposition":
        options = [i for i in range(n - 1) if token[i] != token[i + 1]]
        if not options:
            return None
        i = rng.choice(options)
        return token[:i] + token[i + 1] + token[i] + token[i + 2 :]
    if kind == "pkg_repetition":
        i = rng.randrange(n)
        return token[:i] + token[i] + token[i:]
    raise ValueError(kind)


NAME_TYPES = [
    "insertion",
    "omission",
    "substitution",
    "transposition",
    "repetition",
    "homophone",
    "homoglyph",
    "variant_form",
    "added_words",
    "prefix_suffix",
    "pinyin",
]
PACKAGE_TYPES = [
    "pkg_insertion",
    "pkg_omission",
    "pkg_substitution",
    "pkg_transposition",
    "pkg_repetition",
    "pkg_added_words",
    "pkg_prefix_suffix",
    "pkg_separator",
]
ICON_TYPES = list(icons_gen.IMITATIONS)
OTHER_POSITIVE_TYPES = ["latin_homoglyph", "combined", "repackaged", "official_package_foreign_developer"]
NEGATIVE_TYPES = [
    "official_other_store",
    "official_no_certificate",
    "institution_other_app",
    "other_institution_genuine",
    "unprotected_institution",
    "finance_tool",
    "same_city_app",
    "ordinary_app",
    "other_bank_icon",
    "generic_finance_icon",
]


# Cases added for issue 14 (drawn after all the older ones, so those stay the same).
ISSUE14_POSITIVE_TYPES = [
    "developer_impersonation",  # official developer name, a foreign certificate
    "decorated_name",  # emoji, 你好 prefixes, doubled characters, spaces, traditional, 福利/贷款 additions
    "miniprogram_counterfeit",  # mini-program / official account: platform id, no certificate, avatar
    "icon_generic_name",  # an imitated icon (incl. an avatar) under a name without any brand or finance word
]
ISSUE14_NEGATIVE_TYPES = [
    "official_any_developer",  # official package id + official certificate, any developer name
    "official_miniprogram",  # the institution's own mini-program id, official or no developer
    "miniprogram_ordinary",  # ordinary mini-programs and official accounts
    "unprotected_decorated",  # an unprotected institution's app with emoji / 官方版 decorations
]
# Geometric icon imitations under names without brand or finance words (icons_gen.GEOMETRIC_IMITATIONS),
# and their hard negative: an unprotected institution's logo deformed the same way. Drawn after every
# older case, so those stay the same.
GEOMETRY_POSITIVE_TYPES = list(icons_gen.GEOMETRIC_IMITATIONS)
GEOMETRY_NEGATIVE_TYPES = ["geometry_unprotected_logo"]
PLATFORM_SOURCES = ["wechat-miniprogram", "alipay-miniprogram", "wechat-official-account"]
EMOJI = ["✅", "🔥", "⭐", "💰", "🎁", "👍", "❤️", "✨", "🧧"]
DECORATION_PREFIX = ["你好", "官方", "", "", "新版"]
DECORATION_SUFFIX = ["官方版", "极速版", "贷款", "福利", "福利版", "", "", "APP"]
MINI_SUFFIX = {
    "wechat-miniprogram": ["", "小程序", "+", "服务", "官方"],
    "alipay-miniprogram": ["", "小程序", "生活号", "服务"],
    "wechat-official-account": ["", "公众号", "服务号", "微银行", "微信银行"],
}


def decorate(text: str, rng: random.Random) -> str:
    """What counterfeit listings do to a brand: emoji, greetings, a doubled character, a space,
    traditional characters, 官方版/福利 additions — two or three of them at once."""
    out = text
    moves = rng.sample(["emoji", "greeting", "double", "space", "traditional", "suffix"], rng.choice([2, 3]))
    if "double" in moves and len(out) >= 3:
        i = rng.randrange(1, len(out) - 1)
        out = out[: i + 1] + out[i] + out[i + 1 :]
    if "space" in moves and len(out) >= 3:
        i = rng.randrange(1, len(out))
        out = out[:i] + rng.choice([" ", "  ", "·"]) + out[i:]
    if "traditional" in moves:
        out = _s2t.convert(out)
    if "greeting" in moves:
        out = rng.choice(DECORATION_PREFIX) + out
    if "suffix" in moves:
        out = out + rng.choice(DECORATION_SUFFIX)
    if "emoji" in moves or rng.random() < 0.3:
        out = rng.choice(EMOJI) + out + rng.choice(EMOJI + [""])
    return out


class IconFingerprint(dict):
    """An icon's hashes (``icons.fingerprint``) that remember the image they came from, so that the
    listing also gets the icon file (``icon``): the keypoint verifier reads it (keypoints.py)."""

    image = None
    path: str | None = None


def icon_fingerprint(image) -> IconFingerprint:
    out = IconFingerprint(fingerprint(image))
    out.image = image
    return out


def extra_hashes(fp: dict) -> dict:
    """The ``icon_hashes`` of a listing: its fingerprint without the plain pHash (``icon_phash``)."""
    return {k: v for k, v in fp.items() if k != "phash"}


class Factory:
    def __init__(
        self, rng: random.Random, institutions: list[Institution], held_out: list[str], icons_dir: Path
    ):
        self.rng = rng
        self.institutions = institutions
        self.held_out = held_out
        self.icons_dir = icons_dir
        self.n = 0
        self.icon_pool = [icon_fingerprint(icons_gen.unrelated(random.Random(i))) for i in range(400)]

    def _id(self) -> str:
        self.n += 1
        return f"L{self.n:08d}"

    def _developer(self) -> str:
        return (
            self.rng.choice(W.DEVELOPER_WORDS)
            + self.rng.choice(W.DEVELOPER_WORDS)
            + self.rng.choice(W.DEVELOPER_SUFFIXES)
        )

    def _package(self) -> str:
        rng = self.rng
        return f"com.{rng.choice(W.LATIN_WORDS)}{rng.choice(W.LATIN_WORDS)}.{rng.choice(W.LATIN_WORDS)}"

    def listing(self, name: str, **kw) -> dict:
        rng = self.rng
        out = {
            "listing_id": self._id(),
            "source": rng.choice(STORES),
            "name": name,
            "package_id": kw.get("package_id", self._package()),
            "developer": kw.get("developer", self._developer()),
            "cert_sha256": kw.get("cert_sha256", _cert(rng) if rng.random() < 0.7 else None),
            "icon_fp": kw.get("icon_fp", rng.choice(self.icon_pool) if rng.random() < 0.7 else None),
            "url": None,
            "first_seen": kw.get("first_seen", f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"),
        }
        fp = out.pop("icon_fp")  # the hashes computed at ingest (icons.fingerprint)
        if getattr(fp, "image", None) is not None and fp.path is None:  # written once, then shared
            fp.path = f"listings/{out['listing_id']}.png"
            (self.icons_dir / "listings").mkdir(parents=True, exist_ok=True)
            fp.image.save(self.icons_dir / fp.path)
        if getattr(fp, "path", None):
            out["icon"] = fp.path
        out["icon_phash"] = fp["phash"] if fp else None
        out["icon_hashes"] = extra_hashes(fp) if fp else None
        if "icon" in kw:
            out["icon"] = kw["icon"]
        return out

    def _pick(self) -> tuple[Institution, dict]:
        it = self.rng.choice(self.institutions)
        return it, self.rng.choice(it.apps)

    def positive(self, kind: str) -> tuple[dict, dict] | None:
        rng = self.rng
        it, app = self._pick()
        label = {"positive": True, "type": kind, "institution": it.name, "app_id": app["app_id"]}
        base = rng.choice([it.short, app["names"][0]])
        if kind in NAME_TYPES:
            name = deform_name(kind, base, rng)
            if name is None or name == base:
                return None
            return self.listing(name), label
        if kind in PACKAGE_TYPES:
            official = app["package_ids"][0]
            parts = official.split(".")
            idx = next((i for i, p in enumerate(parts) if p == it.acronym.lower() and len(p) >= 4), None)
            if idx is None:
                return None
            token = parts[idx]
            if kind == "pkg_added_words":
                pkg = official + "." + rng.choice(PKG_ADDED)
            elif kind == "pkg_prefix_suffix":
                pkg = rng.choice([official + "." + rng.choice(PKG_OTHER), "net." + official])
            elif kind == "pkg_separator":
                pkg = (
                    ".".join(parts[:idx]) + "." + token + "_" + ".".join(parts[idx + 1 :])
                    if idx + 1 < len(parts)
                    else None
                )
                if pkg is None:
                    return None
                pkg = pkg.replace("_.", "_")
            else:
                new = deform_token(kind, token, rng)
                if new is None or new == token:
                    return None
                pkg = ".".join(parts[:idx] + [new] + parts[idx + 1 :])
            name = rng.choice(W.FINANCE_TOOLS + ["手机银行", "理财", "借钱", "贷款"])
            return self.listing(name, package_id=pkg), label
        if kind in ICON_TYPES:
            with icons_gen.Image.open(self.icons_dir / it.icon_path) as img:
                imitation = icons_gen.IMITATIONS[kind](img.convert("RGB"), rng)
            name = rng.choice(W.FINANCE_TOOLS + ["手机银行", "掌上银行", "贷款"])
            return self.listing(name, icon_fp=icon_fingerprint(imitation)), label
        if kind == "latin_homoglyph":
            acro = it.acronym
            options = [i for i, c in enumerate(acro) if c in LATIN_HOMOGLYPHS]
            if not options or len(acro) < 4:
                return None
            i = rng.choice(options)
            fake = acro[:i] + rng.choice(LATIN_HOMOGLYPHS[acro[i]]) + acro[i + 1 :]
            return self.listing(fake + rng.choice(["", " Mobile", "手机银行", " Pro"])), label
        if kind == "combined":  # two deformations stacked: an edit inside, added words outside
            inner = deform_name(
                rng.choice(["substitution", "homophone", "homoglyph", "repetition"]), it.short, rng
            )
            if inner is None:
                return None
            return self.listing(deform_name("added_words", inner, rng)), label
        if kind == "repackaged":
            return self.listing(
                app["names"][0], package_id=app["package_ids"][0], cert_sha256=_cert(rng)
            ), label
        if kind == "official_package_foreign_developer":
            return self.listing(app["names"][0], package_id=app["package_ids"][0], cert_sha256=None), label
        raise ValueError(kind)

    def _imitated_icon(self, it: Institution, kinds: list[str]) -> dict:
        with icons_gen.Image.open(self.icons_dir / it.icon_path) as img:
            return icon_fingerprint(
                icons_gen.MORE_IMITATIONS[self.rng.choice(kinds)](img.convert("RGB"), self.rng)
            )

    def issue14_positive(self, kind: str) -> tuple[dict, dict] | None:
        rng = self.rng
        it, app = self._pick()
        label = {"positive": True, "type": kind, "institution": it.name, "app_id": app["app_id"]}
        developer = app["developers"][0]
        base = rng.choice([it.short, app["names"][0]])
        if kind == "developer_impersonation":
            style = rng.random()
            if style < 0.4:  # the official name, a one-edit package (issue 14: 中国工商银行 · com.iccb)
                official = app["package_ids"][0]
                parts = official.split(".")
                i = max(range(len(parts)), key=lambda k: len(parts[k]))
                new = deform_token(
                    rng.choice(["pkg_substitution", "pkg_transposition", "pkg_insertion"]), parts[i], rng
                )
                if not new or new == parts[i]:
                    return None
                name = rng.choice([app["names"][0], it.short])
                pkg = ".".join(parts[:i] + [new] + parts[i + 1 :])
            elif style < 0.75:  # a decorated name, an unrelated package
                name, pkg = decorate(base, rng), self._package()
            else:  # a generic finance name: the developer claim is the only pointer
                name, pkg = rng.choice(W.FINANCE_TOOLS + ["手机银行", "掌上银行", "贷款"]), self._package()
            return self.listing(name, package_id=pkg, developer=developer, cert_sha256=_cert(rng)), label
        if kind == "decorated_name":
            name = decorate(base, rng)
            if name == base:
                return None
            dev = developer if rng.random() < 0.5 else self._developer()
            cert = rng.choice([None, _cert(rng)]) if dev != developer else None
            return self.listing(name, developer=dev, cert_sha256=cert), label
        if kind == "miniprogram_counterfeit":
            source = rng.choice(PLATFORM_SOURCES)
            name = rng.choice([base, base, decorate(base, rng)]) + rng.choice(MINI_SUFFIX[source])
            prefix = {
                "wechat-miniprogram": "wx",
                "alipay-miniprogram": "2021",
                "wechat-official-account": "gh_",
            }
            row = self.listing(
                name,
                package_id=mini_id(rng, prefix[source]),
                developer=rng.choice([developer, self._developer(), None]),
                cert_sha256=None,
                icon_fp=self._imitated_icon(it, ["icon_avatar"]) if rng.random() < 0.6 else None,
            )
            row["source"] = source
            return row, label
        if kind == "icon_generic_name":
            name = ordinary_name(rng)
            icon = self._imitated_icon(
                it, ["icon_crop", "icon_badge", "icon_recolour", "icon_blur", "icon_avatar"]
            )
            return self.listing(name, icon_fp=icon), label
        raise ValueError(kind)

    def geometry_positive(self, kind: str) -> tuple[dict, dict]:
        """A protected logo deformed geometrically, under an ordinary name (the icon is the only pointer)."""
        it, app = self._pick()
        label = {"positive": True, "type": kind, "institution": it.name, "app_id": app["app_id"]}
        with icons_gen.Image.open(self.icons_dir / it.icon_path) as img:
            icon = icons_gen.GEOMETRIC_IMITATIONS[kind](img.convert("RGB"), self.rng)
        return self.listing(ordinary_name(self.rng), icon_fp=icon_fingerprint(icon)), label

    def geometry_negative(self, kind: str) -> tuple[dict, dict]:
        """A logo drawn like the protected ones but of no protected institution, deformed the same ways."""
        rng = self.rng
        label = {"positive": False, "type": kind, "institution": None, "app_id": None}
        icon = icons_gen.logo(rng, rng.choice(["", "".join(rng.sample("ABCDEFGHJKLMNPQRSTWXYZ", 3))]))
        icon = rng.choice(list(icons_gen.GEOMETRIC_IMITATIONS.values()))(icon, rng)
        return self.listing(ordinary_name(rng), icon_fp=icon_fingerprint(icon)), label

    def issue14_negative(self, kind: str) -> tuple[dict, dict] | None:
        rng = self.rng
        label = {"positive": False, "type": kind, "institution": None, "app_id": None}
        it, app = self._pick()
        if kind == "official_any_developer":
            return self.listing(
                rng.choice(app["names"]),
                package_id=app["package_ids"][0],
                developer=rng.choice([self._developer(), None, "个人开发者"]),
                cert_sha256=it.cert,
                icon_fp=it.icon_fp,
            ), label
        if kind == "official_miniprogram":
            minis = [p for a in it.apps for p in a["package_ids"][1:]]
            if not minis:
                return None
            mini = rng.choice(minis)
            source = "wechat-official-account" if mini.startswith("gh_") else "wechat-miniprogram"
            row = self.listing(
                rng.choice(app["names"]) + rng.choice(MINI_SUFFIX[source]),
                package_id=mini,
                developer=rng.choice([app["developers"][0], None]),
                cert_sha256=None,
                icon_fp=self._imitated_icon(it, ["icon_avatar"]),
            )
            row["source"] = source
            return row, label
        if kind == "miniprogram_ordinary":
            source = rng.choice(PLATFORM_SOURCES)
            name = rng.choice([ordinary_name(rng), rng.choice(W.FINANCE_TOOLS)]) + rng.choice(
                MINI_SUFFIX[source]
            )
            prefix = {
                "wechat-miniprogram": "wx",
                "alipay-miniprogram": "2021",
                "wechat-official-account": "gh_",
            }
            row = self.listing(name, package_id=mini_id(rng, prefix[source]), cert_sha256=None)
            row["source"] = source
            return row, label
        if kind == "unprotected_decorated":
            if rng.random() < 0.4:
                name = rng.choice(W.FOREIGN_BANKS)
            else:
                name = rng.choice(self.held_out) + rng.choice(["银行", "农商银行", "村镇银行"])
            return self.listing(
                rng.choice(EMOJI)
                + name
                + rng.choice(["官方版", "手机银行", "", "APP"])
                + rng.choice(EMOJI + [""]),
                developer=name + "股份有限公司",
            ), label
        raise ValueError(kind)

    def negative(self, kind: str) -> tuple[dict, dict] | None:
        rng = self.rng
        label = {"positive": False, "type": kind, "institution": None, "app_id": None}
        it, app = self._pick()
        official = {
            "package_id": app["package_ids"][0],
            "developer": app["developers"][0],
            "icon_fp": it.icon_fp,
        }
        if kind in ("official_other_store", "other_institution_genuine"):
            return self.listing(rng.choice(app["names"]), cert_sha256=it.cert, **official), label
        if kind == "official_no_certificate":
            return self.listing(rng.choice(app["names"]), cert_sha256=None, **official), label
        if kind == "institution_other_app":  # signed with its key, not registered: "unregistered"
            name = it.short + rng.choice(["招聘", "员工之家", "党建", "培训", "云办公", "远程银行"])
            label.update(expect="unregistered", institution=it.name)
            return self.listing(name, developer=official["developer"], cert_sha256=it.cert), label
        if kind == "unprotected_institution":
            if rng.random() < 0.4:
                name = rng.choice(W.FOREIGN_BANKS)
            else:
                place = rng.choice(self.held_out)
                name = place + rng.choice(["银行", "农商银行", "村镇银行"])
            name += rng.choice(["", "手机银行"])
            return self.listing(name, developer=name.replace("手机银行", "") + "股份有限公司"), label
        if kind == "finance_tool":
            return self.listing(
                rng.choice(W.FINANCE_TOOLS) + rng.choice(["", "", "Pro", "大师", "助手"])
            ), label
        if kind == "same_city_app":
            place = it.place or rng.choice(W.CITIES)
            return self.listing(
                place
                + rng.choice(
                    [
                        "公交",
                        "地铁",
                        "人社",
                        "本地宝",
                        "发布",
                        "医保",
                        "政务",
                        "教育",
                        "房产网",
                        "招聘网",
                        "天气",
                        "停车",
                    ]
                )
            ), label
        if kind == "ordinary_app":
            return self.listing(ordinary_name(rng)), label
        if kind == "other_bank_icon":
            # The icon positives' names with the logo of a bank that is not protected (drawn like the
            # protected logos), half of the time badged, recoloured, cropped or blurred as well.
            icon = icons_gen.logo(rng, rng.choice(["", "".join(rng.sample("ABCDEFGHJKLMNPQRSTWXYZ", 3))]))
            if rng.random() < 0.5:
                icon = icons_gen.IMITATIONS[rng.choice(ICON_TYPES)](icon, rng)
            name = rng.choice(W.FINANCE_TOOLS + ["手机银行", "掌上银行", "贷款"])
            return self.listing(name, icon_fp=icon_fingerprint(icon)), label
        if kind == "generic_finance_icon":  # a ¥/$ coin, a card, a chart, a shield: what finance tools use
            icon = icons_gen.generic_finance(rng)
            name = rng.choice(W.FINANCE_TOOLS + ["手机银行", "掌上银行", "贷款"])
            return self.listing(name, icon_fp=icon_fingerprint(icon)), label
        raise ValueError(kind)


def ordinary_name(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.75:
        return rng.choice(W.APP_PREFIXES) + rng.choice(W.APP_NOUNS) + rng.choice(W.APP_SUFFIXES)
    if r < 0.9:
        return (
            rng.choice(W.LATIN_WORDS).capitalize()
            + rng.choice(W.LATIN_WORDS).capitalize()
            + rng.choice(["", " Pro", " Lite", " HD", " 2"])
        )
    return rng.choice(W.APP_NOUNS) + rng.choice(W.APP_NOUNS)


def build_eval(factory: Factory, per_positive: int, per_negative: int) -> list[tuple[dict, dict]]:
    rows = []
    for kind in NAME_TYPES + PACKAGE_TYPES + ICON_TYPES + OTHER_POSITIVE_TYPES:
        made = tries = 0
        while made < per_positive and tries < per_positive * 20:
            tries += 1
            row = factory.positive(kind)
            if row is not None:
                rows.append(row)
                made += 1
    for kind in NEGATIVE_TYPES:
        for _ in range(per_negative):
            row = factory.negative(kind)
            if row is not None:
                rows.append(row)
    for kind in ISSUE14_POSITIVE_TYPES:
        made = tries = 0
        while made < per_positive and tries < per_positive * 20:
            tries += 1
            row = factory.issue14_positive(kind)
            if row is not None:
                rows.append(row)
                made += 1
    for kind in ISSUE14_NEGATIVE_TYPES:
        made = tries = 0
        while made < per_negative and tries < per_negative * 20:
            tries += 1
            row = factory.issue14_negative(kind)
            if row is not None:
                rows.append(row)
                made += 1
    return rows


def build_geometry(factory: Factory, per_positive: int, per_negative: int) -> list[tuple[dict, dict]]:
    """The geometric icon imitations and their hard negatives: a set of its own (quality.py
    ``synthetic_geometry``), drawn after build_eval's rows so that those stay the same."""
    rows = []
    for kind in GEOMETRY_POSITIVE_TYPES:
        for _ in range(per_positive):
            rows.append(factory.geometry_positive(kind))
    for kind in GEOMETRY_NEGATIVE_TYPES:
        for _ in range(per_negative):
            rows.append(factory.geometry_negative(kind))
    return rows


def write_protected(institutions: list[Institution], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for it in institutions:
            for app in it.apps:
                fh.write(json.dumps(app, ensure_ascii=False) + "\n")
