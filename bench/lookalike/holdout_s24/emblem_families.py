"""Parametric emblem families: each has a sampler (params from a Random) and a drawer (params -> layer).

Families: interlock, brush, ribbon, tangram, seal, pictorial, wordmark, mosaic, lattice, monogram,
petals, chevrons, classic. Drawers work in unit coordinates centred on (0.5, 0.5).
"""

from __future__ import annotations

import math

import emblem_draw as D
import numpy as np

FAMILIES = [
    "interlock",
    "brush",
    "ribbon",
    "tangram",
    "seal",
    "pictorial",
    "wordmark",
    "mosaic",
    "lattice",
    "monogram",
    "petals",
    "chevrons",
    "classic",
]


def _u(r, a, b, nd=3):
    return round(r.uniform(a, b), nd)


# ---------------------------------------------------------------- interlock
def sample_interlock(r, texts):
    n = r.choice([2, 2, 3])
    return {
        "n": n,
        "shape": r.choice(["ring", "squircle", "diamond", "ellipse"]),
        "arr": r.choice(["line", "tri"]) if n == 3 else "line",
        "r": _u(r, 0.17, 0.22) if n == 2 else _u(r, 0.14, 0.17),
        "t": _u(r, 0.045, 0.07),
        "sep": _u(r, 0.75, 1.25),
        "angle": _u(r, -35, 35, 1),
        "mono": r.random() < 0.35,
    }


def _shape_pts(p, cx, cy, rad, rot):
    kind = p["shape"]
    if kind == "ring":
        return D.superellipse(cx, cy, rad, rad, 2, rot)
    if kind == "squircle":
        return D.superellipse(cx, cy, rad, rad, 4.2, rot + 20)
    if kind == "diamond":
        return D.superellipse(cx, cy, rad * 1.12, rad * 1.12, 1.15, rot)
    return D.superellipse(cx, cy, rad * 1.15, rad * 0.72, 2, rot + 90)


def _outline(p, cx, cy, rad, rot, t, extra=0.0):
    outer = D.arr(D.poly(_shape_pts(p, cx, cy, rad + extra, rot)))
    inner = D.arr(D.poly(_shape_pts(p, cx, cy, max(0.01, rad - t - extra), rot)))
    return np.clip(outer - inner, 0, 1)


def draw_interlock(L, p, cm, ca):
    n, rad, t, ang = p["n"], p["r"], p["t"], p["angle"]
    d = rad * p["sep"]
    ax, ay = math.cos(math.radians(ang)), math.sin(math.radians(ang))
    if p["arr"] == "tri":
        cs = [
            (
                0.5 + d * 0.62 * math.cos(math.radians(ang + 90 + 120 * i)),
                0.5 + d * 0.62 * math.sin(math.radians(ang + 90 + 120 * i)),
            )
            for i in range(n)
        ]
    else:
        cs = [(0.5 + (i - (n - 1) / 2) * d * ax, 0.5 + (i - (n - 1) / 2) * d * ay) for i in range(n)]
    cols = [cm if (p["mono"] or i % 2 == 0) else ca for i in range(n)]
    gap = 0.018
    rings = [_outline(p, cx, cy, rad, ang, t) for cx, cy in cs]
    wide = [_outline(p, cx, cy, rad, ang, t, gap) for cx, cy in cs]
    for i in range(n):
        L.erase(wide[i])
        L.paint(rings[i], cols[i])
    # weave: the first shape passes over the others on one side of the axis
    yy, xx = np.mgrid[0 : D.S, 0 : D.S].astype(np.float32) / D.S
    half = ((xx - 0.5) * -ay + (yy - 0.5) * ax > 0).astype(np.float32)
    for i in range(n - 1):
        L.erase(wide[i] * half)
        L.paint(rings[i] * half, cols[i])


# ---------------------------------------------------------------- brush (glyph calligraphy)
def sample_brush(r, texts):
    return {
        "char": texts["char"],
        "stretch": _u(r, 0.85, 1.2),
        "shear": _u(r, -0.32, 0.05),
        "weight": _u(r, 0.0, 0.012),
        "rough": _u(r, 0.25, 0.9),
        "seed": r.randrange(1 << 30),
        "enclosure": r.choice(["none", "enso", "enso", "bar", "seal_dot"]),
        "enso_start": _u(r, 0, 360, 1),
        "enso_span": _u(r, 250, 320, 1),
        "enso_w": _u(r, 0.035, 0.065),
        "scale": _u(r, 0.5, 0.66),
    }


