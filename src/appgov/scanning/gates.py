"""The lifecycle gate item that uses scan results (registered into appgov.ledger.gates on start-up)."""

from appgov.ledger.gates import register_check

from . import triage
from .models import Scan


@register_check("package_scans_clean")
def package_scans_clean(app) -> bool:
    """A package is uploaded, every uploaded package has a finished scan of that very file, and none of those
    scans found high risks (a package that is not the ledger's app or version counts as one)."""
    versions = list(app.versions.exclude(package=""))
    if not versions:
        return False  # nothing was scanned, so nothing shows the release is clean
    for version in versions:
        scan = (
            Scan.objects.filter(version=version, package_sha256=version.package_sha256)
            .select_related("version__app")
            .order_by("-id")
            .first()
        )
        if scan is None or scan.status != Scan.Status.DONE:
            return False
        # the stored count follows triage decisions; counted live too, so an acceptance that has expired
        # blocks again without waiting for a recount
        if scan.high_findings or triage.active_high_count(scan):
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
