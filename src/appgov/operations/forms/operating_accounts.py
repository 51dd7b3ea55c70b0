"""Forms of the publishing and operating accounts and their reviews (NFRA-09.2); owners and administrators are
chosen among the people still employed."""

from appgov.core.forms import ScopedModelForm, date_input
from appgov.core.models import Person

from ..models import (
    AccountReview,
    OperatingAccount,
)


def _employed(form, *names):
    for name in names:
        if name in form.fields:
            form.fields[name].queryset = form.fields[name].queryset.filter(
                left_on__isnull=True
            ) | Person.objects.filter(pk=getattr(form.instance, f"{name}_id", None) or 0)


class AccountForm(ScopedModelForm):
    class Meta:
        model = OperatingAccount
        fields = [
            "app",
            "kind",
            "publishing_account",
            "system",
            "account_name",
            "owner",
            "second_admin",
            "review_every_days",
            "note",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        _employed(self, "owner", "second_admin")


class ReviewForm(ScopedModelForm):
    class Meta:
        model = AccountReview
        fields = ["account", "reviewed_on", "reviewer", "outcome", "note"]
        widgets = {"reviewed_on": date_input()}
