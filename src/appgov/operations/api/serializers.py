from rest_framework import serializers

from appgov.core.api.base import ScopedModelSerializer

from ..models import AppFunctions, Breach, Candidate, DailyMetric, Decision, MetricUpload, Threshold
from ..taxonomy import function_choices


class DailyMetricSerializer(ScopedModelSerializer):
    class Meta:
        model = DailyMetric
        fields = ["id", "app", "day", "metric", "version", "platform", "value", "upload"]
        read_only_fields = fields


class MetricRowSerializer(serializers.Serializer):
    app = serializers.CharField(help_text="the app's ledger code")
    day = serializers.DateField()
    metric = serializers.CharField()
    value = serializers.FloatField()
    version = serializers.CharField(required=False, allow_blank=True)
    platform = serializers.CharField(required=False, allow_blank=True)


class MetricBatchSerializer(serializers.Serializer):
    rows = MetricRowSerializer(many=True)


class MetricFileSerializer(serializers.Serializer):
    file = serializers.FileField()


class MetricUploadSerializer(ScopedModelSerializer):
    class Meta:
        model = MetricUpload
        fields = [
            "id",
            "institution",
            "source",
            "filename",
            "sha256",
            "rows",
            "replaced",
            "first_day",
            "last_day",
            "apps",
            "received_at",
            "received_by",
        ]
        read_only_fields = fields


class ThresholdSerializer(ScopedModelSerializer):
    class Meta:
        model = Threshold
        fields = [
            "id",
            "institution",
            "name",
            "metric",
            "comparison",
            "limit",
            "period",
            "aggregate",
            "active",
            "note",
        ]
        read_only_fields = ["institution"]


class BreachSerializer(ScopedModelSerializer):
    numbers = serializers.CharField(read_only=True)

    class Meta:
        model = Breach
        fields = [
            "id",
            "institution",
            "threshold",
            "app",
            "period_start",
            "period_end",
            "observed",
            "limit",
            "days",
            "detected_on",
            "incidents",
            "status",
            "handled_on",
            "handled_by",
            "handling",
            "numbers",
        ]
        read_only_fields = fields


class BreachHandleSerializer(serializers.Serializer):
    handling = serializers.CharField(max_length=2000)


class AppFunctionsSerializer(ScopedModelSerializer):
    functions = serializers.ListField(
        child=serializers.ChoiceField(choices=function_choices()), allow_empty=False
    )

    class Meta:
        model = AppFunctions
        fields = ["id", "app", "functions", "note", "updated_on"]
        read_only_fields = ["updated_on"]


class RationalisationCandidateSerializer(ScopedModelSerializer):
    class Meta:
        model = Candidate
        fields = [
            "id",
            "institution",
            "app",
            "reason_codes",
            "reasons",
            "overlap_with",
            "overlap",
            "first_found_on",
            "reasons_on",
            "status",
        ]
        read_only_fields = fields


class RationalisationDecisionSerializer(ScopedModelSerializer):
    class Meta:
        model = Decision
        fields = [
            "id",
            "institution",
            "candidate",
            "kind",
            "justification",
            "merge_into",
            "owner",
            "deadline",
            "decided_on",
            "decided_by",
            "completed_on",
            "completion_note",
        ]
        read_only_fields = ["institution", "decided_on", "decided_by", "completed_on", "completion_note"]


class DecisionCompleteSerializer(serializers.Serializer):
    completion_note = serializers.CharField(max_length=2000)
