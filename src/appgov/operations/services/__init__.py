"""Every write of the operations module. Pages, the API, file imports, the nightly jobs and the demo call these
instances, so the change log sees every write and the page and the API refuse the same things."""

from appgov.core.services import ModelService

from ..models import MetricUpload
from . import metrics, rationalisation, thresholds
from .rationalisation import decisions, functions
from .thresholds import breaches
from .thresholds import thresholds as threshold_rules

candidates = ModelService(rationalisation.Candidate)
uploads = ModelService(MetricUpload)

__all__ = [
    "breaches",
    "candidates",
    "decisions",
    "functions",
    "metrics",
    "rationalisation",
    "threshold_rules",
    "thresholds",
    "uploads",
]
