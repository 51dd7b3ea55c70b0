"""Keypoint verification kept rare and cheap at scale (issue 14): which shortlisted apps are verified,
the verdict cache by icon content, official features computed once at index build, the early exit of
the verifier, and the stricter confirmation of an icon-only alert that few hash kinds support."""

import shutil

import pytest
from keypoint_fixtures import counting_verify as _counting
from keypoint_fixtures import generic_listing as _listing
from keypoint_fixtures import hxb_app as _app
from keypoint_fixtures import logo as _logo
from keypoint_fixtures import relayout as _relayout

from appgov.engines.lookalike import LookalikeIndex, load_config
from appgov.engines.lookalike import index as index_module
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.keypoints import Verdict, features, verify


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    folder = tmp_path_factory.mktemp("kpbudget")
    _logo().save(folder / "official.png")
    _relayout(_logo()).save(folder / "copy.png")
    shutil.copy(folder / "copy.png", folder / "copy-again.png")  # the same content under another name
    return folder


def test_official_features_are_computed_at_index_build(icons):
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    assert index._official_features[0] is not None and len(index._official_features[0]) > 50
    off = LookalikeIndex([_app()], load_config(overrides={"keypoints": {"enabled": 0}}), icons_root=icons)
    assert off._official_features == {}


def test_verdicts_are_cached_by_icon_content(icons, monkeypatch):
    calls = _counting(monkeypatch)
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    first = index.screen_one(_listing("copy.png", "L1"))
    second = index.screen_one(_listing("copy-again.png", "L2"))
    assert first is not None and second is not None
    assert first.reasons[0].signal == second.reasons[0].signal == "icon_keypoints"
    assert len(calls) == 1  # the second file holds the same icon: its verdict is reused
    # the cache disabled: every pair is verified afresh, with the same outcome
    calls.clear()
    fresh = LookalikeIndex(
        [_app()], load_config(overrides={"keypoints": {"verdict_cache": 0}}), icons_root=icons
    )
    again = [fresh.screen_one(_listing(name, name)) for name in ("copy.png", "copy-again.png")]
    assert len(calls) == 2 and all(a is not None and a.score == first.score for a in again)


def test_only_the_closest_shortlisted_apps_are_verified(icons):
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    hits = {
        0: {"phash_wide": 8},  # one shortlist table, far: a generic shape
        1: {"phash_geo": 7},  # one kind beyond single_kind_max_distance (6)
        2: {"phash_geo": 6},  # one kind within it
        3: {"phash": 3, "value": 2},  # two kinds
        4: {"phash_geo": 2, "value_geo": 3, "masked_tl": 1},  # three kinds
        5: {"value_wide": 5, "masked_br_wide": 6},  # two kinds
        6: {"phash_far": 3, "masked_tr": 8},  # phash_far is not a match
    }
    assert index._worth_verifying(hits) == {4, 3, 5}  # the three closest of {2, 3, 4, 5}
    # kinds within icons.max_distance (4) rank first: a copy's own exact two kinds (app 7) outrank a
    # generic shape that four wide tables reach at 6-8 bits (app 8)
    crowded = {
        7: {"phash_geo": 0, "value_geo": 0},
        8: {"phash_wide": 8, "value_wide": 8, "masked_tl_wide": 6, "masked_tr_wide": 8},
        9: {"phash_wide": 7, "value_wide": 8, "masked_bl_wide": 8, "masked_br_wide": 8},
        10: {"phash_wide": 8, "value_wide": 6, "masked_top_wide": 8},
    }
    assert 7 in index._worth_verifying(crowded)
    wider = LookalikeIndex(
        [_app()], load_config(overrides={"keypoints": {"max_apps_per_listing": 10}}), icons_root=icons
    )
    # and, with room left under the cap, the one closest app matched by one far kind (1: phash_geo 7)
    assert wider._worth_verifying(hits) == {1, 2, 3, 4, 5}
    no_far = LookalikeIndex(
        [_app()],
        load_config(overrides={"keypoints": {"max_apps_per_listing": 10, "far_single_kind": 0}}),
        icons_root=icons,
    )
    assert no_far._worth_verifying(hits) == {2, 3, 4, 5}
    assert index._worth_verifying(
        {1: {"phash_geo": 8}, 2: {"value_geo": 7}, 3: {"phash": 2, "value": 1}}
    ) == {
        2,
        3,
    }


def test_verifier_skips_channels_that_cannot_reach_the_needed_count():
    official = features(_logo())
    copy = features(_relayout(_logo()), soft=False)
    assert verify(copy, official).inliers >= 20
    assert verify(copy, official, need=20).inliers == verify(copy, official).inliers
    assert verify(copy, official, need=10_000).inliers == 0  # no channel has that many matches


# the rules of the first look, the faked verdict alone: the second look (silhouettes, twins) confirms these
# real copies by itself (session 24: the re-laid-out copy covers the whole official drawing)
FIRST_LOOK = {"keypoints": {"shape_min_inliers": 0, "twin_min_inliers": 0}}


