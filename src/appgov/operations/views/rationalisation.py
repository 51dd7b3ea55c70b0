"""Rationalisation pages: function catalogues, candidates with their reasons, the office's decisions."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from appgov.core.views import generic

from .. import services
from ..filtersets import CandidateFilterSet, FunctionsFilterSet
from ..forms import CompleteDecisionForm, DecisionForm, FunctionsForm
from ..models import AppFunctions, Candidate, Decision
from ..services.rationalisation import DECIDERS
from ..tables import CandidateTable, FunctionsTable
from ..taxonomy import function_label
from .common import attempt, require


class FunctionsList(generic.ObjectListView):
    model = AppFunctions
    queryset = AppFunctions.objects.select_related("app", "app__institution")
    filterset = FunctionsFilterSet
    table = FunctionsTable
    title = gettext_lazy("Function catalogues")


class FunctionsDetail(generic.ObjectDetailView):
    model = AppFunctions
    template_name = "operations/functions_detail.html"

    def extra_context(self, obj) -> dict:
        return {"labels": [function_label(c) for c in obj.functions]}


class FunctionsEdit(generic.ObjectEditView):
    model = AppFunctions
    form = FunctionsForm
    service = services.functions


class CandidateList(generic.ObjectListView):
    model = Candidate
    queryset = Candidate.objects.select_related("institution", "app", "decision")
    filterset = CandidateFilterSet
    table = CandidateTable
    title = gettext_lazy("Rationalisation candidates")
    template_name = "operations/candidate_list.html"

    def extra_context(self) -> dict:
        user = self.request.user
        return {"can_run": self.can_write() and user.role in DECIDERS}


class CandidateDetail(generic.ObjectDetailView):
    model = Candidate
    template_name = "operations/candidate_detail.html"

    def extra_context(self, candidate) -> dict:
        user = self.request.user
        decision = Decision.objects.filter(candidate=candidate).select_related("owner", "merge_into").first()
        may_decide = self.can_write() and user.role in DECIDERS
        return {
            "candidate": candidate,
            "decision": decision,
            "overlap": [function_label(c) for c in candidate.overlap],
            "decision_form": (
                DecisionForm(user=user, candidate=candidate)
                if may_decide and decision is None and candidate.status == Candidate.Status.OPEN
                else None
            ),
            "complete_form": (
                CompleteDecisionForm()
                if may_decide
                and decision is not None
                and decision.completed_on is None
                and decision.kind == Decision.Kind.OPTIMISE
                else None
            ),
            "today": timezone.localdate(),
        }


@login_required
@require_POST
def candidate_decide(request, pk):
    require(request.user, Decision)
    candidate = get_object_or_404(Candidate.objects.for_user(request.user, "change"), pk=pk)
    form = DecisionForm(request.POST, user=request.user, candidate=candidate)
    back = candidate.get_absolute_url()
    if not form.is_valid():
        messages.error(
            request,
            "；".join(
                f"{form.fields[k].label if k in form.fields else ''} {e}"
                for k, errs in form.errors.items()
                for e in errs
            ),
        )
        return redirect(back)
    data = {**services.decisions.form_data(form), "candidate": candidate}
    return attempt(
        request, lambda: services.decisions.create(request.user, data), _("Decision recorded."), back
    )


@login_required
@require_POST
def decision_complete(request, pk):
    require(request.user, Decision)
    decision = get_object_or_404(Decision.objects.for_user(request.user, "change"), pk=pk)
    form = CompleteDecisionForm(request.POST)
    back = decision.get_absolute_url()
    if not form.is_valid():
        messages.error(request, _("Say what was done."))
        return redirect(back)
    return attempt(
        request,
        lambda: services.decisions.complete(decision, request.user, form.cleaned_data["completion_note"]),
        _("The decision is recorded as completed."),
        back,
    )


@login_required
@require_POST
def candidates_run(request):
    """Recompute the candidates of the user's institution now (the nightly run does it every night)."""
    require(request.user, Candidate)
    if request.user.role not in DECIDERS:
        raise PermissionDenied
    try:
        counts = services.rationalisation.run(request.user.institution)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(
            request,
            _("Candidates recomputed: %(new)d new, %(changed)d changed, %(cleared)d cleared.") % counts,
        )
    return redirect("operations:candidate-list")
