from .experience_compat import (
    AccountForm,
    AssessmentForm,
    ItemResultForm,
    ReleaseForm,
    RequirementForm,
    ResultForm,
    ReviewForm,
    TaskForm,
)
from .metrics import HandleBreachForm, MetricFileForm, ThresholdForm
from .rationalisation import CompleteDecisionForm, DecisionForm, FunctionsForm

__all__ = [
    "AccountForm",
    "AssessmentForm",
    "CompleteDecisionForm",
    "DecisionForm",
    "FunctionsForm",
    "HandleBreachForm",
    "ItemResultForm",
    "MetricFileForm",
    "ReleaseForm",
    "RequirementForm",
    "ResultForm",
    "ReviewForm",
    "TaskForm",
    "ThresholdForm",
]
