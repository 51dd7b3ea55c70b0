"""Generates the independent labelled listing set for the look-alike engine.

    python bench/lookalike/independent/generate.py [--out DIR] [--seed N]

Writes DIR/icons/protected/*.png (the official icons the protected file points at),
DIR/icons/generated/*.png, DIR/generated/listings.jsonl and DIR/generated/labels.jsonl.
Same seed, same files (icon bytes depend on the CJK font being installed, see README).
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402
import logos  # noqa: E402
import names  # noqa: E402
from common import DEFAULT_OUT, Protected, foreign_cert, institution_apps, label, load_protected, write_jsonl  # noqa: E402
from vocab import (  # noqa: E402
    ANDROID_SOURCES,
    COMMON_WORD_APPS,
    DEV_CITIES,
    DEV_OTHER,
    DEV_TAILS,
    DEV_WORDS,
    DOWNLOAD_HOSTS,
    FINANCE_TOOLS,
    GENERIC_BANK_NAMES,
    OFFICIAL_STORES,
    ORDINARY_APPS,
    OTHER_BANK_APPS,
)

SEED = 20261204
INSURERS = {"chinalife", "pingan", "cpic", "cntp", "picc", "taikang", "ncl", "sinosig", "zhongan"}
SERVICE_WORDS = (
    "积分兑换",
    "信用卡提额",
    "客服中心",
    "福利社",
    "贷款申请",
    "额度查询",
    "服务号",
    "在线客服",
    "优惠券",
    "理赔服务",
    "保单查询",
    "养老金",
    "数字人民币",
    "会员中心",
    "领取补贴",
    "安全认证",
)
BANK_MARKS = (
    "bjrcb",
    "srcb",
    "gzcb",
    "zybank",
    "cscb",
    "cdcb",
    "gyb",
    "hsbc",
    "sc",
    "bea",
    "unionpay",
    "cnpost",
)
UNREGISTERED_FORMS = (
    (".pad", "HD"),
    (".lite", "极速版"),
    (".uat", "测试版"),
    (".enterprise", "企业手机银行"),
    (".elder", "大字版"),
    (".intl", "国际版"),
    (".wear", "手表版"),
    (".staff", "员工版"),
)


def protected_icon_files(apps: list[Protected], icons_root: Path) -> dict[str, object]:
    """Draws every protected app's official icon once; returns the images by app_id."""
    images = {}
    (icons_root / "protected").mkdir(parents=True, exist_ok=True)
    for app in apps:
        img = logos.protected_logo(app.app_id, app.names[0])
        img.save(icons_root / "protected" / f"{app.app_id}.png")
        images[app.app_id] = img
    return images


