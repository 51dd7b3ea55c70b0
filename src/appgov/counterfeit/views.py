"""Counterfeit-monitoring pages. Thin: every write is a service call; every object is looked up in scope."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from appgov.core import progress
from appgov.core.roles import can_write
from appgov.core.scoping import scoped
from appgov.core.views import generic
from appgov.core.views.helpers import get_scoped, history_entries
from appgov.ledger.models import MobileApp

from . import feeds, selectors, services
from .filtersets import CaseFilterSet, ListingFilterSet
from .models import (
    AppProtection,
    BrandProfile,
    CaseState,
    CounterfeitCase,
    ListingFeed,
    ObservedListing,
    SweepRun,
)
from .policy import policy
from .signal_labels import signal_rows
from .tables import CaseTable, ListingTable


def _errors(exc) -> str:
    return "；".join(getattr(exc, "messages", None) or [str(exc) or _("Not allowed")])


@login_required
@require_safe
def dashboard(request):
    data = selectors.dashboard(request.user)
    return render(
        request,
        "counterfeit/dashboard.html",
        {
            **data,
            "can_sweep": can_write(request.user, "counterfeit.sweeprun"),
            "policy": policy(),
            "sweeps": scoped(SweepRun, request.user).select_related("institution")[:10],
        },
    )


class CaseList(generic.ObjectListView):
    model = CounterfeitCase
    filterset = CaseFilterSet
    table = CaseTable
    title = gettext_lazy("Counterfeit cases")
    template_name = "counterfeit/object_list.html"

    def get_queryset(self):
        return selectors.annotate_overdue(super().get_queryset()).select_related("app", "institution")

    def extra_context(self):
        return {"tab": "cases"}


@login_required
@require_safe
def case_detail(request, pk):
    case = get_scoped(
        selectors.annotate_overdue(CounterfeitCase.objects.select_related("app", "institution", "listing")),
        request.user,
        pk=pk,
    )
    official = AppProtection.objects.filter(app_id=case.app_id).exclude(icon="").first()
    report = getattr(case, "regulator_report", None) if hasattr(case, "regulator_report") else None
    user = request.user
    history = history_entries(case)
    labels = dict(CaseState.choices)
    for entry in history:
        entry.state_before = labels.get((entry.before or {}).get("state"), "")
        entry.state_after = labels.get((entry.after or {}).get("state"), "")
    role = getattr(user, "role", None)
    return render(
        request,
        "counterfeit/case_detail.html",
        {
            "case": case,
            "chain": (chain := _relisting_chain(case, user)),
            "chain_index": next((n for n, c in enumerate(chain) if c.pk == case.pk), 0),
            "report": report,
            "clarifications": case.clarifications.all(),
            "history": history,
            "signals": signal_rows(case.reasons),
            "official_icon": bool(official),
            "moves": [(to, CaseState(to).label) for to in sorted(services.moves_from(case.state))],
            "can_triage": can_write(user, "counterfeit.counterfeitcase") and role in services.TRIAGE_ROLES,
            "can_report": can_write(user, "counterfeit.regulatorreport") and role in services.REPORTING_ROLES,
            "today": timezone.localdate(),
        },
    )


def _relisting_chain(case, user) -> list:
    """The cases of the same listing linked by re-listings (earlier case → later case), earliest first; empty
    when the case stands alone."""
    cases = scoped(CounterfeitCase, user).only(
        "id", "state", "opened_at", "taken_down_on", "previous_case_id", "listing_name", "app_id"
    )
    earlier, current = [], case
    while current.previous_case_id and len(earlier) < 50:
        current = cases.filter(pk=current.previous_case_id).first()
        if current is None:
            break
        earlier.append(current)
    later, frontier = [], [case.pk]
    while frontier and len(later) < 50:
        found = list(cases.filter(previous_case_id__in=frontier).order_by("opened_at", "id"))
        later.extend(found)
        frontier = [c.pk for c in found]
    if not earlier and not later:
        return []
    return [*reversed(earlier), case, *later]


def _case_action(request, pk, action, success):
    case = get_scoped(
        CounterfeitCase.objects.select_related("institution__regulator_office"), request.user, pk=pk
    )
    if request.user.is_regulator:
        raise PermissionDenied
    try:
        action(case)
    except ValidationError as exc:
        messages.error(request, _errors(exc))
    else:
        messages.success(request, success)
    # a PermissionDenied from the service is a 403, as the API answers, not a message
    return redirect(case.get_absolute_url())


@login_required
@require_POST
def case_move(request, pk):
    post = request.POST
    return _case_action(
        request,
        pk,
        lambda case: services.move_case(
            case,
            post.get("to_state", ""),
            request.user,
            note=post.get("note", ""),
            on=post.get("on") or None,
            platform=post.get("platform", ""),
            reference=post.get("reference", ""),
        ),
        _("Case updated."),
    )


@login_required
@require_POST
def case_clarify(request, pk):
    post = request.POST
    return _case_action(
        request,
        pk,
        lambda case: services.add_clarification(
            case,
            request.user,
            published_on=post.get("published_on") or None,
            channel=post.get("channel", ""),
            link=post.get("link", ""),
            note=post.get("note", ""),
        ),
        _("Public clarification recorded."),
    )


@login_required
@require_POST
def case_report(request, pk):
    post = request.POST
    return _case_action(
        request,
        pk,
        lambda case: services.record_report(
            case,
            request.user,
            reported_on=post.get("reported_on") or None,
            reference=post.get("reference", ""),
            summary=post.get("summary", ""),
        ),
        _("Report to the regulator recorded."),
    )


@login_required
def feed_list(request):
    """The feeds received, and the upload form (POST)."""
    user = request.user
    can_upload = can_write(user, "counterfeit.listingfeed")
    if request.method == "POST":
        if not can_upload:
            raise PermissionDenied
        upload = request.FILES.get("file")
        if upload is None:
            messages.error(request, _("Choose a .jsonl or .csv file."))
        else:
            try:
                feed = feeds.receive_upload(user.institution, upload, request.POST.get("label", ""), user)
            except (ValidationError, PermissionDenied) as exc:
                messages.error(request, _("Nothing was stored. ") + _errors(exc))
            else:
                _enqueue_sweep(user, SweepRun.Trigger.FEED)
                messages.success(
                    request,
                    _(
                        "Feed received: %(new)d new, %(changed)d changed, %(same)d unchanged listings; screening queued."
                    )
                    % {"new": feed.new, "changed": feed.changed, "same": feed.unchanged},
                )
                if feed.reappeared:
                    messages.warning(
                        request,
                        _("%(n)d listings taken down earlier are listed again: they are screened again.")
                        % {"n": feed.reappeared},
                    )
                if feed.icons_missing:
                    messages.warning(
                        request,
                        _(
                            "%(n)d listings name an icon file the feed did not carry and give no icon_phash: "
                            "their icons are not compared. Upload a .zip with the images."
                        )
                        % {"n": feed.icons_missing},
                    )
        return redirect("counterfeit:feed-list")
    page = Paginator(scoped(ListingFeed, user).select_related("institution", "received_by"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "counterfeit/feed_list.html",
        {"page": page, "can_upload": can_upload, "fields": feeds.LISTING_FIELDS},
    )


class ListingList(generic.ObjectListView):
    model = ObservedListing
    queryset = ObservedListing.objects.select_related("institution", "unregistered_app")
    filterset = ListingFilterSet
    table = ListingTable
    title = gettext_lazy("Observed listings")
    template_name = "counterfeit/object_list.html"

    def extra_context(self):
        return {"tab": "listings"}


def _enqueue_sweep(user, trigger):
    from .tasks import run_sweep

    institution_id, user_id = user.institution_id, user.pk
    progress.queue(institution_id, "counterfeit_sweep")
    transaction.on_commit(lambda: run_sweep.enqueue(institution_id, user_id, trigger))


@login_required
@require_POST
def sweep_now(request):
    if not can_write(request.user, "counterfeit.sweeprun"):
        raise PermissionDenied
    _enqueue_sweep(request.user, SweepRun.Trigger.MANUAL)
    messages.success(request, _("Screening of new and changed listings queued; the worker runs it."))
    return redirect("counterfeit:dashboard")


@login_required
def protection(request):
    """Brand keywords and developers of the institution (POST), and each app's protection settings."""
    user = request.user
    if request.method == "POST":
        if not can_write(user, "counterfeit.brandprofile"):
            raise PermissionDenied
        try:
            services.save_brand_profile(
                user.institution,
                user,
                brand_keywords=request.POST.get("brand_keywords", ""),
                developers=request.POST.get("developers", ""),
            )
        except (ValidationError, PermissionDenied) as exc:
            messages.error(request, _errors(exc))
        else:
            messages.success(request, _("Brand profile saved."))
        return redirect("counterfeit:protection")
    apps = scoped(MobileApp, user).select_related("institution").order_by("institution", "code")
    protections = {p.app_id: p for p in scoped(AppProtection, user)}
    rows = [(app, protections.get(app.pk)) for app in apps]
    return render(
        request,
        "counterfeit/protection.html",
        {
            "profiles": scoped(BrandProfile, user).select_related("institution"),
            "own_profile": BrandProfile.objects.filter(institution_id=user.institution_id).first()
            if user.institution_id
            else None,
            "rows": rows,
            "can_edit_brand": can_write(user, "counterfeit.brandprofile"),
            "can_edit_apps": can_write(user, "counterfeit.appprotection"),
        },
    )


