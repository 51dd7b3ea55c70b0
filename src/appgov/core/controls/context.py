"""Everything one evaluation reads, loaded once per institution (the query count does not grow with the apps).

The context knows no module: each module registers the facts it owns (`@fact("apps")` in ledger/facts.py,
`@fact("evidence")` in compliance/facts.py) and the subjects of its kinds (`@subjects_of(SubjectType.APP)`).
A fact is computed on first use and kept for the rest of the evaluation.
"""

from collections.abc import Callable

from .outcomes import SubjectType

_FACTS: dict[str, Callable] = {}
_SUBJECTS: dict[str, Callable] = {}


def fact(name: str):
    def decorator(func):
        if _FACTS.get(name, func) is not func and _FACTS[name].__qualname__ != func.__qualname__:
            raise RuntimeError(f"two providers of the evaluation fact {name!r}")
        _FACTS[name] = func
        return func

    return decorator


def subjects_of(kind: str):
    def decorator(func):
        _SUBJECTS[kind] = func
        return func

    return decorator


class EvaluationContext:
    def __init__(self, institution, today):
        self.institution = institution
        self.today = today

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        provider = _FACTS.get(name)
        if provider is None:
            raise AttributeError(f"no module registers the evaluation fact {name!r}")
        value = provider(self)
        self.__dict__[name] = value
        return value

    def subjects(self, applies_to: str) -> list[tuple[str, int, str, object]]:
        """(subject_type, id, label, object) for every subject a control of this kind applies to."""
        if applies_to in (SubjectType.INSTITUTION, SubjectType.CREDIT_SYSTEM):
            return [(applies_to, self.institution.pk, self.institution.name, self.institution)]
        provider = _SUBJECTS.get(applies_to)
        return provider(self) if provider else []
