"""Session 25 (issue 14): holdout_s25 listed 美柚 under its own package id, com.lingan.seeyou, and it was
reported as a copy of 平安金管家: lingan is one edit from pingan, a distinctive token of 中国平安's package
ids, and that edit inside a package id that is otherwise not the official one counted 0.76 by itself.
No holdout set's copy was found by that edit alone (13 sets); it now counts 0.45 (evidence
``package_token_squat``), below the alert threshold: it adds to a name or icon signal, it no longer
alerts on its own."""

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config

PINGAN = ProtectedApp(
    app_id="pingan",
    institution="中国平安",
    names=("平安金管家",),
    brand_keywords=("平安金管家",),
    package_ids=("com.pingan.jgj",),
    developers=("中国平安保险（集团）股份有限公司",),
)


def _listing(name: str, package: str = "com.lingan.seeyou") -> Listing:
    return Listing(listing_id="L1", source="store", name=name, package_id=package, developer="东莞某科技有限公司")


def test_a_token_one_edit_from_a_brand_token_does_not_alert_alone():
    assert LookalikeIndex([PINGAN]).screen_one(_listing("美柚")) is None


def test_it_did_before():
    config = load_config(overrides={"evidence": {"package_token_squat": 0.76}})
    alert = LookalikeIndex([PINGAN], config).screen_one(_listing("美柚"))
    assert alert is not None and alert.app_id == "pingan"


def test_it_still_adds_to_a_name_signal():
    alone = LookalikeIndex([PINGAN]).screen_one(_listing("平安金管家极速版", "com.weather.app"))
    both = LookalikeIndex([PINGAN]).screen_one(_listing("平安金管家极速版"))
    assert alone is not None and both is not None
    assert both.score > alone.score
    assert any(r.signal == "package_squat" for r in both.reasons)


def test_an_edit_inside_the_official_frame_still_alerts():
    alert = LookalikeIndex([PINGAN]).screen_one(_listing("美柚", "com.pingann.jgj"))
    assert alert is not None and alert.app_id == "pingan"
