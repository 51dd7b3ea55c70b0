from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "appgov.core"
    label = "core"
    verbose_name = _("Core")

    def ready(self):
        # Each app's tasks.py registers its daily jobs (and defines its background tasks).
        from django.utils.module_loading import autodiscover_modules

        autodiscover_modules("tasks")
