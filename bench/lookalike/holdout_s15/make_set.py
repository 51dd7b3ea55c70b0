#!/usr/bin/env python3
"""holdout_s15 -- an independent, labelled evaluation set for the look-alike (counterfeit app) detector.

Written from the two input schemas (listing.schema.json, protected.schema.json) and the
"## Inputs" section of docs/engines/lookalike.md only; nothing of the detector, its tests or
the other bench sets was read.  Run from the repository root:

    .venv/bin/python bench/lookalike/holdout_s15/make_set.py

It deletes and rewrites bench/lookalike/holdout_s15/out/ (protected.jsonl, listings.jsonl,
labels.jsonl, icons/official/*.png, icons/listings/*.png) and the two contact sheets next to
this file.  Deterministic (seed 1515): same Python/Pillow/zlib/fonts -> byte-identical output.
"""
from __future__ import annotations

import colorsys
import functools
import hashlib
import io
import json
import math
import random
import shutil
import sys
import time
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageChops, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

SEED = 1515
HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
ICONS = OUT / "icons"
RS = Image.Resampling

# ----------------------------------------------------------------------------- fonts


def _first(paths):
    for p in paths:
        if Path(p).exists():
            return p
    return None


CJK_FONT = _first([
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
])
SANS_B = _first(["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"])
SERIF_B = _first(["/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"]) or SANS_B
SANS = _first(["/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"]) or SANS_B
if CJK_FONT is None or SANS_B is None:
    sys.exit("make_set.py needs a CJK font (fonts-wqy-microhei) and DejaVu fonts (fonts-dejavu-core)")


@functools.lru_cache(maxsize=512)
def font(path, size):
    return ImageFont.truetype(path, int(size))


def has_cjk(s):
    return any(ord(c) > 0x2E80 for c in s)


def text_piece(text, box_w, box_h, fontpath=None, stroke=0.0, shear=0.0):
    """An L image of `text` scaled to fit box_w x box_h (aspect kept)."""
    fp = fontpath or (CJK_FONT if has_cjk(text) else SANS_B)
    size = max(10, int(box_h))
    for _ in range(3):
        f = font(fp, size)
        sw = int(round(stroke * size))
        l, t, r, b = f.getbbox(text, stroke_width=sw)
        w, h = max(1, r - l), max(1, b - t)
        s = min(box_w / (w + abs(shear) * h), box_h / h)
        if 0.92 < s < 1.08 or size >= 900:
            break
        size = int(min(900, max(10, size * s)))
    pad = 4 + sw
    img = Image.new("L", (w + 2 * pad, h + 2 * pad), 0)
    ImageDraw.Draw(img).text((pad - l, pad - t), text, font=f, fill=255, stroke_width=sw, stroke_fill=255)
    if shear:
        H = img.height
        ext = int(abs(shear) * H) + 2
        img = img.transform((img.width + ext, H), Image.Transform.AFFINE,
                            (1, shear, -shear * H if shear > 0 else 0, 0, 1, 0), resample=RS.BICUBIC)
    bb = img.getbbox()
    if bb:
        img = img.crop(bb)
    s = min(box_w / img.width, box_h / img.height)
    return img.resize((max(1, round(img.width * s)), max(1, round(img.height * s))), RS.LANCZOS)


def paste_piece(m, piece, cx, cy, fill=255):
    m.paste(fill, (int(round(cx - piece.width / 2)), int(round(cy - piece.height / 2))), piece)


def draw_text(img, text, x, y, w, h, colour, align="c", fontpath=None):
    p = text_piece(text, w, h, fontpath)
    if align == "l":
        px = x
    else:
        px = x + (w - p.width) / 2
    py = y + (h - p.height) / 2
    img.paste(tuple(colour)[:3] + (255,) if img.mode == "RGBA" else colour, (int(px), int(py)), p)


# ----------------------------------------------------------------------------- colours


def hexrgb(c):
    if isinstance(c, (tuple, list)):
        return tuple(int(v) for v in c[:3])
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def tohex(c):
    return "#%02X%02X%02X" % hexrgb(c)


def shade(c, dl=0.0, dh=0.0, ds=0.0):
    r, g, b = [x / 255 for x in hexrgb(c)]
    h, l, s = colorsys.rgb_to_hls(r, g, b)
    h = (h + dh / 360) % 1
    l = min(0.97, max(0.03, l + dl))
    s = min(1, max(0, s + ds))
    return tohex(tuple(int(round(v * 255)) for v in colorsys.hls_to_rgb(h, l, s)))


def hue_of(c):
    r, g, b = [x / 255 for x in hexrgb(c)]
    return colorsys.rgb_to_hsv(r, g, b)[0] * 360


FIN_COLOURS = ["#C7000B", "#D6000F", "#E60012", "#B81C22", "#C8152D", "#E60027", "#C40018", "#D7000F",
               "#009A61", "#007A3D", "#00843D", "#009944", "#006F53", "#0066B3", "#00479D", "#1D3F8C",
               "#003B83", "#004098", "#0054A6", "#0061AF", "#0B5CAD", "#0060A8", "#1F6AE1", "#2864F0",
               "#6A1B7E", "#F39800", "#F08300", "#FF6A00", "#F05A22", "#00857C", "#00A29A", "#1A1A1A"]
GEN_COLOURS = FIN_COLOURS + ["#FF4D79", "#FF2D55", "#AF52DE", "#5856D6", "#34C759", "#30B0C7", "#32ADE6",
                             "#FFCC00", "#FF9500", "#8E8E93", "#A2845E", "#00C7BE", "#7ED321", "#4A4A4A",
                             "#E91E63", "#9C27B0", "#3F51B5", "#009688", "#795548", "#607D8B", "#FF5722"]


def gradient(W, H, c1, c2, kind):
    a = np.array(hexrgb(c1), np.float32)
    b = np.array(hexrgb(c2), np.float32)
    if kind == "flat":
        return Image.new("RGB", (W, H), hexrgb(c1))
    y = np.linspace(0, 1, H, dtype=np.float32)[:, None]
    x = np.linspace(0, 1, W, dtype=np.float32)[None, :]
    if kind == "v":
        t = np.broadcast_to(y, (H, W))
    elif kind == "h":
        t = np.broadcast_to(x, (H, W))
    elif kind == "d":
        t = (x + y) / 2
    else:  # radial
        t = np.clip(np.sqrt((x - 0.3) ** 2 + (y - 0.25) ** 2) / 0.95, 0, 1)
    arr = a + (b - a) * t[..., None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


# ----------------------------------------------------------------------------- emblem drawing
# Every emblem is drawn as an L mask into the box [cx-h, cx+h] x [cy-h, cy+h].


def U(cx, cy, h, pts, rot=0.0, sx=1.0, sy=1.0):
    a = math.radians(rot)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + h * (x * sx * ca - y * sy * sa), cy + h * (x * sx * sa + y * sy * ca)) for x, y in pts]


def circ(d, x, y, r, fill=255):
    d.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def ring(d, x, y, r, w, fill=255):
    d.ellipse((x - r, y - r, x + r, y + r), outline=fill, width=max(1, int(round(w))))


def thick(d, pts, w, fill=255, caps=True):
    d.line(pts, fill=fill, width=max(1, int(round(w))), joint="curve")
    if caps:
        for x, y in (pts[0], pts[-1]):
            circ(d, x, y, w / 2, fill)


def arcpts(x0, y0, r, a0, a1, n=40):
    return [(x0 + r * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             y0 + r * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


def star_pts(n, inner, rot=-90.0):
    pts = []
    for i in range(2 * n):
        r = 1.0 if i % 2 == 0 else inner
        a = math.radians(rot + 180.0 * i / n)
        pts.append((r * math.cos(a), r * math.sin(a)))
    return pts


def ellipse_pts(ex, ey, ax, ay, rot, n=36):
    a = math.radians(rot)
    out = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = ax * math.cos(t), ay * math.sin(t)
        out.append((ex + x * math.cos(a) - y * math.sin(a), ey + x * math.sin(a) + y * math.cos(a)))
    return out


def em_char(d, m, cx, cy, h, p):
    frame = p.get("frame", "none")
    inner, ty = h, cy
    if frame == "square":
        d.rounded_rectangle((cx - h, cy - h, cx + h, cy + h), radius=0.2 * h, outline=255, width=max(1, int(0.11 * h)))
        inner = 0.68 * h
    elif frame == "circle":
        ring(d, cx, cy, h, 0.11 * h)
        inner = 0.62 * h
    elif frame == "underline":
        d.rectangle((cx - 0.82 * h, cy + 0.76 * h, cx + 0.82 * h, cy + 0.92 * h), fill=255)
        inner, ty = 0.8 * h, cy - 0.12 * h
    n = len(p["text"])
    piece = text_piece(p["text"], 2 * inner, 2 * inner / (1 if n == 1 else 1.25 if n == 2 else 1.6),
                       stroke=p.get("stroke", 0.0), shear=p.get("shear", 0.0))
    paste_piece(m, piece, cx, ty)


def em_initials(d, m, cx, cy, h, p):
    fp = SERIF_B if p.get("font") == "serif" else SANS_B
    n = len(p["text"])
    bh = 2 * h * (1.0 if n == 1 else 0.8 if n == 2 else 0.62 if n == 3 else 0.5)
    ty = cy
    if p.get("frame") == "underline":
        d.rectangle((cx - 0.9 * h, cy + 0.62 * h, cx + 0.9 * h, cy + 0.76 * h), fill=255)
        ty = cy - 0.15 * h
    paste_piece(m, text_piece(p["text"], 2 * h, bh, fp, shear=p.get("shear", 0.0)), cx, ty)


def em_coin(d, m, cx, cy, h, p):
    circ(d, cx, cy, h)
    if p.get("rim"):
        circ(d, cx, cy, 0.86 * h, 0)
        circ(d, cx, cy, 0.75 * h)
    s = p.get("hole", 0.35)
    d.polygon(U(cx, cy, h, [(-s, -s), (s, -s), (s, s), (-s, s)], p.get("rot", 0)), fill=0)


def em_coin_zhong(d, m, cx, cy, h, p):
    ring(d, cx, cy, 0.95 * h, 0.16 * h)
    d.rectangle((cx - 0.5 * h, cy - 0.28 * h, cx + 0.5 * h, cy + 0.28 * h), outline=255, width=max(1, int(0.13 * h)))
    d.rectangle((cx - 0.08 * h, cy - 0.82 * h, cx + 0.08 * h, cy + 0.82 * h), fill=255)


def _shield_outline(scale=1.0):
    pts = [(-0.78, -0.92), (0.78, -0.92), (0.78, 0.05)]
    for i in range(1, 16):
        t = i / 16
        # quadratic from (0.78,0.05) via (0.7,0.75) to (0,1)
        x = (1 - t) ** 2 * 0.78 + 2 * (1 - t) * t * 0.7 + t * t * 0.0
        y = (1 - t) ** 2 * 0.05 + 2 * (1 - t) * t * 0.75 + t * t * 1.0
        pts.append((x, y))
    pts += [(-x, y) for x, y in reversed(pts[3:-1])]
    pts.append((-0.78, 0.05))
    return [(x * scale, y * scale) for x, y in pts]


def em_shield(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy, h, _shield_outline()), fill=255)
    inner = p.get("inner", "check")
    if inner == "check":
        thick(d, U(cx, cy, h, [(-0.4, 0.0), (-0.1, 0.3), (0.42, -0.3)]), 0.17 * h, 0)
    elif inner == "star":
        d.polygon(U(cx, cy, h, [(x * 0.42, y * 0.42 - 0.05) for x, y in star_pts(5, 0.45)]), fill=0)
    elif inner == "bars":
        for yy in (-0.35, 0.05):
            d.rectangle((cx - 0.45 * h, cy + (yy - 0.08) * h, cx + 0.45 * h, cy + (yy + 0.08) * h), fill=0)
    else:
        d.polygon(U(cx, cy + 0.03 * h, h, _shield_outline(0.72)), fill=0)


def em_rings(d, m, cx, cy, h, p):
    n, w = p.get("n", 2), 0.13 * h
    if n == 2:
        cs, r = [(-0.38, 0), (0.38, 0)], 0.58
    elif p.get("layout") == "tri":
        cs, r = [(0, -0.38), (-0.42, 0.3), (0.42, 0.3)], 0.5
    else:
        cs, r = [(-0.6, 0), (0, 0), (0.6, 0)], 0.4
    for x, y in cs:
        ring(d, cx + x * h, cy + y * h, r * h, w)


def em_waves(d, m, cx, cy, h, p):
    n, amp, fr = p.get("n", 3), p.get("amp", 0.18), p.get("freq", 1.5)
    for i in range(n):
        y0 = -0.6 + 1.2 * i / max(1, n - 1) if n > 1 else 0
        pts = [(x, y0 + amp * math.sin(math.pi * fr * x)) for x in np.linspace(-0.9, 0.9, 40)]
        thick(d, U(cx, cy, h, pts), p.get("w", 0.16) * h)


def em_chevrons(d, m, cx, cy, h, p):
    n = p.get("n", 2)
    gap = 0.5
    for i in range(n):
        y = (i - (n - 1) / 2) * gap
        thick(d, U(cx, cy, h, [(-0.8, y + 0.35), (0, y - 0.4), (0.8, y + 0.35)], p.get("rot", 0)), 0.2 * h)


def em_petals(d, m, cx, cy, h, p):
    n, L, W = p.get("n", 5), p.get("len", 0.95), p.get("wid", 0.42)
    for k in range(n):
        ang = 360.0 * k / n - 90
        a = math.radians(ang)
        ex, ey = (L / 2 + 0.04) * math.cos(a), (L / 2 + 0.04) * math.sin(a)
        d.polygon(U(cx, cy, h, ellipse_pts(ex, ey, L / 2, W / 2, ang)), fill=255)
    if p.get("hole", True):
        circ(d, cx, cy, 0.14 * h, 0)


def em_diamond(d, m, cx, cy, h, p):
    n = p.get("n", 2)
    for i in range(n):
        s = 1 - i * 0.34
        d.polygon(U(cx, cy, h, [(0, -s), (s, 0), (0, s), (-s, 0)]), outline=255, width=max(1, int(0.12 * h)))
    s = 1 - n * 0.34
    if s > 0.05:
        d.polygon(U(cx, cy, h, [(0, -s), (s, 0), (0, s), (-s, 0)]), fill=255)


def em_mountain(d, m, cx, cy, h, p):
    n = p.get("n", 2)
    if n == 2:
        pts = [(-1, 0.75), (-0.35, -0.35), (0.02, 0.18), (0.45, -0.75), (1, 0.75)]
    else:
        pts = [(-1, 0.75), (-0.6, 0.0), (-0.3, 0.3), (0.05, -0.75), (0.38, 0.05), (0.62, -0.25), (1, 0.75)]
    d.polygon(U(cx, cy, h, pts), fill=255)
    if p.get("sun", True):
        circ(d, cx - 0.55 * h, cy - 0.62 * h, 0.2 * h)


def em_sun(d, m, cx, cy, h, p):
    rays, core = p.get("rays", 12), p.get("core", 0.42)
    circ(d, cx, cy, core * h)
    half = 180.0 / rays * 0.42
    for k in range(rays):
        a = 360.0 * k / rays
        r0 = core + 0.1
        pts = [(r0 * math.cos(math.radians(a - half)), r0 * math.sin(math.radians(a - half))),
               (math.cos(math.radians(a)), math.sin(math.radians(a))),
               (r0 * math.cos(math.radians(a + half)), r0 * math.sin(math.radians(a + half)))]
        d.polygon(U(cx, cy, h, pts), fill=255)


def em_star(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy + 0.06 * h, h, star_pts(p.get("points", 5), p.get("inner", 0.45))), fill=255)


def em_bars(d, m, cx, cy, h, p):
    n = p.get("n", 4)
    bw = 1.6 / (n * 1.45)
    for i in range(n):
        x0 = -0.85 + i * bw * 1.45
        top = 0.85 - (0.5 + 1.2 * (i + 1) / n)
        d.rounded_rectangle((cx + x0 * h, cy + top * h, cx + (x0 + bw) * h, cy + 0.85 * h), radius=0.1 * h, fill=255)


def em_knot(d, m, cx, cy, h, p):
    s = 0.6
    d.polygon(U(cx, cy, h, [(0, -s), (s, 0), (0, s), (-s, 0)]), outline=255, width=max(1, int(0.14 * h)))
    for x, y in [(0, -s), (s, 0), (0, s), (-s, 0)]:
        ring(d, cx + x * h, cy + y * h, 0.3 * h, 0.12 * h)


def em_swirl(d, m, cx, cy, h, p):
    turns = p.get("turns", 2.2)
    pts = []
    for i in range(200):
        t = i / 199
        r = 0.1 + 0.82 * t
        a = 2 * math.pi * turns * t
        pts.append((r * math.cos(a), r * math.sin(a)))
    thick(d, U(cx, cy, h, pts), 0.15 * h)


def em_hexagon(d, m, cx, cy, h, p):
    hexp = [(math.cos(math.radians(60 * k - 90)), math.sin(math.radians(60 * k - 90))) for k in range(6)]
    d.polygon(U(cx, cy, h * 0.96, hexp), outline=255, width=max(1, int(0.13 * h)))
    d.polygon(U(cx, cy, h * 0.42, hexp, 30), fill=255)


def em_arcs(d, m, cx, cy, h, p):
    thick(d, U(cx, cy, h, arcpts(-0.12, 0, 0.78, 105, 255)), 0.2 * h)
    thick(d, U(cx, cy, h, arcpts(0.12, 0, 0.78, -75, 75)), 0.2 * h)
    circ(d, cx, cy, 0.2 * h)


def em_leaf(d, m, cx, cy, h, p):
    pts = arcpts(0.55, 0.55, 1.25, 180, 270, 30)[:] + arcpts(-0.55, -0.55, 1.25, 0, 90, 30)[1:]
    d.polygon(U(cx, cy, h * 0.95, pts), fill=255)
    thick(d, U(cx, cy, h, [(-0.55, 0.55), (0.45, -0.45)]), 0.09 * h, 0)
    thick(d, U(cx, cy, h, [(-0.62, 0.62), (-0.9, 0.9)]), 0.12 * h)


def em_wheat(d, m, cx, cy, h, p):
    n = p.get("n", 5)
    thick(d, U(cx, cy, h, [(0, 0.98), (0, -0.5)]), 0.1 * h)
    for i in range(n):
        y = 0.45 - i * 1.05 / n
        for sgn in (-1, 1):
            d.polygon(U(cx, cy, h, ellipse_pts(sgn * 0.24, y, 0.24, 0.1, -sgn * 55)), fill=255)
    d.polygon(U(cx, cy, h, ellipse_pts(0, -0.78, 0.2, 0.09, 90)), fill=255)


def em_arrow(d, m, cx, cy, h, p):
    thick(d, U(cx, cy, h, [(-0.9, 0.65), (-0.35, 0.08), (0.05, 0.38), (0.6, -0.3)]), 0.17 * h)
    d.polygon(U(cx, cy, h, [(0.95, -0.68), (0.28, -0.5), (0.78, 0.02)]), fill=255)


def em_triangle(d, m, cx, cy, h, p):
    n = p.get("n", 2)
    for i in range(n):
        s = 1 - i * 0.36
        tri = [(0, -s), (s * 0.95, s * 0.72), (-s * 0.95, s * 0.72)]
        d.polygon(U(cx, cy + 0.1 * h, h, tri), outline=255, width=max(1, int(0.12 * h)))
    s = 1 - n * 0.36
    if s > 0.08:
        d.polygon(U(cx, cy + 0.1 * h, h, [(0, -s), (s * 0.95, s * 0.72), (-s * 0.95, s * 0.72)]), fill=255)


