"""Emblem shape families. Each draws into a foreground mask `m` and an accent mask `a` (255 = ink).

A family is a function (m, a, cx, cy, R, p) -> None; `p` holds optional parameters so that the same
family can also draw a genuinely different emblem for a hard negative (other glyph, count, angle...).
"""

from __future__ import annotations

import math

from geometry import arc_band, box, disc, ellipse_poly, glyph, rect, regular, ring, rot, star, thick


def coin_gong(m, a, cx, cy, R, p):
    ring(m, cx, cy, R, R * p.get("ring", 0.17))
    s = R * 0.52
    rect(m, cx - s, cy - s * 0.95, cx + s, cy - s * 0.62)
    rect(m, cx - s, cy + s * 0.62, cx + s, cy + s * 0.95)
    rect(m, cx - s * 0.2, cy - s * 0.7, cx + s * 0.2, cy + s * 0.7)
    if p.get("hole", True):
        rect(m, cx - s * 0.08, cy - s * 0.18, cx + s * 0.08, cy + s * 0.18, 0)


def coin_zhong(m, a, cx, cy, R, p):
    ring(m, cx, cy, R, R * 0.13)
    w = R * 0.13
    m.rectangle(box(cx, cy, R * 0.5, R * 0.36), outline=255, width=int(w))
    rect(m, cx - w * 0.6, cy - R * 0.9, cx + w * 0.6, cy + R * 0.9)


def coin_plain(m, a, cx, cy, R, p):
    disc(m, cx, cy, R)
    ring(m, cx, cy, R * 0.86, R * 0.05, 0)
    h = R * p.get("hole", 0.28)
    rect(m, cx - h, cy - h, cx + h, cy + h, 0)
    if p.get("glyphs"):
        for i, ch in enumerate(p["glyphs"][:4]):
            ang = -90 + 90 * i
            gx = cx + R * 0.58 * math.cos(math.radians(ang))
            gy = cy + R * 0.58 * math.sin(math.radians(ang))
            glyph(m, ch, gx, gy, R * 0.36, 0)


def square_knot(m, a, cx, cy, R, p):
    w = R * p.get("w", 0.16)
    m.polygon(regular(cx, cy, R * 0.95, 4, -90), outline=255, width=int(w))
    s = R * 0.5
    m.rectangle([cx - s, cy - s, cx + s, cy + s], outline=255, width=int(w))
    rect(m, cx - R * 0.12, cy - R * 0.12, cx + R * 0.12, cy + R * 0.12)


def wheat_coin(m, a, cx, cy, R, p):
    if p.get("ring", True):
        ring(m, cx, cy, R, R * 0.12)
    thick(m, [(cx, cy + R * 0.7), (cx, cy - R * 0.55)], R * 0.07)
    rows = p.get("rows", 4)
    for i in range(rows):
        y = cy + R * 0.35 - i * R * 0.24
        for sgn in (-1, 1):
            m.polygon(ellipse_poly(cx + sgn * R * 0.17, y, R * 0.2, R * 0.09, sgn * -40), fill=255)
    m.polygon(ellipse_poly(cx, cy - R * 0.62, R * 0.08, R * 0.18), fill=255)


def hexagon_mark(m, a, cx, cy, R, p):
    pts = regular(cx, cy, R, 6, -90 + p.get("turn", 0))
    m.polygon(pts, outline=255, width=int(R * 0.14))
    for i in (1, 3, 5):
        thick(m, [(cx, cy), pts[i]], R * 0.14)
    disc(a, cx, cy, R * 0.16)


def wings(m, a, cx, cy, R, p):
    for sgn in (-1, 1):
        for k in range(3):
            root = (cx + sgn * R * 0.05, cy + R * (0.3 - 0.05 * k))
            tip = (cx + sgn * R * (0.98 - k * 0.2), cy - R * (0.75 - k * 0.35))
            back = (cx + sgn * R * (0.75 - k * 0.15), cy - R * (0.25 - k * 0.35))
            m.polygon([root, tip, back], fill=255)
        m.polygon([(cx, cy + R * 0.3), (cx + sgn * R * 0.5, cy + R * 0.05), (cx + sgn * R * 0.35, cy + R * 0.55)],
                  fill=255)
    disc(a, cx, cy + R * 0.62, R * 0.16)


