"""Icon generator for holdout_s17 (original drawings, no real logos).

An icon is a *spec* (a dict of drawn parameters) rendered by `render(spec)`. A spec is a
layout template (where the emblem, plate, band, frame and text go) plus a parametric emblem
(coin, rings, petals, gate, pinwheel, ...) plus colours. Institutions differ by template and
emblem geometry, not only by hue.
"""
import colorsys
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

SS = 1024          # supersampled canvas
OUT = 512          # master icon size
FONT_CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FONT_LAT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_SERIF = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
_FONTS = {}


def font(path, size):
    k = (path, int(size))
    if k not in _FONTS:
        _FONTS[k] = ImageFont.truetype(path, int(size))
    return _FONTS[k]


def font_for(s):
    return FONT_LAT if all(ord(ch) < 128 for ch in s) else FONT_CJK


# ---------------------------------------------------------------- colour helpers
def rgb(h):
    if isinstance(h, tuple):
        return h
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def hexc(c):
    return "#%02x%02x%02x" % tuple(int(max(0, min(255, v))) for v in c)


def mix(a, b, t):
    a, b = rgb(a), rgb(b)
    return hexc(tuple(a[i] * (1 - t) + b[i] * t for i in range(3)))


def hue_rotate(c, deg):
    r, g, b = (v / 255 for v in rgb(c))
    h, l, s = colorsys.rgb_to_hls(r, g, b)
    r, g, b = colorsys.hls_to_rgb((h + deg / 360.0) % 1.0, l, s)
    return hexc((r * 255, g * 255, b * 255))


def rand_colour(rng, sat=(0.55, 0.95), light=(0.35, 0.55)):
    h = rng.random()
    r, g, b = colorsys.hls_to_rgb(h, rng.uniform(*light), rng.uniform(*sat))
    return hexc((r * 255, g * 255, b * 255))


def is_light(c):
    r, g, b = rgb(c)
    return 0.299 * r + 0.587 * g + 0.114 * b > 170


# ---------------------------------------------------------------- geometry helpers
def rot_pts(pts, cx, cy, deg):
    a = math.radians(deg)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def ellipse_pts(cx, cy, rx, ry, deg=0, n=48):
    pts = [(cx + rx * math.cos(2 * math.pi * i / n), cy + ry * math.sin(2 * math.pi * i / n)) for i in range(n)]
    return rot_pts(pts, cx, cy, deg)


def circ(d, cx, cy, r, fill):
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill)


def ring(d, cx, cy, r, t, on=255, off=0):
    circ(d, cx, cy, r, on)
    circ(d, cx, cy, r - t, off)


def reg_poly(cx, cy, r, n, deg=0):
    return [(cx + r * math.cos(math.radians(deg + 360 * i / n - 90)),
             cy + r * math.sin(math.radians(deg + 360 * i / n - 90))) for i in range(n)]


def star_pts(cx, cy, r, n, inner, deg=0):
    pts = []
    for i in range(2 * n):
        rr = r if i % 2 == 0 else r * inner
        a = math.radians(deg + 180 * i / n - 90)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


# ---------------------------------------------------------------- emblems
# Each emblem draws into `m` (main mask) and `a` (accent mask), both ImageDraw on "L" images.
def e_coin(m, a, cx, cy, r, p):
    ring(m, cx, cy, r, r * p["t"])
    s = r * p["s"]
    sq = [(cx - s, cy - s), (cx + s, cy - s), (cx + s, cy + s), (cx - s, cy + s)]
    m.polygon(rot_pts(sq, cx, cy, p["rot"]), fill=255)
    if p["hole"]:
        h = s * p["hole"]
        hq = [(cx - h, cy - h), (cx + h, cy - h), (cx + h, cy + h), (cx - h, cy + h)]
        m.polygon(rot_pts(hq, cx, cy, p["rot"] + p["hrot"]), fill=0)
    if p["stem"]:
        w = r * 0.09
        m.rectangle([cx - w, cy - r + r * p["t"] * 0.5, cx + w, cy - s * 0.8], fill=255)
        m.rectangle([cx - w, cy + s * 0.8, cx + w, cy + r - r * p["t"] * 0.5], fill=255)


def e_rings(m, a, cx, cy, r, p):
    n, t = p["n"], p["t"]
    for i in range(n):
        rr = r * (1 - i * (t + p["gap"]))
        if rr <= r * 0.1:
            break
        ring(m, cx, cy, rr, r * t)
    if p["dot"]:
        circ(a if p["dot_acc"] else m, cx, cy, r * p["dot"], 255)
    if p["cut"]:
        # an open sector, like a "C"
        m.pieslice([cx - r - 2, cy - r - 2, cx + r + 2, cy + r + 2], p["cut_at"], p["cut_at"] + p["cut"], fill=0)


def e_petals(m, a, cx, cy, r, p):
    n = p["n"]
    for i in range(n):
        ang = p["rot"] + 360 * i / n
        ox = cx + r * p["off"] * math.cos(math.radians(ang))
        oy = cy + r * p["off"] * math.sin(math.radians(ang))
        m.polygon(ellipse_pts(ox, oy, r * p["len"], r * p["wid"], ang), fill=255)
    if p["hole"]:
        circ(m, cx, cy, r * p["hole"], 0)
    if p["core"]:
        circ(a, cx, cy, r * p["core"], 255)


