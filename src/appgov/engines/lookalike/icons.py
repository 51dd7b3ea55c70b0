"""Icon fingerprints (imagehash pHashes, 64 bits each) and a multi-index hash table to search them.

One icon has several 64-bit hashes (:func:`fingerprint`), each robust to a different imitation:

* ``phash`` — imagehash's pHash of the whole icon's luminance (the value formerly called
  ``icon_phash``): survives re-encoding, resizing and blur, not recolouring, badges or crops.
* ``value`` — pHash of the HSV *value* channel (max of R, G, B). A hue shift (the "Hue" slider of any
  image editor: the imitator keeps the drawing and changes its colours) leaves that channel unchanged,
  whereas it moves the luminance pHash by 10–30 bits.
* ``masked_tl``, ``masked_tr``, ``masked_bl``, ``masked_br`` — pHash of the luminance with one corner
  (``MASK_FRACTION`` of each side) replaced by the mean of the rest. An overlay inside that corner
  (a "官方"/"NEW" badge, a red dot, a number) leaves the masked image unchanged, whereas it moves the
  whole-icon pHash by 10–20 bits. Listing and official icon are compared corner by corner.

A hash whose source image is nearly flat (standard deviation below ``MIN_CONTRAST`` grey levels) says
nothing about the drawing and collides with every other flat image: it is left out of the fingerprint.

Multi-index hashing (Norouzi et al., 2012): the 64-bit hash is cut into ``m`` chunks. If two hashes
are within Hamming distance ``r``, at least one chunk is within ``r // m`` (pigeonhole). The index
stores, for every protected icon and every chunk, all chunk values within that small radius, so a
query costs ``m`` exact lookups plus one popcount per (rare) collision — never all pairs. Queries
run on numpy arrays of hashes, a batch at a time; there is one index per hash kind.
"""

from __future__ import annotations

from itertools import combinations
from pathlib import Path

import imagehash
import numpy as np
from PIL import Image, ImageDraw

HASH_KINDS = ("phash", "value", "masked_tl", "masked_tr", "masked_bl", "masked_br")
EXTRA_KINDS = HASH_KINDS[1:]  # the kinds beyond the plain pHash (``icon_hashes`` of the inputs)
CORNERS = {"masked_tl": (0, 0), "masked_tr": (0, 1), "masked_bl": (1, 0), "masked_br": (1, 1)}
MASK_FRACTION = 0.4  # side of the masked corner square, as a fraction of the icon's side
WORK_SIZE = 64  # the extra hashes are computed on a WORK_SIZE x WORK_SIZE copy of the icon
CROP_FRACTIONS = (0.05, 0.08, 0.11, 0.15, 0.2)  # margins cut from each side by the crop variants
AVATAR_SCALES = (
    1.12,
    1.0,
    0.9,
    0.8,
    0.75,
    0.7,
)  # the official icon zoomed / shrunk, then cut round (avatars)
MIN_CONTRAST = 4.0  # grey levels (standard deviation) below which a representation is "flat"


def phash_image(image: Image.Image) -> str:
    """64-bit pHash of an image as 16 hex digits (imagehash's own bit order)."""
    return str(imagehash.phash(image, hash_size=8))


def phash_file(path: str | Path) -> str:
    with Image.open(path) as image:
        image.load()
        return phash_image(image)


def _phash_array(pixels: np.ndarray) -> str | None:
    if float(pixels.std()) < MIN_CONTRAST:
        return None
    return phash_image(Image.fromarray(np.clip(np.rint(pixels), 0, 255).astype(np.uint8), mode="L"))


def _small(image: Image.Image) -> Image.Image:
    return image.convert("RGB").resize((WORK_SIZE, WORK_SIZE), Image.Resampling.LANCZOS, reducing_gap=2.0)


def _value_hash(small: Image.Image) -> str | None:
    return _phash_array(np.asarray(small, dtype=np.float32).max(axis=2))  # HSV value channel


def _fingerprint_image(image: Image.Image) -> dict[str, str]:
    out = {"phash": phash_image(image)}
    small = _small(image)
    value = np.asarray(small, dtype=np.float32).max(axis=2)  # HSV value channel
    grey = np.asarray(small.convert("L"), dtype=np.float32)
    hashes: dict[str, str | None] = {"value": _phash_array(value)}
    side = round(WORK_SIZE * MASK_FRACTION)
    for kind, (row, col) in CORNERS.items():
        rows = slice(0, side) if row == 0 else slice(WORK_SIZE - side, WORK_SIZE)
        cols = slice(0, side) if col == 0 else slice(WORK_SIZE - side, WORK_SIZE)
        keep = np.ones(grey.shape, dtype=bool)
        keep[rows, cols] = False
        masked = grey.copy()
        masked[rows, cols] = grey[keep].mean()
        hashes[kind] = _phash_array(masked)
    out.update({k: v for k, v in hashes.items() if v is not None})
    return out


