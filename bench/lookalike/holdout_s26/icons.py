"""Procedural icon designs: motifs (emblems) x layouts, rendered from a small spec dict.

A spec is JSON-like: {"layout", "motif", "fg", "bg", "bg2", "angle", "word", "p": {...}}.  The same
renderer draws the protected icons, the look-alike legitimate icons and the re-rendered counterfeits
(with ``jitter``), so a re-render differs from the original only by the jittered parameters.
"""

import math

import raster as R
import ttf

WHITE = (255, 255, 255)


def _stroke(p, s, k):
    return s * k * p.get("stroke", 1.0)


def glyphs(img, s, size, cx, cy, color, p, latin=False, fit_w=None, fit_h=None):
    gs = p.get("gstyle", {})
    if latin:
        path = gs.get("latin_font", ttf.FONT_SANS_BOLD)
    else:
        path = ttf.FONT_CJK
    bold = gs.get("bold", 0.0) * size + (p.get("weight", 0.0) * size)
    cont = R.text(s, size, cx, cy, font_path=path, bold=bold, slant=gs.get("slant", 0.0),
                  fit_w=fit_w, fit_h=fit_h)
    R.fill(img, cont, color)


# ----------------------------------------------------------------------------- motifs


def m_coin(img, cx, cy, s, fg, p):
    r = s / 2
    t = _stroke(p, s, 0.11)
    if p.get("gap"):
        R.fill(img, [R.arc_band(cx, cy, r - t, r, 60, 390)], fg)
    else:
        R.fill(img, R.ring(cx, cy, r - t, r), fg)
    q = s * 0.21
    st = _stroke(p, s, 0.06)
    sq = R.rect(cx - q, cy - q, cx + q, cy + q)
    if p.get("square_rot"):
        sq = R.rotate_pts([sq], cx, cy, p["square_rot"])[0]
    inner = R.rect(cx - q + st, cy - q + st, cx + q - st, cy + q - st)
    if p.get("square_rot"):
        inner = R.rotate_pts([inner], cx, cy, p["square_rot"])[0]
    R.fill(img, [sq, list(reversed(inner))], fg)
    if p.get("bar"):
        bw = _stroke(p, s, 0.07)
        R.fill(img, [R.rect(cx - bw / 2, cy - r + t * 0.5, cx + bw / 2, cy + r - t * 0.5)], fg)
    if p.get("glyph"):
        glyphs(img, p["glyph"], s * 0.3, cx, cy, fg, p, fit_w=2 * q - 2 * st - 2, fit_h=2 * q - 2 * st - 2)
    if p.get("spokes"):
        for a in range(0, 360, 90):
            ca, sa = math.cos(math.radians(a + 45)), math.sin(math.radians(a + 45))
            R.fill(img, [R.segment((cx + ca * q * 1.35, cy + sa * q * 1.35), (cx + ca * (r - t), cy + sa * (r - t)),
                                   _stroke(p, s, 0.05))], fg)


def m_ring_glyph(img, cx, cy, s, fg, p):
    r = s / 2
    t = _stroke(p, s, 0.08)
    R.fill(img, R.ring(cx, cy, r - t, r), fg)
    g = p.get("glyph", "金")
    glyphs(img, g, s * (0.52 if len(g) == 1 else 0.34), cx, cy, fg, p, latin=p.get("latin", False),
           fit_w=s * 0.66, fit_h=s * 0.56)


def m_disc_glyph(img, cx, cy, s, fg, p):
    R.fill(img, [R.circle(cx, cy, s / 2)], fg)
    g = p.get("glyph", "金")
    glyphs(img, g, s * (0.58 if len(g) == 1 else 0.36), cx, cy, p.get("ko", WHITE), p,
           latin=p.get("latin", False), fit_w=s * 0.72, fit_h=s * 0.6)


def m_glyph(img, cx, cy, s, fg, p):
    g = p.get("glyph", "金")
    glyphs(img, g, s * (0.95 if len(g) == 1 else 0.5), cx, cy, fg, p, latin=p.get("latin", False),
           fit_w=s, fit_h=s * 0.95)


def m_word(img, cx, cy, s, fg, p):
    g = p.get("glyph", "金融")
    if p.get("sub"):
        glyphs(img, g, s * 0.42, cx, cy - s * 0.12, fg, p, fit_w=s, fit_h=s * 0.5)
        glyphs(img, p["sub"], s * 0.16, cx, cy + s * 0.3, fg, p, latin=True, fit_w=s * 0.9, fit_h=s * 0.16)
    else:
        glyphs(img, g, s * 0.45, cx, cy, fg, p, fit_w=s, fit_h=s * 0.6)


def m_latin(img, cx, cy, s, fg, p):
    g = p.get("glyph", "AB")
    glyphs(img, g, s * 0.6, cx, cy, fg, p, latin=True, fit_w=s, fit_h=s * 0.62)


