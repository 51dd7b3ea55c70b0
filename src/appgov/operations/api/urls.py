from rest_framework.routers import DefaultRouter

from . import compat, experience, metrics, rationalisation

router = DefaultRouter()
for prefix, viewset, basename in [
    ("experience-assessments", experience.AssessmentViewSet, "operations-assessment"),
    ("experience-items", experience.ItemResultViewSet, "operations-itemresult"),
    ("accounts", experience.AccountViewSet, "operations-account"),
    ("account-reviews", experience.ReviewViewSet, "operations-review"),
    ("os-releases", compat.ReleaseViewSet, "operations-osrelease"),
    ("os-requirements", compat.RequirementViewSet, "operations-requirement"),
    ("adaptation-tasks", compat.TaskViewSet, "operations-task"),
    ("compat-results", compat.ResultViewSet, "operations-result"),
]:
    router.register(prefix, viewset, basename=basename)
router.register("metrics", metrics.DailyMetricViewSet, basename="operations-metric")
router.register("uploads", metrics.MetricUploadViewSet, basename="operations-upload")
router.register("thresholds", metrics.ThresholdViewSet, basename="operations-threshold")
router.register("breaches", metrics.BreachViewSet, basename="operations-breach")
router.register("functions", rationalisation.AppFunctionsViewSet, basename="operations-functions")
router.register("candidates", rationalisation.CandidateViewSet, basename="operations-candidate")
router.register("decisions", rationalisation.DecisionViewSet, basename="operations-decision")
urlpatterns = router.urls
