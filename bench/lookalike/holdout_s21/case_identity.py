"""Package look-alikes (one edit, extra segment, prefix, repack) and developer copies (official developer name,
foreign certificate)."""

from __future__ import annotations

import random
import string

from catalog import App
from common import (
    Ctx,
    Item,
    foreign_cert,
    foreign_package,
    label,
    other_developer,
    random_format,
    random_size,
    sub_rng,
)
from ids import cert_hex, cert_style
from pictos import EVERYDAY, draw_picto
from texts import EVERYDAY_NAMES, GENERIC_FIN_NAMES

PKG_COUNTS = {
    "pkg_substitute": 6,
    "pkg_insert": 5,
    "pkg_delete": 5,
    "pkg_transpose": 4,
    "pkg_extra_segment": 10,
    "pkg_prefix": 8,
    "pkg_repack_full": 6,
    "pkg_repack_renamed": 5,
    "pkg_repack_bare": 6,
}
DEV_COUNT = 35
LOOKALIKE = {
    "i": "l",
    "l": "i",
    "o": "0",
    "0": "o",
    "m": "n",
    "n": "m",
    "c": "e",
    "e": "c",
    "b": "d",
    "d": "b",
    "a": "e",
    "u": "v",
    "v": "u",
    "g": "q",
    "q": "g",
    "t": "f",
    "s": "z",
    "h": "n",
    "r": "n",
    "p": "q",
}
EXTRA = ["pro", "lite", "update", "plus", "vip", "hd", "safe", "new", "x", "v2"]
PREFIX = ["cn.", "com.", "vip.", "apk.", "app.", "x."]


def one_edit(pkg: str, mode: str, rng: random.Random) -> tuple[str, dict]:
    letters = [i for i, c in enumerate(pkg) if c != "."]
    if mode == "pkg_substitute":
        i = rng.choice(letters)
        c = LOOKALIKE.get(pkg[i]) or rng.choice([x for x in string.ascii_lowercase if x != pkg[i]])
        return pkg[:i] + c + pkg[i + 1 :], {"position": i, "from": pkg[i], "to": c}
    if mode == "pkg_insert":
        i = rng.choice(letters)
        c = pkg[i] if rng.random() < 0.5 else rng.choice(string.ascii_lowercase)
        return pkg[:i] + c + pkg[i:], {"position": i, "inserted": c}
    if mode == "pkg_delete":
        segs = pkg.split(".")
        ok = [i for i in letters if len(segs[pkg[:i].count(".")]) > 2]
        i = rng.choice(ok)
        return pkg[:i] + pkg[i + 1 :], {"position": i, "deleted": pkg[i]}
    ok = [i for i in range(len(pkg) - 1) if "." not in pkg[i : i + 2] and pkg[i] != pkg[i + 1]]
    i = rng.choice(ok)
    return pkg[:i] + pkg[i + 1] + pkg[i] + pkg[i + 2 :], {"position": i, "swapped": pkg[i : i + 2]}


def _pkg_copy(ctx: Ctx, rng: random.Random, case: str, app: App) -> Item:
    plat = "h" if "h" in app.platforms and rng.random() < 0.2 else "a"
    official = app.platforms[plat]
    params: dict = {"platform": plat, "official_package": official}
    if case.startswith("pkg_repack"):
        pkg = official
    elif case == "pkg_extra_segment":
        segs = official.split(".")
        extra = rng.choice(EXTRA)
        at = len(segs) if rng.random() < 0.7 else len(segs) - 1
        pkg = ".".join(segs[:at] + [extra] + segs[at:])
        params.update(segment=extra, at=at)
    elif case == "pkg_prefix":
        pre = rng.choice([p for p in PREFIX if not official.startswith(p)])
        pkg = pre + official
        params.update(prefix=pre)
    else:
        while True:
            pkg, ep = one_edit(official, case, rng)
            if pkg not in ctx.by_pkg:
                break
        params.update(ep)
    accept = list(ctx.by_pkg[official])
    name = rng.choice(GENERIC_FIN_NAMES)
    dev = other_developer(rng, ctx)
    icon = None
    if case == "pkg_repack_full":
        name, dev = rng.choice(app.names), app.developers[0]
        accept += ctx.apps_of(app.inst_key)
    if case in ("pkg_repack_full", "pkg_repack_renamed"):
        fmt, q = random_format(rng)
        icon, info = ctx.save_icon(ctx.arts[app.icon_key].icon, fmt, random_size(rng), q)
        accept += ctx.by_icon[app.icon_key]
        params.update(icon_source=app.icon_rel, **info)
    elif rng.random() < 0.6:
        img, pp = draw_picto(rng.choice(sorted(EVERYDAY)), rng)
        fmt, q = random_format(rng)
        icon, info = ctx.save_icon(img, fmt, random_size(rng), q)
        params.update(picto=pp, **info)
    cert = cert_style(rng, cert_hex(rng))
    row = ctx.listing(rng, plat, name, pkg, dev, cert, icon)
    return Item(row, label(case, "counterfeit", app, accept, params))


def _dev_copy(ctx: Ctx, rng: random.Random, app: App) -> Item:
    plat = "h" if rng.random() < 0.2 else "a"
    dev = app.developers[0] if rng.random() < 0.7 else app.developers[1]
    if rng.random() < 0.6:
        name = rng.choice(GENERIC_FIN_NAMES)
    else:
        name = rng.choice(EVERYDAY_NAMES[rng.choice(sorted(EVERYDAY_NAMES))])
    params: dict = {"platform": plat, "developer_form": "zh" if dev == app.developers[0] else "en"}
    icon = None
    if rng.random() < 0.7:
        img, pp = draw_picto(rng.choice(sorted(EVERYDAY)), rng)
        fmt, q = random_format(rng)
        icon, info = ctx.save_icon(img, fmt, random_size(rng), q)
        params.update(picto=pp, **info)
    row = ctx.listing(rng, plat, name, foreign_package(plat, rng), dev, foreign_cert(plat, rng), icon)
    return Item(row, label("developer_copy", "counterfeit", app, ctx.by_dev[dev], params))


def build(ctx: Ctx) -> list[Item]:
    rng = sub_rng("identity")
    items = []
    android = [a for a in ctx.apps if "a" in a.platforms]
    order = list(android)
    rng.shuffle(order)
    cases = [c for c, n in PKG_COUNTS.items() for _ in range(n)]
    rng.shuffle(cases)
    for i, case in enumerate(cases):
        items.append(_pkg_copy(ctx, rng, case, order[i % len(order)]))
    rng.shuffle(order)
    for i in range(DEV_COUNT):
        items.append(_dev_copy(ctx, rng, order[i % len(order)]))
    return items
