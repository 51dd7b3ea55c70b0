"""Emblem families in the style of financial brands; each is drawn from a small shape variant.

A design is (family, variant); the variant's keys are listed in FAMILIES with their allowed values and
the family's major key (the one a look-alike of a different brand changes). Units: the emblem's
bounding circle is radius 1 around (0, 0), y down. Role 'accent' is painted in the accent colour.
"""

from __future__ import annotations

import math

from canvas import Canvas, ellipse_pts, reg, rotate, star


def coin(c: Canvas, v):
    c.disc(0, 0, 1)
    if v["rim"]:
        c.ring(0, 0, 0.86, 0.07, on=False)
    hole = v["hole"]
    if hole == "square":
        c.poly(reg(4, 0.42, math.pi / 4), on=False)
    elif hole == "round":
        c.disc(0, 0, 0.3, on=False)
    elif hole == "diamond":
        c.poly(reg(4, 0.42, 0), on=False)
    else:
        c.poly(reg(6, 0.36, 0), on=False)
    for i in range(v["ticks"]):
        a = 2 * math.pi * i / v["ticks"]
        c.line([(0.55 * math.cos(a), 0.55 * math.sin(a)), (0.7 * math.cos(a), 0.7 * math.sin(a))], 0.06,
               on=False)


def rings(c: Canvas, v):
    n = v["n"]
    step = 0.9 / max(n, 1) * (0.75 if n > 1 else 1)
    width = step * 0.55 if n > 1 else 0.22
    for i in range(n):
        c.ring(0, 0, 1 - i * step, width)
    if v["gap"]:
        c.pie(0, 0, 1.05, -50, -50 + v["gap"], on=False)
    inner_r = 1 - (n - 1) * step - width
    if v["inner"] == "dot":
        c.disc(0, 0, inner_r * 0.6, role="accent")
    elif v["inner"] == "bar":
        c.rect(-inner_r * 0.9, -0.09, inner_r * 0.9, 0.09, role="accent")


def grain(c: Canvas, v):
    k = v["kernels"]
    c.line([(0, 0.95), (0, -0.75)], 0.07)
    for i in range(k):
        y = 0.55 - i * (1.2 / k)
        for side in (-1, 1):
            c.poly(ellipse_pts(side * 0.26, y, 0.28, 0.12, side * -0.6))
    c.poly(ellipse_pts(0, -0.82, 0.12, 0.2, 0))
    c.rect(-0.55, 0.78, 0.55, 0.9, role="accent")


def char(c: Canvas, v):
    frame = v["frame"]
    if frame == "circle":
        c.disc(0, 0, 1)
        c.text(v["ch"], 1.25, on=False)
    elif frame == "square":
        c.rect(-0.92, -0.92, 0.92, 0.92, radius=0.22)
        c.text(v["ch"], 1.3, on=False)
    elif frame == "ring":
        c.ring(0, 0, 1, 0.12)
        c.text(v["ch"], 1.2)
    else:
        c.text(v["ch"], 1.8)


def letter(c: Canvas, v):
    kind = v["font"]
    frame = v["frame"]
    if frame == "circle":
        c.disc(0, 0, 1)
        c.text(v["ch"], 1.3, on=False, y=0.04, kind=kind)
    elif frame == "square":
        c.rect(-0.9, -0.9, 0.9, 0.9, radius=0.18)
        c.text(v["ch"], 1.35, on=False, y=0.04, kind=kind)
    elif frame == "ring":
        c.ring(0, 0, 1, 0.11)
        c.text(v["ch"], 1.3, y=0.04, kind=kind)
    else:
        c.text(v["ch"], 1.9, y=0.05, kind=kind)
        c.rect(-0.7, 0.82, 0.7, 0.95, role="accent")


