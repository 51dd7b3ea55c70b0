"""Registers kept as lists with an entry form on the same page: authorisations, kiosks, bulk data,
dissents, complaints, reports; and the workflow steps of bulk data and dissents."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from appgov.core import services as core
from appgov.core.models import Person
from appgov.core.scoping import scoped
from appgov.core.views.helpers import apply_service_errors, get_scoped

from .. import services
from ..forms import (
    AuthorizationForm,
    BulkRequestForm,
    ComplaintForm,
    DissentAnswerForm,
    DissentForm,
    KioskForm,
    ReportForm,
)
from ..models import (
    Authorization,
    BulkDataRequest,
    Complaint,
    DissentCase,
    Kiosk,
    KioskPurge,
    LeadingGroup,
    SecurityReport,
)
from .common import attempt, require, writer

REGISTERS = {
    "authorization": (
        Authorization,
        AuthorizationForm,
        gettext_lazy("Authorisation archive"),
        "credit:authorization-list",
    ),
    "kiosk": (Kiosk, KioskForm, gettext_lazy("Self-service kiosks"), "credit:kiosk-list"),
    "bulk": (BulkDataRequest, BulkRequestForm, gettext_lazy("Bulk-data requests"), "credit:bulk-list"),
    "dissent": (DissentCase, DissentForm, gettext_lazy("Dissent cases"), "credit:dissent-list"),
    "complaint": (Complaint, ComplaintForm, gettext_lazy("Complaints"), "credit:complaint-list"),
    "report": (SecurityReport, ReportForm, gettext_lazy("Rules filings and reports"), "credit:report-list"),
}


@login_required
def register(request, kind):
    model, form_class, title, url_name = REGISTERS[kind]
    label = model._meta.model_name
    form = (
        form_class(request.POST or None, request.FILES or None, user=request.user)
        if writer(request.user, label)
        else None
    )
    if request.method == "POST":
        require(request.user, label)
        if form.is_valid():
            obj = form.save(commit=False)
            obj.institution_id = request.user.institution_id
            if kind == "bulk":
                obj.requested_by = request.user
            try:
                core.save(obj, request.user)
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(request, _("%(object)s saved.") % {"object": obj})
                return redirect(url_name)
    objects = scoped(model, request.user).select_related("institution")
    today = timezone.localdate()
    return render(
        request,
        f"credit/{kind}_list.html",
        {"objects": objects[:500], "form": form, "title": title, "today": today},
    )


@login_required
def dissent_detail(request, pk):
    case = get_scoped(DissentCase.objects.select_related("branch"), request.user, pk=pk)
    form = DissentAnswerForm(request.POST or None) if writer(request.user, "dissentcase") else None
    if request.method == "POST":
        require(request.user, "dissentcase")
        if form.is_valid():
            d = form.cleaned_data
            try:
                services.answer_dissent(
                    case, d["answered_on"], d["outcome"], d["documents_issued"], request.user
                )
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(request, _("Dissent answered."))
                return redirect("credit:dissent-detail", pk=case.pk)
    today = timezone.localdate()
    return render(
        request,
        "credit/dissent_detail.html",
        {"case": case, "form": form, "days_left": case.days_left(today), "overdue": case.is_overdue(today)},
    )


@login_required
@require_POST
def complaint_close(request, pk):
    complaint = get_scoped(Complaint, request.user, pk=pk)
    require(request.user, "complaint")
    attempt(
        request,
        lambda: services.close_complaint(
            complaint, timezone.localdate(), request.POST.get("outcome", ""), request.user
        ),
        _("Complaint closed."),
        "credit:complaint-list",
    )
    return redirect("credit:complaint-list")


@login_required
@require_POST
def bulk_step(request, pk, step):
    bulk = get_scoped(BulkDataRequest, request.user, pk=pk)
    require(request.user, "bulkdatarequest")

    def parse(name):
        try:
            return datetime.date.fromisoformat(request.POST.get(name, ""))
        except ValueError:
            raise ValidationError({name: _("Give a date as YYYY-MM-DD.")}) from None

    actions = {
        "approve": lambda: services.approve_bulk_request(bulk, request.user),
        "reject": lambda: services.reject_bulk_request(
            bulk, request.POST.get("decision_note", ""), request.user
        ),
        "extract": lambda: services.record_bulk_extraction(bulk, parse("extracted_on"), request.user),
        "destroy": lambda: services.record_bulk_destruction(
            bulk, parse("destroyed_on"), request.FILES.get("destruction_certificate"), request.user
        ),
    }
    if step in actions:
        attempt(request, actions[step], _("Bulk-data request updated."), "credit:bulk-list")
    return redirect("credit:bulk-list")


@login_required
@require_POST
def kiosk_purge(request, pk):
    kiosk = get_scoped(Kiosk, request.user, pk=pk)
    require(request.user, "kioskpurge")

    def add():
        try:
            purged_on = datetime.date.fromisoformat(request.POST.get("purged_on", ""))
        except ValueError:
            raise ValidationError({"purged_on": _("Give a date as YYYY-MM-DD.")}) from None
        return core.save(
            KioskPurge(
                kiosk=kiosk,
                purged_on=purged_on,
                performed_by=request.POST.get("performed_by", ""),
                witness=request.POST.get("witness", ""),
                record_reference=request.POST.get("record_reference", ""),
            ),
            request.user,
        )

    attempt(request, add, _("Purge recorded."), "credit:kiosk-list")
    return redirect("credit:kiosk-list")


@login_required
def leading_group(request):
    groups = (
        scoped(LeadingGroup, request.user)
        .select_related("first_responsible", "institution")
        .prefetch_related("members")
    )
    people = (
        scoped(Person, request.user).filter(left_on__isnull=True)
        if writer(request.user, "leadinggroup")
        else None
    )
    if request.method == "POST":
        require(request.user, "leadinggroup")
        group = LeadingGroup.objects.filter(
            institution_id=request.user.institution_id
        ).first() or LeadingGroup(institution_id=request.user.institution_id)
        try:
            group.established_on = datetime.date.fromisoformat(request.POST.get("established_on", ""))
        except ValueError:
            messages.error(request, _("Give a date as YYYY-MM-DD."))
            return redirect("credit:leading-group")
        group.document_reference = request.POST.get("document_reference", "")
        group.first_responsible = people.filter(pk=request.POST.get("first_responsible") or 0).first()
        group.first_responsible_title = request.POST.get("first_responsible_title", "")
        if group.first_responsible is None:
            messages.error(request, _("Choose the first responsible person."))
            return redirect("credit:leading-group")
        result = attempt(
            request, lambda: core.save(group, request.user), _("Leading group saved."), "credit:leading-group"
        )
        if isinstance(result, LeadingGroup):
            result.members.set(people.filter(pk__in=request.POST.getlist("members")))
        return redirect("credit:leading-group")
    current = (
        groups.filter(institution_id=request.user.institution_id).first() if people is not None else None
    )
    return render(
        request,
        "credit/leading_group.html",
        {
            "groups": groups,
            "people": people,
            "current": current,
            "member_ids": {m.pk for m in current.members.all()} if current else set(),
        },
    )
