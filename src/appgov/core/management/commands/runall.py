"""Start the web server, one task worker per queue and the scheduler together, and keep them running: a
child that dies is restarted after a back-off while the others keep serving. Ctrl-C or SIGTERM stops all."""

import os
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management.base import BaseCommand, CommandError

from appgov.core.health import worker_queues
from appgov.core.startup import refuse_unsafe_start

BACKOFF_FIRST, BACKOFF_MAX = 1.0, 60.0
STABLE_AFTER = 60.0  # a child that ran this long before dying starts again from the first back-off


@dataclass
class Child:
    name: str
    command: list[str]
    process: subprocess.Popen | None = None
    started_at: float = 0.0
    backoff: float = BACKOFF_FIRST
    restart_at: float | None = None
    restarts: int = field(default=0)

    def start(self):
        self.process = subprocess.Popen(self.command)
        self.started_at, self.restart_at = time.monotonic(), None


class Command(BaseCommand):
    help = (
        "Run web (gunicorn), a task worker per queue and the scheduler as one supervised foreground service."
    )

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        # One request per worker process and two processes per core: under concurrent load this keeps the
        # tail latency far lower than threads contending for the GIL (bench/ledger, results JSON).
        default_workers = 2 * (os.cpu_count() or 1)
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("APPGOV_WEB_WORKERS", default_workers))
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("APPGOV_WEB_THREADS", "1")))
        # Web workers are recycled after this many requests (plus a random jitter so they do not all
        # restart at once): a slow leak in one request path cannot grow a process without bound.
        parser.add_argument(
            "--max-requests", type=int, default=int(os.environ.get("APPGOV_WEB_MAX_REQUESTS", "2000"))
        )
        parser.add_argument(
            "--max-requests-jitter",
            type=int,
            default=int(os.environ.get("APPGOV_WEB_MAX_REQUESTS_JITTER", "200")),
        )

    def handle(self, *args, bind, workers, threads, max_requests, max_requests_jitter, **options):
        try:
            refuse_unsafe_start()
        except ImproperlyConfigured as exc:
            raise CommandError(str(exc)) from exc
        children = self.children(bind, workers, threads, max_requests, max_requests_jitter)
        # SIGTERM (kill, systemd stop) must stop the children as Ctrl-C does, not orphan them.
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        for child in children:
            child.start()
        names = ", ".join(c.name for c in children)
        self.stdout.write(f"AppGov running on http://{bind}/ ({names}). Ctrl-C stops all.")
        try:
            while True:
                self.supervise(children)
                time.sleep(0.5)
        except KeyboardInterrupt:
            pass
        finally:
            _stop(children)

    def children(self, bind, workers, threads, max_requests, max_requests_jitter) -> list[Child]:
        python = sys.executable
        manage = [python, "-m", "appgov.cli"]
        web = [
            python, "-m", "gunicorn", "appgov.wsgi:application",
            "--bind", bind,
            "--workers", str(workers),
            "--threads", str(threads),
            "--timeout", "120",
            "--max-requests", str(max_requests),
            "--max-requests-jitter", str(max_requests_jitter),
        ]  # fmt: skip
        if not settings.APPGOV_REQUEST_LOG:  # otherwise the request log (JSON, with request id) replaces it
            web += ["--access-logfile", "-"]
        children = [Child("web", web)]
        for queue in worker_queues():
            children.append(
                Child(f"worker:{queue}", [*manage, "worker", "--queue-name", queue, "--interval", "1"])
            )
        children.append(Child("scheduler", [*manage, "scheduler"]))
        return children

    def supervise(self, children: list[Child]) -> None:
        now = time.monotonic()
        for child in children:
            if child.restart_at is not None:
                if now >= child.restart_at:
                    child.restarts += 1
                    self.stderr.write(f"restarting {child.name} (restart {child.restarts})")
                    child.start()
                continue
            code = child.process.poll()
            if code is None:
                continue
            if now - child.started_at >= STABLE_AFTER:
                child.backoff = BACKOFF_FIRST
            child.restart_at = now + child.backoff
            self.stderr.write(
                f"{child.name} (pid {child.process.pid}) exited with code {code}; "
                f"restarting in {child.backoff:g} s, the others keep running"
            )
            child.backoff = min(child.backoff * 2, BACKOFF_MAX)


def _stop(children: list[Child]) -> None:
    running = [c.process for c in children if c.process is not None and c.process.poll() is None]
    for process in running:
        process.send_signal(signal.SIGTERM)
    for process in running:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt
