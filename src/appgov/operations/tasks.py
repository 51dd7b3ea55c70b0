"""Nightly: thresholds evaluated on the figures received (breaches recorded), then the rationalisation
candidates recomputed; both before the compliance evaluation at 02:00 judges NFRA-02.4, 06.1 and 09.1."""

from appgov.core.jobs import register_daily_job

register_daily_job("operations.nightly", "appgov.operations.tasks.nightly", "01:20")


def nightly(today=None) -> str:
    from django.utils import timezone

    from appgov.core.models import Institution

    from .services import rationalisation, thresholds

    today = today or timezone.localdate()
    breaches = candidates = 0
    for institution in Institution.objects.all():
        breaches += thresholds.evaluate(institution, today)
        candidates += rationalisation.run(institution, today)["new"]
    return f"{breaches} new threshold breaches, {candidates} new rationalisation candidates"
