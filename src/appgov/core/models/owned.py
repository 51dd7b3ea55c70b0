"""The base of every record an institution owns: scoping is a property of the queryset, not of each caller.

`Model.objects.for_user(user)` is what a user may see; `for_user(user, "change")` narrows it further to what
the user's role may change (an empty queryset when the role may not write that model at all).
Subclasses keep their own `institution` foreign key (or reach the institution through a parent) and name the
lookup in `institution_path`.
"""

from django.db import models

from appgov.core.roles import can_write
from appgov.core.scoping import scope

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
