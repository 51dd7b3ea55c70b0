"""Writes of the experience assessments (NFRA-06.2: 适老化 and minor protection), through core.services so that
every write is validated and change-logged."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from appgov.core import services as core

from .. import datafiles
from ..models import (
    ExperienceAssessment,
    ExperienceItemResult,
)

MAJOR = re.compile(r"\D*(\d+)")


def major_of(version_name: str) -> int | None:
    match = MAJOR.match(version_name or "")
    return int(match.group(1)) if match else None


def current_major(app) -> int | None:
    """The highest major version among the app's versions still supported (the one users run now)."""
    majors = [
        major_of(v.version_name)
        for v in app.versions.all()
        if getattr(v, "support_status", "supported") != "retired"
    ]
    majors = [m for m in majors if m is not None]
    return max(majors) if majors else None


class AssessmentService(core.ModelService):
    model = ExperienceAssessment

    def prepare(self, obj, actor, data):
        if obj.assessor_id and obj.app_id and obj.assessor.institution_id != obj.app.institution_id:
            raise ValidationError({"assessor": _("belongs to another institution")})


class ItemResultService(core.ModelService):
    model = ExperienceItemResult

    def prepare(self, obj, actor, data):
        if obj.item not in datafiles.experience_items()["by_code"]:
            raise ValidationError(
                {"item": _("Not an item of the experience catalogue: %(code)s") % {"code": obj.item}}
            )
        if obj.result != ExperienceItemResult.Result.MET and not obj.note:
            raise ValidationError({"note": _("Say why the item is not met or does not apply.")})


assessments = AssessmentService()
item_results = ItemResultService()
