from django import forms
from django.utils.translation import gettext_lazy as _

from appgov.core.forms import ScopedModelForm, date_input, datetime_input, style_form, time_input
from appgov.core.models import Department, Person
from appgov.core.models.fields import TEXT_LIMIT
from appgov.core.scoping import scoped

from .models import (
    Authorization,
    BulkDataRequest,
    CalendarDay,
    Complaint,
    CreditAppConnection,
    DissentCase,
    Kiosk,
    SecurityReport,
    StaffSubject,
    WorkingHours,
)
from .policy import role_choices

DATE = date_input()
DATETIME = datetime_input()
TIME = time_input()


class AccountRequestForm(forms.Form):
    operator_id = forms.CharField(label=_("credit-system user id"), max_length=64)
    person = forms.ModelChoiceField(label=_("holder"), queryset=Person.objects.none())
    branch = forms.ModelChoiceField(label=_("branch"), queryset=Department.objects.none())
    role = forms.ChoiceField(label=_("role template"), choices=role_choices)
    reason = forms.CharField(
        max_length=TEXT_LIMIT, label=_("reason"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = scoped(Person, user).filter(
            left_on__isnull=True, voided_at__isnull=True
        )
        self.fields["branch"].queryset = scoped(Department, user)
        style_form(self)


class ChangeRequestForm(forms.Form):
    action = forms.ChoiceField(
        label=_("change"),
        choices=[("disable", _("Disable")), ("enable", _("Re-enable")), ("change_role", _("Change role"))],
    )
    new_role = forms.ChoiceField(
        label=_("new role template"), choices=[("", "—"), *role_choices()], required=False
    )
    reason = forms.CharField(
        max_length=TEXT_LIMIT, label=_("reason"), widget=forms.Textarea(attrs={"rows": 2})
    )


class DecisionForm(forms.Form):
    note = forms.CharField(
        max_length=TEXT_LIMIT, label=_("note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class DispositionForm(forms.Form):
    disposition = forms.ChoiceField(
        label=_("disposition"),
        # no default: a reviewer must choose, or the alert stays open
        choices=[
            ("", _("— choose a disposition —")),
            ("false_positive", _("False positive")),
            ("confirmed", _("Violation confirmed")),
            ("escalated", _("Escalated")),
        ],
    )
    comment = forms.CharField(
        max_length=TEXT_LIMIT, label=_("review comment"), widget=forms.Textarea(attrs={"rows": 2})
    )


class CloseDayForm(forms.Form):
    conclusion = forms.CharField(
        max_length=TEXT_LIMIT, label=_("review conclusion"), widget=forms.Textarea(attrs={"rows": 2})
    )


class NoQueriesForm(forms.Form):
    """A working day without a log on which the credit officer established that no query was made."""

    day = forms.DateField(label=_("day without queries"), widget=date_input())
    conclusion = forms.CharField(
        max_length=TEXT_LIMIT,
        label=_("how it was established"),
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("e.g. the credit system's query statistics for the day show zero"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class UploadForm(forms.Form):
    table = forms.ChoiceField(
        label=_("table"),
        choices=[
            ("query_events", _("Query log")),
            ("credit_relationships", _("Credit relationships")),
            ("loan_applications", _("Loan and card applications")),
        ],
    )
    file = forms.FileField(label=_("CSV or Parquet file"))


class AuthorizationForm(ScopedModelForm):
    class Meta:
        model = Authorization
        fields = [
            "authorization_no",
            "subject_pseudonym",
            "purpose",
            "signed_at",
            "valid_from",
            "valid_to",
            "branch",
            "scanned_file",
        ]
        widgets = {"signed_at": DATETIME, "valid_from": DATETIME, "valid_to": DATETIME}


class KioskForm(ScopedModelForm):
    class Meta:
        model = Kiosk
        fields = [
            "terminal_id",
            "branch",
            "location",
            "network_segment",
            "open_from",
            "open_to",
            "supplier",
            "contract_reference",
            "confidentiality_clause",
            "owner",
            "kiosk_account",
            "in_service",
        ]
        widgets = {"open_from": TIME, "open_to": TIME}


class BulkRequestForm(ScopedModelForm):
    class Meta:
        model = BulkDataRequest
        fields = ["reference", "purpose", "data_scope", "recipient", "requested_on", "retention_until"]
        widgets = {
            "requested_on": DATE,
            "retention_until": DATE,
            "purpose": forms.Textarea(attrs={"rows": 2}),
            "data_scope": forms.Textarea(attrs={"rows": 2}),
        }


class DissentForm(ScopedModelForm):
    class Meta:
        model = DissentCase
        fields = [
            "reference",
            "subject_pseudonym",
            "received_on",
            "marked_on",
            "content",
            "branch",
            "security_lead",
        ]
        widgets = {"received_on": DATE, "marked_on": DATE, "content": forms.Textarea(attrs={"rows": 2})}


class DissentAnswerForm(forms.Form):
    answered_on = forms.DateField(label=_("answered in writing on"), widget=DATE)
    outcome = forms.CharField(
        max_length=TEXT_LIMIT, label=_("outcome"), widget=forms.Textarea(attrs={"rows": 2})
    )
    documents_issued = forms.CharField(label=_("documents issued"), max_length=300)


class ComplaintForm(ScopedModelForm):
    class Meta:
        model = Complaint
        fields = [
            "reference",
            "received_on",
            "channel",
            "summary",
            "extended_until",
            "extension_approval",
            "security_lead",
            "investigation_note",
        ]
        widgets = {
            "received_on": DATE,
            "extended_until": DATE,
            "summary": forms.Textarea(attrs={"rows": 2}),
            "investigation_note": forms.Textarea(attrs={"rows": 2}),
        }


class ReportForm(ScopedModelForm):
    class Meta:
        model = SecurityReport
        fields = [
            "kind",
            "period_start",
            "period_end",
            "submitted_on",
            "submitted_to",
            "reference",
            "issues_found",
            "file",
        ]
        widgets = {"period_start": DATE, "period_end": DATE, "submitted_on": DATE}


class PasswordChangeForm(forms.Form):
    password_changed_at = forms.DateTimeField(label=_("password changed at"), widget=DATETIME)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class ReasonForm(forms.Form):
    """The date and reason of a retirement, withdrawal or end of approval."""

    on = forms.DateField(label=_("with effect from"), widget=DATE, required=False)
    reason = forms.CharField(
        max_length=TEXT_LIMIT, label=_("reason"), widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class WorkingHoursForm(ScopedModelForm):
    class Meta:
        model = WorkingHours
        fields = ["branch", "weekday", "is_workday", "work_start", "work_end"]
        widgets = {"work_start": TIME, "work_end": TIME}


class CalendarDayForm(ScopedModelForm):
    class Meta:
        model = CalendarDay
        fields = ["date", "branch", "is_workday", "work_start", "work_end", "name"]
        widgets = {"date": DATE, "work_start": TIME, "work_end": TIME}

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.user = user
        self.fields["work_start"].help_text = _("Empty on a working day: the standard Monday hours.")

    def clean(self):
        data = super().clean()
        if data.get("is_workday") and data.get("work_start") is None and data.get("work_end") is None:
            from .workcalendar import standard_hours

            if self.user is not None and self.user.institution_id:
                start, end = standard_hours(self.user.institution, data.get("branch"))
                data["work_start"], data["work_end"] = start, end
        return data


class CalendarImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        style_form(self)


class StaffSubjectForm(ScopedModelForm):
    class Meta:
        model = StaffSubject
        fields = ["person", "subject_pseudonym"]


class AppConnectionForm(ScopedModelForm):
    class Meta:
        model = CreditAppConnection
        fields = ["app", "client_app_id", "approval_reference", "approved_from", "approved_to"]
        widgets = {"approved_from": DATE, "approved_to": DATE}
