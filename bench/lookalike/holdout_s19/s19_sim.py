"""The similarity measure of holdout s19 (defined here, independent of any detector).

An icon's *print* is a set of 64-bit DCT hashes of its luminance (plain, and with a corner, the centre, a
wide middle, the top or the bottom replaced by the mean of the rest), of its value channel max(R, G, B),
of its content box (the drawing cut out of a plain field), plus a 16x16 grey thumbnail.

* ``near_copy(a, b)`` (used between protected icons): plain-luminance or value distance <= NEAR_BITS, or
  thumbnail mean absolute difference < NEAR_THUMB.
* ``min_distance(a, b)`` (used for negatives): the smallest distance over every kind both prints have;
  a negative is *clearly distinct* from a protected icon when it is >= NEG_BITS and the thumbnail
  difference is >= NEG_THUMB.
* ``visible_diff(a, b)``: mean absolute grey difference at 64x64 (an edit must reach EDIT_MIN).
"""

from __future__ import annotations

import numpy as np
from PIL import Image

NEAR_BITS = 12
NEAR_THUMB = 10.0
NEG_BITS = 16
NEG_MASKED_BITS = 12
NEG_THUMB = 10.0
EDIT_MIN = 6.0


def _dct_matrix(n):
    k = np.arange(n)[:, None]
    i = np.arange(n)[None, :]
    m = np.cos(np.pi * (2 * i + 1) * k / (2 * n)) * np.sqrt(2.0 / n)
    m[0] /= np.sqrt(2.0)
    return m


_C = _dct_matrix(32)

MASKS = {
    "tl": (0.0, 0.4, 0.0, 0.4), "tr": (0.0, 0.4, 0.6, 1.0), "bl": (0.6, 1.0, 0.0, 0.4), "br": (0.6, 1.0, 0.6, 1.0),
    "centre": (0.28, 0.72, 0.28, 0.72), "top": (0.0, 0.3, 0.0, 1.0),
    "bottom": (0.7, 1.0, 0.0, 1.0),
}


PLAIN_KINDS = ["grey", "value", "box"]
MASKED_KINDS = ["tl", "tr", "bl", "br", "centre", "top", "bottom"]
KINDS = PLAIN_KINDS + MASKED_KINDS


def _hash(a, min_std=4.0):
    if float(np.std(a)) < min_std:
        return None
    im = Image.fromarray(a.astype(np.float32), mode="F").resize((32, 32), Image.BILINEAR)
    d = _C @ np.asarray(im, dtype=np.float64) @ _C.T
    low = d[:8, :8].ravel()
    return low > np.median(low)


def _grey64(img):
    return np.asarray(img.convert("RGB").convert("L").resize((64, 64), Image.BOX), dtype=np.float64)


def _content_box(rgb):
    a = np.asarray(rgb.resize((128, 128), Image.BOX), dtype=np.int16)
    corners = np.array([a[0, 0], a[0, -1], a[-1, 0], a[-1, -1]])
    field = np.median(corners, axis=0)
    if np.abs(corners - field).max() > 24:
        return None
    drawn = (np.abs(a - field[None, None, :]) > 24).any(axis=2)
    if drawn.mean() < 0.01 or drawn.mean() > 0.9:
        return None
    ys, xs = np.nonzero(drawn)
    y0, y1, x0, x1 = ys.min(), ys.max() + 1, xs.min(), xs.max() + 1
    side = max(y1 - y0, x1 - x0)
    canvas = np.empty((side, side, 3), dtype=np.int16)
    canvas[:] = field.astype(np.int16)
    oy = (side - (y1 - y0)) // 2
    ox = (side - (x1 - x0)) // 2
    canvas[oy:oy + y1 - y0, ox:ox + x1 - x0] = a[y0:y1, x0:x1]
    box = Image.fromarray(canvas.clip(0, 255).astype(np.uint8), "RGB").resize((64, 64), Image.BILINEAR)
    return np.asarray(box.convert("L"), dtype=np.float64)


def fingerprint(img):
    rgb = img.convert("RGB")
    g = _grey64(rgb)
    v = np.asarray(rgb.resize((64, 64), Image.BOX), dtype=np.float64).max(axis=2)
    out = {"grey": _hash(g), "value": _hash(v)}
    for name, (y0, y1, x0, x1) in MASKS.items():
        m = g.copy()
        sl = (slice(int(y0 * 64), int(y1 * 64)), slice(int(x0 * 64), int(x1 * 64)))
        keep = np.ones_like(m, dtype=bool)
        keep[sl] = False
        m[sl] = m[keep].mean()
        out[name] = _hash(m, 8.0)
    box = _content_box(rgb)
    out["box"] = _hash(box) if box is not None else None
    out["thumb"] = np.asarray(rgb.convert("L").resize((16, 16), Image.BOX), dtype=np.float64)
    out["g64"] = g
    return out


def bits(a, b):
    return int(np.count_nonzero(a != b))


def thumb_diff(fa, fb):
    return float(np.abs(fa["thumb"] - fb["thumb"]).mean())


def near_copy(fa, fb):
    for k in ("grey", "value", "box"):
        if fa[k] is not None and fb[k] is not None and bits(fa[k], fb[k]) <= NEAR_BITS:
            return True
    return thumb_diff(fa, fb) < NEAR_THUMB


def min_distance(fa, fb, kinds=None):
    best = 64
    for k in kinds or KINDS:
        if fa[k] is not None and fb[k] is not None:
            best = min(best, bits(fa[k], fb[k]))
    return best


def clearly_distinct(fa, fb):
    return (min_distance(fa, fb, PLAIN_KINDS) >= NEG_BITS and min_distance(fa, fb, MASKED_KINDS) >= NEG_MASKED_BITS
            and thumb_diff(fa, fb) >= NEG_THUMB)


def visible_diff(img_a, img_b):
    return float(np.abs(_grey64(img_a) - _grey64(img_b)).mean())
