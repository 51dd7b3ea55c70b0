"""Emblems of the legitimate look-alike-ish apps (hard negatives): each echoes a feature of a protected
emblem (a coin, a sun, waves, a shield, a mountain...) but is a different drawing, never the protected shape
recoloured, rotated, cropped or with a part missing (those would be copies). Same signature as emblems.py.
"""

from __future__ import annotations

import math

from geometry import arc_band, box, disc, ellipse_poly, rect, regular, ring, rot, star, thick


def sunrise(m, a, cx, cy, R, p):
    m.pieslice(box(cx, cy + R * 0.15, R * 0.45), 180, 360, fill=255)
    for i in range(p.get("rays", 7)):
        ang = 180 + 180.0 * (i + 0.5) / p.get("rays", 7)
        x0 = cx + R * 0.58 * math.cos(math.radians(ang))
        y0 = cy + R * 0.15 + R * 0.58 * math.sin(math.radians(ang))
        x1 = cx + R * 0.92 * math.cos(math.radians(ang))
        y1 = cy + R * 0.15 + R * 0.92 * math.sin(math.radians(ang))
        thick(m, [(x0, y0), (x1, y1)], R * 0.09)
    for k in range(2):
        y = cy + R * (0.38 + 0.25 * k)
        pts = [(cx - R * 0.9 + i * R * 0.018, y + R * 0.06 * math.sin(i * 0.25)) for i in range(101)]
        thick(a, pts, R * 0.08)


def blossom(m, a, cx, cy, R, p):
    for i in range(5):
        ang = math.radians(-90 + 72 * i)
        disc(m, cx + R * 0.5 * math.cos(ang), cy + R * 0.5 * math.sin(ang), R * 0.38)
    disc(m, cx, cy, R * 0.25, 0)
    disc(a, cx, cy, R * 0.17)


def waves_square(m, a, cx, cy, R, p):
    m.rounded_rectangle(box(cx, cy, R * 0.9), radius=R * 0.15, fill=255)
    for k in range(p.get("waves", 3)):
        y0 = cy - R * 0.45 + k * R * 0.45
        pts = [(cx - R * 0.9 + i * R * 0.018, y0 + R * 0.15 * abs(math.sin(i * 0.09))) for i in range(101)]
        thick(m, pts, R * 0.09, 0, caps=False)


def double_ring(m, a, cx, cy, R, p):
    ring(m, cx - R * 0.38, cy, R * 0.55, R * 0.13)
    ring(a, cx + R * 0.38, cy, R * 0.55, R * 0.13)


def striped_ball(m, a, cx, cy, R, p):
    disc(m, cx, cy, R * 0.9)
    for f in (-0.5, -0.15, 0.2, 0.55):
        rect(m, cx - R, cy + f * R - R * 0.06, cx + R, cy + f * R + R * 0.06, 0)


def dome_building(m, a, cx, cy, R, p):
    m.pieslice(box(cx, cy - R * 0.25, R * 0.55), 180, 360, fill=255)
    rect(m, cx - R * 0.05, cy - R * 0.95, cx + R * 0.05, cy - R * 0.75)
    rect(m, cx - R * 0.8, cy - R * 0.28, cx + R * 0.8, cy - R * 0.16)
    for x in (-0.55, 0.0, 0.55):
        rect(m, cx + x * R - R * 0.12, cy - R * 0.1, cx + x * R + R * 0.12, cy + R * 0.6)
    rect(m, cx - R * 0.9, cy + R * 0.66, cx + R * 0.9, cy + R * 0.82)


def rice_ear(m, a, cx, cy, R, p):
    stem = [(cx - R * 0.5, cy + R * 0.9), (cx - R * 0.2, cy + R * 0.1), (cx + R * 0.2, cy - R * 0.5),
            (cx + R * 0.75, cy - R * 0.6)]
    thick(m, stem, R * 0.06)
    for i in range(7):
        t = i / 6.0
        x = cx - R * 0.15 + t * R * 0.85
        y = cy - R * 0.3 - math.sin(t * math.pi) * R * 0.3 + t * R * 0.6
        m.polygon(ellipse_poly(x, y, R * 0.09, R * 0.16, 20), fill=255)


