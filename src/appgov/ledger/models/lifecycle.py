from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.fields import BoundedTextField
from appgov.core.models.owned import InstitutionOwned, ScopedQuerySet
from appgov.core.models.voidable import Retirable, Voidable

from .choices import LifecycleState


def evidence_upload_path(instance, filename):
    return f"gate-evidence/{instance.app.institution_id}/{instance.app_id}/{filename}"


class CountingEvidence(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(voided_at__isnull=True, retired_at__isnull=True)


class GateEvidence(Voidable, Retirable, InstitutionOwned):
    """A record that satisfies an evidence item of a lifecycle gate (test report, risk assessment, ...)."""

    institution_path = "app__institution"

    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="gate_evidence"
    )
    item = models.CharField(_("gate item"), max_length=64)
    # Release-gate evidence (test report, security assessment, compliance review) belongs to one version,
    # or is dated and counts only for versions built before that date (NFRA-08.4).
    version = models.ForeignKey(
        "ledger.AppVersion",
        verbose_name=_("version"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="gate_evidence",
    )
    dated_on = models.DateField(_("document date"), null=True, blank=True)
    reference = models.CharField(
        _("reference"), max_length=200, help_text=_("Document number, link or title")
    )
    file = models.FileField(_("file"), upload_to=evidence_upload_path, blank=True, max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recorded by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()
    counting = CountingEvidence()  # what satisfies a gate: neither voided nor retired

    class Meta:
        ordering = ["app", "item", "-recorded_at"]
        verbose_name = _("gate evidence")
        verbose_name_plural = _("gate evidence")

    def __str__(self):
        from ..gates import item_title  # the gates file imports these models' choices

        return f"{item_title(self.item)}: {self.reference}"

    @property
    def item_title(self) -> str:
        from ..gates import item_title

        return item_title(self.item)


class LifecycleEvent(InstitutionOwned):
    institution_path = "app__institution"

    app = models.ForeignKey(
        "ledger.MobileApp", verbose_name=_("app"), on_delete=models.PROTECT, related_name="lifecycle_events"
    )
    from_state = models.CharField(_("from"), max_length=20, choices=LifecycleState.choices)
    to_state = models.CharField(_("to"), max_length=20, choices=LifecycleState.choices)
    at = models.DateTimeField(_("at"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = BoundedTextField(_("note"), blank=True)

    class Meta:
        ordering = ["app", "-at"]
        verbose_name = _("lifecycle event")
        verbose_name_plural = _("lifecycle events")

    def __str__(self):
        return f"{self.app}: {self.get_from_state_display()} → {self.get_to_state_display()}"
