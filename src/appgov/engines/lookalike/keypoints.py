"""Keypoint verification of an icon against an official icon (ORB, ratio test, RANSAC similarity).

The 64-bit hashes of ``icons.py`` shortlist icons cheaply but cannot tell a logo moved, turned or
shrunk onto a new background from an unrelated drawing whose coarse light/dark layout happens to be
alike. Here the two images are compared by local features: ORB keypoints and binary descriptors on
the luminance and on the HSV value channel (max of R, G, B: unchanged by a hue shift), matched with
Lowe's ratio test, and the matches must agree on one similarity transform (rotation, uniform scale,
translation; ``cv2.estimateAffinePartial2D`` with RANSAC). The number of matches that agree (inliers)
is the evidence: an unrelated icon's matches point every which way and few agree.

It runs only for the shortlist (a listing whose icon a hash matched, under a name that does not
decide on its own): official icons' features are computed once when the index is built, a listing's
only when it is verified, from its ``icon`` file. A blurred copy has few corners left; the luminance
is therefore also compared after both images are blurred alike (``soft`` channel) when the listing's
icon is itself blurred.

A listing's icon is also compared in the shapes a copy is commonly put back into, when it has them
(``views``): by its content box (``icons.content_box``: a logo shrunk onto a new background, a word below
it, cut out and scaled up, where the keypoints of a small copy are too few and too coarse), and without a
band of text across its bottom or top (``icons.without_band``: a logo squeezed above the band, stretched
back, which no rotation + uniform scale maps onto the official icon). The best comparison counts; its
channel is then named ``box_…`` / ``band_…``.

The verdict also says how much of the whole drawing agrees once the listing's icon is moved back by the
fitted transform (``edge_agreement``): scoring refuses a count confirmation whose edges lie elsewhere.

Two second looks, only where the rules refuse: the icons' silhouettes (``verify_shape``: light and dark
traded places) and matches kept without the ratio test (``verify_twins``: a symmetric emblem moved, whose
every corner has a twin).
"""

from __future__ import annotations

import hashlib
import os
from collections import OrderedDict
from dataclasses import dataclass, replace
from functools import lru_cache
from io import BytesIO
from pathlib import Path

import cv2
import numpy as np
from PIL import Image, ImageOps

from .forked import forked_map
from .icons import TWIN, content_box, masked_part, without_band
from .parts import first_part, second_part, split
from .pixels import channel_max
from .silhouette import silhouette
from .stretch import fit_stretch
from .tile import container, upright_tile

SIDE = 160  # both icons are compared at this size (pixels); the generator's icons are 128
PAD = 16  # replicated border so that keypoints near the edge get a descriptor
SOFT_SIGMA = 2.5  # the blur applied to both sides for the soft channel (pixels at SIDE)
BLURRED_BELOW = 120.0  # variance of the Laplacian below which a listing's icon counts as blurred
EDGE_SIDE = SIDE // 2  # edge agreement is measured at this size (6.4 KB a channel kept per icon)
EDGE_STRENGTH = 20.0  # Sobel magnitude above which a pixel counts as on an edge (at EDGE_SIDE)
EDGE_ALIGNED = 0.9  # |cos| of the angle between the two edge directions above which they agree
COVER_ALIGNED = 0.7  # ... above which a listing edge covers an official one (edge_coverage: ~45 degrees)
CONTENT_MARGIN = 0.08  # share of the side within which a match lies on the container's outline
ALIGNED_RADIUS = 12.0  # pixels at SIDE: how far a copy's keypoint may lie from the official one it pairs with
ALIGNED_MAX_DISTANCE = 64  # ... and how far (bits of 256) its descriptor, when paired by position
STRETCHED = 1.05  # a stretch fit whose two scales differ less than this is a similarity's (not counted)
# ... and it counts only when the whole icon moved back by it agrees this much more than by the similarity:
# squashed copies gained 0.17-0.38 (holdout_s19), an unrelated logo drawn alike 0.003 (own synthetic set)
STRETCH_GAIN = 0.05
# below this edge agreement verify also measures how much of the official drawing the moved copy covers
# (Verdict.covered; scoring: keypoints.noisy_min_covered); every setting of min_edge_agreement lies below it
NOISY_BELOW = 0.5
CONTENT_MIN_EDGES = 60  # the official icon's edge pixels (at EDGE_SIDE) on its content, where the moved copy covers it, below which nothing
# is drawn there (a ring logo is all outline; its inner edge reaches a little past the margin)

