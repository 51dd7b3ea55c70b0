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

* ``dhash_tile``, ``dhash_v_tile``, ``phash_tile`` — the horizontal and vertical dHash and the pHash of the
  icon's upright tile (``tile.py``: the drawing against a solid or gradient background, turned upright
  and cut out): a tile turned or shrunk onto a new background. Only the first is looked up; the other
  two rank the apps it found.

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
from PIL import Image, ImageDraw, ImageOps

from .mih import query_direct
from .pixels import channel_max
from .tile import TILE_HASHES, tile_hashes, upright_tile

HASH_KINDS = (
    "phash",
    "value",
    "masked_tl",
    "masked_tr",
    "masked_bl",
    "masked_br",
    "masked_centre",
    "masked_middle",
    "masked_bottom",
    "masked_top",
    "phash_box",
    "value_box",
    *TILE_HASHES,
)
EXTRA_KINDS = HASH_KINDS[1:]  # the kinds beyond the plain pHash (``icon_hashes`` of the inputs)
CORNERS = {"masked_tl": (0, 0), "masked_tr": (0, 1), "masked_bl": (1, 0), "masked_br": (1, 1)}
MASK_FRACTION = 0.4  # side of the masked corner square, as a fraction of the icon's side
# Regions masked besides the corners (rows, columns as fractions of the side): a stamp over the middle
# of the logo, a band of text across the bottom or the top. ``masked_middle`` hides more of the middle:
# a wide label or a stamp set a little off the centre shows past ``masked_centre``'s edge (measured on
# the own geometry set's 150 centre badges: 121 within 2 bits of the official by masked_centre, 143 by
# either; 7 of the 9 that no hash retrieved before).
REGIONS = {
    "masked_centre": ((0.28, 0.72), (0.28, 0.72)),
    "masked_middle": ((0.22, 0.78), (0.22, 0.78)),
    "masked_bottom": ((0.7, 1.0), (0.0, 1.0)),
    "masked_top": ((0.0, 0.3), (0.0, 1.0)),
}
MASKED_KINDS = (*CORNERS, *REGIONS)
# Index-only tables of the official icon's geometric variants (a listing's ``phash`` / ``value`` is also
# looked up there). Kept apart from the plain tables because such a match is weaker: it counts only when
# both of them agree (scoring.icon_signal), never one alone, even under a finance name.
GEOMETRY_KINDS = {"phash_geo": "phash", "value_geo": "value"}
# The plain pHash / value tables searched wider (icons.geometry_shortlist_distance): such a match only
# puts the listing on the keypoint verifier's shortlist (a badge over the middle, a band, a crop with a
# badge move the whole-icon hashes by 6-8 bits), it is never evidence by itself.
# The masked tables too: a badge over the middle or a band on a copy that also moved a little (a crop
# with a badge, a squeezed band) leaves the masked hash 4-8 bits away (measured on the own geometry set).
# Not ``masked_middle``: its copies are within 2 bits or far off, and searched at 8 bits it shortlisted
# 81 hard-negative pairs of 300 listings (masked_centre: 19).
WIDE_KINDS = {
    "phash_wide": "phash",
    "value_wide": "value",
    **{f"{kind}_wide": kind for kind in MASKED_KINDS if kind != "masked_middle"},
}
# Index-only, shortlist-only: the bottom-masked hash of the official icon re-laid out raised on a new
# background (room for a word below it): the listing's ``masked_bottom`` hides the word.
RELAYOUT_MASK_KINDS = {"masked_bottom_geo": "masked_bottom"}
# Index-only tables of the official icon mirrored left to right (a counterfeit flips a text-free emblem),
# searched with the listing's ``phash`` / ``value``; a match counts as the geometric variant's named in
# ``MIRROR_AS`` (the same rules: both kinds, or the keypoints, which then also compare the listing's icon
# flipped back: keypoints.VIEWS "mirror"). A symmetric icon has no such entry (its own hashes match a
# flip): one whose grey levels at WORK_SIZE differ from its mirror image's by less than
# ``MIRROR_MIN_ASYMMETRY`` on average (the holdout sets' symmetric official icons: 0-1.4; the emblems
# their flipped copies were made of: 3.4-26).
MIRROR_KINDS = {"phash_mirror": "phash", "value_mirror": "value"}
MIRROR_AS = {"phash_mirror": "phash_geo", "value_mirror": "value_geo"}
MIRROR_MIN_ASYMMETRY = 2.5  # a drawing 1 px off its axis: 2.4
SHORTLIST_KINDS = {  # searched with a listing kind
    **GEOMETRY_KINDS,
    **WIDE_KINDS,
    **RELAYOUT_MASK_KINDS,
    **MIRROR_KINDS,
}
# The dHash of the listing's upright tile (tile.py), looked up among the official icon's whole and tile
# dHashes: shortlist only, searched within icons.tile_shortlist_distance. The other tile hashes only rank
# the apps it found (no table of their own).
TILE_KIND = TILE_HASHES[0]
TILE_RANK_KINDS = TILE_HASHES[1:]
# An app that the keypoint search (search.py) ranked first for a listing's icon: in its icon hits under
# this kind, with the votes as value. Not a hash; never evidence, like the tables below.
SEARCH_KIND = "keypoint_search"
# the prefix of the channels of keypoints.verify_twins (matches kept without the ratio test)
TWIN = "twin"
# never evidence, only the shortlist
SHORTLIST_ONLY = frozenset((*WIDE_KINDS, *RELAYOUT_MASK_KINDS, TILE_KIND, SEARCH_KIND))
# The content box (``content_box``): what is left of an icon once the plain field around its drawing is
# cut away, squared and hashed (pHash and value). A logo shrunk onto a new background, moved, perhaps
# with a word below it, is the official icon again once cut out. Only icons with such a field have
# these kinds. Their tables hold the official icon's own hashes and those of its content box; a match
# counts as a match of the geometric variant table named here (the same rules: both kinds, or the
# keypoints), and is searched as wide as those.
BOX_KINDS = {"phash_box": "phash_geo", "value_box": "value_geo"}
INDEX_KINDS = (*HASH_KINDS, *GEOMETRY_KINDS, *RELAYOUT_MASK_KINDS, *MIRROR_KINDS)
RECORDED_AS = {**BOX_KINDS, **MIRROR_AS}  # a match in these tables is recorded as this kind's
# Geometric variants of the official icon, indexed as extra ``phash`` and ``value`` values (no 64-bit
# hash here survives a turn, a window moved off-centre or a re-layout on a new background):
ROTATIONS = (5, 10, 15, 20, 25)  # degrees, both ways; the corners filled with the background / white
OFFCENTRE_FRACTIONS = (0.1, 0.15, 0.2, 0.25, 0.3)  # window = 1 - fraction, at the off-centre positions:
# a 5 x 5 grid without its centre (the 3 x 3 grid left windows at the quarter points 10-12 bits away)
OFFCENTRE_GRID = (0.0, 0.25, 0.5, 0.75, 1.0)
OFFCENTRE_POSITIONS = tuple(
    (fx, fy) for fy in OFFCENTRE_GRID for fx in OFFCENTRE_GRID if (fx, fy) != (0.5, 0.5)
)
# The logo shrunk on white / its background, centred or raised. Such variants match generic finance
# icons (a symbol on a plain background) as often as real re-layouts (the low-frequency pHash of a small
# object on a flat field is nearly the same for all): a match counts only once the keypoints confirm it
# (keypoints.py; scoring.icon_signal), the hash only puts the listing on the shortlist.
RELAYOUT_SCALES: tuple[float, ...] = (0.55, 0.59, 0.63, 0.67, 0.71, 0.75, 0.79, 0.83)
BAND_SQUEEZE = (0.2, 0.25)  # the logo squeezed above (below) a band of this fraction: masked_bottom/top
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
BOX_TOLERANCE = 24  # a pixel differs from the background when one of R, G, B differs by more than this
BOX_MAX_AREA = 0.85  # a content box covering more of the icon than this is the icon itself (no field)
BOX_MIN_SIDE = 0.25  # ... and one whose shorter side is below this share of the icon's side is a mark
BAND_HEIGHT = (0.12, 0.36)  # a band across the bottom / top (without_band): its height, share of the side
BAND_COVER = 0.45  # ... each of its rows at least this share of the band's colour (the text is the rest)


