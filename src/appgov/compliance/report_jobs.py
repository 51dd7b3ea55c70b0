"""The compliance PDF built in the worker: asked for on the page (a logged ReportJob), built by the task with its
progress written as it goes, offered for download when ready."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core
from appgov.core.zones import institution_time

from .models import ReportJob


def request_report(institution, app, actor) -> ReportJob:
    from .tasks import build_report

    # any reader of the institution's results may ask for the report: the job is written by the system on the
    # reader's behalf (requested_by; the change log's actor is the signed-in user of the request)
    job = core.save(
        ReportJob(institution=institution, app=app, requested_by=actor, stage=_("Waiting for the worker")),
        None,
    )
    transaction.on_commit(lambda: build_report.enqueue(job.pk))
    return job


def _step(job, progress: int, stage: str) -> ReportJob:
    with transaction.atomic():
        return core.update(job, None, status=ReportJob.Status.RUNNING, progress=progress, stage=stage)


def build(job_id: int) -> ReportJob:
    """Build the job's PDF (the worker's task): each stage written so the page shows how far it got."""
    job = ReportJob.objects.select_related("institution", "app").get(pk=job_id)
    if job.is_final:
        return job
    with institution_time(job.institution):  # the report's dates and times in the institution's zone
        return _build(job, job_id)


def _build(job, job_id: int) -> ReportJob:
    from weasyprint import HTML

    from . import reports

    try:
        job = _step(job, 10, _("Collecting the results"))
        html = reports.report_html(job.institution, job.app)
        job = _step(job, 40, _("Laying out the pages"))
        data = HTML(string=html).write_pdf()
        job = _step(job, 90, _("Storing the file"))
        with transaction.atomic():
            job.file.save(f"compliance-report-{job.pk}.pdf", ContentFile(data), save=False)
            return core.update(
                job,
                None,
                file=job.file.name,
                status=ReportJob.Status.DONE,
                progress=100,
                stage=_("Ready"),
                finished_at=timezone.now(),
            )
    except Exception as exc:  # the page says the report failed and why, instead of waiting for ever
        with transaction.atomic():
            return core.update(
                ReportJob.objects.get(pk=job_id),
                None,
                status=ReportJob.Status.FAILED,
                stage=_("Failed"),
                error=f"{type(exc).__name__}: {exc}"[:2000],
                finished_at=timezone.now(),
            )
