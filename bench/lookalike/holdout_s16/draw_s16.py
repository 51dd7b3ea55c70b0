"""Drawing: emblems, pictograms, icon templates and deformations (holdout_s16)."""
import io
import math
import os

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont, ImageOps

S = 256          # icon size
H = 512          # drawing size (2x supersampling)
INK = 255

_FONT_CACHE = {}
CJK_FONTS = ["/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
             "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"]
LAT_FONTS = ["/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"]


def _first(paths):
    for p in paths:
        if os.path.exists(p):
            return p
    raise SystemExit("font not found: %s" % paths)


def font(size, latin=False):
    path = _first(LAT_FONTS if latin else CJK_FONTS)
    key = (path, int(size))
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(path, int(size))
    return _FONT_CACHE[key]


def is_latin(text):
    return all(ord(ch) < 0x2E80 for ch in text)


def fit_font(text, max_w, max_h, latin=None):
    latin = is_latin(text) if latin is None else latin
    size = int(max_h)
    while size > 6:
        f = font(size, latin)
        b = f.getbbox(text)
        if b[2] - b[0] <= max_w and b[3] - b[1] <= max_h:
            return f
        size = int(size * 0.92)
    return font(6, latin)


def draw_text_centered(d, text, cx, cy, max_w, max_h, fill, latin=None):
    f = fit_font(text, max_w, max_h, latin)
    b = d.textbbox((0, 0), text, font=f)
    w, h = b[2] - b[0], b[3] - b[1]
    d.text((cx - w / 2 - b[0], cy - h / 2 - b[1]), text, font=f, fill=fill)


# ----------------------------------------------------------------------------- colours
def hexrgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(int(round(a[i] * (1 - t) + b[i] * t)) for i in range(3))


def hsv_rgb(h, s, v):
    import colorsys
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return (int(r * 255), int(g * 255), int(b * 255))


def rand_colour(R, s=(0.45, 0.95), v=(0.45, 0.95)):
    return hsv_rgb(R.random(), R.uniform(*s), R.uniform(*v))


# ----------------------------------------------------------------------------- backgrounds
def bg_solid(n, c):
    return Image.new("RGB", (n, n), tuple(c))


def bg_linear(n, c1, c2, angle_deg):
    a = math.radians(angle_deg)
    y, x = np.mgrid[0:n, 0:n].astype(np.float32) / max(n - 1, 1) - 0.5
    t = x * math.cos(a) + y * math.sin(a)
    t = (t - t.min()) / max(t.max() - t.min(), 1e-6)
    c1 = np.array(c1, np.float32)
    c2 = np.array(c2, np.float32)
    arr = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


def bg_radial(n, c1, c2):
    y, x = np.mgrid[0:n, 0:n].astype(np.float32) / max(n - 1, 1) - 0.5
    t = np.clip(np.sqrt(x * x + y * y) / 0.7071, 0, 1)
    c1 = np.array(c1, np.float32)
    c2 = np.array(c2, np.float32)
    arr = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


def random_bg(R, n):
    kind = R.choice(["solid", "solid", "linear", "linear", "radial"])
    c1 = rand_colour(R, s=(0.0, 0.9), v=(0.3, 1.0))
    if kind == "solid":
        return bg_solid(n, c1), {"bg": "solid", "bg_colour": "#%02x%02x%02x" % c1}
    c2 = rand_colour(R, s=(0.0, 0.9), v=(0.3, 1.0))
    if kind == "linear":
        ang = R.choice([0, 45, 90, 135, R.randint(0, 359)])
        return bg_linear(n, c1, c2, ang), {"bg": "linear", "bg_angle": ang}
    return bg_radial(n, c1, c2), {"bg": "radial"}


# ----------------------------------------------------------------------------- geometry helpers
def rotp(pts, ang, cx, cy):
    a = math.radians(ang)
    ca, sa = math.cos(a), math.sin(a)
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def circ(d, x, y, r, fill=INK):
    d.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def ring(d, x, y, r, w, fill=INK):
    d.ellipse((x - r, y - r, x + r, y + r), outline=fill, width=max(1, int(w)))


def lens(cx, cy, length, width, ang, n=24):
    """Pointed ellipse (leaf / petal) along angle ang."""
    pts = []
    for i in range(n + 1):
        t = -1 + 2 * i / n
        pts.append((cx + t * length / 2, cy - (1 - t * t) * width / 2))
    for i in range(n + 1):
        t = 1 - 2 * i / n
        pts.append((cx + t * length / 2, cy + (1 - t * t) * width / 2))
    return rotp(pts, ang, cx, cy)


def reg_poly(cx, cy, r, n, rot=-90):
    return [(cx + r * math.cos(math.radians(rot + 360 * i / n)), cy + r * math.sin(math.radians(rot + 360 * i / n)))
            for i in range(n)]


def star_pts(cx, cy, r, n, inner, rot=-90):
    pts = []
    for i in range(2 * n):
        rr = r if i % 2 == 0 else r * inner
        a = math.radians(rot + 180 * i / n)
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    return pts


def rrect(d, box, rad, fill=INK, outline=None, width=1):
    d.rounded_rectangle(box, radius=max(0, int(rad)), fill=fill, outline=outline, width=width)


