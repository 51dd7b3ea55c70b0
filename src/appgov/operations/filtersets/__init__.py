from .metrics import BreachFilterSet, ThresholdFilterSet
from .rationalisation import CandidateFilterSet, FunctionsFilterSet

__all__ = ["BreachFilterSet", "CandidateFilterSet", "FunctionsFilterSet", "ThresholdFilterSet"]
