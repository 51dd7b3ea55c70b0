from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "appgov.supervision"
    label = "supervision"
    verbose_name = _("Supervision (regulator)")

    def ready(self):
        from . import bulletin_checks  # noqa: F401  registers the bulletin half of NFRA-18.3
