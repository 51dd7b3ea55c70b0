"""Which apps of an institution a bulletin affects, read from each app's latest finished scan (and, for a
certificate, the release certificates the ledger registers). An SDK whose version the scan could not read is
listed when the bulletin bounds the versions: the institution must check it (the answer says so)."""

import re

from django.db.models import F, OuterRef, Subquery
from django.utils.translation import gettext as _

from appgov.ledger.models import MobileApp
from appgov.ledger.models.choices import LifecycleState
from appgov.scanning.models import ReleaseCertificate, Scan


def _version_key(value: str) -> tuple:
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in re.split(r"[.\-+_]", value.strip()) if p)


def _sdk_in_range(version: str | None, start: str, fixed: str) -> bool | None:
    """True/False when the version is known and the bulletin bounds versions; None when it cannot be told."""
    if not start and not fixed:
        return True
    if not version:
        return None
    key = _version_key(version)
    if start and key < _version_key(start):
        return False
    return not (fixed and key >= _version_key(fixed))


def _walk(items):
    for item in items or ():
        yield item
        yield from _walk(item.get("nested"))


def _sdks(report: dict):
    yield from report.get("sdks") or ()
    for nested in _walk(report.get("nested")):
        yield from nested.get("sdks") or ()


def _certificate(value: str) -> str:
    return value.replace(":", "").strip().lower()


def matches(bulletin, report: dict, registered_certificates=()) -> list[str]:
    """The reasons the scanned package is affected (empty: not affected)."""
    reasons = []
    if bulletin.sdk_id:
        for sdk in _sdks(report):
            if sdk.get("id") != bulletin.sdk_id:
                continue
            within = _sdk_in_range(sdk.get("version"), bulletin.sdk_versions_from, bulletin.sdk_fixed_in)
            if within is None:
                reasons.append(
                    _("SDK %(sdk)s, version not read from the package: check it") % {"sdk": sdk["id"]}
                )
            elif within:
                version = sdk.get("version")
                reasons.append(
                    _("SDK %(sdk)s %(version)s") % {"sdk": sdk["id"], "version": version or ""}
                    if version
                    else _("SDK %(sdk)s") % {"sdk": sdk["id"]}
                )
            break
    if bulletin.permission:
        names = {p.get("name") for p in report.get("permissions") or ()}
        if bulletin.permission in names:
            reasons.append(_("permission %(name)s") % {"name": bulletin.permission})
    if bulletin.domain:
        domain = bulletin.domain.lower().strip(".")
        hosts = sorted(
            {
                (u.get("host") or "").lower()
                for u in report.get("urls") or ()
                if (u.get("host") or "").lower() == domain
                or (u.get("host") or "").lower().endswith("." + domain)
            }
        )
        if hosts:
            reasons.append(_("domain %(hosts)s") % {"hosts": ", ".join(hosts[:5])})
    if bulletin.certificate_sha256:
        wanted = _certificate(bulletin.certificate_sha256)
        signed = {
            _certificate(c.get("sha256", "")) for c in (report.get("signing") or {}).get("certificates") or ()
        }
        if wanted in signed:
            reasons.append(_("signed with the named certificate"))
        elif wanted in {_certificate(c) for c in registered_certificates}:
            reasons.append(_("the named certificate is registered as a release certificate"))
    return reasons


def affected_apps(bulletin, institution) -> list[tuple]:
    """(app, scan or None, reasons) for every app of the institution the bulletin affects, apps not retired."""
    if not bulletin.criteria():
        return []
    latest = Scan.objects.filter(version__app=OuterRef("pk"), status=Scan.Status.DONE).order_by(
        F("finished_at").desc(nulls_last=True),
        "-pk",  # PostgreSQL puts NULLs first in a descending sort
    )
    apps = (
        MobileApp.objects.filter(institution=institution)
        .exclude(state=LifecycleState.RETIRED)
        .annotate(latest_scan=Subquery(latest.values("pk")[:1]))
        .order_by("code")
    )
    apps = list(apps)
    scans = Scan.objects.in_bulk([a.latest_scan for a in apps if a.latest_scan])
    certificates: dict[int, list[str]] = {}
    if bulletin.certificate_sha256:
        for app_id, sha in ReleaseCertificate.objects.filter(
            voided_at__isnull=True, app__in=apps
        ).values_list("app_id", "sha256"):
            certificates.setdefault(app_id, []).append(sha)
    out = []
    for app in apps:
        scan = scans.get(app.latest_scan)
        reasons = matches(bulletin, (scan.report or {}) if scan else {}, certificates.get(app.pk, ()))
        if reasons:
            out.append((app, scan, reasons))
    return out