def mark_m(m, a, cx, cy, R, p):
    disc(m, cx, cy, R)
    s = R * 0.55
    pts = [(cx - s, cy + s * 0.7), (cx - s, cy - s * 0.7), (cx, cy + s * 0.1), (cx + s, cy - s * 0.7),
           (cx + s, cy + s * 0.7), (cx + s * 0.6, cy + s * 0.7), (cx + s * 0.6, cy - s * 0.05),
           (cx, cy + s * 0.75), (cx - s * 0.6, cy - s * 0.05), (cx - s * 0.6, cy + s * 0.7)]
    m.polygon(pts, fill=0)


def swirl(m, a, cx, cy, R, p):
    turns = p.get("turns", 2.3)
    pts = []
    for i in range(220):
        t = i / 219.0
        ang = 2 * math.pi * turns * t + p.get("phase", 0.0)
        r = R * (0.08 + 0.9 * t)
        pts.append((cx + r * math.cos(ang), cy + r * math.sin(ang)))
    thick(m, pts, R * 0.15)


def tadpoles(m, a, cx, cy, R, p):
    m.pieslice(box(cx, cy, R), 90, 270, fill=255)
    disc(m, cx, cy - R / 2, R / 2, 255)
    disc(m, cx, cy + R / 2, R / 2, 0)
    disc(m, cx, cy - R / 2, R * 0.14, 0)
    disc(m, cx, cy + R / 2, R * 0.14, 255)
    ring(m, cx, cy, R, R * 0.07)


def sunburst(m, a, cx, cy, R, p):
    n = p.get("rays", 12)
    disc(m, cx, cy, R * 0.4)
    for i in range(n):
        ang = 360.0 * i / n
        tri = [(cx + R * 0.55, cy - R * 0.09), (cx + R, cy), (cx + R * 0.55, cy + R * 0.09)]
        m.polygon(rot(tri, ang, cx, cy), fill=255)


def swallow(m, a, cx, cy, R, p):
    arc_band(m, cx - R * 0.1, cy + R * 0.1, R * 0.85, R * 0.2, 190, 330)
    arc_band(m, cx + R * 0.15, cy + R * 0.35, R * 0.55, R * 0.18, 200, 340)
    m.polygon([(cx + R * 0.62, cy - R * 0.55), (cx + R * 0.98, cy - R * 0.78), (cx + R * 0.8, cy - R * 0.4)],
              fill=255)
    disc(a, cx - R * 0.55, cy + R * 0.55, R * 0.17)


def waves_circle(m, a, cx, cy, R, p):
    disc(m, cx, cy, R)
    n = p.get("waves", 3)
    for k in range(n):
        y0 = cy - R * 0.45 + k * R * 0.9 / max(1, n - 1)
        pts = [(cx - R * 1.1 + i * R * 0.022, y0 + R * 0.12 * math.sin(i * 0.11)) for i in range(101)]
        thick(m, pts, R * 0.11, 0, caps=False)
    ring(m, cx, cy, R * 1.02, R * 0.04, 0)


def ding(m, a, cx, cy, R, p):
    m.chord(box(cx, cy - R * 0.15, R * 0.75, R * 0.6), 0, 180, fill=255)
    rect(m, cx - R * 0.85, cy - R * 0.22, cx + R * 0.85, cy - R * 0.1)
    for sgn in (-1, 1):
        ring(m, cx + sgn * R * 0.55, cy - R * 0.45, R * 0.2, R * 0.08)
    for x in (-0.5, 0.0, 0.5):
        m.polygon([(cx + x * R - R * 0.08, cy + R * 0.3), (cx + x * R + R * 0.08, cy + R * 0.3),
                   (cx + x * R * 1.15 + R * 0.04, cy + R * 0.9), (cx + x * R * 1.15 - R * 0.04, cy + R * 0.9)],
                  fill=255)


def flower(m, a, cx, cy, R, p):
    n = p.get("petals", 6)
    for i in range(n):
        ang = 360.0 * i / n + p.get("turn", 0)
        px = cx + R * 0.5 * math.cos(math.radians(ang))
        py = cy + R * 0.5 * math.sin(math.radians(ang))
        m.polygon(ellipse_poly(px, py, R * 0.48, R * 0.22, ang), fill=255)
    disc(m, cx, cy, R * 0.2, 0)
    disc(a, cx, cy, R * 0.12)


