"""Two-factor pages: enrol an authenticator (QR code made here), pass the second factor after the password,
renew recovery codes, remove an optional second factor."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_otp import login as otp_login

from . import twofactor


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "/"


@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """The user's second factor: enrolment (QR code, secret, one code to confirm), or its state."""
    user = request.user
    if twofactor.enrolled(user):
        if not user.is_verified():
            return redirect("two-factor-verify")
        return render(
            request,
            "users/two_factor.html",
            {
                "enrolled": True,
                "codes_left": twofactor.recovery_codes_left(user),
                "removable": not twofactor.required_by_role(user),
            },
        )
    device = twofactor.pending_device(user)
    error = ""
    if request.method == "POST":
        codes = twofactor.confirm(device, request.POST.get("token", ""))
        if codes is not None:
            otp_login(request, device)
            messages.success(request, _("Two-factor authentication is on."))
            return render(request, "users/recovery_codes.html", {"codes": codes, "next": _next(request)})
        error = _("The code is not right. Check the time on your phone and enter the current code.")
    return render(
        request,
        "users/two_factor.html",
        {
            "enrolled": False,
            "qr_svg": twofactor.qr_svg(device),
            "secret": twofactor.secret_base32(device),
            "required": twofactor.required_by_role(user),
            "error": error,
            "next": _next(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def two_factor_verify(request):
    """The second step of signing in: a code from the authenticator, or one recovery code."""
    user = request.user
    if not twofactor.enrolled(user):
        return redirect("two-factor")
    error = ""
    if request.method == "POST":
        device = twofactor.match(user, request.POST.get("token", ""))
        if device is not None:
            otp_login(request, device)
            if device.persistent_id.startswith("otp_static"):
                messages.warning(
                    request,
                    _("You signed in with a recovery code; %(n)d are left.")
                    % {"n": twofactor.recovery_codes_left(user)},
                )
            return redirect(_next(request))
        error = _("The code is not right, or too many wrong codes were tried: wait a little and try again.")
    return render(request, "users/two_factor_verify.html", {"error": error, "next": _next(request)})


@login_required
@require_POST
def recovery_codes(request):
    if not (twofactor.enrolled(request.user) and request.user.is_verified()):
        raise PermissionDenied
    codes = twofactor.new_recovery_codes(request.user)
    return render(request, "users/recovery_codes.html", {"codes": codes, "next": "/account/two-factor/"})


@login_required
@require_POST
def remove_two_factor(request):
    user = request.user
    if twofactor.required_by_role(user) or not user.is_verified():
        raise PermissionDenied
    twofactor.remove(user, user)
    messages.success(request, _("Two-factor authentication is off."))
    return redirect("two-factor")
