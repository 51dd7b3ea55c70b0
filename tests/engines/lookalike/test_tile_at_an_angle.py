"""Session 26 (issue 14): the official icon photographed or laid at an angle, a trapezoid on a new background
(holdout_s16's perspective copies, s17's and s19's phone photos). The upright tile (tile.py) was cut out by
the smallest rectangle around it, which keeps the trapezoid's slant: its hashes found nothing and its
keypoints agreed too little. A tile whose outline is a quadrilateral that is no rectangle is now mapped
back whole by the perspective map that takes its four corners to the square; a rectangle, turned or not,
is cut out as before."""

import cv2
import numpy as np
import pytest
from keypoint_fixtures import logo, screen_copy, unrelated
from PIL import Image

from appgov.engines.lookalike.tile import dhash_image, upright_tile


def _dark_field(size: int = 192) -> Image.Image:
    """A dark, slightly uneven background, as on a desk under a phone camera."""
    t = np.add.outer(np.arange(size), np.arange(size)) / (2 * (size - 1))
    pixels = 40 + 25 * t[..., None] + np.zeros((1, 1, 3))
    return Image.fromarray(pixels.astype(np.uint8))


def _at_an_angle(img: Image.Image, corners: list[tuple[float, float]]) -> Image.Image:
    """``img`` mapped onto the quadrilateral ``corners`` (top left, top right, bottom right, bottom left)
    of a dark field."""
    field = np.asarray(_dark_field()).copy()
    side = img.width - 1
    square = np.float32([[0, 0], [side, 0], [side, side], [0, side]])
    matrix = cv2.getPerspectiveTransform(square, np.float32(corners))
    size = (field.shape[1], field.shape[0])
    warped = cv2.warpPerspective(np.asarray(img.convert("RGB")), matrix, size, flags=cv2.INTER_LINEAR)
    inside = cv2.warpPerspective(np.full(img.size[::-1], 255, np.uint8), matrix, size) > 128
    field[inside] = warped[inside]
    return Image.fromarray(field)


TRAPEZOID = [(52, 30), (150, 40), (158, 160), (40, 150)]  # the top edge shorter and tilted: a photo
RECTANGLE = [(36, 36), (156, 36), (156, 156), (36, 156)]


def _distance(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


def test_a_tile_seen_at_an_angle_is_mapped_back_whole():
    photo = _at_an_angle(logo(), TRAPEZOID)
    tile = upright_tile(photo)
    assert tile is not None and tile.size == (128, 128)
    assert _distance(dhash_image(tile), dhash_image(logo())) <= 8  # within the tile lookup's radius
    assert tile.info["zoom"] == pytest.approx(192 / 116, rel=0.15)  # the icon is analysed at 128 px


def test_a_rectangle_is_cut_out_as_before():
    tile = upright_tile(_at_an_angle(logo(), RECTANGLE))
    assert tile is not None
    assert tile.info["turn"] == pytest.approx(0.0, abs=1.0)
    assert _distance(dhash_image(tile), dhash_image(logo())) <= 8


STEEP = [(70, 35), (130, 35), (170, 165), (25, 165)]  # seen from below: the old cut-out missed this copy


@pytest.mark.parametrize("corners", [TRAPEZOID, STEEP])
def test_the_photographed_copy_alerts(tmp_path, corners):
    alert = screen_copy(tmp_path, logo(), _at_an_angle(logo(), corners))
    assert alert is not None and alert.app_id == "hxb"


@pytest.mark.parametrize("corners", [TRAPEZOID, STEEP])
def test_an_unrelated_drawing_photographed_alike_does_not(tmp_path, corners):
    assert screen_copy(tmp_path, logo(), _at_an_angle(unrelated(), corners)) is None


def test_a_triangle_is_no_tile_seen_at_an_angle():
    pixels = np.asarray(_dark_field()).copy()
    cv2.fillPoly(pixels, [np.int32([(96, 30), (170, 160), (22, 160)])], (230, 230, 230))
    tile = upright_tile(Image.fromarray(pixels))
    # cut out by its bounding rectangle as before (or refused), never stretched onto a square by 4 corners
    assert tile is None or tile.info["zoom"] == pytest.approx(192 / 148, rel=0.1)
