"""The metrics pages: the institution view, an app's charts, the file upload, uploads, thresholds, breaches."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from appgov.core.views import generic
from appgov.ledger.models import MobileApp

from .. import metrics_format, selectors, services
from ..filtersets import BreachFilterSet, ThresholdFilterSet
from ..forms import HandleBreachForm, MetricFileForm, ThresholdForm
from ..models import Breach, Metric, MetricUpload, Threshold
from ..tables import BreachTable, ThresholdTable, UploadTable
from .common import attempt, require, writer


@login_required
@require_safe
def overview(request):
    data = selectors.overview(request.user, timezone.localdate())
    return render(
        request,
        "operations/metrics_overview.html",
        {**data, "can_upload": writer(request.user, MetricUpload), "labels": dict(Metric.choices)},
    )


@login_required
@require_safe
def app_metrics(request, pk):
    app = get_object_or_404(MobileApp.objects.for_user(request.user), pk=pk)
    range_key = request.GET.get("range", "1y")
    if range_key not in selectors.RANGES:
        range_key = "1y"
    series = selectors.app_series(app, range_key)
    labels = dict(Metric.choices)
    chart = {**series, "names": {m: str(labels[m]) for m in series["series"]}}
    breaches = Breach.objects.for_user(request.user).filter(app=app).select_related("threshold")[:20]
    return render(
        request,
        "operations/app_metrics.html",
        {
            "app": app,
            "chart": chart,
            "range_key": range_key,
            "ranges": [("90d", _("90 days")), ("1y", _("1 year")), ("3y", _("3 years")), ("all", _("all"))],
            "breaches": breaches,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def upload(request):
    require(request.user, MetricUpload)
    form = MetricFileForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            received = services.metrics.receive_file(
                request.user.institution, request.user, file.read(), file.name
            )
        except metrics_format.BatchRefused as exc:
            problems = [str(p) for p in exc.problems]
        else:
            messages.success(
                request,
                _(
                    "Received %(rows)d figures of %(apps)d apps, %(first)s to %(last)s (%(replaced)d replaced)."
                )
                % {
                    "rows": received.rows,
                    "apps": received.apps,
                    "first": received.first_day,
                    "last": received.last_day,
                    "replaced": received.replaced,
                },
            )
            return redirect("operations:metrics")
    return render(
        request,
        "operations/upload.html",
        {"form": form, "problems": problems, "columns": metrics_format.COLUMNS, "metrics": Metric.choices},
    )


class UploadList(generic.ObjectListView):
    model = MetricUpload
    queryset = MetricUpload.objects.select_related("institution", "received_by")
    table = UploadTable
    title = gettext_lazy("Metrics uploads")


class UploadDetail(generic.ObjectDetailView):
    model = MetricUpload


class ThresholdList(generic.ObjectListView):
    model = Threshold
    queryset = Threshold.objects.select_related("institution")
    filterset = ThresholdFilterSet
    table = ThresholdTable
    title = gettext_lazy("Thresholds")


class ThresholdDetail(generic.ObjectDetailView):
    model = Threshold


class ThresholdEdit(generic.ObjectEditView):
    model = Threshold
    form = ThresholdForm
    service = services.thresholds.thresholds


class BreachList(generic.ObjectListView):
    model = Breach
    queryset = Breach.objects.select_related("institution", "app", "threshold")
    filterset = BreachFilterSet
    table = BreachTable
    title = gettext_lazy("Threshold breaches")


class BreachDetail(generic.ObjectDetailView):
    model = Breach
    template_name = "operations/breach_detail.html"

    def extra_context(self, breach) -> dict:
        return {
            "breach": breach,
            "handle_form": HandleBreachForm()
            if self.can_write() and breach.status == Breach.Status.OPEN
            else None,
        }


@login_required
@require_POST
def breach_handle(request, pk):
    require(request.user, Breach)
    breach = get_object_or_404(Breach.objects.for_user(request.user, "change"), pk=pk)
    form = HandleBreachForm(request.POST)
    back = breach.get_absolute_url()
    if not form.is_valid():
        messages.error(request, "；".join(e for errs in form.errors.values() for e in errs))
        return redirect(back)
    return attempt(
        request,
        lambda: services.breaches.handle(breach, request.user, form.cleaned_data["handling"]),
        _("The breach is recorded as handled."),
        back,
    )
