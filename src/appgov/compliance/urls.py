from django.urls import path

from .views import controls, dashboard, findings, reports

app_name = "compliance"
urlpatterns = [
    path("", dashboard.compliance_dashboard, name="dashboard"),
    path("evaluate/", dashboard.evaluate_now, name="evaluate"),
    path("controls/", controls.control_list, name="control-list"),
    path("controls/<str:control_id>/", controls.control_detail, name="control-detail"),
    path("evidence/<int:pk>/", controls.evidence_download, name="evidence-download"),
    path("findings/", findings.finding_list, name="finding-list"),
    path("findings/bulk/", findings.finding_bulk, name="finding-bulk"),
    path("findings/<int:pk>/", findings.finding_detail, name="finding-detail"),
    path("report.pdf", reports.report_pdf, name="report-pdf"),
    path("results.xlsx", reports.results_xlsx, name="results-xlsx"),
]
