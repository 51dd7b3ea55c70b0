"""Emblem families used only by hard negatives: in the manner of financial brands (flat, one or two
colours, centred), but no protected app uses any of them."""

from __future__ import annotations

import math

from canvas import Canvas, ellipse_pts


def ingot(c: Canvas, v):
    c.poly([(-1.0, -0.2), (-0.55, 0.55), (0.55, 0.55), (1.0, -0.2), (0.55, 0.0), (-0.55, 0.0)])
    c.poly(ellipse_pts(0, -0.12, 0.42, 0.34 if v["tall"] else 0.26, 0))
    c.rect(-0.7, 0.66, 0.7, 0.78, role="accent")


def anchor(c: Canvas, v):
    c.ring(0, -0.72, 0.2, 0.09)
    c.rect(-0.07, -0.52, 0.07, 0.85)
    c.rect(-0.45, -0.32, 0.45, -0.2)
    c.arc(0, 0.15, 0.75, 20, 160, 0.13)
    for side in (-1, 1):
        c.poly([(side * 0.78, 0.2), (side * 0.95, 0.5), (side * 0.6, 0.45)])


def sail(c: Canvas, v):
    c.poly([(-0.05, -0.95), (-0.05, 0.35), (-0.8, 0.35)])
    c.poly([(0.08, -0.7), (0.08, 0.35), (0.7, 0.35)])
    c.poly([(-0.95, 0.5), (0.95, 0.5), (0.6, 0.85), (-0.6, 0.85)], role="accent")


def ruyi(c: Canvas, v):
    for x, y, r in ((-0.45, -0.1, 0.4), (0.45, -0.1, 0.4), (0, -0.45, 0.42)):
        c.ring(x, y, r, 0.14)
    c.line([(-0.45, 0.3), (0, 0.85), (0.45, 0.3)], 0.14)


def tripod(c: Canvas, v):
    c.rect(-0.75, -0.45, 0.75, 0.35, radius=0.25)
    c.rect(-0.9, -0.6, 0.9, -0.45)
    for x in (-0.55, 0.0, 0.55):
        c.rect(x - 0.08, 0.3, x + 0.08, 0.9)
    for x in (-0.55, 0.55):
        c.rect(x - 0.1, -0.95, x + 0.1, -0.6)
    c.rect(-0.4, -0.2, 0.4, 0.05, on=False)


def abacus(c: Canvas, v):
    c.rect(-0.9, -0.9, 0.9, 0.9, radius=0.1)
    c.rect(-0.75, -0.75, 0.75, 0.75, on=False)
    c.rect(-0.75, -0.3, 0.75, -0.22)
    for i in range(v["rods"]):
        x = -0.55 + 1.1 * i / max(1, v["rods"] - 1)
        c.rect(x - 0.025, -0.75, x + 0.025, 0.75)
        c.poly(ellipse_pts(x, -0.5, 0.13, 0.09, 0), role="accent")
        c.poly(ellipse_pts(x, 0.1 + 0.2 * (i % 2), 0.13, 0.09, 0), role="accent")


def fan(c: Canvas, v):
    c.pie(0, 0.55, 1.35, 210, 330)
    c.pie(0, 0.55, 0.45, 200, 340, on=False)
    for i in range(1, 6):
        a = math.radians(210 + 20 * i)
        c.line([(0.45 * math.cos(a), 0.55 + 0.45 * math.sin(a)), (1.35 * math.cos(a), 0.55 + 1.35 * math.sin(a))],
               0.05, on=False)
    c.disc(0, 0.55, 0.12, role="accent")


def lock(c: Canvas, v):
    c.arc(0, -0.3, 0.5, 180, 360, 0.16)
    c.rect(-0.58, -0.3, -0.42, 0.0)
    c.rect(0.42, -0.3, 0.58, 0.0)
    c.rect(-0.8, -0.05, 0.8, 0.9, radius=0.15)
    c.disc(0, 0.35, 0.13, on=False)
    c.rect(-0.05, 0.35, 0.05, 0.62, on=False)


def leaf_pair(c: Canvas, v):
    c.poly(ellipse_pts(-0.35, -0.1, 0.65, 0.3, -math.pi / 3))
    c.poly(ellipse_pts(0.35, -0.1, 0.65, 0.3, -2 * math.pi / 3), role="accent")
    c.line([(0, 0.35), (0, 0.95)], 0.1)


def gem(c: Canvas, v):
    top = [(-0.95, -0.25), (-0.55, -0.75), (0.55, -0.75), (0.95, -0.25)]
    c.poly(top + [(0, 0.95)])
    c.line([(-0.95, -0.25), (0.95, -0.25)], 0.05, on=False, caps=False)
    c.line([(-0.3, -0.75), (-0.45, -0.25), (0, 0.95), (0.45, -0.25), (0.3, -0.75)], 0.05, on=False, caps=False)


def tree(c: Canvas, v):
    c.disc(0, -0.25, 0.7)
    c.rect(-0.1, 0.3, 0.1, 0.95)
    c.line([(0, 0.45), (-0.3, 0.15)], 0.08)
    c.line([(0, 0.35), (0.3, 0.05)], 0.08)
    c.disc(-0.25, -0.35, 0.12, role="accent")


def coin_stack(c: Canvas, v):
    for i in range(v["coins"]):
        y = 0.65 - i * 0.32
        c.poly(ellipse_pts(0, y, 0.8, 0.28, 0))
        c.poly(ellipse_pts(0, y - 0.05, 0.62, 0.16, 0), on=False)
        c.poly(ellipse_pts(0, y - 0.05, 0.5, 0.1, 0), role="accent")


HARD_FAMILIES = {
    "ingot": (ingot, {"tall": [0, 1]}), "anchor": (anchor, {"k": [0]}), "sail": (sail, {"k": [0]}),
    "ruyi": (ruyi, {"k": [0]}), "tripod": (tripod, {"k": [0]}), "abacus": (abacus, {"rods": [3, 4, 5]}),
    "fan": (fan, {"k": [0]}), "lock": (lock, {"k": [0]}), "leaf_pair": (leaf_pair, {"k": [0]}),
    "gem": (gem, {"k": [0]}), "tree": (tree, {"k": [0]}), "coin_stack": (coin_stack, {"coins": [2, 3]}),
}
