"""Emblem templates for the protected logos (own designs). Each draws into a Pen in unit coordinates.

`w` scales every stroke width and thin part: 1.0 is the official drawing, other values a redrawing.
"""

from __future__ import annotations

import math

from draw import CJK_FONT, LAT_FONT, Pen, ellipse_points, regular_polygon, star_points


def coin(p: Pen, P, w):
    p.circle(0.5, 0.5, 0.35, outline=P["c1"], width=0.075 * w)
    s = 0.11 * (0.8 + 0.2 * w)
    pts = regular_polygon(0.5, 0.5, s * 1.414, 4, 45 + P.get("rot", 0))
    p.poly(pts, P["c1"])
    for a in (0, 90, 180, 270):
        x = 0.5 + 0.22 * math.cos(math.radians(a + 45))
        y = 0.5 + 0.22 * math.sin(math.radians(a + 45))
        p.circle(x, y, 0.025 * w, fill=P["c2"])


def seal(p: Pen, P, w):
    p.rect(0.17, 0.17, 0.83, 0.83, fill=P["c1"], radius=0.07)
    p.rect(0.22, 0.22, 0.78, 0.78, outline=P["c2"], width=0.022 * w, radius=0.04)
    p.text(0.5, 0.5, P["glyph"], CJK_FONT, 0.34, P["c2"], stroke=0.006 * (w - 1) if w > 1 else 0)


def wordmark(p: Pen, P, w):
    p.text_fit(0.5, 0.45, P["text"], CJK_FONT if not P["text"].isascii() else LAT_FONT, 0.8, 0.3, P["c1"])
    p.rect(0.2, 0.66, 0.8, 0.66 + 0.05 * w, fill=P["c2"], radius=0.02)
    p.circle(0.84, 0.66 + 0.025 * w, 0.03 * w, fill=P["c1"])


def nested(p: Pen, P, w):
    for i, (r, rot, c) in enumerate(((0.36, 0, P["c1"]), (0.27, 15, P["c2"]), (0.18, 30, P["c1"]))):
        outer = regular_polygon(0.5, 0.5, r, 4, 45 + rot)
        inner = regular_polygon(0.5, 0.5, r - 0.05 * w, 4, 45 + rot)
        ring = Pen(p.out)
        ring.poly(outer, c)
        ring.poly(inner, (0, 0, 0, 0))
        p.paste(ring)
        if i == 2:
            p.circle(0.5, 0.5, 0.05, fill=P["c2"])


def arrowloop(p: Pen, P, w):
    p.arc(0.5, 0.5, 0.3, 40, 320, P["c1"], 0.08 * w)
    a = math.radians(40)
    x, y = 0.5 + 0.3 * math.cos(a), 0.5 + 0.3 * math.sin(a)
    p.poly([(x - 0.1, y - 0.02), (x + 0.1, y - 0.02), (x, y + 0.12)], P["c1"])
    p.text(0.5, 0.5, P["glyph"], CJK_FONT, 0.2, P["c2"])


def leaf(p: Pen, P, w):
    for ang, c, dx in ((-40, P["c1"], -0.08), (40, P["c2"], 0.08)):
        p.ellipse(0.5 + dx, 0.46, 0.13 * (0.8 + 0.2 * w), 0.28, ang, fill=c)
    p.line([(0.5, 0.86), (0.5, 0.56)], P["c1"], 0.035 * w)
    p.circle(0.5, 0.5, 0.42, outline=P["c1"], width=0.025 * w)


def round_char(p: Pen, P, w):
    p.circle(0.5, 0.5, 0.38, fill=P["c1"])
    p.circle(0.5, 0.5, 0.31, outline=P["c2"], width=0.018 * w)
    p.circle(0.5, 0.5, 0.27, outline=P["c2"], width=0.008 * w)
    p.text(0.5, 0.5, P["glyph"], CJK_FONT, 0.24, P["c2"])


