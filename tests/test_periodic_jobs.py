"""Periodic jobs (core.jobs.register_periodic_job): the scheduler enqueues each once per slot of its
interval, never while its previous run is still queued or running."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from appgov.core.jobs import PERIODIC_JOBS, PeriodicJob, register_periodic_job, run_periodic_job
from appgov.core.management.commands.scheduler import Command
from appgov.core.models import ScheduledRun

CYCLE = "credit.realtime_cycle"


def at(hh, mm, ss=0):
    return timezone.make_aware(datetime.datetime(2026, 11, 23, hh, mm, ss))


def runs():
    return DBTaskResult.objects.filter(
        task_path="appgov.core.jobs.run_periodic_job", args_kwargs__args=[CYCLE]
    )


def test_the_credit_cycle_is_registered_with_its_setting(settings):
    job = next(j for j in PERIODIC_JOBS if j.name == CYCLE)
    assert job.function == "appgov.credit.realtime.run_cycles"
    settings.APPGOV_CREDIT_CYCLE_MINUTES = 5
    assert (job.interval(), job.slot(at(10, 37))) == (5, "10:35")
    settings.APPGOV_CREDIT_CYCLE_MINUTES = 15
    assert (job.interval(), job.slot(at(10, 37))) == (15, "10:30")


def test_scheduler_enqueues_once_per_slot_and_not_while_pending(db, settings):
    settings.APPGOV_CREDIT_CYCLE_MINUTES = 5
    assert f"{CYCLE}@10:35" in Command().tick_periodic(at(10, 36))
    assert CYCLE + "@10:35" not in Command().tick_periodic(at(10, 38))  # same slot
    assert runs().count() == 1
    # the next slot while the first run is still queued: skipped, nothing stacked up
    assert CYCLE + "@10:40" not in Command().tick_periodic(at(10, 41))
    assert runs().count() == 1
    runs().update(status="SUCCESSFUL")
    assert f"{CYCLE}@10:40" in Command().tick_periodic(at(10, 42))
    assert runs().count() == 2
    assert ScheduledRun.objects.filter(job__startswith=CYCLE + "@").count() == 2


def test_old_slot_rows_are_pruned(db, settings):
    settings.APPGOV_CREDIT_CYCLE_MINUTES = 5
    ScheduledRun.objects.create(job=f"{CYCLE}@10:35", run_date=datetime.date(2026, 11, 1))
    ScheduledRun.objects.create(job="credit.import_logs", run_date=datetime.date(2026, 11, 1))
    Command().tick_periodic(at(10, 36))
    assert not ScheduledRun.objects.filter(run_date=datetime.date(2026, 11, 1), job__contains="@").exists()
    assert ScheduledRun.objects.filter(job="credit.import_logs").exists()  # daily rows are kept


def test_periodic_job_runs_its_function_as_a_job(db):
    register_periodic_job("test.probe", "platform.python_version", every_minutes=1)
    try:
        assert run_periodic_job.call("test.probe").startswith("test.probe: ")
        with pytest.raises(RuntimeError):
            register_periodic_job("test.probe", "platform.python_version", every_minutes=2)
    finally:
        PERIODIC_JOBS[:] = [j for j in PERIODIC_JOBS if j.name != "test.probe"]
    assert PeriodicJob("x", "y").interval() == 5
