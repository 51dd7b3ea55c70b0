"""Exact expected alerts for each signal on small hand-made inputs."""

import pytest
from conftest import CCB_CERT, FOREIGN_CERT, ICBC_CERT


def signals(alert):
    return {r.signal: r for r in alert.reasons}


def test_official_listing_never_alerts(check):
    assert check("中国工商银行", package_id="com.icbc", cert_sha256=ICBC_CERT) is None
    # same app on a store that shows no certificate, published by the official developer
    assert check("中国工商银行", package_id="com.icbc", developer="中国工商银行股份有限公司") is None
    # another protected institution's genuine app shares 中国/银行 but is official for itself
    assert check("中国建设银行", package_id="com.chinamworld.main", cert_sha256=CCB_CERT) is None


def test_certificate_mismatch_on_official_package_is_repackaged(check):
    alert = check("中国工商银行", package_id="com.icbc", cert_sha256=FOREIGN_CERT)
    assert (alert.app_id, alert.kind, alert.score) == ("icbc", "repackaged", 1.0)
    assert [r.signal for r in alert.reasons] == ["certificate_mismatch"]
    assert "签名证书不是官方证书" in alert.explanation_zh


def test_official_package_without_certificate_from_other_developer_is_suspect(check):
    alert = check("工商银行", package_id="com.icbc", developer="某某工作室")
    assert (alert.app_id, alert.kind) == ("icbc", "suspect")
    assert "official_package_unverified" in signals(alert)


def test_identical_name_is_counterfeit(check):
    alert = check("中国工商银行")
    assert (alert.app_id, alert.kind) == ("icbc", "counterfeit")
    assert signals(alert)["name_identical"].value == "中国工商银行"
    assert "developer_mismatch" in signals(alert)


@pytest.mark.parametrize(
    ("name", "deformation"),
    [
        ("工商银行极速版", "added_words"),
        ("官方工商银行", "added_words"),
        ("工商银行e家", "suffix"),
    ],
)
def test_brand_keyword_with_added_words(check, name, deformation):
    alert = check(name)
    assert alert.app_id == "icbc" and alert.kind == "counterfeit"
    reason = signals(alert)["brand_keyword"]
    assert (reason.value, reason.detail["deformation"]) == ("工商银行", deformation)


@pytest.mark.parametrize(
    ("name", "deformation", "original", "changed"),
    [
        ("工商大银行", "insertion", "", "大"),
        ("工商行", "omission", "银", ""),
        ("工商金行", "substitution", "银", "金"),
        ("工商行银", "transposition", "银行", "行银"),
        ("工商银银行", "repetition", "", "银"),
    ],
)
def test_single_edit_squats(check, name, deformation, original, changed):
    alert = check(name)
    assert alert.app_id == "icbc"
    reason = signals(alert)["name_squat"]
    assert reason.value == "工商银行"
    assert (reason.detail["deformation"], reason.detail["original"], reason.detail["changed"]) == (
        deformation,
        original,
        changed,
    )
    assert alert.kind == "counterfeit"


def test_homophone(check):
    alert = check("攻伤银行")
    reason = signals(alert)["name_homophone"]
    assert (alert.app_id, reason.value, reason.detail["listing_part"]) == ("icbc", "工商银行", "攻伤银行")


def test_homoglyph_and_normalisation(check):
    alert = check("中囯工商银行")  # 囯 for 国
    assert alert.app_id == "icbc" and "name_homoglyph" in signals(alert)
    # traditional characters, full-width letters, spaces, punctuation and emoji are normalised away
    alert = check("中國 工商·銀行🔥")
    assert signals(alert)["name_identical"].value == "中国工商银行"


