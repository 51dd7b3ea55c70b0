"""Synthetic emblems for the holdout_s27 set.

Every emblem is drawn here from geometric primitives (rings, coins, leaves, waves, sails, CJK glyphs ...)
described by a small list of drawing operations.  None of them is a real logo; they only look like the
kind of mark a Chinese bank, insurer, broker or payment firm would use.  Two families of specs:

* OFFICIAL: one spec per protected institution (each a different composition, not a hue swap);
* LOOKALIKE: marks of non-protected institutions that use the same kind of primitives and colours
  (hard negatives: similar shapes, a different emblem).
"""

from __future__ import annotations

import math
import os

from PIL import Image, ImageDraw, ImageFont

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
LATIN_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
LATIN_MONO = "/usr/share/fonts/truetype/dejavu/DejaVuSansMono-Bold.ttf"
SS = 768  # supersampled canvas
OUT = 256  # size of a rendered icon

WHITE = (255, 255, 255)
_FONTS: dict[tuple[str, int], ImageFont.FreeTypeFont | ImageFont.ImageFont] = {}


def have_cjk_font() -> bool:
    return os.path.exists(CJK_FONT)


def font(path: str, size: int):
    """A cached TrueType font (falls back to Pillow's default font when the file is missing)."""
    key = (path, size)
    if key not in _FONTS:
        if os.path.exists(path):
            _FONTS[key] = ImageFont.truetype(path, size)
        else:
            _FONTS[key] = ImageFont.load_default(size)
    return _FONTS[key]


def draw_text(d: ImageDraw.ImageDraw, xy, text: str, size: int, fill, latin: bool = False, mono: bool = False):
    """Centred text; CJK through WenQuanYi, Latin through DejaVu; glyph-like strokes without a CJK font."""
    path = LATIN_MONO if mono else (LATIN_BOLD if latin else CJK_FONT)
    if not latin and not mono and not have_cjk_font():
        _glyph_strokes(d, xy, text, size, fill)
        return
    d.text(xy, text, fill=fill, font=font(path, max(4, int(size))), anchor="mm")


def _glyph_strokes(d, xy, text, size, fill):
    """Stand-in for CJK glyphs: a few strokes chosen from the code point (deterministic)."""
    n = max(1, len(text))
    w = size * 0.9
    x0 = xy[0] - w * n / 2
    for i, ch in enumerate(text):
        c = ord(ch)
        cx = x0 + w * (i + 0.5)
        lw = max(2, int(size * 0.09))
        for k in range(5):
            bits = (c >> (3 * k)) & 7
            y = xy[1] - w * 0.4 + k * w * 0.2
            if bits & 1:
                d.line([(cx - w * 0.4, y), (cx + w * 0.4, y)], fill=fill, width=lw)
            if bits & 2:
                d.line([(cx - w * 0.3 + k * w * 0.12, xy[1] - w * 0.45), (cx - w * 0.3 + k * w * 0.12,
                                                                        xy[1] + w * 0.45)], fill=fill, width=lw)
            if bits & 4:
                d.line([(cx - w * 0.4, y), (cx + w * 0.1, y + w * 0.3)], fill=fill, width=lw)


