"""Enqueue each daily job once a day (at or after its time), whatever restarts happen in between; write
the scheduler's heartbeat and reclaim the tasks of dead workers (core.leases) every few seconds."""

import datetime
import logging
import signal
import time

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import DatabaseError, IntegrityError, transaction
from django.utils import timezone

from appgov.core import leases
from appgov.core.health import beat
from appgov.core.jobs import DAILY_JOBS, enqueue_daily
from appgov.core.models import ScheduledRun

logger = logging.getLogger("appgov.scheduler")


class Command(BaseCommand):
    help = (
        "Run the scheduler loop that enqueues daily jobs for the worker and reclaims tasks of dead workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="check once and exit (for cron or tests)")
        parser.add_argument("--interval", type=int, default=60, help="seconds between checks for daily jobs")

    def handle(self, *args, once=False, interval=60, **options):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *a: stopping.append(True))
        next_tick = next_housekeeping = 0.0
        while not stopping:
            now = time.monotonic()
            if now >= next_housekeeping:
                self.housekeeping()
                next_housekeeping = now + settings.APPGOV_HEARTBEAT_SECONDS
            if now >= next_tick:
                for name in self.tick():
                    self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} enqueued {name}")
                next_tick = now + interval
            if once:
                return
            time.sleep(1)

    def housekeeping(self) -> None:
        try:
            beat("scheduler", "scheduler")
            for task in leases.reclaim_expired():
                self.stdout.write(
                    f"{timezone.now():%Y-%m-%d %H:%M:%S} task {task.task_id} ({task.task_path}) of dead worker "
                    f"{task.worker_id}: {task.outcome}"
                )
            leases.prune_heartbeats()
        except DatabaseError as exc:  # a locked or unreachable database: the next round tries again
            logger.warning("scheduler housekeeping failed: %s", exc)

    def tick(self) -> list[str]:
        now = timezone.localtime()
        started = []
        for job in DAILY_JOBS:
            if now.time() < datetime.time.fromisoformat(job.at):
                continue
            try:
                with transaction.atomic():
                    ScheduledRun.objects.create(job=job.name, run_date=now.date())
                    enqueue_daily(job)
            except IntegrityError:
                continue  # already enqueued today
            started.append(job.name)
        return started