def m_sun(img, cx, cy, s, fg, p):
    n = p.get("rays", 10)
    R.fill(img, [R.circle(cx, cy, s * 0.25)], fg)
    r0, r1 = s * 0.33, s * 0.5
    conts = []
    for k in range(n):
        a = 2 * math.pi * k / n + p.get("rot", 0.0)
        da = math.pi / n * 0.45
        conts.append(R.orient([(cx + r0 * math.cos(a - da), cy + r0 * math.sin(a - da)),
                               (cx + r1 * math.cos(a), cy + r1 * math.sin(a)),
                               (cx + r0 * math.cos(a + da), cy + r0 * math.sin(a + da))]))
    R.fill(img, conts, fg)
    if p.get("glyph"):
        glyphs(img, p["glyph"], s * 0.28, cx, cy, p.get("ko", WHITE), p, fit_w=s * 0.36, fit_h=s * 0.36)


def m_petals(img, cx, cy, s, fg, p):
    n = p.get("n", 4)
    conts = []
    for k in range(n):
        a = 2 * math.pi * k / n + p.get("rot", 0.0)
        d = s * 0.24
        conts.append(R.orient(R.ellipse(cx + d * math.cos(a), cy + d * math.sin(a), s * 0.25, s * 0.11, a)))
    R.fill(img, conts, fg)
    if p.get("dot", True):
        R.fill(img, [R.circle(cx, cy, s * 0.07)], p.get("ko", WHITE))


def m_wheat(img, cx, cy, s, fg, p):
    r = s / 2
    t = _stroke(p, s, 0.06)
    R.fill(img, R.ring(cx, cy, r - t, r), fg)
    sw = _stroke(p, s, 0.05)
    R.fill(img, [R.rect(cx - sw / 2, cy - r * 0.62, cx + sw / 2, cy + r * 0.55)], fg)
    conts = []
    for k in range(3):
        yy = cy - r * 0.35 + k * r * 0.28
        for side in (-1, 1):
            conts.append(R.orient(R.ellipse(cx + side * r * 0.2, yy, r * 0.22, r * 0.09, side * -0.6)))
    conts.append(R.orient(R.ellipse(cx, cy - r * 0.62, r * 0.08, r * 0.16)))
    R.fill(img, conts, fg)
    R.fill(img, [R.rect(cx - r * 0.55, cy + r * 0.42, cx + r * 0.55, cy + r * 0.42 + t)], fg)


def m_wings(img, cx, cy, s, fg, p):
    x0 = cx - s * 0.5
    R.fill(img, [R.rect(x0, cy - s * 0.16, x0 + s * 0.3, cy + s * 0.16)], fg)
    conts = []
    for k in range(4):
        y = cy - s * 0.3 + k * s * 0.17
        h = s * 0.1
        conts.append(R.orient([(x0 + s * 0.36, y), (cx + s * 0.5, y), (cx + s * 0.42, y + h),
                               (x0 + s * 0.36 - s * 0.05, y + h)]))
    R.fill(img, conts, fg)


def m_mwave(img, cx, cy, s, fg, p):
    w = _stroke(p, s, 0.12)
    pts = [(cx - s * 0.4, cy + s * 0.2), (cx - s * 0.25, cy - s * 0.3), (cx, cy + s * 0.05),
           (cx + s * 0.25, cy - s * 0.3), (cx + s * 0.4, cy + s * 0.2)]
    R.fill(img, R.polyline(pts, w), fg)
    R.fill(img, [R.arc_band(cx, cy - s * 0.25, s * 0.6, s * 0.6 + w * 0.8, 55, 125)], fg)


def m_diamond(img, cx, cy, s, fg, p):
    r = s / 2
    t = _stroke(p, s, 0.1)
    outer = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    k = 1.0 - t * 1.41 / r
    inner = [(cx, cy - r * k), (cx + r * k, cy), (cx, cy + r * k), (cx - r * k, cy)]
    R.fill(img, [outer, list(reversed(inner))], fg)
    R.fill(img, [R.rect(cx - t / 2, cy - r * 0.55, cx + t / 2, cy + r * 0.55)], fg)
    q = r * 0.28
    R.fill(img, [[(cx - r * 0.5, cy), (cx - r * 0.5 + q, cy - q), (cx - r * 0.5 + 2 * q, cy), (cx - r * 0.5 + q, cy + q)]], fg)


def m_arcs(img, cx, cy, s, fg, p):
    n = p.get("n", 3)
    a0 = p.get("a0", 180)
    a1 = p.get("a1", 330)
    w = s * 0.5 / (n * 1.6)
    for k in range(n):
        r1 = s * 0.5 - k * w * 1.6
        col = fg if k % 2 == 0 or not p.get("alt") else p["alt"]
        R.fill(img, [R.arc_band(cx, cy + s * 0.1, r1 - w, r1, a0, a1)], col)
    R.fill(img, [R.circle(cx, cy + s * 0.1, w * 0.9)], fg)


