"""Named random streams derived from the set's seed (sha256 of seed and stream name, never hash())."""

from __future__ import annotations

import hashlib
import random

import numpy as np

SEED = 2424


def _digest(stream: str) -> bytes:
    return hashlib.sha256(f"holdout_s24/{SEED}/{stream}".encode()).digest()


def rng(stream: str) -> random.Random:
    """A Python Random seeded only by the set's seed and the stream's name."""
    return random.Random(int.from_bytes(_digest(stream)[:16], "big"))


def nprng(stream: str) -> np.random.Generator:
    """A numpy Generator seeded only by the set's seed and the stream's name."""
    return np.random.default_rng(int.from_bytes(_digest(stream)[:16], "big"))


def hex_id(stream: str, n: int) -> str:
    """n lowercase hex digits drawn from a stream (n <= 128)."""
    out = ""
    i = 0
    while len(out) < n:
        out += hashlib.sha256(_digest(stream) + i.to_bytes(4, "big")).hexdigest()
        i += 1
    return out[:n]


def digits(stream: str, n: int) -> str:
    """n decimal digits drawn from a stream."""
    r = rng(stream)
    return "".join(str(r.randrange(10)) for _ in range(n))
