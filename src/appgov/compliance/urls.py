from django.urls import path

from .views import controls, dashboard, findings, report_jobs, reports

app_name = "compliance"
urlpatterns = [
    path("", dashboard.compliance_dashboard, name="dashboard"),
    path("evaluate/", dashboard.evaluate_now, name="evaluate"),
    path("controls/", controls.control_list, name="control-list"),
    path("controls/<str:control_id>/", controls.control_detail, name="control-detail"),
    path("evidence/<int:pk>/", controls.evidence_download, name="evidence-download"),
    path("evidence/<int:pk>/review/", controls.evidence_review, name="evidence-review"),
    path(
        "evidence/<int:pk>/void/", controls.EvidenceVoid.as_view(url_base="evidence"), name="evidence-delete"
    ),
    path("findings/", findings.finding_list, name="finding-list"),
    path("findings/bulk/", findings.finding_bulk, name="finding-bulk"),
    path("findings/<int:pk>/", findings.finding_detail, name="finding-detail"),
    path("findings/<int:pk>/reassign/", findings.finding_reassign, name="finding-reassign"),
    path("findings/<int:pk>/attach/", findings.finding_attach, name="finding-attach"),
    path(
        "findings/attachments/<int:pk>/",
        findings.finding_attachment_download,
        name="finding-attachment-download",
    ),
    path("report.pdf", reports.report_pdf, name="report-pdf"),
    path("results.xlsx", reports.results_xlsx, name="results-xlsx"),
    path("reports/", report_jobs.report_request, name="report-request"),
    path("reports/<int:pk>/", report_jobs.report_job, name="report-job"),
    path("reports/<int:pk>/status/", report_jobs.report_job_status, name="report-job-status"),
    path("reports/<int:pk>/download/", report_jobs.report_job_download, name="report-job-download"),
]
