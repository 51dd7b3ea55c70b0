from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from ..models import Breach, Candidate, DailyMetric, Decision, MetricUpload


@login_required
@require_safe
def index(request):
    """The module page: what needs attention, and every operations page."""
    user, today = request.user, timezone.localdate()
    decisions = Decision.objects.for_user(user).filter(completed_on__isnull=True)
    context = {
        "counts": {
            "open_breaches": Breach.objects.for_user(user).filter(status=Breach.Status.OPEN).count(),
            "open_candidates": Candidate.objects.for_user(user).filter(status=Candidate.Status.OPEN).count(),
            "overdue_decisions": decisions.filter(deadline__lt=today).count(),
            "open_decisions": decisions.count(),
        },
        "last_upload": MetricUpload.objects.for_user(user).order_by("-received_at").first(),
        "has_metrics": DailyMetric.objects.for_user(user).exists(),
    }
    return render(request, "operations/index.html", context)
