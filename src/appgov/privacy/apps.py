from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "appgov.privacy"
    label = "privacy"
    verbose_name = _("Personal information and privacy policies")

    def ready(self):
        from appgov.core import extensions

        from .demo import load_privacy_demo

        extensions.register_demo_loader(40, "privacy", load_privacy_demo)
