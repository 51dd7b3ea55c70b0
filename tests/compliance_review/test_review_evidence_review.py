"""Issue 11 item 4: evidence counts for a control only once a second person of a reviewing role (compliance,
or the administrator) has accepted it; until then it shows "pending review" and the control stays "evidence
needed"; a rejection needs a reason; every decision is in the change log; page and API refuse alike."""

import datetime

import pytest
from compliance_fixtures import result_for, today
from django.core.exceptions import PermissionDenied, ValidationError
from review_files import PDF, upload

from appgov.compliance import services
from appgov.compliance.models import Evidence
from appgov.core.services import history

CONTROL = "NFRA-05.3"


@pytest.fixture
def pending(world):
    a = world.a
    return services.add_evidence(
        a.inst,
        CONTROL,
        "app",
        a.app.pk,
        "销售回溯方案",
        today() - datetime.timedelta(days=1),
        a.users["app_owner"],
        upload("plan.pdf", PDF),
    )


def test_uploaded_evidence_is_pending_and_does_not_count(world, pending):
    assert pending.review_status == Evidence.Review.PENDING
    r = result_for(world.a.inst, CONTROL, world.a.app.pk)
    assert r.outcome == "evidence_needed" and "已上传的证明材料待复核：销售回溯方案" in r.zh


def test_a_second_person_of_compliance_accepts_it_and_then_it_counts(world, pending):
    a = world.a
    reviewer = a.users["compliance"]
    accepted = services.review_evidence(pending, reviewer, "accept", "与整改方案一致")
    assert (accepted.review_status, accepted.reviewed_by, accepted.review_reason) == (
        "accepted",
        reviewer,
        "与整改方案一致",
    )
    assert accepted.reviewed_at is not None
    assert result_for(a.inst, CONTROL, a.app.pk).outcome == "pass"
    entry = history(accepted).first()
    assert entry.action == "transition" and entry.actor == reviewer
    assert entry.after["transition"]["to"] == "accepted" and entry.before["review_status"] == "pending"
    # a decision is taken once: a second review is refused, naming why
    with pytest.raises(ValidationError, match="只能复核待复核的证明材料"):
        services.review_evidence(accepted, a.users["administrator"], "reject", "改主意")


def test_the_uploader_may_not_review_their_own_evidence_even_as_compliance(world):
    a = world.a
    own = services.add_evidence(
        a.inst, CONTROL, "app", a.app.pk, "自传自审", today(), a.users["compliance"], link="OA-1"
    )
    with pytest.raises(PermissionDenied, match="证明材料须由上传人以外的人员复核"):
        services.review_evidence(own, a.users["compliance"], "accept")
    own.refresh_from_db()
    assert own.review_status == "pending" and not history(own).filter(action="transition").exists()
    # the administrator is a second person of a reviewing role
    assert services.review_evidence(own, a.admin, "accept").review_status == "accepted"


@pytest.mark.parametrize("role", ["app_owner", "governance_office", "security", "auditor", "credit_officer"])
def test_other_roles_may_not_review(world, pending, role):
    with pytest.raises(PermissionDenied):
        services.review_evidence(pending, world.a.users[role], "accept")
    pending.refresh_from_db()
    assert pending.review_status == "pending"


def test_other_institutions_and_regulators_may_not_review(world, pending):
    for user in (world.b.users["compliance"], world.reg_out, world.a.users["read_only"]):
        with pytest.raises(PermissionDenied):
            services.review_evidence(pending, user, "accept")


def test_a_rejection_needs_a_reason_and_keeps_the_control_evidence_needed(world, pending):
    a = world.a
    with pytest.raises(ValidationError) as refused:
        services.review_evidence(pending, a.users["compliance"], "reject", "  ")
    assert "reason" in refused.value.message_dict
    rejected = services.review_evidence(pending, a.users["compliance"], "reject", "未加盖公章")
    assert (rejected.review_status, rejected.review_reason) == ("rejected", "未加盖公章")
    r = result_for(a.inst, CONTROL, a.app.pk)
    assert r.outcome == "evidence_needed" and "待复核" not in r.zh  # rejected is not "awaiting review"
    assert Evidence.objects.filter(pk=pending.pk).exists()  # kept on record, not deleted


def test_the_control_page_shows_pending_review_and_the_reviewer_decides_there(world, login, pending):
    a = world.a
    url = f"/compliance/controls/{CONTROL}/"
    owner_page = login(a.users["app_owner"]).get(url).content.decode()
    assert "待复核" in owner_page and 'data-review="pending"' in owner_page
    assert "evidence-accept" not in owner_page  # the uploader's role gets no review buttons
    reviewer = login(a.users["compliance"])
    assert "evidence-accept" in reviewer.get(url).content.decode()
    review_url = f"/compliance/evidence/{pending.pk}/review/"
    # the uploader's role refuses with 403, as the API does; another institution gets 404
    assert login(a.users["app_owner"]).post(review_url, {"decision": "accept"}).status_code == 403
    assert login(world.b.users["compliance"]).post(review_url, {"decision": "accept"}).status_code == 404
    response = reviewer.post(review_url, {"decision": "reject", "reason": ""}, follow=True)
    assert any("退回理由" in m.message for m in response.context["messages"])
    assert reviewer.post(review_url, {"decision": "reject", "reason": "日期不符"}).status_code == 302
    page = reviewer.get(url).content.decode()
    assert 'data-review="rejected"' in page and "日期不符" in page


def test_api_review(world, api, pending):
    a = world.a
    url = f"/api/compliance/evidence/{pending.pk}/review/"
    listed = api(a.users["compliance"]).get(f"/api/compliance/evidence/{pending.pk}/").json()
    assert listed["review_status"] == "pending" and listed["reviewed_by"] is None
    refused = api(a.users["app_owner"]).post(url, {"decision": "accept"}, format="json")
    assert refused.status_code == 403 and refused.json()["code"] == "permission_denied"
    no_reason = api(a.users["compliance"]).post(url, {"decision": "reject"}, format="json")
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["errors"]
    bad = api(a.users["compliance"]).post(url, {"decision": "maybe"}, format="json")
    assert bad.status_code == 400 and "decision" in bad.json()["errors"]
    assert (
        api(world.b.users["compliance"]).post(url, {"decision": "accept"}, format="json").status_code == 404
    )
    done = api(a.users["compliance"]).post(url, {"decision": "accept", "reason": "核对无误"}, format="json")
    assert done.status_code == 200, done.content
    assert (
        done.json()["review_status"] == "accepted" and done.json()["reviewed_by"] == a.users["compliance"].pk
    )


@pytest.mark.unlogged_writes("a data migration writes as the migrate command does, outside the services")
def test_evidence_on_record_before_the_review_rule_is_migrated_as_accepted(world, pending):
    """The data migration keeps existing evidence counting (the demo and pilots do not lose it)."""
    from importlib import import_module

    from django.apps import apps

    migration = import_module("appgov.compliance.migrations.0002_evidence_review_finding_attachments")
    assert result_for(world.a.inst, CONTROL, world.a.app.pk).outcome == "evidence_needed"
    migration.accept_existing_evidence(apps, None)
    pending.refresh_from_db()
    assert pending.review_status == "accepted"
    assert result_for(world.a.inst, CONTROL, world.a.app.pk).outcome == "pass"