def phash_image(image: Image.Image) -> str:
    """64-bit pHash of an image as 16 hex digits (imagehash's own bit order)."""
    return str(imagehash.phash(image, hash_size=8))


_BIT_WEIGHTS = (1 << np.arange(63, -1, -1, dtype=np.uint64)).astype(np.uint64)


def phash_many(images: list[Image.Image]) -> list[str]:
    """``phash_image`` of many images at once (the same bits: imagehash's resize, DCT, median), one
    numpy DCT for the batch instead of one per image — the official icon's variants are hashed so."""
    if not images:
        return []
    import scipy.fftpack  # noqa: PLC0415  (imagehash's own dependency)

    pixels = np.stack(
        [np.asarray(im.convert("L").resize((32, 32), Image.Resampling.LANCZOS)) for im in images]
    )
    dct = scipy.fftpack.dct(scipy.fftpack.dct(pixels, axis=1), axis=2)[:, :8, :8].reshape(len(images), 64)
    bits = dct > np.median(dct, axis=1, keepdims=True)
    values = (bits.astype(np.uint64) * _BIT_WEIGHTS).sum(axis=1, dtype=np.uint64)
    return [f"{int(v):016x}" for v in values]


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
    return _phash_array(channel_max(np.asarray(small)).astype(np.float32))  # HSV value channel


