"""Icons drawn from geometric primitives and CJK glyphs of an installed font.

A style is a tuple (mark, layout, glyph, bg, fg, acc):
  mark    one of MARKS (brand emblems) or PICTOS (generic pictograms of ordinary apps)
  layout  field | white | word | tile | split | round
  glyph   CJK glyph(s) or Latin letters used by some marks, else None
  bg, fg, acc  colours "#RRGGBB": background, mark, accent

Marks are drawn on two 8-bit masks at SS-times supersampling (fg, accent; 0 punches holes), then
composited on the background and reduced with a Lanczos filter.
"""

from __future__ import annotations

import math

import fonts
import numpy as np
from PIL import Image, ImageDraw

SS = 3
MARKS: dict = {}
PICTOS: dict = {}


def rgb(h):
    if isinstance(h, tuple):
        return h
    h = h.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def hexs(c):
    r, g, b = (int(v) for v in c)
    return f"#{r:02X}{g:02X}{b:02X}"


def darken(c, f):
    c = rgb(c)
    return tuple(max(0, min(255, int(round(v * f)))) for v in c)


def mix(a, b, t):
    a, b = rgb(a), rgb(b)
    return tuple(int(round(a[i] * (1 - t) + b[i] * t)) for i in range(3))


def _box(cx, cy, r):
    return [cx - r, cy - r, cx + r, cy + r]


def _ell(cx, cy, rx, ry, ang=0.0, n=64):
    ca, sa = math.cos(ang), math.sin(ang)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def _reg(cx, cy, r, n, rot=0.0):
    return [(cx + r * math.cos(rot + 2 * math.pi * i / n), cy + r * math.sin(rot + 2 * math.pi * i / n))
            for i in range(n)]


def _star(cx, cy, r_out, r_in, n=5, rot=-math.pi / 2):
    pts = []
    for i in range(2 * n):
        rr = r_out if i % 2 == 0 else r_in
        t = rot + math.pi * i / n
        pts.append((cx + rr * math.cos(t), cy + rr * math.sin(t)))
    return pts


def _glyph(d, cx, cy, text, px, fill):
    d.text((cx, cy), text, font=fonts.font_for(text, int(px)), fill=fill, anchor="mm")


def _thick_line(d, pts, w, fill):
    d.line(pts, fill=fill, width=max(1, int(w)), joint="curve")
    for x, y in (pts[0], pts[-1]):
        d.ellipse(_box(x, y, w / 2), fill=fill)


def mark(name, table=MARKS):
    def deco(fn):
        table[name] = fn
        return fn
    return deco


# ---------------------------------------------------------------- brand emblems

@mark("coin")
def _coin(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, r), fill=255)
    F.ellipse(_box(cx, cy, 0.8 * r), fill=0)
    s, s2, w = 0.46 * r, 0.26 * r, 0.09 * r
    F.rectangle([cx - s, cy - s, cx + s, cy + s], fill=255)
    F.rectangle([cx - s2, cy - s2, cx + s2, cy + s2], fill=0)
    F.rectangle([cx - w, cy - 0.82 * r, cx + w, cy - s], fill=255)
    F.rectangle([cx - w, cy + s, cx + w, cy + 0.82 * r], fill=255)
    A.rectangle([cx - 0.1 * r, cy - 0.1 * r, cx + 0.1 * r, cy + 0.1 * r], fill=255)


@mark("ring_glyph")
def _ring_glyph(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, r), fill=255)
    F.ellipse(_box(cx, cy, 0.84 * r), fill=0)
    _glyph(F, cx, cy + 0.02 * r, g or "信", 1.12 * r, 255)
    A.arc(_box(cx, cy, 0.92 * r), 200, 340, fill=255, width=max(1, int(0.05 * r)))


@mark("shield_glyph")
def _shield_glyph(F, A, cx, cy, r, g):
    pts = [(cx - 0.82 * r, cy - 0.92 * r), (cx + 0.82 * r, cy - 0.92 * r), (cx + 0.82 * r, cy + 0.05 * r)]
    for i in range(1, 16):
        t = i / 16 * math.pi
        pts.append((cx + 0.82 * r * math.cos(t), cy + 0.05 * r + 0.95 * r * math.sin(t)))
    pts.append((cx - 0.82 * r, cy + 0.05 * r))
    F.polygon(pts, fill=255)
    _glyph(F, cx, cy - 0.02 * r, g or "盾", 1.0 * r, 0)
    A.rectangle([cx - 0.82 * r, cy - 0.92 * r, cx + 0.82 * r, cy - 0.78 * r], fill=255)


@mark("diamond_glyph")
def _diamond_glyph(F, A, cx, cy, r, g):
    F.polygon(_reg(cx, cy, r, 4, 0), fill=255)
    F.polygon(_reg(cx, cy, 0.86 * r, 4, 0), fill=0)
    F.polygon(_reg(cx, cy, 0.76 * r, 4, 0), fill=255)
    _glyph(F, cx, cy, g or "方", 0.78 * r, 0)
    A.polygon(_reg(cx, cy - 0.93 * r, 0.07 * r, 4, 0), fill=255)
    A.polygon(_reg(cx, cy + 0.93 * r, 0.07 * r, 4, 0), fill=255)


@mark("hexagon_glyph")
def _hexagon_glyph(F, A, cx, cy, r, g):
    F.polygon(_reg(cx, cy, r, 6, math.pi / 6), fill=255)
    F.polygon(_reg(cx, cy, 0.8 * r, 6, math.pi / 6), fill=0)
    _glyph(F, cx, cy, g or "六", 0.95 * r, 255)
    A.polygon(_reg(cx, cy, r, 6, math.pi / 6)[:3] + [(cx, cy)], fill=0)
    for p in _reg(cx, cy, 0.9 * r, 6, math.pi / 6)[::2]:
        A.ellipse(_box(p[0], p[1], 0.1 * r), fill=255)


