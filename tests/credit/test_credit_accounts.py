import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from appgov.core import services as core
from appgov.credit import services
from appgov.credit.models import AccessReviewItem, AccountChange, CreditAccount


def test_creation_waits_for_a_second_persons_approval(credit):
    officer, approver = credit["officer"], credit["approver"]
    assert credit["account"].status == CreditAccount.Status.ACTIVE
    change = services.request_change(credit["account"], "disable", "调岗", officer)
    credit["account"].refresh_from_db()
    assert credit["account"].status == CreditAccount.Status.ACTIVE  # nothing applied yet
    with pytest.raises(PermissionDenied, match="other than the requester"):
        services.approve_change(change, officer)
    change.refresh_from_db()
    assert change.status == AccountChange.Status.PENDING
    services.approve_change(change, approver)
    credit["account"].refresh_from_db()
    assert credit["account"].status == CreditAccount.Status.DISABLED
    history = [e.action for e in core.history(change)]
    assert history == ["update", "create"]  # requested, then approved and applied, both logged


def test_approver_needs_the_right_role(credit, world):
    change = services.request_change(credit["account"], "disable", "离岗", credit["officer"])
    with pytest.raises(PermissionDenied):
        services.approve_change(change, world.a.users["app_owner"])
    with pytest.raises(PermissionDenied):
        services.approve_change(change, world.b.users["credit_officer"])


def test_least_privilege_and_one_person_one_account(credit, world):
    with pytest.raises(ValidationError, match="Least privilege|最小"):
        services.request_account(
            institution=credit["inst"],
            operator_id="OP200",
            person=world.a.people["P001"],
            branch=credit["branch"],
            role="user_admin",
            reason="x",
            actor=credit["officer"],
        )
    with pytest.raises(ValidationError):
        services.request_account(
            institution=credit["inst"],
            operator_id="OP201",
            person=credit["clerk"],
            branch=credit["branch"],
            role="card_officer",
            reason="x",
            actor=credit["officer"],
        )


def test_leaver_with_active_account_is_detected(credit):
    import datetime

    clerk = credit["clerk"]
    core.update(clerk, None, left_on=datetime.date(2026, 1, 5))
    found = services.account_exceptions(credit["inst"], datetime.date(2026, 2, 1))
    assert [(f["account"].operator_id, f["kind"]) for f in found] == [("OP100", "left")]


def test_access_review_signs_off_only_when_every_account_is_decided(credit):
    review = services.start_access_review(credit["inst"], "2026Q1 权限复核", credit["officer"])
    item = review.items.get()
    with pytest.raises(ValidationError, match="still to review"):
        services.sign_off_review(review, credit["officer"])
    services.decide_review_item(item, AccessReviewItem.Decision.REVOKED, credit["officer"], "不再需要")
    # revoking asks for a disable that still needs another person's approval
    pending = credit["account"].changes.get(status="pending")
    assert pending.action == "disable"
    services.sign_off_review(review, credit["officer"])
    review.refresh_from_db()
    assert review.signed_off_at is not None
