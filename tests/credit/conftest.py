"""Credit fixtures on top of the shared world: a branch department, an officer pair, helpers for logs."""

import datetime

import pytest


@pytest.fixture
def credit(world, system):
    """Institution A with a branch, two credit officers (requester and approver) and one active account."""
    from appgov.core import services as core
    from appgov.core.models import Department, Person
    from appgov.core.roles import Role
    from appgov.credit import services
    from appgov.users.models import User

    inst = world.a.inst
    with system():
        branch = core.save(Department(institution=inst, code="BR01", name="ALPHA城西支行", kind="branch"))
        clerk = core.save(Person(institution=inst, employee_no="C100", name="ALPHA王五", department=branch))
        second = User(username="alpha_credit2", role=Role.CREDIT_OFFICER, institution=inst)
        second.set_password("x-Test-2026!")
        core.save(second, exclude_validation=["password"])
    officer = world.a.users["credit_officer"]
    change = services.request_account(
        institution=inst,
        operator_id="OP100",
        person=clerk,
        branch=branch,
        role="loan_officer",
        reason="信贷审批岗位",
        actor=officer,
    )
    services.approve_change(change, second)
    # the account existed before the logged days the tests use
    from appgov.credit.models import AccountChange, CreditAccount

    since = datetime.datetime(2026, 1, 2, 9, 0, tzinfo=datetime.UTC)
    AccountChange.objects.filter(pk=change.pk).update(decided_at=since)
    CreditAccount.objects.filter(pk=change.account_id).update(active_since=since, password_changed_at=since)
    change.account.refresh_from_db()
    return {
        "inst": inst,
        "branch": branch,
        "clerk": clerk,
        "officer": officer,
        "approver": second,
        "account": change.account,
    }


def events_csv(rows) -> bytes:
    header = "event_id,ts,operator_id,branch_id,subject_id,reason_code,channel,client_app_id,terminal_id,ip,authorization_id,product"
    lines = [header] + [",".join("" if v is None else str(v) for v in row) for row in rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture
def day():
    return datetime.date(2026, 3, 10)


@pytest.fixture(autouse=True)
def fresh_register_copy():
    """The real-time cycle keeps the registers between cycles in the process: each test starts without."""
    from appgov.credit import refcache

    refcache.forget()
    yield
    refcache.forget()


@pytest.fixture(autouse=True)
def english_messages():
    """Service messages are matched in their English source form."""
    from django.utils import translation

    with translation.override("en"):
        yield
