"""The institutions' own listings: official (none), unregistered official builds and siblings
(unregistered_official), and repackaged builds of official packages (repackaged)."""

from __future__ import annotations

from catalog import App, Catalog
from entry import Entry, label, protected_icon
from ids import cert_style, cert_text, new_cert, stream, word
from names import BUILD_SUFFIXES, REPACK_SUFFIXES, company, normalise
from sources import ALIMP, ANDROID, DOWNLOAD, HARMONY, IOS, WXMP, WXOA, listing

SUBTITLES = ["手机银行转账理财", "安全便捷的金融服务", "信用卡还款理财", "保险服务一站办理", "股票基金开户交易"]


def _official_source(rng, app: App, first: bool) -> str:
    if app.kind == "wechat_mp":
        return WXMP
    if app.kind == "alipay_mp":
        return ALIMP
    if app.kind == "wechat_oa":
        return WXOA
    if first:
        return rng.choice(ANDROID)
    options = [IOS] + ([HARMONY] if app.harmony else []) + [DOWNLOAD] + [rng.choice(ANDROID)]
    return rng.choice(options)


def _official_ids(rng, app: App, source: str) -> tuple[str, str | None]:
    if source in (WXMP, ALIMP, WXOA):
        return app.appids[0], None
    if source == IOS:
        return app.ios[0], None
    if source == HARMONY:
        return app.harmony[0], cert_text(app.harmony_cert, cert_style(rng))
    android_certs = [c for c in app.certs if c != app.harmony_cert]
    return app.android[0], cert_text(rng.choice(android_certs), cert_style(rng))


def _renamed_developer(rng, app: App) -> str:
    inst = app.inst
    options = [inst.english, inst.name, inst.developer.replace("股份有限公司", "").replace("有限公司", ""),
               inst.english.upper(), inst.name + "官方"]
    options = [o for o in options if o and o not in app.developers]
    return rng.choice(options)


def official(cat: Catalog) -> list[Entry]:
    rng = stream("case-official")
    out = []
    renamed = set(rng.sample([a.app_id for a in cat.apps], 14))
    plan = [(a, True) for a in cat.apps]
    mains = [a for a in cat.apps if a.kind == "main"]
    plan += [(a, False) for a in rng.sample(mains, 10)]
    for i, (app, first) in enumerate(plan):
        source = _official_source(rng, app, first)
        package, cert = _official_ids(rng, app, source)
        name = rng.choice(app.names)
        if source in ANDROID + [IOS] and rng.random() < 0.15:
            name = f"{name}-{rng.choice(SUBTITLES)}"
        case = "official_dev_renamed" if first and app.app_id in renamed else "official"
        dev = _renamed_developer(rng, app) if case == "official_dev_renamed" else app.developers[0]
        icon = protected_icon(app.app_id) if rng.random() > 0.08 else None
        lab = label("none", case, None, [], app=app.app_id, official_source=True)
        out.append(Entry(f"official-{i}", listing(rng, source, name, package, dev, cert), lab, icon))
    return out


def _accept_cert(cat: Catalog, cert: str) -> list[str]:
    return cat.with_cert(cert)


def unregistered(cat: Catalog) -> list[Entry]:
    rng = stream("case-unregistered")
    out = []
    taken = cat.packages
    for inst in cat.institutions:
        for j, sib in enumerate(inst.siblings):
            source = rng.choice([rng.choice(ANDROID), rng.choice(ANDROID), HARMONY, DOWNLOAD])
            while True:
                package = f"com.{inst.abbr}.{word(rng, 1, 2)}{rng.choice(['', 'app', 'pro', 'hd'])}"
                if package not in taken:
                    break
            taken.add(package)
            main = inst.apps[0]
            cert = main.harmony_cert if source == HARMONY and main.harmony_cert else inst.cert
            layout = rng.choice(["white", "solid", "grad", "tint", "plate"])
            fam, var = main.emblem
            design = {"family": fam, "variant": var, "layout": layout, "primary": inst.primary,
                      "accent": inst.accent, "word": sib[:2] if rng.random() < 0.5 else None}
            icon = {"kind": "design", "design": design} if rng.random() > 0.1 else None
            lab = label("unregistered_official", "sibling_official", inst.name, _accept_cert(cat, cert),
                        sibling=sib)
            lst = listing(rng, source, sib, package, inst.developer, cert_text(cert, cert_style(rng)))
            out.append(Entry(f"sibling-{inst.key}-{j}", lst, lab, icon))
    builds = [a for a in cat.apps if a.android]
    for i in range(22):
        app = rng.choice(builds)
        tag, pkg_suffix = rng.choice(BUILD_SUFFIXES)
        use_harmony = bool(app.harmony) and rng.random() < 0.25
        source = HARMONY if use_harmony else rng.choice([rng.choice(ANDROID), DOWNLOAD, rng.choice(ANDROID)])
        package = (app.harmony[0] if use_harmony else app.android[0]) + pkg_suffix
        if package in taken:
            package += str(i)
        taken.add(package)
        cert = app.harmony_cert if use_harmony else rng.choice([c for c in app.certs if c != app.harmony_cert])
        name = app.names[0] + rng.choice(["", " "]) + tag
        r = rng.random()
        icon = protected_icon(app.app_id) if r < 0.6 else (
            protected_icon(app.app_id, [("badge", 0.2)]) if r < 0.8 else None)
        lab = label("unregistered_official", "unregistered_build", app.inst.name, _accept_cert(cat, cert),
                    app=app.app_id, build=tag)
        lst = listing(rng, source, name, package, app.developers[0], cert_text(cert, cert_style(rng)))
        out.append(Entry(f"build-{i}", lst, lab, icon))
    return out


def repackaged(cat: Catalog) -> list[Entry]:
    rng = stream("case-repackaged")
    out = []
    apps = [a for a in cat.apps if a.android]
    official = {normalise(n) for n in cat.official_names}
    for i in range(40):
        app = rng.choice(apps)
        renamed = i >= 24
        use_harmony = bool(app.harmony) and rng.random() < 0.12
        if use_harmony:
            source, package = HARMONY, app.harmony[0]
        else:
            source = DOWNLOAD if rng.random() < 0.58 else rng.choice(ANDROID)
            package = app.android[0]
        cert = new_cert(rng)
        r = rng.random()
        dev = app.developers[0] if r < 0.55 else (None if r < 0.75 else company(rng))
        name = rng.choice(app.names)
        if renamed:
            while True:
                cand = name + rng.choice(["", " ", "-"]) + rng.choice(REPACK_SUFFIXES)
                if normalise(cand) not in official:
                    break
            name = cand
        r = rng.random()
        if r < 0.7:
            icon = protected_icon(app.app_id)
        elif r < 0.85:
            icon = protected_icon(app.app_id, [(rng.choice(["jpeg", "rounded_mask", "rescale"]), 0.2)])
        else:
            icon = None
        case = "repackaged_renamed" if renamed else "repackaged"
        lab = label("repackaged", case, app.inst.name, [a.app_id for a in cat.apps if package in a.package_ids],
                    app=app.app_id)
        lst = listing(rng, source, name, package, dev, cert_text(cert, cert_style(rng)))
        out.append(Entry(f"repack-{i}", lst, lab, icon))
    return out
