"""Session 22 (issue 14): a copy whose light/dark pattern changed (dark mode, gold on black, a two-colour
print) keeps the official drawing's outline but not what ORB's descriptors compare. holdout_s22 had 15 such
copies missed. The silhouette (the pixels unlike the background) is matched instead, and the icon moved
back by that match must have its edges where the official icon has them (silhouette.py,
keypoints.verify_shape, keypoints.shape_*)."""

import numpy as np
import pytest
from keypoint_fixtures import logo, screen_copy, unrelated
from PIL import Image

from appgov.engines.lookalike import ConfigError, load_config
from appgov.engines.lookalike.keypoints import features, official_features, verify, verify_shape
from appgov.engines.lookalike.silhouette import silhouette


def dark_mode(img: Image.Image) -> Image.Image:
    """Every colour inverted, the background made near-black: light and dark trade places."""
    pixels = np.asarray(img.convert("RGB")).copy()
    background = (pixels == pixels[0, 0]).all(axis=2)
    out = 255 - pixels
    out[background] = (15, 15, 15)
    return Image.fromarray(out)


def moved_dark(img: Image.Image) -> Image.Image:
    """The dark-mode copy shrunk to 0.8 and moved off the centre: not where the official drawing lies."""
    out = Image.new("RGB", (128, 128), (15, 15, 15))
    out.paste(dark_mode(img).resize((102, 102), Image.Resampling.LANCZOS), (22, 6))
    return out


@pytest.fixture
def official(tmp_path):
    logo().save(tmp_path / "official.png")
    return official_features(tmp_path / "official.png")


def test_the_silhouette_is_the_drawing_on_a_flat_or_graded_background():
    rgb = np.full((160, 160, 3), (240, 236, 228), np.uint8)
    rgb += np.linspace(0, 15, 160).astype(np.uint8)[None, :, None]  # a gentle gradient stays background
    rgb[40:120, 50:110] = (200, 24, 24)
    mask = silhouette(rgb)
    assert mask[80, 80] == 255 and mask[10, 10] == 0 and mask[80, 140] == 0
    assert 0.15 <= (mask > 127).mean() <= 0.22  # the 80 x 60 block: 0.1875 of the icon


def test_the_inverted_copy_is_refused_by_the_keypoints_and_confirmed_by_its_silhouette(official):
    copy = features(moved_dark(logo()), soft=False)
    assert verify(copy, official).inliers < 20  # what missed it before
    shaped = verify_shape(copy, official)
    assert shaped.channel == "shape" and shaped.inliers >= 30  # keypoints.shape_exempt_inliers ...
    assert shaped.agreement is not None and shaped.agreement >= 0.65  # ... shape_exempt_min_edge_agreement
    assert abs(shaped.scale - 1.25) < 0.08 and abs(shaped.angle) < 2


def test_an_unrelated_icon_is_not_confirmed_by_its_silhouette(official):
    shaped = verify_shape(features(unrelated(), soft=False), official)
    assert shaped.inliers < 22 or (shaped.agreement or 0) < 0.65


def _screen(tmp_path, icon: Image.Image, **keypoints):
    return screen_copy(tmp_path, logo(), icon, **keypoints)


def test_the_moved_dark_mode_copy_alerts_through_its_silhouette(tmp_path):
    alert = _screen(tmp_path, moved_dark(logo()))
    assert alert is not None and alert.app_id == "hxb"
    reason = next(r for r in alert.reasons if r.signal == "icon_keypoints")
    assert reason.detail["channel"] == "shape" and reason.detail["confirmed_by"] == "shape"
    assert "图标只看图案的剪影（颜色深浅已改）时经特征点比对与官方图标一致" in alert.explanation_zh
    assert _screen(tmp_path, moved_dark(logo()), shape_min_inliers=0) is None  # the setting turns it off


def test_an_unrelated_icon_does_not_alert(tmp_path):
    assert _screen(tmp_path, unrelated()) is None
    assert _screen(tmp_path, moved_dark(unrelated())) is None


@pytest.mark.parametrize(
    "keypoints",
    [
        {"shape_min_inliers": 3},
        {"shape_exempt_inliers": 2},
        {"shape_min_edge_agreement": 1.5},
        {"shape_exempt_min_edge_agreement": -0.1},
    ],
)
def test_the_settings_are_checked(keypoints):
    with pytest.raises(ConfigError, match="keypoints.shape_"):
        load_config(overrides={"keypoints": keypoints})


def test_kept_verdicts_and_rankings_depend_on_the_silhouettes_code():
    """A verdict or a search ranking kept between sweeps is keyed by the code it came from: a changed
    silhouette (or split, or stretch) must not leave the old ones in use."""
    from appgov.engines.lookalike import search, verdict_store

    assert {"silhouette.py", "parts.py", "stretch.py"} <= set(verdict_store.CODE_FILES)
    assert {"silhouette.py", "parts.py"} <= set(search.CODE_FILES)
