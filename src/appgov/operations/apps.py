from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OperationsConfig(AppConfig):
    """Running metrics, thresholds, rationalisation; checks.py is found by the compliance app, tasks.py by
    core's scheduler."""

    name = "appgov.operations"
    label = "operations"
    verbose_name = _("App operations")

    def ready(self):
        from django.db.models.signals import post_save

        from appgov.core import extensions
        from appgov.core.models import Person

        from .demo import load_operations_demo
        from .demo_compat import load_operations_demo as load_compat_demo

        extensions.register_demo_loader(45, "operations-metrics", load_operations_demo)
        extensions.register_demo_loader(46, "operations", load_compat_demo)
        post_save.connect(_person_saved, sender=Person, dispatch_uid="operations.flag_leavers")
        from .metrics_summary import summarise

        extensions.register_metrics_summary("operations", summarise)


def _person_saved(sender, instance, created, raw=False, **kwargs):
    """A person's leaving (or return) flags (or clears) their accounts at once, not only at night."""
    if raw or created:
        return
    from .services import flag_leavers

    flag_leavers(person=instance)
