"""Issue 16 item 6: the register's coming dates (qualifications, contracts, grants ending within 30 days) appear on
the compliance dashboard's calendar and in the daily digest."""

import datetime

from django.urls import reverse
from django.utils import timezone

from appgov.compliance.digest import digest


def test_an_expiring_qualification_is_on_the_dashboard_and_in_the_digest(world, login, reg):
    today = timezone.localdate()
    party = reg.party(name="甲云服务有限公司", kinds=("cloud",))
    reg.qualification(
        party, kind="icp_filing", number="浙B2-20260001", valid_until=today + datetime.timedelta(days=12)
    )
    reg.qualification(
        party, kind="telecom_licence", number="浙B2-20269999", valid_until=today + datetime.timedelta(days=90)
    )
    rows = digest(world.a.inst, today)["module_due"]
    assert any("浙B2-20260001" in label and control == "NFRA-04.2" for control, label, _ in rows), rows
    assert not any("浙B2-20269999" in label for _, label, _ in rows)  # 90 days away: not yet
    page = login(world.a.office_user).get(reverse("compliance:dashboard")).content.decode()
    assert "浙B2-20260001" in page
    # another institution's register is not in B's digest
    assert not any("浙B2-20260001" in label for _, label, _ in digest(world.b.inst, today)["module_due"])
