"""Issue 12 item 4: a task left RUNNING by a worker that died is retried, then marked failed, once the
worker's heartbeat is older than the lease; a live worker's task is left alone; sweeps have their own queue."""

import datetime

from django.test import override_settings
from django.utils import timezone
from django_tasks.signals import task_finished
from django_tasks_db.models import DBTaskResult

from appgov.core import leases
from appgov.core.health import beat
from appgov.core.jobs import run_daily_job
from appgov.core.management.commands.runall import Command as Runall
from appgov.core.models import ProcessHeartbeat

LEASE = 120


def running_task(worker_id, started_ago=LEASE + 5):
    result = run_daily_job.enqueue("ledger.review_version_support")
    task = DBTaskResult.objects.get(id=result.id)
    task.claim(worker_id)
    DBTaskResult.objects.filter(id=task.id).update(
        started_at=timezone.now() - datetime.timedelta(seconds=started_ago)
    )
    return task.id


@override_settings(APPGOV_TASK_LEASE_SECONDS=LEASE, APPGOV_TASK_MAX_ATTEMPTS=2)
def test_task_of_a_dead_worker_is_retried_then_failed(db):
    finished = []

    def on_finished(sender, task_result, **kw):
        finished.append(task_result)

    task_finished.connect(on_finished)
    try:
        task_id = running_task("dead-1")  # never sent a heartbeat
        [first] = leases.reclaim_expired()
        assert (first.outcome, first.worker_id) == ("retried", "dead-1")
        task = DBTaskResult.objects.get(id=task_id)
        assert task.status == "READY" and task.started_at is None
        assert DBTaskResult.objects.ready().filter(id=task_id).exists()  # a worker picks it up again

        task.claim("dead-2")
        beat("worker:dead-2", "worker", "default")
        ProcessHeartbeat.objects.filter(name="worker:dead-2").update(
            beat_at=timezone.now() - datetime.timedelta(seconds=LEASE + 1)
        )
        DBTaskResult.objects.filter(id=task_id).update(
            started_at=timezone.now() - datetime.timedelta(seconds=LEASE + 5)
        )
        [second] = leases.reclaim_expired()
        assert second.outcome == "failed"
        task = DBTaskResult.objects.get(id=task_id)
        assert task.status == "FAILED" and task.exception_class_path == "appgov.core.leases.WorkerLost"
        assert "dead-2 stopped sending heartbeats" in task.traceback
        assert [str(r.id) for r in finished] == [str(task_id)]  # the job's page learns it failed
        assert leases.reclaim_expired() == []
    finally:
        task_finished.disconnect(on_finished)


@override_settings(APPGOV_TASK_LEASE_SECONDS=LEASE)
def test_task_of_a_live_worker_or_within_the_lease_is_left_alone(db):
    beat("worker:alive-1", "worker", "default")
    long_running = running_task("alive-1", started_ago=3600)
    just_claimed = running_task("starting-1", started_ago=5)  # its worker's first beat may still come
    assert leases.reclaim_expired() == []
    assert set(DBTaskResult.objects.running().values_list("id", flat=True)) == {long_running, just_claimed}


def test_heartbeats_of_workers_gone_for_a_day_are_pruned(db):
    beat("worker:old", "worker", "default")
    beat("worker:new", "worker", "default")
    ProcessHeartbeat.objects.filter(name="worker:old").update(
        beat_at=timezone.now() - datetime.timedelta(days=2)
    )
    assert leases.prune_heartbeats() == 1
    assert list(ProcessHeartbeat.objects.values_list("name", flat=True)) == ["worker:new"]


def test_long_jobs_have_their_own_queue_and_worker(db):
    result = run_daily_job.using(queue_name="long").enqueue("counterfeit.sweep")
    assert DBTaskResult.objects.get(id=result.id).queue_name == "long"
    names = [c.name for c in Runall().children("127.0.0.1:1", 1, 1, 100, 10)]
    assert names == ["web", "worker:default", "worker:long", "scheduler"]
    web = Runall().children("127.0.0.1:1", 1, 1, 100, 10)[0].command
    assert (
        web[web.index("--max-requests") + 1] == "100" and web[web.index("--max-requests-jitter") + 1] == "10"
    )
