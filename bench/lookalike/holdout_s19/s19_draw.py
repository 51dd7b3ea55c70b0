"""Drawing for holdout s19: protected logo families and negative motifs, all drawn here (no artwork).

Everything is drawn on a 1024 px canvas and scaled down to 256 px (anti-aliasing).
"""

from __future__ import annotations

import math

import numpy as np
from PIL import Image, ImageDraw, ImageFont

S = 1024
OUT = 256
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
LAT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SERIF_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
_FONTS: dict = {}

WHITE = (255, 255, 255)


def font(size, kind="cjk"):
    path = {"cjk": CJK_FONT, "lat": LAT_FONT, "serif": SERIF_FONT}[kind]
    key = (path, int(size))
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(path, max(6, int(size)))
    return _FONTS[key]


def text_font(text, size):
    return font(size, "lat" if text.isascii() else "cjk")


def rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def mix(a, b, t):
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))


def lum(c):
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def gradient(size, c1, c2, angle=90.0):
    w, h = size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    a = math.radians(angle)
    t = (x / w - 0.5) * math.cos(a) + (y / h - 0.5) * math.sin(a)
    t = (t - t.min()) / (t.max() - t.min() + 1e-9)
    c1 = np.array(c1, np.float32)
    c2 = np.array(c2, np.float32)
    arr = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB")


def radial(size, c_in, c_out):
    w, h = size
    y, x = np.mgrid[0:h, 0:w].astype(np.float32)
    t = np.sqrt((x / w - 0.5) ** 2 + (y / h - 0.5) ** 2) / 0.7071
    t = t.clip(0, 1)
    c1 = np.array(c_in, np.float32)
    c2 = np.array(c_out, np.float32)
    arr = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    return Image.fromarray(arr.clip(0, 255).astype(np.uint8), "RGB")


def rounded_mask(size, radius_frac, inset=0.0):
    w, h = size
    m = Image.new("L", size, 0)
    d = ImageDraw.Draw(m)
    i = inset * w
    d.rounded_rectangle((i, i, w - 1 - i, h - 1 - i), radius=radius_frac * w, fill=255)
    return m


def finish(im):
    return im.resize((OUT, OUT), Image.LANCZOS)


# ---------------------------------------------------------------- geometry helpers
def cubic(p0, p1, p2, p3, n=28):
    pts = []
    for i in range(n + 1):
        t = i / n
        a = (1 - t) ** 3
        b = 3 * (1 - t) ** 2 * t
        c = 3 * (1 - t) * t * t
        d = t ** 3
        pts.append((a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]))
    return pts


def ellipse_pts(cx, cy, rx, ry, ang=0.0, n=64):
    ca, sa = math.cos(math.radians(ang)), math.sin(math.radians(ang))
    out = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        out.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return out


def poly_rot(pts, ang, cx, cy):
    ca, sa = math.cos(math.radians(ang)), math.sin(math.radians(ang))
    return [(cx + (x - cx) * ca - (y - cy) * sa, cy + (x - cx) * sa + (y - cy) * ca) for x, y in pts]


def square_pts(cx, cy, half, ang=0.0):
    pts = [(cx - half, cy - half), (cx + half, cy - half), (cx + half, cy + half), (cx - half, cy + half)]
    return poly_rot(pts, ang, cx, cy)


def rrect_pts(cx, cy, half, r, ang=0.0, n=10):
    pts = []
    corners = [(half - r, -half + r, -90), (half - r, half - r, 0), (-half + r, half - r, 90), (-half + r, -half + r, 180)]
    for ox, oy, a0 in corners:
        for i in range(n + 1):
            a = math.radians(a0 + 90 * i / n)
            pts.append((cx + ox + r * math.cos(a), cy + oy + r * math.sin(a)))
    return poly_rot(pts, ang, cx, cy)


def regular(cx, cy, r, n, ang=0.0):
    return [(cx + r * math.cos(math.radians(ang + 360 * i / n)), cy + r * math.sin(math.radians(ang + 360 * i / n)))
            for i in range(n)]


def outline(d, pts, fill, width):
    d.line(list(pts) + [pts[0], pts[1]], fill=fill, width=int(width), joint="curve")


def centered_text(d, xy, text, size, fill, stroke=0, stroke_fill=None, kind=None):
    f = font(size, kind) if kind else text_font(text, size)
    d.text(xy, text, font=f, fill=fill, anchor="mm", stroke_width=int(stroke), stroke_fill=stroke_fill)


def fit_text(d, text, box_w, size, kind=None):
    """Largest size <= size at which text fits box_w."""
    while size > 8:
        f = font(size, kind) if kind else text_font(text, size)
        x0, _, x1, _ = d.textbbox((0, 0), text, font=f)
        if x1 - x0 <= box_w:
            return size
        size = int(size * 0.92)
    return size


# ---------------------------------------------------------------- backgrounds
def background(style, c1, c2, angle=90.0):
    """Returns (canvas, field colour for holes, foreground colours)."""
    if style == "solid":
        im = Image.new("RGB", (S, S), c1)
        return im, c1, (WHITE, mix(c2, WHITE, 0.3), WHITE)
    if style == "grad":
        im = gradient((S, S), c1, c2, angle)
        return im, mix(c1, c2, 0.5), (WHITE, mix(WHITE, c2, 0.25), WHITE)
    if style == "white":
        im = Image.new("RGB", (S, S), WHITE)
        return im, WHITE, (c1, c2 if lum(c2) < 200 else mix(c1, (0, 0, 0), 0.4), mix(c1, c2, 0.5))
    if style == "dark":
        im = radial((S, S), (34, 40, 58), (10, 12, 20))
        gold = (214, 178, 96)
        return im, (20, 24, 36), (gold, c1 if lum(c1) > 60 else mix(c1, WHITE, 0.4), mix(gold, WHITE, 0.3))
    if style == "tile":
        im = Image.new("RGB", (S, S), WHITE)
        tile = gradient((S, S), c1, c2, 45.0)
        im.paste(tile, (0, 0), rounded_mask((S, S), 0.22, inset=0.05))
        return im, mix(c1, c2, 0.5), (WHITE, mix(WHITE, c2, 0.3), WHITE)
    raise ValueError(style)


