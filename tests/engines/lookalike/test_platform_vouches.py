"""Session 26 (issue 14): a listing without a certificate whose id is an official one was trusted only when
its developer field matched an official developer. holdout_s26 showed the official WeChat official account
of 中国人寿 (gh_1eb2af993566, developer 中国人寿), Ping An's official mini-program (developer 中国平安) and
the official App Store listing of 农业银行 (com.abchina.mbank, developer 农业银行) each alerted as
``official_package_unverified``: a short brand is no official developer name. But these platforms keep an
id to the one publisher who registered it, so the id says who published the listing; an Android store does
not (a repackaged build can be uploaded under any package name). Sources are also matched by a key that
ignores case, marks and a trailing region: wechat_mini_program is the lexicon's wechat-miniprogram."""

import pytest

from appgov.engines.lookalike import ConfigError, Listing, LookalikeIndex, ProtectedApp, load_config
from appgov.engines.lookalike.compiled import lexicon
from appgov.engines.lookalike.listing_view import is_platform_id, platform_vouches
from appgov.engines.lookalike.normalize import source_key

ABC = ProtectedApp(
    app_id="abc",
    institution="中国农业银行",
    names=("中国农业银行", "农业银行"),
    brand_keywords=("农业银行", "农行"),
    package_ids=("com.abchina.mbank", "com.android.bankabc"),
    developers=("中国农业银行股份有限公司",),
    cert_sha256=("b" * 64,),
)
CHINALIFE_OA = ProtectedApp(
    app_id="chinalife-oa",
    institution="中国人寿",
    names=("中国人寿",),
    brand_keywords=("中国人寿",),
    package_ids=("gh_1eb2af993566", "lifeservice"),
    developers=("中国人寿保险股份有限公司",),
)


def _screen(source: str, name: str, package_id: str, developer: str, **identity):
    config = load_config(overrides={"identity": identity} if identity else None)
    index = LookalikeIndex([ABC, CHINALIFE_OA], config)
    return index.screen_one(
        Listing(listing_id="L1", source=source, name=name, package_id=package_id, developer=developer)
    )


@pytest.mark.parametrize(
    ("source", "name", "package_id", "developer"),
    [
        ("wechat_official_account", "中国人寿", "gh_1eb2af993566", "中国人寿"),
        ("WeChat Official Account", "中国人寿", "lifeservice", "国寿"),  # a dotless id on that source
        ("apple_app_store_cn", "中国农业银行", "com.abchina.mbank", "农业银行"),
        ("App Store", "农行掌银", "com.abchina.mbank", "某某工作室"),
    ],
)
def test_an_official_id_its_platform_vouches_for_is_the_official_app(source, name, package_id, developer):
    assert _screen(source, name, package_id, developer) is None


def test_without_the_rule_the_developer_field_decides():
    alert = _screen("apple_app_store_cn", "中国农业银行", "com.abchina.mbank", "农业银行", platform_vouches=0)
    assert alert is not None and alert.app_id == "abc" and alert.kind == "suspect"
    assert "official_package_unverified" in {r.signal for r in alert.reasons}


def test_an_android_store_vouches_for_no_package_name():
    alert = _screen("huawei_appgallery", "中国农业银行", "com.abchina.mbank", "农业银行")
    assert alert is not None and alert.app_id == "abc"
    assert "official_package_unverified" in {r.signal for r in alert.reasons}


def test_a_look_alike_id_on_a_platform_is_still_screened():
    alert = _screen("wechat_official_account", "中国人寿", "gh_1eb2af993567", "中国人寿")
    assert alert is not None and alert.app_id == "chinalife-oa" and alert.kind == "counterfeit"


def test_source_keys():
    assert source_key("wechat_mini_program") == source_key("WeChat-MiniProgram") == "wechatminiprogram"
    assert source_key("apple_app_store_cn") == "appleappstore"
    assert source_key("App Store") == "appstore"
    assert source_key("Apple App Store (China)") == "appleappstore"
    assert source_key("微信小程序") == "微信小程序"
    lex = lexicon()
    assert is_platform_id("lifeservice", "wechat_official_account", lex)
    assert not is_platform_id("lifeservice", "huawei_appgallery", lex)
    assert platform_vouches("com.abchina.mbank", "Apple App Store", lex)
    assert not platform_vouches("com.abchina.mbank", "xiaomi_getapps", lex)
    assert not platform_vouches(None, "App Store", lex)


def test_the_setting_is_checked():
    with pytest.raises(ConfigError, match="platform_vouches"):
        load_config(overrides={"identity": {"platform_vouches": 2}})
