"""Icon designs: a family + variant drawn in a layout and colours, rendered to a 512 px icon and its mask."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from canvas import Canvas
from drawing import SIZE, SS, darker, gradient, lighter, luma, mix, paint, rgb, solid, text_block
from hard_logos import HARD_FAMILIES
from logos import FAMILIES
from pictos import FINANCE_PICTOS, PICTOS
from PIL import Image

LAYOUTS = ["white", "solid", "grad", "plate", "dark", "tint"]


def family_fn(family: str):
    for table in (FAMILIES, PICTOS, FINANCE_PICTOS, HARD_FAMILIES):
        if family in table:
            return table[family][0]
    raise KeyError(family)


def signature(family: str, variant: dict) -> str:
    return family + "|" + ",".join(f"{k}={variant[k]}" for k in sorted(variant))


@dataclass
class Rendered:
    img: Image.Image  # RGB, SIZE x SIZE
    mask: np.ndarray  # float32 0..1: the drawing (emblem, plate, word) against the plain field
    bg: tuple[int, int, int]  # the field colour at the corners


def _colours(d: dict):
    primary, accent = rgb(d["primary"]), rgb(d["accent"])
    layout = d["layout"]
    if layout in ("white", "plate", "tint"):
        fg = primary
        if abs(luma(accent) - luma((255, 255, 255))) < 30:
            accent = darker(primary, 0.35)
    elif layout == "dark":
        fg = lighter(primary, 0.15)
    else:
        fg = (255, 255, 255)
        if abs(luma(accent) - luma(primary)) < 25 or luma(accent) > 235:
            accent = lighter(primary, 0.6)
    return primary, fg, accent


def _field(d: dict, px: int, primary) -> Image.Image:
    layout = d["layout"]
    if layout in ("white",):
        return solid((255, 255, 255), px)
    if layout == "tint":
        return solid(mix(primary, (255, 255, 255), 0.88), px)
    if layout == "dark":
        return solid((23, 24, 28), px)
    if layout == "grad":
        return gradient(lighter(primary, 0.22), darker(primary, 0.22), px, d.get("angle", 90))
    return solid(primary, px)


def render(d: dict) -> Rendered:
    """Render a design: {family, variant, layout, primary, accent, scale?, word?, angle?}."""
    px = SIZE * SS
    primary, fg, accent = _colours(d)
    field = _field(d, px, primary)
    word = d.get("word")
    scale = d.get("scale", 0.62 if d["layout"] != "plate" else 0.5)
    cy = px / 2
    if word:
        scale *= 0.78
        cy = px * 0.42
    canvas = Canvas(px, px * scale / 2, cy=cy)
    family_fn(d["family"])(canvas, d["variant"])
    drawing = Image.new("L", (px, px), 0)
    if d["layout"] == "plate":
        plate = Canvas(px, px * 0.42)
        plate.disc(0, 0, 1)
        paint(field, plate.masks["fg"], (255, 255, 255))
        drawing.paste(255, (0, 0), plate.masks["fg"])
    for role in ("fg", "accent"):
        if role in canvas.masks:
            paint(field, canvas.masks[role], fg if role == "fg" else accent)
            drawing.paste(255, (0, 0), canvas.masks[role])
    img = field.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    if word:
        block = text_block(word, int(SIZE * 0.15), fg)
        block = block.resize((min(block.width, int(SIZE * 0.86)), block.height), Image.Resampling.LANCZOS)
        x, y = (SIZE - block.width) // 2, int(SIZE * 0.74)
        img.paste(block, (x, y), block)
        drawing_small = drawing.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
        drawing_small.paste(255, (x, y), block.getchannel("A"))
        mask = np.asarray(drawing_small, np.float32) / 255
    else:
        mask = np.asarray(drawing.resize((SIZE, SIZE), Image.Resampling.LANCZOS), np.float32) / 255
    bg = tuple(int(v) for v in np.asarray(img)[2, 2])
    return Rendered(img, mask, bg)
