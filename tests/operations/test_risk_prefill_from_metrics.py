"""The annual risk assessment's "operations" item is pre-filled from the app's running metrics (issue 18 follow-up:
operations registers its summary; risk never imports operations)."""

import datetime

from ops_helpers import days_of

from appgov.operations import services
from appgov.operations.models import Breach
from appgov.risk.prefill import propose


def test_no_figures_no_proposal(world, today):
    assert "operations" not in propose(world.a.app, today)  # nothing known: a person answers


def test_figures_without_breach_then_open_breach_then_handled(world, send, today):
    yesterday = today - datetime.timedelta(days=1)
    send(days_of(world.a.app, today - datetime.timedelta(days=9), yesterday, crash_rate=0.2))
    proposal = propose(world.a.app, today)["operations"]
    assert proposal["answer"] == "yes" and "9 days of figures" in proposal["facts"]

    send([{"app": world.a.app.code, "day": yesterday.isoformat(), "metric": "crash_rate", "value": 3.7}])
    services.thresholds.thresholds.create(
        world.a.office_user,
        {"name": "崩溃率", "metric": "crash_rate", "comparison": "above", "limit": 2.0, "period": "day"},
    )
    assert services.thresholds.evaluate(world.a.inst, today) == 1
    proposal = propose(world.a.app, today)["operations"]
    assert proposal["answer"] == "no" and "3.7" in proposal["facts"] and "1 open" in proposal["facts"]
    assert "operations" not in propose(world.a.app2, today)  # another app's figures say nothing of it

    Breach.objects.update(status=Breach.Status.HANDLED)
    assert propose(world.a.app, today)["operations"]["answer"] == "partly"