_ORB = cv2.ORB_create(
    nfeatures=250, scaleFactor=1.2, nlevels=6, edgeThreshold=15, patchSize=15, fastThreshold=10
)
_ORB_SOFT = cv2.ORB_create(
    nfeatures=250, scaleFactor=1.2, nlevels=6, edgeThreshold=15, patchSize=15, fastThreshold=4
)
_MATCHER = cv2.BFMatcher(cv2.NORM_HAMMING)
# a listing icon's other shapes, by channel prefix
VIEWS = {
    "box": content_box,
    "band": without_band,
    "tile": upright_tile,
    "mirror": ImageOps.mirror,
    "part1": first_part,
    "part2": second_part,
}
# shapes never fitted by the stretch: a part is cut out square around its own drawing, with no frame
# to hold the fit, so a like drawing of other proportions (a gate, a tower) would fit it (holdout_s17)
UNSTRETCHED = frozenset({"part1", "part2"})
SHAPE = "shape"  # the silhouette's channel (silhouette.py): compared by verify_shape only
TWIN_NEIGHBOURS = 3  # verify_twins: each listing keypoint keeps this many nearest official descriptors ...
TWIN_MAX_DISTANCE = 56  # ... those at most this many bits (of 256) from it ...
TWIN_SLACK = 12  # ... and at most this many bits farther than its nearest
cv2.setNumThreads(1)  # one image at a time per process; the sweep forks its own workers


@dataclass(frozen=True, slots=True)
class Channel:
    points: np.ndarray  # float32 (n, 2)
    descriptors: np.ndarray | None  # uint8 (n, 32)
    small: np.ndarray | None = None  # the channel's image at EDGE_SIDE (uint8), for edge agreement


@dataclass(frozen=True, slots=True)
class Features:
    """Keypoints of one icon by channel: ``luma``, ``value``, ``soft`` (blurred luminance)."""

    channels: dict[str, Channel]
    blurred: bool  # the icon itself looks blurred (few edges)
    views: tuple[tuple[str, Features], ...] = ()  # a listing icon's other shapes: ("box", its content
    # box), ("band", without its band of text), ("tile", its upright tile), ("mirror", flipped left to
    # right), those it has
    # a view's frame: the angle (degrees) and scale of the map from the icon onto that view, so that a
    # transform fitted on the view is reported as one of the icon (an upright tile was turned back)
    frame: tuple[float, float] = (0.0, 1.0)
    # an official icon's content: inside the shape that holds its drawing (tile.container: a disc, a
    # rounded square on a field), away from its outline; None when it has no such shape. Many ordinary
    # icons share the shape (a white disc on a gradient): matches on its outline say nothing.
    content: np.ndarray | None = None  # bool (EDGE_SIDE, EDGE_SIDE)

    def __len__(self) -> int:
        return sum(len(c.points) for c in self.channels.values())


@dataclass(frozen=True, slots=True)
class Verdict:
    inliers: int  # matches that agree on one similarity transform (best channel)
    channel: str | None
    scale: float | None  # listing → official scale of that transform
    angle: float | None  # degrees
    blurred: bool = False  # the listing's icon is blurred: few corners left, a low count refutes nothing
    spread: float = 0.0  # area of the agreeing matches' convex hull on the official icon / the icon's area
    matches: int = 0  # matches of that channel that passed the ratio test (inliers is a part of them)
    # the listing icon moved onto the official one by that transform: of the edge pixels where the two
    # overlap, the share where both have an edge in the same direction (None: not measured)
    agreement: float | None = None
    overlap: float = 0.0  # share of the official icon that the moved listing icon covers
    # edge agreement on the official icon's content only (Features.content); None: it has no container
    # or nearly no edges there
    content: float | None = None
    # the listing icon laid on the official one as it is (no transform fitted; flipped back when its
    # mirrored shape was compared): the best channel's edge agreement, its content agreement, the channel
    in_place: float | None = None
    in_place_content: float | None = None
    in_place_channel: str | None = None
    # (verify_twins, and verify when the agreement is below NOISY_BELOW) the listing icon moved onto the
    # official one by that transform: the share of the official icon's edge pixels it covers with an edge in
    # nearly the same direction, and that share on the official icon's content (None as ``content``); None:
    # not measured
    covered: float | None = None
    content_covered: float | None = None


_IN_PLACE = np.float64([[1, 0, 0], [0, 1, 0]])  # no transform: the listing icon where it is
# the parts of an icon that a masked hash hides (icons.masked_part), by name, that may be left
# out of the in-place comparison: a corner and a band of text, not the middle (a template's outline with
# another drawing in the middle matches its official icon everywhere but there)
HIDEABLE = ("masked_tl", "masked_tr", "masked_bl", "masked_br", "masked_bottom", "masked_top")


@lru_cache(maxsize=len(HIDEABLE))
def hidden_part(kind: str) -> np.ndarray:
    """bool (EDGE_SIDE, EDGE_SIDE): the part of the icon that the masked hash ``kind`` hides."""
    part = np.zeros((EDGE_SIDE, EDGE_SIDE), bool)
    part[masked_part(kind, EDGE_SIDE)] = True
    return part


