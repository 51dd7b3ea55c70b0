from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.http import require_safe

from .. import reports


def _attachment(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_safe
def report_pdf(request):
    stamp = timezone.localdate().isoformat()
    return _attachment(reports.pdf_bytes(request.user), "application/pdf", f"rationalisation-{stamp}.pdf")


@login_required
@require_safe
def report_xlsx(request):
    stamp = timezone.localdate().isoformat()
    return _attachment(
        reports.xlsx_bytes(request.user),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        f"rationalisation-{stamp}.xlsx",
    )
