"""Emblems of the protected institutions (and of the unprotected look-alike institutions of the hard
negatives): one geometric template per institution, drawn as a coverage mask at 512 px and composed
onto a plain, white or gradient field at 256 px.

Every template is a different construction (ring, coin, hexagon, shield, petals, ...); when the
templates run out, a template that carries a glyph is shrunk into an outer ring, so that two
institutions never share the same outline (the glyphs differ as well).
"""

from __future__ import annotations

import math

import fonts
import numpy as np
from PIL import Image, ImageDraw

S = 512  # drawing resolution
OUT = 256  # icon resolution


def _reg(cx, cy, r, n, rot=0.0):
    return [(cx + r * math.cos(rot + 2 * math.pi * k / n), cy + r * math.sin(rot + 2 * math.pi * k / n))
            for k in range(n)]


def _ell(cx, cy, a, b, ang, n=48):
    ca, sa = math.cos(ang), math.sin(ang)
    pts = []
    for k in range(n):
        t = 2 * math.pi * k / n
        x, y = a * math.cos(t), b * math.sin(t)
        pts.append((cx + x * ca - y * sa, cy + x * sa + y * ca))
    return pts


def _circle(d, cx, cy, r, fill):
    d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fill)


def _ring(d, cx, cy, r, w, fill=255, hole=0):
    _circle(d, cx, cy, r, fill)
    _circle(d, cx, cy, r - w, hole)


def _g(d, g, cx, cy, box, fill):
    if g:
        fonts.glyph(d, g, cx, cy, box, fill)


# ---- templates: draw(d, cx, cy, r, glyph) on an "L" coverage mask (255 = emblem colour) ------------

def t_ring_square(d, cx, cy, r, g):
    _ring(d, cx, cy, r, r * 0.17)
    s = r * 0.52
    d.rectangle([cx - s, cy - s, cx + s, cy + s], fill=255)
    _g(d, g, cx, cy, s * 1.55, 0)


def t_coin_line(d, cx, cy, r, g):
    _ring(d, cx, cy, r, r * 0.2)
    s = r * 0.36
    w = r * 0.13
    d.rectangle([cx - s, cy - s, cx + s, cy + s], fill=255)
    d.rectangle([cx - s + w, cy - s + w, cx + s - w, cy + s - w], fill=0)
    d.rectangle([cx - w * 0.6, cy - r, cx + w * 0.6, cy - s], fill=255)
    d.rectangle([cx - w * 0.6, cy + s, cx + w * 0.6, cy + r], fill=255)


def t_hexagon(d, cx, cy, r, g):
    d.polygon(_reg(cx, cy, r, 6, math.pi / 6), fill=255)
    _g(d, g, cx, cy, r * 1.05, 0)


def t_diamond_outline(d, cx, cy, r, g):
    d.polygon(_reg(cx, cy, r, 4, 0), fill=255)
    d.polygon(_reg(cx, cy, r * 0.74, 4, 0), fill=0)
    _g(d, g, cx, cy, r * 0.8, 255)


def t_shield(d, cx, cy, r, g):
    pts = [(cx - r * 0.85, cy - r * 0.92), (cx, cy - r * 1.02), (cx + r * 0.85, cy - r * 0.92),
           (cx + r * 0.85, cy + r * 0.05)]
    for k in range(1, 12):
        t = k / 12
        pts.append((cx + r * 0.85 * (1 - t) ** 1.3, cy + r * 0.05 + r * 0.97 * math.sin(t * math.pi / 2)))
    for x, y in reversed(pts[3:-1]):
        pts.append((2 * cx - x, y))
    pts.append((cx - r * 0.85, cy - r * 0.92))
    d.polygon(pts, fill=255)
    _g(d, g, cx, cy - r * 0.05, r * 0.95, 0)


def t_double_arc(d, cx, cy, r, g):
    w = r * 0.16
    d.arc([cx - r, cy - r, cx + r, cy + r], start=-40, end=220, fill=255, width=int(w))
    r2 = r * 0.68
    d.arc([cx - r2, cy - r2, cx + r2, cy + r2], start=140, end=400, fill=255, width=int(w))
    _g(d, g, cx, cy, r * 0.72, 255)


