"""Issue 12 item 1: a voided entry counts nowhere, so what was derived from it is derived again. An operating
account's last review date (and next review due) come from its live reviews: voiding the latest review, from
the page or through the API, gives back the one before (or none), as recording a new review moves it on."""

import datetime

from django.urls import reverse

from appgov.operations import services as ops
from appgov.operations.models import OperatingAccount


def _account(world):
    return ops.accounts.create(
        world.a.admin,
        {
            "app": world.a.app,
            "kind": "console",
            "system": "后台",
            "account_name": "ops-derived",
            "owner": world.a.people["P001"],
        },
    )


def _review(world, account, day):
    return ops.reviews.create(
        world.a.admin,
        {"account": account, "reviewed_on": day, "reviewer": world.a.people["P001"], "outcome": "confirmed"},
    )


def test_voiding_the_latest_review_gives_back_the_one_before(world, login, api):
    account = _account(world)
    first, second = datetime.date(2026, 1, 5), datetime.date(2026, 2, 5)
    _review(world, account, first)
    latest = _review(world, account, second)
    account.refresh_from_db()
    assert account.last_reviewed_on == second
    response = login(world.a.admin).post(
        reverse("operations:review-delete", args=[latest.pk]), {"reason": "日期录错"}
    )
    assert response.status_code == 302
    account = OperatingAccount.objects.get(pk=account.pk)
    assert account.last_reviewed_on == first
    assert account.next_review_due == first + datetime.timedelta(days=account.review_every_days)


def test_voiding_the_only_review_through_the_api_leaves_the_account_unreviewed(world, api):
    account = _account(world)
    only = _review(world, account, datetime.date(2026, 1, 5))
    response = api(world.a.admin).delete(f"/api/operations/account-reviews/{only.pk}/?reason=重复录入")
    assert response.status_code == 204, response.content
    account = OperatingAccount.objects.get(pk=account.pk)
    assert account.last_reviewed_on is None and account.next_review_due is None
    # a new review dates it again
    _review(world, account, datetime.date(2026, 3, 1))
    assert OperatingAccount.objects.get(pk=account.pk).last_reviewed_on == datetime.date(2026, 3, 1)


def test_a_review_moved_to_another_account_no_longer_dates_the_first(world):
    account, other = _account(world), ops.accounts.create(
        world.a.admin,
        {"app": world.a.app, "kind": "console", "system": "后台", "account_name": "ops-other",
         "owner": world.a.people["P001"]},
    )  # fmt: skip
    review = _review(world, account, datetime.date(2026, 1, 5))
    ops.reviews.update(review, world.a.admin, {"account": other})
    assert OperatingAccount.objects.get(pk=account.pk).last_reviewed_on is None
    assert OperatingAccount.objects.get(pk=other.pk).last_reviewed_on == datetime.date(2026, 1, 5)