def m_shield(img, cx, cy, s, fg, p):
    h = s
    pts = [(cx - s * 0.4, cy - h * 0.42), (cx, cy - h * 0.5), (cx + s * 0.4, cy - h * 0.42),
           (cx + s * 0.38, cy + h * 0.05), (cx + s * 0.2, cy + h * 0.33), (cx, cy + h * 0.5),
           (cx - s * 0.2, cy + h * 0.33), (cx - s * 0.38, cy + h * 0.05)]
    R.fill(img, [pts], fg)
    if p.get("star"):
        R.fill(img, [R.star(cx, cy - s * 0.02, s * 0.24, s * 0.1)], p.get("ko", WHITE))
    else:
        glyphs(img, p.get("glyph", "安"), s * 0.45, cx, cy - s * 0.02, p.get("ko", WHITE), p,
               latin=p.get("latin", False), fit_w=s * 0.55, fit_h=s * 0.5)


def m_star_ring(img, cx, cy, s, fg, p):
    r = s / 2
    t = _stroke(p, s, 0.07)
    R.fill(img, R.ring(cx, cy, r - t, r), fg)
    R.fill(img, [R.star(cx, cy, r * 0.62, r * 0.25, p.get("n", 5))], fg)


def m_bars3(img, cx, cy, s, fg, p):
    cols = p.get("colors", [(220, 30, 40), (20, 60, 150), (20, 140, 120)])
    w = s * 0.3
    for k, col in enumerate(cols):
        x = cx - s * 0.5 + k * s * 0.3
        R.fill(img, [[(x + s * 0.1, cy - s * 0.34), (x + w + s * 0.12, cy - s * 0.34),
                      (x + w + s * 0.02, cy + s * 0.34), (x, cy + s * 0.34)]], col)
    if p.get("glyph"):
        glyphs(img, p["glyph"], s * 0.22, cx, cy, WHITE, p, latin=True, fit_w=s * 0.8, fit_h=s * 0.22)


def m_chevrons(img, cx, cy, s, fg, p):
    n = p.get("n", 3)
    w = _stroke(p, s, 0.1)
    for k in range(n):
        y = cy + s * 0.3 - k * s * 0.28
        pts = [(cx - s * 0.38, y + s * 0.12), (cx, y - s * 0.2), (cx + s * 0.38, y + s * 0.12)]
        R.fill(img, R.polyline(pts, w, round_joins=False), fg)


def m_bird(img, cx, cy, s, fg, p):
    flip = -1 if p.get("flip") else 1
    body = R.ellipse(cx, cy + s * 0.05, s * 0.3, s * 0.14, flip * -0.35)
    wing = [(cx - flip * s * 0.1, cy), (cx + flip * s * 0.1, cy - s * 0.45), (cx + flip * s * 0.22, cy - s * 0.05)]
    tail = [(cx - flip * s * 0.22, cy + s * 0.12), (cx - flip * s * 0.5, cy + s * 0.02), (cx - flip * s * 0.45, cy + s * 0.3)]
    head = R.circle(cx + flip * s * 0.3, cy - s * 0.08, s * 0.09)
    R.fill(img, [R.orient(body), R.orient(wing), R.orient(tail), R.orient(head)], fg)


def m_frame_glyph(img, cx, cy, s, fg, p):
    r = s / 2
    t = _stroke(p, s, 0.08)
    outer = [(cx, cy - r), (cx + r, cy), (cx, cy + r), (cx - r, cy)]
    k = 1 - t * 1.41 / r
    inner = [(cx, cy - r * k), (cx + r * k, cy), (cx, cy + r * k), (cx - r * k, cy)]
    R.fill(img, [outer, list(reversed(inner))], fg)
    glyphs(img, p.get("glyph", "交"), s * 0.42, cx, cy, fg, p, fit_w=s * 0.5, fit_h=s * 0.5)


def m_globe(img, cx, cy, s, fg, p):
    r = s / 2
    R.fill(img, [R.circle(cx, cy, r)], fg)
    ko = p.get("ko", WHITE)
    for k in range(-2, 3):
        y = cy + k * r * 0.36
        R.fill(img, [R.rect(cx - r, y - r * 0.06, cx + r, y + r * 0.06)], ko)
    R.fill(img, [R.arc_band(cx + r * 0.9, cy, r * 0.95, r * 1.07, 130, 230)], ko)