# ----------------------------------------------------------------------------- emblems
def emblem(d, kind, cx, cy, r, v):
    """Draw emblem `kind` into an L mask (ink 255, holes 0).  v: dict of variant numbers in [0,1)."""
    a, b, c = v.get("a", 0.5), v.get("b", 0.5), v.get("c", 0.5)
    W = r * (0.16 + 0.06 * a)
    if kind == "coin_square":
        circ(d, cx, cy, r)
        h = r * (0.32 + 0.12 * a)
        d.rectangle((cx - h, cy - h, cx + h, cy + h), fill=0)
        ring(d, cx, cy, r * 0.82, r * 0.05, 0)
    elif kind == "ring_bar":
        ring(d, cx, cy, r * 0.85, W * 1.2)
        d.rectangle((cx - r, cy - r * 0.12, cx + r, cy + r * 0.12), fill=INK)
        d.rectangle((cx - r * 0.12, cy - r * 0.5, cx + r * 0.12, cy + r * 0.5), fill=INK)
    elif kind == "petals":
        n = 5 + int(a * 3)
        for i in range(n):
            ang = -90 + 360 * i / n
            px = cx + math.cos(math.radians(ang)) * r * 0.5
            py = cy + math.sin(math.radians(ang)) * r * 0.5
            d.polygon(lens(px, py, r * 0.95, r * 0.38, ang), fill=INK)
        circ(d, cx, cy, r * 0.16, 0)
    elif kind == "hexagon":
        d.polygon(reg_poly(cx, cy, r, 6, -90), outline=INK, width=int(W * 1.2))
        circ(d, cx, cy, r * 0.32)
    elif kind == "leaf":
        d.polygon(lens(cx, cy, r * 1.9, r * 0.95, -40 - 10 * a), fill=INK)
        p = rotp([(cx - r * 0.8, cy), (cx + r * 0.75, cy)], -40 - 10 * a, cx, cy)
        d.line(p, fill=0, width=int(r * 0.07))
        d.line([p[0], (p[0][0] - r * 0.15, p[0][1] + r * 0.25)], fill=INK, width=int(r * 0.1))
    elif kind == "star":
        d.polygon(star_pts(cx, cy, r, 5, 0.42 + 0.08 * a), fill=INK)
    elif kind == "s_curve":
        w = int(W * 1.3)
        rr = r * 0.5
        d.arc((cx - rr, cy - 2 * rr, cx + rr, cy), 90, 340, fill=INK, width=w)
        d.arc((cx - rr, cy, cx + rr, cy + 2 * rr), -90, 160, fill=INK, width=w)
    elif kind == "hook":
        pts = [(cx - r * 0.9, cy + r * 0.6), (cx - r * 0.2, cy - r * 0.9), (cx + r * 0.9, cy - r * 0.5),
               (cx + r * 0.2, cy - r * 0.35), (cx + r * 0.45, cy + r * 0.9), (cx - r * 0.1, cy + r * 0.1)]
        d.polygon(pts, fill=INK)
        circ(d, cx - r * 0.2, cy - r * 0.45, r * 0.1, 0)
    elif kind == "crescent":
        circ(d, cx, cy, r)
        circ(d, cx + r * (0.35 + 0.1 * a), cy - r * 0.2, r * 0.82, 0)
        circ(d, cx + r * 0.55, cy + r * 0.45, r * 0.16)
    elif kind == "bars":
        n = 4
        bw = r * 2 / (n * 1.45)
        for i in range(n):
            h = r * (0.55 + 1.35 * (i + 1) / n)
            x0 = cx - r + i * bw * 1.45
            d.rectangle((x0, cy + r - h, x0 + bw, cy + r), fill=INK)
    elif kind == "chevrons":
        w = int(W * 1.1)
        for i in range(3):
            y = cy - r * 0.55 + i * r * 0.55
            d.line([(cx - r * 0.85, y + r * 0.45), (cx, y - r * 0.2), (cx + r * 0.85, y + r * 0.45)], fill=INK,
                   width=w, joint="curve")
    elif kind == "swirl":
        pts = []
        for i in range(120):
            t = i / 119
            ang = t * (3.2 + a) * math.pi
            rr = r * (0.1 + 0.9 * t)
            pts.append((cx + rr * math.cos(ang), cy + rr * math.sin(ang)))
        d.line(pts, fill=INK, width=int(W), joint="curve")
    elif kind == "diamonds":
        for i, k in enumerate([1.0, 0.62, 0.26]):
            pts = reg_poly(cx, cy, r * k, 4, -90)
            if i < 2:
                d.polygon(pts, outline=INK, width=int(W * 0.8))
            else:
                d.polygon(pts, fill=INK)
    elif kind == "tri_cut":
        d.polygon([(cx - r * 0.7, cy - r), (cx + r, cy), (cx - r * 0.7, cy + r)], fill=INK)
        d.polygon([(cx - r * 0.7, cy - r * 0.35), (cx - r * 0.05, cy), (cx - r * 0.7, cy + r * 0.35)], fill=0)
    elif kind == "sun_rays":
        circ(d, cx, cy, r * 0.45)
        n = 8 + int(a * 5)
        for i in range(n):
            ang = math.radians(-90 + 360 * i / n)
            d.line([(cx + r * 0.62 * math.cos(ang), cy + r * 0.62 * math.sin(ang)),
                    (cx + r * math.cos(ang), cy + r * math.sin(ang))], fill=INK, width=int(W * 0.7))
    elif kind == "arc_dot":
        d.arc((cx - r * 0.85, cy - r * 0.85, cx + r * 0.85, cy + r * 0.85), 200, 110 + 360, fill=INK,
              width=int(W * 1.2))
        ang = math.radians(110)
        circ(d, cx + r * 0.85 * math.cos(ang), cy + r * 0.85 * math.sin(ang), r * 0.2)
        circ(d, cx, cy, r * 0.22)
    elif kind == "mountains":
        d.polygon([(cx - r, cy + r * 0.7), (cx - r * 0.25, cy - r * 0.8), (cx + r * 0.45, cy + r * 0.7)], fill=INK)
        d.polygon([(cx - r * 0.05, cy + r * 0.7), (cx + r * 0.5, cy - r * 0.15), (cx + r, cy + r * 0.7)], fill=INK)
        d.line([(cx - r * 0.05, cy + r * 0.7), (cx + r * 0.5, cy - r * 0.15)], fill=0, width=int(r * 0.06))
        circ(d, cx + r * 0.62, cy - r * 0.68, r * 0.2)
    elif kind == "dots_grid":
        skip = {(0, 2), (2, 0)} if a < 0.5 else {(0, 2)}
        for i in range(3):
            for j in range(3):
                if (i, j) in skip:
                    continue
                circ(d, cx + (j - 1) * r * 0.7, cy + (i - 1) * r * 0.7, r * 0.24)
    elif kind == "waves":
        for k in range(3):
            pts = []
            for i in range(60):
                t = i / 59
                x = cx - r + 2 * r * t
                y = cy + (k - 1) * r * 0.55 + math.sin(t * 2 * math.pi * 1.1 + 0.6) * r * 0.18
                pts.append((x, y))
            d.line(pts, fill=INK, width=int(W * 0.9), joint="curve")
    elif kind == "shield":
        pts = [(cx - r * 0.85, cy - r * 0.85), (cx + r * 0.85, cy - r * 0.85), (cx + r * 0.85, cy),
               (cx, cy + r), (cx - r * 0.85, cy)]
        d.polygon(pts, fill=INK)
        d.rectangle((cx - r * 0.12, cy - r * 0.65, cx + r * 0.12, cy + r * 0.6), fill=0)
        d.rectangle((cx - r * 0.55, cy - r * 0.3, cx + r * 0.55, cy - r * 0.08), fill=0)
    elif kind == "flag":
        d.rectangle((cx - r * 0.8, cy - r, cx - r * 0.62, cy + r), fill=INK)
        pts = []
        for i in range(30):
            t = i / 29
            pts.append((cx - r * 0.62 + t * r * 1.55, cy - r * 0.9 + math.sin(t * math.pi * 2) * r * 0.12))
        for i in range(30):
            t = 1 - i / 29
            pts.append((cx - r * 0.62 + t * r * 1.55, cy - r * 0.1 + math.sin(t * math.pi * 2) * r * 0.12))
        d.polygon(pts, fill=INK)
    elif kind == "cross_circle":
        ring(d, cx, cy, r, W)
        d.rectangle((cx - r * 0.15, cy - r * 0.62, cx + r * 0.15, cy + r * 0.62), fill=INK)
        d.rectangle((cx - r * 0.62, cy - r * 0.15, cx + r * 0.62, cy + r * 0.15), fill=INK)
    elif kind == "coin_ring":
        ring(d, cx, cy, r, W * 0.6)
        circ(d, cx, cy, r * 0.7)
        for i in range(4):
            ang = math.radians(45 + 90 * i)
            circ(d, cx + r * 0.38 * math.cos(ang), cy + r * 0.38 * math.sin(ang), r * 0.1, 0)
    elif kind == "bird":
        body = [(cx - r, cy + r * 0.1), (cx - r * 0.2, cy - r * 0.35), (cx + r * 0.45, cy - r * 0.55),
                (cx + r, cy - r * 0.35), (cx + r * 0.55, cy - r * 0.2), (cx + r * 0.2, cy + r * 0.45),
                (cx - r * 0.5, cy + r * 0.55)]
        d.polygon(body, fill=INK)
        d.polygon([(cx - r * 0.3, cy - r * 0.1), (cx + r * 0.05, cy - r * 1.0), (cx + r * 0.2, cy - r * 0.3)],
                  fill=INK)
        circ(d, cx + r * 0.55, cy - r * 0.4, r * 0.07, 0)
    elif kind == "key":
        ring(d, cx - r * 0.5, cy, r * 0.45, W * 1.1)
        d.rectangle((cx - r * 0.1, cy - r * 0.1, cx + r, cy + r * 0.1), fill=INK)
        d.rectangle((cx + r * 0.55, cy, cx + r * 0.72, cy + r * 0.45), fill=INK)
        d.rectangle((cx + r * 0.82, cy, cx + r, cy + r * 0.32), fill=INK)
    elif kind == "stripes":
        for i in range(3):
            x0 = cx - r + i * r * 0.68
            d.polygon([(x0 + r * 0.25, cy - r * 0.8), (x0 + r * 0.75, cy - r * 0.8), (x0 + r * 0.5, cy + r * 0.8),
                       (x0, cy + r * 0.8)], fill=INK)
    elif kind == "globe":
        ring(d, cx, cy, r, W * 0.7)
        d.ellipse((cx - r * 0.45, cy - r, cx + r * 0.45, cy + r), outline=INK, width=int(W * 0.6))
        for yy in (-0.45, 0.0, 0.45):
            half = r * math.sqrt(max(0.0, 1 - yy * yy))
            d.line([(cx - half, cy + yy * r), (cx + half, cy + yy * r)], fill=INK, width=int(W * 0.5))
    elif kind == "sail":
        d.rectangle((cx - r * 0.05, cy - r, cx + r * 0.05, cy + r * 0.55), fill=INK)
        d.polygon([(cx - r * 0.12, cy - r * 0.9), (cx - r * 0.12, cy + r * 0.45), (cx - r * 0.95, cy + r * 0.45)],
                  fill=INK)
        d.polygon([(cx + r * 0.12, cy - r * 0.5), (cx + r * 0.12, cy + r * 0.45), (cx + r * 0.6, cy + r * 0.45)],
                  fill=INK)
        d.polygon([(cx - r, cy + r * 0.6), (cx + r, cy + r * 0.6), (cx + r * 0.7, cy + r), (cx - r * 0.75, cy + r)],
                  fill=INK)
    elif kind == "arrow_up":
        w = int(W * 1.3)
        d.line([(cx - r * 0.75, cy + r * 0.75), (cx + r * 0.45, cy - r * 0.45)], fill=INK, width=w)
        d.polygon([(cx + r * 0.9, cy - r * 0.9), (cx + r * 0.05, cy - r * 0.75), (cx + r * 0.75, cy - r * 0.05)],
                  fill=INK)
        d.rectangle((cx - r * 0.95, cy + r * 0.85, cx + r * 0.95, cy + r * 0.97), fill=INK)
    elif kind == "pie":
        d.pieslice((cx - r * 0.9, cy - r * 0.85, cx + r * 0.9, cy + r * 0.95), 0, 290, fill=INK)
        off = r * 0.18
        d.pieslice((cx - r * 0.9 + off, cy - r * 0.85 - off, cx + r * 0.9 + off, cy + r * 0.95 - off), 290, 360,
                   fill=INK)
    elif kind == "tower":
        d.rectangle((cx - r * 0.25, cy - r * 0.2, cx + r * 0.25, cy + r), fill=INK)
        d.polygon([(cx - r * 0.55, cy + r), (cx + r * 0.55, cy + r), (cx + r * 0.25, cy + r * 0.6),
                   (cx - r * 0.25, cy + r * 0.6)], fill=INK)
        circ(d, cx, cy - r * 0.38, r * 0.3)
        d.rectangle((cx - r * 0.04, cy - r, cx + r * 0.04, cy - r * 0.5), fill=INK)
        circ(d, cx, cy - r * 0.38, r * 0.12, 0)
    elif kind == "knot":
        ring(d, cx - r * 0.42, cy, r * 0.55, W * 0.9)
        ring(d, cx + r * 0.42, cy, r * 0.55, W * 0.9)
    elif kind == "sprout":
        d.line([(cx, cy + r), (cx, cy - r * 0.1)], fill=INK, width=int(W * 0.7))
        d.polygon(lens(cx + r * 0.45, cy - r * 0.35, r * 1.0, r * 0.5, -30), fill=INK)
        d.polygon(lens(cx - r * 0.3, cy - r * 0.05, r * 0.62, r * 0.32, 25), fill=INK)
    elif kind == "umbrella":
        d.pieslice((cx - r, cy - r * 0.9, cx + r, cy + r * 0.9), 180, 360, fill=INK)
        d.rectangle((cx - r * 0.05, cy, cx + r * 0.05, cy + r * 0.75), fill=INK)
        d.arc((cx - r * 0.35, cy + r * 0.5, cx + r * 0.05, cy + r * 0.95), 0, 180, fill=INK, width=int(r * 0.1))
    elif kind == "quill":
        d.polygon(lens(cx + r * 0.15, cy - r * 0.15, r * 1.7, r * 0.55, -55), fill=INK)
        p = rotp([(cx - r * 0.55, cy), (cx + r * 0.7, cy)], -55, cx + r * 0.15, cy - r * 0.15)
        d.line(p, fill=0, width=int(r * 0.05))
        d.line([(cx - r * 0.35, cy + r * 0.5), (cx - r * 0.7, cy + r * 0.95)], fill=INK, width=int(r * 0.09))
    elif kind == "gate":
        d.rectangle((cx - r * 0.85, cy - r * 0.7, cx + r * 0.85, cy + r * 0.9), fill=INK)
        d.rectangle((cx - r * 0.45, cy - r * 0.05, cx + r * 0.45, cy + r * 0.9), fill=0)
        circ(d, cx, cy - r * 0.05, r * 0.45, 0)
        d.polygon([(cx - r, cy - r * 0.7), (cx, cy - r * 1.05), (cx + r, cy - r * 0.7)], fill=INK)
    elif kind == "spark":
        d.polygon(star_pts(cx - r * 0.12, cy + r * 0.1, r * 0.88, 4, 0.3), fill=INK)
        d.polygon(star_pts(cx + r * 0.68, cy - r * 0.7, r * 0.3, 4, 0.3), fill=INK)
    elif kind == "pinwheel":
        for i in range(4):
            pts = [(cx, cy), (cx + r, cy), (cx + r * 0.35, cy - r * 0.7)]
            d.polygon(rotp(pts, 90 * i, cx, cy), fill=INK)
    elif kind == "link":
        w = int(W * 0.9)
        for dx, dy in ((-0.3, -0.3), (0.3, 0.3)):
            box = [cx + dx * r - r * 0.6, cy + dy * r - r * 0.32, cx + dx * r + r * 0.6, cy + dy * r + r * 0.32]
            pts = rotp([(box[0], box[1]), (box[2], box[1]), (box[2], box[3]), (box[0], box[3])], 0, cx, cy)
            rrect(d, box, r * 0.3, fill=None, outline=INK, width=w)
        d.line([(cx - r * 0.9, cy + r * 0.8), (cx - r * 0.35, cy + r * 0.8)], fill=INK, width=w)
    elif kind == "bud":
        d.polygon(lens(cx, cy - r * 0.25, r * 1.2, r * 0.7, 90), fill=INK)
        d.polygon(lens(cx - r * 0.35, cy - r * 0.15, r * 1.0, r * 0.45, 70), fill=INK)
        d.polygon(lens(cx + r * 0.35, cy - r * 0.15, r * 1.0, r * 0.45, 110), fill=INK)
        d.rectangle((cx - r * 0.06, cy + r * 0.3, cx + r * 0.06, cy + r), fill=INK)
    elif kind == "bridge":
        d.rectangle((cx - r, cy - r * 0.2, cx + r, cy), fill=INK)
        d.arc((cx - r * 0.8, cy - r * 0.9, cx + r * 0.8, cy + r * 0.7), 180, 360, fill=INK, width=int(W * 0.7))
        for k in (-0.7, -0.25, 0.25, 0.7):
            d.rectangle((cx + k * r - r * 0.07, cy, cx + k * r + r * 0.07, cy + r * 0.85), fill=INK)
    elif kind == "car":
        body = [(cx - r, cy + r * 0.35), (cx - r, cy - r * 0.05), (cx - r * 0.55, cy - r * 0.15),
                (cx - r * 0.25, cy - r * 0.6), (cx + r * 0.35, cy - r * 0.6), (cx + r * 0.7, cy - r * 0.15),
                (cx + r, cy - r * 0.05), (cx + r, cy + r * 0.35)]
        d.polygon(body, fill=INK)
        d.polygon([(cx - r * 0.15, cy - r * 0.5), (cx + r * 0.3, cy - r * 0.5), (cx + r * 0.55, cy - r * 0.18),
                   (cx - r * 0.15, cy - r * 0.18)], fill=0)
        for x in (-0.55, 0.55):
            circ(d, cx + x * r, cy + r * 0.4, r * 0.26, 0)
            circ(d, cx + x * r, cy + r * 0.4, r * 0.18)
    elif kind == "lantern":
        d.ellipse((cx - r * 0.75, cy - r * 0.6, cx + r * 0.75, cy + r * 0.6), fill=INK)
        d.rectangle((cx - r * 0.35, cy - r * 0.8, cx + r * 0.35, cy - r * 0.55), fill=INK)
        d.rectangle((cx - r * 0.35, cy + r * 0.55, cx + r * 0.35, cy + r * 0.8), fill=INK)
        d.line([(cx, cy + r * 0.8), (cx, cy + r)], fill=INK, width=int(r * 0.1))
        d.line([(cx, cy - r * 0.8), (cx, cy - r)], fill=INK, width=int(r * 0.06))
        for k in (-0.35, 0.35):
            d.line([(cx + k * r, cy - r * 0.55), (cx + k * r, cy + r * 0.55)], fill=0, width=int(r * 0.05))
    elif kind == "card":
        rrect(d, (cx - r, cy - r * 0.65, cx + r, cy + r * 0.65), r * 0.15)
        d.rectangle((cx - r * 0.75, cy - r * 0.3, cx - r * 0.3, cy + r * 0.05), fill=0)
        d.rectangle((cx - r * 0.75, cy + r * 0.3, cx + r * 0.1, cy + r * 0.42), fill=0)
        circ(d, cx + r * 0.6, cy + r * 0.3, r * 0.15, 0)
    elif kind == "eye":
        d.polygon(lens(cx, cy, r * 2.0, r * 1.05, 0), fill=INK)
        circ(d, cx + r * 0.22, cy, r * 0.38, 0)
        circ(d, cx + r * 0.28, cy, r * 0.18)
    elif kind == "wheat":
        d.line([(cx, cy + r), (cx, cy - r * 0.9)], fill=INK, width=int(r * 0.08))
        for i in range(4):
            y = cy - r * 0.7 + i * r * 0.38
            d.polygon(lens(cx - r * 0.22, y, r * 0.5, r * 0.22, 35), fill=INK)
            d.polygon(lens(cx + r * 0.22, y, r * 0.5, r * 0.22, -35), fill=INK)
    # extra kinds (unprotected institutions only)
    elif kind == "drop":
        circ(d, cx, cy + r * 0.3, r * 0.65)
        d.polygon([(cx - r * 0.6, cy + r * 0.1), (cx, cy - r), (cx + r * 0.6, cy + r * 0.1)], fill=INK)
    elif kind == "pentagon":
        d.polygon(reg_poly(cx, cy, r, 5), outline=INK, width=int(W))
        d.polygon(reg_poly(cx, cy, r * 0.35, 5, 90), fill=INK)
    elif kind == "ring_dot":
        ring(d, cx, cy, r * 0.8, W)
        circ(d, cx + r * 0.35, cy - r * 0.3, r * 0.25)
    elif kind == "tri_stack":
        for i in range(3):
            y = cy - r + i * r * 0.62
            d.polygon([(cx - r * 0.8, y + r * 0.55), (cx, y), (cx + r * 0.8, y + r * 0.55)], fill=INK)
    elif kind == "double_arc":
        d.arc((cx - r, cy - r, cx + r, cy + r), 60, 300, fill=INK, width=int(W))
        d.arc((cx - r * 0.55, cy - r * 0.55, cx + r * 0.55, cy + r * 0.55), 60, 300, fill=INK, width=int(W))
    elif kind == "arrow_circle":
        d.arc((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), 30, 320, fill=INK, width=int(W))
        d.polygon([(cx + r * 0.95, cy - r * 0.55), (cx + r * 0.3, cy - r * 0.6), (cx + r * 0.8, cy - r * 0.05)],
                  fill=INK)
    elif kind == "hourglass":
        d.polygon([(cx - r * 0.7, cy - r), (cx + r * 0.7, cy - r), (cx, cy), (cx + r * 0.7, cy + r),
                   (cx - r * 0.7, cy + r), (cx, cy)], fill=INK)
    elif kind == "crown":
        d.polygon([(cx - r, cy + r * 0.5), (cx - r, cy - r * 0.5), (cx - r * 0.5, cy), (cx, cy - r * 0.8),
                   (cx + r * 0.5, cy), (cx + r, cy - r * 0.5), (cx + r, cy + r * 0.5)], fill=INK)
        d.rectangle((cx - r, cy + r * 0.62, cx + r, cy + r * 0.82), fill=INK)
    elif kind == "tree":
        d.polygon([(cx - r * 0.85, cy + r * 0.45), (cx, cy - r), (cx + r * 0.85, cy + r * 0.45)], fill=INK)
        d.rectangle((cx - r * 0.13, cy + r * 0.4, cx + r * 0.13, cy + r), fill=INK)
    elif kind == "bell":
        d.pieslice((cx - r * 0.7, cy - r * 0.9, cx + r * 0.7, cy + r * 0.5), 180, 360, fill=INK)
        d.rectangle((cx - r * 0.7, cy - r * 0.2, cx + r * 0.7, cy + r * 0.5), fill=INK)
        d.rectangle((cx - r * 0.95, cy + r * 0.45, cx + r * 0.95, cy + r * 0.62), fill=INK)
        circ(d, cx, cy + r * 0.8, r * 0.17)
    elif kind == "columns":
        d.polygon([(cx - r, cy - r * 0.45), (cx, cy - r), (cx + r, cy - r * 0.45)], fill=INK)
        d.rectangle((cx - r * 0.9, cy + r * 0.75, cx + r * 0.9, cy + r * 0.95), fill=INK)
        for k in (-0.65, -0.22, 0.22, 0.65):
            d.rectangle((cx + k * r - r * 0.11, cy - r * 0.35, cx + k * r + r * 0.11, cy + r * 0.7), fill=INK)
    elif kind == "ingot":
        d.pieslice((cx - r, cy - r * 0.9, cx + r, cy + r * 0.9), 0, 180, fill=INK)
        d.ellipse((cx - r * 0.45, cy - r * 0.55, cx + r * 0.45, cy + r * 0.2), fill=INK)
        d.polygon([(cx - r, cy), (cx - r * 0.75, cy - r * 0.35), (cx - r * 0.45, cy)], fill=INK)
        d.polygon([(cx + r, cy), (cx + r * 0.75, cy - r * 0.35), (cx + r * 0.45, cy)], fill=INK)
    elif kind == "coin_stack":
        for i in range(4):
            y = cy + r * 0.7 - i * r * 0.38
            d.ellipse((cx - r * 0.8, y - r * 0.22, cx + r * 0.8, y + r * 0.22), fill=INK)
            d.arc((cx - r * 0.8, y - r * 0.22, cx + r * 0.8, y + r * 0.22), 0, 180, fill=0, width=int(r * 0.05))
    elif kind == "cube":
        top = [(cx, cy - r), (cx + r * 0.87, cy - r * 0.5), (cx, cy), (cx - r * 0.87, cy - r * 0.5)]
        d.polygon(top, fill=INK)
        d.polygon([(cx - r * 0.87, cy - r * 0.35), (cx - r * 0.08, cy + r * 0.1), (cx - r * 0.08, cy + r),
                   (cx - r * 0.87, cy + r * 0.5)], fill=INK)
        d.polygon([(cx + r * 0.87, cy - r * 0.35), (cx + r * 0.08, cy + r * 0.1), (cx + r * 0.08, cy + r),
                   (cx + r * 0.87, cy + r * 0.5)], outline=INK, width=int(r * 0.1))
    elif kind == "square_ring":
        d.rectangle((cx - r * 0.85, cy - r * 0.85, cx + r * 0.85, cy + r * 0.85), outline=INK, width=int(W))
        d.rectangle((cx - r * 0.3, cy - r * 0.3, cx + r * 0.3, cy + r * 0.3), fill=INK)
    else:
        raise ValueError(kind)


