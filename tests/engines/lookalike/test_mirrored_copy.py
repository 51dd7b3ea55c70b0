"""Session 15 (issue 14): a counterfeit flips a text-free emblem left to right.

No pHash survives a flip of an asymmetric drawing, and ORB descriptors are not mirror-invariant: the
holdout sets written blind found 3 of 14 mirrored copies (s14 ``icon_mirror`` 2/6, s15
``pos_icon_flip`` 1/8). The official icon mirrored is now indexed (``phash_mirror`` / ``value_mirror``,
counted as a geometric variant) and a pair matched so is verified on the listing's icon flipped back."""

import io

import pytest
from keypoint_fixtures import generic_listing, hxb_app, unrelated
from PIL import Image, ImageDraw, ImageOps

from appgov.engines.lookalike import LookalikeIndex, load_config
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.icons import mirror_hashes, official_hashes


def emblem() -> Image.Image:
    """An asymmetric emblem without text: a sail and a wave, heavier on the left."""
    img = Image.new("RGB", (128, 128), (235, 240, 246))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle([10, 10, 118, 118], radius=22, fill=(14, 84, 160))
    draw.polygon([(30, 96), (30, 22), (84, 96)], fill=(250, 250, 250))
    draw.polygon([(38, 86), (38, 44), (66, 86)], fill=(230, 60, 40))
    draw.ellipse([78, 26, 102, 50], fill=(250, 196, 30))
    draw.arc([20, 88, 112, 118], start=200, end=340, fill=(250, 250, 250), width=5)
    return img


def _jpeg(image: Image.Image, quality: int = 70) -> Image.Image:
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buffer.getvalue())).convert("RGB")


@pytest.fixture()
def icons(tmp_path):
    emblem().save(tmp_path / "official.png")
    ImageOps.mirror(emblem()).save(tmp_path / "flipped.png")
    _jpeg(ImageOps.mirror(emblem()).resize((96, 96))).save(tmp_path / "flipped_jpeg.png")
    unrelated().save(tmp_path / "other.png")
    ImageOps.mirror(unrelated()).save(tmp_path / "other_flipped.png")
    return tmp_path


@pytest.mark.parametrize("icon", ["flipped.png", "flipped_jpeg.png"])
def test_a_mirrored_copy_alerts_under_a_generic_name(icons, icon):
    index = LookalikeIndex([hxb_app()], load_config(), icons_root=icons)
    alert = index.screen_one(generic_listing(icon))
    assert alert is not None and (alert.app_id, alert.kind) == ("hxb", "suspect")
    keypoints = alert.reasons[0]
    assert keypoints.signal == "icon_keypoints" and keypoints.detail["channel"].startswith("mirror")
    assert "左右翻转回来后" in alert.explanation_zh


def test_without_the_mirror_tables_the_flipped_copy_is_missed(icons):
    index = LookalikeIndex([hxb_app()], load_config(overrides={"icons": {"mirror": 0}}), icons_root=icons)
    assert "phash_mirror" not in index.icon_indexes
    assert index.screen_one(generic_listing("flipped.png")) is None


@pytest.mark.parametrize("icon", ["other.png", "other_flipped.png"])
def test_an_unrelated_icon_flipped_or_not_is_not_alerted(icons, icon):
    index = LookalikeIndex([hxb_app()], load_config(), icons_root=icons)
    assert index.screen_one(generic_listing(icon)) is None


def test_a_symmetric_icon_has_no_mirror_entry(tmp_path):
    disc = Image.new("RGB", (128, 128), (255, 255, 255))  # one pixel off its axis, as drawn
    ImageDraw.Draw(disc).ellipse([20, 20, 108, 108], fill=(200, 20, 20))
    assert mirror_hashes(disc) == {}
    disc.save(tmp_path / "disc.png")
    emblem().save(tmp_path / "emblem.png")
    assert "phash_mirror" not in official_hashes(tmp_path / "disc.png")
    assert {"phash_mirror", "value_mirror"} <= set(official_hashes(tmp_path / "emblem.png"))
    assert "phash_mirror" not in official_hashes(tmp_path / "emblem.png", geometry=False)


def test_the_mirror_setting_is_checked():
    with pytest.raises(ConfigError, match="icons.mirror"):
        load_config(overrides={"icons": {"mirror": 2}})
