"""API of bulletins and submissions: the same services as the pages (an office drafts, issues and decides; an
institution answers and sends), reads scoped, refusals in core's error shape."""

from django.core.exceptions import PermissionDenied
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound
from rest_framework.response import Response

from appgov.core.api.viewsets import ScopedModelViewSet, ScopedReadOnlyViewSet
from appgov.core.roles import can_write

from .. import bulletin_services, submission_services
from ..models import Bulletin, BulletinAnswer, BulletinTarget, Submission


class BulletinSerializer(serializers.ModelSerializer):
    class Meta:
        model = Bulletin
        fields = ["id", "office", "code", "title", "kind", "severity", "body", "answer_by", "institutions",
                  "sdk_id", "sdk_versions_from", "sdk_fixed_in", "permission", "domain", "certificate_sha256",
                  "status", "issued_at"]  # fmt: skip
        read_only_fields = ["office", "status", "issued_at"]


class AnswerSerializer(serializers.ModelSerializer):
    state = serializers.SerializerMethodField()
    institution = serializers.IntegerField(source="target.institution_id", read_only=True)
    bulletin = serializers.IntegerField(source="target.bulletin_id", read_only=True)

    class Meta:
        model = BulletinAnswer
        fields = ["id", "bulletin", "target", "institution", "app", "matched_on", "answer", "reason", "planned_on",
                  "answered_at", "state"]  # fmt: skip
        read_only_fields = fields

    def get_state(self, obj) -> str:
        return bulletin_services.answer_state(obj)


class TargetSerializer(serializers.ModelSerializer):
    bulletin = BulletinSerializer(read_only=True)

    class Meta:
        model = BulletinTarget
        fields = ["id", "bulletin", "institution", "acknowledged_at", "statement"]
        read_only_fields = fields


class AnswerInput(serializers.Serializer):
    answer = serializers.ChoiceField(choices=BulletinAnswer.Answer.choices)
    reason = serializers.CharField(required=False, allow_blank=True, max_length=4000)
    planned_on = serializers.DateField(required=False, allow_null=True)


class DecisionInput(serializers.Serializer):
    accepted = serializers.BooleanField()
    comment = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class StatementInput(serializers.Serializer):
    statement = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class SubmissionSerializer(serializers.ModelSerializer):
    status = serializers.CharField(read_only=True)

    class Meta:
        model = Submission
        fields = ["id", "institution", "office", "kind", "period_start", "period_end", "note", "sha256", "summary",
                  "submitted_at", "status"]  # fmt: skip
        read_only_fields = ["institution", "office", "sha256", "summary", "submitted_at", "status"]


class ReviewInput(serializers.Serializer):
    status = serializers.ChoiceField(choices=["under_review", "accepted", "returned"])
    comment = serializers.CharField(required=False, allow_blank=True, max_length=4000)


class BulletinViewSet(ScopedModelViewSet):
    """An office's bulletins; they do not exist for an institution's users (404)."""

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not request.user.is_regulator:
            raise NotFound

    queryset = Bulletin.objects.prefetch_related("institutions")
    serializer_class = BulletinSerializer
    service = bulletin_services.bulletins
    filterset_fields = ["kind", "status"]

    @extend_schema(request=None, responses=BulletinSerializer)
    @action(detail=True, methods=["post"])
    def issue(self, request, pk=None, format=None):
        bulletin = self.get_object()
        self.require_write()
        bulletin_services.issue(bulletin, request.user)
        return Response(self.get_serializer(self.get_queryset().get(pk=bulletin.pk)).data)

    @extend_schema(request=None, responses=AnswerSerializer(many=True))
    @action(detail=True, methods=["get"])
    def answers(self, request, pk=None, format=None):
        bulletin = self.get_object()
        return Response(AnswerSerializer(bulletin_services.answers_of(bulletin), many=True).data)


class BulletinReceivedViewSet(ScopedReadOnlyViewSet):
    """The bulletins issued to the user's institution, with acknowledge."""

    queryset = BulletinTarget.objects.select_related("bulletin")
    serializer_class = TargetSerializer

    @extend_schema(request=StatementInput, responses=TargetSerializer)
    @action(detail=True, methods=["post"])
    def acknowledge(self, request, pk=None, format=None):
        target = self.get_object()
        payload = StatementInput(data=request.data)
        payload.is_valid(raise_exception=True)
        target = bulletin_services.acknowledge(
            target, request.user, payload.validated_data.get("statement", "")
        )
        return Response(self.get_serializer(target).data)


class BulletinAnswerViewSet(ScopedReadOnlyViewSet):
    """Affected apps and answers: the institution answers (`answer`), the issuing office decides (`decide`)."""

    queryset = BulletinAnswer.objects.select_related("target__bulletin").prefetch_related("decisions")
    serializer_class = AnswerSerializer
    filterset_fields = ["target", "app"]

    @extend_schema(request=AnswerInput, responses=AnswerSerializer)
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None, format=None):
        row = self.get_object()
        if not can_write(request.user, "supervision.bulletinanswer"):
            raise PermissionDenied
        payload = AnswerInput(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        row = bulletin_services.answer(
            row,
            request.user,
            kind=data["answer"],
            reason=data.get("reason", ""),
            planned_on=data.get("planned_on"),
        )
        return Response(self.get_serializer(row).data)

    @extend_schema(request=DecisionInput, responses=AnswerSerializer)
    @action(detail=True, methods=["post"])
    def decide(self, request, pk=None, format=None):
        row = self.get_object()
        if not can_write(request.user, "supervision.answerdecision"):
            raise PermissionDenied
        payload = DecisionInput(data=request.data)
        payload.is_valid(raise_exception=True)
        bulletin_services.decide(row, request.user, **payload.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=row.pk)).data)


class SubmissionViewSet(ScopedReadOnlyViewSet):
    """An institution's submissions (an office: its jurisdiction's inbox). POST builds and sends one."""

    queryset = Submission.objects.prefetch_related("reviews")
    serializer_class = SubmissionSerializer
    filterset_fields = ["kind"]
    http_method_names = ["get", "post", "head", "options"]

    @extend_schema(request=SubmissionSerializer, responses=SubmissionSerializer)
    def create(self, request, *args, **kwargs):
        if request.user.is_regulator or not can_write(request.user, "supervision.submission"):
            raise PermissionDenied
        payload = SubmissionSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        data = payload.validated_data
        submission = submission_services.submit(
            request.user,
            kind=data["kind"],
            period_start=data["period_start"],
            period_end=data["period_end"],
            note=data.get("note", ""),
        )
        return Response(self.get_serializer(submission).data, status=201)

    @extend_schema(request=ReviewInput, responses=SubmissionSerializer)
    @action(detail=True, methods=["post"])
    def review(self, request, pk=None, format=None):
        submission = self.get_object()
        if not request.user.is_regulator:
            raise PermissionDenied
        payload = ReviewInput(data=request.data)
        payload.is_valid(raise_exception=True)
        submission_services.review(submission, request.user, **payload.validated_data)
        return Response(self.get_serializer(self.get_queryset().get(pk=submission.pk)).data)

    @extend_schema(responses={(200, "application/json"): bytes})
    @action(detail=True, methods=["get"])
    def data(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "data")
