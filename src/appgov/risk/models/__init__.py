"""Risk, audit, incidents and continuity (NFRA-13.2, 15, 16.3, 17; 03.2, 05.4, 07.1, 07.3)."""

from .assessments import Assessment, AssessmentCampaign
from .audits import AuditEngagement, AuditFinding
from .continuity import Drill, EmergencyPlan, ImpactAnalysis
from .dossier import ReleaseDossier
from .incidents import Incident, IncidentEvent, PrivacyNotification, RegulatorReport
from .register import Risk, RiskTask, RiskVendor

__all__ = [
    "Assessment",
    "AssessmentCampaign",
    "AuditEngagement",
    "AuditFinding",
    "Drill",
    "EmergencyPlan",
    "ImpactAnalysis",
    "Incident",
    "IncidentEvent",
    "PrivacyNotification",
    "RegulatorReport",
    "ReleaseDossier",
    "Risk",
    "RiskTask",
    "RiskVendor",
]
