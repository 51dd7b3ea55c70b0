import datetime
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from appgov.core import progress
from appgov.core.scoping import scoped
from appgov.core.views.helpers import get_scoped

from .. import alert_display, ingestion, logcoverage, querylist
from .. import monitoring as service
from ..forms import CloseDayForm, DispositionForm, NoQueriesForm, UploadForm
from ..models import Alert, MonitoringRun, QueryLogBatch, ReviewDay
from ..policy import policy
from ..tasks import run_monitoring_day
from .common import attempt, require, writer

QUERY_PAGE_SIZE = 50


@login_required
def logs(request):
    form = (
        UploadForm(request.POST or None, request.FILES or None)
        if writer(request.user, "querylogbatch")
        else None
    )
    if request.method == "POST":
        require(request.user, "querylogbatch")
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                batch = ingestion.ingest(
                    request.user.institution,
                    upload.name,
                    upload.read(),
                    table=form.cleaned_data["table"],
                    actor=request.user,
                )
            except ValidationError as exc:
                form.add_error("file", exc.messages)
                messages.error(request, "；".join(exc.messages))
            else:
                messages.success(
                    request,
                    _("%(name)s: %(rows)d rows stored.") % {"name": batch.original_name, "rows": batch.rows},
                )
                if batch.table == QueryLogBatch.Table.QUERY_EVENTS:
                    if batch.days:
                        progress.queue(batch.institution_id, "credit_monitoring")
                    for day in batch.days:
                        run_monitoring_day.enqueue(batch.institution_id, day)
                return redirect("credit:logs")
    return render(
        request,
        "credit/logs.html",
        {
            "form": form,
            "batches": scoped(QueryLogBatch, request.user).select_related("institution")[:50],
            "runs": scoped(MonitoringRun, request.user).select_related("institution")[:30],
        },
    )


@login_required
@require_safe
def reviewday_list(request):
    today = timezone.localdate()
    days = scoped(ReviewDay, request.user).select_related("branch", "closed_by", "institution")
    state = request.GET.get("state", "")
    if state == "open":
        days = days.filter(closed_at__isnull=True)
    elif state == "overdue":
        days = service.overdue_review_days(days, today)
    rows = []
    for rd in days[:300]:
        counts = {d: 0 for d in Alert.Disposition.values}
        for value in rd.alert_rows.values_list("disposition", flat=True):
            counts[value] += 1
        rows.append(
            {"day": rd, "counts": counts, "total": sum(counts.values()), "overdue": rd.is_overdue(today)}
        )
    overdue = service.overdue_review_days(scoped(ReviewDay, request.user), today).count()
    institution = request.user.institution if request.user.institution_id else None
    missing = (
        logcoverage.missing_log_days(
            institution, today, policy()["alert_window_days"], policy()["review_due_days"]
        )
        if institution is not None
        else []
    )
    return render(
        request,
        "credit/reviewday_list.html",
        {
            "rows": rows,
            "state": state,
            "overdue": overdue,
            "missing_days": missing,
            "no_queries_form": NoQueriesForm() if writer(request.user, "reviewday") else None,
        },
    )


@login_required
@require_POST
def declare_no_queries(request):
    """The credit officer records a working day without a log as a day without queries."""
    require(request.user, "reviewday")
    form = NoQueriesForm(request.POST)
    if not form.is_valid():
        messages.error(
            request, "；".join(f"{form.fields[name].label}: {' '.join(e)}" for name, e in form.errors.items())
        )
        return redirect("credit:reviewday-list")
    data = form.cleaned_data
    attempt(
        request,
        lambda: logcoverage.declare_no_queries(
            request.user.institution, data["day"], request.user, data["conclusion"]
        ),
        _("%(day)s recorded as a day without credit queries.") % {"day": data["day"]},
        "credit:reviewday-list",
    )
    return redirect("credit:reviewday-list")


@login_required
def reviewday_detail(request, pk):
    rd = get_scoped(ReviewDay.objects.select_related("branch", "closed_by"), request.user, pk=pk)
    if request.method == "POST":
        require(request.user, "reviewday")
        form = CloseDayForm(request.POST)
        conclusion = form.data.get("conclusion", "")
        attempt(
            request,
            lambda: service.close_review_day(rd, request.user, conclusion),
            _("Day closed."),
            rd.get_absolute_url(),
        )
        return redirect(rd.get_absolute_url())
    alerts = alert_display.decorate(
        rd.alert_rows.select_related("reviewed_by").prefetch_related("dispositions__decided_by"),
        rd.institution_id,
    )
    try:
        number = int(request.GET.get("qpage", 1))
    except ValueError:
        number = 1
    return render(
        request,
        "credit/reviewday_detail.html",
        {
            "rd": rd,
            "alerts": alerts,
            "can_write": writer(request.user, "alert") and not rd.is_closed,
            "overdue": rd.is_overdue(timezone.localdate()),
            "dispositions": DispositionForm.base_fields["disposition"].choices[1:],
            "close_form": CloseDayForm(),
            "queries": _with_branch_names(querylist.DayPage(rd, number, QUERY_PAGE_SIZE), rd.institution_id),
            "query_columns": querylist.COLUMNS,
            "query_headers": querylist.headers(),
        },
    )


@login_required
@require_safe
def reviewday_queries_export(request, pk):
    """The day's complete query list of the branch as an Excel file."""
    rd = get_scoped(ReviewDay, request.user, pk=pk)
    response = HttpResponse(
        querylist.workbook(rd),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    name = f"queries-{rd.day:%Y%m%d}-{re.sub(r'[^A-Za-z0-9_-]', '_', rd.branch_code)}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_POST
def alert_disposition(request, pk):
    alert = get_scoped(Alert.objects.select_related("review_day"), request.user, pk=pk)
    require(request.user, "alert")
    back = alert.review_day.get_absolute_url()
    attempt(
        request,
        lambda: service.disposition(
            alert, request.POST.get("disposition", ""), request.POST.get("comment", ""), request.user
        ),
        _("Disposition recorded."),
        back,
    )
    return redirect(back)


@login_required
@require_safe
def rule_metrics(request):
    try:
        days = max(1, min(int(request.GET.get("days", 90)), 3650))
    except ValueError:
        days = 90
    since = timezone.localdate() - datetime.timedelta(days=days)
    alerts = scoped(Alert, request.user).filter(ts__date__gte=since)
    return render(
        request,
        "credit/rule_metrics.html",
        {"metrics": _with_rule_labels(service.rule_metrics(alerts)), "days": days},
    )


def _with_rule_labels(metrics):
    for metric in metrics:
        metric["rule_label"] = alert_display.rule_label(metric["rule_id"])
    return metrics


def _with_branch_names(page, institution_id):
    """The query rows with the branch's name beside the query log's branch code."""
    names = alert_display.branch_names(institution_id)
    for row in page.rows:
        code = row.get("branch_id")
        row["branch_shown"] = f"{names[code]}（{code}）" if code in names else (code or "")
    return page
