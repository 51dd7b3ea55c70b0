"""The one base of every edit form: Bootstrap classes, foreign-key choices limited to the user's scope, and date
and time widgets that render ISO values (what <input type=date> accepts, whatever the user's locale)."""

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models
from django.db.models import Q

from appgov.core.models.voidable import voidable
from appgov.core.scoping import scope

# <input type="date|datetime-local|time"> accepts only these; a localized value (2026/06/10) shows empty and is
# saved back as null.
ISO_FORMATS = {
    forms.DateTimeInput: "%Y-%m-%dT%H:%M:%S",
    forms.DateInput: "%Y-%m-%d",
    forms.TimeInput: "%H:%M",
}
INPUT_TYPES = {forms.DateTimeInput: "datetime-local", forms.DateInput: "date", forms.TimeInput: "time"}


def date_input() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format=ISO_FORMATS[forms.DateInput])


def datetime_input() -> forms.DateTimeInput:
    return forms.DateTimeInput(
        attrs={"type": "datetime-local", "step": "1"}, format=ISO_FORMATS[forms.DateTimeInput]
    )


def time_input() -> forms.TimeInput:
    return forms.TimeInput(attrs={"type": "time"}, format=ISO_FORMATS[forms.TimeInput])


def style_form(form) -> None:
    """Bootstrap classes on every widget; ISO formats on every date, datetime and time widget."""
    for field in form.fields.values():
        widget = field.widget
        for kind, fmt in ISO_FORMATS.items():
            if isinstance(widget, kind):
                widget.format = fmt
                widget.attrs.setdefault("type", INPUT_TYPES[kind])
                if kind is forms.DateTimeInput:
                    widget.attrs.setdefault(
                        "step", "1"
                    )  # seconds shown, so an unchanged value stays unchanged
                    if "%Y-%m-%dT%H:%M" not in (field.input_formats or []):
                        field.input_formats = [
                            "%Y-%m-%dT%H:%M:%S",
                            "%Y-%m-%dT%H:%M",
                            *(field.input_formats or []),
                        ]
                break
        if isinstance(widget, forms.CheckboxInput):
            widget.attrs.setdefault("class", "form-check-input")
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            widget.attrs.setdefault("class", "form-select")
        elif not isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
            widget.attrs.setdefault("class", "form-control")


def _stored_pks(value) -> list:
    values = value if isinstance(value, list | tuple) else [value]
    return [getattr(v, "pk", v) for v in values if v is not None and str(getattr(v, "pk", v)).isdigit()]


class ScopedModelForm(forms.ModelForm):
    """Foreign-key choices limited to what the user may see, styled, ISO date widgets."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for name, field in self.fields.items():
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = scope(field.queryset, user)
                if voidable(field.queryset.model):
                    # a voided row (a mistaken entry) is never offered; the value already stored stays
                    keep = _stored_pks(self.initial.get(name))
                    field.queryset = field.queryset.filter(Q(voided_at__isnull=True) | Q(pk__in=keep))
        style_form(self)

    def clean(self):
        """A field the user did not change keeps the stored value exactly (a datetime's microseconds, which no
        input shows, included): saving an unchanged form changes nothing."""
        cleaned = super().clean()
        if self.instance.pk is not None:
            columns = {
                f.name for f in self.instance._meta.concrete_fields if not isinstance(f, models.FileField)
            }
            changed = set(self.changed_data)
            for name in list(cleaned):
                if name in columns and name not in changed:
                    cleaned[name] = getattr(self.instance, name)
        return cleaned

    def add_error(self, field, error):
        """The model's clean() may name a field the form does not show: such errors become form-wide messages
        instead of a ValueError."""
        if field is None and isinstance(error, ValidationError) and hasattr(error, "error_dict"):
            known = {k: v for k, v in error.error_dict.items() if k in self.fields or k == NON_FIELD_ERRORS}
            other = [
                message
                for name, errors in error.error_dict.items()
                if name not in known
                for message in ValidationError(errors).messages
            ]
            if other:
                super().add_error(None, other)
            if known:
                super().add_error(None, ValidationError(known))
            return
        super().add_error(field, error)
