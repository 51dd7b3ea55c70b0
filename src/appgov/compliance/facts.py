"""The compliance domain's facts for the evaluation: evidence on record."""

from collections import defaultdict

from appgov.core.controls.context import fact

from .models import Evidence


@fact("evidence")
def evidence(ctx) -> dict:
    """(control_id, subject_type, subject_id) -> evidence rows, newest effective date first."""
    grouped = defaultdict(list)
    for ev in Evidence.objects.filter(institution=ctx.institution).order_by("-effective_on"):
        grouped[(ev.control_id, ev.subject_type, ev.subject_id)].append(ev)
    return grouped
