"""Issue 11 (missing item): a sweep shows its progress on the page while the worker runs it: queued when
asked for, running with the listings screened so far, then finished or failed, read from
/jobs/progress/counterfeit_sweep/ without reloading the page."""

from unittest import mock

import pytest
from counterfeit_fixtures import a_feed_rows, jsonl
from django.core.cache import cache

from appgov.core import progress
from appgov.counterfeit import feeds

URL = "/jobs/progress/counterfeit_sweep/"


@pytest.fixture(autouse=True)
def fresh_progress(monkeypatch):
    monkeypatch.setattr(progress, "THROTTLE", 0)  # every step is written (the page would see each)
    yield
    cache.clear()


@pytest.fixture
def fresh(protected):
    for org in (protected.a, protected.b):
        cache.delete(progress._key(org.inst.pk, "counterfeit_sweep"))
    return protected


def test_a_sweep_goes_from_queued_through_its_steps_to_finished(fresh, login, settings):
    from appgov.counterfeit.tasks import run_sweep

    settings.LANGUAGE_CODE = "en"
    world = fresh
    client = login(world.a.users["security"])
    assert client.get(URL).json()["status"] == "none"
    page = client.get("/counterfeit/").content.decode()
    assert f'data-job-progress="{URL}"' in page
    assert client.post("/counterfeit/sweep/").status_code == 302
    queued = client.get(URL).json()
    assert queued["status"] == "queued" and queued["percent"] == 0 and not queued["finished"]

    feeds.receive_feed(world.a.inst, feeds.parse_jsonl(jsonl(a_feed_rows())), channel="api", label="x")
    with mock.patch.object(progress, "_write", wraps=progress._write) as write:
        run_sweep.call(world.a.inst.pk, world.a.users["security"].pk, "manual")  # what the worker runs
    seen = [(r["status"], r["percent"], r["step"], r["params"]) for (_i, _k, r), _kw in write.call_args_list]
    assert seen[0][0] == "running" and seen[-1][:2] == ("done", 100)
    percents = [p for _s, p, _t, _params in seen]
    assert percents == sorted(percents)  # never goes back
    screened = [params for _s, _p, step, params in seen if step.startswith("Screened %(done)d")]
    assert screened and screened[-1]["done"] == screened[-1]["total"] == 6

    done = client.get(URL).json()
    assert done["status"] == "done" and done["percent"] == 100 and done["finished"]
    assert done["label"] == "Finished"


def test_the_step_is_translated_for_the_reader(fresh, login):
    world = fresh
    with progress.tracking(world.a.inst.pk, "counterfeit_sweep"):
        progress.report(
            40, "Screened %(done)d of %(total)d listings, %(alerts)d alerts", done=3, total=6, alerts=1
        )
        body = login(world.a.users["security"]).get(URL, HTTP_ACCEPT_LANGUAGE="zh-hans").json()
        assert body["status"] == "running" and body["percent"] == 40
        assert body["label"] == "进行中" and "3" in body["step"] and "Screened" not in body["step"]


def test_a_failed_sweep_says_so(fresh, login, monkeypatch):
    from appgov.counterfeit import sweep as sweep_module
    from appgov.counterfeit.tasks import run_sweep

    world = fresh

    def broken():
        raise ValueError("icon index unreadable")

    monkeypatch.setattr(sweep_module, "build_index", broken)
    run_sweep.call(world.a.inst.pk, None, "manual")
    body = login(world.a.users["security"]).get(URL).json()
    assert body["status"] == "failed" and "icon index unreadable" in body["error"] and body["finished"]


def test_only_the_institutions_own_work_is_shown(fresh, login):
    world = fresh
    progress.queue(world.a.inst.pk, "counterfeit_sweep")
    assert login(world.b.users["security"]).get(URL).json()["status"] == "none"
    assert login(world.reg_out).get(URL).json()["status"] == "none"
    assert login(world.a.users["security"]).get("/jobs/progress/nonsense/").status_code == 404
    from django.test import Client

    assert Client().get(URL).status_code == 302  # sign in first
