"""The base of every record an institution owns: scoping is a property of the queryset, not of each caller.

`Model.objects.for_user(user)` is what a user may see; `for_user(user, "change")` narrows it further to what
the user's role may change (an empty queryset when the role may not write that model at all).
Subclasses keep their own `institution` foreign key (or reach the institution through a parent) and name the
lookup in `institution_path`.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from appgov.core.roles import can_write
from appgov.core.scoping import office_lookup, scope

ACTIONS = ("view", "add", "change", "delete")


class ScopedQuerySet(models.QuerySet):
    def for_user(self, user, action: str = "view") -> "ScopedQuerySet":
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
        queryset = scope(self, user)
        if action != "view" and not can_write(user, self.model._meta.label_lower):
            return queryset.none()
        return queryset


class InstitutionOwned(models.Model):
    institution_path = "institution"

    objects = ScopedQuerySet.as_manager()

    class Meta:
        abstract = True


class OfficeScopedQuerySet(models.QuerySet):
    """Records a regulator office owns. Reading: the examiners of the owning office and of every office above it
    (the jurisdiction tree: the head office sees all provinces, a sub-office only its own). Writing: only the
    owning office's users whose role may write the model (core.roles.OFFICE_WRITE_ROLES). Institution users see
    nothing here; a model that shows "issued to institution X" rows to that institution does it through its
    own method (e.g. `issued_to(user)`), never through for_user."""

    def for_user(self, user, action: str = "view") -> "OfficeScopedQuerySet":
        if action not in ACTIONS:
            raise ValueError(f"unknown action {action!r}; one of {', '.join(ACTIONS)}")
        queryset = scope(self, user)
        if action != "view":
            if not can_write(user, self.model._meta.label_lower):
                return queryset.none()
            return queryset.filter(**{office_lookup(self.model): user.regulator_office_id})
        return queryset


class OfficeOwned(models.Model):
    """The base of every record a regulator office owns (campaigns, measures, bulletins, decisions).

    Subclasses keep an `office` foreign key to core.RegulatorOffice (on_delete=PROTECT) or name the path to it in
    `office_path`. Scoping (core.scoping.scope) uses it instead of the institution path; writes go through a
    core.services.OfficeModelService, which sets the office from the actor and refuses another office's rows.
    """

    institution_path = None  # not owned by an institution: scoping and the change log go by the office
    office_path = "office"

    office = models.ForeignKey(
        "core.RegulatorOffice", verbose_name=_("regulator office"), on_delete=models.PROTECT, related_name="+"
    )

    objects = OfficeScopedQuerySet.as_manager()

    class Meta:
        abstract = True
