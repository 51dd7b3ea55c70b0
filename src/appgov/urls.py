from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView

from appgov.ledger.views.dashboard import dashboard

api_patterns = [
    path("", include("appgov.core.api.urls")),
    path("", include("appgov.users.api.urls")),
    path("ledger/", include("appgov.ledger.api.urls")),
    path("compliance/", include("appgov.compliance.api.urls")),
    path("scanning/", include("appgov.scanning.api.urls")),
    path("credit/", include("appgov.credit.api.urls")),
    path("counterfeit/", include("appgov.counterfeit.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api-schema"), name="api-docs"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api-schema"), name="api-redoc"),
]

urlpatterns = [
    path("api/", include(api_patterns)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("", include("appgov.users.urls")),
    path("", include("appgov.core.urls")),
    path("ledger/", include("appgov.ledger.urls")),
    path("compliance/", include("appgov.compliance.urls")),
    path("scanning/", include("appgov.scanning.urls")),
    path("credit/", include("appgov.credit.urls")),
    path("counterfeit/", include("appgov.counterfeit.urls")),
    path("", dashboard, name="dashboard"),
]

handler400 = "appgov.core.views.errors.bad_request"
