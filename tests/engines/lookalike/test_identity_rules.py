"""Issue 14: the certificate is the identity, the developer name is a claim.

Every example of the issue (data/issue14_listings.jsonl, protected apps of real institutions in
data/issue14_protected.jsonl) and its inverse, plus the rules one at a time."""

import json
from pathlib import Path

import pytest

from appgov.engines.lookalike import (
    ConfigError,
    Listing,
    LookalikeIndex,
    listing_from_dict,
    load_config,
    read_protected,
)

DATA = Path(__file__).parent / "data"
ROWS = [
    json.loads(line) for line in (DATA / "issue14_listings.jsonl").read_text(encoding="utf-8").splitlines()
]
ICBC_DEV = "中国工商银行股份有限公司"
FOREIGN = "f" * 64


@pytest.fixture(scope="module")
def index():
    return LookalikeIndex(read_protected(DATA / "issue14_protected.jsonl"), load_config())


@pytest.fixture(scope="module")
def certs(index):
    return {app.app.app_id: next(iter(app.app.cert_sha256)) for app in index.apps}


def _id(row):
    return f"{row['listing_id']}-{row['name']}"


@pytest.mark.parametrize("row", [r for r in ROWS if r["label"]["positive"]], ids=_id)
def test_issue_example_names_the_right_app(index, row):
    label = row["label"]
    alert = index.screen_one(listing_from_dict(row))
    assert alert is not None, row["name"]
    assert (alert.app_id, alert.institution, alert.kind) == (
        label["app_id"],
        label["institution"],
        label["expect"],
    )
    assert alert.candidates[0].app_id == alert.app_id


@pytest.mark.parametrize("row", [r for r in ROWS if not r["label"]["positive"]], ids=_id)
def test_issue_inverse_is_not_an_imitation(index, row):
    alert = index.screen_one(listing_from_dict(row))
    if row["label"].get("expect") == "unregistered":
        assert (alert.kind, alert.institution) == ("unregistered", row["label"]["institution"])
        assert "未在应用台账中登记" in alert.explanation_zh
    else:
        assert alert is None, (row["name"], alert and alert.to_dict())


def screen(index, name, **fields):
    fields.setdefault("package_id", "com.example.other")
    return index.screen_one(
        Listing(listing_id="L1", source=fields.pop("source", "store"), name=name, **fields)
    )


@pytest.mark.parametrize(
    "developer", [None, "", "某某网络科技有限公司", ICBC_DEV, "中国建设银行股份有限公司"]
)
def test_official_certificate_with_any_developer_is_never_an_imitation(index, certs, developer):
    for name in ("中国工商银行", "工行极速版", "中国建设银行"):  # even a name of another institution
        alert = screen(
            index, name, package_id="com.icbc", cert_sha256=certs["icbc"], developer=developer or None
        )
        assert alert is None


def test_sibling_official_app_with_its_own_package_and_certificate(index, certs):
    # 工银e生活 is ICBC's too, signed with its own key; its listing names ICBC and 工银 and is no copy
    assert screen(index, "工银e生活", package_id="com.icbc.elife", cert_sha256=certs["icbc_elife"]) is None
    # the main app's package signed with the sibling's key: still the institution's own build
    assert screen(index, "中国工商银行", package_id="com.icbc", cert_sha256=certs["icbc_elife"]) is None


def test_unregistered_app_of_the_institution(index, certs):
    alert = screen(index, "工银招聘", package_id="com.icbc.hr", cert_sha256=certs["icbc"], developer=ICBC_DEV)
    assert (alert.kind, alert.app_id, alert.score) == ("unregistered", "icbc", 1.0)
    reason = alert.reasons[0]
    assert reason.signal == "official_certificate_unregistered"
    assert reason.detail["package"] == "com.icbc.hr" and "com.icbc" in reason.detail["registered_packages"]
    quiet = LookalikeIndex(
        index.apps and [a.app for a in index.apps],
        load_config(overrides={"identity": {"report_unregistered": 0}}),
    )
    assert screen(quiet, "工银招聘", package_id="com.icbc.hr", cert_sha256=certs["icbc"]) is None


def test_official_package_on_a_foreign_certificate_is_repackaged_whatever_the_developer(index):
    alert = screen(index, "中国工商银行", package_id="com.icbc", cert_sha256=FOREIGN, developer=ICBC_DEV)
    assert (alert.kind, alert.app_id) == ("repackaged", "icbc")


def test_official_developer_on_a_foreign_certificate_is_impersonation(index):
    # a generic name: the developer claim is the only pointer, and it is enough
    alert = screen(index, "手机银行", cert_sha256=FOREIGN, developer=ICBC_DEV)
    assert (alert.app_id, alert.kind) == ("icbc", "counterfeit")
    assert alert.reasons[0].signal == "developer_impersonation"
    assert "冒用开发者名称" in alert.explanation_zh
    # "有限公司" instead of "股份有限公司", or a branch, is the same claim
    for developer in ("中国工商银行有限公司", "中国工商银行股份有限公司北京市分行", "中国工商银行牡丹卡中心"):
        assert screen(index, "手机银行", cert_sha256=FOREIGN, developer=developer).app_id == "icbc"
    # without a certificate the same claim proves nothing either way: no alert from it alone
    assert screen(index, "手机银行", developer=ICBC_DEV) is None


