"""The register's API: CRUD through the services, the party's workflow moves, the decisions and reviews."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from appgov.core import workflow
from appgov.core.api.filters import BoundedJSONParser
from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet

from .. import services
from ..models import (
    AccessGrant,
    AccessReview,
    AccessReviewItem,
    Assessment,
    Contact,
    Contract,
    Party,
    Qualification,
    Relation,
)
from . import serializers as s


class PartyViewSet(ScopedModelViewSet):
    queryset = Party.objects.all()
    serializer_class = s.PartySerializer
    service = services.parties
    filterset_fields = ["state", "risk_tier"]

    @extend_schema(request=s.MoveSerializer, responses=s.PartySerializer)
    @action(detail=True, methods=["post"], parser_classes=[BoundedJSONParser, FormParser, MultiPartParser])
    def move(self, request, pk=None, format=None):
        """Move the party along its workflow (admit, reject, contract, start / complete the exit)."""
        party = self.get_object()
        self.require_write()
        payload = s.MoveSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = {k: v for k, v in payload.validated_data.items() if v not in (None, "")}
        to_state = data.pop("to_state")
        party = workflow.transition(party, to_state, request.user, **data)
        return Response(s.PartySerializer(party, context=self.get_serializer_context()).data)

    @action(detail=True, methods=["get"])
    def certificate(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "destruction_certificate")


class QualificationViewSet(ScopedModelViewSet):
    queryset = Qualification.objects.all()
    serializer_class = s.QualificationSerializer
    service = services.qualifications
    filterset_fields = ["party", "kind"]


class ContactViewSet(ScopedModelViewSet):
    queryset = Contact.objects.all()
    serializer_class = s.ContactSerializer
    service = services.contacts
    filterset_fields = ["party"]


class RelationViewSet(ScopedModelViewSet):
    queryset = Relation.objects.all()
    serializer_class = s.RelationSerializer
    service = services.relations
    filterset_fields = ["party", "app", "purpose", "channel"]

    @extend_schema(request=s.BusinessReviewSerializer, responses=s.RelationSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None, format=None):
        """Record the business compliance review of a partner's business in the app (NFRA-05.1)."""
        relation = self.get_object()
        self.require_write()
        payload = s.BusinessReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        d = payload.validated_data
        relation = services.relations.review_business(
            relation, request.user, d["conclusion"], d["reference"], d.get("reviewed_on")
        )
        return Response(s.RelationSerializer(relation, context=self.get_serializer_context()).data)


class ContractViewSet(ScopedModelViewSet):
    queryset = Contract.objects.all()
    serializer_class = s.ContractSerializer
    service = services.contracts
    filterset_fields = ["party"]


class AssessmentViewSet(ScopedModelViewSet):
    queryset = Assessment.objects.all()
    serializer_class = s.AssessmentSerializer
    service = services.assessments
    filterset_fields = ["party", "kind", "decision"]

    @extend_schema(request=s.DecisionSerializer, responses=s.AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None, format=None):
        assessment = self.get_object()
        self.require_write()
        payload = s.DecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        d = payload.validated_data
        assessment = services.assessments.decide(assessment, request.user, d["decision"], d["note"])
        return Response(s.AssessmentSerializer(assessment, context=self.get_serializer_context()).data)


class AccessGrantViewSet(ScopedModelViewSet):
    queryset = AccessGrant.objects.all()
    serializer_class = s.AccessGrantSerializer
    service = services.grants
    filterset_fields = ["party", "app", "purpose", "level"]

    @extend_schema(request=s.RevokeSerializer, responses=s.AccessGrantSerializer)
    @action(detail=True, methods=["post"])
    def revoke(self, request, pk=None, format=None):
        grant = self.get_object()
        self.require_write()
        payload = s.RevokeSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        grant = services.grants.revoke(grant, request.user, payload.validated_data.get("revoked_on"))
        return Response(s.AccessGrantSerializer(grant, context=self.get_serializer_context()).data)


class AccessReviewViewSet(ScopedReadOnlyViewSet):
    queryset = AccessReview.objects.all()
    serializer_class = s.AccessReviewSerializer

    @extend_schema(request=s.StartReviewSerializer, responses=s.AccessReviewSerializer)
    @action(detail=False, methods=["post"])
    def start(self, request, format=None):
        """Start a review of every vendor grant in force today."""
        self.require_write()
        payload = s.StartReviewSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        d = payload.validated_data
        review = services.reviews.start(request.user.institution, request.user, d["title"], d.get("due_on"))
        return Response(s.AccessReviewSerializer(review).data, status=201)

    @extend_schema(request=None, responses=s.AccessReviewSerializer)
    @action(detail=True, methods=["post"], url_path="sign-off")
    def sign_off(self, request, pk=None, format=None):
        review = self.get_object()
        self.require_write()
        review = services.reviews.sign_off(review, request.user)
        return Response(s.AccessReviewSerializer(review).data)


class AccessReviewItemViewSet(ScopedReadOnlyViewSet):
    queryset = AccessReviewItem.objects.all()
    serializer_class = s.AccessReviewItemSerializer
    filterset_fields = ["review", "decision"]

    @extend_schema(request=s.ItemDecisionSerializer, responses=s.AccessReviewItemSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None, format=None):
        item = self.get_object()
        self.require_write()
        payload = s.ItemDecisionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        d = payload.validated_data
        item = services.reviews.decide_item(item, request.user, d["decision"], d["comment"])
        return Response(s.AccessReviewItemSerializer(item).data)