class Painter:
    """Draws unit-square operations on a supersampled canvas."""

    def __init__(self, bg, size: int = SS):
        self.size = size
        self.im = Image.new("RGB", (size, size), bg)
        self.d = ImageDraw.Draw(self.im)
        self.sc = 1.0
        self.ox = 0.0
        self.oy = 0.0

    def p(self, x: float, y: float) -> tuple[float, float]:
        return ((self.ox + x * self.sc) * self.size, (self.oy + y * self.sc) * self.size)

    def ln(self, v: float) -> float:
        return v * self.sc * self.size

    def box(self, cx, cy, rx, ry=None):
        ry = rx if ry is None else ry
        x, y = self.p(cx, cy)
        return [x - self.ln(rx), y - self.ln(ry), x + self.ln(rx), y + self.ln(ry)]

    # -- primitives ---------------------------------------------------------------------------------
    def disc(self, col, cx, cy, r):
        self.d.ellipse(self.box(cx, cy, r), fill=col)

    def ellipse(self, col, cx, cy, rx, ry):
        self.d.ellipse(self.box(cx, cy, rx, ry), fill=col)

    def ring(self, col, cx, cy, r, w):
        self.d.ellipse(self.box(cx, cy, r), outline=col, width=max(1, int(self.ln(w))))

    def ellipse_frame(self, col, cx, cy, rx, ry, w):
        self.d.ellipse(self.box(cx, cy, rx, ry), outline=col, width=max(1, int(self.ln(w))))

    def arc(self, col, cx, cy, r, w, a0, a1):
        self.d.arc(self.box(cx, cy, r), a0, a1, fill=col, width=max(1, int(self.ln(w))))

    def halfdisc(self, col, cx, cy, r):
        self.d.pieslice(self.box(cx, cy, r), 180, 360, fill=col)

    def rect(self, col, x0, y0, x1, y1):
        a, b = self.p(x0, y0)
        c, e = self.p(x1, y1)
        self.d.rectangle([a, b, c, e], fill=col)

    def rrect(self, col, x0, y0, x1, y1, rad):
        a, b = self.p(x0, y0)
        c, e = self.p(x1, y1)
        self.d.rounded_rectangle([a, b, c, e], radius=self.ln(rad), fill=col)

    def rrframe(self, col, x0, y0, x1, y1, rad, w):
        a, b = self.p(x0, y0)
        c, e = self.p(x1, y1)
        self.d.rounded_rectangle([a, b, c, e], radius=self.ln(rad), outline=col, width=max(1, int(self.ln(w))))

    def poly(self, col, pts):
        self.d.polygon([self.p(x, y) for x, y in pts], fill=col)

    def pline(self, col, pts, w):
        self.d.line([self.p(x, y) for x, y in pts], fill=col, width=max(1, int(self.ln(w))), joint="curve")

    def line(self, col, x0, y0, x1, y1, w):
        self.d.line([self.p(x0, y0), self.p(x1, y1)], fill=col, width=max(1, int(self.ln(w))))

    def _square_pts(self, cx, cy, half, rot):
        pts = []
        for k in range(4):
            a = math.radians(rot + 45 + 90 * k)
            pts.append((cx + half * math.sqrt(2) * math.cos(a), cy + half * math.sqrt(2) * math.sin(a)))
        return pts

    def sq(self, col, cx, cy, half, rot):
        self.poly(col, self._square_pts(cx, cy, half, rot))

    def sqframe(self, col, cx, cy, half, w, rot):
        pts = self._square_pts(cx, cy, half, rot)
        self.pline(col, pts + pts[:2], w)

    def rpoly(self, col, cx, cy, r, n, rot):
        pts = [(cx + r * math.cos(math.radians(rot + 360 * k / n - 90)),
                cy + r * math.sin(math.radians(rot + 360 * k / n - 90))) for k in range(n)]
        self.poly(col, pts)

    def rpframe(self, col, cx, cy, r, n, rot, w):
        pts = [(cx + r * math.cos(math.radians(rot + 360 * k / n - 90)),
                cy + r * math.sin(math.radians(rot + 360 * k / n - 90))) for k in range(n)]
        self.pline(col, pts + pts[:2], w)

    def star(self, col, cx, cy, r1, r2, n, rot):
        pts = []
        for k in range(2 * n):
            r = r1 if k % 2 == 0 else r2
            a = math.radians(rot + 180 * k / n - 90)
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        self.poly(col, pts)

    def leaf(self, col, bx, by, length, width, angle):
        """A leaf from base (bx, by); angle 0 points up, positive turns clockwise."""
        a = math.radians(angle)
        ux, uy = math.sin(a), -math.cos(a)
        nx, ny = -uy, ux
        pts = []
        steps = 24
        for k in range(steps + 1):
            t = k / steps
            hw = width * math.sin(math.pi * t) * 0.5
            pts.append((bx + ux * length * t + nx * hw, by + uy * length * t + ny * hw))
        for k in range(steps, -1, -1):
            t = k / steps
            hw = width * math.sin(math.pi * t) * 0.5
            pts.append((bx + ux * length * t - nx * hw, by + uy * length * t - ny * hw))
        self.poly(col, pts)

    def petals(self, col, cx, cy, n, length, width, rot):
        for k in range(n):
            self.leaf(col, cx, cy, length, width, rot + 360 * k / n)

    def wave(self, col, y, amp, period, w, x0, x1):
        pts = []
        steps = 48
        for k in range(steps + 1):
            x = x0 + (x1 - x0) * k / steps
            pts.append((x, y + amp * math.sin(2 * math.pi * (x - x0) / period)))
        self.pline(col, pts, w)

    def dotring(self, col, cx, cy, r, n, dr):
        for k in range(n):
            a = 2 * math.pi * k / n
            self.disc(col, cx + r * math.cos(a), cy + r * math.sin(a), dr)

    def rays(self, col, cx, cy, r0, r1, a0, a1, n, w):
        for k in range(n):
            a = math.radians(a0 + (a1 - a0) * k / max(1, n - 1))
            self.line(col, cx + r0 * math.cos(a), cy + r0 * math.sin(a), cx + r1 * math.cos(a),
                      cy + r1 * math.sin(a), w)

    def spiral(self, col, cx, cy, r0, r1, turns, w):
        pts = []
        steps = 120
        for k in range(steps + 1):
            t = k / steps
            a = 2 * math.pi * turns * t
            r = r0 + (r1 - r0) * t
            pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
        self.pline(col, pts, w)

    def shield(self, col, cx, cy, r):
        pts = [(cx - r, cy - r * 0.85), (cx, cy - r * 1.02), (cx + r, cy - r * 0.85), (cx + r, cy)]
        steps = 16
        for k in range(1, steps + 1):  # quadratic curve down to the point
            t = k / steps
            x = (1 - t) ** 2 * (cx + r) + 2 * (1 - t) * t * (cx + r) + t * t * cx
            y = (1 - t) ** 2 * cy + 2 * (1 - t) * t * (cy + r * 0.8) + t * t * (cy + r * 1.15)
            pts.append((x, y))
        for k in range(steps - 1, -1, -1):
            t = k / steps
            x = (1 - t) ** 2 * (cx - r) + 2 * (1 - t) * t * (cx - r) + t * t * cx
            y = (1 - t) ** 2 * cy + 2 * (1 - t) * t * (cy + r * 0.8) + t * t * (cy + r * 1.15)
            pts.append((x, y))
        self.poly(col, pts)

    def ch(self, col, text, cx, cy, size):
        draw_text(self.d, self.p(cx, cy), text, self.ln(size), col)

    def lat(self, col, text, cx, cy, size):
        draw_text(self.d, self.p(cx, cy), text, self.ln(size), col, latin=True)


