"""Icons that belong to nobody in the ledger: generic finance pictograms (coin, wallet, card, piggy bank,
bank building ...) and ordinary app icons (letters, glyphs, play buttons, hearts ...)."""

from __future__ import annotations

import math

import fonts
import numpy as np
from PIL import Image, ImageDraw

S = 512
FINANCE_COLOURS = [(214, 40, 40), (232, 170, 30), (30, 110, 210), (20, 150, 100), (240, 110, 20),
                   (120, 60, 170), (200, 30, 80), (0, 150, 170), (60, 80, 110), (190, 140, 60)]
FINANCE_KINDS = ["coin_yen", "wallet", "card", "piggy", "shield_tick", "chart_up", "calculator",
                 "bank_building", "money_bag", "percent", "ingot", "glyph_disc"]
UNRELATED_KINDS = ["letter", "cjk", "play", "heart", "star", "note", "bubble", "pin", "camera", "bolt",
                   "grid", "face", "weather", "book", "eq_bars", "cjk_ring"]


def _gradient(c1, c2, diagonal=True, size=S):
    t = np.linspace(0, 1, size, dtype=np.float32)
    w = (t[None, :] + t[:, None]) / 2 if diagonal else np.repeat(t[:, None], size, axis=1)
    a = np.array(c1, np.float32)[None, None, :] * (1 - w[..., None]) + np.array(c2, np.float32) * w[..., None]
    return Image.fromarray(a.round().astype(np.uint8), "RGB")


def _finish(bg, fg, mask, size):
    img = Image.composite(Image.new("RGB", (S, S), fg), bg, mask)
    return img.resize((size, size), Image.Resampling.LANCZOS)


def _rnd_colour(rr):
    return tuple(rr.randint(20, 235) for _ in range(3))


