"""Issue 17 item 4 and NFRA-06.2: an experience assessment per major version, items from the data file with
their sources, evidence per item; a new major version makes the old assessment not current."""

import datetime

import pytest
from compliance_fixtures import result_for
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from appgov.core import services as core
from appgov.core.controls.registry import Outcome
from appgov.core.models import ChangeLogEntry
from appgov.ledger.models import AppVersion
from appgov.operations import datafiles, services
from appgov.operations.datafiles import DataFileError, experience_items

DAY = datetime.date(2026, 3, 2)


def assess(org, major, evidence=True, skip=()):
    actor = org.office_user
    assessment = services.assessments.create(
        actor, {"app": org.app, "major_version": major, "assessed_on": DAY, "assessor": org.people["P001"]}
    )
    for item in experience_items()["items"]:
        if item["code"] in skip:
            continue
        data = {"assessment": assessment, "item": item["code"], "result": "met"}
        if evidence:
            data["evidence"] = ContentFile(b"screenshot", name=f"{item['code']}.png")
        services.item_results.create(actor, data)
    return assessment


def test_items_cite_the_miit_and_state_council_sources():
    catalogue = experience_items()
    titles = {key: s["zh"] for key, s in catalogue["sources"].items()}
    assert "工信部信管〔2020〕200号" in titles["MIIT-2020-200"]
    assert catalogue["sources"]["MIIT-2020-200"]["date"] == "2020-12-24"
    assert "国务院令第766号" in titles["SC-766"]
    codes = {i["code"] for i in catalogue["items"]}
    assert {"care_mode", "simplified_flow", "voice_assist", "no_ad_popups"} <= codes
    assert {i["group"] for i in catalogue["items"]} == {"elderly", "minors"}


def test_a_bad_items_file_is_refused_naming_the_place(tmp_path):
    with pytest.raises(DataFileError, match=r"experience_items.yaml: line 3, column 1: found character"):
        datafiles.parse_experience_items(
            datafiles.EXPERIENCE_ITEMS, "schema_version: 1\nitems:\n\t- code: x\n"
        )
    text = datafiles.EXPERIENCE_ITEMS.read_text(encoding="utf-8").replace(
        "sources: [SC-766]", "sources: [SC-999]", 1
    )
    with pytest.raises(DataFileError, match=r"items\[5\]: source 'SC-999' is not under 'sources'"):
        datafiles.parse_experience_items(datafiles.EXPERIENCE_ITEMS, text)


def test_current_assessment_passes_and_a_new_major_version_makes_it_stale(world):
    a = world.a
    assert result_for(a.inst, "NFRA-06.2", a.app.pk, DAY).outcome == Outcome.FAIL  # nothing assessed
    assess(a, 1)
    assert result_for(a.inst, "NFRA-06.2", a.app.pk, DAY).outcome == Outcome.PASS
    core.save(AppVersion(app=a.app, platform="android", version_name="2.0.0", version_code=200))
    result = result_for(a.inst, "NFRA-06.2", a.app.pk, DAY)
    assert result.outcome == Outcome.FAIL
    assert "当前主版本 2" in result.zh and "1.x" in result.zh


def test_an_item_without_evidence_or_not_met_fails_naming_it(world):
    a = world.a
    assess(a, 1, evidence=False)
    result = result_for(a.inst, "NFRA-06.2", a.app.pk, DAY)
    assert result.outcome == Outcome.FAIL and "缺少证明材料" in result.zh
    b_assessment = assess(world.a, 3, skip={"voice_assist"})
    core.save(AppVersion(app=a.app, platform="ios", version_name="3.1", version_code=310))
    result = result_for(a.inst, "NFRA-06.2", a.app.pk, DAY)
    assert result.outcome == Outcome.FAIL and "未评估" in result.zh
    assert b_assessment.items.count() == len(experience_items()["items"]) - 1


def test_not_met_or_not_applicable_needs_a_reason_and_unknown_items_are_refused(world):
    a = world.a
    assessment = services.assessments.create(
        a.office_user, {"app": a.app, "major_version": 1, "assessed_on": DAY, "assessor": a.people["P001"]}
    )
    with pytest.raises(ValidationError) as exc:
        services.item_results.create(
            a.office_user, {"assessment": assessment, "item": "care_mode", "result": "not_met"}
        )
    assert "note" in exc.value.message_dict
    with pytest.raises(ValidationError) as exc:
        services.item_results.create(
            a.office_user, {"assessment": assessment, "item": "no_such", "result": "met"}
        )
    assert "item" in exc.value.message_dict
    services.item_results.create(
        a.office_user,
        {"assessment": assessment, "item": "care_mode", "result": "not_applicable", "note": "无"},
    )
    assert ChangeLogEntry.objects.filter(object_type="operations.experienceitemresult").count() == 1


def test_assessment_page_and_api(world, login, api):
    a = world.a
    assessment = assess(a, 1)
    page = login(a.office_user).get(f"/operations/experience/{assessment.pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "工信部信管〔2020〕200号" in text and "国务院令第766号" in text
    client = api(a.office_user)
    created = client.post(
        "/api/operations/experience-assessments/",
        {"app": a.app2.pk, "major_version": 4, "assessed_on": "2026-03-01", "assessor": a.people["P001"].pk},
        format="json",
    )
    assert created.status_code == 201, created.content
    refused = api(a.users["auditor"]).post(
        "/api/operations/experience-assessments/",
        {"app": a.app2.pk, "major_version": 5, "assessed_on": "2026-03-01", "assessor": a.people["P001"].pk},
        format="json",
    )
    assert refused.status_code == 403
    listed = client.get("/api/operations/experience-assessments/").json()
    assert {r["major_version"] for r in listed["results"]} == {1, 4}