def _resolve(pal: dict, key):
    if isinstance(key, tuple):
        return key
    return pal[key]


def paint_ops(pt: Painter, ops, pal: dict) -> None:
    for op in ops:
        name, col = op[0], _resolve(pal, op[1])
        getattr(pt, name)(col, *op[2:])


def render_spec(spec: dict, variant: dict | None = None, size: int = OUT) -> Image.Image:
    """Render an emblem spec.  variant: inv (swap fore/background), alt (new background colour),
    word (emblem scaled to the top, a word below it)."""
    variant = variant or {}
    pal = dict(spec["pal"])
    pal.setdefault("W", WHITE)
    if variant.get("inv"):
        pal["B"], pal["F"] = pal["F"], pal["B"]
        if pal["F"] == WHITE:
            pal["W"] = pal["B"]
    if variant.get("alt"):
        pal["B"] = tuple(variant["alt"])
    pt = Painter(pal["B"])
    word = variant.get("word")
    if word:
        pt.sc = 0.74
        pt.ox = 0.13
        pt.oy = 0.02
    paint_ops(pt, spec["ops"], pal)
    if word:
        pt.sc, pt.ox, pt.oy = 1.0, 0.0, 0.0
        col = pal["F"] if pal["F"] != pal["B"] else pal["W"]
        pt.ch(col, word, 0.5, 0.86, 0.16 if len(word) <= 3 else 0.13)
    return pt.im.resize((size, size), Image.Resampling.LANCZOS)


