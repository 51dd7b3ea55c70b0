from django.urls import path

from .views import feeds, profiles, records, regression, scan_list, scans, status, uploads

app_name = "scanning"
urlpatterns = [
    path("scans/", scan_list.scan_list, name="scan-list"),
    path("scans/<int:pk>/", scans.scan_detail, name="scan-detail"),
    path("scans/<int:pk>/triage/", scans.scan_triage, name="scan-triage"),
    path("scans/<int:pk>/status/", status.scan_status, name="scan-status"),
    path("scans/<int:pk>/<str:fmt>.json", scans.scan_download, name="scan-download"),
    path("versions/<int:version_pk>/scan/", scans.scan_request, name="scan-request"),
    path("versions/<int:version_pk>/upload/", uploads.package_upload, name="package-upload"),
    path("sdks/", scans.sdk_inventory, name="sdk-inventory"),
    # void a mistaken SDK assessment or release certificate from the page that lists it (issue 12 item 1)
    path(
        "sdk-assessments/<int:pk>/void/",
        records.SdkAssessmentVoid.as_view(url_base="sdkassessment"),
        name="sdkassessment-delete",
    ),
    path(
        "release-certificates/<int:pk>/void/",
        records.ReleaseCertificateVoid.as_view(url_base="releasecertificate"),
        name="releasecertificate-delete",
    ),
    path("profile/", profiles.profile, name="profile"),
    path("apps/<int:app_pk>/privacy-inventory/", profiles.inventory_edit, name="privacy-inventory-edit"),
    path("feeds/", feeds.feed_list, name="feed-list"),
    path(
        "versions/<int:version_pk>/regression/accept/",
        regression.regression_accept,
        name="regression-accept",
    ),
]
