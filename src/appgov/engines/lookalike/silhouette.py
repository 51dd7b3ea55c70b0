"""An icon's silhouette: where it differs from its background, whatever the colours.

A copy rebuilt in dark mode, in gold on black, as a two-colour print, or recoloured so that light and
dark trade places keeps the official drawing's outline but not its light/dark pattern, which ORB's
descriptors compare: its luminance and value channels match the official icon's by a handful. What
stays is the shape: the pixels that stand out from the background. The background is the plane (a
flat colour or a linear gradient, per RGB channel) fitted to the icon's border; a pixel farther from it
than ``THRESHOLD`` (RGB distance) is the drawing. The mask, slightly blurred so that its corners have a
descriptor, is matched like a channel (``keypoints.verify_shape``); the match only finds the transform,
and the official icon's own edges, moved back by it, must then agree.
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import numpy as np

THRESHOLD = 60.0  # RGB distance from the background plane above which a pixel is the drawing
BORDER = 4  # pixels of each side (at the compared size) that the background plane is fitted to
BLUR = 1.0  # sigma (pixels) of the blur of the mask


@lru_cache(maxsize=4)
def _design(side: int) -> tuple[np.ndarray, np.ndarray]:
    """(which pixels are on the border, the plane's design matrix): 1, x, y for each pixel."""
    yy, xx = np.mgrid[0:side, 0:side].astype(np.float32) / side
    ring = np.zeros((side, side), bool)
    ring[:BORDER] = ring[-BORDER:] = True
    ring[:, :BORDER] = ring[:, -BORDER:] = True
    every = np.stack([np.ones(side * side, np.float32), xx.ravel(), yy.ravel()], 1)
    return ring.ravel(), every


def silhouette(rgb: np.ndarray) -> np.ndarray:
    """The (side, side) uint8 mask, 255 on the drawing, of a square (side, side, 3) RGB array."""
    side = rgb.shape[0]
    pixels = rgb.reshape(-1, 3).astype(np.float32)
    ring, every = _design(side)
    coefficients, *_ = np.linalg.lstsq(every[ring], pixels[ring], rcond=None)
    distance = np.sqrt(((pixels - every @ coefficients) ** 2).sum(axis=1)).reshape(side, side)
    mask = (distance > THRESHOLD).astype(np.uint8) * 255
    return cv2.GaussianBlur(mask, (0, 0), BLUR)
