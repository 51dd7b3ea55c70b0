"""Keypoint search: the official icons whose keypoints a listing's icon shares most, when no hash found them.

Every 64-bit hash of ``icons.py`` looks at the whole icon at one alignment (or at a variant of the
official icon indexed ahead of time). A copy framed, photographed at an angle, turned on a new tile or
put through two or three edits at once is far from all of them, while its keypoints still match the
official icon by the dozen. Comparing each listing icon with every official icon by keypoints costs
too much; here the official icons' ORB descriptors (luminance and value channels) are indexed by their
sixteen 16-bit pieces. A descriptor of a listing icon that matches an official one (Hamming distance
~20-50 of 256) shares at least one piece with it most of the time, an unrelated one rarely. Each listing
descriptor votes once for every app one of its pieces leads to; the apps with most votes are then
verified by keypoints like any shortlisted app (``keypoints.verify``), under stricter rules
(``keypoints.search_*``). A piece that occurs in more than ``max_apps`` apps' icons (a flat field, a
straight edge) says nothing and is left out.

A busy official icon (many keypoints) collects many chance votes from any listing icon, about in
proportion to the pieces it holds in the table. Ranked by votes alone, three or four busy icons came
first for most copies of other apps on the labelled sets; ranked by votes over the square root of the
pieces held, a copy's own app came first for 121 instead of 95 of holdout_s18's 182 icon-only copies,
and likewise on every other set. With few protected apps no piece is common enough to be left out, and
the busy icon may be the copied one: the apps first by votes alone are therefore verified as well
(``weighted``), those first by the weighted count before them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from .keypoints import Features

PIECES = 16  # a 256-bit ORB descriptor as sixteen 16-bit pieces
CHANNELS = ("luma", "value")
# the code a ranking depends on: the search, the features it ranks by, and the shapes they are taken of
CODE_FILES = ("search.py", "keypoints.py", "tile.py", "icons.py", "parts.py", "silhouette.py")
_CODE = hashlib.blake2b(
    b"".join(Path(__file__).with_name(name).read_bytes() for name in CODE_FILES),
    digest_size=8,
).hexdigest()


def search_key(official_digests: dict[int, str], keypoint_settings: dict) -> str:
    """What a ranking depends on: the official icons (by app index), the settings and the code."""
    kp = keypoint_settings
    parts = [f"{i}:{d}" for i, d in sorted(official_digests.items())]
    named = (
        "search_apps",
        "search_max_apps",
        "search_views",
        "search_weighted",
        "search_parts",
        "shape_min_inliers",
        "twin_min_inliers",
    )
    parts += [_CODE, *(str(kp[k]) for k in named)]
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


def _pieces(descriptors: np.ndarray) -> np.ndarray:
    """(n, PIECES) uint16: each 32-byte descriptor as big-endian 16-bit pieces."""
    return np.frombuffer(np.ascontiguousarray(descriptors).tobytes(), dtype=">u2").reshape(-1, PIECES)


def _descriptors(found: Features, channels: tuple[str, ...] = CHANNELS) -> np.ndarray | None:
    rows = [
        c.descriptors
        for name in channels
        if (c := found.channels.get(name)) is not None and c.descriptors is not None
    ]
    return np.vstack(rows) if rows else None


class KeypointSearch:
    def __init__(
        self,
        features: dict[int, Features],
        max_apps: int = 3,
        weighted: bool = True,
        channels: tuple[str, ...] = CHANNELS,
    ):
        """``features``: app index → its official icon's features. The table holds, for each piece
        position and value, the apps (up to ``max_apps``, -1 padded) whose icons have that piece.
        ``weighted``: the apps first by votes over the square root of their pieces come first, then
        those first by votes (module docstring); otherwise only the latter. ``channels``: those whose
        descriptors are indexed and vote (the silhouette's, ``keypoints.SHAPE``, in a table of its own)."""
        self.channels = channels
        self.apps = max(features, default=-1) + 1
        pieces, owners = [], []
        for app, found in features.items():
            descriptors = _descriptors(found, channels)
            if descriptors is not None:
                pieces.append(_pieces(descriptors))
                owners.append(np.full(len(descriptors), app, np.int32))
        self.table = np.full((PIECES, 1 << 16, max_apps), -1, np.int32)
        self.weight: np.ndarray | None = None
        if not pieces:
            return
        every, owner = np.vstack(pieces), np.concatenate(owners)
        for position in range(PIECES):
            # the distinct (piece, app) pairs of this position, by piece
            # (one int64 key per pair, piece above app: sorted by piece, then app)
            pairs = np.unique((every[:, position].astype(np.int64) << 32) | owner)
            pieces_, apps_ = pairs >> 32, (pairs & 0xFFFFFFFF).astype(np.int32)
            values, first, count = np.unique(pieces_, return_index=True, return_counts=True)
            keep = count <= max_apps
            for slot in range(max_apps):
                has = keep & (count > slot)
                self.table[position, values[has], slot] = apps_[first[has] + slot]
        if weighted:
            held = np.bincount(self.table[self.table >= 0], minlength=self.apps)
            self.weight = 1.0 / np.sqrt(held + 1.0)

    def __len__(self) -> int:
        return int((self.table[:, :, 0] >= 0).sum())

    def rank(self, listing: Features, top: int) -> list[tuple[int, int]]:
        """The ``top`` apps with most votes from the listing icon's descriptors for the pieces their icon
        holds, then the ``top`` with most votes, each app once (module docstring): (app index, votes)."""
        descriptors = _descriptors(listing, self.channels)
        if descriptors is None or not self.apps:
            return []
        pieces = _pieces(descriptors)
        found = self.table[np.arange(PIECES), pieces].reshape(len(pieces), -1)  # (n, PIECES * max_apps)
        found.sort(axis=1)
        first = np.ones(found.shape, bool)
        first[:, 1:] = found[:, 1:] != found[:, :-1]  # each app once per descriptor
        votes = np.bincount(found[first & (found >= 0)], minlength=self.apps)
        order = list(np.lexsort((np.arange(self.apps), -votes))[:top])
        if self.weight is not None:
            weighted = np.lexsort((np.arange(self.apps), -votes * self.weight))[:top]
            order = list(dict.fromkeys([*weighted, *order]))
        return [(int(app), int(votes[app])) for app in order if votes[app] > 0]

    def rank_shapes(self, shapes: list[Features], top: int) -> list[tuple[int, int]]:
        """The ``top`` apps of each shape of one icon (the icon itself first, then its views), each app
        once with its most votes, in the order found."""
        found: dict[int, int] = {}
        for shape in shapes:
            for app, votes in self.rank(shape, top):
                found[app] = max(found.get(app, 0), votes)
        return list(found.items())
