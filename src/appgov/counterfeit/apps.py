from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CounterfeitConfig(AppConfig):
    # Named "counterfeit", not "lookalike": the engine it drives is appgov.engines.lookalike, and two
    # packages called lookalike would be confused in imports and in the import-linter contract.
    name = "appgov.counterfeit"
    label = "counterfeit"
    verbose_name = _("Counterfeit app monitoring")

    def ready(self):
        from appgov.core import extensions

        from .demo import load_counterfeit_demo

        extensions.register_demo_loader(20, "counterfeit", load_counterfeit_demo)
        from django_tasks.signals import task_finished

        from .sweep import fail_abandoned_sweeps

        task_finished.connect(fail_abandoned_sweeps, dispatch_uid="counterfeit-abandoned-sweeps")
