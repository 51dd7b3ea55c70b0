"""Which working days have their query log: a day without a log is not a clean day (PBC102-02.5, 03.x, 06.1).

A working day (the institution-wide credit calendar: its exceptions, else its weekly hours, else Monday to
Friday) is covered when an ingested query-log batch covers it, when a branch's review worklist exists for it
(made only from a monitored log), or when the credit officer recorded that there were no queries that day
(a closed review day of branch NO_QUERIES_BRANCH with no queries).
Deadlines that end on a non-working day move to the next working day (民法典 第二百零三条).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db.models import Min
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core

from .models import CalendarDay, CreditAccount, QueryLogBatch, ReviewDay, WorkingHours

NO_QUERIES_BRANCH = "*"  # a review day for the whole institution, recorded when no query was made


def working_days(institution, first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Institution-wide working days from first to last inclusive."""
    weekly = {
        h.weekday: h.is_workday
        for h in WorkingHours.objects.filter(institution=institution, branch__isnull=True)
    }
    exceptions = dict(
        CalendarDay.objects.filter(
            institution=institution, branch__isnull=True, date__range=(first, last)
        ).values_list("date", "is_workday")
    )
    days, day = [], first
    while day <= last:
        weekday = day.isoweekday()
        if exceptions.get(day, weekly.get(weekday, weekday <= 5)):
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def next_working_day_on_or_after(institution, day: datetime.date) -> datetime.date:
    """`day` itself when it is a working day, else the next one (looked up to 60 days ahead)."""
    days = working_days(institution, day, day + datetime.timedelta(days=60))
    return days[0] if days else day


def covered_days(institution, first: datetime.date, last: datetime.date) -> set[datetime.date]:
    covered = set()
    for batch_days in QueryLogBatch.objects.filter(
        institution=institution, table=QueryLogBatch.Table.QUERY_EVENTS
    ).values_list("days", flat=True):
        for text in batch_days or []:
            try:
                covered.add(datetime.date.fromisoformat(text))
            except (TypeError, ValueError):
                continue
    # A branch's review day exists only for a day whose log was monitored; the no-query record counts once
    # the officer has closed it.
    reviewed = ReviewDay.objects.filter(institution=institution, day__range=(first, last))
    covered.update(reviewed.exclude(branch_code=NO_QUERIES_BRANCH).values_list("day", flat=True))
    covered.update(
        reviewed.filter(branch_code=NO_QUERIES_BRANCH, events=0, closed_at__isnull=False).values_list(
            "day", flat=True
        )
    )
    return {d for d in covered if first <= d <= last}


def first_use(institution) -> datetime.date | None:
    """The first day the institution used the credit system as AppGov knows it (logs, reviews, accounts)."""
    candidates = []
    for batch_days in QueryLogBatch.objects.filter(institution=institution).values_list("days", flat=True):
        candidates.extend(datetime.date.fromisoformat(d) for d in batch_days or [] if isinstance(d, str))
    first_review = ReviewDay.objects.filter(institution=institution).aggregate(m=Min("day"))["m"]
    if first_review:
        candidates.append(first_review)
    first_active = CreditAccount.objects.filter(institution=institution).aggregate(m=Min("active_since"))["m"]
    if first_active:
        candidates.append(timezone.localdate(first_active))
    return min(candidates, default=None)


def missing_log_days(
    institution, today: datetime.date, window_days: int, grace_days: int
) -> list[datetime.date]:
    """Working days of the window whose log is missing although it was due (a day's log is due `grace_days`
    after it; the window starts no earlier than the first use)."""
    start = first_use(institution)
    if start is None:
        return []
    first = max(start, today - datetime.timedelta(days=window_days))
    last = today - datetime.timedelta(days=grace_days + 1)
    if last < first:
        return []
    covered = covered_days(institution, first, last)
    return [d for d in working_days(institution, first, last) if d not in covered]


def declare_no_queries(institution, day: datetime.date, actor, note: str) -> ReviewDay:
    """The credit officer records that no credit query was made on a working day (its log is then complete)."""
    if not note.strip():
        raise ValidationError({"conclusion": _("Say how it was established that there were no queries.")})
    if day >= timezone.localdate():
        raise ValidationError({"day": _("Only a past day can be declared without queries.")})
    if day not in working_days(institution, day, day):
        raise ValidationError(
            {"day": _("%(day)s is not a working day of the credit calendar: no log is due.") % {"day": day}}
        )
    if ReviewDay.objects.filter(institution=institution, day=day, branch_code=NO_QUERIES_BRANCH).exists():
        raise ValidationError({"day": _("%(day)s is already recorded without queries.") % {"day": day}})
    logged = QueryLogBatch.objects.filter(institution=institution, table=QueryLogBatch.Table.QUERY_EVENTS)
    if any(day.isoformat() in (days or []) for days in logged.values_list("days", flat=True)):
        raise ValidationError(
            {"day": _("A query log covers this day; it cannot be declared without queries.")}
        )
    return core.save(
        ReviewDay(
            institution=institution,
            day=day,
            branch_code=NO_QUERIES_BRANCH,
            events=0,
            due_on=day,
            closed_by=actor,
            closed_at=timezone.now(),
            conclusion=note,
        ),
        actor,
    )
