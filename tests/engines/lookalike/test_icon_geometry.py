"""Geometric icon imitations (issue 14): a turned copy and a stamp over the middle of the official icon,
under a name without brand or finance words, are `suspect` alerts naming the app; not without the
geometric variants / the centre mask; another bank's icon treated the same way stays silent."""

import pytest
from keypoint_fixtures import generic_listing as _listing
from keypoint_fixtures import hxb_app as _app
from PIL import Image, ImageDraw

from appgov.engines.lookalike import Listing, LookalikeIndex, fingerprint, load_config
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.icons import geometric_variants, phash_image, phash_many


def _official_logo() -> Image.Image:
    img = Image.new("RGB", (128, 128), (240, 236, 228))
    draw = ImageDraw.Draw(img)
    draw.ellipse([12, 12, 116, 116], fill=(200, 24, 24))
    draw.rectangle([44, 30, 84, 96], fill=(255, 255, 255))
    draw.polygon([(24, 108), (64, 66), (104, 108)], fill=(30, 30, 30))
    return img


def _other_bank_logo() -> Image.Image:
    img = Image.new("RGB", (128, 128), (240, 236, 228))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle([16, 28, 112, 100], radius=14, fill=(200, 24, 24))
    draw.ellipse([40, 40, 88, 88], fill=(255, 255, 255))
    draw.rectangle([16, 104, 112, 116], fill=(30, 30, 30))
    return img


def _turned(img: Image.Image, angle: float) -> Image.Image:
    return img.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=(240, 236, 228))


def _centre_stamp(img: Image.Image) -> Image.Image:
    out = img.copy()
    ImageDraw.Draw(out).ellipse([48, 48, 82, 82], fill=(250, 200, 20))
    return out


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    folder = tmp_path_factory.mktemp("geometry")
    official = _official_logo()
    for name, image in {
        "official.png": official,
        "turned.png": _turned(official, 13),
        "stamped.png": _centre_stamp(official),
        "other_turned.png": _turned(_other_bank_logo(), 13),
        "other_stamped.png": _centre_stamp(_other_bank_logo()),
    }.items():
        image.save(folder / name)
    return folder


def _index(icons, **icon_settings):
    app = _app()
    config = load_config(overrides={"icons": icon_settings} if icon_settings else None)
    return LookalikeIndex([app], config, icons_root=icons)


def test_batch_phash_is_bit_identical_to_imagehash():
    images = [_official_logo(), *geometric_variants(_official_logo())[:8], _other_bank_logo()]
    assert phash_many(images) == [phash_image(im) for im in images]


def _no_keypoints(icons, **icon_settings):
    config = load_config(overrides={"keypoints": {"enabled": 0}, "icons": icon_settings})
    return LookalikeIndex([_index(icons).apps[0].app], config, icons_root=icons)


def test_turned_copy_under_a_generic_name_is_a_suspect(icons):
    alert = _index(icons).screen_one(_listing("turned.png"))
    assert alert is not None and (alert.app_id, alert.kind) == ("hxb", "suspect")
    keypoints = alert.reasons[0]
    assert keypoints.signal == "icon_keypoints" and keypoints.value >= 20
    assert abs(keypoints.detail["angle"]) == pytest.approx(13, abs=2)  # the turn is measured
    # without keypoints, by the hash rules: both hashes of a turned variant of the official icon
    alert = _no_keypoints(icons).screen_one(_listing("turned.png"))
    icon_reasons = [r for r in alert.reasons if r.signal.startswith("icon")]
    assert icon_reasons and all(r.detail.get("geometric_variant") for r in icon_reasons)
    # without the geometric variants, nothing: the plain pHash family does not see a turned copy
    assert _no_keypoints(icons, geometry_variants=0).screen_one(_listing("turned.png")) is None


def test_stamp_over_the_middle_is_seen_through_the_centre_mask(icons):
    fp = fingerprint(icons / "stamped.png")
    official = fingerprint(icons / "official.png")
    assert bin(int(fp["phash"], 16) ^ int(official["phash"], 16)).count("1") > 4
    assert bin(int(fp["masked_centre"], 16) ^ int(official["masked_centre"], 16)).count("1") <= 2
    index = _index(icons)
    # under a finance name the masked middle is evidence enough for a suspect ...
    alert = index.screen_one(Listing(listing_id="L1", source="store", name="手机银行", icon="stamped.png"))
    assert alert is not None and (alert.app_id, alert.kind) == ("hxb", "suspect")
    assert any(r.detail.get("masked_corner") == "centre" for r in alert.reasons)
    assert "中央贴标" in alert.explanation_zh
    # ... under a generic name the masked middle does not confirm on its own (the periphery of many
    # icons is alike); the keypoints do: the stamp hides little of the drawing
    alert = index.screen_one(_listing("stamped.png"))
    assert (alert.app_id, alert.kind, alert.reasons[0].signal) == ("hxb", "suspect", "icon_keypoints")
    assert _no_keypoints(icons).screen_one(_listing("stamped.png")) is None


def _wide_label(img: Image.Image) -> Image.Image:
    """A rounded label wider than masked_centre's square, set a little off the centre."""
    out = img.copy()
    draw = ImageDraw.Draw(out)
    draw.rounded_rectangle([44, 46, 100, 70], radius=6, fill=(30, 160, 60))
    draw.text((72, 58), "HOT", fill=(0, 0, 0), anchor="mm")
    return out


def test_a_wide_label_off_the_centre_is_seen_through_the_middle_mask(tmp_path):
    _official_logo().save(tmp_path / "official.png")
    _wide_label(_official_logo()).save(tmp_path / "labelled.png")
    _wide_label(_other_bank_logo()).save(tmp_path / "other_labelled.png")
    fp, official = fingerprint(tmp_path / "labelled.png"), fingerprint(tmp_path / "official.png")

    def bits(kind):
        return bin(int(fp[kind], 16) ^ int(official[kind], 16)).count("1")

    assert bits("masked_centre") > 4 and bits("masked_middle") <= 2  # the label shows past the centre mask
    index = _index(tmp_path)
    alert = index.screen_one(Listing(listing_id="L1", source="store", name="手机银行", icon="labelled.png"))
    assert alert is not None and alert.app_id == "hxb"
    assert any(r.detail.get("hash_kinds") == ["masked_middle"] for r in alert.reasons)
    assert any(r.detail.get("masked_corner") == "middle" for r in alert.reasons)
    assert "图标除中部大块贴标外与官方图标相同" in alert.explanation_zh
    alert = index.screen_one(_listing("labelled.png"))
    assert (alert.app_id, alert.kind, alert.reasons[0].signal) == ("hxb", "suspect", "icon_keypoints")
    assert alert.reasons[0].detail["hash_kinds"] == ["masked_middle"]
    # icons.masked_middle: 0 leaves the table out (the wide shortlist tables still reach this one app)
    hits = _index(tmp_path, masked_middle=0)._icon_hits([_listing("labelled.png")])[0][0]
    assert "masked_middle" not in hits and "masked_middle" in index._icon_hits([_listing("labelled.png")])[0][0]
    assert index.screen_one(_listing("other_labelled.png")) is None


def test_the_middle_mask_setting_is_checked():
    with pytest.raises(ConfigError, match="icons.masked_middle"):
        load_config(overrides={"icons": {"masked_middle": 2}})


def test_another_banks_icon_treated_the_same_way_stays_silent(icons):
    index = _index(icons)
    for icon in ("other_turned.png", "other_stamped.png"):
        assert index.screen_one(_listing(icon)) is None
