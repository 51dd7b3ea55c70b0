from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("scans", views.ScanViewSet)
router.register("sdk-uses", views.SdkUseViewSet)
router.register("sdk-assessments", views.SdkAssessmentViewSet)
router.register("release-certificates", views.ReleaseCertificateViewSet)
router.register("profiles", views.ScanProfileViewSet)
router.register("privacy-inventories", views.AppPrivacyInventoryViewSet)
router.register("vulnerability-feeds", views.VulnerabilityFeedViewSet)
router.register("regression-acceptances", views.GateRegressionAcceptanceViewSet)
urlpatterns = router.urls