def in_place(
    listing: Features, official: Features, hidden: tuple[str, ...] = ()
) -> tuple[float | None, float | None, str | None]:
    """(edge agreement, content agreement, channel) of the listing icon laid on the official icon as it
    is, the best of its luminance and value channels, and of its mirrored shape's when it has one.

    A flat logo recoloured, recompressed, blurred or with a ribbon over a corner keeps few corners for
    the keypoints (a ring, a disc, a petal: 0-19 matches, the ratio test drops a symmetric drawing's),
    but it still lies where the official drawing does, every edge in place.

    ``hidden``: masked hashes (``HIDEABLE``) that matched the official icon's. Each is compared again
    without the part it hides (channel ``…_without_<kind>``): a badge, a ribbon or a band of text there
    adds edges that the official icon has not, while the rest of the icon is the official drawing."""
    best: tuple[float | None, float | None, str | None] = (None, None, None)
    shapes = [("", listing)] + [(f"{label}_", view) for label, view in listing.views if label == "mirror"]
    parts = [("", None)] + [(f"_without_{kind}", hidden_part(kind)) for kind in hidden if kind in HIDEABLE]
    for prefix, shape in shapes:
        for name in ("luma", "value"):
            mine, theirs = shape.channels.get(name), official.channels.get(name)
            if mine is None or theirs is None or mine.small is None or theirs.small is None:
                continue
            for suffix, part in parts:
                agreement, _, content = edge_agreement(
                    mine.small, theirs.small, _IN_PLACE, official.content, hidden=part
                )
                if agreement is not None and (best[0] is None or agreement > best[0]):
                    best = (agreement, content, prefix + name + suffix)
    return best


def _detect(orb, pixels: np.ndarray) -> Channel:
    padded = cv2.copyMakeBorder(pixels, PAD, PAD, PAD, PAD, cv2.BORDER_REPLICATE)
    keypoints, descriptors = orb.detectAndCompute(padded, None)
    points = (
        np.float32([k.pt for k in keypoints]).reshape(-1, 2) if keypoints else np.zeros((0, 2), np.float32)
    )
    small = cv2.resize(pixels, (EDGE_SIDE, EDGE_SIDE), interpolation=cv2.INTER_AREA)
    return Channel(points, descriptors, small)


