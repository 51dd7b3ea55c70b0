"""Case workflow, its role rules, deadlines and the overdue flag; scoping of cases in pages and the API."""

import datetime

import pytest
from counterfeit_fixtures import case_of
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import override_settings
from django.utils import timezone

from appgov.core.models import ChangeLogEntry
from appgov.counterfeit import selectors, services
from appgov.counterfeit.models import CounterfeitCase
from appgov.counterfeit.policy import add_working_days, deadlines


def test_full_workflow_is_logged(swept):
    world = swept
    sec, comp = world.a.users["security"], world.a.users["compliance"]
    case = case_of(world, "L-FAKE")
    case = services.move_case(case, "confirmed_counterfeit", sec, note="图标与名称均仿冒")
    assert case.verdict == "counterfeit" and case.confirmed_on == timezone.localdate()
    assert (case.clarification_due_on, case.report_due_on) == deadlines(case.confirmed_on)
    services.add_clarification(case, comp, channel="官方网站", link="https://alpha.example.cn/notice/1")
    services.record_report(case, comp, reference="ALPHA-2026-001", summary="发现仿冒应用")
    case = services.move_case(case, "takedown_requested", sec, platform="某安卓市场", reference="TD-88")
    assert (case.takedown_platform, case.takedown_reference) == ("某安卓市场", "TD-88")
    case = services.move_case(case, "taken_down", sec)
    assert case.state == "taken_down" and case.taken_down_on == timezone.localdate()
    states = [
        e.after["state"]
        for e in ChangeLogEntry.objects.filter(
            object_type="counterfeit.counterfeitcase", object_id=str(case.pk)
        ).order_by("seq")
    ]
    assert states == ["new", "confirmed_counterfeit", "takedown_requested", "taken_down"]
    assert ChangeLogEntry.objects.filter(object_type="counterfeit.regulatorreport").count() == 1
    assert ChangeLogEntry.objects.filter(object_type="counterfeit.clarification").count() == 1
    assert case.regulator_report.office == world.a.inst.regulator_office


def test_moves_outside_the_workflow_are_refused(swept):
    world = swept
    sec = world.a.users["security"]
    case = case_of(world, "L-TOOL")
    with pytest.raises(ValidationError):
        services.move_case(case, "taken_down", sec)
    with pytest.raises(ValidationError):
        services.move_case(case, "takedown_requested", sec, reference="x")
    with pytest.raises(ValidationError) as err:
        services.move_case(case, "false_positive", sec)  # needs a reason
    assert "note" in err.value.message_dict
    case = services.move_case(case, "false_positive", sec, note="计算器工具，非仿冒")
    with pytest.raises(ValidationError):
        services.add_clarification(case, world.a.users["compliance"], channel="官网")
    case = services.move_case(case, "new", sec, note="复核")
    assert case.state == "new"
    case = services.move_case(case, "confirmed_repackaged", sec)
    with pytest.raises(ValidationError) as err:
        services.move_case(case, "takedown_requested", sec)
    assert "reference" in err.value.message_dict
    future = timezone.localdate() + datetime.timedelta(days=3)
    with pytest.raises(ValidationError):
        services.move_case(case, "takedown_requested", sec, reference="x", on=future)
    case = services.move_case(case, "takedown_requested", sec, reference="x")
    with pytest.raises(ValidationError):
        services.move_case(
            case, "taken_down", sec, on=case.takedown_requested_on - datetime.timedelta(days=1)
        )


@pytest.mark.parametrize("role", ["app_owner", "auditor", "read_only", "credit_officer", "compliance"])
def test_only_triage_roles_judge_cases(swept, role):
    world = swept
    case = case_of(world, "L-FAKE")
    with pytest.raises(PermissionDenied):
        services.move_case(case, "confirmed_counterfeit", world.a.users[role])
    assert CounterfeitCase.objects.get(pk=case.pk).state == "new"


@pytest.mark.parametrize("role", ["security", "app_owner", "auditor", "read_only"])
def test_only_reporting_roles_clarify_and_report(swept, role):
    world = swept
    case = services.move_case(case_of(world, "L-FAKE"), "confirmed_counterfeit", world.a.users["security"])
    with pytest.raises(PermissionDenied):
        services.add_clarification(case, world.a.users[role], channel="官网")
    with pytest.raises(PermissionDenied):
        services.record_report(case, world.a.users[role], reference="R-1")


def test_nobody_outside_the_institution_moves_its_cases(swept):
    world = swept
    case = case_of(world, "L-FAKE")
    for user in (world.b.admin, world.b.users["security"], world.reg_out, world.reg_hq):
        with pytest.raises(PermissionDenied):
            services.move_case(case, "confirmed_counterfeit", user)
    assert CounterfeitCase.objects.get(pk=case.pk).state == "new"


def test_report_goes_to_the_supervising_office_or_above(swept):
    world = swept
    comp = world.a.users["compliance"]
    case = services.move_case(case_of(world, "L-FAKE"), "confirmed_counterfeit", world.a.users["security"])
    with pytest.raises(ValidationError) as err:
        services.record_report(case, comp, reference="R-1", office=world.offices["T-P2"])
    assert "office" in err.value.message_dict
    report = services.record_report(case, comp, reference="R-1", office=world.offices["T-P1"])
    assert report.office == world.offices["T-P1"]
    with pytest.raises(ValidationError):
        services.record_report(case, comp, reference="R-2")


