"""Everything one evaluation reads, loaded once per institution: the query count does not grow with the apps."""

from collections import defaultdict
from functools import cached_property

from django.db.models import Min
from django.urls import reverse
from django.utils import timezone

from appgov.ledger.models import (
    AppVersion,
    GateEvidence,
    LifecycleEvent,
    Listing,
    MobileApp,
    PublishingAccount,
    Vulnerability,
)
from appgov.ledger.models.choices import LifecycleState, ListingState

from .models import ControlSummary, Evidence
from .models.subjects import SubjectType


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


class EvaluationContext:
    def __init__(self, institution, today):
        self.institution = institution
        self.today = today

    @cached_property
    def apps(self) -> list:
        return list(
            MobileApp.objects.filter(institution=self.institution)
            .select_related("managing_department", "responsible_person", "data_owner_department")
            .order_by("code")
        )

    @cached_property
    def live_apps(self) -> list:
        return [a for a in self.apps if a.state != LifecycleState.RETIRED]

    @cached_property
    def versions_by_app(self) -> dict:
        grouped = defaultdict(list)
        for v in AppVersion.objects.filter(app__institution=self.institution).order_by(
            "app_id", "platform", "-version_code"
        ):
            grouped[v.app_id].append(v)
        return grouped

    @cached_property
    def versions(self) -> list:
        return [v for versions in self.versions_by_app.values() for v in versions]

    @cached_property
    def version_by_id(self) -> dict:
        return {v.pk: v for v in self.versions}

    @cached_property
    def app_by_id(self) -> dict:
        return {a.pk: a for a in self.apps}

    @cached_property
    def listings_by_version(self) -> dict:
        grouped = defaultdict(list)
        for listing in Listing.objects.filter(version__app__institution=self.institution).select_related(
            "channel"
        ):
            grouped[listing.version_id].append(listing)
        return grouped

    @cached_property
    def active_listing_apps(self) -> set:
        version_app = {v.pk: v.app_id for v in self.versions}
        return {
            version_app[vid]
            for vid, listings in self.listings_by_version.items()
            if any(item.state == ListingState.LISTED for item in listings)
        }

    @cached_property
    def open_vulnerabilities_by_version(self) -> dict:
        grouped = defaultdict(list)
        for vuln in Vulnerability.objects.filter(
            version__app__institution=self.institution, status=Vulnerability.Status.OPEN
        ):
            grouped[vuln.version_id].append(vuln)
        return grouped

    @cached_property
    def accounts_by_app(self) -> dict:
        grouped = defaultdict(list)
        for account in PublishingAccount.objects.filter(app__institution=self.institution).select_related(
            "channel"
        ):
            grouped[account.app_id].append(account)
        return grouped

    @cached_property
    def gate_evidence_by_app(self) -> dict:
        grouped = defaultdict(set)
        for app_id, item in GateEvidence.objects.filter(app__institution=self.institution).values_list(
            "app_id", "item"
        ):
            grouped[app_id].add(item)
        return grouped

    @cached_property
    def admitted_apps(self) -> set:
        return set(
            LifecycleEvent.objects.filter(
                app__institution=self.institution, to_state=LifecycleState.ADMITTED
            ).values_list("app_id", flat=True)
        )

    @cached_property
    def evidence(self) -> dict:
        """(control_id, subject_type, subject_id) -> evidence rows, newest effective date first."""
        grouped = defaultdict(list)
        for ev in Evidence.objects.filter(institution=self.institution).order_by("-effective_on"):
            grouped[(ev.control_id, ev.subject_type, ev.subject_id)].append(ev)
        return grouped

    @cached_property
    def control_introduced_on(self) -> dict:
        """control id -> the day it was first evaluated for this institution (absent: first evaluated today)."""
        rows = (
            ControlSummary.objects.filter(evaluation__institution=self.institution)
            .values("control_id")
            .annotate(first=Min("evaluation__started_at"))
        )
        return {row["control_id"]: timezone.localdate(row["first"]) for row in rows}

    def registered_on(self, subject_type: str, subject_id: int):
        """The day the subject was registered in AppGov (None for the institution itself)."""
        if subject_type == SubjectType.APP:
            app = self.app_by_id.get(subject_id)
            return timezone.localdate(app.created_at) if app is not None and app.created_at else None
        if subject_type == SubjectType.APP_VERSION:
            version = self.version_by_id.get(subject_id)
            return (
                timezone.localdate(version.created_at) if version is not None and version.created_at else None
            )
        return None

    def subjects(self, applies_to: str) -> list[tuple[str, int, str, object]]:
        """(subject_type, id, label, object) for every subject a control of this kind applies to."""
        if applies_to == SubjectType.INSTITUTION or applies_to == SubjectType.CREDIT_SYSTEM:
            return [(applies_to, self.institution.pk, self.institution.name, self.institution)]
        if applies_to == SubjectType.APP:
            return [(SubjectType.APP, a.pk, f"{a.code} {a.name}", a) for a in self.live_apps]
        if applies_to == SubjectType.APP_VERSION:
            live = {a.pk for a in self.live_apps}
            return [
                (
                    SubjectType.APP_VERSION,
                    v.pk,
                    f"{self.app_by_id[v.app_id].name} {v.platform} {v.version_name}",
                    v,
                )
                for v in self.versions
                if v.app_id in live
            ]
        return []
