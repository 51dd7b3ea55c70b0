"""Publishing and operating accounts (NFRA-09.2): the list (leavers' accounts flagged), an account with its
reviews, and the forms."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from appgov.core.views import generic

from .. import services
from ..filtersets import AccountFilterSet
from ..forms import AccountForm, ReviewForm
from ..models import AccountReview, OperatingAccount
from ..tables import AccountTable
from .child_edit import ChildEdit


class AccountList(generic.ObjectListView):
    model = OperatingAccount
    queryset = OperatingAccount.objects.select_related("app", "app__institution", "owner", "second_admin")
    filterset = AccountFilterSet
    table = AccountTable
    title = _("Publishing and operating accounts")


class AccountDetail(generic.ObjectDetailView):
    model = OperatingAccount
    queryset = OperatingAccount.objects.select_related("app", "owner", "second_admin", "publishing_account")
    template_name = "operations/account_detail.html"
    fields = [
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

    def extra_context(self, obj):
        add = reverse("operations:review-add") + f"?account={obj.pk}" if self.can_write() else None
        return {"reviews": obj.reviews.select_related("reviewer"), "add_review_url": add}


class AccountEdit(generic.ObjectEditView):
    model = OperatingAccount
    form = AccountForm
    service = services.accounts


class ReviewEdit(ChildEdit):
    model = AccountReview
    form = ReviewForm
    service = services.reviews
    parent_field = "account"


urlpatterns = [
    *generic.object_urls(
        "account",
        list=AccountList,
        detail=AccountDetail,
        edit=AccountEdit,
        delete=generic.void_view(OperatingAccount, services.accounts),
        base="accounts/",
    ),
    *generic.object_urls(
        "review",
        edit=ReviewEdit,
        delete=generic.void_view(AccountReview, services.reviews),
        base="accounts/reviews/",
    ),
]
