from .experience import AssessmentTable
from .metrics import BreachTable, ThresholdTable, UploadTable
from .operating_accounts import AccountTable
from .os_compatibility import ReleaseTable, RequirementTable, TaskTable
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
