import hashlib

from django.db import transaction
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from appgov.core import progress
from appgov.core.api.filters import BoundedJSONParser
from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from appgov.core.roles import can_write

from .. import feeds, services
from ..models import AppProtection, BrandProfile, CounterfeitCase, ListingFeed, ObservedListing, SweepRun
from . import serializers as s


class ListingFeedViewSet(ScopedReadOnlyViewSet):
    """Listing feeds; POST a file (.jsonl / .csv) or a list of listings. A bad line stores nothing (400)."""

    queryset = ListingFeed.objects.all()
    serializer_class = s.ListingFeedSerializer
    parser_classes = [BoundedJSONParser, MultiPartParser, FormParser]
    filterset_fields = ["channel"]

    @extend_schema(request=s.FeedUploadSerializer, responses={201: s.ListingFeedSerializer})
    def create(self, request, *args, **kwargs):
        user = request.user
        if not can_write(user, "counterfeit.listingfeed"):
            raise PermissionDenied()
        payload = s.FeedUploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
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

    service = services.brand_profiles


class AppProtectionViewSet(ScopedModelViewSet):
    """Per-app protection: aliases, app keywords, other official identifiers, the icon (multipart `icon`,
    checked and hashed here) and monitoring on/off. Writes: administrator, governance office, app owner."""

    queryset = AppProtection.objects.select_related("app")
    serializer_class = s.AppProtectionSerializer
    filterset_fields = ["app", "monitored"]
    parser_classes = [BoundedJSONParser, MultiPartParser, FormParser]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    service = services.app_protections


def _enqueue(user, trigger):
    from ..tasks import run_sweep

    institution_id, user_id = user.institution_id, user.pk
    progress.queue(institution_id, "counterfeit_sweep")
    transaction.on_commit(lambda: run_sweep.enqueue(institution_id, user_id, trigger))


class ObservedListingViewSet(ScopedReadOnlyViewSet):
    queryset = ObservedListing.objects.all()
    serializer_class = s.ObservedListingSerializer
    filterset_fields = ["feed", "source", "listing_id", "unregistered_app"]


class SweepRunViewSet(ScopedReadOnlyViewSet):
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


class CaseViewSet(ScopedReadOnlyViewSet):
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
        func(case, payload.validated_data)
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