def test_latin_keyword_and_homoglyph_digits(check):
    alert = check("ICBC Pro")
    assert alert.app_id == "icbc" and signals(alert)["brand_keyword"].value == "ICBC"
    alert = check("1CBC手机银行")  # digit one for I
    assert alert.app_id == "icbc" and signals(alert)["brand_keyword"].value == "ICBC"
    # full-width letters alone (holdout_s24: Ｐｉｎｇ Ａｎ was missed, its Latin words never looked at)
    for name in ("ＩＣＢＣ", "ＩＣＢＣ Ｐｒｏ", "ＩＣＢＣ２０２５"):
        alert = check(name)
        assert alert is not None and alert.app_id == "icbc" and signals(alert)["brand_keyword"].value == "ICBC"


def test_short_keyword_needs_finance_context(check):
    alert = check("工行贷款助手")
    assert alert.app_id == "icbc" and alert.kind == "suspect"
    assert signals(alert)["brand_keyword"].value == "工行"
    assert check("加工行业资讯") is None  # 工行 inside an ordinary word, no finance context


def test_pinyin_spelling_and_initials(check):
    alert = check("Gongshangyinhang")
    assert alert.app_id == "icbc" and "pinyin_spelling" in signals(alert)
    alert = check("NBYH 手机版")
    assert alert.app_id == "nbcb" and signals(alert)["pinyin_initials"].detail["spelling"] == "nbyh"


@pytest.mark.parametrize(
    ("package", "deformation"),
    [
        ("com.icbc.pro", "added_words"),
        ("com.icbc.fastcash", "suffix"),
        ("com.lcbc", "substitution"),
        ("com.icbcc", "repetition"),
        ("com.nbcb_mobilebank", "separator"),
        ("com.nbbc.mobilebank", "transposition"),
        ("com.nbc.mobilebank", "omission"),
    ],
)
def test_package_squats(check, package, deformation):
    alert = check("理财小工具", package_id=package)
    assert alert is not None, package
    reason = signals(alert)["package_squat"]
    assert reason.detail["deformation"] == deformation


def test_official_developer_name_without_official_id_or_certificate_does_not_lower_the_score(check):
    # issue 14: the developer field is self-declared; without a certificate it earns trust only
    # together with an official package id
    alert = check("工商银行员工之家", developer="中国工商银行股份有限公司")
    assert (alert.app_id, alert.kind) == ("icbc", "counterfeit")
    assert "developer_claimed_unverified" in signals(alert)
    assert (
        check("工商银行员工之家", developer="中国工商银行股份有限公司").score
        == check("工商银行员工之家").score
    )


def test_distinct_entity_developer_is_not_an_imitator(check):
    # 宁海银行 (a different institution, named like its developer) is one edit from 宁波银行
    assert check("宁海银行", developer="宁海银行股份有限公司") is None
    alert = check("宁海银行")
    assert alert.app_id == "nbcb" and signals(alert)["name_squat"].detail["deformation"] == "substitution"


def test_unrelated_and_generic_names_do_not_alert(check):
    for name in ("北京地铁", "手机银行大全", "房贷计算器", "开心消消乐", "银行卡查询助手"):
        assert check(name) is None, name


def test_alert_dict_shape(check):
    alert = check("工商银行极速版").to_dict()
    assert set(alert) >= {"listing_id", "app_id", "score", "kind", "reasons", "explanation_zh"}
    assert 0 <= alert["score"] <= 1
    assert all("signal" in r and "value" in r for r in alert["reasons"])
    assert alert["explanation_zh"].startswith("疑似仿冒")


def test_edit_similarity_on_long_names():
    from appgov.engines.lookalike import Listing, LookalikeIndex, ProtectedApp

    app = ProtectedApp(app_id="adbc", institution="中国农业发展银行", names=("中国农业发展银行手机银行",))
    index = LookalikeIndex([app])
    # two characters changed in a 12-character official name: no single edit, no homophone
    alert = index.screen_one(Listing("L1", "store", "中国农业达展银行手机银街", "com.x.y", "某公司"))
    reason = signals(alert)["name_similarity"]
    assert (alert.app_id, reason.detail["deformation"], reason.detail["similarity"]) == (
        "adbc",
        "edits",
        0.833,
    )
