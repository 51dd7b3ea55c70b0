"""OS compatibility (NFRA-10): the register of mobile OS releases and of the distribution platforms' target-API
requirements (shipped in operations/data/os_releases.yaml, copied into each institution's register, which its
users extend), and per release and app an adaptation task with its plans and test matrix."""

from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField, SystemTextField
from appgov.core.models.owned import InstitutionOwned
from appgov.core.models.voidable import Voidable


class OsPlatform(models.TextChoices):
    ANDROID = "android", _("Android")
    IOS = "ios", _("iOS")
    HARMONYOS = "harmonyos", _("HarmonyOS")


class OsRelease(Voidable, InstitutionOwned):
    institution_path = "institution"

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    platform = models.CharField(_("platform"), max_length=20, choices=OsPlatform.choices)
    version = models.CharField(_("OS version"), max_length=40)
    api_level = models.PositiveIntegerField(_("API level"), null=True, blank=True)
    beta_on = models.DateField(_("first beta"), null=True, blank=True)
    ga_on = models.DateField(_("general availability"), null=True, blank=True)
    date_note = BoundedTextField(_("about the dates"), blank=True)
    source = SystemTextField(_("source"))
    shipped = models.BooleanField(_("from the shipped register"), default=False)

    class Meta:
        ordering = ["platform", "-ga_on", "version"]
        constraints = [
            models.UniqueConstraint(fields=["institution", "platform", "version"], name="os_release_once")
        ]
        verbose_name = _("OS release")
        verbose_name_plural = _("OS releases")

    def __str__(self):
        return f"{self.get_platform_display()} {self.version}"

    def get_absolute_url(self):
        return reverse("operations:osrelease-detail", args=[self.pk])


class PlatformRequirement(Voidable, InstitutionOwned):
    """A distribution platform's requirement on packages (e.g. minimum target API level from a date)."""

    institution_path = "institution"

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.PROTECT, related_name="+"
    )
    distributor = models.CharField(_("distribution platform"), max_length=100)
    platform = models.CharField(_("platform"), max_length=20, choices=OsPlatform.choices)
    min_target_api = models.PositiveIntegerField(_("minimum target API level"), null=True, blank=True)
    applies_to = models.CharField(_("applies to"), max_length=100, blank=True)
    effective_on = models.DateField(_("effective on"), null=True, blank=True)
    date_note = BoundedTextField(_("about the dates"), blank=True)
    source = SystemTextField(_("source"))
    shipped = models.BooleanField(_("from the shipped register"), default=False)

    class Meta:
        ordering = ["distributor", "-effective_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "distributor", "platform", "min_target_api", "applies_to"],
                name="platform_requirement_once",
            )
        ]
        verbose_name = _("distribution platform requirement")
        verbose_name_plural = _("distribution platform requirements")

    def __str__(self):
        return f"{self.distributor}: target API ≥ {self.min_target_api} ({self.effective_on or '?'})"

    def get_absolute_url(self):
        return reverse("operations:requirement-detail", args=[self.pk])


class AdaptationTask(Voidable, InstitutionOwned):
    """Adapting one app to one OS release: plan and contingency plan due before GA, tests per device."""

    institution_path = "app__institution"

    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        NOT_APPLICABLE = "not_applicable", _("Not applicable")

    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="adaptation_tasks"
    )
    release = models.ForeignKey(
        OsRelease, verbose_name=_("OS release"), on_delete=models.PROTECT, related_name="tasks"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.OPEN)
    due_on = models.DateField(_("plans due on"), null=True, blank=True)
    owner = models.ForeignKey(
        "core.Person",
        verbose_name=_("owner"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    plan = BoundedTextField(_("adaptation plan"), blank=True)
    contingency_plan = BoundedTextField(_("contingency plan"), blank=True)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["app", "release"]
        constraints = [models.UniqueConstraint(fields=["app", "release"], name="adaptation_task_once")]
        verbose_name = _("adaptation task")
        verbose_name_plural = _("adaptation tasks")

    def __str__(self):
        return f"{self.app} · {self.release}"

    def get_absolute_url(self):
        return reverse("operations:task-detail", args=[self.pk])

    def clean(self):
        if self.app_id and self.release_id and self.release.institution_id != self.app.institution_id:
            raise ValidationError({"release": _("belongs to another institution")})
        if self.status == self.Status.NOT_APPLICABLE and not self.note:
            raise ValidationError({"note": _("Say why the release does not apply to the app.")})


class CompatTestResult(Voidable, InstitutionOwned):
    """One line of a task's test matrix: a device on an OS build, and the outcome."""

    institution_path = "task__app__institution"

    class Outcome(models.TextChoices):
        PASSED = "passed", _("Passed")
        FAILED = "failed", _("Failed")
        UNTESTED = "untested", _("Untested")

    task = models.ForeignKey(
        AdaptationTask, verbose_name=_("adaptation task"), on_delete=models.PROTECT, related_name="results"
    )
    device = models.CharField(_("device"), max_length=100)
    os_build = models.CharField(_("OS build"), max_length=60)
    app_version = models.CharField(_("app version tested"), max_length=64, blank=True)
    outcome = models.CharField(_("outcome"), max_length=10, choices=Outcome.choices)
    tested_on = models.DateField(_("tested on"), null=True, blank=True)
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["task", "device", "os_build"]
        constraints = [
            models.UniqueConstraint(fields=["task", "device", "os_build"], name="compat_result_once")
        ]
        verbose_name = _("compatibility test result")
        verbose_name_plural = _("compatibility test results")

    def __str__(self):
        return f"{self.device} {self.os_build}: {self.get_outcome_display()}"

    def get_absolute_url(self):
        return self.task.get_absolute_url()
