"""Every write of the operations module. Pages, the API, file imports, the nightly jobs and the demo call these
instances, so the change log sees every write and the page and the API refuse the same things."""

from appgov.core.services import ModelService

from ..models import MetricUpload
from . import metrics, rationalisation, thresholds
from .experience import (
    MAJOR,
    AssessmentService,
    ItemResultService,
    assessments,
    current_major,
    item_results,
    major_of,
)
from .operating_accounts import (
    AccountService,
    ReviewService,
    accounts,
    flag_leavers,
    leaver_problem,
    models_q_person,
    reviews,
)
from .os_compatibility import (
    TRACK_DAYS,
    ReleaseService,
    RequirementService,
    ResultService,
    TaskService,
    ensure_tasks,
    load_register,
    platform_apps,
    releases,
    requirements,
    results,
    tasks,
    tracked_releases,
)
from .rationalisation import decisions, functions
from .thresholds import breaches
from .thresholds import thresholds as threshold_rules

candidates = ModelService(rationalisation.Candidate)
uploads = ModelService(MetricUpload)

__all__ = [
    "AccountService",
    "AssessmentService",
    "ItemResultService",
    "MAJOR",
    "ReleaseService",
    "RequirementService",
    "ResultService",
    "ReviewService",
    "TRACK_DAYS",
    "TaskService",
    "accounts",
    "assessments",
    "breaches",
    "candidates",
    "current_major",
    "decisions",
    "ensure_tasks",
    "flag_leavers",
    "functions",
    "item_results",
    "leaver_problem",
    "load_register",
    "major_of",
    "metrics",
    "models_q_person",
    "platform_apps",
    "rationalisation",
    "releases",
    "requirements",
    "results",
    "reviews",
    "tasks",
    "threshold_rules",
    "thresholds",
    "tracked_releases",
    "uploads",
]
