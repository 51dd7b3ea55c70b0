from django.db import models


class ProcessHeartbeat(models.Model):
    """The last sign of life of a long-running process (a task worker per queue, the scheduler), written by
    the process itself; /healthz reports its age and the scheduler reclaims tasks of workers gone silent."""

    name = models.CharField(max_length=200, unique=True)  # e.g. "worker:default:host-1234", "scheduler"
    kind = models.CharField(max_length=20)  # "worker" or "scheduler"
    queue = models.CharField(max_length=32, blank=True)
    pid = models.PositiveIntegerField(null=True)
    host = models.CharField(max_length=200, blank=True)
    beat_at = models.DateTimeField(db_index=True)

    def __str__(self):
        return f"{self.name} @ {self.beat_at:%Y-%m-%d %H:%M:%S}"
