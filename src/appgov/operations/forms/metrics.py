from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, style_form

from ..models import Breach, Threshold


class MetricFileForm(forms.Form):
    file = forms.FileField(label=_("file (CSV, XLSX or JSON Lines)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class ThresholdForm(ScopedModelForm):
    class Meta:
        model = Threshold
        fields = ["name", "metric", "comparison", "limit", "period", "aggregate", "active", "note"]


class HandleBreachForm(forms.Form):
    handling = forms.CharField(
        label=Breach._meta.get_field("handling").verbose_name,
        max_length=Breach._meta.get_field("handling").max_length,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)