@mark("letters")
def _letters(F, A, cx, cy, r, g):
    text = g or "AB"
    px = 1.25 * r if len(text) <= 2 else 0.9 * r
    f = fonts.font_for(text, int(px))
    x0, y0, x1, y1 = F.textbbox((0, 0), text, font=f, anchor="mm")
    if x1 - x0 > 1.8 * r:
        px *= 1.8 * r / (x1 - x0)
    _glyph(F, cx, cy - 0.08 * r, text, px, 255)
    A.rounded_rectangle([cx - 0.8 * r, cy + 0.55 * r, cx + 0.8 * r, cy + 0.72 * r], radius=0.08 * r, fill=255)


@mark("bars")
def _bars(F, A, cx, cy, r, g):
    h = 0.28 * r
    for i, wid in enumerate((1.8, 1.35, 0.9)):
        y = cy - 0.55 * r + i * 0.55 * r
        F.rounded_rectangle([cx - 0.9 * r, y - h / 2, cx - 0.9 * r + wid * r, y + h / 2], radius=h / 2, fill=255)
    A.ellipse(_box(cx + 0.55 * r, cy + 0.55 * r, 0.2 * r), fill=255)


@mark("waves")
def _waves(F, A, cx, cy, r, g):
    for k, y0 in enumerate((0.05, 0.36, 0.67)):
        pts = [(cx + x * r, cy + y0 * r + 0.13 * r * math.sin(x * math.pi * 1.6 + k * 0.6))
               for x in np.linspace(-0.95, 0.95, 40)]
        _thick_line(F, pts, 0.13 * r, 255)
    A.ellipse(_box(cx, cy - 0.5 * r, 0.32 * r), fill=255)


@mark("sunburst")
def _sunburst(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, 0.42 * r), fill=255)
    for i in range(12):
        t = 2 * math.pi * i / 12
        dt = 0.1
        F.polygon([(cx + 0.55 * r * math.cos(t - dt), cy + 0.55 * r * math.sin(t - dt)),
                   (cx + r * math.cos(t), cy + r * math.sin(t)),
                   (cx + 0.55 * r * math.cos(t + dt), cy + 0.55 * r * math.sin(t + dt))], fill=255)
    A.ellipse(_box(cx, cy, 0.2 * r), fill=255)


@mark("mountain")
def _mountain(F, A, cx, cy, r, g):
    F.polygon([(cx - 0.95 * r, cy + 0.55 * r), (cx - 0.2 * r, cy - 0.75 * r), (cx + 0.55 * r, cy + 0.55 * r)],
              fill=255)
    A.polygon([(cx - 0.1 * r, cy + 0.55 * r), (cx + 0.42 * r, cy - 0.3 * r), (cx + 0.95 * r, cy + 0.55 * r)],
              fill=255)
    F.rectangle([cx - 0.95 * r, cy + 0.68 * r, cx + 0.95 * r, cy + 0.84 * r], fill=255)


@mark("twin_rings")
def _twin_rings(F, A, cx, cy, r, g):
    w = max(1, int(0.15 * r))
    F.ellipse(_box(cx - 0.36 * r, cy, 0.58 * r), outline=255, width=w)
    A.ellipse(_box(cx + 0.36 * r, cy, 0.58 * r), outline=255, width=w)
    F.arc(_box(cx - 0.36 * r, cy, 0.58 * r), -40, 40, fill=255, width=w)


@mark("chevrons")
def _chevrons(F, A, cx, cy, r, g):
    for D, y in ((F, -0.3), (A, 0.3)):
        pts = [(cx - 0.75 * r, cy + (y + 0.35) * r), (cx, cy + (y - 0.35) * r), (cx + 0.75 * r, cy + (y + 0.35) * r)]
        _thick_line(D, pts, 0.24 * r, 255)


@mark("knot")
def _knot(F, A, cx, cy, r, g):
    for rot in (0, math.pi / 4):
        F.polygon(_reg(cx, cy, r, 4, rot), fill=255)
    for rot in (0, math.pi / 4):
        F.polygon(_reg(cx, cy, 0.78 * r, 4, rot), fill=0)
    A.ellipse(_box(cx, cy, 0.3 * r), fill=255)


@mark("petals")
def _petals(F, A, cx, cy, r, g):
    for i in range(5):
        t = -math.pi / 2 + 2 * math.pi * i / 5
        F.polygon(_ell(cx + 0.48 * r * math.cos(t), cy + 0.48 * r * math.sin(t), 0.52 * r, 0.27 * r, t), fill=255)
    A.ellipse(_box(cx, cy, 0.2 * r), fill=255)


@mark("sunrise")
def _sunrise(F, A, cx, cy, r, g):
    F.pieslice(_box(cx, cy + 0.1 * r, 0.7 * r), 180, 360, fill=255)
    for i, wid in enumerate((0.95, 0.7, 0.45)):
        y = cy + 0.28 * r + i * 0.25 * r
        A.rounded_rectangle([cx - wid * r, y, cx + wid * r, y + 0.13 * r], radius=0.06 * r, fill=255)


@mark("big_glyph")
def _big_glyph(F, A, cx, cy, r, g):
    _glyph(F, cx, cy, g or "大", 1.7 * r, 255)
    A.rectangle([cx + 0.62 * r, cy - 0.9 * r, cx + 0.9 * r, cy - 0.62 * r], fill=255)


