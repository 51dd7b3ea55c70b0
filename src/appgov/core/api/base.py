"""Building blocks every API view uses, so scoping and the change log hold for all endpoints."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from appgov.core import services
from appgov.core.models import ChangeLogEntry
from appgov.users.scoping import scope

from .rows import row_renderer


class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key that only accepts objects the requesting user can see (no existence leak)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        return scope(queryset, request.user if request else None)


class DownloadLinkField(serializers.Field):
    """A stored file shown as the URL of its scoped download action (files are never served from /media/)."""

    def __init__(self, route: str, attr: str, **kwargs):
        self.route, self.attr = route, attr
        kwargs.setdefault("read_only", True)
        super().__init__(source="*", **kwargs)

    def to_representation(self, obj):
        from django.urls import reverse

        if not getattr(obj, self.attr):
            return None
        url = reverse(self.route, args=[obj.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(url) if request else url


class ScopedModelSerializer(serializers.ModelSerializer):
    serializer_related_field = ScopedPrimaryKeyRelatedField


class ChangeLogEntrySerializer(serializers.ModelSerializer):
    class Meta:
        model = ChangeLogEntry
        fields = [
            "seq",
            "timestamp",
            "actor_name",
            "request_id",
            "action",
            "object_type",
            "object_id",
            "object_repr",
            "before",
            "after",
        ]


class ScopedModelViewSet(viewsets.ModelViewSet):
    """CRUD over a model, scoped to the user, every write through core.services (validated and logged)."""

    institution_from_user = False  # set the institution field from the user on create

    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user)

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

    def perform_create(self, serializer):
        obj = serializer.Meta.model(**dict(serializer.validated_data))
        if self.institution_from_user:
            obj.institution_id = self.request.user.institution_id
        serializer.instance = self.save_object(obj)

    def perform_update(self, serializer):
        obj = serializer.instance
        for name, value in dict(serializer.validated_data).items():
            setattr(obj, name, value)
        serializer.instance = self.save_object(obj)

    def perform_destroy(self, instance):
        self.delete_object(instance)

    def save_object(self, obj):
        """Where a module has its own save service (extra rules), a viewset overrides this to call it."""
        return services.save(obj, self.request.user)

    def delete_object(self, obj) -> None:
        services.delete(obj, self.request.user)

    @extend_schema(responses=ChangeLogEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None, format=None):
        obj = self.get_object()
        entries = services.history(obj)[:200]
        return Response(ChangeLogEntrySerializer(entries, many=True).data)
