"""An own 64-bit pHash (the usual construction: 32x32 luminance, 2-D DCT-II, 8x8 low band above its median).

Only used by the self-check and the contact sheets to put numbers on how far icons are from each other.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
from PIL import Image

_N = 32
_C = np.array([[math.cos(math.pi * k * (2 * n + 1) / (2 * _N)) for n in range(_N)] for k in range(_N)])


def phash(img: Image.Image) -> int:
    g = np.asarray(img.convert("L").resize((_N, _N), Image.LANCZOS), dtype=np.float64)
    low = (_C @ g @ _C.T)[:8, :8]
    bits = (low > np.median(low)).flatten()
    return int("".join("1" if b else "0" for b in bits), 2)


def phash_file(path: Path) -> int:
    with Image.open(path) as im:
        return phash(im)


def distance(a: int, b: int) -> int:
    return (a ^ b).bit_count()
