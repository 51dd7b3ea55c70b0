"""The register's models and services: the credit code's check character, the rules of each write."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from appgov.core import workflow
from appgov.core.services import history
from appgov.partners import services
from appgov.partners.models.uscc import check_character, problem

D = datetime.date


def code(first17):
    return first17 + check_character(first17)


def test_credit_code_check_character_of_real_codes():
    # Tencent (Shenzhen) and Baidu (Beijing), as published in their business licences
    assert problem("91440300708461136T") == ""
    assert problem("91110000802100433B") == ""


def test_credit_code_errors_name_the_position():
    assert "18" in problem("91440300708461136A")
    assert "“T”" in problem("91440300708461136A")  # the expected check character
    assert "5" in problem("9144I300708461136T")  # I is never used
    assert "has 17" in problem("91440300708461136") or "17" in problem("91440300708461136")
    assert "Position 3" in problem("91X40300708461136T") or "3" in problem("91X40300708461136T")


def test_party_with_a_wrong_code_is_refused_naming_the_position(world, reg):
    with pytest.raises(ValidationError) as caught:
        services.parties.create(
            world.a.office_user,
            {"name": "ALPHA坏码公司", "credit_code": "91440300708461136A", "kinds": ["cloud"]},
        )
    assert "credit_code" in caught.value.message_dict
    assert "18" in caught.value.message_dict["credit_code"][0]


def test_party_gets_the_actors_institution_and_a_logged_create(world, reg):
    party = reg.party()
    assert party.institution == world.a.inst and party.state == "admission"
    assert history(party).filter(action="create").count() == 1


def test_unknown_kind_is_refused(world, reg):
    with pytest.raises(ValidationError) as caught:
        reg.party(kinds=["astrologer"])
    assert "kinds" in caught.value.message_dict


def test_read_only_role_may_not_write(world):
    with pytest.raises(PermissionDenied):
        services.parties.create(
            world.a.users["read_only"],
            {"name": "x", "credit_code": code("91330100MA0000001"), "kinds": ["cloud"]},
        )


def test_assessment_score_and_blocking_answers(world, reg):
    party = reg.party()
    answers = {q["id"]: "yes" for q in services.questionnaire()["questions"]}
    answers["compliance_record"] = "no"
    assessment = services.assessments.create(
        reg.actor, {"party": party, "assessed_on": D(2026, 1, 5), "answers": answers}
    )
    assert assessment.blocking == ["compliance_record"]
    assert 0 < assessment.score < 100
    with pytest.raises(ValidationError) as caught:
        services.assessments.decide(assessment, world.a.admin, "approved")
    assert "compliance_record" in str(caught.value)


def test_unknown_question_is_named(world, reg):
    with pytest.raises(ValidationError) as caught:
        services.assessments.create(
            reg.actor, {"party": reg.party(), "assessed_on": D(2026, 1, 5), "answers": {"horoscope": "yes"}}
        )
    assert "horoscope" in str(caught.value)


def test_assessor_may_not_decide_own_assessment(world, reg):
    party = reg.party()
    answers = {q["id"]: "yes" for q in services.questionnaire()["questions"]}
    assessment = services.assessments.create(
        world.a.admin, {"party": party, "assessed_on": D(2026, 1, 5), "answers": answers}
    )
    with pytest.raises(PermissionDenied):
        services.assessments.decide(assessment, world.a.admin, "approved")


def test_admission_needs_an_approved_assessment(world, reg):
    party = reg.party()
    with pytest.raises(ValidationError) as caught:
        workflow.transition(party, "approved", reg.actor)
    assert "admission due diligence" in str(caught.value)
    party = reg.admit(party)
    assert party.state == "approved" and party.admitted_on is not None
    assert party.next_evaluation_due == D(2027, 1, 5)  # medium tier: annual


def test_high_risk_party_is_evaluated_every_six_months(world, reg):
    party = reg.admit(reg.party(risk_tier="high"))
    assert party.next_evaluation_due == D(2026, 7, 5)


def test_contract_move_needs_a_current_contract(world, reg):
    party = reg.admit(reg.party())
    with pytest.raises(ValidationError):
        workflow.transition(party, "under_contract", reg.actor)
    reg.contract(party)
    assert workflow.transition(party, "under_contract", reg.actor).state == "under_contract"


def test_exit_checklist(world, reg):
    party = reg.admit(reg.party())
    contract = reg.contract(party)
    reg.relation(party)
    grant = reg.grant(party, ends_on=None)
    workflow.transition(party, "under_contract", reg.actor)
    workflow.transition(party, "exiting", reg.actor, reason="合同到期不再续约")
    with pytest.raises(ValidationError) as caught:
        workflow.transition(
            party, "exited", reg.actor, data_disposition="destroyed", data_disposed_on=D(2026, 1, 6)
        )
    text = str(caught.value)
    assert "Grants still in force" in text and contract.reference in text and "certificate" in text
    services.grants.revoke(grant, reg.actor, on=D(2026, 1, 6))
    services.contracts.update(contract, reg.actor, {"terminated_on": D(2026, 1, 6)})
    from django.core.files.base import ContentFile

    party = workflow.transition(
        party,
        "exited",
        reg.actor,
        data_disposition="destroyed",
        data_disposed_on=D(2026, 1, 6),
        destruction_certificate=ContentFile(b"%PDF-1.4 cert", name="cert.pdf"),
        exited_on=D(2026, 1, 7),
    )
    assert party.state == "exited" and party.destruction_certificate
    assert party.relations.get().ended_on == D(2026, 1, 7)
    with pytest.raises(ValidationError):
        services.parties.update(party, reg.actor, {"note": "x"})


def test_distribution_relation_names_the_channel(world, reg):
    party = reg.party(kinds=["app_store"])
    with pytest.raises(ValidationError) as caught:
        reg.relation(party, purpose="distribution")
    assert "channel" in caught.value.message_dict
    assert reg.relation(party, purpose="distribution", channel=world.a.channel).channel == world.a.channel


def test_relation_to_another_institutions_app_is_refused(world, reg):
    with pytest.raises(ValidationError) as caught:
        reg.relation(reg.party(), app=world.b.app)
    assert "app" in caught.value.message_dict


def test_business_review_only_by_compliance(world, reg):
    relation = reg.relation(reg.party(kinds=["business_partner"]), purpose="business", businesses=["loans"])
    with pytest.raises(PermissionDenied):
        services.relations.review_business(relation, world.a.office_user, "approved", "HG-1")
    relation = services.relations.review_business(relation, world.a.users["compliance"], "approved", "HG-1")
    assert relation.review_conclusion == "approved" and relation.reviewed_by == world.a.users["compliance"]


def test_access_review_revokes_and_signs_off(world, reg):
    party = reg.admit(reg.party())
    keep, drop = reg.grant(party), reg.grant(party)
    review = services.reviews.start(world.a.inst, reg.actor, today=D(2026, 3, 1))
    assert review.items.count() == 2
    with pytest.raises(ValidationError):
        services.reviews.sign_off(review, reg.actor)
    for item in review.items.all():
        services.reviews.decide_item(item, reg.actor, "revoked" if item.grant == drop else "confirmed")
    services.reviews.sign_off(review, reg.actor)
    drop.refresh_from_db()
    keep.refresh_from_db()
    assert drop.revoked_on is not None and keep.revoked_on is None
