"""Regulator-side fixtures on the shared world: B is supervised by T-P2 (reg_in), A by T-P1-S under T-P1
(reg_out), T-HQ (reg_hq) above both. The office head of T-P2 is made here."""

import datetime

import pytest


@pytest.fixture
def head_in(world):
    from appgov.core import services as core
    from appgov.core.roles import Role
    from appgov.users.models import User

    user = User.objects.filter(username="reg_in_head").first()
    if user is None:
        user = core.save(
            User(
                username="reg_in_head",
                role=Role.REGULATOR_HEAD,
                regulator_office=world.reg_in.regulator_office,
            ),
            exclude_validation=["password"],
        )
    return user


@pytest.fixture
def campaign_b(world):
    """A planned penetration campaign of B's office over B, with B's first app in scope."""
    from appgov.supervision import services

    return services.campaigns.create(
        world.reg_in,
        {
            "code": "T2-PT-1",
            "title": "ZQX 渗透测试专项",
            "kind": "penetration",
            "period_start": datetime.date(2026, 3, 1),
            "period_end": datetime.date(2026, 3, 31),
            "institutions": [world.b.inst],
            "apps": [world.b.app],
        },
    )
