"""Icon drawing for holdout_s20: protected logos (own designs) and unrelated app pictograms.

Everything is drawn at 2x (512 px) and reduced to 256 px. A protected logo is a background plus an
emblem layer (RGBA), so that edits can put the emblem on a new background; ``stroke`` scales every
line width (and thickens/thins glyphs) for the "re-drawn at another stroke weight" copies.
"""

from __future__ import annotations

import colorsys
import math

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
LATIN_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
S = 512
C = S // 2

_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont] = {}


def font(path: str, size: int) -> ImageFont.FreeTypeFont:
    key = (path, size)
    if key not in _FONTS:
        _FONTS[key] = ImageFont.truetype(path, size)
    return _FONTS[key]


def cjk(size: int) -> ImageFont.FreeTypeFont:
    return font(CJK_FONT, size)


def latin(size: int) -> ImageFont.FreeTypeFont:
    return font(LATIN_FONT, size)


def hsv(h: float, s: float, v: float) -> tuple[int, int, int]:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return (round(r * 255), round(g * 255), round(b * 255))


# ---------------------------------------------------------------- backgrounds
def background(kind: str, c1, c2, size: int = S, angle: float = 0.0) -> Image.Image:
    yy, xx = np.mgrid[0:size, 0:size].astype(np.float32) / (size - 1)
    a = np.array(c1, np.float32)
    b = np.array(c2, np.float32)
    if kind == "solid":
        t = np.zeros_like(xx)
    elif kind == "linear":
        ca, sa = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        t = (xx - 0.5) * ca + (yy - 0.5) * sa
        t = (t - t.min()) / (t.max() - t.min())
    elif kind == "radial":
        t = np.clip(np.hypot(xx - 0.5, yy - 0.42) / 0.75, 0, 1)
    else:  # "split": two halves, diagonal
        t = (xx + yy > 1.0).astype(np.float32) * 0.35
    arr = a[None, None, :] * (1 - t[..., None]) + b[None, None, :] * t[..., None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


# ---------------------------------------------------------------- glyph helper
def text_layer(text: str, fnt, fill, stroke: float, size: int = S, xy=(C, C), anchor="mm") -> Image.Image:
    lay = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    extra = max(0, round(7 * (stroke - 1.0)))
    d.text(xy, text, font=fnt, fill=fill, anchor=anchor, stroke_width=extra, stroke_fill=fill)
    if stroke < 0.85:
        r, g, b, al = lay.split()
        al = al.filter(ImageFilter.MinFilter(3 if stroke > 0.6 else 5))
        lay = Image.merge("RGBA", (r, g, b, al))
    return lay


def _w(base: float, stroke: float) -> int:
    return max(2, round(base * stroke))


def _poly_ellipse(cx, cy, rx, ry, rot, n=48):
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * math.cos(rot) - y * math.sin(rot), cy + x * math.sin(rot) + y * math.cos(rot)))
    return pts


def _reg_poly(cx, cy, r, n, rot=0.0):
    return [(cx + r * math.cos(rot + 2 * math.pi * i / n), cy + r * math.sin(rot + 2 * math.pi * i / n)) for i in range(n)]


