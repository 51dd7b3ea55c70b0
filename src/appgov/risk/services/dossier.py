from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ..models import ReleaseDossier
from .common import KeptService

DATES = (
    "design_reviewed_on",
    "code_reviewed_on",
    "change_approved_on",
    "compliance_reviewed_on",
    "security_tested_on",
)


class DossierService(KeptService):
    def prepare(self, obj, actor, data):
        super().prepare(obj, actor, data)
        today = timezone.localdate()
        for name in DATES:
            if getattr(obj, name) and getattr(obj, name) > today:
                raise ValidationError({name: _("The date cannot be in the future.")})
        if obj.security_test_result and not (obj.security_tested_on and obj.security_tester.strip()):
            raise ValidationError(
                {"security_tester": _("A security test result needs the tester and the test date.")}
            )


dossiers = DossierService(ReleaseDossier)
