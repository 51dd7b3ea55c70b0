from conftest import events_csv
from django.core.files.uploadedfile import SimpleUploadedFile

from appgov.credit.models import QueryLogBatch

PAGES = [
    "/credit/",
    "/credit/accounts/",
    "/credit/access-reviews/",
    "/credit/daily-review/",
    "/credit/logs/",
    "/credit/rule-metrics/",
    "/credit/authorizations/",
    "/credit/kiosks/",
    "/credit/bulk-data/",
    "/credit/dissents/",
    "/credit/complaints/",
    "/credit/reports/",
    "/credit/leading-group/",
]


def test_every_page_renders_for_officer_and_regulator(credit, world, login):
    for user in (credit["officer"], world.reg_out, world.reg_in):
        client = login(user)
        for url in PAGES:
            assert client.get(url).status_code == 200, (user.username, url)


def test_b_never_sees_a_credit_data_and_regulators_only_read(credit, world, login, api):
    page = login(world.b.admin).get("/credit/accounts/")
    assert "OP100" not in page.content.decode()
    assert login(world.b.admin).get(f"/credit/accounts/{credit['account'].pk}/").status_code == 404
    assert "OP100" in login(world.reg_out).get("/credit/accounts/").content.decode()  # A's examiner reads
    assert "OP100" not in login(world.reg_in).get("/credit/accounts/").content.decode()
    assert api(world.b.admin).get("/api/credit/accounts/").json()["count"] == 0
    assert api(world.reg_out).get("/api/credit/accounts/").json()["count"] == 1
    response = login(world.reg_out).post(
        f"/credit/accounts/{credit['account'].pk}/", {"action": "disable", "reason": "x"}
    )
    assert response.status_code == 403
    assert (
        api(world.reg_out).post("/api/credit/kiosks/", {"terminal_id": "K"}, format="json").status_code == 403
    )


def test_bad_upload_through_the_page_names_the_problem(credit, login):
    bad = events_csv([("E1", "not a time", "OP100", "BR01", "S", "本人查询", "counter", "", "", "", "", "")])
    response = login(credit["officer"]).post(
        "/credit/logs/", {"table": "query_events", "file": SimpleUploadedFile("bad.csv", bad)}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert "bad.csv" in text and "ts" in text and "line 2" in text
    assert not QueryLogBatch.objects.exists()


def test_officer_cannot_approve_own_request_through_the_api(credit, api):
    from appgov.credit import services

    change = services.request_change(credit["account"], "disable", "离岗", credit["officer"])
    assert api(credit["officer"]).post(f"/api/credit/account-changes/{change.pk}/approve/").status_code == 403
    assert (
        api(credit["approver"]).post(f"/api/credit/account-changes/{change.pk}/approve/").status_code == 200
    )
