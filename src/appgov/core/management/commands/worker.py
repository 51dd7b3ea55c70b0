"""`appgov worker --queue-name default`: django_tasks_db's db_worker plus a heartbeat, so /healthz can tell a
live worker from a dead one and the scheduler can reclaim the tasks a dead worker left RUNNING."""

import logging
import os
import secrets
import socket
import threading

from django.conf import settings
from django.db import DatabaseError, connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from appgov.core.health import beat

logger = logging.getLogger("appgov.worker")


def make_worker_id(queue: str) -> str:
    """Unique per process and readable in the task list (db_worker allows 64 characters)."""
    return f"{queue[:12]}-{socket.gethostname()[:28]}-{os.getpid()}-{secrets.token_hex(3)}"


class Command(DbWorkerCommand):
    help = "Run a task worker for one queue (or a comma-separated list) with a heartbeat for /healthz."

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.set_defaults(worker_id=None)  # db_worker's random default; ours names queue, host and pid

    def handle(self, *args, queue_name, worker_id=None, **options):
        worker_id = worker_id or make_worker_id(queue_name.replace(",", "+"))
        stop = threading.Event()
        thread = threading.Thread(
            target=_beat_until, args=(stop, worker_id, queue_name), name="heartbeat", daemon=True
        )
        thread.start()
        try:
            return super().handle(*args, queue_name=queue_name, worker_id=worker_id, **options)
        finally:
            stop.set()


def _beat_until(stop: threading.Event, worker_id: str, queue_name: str) -> None:
    queues = queue_name.split(",")
    try:
        while not stop.is_set():
            try:
                for queue in queues:  # one row per queue so /healthz can judge each queue
                    beat(f"worker:{worker_id}" + (f":{queue}" if len(queues) > 1 else ""), "worker", queue)
            except DatabaseError as exc:  # a locked or unreachable database: try again next time
                logger.warning("worker heartbeat not written: %s", exc)
            stop.wait(settings.APPGOV_HEARTBEAT_SECONDS)
    finally:
        connection.close()
