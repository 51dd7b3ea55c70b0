"""Helpers shared by the icon edits: cut-outs, resampling maps, contrasting colours, overlay words."""

from __future__ import annotations

import io

import numpy as np
from designs import Rendered
from drawing import SIZE, corner_colour, estimate_mask, hsv, luma, mask_image, to_rgb
from PIL import Image

# words a counterfeiter sets on an icon; none holds a brand keyword (selfcheck checks the names only)
BADGE_WORDS = ["1", "3", "8", "99+", "新", "HOT", "荐", "赚", "惠", "NEW"]
BAND_WORDS = ["官方", "福利版", "领红包", "极速下载", "新用户专享", "VIP", "正版", "额度提升", "限时免息", "安全认证"]
SIDE_WORDS = ["钱包", "金融", "易贷", "Pay", "e家", "财富", "速贷", "惠享", "优选", "Money", "理财", "借款"]
STAMP_WORDS = ["官方认证", "正版", "认证", "安全", "官方", "放心借"]
MARK_WORDS = ["样例", "DEMO", "仅供参考", "Preview", "内部版", "TEST"]
LABEL_WORDS = ["钱包", "理财", "借款", "工具", "生活", "服务", "金融", "办卡", "省钱", "额度"]


def src_from_image(img: Image.Image) -> Rendered:
    """A source for the next edit of a chain: the field colour and drawing estimated from the pixels."""
    rgbimg = to_rgb(img)
    if rgbimg.size != (SIZE, SIZE):
        rgbimg = rgbimg.resize((SIZE, SIZE), Image.Resampling.LANCZOS)
    bg = corner_colour(rgbimg)
    return Rendered(rgbimg, estimate_mask(rgbimg, bg), bg)


def bbox_of(mask: np.ndarray, thr: float = 0.08):
    ys, xs = np.nonzero(mask > thr)
    if len(xs) == 0:
        return (0, 0, SIZE, SIZE)
    return (int(xs.min()), int(ys.min()), int(xs.max()) + 1, int(ys.max()) + 1)


def cutout(src: Rendered) -> Image.Image:
    """The drawing alone (RGBA, alpha = mask), cropped to its box."""
    rgba = src.img.convert("RGBA")
    rgba.putalpha(mask_image(src.mask))
    return rgba.crop(bbox_of(src.mask))


def emblem_colour(src: Rendered):
    m = src.mask > 0.5
    if m.sum() < 20:
        return (128, 128, 128)
    a = np.asarray(src.img)[m]
    return tuple(int(v) for v in np.median(a, axis=0))


def contrasting(rng, against, min_diff: float = 80.0, sat=(0.35, 0.95)):
    """A random field colour whose luminance differs enough from `against`."""
    for _ in range(40):
        c = hsv(rng.random(), rng.uniform(*sat), rng.uniform(0.2, 1.0))
        if abs(luma(c) - luma(against)) >= min_diff:
            return c
    return (20, 20, 24) if luma(against) > 128 else (245, 245, 245)


def remap(arr: np.ndarray, sx: np.ndarray, sy: np.ndarray, fill) -> np.ndarray:
    """Bilinear sampling of arr (H, W, C) at (sx, sy); outside points get `fill`."""
    h, w = arr.shape[:2]
    a = arr.astype(np.float32)
    x0 = np.floor(sx).astype(np.int64)
    y0 = np.floor(sy).astype(np.int64)
    fx = (sx - x0)[..., None]
    fy = (sy - y0)[..., None]
    valid = (sx >= 0) & (sx <= w - 1) & (sy >= 0) & (sy <= h - 1)
    x0c, x1c = np.clip(x0, 0, w - 1), np.clip(x0 + 1, 0, w - 1)
    y0c, y1c = np.clip(y0, 0, h - 1), np.clip(y0 + 1, 0, h - 1)
    out = (a[y0c, x0c] * (1 - fx) * (1 - fy) + a[y0c, x1c] * fx * (1 - fy)
           + a[y1c, x0c] * (1 - fx) * fy + a[y1c, x1c] * fx * fy)
    out[~valid] = np.array(fill, np.float32)
    return np.clip(out + 0.5, 0, 255).astype(np.uint8)


def grid() -> tuple[np.ndarray, np.ndarray]:
    ys, xs = np.mgrid[0:SIZE, 0:SIZE].astype(np.float32)
    return xs, ys


def jpeg_roundtrip(img: Image.Image, quality: int) -> Image.Image:
    buf = io.BytesIO()
    to_rgb(img).save(buf, "JPEG", quality=int(quality), optimize=False)
    buf.seek(0)
    return Image.open(buf).convert("RGB")


def perspective_coeffs(dst, src):
    """Coefficients for Image.transform(PERSPECTIVE): output points dst map to input points src."""
    rows, rhs = [], []
    for (x, y), (u, v) in zip(dst, src, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        rhs.extend([u, v])
    return np.linalg.solve(np.array(rows, np.float64), np.array(rhs, np.float64)).tolist()


def blend(a: Image.Image, b: Image.Image, mask: np.ndarray) -> Image.Image:
    """a where mask = 0, b where mask = 1 (RGB)."""
    aa = np.asarray(to_rgb(a), np.float32)
    bb = np.asarray(to_rgb(b), np.float32)
    m = mask[..., None]
    return Image.fromarray(np.clip(aa * (1 - m) + bb * m + 0.5, 0, 255).astype(np.uint8), "RGB")
