"""Pictograms for the apps that are not protected: everyday apps and generic finance tools.

Same conventions as logos.py (unit circle, roles 'fg' and 'accent'); none of these families is used by
a protected emblem.
"""

from __future__ import annotations

import math

from canvas import Canvas, ellipse_pts, star


def camera(c: Canvas, v):
    c.rect(-0.95, -0.55, 0.95, 0.7, radius=0.18)
    c.rect(-0.4, -0.75, 0.2, -0.5, radius=0.06)
    c.ring(0, 0.08, 0.46, 0.12, on=False)
    c.disc(0, 0.08, 0.22 if v["lens"] else 0.0, role="accent")
    c.disc(0.68, -0.32, 0.08, on=False)


def cloud(c: Canvas, v):
    c.disc(-0.45, 0.15, 0.42)
    c.disc(0.1, -0.15, 0.55)
    c.disc(0.55, 0.2, 0.38)
    c.rect(-0.45, 0.15, 0.55, 0.57)
    if v["rain"]:
        for x in (-0.3, 0.1, 0.5):
            c.line([(x, 0.75), (x - 0.1, 0.95)], 0.08, role="accent")


def note(c: Canvas, v):
    c.poly(ellipse_pts(-0.35, 0.6, 0.3, 0.22, -0.4))
    c.rect(-0.12, -0.85, 0.0, 0.55)
    if v["double"]:
        c.poly(ellipse_pts(0.55, 0.45, 0.3, 0.22, -0.4))
        c.rect(0.78, -0.95, 0.9, 0.4)
        c.poly([(-0.12, -0.85), (0.9, -0.95), (0.9, -0.7), (-0.12, -0.6)])
    else:
        c.poly([(0.0, -0.85), (0.55, -0.5), (0.5, -0.3), (0.0, -0.55)])


def bubble(c: Canvas, v):
    c.rect(-0.95, -0.75, 0.95, 0.5, radius=0.35)
    c.poly([(-0.5, 0.4), (-0.7, 0.9), (-0.1, 0.45)])
    for i in range(v["dots"]):
        c.disc(-0.45 + 0.9 * i / max(1, v["dots"] - 1), -0.12, 0.11, on=False)


def gamepad(c: Canvas, v):
    c.rect(-0.7, -0.45, 0.7, 0.35, radius=0.3)
    c.disc(-0.62, 0.2, 0.38)
    c.disc(0.62, 0.2, 0.38)
    c.rect(-0.55, -0.07, -0.25, 0.03, on=False)
    c.rect(-0.45, -0.17, -0.35, 0.13, on=False)
    c.disc(0.4, -0.08, 0.08, on=False)
    c.disc(0.58, 0.08, 0.08, on=False)


def leaf(c: Canvas, v):
    c.poly(ellipse_pts(0, 0, 0.95, 0.5, -math.pi / 4 if v["tilt"] else -math.pi / 2))
    c.line([(-0.6, 0.6), (0.55, -0.55)], 0.06, on=False)


def pin(c: Canvas, v):
    c.disc(0, -0.25, 0.62)
    c.poly([(-0.52, 0.05), (0, 0.95), (0.52, 0.05)])
    c.disc(0, -0.25, 0.25, on=False)


def cart(c: Canvas, v):
    c.poly([(-0.7, -0.5), (0.9, -0.5), (0.7, 0.3), (-0.5, 0.3)])
    c.line([(-0.95, -0.8), (-0.7, -0.8), (-0.5, 0.3)], 0.1)
    c.disc(-0.35, 0.65, 0.15)
    c.disc(0.55, 0.65, 0.15)


def play(c: Canvas, v):
    if v["round"]:
        c.disc(0, 0, 1)
    else:
        c.rect(-0.95, -0.7, 0.95, 0.7, radius=0.25)
    c.poly([(-0.25, -0.4), (0.45, 0), (-0.25, 0.4)], on=False)


def book(c: Canvas, v):
    c.poly([(-0.95, -0.7), (-0.05, -0.55), (-0.05, 0.85), (-0.95, 0.7)])
    c.poly([(0.95, -0.7), (0.05, -0.55), (0.05, 0.85), (0.95, 0.7)])
    for i in range(v["lines"]):
        y = -0.3 + i * 0.3
        c.line([(0.25, y), (0.75, y - 0.05)], 0.06, on=False)


