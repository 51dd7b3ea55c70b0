"""Issue 18 follow-up item 4: a risk links third parties of the register (RiskVendor, PROTECT) and findings of the
findings list (ids checked through the findings gateway); names of the old vendor_names are migrated."""

import importlib

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from appgov.compliance import services as compliance
from appgov.compliance.models import Finding
from appgov.core import services as core
from appgov.partners import services as partners
from appgov.partners.models.uscc import check_character
from appgov.risk import services
from appgov.risk.models import Risk, RiskVendor

RISK = {
    "reference": "R-L1",
    "title": "外包商数据泄露",
    "category": "technology",
    "inherent_likelihood": 3,
    "inherent_impact": 4,
    "residual_likelihood": 2,
    "residual_impact": 3,
}


def _party(org, name, n):
    first17 = f"91330100MB{n:06d}X"[:17]
    return partners.parties.create(
        org.office_user,
        {"name": name, "credit_code": first17 + check_character(first17), "kinds": ["outsourced_developer"]},
    )


def test_vendors_are_parties_of_the_register_and_protected(world):
    party = _party(world.a, "ALPHA外包丙", 200001)
    risk = services.risks.create(
        world.a.office_user, {**RISK, "institution": world.a.inst, "vendors": [party]}
    )
    assert list(risk.vendors.all()) == [party]
    assert RiskVendor.objects.filter(risk=risk, party=party).count() == 1
    with pytest.raises(ProtectedError):
        party.delete()  # the database refuses too, not only the service
    foreign = _party(world.b, "BETA外包", 200002)
    with pytest.raises(ValidationError) as exc:
        services.risks.update(risk, world.a.office_user, {"vendors": [party, foreign]})
    assert "another institution" in str(exc.value)
    assert list(Risk.objects.get(pk=risk.pk).vendors.all()) == [party]


def test_vendors_through_the_api_are_scoped(world, api):
    party = _party(world.a, "ALPHA外包丁", 200003)
    foreign = _party(world.b, "BETA外包乙", 200004)
    client = api(world.a.office_user)
    bad = client.post("/api/risk/risks/", {**RISK, "vendors": [foreign.pk]}, format="json")
    assert bad.status_code == 400 and "vendors" in bad.json()["errors"]
    ok = client.post("/api/risk/risks/", {**RISK, "vendors": [party.pk]}, format="json")
    assert ok.status_code == 201, ok.json()
    assert ok.json()["vendors"] == [party.pk]


def test_findings_are_linked_by_number_of_the_institution(world, login):
    compliance.evaluate_now(world.a.inst)
    compliance.evaluate_now(world.b.inst)
    mine = Finding.objects.filter(institution=world.a.inst).first()
    theirs = Finding.objects.filter(institution=world.b.inst).first()
    assert mine is not None and theirs is not None
    with pytest.raises(ValidationError) as exc:
        services.risks.create(
            world.a.office_user, {**RISK, "institution": world.a.inst, "finding_ids": [mine.pk, theirs.pk]}
        )
    assert f"#{theirs.pk}" in str(exc.value) and f"#{mine.pk}" not in str(exc.value)
    risk = services.risks.create(
        world.a.office_user, {**RISK, "institution": world.a.inst, "finding_ids": [str(mine.pk)]}
    )
    assert risk.finding_ids == [mine.pk]
    page = login(world.a.office_user).get(risk.get_absolute_url()).content.decode()
    assert f"/compliance/findings/{mine.pk}/" in page and f'data-status="{mine.status}"' in page


def test_the_migration_links_names_of_parties_and_keeps_the_others(world):
    party = _party(world.a, "ALPHA云服务商", 200005)
    risk = services.risks.create(world.a.office_user, {**RISK, "institution": world.a.inst})
    core.update(risk, world.a.office_user, vendor_names=["ALPHA云服务商", "不在台账的供应商"])
    migration = importlib.import_module("appgov.risk.migrations.0004_risk_vendors_and_findings")
    migration.link_named_vendors(apps, None)
    risk.refresh_from_db()
    assert list(risk.vendors.all()) == [party]
    assert risk.vendor_names == ["不在台账的供应商"]
    migration.link_named_vendors(apps, None)  # again: nothing doubles
    assert RiskVendor.objects.filter(risk=risk).count() == 1
