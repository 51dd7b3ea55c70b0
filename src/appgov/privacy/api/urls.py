from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("policies", views.PrivacyPolicyViewSet)
router.register("corrections", views.PolicyCorrectionViewSet)
urlpatterns = router.urls