# ---------------------------------------------------------------- protected families
def fam_coin(d, field, fg, p):
    c = S / 2
    r = 0.36 * S
    d.ellipse((c - r, c - r, c + r, c + r), fill=fg[0])
    d.polygon(square_pts(c, c, 0.12 * S, p.get("rot", 0)), fill=field)
    if p.get("split"):
        w = 0.035 * S
        d.rectangle((c - w, c - r - 0.06 * S, c + w, c - 0.12 * S), fill=fg[0])
        d.rectangle((c - w, c + 0.12 * S, c + w, c + r + 0.06 * S), fill=fg[0])
        d.rectangle((c - 0.12 * S, c - w / 2, c + 0.12 * S, c + w / 2), fill=fg[0])


def fam_ring_glyph(d, field, fg, p):
    c = S / 2
    r = 0.36 * S
    w = 0.05 * S
    ring = p.get("ring", "circle")
    if ring == "circle":
        d.ellipse((c - r, c - r, c + r, c + r), outline=fg[0], width=int(w))
    elif ring == "square":
        outline(d, rrect_pts(c, c, r, 0.08 * S), fg[0], w)
    elif ring == "octagon":
        outline(d, regular(c, c, r * 1.05, 8, 22.5), fg[0], w)
    size = 0.44 * S if ring != "none" else 0.62 * S
    centered_text(d, (c, c + 0.01 * S), p["ch"], size, fg[0], stroke=0.012 * S, stroke_fill=fg[0])
    if ring == "none":
        d.rectangle((0.2 * S, 0.83 * S, 0.8 * S, 0.87 * S), fill=fg[1])


def fam_interlock(d, field, fg, p):
    c = S / 2
    n = p.get("n", 2)
    if n == 2:
        cents = [(c - 0.12 * S, c), (c + 0.12 * S, c)]
    else:
        cents = [(c + 0.13 * S * math.cos(math.radians(a)), c + 0.13 * S * math.sin(math.radians(a)))
                 for a in (-90, 30, 150)]
    cols = [fg[0], fg[1], fg[2]]
    w = 0.055 * S
    for i, (x, y) in enumerate(cents):
        if p.get("shape") == "rsq":
            outline(d, rrect_pts(x, y, 0.17 * S, 0.05 * S, 45), cols[i % 3], w)
        else:
            r = 0.2 * S
            d.ellipse((x - r, y - r, x + r, y + r), outline=cols[i % 3], width=int(w))


def _tr(pts, p, scale=0.4 * S):
    c = S / 2
    ang = p.get("ang", 0)
    flip = -1 if p.get("flip") else 1
    out = [(c + flip * x * scale, c + y * scale) for x, y in pts]
    return poly_rot(out, ang, c, c)


def fam_bird(d, field, fg, p):
    wing_a = cubic((-0.95, 0.35), (-0.4, -0.45), (0.3, -0.85), (0.95, -0.6)) + \
        cubic((0.95, -0.6), (0.3, -0.4), (-0.25, -0.05), (-0.55, 0.5))
    wing_b = cubic((-0.65, 0.6), (-0.15, 0.05), (0.45, -0.1), (0.9, 0.02)) + \
        cubic((0.9, 0.02), (0.45, 0.18), (0.05, 0.45), (-0.3, 0.85))
    d.polygon(_tr(wing_a, p), fill=fg[0])
    d.polygon(_tr(wing_b, p), fill=fg[1])
    hx, hy = _tr([(0.55, 0.55)], p)[0]
    r = 0.07 * S
    d.ellipse((hx - r, hy - r, hx + r, hy + r), fill=fg[0])


def _tongue(x, base, h, w, lean):
    left = cubic((x - w / 2, base), (x - w / 2, base - h * 0.45), (x - w * 0.1 + lean, base - h * 0.75),
                 (x + lean, base - h))
    right = cubic((x + lean, base - h), (x + w * 0.3 + lean, base - h * 0.6), (x + w / 2, base - h * 0.3),
                  (x + w / 2, base))
    bottom = [(x + (w / 2) * math.cos(t), base + (w / 3) * math.sin(t)) for t in np.linspace(0, math.pi, 16)]
    return left + right + bottom


def fam_flame(d, field, fg, p):
    base = 0.72 * S
    d.polygon(_tongue(0.36 * S, base, 0.38 * S, 0.2 * S, -0.06 * S), fill=fg[1])
    d.polygon(_tongue(0.64 * S, base, 0.42 * S, 0.2 * S, 0.06 * S), fill=fg[1])
    d.polygon(_tongue(0.5 * S, base + 0.02 * S, 0.58 * S, 0.27 * S, 0.02 * S), fill=fg[0])
    d.polygon(_tongue(0.5 * S, base, 0.26 * S, 0.11 * S, 0.0), fill=field)


def fam_waves(d, field, fg, p, im=None):
    k = p.get("k", 3)
    layer = Image.new("L", (S, S), 0)
    ld = ImageDraw.Draw(layer)
    gap = 0.5 / k
    for i in range(k):
        y0 = S * (0.3 + i * gap + (0.05 if k == 2 else 0))
        pts = [(x, y0 + 0.07 * S * math.sin(2 * math.pi * (x / S) * 1.5 + i * 0.9))
               for x in np.linspace(0.1 * S, 0.9 * S, 80)]
        ld.line(pts, fill=255, width=int(0.26 * S / k), joint="curve")
    if p.get("clip"):
        clip = Image.new("L", (S, S), 0)
        ImageDraw.Draw(clip).ellipse((0.17 * S, 0.17 * S, 0.83 * S, 0.83 * S), fill=255)
        layer = Image.fromarray(np.minimum(np.asarray(layer), np.asarray(clip)))
        d.ellipse((0.15 * S, 0.15 * S, 0.85 * S, 0.85 * S), outline=fg[1], width=int(0.02 * S))
    im.paste(Image.new("RGB", (S, S), fg[0]), (0, 0), layer)


