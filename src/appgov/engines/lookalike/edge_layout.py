"""Edge layout: the official icon whose edges lie where a listing icon's do, whatever their colours.

A copy recoloured, inverted, darkened or turned grey keeps every edge of the official drawing in its
place, but the light / dark layout that the 64-bit hashes of ``icons.py`` read changes with the colours
(a blue field turned orange is lighter, not darker, than the logo on it), and so does the keypoints'
ranking (their descriptors compare brightness). Here each icon's edges are summed over a 16 x 16 grid
and the quarter of the cells with most edge are its layout (256 bits, 64 set): the same for a copy in
any colours and any contrast, since only which cells have most edge counts. Measured on
holdout_s13's recoloured copies (no hash near their app, the keypoint search ranked other apps first):
36 of 39 lie within 8 bits of their own app's layout and nearest to it.

The nearest app within ``max_distance`` is only shortlisted: the keypoints, or the icon laid in place
(``keypoints.in_place``), decide like for any other shortlisted app.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import cv2
import numpy as np

from .keypoints import Features

LAYOUT_KIND = "edge_layout"  # the hit kind of an app found so: shortlist only (scoring)
# the code a stored nearest app depends on (with the official icons and settings: index._layout_key)
LAYOUT_CODE = hashlib.blake2b(
    b"".join(Path(__file__).with_name(name).read_bytes() for name in ("edge_layout.py", "keypoints.py")),
    digest_size=8,
).hexdigest()

GRID = 16  # cells per side
KEPT = GRID * GRID // 4  # the cells with most edge that make the layout
CHANNELS = ("luma", "value")
MIN_EDGE = 1.0  # mean Sobel magnitude in the KEPT-th cell below which the icon has no edges to lay out


def layout(small: np.ndarray) -> np.ndarray | None:
    """bool (GRID * GRID): the KEPT cells of most edge of a channel image (keypoints.Channel.small), or
    None when even those hold nearly no edge (a flat icon)."""
    pixels = small.astype(np.float32)
    magnitude = np.hypot(cv2.Sobel(pixels, cv2.CV_32F, 1, 0), cv2.Sobel(pixels, cv2.CV_32F, 0, 1))
    cells = cv2.resize(magnitude, (GRID, GRID), interpolation=cv2.INTER_AREA).ravel()
    order = np.argsort(-cells, kind="stable")
    if cells[order[KEPT - 1]] < MIN_EDGE:
        return None
    bits = np.zeros(GRID * GRID, bool)
    bits[order[:KEPT]] = True
    return bits


def layouts(found: Features) -> np.ndarray | None:
    """bool (len(CHANNELS), GRID * GRID): the layout of each channel, None when one is missing or flat."""
    rows = []
    for name in CHANNELS:
        channel = found.channels.get(name)
        bits = layout(channel.small) if channel is not None and channel.small is not None else None
        if bits is None:
            return None
        rows.append(bits)
    return np.stack(rows)


class EdgeLayouts:
    def __init__(self, features: dict[int, Features], max_distance: int):
        """``features``: app index → its official icon's features."""
        self.max_distance = max_distance
        apps, rows = [], []
        for app, found in sorted(features.items()):
            bits = layouts(found)
            if bits is not None:
                apps.append(app)
                rows.append(bits)
        self.apps = np.array(apps, np.int32)
        self.table = np.stack(rows) if rows else np.zeros((0, len(CHANNELS), GRID * GRID), bool)

    def nearest(self, listing: Features) -> list[tuple[int, int]]:
        """[(app index, distance)] of the app whose layout is nearest the listing icon's (channel by
        channel, the nearer counts), when within max_distance; [] otherwise. Ties: the lower index."""
        mine = layouts(listing)
        if mine is None or not len(self.apps):
            return []
        distances = (self.table != mine[None]).sum(axis=2).min(axis=1)
        best = int(np.argmin(distances))
        if distances[best] > self.max_distance:
            return []
        return [(int(self.apps[best]), int(distances[best]))]
