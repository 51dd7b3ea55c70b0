"""Release gate "no regression since the previous version" (issue 15 item 12): the newest version's scan
against the previous version's, on real packages; the governance office may accept it with a reason."""

import html
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from scan_helpers import fixture_app, rescan, scanned_version

from appgov.ledger.gates import find_transition
from appgov.scanning.gates import no_regression_since_previous_version
from appgov.scanning.models import GateRegressionAcceptance, SdkAssessment
from appgov.scanning.regression import accept_regression, version_regression

ACCEPT_API = "/api/scanning/regression-acceptances/"


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are asserted in English, their source form (zh-Hans is checked by tests/test_i18n.py)."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def test_the_release_transition_lists_the_item():
    release = find_transition("in_testing", "released")
    item = next(i for i in release.items if i.id == "no_regression_since_previous_version")
    assert item.kind == "check" and item.label["zh"] and item.label["en"]


def test_a_regression_blocks_the_release_until_the_office_accepts_it(world, scan_apks, system, login):
    org = world.a
    with system(None, prefix="test-regression"):
        app = fixture_app(org)
        # The previous version was packed (360 Jiagu); the new one is not, and brings SDKs and permissions.
        scanned_version(app, "1.0.7", scan_apks["packed_app"])
        version, scan = scanned_version(app, "3.2.1", scan_apks["sdk_app"])
    assert no_regression_since_previous_version(app) is False
    regression = version_regression(version)
    assert regression.blocking and regression.scan == scan
    assert "packer:qihoo_jiagu" in regression.diff["lost_hardening"]
    assert "android.permission.CAMERA" in regression.diff["new_dangerous_permissions"]
    assert {s["id"] for s in regression.new_unassessed_sdks} >= {"jpush", "umeng_analytics"}
    assert "DEBUGGABLE" in {f["rule"] for f in regression.diff["added_high_findings"]}

    # The version page shows the diff and, to the office, the acceptance form.
    office = org.users["governance_office"]
    page = html.unescape(login(office).get(f"/ledger/versions/{version.pk}/").content.decode())
    for shown in (
        "packer:qihoo_jiagu",
        "android.permission.CAMERA",
        "JPush",
        "DEBUGGABLE",
        "regression-accept",
    ):
        assert shown in page, shown
    owner = org.users["app_owner"]
    assert "regression-accept" not in login(owner).get(f"/ledger/versions/{version.pk}/").content.decode()

    # Neither the app owner nor security may accept it; the page and the API refuse the same.
    for role in ("app_owner", "security"):
        user = org.users[role]
        login(user).post(f"/scanning/versions/{version.pk}/regression/accept/", {"reason": "ok"})
        response = login(user).post(
            ACCEPT_API, json.dumps({"version": version.pk, "reason": "ok"}), content_type="application/json"
        )
        assert response.status_code == 403, response.content
    assert not GateRegressionAcceptance.objects.exists()
    # A reason is required.
    response = login(office).post(
        ACCEPT_API, json.dumps({"version": version.pk, "reason": " "}), content_type="application/json"
    )
    assert response.status_code == 400 and "reason" in response.json()["errors"]
    # Institution B's office cannot reach A's version.
    response = login(world.b.users["governance_office"]).post(
        ACCEPT_API, json.dumps({"version": version.pk, "reason": "x"}), content_type="application/json"
    )
    assert response.status_code == 404

    page = login(office).post(
        f"/scanning/versions/{version.pk}/regression/accept/",
        {"reason": "加固于 3.2.2 恢复，SDK 评估已排期"},
        follow=True,
    )
    assert page.status_code == 200
    acceptance = GateRegressionAcceptance.objects.get(version=version)
    assert (acceptance.accepted_by, acceptance.scan, acceptance.reason) == (
        office,
        scan,
        "加固于 3.2.2 恢复，SDK 评估已排期",
    )
    assert no_regression_since_previous_version(app) is True
    assert "加固于 3.2.2 恢复" in page.content.decode()
    listed = login(office).get(ACCEPT_API, {"version": version.pk}).json()["results"]
    assert [a["id"] for a in listed] == [acceptance.pk]
    assert login(world.b.admin).get(f"{ACCEPT_API}{acceptance.pk}/").status_code == 404

    # Accepting again is refused; a rescan is a new pair of scans, which needs its own acceptance.
    response = login(office).post(
        ACCEPT_API, json.dumps({"version": version.pk, "reason": "again"}), content_type="application/json"
    )
    assert response.status_code == 400
    with system(None, prefix="test-rescan"):
        rescan(version)
    assert no_regression_since_previous_version(app) is False
    response = login(office).post(
        ACCEPT_API, json.dumps({"version": version.pk, "reason": "同上"}), content_type="application/json"
    )
    assert response.status_code == 201, response.content
    assert no_regression_since_previous_version(app) is True


def test_no_regression_passes_and_there_is_nothing_to_accept(world, scan_apks, system):
    org = world.a
    with system(None, prefix="test-no-regression"):
        app = fixture_app(org)
        first, _ = scanned_version(app, "3.2.0", scan_apks["sdk_app"])
        assert no_regression_since_previous_version(app) is True  # a first release has nothing to compare
        version, _ = scanned_version(app, "3.2.1", scan_apks["sdk_app"])
    regression = version_regression(version)
    assert regression is not None and regression.diff["gate_blocking"] is False
    assert no_regression_since_previous_version(app) is True
    with pytest.raises(ValidationError, match="no regression"):
        accept_regression(version, org.users["governance_office"], "nothing")
    assert not GateRegressionAcceptance.objects.exists()


def test_a_new_sdk_counts_until_it_has_a_valid_assessment(world, scan_apks, system):
    org = world.a
    with system(None, prefix="test-sdk-regression"):
        app = fixture_app(org)
        scanned_version(app, "1.0.7", scan_apks["packed_app"])
        version, _ = scanned_version(app, "3.2.1", scan_apks["sdk_app"])
    new_sdks = {s["id"] for s in version_regression(version).new_unassessed_sdks}
    assert {"jpush", "umeng_analytics", "tencent_bugly"} <= new_sdks
    with system(None, prefix="test-assess"):
        SdkAssessment.objects.create(
            institution=org.inst,
            sdk_id="jpush",
            assessed_on="2026-11-01",
            conclusion="approved",
            reference="A",
        )
        SdkAssessment.objects.create(
            institution=org.inst,
            sdk_id="umeng_analytics",
            assessed_on="2026-11-01",
            conclusion="rejected",
            reference="R",
        )
    still = {s["id"] for s in version_regression(version).new_unassessed_sdks}
    assert "jpush" not in still  # assessed and approved
    assert "umeng_analytics" in still  # a rejected SDK has no valid assessment
