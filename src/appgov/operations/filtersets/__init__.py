from .experience_compat import AccountFilterSet, AssessmentFilterSet, ReleaseFilterSet, TaskFilterSet
from .metrics import BreachFilterSet, ThresholdFilterSet
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
