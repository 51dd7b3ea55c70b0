"""The organisation pages' edit forms, opened and saved unchanged as a browser would: nothing changes (dates,
lists and the user's role included)."""

import datetime

from test_edit_roundtrip import _roundtrip

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry


def test_organisation_edit_forms_save_unchanged(world, login):
    a = world.a
    core.institutions.update(
        a.inst,
        None,
        {
            "licensed_business_lines": ["个人存款", "个人贷款"],
            "leading_department": a.depts["OFFICE"],
            "planned_app_ceiling": 20,
        },
    )
    person = core.people.update(
        a.people["P001"],
        None,
        {
            "active_from": datetime.date(2020, 3, 1),
            "left_on": datetime.date(2026, 6, 30),
            "is_senior_management": True,
            "position": "部门负责人",
        },
    )
    seq = ChangeLogEntry.objects.order_by("-seq").values_list("seq", flat=True).first()
    client = login(a.admin)
    _roundtrip(client, "/organisation/edit/", a.inst)
    _roundtrip(client, f"/organisation/departments/{a.depts['BIZ'].pk}/edit/", a.depts["BIZ"])
    _roundtrip(client, f"/organisation/people/{person.pk}/edit/", person)
    _roundtrip(client, f"/organisation/users/{a.users['security'].pk}/edit/", a.users["security"])
    # an unchanged save writes no change-log entry either
    assert not ChangeLogEntry.objects.filter(seq__gt=seq).exists()
