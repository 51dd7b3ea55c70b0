"""numpy/PIL helpers for the icon edits."""

from __future__ import annotations

import numpy as np
from PIL import Image, ImageFilter

N = 256


def arr(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("RGB"), dtype=np.float32)


def img_of(a: np.ndarray) -> Image.Image:
    return Image.fromarray(np.clip(a + 0.5, 0, 255).astype(np.uint8), "RGB")


def lum(a: np.ndarray) -> np.ndarray:
    return a[..., 0] * 0.299 + a[..., 1] * 0.587 + a[..., 2] * 0.114


def bg_colour(img: Image.Image) -> tuple[int, int, int]:
    a = np.asarray(img.convert("RGB"))
    h, w = a.shape[:2]
    k = max(2, h // 32)
    corners = np.concatenate([a[:k, :k].reshape(-1, 3), a[:k, -k:].reshape(-1, 3), a[-k:, :k].reshape(-1, 3),
                              a[-k:, -k:].reshape(-1, 3)])
    return tuple(int(v) for v in np.median(corners, axis=0))


def fg_mask(img: Image.Image, thr: float = 40.0) -> np.ndarray:
    """Pixels that differ from the (corner) background colour; tolerant of a gradient background."""
    a = arr(img)
    h = a.shape[0]
    top = np.median(a[:4].reshape(-1, 3), axis=0)
    bot = np.median(a[-4:].reshape(-1, 3), axis=0)
    t = np.linspace(0, 1, h, dtype=np.float32)[:, None, None]
    ref = top[None, None] * (1 - t) + bot[None, None] * t
    return np.abs(a - ref).max(axis=2) > thr


def gradient(size: int, c1, c2, direction: str = "v") -> np.ndarray:
    t = np.linspace(0, 1, size, dtype=np.float32)
    ramp = np.repeat(t[:, None], size, 1) if direction == "v" else np.repeat(t[None, :], size, 0)
    if direction == "d":
        ramp = (t[:, None] + t[None, :]) / 2
    return np.asarray(c1, np.float32) * (1 - ramp[..., None]) + np.asarray(c2, np.float32) * ramp[..., None]


def rand_colour(rng, lo: int = 0, hi: int = 256) -> tuple[int, int, int]:
    return tuple(int(v) for v in rng.integers(lo, hi, 3))


def cell_means(a: np.ndarray, c: int) -> np.ndarray:
    """Mean colour per c x c cell, broadcast back to full size (size must be divisible by c or is cropped)."""
    h, w = a.shape[:2]
    hh, ww = (h // c) * c, (w // c) * c
    cells = a[:hh, :ww].reshape(hh // c, c, ww // c, c, 3).mean(axis=(1, 3))
    full = np.repeat(np.repeat(cells, c, 0), c, 1)
    out = np.empty_like(a)
    out[:hh, :ww] = full
    out[hh:, :ww] = full[-1:, :, :]
    out[:, ww:] = out[:, ww - 1:ww]
    return out


def blurred(img: Image.Image, r: float) -> Image.Image:
    return img.filter(ImageFilter.GaussianBlur(r))


def edges(a: np.ndarray) -> np.ndarray:
    """Gradient magnitude of the luminance (0..~255)."""
    g = lum(a)
    gx = np.zeros_like(g)
    gy = np.zeros_like(g)
    gx[:, 1:-1] = g[:, 2:] - g[:, :-2]
    gy[1:-1] = g[2:] - g[:-2]
    return np.hypot(gx, gy) / 2.0


def coords(n: int = N) -> tuple[np.ndarray, np.ndarray]:
    yy, xx = np.mgrid[0:n, 0:n].astype(np.float32)
    return yy, xx
