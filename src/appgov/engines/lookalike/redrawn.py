"""Redrawn icons: the official drawing traced again in another style.

A copy drawn as line-art, an outline, a neon glow, a pencil sketch, an emboss, a watercolour, with a
thicker or thinner stroke or in coarse pixels keeps every contour of the official drawing where it was,
but not its fills, colours or corners: its hashes are far from the official icon's, and the keypoints,
whose descriptors compare patches of brightness, find few matches (an outline's patch is not a fill's).
Here an icon is reduced to where its contours lie and which way they run, whatever the fill:

* ``structure``: the contour strength at ``STRUCTURE_SIDE`` pixels (Sobel magnitude of the stronger of the
  luminance and the value channel, clipped at its 98th percentile, blurred), as a unit vector; its dot
  product with an official icon's ranks the apps, and the ``shortlist`` nearest are compared;
* ``coverage``: at ``SIDE`` pixels, the share of one icon's contour pixels that have a contour of the other
  within ``RADIUS`` pixels running nearly the same way (``BINS`` direction bins; a neighbouring bin
  counts), both ways, over the whole icon and over its middle half, where a bank's mark has its
  characters. The least of the four is the verdict: a contour the copy added (a frame, a word) or lost
  counts against it, as does another character in the same emblem.

Nothing is moved or turned: a copy turned or cut is the keypoints' (keypoints.py). Only listings that
nothing else alerted are compared (index.LookalikeIndex.screen_one), by icon content, once per sweep.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
from PIL import Image

from .pixels import channel_max

# the code a stored verdict depends on (with the official icons and settings: index._redrawn_key)
REDRAWN_CODE = hashlib.blake2b(Path(__file__).read_bytes(), digest_size=8).hexdigest()
SIDE = 160  # coverage is measured at this size (pixels)
STRUCTURE_SIDE = 64  # the structure vector's size
COARSE_SIDE = 32  # ... and a coarse one's, that preselects (a 64-pixel table is 16 KB an app: read whole per
# icon, it cost ~7 ms; at 32 pixels the emblems of one template rank alike, their characters lost)
PRESELECT = 24  # apps preselected by the coarse vector, ranked again by the fine one
RADIUS = 2  # pixels at SIDE within which a contour covers another
BINS = 8  # contour directions, over 180 degrees (either polarity: a recoloured copy may invert)
MIN_EDGE = 40.0  # Sobel magnitude (after a 1-pixel blur) below which a pixel is on no contour ...
EDGE_SHARE = 0.5  # ... nor below this share of the icon's 80th percentile of magnitude
MIN_PIXELS = 20  # fewer contour pixels than this in a part: the part says nothing (coverage 0)
_DISC = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * RADIUS + 1, 2 * RADIUS + 1))
_MIDDLE = np.zeros((SIDE, SIDE), bool)
_MIDDLE[SIDE // 4 : SIDE - SIDE // 4, SIDE // 4 : SIDE - SIDE // 4] = True


@dataclass(frozen=True, slots=True)
class Contours:
    structure: np.ndarray  # float32 (STRUCTURE_SIDE ** 2,), unit length
    coarse: np.ndarray  # float32 (COARSE_SIDE ** 2,), unit length
    codes: np.ndarray  # uint8 (SIDE, SIDE): 0 off every contour, else 1 + the direction bin


def _strongest_gradient(rgb: np.ndarray, blur: float) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(magnitude, gx, gy) of whichever of luminance and value has the stronger gradient, pixel by pixel."""
    best = None
    for channel in (cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), channel_max(rgb)):
        if blur:
            channel = cv2.GaussianBlur(channel, (0, 0), blur)
        gx, gy = cv2.Sobel(channel, cv2.CV_32F, 1, 0), cv2.Sobel(channel, cv2.CV_32F, 0, 1)
        magnitude = np.hypot(gx, gy)
        if best is None:
            best = (magnitude, gx, gy)
        else:
            stronger = magnitude > best[0]
            best = tuple(np.where(stronger, new, old) for new, old in zip((magnitude, gx, gy), best, strict=True))
    return best


