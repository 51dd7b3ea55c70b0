"""Session 22 (issue 14): a platform word in an iOS or HarmonyOS bundle id (iphone, hmos, phonebank) is no
brand token. holdout_s22's cn.citics.app.iphone (中信证券's com.citics.app.iphone, the domain swapped) was
sent to 建设银行, whose cn.com.ccb.iphone shares the word iphone, on a tie."""

from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp, load_config


def _apps() -> list[ProtectedApp]:
    return [
        ProtectedApp(
            app_id="ccb",
            institution="中国建设银行",
            names=("中国建设银行",),
            brand_keywords=("建设银行", "建行"),
            package_ids=("com.ccb.mbank", "cn.com.ccb.iphone"),
        ),
        ProtectedApp(
            app_id="citics",
            institution="中信证券股份有限公司",
            names=("中信证券信e投",),
            brand_keywords=("中信证券",),
            package_ids=("cn.com.citics.mobilebank", "com.citics.app.iphone"),
        ),
    ]


def _screen(package: str):
    index = LookalikeIndex(_apps(), load_config())
    return index.screen_one(Listing(listing_id="L1", source="store", name="金融服务", package_id=package))


def test_the_brand_token_names_the_app_not_the_platform_word():
    alert = _screen("cn.citics.app.iphone")
    assert alert is not None and alert.app_id == "citics"
    assert "ccb" not in alert.also_matches


def test_a_platform_word_alone_is_no_package_evidence():
    assert _screen("com.weather.iphone") is None
    assert _screen("com.notes.hmos") is None