def fam_monogram(d, field, fg, p):
    c = S / 2
    txt = p["txt"]
    size = {1: 0.56, 2: 0.4, 3: 0.3, 4: 0.25}[len(txt)] * S
    size = fit_text(d, txt, 0.7 * S, int(size))
    deco = p.get("deco", "none")
    dy = -0.04 * S if deco == "underline" else 0
    centered_text(d, (c, c + dy), txt, size, fg[0], stroke=0.006 * S, stroke_fill=fg[0])
    if deco == "ring":
        d.ellipse((0.16 * S, 0.16 * S, 0.84 * S, 0.84 * S), outline=fg[1], width=int(0.035 * S))
    elif deco == "underline":
        d.rounded_rectangle((0.28 * S, 0.74 * S, 0.72 * S, 0.79 * S), radius=0.02 * S, fill=fg[1])
    elif deco == "dot":
        d.ellipse((0.66 * S, 0.2 * S, 0.8 * S, 0.34 * S), fill=fg[1])


def fam_mark_wordmark(d, field, fg, p):
    c = S / 2
    em = p.get("emblem", "arc2")
    cy = 0.38 * S
    if em == "arc2":
        d.arc((c - 0.22 * S, cy - 0.22 * S, c + 0.22 * S, cy + 0.22 * S), 30, 330, fill=fg[0], width=int(0.06 * S))
        d.arc((c - 0.12 * S, cy - 0.12 * S, c + 0.12 * S, cy + 0.12 * S), 210, 150, fill=fg[1], width=int(0.05 * S))
    elif em == "dots3":
        for a, col in zip((-90, 30, 150), (fg[0], fg[1], fg[0]), strict=True):
            x = c + 0.12 * S * math.cos(math.radians(a))
            y = cy + 0.12 * S * math.sin(math.radians(a))
            r = 0.085 * S
            d.ellipse((x - r, y - r, x + r, y + r), fill=col)
    elif em == "diamond4":
        for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
            d.polygon(square_pts(c + dx * 0.11 * S, cy + dy * 0.11 * S, 0.07 * S, 45), fill=fg[0])
    word = p["word"]
    size = fit_text(d, word, 0.82 * S, int(0.19 * S))
    centered_text(d, (c, 0.8 * S), word, size, fg[0], stroke=0.004 * S, stroke_fill=fg[0])


def fam_gem(d, field, fg, p):
    c = S / 2
    if p.get("type") == "hex":
        pts = regular(c, c, 0.34 * S, 6, 30)
        d.polygon(pts, fill=fg[0])
        for x, y in pts[::2]:
            d.line((c, c, x, y), fill=field, width=int(0.03 * S))
        d.polygon(regular(c, c, 0.12 * S, 6, 30), fill=fg[1])
    else:
        for i, half in enumerate((0.36, 0.25, 0.13)):
            pts = square_pts(c, c, half * S, 45)
            if i == 2:
                d.polygon(pts, fill=fg[0])
            else:
                outline(d, pts, fg[i % 2], 0.045 * S)


def fam_shield(d, field, fg, p):
    c = S / 2
    top = 0.16 * S
    pts = [(0.22 * S, top), (c, top + 0.05 * S), (0.78 * S, top)]
    pts += cubic((0.78 * S, top), (0.8 * S, 0.55 * S), (0.7 * S, 0.74 * S), (c, 0.88 * S))
    pts += cubic((c, 0.88 * S), (0.3 * S, 0.74 * S), (0.2 * S, 0.55 * S), (0.22 * S, top))
    d.polygon(pts, fill=fg[0])
    glyph_col = field if field != WHITE else WHITE
    if fg[0] == WHITE:
        glyph_col = field
    centered_text(d, (c, 0.5 * S), p["ch"], 0.34 * S, glyph_col)


def fam_sunburst(d, field, fg, p):
    c = S / 2
    n = p.get("n", 12)
    r0, r1, r2 = 0.14 * S, 0.22 * S, 0.42 * S
    half = 180 / n * 0.45
    for i in range(n):
        a = 360 * i / n - 90
        pts = [(c + r1 * math.cos(math.radians(a - half)), c + r1 * math.sin(math.radians(a - half))),
               (c + r2 * math.cos(math.radians(a)), c + r2 * math.sin(math.radians(a))),
               (c + r1 * math.cos(math.radians(a + half)), c + r1 * math.sin(math.radians(a + half)))]
        d.polygon(pts, fill=fg[1] if i % 2 else fg[0])
    d.ellipse((c - r0, c - r0, c + r0, c + r0), fill=fg[0])


def fam_mountain(d, field, fg, p):
    n = p.get("n", 2)
    d.ellipse((0.6 * S, 0.2 * S, 0.78 * S, 0.38 * S), fill=fg[1])
    base = 0.76 * S
    if n == 2:
        peaks = [(0.38, 0.3, 0.26), (0.62, 0.44, 0.22)]
    else:
        peaks = [(0.3, 0.42, 0.2), (0.5, 0.26, 0.24), (0.72, 0.46, 0.2)]
    for x, top, w in peaks:
        d.polygon([(x * S - w * S, base), (x * S, top * S), (x * S + w * S, base)], fill=fg[0])
        d.polygon([(x * S, top * S), (x * S - 0.05 * S, (top + 0.1) * S), (x * S + 0.05 * S, (top + 0.1) * S)],
                  fill=fg[2] if fg[2] != fg[0] else field)
    d.rectangle((0.12 * S, base, 0.88 * S, base + 0.045 * S), fill=fg[0])


def fam_knot(d, field, fg, p):
    c = S / 2
    if p.get("fill"):
        pts = []
        for i in range(16):
            r = 0.38 * S if i % 2 == 0 else 0.25 * S
            a = math.radians(-90 + 22.5 * i)
            pts.append((c + r * math.cos(a), c + r * math.sin(a)))
        d.polygon(pts, fill=fg[0])
        r = 0.1 * S
        d.ellipse((c - r, c - r, c + r, c + r), fill=field)
    else:
        outline(d, square_pts(c, c, 0.26 * S, 0), fg[0], 0.05 * S)
        outline(d, square_pts(c, c, 0.26 * S, 45), fg[0], 0.05 * S)
        r = 0.08 * S
        d.ellipse((c - r, c - r, c + r, c + r), fill=fg[1])