def _moved(mine: np.ndarray, matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The listing channel (at EDGE_SIDE) moved onto the official one by ``matrix`` (listing → official, in
    padded SIDE coordinates), and where it lies (bool, one pixel in from its border)."""
    half = EDGE_SIDE / SIDE
    linear = matrix[:, :2]
    shift = (matrix[:, 2] + linear @ np.array([PAD, PAD], np.float64) - PAD) * half
    moved = np.hstack([linear, shift[:, None]])
    size = (EDGE_SIDE, EDGE_SIDE)
    warped = cv2.warpAffine(mine.astype(np.float32), moved, size)
    inside = cv2.warpAffine(np.ones(mine.shape, np.float32), moved, size) > 0.99
    inside = cv2.erode(inside.astype(np.uint8), np.ones((3, 3), np.uint8)) > 0  # no border edge
    return warped, inside


def _edges(image: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Sobel gradients, magnitude and edge pixels (above EDGE_STRENGTH) of a channel at EDGE_SIDE."""
    gx, gy = cv2.Sobel(image, cv2.CV_32F, 1, 0), cv2.Sobel(image, cv2.CV_32F, 0, 1)
    magnitude = np.hypot(gx, gy)
    return gx, gy, magnitude, magnitude > EDGE_STRENGTH


def edge_coverage(
    mine: np.ndarray, theirs: np.ndarray, matrix: np.ndarray, within: np.ndarray | None = None
) -> tuple[float | None, float | None]:
    """(covered, content covered) of a listing channel moved onto the official one by ``matrix``.

    Edge agreement counts every edge of either icon: a copy that kept the whole official drawing and
    added a frame, a ribbon, a word, a long shadow or a gloss agrees on a half of them, as an unrelated
    drawing in the same frame does. What tells them apart is the official drawing itself: the copy has
    an edge, in nearly the same direction (``COVER_ALIGNED``), on nearly every official edge pixel it
    lies over; another character in the same ring or square misses a part of them. ``covered`` is that
    share of the official edge pixels under the moved listing icon; the second value is that share on
    the official icon's content only (``within``; None as edge_agreement's content). None: too little
    overlap."""
    warped, inside = _moved(mine, matrix)
    if inside.sum() < 50:
        return None, None
    gx_a, gy_a, mag_a, edge_a = _edges(warped)
    gx_b, gy_b, mag_b, edge_b = _edges(theirs.astype(np.float32))
    official = inside & edge_b
    if int(official.sum()) < CONTENT_MIN_EDGES:
        return None, None
    cosine = np.abs(gx_a * gx_b + gy_a * gy_b) / (mag_a * mag_b + 1e-6)
    hit = official & edge_a & (cosine > COVER_ALIGNED)
    content = None
    if within is not None and int((official & within).sum()) >= CONTENT_MIN_EDGES:
        content = round(int((hit & within).sum()) / int((official & within).sum()), 4)
    return round(int(hit.sum()) / int(official.sum()), 4), content


def edge_agreement(
    mine: np.ndarray,
    theirs: np.ndarray,
    matrix: np.ndarray,
    within: np.ndarray | None = None,
    hidden: np.ndarray | None = None,
) -> tuple[float | None, float, float | None]:
    """(agreement, overlap) of a listing channel moved onto the official one by ``matrix`` (the fitted
    listing → official similarity, in padded SIDE coordinates).

    Matches that agree on a transform may be a chance few: a shared ring, a letter, a corner. The whole
    icon then tells: a copy, moved back, has the official icon's edges where they are and in their
    direction all over the part it covers (a badge or label hides a part); an unrelated drawing has its
    own edges elsewhere. Agreement is the share of the overlap's edge pixels (an edge in either image)
    where both have an edge in the same direction (either polarity: a recoloured copy may turn dark on
    light into light on dark). The third value is that share on the official icon's content only
    (``within``, at EDGE_SIDE: Features.content), None without one or when the official icon has fewer
    than ``CONTENT_MIN_EDGES`` edge pixels there. ``hidden`` (bool, at EDGE_SIDE): left out of both."""
    warped, inside = _moved(mine, matrix)
    if hidden is not None:
        inside &= ~hidden
    overlap = float(inside.mean())
    if inside.sum() < 50:  # too little in common to say (None: measured as nothing, refuses nothing)
        return None, round(overlap, 4), None
    gx_a, gy_a, mag_a, edge_a = _edges(warped)
    gx_b, gy_b, mag_b, edge_b = _edges(theirs.astype(np.float32))
    either = inside & (edge_a | edge_b)
    both = inside & edge_a & edge_b
    cosine = np.abs(gx_a * gx_b + gy_a * gy_b) / (mag_a * mag_b + 1e-6)
    agree = both & (cosine > EDGE_ALIGNED)
    content = None
    if within is not None and int((inside & edge_b & within).sum()) >= CONTENT_MIN_EDGES:
        content = round(int((agree & within).sum()) / int((either & within).sum()), 4)
    return round(int(agree.sum()) / max(int(either.sum()), 1), 4), round(overlap, 4), content


def features(
    image: Image.Image, soft: bool = True, views: tuple[str, ...] = (), shape: bool = True
) -> Features:
    """Keypoints and descriptors of an icon (a decoded PIL image). ``soft``: also the blurred channel
    (always for official icons; for a listing only when it is blurred itself). ``views``: also those of
    these other shapes of the icon, those it has (a listing's icon; ``VIEWS``). ``shape``: also its
    silhouette's (``SHAPE``; not for the other shapes)."""
    shapes = [(label, shape) for label, shape in views_of(image, views).items() if shape is not None]
    rgb = np.asarray(image.convert("RGB").resize((SIDE, SIDE), Image.Resampling.LANCZOS))
    luma = cv2.cvtColor(rgb, cv2.COLOR_RGB2GRAY)
    value = channel_max(rgb).astype(np.uint8)
    blurred = float(cv2.Laplacian(luma, cv2.CV_64F).var()) < BLURRED_BELOW
    channels = {"luma": _detect(_ORB, luma), "value": _detect(_ORB, value)}
    if soft or blurred:
        channels["soft"] = _detect(_ORB_SOFT, cv2.GaussianBlur(luma, (0, 0), SOFT_SIGMA))
    if shape:
        channels[SHAPE] = _detect(_ORB, silhouette(rgb))
    return Features(channels, blurred, tuple(shapes))


def _view_features(view: Image.Image) -> Features:
    """The features of one of an icon's other shapes, with the frame it records (``tile.upright_tile``)."""
    found = features(view, soft=False, shape=False)
    frame = (float(view.info.get("turn", 0.0)), float(view.info.get("zoom", 1.0)))
    return replace(found, frame=frame) if frame != (0.0, 1.0) else found


def features_file(path: str | Path, soft: bool = True) -> Features:
    with Image.open(path) as image:
        image.load()
        return features(image, soft, views=() if soft else tuple(VIEWS))


def official_features(path: str | Path) -> Features:
    """An official icon's features, all channels, and its content (computed once per index)."""
    with Image.open(path) as image:
        image.load()
        return replace(features(image, soft=True), content=content_mask(image))


def _official_features_task(path: Path) -> tuple[Features, str] | None:
    try:
        return official_features(path), icon_digest(path.read_bytes())
    except (OSError, ValueError):
        return None  # the caller computes it again and reports the error with the app's id


def official_features_many(paths: list[Path], workers: int = 1) -> dict[Path, tuple[Features, str]]:
    """{path: (official_features(path), its content digest)} of the readable icons, by ``workers``
    processes (forked: the index is built before a sweep forks its own)."""
    paths = list(dict.fromkeys(paths))
    found = forked_map(_official_features_task, paths, workers)
    return {path: item for path, item in zip(paths, found, strict=True) if item is not None}


def content_mask(image: Image.Image) -> np.ndarray | None:
    """Where an icon's content lies (``Features.content``) at EDGE_SIDE pixels, None without a container."""
    shape = container(image, EDGE_SIDE)
    if shape is None:
        return None
    margin = max(1, round(CONTENT_MARGIN * EDGE_SIDE))
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (2 * margin + 1, 2 * margin + 1))
    inside = cv2.erode(shape.astype(np.uint8), kernel).astype(bool)
    return inside if inside.any() else None