def draw_brush(L, p, cm, ca):
    sc = p["scale"] if p["enclosure"] != "enso" else min(p["scale"], 0.5)
    g = D.text_mask(p["char"], (0.5 - sc / 2, 0.5 - sc / 2, 0.5 + sc / 2, 0.5 + sc / 2))
    g = D.affine(g, stretch_x=p["stretch"], shear=p["shear"])
    m = D.grow(D.arr(g), p["weight"])
    m = D.roughen(m, p["rough"] * 0.5, p["seed"])
    L.paint(m, cm)
    if p["enclosure"] == "enso":
        pts = []
        n = 160
        for k in range(n + 1):
            f = k / n
            th = math.radians(p["enso_start"] + p["enso_span"] * f)
            rad = 0.40 + 0.012 * math.sin(3 * th + p["seed"] % 7)
            w = p["enso_w"] * (1.0 - 0.78 * f**1.4)
            pts.append((0.5 + rad * math.cos(th), 0.5 + rad * math.sin(th), w / 2))
        e = D.roughen(D.arr(D.discs(pts)), p["rough"], p["seed"] + 1)
        L.paint(e, ca)
    elif p["enclosure"] == "bar":
        c = D.bezier((0.16, 0.8), (0.35, 0.74), (0.6, 0.86), (0.86, 0.76), 60)
        w = [0.05 * (1 - 0.8 * i / 60) for i in range(61)]
        lft, rgt = D.band(c, w)
        L.paint(D.roughen(D.arr(D.poly(lft + rgt[::-1])), p["rough"], p["seed"] + 2), ca)
    elif p["enclosure"] == "seal_dot":
        sq = D.arr(D.poly([(0.74, 0.72), (0.88, 0.72), (0.88, 0.86), (0.74, 0.86)]))
        L.paint(D.roughen(sq, 0.4, p["seed"] + 3), ca)


# ---------------------------------------------------------------- ribbon
def sample_ribbon(r, texts):
    n = r.choice([2, 3, 3, 4])
    return {
        "n": n,
        "angle": _u(r, -45, 45, 1),
        "amp": _u(r, 0.06, 0.2),
        "width": _u(r, 0.07, 0.12),
        "spacing": _u(r, 0.1, 0.15),
        "taper": _u(r, 0.15, 0.7),
        "fan": _u(r, 0, 18, 1),
        "shade": r.random() < 0.6,
        "alt": r.random() < 0.6,
        "flip": r.random() < 0.5,
    }


def draw_ribbon(L, p, cm, ca):
    n = p["n"]
    for i in range(n):
        off = (i - (n - 1) / 2) * p["spacing"]
        amp = p["amp"] * (1 if not p["flip"] else -1)
        c = D.bezier(
            (0.16, 0.5 + off), (0.38, 0.5 + off - amp), (0.62, 0.5 + off + amp), (0.84, 0.5 + off), 80
        )
        c = D.rotate_points(c, p["angle"] + (i - (n - 1) / 2) * p["fan"])
        w = [p["width"] * (p["taper"] + (1 - p["taper"]) * math.sin(math.pi * k / 80)) for k in range(81)]
        lft, rgt = D.band(c, w)
        col = ca if (p["alt"] and i % 2 == 1) else cm
        L.erase(D.grow(D.arr(D.poly(lft + rgt[::-1])), 0.012))
        if p["shade"]:
            L.paint(D.poly(lft + c[::-1]), col)
            L.paint(
                D.poly(c + rgt[::-1]),
                D.mix(col, (0, 0, 0), 0.22) if sum(col) > 600 else D.mix(col, (255, 255, 255), 0.25),
            )
        else:
            L.paint(D.poly(lft + rgt[::-1]), col)


# ---------------------------------------------------------------- tangram
TANGRAM = [
    [(0, 0), (1, 0), (0.5, 0.5)],
    [(0, 0), (0, 1), (0.5, 0.5)],
    [(1, 0.5), (1, 1), (0.5, 1)],
    [(1, 0), (1, 0.5), (0.75, 0.25)],
    [(0.5, 0.5), (0.75, 0.25), (1, 0.5), (0.75, 0.75)],
    [(0.5, 0.5), (0.75, 0.75), (0.25, 0.75)],
    [(0, 1), (0.25, 0.75), (0.75, 0.75), (0.5, 1)],
]


def sample_tangram(r, texts):
    keep = [True] * 7
    for i in r.sample(range(7), r.choice([0, 1, 1, 2])):
        keep[i] = False
    rots = {str(i): r.choice([45, 90, 135, 180]) for i in r.sample(range(7), r.choice([0, 1, 2]))}
    return {
        "keep": keep,
        "explode": _u(r, 0.03, 0.12),
        "rots": rots,
        "rot": _u(r, 0, 360, 1),
        "scale": _u(r, 0.55, 0.68),
        "cols": [r.choice([0, 0, 1, 2]) for _ in range(7)],
        "fly": r.choice([-1] + list(range(7))),
        "fly_d": _u(r, 0.06, 0.12),
    }


def draw_tangram(L, p, cm, ca):
    tint = D.mix(cm, ca, 0.5)
    cols = [cm, ca, tint]
    for i, piece in enumerate(TANGRAM):
        if not p["keep"][i]:
            continue
        pts = [(x - 0.5, y - 0.5) for x, y in piece]
        cx = sum(x for x, _ in pts) / len(pts)
        cy = sum(y for _, y in pts) / len(pts)
        k = p["explode"] + (p["fly_d"] if p["fly"] == i else 0.0)
        norm = math.hypot(cx, cy) or 1.0
        dx, dy = cx / norm * k, cy / norm * k
        ang = math.radians(p["rots"].get(str(i), 0))
        ca_, sa = math.cos(ang), math.sin(ang)
        pts = [
            (cx + (x - cx) * ca_ - (y - cy) * sa + dx, cy + (x - cx) * sa + (y - cy) * ca_ + dy)
            for x, y in pts
        ]
        pts = [(0.5 + x * p["scale"], 0.5 + y * p["scale"]) for x, y in pts]
        pts = D.rotate_points(pts, p["rot"])
        L.paint(D.poly(pts), cols[p["cols"][i]])