def em_cloud(d, m, cx, cy, h, p):
    for x, y, r in [(-0.5, 0.15, 0.4), (0.0, -0.18, 0.55), (0.5, 0.15, 0.4)]:
        circ(d, cx + x * h, cy + y * h, r * h)
    d.rectangle((cx - 0.5 * h, cy + 0.15 * h, cx + 0.5 * h, cy + 0.55 * h), fill=255)
    if p.get("flash"):
        d.polygon(U(cx, cy + 0.1 * h, h, [(0.08, -0.45), (-0.22, 0.08), (0.0, 0.08), (-0.1, 0.45), (0.24, -0.1), (0.02, -0.1)]), fill=0)


def em_compass(d, m, cx, cy, h, p):
    ring(d, cx, cy, 0.95 * h, 0.1 * h)
    d.polygon(U(cx, cy, h * 0.78, star_pts(4, 0.24)), fill=255)
    circ(d, cx, cy, 0.08 * h, 0)


def em_infinity(d, m, cx, cy, h, p):
    pts = []
    for i in range(121):
        t = 2 * math.pi * i / 120
        den = 1 + math.sin(t) ** 2
        pts.append((0.95 * math.cos(t) / den, 0.95 * math.sin(t) * math.cos(t) / den * 1.3))
    thick(d, U(cx, cy, h, pts), 0.16 * h)


def em_dots(d, m, cx, cy, h, p):
    n = p.get("n", 3)
    step = 1.7 / n
    for i in range(n):
        for j in range(n):
            x, y = -0.85 + step * (i + 0.5), -0.85 + step * (j + 0.5)
            circ(d, cx + x * h, cy + y * h, step * 0.36 * h)


def em_plus(d, m, cx, cy, h, p):
    w = p.get("w", 0.34)
    d.rounded_rectangle((cx - w * h, cy - 0.9 * h, cx + w * h, cy + 0.9 * h), radius=0.12 * h, fill=255)
    d.rounded_rectangle((cx - 0.9 * h, cy - w * h, cx + 0.9 * h, cy + w * h), radius=0.12 * h, fill=255)


def em_arch(d, m, cx, cy, h, p):
    d.rectangle((cx - 0.95 * h, cy + 0.7 * h, cx + 0.95 * h, cy + 0.88 * h), fill=255)
    thick(d, U(cx, cy, h, arcpts(0, 0.25, 0.8, 180, 360)), 0.16 * h, caps=False)
    for x in (-0.8, 0.8, -0.3, 0.3):
        d.rectangle((cx + (x - 0.07) * h, cy + 0.2 * h, cx + (x + 0.07) * h, cy + 0.72 * h), fill=255)


def em_bowtie(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy, h, [(-0.95, -0.7), (0, 0), (-0.95, 0.7)]), fill=255)
    d.polygon(U(cx, cy, h, [(0.95, -0.7), (0, 0), (0.95, 0.7)]), fill=255)
    circ(d, cx, cy, 0.18 * h)


def em_cube(d, m, cx, cy, h, p):
    top = [(0, -0.95), (0.85, -0.48), (0, 0), (-0.85, -0.48)]
    d.polygon(U(cx, cy, h, top), fill=255)
    d.polygon(U(cx, cy, h, [(-0.85, -0.36), (-0.06, 0.1), (-0.06, 0.98), (-0.85, 0.5)]), outline=255, width=max(1, int(0.1 * h)))
    d.polygon(U(cx, cy, h, [(0.85, -0.36), (0.06, 0.1), (0.06, 0.98), (0.85, 0.5)]), fill=255)


def em_pinwheel(d, m, cx, cy, h, p):
    n = p.get("n", 4)
    for k in range(n):
        d.polygon(U(cx, cy, h, [(0, 0), (0.0, -0.95), (0.6, -0.45)], 360.0 * k / n), fill=255)


def em_sbend(d, m, cx, cy, h, p):
    pts = arcpts(0, -0.45, 0.45, 0, -270, 30) + arcpts(0, 0.45, 0.45, -90, 180, 30)
    thick(d, U(cx, cy, h, pts), 0.2 * h)


# ---- pictograms of ordinary apps
def pg_note(d, m, cx, cy, h, p):
    for x in (-0.45, 0.55):
        d.polygon(U(cx, cy, h, ellipse_pts(x, 0.62, 0.27, 0.19, -20)), fill=255)
    d.rectangle((cx - 0.26 * h, cy - 0.75 * h, cx - 0.16 * h, cy + 0.6 * h), fill=255)
    d.rectangle((cx + 0.74 * h, cy - 0.95 * h, cx + 0.84 * h, cy + 0.5 * h), fill=255)
    d.polygon(U(cx, cy, h, [(-0.26, -0.75), (0.84, -0.95), (0.84, -0.7), (-0.26, -0.5)]), fill=255)


def pg_camera(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.95 * h, cy - 0.55 * h, cx + 0.95 * h, cy + 0.75 * h), radius=0.2 * h, fill=255)
    d.rectangle((cx - 0.35 * h, cy - 0.8 * h, cx + 0.35 * h, cy - 0.5 * h), fill=255)
    circ(d, cx, cy + 0.1 * h, 0.45 * h, 0)
    circ(d, cx, cy + 0.1 * h, 0.28 * h)


def pg_pin(d, m, cx, cy, h, p):
    circ(d, cx, cy - 0.3 * h, 0.62 * h)
    d.polygon(U(cx, cy, h, [(-0.55, -0.05), (0.55, -0.05), (0, 0.98)]), fill=255)
    circ(d, cx, cy - 0.3 * h, 0.25 * h, 0)


def pg_bubble(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.95 * h, cy - 0.75 * h, cx + 0.95 * h, cy + 0.5 * h), radius=0.35 * h, fill=255)
    d.polygon(U(cx, cy, h, [(-0.5, 0.4), (-0.1, 0.4), (-0.65, 0.95)]), fill=255)
    for x in (-0.45, 0, 0.45):
        circ(d, cx + x * h, cy - 0.12 * h, 0.11 * h, 0)


def pg_play(d, m, cx, cy, h, p):
    ring(d, cx, cy, 0.95 * h, 0.12 * h)
    d.polygon(U(cx, cy, h, [(-0.28, -0.48), (0.52, 0), (-0.28, 0.48)]), fill=255)


def pg_cart(d, m, cx, cy, h, p):
    thick(d, U(cx, cy, h, [(-0.98, -0.72), (-0.68, -0.72), (-0.42, 0.38), (0.72, 0.38), (0.9, -0.42), (-0.55, -0.42)]), 0.13 * h)
    circ(d, cx - 0.3 * h, cy + 0.72 * h, 0.15 * h)
    circ(d, cx + 0.55 * h, cy + 0.72 * h, 0.15 * h)


def pg_heart(d, m, cx, cy, h, p):
    circ(d, cx - 0.45 * h, cy - 0.3 * h, 0.5 * h)
    circ(d, cx + 0.45 * h, cy - 0.3 * h, 0.5 * h)
    d.polygon(U(cx, cy, h, [(-0.93, -0.15), (0.93, -0.15), (0, 0.9)]), fill=255)


def pg_bolt(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy, h, [(0.2, -1), (-0.6, 0.12), (-0.05, 0.12), (-0.25, 1), (0.6, -0.15), (0.05, -0.15)]), fill=255)


def pg_book(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy, h, [(-0.95, -0.7), (-0.05, -0.55), (-0.05, 0.85), (-0.95, 0.7)]), fill=255)
    d.polygon(U(cx, cy, h, [(0.95, -0.7), (0.05, -0.55), (0.05, 0.85), (0.95, 0.7)]), fill=255)


def pg_gamepad(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.98 * h, cy - 0.5 * h, cx + 0.98 * h, cy + 0.55 * h), radius=0.45 * h, fill=255)
    d.rectangle((cx - 0.65 * h, cy - 0.06 * h, cx - 0.25 * h, cy + 0.08 * h), fill=0)
    d.rectangle((cx - 0.52 * h, cy - 0.2 * h, cx - 0.38 * h, cy + 0.22 * h), fill=0)
    circ(d, cx + 0.45 * h, cy - 0.1 * h, 0.1 * h, 0)
    circ(d, cx + 0.65 * h, cy + 0.1 * h, 0.1 * h, 0)


def pg_clock(d, m, cx, cy, h, p):
    ring(d, cx, cy, 0.95 * h, 0.13 * h)
    thick(d, U(cx, cy, h, [(0, -0.6), (0, 0), (0.45, 0.25)]), 0.12 * h)


def pg_mail(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.95 * h, cy - 0.62 * h, cx + 0.95 * h, cy + 0.62 * h), radius=0.12 * h, fill=255)
    thick(d, U(cx, cy, h, [(-0.8, -0.45), (0, 0.12), (0.8, -0.45)]), 0.12 * h, 0)


def pg_globe(d, m, cx, cy, h, p):
    ring(d, cx, cy, 0.95 * h, 0.11 * h)
    d.ellipse((cx - 0.4 * h, cy - 0.95 * h, cx + 0.4 * h, cy + 0.95 * h), outline=255, width=max(1, int(0.1 * h)))
    for y in (-0.35, 0.35):
        d.rectangle((cx - 0.85 * h, cy + (y - 0.05) * h, cx + 0.85 * h, cy + (y + 0.05) * h), fill=255)
    d.rectangle((cx - 0.05 * h, cy - 0.95 * h, cx + 0.05 * h, cy + 0.95 * h), fill=255)


def pg_moon(d, m, cx, cy, h, p):
    circ(d, cx, cy, 0.9 * h)
    circ(d, cx + 0.45 * h, cy - 0.3 * h, 0.72 * h, 0)


def pg_flame(d, m, cx, cy, h, p):
    pts = [(0, -1)] + [(0.62 * math.sin(t), 0.25 + 0.7 * math.cos(t) * 1.0) for t in np.linspace(0.9, math.pi * 2 - 0.9, 30)]
    pts = [(0, -1), (0.35, -0.45)] + [(0.62 * math.cos(a), 0.3 + 0.62 * math.sin(a)) for a in np.linspace(-0.6, math.pi + 0.6, 30)] + [(-0.35, -0.45)]
    d.polygon(U(cx, cy, h, pts), fill=255)
    circ(d, cx, cy + 0.45 * h, 0.25 * h, 0)


def pg_lock(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.75 * h, cy - 0.1 * h, cx + 0.75 * h, cy + 0.95 * h), radius=0.15 * h, fill=255)
    thick(d, U(cx, cy, h, arcpts(0, -0.3, 0.45, 180, 360)), 0.16 * h, caps=False)
    d.rectangle((cx - 0.53 * h, cy - 0.32 * h, cx - 0.37 * h, cy), fill=255)
    d.rectangle((cx + 0.37 * h, cy - 0.32 * h, cx + 0.53 * h, cy), fill=255)
    circ(d, cx, cy + 0.4 * h, 0.14 * h, 0)


def pg_bell(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy, h, [(-0.8, 0.55), (-0.55, 0.3)] + arcpts(0, -0.2, 0.55, 180, 360, 20) + [(0.55, 0.3), (0.8, 0.55)]), fill=255)
    circ(d, cx, cy + 0.72 * h, 0.17 * h)
    circ(d, cx, cy - 0.82 * h, 0.1 * h)


def pg_house(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy, h, [(0, -0.95), (0.98, -0.05), (0.7, -0.05), (0.7, 0.9), (-0.7, 0.9), (-0.7, -0.05), (-0.98, -0.05)]), fill=255)
    d.rectangle((cx - 0.2 * h, cy + 0.3 * h, cx + 0.2 * h, cy + 0.9 * h), fill=0)


def pg_cup(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.75 * h, cy - 0.3 * h, cx + 0.4 * h, cy + 0.85 * h), radius=0.18 * h, fill=255)
    ring(d, cx + 0.5 * h, cy + 0.2 * h, 0.28 * h, 0.11 * h)
    for x in (-0.45, -0.05):
        thick(d, U(cx, cy, h, [(x, -0.5), (x + 0.1, -0.7), (x, -0.92)]), 0.08 * h)


def pg_search(d, m, cx, cy, h, p):
    ring(d, cx - 0.15 * h, cy - 0.15 * h, 0.6 * h, 0.16 * h)
    thick(d, U(cx, cy, h, [(0.35, 0.35), (0.85, 0.85)]), 0.2 * h)


def pg_calendar(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.85 * h, cy - 0.7 * h, cx + 0.85 * h, cy + 0.9 * h), radius=0.15 * h, fill=255)
    for i in range(3):
        for j in range(2):
            x, y = -0.5 + 0.5 * i, 0.05 + 0.45 * j
            d.rectangle((cx + (x - 0.13) * h, cy + (y - 0.13) * h, cx + (x + 0.13) * h, cy + (y + 0.13) * h), fill=0)
    d.rectangle((cx - 0.85 * h, cy - 0.35 * h, cx + 0.85 * h, cy - 0.28 * h), fill=0)
    for x in (-0.45, 0.45):
        d.rectangle((cx + (x - 0.06) * h, cy - 0.95 * h, cx + (x + 0.06) * h, cy - 0.55 * h), fill=255)


def pg_film(d, m, cx, cy, h, p):
    d.rectangle((cx - 0.7 * h, cy - 0.95 * h, cx + 0.7 * h, cy + 0.95 * h), fill=255)
    for k in range(5):
        y = -0.75 + 0.375 * k
        for x in (-0.52, 0.52):
            d.rectangle((cx + (x - 0.08) * h, cy + (y - 0.08) * h, cx + (x + 0.08) * h, cy + (y + 0.08) * h), fill=0)
    d.rectangle((cx - 0.3 * h, cy - 0.6 * h, cx + 0.3 * h, cy - 0.05 * h), fill=0)
    d.rectangle((cx - 0.3 * h, cy + 0.05 * h, cx + 0.3 * h, cy + 0.6 * h), fill=0)


def pg_paw(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy, h, ellipse_pts(0, 0.4, 0.5, 0.42, 0)), fill=255)
    for x, y in [(-0.7, -0.15), (-0.28, -0.6), (0.28, -0.6), (0.7, -0.15)]:
        d.polygon(U(cx, cy, h, ellipse_pts(x, y, 0.2, 0.26, 0)), fill=255)


def pg_gift(d, m, cx, cy, h, p):
    d.rectangle((cx - 0.8 * h, cy - 0.3 * h, cx + 0.8 * h, cy + 0.9 * h), fill=255)
    d.rectangle((cx - 0.9 * h, cy - 0.5 * h, cx + 0.9 * h, cy - 0.15 * h), fill=255)
    d.rectangle((cx - 0.08 * h, cy - 0.5 * h, cx + 0.08 * h, cy + 0.9 * h), fill=0)
    d.rectangle((cx - 0.9 * h, cy - 0.15 * h, cx + 0.9 * h, cy - 0.06 * h), fill=0)
    ring(d, cx - 0.28 * h, cy - 0.72 * h, 0.22 * h, 0.1 * h)
    ring(d, cx + 0.28 * h, cy - 0.72 * h, 0.22 * h, 0.1 * h)


# ---- finance-tool pictograms
def ft_calculator(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.72 * h, cy - 0.98 * h, cx + 0.72 * h, cy + 0.98 * h), radius=0.15 * h, fill=255)
    d.rectangle((cx - 0.52 * h, cy - 0.78 * h, cx + 0.52 * h, cy - 0.4 * h), fill=0)
    for i in range(3):
        for j in range(3):
            x, y = -0.36 + 0.36 * i, -0.12 + 0.34 * j + 0.08
            d.rectangle((cx + (x - 0.11) * h, cy + (y - 0.1) * h, cx + (x + 0.11) * h, cy + (y + 0.1) * h), fill=0)


def ft_ledger(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.72 * h, cy - 0.95 * h, cx + 0.72 * h, cy + 0.95 * h), radius=0.1 * h, fill=255)
    d.rectangle((cx - 0.58 * h, cy - 0.95 * h, cx - 0.48 * h, cy + 0.95 * h), fill=0)
    paste_piece(m, text_piece("¥", 0.9 * h, 0.95 * h, SANS_B), cx + 0.1 * h, cy, 0)


def ft_exchange(d, m, cx, cy, h, p):
    thick(d, U(cx, cy, h, [(-0.8, -0.35), (0.5, -0.35)]), 0.16 * h)
    d.polygon(U(cx, cy, h, [(0.9, -0.35), (0.4, -0.72), (0.4, 0.02)]), fill=255)
    thick(d, U(cx, cy, h, [(0.8, 0.4), (-0.5, 0.4)]), 0.16 * h)
    d.polygon(U(cx, cy, h, [(-0.9, 0.4), (-0.4, 0.03), (-0.4, 0.77)]), fill=255)


def ft_yen(d, m, cx, cy, h, p):
    paste_piece(m, text_piece("¥", 1.6 * h, 1.9 * h, SANS_B), cx, cy)


def ft_dollar(d, m, cx, cy, h, p):
    paste_piece(m, text_piece("$", 1.6 * h, 1.9 * h, SANS_B), cx, cy)


def ft_pie(d, m, cx, cy, h, p):
    d.pieslice((cx - 0.85 * h, cy - 0.8 * h, cx + 0.85 * h, cy + 0.9 * h), 0, 270, fill=255)
    d.pieslice((cx - 0.75 * h, cy - 0.95 * h, cx + 0.95 * h, cy + 0.75 * h), 280, 350, fill=255)


def ft_linechart(d, m, cx, cy, h, p):
    thick(d, U(cx, cy, h, [(-0.9, -0.9), (-0.9, 0.9), (0.95, 0.9)]), 0.12 * h)
    pts = [(-0.6, 0.45), (-0.2, 0.05), (0.15, 0.3), (0.7, -0.55)]
    thick(d, U(cx, cy, h, pts), 0.12 * h)
    for x, y in pts:
        circ(d, cx + x * h, cy + y * h, 0.13 * h)


def ft_wallet(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.95 * h, cy - 0.6 * h, cx + 0.9 * h, cy + 0.8 * h), radius=0.2 * h, fill=255)
    d.polygon(U(cx, cy, h, [(-0.8, -0.6), (0.45, -0.95), (0.6, -0.6)]), fill=255)
    d.rounded_rectangle((cx + 0.35 * h, cy - 0.15 * h, cx + 0.98 * h, cy + 0.35 * h), radius=0.1 * h, fill=0)
    circ(d, cx + 0.6 * h, cy + 0.1 * h, 0.1 * h)


def ft_card(d, m, cx, cy, h, p):
    d.rounded_rectangle((cx - 0.98 * h, cy - 0.65 * h, cx + 0.98 * h, cy + 0.65 * h), radius=0.14 * h, fill=255)
    d.rectangle((cx - 0.98 * h, cy - 0.38 * h, cx + 0.98 * h, cy - 0.16 * h), fill=0)
    d.rectangle((cx - 0.75 * h, cy + 0.18 * h, cx - 0.2 * h, cy + 0.38 * h), fill=0)


def ft_coinstack(d, m, cx, cy, h, p):
    for k in range(4):
        y = 0.65 - 0.38 * k
        d.rounded_rectangle((cx - 0.75 * h, cy + (y - 0.16) * h, cx + 0.75 * h, cy + (y + 0.16) * h), radius=0.16 * h, fill=255)
        d.rectangle((cx - 0.7 * h, cy + (y + 0.16) * h, cx + 0.7 * h, cy + (y + 0.22) * h), fill=0)