def double_spiral(m, a, cx, cy, R, p):
    for sgn in (-1, 1):
        pts = []
        for i in range(120):
            t = i / 119.0
            ang = 2 * math.pi * 1.3 * t
            r = R * 0.45 * (1 - t) + R * 0.05
            pts.append((cx + sgn * (R * 0.45 - r * math.cos(ang)), cy + sgn * r * math.sin(ang)))
        thick(m, pts, R * 0.11)


def two_leaves(m, a, cx, cy, R, p):
    thick(m, [(cx, cy + R * 0.9), (cx, cy - R * 0.1)], R * 0.08)
    m.polygon(ellipse_poly(cx - R * 0.38, cy - R * 0.3, R * 0.42, R * 0.2, 35), fill=255)
    a.polygon(ellipse_poly(cx + R * 0.38, cy - R * 0.45, R * 0.42, R * 0.2, -35), fill=255)


def round_tree(m, a, cx, cy, R, p):
    rect(m, cx - R * 0.1, cy + R * 0.2, cx + R * 0.1, cy + R * 0.95)
    for dx, dy, r in ((0, -0.35, 0.45), (-0.4, -0.05, 0.33), (0.4, -0.05, 0.33)):
        disc(m, cx + dx * R, cy + dy * R, r * R)


def arrow_up(m, a, cx, cy, R, p):
    m.polygon([(cx, cy - R * 0.95), (cx + R * 0.65, cy - R * 0.2), (cx + R * 0.22, cy - R * 0.2),
               (cx + R * 0.22, cy + R * 0.9), (cx - R * 0.22, cy + R * 0.9), (cx - R * 0.22, cy - R * 0.2),
               (cx - R * 0.65, cy - R * 0.2)], fill=255)


def snowflake(m, a, cx, cy, R, p):
    for i in range(6):
        seg = rot([(cx, cy), (cx, cy - R * 0.95)], 60 * i, cx, cy)
        thick(m, seg, R * 0.08)
        for f in (0.45, 0.7):
            for sgn in (-1, 1):
                b = rot([(cx, cy - R * f), (cx + sgn * R * 0.22, cy - R * (f + 0.2))], 60 * i, cx, cy)
                thick(m, b, R * 0.06)


def shield_star(m, a, cx, cy, R, p):
    pts = [(cx - R * 0.75, cy - R * 0.8), (cx + R * 0.75, cy - R * 0.8), (cx + R * 0.75, cy + R * 0.05),
           (cx, cy + R * 0.95), (cx - R * 0.75, cy + R * 0.05)]
    m.polygon(pts, fill=255)
    m.polygon(star(cx, cy - R * 0.05, R * 0.45, R * 0.18, 5), fill=0)
    a.polygon(star(cx, cy - R * 0.05, R * 0.45, R * 0.18, 5), fill=255)


def triangle_eye(m, a, cx, cy, R, p):
    m.polygon(regular(cx, cy + R * 0.1, R, 3), outline=255, width=int(R * 0.12))
    disc(a, cx, cy + R * 0.2, R * 0.22)


def mountain_lake(m, a, cx, cy, R, p):
    m.polygon([(cx - R * 0.85, cy + R * 0.1), (cx, cy - R * 0.85), (cx + R * 0.85, cy + R * 0.1)], fill=255)
    a.polygon([(cx - R * 0.85, cy + R * 0.22), (cx, cy + R * 0.9), (cx + R * 0.85, cy + R * 0.22)], fill=255)


def diamond_single(m, a, cx, cy, R, p):
    m.polygon(regular(cx, cy, R * 0.95, 4), fill=255)
    m.polygon(regular(cx, cy, R * 0.55, 4), outline=0, width=int(R * 0.1))


