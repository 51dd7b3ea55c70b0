"""Vendor access reviews (quarterly, like the credit module's) and the import of an IAM export."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from appgov.core.views.helpers import get_scoped, history_entries

from .. import services, spreadsheet
from ..forms import UploadForm
from ..models import AccessGrant, AccessReview, AccessReviewItem
from .common import attempt, require, writer


@login_required
@require_safe
def review_list(request):
    reviews = AccessReview.objects.for_user(request.user).order_by("-started_on", "-id")[:200]
    return render(
        request,
        "partners/review_list.html",
        {"reviews": reviews, "can_write": writer(request.user, AccessReview)},
    )


@login_required
@require_POST
def review_start(request):
    require(request.user, AccessReview)
    try:
        review = services.reviews.start(request.user.institution, request.user, request.POST.get("title", ""))
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect("partners:review-list")
    return redirect("partners:review-detail", pk=review.pk)


@login_required
@require_safe
def review_detail(request, pk):
    review = get_scoped(AccessReview, request.user, pk=pk)
    items = review.items.select_related("grant__party", "grant__approver", "decided_by")
    return render(
        request,
        "partners/review_detail.html",
        {
            "review": review,
            "items": items,
            "history": history_entries(review),
            "can_write": writer(request.user, AccessReview) and not review.signed_off_on,
        },
    )


@login_required
@require_POST
def review_item_decide(request, pk):
    item = get_scoped(AccessReviewItem, request.user, pk=pk)
    require(request.user, AccessReviewItem)
    return attempt(
        request,
        lambda: services.reviews.decide_item(
            item, request.user, request.POST.get("decision", ""), request.POST.get("comment", "")
        ),
        _("Decision recorded."),
        reverse("partners:review-detail", args=[item.review_id]),
    )


@login_required
@require_POST
def review_signoff(request, pk):
    review = get_scoped(AccessReview, request.user, pk=pk)
    require(request.user, AccessReview)
    return attempt(
        request,
        lambda: services.reviews.sign_off(review, request.user),
        _("Review signed off."),
        reverse("partners:review-detail", args=[review.pk]),
    )


@login_required
@require_http_methods(["GET", "POST"])
def grant_import(request):
    require(request.user, AccessGrant)
    form = UploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            result = spreadsheet.import_grants(
                upload.read(), request.user.institution, request.user, upload.name
            )
        except spreadsheet.ImportRefused as exc:
            problems = exc.result.problems
        else:
            messages.success(
                request,
                _("Imported: %(c)d added, %(u)d updated, %(n)d unchanged.")
                % {"c": result.created, "u": result.updated, "n": result.unchanged},
            )
            return redirect("partners:review-list")
    return render(
        request,
        "partners/import.html",
        {
            "form": form,
            "problems": problems,
            "title": _("Import vendor grants (IAM export, CSV or Excel)"),
            "back": "partners:review-list",
            "columns": [c.header for c in spreadsheet.GRANTS.columns],
        },
    )
