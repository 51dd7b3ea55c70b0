"""Icon-only copies: the official icon, unchanged or edited, under an unrelated name, package and developer."""

from __future__ import annotations

import random

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
from edits import ART_EDITS, IMAGE_EDITS, cobrand, jpeg_lowq
from pictos import EVERYDAY, draw_picto
from PIL import Image
from texts import ICON_COPY_NAMES

TOTAL = 210
SINGLE = list(IMAGE_EDITS) + list(ART_EDITS) + ["unchanged"]
# edits that chain well (the JPEG step, when drawn, always comes last)
CHAINABLE = [
    "rescale",
    "rotate",
    "crop_zoom",
    "padding",
    "hue_rotate",
    "colour_shift",
    "mirror",
    "corner_badge",
    "text_band",
    "stamp_middle",
    "blur_noise",
    "greyscale",
    "stretch",
    "ribbon",
]
PLATFORMS = ["a"] * 12 + ["i"] * 3 + ["h"] * 2 + ["w"] * 2 + ["g"] + ["l"]


def _apply(kind: str, img, art, rng: random.Random, chained: bool = False):
    if kind == "unchanged":
        return img, {}
    if kind == "cobrand":
        partner, pp = draw_picto(rng.choice(sorted(EVERYDAY)), rng)
        out, p = cobrand(img, art, rng, partner)
        return out, {**p, "partner_picto": pp}
    if kind == "jpeg_lowq" and chained:
        return jpeg_lowq(img, art, rng, lowest=18)  # the last step of a chain: not quite as harsh
    fn = IMAGE_EDITS.get(kind) or ART_EDITS[kind]
    return fn(img, art, rng)


def _square(img):
    """A non-square intermediate (a stretch) is set on a square of its corner colour before the next edit."""
    w, h = img.size
    if w == h == 512:
        return img
    canvas = Image.new("RGB", (512, 512), img.getpixel((2, 2)))
    canvas.paste(img, ((512 - w) // 2, (512 - h) // 2))
    return canvas


def build(ctx: Ctx) -> list[Item]:
    rng = sub_rng("icon")
    n_chain = 24
    kinds = [SINGLE[i % len(SINGLE)] for i in range(TOTAL - n_chain)] + ["chain"] * n_chain
    rng.shuffle(kinds)
    icon_keys = sorted(ctx.by_icon)
    targets = [icon_keys[i % len(icon_keys)] for i in range(TOTAL)]
    rng.shuffle(targets)
    items = []
    for kind, key in zip(kinds, targets, strict=True):
        art = ctx.arts[key]
        sharing = ctx.by_icon[key]
        app = ctx.app[sharing[0]]
        if kind == "chain":
            steps = rng.sample(CHAINABLE, rng.choice([2, 2, 3]))
            if rng.random() < 0.5:
                steps.append("jpeg_lowq")
            img, chain = art.icon, []
            for s in steps:
                img, p = _apply(s, _square(img.convert("RGB")), art, rng, chained=True)
                chain.append({"edit": s, **p})
            edit_params: dict = {"steps": chain}
            save = (
                "jpeg"
                if steps[-1] == "jpeg_lowq"
                else ("png" if any(c.get("save") == "png" for c in chain) else "")
            )
            q = chain[-1].get("quality")
        else:
            img, edit_params = _apply(kind, art.icon, art, rng)
            save = edit_params.get("save", "")
            q = edit_params.get("quality")
        if save == "jpeg":
            fmt = "jpeg"
        elif save == "png" or img.mode == "RGBA":
            fmt, q = "png", None
        else:
            fmt, q = random_format(rng)
        icon, info = ctx.save_icon(img, fmt, random_size(rng), q)
        plat = rng.choice(PLATFORMS)
        name = rng.choice(ICON_COPY_NAMES)
        row = ctx.listing(
            rng,
            plat,
            name,
            foreign_package(plat, rng),
            other_developer(rng, ctx),
            foreign_cert(plat, rng),
            icon,
        )
        case = "icon_" + kind
        params = {
            "platform": plat,
            "icon_source": app.icon_rel,
            "edit": kind,
            "edit_params": edit_params,
            **info,
        }
        items.append(Item(row, label(case, "counterfeit", app, sharing, params)))
    return items
