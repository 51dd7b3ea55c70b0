"""Session 10 (issue 14): an alert never rests on an icon that the keypoints could have checked and did
not. A listing under a finance name whose icon hashes near many official icons (a plain field with a
blob matches dozens of geometric variants) was reported on the hash rule for an app that the cap on
verified apps (keypoints.max_apps_per_listing) had left unchecked; and a flat icon that merely looks
blurred kept a geometric variant's hash rule with a handful of chance matches."""

from dataclasses import replace

import pytest
from keypoint_fixtures import counting_verify as _counting
from keypoint_fixtures import logo as _logo
from keypoint_fixtures import unrelated as _unrelated

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike import index as index_module
from appgov.engines.lookalike.config import ConfigError
from appgov.engines.lookalike.icons import fingerprint
from appgov.engines.lookalike.keypoints import Verdict
from appgov.engines.lookalike.listing_view import ListingView
from appgov.engines.lookalike.scoring import icon_signal

# no app beyond the cap (nor the keypoint search's). The listings below carry the official icon's own
# hashes over another drawing's file (a feed's stale hashes): hashes that near confirm an icon without its
# keypoints (icons.near_identical_masks, test_near_identical_icon.py), so that rule is off here.
CAP_ONE = {
    "keypoints": {"max_apps_per_listing": 1, "tile_apps": 0, "search_apps": 0},
    "icons": {"near_identical_masks": 0},
}


@pytest.fixture(scope="module")
def icons(tmp_path_factory):
    folder = tmp_path_factory.mktemp("alertverify")
    _logo().save(folder / "official.png")
    _unrelated().save(folder / "other.png")
    return folder


def _apps() -> list[ProtectedApp]:
    """Two institutions' apps with one icon: a listing near it is verified against one of them only."""
    return [
        ProtectedApp(app_id="hxb", institution="华夏银行", names=("华夏银行",), icon="official.png"),
        ProtectedApp(app_id="qlb", institution="齐鲁银行", names=("齐鲁银行",), icon="official.png"),
    ]


def _finance_listing(folder, icon: str) -> Listing:
    """Under a finance name without brand text, carrying the official icon's hashes (as a feed that
    computed them at ingest would) and the icon file ``icon``."""
    fp = fingerprint(folder / "official.png")
    return Listing(
        listing_id="L1",
        source="store",
        name="贷款计算器",
        package_id="com.calc.loan",
        icon=icon,
        icon_phash=fp["phash"],
        icon_hashes={k: v for k, v in fp.items() if k != "phash"},
    )


def test_an_alert_on_an_icon_left_unverified_by_the_cap_is_verified_first(icons, monkeypatch):
    listing = _finance_listing(icons, "other.png")  # the hashes say copy, the drawing says otherwise
    before = LookalikeIndex(
        _apps(),
        load_config(overrides={**CAP_ONE, "keypoints": {**CAP_ONE["keypoints"], "verify_alerting_icons": 0}}),
        icons_root=icons,
    )
    old = before.screen_one(listing)
    assert old is not None and old.kind == "suspect"  # the unverified app's hash rule
    assert "icon_keypoints" not in {r.signal for r in old.reasons}
    calls = _counting(monkeypatch)
    index = LookalikeIndex(_apps(), load_config(overrides=CAP_ONE), icons_root=icons)
    assert index.screen_one(listing) is None  # refuted by its keypoints, like the verified app
    assert len(calls) == 2  # the capped app, and the one whose alert rested on its icon


def test_a_real_copy_left_unverified_by_the_cap_still_alerts(icons, monkeypatch):
    calls = _counting(monkeypatch)
    index = LookalikeIndex(_apps(), load_config(overrides=CAP_ONE), icons_root=icons)
    alert = index.screen_one(_finance_listing(icons, "official.png"))
    assert alert is not None and alert.kind == "suspect"
    assert "icon_keypoints" in {r.signal for r in alert.reasons}
    assert {alert.app_id, *(c.app_id for c in alert.candidates)} <= {"hxb", "qlb"}
    assert len(calls) == 2  # both apps' icons confirmed: one within the cap, one late


def test_an_alert_with_brand_text_is_not_verified_again(icons, monkeypatch):
    """Brand text decides without keypoints: the late check would change nothing and is not run."""
    named = replace(_finance_listing(icons, "other.png"), name="齐鲁银行贷款")
    calls = _counting(monkeypatch)
    index = LookalikeIndex(_apps(), load_config(overrides=CAP_ONE), icons_root=icons)
    alert = index.screen_one(named)
    assert alert is not None and alert.app_id == "qlb"
    assert len(calls) == 1  # the app within the cap (no brand text there); none for the named one


def _blurred(inliers: int):
    def check() -> Verdict:
        return Verdict(inliers=inliers, channel="soft", scale=1.0, angle=0.0, blurred=True, spread=0.01)

    return check


@pytest.mark.parametrize(
    ("hits", "geometric_allowed", "confirmed"),
    [
        ({"phash_geo": 0, "value_geo": 0, "phash_far": 22}, 0, False),  # a variant's hashes: keypoints decide
        ({"phash_geo": 0, "value_geo": 0, "phash_far": 22}, 1, True),  # the former rule
        ({"phash": 2, "value": 2}, 0, True),  # the icon's own hashes: a blurred copy keeps the hash rule
    ],
)
def test_a_blurred_looking_icon_keeps_the_hash_rule_only_on_its_own_hashes(
    hits, geometric_allowed, confirmed
):
    cfg = load_config(overrides={"keypoints": {"blurred_geometric": geometric_allowed}})
    index = LookalikeIndex([], cfg)
    view = ListingView(Listing(listing_id="L1", source="store", name="贷款计算器"), index.lexicon)
    signals: dict = {}
    icon_signal(hits, view, cfg, index.lexicon, signals, _blurred(7))
    strongest = max((ev for ev, _reason in signals.values()), default=0.0)
    assert (strongest >= cfg["evidence"]["icon_with_finance_name"]) is confirmed
    assert "icon_keypoints" not in signals


def test_session_10_settings_are_checked():
    for key in ("verify_alerting_icons", "blurred_geometric"):
        with pytest.raises(ConfigError, match=key):
            load_config(overrides={"keypoints": {key: 2}})


def test_late_verification_uses_the_index_verifier(icons, monkeypatch):
    """The late check goes through the same verifier (cache, store) as the capped ones: a refuting
    verdict stubbed there refutes the late one too."""
    monkeypatch.setattr(
        index_module,
        "verify",
        lambda mine, theirs, **kw: Verdict(inliers=3, channel="luma", scale=1.0, angle=0.0, spread=0.0),
    )
    no_shape = {
        **CAP_ONE,
        "keypoints": {**CAP_ONE["keypoints"], "shape_min_inliers": 0, "twin_min_inliers": 0},
        "icons": {**CAP_ONE.get("icons", {}), "redrawn_min_coverage": 0},
    }
    # (the second look's verifiers are not stubbed, nor the redrawn icons': off, the official icon itself
    # covers its own contours)
    index = LookalikeIndex(_apps(), load_config(overrides=no_shape), icons_root=icons)
    assert index.screen_one(_finance_listing(icons, "official.png")) is None