def fam_petals(d, field, fg, p):
    c = S / 2
    n = p.get("n", 5)
    for i in range(n):
        a = -90 + 360 * i / n
        cx = c + 0.19 * S * math.cos(math.radians(a))
        cy = c + 0.19 * S * math.sin(math.radians(a))
        d.polygon(ellipse_pts(cx, cy, 0.2 * S, 0.085 * S if n > 4 else 0.12 * S, a), fill=fg[i % 2])
    r = 0.07 * S
    d.ellipse((c - r, c - r, c + r, c + r), fill=field)


def fam_stripes_letter(d, field, fg, p):
    for i in range(3):
        x0 = (0.15 + 0.22 * i) * S
        d.polygon([(x0, 0.85 * S), (x0 + 0.1 * S, 0.85 * S), (x0 + 0.3 * S, 0.15 * S), (x0 + 0.2 * S, 0.15 * S)],
                  fill=fg[1])
    centered_text(d, (0.5 * S, 0.5 * S), p["txt"], 0.5 * S, fg[0], stroke=0.02 * S, stroke_fill=(20, 24, 36))


def fam_seal(d, field, fg, p):
    txt = p["txt"]
    box_col = fg[0]
    ink = field if field != WHITE else WHITE
    if fg[0] == WHITE:
        ink = field
    d.rounded_rectangle((0.17 * S, 0.17 * S, 0.83 * S, 0.83 * S), radius=0.05 * S, fill=box_col)
    d.rectangle((0.22 * S, 0.22 * S, 0.78 * S, 0.78 * S), outline=ink, width=int(0.02 * S))
    if len(txt) == 1:
        centered_text(d, (0.5 * S, 0.5 * S), txt, 0.46 * S, ink)
    elif len(txt) == 2:
        centered_text(d, (0.5 * S, 0.37 * S), txt[0], 0.24 * S, ink)
        centered_text(d, (0.5 * S, 0.63 * S), txt[1], 0.24 * S, ink)
    else:
        for i, ch in enumerate(txt[:4]):
            x = 0.63 * S if i < 2 else 0.37 * S
            y = 0.37 * S if i % 2 == 0 else 0.63 * S
            centered_text(d, (x, y), ch, 0.22 * S, ink)


def fam_bars_arrow(d, field, fg, p):
    xs = [0.2, 0.37, 0.54, 0.71]
    hs = [0.18, 0.28, 0.38, 0.5]
    base = 0.8 * S
    for x, h in zip(xs, hs, strict=True):
        d.rectangle((x * S, base - h * S, (x + 0.11) * S, base), fill=fg[0])
    pts = [(0.14 * S, 0.52 * S), (0.36 * S, 0.4 * S), (0.5 * S, 0.46 * S), (0.8 * S, 0.2 * S)]
    d.line(pts, fill=fg[1], width=int(0.045 * S), joint="curve")
    d.polygon([(0.86 * S, 0.14 * S), (0.72 * S, 0.18 * S), (0.82 * S, 0.28 * S)], fill=fg[1])


def fam_globe(d, field, fg, p):
    c = S / 2
    r = 0.34 * S
    w = int(0.035 * S)
    d.ellipse((c - r, c - r, c + r, c + r), outline=fg[0], width=w)
    for f in (0.35, 0.75):
        d.ellipse((c - r * f, c - r, c + r * f, c + r), outline=fg[0], width=w)
    for yy in (-0.5, 0.0, 0.5):
        half = r * math.sqrt(1 - yy * yy)
        d.line((c - half, c + yy * r, c + half, c + yy * r), fill=fg[1], width=w)
    d.ellipse((c + 0.22 * S, c - 0.4 * S, c + 0.36 * S, c - 0.26 * S), fill=fg[1])


def fam_paras(d, field, fg, p):
    cols = [(226, 24, 54), (0, 80, 142), (0, 146, 84)]
    for i, col in enumerate(cols):
        x0 = (0.14 + 0.2 * i) * S
        d.polygon([(x0 + 0.12 * S, 0.22 * S), (x0 + 0.34 * S, 0.22 * S), (x0 + 0.22 * S, 0.78 * S),
                   (x0, 0.78 * S)], fill=col)
    centered_text(d, (0.5 * S, 0.5 * S), "$", 0.3 * S, WHITE, kind="lat")


def fam_ribbon_s(d, field, fg, p):
    c = S / 2
    w = int(0.085 * S)
    d.arc((c - 0.22 * S, 0.16 * S, c + 0.22 * S, 0.52 * S), 150, 420, fill=fg[0], width=w)
    d.arc((c - 0.22 * S, 0.48 * S, c + 0.22 * S, 0.84 * S), -30, 240, fill=fg[1], width=w)
    d.rectangle((0.16 * S, 0.46 * S, 0.84 * S, 0.54 * S), fill=fg[0])


def fam_horizon_sun(d, field, fg, p):
    c = S / 2
    r = 0.32 * S
    base = 0.64 * S
    d.pieslice((c - r, base - r, c + r, base + r), 180, 360, fill=fg[0])
    for i, y in enumerate((0.44, 0.52, 0.6)):
        d.rectangle((c - r - 0.02 * S, y * S, c + r + 0.02 * S, y * S + (0.018 + 0.008 * i) * S), fill=field)
    d.rectangle((0.14 * S, base + 0.04 * S, 0.86 * S, base + 0.09 * S), fill=fg[1])
    d.rectangle((0.26 * S, base + 0.14 * S, 0.74 * S, base + 0.18 * S), fill=fg[1])


def fam_orbit(d, field, fg, p):
    c = S / 2
    r = 0.17 * S
    d.ellipse((c - r, c - r, c + r, c + r), fill=fg[0])
    outline(d, ellipse_pts(c, c, 0.4 * S, 0.14 * S, -25), fg[1], 0.035 * S)
    x, y = ellipse_pts(c, c, 0.4 * S, 0.14 * S, -25, n=8)[1]
    d.ellipse((x - 0.05 * S, y - 0.05 * S, x + 0.05 * S, y + 0.05 * S), fill=fg[0])


