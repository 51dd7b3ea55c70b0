"""Bulk edit of apps selected on the ledger list."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from appgov.core.scoping import scoped
from appgov.core.views.helpers import require_write, safe_next

from .. import bulk
from ..bulk_forms import BulkEditForm
from ..models import MobileApp


def _selected_ids(request) -> list[int]:
    raw = request.POST.getlist("ids") if request.method == "POST" else request.GET.getlist("ids")
    ids = []
    for value in raw:
        for part in value.split(","):
            if part.strip().isdigit():
                ids.append(int(part))
    return sorted(set(ids))[: bulk.MAX_APPS + 1]


@login_required
@require_http_methods(["GET", "POST"])
def app_bulk_edit(request):
    require_write(request.user, MobileApp)
    ids = _selected_ids(request)
    apps = list(
        scoped(MobileApp, request.user).filter(pk__in=ids).order_by("code").values("pk", "code", "name")
    )
    form = BulkEditForm(request.POST if request.method == "POST" else None, user=request.user)
    back = safe_next(request, "ledger:app-list")
    if request.method == "POST" and form.is_valid():
        try:
            saved = bulk.bulk_update(request.user, ids, form.changes())
        except ValidationError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("Updated %(n)d apps.") % {"n": len(saved)})
            return redirect(back)
    return render(
        request,
        "ledger/app_bulk_edit.html",
        {"form": form, "apps": apps, "ids": ",".join(str(a["pk"]) for a in apps), "next": back},
    )
