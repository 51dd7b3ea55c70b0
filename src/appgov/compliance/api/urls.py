from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("results", views.ControlResultViewSet)
router.register("evaluations", views.EvaluationViewSet)
router.register("findings", views.FindingViewSet)
router.register("evidence", views.EvidenceViewSet)
router.register("finding-attachments", views.FindingAttachmentViewSet)
urlpatterns = [path("controls/", views.ControlCatalogueView.as_view(), name="api-controls"), *router.urls]
