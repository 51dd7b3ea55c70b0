#!/usr/bin/env python3
"""Holdout set s14 for the look-alike (counterfeit-app) detector.

Written from the two input schemas (protected.schema.json, listing.schema.json) and the
"## Inputs" section of docs/engines/lookalike.md only -- without reading the detector.

Run from the repository root:
    .venv/bin/python bench/lookalike/holdout_s14/make_set.py

Deletes and rewrites bench/lookalike/holdout_s14/out/ (protected.jsonl, listings.jsonl,
labels.jsonl, icons/, MANIFEST.sha256) and the two contact sheets next to this file.
Deterministic: fixed seed 1414, numpy + Pillow + the standard library only, no system fonts
(Latin text uses Pillow's bundled default font; Chinese characters are procedural glyphs).
"""
from __future__ import annotations

import colorsys
import hashlib
import io
import json
import math
import re
import shutil
import sys
import zlib
from functools import cache
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw, ImageEnhance, ImageFilter, ImageFont, ImageOps

SEED = 1414
HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
ICONS = OUT / "icons"
N = 256          # icon side
SS = 3           # supersampling factor for drawing
S = N * SS       # drawing canvas side

VIS_MIN = 0.45        # positives: share of the distinctive content that must stay visible
CONTRAST_MIN = 38.0   # positives: RGB distance between content and the field around it
IOU_SAME_STYLE = 0.50 # negatives: max mask IoU with any protected icon of the same style
IOU_ANY = 0.60        # negatives: max mask IoU with any protected icon at all
IOU_PROTECTED = 0.70  # protected icons of different institutions must differ at least this much


def rng(*keys) -> np.random.Generator:
    return np.random.default_rng([SEED] + [zlib.crc32(str(k).encode("utf-8")) for k in keys])


def hx(c):
    if isinstance(c, tuple):
        return c
    c = c.lstrip("#")
    return tuple(int(c[i:i + 2], 16) for i in (0, 2, 4))


def to_hex(c):
    return "#{:02X}{:02X}{:02X}".format(*tuple(int(v) for v in c))


@cache
def font(px: int):
    return ImageFont.load_default(size=max(6, int(px)))


def U(r, a, b):
    return float(r.uniform(a, b))


def pick(r, seq):
    return seq[int(r.integers(len(seq)))]


# ----------------------------------------------------------------------------------------------
# procedural CJK-like glyphs (no CJK font is assumed on the machine)
# ----------------------------------------------------------------------------------------------

def _bez(p0, p1, p2, n=14):
    out = []
    for i in range(n + 1):
        t = i / n
        out.append(((1 - t) ** 2 * p0[0] + 2 * (1 - t) * t * p1[0] + t * t * p2[0],
                    (1 - t) ** 2 * p0[1] + 2 * (1 - t) * t * p1[1] + t * t * p2[1]))
    return out


def _component(r, box):
    """2-6 strokes built from a radical-like template plus a few extra strokes."""
    x0, y0, x1, y1 = box

    def m(u, v):
        return (x0 + (x1 - x0) * u, y0 + (y1 - y0) * v)

    def H(v, a=.05, b=.95):
        return [m(a, v), m(b, v - .025)]

    def V(u, a=.03, b=.97):
        return [m(u, a), m(u, b)]

    tpl = pick(r, ["shi", "kou", "ri", "wang", "mu", "ren", "yue", "tu", "men", "shui", "nv", "kou", "wang", "ri"])
    out = []
    if tpl == "shi":
        out += [H(U(r, .35, .55)), V(U(r, .42, .58))]
    elif tpl == "kou":
        a = U(r, .1, .22)
        out += [[m(a, .2), m(a, .88)], [m(a, .2), m(1 - a, .2), m(1 - a, .88)], H(.86, a, 1 - a)]
    elif tpl == "ri":
        out += [[m(.18, .05), m(.18, .95)], [m(.18, .05), m(.82, .05), m(.82, .95)], H(.5, .18, .82), H(.93, .18, .82)]
    elif tpl == "wang":
        out += [H(.08, .12, .88), H(.5, .18, .82), H(.94, .02, .98), V(.5, .08, .94)]
    elif tpl == "mu":
        out += [H(.3), V(.5), _bez(m(.48, .35), m(.35, .65), m(.02, .88)), _bez(m(.52, .35), m(.65, .65), m(.98, .88))]
    elif tpl == "ren":
        out += [_bez(m(.5, .03), m(.45, .55), m(.03, .95)), _bez(m(.47, .35), m(.6, .75), m(.98, .95))]
    elif tpl == "yue":
        out += [_bez(m(.2, .05), m(.22, .75), m(.04, .97)), [m(.2, .05), m(.8, .05), m(.8, .97), m(.66, .9)],
                H(.38, .22, .78), H(.66, .22, .78)]
    elif tpl == "tu":
        out += [H(.4, .15, .85), V(.5, .05, .92), H(.94, .02, .98)]
    elif tpl == "men":
        out += [[m(.12, .03), m(.12, .97)], [m(.3, .03), m(.88, .03), m(.88, .97), m(.74, .9)], [m(.2, .0), m(.28, .1)]]
    elif tpl == "shui":
        out += [[m(.5, .02), m(.5, .92), m(.38, .84)], [m(.1, .35), m(.36, .35), m(.08, .8)],
                _bez(m(.85, .18), m(.62, .42), m(.55, .48)), _bez(m(.56, .5), m(.75, .8), m(.98, .95))]
    elif tpl == "nv":
        out += [_bez(m(.45, .03), m(.3, .5), m(.75, .95)), _bez(m(.72, .3), m(.6, .7), m(.05, .95)), H(.38, .02, .98)]
    for _ in range(int(pick(r, [0, 1, 1, 2]))):
        k = pick(r, ["D", "H", "T", "D", "P"])
        if k == "D":
            u, v = U(r, .1, .75), U(r, .0, .25)
            out.append([m(u, v), m(u + .12, v + .13)])
        elif k == "H":
            out.append(H(U(r, .1, .9), U(r, 0, .2), U(r, .8, 1)))
        elif k == "T":
            out.append([m(.04, .8), m(.4, .6)])
        else:
            out.append(_bez(m(.85, .02), m(.6, .2), m(.3, .3)))
    return out


@cache
def glyph_strokes(seed: int):
    r = rng("glyph", seed)
    struct = pick(r, ["single", "lr", "tb", "lr", "enclose", "lr", "tb", "lr"])
    boxes = {"single": [(.08, .06, .92, .94)],
             "lr": [(.04, .1, .4, .9), (.48, .03, .96, .97)],
             "tb": [(.08, .02, .92, .42), (.04, .52, .96, .98)],
             "enclose": [(.27, .27, .73, .74)]}[struct]
    strokes = []
    if struct == "enclose":
        strokes.append([(.1, .92), (.1, .08), (.9, .08), (.9, .92)])
        strokes.append([(.1, .9), (.9, .9)])
    for b in boxes:
        strokes += _component(r, b)
    return struct, strokes


def draw_line(d, pts, w, fill):
    w = max(1, int(round(w)))
    d.line(pts, fill=fill, width=w, joint="curve")
    rr = w / 2
    for x, y in (pts[0], pts[-1]):
        d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=fill)


def draw_glyph(d, seed, box, fill, weight=0.075):
    x0, y0, x1, y1 = box
    side = min(x1 - x0, y1 - y0)
    _, strokes = glyph_strokes(seed)
    for s in strokes:
        pts = [(x0 + (x1 - x0) * u, y0 + (y1 - y0) * v) for u, v in s]
        draw_line(d, pts, side * weight, fill)


def draw_glyph_row(d, seeds, cx, cy, h, fill, gap=0.12, weight=0.085, vertical=False):
    n = len(seeds)
    for i, s in enumerate(seeds):
        off = (i - (n - 1) / 2) * h * (1 + gap)
        gx, gy = (cx, cy + off) if vertical else (cx + off, cy)
        draw_glyph(d, s, (gx - h / 2, gy - h / 2, gx + h / 2, gy + h / 2), fill, weight)


# ----------------------------------------------------------------------------------------------
# emblem parts
# ----------------------------------------------------------------------------------------------

def pts_circle(cx, cy, r, n, start=-90.0):
    return [(cx + r * math.cos(math.radians(start + 360 * i / n)),
             cy + r * math.sin(math.radians(start + 360 * i / n))) for i in range(n)]


def ring(d, cx, cy, r, w, fill):
    d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=fill, width=max(1, int(round(w))))


def closed(d, pts, w, fill):
    draw_line(d, list(pts) + [pts[0], pts[1]], w, fill)


def star_pts(cx, cy, r, n, inner, start=-90.0):
    out = []
    for i in range(2 * n):
        rr = r if i % 2 == 0 else r * inner
        a = math.radians(start + 180 * i / n)
        out.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return out