def shield(c: Canvas, v):
    top = v["top"]
    if top == "flat":
        head = [(-0.8, -0.92), (0.8, -0.92)]
    elif top == "notch":
        head = [(-0.8, -0.92), (-0.3, -0.92), (0, -0.72), (0.3, -0.92), (0.8, -0.92)]
    else:
        head = [(0.8 * math.cos(a), -0.6 - 0.35 * math.sin(a)) for a in
                [math.pi - i * math.pi / 12 for i in range(13)]]
    right = [(0.8, 0.05), (0.66, 0.5), (0.38, 0.82), (0, 1.0)]
    left = [(-x, y) for x, y in reversed(right[:-1])]
    c.poly(head + right + left)
    inner = v["inner"]
    if inner == "chevron":
        c.poly([(-0.45, -0.3), (0, 0.08), (0.45, -0.3), (0.45, -0.02), (0, 0.38), (-0.45, -0.02)], on=False)
    elif inner == "star":
        c.poly(star(5, 0.42, 0.17, y=-0.05), on=False)
    elif inner == "bar":
        c.rect(-0.55, -0.16, 0.55, 0.08, on=False)
    else:
        c.rect(-0.12, -0.6, 0.12, 0.5, on=False)
        c.rect(-0.5, -0.22, 0.5, 0.02, on=False)


def star_family(c: Canvas, v):
    ro = 0.74 if v["ring"] else 1.0
    c.poly(star(v["points"], ro, ro * v["inner"]))
    if v["ring"]:
        c.ring(0, 0, 1, 0.09, role="accent")


def sun(c: Canvas, v):
    c.disc(0, 0, 0.44, role="accent")
    n = v["rays"]
    for i in range(n):
        a = 2 * math.pi * i / n - math.pi / 2
        if v["style"] == "tri":
            half = math.pi / n * 0.55
            c.poly([(0.56 * math.cos(a - half), 0.56 * math.sin(a - half)), (math.cos(a), math.sin(a)),
                    (0.56 * math.cos(a + half), 0.56 * math.sin(a + half))])
        else:
            c.line([(0.58 * math.cos(a), 0.58 * math.sin(a)), (0.95 * math.cos(a), 0.95 * math.sin(a))],
                   0.3 / math.sqrt(n))


def flower(c: Canvas, v):
    n = v["petals"]
    b = min(0.3, 1.6 / n)
    for i in range(n):
        a = 2 * math.pi * i / n - math.pi / 2
        c.poly(ellipse_pts(0.5 * math.cos(a), 0.5 * math.sin(a), 0.48, b, a))
    c.disc(0, 0, 0.2, on=False)
    c.disc(0, 0, 0.14, role="accent")


def gate(c: Canvas, v):
    n = v["columns"]
    xs = [-0.6 + 1.2 * i / (n - 1) for i in range(n)]
    for x in xs:
        c.rect(x - 0.1, -0.25, x + 0.1, 0.92)
    roof = v["roof"]
    if roof == "flat":
        c.rect(-0.98, -0.7, 0.98, -0.5)
        c.rect(-0.78, -0.36, 0.78, -0.22)
    elif roof == "arch":
        c.arc(0, -0.1, 0.75, 180, 360, 0.2)
        c.rect(-0.95, -0.32, 0.95, -0.18)
    else:
        c.poly([(-1.0, -0.82), (0, -0.62), (1.0, -0.82), (0.9, -0.56), (0, -0.42), (-0.9, -0.56)])
        c.rect(-0.75, -0.34, 0.75, -0.2)
    c.rect(-0.95, 0.86, 0.95, 0.98, role="accent")


def waves(c: Canvas, v):
    n = v["bands"]
    for i in range(n):
        y0 = -0.7 + i * (1.5 / n)
        top = [(x / 20 * 2 - 1, y0 + 0.13 * math.sin((x / 20 * 2 - 1) * math.pi * 1.5)) for x in range(21)]
        bottom = [(x, y + 0.22) for x, y in reversed(top)]
        c.poly(top + bottom)
    if v["clip"]:
        c.clip_disc("fg", 0.98)
        c.ring(0, 0, 1, 0.06)


def mountain(c: Canvas, v):
    n = v["peaks"]
    if n == 1:
        c.poly([(-0.95, 0.75), (0, -0.75), (0.95, 0.75)])
        c.poly([(-0.28, -0.3), (0, -0.75), (0.28, -0.3), (0.1, -0.2), (0, -0.32), (-0.12, -0.18)], on=False)
    else:
        for i in range(n):
            x = -0.55 + 1.1 * i / (n - 1)
            h = 0.85 if i == n // 2 else 0.5
            c.poly([(x - 0.5, 0.75), (x, 0.75 - 1.3 * h), (x + 0.5, 0.75)])
    c.rect(-0.95, 0.78, 0.95, 0.9)
    if v["sun"]:
        c.disc(0.62, -0.62, 0.2, role="accent")


