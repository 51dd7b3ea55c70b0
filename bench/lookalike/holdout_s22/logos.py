"""Own logo designs: parametric emblems (drawn at 1024 px) and icon layouts around them."""

from __future__ import annotations

import json
import math
from functools import lru_cache

import numpy as np
from drawing import (
    FONT_CJK,
    FONT_SANS_BOLD,
    FONT_SERIF_BOLD,
    WHITE,
    Colour,
    darker,
    hexstr,
    lighter,
    linear_gradient,
    paste_center,
    radial_gradient,
    rgb,
    text_layer,
    text_mask,
)
from PIL import Image, ImageChops, ImageDraw

S = 1024
C = S / 2


def box(cx: float, cy: float, r: float, ry: float | None = None) -> tuple[float, float, float, float]:
    ry = r if ry is None else ry
    return (cx - r, cy - ry, cx + r, cy + ry)


def rot_pts(pts, ang: float, cx: float = C, cy: float = C):
    a = math.radians(ang)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def ellipse_poly(cx: float, cy: float, a: float, b: float, ang: float = 0.0, n: int = 72):
    pts = [(cx + a * math.cos(2 * math.pi * i / n), cy + b * math.sin(2 * math.pi * i / n)) for i in range(n)]
    return rot_pts(pts, ang, cx, cy)


def regular(cx: float, cy: float, r: float, n: int, rot: float = -90.0):
    return [(cx + r * math.cos(math.radians(rot + 360 * i / n)), cy + r * math.sin(math.radians(rot + 360 * i / n)))
            for i in range(n)]