def draw_part(d, kind, p, cx, cy, r, fill, lw):
    inv = 0 if fill else 255
    W = r * p["t"] if "t" in p else lw
    box = [cx - r, cy - r, cx + r, cy + r]
    if kind == "ring":
        ring(d, cx, cy, r, W, fill)
    elif kind == "ring_gap":
        st, gap = p.get("start", 0), p.get("gap", 60)
        d.arc(box, st + gap, st + 360, fill=fill, width=max(1, int(W)))
    elif kind == "dot":
        d.ellipse(box, fill=fill)
    elif kind == "coin":
        d.ellipse(box, fill=fill)
        h = r * p.get("hole", .35)
        d.polygon(pts_circle(cx, cy, h * math.sqrt(2), 4, start=45 + p.get("rot", 0)), fill=inv)
        if p.get("rim"):
            ring(d, cx, cy, r * .8, r * .06, inv)
    elif kind == "zhong":
        ring(d, cx, cy, r, r * .13, fill)
        s = r * .42
        d.rounded_rectangle([cx - s * 1.15, cy - s * .78, cx + s * 1.15, cy + s * .78], radius=s * .25,
                            outline=fill, width=max(1, int(r * .12)))
        d.rectangle([cx - r * .07, cy - r * .95, cx + r * .07, cy + r * .95], fill=fill)
    elif kind == "ibeam":
        w = r * .24
        d.rectangle([cx - r * .8, cy - r * .78, cx + r * .8, cy - r * .78 + w], fill=fill)
        d.rectangle([cx - w / 2, cy - r * .78, cx + w / 2, cy + r * .78], fill=fill)
        d.rectangle([cx - r * .8, cy + r * .78 - w, cx + r * .8, cy + r * .78], fill=fill)
    elif kind == "rings":
        n = p.get("n", 2)
        rr = r * .56
        if n == 2:
            cs = [(cx - r * .42, cy), (cx + r * .42, cy)]
        else:
            cs = pts_circle(cx, cy + r * .05, r * .44, 3)
        for x, y in cs:
            ring(d, x, y, rr, W * .9, fill)
    elif kind == "petals":
        n, wid, rot = p.get("n", 5), p.get("wid", .25), p.get("rot", -90)
        for i in range(n):
            a = math.radians(rot + 360 * i / n)
            pcx, pcy = cx + math.cos(a) * r * .5, cy + math.sin(a) * r * .5
            poly = []
            for u in np.linspace(0, 2 * math.pi, 48, endpoint=False):
                ex, ey = r * .5 * math.cos(u), r * wid * math.sin(u)
                poly.append((pcx + math.cos(a) * ex - math.sin(a) * ey, pcy + math.sin(a) * ex + math.cos(a) * ey))
            d.polygon(poly, fill=fill)
        if p.get("hole", 0):
            h = r * p["hole"]
            d.ellipse([cx - h, cy - h, cx + h, cy + h], fill=inv)
    elif kind == "diamond":
        d.polygon(pts_circle(cx, cy, r, 4), fill=fill)
        inner = p.get("inner", "none")
        if inner == "small":
            d.polygon(pts_circle(cx, cy, r * .42, 4), fill=inv)
        elif inner == "cross":
            w = r * .12
            d.rectangle([cx - w, cy - r * .62, cx + w, cy + r * .62], fill=inv)
            d.rectangle([cx - r * .62, cy - w, cx + r * .62, cy + w], fill=inv)
        elif inner == "outline":
            closed(d, pts_circle(cx, cy, r * .7, 4), r * .08, inv)
    elif kind == "nested_diamonds":
        for k in range(p.get("n", 3)):
            closed(d, pts_circle(cx, cy, r * (1 - .3 * k), 4), W, fill)
    elif kind == "square_knot":
        for st in (0, 45):
            closed(d, pts_circle(cx, cy, r * .95, 4, start=45 + st), W, fill)
    elif kind == "zigzag":
        ys = [.65, -.65, .2, -.65, .65] if p.get("shape", "M") == "M" else [-.65, .65, -.2, .65, -.65]
        pts = [(cx + r * x * .82, cy + r * y) for x, y in zip([-1, -.5, 0, .5, 1], ys, strict=False)]
        draw_line(d, pts, W * 1.1, fill)
    elif kind == "chevrons":
        n, dr = p.get("n", 3), p.get("dir", "up")
        for i in range(n):
            o = (i - (n - 1) / 2) * r * .55
            pts = [(-.8, .32 + o / r), (0, -.38 + o / r), (.8, .32 + o / r)]
            if dr == "right":
                pts = [(-y, x) for x, y in pts]
            draw_line(d, [(cx + r * x, cy + r * y) for x, y in pts], W, fill)
    elif kind == "waves":
        n, amp, fr = p.get("n", 2), p.get("amp", .14), p.get("freq", 1.5)
        for i in range(n):
            yo = (i - (n - 1) / 2) * r * .5
            pts = [(cx + r * x, cy + yo + r * amp * math.sin(fr * math.pi * x)) for x in np.linspace(-.9, .9, 48)]
            draw_line(d, pts, W * .9, fill)
    elif kind == "bars":
        n = p.get("n", 4)
        bw = 1.7 * r / (n * 1.45)
        for i in range(n):
            x = cx - .85 * r + i * bw * 1.45
            h = r * (.45 + 1.25 * (i + 1) / n)
            d.rectangle([x, cy + .8 * r - h, x + bw, cy + .8 * r], fill=fill)
    elif kind == "linechart":
        ys = p.get("ys", [.55, .1, .3, -.25, -.05, -.6])
        xs = np.linspace(-.85, .7, len(ys))
        pts = [(cx + r * x, cy + r * y) for x, y in zip(xs, ys, strict=False)]
        draw_line(d, pts, W, fill)
        ex, ey = pts[-1]
        a = math.atan2(ey - pts[-2][1], ex - pts[-2][0])
        hl = W * 2.6
        tip = (ex + math.cos(a) * hl * .8, ey + math.sin(a) * hl * .8)
        d.polygon([tip, (ex + math.cos(a + 2.3) * hl, ey + math.sin(a + 2.3) * hl),
                   (ex + math.cos(a - 2.3) * hl, ey + math.sin(a - 2.3) * hl)], fill=fill)
    elif kind == "mountain":
        n = p.get("n", 2)
        for i in range(n):
            px = cx + (i - (n - 1) / 2) * r * .75
            hgt = r * (1.3 if i == n // 2 else .95)
            d.polygon([(px - r * .6, cy + .65 * r), (px, cy + .65 * r - hgt), (px + r * .6, cy + .65 * r)], fill=fill)
    elif kind == "shield":
        poly = [(cx - .78 * r, cy - .72 * r), (cx, cy - .95 * r), (cx + .78 * r, cy - .72 * r),
                (cx + .72 * r, cy + .12 * r), (cx, cy + .95 * r), (cx - .72 * r, cy + .12 * r)]
        d.polygon(poly, fill=fill)
        inner = p.get("inner", "check")
        if inner == "check":
            draw_line(d, [(cx - .38 * r, cy - .02 * r), (cx - .08 * r, cy + .3 * r), (cx + .42 * r, cy - .32 * r)], r * .15, inv)
        elif inner == "star":
            d.polygon(star_pts(cx, cy - .05 * r, r * .45, 5, .45), fill=inv)
        elif inner == "cross":
            w = r * .11
            d.rectangle([cx - w, cy - .5 * r, cx + w, cy + .5 * r], fill=inv)
            d.rectangle([cx - .42 * r, cy - .12 * r - w, cx + .42 * r, cy - .12 * r + w], fill=inv)
        elif inner == "glyph":
            draw_glyph(d, p["seed"], (cx - .42 * r, cy - .5 * r, cx + .42 * r, cy + .38 * r), inv)
    elif kind == "star":
        d.polygon(star_pts(cx, cy, r, p.get("n", 5), p.get("inner", .45), p.get("rot", -90)), fill=fill)
    elif kind == "hexagon":
        closed(d, pts_circle(cx, cy, r, 6, start=p.get("rot", -90)), W, fill)
    elif kind == "sun":
        rr = r * .45
        d.ellipse([cx - rr, cy - rr, cx + rr, cy + rr], fill=fill)
        n = p.get("n", 12)
        for i in range(n):
            a = math.radians(360 * i / n)
            draw_line(d, [(cx + math.cos(a) * r * .62, cy + math.sin(a) * r * .62),
                          (cx + math.cos(a) * r * .95, cy + math.sin(a) * r * .95)], W * .55, fill)
    elif kind == "monogram":
        s = p["s"]
        fs = r * p.get("fs", 1.5 if len(s) <= 1 else 2.2 / len(s) + .25)
        d.text((cx, cy), s, font=font(fs), anchor="mm", fill=fill, stroke_width=max(1, int(fs * .05)), stroke_fill=fill)
    elif kind == "glyph":
        seeds = p["seeds"]
        n = len(seeds)
        if p.get("layout") == "col":
            h = min(2 * r / (n * 1.1), 1.6 * r)
            draw_glyph_row(d, seeds, cx, cy, h, fill, vertical=True, weight=p.get("weight", .085))
        else:
            h = min(2 * r / (n * 1.1), 1.6 * r)
            draw_glyph_row(d, seeds, cx, cy, h, fill, weight=p.get("weight", .085))
    elif kind == "umbrella":
        top = cy - .15 * r
        d.pieslice([cx - .95 * r, top - .95 * r, cx + .95 * r, top + .95 * r], 180, 360, fill=fill)
        for k in range(3):
            sx = cx - .63 * r + k * .63 * r
            d.ellipse([sx - .32 * r, top - .16 * r, sx + .32 * r, top + .2 * r], fill=inv)
        draw_line(d, [(cx, top - .1 * r), (cx, cy + .7 * r)], r * .12, fill)
        d.arc([cx - .32 * r, cy + .45 * r, cx + .02 * r, cy + .95 * r], 0, 180, fill=fill, width=max(1, int(r * .12)))
    elif kind == "ingot":
        d.polygon([(cx - r, cy - .05 * r), (cx + r, cy - .05 * r), (cx + .6 * r, cy + .6 * r), (cx - .6 * r, cy + .6 * r)], fill=fill)
        d.ellipse([cx - .48 * r, cy - .62 * r, cx + .48 * r, cy + .22 * r], fill=fill)
        d.line([(cx - .85 * r, cy + .05 * r), (cx + .85 * r, cy + .05 * r)], fill=inv, width=max(1, int(r * .07)))
    elif kind == "yuan":
        w = W * .9
        draw_line(d, [(cx - .55 * r, cy - .75 * r), (cx, cy - .05 * r), (cx + .55 * r, cy - .75 * r)], w, fill)
        draw_line(d, [(cx, cy - .05 * r), (cx, cy + .8 * r)], w, fill)
        draw_line(d, [(cx - .45 * r, cy + .1 * r), (cx + .45 * r, cy + .1 * r)], w * .8, fill)
        draw_line(d, [(cx - .45 * r, cy + .42 * r), (cx + .45 * r, cy + .42 * r)], w * .8, fill)
    elif kind == "arc_swoosh":
        n = p.get("n", 3)
        for i in range(n):
            rr = r * (1 - i * .28)
            st = p.get("start", 200) + i * 28
            d.arc([cx - rr, cy - rr, cx + rr, cy + rr], st, st + 235, fill=fill, width=max(1, int(W * .8)))
    elif kind == "leaf":
        a = math.radians(p.get("rot", -45))
        pts = []
        for u in np.linspace(0, 2 * math.pi, 60, endpoint=False):
            ex, ey = r * math.cos(u), r * .48 * math.sin(u) * abs(math.sin(u)) ** 0.2
            pts.append((cx + ex * math.cos(a) - ey * math.sin(a), cy + ex * math.sin(a) + ey * math.cos(a)))
        d.polygon(pts, fill=fill)
        draw_line(d, [(cx - math.cos(a) * r * .75, cy - math.sin(a) * r * .75),
                      (cx + math.cos(a) * r * .75, cy + math.sin(a) * r * .75)], r * .07, inv)
    elif kind == "sprout":
        draw_line(d, [(cx, cy + .9 * r), (cx, cy - .2 * r)], r * .13, fill)
        for sgn in (-1, 1):
            lc = (cx + sgn * .45 * r, cy - .25 * r)
            draw_part(d, "leaf", {"rot": -90 + sgn * 55}, lc[0], lc[1], r * .5, fill, lw)
        draw_part(d, "leaf", {"rot": -90}, cx, cy - .7 * r, r * .34, fill, lw)
    elif kind == "globe":
        ring(d, cx, cy, r, r * .12, fill)
        for k in (.35, .72):
            d.ellipse([cx - r * k, cy - r, cx + r * k, cy + r], outline=fill, width=max(1, int(r * .08)))
        for yy in (-.42, 0, .42):
            hw = math.sqrt(max(0.0, 1 - yy * yy)) * r
            d.line([(cx - hw, cy + yy * r), (cx + hw, cy + yy * r)], fill=fill, width=max(1, int(r * .08)))
    elif kind == "arch":
        w = r * .2
        d.arc([cx - .85 * r, cy - .75 * r, cx + .85 * r, cy + .95 * r], 180, 360, fill=fill, width=max(1, int(w)))
        for x in (-.85, -.28, .28, .85):
            d.rectangle([cx + x * r - w / 2, cy + .05 * r, cx + x * r + w / 2, cy + .72 * r], fill=fill)
        d.rectangle([cx - r, cy + .7 * r, cx + r, cy + .7 * r + w], fill=fill)
    elif kind == "car":
        d.rounded_rectangle([cx - r, cy - .1 * r, cx + r, cy + .45 * r], radius=.18 * r, fill=fill)
        d.polygon([(cx - .6 * r, cy - .05 * r), (cx - .35 * r, cy - .55 * r), (cx + .4 * r, cy - .55 * r), (cx + .65 * r, cy - .05 * r)], fill=fill)
        d.polygon([(cx - .4 * r, cy - .1 * r), (cx - .25 * r, cy - .42 * r), (cx - .02 * r, cy - .42 * r), (cx - .02 * r, cy - .1 * r)], fill=inv)
        d.polygon([(cx + .06 * r, cy - .1 * r), (cx + .06 * r, cy - .42 * r), (cx + .32 * r, cy - .42 * r), (cx + .47 * r, cy - .1 * r)], fill=inv)
        for x in (-.55, .55):
            d.ellipse([cx + (x - .24) * r, cy + .25 * r, cx + (x + .24) * r, cy + .73 * r], fill=fill)
            d.ellipse([cx + (x - .1) * r, cy + .39 * r, cx + (x + .1) * r, cy + .59 * r], fill=inv)
    # -------- ordinary-app drawings
    elif kind == "bubble":
        d.rounded_rectangle([cx - r, cy - .75 * r, cx + r, cy + .5 * r], radius=.35 * r, fill=fill)
        d.polygon([(cx - .45 * r, cy + .4 * r), (cx - .7 * r, cy + .95 * r), (cx - .05 * r, cy + .45 * r)], fill=fill)
        for k in (-1, 0, 1):
            d.ellipse([cx + k * .45 * r - .12 * r, cy - .25 * r, cx + k * .45 * r + .12 * r, cy - .01 * r], fill=inv)
    elif kind == "note":
        for x in (-.5, .45):
            d.ellipse([cx + x * r - .32 * r, cy + .45 * r, cx + x * r + .22 * r, cy + .85 * r], fill=fill)
            d.rectangle([cx + x * r + .08 * r, cy - .65 * r, cx + x * r + .22 * r, cy + .65 * r], fill=fill)
        d.polygon([(cx - .42 * r, cy - .65 * r), (cx + .67 * r, cy - .85 * r), (cx + .67 * r, cy - .6 * r), (cx - .42 * r, cy - .4 * r)], fill=fill)
    elif kind == "play":
        d.polygon([(cx - .55 * r, cy - .8 * r), (cx + .85 * r, cy), (cx - .55 * r, cy + .8 * r)], fill=fill)
    elif kind == "cloud":
        for x, y, rr in ((-.45, .1, .42), (.05, -.2, .55), (.5, .12, .4)):
            d.ellipse([cx + (x - rr) * r, cy + (y - rr) * r, cx + (x + rr) * r, cy + (y + rr) * r], fill=fill)
        d.rectangle([cx - .45 * r, cy + .1 * r, cx + .5 * r, cy + .52 * r], fill=fill)
    elif kind == "pin":
        d.ellipse([cx - .62 * r, cy - .95 * r, cx + .62 * r, cy + .3 * r], fill=fill)
        d.polygon([(cx - .52 * r, cy), (cx, cy + .95 * r), (cx + .52 * r, cy)], fill=fill)
        d.ellipse([cx - .24 * r, cy - .56 * r, cx + .24 * r, cy - .08 * r], fill=inv)
    elif kind == "heart":
        for x in (-.42, .42):
            d.ellipse([cx + (x - .48) * r, cy - .75 * r, cx + (x + .48) * r, cy + .2 * r], fill=fill)
        d.polygon([(cx - .88 * r, cy - .12 * r), (cx, cy + .9 * r), (cx + .88 * r, cy - .12 * r)], fill=fill)
    elif kind == "bolt":
        d.polygon([(cx + .15 * r, cy - r), (cx - .6 * r, cy + .12 * r), (cx - .05 * r, cy + .12 * r),
                   (cx - .2 * r, cy + r), (cx + .6 * r, cy - .15 * r), (cx + .05 * r, cy - .15 * r)], fill=fill)
    elif kind == "gear":
        for i in range(8):
            a = math.radians(22.5 * 2 * i)
            pts = [(cx + math.cos(a + da) * rr, cy + math.sin(a + da) * rr)
                   for da, rr in ((-.2, .6 * r), (-.14, .95 * r), (.14, .95 * r), (.2, .6 * r))]
            d.polygon(pts, fill=fill)
        d.ellipse([cx - .72 * r, cy - .72 * r, cx + .72 * r, cy + .72 * r], fill=fill)
        d.ellipse([cx - .3 * r, cy - .3 * r, cx + .3 * r, cy + .3 * r], fill=inv)
    elif kind == "envelope":
        d.rectangle([cx - r, cy - .65 * r, cx + r, cy + .65 * r], fill=fill)
        draw_line(d, [(cx - .9 * r, cy - .55 * r), (cx, cy + .1 * r), (cx + .9 * r, cy - .55 * r)], r * .1, inv)
    elif kind == "clock":
        ring(d, cx, cy, r, r * .13, fill)
        draw_line(d, [(cx, cy - .6 * r), (cx, cy), (cx + .45 * r, cy + .25 * r)], r * .12, fill)
    elif kind == "cart":
        draw_line(d, [(cx - r, cy - .7 * r), (cx - .7 * r, cy - .7 * r), (cx - .4 * r, cy + .35 * r), (cx + .7 * r, cy + .35 * r)], r * .12, fill)
        d.polygon([(cx - .6 * r, cy - .45 * r), (cx + .95 * r, cy - .45 * r), (cx + .75 * r, cy + .15 * r), (cx - .42 * r, cy + .15 * r)], fill=fill)
        for x in (-.3, .6):
            d.ellipse([cx + (x - .14) * r, cy + .55 * r, cx + (x + .14) * r, cy + .83 * r], fill=fill)
    elif kind == "camera":
        d.rounded_rectangle([cx - r, cy - .55 * r, cx + r, cy + .75 * r], radius=.2 * r, fill=fill)
        d.rectangle([cx - .35 * r, cy - .8 * r, cx + .35 * r, cy - .5 * r], fill=fill)
        ring(d, cx, cy + .1 * r, .42 * r, .12 * r, inv)
    elif kind == "book":
        d.polygon([(cx - r, cy - .7 * r), (cx - .05 * r, cy - .55 * r), (cx - .05 * r, cy + .8 * r), (cx - r, cy + .65 * r)], fill=fill)
        d.polygon([(cx + r, cy - .7 * r), (cx + .05 * r, cy - .55 * r), (cx + .05 * r, cy + .8 * r), (cx + r, cy + .65 * r)], fill=fill)
    elif kind == "check":
        draw_line(d, [(cx - .75 * r, cy), (cx - .2 * r, cy + .55 * r), (cx + .8 * r, cy - .55 * r)], r * .22, fill)
    elif kind == "magnifier":
        ring(d, cx - .15 * r, cy - .15 * r, .6 * r, .16 * r, fill)
        draw_line(d, [(cx + .3 * r, cy + .3 * r), (cx + .85 * r, cy + .85 * r)], r * .22, fill)
    elif kind == "house":
        d.polygon([(cx - r, cy - .05 * r), (cx, cy - .95 * r), (cx + r, cy - .05 * r)], fill=fill)
        d.rectangle([cx - .72 * r, cy - .1 * r, cx + .72 * r, cy + .85 * r], fill=fill)
        d.rectangle([cx - .18 * r, cy + .3 * r, cx + .18 * r, cy + .85 * r], fill=inv)
    elif kind == "bell":
        d.pieslice([cx - .7 * r, cy - .85 * r, cx + .7 * r, cy + .5 * r], 180, 360, fill=fill)
        d.polygon([(cx - .7 * r, cy - .18 * r), (cx + .7 * r, cy - .18 * r), (cx + .95 * r, cy + .55 * r), (cx - .95 * r, cy + .55 * r)], fill=fill)
        d.ellipse([cx - .2 * r, cy + .55 * r, cx + .2 * r, cy + .92 * r], fill=fill)
    elif kind == "battery":
        d.rounded_rectangle([cx - .9 * r, cy - .5 * r, cx + .75 * r, cy + .5 * r], radius=.1 * r, outline=fill, width=max(1, int(r * .12)))
        d.rectangle([cx + .75 * r, cy - .2 * r, cx + .95 * r, cy + .2 * r], fill=fill)
        for k in range(p.get("n", 3)):
            d.rectangle([cx - .72 * r + k * .45 * r, cy - .3 * r, cx - .4 * r + k * .45 * r, cy + .3 * r], fill=fill)
    elif kind == "wifi":
        for rr in (.95, .65, .35):
            d.arc([cx - rr * r, cy + .45 * r - rr * r, cx + rr * r, cy + .45 * r + rr * r], 225, 315, fill=fill, width=max(1, int(r * .13)))
        d.ellipse([cx - .12 * r, cy + .33 * r, cx + .12 * r, cy + .57 * r], fill=fill)
    elif kind == "face":
        d.ellipse(box, fill=fill)
        for x in (-.33, .33):
            d.ellipse([cx + (x - .1) * r, cy - .35 * r, cx + (x + .1) * r, cy - .12 * r], fill=inv)
        d.arc([cx - .5 * r, cy - .35 * r, cx + .5 * r, cy + .55 * r], 20, 160, fill=inv, width=max(1, int(r * .1)))
    elif kind == "paw":
        d.ellipse([cx - .5 * r, cy - .05 * r, cx + .5 * r, cy + .8 * r], fill=fill)
        for x, y in ((-.7, -.2), (-.28, -.7), (.28, -.7), (.7, -.2)):
            d.ellipse([cx + (x - .2) * r, cy + (y - .25) * r, cx + (x + .2) * r, cy + (y + .25) * r], fill=fill)
    elif kind == "rocket":
        d.ellipse([cx - .35 * r, cy - r, cx + .35 * r, cy + .7 * r], fill=fill)
        d.polygon([(cx - .35 * r, cy + .1 * r), (cx - .75 * r, cy + .75 * r), (cx - .2 * r, cy + .55 * r)], fill=fill)
        d.polygon([(cx + .35 * r, cy + .1 * r), (cx + .75 * r, cy + .75 * r), (cx + .2 * r, cy + .55 * r)], fill=fill)
        d.ellipse([cx - .15 * r, cy - .45 * r, cx + .15 * r, cy - .15 * r], fill=inv)
    elif kind == "gamepad":
        d.rounded_rectangle([cx - r, cy - .5 * r, cx + r, cy + .55 * r], radius=.45 * r, fill=fill)
        d.rectangle([cx - .62 * r, cy - .06 * r, cx - .22 * r, cy + .08 * r], fill=inv)
        d.rectangle([cx - .49 * r, cy - .2 * r, cx - .35 * r, cy + .22 * r], fill=inv)
        for x, y in ((.35, -.05), (.6, .15)):
            d.ellipse([cx + (x - .1) * r, cy + (y - .1) * r, cx + (x + .1) * r, cy + (y + .1) * r], fill=inv)
    elif kind == "drop":
        d.ellipse([cx - .62 * r, cy - .25 * r, cx + .62 * r, cy + .95 * r], fill=fill)
        d.polygon([(cx - .58 * r, cy + .2 * r), (cx, cy - r), (cx + .58 * r, cy + .2 * r)], fill=fill)
    elif kind == "flame":
        d.ellipse([cx - .6 * r, cy - .2 * r, cx + .6 * r, cy + .95 * r], fill=fill)
        d.polygon([(cx - .6 * r, cy + .3 * r), (cx - .1 * r, cy - r), (cx + .2 * r, cy - .3 * r), (cx + .45 * r, cy - .55 * r), (cx + .6 * r, cy + .3 * r)], fill=fill)
        d.ellipse([cx - .25 * r, cy + .3 * r, cx + .25 * r, cy + .8 * r], fill=inv)
    # -------- generic finance-tool drawings
    elif kind == "calculator":
        d.rounded_rectangle([cx - .72 * r, cy - r, cx + .72 * r, cy + r], radius=.14 * r, fill=fill)
        d.rectangle([cx - .52 * r, cy - .8 * r, cx + .52 * r, cy - .4 * r], fill=inv)
        for i in range(3):
            for j in range(3):
                x, y = cx - .5 * r + j * .38 * r, cy - .22 * r + i * .36 * r
                d.rectangle([x, y, x + .24 * r, y + .22 * r], fill=inv)
    elif kind == "percent":
        ring(d, cx - .45 * r, cy - .45 * r, .3 * r, .11 * r, fill)
        ring(d, cx + .45 * r, cy + .45 * r, .3 * r, .11 * r, fill)
        draw_line(d, [(cx + .6 * r, cy - .8 * r), (cx - .6 * r, cy + .8 * r)], r * .13, fill)
    elif kind == "exchange":
        for sgn in (-1, 1):
            y = cy + sgn * .35 * r
            draw_line(d, [(cx - .75 * r * sgn, y), (cx + .65 * r * sgn, y)], r * .13, fill)
            tx = cx + .9 * r * sgn
            d.polygon([(tx, y), (tx - .35 * r * sgn, y - .25 * r), (tx - .35 * r * sgn, y + .25 * r)], fill=fill)
    elif kind == "ledger":
        d.rounded_rectangle([cx - .7 * r, cy - .95 * r, cx + .7 * r, cy + .95 * r], radius=.1 * r, fill=fill)
        for k in range(4):
            y = cy - .5 * r + k * .36 * r
            d.rectangle([cx - .4 * r, y, cx + .45 * r, y + .08 * r], fill=inv)
        d.rectangle([cx - .62 * r, cy - .95 * r, cx - .52 * r, cy + .95 * r], fill=inv)
    elif kind == "pie":
        d.pieslice(box, p.get("a0", -60), p.get("a0", -60) + 290, fill=fill)
        o = .16 * r
        d.pieslice([cx - r + o, cy - r - o, cx + r + o, cy + r - o], p.get("a0", -60) - 70, p.get("a0", -60) - 12, fill=fill)
    elif kind == "piggy":
        d.ellipse([cx - .85 * r, cy - .6 * r, cx + .8 * r, cy + .6 * r], fill=fill)
        d.polygon([(cx - .35 * r, cy - .45 * r), (cx - .2 * r, cy - .9 * r), (cx + .05 * r, cy - .5 * r)], fill=fill)
        d.rounded_rectangle([cx + .65 * r, cy - .2 * r, cx + r, cy + .15 * r], radius=.08 * r, fill=fill)
        for x in (-.5, .35):
            d.rectangle([cx + x * r, cy + .4 * r, cx + (x + .18) * r, cy + .85 * r], fill=fill)
        d.rectangle([cx - .25 * r, cy - .4 * r, cx + .2 * r, cy - .3 * r], fill=inv)
    elif kind == "wallet":
        d.rounded_rectangle([cx - r, cy - .6 * r, cx + .85 * r, cy + .75 * r], radius=.15 * r, fill=fill)
        d.rounded_rectangle([cx + .25 * r, cy - .15 * r, cx + r, cy + .3 * r], radius=.1 * r, fill=inv)
        d.ellipse([cx + .45 * r, cy - .02 * r, cx + .62 * r, cy + .15 * r], fill=fill)
    elif kind == "coinstack":
        for k in range(p.get("n", 4)):
            y = cy + .6 * r - k * .32 * r
            d.ellipse([cx - .8 * r, y - .25 * r, cx + .8 * r, y + .25 * r], fill=fill)
            d.arc([cx - .8 * r, y - .25 * r, cx + .8 * r, y + .25 * r], 0, 180, fill=inv, width=max(1, int(r * .05)))
    else:
        raise ValueError(kind)


# ----------------------------------------------------------------------------------------------
# icon styles and rendering
# ----------------------------------------------------------------------------------------------

STYLE_BOX = {"tile_solid": (.5, .5, .3), "tile_gradient": (.5, .5, .3), "white_logo": (.5, .5, .36),
             "logo_text": (.5, .38, .24), "rounded_tile_on_white": (.5, .5, .24),
             "thin_line_dark": (.5, .5, .32), "glyph_tile": (.5, .5, .32), "circle_badge": (.5, .5, .22),
             "split_diag": (.5, .5, .3)}
STYLES = list(STYLE_BOX)


def lin_gradient(c1, c2, angle, size=S):
    a = math.radians(angle)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / (size - 1) - 0.5
    t = x * math.cos(a) + y * math.sin(a)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    c1, c2 = np.array(hx(c1), np.float32), np.array(hx(c2), np.float32)
    arr = c1[None, None] * (1 - t[..., None]) + c2[None, None] * t[..., None]
    return Image.fromarray(np.round(arr).astype(np.uint8))


def radial_glow(c1, c2, size=S, cx=.5, cy=.35, rad=.7):
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / (size - 1)
    t = np.clip(np.hypot(x - cx, y - cy) / rad, 0, 1)
    c1, c2 = np.array(hx(c1), np.float32), np.array(hx(c2), np.float32)
    arr = c2[None, None] * (1 - t[..., None]) + c1[None, None] * t[..., None]
    return Image.fromarray(np.round(arr).astype(np.uint8))


def background(spec):
    st, bg = spec["style"], spec["bg"]
    if st in ("tile_solid", "glyph_tile"):
        return Image.new("RGB", (S, S), hx(bg[0])) if len(bg) == 1 else lin_gradient(bg[0], bg[1], spec.get("angle", 90))
    if st == "tile_gradient":
        return lin_gradient(bg[0], bg[1], spec.get("angle", 90))
    if st in ("white_logo", "logo_text"):
        return Image.new("RGB", (S, S), hx(bg[0]) if bg else (255, 255, 255))
    if st == "rounded_tile_on_white":
        img = Image.new("RGB", (S, S), (255, 255, 255))
        tile = lin_gradient(bg[0], bg[1], 90) if len(bg) > 1 else Image.new("RGB", (S, S), hx(bg[0]))
        m = Image.new("L", (S, S), 0)
        ImageDraw.Draw(m).rounded_rectangle([S * .12, S * .12, S * .88, S * .88], radius=S * .17, fill=255)
        img.paste(tile, (0, 0), m)
        return img
    if st == "thin_line_dark":
        return radial_glow(bg[0], bg[1] if len(bg) > 1 else bg[0])
    if st == "circle_badge":
        img = lin_gradient(bg[0], bg[1] if len(bg) > 1 else bg[0], spec.get("angle", 135))
        d = ImageDraw.Draw(img)
        rr = S * .37
        d.ellipse([S / 2 - rr, S / 2 - rr, S / 2 + rr, S / 2 + rr], fill=(255, 255, 255))
        return img
    if st == "split_diag":
        img = Image.new("RGB", (S, S), hx(bg[0]))
        off = spec.get("split", .15)
        ImageDraw.Draw(img).polygon([(S, S * off), (S, S), (S * off, S)], fill=hx(bg[1]))
        return img
    raise ValueError(st)


def P(kind, sc=1.0, dx=0.0, dy=0.0, col=0, cut=False, **p):
    return {"kind": kind, "sc": sc, "dx": dx, "dy": dy, "col": col, "cut": cut, "p": p}


def render(spec):
    """Returns (RGB 256x256 image, L 256x256 soft content mask)."""
    img = background(spec)
    ex, ey, er = spec.get("box", STYLE_BOX[spec["style"]])
    thin = spec["style"] == "thin_line_dark"
    fg = spec["fg"]
    masks = [Image.new("L", (S, S), 0) for _ in fg]
    for part in spec["parts"]:
        d = ImageDraw.Draw(masks[part["col"]])
        r = er * S * part["sc"]
        cx, cy = (ex + part["dx"] * er) * S, (ey + part["dy"] * er) * S
        lw = r * (0.055 if thin else 0.16)
        draw_part(d, part["kind"], part["p"], cx, cy, r, 0 if part["cut"] else 255, lw)
    t = spec.get("text")
    if t:
        d = ImageDraw.Draw(masks[t.get("col", 0)])
        ty = t.get("y", .8) * S
        if "latin" in t:
            fs = t.get("size", .17) * S
            d.text((S / 2, ty), t["latin"], font=font(fs), anchor="mm", fill=255,
                   stroke_width=max(1, int(fs * .04)), stroke_fill=255)
        else:
            draw_glyph_row(d, t["glyphs"], S / 2, ty, t.get("size", .13) * S, 255, gap=.1)
    for m, c in zip(masks, fg, strict=False):
        img.paste(Image.new("RGB", (S, S), hx(c)), (0, 0), m)
    content = masks[0]
    for m in masks[1:]:
        content = Image.fromarray(np.maximum(np.asarray(content), np.asarray(m)))
    return img.resize((N, N), Image.LANCZOS), content.resize((N, N), Image.LANCZOS)


def motif_clash(neg_part, prot_part):
    """True when a negative's (non-container) part reproduces a protected icon's part."""
    k = neg_part["kind"]
    if k != prot_part["kind"] or k in CONTAINER_KINDS:
        return False
    a, b = neg_part["p"], prot_part["p"]
    if k == "glyph":
        return bool(set(a["seeds"]) & set(b["seeds"]))
    if k == "monogram":
        return a["s"].upper() == b["s"].upper()
    if k in ("petals", "star"):
        return abs(a.get("n", 5) - b.get("n", 5)) < 2
    for key in ("n", "inner", "dir", "shape", "rot"):
        if key in a or key in b:
            if a.get(key) != b.get(key):
                return False
    return True


def signature(spec):
    """What the icon *shows*: part kinds (+ glyph seeds / letters) and text, independent of colour."""
    parts = []
    for p in spec["parts"]:
        k = p["kind"]
        if k == "glyph":
            k += ":" + ",".join(map(str, p["p"]["seeds"]))
        if k == "monogram":
            k += ":" + p["p"]["s"]
        parts.append(k)
    t = spec.get("text") or {}
    txt = t.get("latin") or ",".join(map(str, t.get("glyphs", [])))
    return (tuple(sorted(parts)), txt)


def mask_small(mask):
    return np.asarray(mask.resize((64, 64), Image.BILINEAR)) > 96


def iou(a, b):
    u = (a | b).sum()
    return float((a & b).sum() / u) if u else 0.0


# ----------------------------------------------------------------------------------------------
# protected institutions (42) and apps (59)
# ----------------------------------------------------------------------------------------------

W, WH = "#FFFFFF", ["#FFFFFF"]

INSTITUTIONS = [
    dict(key="icbc", inst="中国工商银行", kind="bank", kws=["工商银行", "工行", "ICBC", "中国工商银行"],
         devs=["中国工商银行股份有限公司", "Industrial and Commercial Bank of China Limited"], py="GongShang YinHang", pyabbr="ICBC",
         apps=[
             dict(id="icbc_mobile", names=["中国工商银行", "工商银行手机银行"], pkgs=["com.icbc", "com.icbc.iphoneclient"],
                  ios="com.icbc.iphoneclient", wx=True,
                  spec=dict(style="white_logo", bg=WH, fg=["#C7000B"], parts=[P("ring", t=.15), P("ibeam", sc=.52)])),
             dict(id="icbc_elife", names=["工银e生活"], kw=["工银e生活"], pkgs=["com.icbc.elife"],
                  spec=dict(style="tile_gradient", bg=["#E60012", "#FF6A3D"], angle=135, fg=WH,
                            parts=[P("ring_gap", t=.16, start=300, gap=70), P("monogram", sc=.62, s="e", fs=2.6)])),
         ]),
    dict(key="ccb", inst="中国建设银行", kind="bank", kws=["建设银行", "建行", "CCB", "中国建设银行"],
         devs=["中国建设银行股份有限公司"], py="JianShe YinHang", pyabbr="CCB",
         apps=[
             dict(id="ccb_mobile", names=["中国建设银行", "建行手机银行"], pkgs=["com.chinamworld.main", "com.ccb.ccbnetpay"],
                  ios="com.ccb.ccbnetpay", wx=True,
                  spec=dict(style="logo_text", bg=WH, fg=["#0A4EA2"], parts=[P("coin", hole=.36, rot=45)],
                            text={"latin": "CCB", "size": .17})),
             dict(id="ccb_life", names=["建行生活"], kw=["建行生活"], pkgs=["com.ccb.life"],
                  spec=dict(style="tile_solid", bg=["#1F5FD1"], fg=WH, parts=[P("glyph", sc=1.05, seeds=[1101, 1102])])),
         ]),
    dict(key="abc", inst="中国农业银行", kind="bank", kws=["农业银行", "农行", "中国农业银行"],
         devs=["中国农业银行股份有限公司"], py="NongYe YinHang", pyabbr="ABC",
         apps=[
             dict(id="abc_mobile", names=["中国农业银行", "农行掌上银行"], pkgs=["com.android.bankabc"], ios="com.abchina.ebizbtob",
                  spec=dict(style="circle_badge", bg=["#00996B", "#00B386"], fg=["#00996B"],
                            parts=[P("ring", t=.14), P("sprout", sc=.6, dy=.05)])),
             dict(id="abc_lite", names=["农行掌银简约版", "中国农业银行简约版"], pkgs=["com.android.bankabc.lite"], icon_of="abc_mobile"),
         ]),
    dict(key="boc", inst="中国银行", kind="bank", kws=["中国银行", "中行", "BOC"],
         devs=["中国银行股份有限公司", "Bank of China Limited"], py="ZhongGuo YinHang", pyabbr="BOC",
         apps=[
             dict(id="boc_mobile", names=["中国银行", "中国银行手机银行"], pkgs=["com.chinamworld.bocmbci"], ios="com.boc.BOCMBCI",
                  spec=dict(style="white_logo", bg=WH, fg=["#B5121B"], parts=[P("zhong")])),
             dict(id="boc_life", names=["缤纷生活", "中银缤纷生活"], kw=["缤纷生活"], pkgs=["com.forms"],
                  spec=dict(style="tile_gradient", bg=["#D7261E", "#F39800"], angle=90, fg=WH,
                            parts=[P("petals", n=6, wid=.24, hole=.2)])),
         ]),
    dict(key="bocom", inst="交通银行", kind="bank", kws=["交通银行", "交行", "BOCOM"],
         devs=["交通银行股份有限公司"], py="JiaoTong YinHang", pyabbr="BOCOM",
         apps=[
             dict(id="bocom_mobile", names=["交通银行"], pkgs=["com.bankcomm.Bankcomm"], ios="com.bankcomm.BankComm",
                  spec=dict(style="rounded_tile_on_white", bg=["#1A4B9B"], fg=WH, parts=[P("square_knot", t=.12)])),
             dict(id="bocom_mdb", names=["买单吧", "交通银行买单吧"], kw=["买单吧"], pkgs=["com.bankcomm.maidanba"],
                  spec=dict(style="tile_solid", bg=["#2F6BD8"], fg=WH, parts=[P("glyph", sc=1.15, seeds=[1201, 1202, 1203])])),
         ]),
    dict(key="cmb", inst="招商银行", kind="bank", kws=["招商银行", "招行", "CMB"],
         devs=["招商银行股份有限公司"], py="ZhaoShang YinHang", pyabbr="CMB",
         apps=[
             dict(id="cmb_mobile", names=["招商银行"], pkgs=["cmb.pb"], ios="cmb.pb", wx=True,
                  spec=dict(style="tile_solid", bg=["#D81E06"], fg=WH, parts=[P("ring", t=.12), P("zigzag", sc=.6, shape="M")])),
             dict(id="cmb_life", names=["掌上生活", "招商银行掌上生活"], kw=["掌上生活"], pkgs=["com.cmbchina.ccd.pluto.cmbActivity"],
                  spec=dict(style="tile_gradient", bg=["#F0443A", "#FF8C69"], angle=45, fg=WH,
                            parts=[P("ring_gap", t=.14, start=200, gap=50), P("star", sc=.55, n=5, inner=.45)])),
         ]),
    dict(key="psbc", inst="中国邮政储蓄银行", kind="bank", kws=["邮储银行", "邮政储蓄", "PSBC", "中国邮政储蓄银行"],
         devs=["中国邮政储蓄银行股份有限公司"], py="YouChu YinHang", pyabbr="PSBC",
         apps=[dict(id="psbc_mobile", names=["中国邮政储蓄银行", "邮储银行"], pkgs=["com.yitong.mbank.psbc"], wx=True,
                    spec=dict(style="logo_text", bg=WH, fg=["#007A3D"], parts=[P("chevrons", n=3, dir="right")],
                              text={"latin": "PSBC", "size": .16}))]),
    dict(key="spdb", inst="上海浦东发展银行", kind="bank", kws=["浦发银行", "浦发", "SPDB"],
         devs=["上海浦东发展银行股份有限公司"], py="PuFa YinHang", pyabbr="SPDB",
         apps=[
             dict(id="spdb_mobile", names=["浦发银行", "浦发手机银行"], pkgs=["cn.com.spdb.mobilebank.per"],
                  spec=dict(style="tile_gradient", bg=["#0A2C6E", "#1D63C0"], angle=90, fg=WH,
                            parts=[P("ring_gap", t=.2, start=30, gap=80), P("dot", sc=.28)])),
             dict(id="spdb_cc", names=["浦大喜奔"], kw=["浦大喜奔"], pkgs=["com.spdbccc.app"],
                  spec=dict(style="tile_solid", bg=["#1565D8"], fg=WH, parts=[P("ring", t=.07), P("glyph", sc=.6, seeds=[1301])])),
         ]),
    dict(key="citic", inst="中信银行", kind="bank", kws=["中信银行"],
         devs=["中信银行股份有限公司"], py="ZhongXin YinHang", pyabbr="CITIC",
         apps=[
             dict(id="citic_mobile", names=["中信银行"], pkgs=["com.ecitic.bank.mobile"],
                  spec=dict(style="white_logo", bg=WH, fg=["#D6001C"], parts=[P("rings", n=2, t=.12)])),
             dict(id="citic_card", names=["动卡空间", "中信银行动卡空间"], kw=["动卡空间"], pkgs=["com.citiccard.mobilebank"],
                  spec=dict(style="tile_gradient", bg=["#C8102E", "#7A0A1E"], angle=135, fg=WH, parts=[P("bars", n=4, sc=.95)])),
         ]),
    dict(key="ceb", inst="中国光大银行", kind="bank", kws=["光大银行", "CEB", "中国光大银行"],
         devs=["中国光大银行股份有限公司"], py="GuangDa YinHang", pyabbr="CEB",
         apps=[
             dict(id="ceb_mobile", names=["光大银行", "中国光大银行"], pkgs=["com.cebbank.mobile.cemb"],
                  spec=dict(style="split_diag", bg=["#6B2C91", "#9B59B6"], fg=WH, parts=[P("sun", n=12)])),
             dict(id="ceb_cc", names=["阳光惠生活"], kw=["阳光惠生活"], pkgs=["com.ebank.creditcard"],
                  spec=dict(style="tile_gradient", bg=["#7B2CBF", "#F39C12"], angle=45, fg=WH, parts=[P("arc_swoosh", n=3)])),
         ]),
    dict(key="hxb", inst="华夏银行", kind="bank", kws=["华夏银行", "HXB"], devs=["华夏银行股份有限公司"], py="HuaXia YinHang", pyabbr="HXB",
         apps=[dict(id="hxb_mobile", names=["华夏银行"], pkgs=["com.hxb.mobile.client"],
                    spec=dict(style="tile_solid", bg=["#D7000F"], fg=WH, parts=[P("hexagon", t=.12), P("glyph", sc=.55, seeds=[1401])]))]),
    dict(key="cmbc", inst="中国民生银行", kind="bank", kws=["民生银行", "CMBC", "中国民生银行"],
         devs=["中国民生银行股份有限公司"], py="MinSheng YinHang", pyabbr="CMBC",
         apps=[
             dict(id="cmbc_mobile", names=["民生银行", "中国民生银行"], pkgs=["cn.com.cmbc.newmbank"],
                  spec=dict(style="rounded_tile_on_white", bg=["#00A39A"], fg=WH, parts=[P("petals", n=4, wid=.38, rot=-45)])),
             dict(id="cmbc_cc", names=["全民生活", "民生信用卡全民生活"], pkgs=["com.cmbc.cc.mbank"],
                  spec=dict(style="tile_gradient", bg=["#00857C", "#34C3A9"], angle=90, fg=WH, parts=[P("glyph", sc=1.05, seeds=[1501, 1502])])),
         ]),
    dict(key="cib", inst="兴业银行", kind="bank", kws=["兴业银行", "CIB"], devs=["兴业银行股份有限公司"], py="XingYe YinHang", pyabbr="CIB",
         apps=[
             dict(id="cib_mobile", names=["兴业银行"], pkgs=["com.cib.cibmb"],
                  spec=dict(style="split_diag", bg=["#003A8C", "#1565C0"], fg=WH,
                            parts=[P("mountain", n=2, sc=.75, dy=-.15), P("waves", n=1, sc=.95, dy=.62)])),
             dict(id="cib_life", names=["兴业生活"], kw=["兴业生活"], pkgs=["com.cib.xyk"],
                  spec=dict(style="rounded_tile_on_white", bg=["#0055A5"], fg=WH, parts=[P("star", n=4, inner=.3)])),
         ]),
    dict(key="pab", inst="平安银行", kind="bank", kws=["平安银行", "平安口袋银行", "口袋银行"],
         devs=["平安银行股份有限公司"], py="PingAn YinHang", pyabbr="PAB",
         apps=[dict(id="pab_pocket", names=["平安口袋银行"], pkgs=["com.pingan.paces.ccms"], ios="com.pingan.pocketbank",
                    spec=dict(style="tile_gradient", bg=["#FF6000", "#FF9B2F"], angle=90, fg=WH, parts=[P("monogram", s="PA")]))]),
    dict(key="cgb", inst="广发银行", kind="bank", kws=["广发银行", "CGB"], devs=["广发银行股份有限公司"], py="GuangFa YinHang", pyabbr="CGB",
         apps=[
             dict(id="cgb_mobile", names=["广发手机银行", "广发银行"], pkgs=["com.cgbchina.xpt"],
                  spec=dict(style="tile_solid", bg=["#C8102E"], fg=WH, parts=[P("diamond", inner="cross")])),
             dict(id="cgb_cc", names=["发现精彩", "广发信用卡发现精彩"], pkgs=["com.cs_credit_bank"],
                  spec=dict(style="tile_gradient", bg=["#B5121B", "#E94B3C"], angle=0, fg=WH,
                            parts=[P("ring", t=.06), P("glyph", sc=.62, seeds=[1601])])),
         ]),
    dict(key="bob", inst="北京银行", kind="bank", kws=["北京银行", "BOB"], devs=["北京银行股份有限公司"], py="BeiJing YinHang", pyabbr="BOB",
         apps=[dict(id="bob_mobile", names=["北京银行"], pkgs=["com.bankofbeijing.mobilebanking"],
                    spec=dict(style="white_logo", bg=WH, fg=["#E60012", "#D99A00"],
                              parts=[P("coin", sc=.78, hole=.3, rot=45, rim=True), P("ring", col=1, t=.05)]))]),
    dict(key="bosc", inst="上海银行", kind="bank", kws=["上海银行", "BOSC"], devs=["上海银行股份有限公司"], py="ShangHai YinHang", pyabbr="BOSC",
         apps=[dict(id="bosc_mobile", names=["上海银行"], pkgs=["cn.com.shbank.mper"],
                    spec=dict(style="logo_text", bg=WH, fg=["#D6001C", "#1F3A93"], parts=[P("arc_swoosh", n=2, t=.2)],
                              text={"latin": "BOSC", "size": .16, "col": 1}))]),
    dict(key="jsb", inst="江苏银行", kind="bank", kws=["江苏银行"], devs=["江苏银行股份有限公司"], py="JiangSu YinHang", pyabbr="JSB",
         apps=[dict(id="jsb_mobile", names=["江苏银行"], pkgs=["com.jsbc.mobilebank"],
                    spec=dict(style="tile_solid", bg=["#1A56B0"], fg=WH, parts=[P("rings", n=3, t=.1)]))]),
    dict(key="nbcb", inst="宁波银行", kind="bank", kws=["宁波银行", "NBCB"], devs=["宁波银行股份有限公司"], py="NingBo YinHang", pyabbr="NBCB",
         apps=[dict(id="nbcb_mobile", names=["宁波银行"], pkgs=["com.nbbank"],
                    spec=dict(style="tile_solid", bg=["#F08300"], fg=WH, parts=[P("arch")]))]),
    dict(key="njcb", inst="南京银行", kind="bank", kws=["南京银行"], devs=["南京银行股份有限公司"], py="NanJing YinHang", pyabbr="NJCB",
         apps=[dict(id="njcb_mobile", names=["南京银行", "你好银行"], pkgs=["com.njcb.mobilebank"],
                    spec=dict(style="tile_gradient", bg=["#C00000", "#E8453C"], angle=0, fg=WH, parts=[P("ingot", sc=.95)]))]),
    dict(key="czb", inst="浙商银行", kind="bank", kws=["浙商银行", "CZBANK"], devs=["浙商银行股份有限公司"], py="ZheShang YinHang", pyabbr="CZB",
         apps=[dict(id="czb_mobile", names=["浙商银行"], pkgs=["com.czbank.mbank"],
                    spec=dict(style="rounded_tile_on_white", bg=["#C9A227"], fg=WH,
                              parts=[P("hexagon", t=.12), P("monogram", sc=.6, s="Z")]))]),
    dict(key="cbhb", inst="渤海银行", kind="bank", kws=["渤海银行", "CBHB"], devs=["渤海银行股份有限公司"], py="BoHai YinHang", pyabbr="CBHB",
         apps=[dict(id="cbhb_mobile", names=["渤海银行"], pkgs=["com.cbhb.bhbank"],
                    spec=dict(style="tile_solid", bg=["#00479D"], fg=WH, parts=[P("waves", n=3, amp=.12)]))]),
    dict(key="webank", inst="深圳前海微众银行", kind="bank", kws=["微众银行", "WeBank"],
         devs=["深圳前海微众银行股份有限公司"], py="WeiZhong YinHang", pyabbr="WeBank",
         apps=[
             dict(id="webank_app", names=["微众银行"], pkgs=["com.webank.wemoney"],
                  spec=dict(style="tile_gradient", bg=["#2F54EB", "#7B3FE4"], angle=135, fg=WH, parts=[P("zigzag", shape="W", sc=.9)])),
             dict(id="webank_wld", names=["微粒贷", "微粒贷借钱"], kw=["微粒贷"], pkgs=[], wx=True,
                  spec=dict(style="circle_badge", bg=["#1AAD19", "#07C160"], fg=["#1AAD19"],
                            parts=[P("glyph", sc=1.05, seeds=[1701, 1702])])),
         ]),
    dict(key="mybank", inst="浙江网商银行", kind="bank", kws=["网商银行", "MYbank"], devs=["浙江网商银行股份有限公司"], py="WangShang YinHang", pyabbr="MYbank",
         apps=[dict(id="mybank_app", names=["网商银行"], pkgs=["com.mybank.android.phone"],
                    spec=dict(style="tile_solid", bg=["#1677FF"], fg=WH, parts=[P("chevrons", n=2, dir="up")]))]),
    # ------------------------------------------------------------------ insurers
    dict(key="clife", inst="中国人寿", kind="insurer", kws=["中国人寿", "国寿", "China Life"],
         devs=["中国人寿保险股份有限公司"], py="ZhongGuo RenShou", pyabbr="ChinaLife",
         apps=[
             dict(id="clife_life", names=["中国人寿寿险", "中国人寿"], pkgs=["com.chinalife.ebz"], wx=True,
                  spec=dict(style="logo_text", bg=WH, fg=["#007A4D"], parts=[P("ring", t=.1), P("glyph", sc=.6, seeds=[1801])],
                            text={"glyphs": [1802, 1803, 1804, 1805], "size": .12})),
             dict(id="clife_pc", names=["中国人寿财险"], pkgs=["com.chinalife.pcis"], icon_of="clife_life"),
         ]),
    dict(key="pingan", inst="中国平安保险", kind="insurer", kws=["中国平安", "平安保险", "平安金管家", "平安好车主"],
         devs=["中国平安人寿保险股份有限公司", "中国平安财产保险股份有限公司"], py="PingAn BaoXian", pyabbr="PingAn",
         apps=[
             dict(id="pingan_jgj", names=["平安金管家"], pkgs=["com.pingan.lifeinsurance"], ios="com.pingan.jinguanjia",
                  spec=dict(style="tile_gradient", bg=["#FF5F00", "#FF9A2E"], angle=90, fg=WH, parts=[P("shield", inner="check")])),
             dict(id="pingan_car", names=["平安好车主"], pkgs=["com.pingan.carowner"],
                  spec=dict(style="tile_gradient", bg=["#FF6A00", "#FFB43C"], angle=60, fg=WH,
                            parts=[P("car")])),
         ]),
    dict(key="cpic", inst="中国太平洋保险", kind="insurer", kws=["太平洋保险", "中国太保", "CPIC"],
         devs=["中国太平洋保险(集团)股份有限公司"], py="TaiPingYang BaoXian", pyabbr="CPIC",
         apps=[
             dict(id="cpic_app", names=["中国太保", "太平洋保险"], pkgs=["com.cpic.taiyi"],
                  spec=dict(style="tile_solid", bg=["#0A3A8C"], fg=WH, parts=[P("umbrella")])),
             dict(id="cpic_life", names=["太平洋寿险", "神行太保"], pkgs=["com.cpic.life"], icon_of="cpic_app"),
         ]),
    dict(key="picc", inst="中国人民保险", kind="insurer", kws=["中国人保", "PICC", "人保财险"],
         devs=["中国人民财产保险股份有限公司"], py="ZhongGuo RenBao", pyabbr="PICC",
         apps=[dict(id="picc_app", names=["中国人保"], pkgs=["com.picc.aasipods"], wx=True,
                    spec=dict(style="white_logo", bg=WH, fg=["#E60012"],
                              parts=[P("ring", t=.07), P("ring", sc=.8, t=.07), P("glyph", sc=.55, seeds=[1901])]))]),
    dict(key="ncl", inst="新华人寿保险", kind="insurer", kws=["新华保险", "新华人寿"], devs=["新华人寿保险股份有限公司"], py="XinHua BaoXian", pyabbr="NCI",
         apps=[dict(id="ncl_app", names=["新华保险"], pkgs=["com.newchinalife.app"],
                    spec=dict(style="split_diag", bg=["#E6212A", "#F7A600"], fg=WH, parts=[P("globe")]))]),
    dict(key="taikang", inst="泰康保险", kind="insurer", kws=["泰康保险", "泰康人寿", "泰生活"], devs=["泰康保险集团股份有限公司"], py="TaiKang BaoXian", pyabbr="Taikang",
         apps=[dict(id="taikang_app", names=["泰康泰生活", "泰生活"], pkgs=["com.taikanglife.app"],
                    spec=dict(style="logo_text", bg=WH, fg=["#0033A0", "#E60012"], parts=[P("leaf", sc=.95), P("dot", sc=.2, dx=.6, dy=-.6, col=1)],
                              text={"glyphs": [2001, 2002], "size": .14, "col": 0}))]),
    dict(key="taiping", inst="中国太平保险", kind="insurer", kws=["中国太平", "太平人寿", "太平通"], devs=["太平人寿保险有限公司"], py="ZhongGuo TaiPing", pyabbr="CNTAIPING",
         apps=[dict(id="taiping_app", names=["太平通"], pkgs=["com.cntaiping.app"],
                    spec=dict(style="circle_badge", bg=["#B8860B", "#7A1712"], fg=["#A8791A"], parts=[P("glyph", sc=1.05, seeds=[2101])]))]),
    # ------------------------------------------------------------------ securities
    dict(key="citics", inst="中信证券", kind="securities", kws=["中信证券", "信e投"], devs=["中信证券股份有限公司"], py="ZhongXin ZhengQuan", pyabbr="CITICS",
         apps=[dict(id="citics_app", names=["中信证券信e投", "信e投"], pkgs=["com.citics.xinetou"],
                    spec=dict(style="thin_line_dark", bg=["#12141C", "#2A2F3D"], fg=["#E60012"], parts=[P("ring"), P("linechart", sc=.62)]))]),
    dict(key="htsc", inst="华泰证券", kind="securities", kws=["华泰证券", "涨乐财富通", "涨乐"], devs=["华泰证券股份有限公司"], py="ZhangLe CaiFuTong", pyabbr="HTSC",
         apps=[dict(id="htsc_app", names=["涨乐财富通"], pkgs=["com.lphtsccft"],
                    spec=dict(style="thin_line_dark", bg=["#0B1A33", "#1E3A66"], fg=["#FF7A00"], parts=[P("bars", n=5), P("hexagon", sc=1.1)]))]),
    dict(key="gtja", inst="国泰君安证券", kind="securities", kws=["国泰君安", "君弘"], devs=["国泰君安证券股份有限公司"], py="GuoTai JunAn", pyabbr="GTJA",
         apps=[dict(id="gtja_app", names=["国泰君安君弘", "君弘"], pkgs=["com.gtja.junhong"],
                    spec=dict(style="thin_line_dark", bg=["#0E1F3F", "#23447A"], fg=["#4F9BFF", "#D4AF37"],
                              parts=[P("ring"), P("mountain", sc=.55, col=1, n=3)]))]),
    dict(key="gf", inst="广发证券", kind="securities", kws=["广发证券", "易淘金"], devs=["广发证券股份有限公司"], py="GuangFa ZhengQuan", pyabbr="GF",
         apps=[dict(id="gf_app", names=["广发易淘金", "易淘金"], pkgs=["com.gf.client"],
                    spec=dict(style="glyph_tile", bg=["#E7141A"], fg=WH, parts=[P("glyph", sc=1.05, seeds=[2201])]))]),
    dict(key="cms", inst="招商证券", kind="securities", kws=["招商证券", "智远一户通"], devs=["招商证券股份有限公司"], py="ZhaoShang ZhengQuan", pyabbr="CMS",
         apps=[dict(id="cms_app", names=["招商证券智远一户通", "招商证券"], pkgs=["com.cmschina.stock"],
                    spec=dict(style="glyph_tile", bg=["#C00000"], fg=WH, box=(.5, .42, .32),
                              parts=[P("glyph", seeds=[2301, 2302], weight=.1)], text={"latin": "CMS", "size": .13, "y": .86}))]),
    dict(key="em", inst="东方财富证券", kind="securities", kws=["东方财富", "东财"], devs=["东方财富证券股份有限公司", "东方财富信息股份有限公司"], py="DongFang CaiFu", pyabbr="EastMoney",
         apps=[dict(id="em_app", names=["东方财富"], pkgs=["com.eastmoney.android.berlin"], ios="com.eastmoney.iphone",
                    spec=dict(style="glyph_tile", bg=["#E62129", "#F0592B"], fg=WH, parts=[P("glyph", seeds=[2401, 2402], layout="col")]))]),
    dict(key="cicc", inst="中国国际金融", kind="securities", kws=["中金财富", "中金公司", "CICC"], devs=["中国中金财富证券有限公司"], py="ZhongJin CaiFu", pyabbr="CICC",
         apps=[dict(id="cicc_app", names=["中金财富"], pkgs=["com.cicc.wealth"],
                    spec=dict(style="thin_line_dark", bg=["#1B1B1B", "#3A3426"], fg=["#C9A227"], parts=[P("nested_diamonds", n=3)]))]),
    # ------------------------------------------------------------------ consumer finance
    dict(key="mucfc", inst="招联消费金融", kind="consumer", kws=["招联金融", "招联", "好期贷"], devs=["招联消费金融股份有限公司"], py="ZhaoLian JinRong", pyabbr="MUCFC",
         apps=[dict(id="mucfc_app", names=["招联金融"], pkgs=["com.mucfc.muna"], wx=True,
                    spec=dict(style="glyph_tile", bg=["#1E64F0"], fg=WH, parts=[P("glyph", sc=.9, seeds=[2501]), P("ring", t=.06, sc=1.25)]))]),
    dict(key="msxf", inst="马上消费金融", kind="consumer", kws=["马上消费", "安逸花", "马上金融"], devs=["马上消费金融股份有限公司"], py="AnYiHua", pyabbr="MSXF",
         apps=[
             dict(id="msxf_ayh", names=["安逸花"], pkgs=["com.msxf.ayh"],
                  spec=dict(style="tile_gradient", bg=["#FF4F6D", "#FF8A5B"], angle=120, fg=WH,
                            parts=[P("petals", n=3, wid=.42, rot=-90, sc=.95), P("dot", sc=.16, cut=True)])),
             dict(id="msxf_app", names=["马上金融", "马上消费金融"], pkgs=["com.msxf.loan"], icon_of="msxf_ayh"),
         ]),
    dict(key="bocfc", inst="中银消费金融", kind="consumer", kws=["中银消费金融", "中银消费", "新易贷"], devs=["中银消费金融有限公司"], py="ZhongYin XiaoFei", pyabbr="BOCCFC",
         apps=[dict(id="bocfc_app", names=["中银消费金融"], pkgs=["com.boccfc.app"],
                    spec=dict(style="circle_badge", bg=["#B81C22", "#D94A38"], fg=["#B81C22"], parts=[P("diamond", inner="outline")]))]),
    dict(key="hc", inst="捷信消费金融", kind="consumer", kws=["捷信", "捷信金融", "Home Credit"], devs=["捷信消费金融有限公司"], py="JieXin JinRong", pyabbr="HomeCredit",
         apps=[dict(id="hc_app", names=["捷信金融"], pkgs=["cn.homecredit.capp"],
                    spec=dict(style="white_logo", bg=WH, fg=["#E21A22"], parts=[P("ring_gap", t=.12, start=-30, gap=60), P("monogram", sc=.8, s="HC")]))]),
]

# ----------------------------------------------------------------------------------------------
# non-protected financial institutions (hard negatives) and generic pools
# ----------------------------------------------------------------------------------------------

OTHER_FIN = [
    ("杭州银行", "com.hzbank.mbank", "杭州银行股份有限公司"), ("长沙银行", "com.bankofchangsha.mbank", "长沙银行股份有限公司"),
    ("成都银行", "com.bocd.mbank", "成都银行股份有限公司"), ("重庆银行", "com.cqcbank.mbank", "重庆银行股份有限公司"),
    ("徽商银行", "com.hsbank.mbank", "徽商银行股份有限公司"), ("哈尔滨银行", "com.hrbb.mbank", "哈尔滨银行股份有限公司"),
    ("贵阳银行", "com.bankgy.mbank", "贵阳银行股份有限公司"), ("郑州银行", "com.zzbank.mbank", "郑州银行股份有限公司"),
    ("青岛银行", "com.qdccb.mbank", "青岛银行股份有限公司"), ("西安银行", "com.xacbank.mbank", "西安银行股份有限公司"),
    ("苏州银行", "com.suzhoubank.mbank", "苏州银行股份有限公司"), ("厦门银行", "com.xmbank.mbank", "厦门银行股份有限公司"),
    ("齐鲁银行", "com.qlbchina.mbank", "齐鲁银行股份有限公司"), ("兰州银行", "com.lzbank.mbank", "兰州银行股份有限公司"),
    ("天津银行", "com.bankoftianjin.mbank", "天津银行股份有限公司"), ("河北银行", "com.hebbank.mbank", "河北银行股份有限公司"),
    ("广州银行", "com.gzcb.mbank", "广州银行股份有限公司"), ("东莞银行", "com.dongguanbank.mbank", "东莞银行股份有限公司"),
    ("九江银行", "com.jjccb.mbank", "九江银行股份有限公司"), ("盛京银行", "com.shengjingbank.mbank", "盛京银行股份有限公司"),
    ("上海农商银行", "com.srcb.mbank", "上海农村商业银行股份有限公司"), ("北京农商银行", "com.bjrcb.mbank", "北京农村商业银行股份有限公司"),
    ("重庆农村商业银行", "com.cqrcb.mbank", "重庆农村商业银行股份有限公司"), ("广州农商银行", "com.grcbank.mbank", "广州农村商业银行股份有限公司"),
    ("深圳农村商业银行", "com.4001961200.mbank", "深圳农村商业银行股份有限公司"), ("江南农村商业银行", "com.jnbank.mbank", "江苏江南农村商业银行股份有限公司"),
    ("常熟农商银行", "com.csrcbank.mbank", "江苏常熟农村商业银行股份有限公司"),
    ("阳光保险", "com.sinosig.app", "阳光保险集团股份有限公司"), ("众安保险", "com.zhongan.insurance", "众安在线财产保险股份有限公司"),
    ("华安保险", "com.sinosafe.app", "华安财产保险股份有限公司"), ("中华联合保险", "com.cic.app", "中华联合财产保险股份有限公司"),
    ("大地保险", "com.ccic.app", "中国大地财产保险股份有限公司"), ("富德生命人寿", "com.sino-life.app", "富德生命人寿保险股份有限公司"),
    ("申万宏源", "com.swhysc.app", "申万宏源证券有限公司"), ("方正证券", "com.foundersc.app", "方正证券股份有限公司"),
    ("长江证券", "com.cjsc.app", "长江证券股份有限公司"), ("中原消费金融", "com.hnzycfc.app", "河南中原消费金融股份有限公司"),
    ("海尔消费金融", "com.haiercash.app", "海尔消费金融有限公司"),
]
SHARED_WORD_FIN = [  # real, unrelated institutions whose names share a short word with a protected one
    ("兴业证券", "com.xyzq.app", "兴业证券股份有限公司", "cib"), ("民生证券", "com.mszq.app", "民生证券股份有限公司", "cmbc"),
    ("华夏基金", "com.chinaamc.app", "华夏基金管理有限公司", "hxb"), ("太平洋证券", "com.tpyzq.app", "太平洋证券股份有限公司", "cpic"),
    ("东方证券", "com.dfzq.app", "东方证券股份有限公司", "em"), ("宁波通商银行", "com.ncbank.mbank", "宁波通商银行股份有限公司", "nbcb"),
]

GENERIC_NAMES = [
    "天天消消乐", "极速清理大师", "手电筒Pro", "高清壁纸精灵", "省电管家", "二维码扫描器", "全能录音机", "每日星座运势", "万能遥控器",
    "天气预报通", "番茄闹钟", "小说阅读器", "音乐播放器Lite", "健步走计步器", "趣味拼图", "视频剪辑大师", "文件管理助手", "网速测试",
    "美颜相机Plus", "随身翻译官", "万年历", "备忘录Note", "每日待办", "宝宝识字", "象棋大师", "消灭星星", "全民找茬", "直播盒子",
    "短视频助手", "WiFi连接助手", "垃圾清理", "手机加速器", "放大镜", "指南针", "分贝仪", "解压神器", "走路多多", "答题王者",
    "开心农场2", "桌面时钟", "白噪音睡眠", "充电动画", "来电秀", "字体美化大师", "图片压缩", "录屏大师", "专注番茄", "旅行地图",
    "外卖优惠助手", "菜谱大全", "驾考宝典通", "宠物相机", "健身教练", "冥想呼吸", "修图工具箱", "PDF转换器", "快递查询", "日记本",
]
FIN_TOOL_NAMES = [
    "随手记账本", "极简记账", "房贷计算器", "个税计算器", "汇率换算", "实时汇率", "记账本Pro", "理财计算器", "存款利息计算", "信用卡还款提醒",
    "账单助手", "钱包记账", "货币转换器", "股票计算器", "基金定投计算", "工资计算器", "车贷计算器", "复利计算器", "收支记账", "家庭账本",
    "分期计算器", "金价查询", "外汇牌价助手", "预算管家", "AA记账",
]
CITIES = ["深圳市", "广州市", "杭州", "成都", "武汉", "厦门", "南京", "北京", "上海", "长沙", "西安", "合肥", "东莞市", "佛山市"]
DEV_TOKENS = ["乐游", "星辰", "极光", "云帆", "掌趣", "飞鱼", "蓝鲸", "橙子", "蜂鸟", "墨云", "青柠", "北斗", "微光", "易联", "开心果", "天启", "信达", "金桥", "汇通", "鼎盛"]
DEV_SUFFIX = ["网络科技有限公司", "信息技术有限公司", "科技有限公司", "软件开发有限公司", "互动娱乐有限公司"]
PERSONS = ["王磊", "张明", "李娜", "刘洋", "陈静", "杨帆", "赵强", "黄磊", "周婷", "吴敏"]
PKG_A = ["happy", "fast", "super", "smart", "daily", "fun", "magic", "easy", "tool", "star", "sky", "joy", "top", "best", "mini", "cool", "clean", "power", "lucky", "bright"]
PKG_B = ["cleaner", "game", "torch", "wallpaper", "scanner", "weather", "music", "reader", "alarm", "camera", "puzzle", "video", "notes", "fit", "radio", "memo", "chess", "clock", "widget", "booster"]
STORES_MAIN = ["huawei-appgallery", "xiaomi-getapps", "tencent-myapp", "oppo-store", "vivo-store", "honor-store"]
STORES_THIRD = ["apk-download-site", "wandoujia", "website", "360-mobile-assistant", "baidu-mobile-assistant"]

TRAD = {p[0]: p[1] for p in """国國 银銀 设設 农農 业業 邮郵 储儲 兴興 华華 广廣 发發 东東 财財 证證 险險 寿壽 费費 马馬 联聯 众眾 网網 贷貸 车車 乐樂 涨漲 动動 间間 买買 单單 缤繽 纷紛 简簡 约約 汇匯 远遠 户戶 苏蘇 宁寧 门門 长長 体體 说說 认認 为為 们們 这這 个個 来來 时時 会會 对對 实實 现現 经經 过過 还還 进進 样樣 与與 后後 从從 应應 张張 问問 资資 产產 话話 机機 电電 点點 题題 号號 务務 绿綠 积積 兑兌 额額 级級 极極 专專 币幣 宝寶 钱錢 阳陽 贵貴 庆慶 门門 厦廈 齐齊 兰蘭 阳陽 岛島""".split()}
SIMP = {v: k for k, v in TRAD.items()}
EMOJI = ["💰", "🔥", "✅", "🧧", "⭐", "💳", "🎁", "📈", "💎", "🏦"]
SUFFIXES = ["官方版", "极速版", "贷款", "福利版", "2025新版", "手机版", "Pro", "助手", "专业版", "官方正版", "-安全认证", "极速贷", "VIP", "升级版"]
LOAN_WORDS = ["贷款-快速审批", "信用贷", "备用金", "快贷助手", "额度提升", "贷款服务中心", "借钱极速到账", "分期福利"]


# ----------------------------------------------------------------------------------------------
# helpers for records
# ----------------------------------------------------------------------------------------------

def hex64(r):
    return "".join(f"{int(b):02x}" for b in r.integers(0, 256, 32))


def colon_upper(h):
    return ":".join(h[i:i + 2] for i in range(0, 64, 2)).upper()


def fake_dev(r):
    if r.random() < .12:
        return pick(r, PERSONS)
    return pick(r, CITIES) + pick(r, DEV_TOKENS) + pick(r, DEV_SUFFIX)


def fake_pkg(r):
    p = "com.{}{}.{}".format(pick(r, PKG_A), pick(r, PKG_B), pick(r, ["app", "android", "free", "lite", "pro", "mobile"]))
    return p if r.random() < .7 else p + str(int(r.integers(1, 99)))


def wx_appid(r):
    return "wx" + "".join(f"{int(v):x}" for v in r.integers(0, 16, 16))


def ali_appid(r):
    return "2021" + "".join(str(int(v)) for v in r.integers(0, 10, 12))


def gh_id(r):
    return "gh_" + "".join(f"{int(v):x}" for v in r.integers(0, 16, 12))


def date_str(r, lo=(2024, 1, 1), span=660):
    import datetime
    d = datetime.date(*lo) + datetime.timedelta(days=int(r.integers(0, span)))
    return d.isoformat()


def url_for(r, source, pkg, name):
    digits = "".join(str(int(v)) for v in r.integers(0, 10, 9))
    if source == "huawei-appgallery":
        return "https://appgallery.huawei.com/app/C1" + digits
    if source == "xiaomi-getapps":
        return f"https://app.mi.com/details?id={pkg}" if pkg else None
    if source == "tencent-myapp":
        return f"https://sj.qq.com/appdetail/{pkg}" if pkg else None
    if source == "apple-appstore":
        return "https://apps.apple.com/cn/app/id1" + digits
    if source in ("apk-download-site", "website"):
        host = pick(r, ["apk", "down", "soft", "app", "dl"]) + digits[:4] + pick(r, [".top", ".xyz", ".cn", ".com", ".vip"])
        return "https://{}/download/{}.apk".format(host, (pkg or "app").replace(".", "_"))
    if source == "wechat-miniprogram":
        return f"#小程序://{name}/{digits[:6]}"
    return None


# ----------------------------------------------------------------------------------------------
# icon state + deformations (every geometric op is applied to two id maps as well, so that the
# share of the official content that stays visible can be measured)
# ----------------------------------------------------------------------------------------------

class State:
    def __init__(self, img, mask):
        self.img = img.convert("RGB")
        m = np.asarray(mask) > 127
        yy, xx = np.mgrid[0:N, 0:N]
        ids = np.where(m, (yy // 16) * 16 + xx // 16, -2).astype(np.int32)
        self.geo, self.occ = ids.copy(), ids.copy()
        self.w0 = np.bincount(ids[ids >= 0], minlength=256).astype(np.float64)
        self.soft = mask
        self.alpha = None
        self.steps = 0

    def geom(self, f_img, f_ids):
        self.img = f_img(self.img)
        self.geo = np.asarray(f_ids(Image.fromarray(self.geo))).astype(np.int32)
        self.occ = np.asarray(f_ids(Image.fromarray(self.occ))).astype(np.int32)

    def overlay(self, ov, occludes=True):
        ov = ov.resize((N, N), Image.LANCZOS) if ov.size != (N, N) else ov
        self.img = Image.alpha_composite(self.img.convert("RGBA"), ov).convert("RGB")
        if occludes:
            a = np.asarray(ov)[..., 3]
            self.occ[a > 128] = -1

    def visible(self):
        present = np.zeros(256, bool)
        present[np.unique(self.geo[self.geo >= 0])] = True
        geo_frac = self.w0[present].sum() / max(1.0, self.w0.sum())
        ng, no = int((self.geo >= 0).sum()), int((self.occ >= 0).sum())
        return float(geo_frac * (no / ng if ng else 0.0))

    def contrast(self):
        arr = np.asarray(self.img.convert("RGB"), np.float64)
        c = self.occ >= 0
        if c.sum() < 30:
            return 0.0
        dil = np.asarray(Image.fromarray((c * 255).astype(np.uint8)).filter(ImageFilter.MaxFilter(11))) > 0
        ring_ = dil & ~c & (self.occ == -2)
        if ring_.sum() < 30:
            ring_ = dil & ~c
        if ring_.sum() < 30:
            return 0.0
        # compare luminance and colour both: mean colour distance, and mean |luma| difference
        dc = float(np.linalg.norm(arr[c].mean(0) - arr[ring_].mean(0)))
        return dc

    def final(self):
        if self.alpha is not None:
            im = self.img.convert("RGBA")
            im.putalpha(self.alpha)
            return im
        return self.img


def corner_colour(img):
    a = np.asarray(img.convert("RGB"))
    cs = np.stack([a[2, 2], a[2, -3], a[-3, 2], a[-3, -3]]).astype(int)
    return tuple(int(v) for v in np.median(cs, axis=0))


def rand_colour(r, sat=(0.4, 1.0), val=(0.35, 1.0)):
    h = U(r, 0, 1)
    c = colorsys.hsv_to_rgb(h, U(r, *sat), U(r, *val))
    return tuple(int(round(v * 255)) for v in c)


def random_bg(r, size=N):
    kind = pick(r, ["solid", "solid", "gradient", "gradient", "stripes", "dots", "checker", "grid"])
    c1, c2 = rand_colour(r), rand_colour(r)
    if kind == "solid":
        return Image.new("RGB", (size, size), c1), {"bg": "solid", "c": to_hex(c1)}
    if kind == "gradient":
        return lin_gradient(c1, c2, int(r.integers(0, 360)), size), {"bg": "gradient", "c": [to_hex(c1), to_hex(c2)]}
    img = Image.new("RGB", (size, size), c1)
    d = ImageDraw.Draw(img)
    step = int(r.integers(14, 34))
    if kind == "stripes":
        for k in range(-size, 2 * size, step):
            d.line([(k, 0), (k + size, size)], fill=c2, width=step // 2)
    elif kind == "dots":
        for y in range(0, size, step):
            for x in range(0, size, step):
                d.ellipse([x + 2, y + 2, x + step // 2, y + step // 2], fill=c2)
    elif kind == "checker":
        for y in range(0, size, step):
            for x in range(0, size, step):
                if (x // step + y // step) % 2:
                    d.rectangle([x, y, x + step - 1, y + step - 1], fill=c2)
    else:
        for k in range(0, size, step):
            d.line([(k, 0), (k, size)], fill=c2, width=2)
            d.line([(0, k), (size, k)], fill=c2, width=2)
    return img, {"bg": kind, "c": [to_hex(c1), to_hex(c2)], "step": step}


def badge_label(r):
    if r.random() < .45:
        return {"glyphs": [int(v) for v in r.integers(60000, 60999, int(r.integers(1, 3)))]}
    return {"latin": pick(r, ["HOT", "NEW", "VIP", "5G", "99+", "Pro", "¥", "free", "TOP", "2025", "8", "+"])}


def draw_label(d, lab, cx, cy, h, fill):
    if "glyphs" in lab:
        g = lab["glyphs"]
        gh = min(h, h * 2.2 / len(g) / 1.1)
        draw_glyph_row(d, g, cx, cy, gh * .8, fill, weight=.1)
    else:
        fs = h * (1.0 if len(lab["latin"]) <= 2 else 2.3 / len(lab["latin"]))
        d.text((cx, cy), lab["latin"], font=font(fs), anchor="mm", fill=fill, stroke_width=max(1, int(fs * .05)), stroke_fill=fill)


BADGE_COLOURS = ["#FF3B30", "#FF9500", "#FFCC00", "#34C759", "#007AFF", "#AF52DE", "#E6162D", "#FFD700", "#111111", "#FFFFFF"]


def op_rotate(st, r, mild=False):
    ang = U(r, 3, 8) if mild else U(r, 8, 35)
    ang *= pick(r, [-1, 1])
    fk = pick(r, ["corner", "white", "black", "random"])
    fill = {"corner": corner_colour(st.img), "white": (255, 255, 255), "black": (0, 0, 0)}.get(fk) or rand_colour(r)
    st.geom(lambda im: im.rotate(ang, resample=Image.BICUBIC, fillcolor=fill),
            lambda im: im.rotate(ang, resample=Image.NEAREST, fillcolor=-1))
    return {"angle": round(ang, 2), "fill": to_hex(fill)}


def _paste_scaled(st, bg, scale_x, scale_y, px, py):
    w, h = max(8, int(round(N * scale_x))), max(8, int(round(N * scale_y)))

    def fi(im):
        out = bg.copy()
        out.paste(im.resize((w, h), Image.LANCZOS), (px, py))
        return out

    def fd(im):
        out = Image.new("I", (N, N), -1)
        out.paste(im.resize((w, h), Image.NEAREST), (px, py))
        return out

    st.geom(fi, fd)


def op_shrink_bg(st, r, mild=False):
    if mild:
        sc = U(r, .85, .95)
        bg, desc = Image.new("RGB", (N, N), (255, 255, 255)), {"bg": "solid", "c": "#FFFFFF"}
    else:
        sc = U(r, .45, .8)
        bg, desc = random_bg(r)
    w = int(round(N * sc))
    if mild or r.random() < .5:
        px = py = (N - w) // 2
        pos = "centre"
    else:
        px, py = int(r.integers(0, N - w + 1)), int(r.integers(0, N - w + 1))
        pos = "offset"
    _paste_scaled(st, bg, sc, sc, px, py)
    return {"scale": round(sc, 3), "pos": pos, "xy": [px, py], **desc}


def op_crop(st, r, mild=False):
    fr = U(r, .68, .86)
    w = int(round(N * fr))
    # off-centre: push the window towards a random side/corner
    ox = int(round((N - w) * pick(r, [0.0, 0.15, 0.85, 1.0, 0.5])))
    oy = int(round((N - w) * pick(r, [0.0, 0.2, 0.8, 1.0])))
    st.geom(lambda im: im.crop((ox, oy, ox + w, oy + w)).resize((N, N), Image.BICUBIC),
            lambda im: im.crop((ox, oy, ox + w, oy + w)).resize((N, N), Image.NEAREST))
    return {"window": round(fr, 3), "xy": [ox, oy]}


def op_mask_round(st, r, mild=False, last=True):
    kind = pick(r, ["circle", "rounded", "rounded", "squircle"])
    m = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(m)
    if kind == "circle":
        d.ellipse([0, 0, S - 1, S - 1], fill=255)
        rad = .5
    else:
        rad = U(r, .15, .3) if kind == "rounded" else U(r, .35, .45)
        d.rounded_rectangle([0, 0, S - 1, S - 1], radius=rad * S, fill=255)
    m = m.resize((N, N), Image.LANCZOS)
    a = np.asarray(m)
    rgba = last and r.random() < .4
    if rgba:
        st.alpha = m
        fill = None
    else:
        fill = pick(r, [(255, 255, 255), (255, 255, 255), (0, 0, 0), rand_colour(r)])
        st.img = Image.composite(st.img, Image.new("RGB", (N, N), fill), m)
    st.geo[a < 128] = np.where(st.geo[a < 128] >= 0, -1, st.geo[a < 128])
    st.occ[a < 128] = -1
    # the masked-away corners are cut off, not covered: count them as geometric loss
    return {"shape": kind, "radius": round(rad, 3), "transparent": rgba, "fill": to_hex(fill) if fill else None}


def op_badge_corner(st, r, mild=False):
    corner = pick(r, ["tl", "tr", "bl", "br"])
    sz = U(r, .16, .22) if mild else U(r, .22, .36)
    shape = pick(r, ["disc", "roundrect", "ribbon", "disc"])
    col = hx(pick(r, BADGE_COLOURS))
    tcol = (0, 0, 0) if sum(col) > 600 else (255, 255, 255)
    lab = badge_label(r)
    ov = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    s = sz * S
    m = S * .02
    x0 = m if corner[1] == "l" else S - m - s
    y0 = m if corner[0] == "t" else S - m - s
    if shape == "disc":
        d.ellipse([x0, y0, x0 + s, y0 + s], fill=col + (255,), outline=(255, 255, 255, 255), width=int(S * .008))
        draw_label(d, lab, x0 + s / 2, y0 + s / 2, s * .5, tcol + (255,))
    elif shape == "roundrect":
        h = s * .62
        yy = y0 + (s - h) / 2
        d.rounded_rectangle([x0 - s * .15, yy, x0 + s * 1.15, yy + h], radius=h * .3, fill=col + (255,))
        draw_label(d, lab, x0 + s / 2, yy + h / 2, h * .65, tcol + (255,))
    else:  # ribbon: triangle in the corner
        cx = 0 if corner[1] == "l" else S
        cy = 0 if corner[0] == "t" else S
        L = s * 1.5
        d.polygon([(cx, cy), (cx + (L if cx == 0 else -L), cy), (cx, cy + (L if cy == 0 else -L))], fill=col + (255,))
        draw_label(d, lab, cx + (s * .45 if cx == 0 else -s * .45), cy + (s * .45 if cy == 0 else -s * .45), s * .38, tcol + (255,))
    st.overlay(ov)
    return {"corner": corner, "size": round(sz, 3), "shape": shape, "colour": to_hex(col), "label": lab}


def op_badge_centre(st, r, mild=False):
    sz = U(r, .16, .22) if mild else U(r, .22, .36)
    shape = pick(r, ["tick_disc", "label", "starburst", "seal"])
    col = hx(pick(r, BADGE_COLOURS[:8]))
    ov = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    s = sz * S
    cx, cy = S / 2 + U(r, -.06, .06) * S, S / 2 + U(r, -.06, .06) * S
    lab = None
    if shape == "tick_disc":
        d.ellipse([cx - s / 2, cy - s / 2, cx + s / 2, cy + s / 2], fill=col + (255,), outline=(255, 255, 255, 255), width=int(S * .01))
        draw_line(d, [(cx - s * .22, cy), (cx - s * .05, cy + s * .18), (cx + s * .25, cy - s * .16)], s * .1, (255, 255, 255, 255))
    elif shape == "label":
        lab = {"glyphs": [int(v) for v in r.integers(61000, 61999, 2)]}
        d.rounded_rectangle([cx - s * .75, cy - s * .33, cx + s * .75, cy + s * .33], radius=s * .12, fill=col + (255,))
        draw_label(d, lab, cx, cy, s * .45, (255, 255, 255, 255))
    elif shape == "starburst":
        d.polygon(star_pts(cx, cy, s / 2, 12, .78), fill=col + (255,))
        lab = badge_label(r)
        draw_label(d, lab, cx, cy, s * .35, (255, 255, 255, 255))
    else:  # a red seal outline, semi-solid
        ring(d, cx, cy, s / 2, s * .08, col + (255,))
        lab = {"glyphs": [int(v) for v in r.integers(62000, 62999, 2)]}
        draw_label(d, lab, cx, cy, s * .42, col + (255,))
    st.overlay(ov)
    return {"size": round(sz, 3), "shape": shape, "colour": to_hex(col), "centre": [round(cx / S, 3), round(cy / S, 3)], "label": lab}


def op_text_band(st, r, mild=False):
    where = pick(r, ["top", "bottom", "bottom"])
    h = U(r, .18, .3)
    col = hx(pick(r, BADGE_COLOURS))
    alpha = pick(r, [255, 255, 220])
    lab = badge_label(r) if r.random() < .5 else {"glyphs": [int(v) for v in r.integers(63000, 63999, int(r.integers(2, 5)))]}
    ov = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    y0 = 0 if where == "top" else S * (1 - h)
    d.rectangle([0, y0, S, y0 + S * h], fill=col + (alpha,))
    tcol = (0, 0, 0, 255) if sum(col) > 600 else (255, 255, 255, 255)
    draw_label(d, lab, S / 2, y0 + S * h / 2, S * h * .6, tcol)
    st.overlay(ov)
    return {"where": where, "height": round(h, 3), "colour": to_hex(col), "alpha": alpha, "label": lab}


def op_hue(st, r, mild=False):
    deg = U(r, 10, 25) if mild else U(r, 40, 320)
    hsv = np.asarray(st.img.convert("HSV")).copy()
    hsv[..., 0] = (hsv[..., 0].astype(int) + int(round(deg / 360 * 255))) % 256
    st.img = Image.fromarray(hsv, "HSV").convert("RGB")
    return {"degrees": round(deg, 1)}


def op_invert(st, r, mild=False):
    st.img = ImageOps.invert(st.img)
    return {}


def op_grey(st, r, mild=False):
    mode = pick(r, ["grey", "sepia", "tint"])
    g = ImageOps.grayscale(st.img)
    if mode == "grey":
        st.img = g.convert("RGB")
        return {"mode": mode}
    tint = (112, 66, 20) if mode == "sepia" else rand_colour(r, val=(.2, .5))
    st.img = ImageOps.colorize(g, black=tint, white=(255, 250, 240))
    return {"mode": mode, "tint": to_hex(tint)}


def op_blur_jpeg(st, r, mild=False):
    rad = U(r, 0, .8) if mild else U(r, 1, 2.5)
    q = int(r.integers(55, 86)) if mild else int(r.integers(12, 41))
    im = st.img.filter(ImageFilter.GaussianBlur(rad)) if rad > .05 else st.img
    buf = io.BytesIO()
    im.save(buf, "JPEG", quality=q)
    st.img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
    return {"blur": round(rad, 2), "quality": q}


def op_mirror(st, r, mild=False):
    st.geom(lambda im: im.transpose(Image.FLIP_LEFT_RIGHT), lambda im: im.transpose(Image.FLIP_LEFT_RIGHT))
    return {"axis": "horizontal"}


def persp_coeffs(src, dst):
    A, B = [], []
    for (x, y), (X, Y) in zip(dst, src, strict=False):
        A.append([x, y, 1, 0, 0, 0, -X * x, -X * y])
        B.append(X)
        A.append([0, 0, 0, x, y, 1, -Y * x, -Y * y])
        B.append(Y)
    return [float(v) for v in np.linalg.solve(np.array(A, float), np.array(B, float))]


def op_perspective(st, r, mild=False):
    src = [(0, 0), (N, 0), (N, N), (0, N)]
    side = pick(r, ["left", "right", "top", "bottom", "random"])
    k = U(r, .05, .15) * N
    dst = [list(p) for p in src]
    if side == "left":
        dst[0][1] += k
        dst[3][1] -= k
    elif side == "right":
        dst[1][1] += k
        dst[2][1] -= k
    elif side == "top":
        dst[0][0] += k
        dst[1][0] -= k
    elif side == "bottom":
        dst[3][0] += k
        dst[2][0] -= k
    else:
        for p in dst:
            p[0] += U(r, -.15, .15) * N * .6
            p[1] += U(r, -.15, .15) * N * .6
    co = persp_coeffs(src, [tuple(p) for p in dst])
    fill = corner_colour(st.img) if r.random() < .5 else (255, 255, 255)
    st.geom(lambda im: im.transform((N, N), Image.PERSPECTIVE, co, resample=Image.BICUBIC, fillcolor=fill),
            lambda im: im.transform((N, N), Image.PERSPECTIVE, co, resample=Image.NEAREST, fillcolor=-1))
    return {"side": side, "amount": round(k / N, 3), "dst": [[round(a, 1), round(b, 1)] for a, b in dst]}


def op_skew(st, r, mild=False):
    sh = U(r, .12, .3) * pick(r, [-1, 1])
    axis = pick(r, ["x", "y"])
    c = N / 2
    co = (1, sh, -sh * c, 0, 1, 0) if axis == "x" else (1, 0, 0, sh, 1, -sh * c)
    fill = corner_colour(st.img) if r.random() < .6 else (255, 255, 255)
    st.geom(lambda im: im.transform((N, N), Image.AFFINE, co, resample=Image.BICUBIC, fillcolor=fill),
            lambda im: im.transform((N, N), Image.AFFINE, co, resample=Image.NEAREST, fillcolor=-1))
    return {"shear": round(sh, 3), "axis": axis}


def op_frame(st, r, mild=False):
    w = U(r, .05, .12)
    style = pick(r, ["solid", "double", "gold", "dashed"])
    col = hx(pick(r, BADGE_COLOURS)) if style != "gold" else (212, 175, 55)
    ov = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    px = int(w * S)
    if style in ("solid", "gold"):
        d.rectangle([0, 0, S - 1, S - 1], outline=col + (255,), width=px)
        if style == "gold":
            d.rectangle([px * .35, px * .35, S - px * .35, S - px * .35], outline=(255, 236, 160, 255), width=max(1, px // 6))
    elif style == "double":
        d.rectangle([0, 0, S - 1, S - 1], outline=col + (255,), width=px // 2)
        d.rectangle([px * .75, px * .75, S - px * .75, S - px * .75], outline=col + (255,), width=max(1, px // 4))
    else:
        seg = S // 12
        for k in range(0, S, seg):
            for box in ([k, 0, k + seg // 2, px], [k, S - px, k + seg // 2, S], [0, k, px, k + seg // 2], [S - px, k, S, k + seg // 2]):
                d.rectangle(box, fill=col + (255,))
    st.overlay(ov)
    return {"width": round(w, 3), "style": style, "colour": to_hex(col)}


def op_pixelate(st, r, mild=False):
    n = int(r.integers(20, 41))
    st.img = st.img.resize((n, n), Image.BOX).resize((N, N), Image.NEAREST)
    return {"cells": n}


def op_posterize(st, r, mild=False):
    k = int(r.integers(3, 7))
    st.img = st.img.quantize(colors=k, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE).convert("RGB")
    return {"colours": k}


def op_stretch(st, r, mild=False):
    sx, sy = (U(r, .62, .85), 1.0) if r.random() < .5 else (1.0, U(r, .62, .85))
    bg, desc = random_bg(r) if r.random() < .5 else (Image.new("RGB", (N, N), corner_colour(st.img)), {"bg": "edge"})
    w, h = int(round(N * sx)), int(round(N * sy))
    _paste_scaled(st, bg, sx, sy, (N - w) // 2, (N - h) // 2)
    return {"sx": round(sx, 3), "sy": round(sy, 3), **desc}


def op_bg_swap(st, r, mild=False):
    """Keep the logo, repaint the field behind it (first op only: uses the official soft mask)."""
    arr = np.asarray(st.img, np.float64)
    m = np.asarray(st.soft, np.float64) / 255
    cmean = (arr * m[..., None]).sum((0, 1)) / max(1, m.sum())
    bmean = (arr * (1 - m[..., None])).sum((0, 1)) / max(1, (1 - m).sum())
    for _ in range(40):
        c1 = rand_colour(r)
        c2 = rand_colour(r) if r.random() < .5 else c1
        mid = (np.array(c1) + np.array(c2)) / 2
        if np.linalg.norm(mid - cmean) > 110 and np.linalg.norm(mid - bmean) > 90:
            break
    bg = lin_gradient(c1, c2, int(r.integers(0, 360)), N) if c2 != c1 else Image.new("RGB", (N, N), c1)
    st.img = Image.composite(st.img, bg, st.soft)
    return {"c": [to_hex(c1), to_hex(c2)]}


def op_watermark(st, r, mild=False):
    alpha = int(U(r, .2, .4) * 255)
    col = pick(r, [(255, 255, 255), (0, 0, 0), (255, 0, 0)])
    ang = U(r, 20, 45)
    ov = Image.new("RGBA", (S * 2, S * 2), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    lab = pick(r, [{"latin": "SAMPLE"}, {"latin": "DEMO"}, {"glyphs": [64001, 64002, 64003]}, {"latin": "VIP"}])
    step = int(S * .28)
    for y in range(0, 2 * S, step):
        for x in range(-(y // 2) % step, 2 * S, int(step * 1.6)):
            draw_label(d, lab, x, y, S * .1, col + (alpha,))
    ov = ov.rotate(ang, resample=Image.BICUBIC).crop((S // 2, S // 2, S // 2 + S, S // 2 + S))
    st.overlay(ov, occludes=False)
    return {"alpha": round(alpha / 255, 2), "angle": round(ang, 1), "label": lab}


def op_noise(st, r, mild=False):
    sig = U(r, 12, 30)
    sp = U(r, 0, .03)
    a = np.asarray(st.img, np.float64) + r.normal(0, sig, (N, N, 1)) * np.array([1.0, 1.0, 1.0]) + r.normal(0, sig / 3, (N, N, 3))
    salt = r.random((N, N)) < sp
    a[salt] = r.integers(0, 2, (int(salt.sum()), 1)) * 255
    st.img = Image.fromarray(np.clip(np.round(a), 0, 255).astype(np.uint8))
    return {"sigma": round(sig, 1), "speckle": round(sp, 3)}


def op_sticker(st, r, mild=False):
    sc = U(r, .55, .75)
    ang = U(r, -20, 20)
    bg, desc = random_bg(r)
    w = int(round(N * sc))
    off = (int(r.integers(-3, 4)) * 2 + 8, int(r.integers(-3, 4)) * 2 + 10)

    def fi(im):
        t = im.resize((w, w), Image.LANCZOS).convert("RGBA")
        t = t.rotate(ang, resample=Image.BICUBIC, expand=True)
        sh = Image.new("RGBA", t.size, (0, 0, 0, 0))
        sh.putalpha(t.getchannel("A").point(lambda v: int(v * .55)))
        sh = sh.filter(ImageFilter.GaussianBlur(5))
        out = bg.copy().convert("RGBA")
        px, py = (N - t.size[0]) // 2, (N - t.size[1]) // 2
        out.alpha_composite(sh, (px + off[0], py + off[1]))
        out.alpha_composite(t, (px, py))
        return out.convert("RGB")

    def fd(im):
        t = im.resize((w, w), Image.NEAREST).rotate(ang, resample=Image.NEAREST, expand=True, fillcolor=-1)
        out = Image.new("I", (N, N), -1)
        px, py = (N - t.size[0]) // 2, (N - t.size[1]) // 2
        a = np.asarray(out).copy()
        ta = np.asarray(t)
        sub = a[max(0, py):py + ta.shape[0], max(0, px):px + ta.shape[1]]
        tt = ta[max(0, -py):max(0, -py) + sub.shape[0], max(0, -px):max(0, -px) + sub.shape[1]]
        sub[tt != -1] = tt[tt != -1]
        return Image.fromarray(a)

    st.geom(fi, fd)
    return {"scale": round(sc, 3), "angle": round(ang, 1), "shadow": list(off), **desc}


def op_confetti(st, r, mild=False):
    n = int(r.integers(8, 21))
    ov = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(ov)
    shapes = []
    for _ in range(n):
        s = U(r, .03, .07) * S
        x, y = U(r, 0, S), U(r, 0, S)
        col = hx(pick(r, BADGE_COLOURS[:8])) + (255,)
        k = pick(r, ["star", "disc", "coin", "tri"])
        if k == "star":
            d.polygon(star_pts(x, y, s, 5, .45), fill=col)
        elif k == "disc":
            d.ellipse([x - s / 2, y - s / 2, x + s / 2, y + s / 2], fill=col)
        elif k == "coin":
            d.ellipse([x - s * .6, y - s * .6, x + s * .6, y + s * .6], fill=(255, 200, 40, 255), outline=(200, 130, 0, 255), width=max(1, int(s * .15)))
        else:
            d.polygon([(x, y - s / 2), (x + s / 2, y + s / 2), (x - s / 2, y + s / 2)], fill=col)
        shapes.append(k)
    st.overlay(ov)
    return {"count": n}


def op_tone(st, r, mild=False):
    b, c, s = U(r, .55, 1.45), U(r, .5, 1.6), U(r, 0, 1.8)
    if abs(b - 1) < .2 and abs(c - 1) < .2:
        b = pick(r, [.6, 1.4])
    im = ImageEnhance.Brightness(st.img).enhance(b)
    im = ImageEnhance.Contrast(im).enhance(c)
    st.img = ImageEnhance.Color(im).enhance(s)
    return {"brightness": round(b, 2), "contrast": round(c, 2), "saturation": round(s, 2)}


def op_vignette(st, r, mild=False):
    k = U(r, .4, .8)
    y, x = np.mgrid[0:N, 0:N].astype(np.float64) / (N - 1) - .5
    f = 1 - k * np.clip(np.hypot(x, y) / .72, 0, 1) ** 2
    col = np.array(pick(r, [(0, 0, 0), (0, 0, 0), (255, 215, 0), (255, 255, 255)]), np.float64)
    a = np.asarray(st.img, np.float64)
    a = a * f[..., None] + col * (1 - f[..., None])
    st.img = Image.fromarray(np.clip(np.round(a), 0, 255).astype(np.uint8))
    return {"strength": round(k, 2), "colour": to_hex(tuple(int(v) for v in col))}


OPS = {
    "rotate": op_rotate, "shrink_bg": op_shrink_bg, "crop": op_crop, "mask_round": op_mask_round,
    "badge_corner": op_badge_corner, "badge_centre": op_badge_centre, "text_band": op_text_band, "hue": op_hue,
    "invert": op_invert, "grey": op_grey, "blur_jpeg": op_blur_jpeg, "mirror": op_mirror,
    "perspective": op_perspective, "skew": op_skew, "frame": op_frame,
    # beyond the brief's list:
    "pixelate": op_pixelate, "posterize": op_posterize, "stretch": op_stretch, "bg_swap": op_bg_swap,
    "watermark": op_watermark, "noise": op_noise, "sticker": op_sticker, "confetti": op_confetti,
    "tone": op_tone, "vignette": op_vignette,
}
COMBO_FIRST_ONLY = {"bg_swap"}
MILD_OPS = ["rotate", "blur_jpeg", "shrink_bg", "badge_corner", "mask_round", "hue"]


def apply_ops(st, r, names, mild=False):
    out = []
    for i, name in enumerate(names):
        if name == "mask_round":
            prm = op_mask_round(st, r, mild, last=(i == len(names) - 1))
        else:
            prm = OPS[name](st, r, mild)
        out.append({"op": name, **prm})
    return out


def fair(st):
    v, c = st.visible(), st.contrast()
    grey = np.asarray(st.img.convert("L"), np.float64)
    return v >= VIS_MIN and c >= CONTRAST_MIN and grey.std() > 8, v, c


# ----------------------------------------------------------------------------------------------
# build
# ----------------------------------------------------------------------------------------------

def normalise_name(s):
    s = "".join(SIMP.get(ch, ch) for ch in s)
    s = "".join(ch for ch in s if ch.isalnum())
    out = []
    for ch in s:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out).lower()


def main():
    if OUT.exists():
        shutil.rmtree(OUT)
    (ICONS / "official").mkdir(parents=True)
    (ICONS / "listings").mkdir(parents=True)

    # ---------------- protected
    apps, inst_of, icon_key = {}, {}, {}
    protected_rows = []
    rendered = {}  # icon key -> (img, mask, spec)
    for ins in INSTITUTIONS:
        ri = rng("inst", ins["key"])
        certs = [hex64(ri)] + ([hex64(ri)] if ri.random() < .3 else [])
        ins["certs"] = certs
        for a in ins["apps"]:
            key = a.get("icon_of", a["id"])
            icon_key[a["id"]] = key
            if key == a["id"]:
                img, mask = render(a["spec"])
                rendered[key] = (img, mask, a["spec"])
                img.save(ICONS / "official" / f"{key}.png")
            kws = list(ins["kws"]) + list(a.get("kw", []))
            pkgs = list(a["pkgs"])
            if a.get("ios") and a["ios"] not in pkgs:
                pkgs.append(a["ios"])
            if a.get("wx"):
                a["wx_id"] = wx_appid(rng("wx", a["id"]))
                pkgs.append(a["wx_id"])
            row = {"app_id": a["id"], "institution": ins["inst"], "names": a["names"], "brand_keywords": kws,
                   "package_ids": pkgs or None, "developers": ins["devs"],
                   "cert_sha256": [colon_upper(c) if zlib.crc32(a["id"].encode()) % 3 == 0 else c for c in certs],
                   "icon": f"official/{key}.png"}
            protected_rows.append(row)
            apps[a["id"]] = dict(a, inst=ins, kws=kws, pkgs_all=pkgs)
            inst_of[a["id"]] = ins
    app_ids = [a["id"] for ins in INSTITUTIONS for a in ins["apps"]]
    main_apps = [ins["apps"][0]["id"] for ins in INSTITUTIONS]
    all_kws = sorted({k for a in apps.values() for k in a["kws"]}, key=len)
    all_pkgs = {p for a in apps.values() for p in a["pkgs_all"]}
    all_devs = {d for ins in INSTITUTIONS for d in ins["devs"]}
    all_certs = {c for ins in INSTITUTIONS for c in ins["certs"]}

    def accept(aid):
        k = icon_key[aid]
        return [aid] + [b for b in app_ids if b != aid and icon_key[b] == k]

    # fairness among protected icons: different institutions must not share content
    small = {k: mask_small(v[1]) for k, v in rendered.items()}
    keys = list(rendered)
    owner = {icon_key[a]: inst_of[a]["key"] for a in app_ids}
    worst = 0.0
    for i, k1 in enumerate(keys):
        for k2 in keys[i + 1:]:
            if owner[k1] == owner[k2]:
                continue
            v = iou(small[k1], small[k2])
            worst = max(worst, v)
            s1, s2 = rendered[k1][2], rendered[k2][2]
            if s1["style"] == s2["style"]:
                assert signature(s1) != signature(s2), (k1, k2)
            if v >= 0.55 and "-v" in sys.argv:
                print("  protected pair IoU", k1, k2, round(v, 3))
            assert v < IOU_PROTECTED, ("protected icons too alike", k1, k2, round(v, 3))

    def has_kw(name):
        n = normalise_name(name)
        return [k for k in all_kws if normalise_name(k) in n]

    # ---------------- listings
    L = []  # each: dict(rec=..., label=..., icon=callable -> Image or None)

    def add(rec, label, icon_fn):
        L.append({"rec": rec, "label": label, "icon": icon_fn})

    def official_state(aid):
        img, mask, _ = rendered[icon_key[aid]]
        return State(img, mask)

    # ---- (a) icon-only positives
    single_ops = list(OPS)
    icon_plan = []
    for op in single_ops:
        icon_plan += [[op]] * 6
    rc = rng("combos")
    combo_pool = [o for o in single_ops]
    for _ in range(42):
        while True:
            a_, b_ = pick(rc, combo_pool), pick(rc, combo_pool)
            if a_ != b_ and b_ not in COMBO_FIRST_ONLY and not (a_ == "mask_round"):
                break
        icon_plan.append([a_, b_])
    rt = rng("targets-icon")
    order = []
    while len(order) < len(icon_plan):
        order += list(rt.permutation(app_ids))
    for i, ops in enumerate(icon_plan):
        aid = str(order[i])
        r = rng("icon-only", i)
        for attempt in range(30):  # noqa: B007 (attempt is reported below)
            st = official_state(aid)
            prm = apply_ops(st, r, ops)
            ok, vis, con = fair(st)
            if ok:
                break
        else:
            raise RuntimeError(("unfair icon-only positive", aid, ops, vis, con))
        name = pick(r, GENERIC_NAMES)
        rec = {"source": pick(r, STORES_MAIN + STORES_THIRD), "name": name, "package_id": fake_pkg(r),
               "developer": fake_dev(r), "cert_sha256": hex64(r)}
        case = "icon_" + ops[0] if len(ops) == 1 else "icon_combo"
        add(rec, {"expected": "counterfeit", "case": case, "target_app_id": aid, "accept_app_ids": accept(aid),
                  "target_institution": inst_of[aid]["inst"],
                  "params": {"ops": prm, "visible": round(vis, 3), "contrast": round(con, 1), "attempts": attempt + 1}},
            st)

    # ---- (b) name-bearing positives
    def mild_icon(aid, r, mode):
        if mode == "exact":
            st = official_state(aid)
            return st, []
        for _ in range(30):
            st = official_state(aid)
            prm = apply_ops(st, r, [pick(r, MILD_OPS)], mild=True)
            if fair(st)[0]:
                return st, prm
        raise RuntimeError("mild")

    def generic_icon_state(r):
        spec = ordinary_spec(r, fin=r.random() < .3)
        img, mask = render(spec)
        return State(img, mask), spec

    def decorate(r, base, case):
        if case == "name_suffix":
            return base + pick(r, SUFFIXES)
        if case == "name_emoji":
            e = pick(r, EMOJI)
            return pick(r, [e + base, base + e, e + base + pick(r, EMOJI)])
        if case == "name_doubled":
            i = int(r.integers(0, len(base)))
            return base[:i + 1] + base[i] + base[i + 1:]
        if case == "name_traditional":
            return "".join(TRAD.get(ch, ch) for ch in base)
        if case == "name_spaced":
            sep = pick(r, [" ", " ", "·", "  "])
            if r.random() < .5:
                return sep.join(base)
            k = len(base) // 2
            return base[:k] + sep + base[k:]
        raise ValueError(case)

    name_cases = [("name_suffix", 12), ("name_emoji", 12), ("name_doubled", 12), ("name_traditional", 12),
                  ("name_pinyin", 12), ("name_spaced", 12), ("name_keyword_loan", 12), ("pkg_lookalike", 12),
                  ("repackaged_cert", 12), ("dev_official_fake_cert", 12), ("miniprogram_fake", 12),
                  ("official_account_fake", 12), ("name_unrelated_icon", 10), ("name_no_icon", 6)]
    rt2 = rng("targets-name")
    all_order, main_order = [], []
    k_all = k_main = 0
    for case, cnt in name_cases:
        for j in range(cnt):
            r = rng("name", case, j)
            keyword_case = case in ("name_pinyin", "name_keyword_loan", "miniprogram_fake", "official_account_fake")
            if case == "name_traditional":
                def pred(x):
                    return any(ch in TRAD for n in apps[x]["names"] for ch in n)
            elif case in ("repackaged_cert", "pkg_lookalike", "dev_official_fake_cert"):
                def pred(x):
                    return bool(apps[x]["pkgs"])
            else:
                def pred(x):
                    return True
            if keyword_case:
                while k_main >= len(main_order):
                    main_order += list(rt2.permutation(main_apps))
                aid = str(main_order[k_main])
                k_main += 1
            else:
                for _ in range(200):
                    while k_all >= len(all_order):
                        all_order += list(rt2.permutation(app_ids))
                    aid = str(all_order[k_all])
                    k_all += 1
                    if pred(aid):
                        break
            a = apps[aid]
            ins = a["inst"]
            base = pick(r, a["names"])
            cjk_kws = [k for k in ins["kws"] if not k.isascii()]
            short_kw = min(cjk_kws, key=len)
            src = pick(r, STORES_MAIN + STORES_THIRD)
            pkg, dev, cert = fake_pkg(r), fake_dev(r), hex64(r)
            mode = "exact" if r.random() < .4 else "mild"
            params = {}
            if case in ("name_suffix", "name_emoji", "name_doubled", "name_spaced"):
                name = decorate(r, base, case)
            elif case == "name_traditional":
                cands = [n for n in a["names"] if any(ch in TRAD for ch in n)]
                name = decorate(r, pick(r, cands), case)
                if r.random() < .3:
                    name += pick(r, ["官方版", "手機版"])
            elif case == "name_pinyin":
                py = ins["py"]
                abbr = ins["pyabbr"] if ins["pyabbr"] in ins["kws"] else py.replace(" ", "")
                name = pick(r, [py, py.replace(" ", ""), py.lower(), py + " Mobile", ins["pyabbr"] + " " + py,
                                py.replace(" ", "") + "贷款", abbr + ("手机银行" if ins["kind"] == "bank" else " APP")])
                params["pinyin"] = py
            elif case == "name_keyword_loan":
                kw = pick(r, cjk_kws)
                name = kw + pick(r, LOAN_WORDS)
            elif case == "pkg_lookalike":
                name = base
                pkg = lookalike_pkg(r, a["pkgs"][0] if a["pkgs"] else "com." + ins["key"] + ".app")
                params["official_package"] = a["pkgs"][0] if a["pkgs"] else None
            elif case == "repackaged_cert":
                name, src = base, pick(r, STORES_THIRD)
                pkg = a["pkgs"][0] if a["pkgs"] else a.get("wx_id")
                dev = ins["devs"][0]
                mode = "exact"
            elif case == "dev_official_fake_cert":
                name = decorate(r, base, pick(r, ["name_suffix", "name_emoji", "name_suffix"]))
                dev = ins["devs"][0]
                pkg = lookalike_pkg(r, a["pkgs"][0] if a["pkgs"] else "com." + ins["key"] + ".app")
            elif case == "miniprogram_fake":
                src = pick(r, ["wechat-miniprogram", "alipay-miniprogram"])
                name = pick(r, [short_kw + "贷款服务", pick(r, cjk_kws) + "信用卡额度提升", base + "服务中心",
                                short_kw + "福利中心", pick(r, cjk_kws) + "积分兑换"])
                pkg = wx_appid(r) if src == "wechat-miniprogram" else ali_appid(r)
                cert = None
            elif case == "official_account_fake":
                src = "wechat-official-account"
                name = pick(r, [short_kw + "客服中心", pick(r, cjk_kws) + "信用卡中心", base + "官方服务号", short_kw + "理财福利"])
                pkg = gh_id(r) if r.random() < .6 else None
                cert = None
            elif case == "name_unrelated_icon":
                name = decorate(r, base, pick(r, ["name_suffix", "name_emoji", "name_spaced"]))
                mode = "unrelated"
            elif case == "name_no_icon":
                name = decorate(r, base, pick(r, ["name_suffix", "name_emoji"]))
                mode = "none"
            else:
                raise ValueError(case)
            if case in ("name_suffix", "name_emoji", "name_doubled", "name_spaced", "name_traditional", "name_pinyin",
                        "pkg_lookalike") and r.random() < .12:
                src, cert = "apple-appstore", None
            # fairness: the name must carry the brand (keyword, official name, pinyin or Latin keyword)
            nn = normalise_name(name)
            assert has_kw(name) or any(normalise_name(n) in nn for n in a["names"]) or \
                normalise_name(ins["py"]) in nn, (case, name)
            if mode in ("exact", "mild"):
                st, prm = mild_icon(aid, r, mode)
                params["icon_ops"] = prm
            elif mode == "unrelated":
                st, spec = generic_icon_state(r)
                params["icon_spec"] = signature(spec)[0]
            else:
                st = None
            params["icon_mode"] = mode
            if cert is not None and cert in all_certs:
                cert = hex64(r)
            rec = {"source": src, "name": name, "package_id": pkg, "developer": dev, "cert_sha256": cert}
            add(rec, {"expected": "counterfeit", "case": case, "target_app_id": aid, "accept_app_ids": accept(aid),
                      "target_institution": ins["inst"], "params": params}, st)

    # ---- negatives: official listings
    for aid in app_ids:
        a, ins = apps[aid], inst_of[aid]
        r = rng("official", aid)
        variants = []
        if a["pkgs"]:
            variants.append(("android", pick(r, STORES_MAIN), a["pkgs"][0]))
        if a.get("ios"):
            variants.append(("ios", "apple-appstore", a["ios"]))
        if a.get("wx_id"):
            variants.append(("wx", "wechat-miniprogram", a["wx_id"]))
        if aid in ("abc_mobile", "cmb_mobile", "em_app", "pingan_jgj"):
            variants.append(("android", "xiaomi-getapps" if variants[0][1] != "xiaomi-getapps" else "huawei-appgallery", a["pkgs"][0]))
        for vk, src, pkg in variants:
            st = official_state(aid)
            tr = pick(r, ["exact", "exact", "exact", "jpeg90"])
            if tr == "jpeg90":
                buf = io.BytesIO()
                st.img.save(buf, "JPEG", quality=90)
                st.img = Image.open(io.BytesIO(buf.getvalue())).convert("RGB")
            cert = pick(r, ins["certs"]) if vk == "android" else None
            if cert and r.random() < .25:
                cert = colon_upper(cert)
            rec = {"source": src, "name": a["names"][0], "package_id": pkg, "developer": ins["devs"][0], "cert_sha256": cert}
            case = "neg_official" if vk != "wx" else "neg_official_miniprogram"
            add(rec, {"expected": "none", "case": case, "target_app_id": None, "accept_app_ids": [], "target_institution": None,
                      "params": {"official_of": aid, "platform": vk, "icon": tr}}, st)

    # ---- negatives: other financial institutions in the protected styles
    prot_by_style = {}
    for k, (_img, _mask, spec) in rendered.items():
        prot_by_style.setdefault(spec["style"], []).append((k, spec, small[k]))

    def check_neg_icon(spec, mask, same_style=True):
        sm = mask_small(mask)
        worst_ = 0.0
        parts = spec["parts"]
        if any(p_["kind"] in PROTECTED_ONLY_KINDS for p_ in parts):
            return False, 1.0
        if all(p_["kind"] in CONTAINER_KINDS for p_ in parts) and not spec.get("text"):
            return False, 1.0
        for _, _, pspec in rendered.values():
            for p_ in parts:
                if any(motif_clash(p_, q) for q in pspec["parts"]):
                    return False, 1.0
        for k, (_img, _mask, spec_) in rendered.items():
            v = iou(sm, small[k])
            if v >= IOU_ANY:
                return False, v
            if spec_["style"] == spec["style"]:
                if signature(spec_) == signature(spec) or (same_style and v >= IOU_SAME_STYLE):
                    return False, v
            worst_ = max(worst_, v)
        return True, worst_

    fin_rows = [(n, p, d, None) for n, p, d in OTHER_FIN] + list(SHARED_WORD_FIN)
    for fi, (iname, pkg, devname, shared_with) in enumerate(fin_rows):
        r = rng("otherfin", iname)
        for _attempt in range(200):
            spec = fin_spec(r, fi)
            img, mask = render(spec)
            ok, worst_iou = check_neg_icon(spec, mask)
            if ok:
                break
        else:
            raise RuntimeError(("no fair hard-negative icon", iname))
        # names: must not contain any protected brand keyword
        appname = iname if r.random() < .6 else iname + pick(r, ["手机银行" if iname.endswith("银行") else "APP", "掌上服务"])
        hits = has_kw(iname) + has_kw(appname)
        assert not hits, (iname, hits)
        assert pkg not in all_pkgs and devname not in all_devs
        cert = hex64(r)
        n_list = 2 if shared_with else int(pick(r, [2, 2, 3, 3, 3]))
        srcs = [str(x) for x in r.permutation(STORES_MAIN + ["apple-appstore"])[:n_list]]
        for j in range(n_list):
            st = State(img, mask)
            src = srcs[j]
            prm = []
            if r.random() < .25:
                prm = apply_ops(st, r, [pick(r, ["badge_corner", "rotate", "text_band", "mask_round"])], mild=r.random() < .5)
            is_ios = src == "apple-appstore"
            rec = {"source": src, "name": appname, "package_id": pkg if not is_ios else pkg.rsplit(".", 1)[0] + ".iphone",
                   "developer": devname, "cert_sha256": None if is_ios else cert}
            case = "neg_fin_shared_word" if shared_with else "neg_fin_institution"
            add(rec, {"expected": "none", "case": case, "target_app_id": None, "accept_app_ids": [], "target_institution": None,
                      "params": {"institution": iname, "style": spec["style"], "icon_signature": signature(spec)[0],
                                 "max_iou_vs_protected": round(worst_iou, 3), "icon_ops": prm,
                                 **({"shares_word_with": inst_of_key(shared_with)} if shared_with else {})}}, st)

    # ---- negatives: generic finance tools
    for j in range(50):
        r = rng("fintool", j)
        name = FIN_TOOL_NAMES[j % len(FIN_TOOL_NAMES)]
        rr = rng("fintool-app", name)
        for _attempt in range(200):
            spec = ordinary_spec(rr, fin=True)
            img, mask = render(spec)
            ok, worst_iou = check_neg_icon(spec, mask, same_style=False)
            if ok:
                break
        else:
            raise RuntimeError("fin tool icon")
        assert not has_kw(name)
        pkg = "com.{}.{}".format(pick(rr, ["jizhang", "calc", "rate", "money", "ledger", "finance"]), pick(rr, PKG_A))
        st = State(img, mask)
        prm = []
        if r.random() < .2:
            prm = apply_ops(st, r, [pick(r, ["badge_corner", "rotate", "mask_round"])], mild=r.random() < .5)
        rec = {"source": pick(r, STORES_MAIN + STORES_THIRD), "name": name, "package_id": pkg, "developer": fake_dev(rr),
               "cert_sha256": hex64(rr)}
        add(rec, {"expected": "none", "case": "neg_fin_tool", "target_app_id": None, "accept_app_ids": [], "target_institution": None,
                  "params": {"icon_signature": signature(spec)[0], "max_iou_vs_protected": round(worst_iou, 3), "icon_ops": prm}}, st)

    # ---- negatives: ordinary apps (some decorated like the positives, so decoration alone is no signal)
    for j in range(125):
        r = rng("ordinary", j)
        for _attempt in range(200):
            spec = ordinary_spec(r, fin=False)
            img, mask = render(spec)
            ok, worst_iou = check_neg_icon(spec, mask, same_style=False)
            if ok:
                break
        else:
            raise RuntimeError("ordinary icon")
        st = State(img, mask)
        decorated = j >= 85
        prm = []
        if decorated:
            ops = [pick(r, ["badge_corner", "badge_centre", "rotate", "text_band", "shrink_bg", "frame", "mask_round",
                            "sticker", "confetti", "hue", "blur_jpeg", "crop"])]
            if r.random() < .3:
                ops.append(pick(r, ["badge_corner", "text_band", "frame", "tone"]))
            prm = apply_ops(st, r, ops)
        name = pick(r, GENERIC_NAMES)
        rec = {"source": pick(r, STORES_MAIN + STORES_THIRD), "name": name, "package_id": fake_pkg(r),
               "developer": fake_dev(r), "cert_sha256": hex64(r)}
        add(rec, {"expected": "none", "case": "neg_ordinary_decorated" if decorated else "neg_ordinary", "target_app_id": None,
                  "accept_app_ids": [], "target_institution": None,
                  "params": {"icon_signature": signature(spec)[0], "max_iou_vs_protected": round(worst_iou, 3), "icon_ops": prm}}, st)

    # ---- global checks on icon-only positives / negatives' metadata
    for it in L:
        rec, lab = it["rec"], it["label"]
        if lab["case"].startswith("icon_") or lab["case"].startswith("neg_ordinary") or lab["case"] == "neg_fin_tool":
            assert not has_kw(rec["name"]), rec["name"]
            assert rec["package_id"] not in all_pkgs and rec["developer"] not in all_devs
        if lab["expected"] == "none" and not lab["case"].startswith("neg_official"):
            assert rec["package_id"] not in all_pkgs
            assert rec["cert_sha256"] is None or rec["cert_sha256"] not in all_certs

    # ---------------- shuffle, number, write
    perm = rng("shuffle").permutation(len(L))
    L = [L[int(i)] for i in perm]
    listings, labels = [], []
    for n, it in enumerate(L, 1):
        lid = f"s14-{n:04d}"
        r = rng("meta", lid)
        rec = it["rec"]
        icon_rel = None
        st = it["icon"]
        size = N
        if st is not None:
            size = int(pick(r, [256] * 7 + [128, 180, 192, 512]))
            im = st.final()
            if size != N:
                im = im.resize((size, size), Image.LANCZOS)
            icon_rel = f"listings/{n:04d}.png"
            im.save(ICONS / icon_rel)
        first = date_str(r)
        out = {"listing_id": lid, "source": rec["source"], "name": rec["name"], "package_id": rec["package_id"],
               "developer": rec["developer"], "cert_sha256": rec["cert_sha256"], "icon": icon_rel,
               "url": url_for(r, rec["source"], rec["package_id"], rec["name"]), "first_seen": first,
               "changed_at": date_str(r, lo=(2025, 11, 1), span=40) if r.random() < .15 else None}
        listings.append(out)
        lab = dict(it["label"])
        lab["params"] = dict(lab["params"], icon_size=size if st is not None else None)
        labels.append({"listing_id": lid, **lab})

    with open(OUT / "protected.jsonl", "w", encoding="utf-8") as f:
        for row in protected_rows:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(OUT / "listings.jsonl", "w", encoding="utf-8") as f:
        for row in listings:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    with open(OUT / "labels.jsonl", "w", encoding="utf-8") as f:
        for row in labels:
            f.write(json.dumps(row, ensure_ascii=False, default=list) + "\n")

    validate(protected_rows, listings)
    contact_sheets(protected_rows, listings, labels)

    # manifest + tree checksum
    lines = []
    for p in sorted(OUT.rglob("*")):
        if p.is_file():
            lines.append(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.relative_to(OUT).as_posix()}")
    manifest = "\n".join(lines) + "\n"
    (OUT / "MANIFEST.sha256").write_text(manifest, encoding="utf-8")
    tree = hashlib.sha256(manifest.encode()).hexdigest()

    from collections import Counter
    cnt = Counter(lb["case"] for lb in labels)
    pos = sum(1 for lb in labels if lb["expected"] == "counterfeit")
    print(f"protected apps: {len(protected_rows)} (institutions {len(INSTITUTIONS)}, icons {len(rendered)}); "
          f"worst protected-vs-protected IoU {worst:.3f}")
    print(f"listings: {len(labels)} (counterfeit {pos}, none {len(labels) - pos})")
    for k in sorted(cnt):
        print(f"  {k:<26} {cnt[k]:4d}")
    print(f"tree sha256 (of out/MANIFEST.sha256): {tree}")


def inst_of_key(k):
    for ins in INSTITUTIONS:
        if ins["key"] == k:
            return ins["inst"]
    return k


def lookalike_pkg(r, p):
    kind = pick(r, ["suffix", "typo_i_l", "typo_o_0", "tld", "prefix", "dup", "swap"])
    parts = p.split(".")
    if kind == "suffix":
        q = p + "." + pick(r, ["vip", "pro", "android", "app2", "official", "loan", "new"])
    elif kind == "typo_i_l" and "i" in p:
        i = p.index("i")
        q = p[:i] + "l" + p[i + 1:]
    elif kind == "typo_o_0" and "o" in p:
        i = p.rindex("o")
        q = p[:i] + "0" + p[i + 1:]
    elif kind == "tld":
        q = ".".join([{"com": "cn", "cn": "com"}.get(parts[0], "net")] + parts[1:])
    elif kind == "prefix":
        q = "com.mobile." + p
    elif kind == "dup":
        q = p.replace(parts[-1], parts[-1] + parts[-1][-1], 1) if parts[-1] else p + "x"
    else:
        q = ".".join(parts[:-1] + [parts[-1] + str(int(r.integers(1, 10)))])
    if q == p:
        q = p + ".v2"
    return q


FIN_PALETTES = [["#C8102E"], ["#D7000F"], ["#E60012", "#FF6A3D"], ["#1A56B0"], ["#0A3A8C"], ["#1677FF"], ["#00996B", "#00B386"],
                ["#007A3D"], ["#6B2C91", "#9B59B6"], ["#C9A227"], ["#F08300"], ["#00A39A"], ["#B5121B", "#E94B3C"], ["#0E1F3F", "#23447A"],
                ["#12141C", "#2A2F3D"], ["#0055A5", "#3FA0FF"], ["#8C1D18", "#C9A063"]]
FIN_KINDS = ["ring", "ring_gap", "coin", "rings", "petals", "diamond", "chevrons", "waves", "bars", "mountain", "star", "hexagon",
             "glyph", "monogram", "arc_swoosh", "shield", "linechart"]
# kinds that are a protected icon's whole motif and have no parameters that could make them differ: never used by negatives
PROTECTED_ONLY_KINDS = {"zhong", "ibeam", "square_knot", "sprout", "ingot", "arch", "globe", "car", "zigzag", "umbrella",
                        "nested_diamonds", "sun", "leaf"}
CONTAINER_KINDS = {"ring", "ring_gap", "hexagon", "dot"}
INNER_KINDS = ["glyph", "monogram", "dot", "star", "chevrons", "ibeam", "yuan", "mountain", "bars"]


def rand_params(r, kind, gseed):
    if kind in ("ring", "hexagon"):
        return {"t": U(r, .07, .2)}
    if kind == "ring_gap":
        return {"t": U(r, .1, .2), "start": int(r.integers(0, 360)), "gap": int(r.integers(40, 110))}
    if kind == "coin":
        return {"hole": U(r, .25, .4), "rot": int(pick(r, [0, 45, 20])), "rim": bool(r.random() < .4)}
    if kind == "rings":
        return {"n": int(pick(r, [2, 3])), "t": U(r, .08, .14)}
    if kind == "petals":
        return {"n": int(r.integers(3, 9)), "wid": U(r, .2, .42), "hole": float(pick(r, [0, .18, .25])), "rot": int(r.integers(-90, 0))}
    if kind == "diamond":
        return {"inner": pick(r, ["none", "small", "cross", "outline"])}
    if kind == "chevrons":
        return {"n": int(r.integers(1, 4)), "dir": pick(r, ["up", "right"])}
    if kind == "waves":
        return {"n": int(r.integers(1, 4)), "amp": U(r, .08, .2), "freq": U(r, 1, 2.5)}
    if kind == "bars":
        return {"n": int(r.integers(3, 6))}
    if kind == "mountain":
        return {"n": int(r.integers(1, 4))}
    if kind == "star":
        return {"n": int(r.integers(4, 9)), "inner": U(r, .3, .55)}
    if kind == "sun":
        return {"n": int(r.integers(8, 16))}
    if kind == "glyph":
        return {"seeds": [gseed + k for k in range(int(pick(r, [1, 1, 2])))]}
    if kind == "monogram":
        letters = "ABDEFGHJKLNRSTUVXY"
        return {"s": "".join(pick(r, letters) for _ in range(int(pick(r, [1, 2, 2, 3]))))}
    if kind == "leaf":
        return {"rot": int(r.integers(-80, -10))}
    if kind == "shield":
        return {"inner": pick(r, ["check", "star", "cross", "glyph"]), "seed": gseed + 7}
    if kind == "arc_swoosh":
        return {"n": int(r.integers(2, 4)), "start": int(r.integers(0, 360))}
    if kind == "zigzag":
        return {"shape": pick(r, ["M", "W"])}
    if kind == "linechart":
        return {"ys": [round(U(r, -.7, .7), 2) for _ in range(int(r.integers(4, 7)))]}
    if kind == "nested_diamonds":
        return {"n": int(r.integers(2, 4))}
    if kind in ("square_knot",):
        return {"t": U(r, .08, .14)}
    return {}


def fin_spec(r, idx):
    """A non-protected institution's icon drawn in one of the protected styles."""
    style = pick(r, ["tile_solid", "tile_solid", "tile_gradient", "tile_gradient", "white_logo", "logo_text",
                     "rounded_tile_on_white", "thin_line_dark", "glyph_tile", "circle_badge", "split_diag"])
    pal = pick(r, FIN_PALETTES)
    gseed = 30000 + idx * 20 + int(r.integers(0, 10))
    if style == "glyph_tile":
        parts = [P("glyph", sc=float(pick(r, [.95, 1.05])), seeds=[gseed + k for k in range(int(pick(r, [1, 2])))],
                   layout=pick(r, ["row", "col"]))]
        if r.random() < .4:
            parts.append(P("ring", t=.06, sc=1.25))
        return dict(style=style, bg=[pal[0]], fg=WH, parts=parts)
    main = pick(r, FIN_KINDS)
    parts = [P(main, **rand_params(r, main, gseed))]
    if main in ("ring", "ring_gap", "hexagon", "rings") or r.random() < .25:
        inner = pick(r, INNER_KINDS)
        if inner == "mountain" and main == "mountain":
            inner = "glyph"
        parts.append(P(inner, sc=U(r, .5, .62), **rand_params(r, inner, gseed + 3)))
    if style in ("white_logo", "logo_text"):
        fg = [pal[0]] + ([pal[1]] if len(pal) > 1 else [])
        for p_ in parts[1:]:
            p_["col"] = len(fg) - 1
        spec = dict(style=style, bg=WH, fg=fg, parts=parts)
        if style == "logo_text":
            spec["text"] = ({"latin": "".join(pick(r, "ABCDGHJKNQRSXZ") for _ in range(int(r.integers(2, 5)))), "size": .16}
                            if r.random() < .5 else {"glyphs": [gseed + 11 + k for k in range(int(r.integers(2, 5)))], "size": .12})
        return spec
    if style == "circle_badge":
        return dict(style=style, bg=pal if len(pal) > 1 else [pal[0], pal[0]], fg=[pal[0]], parts=parts)
    if style == "thin_line_dark":
        return dict(style=style, bg=pick(r, [["#12141C", "#2A2F3D"], ["#0B1A33", "#1E3A66"], ["#1B1B1B", "#3A3426"]]),
                    fg=[pick(r, ["#E60012", "#FF7A00", "#4F9BFF", "#C9A227", "#2ECC71"])], parts=parts)
    if style == "split_diag":
        return dict(style=style, bg=pal if len(pal) > 1 else [pal[0], to_hex(tuple(min(255, v + 40) for v in hx(pal[0])))], fg=WH, parts=parts)
    if style == "tile_gradient":
        return dict(style=style, bg=pal if len(pal) > 1 else [pal[0], to_hex(tuple(min(255, v + 60) for v in hx(pal[0])))],
                    angle=int(pick(r, [0, 45, 90, 135])), fg=WH, parts=parts)
    return dict(style=style, bg=[pal[0]], fg=WH, parts=parts)


ORD_KINDS = ["bubble", "note", "play", "cloud", "pin", "heart", "bolt", "gear", "envelope", "clock", "cart", "camera", "book",
             "check", "magnifier", "house", "bell", "battery", "wifi", "face", "paw", "rocket", "gamepad", "drop", "flame", "star"]
FINTOOL_KINDS = ["calculator", "percent", "exchange", "ledger", "pie", "piggy", "wallet", "coinstack", "yuan", "bars", "linechart"]


def ordinary_spec(r, fin=False):
    style = pick(r, ["tile_solid", "tile_gradient", "rounded_tile_on_white", "white_logo", "circle_badge", "split_diag", "tile_gradient"])
    kind = pick(r, FINTOOL_KINDS if fin else ORD_KINDS)
    prm = rand_params(r, kind, 40000 + int(r.integers(0, 5000)))
    if kind == "pie":
        prm = {"a0": int(r.integers(-90, 90))}
    if kind == "battery":
        prm = {"n": int(r.integers(1, 4))}
    parts = [P(kind, sc=U(r, .85, 1.1), **prm)]
    c1, c2 = rand_colour(r, sat=(.45, 1), val=(.45, .95)), rand_colour(r, sat=(.45, 1), val=(.45, .95))
    if style == "white_logo":
        return dict(style=style, bg=WH, fg=[to_hex(c1)], parts=parts)
    if style == "circle_badge":
        return dict(style=style, bg=[to_hex(c1), to_hex(c2)], fg=[to_hex(c1)], parts=parts)
    if style == "rounded_tile_on_white":
        return dict(style=style, bg=[to_hex(c1)] + ([to_hex(c2)] if r.random() < .5 else []), fg=WH, parts=parts)
    if style == "split_diag":
        return dict(style=style, bg=[to_hex(c1), to_hex(c2)], fg=WH, parts=parts)
    if style == "tile_gradient":
        return dict(style=style, bg=[to_hex(c1), to_hex(c2)], angle=int(r.integers(0, 180)), fg=WH, parts=parts)
    return dict(style=style, bg=[to_hex(c1)], fg=WH, parts=parts)


# ----------------------------------------------------------------------------------------------
# schema validation (hand-written from the two schema files; no jsonschema dependency)
# ----------------------------------------------------------------------------------------------

_CERT = re.compile(r"^\s*([0-9A-Fa-f]:?){63}[0-9A-Fa-f]\s*$")
_PKG = re.compile(r"^\s*\S{0,255}\s*$")


def validate(protected, listings):
    ids = set()
    for row in protected:
        assert set(row) <= {"app_id", "institution", "names", "brand_keywords", "package_ids", "developers", "cert_sha256", "icon",
                            "icon_phash", "icon_hashes"}
        assert row["app_id"].strip() and row["app_id"] not in ids
        ids.add(row["app_id"])
        assert row["institution"].strip() and row["names"] and all(n.strip() for n in row["names"])
        for p in row["package_ids"] or []:
            assert re.match(r"^\s*\S{1,255}\s*$", p), p
        for c in row["cert_sha256"] or []:
            assert _CERT.match(c), c
        assert (ICONS / row["icon"]).is_file()
    lids = set()
    for row in listings:
        assert row["listing_id"].strip() and row["listing_id"] not in lids
        lids.add(row["listing_id"])
        assert row["source"].strip() and row["name"].strip()
        assert row["package_id"] is None or _PKG.match(row["package_id"]), row
        assert row["cert_sha256"] is None or _CERT.match(row["cert_sha256"]), row
        assert row["icon"] is None or (ICONS / row["icon"]).is_file()
        assert "icon_phash" not in row and "icon_hashes" not in row


# ----------------------------------------------------------------------------------------------
# contact sheets
# ----------------------------------------------------------------------------------------------

def contact_sheets(protected, listings, labels):
    keys = []
    for row in protected:
        if row["icon"] not in [k for k, _ in keys]:
            keys.append((row["icon"], [a["app_id"] for a in protected if a["icon"] == row["icon"]]))
    cols, cell, lab = 8, 150, 30
    rows_ = math.ceil(len(keys) / cols)
    sheet = Image.new("RGB", (cols * cell, rows_ * (cell + lab)), (235, 235, 235))
    d = ImageDraw.Draw(sheet)
    for i, (icon, aids) in enumerate(keys):
        x, y = (i % cols) * cell, (i // cols) * (cell + lab)
        im = Image.open(ICONS / icon).convert("RGB").resize((cell - 14, cell - 14), Image.LANCZOS)
        sheet.paste(im, (x + 7, y + 7))
        d.text((x + cell / 2, y + cell + 2), "/".join(aids)[:26], font=font(11), anchor="ma", fill=(0, 0, 0))
    sheet.save(HERE / "contact_sheet_official.png")

    # listings sample: up to 4 per case, deterministic
    by_case = {}
    for li, lb in zip(listings, labels, strict=False):
        by_case.setdefault(lb["case"], []).append((li, lb))
    sample = []
    for case in sorted(by_case):
        items = [x for x in by_case[case] if x[0]["icon"]]
        sample += items[:4]
    cols, cell, lab = 12, 128, 34
    rows_ = math.ceil(len(sample) / cols)
    sheet = Image.new("RGB", (cols * cell, rows_ * (cell + lab)), (200, 200, 200))
    d = ImageDraw.Draw(sheet)
    for i, (li, lb) in enumerate(sample):
        x, y = (i % cols) * cell, (i // cols) * (cell + lab)
        im = Image.open(ICONS / li["icon"])
        if im.mode == "RGBA":
            chk = Image.new("RGB", im.size, (255, 0, 255))
            chk.paste(im, (0, 0), im)
            im = chk
        im = im.convert("RGB").resize((cell - 12, cell - 12), Image.LANCZOS)
        sheet.paste(im, (x + 6, y + 6))
        colr = (170, 0, 0) if lb["expected"] == "counterfeit" else (0, 110, 0)
        d.text((x + cell / 2, y + cell - 4), lb["case"][:22], font=font(10), anchor="ma", fill=colr)
        d.text((x + cell / 2, y + cell + 9), (lb["target_app_id"] or li["listing_id"])[:22], font=font(10), anchor="ma", fill=(0, 0, 0))
    sheet.save(HERE / "contact_sheet_listings.png")


if __name__ == "__main__":
    sys.exit(main())