def m_e_letter(img, cx, cy, s, fg, p):
    R.fill(img, R.ring(cx, cy, s * 0.42, s * 0.5), fg)
    glyphs(img, p.get("glyph", "e"), s * 0.7, cx, cy - s * 0.02, fg, p, latin=True, fit_w=s * 0.6, fit_h=s * 0.55)


def m_chart(img, cx, cy, s, fg, p):
    hs = p.get("bars", [0.3, 0.5, 0.4, 0.75])
    n = len(hs)
    bw = s * 0.8 / (n * 1.5)
    base = cy + s * 0.4
    for k, hh in enumerate(hs):
        x = cx - s * 0.4 + k * bw * 1.5 + bw * 0.25
        R.fill(img, [R.rect(x, base - hh * s * 0.8, x + bw, base)], fg)
    pts = [(cx - s * 0.45, cy + s * 0.05), (cx - s * 0.15, cy - s * 0.12), (cx + s * 0.05, cy), (cx + s * 0.4, cy - s * 0.38)]
    R.fill(img, R.polyline(pts, s * 0.05), p.get("line", fg))
    tip = pts[-1]
    R.fill(img, [[(tip[0] + s * 0.08, tip[1] - s * 0.08), (tip[0] - s * 0.12, tip[1] - s * 0.04), (tip[0] + s * 0.02, tip[1] + s * 0.12)]],
           p.get("line", fg))


def m_yuan(img, cx, cy, s, fg, p):
    R.fill(img, R.ring(cx, cy, s * 0.43, s * 0.5), fg)
    R.fill(img, [R.circle(cx, cy, s * 0.38)], fg)
    glyphs(img, "¥", s * 0.5, cx, cy, p.get("ko", WHITE), p, latin=True, fit_h=s * 0.42)


def m_piggy(img, cx, cy, s, fg, p):
    R.fill(img, [R.orient(R.ellipse(cx, cy, s * 0.4, s * 0.3)),
                 R.orient([(cx - s * 0.2, cy - s * 0.22), (cx - s * 0.1, cy - s * 0.42), (cx, cy - s * 0.22)]),
                 R.orient(R.rect(cx - s * 0.28, cy + s * 0.15, cx - s * 0.16, cy + s * 0.4)),
                 R.orient(R.rect(cx + s * 0.14, cy + s * 0.15, cx + s * 0.26, cy + s * 0.4)),
                 R.orient(R.ellipse(cx + s * 0.42, cy + s * 0.02, s * 0.08, s * 0.1))], fg)
    ko = p.get("ko", WHITE)
    R.fill(img, [R.rect(cx - s * 0.1, cy - s * 0.2, cx + s * 0.12, cy - s * 0.15)], ko)
    R.fill(img, [R.circle(cx + s * 0.18, cy - s * 0.06, s * 0.035)], ko)


def m_wallet(img, cx, cy, s, fg, p):
    R.fill(img, [R.rrect(cx - s * 0.45, cy - s * 0.3, cx + s * 0.45, cy + s * 0.35, s * 0.08)], fg)
    ko = p.get("ko", WHITE)
    R.fill(img, [R.rrect(cx + s * 0.15, cy - s * 0.06, cx + s * 0.5, cy + s * 0.14, s * 0.05)], ko)
    R.fill(img, [R.circle(cx + s * 0.26, cy + s * 0.04, s * 0.05)], fg)
    R.fill(img, [[(cx - s * 0.4, cy - s * 0.3), (cx + s * 0.25, cy - s * 0.48), (cx + s * 0.3, cy - s * 0.3)]], fg)


def m_car(img, cx, cy, s, fg, p):
    R.fill(img, [R.rrect(cx - s * 0.48, cy - s * 0.05, cx + s * 0.48, cy + s * 0.22, s * 0.06)], fg)
    R.fill(img, [[(cx - s * 0.3, cy - s * 0.04), (cx - s * 0.18, cy - s * 0.28), (cx + s * 0.2, cy - s * 0.28),
                  (cx + s * 0.32, cy - s * 0.04)]], fg)
    ko = p.get("ko", WHITE)
    for x in (cx - s * 0.26, cx + s * 0.26):
        R.fill(img, [R.circle(x, cy + s * 0.24, s * 0.13)], ko)
        R.fill(img, [R.circle(x, cy + s * 0.24, s * 0.08)], fg)


def m_dragonfly(img, cx, cy, s, fg, p):
    R.fill(img, R.polyline([(cx, cy - s * 0.35), (cx, cy + s * 0.5)], s * 0.07), fg)
    R.fill(img, [R.circle(cx, cy - s * 0.38, s * 0.08)], fg)
    conts = []
    for side in (-1, 1):
        conts.append(R.orient(R.ellipse(cx + side * s * 0.24, cy - s * 0.2, s * 0.24, s * 0.07, side * -0.25)))
        conts.append(R.orient(R.ellipse(cx + side * s * 0.22, cy - s * 0.02, s * 0.22, s * 0.06, side * 0.25)))
    R.fill(img, conts, fg)


