"""Institution emblems drawn from geometric primitives and CJK glyphs (one motif per institution).

`render(spec, size, jitter)` returns the flattened RGB icon and its foreground layer (RGBA, the emblem
without its background), both at `size`. Drawing happens at 1024 px and is reduced with LANCZOS.
"""

from __future__ import annotations

import math

import fonts
import numpy as np
from PIL import Image, ImageDraw

S = 1024
U = S / 100.0
CLEAR = (0, 0, 0, 0)


def _p(x: float, y: float) -> tuple[float, float]:
    return (x * U, y * U)


def _box(cx: float, cy: float, r: float) -> list[float]:
    return [(cx - r) * U, (cy - r) * U, (cx + r) * U, (cy + r) * U]


def _ngon(cx: float, cy: float, r: float, n: int, rot: float = -90.0) -> list[tuple[float, float]]:
    return [_p(cx + r * math.cos(math.radians(rot + 360.0 * k / n)),
               cy + r * math.sin(math.radians(rot + 360.0 * k / n))) for k in range(n)]


def _star(cx: float, cy: float, r1: float, r2: float, n: int, rot: float = -90.0) -> list[tuple[float, float]]:
    pts = []
    for k in range(2 * n):
        r = r1 if k % 2 == 0 else r2
        a = math.radians(rot + 180.0 * k / n)
        pts.append(_p(cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def _glyph(d, cx, cy, text, size_pct, fill) -> None:
    if text:
        fonts.text_centered(d, cx * U, cy * U, text, int(size_pct * U), fill)


def _w(x: float, lw: float) -> int:
    return max(2, int(round(x * U * lw)))


# --------------------------------------------------------------------------- motifs
# each: (draw, fg, ac, glyph, latin, lw, gs); coordinates in percent of the side; CLEAR knocks out


def m_coin(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 37), fill=fg)
    d.ellipse(_box(50, 50, 30), outline=ac, width=_w(2.4, lw))
    d.rectangle(_box(50, 50, 9 * gs), fill=CLEAR)
    for k in range(4):
        a = math.radians(45 + 90 * k)
        d.ellipse(_box(50 + 21 * math.cos(a), 50 + 21 * math.sin(a), 3.2), fill=ac)


def m_nested_squares(d, fg, ac, g, lat, lw, gs):
    d.polygon(_ngon(50, 50, 44, 4, -90), outline=fg, width=_w(5, lw))
    d.rectangle(_box(50, 50, 23), outline=ac, width=_w(4.5, lw))
    _glyph(d, 50, 50, g, 26 * gs, fg)


def _rot(pts, deg, cx=50.0, cy=50.0):
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    return [_p(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def m_petals(d, fg, ac, g, lat, lw, gs):
    # an ellipse 15 x 38 from the centre upwards, turned six times
    ell = [(50 + 7.5 * math.cos(t), 31 + 19 * math.sin(t)) for t in np.linspace(0, 2 * math.pi, 48, endpoint=False)]
    for k in range(6):
        d.polygon(_rot(ell, 60 * k), fill=fg if k % 2 == 0 else ac)
    d.ellipse(_box(50, 50, 8), fill=CLEAR)


def m_octagon(d, fg, ac, g, lat, lw, gs):
    d.polygon(_ngon(50, 50, 40, 8, 22.5), outline=fg, width=_w(6, lw))
    d.ellipse(_box(50, 50, 23), fill=ac)
    _glyph(d, 50, 50, g, 26 * gs, CLEAR)


def m_arch(d, fg, ac, g, lat, lw, gs):
    for r, col in ((38, fg), (27, ac), (16, fg)):
        d.arc(_box(50, 64, r), 180, 360, fill=col, width=_w(7, lw))
    d.rectangle([10 * U, 66 * U, 90 * U, 66 * U + _w(6, lw)], fill=fg)
    d.rectangle([20 * U, 78 * U, 80 * U, 78 * U + _w(4, lw)], fill=ac)


def m_chevrons(d, fg, ac, g, lat, lw, gs):
    for i, y in enumerate((34, 52, 70)):
        col = ac if i == 0 else fg
        d.line([_p(18, y + 16), _p(50, y - 6), _p(82, y + 16)], fill=col, width=_w(9, lw), joint="curve")


def m_wings(d, fg, ac, g, lat, lw, gs):
    for sgn in (-1, 1):
        for k in range(3):
            y0 = 34 + 11 * k
            pts = [_p(50 + sgn * 8, y0), _p(50 + sgn * (44 - 9 * k), y0 - 10 + 3 * k),
                   _p(50 + sgn * (40 - 9 * k), y0 + 6), _p(50 + sgn * 8, y0 + 8)]
            d.polygon(pts, fill=fg)
    d.ellipse(_box(50, 44, 9), fill=ac)
    d.polygon([_p(44, 56), _p(56, 56), _p(50, 80)], fill=ac)


def m_waves(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 38), fill=fg)
    for k, yc in enumerate((38, 52, 66)):
        pts = [_p(x, yc + 5 * math.sin((x - 12) / 76 * 2 * math.pi)) for x in np.linspace(12, 88, 60)]
        d.line(pts, fill=CLEAR if k != 1 else ac, width=_w(5, lw), joint="curve")


def m_pinwheel(d, fg, ac, g, lat, lw, gs):
    for k in range(4):
        a = math.radians(90 * k)
        ca, sa = math.cos(a), math.sin(a)

        def rot(x, y, ca=ca, sa=sa):
            x, y = x - 50, y - 50
            return _p(50 + x * ca - y * sa, 50 + x * sa + y * ca)
        d.polygon([rot(50, 50), rot(50, 12), rot(86, 50)], fill=fg if k % 2 == 0 else ac)
    d.ellipse(_box(50, 50, 6), fill=CLEAR)


def m_diamond(d, fg, ac, g, lat, lw, gs):
    d.polygon(_ngon(50, 50, 42, 4, -90), fill=fg)
    d.polygon(_ngon(50, 50, 34, 4, -90), outline=ac, width=_w(2.5, lw))
    _glyph(d, 50, 51, g, 34 * gs, CLEAR)


def m_mountains(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(70, 28, 10), fill=ac)
    d.polygon([_p(8, 80), _p(40, 26), _p(72, 80)], fill=fg)
    d.polygon([_p(44, 80), _p(66, 44), _p(92, 80)], fill=fg)
    d.line([_p(30, 44), _p(40, 52), _p(50, 44)], fill=CLEAR, width=_w(3.5, lw))
    d.rectangle([8 * U, 84 * U, 92 * U, 84 * U + _w(4, lw)], fill=ac)


def m_sun_rays(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 17), fill=fg)
    for k in range(12):
        a = math.radians(30 * k)
        d.line([_p(50 + 24 * math.cos(a), 50 + 24 * math.sin(a)),
                _p(50 + 40 * math.cos(a), 50 + 40 * math.sin(a))], fill=ac if k % 3 == 0 else fg,
               width=_w(5, lw))
    _glyph(d, 50, 50, g, 19 * gs, CLEAR)


def m_temple(d, fg, ac, g, lat, lw, gs):
    d.polygon([_p(12, 34), _p(50, 12), _p(88, 34)], fill=fg)
    d.rectangle([14 * U, 36 * U, 86 * U, 42 * U], fill=ac)
    for x in (20, 36, 52, 68):
        d.rectangle([x * U, 44 * U, (x + 10) * U, 74 * U], fill=fg)
    d.rectangle([12 * U, 76 * U, 88 * U, 82 * U], fill=fg)
    d.rectangle([8 * U, 84 * U, 92 * U, 90 * U], fill=ac)


def m_dot_grid(d, fg, ac, g, lat, lw, gs):
    for i in range(3):
        for j in range(3):
            r = 11 if (i, j) == (1, 1) else 8
            col = ac if (i, j) in ((1, 1), (0, 2)) else fg
            d.ellipse(_box(22 + 28 * j, 22 + 28 * i, r), fill=col)
    _glyph(d, 50, 50, g, 13 * gs, CLEAR)


def m_star(d, fg, ac, g, lat, lw, gs):
    d.polygon(_star(50, 52, 42, 18, 5), fill=fg)
    d.ellipse(_box(50, 54, 10), fill=ac)


def m_seal(d, fg, ac, g, lat, lw, gs):
    d.rounded_rectangle(_box(50, 50, 38), radius=6 * U, fill=fg)
    d.rounded_rectangle(_box(50, 50, 32), radius=4 * U, outline=CLEAR, width=_w(2.5, lw))
    _glyph(d, 50, 51, g, 46 * gs, CLEAR)
    d.rectangle([68 * U, 74 * U, 80 * U, 80 * U], fill=ac)


def m_hexagon(d, fg, ac, g, lat, lw, gs):
    d.polygon(_ngon(50, 50, 42, 6, -90), fill=fg)
    d.polygon(_ngon(50, 50, 33, 6, -90), outline=CLEAR, width=_w(3, lw))
    _glyph(d, 50, 51, g, 32 * gs, ac)


def m_infinity(d, fg, ac, g, lat, lw, gs):
    pts = []
    for t in np.linspace(0, 2 * math.pi, 120):
        den = 1 + math.sin(t) ** 2
        pts.append(_p(50 + 38 * math.cos(t) / den, 50 + 38 * math.sin(t) * math.cos(t) / den))
    d.line(pts + [pts[0]], fill=fg, width=_w(9, lw), joint="curve")
    d.ellipse(_box(50, 50, 5), fill=ac)


def m_drop(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 60, 28), fill=fg)
    d.polygon([_p(24, 50), _p(50, 8), _p(76, 50)], fill=fg)
    d.arc(_box(50, 60, 20), 20, 80, fill=ac, width=_w(3.5, lw))
    _glyph(d, 50, 60, g, 26 * gs, CLEAR)


