from .accounts import AccountReview, OperatingAccount
from .compat import AdaptationTask, CompatTestResult, OsPlatform, OsRelease, PlatformRequirement
from .experience import ExperienceAssessment, ExperienceItemResult

__all__ = [
    "AccountReview",
    "AdaptationTask",
    "CompatTestResult",
    "ExperienceAssessment",
    "ExperienceItemResult",
    "OperatingAccount",
    "OsPlatform",
    "OsRelease",
    "PlatformRequirement",
]
