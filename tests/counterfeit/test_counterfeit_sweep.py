"""The sweep: alerts on the institution's own apps become cases, once; the official app never does."""

import datetime

from counterfeit_fixtures import CERT_A, a_feed_rows, case_of, jsonl, listing

from appgov.core.models import ChangeLogEntry
from appgov.counterfeit import feeds, services
from appgov.counterfeit.models import CounterfeitCase, ObservedListing, SweepRun
from appgov.counterfeit.sweep import sweep, sweep_all_institutions


def _cases(world):
    return {c.listing.listing_id: c for c in CounterfeitCase.objects.filter(institution=world.a.inst)}


def test_sweep_opens_one_case_per_alert_on_own_apps(swept):
    world = swept
    cases = _cases(world)
    assert set(cases) == {"L-REPACK", "L-FAKE", "L-TOOL"}
    assert cases["L-REPACK"].alert_kind == "repackaged" and cases["L-REPACK"].score == 1.0
    assert cases["L-REPACK"].reasons[0]["signal"] == "certificate_mismatch"
    assert cases["L-FAKE"].alert_kind == "counterfeit" and cases["L-FAKE"].app == world.a.app
    assert "ALPHA手机银行" in cases["L-FAKE"].explanation_zh
    assert all(c.state == "new" for c in cases.values())
    # the official listing (official package and certificate) and B's genuine app are nobody's case
    assert not CounterfeitCase.objects.filter(listing__listing_id__in=["L-OFFICIAL", "L-ZQX", "L-WEATHER"])
    run = SweepRun.objects.get(institution=world.a.inst)
    assert (run.screened, run.alerts, run.new_cases, run.status) == (6, 3, 3, "done")
    assert (
        not ObservedListing.objects.filter(institution=world.a.inst)
        .exclude(screened_at=None)
        .filter(screened_hash="")
    )
    # every case is in the change log
    logged = ChangeLogEntry.objects.filter(object_type="counterfeit.counterfeitcase", action="create")
    assert logged.count() == 3


def test_resweep_screens_only_new_or_changed_and_never_duplicates(swept):
    world = swept
    again = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert (again.screened, again.new_cases) == (0, 0)
    rows = a_feed_rows()
    rows[2]["name"] = "ALPHA手机银行Pro"  # the counterfeit changes its name
    rows.append(listing("L-NEW", "ALPHA银行官方版", "com.alpha.official.fake", "坏人"))
    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(rows)), channel="api", label="2")
    third = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    assert third.screened == 2 and third.new_cases == 1
    assert CounterfeitCase.objects.filter(institution=world.a.inst).count() == 4
    fake = case_of(world, "L-FAKE")
    assert fake.listing_name == "ALPHA手机银行Pro"  # a new case is refreshed with the latest alert


def test_official_app_never_becomes_a_case(protected):
    world = protected
    rows = [
        listing("O1", "ALPHA手机银行", "cn.alpha.mobile", "ALPHA金融机构", CERT_A, source="华为应用市场"),
        listing("O2", "ALPHA手机银行", "cn.alpha.ios", "ALPHA金融机构", source="App Store"),
        listing("O3", "ALPHA理财小程序", "wxalpha0001", "ALPHA金融机构", source="微信小程序"),
    ]
    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(rows)), channel="api", label="official")
    run = sweep(world.a.inst, SweepRun.Trigger.MANUAL)
    assert run.screened == 3 and run.alerts == 0
    assert not CounterfeitCase.objects.exists()


def test_alerts_on_another_institutions_app_are_not_cases(protected):
    world = protected
    rows = [listing("Z1", "ZQX手机银行极速版", "com.fake.zqx", "某某科技")]
    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(rows)), channel="api", label="x")
    run = sweep(world.a.inst, SweepRun.Trigger.MANUAL)
    assert run.screened == 1 and run.alerts == 0
    assert not CounterfeitCase.objects.exists()


def test_unmonitored_app_gets_no_case(protected):
    world = protected
    services.save_protection(world.a.app, monitored=False)
    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(a_feed_rows())), channel="api", label="x")
    sweep(world.a.inst, SweepRun.Trigger.MANUAL)
    assert not CounterfeitCase.objects.filter(app=world.a.app).exists()


def test_aliases_and_app_keywords_are_protected(protected):
    world = protected
    services.save_protection(world.a.app, aliases=["阿尔法银行"], brand_keywords=["阿尔法"])
    rows = [listing("AL1", "阿尔法银行极速版", "com.x.afa", "某某科技")]
    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(rows)), channel="api", label="x")
    sweep(world.a.inst, SweepRun.Trigger.MANUAL)
    case = CounterfeitCase.objects.get()
    assert case.app == world.a.app and case.alert_kind == "counterfeit"


def test_taken_down_listing_that_comes_back_changed_is_a_new_case(swept):
    world = swept
    case = case_of(world, "L-FAKE")
    services.move_case(case, "confirmed_counterfeit", world.a.users["security"])
    services.move_case(case, "takedown_requested", world.a.users["security"], reference="TD-1")
    services.move_case(case, "taken_down", world.a.users["security"])
    # taken down yesterday, back in a feed received today
    CounterfeitCase.objects.filter(pk=case.pk).update(
        taken_down_on=case.taken_down_on - datetime.timedelta(1)
    )
    rows = a_feed_rows()
    rows[2]["developer"] = "另一个公司"
    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(rows)), channel="api", label="again")
    run = sweep(world.a.inst, SweepRun.Trigger.DAILY)
    case.refresh_from_db()
    assert case.state == "taken_down" and case.verdict == "counterfeit" and case.takedown_reference == "TD-1"
    again = CounterfeitCase.objects.get(previous_case=case)
    assert again.state == "new" and f"#{run.pk}" in again.note and again.listing_developer == "另一个公司"
    assert CounterfeitCase.objects.filter(listing=case.listing).count() == 2


def test_daily_job_sweeps_every_institution_with_listings(protected):
    world = protected
    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(a_feed_rows())), channel="api", label="x")
    assert sweep_all_institutions() == "1 institutions swept, 0 failed"
    assert SweepRun.objects.get().trigger == "daily"
    assert CounterfeitCase.objects.filter(institution=world.a.inst).count() == 3
    from appgov.core.jobs import DAILY_JOBS

    assert any(j.function == "appgov.counterfeit.sweep.sweep_all_institutions" for j in DAILY_JOBS)


def test_screen_now_button_queues_a_sweep(protected, login, django_capture_on_commit_callbacks):
    from unittest import mock

    world = protected
    with mock.patch("appgov.counterfeit.tasks.run_sweep") as task:
        with django_capture_on_commit_callbacks(execute=True):
            response = login(world.a.users["security"]).post("/counterfeit/sweep/")
        assert response.status_code == 302
        task.enqueue.assert_called_once_with(world.a.inst.pk, world.a.users["security"].pk, "manual")
    assert login(world.a.users["read_only"]).post("/counterfeit/sweep/").status_code == 403
    assert login(world.reg_out).post("/counterfeit/sweep/").status_code == 403


def test_run_sweep_task(protected):
    from appgov.counterfeit.tasks import run_sweep

    world = protected
    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(a_feed_rows())), channel="api", label="x")
    result = run_sweep.call(world.a.inst.pk, world.a.users["security"].pk, "manual")
    assert result.startswith("sweep ") and "6 screened, 3 new cases" in result
