from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "appgov.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        from .workflow import autodiscover

        # Each module's workflow files are read and checked now: a bad file stops the start, naming the key.
        autodiscover()
