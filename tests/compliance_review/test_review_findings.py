"""Issue 11 item 5: a finding is verified by someone other than the person who marked it resolved
(maker-checker, a guard of workflows/finding.yaml); findings take content-checked attachments and are
reassigned to a person and/or department through a service, with a change-log entry each time."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from review_files import PDF, WINDOWS_EXE, image, upload

from appgov.compliance import services
from appgov.compliance.evaluation import evaluate
from appgov.compliance.models import Finding, FindingAttachment
from appgov.core.services import history
from appgov.ledger import services as ledger

S = Finding.Status


@pytest.fixture
def open_finding(world):
    evaluate(world.a.inst)
    return Finding.objects.get(institution=world.a.inst, control_id="NFRA-02.2", subject_id=world.a.app.pk)


def _resolve(finding, user):
    finding = services.move_finding(finding, S.IN_RECTIFICATION, user, "整改中")
    return services.move_finding(finding, S.RESOLVED, user, "已补录")


# --- maker-checker -----------------------------------------------------------------------------------------


def test_one_person_cannot_take_a_critical_finding_from_open_to_verified(world, open_finding):
    """The pilot's case: one user moved a finding open → 整改中 → 已整改 → 已验证 in a minute."""
    a = world.a
    resolved = _resolve(open_finding, a.admin)
    assert resolved.resolved_by == a.admin
    with pytest.raises(PermissionDenied, match="问题须由标记“已整改”者以外的人员验证"):
        services.move_finding(resolved, S.VERIFIED, a.admin, "自己验证")
    resolved.refresh_from_db()
    assert resolved.status == S.RESOLVED and resolved.verified_by is None
    verified = services.move_finding(resolved, S.VERIFIED, a.users["compliance"], "复核通过")
    assert (verified.status, verified.resolved_by, verified.verified_by) == (
        S.VERIFIED,
        a.admin,
        a.users["compliance"],
    )


def test_the_resolver_is_not_offered_verify_and_is_refused_by_page_and_api(world, open_finding, login, api):
    a = world.a
    resolver = a.users["governance_office"]
    resolved = _resolve(open_finding, resolver)
    page_url = f"/compliance/findings/{resolved.pk}/"
    assert 'value="verified"' not in login(resolver).get(page_url).content.decode()
    assert 'value="verified"' in login(a.users["compliance"]).get(page_url).content.decode()
    assert login(resolver).post(page_url, {"to_status": "verified"}).status_code == 403
    response = api(resolver).post(
        f"/api/compliance/findings/{resolved.pk}/move/", {"to_status": "verified"}, format="json"
    )
    assert response.status_code == 403
    assert "问题须由标记“已整改”者以外的人员验证" in response.json()["detail"]
    resolved.refresh_from_db()
    assert resolved.status == S.RESOLVED


def test_resolved_by_the_evaluation_any_verifier_may_verify_and_a_reopen_forgets_the_resolver(
    world, open_finding
):
    a = world.a
    resolved = _resolve(open_finding, a.users["app_owner"])
    # the check fails again: the evaluation reopens it, and the earlier resolver is no longer "the maker"
    evaluate(a.inst)
    resolved.refresh_from_db()
    assert resolved.status == S.OPEN and resolved.resolved_by is None
    # the data is fixed: the evaluation resolves it, nobody in particular marked it
    ledger.record_gate_evidence(a.app, "admission_review", "ALPHA-ADMIT-7")
    evaluate(a.inst)
    resolved.refresh_from_db()
    assert resolved.status == S.RESOLVED and resolved.resolved_by is None
    assert services.move_finding(resolved, S.VERIFIED, a.users["compliance"]).status == S.VERIFIED


# --- attachments -------------------------------------------------------------------------------------------


