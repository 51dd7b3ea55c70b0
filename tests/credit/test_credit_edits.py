"""Editing the registers and their retire / withdraw / end / delete steps, the calendar, staff subject ids
and app connections pages, the password-change form: through the pages, scoped and change-logged."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation

from appgov.core import services as core
from appgov.core.models import ChangeLogEntry
from appgov.credit import monitoring, services
from appgov.credit.models import (
    Authorization,
    BulkDataRequest,
    CalendarDay,
    Complaint,
    CreditAppConnection,
    DissentCase,
    Kiosk,
    SecurityReport,
    StaffSubject,
    WorkingHours,
)

NEW_PAGES = ["/credit/calendar/", "/credit/staff-subjects/", "/credit/app-connections/"]


@pytest.fixture(autouse=True)
def english(settings):
    """Messages are matched in their English source form: pages (no Accept-Language) and services."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def _log_count(obj):
    return ChangeLogEntry.objects.filter(object_type=obj._meta.label_lower, object_id=str(obj.pk)).count()


@pytest.fixture
def entries(credit):
    inst, branch, officer = credit["inst"], credit["branch"], credit["officer"]
    now = timezone.now()
    return {
        "kiosk": core.save(
            Kiosk(
                institution=inst,
                terminal_id="K-1",
                branch=branch,
                network_segment="10.9.1.0/24",
                open_from=datetime.time(8),
                open_to=datetime.time(18),
            ),
            officer,
        ),
        "auth": core.save(
            Authorization(
                institution=inst,
                authorization_no="SQ-1",
                subject_pseudonym="S-1",
                purpose="贷款审批",
                signed_at=now - datetime.timedelta(days=2),
                valid_from=now - datetime.timedelta(days=2),
            ),
            officer,
        ),
        "bulk": core.save(
            BulkDataRequest(
                institution=inst,
                reference="PL-1",
                purpose="模型验证",
                data_scope="脱敏特征",
                recipient="风险部",
                requested_by=officer,
                requested_on=datetime.date(2026, 3, 1),
                retention_until=datetime.date(2026, 6, 1),
            ),
            officer,
        ),
        "dissent": core.save(
            DissentCase(
                institution=inst,
                reference="YY-1",
                subject_pseudonym="S-9",
                received_on=datetime.date(2026, 3, 1),
                content="逾期记录有误",
            ),
            officer,
        ),
        "complaint": core.save(
            Complaint(
                institution=inst,
                reference="TS-1",
                received_on=datetime.date(2026, 3, 1),
                channel="95000",
                summary="x",
            ),
            officer,
        ),
        "report": core.save(
            SecurityReport(
                institution=inst,
                kind="status_report",
                submitted_on=datetime.date(2026, 1, 10),
                submitted_to="人民银行",
                reference="RPT-1",
            ),
            officer,
        ),
    }


def test_every_register_is_edited_through_its_page_and_logged(credit, entries, login):
    client = login(credit["officer"])
    branch = credit["branch"].pk
    posts = {
        ("kiosk", "kiosks"): {
            "terminal_id": "K-1",
            "branch": branch,
            "network_segment": "10.9.2.0/24",
            "open_from": "08:00",
            "open_to": "17:00",
            "in_service": "on",
        },
        ("auth", "authorizations"): {
            "authorization_no": "SQ-1",
            "subject_pseudonym": "S-1B",
            "purpose": "贷款审批",
            "signed_at": "2026-03-01T09:00",
            "valid_from": "2026-03-01T09:00",
        },
        ("bulk", "bulk-data"): {
            "reference": "PL-1",
            "purpose": "模型验证（修订）",
            "data_scope": "脱敏特征",
            "recipient": "风险部",
            "requested_on": "2026-03-01",
            "retention_until": "2026-07-01",
        },
        ("dissent", "dissents"): {
            "reference": "YY-1",
            "subject_pseudonym": "S-9",
            "received_on": "2026-03-02",
            "content": "逾期记录有误（补充）",
        },
        ("complaint", "complaints"): {
            "reference": "TS-1",
            "received_on": "2026-03-01",
            "channel": "来信",
            "summary": "x",
        },
        ("report", "reports"): {
            "kind": "status_report",
            "submitted_on": "2026-01-10",
            "submitted_to": "人民银行杭州中心支行",
            "reference": "RPT-1",
            "issues_found": "3",
        },
    }
    for (key, prefix), data in posts.items():
        obj = entries[key]
        before = _log_count(obj)
        url = f"/credit/{prefix}/{obj.pk}/edit/"
        assert client.get(url).status_code == 200, url
        response = client.post(url, data)
        assert response.status_code == 302, (url, response.context and response.context["form"].errors)
        assert _log_count(obj) == before + 1, url
    entries["kiosk"].refresh_from_db()
    assert entries["kiosk"].network_segment == "10.9.2.0/24"
    entries["dissent"].refresh_from_db()
    # day 20 is Sunday 22 March: the deadline moves to Monday 23 March (credit working calendar)
    assert entries["dissent"].deadline == datetime.date(2026, 3, 23)
    # bad input comes back on the form, nothing changes
    response = client.post(
        f"/credit/kiosks/{entries['kiosk'].pk}/edit/", {**posts[("kiosk", "kiosks")], "open_to": "07:00"}
    )
    assert response.status_code == 200 and "open_to" in response.context["form"].errors