@mark("glyph_pair")
def _glyph_pair(F, A, cx, cy, r, g):
    g = g or "双字"
    _glyph(F, cx, cy - 0.47 * r, g[0], 0.9 * r, 255)
    _glyph(F, cx, cy + 0.47 * r, g[-1], 0.9 * r, 255)
    A.rectangle([cx - 0.95 * r, cy - 0.95 * r, cx - 0.8 * r, cy + 0.95 * r], fill=255)


@mark("segments")
def _segments(F, A, cx, cy, r, g):
    for i in range(4):
        D = F if i % 2 == 0 else A
        D.pieslice(_box(cx, cy, r), i * 90 + 6, i * 90 + 84, fill=255)
    F.ellipse(_box(cx, cy, 0.38 * r), fill=0)
    A.ellipse(_box(cx, cy, 0.38 * r), fill=0)


@mark("keyhole")
def _keyhole(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, r), fill=255)
    F.ellipse(_box(cx, cy - 0.22 * r, 0.3 * r), fill=0)
    F.polygon([(cx - 0.12 * r, cy - 0.1 * r), (cx + 0.12 * r, cy - 0.1 * r), (cx + 0.22 * r, cy + 0.6 * r),
               (cx - 0.22 * r, cy + 0.6 * r)], fill=0)
    A.ellipse(_box(cx, cy - 0.22 * r, 0.12 * r), fill=255)


@mark("star_swoosh")
def _star_swoosh(F, A, cx, cy, r, g):
    F.polygon(_star(cx, cy - 0.2 * r, 0.72 * r, 0.3 * r), fill=255)
    pts = [(cx + x * r, cy + 0.62 * r - 0.22 * r * math.sin((x + 1) * math.pi / 2)) for x in np.linspace(-0.95, 0.95, 30)]
    _thick_line(A, pts, 0.16 * r, 255)


@mark("delta")
def _delta(F, A, cx, cy, r, g):
    F.polygon(_reg(cx, cy + 0.12 * r, r, 3, -math.pi / 2), fill=255)
    F.polygon(_reg(cx, cy + 0.12 * r, 0.66 * r, 3, -math.pi / 2), fill=0)
    A.polygon(_reg(cx, cy + 0.12 * r, 0.36 * r, 3, -math.pi / 2), fill=255)


@mark("squares")
def _squares(F, A, cx, cy, r, g):
    F.rectangle(_box(cx, cy, 0.92 * r), fill=255)
    F.rectangle(_box(cx, cy, 0.74 * r), fill=0)
    A.rectangle(_box(cx, cy, 0.56 * r), fill=255)
    A.rectangle(_box(cx, cy, 0.4 * r), fill=0)
    F.rectangle(_box(cx, cy, 0.22 * r), fill=255)


@mark("dots_grid")
def _dots_grid(F, A, cx, cy, r, g):
    for i in range(3):
        for j in range(3):
            D = A if (i, j) == (1, 1) else F
            D.ellipse(_box(cx + (i - 1) * 0.64 * r, cy + (j - 1) * 0.64 * r, 0.23 * r), fill=255)


@mark("swirl")
def _swirl(F, A, cx, cy, r, g):
    F.pieslice(_box(cx, cy, r), 90, 270, fill=255)
    F.ellipse(_box(cx, cy - r / 2, r / 2), fill=255)
    F.ellipse(_box(cx, cy + r / 2, r / 2), fill=0)
    A.pieslice(_box(cx, cy, r), 270, 450, fill=255)
    A.ellipse(_box(cx, cy - r / 2, r / 2), fill=0)
    A.ellipse(_box(cx, cy + r / 2, r / 2), fill=255)
    F.ellipse(_box(cx, cy + r / 2, 0.14 * r), fill=255)
    A.ellipse(_box(cx, cy + r / 2, 0.14 * r), fill=0)
    A.ellipse(_box(cx, cy - r / 2, 0.14 * r), fill=255)


@mark("card")
def _card(F, A, cx, cy, r, g):
    F.rounded_rectangle([cx - 0.95 * r, cy - 0.62 * r, cx + 0.95 * r, cy + 0.62 * r], radius=0.14 * r, fill=255)
    F.rectangle([cx - 0.95 * r, cy - 0.38 * r, cx + 0.95 * r, cy - 0.22 * r], fill=0)
    A.rounded_rectangle([cx - 0.75 * r, cy - 0.05 * r, cx - 0.35 * r, cy + 0.25 * r], radius=0.05 * r, fill=255)
    _glyph(F, cx + 0.45 * r, cy + 0.18 * r, g or "卡", 0.55 * r, 0)


@mark("leaf")
def _leaf(F, A, cx, cy, r, g):
    pts = []
    for i in range(33):
        t = math.pi * i / 32
        pts.append((cx - 0.9 * r * math.cos(t), cy + 0.55 * r * math.sin(t) - 0.1 * r * math.sin(2 * t)))
    for i in range(33):
        t = math.pi * i / 32
        pts.append((cx + 0.9 * r * math.cos(t), cy - 0.55 * r * math.sin(t) + 0.1 * r * math.sin(2 * t)))
    rot = -math.pi / 5
    ca, sa = math.cos(rot), math.sin(rot)
    pts = [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]
    F.polygon(pts, fill=255)
    _thick_line(F, [(cx - 0.6 * r * ca, cy - 0.6 * r * sa), (cx + 0.6 * r * ca, cy + 0.6 * r * sa)], 0.07 * r, 0)
    _thick_line(A, [(cx + 0.72 * r * ca, cy + 0.72 * r * sa), (cx + 1.0 * r * ca + 0.15 * r, cy + 1.0 * r * sa)],
                0.1 * r, 255)


