"""Drawing primitives for the emblem generator: masks on a square canvas and a premultiplied layer."""

from __future__ import annotations

import math

import fonts
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

S = 1024  # working canvas side; emblems are drawn in unit coordinates and downsampled


def hex_rgb(c: str) -> tuple[int, int, int]:
    c = c.lstrip("#")
    return int(c[0:2], 16), int(c[2:4], 16), int(c[4:6], 16)


def mix(a, b, t: float) -> tuple[int, int, int]:
    return tuple(int(round(a[i] * (1 - t) + b[i] * t)) for i in range(3))


def px(u: float) -> float:
    return u * S


def blank() -> Image.Image:
    return Image.new("L", (S, S), 0)


def arr(mask: Image.Image) -> np.ndarray:
    return np.asarray(mask, dtype=np.float32) / 255.0


def poly(points, mask: Image.Image | None = None) -> Image.Image:
    m = mask or blank()
    ImageDraw.Draw(m).polygon([(px(x), px(y)) for x, y in points], fill=255)
    return m


def ellipse(cx, cy, rx, ry=None, mask: Image.Image | None = None) -> Image.Image:
    ry = rx if ry is None else ry
    m = mask or blank()
    ImageDraw.Draw(m).ellipse([px(cx - rx), px(cy - ry), px(cx + rx), px(cy + ry)], fill=255)
    return m


def line(points, width: float, mask: Image.Image | None = None, caps: bool = True) -> Image.Image:
    m = mask or blank()
    d = ImageDraw.Draw(m)
    pts = [(px(x), px(y)) for x, y in points]
    d.line(pts, fill=255, width=max(1, int(round(px(width)))), joint="curve")
    if caps:
        r = px(width) / 2
        for x, y in (pts[0], pts[-1]):
            d.ellipse([x - r, y - r, x + r, y + r], fill=255)
    return m


def discs(points_radii, mask: Image.Image | None = None) -> Image.Image:
    m = mask or blank()
    d = ImageDraw.Draw(m)
    for x, y, r in points_radii:
        d.ellipse([px(x - r), px(y - r), px(x + r), px(y + r)], fill=255)
    return m


def superellipse(cx, cy, a, b, expo, rot_deg=0.0, n=240):
    """Points of |x/a|^e + |y/b|^e = 1 rotated by rot_deg (e=2 ellipse, 4 squircle, 1 diamond)."""
    out = []
    cr, sr = math.cos(math.radians(rot_deg)), math.sin(math.radians(rot_deg))
    for i in range(n):
        t = 2 * math.pi * i / n
        c, s = math.cos(t), math.sin(t)
        x = a * math.copysign(abs(c) ** (2 / expo), c)
        y = b * math.copysign(abs(s) ** (2 / expo), s)
        out.append((cx + x * cr - y * sr, cy + x * sr + y * cr))
    return out


def rotate_points(points, deg, cx=0.5, cy=0.5):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return [(cx + (x - cx) * c - (y - cy) * s, cy + (x - cx) * s + (y - cy) * c) for x, y in points]


def bezier(p0, p1, p2, p3, n=64):
    pts = []
    for i in range(n + 1):
        t = i / n
        a, b, c, d = (1 - t) ** 3, 3 * t * (1 - t) ** 2, 3 * t * t * (1 - t), t**3
        pts.append(
            (a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1])
        )
    return pts


def band(center_pts, widths):
    """Polygon of a band of varying width around a centre line."""
    left, right = [], []
    n = len(center_pts)
    for i, (x, y) in enumerate(center_pts):
        x0, y0 = center_pts[max(0, i - 1)]
        x1, y1 = center_pts[min(n - 1, i + 1)]
        dx, dy = x1 - x0, y1 - y0
        ln = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / ln, dx / ln
        w = widths[i] / 2
        left.append((x + nx * w, y + ny * w))
        right.append((x - nx * w, y - ny * w))
    return left, right


