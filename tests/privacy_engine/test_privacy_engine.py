"""The privacy-policy engine: reading, splitting, extraction, declared-vs-observed, completeness, bad files."""

from pathlib import Path

import pytest
import yaml

from appgov.engines import privacy

HERE = Path(__file__).parent

POLICY = """杭州明湖城市商业银行手机银行隐私政策
更新日期：2026年3月1日
生效日期：2026年3月8日
一、我们如何收集和使用您的个人信息
（一）注册登录：您需要提供手机号码、姓名和身份证号码，用于实名认证。
（二）刷脸认证：我们将申请相机权限，用于采集您的人脸图像。
（三）我们不会收集您的通讯录。
二、第三方SDK清单
SDK名称：极光推送SDK；提供方：深圳市和讯华谷信息技术有限公司；收集信息：设备标识符（IMEI、OAID）
三、您的权利
您可以通过"我的-设置-注销账户"注销账户，也可以更正或删除您的个人信息，或撤回您的授权。
我们将在您注销账户后删除您的个人信息，个人信息的保存期限为实现目的所必需的最短时间。
四、如何联系我们
客服电话95588，邮箱privacy@mhbank.example；如需投诉，请拨打客服电话95588。
"""


def test_the_policy_is_split_into_sections_and_clauses():
    clauses = privacy.split(POLICY)
    sections = {c.section for c in clauses}
    assert {"我们如何收集和使用您的个人信息", "第三方SDK清单", "您的权利", "如何联系我们"} <= sections
    first = next(c for c in clauses if c.number == "（一）")
    assert first.text.startswith("注册登录") and first.section == "我们如何收集和使用您的个人信息"


def test_what_the_policy_declares_with_the_sentence_it_came_from():
    declared = privacy.extract(POLICY)
    assert {"phone_number", "name", "identity_document", "biometric_face"} <= set(declared["pi_types"])
    assert "contacts" not in declared["pi_types"]  # "我们不会收集您的通讯录" denies it
    assert set(declared["permissions"]) == {"camera"}
    assert "相机权限" in declared["permissions"]["camera"][0]["sentence"]
    assert [s["id"] for s in declared["sdks"]] == ["jpush"]
    assert declared["effective_on"] == "2026-03-08" and declared["updated_on"] == "2026-03-01"
    assert {"deregister", "delete", "correct", "withdraw_consent"} <= set(declared["rights"])
    assert (
        declared["contact"]["emails"] == ["privacy@mhbank.example"]
        and "95588" in declared["contact"]["phones"]
    )
    assert declared["complaint_channel"] and declared["retention"] and declared["third_party_list"]


def test_declared_against_observed_names_each_gap_with_both_sides():
    declared = privacy.extract(POLICY)
    observed = {
        "permissions": ["android.permission.CAMERA", "android.permission.ACCESS_FINE_LOCATION"],
        "sdks": [
            {
                "id": "jpush",
                "name": "极光推送",
                "vendor": "Jiguang",
                "personal_information": ["device_identifiers"],
            },
            {
                "id": "tencent_bugly",
                "name": "腾讯 Bugly",
                "vendor": "Tencent",
                "personal_information": ["crash_logs"],
            },
        ],
        "third_party_hosts": ["api.umeng.com"],
    }
    gaps = {(g["kind"], g["subject"]) for g in privacy.compare(declared, observed)}
    assert ("permission_not_declared", "location") in gaps
    assert ("sdk_not_listed", "tencent_bugly") in gaps
    assert ("sdk_not_listed", "jpush") not in gaps
    assert ("sdk_pi_not_disclosed", "tencent_bugly:crash_logs") in gaps
    assert ("third_party_domain_not_named", "api.umeng.com") in gaps
    assert not any(kind == "permission_not_declared" and s == "camera" for kind, s in gaps)


def test_completeness_names_what_is_missing_and_its_source():
    full = {r["rule"] for r in privacy.completeness(privacy.extract(POLICY))}
    assert "deregister" not in full and "effective_date" not in full and "third_party_list" not in full
    assert "sensitive_highlighted" in full  # sensitive PI (face, ID number) declared, nothing highlighted
    bare = privacy.completeness(privacy.extract("我们会收集您的手机号码，用于登录。"))
    rules = {r["rule"]: r for r in bare}
    assert {"effective_date", "deregister", "third_party_list", "contact", "complaint_channel"} <= set(rules)
    assert "2019" in rules["deregister"]["source"]  # cited by name and date


def test_html_keeps_what_the_policy_highlights():
    html = "<html><body><h2>一、收集的信息</h2><p>我们会收集<strong>身份证号码、人脸信息等敏感个人信息</strong>。</p><script>x()</script></body></html>"
    text = privacy.read_text(html.encode("utf-8"), "policy.html")
    assert "【身份证号码、人脸信息等敏感个人信息】" in text and "x()" not in text
    assert privacy.extract(text)["sensitive_highlighted"] is True


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"\x00\x01\x02\x03" * 100, "neither"),
        (b"%PDF-1.4\n%%EOF", "PDF"),
        (b"x" * (9 * 1024 * 1024), "at most"),
        ("隐私政策".encode("gb18030"), None),
    ],
)
def test_bad_files_are_refused_with_a_reason(data, message):
    if message is None:
        assert privacy.read_text(data) == "隐私政策"  # GB18030 text is read
        return
    with pytest.raises(privacy.PolicyError, match=message):
        privacy.read_text(data)


def test_extraction_quality_on_the_labelled_set():
    """The labelled set (34 excerpts written for the project); bench/privacy/run.py reports the same figures."""
    items = yaml.safe_load((HERE / "labelled_excerpts.yaml").read_text(encoding="utf-8"))["excerpts"]
    assert len(items) >= 30
    tp = fp = fn = 0
    for item in items:
        declared = privacy.extract(item["text"])
        for field, got in (
            ("pi_types", set(declared["pi_types"])),
            ("permissions", set(declared["permissions"])),
        ):
            want = set(item[field] or [])
            tp, fp, fn = tp + len(got & want), fp + len(got - want), fn + len(want - got)
    assert tp / (tp + fp) >= 0.9 and tp / (tp + fn) >= 0.9
