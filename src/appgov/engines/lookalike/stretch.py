"""A copy squashed or stretched along one axis: the map from its keypoints onto the official icon's.

A counterfeiter who resizes an icon to another width than height and lays it back on a square field
leaves a copy that no rotation + uniform scale fits: the matches agree on one part of the logo only, and
the edges of the rest, moved back, lie beside the official ones. The map fitted here scales the two
axes apart, with no rotation (x' = sx·x + tx, y' = sy·y + ty): as many free parameters as a similarity,
so an unrelated icon's matches agree on it no more often by chance.
"""

from __future__ import annotations

import numpy as np

TRIALS = 256  # pairs of matches tried; each pair gives one map
MIN_APART = 6.0  # pixels: the two matches of a pair must lie this far apart on both axes
SEED = 20261206  # fixed: the same matches give the same map on every run


def fit_stretch(
    src: np.ndarray,
    dst: np.ndarray,
    *,
    threshold: float,
    min_scale: float,
    max_scale: float,
    max_ratio: float,
) -> tuple[np.ndarray | None, np.ndarray | None]:
    """(2x3 matrix, bool inlier mask) of the axis-aligned stretch that most matches agree on within
    ``threshold`` pixels, or (None, None) when no pair of matches gives one. ``src``, ``dst``: float
    (n, 2) points of the listing's and the official icon's matched keypoints. Each axis's scale lies in
    [min_scale, max_scale], and the larger over the smaller at most ``max_ratio``."""
    count = len(src)
    if count < 4:
        return None, None
    src = src.astype(np.float64)
    dst = dst.astype(np.float64)
    rng = np.random.default_rng(SEED)
    first, second = rng.integers(0, count, TRIALS), rng.integers(0, count, TRIALS)
    apart = src[second] - src[first]
    usable = (np.abs(apart) >= MIN_APART).all(axis=1)
    if not usable.any():
        return None, None
    first, second, apart = first[usable], second[usable], apart[usable]
    scales = (dst[second] - dst[first]) / apart  # (trials, 2): sx, sy
    larger, smaller = scales.max(axis=1), scales.min(axis=1)
    fair = (smaller >= min_scale) & (larger <= max_scale) & (larger <= max_ratio * smaller)
    if not fair.any():
        return None, None
    scales, first = scales[fair], first[fair]
    shifts = dst[first] - scales * src[first]
    inliers = _agreeing(scales, shifts, src, dst, threshold)
    best = int(np.argmax(inliers.sum(axis=1)))
    mask = inliers[best]
    for _ in range(2):  # refit on the agreeing matches, axis by axis (least squares)
        if mask.sum() < 3:
            break
        refit = _least_squares(src[mask], dst[mask])
        if refit is None:
            break
        scale, shift = refit
        if not (
            min_scale <= scale.min() and scale.max() <= max_scale and scale.max() <= max_ratio * scale.min()
        ):
            break
        again = _agreeing(scale[None], shift[None], src, dst, threshold)[0]
        if again.sum() < mask.sum():
            break
        scales[best], shifts[best], mask = scale, shift, again
    (sx, sy), (tx, ty) = scales[best], shifts[best]
    return np.float64([[sx, 0.0, tx], [0.0, sy, ty]]), mask


def _agreeing(scales: np.ndarray, shifts: np.ndarray, src: np.ndarray, dst: np.ndarray, threshold: float):
    moved = scales[:, None, :] * src[None, :, :] + shifts[:, None, :]
    return np.hypot(*(moved - dst[None, :, :]).transpose(2, 0, 1)) <= threshold


def _least_squares(src: np.ndarray, dst: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    scale, shift = np.empty(2), np.empty(2)
    for axis in range(2):
        x, y = src[:, axis], dst[:, axis]
        spread = x - x.mean()
        if float(spread @ spread) < 1e-6:
            return None
        scale[axis] = float(spread @ (y - y.mean())) / float(spread @ spread)
        shift[axis] = y.mean() - scale[axis] * x.mean()
    return scale, shift
