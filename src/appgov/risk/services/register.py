"""The risk register: ratings on the matrix kept as data, treatment tasks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from appgov.core.services import ModelService

from ..models import Risk, RiskTask
from ..models.register import RiskStatus, Treatment
from .common import KeptService


class RiskService(KeptService):
    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        if obj.app_id and obj.institution_id and obj.app.institution_id != obj.institution_id:
            raise ValidationError({"app": _("This app belongs to another institution.")})
        if obj.residual_score > obj.inherent_score:
            raise ValidationError(
                {"residual_likelihood": _("The residual rating cannot be above the inherent rating.")}
            )
        if obj.status == RiskStatus.ACCEPTED and obj.treatment != Treatment.ACCEPT:
            raise ValidationError({"status": _("Only a risk whose treatment is acceptance can be accepted.")})


class TaskService(ModelService):
    def check_editable(self, obj, actor) -> None:
        if obj.risk.status == RiskStatus.CLOSED:
            raise ValidationError(_("The tasks of a closed risk cannot be changed."))

    check_deletable = check_editable


risks = RiskService(Risk)
tasks = TaskService(RiskTask)
