from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from appgov.core.models import Institution
from appgov.core.roles import can_write
from appgov.core.scoping import scoped

from .. import selectors, services


@login_required
@require_safe
def compliance_dashboard(request):
    if request.user.is_regulator and not request.GET.get("institution"):
        if not scoped(Institution, request.user).exists():
            # an office that supervises no institution (yet): say so, not "page not found"
            return render(
                request, "compliance/no_institution.html", {"office": request.user.regulator_office}
            )
    institution = selectors.institution_for(request.user, request.GET.get("institution"))
    data = selectors.dashboard(institution)
    charts = {"heatmap": data["heatmap"], "trend": data["trend"], "articles": data["articles"]}
    return render(
        request,
        "compliance/dashboard.html",
        {
            "data": data,
            "charts": charts,
            "institutions": scoped(Institution, request.user) if request.user.is_regulator else [],
            "can_evaluate": can_write(request.user, "compliance.evaluation"),
            "can_register": can_write(request.user, "ledger.mobileapp"),
        },
    )


@login_required
@require_POST
def evaluate_now(request):
    if not can_write(request.user, "compliance.evaluation"):
        raise PermissionDenied
    evaluation = services.evaluate_now(request.user.institution, request.user)
    counts = evaluation.counts
    messages.success(
        request,
        _("Evaluation finished: %(p)d pass, %(f)d fail, %(e)d evidence needed.")
        % {"p": counts.get("pass", 0), "f": counts.get("fail", 0), "e": counts.get("evidence_needed", 0)},
    )
    return redirect("compliance:dashboard")
