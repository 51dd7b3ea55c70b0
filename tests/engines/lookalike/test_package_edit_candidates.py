"""Session 25 (issue 14): holdout_s25 listed 广发证券's com.gf.client as ocm.gf.client under a neutral name.
Scoring knew it for a one-edit squat of the whole package id, but no candidate lookup put the app on the
list: com is no distinctive token and gf is too short to be a key. Official package ids of 10+ characters
are now also looked up whole, one insertion, deletion, substitution or swap of neighbours away
(candidates.package_edits)."""

import pytest

from appgov.engines.lookalike import ConfigError, Listing, LookalikeIndex, ProtectedApp, load_config

GF = ProtectedApp(
    app_id="gf",
    institution="广发证券",
    names=("广发易淘金",),
    brand_keywords=("广发证券", "易淘金"),
    package_ids=("com.gf.client",),
    developers=("广发证券股份有限公司",),
)


def _listing(package: str) -> Listing:
    return Listing(
        listing_id="L1", source="store", name="省心借还", package_id=package, developer="合肥优途互联网科技有限公司"
    )


@pytest.mark.parametrize("package", ["ocm.gf.client", "com.gf.clinet", "com.gf.cliednt", "com.gf.clent", "com.gg.client"])
def test_a_package_id_one_edit_away_anywhere_is_a_candidate(package):
    alert = LookalikeIndex([GF]).screen_one(_listing(package))
    assert alert is not None and alert.app_id == "gf"
    assert any(r.signal == "package_squat" for r in alert.reasons)


def test_without_the_lookup_it_was_missed():
    index = LookalikeIndex([GF], load_config(overrides={"candidates": {"package_edits": 0}}))
    assert index.screen_one(_listing("ocm.gf.client")) is None


@pytest.mark.parametrize("package", ["com.gf.helper", "org.gx.clients", "com.weather.app"])
def test_two_edits_or_another_package_are_not(package):
    assert LookalikeIndex([GF]).screen_one(_listing(package)) is None


def test_short_official_ids_are_not_looked_up_whole():
    short = ProtectedApp(app_id="s", institution="甲银行", names=("甲银行",), package_ids=("cn.ab.cd",))
    index = LookalikeIndex([short])
    found: set[int] = set()
    index.candidates.package_edit_candidates("cn.ab.ce", found)
    assert found == set()


def test_the_setting_is_checked():
    with pytest.raises(ConfigError, match="candidates.package_edits"):
        load_config(overrides={"candidates": {"package_edits": 2}})


@pytest.mark.parametrize(
    "package", ["ocm.pingan.paces.ccms", "com.pingan.pacse.ccms", "com.pingan.paces.ccmss", "cm.pingan.paces.ccms"]
)
def test_a_long_id_is_found_wherever_the_edit_is(package):
    """A long id is looked up only when it begins or ends like an official one: one edit keeps one of the two."""
    pingan = ProtectedApp(
        app_id="pa", institution="中国平安", names=("平安信用卡",), package_ids=("com.pingan.paces.ccms",)
    )
    alert = LookalikeIndex([pingan]).screen_one(_listing(package))
    assert alert is not None and alert.app_id == "pa"