@mark("lattice")
def _lattice(F, A, cx, cy, r, g):
    w = max(1, int(0.1 * r))
    F.rectangle(_box(cx, cy, 0.88 * r), outline=255, width=w)
    F.line([(cx - 0.88 * r, cy), (cx + 0.88 * r, cy)], fill=255, width=w)
    F.line([(cx, cy - 0.88 * r), (cx, cy + 0.88 * r)], fill=255, width=w)
    A.polygon(_reg(cx, cy, 0.36 * r, 4, 0), fill=255)
    for sx in (-1, 1):
        for sy in (-1, 1):
            F.rectangle(_box(cx + sx * 0.44 * r, cy + sy * 0.44 * r, 0.12 * r), fill=255)


@mark("seal_glyph")
def _seal_glyph(F, A, cx, cy, r, g):
    F.rounded_rectangle(_box(cx, cy, 0.86 * r), radius=0.22 * r, fill=255)
    _glyph(F, cx, cy, g or "印", 1.15 * r, 0)
    A.rounded_rectangle([cx - 0.86 * r, cy + 0.92 * r, cx + 0.86 * r, cy + 1.02 * r], radius=0.05 * r, fill=255)


@mark("arrow_circle")
def _arrow_circle(F, A, cx, cy, r, g):
    w = max(1, int(0.2 * r))
    F.arc(_box(cx, cy, 0.8 * r), 40, 320, fill=255, width=w)
    t = math.radians(40)
    ex, ey = cx + 0.7 * r * math.cos(t), cy + 0.7 * r * math.sin(t)
    F.polygon([(ex + 0.38 * r, ey - 0.05 * r), (ex - 0.18 * r, ey - 0.05 * r), (ex + 0.1 * r, ey + 0.45 * r)],
              fill=255)
    A.ellipse(_box(cx, cy, 0.22 * r), fill=255)


@mark("arch")
def _arch(F, A, cx, cy, r, g):
    F.pieslice(_box(cx, cy + 0.35 * r, 0.95 * r), 180, 360, fill=255)
    F.pieslice(_box(cx, cy + 0.35 * r, 0.55 * r), 180, 360, fill=0)
    F.rectangle([cx - 0.95 * r, cy + 0.35 * r, cx - 0.55 * r, cy + 0.9 * r], fill=255)
    F.rectangle([cx + 0.55 * r, cy + 0.35 * r, cx + 0.95 * r, cy + 0.9 * r], fill=255)
    A.ellipse(_box(cx, cy + 0.2 * r, 0.2 * r), fill=255)


@mark("spark")
def _spark(F, A, cx, cy, r, g):
    F.polygon(_star(cx, cy, r, 0.3 * r, 4, -math.pi / 2), fill=255)
    A.polygon(_star(cx + 0.62 * r, cy - 0.62 * r, 0.3 * r, 0.1 * r, 4, -math.pi / 2), fill=255)


@mark("stairs")
def _stairs(F, A, cx, cy, r, g):
    for i, hgt in enumerate((0.55, 1.0, 1.5)):
        x = cx - 0.9 * r + i * 0.62 * r
        F.rectangle([x, cy + 0.8 * r - hgt * r, x + 0.48 * r, cy + 0.8 * r], fill=255)
    _thick_line(A, [(cx - 0.9 * r, cy + 0.1 * r), (cx - 0.1 * r, cy - 0.35 * r), (cx + 0.8 * r, cy - 0.85 * r)],
                0.12 * r, 255)


@mark("gem")
def _gem(F, A, cx, cy, r, g):
    top = [(cx - 0.9 * r, cy - 0.25 * r), (cx - 0.5 * r, cy - 0.75 * r), (cx + 0.5 * r, cy - 0.75 * r),
           (cx + 0.9 * r, cy - 0.25 * r), (cx, cy + 0.9 * r)]
    F.polygon(top, fill=255)
    _thick_line(F, [(cx - 0.9 * r, cy - 0.25 * r), (cx + 0.9 * r, cy - 0.25 * r)], 0.07 * r, 0)
    _thick_line(F, [(cx - 0.3 * r, cy - 0.25 * r), (cx, cy + 0.85 * r)], 0.06 * r, 0)
    _thick_line(F, [(cx + 0.3 * r, cy - 0.25 * r), (cx, cy + 0.85 * r)], 0.06 * r, 0)
    A.polygon([(cx - 0.5 * r, cy - 0.75 * r), (cx - 0.3 * r, cy - 0.25 * r), (cx - 0.9 * r, cy - 0.25 * r)], fill=255)


@mark("crown")
def _crown(F, A, cx, cy, r, g):
    F.polygon([(cx - 0.9 * r, cy + 0.5 * r), (cx - 0.9 * r, cy - 0.55 * r), (cx - 0.45 * r, cy - 0.05 * r),
               (cx, cy - 0.8 * r), (cx + 0.45 * r, cy - 0.05 * r), (cx + 0.9 * r, cy - 0.55 * r),
               (cx + 0.9 * r, cy + 0.5 * r)], fill=255)
    F.rectangle([cx - 0.9 * r, cy + 0.62 * r, cx + 0.9 * r, cy + 0.82 * r], fill=255)
    for x in (-0.9, 0.0, 0.9):
        A.ellipse(_box(cx + x * r, cy + (-0.8 if x == 0 else -0.55) * r - 0.12 * r, 0.13 * r), fill=255)


