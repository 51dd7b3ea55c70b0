from django.urls import path

from appgov.core.views.generic import object_urls

from . import views

app_name = "supervision"
urlpatterns = [
    path("", views.index, name="index"),
    path("institutions/<int:pk>/", views.institution_detail, name="institution"),
    *object_urls("campaign", list=views.CampaignList, edit=views.CampaignEdit),
    path("campaigns/<int:pk>/", views.campaign_detail, name="campaign-detail"),
    path("campaigns/<int:pk>/results/", views.result_add, name="result-add"),
    path("campaigns/<int:pk>/issue/", views.campaign_issue, name="campaign-issue"),
    path("campaigns/<int:pk>/close/", views.campaign_close, name="campaign-close"),
    path("results/<int:pk>/findings/", views.finding_add, name="finding-add"),
    path("campaign-findings/<int:pk>/evidence/", views.finding_evidence, name="finding-evidence"),
    path("rectifications/", views.RectificationList.as_view(), name="rectification-list"),
    path("rectifications/<int:pk>/", views.rectification, name="rectification"),
    *object_urls("measure", list=views.MeasureList, edit=views.MeasureEdit, detail=views.MeasureDetail),
    path("controls/", views.office_controls, name="office-controls"),
]
