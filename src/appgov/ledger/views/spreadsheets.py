from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from appgov.core.roles import can_write
from appgov.core.scoping import scoped

from .. import spreadsheet
from ..filtersets import MobileAppFilterSet
from ..forms import ImportForm
from ..models import MobileApp

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _xlsx_response(data: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(data, content_type=XLSX)
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{filename}"
    return response


@login_required
@require_safe
def ledger_export(request):
    queryset = scoped(MobileApp, request.user).select_related(
        "managing_department", "responsible_person", "data_owner_department"
    )
    apps = MobileAppFilterSet(request.GET, queryset=queryset, request=request).qs.order_by(
        "institution", "code"
    )
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
    return _xlsx_response(spreadsheet.export_bytes(apps), f"ledger-{stamp}.xlsx")


@login_required
@require_safe
def ledger_template(request):
    return _xlsx_response(spreadsheet.template_bytes(), "ledger-template.xlsx")


@login_required
def ledger_import(request):
    if request.user.is_regulator or not request.user.institution_id:
        raise PermissionDenied
    form = ImportForm(request.POST or None, request.FILES or None)
    result = None
    if request.method == "POST":
        if not can_write(request.user, "ledger.mobileapp"):
            raise PermissionDenied
        if form.is_valid():
            upload = form.cleaned_data["file"]
            data = upload.read(spreadsheet.MAX_BYTES + 1)
            try:
                result = spreadsheet.import_ledger(
                    data,
                    request.user.institution,
                    request.user,
                    dry_run=bool(request.POST.get("dry_run")),
                    filename=upload.name,
                )
            except spreadsheet.ImportRefused as exc:
                result = exc.result
                messages.error(
                    request,
                    _("Nothing was imported: %(n)d problems were found.") % {"n": len(result.problems)},
                )
            else:
                counts = {"c": result.created, "u": result.updated, "s": result.unchanged}
                if result.dry_run:  # say what would happen, not what did
                    messages.info(
                        request,
                        _(
                            "Checked only, nothing was written: the import would create %(c)d, update %(u)d "
                            "and leave %(s)d unchanged."
                        )
                        % counts,
                    )
                else:
                    messages.success(
                        request, _("Import finished: %(c)d created, %(u)d updated, %(s)d unchanged.") % counts
                    )
    return render(
        request,
        "ledger/import.html",
        {"form": form, "result": result, "can_import": can_write(request.user, "ledger.mobileapp")},
    )
