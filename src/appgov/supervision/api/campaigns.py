"""API of testing campaigns, their results and findings, rectification decisions and supervisory measures: the
same services as the office's pages (an examiner plans and issues, only the office head records a measure).
None of these exist for an institution's users (404): what reaches an institution is the issued finding in its
own findings list."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from appgov.core.roles import can_write

from .. import services
from ..models import Campaign, CampaignFinding, CampaignResult, RectificationDecision, SupervisoryMeasure


class OfficeOnly:
    """An office's own records: an institution's user is told nothing exists here."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not request.user.is_regulator:
            raise NotFound


class TestingCampaignSerializer(serializers.ModelSerializer):
    class Meta:
        model = Campaign
        fields = ["id", "office", "code", "title", "kind", "status", "period_start", "period_end", "institutions",
                  "apps", "rectification_days", "description", "issued_at", "issued_by"]  # fmt: skip
        read_only_fields = ["office", "status", "issued_at", "issued_by"]


class CampaignResultSerializer(serializers.ModelSerializer):
    class Meta:
        model = CampaignResult
        fields = ["id", "campaign", "app", "outcome", "tested_on", "summary"]


class CampaignFindingSerializer(serializers.ModelSerializer):
    """`evidence` is uploaded as multipart form data; read back at …/evidence/."""

    evidence = serializers.FileField(required=False, allow_empty_file=False, write_only=True)
    has_evidence = serializers.SerializerMethodField()

    class Meta:
        model = CampaignFinding
        fields = ["id", "result", "title", "severity", "control_id", "description", "evidence", "has_evidence",
                  "due_on", "issued_finding"]  # fmt: skip
        read_only_fields = ["issued_finding"]

    def get_has_evidence(self, obj) -> bool:
        return bool(obj.evidence)


class SupervisoryMeasureSerializer(serializers.ModelSerializer):
    class Meta:
        model = SupervisoryMeasure
        fields = ["id", "office", "institution", "kind", "decision_number", "taken_on", "summary",
                  "responsible_persons", "campaign"]  # fmt: skip
        read_only_fields = ["office"]


class RectificationDecisionSerializer(serializers.ModelSerializer):
    class Meta:
        model = RectificationDecision
        fields = ["id", "office", "finding", "institution", "decision", "comment", "submitted_at", "decided_at",
                  "decided_by"]  # fmt: skip
        read_only_fields = fields


class DecideInput(serializers.Serializer):
    finding = serializers.IntegerField(min_value=1, max_value=2**31 - 1)
    accepted = serializers.BooleanField()
    comment = serializers.CharField(max_length=4000)


class CampaignViewSet(OfficeOnly, ScopedModelViewSet):
    """Testing campaigns (NFRA-18.2) of the user's office and the offices below it."""

    queryset = Campaign.objects.prefetch_related("institutions", "apps")
    serializer_class = TestingCampaignSerializer
    service = services.campaigns
    filterset_fields = ["kind", "status"]

    @extend_schema(request=None, responses=TestingCampaignSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None, format=None):
        """Issue the results: every finding opens a regulator-issued finding in its institution's list."""
        campaign = self.get_object()
        self.require_write()
        services.issue(campaign, request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=campaign.pk)).data)

    @extend_schema(request=None, responses=TestingCampaignSerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None, format=None):
        campaign = self.get_object()
        self.require_write()
        services.close(campaign, request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=campaign.pk)).data)


class CampaignResultViewSet(OfficeOnly, ScopedModelViewSet):
    queryset = CampaignResult.objects.select_related("campaign")
    serializer_class = CampaignResultSerializer
    service = services.results
    filterset_fields = ["campaign", "outcome"]


class CampaignFindingViewSet(OfficeOnly, ScopedModelViewSet):
    queryset = CampaignFinding.objects.select_related("result__campaign")
    serializer_class = CampaignFindingSerializer
    service = services.campaign_findings
    filterset_fields = ["result", "severity"]

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def evidence(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "evidence")


class MeasureViewSet(OfficeOnly, ScopedModelViewSet):
    """Supervisory measures (NFRA-18.4): recorded by the office head; kept for the record (no delete)."""

    queryset = SupervisoryMeasure.objects.prefetch_related("responsible_persons")
    serializer_class = SupervisoryMeasureSerializer
    service = services.measures
    filterset_fields = ["institution", "kind"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]


class RectificationDecisionViewSet(OfficeOnly, ScopedReadOnlyViewSet):
    """The office's decisions on rectifications of the findings it issued (NFRA-18.1). POST decides one."""

    queryset = RectificationDecision.objects.select_related("finding")
    serializer_class = RectificationDecisionSerializer
    filterset_fields = ["institution", "decision"]
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(request=DecideInput, responses=RectificationDecisionSerializer)
    def create(self, request, *args, **kwargs):
        if not can_write(request.user, RectificationDecision._meta.label_lower):
            raise PermissionDenied(_("Your role may not decide rectifications."))
        payload = DecideInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        finding = services.issued_findings_for(request.user).filter(pk=data["finding"]).first()
        if finding is None:
            raise serializers.ValidationError({"finding": [_("No finding your office issued has this number.")]})
        decision = services.decide(finding, request.user, accepted=data["accepted"], comment=data["comment"])
        return Response(self.get_serializer(decision).data, status=201)
