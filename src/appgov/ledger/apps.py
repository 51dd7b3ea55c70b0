from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LedgerConfig(AppConfig):
    name = "appgov.ledger"
    label = "ledger"
    verbose_name = _("Ledger")

    def ready(self):
        from . import facts  # noqa: F401  registers the ledger's evaluation facts
