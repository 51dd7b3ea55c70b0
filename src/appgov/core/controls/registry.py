"""Control id -> check function. Each Django app registers, in its checks.py, the checks for the data it owns.

A check takes the evaluation context and the Control and yields one Result per subject it judged.
Controls without a registered check are judged on evidence alone: the compliance domain registers that
judgement (`set_evidence_judgement`), and a check that cannot judge from its data calls `judge_on_evidence`.
A module changes another module's check only through `extend`, never by replacing the registry entry.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .outcomes import Outcome, SubjectType


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


_EXTENSIONS: dict[str, list[Callable[[CheckFunction], CheckFunction]]] = {}
_EVIDENCE_JUDGEMENT: list[CheckFunction] = []


def extend(control_id: str):
    """Register a wrapper of the check of `control_id` (whoever registers that check, in any order): the
    wrapper receives the base check (or the evidence judgement when there is none) and returns the check."""

    def decorator(wrapper):
        wrappers = _EXTENSIONS.setdefault(control_id, [])
        if all(
            w.__qualname__ != wrapper.__qualname__ or w.__module__ != wrapper.__module__ for w in wrappers
        ):
            wrappers.append(wrapper)
        return wrapper

    return decorator


def check_for(control_id: str) -> CheckFunction | None:
    """The check that judges a control: the registered one, wrapped by every extension; None when the control
    is judged on evidence alone."""
    base = CHECKS.get(control_id)
    wrappers = _EXTENSIONS.get(control_id, [])
    if not wrappers:
        return base
    composed = base or judge_on_evidence
    for wrapper in wrappers:
        composed = wrapper(composed)
    return composed


def set_evidence_judgement(func: CheckFunction) -> None:
    _EVIDENCE_JUDGEMENT[:] = [func]


def judge_on_evidence(ctx, control):
    if not _EVIDENCE_JUDGEMENT:
        raise RuntimeError("the compliance app has not registered the evidence judgement")
    return _EVIDENCE_JUDGEMENT[0](ctx, control)


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
    "check_for",
    "extend",
    "judge_on_evidence",
    "Outcome",
    "Result",
    "SubjectType",
    "check",
    "evidence_needed",
    "failed",
    "not_applicable",
    "passed",
]
