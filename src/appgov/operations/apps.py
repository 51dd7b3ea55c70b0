from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running metrics, thresholds, rationalisation; checks.py is found by the compliance app, tasks.py by
    core's scheduler."""

    name = "appgov.operations"
    label = "operations"
    verbose_name = _("App operations")

    def ready(self):
        from appgov.core import extensions

        from .demo import load_operations_demo

        extensions.register_demo_loader(45, "operations-metrics", load_operations_demo)