def star(cx: float, cy: float, ro: float, ri: float, n: int, rot: float = -90.0):
    pts = []
    for i in range(2 * n):
        r = ro if i % 2 == 0 else ri
        a = math.radians(rot + 180 * i / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


class Painter:
    """Premultiplied RGBA accumulator fed with L masks."""

    def __init__(self) -> None:
        self.P = np.zeros((S, S, 3), np.float32)
        self.A = np.zeros((S, S), np.float32)

    @staticmethod
    def canvas():
        m = Image.new("L", (S, S), 0)
        return m, ImageDraw.Draw(m)

    def paint(self, mask: Image.Image, colour: Colour) -> None:
        m = np.asarray(mask, np.float32) / 255.0
        col = np.array(colour, np.float32) / 255.0
        self.P = self.P * (1 - m)[..., None] + m[..., None] * col
        self.A = self.A * (1 - m) + m

    def cut(self, mask: Image.Image) -> None:
        m = np.asarray(mask, np.float32) / 255.0
        self.P *= (1 - m)[..., None]
        self.A *= 1 - m

    def image(self) -> Image.Image:
        a = np.clip(self.A, 0, 1)
        col = np.where(a[..., None] > 1e-4, self.P / np.maximum(a[..., None], 1e-4), 0)
        arr = np.dstack([np.clip(col * 255 + 0.5, 0, 255), np.clip(a * 255 + 0.5, 0, 255)]).astype(np.uint8)
        return Image.fromarray(arr, "RGBA")


def glyph_mask(text: str, cx: float, cy: float, height: float, path: str | None = None, stroke: int = 0,
               max_w: float | None = None) -> Image.Image:
    small = text_mask(text, 200, path, stroke)
    scale = height / small.height
    if max_w is not None:
        scale = min(scale, max_w / small.width)
    small = small.resize((max(1, int(small.width * scale)), max(1, int(small.height * scale))), Image.LANCZOS)
    m = Image.new("L", (S, S), 0)
    m.paste(small, (int(cx - small.width / 2), int(cy - small.height / 2)))
    return m


# ---------------------------------------------------------------- emblem kinds
def k_coin(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    R = 0.47 * S
    m, d = P.canvas()
    d.ellipse(box(C, C, R), fill=255)
    P.paint(m, fg)
    g = p.get("groove", 0.80)
    m, d = P.canvas()
    d.ellipse(box(C, C, R * g), outline=255, width=int(S * p.get("groove_w", 0.02)))
    P.cut(m)
    hs = p.get("hole", 0.16) * S
    sq = rot_pts([(C - hs, C - hs), (C + hs, C - hs), (C + hs, C + hs), (C - hs, C + hs)], p.get("hole_rot", 0))
    m, d = P.canvas()
    if p.get("hole_shape", "square") == "round":
        d.ellipse(box(C, C, hs * 1.1), fill=255)
    else:
        d.polygon(sq, fill=255)
    P.cut(m)
    glyphs = p.get("glyphs", "")
    rr = (R * g + hs * 1.25) / 2
    for i, ch in enumerate(glyphs):
        ang = [-90, 90, 0, 180][i % 4]
        P.cut(glyph_mask(ch, C + rr * math.cos(math.radians(ang)), C + rr * math.sin(math.radians(ang)),
                         0.14 * S, FONT_CJK, stroke=2))
    if p.get("dot"):
        m, d = P.canvas()
        d.ellipse(box(C, C, hs * 0.45), fill=255)
        P.paint(m, ac)


def _shield_pts(scale: float = 1.0, top: float = 0.07, bottom: float = 0.95, half: float = 0.40):
    pts = [(C - half * S, top * S), (C, (top - 0.03) * S), (C + half * S, top * S)]
    for i in range(0, 21):
        t = i / 20
        x = C + half * S * (1 - t) ** 1.4
        y = (0.50 + (bottom - 0.50) * math.sin(t * math.pi / 2)) * S
        pts.append((x, y))
    left = [(2 * C - x, y) for x, y in reversed(pts[3:])]
    pts = pts + left[1:]
    return [(C + (x - C) * scale, C + (y - C) * scale) for x, y in pts]


def k_shield(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.polygon(_shield_pts(), fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.line(_shield_pts(0.86) + _shield_pts(0.86)[:1], fill=255, width=int(0.022 * S), joint="curve")
    P.cut(m)
    if p.get("chevron"):
        m, d = P.canvas()
        y = 0.62 * S
        d.polygon([(C - 0.30 * S, y), (C, y + 0.16 * S), (C + 0.30 * S, y), (C + 0.30 * S, y + 0.07 * S),
                   (C, y + 0.23 * S), (C - 0.30 * S, y + 0.07 * S)], fill=255)
        P.cut(m)
    letters = p.get("letters", "")
    if letters:
        path = FONT_SERIF_BOLD if p.get("serif") else (FONT_SANS_BOLD if letters.isascii() else FONT_CJK)
        P.cut(glyph_mask(letters, C, 0.42 * S if p.get("chevron") else 0.48 * S, 0.30 * S, path,
                         stroke=0 if letters.isascii() else 4, max_w=0.56 * S))


def k_ring_wave(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    R = 0.46 * S
    w = p.get("ring_w", 0.07) * S
    m, d = P.canvas()
    d.ellipse(box(C, C, R), outline=255, width=int(w))
    P.paint(m, fg)
    inner, di = P.canvas()
    di.ellipse(box(C, C, R - w * 1.6), fill=255)
    n = p.get("waves", 3)
    amp = p.get("amp", 0.05) * S
    for i in range(n):
        y0 = C + (i - (n - 1) / 2) * p.get("gap", 0.16) * S
        pts = [(x, y0 + amp * math.sin(2 * math.pi * (x / S) * p.get("freq", 1.5) + p.get("phase", 0.0) + i * 0.6))
               for x in range(0, S + 1, 8)]
        m, d = P.canvas()
        d.line(pts, fill=255, width=int(p.get("wave_w", 0.055) * S), joint="curve")
        P.paint(ImageChops.multiply(m, inner), fg if i % 2 == 0 or not p.get("alt") else ac)


def k_seal(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    shape = p.get("shape", "circle")
    R = 0.46 * S
    if shape == "circle":
        d.ellipse(box(C, C, R), fill=255)
    elif shape == "diamond":
        d.polygon(regular(C, C, R * 1.04, 4, -90), fill=255)
    else:
        d.rounded_rectangle(box(C, C, R * 0.92), radius=0.12 * S, fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    if shape == "circle":
        d.ellipse(box(C, C, R * 0.86), outline=255, width=int(0.02 * S))
    elif shape == "diamond":
        d.polygon(regular(C, C, R * 0.88, 4, -90), outline=255, width=int(0.02 * S))
    else:
        d.rounded_rectangle(box(C, C, R * 0.80), radius=0.08 * S, outline=255, width=int(0.02 * S))
    P.cut(m)
    P.cut(glyph_mask(p.get("glyph", "福"), C, C, p.get("glyph_h", 0.46) * S, FONT_CJK, stroke=p.get("stroke", 6),
                     max_w=0.55 * S))


def k_peaks(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.ellipse(box(p.get("sun_x", 0.68) * S, 0.30 * S, p.get("sun_r", 0.12) * S), fill=255)
    P.paint(m, ac)
    n = p.get("n", 3)
    base = 0.80 * S
    for i in range(n):
        x = (0.18 + 0.64 * (i + 0.5) / n) * S
        h = [0.46, 0.60, 0.40, 0.52][i % 4] * S * p.get("height", 1.0)
        w = 0.64 * S / n * 0.95
        m, d = P.canvas()
        d.polygon([(x - w, base), (x, base - h), (x + w, base)], fill=255)
        P.paint(m, fg)
    m, d = P.canvas()
    d.rectangle((0.10 * S, base + 0.03 * S, 0.90 * S, base + 0.09 * S), fill=255)
    P.paint(m, fg)


def k_sun(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    n = p.get("rays", 12)
    r0, r1 = p.get("r0", 0.28) * S, 0.47 * S
    half = p.get("ray_w", 6.0)
    m, d = P.canvas()
    for i in range(n):
        a = 360 * i / n + p.get("rot", 0)
        pts = [(C + r0 * math.cos(math.radians(a - half)), C + r0 * math.sin(math.radians(a - half))),
               (C + r1 * math.cos(math.radians(a)), C + r1 * math.sin(math.radians(a))),
               (C + r0 * math.cos(math.radians(a + half)), C + r0 * math.sin(math.radians(a + half)))]
        d.polygon(pts, fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.ellipse(box(C, C, p.get("core", 0.22) * S), fill=255)
    P.paint(m, ac if p.get("core_accent") else fg)


def k_sprout(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    if p.get("ring", True):
        m, d = P.canvas()
        d.ellipse(box(C, C, 0.46 * S), outline=255, width=int(0.05 * S))
        P.paint(m, fg)
    stem_top = 0.48 * S
    m, d = P.canvas()
    d.line([(C, 0.80 * S), (C, stem_top)], fill=255, width=int(0.05 * S))
    P.paint(m, fg)
    spread = p.get("spread", 38)
    L = p.get("leaf", 0.20) * S
    for side, col in ((-1, fg), (1, ac)):
        ang = -90 + side * spread
        cx = C + math.cos(math.radians(ang)) * L
        cy = stem_top + math.sin(math.radians(ang)) * L
        m, d = P.canvas()
        d.polygon(ellipse_poly(cx, cy, L, L * 0.45, ang), fill=255)
        P.paint(m, col)
    if p.get("third"):
        m, d = P.canvas()
        d.polygon(ellipse_poly(C, stem_top - L * 0.9, L * 0.35, L * 0.8, 0), fill=255)
        P.paint(m, fg)


def k_rings(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    n = p.get("n", 3)
    r = p.get("r", 0.22) * S
    w = int(p.get("w", 0.055) * S)
    if n == 2:
        centres = [(C - r * 0.6, C), (C + r * 0.6, C)]
    elif p.get("row"):
        centres = [(C - r * 1.1, C), (C, C), (C + r * 1.1, C)]
    else:
        centres = [(C, C - r * 0.62), (C - r * 0.62, C + r * 0.45), (C + r * 0.62, C + r * 0.45)]
    for i, (x, y) in enumerate(centres):
        m, d = P.canvas()
        d.ellipse(box(x, y, r), outline=255, width=w)
        P.paint(m, fg if i % 2 == 0 else ac)


def k_hex(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.polygon(regular(C, C, 0.47 * S, 6, p.get("rot", -90)), fill=255)
    P.paint(m, fg)
    k = p.get("stripes", 3)
    ang = p.get("angle", 30)
    m, d = P.canvas()
    for i in range(k):
        off = (i - (k - 1) / 2) * 0.20 * S
        band = [(-S, C + off - 0.03 * S), (2 * S, C + off - 0.03 * S), (2 * S, C + off + 0.03 * S),
                (-S, C + off + 0.03 * S)]
        d.polygon(rot_pts(band, ang), fill=255)
    P.cut(m)
    if p.get("dot"):
        m, d = P.canvas()
        d.ellipse(box(C, C, 0.09 * S), fill=255)
        P.paint(m, ac)


def k_wings(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    k = p.get("feathers", 3)
    fan = p.get("fan", 26)
    for side in (-1, 1):
        for i in range(k):
            th = -(8 + i * fan)
            L = (0.50 - 0.07 * i) * S
            cx = C + 0.05 * S + (L / 2) * math.cos(math.radians(th))
            cy = C + 0.10 * S + (L / 2) * math.sin(math.radians(th))
            ang = th
            if side < 0:
                cx, ang = 2 * C - cx, -th
            m, d = P.canvas()
            d.polygon(ellipse_poly(cx, cy, L / 2, 0.07 * S, ang), fill=255)
            P.paint(m, fg)
    m, d = P.canvas()
    d.ellipse(box(C, C + 0.12 * S, p.get("core", 0.10) * S), fill=255)
    P.paint(m, ac)


def k_star(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    R = 0.46 * S
    m, d = P.canvas()
    if p.get("outer_ring", True):
        d.ellipse(box(C, C, R), fill=255)
        P.paint(m, fg)
        m, d = P.canvas()
        d.ellipse(box(C, C, R * 0.88), outline=255, width=int(0.025 * S))
        P.cut(m)
    else:
        d.ellipse(box(C, C, R), fill=255)
        P.paint(m, fg)
    m, d = P.canvas()
    n = p.get("points", 5)
    d.polygon(star(C, C + (0.02 * S if n == 5 else 0), 0.32 * S, 0.32 * S * p.get("inner", 0.42), n,
                   p.get("rot", -90)), fill=255)
    if p.get("star_accent"):
        P.cut(m)
        m2, d2 = P.canvas()
        d2.polygon(star(C, C + (0.02 * S if n == 5 else 0), 0.25 * S, 0.25 * S * p.get("inner", 0.42), n,
                        p.get("rot", -90)), fill=255)
        P.paint(m2, ac)
    else:
        P.cut(m)


def k_gate(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    tiers = p.get("tiers", 2)
    y = 0.16 * S
    for t in range(tiers):
        half = (0.30 + 0.10 * t) * S
        h = 0.08 * S
        d.polygon([(C - half - 0.07 * S, y - 0.03 * S), (C - half, y + h), (C + half, y + h),
                   (C + half + 0.07 * S, y - 0.03 * S), (C + half * 0.7, y), (C - half * 0.7, y)], fill=255)
        y += h + 0.07 * S
    d.rectangle((C - 0.40 * S, y, C + 0.40 * S, y + 0.05 * S), fill=255)
    k = p.get("pillars", 4)
    for i in range(k):
        x = C - 0.32 * S + 0.64 * S * i / (k - 1)
        d.rectangle((x - 0.035 * S, y, x + 0.035 * S, 0.86 * S), fill=255)
    d.rectangle((C - 0.44 * S, 0.86 * S, C + 0.44 * S, 0.91 * S), fill=255)
    P.paint(m, fg)
    if p.get("plaque"):
        m, d = P.canvas()
        d.rectangle((C - 0.08 * S, y + 0.09 * S, C + 0.08 * S, y + 0.20 * S), fill=255)
        P.paint(m, ac)


def k_knot(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    R = 0.34 * S
    w = int(p.get("w", 0.045) * S)
    m, d = P.canvas()
    cy = C - 0.04 * S
    dia = regular(C, cy, R, 4, -90)
    d.polygon(dia, outline=255, width=w)
    k = p.get("grid", 2)
    for i in range(1, k + 1):
        t = i / (k + 1)
        a = (dia[0][0] + (dia[1][0] - dia[0][0]) * t, dia[0][1] + (dia[1][1] - dia[0][1]) * t)
        b = (dia[3][0] + (dia[2][0] - dia[3][0]) * t, dia[3][1] + (dia[2][1] - dia[3][1]) * t)
        d.line([a, b], fill=255, width=w)
        a = (dia[0][0] + (dia[3][0] - dia[0][0]) * t, dia[0][1] + (dia[3][1] - dia[0][1]) * t)
        b = (dia[1][0] + (dia[2][0] - dia[1][0]) * t, dia[1][1] + (dia[2][1] - dia[1][1]) * t)
        d.line([a, b], fill=255, width=w)
    for corner in (dia[1], dia[3]):
        d.ellipse(box(corner[0] + (0.05 * S if corner[0] > C else -0.05 * S), corner[1], 0.07 * S), outline=255,
                  width=w)
    P.paint(m, fg)
    m, d = P.canvas()
    d.ellipse(box(C, cy - R - 0.05 * S, 0.05 * S), outline=255, width=w)
    d.line([(C, cy + R), (C, 0.95 * S)], fill=255, width=w)
    if p.get("tassel", True):
        d.line([(C - 0.05 * S, cy + R + 0.08 * S), (C - 0.08 * S, 0.95 * S)], fill=255, width=w // 2)
        d.line([(C + 0.05 * S, cy + R + 0.08 * S), (C + 0.08 * S, 0.95 * S)], fill=255, width=w // 2)
    P.paint(m, ac)


def k_ingot(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    cy = 0.52 * S
    d.chord(box(C, cy, 0.44 * S, 0.30 * S), 0, 180, fill=255)
    d.polygon(ellipse_poly(C, cy, 0.44 * S, 0.07 * S), fill=255)
    wing = p.get("wing", 0.10)
    d.polygon([(C - 0.44 * S, cy), (C - (0.46 + wing) * S, cy - 0.16 * S), (C - 0.30 * S, cy)], fill=255)
    d.polygon([(C + 0.44 * S, cy), (C + (0.46 + wing) * S, cy - 0.16 * S), (C + 0.30 * S, cy)], fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.chord(box(C, cy - 0.01 * S, 0.22 * S, 0.22 * S), 180, 360, fill=255)
    P.paint(m, ac)
    if p.get("band"):
        m, d = P.canvas()
        d.arc(box(C, cy + 0.02 * S, 0.32 * S, 0.18 * S), 20, 160, fill=255, width=int(0.03 * S))
        P.cut(m)


def k_spiral(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    turns = p.get("turns", 2.5)
    pts = []
    n = 400
    for i in range(n + 1):
        t = i / n
        th = t * turns * 2 * math.pi + math.radians(p.get("rot", 0))
        r = (0.04 + 0.40 * t) * S
        pts.append((C + r * math.cos(th), C + r * math.sin(th)))
    m, d = P.canvas()
    d.line(pts, fill=255, width=int(p.get("w", 0.06) * S), joint="curve")
    P.paint(m, fg)
    if p.get("dot", True):
        m, d = P.canvas()
        d.ellipse(box(pts[-1][0], pts[-1][1], 0.06 * S), fill=255)
        P.paint(m, ac)


def k_pinwheel(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    blades = p.get("blades", 4)
    for i in range(blades):
        base = [(C, C), (C, C - 0.46 * S), (C + 0.26 * S * p.get("blade_w", 1.0), C - 0.10 * S)]
        m, d = P.canvas()
        d.polygon(rot_pts(base, 360 * i / blades + p.get("rot", 0)), fill=255)
        P.paint(m, fg if i % 2 == 0 else ac)
    if p.get("hub"):
        m, d = P.canvas()
        d.ellipse(box(C, C, 0.06 * S), fill=255)
        P.cut(m)


def k_monogram(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    if p.get("frame", "ring") == "ring":
        d.ellipse(box(C, C, 0.46 * S), outline=255, width=int(0.04 * S))
    else:
        d.rounded_rectangle(box(C, C, 0.44 * S), radius=0.10 * S, outline=255, width=int(0.04 * S))
    P.paint(m, fg)
    letters = p.get("letters", "AB")
    path = FONT_SERIF_BOLD if p.get("serif") else FONT_SANS_BOLD
    P.paint(glyph_mask(letters, C, 0.46 * S, 0.30 * S, path, max_w=0.62 * S), fg)
    m, d = P.canvas()
    d.rectangle((C - 0.26 * S, 0.66 * S, C + 0.26 * S, 0.71 * S), fill=255)
    P.paint(m, ac)


def k_lotus(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    n = p.get("petals", 5)
    bx, by = C, 0.74 * S
    L = p.get("len", 0.30) * S
    spread = p.get("spread", 110)
    for i in range(n):
        ang = -90 - spread / 2 + spread * i / (n - 1)
        cx = bx + math.cos(math.radians(ang)) * L
        cy = by + math.sin(math.radians(ang)) * L
        m, d = P.canvas()
        d.polygon(ellipse_poly(cx, cy, L, L * 0.32, ang), fill=255)
        P.paint(m, ac if i == n // 2 else fg)
    m, d = P.canvas()
    d.arc(box(C, 0.70 * S, 0.40 * S, 0.16 * S), 20, 160, fill=255, width=int(0.04 * S))
    P.paint(m, fg)


def k_bridge(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.arc(box(C, 0.62 * S, 0.40 * S, p.get("rise", 0.34) * S), 180, 360, fill=255, width=int(0.07 * S))
    d.rectangle((0.06 * S, 0.60 * S, 0.94 * S, 0.66 * S), fill=255)
    k = p.get("hangers", 5)
    for i in range(k):
        x = C - 0.28 * S + 0.56 * S * i / (k - 1)
        rr = (x - C) / (0.40 * S)
        ytop = 0.62 * S - p.get("rise", 0.34) * S * math.sqrt(max(0.0, 1 - rr * rr))
        d.line([(x, ytop), (x, 0.60 * S)], fill=255, width=int(0.025 * S))
    P.paint(m, fg)
    m, d = P.canvas()
    for j in range(2):
        y0 = (0.76 + 0.08 * j) * S
        pts = [(x, y0 + 0.02 * S * math.sin(x / S * 4 * math.pi)) for x in range(int(0.10 * S), int(0.90 * S), 8)]
        d.line(pts, fill=255, width=int(0.035 * S), joint="curve")
    P.paint(m, ac)


def _drop(cx: float, cy: float, r: float, h: float):
    pts = [(cx, cy - h)]
    for i in range(0, 37):
        a = math.radians(-30 + 240 * i / 36)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return rot_pts(pts, 0)


def k_flame(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.polygon(_drop(C, 0.62 * S, 0.30 * S, 0.52 * S), fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.polygon(_drop(C + p.get("inner_dx", 0.0) * S, 0.70 * S, 0.15 * S, 0.30 * S), fill=255)
    if p.get("inner_cut", True):
        P.cut(m)
    else:
        P.paint(m, ac)


def k_globe(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    R = 0.40 * S
    w = int(0.035 * S)
    m, d = P.canvas()
    d.ellipse(box(C, C, R), outline=255, width=w)
    for k in p.get("meridians", [0.35, 0.75]):
        d.ellipse(box(C, C, R * k, R), outline=255, width=w)
    d.line([(C, C - R), (C, C + R)], fill=255, width=w)
    for y in (-0.45, 0.0, 0.45):
        half = R * math.sqrt(1 - y * y)
        d.line([(C - half, C + y * R), (C + half, C + y * R)], fill=255, width=w)
    P.paint(m, fg)
    if p.get("orbit", True):
        m, d = P.canvas()
        d.polygon(ellipse_poly(C, C, 0.50 * S, 0.14 * S, p.get("orbit_ang", -20)), outline=255, width=int(0.03 * S))
        P.paint(m, ac)


def k_ding(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.rectangle((C - 0.36 * S, 0.34 * S, C + 0.36 * S, 0.40 * S), fill=255)
    d.chord(box(C, 0.40 * S, 0.32 * S, 0.30 * S), 0, 180, fill=255)
    for side in (-1, 1):
        x = C + side * 0.22 * S
        d.rectangle((x - 0.05 * S, 0.14 * S, x + 0.05 * S, 0.34 * S), outline=255, width=int(0.03 * S))
    for x in (C - 0.20 * S, C, C + 0.20 * S) if p.get("legs", 3) == 3 else (C - 0.20 * S, C + 0.20 * S):
        d.polygon([(x - 0.04 * S, 0.66 * S), (x + 0.04 * S, 0.66 * S), (x + 0.02 * S, 0.90 * S),
                   (x - 0.02 * S, 0.90 * S)], fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.line([(C - 0.24 * S, 0.50 * S), (C + 0.24 * S, 0.50 * S)], fill=255, width=int(0.03 * S))
    P.cut(m)
    if p.get("glyph"):
        P.paint(glyph_mask(p["glyph"], C, 0.56 * S, 0.10 * S, FONT_CJK, stroke=2), ac)


def k_cloud(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    circles = [(0.32, 0.58, 0.16), (0.50, 0.46, 0.20), (0.68, 0.56, 0.15), (0.78, 0.66, 0.10), (0.22, 0.68, 0.10)]
    for x, y, r in circles:
        d.ellipse(box(x * S, y * S, r * S), fill=255)
    d.rectangle((0.20 * S, 0.64 * S, 0.82 * S, 0.76 * S), fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    for x, y, r in circles[:3]:
        d.arc(box(x * S, y * S, r * 0.55 * S), 150, 420, fill=255, width=int(0.025 * S))
    P.cut(m)
    if p.get("tail", True):
        m, d = P.canvas()
        d.arc(box(0.50 * S, 0.86 * S, 0.30 * S, 0.06 * S), 0, 180, fill=255, width=int(0.035 * S))
        P.paint(m, ac)


def k_diamonds(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    n = p.get("n", 3)
    for i in range(n):
        cy = (0.30 + 0.20 * i) * S
        m, d = P.canvas()
        d.polygon([(C, cy - 0.14 * S), (C + 0.42 * S, cy), (C, cy + 0.14 * S), (C - 0.42 * S, cy)], fill=255)
        P.paint(m, fg if i % 2 == 0 else ac)
        if i < n - 1:
            m, d = P.canvas()
            d.polygon([(C, cy + 0.12 * S), (C + 0.44 * S, cy + 0.26 * S), (C, cy + 0.40 * S),
                       (C - 0.44 * S, cy + 0.26 * S)], outline=255, width=int(0.02 * S))
            P.cut(m)


def k_glyph(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    P.paint(glyph_mask(p.get("glyph", "金"), C, 0.48 * S, 0.78 * S, FONT_CJK, stroke=p.get("stroke", 10),
                       max_w=0.82 * S), fg)
    m, d = P.canvas()
    if p.get("accent", "dot") == "dot":
        d.ellipse(box(0.82 * S, 0.18 * S, 0.07 * S), fill=255)
    else:
        d.rectangle((0.14 * S, 0.90 * S, 0.86 * S, 0.95 * S), fill=255)
    P.paint(m, ac)


def k_chart(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    n = p.get("bars", 4)
    for i in range(n):
        x0 = (0.14 + 0.74 * i / n) * S
        h = (0.20 + 0.50 * (i + 1) / n) * S
        d.rectangle((x0, 0.88 * S - h, x0 + 0.74 * S / n * 0.62, 0.88 * S), fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    pts = [(0.10 * S, 0.64 * S), (0.38 * S, 0.42 * S), (0.56 * S, 0.52 * S), (0.86 * S, 0.16 * S)]
    d.line(pts, fill=255, width=int(0.045 * S), joint="curve")
    d.polygon([(0.92 * S, 0.08 * S), (0.92 * S, 0.28 * S), (0.74 * S, 0.12 * S)], fill=255)
    P.paint(m, ac)


def k_swoosh(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    letter = p.get("letter", "Z")
    path = FONT_SERIF_BOLD if p.get("serif") else FONT_SANS_BOLD
    P.paint(glyph_mask(letter, C, C, 0.62 * S, path, max_w=0.60 * S), fg)
    m, d = P.canvas()
    d.polygon(ellipse_poly(C, C, 0.47 * S, 0.16 * S, p.get("ang", -25)), outline=255, width=int(0.035 * S))
    P.paint(m, ac)


KINDS = {
    "coin": k_coin, "shield": k_shield, "ring_wave": k_ring_wave, "seal": k_seal, "peaks": k_peaks,
    "sun": k_sun, "sprout": k_sprout, "rings": k_rings, "hex": k_hex, "wings": k_wings, "star": k_star,
    "gate": k_gate, "knot": k_knot, "ingot": k_ingot, "spiral": k_spiral, "pinwheel": k_pinwheel,
    "monogram": k_monogram, "lotus": k_lotus, "bridge": k_bridge, "flame": k_flame, "globe": k_globe,
    "ding": k_ding, "cloud": k_cloud, "diamonds": k_diamonds, "glyph": k_glyph, "chart": k_chart,
    "swoosh": k_swoosh,
}


# ---------------------------------------------------------------- motifs used only by unrelated apps
def n_wallet(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.rounded_rectangle((0.10 * S, 0.26 * S, 0.90 * S, 0.82 * S), radius=0.08 * S, fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.rounded_rectangle((0.58 * S, 0.44 * S, 0.94 * S, 0.64 * S), radius=0.05 * S, fill=255)
    P.paint(m, ac)
    m, d = P.canvas()
    d.ellipse(box(0.70 * S, 0.54 * S, 0.035 * S), fill=255)
    P.cut(m)
    if p.get("flap", True):
        m, d = P.canvas()
        d.polygon([(0.16 * S, 0.26 * S), (0.70 * S, 0.12 * S), (0.78 * S, 0.26 * S)], fill=255)
        P.paint(m, ac)


def n_piggy(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.ellipse((0.14 * S, 0.30 * S, 0.84 * S, 0.80 * S), fill=255)
    d.ellipse((0.76 * S, 0.46 * S, 0.94 * S, 0.62 * S), fill=255)
    d.polygon([(0.30 * S, 0.36 * S), (0.34 * S, 0.18 * S), (0.46 * S, 0.32 * S)], fill=255)
    for x in (0.28, 0.62):
        d.rectangle((x * S, 0.72 * S, (x + 0.09) * S, 0.88 * S), fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.rectangle((0.40 * S, 0.30 * S, 0.58 * S, 0.35 * S), fill=255)
    d.ellipse(box(0.62 * S, 0.46 * S, 0.03 * S), fill=255)
    P.cut(m)
    if p.get("coin", True):
        m, d = P.canvas()
        d.ellipse(box(0.49 * S, 0.16 * S, 0.08 * S), fill=255)
        P.paint(m, ac)


def n_umbrella(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.pieslice(box(C, 0.50 * S, 0.44 * S, 0.36 * S), 180, 360, fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    for x in (0.30, 0.50, 0.70):
        d.ellipse(box(x * S, 0.50 * S, 0.10 * S, 0.04 * S), fill=255)
    P.cut(m)
    m, d = P.canvas()
    d.line([(C, 0.48 * S), (C, 0.82 * S)], fill=255, width=int(0.04 * S))
    d.arc((C - 0.14 * S, 0.72 * S, C + 0.02 * S, 0.90 * S), 0, 180, fill=255, width=int(0.04 * S))
    P.paint(m, ac)


def n_house(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.polygon([(0.08 * S, 0.50 * S), (C, 0.12 * S), (0.92 * S, 0.50 * S)], fill=255)
    d.rectangle((0.18 * S, 0.48 * S, 0.82 * S, 0.88 * S), fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.rectangle((0.42 * S, 0.62 * S, 0.58 * S, 0.88 * S), fill=255)
    P.cut(m)
    m, d = P.canvas()
    d.rectangle((0.66 * S, 0.18 * S, 0.76 * S, 0.36 * S), fill=255)
    P.paint(m, ac)


def n_heart(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.ellipse((0.10 * S, 0.16 * S, 0.54 * S, 0.60 * S), fill=255)
    d.ellipse((0.46 * S, 0.16 * S, 0.90 * S, 0.60 * S), fill=255)
    d.polygon([(0.12 * S, 0.46 * S), (C, 0.90 * S), (0.88 * S, 0.46 * S), (C, 0.30 * S)], fill=255)
    P.paint(m, fg)
    if p.get("pulse", True):
        m, d = P.canvas()
        d.line([(0.18 * S, 0.48 * S), (0.38 * S, 0.48 * S), (0.46 * S, 0.32 * S), (0.56 * S, 0.64 * S),
                (0.64 * S, 0.48 * S), (0.82 * S, 0.48 * S)], fill=255, width=int(0.04 * S), joint="curve")
        P.cut(m)


def n_bolt(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.polygon([(0.58 * S, 0.06 * S), (0.22 * S, 0.56 * S), (0.48 * S, 0.56 * S), (0.40 * S, 0.94 * S),
               (0.80 * S, 0.40 * S), (0.54 * S, 0.40 * S)], fill=255)
    P.paint(m, fg)


def n_cart(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.line([(0.08 * S, 0.20 * S), (0.22 * S, 0.20 * S), (0.32 * S, 0.66 * S), (0.80 * S, 0.66 * S)], fill=255,
           width=int(0.05 * S), joint="curve")
    d.polygon([(0.26 * S, 0.30 * S), (0.90 * S, 0.30 * S), (0.82 * S, 0.56 * S), (0.31 * S, 0.56 * S)], fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    for x in (0.38, 0.74):
        d.ellipse(box(x * S, 0.80 * S, 0.07 * S), fill=255)
    P.paint(m, ac)


def n_book(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.polygon([(0.08 * S, 0.22 * S), (0.48 * S, 0.28 * S), (0.48 * S, 0.84 * S), (0.08 * S, 0.78 * S)], fill=255)
    d.polygon([(0.52 * S, 0.28 * S), (0.92 * S, 0.22 * S), (0.92 * S, 0.78 * S), (0.52 * S, 0.84 * S)], fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    for y in (0.40, 0.52, 0.64):
        d.line([(0.60 * S, y * S), (0.84 * S, (y - 0.03) * S)], fill=255, width=int(0.025 * S))
    P.paint(m, ac)


def n_bell(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.chord((0.22 * S, 0.14 * S, 0.78 * S, 0.70 * S), 180, 360, fill=255)
    d.polygon([(0.22 * S, 0.42 * S), (0.78 * S, 0.42 * S), (0.88 * S, 0.74 * S), (0.12 * S, 0.74 * S)], fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.ellipse(box(C, 0.82 * S, 0.08 * S), fill=255)
    P.paint(m, ac)


def n_key(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.ellipse(box(0.30 * S, 0.40 * S, 0.20 * S), fill=255)
    d.rectangle((0.42 * S, 0.36 * S, 0.92 * S, 0.46 * S), fill=255)
    d.rectangle((0.76 * S, 0.46 * S, 0.84 * S, 0.62 * S), fill=255)
    d.rectangle((0.62 * S, 0.46 * S, 0.70 * S, 0.56 * S), fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.ellipse(box(0.30 * S, 0.40 * S, 0.08 * S), fill=255)
    P.cut(m)


def n_calculator(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.rounded_rectangle((0.20 * S, 0.08 * S, 0.80 * S, 0.92 * S), radius=0.06 * S, fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.rectangle((0.28 * S, 0.16 * S, 0.72 * S, 0.32 * S), fill=255)
    for r in range(4):
        for c in range(3):
            x = (0.32 + 0.18 * c) * S
            y = (0.44 + 0.13 * r) * S
            d.rectangle((x - 0.05 * S, y - 0.04 * S, x + 0.05 * S, y + 0.04 * S), fill=255)
    P.cut(m)


def n_bubble(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.rounded_rectangle((0.08 * S, 0.16 * S, 0.92 * S, 0.70 * S), radius=0.16 * S, fill=255)
    d.polygon([(0.24 * S, 0.66 * S), (0.20 * S, 0.90 * S), (0.44 * S, 0.68 * S)], fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    for x in (0.30, 0.50, 0.70):
        d.ellipse(box(x * S, 0.43 * S, 0.05 * S), fill=255)
    P.cut(m)


def n_pin(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.ellipse(box(C, 0.38 * S, 0.30 * S), fill=255)
    d.polygon([(0.24 * S, 0.50 * S), (C, 0.94 * S), (0.76 * S, 0.50 * S)], fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.ellipse(box(C, 0.38 * S, 0.12 * S), fill=255)
    P.cut(m)


def n_leaf(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.polygon(ellipse_poly(C, C, 0.44 * S, 0.22 * S, -45), fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.line([(0.24 * S, 0.76 * S), (0.74 * S, 0.26 * S)], fill=255, width=int(0.03 * S))
    P.cut(m)


def n_card(P: Painter, p: dict, fg: Colour, ac: Colour) -> None:
    m, d = P.canvas()
    d.rounded_rectangle((0.06 * S, 0.22 * S, 0.94 * S, 0.78 * S), radius=0.07 * S, fill=255)
    P.paint(m, fg)
    m, d = P.canvas()
    d.rectangle((0.06 * S, 0.34 * S, 0.94 * S, 0.44 * S), fill=255)
    P.cut(m)
    m, d = P.canvas()
    d.rectangle((0.14 * S, 0.56 * S, 0.40 * S, 0.64 * S), fill=255)
    P.paint(m, ac)


NEG_KINDS = {"wallet": n_wallet, "piggy": n_piggy, "umbrella": n_umbrella, "house": n_house, "heart": n_heart,
             "bolt": n_bolt, "cart": n_cart, "book": n_book, "bell": n_bell, "key": n_key,
             "calculator": n_calculator, "bubble": n_bubble, "pin": n_pin, "leaf": n_leaf, "card": n_card}
KINDS.update(NEG_KINDS)


@lru_cache(maxsize=160)
def _emblem_cached(kind: str, params_json: str, fg: Colour, ac: Colour) -> Image.Image:
    P = Painter()
    KINDS[kind](P, json.loads(params_json), fg, ac)
    return P.image()


def emblem(kind: str, params: dict, fg: Colour, ac: Colour) -> Image.Image:
    """RGBA emblem on a transparent 1024 px square."""
    return _emblem_cached(kind, json.dumps(params, sort_keys=True, ensure_ascii=False), fg, ac).copy()


# ---------------------------------------------------------------- icon layouts
LAYOUTS = ("solid", "gradient", "white", "round", "word", "card", "split", "ring")


def emblem_colours(spec: dict) -> tuple[Colour, Colour]:
    bg = rgb(spec["bg"])
    if spec["layout"] in ("white", "card"):
        return rgb(spec.get("fg", spec["bg"])), rgb(spec.get("ac", spec.get("bg2", spec["bg"])))
    return rgb(spec.get("fg", "#FFFFFF")), rgb(spec.get("ac", "#FFFFFF" if spec.get("ac_white") else
                                                           hexstr(lighter(bg, 0.55))))


def background(spec: dict, n: int) -> Image.Image:
    bg = rgb(spec["bg"])
    bg2 = rgb(spec.get("bg2", hexstr(darker(bg, 0.25))))
    lay = spec["layout"]
    if lay in ("gradient", "card"):
        return linear_gradient((n, n), lighter(bg, 0.08) if lay == "card" else bg, bg2, spec.get("angle", 60))
    if lay in ("white", "round"):
        return Image.new("RGB", (n, n), rgb(spec.get("paper", "#FFFFFF")))
    if lay == "split":
        img = Image.new("RGB", (n, n), bg)
        d = ImageDraw.Draw(img)
        d.polygon([(n, int(n * 0.35)), (n, n), (int(n * 0.35), n)], fill=bg2)
        return img
    if lay == "radial":
        return radial_gradient((n, n), lighter(bg, 0.2), bg)
    return Image.new("RGB", (n, n), bg)


def compose(spec: dict, n: int = 512) -> tuple[Image.Image, dict]:
    """Render an icon spec. Returns the RGB icon and its parts (for edits that rebuild a layout)."""
    fg, ac = emblem_colours(spec)
    em = emblem(spec["kind"], spec.get("params", {}), fg, ac)
    img = background(spec, n)
    lay = spec["layout"]
    scale = spec.get("scale", 0.64)
    cx, cy = n / 2, n / 2
    if lay == "round":
        d = ImageDraw.Draw(img)
        d2 = Image.new("L", (n * 2, n * 2), 0)
        ImageDraw.Draw(d2).ellipse((n * 0.04 * 2, n * 0.04 * 2, n * 0.96 * 2, n * 0.96 * 2), fill=255)
        img.paste(Image.new("RGB", (n, n), rgb(spec["bg"])), (0, 0), d2.resize((n, n), Image.LANCZOS))
        del d
        scale = min(scale, 0.58)
    elif lay == "ring":
        d2 = Image.new("L", (n * 2, n * 2), 0)
        ImageDraw.Draw(d2).ellipse((n * 0.08 * 2, n * 0.08 * 2, n * 0.92 * 2, n * 0.92 * 2), outline=255,
                                   width=int(n * 0.035 * 2))
        img.paste(Image.new("RGB", (n, n), WHITE), (0, 0), d2.resize((n, n), Image.LANCZOS))
        scale = min(scale, 0.56)
    elif lay == "word":
        cy = n * 0.40
        scale = min(scale, 0.50)
        word = spec.get("word", "手机银行")
        tl = text_layer(word, rgb(spec.get("word_colour", "#FFFFFF")), n * 0.78, n * 0.13)
        paste_center(img, tl, n / 2, n * 0.80)
    elif lay == "card":
        card = Image.new("RGBA", (int(n * 0.80), int(n * 0.52)), (255, 255, 255, 255))
        cm = Image.new("L", card.size, 0)
        ImageDraw.Draw(cm).rounded_rectangle((0, 0, card.width - 1, card.height - 1), radius=n * 0.05, fill=255)
        card.putalpha(cm)
        chip = Image.new("RGBA", (int(n * 0.12), int(n * 0.09)), (222, 184, 92, 255))
        card.alpha_composite(chip, (int(card.width * 0.70), int(card.height * 0.40)))
        e = em.resize((int(card.height * 0.62), int(card.height * 0.62)), Image.LANCZOS)
        card.alpha_composite(e, (int(card.width * 0.08), int(card.height * 0.12)))
        card = card.rotate(spec.get("card_rot", 8), resample=Image.BICUBIC, expand=True)
        paste_center(img, card, n / 2, n / 2)
        parts = {"emblem": em, "emblem_box": (n * 0.30, n * 0.42, card.height * 0.5), "bg": background(spec, n),
                 "bg_colour": rgb(spec["bg"]), "fg": fg, "ac": ac}
        return img, parts
    side = int(round(n * scale))
    e = em.resize((side, side), Image.LANCZOS)
    paste_center(img, e, cx, cy)
    parts = {"emblem": em, "emblem_box": (cx, cy, side), "bg": background(spec, n), "bg_colour": rgb(spec["bg"]),
             "fg": fg, "ac": ac}
    return img, parts


# ---------------------------------------------------------------- random designs for negatives
PALETTE = ["#E53935", "#D81B60", "#8E24AA", "#5E35B1", "#3949AB", "#1E88E5", "#039BE5", "#00ACC1", "#00897B",
           "#43A047", "#7CB342", "#C0CA33", "#FDD835", "#FFB300", "#FB8C00", "#F4511E", "#6D4C41", "#546E7A",
           "#C62828", "#AD1457", "#1565C0", "#2E7D32", "#EF6C00", "#283593", "#00695C", "#B71C1C", "#0D47A1"]


def random_params(kind: str, rng) -> dict:
    r = rng
    table = {
        "coin": lambda: {"hole": r.choice([0.12, 0.16, 0.2]), "hole_rot": r.choice([0, 45]),
                         "glyphs": r.choice(["", "", "吉祥", "富贵"]), "hole_shape": r.choice(["square", "round"])},
        "shield": lambda: {"letters": r.choice(["A", "K", "M", "安", "盾", "V", "JX"]), "chevron": r.random() < .5},
        "ring_wave": lambda: {"waves": r.choice([2, 3, 4]), "amp": r.choice([0.03, 0.05, 0.07]),
                              "phase": r.random() * 3},
        "seal": lambda: {"shape": r.choice(["circle", "square", "diamond"]),
                         "glyph": r.choice(["钱", "惠", "享", "易", "宝", "安", "汇", "财", "记", "缴", "付", "贷"])},
        "peaks": lambda: {"n": r.choice([2, 3, 4]), "sun_x": r.choice([0.3, 0.68])},
        "sun": lambda: {"rays": r.choice([8, 12, 16]), "core_accent": r.random() < .5},
        "sprout": lambda: {"spread": r.choice([30, 40, 50]), "ring": r.random() < .5, "third": r.random() < .4},
        "rings": lambda: {"n": r.choice([2, 3]), "row": r.random() < .5},
        "hex": lambda: {"stripes": r.choice([2, 3]), "angle": r.choice([0, 30, -30, 90]), "dot": r.random() < .5},
        "wings": lambda: {"feathers": r.choice([2, 3, 4]), "fan": r.choice([16, 22, 28])},
        "star": lambda: {"points": r.choice([5, 6, 8]), "outer_ring": r.random() < .5},
        "gate": lambda: {"tiers": r.choice([1, 2]), "pillars": r.choice([2, 4])},
        "knot": lambda: {"grid": r.choice([1, 2, 3])},
        "ingot": lambda: {"band": r.random() < .5, "wing": r.choice([0.06, 0.10])},
        "spiral": lambda: {"turns": r.choice([1.5, 2.0, 2.75]), "rot": r.choice([0, 90, 180])},
        "pinwheel": lambda: {"blades": r.choice([3, 4, 6]), "rot": r.choice([0, 15, 30]), "hub": r.random() < .5},
        "monogram": lambda: {"letters": r.choice(["PX", "QB", "YF", "HL", "ZX", "WJ", "EP"]),
                             "frame": r.choice(["ring", "square"])},
        "lotus": lambda: {"petals": r.choice([3, 5, 7])},
        "bridge": lambda: {"rise": r.choice([0.26, 0.34]), "hangers": r.choice([3, 5])},
        "flame": lambda: {"inner_cut": r.random() < .5},
        "globe": lambda: {"orbit": r.random() < .6},
        "ding": lambda: {"legs": r.choice([2, 3])},
        "cloud": lambda: {"tail": r.random() < .5},
        "diamonds": lambda: {"n": r.choice([2, 3])},
        "glyph": lambda: {"glyph": r.choice(["钱", "账", "缴", "付", "贷", "惠", "省", "算", "汇", "e"]),
                          "accent": r.choice(["dot", "bar"])},
        "chart": lambda: {"bars": r.choice([3, 4, 5])},
        "swoosh": lambda: {"letter": r.choice(["P", "Q", "W", "Y", "X", "e"])},
    }
    if kind in NEG_KINDS:
        flag = {"wallet": "flap", "piggy": "coin", "heart": "pulse"}.get(kind)
        return {flag: r.random() < 0.6} if flag else {}
    return table[kind]()


def random_spec(rng, kind: str | None = None, layout: str | None = None, bg: str | None = None) -> dict:
    kind = kind or rng.choice(sorted(KINDS))
    layout = layout or rng.choice(["solid", "gradient", "white", "round", "word", "split", "solid", "gradient"])
    col = bg or rng.choice(PALETTE)
    spec = {"kind": kind, "params": random_params(kind, rng), "layout": layout, "bg": col,
            "scale": rng.choice([0.56, 0.62, 0.68])}
    if layout == "gradient":
        spec["bg2"] = rng.choice(PALETTE)
        spec["angle"] = rng.choice([45, 90, 135])
    if layout == "word":
        spec["word"] = rng.choice(["生活", "钱包", "记账", "缴费", "理财", "Pay", "助手", "优惠"])
    if layout in ("white",):
        spec["ac"] = rng.choice(PALETTE)
    return spec