def test_working_day_deadlines():
    friday = datetime.date(2026, 3, 6)
    assert friday.weekday() == 4
    assert add_working_days(friday, 5) == datetime.date(2026, 3, 13)
    assert add_working_days(friday, 3) == datetime.date(2026, 3, 11)
    assert deadlines(friday) == (datetime.date(2026, 3, 11), datetime.date(2026, 3, 13))
    policy = {
        "APPGOV_COUNTERFEIT_POLICY": {
            "regulator_report_working_days": 2,
            "holidays": ["2026-03-09"],
            "working_weekends": ["2026-03-07"],
        }
    }
    with override_settings(**policy):
        # Saturday 7th works (调休), Monday 9th is a holiday: Fri + 2 working days = Tue 10th
        assert deadlines(friday)[1] == datetime.date(2026, 3, 10)


def test_overdue_flag(swept):
    world = swept
    sec, comp = world.a.users["security"], world.a.users["compliance"]
    confirmed = timezone.localdate() - datetime.timedelta(days=20)
    case = case_of(world, "L-FAKE")
    CounterfeitCase.objects.filter(pk=case.pk).update(opened_at=timezone.now() - datetime.timedelta(days=30))
    case.refresh_from_db()
    case = services.move_case(case, "confirmed_counterfeit", sec, on=confirmed)
    assert case.report_due_on < timezone.localdate()
    assert services.report_overdue(case) and services.clarification_overdue(case)
    overdue = list(selectors.overdue_cases(world.a.admin))
    assert [c.pk for c in overdue] == [case.pk]
    assert overdue[0].report_overdue and overdue[0].clarification_overdue
    services.add_clarification(case, comp, channel="官网")
    overdue = list(selectors.overdue_cases(world.a.admin))
    assert overdue[0].report_overdue and not overdue[0].clarification_overdue
    services.record_report(case, comp, reference="R-1")
    assert not selectors.overdue_cases(world.a.admin).exists()
    assert not services.report_overdue(CounterfeitCase.objects.get(pk=case.pk))
    # the regulator of A's jurisdiction sees the case and its report; B's examiner does not
    assert selectors.dashboard(world.reg_out)["total"] == 3
    assert selectors.dashboard(world.reg_in)["total"] == 0


def test_dashboard_counts_and_median_time_to_takedown(swept, login):
    world = swept
    sec = world.a.users["security"]
    today = timezone.localdate()
    for listing_id, days in (("L-FAKE", 4), ("L-REPACK", 2)):
        case = case_of(world, listing_id)
        CounterfeitCase.objects.filter(pk=case.pk).update(
            opened_at=timezone.now() - datetime.timedelta(days=10)
        )
        case.refresh_from_db()
        opened = timezone.localtime(case.opened_at).date()
        case = services.move_case(case, "confirmed_counterfeit", sec, on=opened)
        case = services.move_case(case, "takedown_requested", sec, reference="T", on=opened)
        services.move_case(case, "taken_down", sec, on=opened + datetime.timedelta(days=days))
    data = selectors.dashboard(world.a.admin, today)
    assert data["median_days_to_takedown"] == 3 and data["taken_down"] == 2
    assert dict((v, n) for v, _label, n in data["by_state"])["taken_down"] == 2
    sources = {r["source"]: r for r in data["by_source"]}
    assert sources["某安卓市场"]["taken_down"] == 2 and sources["小米应用商店"]["open"] == 1
    page = login(world.a.admin).get("/counterfeit/")
    assert page.status_code == 200 and page.context["median_days_to_takedown"] == 3


def test_case_pages_and_api_for_roles_and_regulators(swept, login, api):
    world = swept
    case = case_of(world, "L-FAKE")
    url = f"/counterfeit/cases/{case.pk}/"
    # the institution's own triage role moves the case through the page
    response = login(world.a.users["security"]).post(f"{url}move/", {"to_state": "confirmed_counterfeit"})
    assert response.status_code == 302
    assert CounterfeitCase.objects.get(pk=case.pk).state == "confirmed_counterfeit"
    # compliance records the report through the API
    response = api(world.a.users["compliance"]).post(
        f"/api/counterfeit/cases/{case.pk}/report/",
        {"reported_on": str(timezone.localdate()), "reference": "ALPHA-R-1"},
        format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["regulator_report"]["reference"] == "ALPHA-R-1"
    # an app owner reads but may not move it
    response = login(world.a.users["app_owner"]).post(f"{url}move/", {"to_state": "takedown_requested"})
    assert CounterfeitCase.objects.get(pk=case.pk).state == "confirmed_counterfeit"
    assert (
        api(world.a.users["app_owner"])
        .post(
            f"/api/counterfeit/cases/{case.pk}/move/",
            {"to_state": "takedown_requested", "reference": "x"},
            format="json",
        )
        .status_code
        == 403
    )
    # the examiner of A's jurisdiction reads the case and its report, and cannot write
    examiner = login(world.reg_out)
    page = examiner.get(url)
    assert page.status_code == 200 and "ALPHA-R-1" in page.content.decode()
    assert examiner.post(f"{url}move/", {"to_state": "takedown_requested"}).status_code == 403
    assert api(world.reg_out).get(f"/api/counterfeit/cases/{case.pk}/").status_code == 200
    assert (
        api(world.reg_out)
        .post(
            f"/api/counterfeit/cases/{case.pk}/clarify/",
            {"published_on": "2026-01-01", "channel": "x"},
            format="json",
        )
        .status_code
        == 403
    )
    # B's users and B's examiner do not even see it
    for user in (world.b.admin, world.reg_in):
        assert login(user).get(url).status_code == 404
        assert api(user).get(f"/api/counterfeit/cases/{case.pk}/").status_code == 404
        assert api(user).get("/api/counterfeit/cases/").json()["count"] == 0
        assert "ALPHA手机银行极速版" not in login(user).get("/counterfeit/cases/").content.decode()
    assert api(world.reg_hq).get("/api/counterfeit/cases/").json()["count"] == 3