@mark("tri_stripes")
def _tri_stripes(F, A, cx, cy, r, g):
    for i in range(3):
        D = A if i == 1 else F
        x = cx - 0.75 * r + i * 0.5 * r
        D.polygon([(x, cy + 0.85 * r), (x + 0.3 * r, cy + 0.85 * r), (x + 0.75 * r, cy - 0.85 * r),
                   (x + 0.45 * r, cy - 0.85 * r)], fill=255)


@mark("globe")
def _globe(F, A, cx, cy, r, g):
    w = max(1, int(0.1 * r))
    F.ellipse(_box(cx, cy, r), outline=255, width=w)
    F.ellipse([cx - 0.45 * r, cy - r, cx + 0.45 * r, cy + r], outline=255, width=w)
    F.line([(cx, cy - r), (cx, cy + r)], fill=255, width=w)
    A.line([(cx - r, cy), (cx + r, cy)], fill=255, width=w)
    A.line([(cx - 0.85 * r, cy - 0.5 * r), (cx + 0.85 * r, cy - 0.5 * r)], fill=255, width=w)
    A.line([(cx - 0.85 * r, cy + 0.5 * r), (cx + 0.85 * r, cy + 0.5 * r)], fill=255, width=w)


@mark("infinity")
def _infinity(F, A, cx, cy, r, g):
    pts = []
    for i in range(97):
        t = 2 * math.pi * i / 96
        den = 1 + math.sin(t) ** 2
        pts.append((cx + 0.95 * r * math.cos(t) / den, cy + 0.95 * r * math.sin(t) * math.cos(t) / den))
    _thick_line(F, pts, 0.2 * r, 255)
    A.ellipse(_box(cx, cy - 0.62 * r, 0.14 * r), fill=255)


@mark("parallelograms")
def _parallelograms(F, A, cx, cy, r, g):
    for i in range(3):
        D = F if i != 1 else A
        x = cx - 0.95 * r + i * 0.6 * r
        D.polygon([(x + 0.25 * r, cy - 0.7 * r), (x + 0.75 * r, cy - 0.7 * r), (x + 0.5 * r, cy + 0.7 * r),
                   (x, cy + 0.7 * r)], fill=255)


@mark("crescent")
def _crescent(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, 0.9 * r), fill=255)
    F.ellipse(_box(cx + 0.4 * r, cy - 0.2 * r, 0.72 * r), fill=0)
    A.polygon(_star(cx + 0.45 * r, cy + 0.1 * r, 0.3 * r, 0.12 * r), fill=255)


@mark("wings")
def _wings(F, A, cx, cy, r, g):
    for sgn in (-1, 1):
        pts = []
        for i in range(4):
            y = cy - 0.55 * r + i * 0.32 * r
            pts.append([(cx + sgn * 0.12 * r, y), (cx + sgn * (0.95 - 0.18 * i) * r, y - 0.25 * r),
                        (cx + sgn * (0.95 - 0.18 * i) * r, y - 0.08 * r), (cx + sgn * 0.12 * r, y + 0.18 * r)])
        for p in pts:
            F.polygon(p, fill=255)
    A.ellipse(_box(cx, cy - 0.1 * r, 0.16 * r), fill=255)


@mark("lotus")
def _lotus(F, A, cx, cy, r, g):
    for t in (-0.7, 0.7):
        F.polygon(_ell(cx + 0.42 * r * math.sin(t), cy + 0.05 * r - 0.4 * r * math.cos(t), 0.55 * r, 0.22 * r,
                       t - math.pi / 2), fill=255)
    A.polygon(_ell(cx, cy - 0.3 * r, 0.62 * r, 0.25 * r, -math.pi / 2), fill=255)
    F.rounded_rectangle([cx - 0.85 * r, cy + 0.5 * r, cx + 0.85 * r, cy + 0.66 * r], radius=0.08 * r, fill=255)


# ---------------------------------------------------------------- generic pictograms

def picto(name):
    return mark(name, PICTOS)


@picto("camera")
def _camera(F, A, cx, cy, r, g):
    F.rounded_rectangle([cx - 0.9 * r, cy - 0.5 * r, cx + 0.9 * r, cy + 0.7 * r], radius=0.18 * r, fill=255)
    F.rectangle([cx - 0.35 * r, cy - 0.72 * r, cx + 0.35 * r, cy - 0.45 * r], fill=255)
    F.ellipse(_box(cx, cy + 0.1 * r, 0.42 * r), fill=0)
    A.ellipse(_box(cx, cy + 0.1 * r, 0.26 * r), fill=255)


@picto("note")
def _note(F, A, cx, cy, r, g):
    F.ellipse(_box(cx - 0.35 * r, cy + 0.55 * r, 0.3 * r), fill=255)
    F.rectangle([cx - 0.12 * r, cy - 0.8 * r, cx + 0.02 * r, cy + 0.55 * r], fill=255)
    F.polygon([(cx - 0.12 * r, cy - 0.8 * r), (cx + 0.7 * r, cy - 0.5 * r), (cx + 0.7 * r, cy - 0.25 * r),
               (cx - 0.12 * r, cy - 0.55 * r)], fill=255)


@picto("play")
def _play(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, 0.95 * r), fill=255)
    F.polygon([(cx - 0.3 * r, cy - 0.48 * r), (cx + 0.52 * r, cy), (cx - 0.3 * r, cy + 0.48 * r)], fill=0)


