"""An icon's drawing split into two parts at a gap: an emblem set beside (or above) a word.

A counterfeiter lifts the official emblem, shrinks it to half the side and writes 钱包 / 查询 / 借呗
beside it on a new background. As a whole, the icon shares few keypoints with the official one (the
word's large glyphs outvote the small emblem in the keypoint search) and no hash. Each part cut out on
its own is the emblem again, or the word: the keypoint search and the verifier compare both
(keypoints.VIEWS "part1", "part2"; setting ``keypoints.search_parts``).

A part is what lies on one side of the widest band of rows or columns without an edge inside the
drawing, cut out as a square around its edges. The split is looked for on edges (Sobel of luminance
and of the brightest channel), not on colours: a gradient or photo background has no strong edge.
"""

from __future__ import annotations

import cv2
import numpy as np
from PIL import Image

SIDE = 96  # the split is looked for at this size (pixels)
MIN_ICON = 32  # an icon smaller than this on either side is not split: a part would hold no keypoints
EDGE = 100  # |Sobel x| + |Sobel y| above which a pixel is on an edge (an 8-bit channel at SIDE)
BORDER = 3  # pixels along each side left out: a rounded mask's or frame's outline is no part
MIN_GAP = 3  # the band without an edge is at least this many pixels wide at SIDE ...
MIN_PART = 0.15  # ... and leaves at least this share of the side on each side of it
MIN_EDGES = 0.1  # each part holds at least this share of the drawing's edge pixels
MARGIN = 1.12  # a part is cut out as a square this many times its larger side


def _edges(image: Image.Image) -> np.ndarray:
    rgb = np.asarray(image.convert("RGB").resize((SIDE, SIDE), Image.Resampling.BILINEAR))
    edges = np.zeros((SIDE, SIDE), bool)
    for channel in (cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY), rgb.max(axis=2)):
        gx = cv2.Sobel(channel, cv2.CV_16S, 1, 0)
        gy = cv2.Sobel(channel, cv2.CV_16S, 0, 1)
        edges |= (np.abs(gx.astype(np.int32)) + np.abs(gy)) > EDGE
    edges[:BORDER] = edges[-BORDER:] = False
    edges[:, :BORDER] = edges[:, -BORDER:] = False
    return edges


def _widest_gap(profile: np.ndarray) -> tuple[int, int, int, int] | None:
    """(start of the drawing, start of the gap, end of the gap, end of the drawing) along one axis, for
    the widest run of lines without an edge between two parts, or None."""
    drawn = np.flatnonzero(profile > 0)
    if len(drawn) < 2:
        return None
    steps = np.diff(drawn)
    widest = int(np.argmax(steps))
    gap = int(steps[widest]) - 1
    if gap < MIN_GAP:
        return None
    first, last = int(drawn[0]), int(drawn[-1]) + 1
    gap_start, gap_end = int(drawn[widest]) + 1, int(drawn[widest + 1])
    if min(gap_start - first, last - gap_end) < MIN_PART * SIDE:
        return None
    total = profile.sum()
    if min(profile[:gap_start].sum(), profile[gap_end:].sum()) < MIN_EDGES * total:
        return None
    return first, gap_start, gap_end, last


def split(image: Image.Image) -> tuple[Image.Image, Image.Image] | None:
    """The icon's two parts (left then right, or top then bottom), each cut out square on its own, or
    None when its drawing has no such gap (or the icon is smaller than ``MIN_ICON``)."""
    if min(image.size) < MIN_ICON:
        return None
    edges = _edges(image)
    found = []
    for axis in (0, 1):  # 0: a gap between columns (parts side by side); 1: between rows
        bounds = _widest_gap(edges.sum(axis=axis))
        if bounds is not None:
            found.append((bounds[2] - bounds[1], axis, bounds))
    if not found:
        return None
    _, axis, (first, gap_start, gap_end, last) = max(found)
    width, height = image.size
    rgb = np.asarray(image.convert("RGB"))
    # a part near the icon's side is cut out past it: the side's pixels continue outward
    padded = cv2.copyMakeBorder(rgb, height, height, width, width, cv2.BORDER_REPLICATE)
    parts = []
    for start, end in ((first, gap_start), (gap_end, last)):
        part = edges[:, start:end] if axis == 0 else edges[start:end, :]
        across = np.flatnonzero(part.any(axis=1 if axis == 0 else 0))
        low, high = int(across[0]), int(across[-1]) + 1
        x0, x1, y0, y1 = (start, end, low, high) if axis == 0 else (low, high, start, end)
        side = max(x1 - x0, y1 - y0) * MARGIN / 2
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        sx, sy = width / SIDE, height / SIDE
        box = (
            int(round((cx - side) * sx)) + width,
            int(round((cy - side) * sy)) + height,
            int(round((cx + side) * sx)) + width,
            int(round((cy + side) * sy)) + height,
        )
        parts.append(Image.fromarray(padded).crop(box))
    return parts[0], parts[1]


def first_part(image: Image.Image) -> Image.Image | None:
    """The left (or top) part (``split``), or None."""
    found = split(image)
    return found[0] if found else None


def second_part(image: Image.Image) -> Image.Image | None:
    """The right (or bottom) part (``split``), or None."""
    found = split(image)
    return found[1] if found else None
