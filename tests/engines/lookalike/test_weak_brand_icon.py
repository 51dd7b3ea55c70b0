"""Session 24 (issue 14): holdout_s24 named a framed copy of 中国银行's icon ＢＯＣ. A 3-letter brand keyword
without a finance word is weak evidence (0.25, no alert by itself), but it counted as brand text, and under
brand text the keypoints never verified the icon: the copy was missed, while the same icon under a neutral
name alerted with 70 agreeing matches. Brand text too weak to alert by itself now leaves the icon to decide
(keypoints.verify_under_weak_brand)."""

import dataclasses

import pytest
from keypoint_fixtures import generic_listing, logo, relayout, unrelated

from appgov.engines.lookalike import ConfigError, LookalikeIndex, ProtectedApp, load_config


def _app() -> ProtectedApp:
    return ProtectedApp(
        app_id="hxb",
        institution="华夏银行",
        names=("华夏银行",),
        brand_keywords=("华夏银行", "HXB"),
        package_ids=("com.hxb.mobile",),
        developers=("华夏银行股份有限公司",),
        icon="official.png",
    )


@pytest.fixture
def icons(tmp_path):
    logo().save(tmp_path / "official.png")
    relayout(logo()).save(tmp_path / "copy.png")
    unrelated().save(tmp_path / "other.png")
    return tmp_path


def _screen(icons, name: str, icon: str | None, **keypoints):
    config = load_config(overrides={"keypoints": keypoints} if keypoints else None)
    listing = dataclasses.replace(generic_listing(icon or "copy.png"), name=name, icon=icon)
    return LookalikeIndex([_app()], config, icons_root=icons).screen_one(listing)


@pytest.mark.parametrize("name", ["HXB", "ＨＸＢ", "HXB Pro"])
def test_a_weak_keyword_with_a_copied_icon_alerts_through_the_icon(icons, name):
    assert _screen(icons, name, None) is None  # the keyword alone is not an alert
    alert = _screen(icons, name, "copy.png")
    assert alert is not None and alert.app_id == "hxb"
    found = {r.signal: r for r in alert.reasons}
    assert "icon_keypoints" in found and found["brand_keyword"].value == "HXB"
    assert alert.score > _screen(icons, "天气预报", "copy.png").score  # the keyword still adds to the icon


def test_before_the_weak_keyword_kept_the_keypoints_from_looking(icons):
    alert = _screen(icons, "HXB", "copy.png", verify_under_weak_brand=0)
    assert alert is None or "icon_keypoints" not in {r.signal for r in alert.reasons}


def test_a_weak_keyword_with_an_unrelated_icon_does_not_alert(icons):
    assert _screen(icons, "HXB", "other.png") is None


def test_strong_brand_text_is_scored_as_before(icons):
    # an official name: the name decides, the keypoints are not asked (nothing to verify)
    alert = _screen(icons, "华夏银行", "other.png")
    assert alert is not None and alert.kind == "counterfeit"
    assert "icon_keypoints" not in {r.signal for r in alert.reasons}


def test_the_setting_is_checked():
    with pytest.raises(ConfigError, match="keypoints.verify_under_weak_brand"):
        load_config(overrides={"keypoints": {"verify_under_weak_brand": 2}})
