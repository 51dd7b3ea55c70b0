"""The institution's working calendar for the query rules (Q07): standard hours per weekday and dated
exceptions (public holidays, 调休 make-up working days, a branch's own hours on a given day).

Exported to the engine's `calendar` table by credit.workcalendar (one row per date of the monitored
window), so both the weekly hours and the exceptions reach the rule exactly."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from appgov.core.models.owned import InstitutionOwned

WEEKDAYS = [
    (1, _("Monday")),
    (2, _("Tuesday")),
    (3, _("Wednesday")),
    (4, _("Thursday")),
    (5, _("Friday")),
    (6, _("Saturday")),
    (7, _("Sunday")),
]


def _check_hours(obj) -> None:
    """Working days need start and end (end after start); non-working days carry no hours."""
    if obj.is_workday:
        missing = {}
        if obj.work_start is None:
            missing["work_start"] = _("A working day needs its start time.")
        if obj.work_end is None:
            missing["work_end"] = _("A working day needs its end time.")
        if missing:
            raise ValidationError(missing)
        if obj.work_end <= obj.work_start:
            raise ValidationError({"work_end": _("The end of working hours must be after their start.")})
    else:
        obj.work_start = obj.work_end = None


class WorkingHours(InstitutionOwned):
    """The standard week: for each weekday whether it is worked and from when to when (end exclusive).
    Without a branch it holds for every branch; a branch's own row overrides it."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    branch = models.ForeignKey(
        "core.Department",
        verbose_name=_("branch (empty = every branch)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    weekday = models.PositiveSmallIntegerField(_("weekday"), choices=WEEKDAYS)
    is_workday = models.BooleanField(_("working day"), default=True)
    work_start = models.TimeField(_("work starts"), null=True, blank=True)
    work_end = models.TimeField(_("work ends"), null=True, blank=True)

    class Meta:
        ordering = ["branch__code", "weekday"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "branch", "weekday"],
                condition=Q(branch__isnull=False),
                name="credit_hours_branch_unique",
                violation_error_message=_("This branch already has hours for this weekday."),
            ),
            models.UniqueConstraint(
                fields=["institution", "weekday"],
                condition=Q(branch__isnull=True),
                name="credit_hours_all_unique",
                violation_error_message=_("The institution already has hours for this weekday."),
            ),
        ]
        verbose_name = _("working hours")
        verbose_name_plural = _("working hours")

    def __str__(self):
        return f"{self.get_weekday_display()} · {self.branch or _('every branch')}"

    def clean(self):
        _check_hours(self)


class CalendarDay(InstitutionOwned):
    """A dated exception to the standard week: a holiday (non-working day) or a working day such as a
    调休 make-up Saturday, for every branch or for one branch."""

    institution_path = "institution"

    institution = models.ForeignKey("core.Institution", on_delete=models.PROTECT, related_name="+")
    date = models.DateField(_("date"))
    branch = models.ForeignKey(
        "core.Department",
        verbose_name=_("branch (empty = every branch)"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    is_workday = models.BooleanField(_("working day"), default=False)
    work_start = models.TimeField(_("work starts"), null=True, blank=True)
    work_end = models.TimeField(_("work ends"), null=True, blank=True)
    name = models.CharField(_("name"), max_length=100, blank=True, help_text=_("e.g. 春节, 调休上班"))
    source = models.CharField(_("source"), max_length=200, blank=True)

    class Meta:
        ordering = ["date", "branch__code"]
        constraints = [
            models.UniqueConstraint(
                fields=["institution", "date", "branch"],
                condition=Q(branch__isnull=False),
                name="credit_calday_branch_unique",
                violation_error_message=_("This branch already has an entry for this date."),
            ),
            models.UniqueConstraint(
                fields=["institution", "date"],
                condition=Q(branch__isnull=True),
                name="credit_calday_all_unique",
                violation_error_message=_("The institution already has an entry for this date."),
            ),
        ]
        verbose_name = _("calendar exception")
        verbose_name_plural = _("calendar exceptions")

    def __str__(self):
        return f"{self.date} {self.name}".strip()

    def clean(self):
        _check_hours(self)