def m_stairs(d, fg, ac, g, lat, lw, gs):
    for k in range(4):
        d.rectangle([(14 + 18 * k) * U, (70 - 14 * k) * U, (28 + 18 * k) * U, 84 * U], fill=fg)
    d.line([_p(12, 60), _p(40, 40), _p(54, 46), _p(84, 16)], fill=ac, width=_w(4.5, lw), joint="curve")
    d.polygon([_p(88, 10), _p(76, 14), _p(86, 24)], fill=ac)


def m_cross(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 40), outline=ac, width=_w(5, lw))
    d.rectangle([40 * U, 20 * U, 60 * U, 80 * U], fill=fg)
    d.rectangle([20 * U, 40 * U, 80 * U, 60 * U], fill=fg)
    _glyph(d, 50, 50, g, 16 * gs, CLEAR)


def m_gear(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 32), fill=fg)
    tooth = [(45, 10), (55, 10), (55, 24), (45, 24)]
    for k in range(10):
        d.polygon(_rot(tooth, 36 * k), fill=fg)
    d.ellipse(_box(50, 50, 17), fill=CLEAR)
    _glyph(d, 50, 50, g, 18 * gs, ac)


def m_venn(d, fg, ac, g, lat, lw, gs):
    for (cx, cy), col in (((38, 40), fg), ((62, 40), ac), ((50, 61), fg)):
        d.ellipse(_box(cx, cy, 22), outline=col, width=_w(5, lw))


