from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404
from django.shortcuts import render
from django.views.decorators.http import require_safe

from appgov.core import changelog
from appgov.core.history_display import display_names, type_label
from appgov.core.models import ChangeLogEntry


def scoped_changelog(user):
    ids = user.jurisdiction_institution_ids()
    return ChangeLogEntry.objects.filter(institution_id__in=ids).select_related("actor")


@login_required
@require_safe
def changelog_list(request):
    qs = scoped_changelog(request.user)
    q = request.GET.get("q", "").strip()
    if q:
        qs = qs.filter(
            Q(object_repr__icontains=q) | Q(actor_name__icontains=q) | Q(request_id=q) | Q(object_type=q)
        )
    page = Paginator(qs.order_by("-seq"), 50).get_page(request.GET.get("page"))
    for entry in page:
        entry.type_label = type_label(entry.object_type)
    display_names(page)
    return render(request, "core/changelog_list.html", {"page": page, "q": q})


@login_required
@require_safe
def changelog_detail(request, seq):
    entry = scoped_changelog(request.user).filter(seq=seq).first()
    if entry is None:
        raise Http404
    display_names([entry])
    return render(
        request,
        "core/changelog_detail.html",
        {"entry": entry, "diff": changelog.labelled_diff(entry), "type_label": type_label(entry.object_type)},
    )
