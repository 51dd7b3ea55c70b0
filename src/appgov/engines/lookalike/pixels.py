"""Small pixel helpers shared by the hashing and keypoint code."""

from __future__ import annotations

import numpy as np


def channel_max(pixels: np.ndarray) -> np.ndarray:
    """The largest of the three channels of an (h, w, 3) array, the HSV value channel: the same values
    as ``pixels.max(axis=2)``, which numpy computes ~25 times slower for a last axis of three."""
    return np.maximum(np.maximum(pixels[..., 0], pixels[..., 1]), pixels[..., 2])
