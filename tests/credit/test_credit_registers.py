import datetime

import pytest
from django.core.exceptions import ValidationError

from appgov.core import services as core
from appgov.credit.models import DissentCase


def _dissent(inst, received):
    return core.save(
        DissentCase(
            institution=inst,
            reference="YY-1",
            subject_pseudonym="S-9",
            received_on=received,
            content="逾期记录有误",
        )
    )


def test_dissent_deadline_is_20_days_from_receipt(world):
    # received Tue 3 March: day 20 is Mon 23 March, a working day (no calendar: Monday to Friday)
    case = _dissent(world.a.inst, datetime.date(2026, 3, 3))
    assert case.deadline == datetime.date(2026, 3, 23)
    assert case.days_left(datetime.date(2026, 3, 3)) == 20
    assert case.days_left(datetime.date(2026, 3, 20)) == 3
    assert not case.is_overdue(datetime.date(2026, 3, 23))  # the last day is still in time
    assert case.is_overdue(datetime.date(2026, 3, 24))
    assert case.days_left(datetime.date(2026, 3, 27)) == -4


def test_dissent_deadline_on_a_weekend_moves_to_the_next_working_day(world):
    # received 1 March: day 20 is Saturday 21 March, so the period ends on Monday 23 March (民法典 art. 203)
    case = _dissent(world.a.inst, datetime.date(2026, 3, 1))
    assert case.deadline == datetime.date(2026, 3, 23)


def test_answered_late_stays_overdue_and_answer_needs_outcome(world):
    from appgov.credit import services

    case = _dissent(world.a.inst, datetime.date(2026, 3, 1))
    with pytest.raises(ValidationError):
        services.answer_dissent(case, datetime.date(2026, 3, 5), "", "", None)
    services.answer_dissent(case, datetime.date(2026, 3, 25), "已更正", "异议处理回复函", None)
    assert case.is_overdue(datetime.date(2026, 4, 30))


def test_dissent_page_shows_days_left(world, login):
    from django.utils import timezone

    case = _dissent(world.a.inst, timezone.localdate() - datetime.timedelta(days=17))
    page = login(world.a.users["credit_officer"]).get(f"/credit/dissents/{case.pk}/")
    assert page.status_code == 200
    assert page.context["days_left"] == 3 and not page.context["overdue"]
