"""What other modules ask of the risk register through core.extensions (they may not import risk)."""

import datetime

from django.utils import timezone


def incidents_of_app(app_id: int, first_day: datetime.date, last_day: datetime.date) -> list[dict]:
    """The incidents of an app detected between two days (inclusive): reference, title and page."""
    from .models import Incident

    tz = timezone.get_current_timezone()
    start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=tz)
    end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
    incidents = Incident.objects.filter(apps=app_id, detected_at__gte=start, detected_at__lt=end).order_by(
        "detected_at"
    )
    return [{"id": i.pk, "label": f"{i.reference} {i.title}", "url": i.get_absolute_url()} for i in incidents]
