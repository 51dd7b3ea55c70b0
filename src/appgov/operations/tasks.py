"""Nightly: leavers' accounts flagged (NFRA-09.2); thresholds evaluated and rationalisation candidates recomputed
before the compliance evaluation at 02:00 (NFRA-02.4, 06.1, 09.1); the shipped OS-release register copied into
each institution and the adaptation tasks of new releases opened (NFRA-10.1)."""

from appgov.core.jobs import register_daily_job

register_daily_job("operations.flag_leavers", "appgov.operations.tasks.flag_leavers", "00:20")
register_daily_job("operations.os_releases", "appgov.operations.tasks.follow_os_releases", "05:40")
register_daily_job(
    "operations.nightly",
    "appgov.operations.tasks.nightly",
    "01:20",
    each="appgov.operations.tasks.nightly_for",
)


def flag_leavers() -> str:
    from .services import flag_leavers as run

    return f"{run()} operating accounts flagged or cleared"


def follow_os_releases() -> str:
    from appgov.core.models import Institution

    from .services import ensure_tasks, load_register

    added = opened = 0
    for institution in Institution.objects.all():
        added += load_register(institution)["added"]
        opened += ensure_tasks(institution)
    return f"{added} register entries added, {opened} adaptation tasks opened"


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


def nightly_for(institution) -> str:
    """One institution's night (the scheduler runs it in the institution's zone: its "today")."""
    from django.utils import timezone

    from appgov.core.zones import institution_time

    from .services import rationalisation, thresholds

    with institution_time(institution):
        today = timezone.localdate()
        breaches = thresholds.evaluate(institution, today)
        candidates = rationalisation.run(institution, today)["new"]
    return f"{breaches} new threshold breaches, {candidates} new rationalisation candidates"
