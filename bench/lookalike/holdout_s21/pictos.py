"""Icons of ordinary apps (own pictograms), and hard negatives that share simple elements with the logos."""

from __future__ import annotations

import math
import random

from draw import (
    LAT_FONT,
    LIGHT_FONT,
    OBLIQUE_FONT,
    SERIF_FONT,
    Pen,
    background,
    compose,
    regular_polygon,
    star_points,
)
from PIL import Image

DARK_BG = [
    ("1b1f3b", "3a2f6b"),
    ("0f4c5c", "1a7f8e"),
    ("5b2a86", "a4508b"),
    ("263238", "455a64"),
    ("0b6e4f", "2fa36b"),
    ("ff7043", "ffa726"),
    ("3949ab", "5c6bc0"),
    ("00838f", "26c6da"),
    ("6d4c41", "a1887f"),
    ("c2185b", "f06292"),
    ("2e7d32", "66bb6a"),
    ("f9a825", "fdd835"),
    ("37474f", "78909c"),
    ("8e24aa", "ce93d8"),
    ("1565c0", "42a5f5"),
    ("ef6c00", "ffb74d"),
]
LIGHT_BG = ["ffffff", "f5f5f5", "fff8e1", "e3f2fd", "e8f5e9", "fce4ec", "ede7f6", "e0f7fa"]
FG = [
    "1e88e5",
    "43a047",
    "fb8c00",
    "8e24aa",
    "00acc1",
    "6d4c41",
    "3949ab",
    "d81b60",
    "546e7a",
    "7cb342",
    "f4511e",
    "5e35b1",
    "00897b",
    "fdd835",
]


def scheme(rng: random.Random):
    if rng.random() < 0.55:
        c1, c2 = rng.choice(DARK_BG)
        kind = rng.choice(["solid", "vgrad", "dgrad"])
        return (kind, c1, c2), "ffffff", rng.choice(["ffeb3b", "ffcc80", "b3e5fc", "f8bbd0", "c5e1a5"])
    bg = rng.choice(LIGHT_BG)
    fg = rng.choice(FG)
    acc = rng.choice([c for c in FG if c != fg])
    return ("solid", bg, None), fg, acc


# --- ordinary pictograms -------------------------------------------------------------------------------


def weather(p, f, a, r):
    p.circle(0.4, 0.38, 0.16, fill=a)
    for i in range(8):
        t = math.radians(45 * i)
        p.line(
            [
                (0.4 + 0.2 * math.cos(t), 0.38 + 0.2 * math.sin(t)),
                (0.4 + 0.26 * math.cos(t), 0.38 + 0.26 * math.sin(t)),
            ],
            a,
            0.025,
        )
    p.circle(0.46, 0.6, 0.12, fill=f)
    p.circle(0.62, 0.54, 0.15, fill=f)
    p.rect(0.3, 0.58, 0.8, 0.72, fill=f, radius=0.07)


def camera(p, f, a, r):
    p.rect(0.16, 0.3, 0.84, 0.76, fill=f, radius=0.08)
    p.rect(0.36, 0.22, 0.58, 0.32, fill=f, radius=0.03)
    p.circle(0.5, 0.53, 0.16, fill=a)
    p.circle(0.5, 0.53, 0.09, fill=f)
    p.circle(0.74, 0.38, 0.03, fill=a)


def music(p, f, a, r):
    p.circle(0.34, 0.7, 0.1, fill=f)
    p.circle(0.7, 0.62, 0.1, fill=f)
    p.rect(0.41, 0.24, 0.45, 0.7, fill=f)
    p.rect(0.77, 0.18, 0.81, 0.62, fill=f)
    p.poly([(0.41, 0.24), (0.81, 0.16), (0.81, 0.28), (0.41, 0.36)], f)


def mappin(p, f, a, r):
    p.circle(0.5, 0.4, 0.2, fill=f)
    p.poly([(0.33, 0.5), (0.67, 0.5), (0.5, 0.84)], f)
    p.circle(0.5, 0.4, 0.08, fill=a)
    p.ellipse(0.5, 0.86, 0.16, 0.035, fill=a)


