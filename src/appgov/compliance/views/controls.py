from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from appgov.core.roles import Role, can_write
from appgov.core.scoping import scoped
from appgov.core.views import generic
from appgov.core.views.helpers import get_scoped

from .. import selectors, services
from ..evaluation import catalogue, control_or_none
from ..forms import EvidenceForm
from ..models import ControlResult, Evidence
from ..models.subjects import SubjectType


def _subject_choices(institution, control):
    from appgov.core.controls.context import EvaluationContext

    ctx = EvaluationContext(institution, timezone.localdate())
    applies = control.applies_to if control.applies_to != SubjectType.REGULATOR else SubjectType.INSTITUTION
    return [(f"{t}:{i}", label) for t, i, label, _o in ctx.subjects(applies)]


@login_required
@require_safe
def control_list(request):
    cat = catalogue()
    return render(request, "compliance/control_list.html", {"controls": cat.controls, "sources": cat.sources})


@login_required
def control_detail(request, control_id):
    control = control_or_none(control_id)
    if control is None:
        raise Http404
    institution = selectors.institution_for(
        request.user, request.GET.get("institution") or request.POST.get("institution")
    )
    may_upload = (
        can_write(request.user, "compliance.evidence") and institution.pk == request.user.institution_id
    )
    form = None
    if may_upload:
        form = EvidenceForm(
            request.POST or None, request.FILES or None, subjects=_subject_choices(institution, control)
        )
        if request.method == "POST":
            if form.is_valid():
                subject_type, subject_id = form.cleaned_data["subject"].split(":")
                try:
                    services.add_evidence(
                        institution,
                        control.id,
                        subject_type,
                        int(subject_id),
                        form.cleaned_data["title"],
                        form.cleaned_data["effective_on"],
                        request.user,
                        request.FILES.get("file"),
                        form.cleaned_data["link"],
                        form.cleaned_data["expires_on"],
                    )
                except ValidationError as exc:
                    messages.error(request, "；".join(exc.messages))
                else:
                    messages.success(
                        request,
                        _(
                            "Evidence recorded. It counts once someone else of compliance has accepted it, "
                            "from the next evaluation."
                        ),
                    )
                    return redirect("compliance:control-detail", control_id=control.id)
            else:
                messages.error(request, "；".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
    elif request.method == "POST":
        raise PermissionDenied
    results = ControlResult.objects.filter(institution=institution, control_id=control.id).order_by(
        "outcome", "subject_repr"
    )
    evidence = scoped(Evidence, request.user).filter(institution=institution, control_id=control.id)
    return render(
        request,
        "compliance/control_detail.html",
        {
            "control": control,
            "institution": institution,
            "results": results,
            "evidence": evidence,
            "form": form,
            "today": timezone.localdate(),
            "may_review": request.user.role in REVIEW_ROLES and institution.pk == request.user.institution_id,
            "may_void": can_write(request.user, "compliance.evidence")
            and institution.pk == request.user.institution_id,
        },
    )


REVIEW_ROLES = {Role.ADMINISTRATOR, Role.COMPLIANCE}  # as workflows/evidence_review.yaml says


class EvidenceVoid(generic.ObjectDeleteView):
    """Mistaken evidence voided with a reason (issue 12 item 1); back to its control's page."""

    model = Evidence
    service = services.evidence

    def object_url(self, obj) -> str:
        url = reverse("compliance:control-detail", args=[obj.control_id])
        return f"{url}?institution={obj.institution_id}"


@login_required
@require_POST
def evidence_review(request, pk):
    """Accept or reject evidence; the service refuses the uploader and other roles (403) and a rejection
    without a reason (a message)."""
    evidence = get_scoped(Evidence, request.user, pk=pk)
    try:
        services.review_evidence(
            evidence, request.user, request.POST.get("decision", ""), request.POST.get("reason", "")
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Review recorded."))
    url = reverse("compliance:control-detail", args=[evidence.control_id])
    return redirect(f"{url}?institution={evidence.institution_id}")


@login_required
@require_safe
def evidence_download(request, pk):
    evidence = scoped(Evidence, request.user).filter(pk=pk).first()
    if evidence is None or not evidence.file:
        raise Http404
    return FileResponse(
        evidence.file.open("rb"), as_attachment=True, filename=evidence.file.name.rsplit("/", 1)[-1]
    )
