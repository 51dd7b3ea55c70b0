"""Every edit page of the module, saved unchanged as a browser would: the record is unchanged."""

import datetime

from django.urls import reverse
from django.utils import timezone
from test_edit_roundtrip import _roundtrip

from appgov.risk import services


def test_every_risk_edit_page_keeps_the_record(world, login, major):
    admin, today = world.a.admin, timezone.localdate()
    risk = services.risks.create(
        admin,
        {
            "reference": "R-9",
            "title": "风险",
            "category": "business",
            "inherent_likelihood": 3,
            "inherent_impact": 3,
            "residual_likelihood": 2,
            "residual_impact": 2,
            "next_review_on": today,
            "owner": world.a.people["P001"],
        },
    )
    task = services.tasks.create(admin, {"risk": risk, "title": "任务", "due_on": today})
    bia = services.impact_analyses.create(
        admin,
        {
            "app": world.a.app,
            "critical_services": "转账",
            "rto_minutes": 30,
            "rpo_minutes": 5,
            "mtpd_minutes": 60,
            "analysed_on": today - datetime.timedelta(days=3),
            "approved_on": today,
        },
    )
    plan = services.plans.create(
        admin, {"app": world.a.app, "version": "1", "title": "预案", "approved_on": today}
    )
    drill = services.drills.create(
        admin,
        {
            "app": world.a.app,
            "plan": plan,
            "scenario": "断电",
            "planned_on": today,
            "held_on": today,
            "measured_recovery_minutes": 20,
        },
    )
    campaign = services.open_campaign(world.a.inst, admin, 2026, today)
    dossier = services.dossiers.create(admin, {"version": world.a.version, "design_reviewed_on": today})
    audit = major.special_audits.get()
    client = login(admin)
    for name, obj in [
        ("incident", major),
        ("audit", audit),
        ("risk", risk),
        ("task", task),
        ("bia", bia),
        ("plan", plan),
        ("drill", drill),
        ("campaign", campaign),
        ("dossier", dossier),
    ]:
        _roundtrip(client, reverse(f"risk:{name}-edit", args=[obj.pk]), obj)