def m_leaf(d, fg, ac, g, lat, lw, gs):
    # the lens where two circles of radius 40 at x = 30 and x = 70 overlap, turned 45 degrees
    half = math.degrees(math.acos(20 / 40))
    pts = [(30 + 40 * math.cos(math.radians(t)), 50 + 40 * math.sin(math.radians(t)))
           for t in np.linspace(-half, half, 40)]
    pts += [(70 + 40 * math.cos(math.radians(t)), 50 + 40 * math.sin(math.radians(t)))
            for t in np.linspace(180 - half, 180 + half, 40)]
    d.polygon(_rot(pts, -45), fill=fg)
    d.line([_p(26, 74), _p(74, 26)], fill=CLEAR, width=_w(3.5, lw))
    d.line([_p(18, 82), _p(30, 70)], fill=ac, width=_w(4, lw))


def m_taichi(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 40), fill=fg)
    d.pieslice(_box(50, 50, 40), 270, 90, fill=ac)
    d.ellipse(_box(50, 30, 20), fill=ac)
    d.ellipse(_box(50, 70, 20), fill=fg)
    d.ellipse(_box(50, 30, 6), fill=fg)
    d.ellipse(_box(50, 70, 6), fill=ac)


def m_shield(d, fg, ac, g, lat, lw, gs):
    d.polygon([_p(18, 16), _p(82, 16), _p(82, 52), _p(50, 88), _p(18, 52)], fill=fg)
    d.polygon([_p(24, 22), _p(76, 22), _p(76, 50), _p(50, 80), _p(24, 50)], outline=ac, width=_w(2.5, lw))
    _glyph(d, 50, 46, g, 34 * gs, CLEAR)