def rosette(p: Pen, P, w):
    n = P["n"]
    cols = P["cols"]
    for i in range(n):
        a = 360 * i / n
        cx = 0.5 + 0.18 * math.cos(math.radians(a))
        cy = 0.5 + 0.18 * math.sin(math.radians(a))
        p.ellipse(cx, cy, 0.19, 0.075 * w, a, fill=cols[i % len(cols)])
    p.circle(0.5, 0.5, 0.07, fill=P["c3"])


def sshape(p: Pen, P, w):
    p.arc(0.5, 0.36, 0.15, 90, 360, P["c1"], 0.085 * w)
    p.arc(0.5, 0.64, 0.15, 270, 540, P["c2"], 0.085 * w)
    p.rect(0.18, 0.16, 0.82, 0.84, outline=P["c1"], width=0.02 * w, radius=0.1)


def dotgrid(p: Pen, P, w):
    pat = P["pattern"]
    for i, ch in enumerate(pat):
        if ch == ".":
            continue
        x = 0.28 + 0.22 * (i % 3)
        y = 0.28 + 0.22 * (i // 3)
        c = P["c1"] if ch == "a" else P["c2"]
        p.circle(x, y, 0.075 * (0.85 + 0.15 * w), fill=c)


def arches(p: Pen, P, w):
    for r, c in ((0.34, P["c1"]), (0.24, P["c2"]), (0.14, P["c1"])):
        p.arc(0.5, 0.6, r, 180, 360, c, 0.065 * w)
        p.line([(0.5 - r, 0.6), (0.5 - r, 0.8)], c, 0.065 * w, round_caps=False)
        p.line([(0.5 + r, 0.6), (0.5 + r, 0.8)], c, 0.065 * w, round_caps=False)


def pinwheel(p: Pen, P, w):
    cols = [P["c1"], P["c2"], P["c1"], P["c2"]]
    for i in range(4):
        a = math.radians(90 * i)
        pts = [(0.5, 0.5), (0.5, 0.14), (0.74, 0.3 + 0.04 * (w - 1))]
        rp = []
        for x, y in pts:
            dx, dy = x - 0.5, y - 0.5
            rp.append((0.5 + dx * math.cos(a) - dy * math.sin(a), 0.5 + dx * math.sin(a) + dy * math.cos(a)))
        p.poly(rp, cols[i])


def split(p: Pen, P, w):
    p.circle(0.5, 0.5, 0.36, fill=P["c1"])
    half = Pen(p.out)
    half.rect(0.5, 0.1, 0.9, 0.9, fill=P["c2"])
    half.circle(0.5, 0.32, 0.18, fill=P["c2"])
    cut = Pen(p.out)
    cut.circle(0.5, 0.68, 0.18, fill="000000")
    half.erase(cut)
    disc = Pen(p.out)
    disc.circle(0.5, 0.5, 0.36, fill="000000")
    half.clip(disc)
    p.paste(half)
    p.circle(0.5, 0.5, 0.36, outline=P["c3"], width=0.02 * w)


def diamonds(p: Pen, P, w):
    for (dx, dy), c in zip(
        ((0, -0.17), (0.17, 0), (0, 0.17), (-0.17, 0)), (P["c1"], P["c2"], P["c1"], P["c2"]), strict=True
    ):
        p.poly(regular_polygon(0.5 + dx, 0.5 + dy, 0.12 * (0.85 + 0.15 * w), 4, 0), c)


def letter_ellipse(p: Pen, P, w):
    p.ellipse(0.5, 0.5, 0.4, 0.25, 0, outline=P["c1"], width=0.04 * w)
    p.text(0.5, 0.5, P["letters"], LAT_FONT, 0.26, P["c2"])


def ribbon(p: Pen, P, w):
    for k, c in enumerate((P["c1"], P["c2"])):
        top, bot = [], []
        for i in range(41):
            x = 0.14 + 0.72 * i / 40
            y = 0.36 + 0.13 * k + 0.07 * math.sin(2 * math.pi * (x - 0.14) / 0.72 * 1.0 + k)
            top.append((x, y))
            bot.append((x, y + 0.07 * w))
        p.poly(top + bot[::-1], c)


def knot(p: Pen, P, w):
    pts = []
    for i in range(201):
        t = 2 * math.pi * i / 200
        d = 1 + math.sin(t) ** 2
        pts.append((0.5 + 0.36 * math.cos(t) / d, 0.5 + 0.36 * math.sin(t) * math.cos(t) / d))
    p.line(pts, P["c1"], 0.07 * w)
    p.circle(0.5, 0.5, 0.045, fill=P["c2"])


def star(p: Pen, P, w):
    n = P["n"]
    p.poly(star_points(0.5, 0.5, 0.39, 0.39 * P.get("ratio", 0.55), n), P["c1"])
    p.circle(0.5, 0.5, 0.12 * (0.9 + 0.1 * w), fill=P["c2"])


def mountain(p: Pen, P, w):
    p.circle(0.64, 0.34, 0.1, fill=P["c2"])
    p.poly([(0.16, 0.74), (0.42, 0.3), (0.68, 0.74)], P["c1"])
    p.poly([(0.46, 0.74), (0.64, 0.47), (0.84, 0.74)], P["c3"])
    p.rect(0.14, 0.76, 0.86, 0.76 + 0.04 * w, fill=P["c1"], radius=0.015)


def tri(p: Pen, P, w):
    p.poly([(0.5, 0.16), (0.86, 0.8), (0.14, 0.8)], P["c1"])
    g = 0.02 * w
    p.poly([(0.5, 0.8 - g), (0.32 + g, 0.48 + g / 2), (0.68 - g, 0.48 + g / 2)], P["c2"])


def waves(p: Pen, P, w):
    p.circle(0.5, 0.5, 0.36, fill=P["c1"])
    lines = Pen(p.out)
    for k in range(3):
        pts = [
            (0.1 + 0.8 * i / 60, 0.4 + 0.11 * k + 0.04 * math.sin(2 * math.pi * i / 30)) for i in range(61)
        ]
        lines.line(pts, P["c2"], 0.04 * w)
    disc = Pen(p.out)
    disc.circle(0.5, 0.5, 0.36, fill="000000")
    lines.clip(disc)
    p.paste(lines)


def monogram(p: Pen, P, w):
    p.circle(0.5, 0.5, 0.36, fill=P["c1"])
    p.circle(0.5, 0.5, 0.42, outline=P["c1"], width=0.02 * w)
    p.text_fit(0.5, 0.5, P["letters"], LAT_FONT, 0.5, 0.24, P["c2"])


def hexagon(p: Pen, P, w):
    outer = regular_polygon(0.5, 0.5, 0.38, 6, 30)
    inner = regular_polygon(0.5, 0.5, 0.38 - 0.06 * w, 6, 30)
    ring = Pen(p.out)
    ring.poly(outer, P["c1"])
    ring.poly(inner, (0, 0, 0, 0))
    p.paste(ring)
    if P.get("letters"):
        p.text(0.5, 0.5, P["letters"], LAT_FONT, 0.3, P["c2"])
    else:
        p.poly(regular_polygon(0.5, 0.53, 0.16, 3, -90), P["c2"])


def crescent(p: Pen, P, w):
    moon = Pen(p.out)
    moon.circle(0.46, 0.5, 0.3, fill=P["c1"])
    cut = Pen(p.out)
    cut.circle(0.58 + 0.03 * (1 - w), 0.44, 0.25, fill="000000")
    moon.erase(cut)
    p.paste(moon)
    p.circle(0.68, 0.47, 0.06, fill=P["c2"])
    p.circle(0.6, 0.66, 0.03, fill=P["c2"])


def shield(p: Pen, P, w):
    pts = [(0.2, 0.2), (0.8, 0.2), (0.8, 0.52)]
    for i in range(1, 20):
        t = i / 20
        pts.append((0.8 - 0.3 * t, 0.52 + 0.32 * math.sin(t * math.pi / 2)))
    pts += [(0.5, 0.86)]
    for i in range(19, 0, -1):
        t = i / 20
        pts.append((0.2 + 0.3 * t, 0.52 + 0.32 * math.sin(t * math.pi / 2)))
    pts.append((0.2, 0.52))
    p.poly(pts, P["c1"])
    if P.get("cross"):
        p.rect(0.45, 0.3, 0.55, 0.72, fill=P["c2"])
        p.rect(0.32, 0.42, 0.68, 0.52, fill=P["c2"])
    else:
        p.poly(star_points(0.5, 0.5, 0.17, 0.17 * 0.42 * (0.9 + 0.1 * w), 5), P["c2"])


def globe(p: Pen, P, w):
    p.circle(0.5, 0.5, 0.36, outline=P["c1"], width=0.045 * w)
    for rx in (0.12, 0.25):
        p.ellipse(0.5, 0.5, rx, 0.36, 0, outline=P["c1"], width=0.03 * w)
    p.line([(0.14, 0.5), (0.86, 0.5)], P["c1"], 0.03 * w)
    p.line([(0.5, 0.14), (0.5, 0.86)], P["c1"], 0.03 * w)
    for y in (0.32, 0.68):
        half = math.sqrt(max(0.36**2 - (y - 0.5) ** 2, 0))
        p.line([(0.5 - half + 0.02, y), (0.5 + half - 0.02, y)], P["c2"], 0.03 * w)


def arcs(p: Pen, P, w):
    p.circle(0.28, 0.72, 0.07, fill=P["c1"])
    for r, c in ((0.2, P["c2"]), (0.34, P["c1"]), (0.48, P["c2"])):
        p.arc(0.28, 0.72, r, 270, 360, c, 0.065 * w)


def window(p: Pen, P, w):
    cols = [P["c1"], P["c2"], P["c2"], P["c1"]]
    g = 0.03 + 0.02 * (1 - w)
    tiles = Pen(p.out)
    for i, c in enumerate(cols):
        x0 = 0.22 + (i % 2) * (0.28 + g)
        y0 = 0.22 + (i // 2) * (0.28 + g)
        tiles.rect(x0, y0, x0 + 0.28 - g, y0 + 0.28 - g, fill=c, radius=0.05)
    if P.get("rot"):
        tiles.im = tiles.im.rotate(P["rot"], resample=3)
    p.paste(tiles)


def drop(p: Pen, P, w):
    p.circle(0.5, 0.6, 0.25, fill=P["c1"])
    p.poly([(0.5, 0.12), (0.73, 0.5), (0.27, 0.5)], P["c1"])
    p.circle(0.5, 0.56, 0.065 * (0.85 + 0.15 * w), fill=P["c2"])
    p.poly([(0.47, 0.58), (0.53, 0.58), (0.56, 0.74), (0.44, 0.74)], P["c2"])


def orbit(p: Pen, P, w):
    p.ellipse(0.5, 0.5, 0.38, 0.15, -25, outline=P["c1"], width=0.035 * w)
    p.circle(0.5, 0.5, 0.13, fill=P["c2"])
    x, y = ellipse_points(0.5, 0.5, 0.38, 0.15, -25, 12)[2]
    p.circle(x, y, 0.045, fill=P["c3"])


def ingot(p: Pen, P, w):
    body = [(0.14, 0.46), (0.3, 0.52), (0.7, 0.52), (0.86, 0.46), (0.76, 0.74), (0.24, 0.74)]
    p.poly(body, P["c1"])
    p.ellipse(0.5, 0.46, 0.17, 0.13, 0, fill=P["c1"])
    p.ellipse(0.5, 0.45, 0.11, 0.07, 0, fill=P["c2"])
    p.line([(0.24, 0.62), (0.76, 0.62)], P["c2"], 0.02 * w)


def chevrons(p: Pen, P, w):
    k = P["n"]
    right = P.get("right", False)
    for i in range(k):
        o = 0.3 + i * 0.16 - 0.08 * (k - 3)
        pts = [(0.24, o + 0.14), (0.5, o), (0.76, o + 0.14)]
        if right:
            pts = [(y, x) for x, y in pts]
            pts = [(1 - x, y) for x, y in pts]
        p.line(pts, P["c1"] if i % 2 == 0 else P["c2"], 0.075 * w)


def temple(p: Pen, P, w):
    p.poly([(0.16, 0.36), (0.5, 0.16), (0.84, 0.36)], P["c1"])
    p.rect(0.18, 0.39, 0.82, 0.39 + 0.035 * w, fill=P["c1"])
    for i in range(4):
        x = 0.26 + 0.16 * i
        p.rect(x - 0.035 * w, 0.46, x + 0.035 * w, 0.72, fill=P["c1"])
    p.rect(0.14, 0.75, 0.86, 0.75 + 0.05 * w, fill=P["c1"])
    p.circle(0.5, 0.29, 0.04, fill=P["c2"])


def rings(p: Pen, P, w):
    cols = P["cols"]
    centres = [(0.38, 0.4), (0.62, 0.4), (0.5, 0.61)]
    for (x, y), c in zip(centres, cols, strict=True):
        p.circle(x, y, 0.18, outline=c, width=0.05 * w)


def key(p: Pen, P, w):
    p.circle(0.36, 0.38, 0.16, outline=P["c1"], width=0.07 * w)
    p.line([(0.47, 0.5), (0.78, 0.8)], P["c1"], 0.07 * w)
    p.line([(0.64, 0.66), (0.72, 0.58)], P["c1"], 0.06 * w)
    p.line([(0.71, 0.73), (0.79, 0.65)], P["c1"], 0.06 * w)


def sunrise(p: Pen, P, w):
    p.arc(0.5, 0.64, 0.2, 180, 360, P["c1"], 0.2)
    for i in range(7):
        a = math.radians(180 + 15 + 25 * i)
        p.line(
            [
                (0.5 + 0.27 * math.cos(a), 0.64 + 0.27 * math.sin(a)),
                (0.5 + 0.38 * math.cos(a), 0.64 + 0.38 * math.sin(a)),
            ],
            P["c1"],
            0.04 * w,
        )
    p.rect(0.14, 0.68, 0.86, 0.68 + 0.045 * w, fill=P["c2"], radius=0.02)
    p.rect(0.24, 0.77, 0.76, 0.77 + 0.035 * w, fill=P["c2"], radius=0.015)


def fan(p: Pen, P, w):
    for i in range(5):
        a = 200 + 35 * i
        cx = 0.5 + 0.2 * math.cos(math.radians(a))
        cy = 0.66 + 0.2 * math.sin(math.radians(a))
        p.ellipse(cx, cy, 0.2, 0.06 * w, a, fill=P["c1"] if i % 2 == 0 else P["c2"])
    p.circle(0.5, 0.66, 0.06, fill=P["c1"])


def wings(p: Pen, P, w):
    for side in (-1, 1):
        for k in range(3):
            y = 0.4 + 0.1 * k
            pts = [
                (0.5 + side * 0.06, y),
                (0.5 + side * (0.4 - 0.07 * k), y - 0.12 + 0.02 * k),
                (0.5 + side * (0.36 - 0.07 * k), y - 0.12 + 0.02 * k + 0.05 * w),
                (0.5 + side * 0.06, y + 0.05 * w),
            ]
            p.poly(pts, P["c1"] if k != 1 else P["c2"])
    p.circle(0.5, 0.45, 0.06, fill=P["c1"])


def bridge(p: Pen, P, w):
    p.rect(0.12, 0.42, 0.88, 0.42 + 0.05 * w, fill=P["c1"])
    p.arc(0.5, 0.78, 0.3, 180, 360, P["c1"], 0.06 * w)
    for x in (0.2, 0.8):
        p.rect(x - 0.03, 0.3, x + 0.03, 0.8, fill=P["c2"])
    for x in (0.35, 0.5, 0.65):
        p.line([(x, 0.47), (x, 0.6 if x != 0.5 else 0.5)], P["c1"], 0.02 * w, round_caps=False)


def bars(p: Pen, P, w):
    for i, h in enumerate((0.16, 0.26, 0.2, 0.38)):
        x = 0.25 + 0.16 * i
        c = P["c1"] if i % 2 == 0 else P["c2"]
        p.line([(x, 0.78 - h - 0.06), (x, 0.8)], c, 0.015 * w, round_caps=False)
        p.rect(x - 0.05, 0.78 - h, x + 0.05, 0.76, fill=c)
    p.line([(0.18, 0.55), (0.42, 0.4), (0.56, 0.46), (0.82, 0.2)], P["c3"], 0.035 * w)


def cube(p: Pen, P, w):
    top = [(0.5, 0.16), (0.8, 0.32), (0.5, 0.48), (0.2, 0.32)]
    left = [(0.2, 0.32), (0.5, 0.48), (0.5, 0.84), (0.2, 0.68)]
    right = [(0.5, 0.48), (0.8, 0.32), (0.8, 0.68), (0.5, 0.84)]
    p.poly(top, P["c2"])
    p.poly(left, P["c1"])
    p.poly(right, P["c3"])
    g = 0.012 * w
    p.line([(0.2, 0.32), (0.5, 0.48), (0.8, 0.32)], "ffffff", g * 2, round_caps=False)
    p.line([(0.5, 0.48), (0.5, 0.84)], "ffffff", g * 2, round_caps=False)


def spiral(p: Pen, P, w):
    pts = []
    for i in range(300):
        t = 4.2 * math.pi * i / 299
        r = 0.03 + 0.33 * i / 299
        pts.append((0.5 + r * math.cos(t), 0.5 + r * math.sin(t)))
    p.line(pts, P["c1"], 0.05 * w)


def gem(p: Pen, P, w):
    outline = [(0.3, 0.28), (0.7, 0.28), (0.84, 0.42), (0.5, 0.82), (0.16, 0.42)]
    p.poly(outline, P["c1"])
    p.poly([(0.3, 0.28), (0.7, 0.28), (0.58, 0.42), (0.42, 0.42)], P["c2"])
    lw = 0.015 * w
    for a, b in (((0.16, 0.42), (0.84, 0.42)), ((0.42, 0.42), (0.5, 0.82)), ((0.58, 0.42), (0.5, 0.82))):
        p.line([a, b], P["c3"], lw)


def compass(p: Pen, P, w):
    p.circle(0.5, 0.5, 0.38, outline=P["c1"], width=0.03 * w)
    p.poly(star_points(0.5, 0.5, 0.34, 0.08, 4), P["c1"])
    p.poly(star_points(0.5, 0.5, 0.2, 0.05, 4, -45), P["c2"])


def sail(p: Pen, P, w):
    p.poly([(0.52, 0.16), (0.52, 0.62), (0.8, 0.62)], P["c1"])
    p.poly([(0.47, 0.26), (0.47, 0.62), (0.26, 0.62)], P["c2"])
    p.poly([(0.18, 0.67), (0.82, 0.67), (0.72, 0.78), (0.28, 0.78)], P["c1"])
    pts = [(0.12 + 0.76 * i / 40, 0.84 + 0.025 * math.sin(i / 40 * 4 * math.pi)) for i in range(41)]
    p.line(pts, P["c2"], 0.025 * w)


def hourglass(p: Pen, P, w):
    p.rect(0.24, 0.16, 0.76, 0.16 + 0.05 * w, fill=P["c1"], radius=0.02)
    p.rect(0.24, 0.84 - 0.05 * w, 0.76, 0.84, fill=P["c1"], radius=0.02)
    p.poly([(0.3, 0.24), (0.7, 0.24), (0.54, 0.5), (0.7, 0.76), (0.3, 0.76), (0.46, 0.5)], P["c1"])
    p.poly([(0.38, 0.7), (0.62, 0.7), (0.5, 0.6)], P["c2"])


def cloud_bolt(p: Pen, P, w):
    p.circle(0.38, 0.46, 0.14, fill=P["c1"])
    p.circle(0.56, 0.4, 0.18, fill=P["c1"])
    p.circle(0.7, 0.5, 0.12, fill=P["c1"])
    p.rect(0.24, 0.48, 0.82, 0.62, fill=P["c1"], radius=0.07)
    p.poly(
        [(0.52, 0.44), (0.4, 0.66), (0.5, 0.66), (0.44, 0.86), (0.62, 0.58), (0.52, 0.58), (0.6, 0.44)],
        P["c2"],
    )


def squareletter(p: Pen, P, w):
    p.rect(0.2, 0.2, 0.8, 0.8, outline=P["c1"], width=0.06 * w, radius=0.03)
    p.text(0.5, 0.5, P["letters"], LAT_FONT, 0.34, P["c1"])
    p.rect(0.62, 0.62, 0.74, 0.74, fill=P["c2"])


def target(p: Pen, P, w):
    for r, c in ((0.38, P["c1"]), (0.28, P["c2"]), (0.18, P["c1"]), (0.08, P["c2"])):
        p.circle(0.5, 0.5, r + (0.01 * (w - 1) if r < 0.38 else 0), fill=c)
    p.poly([(0.5, 0.5), (0.86, 0.14), (0.9, 0.26), (0.74, 0.26), (0.74, 0.1)], P["c3"])
    p.line([(0.5, 0.5), (0.8, 0.2)], P["c3"], 0.025 * w)


def abacus(p: Pen, P, w):
    p.rect(0.18, 0.2, 0.82, 0.8, outline=P["c1"], width=0.045 * w, radius=0.04)
    p.line([(0.2, 0.4), (0.8, 0.4)], P["c1"], 0.03 * w, round_caps=False)
    for i in range(3):
        y = 0.3 if i == 0 else 0.5 + 0.13 * (i - 1)
        for j in range(3):
            x = 0.32 + 0.18 * j
            p.ellipse(x + (0.03 if (i + j) % 2 else -0.03), y + 0.02 * (i == 0), 0.07, 0.045, 0, fill=P["c2"])


def twin_squares(p: Pen, P, w):
    p.rect(0.16, 0.16, 0.6, 0.6, outline=P["c1"], width=0.06 * w, radius=0.09)
    p.rect(0.4, 0.4, 0.84, 0.84, fill=P["c2"], radius=0.09)
    p.rect(0.4, 0.4, 0.6, 0.6, fill=P["c1"], radius=0.02)


TEMPLATES = {
    f.__name__: f
    for f in (
        coin,
        seal,
        wordmark,
        nested,
        arrowloop,
        leaf,
        round_char,
        rosette,
        sshape,
        dotgrid,
        arches,
        pinwheel,
        split,
        diamonds,
        letter_ellipse,
        ribbon,
        knot,
        star,
        mountain,
        tri,
        waves,
        monogram,
        hexagon,
        crescent,
        shield,
        globe,
        arcs,
        window,
        drop,
        orbit,
        ingot,
        chevrons,
        temple,
        rings,
        key,
        sunrise,
        fan,
        wings,
        bridge,
        bars,
        cube,
        spiral,
        gem,
        compass,
        sail,
        hourglass,
        cloud_bolt,
        squareletter,
        target,
        abacus,
        twin_squares,
    )
}
