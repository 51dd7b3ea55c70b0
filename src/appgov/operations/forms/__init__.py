from .experience import AssessmentForm, ItemResultForm
from .metrics import HandleBreachForm, MetricFileForm, ThresholdForm
from .operating_accounts import AccountForm, ReviewForm
from .os_compatibility import ReleaseForm, RequirementForm, ResultForm, TaskForm
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
