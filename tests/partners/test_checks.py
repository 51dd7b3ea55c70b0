"""NFRA-04.2, 05.1, 08.3, 14.1 and 14.2 judged from the register: a pass and a fail for each, and the
evidence judgement where the register says nothing about the app."""

import datetime

from appgov.compliance.evaluation import catalogue, run_control
from appgov.core import services as core
from appgov.core import workflow
from appgov.core.controls.context import EvaluationContext
from appgov.core.models import ChangeLogEntry  # noqa: F401  (the change log records the writes below)
from appgov.partners import services

D = datetime.date
TODAY = D(2026, 3, 2)


def result(world, control_id, app=None, today=TODAY):
    app = app or world.a.app
    ctx = EvaluationContext(world.a.inst, today)
    found = [r for r in run_control(ctx, catalogue().by_id(control_id)) if r.subject_id == app.pk]
    assert len(found) == 1
    return found[0]


def _urls(res):
    return [link["url"] for link in res.links]


# ---- 04.2 ----


def test_04_2_without_business_partner_is_judged_on_evidence(world, reg):
    assert result(world, "NFRA-04.2").outcome == "evidence_needed"


def test_04_2_licence_scope_covers_the_business(world, reg):
    party = reg.party("ALPHA助贷公司", kinds=["business_partner"])
    reg.relation(party, purpose="business", businesses=["loans"])
    reg.qualification(party, businesses=["payments"], valid_until=D(2027, 1, 1))
    res = result(world, "NFRA-04.2")
    assert res.outcome == "fail" and "ALPHA助贷公司" in res.zh and "贷款" in res.zh
    assert party.get_absolute_url() in _urls(res)
    reg.qualification(party, businesses=["loans"], valid_until=D(2027, 1, 1))
    res = result(world, "NFRA-04.2")
    assert res.outcome == "pass", res.en


def test_04_2_expired_licence_fails(world, reg):
    party = reg.party("ALPHA保险代理", kinds=["business_partner"])
    reg.relation(party, purpose="business", businesses=["insurance"])
    reg.qualification(party, number="JR-OLD", businesses=["insurance"], valid_until=D(2026, 1, 31))
    res = result(world, "NFRA-04.2")
    assert res.outcome == "fail" and "JR-OLD" in res.en


# ---- 05.1 ----


def test_05_1_business_needs_an_approved_recent_review(world, reg):
    party = reg.party("ALPHA理财合作方", kinds=["business_partner"])
    relation = reg.relation(party, purpose="business", businesses=["wealth"])
    res = result(world, "NFRA-05.1")
    assert res.outcome == "fail" and "no compliance review" in res.en
    services.relations.review_business(
        relation, world.a.users["compliance"], "approved", "HG-2026-1", D(2026, 2, 1)
    )
    res = result(world, "NFRA-05.1")
    assert res.outcome == "pass" and "HG-2026-1" in res.zh
    assert result(world, "NFRA-05.1", today=D(2027, 2, 2)).outcome == "fail"  # older than 12 months


def test_05_1_rejected_business_that_continues_fails(world, reg):
    relation = reg.relation(reg.party(kinds=["business_partner"]), purpose="business", businesses=["funds"])
    services.relations.review_business(
        relation, world.a.users["compliance"], "rejected", "HG-X", D(2026, 2, 1)
    )
    assert "rejected" in result(world, "NFRA-05.1").en


def test_05_1_ended_business_is_not_judged(world, reg):
    reg.relation(
        reg.party(kinds=["business_partner"]),
        purpose="business",
        businesses=["funds"],
        ended_on=D(2026, 1, 1),
    )
    assert result(world, "NFRA-05.1").outcome == "evidence_needed"


# ---- 08.3 ----


def test_08_3_listed_channel_needs_a_qualified_platform_under_agreement(world, reg):
    store = reg.party("ALPHA应用商店运营方", kinds=["app_store"])
    reg.relation(store, purpose="distribution", channel=world.a.channel)
    res = result(world, "NFRA-08.3")
    assert res.outcome == "fail" and "no valid qualification" in res.en and "no agreement" in res.en
    reg.qualification(store, kind="telecom_licence", number="B2-20260001", valid_until=D(2030, 1, 1))
    reg.contract(store, reference="FX-1")
    res = result(world, "NFRA-08.3")
    assert res.outcome == "pass" and "B2-20260001" in res.zh and "FX-1" in res.en
    assert result(world, "NFRA-08.3", today=D(2031, 1, 1)).outcome == "fail"  # both expired


