"""The filter backend and parser every API viewset uses.

Filters declared with `filterset_fields` get ScopedFilterSet as their base, so `?app=<id>` offers only the
records the caller may see: another institution's id and a missing id both answer the same 400 ("not one
of the available choices") instead of 200 [] and 400, which told a caller which ids exist elsewhere."""

from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

from appgov.core.filtersets import ScopedFilterSet


class ScopedFilterBackend(DjangoFilterBackend):
    filterset_base = ScopedFilterSet

    def get_filterset_class(self, view, queryset=None):
        filterset_class = super().get_filterset_class(view, queryset)
        if filterset_class is not None and not issubclass(filterset_class, ScopedFilterSet):
            raise TypeError(f"{view.__class__.__name__}: its filterset must subclass ScopedFilterSet")
        return filterset_class


class BoundedJSONParser(JSONParser):
    """JSON whose nesting exceeds Python's recursion limit is a 400, not a RecursionError."""

    def parse(self, stream, media_type=None, parser_context=None):
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("JSON parse error - the document is nested too deeply.")) from None
