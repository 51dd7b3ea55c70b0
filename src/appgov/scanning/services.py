"""Scanning: queue a scan of a version's package, run the engine in the worker, store what it found."""

import logging
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from appgov.core import changelog
from appgov.core import services as core_services
from appgov.core.models import ChangeLogEntry
from appgov.engines import apkscan
from appgov.ledger import miniprogram_package
from appgov.ledger.models import AppVersion, Vulnerability
from appgov.ledger.package_kind import MINI_PROGRAM_PLATFORMS

from . import package_identity, triage
from .feeds import feed_paths, vulnerability_title
from .models import AppPrivacyInventory, ReleaseCertificate, Scan, ScanProfile, SdkAssessment, SdkUse

log = logging.getLogger(__name__)
HIGH = ("critical", "high")
SCAN_SOURCE = "静态扫描"


def request_scan(version: AppVersion, actor=None) -> Scan:
    """Queue a scan of the version's package; the worker runs it (tasks.run_scan)."""
    if not version.package:
        raise ValidationError({"package": _("This version has no uploaded package to scan")})
    core_services.check_can_write(actor, version)
    scan = core_services.save(
        Scan(version=version, package_sha256=version.package_sha256, requested_by=actor), None
    )
    from .tasks import run_scan

    transaction.on_commit(lambda: run_scan.enqueue(scan.pk))
    return scan


def options_for(version: AppVersion, appid: str | None = None) -> "apkscan.ScanOptions":
    """The engine's options from the institution's scan profile and the app's ledger entry. A mini-program is
    scanned with its registered AppID (`appid`, else the first one), the key to the Windows client's
    encrypted cache copy of a package; package_identity never counts that AppID as the package's own."""
    app = version.app
    if appid is None and version.platform in MINI_PROGRAM_PLATFORMS:
        appid = next(iter(miniprogram_package.appid_candidates(app)), None)
    profile = ScanProfile.objects.filter(institution_id=app.institution_id).first()
    inventory = AppPrivacyInventory.objects.filter(app=app).first()
    return apkscan.ScanOptions(
        allow_domains=(profile.allowed_domains or None) if profile else None,
        release_certs=list(
            ReleaseCertificate.objects.filter(voided_at__isnull=True, app=app).values_list(
                "sha256", flat=True
            )
        ),
        assessed_sdks=list(
            SdkAssessment.objects.filter(voided_at__isnull=True, institution_id=app.institution_id)
            .exclude(conclusion=SdkAssessment.Conclusion.REJECTED)
            .values_list("sdk_id", flat=True)
        ),
        pi_inventory=inventory.categories if inventory else None,
        min_target_sdk=profile.min_target_sdk if profile else None,
        check_links=bool(profile and profile.check_links),
        yara_rules=_rules_file(profile.yara_rules) if profile and profile.yara_rules.strip() else None,
        vuln_feeds=feed_paths(app.institution_id),
        appid=appid,
    )


def _rules_file(text: str) -> str:
    """The profile's YARA rules as a file the engine reads (named by content, written once)."""
    import hashlib

    folder = settings.VAR_DIR / "scan-rules"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{hashlib.sha256(text.encode()).hexdigest()}.yar"
    if not path.exists():
        path.write_text(text, encoding="utf-8")
    return str(path)


def execute_scan(scan_id: int) -> Scan:
    """Run the engine on the stored package. A package the engine cannot analyse ends as a failed scan."""
    scan = Scan.objects.select_related("version__app").get(pk=scan_id)
    if scan.status not in (Scan.Status.QUEUED, Scan.Status.RUNNING):
        return scan
    scan = _set_status(scan, status=Scan.Status.RUNNING, started_at=timezone.now())
    version = scan.version
    path = version.package.path
    try:
        report = _scan(version, path)
    except apkscan.PackageError as exc:
        error = failure_message(exc, path)
        return _set_status(scan, status=Scan.Status.FAILED, error=error[:2000], finished_at=timezone.now())
    store_report(scan, report)
    scan.refresh_from_db()
    return scan


