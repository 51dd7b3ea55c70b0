from .evidence import Evidence
from .findings import Finding, FindingAttachment, SlaPolicy
from .report_jobs import ReportJob
from .results import ControlResult, ControlSummary, Evaluation
from .schedule import ScheduleItem

__all__ = [
    "ControlResult",
    "ControlSummary",
    "Evaluation",
    "Evidence",
    "Finding",
    "FindingAttachment",
    "ReportJob",
    "ScheduleItem",
    "SlaPolicy",
]