def bolt(c: Canvas, v):
    c.poly([(0.15, -1.0), (-0.6, 0.1), (-0.05, 0.1), (-0.2, 1.0), (0.6, -0.15), (0.05, -0.15)])


def heart(c: Canvas, v):
    c.disc(-0.42, -0.3, 0.48)
    c.disc(0.42, -0.3, 0.48)
    c.poly([(-0.88, -0.15), (0, 0.9), (0.88, -0.15), (0, -0.3)])


def calendar(c: Canvas, v):
    c.rect(-0.9, -0.7, 0.9, 0.9, radius=0.15)
    c.rect(-0.9, -0.7, 0.9, -0.3, role="accent", radius=0.15)
    for x in (-0.45, 0.45):
        c.rect(x - 0.07, -0.95, x + 0.07, -0.55)
    for i in range(3):
        for j in range(3):
            c.rect(-0.6 + j * 0.45, -0.12 + i * 0.32, -0.42 + j * 0.45, 0.06 + i * 0.32, on=False)


def clock(c: Canvas, v):
    c.ring(0, 0, 1, 0.14)
    c.line([(0, 0), (0, -0.6)], 0.1)
    c.line([(0, 0), (0.45, 0.2)], 0.1)


def magnifier(c: Canvas, v):
    c.ring(-0.2, -0.2, 0.62, 0.16)
    c.line([(0.25, 0.25), (0.85, 0.85)], 0.22)


def envelope(c: Canvas, v):
    c.rect(-0.95, -0.6, 0.95, 0.65, radius=0.08)
    c.line([(-0.85, -0.5), (0, 0.15), (0.85, -0.5)], 0.1, on=False)


def house(c: Canvas, v):
    c.poly([(-1.0, -0.05), (0, -0.95), (1.0, -0.05)])
    c.rect(-0.7, -0.1, 0.7, 0.9)
    c.rect(-0.18, 0.3, 0.18, 0.9, on=False)


def car(c: Canvas, v):
    c.poly([(-0.95, 0.35), (-0.85, -0.05), (-0.45, -0.15), (-0.25, -0.5), (0.4, -0.5), (0.65, -0.15),
            (0.95, -0.05), (0.95, 0.35)])
    c.disc(-0.5, 0.4, 0.22, on=False)
    c.disc(0.5, 0.4, 0.22, on=False)
    c.disc(-0.5, 0.4, 0.15)
    c.disc(0.5, 0.4, 0.15)


def bell(c: Canvas, v):
    c.disc(0, -0.2, 0.55)
    c.poly([(-0.55, -0.2), (-0.75, 0.6), (0.75, 0.6), (0.55, -0.2)])
    c.disc(0, 0.75, 0.16, role="accent")


def cup(c: Canvas, v):
    c.rect(-0.75, -0.3, 0.4, 0.8, radius=0.12)
    c.ring(0.55, 0.2, 0.3, 0.1)
    for x in (-0.4, -0.1, 0.2):
        c.line([(x, -0.5), (x + 0.08, -0.9)], 0.07, role="accent")


def umbrella(c: Canvas, v):
    c.pie(0, 0.05, 0.95, 180, 360)
    for x in (-0.63, 0.0, 0.63):
        c.disc(x, 0.05, 0.32, on=False)
    c.line([(0, 0), (0, 0.75), (-0.25, 0.8)], 0.09)


def paw(c: Canvas, v):
    c.poly(ellipse_pts(0, 0.35, 0.45, 0.38, 0))
    for x, y in ((-0.6, -0.15), (-0.25, -0.55), (0.25, -0.55), (0.6, -0.15)):
        c.disc(x, y, 0.2)


# generic finance tools (shared style with banking apps, never a protected design)
def calculator(c: Canvas, v):
    c.rect(-0.75, -0.95, 0.75, 0.95, radius=0.15)
    c.rect(-0.55, -0.75, 0.55, -0.35, on=False)
    for i in range(3):
        for j in range(3):
            c.rect(-0.55 + j * 0.4, -0.2 + i * 0.37, -0.3 + j * 0.4, 0.05 + i * 0.37, on=False)


