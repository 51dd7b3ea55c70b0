"""Icon perceptual hashes (imagehash pHash, 64 bits) and a multi-index hash table to search them.

Multi-index hashing (Norouzi et al., 2012): the 64-bit hash is cut into ``m`` chunks. If two hashes
are within Hamming distance ``r``, at least one chunk is within ``r // m`` (pigeonhole). The index
stores, for every protected icon and every chunk, all chunk values within that small radius, so a
query costs ``m`` exact lookups plus one popcount per (rare) collision — never all pairs. Queries
run on numpy arrays of hashes, a batch at a time.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import imagehash
import numpy as np
from PIL import Image


def phash_image(image: Image.Image) -> str:
    """64-bit pHash of an image as 16 hex digits (imagehash's own bit order)."""
    return str(imagehash.phash(image, hash_size=8))


def phash_file(path: str | Path) -> str:
    with Image.open(path) as image:
        image.load()
        return phash_image(image)


def variant_images(image: Image.Image) -> list[Image.Image]:
    """The official icon and the imitations it is most often turned into: tighter crops (zoomed
    logo) and hue rotations (recoloured logo). Indexing these lets a plain pHash lookup find them."""
    image = image.convert("RGB")
    width, height = image.size
    out = [image]
    for fraction in (0.05, 0.08, 0.11):
        mx, my = int(width * fraction), int(height * fraction)
        out.append(image.crop((mx, my, width - mx, height - my)).resize(image.size, Image.Resampling.BICUBIC))
    hue, sat, val = image.convert("HSV").split()
    for shift in (43, 85, 128, 170, 213):
        rotated = hue.point(lambda x, shift=shift: (x + shift) % 256)
        out.append(Image.merge("HSV", (rotated, sat, val)).convert("RGB"))
    return out


def variant_hashes_file(path: str | Path) -> list[str]:
    with Image.open(path) as image:
        image.load()
        return list(dict.fromkeys(phash_image(v) for v in variant_images(image)))


def hash_to_int(hex_hash: str) -> int:
    return int(hex_hash, 16)


def _masks(width: int, radius: int) -> np.ndarray:
    out = [0]
    for r in range(1, radius + 1):
        for bits in combinations(range(width), r):
            m = 0
            for b in bits:
                m |= 1 << b
            out.append(m)
    return np.array(out, dtype=np.uint64)


class IconIndex:
    """Multi-index hash table of protected icons; labels are caller ids (e.g. app indexes)."""

    def __init__(self, hashes: list[int], labels: list[int], max_distance: int, chunks: int = 4):
        if not 1 <= chunks <= 16:
            raise ValueError("chunks must be between 1 and 16")
        self.max_distance = max_distance
        self.hashes = np.array(hashes, dtype=np.uint64)
        self.labels = np.array(labels, dtype=np.int64)
        base, extra = divmod(64, chunks)
        self.widths = [base + (1 if c < extra else 0) for c in range(chunks)]
        self.shifts = [sum(self.widths[:c]) for c in range(chunks)]
        radius = max_distance // chunks
        keys_parts = []
        rows_parts = []
        for c, (width, shift) in enumerate(zip(self.widths, self.shifts, strict=True)):
            mask = np.uint64((1 << width) - 1)
            values = (self.hashes >> np.uint64(shift)) & mask
            neighbour = values[:, None] ^ _masks(width, radius)[None, :]
            keys_parts.append(((np.uint64(c) << np.uint64(58)) | neighbour).ravel())
            rows_parts.append(np.repeat(np.arange(len(hashes)), neighbour.shape[1]))
        keys = np.concatenate(keys_parts) if keys_parts else np.zeros(0, np.uint64)
        rows = np.concatenate(rows_parts) if rows_parts else np.zeros(0, np.int64)
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._rows = rows[order]
        # Chunks of up to 16 bits: a direct offset table replaces the binary search.
        self._direct = max(self.widths) <= 16
        if self._direct:
            space = chunks << 16
            dense_keys = (self._keys >> np.uint64(58)).astype(np.int64) * 65536 + (
                self._keys & np.uint64(0xFFFF)
            ).astype(np.int64)
            self._offsets = np.searchsorted(dense_keys, np.arange(space + 1), side="left")

    def __len__(self) -> int:
        return len(self.hashes)

    def query(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For uint64 query hashes: (query position, label, distance) of every match within range."""
        empty = np.zeros(0, np.int64)
        if len(self.hashes) == 0 or len(queries) == 0:
            return empty, empty, empty
        queries = np.asarray(queries, dtype=np.uint64)
        found_q, found_rows, found_dist = [], [], []
        for c, (width, shift) in enumerate(zip(self.widths, self.shifts, strict=True)):
            mask = np.uint64((1 << width) - 1)
            values = (queries >> np.uint64(shift)) & mask
            if self._direct:
                dense = values.astype(np.int64) + c * 65536
                lo = self._offsets[dense]
                hi = self._offsets[dense + 1]
            else:
                keys = (np.uint64(c) << np.uint64(58)) | values
                lo = np.searchsorted(self._keys, keys, side="left")
                hi = np.searchsorted(self._keys, keys, side="right")
            counts = hi - lo
            total = int(counts.sum())
            if total == 0:
                continue
            qpos = np.repeat(np.arange(len(queries)), counts)
            offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
            rows = self._rows[np.repeat(lo, counts) + offsets]
            dist = np.bitwise_count(queries[qpos] ^ self.hashes[rows])
            keep = dist <= self.max_distance
            found_q.append(qpos[keep])
            found_rows.append(rows[keep])
            found_dist.append(dist[keep])
        pairs = found_q
        if not pairs:
            return empty, empty, empty
        qpos = np.concatenate(found_q)
        rows = np.concatenate(found_rows)
        dist = np.concatenate(found_dist).astype(np.int64)
        # A pair found through several chunks is reported once.
        flat, first = np.unique(qpos * len(self.hashes) + rows, return_index=True)
        return qpos[first], self.labels[rows[first]], dist[first]
