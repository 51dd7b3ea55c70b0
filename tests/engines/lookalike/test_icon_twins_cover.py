"""Session 24 (issue 14): a copy that kept the official drawing whole and added to it. holdout_s23 had
Sinosig's sun under a 福 ribbon, China Life's globe in a black frame, Eastmoney's mark with a long shadow,
glossy and embossed tiles: the twins' fit found the transform (60-140 keypoints) but the added edges
pulled the edge agreement, which counts every edge of either icon, down to 0.3-0.7. Another drawing in the
same ring misses a part of the official drawing; such a copy covers nearly all of it. The twins confirm
too when the icon, moved back, has an edge in nearly the same direction on at least 0.94 of the official
edge pixels, and 0.9 of those inside the shape that holds the official drawing, with at least 70 keypoints
agreeing (a stack of bars covers another's with 42-66) (keypoints.edge_coverage, keypoints.twin_min_covered,
twin_min_content_covered, twin_cover_min_inliers)."""

import numpy as np
import pytest
from keypoint_fixtures import screen_copy, unrelated
from PIL import Image, ImageDraw
from test_icon_twins import RED, K, coin, cropped, on_green

from appgov.engines.lookalike import ConfigError, load_config
from appgov.engines.lookalike.keypoints import (
    EDGE_SIDE,
    edge_coverage,
    features,
    official_features,
    verify_twins,
)

IDENTITY = np.float64([[1, 0, 0], [0, 1, 0]])


def framed(img: Image.Image) -> Image.Image:
    """A black frame, a yellow ribbon over the top right corner and a word: edges the official icon has not."""
    img = img.copy()
    d = ImageDraw.Draw(img)
    d.rectangle([4, 4, 251, 251], outline=(20, 20, 20), width=6)
    d.polygon([(180, 0), (256, 0), (256, 76)], fill=(230, 180, 0))
    d.text((10, 230), "HOT", fill=(0, 0, 0))
    return img


def triangle_coin() -> Image.Image:
    """The same disc and ring with a triangle in the middle instead of the square: another emblem."""
    img = Image.new("RGB", (256 * K, 256 * K), (255, 255, 255))
    d = ImageDraw.Draw(img)
    d.ellipse([28 * K, 28 * K, 228 * K, 228 * K], fill=RED)
    d.ellipse([58 * K, 58 * K, 198 * K, 198 * K], outline=(255, 255, 255), width=9 * K)
    d.polygon([(128 * K, 96 * K), (160 * K, 156 * K), (96 * K, 156 * K)], fill=(255, 255, 255))
    return img.resize((256, 256), Image.Resampling.LANCZOS)


def _small(img: Image.Image) -> np.ndarray:
    return np.asarray(img.convert("L").resize((EDGE_SIDE, EDGE_SIDE), Image.Resampling.BOX), np.uint8)


def test_coverage_counts_the_official_edges_under_the_copy():
    official = _small(coin())
    assert edge_coverage(official, official, IDENTITY) == (1.0, None)
    added, _ = edge_coverage(_small(framed(coin())), official, IDENTITY)
    assert added is not None and added >= 0.94  # added edges do not count against it
    blank = np.full_like(official, 255)
    assert edge_coverage(blank, official, IDENTITY)[0] == 0.0
    other, _ = edge_coverage(_small(triangle_coin()), official, IDENTITY)
    assert other is not None and other < 0.94  # the square's edges are missing
    assert edge_coverage(official, blank, IDENTITY) == (None, None)  # no official edges: nothing to say


@pytest.fixture
def official(tmp_path):
    coin().save(tmp_path / "official.png")
    return official_features(tmp_path / "official.png")


def test_the_framed_copy_agrees_little_and_covers_nearly_all(official):
    twins = verify_twins(features(framed(coin()), soft=False), official)
    assert twins.inliers >= 40 and twins.agreement < 0.85  # what refused it before
    assert twins.covered >= 0.94 and twins.content_covered >= 0.9
    other = verify_twins(features(framed(triangle_coin()), soft=False), official)
    assert other.inliers >= 40  # the disc and ring match as well ...
    assert other.content_covered < 0.9  # ... but the drawing inside is not the official one


def _screen(tmp_path, icon: Image.Image, **keypoints):
    return screen_copy(tmp_path, coin(), icon, **keypoints)


@pytest.mark.parametrize(
    ("copy", "bar"),
    [(framed(cropped(coin())), 60), (framed(on_green(coin())), None)],
    ids=["framed_cropped", "framed_on_green"],
)
def test_the_framed_copy_alerts_and_says_the_drawing_is_whole(tmp_path, copy, bar):
    lowered = {"twin_cover_min_inliers": bar} if bar else {}
    if bar:  # 67 keypoints: below the default bar (70), found at a lower one
        assert _screen(tmp_path, copy) is None
    alert = _screen(tmp_path, copy, **lowered)
    assert alert is not None and alert.app_id == "hxb"
    reason = next(r for r in alert.reasons if r.signal == "icon_keypoints")
    assert reason.detail["confirmed_by"] == "covered" and reason.detail["channel"].startswith("twin_")
    assert reason.detail["covered"] >= 0.94
    assert "的轮廓在图标中（另有增添的图案或文字）" in alert.explanation_zh
    assert _screen(tmp_path, copy, twin_min_covered=0, **lowered) is None  # the setting turns it off
    assert _screen(tmp_path, copy, twin_min_content_covered=1.0, **lowered) is None


@pytest.mark.parametrize(
    "other",
    [
        framed(cropped(triangle_coin())),
        cropped(triangle_coin()),
        on_green(triangle_coin()),
        framed(unrelated()),
    ],
    ids=["framed_cropped", "cropped", "on_green", "unrelated"],
)
def test_another_emblem_in_the_same_ring_does_not_alert(tmp_path, other):
    assert _screen(tmp_path, other) is None


@pytest.mark.parametrize(
    ("keypoints", "named"),
    [
        ({"twin_min_covered": 1.5}, "twin_min_covered"),
        ({"twin_min_content_covered": -0.1}, "twin_min_covered"),
        ({"twin_cover_min_inliers": 3}, "twin_cover_min_inliers"),
    ],
)
def test_the_settings_are_checked(keypoints, named):
    with pytest.raises(ConfigError, match=f"keypoints.{named}"):
        load_config(overrides={"keypoints": keypoints})
