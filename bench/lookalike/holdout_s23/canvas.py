"""A supersampled drawing surface in unit coordinates: masks by role ('fg', 'accent'), drawn or erased."""

from __future__ import annotations

import math

from drawing import font
from PIL import Image, ImageChops, ImageDraw


class Canvas:
    def __init__(self, px: int, radius: float, cx: float | None = None, cy: float | None = None):
        self.px = px
        self.r = radius
        self.cx = px / 2 if cx is None else cx
        self.cy = px / 2 if cy is None else cy
        self.masks: dict[str, Image.Image] = {}
        self._draws: dict[str, ImageDraw.ImageDraw] = {}

    def d(self, role: str) -> ImageDraw.ImageDraw:
        if role not in self.masks:
            self.masks[role] = Image.new("L", (self.px, self.px), 0)
            self._draws[role] = ImageDraw.Draw(self.masks[role])
        return self._draws[role]

    def xy(self, x: float, y: float) -> tuple[float, float]:
        return (self.cx + x * self.r, self.cy + y * self.r)

    def box(self, x: float, y: float, rx: float, ry: float | None = None) -> list[float]:
        ry = rx if ry is None else ry
        return [self.cx + (x - rx) * self.r, self.cy + (y - ry) * self.r,
                self.cx + (x + rx) * self.r, self.cy + (y + ry) * self.r]

    def w(self, width: float) -> int:
        return max(1, round(width * self.r))

    def disc(self, x, y, r, role="fg", on=True, ry=None):
        self.d(role).ellipse(self.box(x, y, r, ry), fill=255 if on else 0)

    def ring(self, x, y, r, width, role="fg", on=True, ry=None):
        self.d(role).ellipse(self.box(x, y, r, ry), outline=255 if on else 0, width=self.w(width))

    def poly(self, pts, role="fg", on=True):
        self.d(role).polygon([self.xy(px, py) for px, py in pts], fill=255 if on else 0)

    def rect(self, x0, y0, x1, y1, role="fg", on=True, radius=0.0):
        box = [self.cx + x0 * self.r, self.cy + y0 * self.r, self.cx + x1 * self.r, self.cy + y1 * self.r]
        if radius > 0:
            self.d(role).rounded_rectangle(box, radius=radius * self.r, fill=255 if on else 0)
        else:
            self.d(role).rectangle(box, fill=255 if on else 0)

    def line(self, pts, width, role="fg", on=True, caps=True):
        fill = 255 if on else 0
        self.d(role).line([self.xy(px, py) for px, py in pts], fill=fill, width=self.w(width), joint="curve")
        if caps:
            for px, py in (pts[0], pts[-1]):
                self.disc(px, py, width / 2, role, on)

    def arc(self, x, y, r, a0, a1, width, role="fg", on=True):
        self.d(role).arc(self.box(x, y, r), a0, a1, fill=255 if on else 0, width=self.w(width))

    def pie(self, x, y, r, a0, a1, role="fg", on=True):
        self.d(role).pieslice(self.box(x, y, r), a0, a1, fill=255 if on else 0)

    def text(self, s, size, role="fg", on=True, x=0.0, y=0.0, kind="cjk"):
        f = font(kind, size * self.r)
        self.d(role).text(self.xy(x, y), s, font=f, fill=255 if on else 0, anchor="mm")

    def clip_disc(self, role, r=1.0):
        m = Image.new("L", (self.px, self.px), 0)
        ImageDraw.Draw(m).ellipse(self.box(0, 0, r), fill=255)
        self.masks[role] = ImageChops.multiply(self.masks[role], m)
        self._draws[role] = ImageDraw.Draw(self.masks[role])


def reg(n, r, rot=0.0, x=0.0, y=0.0):
    return [(x + r * math.cos(rot + 2 * math.pi * i / n), y + r * math.sin(rot + 2 * math.pi * i / n))
            for i in range(n)]


def star(n, ro, ri, rot=-math.pi / 2, x=0.0, y=0.0):
    pts = []
    for i in range(2 * n):
        r = ro if i % 2 == 0 else ri
        a = rot + math.pi * i / n
        pts.append((x + r * math.cos(a), y + r * math.sin(a)))
    return pts


def ellipse_pts(x, y, a, b, ang, k=48):
    ca, sa = math.cos(ang), math.sin(ang)
    out = []
    for i in range(k):
        t = 2 * math.pi * i / k
        ex, ey = a * math.cos(t), b * math.sin(t)
        out.append((x + ex * ca - ey * sa, y + ex * sa + ey * ca))
    return out


def rotate(pts, ang, x=0.0, y=0.0):
    ca, sa = math.cos(ang), math.sin(ang)
    return [(x + px * ca - py * sa, y + px * sa + py * ca) for px, py in pts]