def m_umbrella(d, fg, ac, g, lat, lw, gs):
    d.pieslice(_box(50, 52, 40), 180, 360, fill=fg)
    for cx in (23.3, 50, 76.7):
        d.ellipse(_box(cx, 52, 13.3), fill=CLEAR)
    d.line([_p(50, 14), _p(50, 78)], fill=ac, width=_w(4.5, lw))
    d.arc(_box(43, 78, 7), 0, 180, fill=ac, width=_w(4.5, lw))


def m_globe(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 38), outline=fg, width=_w(5, lw))
    for rx in (12, 26):
        d.ellipse([(50 - rx) * U, 12 * U, (50 + rx) * U, 88 * U], outline=fg, width=_w(3, lw))
    for y in (32, 50, 68):
        hw = math.sqrt(max(0.0, 38 ** 2 - (y - 50) ** 2))
        d.line([_p(50 - hw, y), _p(50 + hw, y)], fill=ac if y == 50 else fg, width=_w(3, lw))


def m_bars(d, fg, ac, g, lat, lw, gs):
    for k, (w, col) in enumerate(((60, fg), (76, ac), (50, fg), (68, fg))):
        y = 20 + 17 * k
        d.rounded_rectangle([(50 - w / 2) * U, y * U, (50 + w / 2) * U, (y + 11) * U], radius=5 * U, fill=col)


def m_heart(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(34, 38, 20), fill=fg)
    d.ellipse(_box(66, 38, 20), fill=fg)
    d.polygon([_p(15.5, 46), _p(84.5, 46), _p(50, 86)], fill=fg)
    d.ellipse(_box(33, 33, 6), fill=ac)
    _glyph(d, 50, 52, g, 24 * gs, CLEAR)


def m_bamboo(d, fg, ac, g, lat, lw, gs):
    for x, top in ((30, 18), (50, 10), (70, 24)):
        for k in range(4):
            y0 = top + k * 18
            if y0 > 86:
                break
            d.rounded_rectangle([(x - 5) * U, y0 * U, (x + 5) * U, min(90, y0 + 16) * U], radius=2 * U, fill=fg)
    d.polygon([_p(55, 30), _p(82, 18), _p(66, 36)], fill=ac)
    d.polygon([_p(25, 50), _p(8, 40), _p(18, 58)], fill=ac)


def m_tri_ring(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 40), outline=fg, width=_w(6, lw))
    d.polygon(_ngon(50, 54, 28, 3, -90), fill=ac)
    _glyph(d, 50, 58, g, 18 * gs, CLEAR)


def m_candles(d, fg, ac, g, lat, lw, gs):
    for x, y0, y1, b0, b1, col in ((26, 40, 84, 52, 76, fg), (50, 22, 70, 32, 58, ac), (74, 12, 56, 20, 44, fg)):
        d.line([_p(x, y0), _p(x, y1)], fill=col, width=_w(2.5, lw))
        d.rectangle([(x - 7) * U, b0 * U, (x + 7) * U, b1 * U], fill=col)
    d.rectangle([10 * U, 88 * U, 90 * U, 88 * U + _w(3, lw)], fill=fg)


def m_arrow_circle(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 40), fill=fg)
    d.line([_p(30, 70), _p(66, 34)], fill=CLEAR, width=_w(9, lw))
    d.polygon([_p(72, 28), _p(46, 30), _p(70, 54)], fill=CLEAR)
    d.arc(_box(50, 50, 34), 100, 170, fill=ac, width=_w(3.5, lw))


def m_pagoda(d, fg, ac, g, lat, lw, gs):
    d.line([_p(50, 6), _p(50, 20)], fill=ac, width=_w(3, lw))
    for k, (w, y) in enumerate(((24, 20), (34, 40), (44, 60))):
        d.polygon([_p(50 - w, y + 12), _p(50 - w / 2, y), _p(50 + w / 2, y), _p(50 + w, y + 12)], fill=fg)
        d.rectangle([(50 - w / 2 - 2) * U, (y + 12) * U, (50 + w / 2 + 2) * U, (y + 20) * U],
                    fill=ac if k == 1 else fg)
    d.rectangle([20 * U, 84 * U, 80 * U, 90 * U], fill=fg)


