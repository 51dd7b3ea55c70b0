import logging
import time

from django.conf import settings
from django.utils.cache import patch_cache_control

from .context import acting_as

request_log = logging.getLogger("appgov.request")


class RequestContextMiddleware:
    """Tags everything a request writes (and logs) with its user and a request id (also sent back as a
    header), and logs one line per request: method, path, status, duration."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user if getattr(request, "user", None) and request.user.is_authenticated else None
        incoming = request.headers.get("X-Request-ID", "")[:64]
        safe = incoming if incoming and all(c.isalnum() or c in "-_." for c in incoming) else None
        started = time.monotonic()
        with acting_as(user, safe, prefix="req") as request_id:
            request.request_id = request_id
            response = self.get_response(request)
            request_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    # after the view: an API token's user is known only once DRF authenticated it
                    "user": getattr(getattr(request, "user", None), "username", "") or "",
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.monotonic() - started) * 1000, 1),
                },
            )
        response["X-Request-ID"] = request_id
        return response


class InstitutionTimeZoneMiddleware:
    """Dates and times of a request in the signed-in user's institution's zone (core.zones); API token users
    get theirs when DRF authenticates them (users.authentication)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from django.utils import timezone

        from .zones import activate_for

        activate_for(getattr(request, "user", None))
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()


class SecurityHeadersMiddleware:
    """Content-Security-Policy on every answer; `Cache-Control: no-store` on every answer to a signed-in
    user, so no page or download with institution data stays in a shared or browser cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        header = (
            "Content-Security-Policy-Report-Only"
            if settings.APPGOV_CSP_REPORT_ONLY
            else "Content-Security-Policy"
        )
        if settings.APPGOV_CSP and header not in response:
            response[header] = settings.APPGOV_CSP
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response


# PostgreSQL: deadlock detected, serialization failure, lock not available; SQLite: another writer held the file
BUSY_SQLSTATES = {"40P01", "40001", "55P03"}


def database_busy(exc: BaseException) -> bool:
    """Whether a database error is contention (another transaction held what this one needed), not a defect."""
    from django.db import OperationalError

    if not isinstance(exc, OperationalError):
        return False
    cause = exc.__cause__
    state = getattr(cause, "sqlstate", None) or getattr(cause, "pgcode", None)
    return state in BUSY_SQLSTATES or "database is locked" in str(exc)


class DatabaseBusyMiddleware:
    """A write cancelled by the database because of contention (a deadlock PostgreSQL broke by cancelling it, a
    lock wait SQLite gave up) was rolled back whole: answer 503 with Retry-After and say that nothing was saved
    and the request may simply be sent again, instead of a bare server error."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not database_busy(exception):
            return None
        from django.http import JsonResponse
        from django.shortcuts import render
        from django.utils.translation import gettext as _

        request_log.warning("database busy on %s %s: %s", request.method, request.path, str(exception)[:200])
        message = _(
            "The database was busy with another change and cancelled this one; nothing was saved. Send it again."
        )
        if request.path.startswith("/api/"):
            response = JsonResponse({"detail": message, "code": "database_busy"}, status=503)
        else:
            response = render(request, "503.html", {"message": message}, status=503)
        response["Retry-After"] = "2"
        return response