def _structure(rgb: Image.Image, side: int) -> np.ndarray:
    small = np.asarray(rgb.resize((side, side), Image.Resampling.LANCZOS)).astype(np.float32)
    magnitude = _strongest_gradient(small, 0.0)[0]
    strength = np.clip(magnitude / (np.percentile(magnitude, 98) + 1e-6), 0, 1)
    strength = cv2.GaussianBlur(strength, (0, 0), 1.5 * side / STRUCTURE_SIDE).ravel()
    strength -= strength.mean()
    return (strength / (np.linalg.norm(strength) + 1e-9)).astype(np.float32)


def contours(image: Image.Image) -> Contours:
    rgb = image.convert("RGB")
    structure, coarse = _structure(rgb, STRUCTURE_SIDE), _structure(rgb, COARSE_SIDE)
    large = np.asarray(rgb.resize((SIDE, SIDE), Image.Resampling.LANCZOS)).astype(np.float32)
    magnitude, gx, gy = _strongest_gradient(large, 1.0)
    on = magnitude > max(MIN_EDGE, EDGE_SHARE * float(np.percentile(magnitude, 80)))
    direction = (np.arctan2(gy, gx) % np.pi) / np.pi * BINS
    codes = np.where(on, 1 + np.floor(direction).astype(np.int64) % BINS, 0).astype(np.uint8)
    return Contours(structure, coarse, codes)


def contours_file(path: str | Path) -> Contours:
    with Image.open(path) as image:
        image.load()
        return contours(image)


def _near(codes: np.ndarray) -> np.ndarray:
    """bool (BINS, SIDE, SIDE): where a contour of each direction (or a neighbouring one) lies within RADIUS."""
    spread = np.stack([cv2.dilate((codes == 1 + k).astype(np.uint8), _DISC) for k in range(BINS)]).astype(bool)
    return spread | np.roll(spread, 1, axis=0) | np.roll(spread, -1, axis=0)


def _covered(codes: np.ndarray, near: np.ndarray, part: np.ndarray | None) -> float:
    on = codes > 0 if part is None else (codes > 0) & part
    ys, xs = np.nonzero(on)
    if len(ys) < MIN_PIXELS:
        return 0.0
    return float(near[codes[ys, xs].astype(np.int64) - 1, ys, xs].mean())


def coverage(mine: Contours, theirs: Contours, mine_near: np.ndarray | None = None) -> float:
    """The least of the four coverages (each icon's contours by the other's, whole and middle)."""
    mine_near = _near(mine.codes) if mine_near is None else mine_near
    theirs_near = _near(theirs.codes)
    return min(
        _covered(theirs.codes, mine_near, None),
        _covered(mine.codes, theirs_near, None),
        _covered(theirs.codes, mine_near, _MIDDLE),
        _covered(mine.codes, theirs_near, _MIDDLE),
    )


class RedrawnIcons:
    def __init__(self, official: dict[int, Contours], shortlist: int, min_structure: float, min_coverage: float):
        """``official``: app index → its official icon's contours."""
        self.apps = sorted(official)
        self.official = official
        self.coarse = (
            np.stack([official[app].coarse for app in self.apps])
            if self.apps
            else np.zeros((0, COARSE_SIDE**2), np.float32)
        )
        self.shortlist, self.min_structure, self.min_coverage = shortlist, min_structure, min_coverage

    def best(self, mine: Contours) -> tuple[int, float, float] | None:
        """(app index, coverage, structure) of the shortlisted app that the icon covers best, when that
        reaches min_coverage; None otherwise. Ties: the nearer structure, then the lower index."""
        if not self.apps:
            return None
        coarse = self.coarse @ mine.coarse
        rows = np.argsort(-coarse, kind="stable")[:PRESELECT]
        structure = np.array([float(self.official[self.apps[row]].structure @ mine.structure) for row in rows])
        order = np.argsort(-structure, kind="stable")[: self.shortlist]
        mine_near = None
        found = None
        for pos in order:
            if structure[pos] < self.min_structure:
                break
            app = self.apps[rows[pos]]
            mine_near = _near(mine.codes) if mine_near is None else mine_near
            covered = coverage(mine, self.official[app], mine_near)
            if covered >= self.min_coverage and (found is None or covered > found[1]):
                found = (app, round(covered, 4), round(float(structure[pos]), 4))
        return found
