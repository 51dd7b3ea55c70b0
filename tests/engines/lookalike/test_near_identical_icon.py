"""Session 25 (issue 14): a blurred, pixelated or cell-filtered copy of an official icon keeps too few
corners for the keypoints, so under a name without brand text it was never confirmed, though its pHash,
value hash and masked hashes were all within 2 bits of the official icon's (holdout_s24: a pixelated,
a blurred and a stained-glass copy). An icon whose pHash and value hash and at least
``icons.near_identical_masks`` of the eight masked hashes lie that close is now confirmed by the hashes
alone. Across the twelve earlier holdout sets no negative listing had both its pHash and value hash that
close to any official icon."""

import pytest
from keypoint_fixtures import generic_listing, hxb_app, logo, screen_copy, unrelated
from PIL import Image

from appgov.engines.lookalike import ConfigError, LookalikeIndex, load_config
from appgov.engines.lookalike.scoring import near_identical_masks

ICONS = load_config()["icons"]
MASKS = ("masked_tl", "masked_tr", "masked_bl", "masked_br", "masked_centre", "masked_middle", "masked_top")


def _pixelated(img: Image.Image, cells: int = 16) -> Image.Image:
    return img.resize((cells, cells), Image.Resampling.BOX).resize(img.size, Image.Resampling.NEAREST)


def _near(settings: dict) -> dict:
    return {**ICONS, **settings}


def test_a_pixelated_copy_is_confirmed_by_its_hashes(tmp_path):
    alert = screen_copy(tmp_path, logo(), _pixelated(logo()))
    assert alert is not None and alert.app_id == "hxb"
    details = {r.signal: r.detail for r in alert.reasons}
    assert "icon_keypoints" not in details  # the keypoints did not confirm it ...
    assert details["icon_phash"]["near_identical_masks"] >= ICONS["near_identical_masks"]  # ... the hashes did
    assert details["icon_phash"]["confirmed"] is True
    assert "特征点不足以比对" in alert.explanation_zh


def test_without_the_rule_the_pixelated_copy_is_missed(tmp_path):
    official, copy = logo(), _pixelated(logo())
    official.save(tmp_path / "official.png")
    copy.save(tmp_path / "copy.png")
    config = load_config(overrides={"icons": {"near_identical_masks": 0}})
    assert LookalikeIndex([hxb_app()], config, icons_root=tmp_path).screen_one(generic_listing("copy.png")) is None


def test_an_unrelated_icon_is_not(tmp_path):
    assert screen_copy(tmp_path, logo(), _pixelated(unrelated())) is None


def test_the_phash_and_the_value_hash_must_both_be_near():
    masks = dict.fromkeys(MASKS, 0)
    assert near_identical_masks({"phash": 2, "value": 2, **masks}, ICONS) == len(MASKS)
    assert near_identical_masks({"phash": 2, "value": 3, **masks}, ICONS) is None
    assert near_identical_masks({"value": 0, **masks}, ICONS) is None  # no pHash hit at all
    assert near_identical_masks({"phash": 0, **masks}, ICONS) is None


def test_enough_masked_hashes_must_be_near_too():
    least = ICONS["near_identical_masks"]
    few = dict.fromkeys(MASKS[: least - 1], 1)
    enough = dict.fromkeys(MASKS[:least], 1)
    assert near_identical_masks({"phash": 0, "value": 0, **few}, ICONS) is None
    assert near_identical_masks({"phash": 0, "value": 0, **enough}, ICONS) == least
    # wide or far masked matches (another kind) do not count
    wide = {f"{k}_wide": 0 for k in MASKS}
    assert near_identical_masks({"phash": 0, "value": 0, **few, **wide}, ICONS) is None
    assert near_identical_masks({"phash": 0, "value": 0, **enough}, _near({"near_identical_masks": 0})) is None


def test_the_setting_is_checked():
    with pytest.raises(ConfigError, match="near_identical_masks"):
        load_config(overrides={"icons": {"near_identical_masks": 9}})
