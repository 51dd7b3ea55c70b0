from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    INSTITUTION = "institution", _("Institution")
    APP = "app", _("App")
    APP_VERSION = "app_version", _("App version")
    CREDIT_SYSTEM = "credit_system", _("Credit system")
    REGULATOR = "regulator", _("Regulator")
    # a finding of an audit or inspection, opened by the risk module's engagement (never by the evaluation)
    AUDIT_FINDING = "audit_finding", _("Audit finding")


# subjects whose findings a module opens from its own work: the evaluation neither judges nor resolves them
WORK_SUBJECTS = (SubjectType.AUDIT_FINDING,)


class Outcome(models.TextChoices):
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")
    EVIDENCE_NEEDED = "evidence_needed", _("Evidence needed")
