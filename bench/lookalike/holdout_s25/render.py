"""Render an icon spec (dict) to a 256x256 RGB image: background, optional plate, emblem, optional word."""

from __future__ import annotations

import numpy as np
from emblems import FAMILIES
from generic_shapes import GENERIC
from geometry import box, font
from neg_shapes import NEG_SHAPES
from PIL import Image, ImageDraw

SUPER = 4
SIZE = 256


def background(S: int, c1, c2=None, direction: str = "v") -> Image.Image:
    if c2 is None:
        return Image.new("RGB", (S, S), tuple(int(v) for v in c1))
    t = np.linspace(0.0, 1.0, S, dtype=np.float32)
    ramp = t[:, None] * np.ones((1, S), np.float32) if direction == "v" else np.ones((S, 1), np.float32) * t[None]
    if direction == "d":
        ramp = (t[:, None] + t[None, :]) / 2.0
    a = np.asarray(c1, np.float32)[None, None]
    b = np.asarray(c2, np.float32)[None, None]
    arr = a * (1 - ramp[..., None]) + b * ramp[..., None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


def render(spec: dict, size: int = SIZE) -> Image.Image:
    S = size * SUPER
    img = background(S, spec["bg"], spec.get("bg2"), spec.get("grad", "v"))
    draw = ImageDraw.Draw(img)
    cx = S / 2 + spec.get("dx", 0.0) * S
    cy = S / 2 + spec.get("dy", 0.0) * S
    R = spec.get("scale", 0.33) * S
    word = spec.get("word")
    if word:
        cy -= S * 0.09
        R *= 0.78
    plate = spec.get("plate")
    if plate:
        pc = tuple(spec.get("plate_col", (255, 255, 255)))
        if plate == "circle":
            draw.ellipse(box(cx, cy, R * 1.22), fill=pc)
        elif plate == "card":
            draw.rounded_rectangle([cx - R * 1.3, cy - R * 0.85, cx + R * 1.3, cy + R * 0.85], radius=R * 0.18,
                                   fill=pc)
        else:
            draw.rounded_rectangle(box(cx, cy, R * 1.2), radius=R * 0.35, fill=pc)
        if plate == "card":
            R *= 0.62
    fam = FAMILIES.get(spec["family"]) or GENERIC.get(spec["family"]) or NEG_SHAPES[spec["family"]]
    m = Image.new("L", (S, S), 0)
    a = Image.new("L", (S, S), 0)
    fam(ImageDraw.Draw(m), ImageDraw.Draw(a), cx, cy, R, spec.get("p", {}))
    img.paste(tuple(spec["fg"]), mask=m)
    img.paste(tuple(spec.get("accent", spec["fg"])), mask=a)
    if word:
        draw.text((S / 2, S * 0.83), word, font=font(int(S * 0.14), latin=word.isascii()),
                  fill=tuple(spec.get("word_col", spec["fg"])), anchor="mm")
    return img.resize((size, size), Image.Resampling.LANCZOS)
