"""A sweep whose worker died is not left 'running' for good: the failed task marks it failed, with the reason."""

from types import SimpleNamespace

from django_tasks.signals import task_finished

from appgov.core import services
from appgov.core.models import ChangeLogEntry
from appgov.counterfeit.models import SweepRun


def _result(path, args):
    return SimpleNamespace(id="t-1", status="FAILED", task=SimpleNamespace(module_path=path), args=args)


def test_a_failed_sweep_task_marks_its_running_sweep_failed(world):
    mine = services.save(SweepRun(institution=world.a.inst, trigger="manual"))
    other = services.save(SweepRun(institution=world.b.inst, trigger="manual"))
    task_finished.send(
        sender=None, task_result=_result("appgov.counterfeit.tasks.run_sweep", [world.a.inst.pk])
    )
    mine.refresh_from_db()
    other.refresh_from_db()
    assert mine.status == SweepRun.Status.FAILED and mine.error and mine.finished_at
    assert other.status == SweepRun.Status.RUNNING  # another institution's sweep is not touched
    assert (
        ChangeLogEntry.objects.filter(object_type="counterfeit.sweeprun", object_id=str(mine.pk)).count() == 2
    )


def test_the_nightly_sweep_job_failing_marks_every_running_sweep(world):
    run = services.save(SweepRun(institution=world.b.inst, trigger="daily"))
    task_finished.send(
        sender=None, task_result=_result("appgov.core.jobs.run_daily_job", ["compliance.evaluate_all"])
    )
    run.refresh_from_db()
    assert run.status == SweepRun.Status.RUNNING  # another job's failure says nothing about sweeps
    task_finished.send(
        sender=None, task_result=_result("appgov.core.jobs.run_daily_job", ["counterfeit.sweep"])
    )
    run.refresh_from_db()
    assert run.status == SweepRun.Status.FAILED
