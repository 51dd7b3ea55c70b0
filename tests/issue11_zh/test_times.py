"""Issue 11 item 10: every time is shown in the zone the pages use (Asia/Shanghai), never as UTC.

The compliance trend axis used the evaluation's UTC ISO time while the header and tables showed Beijing time;
histories showed stored ISO UTC values ("2026-12-04T17:07:38+00:00")."""

import datetime

import pytest
from django.utils import timezone

from appgov.compliance.evaluation import evaluate
from appgov.core import changelog
from appgov.core.models import ChangeLogEntry

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def test_trend_axis_is_in_the_pages_zone(world, login):
    a = world.a
    with timezone.override("UTC"):
        evaluation = evaluate(a.inst)
    type(evaluation).objects.filter(pk=evaluation.pk).update(
        started_at=datetime.datetime(2026, 12, 4, 17, 30, tzinfo=UTC)
    )
    response = login(a.users["read_only"]).get("/compliance/")
    assert response.status_code == 200
    axis = [point["at"] for point in response.context["data"]["trend"]]
    assert axis == ["2026-12-05 01:30"], axis  # 17:30 UTC is 01:30 the next day in Beijing
    # the page script shows the value as it comes (no slicing of an ISO string)
    script = (
        pytest.importorskip("pathlib").Path(__file__).resolve().parents[2] / "src/appgov/static/appgov/charts"
    )
    assert "t.at.slice" not in (script / "compliance-dashboard.js").read_text()


def test_history_shows_local_times_and_labels(world, login):
    a = world.a
    entry = ChangeLogEntry(
        object_type="ledger.appversion",
        object_id=str(a.version.pk),
        before={"release_date": None, "created_at": None, "platform": "ios", "id": None},
        after={
            "release_date": "2026-06-10",
            "created_at": "2026-12-04T17:07:38.993713+00:00",
            "platform": "android",
            "id": a.version.pk,
        },
    )
    rows = {label: (old, new) for label, old, new in changelog.labelled_diff(entry)}
    shown = " ".join(f"{k} {o} {n}" for k, (o, n) in rows.items())
    assert "2026-12-05 01:07:38" in shown and "T17:07" not in shown, shown
    assert "None" not in shown and "android" not in shown and "ios" not in shown, shown
    assert len(rows) == 3, rows  # the primary key is not a change a reader needs
