from .experience import AssessmentFilterSet
from .metrics import BreachFilterSet, ThresholdFilterSet
from .operating_accounts import AccountFilterSet
from .os_compatibility import ReleaseFilterSet, TaskFilterSet
from .rationalisation import CandidateFilterSet, FunctionsFilterSet

__all__ = [
    "AccountFilterSet",
    "AssessmentFilterSet",
    "BreachFilterSet",
    "CandidateFilterSet",
    "FunctionsFilterSet",
    "ReleaseFilterSet",
    "TaskFilterSet",
    "ThresholdFilterSet",
]
