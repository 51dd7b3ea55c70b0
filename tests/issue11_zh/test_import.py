"""Issue 11 item 7: the ledger import says what a dry run would do, never skips the lifecycle gates, reports
every problem of every row in one pass, and refuses what the app form refuses (one validation for both)."""

import io

import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from appgov.core.models import ChangeLogEntry
from appgov.ledger import spreadsheet
from appgov.ledger.models import MobileApp

pytestmark = pytest.mark.django_db


def workbook(*rows) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = spreadsheet.SHEET
    ws.append([c.header for c in spreadsheet.COLUMNS])
    for values in rows:
        base = {"应用类型": "APP", "服务对象": "外部客户"} | values
        ws.append([base.get(c.header) for c in spreadsheet.COLUMNS])
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def upload(client, data, **extra):
    return client.post(reverse("ledger:import"), {"file": SimpleUploadedFile("l.xlsx", data), **extra})


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


def test_dry_run_says_what_would_happen(world, login):
    client = login(world.a.office_user)
    response = upload(client, workbook({"应用编号": "DRY-1", "应用名称": "试运行"}), dry_run="1")
    said = " ".join(messages_of(response)) + response.content.decode()
    assert "将新增 1 条" in said, said
    assert "导入完成" not in said and "未写入" in said
    assert not MobileApp.objects.filter(code="DRY-1").exists()
    response = upload(client, workbook({"应用编号": "DRY-1", "应用名称": "试运行"}))
    assert "导入完成" in " ".join(messages_of(response))


def test_a_new_app_cannot_be_imported_past_the_gates(world, login):
    client = login(world.a.office_user)
    count = ChangeLogEntry.objects.count()
    response = upload(
        client, workbook({"应用编号": "GATE-1", "应用名称": "跳过门禁", "生命周期状态": "运营中"})
    )
    problems = response.context["result"].problems
    assert [(p.row, p.column) for p in problems] == [(2, "生命周期状态")], problems
    assert "门禁" in problems[0].reason
    assert not MobileApp.objects.filter(code="GATE-1").exists() and ChangeLogEntry.objects.count() == count
    response = upload(client, workbook({"应用编号": "GATE-1", "应用名称": "拟建", "生命周期状态": "拟建"}))
    assert MobileApp.objects.get(code="GATE-1").state == "proposed"


def test_every_problem_of_every_row_in_one_pass(world, login):
    client = login(world.a.office_user)
    response = upload(
        client,
        workbook(
            {
                "应用编号": "ALL-1",
                "应用名称": "坏行",
                "重要信息系统": "也许",
                "等保级别": 9,
                "隐私政策链接": "not a url",
            },
            {"应用编号": "ALL-2", "应用名称": "", "等保测评日期": "明天", "等保级别": 7},
        ),
    )
    problems = {(p.row, p.column) for p in response.context["result"].problems}
    assert {
        (2, "重要信息系统"),
        (2, "等保级别"),
        (2, "隐私政策链接"),
        (3, "应用名称"),
        (3, "等保测评日期"),
        (3, "等保级别"),
    } <= problems, problems


BAD_MINI_PROGRAM = {
    "应用编号": "MP-BAD",
    "应用名称": "坏小程序",
    "应用类型": "小程序",
    "运行平台": "安卓",
    "安卓包名": "Bad Package",
}


def test_the_form_refuses_what_the_import_refuses(world, login):
    client = login(world.a.office_user)
    response = upload(client, workbook(BAD_MINI_PROGRAM))
    by_column = {p.column: p.reason for p in response.context["result"].problems}
    assert set(by_column) == {"运行平台", "安卓包名"}, by_column
    form = client.post(
        reverse("ledger:app-create"),
        {
            "code": "MP-BAD",
            "name": "坏小程序",
            "kind": "mini_program",
            "audience": "external",
            "platforms": ["android"],
            "android_packages": "Bad Package",
            "state": "proposed",
        },
    )
    assert form.status_code == 200, form.status_code  # the form again, with the errors
    errors = form.context["form"].errors
    assert "platforms" in errors and "android_packages" in errors, errors
    assert not MobileApp.objects.filter(code="MP-BAD").exists()
