"""Issue 17 item 6, NFRA-10.1 and 10.3: the shipped OS-release register (sources named, bad files refused by
line), adaptation tasks per release and app, the scanner's SDK levels in the matrix, and the board page."""

import datetime

import pytest
from compliance_fixtures import result_for
from django.utils import timezone

from appgov.core.controls.registry import Outcome, SubjectType
from appgov.operations import datafiles, services
from appgov.operations.compatibility_matrix import matrix
from appgov.operations.datafiles import DataFileError
from appgov.operations.models import AdaptationTask, OsRelease, PlatformRequirement
from appgov.scanning.models import Scan

TODAY = datetime.date(2026, 3, 2)


def release(org, version, ga, platform="android", api=None, beta=None):
    return services.releases.create(
        None,
        {
            "institution": org.inst,
            "platform": platform,
            "version": version,
            "api_level": api,
            "beta_on": beta,
            "ga_on": ga,
            "source": "test",
        },
    )


def test_shipped_register_names_a_source_for_every_entry_and_loads_once(world):
    parsed = datafiles.parse_os_releases()
    assert {r["platform"] for r in parsed["releases"]} == {"ios", "android", "harmonyos"}
    assert all(r["source"] for r in parsed["releases"] + parsed["requirements"])
    assert all(r["ga_on"] or r["date_note"] for r in parsed["releases"])  # an unknown date says so
    google = [r for r in parsed["requirements"] if r["distributor"] == "Google Play"]
    assert {r["min_target_api"] for r in google} >= {33, 34, 35}
    assert any(r["distributor"] == "华为应用市场" for r in parsed["requirements"])
    a = world.a
    counts = services.load_register(a.inst)
    assert counts["added"] == len(parsed["releases"]) + len(parsed["requirements"])
    assert services.load_register(a.inst)["added"] == 0
    assert OsRelease.objects.filter(institution=a.inst, shipped=True).count() == len(parsed["releases"])
    assert not OsRelease.objects.filter(institution=world.b.inst).exists()
    assert PlatformRequirement.objects.filter(
        institution=a.inst, distributor="Google Play", min_target_api=35
    ).exists()


def test_a_bad_register_is_refused_naming_line_or_entry_and_writes_nothing(world):
    a = world.a
    with pytest.raises(DataFileError, match=r"os_releases.yaml: line 2, column 1: found character"):
        services.load_register(a.inst, text="releases:\n\t- platform: ios\n")
    bad = "releases:\n  - {platform: android, version: '99', ga_on: '2026-13-01', source: x}\n"
    with pytest.raises(DataFileError, match=r"releases\[1\].ga_on: not a date"):
        services.load_register(a.inst, text=bad)
    half = (
        "releases:\n  - {platform: android, version: '98', ga_on: '2026-01-01', source: x}\n"
        "  - {platform: symbian, version: '1', ga_on: '2026-01-01', source: x}\n"
    )
    with pytest.raises(DataFileError, match=r"releases\[2\]: platform 'symbian'"):
        services.load_register(a.inst, text=half)
    assert not OsRelease.objects.filter(institution=a.inst).exists()


def test_tasks_opened_for_each_app_on_the_platform_and_10_1(world):
    a = world.a
    result = result_for(a.inst, "NFRA-10.1", a.inst.pk, TODAY, SubjectType.INSTITUTION)
    assert result.outcome == Outcome.FAIL  # nothing tracked
    rel = release(a, "16", datetime.date(2026, 6, 10), api=36)
    release(a, "10", datetime.date(2019, 9, 3), api=29)  # GA long ago: not tracked
    result = result_for(a.inst, "NFRA-10.1", a.inst.pk, TODAY, SubjectType.INSTITUTION)
    assert result.outcome == Outcome.FAIL and "缺少适配任务" in result.zh
    assert services.ensure_tasks(a.inst, today=TODAY) == 1  # app (android, ios); app2 is a mini-program
    task = AdaptationTask.objects.get(release=rel)
    assert task.app == a.app and task.due_on == rel.ga_on
    assert result_for(a.inst, "NFRA-10.1", a.inst.pk, TODAY, SubjectType.INSTITUTION).outcome == Outcome.PASS
    services.releases.update(rel, None, {"ga_on": datetime.date(2026, 7, 1)})
    task.refresh_from_db()
    assert task.due_on == datetime.date(2026, 7, 1)  # the due date follows the release


def test_10_3_plans_and_contingency_plans_due_at_ga(world):
    a = world.a
    rel = release(a, "16", datetime.date(2026, 6, 10), api=36)
    services.ensure_tasks(a.inst, today=TODAY)
    task = AdaptationTask.objects.get(release=rel)
    result = result_for(a.inst, "NFRA-10.3", a.app.pk, TODAY)
    assert result.outcome == Outcome.PASS and "2026-06-10" in result.zh  # not due yet, due date named
    after_ga = datetime.date(2026, 6, 11)
    result = result_for(a.inst, "NFRA-10.3", a.app.pk, after_ga)
    assert result.outcome == Outcome.FAIL and "改造方案" in result.zh and "应急预案" in result.zh
    services.tasks.update(task, a.office_user, {"plan": "升级 targetSdk 36"})
    result = result_for(a.inst, "NFRA-10.3", a.app.pk, after_ga)
    assert result.outcome == Outcome.FAIL and "应急预案" in result.zh and "改造方案" not in result.zh
    services.tasks.update(task, a.office_user, {"contingency_plan": "回退旧包"})
    assert result_for(a.inst, "NFRA-10.3", a.app.pk, after_ga).outcome == Outcome.PASS
    assert result_for(a.inst, "NFRA-10.3", a.app2.pk, after_ga).outcome == Outcome.NOT_APPLICABLE


