from rest_framework import serializers

from appgov.core.api.base import LimitedModelSerializer, ScopedModelSerializer

from ..models import (
    AccountChange,
    Alert,
    AlertDisposition,
    Authorization,
    BulkDataRequest,
    CalendarDay,
    Complaint,
    CreditAccount,
    CreditAppConnection,
    DissentCase,
    Kiosk,
    QueryLogBatch,
    ReviewDay,
    SecurityReport,
    StaffSubject,
    WorkingHours,
)


class CreditAccountSerializer(LimitedModelSerializer):
    class Meta:
        model = CreditAccount
        fields = [
            "id",
            "institution",
            "operator_id",
            "person",
            "branch",
            "role",
            "status",
            "granted_department",
            "active_since",
            "disabled_at",
            "password_changed_at",
        ]
        read_only_fields = fields


class AccountChangeSerializer(LimitedModelSerializer):
    class Meta:
        model = AccountChange
        fields = [
            "id",
            "account",
            "action",
            "new_role",
            "reason",
            "status",
            "requested_by",
            "requested_at",
            "decided_by",
            "decided_at",
            "decision_note",
        ]
        read_only_fields = fields


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="")


class AlertDispositionSerializer(LimitedModelSerializer):
    class Meta:
        model = AlertDisposition
        fields = ["id", "disposition", "comment", "decided_by", "decided_at"]
        read_only_fields = fields


class AlertSerializer(LimitedModelSerializer):
    dispositions = AlertDispositionSerializer(many=True, read_only=True)

    class Meta:
        model = Alert
        fields = [
            "id",
            "institution",
            "review_day",
            "alert_id",
            "rule_id",
            "rule_name",
            "severity",
            "reason",
            "ts",
            "operator_id",
            "branch_code",
            "branch_name",
            "subject_id",
            "event_ids",
            "explanation",
            "details",
            "disposition",
            "reviewed_by",
            "reviewed_at",
            "comment",
            "dispositions",
        ]
        read_only_fields = fields


class DispositionSerializer(serializers.Serializer):
    # no default and no early refusal here: the service refuses a missing or unknown choice with the same
    # message the page shows
    disposition = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="false_positive, confirmed or escalated; there is no default",
    )
    comment = serializers.CharField(
        required=False,
        allow_blank=True,
        default="",
        help_text="why; required, and a new one to change an earlier disposition",
    )


class ReviewDaySerializer(LimitedModelSerializer):
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = ReviewDay
        fields = [
            "id",
            "institution",
            "day",
            "branch_code",
            "branch",
            "events",
            "due_on",
            "closed_by",
            "closed_at",
            "conclusion",
            "overdue",
        ]
        read_only_fields = fields

    def get_overdue(self, obj) -> bool:
        from django.utils import timezone

        return obj.is_overdue(timezone.localdate())


class CloseSerializer(serializers.Serializer):
    conclusion = serializers.CharField()


class NoQueriesSerializer(serializers.Serializer):
    day = serializers.DateField()
    conclusion = serializers.CharField(help_text="how it was established that no query was made")


class EventBatchSerializer(serializers.Serializer):
    """A batch of query-log events pushed to the ingest API (columns of the engine's query_events table)."""

    batch_id = serializers.CharField(
        max_length=100, help_text="the sender's id of the batch (idempotency key)"
    )
    events = serializers.ListField(
        child=serializers.DictField(),
        help_text="event_id, ts, operator_id, branch_id, subject_id, reason_code, channel, client_app_id, "
        "terminal_id, ip, authorization_id, product (docs/credit-realtime.md)",
    )


class QueryLogBatchSerializer(LimitedModelSerializer):
    class Meta:
        model = QueryLogBatch
        fields = [
            "id",
            "institution",
            "table",
            "source",
            "original_name",
            "sha256",
            "rows",
            "first_ts",
            "last_ts",
            "days",
            "uploaded_at",
        ]
        read_only_fields = fields


class UploadSerializer(serializers.Serializer):
    table = serializers.ChoiceField(choices=QueryLogBatch.Table.values, default="query_events")
    file = serializers.FileField()


class DissentCaseSerializer(ScopedModelSerializer):
    deadline = serializers.DateField(read_only=True)
    days_left = serializers.SerializerMethodField()
    overdue = serializers.SerializerMethodField()

    class Meta:
        model = DissentCase
        exclude = ["institution"]

    def get_days_left(self, obj) -> int:
        from django.utils import timezone

        return obj.days_left(timezone.localdate())

    def get_overdue(self, obj) -> bool:
        from django.utils import timezone

        return obj.is_overdue(timezone.localdate())


def register_serializer(model_class):
    meta = type("Meta", (), {"model": model_class, "exclude": ["institution"]})
    return type(f"{model_class.__name__}Serializer", (ScopedModelSerializer,), {"Meta": meta})


AuthorizationSerializer = register_serializer(Authorization)
KioskSerializer = register_serializer(Kiosk)
ComplaintSerializer = register_serializer(Complaint)
SecurityReportSerializer = register_serializer(SecurityReport)
CalendarDaySerializer = register_serializer(CalendarDay)
WorkingHoursSerializer = register_serializer(WorkingHours)


class StaffSubjectSerializer(ScopedModelSerializer):
    class Meta:
        model = StaffSubject
        fields = ["id", "person", "subject_pseudonym"]


class CreditAppConnectionSerializer(ScopedModelSerializer):
    class Meta:
        model = CreditAppConnection
        fields = [
            "id",
            "app",
            "client_app_id",
            "approval_reference",
            "approved_from",
            "approved_to",
            "retirement_reason",
        ]
        read_only_fields = ["retirement_reason"]  # set by the end step, with its date


class EndConnectionSerializer(serializers.Serializer):
    on = serializers.DateField(help_text="last approved day")
    reason = serializers.CharField()


class CalendarImportSerializer(serializers.Serializer):
    file = serializers.FileField(help_text="CSV (UTF-8) or XLSX; see docs/credit.md for the columns")


class CalendarImportResultSerializer(serializers.Serializer):
    created = serializers.IntegerField()
    updated = serializers.IntegerField()
    unchanged = serializers.IntegerField()


class BulkDataRequestSerializer(LimitedModelSerializer):
    has_destruction_certificate = serializers.SerializerMethodField()

    class Meta:
        model = BulkDataRequest
        exclude = ["destruction_certificate"]
        read_only_fields = [
            f.name for f in BulkDataRequest._meta.fields if f.name != "destruction_certificate"
        ]

    def get_has_destruction_certificate(self, obj) -> bool:
        return bool(obj.destruction_certificate)


class BulkDataRequestCreateSerializer(LimitedModelSerializer):
    """A new request; it starts as requested, by the caller, and is approved by someone else."""

    class Meta:
        model = BulkDataRequest
        fields = ["reference", "purpose", "data_scope", "recipient", "requested_on", "retention_until"]
        validators = []  # uniqueness per institution is checked by the model on save (400 naming the field)


class BulkRejectSerializer(serializers.Serializer):
    decision_note = serializers.CharField(help_text="why the request is rejected")


class BulkExtractionSerializer(serializers.Serializer):
    extracted_on = serializers.DateField(help_text="the day the data were extracted (not after retention)")


class BulkDestructionSerializer(serializers.Serializer):
    destroyed_on = serializers.DateField(help_text="the day the data were destroyed (not before extraction)")
    destruction_certificate = serializers.FileField(help_text="the signed destruction certificate")
