"""The compatibility board's filters (platform, state, app name or code, institution for examiners) and paging:
the rows and columns kept, the totals over every kept app, the other filters carried by the page links."""

import datetime
import re

import pytest
from django.utils import timezone

from appgov.operations import services
from appgov.operations.models import AdaptationTask

pytestmark = pytest.mark.django_db


def release(org, version, platform, api=None):
    return services.releases.create(
        None,
        {
            "institution": org.inst,
            "platform": platform,
            "version": version,
            "api_level": api,
            "ga_on": timezone.localdate() + datetime.timedelta(days=90),
            "source": "test",
        },
    )


def rows_of(html):
    return re.findall(r'<tr><th class="small"><a href="[^"]*">([^<]*)</a>', html)


def columns_of(html):
    """The versions heading the columns (the platform's name is translated)."""
    head = html.split("<thead>", 1)[1].split("</thead>", 1)[0]
    return [c.split()[-1] for c in re.findall(r'<th class="text-center small">([^<]*)<', head)]


def total(html, state):
    return int(re.search(rf'compat-{state}">[^<]*?(\d+)<', html).group(1))


@pytest.fixture
def board(world):
    a = world.a
    release(a, "16", "android", api=36)
    ios = release(a, "27", "ios")
    services.ensure_tasks(a.inst)
    task = AdaptationTask.objects.get(release=ios, app=a.app)
    services.results.create(
        a.office_user, {"task": task, "device": "iPhone 16", "os_build": "27", "outcome": "failed"}
    )
    return a


def test_filters_keep_rows_and_columns(world, login, board):
    client = login(board.office_user)
    everything = client.get("/operations/compatibility/").content.decode()
    names = rows_of(everything)
    assert board.app.name in names and board.app2.name in names
    assert columns_of(everything) == ["27", "16"]

    android = client.get("/operations/compatibility/?platform=android").content.decode()
    assert columns_of(android) == ["16"]
    assert 'data-state="failed"' not in android  # the failed cell is iOS's

    failed = client.get("/operations/compatibility/?state=failed").content.decode()
    assert rows_of(failed) == [board.app.name]
    assert total(failed, "failed") == 1
    assert total(everything, "not_applicable") > 0
    assert total(failed, "not_applicable") == 0  # the totals count the kept apps only

    by_code = client.get(f"/operations/compatibility/?q={board.app2.code.lower()}").content.decode()
    assert rows_of(by_code) == [board.app2.name]
    none = client.get("/operations/compatibility/?q=no-such-app").content.decode()
    assert rows_of(none) == [] and 'id="compat-none"' in none

    ignored = client.get("/operations/compatibility/?platform=symbian&state=bogus").content.decode()
    assert rows_of(ignored) == names  # unknown values filter nothing


def test_paging_carries_the_filters(world, login, board, monkeypatch):
    from appgov.operations.views import compat

    monkeypatch.setattr(compat, "MATRIX_PAGE_SIZE", 1)
    client = login(board.office_user)
    first = client.get("/operations/compatibility/?platform=ios").content.decode()
    names = rows_of(first)
    assert len(names) == 1
    link = re.search(r'href="\?([^"]*page=2)"', first)
    assert link and "platform=ios" in link.group(1)
    second = client.get("/operations/compatibility/?" + link.group(1).replace("&amp;", "&")).content.decode()
    assert len(rows_of(second)) == 1 and rows_of(second) != names
    assert columns_of(second) == ["27"]


def test_examiner_filters_by_institution(world, login):
    a, b = world.a, world.b
    release(a, "16", "android", api=36)
    release(b, "16", "android", api=36)
    client = login(world.reg_in)
    page = client.get("/operations/compatibility/").content.decode()
    if 'name="institution"' not in page:  # the examiner's jurisdiction holds a single institution
        assert "ZQX手机银行" in page
        return
    only_b = client.get(f"/operations/compatibility/?institution={b.inst.pk}").content.decode()
    assert "ZQX手机银行" in only_b and "ALPHA" not in "".join(rows_of(only_b))


def test_excel_export_keeps_the_filters(world, login, board):
    import io

    from openpyxl import load_workbook

    client = login(board.office_user)
    page = client.get("/operations/compatibility/?state=failed").content.decode()
    link = re.search(r'id="compat-xlsx" href="([^"]*)"', page).group(1).replace("&amp;", "&")
    assert "state=failed" in link
    response = client.get(link)
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["兼容性矩阵"]
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][:3] == ("机构", "应用编号", "应用") and rows[0][5] == "未满足的应用市场要求" and rows[0][6].startswith("iOS 27")
    assert [r[1] for r in rows[1:]] == [board.app.code]  # the failed filter keeps one app
    assert rows[1][6] == "未通过" and sheet.cell(row=2, column=7).fill.fgColor.rgb.endswith("F8D7DA")
    everything = load_workbook(io.BytesIO(client.get("/operations/compatibility/report.xlsx").content))
    codes = [r[1] for r in everything["兼容性矩阵"].iter_rows(min_row=2, values_only=True)]
    assert board.app.code in codes and board.app2.code in codes
    summary = dict(everything["汇总"].iter_rows(min_row=2, max_row=5, values_only=True))
    assert summary["未通过"] == 1 and summary["不适用"] >= 2
