from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerSplitView

from appgov.core.health import healthz
from appgov.ledger.views.dashboard import dashboard

api_patterns = [
    path("", include("appgov.core.api.urls")),
    path("", include("appgov.users.api.urls")),
    path("ledger/", include("appgov.ledger.api.urls")),
    path("compliance/", include("appgov.compliance.api.urls")),
    path("scanning/", include("appgov.scanning.api.urls")),
    path("credit/", include("appgov.credit.api.urls")),
    path("counterfeit/", include("appgov.counterfeit.api.urls")),
    path("partners/", include("appgov.partners.api.urls")),
    path("operations/", include("appgov.operations.api.urls")),
    path("privacy/", include("appgov.privacy.api.urls")),
    path("risk/", include("appgov.risk.api.urls")),
    path("supervision/", include("appgov.supervision.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    # schema and docs for signed-in users and token holders (SPECTACULAR_SETTINGS["SERVE_PERMISSIONS"]);
    # the Swagger page loads its script as a file (no inline script, see the CSP)
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/", include(api_patterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("appgov.users.urls")),
    path("", include("appgov.core.urls")),
    path("ledger/", include("appgov.ledger.urls")),
    path("compliance/", include("appgov.compliance.urls")),
    path("scanning/", include("appgov.scanning.urls")),
    path("credit/", include("appgov.credit.urls")),
    path("counterfeit/", include("appgov.counterfeit.urls")),
    path("partners/", include("appgov.partners.urls")),
    path("operations/", include("appgov.operations.urls")),
    path("privacy/", include("appgov.privacy.urls")),
    path("risk/", include("appgov.risk.urls")),
    path("supervision/", include("appgov.supervision.urls")),
    path("", dashboard, name="dashboard"),
]

handler500 = "appgov.core.health.server_error"
handler400 = "appgov.core.views.errors.bad_request"
