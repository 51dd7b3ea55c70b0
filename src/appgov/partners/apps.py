from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnersConfig(AppConfig):
    """Third parties, outsourcing and distribution platforms; checks.py is found by the compliance app's
    autodiscovery, the workflow by core's."""

    name = "appgov.partners"
    label = "partners"
    verbose_name = _("Third parties and outsourcing")

    def ready(self):
        from appgov.core import extensions

        from .demo import load_partners_demo

        extensions.register_demo_loader(30, "partners", load_partners_demo)
