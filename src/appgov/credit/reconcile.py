"""The nightly reconcile: the alerts the real-time cycles stored for a day against what the whole day gives.

The engine guarantees that a day run as increments equals the nightly run when the queries arrive in time
order and the registers do not change in between; a late batch, a register edited during the day or a
cycle that failed breaks that, and this report says where.
"""

import datetime

from django.utils import timezone

from .models import Alert, MonitoringRun

SHOWN = 50  # alert ids listed per kind of difference; the counts are always complete


def compare_with_cycles(institution, day: datetime.date, nightly: list[dict]) -> dict | None:
    """None when no cycle ran over the day; otherwise what differs, by alert id.

    ``missed_by_cycles``: the nightly run alerts, no cycle stored it; ``only_in_cycles``: a cycle stored it,
    the nightly run does not give it; ``episode_differs``: both have it, with other queries."""
    tz = timezone.get_default_timezone()
    start = timezone.make_aware(datetime.datetime.combine(day, datetime.time()), tz)
    end = start + datetime.timedelta(days=1)
    cycles = MonitoringRun.objects.filter(
        institution=institution,
        kind=MonitoringRun.Kind.INCREMENT,
        as_of__gte=start,
        as_of__lt=end + datetime.timedelta(days=1),
    )
    if not cycles.exists():
        return None
    stored = {
        alert_id: sorted(event_ids)
        for alert_id, event_ids in Alert.objects.filter(
            institution=institution, run__kind=MonitoringRun.Kind.INCREMENT, ts__gte=start, ts__lt=end
        ).values_list("alert_id", "event_ids")
    }
    whole = {a["alert_id"]: sorted(a["event_ids"]) for a in nightly}
    missed = sorted(set(whole) - set(stored))
    extra = sorted(set(stored) - set(whole))
    differs = sorted(i for i in set(whole) & set(stored) if whole[i] != stored[i])
    failed = cycles.filter(status=MonitoringRun.Status.FAILED).count()
    return {
        "cycles": cycles.count(),
        "failed_cycles": failed,
        "cycle_alerts": len(stored),
        "nightly_alerts": len(whole),
        "missed_by_cycles": missed[:SHOWN],
        "missed_by_cycles_count": len(missed),
        "only_in_cycles": extra[:SHOWN],
        "only_in_cycles_count": len(extra),
        "episode_differs": differs[:SHOWN],
        "episode_differs_count": len(differs),
        "differences": len(missed) + len(extra) + len(differs),
    }
