"""Holds a signed-in user who needs a second factor (users/twofactor.py) at the two-factor pages until they
have passed it in this session: enrolment for a required role not yet enrolled, the code otherwise."""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import twofactor

# Paths a user may reach before the second factor: signing in and out, the two-factor pages themselves,
# static files, the language switch and the monitoring probe.
OPEN_PREFIXES = (
    "/login/",
    "/logout/",
    "/account/two-factor/",
    "/static/",
    "/i18n/",
    "/healthz",
    "/api/auth/",
)


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not request.path.startswith(OPEN_PREFIXES)
            and twofactor.required(user)
            and not user.is_verified()
        ):
            return self._hold(request, user)
        return self.get_response(request)

    def _hold(self, request, user):
        if request.path.startswith("/api/"):
            # a browser session calling the API; token clients carry no session and never get here
            detail = _("This session has not passed the second factor (TOTP) yet.")
            return JsonResponse(
                {
                    "detail": detail,
                    "code": "second_factor_required",
                    "errors": {"non_field_errors": [detail]},
                },
                status=403,
            )
        target = "two-factor-verify" if twofactor.enrolled(user) else "two-factor"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")
