from .experience_compat import AccountTable, AssessmentTable, ReleaseTable, RequirementTable, TaskTable
from .metrics import BreachTable, ThresholdTable, UploadTable
from .rationalisation import CandidateTable, FunctionsTable

__all__ = [
    "AccountTable",
    "AssessmentTable",
    "BreachTable",
    "CandidateTable",
    "FunctionsTable",
    "ReleaseTable",
    "RequirementTable",
    "TaskTable",
    "ThresholdTable",
    "UploadTable",
]
