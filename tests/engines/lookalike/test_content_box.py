"""The other shapes of a listing's icon. The content box: a logo shrunk onto a new field, moved, a word
below it, is cut out again (icons.content_box), hashed (``phash_box`` / ``value_box``) and verified by
keypoints at full size. Without the band: a logo squeezed above a band of text is stretched back
(icons.without_band) and verified so."""

import random

import pytest
from keypoint_fixtures import FONT, generic_listing, hxb_app, logo
from PIL import Image, ImageDraw, ImageFont

from appgov.engines.lookalike import LookalikeIndex, load_config
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.icons import content_box, fingerprint, phash_image, without_band
from appgov.engines.lookalike.keypoints import features, verify


def _distance(a: str, b: str) -> int:
    return bin(int(a, 16) ^ int(b, 16)).count("1")


def full_bleed() -> Image.Image:
    img = Image.new("RGB", (128, 128), (20, 60, 160))
    draw = ImageDraw.Draw(img)
    draw.rectangle([0, 40, 127, 80], fill=(240, 200, 30))  # a cross from edge to edge
    draw.rectangle([44, 0, 84, 127], fill=(200, 30, 30))
    return img


def moved_onto_field(img: Image.Image, scale=0.5, dx=22, field=(255, 255, 255), word="VIP") -> Image.Image:
    """The logo shrunk, set off-centre to one side on a new field, a word below it: none of the official
    icon's indexed variants (centred re-layouts) is near it."""
    side = round(128 * scale)
    out = Image.new("RGB", (128, 128), field)
    x, y = (128 - side) // 2 + dx, 10
    out.paste(img.resize((side, side), Image.Resampling.LANCZOS), (x, y))
    ImageDraw.Draw(out).text(
        (x + side // 2, y + side + 18),
        word,
        fill=(70, 70, 70),
        font=ImageFont.truetype(FONT, 16),
        anchor="mm",
    )
    return out


def test_the_box_of_a_moved_logo_is_the_logo_again():
    official = logo()
    copy = moved_onto_field(official)
    box = content_box(copy)
    assert box is not None and box.size == copy.size
    assert _distance(phash_image(box), phash_image(official)) <= 4
    # the word below is a block of its own and is left out
    assert _distance(phash_image(box), phash_image(content_box(moved_onto_field(official, word="")))) <= 2


@pytest.mark.parametrize(
    "image",
    [
        full_bleed(),  # a drawing that reaches the edges: no field around it
        Image.new("RGB", (128, 128), (255, 255, 255)),  # nothing drawn
        Image.new("RGB", (6, 6), (10, 200, 10)),  # too small to have a field
    ],
    ids=["full-bleed", "blank", "tiny"],
)
def test_no_box_without_a_field(image):
    assert content_box(image) is None
    assert not {"phash_box", "value_box"} & set(fingerprint(image))


def test_a_small_mark_is_not_a_box():
    img = Image.new("RGB", (128, 128), (255, 255, 255))
    ImageDraw.Draw(img).ellipse([100, 100, 116, 116], fill=(200, 0, 0))
    assert content_box(img) is None


def test_fingerprint_has_the_box_kinds_when_there_is_a_field():
    fp = fingerprint(moved_onto_field(logo()))
    assert {"phash_box", "value_box"} <= set(fp)
    assert _distance(fp["phash_box"], fingerprint(logo())["phash"]) <= 4


def _index(tmp_path):
    logo().save(tmp_path / "official.png")
    return LookalikeIndex([hxb_app()], load_config(), icons_root=tmp_path)


def test_a_logo_moved_onto_a_new_field_is_found_by_its_box(tmp_path):
    index = _index(tmp_path)
    moved_onto_field(logo()).save(tmp_path / "copy.png")
    alert = index.screen_one(generic_listing("copy.png"))
    assert alert is not None and alert.app_id == "hxb" and alert.kind == "suspect"
    keypoints = [r for r in alert.reasons if r.signal == "icon_keypoints"]
    assert keypoints and keypoints[0].detail["channel"].startswith("box_")
    assert "截取主体" in alert.explanation_zh  # what was done to the icon before it matched


def test_unrelated_drawings_on_a_field_are_not_alerted(tmp_path):
    index = _index(tmp_path)
    rng = random.Random(7)
    for n in range(30):
        img = Image.new("RGB", (128, 128), (255, 255, 255))
        draw = ImageDraw.Draw(img)
        x0, y0 = rng.randint(10, 40), rng.randint(10, 40)
        colour = tuple(rng.randint(0, 255) for _ in range(3))
        draw.ellipse([x0, y0, x0 + rng.randint(40, 70), y0 + rng.randint(40, 70)], fill=colour)
        draw.text(
            (64, 64), rng.choice(["AB", "Q", "ZK", "M"]), fill=(20, 20, 20), font=ImageFont.truetype(FONT, 20)
        )
        img.save(tmp_path / f"other{n}.png")
        assert index.screen_one(generic_listing(f"other{n}.png", f"L{n}")) is None


def test_content_box_off_is_the_engine_before_it(tmp_path):
    logo().save(tmp_path / "official.png")
    moved_onto_field(logo()).save(tmp_path / "copy.png")
    config = load_config(
        overrides={"icons": {"content_box": 0, "upright_tile": 0}, "keypoints": {"search_apps": 0}}
    )
    index = LookalikeIndex([hxb_app()], config, icons_root=tmp_path)
    assert not {"phash_box", "value_box", "dhash_tile"} & set(index.icon_indexes)
    assert index.screen_one(generic_listing("copy.png")) is None
    # the upright tile alone (the drawing against its field, cut out) finds the moved logo too
    config = load_config(overrides={"icons": {"content_box": 0}})
    alert = LookalikeIndex([hxb_app()], config, icons_root=tmp_path).screen_one(generic_listing("copy.png"))
    assert alert is not None and alert.reasons[0].detail["channel"].startswith("tile_")


@pytest.mark.parametrize("value", [2, -1, "yes"])
def test_content_box_setting_is_checked(value):
    with pytest.raises(ConfigError, match="icons.content_box"):
        load_config(overrides={"icons": {"content_box": value}})


def squeezed_above_band(
    img: Image.Image, band=30, colour=(200, 20, 20), top=False, word="官方"
) -> Image.Image:
    """The logo squeezed to make room for a band of text across the bottom (or top)."""
    out = Image.new("RGB", (128, 128), colour)
    out.paste(img.resize((128, 128 - band), Image.Resampling.LANCZOS), (0, band if top else 0))
    y = band // 2 if top else 128 - band // 2
    font = ImageFont.truetype("/usr/share/fonts/truetype/wqy/wqy-microhei.ttc", band - 6)
    ImageDraw.Draw(out).text((64, y), word, fill=(255, 255, 255), font=font, anchor="mm")
    return out


@pytest.mark.parametrize("top", [False, True], ids=["bottom", "top"])
def test_without_band_stretches_the_squeezed_logo_back(top):
    official = logo()
    restored = without_band(squeezed_above_band(official, top=top))
    assert restored is not None and restored.size == official.size
    assert _distance(phash_image(restored), phash_image(official)) <= 4


@pytest.mark.parametrize(
    "image",
    [full_bleed(), logo(), Image.new("RGB", (128, 128), (255, 255, 255)), moved_onto_field(logo())],
    ids=["full-bleed", "logo", "blank", "field-around-a-logo"],
)
def test_no_band_where_there_is_none(image):
    # a plain field below a drawing is the colour of the far edge too: no band
    assert without_band(image) is None


@pytest.mark.parametrize(
    ("view", "copy"),
    [("box", moved_onto_field(logo(), scale=0.45)), ("band", squeezed_above_band(logo(), band=34))],
)
def test_keypoints_compare_the_other_shape_at_full_size(view, copy):
    """The cut-out drawing / the icon without its band match the official icon at scale ~1, with far
    more agreeing matches than the listing's icon as it is."""
    official = features(logo())
    plain = verify(features(copy, soft=False), official)
    other = verify(features(copy, soft=False, views=(view,)), official)
    assert other.channel.startswith(f"{view}_")
    assert other.inliers > plain.inliers and other.inliers >= 40
    assert abs(other.scale - 1.0) < 0.1


def test_a_logo_squeezed_above_a_band_is_found_without_it(tmp_path):
    index = _index(tmp_path)
    squeezed_above_band(logo(), band=34).save(tmp_path / "band.png")
    alert = index.screen_one(generic_listing("band.png"))
    assert alert is not None and alert.app_id == "hxb"
    keypoints = [r for r in alert.reasons if r.signal == "icon_keypoints"]
    assert keypoints and keypoints[0].detail["channel"].startswith("band_")
    assert "去掉上下文字条" in alert.explanation_zh
    off = {"without_band": 0, "stretch_max_ratio": 0}
    off_index = LookalikeIndex([hxb_app()], load_config(overrides={"keypoints": off}), icons_root=tmp_path)
    assert off_index.screen_one(generic_listing("band.png")) is None  # squeezed: no similarity maps it back
    # ... but a map that scales the two axes apart does (session 20: keypoints.stretch_max_ratio)
    stretch_only = {"keypoints": {"without_band": 0}}
    found = LookalikeIndex([hxb_app()], load_config(overrides=stretch_only), icons_root=tmp_path).screen_one(
        generic_listing("band.png")
    )
    assert found is not None and found.app_id == "hxb"


def test_other_shapes_are_computed_only_for_pairs_that_need_them(tmp_path, monkeypatch):
    """The content box is compared only when the listing's box hashes are near the app's; the band view
    only when a band's mask matched. A drawing on a coloured field has a box, but not this logo's."""
    from appgov.engines.lookalike import keypoints as keypoints_module

    computed = []
    real = keypoints_module.views_of

    def counted(image, labels):
        computed.extend(labels)
        return real(image, labels)

    monkeypatch.setattr(keypoints_module, "views_of", counted)
    logo().save(tmp_path / "official.png")
    moved_onto_field(logo()).save(tmp_path / "copy.png")
    shapes = {"keypoints": {"search_views": 1}}
    index = LookalikeIndex([hxb_app()], load_config(overrides=shapes), icons_root=tmp_path)
    assert index.screen_one(generic_listing("copy.png")) is not None
    # with keypoints.search_views the search ranks every new icon in all its shapes (and its two parts,
    # keypoints.search_parts: this one has none)
    assert computed == ["mirror", "box", "tile", "part1", "part2"]
    computed.clear()
    index = _index(tmp_path)
    assert index.screen_one(generic_listing("copy.png")) is not None
    # the search looks for two parts in every new icon (keypoints.search_parts); the box and the tile
    # are compared because its box hashes and its tile's dHash are near the app's
    assert computed == ["part1", "part2", "box", "tile"]
    computed.clear()
    check = index._verifier(generic_listing("copy.png", "L2"), index.apps[0], {"phash_wide": 8})
    index._listing_hashes = lambda listing: {}  # no box hashes: nothing says the box is this logo
    assert check() is not None and computed == []
    computed.clear()
    squeezed_above_band(logo(), band=34).save(tmp_path / "band.png")
    check = index._verifier(generic_listing("band.png", "L3"), index.apps[0], {"masked_bottom": 0})
    assert check().channel.startswith("band_") and computed == ["band"]