EXTRA_EMBLEMS = ["drop", "pentagon", "ring_dot", "tri_stack", "double_arc", "arrow_circle", "hourglass",
                 "crown", "tree", "bell", "columns", "ingot", "coin_stack", "cube", "square_ring"]


# ----------------------------------------------------------------------------- pictograms (ordinary apps)
def pict(d, kind, cx, cy, r):
    W = r * 0.14
    if kind == "cloud_sun":
        circ(d, cx + r * 0.35, cy - r * 0.35, r * 0.42)
        circ(d, cx + r * 0.35, cy - r * 0.35, r * 0.3, 0)
        circ(d, cx + r * 0.35, cy - r * 0.35, r * 0.22)
        circ(d, cx - r * 0.35, cy + r * 0.15, r * 0.4)
        circ(d, cx + r * 0.15, cy + r * 0.05, r * 0.48)
        rrect(d, (cx - r * 0.85, cy + r * 0.1, cx + r * 0.75, cy + r * 0.55), r * 0.22)
    elif kind == "flashlight":
        d.polygon([(cx - r * 0.55, cy - r), (cx + r * 0.55, cy - r), (cx + r * 0.3, cy - r * 0.35),
                   (cx - r * 0.3, cy - r * 0.35)], fill=INK)
        rrect(d, (cx - r * 0.3, cy - r * 0.35, cx + r * 0.3, cy + r), r * 0.1)
        circ(d, cx, cy + r * 0.15, r * 0.1, 0)
    elif kind == "cart":
        d.line([(cx - r, cy - r * 0.7), (cx - r * 0.65, cy - r * 0.7), (cx - r * 0.35, cy + r * 0.35),
                (cx + r * 0.75, cy + r * 0.35), (cx + r * 0.95, cy - r * 0.4), (cx - r * 0.5, cy - r * 0.4)],
               fill=INK, width=int(W), joint="curve")
        circ(d, cx - r * 0.25, cy + r * 0.72, r * 0.16)
        circ(d, cx + r * 0.6, cy + r * 0.72, r * 0.16)
    elif kind == "bag":
        rrect(d, (cx - r * 0.8, cy - r * 0.4, cx + r * 0.8, cy + r), r * 0.15)
        d.arc((cx - r * 0.45, cy - r * 0.95, cx + r * 0.45, cy + r * 0.05), 180, 360, fill=INK, width=int(W))
    elif kind == "gamepad":
        rrect(d, (cx - r, cy - r * 0.5, cx + r, cy + r * 0.55), r * 0.45)
        d.rectangle((cx - r * 0.7, cy - r * 0.06, cx - r * 0.3, cy + r * 0.06), fill=0)
        d.rectangle((cx - r * 0.56, cy - r * 0.2, cx - r * 0.44, cy + r * 0.2), fill=0)
        circ(d, cx + r * 0.45, cy - r * 0.1, r * 0.1, 0)
        circ(d, cx + r * 0.65, cy + r * 0.12, r * 0.1, 0)
    elif kind == "play":
        d.polygon([(cx - r * 0.55, cy - r * 0.8), (cx + r * 0.8, cy), (cx - r * 0.55, cy + r * 0.8)], fill=INK)
    elif kind == "music":
        circ(d, cx - r * 0.45, cy + r * 0.6, r * 0.3)
        circ(d, cx + r * 0.55, cy + r * 0.4, r * 0.3)
        d.rectangle((cx - r * 0.2, cy - r * 0.8, cx - r * 0.08, cy + r * 0.6), fill=INK)
        d.rectangle((cx + r * 0.8, cy - r, cx + r * 0.92, cy + r * 0.4), fill=INK)
        d.polygon([(cx - r * 0.2, cy - r * 0.8), (cx + r * 0.92, cy - r), (cx + r * 0.92, cy - r * 0.7),
                   (cx - r * 0.2, cy - r * 0.5)], fill=INK)
    elif kind == "camera":
        rrect(d, (cx - r, cy - r * 0.55, cx + r, cy + r * 0.75), r * 0.2)
        d.rectangle((cx - r * 0.35, cy - r * 0.8, cx + r * 0.35, cy - r * 0.5), fill=INK)
        circ(d, cx, cy + r * 0.1, r * 0.45, 0)
        circ(d, cx, cy + r * 0.1, r * 0.28)
    elif kind == "chat":
        rrect(d, (cx - r, cy - r * 0.75, cx + r, cy + r * 0.45), r * 0.35)
        d.polygon([(cx - r * 0.5, cy + r * 0.3), (cx - r * 0.6, cy + r), (cx - r * 0.05, cy + r * 0.35)], fill=INK)
        for k in (-0.45, 0, 0.45):
            circ(d, cx + k * r, cy - r * 0.15, r * 0.1, 0)
    elif kind == "pin":
        circ(d, cx, cy - r * 0.3, r * 0.65)
        d.polygon([(cx - r * 0.55, cy), (cx, cy + r), (cx + r * 0.55, cy)], fill=INK)
        circ(d, cx, cy - r * 0.3, r * 0.25, 0)
    elif kind == "calculator":
        rrect(d, (cx - r * 0.72, cy - r, cx + r * 0.72, cy + r), r * 0.15)
        d.rectangle((cx - r * 0.5, cy - r * 0.78, cx + r * 0.5, cy - r * 0.4), fill=0)
        for i in range(3):
            for j in range(3):
                d.rectangle((cx - r * 0.5 + j * r * 0.36, cy - r * 0.2 + i * r * 0.38,
                             cx - r * 0.5 + j * r * 0.36 + r * 0.26, cy - r * 0.2 + i * r * 0.38 + r * 0.26), fill=0)
    elif kind == "yen":
        w = int(W * 1.1)
        d.line([(cx - r * 0.6, cy - r * 0.9), (cx, cy - r * 0.1), (cx + r * 0.6, cy - r * 0.9)], fill=INK, width=w)
        d.line([(cx, cy - r * 0.1), (cx, cy + r * 0.95)], fill=INK, width=w)
        d.line([(cx - r * 0.5, cy + r * 0.05), (cx + r * 0.5, cy + r * 0.05)], fill=INK, width=int(w * 0.8))
        d.line([(cx - r * 0.5, cy + r * 0.4), (cx + r * 0.5, cy + r * 0.4)], fill=INK, width=int(w * 0.8))
    elif kind == "chart_line":
        d.line([(cx - r * 0.9, cy - r * 0.9), (cx - r * 0.9, cy + r * 0.9), (cx + r * 0.95, cy + r * 0.9)],
               fill=INK, width=int(W * 0.8))
        d.line([(cx - r * 0.7, cy + r * 0.5), (cx - r * 0.25, cy - r * 0.05), (cx + r * 0.1, cy + r * 0.25),
                (cx + r * 0.75, cy - r * 0.6)], fill=INK, width=int(W), joint="curve")
    elif kind == "ledger":
        rrect(d, (cx - r * 0.75, cy - r, cx + r * 0.75, cy + r), r * 0.1)
        d.rectangle((cx - r * 0.6, cy - r, cx - r * 0.45, cy + r), fill=0)
        for k in (-0.5, -0.1, 0.3):
            d.rectangle((cx - r * 0.25, cy + k * r, cx + r * 0.55, cy + k * r + r * 0.12), fill=0)
    elif kind == "house":
        d.polygon([(cx - r, cy - r * 0.05), (cx, cy - r * 0.95), (cx + r, cy - r * 0.05)], fill=INK)
        d.rectangle((cx - r * 0.7, cy - r * 0.1, cx + r * 0.7, cy + r * 0.9), fill=INK)
        d.rectangle((cx - r * 0.18, cy + r * 0.35, cx + r * 0.18, cy + r * 0.9), fill=0)
    elif kind == "percent":
        circ(d, cx - r * 0.5, cy - r * 0.5, r * 0.3)
        circ(d, cx + r * 0.5, cy + r * 0.5, r * 0.3)
        d.line([(cx + r * 0.7, cy - r * 0.85), (cx - r * 0.7, cy + r * 0.85)], fill=INK, width=int(W))
    elif kind == "calendar":
        rrect(d, (cx - r * 0.9, cy - r * 0.75, cx + r * 0.9, cy + r * 0.9), r * 0.15)
        d.rectangle((cx - r * 0.75, cy - r * 0.35, cx + r * 0.75, cy + r * 0.75), fill=0)
        d.rectangle((cx - r * 0.5, cy - r, cx - r * 0.35, cy - r * 0.55), fill=INK)
        d.rectangle((cx + r * 0.35, cy - r, cx + r * 0.5, cy - r * 0.55), fill=INK)
        draw_text_centered(d, "17", cx, cy + r * 0.2, r * 1.2, r * 0.8, INK, latin=True)
    elif kind == "clock":
        ring(d, cx, cy, r * 0.9, W)
        d.line([(cx, cy), (cx, cy - r * 0.6)], fill=INK, width=int(W * 0.8))
        d.line([(cx, cy), (cx + r * 0.45, cy + r * 0.2)], fill=INK, width=int(W * 0.8))
    elif kind == "heart":
        circ(d, cx - r * 0.42, cy - r * 0.3, r * 0.5)
        circ(d, cx + r * 0.42, cy - r * 0.3, r * 0.5)
        d.polygon([(cx - r * 0.9, cy - r * 0.1), (cx, cy + r * 0.9), (cx + r * 0.9, cy - r * 0.1)], fill=INK)
    elif kind == "lightning":
        d.polygon([(cx + r * 0.15, cy - r), (cx - r * 0.6, cy + r * 0.15), (cx - r * 0.05, cy + r * 0.15),
                   (cx - r * 0.2, cy + r), (cx + r * 0.6, cy - r * 0.2), (cx + r * 0.05, cy - r * 0.2)], fill=INK)
    elif kind == "magnifier":
        ring(d, cx - r * 0.2, cy - r * 0.2, r * 0.55, W)
        d.line([(cx + r * 0.2, cy + r * 0.2), (cx + r * 0.85, cy + r * 0.85)], fill=INK, width=int(W * 1.4))
    elif kind == "ball":
        circ(d, cx, cy, r * 0.9)
        d.arc((cx - r * 1.6, cy - r * 0.9, cx + r * 0.2, cy + r * 0.9), -40, 40, fill=0, width=int(r * 0.08))
        d.arc((cx - r * 0.2, cy - r * 0.9, cx + r * 1.6, cy + r * 0.9), 140, 220, fill=0, width=int(r * 0.08))
        d.line([(cx - r * 0.9, cy), (cx + r * 0.9, cy)], fill=0, width=int(r * 0.08))
    elif kind == "brush":
        d.polygon(rotp([(cx - r * 0.12, cy - r), (cx + r * 0.12, cy - r), (cx + r * 0.12, cy + r * 0.2),
                        (cx - r * 0.12, cy + r * 0.2)], 35, cx, cy), fill=INK)
        d.polygon(rotp([(cx - r * 0.25, cy + r * 0.25), (cx + r * 0.25, cy + r * 0.25), (cx, cy + r)], 35, cx, cy),
                  fill=INK)
    elif kind == "wifi":
        for k in (0.95, 0.65, 0.35):
            d.arc((cx - r * k, cy - r * k + r * 0.4, cx + r * k, cy + r * k + r * 0.4), 225, 315, fill=INK,
                  width=int(W))
        circ(d, cx, cy + r * 0.55, r * 0.13)
    elif kind == "book":
        d.polygon([(cx - r, cy - r * 0.7), (cx - r * 0.05, cy - r * 0.5), (cx - r * 0.05, cy + r * 0.85),
                   (cx - r, cy + r * 0.65)], fill=INK)
        d.polygon([(cx + r, cy - r * 0.7), (cx + r * 0.05, cy - r * 0.5), (cx + r * 0.05, cy + r * 0.85),
                   (cx + r, cy + r * 0.65)], fill=INK)
    else:
        raise ValueError(kind)