def diamond(c: Canvas, v):
    mode = v["mode"]
    if mode == "nested":
        c.poly(reg(4, 1.0, 0))
        c.poly(reg(4, 0.78, 0), on=False)
        c.poly(reg(4, 0.56, 0))
        c.poly(reg(4, 0.34, 0), on=False)
        c.poly(reg(4, 0.16, 0), role="accent")
    elif mode == "grid":
        for dx, dy in ((0, -0.5), (-0.5, 0), (0.5, 0), (0, 0.5)):
            c.poly(reg(4, 0.44, 0, dx, dy))
    elif mode == "cut":
        c.poly(reg(4, 1.0, 0))
        c.rect(-1, -0.06, 1, 0.06, on=False)
        c.rect(-0.06, -1, 0.06, 1, on=False)
    else:
        c.poly(reg(4, 1.0, 0))
        c.poly(reg(4, 0.4, 0), on=False)


def wing(c: Canvas, v):
    n = v["arcs"]
    for i in range(n):
        y = -0.75 + i * (1.25 / n)
        c.arc(0.05 * i, y + 1.0, 1.0 - 0.08 * i, 205, 335, 0.2)
    c.poly([(0.35, 0.45), (0.98, 0.28), (0.62, 0.78)], role="accent")


def bird(c: Canvas, v):
    style = v["style"]
    if style == "swallow":
        body = [(-0.9, -0.2), (-0.2, 0.0), (0.3, -0.55), (0.15, 0.05), (0.95, 0.3), (0.1, 0.35), (-0.35, 0.85),
                (-0.2, 0.3)]
    elif style == "dove":
        body = [(-0.9, 0.1), (-0.3, -0.1), (0.1, -0.8), (0.3, -0.1), (0.9, -0.2), (0.5, 0.3), (-0.2, 0.5)]
    else:
        body = [(-0.8, 0.7), (-0.1, 0.1), (0.2, -0.9), (0.35, -0.8), (0.15, 0.05), (0.9, 0.2), (0.1, 0.45)]
    c.poly(body)
    c.disc(0.42, -0.05, 0.07, on=False)


def chevrons(c: Canvas, v):
    n = v["n"]
    ang = {"up": 0.0, "right": math.pi / 2, "down": math.pi}[v["dir"]]
    for i in range(n):
        y = 0.55 - i * (1.3 / max(n, 1)) + (0.3 if n == 1 else 0)
        pts = [(-0.85, y + 0.3), (0, y - 0.45), (0.85, y + 0.3), (0.85, y + 0.62), (0, y - 0.13),
               (-0.85, y + 0.62)]
        c.poly(rotate(pts, ang), role="accent" if i == 0 and n > 2 else "fg")


def knot(c: Canvas, v):
    n = v["count"]
    if n == 2:
        centres = [(-0.38, 0), (0.38, 0)]
        r = 0.6
    elif n == 3:
        centres = reg(3, 0.4, -math.pi / 2)
        r = 0.56
    else:
        centres = reg(4, 0.42, math.pi / 4)
        r = 0.5
    for x, y in centres:
        c.ring(x, y, r, 0.15)


def spiral(c: Canvas, v):
    turns = v["turns"]
    pts = []
    for i in range(160):
        t = i / 159
        a = 2 * math.pi * turns * t
        r = 0.08 + 0.85 * t
        pts.append((r * math.cos(a), r * math.sin(a)))
    c.line(pts, 0.36 / turns)


def cross_square(c: Canvas, v):
    style = v["style"]
    if style == "solid":
        c.rect(-0.9, -0.9, 0.9, 0.9, radius=0.2)
        c.rect(-0.16, -0.6, 0.16, 0.6, on=False)
        c.rect(-0.6, -0.16, 0.6, 0.16, on=False)
    elif style == "outline":
        c.rect(-0.9, -0.9, 0.9, 0.9, radius=0.2)
        c.rect(-0.72, -0.72, 0.72, 0.72, on=False, radius=0.1)
        c.rect(-0.14, -0.5, 0.14, 0.5)
        c.rect(-0.5, -0.14, 0.5, 0.14)
    else:
        c.disc(0, 0, 1)
        c.rect(-0.16, -0.6, 0.16, 0.6, on=False)
        c.rect(-0.6, -0.16, 0.6, 0.16, on=False)


