"""No regression since the previous version: the latest finished scan of a version against the latest
finished scan of the app's previous version on the same platform (engine: reportdiff.diff_reports).
A blocking regression stops the release unless the governance office accepted it with a reason."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.engines.apkscan.reportdiff import diff_reports

from .models import GateRegressionAcceptance, Scan, SdkAssessment


@dataclass
class Regression:
    version: object
    scan: Scan
    previous_scan: Scan
    diff: dict
    acceptance: GateRegressionAcceptance | None

    @property
    def blocking(self) -> bool:
        return self.diff["gate_blocking"] and self.acceptance is None

    @property
    def new_unassessed_sdks(self) -> list[dict]:
        return [s for s in self.diff["new_sdks"] if s["assessed"] is not True and s["category"] != "library"]


def _latest_done(version) -> Scan | None:
    return version.scans.filter(status=Scan.Status.DONE).order_by("-finished_at", "-id").first()


def _previous_scan(version) -> Scan | None:
    """The latest finished scan of the nearest earlier version of the app on the same platform."""
    earlier = (
        type(version)
        .objects.filter(app_id=version.app_id, platform=version.platform, created_at__lt=version.created_at)
        .order_by("-created_at", "-id")
    )
    for candidate in earlier:
        scan = _latest_done(candidate)
        if scan is not None:
            return scan
    return None


def assessed_sdks(institution_id: int) -> list[str]:
    return list(
        SdkAssessment.objects.filter(voided_at__isnull=True, institution_id=institution_id)
        .exclude(conclusion=SdkAssessment.Conclusion.REJECTED)
        .values_list("sdk_id", flat=True)
    )


def version_regression(version) -> Regression | None:
    """None when there is nothing to compare: the version has no finished scan (package_scans_clean
    judges that) or no earlier version of its platform was scanned (a first release)."""
    scan = _latest_done(version)
    if scan is None or not scan.report:
        return None
    previous = _previous_scan(version)
    if previous is None or not previous.report:
        return None
    diff = diff_reports(previous.report, scan.report, assessed_sdks=assessed_sdks(version.app.institution_id))
    acceptance = GateRegressionAcceptance.objects.filter(
        version=version, scan=scan, previous_scan=previous
    ).first()
    return Regression(version, scan, previous, diff, acceptance)


def latest_versions(app) -> list:
    """The newest version of each platform: the ones a release puts out."""
    newest = {}
    for version in app.versions.order_by("platform", "-created_at", "-id"):
        newest.setdefault(version.platform, version)
    return list(newest.values())


def accept_regression(version, actor, reason: str) -> GateRegressionAcceptance:
    """The governance office accepts what the version's latest scan regressed (role checked by the save)."""
    core_services.check_can_write(actor, GateRegressionAcceptance)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": _("Give the reason for accepting the regression.")})
    regression = version_regression(version)
    if regression is None or not regression.diff["gate_blocking"]:
        raise ValidationError(_("This version's scan shows no regression since the previous version."))
    if regression.acceptance is not None:
        raise ValidationError(_("This regression was already accepted."))
    return core_services.save(
        GateRegressionAcceptance(
            version=version,
            scan=regression.scan,
            previous_scan=regression.previous_scan,
            reason=reason,
            accepted_by=actor,
        ),
        actor,
    )
