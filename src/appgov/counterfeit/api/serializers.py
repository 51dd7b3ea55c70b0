from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_serializer
from rest_framework import serializers

from appgov.core.api.base import LimitedModelSerializer, ScopedModelSerializer

from ..models import (
    AppProtection,
    BrandProfile,
    Clarification,
    CounterfeitCase,
    ListingFeed,
    ObservedListing,
    RegulatorReport,
    SweepRun,
)


def _words():
    return serializers.ListField(child=serializers.CharField(max_length=200), required=False, max_length=500)


class BrandProfileSerializer(ScopedModelSerializer):
    """The institution's brand keywords and official developer names (one profile per institution)."""

    brand_keywords = _words()
    developers = _words()

    class Meta:
        model = BrandProfile
        fields = ["id", "institution", "brand_keywords", "developers"]
        read_only_fields = ["institution"]


class AppProtectionSerializer(ScopedModelSerializer):
    """What protects one ledger app beyond the ledger: aliases, app keywords, other official identifiers,
    the icon (multipart `icon`; its hash is computed here) and whether it is monitored."""

    aliases = _words()
    brand_keywords = _words()
    extra_package_ids = _words()
    # a FileField, not an ImageField: the image is checked by icons.fingerprint with this app's limits
    icon = serializers.FileField(required=False, write_only=True, allow_empty_file=False, use_url=False)
    has_icon = serializers.SerializerMethodField()

    class Meta:
        model = AppProtection
        fields = [
            "id",
            "app",
            "aliases",
            "brand_keywords",
            "extra_package_ids",
            "monitored",
            "icon",
            "has_icon",
            "icon_phash",
            "icon_hashes",
        ]
        read_only_fields = ["icon_phash", "icon_hashes"]

    def get_has_icon(self, obj) -> bool:
        return bool(obj.icon)

    def validate_app(self, app):
        instance = self.instance
        if instance is not None and instance.app_id != app.pk:
            raise serializers.ValidationError(_("The app of a protection cannot change."))
        if instance is None and AppProtection.objects.filter(app=app).exists():
            raise serializers.ValidationError(_("This app already has its protection settings: change them."))
        return app


class ListingFeedSerializer(LimitedModelSerializer):
    class Meta:
        model = ListingFeed
        fields = [
            "id",
            "institution",
            "channel",
            "label",
            "file_name",
            "file_sha256",
            "received_at",
            "lines",
            "new",
            "changed",
            "unchanged",
            "reappeared",
            "icons_hashed",
            "icons_missing",
        ]
        read_only_fields = fields


class FeedUploadSerializer(serializers.Serializer):
    """Either a file (multipart: .jsonl or .csv) or `listings`, a list of objects in the listing schema."""

    label = serializers.CharField(required=False, allow_blank=True, max_length=200)
    file = serializers.FileField(required=False)
    listings = serializers.ListField(child=serializers.JSONField(), required=False)

    def validate(self, attrs):
        if ("file" in attrs) == ("listings" in attrs):
            raise serializers.ValidationError("send either a file or listings")
        return attrs


class ObservedListingSerializer(LimitedModelSerializer):
    pending = serializers.SerializerMethodField()
    has_icon_file = serializers.SerializerMethodField()

    class Meta:
        model = ObservedListing
        exclude = ["content_hash", "screened_hash", "icon_file"]

    def get_pending(self, obj) -> bool:
        return obj.screened_hash != obj.content_hash

    def get_has_icon_file(self, obj) -> bool:
        return bool(obj.icon_file)


class ClarificationSerializer(LimitedModelSerializer):
    class Meta:
        model = Clarification
        fields = ["id", "published_on", "channel", "link", "note"]


# OpenAPI component names are global: risk has a RegulatorReport too.
@extend_schema_serializer(component_name="CounterfeitRegulatorReport")
class RegulatorReportSerializer(LimitedModelSerializer):
    class Meta:
        model = RegulatorReport
        fields = ["id", "office", "reported_on", "reference", "summary"]
        read_only_fields = ["office"]


class CaseSerializer(LimitedModelSerializer):
    clarifications = ClarificationSerializer(many=True, read_only=True)
    regulator_report = serializers.SerializerMethodField()
    listing_id = serializers.CharField(source="listing.listing_id", read_only=True)
    report_overdue = serializers.SerializerMethodField()
    clarification_overdue = serializers.SerializerMethodField()
    later_cases = serializers.PrimaryKeyRelatedField(many=True, read_only=True)

    class Meta:
        model = CounterfeitCase
        fields = [
            "id",
            "institution",
            "app",
            "listing",
            "listing_id",
            "state",
            "alert_kind",
            "score",
            "reasons",
            "explanation_zh",
            "candidates",
            "source",
            "listing_name",
            "package_id",
            "listing_developer",
            "listing_cert_sha256",
            "previous_case",
            "later_cases",
            "opened_at",
            "last_alert_at",
            "verdict",
            "confirmed_on",
            "clarification_due_on",
            "report_due_on",
            "takedown_platform",
            "takedown_requested_on",
            "takedown_reference",
            "taken_down_on",
            "note",
            "clarifications",
            "regulator_report",
            "report_overdue",
            "clarification_overdue",
        ]
        read_only_fields = fields

    def get_regulator_report(self, obj) -> dict | None:
        report = getattr(obj, "regulator_report", None)
        return RegulatorReportSerializer(report).data if report else None

    def get_report_overdue(self, obj) -> bool:
        from ..services import report_overdue

        return report_overdue(obj)

    def get_clarification_overdue(self, obj) -> bool:
        from ..services import clarification_overdue

        return clarification_overdue(obj)


class CaseMoveSerializer(serializers.Serializer):
    to_state = serializers.CharField()
    note = serializers.CharField(required=False, allow_blank=True)
    on = serializers.DateField(required=False, allow_null=True)
    platform = serializers.CharField(required=False, allow_blank=True)
    reference = serializers.CharField(required=False, allow_blank=True)


class SweepRunSerializer(LimitedModelSerializer):
    class Meta:
        model = SweepRun
        exclude = ["requested_by", "protection_digest"]
