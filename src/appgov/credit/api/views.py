from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from appgov.core.roles import can_write

from .. import eventbatch, ingestion, logcoverage, monitoring, services, workcalendar
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


class CreditAccountViewSet(ScopedReadOnlyViewSet):
    queryset = CreditAccount.objects.all()
    serializer_class = s.CreditAccountSerializer
    filterset_fields = ["status", "role", "branch"]


class AccountChangeViewSet(ScopedReadOnlyViewSet):
    queryset = AccountChange.objects.select_related("account")
    serializer_class = s.AccountChangeSerializer
    filterset_fields = ["status", "action", "account"]

    @extend_schema(request=s.NoteSerializer, responses=s.AccountChangeSerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None, format=None):
        change = self.get_object()
        self.require_write()
        note = request.data.get("note", "")
        change = services.approve_change(change, request.user, note)
        return Response(s.AccountChangeSerializer(change).data)


class AlertViewSet(ScopedReadOnlyViewSet):
    queryset = Alert.objects.select_related("review_day").prefetch_related("dispositions")
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
        alert = monitoring.disposition(alert, d["disposition"], d["comment"], request.user)
        alert = self.get_queryset().get(pk=alert.pk)  # with the history that now ends in this decision
        return Response(s.AlertSerializer(alert).data)


class ReviewDayViewSet(ScopedReadOnlyViewSet):
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
        rd = monitoring.close_review_day(rd, request.user, payload.validated_data["conclusion"])
        return Response(s.ReviewDaySerializer(rd).data)

    @extend_schema(request=s.NoQueriesSerializer, responses={201: s.ReviewDaySerializer})
    @action(detail=False, methods=["post"], url_path="no-queries")
    def no_queries(self, request, format=None):
        """Record a working day without a log as a day on which no credit query was made."""
        self.require_write()
        payload = s.NoQueriesSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        d = payload.validated_data
        rd = logcoverage.declare_no_queries(request.user.institution, d["day"], request.user, d["conclusion"])
        return Response(s.ReviewDaySerializer(rd).data, status=status.HTTP_201_CREATED)


class QueryLogBatchViewSet(ScopedReadOnlyViewSet):
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
        batch = ingestion.ingest(
            request.user.institution,
            upload.name,
            upload.read(),
            table=payload.validated_data["table"],
            actor=request.user,
        )
        return Response(s.QueryLogBatchSerializer(batch).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        request=s.EventBatchSerializer,
        responses={201: s.QueryLogBatchSerializer, 200: s.QueryLogBatchSerializer},
        description=(
            "Push a batch of query-log events (near-real-time ingest). Checked whole as an uploaded file is; "
            "errors name the event (events[i], line i+1) and the field; nothing of a refused batch is stored. "
            "The same batch_id with the same events answers 200 with the stored batch; with other events 400."
        ),
    )
    @action(detail=False, methods=["post"], url_path="events", parser_classes=[JSONParser])
    def events(self, request, format=None):
        if not can_write(request.user, "credit.querylogbatch"):
            raise PermissionDenied
        outcome = eventbatch.ingest_batch(request.user.institution, request.data, request.user)
        return Response(
            s.QueryLogBatchSerializer(outcome.batch).data,
            status=status.HTTP_201_CREATED if outcome.created else status.HTTP_200_OK,
        )


QueryLogBatchViewSet.http_method_names = ["get", "post", "head", "options"]


class BulkDataRequestViewSet(ScopedReadOnlyViewSet):
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
        bulk = call(bulk, data)
        return Response(s.BulkDataRequestSerializer(bulk).data)

    @extend_schema(request=s.BulkDataRequestCreateSerializer, responses={201: s.BulkDataRequestSerializer})
    def create(self, request, format=None):
        self.require_write()
        payload = s.BulkDataRequestCreateSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        bulk = services.bulk_requests.create(
            request.user, {**payload.validated_data, "requested_by": request.user}
        )
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


def _register(model_class, serializer_class, filters, service):
    """A register kept for the record: created and edited through its service (which refuses edits once the
    workflow has moved on), never deleted through the API (withdraw / retire / close on its own steps)."""
    return type(
        f"{model_class.__name__}ViewSet",
        (ScopedModelViewSet,),
        {
            "queryset": model_class.objects.all(),
            "serializer_class": serializer_class,
            "filterset_fields": filters,
            "service": service,
            "http_method_names": ["get", "post", "put", "patch", "head", "options"],
        },
    )


AuthorizationViewSet = _register(
    Authorization, s.AuthorizationSerializer, ["purpose", "subject_pseudonym"], services.authorizations
)
KioskViewSet = _register(Kiosk, s.KioskSerializer, ["branch", "in_service"], services.kiosks)
DissentCaseViewSet = _register(DissentCase, s.DissentCaseSerializer, ["status"], services.dissents)
ComplaintViewSet = _register(Complaint, s.ComplaintSerializer, ["status"], services.complaints)
SecurityReportViewSet = _register(
    SecurityReport, s.SecurityReportSerializer, ["kind"], services.security_reports
)


class WorkingHoursViewSet(ScopedModelViewSet):
    """The standard week (per weekday, for every branch or one) that rule Q07 judges working time by."""

    queryset = WorkingHours.objects.all()
    serializer_class = s.WorkingHoursSerializer
    filterset_fields = ["branch", "weekday"]
    service = workcalendar.hours


class CalendarDayViewSet(ScopedModelViewSet):
    """Dated exceptions to the standard week: holidays and 调休 working days."""

    queryset = CalendarDay.objects.all()
    serializer_class = s.CalendarDaySerializer
    filterset_fields = {"branch": ["exact"], "is_workday": ["exact"], "date": ["exact", "gte", "lte"]}
    service = workcalendar.days

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
        result = workcalendar.import_upload(request.user.institution, upload, request.user)
        data = {"created": result.created, "updated": result.updated, "unchanged": result.unchanged}
        return Response(data, status=status.HTTP_201_CREATED if result.created else status.HTTP_200_OK)


class StaffSubjectViewSet(ScopedModelViewSet):
    """Staff members' pseudonymised credit-subject ids (rule Q10: queries of colleagues)."""

    queryset = StaffSubject.objects.select_related("person")
    serializer_class = s.StaffSubjectSerializer
    filterset_fields = ["person", "subject_pseudonym"]
    service = services.staff_subjects


class CreditAppConnectionViewSet(ScopedModelViewSet):
    """Ledger apps approved to query the credit system, under their client id in the logs (rule Q04).
    A connection is ended (with a date and reason), not deleted."""

    queryset = CreditAppConnection.objects.all()
    serializer_class = s.CreditAppConnectionSerializer
    filterset_fields = ["app", "client_app_id"]
    http_method_names = ["get", "post", "put", "patch", "head", "options"]
    service = services.app_connections

    @extend_schema(request=s.EndConnectionSerializer, responses=s.CreditAppConnectionSerializer)
    @action(detail=True, methods=["post"])
    def end(self, request, pk=None, format=None):
        connection = self.get_object()
        payload = s.EndConnectionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        ended = services.end_app_connection(
            connection, payload.validated_data["on"], payload.validated_data["reason"], request.user
        )
        return Response(s.CreditAppConnectionSerializer(ended, context=self.get_serializer_context()).data)
