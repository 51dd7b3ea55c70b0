"""Keypoint verification of icons (issue 14): a logo shrunk onto a new background is matched; an icon
that the hashes put near an official one but that is another drawing does not alert under a generic
name; the verifier's verdicts on hand-made icons."""

import pytest
from keypoint_fixtures import FONT
from keypoint_fixtures import generic_listing as _listing
from keypoint_fixtures import hxb_app as _app
from keypoint_fixtures import logo as _logo
from PIL import Image, ImageDraw, ImageFont

from appgov.engines.lookalike import Listing, LookalikeIndex, load_config
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.keypoints import features, verify


def _other_logo() -> Image.Image:
    """Another drawing in the same palette and layout."""
    img = Image.new("RGB", (128, 128), (240, 236, 228))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle([14, 14, 114, 114], radius=30, fill=(200, 24, 24))
    draw.ellipse([40, 34, 88, 82], fill=(255, 255, 255))
    draw.rectangle([28, 96, 100, 108], fill=(30, 30, 30))
    return img


def _tiles(img: Image.Image) -> Image.Image:
    """A generic icon of coloured tiles whose coarse layout follows the official icon's: the
    low-frequency hashes land near the official ones, the drawing is another."""
    return img.resize((8, 8), Image.Resampling.BOX).resize((128, 128), Image.Resampling.NEAREST)


def _relayout(img: Image.Image, scale: float, background, word: str | None) -> Image.Image:
    """The logo shrunk onto a new background, raised, perhaps with a word below it."""
    side = round(128 * scale)
    out = Image.new("RGB", (128, 128), background)
    y = (128 - side) // 4
    out.paste(img.resize((side, side), Image.Resampling.LANCZOS), ((128 - side) // 2, y))
    if word:
        ImageDraw.Draw(out).text(
            (64, (y + side + 128) // 2),
            word,
            fill=(60, 60, 60),
            font=ImageFont.truetype(FONT, 14),
            anchor="mm",
        )
    return out


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    folder = tmp_path_factory.mktemp("keypoints")
    official = _logo()
    for name, image in {
        "official.png": official,
        "relayout_white.png": _relayout(official, 0.66, (255, 255, 255), "NEW"),
        "relayout_grey.png": _relayout(official, 0.7, (245, 245, 245), None),
        "other_relayout.png": _relayout(_other_logo(), 0.66, (255, 255, 255), "NEW"),
        "other.png": _other_logo(),
        "tiles.png": _tiles(official),
    }.items():
        image.save(folder / name)
    return folder


def test_logo_shrunk_onto_a_new_background_is_matched(icons):
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    for icon in ("relayout_white.png", "relayout_grey.png"):
        alert = index.screen_one(_listing(icon))
        assert alert is not None and (alert.app_id, alert.kind) == ("hxb", "suspect"), icon
        reason = alert.reasons[0]
        assert reason.signal == "icon_keypoints" and reason.value >= 20
        if reason.detail["channel"].startswith("box_"):  # compared by its content box, cut out at full size
            assert 0.7 < reason.detail["scale"] < 1.3
        else:  # the listing's logo is smaller: scaled up to the official
            assert 1.2 < reason.detail["scale"] < 1.7
        assert "特征点" in alert.explanation_zh
    # no whole-image hash sees it; without the verifier only its content box's two hashes do (the logo
    # cut out of the white field is the official icon again), as a geometric variant
    off = LookalikeIndex([_app()], load_config(overrides={"keypoints": {"enabled": 0}}), icons_root=icons)
    alert = off.screen_one(_listing("relayout_white.png"))
    assert alert is not None and alert.app_id == "hxb"
    assert all(r.detail.get("geometric_variant") for r in alert.reasons)
    off_box = LookalikeIndex(
        [_app()],
        load_config(overrides={"keypoints": {"enabled": 0}, "icons": {"geometry_variants": 0}}),
        icons_root=icons,
    )
    assert off_box.screen_one(_listing("relayout_white.png")) is None


def test_another_drawing_relaid_out_the_same_way_is_not_matched(icons):
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    assert index.screen_one(_listing("other_relayout.png")) is None
    assert index.screen_one(_listing("other.png")) is None


def test_generic_icon_under_a_generic_name_does_not_alert(icons):
    """The hash rules alone confirm it (pHash and a corner mask agree): an icon-only false alert, the
    kind that cost precision at scale. The keypoints refute it."""
    off = LookalikeIndex([_app()], load_config(overrides={"keypoints": {"enabled": 0}}), icons_root=icons)
    alert = off.screen_one(_listing("tiles.png"))
    assert alert is not None and alert.kind == "suspect"
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    assert index.screen_one(_listing("tiles.png")) is None
    # as a hash-only listing it cannot be verified and, by default, is not confirmed either
    from appgov.engines.lookalike import fingerprint

    fp = fingerprint(icons / "tiles.png")
    hashes_only = Listing(
        listing_id="L2",
        source="store",
        name="天气预报",
        icon_phash=fp["phash"],
        icon_hashes={k: v for k, v in fp.items() if k != "phash"},
    )
    assert index.screen_one(hashes_only) is None


def test_verifier_counts_agreeing_matches_only():
    official = features(_logo())
    copy = verify(features(_relayout(_logo(), 0.66, (255, 255, 255), "NEW"), soft=False), official)
    other = verify(features(_relayout(_other_logo(), 0.66, (255, 255, 255), "NEW"), soft=False), official)
    turned = verify(features(_logo().rotate(20, fillcolor=(255, 255, 255)), soft=False), official)
    assert copy.inliers >= 20 and other.inliers < 20
    assert turned.inliers >= 20 and abs(abs(turned.angle) - 20) < 3


def test_keypoint_settings_are_checked():
    with pytest.raises(ConfigError, match="keypoints.enabled"):
        load_config(overrides={"keypoints": {"enabled": 2}})
    with pytest.raises(ConfigError, match="keypoints.min_inliers"):
        load_config(overrides={"keypoints": {"min_inliers": 1}})
