"""The compliance domain's facts for the evaluation: evidence on record, when each control was introduced."""

from collections import defaultdict

from django.db.models import Min
from django.utils import timezone

from appgov.core.controls.context import fact

from .models import ControlSummary, Evidence


@fact("evidence")
def evidence(ctx) -> dict:
    """(control_id, subject_type, subject_id) -> evidence rows, newest effective date first."""
    grouped = defaultdict(list)
    rejected = Evidence.Review.REJECTED
    for ev in (
        Evidence.objects.filter(voided_at__isnull=True, institution=ctx.institution)
        .exclude(review_status=rejected)
        .order_by("-effective_on")
    ):
        grouped[(ev.control_id, ev.subject_type, ev.subject_id)].append(ev)
    return grouped


@fact("control_introduced_on")
def control_introduced_on(ctx) -> dict:
    """control id -> the day it was first evaluated for this institution (absent: first evaluated today)."""
    rows = (
        ControlSummary.objects.filter(evaluation__institution=ctx.institution)
        .values("control_id")
        .annotate(first=Min("evaluation__started_at"))
    )
    return {row["control_id"]: timezone.localdate(row["first"]) for row in rows}
