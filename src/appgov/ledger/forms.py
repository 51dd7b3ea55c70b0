import re

from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.scoping import scope

from .models import AppVersion, Channel, GateEvidence, Listing, MobileApp, PublishingAccount, Vulnerability
from .models.choices import Platform

LIST_SEPARATORS = re.compile(r"[\n,，;；、]+")


def split_list(text: str) -> list[str]:
    return [part.strip() for part in LIST_SEPARATORS.split(text or "") if part.strip()]


class ListField(forms.CharField):
    """A list of short texts typed one per line (or separated by commas / 、)."""

    widget = forms.Textarea(attrs={"rows": 2})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return split_list(super().to_python(value))


class StyledModelForm(forms.ModelForm):
    """Bootstrap classes on every widget and foreign-key choices limited to the user's scope."""

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if isinstance(field, forms.ModelChoiceField):
                field.queryset = scope(field.queryset, user)
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "form-check-input")
            elif isinstance(widget, forms.Select | forms.SelectMultiple):
                widget.attrs.setdefault("class", "form-select")
            else:
                widget.attrs.setdefault("class", "form-control")


class MobileAppForm(StyledModelForm):
    platforms = forms.MultipleChoiceField(
        label=_("platforms"), choices=Platform.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    android_packages = ListField(label=_("Android package names"), required=False)
    ios_bundle_ids = ListField(label=_("iOS bundle ids"), required=False)
    harmony_bundle_names = ListField(label=_("HarmonyOS bundle names"), required=False)
    mini_program_appids = ListField(label=_("mini-program AppIDs"), required=False)
    business_lines = ListField(label=_("business lines"), required=False)
    regions = ListField(label=_("regions served"), required=False)

    class Meta:
        model = MobileApp
        fields = [
            "code",
            "name",
            "kind",
            "audience",
            "platforms",
            "android_packages",
            "ios_bundle_ids",
            "harmony_bundle_names",
            "mini_program_appids",
            "managing_department",
            "responsible_person",
            "data_owner_department",
            "business_lines",
            "regions",
            "nationwide_basis",
            "partner",
            "partner_contract_ref",
            "vendor",
            "is_important_system",
            "mlps_level",
            "mlps_assessed_on",
            "icp_filing_no",
            "app_filing_no",
            "privacy_policy_url",
            "complaint_channel",
            "description",
        ]
        widgets = {
            "mlps_assessed_on": forms.DateInput(attrs={"type": "date"}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platforms"].widget.attrs.pop("class", None)


class AppVersionForm(StyledModelForm):
    package_file = forms.FileField(label=_("package file"), required=False)

    class Meta:
        model = AppVersion
        fields = [
            "platform",
            "version_name",
            "version_code",
            "release_date",
            "support_status",
            "support_ends_on",
            "min_os_version",
            "change_report_ref",
            "privacy_notice_url",
            "privacy_notice_effective_on",
            "notes",
        ]
        widgets = {
            "release_date": forms.DateInput(attrs={"type": "date"}),
            "support_ends_on": forms.DateInput(attrs={"type": "date"}),
            "privacy_notice_effective_on": forms.DateInput(attrs={"type": "date"}),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class ChannelForm(StyledModelForm):
    class Meta:
        model = Channel
        fields = ["name", "kind", "operator", "url", "qualification_checked_on"]
        widgets = {"qualification_checked_on": forms.DateInput(attrs={"type": "date"})}


class ListingForm(StyledModelForm):
    class Meta:
        model = Listing
        fields = ["channel", "state", "listed_on", "delisted_on", "url"]
        widgets = {
            "listed_on": forms.DateInput(attrs={"type": "date"}),
            "delisted_on": forms.DateInput(attrs={"type": "date"}),
        }


class PublishingAccountForm(StyledModelForm):
    class Meta:
        model = PublishingAccount
        fields = ["channel", "account_name", "holder", "holder_name"]


class VulnerabilityForm(StyledModelForm):
    class Meta:
        model = Vulnerability
        fields = ["title", "severity", "source", "status", "found_on", "fixed_on"]
        widgets = {
            "found_on": forms.DateInput(attrs={"type": "date"}),
            "fixed_on": forms.DateInput(attrs={"type": "date"}),
        }


class GateEvidenceForm(StyledModelForm):
    item = forms.ChoiceField(label=_("gate item"))

    class Meta:
        model = GateEvidence
        fields = ["item", "reference", "version", "dated_on", "file"]
        widgets = {"dated_on": forms.DateInput(attrs={"type": "date"})}

    def __init__(self, *args, items=(), app=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = app.versions.all() if app is not None else AppVersion.objects.none()
        self.fields["item"].choices = items
        self.fields["item"].widget.attrs["class"] = "form-select"


class TransitionForm(forms.Form):
    to_state = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(
        required=False, widget=forms.TextInput(attrs={"class": "form-control form-control-sm"})
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Ledger spreadsheet (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )
