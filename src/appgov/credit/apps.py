from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditConfig(AppConfig):
    """PBoC 102 credit-information security; checks.py is found by the compliance app's autodiscovery."""

    name = "appgov.credit"
    label = "credit"
    verbose_name = _("Credit-information security")
