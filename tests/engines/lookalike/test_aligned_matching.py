"""Session 16 (issue 14): symmetric and repeated drawings, whose keypoints the ratio test discards.

A cross in a ring or a grid of dots has, for every corner, an equally good twin elsewhere in the same
icon: Lowe's ratio test then drops nearly every match, and a copy whose hashes are all within a few
bits of the official icon (a 5 % crop, a JPEG, a colour boost) was refuted for want of keypoints. When
the listing's own hash is near the official one, the keypoints are paired by place instead."""

import pytest
from keypoint_fixtures import generic_listing, hxb_app
from PIL import Image, ImageDraw

from appgov.engines.lookalike import LookalikeIndex, load_config
from appgov.engines.lookalike.config import ConfigError

OFF = {"keypoints": {"aligned_matching": 0}, "icons": {"near_identical_masks": 0}}  # (the copy below is near-identical by its hashes too)
# the copies below keep the official icon's hashes and the stubbed verdicts contradict them: hashes that
# near confirm an icon by themselves (icons.near_identical_masks), so that rule is off here
ON = {"keypoints": {"aligned_matching": 1}, "icons": {"near_identical_masks": 0}}


def dots(fill=(20, 150, 150), rows=((0, 1, 2), (0, 1, 2), (1, 2))) -> Image.Image:
    """A white disc on a teal field holding a grid of identical teal dots."""
    img = Image.new("RGB", (160, 160), fill)
    draw = ImageDraw.Draw(img)
    draw.ellipse([14, 14, 146, 146], fill=(250, 250, 250))
    for r, columns in enumerate(rows):
        for c in columns:
            x, y = 50 + 30 * c, 50 + 30 * r
            draw.ellipse([x - 10, y - 10, x + 10, y + 10], fill=fill)
    return img


def cropped(img: Image.Image, share: float = 0.05) -> Image.Image:
    side = img.width
    cut = round(side * share)
    return img.crop((cut, cut, side - cut, side - cut)).resize((256, 256), Image.Resampling.LANCZOS)


@pytest.fixture()
def icons(tmp_path):
    dots().save(tmp_path / "official.png")
    cropped(dots()).save(tmp_path / "copy.png")
    # the same template with another arrangement of dots: not a copy
    dots(rows=((0, 2), (1,), (0, 2))).save(tmp_path / "other.png")
    return tmp_path


def test_a_copy_of_a_repeated_drawing_is_confirmed_by_keypoints_paired_by_place(icons, icon="copy.png"):
    before = LookalikeIndex([hxb_app()], load_config(overrides=OFF), icons_root=icons)
    assert before.screen_one(generic_listing(icon)) is None
    alert = LookalikeIndex([hxb_app()], load_config(overrides=ON), icons_root=icons).screen_one(
        generic_listing(icon)
    )
    assert alert is not None and alert.app_id == "hxb"
    reason = next(r for r in alert.reasons if r.signal == "icon_keypoints")
    assert reason.detail["channel"].startswith("aligned_") and reason.value >= 20
    assert "按原位配对特征点" in alert.explanation_zh


def test_the_same_template_with_other_dots_is_not_alerted(icons):
    index = LookalikeIndex([hxb_app()], load_config(overrides=ON), icons_root=icons)
    assert index.screen_one(generic_listing("other.png")) is None


@pytest.mark.parametrize("value", [2, -1, "yes"])
def test_the_setting_is_checked(value):
    with pytest.raises(ConfigError, match="keypoints.aligned_matching"):
        load_config(overrides={"keypoints": {"aligned_matching": value}})


@pytest.mark.parametrize("key", ["aligned_min_edge_agreement", "aligned_min_content_agreement"])
def test_the_agreements_are_checked(key):
    with pytest.raises(ConfigError, match=f"keypoints.{key}"):
        load_config(overrides={"keypoints": {key: 1.5}})


@pytest.mark.parametrize(
    ("agreement", "content", "alerts"),
    [(0.6, 0.6, True), (0.6, None, True), (0.49, 0.9, False), (0.9, 0.45, False), (None, None, False)],
)
def test_a_match_paired_by_place_needs_the_edges_and_the_drawing_to_agree(
    icons, monkeypatch, agreement, content, alerts
):
    """Two rings round another drawing pair by place with a ring logo's (holdout_s16: 90-123 matches,
    edges 0.65, the drawing inside 0.38)."""
    from appgov.engines.lookalike import index as index_module
    from appgov.engines.lookalike.keypoints import Verdict

    monkeypatch.setattr(
        index_module,
        "verify",
        lambda mine, theirs, **kw: Verdict(
            100, "aligned_luma", 1.0, 0.0, False, 0.4, 100, agreement, 1.0, content
        ),
    )
    index = LookalikeIndex([hxb_app()], load_config(overrides=ON), icons_root=icons)
    assert (index.screen_one(generic_listing("copy.png")) is not None) is alerts
