from django.urls import path

from appgov.core.views.generic import object_urls

from . import views, views_bulletins, views_submissions

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
    *object_urls(
        "bulletin",
        list=views_bulletins.BulletinList,
        edit=views_bulletins.BulletinEdit,
        delete=views_bulletins.BulletinVoid,
    ),
    path("bulletins/<int:pk>/", views_bulletins.bulletin_detail, name="bulletin-detail"),
    path("bulletins/<int:pk>/issue/", views_bulletins.bulletin_issue, name="bulletin-issue"),
    path("bulletins/<int:pk>/close/", views_bulletins.bulletin_close, name="bulletin-close"),
    path("bulletin-answers/<int:pk>/decide/", views_bulletins.answer_decide, name="answer-decide"),
    path("received/", views_bulletins.ReceivedList.as_view(), name="received-list"),
    path("received/<int:pk>/", views_bulletins.received_detail, name="received-detail"),
    path("received/<int:pk>/acknowledge/", views_bulletins.received_acknowledge, name="received-acknowledge"),
    path("bulletin-answers/<int:pk>/answer/", views_bulletins.answer_submit, name="answer-submit"),
    path("submissions/", views_submissions.SubmissionList.as_view(), name="submission-list"),
    path("submissions/new/", views_submissions.submission_new, name="submission-new"),
    path("submissions/<int:pk>/", views_submissions.submission_detail, name="submission-detail"),
    path("submissions/<int:pk>/review/", views_submissions.submission_review, name="submission-review"),
    path(
        "submissions/<int:pk>/data/",
        views_submissions.submission_file,
        {"part": "data"},
        name="submission-data",
    ),
    path(
        "submissions/<int:pk>/readable/",
        views_submissions.submission_file,
        {"part": "readable"},
        name="submission-readable",
    ),
]
