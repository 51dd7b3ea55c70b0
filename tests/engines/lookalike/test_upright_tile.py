"""Session 14 (issue 14): the official icon as a tile, turned and shrunk onto a new gradient background.

No pHash survives that (the session-13 holdout set missed 33 of 39 turned copies, most of them with
plenty of agreeing keypoints, because no hash put them on the shortlist): the upright tile (tile.py) is
cut out against a fitted background plane, turned back, and looked up by its dHash."""

import numpy as np
import pytest
from keypoint_fixtures import generic_listing, hxb_app, logo, unrelated
from PIL import Image

from appgov.engines.lookalike import LookalikeIndex, load_config
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.icons import fingerprint, official_hashes
from appgov.engines.lookalike.tile import dhash_image, upright_tile


def _gradient(size=192, start=(40, 140, 90), end=(150, 40, 170)) -> Image.Image:
    """A diagonal gradient background (no plain field: icons.content_box finds no box on it)."""
    t = np.add.outer(np.arange(size), np.arange(size)) / (2 * (size - 1))
    pixels = np.array(start)[None, None] * (1 - t[..., None]) + np.array(end)[None, None] * t[..., None]
    return Image.fromarray(pixels.astype(np.uint8))


def _tile_on_gradient(angle: float, scale: float = 0.78) -> Image.Image:
    """The official icon as a rounded tile at ``scale`` of the side, turned by ``angle``, centred."""
    out = _gradient()
    side = round(out.width * scale)
    tile = logo().resize((side, side), Image.Resampling.LANCZOS).convert("RGBA")
    turned = tile.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True)
    out.paste(turned, ((out.width - turned.width) // 2, (out.height - turned.height) // 2), turned)
    return out


def _distance(a: str, b: str) -> int:
    return (int(a, 16) ^ int(b, 16)).bit_count()


@pytest.mark.parametrize("angle", [-24, -11, 0, 8, 19, 28])
def test_the_tile_is_turned_back_and_cut_out(angle):
    tile = upright_tile(_tile_on_gradient(angle))
    assert tile is not None and tile.size == (128, 128)
    assert tile.info["turn"] == pytest.approx(angle, abs=2.5)  # the turn that was undone, as measured
    assert tile.info["zoom"] == pytest.approx(1 / 0.78, rel=0.08)
    # within the lookup's 8 bits up to ~20°; the far turns lose a little more to resampling twice
    assert _distance(dhash_image(tile), dhash_image(logo())) <= (8 if abs(angle) <= 20 else 12)


def test_an_icon_without_a_background_has_no_tile():
    noise = np.random.default_rng(3).integers(0, 256, (128, 128, 3), dtype=np.uint8)
    assert upright_tile(Image.fromarray(noise)) is None  # no plane fits its ring
    assert upright_tile(Image.new("RGB", (128, 128), (30, 60, 90))) is None  # flat: nothing drawn
    assert "dhash_tile" not in fingerprint(Image.new("RGB", (128, 128), (30, 60, 90)))


def test_listing_and_official_carry_the_tile_hashes(tmp_path):
    logo().save(tmp_path / "official.png")
    listing = fingerprint(_tile_on_gradient(17))
    assert {"dhash_tile", "dhash_v_tile", "phash_tile"} <= set(listing)
    official = official_hashes(tmp_path / "official.png")
    assert dhash_image(logo()) in official["dhash_tile"]  # the whole icon: a copy's tile is all of it
    assert min(_distance(listing["dhash_tile"], h) for h in official["dhash_tile"]) <= 8
    assert "dhash_tile" not in official_hashes(tmp_path / "official.png", geometry=False)


@pytest.fixture()
def icons(tmp_path):
    logo().save(tmp_path / "official.png")
    _tile_on_gradient(21).save(tmp_path / "turned.png")
    _tile_on_gradient(-9, scale=0.7).save(tmp_path / "shrunk.png")
    unrelated().save(tmp_path / "other.png")
    return tmp_path


@pytest.mark.parametrize(("icon", "angle"), [("turned.png", 21), ("shrunk.png", -9)])
def test_a_tile_turned_on_a_gradient_alerts_under_a_generic_name(icons, icon, angle):
    index = LookalikeIndex([hxb_app()], load_config(), icons_root=icons)
    alert = index.screen_one(generic_listing(icon))
    assert alert is not None and (alert.app_id, alert.kind) == ("hxb", "suspect")
    keypoints = alert.reasons[0]
    assert keypoints.signal == "icon_keypoints" and keypoints.value >= 20
    assert "摆正并截出图块" in alert.explanation_zh
    # the transform is reported for the listing's icon, not for the tile turned back
    assert abs(keypoints.detail["angle"]) == pytest.approx(abs(angle), abs=3)


def test_without_the_tile_the_turned_copy_is_missed(icons):
    config = load_config(overrides={"icons": {"upright_tile": 0}, "keypoints": {"search_apps": 0}})
    index = LookalikeIndex([hxb_app()], config, icons_root=icons)
    assert "dhash_tile" not in index.icon_indexes
    assert index.screen_one(generic_listing("turned.png")) is None


def test_an_unrelated_icon_is_not_alerted(icons):
    index = LookalikeIndex([hxb_app()], load_config(), icons_root=icons)
    assert index.screen_one(generic_listing("other.png")) is None


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("icons", "upright_tile", 2),
        ("icons", "tile_shortlist_distance", 40),
        ("icons", "tile_shortlist_distance", -1),
        ("keypoints", "tile_apps", -1),
    ],
)
def test_tile_settings_are_checked(section, key, value):
    with pytest.raises(ConfigError, match=f"{section}.{key}"):
        load_config(overrides={section: {key: value}})
