import hashlib

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from appgov.core.api.base import ChangeLogEntrySerializer, ScopedModelViewSet
from appgov.core.services import history
from appgov.users.roles import can_write
from appgov.users.scoping import scope

from .. import feeds, services
from ..models import AppProtection, BrandProfile, CounterfeitCase, ListingFeed, ObservedListing, SweepRun
from . import serializers as s


class _Scoped:
    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user)


def _bad(exc: ValidationError) -> Response:
    body = exc.message_dict if hasattr(exc, "error_dict") else {"detail": exc.messages}
    return Response(body, status=status.HTTP_400_BAD_REQUEST)


class ListingFeedViewSet(_Scoped, viewsets.ReadOnlyModelViewSet):
    """Listing feeds; POST a file (.jsonl / .csv) or a list of listings. A bad line stores nothing (400)."""

    queryset = ListingFeed.objects.all()
    serializer_class = s.ListingFeedSerializer
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    filterset_fields = ["channel"]

    @extend_schema(request=s.FeedUploadSerializer, responses={201: s.ListingFeedSerializer})
    def create(self, request, *args, **kwargs):
        user = request.user
        if not can_write(user, "counterfeit.listingfeed"):
            raise PermissionDenied()
        payload = s.FeedUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        try:
            if "file" in data:
                feed = feeds.receive_upload(user.institution, data["file"], data.get("label", ""), user)
            else:
                listings = feeds.parse_objects(data["listings"])
                feed = feeds.receive_feed(
                    user.institution,
                    listings,
                    channel=ListingFeed.Channel.API,
                    label=data.get("label", ""),
                    actor=user,
                    file_sha256=hashlib.sha256(repr(data["listings"]).encode()).hexdigest(),
                )
        except ValidationError as exc:
            return _bad(exc)
        _enqueue(user, SweepRun.Trigger.FEED)
        return Response(s.ListingFeedSerializer(feed).data, status=status.HTTP_201_CREATED)


ListingFeedViewSet.http_method_names = ["get", "post", "head", "options"]


