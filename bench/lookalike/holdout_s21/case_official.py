"""Official listings: official package id and, on Android/HarmonyOS, an official certificate (label none)."""

from __future__ import annotations

import random

from common import ANDROID_STORES, Ctx, Item, label, sub_rng
from draw import CJK_FONT, Pen, circle_mask, rounded_mask
from ids import cert_style
from PIL import Image
from texts import FESTIVE


def festive(img: Image.Image, rng: random.Random) -> tuple[Image.Image, dict]:
    """A festive edition of the official icon, shipped by the institution itself."""
    kind = rng.choice(["frame", "lantern", "fu", "snow", "moon"])
    p = Pen(img.size[0])
    if kind == "frame":
        p.rect(0.0, 0.0, 1.0, 1.0, outline="d50000", width=0.05)
        for x, y in ((0.05, 0.05), (0.95, 0.05), (0.05, 0.95), (0.95, 0.95)):
            p.circle(x, y, 0.05, fill="ffc107")
    elif kind == "lantern":
        p.line([(0.84, 0.0), (0.84, 0.08)], "8d6e63", 0.01)
        p.ellipse(0.84, 0.17, 0.08, 0.09, fill="e53935")
        p.rect(0.8, 0.08, 0.88, 0.1, fill="ffc107")
        p.rect(0.8, 0.25, 0.88, 0.27, fill="ffc107")
        p.line([(0.84, 0.27), (0.84, 0.33)], "ffc107", 0.012)
    elif kind == "fu":
        p.poly([(0.85, 0.71), (0.99, 0.85), (0.85, 0.99), (0.71, 0.85)], "e53935")
        p.text(0.85, 0.85, "福", CJK_FONT, 0.09, "ffd54f")
    elif kind == "snow":
        for _ in range(22):
            p.circle(rng.random(), rng.random() * 0.3, rng.uniform(0.006, 0.014), fill="ffffff")
        p.rect(0.0, 0.93, 1.0, 1.0, fill="ffffff")
    else:
        p.circle(0.14, 0.14, 0.09, fill="ffe082")
        p.circle(0.18, 0.11, 0.08, fill=(0, 0, 0, 0))
    out = img.convert("RGBA")
    out.alpha_composite(p.image())
    return out.convert("RGB"), {"decoration": kind}


def _variant(ctx: Ctx, art, rng: random.Random, platform: str):
    """(case, icon path or None, params) of an official listing."""
    r = rng.random()
    if r < 0.04:
        return "official", None, {"icon": None}
    if platform in ("w", "g") and r < 0.5:
        img = art.icon.convert("RGBA")
        img.putalpha(circle_mask(img.size[0]))
        rel, info = ctx.save_icon(img, "png", rng.choice([512, 256, 200]))
        return "official_rounded", rel, {"mask": "circle", **info}
    if r < 0.3:
        rel, info = ctx.save_icon(art.icon, "png", 512)
        return "official", rel, info
    if r < 0.5:
        rel, info = ctx.save_icon(art.icon, "png", rng.choice([256, 192, 180, 144, 120, 96]))
        return "official_resized", rel, info
    if r < 0.68:
        rel, info = ctx.save_icon(art.icon, "jpeg", rng.choice([512, 256, 192]), rng.randrange(75, 96))
        return "official_jpeg", rel, info
    if r < 0.84:
        rad = rng.choice([0.18, 0.22, 0.5])
        img = art.icon.convert("RGBA")
        img.putalpha(rounded_mask(img.size[0], rad) if rad < 0.5 else circle_mask(img.size[0]))
        if rng.random() < 0.5:
            rel, info = ctx.save_icon(img, "png", rng.choice([512, 256, 180]))
        else:
            rel, info = ctx.save_icon(img, "jpeg", rng.choice([512, 256]), rng.randrange(80, 96))
        return "official_rounded", rel, {"radius": rad, **info}
    img, fp = festive(art.icon, rng)
    fmt = rng.choice(["png", "jpeg"])
    rel, info = ctx.save_icon(img, fmt, rng.choice([512, 256]), 90 if fmt == "jpeg" else None)
    return "official_festive", rel, {**fp, **info}


def build(ctx: Ctx) -> list[Item]:
    rng = sub_rng("official")
    items = []
    for app in ctx.apps:
        art = ctx.arts[app.icon_key]
        plats = list(app.platforms)
        if "a" in plats:
            plats += ["a"] * (1 if rng.random() < 0.15 else 0)
        used_stores: set[str] = set()
        for plat in plats:
            case, icon, params = _variant(ctx, art, rng, plat)
            name = rng.choice(app.names)
            if case == "official_festive" and rng.random() < 0.6:
                name = f"{name}({rng.choice(FESTIVE)})"
            cert = None
            if plat == "a":
                android = [c for c in app.certs if c != app.harmony_cert]
                cert = rng.choice(android)
            elif plat == "h":
                cert = app.harmony_cert
            shown = cert_style(rng, cert) if cert else None
            dev = app.developers[0] if rng.random() < 0.8 or plat in ("w", "g", "l") else app.developers[1]
            row = ctx.listing(rng, plat, name, app.platforms[plat], dev, shown, icon)
            while plat == "a" and row["source"] in used_stores:
                row["source"] = rng.choice([s for s in ANDROID_STORES if s not in used_stores])
            used_stores.add(row["source"])
            params = {"platform": plat, "icon_source": app.icon_rel, "cert_format": _fmt(shown), **params}
            items.append(Item(row, label(case, "none", app, [], params)))
    return items


def _fmt(c: str | None) -> str | None:
    if c is None:
        return None
    s = c.strip()
    kind = "colons" if ":" in s else "plain"
    case = "upper" if s.upper() == s else "lower"
    return f"{kind}-{case}" + ("-padded" if s != c else "")