def m_flame(img, cx, cy, s, fg, p):
    pts = []
    for k in range(48):
        t = 2 * math.pi * k / 48
        r = s * 0.3 * (1 - 0.55 * math.sin(t)) if math.sin(t) < 0 else s * 0.3
        x = cx + r * math.cos(t) * (1 + 0.5 * max(0, -math.sin(t)) * 0)
        y = cy + s * 0.12 + r * math.sin(t) * (1.9 if math.sin(t) < 0 else 1.0)
        pts.append((x, y))
    R.fill(img, [pts], fg)
    R.fill(img, [R.circle(cx, cy + s * 0.16, s * 0.12)], p.get("ko", WHITE))


def m_waves(img, cx, cy, s, fg, p):
    n = p.get("n", 3)
    for k in range(n):
        y = cy + (k - (n - 1) / 2) * s * 0.25
        pts = [(cx - s * 0.45 + j * s * 0.9 / 16, y + s * 0.07 * math.sin(j * math.pi / 4)) for j in range(17)]
        R.fill(img, R.polyline(pts, _stroke(p, s, 0.09)), fg)


def m_leaf3(img, cx, cy, s, fg, p):
    conts = []
    for k, a in enumerate((-90, 30, 150)):
        t = math.radians(a)
        conts.append(R.orient(R.ellipse(cx + s * 0.2 * math.cos(t), cy + s * 0.2 * math.sin(t), s * 0.26, s * 0.12, t + 0.5 * k)))
    R.fill(img, conts, fg)


def m_sail(img, cx, cy, s, fg, p):
    R.fill(img, [[(cx - s * 0.05, cy - s * 0.48), (cx - s * 0.05, cy + s * 0.15), (cx - s * 0.42, cy + s * 0.15)]], fg)
    R.fill(img, [[(cx + s * 0.03, cy - s * 0.4), (cx + s * 0.42, cy + s * 0.15), (cx + s * 0.03, cy + s * 0.15)]], fg)
    R.fill(img, [[(cx - s * 0.48, cy + s * 0.22), (cx + s * 0.48, cy + s * 0.22), (cx + s * 0.32, cy + s * 0.42),
                  (cx - s * 0.32, cy + s * 0.42)]], fg)


# ordinary-app vocabulary


def m_camera(img, cx, cy, s, fg, p):
    R.fill(img, [R.rrect(cx - s * 0.45, cy - s * 0.28, cx + s * 0.45, cy + s * 0.35, s * 0.1)], fg)
    R.fill(img, [R.rect(cx - s * 0.15, cy - s * 0.4, cx + s * 0.15, cy - s * 0.25)], fg)
    R.fill(img, [R.circle(cx, cy + s * 0.03, s * 0.2)], p.get("ko", WHITE))
    R.fill(img, [R.circle(cx, cy + s * 0.03, s * 0.12)], fg)


def m_note(img, cx, cy, s, fg, p):
    R.fill(img, [R.orient(R.ellipse(cx - s * 0.22, cy + s * 0.3, s * 0.14, s * 0.1, -0.4)),
                 R.orient(R.ellipse(cx + s * 0.26, cy + s * 0.2, s * 0.14, s * 0.1, -0.4)),
                 R.orient(R.rect(cx - s * 0.1, cy - s * 0.38, cx - s * 0.05, cy + s * 0.3)),
                 R.orient(R.rect(cx + s * 0.35, cy - s * 0.46, cx + s * 0.4, cy + s * 0.2)),
                 R.orient([(cx - s * 0.1, cy - s * 0.38), (cx + s * 0.4, cy - s * 0.48), (cx + s * 0.4, cy - s * 0.33),
                           (cx - s * 0.1, cy - s * 0.23)])], fg)


def m_cloud(img, cx, cy, s, fg, p):
    R.fill(img, [R.orient(R.circle(cx - s * 0.18, cy + s * 0.05, s * 0.2)), R.orient(R.circle(cx + s * 0.08, cy - s * 0.08, s * 0.26)),
                 R.orient(R.circle(cx + s * 0.3, cy + s * 0.1, s * 0.16)),
                 R.orient(R.rrect(cx - s * 0.38, cy + s * 0.05, cx + s * 0.46, cy + s * 0.26, s * 0.1))], fg)


def m_bolt(img, cx, cy, s, fg, p):
    R.fill(img, [[(cx + s * 0.1, cy - s * 0.5), (cx - s * 0.3, cy + s * 0.08), (cx - s * 0.02, cy + s * 0.08),
                  (cx - s * 0.12, cy + s * 0.5), (cx + s * 0.3, cy - s * 0.1), (cx + s * 0.02, cy - s * 0.1)]], fg)


