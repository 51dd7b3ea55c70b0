"""The lifecycle gate item that uses scan results (registered into appgov.ledger.gates on start-up)."""

from appgov.ledger.gates import register_check

from .models import Scan


@register_check("package_scans_clean")
def package_scans_clean(app) -> bool:
    """Every uploaded package has a finished scan of that very file, and none of those scans found high risks."""
    for version in app.versions.exclude(package=""):
        scan = (
            Scan.objects.filter(version=version, package_sha256=version.package_sha256)
            .order_by("-id")
            .first()
        )
        if scan is None or scan.status != Scan.Status.DONE or scan.high_findings:
            return False
    return True