def wallet(c: Canvas, v):
    c.rect(-0.95, -0.6, 0.85, 0.75, radius=0.15)
    c.rect(0.25, -0.15, 1.0, 0.3, radius=0.1, on=False)
    c.disc(0.5, 0.08, 0.09, role="accent")
    c.poly([(-0.8, -0.6), (0.4, -0.95), (0.55, -0.6)], role="accent")


def card(c: Canvas, v):
    c.rect(-0.95, -0.62, 0.95, 0.62, radius=0.12)
    c.rect(-0.95, -0.4, 0.95, -0.2, on=False)
    c.rect(-0.7, 0.05, -0.3, 0.35, role="accent", radius=0.05)


def yen(c: Canvas, v):
    if v["frame"]:
        c.disc(0, 0, 1)
        c.text("¥", 1.4, on=False, kind="sans")
    else:
        c.text("¥", 1.9, kind="sans")


def chartline(c: Canvas, v):
    c.line([(-0.85, 0.55), (-0.35, 0.05), (0.05, 0.3), (0.75, -0.5)], 0.14)
    c.poly([(0.45, -0.6), (0.9, -0.7), (0.8, -0.25)])
    c.line([(-0.95, -0.9), (-0.95, 0.9), (0.95, 0.9)], 0.07, role="accent")


def piggy(c: Canvas, v):
    c.poly(ellipse_pts(0, 0.1, 0.85, 0.62, 0))
    c.poly([(-0.45, -0.35), (-0.3, -0.85), (-0.05, -0.4)])
    c.rect(-0.55, 0.5, -0.3, 0.9)
    c.rect(0.3, 0.5, 0.55, 0.9)
    c.rect(-0.2, -0.5, 0.25, -0.42, on=False)
    c.disc(0.78, 0.1, 0.16, role="accent")


def medal(c: Canvas, v):
    c.poly([(-0.45, -1.0), (-0.1, -0.2), (0.1, -0.2), (0.45, -1.0)], role="accent")
    c.disc(0, 0.35, 0.62)
    c.poly(star(5, 0.38, 0.15, y=0.35), on=False)


def puzzle(c: Canvas, v):
    c.rect(-0.7, -0.5, 0.7, 0.9, radius=0.08)
    c.disc(0, -0.55, 0.25)
    c.disc(0.75, 0.2, 0.25)
    c.disc(-0.7, 0.2, 0.22, on=False)


PICTOS = {
    "camera": (camera, {"lens": [0, 1]}), "cloud": (cloud, {"rain": [0, 1]}), "note": (note, {"double": [0, 1]}),
    "bubble": (bubble, {"dots": [0, 3]}), "gamepad": (gamepad, {"k": [0]}), "leaf": (leaf, {"tilt": [0, 1]}),
    "pin": (pin, {"k": [0]}), "cart": (cart, {"k": [0]}), "play": (play, {"round": [0, 1]}),
    "book": (book, {"lines": [0, 3]}), "bolt": (bolt, {"k": [0]}), "heart": (heart, {"k": [0]}),
    "calendar": (calendar, {"k": [0]}), "clock": (clock, {"k": [0]}), "magnifier": (magnifier, {"k": [0]}),
    "envelope": (envelope, {"k": [0]}), "house": (house, {"k": [0]}), "car": (car, {"k": [0]}),
    "bell": (bell, {"k": [0]}), "cup": (cup, {"k": [0]}), "umbrella": (umbrella, {"k": [0]}),
    "paw": (paw, {"k": [0]}), "medal": (medal, {"k": [0]}), "puzzle": (puzzle, {"k": [0]}),
}
FINANCE_PICTOS = {
    "calculator": (calculator, {"k": [0]}), "wallet": (wallet, {"k": [0]}), "card": (card, {"k": [0]}),
    "yen": (yen, {"frame": [0, 1]}), "chartline": (chartline, {"k": [0]}), "piggy": (piggy, {"k": [0]}),
}