# ---------------------------------------------------------------- seal
def sample_seal(r, texts):
    n = r.choice([1, 2, 4, 4]) if len(texts["seal"]) >= 4 else r.choice([1, 2])
    chars = texts["seal"][:4] if n == 4 else (texts["seal"][:2] if n == 2 else texts["char"])
    shape = r.choice(["square", "rounded", "round", "oval"]) if n < 4 else r.choice(["square", "rounded"])
    return {
        "chars": chars,
        "shape": shape,
        "style": r.choice(["baiwen", "zhuwen"]),
        "border": _u(r, 0.025, 0.05),
        "rough": _u(r, 0.3, 1.0),
        "tilt": _u(r, -7, 7, 1),
        "seed": r.randrange(1 << 30),
        "size": _u(r, 0.6, 0.72),
    }


def _seal_outer(p, inset=0.0):
    h = p["size"] / 2 - inset
    if p["shape"] == "round":
        return D.superellipse(0.5, 0.5, h, h, 2)
    if p["shape"] == "oval":
        return D.superellipse(0.5, 0.5, h * 0.78, h, 2)
    if p["shape"] == "rounded":
        return D.superellipse(0.5, 0.5, h, h, 5)
    return [(0.5 - h, 0.5 - h), (0.5 + h, 0.5 - h), (0.5 + h, 0.5 + h), (0.5 - h, 0.5 + h)]


def draw_seal(L, p, cm, ca):
    h = p["size"] / 2
    inner_h = h - p["border"] * 1.8
    if p["shape"] in ("round", "oval"):
        inner_h *= 0.74
    chars = p["chars"]
    txt = D.blank()
    if len(chars) == 1:
        cells = [(chars, (0.5 - inner_h, 0.5 - inner_h, 0.5 + inner_h, 0.5 + inner_h))]
    elif len(chars) == 2:
        cells = [
            (chars[0], (0.5 - inner_h, 0.5 - inner_h, 0.5 + inner_h, 0.5)),
            (chars[1], (0.5 - inner_h, 0.5, 0.5 + inner_h, 0.5 + inner_h)),
        ]
    else:  # right column top->bottom, then left column
        cells = [
            (chars[0], (0.5, 0.5 - inner_h, 0.5 + inner_h, 0.5)),
            (chars[1], (0.5, 0.5, 0.5 + inner_h, 0.5 + inner_h)),
            (chars[2], (0.5 - inner_h, 0.5 - inner_h, 0.5, 0.5)),
            (chars[3], (0.5 - inner_h, 0.5, 0.5, 0.5 + inner_h)),
        ]
    for ch, (x0, y0, x1, y1) in cells:
        pad = 0.012
        m = D.text_mask(ch, (x0 + pad, y0 + pad, x1 - pad, y1 - pad), stroke=0.03, stretch=True)
        txt.paste(255, (0, 0), m)
    t = D.arr(D.affine(txt, rot=p["tilt"]))
    outer = D.arr(D.affine(D.poly(_seal_outer(p)), rot=p["tilt"]))
    inner = D.arr(D.affine(D.poly(_seal_outer(p, p["border"])), rot=p["tilt"]))
    if p["style"] == "baiwen":
        m = np.clip(outer - t, 0, 1)
    else:
        m = np.clip(outer - inner + t, 0, 1)
    m = D.roughen(m, p["rough"] * 0.35, p["seed"])
    rs = np.random.default_rng(p["seed"])
    specks = [
        (rs.uniform(0.5 - h, 0.5 + h), rs.uniform(0.5 - h, 0.5 + h), rs.uniform(0.003, 0.008))
        for _ in range(int(25 * p["rough"]))
    ]
    m = m * (1 - D.arr(D.discs(specks)))
    L.paint(m, cm)


# ---------------------------------------------------------------- pictorial
MOTIFS = ["sun_waves", "peaks", "sail", "grain", "bird", "lotus", "bridge", "flame", "pagoda"]


def sample_pictorial(r, texts):
    return {
        "motif": r.choice(MOTIFS),
        "a": _u(r, 0, 1),
        "b": _u(r, 0, 1),
        "c": _u(r, 0, 1),
        "k": r.randrange(2, 6),
        "flip": r.random() < 0.5,
    }


def _wave(y, amp, freq, phase, x0=0.16, x1=0.84, n=80):
    return [
        (x0 + (x1 - x0) * i / n, y + amp * math.sin(2 * math.pi * (freq * i / n + phase)))
        for i in range(n + 1)
    ]


