"""Daily figures in: CSV, XLSX, JSON Lines and the API batch; all or nothing, problems named by line and column,
re-sending a day replaces it."""

import datetime
import io

import pytest
from ops_helpers import days_of

from appgov.core.models import ChangeLogEntry
from appgov.operations.metrics_format import BatchRefused
from appgov.operations.models import DailyMetric, MetricUpload


def _csv(world, today, extra=""):
    day = (today - datetime.timedelta(days=1)).isoformat()
    code = world.a.app.code
    return (
        "app,day,metric,value,version,platform\n"
        f"{code},{day},dau,12000,,\n"
        f"{code},{day},crash_rate,0.35,,\n"
        f"{code},{day},dau,8000,8.2.1,android\n" + extra
    )


def test_a_csv_is_stored_and_logged(world, send, today):
    upload = send(_csv(world, today), "figures.csv")
    rows = DailyMetric.objects.filter(app=world.a.app)
    assert rows.count() == 3
    assert rows.get(metric="dau", platform="").value == 12000
    assert rows.get(metric="dau", platform="android").version == "8.2.1"
    assert (upload.source, upload.rows, upload.apps, upload.replaced) == ("csv", 3, 1, 0)
    assert ChangeLogEntry.objects.filter(
        object_type="operations.metricupload", object_id=str(upload.pk)
    ).exists()


def test_resending_a_day_replaces_it(world, send, today):
    send(_csv(world, today), "figures.csv")
    day = (today - datetime.timedelta(days=1)).isoformat()
    again = send(f"app,day,metric,value\n{world.a.app.code},{day},dau,13000\n", "again.csv")
    rows = DailyMetric.objects.filter(app=world.a.app)
    assert list(rows.values_list("metric", "value")) == [("dau", 13000.0)]
    assert again.replaced == 3


@pytest.mark.parametrize(
    "body, line, column, words",
    [
        ("app,day,metric,amount\nX,2026-01-01,dau,1\n", 1, "value", "required column missing"),
        ("app,day,metric,value,colour\n", 1, "colour", "unknown column"),
        ("app,day,metric,value\n{code},{day},dau,lots\n", 2, "value", "“lots” is not a number"),
        ("app,day,metric,value\n{code},{day},crash_rate,140\n", 2, "value", "outside 0–100"),
        ("app,day,metric,value\n{code},{day},dau,-5\n", 2, "value", "whole number"),
        ("app,day,metric,value\n{code},31/01/2026,dau,5\n", 2, "day", "not a date"),
        ("app,day,metric,value\n{code},{day},happiness,5\n", 2, "metric", "unknown metric"),
        (
            "app,day,metric,value\nNO-SUCH-APP,{day},dau,5\n",
            2,
            "app",
            "no app with the ledger code “NO-SUCH-APP”",
        ),
        ("app,day,metric,value\n{code},{day},dau,5\n{code},{day},dau,6\n", 3, "app, day, metric", "line 2"),
    ],
)
def test_a_bad_file_names_line_and_column_and_stores_nothing(world, send, today, body, line, column, words):
    day = (today - datetime.timedelta(days=1)).isoformat()
    before = ChangeLogEntry.objects.count()
    good = f"{world.a.app.code},{day},mau,100\n"
    text = body.format(code=world.a.app.code, day=day)
    if line > 1:
        text += good  # a good row after the bad one is not stored either
    with pytest.raises(BatchRefused) as refused:
        send(text, "bad.csv")
    problem = refused.value.problems[0]
    assert (problem.line, problem.column) == (line, column), refused.value.problems
    assert words in problem.message
    assert f"line {line}" in str(problem)
    assert not DailyMetric.objects.exists() and not MetricUpload.objects.exists()
    assert ChangeLogEntry.objects.count() == before


def test_another_institutions_app_code_is_unknown(world, send, today):
    day = (today - datetime.timedelta(days=1)).isoformat()
    with pytest.raises(BatchRefused, match="no app with the ledger code"):
        send(f"app,day,metric,value\n{world.b.app.code},{day},dau,5\n", "b.csv")
    assert not DailyMetric.objects.exists()


def test_a_future_day_is_refused(world, send, today):
    day = (today + datetime.timedelta(days=1)).isoformat()
    with pytest.raises(BatchRefused, match="in the future"):
        send(f"app,day,metric,value\n{world.a.app.code},{day},dau,5\n", "f.csv")


def test_xlsx_and_json_lines(world, today):
    from openpyxl import Workbook

    from appgov.operations import services

    day = today - datetime.timedelta(days=2)
    book = Workbook()
    book.active.append(["app", "day", "metric", "value"])
    book.active.append([world.a.app.code, day, "availability", 99.91])
    book.active.append([world.a.app.code, day, "rating", 4.6])
    data = io.BytesIO()
    book.save(data)
    services.metrics.receive_file(world.a.inst, world.a.office_user, data.getvalue(), "f.xlsx")
    lines = (
        f'{{"app": "{world.a.app.code}", "day": "{day}", "metric": "complaints", "value": 4}}\n'
        f'{{"app": "{world.a.app.code}", "day": "{day}", "metric": "p95_ms", "value": 380.5, "platform": "ios"}}\n'
    )
    # the JSON Lines file re-sends the same app's day: it replaces what the workbook sent
    upload = services.metrics.receive_file(world.a.inst, world.a.office_user, lines.encode(), "f.jsonl")
    assert upload.replaced == 2
    assert set(DailyMetric.objects.values_list("metric", "platform")) == {
        ("complaints", ""),
        ("p95_ms", "ios"),
    }
    with pytest.raises(BatchRefused) as refused:
        services.metrics.receive_file(world.a.inst, world.a.office_user, b'{"app": 1}\nnot json\n', "g.jsonl")
    assert refused.value.problems[0].line == 2


def test_api_batch_and_refusals(world, api, today):
    rows = days_of(
        world.a.app, today - datetime.timedelta(days=3), today - datetime.timedelta(days=1), dau=5, mau=50
    )
    client = api(world.a.office_user)
    answer = client.post("/api/operations/metrics/batch/", {"rows": rows}, format="json")
    assert answer.status_code == 201, answer.content
    assert answer.json()["rows"] == 6 and DailyMetric.objects.count() == 6
    bad = client.post(
        "/api/operations/metrics/batch/",
        {"rows": [{"app": world.a.app.code, "day": "2026-02-30", "metric": "dau", "value": "x"}]},
        format="json",
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert bad.status_code == 400
    messages = bad.json()["errors"]["rows"]
    assert any("line 1, column day" in m for m in messages) and any("column value" in m for m in messages)
    assert DailyMetric.objects.count() == 6
    listed = client.get(f"/api/operations/metrics/?app={world.a.app.pk}&metric=dau").json()
    assert listed["count"] == 3
    # read-only roles may read, not push
    for user in (world.a.users["auditor"], world.reg_out):
        assert (
            api(user).post("/api/operations/metrics/batch/", {"rows": rows}, format="json").status_code == 403
        )
    assert DailyMetric.objects.count() == 6


def test_api_file_upload(world, api, today):
    from django.core.files.uploadedfile import SimpleUploadedFile

    day = (today - datetime.timedelta(days=1)).isoformat()
    body = f"app,day,metric,value\n{world.a.app.code},{day},dau,77\n".encode()
    answer = api(world.a.office_user).post(
        "/api/operations/uploads/file/", {"file": SimpleUploadedFile("d.csv", body)}, format="multipart"
    )
    assert answer.status_code == 201, answer.content
    assert DailyMetric.objects.get().value == 77
