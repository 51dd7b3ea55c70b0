from django.urls import path

from .views import apps, bulk, channels, saved_filters, spreadsheets, versions, voiding

app_name = "ledger"
urlpatterns = (
    channels.urlpatterns
    + voiding.urlpatterns
    + [
        path("apps/", apps.app_list, name="app-list"),
        path("apps/new/", apps.app_create, name="app-create"),
        path("apps/bulk-edit/", bulk.app_bulk_edit, name="app-bulk-edit"),
        path("filters/save/", saved_filters.filter_save, name="filter-save"),
        path("filters/<int:pk>/delete/", saved_filters.filter_delete, name="filter-delete"),
        path("apps/<int:pk>/", apps.app_detail, name="app-detail"),
        path("apps/<int:pk>/edit/", apps.app_edit, name="app-edit"),
        path("apps/<int:pk>/transition/", apps.app_transition, name="app-transition"),
        path("apps/<int:pk>/evidence/", apps.app_evidence_add, name="app-evidence-add"),
        path("apps/<int:app_pk>/versions/new/", versions.version_create, name="version-create"),
        path("apps/<int:app_pk>/accounts/new/", versions.account_create, name="account-create"),
        path("versions/<int:pk>/", versions.version_detail, name="version-detail"),
        path("versions/<int:pk>/edit/", versions.version_edit, name="version-edit"),
        path("versions/<int:pk>/package/", versions.version_download, name="version-download"),
        path("versions/<int:version_pk>/listings/new/", versions.listing_create, name="listing-create"),
        path(
            "versions/<int:version_pk>/vulnerabilities/new/",
            versions.vulnerability_create,
            name="vulnerability-create",
        ),
        path("listings/<int:pk>/state/", versions.listing_update_state, name="listing-state"),
        path("import/", spreadsheets.ledger_import, name="import"),
        path("export.xlsx", spreadsheets.ledger_export, name="export"),
        path("template.xlsx", spreadsheets.ledger_template, name="template"),
    ]
)
