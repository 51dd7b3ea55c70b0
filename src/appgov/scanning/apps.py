from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScanningConfig(AppConfig):
    name = "appgov.scanning"
    label = "scanning"
    verbose_name = _("Package scanning")

    def ready(self):
        from appgov.ledger.signals import package_attached

        package_attached.connect(_scan_uploaded_package, dispatch_uid="scan-uploaded-package")
        from appgov.core import extensions

        from . import gates  # noqa: F401  registers the gate item that uses scan results
        from .selectors import version_scans

        extensions.register_detail_context(
            "ledger.appversion", "scanning", lambda v, request: version_scans(v)
        )
        from .views.profiles import inventory_block

        extensions.register_detail_context("ledger.mobileapp", "privacy_inventory", inventory_block)
        from .views.records import certificates_block

        extensions.register_detail_context("ledger.mobileapp", "release_certificates", certificates_block)
        from appgov.core.roles import can_write

        from .regression import version_regression

        extensions.register_detail_context(
            "ledger.appversion", "regression", lambda v, request: version_regression(v)
        )
        extensions.register_detail_context(
            "ledger.appversion",
            "regression_can_accept",
            lambda v, request: can_write(request.user, "scanning.gateregressionacceptance"),
        )


def _scan_uploaded_package(sender, version, actor=None, **kwargs):
    from .services import request_scan

    request_scan(version, actor)