def fam_chevrons(d, field, fg, p):
    for i, y in enumerate((0.62, 0.44, 0.26)):
        w = (0.3 - 0.05 * i) * S
        pts = [(0.5 * S - w, (y + 0.16) * S), (0.5 * S, y * S), (0.5 * S + w, (y + 0.16) * S)]
        d.line(pts, fill=fg[0] if i != 1 else fg[1], width=int(0.075 * S), joint="curve")


def fam_arches(d, field, fg, p):
    c = S / 2
    base = 0.78 * S
    for i, r in enumerate((0.36, 0.26, 0.16)):
        d.arc((c - r * S, base - r * S, c + r * S, base + r * S), 180, 360, fill=fg[i % 2], width=int(0.06 * S))
    d.rectangle((0.1 * S, base, 0.9 * S, base + 0.05 * S), fill=fg[0])
    d.rectangle((c - 0.025 * S, base - 0.56 * S, c + 0.025 * S, base - 0.44 * S), fill=fg[1])


def fam_sail(d, field, fg, p):
    d.polygon([(0.52 * S, 0.14 * S), (0.52 * S, 0.66 * S), (0.2 * S, 0.66 * S)], fill=fg[0])
    d.polygon([(0.57 * S, 0.24 * S), (0.57 * S, 0.66 * S), (0.8 * S, 0.66 * S)], fill=fg[1])
    d.polygon([(0.16 * S, 0.7 * S), (0.84 * S, 0.7 * S), (0.74 * S, 0.8 * S), (0.26 * S, 0.8 * S)], fill=fg[0])


FAMILIES = {
    "coin": fam_coin, "ring_glyph": fam_ring_glyph, "interlock": fam_interlock, "bird": fam_bird,
    "flame": fam_flame, "waves": fam_waves, "monogram": fam_monogram, "mark_wordmark": fam_mark_wordmark,
    "gem": fam_gem, "shield": fam_shield, "sunburst": fam_sunburst, "mountain": fam_mountain, "knot": fam_knot,
    "petals": fam_petals, "stripes_letter": fam_stripes_letter, "seal": fam_seal, "bars_arrow": fam_bars_arrow,
    "globe": fam_globe, "paras": fam_paras, "ribbon_s": fam_ribbon_s, "horizon_sun": fam_horizon_sun,
    "orbit": fam_orbit, "chevrons": fam_chevrons, "arches": fam_arches, "sail": fam_sail,
}


def draw_protected(family, style, colours, params):
    c1, c2 = rgb(colours[0]), rgb(colours[1])
    im, field, fg = background(style, c1, c2, params.get("grad_angle", 90.0))
    d = ImageDraw.Draw(im)
    fn = FAMILIES[family]
    if family == "waves":
        fn(d, field, fg, params, im=im)
    else:
        fn(d, field, fg, params)
    return finish(im)


# ---------------------------------------------------------------- negative motifs (never used above)
def neg_leaf(d, c, p):
    pts = cubic((0.25, 0.8), (0.2, 0.4), (0.5, 0.2), (0.82, 0.18)) + cubic((0.82, 0.18), (0.8, 0.5), (0.6, 0.8),
                                                                          (0.25, 0.8))
    d.polygon([(x * S, y * S) for x, y in pts], fill=c[0])
    d.line((0.25 * S, 0.8 * S, 0.7 * S, 0.32 * S), fill=c[1], width=int(0.025 * S))


def neg_cloud(d, c, p):
    for x, y, r in ((0.36, 0.56, 0.14), (0.52, 0.46, 0.19), (0.68, 0.57, 0.13)):
        d.ellipse(((x - r) * S, (y - r) * S, (x + r) * S, (y + r) * S), fill=c[0])
    d.rounded_rectangle((0.22 * S, 0.56 * S, 0.82 * S, 0.7 * S), radius=0.07 * S, fill=c[0])


def neg_camera(d, c, p):
    d.rounded_rectangle((0.16 * S, 0.32 * S, 0.84 * S, 0.76 * S), radius=0.06 * S, fill=c[0])
    d.rectangle((0.38 * S, 0.24 * S, 0.6 * S, 0.34 * S), fill=c[0])
    d.ellipse((0.36 * S, 0.4 * S, 0.64 * S, 0.68 * S), fill=c[1])
    d.ellipse((0.43 * S, 0.47 * S, 0.57 * S, 0.61 * S), fill=c[0])


def neg_note(d, c, p):
    d.ellipse((0.24 * S, 0.62 * S, 0.44 * S, 0.78 * S), fill=c[0])
    d.ellipse((0.56 * S, 0.54 * S, 0.76 * S, 0.7 * S), fill=c[0])
    d.rectangle((0.4 * S, 0.26 * S, 0.445 * S, 0.7 * S), fill=c[0])
    d.rectangle((0.72 * S, 0.2 * S, 0.765 * S, 0.62 * S), fill=c[0])
    d.polygon([(0.4 * S, 0.26 * S), (0.765 * S, 0.18 * S), (0.765 * S, 0.28 * S), (0.4 * S, 0.36 * S)], fill=c[0])


def neg_gamepad(d, c, p):
    d.rounded_rectangle((0.14 * S, 0.36 * S, 0.86 * S, 0.7 * S), radius=0.17 * S, fill=c[0])
    d.rectangle((0.26 * S, 0.5 * S, 0.42 * S, 0.55 * S), fill=c[1])
    d.rectangle((0.315 * S, 0.445 * S, 0.365 * S, 0.605 * S), fill=c[1])
    for x, y in ((0.64, 0.47), (0.72, 0.56)):
        d.ellipse(((x - 0.035) * S, (y - 0.035) * S, (x + 0.035) * S, (y + 0.035) * S), fill=c[1])


def neg_bubble(d, c, p):
    d.rounded_rectangle((0.16 * S, 0.22 * S, 0.84 * S, 0.66 * S), radius=0.12 * S, fill=c[0])
    d.polygon([(0.3 * S, 0.62 * S), (0.26 * S, 0.82 * S), (0.46 * S, 0.64 * S)], fill=c[0])
    for x in (0.34, 0.5, 0.66):
        d.ellipse(((x - 0.04) * S, 0.4 * S, (x + 0.04) * S, 0.48 * S), fill=c[1])