def test_developer_name_lowers_nothing_without_an_official_id(index):
    with_dev = screen(index, "工商银行", developer=ICBC_DEV)
    without = screen(index, "工商银行", developer="某某科技")
    assert with_dev.kind == without.kind == "counterfeit" and with_dev.score == without.score
    assert "developer_claimed_unverified" in {r.signal for r in with_dev.reasons}
    # with the official package id (no certificate) the official developer is trusted
    assert screen(index, "工商银行", package_id="com.icbc", developer=ICBC_DEV) is None
    assert screen(index, "工商银行", package_id="com.icbc", developer="某某科技").kind == "suspect"


def test_similar_developer_of_another_entity_is_not_official(index):
    # 中国工商银行 vs 中国商工银行: similar strings, another entity; not the official developer
    alert = screen(index, "手机银行", cert_sha256=FOREIGN, developer="中国商工银行股份有限公司")
    assert alert is None


@pytest.mark.parametrize(
    ("name", "app_id"),
    [
        ("中国建设设银行", "ccb"),
        ("江苏银银行", "jsbc"),
        ("工工商银行", "icbc"),
        ("⭐你好南京银行✅", "njcb"),
        ("缤 纷 生 活", "bocom_card"),
        ("中國民生銀行", "cmbc"),
        ("江苏银行福利版🎁", "jsbc"),
    ],
)
def test_decorated_and_doubled_names(index, name, app_id):
    alert = screen(index, name)
    assert (alert.app_id, alert.kind) == (app_id, "counterfeit")


def test_mini_program_ids_are_compared_exactly(index):
    # the official mini-program id: official (no certificate on these platforms)
    official = dict(source="wechat-miniprogram", package_id="wx8e0b5f2c1a3d4e6f")
    assert screen(index, "中国工商银行", developer=ICBC_DEV, **official) is None
    # one character from the official id is another account, not a package squat: the name decides
    other = dict(source="wechat-miniprogram", package_id="wx8e0b5f2c1a3d4e6e")
    assert screen(index, "记账小助手", **other) is None
    alert = screen(index, "工商银行小程序", developer=ICBC_DEV, **other)
    assert (alert.app_id, alert.kind) == ("icbc", "counterfeit")
    assert "package_squat" not in {r.signal for r in alert.reasons}


def test_attribution_prefers_the_strongest_brand_text_and_lists_candidates(index):
    # the name is ICBC's exactly, the package borrows 民生银行's token: ICBC is named, alone
    alert = screen(index, "中国工商银行", package_id="com.cmbc.tool")
    assert alert.app_id == "icbc" and [c.app_id for c in alert.candidates] == ["icbc"]
    # 京银行 is one omission from both 北京银行 and 南京银行: both are plausible, both listed
    alert = screen(index, "京银行")
    assert {c.app_id for c in alert.candidates[:2]} == {"bob", "njcb"}
    assert alert.candidates[0].app_id == alert.app_id
    assert alert.to_dict()["candidates"][0]["app_id"] == alert.app_id


def test_removed_setting_is_named(tmp_path):
    path = tmp_path / "old.yaml"
    path.write_text("developer:\n  official_developer_factor: 0.3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="official_developer_factor' was removed"):
        load_config(path)


@pytest.mark.parametrize(
    "name",
    [
        "北京农商银行",  # 农商银行 is a category noun, not one character from 网商银行
        "网上银行",  # nor is 网上银行
        "中国人民大学",  # a short name inside an unrelated longer one is no squat of 中国人寿-like names
        "时光待办Pro",  # Chinese read as pinyin across syllables is no spelling of a brand
    ],
)
def test_ordinary_names_are_not_squats(index, name):
    assert screen(index, name, developer="某某网络科技有限公司") is None


@pytest.mark.parametrize(
    ("name", "app_id"),
    [("工商yinhang", "icbc"), ("Zhong Guo Jian She Yin Hang", "ccb"), ("民生yinhang", "cmbc")],
)
def test_mixed_chinese_and_pinyin(index, name, app_id):
    alert = screen(index, name)
    assert alert.app_id == app_id and "pinyin_spelling" in {r.signal for r in alert.reasons}


def test_generic_package_word_is_no_squat_and_one_edit_of_a_package_is(index):
    # mbank is a word, not mybank with a letter missing
    assert screen(index, "记账本", package_id="com.bjrcb.mbank") is None
    alert = screen(index, "记账本", package_id="com.bankcomm.maidanba1")
    assert alert.app_id == "bocom_card"
    assert {r.signal: r for r in alert.reasons}["package_squat"].detail["deformation"] == "insertion"


def test_developer_institution_named_in_the_listing_is_its_own_app(index):
    # 民生证券 is another institution: a package one letter from 民生银行's is its own, not a squat
    assert (
        screen(index, "民生证券金管家", package_id="cn.com.cmbs.newmbank", developer="民生证券股份有限公司")
        is None
    )
