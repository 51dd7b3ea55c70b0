"""Submission pages: the institution sends an annual package or its counterfeit reports; the office's inbox is
the same list (its jurisdiction's submissions) with a review on each."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from appgov.core.roles import can_write
from appgov.core.views import generic
from appgov.core.views.helpers import get_scoped, history_entries

from . import submission_services as services
from .bulletin_forms import ReviewForm, SubmissionForm
from .bulletin_tables import SubmissionTable
from .models import Submission
from .views_bulletins import _errors


class SubmissionList(generic.ObjectListView):
    model = Submission
    queryset = Submission.objects.select_related("institution", "office", "submitted_by").prefetch_related(
        "reviews"
    )
    table = SubmissionTable
    title = gettext_lazy("Submissions to the regulator")
    template_name = "supervision/submission_list.html"

    def extra_context(self):
        user = self.request.user
        return {
            "may_submit": not user.is_regulator and can_write(user, "supervision.submission"),
            "tab": "submissions",
        }


@login_required
@require_http_methods(["GET", "POST"])
def submission_new(request):
    if request.user.is_regulator or not can_write(request.user, "supervision.submission"):
        raise PermissionDenied
    form = SubmissionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            submission = services.submit(request.user, **form.cleaned_data)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items() if hasattr(exc, "error_dict") else []:
                form.add_error(field if field in form.fields else None, errors)
            if not hasattr(exc, "error_dict"):
                form.add_error(None, exc.messages)
        else:
            messages.success(request, _("Sent to %(office)s.") % {"office": submission.office})
            return redirect(submission.get_absolute_url())
    return render(request, "supervision/submission_new.html", {"form": form})


@login_required
@require_safe
def submission_detail(request, pk):
    submission = get_scoped(
        Submission.objects.select_related("institution", "office", "submitted_by"), request.user, pk=pk
    )
    reviews = list(submission.reviews.select_related("office", "reviewed_by"))
    return render(
        request,
        "supervision/submission_detail.html",
        {
            "submission": submission,
            "reviews": reviews,
            "intact": services.verify(submission),
            "may_review": request.user.is_regulator
            and can_write(request.user, "supervision.submissionreview")
            and submission.status != Submission.Status.ACCEPTED,
            "review_form": ReviewForm(),
            "history": history_entries(submission),
        },
    )


@login_required
@require_POST
def submission_review(request, pk):
    if not request.user.is_regulator:
        raise Http404
    submission = get_scoped(Submission, request.user, pk=pk)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.review(submission, request.user, **form.cleaned_data)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(request, _("Review recorded."))
    else:
        messages.error(request, _("Choose a status."))
    return redirect(submission.get_absolute_url())


@login_required
@require_safe
def submission_file(request, pk, part):
    submission = get_scoped(Submission, request.user, pk=pk)
    field = {"data": submission.data, "readable": submission.readable}.get(part)
    if not field:
        raise Http404
    response = FileResponse(field.open("rb"), as_attachment=True, filename=field.name.rsplit("/", 1)[-1])
    response["X-Content-Type-Options"] = "nosniff"
    return response
