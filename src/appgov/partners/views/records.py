"""A party's records: qualifications, contacts, contracts, relations to apps and vendor grants (add / edit),
the due-diligence questionnaire and its decision, the business compliance review, a grant's revocation."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from appgov.core.views.helpers import apply_service_errors, get_scoped, history_entries

from .. import services
from ..forms import (
    AssessmentForm,
    BusinessReviewForm,
    ContactForm,
    ContractForm,
    DecisionForm,
    GrantForm,
    QualificationForm,
    RelationForm,
)
from ..models import AccessGrant, Assessment, Contact, Contract, Party, Qualification, Relation
from ..policy import questionnaire
from .common import attempt, require


@dataclass(frozen=True)
class Child:
    model: type
    form: type
    service: object
    title: object


CHILDREN = {
    "qualification": Child(
        Qualification, QualificationForm, services.qualifications, gettext_lazy("Qualification")
    ),
    "contact": Child(Contact, ContactForm, services.contacts, gettext_lazy("Contact")),
    "contract": Child(Contract, ContractForm, services.contracts, gettext_lazy("Contract")),
    "relation": Child(Relation, RelationForm, services.relations, gettext_lazy("Relation to an app")),
    "grant": Child(AccessGrant, GrantForm, services.grants, gettext_lazy("Vendor access grant")),
}


def _form_page(request, child: Child, party, obj):
    form = child.form(request.POST or None, instance=obj, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = child.service.form_data(form)
        try:
            if obj is None:
                child.service.create(request.user, {**data, "party": party})
            else:
                child.service.update(obj, request.user, data)
        except ValidationError as exc:
            apply_service_errors(request, form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(party.get_absolute_url())
    return render(
        request,
        "partners/edit.html",
        {
            "form": form,
            "title": f"{child.title} · {party}",
            "back": party.get_absolute_url(),
            "history": history_entries(obj) if obj is not None else [],
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def child_add(request, pk, kind):
    child = CHILDREN[kind]
    party = get_scoped(Party, request.user, pk=pk)
    require(request.user, child.model)
    return _form_page(request, child, party, None)


@login_required
@require_http_methods(["GET", "POST"])
def child_edit(request, pk, kind):
    child = CHILDREN[kind]
    obj = get_scoped(child.model, request.user, pk=pk)
    require(request.user, child.model)
    return _form_page(request, child, obj.party, obj)


@login_required
@require_http_methods(["GET", "POST"])
def assessment_add(request, pk):
    party = get_scoped(Party, request.user, pk=pk)
    require(request.user, Assessment)
    form = AssessmentForm(
        request.POST or None, initial={"assessed_on": timezone.localdate(), "kind": "admission"}
    )
    if request.method == "POST" and form.is_valid():
        data = {
            "party": party,
            "kind": form.cleaned_data["kind"],
            "assessed_on": form.cleaned_data["assessed_on"],
            "note": form.cleaned_data["note"],
            "answers": form.answers(),
        }
        try:
            services.assessments.create(request.user, data)
        except ValidationError as exc:
            apply_service_errors(request, form, exc)
        else:
            messages.success(
                request, _("Assessment recorded; it now awaits the decision of a second person.")
            )
            return redirect(party.get_absolute_url())
    return render(
        request,
        "partners/assessment_form.html",
        {
            "form": form,
            "party": party,
            "title": _("Due-diligence questionnaire"),
            "pass_score": questionnaire()["pass_score"],
        },
    )


@login_required
@require_POST
def assessment_decide(request, pk):
    assessment = get_scoped(Assessment, request.user, pk=pk)
    require(request.user, Assessment)
    form = DecisionForm(request.POST)
    back = assessment.party.get_absolute_url()
    if not form.is_valid():
        messages.error(request, _("Choose approve or reject."))
        return redirect(back)
    d = form.cleaned_data
    return attempt(
        request,
        lambda: services.assessments.decide(assessment, request.user, d["decision"], d["note"]),
        _("Decision recorded."),
        back,
    )


@login_required
@require_POST
def relation_review(request, pk):
    relation = get_scoped(Relation, request.user, pk=pk)
    require(request.user, Relation)
    form = BusinessReviewForm(request.POST)
    back = relation.party.get_absolute_url()
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    d = form.cleaned_data
    return attempt(
        request,
        lambda: services.relations.review_business(
            relation, request.user, d["conclusion"], d["reference"], d["reviewed_on"]
        ),
        _("Business compliance review recorded."),
        back,
    )


@login_required
@require_POST
def grant_revoke(request, pk):
    grant = get_scoped(AccessGrant, request.user, pk=pk)
    require(request.user, AccessGrant)
    return attempt(
        request,
        lambda: services.grants.revoke(grant, request.user),
        _("Grant revoked."),
        grant.party.get_absolute_url(),
    )