# ---------------------------------------------------------------- emblems
def emblem(spec: dict, stroke: float = 1.0) -> Image.Image:
    """Emblem layer (RGBA, 512 px, transparent field)."""
    kind = spec["emblem"]
    fg, ac = tuple(spec["fg"]), tuple(spec["accent"])
    glyph, abbr, four = spec["glyph"], spec["latin"], spec["four"]
    lay = Image.new("RGBA", (S, S), (0, 0, 0, 0))
    d = ImageDraw.Draw(lay)
    clear = (0, 0, 0, 0)
    if kind == "ring_glyph":
        r = 188
        d.ellipse([C - r, C - r, C + r, C + r], outline=fg, width=_w(24, stroke))
        d.ellipse([C - r + 40, C - r + 40, C + r - 40, C + r - 40], outline=ac, width=_w(8, stroke))
        lay.alpha_composite(text_layer(glyph, cjk(190), fg, stroke, xy=(C, C + 6)))
    elif kind == "seal":
        d.rounded_rectangle([92, 92, 420, 420], radius=46, fill=fg)
        w = _w(10, stroke)
        d.rounded_rectangle([118, 118, 394, 394], radius=30, outline=clear, width=w)
        for i, ch in enumerate(four[:4]):
            x = C + (62 if i < 2 else -62)  # read right column first, like a seal
            y = C + (-62 if i % 2 == 0 else 62)
            t = text_layer(ch, cjk(112), (255, 255, 255, 255), stroke, xy=(x, y + 4))
            lay.paste(clear, mask=t.split()[3].point(lambda v: 255 if v > 110 else 0))
    elif kind == "coin":
        r = 196
        d.ellipse([C - r, C - r, C + r, C + r], fill=fg)
        d.ellipse([C - r + 22, C - r + 22, C + r - 22, C + r - 22], outline=ac, width=_w(10, stroke))
        h = 56
        d.rectangle([C - h, C - h, C + h, C + h], fill=clear)
        d.rectangle([C - h - 14, C - h - 14, C + h + 14, C + h + 14], outline=ac, width=_w(9, stroke))
        pos = [(C, C - 124), (C + 124, C), (C, C + 124), (C - 124, C)]
        for ch, p in zip(four, pos, strict=False):
            lay.alpha_composite(text_layer(ch, cjk(64), ac, stroke, xy=p))
    elif kind == "ingot":
        d.chord([C - 210, C - 110, C + 210, C + 170], 0, 180, fill=fg)
        d.ellipse([C - 110, C - 170, C + 110, C + 60], fill=fg)
        d.ellipse([C - 240, C - 60, C - 130, C + 40], fill=fg)
        d.ellipse([C + 130, C - 60, C + 240, C + 40], fill=fg)
        d.arc([C - 210, C - 40, C + 210, C + 100], 0, 180, fill=ac, width=_w(16, stroke))
        d.ellipse([C - 40, C - 110, C + 40, C - 30], outline=ac, width=_w(12, stroke))
    elif kind == "shield":
        pts = [(C - 170, C - 190), (C + 170, C - 190), (C + 170, C + 10), (C, C + 200), (C - 170, C + 10)]
        d.polygon(pts, fill=ac)
        d.line(pts + [pts[0]], fill=fg, width=_w(26, stroke), joint="curve")
        lay.alpha_composite(text_layer(abbr[:1], latin(210), fg, stroke, xy=(C, C - 24)))
    elif kind == "letters":
        size = 230 if len(abbr) <= 2 else (170 if len(abbr) == 3 else 128)
        lay.alpha_composite(text_layer(abbr, latin(size), fg, stroke, xy=(C, C - 20)))
        bw = _w(24, stroke)
        d.rectangle([C - 180, C + 100, C + 180, C + 100 + bw], fill=ac)
        d.ellipse([C + 150, C - 190, C + 200, C - 140], fill=ac)
    elif kind == "diamond":
        for dx, col in ((-62, fg), (62, ac)):
            d.line(_reg_poly(C + dx, C, 150, 4) + [_reg_poly(C + dx, C, 150, 4)[0]], fill=col, width=_w(30, stroke), joint="curve")
        d.ellipse([C - 22, C - 22, C + 22, C + 22], fill=fg)
    elif kind == "sunrise":
        cy = C + 70
        d.pieslice([C - 130, cy - 130, C + 130, cy + 130], 180, 360, fill=fg)
        for i in range(9):
            a = math.pi + math.pi * (i + 0.5) / 9
            d.line([(C + 158 * math.cos(a), cy + 158 * math.sin(a)), (C + 215 * math.cos(a), cy + 215 * math.sin(a))],
                   fill=fg, width=_w(16, stroke))
        d.line([(C - 200, cy + 24), (C + 200, cy + 24)], fill=ac, width=_w(18, stroke))
        d.line([(C - 140, cy + 70), (C + 140, cy + 70)], fill=ac, width=_w(14, stroke))
    elif kind == "waves":
        d.ellipse([C - 70, C - 200, C + 70, C - 60], fill=ac)
        for k, y0 in enumerate((C + 10, C + 80, C + 150)):
            pts = [(x, y0 + 26 * math.sin((x - C) / 42 + k)) for x in range(C - 200, C + 201, 8)]
            d.line(pts, fill=fg, width=_w(22, stroke), joint="curve")
    elif kind == "hexagon":
        hexa = _reg_poly(C, C, 198, 6, math.pi / 6)
        d.polygon(hexa, fill=ac)
        d.line(hexa + [hexa[0]], fill=fg, width=_w(24, stroke), joint="curve")
        lay.alpha_composite(text_layer(glyph, cjk(180), fg, stroke, xy=(C, C + 6)))
    elif kind == "petals":
        for i in range(6):
            a = math.pi * i / 3
            pts = _poly_ellipse(C + 110 * math.cos(a), C + 110 * math.sin(a), 110, 52 * min(1.6, stroke), a)
            d.polygon(pts, fill=fg if i % 2 == 0 else ac)
        d.ellipse([C - 50, C - 50, C + 50, C + 50], fill=clear)
        d.ellipse([C - 28, C - 28, C + 28, C + 28], fill=fg)
    elif kind == "chevrons":
        for k, y0 in enumerate((C - 120, C - 10, C + 100)):
            col = fg if k != 1 else ac
            d.line([(C - 170, y0 + 110), (C, y0), (C + 170, y0 + 110)], fill=col, width=_w(38, stroke), joint="curve")
    elif kind == "arch":
        d.rounded_rectangle([C - 190, C - 170, C + 190, C + 190], radius=24, fill=fg)
        d.pieslice([C - 110, C - 60, C + 110, C + 160], 180, 360, fill=clear)
        d.rectangle([C - 110, C + 50, C + 110, C + 191], fill=clear)
        w = _w(18, stroke)
        d.line([(C - 150, C - 120), (C + 150, C - 120)], fill=ac, width=w)
        d.line([(C - 150, C - 84), (C + 150, C - 84)], fill=ac, width=w)
    elif kind == "mountain":
        d.ellipse([C + 60, C - 190, C + 170, C - 80], fill=ac)
        d.polygon([(C - 220, C + 170), (C - 60, C - 110), (C + 100, C + 170)], fill=fg)
        d.polygon([(C - 40, C + 170), (C + 90, C - 30), (C + 220, C + 170)], fill=ac)
        d.line([(C - 230, C + 180), (C + 230, C + 180)], fill=fg, width=_w(20, stroke))
    elif kind == "knot":
        sq = _reg_poly(C, C, 200, 4, math.pi / 4)
        d.line(sq + [sq[0]], fill=fg, width=_w(28, stroke), joint="curve")
        w = _w(30, stroke)
        d.line([(C, C - 200), (C, C + 200)], fill=ac, width=w)
        d.line([(C - 200, C), (C + 200, C)], fill=ac, width=w)
        d.rectangle([C - 50, C - 50, C + 50, C + 50], fill=fg)
    elif kind == "triarc":
        r = 172
        for i in range(3):
            st = 120 * i + spec.get("rot", 0)
            d.arc([C - r, C - r, C + r, C + r], st, st + 92, fill=fg if i else ac, width=_w(40, stroke))
        d.ellipse([C - 48, C - 48, C + 48, C + 48], fill=fg)
    else:
        raise ValueError(kind)
    label = spec.get("label", "none")
    if label == "below":  # emblem raised and shrunk, the abbreviation set under it
        small = lay.resize((int(S * 0.7), int(S * 0.7)), Image.LANCZOS)
        lay = Image.new("RGBA", (S, S), (0, 0, 0, 0))
        lay.alpha_composite(small, ((S - small.width) // 2, 18))
        size = 104 if len(abbr) <= 3 else 84
        lay.alpha_composite(text_layer(abbr, latin(size), fg, stroke, xy=(C, S - 76)))
    elif label == "inside":  # the glyph in a disc at the centre
        d = ImageDraw.Draw(lay)
        d.ellipse([C - 66, C - 66, C + 66, C + 66], fill=ac)
        d.ellipse([C - 66, C - 66, C + 66, C + 66], outline=fg, width=_w(8, stroke))
        lay.alpha_composite(text_layer(glyph, cjk(92), fg, stroke, xy=(C, C + 3)))
    return lay


NO_TEXT = {"ingot", "diamond", "sunrise", "waves", "petals", "chevrons", "arch", "mountain", "knot", "triarc"}


def protected_layers(spec: dict, stroke: float = 1.0) -> tuple[Image.Image, Image.Image]:
    bg = background(spec["bg"], spec["c1"], spec["c2"], angle=spec.get("angle", 0.0))
    return bg, emblem(spec, stroke)


def protected_icon(spec: dict, stroke: float = 1.0, size: int = 256) -> Image.Image:
    bg, em = protected_layers(spec, stroke)
    im = bg.convert("RGBA")
    im.alpha_composite(em)
    return im.convert("RGB").resize((size, size), Image.LANCZOS)


def emblem_small(spec: dict, stroke: float = 1.0, size: int = 256) -> Image.Image:
    return emblem(spec, stroke).resize((size, size), Image.LANCZOS)


EMBLEMS = ["ring_glyph", "seal", "coin", "ingot", "shield", "letters", "diamond", "sunrise", "waves",
           "hexagon", "petals", "chevrons", "arch", "mountain", "knot", "triarc"]


def random_spec(rng, glyph: str, abbr: str, four: str, emblem_kind: str) -> dict:
    """A protected logo design: palette, background and emblem."""
    h = rng.random()
    bgk = rng.choice(["solid", "linear", "linear", "radial", "white", "split"])
    dark = hsv(h, rng.uniform(0.65, 0.95), rng.uniform(0.55, 0.85))
    light = hsv(h + rng.uniform(-0.06, 0.06), rng.uniform(0.35, 0.8), rng.uniform(0.85, 1.0))
    gold = hsv(rng.uniform(0.1, 0.15), rng.uniform(0.55, 0.85), rng.uniform(0.85, 1.0))
    white = (255, 255, 255)
    if bgk == "white":
        c1 = c2 = (rng.randint(244, 255), rng.randint(244, 255), rng.randint(240, 255))
        fg, ac = dark, hsv(h + rng.choice([0.08, 0.5, -0.1]), 0.8, 0.85)
        bgk = "solid"
    else:
        c1, c2 = dark, hsv(h + rng.uniform(0.03, 0.12), rng.uniform(0.7, 1.0), rng.uniform(0.3, 0.6))
        if bgk == "radial":
            c1, c2 = light, dark
        fg = white if rng.random() < 0.65 else gold
        ac = gold if fg == white else white
    if emblem_kind == "seal" and rng.random() < 0.6:
        c1 = c2 = (250, 244, 228)
        bgk = "solid"
        fg, ac = hsv(rng.uniform(-0.02, 0.02), 0.85, 0.8), hsv(0.0, 0.85, 0.8)
    return {"emblem": emblem_kind, "bg": bgk, "c1": list(c1), "c2": list(c2), "angle": rng.uniform(0, 360),
            "fg": list(fg), "accent": list(ac), "glyph": glyph, "latin": abbr, "four": four,
            "rot": rng.choice([0, 30, 60, 90]),
            "label": rng.choice(["below", "inside", "below"]) if emblem_kind in NO_TEXT else "none"}


# ---------------------------------------------------------------- unrelated app pictograms
PICTOS = ["weather", "calendar", "chat", "camera", "music", "cart", "pin", "book", "play", "blocks",
          "photo", "clock", "calculator", "mail", "heart", "star", "char_flat", "letter_flat", "bubbles",
          "note", "bolt", "paw", "ball", "car", "cup", "tree", "rocket", "puzzle"]


def picto_icon(rng, kind: str, text: str = "", size: int = 256) -> tuple[Image.Image, dict]:
    h = rng.random()
    bgk = rng.choice(["solid", "linear", "solid", "white"])
    c1 = hsv(h, rng.uniform(0.3, 0.9), rng.uniform(0.6, 1.0))
    c2 = hsv(h + rng.uniform(0.05, 0.2), rng.uniform(0.3, 0.9), rng.uniform(0.5, 1.0))
    fg = (255, 255, 255) if rng.random() < 0.7 else hsv(h + 0.5, 0.8, 0.4)
    if bgk == "white":
        c1 = c2 = (252, 252, 252)
        fg = hsv(h, 0.85, 0.75)
        bgk = "solid"
    im = background(bgk, c1, c2, angle=rng.uniform(0, 360)).convert("RGBA")
    d = ImageDraw.Draw(im)
    r = rng.randint(150, 200)
    ox, oy = rng.randint(-30, 30), rng.randint(-30, 30)
    cx, cy = C + ox, C + oy
    if kind == "weather":
        d.ellipse([cx - 40, cy - 170, cx + 140, cy + 10], fill=hsv(0.13, 0.9, 1.0))
        for dx, dy, rr in ((-90, 40, 80), (10, 10, 105), (110, 50, 75)):
            d.ellipse([cx + dx - rr, cy + dy - rr, cx + dx + rr, cy + dy + rr], fill=fg)
        d.rectangle([cx - 170, cy + 50, cx + 185, cy + 125], fill=fg)
    elif kind == "calendar":
        d.rounded_rectangle([cx - r, cy - r + 30, cx + r, cy + r], radius=30, fill=fg)
        d.rectangle([cx - r, cy - r + 30, cx + r, cy - r + 100], fill=hsv(0.0, 0.8, 0.9))
        d.text((cx, cy + 50), str(rng.randint(1, 31)), font=latin(150), fill=c1, anchor="mm")
    elif kind == "chat":
        d.rounded_rectangle([cx - r, cy - r + 40, cx + r, cy + r - 60], radius=70, fill=fg)
        d.polygon([(cx - 80, cy + r - 70), (cx - 140, cy + r + 10), (cx - 10, cy + r - 70)], fill=fg)
        for k in (-1, 0, 1):
            d.ellipse([cx + 80 * k - 22, cy - 30, cx + 80 * k + 22, cy + 14], fill=c1)
    elif kind == "camera":
        d.rounded_rectangle([cx - r, cy - r + 70, cx + r, cy + r - 20], radius=40, fill=fg)
        d.rectangle([cx - 60, cy - r + 30, cx + 60, cy - r + 80], fill=fg)
        d.ellipse([cx - 85, cy - 45, cx + 85, cy + 125], fill=c1)
        d.ellipse([cx - 45, cy - 5, cx + 45, cy + 85], fill=fg)
    elif kind == "music":
        d.line([(cx - 60, cy + 110), (cx - 60, cy - 150), (cx + 110, cy - 190), (cx + 110, cy + 70)], fill=fg, width=34)
        d.ellipse([cx - 150, cy + 60, cx - 40, cy + 160], fill=fg)
        d.ellipse([cx + 20, cy + 20, cx + 130, cy + 120], fill=fg)
    elif kind == "cart":
        d.line([(cx - 190, cy - 150), (cx - 130, cy - 150), (cx - 80, cy + 80), (cx + 150, cy + 80), (cx + 190, cy - 90),
                (cx - 110, cy - 90)], fill=fg, width=30, joint="curve")
        for dx in (-60, 120):
            d.ellipse([cx + dx - 30, cy + 110, cx + dx + 30, cy + 170], fill=fg)
    elif kind == "pin":
        d.pieslice([cx - 130, cy - 190, cx + 130, cy + 70], 180, 360, fill=fg)
        d.polygon([(cx - 130, cy - 60), (cx + 130, cy - 60), (cx, cy + 200)], fill=fg)
        d.ellipse([cx - 55, cy - 115, cx + 55, cy - 5], fill=c1)
    elif kind == "book":
        d.polygon([(cx - 200, cy - 120), (cx - 10, cy - 90), (cx - 10, cy + 170), (cx - 200, cy + 140)], fill=fg)
        d.polygon([(cx + 200, cy - 120), (cx + 10, cy - 90), (cx + 10, cy + 170), (cx + 200, cy + 140)], fill=fg)
    elif kind == "play":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=fg, width=26)
        d.polygon([(cx - 50, cy - 90), (cx - 50, cy + 90), (cx + 100, cy)], fill=fg)
    elif kind == "blocks":
        for _ in range(rng.randint(4, 7)):
            x, y = rng.randint(80, 330), rng.randint(80, 330)
            d.rectangle([x, y, x + 100, y + 100], fill=hsv(rng.random(), 0.8, 0.95), outline=fg, width=8)
    elif kind == "photo":
        d.rounded_rectangle([cx - r, cy - r + 30, cx + r, cy + r - 30], radius=30, fill=fg)
        d.polygon([(cx - r + 20, cy + r - 50), (cx - 40, cy - 40), (cx + 60, cy + 60), (cx + 110, cy + 10), (cx + r - 20, cy + r - 50)],
                  fill=c2)
        d.ellipse([cx + 50, cy - 130, cx + 110, cy - 70], fill=c2)
    elif kind == "clock":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg)
        d.line([(cx, cy), (cx, cy - r + 40)], fill=c1, width=22)
        d.line([(cx, cy), (cx + r - 70, cy + 40)], fill=c1, width=22)
    elif kind == "calculator":
        d.rounded_rectangle([cx - 140, cy - 190, cx + 140, cy + 190], radius=30, fill=fg)
        d.rectangle([cx - 110, cy - 160, cx + 110, cy - 90], fill=c1)
        for i in range(3):
            for j in range(3):
                x, y = cx - 90 + 90 * i, cy - 40 + 75 * j
                d.rectangle([x - 28, y - 24, x + 28, y + 24], fill=c2)
    elif kind == "mail":
        d.rectangle([cx - 200, cy - 130, cx + 200, cy + 130], fill=fg)
        d.line([(cx - 200, cy - 130), (cx, cy + 20), (cx + 200, cy - 130)], fill=c1, width=20)
    elif kind == "heart":
        d.ellipse([cx - 180, cy - 140, cx + 10, cy + 50], fill=fg)
        d.ellipse([cx - 10, cy - 140, cx + 180, cy + 50], fill=fg)
        d.polygon([(cx - 172, cy), (cx + 172, cy), (cx, cy + 190)], fill=fg)
    elif kind == "star":
        pts = []
        for i in range(10):
            rr = r if i % 2 == 0 else r * 0.42
            a = -math.pi / 2 + math.pi * i / 5
            pts.append((cx + rr * math.cos(a), cy + rr * math.sin(a)))
        d.polygon(pts, fill=fg)
    elif kind == "char_flat":
        d.text((cx, cy), text[:1] or "乐", font=cjk(rng.randint(230, 300)), fill=fg, anchor="mm")
    elif kind == "letter_flat":
        d.text((cx, cy), text[:1] or "Q", font=latin(rng.randint(220, 300)), fill=fg, anchor="mm")
    elif kind == "bubbles":
        for _ in range(rng.randint(5, 9)):
            x, y, rr = rng.randint(60, 450), rng.randint(60, 450), rng.randint(25, 90)
            d.ellipse([x - rr, y - rr, x + rr, y + rr], fill=hsv(rng.random(), 0.6, 1.0))
    elif kind == "note":
        d.rectangle([cx - 150, cy - 190, cx + 150, cy + 190], fill=fg)
        for k in range(5):
            d.line([(cx - 110, cy - 120 + 60 * k), (cx + 110, cy - 120 + 60 * k)], fill=c1, width=14)
    elif kind == "bolt":
        d.polygon([(cx + 40, cy - 210), (cx - 120, cy + 30), (cx - 10, cy + 30), (cx - 50, cy + 210), (cx + 120, cy - 40),
                   (cx + 10, cy - 40)], fill=fg)
    elif kind == "paw":
        d.ellipse([cx - 100, cy - 10, cx + 100, cy + 170], fill=fg)
        for dx, dy in ((-150, -60), (-60, -150), (60, -150), (150, -60)):
            d.ellipse([cx + dx - 45, cy + dy - 55, cx + dx + 45, cy + dy + 55], fill=fg)
    elif kind == "ball":
        d.ellipse([cx - r, cy - r, cx + r, cy + r], fill=fg)
        d.arc([cx - r - 120, cy - r, cx + r - 120, cy + r], -60, 60, fill=c1, width=16)
        d.arc([cx - r + 120, cy - r, cx + r + 120, cy + r], 120, 240, fill=c1, width=16)
    elif kind == "car":
        d.rounded_rectangle([cx - 210, cy - 20, cx + 210, cy + 110], radius=30, fill=fg)
        d.polygon([(cx - 130, cy - 20), (cx - 80, cy - 120), (cx + 90, cy - 120), (cx + 150, cy - 20)], fill=fg)
        for dx in (-120, 120):
            d.ellipse([cx + dx - 50, cy + 70, cx + dx + 50, cy + 170], fill=c2)
    elif kind == "cup":
        d.rectangle([cx - 130, cy - 120, cx + 90, cy + 140], fill=fg)
        d.arc([cx + 40, cy - 70, cx + 180, cy + 70], -90, 90, fill=fg, width=30)
        for dx in (-80, -20, 40):
            d.line([(cx + dx, cy - 200), (cx + dx + 15, cy - 145)], fill=fg, width=14)
    elif kind == "tree":
        d.polygon([(cx, cy - 210), (cx - 170, cy + 90), (cx + 170, cy + 90)], fill=fg)
        d.rectangle([cx - 30, cy + 90, cx + 30, cy + 200], fill=fg)
    elif kind == "rocket":
        d.ellipse([cx - 70, cy - 210, cx + 70, cy + 120], fill=fg)
        d.polygon([(cx - 70, cy + 20), (cx - 150, cy + 150), (cx - 40, cy + 110)], fill=fg)
        d.polygon([(cx + 70, cy + 20), (cx + 150, cy + 150), (cx + 40, cy + 110)], fill=fg)
        d.ellipse([cx - 35, cy - 110, cx + 35, cy - 40], fill=c1)
    elif kind == "puzzle":
        d.rectangle([cx - 150, cy - 150, cx + 150, cy + 150], fill=fg)
        d.ellipse([cx - 45, cy - 230, cx + 45, cy - 140], fill=fg)
        d.ellipse([cx + 140, cy - 45, cx + 230, cy + 45], fill=fg)
        d.ellipse([cx - 45, cy + 105, cx + 45, cy + 195], fill=c1)
    else:
        raise ValueError(kind)
    out = im.convert("RGB").resize((size, size), Image.LANCZOS)
    return out, {"picto": kind, "bg": bgk}
