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
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from .keypoints import Features

PIECES = 16  # a 256-bit ORB descriptor as sixteen 16-bit pieces
CHANNELS = ("luma", "value")
_CODE = hashlib.blake2b(
    b"".join(Path(__file__).with_name(name).read_bytes() for name in ("search.py", "keypoints.py")),
    digest_size=8,
).hexdigest()


def search_key(official_digests: dict[int, str], keypoint_settings: dict) -> str:
    """What a ranking depends on: the official icons (by app index), the settings and the code."""
    kp = keypoint_settings
    parts = [f"{i}:{d}" for i, d in sorted(official_digests.items())]
    parts += [_CODE, str(kp["search_apps"]), str(kp["search_max_apps"])]
    return hashlib.blake2b("|".join(parts).encode(), digest_size=16).hexdigest()


def _pieces(descriptors: np.ndarray) -> list[list[int]]:
    return (
        np.frombuffer(np.ascontiguousarray(descriptors).tobytes(), dtype=">u2").reshape(-1, PIECES).tolist()
    )


class KeypointSearch:
    def __init__(self, features: dict[int, Features], max_apps: int = 3):
        """``features``: app index → its official icon's features."""
        tables: list[dict[int, set[int]]] = [{} for _ in range(PIECES)]
        for app, found in features.items():
            for name in CHANNELS:
                channel = found.channels.get(name)
                if channel is None or channel.descriptors is None:
                    continue
                for row in _pieces(channel.descriptors):
                    for table, piece in zip(tables, row, strict=True):
                        table.setdefault(piece, set()).add(app)
        self._tables = [
            {piece: tuple(apps) for piece, apps in table.items() if len(apps) <= max_apps} for table in tables
        ]

    def __len__(self) -> int:
        return sum(len(t) for t in self._tables)

    def rank(self, listing: Features, top: int) -> list[tuple[int, int]]:
        """The ``top`` apps with most votes from the listing icon's descriptors: (app index, votes)."""
        votes: dict[int, int] = {}
        tables = self._tables
        for name in CHANNELS:
            channel = listing.channels.get(name)
            if channel is None or channel.descriptors is None:
                continue
            for row in _pieces(channel.descriptors):
                apps: set[int] = set()
                for table, piece in zip(tables, row, strict=True):
                    found = table.get(piece)
                    if found:
                        apps.update(found)
                for app in apps:
                    votes[app] = votes.get(app, 0) + 1
        return sorted(votes.items(), key=lambda item: (-item[1], item[0]))[:top]