def draw_pictorial(L, p, cm, ca):
    a, b, c, k = p["a"], p["b"], p["c"], p["k"]
    mot = p["motif"]
    if mot == "sun_waves":
        rs = 0.1 + 0.07 * a
        L.paint(D.ellipse(0.5 + (b - 0.5) * 0.2, 0.36, rs), ca)
        for i in range(min(k, 4)):
            y = 0.56 + i * (0.07 + 0.02 * c)
            w = D.arr(D.line(_wave(y, 0.025 + 0.02 * b, 1.5 + 1.5 * c, 0.25 * i), 0.04))
            L.erase(D.grow(w, 0.012))
            L.paint(w, cm)
    elif mot == "peaks":
        n = min(k, 4)
        for i in range(n):
            xc = 0.25 + 0.5 * (i + 0.5) / n + (a - 0.5) * 0.05
            hgt = 0.3 + 0.22 * ((i * 37 + int(b * 10)) % 5) / 4
            wd = 0.18 + 0.1 * c
            pts = [(xc - wd, 0.76), (xc, 0.76 - hgt), (xc + wd, 0.76)]
            L.erase(D.grow(D.arr(D.poly(pts)), 0.012))
            L.paint(D.poly(pts), cm if i % 2 == 0 else ca)
        L.paint(D.line(_wave(0.8, 0.015, 1.2 + c, a), 0.035), ca)
    elif mot == "sail":
        hull = D.bezier((0.2, 0.66), (0.35, 0.82), (0.65, 0.82), (0.8, 0.66), 40)
        L.paint(D.poly(hull), cm)
        L.paint(D.poly([(0.52, 0.2), (0.52, 0.6), (0.78 - 0.1 * a, 0.6)]), cm)
        if k >= 3:
            L.paint(D.poly([(0.48, 0.26 + 0.1 * b), (0.48, 0.6), (0.26 + 0.06 * c, 0.6)]), ca)
        L.paint(D.line(_wave(0.88, 0.012, 2.0, b, 0.22, 0.78), 0.025), ca)
    elif mot == "grain":
        n = 4 + min(k, 4)
        for side in (-1, 1) if p["flip"] else (1,):
            stem = D.bezier(
                (0.5, 0.86), (0.5 + 0.04 * side, 0.6), (0.5 - 0.02 * side, 0.4), (0.5 + 0.03 * side, 0.14), 40
            )
            L.paint(D.line(stem, 0.02), cm)
            for j in range(n):
                t = 0.2 + 0.75 * j / n
                x, y = stem[int(t * 40)]
                for s in (-1, 1):
                    pts = D.superellipse(x + s * 0.045, y, 0.05, 0.022, 2, s * (35 + 20 * a))
                    L.paint(D.poly(pts), cm if s == side else ca)
    elif mot == "bird":
        for s in (-1, 1):
            outer = D.arr(D.ellipse(0.5 + s * (0.2 + 0.05 * a), 0.62, 0.26, 0.2 + 0.06 * b))
            inner = D.arr(D.ellipse(0.5 + s * (0.2 + 0.05 * a), 0.7, 0.24, 0.2 + 0.06 * b))
            L.paint(
                np.clip(outer - inner, 0, 1)
                * (D.arr(D.poly([(0.5, 0), (0.5 + s, 0), (0.5 + s, 0.62), (0.5, 0.62)]))),
                cm,
            )
        L.paint(D.ellipse(0.5, 0.4 - 0.05 * c, 0.06), ca)
    elif mot == "lotus":
        n = 3 if k < 4 else 5
        for j in range(n):
            ang = (j - (n - 1) / 2) * (28 + 10 * a)
            pts = D.superellipse(0.5, 0.42, 0.07 + 0.02 * b, 0.22, 1.6, 0)
            pts = D.rotate_points(pts, ang, 0.5, 0.66)
            L.erase(D.grow(D.arr(D.poly(pts)), 0.01))
            L.paint(D.poly(pts), cm if j % 2 == 0 else ca)
        L.paint(D.line(_wave(0.8, 0.012, 1.5 + c, 0, 0.24, 0.76), 0.03), ca)
    elif mot == "bridge":
        n = 1 + min(k, 4) // 2
        deck = 0.46 + 0.06 * a
        L.paint(D.line([(0.14, deck), (0.86, deck)], 0.05, caps=False), cm)
        wd = 0.72 / n
        for j in range(n):
            cx = 0.14 + wd * (j + 0.5)
            ring = np.clip(
                D.arr(D.ellipse(cx, deck + 0.22, wd / 2, 0.2 + 0.04 * b))
                - D.arr(D.ellipse(cx, deck + 0.22, wd / 2 - 0.04, 0.16 + 0.04 * b)),
                0,
                1,
            )
            L.paint(ring * D.arr(D.poly([(0, 0), (1, 0), (1, deck + 0.22), (0, deck + 0.22)])), cm)
        for j in range(2):
            L.paint(D.line(_wave(0.76 + 0.07 * j, 0.01, 2 + c, 0.3 * j, 0.2, 0.8), 0.025), ca)
    elif mot == "flame":
        n = 2 + (k % 2)
        lean = (a - 0.5) * 0.2
        for j in range(n):
            sc = 1 - 0.3 * j
            tip = (0.5 + lean * sc, 0.5 - 0.36 * sc)
            lft = D.bezier((0.5, 0.78), (0.5 - 0.26 * sc, 0.72), (0.5 - 0.2 * sc, 0.4), tip, 40)
            rgt = D.bezier(tip, (0.5 + 0.16 * sc + 0.1 * b, 0.38), (0.5 + 0.26 * sc, 0.72), (0.5, 0.78), 40)
            pts = [(x, y + 0.1 * j) for x, y in lft + rgt]
            if j:
                L.erase(D.grow(D.arr(D.poly(pts)), 0.01))
            L.paint(D.poly(pts), cm if j % 2 == 0 else ca)
    else:  # pagoda
        tiers = 3 + min(k, 4) // 2
        top, bot = 0.22, 0.8
        step = (bot - top) / tiers
        for j in range(tiers):
            y = top + step * (j + 1)
            hw = 0.12 + 0.26 * (j + 1) / tiers * (0.8 + 0.2 * a)
            roof = [
                (0.5 - hw - 0.04, y - step * 0.25 - 0.03 * b),
                (0.5 - hw * 0.6, y - step * 0.45),
                (0.5 + hw * 0.6, y - step * 0.45),
                (0.5 + hw + 0.04, y - step * 0.25 - 0.03 * b),
                (0.5 + hw * 0.8, y - step * 0.1),
                (0.5 - hw * 0.8, y - step * 0.1),
            ]
            L.paint(D.poly(roof), cm)
            L.paint(
                D.poly(
                    [
                        (0.5 - hw * 0.55, y - step * 0.1),
                        (0.5 + hw * 0.55, y - step * 0.1),
                        (0.5 + hw * 0.55, y),
                        (0.5 - hw * 0.55, y),
                    ]
                ),
                ca,
            )
        L.paint(D.line([(0.5, 0.1), (0.5, top + 0.02)], 0.025), cm)


