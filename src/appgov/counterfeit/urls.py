from django.urls import path

from . import views

app_name = "counterfeit"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("cases/", views.CaseList.as_view(), name="case-list"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/move/", views.case_move, name="case-move"),
    path("cases/<int:pk>/clarifications/", views.case_clarify, name="case-clarify"),
    path("cases/<int:pk>/report/", views.case_report, name="case-report"),
    path("feeds/", views.feed_list, name="feed-list"),
    path("listings/", views.ListingList.as_view(), name="listing-list"),
    path("listings/<int:pk>/icon/", views.listing_icon, name="listing-icon"),
    path("sweep/", views.sweep_now, name="sweep-now"),
    path("protection/", views.protection, name="protection"),
    path("protection/apps/<int:app_pk>/", views.protection_app, name="protection-app"),
    path("protection/apps/<int:app_pk>/icon/", views.protection_icon, name="protection-icon"),
]
