"""The OpenAPI schema names every component once: drf-spectacular names a component after its serializer class
(without "Serializer"), and two serializers of the same name in two modules would share one component, so one
of them would be described wrongly. Generating the schema must emit no "identical names" warning."""

from drf_spectacular.drainage import GENERATOR_STATS
from drf_spectacular.generators import SchemaGenerator


def generate():
    """The schema as /api/schema/ serves it (generated directly, as tests/test_schema.py does), and the
    warnings drf-spectacular collected while generating it."""
    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence():
        schema = SchemaGenerator().get_schema(request=None, public=True)
    warnings = list(GENERATOR_STATS._warn_cache)
    GENERATOR_STATS.reset()
    return schema, warnings


def test_no_two_components_share_a_name():
    schema, warnings = generate()
    clashes = [w for w in warnings if "identical names" in w]
    assert not clashes, "\n".join(clashes)
    components = schema["components"]["schemas"]
    # the operations module's serializers are named after their models, apart from partners' and risk's
    for name in [
        "ExperienceAssessment",
        "OperatingAccount",
        "AdaptationTask",
        "RationalisationDecision",
        "PartnerAssessment",
        "Assessment",
    ]:
        assert name in components, name
    assert components["ExperienceAssessment"] != components["PartnerAssessment"]
    assert "major_version" in components["ExperienceAssessment"]["properties"]


def test_a_clash_is_reported():
    """The warning the test above looks for is the one drf-spectacular emits (so that test can fail)."""
    from rest_framework import serializers

    from appgov.operations.api import serializers_experience

    class ExperienceAssessmentSerializer(serializers.Serializer):  # same component name, another class
        note = serializers.CharField()

    from drf_spectacular.openapi import AutoSchema
    from drf_spectacular.plumbing import ComponentRegistry, ResolvedComponent

    registry = ComponentRegistry()
    GENERATOR_STATS.reset()
    with GENERATOR_STATS.silence():
        for cls in (serializers_experience.ExperienceAssessmentSerializer, ExperienceAssessmentSerializer):
            registry.register_on_missing(
                ResolvedComponent(
                    name=AutoSchema()._get_serializer_name(cls(), "response"),
                    type=ResolvedComponent.SCHEMA,
                    object=cls,
                    schema={},
                )
            )
    warnings = list(GENERATOR_STATS._warn_cache)
    GENERATOR_STATS.reset()
    assert any("identical names" in w for w in warnings), warnings
