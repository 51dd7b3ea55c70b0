"""Image helpers shared by the icon edits: background estimate, emblem cut-out, text, gradients."""

from __future__ import annotations

import colorsys

import fonts
import numpy as np
from PIL import Image, ImageDraw, ImageFilter

N = 512


def np_rgb(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("RGB"), dtype=np.float32)


def to_img(a: np.ndarray, mode: str = "RGB") -> Image.Image:
    return Image.fromarray(np.clip(a, 0, 255).round().astype(np.uint8), mode)


def flatten(img: Image.Image, colour=(255, 255, 255)) -> Image.Image:
    """RGB copy; transparency composited on a colour."""
    if img.mode == "RGBA":
        base = Image.new("RGB", img.size, colour)
        base.paste(img, (0, 0), img)
        return base
    return img.convert("RGB")


def ring_pixels(a: np.ndarray, w: int = 6) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    h, wd = a.shape[:2]
    yy, xx = np.mgrid[0:h, 0:wd]
    ring = (yy < w) | (yy >= h - w) | (xx < w) | (xx >= wd - w)
    return a[ring], yy[ring], xx[ring]


def bg_model(img: Image.Image) -> np.ndarray:
    """A plane per channel fitted to the outer ring (robust: refitted without outliers)."""
    a = np_rgb(img)
    h, w = a.shape[:2]
    vals, ys, xs = ring_pixels(a)
    A = np.stack([np.ones_like(xs, dtype=np.float32), xs / w, ys / h], 1)
    keep = np.ones(len(vals), bool)
    coef = None
    for _ in range(3):
        coef, *_ = np.linalg.lstsq(A[keep], vals[keep], rcond=None)
        err = np.abs(A @ coef - vals).max(1)
        keep = err < max(12.0, np.percentile(err, 60) * 2)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float32)
    return (
        coef[0][None, None, :]
        + (xx / w)[..., None] * coef[1][None, None, :]
        + (yy / h)[..., None] * coef[2][None, None, :]
    )


def bg_colour(img: Image.Image) -> tuple[int, int, int]:
    vals, _, _ = ring_pixels(np_rgb(img))
    return tuple(int(v) for v in np.median(vals, 0))


def segment(img: Image.Image) -> np.ndarray:
    """Soft mask (0..1) of what differs from the background plane: the emblem."""
    a = np_rgb(img)
    d = np.abs(a - bg_model(img)).max(2)
    m = np.clip((d - 16) / 24, 0, 1)
    mi = Image.fromarray((m * 255).astype(np.uint8)).filter(ImageFilter.MedianFilter(3))
    return np.asarray(mi, np.float32) / 255


def cutout(img: Image.Image, pad: int = 2) -> Image.Image:
    """The emblem as RGBA cropped to its box (transparent elsewhere)."""
    m = segment(img)
    rgba = np.dstack([np_rgb(img), m * 255])
    out = to_img(rgba, "RGBA")
    bb = Image.fromarray((m > 0.2).astype(np.uint8) * 255).getbbox()
    if not bb:
        return out
    x0, y0, x1, y1 = bb
    return out.crop((max(0, x0 - pad), max(0, y0 - pad), min(N, x1 + pad), min(N, y1 + pad)))


def fit(img: Image.Image, box_w: int, box_h: int) -> Image.Image:
    w, h = img.size
    k = min(box_w / w, box_h / h)
    return img.resize((max(1, int(w * k)), max(1, int(h * k))), Image.LANCZOS)


def paste_center(canvas: Image.Image, img: Image.Image, cx: float, cy: float) -> Image.Image:
    x, y = int(round(cx - img.size[0] / 2)), int(round(cy - img.size[1] / 2))
    if img.mode == "RGBA":
        canvas.paste(img, (x, y), img)
    else:
        canvas.paste(img, (x, y))
    return canvas


def gradient(c1, c2, vertical: bool = True, n: int = N) -> Image.Image:
    t = np.linspace(0, 1, n, dtype=np.float32)
    t = t[:, None] if vertical else t[None, :]
    t = np.broadcast_to(t, (n, n))[..., None]
    a = np.asarray(c1, np.float32) * (1 - t) + np.asarray(c2, np.float32) * t
    return to_img(a)


def text_image(
    text: str, height: int, colour, stroke: int = 0, stroke_colour=None, style="sans_bold"
) -> Image.Image:
    """Text rendered on transparent, cropped, scaled to a height."""
    f = fonts.font_for(text, 200, style)
    tmp = Image.new("RGBA", (200 * max(2, len(text)) + 80, 320), (0, 0, 0, 0))
    ImageDraw.Draw(tmp).text(
        (40, 40),
        text,
        font=f,
        fill=tuple(colour) + (255,),
        stroke_width=stroke * 4,
        stroke_fill=tuple(stroke_colour or colour) + (255,),
    )
    bb = tmp.getbbox()
    t = tmp.crop(bb) if bb else tmp
    k = height / t.size[1]
    return t.resize((max(1, int(t.size[0] * k)), max(1, height)), Image.LANCZOS)


def hsv_shift(img: Image.Image, dh: float = 0.0, ds: float = 1.0, dv: float = 1.0) -> Image.Image:
    hsv = np.asarray(img.convert("RGB").convert("HSV"), np.float32)
    hsv[..., 0] = (hsv[..., 0] + dh * 255) % 256
    hsv[..., 1] = np.clip(hsv[..., 1] * ds, 0, 255)
    hsv[..., 2] = np.clip(hsv[..., 2] * dv, 0, 255)
    return Image.fromarray(hsv.astype(np.uint8), "HSV").convert("RGB")


def dominant_colour(img: Image.Image) -> tuple[int, int, int]:
    """The most common saturated colour (the brand colour)."""
    a = np.asarray(img.convert("RGB").resize((64, 64)), np.int32)
    mx, mn = a.max(2), a.min(2)
    sat = a[(mx - mn) > 60]
    if len(sat) == 0:
        return tuple(int(v) for v in np.median(a.reshape(-1, 3), 0))
    q = (sat // 32) * 32 + 16
    keys, counts = np.unique(q[:, 0] * 65536 + q[:, 1] * 256 + q[:, 2], return_counts=True)
    k = int(keys[np.argmax(counts)])
    sel = sat[(q[:, 0] * 65536 + q[:, 1] * 256 + q[:, 2]) == k]
    return tuple(int(v) for v in sel.mean(0))


def hue_of(c) -> float:
    return colorsys.rgb_to_hsv(*(v / 255 for v in c))[0]


def rgb_from_hsv(h, s, v) -> tuple[int, int, int]:
    return tuple(int(round(x * 255)) for x in colorsys.hsv_to_rgb(h % 1.0, s, v))


def shadow(mask: Image.Image, radius: float, opacity: float) -> Image.Image:
    return mask.filter(ImageFilter.GaussianBlur(radius)).point(lambda v: int(v * opacity))


def perspective_coeffs(dst, src):
    """Coefficients for Image.transform(PERSPECTIVE) mapping output quad dst onto input quad src."""
    A, b = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        b += [u, v]
    return np.linalg.solve(np.asarray(A, float), np.asarray(b, float)).tolist()
