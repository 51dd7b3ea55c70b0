"""Session 16 (issue 14): copies that no hash comes near, found by their keypoints (search.py).

On the four holdout sets, most icon-only copies missed (a frame round the icon, a photo of a screen, a
tile turned on a new background, two or three edits at once) had no hash near their own app, while
their keypoints matched its official icon by the dozen. The search ranks the official icons by the
listing descriptors' shared 16-bit pieces and verifies the first."""

import sqlite3

import cv2
import numpy as np
import pytest
from keypoint_fixtures import generic_listing, hxb_app, logo, unrelated
from PIL import Image, ImageDraw

from appgov.engines.lookalike import LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike import index as index_module
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.keypoints import features, official_features
from appgov.engines.lookalike.search import KeypointSearch
from appgov.engines.lookalike.verdict_store import FILE_NAME

NO_SEARCH = {"keypoints": {"search_apps": 0}}


def framed(img: Image.Image, width: int = 24) -> Image.Image:
    """The icon shrunk inside a wide frame of diagonal stripes (no plain field round it to cut away)."""
    out = Image.new("RGB", (160, 160))
    draw = ImageDraw.Draw(out)
    for i in range(0, 320, 12):
        draw.line([(i, 0), (0, i)], fill=(20, 120, 60) if i % 24 else (240, 200, 40), width=6)
    out.paste(img.resize((160 - 2 * width, 160 - 2 * width), Image.Resampling.LANCZOS), (width, width))
    return out


def photographed(img: Image.Image) -> Image.Image:
    """The icon as if photographed off a screen: a perspective warp onto a grey background, noise."""
    src = np.float32([[0, 0], [127, 0], [127, 127], [0, 127]])
    dst = np.float32([[30, 22], [168, 34], [160, 176], [24, 168]])
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(
        np.asarray(img), matrix, (192, 192), borderMode=cv2.BORDER_CONSTANT, borderValue=(90, 92, 96)
    )
    noise = np.random.default_rng(5).normal(0, 4, warped.shape)
    return Image.fromarray(np.clip(warped + noise, 0, 255).astype(np.uint8))


def other_app(app_id: str) -> ProtectedApp:
    return ProtectedApp(
        app_id=app_id,
        institution=f"{app_id}银行",
        names=(f"{app_id}银行",),
        brand_keywords=(f"{app_id}银行",),
        package_ids=(f"com.{app_id}.mobile",),
        developers=(f"{app_id}银行股份有限公司",),
        icon=f"{app_id}.png",
    )


def second_logo() -> Image.Image:
    img = Image.new("RGB", (128, 128), (250, 250, 250))
    draw = ImageDraw.Draw(img)
    draw.rounded_rectangle([14, 14, 114, 114], radius=22, fill=(20, 70, 160))
    draw.polygon([(64, 26), (100, 64), (64, 102), (28, 64)], fill=(250, 200, 30))
    draw.ellipse([52, 52, 76, 76], fill=(20, 70, 160))
    return img


@pytest.fixture()
def icons(tmp_path):
    logo().save(tmp_path / "official.png")
    second_logo().save(tmp_path / "blue.png")
    framed(logo()).save(tmp_path / "framed.png")
    photographed(logo()).save(tmp_path / "photo.png")
    unrelated().save(tmp_path / "other.png")
    return tmp_path


def _apps():
    return [other_app("blue"), hxb_app()]


@pytest.mark.parametrize("icon", ["framed.png", "photo.png"])
def test_a_copy_no_hash_reaches_is_found_by_its_keypoints(icons, icon):
    before = LookalikeIndex(_apps(), load_config(overrides=NO_SEARCH), icons_root=icons)
    assert 1 not in before._icon_hits([generic_listing(icon)]).get(0, {})  # no hash near hxb's icon
    assert before.screen_one(generic_listing(icon)) is None
    alert = LookalikeIndex(_apps(), load_config(), icons_root=icons).screen_one(generic_listing(icon))
    assert alert is not None and (alert.app_id, alert.kind) == ("hxb", "suspect")
    reason = alert.reasons[0]
    assert reason.signal == "icon_keypoints" and reason.value >= 28
    assert reason.detail["search_votes"] > 0 and reason.detail["hash_kinds"] == []
    assert "由特征点检索找到" in alert.explanation_zh


def test_the_search_ranks_the_copied_app_first(icons):
    search = KeypointSearch(
        {0: official_features(icons / "blue.png"), 1: official_features(icons / "official.png")},
        weighted=False,
    )
    for icon in ("framed.png", "photo.png"):
        with Image.open(icons / icon) as image:
            ranked = search.rank(features(image, soft=False), 2)
        assert ranked[0][0] == 1 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])


def test_a_piece_in_too_many_apps_does_not_vote(icons):
    same = official_features(icons / "official.png")
    # the same icon under four apps: every piece is in four apps' icons, more than max_apps (3)
    assert len(KeypointSearch({i: same for i in range(4)}, max_apps=3)) == 0
    assert len(KeypointSearch({i: same for i in range(3)}, max_apps=3)) > 0


