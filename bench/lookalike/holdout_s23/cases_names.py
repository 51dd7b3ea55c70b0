"""Name copies on foreign identifiers (counterfeit): decorated names, typo-squatted packages and copied
developer names on foreign certificates."""

from __future__ import annotations

from catalog import App, Catalog
from designs import signature
from drawing import hex_colour, hsv
from entry import Entry, design_icon, label, protected_icon
from ids import stream
from names import (
    COPY_SUFFIXES,
    DEV_VARIANTS,
    MP_SUFFIXES,
    OA_SUFFIXES,
    SUFFIXES,
    company,
    developer,
    doubled,
    emoji,
    homoglyph,
    normalise,
    pinyin,
    traditional,
    with_suffix,
)
from pictos import FINANCE_PICTOS, PICTOS
from sources import ALIMP, WXMP, WXOA, foreign_cert, foreign_package, kind_of, listing, pick

STORE_WEIGHTS = {"android": 50, "ios": 20, "harmony": 10, "download": 20}
CERT_WEIGHTS = {"android": 60, "harmony": 10, "download": 30}

# case: (count, source weights)
PLAN = [
    ("name_suffix", 16, STORE_WEIGHTS), ("name_emoji", 10, STORE_WEIGHTS), ("name_doubled", 8, STORE_WEIGHTS),
    ("name_homoglyph", 10, STORE_WEIGHTS), ("name_traditional", 8, STORE_WEIGHTS),
    ("name_pinyin", 8, STORE_WEIGHTS), ("name_miniprogram", 12, {"wxmp": 70, "alimp": 30}),
    ("name_official_account", 10, {"wxoa": 100}), ("package_typosquat", 20, CERT_WEIGHTS),
    ("developer_copy", 16, CERT_WEIGHTS),
]
GLYPH_SWAPS = {"i": "l", "l": "1", "o": "0", "m": "rn", "b": "d", "c": "e", "a": "e", "n": "m"}


def _target(rng, cat: Catalog) -> App:
    apps = cat.apps
    return rng.choices(apps, weights=[3 if a.kind == "main" else 1 for a in apps])[0]


def _base(rng, app: App) -> str:
    cjk = [k for k in app.keywords if not k.isascii() and len(k) >= 3]
    pool = cjk + list(app.names)
    return rng.choice(pool)


def _typo(rng, pkg: str, taken: set[str]) -> tuple[str, str]:
    parts = pkg.split(".")
    for _ in range(200):
        i = rng.randrange(1, len(parts))
        p = parts[i]
        op = rng.choice(["swap", "drop", "double", "glyph", "suffix", "tld", "insert"])
        if op == "swap" and len(p) > 2:
            j = rng.randrange(len(p) - 1)
            p = p[:j] + p[j + 1] + p[j] + p[j + 2:]
        elif op == "drop" and len(p) > 3:
            j = rng.randrange(len(p))
            p = p[:j] + p[j + 1:]
        elif op == "double":
            j = rng.randrange(len(p))
            p = p[:j] + p[j] + p[j:]
        elif op == "glyph" and any(ch in GLYPH_SWAPS for ch in p):
            j = rng.choice([k for k, ch in enumerate(p) if ch in GLYPH_SWAPS])
            p = p[:j] + GLYPH_SWAPS[p[j]] + p[j + 1:]
        elif op == "suffix":
            p = p + rng.choice(["1", "2", "s", "app", "pro", "new", "vip"])
        elif op == "tld":
            parts2 = [rng.choice([t for t in ("com", "cn", "net", "org") if t != parts[0]])] + parts[1:]
            cand = ".".join(parts2)
            if cand not in taken:
                return cand, op
            continue
        elif op == "insert":
            j = rng.randrange(1, len(parts) + 1)
            parts2 = parts[:j] + [rng.choice(["mobile", "app", "official", "bank", "android", "cn"])] + parts[j:]
            cand = ".".join(parts2)
            if cand not in taken:
                return cand, op
            continue
        else:
            continue
        cand = ".".join(parts[:i] + [p] + parts[i + 1:])
        if cand != pkg and cand not in taken:
            return cand, op
    raise RuntimeError("no typo for " + pkg)


