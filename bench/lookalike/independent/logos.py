"""Procedural logos for the independent look-alike set, and the ways counterfeiters deform them.

Each brand gets a *shape family* of its own (a coin with a square hole, a ring around a square, a
stylised character, wheat ears, stripes, a letter monogram, a shield, waves, petals, sun rays ...)
plus colours and a glyph, so two banks differ in shape and layout, not only in hue. An institution's
sibling apps reuse the brand mark in another layout; a mini-program or official account shows the
mark as an avatar (on a white disc).

Deformations are the ones seen on fake apps: zoom/crop, a badge or ribbon anywhere (not only in a
corner), recolouring that also changes brightness, blur, re-layout (mark shrunk onto a new
background with the brand written under it), a text band, a heavy JPEG re-encode, a small rotation.

Drawing is deterministic for a given spec and seed. Glyphs use a CJK font if one is installed
(WenQuanYi / Noto CJK); without one, glyph marks fall back to bars, so icons differ between
machines without the font (the README says so).
"""

from __future__ import annotations

import colorsys
import io
import math
import random
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFilter, ImageFont

CANVAS = 512
OUT = 128
FONT_CANDIDATES = (
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
)


def _font_path() -> str | None:
    for candidate in FONT_CANDIDATES:
        if Path(candidate).exists():
            return candidate
    return None


_FONT_PATH = _font_path()


def font(size: int) -> ImageFont.ImageFont:
    if _FONT_PATH:
        return ImageFont.truetype(_FONT_PATH, size)
    return ImageFont.load_default()


@dataclass(frozen=True)
class Mark:
    """A brand mark: which shape family draws it, its colours and its glyph/letters."""

    family: str
    bg: tuple[int, int, int]
    fg: tuple[int, int, int]
    glyph: str = ""
    accent: tuple[int, int, int] = (255, 255, 255)


