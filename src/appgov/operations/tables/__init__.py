from .metrics import BreachTable, ThresholdTable, UploadTable
from .rationalisation import CandidateTable, FunctionsTable

__all__ = ["BreachTable", "CandidateTable", "FunctionsTable", "ThresholdTable", "UploadTable"]
