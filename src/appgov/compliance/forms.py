from django import forms
from django.utils.translation import gettext_lazy

from appgov.core.forms import date_input


class EvidenceForm(forms.Form):
    subject = forms.ChoiceField(label=gettext_lazy("Subject"))
    title = forms.CharField(label=gettext_lazy("Title"), max_length=300)
    effective_on = forms.DateField(label=gettext_lazy("Effective from"), widget=date_input())
    expires_on = forms.DateField(label=gettext_lazy("Expires on"), required=False, widget=date_input())
    link = forms.CharField(label=gettext_lazy("Link or record reference"), required=False, max_length=500)
    file = forms.FileField(label=gettext_lazy("File"), required=False)

    def __init__(self, *args, subjects=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].choices = subjects
        for field in self.fields.values():
            field.widget.attrs["class"] = (
                "form-select" if isinstance(field, forms.ChoiceField) else "form-control"
            )
