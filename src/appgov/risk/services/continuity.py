"""Business continuity: BIA, emergency plans, drills measured against the RTO of the app's approved BIA."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import Drill, EmergencyPlan, ImpactAnalysis
from .common import KeptService


def current_bia(app, on=None):
    """The app's latest approved business impact analysis (on a day), or None."""
    rows = ImpactAnalysis.objects.filter(app=app, approved_on__isnull=False)
    if on is not None:
        rows = rows.filter(approved_on__lte=on)
    return rows.order_by("-approved_on", "-pk").first()


class ImpactAnalysisService(KeptService):
    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if (
            obj.rto_minutes is not None
            and obj.mtpd_minutes is not None
            and obj.rto_minutes > obj.mtpd_minutes
        ):
            raise ValidationError(
                {"rto_minutes": _("The recovery time objective cannot exceed the maximum tolerable outage.")}
            )
        if obj.approved_on and obj.analysed_on and obj.approved_on < obj.analysed_on:
            raise ValidationError({"approved_on": _("A BIA cannot be approved before it was made.")})


class PlanService(KeptService):
    def check_editable(self, obj, actor) -> None:
        if obj.approved_on is not None:  # obj is the stored row, locked
            raise ValidationError(_("An approved plan version cannot be changed: record a new version."))

    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.approved_on and obj.approved_on > timezone.localdate():
            raise ValidationError({"approved_on": _("The date cannot be in the future.")})


class DrillService(KeptService):
    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.plan_id and obj.plan.app_id != obj.app_id:
            raise ValidationError({"plan": _("The plan is another app's.")})
        if obj.held_on and obj.held_on > timezone.localdate():
            raise ValidationError({"held_on": _("The date cannot be in the future.")})
        if obj.measured_recovery_minutes is not None and obj.held_on is None:
            raise ValidationError({"held_on": _("Give the day the drill was held.")})
        if obj.measured_recovery_minutes is None:
            obj.rto_minutes = None
            return
        bia = current_bia(obj.app, obj.held_on)
        if bia is None:
            raise ValidationError(
                {
                    "measured_recovery_minutes": _(
                        "The app has no approved business impact analysis to measure against."
                    )
                }
            )
        obj.rto_minutes = bia.rto_minutes
        if obj.measured_recovery_minutes > obj.rto_minutes and not obj.gap.strip():
            raise ValidationError(
                {
                    "gap": _("The recovery took longer than the RTO (%(rto)s minutes): describe the gap.")
                    % {"rto": bia.rto_minutes}
                }
            )


impact_analyses = ImpactAnalysisService(ImpactAnalysis)
plans = PlanService(EmergencyPlan)
drills = DrillService(Drill)
