"""Issue 20, Django side: a privacy policy uploaded on a version is read, shown clause by clause, held against
the version's latest scan (NFRA-16.1) and checked for completeness (NFRA-16.2); corrections are kept."""

import pytest
from compliance_fixtures import result_for
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from appgov.core.models import ChangeLogEntry
from appgov.privacy import services
from appgov.privacy.demo import POLICY
from appgov.privacy.models import PolicyCorrection, PrivacyPolicy
from appgov.scanning.models import Scan

REPORT = {
    "findings": [],
    "permissions": [
        {
            "name": "android.permission.CAMERA",
            "protection_level": "dangerous",
            "dangerous": True,
            "pi_category": "camera",
        },
        {
            "name": "android.permission.ACCESS_FINE_LOCATION",
            "protection_level": "dangerous",
            "dangerous": True,
            "pi_category": "location",
        },
        {
            "name": "android.permission.READ_CONTACTS",
            "protection_level": "dangerous",
            "dangerous": True,
            "pi_category": "contacts",
        },
        {
            "name": "android.permission.RECORD_AUDIO",
            "protection_level": "dangerous",
            "dangerous": True,
            "pi_category": "microphone",
        },
    ],
    "sdks": [
        {
            "id": "jpush",
            "name": "JPush",
            "name_zh": "极光推送",
            "vendor": "Jiguang",
            "category": "push",
            "matched_by": [
                {
                    "kind": "package",
                    "signature": "cn.jpush.android",
                    "evidence": ["cn/jpush/android/api/JPushInterface"],
                }
            ],
            "personal_information": ["device_identifiers", "network_info"],
        },
        {
            "id": "tencent_bugly",
            "name": "Tencent Bugly",
            "name_zh": "腾讯 Bugly",
            "vendor": "Tencent",
            "category": "crash",
            "matched_by": [
                {"kind": "host", "signature": "android.bugly.qq.com", "evidence": ["android.bugly.qq.com"]}
            ],
            "personal_information": ["crash_logs", "device_info"],
        },
    ],
}


def done_scan(version, report=REPORT):
    return Scan.objects.create(
        version=version,
        package_sha256="0" * 64,
        status=Scan.Status.DONE,
        report=report,
        finished_at=timezone.now(),
    )


def policy_file(text=None, name="policy.txt"):
    return SimpleUploadedFile(name, (text or POLICY.read_text(encoding="utf-8")).encode("utf-8"))


def test_upload_on_the_page_reads_the_policy_and_logs_it(world, login):
    client = login(world.a.office_user)
    response = client.post(
        reverse("privacy:policy-upload"), {"version": world.a.version.pk, "file": policy_file()}
    )
    policy = PrivacyPolicy.objects.get(version=world.a.version)
    assert response.status_code == 302 and response["Location"] == policy.get_absolute_url()
    assert policy.effective_on.isoformat() == "2026-06-01" and len(policy.extracted["clauses"]) > 20
    assert ChangeLogEntry.objects.filter(
        object_type="privacy.privacypolicy", object_id=str(policy.pk)
    ).exists()
    page = client.get(policy.get_absolute_url()).content.decode()
    assert "第三方SDK清单" in page and "极光推送" in page
    assert (
        "尚无完成的扫描" in page
        or "no finished scan" in page
        or "没有完成的扫描" in page
        or 'id="gaps"' in page
    )


@pytest.mark.parametrize(
    "data, name", [(b"", "empty.txt"), (b"\x00\x01\x02" * 50, "x.bin"), (b"%PDF-1.4\n%%EOF", "p.pdf")]
)
def test_a_file_that_is_not_a_policy_is_refused_and_nothing_is_stored(world, login, data, name):
    client = login(world.a.office_user)
    response = client.post(
        reverse("privacy:policy-upload"),
        {"version": world.a.version.pk, "file": SimpleUploadedFile(name, data)},
        follow=True,
    )
    assert not PrivacyPolicy.objects.exists()
    text = " ".join(str(m) for m in response.context["messages"])
    assert text  # the reason is named


def test_the_policy_held_against_the_scan_fails_16_1_naming_each_gap(world):
    a = world.a
    policy = services.upload(a.version, policy_file(), a.office_user)
    assert result_for(a.inst, "NFRA-16.1", a.version.pk).outcome == "evidence_needed"  # no scan yet
    scan = done_scan(a.version)
    found, used = services.gaps(policy)
    assert used == scan
    kinds = {(g["kind"], g["subject"]) for g in found}
    assert ("permission_not_declared", "microphone") in kinds  # RECORD_AUDIO requested, not declared
    assert ("sdk_not_listed", "tencent_bugly") in kinds  # embedded, not in the SDK list
    assert ("sdk_pi_not_disclosed", "tencent_bugly:crash_logs") in kinds
    assert not any(
        k == "permission_not_declared" and s in ("camera", "location", "contacts") for k, s in kinds
    )
    result = result_for(a.inst, "NFRA-16.1", a.version.pk)
    assert result.outcome == "fail" and "麦克风" in result.zh and "Bugly" in result.zh
    assert any(link["url"] == policy.get_absolute_url() for link in result.links)


