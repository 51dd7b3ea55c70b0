"""Low-level drawing: fonts, colours, gradients, masks, text and compositing helpers."""

from __future__ import annotations

import colorsys
import math
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFilter, ImageFont

SIZE = 512  # every designed icon is SIZE x SIZE
SS = 2  # supersampling factor for drawing
CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
DEJAVU = "/usr/share/fonts/truetype/dejavu/"
FONTS = {
    "cjk": CJK_FONT,
    "sans": DEJAVU + "DejaVuSans-Bold.ttf",
    "serif": DEJAVU + "DejaVuSerif-Bold.ttf",
    "plain": DEJAVU + "DejaVuSans.ttf",
    "cond": DEJAVU + "DejaVuSansCondensed-Bold.ttf",
}

Colour = tuple[int, int, int]


@lru_cache(maxsize=512)
def font(kind: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(FONTS[kind], max(6, int(px)))


def is_cjk(text: str) -> bool:
    return any(ord(ch) > 0x2E80 for ch in text)


def text_font(text: str, px: int, latin: str = "sans") -> ImageFont.FreeTypeFont:
    return font("cjk" if is_cjk(text) else latin, px)


def rgb(h: str) -> Colour:
    h = h.lstrip("#")
    return (int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16))


def hex_colour(c: Colour) -> str:
    return "#" + "".join(f"{v:02x}" for v in c)


def mix(a: Colour, b: Colour, t: float) -> Colour:
    return tuple(int(round(a[i] * (1 - t) + b[i] * t)) for i in range(3))


def darker(c: Colour, t: float = 0.3) -> Colour:
    return mix(c, (0, 0, 0), t)


def lighter(c: Colour, t: float = 0.3) -> Colour:
    return mix(c, (255, 255, 255), t)


def hsv(h: float, s: float, v: float) -> Colour:
    r, g, b = colorsys.hsv_to_rgb(h % 1.0, s, v)
    return (round(r * 255), round(g * 255), round(b * 255))


def hue_of(c: Colour) -> float:
    return colorsys.rgb_to_hsv(*(x / 255 for x in c))[0]


def luma(c: Colour) -> float:
    return 0.299 * c[0] + 0.587 * c[1] + 0.114 * c[2]


def contrast_on(c: Colour) -> Colour:
    return (255, 255, 255) if luma(c) < 160 else (30, 30, 30)


def jitter(rng, c: Colour, amount: int) -> Colour:
    return tuple(max(0, min(255, v + rng.randint(-amount, amount))) for v in c)


def solid(c: Colour, size: int = SIZE) -> Image.Image:
    return Image.new("RGB", (size, size), c)


def gradient(c1: Colour, c2: Colour, size: int = SIZE, angle: float = 90.0) -> Image.Image:
    """Linear gradient from c1 to c2 along `angle` degrees (90: top to bottom)."""
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) / max(1, size - 1) - 0.5
    a = math.radians(angle)
    t = xs * math.cos(a) + ys * math.sin(a)
    t = (t - t.min()) / max(1e-6, float(t.max() - t.min()))
    arr = np.array(c1, np.float32) + (np.array(c2, np.float32) - np.array(c1, np.float32)) * t[..., None]
    return Image.fromarray(np.clip(arr.round(), 0, 255).astype(np.uint8), "RGB")


def radial(c1: Colour, c2: Colour, size: int = SIZE) -> Image.Image:
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) / max(1, size - 1) - 0.5
    t = np.clip(np.sqrt(xs * xs + ys * ys) / 0.7071, 0, 1)
    arr = np.array(c1, np.float32) + (np.array(c2, np.float32) - np.array(c1, np.float32)) * t[..., None]
    return Image.fromarray(np.clip(arr.round(), 0, 255).astype(np.uint8), "RGB")


def paint(base: Image.Image, mask: Image.Image, colour) -> None:
    """Paint `colour` onto base (in place) through an L mask."""
    base.paste(Image.new(base.mode, base.size, colour), (0, 0), mask)