def t_stacked_bars(d, cx, cy, r, g):
    h = r * 0.26
    for k, wf in enumerate((1.0, 0.78, 0.56)):
        y = cy + r - h - k * (h + r * 0.1)
        d.rounded_rectangle([cx - r * wf, y, cx + r * wf, y + h], radius=h / 2, fill=255)
    _g(d, g, cx, cy - r * 0.62, r * 0.72, 255)


def t_mountains(d, cx, cy, r, g):
    d.polygon([(cx - r, cy + r * 0.7), (cx - r * 0.25, cy - r * 0.6), (cx + r * 0.5, cy + r * 0.7)], fill=255)
    d.polygon([(cx - r * 0.1, cy + r * 0.7), (cx + r * 0.45, cy - r * 0.15), (cx + r, cy + r * 0.7)], fill=170)
    _circle(d, cx + r * 0.55, cy - r * 0.6, r * 0.22, 255)
    d.rectangle([cx - r, cy + r * 0.8, cx + r, cy + r * 0.95], fill=255)


def t_wave_circle(d, cx, cy, r, g):
    _circle(d, cx, cy, r, 255)
    for off in (-0.25, 0.2):
        pts = [(cx - r + 2 * r * k / 40, cy + r * off + r * 0.16 * math.sin(k / 40 * 2 * math.pi))
               for k in range(41)]
        d.line(pts, fill=0, width=int(r * 0.13))


def t_star(d, cx, cy, r, g):
    pts = []
    for k in range(10):
        rr = r if k % 2 == 0 else r * 0.45
        a = -math.pi / 2 + k * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
    d.polygon(pts, fill=255)
    _g(d, g, cx, cy + r * 0.08, r * 0.5, 0)


def t_latin_box(d, cx, cy, r, g):
    d.rounded_rectangle([cx - r, cy - r * 0.75, cx + r, cy + r * 0.75], radius=r * 0.25, fill=255)
    d.rounded_rectangle([cx - r * 0.86, cy - r * 0.61, cx + r * 0.86, cy + r * 0.61], radius=r * 0.16, fill=0)
    _g(d, g, cx, cy, r * 1.1, 255)


def t_petals(d, cx, cy, r, g):
    for k in range(4):
        a = math.pi / 4 + k * math.pi / 2
        d.polygon(_ell(cx + r * 0.5 * math.cos(a), cy + r * 0.5 * math.sin(a), r * 0.52, r * 0.3, a), fill=255)
    _circle(d, cx, cy, r * 0.36, 255)
    _g(d, g, cx, cy, r * 0.46, 0)


def t_octagon_outline(d, cx, cy, r, g):
    d.polygon(_reg(cx, cy, r, 8, math.pi / 8), fill=255)
    d.polygon(_reg(cx, cy, r * 0.8, 8, math.pi / 8), fill=0)
    _g(d, g, cx, cy, r * 0.95, 255)


def t_chevrons(d, cx, cy, r, g):
    for k in range(2):
        y = cy - r * 0.55 + k * r * 0.45
        d.line([(cx - r * 0.9, y + r * 0.5), (cx, y), (cx + r * 0.9, y + r * 0.5)], fill=255,
               width=int(r * 0.22), joint="curve")
    _g(d, g, cx, cy + r * 0.62, r * 0.62, 255)


def t_split_circle(d, cx, cy, r, g):
    d.pieslice([cx - r, cy - r, cx + r, cy + r], start=135, end=315, fill=255)
    d.pieslice([cx - r, cy - r, cx + r, cy + r], start=-45, end=135, fill=140)
    _g(d, g, cx, cy, r * 1.0, 0)


def t_quad_squares(d, cx, cy, r, g):
    s = r * 0.92
    gap = r * 0.1
    for ix in (0, 1):
        for iy in (0, 1):
            x0 = cx - s + ix * (s + gap / 2)
            y0 = cy - s + iy * (s + gap / 2)
            d.rounded_rectangle([x0, y0, x0 + s - gap / 2, y0 + s - gap / 2], radius=s * 0.12,
                                fill=255 if (ix + iy) % 2 == 0 else 150)
    _g(d, g, cx - s / 2, cy - s / 2, s * 0.7, 0)


