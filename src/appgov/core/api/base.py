"""Building blocks every API view uses, so scoping and the change log hold for all endpoints."""

from django.core.validators import MaxLengthValidator
from django.db.models import Q
from rest_framework import serializers

from appgov.core.models import ChangeLogEntry
from appgov.core.models.voidable import VOID_FIELDS, voidable
from appgov.core.scoping import scope


class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key that only accepts objects the requesting user can see (no existence leak)."""

    def get_queryset(self):
        queryset = super().get_queryset()
        request = self.context.get("request")
        queryset = scope(queryset, request.user if request else None)
        if voidable(queryset.model):
            # a voided row (a mistaken entry) is never accepted as a new value; the one already stored stays
            instance = (
                getattr(self.root, "instance", None) if getattr(self, "parent", None) is not None else None
            )
            attrs = getattr(self, "source_attrs", None)
            current = getattr(instance, attrs[-1] + "_id", None) if attrs else None
            keep = [current] if isinstance(current, int) else []
            queryset = queryset.filter(Q(voided_at__isnull=True) | Q(pk__in=keep))
        return queryset


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


class LimitedModelSerializer(serializers.ModelSerializer):
    """A ModelSerializer whose text fields refuse too-long values with the model field's own validator, so the
    API's refusal is word for word the form's and the import's (issue 12 item 9): DRF would otherwise replace
    it with its own max_length check and message."""

    def build_standard_field(self, field_name, model_field):
        field_class, field_kwargs = super().build_standard_field(field_name, model_field)
        limit = getattr(model_field, "max_length", None)
        if limit is not None and "max_length" in field_kwargs and not field_kwargs.get("read_only"):
            field_kwargs.pop("max_length")
            own = [v for v in model_field.validators if isinstance(v, MaxLengthValidator)]
            field_kwargs["validators"] = [*field_kwargs.get("validators", []), *own]
        return field_class, field_kwargs

    def get_field_names(self, declared_fields, info):
        """A voidable record always shows who voided it, when and why (read-only), whatever fields it lists."""
        names = super().get_field_names(declared_fields, info)
        model = getattr(getattr(self, "Meta", None), "model", None)
        if (
            model is not None
            and voidable(model)
            and getattr(self.Meta, "fields", None) != serializers.ALL_FIELDS
        ):
            names = [*names, *(name for name in VOID_FIELDS if name not in names)]
        return names


class ScopedModelSerializer(LimitedModelSerializer):
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
