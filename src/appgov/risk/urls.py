from django.urls import path

from .views import actions, pages

app_name = "risk"
urlpatterns = [
    path("", actions.index, name="index"),
    path("programme/", actions.programme, name="programme"),
    path("assessments/<int:pk>/", actions.assessment, name="assessment-detail"),
    path("assessments/<int:pk>/report.pdf", actions.assessment_pdf, name="assessment-pdf"),
    path("campaigns/<int:pk>/report.pdf", actions.campaign_pdf, name="campaign-pdf"),
    path("assessments/<int:pk>/move/", actions.assessment_move, name="assessment-move"),
    path("assessments/<int:pk>/prefill/", actions.assessment_prefill, name="assessment-prefill"),
    path("incidents/<int:pk>/events/", actions.incident_event, name="incident-event"),
    path("reports/<int:pk>/generate/", actions.report_generate, name="report-generate"),
    path("reports/<int:pk>/send/", actions.report_send, name="report-send"),
    path("reports/<int:pk>/download/", actions.report_download, name="report-download"),
    path("notifications/<int:pk>/record/", actions.notification_record, name="notification-record"),
    *pages.urlpatterns,
]