def m_heart(img, cx, cy, s, fg, p):
    pts = []
    for k in range(60):
        t = 2 * math.pi * k / 60
        x = 16 * math.sin(t) ** 3
        y = 13 * math.cos(t) - 5 * math.cos(2 * t) - 2 * math.cos(3 * t) - math.cos(4 * t)
        pts.append((cx + x * s / 34, cy - y * s / 34 - s * 0.03))
    R.fill(img, [pts], fg)


def m_bubble(img, cx, cy, s, fg, p):
    R.fill(img, [R.orient(R.ellipse(cx, cy - s * 0.05, s * 0.46, s * 0.36)),
                 R.orient([(cx - s * 0.25, cy + s * 0.2), (cx - s * 0.35, cy + s * 0.45), (cx - s * 0.02, cy + s * 0.28)])], fg)
    ko = p.get("ko", WHITE)
    for dx in (-0.18, 0, 0.18):
        R.fill(img, [R.circle(cx + dx * s, cy - s * 0.05, s * 0.05)], ko)


def m_play(img, cx, cy, s, fg, p):
    R.fill(img, [R.circle(cx, cy, s * 0.48)], fg)
    R.fill(img, [[(cx - s * 0.12, cy - s * 0.22), (cx + s * 0.24, cy), (cx - s * 0.12, cy + s * 0.22)]], p.get("ko", WHITE))


def m_pin(img, cx, cy, s, fg, p):
    pts = [(cx, cy + s * 0.5)]
    for k in range(33):
        a = math.radians(120 + 300 * k / 32)
        pts.append((cx + s * 0.32 * math.cos(a), cy - s * 0.12 + s * 0.32 * math.sin(a)))
    R.fill(img, [R.orient(pts)], fg)
    R.fill(img, [R.circle(cx, cy - s * 0.12, s * 0.12)], p.get("ko", WHITE))


def m_cart(img, cx, cy, s, fg, p):
    R.fill(img, R.polyline([(cx - s * 0.48, cy - s * 0.35), (cx - s * 0.32, cy - s * 0.35), (cx - s * 0.2, cy + s * 0.18),
                            (cx + s * 0.35, cy + s * 0.18)], s * 0.07), fg)
    R.fill(img, [[(cx - s * 0.3, cy - s * 0.22), (cx + s * 0.46, cy - s * 0.22), (cx + s * 0.36, cy + s * 0.08), (cx - s * 0.22, cy + s * 0.08)]], fg)
    R.fill(img, [R.orient(R.circle(cx - s * 0.14, cy + s * 0.34, s * 0.08)), R.orient(R.circle(cx + s * 0.28, cy + s * 0.34, s * 0.08))], fg)


def m_book(img, cx, cy, s, fg, p):
    R.fill(img, [[(cx - s * 0.46, cy - s * 0.32), (cx - s * 0.03, cy - s * 0.24), (cx - s * 0.03, cy + s * 0.4), (cx - s * 0.46, cy + s * 0.3)]], fg)
    R.fill(img, [[(cx + s * 0.46, cy - s * 0.32), (cx + s * 0.03, cy - s * 0.24), (cx + s * 0.03, cy + s * 0.4), (cx + s * 0.46, cy + s * 0.3)]], fg)


def m_house(img, cx, cy, s, fg, p):
    R.fill(img, [[(cx, cy - s * 0.45), (cx + s * 0.48, cy - s * 0.02), (cx + s * 0.34, cy - s * 0.02), (cx + s * 0.34, cy + s * 0.42),
                  (cx - s * 0.34, cy + s * 0.42), (cx - s * 0.34, cy - s * 0.02), (cx - s * 0.48, cy - s * 0.02)]], fg)
    R.fill(img, [R.rect(cx - s * 0.09, cy + s * 0.12, cx + s * 0.09, cy + s * 0.42)], p.get("ko", WHITE))


def m_gamepad(img, cx, cy, s, fg, p):
    R.fill(img, [R.rrect(cx - s * 0.48, cy - s * 0.22, cx + s * 0.48, cy + s * 0.26, s * 0.2)], fg)
    ko = p.get("ko", WHITE)
    R.fill(img, [R.rect(cx - s * 0.34, cy - s * 0.03, cx - s * 0.12, cy + s * 0.05)], ko)
    R.fill(img, [R.rect(cx - s * 0.27, cy - s * 0.1, cx - s * 0.19, cy + s * 0.12)], ko)
    R.fill(img, [R.circle(cx + s * 0.22, cy - s * 0.04, s * 0.05), R.circle(cx + s * 0.32, cy + s * 0.06, s * 0.05)], ko)


