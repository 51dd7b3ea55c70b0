"""A user's saved filters of the ledger list: a name and the query string, kept per user."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.models.owned import InstitutionOwned


class SavedFilter(InstitutionOwned):
    institution_path = "institution"

    institution = models.ForeignKey(
        "core.Institution", verbose_name=_("institution"), on_delete=models.CASCADE, related_name="+"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="saved_ledger_filters",
    )
    name = models.CharField(_("name"), max_length=80)
    query = models.CharField(_("filter"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["user", "name"]
        constraints = [models.UniqueConstraint(fields=["user", "name"], name="saved_filter_name_per_user")]
        verbose_name = _("saved filter")
        verbose_name_plural = _("saved filters")

    def __str__(self):
        return self.name
