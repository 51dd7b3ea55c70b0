"""A control's results are about the kind of subject the catalogue says it applies to, so the evidence form
(which offers the catalogue's kind) and the results page speak of the same things."""

import datetime

from appgov.compliance.evaluation import catalogue, run_control
from appgov.core.controls.context import EvaluationContext
from appgov.core.controls.registry import CHECKS


def test_checks_judge_the_subject_kind_the_catalogue_names(world):
    mismatched = {}
    for org in (world.a, world.b):
        ctx = EvaluationContext(org.inst, datetime.date.today())
        for control in catalogue().controls:
            if control.id not in CHECKS:
                continue
            kinds = {str(r.subject_type) for r in run_control(ctx, control)}
            # A check may speak of the whole institution when it has nothing finer to judge.
            stray = kinds - {str(control.applies_to), "institution"}
            if stray:
                mismatched[control.id] = (str(control.applies_to), sorted(stray))
    assert mismatched == {}