# ---------------------------------------------------------------- wordmark
def sample_wordmark(r, texts):
    return {
        "mark": r.choice(["dots", "triangle", "arcs", "diamond_pair", "square_split"]),
        "text": texts["word"],
        "stroke": _u(r, 0.0, 0.05),
        "mark_size": _u(r, 0.3, 0.4),
        "a": _u(r, 0, 1),
        "k": r.randrange(3, 6),
    }


def draw_wordmark(L, p, cm, ca):
    ms, a, k = p["mark_size"], p["a"], p["k"]
    cy = 0.16 + ms / 2
    mk = p["mark"]
    if mk == "dots":
        pts = []
        for j in range(k):
            ang = math.radians(200 + 140 * j / (k - 1))
            pts.append(
                (
                    0.5 + ms * 0.55 * math.cos(ang),
                    cy + 0.05 + ms * 0.55 * math.sin(ang),
                    ms * (0.1 + 0.06 * ((j + int(a * 3)) % 3)),
                )
            )
        L.paint(D.discs(pts[::2]), cm)
        L.paint(D.discs(pts[1::2]), ca)
    elif mk == "triangle":
        tri = [(0.5, cy - ms / 2), (0.5 + ms / 2, cy + ms / 2), (0.5 - ms / 2, cy + ms / 2)]
        L.paint(D.poly(tri), cm)
        L.erase(
            D.line(
                [(0.5 - ms * 0.5, cy + ms * (0.1 + 0.2 * a)), (0.5 + ms * 0.5, cy - ms * 0.1)],
                0.02,
                caps=False,
            )
        )
    elif mk == "arcs":
        for j in range(3):
            rad = ms * (0.25 + 0.25 * j)
            ring = np.clip(
                D.arr(D.ellipse(0.5, cy + ms / 2, rad)) - D.arr(D.ellipse(0.5, cy + ms / 2, rad - 0.028)),
                0,
                1,
            )
            wedge = D.arr(
                D.poly(
                    [
                        (0.5, cy + ms / 2),
                        (0.5 - 1, cy + ms / 2 - 1.2 + 0.4 * a),
                        (0.5 + 1, cy + ms / 2 - 1.2 + 0.4 * a),
                    ]
                )
            )
            L.paint(ring * wedge, cm if j != 1 else ca)
    elif mk == "diamond_pair":
        for j, col in ((-1, cm), (1, ca)):
            d = D.superellipse(0.5 + j * ms * 0.22, cy, ms * 0.38, ms * 0.5, 1.0)
            if j > 0:
                L.erase(D.grow(D.arr(D.poly(d)), 0.01))
            L.paint(D.poly(d), col)
    else:
        h = ms / 2
        L.paint(D.poly([(0.5 - h, cy - h), (0.5 + h, cy - h), (0.5 - h, cy + h)]), cm)
        L.paint(D.poly([(0.5 + h, cy - h + 0.03), (0.5 + h, cy + h), (0.5 - h + 0.03, cy + h)]), ca)
    txt = D.text_mask(p["text"], (0.14, 0.64, 0.86, 0.84), stroke=p["stroke"])
    L.paint(txt, cm)


# ---------------------------------------------------------------- mosaic
def sample_mosaic(r, texts):
    k = r.choice([5, 6, 7])
    half = (k + 1) // 2
    while True:
        bits = [[1 if r.random() < 0.55 else 0 for _ in range(half)] for _ in range(k)]
        if 0.4 < sum(map(sum, bits)) / (k * half) < 0.8:
            break
    acc = [[1 if r.random() < 0.22 else 0 for _ in range(half)] for _ in range(k)]
    return {
        "k": k,
        "bits": bits,
        "acc": acc,
        "cell": r.choice(["square", "circle", "rounded", "diamond"]),
        "gap": _u(r, 0.08, 0.22),
        "size": _u(r, 0.6, 0.72),
        "frame": r.random() < 0.3,
    }