def neg_pin(d, c, p):
    pts = cubic((0.5, 0.86), (0.2, 0.5), (0.22, 0.16), (0.5, 0.16)) + cubic((0.5, 0.16), (0.78, 0.16), (0.8, 0.5),
                                                                           (0.5, 0.86))
    d.polygon([(x * S, y * S) for x, y in pts], fill=c[0])
    d.ellipse((0.41 * S, 0.3 * S, 0.59 * S, 0.48 * S), fill=c[1])


def neg_book(d, c, p):
    d.polygon([(0.5 * S, 0.3 * S), (0.16 * S, 0.24 * S), (0.16 * S, 0.74 * S), (0.5 * S, 0.8 * S)], fill=c[0])
    d.polygon([(0.52 * S, 0.3 * S), (0.86 * S, 0.24 * S), (0.86 * S, 0.74 * S), (0.52 * S, 0.8 * S)], fill=c[0])
    for y in (0.38, 0.48, 0.58):
        d.line((0.22 * S, y * S, 0.44 * S, (y + 0.03) * S), fill=c[1], width=int(0.02 * S))


def neg_bag(d, c, p):
    d.polygon([(0.22 * S, 0.36 * S), (0.78 * S, 0.36 * S), (0.84 * S, 0.84 * S), (0.16 * S, 0.84 * S)], fill=c[0])
    d.arc((0.36 * S, 0.18 * S, 0.64 * S, 0.5 * S), 180, 360, fill=c[0], width=int(0.04 * S))
    d.ellipse((0.33 * S, 0.44 * S, 0.39 * S, 0.5 * S), fill=c[1])
    d.ellipse((0.61 * S, 0.44 * S, 0.67 * S, 0.5 * S), fill=c[1])


def neg_cat(d, c, p):
    d.ellipse((0.2 * S, 0.3 * S, 0.8 * S, 0.84 * S), fill=c[0])
    d.polygon([(0.22 * S, 0.46 * S), (0.24 * S, 0.16 * S), (0.44 * S, 0.34 * S)], fill=c[0])
    d.polygon([(0.78 * S, 0.46 * S), (0.76 * S, 0.16 * S), (0.56 * S, 0.34 * S)], fill=c[0])
    for x in (0.38, 0.62):
        d.ellipse(((x - 0.04) * S, 0.5 * S, (x + 0.04) * S, 0.6 * S), fill=c[1])
    d.polygon([(0.47 * S, 0.66 * S), (0.53 * S, 0.66 * S), (0.5 * S, 0.7 * S)], fill=c[1])


def neg_rocket(d, c, p):
    body = cubic((0.5, 0.12), (0.66, 0.24), (0.66, 0.5), (0.62, 0.7)) + [(0.38, 0.7)] + \
        cubic((0.38, 0.7), (0.34, 0.5), (0.34, 0.24), (0.5, 0.12))
    d.polygon([(x * S, y * S) for x, y in body], fill=c[0])
    d.polygon([(0.38 * S, 0.52 * S), (0.24 * S, 0.74 * S), (0.38 * S, 0.7 * S)], fill=c[0])
    d.polygon([(0.62 * S, 0.52 * S), (0.76 * S, 0.74 * S), (0.62 * S, 0.7 * S)], fill=c[0])
    d.ellipse((0.44 * S, 0.32 * S, 0.56 * S, 0.44 * S), fill=c[1])
    d.polygon([(0.42 * S, 0.72 * S), (0.5 * S, 0.9 * S), (0.58 * S, 0.72 * S)], fill=c[1])


def neg_heart(d, c, p):
    pts = cubic((0.5, 0.84), (0.1, 0.55), (0.2, 0.12), (0.5, 0.32)) + cubic((0.5, 0.32), (0.8, 0.12), (0.9, 0.55),
                                                                           (0.5, 0.84))
    d.polygon([(x * S, y * S) for x, y in pts], fill=c[0])


def neg_bolt(d, c, p):
    pts = [(0.56, 0.1), (0.26, 0.56), (0.46, 0.56), (0.4, 0.9), (0.74, 0.42), (0.54, 0.42), (0.62, 0.1)]
    d.polygon([(x * S, y * S) for x, y in pts], fill=c[0])


def neg_paw(d, c, p):
    d.ellipse((0.3 * S, 0.5 * S, 0.7 * S, 0.84 * S), fill=c[0])
    for x, y in ((0.26, 0.4), (0.4, 0.26), (0.6, 0.26), (0.74, 0.4)):
        d.ellipse(((x - 0.075) * S, (y - 0.09) * S, (x + 0.075) * S, (y + 0.09) * S), fill=c[0])


def neg_car(d, c, p):
    d.rounded_rectangle((0.12 * S, 0.48 * S, 0.88 * S, 0.7 * S), radius=0.06 * S, fill=c[0])
    d.polygon([(0.26 * S, 0.5 * S), (0.36 * S, 0.32 * S), (0.66 * S, 0.32 * S), (0.76 * S, 0.5 * S)], fill=c[0])
    d.polygon([(0.34 * S, 0.48 * S), (0.4 * S, 0.37 * S), (0.62 * S, 0.37 * S), (0.68 * S, 0.48 * S)], fill=c[1])
    for x in (0.3, 0.7):
        d.ellipse(((x - 0.08) * S, 0.62 * S, (x + 0.08) * S, 0.78 * S), fill=c[1])


def neg_house(d, c, p):
    d.polygon([(0.5 * S, 0.16 * S), (0.14 * S, 0.48 * S), (0.86 * S, 0.48 * S)], fill=c[0])
    d.rectangle((0.24 * S, 0.46 * S, 0.76 * S, 0.84 * S), fill=c[0])
    d.rectangle((0.44 * S, 0.6 * S, 0.56 * S, 0.84 * S), fill=c[1])


def neg_clock(d, c, p):
    d.ellipse((0.16 * S, 0.16 * S, 0.84 * S, 0.84 * S), fill=c[0])
    d.ellipse((0.22 * S, 0.22 * S, 0.78 * S, 0.78 * S), fill=c[1])
    d.line((0.5 * S, 0.5 * S, 0.5 * S, 0.3 * S), fill=c[0], width=int(0.04 * S))
    d.line((0.5 * S, 0.5 * S, 0.66 * S, 0.58 * S), fill=c[0], width=int(0.04 * S))


