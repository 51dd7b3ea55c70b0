"""The governance office accepts a version's regression against the previous version (page action)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from appgov.core.views.helpers import get_scoped
from appgov.ledger.models import AppVersion

from ..regression import accept_regression


@login_required
@require_POST
def regression_accept(request, version_pk):
    """A role that may not accept gets 403, as from the API (the service raises PermissionDenied)."""
    version = get_scoped(AppVersion.objects.select_related("app"), request.user, pk=version_pk)
    try:
        accept_regression(version, request.user, request.POST.get("reason", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Regression accepted; the release gate counts it as cleared."))
    return redirect(version.get_absolute_url())