def test_decided_entries_are_not_edited(credit, entries, login):
    officer, approver = credit["officer"], credit["approver"]
    services.approve_bulk_request(entries["bulk"], approver)
    with pytest.raises(ValidationError, match="until it is decided"):
        services.edit_entry(BulkDataRequest.objects.get(pk=entries["bulk"].pk), officer)
    services.answer_dissent(entries["dissent"], datetime.date(2026, 3, 5), "已更正", "回复函", officer)
    response = login(officer).post(
        f"/credit/dissents/{entries['dissent'].pk}/edit/",
        {"reference": "YY-1", "subject_pseudonym": "S-9", "received_on": "2026-03-20", "content": "改"},
    )
    assert response.status_code == 200 and "no longer be edited" in response.content.decode()
    assert response.context["form"] is None
    entries["dissent"].refresh_from_db()
    assert entries["dissent"].received_on == datetime.date(2026, 3, 1)


def test_kiosk_retired_leaves_the_engine_register(credit, entries, login, day):
    client = login(credit["officer"])
    kiosk = entries["kiosk"]
    url = f"/credit/kiosks/{kiosk.pk}/retire/"
    client.post(url, {"on": "2026-03-09", "reason": ""})
    kiosk.refresh_from_db()
    assert kiosk.in_service  # a reason is required
    assert client.post(url, {"on": "2026-03-09", "reason": "设备报废"}).status_code == 302
    kiosk.refresh_from_db()
    assert not kiosk.in_service and kiosk.retired_on == datetime.date(2026, 3, 9)
    assert kiosk.retirement_reason == "设备报废"
    assert monitoring.export_tables(credit["inst"], day)["kiosks"].num_rows == 0


def test_authorization_withdrawn_ends_its_validity_and_locks_it(credit, entries, login):
    client = login(credit["officer"])
    auth = entries["auth"]
    assert (
        client.post(f"/credit/authorizations/{auth.pk}/withdraw/", {"reason": "客户撤回授权"}).status_code
        == 302
    )
    auth.refresh_from_db()
    assert auth.withdrawn_at is not None and auth.valid_to == auth.withdrawn_at
    assert auth.withdrawal_reason == "客户撤回授权"
    with pytest.raises(ValidationError, match="withdrawn"):
        services.edit_entry(auth, credit["officer"])
    with pytest.raises(ValidationError, match="after the start"):
        fresh = core.save(
            Authorization(
                institution=credit["inst"],
                authorization_no="SQ-2",
                subject_pseudonym="S-2",
                purpose="贷款审批",
                signed_at=timezone.now(),
                valid_from=timezone.now(),
            )
        )
        services.withdraw_authorization(fresh, fresh.valid_from - datetime.timedelta(hours=1), "x", None)


def test_bulk_rejection_needs_an_approver_and_a_reason(credit, entries, login, world):
    bulk = entries["bulk"]
    officer, approver = credit["officer"], credit["approver"]
    with pytest.raises(ValidationError):
        services.reject_bulk_request(bulk, " ", approver)
    login(approver).post(f"/credit/bulk-data/{bulk.pk}/reject/", {"decision_note": "目的不充分"})
    bulk.refresh_from_db()
    assert bulk.status == "rejected" and bulk.decision_note == "目的不充分" and bulk.approved_by == approver
    with translation.override("en"), pytest.raises(ValidationError, match="pending"):
        services.approve_bulk_request(bulk, approver)
    other = core.save(
        BulkDataRequest(
            institution=credit["inst"],
            reference="PL-2",
            purpose="x",
            data_scope="x",
            recipient="x",
            requested_by=officer,
            requested_on=datetime.date(2026, 3, 1),
            retention_until=datetime.date(2026, 6, 1),
        )
    )
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.reject_bulk_request(other, "x", world.a.users["read_only"])


