"""The API viewsets every module declares its endpoints with.

- reads are scoped by the model's queryset (`for_user`), lists rendered from rows when the serializer allows;
- every write goes through the module's service (`service = SomeService()`): there is no plain save to fall
  back on, so a rule the pages enforce cannot be skipped by the API;
- every object has its change history at `…/{id}/history/`, and files one download action.
"""

from django.core.exceptions import ImproperlyConfigured
from django.http import FileResponse, Http404
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.filters import OrderingFilter
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from appgov.core import services
from appgov.core.models.fields import TEXT_LIMIT
from appgov.core.models.voidable import asks_for_voided, without_voided
from appgov.core.roles import can_write
from appgov.core.scoping import scope

from .base import ChangeLogEntrySerializer
from .filters import BoundedJSONParser, ScopedFilterBackend
from .pagination import CappedLimitOffsetPagination
from .rows import row_renderer

WRITE_ACTIONS = {"create", "update", "partial_update", "destroy"}

INCLUDE_VOIDED = OpenApiParameter(
    "include_voided",
    bool,
    OpenApiParameter.QUERY,
    description="Also list voided records (mistaken entries kept with who voided them, when and why); "
    "left out by default.",
)
VOID_REASON = OpenApiParameter(
    "reason",
    str,
    OpenApiParameter.QUERY,
    description="Why the record is removed. A record kept for the record is never deleted: a mistaken entry "
    "with no history is voided with this reason (the row stays, marked voided; the reason is in the change "
    "log); without it the request is refused (400, errors.reason). May also be sent in the body.",
)


class RetireSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=TEXT_LIMIT, help_text="Why the record is retired (kept on it).")


class ScopedReadOnlyViewSet(viewsets.ReadOnlyModelViewSet):
    """List, detail and history of the records the user may see. Custom actions that write call
    `self.require_write()` and then a service. Filter choices come from the caller's scope."""

    filter_backends = [ScopedFilterBackend, OrderingFilter]
    parser_classes = [BoundedJSONParser, FormParser, MultiPartParser]
    pagination_class = CappedLimitOffsetPagination

    def get_queryset(self):
        queryset = super().get_queryset()
        for_user = getattr(queryset, "for_user", None)
        queryset = for_user(self.request.user) if for_user is not None else scope(queryset, self.request.user)
        if self.action == "list":  # a voided row is still reachable by its id, with its void fields
            queryset = without_voided(queryset, asks_for_voided(self.request.query_params))
        return queryset

    def require_write(self, model=None) -> None:
        model = model or self.queryset.model
        if not can_write(self.request.user, model._meta.label_lower):
            raise PermissionDenied()

    def list(self, request, *args, **kwargs):
        plan = row_renderer(self.get_serializer())
        if plan is None:
            return super().list(request, *args, **kwargs)
        sources, render = plan
        rows = self.filter_queryset(self.get_queryset()).values(*sources)
        page = self.paginate_queryset(rows)
        if page is not None:
            return self.get_paginated_response([render(row) for row in page])
        return Response([render(row) for row in rows])

    @extend_schema(responses=ChangeLogEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None, format=None):
        obj = self.get_object()
        entries = services.history(obj)[:200]
        return Response(ChangeLogEntrySerializer(entries, many=True).data)

    def download_file(self, obj, field: str, *, inline: bool = False):
        """The one download answer: the file of a scoped object, never a /media/ URL, never sniffed."""
        stored = getattr(obj, field)
        if not stored:
            raise Http404
        response = FileResponse(
            stored.open("rb"), as_attachment=not inline, filename=stored.name.rsplit("/", 1)[-1]
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response


class ScopedModelViewSet(
    mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin, ScopedReadOnlyViewSet
):
    """CRUD over a model, scoped to the user; create / update / delete call `service` (a ModelService)."""

    service: services.ModelService | None = None

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if cls.service is None and getattr(cls, "queryset", None) is not None:
            raise ImproperlyConfigured(
                f"{cls.__name__} writes and must name the service that performs its writes"
            )

    def perform_create(self, serializer):
        serializer.instance = self.service.create(self.request.user, dict(serializer.validated_data))

    def perform_update(self, serializer):
        serializer.instance = self.service.update(
            serializer.instance, self.request.user, dict(serializer.validated_data)
        )

    def perform_destroy(self, instance):
        # a record kept for the record is only voided, with a reason (core.retention): `?reason=` or a body
        data = self.request.data if hasattr(self.request.data, "get") else {}
        reason = str(data.get("reason") or self.request.query_params.get("reason") or "")
        self.service.delete(instance, self.request.user, reason)


class RetireActionMixin:
    """`POST …/{id}/retire/` {"reason": …}: retire a record that had a life (core.models.voidable.Retirable)
    through the viewset's service, instead of deleting it."""

    @extend_schema(request=RetireSerializer)
    @action(detail=True, methods=["post"])
    def retire(self, request, pk=None, format=None):
        self.require_write()
        obj = self.get_object()
        data = RetireSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        obj = self.service.retire(obj, request.user, data.validated_data["reason"])
        return Response(self.get_serializer(obj).data)
