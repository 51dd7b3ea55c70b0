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
