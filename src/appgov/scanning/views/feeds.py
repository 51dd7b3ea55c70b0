"""The institution's vulnerability feeds: the list and the upload (administrators and security)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from appgov.core.roles import can_write
from appgov.core.scoping import scoped

from .. import feeds
from ..models import VulnerabilityFeed


@login_required
def feed_list(request):
    user = request.user
    can_upload = can_write(user, "scanning.vulnerabilityfeed")
    if request.method == "POST":
        if not can_upload:
            raise PermissionDenied
        try:
            feed = feeds.import_feed(
                user, name=request.POST.get("name", ""), upload=request.FILES.get("file")
            )
        except ValidationError as exc:
            messages.error(request, _("Nothing was stored. ") + "；".join(exc.messages))
        else:
            messages.success(
                request,
                _("Feed %(name)s imported: %(n)d advisories; the next scans are matched against it.")
                % {"name": feed.name, "n": feed.advisory_count},
            )
        return redirect("scanning:feed-list")
    rows = scoped(VulnerabilityFeed, user).select_related("institution", "uploaded_by")
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    current = {f.pk for inst in {r.institution_id for r in page} for f in feeds.current_feeds(inst)}
    return render(
        request,
        "scanning/feed_list.html",
        {"page": page, "page_obj": page, "can_upload": can_upload, "current": current},
    )
