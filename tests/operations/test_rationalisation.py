"""Rationalisation: each reason found with its numbers, decisions (retire starts the ledger's exit), overdue
decisions and undecided candidates fail NFRA-02.4 / 06.1."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from ops_helpers import days_of, result

from appgov.core import services as core
from appgov.ledger.models import Vulnerability
from appgov.operations import services
from appgov.operations.models import Candidate, Decision

D = datetime.timedelta


def _figures(world, send, today, app=None, **values):
    app = app or world.a.app
    send(days_of(app, today - D(days=60), today - D(days=1), **values))


def _reasons(world, today):
    return services.rationalisation.find_candidates(world.a.inst, today)


HEALTHY = dict(mau=100000, rating=4.6, crash_rate=0.2, complaints=1)


def test_a_healthy_app_is_no_candidate(world, send, today):
    _figures(world, send, today, **HEALTHY)
    assert world.a.app.pk not in _reasons(world, today)
    assert result(world, "NFRA-02.4", world.a.app, today).outcome == "pass"


def test_without_figures_02_4_needs_evidence(world, today):
    assert result(world, "NFRA-02.4", world.a.app, today).outcome == "evidence_needed"


def test_low_activity(world, send, today):
    _figures(world, send, today, **{**HEALTHY, "mau": 420, "complaints": 0})
    reasons = _reasons(world, today)[world.a.app.pk]["reasons"]
    assert [r["code"] for r in reasons] == ["low_activity"] and "420" in reasons[0]["zh"]


@pytest.mark.parametrize(
    "values, words",
    [
        ({"rating": 2.4}, "平均评分 2.40"),
        ({"crash_rate": 3.5}, "崩溃率 3.50%"),
        ({"complaints": 40}, "每万月活月投诉"),
    ],
)
def test_poor_experience(world, send, today, values, words):
    _figures(world, send, today, **{**HEALTHY, **values})
    reasons = _reasons(world, today)[world.a.app.pk]["reasons"]
    assert [r["code"] for r in reasons] == ["poor_experience"] and words in reasons[0]["zh"]


def test_redundant_functions_show_the_overlap(world, send, today):
    from appgov.ledger import services as ledger

    second = core.save(
        type(world.a.app)(
            institution=world.a.inst,
            code="A-APP-9",
            name="A积分商城",
            kind="mini_program",
            state="in_operation",
        )
    )
    assert ledger  # the ledger's own service wrote the world's apps; this one is a plain logged save
    office = world.a.office_user
    services.functions.create(
        office,
        {
            "app": world.a.app,
            "functions": ["account_inquiry", "transfer", "points_rewards", "card_management"],
        },
    )
    services.functions.create(office, {"app": second, "functions": ["points_rewards", "card_management"]})
    found = _reasons(world, today)
    assert found[second.pk]["overlap_with"] == world.a.app.pk
    assert found[second.pk]["overlap"] == ["card_management", "points_rewards"]
    assert (
        "积分权益" in found[second.pk]["reasons"][0]["zh"] and "100%" in found[second.pk]["reasons"][0]["zh"]
    )
    assert found[world.a.app.pk]["overlap_with"] == second.pk
    # 06.1: overlap without a candidate yet is evidence needed; once the run made it one and it is undecided
    # past the window it fails
    assert result(world, "NFRA-06.1", second, today).outcome == "evidence_needed"
    services.rationalisation.run(world.a.inst, today - D(days=31))
    res = result(world, "NFRA-06.1", second, today)
    assert res.outcome == "fail" and "A手机银行" in res.zh


def test_06_1_without_a_catalogue_needs_evidence(world, today):
    res = result(world, "NFRA-06.1", world.a.app, today)
    assert res.outcome == "evidence_needed" and "功能清单" in res.zh


def test_an_unknown_function_code_is_refused(world):
    with pytest.raises(ValidationError, match="wire_fraud"):
        services.functions.create(world.a.office_user, {"app": world.a.app, "functions": ["wire_fraud"]})


def test_high_risk_open_high_vulnerability(world, send, today):
    _figures(world, send, today, **HEALTHY)
    core.save(Vulnerability(version=world.a.version, title="A远程代码执行", severity="high"))
    reasons = _reasons(world, today)[world.a.app.pk]["reasons"]
    assert [r["code"] for r in reasons] == ["high_risk"] and "高危漏洞 1" in reasons[0]["zh"]


def test_high_risk_lapsed_mlps(world, send, today):
    _figures(world, send, today, **HEALTHY)
    core.update(world.a.app, None, mlps_level=3, mlps_assessed_on=today - D(days=500))
    reasons = _reasons(world, today)[world.a.app.pk]["reasons"]
    assert "等保测评已过期" in reasons[0]["zh"]


def _candidate(world, send, today, found_days_ago=40):
    _figures(world, send, today, **{**HEALTHY, "mau": 300})
    services.rationalisation.run(world.a.inst, today - D(days=found_days_ago))
    return Candidate.objects.get(app=world.a.app)


def _decide(world, candidate, kind, deadline, **extra):
    data = {
        "candidate": candidate,
        "kind": kind,
        "justification": "委员会决议",
        "owner": world.a.people["P001"],
        "deadline": deadline,
    }
    return services.decisions.create(world.a.office_user, {**data, **extra})


def test_an_undecided_candidate_fails_after_the_window(world, send, today):
    candidate = _candidate(world, send, today, found_days_ago=10)
    res = result(world, "NFRA-02.4", world.a.app, today)
    assert res.outcome == "pass" and "决策期限" in res.zh
    core.update(candidate, None, first_found_on=today - D(days=31))
    res = result(world, "NFRA-02.4", world.a.app, today)
    assert res.outcome == "fail" and "逾期未决策" in res.zh and "300" in res.zh


def test_retire_starts_the_exit_lifecycle(world, send, today):
    candidate = _candidate(world, send, today)
    decision = _decide(world, candidate, "retire", today + D(days=90))
    world.a.app.refresh_from_db()
    assert world.a.app.state == "retiring"
    assert world.a.app.gate_evidence.filter(item="exit_decision").exists()
    assert world.a.app.lifecycle_events.filter(to_state="retiring").exists()
    candidate.refresh_from_db()
    assert candidate.status == "decided" and decision.decided_by == world.a.office_user
    with pytest.raises(ValidationError):
        _decide(world, candidate, "keep", today + D(days=9))


def test_merge_names_the_app_that_takes_over(world, send, today):
    candidate = _candidate(world, send, today)
    with pytest.raises(ValidationError) as refused:
        _decide(world, candidate, "merge", today + D(days=30))
    assert "merge_into" in refused.value.message_dict
    world.a.app.refresh_from_db()
    assert world.a.app.state == "in_operation" and not Decision.objects.exists()
    _decide(world, candidate, "merge", today + D(days=30), merge_into=world.a.app2)
    world.a.app.refresh_from_db()
    assert world.a.app.state == "retiring"


def test_only_the_office_decides(world, send, today):
    candidate = _candidate(world, send, today)
    with pytest.raises(PermissionDenied):
        services.decisions.create(
            world.a.users["app_owner"],
            {
                "candidate": candidate,
                "kind": "keep",
                "justification": "x",
                "owner": world.a.people["P001"],
                "deadline": today,
            },
        )


def test_an_overdue_decision_fails_02_4_until_completed(world, send, today):
    candidate = _candidate(world, send, today)
    decision = _decide(world, candidate, "optimise", today + D(days=5))
    assert result(world, "NFRA-02.4", world.a.app, today).outcome == "pass"
    res = result(world, "NFRA-02.4", world.a.app, today + D(days=6))
    assert res.outcome == "fail" and "逾期未完成" in res.zh
    services.decisions.complete(decision, world.a.office_user, "改版上线，月活回升")
    assert result(world, "NFRA-02.4", world.a.app, today + D(days=6)).outcome == "pass"


def test_keep_needs_a_justification_and_completes_at_once(world, send, today):
    candidate = _candidate(world, send, today)
    with pytest.raises(ValidationError):
        _decide(world, candidate, "keep", today + D(days=5), justification="")
    decision = _decide(world, candidate, "keep", today + D(days=5))
    assert decision.completed_on == today
    assert result(world, "NFRA-02.4", world.a.app, today + D(days=60)).outcome == "pass"


def test_the_run_clears_an_undecided_candidate_and_completes_a_retirement(world, send, today):
    candidate = _candidate(world, send, today)
    send(days_of(world.a.app, today - D(days=60), today - D(days=1), mau=90000))
    counts = services.rationalisation.run(world.a.inst, today)
    candidate.refresh_from_db()
    assert counts["cleared"] == 1 and candidate.status == "cleared"
