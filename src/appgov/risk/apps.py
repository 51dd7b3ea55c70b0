from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskConfig(AppConfig):
    """Risk register, assessments, audits, incidents, continuity; checks.py is found by the compliance app."""

    name = "appgov.risk"
    label = "risk"
    verbose_name = _("Risk, audit, incidents and continuity")