@lru_cache(maxsize=4096)
def listing_features(path: str) -> Features:
    """A listing's icon features; icons reused by many listings (a feed's copies) are read once."""
    return features_file(path, soft=False)


def icon_digest(data: bytes) -> str:
    """The content digest of a listing's icon file: the verdict cache is keyed by what the file holds,
    not by its name (a feed stores one icon under many names and may reuse a name)."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def features_bytes(data: bytes, views: tuple[str, ...] = tuple(VIEWS)) -> Features:
    with Image.open(BytesIO(data)) as image:
        image.load()
        return features(image, soft=False, views=views)


def view_features(data: bytes, labels: tuple[str, ...]) -> dict[str, Features | None]:
    """The features of these other shapes of a listing's icon (``VIEWS``), None for a shape it has not."""
    with Image.open(BytesIO(data)) as image:
        image.load()
        return views_of(image, labels)


def icon_and_view_features(data: bytes, labels: tuple[str, ...]) -> tuple[Features, dict[str, Features | None]]:
    """A listing icon's own features and those of these other shapes, the file decoded once."""
    with Image.open(BytesIO(data)) as image:
        image.load()
        return features(image, soft=False), views_of(image, labels)


def views_of(image: Image.Image, labels: tuple[str, ...]) -> dict[str, Features | None]:
    """``view_features`` of a decoded icon; it is cut in two once for both parts."""
    found: dict[str, Features | None] = {}
    parts = split(image) if {"part1", "part2"} & set(labels) else None
    for label in labels:
        if label in ("part1", "part2"):
            view = parts[label == "part2"] if parts else None
        else:
            view = VIEWS[label](image)
        found[label] = _view_features(view) if view is not None else None
    return found


class VerdictCache:
    """Keypoint verdicts by (listing icon content digest, protected app), least recently used first out,
    and the features of the most recent listing icons by digest. ``size`` 0 disables the verdicts and
    keeps the features of the last icon only (a listing verified against several apps is read once):
    what a feed of all-distinct icons costs."""

    def __init__(self, size: int, views: tuple[str, ...] = tuple(VIEWS)):
        self.size = size
        self.views = views  # the other shapes a listing's icon is also compared in (``VIEWS``)
        self.verdicts: OrderedDict[tuple, Verdict] = OrderedDict()  # (digest, app, views) → verdict
        self.features: OrderedDict = OrderedDict()  # digest (or (digest, view)) → Features (or None)
        # a file's digest by (path, size, modification time): a sweep meets one icon file many times
        self.digests: OrderedDict[tuple[str, int, int], str] = OrderedDict()
        self.hits = self.misses = 0

    def digest(self, path: str | Path) -> str:
        """The digest of the icon file's content, read again only when its size or time changed."""
        stat = os.stat(path)
        key = (os.fspath(path), stat.st_size, stat.st_mtime_ns)
        found = self.digests.get(key)
        if found is None:
            found = self.digests[key] = icon_digest(Path(path).read_bytes())
            if len(self.digests) > max(self.size, 4096):
                self.digests.popitem(last=False)
        return found

    def verdict(self, key: tuple) -> Verdict | None:
        found = self.verdicts.get(key) if self.size else None
        if found is None:
            self.misses += 1
            return None
        self.hits += 1
        self.verdicts.move_to_end(key)
        return found

    def put(self, key: tuple, verdict: Verdict) -> None:
        if not self.size:
            return
        self.verdicts[key] = verdict
        if len(self.verdicts) > self.size:
            self.verdicts.popitem(last=False)

    def listing_features(self, digest: str, path: str | Path, views: tuple[str, ...] = ()) -> Features:
        """The listing icon's features, with those of the asked ``views`` it has (each computed once,
        when first asked for: most verified pairs need none)."""
        asked = tuple(label for label in views if label in self.views)
        missing = tuple(label for label in asked if (digest, label) not in self.features)
        if missing and digest not in self.features:  # a new icon searched in its shapes: one decode
            icon, made = icon_and_view_features(Path(path).read_bytes(), missing)
            self._remember(digest, lambda: icon)
        elif missing:
            made = view_features(Path(path).read_bytes(), missing)
        for label in missing:
            self._remember((digest, label), lambda view=made[label]: view)
        found = self._remember(digest, lambda: features_bytes(Path(path).read_bytes(), ()))
        shapes = []
        for label in asked:
            view = self._remember(
                (digest, label), lambda label=label: view_features(Path(path).read_bytes(), (label,))[label]
            )
            if view is not None:
                shapes.append((label, view))
        return replace(found, views=tuple(shapes)) if shapes else found

    def _remember(self, key, compute):
        if key in self.features:
            self.features.move_to_end(key)
            return self.features[key]
        found = self.features[key] = compute()
        if len(self.features) > min(max(self.size, 1 + len(VIEWS)), 4096):  # size 0: the last icon's
            self.features.popitem(last=False)
        return found


