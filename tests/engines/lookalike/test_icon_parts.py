"""Session 21 (issue 14): the official emblem lifted onto a new background beside a new word (钱包, 查询)
was missed on every blind set that had it (holdout_s20: 7 of 7). As a whole, the icon shares few
keypoints with the official one and no hash; cut in two at the gap between emblem and word, one part is
the emblem again (parts.py; keypoints.search_parts)."""

import numpy as np
import pytest
from keypoint_fixtures import generic_listing, hxb_app, logo, unrelated
from PIL import Image, ImageDraw, ImageFont
from test_stretch import squashed as squashed_logo

from appgov.engines.lookalike import ConfigError, LookalikeIndex, load_config
from appgov.engines.lookalike.keypoints import UNSTRETCHED, Features, features, official_features, verify
from appgov.engines.lookalike.parts import first_part, second_part, split

CJK_FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"


def _gradient(size: int = 128) -> Image.Image:
    across = np.linspace(0, 1, size)[None, :, None]
    row = np.array([40, 90, 170]) * (1 - across) + np.array([120, 40, 160]) * across
    return Image.fromarray(row.repeat(size, axis=0).astype(np.uint8))


def beside_word(emblem: Image.Image, side: int = 40, word: str = "钱包") -> Image.Image:
    """The emblem shrunk to ``side`` pixels at the left of a 128-pixel icon on a gradient, a word in two
    large white characters on the right."""
    out = _gradient()
    out.paste(emblem.resize((side, side), Image.Resampling.LANCZOS), (6, (128 - side) // 2))
    draw = ImageDraw.Draw(out)
    font = ImageFont.truetype(CJK_FONT, 40)
    for i, character in enumerate(word):
        draw.text((96, 36 + 50 * i), character, fill=(255, 255, 255), font=font, anchor="mm")
    return out


def _drawn_box(part: Image.Image) -> tuple[float, float]:
    """Width and height of the part's drawing (pixels off the part's corner colour), as shares of its side."""
    pixels = np.asarray(part.convert("RGB"), np.int16)
    drawn = (np.abs(pixels - pixels[1, 1]) > 60).any(axis=2)
    rows, columns = np.flatnonzero(drawn.any(axis=1)), np.flatnonzero(drawn.any(axis=0))
    return (columns[-1] - columns[0] + 1) / part.width, (rows[-1] - rows[0] + 1) / part.height


def official_features_of(img: Image.Image, folder) -> Features:
    img.save(folder / "official.png")
    return official_features(folder / "official.png")


def test_an_emblem_beside_a_word_splits_into_the_emblem_and_the_word(tmp_path):
    parts = split(beside_word(logo()))
    assert parts is not None
    emblem, word = parts
    # the emblem part is cut out square around the emblem alone: it fills most of the part
    assert abs(emblem.width - emblem.height) <= 2
    width, height = _drawn_box(emblem)
    assert 0.8 <= width <= 1.0 and 0.8 <= height <= 1.0
    # ... and its keypoints are the official emblem's again
    official = official_features_of(logo(), tmp_path)
    assert verify(features(emblem, soft=False), official, need=4).inliers >= 40
    assert verify(features(word, soft=False), official, need=4).inliers < 10


def test_a_word_below_the_emblem_splits_by_rows():
    out = _gradient()
    out.paste(logo().resize((56, 56), Image.Resampling.LANCZOS), (36, 8))
    ImageDraw.Draw(out).text((64, 100), "查询", fill=(255, 255, 255), font=ImageFont.truetype(CJK_FONT, 30), anchor="mm")
    first, second = split(out)
    assert _drawn_box(first)[0] > 0.8  # the emblem, cut out on its own
    assert first_part(out).size == first.size and second_part(out).size == second.size


@pytest.mark.parametrize(
    "icon",
    [
        lambda: logo(),  # one drawing
        lambda: unrelated(),
        lambda: _gradient(),  # a background alone has no edge
        lambda: Image.new("RGB", (128, 128), (30, 120, 200)),
    ],
)
def test_a_single_drawing_has_no_parts(icon):
    assert split(icon()) is None


def test_a_tiny_icon_is_not_split():
    assert split(beside_word(logo()).resize((24, 24))) is None
    assert split(beside_word(logo()).resize((48, 48))) is not None


def test_a_sliver_at_the_side_is_no_part():
    out = logo()
    ImageDraw.Draw(out).rectangle([120, 40, 122, 80], fill=(0, 0, 0))  # a thin mark near the edge
    assert split(out) is None


def test_the_copy_beside_a_word_alerts_through_its_emblem_part(tmp_path):
    logo().save(tmp_path / "official.png")
    beside_word(logo()).save(tmp_path / "copy.png")
    beside_word(unrelated()).save(tmp_path / "other.png")
    index = LookalikeIndex([hxb_app()], load_config(), icons_root=tmp_path)
    alert = index.screen_one(generic_listing("copy.png"))
    assert alert is not None and alert.app_id == "hxb"
    reason = next(r for r in alert.reasons if r.signal == "icon_keypoints")
    assert reason.detail["channel"].startswith("part1_")
    assert "单独截出左（上）部分图案后" in alert.explanation_zh
    assert index.screen_one(generic_listing("other.png")) is None
    off = load_config(overrides={"keypoints": {"search_parts": 0}})
    assert LookalikeIndex([hxb_app()], off, icons_root=tmp_path).screen_one(generic_listing("copy.png")) is None


def test_a_part_is_never_fitted_by_the_stretch(tmp_path):
    """A part has no frame to hold a stretch fit: the same squashed drawing is fitted by the stretch as
    the icon's content box, never as a part."""
    squashed = features(squashed_logo(logo(), 0.72, "x"), soft=False)
    official = official_features_of(logo(), tmp_path)
    as_box = type(squashed)({}, False, (("box", squashed),))
    as_part = type(squashed)({}, False, (("part1", squashed),))
    assert verify(as_box, official, need=4, stretch=1.5).channel.endswith("_stretched")
    found = verify(as_part, official, need=4, stretch=1.5)
    assert found.channel.startswith("part1_") and not found.channel.endswith("_stretched")
    assert UNSTRETCHED == {"part1", "part2"}


def test_search_parts_must_be_0_or_1():
    with pytest.raises(ConfigError, match="search_parts"):
        load_config(overrides={"keypoints": {"search_parts": 2}})
