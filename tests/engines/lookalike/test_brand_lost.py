"""Session 21 (issue 14): a one-character edit of a short official name is a squat only while the listing
keeps a character of the brand. holdout_s21 named unrelated apps 惠生活助手: one substitution from
泰康's 泰生活, but the character replaced was the brand's only one, and 生活 alone is anyone's name
(13 icon copies were sent to 泰康 instead of their own institution)."""

import pytest

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.normalize import skeleton


def _apps() -> list[ProtectedApp]:
    return [
        ProtectedApp(
            app_id="tk_app",
            institution="泰康保险",
            names=("泰生活",),
            brand_keywords=("泰康保险", "泰康"),
            package_ids=("com.taikang.app",),
            developers=("泰康保险集团股份有限公司",),
        ),
        ProtectedApp(
            app_id="cmb_life",
            institution="招商银行",
            names=("掌上生活",),
            brand_keywords=("招商银行", "招行"),
            package_ids=("com.cmbchina.life",),
            developers=("招商银行股份有限公司",),
        ),
    ]


def _screen(name: str):
    index = LookalikeIndex(_apps(), load_config())
    return index.screen_one(Listing(listing_id="L1", source="store", name=name, package_id="com.other.app"))


@pytest.mark.parametrize("name", ["惠生活助手", "乐生活", "惠生活"])
def test_the_brand_character_replaced_leaves_no_squat(name):
    assert _screen(name) is None


@pytest.mark.parametrize(
    ("name", "app_id", "original", "changed"),
    [
        ("泰生话", "tk_app", "活", "话"),  # the brand's 泰 is kept
        ("掌上生括", "cmb_life", "活", "括"),  # a name without a brand character keeps every squat
        ("掌下生活", "cmb_life", "上", "下"),
    ],
)
def test_a_squat_that_keeps_the_brand_still_alerts(name, app_id, original, changed):
    alert = _screen(name)
    assert alert is not None and alert.app_id == app_id
    squat = next(r for r in alert.reasons if r.signal == "name_squat")
    assert (squat.detail["original"], squat.detail["changed"]) == (original, changed)


def test_a_keyword_that_is_the_apps_own_name_adds_no_brand_characters():
    """holdout_s22 listed 泰生活 among 泰康's brand keywords: its 生 and 活 are no brand characters (they are
    not in the institution's name), and 生活助手 / 惠生活 are still no squats of it."""
    app = ProtectedApp(
        app_id="tk_app",
        institution="泰康保险集团股份有限公司",
        names=("泰生活", "泰康泰生活"),
        brand_keywords=("泰康保险", "泰康", "泰生活"),
        package_ids=("com.taikang.app",),
    )
    index = LookalikeIndex([app], load_config())
    assert index.apps[0].brand_characters == frozenset("泰康")
    for name in ("生活助手", "惠生活"):
        listing = Listing(listing_id="L1", source="store", name=name, package_id="com.other.app")
        assert index.screen_one(listing) is None, name
    kept = index.screen_one(Listing(listing_id="L2", source="store", name="泰生话", package_id="com.other.app"))
    assert kept is not None and kept.app_id == "tk_app"


def test_an_english_institution_name_keeps_every_keyword_character():
    app = ProtectedApp(app_id="wb", institution="WeBank", names=("微众银行",), brand_keywords=("微众",))
    assert LookalikeIndex([app], load_config()).apps[0].brand_characters == frozenset(skeleton("微众"))


def test_an_institution_word_is_left_out_of_the_name_not_its_characters():
    """农 is a character of the institution word 农村商业银行, but 华农保险's 农 is its brand: 农保险 (an omission)
    keeps it and is still a squat."""
    app = ProtectedApp(app_id="hn", institution="华农保险", names=("华农保险",), brand_keywords=("华农保险",))
    index = LookalikeIndex([app], load_config())
    assert index.apps[0].brand_characters == frozenset(skeleton("华农"))
    alert = index.screen_one(Listing(listing_id="L1", source="store", name="农保险", package_id="com.other.app"))
    assert alert is not None and alert.app_id == "hn"
