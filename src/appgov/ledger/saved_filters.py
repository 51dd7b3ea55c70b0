"""Saved filters of the ledger list, one set per user: written through their service (logged), read only by
their owner."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from appgov.core import services as core_services
from appgov.core.scoping import scoped

from .models import SavedFilter

# the ledger list's filter parameters; anything else in a query string is not kept
FILTER_KEYS = (
    "q",
    "kind",
    "state",
    "audience",
    "platform",
    "managing_department",
    "is_important_system",
    "ordering",
    "per_page",
)
MAX_PER_USER = 30


def clean_query(query: str | QueryDict) -> str:
    """The filter parameters of a query string, in a stable order (no page number, nothing unknown)."""
    params = QueryDict(query) if isinstance(query, str) else query
    kept = QueryDict(mutable=True)
    for key in FILTER_KEYS:
        values = [v for v in params.getlist(key) if v.strip()]
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


def has_filters(params: QueryDict) -> bool:
    return any(
        v.strip() for key in FILTER_KEYS if key not in ("per_page", "ordering") for v in params.getlist(key)
    )


def for_user(user):
    """The user's own saved filters (never another user's, even of the same institution)."""
    return scoped(SavedFilter, user).filter(user_id=user.pk).order_by("name")


class SavedFilterService(core_services.ModelService):
    model = SavedFilter

    def prepare(self, obj, actor, data: dict) -> None:
        super().prepare(obj, actor, data)
        if obj.user_id is None and actor is not None:
            obj.user_id = actor.pk
        obj.query = clean_query(obj.query or "")
        obj.name = (obj.name or "").strip()

    def create(self, actor, data: dict):
        if actor is not None:
            if for_user(actor).filter(name=(data.get("name") or "").strip()).exists():
                raise ValidationError({"name": _("You already have a saved filter with this name.")})
            if for_user(actor).count() >= MAX_PER_USER:
                raise ValidationError(
                    _("At most %(n)d saved filters per user: delete one first.") % {"n": MAX_PER_USER}
                )
        return super().create(actor, data)

    def _own(self, obj, actor) -> None:
        if actor is not None and obj.user_id != actor.pk:
            raise PermissionDenied(_("This saved filter belongs to another user."))

    def check_editable(self, obj, actor) -> None:
        self._own(obj, actor)

    def check_deletable(self, obj, actor) -> None:
        self._own(obj, actor)


saved_filters = SavedFilterService()
