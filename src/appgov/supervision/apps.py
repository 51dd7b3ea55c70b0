from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SupervisionConfig(AppConfig):
    name = "appgov.supervision"
    label = "supervision"
    verbose_name = _("Supervision (regulator)")

    def ready(self):
        from appgov.core import extensions

        from . import bulletin_checks  # noqa: F401  registers the bulletin half of NFRA-18.3
        from .bulletin_demo import load_bulletin_demo
        from .demo import load_supervision_demo

        extensions.register_demo_loader(60, "supervision", load_supervision_demo)
        extensions.register_demo_loader(61, "supervision bulletins", load_bulletin_demo)
