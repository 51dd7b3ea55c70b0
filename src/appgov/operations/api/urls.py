from rest_framework.routers import DefaultRouter

from . import compat, experience

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
urlpatterns = router.urls
