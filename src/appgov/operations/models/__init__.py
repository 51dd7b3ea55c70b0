"""App operations: daily metrics, thresholds and breaches, rationalisation (NFRA-02.4, 06.1, 09.1); experience
assessments, operating accounts and OS compatibility (NFRA-06.2, 09.2, 10)."""

from .accounts import AccountReview, OperatingAccount
from .compat import AdaptationTask, CompatTestResult, OsPlatform, OsRelease, PlatformRequirement
from .experience import ExperienceAssessment, ExperienceItemResult
from .metrics import DailyMetric, Metric, MetricUpload
from .rationalisation import AppFunctions, Candidate, Decision
from .thresholds import Breach, Threshold

__all__ = [
    "AccountReview",
    "AdaptationTask",
    "AppFunctions",
    "Breach",
    "Candidate",
    "CompatTestResult",
    "DailyMetric",
    "Decision",
    "ExperienceAssessment",
    "ExperienceItemResult",
    "Metric",
    "MetricUpload",
    "OperatingAccount",
    "OsPlatform",
    "OsRelease",
    "PlatformRequirement",
    "Threshold",
]
