"""Incidents: severity from the criteria data, what a major incident requires, the workflow to closing."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from appgov.core import workflow
from appgov.core.models import ChangeLogEntry
from appgov.risk import policy, services
from appgov.risk.models import AuditEngagement, PrivacyNotification, RegulatorReport


def test_severity_is_judged_from_the_criteria_data():
    assert policy.judge_severity({"outage_minutes": 120})[0] == "major"
    assert policy.judge_severity({"outage_minutes": 119})[0] == "significant"
    assert policy.judge_severity({"records_exposed": 99})[0] == "minor"
    level, met, _rules = policy.judge_severity({"customers_affected": 10000, "loss_yuan": 1})
    assert level == "major" and met == [
        {"zh": "影响客户不少于 1 万人", "en": "10,000 customers or more affected"}
    ]


def test_major_incident_requires_three_reports_and_a_special_audit(world, major):
    assert major.severity == "major" and major.institution == world.a.inst
    reports = {r.stage: r for r in RegulatorReport.objects.filter(incident=major)}
    assert set(reports) == {"initial", "follow_up", "final"}
    assert reports["initial"].due_at == major.detected_at + datetime.timedelta(hours=2)
    assert reports["follow_up"].due_at == major.detected_at + datetime.timedelta(hours=72)
    assert reports["initial"].office == world.a.inst.regulator_office
    audit = AuditEngagement.objects.get(trigger_incident=major)
    assert audit.kind == "special" and audit.state == "required"
    assert list(audit.apps.all()) == [world.a.app]
    assert audit.due_on == timezone.localdate(major.detected_at) + datetime.timedelta(days=30)
    # every row the rule made is in the change log
    for obj in [*reports.values(), audit]:
        assert ChangeLogEntry.objects.filter(
            object_type=obj._meta.label_lower, object_id=str(obj.pk)
        ).exists()


def test_minor_incident_requires_nothing_and_privacy_leak_requires_notifications(world):
    sec = world.a.users["security"]
    minor = services.incidents.create(
        sec,
        {
            "reference": "INC-2",
            "title": "x",
            "kind": "outage",
            "detected_at": timezone.now(),
            "apps": [world.a.app],
        },
    )
    assert minor.severity == "minor"
    assert not minor.regulator_reports.exists() and not minor.special_audits.exists()
    leak = services.incidents.create(
        sec,
        {
            "reference": "INC-3",
            "title": "泄露",
            "kind": "data_leak",
            "detected_at": timezone.now(),
            "records_exposed": 500,
            "apps": [world.a.app],
        },
    )
    assert leak.severity == "significant"
    assert set(PrivacyNotification.objects.filter(incident=leak).values_list("audience", flat=True)) == {
        "persons",
        "authority",
    }


def test_incident_needs_an_app_of_its_own_institution(world):
    sec = world.a.users["security"]
    data = {"reference": "INC-4", "title": "x", "kind": "outage", "detected_at": timezone.now()}
    with pytest.raises(ValidationError, match="at least one affected app"):
        services.incidents.create(sec, {**data, "apps": []})
    with pytest.raises(ValidationError, match="another institution"):
        services.incidents.create(sec, {**data, "apps": [world.b.app]})
    with pytest.raises(PermissionDenied):
        services.incidents.create(world.a.users["app_owner"], {**data, "apps": [world.a.app]})


def test_major_stays_major(world, major):
    with pytest.raises(ValidationError, match="stay required"):
        services.incidents.update(
            major, world.a.users["security"], {"outage_minutes": 5, "customers_affected": 0}
        )


def test_closing_waits_for_reports_sent(world, major):
    from django.core.files.base import ContentFile

    sec = world.a.users["security"]
    workflow.transition(major, "contained", sec, containment="切换备用机房")
    major = workflow.transition(major, "resolved", sec, root_cause="存储故障")
    final = major.regulator_reports.get(stage="final")
    assert final.due_at.date() >= timezone.localdate() + datetime.timedelta(days=29)
    with pytest.raises(workflow.TransitionRefused, match="Not yet sent"):
        workflow.transition(major, "closed", sec, lessons="加强巡检")
    for report in major.regulator_reports.all():
        with pytest.raises(ValidationError, match="Generate the report"):
            services.record_sent(report, sec, reference="R-1")
        report.document.save("r.pdf", ContentFile(b"%PDF-1.4"), save=False)
        services.reports.update(report, sec, {"document": report.document})
        services.record_sent(services.reports.model.objects.get(pk=report.pk), sec, reference="ACK-1")
    major = workflow.transition(major, "closed", sec, lessons="加强巡检")
    assert major.state == "closed" and major.closed_on == timezone.localdate()
    with pytest.raises(ValidationError, match="closed incident"):
        services.incidents.update(major, sec, {"title": "改"})
