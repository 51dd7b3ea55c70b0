from django.db.models import Q
from rest_framework import viewsets

from appgov.core import services
from appgov.core.api.pagination import CappedLimitOffsetPagination
from appgov.core.api.viewsets import ScopedModelViewSet
from appgov.core.models import Department, Institution, Person, RegulatorOffice

from . import serializers as s


class RegulatorOfficeViewSet(viewsets.ReadOnlyModelViewSet):
    """Examiners see their office and the offices below it; institution staff see the offices above them."""

    queryset = RegulatorOffice.objects.all()
    serializer_class = s.RegulatorOfficeSerializer
    pagination_class = CappedLimitOffsetPagination

    def get_queryset(self):
        user = self.request.user
        if user.is_regulator:
            return RegulatorOffice.objects.filter(pk__in=user.regulator_office.descendant_ids())
        if user.institution_id:
            ids, office = [], user.institution.regulator_office
            while office is not None:
                ids.append(office.pk)
                office = office.parent
            return RegulatorOffice.objects.filter(pk__in=ids)
        return RegulatorOffice.objects.none()


class InstitutionViewSet(ScopedModelViewSet):
    service = services.institutions
    queryset = Institution.objects.all()
    serializer_class = s.InstitutionSerializer
    http_method_names = ["get", "put", "patch", "head", "options"]
    filterset_fields = ["kind"]


class DepartmentViewSet(ScopedModelViewSet):
    service = services.departments
    queryset = Department.objects.all()
    serializer_class = s.DepartmentSerializer
    filterset_fields = ["kind"]


class PersonViewSet(ScopedModelViewSet):
    service = services.people
    queryset = Person.objects.select_related("department")
    serializer_class = s.PersonSerializer
    filterset_fields = ["department"]

    def get_queryset(self):
        qs = super().get_queryset()
        employed = self.request.query_params.get("employed")
        if employed in ("true", "1"):
            qs = qs.filter(Q(left_on__isnull=True))
        return qs
