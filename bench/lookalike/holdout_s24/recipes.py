"""Icon recipes: closures Random -> (image, params), evaluated when the listing's icon is written."""

from __future__ import annotations

import edits
import emblems as E
import icons_misc as M

LIGHT_EDITS = [
    "crop",
    "rescale",
    "jpeg",
    "badge",
    "rounded_mask",
    "text_band",
    "frame",
    "blur",
    "noise",
    "stamp",
]


def official(app, round_frac: float | None = None):
    def make(r):
        tile = E.render(app.design, app.layout)[0]
        p = {"icon_from": "official", "app": app.app_id}
        if round_frac:
            tile = M.store_round(tile, round_frac)
            p["store_round"] = round_frac
        return tile, p

    return make


def edited(app, kinds: list, strengths: list):
    def make(r):
        tile = E.render(app.design, app.layout)[0]
        img, steps = edits.chain(kinds, strengths, tile, r)
        return img, {"icon_from": "edited", "app": app.app_id, "edits": steps}

    return make


def light_copy(app, r):
    """A lightly edited official icon (what a name copy usually carries)."""
    k = r.choice(LIGHT_EDITS)
    return edited(app, [k], [round(r.uniform(0.05, 0.35), 3)])


def variant(app, tag: str | None, layout: str):
    """An official sibling build's icon: the institution's emblem in another layout, maybe with a tag."""

    def make(r):
        tile = E.render(app.design, layout)[0]
        if tag:
            tile = M.label_corner(tile, tag, (40, 40, 40))
        return tile, {"icon_from": "official_variant", "app": app.app_id, "layout": layout, "tag": tag}

    return make


def generic(name: str, colours=None):
    def make(r):
        img, p = M.ordinary(name, r, colours)
        return img, {"icon_from": "generic", "brand_colours": bool(colours), **p}

    return make


def emblem(design: dict, note: dict):
    def make(r):
        return E.render(design)[0], {"icon_from": "own_emblem", **note}

    return make


def pictogram(kind: str, design: dict, layout: str, note: dict):
    def make(r):
        top, _, ink, acc = E.colours(design, layout)
        return M.pictogram(kind, top, ink, acc), {"icon_from": "pictogram", "pictogram": kind, **note}

    return make
