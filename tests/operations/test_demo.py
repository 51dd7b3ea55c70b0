"""The demo makes NFRA-02.4, 06.1 and 09.1 each pass for one app of the demo bank and fail for another."""

from django.utils import timezone


def test_the_demo_passes_and_fails_each_check(db):
    from appgov.compliance.evaluation import catalogue, run_control
    from appgov.core.controls.context import EvaluationContext
    from appgov.core.models import Institution
    from appgov.ledger.demo import load_demo
    from appgov.operations.models import Breach, Candidate

    load_demo()
    bank = Institution.objects.get(code="HZCB")
    ctx = EvaluationContext(bank, timezone.localdate())
    outcomes = {}
    for control_id in ("NFRA-02.4", "NFRA-06.1", "NFRA-09.1"):
        results = list(run_control(ctx, catalogue().by_id(control_id)))
        outcomes[control_id] = {r.subject_repr.split(" ", 1)[1]: r.outcome for r in results}
    for control_id, by_app in outcomes.items():
        assert "pass" in by_app.values() and "fail" in by_app.values(), (control_id, by_app)
    assert Breach.objects.filter(institution=bank, status="open").exists()
    assert Breach.objects.filter(institution=bank, status="handled").exists()
    assert Candidate.objects.filter(institution=bank, status="open").exists()
    assert Candidate.objects.filter(institution=bank, status="decided").exists()
    # loading the demo again adds nothing
    count = Candidate.objects.count()
    load_demo()
    assert Candidate.objects.count() == count