def _paired_by_place(mine: Channel, theirs: Channel) -> list:
    """Each listing keypoint with the official keypoint of nearest descriptor within ALIGNED_RADIUS of its
    place (both at SIDE, padded alike), when that descriptor is within ALIGNED_MAX_DISTANCE bits."""
    near = np.linalg.norm(mine.points[:, None, :] - theirs.points[None, :, :], axis=2) <= ALIGNED_RADIUS
    if not near.any():
        return []
    found = _MATCHER.match(mine.descriptors, theirs.descriptors, near.astype(np.uint8))
    return [m for m in found if m.distance <= ALIGNED_MAX_DISTANCE]


def _similarity(
    mine: Channel,
    theirs: Channel,
    good: list,
    reprojection: float,
    min_scale: float,
    max_scale: float,
    iterations: int = 500,
) -> tuple[np.ndarray, np.ndarray, float, np.ndarray, np.ndarray] | None:
    """The similarity (listing → official) most of the matches ``good`` agree on, by RANSAC: its matrix,
    the agreeing matches' mask, its scale and the matched points of both sides; None when RANSAC finds
    none or its scale lies outside [min_scale, max_scale]."""
    src = mine.points[[g.queryIdx for g in good]]
    dst = theirs.points[[g.trainIdx for g in good]]
    matrix, inliers = cv2.estimateAffinePartial2D(
        src, dst, method=cv2.RANSAC, ransacReprojThreshold=reprojection, maxIters=iterations
    )
    if matrix is None or inliers is None:
        return None
    scale = float(np.hypot(matrix[0, 0], matrix[1, 0]))
    if not min_scale <= scale <= max_scale:
        return None
    return matrix, inliers, scale, src, dst


def _fitted_verdict(label, matrix, inliers, dst, scale, zoom, turn, blurred, matches) -> Verdict:
    count = int(inliers.sum())
    angle = (float(np.degrees(np.arctan2(matrix[1, 0], matrix[0, 0]))) + turn + 180.0) % 360.0 - 180.0
    agreeing = dst[inliers.ravel() == 1].astype(np.float32)
    spread = float(cv2.contourArea(cv2.convexHull(agreeing))) / (SIDE * SIDE) if count >= 3 else 0.0
    # + 0.0: no negative zero, which a verdict read back from the store would not keep
    return Verdict(count, label, round(scale * zoom, 3), round(angle, 1) + 0.0, blurred, round(spread, 4), matches)


def _with_edges(verdict: Verdict, fitted: tuple | None, official: Features) -> Verdict:
    """The verdict with the edge agreement of the listing channel moved by its fit (``fitted``: matrix,
    listing channel, official channel at EDGE_SIDE)."""
    if fitted is None or fitted[1] is None or fitted[2] is None:
        return verdict
    agreement, overlap, content = edge_agreement(fitted[1], fitted[2], fitted[0], official.content)
    return replace(verdict, agreement=agreement, overlap=overlap, content=content)


