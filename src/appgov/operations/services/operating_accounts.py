"""Writes of the publishing and operating accounts and their reviews (NFRA-09.2), and the flagging of leavers' accounts,
through core.services so that every write is validated and change-logged."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from appgov.core import services as core

from ..models import (
    AccountReview,
    OperatingAccount,
)


def leaver_problem(account, today) -> str:
    """Who of the account's holders has left by today (empty: nobody)."""
    gone = []
    for label, person in ((_("owner"), account.owner), (_("second administrator"), account.second_admin)):
        if person is not None and not person.is_employed(today):
            gone.append(
                _("%(role)s %(name)s left on %(day)s")
                % {"role": label, "name": person, "day": person.left_on}
            )
    return "; ".join(gone)


class AccountService(core.ModelService):
    model = OperatingAccount

    def prepare(self, obj, actor, data):
        today = timezone.localdate()
        if obj.last_reviewed_on:
            obj.next_review_due = obj.last_reviewed_on + datetime.timedelta(days=obj.review_every_days)
        else:
            obj.next_review_due = None
        if obj.owner_id and "leaver_flag" not in data:  # flag_leavers sets the flag for its own day
            problem = leaver_problem(obj, today)
            if problem and not obj.leaver_flagged_on:
                obj.leaver_flagged_on = today
            obj.leaver_flag = problem
            if not problem:
                obj.leaver_flagged_on = None


class ReviewService(core.ModelService):
    model = AccountReview

    def save_object(self, obj, actor, m2m):
        if obj.reviewed_on and obj.reviewed_on > timezone.localdate():
            raise ValidationError({"reviewed_on": _("A review cannot be dated in the future.")})
        with transaction.atomic():
            moved_from = (
                AccountReview.objects.filter(pk=obj.pk).values_list("account_id", flat=True).first()
                if obj.pk
                else None
            )
            review = core.save(obj, actor, m2m=m2m)
            refresh_last_review(review.account)
            if moved_from and moved_from != review.account_id:  # the review was moved to another account
                refresh_last_review(OperatingAccount.objects.get(pk=moved_from))
            return review

    def after_void(self, obj, actor):
        # a voided review (a mistaken entry) no longer dates the account: its last review is the latest live one
        refresh_last_review(obj.account)


def refresh_last_review(account) -> None:
    """The account's last review date from its live reviews (None when none is left), and with it the next
    review due (AccountService.prepare)."""
    latest = account.reviews.filter(voided_at__isnull=True).aggregate(latest=Max("reviewed_on"))["latest"]
    if account.last_reviewed_on != latest and account.voided_at is None:
        accounts.update(account, None, {"last_reviewed_on": latest})


accounts = AccountService()
reviews = ReviewService()


def flag_leavers(today=None, person=None) -> int:
    """Flag (or clear) the accounts whose owner or second administrator has left by today; the nightly job
    runs it for everyone, a person's change for that person. Returns how many accounts changed."""
    today = today or timezone.localdate()
    qs = OperatingAccount.objects.filter(voided_at__isnull=True).select_related("owner", "second_admin")
    if person is not None:
        qs = qs.filter(models_q_person(person))
    changed = 0
    for account in qs:
        problem = leaver_problem(account, today)
        if problem != account.leaver_flag or bool(problem) != bool(account.leaver_flagged_on):
            flagged_on = (account.leaver_flagged_on or today) if problem else None
            accounts.update(account, None, {"leaver_flag": problem, "leaver_flagged_on": flagged_on})
            changed += 1
    return changed


def models_q_person(person):
    from django.db.models import Q

    return Q(owner=person) | Q(second_admin=person)
