"""Official builds (none), official builds under a renamed developer (none), sibling official builds on an
official certificate with a package outside the ledger (unregistered_official), and official packages
re-signed with a foreign certificate (repackaged)."""

from __future__ import annotations

import identifiers as I
import recipes as R
import seeding
import sources as S
from ledger import GENERIC_BY_SECTOR, fmt_cert, sector
from spec import Spec

N_EXTRA_OFFICIAL = 12
N_RENAMED_DEV = 22
N_UNREGISTERED = 24
N_REPACKAGED = 28
CERT_STYLES = ["plain", "plain", "upper", "colon_upper", "colon_lower"]
SIBLINGS = [
    ("企业银行", "corporate", "企业"),
    ("HD", "hd", "HD"),
    ("国际版", "intl", "国际"),
    ("长辈版", "elder", None),
    ("员工版", "staff", "员工"),
    ("远程银行", "remote", None),
    ("青春版", "youth", None),
    ("企业网银", "ebankcorp", "企业"),
    ("Pad", "pad", "HD"),
    ("测试版", "beta", "β"),
]
RENAMED_TITLES = ["generic", "generic", "极速版", "Lite", "助手"]


def _store_fields(app, r, key: str, source: str | None = None):
    """(source, package, developer, cert) of an official build in some store."""
    if app.appid:
        return S.PLATFORM[app.kind], app.appid, app.developers[0], None
    source = source or S.app_source(r)
    if source == S.APPLE:
        dev = app.inst.en if r.random() < 0.7 else app.inst.legal
        return source, app.ios, dev, None
    pkg = app.harmony if (source == S.HARMONY and app.harmony) else app.android
    cert = (
        fmt_cert(r.choice(app.certs), r.choice(CERT_STYLES))
        if (source != S.DOWNLOAD or r.random() < 0.7)
        else None
    )
    return source, pkg, app.inst.legal, cert


def official(apps) -> list:
    out = []
    r = seeding.rng("cases/official")
    extra = r.sample([a for a in apps if a.kind == "main"], N_EXTRA_OFFICIAL)
    for i, app in enumerate(apps + extra):
        key = f"official/{app.app_id}/{i}"
        rr = seeding.rng(key)
        source, pkg, dev, cert = _store_fields(app, rr, key)
        x = rr.random()
        icon = None if x < 0.08 else R.official(app, round(rr.uniform(0.12, 0.25), 3) if x < 0.22 else None)
        out.append(
            Spec(
                key,
                source,
                rr.choice(app.names),
                "none",
                "official_build",
                app.inst.legal,
                [],
                {"app": app.app_id},
                pkg,
                dev,
                cert,
                icon,
            )
        )
    return out


def renamed_developer(apps) -> list:
    out = []
    r = seeding.rng("cases/renamed_dev")
    pool = [a for a in apps if a.android]
    for i in range(N_RENAMED_DEV):
        app = pool[i % len(pool)] if i < len(pool) else r.choice(pool)
        key = f"renamed_dev/{app.app_id}/{i}"
        rr = seeding.rng(key)
        source, pkg, _, cert = _store_fields(app, rr, key, rr.choice(S.ANDROID + [S.HARMONY]))
        cert = cert or fmt_cert(app.certs[0], "plain")
        form = rr.choice(
            ["tech_subsidiary", "short_brand", "branch", "english_upper", "card_centre", "truncated"]
        )
        inst = app.inst
        dev = {
            "tech_subsidiary": inst.tech,
            "short_brand": inst.short,
            "branch": inst.legal + rr.choice(["北京分行", "上海分行", "深圳分行", "总行营业部"]),
            "english_upper": inst.en.upper(),
            "card_centre": inst.legal + "信用卡中心",
            "truncated": inst.legal[: max(4, len(inst.legal) - 4)] + "…",
        }[form]
        x = rr.random()
        icon = None if x < 0.1 else R.official(app, round(rr.uniform(0.12, 0.25), 3) if x < 0.25 else None)
        out.append(
            Spec(
                key,
                source,
                rr.choice(app.names),
                "none",
                "official_renamed_developer",
                inst.legal,
                [],
                {"app": app.app_id, "developer_form": form},
                pkg,
                dev,
                cert,
                icon,
            )
        )
    return out


def unregistered(insts, apps) -> list:
    out = []
    r = seeding.rng("cases/unregistered")
    pool = [a for a in apps if a.certs]
    ledger_pkgs = {p for a in apps for p in a.packages}
    picks = r.sample(pool, min(len(pool), N_UNREGISTERED))
    while len(picks) < N_UNREGISTERED:
        picks.append(r.choice(pool))
    for i, app in enumerate(picks):
        key = f"unregistered/{app.app_id}/{i}"
        rr = seeding.rng(key)
        title, slug, tag = rr.choice(SIBLINGS)
        base = app.names[0] if app.kind != "main" else app.inst.short
        name = base + title
        pkg = f"com.{app.inst.token}.{slug}" if rr.random() < 0.6 else f"{app.android}.{slug}"
        assert pkg not in ledger_pkgs
        cert_hex = rr.choice(app.certs)
        holders = [a.app_id for a in app.inst.apps if cert_hex in a.certs]
        source = rr.choice(S.ANDROID + [S.HARMONY, S.DOWNLOAD])
        dev = app.inst.legal if rr.random() < 0.7 else app.inst.tech
        x = rr.random()
        layout = rr.choice(["white", "gradient", "tint", "solid"])
        icon = None if x < 0.15 else R.variant(app, tag if x < 0.6 else None, layout)
        out.append(
            Spec(
                key,
                source,
                name,
                "unregistered_official",
                "official_unregistered_package",
                app.inst.legal,
                holders,
                {"sibling_of": app.app_id, "title": title, "package": pkg},
                pkg,
                dev,
                fmt_cert(cert_hex, rr.choice(CERT_STYLES)),
                icon,
            )
        )
    return out


def repackaged(apps) -> list:
    out = []
    r = seeding.rng("cases/repackaged")
    pool = [a for a in apps if a.android]
    picks = r.sample(pool, min(len(pool), N_REPACKAGED))
    while len(picks) < N_REPACKAGED:
        picks.append(r.choice(pool))
    for i, app in enumerate(picks):
        key = f"repackaged/{app.app_id}/{i}"
        rr = seeding.rng(key)
        renamed = i % 2 == 1
        if renamed:
            t = rr.choice(RENAMED_TITLES)
            name = rr.choice(GENERIC_BY_SECTOR[sector(app.inst)]) if t == "generic" else app.inst.short + t
        else:
            name = rr.choice(app.names)
        x = rr.random()
        dev = app.inst.legal if x < 0.4 else (I.company(rr) if x < 0.8 else None)
        source = rr.choice([S.DOWNLOAD, S.DOWNLOAD] + S.ANDROID + [S.HARMONY])
        y = rr.random()
        icon = None if y < 0.15 else (R.official(app) if y < 0.75 else R.light_copy(app, rr))
        out.append(
            Spec(
                key,
                source,
                name,
                "repackaged",
                "repackaged_renamed" if renamed else "repackaged",
                app.inst.legal,
                [app.app_id],
                {"app": app.app_id, "renamed": renamed},
                app.android,
                dev,
                fmt_cert(I.cert(key), rr.choice(CERT_STYLES)),
                icon,
            )
        )
    return out
