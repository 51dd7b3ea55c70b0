from .evidence import Evidence
from .findings import Finding, SlaPolicy
from .results import ControlResult, ControlSummary, Evaluation
from .schedule import ScheduleItem

__all__ = [
    "ControlResult",
    "ControlSummary",
    "Evaluation",
    "Evidence",
    "Finding",
    "ScheduleItem",
    "SlaPolicy",
]
