"""Daily jobs: each app registers its own in its tasks.py (`register_daily_job`, found by the core app's
autodiscovery); the scheduler enqueues them and the worker runs them."""

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


DAILY_JOBS: list[DailyJob] = []


def register_daily_job(name: str, function: str, at: str = "01:00", queue: str = "default") -> DailyJob:
    job = DailyJob(name, function, at, queue)
    existing = next((j for j in DAILY_JOBS if j.name == name), None)
    if existing is not None and existing != job:
        raise RuntimeError(f"two daily jobs named {name}")
    if existing is None:
        DAILY_JOBS.append(job)
        DAILY_JOBS.sort(key=lambda j: (j.at, j.name))
    return job


@task()
def run_daily_job(name: str) -> str:
    job = next(j for j in DAILY_JOBS if j.name == name)
    module, func = job.function.rsplit(".", 1)
    with acting_as(None, prefix=f"job-{name}"):
        result = getattr(importlib.import_module(module), func)()
    return f"{name}: {result}"


def enqueue_daily(job: DailyJob):
    return run_daily_job.using(queue_name=job.queue).enqueue(job.name)


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
