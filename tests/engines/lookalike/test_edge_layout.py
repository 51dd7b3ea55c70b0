"""Session 20 (issue 14): a copy recoloured, inverted or darkened keeps every edge of the official drawing
in place, but its hashes and its keypoints' ranking change with the colours (holdout_s13: 14 of 39
recoloured copies had no hash near their app and the search ranked other apps first). The app whose
official icon's edge layout is nearest the listing icon's is verified too (edge_layout.py;
keypoints.edge_layout_max_distance)."""

import numpy as np
import pytest
from keypoint_fixtures import generic_listing, hxb_app, logo, unrelated
from PIL import Image, ImageOps
from test_in_place import ring_logo

from appgov.engines.lookalike import ConfigError, LookalikeIndex, load_config
from appgov.engines.lookalike.edge_layout import KEPT, EdgeLayouts, layouts
from appgov.engines.lookalike.keypoints import features, official_features


def _layouts(img: Image.Image) -> np.ndarray:
    return layouts(features(img.convert("RGB"), soft=False))


def _distance(a: np.ndarray, b: np.ndarray) -> int:
    return int((a != b).sum(axis=1).min())


@pytest.mark.parametrize(
    "edit",
    [
        ImageOps.invert,
        lambda img: Image.eval(img, lambda v: int(v * 0.45)),  # darkened
        lambda img: Image.merge("RGB", img.split()[::-1]),  # red and blue swapped
        lambda img: ImageOps.grayscale(img).convert("RGB"),
    ],
)
def test_a_copy_in_other_colours_keeps_its_layout(edit):
    official = _layouts(logo())
    assert official.shape == (2, 256) and (official.sum(axis=1) == KEPT).all()
    assert _distance(_layouts(edit(logo())), official) <= 8
    assert _distance(_layouts(unrelated()), official) > 8


def test_a_flat_icon_has_no_layout():
    assert _layouts(Image.new("RGB", (128, 128), (30, 120, 200))) is None


def test_the_nearest_app_within_the_distance(tmp_path):
    logo().save(tmp_path / "hx.png")
    ring_logo().save(tmp_path / "ring.png")
    found = EdgeLayouts({0: official_features(tmp_path / "hx.png"), 1: official_features(tmp_path / "ring.png")}, 8)
    inverted = features(ImageOps.invert(ring_logo()), soft=False)
    assert [app for app, _ in found.nearest(inverted)] == [1]
    assert found.nearest(features(unrelated(), soft=False)) == []
    assert EdgeLayouts({}, 8).nearest(inverted) == []


def test_an_inverted_copy_under_a_generic_name_alerts_through_its_layout(tmp_path):
    logo().save(tmp_path / "official.png")
    ImageOps.invert(logo()).save(tmp_path / "inverted.png")
    unrelated().save(tmp_path / "other.png")
    # the silhouettes' search (session 22) and the twins (session 23) find it too: off, the layout alone
    no_shape = {"shape_min_inliers": 0, "twin_min_inliers": 0}
    index = LookalikeIndex([hxb_app()], load_config(overrides={"keypoints": no_shape}), icons_root=tmp_path)
    alert = index.screen_one(generic_listing("inverted.png"))
    assert alert is not None and alert.app_id == "hxb"
    reason = next(r for r in alert.reasons if r.signal in ("icon_in_place", "icon_keypoints"))
    assert reason.detail["edge_layout_distance"] <= 8 and reason.detail["hash_kinds"] == []
    assert "由轮廓分布检索找到" in alert.explanation_zh
    assert index.screen_one(generic_listing("other.png")) is None
    # (an inverted copy has the official contours: the redrawn icons' rule, session 30, finds it too)
    off = load_config(
        overrides={"keypoints": {"edge_layout_max_distance": 0, **no_shape}, "icons": {"redrawn_min_coverage": 0}}
    )
    assert LookalikeIndex([hxb_app()], off, icons_root=tmp_path).screen_one(generic_listing("inverted.png")) is None


def test_the_nearest_app_is_kept_between_sweeps(tmp_path):
    logo().save(tmp_path / "official.png")
    ImageOps.invert(logo()).save(tmp_path / "inverted.png")
    cache = tmp_path / "cache"
    first = LookalikeIndex([hxb_app()], load_config(), icons_root=tmp_path, cache_dir=cache)
    assert first.screen_one(generic_listing("inverted.png")) is not None
    first._verdict_store.flush()
    again = LookalikeIndex([hxb_app()], load_config(), icons_root=tmp_path, cache_dir=cache)
    digest = again._icon_file(generic_listing("inverted.png"))[1]
    assert again._verdict_store.get_ranked(digest, again._layout_key) == [(0, first._near.get(digest)[0][1])]
    assert again.screen_one(generic_listing("inverted.png")) is not None


@pytest.mark.parametrize("value", [-1, 65])
def test_the_setting_is_checked(value):
    with pytest.raises(ConfigError, match="edge_layout_max_distance"):
        load_config(overrides={"keypoints": {"edge_layout_max_distance": value}})
