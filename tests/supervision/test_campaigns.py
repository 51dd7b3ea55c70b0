"""NFRA-18.2 / 18.1 / 18.4: a campaign is planned, tested and issued; each finding lands in the institution's
findings list as a regulator-issued finding the institution cannot close; the office rejects or accepts the
rectification; the office's own controls follow its records."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile

from appgov.compliance import findings as compliance_findings
from appgov.compliance.models import Finding
from appgov.core.models import ChangeLogEntry
from appgov.supervision import checks, services
from appgov.supervision.models import Campaign, RectificationDecision


def record(world, campaign, evidence=True):
    result = services.results.create(
        world.reg_in,
        {
            "campaign": campaign,
            "app": world.b.app,
            "outcome": "findings",
            "tested_on": datetime.date(2026, 3, 5),
        },
    )
    data = {
        "result": result,
        "title": "ZQX 登录接口未限制重放",
        "severity": "high",
        "control_id": "NFRA-13.1",
        "description": "重放登录请求可绕过验证码。",
        "due_on": datetime.date(2026, 4, 30),
    }
    if evidence:
        data["evidence"] = ContentFile(b"%PDF-1.4 ZQX pentest report", name="zqx-pentest.pdf")
    return result, services.campaign_findings.create(world.reg_in, data)


def test_issue_needs_a_result_for_every_app_in_scope(world, campaign_b):
    with pytest.raises(ValidationError, match=world.b.app.name):
        services.issue(campaign_b, world.reg_in)
    assert Campaign.objects.get(pk=campaign_b.pk).status == Campaign.Status.PLANNED


def test_an_issued_finding_reaches_the_institution_and_only_the_office_closes_it(world, campaign_b):
    result, row = record(world, campaign_b)
    opened = services.issue(campaign_b, world.reg_in)
    assert len(opened) == 1
    finding = Finding.objects.get(pk=opened[0].pk)
    assert (finding.institution_id, finding.issued_by_office_id) == (
        world.b.inst.pk,
        world.reg_in.regulator_office_id,
    )
    assert finding.regulator_reference == "T2-PT-1-1" and finding.due_on == datetime.date(2026, 4, 30)
    assert finding.attachments.get().file.read().startswith(b"%PDF")
    # the entry that opened it names the examiner
    entry = ChangeLogEntry.objects.filter(object_type="compliance.finding", object_id=str(finding.pk)).get()
    assert entry.actor_id == world.reg_in.pk and entry.institution_id == world.b.inst.pk
    # the issued campaign is frozen
    with pytest.raises(ValidationError):
        services.campaign_findings.create(world.reg_in, {"result": result, "title": "迟到", "severity": "low",
                                                         "description": "x"})  # fmt: skip

    b = world.b.users
    # the institution may not verify or accept the risk of it, whoever tries
    with pytest.raises(PermissionDenied):
        compliance_findings.move(finding, "risk_accepted", b["compliance"], note="接受",
                                 accepted_until=datetime.date(2027, 1, 1))  # fmt: skip
    compliance_findings.move(finding, "resolved", b["app_owner"], note="已修复重放问题")
    with pytest.raises(PermissionDenied):
        compliance_findings.move(Finding.objects.get(pk=finding.pk), "verified", b["compliance"])
    assert Finding.objects.get(pk=finding.pk).status == "resolved"

    # the office outside the jurisdiction and the institution itself cannot decide
    for outsider in (world.reg_out, world.reg_hq, b["administrator"]):
        with pytest.raises(PermissionDenied):
            services.decide(finding, outsider, accepted=True, comment="越权")
    # reject once: back to the institution with the comment
    services.decide(finding, world.reg_in, accepted=False, comment="未提供复测报告")
    finding.refresh_from_db()
    assert finding.status == "in_rectification" and "未提供复测报告" in finding.note
    with pytest.raises(ValidationError):  # nothing submitted now
        services.decide(finding, world.reg_in, accepted=True, comment="通过")
    compliance_findings.move(finding, "resolved", b["app_owner"], note="附复测报告")
    services.decide(finding, world.reg_in, accepted=True, comment="复测通过")
    finding.refresh_from_db()
    assert finding.status == "verified" and finding.verified_by_id == world.reg_in.pk
    decisions = list(
        RectificationDecision.objects.filter(finding=finding)
        .order_by("pk")
        .values_list("decision", flat=True)
    )
    assert decisions == ["rejected", "accepted"]
    services.close(campaign_b, world.reg_in)
    assert Campaign.objects.get(pk=campaign_b.pk).status == Campaign.Status.CLOSED


def test_the_evaluation_never_resolves_a_regulator_issued_finding(world, campaign_b):
    from appgov.compliance import services as compliance

    record(world, campaign_b, evidence=False)
    finding = services.issue(campaign_b, world.reg_in)[0]
    compliance.evaluate_now(world.b.inst)
    finding.refresh_from_db()
    assert finding.status == "open"


def test_the_office_controls_follow_its_records(world, campaign_b, head_in):
    office = world.reg_in.regulator_office
    today = datetime.date.today()
    outcomes = {r.control_id: r.outcome for r in checks.evaluate(office, today)}
    assert outcomes["NFRA-18.2"] == "evidence_needed"  # planned, not issued
    assert outcomes["NFRA-18.3"] == "evidence_needed"  # nothing to follow up: not judged, not a pass
    out_office = world.reg_out.regulator_office
    assert {r.control_id: r.outcome for r in checks.evaluate(out_office, today)}["NFRA-18.2"] == "fail"

    record(world, campaign_b)
    finding = services.issue(campaign_b, world.reg_in)[0]
    outcomes = {r.control_id: r.outcome for r in checks.evaluate(office, today)}
    assert outcomes["NFRA-18.2"] == "pass" and outcomes["NFRA-18.1"] == "pass"
    # the deadline passes without rectification: accountability is owed until a measure is taken
    later = finding.due_on + datetime.timedelta(days=3)
    assert {r.control_id: r.outcome for r in checks.evaluate(office, later)}["NFRA-18.4"] == "fail"
    services.measures.create(head_in, {"institution": world.b.inst, "kind": "order", "taken_on": later,
                                       "summary": "责令限期整改", "campaign": campaign_b})  # fmt: skip
    assert {r.control_id: r.outcome for r in checks.evaluate(office, later)}["NFRA-18.4"] == "pass"
    # a submitted rectification left undecided past the decision days fails 18.3
    from appgov.compliance import findings as cf

    cf.move(Finding.objects.get(pk=finding.pk), "resolved", world.b.users["app_owner"], note="已整改")
    late = today + datetime.timedelta(days=checks.DECISION_DAYS + 1)
    assert {r.control_id: r.outcome for r in checks.evaluate(office, late)}["NFRA-18.3"] == "fail"
    assert {r.control_id: r.outcome for r in checks.evaluate(office, today)}["NFRA-18.3"] == "pass"


def test_the_issued_attachment_is_named_by_the_file_not_by_its_path_on_the_server(
    world, campaign_b, settings
):
    """The examiner's evidence file is copied under the finding by its own name: the copy's name held the
    absolute path of the original in the media directory (findings/1/1/srv/appgov/var/media/supervision/…)."""
    record(world, campaign_b)
    [opened] = services.issue(campaign_b, world.reg_in)
    attachment = Finding.objects.get(pk=opened.pk).attachments.get()
    folder, name = attachment.file.name.rsplit("/", 1)  # the storage may add a suffix to a name already taken
    assert folder == f"findings/{world.b.inst.pk}/{opened.pk}" and name.startswith("zqx-pentest")
    assert str(settings.MEDIA_ROOT).strip("/") not in attachment.file.name
