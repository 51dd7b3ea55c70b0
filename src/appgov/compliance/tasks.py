"""The compliance module's scheduled work: the nightly evaluation, then the morning digest."""

from django_tasks import task

from appgov.core.context import acting_as
from appgov.core.jobs import register_daily_job

register_daily_job(
    "compliance.evaluate_all",
    "appgov.compliance.evaluation.evaluate_all_institutions",
    "02:00",
    each="appgov.compliance.evaluation.evaluate_institution_nightly",
)
register_daily_job(
    "compliance.daily_digest",
    "appgov.compliance.digest.send_daily_digest",
    "07:30",
    each="appgov.compliance.digest.send_institution_digest",
)


@task()
def build_report(job_id: int) -> str:
    """A compliance PDF asked for on the page (report_jobs.request_report)."""
    from .report_jobs import build

    with acting_as(None, prefix=f"job-report-{job_id}"):
        job = build(job_id)
    return f"report {job_id}: {job.status}"
