"""Negatives (none): ordinary unrelated apps, and hard ones - other institutions' apps and generic finance
tools drawn in a protected app's colours and layout around an emblem of their own (a family no protected
app uses, or their own initial), and unrelated apps whose names share a character with a brand."""

from __future__ import annotations

from catalog import App, Catalog
from designs import signature
from drawing import hex_colour, hsv, jitter, rgb
from entry import Entry, design_icon, label
from hard_logos import HARD_FAMILIES
from ids import random_package, stream
from logos import FAMILIES
from names import (
    GENERIC_FINANCE,
    OTHER_APP_SUFFIX,
    OTHER_INSTITUTIONS,
    SHARED_CHAR,
    company,
    developer,
    ordinary,
)
from pictos import FINANCE_PICTOS, PICTOS
from sources import foreign_cert, foreign_package, kind_of, listing, pick

ALL_WEIGHTS = {"android": 45, "ios": 15, "harmony": 8, "download": 12, "wxmp": 8, "alimp": 5, "wxoa": 7}
STORE_WEIGHTS = {"android": 55, "ios": 20, "harmony": 10, "download": 10, "wxmp": 3, "wxoa": 2}
LAYOUTS = ["white", "solid", "grad", "tint", "dark"]


def _hex(c) -> str:
    return hex_colour(c)


def _random_colours(rng) -> tuple[str, str]:
    return _hex(hsv(rng.random(), rng.uniform(0.45, 0.95), rng.uniform(0.45, 0.95))), _hex(
        hsv(rng.random(), 0.8, 0.95))


def _picto(rng, table, colours=None, layout=None) -> dict:
    fam = rng.choice(sorted(table))
    variant = {k: rng.choice(v) for k, v in table[fam][1].items()}
    primary, accent = colours or _random_colours(rng)
    return {"family": fam, "variant": variant, "layout": layout or rng.choice(LAYOUTS), "primary": primary,
            "accent": accent}


def _mimic_colours(rng, mimic: App, spread: int = 14) -> tuple[str, str]:
    return _hex(jitter(rng, rgb(mimic.inst.primary), spread)), mimic.inst.accent


def _look_alike(rng, mimic: App) -> dict:
    """The mimicked app's colours and layout around an emblem of a family no protected app uses."""
    fam = rng.choice(sorted(HARD_FAMILIES))
    variant = {k: rng.choice(v) for k, v in HARD_FAMILIES[fam][1].items()}
    primary, accent = _mimic_colours(rng, mimic)
    layout = mimic.layout if rng.random() < 0.75 else rng.choice(LAYOUTS)
    return {"family": fam, "variant": variant, "layout": layout, "primary": primary, "accent": accent}


def _own_mark(rng, mimic: App, mark: str) -> dict:
    """The institution's own initial (a glyph no protected design uses), framed in the mimicked style."""
    fam = "letter" if mark.isascii() else "char"
    options = FAMILIES[fam][1]
    mimic_fam, mimic_var = mimic.emblem
    frame = mimic_var["frame"] if mimic_fam in ("char", "letter") else rng.choice(options["frame"])
    variant = {"ch": mark, "frame": frame}
    if fam == "letter":
        variant["font"] = rng.choice(options["font"])
    primary, accent = _mimic_colours(rng, mimic)
    return {"family": fam, "variant": variant, "layout": mimic.layout, "primary": primary, "accent": accent}


def _entry(rng, key, case, name, source, dev, design, **params) -> Entry:
    package = foreign_package(rng, source) if rng.random() < 0.85 or kind_of(source) in ("mp", "oa") else \
        random_package(rng)
    lst = listing(rng, source, name, package, dev, foreign_cert(rng, source))
    if design is not None:
        params["design"] = signature(design["family"], design["variant"])
    return Entry(key, lst, label("none", case, None, [], **params), design_icon(design) if design else None)


def negatives(cat: Catalog) -> list[Entry]:
    rng = stream("case-negative")
    out = []
    for i in range(165):
        source = pick(rng, ALL_WEIGHTS)
        design = _picto(rng, PICTOS) if rng.random() > 0.07 else None
        out.append(_entry(rng, f"unrelated-{i}", "unrelated", ordinary(rng), source,
                          developer(rng, kind_of(source)), design))
    others = rng.sample(OTHER_INSTITUTIONS, 45)
    for i, (name, dev, kind, mark) in enumerate(others):
        same_kind = [a for a in cat.apps if a.inst.kind == kind and a.kind == "main"] or cat.apps
        mimic = rng.choice(same_kind)
        design = _own_mark(rng, mimic, mark) if rng.random() < 0.5 else _look_alike(rng, mimic)
        full = name + rng.choice(OTHER_APP_SUFFIX[kind])
        source = pick(rng, STORE_WEIGHTS)
        out.append(_entry(rng, f"other-{i}", "hard_other_institution", full, source, dev, design,
                          style_of=mimic.app_id))
    for i, name in enumerate(rng.sample(GENERIC_FINANCE, 40)):
        mimic = rng.choice(cat.apps)
        if rng.random() < 0.5:
            design = _picto(rng, FINANCE_PICTOS, _mimic_colours(rng, mimic), mimic.layout)
        else:
            design = _look_alike(rng, mimic)
        source = pick(rng, STORE_WEIGHTS)
        out.append(_entry(rng, f"finance-{i}", "hard_generic_finance", name, source,
                          developer(rng, kind_of(source)), design, style_of=mimic.app_id))
    for i, name in enumerate(rng.sample(SHARED_CHAR, 28)):
        mimic = rng.choice(cat.apps)
        design = _picto(rng, PICTOS, _mimic_colours(rng, mimic, 20))
        source = pick(rng, STORE_WEIGHTS)
        out.append(_entry(rng, f"shared-{i}", "hard_shared_char", name, source, company(rng), design,
                          style_of=mimic.app_id))
    return out
