"""Session 29 (issue 14): the App Store shows an organisation's verified legal name as its developer (it
enrols with its D-U-N-S number). holdout_s29 had seven App Store listings without a certificate, each
published as 中国建设银行股份有限公司, 海通证券股份有限公司 … under a bundle id the ledger does not hold and a
loan-style name (额度提升中心, 安心e贷): no alert at all, because a developer name without a certificate
changed nothing. There it names the publisher: the institution's own app missing from the ledger (or an
account the store let be abused), reported as ``unregistered`` — when nothing else alerts: a copied
name, package or icon is a look-alike alert whatever the developer says (issue 14: without a certificate
the name and icon decide). Elsewhere (Android stores, download sites, mini-programs: issue 14 counts
their developer field as a claim) nothing changes."""

import pytest

from appgov.engines.lookalike import ConfigError, Listing, LookalikeIndex, ProtectedApp, load_config

CCB = ProtectedApp(
    app_id="ccb",
    institution="中国建设银行",
    names=("中国建设银行", "建设银行"),
    brand_keywords=("建设银行", "建行"),
    package_ids=("com.chinamworld.main", "com.ccb.ios"),
    developers=("中国建设银行股份有限公司",),
    cert_sha256=("c" * 64,),
)
CHINALIFE = ProtectedApp(
    app_id="chinalife",
    institution="中国人寿",
    names=("中国人寿寿险",),
    brand_keywords=("中国人寿",),
    package_ids=("com.chinalife.ebz",),
    developers=("中国人寿保险股份有限公司",),
)


@pytest.fixture(scope="module")
def index():
    return LookalikeIndex([CCB, CHINALIFE], load_config())


def screen(index, source, name, package_id, developer):
    return index.screen_one(
        Listing(listing_id="L1", source=source, name=name, package_id=package_id, developer=developer)
    )


@pytest.mark.parametrize("source", ["apple_app_store_cn", "App Store"])
def test_an_app_store_listing_by_the_official_developer_is_an_unregistered_app(index, source):
    alert = screen(index, source, "额度提升中心", "net.sudai.zhushou", "中国建设银行股份有限公司")
    assert (alert.app_id, alert.kind, alert.score) == ("ccb", "unregistered", 1.0)
    (reason,) = alert.reasons
    assert reason.signal == "verified_publisher_unregistered"
    assert reason.value == "中国建设银行股份有限公司"
    assert reason.detail["package"] == "net.sudai.zhushou"
    assert "com.chinamworld.main" in reason.detail["registered_packages"]
    assert "未在应用台账中登记" in alert.explanation_zh and "应向商店核实" in alert.explanation_zh


def test_the_company_form_may_differ(index):
    alert = screen(index, "apple_app_store_cn", "即刻钱庄", "io.lehua.tool", "中国人寿保险有限公司")
    assert (alert.app_id, alert.kind) == ("chinalife", "unregistered")


def test_a_copied_name_is_still_a_counterfeit_whatever_the_developer(index):
    alert = screen(index, "apple_app_store_cn", "中国建设银行", "com.fake.ccbank", "中国建设银行股份有限公司")
    assert (alert.app_id, alert.kind) == ("ccb", "counterfeit")
    assert "developer_claimed_unverified" in {r.signal for r in alert.reasons}


def test_a_registered_bundle_id_by_the_official_developer_is_not_reported(index):
    assert screen(index, "apple_app_store_cn", "建行手机银行", "com.ccb.ios", "中国建设银行股份有限公司") is None


@pytest.mark.parametrize("source", ["huawei_appgallery", "download_site", "wechat_mini_program"])
def test_elsewhere_a_typed_developer_name_changes_nothing(index, source):
    package = "wx0a0b0c0d0e0f1011" if "mini" in source else "net.sudai.zhushou"
    assert screen(index, source, "额度提升中心", package, "中国建设银行股份有限公司") is None


def test_another_developer_on_the_app_store_is_screened_as_before(index):
    assert screen(index, "apple_app_store_cn", "额度提升中心", "net.sudai.zhushou", "某某网络科技有限公司") is None
    alert = screen(index, "apple_app_store_cn", "中国建设银行", "net.sudai.zhushou", "某某网络科技有限公司")
    assert (alert.app_id, alert.kind) == ("ccb", "counterfeit")


def test_the_rule_can_be_switched_off():
    quiet = LookalikeIndex([CCB, CHINALIFE], load_config(overrides={"identity": {"verified_publishers": 0}}))
    assert screen(quiet, "apple_app_store_cn", "额度提升中心", "net.sudai.zhushou", "中国建设银行股份有限公司") is None


def test_a_setting_other_than_0_or_1_is_refused_by_name():
    with pytest.raises(ConfigError, match="identity.verified_publishers"):
        load_config(overrides={"identity": {"verified_publishers": 0.5}})
