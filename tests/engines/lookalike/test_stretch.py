"""Session 20 (issue 14): an icon resized to another width than height and laid back on a square field
(holdout_s19's rescale + JPEG copies, one axis at 0.70-0.86) fits no rotation + uniform scale: the
matches agree on part of the logo and the rest of its edges lie beside the official ones. The verifier
also fits a map that scales the two axes apart (stretch.fit_stretch; keypoints.stretch_max_ratio)."""

import numpy as np
import pytest
from keypoint_fixtures import generic_listing, hxb_app, logo, unrelated
from PIL import Image

from appgov.engines.lookalike import ConfigError, LookalikeIndex, load_config
from appgov.engines.lookalike.keypoints import features, official_features, verify
from appgov.engines.lookalike.stretch import fit_stretch


def squashed(img: Image.Image, factor: float, axis: str) -> Image.Image:
    side = img.width
    size = (round(side * factor), side) if axis == "x" else (side, round(side * factor))
    out = Image.new("RGB", (side, side), img.getpixel((1, 1)))
    out.paste(img.resize(size, Image.Resampling.BILINEAR), ((side - size[0]) // 2, (side - size[1]) // 2))
    return out


def test_the_two_scales_are_recovered_among_wrong_matches():
    rng = np.random.default_rng(5)
    src = rng.uniform(16, 176, (60, 2))
    dst = src * [1.3, 0.95] + [-12.0, 7.0] + rng.normal(0, 0.7, src.shape)
    dst[:20] = rng.uniform(16, 176, (20, 2))  # a third of the matches point anywhere
    matrix, agreeing = fit_stretch(src, dst, threshold=5.0, min_scale=0.3, max_scale=3.0, max_ratio=1.5)
    assert matrix[0, 0] == pytest.approx(1.3, abs=0.02) and matrix[1, 1] == pytest.approx(0.95, abs=0.02)
    assert matrix[0, 1] == matrix[1, 0] == 0
    assert 38 <= int(agreeing.sum()) <= 42 and not agreeing[:20].sum() > 2
    # the axes may not differ more than max_ratio: 1.3 / 0.95 is 1.37
    bounded, agreeing = fit_stretch(src, dst, threshold=5.0, min_scale=0.3, max_scale=3.0, max_ratio=1.2)
    assert bounded is None or (bounded[0, 0] / bounded[1, 1] <= 1.2 + 1e-9 and int(agreeing.sum()) < 30)
    assert fit_stretch(src[:3], dst[:3], threshold=5.0, min_scale=0.3, max_scale=3.0, max_ratio=1.5) == (None, None)


@pytest.mark.parametrize(("factor", "axis"), [(0.72, "x"), (0.8, "y"), (0.86, "x")])
def test_a_squashed_copy_is_moved_back_by_the_stretch(tmp_path, factor, axis):
    logo().save(tmp_path / "official.png")
    official = official_features(tmp_path / "official.png")
    copy = features(squashed(logo(), factor, axis), soft=False)
    similar = verify(copy, official, need=4)
    fitted = verify(copy, official, need=4, stretch=1.5)
    assert not similar.channel.endswith("_stretched")
    assert fitted.channel.endswith("_stretched") and fitted.angle == 0
    assert fitted.inliers > similar.inliers and fitted.agreement > similar.agreement + 0.2
    assert fitted.agreement >= 0.6
    # an unrelated drawing is not made to fit
    other = verify(features(unrelated(), soft=False), official, need=4, stretch=1.5)
    assert other.inliers < 10


def test_an_unsquashed_copy_keeps_its_similarity(tmp_path):
    logo().save(tmp_path / "official.png")
    turned = logo().rotate(12, resample=Image.Resampling.BICUBIC, fillcolor=(240, 236, 228))
    fitted = verify(features(turned, soft=False), official_features(tmp_path / "official.png"), need=4, stretch=1.5)
    assert not fitted.channel.endswith("_stretched") and abs(fitted.angle - 12) < 2


def test_a_squashed_copy_under_a_generic_name_alerts_only_with_the_stretch(tmp_path):
    logo().save(tmp_path / "official.png")
    squashed(logo(), 0.72, "x").save(tmp_path / "squashed.png")
    index = LookalikeIndex([hxb_app()], load_config(), icons_root=tmp_path)
    alert = index.screen_one(generic_listing("squashed.png"))
    assert alert is not None and alert.app_id == "hxb"
    reason = next(r for r in alert.reasons if r.signal == "icon_keypoints")
    assert reason.detail["channel"].endswith("_stretched")
    assert "横竖分别缩放" in alert.explanation_zh
    off = load_config(overrides={"keypoints": {"stretch_max_ratio": 0}})
    assert LookalikeIndex([hxb_app()], off, icons_root=tmp_path).screen_one(generic_listing("squashed.png")) is None


@pytest.mark.parametrize("value", [1.0, 3.5, -1])
def test_the_setting_is_checked(value):
    with pytest.raises(ConfigError, match="stretch_max_ratio"):
        load_config(overrides={"keypoints": {"stretch_max_ratio": value}})
