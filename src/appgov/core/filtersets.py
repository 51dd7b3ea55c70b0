import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.models.voidable import voidable
from appgov.core.params import as_id
from appgov.core.scoping import scope

MODEL_FILTERS = (django_filters.ModelChoiceFilter, django_filters.ModelMultipleChoiceFilter)


def _unchanged(queryset, name, value):
    return queryset  # the views leave voided rows out unless asked; this filter is the page's checkbox


class ScopedFilterSet(django_filters.FilterSet):
    """Choices of every model filter are limited to what the requesting user may see; the form's widgets
    carry Bootstrap's classes, so a template can print a filter field as it is."""

    def __init__(self, data=None, queryset=None, *, request=None, **kwargs):
        super().__init__(data, queryset, request=request, **kwargs)
        user = getattr(request, "user", None)
        if voidable(self._meta.model) and "show_voided" not in self.filters:
            # the list views leave voided rows out unless this is ticked (core.models.voidable)
            self.filters["show_voided"] = django_filters.BooleanFilter(
                label=_("Show voided"), field_name="voided_at", method=_unchanged, widget=forms.CheckboxInput
            )
        for name, f in self.filters.items():
            if isinstance(f, MODEL_FILTERS):
                f.queryset = scope(f.queryset.model._default_manager.all(), user)
                self._bound_ids(name)

    def _bound_ids(self, name: str) -> None:
        """A record number beyond any database's range would overflow the query (a 500 on SQLite): it is
        replaced by 0, which no record has, so the filter answers "not one of the available choices"."""
        if self.data is None or name not in self.data or not hasattr(self.data, "getlist"):
            return
        values = self.data.getlist(name)
        if all(as_id(v) is not None or not str(v).strip().isdigit() for v in values):
            return
        self.data = self.data.copy()
        self.data.setlist(
            name, [v if as_id(v) is not None or not str(v).strip().isdigit() else "0" for v in values]
        )

    @property
    def form(self):
        form = super().form
        if not getattr(form, "styled", False):
            for field in form.fields.values():
                widget = field.widget
                if isinstance(widget, forms.NullBooleanSelect):
                    widget.choices = [("unknown", _("All")), ("true", _("Yes")), ("false", _("No"))]
                elif getattr(field, "empty_label", None) == "---------":
                    field.empty_label = _("All")
                    if hasattr(field, "widget") and hasattr(field.widget, "choices"):
                        field.widget.choices = field.choices
                if isinstance(widget, forms.CheckboxInput):
                    css = "form-check-input"
                elif isinstance(widget, forms.Select):
                    css = "form-select form-select-sm"
                else:
                    css = "form-control form-control-sm"
                widget.attrs.setdefault("class", css)
                if isinstance(widget, forms.SelectMultiple):
                    widget.attrs.setdefault("size", 3)
            form.styled = True
        return form