def pillars(m, a, cx, cy, R, p):
    m.polygon([(cx - R * 0.95, cy - R * 0.35), (cx, cy - R * 0.92), (cx + R * 0.95, cy - R * 0.35)], fill=255)
    n = p.get("cols", 4)
    for i in range(n):
        x = cx - R * 0.7 + i * R * 1.4 / (n - 1)
        rect(m, x - R * 0.09, cy - R * 0.25, x + R * 0.09, cy + R * 0.55)
    rect(m, cx - R * 0.95, cy + R * 0.62, cx + R * 0.95, cy + R * 0.8)


def concentric_squares(m, a, cx, cy, R, p):
    for k, (r, turn) in enumerate(((1.0, 45), (0.72, 0), (0.42, 45))):
        pts = regular(cx, cy, R * r, 4, -90 + turn)
        (m if k != 1 else a).polygon(pts, outline=255, width=int(R * 0.11))
    disc(m, cx, cy, R * 0.1)


def globe(m, a, cx, cy, R, p):
    w = R * 0.09
    ring(m, cx, cy, R, w)
    m.ellipse(box(cx, cy, R * 0.45, R), outline=255, width=int(w))
    rect(m, cx - w / 2, cy - R, cx + w / 2, cy + R)
    for f in (-0.5, 0.0, 0.5):
        half = R * math.sqrt(1 - f * f)
        rect(m, cx - half, cy + f * R - w / 2, cx + half, cy + f * R + w / 2)


def chevrons(m, a, cx, cy, R, p):
    for k in range(p.get("n", 3)):
        y = cy + R * 0.55 - k * R * 0.55
        thick(m, [(cx - R * 0.8, y + R * 0.3), (cx, y - R * 0.25), (cx + R * 0.8, y + R * 0.3)], R * 0.2)


def mountains(m, a, cx, cy, R, p):
    m.polygon([(cx - R, cy + R * 0.7), (cx - R * 0.35, cy - R * 0.45), (cx + R * 0.05, cy + R * 0.2),
               (cx + R * 0.45, cy - R * 0.15), (cx + R, cy + R * 0.7)], fill=255)
    m.polygon([(cx - R * 0.35, cy - R * 0.45), (cx - R * 0.5, cy - R * 0.18), (cx - R * 0.2, cy - R * 0.18)],
              fill=0)
    disc(a, cx + R * 0.55, cy - R * 0.62, R * 0.2)


def shield_letter(m, a, cx, cy, R, p):
    pts = [(cx - R * 0.8, cy - R * 0.85), (cx + R * 0.8, cy - R * 0.85), (cx + R * 0.8, cy),
           (cx, cy + R), (cx - R * 0.8, cy)]
    m.polygon(pts, fill=255)
    glyph(m, p.get("letter", "W"), cx, cy - R * 0.05, R * 1.0, 0, latin=True)


def infinity(m, a, cx, cy, R, p):
    pts = []
    for i in range(241):
        t = 2 * math.pi * i / 240
        s = 1 + math.sin(t) ** 2
        pts.append((cx + R * 0.95 * math.cos(t) / s, cy + R * 0.95 * math.sin(t) * math.cos(t) / s))
    thick(m, pts, R * 0.17)


def star_ring(m, a, cx, cy, R, p):
    ring(m, cx, cy, R, R * 0.1)
    m.polygon(star(cx, cy, R * 0.75, R * 0.3, p.get("points", 5)), fill=255)


def pinwheel(m, a, cx, cy, R, p):
    for i in range(4):
        tri = [(cx, cy), (cx, cy - R), (cx + R * 0.6, cy - R * 0.35)]
        (m if i % 2 == 0 else a).polygon(rot(tri, 90 * i, cx, cy), fill=255)


def char_seal(m, a, cx, cy, R, p):
    m.rounded_rectangle(box(cx, cy, R * 0.92), radius=R * 0.25, outline=255, width=int(R * 0.11))
    glyph(m, p.get("char", "寿"), cx, cy + R * 0.03, R * 1.25)


