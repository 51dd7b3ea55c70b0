"""Issue 12 item 13: the internal auditor is read-only everywhere, and gate evidence is recorded by the role
the gate names (ledger/gates.yaml), so the app owner alone cannot admit, evidence and release an app."""

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import ImproperlyConfigured, PermissionDenied

from appgov.core.roles import WRITE_ROLES, Role, can_write
from appgov.ledger import gates, services
from appgov.ledger.models import GateEvidence

EVIDENCE_API = "/api/compliance/evidence/"


def project_models():
    return [m for m in django_apps.get_models() if m.__module__.startswith("appgov.")]


@pytest.mark.parametrize("role", [Role.AUDITOR, Role.READ_ONLY])
def test_read_only_roles_may_write_no_model(world, role):
    user = world.a.users[role]
    labels = set(WRITE_ROLES) | {m._meta.label_lower for m in project_models()}
    assert [label for label in sorted(labels) if can_write(user, label)] == []


def test_the_auditor_uploads_no_evidence_and_starts_no_evaluation_through_the_api(world, api):
    from appgov.compliance.models import Evaluation, Evidence

    client = api(world.a.users["auditor"])
    data = {
        "control_id": "NFRA-05.3",
        "subject_type": "app",
        "subject_id": world.a.app.pk,
        "title": "审计底稿",
        "effective_on": "2026-03-01",
        "link": "OA-1",
    }
    before = (Evidence.objects.count(), Evaluation.objects.count())
    assert client.post(EVIDENCE_API, data, format="json").status_code == 403
    assert client.post("/api/compliance/evaluations/", {}, format="json").status_code == 403
    assert (Evidence.objects.count(), Evaluation.objects.count()) == before
    # the same upload by compliance is accepted (the refusal is the role's, not the request's)
    assert api(world.a.users["compliance"]).post(EVIDENCE_API, data, format="json").status_code == 201


def test_every_evidence_item_of_the_gates_names_the_roles_that_record_it():
    items = {item.id: item for t in gates.transitions() for item in t.items if item.kind == "evidence"}
    assert items and all(item.roles for item in items.values())
    assert items["security_requirements"].roles == {Role.SECURITY}
    assert items["compliance_review"].roles == {Role.COMPLIANCE}
    assert items["admission_review"].roles == {Role.GOVERNANCE_OFFICE}
    # the app owner records no evidence of admission, development start or release
    before_operation = {"admit", "start_development", "submit_for_testing", "release"}
    owned = [
        item.id
        for t in gates.transitions()
        if t.action in before_operation
        for item in t.items
        if item.kind == "evidence" and Role.APP_OWNER in item.roles
    ]
    assert owned == []


def test_a_gates_file_without_roles_on_an_evidence_item_is_refused():
    data = {
        "version": 1,
        "transitions": [
            {"from": "proposed", "to": "admitted", "action": "admit", "label": LABEL, "items": ["x"]}
        ],
        "items": {"x": {"kind": "evidence", "label": LABEL}},
    }
    with pytest.raises(ImproperlyConfigured, match="names no roles"):
        gates.parse_gates(data)
    data["items"]["x"]["roles"] = ["janitor"]
    with pytest.raises(ImproperlyConfigured, match="unknown roles"):
        gates.parse_gates(data)


LABEL = {"zh": "x", "en": "x"}


@pytest.mark.parametrize(
    "role,item,allowed",
    [
        ("app_owner", "security_requirements", False),
        ("app_owner", "test_report", False),
        ("app_owner", "admission_review", False),
        ("governance_office", "compliance_review", False),
        ("security", "security_requirements", True),
        ("compliance", "compliance_review", True),
        ("governance_office", "admission_review", True),
        ("administrator", "test_report", True),
    ],
)
def test_gate_evidence_is_recorded_by_the_role_the_gate_names(world, role, item, allowed):
    app, user = world.a.app, world.a.users[role]
    before = GateEvidence.objects.filter(app=app, item=item).count()
    if allowed:
        services.record_gate_evidence(app, item, "REF-1", user)
        assert GateEvidence.objects.filter(app=app, item=item).count() == before + 1
    else:
        with pytest.raises(PermissionDenied) as exc:
            services.record_gate_evidence(app, item, "REF-1", user)
        assert gates.evidence_item(item).title in str(exc.value)
        assert GateEvidence.objects.filter(app=app, item=item).count() == before


def test_the_app_owner_is_refused_gate_evidence_through_the_api(world, api):
    response = api(world.a.users["app_owner"]).post(
        "/api/ledger/gate-evidence/",
        {"app": world.a.app2.pk, "item": "admission_review", "reference": "自批"},
        format="json",
    )
    assert response.status_code == 403 and response.json()["code"] == "permission_denied"
    assert not GateEvidence.objects.filter(app=world.a.app2, reference="自批").exists()
