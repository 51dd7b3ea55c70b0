"""The register's pages: module page (what comes due), list with filters, party page, party edit, the party's
workflow moves, and the Excel export / import of the register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from appgov.core import workflow
from appgov.core.views.helpers import apply_service_errors, get_scoped, history_entries

from .. import services, spreadsheet
from ..forms import MoveForm, PartyForm, UploadForm
from ..models import AccessGrant, Contract, Party, Qualification
from ..models.choices import PartyKind, PartyState, RiskTier
from ..sdks import unknown_vendors
from ..selectors import expiring
from .common import require, writer


@login_required
@require_safe
def index(request):
    today = timezone.localdate()
    parties = Party.objects.for_user(request.user)
    context = {
        "expiring": expiring(request.user, today),
        "counts": {
            "parties": parties.count(),
            "active": parties.filter(state__in=[PartyState.APPROVED, PartyState.UNDER_CONTRACT]).count(),
            "admission": parties.filter(state=PartyState.ADMISSION).count(),
            "grants": sum(1 for g in AccessGrant.objects.for_user(request.user) if g.active_on(today)),
        },
        "can_write": writer(request.user, Party),
        "unknown_vendors": unknown_vendors(request.user),
    }
    return render(request, "partners/index.html", context)


@login_required
@require_safe
def party_list(request):
    parties = Party.objects.for_user(request.user)
    q = request.GET.get("q", "").strip()
    if q:
        parties = parties.filter(Q(name__icontains=q) | Q(credit_code__icontains=q))
    kind = request.GET.get("kind", "")
    if kind in PartyKind.values:
        # JSON list membership, portable across SQLite and PostgreSQL
        parties = parties.filter(pk__in=[p.pk for p in parties if kind in p.kinds])
    state = request.GET.get("state", "")
    if state in PartyState.values:
        parties = parties.filter(state=state)
    tier = request.GET.get("risk_tier", "")
    if tier in RiskTier.values:
        parties = parties.filter(risk_tier=tier)
    page = Paginator(parties.order_by("name"), 50).get_page(request.GET.get("page"))
    return render(
        request,
        "partners/party_list.html",
        {
            "page": page,
            "filters": {"q": q, "kind": kind, "state": state, "risk_tier": tier},
            "kinds": PartyKind.choices,
            "states": PartyState.choices,
            "tiers": RiskTier.choices,
            "can_write": writer(request.user, Party),
        },
    )


@login_required
@require_safe
def party_detail(request, pk):
    party = get_scoped(Party, request.user, pk=pk)
    today = timezone.localdate()
    grants = list(party.grants.select_related("app", "approver"))
    for g in grants:
        g.in_force = g.active_on(today)
    return render(
        request,
        "partners/party_detail.html",
        {
            "party": party,
            "today": today,
            "relations": party.relations.select_related("app", "version", "channel"),
            "qualifications": party.qualifications.all(),
            "contracts": party.contracts.all(),
            "contacts": party.contacts.all(),
            "assessments": party.assessments.select_related("assessed_by", "decided_by"),
            "grants": grants,
            "moves": _moves(party, request.user),
            "history": history_entries(party),
            "can_write": writer(request.user, Party) and party.state != PartyState.EXITED,
        },
    )


def _moves(party, user):
    """Each move the user may make now, with the form fields of its inputs and what it still misses."""
    form = MoveForm(initial={"exited_on": timezone.localdate()})
    return [
        {"move": m, "fields": [form[i.name] for i in m.transition.inputs if i.name in form.fields]}
        for m in workflow.available(party, user)
    ]


def _edit(request, party):
    form = PartyForm(request.POST or None, instance=party, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            if party is None:
                party = services.parties.create(request.user, services.parties.form_data(form))
            else:
                party = services.parties.update(party, request.user, services.parties.form_data(form))
        except ValidationError as exc:
            apply_service_errors(request, form, exc)
        else:
            messages.success(request, _("Saved."))
            return redirect(party.get_absolute_url())
    title = _("New third party") if party is None else _("Edit %(party)s") % {"party": party}
    back = party.get_absolute_url() if party else "partners:party-list"
    return render(request, "partners/edit.html", {"form": form, "title": title, "back": back})


@login_required
@require_http_methods(["GET", "POST"])
def party_add(request):
    require(request.user, Party)
    return _edit(request, None)


@login_required
@require_http_methods(["GET", "POST"])
def party_edit(request, pk):
    party = get_scoped(Party, request.user, pk=pk)
    require(request.user, Party)
    return _edit(request, party)


@login_required
@require_POST
def party_move(request, pk):
    party = get_scoped(Party, request.user, pk=pk)
    require(request.user, Party)
    form = MoveForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(party.get_absolute_url())
    data = {k: v for k, v in form.cleaned_data.items() if v not in (None, "")}
    to_state = data.pop("to_state")
    step = next((m for m in workflow.workflow_for(party)[0].into(to_state)), None)
    allowed = {i.name for i in step.inputs} if step else set()
    data = {k: v for k, v in data.items() if k in allowed}
    try:
        workflow.transition(party, to_state, request.user, **data)
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Done."))
    return redirect(party.get_absolute_url())


@login_required
@require_safe
def party_export(request):
    user = request.user
    data = spreadsheet.export_bytes(
        Party.objects.for_user(user).order_by("name"),
        Qualification.objects.for_user(user).select_related("party").order_by("party__name", "kind"),
        Contract.objects.for_user(user).select_related("party").order_by("party__name", "reference"),
    )
    response = HttpResponse(
        data, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="third-party-register.xlsx"'
    return response


@login_required
@require_http_methods(["GET", "POST"])
def party_import(request):
    require(request.user, Party)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = spreadsheet.import_register(
                upload.read(), request.user.institution, request.user, upload.name
            )
        except spreadsheet.ImportRefused as exc:
            problems = exc.result.problems
        else:
            messages.success(
                request,
                _("Imported: %(c)d added, %(u)d updated, %(n)d unchanged.")
                % {"c": result.created, "u": result.updated, "n": result.unchanged},
            )
            return redirect("partners:party-list")
    return render(
        request,
        "partners/import.html",
        {
            "form": form,
            "problems": problems,
            "title": _("Import the register (Excel)"),
            "back": "partners:party-list",
        },
    )