PICTS_ORDINARY = ["cloud_sun", "flashlight", "cart", "bag", "gamepad", "play", "music", "camera", "chat", "pin",
                  "calendar", "clock", "heart", "lightning", "magnifier", "ball", "brush", "wifi", "book"]
PICTS_FINANCE = ["calculator", "yen", "chart_line", "ledger", "house", "percent", "calendar"]


# ----------------------------------------------------------------------------- icon templates
def _mask():
    m = Image.new("L", (H, H), 0)
    return m, ImageDraw.Draw(m)


def _paint(base, mask, colour):
    layer = Image.new("RGB", base.size, tuple(colour))
    return Image.composite(layer, base, mask)


def draw_mark(d, mark, cx, cy, r, v):
    """mark: ('emblem', kind) or ('pict', kind)."""
    if mark[0] == "emblem":
        emblem(d, mark[1], cx, cy, r, v)
    else:
        pict(d, mark[1], cx, cy, r)


def make_icon(template, mark, c1, c2, text=None, v=None):
    """Draw one icon (S x S RGB).  mark may be None for text-only templates."""
    v = v or {}
    a = v.get("a", 0.5)
    c1 = tuple(c1)
    c2 = tuple(c2)
    white = (255, 255, 255)
    if template == "disc_gradient":
        img = bg_linear(H, mix(c1, white, 0.15), c2, 60 + 60 * a)
        m, d = _mask()
        circ(d, H / 2, H / 2, H * (0.37 + 0.05 * v.get("b", 0.5)))
        img = _paint(img, m, (255, 255, 255))
        m, d = _mask()
        draw_mark(d, mark, H / 2, H / 2, H * 0.235, v)
        img = _paint(img, m, c1)
    elif template == "square_on_white":
        img = bg_solid(H, (255, 255, 255) if a < 0.6 else (246, 246, 244))
        m, d = _mask()
        mg = H * (0.12 + 0.05 * v.get("b", 0.5))
        rrect(d, (mg, mg, H - mg, H - mg), H * (0.12 + 0.12 * a))
        img = Image.composite(bg_linear(H, c1, c2, 90), img, m)
        m, d = _mask()
        draw_mark(d, mark, H / 2, H / 2, H * 0.23, v)
        img = _paint(img, m, white)
    elif template == "initials_flat":
        img = bg_solid(H, c1)
        d = ImageDraw.Draw(img)
        txt = text or "?"
        lat = is_latin(txt)
        mw = H * (0.78 if lat else 0.7)
        mh = H * (0.36 if lat else (0.5 if len(txt) == 1 else 0.36))
        draw_text_centered(d, txt, H / 2, H * 0.5, mw, mh, white)
        if v.get("b", 0.5) > 0.5:
            d.rectangle((H * 0.3, H * 0.76, H * 0.7, H * 0.79), fill=mix(c1, white, 0.6))
    elif template == "thin_rings":
        bg = (255, 255, 255) if a < 0.5 else mix(c1, white, 0.93)
        img = bg_solid(H, bg)
        m, d = _mask()
        n = 2 + int(v.get("b", 0.5) * 2)
        for i in range(n):
            ring(d, H / 2, H / 2, H * (0.44 - 0.055 * i), H * (0.012 + 0.008 * v.get("c", 0.5)))
        draw_mark(d, mark, H / 2, H / 2, H * 0.2, v)
        img = _paint(img, m, c1)
    elif template == "full_emblem":
        img = bg_linear(H, c1, mix(c1, c2, 0.5), 90) if a > 0.5 else bg_solid(H, c1)
        m, d = _mask()
        draw_mark(d, mark, H / 2, H / 2, H * 0.31, v)
        img = _paint(img, m, white)
    elif template == "split_diag":
        img = bg_solid(H, c1)
        m, d = _mask()
        k = 0.35 + 0.3 * a
        d.polygon([(H * k, H), (H, H * (k - 0.2)), (H, H)], fill=INK)
        img = _paint(img, m, c2)
        m, d = _mask()
        draw_mark(d, mark, H / 2, H / 2, H * 0.28, v)
        img = _paint(img, m, white)
    elif template == "emblem_text":
        img = bg_solid(H, (255, 255, 255))
        m, d = _mask()
        draw_mark(d, mark, H / 2, H * 0.38, H * 0.2, v)
        img = _paint(img, m, c1)
        d = ImageDraw.Draw(img)
        draw_text_centered(d, text or "", H / 2, H * 0.78, H * 0.82, H * 0.16, c1)
    elif template == "emblem_latin":
        img = bg_linear(H, c1, c2, 90)
        m, d = _mask()
        draw_mark(d, mark, H / 2, H * 0.4, H * 0.22, v)
        img = _paint(img, m, white)
        d = ImageDraw.Draw(img)
        draw_text_centered(d, text or "", H / 2, H * 0.8, H * 0.72, H * 0.13, white, latin=True)
    elif template == "ordinary_grad":
        img = bg_linear(H, c1, c2, 45 + 90 * a)
        m, d = _mask()
        draw_mark(d, mark, H / 2, H / 2, H * 0.3, v)
        img = _paint(img, m, white)
    elif template == "ordinary_white":
        img = bg_solid(H, (255, 255, 255))
        m, d = _mask()
        draw_mark(d, mark, H / 2, H / 2, H * 0.32, v)
        img = _paint(img, m, c1)
    elif template == "ordinary_blocks":
        img = bg_solid(H, c2)
        d = ImageDraw.Draw(img)
        import random as _r
        rr = _r.Random(int(a * 1e6))
        for _ in range(6):
            col = hsv_rgb(rr.random(), 0.6, 0.95)
            x, y, s = rr.uniform(0, H), rr.uniform(0, H), rr.uniform(H * 0.1, H * 0.3)
            if rr.random() < 0.5:
                d.ellipse((x - s, y - s, x + s, y + s), fill=col)
            else:
                d.rectangle((x - s, y - s, x + s, y + s), fill=col)
        m, d = _mask()
        draw_mark(d, mark, H / 2, H / 2, H * 0.3, v)
        img = _paint(img, m, white)
    else:
        raise ValueError(template)
    return img.resize((S, S), Image.LANCZOS)