def calculator(p, f, a, r):
    p.rect(0.24, 0.14, 0.76, 0.86, fill=f, radius=0.06)
    p.rect(0.3, 0.2, 0.7, 0.34, fill=a, radius=0.02)
    for i in range(12):
        x = 0.33 + 0.12 * (i % 4)
        y = 0.43 + 0.13 * (i // 4)
        p.rect(x - 0.04, y - 0.04, x + 0.04, y + 0.04, fill=a if i % 4 == 3 else "ffffff", radius=0.015)


def chat(p, f, a, r):
    p.rect(0.16, 0.22, 0.84, 0.68, fill=f, radius=0.14)
    p.poly([(0.3, 0.62), (0.44, 0.66), (0.26, 0.82)], f)
    for x in (0.36, 0.5, 0.64):
        p.circle(x, 0.45, 0.04, fill=a)


def calendar(p, f, a, r):
    p.rect(0.18, 0.2, 0.82, 0.82, fill="ffffff", radius=0.06, outline=f, width=0.03)
    p.rect(0.18, 0.2, 0.82, 0.38, fill=f, radius=0.06)
    p.rect(0.3, 0.14, 0.34, 0.26, fill=a)
    p.rect(0.66, 0.14, 0.7, 0.26, fill=a)
    p.text(0.5, 0.6, str(r.randrange(1, 31)), LAT_FONT, 0.2, f)


def clock(p, f, a, r):
    p.circle(0.5, 0.5, 0.34, fill=f)
    p.circle(0.5, 0.5, 0.29, fill="ffffff")
    p.line([(0.5, 0.5), (0.5, 0.3)], f, 0.035)
    p.line([(0.5, 0.5), (0.64, 0.58)], a, 0.03)
    for i in range(12):
        t = math.radians(30 * i)
        p.circle(0.5 + 0.24 * math.cos(t), 0.5 + 0.24 * math.sin(t), 0.012, fill=f)


def notes(p, f, a, r):
    p.rect(0.22, 0.16, 0.74, 0.84, fill="ffffff", radius=0.04, outline=f, width=0.025)
    for y in (0.32, 0.44, 0.56, 0.68):
        p.line([(0.3, y), (0.62, y)], f, 0.02)
    p.poly([(0.62, 0.72), (0.84, 0.36), (0.9, 0.4), (0.68, 0.76), (0.6, 0.8)], a)


def mail(p, f, a, r):
    p.rect(0.16, 0.28, 0.84, 0.74, fill=f, radius=0.04)
    p.line([(0.18, 0.31), (0.5, 0.55), (0.82, 0.31)], "ffffff", 0.03)


def cart(p, f, a, r):
    p.line([(0.14, 0.24), (0.26, 0.24), (0.34, 0.62), (0.76, 0.62), (0.84, 0.34), (0.3, 0.34)], f, 0.045)
    p.circle(0.38, 0.74, 0.05, fill=f)
    p.circle(0.72, 0.74, 0.05, fill=f)


def play(p, f, a, r):
    p.rect(0.2, 0.26, 0.8, 0.74, fill=f, radius=0.1)
    p.poly([(0.44, 0.38), (0.44, 0.62), (0.62, 0.5)], "ffffff")


def gamepad(p, f, a, r):
    p.rect(0.14, 0.36, 0.86, 0.66, fill=f, radius=0.15)
    p.rect(0.25, 0.48, 0.39, 0.53, fill="ffffff")
    p.rect(0.295, 0.43, 0.345, 0.58, fill="ffffff")
    p.circle(0.66, 0.46, 0.03, fill=a)
    p.circle(0.73, 0.54, 0.03, fill=a)


def heart(p, f, a, r):
    p.circle(0.38, 0.4, 0.15, fill=f)
    p.circle(0.62, 0.4, 0.15, fill=f)
    p.poly([(0.24, 0.46), (0.76, 0.46), (0.5, 0.8)], f)
    p.line(
        [(0.26, 0.52), (0.4, 0.52), (0.46, 0.42), (0.54, 0.62), (0.6, 0.52), (0.74, 0.52)], "ffffff", 0.025
    )


def bus(p, f, a, r):
    p.rect(0.24, 0.16, 0.76, 0.78, fill=f, radius=0.08)
    p.rect(0.3, 0.24, 0.7, 0.5, fill="ffffff", radius=0.03)
    p.circle(0.34, 0.64, 0.04, fill=a)
    p.circle(0.66, 0.64, 0.04, fill=a)
    p.rect(0.3, 0.78, 0.38, 0.86, fill=f)
    p.rect(0.62, 0.78, 0.7, 0.86, fill=f)


def bowl(p, f, a, r):
    p.poly([(0.16, 0.5), (0.84, 0.5), (0.72, 0.76), (0.28, 0.76)], f)
    p.line([(0.4, 0.46), (0.66, 0.16)], a, 0.025)
    p.line([(0.46, 0.46), (0.74, 0.2)], a, 0.025)
    for x in (0.34, 0.5, 0.64):
        p.circle(x, 0.48, 0.06, fill="ffffff")


def book(p, f, a, r):
    p.poly([(0.5, 0.3), (0.16, 0.24), (0.16, 0.74), (0.5, 0.8)], f)
    p.poly([(0.5, 0.3), (0.84, 0.24), (0.84, 0.74), (0.5, 0.8)], a)
    for y in (0.4, 0.5, 0.6):
        p.line([(0.24, y - 0.02), (0.42, y + 0.01)], "ffffff", 0.015)


def flashlight(p, f, a, r):
    p.poly([(0.36, 0.16), (0.64, 0.16), (0.6, 0.4), (0.4, 0.4)], f)
    p.rect(0.42, 0.4, 0.58, 0.84, fill=f, radius=0.03)
    p.circle(0.5, 0.56, 0.035, fill=a)
    p.poly([(0.36, 0.16), (0.64, 0.16), (0.8, 0.04), (0.2, 0.04)], a)


def headphones(p, f, a, r):
    p.arc(0.5, 0.54, 0.28, 180, 360, f, 0.05)
    p.rect(0.18, 0.52, 0.32, 0.78, fill=f, radius=0.05)
    p.rect(0.68, 0.52, 0.82, 0.78, fill=f, radius=0.05)


def microphone(p, f, a, r):
    p.rect(0.4, 0.16, 0.6, 0.56, fill=f, radius=0.1)
    p.arc(0.5, 0.46, 0.18, 0, 180, f, 0.035)
    p.line([(0.5, 0.64), (0.5, 0.78)], f, 0.035)
    p.line([(0.38, 0.8), (0.62, 0.8)], a, 0.035)


def bell(p, f, a, r):
    p.circle(0.5, 0.42, 0.2, fill=f)
    p.poly([(0.3, 0.42), (0.7, 0.42), (0.78, 0.7), (0.22, 0.7)], f)
    p.circle(0.5, 0.76, 0.06, fill=a)
    p.circle(0.5, 0.2, 0.03, fill=f)


def gift(p, f, a, r):
    p.rect(0.2, 0.4, 0.8, 0.8, fill=f, radius=0.03)
    p.rect(0.16, 0.32, 0.84, 0.42, fill=f, radius=0.02)
    p.rect(0.46, 0.32, 0.54, 0.8, fill=a)
    p.ellipse(0.42, 0.27, 0.08, 0.05, 20, fill=a)
    p.ellipse(0.58, 0.27, 0.08, 0.05, -20, fill=a)


def umbrella(p, f, a, r):
    p.arc(0.5, 0.5, 0.34, 180, 360, f, 0.34)
    p.line([(0.5, 0.5), (0.5, 0.78)], a, 0.03, round_caps=False)
    p.arc(0.56, 0.78, 0.06, 0, 180, a, 0.03)


def cup(p, f, a, r):
    p.poly([(0.22, 0.34), (0.68, 0.34), (0.62, 0.78), (0.28, 0.78)], f)
    p.arc(0.7, 0.5, 0.1, 270, 450, f, 0.035)
    for x in (0.36, 0.46, 0.56):
        p.line([(x, 0.16), (x + 0.02, 0.26)], a, 0.02)


def paw(p, f, a, r):
    p.ellipse(0.5, 0.62, 0.16, 0.13, fill=f)
    for x, y in ((0.3, 0.44), (0.42, 0.3), (0.58, 0.3), (0.7, 0.44)):
        p.ellipse(x, y, 0.065, 0.08, fill=f)


def car(p, f, a, r):
    p.rect(0.14, 0.46, 0.86, 0.68, fill=f, radius=0.06)
    p.poly([(0.28, 0.46), (0.36, 0.3), (0.64, 0.3), (0.74, 0.46)], f)
    p.poly([(0.36, 0.44), (0.4, 0.34), (0.62, 0.34), (0.68, 0.44)], "ffffff")
    p.circle(0.3, 0.7, 0.07, fill=a)
    p.circle(0.7, 0.7, 0.07, fill=a)


def plane(p, f, a, r):
    p.ellipse(0.5, 0.5, 0.36, 0.05, -35, fill=f)
    p.poly([(0.48, 0.5), (0.3, 0.32), (0.36, 0.3), (0.58, 0.46)], f)
    p.poly([(0.52, 0.52), (0.7, 0.7), (0.66, 0.74), (0.44, 0.56)], f)


def rocket(p, f, a, r):
    p.ellipse(0.5, 0.46, 0.11, 0.28, fill=f)
    p.circle(0.5, 0.4, 0.05, fill=a)
    p.poly([(0.4, 0.56), (0.28, 0.72), (0.42, 0.68)], a)
    p.poly([(0.6, 0.56), (0.72, 0.72), (0.58, 0.68)], a)
    p.poly([(0.45, 0.74), (0.55, 0.74), (0.5, 0.88)], "ff7043")


def puzzle(p, f, a, r):
    p.rect(0.24, 0.3, 0.7, 0.76, fill=f, radius=0.03)
    p.circle(0.47, 0.28, 0.08, fill=f)
    p.circle(0.72, 0.53, 0.08, fill=f)
    p.circle(0.24, 0.53, 0.07, fill="ffffff" if f != "ffffff" else a)


def dice(p, f, a, r):
    p.rect(0.22, 0.22, 0.78, 0.78, fill=f, radius=0.1)
    for x, y in ((0.36, 0.36), (0.64, 0.64), (0.5, 0.5), (0.36, 0.64), (0.64, 0.36)):
        p.circle(x, y, 0.045, fill=a)


def battery(p, f, a, r):
    p.rect(0.18, 0.34, 0.76, 0.66, outline=f, width=0.035, radius=0.05)
    p.rect(0.77, 0.44, 0.82, 0.56, fill=f)
    p.rect(0.24, 0.4, 0.56, 0.6, fill=a, radius=0.02)


def magnifier(p, f, a, r):
    p.circle(0.44, 0.44, 0.2, outline=f, width=0.06)
    p.line([(0.59, 0.59), (0.78, 0.78)], f, 0.08)


def scissors(p, f, a, r):
    p.circle(0.34, 0.7, 0.08, outline=f, width=0.035)
    p.circle(0.66, 0.7, 0.08, outline=f, width=0.035)
    p.line([(0.38, 0.63), (0.62, 0.2)], a, 0.035)
    p.line([(0.62, 0.63), (0.38, 0.2)], a, 0.035)


def trophy(p, f, a, r):
    p.poly([(0.3, 0.2), (0.7, 0.2), (0.64, 0.5), (0.36, 0.5)], f)
    p.arc(0.3, 0.32, 0.08, 90, 270, f, 0.03)
    p.arc(0.7, 0.32, 0.08, 270, 450, f, 0.03)
    p.rect(0.46, 0.5, 0.54, 0.66, fill=f)
    p.rect(0.34, 0.66, 0.66, 0.76, fill=a, radius=0.02)


def bicycle(p, f, a, r):
    p.circle(0.3, 0.62, 0.15, outline=f, width=0.03)
    p.circle(0.7, 0.62, 0.15, outline=f, width=0.03)
    p.line([(0.3, 0.62), (0.44, 0.4), (0.62, 0.4), (0.7, 0.62)], a, 0.03)
    p.line([(0.44, 0.4), (0.5, 0.62), (0.62, 0.4)], a, 0.03)


def tree(p, f, a, r):
    p.rect(0.46, 0.6, 0.54, 0.84, fill="8d6e63")
    p.circle(0.5, 0.42, 0.2, fill=f)
    p.circle(0.36, 0.52, 0.13, fill=f)
    p.circle(0.64, 0.52, 0.13, fill=f)


def fish(p, f, a, r):
    p.ellipse(0.46, 0.5, 0.24, 0.14, fill=f)
    p.poly([(0.66, 0.5), (0.84, 0.36), (0.84, 0.64)], f)
    p.circle(0.34, 0.47, 0.025, fill=a)


def basketball(p, f, a, r):
    p.circle(0.5, 0.5, 0.32, fill="ff8f00")
    p.line([(0.18, 0.5), (0.82, 0.5)], "4e342e", 0.02)
    p.line([(0.5, 0.18), (0.5, 0.82)], "4e342e", 0.02)
    p.arc(0.2, 0.5, 0.22, 300, 420, "4e342e", 0.02)
    p.arc(0.8, 0.5, 0.22, 120, 240, "4e342e", 0.02)


def brush(p, f, a, r):
    p.line([(0.3, 0.76), (0.7, 0.24)], f, 0.05)
    p.ellipse(0.28, 0.78, 0.06, 0.1, 38, fill=a)
    p.circle(0.66, 0.62, 0.05, fill="e53935")
    p.circle(0.76, 0.72, 0.04, fill="43a047")


EVERYDAY = {
    f.__name__: f
    for f in (
        weather,
        camera,
        music,
        mappin,
        calculator,
        chat,
        calendar,
        clock,
        notes,
        mail,
        cart,
        play,
        gamepad,
        heart,
        bus,
        bowl,
        book,
        flashlight,
        headphones,
        microphone,
        bell,
        gift,
        umbrella,
        cup,
        paw,
        car,
        plane,
        rocket,
        puzzle,
        dice,
        battery,
        magnifier,
        scissors,
        trophy,
        bicycle,
        tree,
        fish,
        basketball,
        brush,
    )
}

# --- hard negatives: a generic element (ring, ellipse, letter, coin, shield ...) used by ordinary apps --------


def fitness_ring(p, f, a, r):
    col = r.choice(["ff2d55", "a3f900", "00d8ff"])
    p.arc(0.5, 0.5, 0.3, -90, -90 + r.randrange(220, 320), col, 0.1)
    p.arc(0.5, 0.5, 0.3, -90 + 330, 270, "555555", 0.1)
    p.poly([(0.5, 0.16), (0.56, 0.2), (0.5, 0.24)], "111111")


def planet(p, f, a, r):
    for _ in range(14):
        p.circle(r.random(), r.random(), 0.006, fill="ffffff")
    p.ellipse(0.5, 0.52, 0.38, 0.09, -15, outline=f, width=0.03)
    p.circle(0.5, 0.5, 0.2, fill=a)  # the disc in front of the back half of the ring ...
    p.arc(0.5, 0.5, 0.2, 200, 340, "ffffff", 0.02)
    front = Pen(p.out)  # ... and the front half of the ring in front of the disc
    front.ellipse(0.5, 0.52, 0.38, 0.09, -15, outline=f, width=0.03)
    keep = Pen(p.out)
    keep.rect(0.0, 0.52, 1.0, 1.0, fill="000000")
    front.clip(keep)
    p.paste(front)


def letter(p, f, a, r):
    ch = r.choice("BDFHKMNRTVWXYZbdfhkmnqrtw")
    path = r.choice([SERIF_FONT, LIGHT_FONT, OBLIQUE_FONT, LAT_FONT])
    ring = r.random() < 0.4
    p.text(0.5, 0.52, ch, path, 0.34 if ring else 0.46, f)
    if ring:
        p.circle(0.5, 0.5, 0.34, outline=f, width=0.025)
    elif r.random() < 0.5:
        p.circle(0.72, 0.3, 0.05, fill=a)
    return {"letter": ch, "font": path.rsplit("/", 1)[-1], "ring": ring}


def atom(p, f, a, r):
    for ang in (0, 60, 120):
        p.ellipse(0.5, 0.5, 0.36, 0.12, ang, outline=f, width=0.022)
    p.circle(0.5, 0.5, 0.07, fill=a)


def game_coin(p, f, a, r):
    p.circle(0.52, 0.54, 0.3, fill="c98a00")
    p.circle(0.5, 0.5, 0.3, fill="ffc928")
    p.circle(0.5, 0.5, 0.23, outline="e0a800", width=0.02)
    p.poly(star_points(0.5, 0.5, 0.14, 0.06, 5), "fff3b0")
    p.circle(0.76, 0.22, 0.03, fill="ffffff")


def antivirus(p, f, a, r):
    f = r.choice(["1e88e5", "43a047", "5e35b1", "00897b", "3949ab"])  # never the orange of a protected shield
    pts = [(0.5, 0.14), (0.8, 0.26), (0.76, 0.56), (0.5, 0.86), (0.24, 0.56), (0.2, 0.26)]
    p.poly(pts, f)
    p.line([(0.36, 0.5), (0.47, 0.62), (0.66, 0.38)], "ffffff", 0.06)


def daisy(p, f, a, r):
    p.line([(0.5, 0.5), (0.5, 0.88)], "43a047", 0.03)
    p.ellipse(0.62, 0.74, 0.1, 0.04, -30, fill="43a047")
    for i in range(12):
        t = 30 * i
        p.ellipse(
            0.5 + 0.14 * math.cos(math.radians(t)),
            0.4 + 0.14 * math.sin(math.radians(t)),
            0.12,
            0.04,
            t,
            fill="ffffff",
        )
    p.circle(0.5, 0.4, 0.07, fill="fbc02d")


def honeycomb(p, f, a, r):
    for cx, cy in ((0.38, 0.4), (0.62, 0.4), (0.5, 0.61)):
        p.poly(regular_polygon(cx, cy, 0.13, 6, 30), f)
        p.poly(regular_polygon(cx, cy, 0.09, 6, 30), a)


def speed_gauge(p, f, a, r):
    p.arc(0.5, 0.6, 0.32, 180, 360, f, 0.05)
    for i in range(7):
        t = math.radians(180 + 30 * i)
        p.line(
            [
                (0.5 + 0.22 * math.cos(t), 0.6 + 0.22 * math.sin(t)),
                (0.5 + 0.26 * math.cos(t), 0.6 + 0.26 * math.sin(t)),
            ],
            f,
            0.015,
        )
    p.line([(0.5, 0.6), (0.66, 0.38)], a, 0.03)
    p.circle(0.5, 0.6, 0.04, fill=a)


def step_chart(p, f, a, r):
    p.rect(0.14, 0.18, 0.86, 0.82, fill="ffffff", radius=0.06)
    hs = [r.uniform(0.12, 0.42) for _ in range(6)]
    for i, h in enumerate(hs):
        x = 0.24 + 0.1 * i
        p.rect(x - 0.03, 0.72 - h, x + 0.03, 0.72, fill=f if i != 5 else a, radius=0.03)
    return {"heights": [round(h, 3) for h in hs]}


def house(p, f, a, r):
    p.poly([(0.16, 0.5), (0.5, 0.2), (0.84, 0.5)], f)
    p.rect(0.26, 0.48, 0.74, 0.82, fill=f)
    p.rect(0.44, 0.6, 0.56, 0.82, fill=a, radius=0.02)
    p.rect(0.32, 0.56, 0.4, 0.64, fill="ffffff")


def water_reminder(p, f, a, r):
    p.poly([(0.28, 0.2), (0.72, 0.2), (0.66, 0.84), (0.34, 0.84)], "e1f5fe")
    p.poly([(0.3, 0.46), (0.7, 0.46), (0.66, 0.84), (0.34, 0.84)], "29b6f6")
    p.circle(0.5, 0.36, 0.06, fill="0288d1")
    p.poly([(0.45, 0.34), (0.55, 0.34), (0.5, 0.24)], "0288d1")


def padlock(p, f, a, r):
    p.arc(0.5, 0.42, 0.15, 180, 360, f, 0.05)
    p.line([(0.35, 0.42), (0.35, 0.48)], f, 0.05, round_caps=False)
    p.line([(0.65, 0.42), (0.65, 0.48)], f, 0.05, round_caps=False)
    p.rect(0.26, 0.46, 0.74, 0.8, fill=f, radius=0.05)
    p.circle(0.5, 0.6, 0.04, fill=a)
    p.rect(0.485, 0.6, 0.515, 0.7, fill=a)


def rating_stars(p, f, a, r):
    for i, x in enumerate((0.24, 0.5, 0.76)):
        p.poly(star_points(x, 0.5 - 0.06 * (i == 1), 0.13, 0.055, 5), a if i < 2 else f)


def rubik(p, f, a, r):
    cols = ["e53935", "fdd835", "43a047", "1e88e5", "ffffff", "fb8c00"]
    for i in range(9):
        x = 0.22 + 0.19 * (i % 3)
        y = 0.22 + 0.19 * (i // 3)
        p.rect(x, y, x + 0.17, y + 0.17, fill=r.choice(cols), radius=0.02)


def loading(p, f, a, r):
    for i in range(10):
        t = math.radians(36 * i)
        p.circle(0.5 + 0.28 * math.cos(t), 0.5 + 0.28 * math.sin(t), 0.025 + 0.005 * i, fill=f)


def dartboard(p, f, a, r):
    p.circle(0.5, 0.5, 0.36, fill="212121")
    for i in range(20):
        t0, t1 = 18 * i - 9, 18 * i + 9
        col = "f5e6c8" if i % 2 else "212121"
        pts = [(0.5, 0.5)] + [
            (0.5 + 0.3 * math.cos(math.radians(t)), 0.5 + 0.3 * math.sin(math.radians(t)))
            for t in (t0, (t0 + t1) / 2, t1)
        ]
        p.poly(pts, col)
    p.circle(0.5, 0.5, 0.3, outline="c62828", width=0.025)
    p.circle(0.5, 0.5, 0.18, outline="2e7d32", width=0.02)
    p.circle(0.5, 0.5, 0.04, fill="c62828")


def wifi(p, f, a, r):
    for rr in (0.12, 0.24, 0.36):
        p.arc(0.5, 0.72, rr, 225, 315, f, 0.06)
    p.circle(0.5, 0.72, 0.05, fill=f)


def photo_gallery(p, f, a, r):
    p.rect(0.24, 0.18, 0.84, 0.7, fill="ffffff", radius=0.04, outline=a, width=0.02)
    p.rect(0.16, 0.28, 0.76, 0.8, fill="ffffff", radius=0.04, outline=f, width=0.02)
    p.poly([(0.2, 0.74), (0.38, 0.5), (0.5, 0.64), (0.58, 0.56), (0.72, 0.74)], f)
    p.circle(0.62, 0.42, 0.05, fill=a)


HARD = {
    f.__name__: f
    for f in (
        fitness_ring,
        planet,
        atom,
        letter,
        game_coin,
        antivirus,
        daisy,
        honeycomb,
        speed_gauge,
        step_chart,
        house,
        water_reminder,
        padlock,
        rating_stars,
        rubik,
        loading,
        dartboard,
        wifi,
        photo_gallery,
    )
}
HARD_BG = {
    "fitness_ring": ("solid", "111111", None),
    "planet": ("vgrad", "0d1333", "2a1b4d"),
    "atom": ("solid", "102027", None),
    "game_coin": ("dgrad", "7e57c2", "4527a0"),
    "dartboard": ("solid", "2e7d32", None),
    "water_reminder": ("vgrad", "ffffff", "e3f2fd"),
    "rubik": ("solid", "263238", None),
}
# how many of each hard negative the set draws (40 in all)
HARD_COUNTS = {
    "fitness_ring": 3,
    "planet": 2,
    "atom": 2,
    "letter": 5,
    "game_coin": 3,
    "antivirus": 3,
    "daisy": 2,
    "honeycomb": 2,
    "speed_gauge": 2,
    "step_chart": 2,
    "house": 1,
    "water_reminder": 2,
    "padlock": 2,
    "rating_stars": 1,
    "rubik": 1,
    "loading": 2,
    "dartboard": 1,
    "wifi": 2,
    "photo_gallery": 2,
}
# the protected element each hard negative shares
HARD_SHARES = {
    "atom": "ellipses round a dot",
    "fitness_ring": "ring",
    "planet": "ellipse round a disc",
    "letter": "a single Latin letter",
    "game_coin": "a coin",
    "antivirus": "a shield",
    "daisy": "petals round a disc",
    "honeycomb": "hexagons",
    "speed_gauge": "concentric arcs",
    "step_chart": "bars",
    "house": "a roof over a building",
    "water_reminder": "a drop",
    "padlock": "a keyhole",
    "rating_stars": "stars",
    "rubik": "a grid of squares",
    "loading": "a ring of dots",
    "dartboard": "concentric circles",
    "wifi": "concentric arcs",
    "photo_gallery": "mountain and sun",
}


# drawings with white paper or white marks on them: drawn in colour on a light field
NEEDS_LIGHT = {
    "calculator",
    "calendar",
    "notes",
    "mail",
    "step_chart",
    "photo_gallery",
    "puzzle",
    "bus",
    "car",
    "clock",
    "heart",
}


def draw_picto(kind: str, rng: random.Random, size: int = 512) -> tuple[Image.Image, dict]:
    bgspec, fg, acc = scheme(rng)
    while kind in NEEDS_LIGHT and fg == "ffffff":
        bgspec, fg, acc = scheme(rng)
    if kind in HARD_BG:
        bgspec = HARD_BG[kind]
        fg = rng.choice(["ffffff", "ffd54f", "80deea"]) if kind in ("planet", "atom") else fg
        acc = rng.choice(["ff8a65", "ba68c8", "4fc3f7"]) if kind in ("planet", "atom") else acc
    if bgspec[0] == "solid" and bgspec[1] == fg:
        fg = "333333"
    pen = Pen(size)
    fn = EVERYDAY.get(kind) or HARD[kind]
    extra = fn(pen, fg, acc, rng) or {}
    scale = rng.uniform(0.85, 1.05)
    emblem = pen.image()
    if abs(scale - 1) > 0.01:
        s = int(size * scale)
        small = emblem.resize((s, s), Image.LANCZOS)
        if s <= size:
            emblem = Image.new("RGBA", (size, size), (0, 0, 0, 0))
            emblem.alpha_composite(small, ((size - s) // 2, (size - s) // 2))
        else:
            o = (s - size) // 2
            emblem = small.crop((o, o, o + size, o + size))
    bg = background(bgspec[0], bgspec[1], bgspec[2], size, angle=rng.choice([30.0, 60.0, 120.0]))
    params = {"kind": kind, "bg": list(bgspec), "fg": fg, "accent": acc, "scale": round(scale, 3), **extra}
    return compose(bg, emblem), params
