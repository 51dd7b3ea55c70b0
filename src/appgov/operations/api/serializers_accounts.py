"""Serializers of the publishing and operating accounts and their reviews (NFRA-09.2)."""

from appgov.core.api.base import ScopedModelSerializer

from ..models import (
    AccountReview,
    OperatingAccount,
)


class OperatingAccountSerializer(ScopedModelSerializer):
    class Meta:
        model = OperatingAccount
        fields = [
            "id",
            "app",
            "kind",
            "publishing_account",
            "system",
            "account_name",
            "owner",
            "second_admin",
            "review_every_days",
            "last_reviewed_on",
            "next_review_due",
            "leaver_flagged_on",
            "leaver_flag",
            "note",
        ]
        read_only_fields = ["last_reviewed_on", "next_review_due", "leaver_flagged_on", "leaver_flag"]


class AccountReviewSerializer(ScopedModelSerializer):
    class Meta:
        model = AccountReview
        fields = ["id", "account", "reviewed_on", "reviewer", "outcome", "note"]
