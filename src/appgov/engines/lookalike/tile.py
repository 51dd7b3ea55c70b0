"""The upright tile of an icon, and the difference hash that looks it up.

A copy often shows the official icon as a tile — turned 5–30°, shrunk, moved — on a new background,
solid or a gradient. None of the 64-bit pHashes survives that, and ``icons.content_box`` needs a plain
field. Here the background is modelled as a plane per colour channel (a solid colour or a linear
gradient), fitted to the icon's outer ring with the ring's outliers (where the tile touches the edge)
dropped; what differs from it is the drawing. Its largest connected part is the tile; the smallest
rectangle around it gives the turn (modulo 90°), and the tile is turned upright and cut out square.

The cut-out is looked up by its difference hash (dHash: the signs of horizontal neighbour differences
on a 9 × 8 grey thumbnail). Measured on the session-13 holdout set (bench/lookalike/holdout_s13), the
upright tiles of turned and shrunk copies were within 8 bits of their official icon by dHash for 80 %
and 92 % of them, by pHash for 41 % and 44 % at 10 bits: the pHash of a symmetric logo has many DCT
coefficients near zero, whose bits a one-pixel shift flips, whereas dHash's bits are local.
"""

from __future__ import annotations

from functools import lru_cache

import cv2
import imagehash
import numpy as np
from PIL import Image

from .pixels import channel_max

TILE_WORK = 128  # the icon is analysed at this size (pixels)
RING = 3  # the outer ring whose pixels the background plane is fitted to
TILE_TOLERANCE = 30.0  # a pixel is drawing when one of R, G, B differs from the plane by more than this
MIN_BACKGROUND = 0.4  # share of the ring that must fit the plane (else the drawing fills the icon)
TILE_AREA = (0.12, 0.9)  # the tile's convex hull, as a share of the icon's area
MIN_SQUARENESS = 0.6  # the shorter side of the rectangle around the tile over its longer side
# a tile seen at an angle (photographed, or laid in perspective): its outline fits a quadrilateral within
# this share of its perimeter that keeps this share of its area, with corners in this range (degrees), one
# of them more than SKEW_DEGREES from square or two opposite sides of other lengths; it is mapped back whole
QUAD_FIT = 0.03
QUAD_AREA = 0.95
QUAD_ANGLES = (55.0, 125.0)
SKEW_DEGREES = 4.0
CONTAINER_AREA = 0.25  # a drawing filled covering less of the icon than this holds no other drawing


