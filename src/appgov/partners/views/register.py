"""The register's pages: module page (what comes due), list with filters, party page, party edit, the party's
workflow moves, and the Excel export / import of the register."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from appgov.core import workflow
from appgov.core.views import generic

from .. import services, spreadsheet
from ..filtersets import PartyFilterSet
from ..forms import MoveForm, PartyForm, UploadForm
from ..models import AccessGrant, Contract, Party, Qualification
from ..models.choices import PartyState
from ..sdks import unknown_vendors
from ..selectors import expiring
from ..tables import PartyTable
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


class PartyList(generic.ObjectListView):
    model = Party
    queryset = Party.objects.select_related("institution")
    filterset = PartyFilterSet
    table = PartyTable
    title = _("Third-party register")
    template_name = "partners/party_list.html"


class PartyDetail(generic.ObjectDetailView):
    model = Party
    template_name = "partners/party_detail.html"

    def extra_context(self, party) -> dict:
        today = timezone.localdate()
        grants = list(party.grants.select_related("app", "approver"))
        for g in grants:
            g.in_force = g.active_on(today)
        return {
            "party": party,
            "today": today,
            "relations": party.relations.select_related("app", "version", "channel"),
            "qualifications": party.qualifications.all(),
            "contracts": party.contracts.all(),
            "contacts": party.contacts.all(),
            "assessments": party.assessments.select_related("assessed_by", "decided_by"),
            "grants": grants,
            "move_forms": _moves(party, self.request.user),
            "can_write": self.can_write() and party.state != PartyState.EXITED and not party.is_voided,
        }


class PartyEdit(generic.ObjectEditView):
    model = Party
    form = PartyForm
    service = services.parties
    template_name = "partners/party_edit.html"


class PartyMove(generic.ObjectTransitionView):
    """admit, reject, put under contract, start and complete the exit (partners/workflows/party.yaml)."""

    model = Party


def _moves(party, user):
    """Each move the user may make now, with the form fields of its inputs and what it still misses."""
    form = MoveForm(initial={"exited_on": timezone.localdate()})
    return [
        {"move": m, "fields": [form[i.name] for i in m.transition.inputs if i.name in form.fields]}
        for m in workflow.available(party, user)
    ]


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
