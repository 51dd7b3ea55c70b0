import re

from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, date_input
from appgov.core.models.fields import TEXT_LIMIT

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


class MobileAppForm(ScopedModelForm):
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
            "original_id",
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
            "mlps_assessed_on": date_input(),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["platforms"].widget.attrs.pop("class", None)


class AppVersionForm(ScopedModelForm):
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
            "release_date": date_input(),
            "support_ends_on": date_input(),
            "privacy_notice_effective_on": date_input(),
            "notes": forms.Textarea(attrs={"rows": 2}),
        }


class ChannelForm(ScopedModelForm):
    class Meta:
        model = Channel
        fields = ["name", "kind", "operator", "url", "qualification_checked_on"]
        widgets = {"qualification_checked_on": date_input()}


class ListingForm(ScopedModelForm):
    class Meta:
        model = Listing
        fields = ["channel", "state", "listed_on", "delisted_on", "url"]
        widgets = {
            "listed_on": date_input(),
            "delisted_on": date_input(),
        }


class PublishingAccountForm(ScopedModelForm):
    class Meta:
        model = PublishingAccount
        fields = ["channel", "account_name", "holder", "holder_name"]


class VulnerabilityForm(ScopedModelForm):
    class Meta:
        model = Vulnerability
        fields = ["title", "severity", "source", "status", "found_on", "fixed_on"]
        widgets = {
            "found_on": date_input(),
            "fixed_on": date_input(),
        }


class GateEvidenceForm(ScopedModelForm):
    item = forms.ChoiceField(label=_("gate item"))

    class Meta:
        model = GateEvidence
        fields = ["item", "reference", "version", "dated_on", "file"]
        widgets = {"dated_on": date_input()}

    def __init__(self, *args, items=(), app=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["version"].queryset = app.versions.all() if app is not None else AppVersion.objects.none()
        self.fields["item"].choices = items
        self.fields["item"].widget.attrs["class"] = "form-select"


class TransitionForm(forms.Form):
    to_state = forms.CharField(max_length=32, widget=forms.HiddenInput)
    note = forms.CharField(
        max_length=TEXT_LIMIT,
        required=False,
        widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
    )


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Ledger spreadsheet (.xlsx)"),
        widget=forms.ClearableFileInput(attrs={"class": "form-control", "accept": ".xlsx"}),
    )
