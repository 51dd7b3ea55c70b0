import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from appgov.core import extensions, workflow
from appgov.core.params import as_id
from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.services import history
from appgov.core.views.helpers import get_scoped, querystring_without_page, safe_next

from .. import services
from ..filtersets import FindingFilterSet
from ..models import Finding, FindingAttachment


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
    elif not problems:
        messages.warning(
            request, _("No finding was selected (or none of the selected findings is yours to change).")
        )
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
        except ValidationError as exc:  # a PermissionDenied is a 403, as the API answers
            messages.error(request, "；".join(exc.messages))
        else:
            messages.success(request, _("Finding updated."))
        return redirect("compliance:finding-detail", pk=finding.pk)
    # the moves this user may make now: a verify the maker-checker rule refuses them is not offered
    labels = dict(Finding.Status.choices)
    moves = list(
        dict.fromkeys((m.to_state, labels[m.to_state]) for m in workflow.available(finding, request.user))
    )
    from appgov.core.models import Department, Person

    return render(
        request,
        "compliance/finding_detail.html",
        {
            "finding": finding,
            "source": extensions.finding_source(finding),
            "moves": moves,
            "history": _status_history(finding),
            "today": timezone.localdate(),
            "attachments": finding.attachments.select_related("uploaded_by"),
            "may_write": can_write(request.user, "compliance.finding")
            and finding.institution_id == request.user.institution_id,
            "people": Person.objects.filter(institution=finding.institution_id).order_by("name"),
            "departments": Department.objects.filter(institution=finding.institution_id).order_by("name"),
        },
    )


def _int_or_none(value: str):
    return int(value) if (value or "").isdigit() else None


@login_required
@require_POST
def finding_reassign(request, pk):
    finding = get_scoped(Finding, request.user, pk=pk)
    try:
        services.reassign_finding(
            finding,
            request.user,
            _int_or_none(request.POST.get("owner")),
            _int_or_none(request.POST.get("owner_department")),
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Finding reassigned."))
    return redirect("compliance:finding-detail", pk=finding.pk)


@login_required
@require_POST
def finding_attach(request, pk):
    finding = get_scoped(Finding, request.user, pk=pk)
    try:
        services.add_finding_attachment(
            finding, request.user, request.FILES.get("file"), request.POST.get("title", "")
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Attachment added."))
    return redirect("compliance:finding-detail", pk=finding.pk)


@login_required
@require_safe
def finding_attachment_download(request, pk):
    attachment = get_scoped(FindingAttachment, request.user, pk=pk)
    response = FileResponse(
        attachment.file.open("rb"), as_attachment=True, filename=attachment.file.name.rsplit("/", 1)[-1]
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _status_history(finding) -> list:
    """The finding's change-log entries, each with its status before and after by label (never the code)."""
    labels = dict(Finding.Status.choices)
    entries = list(history(finding)[:50])
    for entry in entries:
        entry.status_before = labels.get((entry.before or {}).get("status"), "")
        entry.status_after = labels.get((entry.after or {}).get("status"), "")
    return entries
