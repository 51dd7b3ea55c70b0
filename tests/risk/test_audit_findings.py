"""Issue 18 follow-up item 1: an audit's findings enter the common findings list with severity, owner and the SLA
policy's due date, linked back to the engagement, and are closed through the findings workflow."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from appgov.compliance import services as compliance
from appgov.compliance.models import Finding
from appgov.core import workflow
from appgov.risk import services
from appgov.risk.models import AuditFinding


def _engagement(world, state="fieldwork"):
    comp = world.a.users["compliance"]
    audit = services.audits.create(
        comp,
        {
            "institution": world.a.inst,
            "reference": "AU-F1",
            "title": "三年审计",
            "kind": "regular",
            "due_on": timezone.localdate() + datetime.timedelta(days=30),
            "apps": [world.a.app],
        },
    )
    if state in ("fieldwork", "reported"):
        audit = workflow.transition(audit, "fieldwork", comp) if audit.state == "planned" else audit
    return audit


def _record(world, audit, severity="high", **extra):
    return services.audit_findings.create(
        world.a.users["compliance"],
        {
            "engagement": audit,
            "app": world.a.app,
            "title": "越权访问未校验",
            "description": "转账接口未校验账户归属",
            "severity": severity,
            **extra,
        },
    )


def test_a_recorded_audit_finding_opens_a_finding_with_the_sla(world):
    compliance.set_sla(world.a.inst, "high", 12, world.a.users["compliance"])
    audit = _engagement(world)
    row = _record(world, audit)
    finding = Finding.objects.get(pk=row.finding_id)
    assert finding.institution == world.a.inst
    assert (finding.control_id, finding.subject_type, finding.subject_id) == (
        "NFRA-17.3",
        "audit_finding",
        row.pk,
    )
    assert finding.severity == "high" and finding.status == "open"
    assert finding.owner == world.a.app.responsible_person  # no owner named: the app's responsible person
    assert finding.due_on == timezone.localdate() + datetime.timedelta(days=12)  # the institution's SLA
    assert "AU-F1" in finding.subject_repr and "转账接口未校验账户归属" in finding.explanation_zh


def test_an_engagement_not_in_fieldwork_records_no_finding(world):
    audit = services.audits.create(
        world.a.users["compliance"],
        {
            "institution": world.a.inst,
            "reference": "AU-P1",
            "title": "计划中的审计",
            "kind": "inspection",
            "due_on": timezone.localdate() + datetime.timedelta(days=30),
            "apps": [world.a.app],
        },
    )
    with pytest.raises(ValidationError) as exc:
        _record(world, audit)
    assert "fieldwork" in str(exc.value)
    assert (
        not AuditFinding.objects.exists()
        and not Finding.objects.filter(subject_type="audit_finding").exists()
    )


def test_an_app_outside_the_engagement_is_refused(world):
    audit = _engagement(world)
    with pytest.raises(ValidationError) as exc:
        _record(world, audit, app=world.a.app2)
    assert "does not cover" in str(exc.value)


def test_the_evaluation_does_not_resolve_it_and_closing_is_the_findings_workflow(world):
    audit = _engagement(world)
    row = _record(world, audit, severity="medium")
    compliance.evaluate_now(world.a.inst)
    finding = Finding.objects.get(pk=row.finding_id)
    assert finding.status == "open"  # the evaluation judges controls, not an auditor's finding
    owner, comp = world.a.users["app_owner"], world.a.users["compliance"]
    compliance.move_finding(finding, "resolved", owner, "已增加账户归属校验")
    with pytest.raises((ValidationError, PermissionDenied)):  # maker-checker: the resolver does not verify
        compliance.move_finding(Finding.objects.get(pk=finding.pk), "verified", owner)
    compliance.move_finding(Finding.objects.get(pk=finding.pk), "verified", comp)
    assert Finding.objects.get(pk=finding.pk).status == "verified"


def test_once_in_the_list_it_is_changed_on_the_finding(world):
    row = _record(world, _engagement(world))
    with pytest.raises(ValidationError) as exc:
        services.audit_findings.update(row, world.a.users["compliance"], {"severity": "low"})
    assert "findings list" in str(exc.value)
    assert Finding.objects.get(pk=row.finding_id).severity == "high"


def test_pages_link_both_ways(world, login):
    audit = _engagement(world)
    client = login(world.a.users["compliance"])
    page = client.get(audit.get_absolute_url()).content.decode()
    assert 'id="add-audit-finding"' in page
    response = client.post(
        reverse("risk:auditfinding-add"),
        {
            "engagement": audit.pk,
            "app": world.a.app.pk,
            "title": "日志留存不足",
            "description": "操作日志仅保留 30 天",
            "severity": "medium",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    row = AuditFinding.objects.get(title="日志留存不足")
    page = client.get(audit.get_absolute_url()).content.decode()
    assert "日志留存不足" in page and reverse("compliance:finding-detail", args=[row.finding_id]) in page
    finding_page = client.get(reverse("compliance:finding-detail", args=[row.finding_id])).content.decode()
    assert 'id="finding-source"' in finding_page and row.get_absolute_url() in finding_page


def test_recorded_through_the_api(world, api):
    audit = _engagement(world)
    client = api(world.a.users["compliance"])
    response = client.post(
        "/api/risk/audit-findings/",
        {
            "engagement": audit.pk,
            "title": "无变更审批",
            "description": "两次上线无审批单",
            "severity": "critical",
        },
        format="json",
    )
    assert response.status_code == 201, response.json()
    finding = Finding.objects.get(pk=response.json()["finding_id"])
    assert finding.severity == "critical" and finding.owner is None  # institution-wide: no app, no owner
    refused = api(world.a.users["app_owner"]).post(
        "/api/risk/audit-findings/",
        {"engagement": audit.pk, "title": "x", "description": "y", "severity": "low"},
        format="json",
    )
    assert refused.status_code == 403
