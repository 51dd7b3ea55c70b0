import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from appgov.core.params import as_id
from appgov.core.scoping import scoped
from appgov.core.services import history
from appgov.core.views.helpers import get_scoped, querystring_without_page, safe_next

from .. import services
from ..filtersets import FindingFilterSet
from ..models import Finding


@login_required
@require_safe
def finding_list(request):
    qs = scoped(Finding, request.user).select_related("owner", "institution")
    filterset = FindingFilterSet(request.GET, queryset=qs, request=request)
    page = Paginator(filterset.qs.order_by("due_on", "id"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "compliance/finding_list.html",
        {
            "filterset": filterset,
            "page": page,
            "today": timezone.localdate(),
            "querystring_without_page": querystring_without_page(request),
            "statuses": Finding.Status.choices,
        },
    )


@login_required
@require_POST
def finding_bulk(request):
    ids = [i for i in map(as_id, request.POST.getlist("ids")) if i is not None]
    to_status = request.POST.get("to_status", "")
    done, problems = 0, []
    for finding in scoped(Finding, request.user).filter(pk__in=ids):
        try:
            services.move_finding(finding, to_status, request.user, request.POST.get("note", ""))
            done += 1
        except (ValidationError, PermissionDenied) as exc:
            problems.append(f"#{finding.pk}: {'；'.join(getattr(exc, 'messages', [str(exc)]))}")
    if done:
        messages.success(request, _("%(n)d findings updated.") % {"n": done})
    for problem in problems[:10]:
        messages.error(request, problem)
    return redirect(safe_next(request, "compliance:finding-list"))


@login_required
def finding_detail(request, pk):
    finding = get_scoped(Finding.objects.select_related("owner", "verified_by"), request.user, pk=pk)
    if request.method == "POST":
        until = request.POST.get("risk_accepted_until") or None
        try:
            services.move_finding(
                finding,
                request.POST.get("to_status", ""),
                request.user,
                request.POST.get("note", ""),
                datetime.date.fromisoformat(until) if until else None,
            )
        except ValueError:
            messages.error(request, _("Give the date as YYYY-MM-DD."))
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, "；".join(getattr(exc, "messages", [str(exc) or _("Not allowed")])))
        else:
            messages.success(request, _("Finding updated."))
        return redirect("compliance:finding-detail", pk=finding.pk)
    from ..findings import MANUAL_MOVES

    moves = [(to, label) for to, label in Finding.Status.choices if (finding.status, to) in MANUAL_MOVES]
    return render(
        request,
        "compliance/finding_detail.html",
        {"finding": finding, "moves": moves, "history": history(finding)[:50], "today": timezone.localdate()},
    )
