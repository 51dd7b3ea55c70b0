from django.urls import path

from appgov.core.views import generic

from . import services, views
from .models import PolicyCorrection

app_name = "privacy"
urlpatterns = [
    path("", views.PolicyList.as_view(url_base="policy"), name="index"),
    path("policies/upload/", views.upload, name="policy-upload"),
    path("policies/<int:pk>/corrections/", views.correct, name="policy-correct"),
    path(
        "corrections/<int:pk>/void/",
        generic.void_view(PolicyCorrection, services.corrections, back="policy").as_view(
            url_base="correction"
        ),
        name="correction-delete",
    ),
    path("versions/<int:pk>/adopt-packaged-policy/", views.adopt_packaged, name="adopt-packaged"),
    *generic.object_urls("policy", list=views.PolicyList, detail=views.PolicyDetail, base="policies/"),
]
