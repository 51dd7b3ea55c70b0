from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from appgov.core import services as core_services
from appgov.core.roles import can_write
from appgov.core.scoping import scope, scoped


def get_scoped(model_or_queryset, user, **lookup):
    """The object if the user may see it; 404 otherwise (never 403, so existence does not leak)."""
    if isinstance(model_or_queryset, QuerySet):
        return get_object_or_404(scope(model_or_queryset, user), **lookup)
    return get_object_or_404(scoped(model_or_queryset, user), **lookup)


def require_write(user, model):
    if not can_write(user, model._meta.label_lower):
        raise PermissionDenied


def history_entries(obj):
    from appgov.core import changelog

    entries = list(core_services.history(obj)[:100])
    for entry in entries:
        entry.changes = changelog.labelled_diff(entry, skip=("updated_at",))[:6]
    return entries


def apply_service_errors(request, form, exc: ValidationError):
    """Put a service's validation errors on the form, field by field where the field is on the form."""
    if hasattr(exc, "error_dict"):
        for name, errors in exc.message_dict.items():
            form.add_error(name if name in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
    messages.error(request, "；".join(exc.messages))


def querystring_without_page(request) -> str:
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return f"{encoded}&" if encoded else ""


__all__ = [
    "Http404",
    "apply_service_errors",
    "get_scoped",
    "history_entries",
    "querystring_without_page",
    "require_write",
]


def safe_next(request, fallback: str, *, field: str = "next") -> str:
    """The `next` URL the request names when it stays on this site; `fallback` (a URL name or path) otherwise,
    so a crafted link cannot send the user elsewhere after a form posts."""
    from django.shortcuts import resolve_url
    from django.utils.http import url_has_allowed_host_and_scheme

    target = request.POST.get(field) or request.GET.get(field) or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return resolve_url(fallback)
