from rest_framework.decorators import action

from appgov.core.api.viewsets import ScopedModelViewSet

from .. import services
from ..models import AccountReview, ExperienceAssessment, ExperienceItemResult, OperatingAccount
from . import serializers_accounts, serializers_experience


class AssessmentViewSet(ScopedModelViewSet):
    queryset = ExperienceAssessment.objects.all()
    serializer_class = serializers_experience.ExperienceAssessmentSerializer
    service = services.assessments
    filterset_fields = ["app", "major_version"]


class ItemResultViewSet(ScopedModelViewSet):
    queryset = ExperienceItemResult.objects.all()
    serializer_class = serializers_experience.ExperienceItemResultSerializer
    service = services.item_results
    filterset_fields = ["assessment", "item", "result"]

    @action(detail=True, methods=["get"])
    def evidence(self, request, pk=None, format=None):
        return self.download_file(self.get_object(), "evidence")


class AccountViewSet(ScopedModelViewSet):
    queryset = OperatingAccount.objects.all()
    serializer_class = serializers_accounts.OperatingAccountSerializer
    service = services.accounts
    filterset_fields = ["app", "kind"]


class ReviewViewSet(ScopedModelViewSet):
    queryset = AccountReview.objects.all()
    serializer_class = serializers_accounts.AccountReviewSerializer
    service = services.reviews
    filterset_fields = ["account", "outcome"]
