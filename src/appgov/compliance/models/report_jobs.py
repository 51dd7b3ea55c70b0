from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import SystemTextField
from appgov.core.models.owned import InstitutionOwned


def _report_path(job, filename):
    return f"compliance/reports/{job.institution_id}/{filename}"


class ReportJob(InstitutionOwned):
    """A compliance PDF asked for on the page and built by the worker (it takes tens of seconds): its progress
    is polled by the page, and the file is offered when ready."""

    institution_path = "institution"

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    app = models.ForeignKey(
        "ledger.MobileApp", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    stage = models.CharField(_("stage"), max_length=100, blank=True)
    file = models.FileField(_("report"), upload_to=_report_path, blank=True)
    error = SystemTextField(_("error"), blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at", "-id"]
        verbose_name = _("compliance report")
        verbose_name_plural = _("compliance reports")

    def __str__(self):
        return f"{self._meta.verbose_name} #{self.pk} · {self.get_status_display()}"

    @property
    def is_final(self) -> bool:
        return self.status in (self.Status.DONE, self.Status.FAILED)