def umbrella(m, a, cx, cy, R, p):
    m.pieslice(box(cx, cy - R * 0.05, R), 180, 360, fill=255)
    for i in range(4):
        disc(m, cx - R * 0.75 + i * R * 0.5, cy - R * 0.05, R * 0.25, 0)
    thick(m, [(cx, cy - R * 0.1), (cx, cy + R * 0.7)], R * 0.1, caps=False)
    arc_band(m, cx - R * 0.17, cy + R * 0.7, R * 0.17, R * 0.1, 0, 180)


def drop(m, a, cx, cy, R, p):
    disc(m, cx, cy + R * 0.25, R * 0.68)
    m.polygon([(cx - R * 0.6, cy + R * 0.0), (cx, cy - R * 0.98), (cx + R * 0.6, cy + R * 0.0)], fill=255)
    pts = [(cx - R * 0.5 + i * R * 0.01, cy + R * 0.35 + R * 0.1 * math.sin(i * 0.09)) for i in range(101)]
    thick(m, pts, R * 0.1, 0, caps=False)


def leaf(m, a, cx, cy, R, p):
    ang = p.get("angle", -45)
    m.polygon(ellipse_poly(cx, cy, R * 0.95, R * 0.45, ang), fill=255)
    thick(m, rot([(cx - R * 0.8, cy), (cx + R * 0.7, cy)], ang, cx, cy), R * 0.07, 0)
    for f in (-0.4, 0.0, 0.4):
        for sgn in (-1, 1):
            seg = [(cx + f * R, cy), (cx + f * R + R * 0.25, cy + sgn * R * 0.25)]
            thick(m, rot(seg, ang, cx, cy), R * 0.05, 0)


def tree(m, a, cx, cy, R, p):
    rect(m, cx - R * 0.1, cy + R * 0.45, cx + R * 0.1, cy + R * 0.95)
    for k in range(3):
        y = cy - R * 0.9 + k * R * 0.42
        m.polygon([(cx, y), (cx + R * (0.45 + 0.2 * k), y + R * 0.62), (cx - R * (0.45 + 0.2 * k), y + R * 0.62)],
                  fill=255)


def shield_check(m, a, cx, cy, R, p):
    pts = [(cx, cy - R), (cx + R * 0.85, cy - R * 0.6), (cx + R * 0.7, cy + R * 0.35), (cx, cy + R),
           (cx - R * 0.7, cy + R * 0.35), (cx - R * 0.85, cy - R * 0.6)]
    m.polygon(pts, outline=255, width=int(R * 0.13))
    thick(a, [(cx - R * 0.4, cy), (cx - R * 0.08, cy + R * 0.33), (cx + R * 0.45, cy - R * 0.35)], R * 0.15)


def sierpinski(m, a, cx, cy, R, p):
    def tri(x, y, s, depth):
        if depth == 0:
            m.polygon([(x, y - s), (x + s * 0.866, y + s * 0.5), (x - s * 0.866, y + s * 0.5)], fill=255)
            return
        h = s / 2
        tri(x, y - h, h, depth - 1)
        tri(x + h * 0.866, y + h * 0.5, h, depth - 1)
        tri(x - h * 0.866, y + h * 0.5, h, depth - 1)

    tri(cx, cy + R * 0.1, R * 1.0, p.get("depth", 2))


def diamond_lattice(m, a, cx, cy, R, p):
    s = R * 0.3
    for i, j in ((0, -2), (-1, -1), (1, -1), (-2, 0), (0, 0), (2, 0), (-1, 1), (1, 1), (0, 2)):
        px, py = cx + i * s * 0.98, cy + j * s * 0.98
        (a if (i, j) == (0, 0) else m).polygon(regular(px, py, s * 0.82, 4, -90), fill=255)


def bars(m, a, cx, cy, R, p):
    n = p.get("n", 4)
    w = R * 1.6 / (n * 1.5)
    for i in range(n):
        x = cx - R * 0.8 + i * w * 1.5
        rect(m, x, cy + R * 0.8, x + w, cy + R * 0.8 - R * (0.45 + 0.35 * i))
    thick(a, [(cx - R * 0.85, cy + R * 0.1), (cx - R * 0.2, cy - R * 0.3), (cx + R * 0.15, cy - R * 0.1),
              (cx + R * 0.85, cy - R * 0.85)], R * 0.09)