def shape_mask(size: int, shape: str, radius: float = 0.22) -> Image.Image:
    """An antialiased L mask: 'circle', 'rounded' (corner radius as a fraction), 'squircle' or 'square'."""
    big = size * 4
    m = Image.new("L", (big, big), 0)
    d = ImageDraw.Draw(m)
    if shape == "circle":
        d.ellipse([0, 0, big - 1, big - 1], fill=255)
    elif shape == "rounded":
        d.rounded_rectangle([0, 0, big - 1, big - 1], radius=int(radius * big), fill=255)
    elif shape == "squircle":
        t = np.linspace(0, 2 * math.pi, 720, endpoint=False)
        n = 4.5
        xs = np.sign(np.cos(t)) * np.abs(np.cos(t)) ** (2 / n)
        ys = np.sign(np.sin(t)) * np.abs(np.sin(t)) ** (2 / n)
        pts = [((x + 1) / 2 * (big - 1), (y + 1) / 2 * (big - 1)) for x, y in zip(xs, ys, strict=True)]
        d.polygon(pts, fill=255)
    else:
        d.rectangle([0, 0, big - 1, big - 1], fill=255)
    return m.resize((size, size), Image.Resampling.LANCZOS)


def corner_colour(img: Image.Image) -> Colour:
    a = np.asarray(img.convert("RGB"))
    k = max(2, a.shape[0] // 64)
    patches = np.concatenate([a[:k, :k].reshape(-1, 3), a[:k, -k:].reshape(-1, 3),
                              a[-k:, :k].reshape(-1, 3), a[-k:, -k:].reshape(-1, 3)])
    return tuple(int(v) for v in np.median(patches, axis=0))


def estimate_mask(img: Image.Image, bg: Colour) -> np.ndarray:
    """Drawing vs plain field: a soft 0..1 mask of pixels that differ from the field colour."""
    a = np.asarray(img.convert("RGB")).astype(np.int16)
    diff = np.abs(a - np.array(bg, np.int16)).max(axis=2)
    return np.clip((diff - 22) / 30.0, 0, 1).astype(np.float32)


def to_rgb(img: Image.Image, bg: Colour = (255, 255, 255)) -> Image.Image:
    if img.mode == "RGB":
        return img
    if img.mode in ("RGBA", "LA", "P"):
        rgba = img.convert("RGBA")
        out = Image.new("RGB", rgba.size, bg)
        out.paste(rgba, (0, 0), rgba)
        return out
    return img.convert("RGB")


def text_block(text: str, px: int, colour, latin: str = "sans", stroke: int = 0, stroke_fill=None) -> Image.Image:
    """Text rendered tightly on a transparent RGBA image."""
    f = text_font(text, px, latin)
    probe = ImageDraw.Draw(Image.new("L", (4, 4)))
    x0, y0, x1, y1 = probe.textbbox((0, 0), text, font=f, stroke_width=stroke)
    im = Image.new("RGBA", (max(1, x1 - x0 + 2), max(1, y1 - y0 + 2)), (0, 0, 0, 0))
    ImageDraw.Draw(im).text((-x0 + 1, -y0 + 1), text, font=f, fill=colour, stroke_width=stroke,
                            stroke_fill=stroke_fill)
    return im


def fit_width(im: Image.Image, max_w: int) -> Image.Image:
    if im.width <= max_w:
        return im
    h = max(1, round(im.height * max_w / im.width))
    return im.resize((max_w, h), Image.Resampling.LANCZOS)


def paste_centred(base: Image.Image, im: Image.Image, cx: float, cy: float) -> None:
    x, y = int(round(cx - im.width / 2)), int(round(cy - im.height / 2))
    if im.mode == "RGBA":
        base.paste(im, (x, y), im)
    else:
        base.paste(im, (x, y))


def mask_image(m: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(m * 255 + 0.5, 0, 255).astype(np.uint8), "L")


def dilate(mask: Image.Image, px: int) -> Image.Image:
    size = max(3, px | 1)
    return mask.filter(ImageFilter.MaxFilter(min(size, 31))) if size <= 31 else _big_dilate(mask, size)


def _big_dilate(mask: Image.Image, size: int) -> Image.Image:
    out = mask
    left = size
    while left > 1:
        step = min(31, left)
        out = out.filter(ImageFilter.MaxFilter(step | 1))
        left -= step - 1
    return out
