from rest_framework import serializers

from appgov.core.api.base import DownloadLinkField, ScopedModelSerializer, ScopedPrimaryKeyRelatedField
from appgov.partners.models import Party

from ..models import (
    Assessment,
    AssessmentCampaign,
    AuditEngagement,
    AuditFinding,
    Drill,
    EmergencyPlan,
    ImpactAnalysis,
    Incident,
    IncidentEvent,
    PrivacyNotification,
    RegulatorReport,
    ReleaseDossier,
    Risk,
    RiskTask,
)


class IncidentSerializer(ScopedModelSerializer):
    class Meta:
        model = Incident
        exclude = ["created_at"]
        read_only_fields = ["institution", "containment", "root_cause", "lessons"]


class IncidentEventSerializer(ScopedModelSerializer):
    class Meta:
        model = IncidentEvent
        fields = "__all__"


class RegulatorReportSerializer(ScopedModelSerializer):
    document = DownloadLinkField("risk-regulatorreport-download", "document")
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = RegulatorReport
        fields = "__all__"
        read_only_fields = [
            "incident",
            "stage",
            "due_at",
            "office",
            "generated_at",
            "sent_at",
            "sent_reference",
        ]

    def get_overdue(self, obj) -> bool:
        from django.utils import timezone

        return obj.overdue(timezone.now())


class SendSerializer(serializers.Serializer):
    sent_at = serializers.DateTimeField(required=False)
    reference = serializers.CharField(max_length=100)


class PrivacyNotificationSerializer(ScopedModelSerializer):
    class Meta:
        model = PrivacyNotification
        fields = "__all__"
        read_only_fields = ["incident", "audience", "due_at", "notified_at", "channel", "recipients"]


class NotifySerializer(serializers.Serializer):
    notified_at = serializers.DateTimeField(required=False)
    channel = serializers.CharField(max_length=200)
    recipients = serializers.IntegerField(min_value=0, required=False, default=0)


class MoveSerializer(serializers.Serializer):
    """The state to move to; the move's inputs (a note, a date, a file …) are further fields of the request."""

    to_state = serializers.CharField(max_length=40)


class AuditSerializer(ScopedModelSerializer):
    report_file = DownloadLinkField("risk-auditengagement-download", "report_file")

    class Meta:
        model = AuditEngagement
        exclude = ["created_at"]
        read_only_fields = ["institution", "auditor_name", "team", "conclusion"]


class AuditFindingSerializer(ScopedModelSerializer):
    class Meta:
        model = AuditFinding
        exclude = ["created_at"]
        read_only_fields = ["finding_id"]


class CampaignSerializer(ScopedModelSerializer):
    # closed: the report frozen at closing, through the scoped page download (never a /media/ URL)
    report_file = DownloadLinkField("risk:campaign-pdf", "report_file")

    class Meta:
        model = AssessmentCampaign
        fields = "__all__"
        read_only_fields = ["institution"]


class AssessmentSerializer(ScopedModelSerializer):
    answers = serializers.JSONField(required=False)

    class Meta:
        model = Assessment
        fields = "__all__"
        read_only_fields = ["campaign", "app", "submitted_by", "signed_by"]


class RiskSerializer(ScopedModelSerializer):
    inherent_score = serializers.IntegerField(read_only=True)
    residual_score = serializers.IntegerField(read_only=True)
    # a many-to-many through RiskVendor, which DRF would make read-only: written through the service like the rest
    vendors = ScopedPrimaryKeyRelatedField(many=True, queryset=Party.objects.all(), required=False)
    finding_ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), required=False
    )

    class Meta:
        model = Risk
        fields = "__all__"
        read_only_fields = ["institution"]


class RiskTaskSerializer(ScopedModelSerializer):
    class Meta:
        model = RiskTask
        fields = "__all__"


class ImpactAnalysisSerializer(ScopedModelSerializer):
    class Meta:
        model = ImpactAnalysis
        fields = "__all__"


class EmergencyPlanSerializer(ScopedModelSerializer):
    document = serializers.FileField(required=False, write_only=True, use_url=False)
    document_url = DownloadLinkField("risk-emergencyplan-download", "document")

    class Meta:
        model = EmergencyPlan
        fields = "__all__"


class DrillSerializer(ScopedModelSerializer):
    missed_rto = serializers.BooleanField(read_only=True, allow_null=True)

    class Meta:
        model = Drill
        fields = "__all__"


class ReleaseDossierSerializer(ScopedModelSerializer):
    class Meta:
        model = ReleaseDossier
        fields = "__all__"
