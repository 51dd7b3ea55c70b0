from rest_framework.routers import DefaultRouter

from . import views

router = DefaultRouter()
for prefix, viewset, basename in [
    ("incidents", views.IncidentViewSet, "risk-incident"),
    ("incident-events", views.IncidentEventViewSet, "risk-incidentevent"),
    ("regulator-reports", views.RegulatorReportViewSet, "risk-regulatorreport"),
    ("privacy-notifications", views.PrivacyNotificationViewSet, "risk-privacynotification"),
    ("audits", views.AuditViewSet, "risk-auditengagement"),
    ("audit-findings", views.AuditFindingViewSet, "risk-auditfinding"),
    ("campaigns", views.CampaignViewSet, "risk-campaign"),
    ("assessments", views.AssessmentViewSet, "risk-assessment"),
    ("risks", views.RiskViewSet, "risk-risk"),
    ("risk-tasks", views.RiskTaskViewSet, "risk-risktask"),
    ("impact-analyses", views.ImpactAnalysisViewSet, "risk-impactanalysis"),
    ("emergency-plans", views.EmergencyPlanViewSet, "risk-emergencyplan"),
    ("drills", views.DrillViewSet, "risk-drill"),
    ("release-dossiers", views.ReleaseDossierViewSet, "risk-releasedossier"),
]:
    router.register(prefix, viewset, basename=basename)
urlpatterns = router.urls
