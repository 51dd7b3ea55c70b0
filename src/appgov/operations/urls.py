from django.urls import include, path

from . import views
from .views import accounts, compat, experience

app_name = "operations"
urlpatterns = [
    path("", views.index, name="index"),
    *experience.urlpatterns,
    *accounts.urlpatterns,
    *compat.urlpatterns,
    path("compatibility/", compat.compatibility, name="compatibility"),
    path("compatibility/report.xlsx", compat.compatibility_xlsx, name="compatibility-xlsx"),
    path("os-releases/sync/", compat.register_sync, name="osrelease-sync"),
    path("", include("appgov.operations.urls_metrics")),
    path("", include("appgov.operations.urls_rationalisation")),
]
