"""Session 19 (issue 14): an exact copy with a badge, a ribbon or a band of text over a corner or an edge
matches the official icon's masked hash of that part, but the overlay's own edges took its in-place
agreement below the bar (holdout_s18: a badge "3" over a flat gear, 0.71). The part a matched masked
hash hides is left out of the in-place comparison (keypoints.in_place, ``hidden``); never the middle,
where a template's outline holds another institution's drawing."""

from keypoint_fixtures import FONT, generic_listing
from PIL import Image, ImageDraw, ImageFont
from test_in_place import ring_logo

from appgov.engines.lookalike import LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.keypoints import features, in_place, official_features


def badged(img: Image.Image) -> Image.Image:
    out = img.copy()
    draw = ImageDraw.Draw(out)
    draw.ellipse([2, 76, 50, 124], fill=(20, 160, 80))
    draw.text((26, 100), "3", fill=(255, 255, 255), font=ImageFont.truetype(FONT, 30), anchor="mm")
    return out


def _features(img: Image.Image):
    return features(img.convert("RGB"), soft=False)


def test_the_hidden_corner_is_left_out_and_the_middle_never(tmp_path):
    ring_logo().save(tmp_path / "official.png")
    official = official_features(tmp_path / "official.png")
    copy = _features(badged(ring_logo()))
    whole = in_place(copy, official)
    assert whole[0] < 0.85
    agreement, _, channel = in_place(copy, official, ("masked_bl",))
    assert agreement >= 0.95 and channel.endswith("_without_masked_bl")
    # the middle is never left out: there a template holds another drawing
    assert in_place(copy, official, ("masked_middle", "masked_centre")) == whole
    # another drawing in the same ring stays apart with the corner left out
    other, _, _ = in_place(_features(ring_logo(inner="bar")), official, ("masked_bl",))
    assert other < 0.85


def test_a_badged_copy_is_confirmed_in_place_through_its_masked_hash(tmp_path):
    ring_logo().save(tmp_path / "official.png")
    badged(ring_logo()).save(tmp_path / "badged.png")
    ring_logo(inner="bar").save(tmp_path / "other.png")
    app = ProtectedApp(
        app_id="ring",
        institution="环银行",
        names=("环银行",),
        brand_keywords=("环银行",),
        package_ids=("com.ring.mobile",),
        developers=("环银行股份有限公司",),
        icon="official.png",
    )
    # the keypoints made to refuse everything: only the in-place comparison can confirm the icon
    refuse = {
        k: 500
        for k in ("min_inliers", "search_min_inliers", "weak_hash_min_inliers", "shape_min_inliers", "shape_exempt_inliers", "twin_min_inliers")
    }
    index = LookalikeIndex([app], load_config(overrides={"keypoints": refuse}), icons_root=tmp_path)
    hits = index._icon_hits([generic_listing("badged.png")]).get(0, {})
    assert "masked_bl" in hits.get(0, {}) or "masked_bl_wide" in hits.get(0, {})
    alert = index.screen_one(generic_listing("badged.png"))
    assert alert is not None and alert.app_id == "ring"
    reason = next(r for r in alert.reasons if r.signal == "icon_in_place")
    assert reason.detail["channel"].endswith("_without_masked_bl")
    assert "遮去左下角标后与官方图标原位叠合比对一致" in alert.explanation_zh
    assert index.screen_one(generic_listing("other.png")) is None
    off = {"keypoints": {**refuse, "in_place_hidden": 0}}
    assert LookalikeIndex([app], load_config(overrides=off), icons_root=tmp_path).screen_one(
        generic_listing("badged.png")
    ) is None
