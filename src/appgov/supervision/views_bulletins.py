"""Bulletin pages. The office: list, draft/edit, the bulletin with every institution's copy and answers, issue,
close, decide an answer. The institution: the bulletins issued to it, acknowledge, answer per affected app."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from appgov.core.roles import can_write
from appgov.core.views import generic
from appgov.core.views.helpers import get_scoped, history_entries

from . import bulletin_services as services
from .bulletin_forms import AnswerForm, BulletinForm, DecisionForm
from .bulletin_tables import BulletinTable, ReceivedTable
from .models import Bulletin, BulletinAnswer, BulletinTarget


def _errors(exc: ValidationError) -> str:
    if hasattr(exc, "error_dict"):
        return "; ".join(f"{m}" for msgs in exc.message_dict.values() for m in msgs)
    return "; ".join(exc.messages)


class OfficeOnly:
    """An office's pages do not exist for an institution's users (404)."""

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and not request.user.is_regulator:
            raise Http404
        return super().dispatch(request, *args, **kwargs)


class BulletinList(OfficeOnly, generic.ObjectListView):
    model = Bulletin
    queryset = Bulletin.objects.select_related("office")
    table = BulletinTable
    title = gettext_lazy("Bulletins")
    template_name = "supervision/bulletin_list.html"

    def extra_context(self):
        return {"tab": "bulletins"}


class BulletinEdit(OfficeOnly, generic.ObjectEditView):
    model = Bulletin
    form = BulletinForm
    service = services.bulletins


class BulletinVoid(OfficeOnly, generic.ObjectDeleteView):
    """A mistaken draft voided with a reason (issue 12 item 1); the service refuses one with a history."""

    model = Bulletin
    service = services.bulletins

    def object_url(self, obj) -> str:
        return reverse("supervision:bulletin-detail", args=[obj.pk])


def _office_user(request):
    if not request.user.is_regulator:
        raise Http404


@login_required
@require_safe
def bulletin_detail(request, pk):
    _office_user(request)
    bulletin = get_scoped(Bulletin.objects.select_related("office", "issued_by"), request.user, pk=pk)
    answers = services.answers_of(bulletin)
    today = timezone.localdate()
    for row in answers:
        row.state = services.answer_state(row, today)
        row.decision = services.latest_decision(row)
    targets = list(
        bulletin.targets.select_related("institution", "acknowledged_by").order_by("institution__code")
    )
    own = bulletin.office_id == request.user.regulator_office_id
    may_write = own and can_write(request.user, "supervision.bulletin") and bulletin.voided_at is None
    overdue = [r for r in answers if r.state == "overdue"]
    unacknowledged = [t for t in targets if t.acknowledged_at is None]
    return render(
        request,
        "supervision/bulletin_detail.html",
        {
            "bulletin": bulletin,
            "answers": answers,
            "targets": targets,
            "may_write": may_write and bulletin.status == Bulletin.Status.DRAFT,
            "may_issue": may_write and bulletin.status == Bulletin.Status.DRAFT,
            "may_close": may_write and bulletin.status == Bulletin.Status.ISSUED,
            "may_decide": own and can_write(request.user, "supervision.answerdecision"),
            "decision_form": DecisionForm(),
            "overdue": overdue,
            "late_acknowledgement": unacknowledged if bulletin.answer_by < today else [],
            "history": history_entries(bulletin),
        },
    )


def _bulletin_action(request, pk, action, done):
    _office_user(request)
    bulletin = get_scoped(Bulletin, request.user, pk=pk)
    try:
        action(bulletin, request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc) or _("You may not do this."))
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, done)
    return redirect(bulletin.get_absolute_url())


@login_required
@require_POST
def bulletin_issue(request, pk):
    return _bulletin_action(request, pk, services.issue, _("Bulletin issued; the affected apps are listed."))


@login_required
@require_POST
def bulletin_close(request, pk):
    return _bulletin_action(request, pk, services.close, _("Bulletin closed."))


@login_required
@require_POST
def answer_decide(request, pk):
    _office_user(request)
    row = get_scoped(BulletinAnswer.objects.select_related("target__bulletin"), request.user, pk=pk)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or reject."))
    else:
        try:
            services.decide(
                row,
                request.user,
                accepted=form.cleaned_data["accepted"],
                comment=form.cleaned_data["comment"],
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        except ValidationError as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(request, _("Decision recorded."))
    return redirect(row.target.bulletin.get_absolute_url())


class ReceivedList(generic.ObjectListView):
    """The bulletins issued to the user's institution (an examiner: to the institutions of the jurisdiction)."""

    model = BulletinTarget
    queryset = BulletinTarget.objects.select_related("bulletin__office", "institution")
    table = ReceivedTable
    title = gettext_lazy("Bulletins received")
    template_name = "supervision/bulletin_list.html"


@login_required
@require_safe
def received_detail(request, pk):
    target = get_scoped(
        BulletinTarget.objects.select_related("bulletin__office", "institution", "acknowledged_by"),
        request.user,
        pk=pk,
    )
    today = timezone.localdate()
    answers = list(
        target.answers.select_related("app", "answered_by")
        .prefetch_related("decisions")
        .order_by("app__code")
    )
    for row in answers:
        row._decisions = list(row.decisions.all())
        row.state = services.answer_state(row, today)
        row.decision = services.latest_decision(row)
    open_ = target.bulletin.status != target.bulletin.Status.CLOSED
    return render(
        request,
        "supervision/received_detail.html",
        {
            "target": target,
            "bulletin": target.bulletin,
            "answers": answers,
            "may_answer": open_ and can_write(request.user, "supervision.bulletinanswer"),
            "answer_form": AnswerForm(),
            "history": history_entries(target),
        },
    )


@login_required
@require_POST
def received_acknowledge(request, pk):
    target = get_scoped(BulletinTarget, request.user, pk=pk)
    try:
        services.acknowledge(target, request.user, request.POST.get("statement", ""))
    except PermissionDenied as exc:
        raise PermissionDenied(str(exc)) from exc
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("Acknowledged."))
    return redirect(target.get_absolute_url())


@login_required
@require_POST
def answer_submit(request, pk):
    row = get_scoped(BulletinAnswer.objects.select_related("target__bulletin"), request.user, pk=pk)
    if not can_write(request.user, "supervision.bulletinanswer"):
        raise PermissionDenied
    form = AnswerForm(request.POST)
    if not form.is_valid():
        messages.error(request, "; ".join(f"{k}: {' '.join(v)}" for k, v in form.errors.items()))
        return redirect(row.target.get_absolute_url())
    try:
        services.answer(
            row,
            request.user,
            kind=form.cleaned_data["answer"],
            reason=form.cleaned_data["reason"],
            planned_on=form.cleaned_data["planned_on"],
        )
    except PermissionDenied as exc:
        raise PermissionDenied(str(exc)) from exc
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, _("Answer sent to the office."))
    return redirect(row.target.get_absolute_url())
