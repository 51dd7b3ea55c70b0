from django.urls import include, path

from . import views

app_name = "operations"
urlpatterns = [
    path("", views.index, name="index"),
    path("", include("appgov.operations.urls_metrics")),
    path("", include("appgov.operations.urls_rationalisation")),
]
