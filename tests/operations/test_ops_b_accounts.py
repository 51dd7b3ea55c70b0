"""Issue 17 item 5 and NFRA-09.2: operating accounts with an owner who is employed, a second administrator,
periodic reviews; a leaver's accounts are flagged the day the person's leaving is recorded, and by the job."""

import datetime

import pytest
from compliance_fixtures import result_for
from django.core.exceptions import ValidationError
from django.utils import timezone

from appgov.core import services as core
from appgov.core.controls.registry import Outcome
from appgov.core.models import ChangeLogEntry, Person
from appgov.operations import services, tasks


def person(org, no, **extra):
    return core.save(Person(institution=org.inst, employee_no=no, name=f"{org.mark}{no}", **extra))


def publishing(org, owner, second, reviewed=None):
    return services.accounts.create(
        org.office_user,
        {
            "app": org.app,
            "kind": "publishing",
            "publishing_account": org.account,
            "account_name": org.account.account_name,
            "owner": owner,
            "second_admin": second,
            "last_reviewed_on": reviewed,
        },
    )


def test_check_passes_with_owner_second_admin_and_a_review_on_time(world):
    a, today = world.a, timezone.localdate()
    result = result_for(a.inst, "NFRA-09.2", a.app.pk, today)
    assert (
        result.outcome == Outcome.FAIL and "未登记负责人" in result.zh
    )  # the ledger's account has no record
    second = person(a, "P010")
    account = publishing(a, a.people["P001"], second)
    assert "从未复核" in result_for(a.inst, "NFRA-09.2", a.app.pk, today).zh
    services.reviews.create(
        a.office_user,
        {
            "account": account,
            "reviewed_on": today - datetime.timedelta(days=5),
            "reviewer": second,
            "outcome": "confirmed",
        },
    )
    account.refresh_from_db()
    assert account.next_review_due == today - datetime.timedelta(days=5) + datetime.timedelta(days=180)
    assert result_for(a.inst, "NFRA-09.2", a.app.pk, today).outcome == Outcome.PASS
    later = account.next_review_due + datetime.timedelta(days=1)
    result = result_for(a.inst, "NFRA-09.2", a.app.pk, later)
    assert result.outcome == Outcome.FAIL and "复核已于" in result.zh


def test_second_admin_required_and_distinct(world):
    a = world.a
    with pytest.raises(ValidationError) as exc:
        publishing(a, a.people["P001"], a.people["P001"])
    assert "second_admin" in exc.value.message_dict
    publishing(a, a.people["P001"], None, reviewed=timezone.localdate())
    result = result_for(a.inst, "NFRA-09.2", a.app.pk, timezone.localdate())
    assert result.outcome == Outcome.FAIL and "未设第二管理员" in result.zh


def test_a_person_leaving_flags_their_accounts_at_once_and_returning_clears_it(world):
    a, today = world.a, timezone.localdate()
    owner, second = person(a, "P011"), person(a, "P012")
    account = publishing(a, owner, second, reviewed=today)
    assert account.leaver_flagged_on is None
    core.update(owner, a.admin, left_on=today)  # the person's page saves through the same service
    account.refresh_from_db()
    assert account.leaver_flagged_on == today
    assert owner.name in account.leaver_flag
    assert (
        ChangeLogEntry.objects.filter(
            object_type="operations.operatingaccount", object_id=str(account.pk)
        ).count()
        == 2
    )
    result = result_for(a.inst, "NFRA-09.2", a.app.pk, today)
    assert result.outcome == Outcome.FAIL and "离职" in result.zh
    core.update(owner, a.admin, left_on=None)
    account.refresh_from_db()
    assert account.leaver_flagged_on is None and account.leaver_flag == ""


def test_the_nightly_job_flags_a_leaving_date_that_has_come(world):
    a, today = world.a, timezone.localdate()
    owner = person(a, "P013", left_on=today + datetime.timedelta(days=3))
    account = publishing(a, owner, person(a, "P014"), reviewed=today)
    assert account.leaver_flagged_on is None  # not gone yet
    assert services.flag_leavers(today + datetime.timedelta(days=3)) == 1
    account.refresh_from_db()
    assert account.leaver_flagged_on is not None
    assert tasks.flag_leavers().endswith("flagged or cleared")


def test_account_pages(world, login):
    a = world.a
    account = publishing(a, a.people["P001"], person(a, "P015"))
    client = login(a.office_user)
    assert "ALPHA-account" in client.get("/operations/accounts/").content.decode()
    page = client.get(f"/operations/accounts/{account.pk}/").content.decode()
    assert "从未复核" in page or "Never reviewed" in page
