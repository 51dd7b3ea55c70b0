"""Daily jobs: each app registers its own; the scheduler enqueues them and the worker runs them."""

import importlib
from dataclasses import dataclass

from django_tasks import task

from .context import acting_as


@dataclass(frozen=True)
class DailyJob:
    name: str
    function: str  # dotted path to a function taking no arguments and returning a summary
    at: str = "01:00"  # local time after which the job runs each day


DAILY_JOBS: list[DailyJob] = [
    DailyJob("ledger.review_version_support", "appgov.ledger.services.review_version_support", "01:00"),
    DailyJob("counterfeit.sweep", "appgov.counterfeit.sweep.sweep_all_institutions", "01:30"),
    DailyJob("credit.import_logs", "appgov.credit.ingestion.import_directories", "00:30"),
    DailyJob("credit.monitor_queries", "appgov.credit.monitoring.run_daily_monitoring", "00:45"),
    DailyJob("compliance.evaluate_all", "appgov.compliance.evaluation.evaluate_all_institutions", "02:00"),
    DailyJob("compliance.daily_digest", "appgov.compliance.digest.send_daily_digest", "07:30"),
]


@task()
def run_daily_job(name: str) -> str:
    job = next(j for j in DAILY_JOBS if j.name == name)
    module, func = job.function.rsplit(".", 1)
    with acting_as(None, prefix=f"job-{name}"):
        result = getattr(importlib.import_module(module), func)()
    return f"{name}: {result}"


def enqueue_daily(job: DailyJob):
    return run_daily_job.enqueue(job.name)
