from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import SystemTextField
from appgov.core.models.owned import InstitutionOwned

from .subjects import Outcome, SubjectType


class Evaluation(InstitutionOwned):
    """One run of the catalogue over an institution."""

    institution_path = "institution"

    class Trigger(models.TextChoices):
        MANUAL = "manual", _("On demand")
        DAILY = "daily", _("Daily schedule")
        API = "api", _("API")

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="evaluations")
    trigger = models.CharField(_("trigger"), max_length=10, choices=Trigger.choices)
    catalogue_version = models.CharField(_("catalogue version"), max_length=32)
    started_at = models.DateTimeField(_("started"))
    finished_at = models.DateTimeField(_("finished"), null=True)
    counts = models.JSONField(_("results"), default=dict)
    request_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")

    changelog_name_at_display = ()  # made of a date: the change log names it in the reader's language

    def __str__(self):
        from django.utils import timezone

        return _("Evaluation of %(when)s") % {
            "when": timezone.localtime(self.started_at).strftime("%Y-%m-%d %H:%M") if self.started_at else "—"
        }


# the keys of Evaluation.counts are outcomes: histories show their labels (core.history_display)


Evaluation._meta.get_field("counts").item_choices = Outcome.choices


class ControlResult(InstitutionOwned):
    """The current result of one control for one subject (updated in place by each evaluation)."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.CASCADE, related_name="+")
    control_id = models.CharField(_("control"), max_length=40)
    subject_type = models.CharField(_("subject type"), max_length=20, choices=SubjectType.choices)
    subject_id = models.BigIntegerField(_("subject id"))
    subject_repr = models.CharField(_("subject"), max_length=300)
    outcome = models.CharField(_("result"), max_length=20, choices=Outcome.choices)
    explanation_zh = SystemTextField()
    explanation_en = SystemTextField()
    links = models.JSONField(default=list, blank=True)
    evaluation = models.ForeignKey(Evaluation, on_delete=models.SET_NULL, null=True, related_name="+")
    changed_at = models.DateTimeField(_("result since"))
    evaluated_at = models.DateTimeField(_("evaluated"))

    class Meta:
        ordering = ["control_id", "subject_type", "subject_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "control_id", "subject_type", "subject_id"],
                name="one_result_per_subject",
            )
        ]
        indexes = [models.Index(fields=["institution", "outcome"])]
        verbose_name = _("control result")
        verbose_name_plural = _("control results")

    def __str__(self):
        return f"{self.control_id} · {self.subject_repr}"


class ControlSummary(InstitutionOwned):
    """Counts per control per evaluation: the history behind the trend chart."""

    institution_path = "evaluation__institution"

    evaluation = models.ForeignKey(Evaluation, on_delete=models.CASCADE, related_name="summaries")
    control_id = models.CharField(max_length=40)
    passed = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    not_applicable = models.PositiveIntegerField(default=0)
    evidence_needed = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["evaluation", "control_id"], name="one_summary_per_control")
        ]

    def __str__(self):
        return f"{self.control_id} · {self.evaluation}"
