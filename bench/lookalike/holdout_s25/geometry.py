"""Small drawing helpers shared by the emblem and generic-icon generators (masks drawn with fill 255/0)."""

from __future__ import annotations

import math

from PIL import ImageDraw, ImageFont

FONT_CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FONT_LATIN = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"

_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(size: int, latin: bool = False) -> ImageFont.FreeTypeFont:
    key = (FONT_LATIN if latin else FONT_CJK, int(size))
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(key[0], key[1])
    return _FONTS[key]


def box(cx: float, cy: float, r: float, ry: float | None = None) -> list[float]:
    ry = r if ry is None else ry
    return [cx - r, cy - ry, cx + r, cy + ry]


def rot(pts, ang_deg: float, cx: float, cy: float) -> list[tuple[float, float]]:
    a = math.radians(ang_deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def ellipse_poly(cx: float, cy: float, a: float, b: float, ang: float = 0.0, n: int = 72):
    pts = [(cx + a * math.cos(2 * math.pi * i / n), cy + b * math.sin(2 * math.pi * i / n)) for i in range(n)]
    return rot(pts, ang, cx, cy)


def regular(cx: float, cy: float, r: float, n: int, start_deg: float = -90.0):
    return [(cx + r * math.cos(math.radians(start_deg + 360.0 * i / n)),
             cy + r * math.sin(math.radians(start_deg + 360.0 * i / n))) for i in range(n)]


def star(cx: float, cy: float, r_out: float, r_in: float, n: int, start_deg: float = -90.0):
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(start_deg + 180.0 * i / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def ring(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, w: float, fill: int = 255) -> None:
    d.ellipse(box(cx, cy, r), outline=fill, width=max(1, int(w)))


def disc(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, fill: int = 255) -> None:
    d.ellipse(box(cx, cy, r), fill=fill)


def thick(d: ImageDraw.ImageDraw, pts, w: float, fill: int = 255, caps: bool = True) -> None:
    d.line([tuple(p) for p in pts], fill=fill, width=max(1, int(w)), joint="curve")
    if caps:
        for x, y in (pts[0], pts[-1]):
            disc(d, x, y, w / 2.0, fill)


def glyph(d: ImageDraw.ImageDraw, text: str, cx: float, cy: float, size: float, fill=255,
          latin: bool = False) -> None:
    d.text((cx, cy), text, font=font(int(size), latin), fill=fill, anchor="mm")


def rect(d: ImageDraw.ImageDraw, x0: float, y0: float, x1: float, y1: float, fill: int = 255) -> None:
    d.rectangle([min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)], fill=fill)


def arc_band(d: ImageDraw.ImageDraw, cx: float, cy: float, r: float, w: float, a0: float, a1: float,
             fill: int = 255) -> None:
    d.arc(box(cx, cy, r), a0, a1, fill=fill, width=max(1, int(w)))
