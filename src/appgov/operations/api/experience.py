from rest_framework.decorators import action

from appgov.core.api.viewsets import ScopedModelViewSet

from .. import services
from ..models import AccountReview, ExperienceAssessment, ExperienceItemResult, OperatingAccount
from . import serializers_compat as s


class AssessmentViewSet(ScopedModelViewSet):
    queryset = ExperienceAssessment.objects.all()
    serializer_class = s.AssessmentSerializer
    service = services.assessments
    filterset_fields = ["app", "major_version"]


class ItemResultViewSet(ScopedModelViewSet):
    queryset = ExperienceItemResult.objects.all()
    serializer_class = s.ItemResultSerializer
    service = services.item_results
    filterset_fields = ["assessment", "item", "result"]

    @action(detail=True, methods=["get"])
    def evidence(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "evidence")


class AccountViewSet(ScopedModelViewSet):
    queryset = OperatingAccount.objects.all()
    serializer_class = s.AccountSerializer
    service = services.accounts
    filterset_fields = ["app", "kind"]


class ReviewViewSet(ScopedModelViewSet):
    queryset = AccountReview.objects.all()
    serializer_class = s.ReviewSerializer
    service = services.reviews
    filterset_fields = ["account", "outcome"]
