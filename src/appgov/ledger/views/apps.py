from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from appgov.core import extensions, list_cache
from appgov.core.models import Department
from appgov.core.models.voidable import asks_for_voided, without_voided
from appgov.core.roles import LIFECYCLE_ROLES, can_write
from appgov.core.scoping import scoped
from appgov.core.views.helpers import (
    apply_service_errors,
    get_scoped,
    history_entries,
    querystring_without_page,
    require_write,
)

from .. import gates, saved_filters, services
from ..filtersets import MobileAppFilterSet
from ..forms import GateEvidenceForm, MobileAppForm, PublishingAccountForm
from ..models import MobileApp
from ..models.choices import AppKind, LifecycleState, Platform
from .app_rows import rows_html

PAGE_SIZES = (25, 50, 100)


@login_required
@require_safe
def app_list(request):
    # The whole content block (filters, count, table) is one cached fragment: a cache hit costs no query
    # beyond the change-log head, and a miss renders plain row dicts rather than model instances.
    content = list_cache.cached(request, "ledger-app-list", lambda: _render_app_list_content(request))
    # saved filters are the user's own: outside the cached block, which is shared by a role's users
    can_save = can_write(request.user, "ledger.savedfilter")
    return render(
        request,
        "ledger/app_list.html",
        {
            "content": content,
            "can_save_filter": can_save,
            "saved_filters": list(saved_filters.for_user(request.user)) if can_save else [],
            "current_query": saved_filters.clean_query(request.GET),
        },
    )


def _render_app_list_content(request) -> str:
    try:
        per_page = int(request.GET.get("per_page", 50))
    except ValueError:
        per_page = 50
    per_page = per_page if per_page in PAGE_SIZES else 50
    filterset = MobileAppFilterSet(request.GET, queryset=_list_queryset_for(request), request=request)
    ordered = filterset.qs.order_by(*(filterset.qs.query.order_by or ["code"]), "id")
    # The page is found on ids alone (a deep OFFSET over the joined rows costs ~10x more), then its rows
    # are read by id; counted without joins as well.
    paginator = Paginator(ordered.values_list("id", flat=True), per_page)
    paginator.count = filterset.qs.order_by().count()
    page = paginator.get_page(request.GET.get("page"))
    ids = list(page.object_list)
    rows = {row["id"]: row for row in MobileApp.objects.filter(id__in=ids).values(*LIST_FIELDS)}
    page.object_list = _list_rows(rows[pk] for pk in ids)
    app_url_prefix = reverse("ledger:app-detail", args=[0])[: -len("0/")]
    return render_to_string(
        "ledger/_app_list_content.html",
        {
            "filterset": filterset,
            "page": page,
            "per_page": per_page,
            "page_sizes": PAGE_SIZES,
            "querystring_without_page": querystring_without_page(request),
            "rows_html": rows_html(
                page.object_list,
                app_url_prefix=app_url_prefix,
                show_institution=request.user.is_regulator,
                selectable=can_write(request.user, "ledger.mobileapp"),
            ),
            "can_create": can_write(request.user, "ledger.mobileapp"),
            "can_bulk_edit": can_write(request.user, "ledger.mobileapp"),
            "has_filters": saved_filters.has_filters(request.GET),
            "show_voided": asks_for_voided(request.GET),
            "show_institution": request.user.is_regulator,
            "choices": {
                "kind": _labels(AppKind).items(),
                "state": _labels(LifecycleState).items(),
                "platform": _labels(Platform).items(),
            },
            "selected": {
                "kind": request.GET.getlist("kind"),
                "state": request.GET.getlist("state"),
                "platform": request.GET.get("platform", ""),
                "department": request.GET.get("managing_department", ""),
            },
            "departments": []
            if request.user.is_regulator
            else [(str(pk), name) for pk, name in scoped(Department, request.user).values_list("pk", "name")],
            "q": request.GET.get("q", ""),
        },
        request=request,
    )


LIST_FIELDS = (
    "id",
    "code",
    "name",
    "kind",
    "platforms",
    "state",
    "is_important_system",
    "updated_at",
    "institution__name",
    "managing_department__name",
    "responsible_person__name",
)


def _labels(choices) -> dict[str, str]:
    """Choice labels translated once (a lazy label would be translated again at every use)."""
    return {value: str(label) for value, label in choices.choices}


def _list_rows(values) -> list[dict]:
    """Rows with their labels resolved here, once per page, so the template only prints strings."""
    kinds, states, platforms = (_labels(AppKind), _labels(LifecycleState), _labels(Platform))
    rows = []
    for row in values:
        row["kind_label"] = kinds.get(row["kind"], row["kind"])
        row["state_label"] = states.get(row["state"], row["state"])
        row["platforms_label"] = "、".join(str(platforms.get(p, p)) for p in row["platforms"] or [])
        row["updated"] = timezone.localtime(row["updated_at"]).strftime("%Y-%m-%d")
        rows.append(row)
    return rows