def hexrgb(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


WHITE = (255, 255, 255)

# Protected institutions (key = the app_id prefix in protected.jsonl).
PROTECTED_MARKS: dict[str, Mark] = {
    "icbc": Mark("ring_square", WHITE, hexrgb("c7000b"), "工"),
    "ccb": Mark("folded_square", hexrgb("0b4ea2"), WHITE, "建"),
    "abc": Mark("wheat", hexrgb("00836b"), WHITE, ""),
    "boc": Mark("coin", WHITE, hexrgb("b8142c"), "中"),
    "bocom": Mark("stripes", hexrgb("1d3f8f"), WHITE, "交"),
    "psbc": Mark("envelope", hexrgb("007d3c"), WHITE, ""),
    "cmb": Mark("letter_m", hexrgb("d7000f"), WHITE, "M"),
    "cmbc": Mark("swoosh", WHITE, hexrgb("00a0e9"), ""),
    "citic": Mark("hex_mono", hexrgb("e60012"), WHITE, "中"),
    "ceb": Mark("sun", hexrgb("6a1b7a"), hexrgb("f6c700"), ""),
    "hxb": Mark("diamond", hexrgb("d4001a"), WHITE, ""),
    "pab": Mark("glyph", hexrgb("ff5a00"), WHITE, "平"),
    "spdb": Mark("arc_stack", hexrgb("0e3c8c"), hexrgb("f3b43f"), ""),
    "cib": Mark("petals", hexrgb("004098"), WHITE, ""),
    "hfb": Mark("chevrons", hexrgb("0064b0"), hexrgb("f08300"), ""),
    "bob": Mark("double_ring", hexrgb("e60012"), WHITE, "京"),
    "njcb": Mark("triangle_mono", hexrgb("e72a20"), WHITE, "N"),
    "jsb": Mark("waves", hexrgb("0a74c4"), WHITE, ""),
    "nbcb": Mark("quarter_circles", hexrgb("f28c00"), WHITE, ""),
    "bosc": Mark("glyph_ring", hexrgb("213f99"), WHITE, "上"),
    "mybank": Mark("leaf", hexrgb("1677ff"), WHITE, ""),
    "webank": Mark("letters", hexrgb("4e6ef2"), WHITE, "W"),
    "cgb": Mark("cross_bars", hexrgb("c4161c"), WHITE, ""),
    "czb": Mark("glyph_square", hexrgb("a6192e"), WHITE, "浙"),
    "cbhb": Mark("waves_circle", hexrgb("00479d"), WHITE, ""),
    "hzb": Mark("pagoda", hexrgb("00509d"), WHITE, ""),
    "cqrcb": Mark("mountain", hexrgb("008c45"), WHITE, ""),
    "chinalife": Mark("knot", hexrgb("005a9c"), hexrgb("00a76d"), ""),
    "pingan": Mark("letters", hexrgb("f05a23"), WHITE, "PA"),
    "cpic": Mark("shield", hexrgb("0067b1"), WHITE, "太"),
    "cntp": Mark("star_ring", hexrgb("b5121b"), hexrgb("f5c518"), ""),
    "picc": Mark("letters_box", hexrgb("e60012"), WHITE, "PICC"),
    "taikang": Mark("tri_stack", hexrgb("005bac"), hexrgb("f08300"), ""),
    "ncl": Mark("glyph_ring", hexrgb("c8102e"), WHITE, "新"),
    "sinosig": Mark("sun_half", hexrgb("f39800"), WHITE, ""),
    "zhongan": Mark("letters", hexrgb("00b38a"), WHITE, "ZA"),
}

# Legitimate brands that are NOT protected here (hard negatives): drawn with the same families.
OTHER_MARKS: dict[str, Mark] = {
    "bjrcb": Mark("ring_square", WHITE, hexrgb("00804a"), "农"),
    "srcb": Mark("folded_square", hexrgb("006934"), WHITE, "沪"),
    "gzcb": Mark("coin", WHITE, hexrgb("005bac"), "广"),
    "zybank": Mark("stripes", hexrgb("a31f34"), WHITE, "原"),
    "cscb": Mark("letter_m", hexrgb("004ea2"), WHITE, "C"),
    "cdcb": Mark("sun", hexrgb("c30d23"), WHITE, ""),
    "gyb": Mark("petals", hexrgb("e94709"), WHITE, ""),
    "hsbc": Mark("hourglass", WHITE, hexrgb("db0011"), ""),
    "sc": Mark("swoosh", hexrgb("0473ea"), hexrgb("38d200"), ""),
    "bea": Mark("glyph_ring", hexrgb("c8102e"), WHITE, "東"),
    "unionpay": Mark("cross_bars", hexrgb("d7000f"), hexrgb("00508e"), ""),
    "cnpost": Mark("envelope", hexrgb("007b43"), hexrgb("f5c518"), ""),
    "htsc": Mark("waves", hexrgb("e60012"), WHITE, ""),
    "ebscn": Mark("sun", hexrgb("6a1b7a"), WHITE, ""),
    "chinamobile": Mark("knot", hexrgb("0085d0"), WHITE, ""),
    "sinopec": Mark("wheat", hexrgb("e60012"), WHITE, ""),
    "hxfund": Mark("diamond", hexrgb("8a1538"), WHITE, ""),
    "pingan_doctor": Mark("letters", hexrgb("ff6a00"), WHITE, "好"),
    "pcauto": Mark("shield", hexrgb("0a5ed7"), WHITE, "汽"),
    "xinhua": Mark("glyph_ring", hexrgb("d7000f"), WHITE, "华"),
    "gaokao": Mark("sun_half", hexrgb("2b7de9"), WHITE, ""),
    "cicc": Mark("letters_box", hexrgb("00205b"), WHITE, "CICC"),
}

GENERIC_KINDS = ("coin_yen", "card", "chart", "wallet", "shield_plain", "calculator", "piggy", "doc")


# ---------------------------------------------------------------- shape families


def _centered_text(draw: ImageDraw.ImageDraw, xy: tuple[float, float], text: str, size: int, fill) -> None:
    if not text:
        return
    if not _FONT_PATH:
        x, y = xy
        w = size * 0.18 * max(1, len(text))
        draw.rectangle((x - w, y - size * 0.32, x + w, y + size * 0.32), fill=fill)
        return
    draw.text(xy, text, font=font(size), fill=fill, anchor="mm")


def _draw_mark(draw: ImageDraw.ImageDraw, mark: Mark, box: tuple[int, int, int, int]) -> None:
    """Draws the brand mark inside box (x0, y0, x1, y1) on a background already painted."""
    x0, y0, x1, y1 = box
    w = x1 - x0
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    r = w / 2
    fg, bg, acc = mark.fg, mark.bg, mark.accent
    fam = mark.family

    def circle(rad, **kw):
        draw.ellipse((cx - rad, cy - rad, cx + rad, cy + rad), **kw)

    if fam == "ring_square":
        circle(r * 0.92, outline=fg, width=int(w * 0.09))
        s = r * 0.42
        draw.rectangle((cx - s, cy - s, cx + s, cy + s), outline=fg, width=int(w * 0.07))
        _centered_text(draw, (cx, cy), mark.glyph, int(w * 0.34), fg)
    elif fam == "folded_square":
        s = r * 0.8
        draw.polygon(
            [
                (cx - s, cy - s),
                (cx + s, cy - s),
                (cx + s, cy + s * 0.2),
                (cx + s * 0.2, cy + s),
                (cx - s, cy + s),
            ],
            outline=fg,
            width=int(w * 0.08),
        )
        draw.polygon([(cx + s, cy + s * 0.2), (cx + s * 0.2, cy + s), (cx + s * 0.2, cy + s * 0.2)], fill=fg)
        _centered_text(draw, (cx - s * 0.15, cy - s * 0.15), mark.glyph, int(w * 0.38), fg)
    elif fam == "wheat":
        circle(r * 0.9, outline=fg, width=int(w * 0.05))
        for k in range(-3, 4):
            ang = math.radians(90 + k * 16)
            for j in range(4):
                d = r * (0.15 + j * 0.17)
                px, py = cx + math.cos(ang) * d * 0.9, cy + r * 0.55 - math.sin(ang) * d * 1.3
                draw.ellipse((px - r * 0.07, py - r * 0.11, px + r * 0.07, py + r * 0.11), fill=fg)
        draw.rectangle((cx - r * 0.04, cy, cx + r * 0.04, cy + r * 0.7), fill=fg)
    elif fam == "coin":
        circle(r * 0.9, fill=fg)
        circle(r * 0.68, fill=bg)
        s = r * 0.3
        draw.rectangle((cx - s, cy - s, cx + s, cy + s), outline=fg, width=int(w * 0.07))
        draw.rectangle((cx - w * 0.035, cy - r * 0.7, cx + w * 0.035, cy + r * 0.7), fill=fg)
    elif fam == "stripes":
        for k in range(5):
            yy = y0 + w * (0.18 + k * 0.14)
            draw.polygon(
                [
                    (x0 + w * 0.12, yy + w * 0.08),
                    (x0 + w * 0.88, yy - w * 0.04),
                    (x0 + w * 0.88, yy + w * 0.03),
                    (x0 + w * 0.12, yy + w * 0.15),
                ],
                fill=fg,
            )
    elif fam == "envelope":
        s = r * 0.8
        draw.rectangle((cx - s, cy - s * 0.6, cx + s, cy + s * 0.6), outline=fg, width=int(w * 0.06))
        draw.line(
            [(cx - s, cy - s * 0.6), (cx, cy + s * 0.1), (cx + s, cy - s * 0.6)], fill=fg, width=int(w * 0.06)
        )
        draw.polygon(
            [(cx - s * 1.1, cy - s * 0.9), (cx - s * 0.5, cy - s * 0.9), (cx - s * 0.8, cy - s * 0.6)],
            fill=fg,
        )
    elif fam == "letter_m":
        s = r * 0.75
        pts = [(cx - s, cy + s), (cx - s, cy - s), (cx, cy + s * 0.1), (cx + s, cy - s), (cx + s, cy + s)]
        draw.line(pts, fill=fg, width=int(w * 0.13), joint="curve")
        circle(r * 0.12, fill=fg)
    elif fam == "swoosh":
        for k in range(3):
            off = k * w * 0.11
            draw.arc(
                (x0 + w * 0.1 + off, y0 + w * 0.2, x1 - w * 0.1 + off, y1 + w * 0.3 - off),
                200,
                340,
                fill=fg,
                width=int(w * 0.06),
            )
    elif fam == "hex_mono":
        pts = [
            (
                cx + r * 0.88 * math.cos(math.radians(60 * k + 30)),
                cy + r * 0.88 * math.sin(math.radians(60 * k + 30)),
            )
            for k in range(6)
        ]
        draw.polygon(pts, outline=fg, width=int(w * 0.07))
        _centered_text(draw, (cx, cy), mark.glyph, int(w * 0.46), fg)
    elif fam == "sun":
        circle(r * 0.36, fill=fg)
        for k in range(12):
            a = math.radians(k * 30)
            draw.line(
                [
                    (cx + math.cos(a) * r * 0.5, cy + math.sin(a) * r * 0.5),
                    (cx + math.cos(a) * r * 0.85, cy + math.sin(a) * r * 0.85),
                ],
                fill=fg,
                width=int(w * 0.05),
            )
    elif fam == "diamond":
        for k, f in enumerate((0.9, 0.6, 0.3)):
            pts = [(cx, cy - r * f), (cx + r * f, cy), (cx, cy + r * f), (cx - r * f, cy)]
            draw.polygon(pts, fill=fg if k % 2 == 0 else bg)
    elif fam == "glyph":
        draw.rounded_rectangle(
            (x0 + w * 0.12, y0 + w * 0.12, x1 - w * 0.12, y1 - w * 0.12),
            radius=int(w * 0.12),
            outline=fg,
            width=int(w * 0.05),
        )
        _centered_text(draw, (cx, cy), mark.glyph, int(w * 0.55), fg)
    elif fam == "arc_stack":
        for k in range(4):
            rr = r * (0.9 - k * 0.2)
            draw.arc((cx - rr, cy - rr, cx + rr, cy + rr), 180, 360, fill=fg, width=int(w * 0.07))
        draw.rectangle((x0 + w * 0.1, cy + w * 0.05, x1 - w * 0.1, cy + w * 0.13), fill=fg)
    elif fam == "petals":
        for k in range(5):
            a = math.radians(k * 72 - 90)
            px, py = cx + math.cos(a) * r * 0.42, cy + math.sin(a) * r * 0.42
            draw.ellipse((px - r * 0.3, py - r * 0.3, px + r * 0.3, py + r * 0.3), fill=fg)
        circle(r * 0.16, fill=bg)
    elif fam == "chevrons":
        for k in range(3):
            yy = cy - r * 0.55 + k * r * 0.4
            draw.line(
                [(cx - r * 0.6, yy + r * 0.3), (cx, yy), (cx + r * 0.6, yy + r * 0.3)],
                fill=fg if k != 1 else WHITE,
                width=int(w * 0.09),
            )
    elif fam == "double_ring":
        circle(r * 0.9, outline=fg, width=int(w * 0.04))
        circle(r * 0.7, outline=fg, width=int(w * 0.04))
        _centered_text(draw, (cx, cy), mark.glyph, int(w * 0.4), fg)
    elif fam == "triangle_mono":
        draw.polygon(
            [(cx, cy - r * 0.85), (cx + r * 0.85, cy + r * 0.65), (cx - r * 0.85, cy + r * 0.65)],
            outline=fg,
            width=int(w * 0.07),
        )
        _centered_text(draw, (cx, cy + r * 0.18), mark.glyph, int(w * 0.36), fg)
    elif fam == "waves":
        for k in range(4):
            yy = cy - r * 0.5 + k * r * 0.32
            pts = [
                (x0 + w * 0.1 + t * w * 0.8 / 20, yy + math.sin(t / 20 * 2 * math.pi) * r * 0.12)
                for t in range(21)
            ]
            draw.line(pts, fill=fg, width=int(w * 0.06))
    elif fam == "quarter_circles":
        draw.pieslice((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), 180, 270, fill=fg)
        draw.pieslice((cx - r * 0.8, cy - r * 0.8, cx + r * 0.8, cy + r * 0.8), 0, 90, fill=fg)
        circle(r * 0.2, fill=fg)
    elif fam == "glyph_ring":
        circle(r * 0.85, fill=fg)
        _centered_text(draw, (cx, cy), mark.glyph, int(w * 0.5), bg)
    elif fam == "leaf":
        draw.chord((cx - r * 0.8, cy - r * 0.4, cx + r * 0.5, cy + r * 0.9), 270, 90, fill=fg)
        draw.chord((cx - r * 0.5, cy - r * 0.9, cx + r * 0.8, cy + r * 0.4), 90, 270, fill=fg)
    elif fam in ("letters", "letters_box"):
        if fam == "letters_box":
            draw.rectangle(
                (x0 + w * 0.1, cy - w * 0.2, x1 - w * 0.1, cy + w * 0.2), outline=fg, width=int(w * 0.04)
            )
        size = int(w * (0.6 if len(mark.glyph) <= 1 else 0.42 if len(mark.glyph) == 2 else 0.22))
        _centered_text(draw, (cx, cy), mark.glyph, size, fg)
    elif fam == "cross_bars":
        draw.rectangle((cx - r * 0.8, cy - r * 0.12, cx + r * 0.8, cy + r * 0.12), fill=fg)
        draw.rectangle((cx - r * 0.12, cy - r * 0.8, cx + r * 0.12, cy + r * 0.8), fill=fg)
        circle(r * 0.3, outline=fg, width=int(w * 0.05))
    elif fam == "glyph_square":
        s = r * 0.75
        draw.rectangle((cx - s, cy - s, cx + s, cy + s), fill=fg)
        _centered_text(draw, (cx, cy), mark.glyph, int(w * 0.5), bg)
    elif fam == "waves_circle":
        circle(r * 0.88, outline=fg, width=int(w * 0.05))
        for k in range(3):
            yy = cy - r * 0.25 + k * r * 0.3
            pts = [
                (cx - r * 0.6 + t * r * 1.2 / 16, yy + math.sin(t / 16 * 4 * math.pi) * r * 0.08)
                for t in range(17)
            ]
            draw.line(pts, fill=fg, width=int(w * 0.05))
    elif fam == "pagoda":
        for k in range(3):
            ww = r * (0.8 - k * 0.22)
            yy = cy + r * 0.6 - k * r * 0.45
            draw.polygon(
                [
                    (cx - ww, yy),
                    (cx + ww, yy),
                    (cx + ww * 0.7, yy - r * 0.25),
                    (cx - ww * 0.7, yy - r * 0.25),
                ],
                fill=fg,
            )
    elif fam == "mountain":
        draw.polygon(
            [
                (x0 + w * 0.08, cy + r * 0.6),
                (cx - r * 0.3, cy - r * 0.5),
                (cx, cy),
                (cx + r * 0.35, cy - r * 0.7),
                (x1 - w * 0.08, cy + r * 0.6),
            ],
            fill=fg,
        )
    elif fam == "knot":
        for k in range(3):
            a = math.radians(k * 120)
            px, py = cx + math.cos(a) * r * 0.28, cy + math.sin(a) * r * 0.28
            draw.ellipse(
                (px - r * 0.45, py - r * 0.45, px + r * 0.45, py + r * 0.45),
                outline=fg if k else acc,
                width=int(w * 0.06),
            )
    elif fam == "shield":
        draw.polygon(
            [
                (cx - r * 0.7, cy - r * 0.75),
                (cx + r * 0.7, cy - r * 0.75),
                (cx + r * 0.7, cy),
                (cx, cy + r * 0.85),
                (cx - r * 0.7, cy),
            ],
            outline=fg,
            width=int(w * 0.06),
        )
        _centered_text(draw, (cx, cy - r * 0.1), mark.glyph, int(w * 0.36), fg)
    elif fam == "star_ring":
        circle(r * 0.9, outline=fg, width=int(w * 0.06))
        pts = []
        for k in range(10):
            rr = r * (0.6 if k % 2 == 0 else 0.25)
            a = math.radians(k * 36 - 90)
            pts.append((cx + math.cos(a) * rr, cy + math.sin(a) * rr))
        draw.polygon(pts, fill=fg)
    elif fam == "tri_stack":
        for k in range(3):
            off = (k - 1) * r * 0.45
            draw.polygon(
                [
                    (cx + off, cy - r * 0.6),
                    (cx + off + r * 0.35, cy + r * 0.5),
                    (cx + off - r * 0.35, cy + r * 0.5),
                ],
                fill=fg if k != 1 else WHITE,
            )
    elif fam == "sun_half":
        draw.pieslice((cx - r * 0.55, cy - r * 0.25, cx + r * 0.55, cy + r * 0.85), 180, 360, fill=fg)
        for k in range(7):
            a = math.radians(180 + k * 30)
            draw.line(
                [
                    (cx + math.cos(a) * r * 0.65, cy + r * 0.3 + math.sin(a) * r * 0.65),
                    (cx + math.cos(a) * r * 0.9, cy + r * 0.3 + math.sin(a) * r * 0.9),
                ],
                fill=fg,
                width=int(w * 0.05),
            )
        draw.rectangle((x0 + w * 0.1, cy + r * 0.38, x1 - w * 0.1, cy + r * 0.48), fill=fg)
    elif fam == "hourglass":
        draw.polygon([(cx - r * 0.8, cy - r * 0.5), (cx, cy), (cx - r * 0.8, cy + r * 0.5)], fill=fg)
        draw.polygon([(cx + r * 0.8, cy - r * 0.5), (cx, cy), (cx + r * 0.8, cy + r * 0.5)], fill=fg)
        draw.polygon([(cx - r * 0.4, cy - r * 0.5), (cx + r * 0.4, cy - r * 0.5), (cx, cy)], fill=fg)
    else:
        raise ValueError(f"unknown shape family {fam!r}")


def draw_logo(mark: Mark, layout: str = "primary", label: str = "") -> Image.Image:
    """layout: primary (mark fills the icon), sub (a sibling app: mark smaller, offset, a bar with a
    label), avatar (the mark on a white disc, as mini-programs and official accounts show it)."""
    if layout == "avatar":
        img = Image.new("RGB", (CANVAS, CANVAS), (245, 245, 245))
        draw = ImageDraw.Draw(img)
        draw.ellipse(
            (8, 8, CANVAS - 8, CANVAS - 8),
            fill=mark.bg if mark.bg != WHITE else (255, 255, 255),
            outline=(220, 220, 220),
            width=6,
        )
        _draw_mark(draw, mark, (96, 96, CANVAS - 96, CANVAS - 96))
    elif layout == "sub":
        alt_bg = mark.fg if mark.bg == WHITE else WHITE
        alt_fg = mark.bg if mark.bg != WHITE else WHITE
        img = Image.new("RGB", (CANVAS, CANVAS), alt_bg)
        draw = ImageDraw.Draw(img)
        sub = Mark(mark.family, alt_bg, alt_fg if alt_fg != alt_bg else (30, 30, 30), mark.glyph, mark.accent)
        _draw_mark(draw, sub, (40, 30, 300, 290))
        draw.rectangle((0, 360, CANVAS, CANVAS), fill=sub.fg)
        _centered_text(draw, (CANVAS / 2, 436), label[:4], 96, alt_bg)
    else:
        img = Image.new("RGB", (CANVAS, CANVAS), mark.bg)
        draw = ImageDraw.Draw(img)
        _draw_mark(draw, mark, (48, 48, CANVAS - 48, CANVAS - 48))
    return img.resize((OUT, OUT), Image.LANCZOS)


def draw_generic(kind: str, rng: random.Random) -> Image.Image:
    """A finance-tool icon that belongs to no bank (hard negatives)."""
    hue = rng.random()
    bg = tuple(int(c * 255) for c in colorsys.hsv_to_rgb(hue, rng.uniform(0.5, 0.9), rng.uniform(0.6, 0.95)))
    fg = WHITE if rng.random() < 0.8 else (40, 40, 40)
    img = Image.new("RGB", (CANVAS, CANVAS), bg)
    d = ImageDraw.Draw(img)
    c = CANVAS / 2
    if kind == "coin_yen":
        d.ellipse((110, 110, 402, 402), outline=fg, width=28)
        _centered_text(d, (c, c), rng.choice("¥$€"), 200, fg)
    elif kind == "card":
        d.rounded_rectangle((80, 150, 432, 362), radius=30, fill=fg)
        d.rectangle((80, 200, 432, 240), fill=bg)
        d.rectangle((120, 290, 220, 320), fill=bg)
    elif kind == "chart":
        for k, hgt in enumerate(rng.sample(range(80, 300), 4)):
            d.rectangle((100 + k * 85, 420 - hgt, 160 + k * 85, 420), fill=fg)
    elif kind == "wallet":
        d.rounded_rectangle((90, 150, 422, 380), radius=36, outline=fg, width=26)
        d.rounded_rectangle((300, 230, 440, 300), radius=20, fill=fg)
    elif kind == "shield_plain":
        d.polygon([(c - 150, 120), (c + 150, 120), (c + 150, 260), (c, 410), (c - 150, 260)], fill=fg)
        d.line([(c - 60, 260), (c - 10, 310), (c + 80, 200)], fill=bg, width=28)
    elif kind == "calculator":
        d.rounded_rectangle((130, 90, 382, 422), radius=24, fill=fg)
        d.rectangle((160, 120, 352, 190), fill=bg)
        for i in range(3):
            for j in range(3):
                d.rectangle((165 + i * 65, 220 + j * 65, 215 + i * 65, 265 + j * 65), fill=bg)
    elif kind == "piggy":
        d.ellipse((100, 150, 400, 390), fill=fg)
        d.ellipse((360, 230, 430, 300), fill=fg)
        d.rectangle((220, 160, 290, 175), fill=bg)
    else:  # doc
        d.polygon([(150, 90), (320, 90), (370, 140), (370, 420), (150, 420)], fill=fg)
        for k in range(4):
            d.rectangle((185, 180 + k * 55, 335, 200 + k * 55), fill=bg)
    return img.resize((OUT, OUT), Image.LANCZOS)


def draw_ordinary(rng: random.Random) -> Image.Image:
    """An unrelated app's icon: a few random shapes."""
    bg = tuple(rng.randrange(256) for _ in range(3))
    img = Image.new("RGB", (CANVAS, CANVAS), bg)
    d = ImageDraw.Draw(img)
    for _ in range(rng.randint(1, 4)):
        fill = tuple(rng.randrange(256) for _ in range(3))
        a, b = sorted(rng.sample(range(40, 472), 2)), sorted(rng.sample(range(40, 472), 2))
        shape = rng.choice(("ellipse", "rectangle", "polygon"))
        if shape == "ellipse":
            d.ellipse((a[0], b[0], a[1], b[1]), fill=fill)
        elif shape == "rectangle":
            d.rectangle((a[0], b[0], a[1], b[1]), fill=fill)
        else:
            d.polygon([(rng.randrange(40, 472), rng.randrange(40, 472)) for _ in range(3)], fill=fill)
    return img.resize((OUT, OUT), Image.LANCZOS)


# ---------------------------------------------------------------- deformations

DEFORMATIONS = (
    "crop",
    "badge",
    "badge_center",
    "recolour",
    "recolour_dark",
    "blur",
    "relayout",
    "text_band",
    "jpeg",
    "rotate",
    "crop_badge",
    "recolour_blur",
    "avatar",
)


def _crop(img: Image.Image, rng: random.Random) -> Image.Image:
    f = rng.uniform(0.06, 0.18)
    w, h = img.size
    dx, dy = int(w * f * rng.uniform(0.4, 1.0)), int(h * f * rng.uniform(0.4, 1.0))
    return img.crop((dx, dy, w - int(w * f) + dx // 3, h - int(h * f) + dy // 3)).resize(
        (OUT, OUT), Image.LANCZOS
    )


def _badge(img: Image.Image, rng: random.Random, anywhere: bool) -> Image.Image:
    img = img.copy()
    w = img.size[0]
    d = ImageDraw.Draw(img)
    size = w * rng.uniform(0.28, 0.46)
    if anywhere:
        x = rng.uniform(0.15, 0.85) * w - size / 2
        y = rng.uniform(0.4, 0.85) * w - size / 2
    else:
        x = rng.choice((-size * 0.1, w - size * 0.9))
        y = rng.choice((-size * 0.1, w - size * 0.9))
    colour = rng.choice(((230, 20, 20), (255, 150, 0), (250, 200, 0), (20, 160, 60)))
    text = rng.choice(("官", "贷", "HOT", "NEW", "¥", "福", "5G", "VIP", "荐"))
    if rng.random() < 0.5:
        d.ellipse((x, y, x + size, y + size), fill=colour)
    else:
        d.rounded_rectangle(
            (x, y + size * 0.2, x + size * 1.3, y + size * 0.8), radius=int(size * 0.15), fill=colour
        )
    _centered_text(
        d, (x + size / 2, y + size / 2), text, int(size * (0.55 if len(text) == 1 else 0.35)), WHITE
    )
    return img


def _recolour(img: Image.Image, rng: random.Random, change_value: bool) -> Image.Image:
    hsv = img.convert("HSV")
    h, s, v = hsv.split()
    shift = rng.randint(40, 200)
    h = h.point(lambda p: (p + shift) % 256)
    if change_value:
        if rng.random() < 0.5:
            v = v.point(lambda p: 255 - p // 2)  # dark mark on light ground and the reverse
        else:
            gamma = rng.uniform(0.5, 0.75)
            v = v.point(lambda p: int(255 * (p / 255) ** gamma))
    return Image.merge("HSV", (h, s, v)).convert("RGB")


def _relayout(img: Image.Image, rng: random.Random, label: str) -> Image.Image:
    bg = tuple(
        int(c * 255) for c in colorsys.hsv_to_rgb(rng.random(), rng.uniform(0.1, 0.8), rng.uniform(0.7, 1.0))
    )
    canvas = Image.new("RGB", (OUT, OUT), bg)
    scale = rng.uniform(0.55, 0.7)
    small = img.resize((int(OUT * scale), int(OUT * scale)), Image.LANCZOS)
    canvas.paste(small, ((OUT - small.size[0]) // 2, int(OUT * 0.05)))
    d = ImageDraw.Draw(canvas)
    _centered_text(d, (OUT / 2, OUT * 0.86), label[:4], int(OUT * 0.18), (30, 30, 30))
    return canvas


def _text_band(img: Image.Image, rng: random.Random) -> Image.Image:
    img = img.copy()
    d = ImageDraw.Draw(img, "RGBA")
    y = rng.choice((0.0, 0.7))
    d.rectangle((0, OUT * y, OUT, OUT * (y + 0.3)), fill=(200, 0, 0, 210))
    _centered_text(
        d,
        (OUT / 2, OUT * (y + 0.15)),
        rng.choice(("极速贷", "官方版", "福利", "提额", "秒到账")),
        int(OUT * 0.2),
        WHITE,
    )
    return img


def _jpeg(img: Image.Image, rng: random.Random) -> Image.Image:
    buf = io.BytesIO()
    img.resize((64, 64), Image.BILINEAR).resize((OUT, OUT), Image.BILINEAR).save(
        buf, "JPEG", quality=rng.randint(8, 20)
    )
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def _rotate(img: Image.Image, rng: random.Random) -> Image.Image:
    angle = rng.choice((-1, 1)) * rng.uniform(5, 12)
    return img.rotate(angle, resample=Image.BICUBIC, fillcolor=img.getpixel((1, 1)))


def _avatar(img: Image.Image, rng: random.Random) -> Image.Image:
    canvas = Image.new("RGB", (OUT, OUT), WHITE)
    small = img.resize((int(OUT * 0.72), int(OUT * 0.72)), Image.LANCZOS)
    mask = Image.new("L", small.size, 0)
    ImageDraw.Draw(mask).ellipse((0, 0, small.size[0], small.size[1]), fill=255)
    canvas.paste(small, ((OUT - small.size[0]) // 2, (OUT - small.size[1]) // 2), mask)
    return canvas


def deform(img: Image.Image, how: str, rng: random.Random, label: str = "") -> Image.Image:
    if how == "crop":
        return _crop(img, rng)
    if how == "badge":
        return _badge(img, rng, anywhere=False)
    if how == "badge_center":
        return _badge(img, rng, anywhere=True)
    if how == "recolour":
        return _recolour(img, rng, change_value=False)
    if how == "recolour_dark":
        return _recolour(img, rng, change_value=True)
    if how == "blur":
        return img.filter(ImageFilter.GaussianBlur(rng.uniform(1.5, 3.0)))
    if how == "relayout":
        return _relayout(img, rng, label)
    if how == "text_band":
        return _text_band(img, rng)
    if how == "jpeg":
        return _jpeg(img, rng)
    if how == "rotate":
        return _rotate(img, rng)
    if how == "crop_badge":
        return _badge(_crop(img, rng), rng, anywhere=False)
    if how == "recolour_blur":
        return _recolour(img, rng, change_value=False).filter(ImageFilter.GaussianBlur(1.5))
    if how == "avatar":
        return _avatar(img, rng)
    raise ValueError(f"unknown deformation {how!r}")


def protected_logo(app_id: str, label: str) -> Image.Image:
    """The official icon of a protected app: the institution's mark in the layout of the app kind."""
    key, _, kind = app_id.partition("-")
    mark = PROTECTED_MARKS[key]
    if kind in ("wx", "mp", "wld"):
        return draw_logo(mark, "avatar")
    if kind in ("mbank", "app", "ebz", "jgj"):
        return draw_logo(mark, "primary")
    return draw_logo(mark, "sub", label)
