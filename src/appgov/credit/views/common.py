from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect

from appgov.core.roles import can_write


def writer(user, label: str) -> bool:
    return can_write(user, f"credit.{label}")


def require(user, label: str) -> None:
    if not writer(user, label):
        raise PermissionDenied


def attempt(request, action, success_message, back):
    """Run a service call; its validation or permission error becomes a message, never a 500."""
    try:
        result = action()
    except ValidationError as exc:
        messages.error(request, "；".join(exc.messages))
        return redirect(back)
    except PermissionDenied as exc:
        messages.error(request, str(exc) or "permission denied")
        return redirect(back)
    messages.success(request, success_message)
    return result