def test_08_3_channel_missing_from_the_register_fails(world, reg):
    from appgov.ledger.models import Channel, Listing

    other = core.save(Channel(institution=world.a.inst, name="ALPHA另一商店", kind="app_store"))
    core.save(Listing(version=world.a.version, channel=other, state="listed"))
    store = reg.party("ALPHA应用商店运营方", kinds=["app_store"])
    reg.relation(store, purpose="distribution", channel=world.a.channel)
    res = result(world, "NFRA-08.3")
    assert res.outcome == "fail" and "ALPHA另一商店" in res.zh


def test_08_3_without_platforms_in_the_register_is_judged_on_evidence(world, reg):
    reg.party()
    assert result(world, "NFRA-08.3").outcome == "evidence_needed"


# ---- 14.1 ----


def test_14_1_outsourcer_admitted_evaluated_under_contract(world, reg):
    party = reg.party("ALPHA软件外包")
    reg.relation(party, purpose="outsourced_build")
    res = result(world, "NFRA-14.1")
    assert res.outcome == "fail" and "not admitted" in res.en and "no contract" in res.en
    reg.admit(party, assessed_on=D(2026, 1, 5))
    reg.contract(party, reference="WB-1")
    res = result(world, "NFRA-14.1")
    assert res.outcome == "pass" and "WB-1" in res.en
    res = result(world, "NFRA-14.1", today=D(2027, 2, 1))  # annual evaluation missed
    assert res.outcome == "fail" and "overdue" in res.en


def test_14_1_without_outsourcing_is_judged_on_evidence(world, reg):
    reg.relation(reg.party(kinds=["cloud"]), purpose="hosting")
    assert result(world, "NFRA-14.1").outcome == "evidence_needed"


# ---- 14.2 ----


def _serving(reg):
    party = reg.admit(reg.party("ALPHA运维外包", kinds=["outsourced_operator"]))
    reg.relation(party, purpose="outsourced_operation")
    return party


def test_14_2_clean_grants_reviewed_this_quarter_pass(world, reg):
    party = _serving(reg)
    reg.grant(party, ends_on=D(2030, 12, 31))
    review = services.reviews.start(world.a.inst, reg.actor, today=D(2026, 2, 1), due_on=D(2026, 2, 28))
    for item in review.items.all():
        services.reviews.decide_item(item, reg.actor, "confirmed")
    review = services.reviews.sign_off(review, reg.actor)
    res = result(world, "NFRA-14.2", today=review.signed_off_on)
    assert res.outcome == "pass", res.en
    later = result(world, "NFRA-14.2", today=review.signed_off_on + datetime.timedelta(days=100))
    assert later.outcome == "fail" and "not reviewed" in later.en


def test_14_2_each_grant_problem_is_named(world, reg):
    party = _serving(reg)
    reg.grant(party, account="noapprover", approver=None)
    reg.grant(party, account="noend", ends_on=None)
    reg.grant(party, account="toohigh", purpose="support", level="production_data")
    reg.grant(party, account="expired", starts_on=D(2025, 1, 1), ends_on=D(2026, 1, 31))
    res = result(world, "NFRA-14.2")
    assert res.outcome == "fail"
    for account, words in [
        ("noapprover", "no approver"),
        ("noend", "no end date"),
        ("toohigh", "above what support needs"),
        ("expired", "removal is not recorded"),
    ]:
        assert account in res.en and words in res.en, (account, res.en)
    assert "never reviewed" in res.en


def test_14_2_without_grants_is_judged_on_evidence(world, reg):
    _serving(reg)
    assert result(world, "NFRA-14.2").outcome == "evidence_needed"


def test_register_moves_are_logged(world, reg):
    party = reg.admit(reg.party())
    assert core.history(party).filter(action="transition").count() == 1
    assert workflow.available(party, reg.actor)