def test_an_unrelated_icon_is_searched_but_not_alerted(icons):
    index = LookalikeIndex(_apps(), load_config(), icons_root=icons)
    assert index.screen_one(generic_listing("other.png")) is None


@pytest.mark.parametrize(
    ("inliers", "spread", "agreement", "alerts"),
    [(28, 0.09, 0.35, True), (27, 0.3, 0.9, False), (60, 0.08, 0.9, False), (60, 0.3, 0.34, False)],
)
def test_an_app_only_the_search_found_needs_many_matches_spread_wide_and_agreeing_edges(
    icons, monkeypatch, inliers, spread, agreement, alerts
):
    from appgov.engines.lookalike.keypoints import Verdict

    monkeypatch.setattr(
        index_module,
        "verify",
        lambda mine, theirs, **kw: Verdict(
            inliers, "luma", 1.0, 0.0, False, spread, inliers, agreement, 1.0, None
        ),
    )
    # (the faked verdict alone: the second look, silhouettes and twins, confirms the real framed copy itself)
    first_look = {"keypoints": {"shape_min_inliers": 0, "twin_min_inliers": 0}}
    index = LookalikeIndex([hxb_app()], load_config(overrides=first_look), icons_root=icons)
    assert (index.screen_one(generic_listing("framed.png"), {}) is not None) is alerts


def test_an_app_with_few_votes_and_no_hash_hit_is_not_verified(icons, monkeypatch):
    """keypoints.search_min_votes: most ordinary icons' first app has a handful of votes; verifying it
    (the icon's content box and upright tile too) was most of what an unseen icon cost a sweep."""
    listing = generic_listing("framed.png")
    # the icon itself ranked by votes (test_search_shapes.py: its other shapes; test_search_weighted.py)
    plain = {"search_views": 0, "search_weighted": 0}
    index = LookalikeIndex(_apps(), load_config(overrides={"keypoints": plain}), icons_root=icons)
    with Image.open(icons / "framed.png") as image:
        ((app, votes),) = index._search.rank(features(image, soft=False), 1)
    assert app == 1 and votes >= index.config["keypoints"]["search_min_votes"]
    verified = []
    real = index_module.verify
    monkeypatch.setattr(index_module, "verify", lambda *a, **kw: verified.append(1) or real(*a, **kw))
    above = LookalikeIndex(
        _apps(), load_config(overrides={"keypoints": {**plain, "search_min_votes": votes}}), icons_root=icons
    )
    assert above.screen_one(generic_listing("framed.png")) is not None and verified
    verified.clear()
    below = {"keypoints": {**plain, "search_min_votes": votes + 1}}
    assert LookalikeIndex(_apps(), load_config(overrides=below), icons_root=icons).screen_one(listing) is None
    assert not verified
    # with a hash hit of its own the pair is verified whatever the votes (hash-near copies had 9-10)
    hits = {1: {"phash_geo": 6}}
    LookalikeIndex(_apps(), load_config(overrides=below), icons_root=icons)._searched(
        listing, hits, frozenset()
    )
    assert verified


def test_the_ranking_is_kept_between_sweeps(icons, tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    first = LookalikeIndex(_apps(), load_config(), icons_root=icons, cache_dir=cache)
    expected = first.screen_one(generic_listing("framed.png"))
    first._verdict_store.flush()
    rows = (
        sqlite3.connect(cache / FILE_NAME)
        .execute("SELECT ranked FROM search_v1 WHERE search=?", (first._search_key,))
        .fetchall()
    )
    assert len(rows) == 1 and "1:" in rows[0][0]  # (the edge layout's nearest app is kept under its own key)

    def never(*_args, **_kw):
        raise AssertionError("searched again")

    monkeypatch.setattr(KeypointSearch, "rank", never)
    again = LookalikeIndex(_apps(), load_config(), icons_root=icons, cache_dir=cache)
    assert again.screen_one(generic_listing("framed.png")) == expected
    # another set of official icons is another search: its rankings are not the stored ones
    other = LookalikeIndex([hxb_app()], load_config(), icons_root=icons, cache_dir=cache)
    with pytest.raises(AssertionError, match="searched again"):
        other.screen_one(generic_listing("framed.png"))


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("search_apps", -1),
        ("search_apps", 21),
        ("search_max_apps", 0),
        ("search_max_apps", 17),
        ("search_min_votes", -1),
        ("search_min_votes", 501),
        ("search_min_inliers", 3),
        ("search_min_spread", 1.5),
        ("search_min_edge_agreement", -0.1),
        ("search_weighted", 2),
        ("in_place_hidden", -1),
    ],
)
def test_the_search_settings_are_checked(key, value):
    with pytest.raises(ConfigError, match=f"keypoints.{key}"):
        load_config(overrides={"keypoints": {key: value}})
