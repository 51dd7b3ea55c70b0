from appgov.core.api.base import LimitedModelSerializer, ScopedModelSerializer
from appgov.core.models import Department, Institution, Person, RegulatorOffice


class RegulatorOfficeSerializer(LimitedModelSerializer):
    class Meta:
        model = RegulatorOffice
        fields = ["id", "code", "name", "level", "parent"]


class InstitutionSerializer(ScopedModelSerializer):
    class Meta:
        model = Institution
        fields = [
            "id",
            "code",
            "name",
            "kind",
            "regulator_office",
            "licensed_business_lines",
            "licensed_regions",
            "leading_department",
            "planned_app_ceiling",
            "time_zone",
        ]
        read_only_fields = ["code", "kind", "regulator_office"]


class DepartmentSerializer(ScopedModelSerializer):
    class Meta:
        model = Department
        fields = "__all__"
        read_only_fields = ["institution"]


class PersonSerializer(ScopedModelSerializer):
    class Meta:
        model = Person
        fields = "__all__"
        read_only_fields = ["institution"]
