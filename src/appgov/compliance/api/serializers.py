from rest_framework import serializers

from appgov.core.api.base import DownloadLinkField, LimitedModelSerializer

from ..models import ControlResult, Evaluation, Evidence, Finding, FindingAttachment
from ..models.subjects import SubjectType


class ControlSerializer(serializers.Serializer):
    id = serializers.CharField()
    source_id = serializers.CharField()
    article = serializers.IntegerField()
    title_zh = serializers.CharField()
    title_en = serializers.CharField()
    statement_zh = serializers.CharField()
    statement_en = serializers.CharField()
    applies_to = serializers.CharField()
    method = serializers.CharField()
    frequency = serializers.CharField(allow_null=True)
    severity = serializers.CharField()
    evidence_zh = serializers.CharField()
    evidence_en = serializers.CharField()


class ControlResultSerializer(LimitedModelSerializer):
    class Meta:
        model = ControlResult
        fields = [
            "id",
            "control_id",
            "subject_type",
            "subject_id",
            "subject_repr",
            "outcome",
            "explanation_zh",
            "explanation_en",
            "links",
            "changed_at",
            "evaluated_at",
        ]


class EvaluationSerializer(LimitedModelSerializer):
    class Meta:
        model = Evaluation
        fields = ["id", "trigger", "catalogue_version", "started_at", "finished_at", "counts"]
        read_only_fields = fields


class FindingSerializer(LimitedModelSerializer):
    class Meta:
        model = Finding
        fields = [
            "id",
            "control_id",
            "subject_type",
            "subject_id",
            "subject_repr",
            "severity",
            "owner",
            "owner_department",
            "status",
            "explanation_zh",
            "explanation_en",
            "opened_at",
            "due_on",
            "resolved_at",
            "resolved_by",
            "verified_at",
            "verified_by",
            "risk_accepted_until",
            "note",
        ]
        read_only_fields = fields


class FindingMoveSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(choices=Finding.Status.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    risk_accepted_until = serializers.DateField(required=False, allow_null=True, default=None)


class EvidenceSerializer(LimitedModelSerializer):
    file = serializers.FileField(required=False, allow_null=True)
    subject_type = serializers.ChoiceField(
        choices=[
            c for c in SubjectType.choices if c[0] not in (SubjectType.REGULATOR, SubjectType.AUDIT_FINDING)
        ]
    )

    class Meta:
        model = Evidence
        fields = [
            "id",
            "control_id",
            "subject_type",
            "subject_id",
            "title",
            "file",
            "link",
            "effective_on",
            "expires_on",
            "uploaded_by",
            "uploaded_at",
            "review_status",
            "reviewed_by",
            "reviewed_at",
            "review_reason",
        ]
        read_only_fields = [
            "uploaded_by",
            "uploaded_at",
            "review_status",
            "reviewed_by",
            "reviewed_at",
            "review_reason",
        ]

    def to_representation(self, instance):
        data = super().to_representation(instance)
        link = DownloadLinkField("evidence-download", "file")
        link._context = self.context
        data["file"] = link.to_representation(instance)  # the scoped download, never a /media/ path
        return data


class EvidenceReviewSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=[("accept", "accept"), ("reject", "reject")])
    reason = serializers.CharField(required=False, allow_blank=True, default="")


class FindingReassignSerializer(serializers.Serializer):
    owner = serializers.IntegerField(required=False, allow_null=True, default=None)
    owner_department = serializers.IntegerField(required=False, allow_null=True, default=None)


class FindingAttachmentUploadSerializer(serializers.Serializer):
    file = serializers.FileField()
    title = serializers.CharField(required=False, allow_blank=True, default="", max_length=300)


class FindingAttachmentSerializer(LimitedModelSerializer):
    class Meta:
        model = FindingAttachment
        fields = ["id", "finding", "title", "file", "uploaded_by", "uploaded_at"]
        read_only_fields = fields

    def to_representation(self, instance):
        data = super().to_representation(instance)
        link = DownloadLinkField("findingattachment-download", "file")
        link._context = self.context
        data["file"] = link.to_representation(instance)
        return data