def m_grid(img, cx, cy, s, fg, p):
    cols = p.get("colors") or [fg, fg, fg, fg]
    q = s * 0.22
    for k, (dx, dy) in enumerate(((-1, -1), (1, -1), (-1, 1), (1, 1))):
        x, y = cx + dx * q * 1.1, cy + dy * q * 1.1
        R.fill(img, [R.rrect(x - q, y - q, x + q, y + q, q * 0.35)], cols[k % len(cols)])


def m_check(img, cx, cy, s, fg, p):
    R.fill(img, [R.circle(cx, cy, s * 0.48)], fg)
    R.fill(img, R.polyline([(cx - s * 0.22, cy), (cx - s * 0.05, cy + s * 0.18), (cx + s * 0.25, cy - s * 0.18)], s * 0.09),
           p.get("ko", WHITE))


def m_bell(img, cx, cy, s, fg, p):
    pts = [(cx - s * 0.4, cy + s * 0.25), (cx - s * 0.28, cy + s * 0.1), (cx - s * 0.28, cy - s * 0.1)]
    for k in range(17):
        a = math.radians(180 + 180 * k / 16)
        pts.append((cx + s * 0.28 * math.cos(a), cy - s * 0.1 + s * 0.3 * math.sin(a)))
    pts += [(cx + s * 0.28, cy + s * 0.1), (cx + s * 0.4, cy + s * 0.25)]
    R.fill(img, [R.orient(pts), R.orient(R.circle(cx, cy + s * 0.34, s * 0.09))], fg)


def m_calc(img, cx, cy, s, fg, p):
    R.fill(img, [R.rrect(cx - s * 0.34, cy - s * 0.46, cx + s * 0.34, cy + s * 0.46, s * 0.08)], fg)
    ko = p.get("ko", WHITE)
    R.fill(img, [R.rect(cx - s * 0.25, cy - s * 0.38, cx + s * 0.25, cy - s * 0.16)], ko)
    for j in range(3):
        for i in range(3):
            x, y = cx - s * 0.2 + i * s * 0.2, cy - s * 0.02 + j * s * 0.16
            R.fill(img, [R.rect(x - s * 0.06, y - s * 0.05, x + s * 0.06, y + s * 0.05)], ko)


def m_card(img, cx, cy, s, fg, p):
    R.fill(img, [R.rrect(cx - s * 0.48, cy - s * 0.3, cx + s * 0.48, cy + s * 0.3, s * 0.06)], fg)
    ko = p.get("ko", WHITE)
    R.fill(img, [R.rect(cx - s * 0.48, cy - s * 0.16, cx + s * 0.48, cy - s * 0.05)], ko)
    R.fill(img, [R.rect(cx - s * 0.38, cy + s * 0.08, cx - s * 0.1, cy + s * 0.16)], ko)


def m_cross(img, cx, cy, s, fg, p):
    R.fill(img, [R.orient(R.rect(cx - s * 0.14, cy - s * 0.42, cx + s * 0.14, cy + s * 0.42)),
                 R.orient(R.rect(cx - s * 0.42, cy - s * 0.14, cx + s * 0.42, cy + s * 0.14))], fg)


def m_badge(img, cx, cy, s, fg, p):
    """Police-style badge: star in a shield-ish disc with a rim."""
    R.fill(img, [R.star(cx, cy, s * 0.5, s * 0.38, 12, rot=0)], fg)
    R.fill(img, [R.circle(cx, cy, s * 0.33)], p.get("ko", WHITE))
    R.fill(img, [R.star(cx, cy, s * 0.26, s * 0.11)], p.get("accent", fg))


MOTIFS = {
    "coin": m_coin, "ring_glyph": m_ring_glyph, "disc_glyph": m_disc_glyph, "glyph": m_glyph, "word": m_word,
    "latin": m_latin, "sun": m_sun, "petals": m_petals, "wheat": m_wheat, "wings": m_wings, "mwave": m_mwave,
    "diamond": m_diamond, "arcs": m_arcs, "shield": m_shield, "star_ring": m_star_ring, "bars3": m_bars3,
    "chevrons": m_chevrons, "bird": m_bird, "frame_glyph": m_frame_glyph, "globe": m_globe,
    "e_letter": m_e_letter, "chart": m_chart, "yuan": m_yuan, "piggy": m_piggy, "wallet": m_wallet,
    "car": m_car, "dragonfly": m_dragonfly, "flame": m_flame, "waves": m_waves, "leaf3": m_leaf3,
    "sail": m_sail, "camera": m_camera, "note": m_note, "cloud": m_cloud, "bolt": m_bolt, "heart": m_heart,
    "bubble": m_bubble, "play": m_play, "pin": m_pin, "cart": m_cart, "book": m_book, "house": m_house,
    "gamepad": m_gamepad, "grid": m_grid, "check": m_check, "bell": m_bell, "calc": m_calc, "card": m_card,
    "cross": m_cross, "badge": m_badge,
}

