"""The ledger's facts for the compliance evaluation (see core.controls.context): the institution's apps,
versions, listings, accounts, vulnerabilities, gate evidence and lifecycle, each read once per evaluation."""

from collections import defaultdict

from django.urls import reverse

from appgov.core.controls.context import fact, subjects_of
from appgov.core.controls.outcomes import SubjectType

from .models import (
    AppVersion,
    GateEvidence,
    LifecycleEvent,
    Listing,
    MobileApp,
    PublishingAccount,
    Vulnerability,
)
from .models.choices import LifecycleState, ListingState, platform_zh


def app_link(app) -> dict:
    # Cached on the instance: a dozen checks link the same app, and reverse() is the costly part (1,000 apps).
    url = app.__dict__.get("_compliance_url") or app.__dict__.setdefault(
        "_compliance_url", reverse("ledger:app-detail", args=[app.pk])
    )
    return {"label": app.name, "url": url}


def version_link(version) -> dict:
    url = version.__dict__.get("_compliance_url") or version.__dict__.setdefault(
        "_compliance_url", reverse("ledger:version-detail", args=[version.pk])
    )
    return {"label": str(version.version_name), "url": url}


@fact("apps")
def apps(ctx) -> list:
    return list(
        MobileApp.objects.filter(institution=ctx.institution, voided_at__isnull=True)
        .select_related("managing_department", "responsible_person", "data_owner_department")
        .order_by("code")
    )


@fact("live_apps")
def live_apps(ctx) -> list:
    return [a for a in ctx.apps if a.state != LifecycleState.RETIRED]


@fact("versions_by_app")
def versions_by_app(ctx) -> dict:
    grouped = defaultdict(list)
    for v in AppVersion.objects.filter(app__institution=ctx.institution, voided_at__isnull=True).order_by(
        "app_id", "platform", "-version_code"
    ):
        grouped[v.app_id].append(v)
    return grouped


@fact("versions")
def versions(ctx) -> list:
    return [v for versions in ctx.versions_by_app.values() for v in versions]


@fact("version_by_id")
def version_by_id(ctx) -> dict:
    return {v.pk: v for v in ctx.versions}


@fact("app_by_id")
def app_by_id(ctx) -> dict:
    return {a.pk: a for a in ctx.apps}


@fact("listings_by_version")
def listings_by_version(ctx) -> dict:
    grouped = defaultdict(list)
    for listing in Listing.objects.filter(version__app__institution=ctx.institution).select_related(
        "channel"
    ):
        grouped[listing.version_id].append(listing)
    return grouped


@fact("active_listing_apps")
def active_listing_apps(ctx) -> set:
    version_app = {v.pk: v.app_id for v in ctx.versions}
    return {
        version_app[vid]
        for vid, listings in ctx.listings_by_version.items()
        if any(item.state == ListingState.LISTED for item in listings)
    }


@fact("open_vulnerabilities_by_version")
def open_vulnerabilities_by_version(ctx) -> dict:
    grouped = defaultdict(list)
    for vuln in Vulnerability.objects.filter(
        version__app__institution=ctx.institution, status=Vulnerability.Status.OPEN
    ):
        grouped[vuln.version_id].append(vuln)
    return grouped


@fact("accounts_by_app")
def accounts_by_app(ctx) -> dict:
    grouped = defaultdict(list)
    for account in PublishingAccount.objects.filter(app__institution=ctx.institution).select_related(
        "channel"
    ):
        grouped[account.app_id].append(account)
    return grouped


@fact("gate_evidence_by_app")
def gate_evidence_by_app(ctx) -> dict:
    grouped = defaultdict(set)
    for app_id, item in GateEvidence.counting.filter(app__institution=ctx.institution).values_list(
        "app_id", "item"
    ):
        grouped[app_id].add(item)
    return grouped


@fact("admitted_apps")
def admitted_apps(ctx) -> set:
    return set(
        LifecycleEvent.objects.filter(
            app__institution=ctx.institution, to_state=LifecycleState.ADMITTED
        ).values_list("app_id", flat=True)
    )


@subjects_of(SubjectType.APP)
def app_subjects(ctx) -> list:
    return [(SubjectType.APP, a.pk, f"{a.code} {a.name}", a) for a in ctx.live_apps]


@subjects_of(SubjectType.APP_VERSION)
def version_subjects(ctx) -> list:
    live = {a.pk for a in ctx.live_apps}
    return [
        (
            SubjectType.APP_VERSION,
            v.pk,
            f"{ctx.app_by_id[v.app_id].name} {platform_zh(v.platform)} {v.version_name}",
            v,
        )
        for v in ctx.versions
        if v.app_id in live
    ]
