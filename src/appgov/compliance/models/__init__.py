from .evidence import Evidence
from .findings import Finding, FindingAttachment, SlaPolicy
from .results import ControlResult, ControlSummary, Evaluation
from .schedule import ScheduleItem

__all__ = [
    "ControlResult",
    "ControlSummary",
    "Evaluation",
    "Evidence",
    "Finding",
    "FindingAttachment",
    "ScheduleItem",
    "SlaPolicy",
]