@lru_cache(maxsize=4)
def _planes(size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(ring mask, the ring's design matrix, every pixel's design matrix) of a plane a + b·x + c·y."""
    ys, xs = np.mgrid[0:size, 0:size].astype(np.float32) / size
    ring = np.zeros((size, size), dtype=bool)
    ring[:RING], ring[-RING:], ring[:, :RING], ring[:, -RING:] = True, True, True, True
    everywhere = np.stack([np.ones(size * size, np.float32), xs.ravel(), ys.ravel()], axis=1)
    return ring, everywhere[ring.ravel()], everywhere


def _background(rgb: np.ndarray) -> np.ndarray | None:
    """The background plane fitted to the outer ring (per channel: a + b·x + c·y), at every pixel; None
    when too little of the ring is background."""
    size = rgb.shape[0]
    ring, design, everywhere = _planes(size)
    colours = rgb[ring]
    keep = np.ones(len(design), dtype=bool)
    for _ in range(3):  # refit without the ring pixels the plane does not explain (a tile touching the edge)
        coef, *_ = np.linalg.lstsq(design[keep], colours[keep], rcond=None)
        residual = np.abs(design @ coef - colours).max(axis=1)
        keep = residual < max(
            TILE_TOLERANCE / 2, float(np.partition(residual, len(residual) * 3 // 5)[len(residual) * 3 // 5])
        )
    if keep.mean() < MIN_BACKGROUND:
        return None
    return (everywhere @ coef.astype(np.float32)).reshape(size, size, 3)


def _largest_drawing(rgb: np.ndarray) -> np.ndarray | None:
    """The largest connected part of what differs from the fitted background (bool mask), None when
    the background does not fit a plane or nothing is drawn."""
    background = _background(rgb.astype(np.float32))
    if background is None:
        return None
    drawn = (channel_max(np.abs(background - rgb)) > TILE_TOLERANCE).astype(np.uint8)
    drawn = cv2.morphologyEx(drawn, cv2.MORPH_CLOSE, np.ones((5, 5), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(drawn, connectivity=8)
    if count < 2:
        return None
    return labels == 1 + int(np.argmax(stats[1:, cv2.CC_STAT_AREA]))


def _resized(image: Image.Image, size: int) -> np.ndarray:
    return np.asarray(image.convert("RGB").resize((size, size), Image.Resampling.LANCZOS))


def container(image: Image.Image, size: int) -> np.ndarray | None:
    """The shape that holds an icon's drawing (a disc, a rounded square on a field), filled, as a bool
    mask at ``size`` pixels; None when the icon has none: no plane fits its edge, or its largest drawn
    part is smaller than ``CONTAINER_AREA`` of it (a word or a glyph on a full-bleed field)."""
    drawing = _largest_drawing(_resized(image, size))
    if drawing is None:
        return None
    contours, _ = cv2.findContours(drawing.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    filled = np.zeros((size, size), np.uint8)
    cv2.drawContours(filled, contours, -1, 1, thickness=cv2.FILLED)
    if filled.mean() < CONTAINER_AREA:
        return None
    return filled.astype(bool)


def upright_tile(image: Image.Image) -> Image.Image | None:
    """The icon's drawing against its background, turned upright and cut out square at ``TILE_WORK``
    pixels (its ``info`` holds the ``turn`` and ``zoom`` of that map); None when the background does
    not fit a plane or the drawing is no tile (too small, too large, too far from square)."""
    rgb = _resized(image, TILE_WORK)
    drawing = _largest_drawing(rgb)
    if drawing is None:
        return None
    contours, _ = cv2.findContours(drawing.astype(np.uint8), cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    hull = cv2.convexHull(np.concatenate(contours))
    area = cv2.contourArea(hull) / (TILE_WORK * TILE_WORK)
    if not TILE_AREA[0] <= area <= TILE_AREA[1]:
        return None
    (cx, cy), (rect_w, rect_h), angle = cv2.minAreaRect(hull)
    side = max(rect_w, rect_h)
    if min(rect_w, rect_h) < MIN_SQUARENESS * side:
        return None
    angle = (angle + 45.0) % 90.0 - 45.0  # a square's turn is known modulo 90°: the smallest one
    corners = _seen_at_an_angle(hull, (cx, cy), angle)
    if corners is not None:
        return _rectified(rgb, corners, angle)
    turn = np.vstack([cv2.getRotationMatrix2D((cx, cy), angle, 1.0), [0.0, 0.0, 1.0]])
    scale = TILE_WORK / side
    cut = np.array(
        [[scale, 0.0, -(cx - side / 2) * scale], [0.0, scale, -(cy - side / 2) * scale], [0, 0, 1]]
    )
    matrix = (cut @ turn)[:2].astype(np.float32)
    upright = cv2.warpAffine(
        rgb, matrix, (TILE_WORK, TILE_WORK), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    tile = Image.fromarray(upright)
    # the map from the icon onto the tile (keypoints.Features.frame): its angle as atan2 of the matrix
    # (getRotationMatrix2D turns by -angle in that sense) and its scale, in shares of the side
    tile.info.update(turn=-angle, zoom=TILE_WORK / side)
    return tile


def _seen_at_an_angle(hull: np.ndarray, centre: tuple[float, float], angle: float) -> np.ndarray | None:
    """The four corners of a tile photographed or drawn at an angle (a trapezoid, not a rectangle), in
    the order top left, top right, bottom right, bottom left once turned upright; None when the tile's
    outline is no quadrilateral (``QUAD_FIT``) or is nearly a rectangle (the turn above does it)."""
    corners = cv2.approxPolyDP(hull, QUAD_FIT * cv2.arcLength(hull, True), True).reshape(-1, 2)
    if len(corners) != 4 or cv2.contourArea(corners.astype(np.float32)) < QUAD_AREA * cv2.contourArea(hull):
        return None
    theta = np.radians(angle)
    upright = (corners - np.float32(centre)) @ np.float32(
        [[np.cos(theta), -np.sin(theta)], [np.sin(theta), np.cos(theta)]]
    )
    total, difference = upright.sum(axis=1), upright[:, 1] - upright[:, 0]
    order = [int(np.argmin(total)), int(np.argmin(difference)), int(np.argmax(total)), int(np.argmax(difference))]
    if len(set(order)) != 4:
        return None
    ordered = corners[order].astype(np.float32)
    sides = np.linalg.norm(ordered - np.roll(ordered, -1, axis=0), axis=1)
    edges = np.roll(ordered, -1, axis=0) - ordered
    turns = [
        np.degrees(np.arccos(np.clip(-edges[i - 1] @ edges[i] / (sides[i - 1] * sides[i] + 1e-6), -1.0, 1.0)))
        for i in range(4)
    ]
    if min(turns) < QUAD_ANGLES[0] or max(turns) > QUAD_ANGLES[1]:
        return None  # no tile seen at an angle: a triangle's or an arrow's outline
    skewed = max(abs(t - 90.0) for t in turns) > SKEW_DEGREES
    if not skewed and max(sides[0] / sides[2], sides[2] / sides[0], sides[1] / sides[3], sides[3] / sides[1]) < 1.08:
        return None
    return ordered


def _rectified(rgb: np.ndarray, corners: np.ndarray, angle: float) -> Image.Image:
    """The tile whose ``corners`` are given, mapped onto the square of ``TILE_WORK`` pixels by the
    perspective map that takes them there; its ``info`` holds the turn and the mean zoom."""
    last = TILE_WORK - 1
    square = np.float32([[0, 0], [last, 0], [last, last], [0, last]])
    matrix = cv2.getPerspectiveTransform(corners, square)
    upright = cv2.warpPerspective(
        rgb, matrix, (TILE_WORK, TILE_WORK), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    tile = Image.fromarray(upright)
    side = float(np.mean(np.linalg.norm(corners - np.roll(corners, -1, axis=0), axis=1)))
    tile.info.update(turn=-angle, zoom=TILE_WORK / side)
    return tile


TILE_HASHES = ("dhash_tile", "dhash_v_tile", "phash_tile")


def dhash_image(image: Image.Image) -> str:
    """64-bit difference hash of an image as 16 hex digits (imagehash's dHash)."""
    return str(imagehash.dhash(image, hash_size=8))


def tile_hashes(image: Image.Image) -> dict[str, str]:
    """The hashes of an image taken as a tile (``TILE_HASHES``), by kind, 16 hex digits each: the
    horizontal dHash (``dhash_tile``: looked up), and the vertical dHash and the pHash (``dhash_v_tile``,
    ``phash_tile``: they only rank the apps the first found; round emblems' tiles are within 5-8 bits of
    one another by one dHash)."""
    return {
        "dhash_tile": dhash_image(image),
        "dhash_v_tile": str(imagehash.dhash_vertical(image, hash_size=8)),
        "phash_tile": str(imagehash.phash(image, hash_size=8)),
    }