def test_attachments_are_content_checked_logged_and_scoped(world, open_finding, login, api):
    a = world.a
    owner = a.users["app_owner"]
    attachment = services.add_finding_attachment(open_finding, owner, upload("整改报告.pdf", PDF), "整改报告")
    assert (attachment.finding, attachment.title, attachment.uploaded_by) == (open_finding, "整改报告", owner)
    assert history(attachment).get().action == "create"
    page = login(owner).get(f"/compliance/findings/{open_finding.pk}/").content.decode()
    assert "整改报告" in page and f"/compliance/findings/attachments/{attachment.pk}/" in page
    download = login(a.users["read_only"]).get(f"/compliance/findings/attachments/{attachment.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert login(world.b.admin).get(f"/compliance/findings/attachments/{attachment.pk}/").status_code == 404
    # a program is refused, naming the file, on the page and in the API; nothing stored
    response = login(owner).post(
        f"/compliance/findings/{open_finding.pk}/attach/",
        {"title": "坏文件", "file": upload("坏文件.exe", WINDOWS_EXE.read_bytes())},
        follow=True,
    )
    assert any("不接受“坏文件.exe”" in m.message for m in response.context["messages"])
    refused = api(owner).post(
        f"/api/compliance/findings/{open_finding.pk}/attach/",
        {"title": "坏文件", "file": upload("坏文件.exe", WINDOWS_EXE.read_bytes())},
        format="multipart",
    )
    assert refused.status_code == 400 and "file" in refused.json()["errors"]
    assert FindingAttachment.objects.count() == 1
    # the API attaches an image and lists and downloads it
    created = api(owner).post(
        f"/api/compliance/findings/{open_finding.pk}/attach/",
        {"file": upload("截图.png", image("PNG"))},
        format="multipart",
    )
    assert created.status_code == 201, created.content
    assert created.json()["title"] == "截图.png"
    listed = api(owner).get("/api/compliance/finding-attachments/", {"finding": open_finding.pk}).json()
    assert {r["title"] for r in listed["results"]} == {"整改报告", "截图.png"}
    assert api(world.b.admin).get("/api/compliance/finding-attachments/").json()["results"] == []
    # roles that may not work on findings, and regulators, cannot attach
    assert (
        login(a.users["read_only"])
        .post(f"/compliance/findings/{open_finding.pk}/attach/", {"file": upload("x.pdf", PDF)})
        .status_code
        == 403
    )
    assert (
        api(world.reg_out)
        .post(f"/api/compliance/findings/{open_finding.pk}/attach/", {"file": upload("x.pdf", PDF)})
        .status_code
        == 403
    )


# --- reassignment ------------------------------------------------------------------------------------------


def test_reassignment_changes_person_and_department_with_a_change_log_entry(world, open_finding):
    a = world.a
    office = a.depts["OFFICE"]
    moved = services.reassign_finding(
        open_finding, a.users["governance_office"], a.people["P001"].pk, office.pk
    )
    assert (moved.owner, moved.owner_department) == (a.people["P001"], office)
    entry = history(moved).first()
    assert entry.action == "update" and entry.actor == a.users["governance_office"]
    assert entry.before["owner_department_id"] is None and entry.after["owner_department_id"] == office.pk
    # only to people and departments of the finding's institution, never to someone who has left
    with pytest.raises(ValidationError) as refused:
        services.reassign_finding(moved, a.users["governance_office"], None, world.b.depts["OFFICE"].pk)
    assert "owner_department" in refused.value.message_dict
    with pytest.raises(ValidationError, match="cannot be responsible|不能作为责任人"):
        services.reassign_finding(moved, a.users["governance_office"], a.people["P002"].pk, None)
    with pytest.raises(ValidationError):
        services.reassign_finding(moved, a.users["governance_office"], None, None)
    with pytest.raises(PermissionDenied):
        services.reassign_finding(moved, a.users["read_only"], a.people["P001"].pk, None)
    moved.refresh_from_db()
    assert moved.owner_department == office


def test_reassignment_on_the_page_and_in_the_api(world, open_finding, login, api):
    a = world.a
    biz = a.depts["BIZ"]
    page = login(a.users["governance_office"])
    assert (
        page.post(
            f"/compliance/findings/{open_finding.pk}/reassign/", {"owner": "", "owner_department": biz.pk}
        ).status_code
        == 302
    )
    open_finding.refresh_from_db()
    assert (open_finding.owner, open_finding.owner_department) == (None, biz)
    assert biz.name in page.get(f"/compliance/findings/{open_finding.pk}/").content.decode()
    response = api(a.users["compliance"]).post(
        f"/api/compliance/findings/{open_finding.pk}/reassign/",
        {"owner": a.people["P001"].pk, "owner_department": world.b.depts["BIZ"].pk},
        format="json",
    )
    assert response.status_code == 400 and "owner_department" in response.json()["errors"]
    response = api(a.users["compliance"]).post(
        f"/api/compliance/findings/{open_finding.pk}/reassign/", {"owner": a.people["P001"].pk}, format="json"
    )
    assert response.status_code == 200, response.content
    assert (response.json()["owner"], response.json()["owner_department"]) == (a.people["P001"].pk, None)
    assert (
        api(world.b.admin)
        .post(f"/api/compliance/findings/{open_finding.pk}/reassign/", {"owner": 1}, format="json")
        .status_code
        == 404
    )
