from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "appgov.compliance"
    label = "compliance"
    verbose_name = _("Compliance")

    def ready(self):
        # Each app registers the checks for the data it owns.
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("checks")