def test_matrix_states_and_the_scanner_sdk(world):
    a = world.a
    today = timezone.localdate()
    r16 = release(a, "16", today + datetime.timedelta(days=90), api=36)
    r_old = release(a, "9", today - datetime.timedelta(days=300), api=28)
    ios = release(a, "27", today + datetime.timedelta(days=200), platform="ios")
    harmony = release(a, "6.0", today + datetime.timedelta(days=100), platform="harmonyos")
    services.ensure_tasks(a.inst)
    Scan.objects.create(
        version=a.version,
        package_sha256="0" * 64,
        status=Scan.Status.DONE,
        report={"app": {"min_os": "30", "target_os": "34"}},
        finished_at=timezone.now(),
    )
    t16 = AdaptationTask.objects.get(release=r16)
    services.results.create(
        a.office_user, {"task": t16, "device": "Pixel 9", "os_build": "16", "outcome": "passed"}
    )
    tios = AdaptationTask.objects.get(release=ios)
    services.results.create(
        a.office_user, {"task": tios, "device": "iPhone 16", "os_build": "27", "outcome": "failed"}
    )
    board = matrix([a.inst])
    row = next(r for r in board["rows"] if r["app"] == a.app)
    states = {
        (c.platform, c.version): cell["state"] for c, cell in zip(board["columns"], row["cells"], strict=True)
    }
    assert states[("android", "16")] == "passed"
    assert states[("ios", "27")] == "failed"
    assert states[("android", "9")] == "not_applicable"  # minSdk 30 from the scan > API 28
    assert states[("harmonyos", "6.0")] == "not_applicable"  # the app is not on HarmonyOS
    assert row["sdk"]["target"] == 34 and row["sdk"]["min"] == 30
    mini = next(r for r in board["rows"] if r["app"] == a.app2)
    assert {c["state"] for c in mini["cells"]} == {"not_applicable"}
    assert r_old and harmony


def test_matrix_page_and_the_examiner_sees_only_their_jurisdiction(world, login):
    a, b = world.a, world.b
    release(a, "16", timezone.localdate() + datetime.timedelta(days=90), api=36)
    release(b, "16", timezone.localdate() + datetime.timedelta(days=90), api=36)
    services.ensure_tasks(a.inst)
    page = login(a.office_user).get("/operations/compatibility/").content.decode()
    assert "ALPHA手机银行" in page and "ZQX" not in page
    assert 'data-state="untested"' in page and "API 36" in page
    examiner = login(world.reg_in).get("/operations/compatibility/").content.decode()
    assert "ZQX手机银行" in examiner and "ALPHA" not in examiner


def test_release_edit_form_round_trip_and_api(world, login, api):
    a = world.a
    rel = release(a, "16", datetime.date(2026, 6, 10), api=36, beta=datetime.date(2026, 1, 23))
    client = login(a.office_user)
    form = client.get(f"/operations/os-releases/{rel.pk}/edit/")
    assert form.status_code == 200
    data = {
        "platform": "android",
        "version": "16",
        "api_level": "36",
        "beta_on": "2026-01-23",
        "ga_on": "2026-06-10",
        "date_note": "",
        "source": "test",
    }
    before = OsRelease.objects.filter(pk=rel.pk).values().get()
    assert client.post(f"/operations/os-releases/{rel.pk}/edit/", data).status_code == 302
    assert OsRelease.objects.filter(pk=rel.pk).values().get() == before
    bad = client.post(f"/operations/os-releases/{rel.pk}/edit/", {**data, "beta_on": "2026-07-01"})
    assert bad.status_code == 200 and OsRelease.objects.get(pk=rel.pk).beta_on == datetime.date(2026, 1, 23)
    made = api(a.office_user).post(
        "/api/operations/os-releases/",
        {"platform": "ios", "version": "28", "source": "Apple Newsroom", "date_note": "not announced"},
        format="json",
    )
    assert made.status_code == 201, made.content
    assert OsRelease.objects.get(pk=made.json()["id"]).institution == a.inst


def test_the_matrix_flags_a_scanned_target_sdk_below_a_store_requirement_in_effect(world, login):
    a = world.a
    today = timezone.localdate()
    release(a, "16", today + datetime.timedelta(days=90), api=36)
    Scan.objects.create(
        version=a.version,
        package_sha256="0" * 64,
        status=Scan.Status.DONE,
        report={"app": {"min_os": "26", "target_os": "33"}},
        finished_at=timezone.now(),
    )

    def requirement(distributor, level, effective_on):
        return services.requirements.create(
            a.office_user,
            {"institution": a.inst, "distributor": distributor, "platform": "android", "min_target_api": level,
             "effective_on": effective_on, "source": "test"},
        )  # fmt: skip

    requirement("Google Play", 35, today - datetime.timedelta(days=30))  # in effect, not met (33 < 35)
    requirement("华为应用市场", 33, today - datetime.timedelta(days=30))  # in effect, met
    requirement("小米应用商店", 36, today + datetime.timedelta(days=30))  # not yet in effect
    board = matrix([a.inst])
    row = next(r for r in board["rows"] if r["app"] == a.app)
    assert [r.distributor for r in row["unmet"]] == ["Google Play"]
    mini = next(r for r in board["rows"] if r["app"] == a.app2)
    assert mini["unmet"] == []  # not an Android app: judged on nothing here
    page = login(a.office_user).get("/operations/compatibility/").content.decode()
    assert "低于Google Play要求：targetSdk ≥ 35" in page
