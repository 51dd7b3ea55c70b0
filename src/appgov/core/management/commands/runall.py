"""Start the web server, a task worker and the scheduler together; stop all three on Ctrl-C."""

import os
import signal
import subprocess
import sys
import time

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run web (gunicorn), worker (db_worker) and scheduler as one foreground service."

    def add_arguments(self, parser):
        parser.add_argument("--bind", default="127.0.0.1:8000")
        # One request per worker process and two processes per core: under concurrent load this keeps the
        # tail latency far lower than threads contending for the GIL (bench/ledger, results JSON).
        default_workers = 2 * (os.cpu_count() or 1)
        parser.add_argument(
            "--workers", type=int, default=int(os.environ.get("APPGOV_WEB_WORKERS", default_workers))
        )
        parser.add_argument("--threads", type=int, default=int(os.environ.get("APPGOV_WEB_THREADS", "1")))

    def handle(self, *args, bind, workers, threads, **options):
        python = sys.executable
        manage = [python, "-m", "appgov.cli"]
        commands = {
            "web": [
                python,
                "-m",
                "gunicorn",
                "appgov.wsgi:application",
                "--bind",
                bind,
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--access-logfile",
                "-",
                "--timeout",
                "120",
            ],
            "worker": [*manage, "db_worker", "--interval", "1"],
            "scheduler": [*manage, "scheduler"],
        }
        # SIGTERM (kill, systemd stop) must stop the three children as Ctrl-C does, not orphan them.
        signal.signal(signal.SIGTERM, _raise_keyboard_interrupt)
        procs = {name: subprocess.Popen(cmd) for name, cmd in commands.items()}
        self.stdout.write(f"AppGov running on http://{bind}/ (web, worker, scheduler). Ctrl-C stops all.")
        try:
            while all(p.poll() is None for p in procs.values()):
                time.sleep(1)
            dead = [n for n, p in procs.items() if p.poll() is not None]
            self.stderr.write(f"{', '.join(dead)} stopped; shutting down the rest")
        except KeyboardInterrupt:
            pass
        finally:
            for p in procs.values():
                if p.poll() is None:
                    p.send_signal(signal.SIGTERM)
            for p in procs.values():
                try:
                    p.wait(timeout=15)
                except subprocess.TimeoutExpired:
                    p.kill()


def _raise_keyboard_interrupt(signum, frame):
    raise KeyboardInterrupt
