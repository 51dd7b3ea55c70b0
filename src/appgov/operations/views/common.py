from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect

from appgov.core.roles import can_write


def writer(user, model) -> bool:
    return can_write(user, model._meta.label_lower)


def require(user, model) -> None:
    if not writer(user, model):
        raise PermissionDenied


def attempt(request, action, success_message, back):
    """Run a service call; a validation error becomes a message and a redirect, never a 500; PermissionDenied
    answers 403, as the API does."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect(back)
    messages.success(request, success_message)
    return redirect(back)
