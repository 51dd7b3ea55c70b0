"""OS compatibility (NFRA-10): the release register and the platforms' requirements, adaptation tasks with
their test matrix, and the compatibility board (apps × OS releases)."""

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from appgov.core.models import Institution
from appgov.core.roles import can_write
from appgov.core.scoping import scope
from appgov.core.views import generic

from .. import services
from ..compatibility_matrix import (
    FAILED,
    NOT_APPLICABLE,
    PASSED,
    STATES,
    UNTESTED,
    filter_rows,
    matrix,
    matrix_xlsx,
    totals_of,
)
from ..datafiles import DataFileError
from ..filtersets import ReleaseFilterSet, TaskFilterSet
from ..forms import ReleaseForm, RequirementForm, ResultForm, TaskForm
from ..models import AdaptationTask, CompatTestResult, OsPlatform, OsRelease, PlatformRequirement
from ..tables import ReleaseTable, RequirementTable, TaskTable
from .child_edit import ChildEdit

MATRIX_PAGE_SIZE = 50  # apps per page of the compatibility board


class ReleaseList(generic.ObjectListView):
    model = OsRelease
    queryset = OsRelease.objects.select_related("institution")
    filterset = ReleaseFilterSet
    table = ReleaseTable
    title = gettext_lazy("OS releases")
    template_name = "operations/release_list.html"

    def extra_context(self):
        return {"requirements": scope(PlatformRequirement.objects.all(), self.request.user)[:200]}


class ReleaseDetail(generic.ObjectDetailView):
    model = OsRelease
    fields = ["platform", "version", "api_level", "beta_on", "ga_on", "date_note", "source", "shipped"]


class ReleaseEdit(generic.ObjectEditView):
    model = OsRelease
    form = ReleaseForm
    service = services.releases


class RequirementList(generic.ObjectListView):
    model = PlatformRequirement
    queryset = PlatformRequirement.objects.select_related("institution")
    table = RequirementTable
    title = gettext_lazy("Distribution platform requirements")

    class filterset(ReleaseFilterSet):
        class Meta:
            model = PlatformRequirement
            fields = ["platform"]


class RequirementDetail(generic.ObjectDetailView):
    model = PlatformRequirement
    fields = [
        "distributor",
        "platform",
        "min_target_api",
        "applies_to",
        "effective_on",
        "date_note",
        "source",
    ]


class RequirementEdit(generic.ObjectEditView):
    model = PlatformRequirement
    form = RequirementForm
    service = services.requirements


class TaskList(generic.ObjectListView):
    model = AdaptationTask
    queryset = AdaptationTask.objects.select_related("app", "app__institution", "release", "owner")
    filterset = TaskFilterSet
    table = TaskTable
    title = gettext_lazy("Adaptation tasks")


class TaskDetail(generic.ObjectDetailView):
    model = AdaptationTask
    queryset = AdaptationTask.objects.select_related("app", "release", "owner")
    template_name = "operations/task_detail.html"
    fields = ["app", "release", "status", "due_on", "owner", "plan", "contingency_plan", "note"]

    def extra_context(self, obj):
        add = reverse("operations:result-add") + f"?task={obj.pk}" if self.can_write() else None
        return {"results": obj.results.all(), "add_result_url": add}


class TaskEdit(generic.ObjectEditView):
    model = AdaptationTask
    form = TaskForm
    service = services.tasks


class ResultEdit(ChildEdit):
    model = CompatTestResult
    form = ResultForm
    service = services.results
    parent_field = "task"


@login_required
@require_safe
def compatibility(request):
    """The board: apps × OS releases of the institutions the user sees (an examiner: their jurisdiction).
    Filters (GET): platform (its releases' columns only), state (apps with a cell in that state), q (app name or
    code), institution (examiners); the apps are paged, the totals count every app the filters keep."""
    seen, chosen, board, rows = _filtered_board(request)
    page = Paginator(rows, MATRIX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "operations/compatibility.html",
        {
            "board": {**board, "rows": page.object_list, "totals": totals_of(rows)},
            "page": page,
            "querystring_without_page": urlencode({k: v for k, v in chosen.items() if v}, doseq=False)
            + ("&" if any(chosen.values()) else ""),
            "chosen": chosen,
            "platforms": OsPlatform.choices,
            "states": [
                (PASSED, _("passed")),
                (FAILED, _("failed")),
                (UNTESTED, _("untested")),
                (NOT_APPLICABLE, _("not applicable")),
            ],
            "institutions": seen if request.user.is_regulator and len(seen) > 1 else [],
            "show_institution": request.user.is_regulator,
            "can_edit": can_write(request.user, "operations.adaptationtask"),
        },
    )


@login_required
@require_safe
def compatibility_xlsx(request):
    """The board as an Excel workbook, with the page's filters (every app they keep, not one page)."""
    _seen, chosen, board, rows = _filtered_board(request)
    data = matrix_xlsx(board["columns"], rows, totals_of(rows), chosen)
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="compatibility-{stamp}.xlsx"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _filtered_board(request):
    """(institutions seen, the filters as chosen and checked, the board, its rows the filters keep)."""
    seen = list(scope(Institution.objects.all(), request.user).order_by("name"))
    chosen = {
        "platform": request.GET.get("platform", ""),
        "state": request.GET.get("state", ""),
        "q": request.GET.get("q", "").strip()[:100],
        "institution": request.GET.get("institution", ""),
    }
    if chosen["platform"] not in OsPlatform.values:
        chosen["platform"] = ""
    if chosen["state"] not in STATES:
        chosen["state"] = ""
    institutions = [i for i in seen if str(i.pk) == chosen["institution"]] or seen
    if len(institutions) == len(seen):
        chosen["institution"] = ""
    board = matrix(institutions, platform=chosen["platform"] or None)
    return seen, chosen, board, filter_rows(board["rows"], text=chosen["q"], state=chosen["state"])


@login_required
@require_POST
def register_sync(request):
    """Copy the shipped register into the user's institution and open the missing adaptation tasks."""
    if not can_write(request.user, "operations.osrelease") or request.user.institution is None:
        raise PermissionDenied
    try:
        counts = services.load_register(request.user.institution, request.user)
        created = services.ensure_tasks(request.user.institution, request.user)
    except DataFileError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request,
            _("Register updated: %(added)s added, %(updated)s updated; %(tasks)s adaptation tasks opened.")
            % {**counts, "tasks": created},
        )
    return redirect("operations:osrelease-list")


urlpatterns = [
    *generic.object_urls(
        "osrelease",
        list=ReleaseList,
        detail=ReleaseDetail,
        edit=ReleaseEdit,
        delete=generic.void_view(OsRelease, services.releases),
        base="os-releases/",
    ),
    *generic.object_urls(
        "requirement",
        list=RequirementList,
        detail=RequirementDetail,
        edit=RequirementEdit,
        delete=generic.void_view(PlatformRequirement, services.requirements),
        base="os-requirements/",
    ),
    *generic.object_urls(
        "task",
        list=TaskList,
        detail=TaskDetail,
        edit=TaskEdit,
        delete=generic.void_view(AdaptationTask, services.tasks),
        base="adaptation/",
    ),
    *generic.object_urls(
        "result",
        edit=ResultEdit,
        delete=generic.void_view(CompatTestResult, services.results),
        base="adaptation/results/",
    ),
]
