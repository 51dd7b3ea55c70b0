"""Enqueue each daily job once a day (at or after its time), whatever restarts happen in between."""

import datetime
import signal
import time

from django.core.management.base import BaseCommand
from django.db import IntegrityError, transaction
from django.utils import timezone

from appgov.core.jobs import DAILY_JOBS, enqueue_daily
from appgov.core.models import ScheduledRun


class Command(BaseCommand):
    help = "Run the scheduler loop that enqueues daily jobs for the worker."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="check once and exit (for cron or tests)")
        parser.add_argument("--interval", type=int, default=60, help="seconds between checks")

    def handle(self, *args, once=False, interval=60, **options):
        stopping = []
        signal.signal(signal.SIGTERM, lambda *a: stopping.append(True))
        while True:
            for name in self.tick():
                self.stdout.write(f"{timezone.now():%Y-%m-%d %H:%M:%S} enqueued {name}")
            if once or stopping:
                return
            for _ in range(interval):
                if stopping:
                    return
                time.sleep(1)

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