ORDINARY_MOTIFS = ["camera", "note", "cloud", "bolt", "heart", "bubble", "play", "pin", "cart", "book", "house",
                   "gamepad", "grid", "check", "bell", "calc", "card", "cross", "leaf3", "star_ring", "petals",
                   "sun", "waves", "glyph", "latin", "disc_glyph", "ring_glyph", "word"]
FINANCE_MOTIFS = ["chart", "yuan", "piggy", "wallet", "card", "calc", "shield", "coin", "star_ring", "disc_glyph"]

LAYOUTS = ["solid", "white", "gradient", "logo_word", "band", "tile", "avatar", "split"]


# ----------------------------------------------------------------------------- layouts


def _tint(c, d):
    return tuple(max(0, min(255, v + d[i])) for i, v in enumerate(c))


def render(spec, size=128, jitter=None):
    """Draw spec at size x size.  jitter: {"scale", "dx", "dy", "tint", "stroke", "gstyle", "angle"}."""
    j = jitter or {}
    lay = spec["layout"]
    fg = tuple(spec.get("fg", WHITE))
    bg = tuple(spec.get("bg", WHITE))
    bg2 = tuple(spec.get("bg2", bg))
    if j.get("tint"):
        fg = _tint(fg, j["tint"]) if fg != WHITE else fg
        bg = _tint(bg, j["tint"]) if bg != WHITE else bg
        bg2 = _tint(bg2, j["tint"]) if bg2 != WHITE else bg2
    p = dict(spec.get("p", {}))
    if j.get("stroke"):
        p["stroke"] = p.get("stroke", 1.0) * j["stroke"]
    if j.get("gstyle"):
        p["gstyle"] = j["gstyle"]
    sc = spec.get("scale", 1.0) * j.get("scale", 1.0)
    dx = (spec.get("dx", 0.0) + j.get("dx", 0.0)) * size
    dy = (spec.get("dy", 0.0) + j.get("dy", 0.0)) * size
    S = float(size)
    cx, cy = S / 2 + dx, S / 2 + dy
    motif = MOTIFS[spec["motif"]]
    word = spec.get("word")
    if lay == "solid":
        img = R.Img(size, size, bg)
        p.setdefault("ko", bg)
        motif(img, cx, cy, S * 0.62 * sc, fg, p)
    elif lay == "white":
        img = R.Img(size, size, bg if spec.get("bg") else WHITE)
        p.setdefault("ko", tuple(spec.get("bg", WHITE)))
        motif(img, cx, cy, S * 0.66 * sc, fg, p)
    elif lay == "gradient":
        img = R.linear_gradient(size, size, bg, bg2, spec.get("angle", 90.0) + j.get("angle", 0.0))
        p.setdefault("ko", bg)
        motif(img, cx, cy, S * 0.6 * sc, fg, p)
    elif lay == "split":
        img = R.Img(size, size, bg)
        R.fill(img, [[(0, S * 0.62), (S, S * 0.38), (S, S), (0, S)]], bg2)
        p.setdefault("ko", bg)
        motif(img, cx, cy, S * 0.6 * sc, fg, p)
    elif lay == "logo_word":
        img = R.Img(size, size, bg)
        p.setdefault("ko", bg)
        motif(img, cx, S * 0.4 + dy, S * 0.5 * sc, fg, p)
        if word:
            glyphs(img, word, S * 0.16, cx, S * 0.82 + dy * 0.5, spec.get("wc", fg), p,
                   latin=spec.get("word_latin", False), fit_w=S * 0.8, fit_h=S * 0.15)
    elif lay == "band":
        img = R.Img(size, size, bg)
        R.fill(img, [R.rect(0, S * 0.7, S, S)], WHITE)
        p.setdefault("ko", bg)
        motif(img, cx, S * 0.36 + dy, S * 0.5 * sc, fg, p)
        if word:
            glyphs(img, word, S * 0.15, cx, S * 0.85, bg, p, fit_w=S * 0.84, fit_h=S * 0.16)
    elif lay == "tile":
        img = R.Img(size, size, tuple(spec.get("field", (246, 246, 246))))
        m = S * 0.16
        R.fill(img, [R.rrect(m + dx, m + dy, S - m + dx, S - m + dy, S * 0.16)], bg)
        p.setdefault("ko", bg)
        motif(img, cx, cy, S * 0.44 * sc, fg, p)
    elif lay == "avatar":
        img = R.Img(size, size, WHITE)
        R.fill(img, [R.circle(S / 2, S / 2, S * 0.47)], bg)
        p.setdefault("ko", bg)
        motif(img, cx, cy, S * 0.5 * sc, fg, p)
    else:
        raise ValueError(lay)
    return img