def _decorated(rng, case: str, app: App, base: str) -> str | None:
    if case == "name_suffix":
        return with_suffix(rng, base, SUFFIXES)
    if case == "name_emoji":
        return emoji(rng, base)
    if case == "name_doubled":
        return doubled(rng, base)
    if case == "name_homoglyph":
        return homoglyph(rng, base)
    if case == "name_traditional":
        return traditional(rng, base)
    if case == "name_pinyin":
        return pinyin(rng, app.inst.pinyin, [k for k in app.keywords if k.isascii()])
    if case == "name_miniprogram":
        return with_suffix(rng, base, MP_SUFFIXES)
    if case == "name_official_account":
        return with_suffix(rng, base, OA_SUFFIXES)
    if case == "package_typosquat":
        return with_suffix(rng, base, SUFFIXES + ["客户端", "手机版", "APP"]) if rng.random() < 0.7 else doubled(
            rng, base)
    return with_suffix(rng, base, COPY_SUFFIXES[app.inst.kind])


def _own_icon(rng) -> dict:
    table = PICTOS if rng.random() < 0.5 else FINANCE_PICTOS
    fam = rng.choice(sorted(table))
    options = table[fam][1]
    variant = {k: rng.choice(v) for k, v in options.items()}
    return {"family": fam, "variant": variant, "layout": rng.choice(["white", "solid", "grad", "tint"]),
            "primary": hex_colour(hsv(rng.random(), rng.uniform(0.5, 0.9), rng.uniform(0.5, 0.9))),
            "accent": hex_colour(hsv(rng.random(), 0.8, 0.95))}


def name_copies(cat: Catalog) -> list[Entry]:
    rng = stream("case-names")
    official = {normalise(n) for n in cat.official_names}
    taken = cat.packages
    out = []
    for case, count, weights in PLAN:
        made = 0
        while made < count:
            app = _target(rng, cat)
            if case in ("package_typosquat", "developer_copy") and not app.android:
                continue
            base = app.inst.keywords[0] if case == "name_pinyin" else _base(rng, app)
            name = _decorated(rng, case, app, base)
            if not name or normalise(name) in official:
                continue
            source = pick(rng, weights)
            params = {"app": app.app_id, "base": base}
            if case == "package_typosquat":
                package, op = _typo(rng, app.android[0], taken)
                params["typo"] = op
            else:
                package = foreign_package(rng, source)
            taken.add(package)
            if case == "developer_copy":
                inst = app.inst
                dev = rng.choice(DEV_VARIANTS).format(dev=app.developers[0], short=inst.name, en=inst.english)
            elif case == "package_typosquat":
                dev = company(rng) if rng.random() < 0.7 else None
            else:
                dev = developer(rng, kind_of(source))
            cert = foreign_cert(rng, source)
            r = rng.random()
            official_share = 0.45 if source in (WXMP, ALIMP, WXOA) else 0.35
            accept = set(cat.naming(app.inst.key, base))
            if r < official_share:
                icon = protected_icon(app.app_id)
                params["icon"] = "official"
                accept |= set(cat.same_emblem(app.emblem_key))
            elif r < official_share + 0.25:
                kind = rng.choice(["jpeg", "rounded_mask", "rescale", "badge", "text_overlay", "crop", "border"])
                icon = protected_icon(app.app_id, [(kind, round(rng.uniform(0.1, 0.5), 2))])
                params["icon"] = "edited:" + kind
                accept |= set(cat.same_emblem(app.emblem_key))
            elif r < official_share + 0.45:
                design = _own_icon(rng)
                icon = design_icon(design)
                params["icon"] = "own:" + signature(design["family"], design["variant"])
            else:
                icon = None
                params["icon"] = "none"
            lab = label("counterfeit", case, app.inst.name, accept, **params)
            out.append(Entry(f"{case}-{made}", listing(rng, source, name, package, dev, cert), lab, icon))
            made += 1
    return out