# ----------------------------------------------------------------------------- analysis helpers
def asymmetry(img):
    a = np.asarray(img.convert("L").resize((64, 64), Image.BILINEAR), np.float32)
    return float(np.abs(a - a[:, ::-1]).mean())


def emblem_asymmetry(kind, v):
    """Left-right asymmetry of the emblem alone (mean |mask - mirror| on 64x64, 0..255)."""
    m, d = _mask()
    emblem(d, kind, H / 2, H / 2, H * 0.24, v)
    a = np.asarray(m.resize((64, 64), Image.BILINEAR), np.float32)
    return float(np.abs(a - a[:, ::-1]).mean())


def small_vec(img):
    a = np.asarray(img.convert("L").resize((32, 32), Image.BILINEAR), np.float32).ravel()
    a = a - a.mean()
    n = np.linalg.norm(a)
    return a / n if n > 0 else a


# ----------------------------------------------------------------------------- deformations
def _tile_rgba(img, n, round_frac=0.0):
    t = img.convert("RGBA").resize((n, n), Image.LANCZOS)
    if round_frac > 0:
        m = Image.new("L", (n * 2, n * 2), 0)
        ImageDraw.Draw(m).rounded_rectangle((0, 0, n * 2 - 1, n * 2 - 1), radius=int(n * 2 * round_frac), fill=255)
        t.putalpha(m.resize((n, n), Image.LANCZOS))
    return t


