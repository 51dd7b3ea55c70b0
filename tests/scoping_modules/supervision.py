"""The regulator's side (appgov.supervision): the jurisdiction dashboard, campaigns, rectification follow-up and
measures of B's office (T-P2, reg_in's). Office pages are "office"/"office_list" routes (see route.py)."""

import datetime

from django.core.files.base import ContentFile

from .route import Route

OFFICE_READ = dict(kind="office", reg_read=True, shows_b=True)

ROUTES = {
    "supervision:index": Route(
        "list", reg_read=True, shows_b=True, query=("export=xlsx", "export=xlsx&table=institutions")
    ),
    "supervision:institution": Route("object", obj="institution", reg_read=True, shows_b=True),
    "supervision:campaign-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision:campaign-add": Route("office_list", reg_read=True),
    "supervision:campaign-edit": Route("office", obj="scampaign", reg_read=True),
    "supervision:campaign-detail": Route(obj="scampaign", **OFFICE_READ),
    "supervision:result-add": Route("office", obj="scampaign"),
    "supervision:campaign-issue": Route("office", obj="scampaign"),
    "supervision:campaign-close": Route("office", obj="scampaign"),
    "supervision:finding-add": Route("office", obj="sresult"),
    "supervision:finding-evidence": Route("office", obj="scfinding", reg_read=True),
    "supervision:rectification-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision:rectification": Route(obj="sissued", **OFFICE_READ),
    "supervision:measure-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision:measure-add": Route("office_list"),  # the examiner may not record a measure: 403
    "supervision:measure-edit": Route("office", obj="smeasure"),
    "supervision:measure-detail": Route(obj="smeasure", **OFFICE_READ),
    "supervision:office-controls": Route("office_list", reg_read=True),
    # API
    "supervision-campaign-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision-campaign-detail": Route(obj="scampaign", **OFFICE_READ),
    "supervision-campaign-history": Route("office", obj="scampaign", reg_read=True),
    "supervision-campaign-issue": Route("office", obj="scampaign"),
    "supervision-campaign-close": Route("office", obj="scampaign"),
    "supervision-result-list": Route("office_list", reg_read=True),
    "supervision-result-detail": Route("office", obj="sresult", reg_read=True),
    "supervision-result-history": Route("office", obj="sresult", reg_read=True),
    "supervision-cfinding-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision-cfinding-detail": Route(obj="scfinding", **OFFICE_READ),
    "supervision-cfinding-history": Route("office", obj="scfinding", reg_read=True),
    "supervision-cfinding-evidence": Route("office", obj="scfinding", reg_read=True),
    "supervision-measure-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision-measure-detail": Route(obj="smeasure", **OFFICE_READ),
    "supervision-measure-history": Route("office", obj="smeasure", reg_read=True),
    "supervision-decision-list": Route("office_list", reg_read=True, shows_b=True),
    "supervision-decision-detail": Route(obj="sdecision", **OFFICE_READ),
    "supervision-decision-history": Route("office", obj="sdecision", reg_read=True),
}
FACTORY_KEYS = "scampaign sresult scfinding sissued smeasure sdecision"
PREPARE = {"appgov.supervision": "scampaign"}


def head_of(office):
    from appgov.core import services as core
    from appgov.core.roles import Role
    from appgov.users.models import User

    user = User.objects.filter(username="reg_in_head").first()
    if user is None:
        user = core.save(
            User(username="reg_in_head", role=Role.REGULATOR_HEAD, regulator_office=office),
            exclude_validation=["password"],
        )
    return user


def build_b(world) -> dict:
    """A campaign of B's office over B, its result and finding on B's app issued to B (B has submitted the
    rectification), and a measure against B."""
    from appgov.compliance import findings
    from appgov.supervision import services

    examiner = world.reg_in
    campaign = services.campaigns.create(
        examiner,
        {
            "code": "ZQX-PT-1",
            "title": "ZQX 渗透测试专项",
            "kind": "penetration",
            "period_start": datetime.date(2026, 3, 1),
            "period_end": datetime.date(2026, 3, 31),
            "institutions": [world.b.inst],
            "apps": [world.b.app],
        },
    )
    result = services.results.create(
        examiner, {"campaign": campaign, "app": world.b.app, "outcome": "findings", "tested_on": "2026-03-05"}
    )
    row = services.campaign_findings.create(
        examiner,
        {
            "result": result,
            "title": "ZQX 明文传输",
            "severity": "high",
            "description": "ZQX 登录报文未加密",
            "evidence": ContentFile(b"%PDF-1.4 ZQX evidence", name="zqx-evidence.pdf"),
        },
    )
    issued = services.issue(campaign, examiner)[0]
    findings.move(issued, "resolved", world.b.users["app_owner"], note="ZQX 已整改")
    # a first rectification rejected (a decision row to read), the second one submitted and waiting
    decision = services.decide(issued, examiner, accepted=False, comment="ZQX 整改不充分")
    issued.refresh_from_db()
    findings.move(issued, "resolved", world.b.users["app_owner"], note="ZQX 再次整改")
    measure = services.measures.create(
        head_of(examiner.regulator_office),
        {"institution": world.b.inst, "kind": "talk", "taken_on": "2026-04-01", "summary": "ZQX 监管谈话"},
    )
    return {
        "scampaign": campaign.pk,
        "sresult": result.pk,
        "scfinding": row.pk,
        "sissued": issued.pk,
        "smeasure": measure.pk,
        "sdecision": decision.pk,
    }


def state(inst):
    """B's office records about B (a refused write must change none of them)."""
    from appgov.core import changelog
    from appgov.supervision.models import (
        Campaign,
        CampaignFinding,
        CampaignResult,
        RectificationDecision,
        SupervisoryMeasure,
    )

    rows = [
        *Campaign.objects.filter(institutions=inst),
        *CampaignResult.objects.filter(app__institution=inst),
        *CampaignFinding.objects.filter(result__app__institution=inst),
        *RectificationDecision.objects.filter(institution=inst),
        *SupervisoryMeasure.objects.filter(institution=inst),
    ]
    return [changelog.snapshot(r) for r in rows]