def draw_mosaic(L, p, cm, ca):
    k, sz = p["k"], p["size"]
    cell = sz / k
    x0 = 0.5 - sz / 2
    half = (k + 1) // 2
    for i in range(k):
        for j in range(k):
            jj = j if j < half else k - 1 - j
            if not p["bits"][i][jj]:
                continue
            cx, cy = x0 + (j + 0.5) * cell, x0 + (i + 0.5) * cell
            h = cell * (1 - p["gap"]) / 2
            shp = {"square": 12, "circle": 2, "rounded": 4, "diamond": 1}[p["cell"]]
            pts = D.superellipse(
                cx, cy, h * (1.3 if shp == 1 else 1), h * (1.3 if shp == 1 else 1), shp, 0, 60
            )
            L.paint(D.poly(pts), ca if p["acc"][i][jj] else cm)
    if p["frame"]:
        o = sz / 2 + 0.05
        fr = np.clip(
            D.arr(D.poly(D.superellipse(0.5, 0.5, o, o, 8)))
            - D.arr(D.poly(D.superellipse(0.5, 0.5, o - 0.025, o - 0.025, 8))),
            0,
            1,
        )
        L.paint(fr, cm)


# ---------------------------------------------------------------- lattice (window fretwork)
def sample_lattice(r, texts):
    return {
        "motif": r.choice(["meander", "meander", "cross", "ice"]),
        "arms": r.choice([2, 4, 4]),
        "turns": r.choice([2, 3]),
        "width": _u(r, 0.028, 0.045),
        "rot": r.choice([0, 0, 45]),
        "frame": r.choice(["none", "square", "circle"]),
        "seed": r.randrange(1 << 30),
        "a": _u(r, 0, 1),
    }


