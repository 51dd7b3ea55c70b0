from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RiskConfig(AppConfig):
    name = "appgov.risk"
    label = "risk"
    verbose_name = _("Risk, audit, incidents and continuity")
