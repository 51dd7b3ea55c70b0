"""Issue 20: the demo's HarmonyOS package, built in pure Python and scanned by the real scanner, against the demo
policy (three gaps); the policy the package carries, compared with the uploaded one and adopted."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from appgov.core import services as core
from appgov.ledger.models import AppVersion
from appgov.privacy import packaged, services
from appgov.privacy.demo import POLICY
from appgov.privacy.demo.package import scan_demo_package
from appgov.privacy.models import PrivacyPolicy
from appgov.scanning.models import Scan


def harmony_version(world):
    return core.save(
        AppVersion(app=world.a.app, platform="harmonyos", version_name="8.2.0", version_code=820), None
    )


def test_the_demo_package_is_scanned_for_real_and_shows_three_gaps(world, login):
    a = world.a
    version = harmony_version(world)
    scan = scan_demo_package(version, a.office_user)
    assert scan.status == Scan.Status.DONE and scan.report["platform"] == "harmonyos"
    assert {s["id"] for s in scan.report["sdks"]} == {"jpush", "unionpay", "msa_oaid"}
    policy = services.upload(version, SimpleUploadedFile("policy.txt", POLICY.read_bytes()), a.office_user)
    found, used = services.gaps(policy)
    assert used == scan
    assert sorted((g["kind"], g["subject"]) for g in found) == [
        ("permission_not_declared", "microphone"),
        ("sdk_not_listed", "msa_oaid"),
        ("sdk_pi_not_disclosed", "jpush:installed_apps"),
    ]
    page = login(a.office_user).get(policy.get_absolute_url()).content.decode()
    assert page.count('class="gap"') == 3 and "ohos.permission.MICROPHONE" in page
    # the package carries the previous edition of the policy: the page flags what differs
    assert 'id="packaged-differs"' in page and "resources/rawfile/privacy_policy.html" in page
    compared = packaged.against_uploaded(policy, services.declared(policy))
    assert compared["differences"]["sdks"] == {"only_uploaded": ["unionpay"], "only_packaged": []}
    assert any(sign == "+" and "注销账户" in text for sign, text in compared["changes"])


def test_the_policy_in_the_package_is_offered_and_adopted(world, login):
    a = world.a
    version = harmony_version(world)
    scan_demo_package(version, a.office_user)
    client = login(a.office_user)
    page = client.get(reverse("privacy:policy-list")).content.decode()
    assert 'class="packaged-offer' in page and reverse("privacy:adopt-packaged", args=[version.pk]) in page
    response = client.post(reverse("privacy:adopt-packaged", args=[version.pk]))
    policy = PrivacyPolicy.objects.get(version=version)
    assert response.status_code == 302 and response["Location"] == policy.get_absolute_url()
    assert policy.file_name == "privacy_policy.html" and policy.updated_on.isoformat() == "2025-11-03"
    page = client.get(policy.get_absolute_url()).content.decode()
    assert 'id="packaged-same"' in page
    # nothing to offer any more; a version whose scan found no policy is refused with the reason
    assert 'class="packaged-offer' not in client.get(reverse("privacy:policy-list")).content.decode()
    response = client.post(reverse("privacy:adopt-packaged", args=[a.version.pk]), follow=True)
    assert not PrivacyPolicy.objects.filter(version=a.version).exists()
    assert " ".join(str(m) for m in response.context["messages"])


def test_the_api_shows_and_adopts_the_packaged_policy(world, login):
    a = world.a
    version = harmony_version(world)
    scan = scan_demo_package(version, a.office_user)
    client = login(a.office_user)
    refused = client.post("/api/privacy/policies/", {"version": a.version.pk, "from_package": "true"})
    assert refused.status_code == 400  # a.version's package was never scanned: nothing to adopt
    both = client.post(
        "/api/privacy/policies/",
        {
            "version": version.pk,
            "from_package": "true",
            "file": SimpleUploadedFile("p.txt", POLICY.read_bytes()),
        },
    )
    assert both.status_code == 400 and not PrivacyPolicy.objects.exists()
    response = client.post("/api/privacy/policies/", {"version": version.pk, "from_package": "true"})
    assert response.status_code == 201, response.content
    body = client.get(f"/api/privacy/policies/{response.json()['id']}/").json()
    assert body["file_name"] == "privacy_policy.html"
    assert body["packaged_policy"]["scan"] == scan.pk and body["packaged_policy"]["same_text"] is True
    examiner = login(world.reg_in)
    assert (
        examiner.post("/api/privacy/policies/", {"version": version.pk, "from_package": "true"}).status_code
        == 403
    )
    assert PrivacyPolicy.objects.count() == 1
