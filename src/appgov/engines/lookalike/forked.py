"""One map over forked worker processes, for the per-icon work of an index build (official icons'
hashes and keypoints): forked, so the workers share what the parent already loaded."""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Sequence
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def forked_map(func: Callable[[T], R], items: Sequence[T], workers: int) -> list[R]:
    """``[func(item) for item in items]``, by up to ``workers`` forked processes when there are two or
    more of each (in chunks: ~8 per worker, so that an uneven share evens out)."""
    if workers > 1 and len(items) > 1:
        with multiprocessing.get_context("fork").Pool(min(workers, len(items))) as pool:
            return pool.map(func, items, chunksize=max(1, len(items) // (workers * 8)))
    return [func(item) for item in items]
