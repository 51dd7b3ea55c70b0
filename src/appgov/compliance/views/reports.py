from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from appgov.core.params import id_param
from appgov.core.views.helpers import get_scoped
from appgov.ledger.models import MobileApp

from .. import reports, selectors


def _app(request, institution):
    app_id = id_param(request, "app")
    if app_id is None:
        return None
    return get_scoped(MobileApp.objects.filter(institution=institution), request.user, pk=app_id)


@login_required
@require_safe
def report_pdf(request):
    institution = selectors.institution_for(request.user, request.GET.get("institution"))
    app = _app(request, institution)
    data = reports.pdf_bytes(institution, app)
    response = HttpResponse(data, content_type="application/pdf")
    stamp = timezone.localtime().strftime("%Y%m%d")
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''compliance-report-{stamp}.pdf"
    return response


@login_required
@require_safe
def results_xlsx(request):
    institution = selectors.institution_for(request.user, request.GET.get("institution"))
    app = _app(request, institution)
    response = HttpResponse(
        reports.xlsx_bytes(institution, app),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = "attachment; filename*=UTF-8''compliance-results.xlsx"
    return response
