from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("apps", views.MobileAppViewSet)
router.register("versions", views.AppVersionViewSet)
router.register("channels", views.ChannelViewSet)
router.register("listings", views.ListingViewSet)
router.register("publishing-accounts", views.PublishingAccountViewSet)
router.register("vulnerabilities", views.VulnerabilityViewSet)
router.register("gate-evidence", views.GateEvidenceViewSet)
urlpatterns = router.urls
