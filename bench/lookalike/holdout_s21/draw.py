"""Drawing helpers: a supersampled pen in unit coordinates, backgrounds, fonts, masks."""

from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
LAT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
SERIF_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
LIGHT_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-ExtraLight.ttf"
OBLIQUE_FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-BoldOblique.ttf"
SIZE = 512  # protected icons and drawings are made at this size
SS = 2  # supersampling


@lru_cache(maxsize=256)
def font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


def rgb(h: str) -> tuple[int, int, int]:
    h = h.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


class Pen:
    """Draws on a transparent layer; coordinates are fractions of the side."""

    def __init__(self, size: int = SIZE):
        self.out = size
        self.s = size * SS
        self.im = Image.new("RGBA", (self.s, self.s), (0, 0, 0, 0))
        self.d = ImageDraw.Draw(self.im)

    def _p(self, v: float) -> float:
        return v * self.s

    def _c(self, c):
        if c is None:
            return None
        if isinstance(c, str):
            c = rgb(c)
        return tuple(c) + ((255,) if len(c) == 3 else ())

    def circle(self, cx, cy, r, fill=None, outline=None, width=0.0):
        box = [self._p(cx - r), self._p(cy - r), self._p(cx + r), self._p(cy + r)]
        self.d.ellipse(box, fill=self._c(fill), outline=self._c(outline), width=max(0, int(self._p(width))))

    def ellipse(self, cx, cy, rx, ry, angle=0.0, fill=None, outline=None, width=0.0):
        if angle == 0.0:
            box = [self._p(cx - rx), self._p(cy - ry), self._p(cx + rx), self._p(cy + ry)]
            self.d.ellipse(
                box, fill=self._c(fill), outline=self._c(outline), width=max(0, int(self._p(width)))
            )
            return
        if fill is not None:
            self.poly(ellipse_points(cx, cy, rx, ry, angle), fill)
        if outline is not None:
            outer = ellipse_points(cx, cy, rx + width / 2, ry + width / 2, angle)
            inner = ellipse_points(cx, cy, max(rx - width / 2, 0.001), max(ry - width / 2, 0.001), angle)
            ring = Pen(self.out)
            ring.poly(outer, outline)
            ring.poly(inner, (0, 0, 0, 0))
            self.paste(ring)

    def poly(self, pts, fill, outline=None, width=0.0):
        self.d.polygon([(self._p(x), self._p(y)) for x, y in pts], fill=self._c(fill))
        if outline is not None:
            self.line(list(pts) + [pts[0]], outline, width)

    def line(self, pts, fill, width, round_caps=True):
        w = max(1, int(self._p(width)))
        xy = [(self._p(x), self._p(y)) for x, y in pts]
        self.d.line(xy, fill=self._c(fill), width=w, joint="curve")
        if round_caps:
            for x, y in (xy[0], xy[-1]):
                self.d.ellipse([x - w / 2, y - w / 2, x + w / 2, y + w / 2], fill=self._c(fill))

    def rect(self, x0, y0, x1, y1, fill=None, radius=0.0, outline=None, width=0.0):
        box = [self._p(x0), self._p(y0), self._p(x1), self._p(y1)]
        self.d.rounded_rectangle(
            box,
            radius=self._p(radius),
            fill=self._c(fill),
            outline=self._c(outline),
            width=max(0, int(self._p(width))),
        )

    def arc(self, cx, cy, r, a0, a1, fill, width):
        box = [self._p(cx - r), self._p(cy - r), self._p(cx + r), self._p(cy + r)]
        self.d.arc(box, a0, a1, fill=self._c(fill), width=max(1, int(self._p(width))))

    def text(self, cx, cy, txt, path, height, fill, stroke=0.0, anchor="mm"):
        """Text whose cap height is about `height` (fraction of the side), centred at (cx, cy)."""
        px = max(4, int(self._p(height) * 1.3))
        f = font(path, px)
        self.d.text(
            (self._p(cx), self._p(cy)),
            txt,
            font=f,
            fill=self._c(fill),
            anchor=anchor,
            stroke_width=int(self._p(stroke)),
            stroke_fill=self._c(fill),
        )

    def text_fit(self, cx, cy, txt, path, max_w, max_h, fill):
        """Largest text that fits a max_w x max_h box centred at (cx, cy)."""
        px = int(self._p(max_h) * 1.25)
        while px > 6:
            f = font(path, px)
            x0, y0, x1, y1 = self.d.textbbox((0, 0), txt, font=f)
            if x1 - x0 <= self._p(max_w) and y1 - y0 <= self._p(max_h):
                break
            px = int(px * 0.93)
        self.d.text((self._p(cx), self._p(cy)), txt, font=font(path, px), fill=self._c(fill), anchor="mm")

    def paste(self, other: Pen):
        self.im.alpha_composite(other.im)

    def erase(self, mask_pen: Pen):
        """Makes transparent what `mask_pen` covers."""
        a = np.asarray(self.im).copy()
        m = np.asarray(mask_pen.im)[:, :, 3].astype(np.float32) / 255.0
        a[:, :, 3] = (a[:, :, 3] * (1.0 - m)).astype(np.uint8)
        self.im = Image.fromarray(a, "RGBA")
        self.d = ImageDraw.Draw(self.im)

    def clip(self, mask_pen: Pen):
        """Keeps only what `mask_pen` covers."""
        a = np.asarray(self.im).copy()
        m = np.asarray(mask_pen.im)[:, :, 3].astype(np.float32) / 255.0
        a[:, :, 3] = (a[:, :, 3] * m).astype(np.uint8)
        self.im = Image.fromarray(a, "RGBA")
        self.d = ImageDraw.Draw(self.im)

    def image(self) -> Image.Image:
        return self.im.resize((self.out, self.out), Image.LANCZOS)