def candles(m, a, cx, cy, R, p):
    spec = ((-0.66, 0.2, 0.5), (-0.22, -0.15, 0.55), (0.22, 0.1, 0.4), (0.66, -0.35, 0.6))
    for k, (x, y, h) in enumerate(spec):
        tgt = m if k % 2 == 0 else a
        X = cx + x * R
        rect(tgt, X - R * 0.03, cy + (y - h * 0.9) * R, X + R * 0.03, cy + (y + h * 0.9) * R)
        rect(tgt, X - R * 0.15, cy + (y - h / 2) * R, X + R * 0.15, cy + (y + h / 2) * R)


def compass_star(m, a, cx, cy, R, p):
    m.polygon(star(cx, cy, R, R * 0.22, 4), fill=255)
    a.polygon(star(cx, cy, R * 0.62, R * 0.18, 4, -45), fill=255)
    ring(m, cx, cy, R * 0.48, R * 0.06)


def dots_ring(m, a, cx, cy, R, p):
    n = p.get("n", 12)
    for i in range(n):
        ang = math.radians(360.0 * i / n)
        disc(m, cx + R * 0.8 * math.cos(ang), cy + R * 0.8 * math.sin(ang), R * 0.15)
    disc(a, cx, cy, R * 0.35)


def orbit(m, a, cx, cy, R, p):
    disc(m, cx, cy, R * 0.48)
    pts = ellipse_poly(cx, cy, R * 0.98, R * 0.3, -25)
    a.line(pts + [pts[0]], fill=255, width=int(R * 0.09), joint="curve")
    m.polygon(star(cx + R * 0.62, cy - R * 0.72, R * 0.2, R * 0.08, 4), fill=255)


def sail(m, a, cx, cy, R, p):
    m.polygon([(cx - R * 0.05, cy - R * 0.95), (cx - R * 0.05, cy + R * 0.35), (cx - R * 0.8, cy + R * 0.35)],
              fill=255)
    m.polygon([(cx + R * 0.08, cy - R * 0.7), (cx + R * 0.08, cy + R * 0.35), (cx + R * 0.65, cy + R * 0.35)],
              fill=255)
    a.polygon([(cx - R * 0.95, cy + R * 0.48), (cx + R * 0.95, cy + R * 0.48), (cx + R * 0.6, cy + R * 0.85),
               (cx - R * 0.6, cy + R * 0.85)], fill=255)


def flame(m, a, cx, cy, R, p):
    outer = [(-0.58, 0.4), (-0.66, -0.05), (-0.42, -0.5), (-0.3, -0.12), (-0.08, -0.98), (0.18, -0.4),
             (0.38, -0.68), (0.66, -0.02), (0.58, 0.4)]
    m.polygon([(cx + x * R, cy + y * R) for x, y in outer], fill=255)
    disc(m, cx, cy + R * 0.38, R * 0.6)
    inner = [(-0.25, 0.5), (-0.28, 0.15), (-0.05, -0.3), (0.1, 0.0), (0.28, 0.15), (0.25, 0.5)]
    a.polygon([(cx + x * R, cy + y * R) for x, y in inner], fill=255)
    disc(a, cx, cy + R * 0.5, R * 0.26)


def char_glyph(m, a, cx, cy, R, p):
    if p.get("frame", True):
        m.rounded_rectangle(box(cx, cy, R), radius=R * 0.3, fill=255)
        glyph(m, p.get("char", "支"), cx, cy + R * 0.02, R * 1.45, 0)
    else:
        glyph(m, p.get("char", "支"), cx, cy + R * 0.02, R * 1.7, 255)


def cloud_bolt(m, a, cx, cy, R, p):
    disc(m, cx - R * 0.45, cy + R * 0.05, R * 0.38)
    disc(m, cx + R * 0.05, cy - R * 0.2, R * 0.5)
    disc(m, cx + R * 0.55, cy + R * 0.1, R * 0.35)
    rect(m, cx - R * 0.45, cy + R * 0.1, cx + R * 0.55, cy + R * 0.43)
    bolt = [(cx + R * 0.05, cy - R * 0.35), (cx - R * 0.3, cy + R * 0.3), (cx - R * 0.02, cy + R * 0.3),
            (cx - R * 0.15, cy + R * 0.95), (cx + R * 0.35, cy + R * 0.12), (cx + R * 0.05, cy + R * 0.12),
            (cx + R * 0.25, cy - R * 0.35)]
    m.polygon(bolt, fill=0)
    a.polygon(bolt, fill=255)


