from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, style_form

from .models import PolicyCorrection


class PolicyUploadForm(forms.Form):
    file = forms.FileField(label=_("Privacy policy (HTML, PDF or text)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class CorrectionForm(ScopedModelForm):
    class Meta:
        model = PolicyCorrection
        fields = ["field", "code", "action", "clause", "reason"]