def neg_calculator(d, c, p):
    d.rounded_rectangle((0.24 * S, 0.14 * S, 0.76 * S, 0.86 * S), radius=0.05 * S, fill=c[0])
    d.rectangle((0.3 * S, 0.2 * S, 0.7 * S, 0.34 * S), fill=c[1])
    for i in range(3):
        for j in range(4):
            x = 0.32 + i * 0.13
            y = 0.42 + j * 0.1
            d.rectangle((x * S, y * S, (x + 0.09) * S, (y + 0.065) * S), fill=c[1])


def neg_pie(d, c, p):
    d.pieslice((0.16 * S, 0.16 * S, 0.84 * S, 0.84 * S), 0, 250, fill=c[0])
    d.pieslice((0.2 * S, 0.12 * S, 0.88 * S, 0.8 * S), 255, 355, fill=c[1] if c[1] != c[0] else c[2])


def neg_wallet(d, c, p):
    d.rounded_rectangle((0.14 * S, 0.26 * S, 0.86 * S, 0.78 * S), radius=0.07 * S, fill=c[0])
    d.rounded_rectangle((0.56 * S, 0.44 * S, 0.9 * S, 0.62 * S), radius=0.04 * S, fill=c[1])
    d.ellipse((0.64 * S, 0.5 * S, 0.7 * S, 0.56 * S), fill=c[0])


def neg_key(d, c, p):
    d.ellipse((0.14 * S, 0.3 * S, 0.46 * S, 0.62 * S), fill=c[0])
    d.ellipse((0.24 * S, 0.4 * S, 0.36 * S, 0.52 * S), fill=c[1])
    d.rectangle((0.44 * S, 0.43 * S, 0.86 * S, 0.5 * S), fill=c[0])
    d.rectangle((0.72 * S, 0.5 * S, 0.78 * S, 0.62 * S), fill=c[0])
    d.rectangle((0.8 * S, 0.5 * S, 0.86 * S, 0.58 * S), fill=c[0])


def neg_tree(d, c, p):
    d.rectangle((0.45 * S, 0.6 * S, 0.55 * S, 0.86 * S), fill=c[1] if c[1] != c[0] else c[2])
    d.polygon([(0.5 * S, 0.12 * S), (0.24 * S, 0.44 * S), (0.76 * S, 0.44 * S)], fill=c[0])
    d.polygon([(0.5 * S, 0.28 * S), (0.18 * S, 0.66 * S), (0.82 * S, 0.66 * S)], fill=c[0])


def neg_anchor(d, c, p):
    w = int(0.05 * S)
    d.ellipse((0.42 * S, 0.12 * S, 0.58 * S, 0.28 * S), outline=c[0], width=w)
    d.line((0.5 * S, 0.28 * S, 0.5 * S, 0.84 * S), fill=c[0], width=w)
    d.line((0.34 * S, 0.38 * S, 0.66 * S, 0.38 * S), fill=c[0], width=w)
    d.arc((0.2 * S, 0.44 * S, 0.8 * S, 0.86 * S), 20, 160, fill=c[0], width=w)


def neg_envelope(d, c, p):
    d.rectangle((0.14 * S, 0.28 * S, 0.86 * S, 0.74 * S), fill=c[0])
    d.line((0.14 * S, 0.28 * S, 0.5 * S, 0.54 * S, 0.86 * S, 0.28 * S), fill=c[1], width=int(0.035 * S))


def neg_magnifier(d, c, p):
    d.ellipse((0.16 * S, 0.16 * S, 0.6 * S, 0.6 * S), outline=c[0], width=int(0.07 * S))
    d.line((0.55 * S, 0.55 * S, 0.84 * S, 0.84 * S), fill=c[0], width=int(0.1 * S))


def neg_bell(d, c, p):
    pts = cubic((0.2, 0.72), (0.3, 0.62), (0.26, 0.2), (0.5, 0.2)) + cubic((0.5, 0.2), (0.74, 0.2), (0.7, 0.62),
                                                                           (0.8, 0.72))
    d.polygon([(x * S, y * S) for x, y in pts], fill=c[0])
    d.ellipse((0.44 * S, 0.7 * S, 0.56 * S, 0.82 * S), fill=c[0])


def neg_headphones(d, c, p):
    d.arc((0.18 * S, 0.18 * S, 0.82 * S, 0.82 * S), 180, 360, fill=c[0], width=int(0.06 * S))
    d.rounded_rectangle((0.14 * S, 0.5 * S, 0.32 * S, 0.8 * S), radius=0.05 * S, fill=c[0])
    d.rounded_rectangle((0.68 * S, 0.5 * S, 0.86 * S, 0.8 * S), radius=0.05 * S, fill=c[0])


def neg_umbrella(d, c, p):
    d.pieslice((0.12 * S, 0.16 * S, 0.88 * S, 0.84 * S), 180, 360, fill=c[0])
    d.line((0.5 * S, 0.5 * S, 0.5 * S, 0.8 * S), fill=c[0], width=int(0.04 * S))
    d.arc((0.5 * S, 0.72 * S, 0.64 * S, 0.86 * S), 0, 180, fill=c[0], width=int(0.04 * S))


def neg_receipt(d, c, p):
    pts = [(0.26, 0.14), (0.74, 0.14), (0.74, 0.86)]
    for i in range(6):
        pts.append((0.74 - (i + 0.5) * 0.08, 0.82 if i % 2 == 0 else 0.86))
    pts.append((0.26, 0.86))
    d.polygon([(x * S, y * S) for x, y in pts], fill=c[0])
    for y in (0.3, 0.42, 0.54):
        d.rectangle((0.34 * S, y * S, 0.66 * S, (y + 0.04) * S), fill=c[1])


def neg_percent(d, c, p):
    d.line((0.26 * S, 0.78 * S, 0.74 * S, 0.22 * S), fill=c[0], width=int(0.07 * S))
    d.ellipse((0.2 * S, 0.2 * S, 0.4 * S, 0.4 * S), outline=c[0], width=int(0.05 * S))
    d.ellipse((0.6 * S, 0.6 * S, 0.8 * S, 0.8 * S), outline=c[0], width=int(0.05 * S))


