from django.urls import path

from . import views

urlpatterns = [
    path("changelog/", views.changelog_list, name="changelog"),
    path("changelog/<int:seq>/", views.changelog_detail, name="changelog-detail"),
]
