"""Save the ledger list's current filter under a name, or delete a saved one (the user's own)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from appgov.core.views.helpers import get_scoped, require_write

from ..models import SavedFilter
from ..saved_filters import clean_query, for_user, saved_filters


@login_required
@require_POST
def filter_save(request):
    require_write(request.user, SavedFilter)
    query = clean_query(request.POST.get("query", ""))
    try:
        saved_filters.create(request.user, {"name": request.POST.get("name", ""), "query": query})
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
    else:
        messages.success(request, _("Filter saved."))
    return redirect(f"{reverse('ledger:app-list')}?{query}" if query else reverse("ledger:app-list"))


@login_required
@require_POST
def filter_delete(request, pk):
    require_write(request.user, SavedFilter)
    saved = get_scoped(for_user(request.user), request.user, pk=pk)  # another user's filter: 404
    saved_filters.delete(saved, request.user)
    messages.success(request, _("Saved filter “%(name)s” deleted.") % {"name": saved.name})
    return redirect("ledger:app-list")
