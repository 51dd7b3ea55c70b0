from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.exceptions import ValidationError as ApiValidationError
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.response import Response

from appgov.core import services as core
from appgov.core.api.base import ScopedModelViewSet
from appgov.users.roles import can_write
from appgov.users.scoping import scope

from .. import ingestion, monitoring, services, workcalendar
from ..models import (
    AccountChange,
    Alert,
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
from . import serializers as s


def _run(call):
    try:
        return call()
    except ValidationError as exc:
        raise ApiValidationError(exc.message_dict if hasattr(exc, "error_dict") else exc.messages) from None


class ScopedReadOnly(viewsets.ReadOnlyModelViewSet):
    def get_queryset(self):
        return scope(super().get_queryset(), self.request.user)

    def require_write(self):
        if not can_write(self.request.user, self.queryset.model._meta.label_lower):
            raise PermissionDenied


class CreditAccountViewSet(ScopedReadOnly):
    queryset = CreditAccount.objects.all()
    serializer_class = s.CreditAccountSerializer
    filterset_fields = ["status", "role", "branch"]


class AccountChangeViewSet(ScopedReadOnly):
    queryset = AccountChange.objects.select_related("account")
    serializer_class = s.AccountChangeSerializer
    filterset_fields = ["status", "action", "account"]

    @extend_schema(request=s.NoteSerializer, responses=s.AccountChangeSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None, format=None):
        change = self.get_object()
        self.require_write()
        note = request.data.get("note", "")
        change = _run(lambda: services.approve_change(change, request.user, note))
        return Response(s.AccountChangeSerializer(change).data)


class AlertViewSet(ScopedReadOnly):
    queryset = Alert.objects.select_related("review_day")
    serializer_class = s.AlertSerializer
    filterset_fields = ["rule_id", "disposition", "review_day", "operator_id"]

    @extend_schema(request=s.DispositionSerializer, responses=s.AlertSerializer)
    @action(detail=True, methods=["post"])
    def disposition(self, request, pk=None, format=None):
        alert = self.get_object()
        self.require_write()
        payload = s.DispositionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        d = payload.validated_data
        alert = _run(lambda: monitoring.disposition(alert, d["disposition"], d["comment"], request.user))
        return Response(s.AlertSerializer(alert).data)


class ReviewDayViewSet(ScopedReadOnly):
    queryset = ReviewDay.objects.all()
    serializer_class = s.ReviewDaySerializer
    filterset_fields = ["day", "branch_code"]

    @extend_schema(request=s.CloseSerializer, responses=s.ReviewDaySerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None, format=None):
        rd = self.get_object()
        self.require_write()
        payload = s.CloseSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        rd = _run(lambda: monitoring.close_review_day(rd, request.user, payload.validated_data["conclusion"]))
        return Response(s.ReviewDaySerializer(rd).data)


class QueryLogBatchViewSet(ScopedReadOnly):
    queryset = QueryLogBatch.objects.all()
    serializer_class = s.QueryLogBatchSerializer
    filterset_fields = ["table", "source"]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(request=s.UploadSerializer, responses={201: s.QueryLogBatchSerializer})
    def create(self, request):
        if not can_write(request.user, "credit.querylogbatch"):
            raise PermissionDenied
        payload = s.UploadSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data["file"]
        batch = _run(
            lambda: ingestion.ingest(
                request.user.institution,
                upload.name,
                upload.read(),
                table=payload.validated_data["table"],
                actor=request.user,
            )
        )
        return Response(s.QueryLogBatchSerializer(batch).data, status=status.HTTP_201_CREATED)


QueryLogBatchViewSet.http_method_names = ["get", "post", "head", "options"]


class BulkDataRequestViewSet(ScopedReadOnly):
    """Bulk-data requests (PBC102-04) and their workflow: requested → approved (by someone other than the
    requester, with an approver role) or rejected → extracted (within retention) → destroyed (with the
    certificate). A step out of order answers 400 naming the problem."""

    queryset = BulkDataRequest.objects.all()
    serializer_class = s.BulkDataRequestSerializer
    filterset_fields = ["status"]
    http_method_names = ["get", "post", "head", "options"]

    def _step(self, request, payload_class, call):
        bulk = self.get_object()
        self.require_write()
        data = {}
        if payload_class is not None:
            payload = payload_class(data=request.data)
            payload.is_valid(raise_exception=True)
            data = payload.validated_data
        bulk = _run(lambda: call(bulk, data))
        return Response(s.BulkDataRequestSerializer(bulk).data)

    @extend_schema(request=s.BulkDataRequestCreateSerializer, responses={201: s.BulkDataRequestSerializer})
    def create(self, request, format=None):
        self.require_write()
        payload = s.BulkDataRequestCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        bulk = BulkDataRequest(
            **payload.validated_data, institution_id=request.user.institution_id, requested_by=request.user
        )
        bulk = _run(lambda: core.save(bulk, request.user))
        return Response(s.BulkDataRequestSerializer(bulk).data, status=status.HTTP_201_CREATED)

    @extend_schema(request=None, responses=s.BulkDataRequestSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None, format=None):
        return self._step(request, None, lambda bulk, d: services.approve_bulk_request(bulk, request.user))

    @extend_schema(request=s.BulkRejectSerializer, responses=s.BulkDataRequestSerializer)
    @action(detail=True, methods=["post"])
    def reject(self, request, pk=None, format=None):
        return self._step(
            request,
            s.BulkRejectSerializer,
            lambda bulk, d: services.reject_bulk_request(bulk, d["decision_note"], request.user),
        )

    @extend_schema(request=s.BulkExtractionSerializer, responses=s.BulkDataRequestSerializer)
    @action(detail=True, methods=["post"])
    def extraction(self, request, pk=None, format=None):
        return self._step(
            request,
            s.BulkExtractionSerializer,
            lambda bulk, d: services.record_bulk_extraction(bulk, d["extracted_on"], request.user),
        )

    @extend_schema(
        request={"multipart/form-data": s.BulkDestructionSerializer}, responses=s.BulkDataRequestSerializer
    )
    @action(detail=True, methods=["post"], parser_classes=[MultiPartParser, FormParser])
    def destruction(self, request, pk=None, format=None):
        return self._step(
            request,
            s.BulkDestructionSerializer,
            lambda bulk, d: services.record_bulk_destruction(
                bulk, d["destroyed_on"], d["destruction_certificate"], request.user
            ),
        )


def _register(model_class, serializer_class, filters):
    return type(
        f"{model_class.__name__}ViewSet",
        (ScopedModelViewSet,),
        {
            "queryset": model_class.objects.all(),
            "serializer_class": serializer_class,
            "filterset_fields": filters,
            "institution_from_user": True,
        },
    )


AuthorizationViewSet = _register(Authorization, s.AuthorizationSerializer, ["purpose", "subject_pseudonym"])
KioskViewSet = _register(Kiosk, s.KioskSerializer, ["branch", "in_service"])
DissentCaseViewSet = _register(DissentCase, s.DissentCaseSerializer, ["status"])
ComplaintViewSet = _register(Complaint, s.ComplaintSerializer, ["status"])
SecurityReportViewSet = _register(SecurityReport, s.SecurityReportSerializer, ["kind"])


class WorkingHoursViewSet(ScopedModelViewSet):
    """The standard week (per weekday, for every branch or one) that rule Q07 judges working time by."""

    queryset = WorkingHours.objects.all()
    serializer_class = s.WorkingHoursSerializer
    filterset_fields = ["branch", "weekday"]
    institution_from_user = True

    def save_object(self, obj):
        return workcalendar.save_hours(obj, self.request.user)

    def delete_object(self, obj):
        workcalendar.delete_entry(obj, self.request.user)


class CalendarDayViewSet(ScopedModelViewSet):
    """Dated exceptions to the standard week: holidays and 调休 working days."""

    queryset = CalendarDay.objects.all()
    serializer_class = s.CalendarDaySerializer
    filterset_fields = {"branch": ["exact"], "is_workday": ["exact"], "date": ["exact", "gte", "lte"]}
    institution_from_user = True

    def save_object(self, obj):
        return workcalendar.save_day(obj, self.request.user)

    def delete_object(self, obj):
        workcalendar.delete_entry(obj, self.request.user)

    @extend_schema(request=s.CalendarImportSerializer, responses=s.CalendarImportResultSerializer)
    @action(detail=False, methods=["post"], url_path="import", parser_classes=[MultiPartParser, FormParser])
    def import_file(self, request, format=None):
        """A year's holidays from CSV or XLSX, all or nothing: a file with any bad row stores nothing and
        the answer lists every problem by line and column."""
        if not can_write(request.user, "credit.calendarday") or not request.user.institution_id:
            raise PermissionDenied()
        payload = s.CalendarImportSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        upload = payload.validated_data["file"]
        result = _run(lambda: workcalendar.import_upload(request.user.institution, upload, request.user))
        data = {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        return Response(data, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)


class StaffSubjectViewSet(ScopedModelViewSet):
    """Staff members' pseudonymised credit-subject ids (rule Q10: queries of colleagues)."""

    queryset = StaffSubject.objects.select_related("person")
    serializer_class = s.StaffSubjectSerializer
    filterset_fields = ["person", "subject_pseudonym"]

    def save_object(self, obj):
        return services.save_staff_subject(obj, self.request.user)

    def delete_object(self, obj):
        services.delete_staff_subject(obj, self.request.user)


class CreditAppConnectionViewSet(ScopedModelViewSet):
    """Ledger apps approved to query the credit system, under their client id in the logs (rule Q04).
    A connection is ended (with a date and reason), not deleted."""

    queryset = CreditAppConnection.objects.all()
    serializer_class = s.CreditAppConnectionSerializer
    filterset_fields = ["app", "client_app_id"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]

    def save_object(self, obj):
        return services.save_app_connection(obj, self.request.user)

    @extend_schema(request=s.EndConnectionSerializer, responses=s.CreditAppConnectionSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None, format=None):
        connection = self.get_object()
        payload = s.EndConnectionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        ended = _run(
            lambda: services.end_app_connection(
                connection, payload.validated_data["on"], payload.validated_data["reason"], request.user
            )
        )
        return Response(s.CreditAppConnectionSerializer(ended, context=self.get_serializer_context()).data)
