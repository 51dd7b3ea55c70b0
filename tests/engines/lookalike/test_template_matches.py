"""Session 14 (issue 14): matches on a shared template are no evidence.

Many ordinary icons are made on the template of a protected one: a white disc on a gradient, a rounded
square on a field, with another drawing inside. On the session-14 holdout set, 13 false alerts were of
that kind: 26-67 matches agreeing on the disc's outline, none on the drawing inside it. An official
icon's content (keypoints.Features.content) is what lies inside its container, away from the outline;
enough of the agreeing matches must lie there (keypoints.min_content_inliers)."""

import numpy as np
import pytest
from keypoint_fixtures import FONT, generic_listing
from PIL import Image, ImageDraw, ImageFont

from appgov.engines.lookalike import LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.keypoints import EDGE_SIDE, content_mask, official_features, verify


def _disc_icon(draw_inside, start=(190, 120, 20), end=(120, 30, 90)) -> Image.Image:
    """A white disc on a diagonal gradient, with a drawing inside it."""
    size = 192
    t = np.add.outer(np.arange(size), np.arange(size)) / (2 * (size - 1))
    pixels = np.array(start)[None, None] * (1 - t[..., None]) + np.array(end)[None, None] * t[..., None]
    img = Image.fromarray(pixels.astype(np.uint8))
    draw = ImageDraw.Draw(img)
    draw.ellipse([24, 24, 168, 168], fill=(255, 255, 255))
    draw_inside(draw)
    return img


def _official_mark(draw):
    draw.text((96, 96), "Zq", fill=(170, 110, 20), font=ImageFont.truetype(FONT, 64), anchor="mm")
    draw.rectangle([70, 130, 122, 138], fill=(170, 110, 20))


def _other_mark(draw):
    draw.polygon([(96, 52), (140, 136), (52, 136)], fill=(40, 160, 60))


def _app() -> ProtectedApp:
    return ProtectedApp(app_id="tp", institution="太平保险", names=("太平通",), icon="official.png")


@pytest.fixture()
def icons(tmp_path):
    _disc_icon(_official_mark).save(tmp_path / "official.png")
    _disc_icon(_other_mark).save(tmp_path / "template.png")
    copy = _disc_icon(_official_mark, start=(30, 90, 160), end=(20, 160, 120))
    copy.rotate(9, resample=Image.Resampling.BICUBIC).save(tmp_path / "copy.png")
    return tmp_path


def test_the_content_is_inside_the_container_away_from_its_outline(icons):
    mask = content_mask(Image.open(icons / "official.png"))
    assert mask is not None and mask.shape == (EDGE_SIDE, EDGE_SIDE)
    middle = EDGE_SIDE // 2
    assert mask[middle, middle] and not mask[2, 2]  # the disc's middle; the field outside it
    edge = round(EDGE_SIDE * 24 / 192) + 2  # just inside the disc's outline, on the left
    assert not mask[middle, edge]
    # a full-bleed field with a word on it has no container: every match is content
    word = Image.new("RGB", (128, 128), (200, 20, 20))
    ImageDraw.Draw(word).text((64, 64), "NJ", fill="white", font=ImageFont.truetype(FONT, 40), anchor="mm")
    assert content_mask(word) is None


def test_matches_on_the_template_alone_are_counted_apart(icons):
    official = official_features(icons / "official.png")
    template = verify(official_features(icons / "template.png"), official, need=4)
    copy = verify(official_features(icons / "copy.png"), official, need=4)
    assert template.inliers >= 20 and template.agreement > 0.3  # many matches, the outline's edges alike
    assert template.content is not None and template.content < 0.23  # the drawing inside is not
    assert copy.content is not None and copy.content > 0.6


def test_a_container_with_nothing_drawn_inside_refutes_nothing(tmp_path):
    """A ring logo is all outline: its copy's content agreement is not measured (None), not low."""
    ring = Image.new("RGB", (160, 160), (30, 20, 60))
    ImageDraw.Draw(ring).ellipse([20, 40, 140, 120], outline=(140, 60, 30), width=9)
    ring.save(tmp_path / "ring.png")
    ring.rotate(6, resample=Image.Resampling.BICUBIC).save(tmp_path / "ring_copy.png")
    verdict = verify(official_features(tmp_path / "ring_copy.png"), official_features(tmp_path / "ring.png"))
    assert content_mask(ring) is not None and verdict.content is None


def test_an_icon_on_the_same_template_is_not_a_copy(icons):
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    assert index.screen_one(generic_listing("template.png")) is None
    copy = index.screen_one(generic_listing("copy.png"))
    assert copy is not None and copy.app_id == "tp"
    content = copy.reasons[0].detail["content_agreement"]
    assert content > 0.6 and f"外框以内的图案 {round(100 * content)}% 一致" in copy.explanation_zh
    # without the rule, the shared disc is taken for the logo
    off = LookalikeIndex(
        [_app()], load_config(overrides={"keypoints": {"min_content_agreement": 0}}), icons_root=icons
    )
    assert off.screen_one(generic_listing("template.png")) is not None


@pytest.mark.parametrize("value", [-0.1, 1.5])
def test_the_setting_is_checked(value):
    from appgov.engines.lookalike.config import ConfigError

    with pytest.raises(ConfigError, match="min_content_agreement"):
        load_config(overrides={"keypoints": {"min_content_agreement": value}})