def c_ring(m, a, cx, cy, R, p):
    arc_band(m, cx, cy, R * 0.85, R * 0.22, 50, 310)
    disc(a, cx + R * 0.55, cy, R * 0.16)


def pie_chart(m, a, cx, cy, R, p):
    m.pieslice(box(cx, cy, R * 0.85), -90, 160, fill=255)
    a.pieslice(box(cx + R * 0.08, cy - R * 0.06, R * 0.85), 170, 260, fill=255)


def windmill4(m, a, cx, cy, R, p):
    for i in range(4):
        ang = 90 * i + 45
        px = cx + R * 0.45 * math.cos(math.radians(ang))
        py = cy + R * 0.45 * math.sin(math.radians(ang))
        (m if i % 2 == 0 else a).ellipse(box(px, py, R * 0.4), fill=255)


def bird_simple(m, a, cx, cy, R, p):
    arc_band(m, cx - R * 0.42, cy + R * 0.1, R * 0.45, R * 0.12, 200, 340)
    arc_band(m, cx + R * 0.42, cy + R * 0.1, R * 0.45, R * 0.12, 200, 340)


def bars_plain(m, a, cx, cy, R, p):
    hs = p.get("heights", (0.9, 0.5, 0.7, 0.35, 0.6))
    w = R * 1.6 / (len(hs) * 1.4)
    for i, h in enumerate(hs):
        x = cx - R * 0.8 + i * w * 1.4
        rect(m, x, cy + R * 0.8, x + w, cy + R * 0.8 - R * 1.6 * h)


def sunflower(m, a, cx, cy, R, p):
    for i in range(16):
        ang = 360.0 * i / 16
        px = cx + R * 0.62 * math.cos(math.radians(ang))
        py = cy + R * 0.62 * math.sin(math.radians(ang))
        m.polygon(ellipse_poly(px, py, R * 0.3, R * 0.1, ang), fill=255)
    disc(a, cx, cy, R * 0.4)


def crescent_star(m, a, cx, cy, R, p):
    disc(m, cx - R * 0.1, cy, R * 0.8)
    disc(m, cx + R * 0.2, cy - R * 0.1, R * 0.68, 0)
    a.polygon(star(cx + R * 0.45, cy - R * 0.2, R * 0.28, R * 0.11, 5), fill=255)


def anchor(m, a, cx, cy, R, p):
    ring(m, cx, cy - R * 0.7, R * 0.18, R * 0.08)
    thick(m, [(cx, cy - R * 0.52), (cx, cy + R * 0.85)], R * 0.1)
    thick(m, [(cx - R * 0.4, cy - R * 0.3), (cx + R * 0.4, cy - R * 0.3)], R * 0.1)
    arc_band(m, cx, cy + R * 0.2, R * 0.7, R * 0.1, 20, 160)


def candle(m, a, cx, cy, R, p):
    rect(m, cx - R * 0.25, cy - R * 0.1, cx + R * 0.25, cy + R * 0.9)
    a.polygon(ellipse_poly(cx, cy - R * 0.45, R * 0.14, R * 0.3), fill=255)


def window_grid(m, a, cx, cy, R, p):
    for i in (-1, 1):
        for j in (-1, 1):
            rect(m, cx + i * R * 0.05, cy + j * R * 0.05, cx + i * R * 0.85, cy + j * R * 0.85)


NEG_SHAPES = {f.__name__: f for f in (
    sunrise, blossom, waves_square, double_ring, striped_ball, dome_building, rice_ear, double_spiral, two_leaves,
    round_tree, arrow_up, snowflake, shield_star, triangle_eye, mountain_lake, diamond_single, c_ring, pie_chart,
    windmill4, bird_simple, bars_plain, sunflower, crescent_star, anchor, candle, window_grid,
)}