@picto("cloud")
def _cloud(F, A, cx, cy, r, g):
    for x, y, rr in ((-0.45, 0.15, 0.4), (0.05, -0.15, 0.55), (0.5, 0.15, 0.38)):
        F.ellipse(_box(cx + x * r, cy + y * r, rr * r), fill=255)
    F.rectangle([cx - 0.45 * r, cy + 0.1 * r, cx + 0.5 * r, cy + 0.55 * r], fill=255)


@picto("chat")
def _chat(F, A, cx, cy, r, g):
    F.rounded_rectangle([cx - 0.9 * r, cy - 0.7 * r, cx + 0.9 * r, cy + 0.45 * r], radius=0.3 * r, fill=255)
    F.polygon([(cx - 0.5 * r, cy + 0.4 * r), (cx - 0.55 * r, cy + 0.85 * r), (cx - 0.1 * r, cy + 0.4 * r)], fill=255)
    for x in (-0.45, 0.0, 0.45):
        F.ellipse(_box(cx + x * r, cy - 0.12 * r, 0.1 * r), fill=0)


@picto("house")
def _house(F, A, cx, cy, r, g):
    F.polygon([(cx - 0.9 * r, cy - 0.05 * r), (cx, cy - 0.85 * r), (cx + 0.9 * r, cy - 0.05 * r)], fill=255)
    F.rectangle([cx - 0.65 * r, cy - 0.1 * r, cx + 0.65 * r, cy + 0.8 * r], fill=255)
    A.rectangle([cx - 0.18 * r, cy + 0.25 * r, cx + 0.18 * r, cy + 0.8 * r], fill=255)


@picto("heart")
def _heart(F, A, cx, cy, r, g):
    F.ellipse(_box(cx - 0.42 * r, cy - 0.3 * r, 0.45 * r), fill=255)
    F.ellipse(_box(cx + 0.42 * r, cy - 0.3 * r, 0.45 * r), fill=255)
    F.polygon([(cx - 0.85 * r, cy - 0.15 * r), (cx + 0.85 * r, cy - 0.15 * r), (cx, cy + 0.85 * r)], fill=255)


@picto("gamepad")
def _gamepad(F, A, cx, cy, r, g):
    F.rounded_rectangle([cx - 0.95 * r, cy - 0.45 * r, cx + 0.95 * r, cy + 0.5 * r], radius=0.4 * r, fill=255)
    F.rectangle([cx - 0.65 * r, cy - 0.06 * r, cx - 0.25 * r, cy + 0.06 * r], fill=0)
    F.rectangle([cx - 0.51 * r, cy - 0.2 * r, cx - 0.39 * r, cy + 0.2 * r], fill=0)
    A.ellipse(_box(cx + 0.4 * r, cy - 0.1 * r, 0.1 * r), fill=255)
    A.ellipse(_box(cx + 0.6 * r, cy + 0.1 * r, 0.1 * r), fill=255)


@picto("book")
def _book(F, A, cx, cy, r, g):
    F.polygon([(cx - 0.9 * r, cy - 0.6 * r), (cx - 0.05 * r, cy - 0.45 * r), (cx - 0.05 * r, cy + 0.75 * r),
               (cx - 0.9 * r, cy + 0.6 * r)], fill=255)
    F.polygon([(cx + 0.9 * r, cy - 0.6 * r), (cx + 0.05 * r, cy - 0.45 * r), (cx + 0.05 * r, cy + 0.75 * r),
               (cx + 0.9 * r, cy + 0.6 * r)], fill=255)


@picto("cart")
def _cart(F, A, cx, cy, r, g):
    _thick_line(F, [(cx - 0.95 * r, cy - 0.7 * r), (cx - 0.65 * r, cy - 0.7 * r), (cx - 0.4 * r, cy + 0.3 * r),
                    (cx + 0.7 * r, cy + 0.3 * r), (cx + 0.85 * r, cy - 0.4 * r), (cx - 0.55 * r, cy - 0.4 * r)],
                0.13 * r, 255)
    A.ellipse(_box(cx - 0.3 * r, cy + 0.62 * r, 0.14 * r), fill=255)
    A.ellipse(_box(cx + 0.55 * r, cy + 0.62 * r, 0.14 * r), fill=255)


@picto("pin")
def _pin(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy - 0.25 * r, 0.6 * r), fill=255)
    F.polygon([(cx - 0.52 * r, cy + 0.05 * r), (cx + 0.52 * r, cy + 0.05 * r), (cx, cy + 0.95 * r)], fill=255)
    F.ellipse(_box(cx, cy - 0.25 * r, 0.24 * r), fill=0)


@picto("bell")
def _bell(F, A, cx, cy, r, g):
    F.pieslice(_box(cx, cy - 0.1 * r, 0.65 * r), 180, 360, fill=255)
    F.polygon([(cx - 0.65 * r, cy - 0.1 * r), (cx + 0.65 * r, cy - 0.1 * r), (cx + 0.85 * r, cy + 0.5 * r),
               (cx - 0.85 * r, cy + 0.5 * r)], fill=255)
    A.ellipse(_box(cx, cy + 0.7 * r, 0.18 * r), fill=255)


@picto("envelope")
def _envelope(F, A, cx, cy, r, g):
    F.rectangle([cx - 0.9 * r, cy - 0.6 * r, cx + 0.9 * r, cy + 0.6 * r], fill=255)
    _thick_line(F, [(cx - 0.9 * r, cy - 0.6 * r), (cx, cy + 0.1 * r), (cx + 0.9 * r, cy - 0.6 * r)], 0.1 * r, 0)


