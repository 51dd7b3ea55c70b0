"""Enqueue each daily job once a day (at or after its time) and each periodic job once per slot (every N
minutes, skipped while its previous run is still queued or running), whatever restarts happen in between; write
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
from appgov.core.jobs import DAILY_JOBS, PERIODIC_JOBS, enqueue_daily, enqueue_periodic, periodic_job_pending
from appgov.core.models import Institution, ScheduledRun
from appgov.core.zones import zone_of

logger = logging.getLogger("appgov.scheduler")


class Command(BaseCommand):
    help = (
        "Run the scheduler loop that enqueues daily jobs for the worker and reclaims tasks of dead workers."
    )

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="check once and exit (for cron or tests)")
        parser.add_argument(
            "--interval", type=int, default=20, help="seconds between checks for daily and periodic jobs"
        )

    def handle(self, *args, once=False, interval=20, **options):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *a: stopping.append(True))
        next_tick = next_housekeeping = 0.0
        while not stopping:
            now = time.monotonic()
            if now >= next_housekeeping:
                self.housekeeping()
                next_housekeeping = now + settings.APPGOV_HEARTBEAT_SECONDS
            if now >= next_tick:
                for name in self.tick() + self.tick_periodic(timezone.localtime()):
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

    def tick(self, now=None) -> list[str]:
        """Enqueue the daily jobs whose time has come: a job for all at ``at`` on the server's clock, an
        institution's job (``each``) at ``at`` on the institution's clock, once per (its) day."""
        now = now or timezone.now()
        server_now = timezone.localtime(now)
        institutions = None
        started = []
        for job in DAILY_JOBS:
            at = datetime.time.fromisoformat(job.at)
            if not job.each:
                if server_now.time() >= at and self._enqueue_once(job, server_now.date()):
                    started.append(job.name)
                continue
            if institutions is None:
                institutions = list(Institution.objects.only("pk", "time_zone").order_by("pk"))
            for institution in institutions:
                local = timezone.localtime(now, zone_of(institution))
                if local.time() >= at and self._enqueue_once(job, local.date(), institution.pk):
                    started.append(job.run_key(institution.pk))
        return started

    @staticmethod
    def _enqueue_once(job, run_date, institution_id=None) -> bool:
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.run_key(institution_id), run_date=run_date)
                enqueue_daily(job, institution_id)
        except IntegrityError:
            return False  # already enqueued that day
        return True

    def tick_periodic(self, now) -> list[str]:
        """Periodic jobs share the daily bookkeeping: one ScheduledRun row per job and slot ("name@10:35")."""
        started = []
        for job in PERIODIC_JOBS:
            key = f"{job.name}@{job.slot(now)}"
            if periodic_job_pending(job):
                continue  # the previous cycle still runs: this slot is skipped, the next one catches up
            try:
                with transaction.atomic():
                    ScheduledRun.objects.create(job=key, run_date=now.date())
                    enqueue_periodic(job)
            except IntegrityError:
                continue  # already enqueued in this slot
            started.append(key)
        if started:  # a periodic job leaves a row per slot: keep two days of them
            names = [f"{job.name}@" for job in PERIODIC_JOBS]
            old = ScheduledRun.objects.filter(run_date__lt=now.date() - datetime.timedelta(days=2))
            for prefix in names:
                old.filter(job__startswith=prefix).delete()
        return started