def _spiral(turns, step):
    pts = [(0.0, 0.0)]
    x = y = 0.0
    dirs = [(1, 0), (0, -1), (-1, 0), (0, 1)]
    for i in range(turns * 4):
        ln = step * (i // 2 + 1)
        dx, dy = dirs[i % 4]
        x, y = x + dx * ln, y + dy * ln
        pts.append((x, y))
    return pts


def draw_lattice(L, p, cm, ca):
    w = p["width"]
    m = D.blank()
    if p["motif"] == "meander":
        step = 0.045 + 0.01 * p["a"]
        sp = _spiral(p["turns"], step)
        for arm in range(p["arms"]):
            ang = 360 * arm / p["arms"]
            pts = [(0.5 + 0.09 + x, 0.5 - 0.09 + y) for x, y in sp]
            D.line(D.rotate_points(pts, ang + p["rot"]), w, m)
    elif p["motif"] == "cross":
        rs = np.random.default_rng(p["seed"])
        n = 4 + p["turns"]
        for i in range(n + 1):
            t = 0.2 + 0.6 * i / n
            for j in range(n):
                if rs.random() < 0.7:
                    D.line([(t, 0.2 + 0.6 * j / n), (t, 0.2 + 0.6 * (j + 1) / n)], w, m)
                if rs.random() < 0.7:
                    D.line([(0.2 + 0.6 * j / n, t), (0.2 + 0.6 * (j + 1) / n, t)], w, m)
        m = D.affine(m, rot=p["rot"])
    else:
        rs = np.random.default_rng(p["seed"])
        pts = [(rs.uniform(0.22, 0.78), rs.uniform(0.22, 0.78)) for _ in range(7 + p["turns"])]
        for i in range(len(pts)):
            a = pts[i]
            b = min((q for q in pts if q != a), key=lambda q, a=a: (q[0] - a[0]) ** 2 + (q[1] - a[1]) ** 2)
            D.line([a, b], w, m)
            D.line([a, pts[(i + 2) % len(pts)]], w * 0.8, m)
    body = D.arr(m)
    if p["frame"] == "square":
        fr = np.clip(
            D.arr(D.poly(D.superellipse(0.5, 0.5, 0.4, 0.4, 10)))
            - D.arr(D.poly(D.superellipse(0.5, 0.5, 0.4 - w, 0.4 - w, 10))),
            0,
            1,
        )
        body = body * D.arr(D.poly(D.superellipse(0.5, 0.5, 0.4, 0.4, 10)))
        L.paint(fr, ca)
    elif p["frame"] == "circle":
        fr = np.clip(D.arr(D.ellipse(0.5, 0.5, 0.41)) - D.arr(D.ellipse(0.5, 0.5, 0.41 - w)), 0, 1)
        body = body * D.arr(D.ellipse(0.5, 0.5, 0.41))
        L.paint(fr, ca)
    L.paint(body, cm)


# ---------------------------------------------------------------- monogram
def sample_monogram(r, texts):
    ab = texts["abbr"]
    n = r.choice([1, 2, len(ab)]) if len(ab) > 1 else 1
    return {
        "letters": ab[:n],
        "font": r.choice(["sans_bold", "serif_bold", "cond_bold", "serif_italic"]),
        "stripes": r.choice([0, 0, 3, 4, 5]),
        "stripe_angle": r.choice([0, -25, 25]),
        "container": r.choice(["none", "circle", "diamond", "slant"]),
        "shear": _u(r, -0.25, 0.1),
    }


def draw_monogram(L, p, cm, ca):
    n = len(p["letters"])
    wbox = 0.3 + 0.13 * min(n, 3)
    box = (0.5 - wbox / 2, 0.5 - 0.2, 0.5 + wbox / 2, 0.5 + 0.2)
    t = D.arr(D.affine(D.text_mask(p["letters"], box, p["font"]), shear=p["shear"]))
    if p["stripes"]:
        st = D.blank()
        for i in range(p["stripes"]):
            y = 0.3 + 0.4 * (i + 0.5) / p["stripes"]
            D.line([(0.0, y), (1.0, y)], 0.4 / p["stripes"] * 0.28, st, caps=False)
        t = t * (1 - D.arr(D.affine(st, rot=p["stripe_angle"])))
    c = p["container"]
    if c in ("circle", "diamond"):
        shape = (
            D.ellipse(0.5, 0.5, 0.4) if c == "circle" else D.poly(D.superellipse(0.5, 0.5, 0.44, 0.44, 1.0))
        )
        L.paint(shape, ca)
        L.erase(D.grow(t, 0.012))
        L.paint(t, cm)
    elif c == "slant":
        L.paint(D.poly([(0.2, 0.72), (0.34, 0.28), (0.82, 0.28), (0.68, 0.72)]), ca)
        L.erase(D.grow(t, 0.015))
        L.paint(t, cm)
    else:
        L.paint(t, cm)


# ---------------------------------------------------------------- petals
def sample_petals(r, texts):
    return {
        "n": r.randrange(3, 10),
        "length": _u(r, 0.22, 0.34),
        "width": _u(r, 0.07, 0.15),
        "twist": _u(r, 0, 40, 1),
        "hole": _u(r, 0.0, 0.08),
        "alt": r.random() < 0.5,
        "petal": r.choice(["ellipse", "drop", "blade"]),
        "rot": _u(r, 0, 360, 1),
    }


def draw_petals(L, p, cm, ca):
    n = p["n"]
    for i in range(n):
        ang = p["rot"] + 360 * i / n
        ln, wd, h = p["length"], p["width"], p["hole"]
        if p["petal"] == "ellipse":
            pts = D.superellipse(0.5 + h + ln / 2, 0.5, ln / 2, wd / 2, 2, p["twist"])
        elif p["petal"] == "drop":
            pts = D.bezier(
                (0.5 + h, 0.5),
                (0.5 + h + ln * 0.3, 0.5 - wd),
                (0.5 + h + ln, 0.5 - wd * 0.6),
                (0.5 + h + ln, 0.5),
                30,
            )
            pts += D.bezier(
                (0.5 + h + ln, 0.5),
                (0.5 + h + ln, 0.5 + wd * 0.6),
                (0.5 + h + ln * 0.3, 0.5 + wd),
                (0.5 + h, 0.5),
                30,
            )
            pts = D.rotate_points(pts, p["twist"], 0.5 + h, 0.5)
        else:
            pts = D.bezier(
                (0.5 + h, 0.5),
                (0.5 + h + ln * 0.4, 0.5 - wd * 1.2),
                (0.5 + h + ln, 0.5 - wd * 0.8),
                (0.5 + h + ln, 0.5 - wd * 0.1),
                30,
            )
            pts += D.bezier(
                (0.5 + h + ln, 0.5 - wd * 0.1),
                (0.5 + h + ln * 0.6, 0.5 + wd * 0.1),
                (0.5 + h + ln * 0.3, 0.5 + wd * 0.2),
                (0.5 + h, 0.5),
                30,
            )
        pts = D.rotate_points(pts, ang)
        col = ca if (p["alt"] and i % 2) else cm
        L.erase(D.grow(D.arr(D.poly(pts)), 0.008))
        L.paint(D.poly(pts), col)
    if p["hole"] > 0.03:
        L.erase(D.ellipse(0.5, 0.5, p["hole"] * 0.7))


# ---------------------------------------------------------------- chevrons
def sample_chevrons(r, texts):
    return {
        "n": r.choice([2, 3, 3, 4]),
        "open": _u(r, 60, 120, 1),
        "t": _u(r, 0.05, 0.085),
        "gap": _u(r, 0.03, 0.06),
        "dir": r.choice([0, -90, -45, 180]),
        "base": r.choice(["none", "bars", "arc"]),
        "alt": r.random() < 0.5,
    }


def draw_chevrons(L, p, cm, ca):
    n, t = p["n"], p["t"]
    half = math.radians(p["open"] / 2)
    arm = 0.26
    total = n * t + (n - 1) * p["gap"]
    m_all = []
    for i in range(n):
        off = -total / 2 + i * (t + p["gap"]) + 0.08
        tip = (0.5, 0.5 + off - 0.1)
        lft = (0.5 - arm * math.sin(half), tip[1] + arm * math.cos(half))
        rgt = (0.5 + arm * math.sin(half), tip[1] + arm * math.cos(half))
        m = D.line([lft, tip, rgt], t, caps=False)
        m_all.append(D.affine(m, rot=p["dir"]))
    for i, m in enumerate(m_all):
        L.paint(m, ca if (p["alt"] and i == 0) else cm)
    if p["base"] == "bars":
        for j in range(3):
            h = 0.06 + 0.05 * j
            x = 0.34 + j * 0.12
            L.paint(D.poly([(x, 0.86 - h), (x + 0.08, 0.86 - h), (x + 0.08, 0.86), (x, 0.86)]), ca)
    elif p["base"] == "arc":
        ring = np.clip(D.arr(D.ellipse(0.5, 0.5, 0.42)) - D.arr(D.ellipse(0.5, 0.5, 0.38)), 0, 1)
        L.paint(ring * D.arr(D.poly([(0, 0.62), (1, 0.62), (1, 1), (0, 1)])), ca)


# ---------------------------------------------------------------- classic (coin, shield, ring + star)
def sample_classic(r, texts):
    return {
        "kind": r.choice(["coin", "shield", "ring_star"]),
        "a": _u(r, 0, 1),
        "b": _u(r, 0, 1),
        "char": texts["char"],
        "use_char": r.random() < 0.5,
    }


def _star(cx, cy, ro, ri, rot=-90):
    pts = []
    for i in range(10):
        rad = ro if i % 2 == 0 else ri
        ang = math.radians(rot + 36 * i)
        pts.append((cx + rad * math.cos(ang), cy + rad * math.sin(ang)))
    return pts


def draw_classic(L, p, cm, ca):
    a, b = p["a"], p["b"]
    if p["kind"] == "coin":
        R = 0.38
        L.paint(
            np.clip(D.arr(D.ellipse(0.5, 0.5, R)) - D.arr(D.ellipse(0.5, 0.5, R - 0.05 - 0.03 * a)), 0, 1), cm
        )
        h = 0.08 + 0.05 * b
        L.paint(
            D.poly(
                [
                    (0.5 - h - 0.04, 0.5 - h - 0.04),
                    (0.5 + h + 0.04, 0.5 - h - 0.04),
                    (0.5 + h + 0.04, 0.5 + h + 0.04),
                    (0.5 - h - 0.04, 0.5 + h + 0.04),
                ]
            ),
            ca,
        )
        L.erase(D.poly([(0.5 - h, 0.5 - h), (0.5 + h, 0.5 - h), (0.5 + h, 0.5 + h), (0.5 - h, 0.5 + h)]))
        for ang in (0, 90, 180, 270):
            L.paint(D.line(D.rotate_points([(0.5, 0.5 - h - 0.08), (0.5, 0.5 - R + 0.1)], ang), 0.03), cm)
    elif p["kind"] == "shield":
        top = 0.18 + 0.04 * a
        pts = (
            [(0.22, top), (0.78, top)]
            + D.bezier((0.78, top), (0.78, 0.6), (0.62, 0.76), (0.5, 0.84), 30)
            + D.bezier((0.5, 0.84), (0.38, 0.76), (0.22, 0.6), (0.22, top), 30)
        )
        L.paint(D.poly(pts), cm)
        if p["use_char"]:
            L.erase(D.text_mask(p["char"], (0.32, 0.28, 0.68, 0.64)))
        else:
            L.erase(D.poly(_star(0.5, 0.45, 0.17, 0.07 + 0.02 * b)))
        L.paint(D.line([(0.22, top + 0.02), (0.78, top + 0.02)], 0.03, caps=False), ca)
    else:
        L.paint(
            np.clip(D.arr(D.ellipse(0.5, 0.5, 0.4)) - D.arr(D.ellipse(0.5, 0.5, 0.34 - 0.03 * a)), 0, 1), cm
        )
        if p["use_char"]:
            L.paint(D.text_mask(p["char"], (0.3, 0.3, 0.7, 0.7)), ca)
        else:
            L.paint(D.poly(_star(0.5, 0.5, 0.22, 0.09 + 0.02 * b, -90 + 36 * (b > 0.5))), ca)


SAMPLERS = {f: globals()["sample_" + f] for f in FAMILIES}
DRAWERS = {f: globals()["draw_" + f] for f in FAMILIES}


def signature(design: dict) -> tuple:
    """The discrete traits of a design; a negative must differ from every protected design of its family."""
    p, f = design["params"], design["family"]
    if f == "classic":
        return (f, p["kind"], p["use_char"] and p["kind"] != "coin" and p["char"])
    keys = {
        "interlock": ("n", "shape", "arr"),
        "brush": ("char", "enclosure"),
        "ribbon": ("n", "shade", "alt"),
        "tangram": ("keep", "rots"),
        "seal": ("chars", "shape", "style"),
        "pictorial": ("motif",),
        "wordmark": ("mark",),
        "mosaic": ("k", "bits"),
        "lattice": ("motif", "arms", "frame"),
        "monogram": ("letters", "container"),
        "petals": ("n", "petal"),
        "chevrons": ("n", "dir", "base"),
    }[f]
    return (f,) + tuple(repr(p[k]) for k in keys)
