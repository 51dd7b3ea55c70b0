"""Tasks left RUNNING by a worker that died (killed, machine lost) are retried or marked failed once their
lease expires: the worker's heartbeat is older than APPGOV_TASK_LEASE_SECONDS (or was never written).

A task is retried (back to READY) until it has been started APPGOV_TASK_MAX_ATTEMPTS times; then it is
marked FAILED with WorkerLost, and django_tasks' task_finished signal is sent as for any failed task, so
whoever shows the job's state (e.g. a sweep page) can say so.
"""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from .models import ProcessHeartbeat

logger = logging.getLogger("appgov.leases")


class WorkerLost(Exception):
    """The worker running this task stopped sending heartbeats before the task finished."""


@dataclass
class Reclaimed:
    task_id: str
    task_path: str
    worker_id: str
    outcome: str  # "retried" or "failed"


def reclaim_expired(now: datetime.datetime | None = None) -> list[Reclaimed]:
    now = now or timezone.now()
    lease = datetime.timedelta(seconds=settings.APPGOV_TASK_LEASE_SECONDS)
    alive = {
        name.removeprefix("worker:").split(":")[0]
        for name in ProcessHeartbeat.objects.filter(kind="worker", beat_at__gte=now - lease).values_list(
            "name", flat=True
        )
    }
    reclaimed = []
    # a task claimed less than one lease ago may belong to a worker whose first beat is still to come
    candidates = (
        DBTaskResult.objects.running().filter(started_at__lt=now - lease).values_list("id", flat=True)
    )
    for task_id in list(candidates):
        outcome = _reclaim_one(task_id, alive, now)
        if outcome is not None:
            reclaimed.append(outcome)
    return reclaimed


def _reclaim_one(task_id, alive: set[str], now) -> Reclaimed | None:
    with transaction.atomic():
        task = DBTaskResult.objects.select_for_update().filter(id=task_id, status="RUNNING").first()
        if task is None:
            return None  # finished meanwhile
        worker_id = task.worker_ids[-1] if task.worker_ids else ""
        if worker_id in alive:
            return None
        if len(task.worker_ids) < settings.APPGOV_TASK_MAX_ATTEMPTS:
            task.status, task.started_at = "READY", None
            task.save(update_fields=["status", "started_at"])
            outcome = "retried"
        else:
            task.set_failed(
                WorkerLost(
                    f"worker {worker_id or '?'} stopped sending heartbeats while running this task "
                    f"(lease {settings.APPGOV_TASK_LEASE_SECONDS} s, attempt {len(task.worker_ids)} of "
                    f"{settings.APPGOV_TASK_MAX_ATTEMPTS}); marked failed at {now:%Y-%m-%d %H:%M:%S}"
                )
            )
            outcome = "failed"
    logger.warning("task %s (%s) of dead worker %s %s", task_id, task.task_path, worker_id, outcome)
    if outcome == "failed":
        try:
            task_finished.send(sender=type(task.task.get_backend()), task_result=task.task_result)
        except ImportError:  # the task's function no longer exists: nothing to notify
            pass
    return Reclaimed(str(task_id), task.task_path, worker_id, outcome)


def prune_heartbeats(now: datetime.datetime | None = None) -> int:
    """Heartbeat rows of workers gone for a day (each worker process writes its own row)."""
    now = now or timezone.now()
    deleted, _ = ProcessHeartbeat.objects.filter(beat_at__lt=now - datetime.timedelta(days=1)).delete()
    return deleted