@picto("magnifier")
def _magnifier(F, A, cx, cy, r, g):
    F.ellipse(_box(cx - 0.2 * r, cy - 0.2 * r, 0.6 * r), outline=255, width=max(1, int(0.18 * r)))
    _thick_line(F, [(cx + 0.25 * r, cy + 0.25 * r), (cx + 0.8 * r, cy + 0.8 * r)], 0.22 * r, 255)


@picto("bolt")
def _bolt(F, A, cx, cy, r, g):
    F.polygon([(cx + 0.15 * r, cy - 0.95 * r), (cx - 0.55 * r, cy + 0.1 * r), (cx - 0.05 * r, cy + 0.1 * r),
               (cx - 0.2 * r, cy + 0.95 * r), (cx + 0.55 * r, cy - 0.15 * r), (cx + 0.05 * r, cy - 0.15 * r)],
              fill=255)


@picto("smile")
def _smile(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, 0.92 * r), fill=255)
    F.ellipse(_box(cx - 0.32 * r, cy - 0.25 * r, 0.11 * r), fill=0)
    F.ellipse(_box(cx + 0.32 * r, cy - 0.25 * r, 0.11 * r), fill=0)
    F.arc(_box(cx, cy + 0.05 * r, 0.5 * r), 20, 160, fill=0, width=max(1, int(0.1 * r)))


@picto("wallet")
def _wallet(F, A, cx, cy, r, g):
    F.rounded_rectangle([cx - 0.9 * r, cy - 0.55 * r, cx + 0.9 * r, cy + 0.7 * r], radius=0.15 * r, fill=255)
    F.rounded_rectangle([cx + 0.25 * r, cy - 0.1 * r, cx + 0.95 * r, cy + 0.3 * r], radius=0.1 * r, fill=0)
    A.ellipse(_box(cx + 0.5 * r, cy + 0.1 * r, 0.09 * r), fill=255)
    A.rectangle([cx - 0.75 * r, cy - 0.75 * r, cx + 0.5 * r, cy - 0.55 * r], fill=255)


@picto("calendar")
def _calendar(F, A, cx, cy, r, g):
    F.rounded_rectangle([cx - 0.85 * r, cy - 0.65 * r, cx + 0.85 * r, cy + 0.85 * r], radius=0.12 * r, fill=255)
    A.rectangle([cx - 0.85 * r, cy - 0.65 * r, cx + 0.85 * r, cy - 0.3 * r], fill=255)
    _glyph(F, cx, cy + 0.3 * r, g or "31", 0.7 * r, 0)


@picto("drop")
def _drop(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy + 0.3 * r, 0.6 * r), fill=255)
    F.polygon([(cx - 0.55 * r, cy + 0.1 * r), (cx, cy - 0.95 * r), (cx + 0.55 * r, cy + 0.1 * r)], fill=255)


@picto("moon")
def _moon(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, 0.85 * r), fill=255)
    F.ellipse(_box(cx - 0.4 * r, cy - 0.3 * r, 0.7 * r), fill=0)


@picto("gear")
def _gear(F, A, cx, cy, r, g):
    F.polygon(_star(cx, cy, 0.95 * r, 0.72 * r, 8, 0), fill=255)
    F.ellipse(_box(cx, cy, 0.72 * r), fill=255)
    F.ellipse(_box(cx, cy, 0.3 * r), fill=0)


@picto("piggy")
def _piggy(F, A, cx, cy, r, g):
    F.ellipse([cx - 0.85 * r, cy - 0.55 * r, cx + 0.75 * r, cy + 0.6 * r], fill=255)
    F.polygon([(cx - 0.4 * r, cy - 0.4 * r), (cx - 0.2 * r, cy - 0.85 * r), (cx + 0.05 * r, cy - 0.45 * r)], fill=255)
    F.rectangle([cx - 0.55 * r, cy + 0.4 * r, cx - 0.35 * r, cy + 0.85 * r], fill=255)
    F.rectangle([cx + 0.25 * r, cy + 0.4 * r, cx + 0.45 * r, cy + 0.85 * r], fill=255)
    A.rounded_rectangle([cx + 0.65 * r, cy - 0.1 * r, cx + 0.95 * r, cy + 0.2 * r], radius=0.08 * r, fill=255)
    F.rectangle([cx - 0.2 * r, cy - 0.42 * r, cx + 0.2 * r, cy - 0.34 * r], fill=0)


@picto("shield_check")
def _shield_check(F, A, cx, cy, r, g):
    F.polygon([(cx, cy - 0.95 * r), (cx + 0.8 * r, cy - 0.6 * r), (cx + 0.7 * r, cy + 0.3 * r), (cx, cy + 0.95 * r),
               (cx - 0.7 * r, cy + 0.3 * r), (cx - 0.8 * r, cy - 0.6 * r)], fill=255)
    _thick_line(F, [(cx - 0.38 * r, cy), (cx - 0.08 * r, cy + 0.3 * r), (cx + 0.42 * r, cy - 0.3 * r)], 0.14 * r, 0)


@picto("chart_line")
def _chart_line(F, A, cx, cy, r, g):
    F.rectangle([cx - 0.9 * r, cy + 0.75 * r, cx + 0.9 * r, cy + 0.87 * r], fill=255)
    F.rectangle([cx - 0.9 * r, cy - 0.85 * r, cx - 0.78 * r, cy + 0.87 * r], fill=255)
    _thick_line(A, [(cx - 0.65 * r, cy + 0.4 * r), (cx - 0.2 * r, cy - 0.1 * r), (cx + 0.15 * r, cy + 0.2 * r),
                    (cx + 0.75 * r, cy - 0.6 * r)], 0.12 * r, 255)


