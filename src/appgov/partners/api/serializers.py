from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from appgov.core.api.base import DownloadLinkField, ScopedModelSerializer

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
from ..models.choices import Business, PartyKind


class PartySerializer(ScopedModelSerializer):
    kinds = serializers.ListField(child=serializers.ChoiceField(choices=PartyKind.choices), allow_empty=False)
    destruction_certificate = DownloadLinkField("partners-party-certificate", "destruction_certificate")

    class Meta:
        model = Party
        fields = [
            "id",
            "institution",
            "name",
            "credit_code",
            "kinds",
            "risk_tier",
            "sdk_vendor_names",
            "state",
            "address",
            "website",
            "note",
            "admitted_on",
            "last_evaluated_on",
            "next_evaluation_due",
            "rejection_reason",
            "exit_reason",
            "data_disposition",
            "data_disposed_on",
            "destruction_certificate",
            "exited_on",
        ]
        read_only_fields = ["institution"]


class QualificationSerializer(ScopedModelSerializer):
    businesses = serializers.ListField(
        child=serializers.ChoiceField(choices=Business.choices), required=False
    )

    class Meta:
        model = Qualification
        fields = [
            "id",
            "party",
            "kind",
            "number",
            "issued_by",
            "businesses",
            "scope",
            "valid_from",
            "valid_until",
        ]


class ContactSerializer(ScopedModelSerializer):
    class Meta:
        model = Contact
        fields = ["id", "party", "name", "role", "phone", "email"]


class RelationSerializer(ScopedModelSerializer):
    businesses = serializers.ListField(
        child=serializers.ChoiceField(choices=Business.choices), required=False
    )

    class Meta:
        model = Relation
        fields = [
            "id",
            "party",
            "app",
            "version",
            "purpose",
            "channel",
            "sdk_id",
            "businesses",
            "description",
            "started_on",
            "ended_on",
            "review_conclusion",
            "reviewed_on",
            "review_reference",
            "reviewed_by",
        ]


class ContractSerializer(ScopedModelSerializer):
    class Meta:
        model = Contract
        fields = [
            "id",
            "party",
            "reference",
            "title",
            "signed_on",
            "starts_on",
            "ends_on",
            "terminated_on",
            "clause_data_protection",
            "clause_security",
            "clause_audit_right",
            "clause_no_subcontracting",
            "clause_exit_data_return",
            "note",
        ]


# OpenAPI component names are global: risk has an Assessment too.
@extend_schema_serializer(component_name="PartnerAssessment")
class AssessmentSerializer(ScopedModelSerializer):
    answers = serializers.DictField(child=serializers.CharField(), required=False)

    class Meta:
        model = Assessment
        fields = [
            "id",
            "party",
            "kind",
            "assessed_on",
            "answers",
            "note",
            "score",
            "blocking",
            "assessed_by",
            "decision",
            "decided_by",
            "decided_on",
            "decision_note",
        ]


class AccessGrantSerializer(ScopedModelSerializer):
    class Meta:
        model = AccessGrant
        fields = [
            "id",
            "party",
            "app",
            "person_name",
            "account",
            "system",
            "purpose",
            "level",
            "approver",
            "approved_on",
            "starts_on",
            "ends_on",
            "revoked_on",
            "justification",
        ]


class AccessReviewItemSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessReviewItem
        fields = ["id", "review", "grant", "decision", "decided_by", "decided_on", "comment"]
        read_only_fields = fields


class AccessReviewSerializer(serializers.ModelSerializer):
    class Meta:
        model = AccessReview
        fields = [
            "id",
            "institution",
            "title",
            "started_on",
            "due_on",
            "started_by",
            "signed_off_by",
            "signed_off_on",
        ]
        read_only_fields = fields


# OpenAPI component names are global: risk has a Move too.
@extend_schema_serializer(component_name="PartnerMove")
class MoveSerializer(serializers.Serializer):
    to_state = serializers.CharField()
    reason = serializers.CharField(required=False, allow_blank=True)
    data_disposition = serializers.CharField(required=False, allow_blank=True)
    data_disposed_on = serializers.DateField(required=False, allow_null=True)
    exited_on = serializers.DateField(required=False, allow_null=True)
    destruction_certificate = serializers.FileField(required=False, allow_null=True)


class DecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["approved", "rejected"])
    note = serializers.CharField(required=False, allow_blank=True, default="")


class BusinessReviewSerializer(serializers.Serializer):
    conclusion = serializers.ChoiceField(choices=["approved", "rejected"])
    reference = serializers.CharField()
    reviewed_on = serializers.DateField(required=False, allow_null=True)


class RevokeSerializer(serializers.Serializer):
    revoked_on = serializers.DateField(required=False, allow_null=True)


class ItemDecisionSerializer(serializers.Serializer):
    decision = serializers.ChoiceField(choices=["confirmed", "revoked"])
    comment = serializers.CharField(required=False, allow_blank=True, default="")


class StartReviewSerializer(serializers.Serializer):
    title = serializers.CharField(required=False, allow_blank=True, default="")
    due_on = serializers.DateField(required=False, allow_null=True)