def e_bars(m, a, cx, cy, r, p):
    k = p["k"]
    w = 2 * r * 0.78 / (k + (k - 1) * p["gap"])
    x0 = cx - r * 0.78
    base = cy + r * 0.75
    for i in range(k):
        h = 2 * r * 0.75 * p["h"][i]
        x = x0 + i * w * (1 + p["gap"])
        m.rounded_rectangle([x, base - h, x + w, base], radius=w * p["round"], fill=255)
    if p["arrow"]:
        pts = [(x0, cy + r * 0.1), (cx - r * 0.2, cy - r * 0.25), (cx + r * 0.15, cy - r * 0.05),
               (cx + r * 0.8, cy - r * 0.7)]
        a.line(pts, fill=255, width=int(r * 0.12), joint="curve")


def e_waves(m, a, cx, cy, r, p):
    k = p["k"]
    for j in range(k):
        y = cy + (j - (k - 1) / 2) * r * p["sp"]
        pts = [(cx - r * 0.85 + 1.7 * r * i / 60,
                y + r * p["amp"] * math.sin(p["ph"] + p["freq"] * 2 * math.pi * i / 60)) for i in range(61)]
        (a if (p["acc_mid"] and j == k // 2) else m).line(pts, fill=255, width=int(r * p["t"]), joint="curve")
    if p["ring"]:
        ring(m, cx, cy, r * 1.12, r * 0.1)


def e_chevrons(m, a, cx, cy, r, p):
    k = p["k"]
    t = r * p["t"]
    for i in range(k):
        y = cy - r * 0.6 + i * r * p["sp"]
        pts = [(cx - r * 0.8, y + r * p["depth"]), (cx, y), (cx + r * 0.8, y + r * p["depth"]),
               (cx + r * 0.8, y + r * p["depth"] + t), (cx, y + t), (cx - r * 0.8, y + r * p["depth"] + t)]
        if p["down"]:
            pts = [(x, 2 * cy - yy) for x, yy in pts]
        (a if i == p["acc_i"] else m).polygon(pts, fill=255)


def e_diamonds(m, a, cx, cy, r, p):
    s = r * p["s"]
    for i, (dx, dy) in enumerate(p["cells"]):
        x, y = cx + dx * r * p["sp"], cy + dy * r * p["sp"]
        pts = [(x, y - s), (x + s, y), (x, y + s), (x - s, y)]
        (a if i == p["acc_i"] else m).polygon(pts, fill=255)


def e_hexagon(m, a, cx, cy, r, p):
    m.polygon(reg_poly(cx, cy, r, 6, p["rot"]), fill=255)
    m.polygon(reg_poly(cx, cy, r * (1 - p["t"]), 6, p["rot"]), fill=0)
    inner = p["inner"]
    if inner == "dot":
        circ(m, cx, cy, r * 0.3, 255)
    elif inner == "tri":
        m.polygon(reg_poly(cx, cy, r * 0.45, 3, p["rot"]), fill=255)
    else:
        for i in range(3):
            ang = math.radians(p["rot"] + 120 * i - 90)
            m.line([(cx, cy), (cx + r * 0.55 * math.cos(ang), cy + r * 0.55 * math.sin(ang))],
                   fill=255, width=int(r * 0.16))


def e_shield(m, a, cx, cy, r, p):
    w, h = r * 0.85, r
    pts = [(cx - w, cy - h * 0.85), (cx + w, cy - h * 0.85), (cx + w, cy + h * 0.05),
           (cx, cy + h), (cx - w, cy + h * 0.05)]
    m.polygon(pts, fill=255)
    if p["cut"] == "band":
        m.rectangle([cx - w, cy - h * 0.2, cx + w, cy - h * 0.02], fill=0)
    elif p["cut"] == "tick":
        m.line([(cx - w * 0.45, cy - h * 0.05), (cx - w * 0.05, cy + h * 0.35), (cx + w * 0.55, cy - h * 0.45)],
               fill=0, width=int(r * 0.17), joint="curve")
    else:
        inner = [(x * 0.72 + cx * 0.28, y * 0.72 + cy * 0.28) for x, y in pts]
        m.polygon(inner, fill=0)
        a.polygon([(x * 0.45 + cx * 0.55, y * 0.45 + cy * 0.55) for x, y in pts], fill=255)


def e_pinwheel(m, a, cx, cy, r, p):
    n = p["n"]
    for i in range(n):
        ang = p["rot"] + 360 * i / n
        if p["style"] == "tri":
            pts = [(cx, cy), (cx + r, cy), (cx + r * 0.55, cy - r * 0.75)]
        else:
            pts = [(cx, cy)] + [(cx + r * 0.5 + r * 0.5 * math.cos(math.radians(t)),
                                 cy + r * 0.5 * math.sin(math.radians(t))) for t in range(180, 361, 12)]
        (a if (p["alt"] and i % 2) else m).polygon(rot_pts(pts, cx, cy, ang), fill=255)
    if p["hub"]:
        circ(m, cx, cy, r * p["hub"], 0)


def e_mountain(m, a, cx, cy, r, p):
    base = cy + r * 0.7
    for (px, ph, pw) in p["peaks"]:
        x = cx + px * r
        m.polygon([(x - pw * r, base), (x, base - ph * r), (x + pw * r, base)], fill=255)
    circ(a, cx + p["sun"][0] * r, cy + p["sun"][1] * r, r * p["sun"][2], 255)
    if p["line"]:
        m.rectangle([cx - r * 0.95, base + r * 0.08, cx + r * 0.95, base + r * 0.2], fill=255)


def e_star(m, a, cx, cy, r, p):
    if p["ring"]:
        ring(m, cx, cy, r, r * 0.12)
        rr = r * 0.72
    else:
        rr = r
    m.polygon(star_pts(cx, cy, rr, p["n"], p["inner"], p["rot"]), fill=255)
    if p["hole"]:
        circ(m, cx, cy, rr * p["inner"] * 0.5, 0)


def e_interlock(m, a, cx, cy, r, p):
    k = p["k"]
    rr = r * p["rr"]
    for i in range(k):
        ang = math.radians(p["rot"] + 360 * i / k)
        x, y = cx + r * p["sp"] * math.cos(ang), cy + r * p["sp"] * math.sin(ang)
        tgt = a if (p["acc"] and i == 0) else m
        ring(tgt, x, y, rr, rr * p["t"])


def e_drops(m, a, cx, cy, r, p):
    n = p["n"]
    for i in range(n):
        ang = p["rot"] + 360 * i / n
        pts = []
        for t in range(0, 181, 10):
            tt = math.radians(t)
            pts.append((cx + r * p["off"] + r * p["len"] * (1 - math.cos(tt)) / 2,
                        cy - r * p["wid"] * math.sin(tt) ** p["sharp"]))
        for t in range(180, -1, -10):
            tt = math.radians(t)
            pts.append((cx + r * p["off"] + r * p["len"] * (1 - math.cos(tt)) / 2,
                        cy + r * p["wid"] * math.sin(tt) ** p["sharp"]))
        (a if (p["alt"] and i % 2) else m).polygon(rot_pts(pts, cx, cy, ang), fill=255)


def e_knot(m, a, cx, cy, r, p):
    s = r * 0.9
    m.rounded_rectangle([cx - s, cy - s, cx + s, cy + s], radius=s * p["round"], fill=255)
    t = s * p["t"]
    m.rounded_rectangle([cx - s + t, cy - s + t, cx + s - t, cy + s - t], radius=max(1, (s - t) * p["round"]), fill=0)
    w = s * p["bar"]
    if p["cross"] == "plus":
        m.rectangle([cx - w, cy - s * 0.6, cx + w, cy + s * 0.6], fill=255)
        m.rectangle([cx - s * 0.6, cy - w, cx + s * 0.6, cy + w], fill=255)
    elif p["cross"] == "x":
        pts = [(cx - w, cy - s * 0.6), (cx + w, cy - s * 0.6), (cx + w, cy + s * 0.6), (cx - w, cy + s * 0.6)]
        m.polygon(rot_pts(pts, cx, cy, 45), fill=255)
        m.polygon(rot_pts(pts, cx, cy, -45), fill=255)
    else:
        circ(a, cx, cy, s * 0.35, 255)


def e_letter(m, a, cx, cy, r, p):
    s = p["s"]
    if p["box"] == "circle":
        circ(m, cx, cy, r, 255)
        tgt, fill = m, 0
    elif p["box"] == "square":
        m.rounded_rectangle([cx - r * 0.9, cy - r * 0.9, cx + r * 0.9, cy + r * 0.9], radius=r * 0.2, fill=255)
        tgt, fill = m, 0
    elif p["box"] == "ring":
        ring(m, cx, cy, r, r * 0.1)
        tgt, fill = m, 255
    else:
        tgt, fill = m, 255
    size = r * p["scale"] / max(1, len(s) ** 0.85)
    f = font(FONT_SERIF if (p["serif"] and all(ord(c) < 128 for c in s)) else font_for(s), size)
    tgt.text((cx, cy), s, font=f, fill=fill, anchor="mm")


def e_sun(m, a, cx, cy, r, p):
    circ(a if p["acc"] else m, cx, cy, r * p["core"], 255)
    n = p["n"]
    for i in range(n):
        ang = p["rot"] + 360 * i / n
        w = r * p["w"]
        pts = [(cx + r * (p["core"] + 0.12), cy - w), (cx + r, cy - w * 0.4),
               (cx + r, cy + w * 0.4), (cx + r * (p["core"] + 0.12), cy + w)]
        m.polygon(rot_pts(pts, cx, cy, ang), fill=255)


def e_nested(m, a, cx, cy, r, p):
    for i in range(p["k"]):
        s = r * (1 - i * p["step"])
        if s < r * 0.12:
            break
        pts = reg_poly(cx, cy, s, p["sides"], p["rot"] + i * p["twist"])
        m.polygon(pts, fill=255 if i % 2 == 0 else 0)


def e_swoosh(m, a, cx, cy, r, p):
    for i, (rr, st, ln) in enumerate(p["arcs"]):
        box = [cx - r * rr, cy - r * rr, cx + r * rr, cy + r * rr]
        (a if i == p["acc_i"] else m).arc(box, st, st + ln, fill=255, width=int(r * p["t"]))


def e_gate(m, a, cx, cy, r, p):
    w = r * p["w"]
    pt = r * 0.16
    m.rectangle([cx - w, cy - r * 0.35, cx - w + pt, cy + r * 0.85], fill=255)
    m.rectangle([cx + w - pt, cy - r * 0.35, cx + w, cy + r * 0.85], fill=255)
    top = [(cx - r, cy - r * 0.65), (cx + r, cy - r * 0.65), (cx + r * 0.85, cy - r * 0.45),
           (cx - r * 0.85, cy - r * 0.45)]
    if p["curve"]:
        top = [(cx - r, cy - r * 0.78), (cx, cy - r * 0.62), (cx + r, cy - r * 0.78),
               (cx + r * 0.88, cy - r * 0.45), (cx - r * 0.88, cy - r * 0.45)]
    m.polygon(top, fill=255)
    m.rectangle([cx - w, cy - r * 0.2, cx + w, cy - r * 0.06], fill=255)
    if p["mid"]:
        a.rectangle([cx - r * 0.12, cy - r * 0.45, cx + r * 0.12, cy - r * 0.2], fill=255)


def e_yuan(m, a, cx, cy, r, p):
    if p["disc"]:
        circ(m, cx, cy, r, 255)
        fill = 0
    else:
        ring(m, cx, cy, r, r * 0.1)
        fill = 255
    t = int(r * 0.13)
    m.line([(cx - r * 0.45, cy - r * 0.55), (cx, cy - r * 0.05), (cx + r * 0.45, cy - r * 0.55)], fill=fill, width=t)
    m.line([(cx, cy - r * 0.05), (cx, cy + r * 0.6)], fill=fill, width=t)
    for dy in (0.05, 0.3):
        m.line([(cx - r * 0.35, cy + r * dy), (cx + r * 0.35, cy + r * dy)], fill=fill, width=int(t * 0.8))


def e_dots(m, a, cx, cy, r, p):
    k = p["k"]
    sp = 2 * r * 0.8 / (k - 1)
    for i in range(k):
        for j in range(k):
            if (i, j) in p["skip"]:
                continue
            x, y = cx - r * 0.8 + i * sp, cy - r * 0.8 + j * sp
            (a if (i, j) == p["acc"] else m).ellipse([x - sp * p["size"], y - sp * p["size"],
                                                      x + sp * p["size"], y + sp * p["size"]], fill=255)


def e_crescent(m, a, cx, cy, r, p):
    circ(m, cx, cy, r, 255)
    ang = math.radians(p["rot"])
    circ(m, cx + r * p["off"] * math.cos(ang), cy + r * p["off"] * math.sin(ang), r * p["cut"], 0)
    if p["star"]:
        a.polygon(star_pts(cx - r * 0.25 * math.cos(ang) + r * 0.45 * math.cos(ang),
                           cy + r * 0.45 * math.sin(ang), r * 0.22, 5, 0.45), fill=255)


def e_cube(m, a, cx, cy, r, p):
    h = r * 0.95
    top = [(cx, cy - h), (cx + h * 0.87, cy - h * 0.5), (cx, cy), (cx - h * 0.87, cy - h * 0.5)]
    left = [(cx - h * 0.87, cy - h * 0.5), (cx, cy), (cx, cy + h), (cx - h * 0.87, cy + h * 0.5)]
    right = [(cx + h * 0.87, cy - h * 0.5), (cx, cy), (cx, cy + h), (cx + h * 0.87, cy + h * 0.5)]
    g = r * p["gap"]
    m.polygon(top, fill=255)
    (a if p["acc"] else m).polygon(left, fill=255)
    m.polygon(right, fill=255)
    m.line([(cx, cy), (cx, cy + h)], fill=0, width=int(g))
    m.line([(cx - h * 0.87, cy - h * 0.5), (cx, cy), (cx + h * 0.87, cy - h * 0.5)], fill=0, width=int(g))
    if p["hollow"]:
        circ(m, cx, cy - h * 0.5, r * 0.16, 0)


def e_arrows(m, a, cx, cy, r, p):
    n = p["n"]
    t = r * p["t"]
    for i in range(n):
        st = p["rot"] + 360 * i / n
        ln = 360 / n - p["gapdeg"]
        box = [cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8]
        tgt = a if (p["alt"] and i % 2) else m
        tgt.arc(box, st, st + ln, fill=255, width=int(t))
        e = math.radians(st + ln)
        hx, hy = cx + r * 0.8 * math.cos(e) - t / 2 * math.cos(e), cy + r * 0.8 * math.sin(e) - t / 2 * math.sin(e)
        tx, ty = -math.sin(e), math.cos(e)
        nx, ny = math.cos(e), math.sin(e)
        tgt.polygon([(hx + nx * t * 1.3, hy + ny * t * 1.3), (hx - nx * t * 1.3, hy - ny * t * 1.3),
                     (hx + tx * t * 1.6, hy + ty * t * 1.6)], fill=255)


# pictograms used by ordinary apps
def e_picto(m, a, cx, cy, r, p):
    k = p["what"]
    if k == "camera":
        m.rounded_rectangle([cx - r, cy - r * 0.55, cx + r, cy + r * 0.7], radius=r * 0.2, fill=255)
        m.rectangle([cx - r * 0.35, cy - r * 0.75, cx + r * 0.35, cy - r * 0.5], fill=255)
        circ(m, cx, cy + r * 0.07, r * 0.42, 0)
        circ(m, cx, cy + r * 0.07, r * 0.26, 255)
    elif k == "pin":
        circ(m, cx, cy - r * 0.25, r * 0.6, 255)
        m.polygon([(cx - r * 0.52, cy), (cx + r * 0.52, cy), (cx, cy + r)], fill=255)
        circ(m, cx, cy - r * 0.25, r * 0.24, 0)
    elif k == "bubble":
        m.ellipse([cx - r, cy - r * 0.75, cx + r, cy + r * 0.55], fill=255)
        m.polygon([(cx - r * 0.55, cy + r * 0.3), (cx - r * 0.75, cy + r * 0.95), (cx - r * 0.1, cy + r * 0.45)], fill=255)
    elif k == "play":
        m.polygon([(cx - r * 0.55, cy - r * 0.8), (cx + r * 0.85, cy), (cx - r * 0.55, cy + r * 0.8)], fill=255)
    elif k == "note":
        m.rectangle([cx + r * 0.2, cy - r * 0.9, cx + r * 0.38, cy + r * 0.5], fill=255)
        m.polygon([(cx + r * 0.2, cy - r * 0.9), (cx + r * 0.85, cy - r * 0.6), (cx + r * 0.85, cy - r * 0.3),
                   (cx + r * 0.38, cy - r * 0.55)], fill=255)
        m.ellipse([cx - r * 0.45, cy + r * 0.25, cx + r * 0.38, cy + r * 0.85], fill=255)
    elif k == "torch":
        m.polygon([(cx - r * 0.6, cy - r * 0.9), (cx + r * 0.6, cy - r * 0.9), (cx + r * 0.3, cy - r * 0.3),
                   (cx - r * 0.3, cy - r * 0.3)], fill=255)
        m.rectangle([cx - r * 0.3, cy - r * 0.3, cx + r * 0.3, cy + r * 0.95], fill=255)
        circ(m, cx, cy + r * 0.15, r * 0.12, 0)
    elif k == "calendar":
        m.rounded_rectangle([cx - r * 0.9, cy - r * 0.75, cx + r * 0.9, cy + r * 0.9], radius=r * 0.15, fill=255)
        m.rectangle([cx - r * 0.75, cy - r * 0.35, cx + r * 0.75, cy + r * 0.75], fill=0)
        for i in range(3):
            for j in range(3):
                x, y = cx - r * 0.5 + i * r * 0.5, cy - r * 0.1 + j * r * 0.3
                m.rectangle([x - r * 0.1, y - r * 0.08, x + r * 0.1, y + r * 0.08], fill=255)
    elif k == "lens":
        ring(m, cx - r * 0.2, cy - r * 0.2, r * 0.6, r * 0.16)
        m.line([(cx + r * 0.22, cy + r * 0.22), (cx + r * 0.85, cy + r * 0.85)], fill=255, width=int(r * 0.22))
    elif k == "cloud":
        for (dx, dy, rr) in ((-0.45, 0.15, 0.4), (0.0, -0.15, 0.55), (0.45, 0.15, 0.4)):
            circ(m, cx + dx * r, cy + dy * r, rr * r, 255)
        m.rectangle([cx - r * 0.45, cy + r * 0.1, cx + r * 0.45, cy + r * 0.55], fill=255)
    elif k == "mail":
        m.rectangle([cx - r, cy - r * 0.65, cx + r, cy + r * 0.65], fill=255)
        m.line([(cx - r, cy - r * 0.65), (cx, cy + r * 0.1), (cx + r, cy - r * 0.65)], fill=0, width=int(r * 0.1))
    elif k == "cart":
        m.polygon([(cx - r, cy - r * 0.7), (cx - r * 0.65, cy - r * 0.7), (cx - r * 0.4, cy + r * 0.3),
                   (cx + r * 0.8, cy + r * 0.3), (cx + r * 0.95, cy - r * 0.45), (cx - r * 0.55, cy - r * 0.45)], fill=255)
        circ(m, cx - r * 0.3, cy + r * 0.65, r * 0.16, 255)
        circ(m, cx + r * 0.6, cy + r * 0.65, r * 0.16, 255)
    else:  # game pad
        m.rounded_rectangle([cx - r, cy - r * 0.5, cx + r, cy + r * 0.55], radius=r * 0.45, fill=255)
        m.rectangle([cx - r * 0.62, cy - r * 0.06, cx - r * 0.22, cy + r * 0.06], fill=0)
        m.rectangle([cx - r * 0.48, cy - r * 0.2, cx - r * 0.36, cy + r * 0.2], fill=0)
        circ(m, cx + r * 0.45, cy - r * 0.1, r * 0.1, 0)
        circ(m, cx + r * 0.6, cy + r * 0.12, r * 0.1, 0)


EMBLEMS = {"coin": e_coin, "rings": e_rings, "petals": e_petals, "bars": e_bars, "waves": e_waves,
           "chevrons": e_chevrons, "diamonds": e_diamonds, "hexagon": e_hexagon, "shield": e_shield,
           "pinwheel": e_pinwheel, "mountain": e_mountain, "star": e_star, "interlock": e_interlock,
           "drops": e_drops, "knot": e_knot, "letter": e_letter, "sun": e_sun, "nested": e_nested,
           "swoosh": e_swoosh, "gate": e_gate, "yuan": e_yuan, "dots": e_dots, "crescent": e_crescent,
           "cube": e_cube, "arrows": e_arrows, "picto": e_picto}
EMBLEM_KINDS = [k for k in EMBLEMS if k not in ("picto",)]
PICTOS = ["camera", "pin", "bubble", "play", "note", "torch", "calendar", "lens", "cloud", "mail", "cart", "pad"]


def emblem_params(rng, kind, letters="A"):
    u = rng.uniform
    if kind == "coin":
        return dict(t=u(0.12, 0.3), s=u(0.3, 0.52), rot=rng.choice([0, 45, 15, 30]),
                    hole=rng.choice([0, 0, 0.5, 0.62]), hrot=rng.choice([0, 45]), stem=rng.random() < 0.35)
    if kind == "rings":
        return dict(n=rng.choice([1, 2, 3]), t=u(0.1, 0.2), gap=u(0.08, 0.16),
                    dot=rng.choice([0, 0.22, 0.3]), dot_acc=rng.random() < 0.5,
                    cut=rng.choice([0, 0, 60, 90]), cut_at=rng.choice([-30, 0, 200, 300]))
    if kind == "petals":
        return dict(n=rng.choice([3, 4, 5, 6, 8]), rot=u(0, 90), off=u(0.35, 0.55), len=u(0.4, 0.55),
                    wid=u(0.15, 0.28), hole=rng.choice([0, 0, 0.16]), core=rng.choice([0, 0.16]))
    if kind == "bars":
        k = rng.choice([3, 4, 5])
        h = sorted(u(0.3, 1.0) for _ in range(k))
        if rng.random() < 0.3:
            rng.shuffle(h)
        return dict(k=k, gap=u(0.25, 0.6), h=h, round=rng.choice([0, 0.2, 0.5]), arrow=rng.random() < 0.4)
    if kind == "waves":
        return dict(k=rng.choice([2, 3, 4]), sp=u(0.35, 0.5), amp=u(0.08, 0.2), freq=u(0.8, 2.0),
                    ph=u(0, 6.28), t=u(0.1, 0.18), acc_mid=rng.random() < 0.4, ring=rng.random() < 0.3)
    if kind == "chevrons":
        return dict(k=rng.choice([2, 3]), t=u(0.2, 0.3), sp=u(0.4, 0.55), depth=u(0.35, 0.6),
                    down=rng.random() < 0.4, acc_i=rng.choice([-1, 0, 1]))
    if kind == "diamonds":
        cells = rng.choice([[(-1, 0), (1, 0), (0, -1), (0, 1)], [(0, -1), (-1, 0.6), (1, 0.6)],
                            [(-1, -1), (1, -1), (-1, 1), (1, 1), (0, 0)], [(-1, 0), (0, 0), (1, 0)]])
        return dict(cells=cells, s=u(0.28, 0.4), sp=u(0.48, 0.6), acc_i=rng.choice([-1, 0, len(cells) - 1]))
    if kind == "hexagon":
        return dict(rot=rng.choice([0, 30]), t=u(0.15, 0.3), inner=rng.choice(["dot", "tri", "y"]))
    if kind == "shield":
        return dict(cut=rng.choice(["band", "tick", "inner"]))
    if kind == "pinwheel":
        return dict(n=rng.choice([3, 4, 5, 6]), rot=u(0, 60), style=rng.choice(["tri", "half"]),
                    alt=rng.random() < 0.5, hub=rng.choice([0, 0.12]))
    if kind == "mountain":
        k = rng.choice([2, 3])
        peaks = [(u(-0.55, 0.55), u(0.7, 1.4), u(0.35, 0.6)) for _ in range(k)]
        return dict(peaks=peaks, sun=(u(-0.5, 0.5), u(-0.75, -0.45), u(0.15, 0.25)), line=rng.random() < 0.5)
    if kind == "star":
        return dict(n=rng.choice([4, 5, 6, 8]), inner=u(0.38, 0.55), rot=rng.choice([0, 22.5, 45]),
                    ring=rng.random() < 0.5, hole=rng.random() < 0.3)
    if kind == "interlock":
        return dict(k=rng.choice([2, 3]), rr=u(0.5, 0.62), sp=u(0.32, 0.45), t=u(0.2, 0.32),
                    rot=rng.choice([0, 90, 30]), acc=rng.random() < 0.5)
    if kind == "drops":
        return dict(n=rng.choice([2, 3, 4, 5, 6]), rot=u(0, 90), off=u(0.0, 0.15), len=u(0.75, 0.9),
                    wid=u(0.18, 0.3), sharp=u(0.7, 1.4), alt=rng.random() < 0.5)
    if kind == "knot":
        return dict(round=u(0.15, 0.5), t=u(0.16, 0.26), bar=u(0.1, 0.16), cross=rng.choice(["plus", "x", "dot"]))
    if kind == "letter":
        return dict(s=letters, box=rng.choice(["circle", "square", "ring", "none"]), scale=u(1.1, 1.45),
                    serif=rng.random() < 0.5)
    if kind == "sun":
        return dict(core=u(0.35, 0.5), n=rng.choice([8, 10, 12, 16]), w=u(0.06, 0.12), rot=u(0, 30),
                    acc=rng.random() < 0.5)
    if kind == "nested":
        return dict(k=rng.choice([3, 4, 5]), step=u(0.16, 0.24), sides=rng.choice([4, 4, 6, 3]),
                    rot=rng.choice([0, 45]), twist=rng.choice([0, 15, 45]))
    if kind == "swoosh":
        arcs = [(u(0.5, 1.0), u(0, 360), u(120, 260)) for _ in range(rng.choice([2, 3]))]
        return dict(arcs=arcs, t=u(0.14, 0.22), acc_i=rng.choice([-1, 0, 1]))
    if kind == "gate":
        return dict(w=u(0.6, 0.8), curve=rng.random() < 0.5, mid=rng.random() < 0.5)
    if kind == "yuan":
        return dict(disc=rng.random() < 0.5)
    if kind == "dots":
        k = rng.choice([3, 3, 4])
        cells = [(i, j) for i in range(k) for j in range(k)]
        return dict(k=k, size=u(0.25, 0.4), skip=rng.sample(cells, rng.choice([0, 1, 2, 3])), acc=rng.choice(cells))
    if kind == "crescent":
        return dict(rot=u(0, 360), off=u(0.35, 0.55), cut=u(0.75, 0.9), star=rng.random() < 0.4)
    if kind == "cube":
        return dict(gap=u(0.05, 0.1), acc=rng.random() < 0.5, hollow=rng.random() < 0.3)
    if kind == "arrows":
        return dict(n=rng.choice([1, 2, 3]), t=u(0.16, 0.24), rot=u(0, 360), gapdeg=u(40, 70), alt=rng.random() < 0.5)
    if kind == "picto":
        return dict(what=rng.choice(PICTOS))
    raise KeyError(kind)


# ---------------------------------------------------------------- layout templates
TEMPLATES = ["solid", "grad", "white_text", "disc", "split", "band", "frame", "glyph", "corner_wave", "bleed"]


def make_spec(rng, tpl, em_kind, colour, text=None, letters="A", picto=None):
    """Draw all random parameters of one icon design."""
    c = colour
    dark = mix(c, "#000000", rng.uniform(0.2, 0.45))
    light = mix(c, "#ffffff", rng.uniform(0.75, 0.92))
    white = rng.choice(["#ffffff", "#fdfcf8", "#f7f7f7"])
    gold = rng.choice(["#f4c542", "#e9b949", "#ffd66b", "#ffffff"])
    acc = rng.choice([gold, "#ffffff", mix(c, "#ffffff", 0.5), hue_rotate(c, rng.choice([40, 180, -40]))])
    sp = dict(tpl=tpl, main=c, bg=None, plate=None, band=None, frame=None, deco=None, text=None,
              em=dict(kind=em_kind, p=emblem_params(rng, em_kind, letters) if picto is None else dict(what=picto),
                      fg="#ffffff", acc=acc, cx=0.5, cy=0.5, r=rng.uniform(0.28, 0.34)))
    em = sp["em"]
    if tpl == "solid":
        sp["bg"] = dict(kind="solid", c1=c)
        em["fg"] = rng.choice(["#ffffff", "#ffffff", gold])
    elif tpl == "grad":
        sp["bg"] = dict(kind=rng.choice(["linear", "linear", "radial"]), c1=mix(c, "#ffffff", rng.uniform(0.05, 0.3)),
                        c2=rng.choice([dark, hue_rotate(c, rng.choice([-35, 35]))]), angle=rng.uniform(0, 360))
    elif tpl == "white_text":
        sp["bg"] = dict(kind="solid", c1=rng.choice([white, light]))
        em.update(fg=c, cy=0.4, r=rng.uniform(0.22, 0.26))
        if acc == "#ffffff":
            em["acc"] = dark
        sp["text"] = dict(s=text or "", c=rng.choice([c, dark, "#333333"]), y=0.8, h=0.13)
    elif tpl == "disc":
        sp["bg"] = dict(kind="solid", c1=rng.choice([white, light]))
        sp["plate"] = dict(shape=rng.choice(["circle", "rsq", "hex"]), c=c, r=rng.uniform(0.38, 0.44))
        em["r"] = sp["plate"]["r"] * rng.uniform(0.55, 0.65)
    elif tpl == "split":
        sp["bg"] = dict(kind="split", c1=c, c2=rng.choice([dark, light, hue_rotate(c, 30)]),
                        mode=rng.choice(["diag", "h", "v", "arc"]), pos=rng.uniform(0.45, 0.7))
    elif tpl == "band":
        sp["bg"] = dict(kind="solid", c1=rng.choice([c, white]))
        band_c = dark if sp["bg"]["c1"] == c else c
        sp["band"] = dict(c=band_c, y0=rng.uniform(0.7, 0.76))
        em.update(cy=0.38, r=rng.uniform(0.22, 0.26), fg="#ffffff" if sp["bg"]["c1"] == c else c)
        sp["text"] = dict(s=text or "", c="#ffffff", y=(sp["band"]["y0"] + 1) / 2, h=0.12)
    elif tpl == "frame":
        sp["bg"] = dict(kind="solid", c1=rng.choice([white, light, c]))
        fc = c if sp["bg"]["c1"] != c else "#ffffff"
        sp["frame"] = dict(c=fc, w=rng.uniform(0.025, 0.05), inset=rng.uniform(0.06, 0.12),
                           round=rng.uniform(0.1, 0.3), shape=rng.choice(["rsq", "circle"]))
        em.update(fg=fc, r=rng.uniform(0.24, 0.29))
    elif tpl == "glyph":
        sp["bg"] = dict(kind=rng.choice(["solid", "linear"]), c1=c, c2=dark, angle=rng.uniform(0, 360))
        em["kind"] = "letter"
        em["p"] = emblem_params(rng, "letter", letters)
        em["r"] = rng.uniform(0.32, 0.38)
    elif tpl == "corner_wave":
        sp["bg"] = dict(kind="solid", c1=rng.choice([c, white]))
        wc = dark if sp["bg"]["c1"] == c else c
        sp["deco"] = dict(kind=rng.choice(["wave", "corner", "dots"]), c=wc, c2=acc,
                          amp=rng.uniform(0.03, 0.07), y=rng.uniform(0.76, 0.84), ph=rng.uniform(0, 6.28),
                          corner=rng.choice(["tl", "tr", "bl", "br"]))
        em.update(cy=0.44, r=rng.uniform(0.24, 0.28), fg="#ffffff" if sp["bg"]["c1"] == c else c)
        if sp["deco"]["kind"] == "corner":
            em["cy"] = 0.5
    elif tpl == "bleed":
        sp["bg"] = dict(kind="solid", c1=c)
        em.update(cx=rng.uniform(0.56, 0.64), cy=rng.uniform(0.56, 0.64), r=rng.uniform(0.42, 0.5),
                  fg=mix(c, "#ffffff", rng.uniform(0.25, 1.0)))
    else:
        raise KeyError(tpl)
    return sp


# ---------------------------------------------------------------- rendering
def _bg(bg, W):
    c1 = rgb(bg["c1"])
    if bg["kind"] == "solid":
        return Image.new("RGB", (W, W), c1)
    c2 = rgb(bg.get("c2", bg["c1"]))
    if bg["kind"] == "split":
        img = Image.new("RGB", (W, W), c1)
        d = ImageDraw.Draw(img)
        mode, pos = bg["mode"], bg["pos"]
        if mode == "diag":
            e = 2 * pos * W
            if e <= W:
                d.polygon([(e, 0), (W, 0), (W, W), (0, W), (0, e)], fill=c2)
            else:
                d.polygon([(W, e - W), (W, W), (e - W, W)], fill=c2)
        elif mode == "h":
            d.rectangle([0, pos * W, W, W], fill=c2)
        elif mode == "v":
            d.rectangle([pos * W, 0, W, W], fill=c2)
        else:
            rr = (pos + 0.25) * W
            d.ellipse([W - rr, 1.15 * W - rr, W + rr, 1.15 * W + rr], fill=c2)
        return img
    n = 128
    yy, xx = np.mgrid[0:n, 0:n] / (n - 1)
    if bg["kind"] == "linear":
        a = math.radians(bg.get("angle", 90))
        t = ((xx - 0.5) * math.cos(a) + (yy - 0.5) * math.sin(a)) / 1.42 + 0.5
    else:  # radial
        t = np.hypot(xx - 0.35, yy - 0.3) / 0.95
    t = np.clip(t, 0, 1)[..., None]
    arr = np.array(c1, float) * (1 - t) + np.array(c2, float) * t
    return Image.fromarray(arr.astype(np.uint8), "RGB").resize((W, W), Image.BILINEAR)


def _paint(img, mask, colour):
    bb = mask.getbbox()
    if bb:
        img.paste(rgb(colour), bb, mask.crop(bb))


def render(spec, size=OUT, text_override=None):
    W = SS
    img = _bg(spec["bg"], W)
    d = spec.get("deco")
    if d:
        mk = Image.new("L", (W, W), 0)
        md = ImageDraw.Draw(mk)
        if d["kind"] == "wave":
            pts = [(x, W * d["y"] + W * d["amp"] * math.sin(d["ph"] + 2 * math.pi * x / W * 1.3)) for x in range(0, W + 8, 8)]
            md.polygon(pts + [(W, W), (0, W)], fill=255)
        elif d["kind"] == "dots":
            for i in range(7):
                circ(md, W * (0.08 + 0.14 * i), W * 0.9, W * 0.035, 255)
        else:
            cx = 0 if d["corner"] in ("tl", "bl") else W
            cy = 0 if d["corner"] in ("tl", "tr") else W
            circ(md, cx, cy, W * 0.3, 255)
        _paint(img, mk, d["c"])
    b = spec.get("band")
    if b:
        mk = Image.new("L", (W, W), 0)
        ImageDraw.Draw(mk).rectangle([0, W * b["y0"], W, W], fill=255)
        _paint(img, mk, b["c"])
    pl = spec.get("plate")
    if pl:
        mk = Image.new("L", (W, W), 0)
        md = ImageDraw.Draw(mk)
        r = W * pl["r"]
        if pl["shape"] == "circle":
            circ(md, W / 2, W / 2, r, 255)
        elif pl["shape"] == "hex":
            md.polygon(reg_poly(W / 2, W / 2, r * 1.05, 6, 30), fill=255)
        else:
            md.rounded_rectangle([W / 2 - r, W / 2 - r, W / 2 + r, W / 2 + r], radius=r * 0.3, fill=255)
        _paint(img, mk, pl["c"])
    fr = spec.get("frame")
    if fr:
        mk = Image.new("L", (W, W), 0)
        md = ImageDraw.Draw(mk)
        i0, i1 = W * fr["inset"], W * (1 - fr["inset"])
        t = W * fr["w"]
        if fr["shape"] == "circle":
            ring(md, W / 2, W / 2, (i1 - i0) / 2, t)
        else:
            md.rounded_rectangle([i0, i0, i1, i1], radius=(i1 - i0) * fr["round"], fill=255)
            md.rounded_rectangle([i0 + t, i0 + t, i1 - t, i1 - t], radius=max(1, (i1 - i0 - 2 * t) * fr["round"]), fill=0)
        _paint(img, mk, fr["c"])
    em = spec["em"]
    mm = Image.new("L", (W, W), 0)
    ma = Image.new("L", (W, W), 0)
    EMBLEMS[em["kind"]](ImageDraw.Draw(mm), ImageDraw.Draw(ma), W * em["cx"], W * em["cy"], W * em["r"], em["p"])
    _paint(img, mm, em["fg"])
    _paint(img, ma, em["acc"])
    tx = spec.get("text")
    if tx:
        s = tx["s"] if text_override is None else text_override
        if s:
            f = font(font_for(s), W * tx["h"])
            dr = ImageDraw.Draw(img)
            tw = dr.textlength(s, font=f)
            if tw > W * 0.86:
                f = font(font_for(s), W * tx["h"] * W * 0.86 / tw)
            dr.text((W / 2, W * tx["y"]), s, font=f, fill=rgb(tx["c"]), anchor="mm")
    img = img.reduce(SS // OUT)
    return img if size == OUT else img.resize((size, size), Image.LANCZOS)
