from django.db import models


class ScheduledRun(models.Model):
    """One row per daily job and day, so the scheduler enqueues each job once a day even after restarts."""

    job = models.CharField(max_length=100)
    run_date = models.DateField()
    enqueued_at = models.DateTimeField(auto_now_add=True)
    task_result_id = models.CharField(max_length=64, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "run_date"], name="scheduled_run_once_a_day")]
