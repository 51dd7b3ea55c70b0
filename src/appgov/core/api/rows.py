"""List responses rendered from .values() rows instead of model instances.

A list of 50 apps through a ModelSerializer builds 50 model instances and calls every field's
get_attribute/to_representation on each; this renders the same JSON from plain rows, choosing one
converter per field up front. Only field types whose output is known are accepted, anything else makes
`row_renderer` return None and the caller uses the serializer as usual. tests/test_api_rows.py holds the
output identical to the serializer's.
"""

from collections.abc import Callable

from rest_framework import serializers

Converter = Callable[[object], object]

_AS_IS = (
    serializers.CharField,
    serializers.ChoiceField,
    serializers.BooleanField,
    serializers.JSONField,
    serializers.ListField,
    serializers.IntegerField,
)
_VIA_FIELD = (
    serializers.DateTimeField,
    serializers.DateField,
    serializers.DecimalField,
    serializers.UUIDField,
)


def _converter(field) -> Converter | None:
    if isinstance(field, serializers.PrimaryKeyRelatedField):
        return _identity  # values() gives the related id
    if isinstance(field, serializers.ListField) and not isinstance(field.child, _AS_IS):
        return None
    if isinstance(field, _AS_IS):
        # The serializer coerces (int(), bool(), str(), choices as stored); values() already has these.
        return _identity
    if isinstance(field, _VIA_FIELD):
        return field.to_representation
    return None


def _identity(value):
    return value


def row_renderer(serializer) -> tuple[list[str], Callable[[dict], dict]] | None:
    """(the names to ask .values() for, a function from a values() row to the serializer's output)."""
    model = getattr(getattr(serializer, "Meta", None), "model", None)
    if model is None:
        return None
    columns = {f.name for f in model._meta.concrete_fields}  # a property or method cannot be a values() name
    plan = []
    for name, field in serializer.fields.items():
        if field.write_only:
            continue
        convert = _converter(field)
        if convert is None or field.source not in columns:
            return None
        plan.append((name, field.source, convert))
    sources = [source for _, source, _ in plan]

    def render(row: dict) -> dict:
        out = {}
        for name, source, convert in plan:
            value = row[source]
            out[name] = None if value is None else convert(value)
        return out

    return sources, render
