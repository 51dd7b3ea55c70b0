"""Liveness of the service for the operator's monitoring: `GET /healthz` (no login, JSON, 200 or 503),
the heartbeats the task workers and the scheduler write for it, and the 503 answer when storage is full."""

import errno
import os
import shutil
import socket
import sys
import time

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.html import escape
from django.utils.translation import gettext as _
from django.views import defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .models import ProcessHeartbeat


def beat(name: str, kind: str, queue: str = "") -> None:
    """Record that the calling process is alive now."""
    ProcessHeartbeat.objects.update_or_create(
        name=name,
        defaults={
            "kind": kind,
            "queue": queue,
            "pid": os.getpid(),
            "host": socket.gethostname()[:200],
            "beat_at": timezone.now(),
        },
    )


def worker_queues() -> list[str]:
    return list(settings.TASKS["default"].get("QUEUES") or ["default"])


def _age(kind: str, queue: str | None = None) -> float | None:
    beats = ProcessHeartbeat.objects.filter(kind=kind)
    if queue is not None:
        beats = beats.filter(queue=queue)
    last = beats.order_by("-beat_at").values_list("beat_at", flat=True).first()
    return None if last is None else round((timezone.now() - last).total_seconds(), 1)


def _heartbeat_check(kind, max_age, queue=None) -> dict:
    age = _age(kind, queue)
    check = {"ok": age is not None and age <= max_age, "age_seconds": age, "max_age_seconds": max_age}
    if queue is not None:
        check["queue"] = queue
    if age is None:
        check["error"] = "no heartbeat recorded"
    return check


def checks() -> dict:
    results = {}
    started = time.monotonic()
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        results["database"] = {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}
    except DatabaseError as exc:
        results["database"] = {"ok": False, "error": str(exc)[:200]}
    if results["database"]["ok"]:
        for queue in worker_queues():
            results[f"worker:{queue}"] = _heartbeat_check(
                "worker", settings.APPGOV_HEALTH_WORKER_MAX_AGE, queue
            )
        results["scheduler"] = _heartbeat_check("scheduler", settings.APPGOV_HEALTH_SCHEDULER_MAX_AGE)
    usage = shutil.disk_usage(settings.VAR_DIR)
    minimum = settings.APPGOV_HEALTH_MIN_FREE_BYTES
    results["disk"] = {"ok": usage.free >= minimum, "free_bytes": usage.free, "min_free_bytes": minimum}
    return results


@never_cache
@require_GET
def healthz(request):
    results = checks()
    healthy = all(check["ok"] for check in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": results}, status=200 if healthy else 503
    )


def _disk_full(exc: BaseException | None) -> bool:
    """Whether an exception (or one it was raised from) says the disk or the database storage is full."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
            return True
        if "database or disk is full" in str(exc) or getattr(exc, "sqlstate", None) == "53100":
            return True  # SQLite's SQLITE_FULL; PostgreSQL's disk_full
        exc = exc.__cause__ or exc.__context__
    return False


def server_error(request, *args, **kwargs):
    """handler500: a full disk is the operator's problem, not a bug; say so with 503 (and Retry-After) instead
    of a bare 500, so clients retry and monitoring sees the cause. Anything else is Django's 500."""
    if not _disk_full(sys.exc_info()[1]):
        return defaults.server_error(request, *args, **kwargs)
    message = _(
        "The server's storage is full, so nothing was saved. Try again later; the operator has been alerted."
    )
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": str(message), "code": "storage_full"}, status=503)
    else:
        response = HttpResponse(
            f'<!doctype html><meta charset="utf-8"><title>503</title><p>{escape(message)}</p>',
            status=503,
            content_type="text/html; charset=utf-8",
        )
    response["Retry-After"] = "60"
    return response
