"""Issue 12 item 5: /healthz (database, worker heartbeat per queue, scheduler heartbeat, free disk of the var
dir; JSON; 200 or 503) and structured JSON logs carrying the request id and the user."""

import datetime
import io
import json
import logging

from django.test import Client, override_settings
from django.utils import timezone

from appgov.core.health import beat
from appgov.core.logjson import JsonFormatter, RequestContextFilter
from appgov.core.models import ProcessHeartbeat


def all_alive():
    beat("worker:w-default", "worker", "default")
    beat("worker:w-long", "worker", "long")
    beat("scheduler", "scheduler")


def test_healthy_when_every_part_beats(db):
    all_alive()
    response = Client().get("/healthz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "worker:default", "worker:long", "scheduler", "disk"}
    long_queue = body["checks"]["worker:long"]
    assert 0 <= long_queue["age_seconds"] <= long_queue["max_age_seconds"]
    assert body["checks"]["disk"]["free_bytes"] > 0
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_queue_without_a_worker_fails(db):
    beat("worker:w-default", "worker", "default")
    beat("scheduler", "scheduler")
    response = Client().get("/healthz")
    assert response.status_code == 503
    check = response.json()["checks"]["worker:long"]
    assert check["ok"] is False and check["error"] == "no heartbeat recorded"


def test_a_stale_scheduler_heartbeat_fails(db):
    all_alive()
    ProcessHeartbeat.objects.filter(name="scheduler").update(
        beat_at=timezone.now() - datetime.timedelta(hours=1)
    )
    response = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["scheduler"]["age_seconds"] >= 3600


def test_a_full_var_dir_fails(db):
    all_alive()
    with override_settings(APPGOV_HEALTH_MIN_FREE_BYTES=10**18):
        response = Client().get("/healthz")
    assert response.status_code == 503 and response.json()["checks"]["disk"]["ok"] is False


def test_healthz_needs_no_login_and_only_answers_get(db):
    assert Client().post("/healthz").status_code == 405


def test_json_logs_carry_request_id_and_user(world, login):
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonFormatter())
    handler.addFilter(RequestContextFilter())
    request_log = logging.getLogger("appgov.request")
    old_level = request_log.level
    request_log.addHandler(handler)
    request_log.setLevel(logging.INFO)
    try:
        response = login(world.a.admin).get("/ledger/apps/", HTTP_X_REQUEST_ID="probe-123")
    finally:
        request_log.removeHandler(handler)
        request_log.setLevel(old_level)
    [line] = [json.loads(x) for x in stream.getvalue().splitlines()]
    assert response["X-Request-ID"] == "probe-123"
    assert line["request_id"] == "probe-123" and line["user"] == world.a.admin.username
    assert line["path"] == "/ledger/apps/" and line["status"] == 200 and line["method"] == "GET"
    assert line["level"] == "INFO" and line["logger"] == "appgov.request" and line["duration_ms"] >= 0
