"""Thresholds evaluated at night: a breach is recorded with its numbers, fails NFRA-09.1 for the app (so the
evaluation opens a finding) until it is handled; figures that stop arriving fail 09.1 too."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from ops_helpers import days_of, result

from appgov.operations import services
from appgov.operations.models import Breach
from appgov.operations.services.thresholds import previous_month


def _threshold(world, **data):
    return services.thresholds.thresholds.create(world.a.office_user, data)


def test_a_day_threshold_breach_carries_its_numbers(world, send, today):
    yesterday = today - datetime.timedelta(days=1)
    send(days_of(world.a.app, today - datetime.timedelta(days=5), yesterday, crash_rate=0.2))
    send([{"app": world.a.app.code, "day": yesterday.isoformat(), "metric": "crash_rate", "value": 3.7}])
    _threshold(world, name="崩溃率", metric="crash_rate", comparison="above", limit=2.0, period="day")
    assert services.thresholds.evaluate(world.a.inst, today) == 1
    breach = Breach.objects.get()
    assert (breach.app, breach.period_start, breach.observed, breach.limit) == (
        world.a.app,
        yesterday,
        3.7,
        2.0,
    )
    assert "3.7" in breach.numbers() and "2" in breach.numbers()
    # the next night finds the same breach and records nothing new
    assert services.thresholds.evaluate(world.a.inst, today) == 0


def test_a_month_threshold_uses_the_month_mean(world, send, today):
    first, last = previous_month(today)
    send(days_of(world.a.app, first, last, availability=99.0))
    _threshold(world, name="可用率", metric="availability", comparison="below", limit=99.5, period="month")
    _threshold(
        world,
        name="可用率最低",
        metric="availability",
        comparison="below",
        limit=98.0,
        period="month",
        aggregate="min",
    )
    assert services.thresholds.evaluate(world.a.inst, today) == 1
    breach = Breach.objects.get()
    assert (breach.period_start, breach.period_end, breach.observed, breach.days) == (
        first,
        last,
        99.0,
        (last - first).days + 1,
    )


def test_a_threshold_limit_outside_the_metric_range_is_refused(world):
    with pytest.raises(ValidationError) as refused:
        _threshold(world, name="x", metric="availability", comparison="below", limit=120, period="day")
    assert "limit" in refused.value.message_dict


def test_09_1_fails_with_the_breach_until_handled(world, send, today):
    yesterday = today - datetime.timedelta(days=1)
    send(days_of(world.a.app, today - datetime.timedelta(days=3), yesterday, crash_rate=0.2, dau=100))
    res = result(world, "NFRA-09.1", world.a.app, today)
    assert res.outcome == "pass", res.zh
    send([{"app": world.a.app.code, "day": yesterday.isoformat(), "metric": "crash_rate", "value": 4.25}])
    _threshold(world, name="崩溃率日上限", metric="crash_rate", comparison="above", limit=2.0, period="day")
    services.thresholds.evaluate(world.a.inst, today)
    res = result(world, "NFRA-09.1", world.a.app, today)
    assert res.outcome == "fail" and "崩溃率日上限" in res.zh and "4.25" in res.zh
    breach = Breach.objects.get()
    assert breach.get_absolute_url() in [link["url"] for link in res.links]
    with pytest.raises(ValidationError):
        services.breaches.handle(breach, world.a.office_user, "  ")
    services.breaches.handle(breach, world.a.office_user, "热修复已发布")
    assert result(world, "NFRA-09.1", world.a.app, today).outcome == "pass"
    with pytest.raises(ValidationError):
        services.breaches.handle(breach, world.a.office_user, "again")


def test_09_1_fails_without_figures_or_with_stale_ones(world, send, today):
    res = result(world, "NFRA-09.1", world.a.app, today)
    assert res.outcome == "fail" and "从未收到" in res.zh
    old = today - datetime.timedelta(days=10)
    send(days_of(world.a.app, old, old, dau=10))
    res = result(world, "NFRA-09.1", world.a.app, today)
    assert res.outcome == "fail" and str(old) in res.zh
    # an app not released yet is not judged
    assert result(world, "NFRA-09.1", world.a.app2, today).outcome == "not_applicable"


def test_a_breach_links_the_incident_of_that_day(world, send, today):
    from appgov.risk import services as risk

    yesterday = today - datetime.timedelta(days=1)
    incident = risk.incidents.create(
        world.a.office_user,
        {
            "reference": "INC-OPS-1",
            "title": "后台中断",
            "kind": "outage",
            "apps": [world.a.app],
            "detected_at": datetime.datetime.combine(yesterday, datetime.time(10, 0)).astimezone(),
            "outage_minutes": 90,
        },
    )
    send([{"app": world.a.app.code, "day": yesterday.isoformat(), "metric": "availability", "value": 93.5}])
    _threshold(world, name="可用率日", metric="availability", comparison="below", limit=99.0, period="day")
    services.thresholds.evaluate(world.a.inst, today)
    breach = Breach.objects.get()
    assert breach.incidents == [
        {"id": incident.pk, "label": "INC-OPS-1 后台中断", "url": incident.get_absolute_url()}
    ]
    res = result(world, "NFRA-09.1", world.a.app, today)
    assert incident.get_absolute_url() in [link["url"] for link in res.links]
