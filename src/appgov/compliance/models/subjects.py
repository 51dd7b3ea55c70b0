from appgov.core.controls.outcomes import Outcome, SubjectType

__all__ = ["Outcome", "SubjectType"]
