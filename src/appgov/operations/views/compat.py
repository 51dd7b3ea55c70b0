"""OS compatibility (NFRA-10): the release register and the platforms' requirements, adaptation tasks with
their test matrix, and the compatibility board (apps × OS releases)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from appgov.core.models import Institution
from appgov.core.roles import can_write
from appgov.core.scoping import scope
from appgov.core.views import generic

from .. import services
from ..compatibility_matrix import matrix
from ..datafiles import DataFileError
from ..filtersets import ReleaseFilterSet, TaskFilterSet
from ..forms import ReleaseForm, RequirementForm, ResultForm, TaskForm
from ..models import AdaptationTask, CompatTestResult, OsRelease, PlatformRequirement
from ..tables import ReleaseTable, RequirementTable, TaskTable
from .child_edit import ChildEdit


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
    """The board: apps × OS releases of the institutions the user sees (an examiner: their jurisdiction)."""
    institutions = list(scope(Institution.objects.all(), request.user).order_by("name"))
    board = matrix(institutions)
    return render(
        request,
        "operations/compatibility.html",
        {
            "board": board,
            "show_institution": request.user.is_regulator,
            "can_edit": can_write(request.user, "operations.adaptationtask"),
        },
    )


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
        "osrelease", list=ReleaseList, detail=ReleaseDetail, edit=ReleaseEdit, base="os-releases/"
    ),
    *generic.object_urls(
        "requirement",
        list=RequirementList,
        detail=RequirementDetail,
        edit=RequirementEdit,
        base="os-requirements/",
    ),
    *generic.object_urls("task", list=TaskList, detail=TaskDetail, edit=TaskEdit, base="adaptation/"),
    *generic.object_urls("result", edit=ResultEdit, base="adaptation/results/"),
]