def _list_queryset(user):
    # Only ids are read from it (then the page's rows by id, LIST_FIELDS), so nothing is joined here.
    return scoped(MobileApp, user)


def _list_queryset_for(request):
    # voided apps (mistaken entries kept for the record) only when "show voided" is ticked
    return without_voided(_list_queryset(request.user), asks_for_voided(request.GET))


@login_required
@require_safe
def app_detail(request, pk):
    app = get_scoped(
        MobileApp.objects.select_related(
            "institution", "managing_department", "responsible_person", "data_owner_department"
        ),
        request.user,
        pk=pk,
    )
    tab = request.GET.get("tab", "overview")
    versions = app.versions.prefetch_related("listings__channel", "vulnerabilities")
    user_may_move = request.user.role in LIFECYCLE_ROLES and not request.user.is_regulator
    evidence_items = [(i.id, i.title) for t in gates.transitions() for i in t.items if i.kind == "evidence"]
    evidence_items = list(dict(evidence_items).items())
    return render(
        request,
        "ledger/app_detail.html",
        {
            "app": app,
            "versions": versions,
            "accounts": app.publishing_accounts.select_related("channel"),
            "gates": services.gate_status(app),
            "evidence": app.gate_evidence.select_related("recorded_by"),
            "events": app.lifecycle_events.select_related("actor"),
            "history": history_entries(app),
            "can_edit": can_write(request.user, "ledger.mobileapp"),
            "can_move": user_may_move,
            "evidence_form": GateEvidenceForm(items=evidence_items, user=request.user, app=app)
            if can_write(request.user, "ledger.gateevidence")
            else None,
            "account_form": PublishingAccountForm(user=request.user)
            if can_write(request.user, "ledger.publishingaccount")
            else None,
            "tab": tab,
            "platform_labels": dict(Platform.choices),
            "compliance_results": [],
            **extensions.detail_context(app, request),  # compliance adds "compliance_results" on its tab
        },
    )


def _app_form_view(request, app=None):
    require_write(request.user, MobileApp)
    form = MobileAppForm(request.POST or None, instance=app, user=request.user)
    if request.method == "POST" and form.is_valid():
        obj = form.save(commit=False)
        if obj.institution_id is None:
            obj.institution_id = request.user.institution_id
        try:
            services.save(obj, request.user)
        except ValidationError as exc:
            apply_service_errors(request, form, exc)
        else:
            messages.success(request, _("Saved %(name)s.") % {"name": obj.name})
            return redirect("ledger:app-detail", pk=obj.pk)
    return render(request, "ledger/app_form.html", {"form": form, "app": app})


@login_required
def app_create(request):
    return _app_form_view(request)


@login_required
def app_edit(request, pk):
    return _app_form_view(request, get_scoped(MobileApp, request.user, pk=pk))


@login_required
@require_POST
def app_transition(request, pk):
    app = get_scoped(MobileApp, request.user, pk=pk)
    try:
        services.transition(app, request.POST.get("to_state", ""), request.user, request.POST.get("note", ""))
    except services.GateRefused as exc:
        messages.error(
            request,
            _("Refused: %(action)s needs %(items)s")
            % {"action": exc.transition.title, "items": "；".join(exc.item_texts())},
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        app.refresh_from_db()
        messages.success(
            request, _("%(name)s is now %(state)s.") % {"name": app.name, "state": app.get_state_display()}
        )
    return redirect(f"{app.get_absolute_url()}?tab=lifecycle")


@login_required
@require_POST
def app_evidence_add(request, pk):
    app = get_scoped(MobileApp, request.user, pk=pk)
    if not can_write(request.user, "ledger.gateevidence"):
        raise PermissionDenied
    try:
        services.record_gate_evidence(
            app,
            request.POST.get("item", ""),
            request.POST.get("reference", "").strip(),
            request.user,
            request.FILES.get("file"),
            **_gate_evidence_version_and_date(app, request.POST),
        )
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Evidence recorded."))
    return redirect(f"{app.get_absolute_url()}?tab=lifecycle")


def _gate_evidence_version_and_date(app, data) -> dict:
    """The optional version and document date of posted gate evidence (NFRA-08.4: evidence per release)."""
    import datetime

    out = {}
    if data.get("version"):
        version = app.versions.filter(pk=data["version"]).first() if str(data["version"]).isdigit() else None
        if version is None:
            raise ValidationError({"version": _("The version belongs to another app.")})
        out["version"] = version
    if data.get("dated_on"):
        try:
            out["dated_on"] = datetime.date.fromisoformat(data["dated_on"])
        except ValueError:
            raise ValidationError({"dated_on": _("Enter a valid date.")}) from None
    return out
