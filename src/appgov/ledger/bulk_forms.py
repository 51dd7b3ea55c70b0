"""The ledger's bulk-edit form: every field optional, an empty choice leaves the field as it is."""

from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import style_form
from appgov.core.models import Department, Person
from appgov.core.scoping import scope

from .models.choices import Audience

UNCHANGED = _("— leave unchanged —")


class BulkEditForm(forms.Form):
    managing_department = forms.ModelChoiceField(
        Department.objects.none(), label=_("managing department"), required=False, empty_label=UNCHANGED
    )
    data_owner_department = forms.ModelChoiceField(
        Department.objects.none(), label=_("data-owner department"), required=False, empty_label=UNCHANGED
    )
    responsible_person = forms.ModelChoiceField(
        Person.objects.none(), label=_("responsible person"), required=False, empty_label=UNCHANGED
    )
    audience = forms.ChoiceField(label=_("audience"), required=False)
    is_important_system = forms.ChoiceField(label=_("important information system"), required=False)
    vendor = forms.CharField(label=_("outsourcing vendor"), required=False, max_length=200)

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["managing_department"].queryset = scope(Department.objects.all(), user)
        self.fields["data_owner_department"].queryset = scope(Department.objects.all(), user)
        self.fields["responsible_person"].queryset = scope(
            Person.objects.filter(voided_at__isnull=True, left_on__isnull=True), user
        )
        self.fields["audience"].choices = [("", UNCHANGED), *Audience.choices]
        self.fields["is_important_system"].choices = [("", UNCHANGED), ("yes", _("Yes")), ("no", _("No"))]
        self.fields["vendor"].widget.attrs["placeholder"] = str(UNCHANGED)
        style_form(self)

    def changes(self) -> dict:
        """The fields the user chose to set, as the app service takes them."""
        data = {}
        for name, value in self.cleaned_data.items():
            if value in (None, ""):
                continue
            if name == "is_important_system":
                value = value == "yes"
            else:
                value = value.strip() if isinstance(value, str) and name == "vendor" else value
            data[name] = value
        return data
