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