def gem(m, a, cx, cy, R, p):
    top = cy - R * 0.55
    mid = cy - R * 0.15
    outline = [(cx - R * 0.55, top), (cx + R * 0.55, top), (cx + R * 0.95, mid), (cx, cy + R * 0.9),
               (cx - R * 0.95, mid)]
    m.polygon(outline, fill=255)
    w = R * 0.05
    thick(m, [(cx - R * 0.95, mid), (cx + R * 0.95, mid)], w, 0, caps=False)
    thick(m, [(cx - R * 0.3, mid), (cx, cy + R * 0.9), (cx + R * 0.3, mid)], w, 0, caps=False)
    thick(m, [(cx - R * 0.55, top), (cx - R * 0.3, mid), (cx, top), (cx + R * 0.3, mid), (cx + R * 0.55, top)],
          w, 0, caps=False)


def arc_segments(m, a, cx, cy, R, p):
    for k in range(3):
        arc_band(m if k != 1 else a, cx, cy, R * 0.9, R * 0.2, 120 * k + 10, 120 * k + 110)
    disc(m, cx, cy, R * 0.22)


def keyhole(m, a, cx, cy, R, p):
    disc(m, cx, cy, R)
    disc(m, cx, cy - R * 0.2, R * 0.26, 0)
    m.polygon([(cx - R * 0.12, cy - R * 0.1), (cx + R * 0.12, cy - R * 0.1), (cx + R * 0.25, cy + R * 0.6),
               (cx - R * 0.25, cy + R * 0.6)], fill=0)


def feather(m, a, cx, cy, R, p):
    ang = -55
    m.polygon(ellipse_poly(cx, cy, R * 0.95, R * 0.32, ang), fill=255)
    thick(m, rot([(cx - R * 1.0, cy), (cx + R * 0.9, cy)], ang, cx, cy), R * 0.06, 0)
    for f in (-0.5, -0.2, 0.1, 0.4):
        for sgn in (-1, 1):
            seg = [(cx + f * R, cy + sgn * R * 0.04), (cx + f * R + R * 0.18, cy + sgn * R * 0.3)]
            thick(m, rot(seg, ang, cx, cy), R * 0.035, 0, caps=False)


def stairs(m, a, cx, cy, R, p):
    n = p.get("n", 4)
    step = R * 1.7 / n
    pts = [(cx - R * 0.85, cy + R * 0.85)]
    for i in range(n):
        x0 = cx - R * 0.85 + i * step
        y = cy + R * 0.85 - (i + 1) * step
        pts += [(x0, y), (x0 + step, y)]
    pts.append((cx + R * 0.85, cy + R * 0.85))
    m.polygon(pts, fill=255)
    disc(a, cx - R * 0.45, cy - R * 0.5, R * 0.18)


def heart(m, a, cx, cy, R, p):
    pts = []
    for i in range(120):
        t = 2 * math.pi * i / 120
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * R / 17.0, cy - y * R / 17.0 - R * 0.05))
    m.polygon(pts, fill=255)


def letter_mono(m, a, cx, cy, R, p):
    m.rounded_rectangle(box(cx, cy, R * 0.95), radius=R * 0.18, outline=255, width=int(R * 0.1))
    glyph(m, p.get("text", "A"), cx, cy, R * p.get("size", 0.9), latin=True)


FAMILIES = {f.__name__: f for f in (
    coin_gong, coin_zhong, coin_plain, square_knot, wheat_coin, hexagon_mark, wings, mark_m, swirl, tadpoles,
    sunburst, swallow, waves_circle, ding, flower, pillars, concentric_squares, globe, chevrons, mountains,
    shield_letter, infinity, star_ring, pinwheel, char_seal, umbrella, drop, leaf, tree, shield_check,
    sierpinski, diamond_lattice, bars, candles, compass_star, dots_ring, orbit, sail, flame, char_glyph,
    cloud_bolt, gem, arc_segments, keyhole, feather, stairs, heart, letter_mono,
)}
