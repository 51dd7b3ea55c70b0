"""Editing the registers, their retire / withdraw / end / delete steps, the working calendar, the staff
subject ids (Q10) and the apps connected to the credit system (Q04), and password changes (Q13).

Every write goes through credit.services / credit.workcalendar (core.save: validated, change-logged);
only the write roles of the owning institution get past `require`, everyone else reads."""

import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from appgov.core.models import Person
from appgov.core.params import int_param
from appgov.core.scoping import scoped
from appgov.core.views.helpers import apply_service_errors, get_scoped, history_entries

from .. import services, workcalendar
from ..forms import (
    AppConnectionForm,
    AuthorizationForm,
    BulkRequestForm,
    CalendarDayForm,
    CalendarImportForm,
    ComplaintForm,
    DissentForm,
    KioskForm,
    PasswordChangeForm,
    ReasonForm,
    ReportForm,
    StaffSubjectForm,
    WorkingHoursForm,
)
from ..models import (
    WEEKDAYS,
    Authorization,
    BulkDataRequest,
    CalendarDay,
    Complaint,
    CreditAccount,
    CreditAppConnection,
    DissentCase,
    Kiosk,
    SecurityReport,
    StaffSubject,
    WorkingHours,
)
from .common import attempt, require, writer


@dataclass(frozen=True)
class Editable:
    model: type
    form: type
    list_url: str
    title: object
    save: object = None  # the service that saves an edited entry (default services.edit_entry)
    action: str = ""  # "retire", "withdraw", "end" or "delete"
    action_label: object = ""


EDITABLE = {
    "authorization": Editable(
        Authorization,
        AuthorizationForm,
        "credit:authorization-list",
        gettext_lazy("Authorisation"),
        action="withdraw",
        action_label=gettext_lazy("Withdraw the authorisation"),
    ),
    "kiosk": Editable(
        Kiosk,
        KioskForm,
        "credit:kiosk-list",
        gettext_lazy("Self-service kiosk"),
        action="retire",
        action_label=gettext_lazy("Take out of service"),
    ),
    "bulk": Editable(BulkDataRequest, BulkRequestForm, "credit:bulk-list", gettext_lazy("Bulk-data request")),
    "dissent": Editable(DissentCase, DissentForm, "credit:dissent-list", gettext_lazy("Dissent case")),
    "complaint": Editable(Complaint, ComplaintForm, "credit:complaint-list", gettext_lazy("Complaint")),
    "report": Editable(
        SecurityReport, ReportForm, "credit:report-list", gettext_lazy("Rules filing or report")
    ),
    "staff": Editable(
        StaffSubject,
        StaffSubjectForm,
        "credit:staff-list",
        gettext_lazy("Staff credit subject"),
        save=services.save_staff_subject,
        action="delete",
        action_label=gettext_lazy("Remove the entry"),
    ),
    "app": Editable(
        CreditAppConnection,
        AppConnectionForm,
        "credit:app-list",
        gettext_lazy("App connection to the credit system"),
        save=services.save_app_connection,
        action="end",
        action_label=gettext_lazy("End the connection"),
    ),
    "hours": Editable(
        WorkingHours,
        WorkingHoursForm,
        "credit:calendar",
        gettext_lazy("Working hours"),
        save=workcalendar.save_hours,
        action="delete",
        action_label=gettext_lazy("Delete"),
    ),
    "day": Editable(
        CalendarDay,
        CalendarDayForm,
        "credit:calendar",
        gettext_lazy("Calendar exception"),
        save=workcalendar.save_day,
        action="delete",
        action_label=gettext_lazy("Delete"),
    ),
}


def _label(spec: Editable) -> str:
    return spec.model._meta.model_name


@login_required
def entry_edit(request, kind, pk):
    spec = EDITABLE[kind]
    obj = get_scoped(spec.model, request.user, pk=pk)
    require(request.user, _label(spec))
    refusal = services.edit_refusal(obj)
    form = None
    if refusal:
        if request.method == "POST":
            messages.error(request, refusal)
    else:
        form = spec.form(request.POST or None, request.FILES or None, instance=obj, user=request.user)
    if form is not None and request.method == "POST" and form.is_valid():
        edited = form.save(commit=False)
        try:
            (spec.save or services.edit_entry)(edited, request.user)
        except ValidationError as exc:
            apply_service_errors(request, form, exc)
        else:
            messages.success(request, _("%(object)s saved.") % {"object": edited})
            return redirect(spec.list_url)
    fresh = spec.model._default_manager.get(pk=obj.pk)  # the stored state, not the form's edits
    return render(
        request,
        "credit/edit.html",
        {
            "obj": fresh,
            "form": form,
            "refusal": refusal,
            "title": spec.title,
            "back": reverse(spec.list_url),
            "action": spec.action,
            "action_label": spec.action_label,
            "action_url": reverse(f"credit:{kind}-{spec.action}", args=[obj.pk]) if spec.action else "",
            "action_form": ReasonForm(initial={"on": timezone.localdate()}),
            "history": history_entries(fresh),
        },
    )