def op_shrink(R, img):
    bg, p = random_bg(R, S)
    s = R.uniform(0.42, 0.8)
    n = int(S * s)
    rf = R.choice([0.0, 0.0, 0.12, 0.22])
    t = _tile_rgba(img, n, rf)
    x = R.randint(0, S - n)
    y = R.randint(0, S - n)
    bg.paste(t, (x, y), t)
    p.update({"scale": round(s, 3), "x": x, "y": y, "tile_round": rf})
    return bg, p


def op_rotate(R, img):
    bg, p = random_bg(R, S)
    ang = R.uniform(5, 30) * R.choice([-1, 1])
    s = R.uniform(0.55, 0.78)
    n = int(S * s)
    t = _tile_rgba(img, n, R.choice([0.0, 0.0, 0.15]))
    t = t.rotate(ang, resample=Image.BICUBIC, expand=True)
    x = (S - t.size[0]) // 2 + R.randint(-12, 12)
    y = (S - t.size[1]) // 2 + R.randint(-12, 12)
    bg.paste(t, (x, y), t)
    p.update({"angle": round(ang, 2), "scale": round(s, 3)})
    return bg, p


def op_corner_round(R, img):
    rf = R.uniform(0.08, 0.45)
    pad = R.choice([0.0, 0.0, R.uniform(0.02, 0.08)])
    fill = R.choice(["white", "black", "grey", "transparent_white", "transparent_black"])
    n = int(S * (1 - 2 * pad))
    t = _tile_rgba(img, n, rf)
    col = {"white": (255, 255, 255, 255), "black": (0, 0, 0, 255), "grey": (236, 236, 236, 255),
           "transparent_white": (255, 255, 255, 0), "transparent_black": (0, 0, 0, 0)}[fill]
    out = Image.new("RGBA", (S, S), col)
    o = (S - n) // 2
    out.alpha_composite(t, (o, o))
    if not fill.startswith("transparent"):
        out = out.convert("RGB")
    else:
        # keep underlying RGB of fully transparent pixels as the chosen colour
        arr = np.asarray(out).copy()
        tr = arr[..., 3] == 0
        arr[tr, :3] = col[:3]
        out = Image.fromarray(arr, "RGBA")
    return out, {"radius_frac": round(rf, 3), "pad": round(pad, 3), "fill": fill}


def _badge_text(R):
    return R.choice(["1", "3", "8", "9", "12", "99+", "NEW", "HOT", "荐", "新", "VIP"])


