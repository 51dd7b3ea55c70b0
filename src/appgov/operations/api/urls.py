from rest_framework.routers import DefaultRouter

from . import metrics, rationalisation

router = DefaultRouter()
router.register("metrics", metrics.DailyMetricViewSet, basename="operations-metric")
router.register("uploads", metrics.MetricUploadViewSet, basename="operations-upload")
router.register("thresholds", metrics.ThresholdViewSet, basename="operations-threshold")
router.register("breaches", metrics.BreachViewSet, basename="operations-breach")
router.register("functions", rationalisation.AppFunctionsViewSet, basename="operations-functions")
router.register("candidates", rationalisation.CandidateViewSet, basename="operations-candidate")
router.register("decisions", rationalisation.DecisionViewSet, basename="operations-decision")
urlpatterns = router.urls
