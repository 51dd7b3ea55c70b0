from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "appgov.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Each app's tasks.py registers its daily jobs (and defines its background tasks).
        from django.utils.module_loading import autodiscover_modules

        from .workflow import autodiscover

        autodiscover_modules("tasks")
        # Each module's workflow files are read and checked now: a bad file stops the start, naming the key.
        autodiscover()