@login_required
@require_POST
def entry_action(request, kind, pk):
    spec = EDITABLE[kind]
    obj = get_scoped(spec.model, request.user, pk=pk)
    require(request.user, _label(spec))
    back = reverse(f"credit:{kind}-edit", args=[obj.pk])
    form = ReasonForm(request.POST)
    if spec.action != "delete" and not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    data = form.cleaned_data if form.is_valid() else {}
    on = data.get("on") or timezone.localdate()
    reason = data.get("reason", "")

    def when():
        if on == timezone.localdate():
            return timezone.now()
        return timezone.make_aware(datetime.datetime.combine(on, datetime.time()))

    actions = {
        "withdraw": lambda: services.withdraw_authorization(obj, when(), reason, request.user),
        "retire": lambda: services.retire_kiosk(obj, on, reason, request.user),
        "end": lambda: services.end_app_connection(obj, on, reason, request.user),
        "delete": lambda: (
            services.delete_staff_subject(obj, request.user)
            if kind == "staff"
            else workcalendar.delete_entry(obj, request.user)
        ),
    }
    result = attempt(request, actions[spec.action], _("Done."), back)
    if hasattr(result, "status_code"):
        return result
    return redirect(spec.list_url)


@login_required
@require_POST
def account_password(request, pk):
    account = get_scoped(CreditAccount, request.user, pk=pk)
    require(request.user, "creditaccount")
    form = PasswordChangeForm(request.POST)
    back = account.get_absolute_url()
    if not form.is_valid():
        messages.error(request, "；".join(e for errors in form.errors.values() for e in errors))
        return redirect(back)
    attempt(
        request,
        lambda: services.record_password_change(
            account, form.cleaned_data["password_changed_at"], request.user
        ),
        _("Password change recorded."),
        back,
    )
    return redirect(back)


# ---------- the working calendar ----------


@login_required
def calendar(request):
    user, today = request.user, timezone.localdate()
    year = int_param(request, "year", today.year, minimum=1900, maximum=2200)
    can_write = writer(user, "calendarday")
    which = request.POST.get("form", "") if request.method == "POST" else ""
    hours_form = WorkingHoursForm(request.POST if which == "hours" else None, prefix="hours", user=user)
    day_form = CalendarDayForm(request.POST if which == "day" else None, prefix="day", user=user)
    import_form = CalendarImportForm(
        request.POST if which == "import" else None, request.FILES if which == "import" else None
    )
    import_errors = []
    if request.method == "POST":
        require(user, "calendarday")
        require(user, "workinghours")
        done = None
        if which in ("hours", "day"):
            form = hours_form if which == "hours" else day_form
            if form.is_valid():
                obj = form.save(commit=False)
                obj.institution_id = user.institution_id
                try:
                    (workcalendar.save_hours if which == "hours" else workcalendar.save_day)(obj, user)
                except ValidationError as exc:
                    apply_service_errors(request, form, exc)
                else:
                    done = _("%(object)s saved.") % {"object": obj}
        elif which in ("import", "prc2026"):
            try:
                if which == "prc2026":
                    result = workcalendar.load_prc_holidays(user.institution, user)
                elif import_form.is_valid():
                    upload = import_form.cleaned_data["file"]
                    result = workcalendar.import_upload(user.institution, upload, user)
                else:
                    result = None
            except ValidationError as exc:
                import_errors = exc.messages
                messages.error(
                    request, _("Nothing was imported: %(count)d problems.") % {"count": len(exc.messages)}
                )
            else:
                if result is not None:
                    done = _("Imported: %(created)d new, %(updated)d changed, %(unchanged)d unchanged.") % {
                        "created": result.created,
                        "updated": result.updated,
                        "unchanged": result.unchanged,
                    }
        if done:
            messages.success(request, done)
            return redirect(f"{reverse('credit:calendar')}?year={year}")
    hours = scoped(WorkingHours, user).select_related("branch", "institution")
    days = scoped(CalendarDay, user).filter(date__year=year).select_related("branch", "institution")
    return render(
        request,
        "credit/calendar.html",
        {
            "hours": hours,
            "days": days,
            "year": year,
            "years": [year - 1, year, year + 1],
            "hours_form": hours_form if can_write else None,
            "day_form": day_form if can_write else None,
            "import_form": import_form if can_write else None,
            "import_errors": import_errors,
            "weekdays": WEEKDAYS,
            "default_start": workcalendar._default_hours()[0],
            "default_end": workcalendar._default_hours()[1],
        },
    )


# ---------- staff subject ids (Q10) and connected apps (Q04) ----------


@login_required
def staff_list(request):
    user = request.user
    form = StaffSubjectForm(request.POST or None, user=user) if writer(user, "staffsubject") else None
    if form is not None:
        taken = StaffSubject.objects.values_list("person_id", flat=True)
        form.fields["person"].queryset = form.fields["person"].queryset.exclude(pk__in=taken)
    if request.method == "POST":
        require(user, "staffsubject")
        if form.is_valid():
            try:
                services.save_staff_subject(form.save(commit=False), user)
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(request, _("Staff credit subject saved."))
                return redirect("credit:staff-list")
    subjects = scoped(StaffSubject, user).select_related("person__department", "person__institution")
    missing = (
        scoped(Person, user)
        .filter(left_on__isnull=True)
        .exclude(pk__in=StaffSubject.objects.values_list("person_id", flat=True))
        .select_related("department", "institution")
    )
    return render(
        request,
        "credit/staff_list.html",
        {"subjects": subjects, "missing": missing[:200], "missing_count": missing.count(), "form": form},
    )


@login_required
def app_list(request):
    user, today = request.user, timezone.localdate()
    form = AppConnectionForm(request.POST or None, user=user) if writer(user, "creditappconnection") else None
    if request.method == "POST":
        require(user, "creditappconnection")
        if form.is_valid():
            try:
                services.save_app_connection(form.save(commit=False), user)
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(request, _("App connection saved."))
                return redirect("credit:app-list")
    connections = [
        {"c": c, "approved": c.approved_on(today)}
        for c in scoped(CreditAppConnection, user).select_related("app__institution")
    ]
    return render(request, "credit/app_list.html", {"connections": connections, "form": form})
