"""A credit-system institution for the credit fidelity tests: world A with a branch, two officers (requester
and approver) and one account created through the approval workflow, active since 2026-01-02."""

import datetime

import pytest


@pytest.fixture
def credit_org(world, system):
    from appgov.core import services as core
    from appgov.core.models import Department, Person
    from appgov.credit import services
    from appgov.credit.models import AccountChange, CreditAccount
    from appgov.users.models import User
    from appgov.users.roles import Role

    inst = world.a.inst
    with system():
        branch = core.save(Department(institution=inst, code="BR09", name="ALPHA城东支行", kind="branch"))
        clerk = core.save(Person(institution=inst, employee_no="C900", name="ALPHA赵六", department=branch))
        approver = User(username="alpha_credit_approver", role=Role.CREDIT_OFFICER, institution=inst)
        approver.set_password("x-Test-2026!")
        core.save(approver, exclude_validation=["password"])
    officer = world.a.users["credit_officer"]
    change = services.request_account(
        institution=inst,
        operator_id="OP900",
        person=clerk,
        branch=branch,
        role="loan_officer",
        reason="信贷审批岗位",
        actor=officer,
    )
    services.approve_change(change, approver)
    since = datetime.datetime(2026, 1, 2, 9, 0, tzinfo=datetime.UTC)
    AccountChange.objects.filter(pk=change.pk).update(decided_at=since)
    CreditAccount.objects.filter(pk=change.account_id).update(active_since=since, password_changed_at=since)
    change.account.refresh_from_db()
    return {
        "inst": inst,
        "branch": branch,
        "clerk": clerk,
        "officer": officer,
        "approver": approver,
        "account": change.account,
    }
