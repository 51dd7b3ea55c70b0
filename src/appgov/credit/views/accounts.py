from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from appgov.core.scoping import scoped
from appgov.core.views.helpers import apply_service_errors, get_scoped, history_entries

from .. import services
from ..forms import AccountRequestForm, ChangeRequestForm, DecisionForm
from ..models import AccessReview, AccessReviewItem, AccountChange, CreditAccount
from ..policy import role_templates
from .common import attempt, require, writer


@login_required
def account_list(request):
    form = (
        AccountRequestForm(request.POST or None, user=request.user)
        if writer(request.user, "creditaccount")
        else None
    )
    if request.method == "POST":
        require(request.user, "creditaccount")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.request_account(institution=request.user.institution, actor=request.user, **data)
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(
                    request, _("Account requested; it becomes usable once another officer approves.")
                )
                return redirect("credit:account-list")
    accounts = scoped(CreditAccount, request.user).select_related("person", "branch", "institution")
    status = request.GET.get("status")
    if status:
        accounts = accounts.filter(status=status)
    pending = (
        scoped(AccountChange, request.user).filter(status="pending").select_related("account", "requested_by")
    )
    exceptions = []
    if request.user.institution_id:
        exceptions = services.account_exceptions(request.user.institution, timezone.localdate())
    return render(
        request,
        "credit/account_list.html",
        {
            "accounts": accounts,
            "form": form,
            "pending": pending,
            "exceptions": exceptions,
            "templates": role_templates(),
            "statuses": CreditAccount.Status.choices,
            "status": status,
        },
    )


@login_required
def account_detail(request, pk):
    account = get_scoped(CreditAccount.objects.select_related("person", "branch"), request.user, pk=pk)
    form = ChangeRequestForm(request.POST or None) if writer(request.user, "accountchange") else None
    if request.method == "POST":
        require(request.user, "accountchange")
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.request_change(
                    account, data["action"], data["reason"], request.user, data["new_role"]
                )
            except ValidationError as exc:
                apply_service_errors(request, form, exc)
            else:
                messages.success(request, _("Change requested; another officer must approve it."))
                return redirect(account.get_absolute_url())
    return render(
        request,
        "credit/account_detail.html",
        {
            "account": account,
            "form": form,
            "changes": account.changes.select_related("requested_by", "decided_by"),
            "history": history_entries(account),
            "decision_form": DecisionForm(),
            "template": role_templates().get(account.role),
        },
    )


@login_required
@require_POST
def change_decide(request, pk, decision):
    change = get_scoped(AccountChange.objects.select_related("account"), request.user, pk=pk)
    require(request.user, "accountchange")
    note = request.POST.get("note", "")
    back = change.account.get_absolute_url()
    if decision == "approve":
        result = attempt(
            request,
            lambda: services.approve_change(change, request.user, note),
            _("Approved and applied."),
            back,
        )
    else:
        result = attempt(
            request, lambda: services.reject_change(change, request.user, note), _("Request rejected."), back
        )
    return result if not isinstance(result, AccountChange) else redirect(back)


@login_required
def review_list(request):
    if request.method == "POST":
        require(request.user, "accessreview")
        title = request.POST.get("title", "").strip() or _("Access review %(date)s") % {
            "date": timezone.localdate()
        }
        review = services.start_access_review(request.user.institution, title, request.user)
        return redirect(review.get_absolute_url())
    reviews = scoped(AccessReview, request.user).select_related("signed_off_by", "institution")
    return render(
        request,
        "credit/review_list.html",
        {"reviews": reviews, "can_start": writer(request.user, "accessreview")},
    )


@login_required
def review_detail(request, pk):
    review = get_scoped(AccessReview, request.user, pk=pk)
    if request.method == "POST":
        require(request.user, "accessreviewitem")
        back = review.get_absolute_url()
        if "sign_off" in request.POST:
            result = attempt(
                request, lambda: services.sign_off_review(review, request.user), _("Review signed off."), back
            )
        else:
            item = get_scoped(
                AccessReviewItem.objects.filter(review=review), request.user, pk=request.POST.get("item")
            )
            result = attempt(
                request,
                lambda: services.decide_review_item(
                    item, request.POST.get("decision", ""), request.user, request.POST.get("comment", "")
                ),
                _("Decision recorded."),
                back,
            )
        return redirect(back) if not hasattr(result, "status_code") else result
    items = review.items.select_related("account__person", "account__branch", "decided_by")
    return render(
        request,
        "credit/review_detail.html",
        {
            "review": review,
            "items": items,
            "can_write": writer(request.user, "accessreviewitem"),
            "open_count": items.filter(decision="pending").count(),
        },
    )
