"""Issue 11: an institution's nightly jobs run at their hour on the institution's own clock (Institution.time_zone):
the compliance evaluation of a London branch starts at 02:00 in London, not at 02:00 in Beijing; jobs that serve
everyone (catalogues, retention) keep the server's clock; the worker runs an institution's job in its zone."""

import datetime

from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from appgov.core.jobs import DAILY_JOBS, register_daily_job, run_daily_job
from appgov.core.management.commands.scheduler import Command
from appgov.core.models import Institution, ScheduledRun

UTC = datetime.UTC
SEEN = {}


def _first_enqueued_after(world, start, end, step_minutes=10):
    """Tick the scheduler from ``start`` to ``end`` (UTC); the first time each run key was enqueued after the
    first tick (the first tick catches up the day it starts in)."""
    Command().tick(start)
    first = {}
    moment = start
    while moment < end:
        moment += datetime.timedelta(minutes=step_minutes)
        for key in Command().tick(moment):
            first.setdefault(key, moment)
    return first


def test_an_institutions_nightly_job_fires_at_its_own_local_hour(world):
    london = world.b.inst
    Institution.objects.filter(pk=london.pk).update(time_zone="Europe/London")
    beijing = world.a.inst  # the default zone, Asia/Shanghai
    job = next(j for j in DAILY_JOBS if j.name == "compliance.evaluate_all")
    assert job.each and job.at == "02:00"
    first = _first_enqueued_after(
        world,
        datetime.datetime(2026, 11, 22, 12, 0, tzinfo=UTC),
        datetime.datetime(2026, 11, 23, 12, 0, tzinfo=UTC),
    )
    # 02:00 in Beijing is 18:00 UTC the evening before; 02:00 in London (winter) is 02:00 UTC
    assert first[job.run_key(beijing.pk)] == datetime.datetime(2026, 11, 22, 18, 0, tzinfo=UTC)
    assert first[job.run_key(london.pk)] == datetime.datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    # each institution's run is booked on its own date
    assert ScheduledRun.objects.filter(
        job=job.run_key(london.pk), run_date=datetime.date(2026, 11, 23)
    ).exists()
    assert ScheduledRun.objects.filter(
        job=job.run_key(beijing.pk), run_date=datetime.date(2026, 11, 23)
    ).exists()
    # the queued task names the institution
    args = list(
        DBTaskResult.objects.filter(task_path="appgov.core.jobs.run_daily_job").values_list(
            "args_kwargs__args", flat=True
        )
    )
    assert ["compliance.evaluate_all", london.pk] in args
    # a job for everyone (no institution) keeps the server's clock: 01:00 Beijing = 17:00 UTC
    assert first["ledger.review_version_support"] == datetime.datetime(2026, 11, 22, 17, 0, tzinfo=UTC)
    # summer time moves London's night: 02:00 BST is 01:00 UTC
    summer = _first_enqueued_after(
        world,
        datetime.datetime(2026, 7, 1, 12, 0, tzinfo=UTC),
        datetime.datetime(2026, 7, 2, 12, 0, tzinfo=UTC),
    )
    assert summer[job.run_key(london.pk)] == datetime.datetime(2026, 7, 2, 1, 0, tzinfo=UTC)


def record_zone(institution) -> str:
    SEEN[institution.pk] = (timezone.get_current_timezone_name(), timezone.localdate())
    return "seen"


def test_the_worker_runs_an_institutions_job_in_its_zone(world, monkeypatch):
    london = world.b.inst
    Institution.objects.filter(pk=london.pk).update(time_zone="Europe/London")
    register_daily_job(
        "core.test_zone_probe", "platform.python_version", "03:00", each=f"{__name__}.record_zone"
    )
    try:
        moment = datetime.datetime(2026, 11, 22, 23, 30, tzinfo=UTC)  # 07:30 on the 23rd in Beijing
        monkeypatch.setattr(timezone, "now", lambda: moment)
        assert (
            run_daily_job.call("core.test_zone_probe", london.pk)
            == f"core.test_zone_probe {london.code}: seen"
        )
        assert SEEN[london.pk] == ("Europe/London", datetime.date(2026, 11, 22))
        run_daily_job.call("core.test_zone_probe", world.a.inst.pk)
        assert SEEN[world.a.inst.pk] == ("Asia/Shanghai", datetime.date(2026, 11, 23))
        # without an institution the job's function for everyone runs, as before
        assert run_daily_job.call("core.test_zone_probe").startswith("core.test_zone_probe: ")
    finally:
        DAILY_JOBS[:] = [j for j in DAILY_JOBS if j.name != "core.test_zone_probe"]


def test_every_institution_job_runs_for_one_institution(world, settings, tmp_path):
    settings.APPGOV_CREDIT_IMPORT_DIR = str(tmp_path)
    london = world.b.inst
    Institution.objects.filter(pk=london.pk).update(time_zone="Europe/London")
    jobs = [j for j in DAILY_JOBS if j.each]
    assert {"compliance.evaluate_all", "compliance.daily_digest", "credit.monitor_queries"} <= {
        j.name for j in jobs
    }
    for job in jobs:
        summary = run_daily_job.call(job.name, london.pk)
        assert summary.startswith(f"{job.name} {london.code}: "), summary
    assert (
        run_daily_job.call("compliance.evaluate_all", 987654)
        == "compliance.evaluate_all #987654: no such institution"
    )