def finance_icon(rr, kind: str | None = None, size: int = 256) -> tuple[Image.Image, dict]:
    kind = kind or rr.choice(FINANCE_KINDS)
    colour = rr.choice(FINANCE_COLOURS)
    style = rr.choice(["solid", "white", "gradient"])
    m = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(m)
    c = S / 2
    glyph = None
    if kind == "coin_yen":
        d.ellipse([c - 170, c - 170, c + 170, c + 170], fill=255)
        d.ellipse([c - 140, c - 140, c + 140, c + 140], fill=0)
        glyph = "¥"
        fonts.glyph(d, "¥", c, c, 180, 255)
    elif kind == "wallet":
        d.rounded_rectangle([c - 180, c - 120, c + 170, c + 150], radius=40, fill=255)
        d.rounded_rectangle([c + 40, c - 30, c + 190, c + 60], radius=25, fill=0)
        d.ellipse([c + 80, c - 2, c + 110, c + 28], fill=255)
        d.polygon([(c - 160, c - 120), (c + 90, c - 200), (c + 120, c - 120)], fill=255)
    elif kind == "card":
        d.rounded_rectangle([c - 200, c - 130, c + 200, c + 130], radius=30, fill=255)
        d.rectangle([c - 200, c - 75, c + 200, c - 30], fill=0)
        d.rounded_rectangle([c - 160, c + 20, c - 80, c + 80], radius=10, fill=0)
        d.rectangle([c + 20, c + 60, c + 160, c + 80], fill=0)
    elif kind == "piggy":
        d.ellipse([c - 180, c - 130, c + 150, c + 140], fill=255)
        d.rounded_rectangle([c + 120, c - 40, c + 200, c + 40], radius=20, fill=255)
        d.polygon([(c - 90, c - 110), (c - 60, c - 190), (c - 10, c - 120)], fill=255)
        for x in (c - 120, c + 60):
            d.rectangle([x, c + 100, x + 50, c + 185], fill=255)
        d.rectangle([c - 50, c - 125, c + 30, c - 105], fill=0)
        d.ellipse([c + 60, c - 60, c + 85, c - 35], fill=0)
    elif kind == "shield_tick":
        pts = [(c - 150, c - 170), (c, c - 210), (c + 150, c - 170), (c + 150, c + 10), (c, c + 200),
               (c - 150, c + 10)]
        d.polygon(pts, fill=255)
        d.line([(c - 80, c - 5), (c - 15, c + 65), (c + 95, c - 70)], fill=0, width=40, joint="curve")
    elif kind == "chart_up":
        d.line([(c - 190, c + 180), (c - 190, c - 190)], fill=255, width=24)
        d.line([(c - 190, c + 180), (c + 200, c + 180)], fill=255, width=24)
        d.line([(c - 150, c + 90), (c - 50, c - 10), (c + 30, c + 50), (c + 170, c - 140)], fill=255, width=34,
               joint="curve")
        d.polygon([(c + 190, c - 165), (c + 110, c - 160), (c + 180, c - 90)], fill=255)
    elif kind == "calculator":
        d.rounded_rectangle([c - 140, c - 200, c + 140, c + 200], radius=30, fill=255)
        d.rectangle([c - 100, c - 160, c + 100, c - 80], fill=0)
        for ix in range(3):
            for iy in range(3):
                x, y = c - 95 + ix * 70, c - 40 + iy * 75
                d.rounded_rectangle([x, y, x + 50, y + 50], radius=8, fill=0)
    elif kind == "bank_building":
        d.polygon([(c - 200, c - 80), (c, c - 200), (c + 200, c - 80)], fill=255)
        for k in range(4):
            x = c - 160 + k * 96
            d.rectangle([x, c - 50, x + 44, c + 130], fill=255)
        d.rectangle([c - 210, c + 150, c + 210, c + 195], fill=255)
    elif kind == "money_bag":
        d.ellipse([c - 170, c - 90, c + 170, c + 200], fill=255)
        d.polygon([(c - 70, c - 90), (c - 110, c - 190), (c + 110, c - 190), (c + 70, c - 90)], fill=255)
        d.rectangle([c - 90, c - 115, c + 90, c - 95], fill=0)
        glyph = "¥"
        fonts.glyph(d, "¥", c, c + 60, 150, 0)
    elif kind == "percent":
        d.ellipse([c - 170, c - 170, c - 50, c - 50], fill=255)
        d.ellipse([c + 50, c + 50, c + 170, c + 170], fill=255)
        d.line([(c + 150, c - 170), (c - 150, c + 170)], fill=255, width=44)
    elif kind == "ingot":
        d.polygon([(c - 210, c - 40), (c - 120, c + 110), (c + 120, c + 110), (c + 210, c - 40),
                   (c + 90, c + 10), (c - 90, c + 10)], fill=255)
        d.ellipse([c - 90, c - 120, c + 90, c + 40], fill=200)
    else:  # glyph_disc
        glyph = rr.choice(["贷", "借", "钱", "财", "融", "富", "币", "惠"])
        d.ellipse([c - 180, c - 180, c + 180, c + 180], fill=255)
        fonts.glyph(d, glyph, c, c, 220, 0)
    if style == "white":
        bg, fg = Image.new("RGB", (S, S), (255, 255, 255)), colour
    elif style == "solid":
        bg, fg = Image.new("RGB", (S, S), colour), (255, 255, 255)
    else:
        bg = _gradient(tuple(min(255, v + 40) for v in colour), tuple(max(0, v - 30) for v in colour))
        fg = (255, 255, 255) if rr.random() < 0.7 else (255, 220, 90)
    return _finish(bg, fg, m, size), {"kind": kind, "colour": list(colour), "style": style, "glyph": glyph}


