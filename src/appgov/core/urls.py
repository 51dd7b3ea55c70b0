from django.urls import path

from . import views
from .views.progress import job_progress

urlpatterns = [
    path("changelog/", views.changelog_list, name="changelog"),
    path("changelog/<int:seq>/", views.changelog_detail, name="changelog-detail"),
    path("jobs/progress/<slug:kind>/", job_progress, name="job-progress"),
]
