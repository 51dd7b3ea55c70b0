"""Forms of the institution administrator's pages: the institution's licensed scope, departments, people and
user accounts."""

from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, date_input, style_form
from appgov.core.models import Department, Institution, Person

from .models import User
from .services import INSTITUTION_ROLES


class LinesField(forms.CharField):
    """A list of short texts, one per line (or separated by commas or 、)."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        import re

        parts = re.split(r"[\n,，;；、]+", super().to_python(value) or "")
        seen = []
        for part in (p.strip() for p in parts):
            if part and part not in seen:
                seen.append(part)
        return seen


class InstitutionScopeForm(ScopedModelForm):
    licensed_business_lines = LinesField(
        label=_("licensed business scope"),
        required=False,
        help_text=_(
            "One business line per line, in the words the apps' business lines use (NFRA-05.2 compares them)."
        ),
    )
    licensed_regions = LinesField(
        label=_("licensed regions"),
        required=False,
        help_text=_("One region per line, e.g. 浙江省; write 全国 for a nationwide licence."),
    )

    class Meta:
        model = Institution
        fields = [
            "licensed_business_lines",
            "licensed_regions",
            "leading_department",
            "planned_app_ceiling",
            "time_zone",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["leading_department"].queryset = Department.objects.filter(institution=self.instance)


class DepartmentForm(ScopedModelForm):
    class Meta:
        model = Department
        fields = ["code", "name", "kind"]


class PersonForm(ScopedModelForm):
    class Meta:
        model = Person
        fields = [
            "employee_no",
            "name",
            "department",
            "position",
            "is_senior_management",
            "email",
            "phone",
            "active_from",
            "left_on",
        ]
        widgets = {"active_from": date_input(), "left_on": date_input()}


class UserForm(ScopedModelForm):
    role = forms.ChoiceField(label=_("role"), choices=INSTITUTION_ROLES)

    class Meta:
        model = User
        fields = ["username", "last_name", "first_name", "email", "department", "role", "is_active"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["username"].disabled = True
            self.fields["username"].help_text = ""
        else:
            self.fields.pop("is_active")
            self.fields["password"] = forms.CharField(
                label=_("initial password"),
                widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
                help_text=_("At least 12 characters; give it to the user, who changes it after signing in."),
            )
            style_form(self)


class PasswordSetForm(forms.Form):
    password = forms.CharField(
        max_length=4096,  # hashed, never stored as text; bounded like every other input
        label=_("new password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("At least 12 characters; give it to the user, who changes it after signing in."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)