@pytest.mark.parametrize(("inliers", "alerts"), [(24, False), (27, False), (28, True), (40, True)])
def test_icon_only_alert_needs_more_matches_when_few_hash_kinds_agree(icons, monkeypatch, inliers, alerts):
    """The re-laid-out copy is shortlisted by at most two hash kinds: under a generic name its keypoints
    alone decide, and a chance agreement of 20-26 matches (unrelated icons reach that) no longer does."""
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    real = index.screen_one(_listing("copy.png"))
    assert real is not None and len(real.reasons[0].detail["hash_kinds"]) <= 2
    monkeypatch.setattr(
        index_module,
        "verify",
        lambda mine, theirs, **kw: Verdict(
            inliers=inliers, channel="luma", scale=1.4, angle=0.0, blurred=False, spread=0.2
        ),
    )
    fresh = LookalikeIndex([_app()], load_config(overrides=FIRST_LOOK), icons_root=icons)
    assert (fresh.screen_one(_listing("copy.png")) is not None) is alerts
    # with the former rule (weak_hash_min_inliers = min_inliers) 24 matches were enough
    loose = LookalikeIndex(
        [_app()],
        load_config(overrides={"keypoints": {**FIRST_LOOK["keypoints"], "weak_hash_min_inliers": 20}}),
        icons_root=icons,
    )
    assert loose.screen_one(_listing("copy.png")) is not None


@pytest.mark.parametrize(
    ("inliers", "spread", "agreement", "alerts"),
    [
        (29, 0.1135, None, False),
        (31, 0.11, None, False),
        (29, 0.13, None, True),
        (32, 0.07, 0.7, True),
        (32, 0.07, None, False),  # session 20: so packed, the whole icon must be shown to agree
        (29, 0.05, None, False),
    ],
)
def test_few_hash_kinds_need_matches_that_cover_more_of_the_logo(
    icons, monkeypatch, inliers, spread, agreement, alerts
):
    """Session 9: 29 matches over 0.11 of an unrelated logo (a shared letter and an ellipse edge) confirmed
    353 icon-only alerts on the scale file. With few hash kinds, 0.12 of the logo or 32 matches are needed."""
    monkeypatch.setattr(
        index_module,
        "verify",
        lambda mine, theirs, **kw: Verdict(
            inliers=inliers, channel="value", scale=0.9, angle=-2.1, blurred=False, spread=spread, agreement=agreement
        ),
    )
    index = LookalikeIndex([_app()], load_config(overrides=FIRST_LOOK), icons_root=icons)
    assert (index.screen_one(_listing("copy.png")) is not None) is alerts
    former = LookalikeIndex(
        [_app()],
        load_config(overrides={"keypoints": {**FIRST_LOOK["keypoints"], "weak_hash_min_spread": 0.06}}),
        icons_root=icons,
    )
    assert (former.screen_one(_listing("copy.png")) is not None) is (spread >= 0.06)


@pytest.mark.parametrize(
    ("inliers", "spread", "alerts"),
    [(39, 0.3, False), (40, 0.15, True), (60, 0.14, False), (100, 0.05, False), (120, 0.4, True)],
)
def test_one_far_hash_kind_needs_many_matches_spread_wide(icons, monkeypatch, inliers, spread, alerts):
    """Session 11: an app matched by one hash kind 7-8 bits away is verified (one per listing) and
    confirmed only by keypoints.far_min_inliers (40) matches over keypoints.far_min_spread (0.15) of the
    logo, no exemption: unrelated icons' chance agreements at scale reached 30-55 over 0.05-0.12."""
    monkeypatch.setattr(
        index_module,
        "verify",
        lambda mine, theirs, **kw: Verdict(
            inliers=inliers, channel="value", scale=0.75, angle=0.0, blurred=False, spread=spread
        ),
    )
    far = {0: {"phash_geo": 8}}
    index = LookalikeIndex([_app()], load_config(overrides=FIRST_LOOK), icons_root=icons)
    assert (index.screen_one(_listing("copy.png"), far) is not None) is alerts
    off = LookalikeIndex(
        [_app()],
        load_config(overrides={"keypoints": {"far_single_kind": 0, "search_apps": 0}}),
        icons_root=icons,
    )
    assert off.screen_one(_listing("copy.png"), far) is None  # never verified: unconfirmed


def test_of_far_single_kind_apps_the_one_whose_whole_icon_is_nearer_is_verified(icons):
    """A shortlist table at 8 bits reaches a dozen apps at once: the order they were registered in
    (their index) used to pick which of them the keypoints checked."""
    index = LookalikeIndex([_app()], load_config(), icons_root=icons)
    # one far single-kind app under the cap: the copy's own (9, whole icon 18 bits off) beats earlier
    # apps that a relayout-mask table reached at the same 8 bits (whole icons 22-26 bits off)
    far = {1: {"masked_bottom_geo": 8, "phash_far": 26}, 2: {"masked_bottom_geo": 8, "phash_far": 22}}
    assert index._worth_verifying({**far, 9: {"value_geo": 8, "phash_far": 18}}) == {9}
    # not among the ranked ones (there it let more chance agreements through): the registration order
    ranked = {i: {"phash_geo": 6, "phash_far": 20} for i in range(1, 4)}
    assert index._worth_verifying({**ranked, 9: {"phash_geo": 6, "phash_far": 12}}) == {1, 2, 3}


def test_new_keypoint_settings_are_checked():
    for key, value in (
        ("single_kind_max_distance", 40),
        ("max_apps_per_listing", 0),
        ("verdict_cache", -1),
        ("weak_hash_min_inliers", 2),
        ("weak_hash_kinds", 21),
        ("weak_hash_min_spread", 1.5),
        ("weak_hash_spread_exempt_inliers", 2),
        ("verdict_store", 2),
        ("far_single_kind", 3),
        ("far_min_inliers", 2),
        ("far_min_spread", -0.1),
    ):
        with pytest.raises(ConfigError, match=key) as raised:
            load_config(overrides={"keypoints": {key: value}})
        assert "unknown setting" not in str(raised.value)  # a known setting, out of its range
        load_config(overrides={"keypoints": {key: load_config()["keypoints"][key]}})