class BrandProfileViewSet(ScopedModelViewSet):
    """Brand keywords and official developer names of the user's institution (one profile each); generic
    words such as 银行 are refused. Writes: administrator, governance office (services.save_brand_profile)."""

    queryset = BrandProfile.objects.select_related("institution")
    serializer_class = s.BrandProfileSerializer
    filterset_fields = ["institution"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def perform_create(self, serializer):
        user = self.request.user
        if BrandProfile.objects.filter(institution_id=user.institution_id).exists():
            raise ValidationError(_("The institution already has a brand profile: change it (PATCH)."))
        serializer.instance = self._save(user.institution, serializer.validated_data, None)

    def perform_update(self, serializer):
        profile = serializer.instance
        serializer.instance = self._save(profile.institution, serializer.validated_data, profile)

    def _save(self, institution, data, profile):
        return services.save_brand_profile(
            institution,
            self.request.user,
            brand_keywords=data.get("brand_keywords", profile.brand_keywords if profile else []),
            developers=data.get("developers", profile.developers if profile else []),
        )


class AppProtectionViewSet(ScopedModelViewSet):
    """Per-app protection: aliases, app keywords, other official identifiers, the icon (multipart `icon`,
    checked and hashed here) and monitoring on/off. Writes: administrator, governance office, app owner."""

    queryset = AppProtection.objects.select_related("app")
    serializer_class = s.AppProtectionSerializer
    filterset_fields = ["app", "monitored"]
    parser_classes = [JSONParser, MultiPartParser, FormParser]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def perform_create(self, serializer):
        serializer.instance = self._save(serializer.validated_data["app"], serializer.validated_data, None)

    def perform_update(self, serializer):
        protection = serializer.instance
        serializer.instance = self._save(protection.app, serializer.validated_data, protection)

    def _save(self, app, data, current):
        def value(name, default):
            return data[name] if name in data else (getattr(current, name) if current else default)

        return services.save_protection(
            app,
            self.request.user,
            aliases=value("aliases", []),
            brand_keywords=value("brand_keywords", []),
            extra_package_ids=value("extra_package_ids", []),
            monitored=value("monitored", True),
            icon=data.get("icon"),
        )


def _enqueue(user, trigger):
    from ..tasks import run_sweep

    institution_id, user_id = user.institution_id, user.pk
    transaction.on_commit(lambda: run_sweep.enqueue(institution_id, user_id, trigger))


class ObservedListingViewSet(_Scoped, viewsets.ReadOnlyModelViewSet):
    queryset = ObservedListing.objects.all()
    serializer_class = s.ObservedListingSerializer
    filterset_fields = ["feed", "source", "listing_id"]


class SweepRunViewSet(_Scoped, viewsets.ReadOnlyModelViewSet):
    """Sweeps; POST queues a screening of the new and changed listings of the user's institution."""

    queryset = SweepRun.objects.all()
    serializer_class = s.SweepRunSerializer
    filterset_fields = ["status", "trigger"]

    @extend_schema(request=None, responses={202: None})
    def create(self, request, *args, **kwargs):
        if not can_write(request.user, "counterfeit.sweeprun"):
            raise PermissionDenied()
        _enqueue(request.user, SweepRun.Trigger.MANUAL)
        return Response({"detail": "sweep queued"}, status=status.HTTP_202_ACCEPTED)


SweepRunViewSet.http_method_names = ["get", "post", "head", "options"]


class CaseViewSet(_Scoped, viewsets.ReadOnlyModelViewSet):
    """Counterfeit cases; moves, clarifications and the regulator report are POST actions (services)."""

    queryset = CounterfeitCase.objects.select_related("regulator_report").prefetch_related("clarifications")
    serializer_class = s.CaseSerializer
    filterset_fields = ["state", "alert_kind", "app", "source"]

    def _act(self, request, payload_class, func):
        """Scope (404), then role (403), then the payload (400), then the service."""
        case = self.get_object()
        if not can_write(request.user, "counterfeit.counterfeitcase") and not can_write(
            request.user, "counterfeit.regulatorreport"
        ):
            raise PermissionDenied()
        payload = payload_class(data=request.data)
        payload.is_valid(raise_exception=True)
        try:
            func(case, payload.validated_data)
        except ValidationError as exc:
            return _bad(exc)
        case = self.get_queryset().get(pk=case.pk)
        return Response(s.CaseSerializer(case).data)

    @extend_schema(request=s.CaseMoveSerializer, responses=s.CaseSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None, format=None):
        return self._act(
            request,
            s.CaseMoveSerializer,
            lambda case, d: services.move_case(
                case,
                d["to_state"],
                request.user,
                note=d.get("note", ""),
                on=d.get("on"),
                platform=d.get("platform", ""),
                reference=d.get("reference", ""),
            ),
        )

    @extend_schema(request=s.ClarificationSerializer, responses=s.CaseSerializer)
    @action(detail=True, methods=["post"])
    def clarify(self, request, pk=None, format=None):
        return self._act(
            request,
            s.ClarificationSerializer,
            lambda case, d: services.add_clarification(case, request.user, **d),
        )

    @extend_schema(request=s.RegulatorReportSerializer, responses=s.CaseSerializer)
    @action(detail=True, methods=["post"])
    def report(self, request, pk=None, format=None):
        return self._act(
            request,
            s.RegulatorReportSerializer,
            lambda case, d: services.record_report(case, request.user, **d),
        )

    @extend_schema(responses=ChangeLogEntrySerializer(many=True))
    @action(detail=True, methods=["get"])
    def history(self, request, pk=None, format=None):
        entries = history(self.get_object())[:200]
        return Response(ChangeLogEntrySerializer(entries, many=True).data)
