from django.urls import path

from . import views

app_name = "partners"
urlpatterns = [
    path("", views.index, name="index"),
    path("parties/<int:pk>/", views.party_detail, name="party-detail"),
    path("reviews/<int:pk>/", views.review_detail, name="review-detail"),
]
