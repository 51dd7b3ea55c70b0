from django.urls import path

from appgov.core.views.generic import object_urls

from . import views, views_bulletins, views_submissions

app_name = "supervision"
urlpatterns = [
    path("", views.index, name="index"),
    *object_urls("bulletin", list=views_bulletins.BulletinList, edit=views_bulletins.BulletinEdit),
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
    path("submissions/<int:pk>/<str:part>/", views_submissions.submission_file, name="submission-file"),
]
