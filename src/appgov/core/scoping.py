"""Every queryset a user reaches goes through `scope`: institution users see their institution,
regulator examiners the institutions of their office and the offices below it, everyone else nothing.

Models declare `institution_path`: the lookup from the model to its Institution ("" for Institution).
Regulator-owned models (core.models.owned.OfficeOwned) declare `office_path` instead: the lookup to the owning
RegulatorOffice; a regulator user sees the records of their office and the offices below it, nobody else any.
"""

from django.core.exceptions import ImproperlyConfigured
from django.db.models import QuerySet


def institution_lookup(model) -> str:
    path = getattr(model, "institution_path", None)
    if path is None:
        raise ImproperlyConfigured(f"{model._meta.label} has no institution_path and cannot be scoped")
    return "pk" if path == "" else f"{path}_id"


def office_lookup(model) -> str:
    return f"{model.office_path}_id"


def scope(queryset: QuerySet, user) -> QuerySet:
    if user is None or not user.is_authenticated or not user.is_active:
        return queryset.none()
    if getattr(queryset.model, "office_path", None):
        if not getattr(user, "is_regulator", False):
            return queryset.none()
        return queryset.filter(
            **{f"{office_lookup(queryset.model)}__in": user.regulator_office.descendant_ids()}
        )
    ids = user.jurisdiction_institution_ids()
    if not ids:
        return queryset.none()
    lookup = institution_lookup(queryset.model)
    if len(ids) == 1:
        return queryset.filter(**{lookup: ids[0]})
    return queryset.filter(**{f"{lookup}__in": ids})


def scoped(model, user) -> QuerySet:
    return scope(model._default_manager.all(), user)
