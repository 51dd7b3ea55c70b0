"""App operations (NFRA-02.4, 06.1, 09.1): daily metrics, thresholds and breaches, rationalisation."""

from .metrics import DailyMetric, Metric, MetricUpload
from .rationalisation import AppFunctions, Candidate, Decision
from .thresholds import Breach, Threshold

__all__ = [
    "AppFunctions",
    "Breach",
    "Candidate",
    "DailyMetric",
    "Decision",
    "Metric",
    "MetricUpload",
    "Threshold",
]