def neg_cup(d, c, p):
    d.polygon([(0.22 * S, 0.32 * S), (0.7 * S, 0.32 * S), (0.64 * S, 0.8 * S), (0.28 * S, 0.8 * S)], fill=c[0])
    d.arc((0.6 * S, 0.4 * S, 0.84 * S, 0.64 * S), 270, 90, fill=c[0], width=int(0.045 * S))
    for x in (0.36, 0.5):
        d.line((x * S, 0.14 * S, (x + 0.04) * S, 0.26 * S), fill=c[0], width=int(0.025 * S))


def neg_plane(d, c, p):
    pts = [(0.5, 0.1), (0.56, 0.38), (0.88, 0.56), (0.88, 0.62), (0.56, 0.54), (0.54, 0.76), (0.64, 0.84),
           (0.64, 0.88), (0.5, 0.84), (0.36, 0.88), (0.36, 0.84), (0.46, 0.76), (0.44, 0.54), (0.12, 0.62),
           (0.12, 0.56), (0.44, 0.38)]
    d.polygon([(x * S, y * S) for x, y in pts], fill=c[0])


def neg_gift(d, c, p):
    d.rectangle((0.2 * S, 0.4 * S, 0.8 * S, 0.84 * S), fill=c[0])
    d.rectangle((0.16 * S, 0.3 * S, 0.84 * S, 0.42 * S), fill=c[0])
    d.rectangle((0.46 * S, 0.3 * S, 0.54 * S, 0.84 * S), fill=c[1])
    d.ellipse((0.3 * S, 0.14 * S, 0.5 * S, 0.32 * S), outline=c[0], width=int(0.035 * S))
    d.ellipse((0.5 * S, 0.14 * S, 0.7 * S, 0.32 * S), outline=c[0], width=int(0.035 * S))


def neg_puzzle(d, c, p):
    d.rectangle((0.22 * S, 0.3 * S, 0.7 * S, 0.78 * S), fill=c[0])
    d.ellipse((0.38 * S, 0.16 * S, 0.54 * S, 0.32 * S), fill=c[0])
    d.ellipse((0.66 * S, 0.46 * S, 0.82 * S, 0.62 * S), fill=c[0])
    d.ellipse((0.38 * S, 0.7 * S, 0.54 * S, 0.86 * S), fill=c[1])


def neg_dumbbell(d, c, p):
    d.rectangle((0.3 * S, 0.46 * S, 0.7 * S, 0.54 * S), fill=c[0])
    for x in (0.18, 0.72):
        d.rounded_rectangle((x * S, 0.3 * S, (x + 0.1) * S, 0.7 * S), radius=0.03 * S, fill=c[0])


NEG_MOTIFS = {
    "leaf": neg_leaf, "cloud": neg_cloud, "camera": neg_camera, "note": neg_note, "gamepad": neg_gamepad,
    "bubble": neg_bubble, "pin": neg_pin, "book": neg_book, "bag": neg_bag, "cat": neg_cat, "rocket": neg_rocket,
    "heart": neg_heart, "bolt": neg_bolt, "paw": neg_paw, "car": neg_car, "house": neg_house, "clock": neg_clock,
    "calculator": neg_calculator, "pie": neg_pie, "wallet": neg_wallet, "key": neg_key, "tree": neg_tree,
    "anchor": neg_anchor, "envelope": neg_envelope, "magnifier": neg_magnifier, "bell": neg_bell,
    "headphones": neg_headphones, "umbrella": neg_umbrella, "receipt": neg_receipt, "percent": neg_percent,
    "cup": neg_cup, "plane": neg_plane, "gift": neg_gift, "puzzle": neg_puzzle, "dumbbell": neg_dumbbell,
}
FIN_TOOL_MOTIFS = ["calculator", "pie", "wallet", "receipt", "percent", "key", "envelope"]


def draw_negative(motif, style, c1, c2, layout="plain", word=None, scale=1.0, dx=0.0, dy=0.0):
    """A negative icon: a motif no protected icon uses. layout: plain | ring (bank-like white ring round the
    motif) | wordmark (motif above a word on white) | corner (motif small in a corner, app-store style)."""
    im, field, fg = background(style, c1, c2)
    cols = (fg[0], field, fg[1])
    layer = Image.new("RGB", (S, S), (0, 0, 0))
    mask = Image.new("L", (S, S), 0)
    ld = ImageDraw.Draw(layer)
    md = ImageDraw.Draw(mask)

    class Both:
        """Draws the motif on a colour layer and its mask at the same time (so it can be scaled/moved)."""

        def __getattr__(self, name):
            def call(*args, **kw):
                getattr(ld, name)(*args, **kw)
                kw2 = dict(kw)
                for k in ("fill", "outline"):
                    if k in kw2 and kw2[k] is not None:
                        kw2[k] = 255
                getattr(md, name)(*args, **kw2)
            return call

    NEG_MOTIFS[motif](Both(), cols, {})
    sc = scale
    if layout == "ring":
        sc *= 0.62
    elif layout == "wordmark":
        sc *= 0.62
        dy -= 0.12
    if sc != 1.0 or dx or dy:
        n = int(S * sc)
        layer = layer.resize((n, n), Image.LANCZOS)
        mask = mask.resize((n, n), Image.LANCZOS)
        ox = int((S - n) / 2 + dx * S)
        oy = int((S - n) / 2 + dy * S)
        big = Image.new("RGB", (S, S), (0, 0, 0))
        bigm = Image.new("L", (S, S), 0)
        big.paste(layer, (ox, oy))
        bigm.paste(mask, (ox, oy))
        layer, mask = big, bigm
    im.paste(layer, (0, 0), mask)
    d = ImageDraw.Draw(im)
    if layout == "ring":
        d.ellipse((0.14 * S, 0.14 * S, 0.86 * S, 0.86 * S), outline=fg[0], width=int(0.045 * S))
    if layout == "wordmark" and word:
        size = fit_text(d, word, 0.84 * S, int(0.17 * S))
        centered_text(d, (0.5 * S, 0.8 * S), word, size, fg[0])
    return finish(im)