def m_quadrants(d, fg, ac, g, lat, lw, gs):
    for k, (cx, cy, a0) in enumerate(((38, 38, 180), (62, 38, 270), (62, 62, 0), (38, 62, 90))):
        d.pieslice(_box(cx, cy, 28), a0, a0 + 90, fill=fg if k % 2 == 0 else ac)
    _glyph(d, 50, 50, g, 18 * gs, fg)


def m_keyhole(d, fg, ac, g, lat, lw, gs):
    d.rounded_rectangle(_box(50, 50, 38), radius=14 * U, fill=fg)
    d.ellipse(_box(50, 40, 12), fill=CLEAR)
    d.polygon([_p(44, 44), _p(56, 44), _p(62, 74), _p(38, 74)], fill=CLEAR)
    d.rounded_rectangle([18 * U, 80 * U, 82 * U, 84 * U], radius=1 * U, fill=ac)


def m_diag_split(d, fg, ac, g, lat, lw, gs):
    d.rounded_rectangle(_box(50, 50, 40), radius=8 * U, outline=fg, width=_w(4, lw))
    d.polygon([_p(90, 10), _p(90, 90), _p(10, 90)], fill=fg)
    _glyph(d, 35, 35, g, 30 * gs, ac)
    d.ellipse(_box(70, 70, 7), fill=CLEAR)


def m_anchor(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 18, 8), outline=fg, width=_w(4, lw))
    d.line([_p(50, 26), _p(50, 82)], fill=fg, width=_w(6, lw))
    d.line([_p(32, 38), _p(68, 38)], fill=fg, width=_w(5, lw))
    d.arc(_box(50, 52, 32), 20, 160, fill=fg, width=_w(6, lw))
    d.polygon([_p(14, 54), _p(26, 52), _p(20, 64)], fill=ac)
    d.polygon([_p(86, 54), _p(74, 52), _p(80, 64)], fill=ac)


def m_cloud(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(34, 56, 18), fill=fg)
    d.ellipse(_box(54, 44, 24), fill=fg)
    d.ellipse(_box(72, 58, 16), fill=fg)
    d.rounded_rectangle([20 * U, 56 * U, 86 * U, 74 * U], radius=9 * U, fill=fg)
    for k, y in enumerate((50, 58, 66)):
        d.line([_p(36 + 4 * k, y), _p(70 - 4 * k, y)], fill=CLEAR, width=_w(3, lw))
    d.polygon([_p(52, 76), _p(44, 90), _p(54, 88), _p(48, 98)], fill=ac)


def m_lettermark(d, fg, ac, g, lat, lw, gs):
    text = lat or "A"
    size = fonts.fit_size(d, text, 78 * U, 44 * U, int(60 * U * gs))
    fonts.text_centered(d, 50 * U, 44 * U, text, size, fg, fonts.latin(size))
    d.rounded_rectangle([16 * U, 72 * U, 84 * U, 72 * U + _w(6, lw)], radius=3 * U, fill=ac)
    _glyph(d, 50, 86, g, 0, fg)


def m_big_glyph(d, fg, ac, g, lat, lw, gs):
    _glyph(d, 50, 46, g, 64 * gs, fg)
    d.arc(_box(50, 50, 44), 200, 340, fill=ac, width=_w(3.5, lw))
    d.ellipse(_box(80, 80, 6), fill=ac)


def m_card(d, fg, ac, g, lat, lw, gs):
    d.rounded_rectangle([10 * U, 24 * U, 90 * U, 76 * U], radius=7 * U, fill=fg)
    d.rectangle([10 * U, 33 * U, 90 * U, 41 * U], fill=CLEAR)
    d.rounded_rectangle([18 * U, 48 * U, 34 * U, 60 * U], radius=2 * U, fill=ac)
    _glyph(d, 70, 60, g, 18 * gs, ac)


def m_ring_glyph(d, fg, ac, g, lat, lw, gs):
    d.ellipse(_box(50, 50, 41), outline=fg, width=_w(7, lw))
    d.arc(_box(50, 50, 33), 300, 60, fill=ac, width=_w(3, lw))
    _glyph(d, 50, 50, g, 42 * gs, fg)


def m_spark(d, fg, ac, g, lat, lw, gs):
    d.polygon(_star(46, 54, 38, 10, 4), fill=fg)
    d.polygon(_star(78, 20, 13, 4, 4), fill=ac)


