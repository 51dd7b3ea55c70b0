"""The pages of the scanning module's kept records a user enters through the API: the institution's SDK security
assessments (listed on the SDK inventory page) and the apps' release certificates (listed on the app's page).
A mistaken one is voided from there (issue 12 item 1): a Void link on the row, the generic void page asking for
the reason, the row struck through afterwards. The writers are the API's (core.roles.WRITE_ROLES)."""

from django.urls import reverse

from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.views import generic

from .. import services
from ..models import ReleaseCertificate, SdkAssessment


def sdk_assessments(request) -> dict:
    """The SDK inventory page's block: every assessment in the user's scope, voided ones struck through."""
    return {
        "assessments": scoped(SdkAssessment, request.user).select_related("voided_by"),
        "can_void_assessments": can_write(request.user, "scanning.sdkassessment"),
    }


def certificates_block(app, request) -> dict:
    """The app page's block (registered for ledger.mobileapp in apps.py): the release certificates the app is
    published with (NFRA-12.4), voided ones struck through."""
    return {
        "certificates": list(app.release_certificates.select_related("voided_by").order_by("pk")),
        "can_void": can_write(request.user, "scanning.releasecertificate")
        and request.user.institution_id == app.institution_id,
    }


SdkAssessmentVoid = generic.void_view(
    SdkAssessment, services.sdk_assessments, back=lambda obj: reverse("scanning:sdk-inventory")
)
ReleaseCertificateVoid = generic.void_view(ReleaseCertificate, services.release_certificates, back="app")
