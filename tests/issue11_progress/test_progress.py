"""Issue 11 (missing item): "evaluate now" and credit monitoring runs show their progress (queued, running
with percentage and step, finished, failed) from a small JSON endpoint the page polls."""

from unittest import mock

import pytest
from django.core.cache import cache

from appgov.core import progress


@pytest.fixture(autouse=True)
def fresh_progress(world, monkeypatch):
    monkeypatch.setattr(progress, "THROTTLE", 0)
    for kind in progress.KINDS:
        for org in (world.a, world.b):
            cache.delete(progress._key(org.inst.pk, kind))
    yield
    cache.clear()


def steps(write):
    return [(r["status"], r["percent"], r["step"], r["params"]) for (_i, _k, r), _kw in write.call_args_list]


def test_evaluate_now_reports_each_control_then_finishes(world, login):
    from appgov.compliance.evaluation import catalogue

    client = login(world.a.users["compliance"])
    page = client.get("/compliance/").content.decode()
    assert (
        'data-job-progress="/jobs/progress/evaluation/"' in page
        and 'data-job-start="#progress-evaluation"' in page
    )
    with mock.patch.object(progress, "_write", wraps=progress._write) as write:
        assert client.post("/compliance/evaluate/").status_code == 302
    seen = steps(write)
    checked = [params["control"] for _s, _p, step, params in seen if step.startswith("Checking %(control)s")]
    assert checked == [c.id for c in catalogue().controls]
    assert [p for _s, p, _t, _x in seen] == sorted(p for _s, p, _t, _x in seen)
    body = client.get("/jobs/progress/evaluation/").json()
    assert (body["status"], body["percent"], body["finished"]) == ("done", 100, True)


def test_an_evaluation_that_breaks_is_failed_with_the_reason(world, login, monkeypatch):
    from appgov.compliance import evaluation

    def broken(*args, **kwargs):
        raise RuntimeError("catalogue file unreadable")

    monkeypatch.setattr(evaluation, "_store_results", broken)
    client = login(world.a.users["compliance"])
    with pytest.raises(RuntimeError):
        client.post("/compliance/evaluate/")
    body = client.get("/jobs/progress/evaluation/").json()
    assert body["status"] == "failed" and "catalogue file unreadable" in body["error"]


def test_a_monitoring_run_reports_its_steps(world, login):
    from appgov.credit.tasks import run_monitoring_day

    officer = world.a.users["credit_officer"]
    progress.queue(world.a.inst.pk, "credit_monitoring")  # what the upload does
    client = login(officer)
    assert client.get("/jobs/progress/credit_monitoring/").json()["status"] == "queued"
    assert (
        'data-job-progress="/jobs/progress/credit_monitoring/"'
        in client.get("/credit/logs/").content.decode()
    )
    with mock.patch.object(progress, "_write", wraps=progress._write) as write:
        run_monitoring_day.call(world.a.inst.pk, "2026-06-01")
    names = [step for _s, _p, step, _x in steps(write)]
    assert "Running the query rules" in names
    body = client.get("/jobs/progress/credit_monitoring/").json()
    assert body["finished"] and body["status"] in ("done", "failed")