def ft_piggy(d, m, cx, cy, h, p):
    d.polygon(U(cx, cy, h, ellipse_pts(0, 0.1, 0.85, 0.62, 0)), fill=255)
    d.polygon(U(cx, cy, h, [(-0.45, -0.4), (-0.2, -0.85), (-0.05, -0.45)]), fill=255)
    for x in (-0.45, 0.4):
        d.rectangle((cx + (x - 0.12) * h, cy + 0.5 * h, cx + (x + 0.12) * h, cy + 0.92 * h), fill=255)
    d.polygon(U(cx, cy, h, ellipse_pts(0.88, 0.05, 0.16, 0.22, 0)), fill=255)
    d.rectangle((cx - 0.25 * h, cy - 0.38 * h, cx + 0.2 * h, cy - 0.28 * h), fill=0)
    circ(d, cx + 0.42 * h, cy - 0.1 * h, 0.07 * h, 0)


def ft_coin_plain(d, m, cx, cy, h, p):
    ring(d, cx, cy, 0.95 * h, 0.12 * h)
    paste_piece(m, text_piece("¥", 1.0 * h, 1.15 * h, SANS_B), cx, cy)


EMB = {
    "char": em_char, "initials": em_initials, "coin": em_coin, "coin_zhong": em_coin_zhong, "shield": em_shield,
    "rings": em_rings, "waves": em_waves, "chevrons": em_chevrons, "petals": em_petals, "diamond": em_diamond,
    "mountain": em_mountain, "sun": em_sun, "star": em_star, "bars": em_bars, "knot": em_knot, "swirl": em_swirl,
    "hexagon": em_hexagon, "arcs": em_arcs, "leaf": em_leaf, "wheat": em_wheat, "arrow": em_arrow,
    "triangle": em_triangle, "cloud": em_cloud, "compass": em_compass, "infinity": em_infinity, "dots": em_dots,
    "plus": em_plus, "arch": em_arch, "bowtie": em_bowtie, "cube": em_cube, "pinwheel": em_pinwheel, "sbend": em_sbend,
    "note": pg_note, "camera": pg_camera, "pin": pg_pin, "bubble": pg_bubble, "play": pg_play, "cart": pg_cart,
    "heart": pg_heart, "bolt": pg_bolt, "book": pg_book, "gamepad": pg_gamepad, "clock": pg_clock, "mail": pg_mail,
    "globe": pg_globe, "moon": pg_moon, "flame": pg_flame, "lock": pg_lock, "bell": pg_bell, "house": pg_house,
    "cup": pg_cup, "search": pg_search, "calendar": pg_calendar, "film": pg_film, "paw": pg_paw, "gift": pg_gift,
    "calculator": ft_calculator, "ledger": ft_ledger, "exchange": ft_exchange, "yen": ft_yen, "dollar": ft_dollar,
    "pie": ft_pie, "linechart": ft_linechart, "wallet": ft_wallet, "card": ft_card, "coinstack": ft_coinstack,
    "piggy": ft_piggy, "coin_plain": ft_coin_plain,
}
PICTO = ["note", "camera", "pin", "bubble", "play", "cart", "heart", "bolt", "book", "gamepad", "clock", "mail",
         "globe", "moon", "flame", "lock", "bell", "house", "cup", "search", "calendar", "film", "paw", "gift"]
FINTOOL = ["calculator", "ledger", "exchange", "yen", "dollar", "pie", "linechart", "wallet", "card", "coinstack",
           "piggy", "coin_plain"]
TEXT_KINDS = {"char", "initials"}

# ----------------------------------------------------------------------------- icon templates
# disc : coloured field (flat/gradient) with a white disc, emblem in the field colour inside the disc
# wsq  : white field with a coloured rounded square, white emblem inside it
# white: white field, coloured emblem
# grad / flat / split: coloured field, white emblem
# ring : coloured field, thin white ring, white emblem inside it
# text : coloured field, white letters (bank initials)
TPL_H = {"disc": 0.22, "wsq": 0.19, "white": 0.31, "grad": 0.28, "flat": 0.28, "split": 0.27, "ring": 0.22, "text": 0.36}
TEMPLATES = list(TPL_H)


def render_icon(spec, size, radius=None, em_scale=1.0, em_off=(0.0, 0.0), tpl=None, c1=None, c2=None, ec=None):
    """-> (RGBA icon, L emblem mask)"""
    t = tpl or spec["tpl"]
    c1 = c1 or spec["c1"]
    c2 = c2 or spec.get("c2") or c1
    g = spec.get("grad", "v")
    r = spec.get("radius", 0.22) if radius is None else radius
    W = int(min(2 * size, 2048))
    alpha = Image.new("L", (W, W), 0)
    if r > 0:
        ImageDraw.Draw(alpha).rounded_rectangle((0, 0, W - 1, W - 1), radius=r * W, fill=255)
    else:
        alpha.paste(255, (0, 0, W, W))
    if t in ("white", "wsq"):
        base = Image.new("RGB", (W, W), hexrgb(spec.get("bg", "#FFFFFF")))
    elif t == "split":
        base = gradient(W, W, c1, c1, "flat")
    else:
        base = gradient(W, W, c1, c2, g)
    d = ImageDraw.Draw(base)
    if t == "disc":
        circ(d, W / 2, W / 2, spec.get("disc_r", 0.38) * W, hexrgb(spec.get("disc", "#FFFFFF")))
    elif t == "wsq":
        s = 0.33 * W
        sq = Image.new("L", (W, W), 0)
        ImageDraw.Draw(sq).rounded_rectangle((W / 2 - s, W / 2 - s, W / 2 + s, W / 2 + s), radius=0.3 * s, fill=255)
        base.paste(gradient(W, W, c1, c2, g), (0, 0), sq)
    elif t == "ring":
        ring(d, W / 2, W / 2, 0.39 * W, 0.035 * W, (255, 255, 255))
    elif t == "split":
        d.polygon([(0, W * 0.72), (W, W * 0.38), (W, W), (0, W)], fill=hexrgb(c2))
    default_ec = hexrgb(c1) if t in ("disc", "white") else (255, 255, 255)
    e = hexrgb(ec or spec.get("ec") or default_ec)
    em = Image.new("L", (W, W), 0)
    h = TPL_H[t] * W * em_scale
    cx, cy = W / 2 + em_off[0] * W, W / 2 + em_off[1] * W
    if t == "split":
        cy -= 0.04 * W
    EMB[spec["em"]["k"]](ImageDraw.Draw(em), em, cx, cy, h, spec["em"])
    base.paste(e, (0, 0), em)
    em = ImageChops.multiply(em, alpha)
    img = base.convert("RGBA")
    img.putalpha(alpha)
    if W != size:
        img = img.resize((size, size), RS.LANCZOS)
        em = em.resize((size, size), RS.BILINEAR)
    return img, em


def emblem_key(em):
    return json.dumps(em, sort_keys=True, ensure_ascii=False)


