from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CreditConfig(AppConfig):
    """PBoC 102 credit-information security; checks.py is found by the compliance app's autodiscovery."""

    name = "appgov.credit"
    label = "credit"
    verbose_name = _("Credit-information security")

    def ready(self):
        from appgov.core import extensions

        from .demo import load_credit_demo

        extensions.register_demo_loader(10, "credit", load_credit_demo)
