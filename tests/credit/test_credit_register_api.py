"""The calendar, staff subject ids and app connections through the REST API: writes go through the same
services as the pages (their rules hold), scoped, read-only for readers and regulators."""

from django.core.files.uploadedfile import SimpleUploadedFile

from appgov.core.models import ChangeLogEntry
from appgov.credit.models import CalendarDay, CreditAppConnection, StaffSubject


def _english(client):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"  # messages matched in their English source form
    return client


def test_calendar_days_use_the_calendar_service(credit, api):
    officer = _english(api(credit["officer"]))
    made = officer.post(
        "/api/credit/calendar-days/",
        {"date": "2026-10-10", "is_workday": True, "name": "调休上班"},
        format="json",
    )
    assert made.status_code == 201, made.content
    body = made.json()
    # a working day given without hours works the standard hours (the service fills them in)
    assert body["work_start"] == "08:30:00" and body["work_end"] == "17:30:00"
    again = officer.post("/api/credit/calendar-days/", {"date": "2026-10-10", "name": "x"}, format="json")
    assert again.status_code == 400
    entry = ChangeLogEntry.objects.filter(object_type="credit.calendarday", object_id=str(body["id"]))
    assert entry.exists()
    listed = officer.get("/api/credit/calendar-days/?date__gte=2026-10-01&date__lte=2026-10-31").json()
    assert [d["date"] for d in listed["results"]] == ["2026-10-10"]
    assert officer.delete(f"/api/credit/calendar-days/{body['id']}/").status_code == 204
    assert not CalendarDay.objects.filter(pk=body["id"]).exists()


def test_calendar_import_is_all_or_nothing(credit, api):
    officer = _english(api(credit["officer"]))
    before = CalendarDay.objects.count()
    bad = SimpleUploadedFile("h.csv", "date,is_workday\n2026-05-01,否\n2026-05-02,也许\n".encode())
    refused = officer.post("/api/credit/calendar-days/import/", {"file": bad}, format="multipart")
    assert refused.status_code == 400
    assert "h.csv, line 3, column 'is_workday'" in refused.content.decode()
    assert CalendarDay.objects.count() == before
    good = SimpleUploadedFile("h.csv", "date,is_workday,name\n2026-05-01,否,劳动节\n".encode())
    stored = officer.post("/api/credit/calendar-days/import/", {"file": good}, format="multipart")
    assert stored.status_code == 201 and stored.json() == {"created": 1, "updated": 0, "unchanged": 0}
    same = SimpleUploadedFile("h.csv", "date,is_workday,name\n2026-05-01,否,劳动节\n".encode())
    assert officer.post("/api/credit/calendar-days/import/", {"file": same}, format="multipart").json() == {
        "created": 0,
        "updated": 0,
        "unchanged": 1,
    }


def test_staff_subject_ids_are_unique_per_institution(credit, api, world):
    officer = _english(api(credit["officer"]))
    first = officer.post(
        "/api/credit/staff-subjects/",
        {"person": credit["clerk"].pk, "subject_pseudonym": "S-API-1"},
        format="json",
    )
    assert first.status_code == 201, first.content
    other = world.a.people["P001"]
    clash = officer.post(
        "/api/credit/staff-subjects/", {"person": other.pk, "subject_pseudonym": "S-API-1"}, format="json"
    )
    assert clash.status_code == 400 and "already registered" in clash.content.decode()
    foreign = officer.post(
        "/api/credit/staff-subjects/",
        {"person": world.b.people["P001"].pk, "subject_pseudonym": "S-API-2"},
        format="json",
    )
    assert foreign.status_code == 400  # another institution's person is not a valid choice
    assert StaffSubject.objects.filter(subject_pseudonym__startswith="S-API").count() == 1


def test_app_connections_end_rather_than_vanish(credit, api, world):
    officer = _english(api(credit["officer"]))
    made = officer.post(
        "/api/credit/app-connections/",
        {"app": world.a.app.pk, "client_app_id": "API-CLIENT", "approved_from": "2026-01-01"},
        format="json",
    )
    assert made.status_code == 201, made.content
    pk = made.json()["id"]
    url = f"/api/credit/app-connections/{pk}/"
    assert officer.delete(url).status_code == 405
    early = officer.post(url + "end/", {"on": "2025-12-01", "reason": "停用"}, format="json")
    assert early.status_code == 400 and "cannot precede" in early.content.decode()
    ended = officer.post(url + "end/", {"on": "2026-06-30", "reason": "应用下线"}, format="json")
    assert ended.status_code == 200
    assert ended.json()["approved_to"] == "2026-06-30" and ended.json()["retirement_reason"] == "应用下线"
    assert CreditAppConnection.objects.get(pk=pk).approved_to.isoformat() == "2026-06-30"


def test_readers_and_regulators_cannot_write_and_others_see_nothing(credit, api, world):
    body = {"date": "2026-12-24", "name": "x"}
    assert (
        api(world.a.users["read_only"]).post("/api/credit/calendar-days/", body, format="json").status_code
        == 403
    )
    assert api(world.reg_hq).post("/api/credit/calendar-days/", body, format="json").status_code == 403
    upload = SimpleUploadedFile("h.csv", "date,is_workday\n2026-05-01,否\n".encode())
    assert api(world.reg_hq).post("/api/credit/calendar-days/import/", {"file": upload}).status_code == 403
    mine = CreditAppConnection.objects.filter(
        app__institution=world.a.inst
    ).first() or CreditAppConnection.objects.create(app=world.a.app, client_app_id="A-ONLY")
    b_admin = api(world.b.admin)
    assert b_admin.get(f"/api/credit/app-connections/{mine.pk}/").status_code == 404
    assert (
        b_admin.post(
            f"/api/credit/app-connections/{mine.pk}/end/", {"on": "2026-01-01", "reason": "x"}
        ).status_code
        == 404
    )


def test_an_oversized_calendar_file_is_refused_by_name(credit, api):
    officer = _english(api(credit["officer"]))
    big = SimpleUploadedFile("huge.csv", b"date,is_workday\n" + b"2026-05-01,0\n" * 200_000)
    refused = officer.post("/api/credit/calendar-days/import/", {"file": big}, format="multipart")
    assert refused.status_code == 400 and "huge.csv: larger than 2 MB" in refused.content.decode()
