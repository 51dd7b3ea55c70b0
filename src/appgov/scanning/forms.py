"""Forms of the scanning pages. They only collect values: the services validate and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import style_form
from appgov.core.models.fields import TEXT_LIMIT

from .models import FindingDecision

YARA_FILE_LIMIT = 1024 * 1024


class ScanProfileForm(forms.Form):
    allowed_domains = forms.CharField(
        max_length=TEXT_LIMIT,
        label=_("allowed domains"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("One domain per line; a domain allows its subdomains too."),
    )
    check_links = forms.BooleanField(label=_("probe embedded links (dead links)"), required=False)
    yara_rules = forms.CharField(
        max_length=1_000_000,  # the model field's bound
        label=_("malicious-code rules (YARA)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 8, "class": "form-control font-monospace"}),
    )
    yara_file = forms.FileField(
        label=_("or upload a rules file (.yar)"),
        required=False,
        help_text=_("An uploaded file replaces the rules above."),
    )
    validity_days = forms.IntegerField(label=_("a scan counts for (days)"), min_value=1, max_value=3650)
    min_target_sdk = forms.IntegerField(
        label=_("minimum Android target SDK"), required=False, min_value=1, max_value=100
    )

    def __init__(self, *args, profile=None, **kwargs):
        if profile is not None and not kwargs.get("data") and not args:
            kwargs["initial"] = {
                "allowed_domains": "\n".join(profile.allowed_domains or []),
                "check_links": profile.check_links,
                "yara_rules": profile.yara_rules,
                "validity_days": profile.validity_days,
                "min_target_sdk": profile.min_target_sdk,
            }
        kwargs.setdefault("initial", {}).setdefault("validity_days", 90)
        super().__init__(*args, **kwargs)
        style_form(self)

    def clean_yara_file(self):
        upload = self.cleaned_data.get("yara_file")
        if not upload:
            return None
        if upload.size > YARA_FILE_LIMIT:
            raise forms.ValidationError(_("A rules file may be at most 1 MB."))
        try:
            return upload.read().decode("utf-8")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(
                _("The rules file is not UTF-8 text (byte %(at)d).") % {"at": exc.start}
            ) from None

    def service_data(self) -> dict:
        data = self.cleaned_data
        return {
            "allowed_domains": [line for line in data["allowed_domains"].splitlines() if line.strip()],
            "check_links": data["check_links"],
            "yara_rules": data["yara_file"] if data.get("yara_file") is not None else data["yara_rules"],
            "validity_days": data["validity_days"],
            "min_target_sdk": data["min_target_sdk"],
        }


class PrivacyInventoryForm(forms.Form):
    categories = forms.MultipleChoiceField(
        label=_("declared personal information"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["categories"].choices = list(choices)


class FindingDecisionForm(forms.Form):
    """Only the shape of the request; the rules (reason, expiry, who) are the service's (triage)."""

    fingerprint = forms.CharField(max_length=64)
    decision = forms.ChoiceField(label=_("decision"), choices=FindingDecision.Decision.choices)
    reason = forms.CharField(max_length=TEXT_LIMIT, label=_("reason"), required=False)
    expires_on = forms.DateField(label=_("expires on"), required=False)