def ordinary_icon(rr, name: str, size: int = 256) -> tuple[Image.Image, dict]:
    kind = rr.choice(UNRELATED_KINDS)
    c1, c2 = _rnd_colour(rr), _rnd_colour(rr)
    bg = _gradient(c1, c2, diagonal=rr.random() < 0.5) if rr.random() < 0.6 else Image.new("RGB", (S, S), c1)
    fg = (255, 255, 255) if rr.random() < 0.75 else _rnd_colour(rr)
    m = Image.new("L", (S, S), 0)
    d = ImageDraw.Draw(m)
    c = S / 2
    ch = next((x for x in name if "\u4e00" <= x <= "\u9fff"), "A")
    if kind == "letter":
        fonts.glyph(d, rr.choice("ABCDEFGHKMNPRSTWXYZ"), c, c, 280, 255)
    elif kind == "cjk":
        fonts.glyph(d, ch, c, c, 290, 255)
    elif kind == "cjk_ring":
        d.ellipse([c - 190, c - 190, c + 190, c + 190], fill=255)
        d.ellipse([c - 160, c - 160, c + 160, c + 160], fill=0)
        fonts.glyph(d, ch, c, c, 200, 255)
    elif kind == "play":
        d.polygon([(c - 110, c - 160), (c - 110, c + 160), (c + 170, c)], fill=255)
    elif kind == "heart":
        d.ellipse([c - 190, c - 150, c + 10, c + 50], fill=255)
        d.ellipse([c - 10, c - 150, c + 190, c + 50], fill=255)
        d.polygon([(c - 182, c - 10), (c + 182, c - 10), (c, c + 190)], fill=255)
    elif kind == "star":
        pts = []
        for k in range(10):
            r = 200 if k % 2 == 0 else 85
            a = -math.pi / 2 + k * math.pi / 5
            pts.append((c + r * math.cos(a), c + r * math.sin(a)))
        d.polygon(pts, fill=255)
    elif kind == "note":
        d.ellipse([c - 150, c + 60, c - 30, c + 160], fill=255)
        d.rectangle([c - 55, c - 180, c - 25, c + 110], fill=255)
        d.polygon([(c - 55, c - 180), (c + 140, c - 130), (c + 140, c - 70), (c - 55, c - 120)], fill=255)
    elif kind == "bubble":
        d.rounded_rectangle([c - 200, c - 160, c + 200, c + 110], radius=80, fill=255)
        d.polygon([(c - 120, c + 80), (c - 150, c + 190), (c - 30, c + 100)], fill=255)
        for k in range(3):
            d.ellipse([c - 110 + k * 90, c - 50, c - 70 + k * 90, c - 10], fill=0)
    elif kind == "pin":
        d.ellipse([c - 140, c - 200, c + 140, c + 80], fill=255)
        d.polygon([(c - 120, c), (c + 120, c), (c, c + 210)], fill=255)
        d.ellipse([c - 55, c - 115, c + 55, c - 5], fill=0)
    elif kind == "camera":
        d.rounded_rectangle([c - 200, c - 120, c + 200, c + 160], radius=40, fill=255)
        d.rectangle([c - 80, c - 170, c + 80, c - 110], fill=255)
        d.ellipse([c - 100, c - 70, c + 100, c + 130], fill=0)
        d.ellipse([c - 60, c - 30, c + 60, c + 90], fill=255)
    elif kind == "bolt":
        d.polygon([(c + 40, c - 210), (c - 130, c + 30), (c - 10, c + 30), (c - 50, c + 210), (c + 130, c - 40),
                   (c + 10, c - 40)], fill=255)
    elif kind == "grid":
        for ix in range(3):
            for iy in range(3):
                x, y = c - 170 + ix * 120, c - 170 + iy * 120
                d.rounded_rectangle([x, y, x + 100, y + 100], radius=22, fill=255 if (ix * iy) % 2 == 0 else 150)
    elif kind == "face":
        d.ellipse([c - 190, c - 190, c + 190, c + 190], fill=255)
        d.ellipse([c - 100, c - 80, c - 50, c - 20], fill=0)
        d.ellipse([c + 50, c - 80, c + 100, c - 20], fill=0)
        d.arc([c - 110, c - 40, c + 110, c + 120], start=20, end=160, fill=0, width=22)
    elif kind == "weather":
        d.ellipse([c - 40, c - 190, c + 160, c + 10], fill=170)
        for ox, oy, r in ((-90, 60, 90), (20, 20, 110), (120, 70, 80)):
            d.ellipse([c + ox - r, c + oy - r, c + ox + r, c + oy + r], fill=255)
        d.rectangle([c - 90, c + 60, c + 120, c + 150], fill=255)
    elif kind == "book":
        d.polygon([(c - 200, c - 140), (c - 10, c - 100), (c - 10, c + 170), (c - 200, c + 130)], fill=255)
        d.polygon([(c + 200, c - 140), (c + 10, c - 100), (c + 10, c + 170), (c + 200, c + 130)], fill=200)
    else:  # eq_bars
        for k in range(5):
            h = rr.randint(80, 360)
            x = c - 200 + k * 84
            d.rounded_rectangle([x, c + 180 - h, x + 56, c + 180], radius=18, fill=255)
    return _finish(bg, fg, m, size), {"kind": kind, "colours": [list(c1), list(c2)]}


def neighbour_tile(rr, size: int) -> Image.Image:
    """A small stand-in icon for screenshots (home screens, store pages)."""
    img, _ = ordinary_icon(rr, "", size)
    return img
