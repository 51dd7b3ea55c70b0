"""What the app's running metrics say for the annual risk assessment (its "operations" item, NFRA-09.1), given to
the risk module through core.extensions: the last twelve months' figures and threshold breaches of the app."""

import datetime

from django.db.models import Count, Max, Min
from django.utils.translation import gettext as _

from .models import Breach, DailyMetric

WINDOW_DAYS = 365


def summarise(app, today: datetime.date) -> dict | None:
    """None when no figure of the app was received in the window (nothing known: a person answers); "no" with an
    open breach, "partly" when every breach of the window was handled, "yes" when figures came and none breached."""
    start = today - datetime.timedelta(days=WINDOW_DAYS)
    figures = DailyMetric.objects.filter(app=app, day__gte=start, day__lte=today).aggregate(
        days=Count("day", distinct=True),
        first=Min("day"),
        last=Max("day"),
        metrics=Count("metric", distinct=True),
    )
    breaches = list(
        Breach.objects.filter(app=app, period_end__gte=start, period_start__lte=today)
        .select_related("threshold")
        .order_by("period_start", "pk")
    )
    if not figures["days"] and not breaches:
        return None
    received = _("%(days)s days of figures from %(first)s to %(last)s, metrics sent: %(metrics)s") % figures
    open_ = [b for b in breaches if b.status == Breach.Status.OPEN]
    if open_:
        listed = "; ".join(b.numbers() for b in open_[:5])
        return {
            "answer": "no",
            "facts": _("%(n)s open threshold breaches: %(list)s. %(received)s.")
            % {"n": len(open_), "list": listed, "received": received},
        }
    if breaches:
        listed = "; ".join(b.numbers() for b in breaches[:5])
        return {
            "answer": "partly",
            "facts": _("%(n)s threshold breaches in the period, all handled: %(list)s. %(received)s.")
            % {"n": len(breaches), "list": listed, "received": received},
        }
    return {"answer": "yes", "facts": _("No threshold breached. %(received)s.") % {"received": received}}
