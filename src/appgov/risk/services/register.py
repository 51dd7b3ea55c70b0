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
        obj.finding_ids = _finding_ids(obj.institution, obj.finding_ids)

    def save_object(self, obj, actor, m2m):
        foreign = [
            p
            for p in m2m.get("vendors", [])
            if getattr(p, "institution_id", obj.institution_id) != obj.institution_id
        ]
        if foreign:
            raise ValidationError(
                {
                    "vendors": _("These third parties belong to another institution: %(names)s.")
                    % {"names": ", ".join(str(p) for p in foreign)}
                }
            )
        return super().save_object(obj, actor, m2m)


def _finding_ids(institution, raw) -> list[int]:
    """The ids as a sorted list of findings of the institution (through the findings gateway), or the refusal
    naming the ids that are not."""
    if raw in (None, ""):
        return []
    if isinstance(raw, str):
        raw = [part for part in raw.replace("，", ",").split(",") if part.strip()]
    if not isinstance(raw, list | tuple):
        raise ValidationError({"finding_ids": _("Give the findings as a list of finding numbers.")})
    try:
        ids = sorted({int(str(i).strip().lstrip("#")) for i in raw})
    except ValueError:
        raise ValidationError({"finding_ids": _("Give the findings as a list of finding numbers.")}) from None
    if any(i < 1 or i >= 2**63 for i in ids):  # not a row number (and too large for the database)
        raise ValidationError({"finding_ids": _("Give the findings as a list of finding numbers.")})
    if not ids:
        return []
    from appgov.core import extensions

    found = extensions.findings_gateway().findings(institution, ids)
    unknown = [i for i in ids if i not in found]
    if unknown:
        raise ValidationError(
            {
                "finding_ids": _("No finding of this institution has the number %(ids)s.")
                % {"ids": ", ".join(f"#{i}" for i in unknown)}
            }
        )
    return ids


class TaskService(ModelService):
    def check_editable(self, obj, actor) -> None:
        if obj.risk.status == RiskStatus.CLOSED:
            raise ValidationError(_("The tasks of a closed risk cannot be changed."))

    check_deletable = check_editable


risks = RiskService(Risk)
tasks = TaskService(RiskTask)
