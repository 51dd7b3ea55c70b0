"""Building blocks every API view uses, so scoping and the change log hold for all endpoints."""

from rest_framework import serializers

from appgov.core.models import ChangeLogEntry
from appgov.core.scoping import scope


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
