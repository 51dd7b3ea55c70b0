"""Helpers of the operations tests."""

import datetime


def days_of(app, first, last, **values):
    """Rows of every day from first to last (inclusive) with the given metric values."""
    rows, day = [], first
    while day <= last:
        rows += [
            {"app": app.code, "day": day.isoformat(), "metric": m, "value": v} for m, v in values.items()
        ]
        day += datetime.timedelta(days=1)
    return rows


def result(world, control_id, app, today):
    from appgov.compliance.evaluation import catalogue, run_control
    from appgov.core.controls.context import EvaluationContext

    ctx = EvaluationContext(world.a.inst, today)
    found = [r for r in run_control(ctx, catalogue().by_id(control_id)) if r.subject_id == app.pk]
    assert len(found) == 1, found
    return found[0]
