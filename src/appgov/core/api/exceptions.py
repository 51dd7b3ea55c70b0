"""One error shape for every refusal the API gives, whatever raised it.

    {"detail": "<one sentence a person can read>", "code": "<machine code>",
     "errors": {"<field>" | "non_field_errors": ["<message>", ...]}}

Services raise Django's ValidationError / PermissionDenied; DRF raises its own exceptions; both end here.
"""

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers
from rest_framework.response import Response

NON_FIELD = "non_field_errors"


class ErrorSerializer(serializers.Serializer):
    """The body of every 4xx answer (documented in the OpenAPI schema)."""

    detail = serializers.CharField(help_text="The refusal in one sentence.")
    code = serializers.CharField(help_text="invalid, permission_denied, not_found, not_authenticated, …")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        help_text="Messages by field name; messages that concern no single field are under non_field_errors.",
    )


def _messages(detail, where: str = "") -> list[str]:
    """Every message under a nested detail, each prefixed with where it was found ("[2].name: …")."""
    if isinstance(detail, dict):
        out = []
        for key, value in detail.items():
            step = f"[{key}]" if isinstance(key, int) else (f".{key}" if where else str(key))
            out.extend(_messages(value, where + step))
        return out
    if isinstance(detail, list):
        out = []
        for index, item in enumerate(detail):
            if isinstance(item, dict | list):
                out.extend(_messages(item, f"{where}[{index}]"))
            else:
                out.extend(_messages(item, where))
        return out
    return [f"{where}: {detail}" if where else str(detail)]


def _flatten(detail) -> dict[str, list[str]]:
    """DRF's nested detail as top-level field -> messages (nested positions named inside the message)."""
    if isinstance(detail, dict):
        errors: dict[str, list[str]] = {}
        for key, value in detail.items():
            name = NON_FIELD if key in ("non_field_errors", "__all__") else str(key)
            errors.setdefault(name, []).extend(_messages(value))
        return errors
    return {NON_FIELD: _messages(detail)}


def _summary(errors: dict[str, list[str]]) -> str:
    messages = []
    for field, items in errors.items():
        for message in items:
            messages.append(message if field == NON_FIELD else f"{field}: {message}")
    return "；".join(messages) or _("The request was refused.")


def error_body(status_code: int, code: str, errors: dict[str, list[str]], detail: str | None = None) -> dict:
    return {"detail": detail or _summary(errors), "code": code, "errors": errors}


def exception_handler(exc, context):
    extra = {}
    if isinstance(exc, DjangoValidationError):
        missing = getattr(exc, "missing", None)
        if missing is not None:
            extra["missing_items"] = [{"id": item.id, "label": item.label} for item in missing]
        detail = exc.message_dict if hasattr(exc, "error_dict") else {NON_FIELD: exc.messages}
        exc = exceptions.ValidationError(detail)
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    if not isinstance(exc, exceptions.APIException):
        return None  # a real server error: Django's handler logs it and answers 500
    if isinstance(exc, exceptions.ValidationError):
        errors = _flatten(exc.detail)
        body = error_body(exc.status_code, "invalid", errors)
    else:
        code = exc.get_codes() if isinstance(exc.get_codes(), str) else exc.default_code
        message = (
            str(exc.detail) if not isinstance(exc.detail, dict | list) else _summary(_flatten(exc.detail))
        )
        body = error_body(exc.status_code, code, {NON_FIELD: [message]}, message)
    body.update(extra)
    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    return Response(body, status=exc.status_code, headers=headers)
