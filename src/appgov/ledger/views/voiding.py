"""Void and retire on the ledger's own pages (issue 12 item 1): a mistaken app, version, listing, publishing
account or piece of gate evidence is voided with a reason through the generic delete view and the module's
service (the row stays, marked voided); a version or a piece of gate evidence that had a life is retired."""

from django.urls import path

from appgov.core.views import generic

from .. import services
from ..models import AppVersion, GateEvidence, Listing, MobileApp, PublishingAccount


class _OnAppPage:
    """Rows shown on their app's page go back there."""

    def object_url(self, obj) -> str:
        return obj.app.get_absolute_url()


class _OnVersionPage:
    def object_url(self, obj) -> str:
        return obj.version.get_absolute_url()


class AppVoid(generic.ObjectDeleteView):
    model = MobileApp
    service = services.apps


class VersionVoid(generic.ObjectDeleteView):
    model = AppVersion
    service = services.versions


class VersionRetire(generic.ObjectRetireView):
    model = AppVersion
    service = services.versions


class ListingVoid(_OnVersionPage, generic.ObjectDeleteView):
    model = Listing
    service = services.listings


class AccountVoid(_OnAppPage, generic.ObjectDeleteView):
    model = PublishingAccount
    service = services.publishing_accounts


class EvidenceVoid(_OnAppPage, generic.ObjectDeleteView):
    model = GateEvidence
    service = services.gate_evidence


class EvidenceRetire(_OnAppPage, generic.ObjectRetireView):
    model = GateEvidence
    service = services.gate_evidence


urlpatterns = [
    path("apps/<int:pk>/void/", AppVoid.as_view(url_base="app"), name="app-delete"),
    path("versions/<int:pk>/void/", VersionVoid.as_view(url_base="version"), name="version-delete"),
    path("versions/<int:pk>/retire/", VersionRetire.as_view(url_base="version"), name="version-retire"),
    path("listings/<int:pk>/void/", ListingVoid.as_view(url_base="listing"), name="listing-delete"),
    path("accounts/<int:pk>/void/", AccountVoid.as_view(url_base="account"), name="account-delete"),
    path("evidence/<int:pk>/void/", EvidenceVoid.as_view(url_base="evidence"), name="evidence-delete"),
    path("evidence/<int:pk>/retire/", EvidenceRetire.as_view(url_base="evidence"), name="evidence-retire"),
]