def text_mask(
    text: str, box, style: str = "sans_bold", stroke: float = 0.0, stretch: bool = False
) -> Image.Image:
    """Text fitted into box (x0, y0, x1, y1 in unit coordinates); stretch=True fills the box exactly."""
    x0, y0, x1, y1 = (px(v) for v in box)
    bw, bh = max(2, int(x1 - x0)), max(2, int(y1 - y0))
    size = 400
    f = fonts.font_for(text, size, style)
    sw = int(round(stroke * size))
    tmp = Image.new("L", (size * max(1, len(text)) + 4 * sw + 40, size * 2 + 4 * sw), 0)
    ImageDraw.Draw(tmp).text(
        (20 + 2 * sw, size // 2), text, font=f, fill=255, stroke_width=sw, stroke_fill=255
    )
    bb = tmp.getbbox()
    m = blank()
    if not bb:
        return m
    glyph = tmp.crop(bb)
    gw, gh = glyph.size
    if stretch:
        tw, th = bw, bh
    else:
        k = min(bw / gw, bh / gh)
        tw, th = max(1, int(gw * k)), max(1, int(gh * k))
    glyph = glyph.resize((tw, th), Image.LANCZOS)
    m.paste(glyph, (int(x0 + (bw - tw) / 2), int(y0 + (bh - th) / 2)))
    return m


def blur(m: np.ndarray, radius_u: float) -> np.ndarray:
    img = Image.fromarray(np.clip(m * 255, 0, 255).astype(np.uint8))
    return arr(img.filter(ImageFilter.GaussianBlur(max(0.5, px(radius_u)))))


def smoothstep(x: np.ndarray, lo: float, hi: float) -> np.ndarray:
    t = np.clip((x - lo) / (hi - lo), 0.0, 1.0)
    return t * t * (3 - 2 * t)


def grow(m: np.ndarray, d_u: float) -> np.ndarray:
    """Dilate (d_u > 0) or erode (d_u < 0) a mask by about |d_u| (unit coordinates)."""
    if abs(d_u) < 1e-4:
        return m
    b = blur(m, abs(d_u))
    if d_u > 0:
        return smoothstep(b, 0.10, 0.22)
    return smoothstep(b, 0.78, 0.90)


def noise_field(seed: int, cells: int = 24) -> np.ndarray:
    g = np.random.default_rng(seed).random((cells, cells)).astype(np.float32)
    img = Image.fromarray((g * 255).astype(np.uint8)).resize((S, S), Image.BICUBIC)
    return arr(img)


def roughen(m: np.ndarray, amount: float, seed: int) -> np.ndarray:
    """Ragged, brush-like edges: threshold a softened mask perturbed by low-frequency noise."""
    if amount <= 0:
        return m
    b = blur(m, 0.004)
    nz = noise_field(seed, 40) - 0.5
    return smoothstep(b + amount * 0.5 * nz, 0.45, 0.55)


def affine(mask: Image.Image, stretch_x=1.0, stretch_y=1.0, shear=0.0, rot=0.0) -> Image.Image:
    """Stretch, shear and rotate a mask about the canvas centre."""
    c = S / 2
    # output -> input mapping
    cr, sr = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    # inverse rotation, then inverse shear/stretch
    a, b = cr, sr
    d, e = -sr, cr
    # apply inverse shear/stretch: x_in = (x' - shear*y')/stretch_x, y_in = y'/stretch_y
    m00 = (a - shear * d) / stretch_x
    m01 = (b - shear * e) / stretch_x
    m10 = d / stretch_y
    m11 = e / stretch_y
    coeffs = (m00, m01, c - m00 * c - m01 * c, m10, m11, c - m10 * c - m11 * c)
    return mask.transform((S, S), Image.AFFINE, coeffs, resample=Image.BICUBIC)


class Layer:
    """Premultiplied RGBA float layer on the S x S canvas."""

    def __init__(self):
        self.p = np.zeros((S, S, 3), np.float32)
        self.a = np.zeros((S, S), np.float32)

    def paint(self, mask, colour) -> None:
        m = arr(mask) if isinstance(mask, Image.Image) else mask
        c = np.asarray(colour, np.float32) / 255.0
        self.p = c[None, None, :] * m[..., None] + self.p * (1 - m[..., None])
        self.a = m + self.a * (1 - m)

    def erase(self, mask) -> None:
        m = arr(mask) if isinstance(mask, Image.Image) else mask
        self.p *= 1 - m[..., None]
        self.a *= 1 - m

    def image(self, size: int) -> Image.Image:
        a = np.clip(self.a, 0, 1)
        rgb = np.where(a[..., None] > 1e-4, self.p / np.maximum(a[..., None], 1e-4), 0)
        out = np.dstack([np.clip(rgb * 255, 0, 255), a * 255]).astype(np.uint8)
        img = Image.fromarray(out, "RGBA")
        if size != S:
            # resize premultiplied to avoid dark fringes
            pre = Image.fromarray(
                np.dstack([np.clip(self.p * 255, 0, 255), a * 255]).astype(np.uint8), "RGBa"
            )
            img = pre.resize((size, size), Image.LANCZOS).convert("RGBA")
        return img