def drop(c: Canvas, v):
    c.disc(0, 0.3, 0.62)
    c.poly([(-0.58, 0.12), (0, -1.0), (0.58, 0.12)])
    inner = v["inner"]
    if inner == 1:
        c.poly(ellipse_pts(-0.22, 0.3, 0.1, 0.25, 0.3), on=False)
    elif inner == 2:
        c.disc(0, 0.3, 0.3, on=False)


def tower(c: Canvas, v):
    n = v["tiers"]
    h = 1.5 / (n + 1)
    for i in range(n):
        y1 = 0.9 - i * h
        half = 0.9 - i * (0.6 / n)
        c.poly([(-half, y1), (half, y1), (half * 0.8, y1 - h * 0.8), (-half * 0.8, y1 - h * 0.8)])
    top = 0.9 - n * h
    c.poly([(-0.3, top + 0.05), (0, top - h), (0.3, top + 0.05)], role="accent")


def lotus(c: Canvas, v):
    n = v["petals"]
    spread = math.radians(150)
    for i in range(n):
        a = -math.pi / 2 + (i - (n - 1) / 2) * spread / max(1, n - 1)
        length = 1.35 if i == (n - 1) // 2 or i == n // 2 else 1.0
        c.poly(ellipse_pts(0.5 * length * math.cos(a), 0.6 + 0.5 * length * math.sin(a), 0.5 * length,
                           0.19, a))
    c.rect(-0.75, 0.66, 0.75, 0.82, role="accent")


def key(c: Canvas, v):
    c.ring(-0.5, 0, 0.42, 0.16)
    c.rect(-0.1, -0.08, 0.95, 0.08)
    for i in range(v["teeth"]):
        x = 0.85 - i * 0.22
        c.rect(x - 0.07, 0.05, x + 0.07, 0.35)
    c.disc(-0.5, 0, 0.12, role="accent")


def globe(c: Canvas, v):
    c.ring(0, 0, 1, 0.1)
    c.rect(-0.95, -0.04, 0.95, 0.04)
    m = v["meridians"]
    for i in range(1, m + 1):
        c.ring(0, 0, 0.95 * i / (m + 1), 0.07, ry=0.95)
    c.arc(0, 0.9, 1.25, 235, 305, 0.07)
    c.arc(0, -0.9, 1.25, 55, 125, 0.07)


def arrows_circle(c: Canvas, v):
    n = v["n"]
    span = 360 / n
    for i in range(n):
        a0 = i * span + 20
        a1 = a0 + span - 55
        c.arc(0, 0, 0.85, a0, a1, 0.2)
        a = math.radians(a1 + 8)
        tip = (0.72 * math.cos(a), 0.72 * math.sin(a))
        back = math.radians(a1 - 14)
        c.poly([(1.02 * math.cos(back), 1.02 * math.sin(back)), tip,
                (0.45 * math.cos(back), 0.45 * math.sin(back))], role="accent" if i == 0 else "fg")


def hexagon(c: Canvas, v):
    n = v["nested"]
    for i in range(n):
        r = 1 - i * 0.38
        c.poly(reg(6, r, math.pi / 6))
        c.poly(reg(6, r - 0.18, math.pi / 6), on=False)
    if v["dot"]:
        c.poly(reg(6, 0.3, math.pi / 6), role="accent")


def bars(c: Canvas, v):
    n = v["n"]
    w = 1.6 / (n * 1.5)
    for i in range(n):
        x = -0.8 + i * (1.6 / n) + w * 0.25
        h = 0.5 + 1.1 * (i + 1) / n
        c.rect(x, 0.75 - h, x + w, 0.75, radius=0.04)
    c.rect(-0.95, 0.82, 0.95, 0.94, role="accent")


def triangle_nest(c: Canvas, v):
    n = v["n"]
    for i in range(n):
        r = 1 - i * 0.3
        c.poly(reg(3, r, -math.pi / 2, 0, 0.12))
        c.poly(reg(3, r - 0.17, -math.pi / 2, 0, 0.12), on=False)
    c.disc(0, 0.12, 0.1 if n > 2 else 0.2, role="accent")


