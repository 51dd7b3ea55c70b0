"""Drawing primitives: fonts, colours, backgrounds, text masks, perspective maths."""

from __future__ import annotations

import colorsys
import math
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_CJK = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
FONT_SANS = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_SANS_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"
FONT_SERIF_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSerif-Bold.ttf"
FONT_COND_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSansCondensed-Bold.ttf"

Colour = tuple[int, int, int]
WHITE: Colour = (255, 255, 255)
BLACK: Colour = (0, 0, 0)


def rgb(value: str | Colour) -> Colour:
    if isinstance(value, tuple):
        return value
    h = value.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def hexstr(c: Colour) -> str:
    return f"#{c[0]:02X}{c[1]:02X}{c[2]:02X}"


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(int(round(a[i] + (b[i] - a[i]) * t)) for i in range(3))  # type: ignore[return-value]


def lighter(c: Colour, t: float) -> Colour:
    return mix(c, WHITE, t)


def darker(c: Colour, t: float) -> Colour:
    return mix(c, BLACK, t)


def rotate_hue(c: Colour, degrees: float) -> Colour:
    h, s, v = colorsys.rgb_to_hsv(*(x / 255 for x in c))
    r, g, b = colorsys.hsv_to_rgb((h + degrees / 360) % 1.0, s, v)
    return (int(round(r * 255)), int(round(g * 255)), int(round(b * 255)))


@lru_cache(maxsize=256)
def font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


def font_for(text: str, latin: str = FONT_SANS_BOLD) -> str:
    return latin if all(ord(ch) < 0x2E80 for ch in text) else FONT_CJK


def solid(size: tuple[int, int], c: Colour) -> Image.Image:
    return Image.new("RGB", size, c)


def linear_gradient(size: tuple[int, int], c1: Colour, c2: Colour, angle: float) -> Image.Image:
    w, h = size
    a = math.radians(angle)
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    proj = (xs - w / 2) * math.cos(a) + (ys - h / 2) * math.sin(a)
    span = abs(w / 2 * math.cos(a)) + abs(h / 2 * math.sin(a))
    t = np.clip((proj / max(span, 1e-6) + 1) / 2, 0, 1)[..., None]
    arr = np.array(c1, np.float32) * (1 - t) + np.array(c2, np.float32) * t
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


def radial_gradient(size: tuple[int, int], c_in: Colour, c_out: Colour, cx: float = 0.5, cy: float = 0.4) -> Image.Image:
    w, h = size
    ys, xs = np.mgrid[0:h, 0:w].astype(np.float32)
    d = np.sqrt(((xs - cx * w) / w) ** 2 + ((ys - cy * h) / h) ** 2)
    t = np.clip(d / 0.75, 0, 1)[..., None]
    arr = np.array(c_in, np.float32) * (1 - t) + np.array(c_out, np.float32) * t
    return Image.fromarray(np.clip(arr + 0.5, 0, 255).astype(np.uint8), "RGB")


def text_mask(text: str, px: int, path: str | None = None, stroke: int = 0) -> Image.Image:
    """Tight L mask of a text rendered at `px`."""
    f = font(path or font_for(text), px)
    box = f.getbbox(text, stroke_width=stroke)
    w, h = box[2] - box[0] + 2 * stroke + 4, box[3] - box[1] + 2 * stroke + 4
    m = Image.new("L", (max(w, 1), max(h, 1)), 0)
    ImageDraw.Draw(m).text((-box[0] + stroke + 2, -box[1] + stroke + 2), text, fill=255, font=f,
                           stroke_width=stroke, stroke_fill=255)
    bb = m.getbbox()
    return m.crop(bb) if bb else m


def fit_size(w: int, h: int, max_w: float, max_h: float) -> tuple[int, int]:
    s = min(max_w / w, max_h / h)
    return max(1, int(round(w * s))), max(1, int(round(h * s)))


def text_layer(text: str, colour: Colour, max_w: float, max_h: float, path: str | None = None,
               stroke: int = 0) -> Image.Image:
    """RGBA text scaled to fit a box."""
    m = text_mask(text, 160, path, stroke)
    m = m.resize(fit_size(m.width, m.height, max_w, max_h), Image.LANCZOS)
    layer = Image.new("RGBA", m.size, colour + (0,))
    layer.putalpha(m)
    return layer


def paste_center(base: Image.Image, over: Image.Image, cx: float, cy: float) -> None:
    x = int(round(cx - over.width / 2))
    y = int(round(cy - over.height / 2))
    if over.mode == "RGBA":
        base.paste(over, (x, y), over)
    else:
        base.paste(over, (x, y))


def rounded_mask(size: tuple[int, int], radius: float) -> Image.Image:
    w, h = size
    m = Image.new("L", (w * 2, h * 2), 0)
    ImageDraw.Draw(m).rounded_rectangle((0, 0, w * 2 - 1, h * 2 - 1), radius=radius * 2, fill=255)
    return m.resize((w, h), Image.LANCZOS)


def circle_mask(size: int, frac: float = 1.0) -> Image.Image:
    m = Image.new("L", (size * 2, size * 2), 0)
    r = size * frac
    ImageDraw.Draw(m).ellipse((size - r, size - r, size + r - 1, size + r - 1), fill=255)
    return m.resize((size, size), Image.LANCZOS)


def perspective_coeffs(dst: list[tuple[float, float]], src: list[tuple[float, float]]) -> list[float]:
    """Coefficients for Image.transform(PERSPECTIVE) mapping output points `dst` to input points `src`."""
    rows = []
    rhs = []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.extend([u, v])
    sol = np.linalg.solve(np.array(rows, np.float64), np.array(rhs, np.float64))
    return [float(v) for v in sol]


def median_corner_colour(img: Image.Image) -> Colour:
    a = np.asarray(img.convert("RGB"))
    k = max(2, img.width // 40)
    corners = np.concatenate([a[:k, :k].reshape(-1, 3), a[:k, -k:].reshape(-1, 3),
                              a[-k:, :k].reshape(-1, 3), a[-k:, -k:].reshape(-1, 3)])
    med = np.median(corners, axis=0)
    return (int(med[0]), int(med[1]), int(med[2]))