def _scan(version: AppVersion, path: str) -> dict:
    """The engine's report; an encrypted mini-program package is tried with each registered AppID in turn."""
    appids = []
    if version.platform in MINI_PROGRAM_PLATFORMS:
        appids = miniprogram_package.appid_candidates(version.app)
    candidates = appids or [None]
    for i, appid in enumerate(candidates):
        try:
            return apkscan.scan_file(path, options_for(version, appid))
        except apkscan.PackageError as exc:
            if not (miniprogram_package.needs_appid(exc) and i + 1 < len(candidates)):
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def failure_message(exc: "apkscan.PackageError", path: str) -> str:
    """What a failed scan shows: translated, in the site's language (the worker has no user), with the
    engine's reason and the entry concerned, but never where the file lies on the server."""
    where = exc.where if exc.where and exc.where != path else ""
    detail = f"{where}: {exc.reason}" if where else exc.reason
    for secret in {path, str(settings.MEDIA_ROOT), os.path.dirname(path)}:
        if secret:
            detail = detail.replace(secret, "…")
    with translation.override(settings.LANGUAGE_CODE):
        return _("The package could not be analysed; it may be damaged or not a package (%(detail)s)") % {
            "detail": detail
        }


def _set_status(scan: Scan, **fields) -> Scan:
    """A scan's progress (running, failed) is part of its record: changed under a row lock and logged."""
    with transaction.atomic():
        scan = core_services.lock(scan)
        before = changelog.snapshot(scan)
        for name, value in fields.items():
            setattr(scan, name, value)
        scan.save(update_fields=list(fields))
        changelog.record(scan, ChangeLogEntry.Action.UPDATE, before, changelog.snapshot(scan), None)
    return Scan.objects.select_related("version__app").get(pk=scan.pk)


def store_report(scan: Scan, report: dict) -> None:
    """Keep the report, the SDK inventory, and turn high findings into the version's vulnerabilities."""
    version = scan.version
    added = package_identity.identity_findings(version, report)
    if added:
        report = {**report, "findings": added + list(report.get("findings", []))}
        by_severity = dict(report.get("summary", {}).get("findings_by_severity", {}))
        for finding in added:
            by_severity[finding["severity"]] = by_severity.get(finding["severity"], 0) + 1
        report["summary"] = {**report.get("summary", {}), "findings_by_severity": by_severity}
    # findings triaged on an earlier scan of the app (same fingerprint) stay suppressed
    active, _suppressed = triage.split_findings(version.app, report.get("findings", []))
    high = [f for f in active if f["severity"] in HIGH]
    with transaction.atomic():
        before = changelog.snapshot(scan)
        scan.report = report
        scan.status = Scan.Status.DONE
        scan.finished_at = timezone.now()
        scan.engine_version = report.get("engine", {}).get("version", "")
        scan.high_findings = len(high)
        scan.save()
        changelog.record(scan, ChangeLogEntry.Action.UPDATE, before, changelog.snapshot(scan))
        SdkUse.objects.bulk_create(
            [
                SdkUse(
                    version=version,
                    scan=scan,
                    sdk_id=s["id"],
                    name=s["name"],
                    vendor=s.get("vendor") or "",
                    category=s.get("category") or "",
                    personal_information=s.get("personal_information") or [],
                    matched_by=s.get("matched_by") or [],
                )
                for s in report.get("sdks", [])
            ],
            ignore_conflicts=True,
        )
        existing = set(
            Vulnerability.objects.filter(version=version, source=SCAN_SOURCE).values_list("title", flat=True)
        )
        for finding in high:
            title = vulnerability_title(finding)
            if title in existing:
                continue
            core_services.save(
                Vulnerability(
                    version=version,
                    title=title,
                    severity=finding["severity"],
                    source=SCAN_SOURCE,
                    found_on=timezone.localdate(),
                )
            )
            existing.add(title)


def latest_scan(version) -> Scan | None:
    return version.scans.filter(status=Scan.Status.DONE).order_by("-finished_at", "-id").first()


def compare(previous: dict | None, current: dict) -> dict:
    """What changed between two reports: SDKs, permissions, hosts added/removed, certificate changed."""
    if not previous:
        return {}

    def ids(report, key, field):
        return {item[field] for item in report.get(key, [])}

    def certs(report):
        return {c["sha256"] for c in report.get("signing", {}).get("certificates", [])}

    out = {}
    for label, key, field in (
        ("sdks", "sdks", "id"),
        ("permissions", "permissions", "name"),
        ("hosts", "urls", "host"),
    ):
        before, after = ids(previous, key, field), ids(current, key, field)
        out[label] = {"added": sorted(after - before), "removed": sorted(before - after)}
    out["certificate_changed"] = certs(previous) != certs(current)
    return out


sdk_assessments = core_services.ModelService(SdkAssessment)
release_certificates = core_services.ModelService(ReleaseCertificate)
