from django_tasks import task

from appgov.core import progress
from appgov.core.context import acting_as
from appgov.core.jobs import register_daily_job, register_periodic_job
from appgov.core.zones import institution_time

register_daily_job(
    "credit.import_logs",
    "appgov.credit.ingestion.import_directories",
    "00:30",
    each="appgov.credit.ingestion.import_directory_for",
)
# the nightly run re-runs yesterday in full and reconciles what the real-time cycles stored
register_daily_job(
    "credit.monitor_queries",
    "appgov.credit.monitoring.run_daily_monitoring",
    "00:45",
    each="appgov.credit.monitoring.monitor_institution_yesterday",
)
# the near-real-time cycle: the watched folder, then the rules over the batches that arrived
register_periodic_job(
    "credit.realtime_cycle",
    "appgov.credit.realtime.run_cycles",
    every_minutes=5,
    setting="APPGOV_CREDIT_CYCLE_MINUTES",
)


@task()
def run_monitoring_day(institution_id: int, day: str) -> str:
    """Run the query rules for one institution and day (queued from the UI after an upload)."""
    import datetime

    from appgov.core.models import Institution

    from .monitoring import run_day

    institution = Institution.objects.get(pk=institution_id)
    with acting_as(None, prefix=f"job-creditwatch-{institution_id}-{day}"), institution_time(institution):
        with progress.tracking(institution.pk, "credit_monitoring"):
            run = run_day(institution, datetime.date.fromisoformat(day))
    return f"{institution.code} {day}: {run.status}, {run.alerts} alerts ({run.new_alerts} new)"