def m_bowtie(d, fg, ac, g, lat, lw, gs):
    d.polygon([_p(10, 22), _p(50, 50), _p(10, 78)], fill=fg)
    d.polygon([_p(90, 22), _p(50, 50), _p(90, 78)], fill=ac)
    d.ellipse(_box(50, 50, 10), fill=fg)
    _glyph(d, 50, 50, g, 11 * gs, CLEAR)


MOTIFS = {name[2:]: fn for name, fn in sorted(globals().items()) if name.startswith("m_")}


# --------------------------------------------------------------------------- backgrounds


def background(bg: tuple, size: int) -> Image.Image:
    kind = bg[0]
    if kind == "white":
        return Image.new("RGB", (size, size), (255, 255, 255))
    if kind == "solid":
        return Image.new("RGB", (size, size), tuple(bg[1]))
    c1, c2 = np.array(bg[1], np.float32), np.array(bg[2], np.float32)
    r = np.arange(size, dtype=np.float32) / max(1, size - 1)
    t = np.broadcast_to(r[:, None], (size, size)) if kind == "vgrad" else (r[:, None] + r[None, :]) / 2.0
    arr = c1[None, None, :] + (c2 - c1)[None, None, :] * t[..., None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


# --------------------------------------------------------------------------- render


def foreground(spec: dict, jitter: dict | None = None) -> Image.Image:
    """The emblem (motif, glyph, optional label band) on a transparent 1024 px layer."""
    j = jitter or {}
    lay = Image.new("RGBA", (S, S), CLEAR)
    d = ImageDraw.Draw(lay)
    fg = tuple(spec["fg"]) + (255,)
    ac = tuple(spec["ac"]) + (255,)
    MOTIFS[spec["motif"]](d, fg, ac, spec.get("glyph") or "", spec.get("latin") or "",
                          float(j.get("lw", 1.0)), float(j.get("gs", 1.0)))
    frame = spec.get("frame")
    if frame:
        # another firm's mark: the shared primitive sits smaller inside a frame of its own
        small = lay.resize((int(S * 0.74), int(S * 0.74)), Image.BILINEAR)
        lay = Image.new("RGBA", (S, S), CLEAR)
        lay.paste(small, (int(S * 0.13), int(S * 0.13)), small)
        d = ImageDraw.Draw(lay)
        if frame == "ring":
            d.ellipse(_box(50, 50, 47), outline=fg, width=_w(3.5, 1.0))
        else:
            d.rounded_rectangle(_box(50, 50, 46), radius=14 * U, outline=ac, width=_w(4, 1.0))
    label = spec.get("label")
    if label:
        # sibling / product line: the motif shrinks to the top and a short word sits below it
        small = lay.resize((int(S * 0.70), int(S * 0.70)), Image.BILINEAR)
        lay = Image.new("RGBA", (S, S), CLEAR)
        lay.paste(small, (int(S * 0.15), int(S * 0.02)), small)
        d = ImageDraw.Draw(lay)
        size = fonts.fit_size(d, label, 80 * U, 18 * U, int(20 * U))
        fonts.text_centered(d, 50 * U, 84 * U, label, size, fg)
    scale = float(j.get("scale", 1.0))
    dx, dy = float(j.get("dx", 0.0)), float(j.get("dy", 0.0))
    rot = float(j.get("rot", 0.0))
    if scale != 1.0 or dx or dy or rot:
        lay = lay.rotate(rot, resample=Image.BICUBIC, center=(S / 2, S / 2))
        n = int(round(S * scale))
        small = lay.resize((n, n), Image.LANCZOS)
        out = Image.new("RGBA", (S, S), CLEAR)
        out.paste(small, (int((S - n) / 2 + dx * U), int((S - n) / 2 + dy * U)), small)
        lay = out
    return lay


def shrink(lay: Image.Image, size: int) -> Image.Image:
    if S % size == 0:
        return lay.reduce(S // size)
    return lay.resize((size, size), Image.LANCZOS)


_BG_CACHE: dict = {}


def _cached_background(bg: tuple, size: int) -> Image.Image:
    key = (repr(bg), size)
    if key not in _BG_CACHE:
        _BG_CACHE[key] = background(bg, size)
    return _BG_CACHE[key].copy()


def render(spec: dict, size: int = 512, jitter: dict | None = None, bg: tuple | None = None):
    lay = shrink(foreground(spec, jitter), size)
    base = _cached_background(bg or spec["bg"], size).convert("RGBA")
    base.alpha_composite(lay)
    return base.convert("RGB"), lay
