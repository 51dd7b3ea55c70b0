"""Control id -> check function. Each Django app registers, in its checks.py, the checks for the data it owns.

A check takes the evaluation context and the Control and yields one Result per subject it judged.
Controls without a registered check are judged on evidence alone (see evaluation.evidence_check).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .models.subjects import Outcome, SubjectType


@dataclass
class Result:
    subject_type: str
    subject_id: int
    subject_repr: str
    outcome: str
    zh: str
    en: str
    links: list[dict] = field(default_factory=list)  # [{"label": ..., "url": ...}] of the records used


CheckFunction = Callable[..., Iterable[Result]]
CHECKS: dict[str, CheckFunction] = {}


def check(control_id: str):
    def decorator(func: CheckFunction) -> CheckFunction:
        if control_id in CHECKS and CHECKS[control_id] is not func:
            raise RuntimeError(f"two checks registered for {control_id}")
        CHECKS[control_id] = func
        return func

    return decorator


def passed(subject_type, subject_id, subject_repr, zh, en, links=None) -> Result:
    return Result(subject_type, subject_id, subject_repr, Outcome.PASS, zh, en, links or [])


def failed(subject_type, subject_id, subject_repr, zh, en, links=None) -> Result:
    return Result(subject_type, subject_id, subject_repr, Outcome.FAIL, zh, en, links or [])


def not_applicable(subject_type, subject_id, subject_repr, zh, en) -> Result:
    return Result(subject_type, subject_id, subject_repr, Outcome.NOT_APPLICABLE, zh, en, [])


def evidence_needed(subject_type, subject_id, subject_repr, zh, en, links=None) -> Result:
    return Result(subject_type, subject_id, subject_repr, Outcome.EVIDENCE_NEEDED, zh, en, links or [])


__all__ = [
    "CHECKS",
    "Outcome",
    "Result",
    "SubjectType",
    "check",
    "evidence_needed",
    "failed",
    "not_applicable",
    "passed",
]
