"""The risk module's API: every write through risk.services (or a workflow move), reads scoped."""

from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.response import Response

from appgov.core import workflow
from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet

from .. import reports, services
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
from . import serializers as s


class MoveMixin:
    """POST …/{id}/move/ {"to_state": …, inputs…}: one workflow move (core.workflow), refusals in core's shape."""

    @extend_schema(request=s.MoveSerializer)
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None, format=None):
        obj = self.get_object()
        self.require_write()
        payload = s.MoveSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        inputs = {k: v for k, v in request.data.items() if k != "to_state"}
        inputs.update(request.FILES.dict())
        obj = workflow.transition(obj, payload.validated_data["to_state"], request.user, **inputs)
        return Response(self.get_serializer(self.get_queryset().get(pk=obj.pk)).data)


class IncidentViewSet(MoveMixin, ScopedModelViewSet):
    queryset = Incident.objects.prefetch_related("apps")
    serializer_class = s.IncidentSerializer
    service = services.incidents
    filterset_fields = ["kind", "severity", "state", "apps"]


class IncidentEventViewSet(ScopedModelViewSet):
    queryset = IncidentEvent.objects.all()
    serializer_class = s.IncidentEventSerializer
    service = services.events
    filterset_fields = ["incident"]


class RegulatorReportViewSet(ScopedModelViewSet):
    """Reports are made by the rule when a severity requires them; people write the summary, generate the PDF
    (`generate`) and record the sending (`send`)."""

    queryset = RegulatorReport.objects.select_related("incident", "office")
    serializer_class = s.RegulatorReportSerializer
    service = services.reports
    filterset_fields = ["incident", "stage"]

    @extend_schema(request=None, responses=s.RegulatorReportSerializer)
    @action(detail=True, methods=["post"])
    def generate(self, request, pk=None, format=None):
        report = self.get_object()
        self.require_write()
        report = reports.generate(report, request.user)
        return Response(self.get_serializer(report).data)

    @extend_schema(request=s.SendSerializer, responses=s.RegulatorReportSerializer)
    @action(detail=True, methods=["post"])
    def send(self, request, pk=None, format=None):
        report = self.get_object()
        self.require_write()
        payload = s.SendSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        report = services.record_sent(
            report,
            request.user,
            sent_at=payload.validated_data.get("sent_at"),
            reference=payload.validated_data["reference"],
        )
        return Response(self.get_serializer(report).data)

    @extend_schema(responses={(200, "application/pdf"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "document")


class PrivacyNotificationViewSet(ScopedReadOnlyViewSet):
    queryset = PrivacyNotification.objects.select_related("incident")
    serializer_class = s.PrivacyNotificationSerializer
    filterset_fields = ["incident", "audience"]

    @extend_schema(request=s.NotifySerializer, responses=s.PrivacyNotificationSerializer)
    @action(detail=True, methods=["post"])
    def notify(self, request, pk=None, format=None):
        notification = self.get_object()
        self.require_write()
        payload = s.NotifySerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        notification = services.record_notified(notification, request.user, **payload.validated_data)
        return Response(self.get_serializer(notification).data)


class AuditViewSet(MoveMixin, ScopedModelViewSet):
    queryset = AuditEngagement.objects.prefetch_related("apps")
    serializer_class = s.AuditSerializer
    service = services.audits
    filterset_fields = ["kind", "state", "apps", "trigger_incident"]

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "report_file")


class AuditFindingViewSet(ScopedModelViewSet):
    """Recording one opens its finding in the common findings list (finding_id), closed there."""

    queryset = AuditFinding.objects.all()
    serializer_class = s.AuditFindingSerializer
    service = services.audit_findings
    filterset_fields = ["engagement", "app", "severity"]


class CampaignViewSet(MoveMixin, ScopedModelViewSet):
    queryset = AssessmentCampaign.objects.all()
    serializer_class = s.CampaignSerializer
    service = services.campaigns
    filterset_fields = ["year", "state"]


class AssessmentViewSet(MoveMixin, ScopedModelViewSet):
    queryset = Assessment.objects.select_related("campaign", "app")
    serializer_class = s.AssessmentSerializer
    service = services.assessments
    filterset_fields = ["campaign", "app", "state"]

    @extend_schema(request=None, responses=s.AssessmentSerializer)
    @action(detail=True, methods=["post"])
    def prefill(self, request, pk=None, format=None):
        assessment = self.get_object()
        self.require_write()
        assessment = services.prefill_assessment(assessment, request.user, timezone.localdate())
        return Response(self.get_serializer(assessment).data)


class RiskViewSet(ScopedModelViewSet):
    queryset = Risk.objects.prefetch_related("incidents")
    serializer_class = s.RiskSerializer
    service = services.risks
    filterset_fields = ["category", "status", "app", "treatment"]


class RiskTaskViewSet(ScopedModelViewSet):
    queryset = RiskTask.objects.all()
    serializer_class = s.RiskTaskSerializer
    service = services.tasks
    filterset_fields = ["risk"]


class ImpactAnalysisViewSet(ScopedModelViewSet):
    queryset = ImpactAnalysis.objects.all()
    serializer_class = s.ImpactAnalysisSerializer
    service = services.impact_analyses
    filterset_fields = ["app"]


class EmergencyPlanViewSet(ScopedModelViewSet):
    queryset = EmergencyPlan.objects.all()
    serializer_class = s.EmergencyPlanSerializer
    service = services.plans
    filterset_fields = ["app"]

    @extend_schema(responses={(200, "application/octet-stream"): bytes})
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "document")


class DrillViewSet(ScopedModelViewSet):
    queryset = Drill.objects.all()
    serializer_class = s.DrillSerializer
    service = services.drills
    filterset_fields = ["app", "plan"]


class ReleaseDossierViewSet(ScopedModelViewSet):
    queryset = ReleaseDossier.objects.select_related("version")
    serializer_class = s.ReleaseDossierSerializer
    service = services.dossiers
    filterset_fields = ["version"]
