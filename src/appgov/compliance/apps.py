from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ComplianceConfig(AppConfig):
    name = "appgov.compliance"
    label = "compliance"
    verbose_name = _("Compliance")

    def ready(self):
        # Each app registers the checks for the data it owns.
        from django.utils.module_loading import autodiscover_modules

        from appgov.core.controls.registry import set_evidence_judgement

        from . import facts  # noqa: F401  registers the evidence fact
        from .evaluation import evidence_check

        set_evidence_judgement(evidence_check)
        autodiscover_modules("checks")
        from appgov.core import extensions

        from . import gateway
        from .selectors import app_results, open_high_findings_by_app

        extensions.register_findings_gateway(gateway)

        extensions.register_detail_context(
            "ledger.mobileapp",
            "compliance_results",
            lambda app, request: app_results(app) if request.GET.get("tab") == "compliance" else [],
        )
        extensions.register_lookup("open_high_findings_by_app", open_high_findings_by_app)