def verify(
    listing: Features,
    official: Features,
    *,
    ratio: float = 0.8,
    reprojection: float = 5.0,
    min_scale: float = 0.3,
    max_scale: float = 3.0,
    need: int = 4,
    aligned: bool = False,
    hidden: tuple[str, ...] = (),
    stretch: float = 0.0,
) -> Verdict:
    """The best channel's inlier count of matches between a listing's icon (or its content box) and an
    official icon.

    ``need``: a channel with fewer matches that pass the ratio test than this is not fitted (RANSAC
    cannot find more agreeing matches than there are matches; the caller passes the smallest count
    that could change its decision).

    ``aligned``: the listing's icon lies nearly where the official drawing does (its own hash is near the
    official one). A symmetric or repeated drawing (a cross in a ring, a grid of dots) has for each
    corner an equally good twin elsewhere, and the ratio test then discards every match: a channel of
    the icon itself left with fewer than ``need`` is matched again, each keypoint with the nearest
    descriptor among the official keypoints within ``ALIGNED_RADIUS`` of its place (channel
    ``aligned_…``), and fitted like the others.

    ``hidden``: the masked hashes that matched, whose parts the in-place comparison may leave out
    (``in_place``).

    ``stretch``: when above 1, each channel's matches are also fitted by a map that scales the two axes
    apart, the larger scale at most this many times the smaller (``stretch.fit_stretch``: a copy
    squashed along one axis). The best such fit that more matches agree on than on its channel's
    similarity, whose axes differ by at least ``STRETCHED``, replaces the best similarity when as many
    matches agree on it and the whole icon moved back by it agrees ``STRETCH_GAIN`` better (channel
    ``…_stretched``)."""
    need = max(4, need)
    best = Verdict(0, None, None, None, listing.blurred)
    fitted = None  # (matrix, listing channel, official channel) of the best channel
    compared = [(name, name, mine, listing.frame, False) for name, mine in listing.channels.items()]
    for label, view in listing.views:
        compared += [(name, f"{label}_{name}", mine, view.frame, False) for name, mine in view.channels.items()]
    if aligned:  # last: only where the icon's own channel fitted fewer than ``need``
        compared += [(n, f"aligned_{n}", mine, listing.frame, True) for n, mine in listing.channels.items()]
    own: dict[str, int] = {}  # agreeing matches of the icon's own channels, by name
    # the best stretch fit that more matches agree on than on its channel's similarity, and its fit
    stretched: tuple[Verdict, tuple | None] = (Verdict(0, None, None, None, listing.blurred), None)
    for name, label, mine, (turn, zoom), by_place in compared:
        if (name == "soft" and not listing.blurred) or name == SHAPE:
            continue
        if by_place and own.get(name, 0) >= need:
            continue
        theirs = official.channels.get(name)
        if theirs is None or mine.descriptors is None or theirs.descriptors is None:
            continue
        if len(mine.descriptors) < 4 or len(theirs.descriptors) < 4:
            continue
        if by_place:
            good = _paired_by_place(mine, theirs)
        else:
            pairs = _MATCHER.knnMatch(mine.descriptors, theirs.descriptors, k=2)
            good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < ratio * p[1].distance]
        if len(good) < need or len(good) <= best.inliers:
            continue
        fit = _similarity(mine, theirs, good, reprojection, min_scale, max_scale)
        if fit is None:
            continue
        matrix, inliers, scale, src, dst = fit
        count = int(inliers.sum())
        if label == name:
            own[name] = count
        if stretch > 1 and not by_place and label.split("_", 1)[0] not in UNSTRETCHED and len(good) > count:
            squashed, agreeing_mask = fit_stretch(
                src, dst, threshold=reprojection, min_scale=min_scale, max_scale=max_scale, max_ratio=stretch
            )
            if squashed is not None and int(agreeing_mask.sum()) > max(count, stretched[0].inliers):
                sx, sy = squashed[0, 0], squashed[1, 1]
                if max(sx, sy) >= STRETCHED * min(sx, sy):
                    candidate = _fitted_verdict(
                        f"{label}_stretched", squashed, agreeing_mask, dst, float(np.sqrt(sx * sy)), zoom, turn,
                        listing.blurred, len(good),
                    )
                    stretched = (candidate, (squashed, mine.small, theirs.small))
        if count > best.inliers:
            best = _fitted_verdict(label, matrix, inliers, dst, scale, zoom, turn, listing.blurred, len(good))
            fitted = (matrix, mine.small, theirs.small)
    best = _with_edges(best, fitted, official)
    if stretched[1] is not None and stretched[0].inliers >= best.inliers:
        # the stretch counts only where it moves the whole icon back better than the similarity did
        candidate = _with_edges(stretched[0], stretched[1], official)
        if candidate.agreement is not None and (
            best.agreement is None or candidate.agreement >= best.agreement + STRETCH_GAIN
        ):
            best, fitted = candidate, stretched[1]
    if best.agreement is not None and best.agreement < NOISY_BELOW and fitted is not None:
        # grain, an engraving's hatching or a jigsaw's cuts add edges everywhere, which the agreement
        # counts against the copy: how much of the official drawing the moved icon still covers
        covered, content_covered = edge_coverage(fitted[1], fitted[2], fitted[0], official.content)
        best = replace(best, covered=covered, content_covered=content_covered)
    placed, placed_content, placed_channel = in_place(listing, official, hidden)
    return replace(best, in_place=placed, in_place_content=placed_content, in_place_channel=placed_channel)