def t_arrow_ring(d, cx, cy, r, g):
    w = int(r * 0.2)
    d.arc([cx - r, cy - r, cx + r, cy + r], start=40, end=330, fill=255, width=w)
    a = math.radians(330)
    tip = (cx + r * 0.9 * math.cos(a + 0.35), cy + r * 0.9 * math.sin(a + 0.35))
    base1 = (cx + (r + w * 0.9) * math.cos(a), cy + (r + w * 0.9) * math.sin(a))
    base2 = (cx + (r - w * 1.9) * math.cos(a), cy + (r - w * 1.9) * math.sin(a))
    d.polygon([tip, base1, base2], fill=255)
    _g(d, g, cx, cy, r * 0.95, 255)


def t_seal(d, cx, cy, r, g):
    d.rectangle([cx - r * 0.9, cy - r * 0.9, cx + r * 0.9, cy + r * 0.9], fill=255)
    d.rectangle([cx - r * 0.74, cy - r * 0.74, cx + r * 0.74, cy + r * 0.74], fill=0)
    d.rectangle([cx - r * 0.62, cy - r * 0.62, cx + r * 0.62, cy + r * 0.62], fill=255)
    _g(d, g, cx, cy, r * 1.0, 0)


def t_knot(d, cx, cy, r, g):
    for dx, dy in ((0, -1), (1, 0), (0, 1), (-1, 0)):
        d.polygon(_reg(cx + dx * r * 0.56, cy + dy * r * 0.56, r * 0.42, 4, 0), fill=255)
    d.polygon(_reg(cx, cy, r * 0.2, 4, 0), fill=255)


def t_cloud(d, cx, cy, r, g):
    for ox, oy, rr in ((-0.45, 0.1, 0.42), (0.05, -0.25, 0.52), (0.52, 0.12, 0.38)):
        _circle(d, cx + ox * r, cy + oy * r, rr * r, 255)
    d.rounded_rectangle([cx - r * 0.9, cy + r * 0.1, cx + r * 0.92, cy + r * 0.52], radius=r * 0.2, fill=255)
    for ox, oy, rr in ((-0.45, 0.1, 0.16), (0.05, -0.25, 0.22), (0.52, 0.12, 0.13)):
        _ring(d, cx + ox * r, cy + oy * r, rr * r, rr * r * 0.45, fill=0, hole=255)
    d.rectangle([cx - r * 0.7, cy + r * 0.68, cx + r * 0.7, cy + r * 0.8], fill=255)


def t_bars_rising(d, cx, cy, r, g):
    w = r * 0.36
    for k, hf in enumerate((0.6, 1.0, 1.45)):
        x0 = cx - r + k * (w + r * 0.46)
        d.rectangle([x0, cy + r - hf * r * 0.9, x0 + w, cy + r], fill=255)
    d.line([(cx - r, cy - r * 0.05), (cx - r * 0.2, cy - r * 0.45), (cx + r * 0.2, cy - r * 0.2),
            (cx + r * 0.95, cy - r * 0.95)], fill=200, width=int(r * 0.1))
    _g(d, g, cx - r * 0.55, cy - r * 0.7, r * 0.5, 255)


def t_sun_rays(d, cx, cy, r, g):
    for k in range(12):
        a = 2 * math.pi * k / 12
        p1 = (cx + r * math.cos(a), cy + r * math.sin(a))
        p2 = (cx + r * 0.62 * math.cos(a + 0.16), cy + r * 0.62 * math.sin(a + 0.16))
        p3 = (cx + r * 0.62 * math.cos(a - 0.16), cy + r * 0.62 * math.sin(a - 0.16))
        d.polygon([p1, p2, p3], fill=255)
    _circle(d, cx, cy, r * 0.6, 255)
    _g(d, g, cx, cy, r * 0.7, 0)


def t_leaf_pair(d, cx, cy, r, g):
    d.polygon(_ell(cx - r * 0.28, cy, r * 0.85, r * 0.36, math.radians(-55)), fill=255)
    d.polygon(_ell(cx + r * 0.28, cy, r * 0.85, r * 0.36, math.radians(55)), fill=160)
    d.line([(cx, cy - r * 0.2), (cx, cy + r)], fill=255, width=int(r * 0.08))


def t_ribbon_s(d, cx, cy, r, g):
    w = int(r * 0.24)
    h = r * 0.5
    d.arc([cx - h * 1.1, cy - r, cx + h * 1.1, cy], start=90, end=360, fill=255, width=w)
    d.arc([cx - h * 1.1, cy, cx + h * 1.1, cy + r], start=270, end=540, fill=255, width=w)