def op_badge(R, img):
    out = img.convert("RGB").copy()
    d = ImageDraw.Draw(out)
    corner = R.choice(["tl", "tr", "bl", "br", "tr", "tr"])
    rad = int(S * R.uniform(0.09, 0.17))
    txt = _badge_text(R)
    col = R.choice([(230, 30, 40), (255, 90, 0), (255, 200, 0), (40, 160, 60), (20, 120, 240)])
    m = int(S * 0.02)
    cx = m + rad if corner[1] == "l" else S - m - rad
    cy = m + rad if corner[0] == "t" else S - m - rad
    wide = len(txt) > 2
    if wide:
        d.rounded_rectangle((cx - rad * 1.5, cy - rad * 0.8, cx + rad * 1.5 if corner[1] == "l" else cx + rad,
                             cy + rad * 0.8), radius=rad, fill=col, outline=(255, 255, 255), width=2)
    else:
        d.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), fill=col, outline=(255, 255, 255), width=2)
    draw_text_centered(d, txt, cx, cy, rad * (2.2 if wide else 1.3), rad * 1.1, (255, 255, 255))
    return out, {"corner": corner, "radius": rad, "text": txt, "colour": "#%02x%02x%02x" % col}


def op_ribbon(R, img):
    out = img.convert("RGB").copy()
    corner = R.choice(["tr", "tl", "br", "bl", "tr"])
    txt = R.choice(["官方", "正版", "新版", "NEW", "内测", "热门", "推荐", "升级"])
    col = R.choice([(220, 20, 30), (250, 170, 0), (30, 30, 30), (0, 140, 70), (255, 255, 255)])
    w = int(S * R.uniform(0.11, 0.17))
    off = int(S * R.uniform(0.22, 0.32))
    band = Image.new("RGBA", (S * 2, w), col + (255,))
    bd = ImageDraw.Draw(band)
    tc = (0, 0, 0) if col == (255, 255, 255) or col == (250, 170, 0) else (255, 255, 255)
    draw_text_centered(bd, txt, S, w / 2, S, w * 0.8, tc)
    band = band.rotate(-45 if corner in ("tr", "bl") else 45, resample=Image.BICUBIC, expand=True)
    bw, bh = band.size
    # place band so it crosses the chosen corner at distance off
    if corner == "tr":
        cx, cy = S - off / 1.414 * 0.9, off / 1.414 * 0.9
    elif corner == "tl":
        cx, cy = off / 1.414 * 0.9, off / 1.414 * 0.9
    elif corner == "br":
        cx, cy = S - off / 1.414 * 0.9, S - off / 1.414 * 0.9
    else:
        cx, cy = off / 1.414 * 0.9, S - off / 1.414 * 0.9
    out.paste(band, (int(cx - bw / 2), int(cy - bh / 2)), band)
    return out, {"corner": corner, "text": txt, "width": w, "offset": off}


def op_band(R, img):
    out = img.convert("RGB").copy()
    d = ImageDraw.Draw(out)
    where = R.choice(["bottom", "bottom", "top"])
    h = int(S * R.uniform(0.15, 0.28))
    txt = R.choice(["官方正版", "限时免息", "新人福利", "极速版", "2024新版", "安全认证", "额度提升", "OFFICIAL",
                    "立即领取", "最新版本"])
    col = R.choice([(220, 20, 30), (250, 200, 40), (20, 20, 20), (255, 255, 255), (0, 110, 220), (255, 120, 0)])
    alpha = R.choice([255, 255, 200])
    y0 = S - h if where == "bottom" else 0
    layer = Image.new("RGBA", (S, h), col + (alpha,))
    ld = ImageDraw.Draw(layer)
    tc = (0, 0, 0) if sum(col) > 500 else (255, 255, 255)
    draw_text_centered(ld, txt, S / 2, h / 2, S * 0.9, h * 0.7, tc + (255,))
    out.paste(layer, (0, y0), layer)
    return out, {"where": where, "height": h, "text": txt, "alpha": alpha}