def verify_shape(
    listing: Features,
    official: Features,
    *,
    ratio: float = 0.8,
    reprojection: float = 5.0,
    min_scale: float = 0.3,
    max_scale: float = 3.0,
) -> Verdict:
    """The silhouettes' verdict (``silhouette.py``): the matches between the two icons' silhouettes that
    agree on one similarity transform, and the edge agreement (and content agreement) of the listing
    icon's luminance or value channel, whichever agrees more, moved back by it onto the official one's
    (either polarity). Two discs' silhouettes agree as well as a copy's: the edges of what is drawn
    inside must agree too. Channel ``shape``; no other shape of the icon is compared."""
    nothing = Verdict(0, None, None, None, listing.blurred)
    mine, theirs = listing.channels.get(SHAPE), official.channels.get(SHAPE)
    if mine is None or theirs is None or mine.descriptors is None or theirs.descriptors is None:
        return nothing
    if len(mine.descriptors) < 4 or len(theirs.descriptors) < 4:
        return nothing
    pairs = _MATCHER.knnMatch(mine.descriptors, theirs.descriptors, k=2)
    good = [p[0] for p in pairs if len(p) == 2 and p[0].distance < ratio * p[1].distance]
    fit = _similarity(mine, theirs, good, reprojection, min_scale, max_scale) if len(good) >= 4 else None
    if fit is None:
        return nothing
    matrix, inliers, scale, _, dst = fit
    verdict = _fitted_verdict(SHAPE, matrix, inliers, dst, scale, 1.0, 0.0, listing.blurred, len(good))
    best = verdict
    for name in ("luma", "value"):
        a, b = listing.channels.get(name), official.channels.get(name)
        if a is None or b is None:
            continue
        moved = _with_edges(verdict, (matrix, a.small, b.small), official)
        if moved.agreement is not None and (best.agreement is None or moved.agreement > best.agreement):
            best = moved
    return best


def verify_twins(
    listing: Features,
    official: Features,
    *,
    reprojection: float = 5.0,
    min_scale: float = 0.3,
    max_scale: float = 3.0,
) -> Verdict:
    """The verdict of matches kept without Lowe's ratio test, for a symmetric or repeated drawing that
    was moved, turned or rescaled (a coin's ring round a square, rings, a sun's rays, a diamond of four
    squares): each of its corners has an equally good twin elsewhere, so the ratio test discards every
    match and ``verify`` finds none wherever the copy lies. Each listing keypoint keeps up to
    ``TWIN_NEIGHBOURS`` official keypoints of near descriptor (``TWIN_MAX_DISTANCE``, ``TWIN_SLACK``);
    RANSAC picks the similarity most of them agree on; a keypoint counts once on either side. The icon's
    luminance and value channels (and its views, when it has them) are tried; the best count's edge
    agreement is measured like verify's, and how much of the official drawing it covers (``covered``,
    ``content_covered``: edge_coverage). Channel ``twin_<channel>``."""
    best = Verdict(0, None, None, None, listing.blurred)
    fitted = None
    compared = [(name, name, mine, listing.frame) for name, mine in listing.channels.items()]
    for label, view in listing.views:
        compared += [(name, f"{label}_{name}", mine, view.frame) for name, mine in view.channels.items()]
    for name, label, mine, (turn, zoom) in compared:
        theirs = official.channels.get(name)
        if name not in ("luma", "value") or theirs is None:
            continue
        if mine.descriptors is None or theirs.descriptors is None:
            continue
        if len(mine.descriptors) < 4 or len(theirs.descriptors) < 4:
            continue
        near = _MATCHER.knnMatch(mine.descriptors, theirs.descriptors, k=TWIN_NEIGHBOURS)
        good = [
            m
            for found in near
            for m in found
            if m.distance <= TWIN_MAX_DISTANCE and m.distance <= found[0].distance + TWIN_SLACK
        ]
        if len(good) < 4 or len(good) <= best.inliers:
            continue
        fit = _similarity(mine, theirs, good, reprojection, min_scale, max_scale, iterations=2000)
        if fit is None:
            continue
        matrix, inliers, scale, _, dst = fit
        agreeing = [g for g, keep in zip(good, inliers.ravel(), strict=True) if keep]
        count = min(len({g.queryIdx for g in agreeing}), len({g.trainIdx for g in agreeing}))
        if count > best.inliers:
            once = np.zeros(len(good), np.uint8)  # the agreeing official keypoints, each once (spread)
            seen: set[int] = set()
            for i, (g, keep) in enumerate(zip(good, inliers.ravel(), strict=True)):
                if keep and g.trainIdx not in seen:
                    seen.add(g.trainIdx)
                    once[i] = 1
            verdict = _fitted_verdict(
                f"{TWIN}_{label}", matrix, once, dst, scale, zoom, turn, listing.blurred, len(good)
            )
            best = replace(verdict, inliers=count)
            fitted = (matrix, mine.small, theirs.small)
    best = _with_edges(best, fitted, official)
    if fitted is None or fitted[1] is None or fitted[2] is None:
        return best
    covered, content_covered = edge_coverage(fitted[1], fitted[2], fitted[0], official.content)
    return replace(best, covered=covered, content_covered=content_covered)