def test_password_change_form(credit, login, world):
    account = credit["account"]
    client = login(credit["officer"])
    url = f"/credit/accounts/{account.pk}/password/"
    assert client.post(url, {"password_changed_at": "2026-03-01T10:30"}).status_code == 302
    account.refresh_from_db()
    assert timezone.localtime(account.password_changed_at).strftime("%Y-%m-%d %H:%M") == "2026-03-01 10:30"
    future = (timezone.localtime() + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    client.post(url, {"password_changed_at": future})
    account.refresh_from_db()
    assert account.password_changed_at.year == 2026 and account.password_changed_at < timezone.now()
    rows = monitoring.operators_rows(credit["inst"])
    assert rows[0]["password_changed_at"].startswith("2026-03-01 10:30")
    assert (
        login(world.a.users["read_only"]).post(url, {"password_changed_at": "2026-03-02T10:30"}).status_code
        == 403
    )
    assert login(world.b.admin).post(url, {"password_changed_at": "2026-03-02T10:30"}).status_code == 404


def test_calendar_page_adds_imports_and_refuses_bad_files(credit, login, world):
    client = login(credit["officer"])
    response = client.post(
        "/credit/calendar/",
        {
            "form": "hours",
            "hours-weekday": "6",
            "hours-is_workday": "on",
            "hours-work_start": "09:00",
            "hours-work_end": "12:00",
            "hours-branch": credit["branch"].pk,
        },
    )
    assert response.status_code == 302
    assert WorkingHours.objects.get().branch == credit["branch"]
    response = client.post(
        "/credit/calendar/",
        {"form": "day", "day-date": "2026-02-14", "day-is_workday": "on", "day-name": "调休上班"},
    )
    assert response.status_code == 302
    makeup = CalendarDay.objects.get()
    assert (makeup.work_start, makeup.work_end) == (datetime.time(8, 30), datetime.time(17, 30))
    bad = SimpleUploadedFile("h.csv", "date,is_workday\n2026-05-01,否\n2026-05-02,也许\n".encode())
    response = client.post("/credit/calendar/", {"form": "import", "file": bad})
    assert response.status_code == 200
    assert "h.csv, line 3, column &#x27;is_workday&#x27;" in response.content.decode()
    assert CalendarDay.objects.count() == 1
    good = SimpleUploadedFile("h.csv", "date,is_workday,name\n2026-05-01,否,劳动节\n".encode())
    assert client.post("/credit/calendar/", {"form": "import", "file": good}).status_code == 302
    assert client.post("/credit/calendar/", {"form": "prc2026"}).status_code == 302
    assert CalendarDay.objects.filter(institution=credit["inst"]).count() == 39
    page = client.get("/credit/calendar/?year=2026").content.decode()
    assert "春节放假" in page and "2026-02-14" in page
    day = CalendarDay.objects.get(date=datetime.date(2026, 5, 1))
    assert client.post(f"/credit/calendar/days/{day.pk}/delete/").status_code == 302
    assert not CalendarDay.objects.filter(pk=day.pk).exists()
    assert ChangeLogEntry.objects.filter(object_type="credit.calendarday", action="delete").count() == 1
    # a reader and the regulator read only; another institution sees none of it
    viewer = login(world.a.users["read_only"])
    assert viewer.get("/credit/calendar/").status_code == 200
    assert viewer.post("/credit/calendar/", {"form": "prc2026"}).status_code == 403
    assert login(world.reg_out).post("/credit/calendar/", {"form": "prc2026"}).status_code == 403
    other = login(world.b.admin)
    assert "春节放假" not in other.get("/credit/calendar/?year=2026").content.decode()
    assert other.get(f"/credit/calendar/days/{makeup.pk}/edit/").status_code == 404
    assert viewer.get(f"/credit/calendar/days/{makeup.pk}/edit/").status_code == 403


def test_staff_subjects_page(credit, login, world):
    client = login(credit["officer"])
    clerk = credit["clerk"]
    assert "ALPHA王五" in client.get("/credit/staff-subjects/").content.decode()  # listed as missing
    assert (
        client.post(
            "/credit/staff-subjects/", {"person": clerk.pk, "subject_pseudonym": "SUBJ-77"}
        ).status_code
        == 302
    )
    subject = StaffSubject.objects.get(person=clerk)
    response = client.post(
        "/credit/staff-subjects/", {"person": world.a.people["P001"].pk, "subject_pseudonym": "SUBJ-77"}
    )
    assert response.status_code == 200 and "already registered" in response.content.decode()
    rows = {r["person_id"]: r for r in monitoring.employees_rows(credit["inst"])}
    assert rows["C100"]["subject_id"] == "SUBJ-77"
    assert (
        client.post(
            f"/credit/staff-subjects/{subject.pk}/edit/", {"person": clerk.pk, "subject_pseudonym": "SUBJ-78"}
        ).status_code
        == 302
    )
    subject.refresh_from_db()
    assert subject.subject_pseudonym == "SUBJ-78"
    assert login(world.b.admin).get(f"/credit/staff-subjects/{subject.pk}/edit/").status_code == 404
    assert login(world.b.admin).post(f"/credit/staff-subjects/{subject.pk}/delete/").status_code == 404
    assert "SUBJ-78" not in login(world.b.admin).get("/credit/staff-subjects/").content.decode()
    assert login(world.reg_out).post(f"/credit/staff-subjects/{subject.pk}/delete/").status_code == 403
    assert client.post(f"/credit/staff-subjects/{subject.pk}/delete/").status_code == 302
    assert not StaffSubject.objects.exists()


def test_app_connections_page_and_q04_export(credit, login, world, day):
    client = login(credit["officer"])
    app = world.a.app
    data = {
        "app": app.pk,
        "client_app_id": "cn.alpha.mobile",
        "approval_reference": "征信接入审批 2026-01",
        "approved_from": "2026-01-01",
    }
    assert client.post("/credit/app-connections/", {**data, "approved_to": "2025-12-01"}).status_code == 200
    assert client.post("/credit/app-connections/", data).status_code == 302
    connection = CreditAppConnection.objects.get()
    assert "approved" in client.get("/credit/app-connections/").content.decode()
    exported = monitoring.export_tables(credit["inst"], day)["approved_apps"].to_pylist()
    assert exported[0]["client_app_id"] == "cn.alpha.mobile" and exported[0]["approved_to"] is None
    response = client.post(
        f"/credit/app-connections/{connection.pk}/end/", {"on": "2026-03-05", "reason": "应用下线"}
    )
    assert response.status_code == 302
    connection.refresh_from_db()
    assert connection.approved_to == datetime.date(2026, 3, 5) and connection.retirement_reason == "应用下线"
    exported = monitoring.export_tables(credit["inst"], day)["approved_apps"].to_pylist()
    assert exported[0]["approved_to"] == datetime.datetime(2026, 3, 6)
    # B's app cannot be chosen by A; B does not see A's connection
    response = client.post("/credit/app-connections/", {**data, "app": world.b.app.pk, "client_app_id": "x"})
    assert response.status_code == 200 and "app" in response.context["form"].errors
    assert "cn.alpha.mobile" not in login(world.b.admin).get("/credit/app-connections/").content.decode()
    assert (
        login(world.a.users["read_only"]).get(f"/credit/app-connections/{connection.pk}/edit/").status_code
        == 403
    )


def test_new_pages_render_for_every_reader(credit, world, login):
    for user in (credit["officer"], world.a.users["read_only"], world.reg_out, world.reg_in, world.b.admin):
        client = login(user)
        for url in NEW_PAGES:
            assert client.get(url).status_code == 200, (user.username, url)


def test_edit_pages_are_closed_to_readers_and_other_institutions(credit, entries, login, world):
    for key, prefix in [
        ("kiosk", "kiosks"),
        ("auth", "authorizations"),
        ("bulk", "bulk-data"),
        ("dissent", "dissents"),
        ("complaint", "complaints"),
        ("report", "reports"),
    ]:
        url = f"/credit/{prefix}/{entries[key].pk}/edit/"
        assert login(world.b.admin).get(url).status_code == 404, url
        assert login(world.a.users["read_only"]).get(url).status_code == 403, url
        assert login(world.reg_out).post(url, {}).status_code == 403, url
