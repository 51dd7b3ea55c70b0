from .metrics import HandleBreachForm, MetricFileForm, ThresholdForm
from .rationalisation import CompleteDecisionForm, DecisionForm, FunctionsForm

__all__ = [
    "CompleteDecisionForm",
    "DecisionForm",
    "FunctionsForm",
    "HandleBreachForm",
    "MetricFileForm",
    "ThresholdForm",
]
