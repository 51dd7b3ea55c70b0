from django.db import models
from django.utils.translation import gettext_lazy as _


class SubjectType(models.TextChoices):
    INSTITUTION = "institution", _("Institution")
    APP = "app", _("App")
    APP_VERSION = "app_version", _("App version")
    CREDIT_SYSTEM = "credit_system", _("Credit system")
    REGULATOR = "regulator", _("Regulator")


class Outcome(models.TextChoices):
    PASS = "pass", _("Pass")
    FAIL = "fail", _("Fail")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")
    EVIDENCE_NEEDED = "evidence_needed", _("Evidence needed")