def op_stamp(R, img):
    out = img.convert("RGB").copy()
    d = ImageDraw.Draw(out)
    kind = R.choice(["disc_text", "disc_tick", "rect_text", "ring_text"])
    rad = int(S * R.uniform(0.12, 0.2))
    cx = S / 2 + S * R.uniform(-0.08, 0.08)
    cy = S / 2 + S * R.uniform(-0.08, 0.08)
    col = R.choice([(230, 30, 40), (20, 160, 80), (255, 170, 0), (255, 255, 255), (20, 100, 230)])
    fg = (255, 255, 255) if col != (255, 255, 255) else (220, 30, 40)
    txt = R.choice(["官方", "正", "认证", "安全", "OK"])
    if kind == "disc_text":
        d.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), fill=col)
        draw_text_centered(d, txt, cx, cy, rad * 1.5, rad * 0.9, fg)
    elif kind == "disc_tick":
        d.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), fill=col)
        d.line([(cx - rad * 0.5, cy), (cx - rad * 0.1, cy + rad * 0.4), (cx + rad * 0.55, cy - rad * 0.4)],
               fill=fg, width=max(2, int(rad * 0.22)), joint="curve")
    elif kind == "rect_text":
        d.rounded_rectangle((cx - rad * 1.4, cy - rad * 0.7, cx + rad * 1.4, cy + rad * 0.7), radius=rad // 4,
                            fill=col)
        draw_text_centered(d, txt, cx, cy, rad * 2.4, rad * 1.0, fg)
    else:
        d.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), outline=col, width=max(2, rad // 6))
        draw_text_centered(d, txt, cx, cy, rad * 1.3, rad * 0.8, col)
    return out, {"kind": kind, "radius": rad, "dx": round(cx - S / 2, 1), "dy": round(cy - S / 2, 1), "text": txt}


def _hue_rotate(img, deg):
    hsv = np.asarray(img.convert("RGB").convert("HSV")).copy()
    hsv[..., 0] = ((hsv[..., 0].astype(np.int32) + int(round(deg / 360 * 256))) % 256).astype(np.uint8)
    return Image.fromarray(hsv, "HSV").convert("RGB")


def op_hue(R, img):
    deg = R.uniform(35, 325)
    return _hue_rotate(img, deg), {"hue_deg": round(deg, 1)}


def op_recolour(R, img):
    mode = R.choice(["swap_rgb_bgr", "swap_gbr", "colorize", "colorize", "invert", "sat_boost"])
    im = img.convert("RGB")
    if mode == "swap_rgb_bgr":
        r, g, b = im.split()
        out = Image.merge("RGB", (b, g, r))
    elif mode == "swap_gbr":
        r, g, b = im.split()
        out = Image.merge("RGB", (g, b, r))
    elif mode == "colorize":
        dark = rand_colour(R, v=(0.15, 0.45))
        light = rand_colour(R, s=(0.0, 0.4), v=(0.85, 1.0))
        out = ImageOps.colorize(im.convert("L"), dark, light)
        return out, {"mode": mode, "dark": "#%02x%02x%02x" % dark, "light": "#%02x%02x%02x" % light}
    elif mode == "invert":
        out = ImageOps.invert(im)
    else:
        from PIL import ImageEnhance
        out = _hue_rotate(ImageEnhance.Color(im).enhance(R.uniform(1.6, 2.5)), R.uniform(15, 40))
    return out, {"mode": mode}


def op_tone(R, img):
    from PIL import ImageEnhance
    mode = R.choice(["gray", "gray", "sepia", "bright_contrast", "gamma", "posterize"])
    im = img.convert("RGB")
    if mode == "gray":
        return im.convert("L").convert("RGB"), {"mode": mode}
    if mode == "sepia":
        return ImageOps.colorize(im.convert("L"), (60, 35, 10), (255, 240, 200)), {"mode": mode}
    if mode == "bright_contrast":
        bf, cf = R.uniform(0.65, 1.35), R.uniform(0.6, 1.4)
        return ImageEnhance.Contrast(ImageEnhance.Brightness(im).enhance(bf)).enhance(cf), \
            {"mode": mode, "brightness": round(bf, 2), "contrast": round(cf, 2)}
    if mode == "gamma":
        g = R.choice([R.uniform(0.45, 0.75), R.uniform(1.4, 2.2)])
        lut = [int(255 * (i / 255) ** g + 0.5) for i in range(256)] * 3
        return im.point(lut), {"mode": mode, "gamma": round(g, 2)}
    bits = R.choice([2, 3])
    return ImageOps.posterize(im, bits), {"mode": mode, "bits": bits}


def jpeg(img, q, sub=2):
    buf = io.BytesIO()
    img.convert("RGB").save(buf, "JPEG", quality=int(q), subsampling=sub)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def op_jpeg(R, img):
    q = R.randint(4, 18)
    pre = R.choice([1.0, 1.0, 0.5, 0.35])
    im = img.convert("RGB")
    if pre < 1:
        n = int(S * pre)
        im = im.resize((n, n), Image.BILINEAR)
    im = jpeg(im, q)
    if pre < 1:
        im = im.resize((S, S), Image.BILINEAR)
    return im, {"quality": q, "prescale": pre}


def op_crop(R, img):
    f = R.uniform(0.05, 0.18)
    mode = R.choice(["centre", "one_side", "random"])
    if mode == "centre":
        l = t = f / 2
        r_ = b = f / 2
    elif mode == "one_side":
        side = R.choice(["l", "r", "t", "b"])
        l = f if side == "l" else 0
        r_ = f if side == "r" else 0
        t = f if side == "t" else 0
        b = f if side == "b" else 0
    else:
        l = R.uniform(0, f)
        t = R.uniform(0, f)
        r_ = f - l
        b = f - t
    box = (int(S * l), int(S * t), S - int(S * r_), S - int(S * b))
    out = img.convert("RGB").crop(box).resize((S, S), Image.LANCZOS)
    return out, {"frac": round(f, 3), "mode": mode, "box": list(box)}


def op_mirror(R, img):
    return ImageOps.mirror(img.convert("RGB")), {"flip": "left_right"}


def op_perspective(R, img):
    """Photo of a phone screen showing the icon."""
    n = S
    base = np.asarray(bg_linear(n, rand_colour(R, s=(0, 0.3), v=(0.05, 0.3)),
                                rand_colour(R, s=(0, 0.3), v=(0.2, 0.5)), R.randint(0, 359)), np.float32)
    src = np.float32([[0, 0], [S - 1, 0], [S - 1, S - 1], [0, S - 1]])
    cover = R.uniform(0.62, 0.88)
    m0 = (1 - cover) / 2 * n
    j = R.uniform(0.04, 0.12) * n
    dst = np.float32([[m0 + R.uniform(-j, j), m0 + R.uniform(-j, j)],
                      [n - m0 + R.uniform(-j, j), m0 + R.uniform(-j, j)],
                      [n - m0 + R.uniform(-j, j), n - m0 + R.uniform(-j, j)],
                      [m0 + R.uniform(-j, j), n - m0 + R.uniform(-j, j)]])
    M = cv2.getPerspectiveTransform(src, dst)
    ic = np.asarray(img.convert("RGB"), np.float32)
    warped = cv2.warpPerspective(ic, M, (n, n), flags=cv2.INTER_LINEAR)
    mask = cv2.warpPerspective(np.ones((S, S), np.float32), M, (n, n), flags=cv2.INTER_LINEAR)[..., None]
    out = base * (1 - mask) + warped * mask
    # lighting gradient, glare, moire, noise, blur
    y, x = np.mgrid[0:n, 0:n].astype(np.float32) / n
    ga = R.uniform(0, 2 * math.pi)
    light = 1 + R.uniform(0.1, 0.3) * ((x - 0.5) * math.cos(ga) + (y - 0.5) * math.sin(ga))
    out = out * light[..., None]
    gx, gy, gs = R.uniform(0.2, 0.8), R.uniform(0.2, 0.8), R.uniform(0.12, 0.3)
    glare = np.exp(-(((x - gx) ** 2 + (y - gy) ** 2) / (2 * gs * gs))) * R.uniform(25, 70)
    out = out + glare[..., None]
    mf = R.uniform(0.6, 1.6)
    moire = np.sin((x * math.cos(0.3) + y * math.sin(0.3)) * n * mf) * R.uniform(2, 7)
    out = out + moire[..., None]
    sig = R.uniform(3, 9)
    out = out + np.asarray(np.random.default_rng(R.getrandbits(32)).normal(0, sig, out.shape), np.float32)
    out = np.clip(out, 0, 255).astype(np.uint8)
    bl = R.uniform(0.4, 1.3)
    im = Image.fromarray(out, "RGB").filter(ImageFilter.GaussianBlur(bl))
    q = R.randint(55, 85)
    im = jpeg(im, q)
    return im, {"cover": round(cover, 3), "jitter": round(j / n, 3), "blur": round(bl, 2), "noise": round(sig, 1),
                "jpeg": q, "glare": [round(gx, 2), round(gy, 2)]}


def op_word_below(R, img, word=None):
    bg, p = random_bg(R, S)
    s = R.uniform(0.48, 0.66)
    n = int(S * s)
    t = _tile_rgba(img, n, R.choice([0.0, 0.18]))
    x = (S - n) // 2 + R.randint(-6, 6)
    y = int(S * R.uniform(0.06, 0.14))
    bg.paste(t, (x, y), t)
    word = word or R.choice(["官方下载", "手机版", "Mobile", "助手", "极速版", "APP", "立即下载", "安全版"])
    d = ImageDraw.Draw(bg)
    arr = np.asarray(bg.convert("L"), np.float32)
    col = (255, 255, 255) if arr[-40:].mean() < 140 else (30, 30, 30)
    ty = y + n + (S - y - n) / 2
    draw_text_centered(d, word, S / 2, ty, S * 0.86, (S - y - n) * 0.62, col)
    p.update({"scale": round(s, 3), "word": word, "y": y})
    return bg, p


def op_frame(R, img):
    w = R.uniform(0.04, 0.13)
    col = R.choice([(255, 255, 255), (0, 0, 0), (212, 175, 55), (200, 20, 30), rand_colour(R)])
    shape = R.choice(["square", "rounded", "double"])
    out = Image.new("RGB", (S, S), tuple(col))
    n = int(S * (1 - 2 * w))
    o = (S - n) // 2
    if shape == "rounded":
        out = Image.new("RGB", (S, S), (255, 255, 255))
        d = ImageDraw.Draw(out)
        d.rounded_rectangle((0, 0, S - 1, S - 1), radius=int(S * 0.2), fill=tuple(col))
        t = _tile_rgba(img, n, 0.16)
    else:
        t = _tile_rgba(img, n)
    out.paste(t, (o, o), t)
    if shape == "double":
        d = ImageDraw.Draw(out)
        k = max(1, int(S * w * 0.35))
        d.rectangle((k, k, S - 1 - k, S - 1 - k), outline=(255, 255, 255) if sum(col) < 400 else (0, 0, 0),
                    width=max(1, k // 2))
    return out, {"width": round(w, 3), "shape": shape, "colour": "#%02x%02x%02x" % tuple(col)}


def op_noise_blur(R, img):
    mode = R.choice(["noise", "blur", "both", "salt"])
    im = img.convert("RGB")
    p = {"mode": mode}
    if mode in ("blur", "both"):
        rad = R.uniform(0.8, 2.6)
        im = im.filter(ImageFilter.GaussianBlur(rad))
        p["blur"] = round(rad, 2)
    if mode in ("noise", "both"):
        sig = R.uniform(6, 24)
        arr = np.asarray(im, np.float32)
        arr = arr + np.random.default_rng(R.getrandbits(32)).normal(0, sig, arr.shape)
        im = Image.fromarray(np.clip(arr, 0, 255).astype(np.uint8), "RGB")
        p["sigma"] = round(sig, 1)
    if mode == "salt":
        frac = R.uniform(0.02, 0.08)
        arr = np.asarray(im).copy()
        rng = np.random.default_rng(R.getrandbits(32))
        m = rng.random(arr.shape[:2])
        arr[m < frac / 2] = 0
        arr[(m >= frac / 2) & (m < frac)] = 255
        im = Image.fromarray(arr, "RGB")
        p["frac"] = round(frac, 3)
    return im, p


OPS = {
    "shrink": op_shrink, "rotate": op_rotate, "corner_round": op_corner_round, "badge": op_badge,
    "ribbon": op_ribbon, "band": op_band, "stamp": op_stamp, "hue": op_hue, "recolour": op_recolour,
    "tone": op_tone, "jpeg": op_jpeg, "crop": op_crop, "mirror": op_mirror, "perspective": op_perspective,
    "word_below": op_word_below, "frame": op_frame, "noise_blur": op_noise_blur,
}
# order used when chaining: geometry first, then overlays, then colour, then degradation
CHAIN_ORDER = ["mirror", "crop", "corner_round", "shrink", "rotate", "frame", "badge", "ribbon", "band", "stamp",
               "hue", "recolour", "tone", "noise_blur", "jpeg"]


def contact_sheet(items, cols, path, cell=96):
    """items: list of (PIL image, label)."""
    rows = (len(items) + cols - 1) // cols
    sheet = Image.new("RGB", (cols * cell, rows * (cell + 14)), (250, 250, 250))
    d = ImageDraw.Draw(sheet)
    f = font(10, latin=True)
    for i, (im, lab) in enumerate(items):
        x, y = (i % cols) * cell, (i // cols) * (cell + 14)
        t = im.convert("RGBA").resize((cell - 6, cell - 6), Image.BILINEAR)
        chk = Image.new("RGBA", t.size, (200, 200, 200, 255))
        chk.alpha_composite(t)
        sheet.paste(chk.convert("RGB"), (x + 3, y + 3))
        d.text((x + 3, y + cell - 2), lab[:16], font=f, fill=(0, 0, 0))
    sheet.save(path)