def content_box(image: Image.Image) -> Image.Image | None:
    """The icon's drawing without the plain field around it, squared on that field, or None when there
    is no such field. The field's colour is the median of the four corners; rows of the drawing split
    into blocks at rows of pure field, and the tallest block is kept (a word set below a logo is a block
    of its own); then the columns of that block. None also when the box is the whole icon or a mark
    (``BOX_MAX_AREA``, ``BOX_MIN_SIDE``)."""
    rgb = image.convert("RGB")
    pixels = np.asarray(rgb, dtype=np.int16)
    height, width, _ = pixels.shape
    if height < 8 or width < 8:
        return None
    corners = pixels[[1, 1, height - 2, height - 2], [1, width - 2, 1, width - 2]]
    field = np.median(corners, axis=0)
    drawn = (np.abs(pixels - field) > BOX_TOLERANCE).any(axis=2)
    rows = np.flatnonzero(drawn.any(axis=1))
    if len(rows) == 0:
        return None
    breaks = np.flatnonzero(np.diff(rows) > 1)
    starts = np.concatenate(([rows[0]], rows[breaks + 1]))
    ends = np.concatenate((rows[breaks], [rows[-1]])) + 1
    tallest = int(np.argmax(ends - starts))
    top, bottom = int(starts[tallest]), int(ends[tallest])
    columns = np.flatnonzero(drawn[top:bottom].any(axis=0))
    left, right = int(columns[0]), int(columns[-1]) + 1
    box_w, box_h = right - left, bottom - top
    if box_w * box_h > BOX_MAX_AREA * width * height or min(box_w, box_h) < BOX_MIN_SIDE * min(width, height):
        return None
    side = max(box_w, box_h)
    canvas = Image.new("RGB", (side, side), tuple(int(c) for c in field))
    canvas.paste(rgb.crop((left, top, right, bottom)), ((side - box_w) // 2, (side - box_h) // 2))
    return canvas.resize((width, height), Image.Resampling.LANCZOS)


def without_band(image: Image.Image) -> Image.Image | None:
    """The icon without a band across its bottom (or top), the rest stretched back to the icon's size,
    or None when there is no such band: a logo squeezed above a band of text (官方, VIP) is the official
    icon again. A band: rows from the edge, each at least ``BAND_COVER`` of the colour of the edge row
    (the text in it covers the rest), ``BAND_HEIGHT`` of the side high, whose colour is not that of the
    far edge of what is left (a plain field above a drawing is no band)."""
    rgb = image.convert("RGB")
    pixels = np.asarray(rgb, dtype=np.int16)
    height, width, _ = pixels.shape
    if height < 8 or width < 8:
        return None
    low, high = BAND_HEIGHT
    for bottom in (True, False):
        colour = np.median(pixels[height - 2] if bottom else pixels[1], axis=0)
        banded = (np.abs(pixels - colour) <= BOX_TOLERANCE).all(axis=2).mean(axis=1) >= BAND_COVER
        rows = banded[::-1] if bottom else banded
        size = int(np.argmin(rows)) if not rows.all() else height
        if not low * height <= size <= high * height:
            continue
        far = pixels[1] if bottom else pixels[height - 2]
        if (np.abs(np.median(far, axis=0) - colour) <= BOX_TOLERANCE).all():
            continue
        kept = (0, 0, width, height - size) if bottom else (0, size, width, height)
        return rgb.crop(kept).resize((width, height), Image.Resampling.LANCZOS)
    return None


def _box_hashes(image: Image.Image) -> dict[str, str]:
    box = content_box(image)
    if box is None:
        return {}
    out = {"phash_box": phash_image(box)}
    value = _value_hash(_small(box))
    if value is not None:
        out["value_box"] = value
    return out


def _fingerprint_image(image: Image.Image) -> dict[str, str]:
    out = {"phash": phash_image(image)}
    small = _small(image)
    value = channel_max(np.asarray(small)).astype(np.float32)  # HSV value channel
    grey = np.asarray(small.convert("L"), dtype=np.float32)
    hashes: dict[str, str | None] = {"value": _phash_array(value)}
    for kind in CORNERS:
        rows, cols = masked_part(kind, WORK_SIZE)
        keep = np.ones(grey.shape, dtype=bool)
        keep[rows, cols] = False
        masked = grey.copy()
        masked[rows, cols] = grey[keep].mean()
        hashes[kind] = _phash_array(masked)
    hashes.update(_region_hashes(grey))
    out.update({k: v for k, v in hashes.items() if v is not None})
    out.update(_box_hashes(image))
    out.update(_tile_hashes(image))
    return out


def _tile_hashes(image: Image.Image) -> dict[str, str]:
    """The hashes of the icon's upright tile (tile.py), none when it has none or the tile is flat."""
    tile = upright_tile(image)
    if tile is None or float(np.asarray(tile.convert("L"), dtype=np.float32).std()) < MIN_CONTRAST:
        return {}
    return tile_hashes(tile)


def masked_part(kind: str, side: int) -> tuple[slice, slice]:
    """(rows, columns) of a ``side``-pixel icon that the masked hash ``kind`` (a corner or a region)
    hides."""
    if kind in CORNERS:
        row, col = CORNERS[kind]
        size = round(side * MASK_FRACTION)
        return (
            slice(0, size) if row == 0 else slice(side - size, side),
            slice(0, size) if col == 0 else slice(side - size, side),
        )
    (r0, r1), (c0, c1) = REGIONS[kind]
    return slice(round(side * r0), round(side * r1)), slice(round(side * c0), round(side * c1))


def _region_slices(kind: str) -> tuple[slice, slice]:
    return masked_part(kind, WORK_SIZE)


def _region_hashes(grey: np.ndarray, kinds=tuple(REGIONS)) -> dict[str, str | None]:
    out = {}
    for kind in kinds:
        rows, cols = _region_slices(kind)
        keep = np.ones(grey.shape, dtype=bool)
        keep[rows, cols] = False
        masked = grey.copy()
        masked[rows, cols] = grey[keep].mean()
        out[kind] = _phash_array(masked)
    return out


def _border(image: Image.Image) -> tuple[int, int, int]:
    return image.getpixel((1, 1))


def geometric_variants(image: Image.Image) -> list[Image.Image]:
    """The official icon turned, cut by a window moved off-centre, and re-laid out (shrunk on a white
    or its own background, centred or raised to leave room for a word below), at the work size."""
    image = _small(image)
    size = WORK_SIZE
    out = []
    for angle in ROTATIONS:
        for sign in (-1, 1):
            for fill in (_border(image), (255, 255, 255)):
                out.append(image.rotate(sign * angle, resample=Image.Resampling.BICUBIC, fillcolor=fill))
    for fraction in OFFCENTRE_FRACTIONS:
        side = round(size * (1 - fraction))
        for fx, fy in OFFCENTRE_POSITIONS:
            x, y = round((size - side) * fx), round((size - side) * fy)
            out.append(image.crop((x, y, x + side, y + side)).resize((size, size), Image.Resampling.BICUBIC))
    for scale in RELAYOUT_SCALES:
        side = round(size * scale)
        logo = image.resize((side, side), Image.Resampling.LANCZOS)
        for background in ((255, 255, 255), _border(image)):
            for y in ((size - side) // 2, (size - side) // 4):
                canvas = Image.new("RGB", (size, size), background)
                canvas.paste(logo, ((size - side) // 2, y))
                out.append(canvas)
    return out


def mirror_hashes(image: Image.Image) -> dict[str, tuple[str, ...]]:
    """The pHash and value hash of the icon mirrored left to right (``MIRROR_KINDS``), none for a
    symmetric icon: grey levels within ``MIRROR_MIN_ASYMMETRY`` of its mirror image on average (its pHash
    is no test: the odd frequencies of a symmetric drawing are near zero, their bits flip at random)."""
    small = _small(image)
    grey = np.asarray(small.convert("L"), dtype=np.float32)
    if float(np.abs(grey - grey[:, ::-1]).mean()) < MIRROR_MIN_ASYMMETRY:
        return {}
    # hashed as a listing's icon is (``fingerprint``): the pHash at full size, the value hash at WORK_SIZE
    flipped = ImageOps.mirror(image.convert("RGB"))
    out = {"phash_mirror": (phash_image(flipped),)}
    value = _value_hash(_small(flipped))
    if value:
        out["value_mirror"] = (value,)
    return out


def raised_relayout_masks(image: Image.Image) -> list[tuple[str, Image.Image]]:
    """(``masked_bottom``, masked image) of the official icon re-laid out raised (shrunk, a quarter of
    the free height above it) on white or its own background: the band below, where a copy puts a
    word, is masked as on the listing's side. Shortlist only (``masked_bottom_geo``)."""
    image = _small(image)
    size = WORK_SIZE
    out: list[tuple[str, Image.Image]] = []
    for scale in RELAYOUT_SCALES:
        side = round(size * scale)
        logo = image.resize((side, side), Image.Resampling.LANCZOS)
        for background in ((255, 255, 255), _border(image)):
            canvas = Image.new("RGB", (size, size), background)
            canvas.paste(logo, ((size - side) // 2, (size - side) // 4))
            grey = np.asarray(canvas.convert("L"), dtype=np.float32)
            out += _masked_images(grey, {"masked_bottom": _region_slices("masked_bottom")})
    return out


def band_images(image: Image.Image) -> list[tuple[str, Image.Image]]:
    """(``masked_bottom`` / ``masked_top``, masked image) of the official icon squeezed above (below) a
    band of text: the band's region is masked as on the listing's side."""
    image = _small(image)
    out: list[tuple[str, Image.Image]] = []
    for squeeze in BAND_SQUEEZE:
        height = round(WORK_SIZE * (1 - squeeze))
        logo = image.resize((WORK_SIZE, height), Image.Resampling.LANCZOS)
        for kind, y in (("masked_bottom", 0), ("masked_top", WORK_SIZE - height)):
            canvas = Image.new("RGB", (WORK_SIZE, WORK_SIZE), (255, 255, 255))
            canvas.paste(logo, (0, y))
            grey = np.asarray(canvas.convert("L"), dtype=np.float32)
            out += _masked_images(grey, {kind: _region_slices(kind)})
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
    path: str | Path, crops: bool = True, hues: bool = True, avatars: bool = True, geometry: bool = True
) -> dict[str, tuple[str, ...]]:
    """The hashes indexed for an official icon: its fingerprint, plus the pHashes of its crop, avatar
    and hue variants (``phash`` kind) when asked. Crop and avatar variants also add their value-channel
    hash (``value`` kind), so that a cropped copy or an avatar is matched by two hash kinds — what
    ``icon_confirmed`` needs (hue variants do not: the value channel ignores hue anyway). With
    ``geometry``: the geometric variants' pHash and value hash (``phash_geo`` / ``value_geo``), the
    corner masks of the crops, the band masks of the icon squeezed above / below a band, and the
    content box tables (``phash_box`` / ``value_box``: the icon's own hashes and its box's). Variants
    are hashed in batches (``phash_many``: the same bits as one by one)."""
    with Image.open(path) as image:
        image.load()
        fp = _fingerprint_image(image)
        out = {kind: (value,) for kind, value in fp.items()}
        # a listing's content box is looked up among the official icon's own hashes and its box's
        for box, plain in (("phash_box", "phash"), ("value_box", "value")):
            both = [fp.get(plain), out.pop(box, (None,))[0]]
            if geometry and any(both):
                out[box] = tuple(dict.fromkeys(h for h in both if h))
        crops_ = crop_variants(image) if crops else []
        shaped = crops_ + (avatar_variants(image) if avatars else [])
        hued = hue_variants(image) if hues else []
        phashes = [fp["phash"], *phash_many(shaped + hued)]
        out["phash"] = tuple(dict.fromkeys(phashes))
        values = [fp.get("value"), *_value_many(shaped)]
        values = [v for v in values if v is not None]
        if values:
            out["value"] = tuple(dict.fromkeys(values))
        if geometry:
            turned = geometric_variants(image)
            out["phash_geo"] = tuple(dict.fromkeys(phash_many(turned)))
            geo_values = _value_many(turned)
            if geo_values:
                out["value_geo"] = tuple(dict.fromkeys(geo_values))
            # a corner badge on a cropped copy; a band of text over a squeezed copy
            masked: list[tuple[str, Image.Image]] = []
            for variant in crops_:
                grey = np.asarray(_small(variant).convert("L"), dtype=np.float32)
                masked += _masked_images(grey, _corner_slices())
            masked += band_images(image)
            hashed = phash_many([im for _kind, im in masked])
            for (kind, _im), value in zip(masked, hashed, strict=True):
                out[kind] = tuple(dict.fromkeys([*out.get(kind, ()), value]))
            out.update(mirror_hashes(image))
            raised = raised_relayout_masks(image)
            if raised:
                out["masked_bottom_geo"] = tuple(dict.fromkeys(phash_many([im for _kind, im in raised])))
            # a listing's upright tile is the official icon itself (a tile shrunk, turned on a new
            # background) or its own tile (the drawing cut out of its field)
            whole = tile_hashes(image.convert("RGB"))
            for kind in TILE_HASHES:
                out[kind] = tuple(dict.fromkeys([whole[kind], *out.get(kind, ())]))
        else:
            for kind in TILE_HASHES:
                out.pop(kind, None)
    return out


def _grey_image(pixels: np.ndarray) -> Image.Image | None:
    """An 8-bit grey image of a float array, or None when it is nearly flat (MIN_CONTRAST)."""
    if float(pixels.std()) < MIN_CONTRAST:
        return None
    return Image.fromarray(np.clip(np.rint(pixels), 0, 255).astype(np.uint8), mode="L")


def _value_many(images: list[Image.Image]) -> list[str]:
    """Value-channel pHashes of the images that are not flat (``_value_hash`` in a batch)."""
    greys = [_grey_image(channel_max(np.asarray(_small(im))).astype(np.float32)) for im in images]
    return phash_many([g for g in greys if g is not None])


def _corner_slices() -> dict[str, tuple[slice, slice]]:
    return {kind: masked_part(kind, WORK_SIZE) for kind in CORNERS}


def _masked_images(
    grey: np.ndarray, regions: dict[str, tuple[slice, slice]]
) -> list[tuple[str, Image.Image]]:
    """(kind, image) of the grey icon with each region replaced by the mean of the rest (flat ones left out)."""
    out = []
    for kind, (rows, cols) in regions.items():
        keep = np.ones(grey.shape, dtype=bool)
        keep[rows, cols] = False
        masked = grey.copy()
        masked[rows, cols] = grey[keep].mean()
        image = _grey_image(masked)
        if image is not None:
            out.append((kind, image))
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
        # Chunks of up to 16 bits: a direct offset table replaces the binary search.
        self._direct = max(self.widths) <= 16
        if self._direct:
            self._file_direct(radius)
        else:
            self._file_sorted(radius)

    def _neighbours(self, c: int, radius: int) -> np.ndarray:
        """Chunk ``c`` of every hash and its neighbours within ``radius`` bits, ``hash × neighbour`` in
        row order (flat position // neighbours per hash = row)."""
        width, shift = self.widths[c], self.shifts[c]
        values = (self.hashes >> np.uint64(shift)) & np.uint64((1 << width) - 1)
        return (values[:, None] ^ _masks(width, radius)[None, :]).ravel()

    def _file_direct(self, radius: int) -> None:
        """Each chunk's rows filed by value, chunk after chunk: ``_offsets[c * 65536 + value]`` is where
        they start in ``_rows``; ``_filed`` holds their hashes in the same order (query_direct reads them
        in sequence). A chunk's values are sorted as uint16, by radix (the geometric tables file ~15 M)."""
        rows_parts, counts_parts = [], []
        for c in range(len(self.widths)):
            values = self._neighbours(c, radius).astype(np.uint16)
            per_hash = len(values) // max(len(self.hashes), 1)
            rows_parts.append(np.argsort(values, kind="stable") // max(per_hash, 1))
            counts_parts.append(np.bincount(values, minlength=65536))
        # row numbers fit 32 bits (a forked sweep's workers share these pages, but each counts them in
        # its resident size)
        self._rows = np.concatenate(rows_parts).astype(np.int32)
        self._offsets = np.concatenate(([0], np.cumsum(np.concatenate(counts_parts)))).astype(np.int64)
        self._shift_array = np.array(self.shifts, dtype=np.uint64)
        self._mask_array = np.array([(1 << w) - 1 for w in self.widths], dtype=np.uint64)
        self._filed = self.hashes[self._rows]
        self._keys = None
        # compiled (or loaded from numba's cache) now, before a sweep forks its workers
        query_direct(
            np.zeros(0, np.uint64),
            self._shift_array,
            self._mask_array,
            self._offsets,
            self._rows,
            self._filed,
            0,
        )

    def _file_sorted(self, radius: int) -> None:
        """Wider chunks: every (chunk, value) key sorted, searched by binary search."""
        keys_parts, rows_parts = [], []
        for c in range(len(self.widths)):
            neighbour = self._neighbours(c, radius)
            order = np.argsort(neighbour, kind="stable")
            per_hash = len(neighbour) // max(len(self.hashes), 1)
            keys_parts.append((np.uint64(c) << np.uint64(58)) | neighbour[order])
            rows_parts.append(order // max(per_hash, 1))
        self._keys = np.concatenate(keys_parts) if keys_parts else np.zeros(0, np.uint64)
        self._rows = np.concatenate(rows_parts) if rows_parts else np.zeros(0, np.int64)

    def __len__(self) -> int:
        return len(self.hashes)

    def query(self, queries: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For uint64 query hashes: (query position, label, distance) of every match within range."""
        empty = np.zeros(0, np.int64)
        if len(self.hashes) == 0 or len(queries) == 0:
            return empty, empty, empty
        queries = np.asarray(queries, dtype=np.uint64)
        if self._direct:
            qpos, rows, dist = query_direct(
                queries,
                self._shift_array,
                self._mask_array,
                self._offsets,
                self._rows,
                self._filed,
                self.max_distance,
            )
            return qpos, self.labels[rows], dist
        found_q, found_rows, found_dist = [], [], []
        for c, (width, shift) in enumerate(zip(self.widths, self.shifts, strict=True)):
            mask = np.uint64((1 << width) - 1)
            values = (queries >> np.uint64(shift)) & mask
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
