"""Login throttling per user name and address, and per address alone (django-axes handler).

axes compares the failures of every lockout parameter with one limit. Here the per-address count is scaled
so that an address is locked after APPGOV_LOGIN_ADDRESS_FAILURE_LIMIT failures over any user names, while
one user name from one address is locked after AXES_FAILURE_LIMIT: an office behind one NAT address is not
locked out by a handful of typos, a password-spraying address is.
"""

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.db.models import Sum


class AddressAwareHandler(AxesDatabaseHandler):
    def get_failures(self, request, credentials=None) -> int:
        limit = settings.AXES_FAILURE_LIMIT
        # in the order of AXES_LOCKOUT_PARAMETERS: [username + address, address]
        limits = [limit, settings.APPGOV_LOGIN_ADDRESS_FAILURE_LIMIT]
        worst = 0
        for attempts, own_limit in zip(self.get_user_attempts(request, credentials), limits, strict=False):
            failures = attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0
            worst = max(worst, failures * limit // own_limit)  # reaches `limit` at `own_limit` failures
        return worst