def _pal(bg, fg, accent=None, **extra):
    pal = {"B": bg, "F": fg}
    if accent is not None:
        pal["A"] = accent
    pal.update(extra)
    return pal


W = WHITE

# --------------------------------------------------------------------------------------------------
# One composition per protected institution (keys match names.INSTITUTIONS)
# --------------------------------------------------------------------------------------------------
OFFICIAL: dict[str, dict] = {
    "icbc": {"pal": _pal(W, (199, 22, 44)), "ops": [
        ("ring", "F", .5, .5, .37, .085), ("sqframe", "F", .5, .5, .175, .055, 0), ("ch", "F", "工", .5, .5, .25)]},
    "ccb": {"pal": _pal((0, 62, 150), W), "ops": [
        ("disc", "F", .5, .5, .34), ("sq", "B", .5, .5, .13, 45), ("line", "B", .5, .13, .5, .34, .065)]},
    "abc": {"pal": _pal(W, (0, 140, 106)), "ops": [
        ("disc", "F", .5, .5, .37), ("line", "W", .5, .24, .5, .8, .035),
        ("leaf", "W", .5, .36, .17, .075, -42), ("leaf", "W", .5, .36, .17, .075, 42),
        ("leaf", "W", .5, .50, .18, .08, -48), ("leaf", "W", .5, .50, .18, .08, 48),
        ("leaf", "W", .5, .64, .18, .08, -54), ("leaf", "W", .5, .64, .18, .08, 54),
        ("leaf", "W", .5, .27, .12, .07, 0)]},
    "boc": {"pal": _pal((178, 0, 31), W), "ops": [
        ("ring", "F", .5, .5, .34, .09), ("rrect", "F", .29, .41, .71, .59, .04),
        ("line", "F", .5, .14, .5, .86, .075), ("rrect", "B", .37, .465, .63, .535, .01)]},
    "bocom": {"pal": _pal((0, 45, 114), W, (255, 180, 0)), "ops": [
        ("rrframe", "F", .17, .17, .83, .83, .07, .045), ("ch", "F", "交", .5, .47, .42),
        ("rect", "A", .3, .74, .7, .77)]},
    "cmb": {"pal": _pal(W, (200, 21, 45)), "ops": [
        ("disc", "F", .5, .5, .37), ("pline", "W", [(.3, .66), (.3, .36), (.5, .56), (.7, .36), (.7, .66)], .07),
        ("rect", "W", .28, .71, .72, .75)]},
    "psbc": {"pal": _pal((0, 125, 64), W), "ops": [
        ("disc", "F", .5, .5, .33), ("leaf", "B", .5, .6, .3, .12, -62), ("leaf", "B", .5, .6, .3, .12, 62),
        ("disc", "B", .5, .38, .065)]},
    "spdb": {"pal": _pal(W, (0, 51, 128), (212, 160, 23)), "ops": [
        ("rrect", "F", .16, .44, .84, .52, .04), ("rrect", "F", .25, .58, .75, .66, .04),
        ("rrect", "F", .34, .72, .66, .80, .04), ("disc", "A", .66, .27, .1)]},
    "citic": {"pal": _pal((205, 12, 30), W), "ops": [
        ("rpframe", "F", .5, .5, .36, 6, 0, .055), ("ch", "F", "信", .5, .5, .32)]},
    "ceb": {"pal": _pal((102, 36, 131), W, (255, 205, 0)), "ops": [
        ("dotring", "A", .5, .5, .32, 10, .055), ("disc", "F", .5, .5, .17), ("disc", "A", .5, .5, .07)]},
    "hxb": {"pal": _pal(W, (214, 0, 28)), "ops": [
        ("petals", "F", .5, .5, 6, .35, .14, 0), ("disc", "W", .5, .5, .07)]},
    "cmbc": {"pal": _pal((0, 110, 96), W), "ops": [
        ("arc", "F", .5, .5, .34, .06, 150, 390), ("arc", "F", .5, .5, .24, .06, 210, 450),
        ("arc", "F", .5, .5, .14, .06, 270, 510), ("rect", "F", .46, .46, .54, .54)]},
    "cgb": {"pal": _pal((210, 16, 52), W), "ops": [
        ("pline", "F", [(.5, .18), (.83, .76), (.17, .76), (.5, .18), (.83, .76)], .06),
        ("disc", "F", .5, .58, .08)]},
    "cib": {"pal": _pal((0, 56, 147), W), "ops": [
        ("wave", "F", .38, .05, .42, .055, .16, .84), ("wave", "F", .53, .05, .42, .055, .16, .84),
        ("wave", "F", .68, .05, .42, .055, .16, .84), ("disc", "F", .74, .2, .06)]},
    "bob": {"pal": _pal(W, (212, 20, 36), (230, 170, 30)), "ops": [
        ("disc", "F", .5, .5, .37), ("ring", "A", .5, .5, .31, .025), ("ch", "W", "京", .5, .5, .32)]},
    "bosc": {"pal": _pal((0, 82, 160), W), "ops": [
        ("sqframe", "F", .5, .5, .27, .045, 45), ("sqframe", "F", .5, .5, .17, .045, 45), ("sq", "F", .5, .5, .06, 45)]},
    "jsb": {"pal": _pal(W, (0, 92, 170), (0, 170, 200)), "ops": [
        ("ring", "F", .38, .45, .18, .055), ("ring", "A", .62, .45, .18, .055),
        ("wave", "F", .76, .03, .3, .045, .2, .8)]},
    "nbcb": {"pal": _pal((240, 120, 0), W), "ops": [
        ("ch", "F", "宁", .46, .54, .46), ("disc", "F", .77, .23, .07)]},
    "njcb": {"pal": _pal((195, 13, 35), W), "ops": [
        ("poly", "F", [(.20, .74), (.80, .74), (.70, .65), (.30, .65)]), ("rect", "F", .34, .74, .66, .84),
        ("rect", "F", .38, .58, .62, .65), ("poly", "F", [(.27, .58), (.73, .58), (.64, .50), (.36, .50)]),
        ("rect", "F", .42, .43, .58, .50), ("poly", "F", [(.34, .43), (.66, .43), (.58, .35), (.42, .35)]),
        ("line", "F", .5, .35, .5, .19, .03), ("disc", "F", .5, .18, .03)]},
    "hzb": {"pal": _pal((0, 96, 180), W), "ops": [
        ("arc", "F", .5, .74, .3, .06, 180, 360), ("rect", "F", .12, .71, .88, .76),
        ("wave", "F", .84, .02, .16, .035, .2, .8), ("rect", "F", .46, .22, .54, .36),
        ("poly", "F", [(.38, .24), (.62, .24), (.5, .15)])]},
    "cbhb": {"pal": _pal((0, 74, 153), W), "ops": [
        ("poly", "F", [(.48, .18), (.48, .66), (.2, .66)]), ("poly", "F", [(.54, .28), (.54, .66), (.76, .66)]),
        ("poly", "F", [(.16, .71), (.84, .71), (.74, .82), (.26, .82)])]},
    "czb": {"pal": _pal((200, 16, 46), W), "ops": [
        ("rrect", "F", .2, .2, .47, .47, .05), ("rrect", "F", .53, .2, .8, .47, .05),
        ("rrect", "F", .2, .53, .47, .8, .05), ("disc", "F", .665, .665, .135)]},
    "webank": {"pal": _pal((22, 100, 255), W), "ops": [("lat", "F", "We", .5, .52, .36)]},
    "mybank": {"pal": _pal((0, 136, 255), W), "ops": [
        ("rrect", "F", .22, .22, .78, .78, .14), ("ch", "B", "网", .5, .5, .34)]},
    "chinalife": {"pal": _pal((0, 118, 72), W), "ops": [
        ("ring", "F", .5, .5, .33, .045), ("ellipse_frame", "F", .5, .5, .15, .33, .04),
        ("line", "F", .17, .5, .83, .5, .04), ("line", "F", .21, .35, .79, .35, .03),
        ("line", "F", .21, .65, .79, .65, .03)]},
    "pingan": {"pal": _pal((255, 102, 0), W), "ops": [
        ("shield", "F", .5, .48, .3), ("ch", "B", "平", .5, .47, .3)]},
    "cpic": {"pal": _pal((0, 85, 165), W), "ops": [
        ("disc", "F", .5, .5, .34), ("rect", "B", .1, .48, .9, .53), ("rect", "B", .1, .60, .9, .65),
        ("rect", "B", .1, .72, .9, .77)]},
    "picc": {"pal": _pal((214, 30, 38), W), "ops": [
        ("ring", "F", .5, .5, .35, .055), ("ch", "F", "人", .5, .52, .44)]},
    "nci": {"pal": _pal((200, 20, 40), W, (255, 215, 0)), "ops": [
        ("poly", "F", [(.18, .38), (.48, .46), (.48, .78), (.18, .70)]),
        ("poly", "F", [(.52, .46), (.82, .38), (.82, .70), (.52, .78)]), ("star", "A", .5, .24, .1, .045, 5, 0)]},
    "taikang": {"pal": _pal((0, 94, 184), W), "ops": [
        ("disc", "F", .5, .38, .2), ("disc", "F", .35, .48, .13), ("disc", "F", .65, .48, .13),
        ("rect", "F", .46, .55, .54, .8), ("rect", "F", .32, .78, .68, .83)]},
    "cntaiping": {"pal": _pal((230, 80, 20), W), "ops": [
        ("ch", "F", "太", .5, .44, .42), ("rrect", "F", .2, .74, .8, .8, .03)]},
    "sinosig": {"pal": _pal((245, 130, 32), W), "ops": [
        ("rect", "F", .15, .64, .85, .68), ("halfdisc", "F", .5, .63, .16),
        ("rays", "F", .5, .63, .22, .34, 195, 345, 6, .035), ("rect", "F", .28, .74, .72, .77)]},
    "zhongan": {"pal": _pal((0, 184, 122), W), "ops": [
        ("disc", "F", .5, .3, .1), ("disc", "F", .32, .62, .1), ("disc", "F", .68, .62, .1),
        ("ring", "F", .5, .52, .33, .035)]},
    "htsc": {"pal": _pal((0, 80, 170), W), "ops": [
        ("poly", "F", [(.5, .14), (.74, .4), (.58, .4), (.58, .6), (.42, .6), (.42, .4), (.26, .4)]),
        ("rect", "F", .22, .74, .32, .84), ("rect", "F", .45, .69, .55, .84), ("rect", "F", .68, .64, .78, .84)]},
    "gtja": {"pal": _pal((0, 75, 150), W), "ops": [
        ("sqframe", "F", .5, .5, .28, .045, 45), ("ch", "F", "君", .5, .5, .3)]},
    "htsec": {"pal": _pal((0, 112, 210), W), "ops": [
        ("lat", "F", "e", .5, .42, .58), ("wave", "F", .8, .025, .22, .04, .25, .75)]},
    "eastmoney": {"pal": _pal((230, 0, 18), W), "ops": [
        ("arc", "F", .5, .5, .32, .09, 40, 320), ("disc", "F", .77, .5, .07)]},
    "cicc": {"pal": _pal((150, 20, 30), W, (220, 175, 80)), "ops": [
        ("disc", "A", .5, .5, .35), ("ring", "B", .5, .5, .29, .02), ("ch", "B", "金", .5, .51, .34)]},
    "chinastock": {"pal": _pal((196, 20, 36), W), "ops": [
        ("spiral", "F", .5, .5, .04, .34, 2.2, .05), ("disc", "F", .5, .5, .05)]},
    "swhy": {"pal": _pal((0, 90, 170), W), "ops": [
        ("pline", "F", [(.24, .26), (.48, .5), (.24, .74)], .09), ("pline", "F", [(.5, .26), (.74, .5), (.5, .74)], .09)]},
    "alipay": {"pal": _pal((22, 119, 255), W), "ops": [("ch", "F", "支", .5, .5, .56)]},
    "unionpay": {"pal": _pal(W, (220, 30, 40), R=(220, 30, 40), U=(0, 90, 170), G=(0, 140, 130)), "ops": [
        ("poly", "R", [(.16, .24), (.40, .24), (.32, .76), (.08, .76)]),
        ("poly", "U", [(.40, .24), (.64, .24), (.56, .76), (.32, .76)]),
        ("poly", "G", [(.64, .24), (.90, .24), (.82, .76), (.56, .76)])]},
    "lakala": {"pal": _pal((255, 150, 0), W), "ops": [
        ("arc", "F", .5, .5, .33, .06, 10, 80), ("arc", "F", .5, .5, .33, .06, 100, 170),
        ("arc", "F", .5, .5, .33, .06, 190, 260), ("arc", "F", .5, .5, .33, .06, 280, 350),
        ("lat", "F", "L", .5, .5, .36)]},
    "jdjr": {"pal": _pal((228, 57, 60), W), "ops": [
        ("disc", "F", .4, .44, .24), ("sq", "B", .4, .44, .07, 0), ("disc", "B", .64, .62, .23),
        ("disc", "F", .64, .62, .19), ("sq", "B", .64, .62, .055, 0)]},
    "duxiaoman": {"pal": _pal((0, 94, 255), W), "ops": [
        ("disc", "F", .46, .5, .3), ("disc", "B", .58, .42, .25), ("star", "F", .72, .68, .08, .035, 5, 0)]},
}

