"""Daily jobs: each app registers its own in its tasks.py (`register_daily_job`, found by the core app's
autodiscovery); the scheduler enqueues them and the worker runs them.

A job with ``each`` (the dotted path of a function taking one Institution) is an institution's nightly job: the
scheduler enqueues it once per institution, at ``at`` on the institution's own clock (Institution.time_zone, an
overseas branch runs at its own night), and the worker runs it in that zone. ``function`` (no arguments) still
runs it for every institution at once, for a manual run."""

import importlib
from dataclasses import dataclass

from django_tasks import task

from .context import acting_as


@dataclass(frozen=True)
class DailyJob:
    name: str
    function: str  # dotted path to a function taking no arguments and returning a summary
    at: str = "01:00"  # local time after which the job runs each day
    queue: str = "default"  # "long" for jobs that run for minutes, so short jobs never wait behind them
    each: str = (
        ""  # dotted path to a function taking one Institution: run per institution at `at` in its zone
    )

    def run_key(self, institution_id: int | None = None) -> str:
        """The scheduler's bookkeeping name of one day's run (per institution: "name#id")."""
        return self.name if institution_id is None else f"{self.name}#{institution_id}"


DAILY_JOBS: list[DailyJob] = []


def register_daily_job(
    name: str, function: str, at: str = "01:00", queue: str = "default", each: str = ""
) -> DailyJob:
    job = DailyJob(name, function, at, queue, each)
    existing = next((j for j in DAILY_JOBS if j.name == name), None)
    if existing is not None and existing != job:
        raise RuntimeError(f"two daily jobs named {name}")
    if existing is None:
        DAILY_JOBS.append(job)
        DAILY_JOBS.sort(key=lambda j: (j.at, j.name))
    return job


def _function(path: str):
    module, func = path.rsplit(".", 1)
    return getattr(importlib.import_module(module), func)


@task()
def run_daily_job(name: str, institution_id: int | None = None) -> str:
    """One daily job: for every institution (``function``), or for one (``each``, in the institution's zone)."""
    job = next(j for j in DAILY_JOBS if j.name == name)
    if institution_id is None:
        with acting_as(None, prefix=f"job-{name}"):
            result = _function(job.function)()
        return f"{name}: {result}"
    from .models import Institution
    from .zones import institution_time

    institution = Institution.objects.filter(pk=institution_id).first()
    if institution is None:  # removed since the run was queued
        return f"{name} #{institution_id}: no such institution"
    with acting_as(None, prefix=f"job-{name}-{institution_id}"), institution_time(institution):
        result = _function(job.each)(institution)
    return f"{name} {institution.code}: {result}"


def enqueue_daily(job: DailyJob, institution_id: int | None = None):
    runner = run_daily_job.using(queue_name=job.queue)
    return runner.enqueue(job.name) if institution_id is None else runner.enqueue(job.name, institution_id)


# ---------- periodic jobs (every N minutes) ----------


@dataclass(frozen=True)
class PeriodicJob:
    """A job enqueued once per slot of ``every_minutes`` (slots counted from local midnight: with 5 minutes,
    at 00:00, 00:05, …). ``setting``: the name of a Django setting that overrides the interval."""

    name: str
    function: str  # dotted path to a function taking no arguments and returning a summary
    every_minutes: int = 5
    setting: str | None = None
    queue: str = "default"

    def interval(self) -> int:
        from django.conf import settings

        minutes = int(
            getattr(settings, self.setting, self.every_minutes) if self.setting else self.every_minutes
        )
        return max(1, min(minutes, 24 * 60))

    def slot(self, now) -> str:
        """The label of the slot ``now`` (local) falls in, e.g. "10:35" for 10:37 every 5 minutes."""
        interval = self.interval()
        minute = (now.hour * 60 + now.minute) // interval * interval
        return f"{minute // 60:02d}:{minute % 60:02d}"


PERIODIC_JOBS: list[PeriodicJob] = []


def register_periodic_job(
    name: str, function: str, every_minutes: int = 5, setting: str | None = None, queue: str = "default"
) -> PeriodicJob:
    job = PeriodicJob(name, function, every_minutes, setting, queue)
    existing = next((j for j in PERIODIC_JOBS if j.name == name), None)
    if existing is not None and existing != job:
        raise RuntimeError(f"two periodic jobs named {name}")
    if existing is None:
        PERIODIC_JOBS.append(job)
    return job


@task()
def run_periodic_job(name: str) -> str:
    job = next(j for j in PERIODIC_JOBS if j.name == name)
    module, func = job.function.rsplit(".", 1)
    with acting_as(None, prefix=f"job-{name}"):
        result = getattr(importlib.import_module(module), func)()
    return f"{name}: {result}"


def periodic_job_pending(job: PeriodicJob) -> bool:
    """True while an earlier run of the job is queued or running: a slow cycle is not stacked up behind."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(
        status__in=["READY", "RUNNING"],
        task_path=f"{run_periodic_job.module_path}",
        args_kwargs__args=[job.name],
    ).exists()


def enqueue_periodic(job: PeriodicJob):
    return run_periodic_job.using(queue_name=job.queue).enqueue(job.name)
