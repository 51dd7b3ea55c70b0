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


@register_check("no_regression_since_previous_version")
def no_regression_since_previous_version(app) -> bool:
    """The newest version of each platform adds no high finding, dangerous permission, unassessed SDK or
    lost hardening against the previous version's scan, or the governance office accepted it."""
    from .regression import latest_versions, version_regression

    for version in latest_versions(app):
        regression = version_regression(version)
        if regression is not None and regression.blocking:
            return False
    return True