class SetBuilder:
    def __init__(self, apps: list[Protected], out: Path, rng: random.Random):
        self.apps = apps
        self.by_id = {a.app_id: a for a in apps}
        self.rng = rng
        self.icons_root = out / "icons"
        self.base_icons = protected_icon_files(apps, self.icons_root)
        shutil.rmtree(self.icons_root / "generated", ignore_errors=True)  # no icons of an earlier build
        (self.icons_root / "generated").mkdir(parents=True)
        self.listings: list[dict] = []
        self.labels: list[dict] = []
        self.store_apps = [a for a in apps if not a.is_channel]
        self.channel_apps = [a for a in apps if a.is_channel]
        self.fraud_certs = [foreign_cert(f"ring-{k}") for k in range(40)]
        self.avoid = names.brand_tokens_of(p for a in apps for p in a.packages if "." in p)

    # -------------------------------------------------------------- helpers
    def _next_id(self) -> str:
        return f"G{len(self.listings) + 1:05d}"

    def save_icon(self, img) -> str:
        rel = f"generated/{len(self.listings) + 1:05d}.png"
        img.save(self.icons_root / rel)
        return rel

    def fraud_developer(self) -> str | None:
        r = self.rng.random()
        if r < 0.6:
            return self.rng.choice(DEV_CITIES) + self.rng.choice(DEV_WORDS) + self.rng.choice(DEV_TAILS)
        if r < 0.9:
            return self.rng.choice(DEV_OTHER)
        return None

    def first_seen(self) -> str:
        return (date(2026, 1, 1) + timedelta(days=self.rng.randrange(330))).isoformat()

    def main_app(self, app: Protected) -> bool:
        return institution_apps(self.apps, app.key)[0] == app.app_id

    def accept_for(self, app: Protected, brand_level: bool) -> list[str]:
        return institution_apps(self.apps, app.key) if brand_level else [app.app_id]

    def add(self, case: str, expected: str, target: Protected | None, brand_level: bool, **fields) -> None:
        lid = self._next_id()
        listing = {"listing_id": lid, "source": fields.pop("source"), "name": fields.pop("name")}
        for key in ("package_id", "developer", "cert_sha256", "icon", "url"):
            value = fields.pop(key, None)
            if value is not None:
                listing[key] = value
        listing["first_seen"] = self.first_seen()
        if fields:
            raise TypeError(f"unknown listing fields {sorted(fields)}")
        self.listings.append(listing)
        if target is None:
            self.labels.append(label(lid, expected, case))
        else:
            self.labels.append(
                label(
                    lid,
                    expected,
                    case,
                    target.app_id,
                    self.accept_for(target, brand_level),
                    target.institution,
                )
            )

    def android_listing(self) -> dict:
        source = self.rng.choice(ANDROID_SOURCES)
        extra = {"source": source}
        if source == "download-site":
            extra["url"] = (
                f"https://{self.rng.choice(DOWNLOAD_HOSTS)}/soft/{self.rng.randint(10000, 999999)}.html"
            )
        elif source == "sms-link-apk":
            extra["url"] = (
                f"http://{self.rng.choice(('icbc', 'ccb', 'bank', 'jifen', 'etc'))}-{self.rng.randint(10, 99)}.{self.rng.choice(('top', 'xyz', 'cc', 'vip'))}/app.apk"
            )
        return extra

    def deformed_icon(self, app: Protected, label_text: str) -> str:
        how = self.rng.choice(logos.DEFORMATIONS)
        return self.save_icon(logos.deform(self.base_icons[app.app_id], how, self.rng, label_text))

    def fraud_icon(self, app: Protected, name: str) -> str | None:
        r = self.rng.random()
        if r < 0.45:
            return self.deformed_icon(app, name)
        if r < 0.65:
            return self.save_icon(logos.draw_generic(self.rng.choice(logos.GENERIC_KINDS), self.rng))
        return None

    def base_name(self, app: Protected) -> tuple[str, bool]:
        """A name to deform and whether it is brand-level (the institution's brand) or the app's own."""
        if self.main_app(app):
            pool = [n for n in app.names + app.keywords if len(n) >= 3 and not n.isascii()]
            return self.rng.choice(pool or list(app.names)), True
        return app.names[0], False

    def pick_app(self, k: int) -> Protected:
        return self.store_apps[k % len(self.store_apps)]

    # -------------------------------------------------------------- positives
    def name_cases(self) -> None:
        deformers = {
            "name_added_words": (120, lambda n, ins: names.added_words(n, self.rng, ins)),
            "name_emoji": (90, lambda n, ins: names.emoji(n, self.rng)),
            "name_doubled_char": (90, lambda n, ins: names.doubled(n, self.rng)),
            "name_traditional": (80, lambda n, ins: names.traditional(n, self.rng)),
            "name_pinyin": (60, lambda n, ins: names.pinyin(n, self.rng)),
            "name_spacing": (80, lambda n, ins: names.spacing(n, self.rng)),
            "name_visual_lookalike": (80, lambda n, ins: names.visual(n, self.rng)),
            "name_homophone": (70, lambda n, ins: names.sound(n, self.rng)),
            "name_omission": (40, lambda n, ins: names.omission(n, self.rng)),
            "name_combined": (80, lambda n, ins: names.combined(n, self.rng, ins)),
        }
        k = 0
        for case, (count, deform) in deformers.items():
            made = 0
            while made < count:
                app = self.pick_app(k)
                k += 1
                base, brand_level = self.base_name(app)
                name = deform(base, app.key in INSURERS)
                if not name or name == base or (case == "name_traditional" and name == base):
                    continue
                extra = self.android_listing()
                package = (
                    names.typo_package(app.android_package, self.rng)
                    if self.rng.random() < 0.15 and app.android_package
                    else names.random_package(self.rng, self.avoid)
                )
                developer = (
                    self.rng.choice(app.developers) if self.rng.random() < 0.15 else self.fraud_developer()
                )
                self.add(
                    case,
                    "counterfeit",
                    app,
                    brand_level,
                    name=name,
                    package_id=package,
                    developer=developer,
                    cert_sha256=self.rng.choice(self.fraud_certs),
                    icon=self.fraud_icon(app, base),
                    **extra,
                )
                made += 1

    def developer_impersonation(self, count: int = 120) -> None:
        for k in range(count):
            app = self.pick_app(k * 7 + 3)
            base, brand_level = self.base_name(app)
            name = (
                app.names[0]
                if self.rng.random() < 0.5
                else names.added_words(base, self.rng, app.key in INSURERS)
            )
            if self.rng.random() < 0.8:
                extra = self.android_listing()
                cert = self.rng.choice(self.fraud_certs)
                package = names.random_package(self.rng, self.avoid)
            else:  # an iOS enterprise-signed or re-listed copy: no certificate, another bundle id
                extra, cert = {"source": "apple-app-store"}, None
                package = "com." + names.random_package(self.rng, self.avoid).split(".", 1)[1] + ".ios"
            self.add(
                "developer_impersonation",
                "counterfeit",
                app,
                brand_level,
                name=name,
                package_id=package,
                developer=self.rng.choice(app.developers),
                cert_sha256=cert,
                icon=self.deformed_icon(app, base) if self.rng.random() < 0.5 else None,
                **extra,
            )

    def repackaged(self, count: int = 90) -> None:
        for k in range(count):
            app = self.pick_app(k * 5 + 1)
            name = app.names[0] if self.rng.random() < 0.6 else names.added_words(app.names[0], self.rng)
            developer = self.rng.choice(app.developers) if self.rng.random() < 0.6 else self.fraud_developer()
            icon = (
                f"protected/{app.app_id}.png"
                if self.rng.random() < 0.6
                else self.deformed_icon(app, app.names[0])
            )
            self.add(
                "repackaged",
                "repackaged",
                app,
                False,
                name=name,
                package_id=app.android_package,
                developer=developer,
                cert_sha256=self.rng.choice(self.fraud_certs),
                icon=icon,
                **self.android_listing(),
            )

    def package_typosquat(self, count: int = 100) -> None:
        for k in range(count):
            app = self.pick_app(k * 3 + 2)
            package = names.typo_package(app.android_package, self.rng)
            if package == app.android_package:
                continue
            official_name = self.rng.random() < 0.4
            name = app.names[0] if official_name else self.rng.choice(GENERIC_BANK_NAMES)
            developer = self.rng.choice(app.developers) if self.rng.random() < 0.3 else self.fraud_developer()
            self.add(
                "package_typosquat_official_name" if official_name else "package_typosquat_generic_name",
                "counterfeit",
                app,
                False,
                name=name,
                package_id=package,
                developer=developer,
                cert_sha256=self.rng.choice(self.fraud_certs),
                icon=self.deformed_icon(app, app.names[0]) if self.rng.random() < 0.3 else None,
                **self.android_listing(),
            )

    def icon_only(self, per_deformation: int = 14) -> None:
        k = 0
        for how in logos.DEFORMATIONS:
            for _ in range(per_deformation):
                app = self.pick_app(k * 11 + 5)
                k += 1
                img = logos.deform(self.base_icons[app.app_id], how, self.rng, app.names[0])
                self.add(
                    f"icon_only_{how}",
                    "counterfeit",
                    app,
                    False,
                    name=self.rng.choice(GENERIC_BANK_NAMES),
                    package_id=names.random_package(self.rng, self.avoid),
                    developer=self.fraud_developer(),
                    cert_sha256=self.rng.choice(self.fraud_certs),
                    icon=self.save_icon(img),
                    **self.android_listing(),
                )

    def channel_counterfeits(self, count: int = 160) -> None:
        for k in range(count):
            app = self.pick_app(k * 13 + 4)
            base, brand_level = self.base_name(app)
            style = self.rng.random()
            if style < 0.5:
                name = base + self.rng.choice(SERVICE_WORDS)
            elif style < 0.75:
                name = (
                    names.emoji(base, self.rng) if self.rng.random() < 0.5 else names.spacing(base, self.rng)
                )
            else:
                name = names.sound(base, self.rng) or names.doubled(base, self.rng)
            platform = ("wechat-miniprogram", "alipay-miniprogram", "wechat-official-account")[k % 3]
            ident = {
                "wechat-miniprogram": names.wechat_appid,
                "alipay-miniprogram": names.alipay_appid,
                "wechat-official-account": names.official_account_id,
            }[platform](self.rng)
            developer = self.rng.choice(app.developers) if self.rng.random() < 0.2 else self.fraud_developer()
            icon = None
            if self.rng.random() < 0.6:
                avatar = logos.deform(self.base_icons[app.app_id], "avatar", self.rng)
                if self.rng.random() < 0.4:
                    avatar = logos.deform(avatar, self.rng.choice(("badge", "recolour", "crop")), self.rng)
                icon = self.save_icon(avatar)
            case = (
                "official_account_counterfeit"
                if platform == "wechat-official-account"
                else "miniprogram_counterfeit"
            )
            self.add(
                case,
                "counterfeit",
                app,
                brand_level,
                source=platform,
                name=name,
                package_id=ident,
                developer=developer,
                icon=icon,
            )

    def unregistered_official(self, count: int = 50) -> None:
        for k in range(count):
            app = self.pick_app(k * 17 + 6)
            suffix, word = self.rng.choice(UNREGISTERED_FORMS)
            name = app.names[0] + word if self.rng.random() < 0.7 else app.names[0]
            developer = self.rng.choice(app.developers + ("", "未知")) or None
            self.add(
                "unregistered_official",
                "unregistered_official",
                app,
                True,
                name=name,
                package_id=app.android_package + suffix,
                developer=developer,
                cert_sha256=self.rng.choice(app.certs),
                icon=f"protected/{app.app_id}.png" if self.rng.random() < 0.5 else None,
                **self.android_listing(),
            )

    # -------------------------------------------------------------- negatives
    def official_listings(self, count: int = 260) -> None:
        for k in range(count):
            app = self.pick_app(k)
            case = "official_store" if self.main_app(app) else "sibling_official"
            icon_img = self.base_icons[app.app_id]
            icon = f"protected/{app.app_id}.png"
            if self.rng.random() < 0.3:  # a store re-encodes or rounds the icon
                icon = self.save_icon(logos.deform(icon_img, self.rng.choice(("jpeg", "avatar")), self.rng))
            r = self.rng.random()
            if r < 0.15:  # iOS: official bundle id, no certificate, official seller
                ios = [p for p in app.packages if p != app.android_package]
                self.add(
                    case,
                    "none",
                    None,
                    False,
                    source="apple-app-store",
                    name=app.names[0],
                    package_id=ios[0] if ios else app.android_package,
                    developer=app.developers[-1],
                    icon=icon,
                )
                continue
            if r < 0.55:
                developer = self.rng.choice(app.developers)
            elif r < 0.75:
                developer = (
                    self.rng.choice(("未知", "官方", app.institution, "", "pc6下载站", "Bank App Team"))
                    or None
                )
            else:
                developer = None
            source = self.rng.choice(OFFICIAL_STORES[:-1] + ("download-site", "apkpure", "wandoujia"))
            extra = {"source": source}
            if source == "download-site":
                extra["url"] = (
                    f"https://{self.rng.choice(DOWNLOAD_HOSTS)}/soft/{self.rng.randint(10000, 999999)}.html"
                )
                case = "official_download_site"
            name = app.names[self.rng.randrange(len(app.names))]
            if self.rng.random() < 0.15:
                name += self.rng.choice(("-手机银行", " 官方版", "(安卓版)", " v8.1.0.2.0"))
                case = "official_decorated_name"
            self.add(
                case,
                "none",
                None,
                False,
                name=name,
                package_id=app.android_package,
                developer=developer,
                cert_sha256=self.rng.choice(app.certs),
                icon=icon,
                **extra,
            )

    def official_channels(self, count: int = 60) -> None:
        for k in range(count):
            app = self.channel_apps[k % len(self.channel_apps)]
            ident = app.packages[k // len(self.channel_apps) % len(app.packages)]
            source = (
                "wechat-official-account"
                if ident.startswith("gh_")
                else "wechat-miniprogram"
                if ident.startswith("wx")
                else "alipay-miniprogram"
            )
            self.add(
                "official_channel",
                "none",
                None,
                False,
                source=source,
                name=self.rng.choice(app.names + (app.institution,)),
                package_id=ident,
                developer=self.rng.choice(app.developers) if self.rng.random() < 0.8 else None,
                icon=f"protected/{app.app_id}.png" if self.rng.random() < 0.7 else None,
            )
        # store apps of institutions that have a mini-program id listed on the app (e.g. 网商银行 on Alipay)
        for app in self.store_apps:
            for ident in app.packages:
                if ident.startswith(("wx", "gh_", "20")) and "." not in ident:
                    self.add(
                        "official_channel",
                        "none",
                        None,
                        False,
                        source="alipay-miniprogram" if ident.startswith("20") else "wechat-miniprogram",
                        name=app.names[0],
                        package_id=ident,
                        developer=app.developers[0],
                        icon=f"protected/{app.app_id}.png",
                    )

    def other_banks(self, count: int = 150) -> None:
        for k in range(count):
            name, package, developer, mark_key = OTHER_BANK_APPS[k % len(OTHER_BANK_APPS)]
            img = logos.draw_logo(logos.OTHER_MARKS[mark_key])
            if self.rng.random() < 0.3:
                img = logos.deform(img, self.rng.choice(("jpeg", "avatar", "crop")), self.rng)
            self.add(
                "other_institution_genuine",
                "none",
                None,
                False,
                name=name,
                package_id=package,
                developer=developer if self.rng.random() < 0.8 else None,
                cert_sha256=foreign_cert("genuine-" + package),
                icon=self.save_icon(img),
                **self.android_listing(),
            )

    def other_bank_icons_generic_names(self, count: int = 100) -> None:
        keys = sorted(BANK_MARKS)
        for k in range(count):
            key = keys[k % len(keys)]
            img = logos.draw_logo(logos.OTHER_MARKS[key])
            if k % 2:
                img = logos.deform(img, self.rng.choice(("crop", "badge", "recolour", "blur")), self.rng)
            self.add(
                "other_bank_icon_generic_name",
                "none",
                None,
                False,
                name=self.rng.choice(GENERIC_BANK_NAMES),
                package_id=f"com.{key}.{self.rng.choice(('mobile', 'mbank', 'app', 'client'))}",
                developer=None,
                cert_sha256=foreign_cert("genuine-" + key),
                icon=self.save_icon(img),
                **self.android_listing(),
            )

    def plain_negatives(self, case: str, words: tuple[str, ...], count: int, icon_kind: str) -> None:
        for k in range(count):
            name = words[k % len(words)]
            if k >= len(words) and self.rng.random() < 0.5:
                name += self.rng.choice(("", " 官方版", "-最新版", "2026", "HD", "极速版"))
            if icon_kind == "generic":
                img = logos.draw_generic(self.rng.choice(logos.GENERIC_KINDS), self.rng)
            else:
                img = logos.draw_ordinary(self.rng)
            dev = self.rng.choice(DEV_CITIES) + self.rng.choice(DEV_WORDS) + self.rng.choice(DEV_TAILS)
            package = names.random_package(self.rng, self.avoid)
            self.add(
                case,
                "none",
                None,
                False,
                name=name,
                package_id=package,
                developer=dev,
                cert_sha256=foreign_cert("genuine-" + package + str(k)),
                icon=self.save_icon(img) if self.rng.random() < 0.8 else None,
                **self.android_listing(),
            )


def build(out: Path, seed: int) -> tuple[list[dict], list[dict]]:
    rng = random.Random(seed)
    builder = SetBuilder(load_protected(), out, rng)
    builder.name_cases()
    builder.developer_impersonation()
    builder.repackaged()
    builder.package_typosquat()
    builder.icon_only()
    builder.channel_counterfeits()
    builder.unregistered_official()
    builder.official_listings()
    builder.official_channels()
    builder.other_banks()
    builder.other_bank_icons_generic_names()
    builder.plain_negatives("common_word_app", COMMON_WORD_APPS, 200, "ordinary")
    builder.plain_negatives("finance_tool", FINANCE_TOOLS, 200, "generic")
    builder.plain_negatives("ordinary_app", ORDINARY_APPS, 150, "ordinary")
    return builder.listings, builder.labels


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--allow-bar-glyphs", action="store_true", help="build even without a CJK font")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    try:
        renderer = common.require_font(args.allow_bar_glyphs)
    except common.FontMissingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    listings, labels = build(args.out, args.seed)
    common.write_build_record(args.out, args.seed, renderer)
    write_jsonl(args.out / "generated" / "listings.jsonl", listings)
    write_jsonl(args.out / "generated" / "labels.jsonl", labels)
    positives = sum(1 for lab in labels if lab["expected"] != "none")
    print(f"generated {len(listings)} listings ({positives} positive) in {args.out / 'generated'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
