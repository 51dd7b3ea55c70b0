from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
router.register("brand-profiles", views.BrandProfileViewSet)
router.register("app-protections", views.AppProtectionViewSet)
router.register("feeds", views.ListingFeedViewSet)
router.register("listings", views.ObservedListingViewSet, basename="observedlisting")
router.register("sweeps", views.SweepRunViewSet)
router.register("cases", views.CaseViewSet, basename="counterfeitcase")
urlpatterns = router.urls