@functools.lru_cache(maxsize=4096)
def _shape_cached(key):
    em = json.loads(key)
    W = 192
    m = Image.new("L", (W, W), 0)
    EMB[em["k"]](ImageDraw.Draw(m), m, W / 2, W / 2, 80, em)
    a = np.asarray(m) > 127
    ys, xs = np.nonzero(a)
    a = a[ys.min():ys.max() + 1, xs.min():xs.max() + 1]
    hh, ww = a.shape
    s = max(hh, ww)
    sq = np.zeros((s, s), np.uint8)
    sq[(s - hh) // 2:(s - hh) // 2 + hh, (s - ww) // 2:(s - ww) // 2 + ww] = a * 255
    return cv2.resize(sq, (48, 48), interpolation=cv2.INTER_AREA) > 127


def emblem_shape(em):
    return _shape_cached(emblem_key(em))


def iou(a, b):
    u = np.logical_or(a, b).sum()
    return float(np.logical_and(a, b).sum() / u) if u else 0.0


def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def _edges(sh):
    m = sh.astype(np.uint8)
    e = m & (1 - cv2.erode(m, np.ones((3, 3), np.uint8)))
    return cv2.dilate(e, np.ones((3, 3), np.uint8)) > 0


def similarity(a, b):
    """shape similarity of two normalised emblem masks: mean of area IoU and outline IoU (1 = identical)"""
    return 0.5 * (iou(a, b) + iou(_edges(a), _edges(b)))


# ----------------------------------------------------------------------------- protected apps
# (app_id, institution code, names, brand keywords, package ids, developers, pinyin keyword, pinyin syllables,
#  icon spec, mini-program AppID?, extra cert?)
INST = {
    "ICBC": ("中国工商银行", "bank_state"), "ABC": ("中国农业银行", "bank_state"), "BOC": ("中国银行", "bank_state"),
    "CCB": ("中国建设银行", "bank_state"), "BOCOM": ("交通银行", "bank_state"), "PSBC": ("中国邮政储蓄银行", "bank_state"),
    "CMB": ("招商银行", "bank_joint_stock"), "SPDB": ("上海浦东发展银行", "bank_joint_stock"),
    "CITIC": ("中信银行", "bank_joint_stock"), "CEB": ("中国光大银行", "bank_joint_stock"),
    "HXB": ("华夏银行", "bank_joint_stock"), "CMBC": ("中国民生银行", "bank_joint_stock"),
    "CGB": ("广发银行", "bank_joint_stock"), "CIB": ("兴业银行", "bank_joint_stock"),
    "BOB": ("北京银行", "bank_city"), "BOSH": ("上海银行", "bank_city"), "JSB": ("江苏银行", "bank_city"),
    "NJCB": ("南京银行", "bank_city"), "NBCB": ("宁波银行", "bank_city"), "HZB": ("杭州银行", "bank_city"),
    "HSB": ("徽商银行", "bank_city"), "CSCB": ("长沙银行", "bank_city"),
    "CQRCB": ("重庆农村商业银行", "bank_rural"), "SRCB": ("上海农村商业银行", "bank_rural"),
    "BJRCB": ("北京农村商业银行", "bank_rural"),
    "CLIFE": ("中国人寿保险股份有限公司", "insurer"), "PINGAN": ("中国平安保险(集团)股份有限公司", "insurer"),
    "PICC": ("中国人民保险集团股份有限公司", "insurer"), "TAIKANG": ("泰康保险集团股份有限公司", "insurer"),
    "CITICS": ("中信证券股份有限公司", "securities"), "HTSC": ("华泰证券股份有限公司", "securities"),
    "GTJA": ("国泰君安证券股份有限公司", "securities"), "EFUNDS": ("易方达基金管理有限公司", "fund"),
    "THFUND": ("天弘基金管理有限公司", "fund"), "SOUTHERN": ("南方基金管理股份有限公司", "fund"),
    "MUCFC": ("招联消费金融股份有限公司", "consumer_finance"), "MSXF": ("马上消费金融股份有限公司", "consumer_finance"),
    "UNIONPAY": ("中国银联股份有限公司", "payment"), "LAKALA": ("拉卡拉支付股份有限公司", "payment"),
}


def E(k, **kw):
    kw["k"] = k
    return kw


def S(tpl, c1, c2=None, grad="v", em=None, **kw):
    d = {"tpl": tpl, "c1": c1, "c2": c2 or c1, "grad": grad if c2 else "flat", "em": em}
    d.update(kw)
    return d


APPS = [
    ("icbc_mbank", "ICBC", ["中国工商银行", "工行手机银行", "中国工商银行手机银行"], ["工商银行", "工行", "ICBC", "中国工商银行"],
     ["com.icbc", "com.icbc.iphoneclient", "com.icbc.harmony"],
     ["中国工商银行股份有限公司", "Industrial and Commercial Bank of China Limited"], "工商银行", "gong shang yin hang",
     S("disc", "#D6000F", "#B3000C", "v", E("char", text="工", frame="square", stroke=0.03)), True),
    ("icbc_elife", "ICBC", ["工银e生活"], ["工银e生活"], ["com.icbc.elife", "com.icbc.elife.ios"], ["中国工商银行股份有限公司"],
     "工银e生活", "gong yin e sheng huo", S("grad", "#E60012", "#FF7043", "d", E("initials", text="e", font="serif")), False),
    ("icbc_rongelian", "ICBC", ["工银融e联", "融e联"], ["融e联", "工银融e联"], ["com.icbc.im", "com.icbc.im.ios"],
     ["中国工商银行股份有限公司"], "融e联", "rong e lian", S("flat", "#C40F1A", em=E("arcs")), False),
    ("abc_mbank", "ABC", ["中国农业银行", "农行掌上银行", "农业银行"], ["农业银行", "农行", "中国农业银行"],
     ["com.android.bankabc", "com.abchina.ebank", "com.abchina.harmony"],
     ["中国农业银行股份有限公司", "Agricultural Bank of China"], "农业银行", "nong ye yin hang",
     S("disc", "#009A61", "#007A4D", "v", E("wheat", n=5)), True),
    ("abc_corp", "ABC", ["农行企业掌银", "中国农业银行企业掌银"], ["农行企业掌银"], ["com.abchina.corpbank", "com.abchina.corpbank.ios"],
     ["中国农业银行股份有限公司"], "农行企业掌银", "nong hang qi ye zhang yin", "share:abc_mbank", False),
    ("boc_mbank", "BOC", ["中国银行", "中国银行手机银行", "中银手机银行"], ["中国银行", "中行"],
     ["com.chinamworld.bocmbci", "com.boc.bocmbci.ios"], ["中国银行股份有限公司", "Bank of China Limited"], "中国银行",
     "zhong guo yin hang", S("white", "#B81C22", em=E("coin_zhong")), True),
    ("boc_bfsh", "BOC", ["缤纷生活", "中银缤纷生活"], ["缤纷生活"], ["com.forms", "com.boc.bfsh.ios"], ["中国银行股份有限公司"],
     "缤纷生活", "bin fen sheng huo", S("grad", "#D81E32", "#F05A7E", "d", E("shield", inner="star")), False),
    ("ccb_mbank", "CCB", ["中国建设银行", "建行手机银行", "建设银行"], ["建设银行", "建行", "CCB", "中国建设银行"],
     ["com.chinamworld.main", "com.ccb.ccbmobile.ios"], ["中国建设银行股份有限公司", "China Construction Bank"], "建设银行",
     "jian she yin hang", S("disc", "#0066B3", "#00509D", "v", E("coin", hole=0.36, rot=45)), True),
    ("ccb_life", "CCB", ["建行生活"], ["建行生活"], ["com.ccb.longjiLife", "com.ccb.life.ios"], ["中国建设银行股份有限公司"],
     "建行生活", "jian hang sheng huo", S("flat", "#F39800", em=E("char", text="建", stroke=0.04)), False),
    ("bocom_mbank", "BOCOM", ["交通银行", "交行手机银行"], ["交通银行", "交行", "BOCOM"],
     ["com.bankcomm.Bankcomm", "com.bankcomm.mbank.ios"], ["交通银行股份有限公司", "Bank of Communications Co., Ltd."],
     "交通银行", "jiao tong yin hang", S("wsq", "#1D3F8C", "#2A5CAA", "v", E("char", text="交", stroke=0.03)), False),
    ("bocom_mdb", "BOCOM", ["买单吧", "交行买单吧"], ["买单吧"], ["com.bankcomm.maidanba", "com.bankcomm.maidanba.ios"],
     ["交通银行股份有限公司太平洋信用卡中心"], "买单吧", "mai dan ba",
     S("grad", "#1E4FA0", "#3F8CFF", "v", E("char", text="买单")), True),
    ("psbc_mbank", "PSBC", ["邮储银行", "中国邮政储蓄银行", "邮储手机银行"], ["邮储银行", "邮政储蓄", "邮储", "PSBC"],
     ["com.yitong.mbank.psbc", "com.psbc.mbank.ios"], ["中国邮政储蓄银行股份有限公司"], "邮储银行", "you chu yin hang",
     S("ring", "#007A3D", "#00A05A", "v", E("char", text="邮")), False),
    ("psbc_corp", "PSBC", ["邮储企业银行"], ["邮储企业银行"], ["com.psbc.corpbank", "com.psbc.corpbank.ios"],
     ["中国邮政储蓄银行股份有限公司"], "邮储企业银行", "you chu qi ye yin hang", "share:psbc_mbank", False),
    ("cmb_mbank", "CMB", ["招商银行", "招行手机银行"], ["招商银行", "招行"], ["cmb.pb", "com.cmbchina.mbank.ios"],
     ["招商银行股份有限公司", "China Merchants Bank Co., Ltd."], "招商银行", "zhao shang yin hang",
     S("white", "#C8152D", em=E("chevrons", n=2)), True),
    ("cmb_life", "CMB", ["掌上生活", "招行掌上生活"], ["掌上生活"], ["com.cmbchina.ccd.pluto.cmbActivity", "com.cmbchina.life.ios"],
     ["招商银行股份有限公司信用卡中心"], "掌上生活", "zhang shang sheng huo",
     S("grad", "#E8343A", "#FF7A59", "d", E("petals", n=5, len=0.95, wid=0.42)), True),
    ("spdb_mbank", "SPDB", ["浦发手机银行", "浦发银行", "上海浦东发展银行"], ["浦发银行", "浦发", "SPDB"],
     ["cn.com.spdb.mobilebank.per", "com.spdb.mbank.ios"], ["上海浦东发展银行股份有限公司"], "浦发银行", "pu fa yin hang",
     S("disc", "#003B83", "#1450A3", "v", E("swirl", turns=2.2)), False),
    ("spdb_pdxb", "SPDB", ["浦大喜奔"], ["浦大喜奔"], ["com.spdbccc.app", "com.spdbccc.app.ios"], ["上海浦东发展银行股份有限公司信用卡中心"],
     "浦大喜奔", "pu da xi ben", S("grad", "#2B2F8F", "#7B3FE4", "d", E("star", points=4, inner=0.35)), False),
    ("citic_mbank", "CITIC", ["中信银行", "中信银行手机银行"], ["中信银行"], ["com.ecitic.bank.mobile", "com.citicbank.mbank.ios"],
     ["中信银行股份有限公司"], "中信银行", "zhong xin yin hang", S("wsq", "#C40018", "#E0302F", "v", E("knot")), False),
    ("citic_dk", "CITIC", ["动卡空间", "中信动卡空间"], ["动卡空间"], ["com.citiccard.mobilebank", "com.citiccard.dk.ios"],
     ["中信银行股份有限公司信用卡中心"], "动卡空间", "dong ka kong jian",
     S("flat", "#1A1A1A", em=E("triangle", n=2), ec="#D4AF37"), False),
    ("ceb_mbank", "CEB", ["光大银行", "中国光大银行"], ["光大银行"], ["com.cebbank.mobile.cemb", "com.cebbank.mbank.ios"],
     ["中国光大银行股份有限公司"], "光大银行", "guang da yin hang",
     S("disc", "#6A1B7E", "#7E2A92", "v", E("sun", rays=12, core=0.42)), False),
    ("ceb_yghsh", "CEB", ["阳光惠生活"], ["阳光惠生活"], ["com.cebbank.creditcard", "com.cebbank.yghsh.ios"],
     ["中国光大银行股份有限公司信用卡中心"], "阳光惠生活", "yang guang hui sheng huo",
     S("grad", "#7B2C8F", "#F28C28", "d", E("char", text="惠")), False),
    ("hxb_mbank", "HXB", ["华夏银行", "华夏银行手机银行"], ["华夏银行"], ["com.hxb.mobile.client", "com.hxb.mbank.ios"],
     ["华夏银行股份有限公司"], "华夏银行", "hua xia yin hang", S("white", "#D7000F", em=E("char", text="华", frame="circle")), False),
    ("cmbc_mbank", "CMBC", ["民生银行", "中国民生银行"], ["民生银行", "CMBC"], ["cn.com.cmbc.newmbank", "com.cmbc.mbank.ios"],
     ["中国民生银行股份有限公司"], "民生银行", "min sheng yin hang", S("disc", "#00857C", "#00A29A", "v", E("leaf")), False),
    ("cmbc_qmsh", "CMBC", ["全民生活"], ["全民生活", "民生信用卡"], ["com.cmbc.cc.mbank", "com.cmbc.qmsh.ios"],
     ["中国民生银行股份有限公司信用卡中心"], "全民生活", "quan min sheng huo",
     S("grad", "#FF6A00", "#E8271E", "v", E("char", text="民", shear=0.18)), False),
    ("cgb_mbank", "CGB", ["广发手机银行", "广发银行"], ["广发银行"], ["com.cgbchina.xpt", "com.cgbchina.mbank.ios"],
     ["广发银行股份有限公司"], "广发银行", "guang fa yin hang", S("ring", "#E60027", em=E("initials", text="GF")), False),
    ("cgb_fxjc", "CGB", ["发现精彩"], ["发现精彩", "广发信用卡"], ["com.cs_credit_bank", "com.cgbchina.fxjc.ios"],
     ["广发银行股份有限公司信用卡中心"], "发现精彩", "fa xian jing cai",
     S("grad", "#E60027", "#FF9500", "d", E("star", points=6, inner=0.55)), False),
    ("cib_mbank", "CIB", ["兴业银行", "兴业银行手机银行"], ["兴业银行"], ["com.cib.cibmb", "com.cib.mbank.ios"],
     ["兴业银行股份有限公司"], "兴业银行", "xing ye yin hang", S("wsq", "#004098", "#1F5FBF", "v", E("waves", n=3)), True),
    ("cib_life", "CIB", ["兴业生活"], ["兴业生活"], ["com.cib.xyk", "com.cib.life.ios"], ["兴业银行股份有限公司信用卡中心"],
     "兴业生活", "xing ye sheng huo", S("flat", "#1E88E5", em=E("hexagon")), False),
    ("bob_mbank", "BOB", ["北京银行", "京彩生活"], ["北京银行"], ["com.bankofbeijing.mobilebanking", "com.bob.mbank.ios"],
     ["北京银行股份有限公司"], "北京银行", "bei jing yin hang", S("text", "#E50012", "#C8000F", "v", E("initials", text="BOB")), False),
    ("bosh_mbank", "BOSH", ["上海银行"], ["上海银行"], ["cn.com.shbank.mper", "com.bosc.mbank.ios"], ["上海银行股份有限公司"],
     "上海银行", "shang hai yin hang", S("white", "#0054A6", em=E("rings", n=2)), False),
    ("jsb_mbank", "JSB", ["江苏银行"], ["江苏银行"], ["com.jsbc.mbank", "com.jsb.mbank.ios"], ["江苏银行股份有限公司"],
     "江苏银行", "jiang su yin hang", S("disc", "#0061AF", "#0A7BD0", "v", E("char", text="苏")), False),
    ("njcb_mbank", "NJCB", ["南京银行", "你好南京银行"], ["南京银行"], ["com.njcb.mbank", "com.njcb.mbank.ios"],
     ["南京银行股份有限公司"], "南京银行", "nan jing yin hang",
     S("wsq", "#D71920", "#E84A3C", "v", E("mountain", n=3)), False),
    ("nbcb_mbank", "NBCB", ["宁波银行"], ["宁波银行"], ["com.nbcb.mbank", "com.nbcb.mbank.ios"], ["宁波银行股份有限公司"],
     "宁波银行", "ning bo yin hang", S("flat", "#F08300", em=E("initials", text="NB", font="serif")), False),
    ("hzb_mbank", "HZB", ["杭州银行"], ["杭州银行"], ["com.hzbank.mbank", "com.hzbank.mbank.ios"], ["杭州银行股份有限公司"],
     "杭州银行", "hang zhou yin hang", S("ring", "#0B5CAD", "#1778D2", "v", E("char", text="杭")), False),
    ("hsb_mbank", "HSB", ["徽商银行"], ["徽商银行"], ["com.hsbank.mbank", "com.hsbank.mbank.ios"], ["徽商银行股份有限公司"],
     "徽商银行", "hui shang yin hang", S("white", "#C8102E", em=E("char", text="徽", frame="square")), False),
    ("cscb_mbank", "CSCB", ["长沙银行"], ["长沙银行"], ["com.cscb.mbank", "com.cscb.mbank.ios"], ["长沙银行股份有限公司"],
     "长沙银行", "chang sha yin hang", S("disc", "#E60012", "#C4000F", "v", E("diamond", n=3)), False),
    ("cqrcb_mbank", "CQRCB", ["渝农商行", "重庆农村商业银行"], ["渝农商行", "重庆农商行", "重庆农村商业银行"],
     ["com.cqrcb.mbank", "com.cqrcb.mbank.ios"], ["重庆农村商业银行股份有限公司"], "渝农商行", "yu nong shang hang",
     S("wsq", "#00843D", "#1FA055", "v", E("char", text="渝")), False),
    ("srcb_mbank", "SRCB", ["上海农商银行"], ["上海农商银行"], ["com.srcb.mbank", "com.srcb.mbank.ios"],
     ["上海农村商业银行股份有限公司"], "上海农商银行", "shang hai nong shang yin hang",
     S("text", "#00693E", "#00A19A", "d", E("initials", text="SRCB")), False),
    ("bjrcb_mbank", "BJRCB", ["北京农商银行"], ["北京农商银行"], ["com.bjrcb.mbank", "com.bjrcb.mbank.ios"],
     ["北京农村商业银行股份有限公司"], "北京农商银行", "bei jing nong shang yin hang",
     S("white", "#009944", em=E("char", text="京农")), False),
    ("clife_app", "CLIFE", ["中国人寿寿险", "中国人寿"], ["中国人寿", "国寿"], ["com.chinalife.ebz", "com.chinalife.ebz.ios"],
     ["中国人寿保险股份有限公司"], "中国人寿", "zhong guo ren shou", S("white", "#006F53", em=E("rings", n=3, layout="tri")), True),
    ("pingan_jgj", "PINGAN", ["平安金管家", "中国平安"], ["平安金管家", "中国平安", "平安人寿"],
     ["com.pingan.lifeinsurance", "com.pingan.jgj.ios"], ["中国平安人寿保险股份有限公司"], "平安金管家", "ping an jin guan jia",
     S("flat", "#F05A22", em=E("char", text="安", frame="circle")), True),
    ("picc_app", "PICC", ["中国人保", "人保"], ["中国人保", "PICC", "人保财险"], ["com.picc.app", "com.picc.app.ios"],
     ["中国人民保险集团股份有限公司"], "中国人保", "zhong guo ren bao", S("white", "#E60012", em=E("initials", text="PICC", font="serif")), False),
    ("taikang_app", "TAIKANG", ["泰康泰生活", "泰康保险"], ["泰康保险", "泰康泰生活", "泰生活"], ["com.taikang.tkapp", "com.taikang.tkapp.ios"],
     ["泰康保险集团股份有限公司"], "泰康保险", "tai kang bao xian",
     S("grad", "#00A0E9", "#00B26A", "d", E("petals", n=3, len=0.95, wid=0.5)), False),
    ("citics_app", "CITICS", ["中信证券信e投", "信e投"], ["中信证券", "信e投"], ["com.citics.xinetou", "com.citics.xinetou.ios"],
     ["中信证券股份有限公司"], "中信证券", "zhong xin zheng quan", S("grad", "#C8102E", "#8E0A1F", "v", E("bars", n=4)), False),
    ("htsc_zlcft", "HTSC", ["涨乐财富通", "华泰证券涨乐财富通"], ["涨乐财富通", "华泰证券"], ["com.lphtsccft", "com.htsc.zlcft.ios"],
     ["华泰证券股份有限公司"], "涨乐财富通", "zhang le cai fu tong", S("disc", "#1F6AE1", "#1553C4", "v", E("arrow")), False),
    ("gtja_junhong", "GTJA", ["君弘", "国泰君安君弘"], ["国泰君安", "君弘"], ["com.gtja.junhong", "com.gtja.junhong.ios"],
     ["国泰君安证券股份有限公司"], "国泰君安", "guo tai jun an", S("flat", "#0050A0", em=E("char", text="君", stroke=0.03)), False),
    ("efunds_app", "EFUNDS", ["易方达e钱包", "易方达基金"], ["易方达"], ["com.efunds.trade", "com.efunds.trade.ios"],
     ["易方达基金管理有限公司"], "易方达", "yi fang da", S("ring", "#D6001C", em=E("initials", text="E", font="serif")), False),
    ("thfund_app", "THFUND", ["天弘基金"], ["天弘基金", "天弘"], ["com.thfund.client", "com.thfund.client.ios"],
     ["天弘基金管理有限公司"], "天弘基金", "tian hong ji jin", S("disc", "#FF6A00", "#FF8A00", "v", E("char", text="天")), True),
    ("southern_app", "SOUTHERN", ["南方基金"], ["南方基金"], ["com.nffund.app", "com.nffund.app.ios"], ["南方基金管理股份有限公司"],
     "南方基金", "nan fang ji jin", S("wsq", "#0060A8", "#1C84D0", "v", E("compass")), False),
    ("mucfc_app", "MUCFC", ["招联金融", "招联好期贷"], ["招联金融", "招联"], ["com.zhaolian.app", "com.mucfc.app.ios"],
     ["招联消费金融股份有限公司"], "招联金融", "zhao lian jin rong", S("grad", "#2864F0", "#6A4CFF", "d", E("char", text="联")), False),
    ("msxf_ayh", "MSXF", ["安逸花", "马上消费金融"], ["安逸花", "马上消费"], ["com.msxf.ayh", "com.msxf.ayh.ios"],
     ["马上消费金融股份有限公司"], "安逸花", "an yi hua", S("grad", "#FF4D79", "#FF8C42", "d", E("petals", n=8, len=0.9, wid=0.3)), False),
    ("unionpay_ysf", "UNIONPAY", ["云闪付", "银联云闪付"], ["云闪付", "银联", "UnionPay"], ["com.unionpay", "com.unionpay.chsp.ios"],
     ["中国银联股份有限公司"], "云闪付", "yun shan fu", S("flat", "#E21836", em=E("cloud", flash=True)), True),
    ("lakala_app", "LAKALA", ["拉卡拉"], ["拉卡拉", "Lakala"], ["com.lakala.android", "com.lakala.app.ios"],
     ["拉卡拉支付股份有限公司"], "拉卡拉", "la ka la", S("text", "#1AAA55", "#0E8A43", "v", E("initials", text="LKL")), False),
]

ICON_SIZES = [192, 256, 384, 512, 1024]


def hexcert(rng):
    return "%064x" % rng.getrandbits(256)


def fmt_cert(c, rng, allow_variants=True):
    if not allow_variants:
        return c.upper()
    r = rng.random()
    if r < 0.6:
        return c.upper()
    if r < 0.8:
        return c.lower()
    return ":".join(c[i:i + 2] for i in range(0, 64, 2)).upper()


def build_protected(rng):
    apps = []
    by_id = {}
    for i, row in enumerate(APPS):
        app_id, inst, names, kws, pkgs, devs, pyk, py, spec, mini = row
        a = {"app_id": app_id, "inst": inst, "institution": INST[inst][0], "category": INST[inst][1],
             "names": names, "brand_keywords": kws, "package_ids": list(pkgs), "developers": devs,
             "pyk": pyk, "py": py.split(), "mini": mini}
        assert len(a["py"]) == len(pyk), app_id
        if isinstance(spec, str):
            a["share"] = spec.split(":")[1]
            a["spec"] = None
        else:
            spec = dict(spec)
            spec.setdefault("radius", rng.choice([0.22, 0.22, 0.2, 0.24, 0.18, 0.0]))
            a["spec"] = spec
            a["size"] = ICON_SIZES[i % len(ICON_SIZES)]
        a["certs"] = [hexcert(rng)] + ([hexcert(rng)] if rng.random() < 0.18 else [])
        if mini:
            a["mini_appid"] = "wx" + "%016x" % rng.getrandbits(64)
            a["package_ids"].append(a["mini_appid"])
        apps.append(a)
        by_id[app_id] = a
    for a in apps:
        if a.get("share"):
            src = by_id[a["share"]]
            a["spec"], a["size"] = src["spec"], src["size"]
            a["icon_file"] = None
        else:
            a["icon_file"] = f"official/{a['app_id']}.png"
    for a in apps:
        if a.get("share"):
            a["icon_file"] = by_id[a["share"]]["icon_file"]
    for a in apps:
        a["same_icon"] = sorted(b["app_id"] for b in apps if b["inst"] == a["inst"] and b["icon_file"] == a["icon_file"])
    return apps, by_id


# ----------------------------------------------------------------------------- word lists
GEN_NAMES = ["天气预报", "手电筒", "万能清理", "消消乐", "计步宝", "小说阅读", "视频剪辑", "美颜相机", "壁纸大全", "WiFi助手",
             "录音机", "翻译官", "万年历", "闹钟", "指南针", "扫码助手", "健身打卡", "菜谱大全", "地图导航", "音乐播放器",
             "中国象棋", "星座运势", "宝宝识字", "英语单词", "驾考宝典", "快递查询", "文件管理", "相册管家", "省电助手", "网速测试",
             "输入法", "浏览器", "天天跑酷", "连连看", "记事本", "番茄时钟", "戒烟助手", "喝水提醒", "二手车估价", "租房助手",
             "外卖优惠", "电影票", "K歌达人", "直播", "短剧", "漫画", "有声书", "语音变声", "手机降温", "充电动画", "垃圾分类",
             "血压记录", "宠物相机", "钓鱼天气", "公交查询", "地铁通", "拍照识花", "证件照", "PDF转换", "扫描全能", "解压小游戏",
             "睡眠监测", "拼图", "数独", "五子棋", "跳绳计数", "日程清单", "OCR识字", "投屏助手", "铃声大全"]
GEN_SUFFIX = ["", "", "", "", "大师", "Pro", "极速版", "2025", "助手", "专业版", "HD", "精选", "Plus", "免费版", "lite"]
FIN_TOOL_NAMES = ["记账本", "随手记账", "个税计算器", "房贷计算器", "汇率换算", "理财计算器", "存款利率查询", "股票行情", "基金净值",
                  "信用卡还款提醒", "发票助手", "工资条", "家庭账本", "AA记账", "复利计算器", "贷款计算器", "汇率通", "外汇牌价",
                  "金价查询", "记账鸭", "银行卡号识别", "收支管家", "预算助手", "财务报表", "计算器", "科学计算器", "退休金计算",
                  "公积金查询", "社保计算器", "车贷计算器", "钱迹记账", "每日汇率", "省钱记账", "记账宝"]
DEV_CITY = ["深圳市", "北京", "杭州", "上海", "广州市", "成都", "武汉", "南京", "厦门", "西安", "长沙", "苏州", "合肥", "郑州"]
DEV_WORD = ["星辰", "云帆", "米粒", "蓝鲸", "青柠", "火山", "橙子", "极客", "乐途", "海豚", "小熊", "晨曦", "飞鱼", "竹林", "天宇",
            "山河", "快乐", "多多", "咪咪", "爱博", "酷玩", "锦程", "北辰", "嘉禾", "优步", "启明", "灵犀", "方舟", "聚力", "繁星"]
DEV_IND = ["网络科技有限公司", "信息技术有限公司", "软件有限公司", "互动娱乐有限公司", "数字科技有限公司", "科技有限公司", "网络有限公司"]
DEV_LATIN = ["Sunny Apps Studio", "PixelBloom Ltd", "BlueFin Labs", "Moonlit Software", "Nimbus Mobile", "Happy Tools Inc.",
             "Orange Leaf Games", "Quick Utility Co.", "Lotus Dev Team", "Kite Software"]
PKG_ORG = ["xingchen", "yunfan", "mili", "lanjing", "qingning", "huoshan", "chengzi", "jike", "letu", "haitun", "xiaoxiong",
           "chenxi", "feiyu", "zhulin", "tianyu", "shanhe", "kuaile", "duoduo", "mimi", "aibo", "kuwan", "jincheng", "qiming",
           "fangzhou", "juli", "fanxing", "appbox", "toolkit", "funplay", "smartapp"]
PKG_APP = ["torch", "weather", "cleaner", "game", "reader", "camera", "wallpaper", "wifi", "recorder", "translate", "calendar",
           "clock", "compass", "scanner", "fitness", "recipe", "map", "music", "chess", "notes", "video", "photo", "puzzle",
           "ledger", "calc", "rate", "tools", "browser", "keyboard", "sleep"]
SOURCES_STORE = ["huawei_appgallery", "xiaomi_getapps", "tencent_myapp", "vivo_appstore", "oppo_appmarket",
                 "apple_appstore_cn", "honor_appmarket", "baidu_mobile_assistant", "wandoujia", "apk_download_site"]
STORE_W = [14, 12, 14, 9, 9, 14, 6, 5, 5, 6]
TLD = ["com", "cn", "net", "top", "xyz", "vip", "cc"]

SUFFIX = ["官方版", "极速版", "贷款", "福利", "官方正版", "2025新版", "Pro", "精简版", "借款", "额度提升", "助手", "服务中心",
          "客户端", "HD", "国际版", "官方下载", "专享版", "随借随还", "红包版", "VIP"]
PREFIX = ["新版", "官方", "正版", "掌上", "手机"]
EMOJI = ["💰", "🔥", "✅", "⭐", "🧧", "💳", "🎁", "👍", "📱", "💎"]
T2 = dict(zip("国银业农华兴发广设邮储东苏宁长庆寿险证联马云闪乐财买单动间现缤纷贷极汇丰务网金链达弘惠阳渝农商京门湾",
              "國銀業農華興發廣設郵儲東蘇寧長慶壽險證聯馬雲閃樂財買單動間現繽紛貸極匯豐務網金鏈達弘惠陽渝農商京門灣"))
FULLW = {c: chr(ord(c) + 0xFEE0) for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"}
MINI_SUFFIX = ["信用卡助手", "福利中心", "积分商城", "贷款服务", "额度查询", "客服", "在线办理", "生活服务", "理财助手", "优惠券"]
OA_SUFFIX = ["福利社", "客服中心", "信用卡中心", "贷款服务", "理财课堂", "积分兑换", "服务号", "用户中心"]
LOGO_WORDS = ["TV", "FM", "PDF", "MAX", "AI", "VPN", "KTV", "MP3", "WiFi", "ZIP", "SOS", "DIY", "XYZ", "Go!", "Hi", "Pro",
              "4K", "3D", "Fit", "Run", "Zoo", "Mix", "Pix", "Wow", "Yo", "HD",
              "Vlog", "Cam", "Map", "Joy", "Fun", "Uni"]
NEG_CHARS = list("乐美快省读看听游家星鲜橙米豆淘拼聊约跑学医车房租购潮酷趣秀爱梦影剧书画歌舞鱼猫犬花叶禾竹山水火风雨雪月")


def gen_dev(rng):
    if rng.random() < 0.12:
        return rng.choice(DEV_LATIN)
    return rng.choice(DEV_CITY) + rng.choice(DEV_WORD) + rng.choice(DEV_WORD) + rng.choice(DEV_IND)


def gen_pkg(rng, ios=False):
    p = f"{rng.choice(['com', 'com', 'cn', 'net', 'io'])}.{rng.choice(PKG_ORG)}.{rng.choice(PKG_APP)}"
    p += rng.choice(["", "", "", ".android", ".app", ".lite", ".free", str(rng.randint(2, 9))])
    if ios:
        p = p.replace(".android", "") + rng.choice([".ios", ".iphone", ""])
    return p


def gen_name(rng):
    return rng.choice(GEN_NAMES) + rng.choice(GEN_SUFFIX)


def rand_date(rng, lo="2024-01-01", span_days=540):
    base = time.mktime(time.strptime(lo, "%Y-%m-%d"))
    t = time.gmtime(base + 86400 * rng.randrange(span_days) + 3600 * 12)
    return time.strftime("%Y-%m-%d", t)


def store_url(src, pkg, rng):
    if src == "huawei_appgallery":
        return f"https://appgallery.huawei.com/app/C{rng.randrange(10**8, 10**9)}"
    if src == "xiaomi_getapps":
        return f"https://app.mi.com/details?id={pkg}"
    if src == "tencent_myapp":
        return f"https://sj.qq.com/appdetail/{pkg}"
    if src == "vivo_appstore":
        return f"https://h5.appstore.vivo.com.cn/#/details?appId={rng.randrange(10**6, 10**7)}"
    if src == "oppo_appmarket":
        return f"https://store.heytap.com/app/{rng.randrange(10**6, 10**7)}"
    if src == "apple_appstore_cn":
        return f"https://apps.apple.com/cn/app/id{rng.randrange(10**9, 2 * 10**9)}"
    if src == "honor_appmarket":
        return f"https://appmarket.honor.com/app/{pkg}"
    if src == "baidu_mobile_assistant":
        return f"https://mobile.baidu.com/item?docid={rng.randrange(10**8, 10**9)}"
    if src == "wandoujia":
        return f"https://www.wandoujia.com/apps/{pkg}"
    if src == "apk_download_site":
        return f"http://{rng.choice(PKG_ORG)}{rng.randint(1, 99)}.{rng.choice(TLD)}/apk/{pkg}.apk"
    return None


# ----------------------------------------------------------------------------- image state with emblem tracking
class St:
    """An image plus the mask of the official emblem in it.  `full` is the emblem's area (soft sum) had
    nothing been cut off or covered, in the current pixel scale."""

    def __init__(self, img, m):
        self.img = img.convert("RGBA")
        self.m = m.convert("L")
        self.full = area(self.m)


def area(m):
    return float(np.asarray(m, np.float32).sum() / 255.0)


def s_resize(st, w, h):
    w0, h0 = st.img.size
    st.img = st.img.resize((int(w), int(h)), RS.LANCZOS)
    st.m = st.m.resize((int(w), int(h)), RS.BILINEAR)
    st.full *= (int(w) * int(h)) / (w0 * h0)


def rot_rgba(img, ang):
    return img.convert("RGBa").rotate(ang, RS.BICUBIC, expand=True).convert("RGBA")


def s_rotate(st, ang):
    st.img = rot_rgba(st.img, ang)
    st.m = st.m.rotate(ang, RS.BILINEAR, expand=True)


def s_place(st, canvas, x, y):
    layer = Image.new("RGBA", canvas.size, (0, 0, 0, 0))
    layer.paste(st.img, (int(x), int(y)))
    st.img = Image.alpha_composite(canvas.convert("RGBA"), layer)
    nm = Image.new("L", canvas.size, 0)
    nm.paste(st.m, (int(x), int(y)))
    st.m = nm


def s_crop(st, box):
    box = tuple(int(round(v)) for v in box)
    st.img = st.img.crop(box)
    st.m = st.m.crop(box)


def s_overlay(st, layer):
    st.img = Image.alpha_composite(st.img, layer)
    a = np.asarray(layer.getchannel("A"))
    m = np.asarray(st.m).copy()
    m[a > 100] = 0
    st.m = Image.fromarray(m)


def s_flatten(st, bg=(255, 255, 255)):
    c = Image.new("RGBA", st.img.size, tuple(bg) + (255,))
    st.img = Image.alpha_composite(c, st.img)


def s_circle_mask(st):
    W, H = st.img.size
    a = Image.new("L", (W, H), 0)
    ImageDraw.Draw(a).ellipse((0, 0, W - 1, H - 1), fill=255)
    st.img.putalpha(ImageChops.multiply(st.img.getchannel("A"), a))
    st.m = ImageChops.multiply(st.m, a)


def has_alpha(img):
    return img.mode == "RGBA" and np.asarray(img.getchannel("A")).min() < 250


def recognisable(st):
    """Emblem visibility / size / contrast in the final image."""
    m = np.asarray(st.m, np.float32) / 255.0
    vis = float(m.sum())
    frac = vis / st.full if st.full > 0 else 0.0
    mb = m > 0.5
    if mb.sum() < 20:
        return False, {"visible": round(frac, 3), "emblem_px": 0, "contrast": 0.0}
    ys, xs = np.nonzero(mb)
    px = int(max(xs.max() - xs.min() + 1, ys.max() - ys.min() + 1))
    tmp = Image.alpha_composite(Image.new("RGBA", st.img.size, (255, 255, 255, 255)), st.img.convert("RGBA"))
    rgb = np.asarray(tmp.convert("RGB"), np.float32)
    k = max(2, int(0.025 * max(st.img.size)))
    dil = cv2.dilate(mb.astype(np.uint8), np.ones((2 * k + 1, 2 * k + 1), np.uint8)) > 0
    ringm = dil & ~mb
    core = cv2.erode(mb.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0
    if core.sum() < 10:
        core = mb
    contrast = float(np.linalg.norm(rgb[core].mean(0) - rgb[ringm].mean(0))) if ringm.sum() else 0.0
    ok = frac >= 0.6 and px >= 20 and contrast >= 40
    return ok, {"visible": round(frac, 3), "emblem_px": px, "contrast": round(contrast, 1)}


# ----------------------------------------------------------------------------- backgrounds and overlays
def make_bg(w, h, rng):
    k = rng.choice(["flat", "grad", "grad", "bokeh", "stripes", "white", "dark"])
    c1 = rng.choice(GEN_COLOURS)
    if k == "flat":
        img = Image.new("RGB", (w, h), hexrgb(shade(c1, dl=rng.uniform(-0.1, 0.3))))
    elif k == "grad":
        img = gradient(w, h, shade(c1, dl=0.15), rng.choice(GEN_COLOURS), rng.choice(["v", "d", "h", "r"]))
    elif k == "bokeh":
        img = gradient(w, h, shade(c1, dl=-0.15), shade(c1, dl=0.2, dh=40), "d")
        lay = Image.new("RGBA", (w, h), (0, 0, 0, 0))
        d = ImageDraw.Draw(lay)
        for _ in range(rng.randint(6, 14)):
            x, y, r = rng.uniform(0, w), rng.uniform(0, h), rng.uniform(0.04, 0.18) * w
            d.ellipse((x - r, y - r, x + r, y + r), fill=hexrgb(rng.choice(GEN_COLOURS)) + (rng.randint(40, 110),))
        lay = lay.filter(ImageFilter.GaussianBlur(0.02 * w))
        img = Image.alpha_composite(img.convert("RGBA"), lay).convert("RGB")
    elif k == "stripes":
        img = Image.new("RGB", (w, h), hexrgb(shade(c1, dl=0.25)))
        d = ImageDraw.Draw(img)
        c2 = hexrgb(shade(c1, dl=0.1))
        step = max(6, int(w * rng.uniform(0.06, 0.12)))
        for x in range(-h, w + h, 2 * step):
            d.polygon([(x, 0), (x + step, 0), (x + step + h, h), (x + h, h)], fill=c2)
    elif k == "white":
        img = Image.new("RGB", (w, h), (rng.randint(240, 255),) * 3)
    else:
        img = gradient(w, h, "#202028", "#3A3A48", "v")
    return img.convert("RGBA"), k


BADGE_TEXT = ["NEW", "HOT", "官方", "正版", "热门", "推荐", "VIP", "免费", "荐", "新"]
RIBBON_TEXT = ["升级版", "VIP", "2025", "福利", "官方", "极速", "新版", "限时"]
BAND_TEXT = ["官方正版", "极速贷", "额度提升", "新版上线", "领红包", "秒到账", "官方下载", "低息借款", "安全认证", "福利版"]
RED = (255, 59, 48)


def text_colour_for(bg):
    r, g, b = hexrgb(bg)
    return (20, 20, 20) if 0.299 * r + 0.587 * g + 0.114 * b > 170 else (255, 255, 255)


def ov_badge(W, H, rng, corner, frac, style=None):
    lay = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    s = frac * min(W, H)
    inset = rng.uniform(0.0, 0.04) * W
    style = style or rng.choice(["dot", "dot", "pill", "seal"])
    bw = s * (1.0 if style in ("dot", "seal") else 1.7)
    x0 = inset if corner[1] == "l" else W - inset - bw
    y0 = inset if corner[0] == "t" else H - inset - s
    col = RED if rng.random() < 0.6 else hexrgb(rng.choice(["#FF9500", "#FFCC00", "#34C759", "#007AFF", "#FF2D55"]))
    if style == "dot":
        d.ellipse((x0, y0, x0 + s, y0 + s), fill=col + (255,))
        txt = str(rng.choice([1, 2, 3, 5, 8, 9, 12, 99]))
    elif style == "seal":
        d.ellipse((x0, y0, x0 + s, y0 + s), fill=col + (255,))
        d.ellipse((x0 + 0.08 * s, y0 + 0.08 * s, x0 + 0.92 * s, y0 + 0.92 * s), outline=(255, 255, 255, 255), width=max(1, int(0.05 * s)))
        txt = rng.choice(["官方", "正版", "荐", "新"])
    else:
        d.rounded_rectangle((x0, y0, x0 + bw, y0 + s), radius=0.3 * s, fill=col + (255,))
        txt = rng.choice(BADGE_TEXT)
    draw_text(lay, txt, x0 + 0.18 * bw, y0 + 0.2 * s, 0.64 * bw, 0.6 * s, (255, 255, 255))
    return lay, {"style": style, "text": txt}


def ov_ribbon(W, H, rng, corner, a1, a2, text):
    lay = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    X = 0 if corner[1] == "l" else W
    Y = 0 if corner[0] == "t" else H
    ax = 1 if corner[1] == "l" else -1
    ay = 1 if corner[0] == "t" else -1
    a1, a2 = a1 * W, a2 * W
    poly = [(X + ax * a1, Y), (X + ax * a2, Y), (X, Y + ay * a2), (X, Y + ay * a1)]
    col = hexrgb(rng.choice(["#FF3B30", "#FFCC00", "#FF9500", "#34C759", "#1A1A1A", "#FFD700"]))
    d.polygon(poly, fill=col + (255,))
    mid = (a1 + a2) / 2
    cxm, cym = X + ax * mid / 2, Y + ay * mid / 2
    ang = 45 if (ax * ay) > 0 else -45
    L = mid * math.sqrt(2) * 0.7
    piece = text_piece(text, L, (a2 - a1) / math.sqrt(2) * 0.7)
    piece = piece.rotate(ang, RS.BICUBIC, expand=True)
    lay.paste(text_colour_for(col) + (255,), (int(cxm - piece.width / 2), int(cym - piece.height / 2)), piece)
    return lay


def ov_band(W, H, rng, pos, hf, text):
    lay = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    bh = hf * H
    y0 = 0 if pos == "top" else H - bh
    col = rng.choice(["#FF3B30", "#FFCC00", "#1A1A1A", "#FFFFFF", "#FF9500", "#007AFF", "#E60012"])
    alpha = rng.choice([255, 255, 230])
    d.rectangle((0, y0, W, y0 + bh), fill=hexrgb(col) + (alpha,))
    draw_text(lay, text, 0.1 * W, y0 + 0.15 * bh, 0.8 * W, 0.7 * bh, text_colour_for(col))
    return lay, col


def ov_stamp(W, H, rng, cx, cy, r):
    lay = Image.new("RGBA", (W, H), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    col = hexrgb(rng.choice(["#34C759", "#FF3B30", "#007AFF", "#FF9500"]))
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=col + (255,))
    d.ellipse((cx - 0.86 * r, cy - 0.86 * r, cx + 0.86 * r, cy + 0.86 * r), outline=(255, 255, 255, 255), width=max(1, int(0.07 * r)))
    style = rng.choice(["tick", "text"])
    if style == "tick":
        d.line([(cx - 0.45 * r, cy), (cx - 0.1 * r, cy + 0.35 * r), (cx + 0.5 * r, cy - 0.35 * r)], fill=(255, 255, 255, 255),
               width=max(1, int(0.16 * r)), joint="curve")
        txt = "tick"
    else:
        txt = rng.choice(["官方", "认证", "正品", "安全"])
        draw_text(lay, txt, cx - 0.6 * r, cy - 0.4 * r, 1.2 * r, 0.8 * r, (255, 255, 255))
    return lay, txt


# ----------------------------------------------------------------------------- alteration kinds (shared by positives and decorated negatives)
CORNERS = ["tl", "tr", "bl", "br"]


def k_tile_bg(st, rng, ctx, mild=False):
    L = st.img.width
    s = rng.uniform(0.6, 0.85) if mild else rng.uniform(0.45, 0.8)
    isz = int(L * s)
    s_resize(st, isz, isz)
    bg, bk = make_bg(L, L, rng)
    x = rng.uniform(0, L - isz)
    y = rng.uniform(0, L - isz)
    if rng.random() < 0.4:
        sh = Image.new("RGBA", bg.size, (0, 0, 0, 0))
        sh.paste((0, 0, 0, 90), (int(x + 0.03 * L), int(y + 0.04 * L)), st.img.getchannel("A"))
        bg = Image.alpha_composite(bg, sh.filter(ImageFilter.GaussianBlur(0.02 * L)))
    s_place(st, bg, x, y)
    return {"scale": round(s, 3), "offset": [round(x / L, 3), round(y / L, 3)], "background": bk}


def k_tile_rot(st, rng, ctx, mild=False):
    L = st.img.width
    ang = rng.choice([-1, 1]) * (rng.uniform(5, 12) if mild else rng.uniform(8, 30))
    s = rng.uniform(0.45, 0.7)
    isz = int(L * s)
    s_resize(st, isz, isz)
    s_rotate(st, ang)
    bg, bk = make_bg(L, L, rng)
    w = st.img.width
    x = (L - w) / 2 + rng.uniform(-0.1, 0.1) * L
    y = (L - w) / 2 + rng.uniform(-0.1, 0.1) * L
    s_place(st, bg, x, y)
    return {"scale": round(s, 3), "angle": round(ang, 1), "background": bk}


def _other_radius(r, rng):
    opts = [v for v in (0.0, 0.1, 0.3, 0.5) if abs(v - r) > 0.06]
    return rng.choice(opts)


def k_rerender(st, rng, ctx, mild=False):
    spec = ctx["spec"]
    rad = _other_radius(spec.get("radius", 0.22), rng)
    es = rng.uniform(0.88, 1.12)
    off = (rng.uniform(-0.03, 0.03), rng.uniform(-0.03, 0.03))
    size = rng.choice([64, 96, 128, 180, 256, 512])
    img, m = render_icon(spec, size, radius=rad, em_scale=es, em_off=off)
    st.__init__(img, m)
    L = ctx["work"]
    s_resize(st, L, L)
    return {"radius": rad, "em_scale": round(es, 3), "em_offset": [round(off[0], 3), round(off[1], 3)], "render_px": size}


def k_badge(st, rng, ctx, mild=False):
    W, H = st.img.size
    corner = rng.choice(CORNERS)
    frac = rng.uniform(0.16, 0.24) if mild else rng.uniform(0.18, 0.32)
    lay, p = ov_badge(W, H, rng, corner, frac)
    s_overlay(st, lay)
    p.update({"corner": corner, "size": round(frac, 3)})
    return p


def k_ribbon(st, rng, ctx, mild=False):
    W, H = st.img.size
    corner = rng.choice(CORNERS)
    a1 = rng.uniform(0.18, 0.3)
    a2 = a1 + rng.uniform(0.12, 0.18)
    text = rng.choice(RIBBON_TEXT)
    s_overlay(st, ov_ribbon(W, H, rng, corner, a1, a2, text))
    return {"corner": corner, "band": [round(a1, 3), round(a2, 3)], "text": text}


def k_text_band(st, rng, ctx, mild=False):
    W, H = st.img.size
    pos = rng.choice(["bottom", "bottom", "top"])
    hf = rng.uniform(0.16, 0.22) if mild else rng.uniform(0.18, 0.28)
    text = rng.choice(BAND_TEXT)
    lay, col = ov_band(W, H, rng, pos, hf, text)
    s_overlay(st, lay)
    return {"position": pos, "height": round(hf, 3), "text": text, "colour": col}


def k_stamp(st, rng, ctx, mild=False):
    W, H = st.img.size
    r = rng.uniform(0.1, 0.16) * W
    ang = rng.uniform(0, 2 * math.pi)
    dist = rng.uniform(0.1, 0.24) * W
    cx, cy = W / 2 + dist * math.cos(ang), H / 2 + dist * math.sin(ang)
    lay, txt = ov_stamp(W, H, rng, cx, cy, r)
    s_overlay(st, lay)
    return {"radius": round(r / W, 3), "centre": [round(cx / W, 3), round(cy / H, 3)], "mark": txt}


def k_hue(st, rng, ctx, mild=False):
    deg = rng.uniform(30, 330)
    arr = np.asarray(st.img).copy()
    hsv = cv2.cvtColor(np.ascontiguousarray(arr[..., :3]), cv2.COLOR_RGB2HSV_FULL)
    hsv[..., 0] = ((hsv[..., 0].astype(np.int32) + int(round(deg * 256 / 360))) % 256).astype(np.uint8)
    arr[..., :3] = cv2.cvtColor(hsv, cv2.COLOR_HSV2RGB_FULL)
    st.img = Image.fromarray(arr, "RGBA")
    return {"hue_deg": round(deg, 1)}


def k_recolour(st, rng, ctx, mild=False):
    spec = ctx["spec"]
    h0 = hue_of(spec["c1"])
    cands = [c for c in GEN_COLOURS if min(abs(hue_of(c) - h0), 360 - abs(hue_of(c) - h0)) > 40 and c != "#1A1A1A"]
    c1 = rng.choice(cands)
    c2 = shade(c1, dl=rng.uniform(-0.12, 0.12), dh=rng.uniform(-20, 20))
    img, m = render_icon(spec, ctx["work"], c1=c1, c2=c2, ec=None if spec.get("ec") is None else spec["ec"])
    st.__init__(img, m)
    return {"c1": c1, "c2": c2}


def k_tone(st, rng, ctx, mild=False):
    op = rng.choice(["grayscale", "saturation", "brightness", "contrast", "sepia"])
    rgb = st.img.convert("RGB")
    a = st.img.getchannel("A")
    v = None
    if op == "grayscale":
        rgb = ImageOps.grayscale(rgb).convert("RGB")
    elif op == "saturation":
        v = rng.choice([rng.uniform(0.2, 0.5), rng.uniform(1.5, 2.0)])
        rgb = ImageEnhance.Color(rgb).enhance(v)
    elif op == "brightness":
        v = rng.choice([rng.uniform(0.7, 0.85), rng.uniform(1.15, 1.3)])
        rgb = ImageEnhance.Brightness(rgb).enhance(v)
    elif op == "contrast":
        v = rng.choice([rng.uniform(0.6, 0.8), rng.uniform(1.2, 1.5)])
        rgb = ImageEnhance.Contrast(rgb).enhance(v)
    else:
        g = np.asarray(ImageOps.grayscale(rgb), np.float32)
        rgb = Image.fromarray(np.clip(np.stack([g * 1.07 + 20, g * 0.95 + 8, g * 0.75], -1), 0, 255).astype(np.uint8))
    st.img = rgb.convert("RGBA")
    st.img.putalpha(a)
    return {"op": op, "value": None if v is None else round(v, 3)}


def k_jpeg(st, rng, ctx, mild=False):
    W = st.img.width
    small = rng.randint(64, 110) if not mild else rng.randint(96, 140)
    q = rng.randint(8, 30) if not mild else rng.randint(30, 60)
    up = rng.choice([128, 160, 192, 256])
    s_flatten(st)
    s_resize(st, small, small)
    buf = io.BytesIO()
    st.img.convert("RGB").save(buf, "JPEG", quality=q)
    st.img = Image.open(io.BytesIO(buf.getvalue())).convert("RGBA")
    s_resize(st, up, up)
    return {"small_px": small, "quality": q, "up_px": up}


def k_crop(st, rng, ctx, mild=False):
    W, H = st.img.size
    while True:
        mg = [rng.uniform(0, 0.18) for _ in range(4)]
        if max(mg) >= 0.08:
            break
    box = (mg[0] * W, mg[1] * H, W - mg[2] * W, H - mg[3] * H)
    s_crop(st, box)
    if rng.random() < 0.6:
        s_resize(st, W, H)
        stretched = True
    else:
        s = min(st.img.size)
        cw, ch = st.img.size
        x0, y0 = (cw - s) // 2, (ch - s) // 2
        s_crop(st, (x0, y0, x0 + s, y0 + s))
        stretched = False
    return {"margins_lrtb": [round(v, 3) for v in mg], "stretched": stretched}


def small_random_icon(rng, size):
    spec = {"tpl": rng.choice(TEMPLATES[:-1]), "c1": rng.choice(GEN_COLOURS), "grad": rng.choice(["v", "d", "flat"]),
            "em": {"k": rng.choice(PICTO + FINTOOL)}, "radius": 0.22}
    spec["c2"] = shade(spec["c1"], dl=0.1, dh=15)
    return render_icon(spec, size)[0]


def k_screenshot(st, rng, ctx, mild=False):
    style = rng.choice(["store", "home"])
    isz = st.img.width
    dark = rng.random() < 0.25
    fg = (235, 235, 240) if dark else (30, 30, 30)
    sub = (150, 150, 155) if dark else (120, 120, 125)
    if style == "store":
        Wc = int(isz / rng.uniform(0.3, 0.4))
        Hc = int(Wc * rng.uniform(0.55, 0.72))
        bgc = (22, 22, 26) if dark else (255, 255, 255)
        canvas = Image.new("RGBA", (Wc, Hc), bgc + (255,))
        d = ImageDraw.Draw(canvas)
        sb = int(Hc * 0.07)
        draw_text(canvas, "9:41", int(0.03 * Wc), int(0.01 * Hc), int(0.1 * Wc), int(sb * 0.8), fg, "l")
        d.rectangle((Wc * 0.88, sb * 0.3, Wc * 0.95, sb * 0.7), outline=fg, width=2)
        x0, y0 = int(0.05 * Wc), sb + int(0.05 * Hc)
        s_place(st, canvas, x0, y0)
        d = ImageDraw.Draw(st.img)
        tx = x0 + isz + int(0.04 * Wc)
        tw = Wc - tx - int(0.04 * Wc)
        draw_text(st.img, ctx["name"], tx, y0, tw, int(isz * 0.28), fg, "l")
        draw_text(st.img, rng.choice(["4.7★  1000万+次安装", "4.9★  免费下载", "4.5★  工具 · 12MB", "4.8★  3亿次下载"]),
                  tx, y0 + int(isz * 0.36), tw, int(isz * 0.16), sub, "l")
        bc = hexrgb(rng.choice(["#34C759", "#007AFF", "#FF6A00"]))
        d.rounded_rectangle((tx, y0 + isz * 0.62, tx + tw * 0.45, y0 + isz * 0.92), radius=isz * 0.15, fill=bc + (255,))
        draw_text(st.img, rng.choice(["安装", "获取", "下载", "打开"]), tx, y0 + isz * 0.66, tw * 0.45, isz * 0.22, (255, 255, 255))
        yy = y0 + isz + int(0.05 * Hc)
        if yy < Hc - 10:
            for k in range(3):
                gx = x0 + k * (Wc - 2 * x0) / 3
                d.rounded_rectangle((gx + 4, yy, gx + (Wc - 2 * x0) / 3 - 4, Hc + 40), radius=8,
                                    fill=hexrgb(shade(rng.choice(GEN_COLOURS), dl=0.3)) + (255,))
        return {"style": "store", "icon_frac": round(isz / Wc, 3), "dark": dark}
    # home screen: 4 x 3 grid, crop around the icon
    cell = int(isz / 0.72)
    Wc, Hc = cell * 4, int(cell * 3.5)
    wall, _ = make_bg(Wc, Hc, rng)
    col, row = rng.randrange(4), rng.randrange(3)
    for r_ in range(3):
        for c_ in range(4):
            if (r_, c_) == (row, col):
                continue
            o = small_random_icon(rng, isz)
            wall.alpha_composite(o, (int(c_ * cell + (cell - isz) / 2), int(r_ * cell * 1.15 + 0.08 * cell)))
    for r_ in range(3):
        for c_ in range(4):
            lbl = ctx["name"] if (r_, c_) == (row, col) else gen_name(rng)
            draw_text(wall, lbl[:6], int(c_ * cell + 0.08 * cell), int(r_ * cell * 1.15 + 0.08 * cell + isz + 0.03 * cell),
                      int(0.84 * cell), int(0.16 * cell), (255, 255, 255))
    ix, iy = int(col * cell + (cell - isz) / 2), int(row * cell * 1.15 + 0.08 * cell)
    s_place(st, wall, ix, iy)
    cw = int(cell * rng.uniform(1.6, 2.4))
    ch = int(cw * rng.uniform(0.8, 1.0))
    x0 = ix - rng.uniform(0.05, 1.0) * max(1, (cw - isz))
    y0 = iy - rng.uniform(0.05, 0.5) * max(1, (ch - isz - 0.25 * cell))
    x0 = max(0, min(Wc - cw, x0))
    y0 = max(0, min(Hc - ch, y0))
    s_crop(st, (x0, y0, x0 + cw, y0 + ch))
    return {"style": "home", "icon_frac": round(isz / cw, 3)}


def k_flip(st, rng, ctx, mild=False):
    st.img = ImageOps.mirror(st.img)
    st.m = ImageOps.mirror(st.m)
    extra = None
    if rng.random() < 0.5:
        extra = k_jpeg(st, rng, ctx, mild=True)
    return {"mirror": "horizontal", "then_jpeg": extra}


def k_perspective(st, rng, ctx, mild=False):
    L = st.img.width
    pad = int(0.14 * L)
    bg, bk = make_bg(L + 2 * pad, L + 2 * pad, rng)
    s_place(st, bg, pad, pad)
    W = st.img.width
    j = rng.uniform(0.03, 0.1) * L
    src = np.float32([[pad, pad], [pad + L, pad], [pad + L, pad + L], [pad, pad + L]])
    dst = src + np.float32([[rng.uniform(-j, j), rng.uniform(-j, j)] for _ in range(4)])
    M = cv2.getPerspectiveTransform(src, dst)
    arr = cv2.warpPerspective(np.asarray(st.img), M, (W, W), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE)
    m0 = area(st.m)
    marr = cv2.warpPerspective(np.asarray(st.m), M, (W, W), flags=cv2.INTER_LINEAR, borderValue=0)
    st.img = Image.fromarray(arr, "RGBA")
    st.m = Image.fromarray(marr)
    if m0 > 0:
        st.full *= area(st.m) / m0
    sig = rng.uniform(0.5, 1.3) * W / 256
    st.img = st.img.filter(ImageFilter.GaussianBlur(sig))
    return {"jitter": round(j / L, 3), "blur": round(sig, 2), "background": bk}


def k_blur_noise(st, rng, ctx, mild=False):
    W = st.img.width
    sig = rng.uniform(0.8, 2.2) * W / 256
    sd = rng.uniform(4, 14)
    gam = rng.uniform(0.8, 1.25)
    img = st.img.filter(ImageFilter.GaussianBlur(sig))
    arr = np.asarray(img).astype(np.float32)
    nrng = np.random.default_rng(rng.getrandbits(63))
    rgb = 255.0 * (arr[..., :3] / 255.0) ** gam + nrng.normal(0, sd, arr[..., :3].shape)
    arr[..., :3] = np.clip(rgb, 0, 255)
    st.img = Image.fromarray(arr.astype(np.uint8), "RGBA")
    return {"blur": round(sig, 2), "noise_sd": round(sd, 1), "gamma": round(gam, 3)}


def k_frame(st, rng, ctx, mild=False):
    L = st.img.width
    s = rng.uniform(0.72, 0.86)
    isz = int(L * s)
    s_resize(st, isz, isz)
    fc = rng.choice(["#FFFFFF", "#F2F2F7", "#FFF8E7", "#EAF4FF", "#1C1C1E", shade(rng.choice(GEN_COLOURS), dl=0.35)])
    canvas = Image.new("RGBA", (L, L), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).rounded_rectangle((0, 0, L - 1, L - 1), radius=rng.uniform(0.1, 0.25) * L, fill=hexrgb(fc) + (255,))
    x = (L - isz) / 2
    sh = Image.new("RGBA", (L, L), (0, 0, 0, 0))
    sh.paste((0, 0, 0, 110), (int(x), int(x + 0.025 * L)), st.img.getchannel("A"))
    sh = sh.filter(ImageFilter.GaussianBlur(0.025 * L))
    sh.putalpha(ImageChops.multiply(sh.getchannel("A"), canvas.getchannel("A")))
    canvas = Image.alpha_composite(canvas, sh)
    s_place(st, canvas, x, x)
    return {"scale": round(s, 3), "frame": fc}


def k_transplant(st, rng, ctx, mild=False):
    spec = ctx["spec"]
    t0 = spec["tpl"]
    opts = [t for t in ("disc", "wsq", "grad", "flat", "white", "ring") if t != t0]
    t = rng.choice(opts)
    keep = rng.random() < 0.5
    c1 = spec["c1"] if keep else rng.choice(FIN_COLOURS)
    c2 = shade(c1, dl=rng.uniform(-0.1, 0.12), dh=rng.uniform(-15, 15))
    sp = dict(spec)
    sp["ec"] = None
    sp["grad"] = rng.choice(["v", "d", "flat"])
    img, m = render_icon(sp, ctx["work"], tpl=t, c1=c1, c2=c2, radius=rng.choice([0.2, 0.22, 0.0, 0.5]))
    st.__init__(img, m)
    return {"template": t, "c1": c1, "kept_colour": keep}


def k_word_below(st, rng, ctx, mild=False):
    L = st.img.width
    spec = ctx["spec"]
    fc = "#FFFFFF" if spec["tpl"] in ("white", "wsq") else spec["c1"]
    s = rng.uniform(0.55, 0.68)
    isz = int(L * s)
    s_resize(st, isz, isz)
    canvas = Image.new("RGBA", (L, L), (0, 0, 0, 0))
    ImageDraw.Draw(canvas).rounded_rectangle((0, 0, L - 1, L - 1), radius=0.22 * L, fill=hexrgb(fc) + (255,))
    y = int(0.08 * L)
    s_place(st, canvas, (L - isz) / 2, y)
    word = rng.choice(["官方", "极速版", "贷款", "福利", "手机版", "借钱", "理财", ctx["name"][:4]])
    tc = text_colour_for(fc) if spec["tpl"] not in ("white", "wsq") else hexrgb(spec["c1"])
    draw_text(st.img, word, 0.12 * L, y + isz + 0.04 * L, 0.76 * L, L - (y + isz + 0.1 * L), tc)
    return {"scale": round(s, 3), "word": word}


def k_store_mask(st, rng, ctx, mild=False):
    """what a store or mini-program platform does to an uploaded icon (no counterfeiting)"""
    shape = rng.choice(["circle", "squircle", "none"])
    if shape == "circle":
        s_circle_mask(st)
    elif shape == "squircle":
        W = st.img.width
        a = Image.new("L", (W, W), 0)
        ImageDraw.Draw(a).rounded_rectangle((0, 0, W - 1, W - 1), radius=0.3 * W, fill=255)
        st.img.putalpha(ImageChops.multiply(st.img.getchannel("A"), a))
        st.m = ImageChops.multiply(st.m, a)
    return {"shape": shape}


KIND_FN = {
    "tile_bg": k_tile_bg, "tile_rot": k_tile_rot, "rerender": k_rerender, "badge": k_badge, "ribbon": k_ribbon,
    "text_band": k_text_band, "stamp": k_stamp, "hue": k_hue, "recolour": k_recolour, "tone": k_tone, "jpeg": k_jpeg,
    "crop": k_crop, "screenshot": k_screenshot, "flip": k_flip, "perspective": k_perspective, "blur_noise": k_blur_noise,
    "frame": k_frame, "transplant": k_transplant, "word_below": k_word_below, "store_mask": k_store_mask,
}
# combo: phase order so that re-renders come first and degradations last
COMBO_PHASE = {"rerender": 0, "recolour": 0, "transplant": 0, "crop": 1, "tile_bg": 2, "tile_rot": 2, "frame": 2,
               "badge": 3, "ribbon": 3, "text_band": 3, "stamp": 3, "hue": 4, "tone": 4, "blur_noise": 5, "jpeg": 5}


def k_combo(st, rng, ctx, mild=False):
    pool = sorted(COMBO_PHASE)
    n = rng.choice([2, 2, 3])
    while True:
        picks = rng.sample(pool, n)
        phases = [COMBO_PHASE[p] for p in picks]
        if len(set(phases)) == n:
            break
    picks.sort(key=lambda p: COMBO_PHASE[p])
    steps = []
    for p in picks:
        steps.append({"kind": p, **KIND_FN[p](st, rng, ctx, mild)})
    return {"steps": steps}


KIND_FN["combo"] = k_combo

ICON_KINDS = [  # (kind, count, description)
    ("tile_bg", 12, "icon shrunk (0.45-0.8) onto a new background (flat, gradient, bokeh, stripes), moved, optional shadow"),
    ("tile_rot", 12, "icon shrunk (0.45-0.7), turned 8-30 degrees, on a new background"),
    ("rerender", 11, "icon redrawn at another size (64-512 px) with other corner rounding (square/0.1/0.3/circle), emblem scaled 0.88-1.12 and shifted <=3%"),
    ("badge", 12, "red dot with number, pill (NEW/HOT/官方...) or seal in a corner, 18-32% of the side"),
    ("ribbon", 10, "diagonal corner ribbon with text (升级版/VIP/2025...)"),
    ("text_band", 11, "band of text across the bottom or top, 18-28% of the height"),
    ("stamp", 10, "round stamp (tick or 官方/认证) r 10-16%, centre 10-24% from the middle"),
    ("hue", 11, "hue rotated 30-330 degrees"),
    ("recolour", 10, "redrawn with a field colour >=40 degrees of hue away"),
    ("tone", 9, "grayscale, sepia, saturation/brightness/contrast change"),
    ("jpeg", 10, "shrunk to 64-110 px, JPEG quality 8-30, scaled back up"),
    ("crop", 11, "cropped 0-18% per side (at least one >= 8%), stretched or squared"),
    ("screenshot", 12, "screenshot of a store page or home screen with the icon among UI"),
    ("flip", 8, "mirrored horizontally (only asymmetric, non-text emblems), sometimes JPEG'd"),
    ("perspective", 10, "photo of a screen: perspective warp 3-10%, blur"),
    ("blur_noise", 9, "Gaussian blur, sensor noise, gamma"),
    ("frame", 9, "icon at 72-86% inside a rounded frame with a drop shadow"),
    ("transplant", 10, "the official emblem redrawn on another template (disc, white square, gradient ...)"),
    ("word_below", 10, "icon shrunk onto its own field colour with a word below it"),
    ("combo", 18, "2-3 of the above chained (re-render -> crop -> tile -> overlay -> colour -> degradation)"),
]
NAME_KINDS = [
    ("suffix", 22, "brand name or keyword + 官方版/极速版/贷款/福利/... (or a prefix such as 新版/官方)"),
    ("emoji", 12, "brand name with emoji inserted"),
    ("traditional", 12, "brand name in traditional characters"),
    ("doubled", 10, "one character of the brand doubled (招商商银行)"),
    ("pinyin", 12, "brand written in pinyin, in full or mixed with characters"),
    ("spacing", 10, "brand with spaces/dots, full-width Latin, or 国->囯"),
    ("pkg_lookalike", 18, "official or near name with a look-alike package id (homoglyph, extra segment, other TLD)"),
    ("dev_spoof", 16, "official name and official developer, but a non-official signing certificate (repackaged)"),
    ("mini_program", 14, "WeChat/Alipay mini-program with a brand name and a non-official AppID"),
    ("official_account", 8, "WeChat official account with a brand name"),
    ("web_apk", 6, "APK offered on a website with a brand name and a look-alike domain"),
]
NEG_KINDS = [
    ("official", 60, "the official app on an official package (+ official certificate where the store exposes one)"),
    ("official_renamed", 8, "official app whose store title carries a slogan, official package/certificate"),
    ("official_mini", 10, "official mini-program on its official AppID"),
    ("template", 80, "ordinary app on the same templates as protected icons (disc, white square, white field ...), different emblem"),
    ("template_decorated", 45, "as above plus a badge/ribbon/rotation/tile/screenshot/compression"),
    ("other_fi", 50, "real, non-protected financial institutions in the same styles, different emblem"),
    ("other_fi_shared_word", 12, "non-protected institutions sharing a word with a protected one (光大证券, 招商证券 ...)"),
    ("fin_tool", 45, "generic finance tools (记账, 计算器, 汇率) with finance-looking icons"),
    ("ordinary", 40, "ordinary apps of many kinds with their own icons"),
]

NEG_FI = [
    ("渤海银行", "cn.com.cbhb.mbank", "渤海银行股份有限公司", "渤", "CBHB", "#003E7E"),
    ("恒丰银行", "com.hfbank.mbank", "恒丰银行股份有限公司", "恒", "EGB", "#C8102E"),
    ("浙商银行", "com.czbank.mbank", "浙商银行股份有限公司", "浙", "CZB", "#D6000F"),
    ("广州农商银行", "com.grcbank.mbank", "广州农村商业银行股份有限公司", "穗", "GZRCB", "#00843D"),
    ("青岛农商银行", "com.qrcb.mbank", "青岛农村商业银行股份有限公司", "青", "QDRCB", "#009944"),
    ("贵阳银行", "com.bankgy.mbank", "贵阳银行股份有限公司", "贵", "GYB", "#C7000B"),
    ("重庆银行", "com.cqcbank.mbank", "重庆银行股份有限公司", "庆", "CQCB", "#0054A6"),
    ("成都银行", "com.bocd.mbank", "成都银行股份有限公司", "蓉", "BOCD", "#E60012"),
    ("苏州银行", "com.suzhoubank.mbank", "苏州银行股份有限公司", "吴", "BOSZ", "#0061AF"),
    ("厦门银行", "com.xmbank.mbank", "厦门银行股份有限公司", "鹭", "XMB", "#1D3F8C"),
    ("齐鲁银行", "com.qlbchina.mbank", "齐鲁银行股份有限公司", "鲁", "QLB", "#004098"),
    ("郑州银行", "com.zzbank.mbank", "郑州银行股份有限公司", "郑", "ZZB", "#C40018"),
    ("新华保险", "com.newchinalife.ncl", "新华人寿保险股份有限公司", "新", "NCI", "#E60027"),
    ("中国太保", "com.cpic.taibao", "中国太平洋保险(集团)股份有限公司", "太", "CPIC", "#0066B3"),
    ("阳光保险", "com.sinosig.app", "阳光保险集团股份有限公司", "阳", "SSG", "#F08300"),
    ("众安保险", "com.zhongan.insurance", "众安在线财产保险股份有限公司", "众", "ZA", "#00A29A"),
    ("东方财富", "com.eastmoney.android.berlin", "东方财富信息股份有限公司", "东", "EMF", "#E60012"),
    ("海通证券", "com.htsec.etrade", "海通证券股份有限公司", "海", "HT", "#0060A8"),
    ("嘉实基金", "com.harvestfund.app", "嘉实基金管理有限公司", "嘉", "JS", "#C8152D"),
    ("博时基金", "com.bosera.app", "博时基金管理有限公司", "博", "BS", "#003B83"),
    ("中欧基金", "com.zofund.app", "中欧基金管理有限公司", "欧", "ZO", "#2864F0"),
    ("度小满金融", "com.duxiaoman.wallet", "度小满科技(北京)有限公司", "满", "DXM", "#F39800"),
    ("微众银行", "com.webank.wemoney", "深圳前海微众银行股份有限公司", "微", "WZ", "#6A1B7E"),
    ("网商银行", "com.mybank.android", "浙江网商银行股份有限公司", "网", "MY", "#FF6A00"),
    ("中原消费金融", "com.hnzycfc.app", "河南中原消费金融股份有限公司", "原", "ZY", "#00857C"),
]
SHARED_FI = [
    ("中信建投证券", "com.csc108.app", "中信建投证券股份有限公司", "投", "CSC", "#C40018"),
    ("光大证券", "com.ebscn.app", "光大证券股份有限公司", "证", "EBS", "#6A1B7E"),
    ("兴业证券", "com.xyzq.app", "兴业证券股份有限公司", "券", "XYZQ", "#004098"),
    ("广发证券", "com.gf.app", "广发证券股份有限公司", "易", "GFSEC", "#E60027"),
    ("华夏基金", "com.chinaamc.app", "华夏基金管理有限公司", "夏", "AMC", "#D7000F"),
    ("招商证券", "com.cmschina.app", "招商证券股份有限公司", "智", "CMS", "#C8152D"),
    ("南京证券", "com.njzq.app", "南京证券股份有限公司", "宁", "NJZQ", "#D71920"),
    ("宁波通商银行", "com.nbcommerce.mbank", "宁波通商银行股份有限公司", "通", "NBCM", "#F08300"),
    ("北京中关村银行", "com.zgcbank.mbank", "北京中关村银行股份有限公司", "村", "ZGC", "#E50012"),
    ("上海华瑞银行", "com.shrbank.mbank", "上海华瑞银行股份有限公司", "瑞", "SHRB", "#0054A6"),
    ("长沙农村商业银行", "com.cscrb.mbank", "长沙农村商业银行股份有限公司", "湘", "CSNS", "#00843D"),
    ("国泰基金", "com.gtfund.app", "国泰基金管理有限公司", "泰", "GTFUND", "#0050A0"),
]


# ----------------------------------------------------------------------------- main builder
class Builder:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.apps, self.by_id = build_protected(self.rng)
        self.official = {}  # icon_file -> (img, mask)
        self.prot_keys = set()
        self.prot_shapes = []  # (tpl, shape, app_id)
        self.keywords = []
        self.official_names = []
        self.official_pkgs = set()
        self.official_devs = set()
        for a in self.apps:
            self.keywords += [k.casefold() for k in a["brand_keywords"]]
            self.official_names += [n.casefold() for n in a["names"]]
            self.official_pkgs |= set(a["package_ids"])
            self.official_devs |= set(a["developers"])
            if not a.get("share"):
                self.prot_keys.add(emblem_key(a["spec"]["em"]))
                self.prot_shapes.append((a["spec"]["tpl"], emblem_shape(a["spec"]["em"]), a["app_id"]))
        self.prot_texts = {a["spec"]["em"]["text"] for a in self.apps if a["spec"]["em"]["k"] in TEXT_KINDS}
        self.prot_ems = [a["spec"]["em"] for a in self.apps if a["spec"]["em"]["k"] not in TEXT_KINDS]
        self.prot_chars = {c for t in self.prot_texts for c in t if has_cjk(c)}
        self.prot_kinds_by_tpl = {}
        for a in self.apps:
            if a["spec"]["em"]["k"] not in TEXT_KINDS:
                self.prot_kinds_by_tpl.setdefault(a["spec"]["tpl"], set()).add(a["spec"]["em"]["k"])

    # -- checks
    def name_is_neutral(self, name):
        n = name.casefold()
        return not any(k in n for k in self.keywords) and not any(o in n for o in self.official_names)

    def check_protected_distinct(self):
        worst = []
        for i, (t1, s1, a1) in enumerate(self.prot_shapes):
            for t2, s2, a2 in self.prot_shapes[i + 1:]:
                if self.by_id[a1]["inst"] != self.by_id[a2]["inst"]:
                    worst.append((similarity(s1, s2), a1, a2))
        worst.sort(reverse=True)
        return worst[:5]

    def fair_emblem(self, gen, tpl, rng, tries=120):
        """an emblem that differs from every protected emblem.
        text emblems (a character, bank initials): a character no protected icon uses; initials at edit distance >= 2
        from every protected text.  Other emblems: not a kind that a protected icon of the same template uses, shape
        similarity < 0.55 to the template's protected emblems and < 0.7 to all protected emblems."""
        for _ in range(tries):
            em = gen(rng)
            if emblem_key(em) in self.prot_keys:
                continue
            sh = emblem_shape(em)
            same = max([similarity(sh, s) for t, s, _ in self.prot_shapes if t == tpl] or [0.0])
            anyt = max(similarity(sh, s) for _, s, _ in self.prot_shapes)
            if em["k"] in TEXT_KINDS:
                if em["text"] in self.prot_texts:
                    continue
                if em["k"] == "char" and any(c in self.prot_chars for c in em["text"]):
                    continue
                if em["k"] == "initials" and min(edit_distance(em["text"].upper(), t.upper()) for t in self.prot_texts) < 2:
                    continue
            else:
                if em["k"] in self.prot_kinds_by_tpl.get(tpl, ()):
                    continue
                if self.same_design(em):
                    continue
                if not (same < 0.55 and anyt < 0.7):
                    continue
            return em, {"max_sim_same_template": round(same, 3), "max_sim_any_protected": round(anyt, 3)}
        raise RuntimeError("no fair emblem found")

    COUNT_PARAM = {"rings": ("n", 1), "waves": ("n", 1), "chevrons": ("n", 1), "petals": ("n", 1), "diamond": ("n", 1),
                   "mountain": ("n", 1), "sun": ("rays", 3), "star": ("points", 1), "bars": ("n", 1),
                   "triangle": ("n", 1), "shield": ("inner", 0)}

    def same_design(self, em):
        """a non-text emblem repeats a protected design (any template): same kind, and for kinds with a count
        parameter a count within the tolerance (shield: same inner mark)"""
        for pe in self.prot_ems:
            if pe["k"] != em["k"]:
                continue
            cp = self.COUNT_PARAM.get(em["k"])
            if cp is None:
                return True
            key, tol = cp
            a, b = em.get(key), pe.get(key)
            if isinstance(a, str) or isinstance(b, str):
                if a == b:
                    return True
            elif abs((a or 0) - (b or 0)) <= tol:
                return True
        return False

    # -- emblem generators
    @staticmethod
    def gen_abstract(rng):
        k = rng.choice(["rings", "waves", "chevrons", "petals", "diamond", "mountain", "sun", "star", "bars", "knot", "swirl",
                        "hexagon", "arcs", "leaf", "wheat", "arrow", "triangle", "cloud", "compass", "coin", "shield",
                        "infinity", "dots", "dots", "plus", "arch", "bowtie", "cube", "pinwheel", "pinwheel", "sbend"])
        p = {"k": k}
        if k == "rings":
            p.update(n=rng.choice([2, 3]), layout=rng.choice(["row", "tri"]))
        elif k == "waves":
            p.update(n=rng.choice([2, 3, 4]), amp=round(rng.uniform(0.08, 0.28), 2), freq=round(rng.uniform(1.0, 2.5), 2))
        elif k == "chevrons":
            p.update(n=rng.choice([1, 2, 3]), rot=rng.choice([0, 90, 180]))
        elif k == "petals":
            p.update(n=rng.choice([3, 4, 6, 7]), len=round(rng.uniform(0.8, 1.0), 2), wid=round(rng.uniform(0.25, 0.55), 2))
        elif k == "diamond":
            p.update(n=rng.choice([1, 2]))
        elif k == "mountain":
            p.update(n=rng.choice([2, 3]), sun=rng.random() < 0.5)
        elif k == "sun":
            p.update(rays=rng.choice([6, 8, 10, 16]), core=round(rng.uniform(0.25, 0.5), 2))
        elif k == "star":
            p.update(points=rng.choice([4, 5, 6, 7, 8]), inner=round(rng.uniform(0.3, 0.6), 2))
        elif k == "bars":
            p.update(n=rng.choice([3, 5]))
        elif k == "swirl":
            p.update(turns=round(rng.uniform(1.2, 3.0), 2))
        elif k == "wheat":
            p.update(n=rng.choice([3, 4, 6]))
        elif k == "triangle":
            p.update(n=rng.choice([1, 3]))
        elif k == "cloud":
            p.update(flash=False)
        elif k == "coin":
            p.update(hole=round(rng.uniform(0.2, 0.45), 2), rot=rng.choice([0, 45, 20]), rim=rng.random() < 0.5)
        elif k == "shield":
            p.update(inner=rng.choice(["check", "star", "bars", "hollow"]))
        elif k == "dots":
            p.update(n=rng.choice([2, 3]))
        elif k == "plus":
            p.update(w=round(rng.uniform(0.25, 0.38), 2))
        elif k == "pinwheel":
            p.update(n=rng.choice([3, 4, 5, 6]))
        return p

    @staticmethod
    def gen_picto(rng):
        return {"k": rng.choice(PICTO)}

    @staticmethod
    def gen_fintool(rng):
        return {"k": rng.choice(FINTOOL)}

    @staticmethod
    def gen_char(rng):
        return {"k": "char", "text": rng.choice(NEG_CHARS), "frame": rng.choice(["none", "none", "square", "circle", "underline"]),
                "stroke": rng.choice([0.0, 0.0, 0.03])}

    def neg_spec(self, rng, tpls, colours, gen, radius=None):
        tpl = rng.choice(tpls)
        c1 = rng.choice(colours)
        grad = rng.choice(["flat", "v", "v", "d", "r"])
        c2 = shade(c1, dl=rng.uniform(-0.12, 0.14), dh=rng.uniform(-25, 25)) if grad != "flat" else c1
        if tpl == "split":
            c2 = shade(c1, dl=rng.uniform(0.12, 0.25))
        em, fair = self.fair_emblem(gen, tpl, rng)
        spec = {"tpl": tpl, "c1": c1, "c2": c2, "grad": grad, "em": em,
                "radius": radius if radius is not None else rng.choice([0.22, 0.22, 0.2, 0.18, 0.24, 0.0])}
        return spec, fair

    # -- positives
    def official_state(self, a):
        img, m = self.official[a["icon_file"]]
        return St(img, m)

    def finalize(self, st, rng, out_kind="store"):
        W, H = st.img.size
        if max(W, H) / min(W, H) < 1.04:
            L = rng.choice([96, 108, 120, 128, 144, 160, 180, 192, 216, 256, 300, 384, 512])
            s_resize(st, L, L)
        else:
            long = rng.choice([360, 420, 480, 560, 640])
            s = long / max(W, H)
            s_resize(st, max(1, round(W * s)), max(1, round(H * s)))
        if has_alpha(st.img):
            r = rng.random()
            if r < 0.45:
                s_flatten(st, (255, 255, 255))
            elif r < 0.52:
                s_flatten(st, (0, 0, 0))
        return {"out_px": list(st.img.size)}

    def altered_official(self, a, kind, rng, name, mild=False):
        """official icon of `a` altered by `kind`; retried until the emblem stays recognisable"""
        for attempt in range(14):
            st = self.official_state(a)
            work = rng.choice([256, 320, 384, 512])
            s_resize(st, work, work)
            ctx = {"spec": a["spec"], "work": work, "name": name}
            p = {"kind": kind}
            p.update(KIND_FN[kind](st, rng, ctx, mild))
            p.update(self.finalize(st, rng))
            ok, met = recognisable(st)
            if ok:
                p["recognisable"] = met
                p["attempt"] = attempt
                return st.img, p
        raise RuntimeError(f"could not keep emblem recognisable: {a['app_id']} {kind} {met}")

    def pkg_lookalike(self, pkg, rng):
        for _ in range(50):
            r = rng.random()
            parts = pkg.split(".")
            if r < 0.3:
                subs = [("i", "l"), ("l", "i"), ("o", "0"), ("m", "rn"), ("b", "d"), ("c", "cc"), ("n", "nn"), ("a", "e")]
                rng.shuffle(subs)
                q = None
                for x, y in subs:
                    idx = [i for i, ch in enumerate(pkg) if pkg.startswith(x, i) and i > pkg.find(".")]
                    if idx:
                        i = rng.choice(idx)
                        q = pkg[:i] + y + pkg[i + len(x):]
                        break
                if q is None:
                    continue
            elif r < 0.6:
                q = pkg + "." + rng.choice(["pro", "lite", "mobile", "app", "v2", "hd", "plus", "new", "vip", "official"])
            elif r < 0.8:
                q = ".".join([rng.choice(["cn", "net", "org", "io", "com"])] + parts[1:]) if len(parts) > 1 else "cn." + pkg
            else:
                q = ".".join(parts[:-1] + [parts[-1] + rng.choice(["_app", "2", "x", "_new", "hd"])]) if len(parts) > 1 else pkg + "x"
            if q not in self.official_pkgs and q != pkg:
                return q
        return pkg + ".fake"

    def brand_base(self, a, rng):
        return rng.choice([a["names"][0], a["names"][0], a["brand_keywords"][0], a["pyk"]])

    def name_variant(self, kind, a, rng):
        base = self.brand_base(a, rng)
        if kind == "suffix":
            if rng.random() < 0.8:
                return base + rng.choice(SUFFIX), {"base": base}
            return rng.choice(PREFIX) + base, {"base": base}
        if kind == "emoji":
            e = rng.choice(EMOJI)
            r = rng.random()
            if r < 0.35:
                n = e + base
            elif r < 0.7:
                n = base + e + rng.choice(["", rng.choice(SUFFIX)])
            else:
                i = rng.randint(1, len(base) - 1)
                n = base[:i] + e + base[i:]
            return n, {"base": base, "emoji": e}
        if kind == "traditional":
            cands = [b for b in dict.fromkeys(a["names"] + [a["pyk"]] + a["brand_keywords"]) if any(c in T2 for c in b)]
            base = rng.choice(cands)
            n = "".join(T2.get(c, c) for c in base)
            if rng.random() < 0.3:
                n += rng.choice(["官方版", "極速版", "貸款"])
            return n, {"base": base}
        if kind == "doubled":
            cands = [i for i, c in enumerate(base) if has_cjk(c)]
            i = rng.choice(cands)
            return base[:i + 1] + base[i] + base[i + 1:], {"base": base, "doubled_index": i}
        if kind == "pinyin":
            py = a["py"]
            r = rng.random()
            if r < 0.3:
                n = "".join(py)
            elif r < 0.55:
                n = "".join(s.capitalize() for s in py)
            elif r < 0.8:
                k = max(1, len(py) // 2)
                n = "".join(py[:k]) + a["pyk"][k:]
            else:
                n = " ".join(py) + rng.choice([" app", " 官方", " 手机版", ""])
            return n, {"base": a["pyk"]}
        if kind == "spacing":
            r = rng.random()
            lat = [k for k in a["brand_keywords"] if k.isascii()]
            if lat and r < 0.3:
                k = rng.choice(lat)
                return "".join(FULLW.get(c, c) for c in k) + rng.choice(["手机银行", "官方", "APP", ""]), {"base": k, "form": "fullwidth"}
            if "国" in base and r < 0.55:
                return base.replace("国", "囯"), {"base": base, "form": "homoglyph"}
            sep = rng.choice([" ", "·", " ", "-", "."])
            if rng.random() < 0.5:
                n = sep.join(base)
            else:
                i = rng.randint(1, len(base) - 1)
                n = base[:i] + sep + base[i:]
            return n, {"base": base, "form": "separator", "sep": sep}
        raise KeyError(kind)

    def pick_store(self, rng, allow_ios=True):
        while True:
            s = rng.choices(SOURCES_STORE, STORE_W)[0]
            if allow_ios or s != "apple_appstore_cn":
                return s

    def generic_icon(self, rng, gen=None, tpls=None, colours=None):
        spec, fair = self.neg_spec(rng, tpls or TEMPLATES, colours or GEN_COLOURS, gen or rng.choice([self.gen_picto, self.gen_abstract]))
        size = rng.choice([128, 192, 256, 384, 512])
        img, m = render_icon(spec, size)
        return St(img, m), spec, fair

    def build_positive(self, job, rng):
        a = self.by_id[job["target"]]
        kind = job["sub"]
        src = self.pick_store(rng)
        ios = src == "apple_appstore_cn"
        L = {"source": src, "name": None, "package_id": None, "developer": None, "cert_sha256": None, "icon": None, "url": None}
        params = {"kind": kind}
        img = None
        if job["group"] == "icon":
            name = gen_name(rng)
            while not self.name_is_neutral(name):
                name = gen_name(rng)
            pkg = gen_pkg(rng, ios)
            img, p = self.altered_official(a, kind, rng, name)
            params.update(p)
            L.update(name=name, package_id=pkg, developer=gen_dev(rng), cert_sha256=None if ios else fmt_cert(hexcert(rng), rng))
        else:
            dev = gen_dev(rng)
            cert = None if ios else fmt_cert(hexcert(rng), rng)
            pkg = gen_pkg(rng, ios)
            if kind in ("suffix", "emoji", "traditional", "doubled", "pinyin", "spacing"):
                name, p = self.name_variant(kind, a, rng)
                params.update(p)
            elif kind == "pkg_lookalike":
                name = rng.choice([a["names"][0], a["names"][0], a["names"][-1], self.name_variant("suffix", a, rng)[0]])
                base_pkg = a["package_ids"][1 if ios else 0]
                pkg = self.pkg_lookalike(base_pkg, rng)
                if rng.random() < 0.5:
                    od = a["developers"][0]
                    dev = rng.choice([od.replace("股份有限公司", "科技有限公司"), rng.choice(DEV_CITY) + od,
                                      od.replace("有限公司", "(深圳)有限公司"), od[:-4] + "服务中心"])
                params.update({"official_package": base_pkg, "lookalike_developer": dev if dev not in self.official_devs else None})
            elif kind == "dev_spoof":
                src = rng.choice(["huawei_appgallery", "xiaomi_getapps", "tencent_myapp", "vivo_appstore", "oppo_appmarket",
                                  "apk_download_site", "wandoujia", "baidu_mobile_assistant"])
                ios = False
                L["source"] = src
                name = rng.choice([a["names"][0], a["names"][0], rng.choice(a["names"])])
                dev = a["developers"][0]
                cert = fmt_cert(hexcert(rng), rng)
                if rng.random() < 0.6:
                    pkg = a["package_ids"][0]
                    params["package"] = "official"
                else:
                    pkg = self.pkg_lookalike(a["package_ids"][0], rng)
                    params["package"] = "lookalike"
            elif kind == "mini_program":
                src = rng.choice(["wechat_miniprogram", "wechat_miniprogram", "alipay_miniprogram"])
                L["source"] = src
                name = rng.choice([a["brand_keywords"][0], a["names"][0], a["pyk"]]) + rng.choice(MINI_SUFFIX)
                pkg = ("wx" + "%016x" % rng.getrandbits(64)) if src == "wechat_miniprogram" else ("2021" + "%012d" % rng.randrange(10**12))
                cert = None
                ios = True  # no apk
            elif kind == "official_account":
                src = "wechat_official_account"
                L["source"] = src
                name = rng.choice([a["brand_keywords"][0], a["names"][0]]) + rng.choice(OA_SUFFIX)
                pkg, cert = None, None
                dev = rng.choice([gen_dev(rng), None])
            elif kind == "web_apk":
                src = rng.choice(["web", "apk_download_site"])
                L["source"] = src
                name = rng.choice([a["names"][0], self.name_variant("suffix", a, rng)[0]])
                pkg = self.pkg_lookalike(a["package_ids"][0], rng)
                dev = None
                cert = fmt_cert(hexcert(rng), rng)
            else:
                raise KeyError(kind)
            params["icon_mode"] = mode = rng.choices(["official", "mild", "generic", "none"], [30, 35, 20, 15])[0]
            if mode == "official":
                st = self.official_state(a)
                if src in ("wechat_miniprogram", "alipay_miniprogram", "wechat_official_account"):
                    s_circle_mask(st)
                params.update(self.finalize(st, rng))
                ok, met = recognisable(st)
                assert ok, (a["app_id"], met)
                params["recognisable"] = met
                img = st.img
            elif mode == "mild":
                k = rng.choice(["badge", "text_band", "rerender", "tile_bg", "hue", "jpeg", "frame", "ribbon"])
                img, p = self.altered_official(a, k, rng, name, mild=True)
                params["icon_alteration"] = p
            elif mode == "generic":
                st, spec, fair = self.generic_icon(rng)
                self.finalize(st, rng)
                img = st.img
                params["icon_generic"] = {"template": spec["tpl"], "emblem": spec["em"]["k"], **fair}
            L.update(name=name, package_id=pkg, developer=dev, cert_sha256=cert)
            if kind == "web_apk":
                L["url"] = f"http://{''.join(a['py'][:2])}-{rng.choice(['app', 'vip', 'dl', 'download', 'mobile'])}.{rng.choice(TLD[3:])}/{pkg}.apk"
        if L["url"] is None and L["package_id"] and L["source"] in SOURCES_STORE:
            L["url"] = store_url(L["source"], L["package_id"], rng) if rng.random() < 0.8 else None
        label = {"expected": "counterfeit", "target_app_id": a["app_id"], "accept_app_ids": a["same_icon"],
                 "target_institution": a["institution"]}
        return L, label, params, img

    # -- negatives
    def build_negative(self, job, rng):
        kind = job["sub"]
        L = {"source": None, "name": None, "package_id": None, "developer": None, "cert_sha256": None, "icon": None, "url": None}
        params = {"kind": kind}
        img = None
        if kind in ("official", "official_renamed", "official_mini"):
            a = self.by_id[job["official"]]
            if kind == "official_mini":
                src = "wechat_miniprogram"
                pkg = a["mini_appid"]
                cert = None
                name = rng.choice(a["names"])
            else:
                src = job.get("store") or self.pick_store(rng)
                ios = src == "apple_appstore_cn"
                pkg = a["package_ids"][1] if ios else a["package_ids"][0]
                if src == "huawei_appgallery" and len(a["package_ids"]) > 2 and a["package_ids"][2].endswith("harmony"):
                    pkg = rng.choice([a["package_ids"][0], a["package_ids"][2]])
                cert = None if ios else (fmt_cert(rng.choice(a["certs"]), rng) if rng.random() < 0.9 else None)
                name = rng.choice(a["names"])
                if kind == "official_renamed":
                    slog = ["-安全便捷", "（官方）", "-新版上线", " 官方"]
                    if a["institution"].endswith("银行") and not a["names"][0].endswith("银行"):
                        slog.append(" 信用卡·理财·生活")
                    elif a["institution"].endswith("银行"):
                        slog.append(" - 手机银行")
                    name = a["names"][0] + rng.choice(slog)
            dev = a["developers"][-1] if (src == "apple_appstore_cn" and len(a["developers"]) > 1) else a["developers"][0]
            st = self.official_state(a)
            sm = k_store_mask(st, rng, {}) if src != "wechat_miniprogram" else (s_circle_mask(st) or {"shape": "circle"})
            params.update({"official_app_id": a["app_id"], "store_shape": sm["shape"]})
            params.update(self.finalize(st, rng))
            img = st.img
            L.update(source=src, name=name, package_id=pkg, developer=dev, cert_sha256=cert)
        elif kind in ("template", "template_decorated", "ordinary", "fin_tool"):
            if kind in ("template", "template_decorated"):
                tpls = ["disc", "disc", "disc", "wsq", "wsq", "white", "white", "ring", "grad", "text", "flat"]
                colours = FIN_COLOURS if rng.random() < 0.7 else GEN_COLOURS
                gen = rng.choice([self.gen_picto, self.gen_picto, self.gen_abstract, self.gen_char])
                name = gen_name(rng)
            elif kind == "ordinary":
                tpls = ["grad", "grad", "flat", "split", "ring", "white", "disc"]
                colours = GEN_COLOURS
                gen = rng.choice([self.gen_picto, self.gen_picto, self.gen_abstract])
                name = gen_name(rng)
            else:
                tpls = ["disc", "wsq", "white", "grad", "flat", "ring"]
                colours = FIN_COLOURS if rng.random() < 0.6 else GEN_COLOURS
                gen = self.gen_fintool
                name = rng.choice(FIN_TOOL_NAMES) + rng.choice(GEN_SUFFIX)
            if kind == "template" and rng.random() < 0.3:
                tpls = ["text"]
                gen = lambda r: {"k": "initials", "text": r.choice(LOGO_WORDS), "font": r.choice(["sans", "serif"])}
            while not self.name_is_neutral(name):
                name = gen_name(rng)
            spec, fair = self.neg_spec(rng, tpls, colours, gen)
            params.update({"template": spec["tpl"], "emblem": spec["em"], "c1": spec["c1"], **fair})
            img, m = render_icon(spec, rng.choice([192, 256, 384, 512]))
            st = St(img, m)
            if kind == "template_decorated":
                k = rng.choice(["badge", "ribbon", "tile_rot", "tile_bg", "text_band", "screenshot", "jpeg", "crop", "stamp",
                                "hue", "frame", "combo", "perspective"])
                work = rng.choice([256, 320, 384, 512])
                s_resize(st, work, work)
                ctx = {"spec": spec, "work": work, "name": name}
                params["decoration"] = {"kind": k, **KIND_FN[k](st, rng, ctx)}
            params.update(self.finalize(st, rng))
            img = st.img
            src = self.pick_store(rng)
            ios = src == "apple_appstore_cn"
            L.update(source=src, name=name, package_id=gen_pkg(rng, ios), developer=gen_dev(rng),
                     cert_sha256=None if ios else fmt_cert(hexcert(rng), rng))
        elif kind in ("other_fi", "other_fi_shared_word"):
            fi = job["fi"]
            fname, pkg, dev, ch, ini, col = fi
            spec, fair = self.fi_specs[fname]
            params.update({"institution": fname, "template": spec["tpl"], "emblem": spec["em"], **fair})
            src = self.pick_store(rng)
            ios = src == "apple_appstore_cn"
            st = St(*self.fi_icons[fname])
            if rng.random() < 0.25:
                params["store_shape"] = k_store_mask(st, rng, {})["shape"]
            params.update(self.finalize(st, rng))
            img = st.img
            name = fname + rng.choice(["", "", "手机银行" if "银行" in fname else "", "APP", ""])
            L.update(source=src, name=name, package_id=pkg + (".ios" if ios else ""), developer=dev,
                     cert_sha256=None if ios else fmt_cert(self.fi_cert[fname], rng))
        else:
            raise KeyError(kind)
        if L["package_id"] and L["source"] in SOURCES_STORE and rng.random() < 0.8:
            L["url"] = store_url(L["source"], L["package_id"], rng)
        label = {"expected": "none", "target_app_id": None, "accept_app_ids": [], "target_institution": None}
        return L, label, params, img

    def prepare_fi(self):
        self.fi_specs, self.fi_icons, self.fi_cert = {}, {}, {}
        for fi in NEG_FI + SHARED_FI:
            fname, pkg, dev, ch, ini, col = fi
            r = random.Random(f"{SEED}:fi:{fname}")
            choice = r.random()
            if choice < 0.4:
                gen = lambda rr, ch=ch: {"k": "char", "text": ch, "frame": rr.choice(["none", "square", "circle"]),
                                         "stroke": rr.choice([0.0, 0.03])}
                tpls = ["disc", "wsq", "white", "ring", "flat", "grad"]
            elif choice < 0.65:
                gen = lambda rr, ini=ini: {"k": "initials", "text": ini, "font": rr.choice(["sans", "serif"])}
                tpls = ["text", "text", "white", "grad"]
            else:
                gen = self.gen_abstract
                tpls = ["disc", "wsq", "white", "ring", "grad", "flat"]
            tpl = r.choice(tpls)
            em, fair = self.fair_emblem(gen, tpl, r)
            c2 = shade(col, dl=r.uniform(-0.1, 0.12), dh=r.uniform(-15, 15))
            spec = {"tpl": tpl, "c1": col, "c2": c2, "grad": r.choice(["flat", "v", "d"]), "em": em,
                    "radius": r.choice([0.22, 0.2, 0.0])}
            self.fi_specs[fname] = (spec, fair)
            self.fi_icons[fname] = render_icon(spec, r.choice([192, 256, 512]))
            self.fi_cert[fname] = hexcert(r)

    # -- jobs
    def make_jobs(self):
        rng = random.Random(f"{SEED}:jobs")
        counts = {a["app_id"]: 0 for a in self.apps}
        textual = {a["app_id"] for a in self.apps if a["spec"]["em"]["k"] in TEXT_KINDS}
        symmetric = {a["app_id"] for a in self.apps
                     if iou(emblem_shape(a["spec"]["em"]), emblem_shape(a["spec"]["em"])[:, ::-1]) > 0.85}
        def pick(eligible):
            m = min(counts[x] for x in eligible)
            c = sorted(x for x in eligible if counts[x] == m)
            x = rng.choice(c)
            counts[x] += 1
            return x
        jobs = []
        all_ids = [a["app_id"] for a in self.apps]
        for kind, n, _ in ICON_KINDS:
            el = [x for x in all_ids if x not in textual and x not in symmetric] if kind == "flip" else all_ids
            for i in range(n):
                jobs.append({"uid": f"pos:icon:{kind}:{i}", "pos": True, "group": "icon", "sub": kind, "target": pick(el)})
        for kind, n, _ in NAME_KINDS:
            el = all_ids
            if kind == "traditional":
                el = [a["app_id"] for a in self.apps if any(c in T2 for c in "".join(a["names"] + a["brand_keywords"] + [a["pyk"]]))]
            for i in range(n):
                jobs.append({"uid": f"pos:name:{kind}:{i}", "pos": True, "group": "name", "sub": kind, "target": pick(el)})
        minis = [a["app_id"] for a in self.apps if a.get("mini_appid")]
        stores_extra = ["apple_appstore_cn", "huawei_appgallery", "xiaomi_getapps", "tencent_myapp"]
        for kind, n, _ in NEG_KINDS:
            for i in range(n):
                j = {"uid": f"neg:{kind}:{i}", "pos": False, "group": "neg", "sub": kind}
                if kind == "official":
                    j["official"] = all_ids[i % len(all_ids)]
                    if i >= len(all_ids):
                        j["store"] = stores_extra[i % len(stores_extra)]
                elif kind == "official_renamed":
                    j["official"] = all_ids[(i * 7 + 3) % len(all_ids)]
                elif kind == "official_mini":
                    j["official"] = minis[i % len(minis)]
                elif kind == "other_fi":
                    j["fi"] = NEG_FI[i % len(NEG_FI)]
                elif kind == "other_fi_shared_word":
                    j["fi"] = SHARED_FI[i % len(SHARED_FI)]
                jobs.append(j)
        rng.shuffle(jobs)
        return jobs, counts


def sha_dir(root):
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(str(p.relative_to(root)).encode())
            h.update(b"\0")
            h.update(p.read_bytes())
    return h.hexdigest()


def contact_sheet(items, path, cols, tile=128, label_h=34):
    rows = (len(items) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * (tile + 8) + 8, rows * (tile + label_h + 8) + 8), (236, 236, 240))
    for i, (img, lab1, lab2, border) in enumerate(items):
        x = 8 + (i % cols) * (tile + 8)
        y = 8 + (i // cols) * (tile + label_h + 8)
        im = img.convert("RGBA")
        s = tile / max(im.size)
        im = im.resize((max(1, round(im.width * s)), max(1, round(im.height * s))), RS.LANCZOS)
        chk = Image.new("RGBA", (tile, tile), (200, 200, 205, 255))
        d = ImageDraw.Draw(chk)
        for cy in range(0, tile, 16):
            for cx in range(0, tile, 16):
                if (cx // 16 + cy // 16) % 2:
                    d.rectangle((cx, cy, cx + 15, cy + 15), fill=(225, 225, 230, 255))
        chk.alpha_composite(im, ((tile - im.width) // 2, (tile - im.height) // 2))
        sheet.paste(chk.convert("RGB"), (x, y))
        if border:
            ImageDraw.Draw(sheet).rectangle((x - 3, y - 3, x + tile + 2, y + tile + 2), outline=border, width=3)
        d = ImageDraw.Draw(sheet)
        d.text((x, y + tile + 2), lab1[:20], font=font(CJK_FONT, 12), fill=(20, 20, 20))
        d.text((x, y + tile + 17), lab2[:22], font=font(CJK_FONT, 11), fill=(90, 90, 90))
    sheet.save(path)


def main():
    t0 = time.time()
    b = Builder()
    if OUT.exists():
        shutil.rmtree(OUT)
    (ICONS / "official").mkdir(parents=True)
    (ICONS / "listings").mkdir(parents=True)

    worst = b.check_protected_distinct()
    assert worst[0][0] < 0.7, f"protected emblems too alike: {worst[0]}"

    # official icons
    prot_rows = []
    sheet_off = []
    for a in b.apps:
        if a["icon_file"] not in b.official:
            img, m = render_icon(a["spec"], a["size"])
            b.official[a["icon_file"]] = (img, m)
            img.save(ICONS / a["icon_file"])
        row = {"app_id": a["app_id"], "institution": a["institution"], "names": a["names"],
               "brand_keywords": a["brand_keywords"], "package_ids": a["package_ids"], "developers": a["developers"],
               "cert_sha256": [c.upper() for c in a["certs"]], "icon": a["icon_file"]}
        prot_rows.append(row)
        sheet_off.append((b.official[a["icon_file"]][0], a["app_id"], a["names"][0], None))
    with open(OUT / "protected.jsonl", "w", encoding="utf-8") as f:
        for r in prot_rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    b.prepare_fi()
    jobs, counts = b.make_jobs()
    listings, labels = [], []
    sheet_items = {}
    for i, job in enumerate(jobs):
        rng = random.Random(f"{SEED}:{job['uid']}")
        if job["pos"]:
            L, lab, params, img = b.build_positive(job, rng)
            case = f"pos_{job['group']}_{job['sub']}"
        else:
            L, lab, params, img = b.build_negative(job, rng)
            case = f"neg_{job['sub']}"
        lid = f"s15-{i + 1:04d}"
        row = {"listing_id": lid, "source": L["source"], "name": L["name"], "package_id": L["package_id"],
               "developer": L["developer"], "cert_sha256": L["cert_sha256"], "icon": None, "url": L["url"],
               "first_seen": rand_date(rng), "changed_at": None}
        if rng.random() < 0.2:
            row["changed_at"] = rand_date(rng, row["first_seen"], 120)
        if img is not None:
            rel = f"listings/{i + 1:04d}.png"
            if not has_alpha(img):
                img = img.convert("RGB")
            img.save(ICONS / rel)
            row["icon"] = rel
            th = img.copy()
            th.thumbnail((128, 128), RS.LANCZOS)
            sheet_items.setdefault(case, []).append((th, lid, case, (200, 30, 30) if job["pos"] else (30, 150, 60)))
        listings.append(row)
        labels.append({"listing_id": lid, "expected": lab["expected"], "case": case, "target_app_id": lab["target_app_id"],
                       "accept_app_ids": lab["accept_app_ids"], "target_institution": lab["target_institution"], "params": params})

    # name neutrality / schema sanity
    for row, lab in zip(listings, labels):
        if lab["case"].startswith("pos_icon") or lab["case"] in ("neg_template", "neg_template_decorated", "neg_ordinary",
                                                                  "neg_fin_tool", "neg_other_fi", "neg_other_fi_shared_word"):
            assert b.name_is_neutral(row["name"]), row
        if lab["case"].startswith("pos_icon") or lab["case"] in ("neg_template", "neg_template_decorated", "neg_ordinary", "neg_fin_tool"):
            assert row["package_id"] not in b.official_pkgs and row["developer"] not in b.official_devs, row
        if row["package_id"] is not None:
            assert " " not in row["package_id"] and len(row["package_id"]) <= 255

    with open(OUT / "listings.jsonl", "w", encoding="utf-8") as f:
        for r in listings:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(OUT / "labels.jsonl", "w", encoding="utf-8") as f:
        for r in labels:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

    # contact sheets (outside out/)
    contact_sheet(sheet_off, HERE / "contact_sheet_official.png", cols=9)
    sample = []
    srng = random.Random(f"{SEED}:sheet")
    for case in sorted(sheet_items):
        its = sheet_items[case]
        sample += srng.sample(its, min(len(its), 3 if case.startswith("pos_icon") or case in ("neg_template", "neg_template_decorated") else 2))
    contact_sheet(sample, HERE / "contact_sheet_listings.png", cols=10)

    from collections import Counter
    cc = Counter(l["case"] for l in labels)
    ex = Counter(l["expected"] for l in labels)
    print(f"protected apps: {len(b.apps)} of {len({a['inst'] for a in b.apps})} institutions; "
          f"official icon files: {len(b.official)}")
    print(f"listings: {len(labels)}  {dict(ex)}")
    for k in sorted(cc):
        print(f"  {k:34s} {cc[k]}")
    print("positives per protected app: min %d max %d" % (min(counts.values()), max(counts.values())))
    print("closest protected emblem pairs (similarity):", [(round(v, 3), x, y) for v, x, y in worst[:3]])
    print(f"sha256(out/) = {sha_dir(OUT)}")
    print(f"time {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
