"""The rationalisation API: function catalogues, candidates (read-only: the nightly run writes them),
decisions (retire / merge start the ledger's exit)."""

from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet

from .. import services
from ..models import AppFunctions, Candidate, Decision
from . import serializers as s


class AppFunctionsViewSet(ScopedModelViewSet):
    queryset = AppFunctions.objects.all()
    serializer_class = s.AppFunctionsSerializer
    service = services.functions
    filterset_fields = ["app"]


class CandidateViewSet(ScopedReadOnlyViewSet):
    queryset = Candidate.objects.all()
    serializer_class = s.RationalisationCandidateSerializer
    filterset_fields = ["app", "status"]


class DecisionViewSet(ScopedModelViewSet):
    queryset = Decision.objects.all()
    serializer_class = s.RationalisationDecisionSerializer
    service = services.decisions
    filterset_fields = ["candidate", "kind"]

    @extend_schema(request=s.DecisionCompleteSerializer, responses=s.RationalisationDecisionSerializer)
    @action(detail=True, methods=["post"])
    def complete(self, request, pk=None, format=None):
        """Record that the decision was carried out (an optimisation, a kept app's follow-up)."""
        decision = self.get_object()
        self.require_write()
        payload = s.DecisionCompleteSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        decision = services.decisions.complete(
            decision, request.user, payload.validated_data["completion_note"]
        )
        return Response(
            s.RationalisationDecisionSerializer(decision, context=self.get_serializer_context()).data
        )
