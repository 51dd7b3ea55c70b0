"""Forms of the scanning pages."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import FindingDecision


class FindingDecisionForm(forms.Form):
    """Only the shape of the request; the rules (reason, expiry, who) are the service's (triage)."""

    fingerprint = forms.CharField(max_length=64)
    decision = forms.ChoiceField(label=_("decision"), choices=FindingDecision.Decision.choices)
    reason = forms.CharField(label=_("reason"), required=False)
    expires_on = forms.DateField(label=_("expires on"), required=False)
