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
        extensions.register_detail_context("ledger.mobileapp", "partner_relations", _app_relations)
        from .calendar import due_dates

        extensions.register_due_dates("partners", due_dates)


def _app_relations(app, request):
    """The app's current relations in the register, on the ledger's app page (overview tab)."""
    if request.GET.get("tab", "overview") != "overview":
        return []
    from django.db.models import Q
    from django.utils import timezone

    from .models import Relation

    return list(
        Relation.objects.for_user(request.user)
        .filter(app=app)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=timezone.localdate()))
        .select_related("party")
    )
