from django.urls import path

from appgov.core.views import generic

from . import services
from .models import Threshold
from .views import metrics as v

urlpatterns = [
    path("metrics/", v.overview, name="metrics"),
    path("metrics/upload/", v.upload, name="metrics-upload"),
    path("metrics/apps/<int:pk>/", v.app_metrics, name="app-metrics"),
    *generic.object_urls("upload", list=v.UploadList, detail=v.UploadDetail, base="uploads/"),
    *generic.object_urls(
        "threshold",
        list=v.ThresholdList,
        detail=v.ThresholdDetail,
        edit=v.ThresholdEdit,
        delete=generic.void_view(Threshold, services.thresholds.thresholds),
    ),
    *generic.object_urls("breach", list=v.BreachList, detail=v.BreachDetail, base="breaches/"),
    path("breaches/<int:pk>/handle/", v.breach_handle, name="breach-handle"),
]
