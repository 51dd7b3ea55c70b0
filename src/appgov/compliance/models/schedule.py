from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.owned import InstitutionOwned

from .subjects import SubjectType


class ScheduleItem(InstitutionOwned):
    """When a periodic obligation is next due for a subject (annual risk assessment, three-yearly audit, ...)."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.CASCADE, related_name="+")
    control_id = models.CharField(_("control"), max_length=40)
    subject_type = models.CharField(_("subject type"), max_length=20, choices=SubjectType.choices)
    subject_id = models.BigIntegerField(_("subject id"))
    subject_repr = models.CharField(_("subject"), max_length=300)
    last_done_on = models.DateField(_("last done"), null=True, blank=True)
    due_on = models.DateField(_("due"))
    remind_days_before = models.PositiveIntegerField(_("remind days before"), default=30)

    class Meta:
        ordering = ["due_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "control_id", "subject_type", "subject_id"],
                name="one_schedule_per_subject",
            )
        ]
        verbose_name = _("schedule item")
        verbose_name_plural = _("compliance calendar")

    def __str__(self):
        return f"{self.control_id} · {self.subject_repr}"