# --------------------------------------------------------------------------------------------------
# Marks of non-protected institutions: same vocabulary of shapes and colours, different emblems
# --------------------------------------------------------------------------------------------------
LOOKALIKE: dict[str, dict] = {
    "csbank": {"pal": _pal(W, (200, 30, 40)), "ops": [
        ("ring", "F", .5, .5, .37, .08), ("sqframe", "F", .5, .5, .17, .05, 0), ("ch", "F", "长", .5, .5, .24)]},
    "bocd": {"pal": _pal((0, 60, 140), W), "ops": [
        ("rrframe", "F", .18, .18, .82, .82, .09, .05), ("ch", "F", "成", .5, .5, .4)]},
    "cqrcb": {"pal": _pal(W, (0, 140, 100)), "ops": [
        ("disc", "F", .5, .5, .37), ("petals", "W", .5, .5, 4, .25, .1, 45), ("disc", "F", .5, .5, .06)]},
    "qdccb": {"pal": _pal((0, 90, 170), W), "ops": [
        ("wave", "F", .45, .06, .34, .05, .16, .84), ("wave", "F", .62, .06, .34, .05, .16, .84),
        ("disc", "F", .3, .24, .08)]},
    "hsbank": {"pal": _pal(W, (200, 20, 40)), "ops": [
        ("petals", "F", .5, .5, 5, .34, .16, 36), ("ring", "W", .5, .5, .1, .03)]},
    "zzbank": {"pal": _pal((200, 20, 40), W), "ops": [
        ("ring", "F", .5, .5, .35, .05), ("ch", "F", "郑", .5, .5, .36)]},
    "suzhou": {"pal": _pal((0, 100, 170), W), "ops": [
        ("sqframe", "F", .5, .5, .28, .045, 0), ("sqframe", "F", .5, .5, .18, .045, 0), ("sq", "F", .5, .5, .07, 0)]},
    "gyccb": {"pal": _pal((0, 130, 80), W), "ops": [
        ("poly", "F", [(.12, .76), (.40, .30), (.62, .76)]), ("poly", "F", [(.42, .76), (.66, .40), (.88, .76)])]},
    "xib": {"pal": _pal((0, 80, 160), W), "ops": [
        ("poly", "F", [(.52, .14), (.52, .7), (.22, .7)]), ("rect", "F", .18, .74, .82, .79)]},
    "hfbank": {"pal": _pal((190, 20, 40), W), "ops": [
        ("rpframe", "F", .5, .5, .36, 6, 30, .05), ("ch", "F", "恒", .5, .5, .32)]},
    "tjbank": {"pal": _pal((0, 70, 150), W), "ops": [
        ("ring", "F", .5, .5, .36, .06), ("ch", "F", "津", .5, .5, .36)]},
    "qlbank": {"pal": _pal((0, 120, 140), W), "ops": [
        ("pline", "F", [(.26, .6), (.5, .36), (.74, .6)], .09), ("pline", "F", [(.26, .78), (.5, .54), (.74, .78)], .09)]},
    "dgbank": {"pal": _pal((240, 120, 0), W), "ops": [("ch", "F", "莞", .48, .52, .46), ("disc", "F", .22, .22, .06)]},
    "hkbank": {"pal": _pal((0, 60, 130), W), "ops": [("lat", "F", "HK", .5, .5, .36), ("rect", "F", .25, .7, .75, .74)]},
    "shrcb": {"pal": _pal((0, 100, 60), W), "ops": [
        ("sqframe", "F", .5, .5, .26, .05, 45), ("ch", "F", "农", .5, .5, .28)]},
    "bjrcb": {"pal": _pal((0, 130, 70), W), "ops": [("disc", "F", .5, .5, .36), ("ch", "B", "农", .5, .5, .34)]},
    "citics": {"pal": _pal((200, 10, 20), W), "ops": [("ring", "F", .5, .5, .35, .05), ("ch", "F", "证", .5, .5, .34)]},
    "cmschina": {"pal": _pal((200, 20, 40), W), "ops": [("disc", "F", .5, .5, .36), ("lat", "B", "S", .5, .5, .42)]},
    "ebscn": {"pal": _pal((100, 40, 130), W, (255, 205, 0)), "ops": [
        ("dotring", "A", .5, .5, .33, 8, .04), ("ch", "F", "证", .5, .5, .3)]},
    "gfsec": {"pal": _pal((200, 20, 50), W), "ops": [
        ("pline", "F", [(.2, .72), (.4, .4), (.6, .6), (.8, .28)], .07), ("disc", "F", .8, .28, .05)]},
    "xyzq": {"pal": _pal((0, 60, 150), W), "ops": [
        ("wave", "F", .5, .08, .5, .07, .16, .84), ("rect", "F", .2, .7, .8, .74)]},
    "stocke": {"pal": _pal((200, 20, 46), W), "ops": [("rrect", "F", .24, .24, .76, .76, .06), ("ch", "B", "浙", .5, .5, .34)]},
    "ewww": {"pal": _pal((0, 74, 153), W), "ops": [
        ("poly", "F", [(.5, .2), (.5, .7), (.25, .7)]), ("wave", "F", .8, .03, .2, .04, .15, .85)]},
    "ruralcc": {"pal": _pal((0, 120, 60), W), "ops": [
        ("disc", "F", .5, .5, .35), ("leaf", "B", .5, .72, .42, .2, 0), ("line", "F", .5, .76, .5, .36, .03)]},
}

# colour of each protected institution's emblem (its dominant saturated colour)


def main_colour(key: str) -> tuple[int, int, int]:
    pal = OFFICIAL[key]["pal"]
    for k in ("F", "B", "R"):
        c = pal.get(k)
        if c and c != WHITE:
            return c
    return (128, 128, 128)