def t_triangle(d, cx, cy, r, g):
    d.polygon(_reg(cx, cy + r * 0.15, r * 1.05, 3, -math.pi / 2), fill=255)
    _g(d, g, cx, cy + r * 0.3, r * 0.62, 0)


def t_circle_glyph(d, cx, cy, r, g):
    _circle(d, cx, cy, r, 255)
    _g(d, g, cx, cy, r * 1.2, 0)


def t_crescent(d, cx, cy, r, g):
    _circle(d, cx, cy, r, 255)
    _circle(d, cx + r * 0.42, cy - r * 0.18, r * 0.78, 0)
    _g(d, g, cx + r * 0.38, cy - r * 0.1, r * 0.62, 255)


def t_rounded_band(d, cx, cy, r, g):
    d.rounded_rectangle([cx - r, cy - r, cx + r, cy + r], radius=r * 0.3, fill=255)
    d.polygon([(cx - r, cy + r * 0.35), (cx + r * 0.35, cy - r), (cx + r * 0.6, cy - r),
               (cx - r, cy + r * 0.6)], fill=0)
    _g(d, g, cx + r * 0.22, cy + r * 0.25, r * 0.9, 0)


def t_ring_dots(d, cx, cy, r, g):
    _ring(d, cx, cy, r * 0.8, r * 0.12)
    for k in range(4):
        a = k * math.pi / 2 + math.pi / 4
        _circle(d, cx + r * 0.88 * math.cos(a), cy + r * 0.88 * math.sin(a), r * 0.14, 255)
    _g(d, g, cx, cy, r * 0.82, 255)


def t_pentagon_cut(d, cx, cy, r, g):
    d.polygon(_reg(cx, cy, r, 5, -math.pi / 2), fill=255)
    d.line(_reg(cx, cy, r * 0.8, 5, -math.pi / 2) + [_reg(cx, cy, r * 0.8, 5, -math.pi / 2)[0]], fill=0,
           width=int(r * 0.06))
    _g(d, g, cx, cy + r * 0.05, r * 0.7, 0)


def t_bank_arch(d, cx, cy, r, g):
    d.pieslice([cx - r, cy - r * 1.0, cx + r, cy + r * 1.0], start=180, end=360, fill=255)
    d.rectangle([cx - r, cy, cx + r, cy + r * 0.25], fill=255)
    for k in range(4):
        x = cx - r * 0.8 + k * r * 0.53
        d.rectangle([x, cy + r * 0.35, x + r * 0.2, cy + r * 0.85], fill=255)
    d.rectangle([cx - r, cy + r * 0.9, cx + r, cy + r], fill=255)
    _g(d, g, cx, cy - r * 0.42, r * 0.6, 0)


TEMPLATES = {
    "ring_square": (t_ring_square, True), "coin_line": (t_coin_line, False), "hexagon": (t_hexagon, True),
    "diamond_outline": (t_diamond_outline, True), "shield": (t_shield, True),
    "double_arc": (t_double_arc, True), "stacked_bars": (t_stacked_bars, True),
    "mountains": (t_mountains, False), "wave_circle": (t_wave_circle, False), "star": (t_star, True),
    "latin_box": (t_latin_box, True), "petals": (t_petals, True), "octagon_outline": (t_octagon_outline, True),
    "chevrons": (t_chevrons, True), "split_circle": (t_split_circle, True),
    "quad_squares": (t_quad_squares, True), "arrow_ring": (t_arrow_ring, True), "seal": (t_seal, True),
    "knot": (t_knot, False), "cloud": (t_cloud, False), "bars_rising": (t_bars_rising, True),
    "sun_rays": (t_sun_rays, True), "leaf_pair": (t_leaf_pair, False), "ribbon_s": (t_ribbon_s, False),
    "triangle": (t_triangle, True), "circle_glyph": (t_circle_glyph, True), "crescent": (t_crescent, True),
    "rounded_band": (t_rounded_band, True), "ring_dots": (t_ring_dots, True),
    "pentagon_cut": (t_pentagon_cut, True), "bank_arch": (t_bank_arch, True),
}

