"""Issue 11 item 12 on the server side: an institution without apps gets an empty state saying what to do, not
charts of zeros; the compliance dashboard says how to get its first results."""

import pytest

from appgov.core.models import Department, Institution
from appgov.core.roles import Role
from appgov.users.models import User


@pytest.fixture
def empty_admin(world):
    inst = Institution.objects.create(
        code="EMPTY", name="空机构", kind="bank", regulator_office=world.a.inst.regulator_office
    )
    dept = Department.objects.create(institution=inst, code="IT", name="科技部")
    return User.objects.create(
        username="empty_admin", role=Role.ADMINISTRATOR, institution=inst, department=dept
    )


def test_the_ledger_dashboard_of_an_empty_institution_draws_no_chart(empty_admin, login):
    page = login(empty_admin).get("/").content.decode()
    assert 'id="charts-empty"' in page and 'id="chart-kind"' not in page
    assert 'href="/ledger/apps/new/"' in page and 'href="/ledger/import/"' in page


def test_a_reader_of_an_empty_institution_is_told_who_fills_it(empty_admin, login):
    reader = User.objects.create(
        username="empty_reader", role=Role.READ_ONLY, institution=empty_admin.institution
    )
    page = login(reader).get("/").content.decode()
    assert 'id="charts-empty"' in page and 'href="/ledger/apps/new/"' not in page
    assert "governance office" in page


def test_the_ledger_dashboard_with_apps_draws_its_charts(world, login):
    page = login(world.a.admin).get("/").content.decode()
    assert 'id="chart-kind"' in page and 'id="charts-empty"' not in page


def test_the_compliance_dashboard_says_how_to_get_results(empty_admin, world, login):
    page = login(empty_admin).get("/compliance/").content.decode()
    assert 'id="heatmap-empty"' in page and 'id="heatmap"' not in page
    assert "register its apps first" in page
    assert 'id="trend-empty"' in page
    # A has apps but was never evaluated
    page = login(world.a.admin).get("/compliance/").content.decode()
    assert "Not evaluated yet." in page and "Evaluate now" in page and 'id="heatmap"' not in page