def fingerprint(source: str | Path | Image.Image) -> dict[str, str]:
    """All hashes of an icon (an image file path or a decoded PIL image), by kind, as 16 hex digits.

    This is what a feed or the Django side computes once at ingest and stores: ``phash`` goes to a
    listing's ``icon_phash``, the other kinds (those present) to its ``icon_hashes``. Kinds whose image
    is nearly flat are absent. Raises ``OSError``/``ValueError`` (PIL) when the file is not an image.
    """
    if isinstance(source, Image.Image):
        return _fingerprint_image(source)
    with Image.open(source) as image:
        image.load()
        return _fingerprint_image(image)


def crop_variants(image: Image.Image) -> list[Image.Image]:
    """Tighter crops of the official icon (a zoomed logo): indexed as extra ``phash`` values, because
    no hash here is crop-invariant."""
    image = image.convert("RGB")
    width, height = image.size
    out = []
    for fraction in CROP_FRACTIONS:
        mx, my = int(width * fraction), int(height * fraction)
        out.append(image.crop((mx, my, width - mx, height - my)).resize(image.size, Image.Resampling.BICUBIC))
    return out


def avatar_variants(image: Image.Image) -> list[Image.Image]:
    """The official icon as a mini-program / official-account avatar: cut round on white (the
    platforms show avatars round and feeds often store the round rendering) — zoomed in a little, as
    is, or shrunk with a white margin around the circle (avatars are often padded)."""
    image = image.convert("RGB")
    width, height = image.size
    out = []
    for scale in AVATAR_SCALES:
        if scale >= 1:
            mx, my = int(width * (1 - 1 / scale) / 2), int(height * (1 - 1 / scale) / 2)
            logo = image.crop((mx, my, width - mx, height - my)).resize(image.size, Image.Resampling.BICUBIC)
        else:
            logo = image.resize((round(width * scale), round(height * scale)), Image.Resampling.LANCZOS)
        mask = Image.new("L", logo.size, 0)
        ImageDraw.Draw(mask).ellipse([0, 0, logo.width - 1, logo.height - 1], fill=255)
        round_icon = Image.new("RGB", image.size, (255, 255, 255))
        round_icon.paste(logo, ((width - logo.width) // 2, (height - logo.height) // 2), mask)
        out.append(round_icon)
    return out


def hue_variants(image: Image.Image) -> list[Image.Image]:
    """Hue rotations of the official icon: recolouring for listings that carry only a plain pHash
    (older feeds without ``icon_hashes``); the ``value`` hash covers hue shifts for the others."""
    image = image.convert("RGB")
    hue, sat, val = image.convert("HSV").split()
    out = []
    for shift in (43, 85, 128, 170, 213):
        rotated = hue.point(lambda x, shift=shift: (x + shift) % 256)
        out.append(Image.merge("HSV", (rotated, sat, val)).convert("RGB"))
    return out


def official_hashes(
    path: str | Path, crops: bool = True, hues: bool = True, avatars: bool = True
) -> dict[str, tuple[str, ...]]:
    """The hashes indexed for an official icon: its fingerprint, plus the pHashes of its crop, avatar
    and hue variants (``phash`` kind) when asked. Crop and avatar variants also add their value-channel
    hash (``value`` kind), so that a cropped copy or an avatar is matched by two hash kinds — what
    ``icon_confirmed`` needs (hue variants do not: the value channel ignores hue anyway)."""
    with Image.open(path) as image:
        image.load()
        fp = _fingerprint_image(image)
        out = {kind: (value,) for kind, value in fp.items()}
        shaped = (crop_variants(image) if crops else []) + (avatar_variants(image) if avatars else [])
        phashes = [fp["phash"], *(phash_image(v) for v in shaped)]
        phashes += [phash_image(v) for v in (hue_variants(image) if hues else [])]
        out["phash"] = tuple(dict.fromkeys(phashes))
        values = [fp.get("value"), *(_value_hash(_small(v)) for v in shaped)]
        values = [v for v in values if v is not None]
        if values:
            out["value"] = tuple(dict.fromkeys(values))
    return out


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
