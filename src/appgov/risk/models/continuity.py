"""Business continuity per app (NFRA-15.1): business impact analysis, emergency plans, drills measured
against the recovery time objective."""

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned


class ImpactAnalysis(InstitutionOwned):
    institution_path = "app__institution"

    app = models.ForeignKey("ledger.MobileApp", on_delete=models.PROTECT, related_name="impact_analyses")
    critical_services = BoundedTextField(_("critical services"))
    rto_minutes = models.PositiveIntegerField(_("recovery time objective (minutes)"))
    rpo_minutes = models.PositiveIntegerField(_("recovery point objective (minutes)"))
    mtpd_minutes = models.PositiveIntegerField(_("maximum tolerable outage (minutes)"))
    dependencies = BoundedTextField(_("dependencies on vendors and systems"), blank=True)
    analysed_on = models.DateField(_("analysed on"))
    approved_on = models.DateField(_("approved on"), null=True, blank=True)

    class Meta:
        ordering = ["app", "-analysed_on"]
        verbose_name = _("business impact analysis")
        verbose_name_plural = _("business impact analyses")

    def get_absolute_url(self):
        return reverse("risk:bia-detail", args=[self.pk])

    def __str__(self):
        return f"{self.app} {self.analysed_on}"


class EmergencyPlan(InstitutionOwned):
    institution_path = "app__institution"

    app = models.ForeignKey("ledger.MobileApp", on_delete=models.PROTECT, related_name="emergency_plans")
    version = models.CharField(_("version"), max_length=40)
    title = models.CharField(_("title"), max_length=200)
    document = models.FileField(_("plan document"), upload_to="risk/plans/%Y/%m/", blank=True)
    approved_on = models.DateField(_("approved on"), null=True, blank=True)
    approved_by = models.CharField(_("approved by"), max_length=200, blank=True)

    class Meta:
        ordering = ["app", "-approved_on", "-pk"]
        verbose_name = _("emergency plan")
        verbose_name_plural = _("emergency plans")
        constraints = [models.UniqueConstraint(fields=["app", "version"], name="risk_plan_version_unique")]

    def get_absolute_url(self):
        return reverse("risk:plan-detail", args=[self.pk])

    def __str__(self):
        return f"{self.title} {self.version}"


class Drill(InstitutionOwned):
    institution_path = "app__institution"

    app = models.ForeignKey("ledger.MobileApp", on_delete=models.PROTECT, related_name="drills")
    plan = models.ForeignKey(
        EmergencyPlan, verbose_name=_("emergency plan"), null=True, blank=True, on_delete=models.PROTECT
    )
    scenario = models.CharField(_("scenario"), max_length=300)
    planned_on = models.DateField(_("planned on"))
    held_on = models.DateField(_("held on"), null=True, blank=True)
    participants = BoundedTextField(_("participants"), blank=True)
    measured_recovery_minutes = models.PositiveIntegerField(
        _("measured recovery (minutes)"), null=True, blank=True
    )
    # the RTO the drill was measured against: the app's approved BIA when the result was recorded
    rto_minutes = models.PositiveIntegerField(_("RTO measured against (minutes)"), null=True, editable=False)
    gap = BoundedTextField(_("gaps found"), blank=True)

    class Meta:
        ordering = ["app", "-planned_on"]
        verbose_name = _("drill")
        verbose_name_plural = _("drills")

    def get_absolute_url(self):
        return reverse("risk:drill-detail", args=[self.pk])

    def __str__(self):
        return f"{self.app} {self.scenario} {self.planned_on}"

    @property
    def missed_rto(self) -> bool | None:
        if self.measured_recovery_minutes is None or self.rto_minutes is None:
            return None
        return self.measured_recovery_minutes > self.rto_minutes