# one template per protected institution, chosen by hand; "+ring" = shrunk into an outer ring
PROTECTED_TEMPLATE = {
    "icbc": "ring_square", "ccb": "diamond_outline", "abc": "sun_rays", "boc": "coin_line",
    "bocom": "hexagon", "psbc": "chevrons", "cmb": "ribbon_s", "spdb": "knot", "citic": "star",
    "cib": "wave_circle", "cmbc": "split_circle", "ceb": "crescent", "hxb": "seal", "pab": "rounded_band",
    "cgb": "double_arc", "czb": "octagon_outline", "bob": "quad_squares", "bosc": "arrow_ring",
    "jsb": "triangle+ring", "nbcb": "stacked_bars", "hzb": "petals", "webank": "cloud", "mybank": "mountains",
    "chinalife": "leaf_pair", "pingan": "shield", "cpic": "ring_dots", "picc": "circle_glyph",
    "nci": "hexagon+ring", "taikang": "pentagon_cut", "ccic": "seal+ring", "sunshine": "star+ring",
    "zhongan": "octagon_outline+ring", "htsc": "latin_box", "gtja": "diamond_outline+ring",
    "cicc": "triangle", "haitong": "split_circle+ring", "eastmoney": "bars_rising",
    "galaxy": "petals+ring", "alipay": "rounded_band+ring", "unionpay": "latin_box+ring",
    "lakala": "quad_squares+ring", "duxiaoman": "crescent+ring", "mucfc": "chevrons+ring",
    "msxf": "shield+ring", "homecredit": "stacked_bars+ring",
}

# templates left for the unprotected institutions of the hard negatives (plus reuse with other glyphs)
FREE_TEMPLATES = ["bank_arch", "circle_glyph+ring", "ring_dots+ring", "pentagon_cut+ring", "arrow_ring+ring",
                  "double_arc+ring", "sun_rays+ring", "bank_arch+ring", "circle_glyph", "hexagon", "shield",
                  "star", "triangle", "octagon_outline", "ring_square", "seal", "petals"]


def draw_emblem(mask: Image.Image, template: str, cx: float, cy: float, r: float, glyph: str | None) -> None:
    d = ImageDraw.Draw(mask)
    name, _, ring = template.partition("+")
    fn, uses_glyph = TEMPLATES[name]
    if ring:
        _ring(d, cx, cy, r, r * 0.1)
        r = r * 0.74
    fn(d, cx, cy, r, glyph if uses_glyph else None)


def field(style: str, colour, size: int = S) -> Image.Image:
    if style == "white":
        return Image.new("RGB", (size, size), (255, 255, 255))
    if style == "solid":
        return Image.new("RGB", (size, size), tuple(colour))
    # gradient: +-22 grey levels around the brand colour, top lighter
    t = np.linspace(1.0, -1.0, size, dtype=np.float32)[:, None, None]
    base = np.array(colour, np.float32)[None, None, :]
    arr = np.clip(base + 22.0 * t, 0, 255) * np.ones((size, size, 3), np.float32)
    return Image.fromarray(arr.round().astype(np.uint8), "RGB")


def emblem_icon(template: str, glyph: str | None, colour, style: str, label: str | None = None,
                size: int = OUT) -> dict:
    """Compose an emblem icon. Returns {"img", "mask", "bg", "fg", ...} at `size` px."""
    mask = Image.new("L", (S, S), 0)
    if label:
        draw_emblem(mask, template, S / 2, S * 0.40, S * 0.25, glyph)
        d = ImageDraw.Draw(mask)
        fnt = fonts.fit_font(label, S * 0.72, S * 0.13)
        fonts.draw_centred(d, label, S / 2, S * 0.80, fnt, 255)
    else:
        draw_emblem(mask, template, S / 2, S / 2, S * 0.31, glyph)
    bg = field(style, colour)
    fg = tuple(colour) if style == "white" else (255, 255, 255)
    img = Image.composite(Image.new("RGB", (S, S), fg), bg, mask)
    img = img.resize((size, size), Image.Resampling.LANCZOS)
    small = mask.resize((size, size), Image.Resampling.LANCZOS)
    bgc = (255, 255, 255) if style == "white" else tuple(colour)
    return {"img": img, "mask": small, "bg": bgc, "fg": fg, "style": style, "template": template,
            "glyph": glyph, "label": label}


def protected_icon(inst: dict, app_index: int, app: dict, base_style: str) -> dict:
    template = PROTECTED_TEMPLATE[inst["key"]]
    other = "white" if base_style != "white" else "solid"
    if app_index == 0:
        style, label = base_style, None
    elif app_index == 1:
        style, label = other, app["label"]
    else:
        style, label = "gradient", app["label"]
    return emblem_icon(template, inst["glyph"], inst["colour"], style, label)
