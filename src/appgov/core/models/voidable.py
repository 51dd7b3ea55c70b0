"""Voided and retired stay on the row (issue 12 item 1): a record kept for the record is never deleted.

- `Voidable`: a mistaken entry (no history beyond its creation) is *voided* with a reason: the row stays, with
  who voided it, when and why; lists and the API leave voided rows out unless asked (`?show_voided=1` on a
  page, `?include_voided=1` in the API), and its page shows a banner.
- `Retirable`: a record that had a life (an app version, a piece of gate evidence) is *retired* with a reason
  instead of deleted: it stays visible, marked retired, and no longer counts (a retired piece of evidence
  satisfies no gate).
The writes are core.services.void / core.services.retire, reached through the module's ModelService."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .fields import BoundedTextField


class Voidable(models.Model):
    voided_at = models.DateTimeField(_("voided at"), null=True, blank=True, editable=False)
    voided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("voided by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    void_reason = BoundedTextField(_("void reason"), blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_voided(self) -> bool:
        return self.voided_at is not None


class Retirable(models.Model):
    retired_at = models.DateTimeField(_("retired at"), null=True, blank=True, editable=False)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("retired by"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    retire_reason = BoundedTextField(_("retire reason"), blank=True, editable=False)

    class Meta:
        abstract = True

    @property
    def is_retired(self) -> bool:
        return self.retired_at is not None


VOID_FIELDS = ["voided_at", "voided_by", "void_reason"]
RETIRE_FIELDS = ["retired_at", "retired_by", "retire_reason"]


def voidable(model) -> bool:
    return isinstance(model, type) and issubclass(model, Voidable) or isinstance(model, Voidable)


def retirable(model) -> bool:
    return isinstance(model, type) and issubclass(model, Retirable) or isinstance(model, Retirable)


def without_voided(queryset, include_voided: bool = False):
    """The queryset without voided rows (unless asked for them); any other model's queryset as it is."""
    if include_voided or not voidable(queryset.model):
        return queryset
    return queryset.filter(voided_at__isnull=True)


def asks_for_voided(params) -> bool:
    return str(params.get("include_voided") or params.get("show_voided") or "").lower() in (
        "1",
        "true",
        "yes",
        "on",
    )
