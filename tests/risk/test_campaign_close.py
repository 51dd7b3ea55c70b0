"""Issue 18 follow-up item 5: an assessment campaign closes once every assessment is signed or waived with its
reason; closing freezes the campaign report; a closed campaign and its assessments are read-only."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from appgov.core import workflow
from appgov.risk import policy, services
from appgov.risk.models import Assessment, AssessmentCampaign


def _all_yes():
    return {item["id"]: "yes" for item in policy.questionnaire()["items"]}


def _sign(assessment, owner, comp):
    assessment = services.assessments.update(assessment, owner, {"answers": _all_yes()})
    assessment = workflow.transition(assessment, "submitted", owner)
    return workflow.transition(assessment, "signed", comp, conclusion="可控")


@pytest.fixture
def campaign(world):
    return services.open_campaign(world.a.inst, world.a.users["compliance"], 2026, timezone.localdate())


def test_close_waits_for_every_assessment_and_names_the_apps(world, campaign):
    comp, owner = world.a.users["compliance"], world.a.users["app_owner"]
    first = Assessment.objects.get(campaign=campaign, app=world.a.app)
    second = Assessment.objects.get(campaign=campaign, app=world.a.app2)
    _sign(first, owner, comp)
    with pytest.raises(ValidationError) as exc:
        workflow.transition(campaign, "closed", comp)
    assert world.a.app2.code in str(exc.value) and world.a.app.code not in str(exc.value)
    with pytest.raises(ValidationError):  # a waiver needs its reason
        workflow.transition(second, "waived", comp)
    second = workflow.transition(second, "waived", comp, waiver_reason="应用已于 11 月下线，年内无评估必要")
    assert second.state == "waived" and "下线" in second.waiver_reason
    campaign = workflow.transition(AssessmentCampaign.objects.get(pk=campaign.pk), "closed", comp)
    assert (
        campaign.state == "closed"
        and campaign.closed_on == timezone.localdate()
        and campaign.closed_by == comp
    )
    with campaign.report_file.open("rb") as f:
        data = f.read()
    assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == campaign.report_sha256


def test_a_closed_campaign_is_read_only(world, campaign, login):
    comp, owner = world.a.users["compliance"], world.a.users["app_owner"]
    for a in Assessment.objects.filter(campaign=campaign):
        _sign(a, owner, comp)
    campaign = workflow.transition(campaign, "closed", comp)
    signed = Assessment.objects.filter(campaign=campaign).first()
    with pytest.raises(ValidationError, match="closed"):
        services.assessments.update(signed, owner, {"conclusion": "改"})
    with pytest.raises(ValidationError, match="closed"):
        services.campaigns.update(campaign, comp, {"title": "改名"})
    with pytest.raises(ValidationError):
        services.prefill_assessment(signed, comp)
    with pytest.raises(ValidationError):  # no move of its assessments either
        workflow.transition(signed, "waived", comp, waiver_reason="x")
    # the campaign PDF is the report frozen at closing, byte for byte
    response = login(comp).get(reverse("risk:campaign-pdf", args=[campaign.pk]))
    body = b"".join(response.streaming_content) if response.streaming else response.content
    assert hashlib.sha256(body).hexdigest() == campaign.report_sha256


def test_closed_through_the_api_and_the_page(world, campaign, api, login):
    comp, owner = world.a.users["compliance"], world.a.users["app_owner"]
    refused = api(comp).post(
        f"/api/risk/campaigns/{campaign.pk}/move/", {"to_state": "closed"}, format="json"
    )
    assert refused.status_code == 400 and world.a.app.code in refused.json()["detail"]
    for a in Assessment.objects.filter(campaign=campaign):
        _sign(a, owner, comp)
    page = login(comp).get(campaign.get_absolute_url()).content.decode()
    assert 'value="closed"' in page
    assert (
        api(owner)
        .post(f"/api/risk/campaigns/{campaign.pk}/move/", {"to_state": "closed"}, format="json")
        .status_code
        == 403
    )
    done = api(comp).post(f"/api/risk/campaigns/{campaign.pk}/move/", {"to_state": "closed"}, format="json")
    assert done.status_code == 200 and done.json()["state"] == "closed"