def ellipse_points(cx, cy, rx, ry, angle_deg, n=120):
    a = math.radians(angle_deg)
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * math.cos(a) - y * math.sin(a), cy + x * math.sin(a) + y * math.cos(a)))
    return pts


def regular_polygon(cx, cy, r, n, rot_deg=0.0):
    return [
        (
            cx + r * math.cos(math.radians(rot_deg + 360 * i / n)),
            cy + r * math.sin(math.radians(rot_deg + 360 * i / n)),
        )
        for i in range(n)
    ]


def star_points(cx, cy, r_out, r_in, n, rot_deg=-90.0):
    pts = []
    for i in range(2 * n):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot_deg + 180 * i / n)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def background(kind: str, c1, c2=None, size: int = SIZE, angle: float = 0.0) -> Image.Image:
    """solid, vgrad (top c1 to bottom c2), dgrad (diagonal), radial, split (left c1, right c2)."""
    c1 = np.array(rgb(c1) if isinstance(c1, str) else c1, np.float32)
    c2 = np.array(rgb(c2) if isinstance(c2, str) else (c2 if c2 is not None else c1), np.float32)
    y, x = np.mgrid[0:size, 0:size].astype(np.float32) / (size - 1)
    if kind == "solid":
        t = np.zeros_like(x)
    elif kind == "vgrad":
        t = y
    elif kind == "dgrad":
        a = math.radians(angle or 45.0)
        t = (x * math.cos(a) + y * math.sin(a)) / (abs(math.cos(a)) + abs(math.sin(a)))
        t = (t - t.min()) / max(t.max() - t.min(), 1e-6)
    elif kind == "radial":
        t = np.clip(np.hypot(x - 0.5, y - 0.45) / 0.75, 0, 1)
    elif kind == "split":
        t = (x > 0.5).astype(np.float32)
    else:
        raise ValueError(kind)
    arr = c1[None, None, :] * (1 - t[..., None]) + c2[None, None, :] * t[..., None]
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


def compose(bg: Image.Image, *layers: Image.Image) -> Image.Image:
    out = bg.convert("RGBA")
    for layer in layers:
        if layer.size != out.size:
            layer = layer.resize(out.size, Image.LANCZOS)
        out.alpha_composite(layer)
    return out.convert("RGB")


def rounded_mask(size: int, radius_frac: float) -> Image.Image:
    m = Image.new("L", (size * SS, size * SS), 0)
    ImageDraw.Draw(m).rounded_rectangle(
        [0, 0, size * SS - 1, size * SS - 1], radius=radius_frac * size * SS, fill=255
    )
    return m.resize((size, size), Image.LANCZOS)


def circle_mask(size: int) -> Image.Image:
    m = Image.new("L", (size * SS, size * SS), 0)
    ImageDraw.Draw(m).ellipse([0, 0, size * SS - 1, size * SS - 1], fill=255)
    return m.resize((size, size), Image.LANCZOS)