@picto("yuan_coin")
def _yuan_coin(F, A, cx, cy, r, g):
    F.ellipse(_box(cx, cy, 0.92 * r), fill=255)
    A.ellipse(_box(cx, cy, 0.78 * r), outline=255, width=max(1, int(0.05 * r)))
    _glyph(F, cx, cy, "¥", 1.1 * r, 0)


@picto("percent")
def _percent(F, A, cx, cy, r, g):
    F.ellipse(_box(cx - 0.45 * r, cy - 0.45 * r, 0.25 * r), fill=255)
    F.ellipse(_box(cx + 0.45 * r, cy + 0.45 * r, 0.25 * r), fill=255)
    _thick_line(A, [(cx + 0.6 * r, cy - 0.7 * r), (cx - 0.6 * r, cy + 0.7 * r)], 0.16 * r, 255)


@picto("card_plain")
def _card_plain(F, A, cx, cy, r, g):
    F.rounded_rectangle([cx - 0.95 * r, cy - 0.6 * r, cx + 0.95 * r, cy + 0.6 * r], radius=0.12 * r, fill=255)
    F.rectangle([cx - 0.95 * r, cy - 0.35 * r, cx + 0.95 * r, cy - 0.15 * r], fill=0)
    A.rectangle([cx - 0.75 * r, cy + 0.15 * r, cx - 0.1 * r, cy + 0.3 * r], fill=255)


@picto("glyph_tile")
def _glyph_tile(F, A, cx, cy, r, g):
    _glyph(F, cx, cy, g or "乐", 1.45 * r, 255)


@picto("letter_tile")
def _letter_tile(F, A, cx, cy, r, g):
    _glyph(F, cx, cy, g or "Go", 1.2 * r if len(g or "Go") <= 2 else 0.8 * r, 255)
    A.ellipse(_box(cx + 0.75 * r, cy - 0.75 * r, 0.15 * r), fill=255)


LAYOUTS = ("field", "white", "word", "tile", "split", "round")
ALL_MARKS = {**MARKS, **PICTOS}


def _gradient(S, c1, c2, vertical=True):
    t = np.linspace(0.0, 1.0, S, dtype=np.float32)
    a, b = np.array(rgb(c1), np.float32), np.array(rgb(c2), np.float32)
    line = a[None, :] * (1 - t[:, None]) + b[None, :] * t[:, None]
    arr = np.repeat(line[:, None, :], S, axis=1) if vertical else np.repeat(line[None, :, :], S, axis=0)
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


def _masks(S, mark_name, cx, cy, r, glyph):
    F = Image.new("L", (S, S), 0)
    A = Image.new("L", (S, S), 0)
    ALL_MARKS[mark_name](ImageDraw.Draw(F), ImageDraw.Draw(A), cx, cy, r, glyph)
    return F, A


def render(style, size=512, word=None):
    """The icon of a style, RGB size x size."""
    mark_name, layout, glyph, bg, fg, acc = style
    S = size * SS
    bg, fg, acc = rgb(bg), rgb(fg), rgb(acc)
    cx = cy = S / 2
    if layout == "field":
        base, r = Image.new("RGB", (S, S), bg), 0.34 * S
    elif layout == "white":
        base, r = Image.new("RGB", (S, S), (255, 255, 255)), 0.36 * S
    elif layout == "word":
        base, r, cy = _gradient(S, bg, darken(bg, 0.72)), 0.22 * S, 0.39 * S
    elif layout == "tile":
        base, r = Image.new("RGB", (S, S), (242, 244, 247)), 0.25 * S
        ImageDraw.Draw(base).rounded_rectangle([0.1 * S, 0.1 * S, 0.9 * S, 0.9 * S], radius=0.19 * S, fill=bg)
    elif layout == "split":
        base, r = Image.new("RGB", (S, S), bg), 0.31 * S
        ImageDraw.Draw(base).polygon([(S, 0.28 * S), (S, S), (0.28 * S, S)], fill=darken(bg, 0.7))
    elif layout == "round":
        base, r = Image.new("RGB", (S, S), (255, 255, 255)), 0.3 * S
        ImageDraw.Draw(base).ellipse(_box(cx, cy, 0.46 * S), fill=bg)
    else:
        raise ValueError(layout)
    F, A = _masks(S, mark_name, cx, cy, r, glyph)
    base.paste(fg, mask=F)
    base.paste(acc, mask=A)
    if layout == "word":
        text = word or "应用"
        px = min(0.15 * S, 0.8 * S / max(1, len(text)))
        _glyph(ImageDraw.Draw(base), cx, 0.79 * S, text, px, fg)
    return base.resize((size, size), Image.Resampling.LANCZOS)


def render_mark(style, size, fg=None, acc=None, fill=0.84):
    """The mark alone, RGBA size x size, radius fill*size/2, in the given colours (default the style's)."""
    mark_name, _layout, glyph, _bg, sfg, sacc = style
    S = size * SS
    F, A = _masks(S, mark_name, S / 2, S / 2, fill * S / 2, glyph)
    out = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    fgc, accc = rgb(fg or sfg), rgb(acc or sacc)
    out.paste(fgc + (255,), mask=F)
    out.paste(accc + (255,), mask=A)
    return out.resize((size, size), Image.Resampling.LANCZOS)


def mark_colours(style):
    """(fg, acc) that show on a light background: the style's, or its background colour if the mark is white."""
    _m, layout, _g, bg, fg, acc = style
    fg, acc, bg = rgb(fg), rgb(acc), rgb(bg)
    if sum(fg) > 600:
        fg = bg
    if sum(acc) > 600 or acc == fg:
        acc = darken(fg, 0.6)
    return fg, acc