@login_required
@require_POST
def protection_app(request, app_pk):
    app = get_scoped(MobileApp, request.user, pk=app_pk)
    if not can_write(request.user, "counterfeit.appprotection"):
        raise PermissionDenied
    post = request.POST
    try:
        services.save_protection(
            app,
            request.user,
            aliases=post.get("aliases", ""),
            brand_keywords=post.get("brand_keywords", ""),
            extra_package_ids=post.get("extra_package_ids", ""),
            monitored=post.get("monitored") == "on",
            icon=request.FILES.get("icon"),
        )
    except (ValidationError, PermissionDenied) as exc:
        messages.error(request, f"{app.name}: {_errors(exc)}")
    else:
        messages.success(request, _("Protection of %(app)s saved.") % {"app": app.name})
    return redirect("counterfeit:protection")


ICON_TYPES = {"png": "image/png", "jpg": "image/jpeg", "webp": "image/webp", "gif": "image/gif"}
ICON_TYPES.update({"bmp": "image/bmp", "ico": "image/x-icon"})


def _icon_response(field):
    """A kept icon (checked at ingest to be one of icons.ICON_FORMATS), shown inline, never sniffed."""
    ext = field.name.rsplit(".", 1)[-1].lower()
    if ext not in ICON_TYPES or not field.storage.exists(field.name):
        raise Http404
    response = FileResponse(field.open("rb"), content_type=ICON_TYPES[ext])
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
@require_safe
def listing_icon(request, pk):
    """The icon file a feed carried for a listing (scoped like the listing)."""
    listing = get_scoped(ObservedListing, request.user, pk=pk)
    if not listing.icon_file:
        raise Http404
    return _icon_response(listing.icon_file)


@login_required
@require_safe
def protection_icon(request, app_pk):
    """The official icon of a protected app (scoped like the app)."""
    app = get_scoped(MobileApp, request.user, pk=app_pk)
    protection = AppProtection.objects.filter(app=app).first()
    if protection is None or not protection.icon:
        raise Http404
    return _icon_response(protection.icon)