def pinwheel(c: Canvas, v):
    n = v["blades"]
    for i in range(n):
        a = 2 * math.pi * i / n
        b = a + 2 * math.pi / n * 0.62
        c.poly([(0, 0), (math.cos(a), math.sin(a)), (0.5 * math.cos(b), 0.5 * math.sin(b))],
               role="accent" if i == 0 else "fg")


def crescent(c: Canvas, v):
    c.disc(0, 0, 0.92)
    c.disc(0.36, -0.22, 0.74, on=False)
    for i in range(v["star"]):
        c.poly(star(5, 0.24, 0.1, x=0.45 - i * 0.2, y=0.05 + i * 0.4), role="accent")


def star_shape(c: Canvas, v):
    star_family(c, v)


FAMILIES = {
    "coin": (coin, {"hole": ["square", "round", "diamond", "hex"], "rim": [0, 1], "ticks": [0, 8, 12]}, "hole"),
    "rings": (rings, {"n": [1, 2, 3, 4], "gap": [0, 60, 90], "inner": ["none", "dot", "bar"]}, "n"),
    "grain": (grain, {"kernels": [3, 4, 5, 6]}, "kernels"),
    "char": (char, {"ch": list("中众长徽渝郑青齐苏汉福泉鑫盛华和"), "frame": ["circle", "ring", "square", "none"]}, "ch"),
    "letter": (letter, {"ch": list("ABCDEFGHJKMNPQRSTWXYZe"), "frame": ["circle", "square", "ring", "none"],
                        "font": ["sans", "serif"]}, "ch"),
    "shield": (shield, {"inner": ["chevron", "star", "bar", "cross"], "top": ["flat", "notch", "arch"]}, "inner"),
    "star": (star_shape, {"points": [4, 5, 6, 7, 8], "inner": [0.3, 0.4, 0.5, 0.55], "ring": [0, 1]}, "points"),
    "sun": (sun, {"rays": [8, 12, 16, 24], "style": ["tri", "bar"]}, "rays"),
    "flower": (flower, {"petals": [4, 5, 6, 8, 10]}, "petals"),
    "gate": (gate, {"columns": [2, 3, 4], "roof": ["flat", "arch", "curved"]}, "roof"),
    "waves": (waves, {"bands": [2, 3, 4], "clip": [0, 1]}, "bands"),
    "mountain": (mountain, {"peaks": [1, 2, 3], "sun": [0, 1]}, "peaks"),
    "diamond": (diamond, {"mode": ["nested", "grid", "cut", "single"]}, "mode"),
    "wing": (wing, {"arcs": [2, 3, 4]}, "arcs"),
    "bird": (bird, {"style": ["swallow", "dove", "crane"]}, "style"),
    "chevrons": (chevrons, {"n": [1, 2, 3, 4], "dir": ["up", "right", "down"]}, "n"),
    "knot": (knot, {"count": [2, 3, 4]}, "count"),
    "spiral": (spiral, {"turns": [1.5, 2, 3]}, "turns"),
    "cross_square": (cross_square, {"style": ["solid", "outline", "circle"]}, "style"),
    "drop": (drop, {"inner": [0, 1, 2]}, "inner"),
    "tower": (tower, {"tiers": [2, 3, 4, 5]}, "tiers"),
    "lotus": (lotus, {"petals": [3, 5, 7]}, "petals"),
    "key": (key, {"teeth": [1, 2, 3]}, "teeth"),
    "globe": (globe, {"meridians": [1, 2, 3]}, "meridians"),
    "arrows_circle": (arrows_circle, {"n": [1, 2, 3]}, "n"),
    "hexagon": (hexagon, {"nested": [1, 2, 3], "dot": [0, 1]}, "nested"),
    "bars": (bars, {"n": [3, 4, 5]}, "n"),
    "triangle_nest": (triangle_nest, {"n": [1, 2, 3]}, "n"),
    "pinwheel": (pinwheel, {"blades": [3, 4, 5, 6]}, "blades"),
    "crescent": (crescent, {"star": [0, 1, 2]}, "star"),
}