def test_a_policy_that_matches_the_scan_passes_16_1(world):
    a = world.a
    text = (
        POLICY.read_text(encoding="utf-8")
        .replace(
            "2. SDK名称：银联手机支付控件",
            "2. SDK名称：腾讯Bugly；使用目的：崩溃分析；收集信息：崩溃日志、设备信息。\n3. SDK名称：银联手机支付控件",
        )
        .replace(
            "（三）网点与ATM查询",
            "（三）语音导航：我们将申请麦克风权限，用于识别您的语音指令。\n（四）网点与ATM查询",
        )
    )
    services.upload(a.version, policy_file(text), a.office_user)
    done_scan(a.version)
    result = result_for(a.inst, "NFRA-16.1", a.version.pk)
    assert result.outcome == "pass", result.zh


def test_an_incomplete_policy_fails_16_2(world):
    a = world.a
    text = "隐私政策\n生效日期：2026年1月1日\n一、收集的信息\n我们会收集您的手机号码，用于登录。\n"
    policy = services.upload(a.version, policy_file(text), a.office_user)
    rules = {m["rule"] for m in policy.completeness}
    assert {"deregister", "third_party_list", "contact"} <= rules
    results = [
        r for r in __import__("compliance_fixtures").run(a.inst, "NFRA-16.2") if r.subject_id == a.app.pk
    ]
    assert results and results[0].outcome == "fail" and "注销" in results[0].zh


def test_a_correction_is_kept_and_applied(world, login):
    a = world.a
    policy = services.upload(a.version, policy_file(), a.office_user)
    # read from 收款账号 (a payee's bank account, payment_info): the office holds it is the payee's, not the user's
    assert "payment_info" in services.declared(policy)["pi_types"]
    client = login(a.office_user)
    client.post(
        reverse("privacy:policy-correct", args=[policy.pk]),
        {"field": "pi_types", "code": "payment_info", "action": "remove", "reason": "收款账号是收款人的账号"},
    )
    correction = PolicyCorrection.objects.get(policy=policy)
    assert "payment_info" not in services.declared(policy)["pi_types"]
    assert ChangeLogEntry.objects.filter(
        object_type="privacy.policycorrection", object_id=str(correction.pk)
    ).exists()
    client.post(
        reverse("privacy:policy-correct", args=[policy.pk]),
        {"field": "pi_types", "code": "not_a_type", "action": "add", "reason": "x"},
        follow=True,
    )
    assert PolicyCorrection.objects.filter(policy=policy).count() == 1


def test_the_api_uploads_reads_and_is_scoped(world, login):
    a, b = world.a, world.b
    client = login(a.office_user)
    response = client.post(
        "/api/privacy/policies/", {"version": a.version.pk, "file": policy_file()}, format="multipart"
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert "phone_number" in body["declared"]["pi_types"] and body["gaps"] is None
    other = services.upload(b.version, policy_file(), b.office_user)
    assert client.get(f"/api/privacy/policies/{other.pk}/").status_code == 404
    assert (
        client.post("/api/privacy/policies/", {"version": b.version.pk, "file": policy_file()}).status_code
        == 400
    )
    examiner = login(world.reg_in)
    assert examiner.get(f"/api/privacy/policies/{other.pk}/").status_code == 200
    assert (
        examiner.post("/api/privacy/policies/", {"version": b.version.pk, "file": policy_file()}).status_code
        == 403
    )
    bad = client.post(
        "/api/privacy/policies/", {"version": a.version.pk, "file": SimpleUploadedFile("x.bin", b"\x00" * 10)}
    )
    assert bad.status_code == 400 and bad.json()["errors"]["file"]
    assert PrivacyPolicy.objects.count() == 2


def test_a_new_policy_shows_what_changed(world, login):
    a = world.a
    services.upload(a.version, policy_file(), a.office_user)
    newer = services.upload(
        a.version, policy_file(POLICY.read_text(encoding="utf-8").replace("95599", "95599-8")), a.office_user
    )
    changes = services.diff(newer)
    assert any(sign == "+" and "95599-8" in text for sign, text in changes)
    assert any(sign == "-" and "95599，" in text for sign, text in changes)
    assert "95599-8" in login(a.office_user).get(newer.get_absolute_url()).content.decode()


def test_the_roles_of_privacy_policies_decide_who_uploads(world, login):
    """Compliance may upload a policy (privacy's write roles), though it may not edit the version itself; a
    reader may not; another institution's version is refused."""
    from django.core.exceptions import PermissionDenied

    a = world.a
    policy = services.upload(a.version, policy_file(), a.users["compliance"])
    assert policy.uploaded_by == a.users["compliance"]
    with pytest.raises(PermissionDenied):
        services.upload(a.version, policy_file(), a.users["read_only"])
    with pytest.raises(PermissionDenied):
        services.upload(world.b.version, policy_file(), a.users["compliance"])
    assert PrivacyPolicy.objects.count() == 1
