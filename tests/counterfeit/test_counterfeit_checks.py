"""NFRA-09.5 and NFRA-12.4 judged from the monitoring records."""

import datetime

from counterfeit_fixtures import case_of
from django.utils import timezone

from appgov.compliance.evaluation import catalogue
from appgov.core.controls.context import EvaluationContext
from appgov.core.controls.registry import check_for
from appgov.counterfeit import services
from appgov.counterfeit.models import CounterfeitCase, ListingFeed, SweepRun


def results(world, control_id, today=None):
    ctx = EvaluationContext(world.a.inst, today or timezone.localdate())
    control = catalogue().by_id(control_id)
    return {r.subject_id: r for r in check_for(control_id)(ctx, control)}


def test_nfra_09_5_without_any_feed_needs_evidence(world):
    out = results(world, "NFRA-09.5")
    assert out[world.a.app.pk].outcome == "evidence_needed"


def test_nfra_09_5_passes_when_monitoring_runs_and_fails_when_it_stops(swept):
    world = swept
    out = results(world, "NFRA-09.5")
    assert {r.outcome for r in out.values()} == {"pass"}
    assert set(out) == {world.a.app.pk, world.a.app2.pk}
    stale = timezone.now() - datetime.timedelta(days=10)
    SweepRun.objects.filter(institution=world.a.inst).update(finished_at=stale)
    out = results(world, "NFRA-09.5")
    assert (
        out[world.a.app.pk].outcome == "fail" and "last sweep finished 10 days ago" in out[world.a.app.pk].en
    )
    SweepRun.objects.filter(institution=world.a.inst).update(finished_at=timezone.now())
    ListingFeed.objects.filter(institution=world.a.inst).update(
        received_at=timezone.now() - datetime.timedelta(days=40)
    )
    assert results(world, "NFRA-09.5")[world.a.app.pk].outcome == "fail"


def test_nfra_09_5_confirmed_case_needs_clarification_and_report_on_time(swept):
    world = swept
    sec, comp = world.a.users["security"], world.a.users["compliance"]
    case = case_of(world, "L-FAKE")
    CounterfeitCase.objects.filter(pk=case.pk).update(opened_at=timezone.now() - datetime.timedelta(days=30))
    case.refresh_from_db()
    confirmed = timezone.localdate() - datetime.timedelta(days=2)
    case = services.move_case(case, "confirmed_counterfeit", sec, on=confirmed)
    # within the deadlines: still passes
    assert results(world, "NFRA-09.5")[world.a.app.pk].outcome == "pass"
    # time passes: both deadlines are behind us and nothing was done (dates moved back instead of the clock)
    back = datetime.timedelta(days=15)
    CounterfeitCase.objects.filter(pk=case.pk).update(
        confirmed_on=case.confirmed_on - back,
        clarification_due_on=case.clarification_due_on - back,
        report_due_on=case.report_due_on - back,
    )
    case.refresh_from_db()
    result = results(world, "NFRA-09.5")[world.a.app.pk]
    assert result.outcome == "fail"
    assert f"#{case.pk} not clarified by {case.clarification_due_on}" in result.en
    assert f"#{case.pk} not reported to the regulator by {case.report_due_on}" in result.en
    assert result.links and result.links[0]["url"] == f"/counterfeit/cases/{case.pk}/"
    # the other app is not affected
    assert results(world, "NFRA-09.5")[world.a.app2.pk].outcome == "pass"
    # done on time: passes
    services.add_clarification(case, comp, channel="官网", published_on=case.confirmed_on)
    services.record_report(case, comp, reference="R-1", reported_on=case.confirmed_on)
    assert results(world, "NFRA-09.5")[world.a.app.pk].outcome == "pass"


def test_nfra_09_5_late_report_fails_for_a_while(swept):
    world = swept
    sec, comp = world.a.users["security"], world.a.users["compliance"]
    case = case_of(world, "L-FAKE")
    CounterfeitCase.objects.filter(pk=case.pk).update(opened_at=timezone.now() - datetime.timedelta(days=60))
    case.refresh_from_db()
    case = services.move_case(
        case, "confirmed_counterfeit", sec, on=timezone.localdate() - datetime.timedelta(days=40)
    )
    services.add_clarification(case, comp, channel="官网", published_on=case.confirmed_on)
    services.record_report(case, comp, reference="R-1")  # today: weeks late
    result = results(world, "NFRA-09.5")[world.a.app.pk]
    assert result.outcome == "fail" and "reported late" in result.en
    # 91 days after the due date the late delivery no longer fails the control
    CounterfeitCase.objects.filter(pk=case.pk).update(
        report_due_on=timezone.localdate() - datetime.timedelta(days=91),
        clarification_due_on=timezone.localdate() - datetime.timedelta(days=91),
    )
    assert results(world, "NFRA-09.5")[world.a.app.pk].outcome == "pass"


def test_nfra_12_4_fails_per_app_while_a_repackaged_copy_is_up(swept):
    world = swept
    sec = world.a.users["security"]
    out = results(world, "NFRA-12.4")
    assert out[world.a.app.pk].outcome == "fail"
    assert "repackaged copies found in listings and not taken down" in out[world.a.app.pk].en
    assert out[world.a.app2.pk].outcome != "fail"  # the other app has no repackaged copy
    case = case_of(world, "L-REPACK")
    case = services.move_case(case, "confirmed_repackaged", sec)
    case = services.move_case(case, "takedown_requested", sec, reference="TD-1")
    assert results(world, "NFRA-12.4")[world.a.app.pk].outcome == "fail"  # requested is not taken down
    services.move_case(case, "taken_down", sec)
    result = results(world, "NFRA-12.4")[world.a.app.pk]
    assert result.outcome != "fail"
    assert "listing monitoring found no repackaged copy left up" in result.en
    # a counterfeit confirmed as repackaged counts too; a false positive does not
    tool = services.move_case(case_of(world, "L-TOOL"), "false_positive", sec, note="工具")
    assert tool.state == "false_positive"
    assert results(world, "NFRA-12.4")[world.a.app.pk].outcome != "fail"
    services.move_case(case_of(world, "L-FAKE"), "confirmed_repackaged", sec)
    assert results(world, "NFRA-12.4")[world.a.app.pk].outcome == "fail"


def test_nfra_12_4_keeps_the_scan_judgement(swept):
    """Without open repackaged copies the package-scan check's result stands (a scan finding still fails)."""
    from appgov.scanning.models import Scan

    world = swept
    for case in CounterfeitCase.objects.filter(institution=world.a.inst):
        CounterfeitCase.objects.filter(pk=case.pk).update(state="false_positive")
    finding = {
        "control": "NFRA-12.4",
        "severity": "high",
        "title": {"zh": "签名证书不是登记的发布证书", "en": "cert"},
    }
    Scan.objects.create(
        version=world.a.version,
        package_sha256="0" * 64,
        status="done",
        report={"findings": [finding]},
        finished_at=timezone.now(),
    )
    result = results(world, "NFRA-12.4")[world.a.app.pk]
    assert result.outcome == "fail" and "签名证书" in result.zh


def test_evaluation_stores_the_results(swept):
    from appgov.compliance.evaluation import evaluate
    from appgov.compliance.models import ControlResult

    world = swept
    evaluate(world.a.inst)
    rows = ControlResult.objects.filter(institution=world.a.inst, subject_id=world.a.app.pk)
    assert rows.get(control_id="NFRA-09.5").outcome == "pass"
    assert rows.get(control_id="NFRA-12.4").outcome == "fail"
