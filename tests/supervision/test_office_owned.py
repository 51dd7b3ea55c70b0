"""The foundation of the regulator's side: office-owned records are read by their office and the offices above
it, written only by their own office with a role that may, and regulator users still write no institution data."""

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied, ValidationError

from appgov.core.models.owned import InstitutionOwned
from appgov.core.roles import OFFICE_WRITE_ROLES, Role, can_write
from appgov.supervision import services
from appgov.supervision.models import Campaign, SupervisoryMeasure


def test_regulator_users_write_no_institution_owned_model(world, head_in):
    labels = {m._meta.label_lower for m in django_apps.get_models() if issubclass(m, InstitutionOwned)}
    assert "compliance.finding" in labels
    for user in (world.reg_in, world.reg_hq, head_in):
        assert [label for label in sorted(labels) if can_write(user, label)] == []
    # and institution users write no regulator record, whatever their role
    for user in world.b.users.values():
        assert [label for label in OFFICE_WRITE_ROLES if can_write(user, label)] == []


def test_a_campaign_is_seen_by_its_office_and_the_offices_above_it_only(world, campaign_b):
    users = {
        "in": world.reg_in,
        "hq": world.reg_hq,
        "out": world.reg_out,
        "b": world.b.admin,
        "a": world.a.admin,
    }
    seen = {k: Campaign.objects.for_user(u).filter(pk=campaign_b.pk).exists() for k, u in users.items()}
    assert seen == {"in": True, "hq": True, "out": False, "b": False, "a": False}
    # writing: the owning office only, not the head office that may read it
    assert Campaign.objects.for_user(world.reg_in, "change").filter(pk=campaign_b.pk).exists()
    assert not Campaign.objects.for_user(world.reg_hq, "change").filter(pk=campaign_b.pk).exists()
    with pytest.raises(PermissionDenied):
        services.campaigns.update(campaign_b, world.reg_hq, {"title": "总局改写"})
    with pytest.raises(PermissionDenied):
        services.campaigns.update(campaign_b, world.b.admin, {"title": "机构改写"})
    campaign_b.refresh_from_db()
    assert campaign_b.title == "ZQX 渗透测试专项"


def test_a_campaign_may_name_only_institutions_and_apps_of_the_jurisdiction(world):
    data = {
        "code": "T2-PT-X",
        "title": "越权",
        "kind": "privacy",
        "period_start": "2026-03-01",
        "period_end": "2026-03-31",
    }
    with pytest.raises(ValidationError) as exc:
        services.campaigns.create(world.reg_in, {**data, "institutions": [world.a.inst]})
    assert "institutions" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.campaigns.create(
            world.reg_in, {**data, "institutions": [world.b.inst], "apps": [world.a.app]}
        )
    assert "apps" in exc.value.message_dict
    assert not Campaign.objects.filter(code="T2-PT-X").exists()


def test_only_the_office_head_records_a_supervisory_measure(world, head_in):
    data = {
        "institution": world.b.inst,
        "kind": "penalty",
        "taken_on": "2026-04-01",
        "summary": "ZQX 未按期整改",
    }
    with pytest.raises(PermissionDenied):
        services.measures.create(world.reg_in, {**data, "decision_number": "浙银保监罚决字〔2026〕1号"})
    with pytest.raises(ValidationError) as exc:
        services.measures.create(head_in, data)  # a penalty without its decision number
    assert "decision_number" in exc.value.message_dict
    measure = services.measures.create(
        head_in,
        {
            **data,
            "decision_number": "乙银保监罚决字〔2026〕1号",
            "responsible_persons": [world.b.people["P001"]],
        },
    )
    assert measure.office_id == world.reg_in.regulator_office_id
    with pytest.raises(ValidationError) as exc:
        services.measures.create(
            head_in, {**data, "kind": "talk", "responsible_persons": [world.a.people["P001"]]}
        )
    assert "responsible_persons" in exc.value.message_dict
    assert SupervisoryMeasure.objects.filter(institution=world.b.inst).count() == 1
    assert Role.REGULATOR_HEAD in OFFICE_WRITE_ROLES["supervision.supervisorymeasure"]
